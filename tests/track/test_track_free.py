"""Tracking a plan as real plans write it: a decision-issued Ministry plan whose tasks are its
organization section's agencies ("1. Viện …", then "a) …" duties), and a plan with no task to
follow at all."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import openpyxl
from support.docx_helpers import all_text, assert_schema_valid

from plangen.check.api import check_file
from plangen.freeform import Block
from plangen.model import agency_heading
from plangen.spec.api import load_plan
from plangen.track.tasks import assignments, plan_reference

ROOT = Path(__file__).resolve().parents[2]
MINISTRY = ROOT / "specs" / "bo-vhttdl-qd4385.yaml"
REFERENCE = ("Kế hoạch ban hành kèm theo Quyết định số 4385/QĐ-BVHTTDL ngày 18/11/2025 của "
             "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch")
NO_TASK = """\
issuer: {name: Ủy ban nhân dân tỉnh Đắk Lắk}
symbol: KH-UBND
place: Đắk Lắk
date: {day: 5, month: 2, year: 2026}
summary: Tuyên truyền pháp luật năm 2026
sections:
  - {heading: "MỤC ĐÍCH, YÊU CẦU", role: purpose, content: ["Nâng cao nhận thức."]}
  - {heading: NỘI DUNG, role: tasks, content: ["Tuyên truyền trên báo, đài."]}
  - {heading: KINH PHÍ, role: funding, content: ["Ngân sách tỉnh."]}
  - {heading: TỔ CHỨC THỰC HIỆN, role: organization, content: ["Các sở, ngành thực hiện."]}
recipients: ["Lưu: VT"]
signature: {lines: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Nguyễn Văn A}
"""


def plangen(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "plangen", *map(str, args)],
                          capture_output=True, text=True, check=False,
                          env={"PLANGEN_LANG": "vi", "PATH": "/usr/bin:/bin"})


def test_the_agencies_of_the_organization_section_are_the_tasks() -> None:
    work = assignments(load_plan(MINISTRY))
    numbers = [task.number for task in work.tasks]
    # named as the plan prints them (mục IV, khoản 3, điểm đ); the Sở's lead-in line
    # ("Chủ trì …, tham mưu cho …:") is not a duty: its points a) … đ) are
    assert numbers == ["IV.1.a", "IV.1.b", "IV.1.c", "IV.1.d", "IV.2", "IV.3.a", "IV.3.b",
                       "IV.3.c", "IV.3.d", "IV.3.đ", "IV.4"]
    leads = {task.leads()[0].name for task in work.tasks}
    assert "Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam" in leads
    assert "Các tổ chức, cá nhân liên quan" in leads
    assert plan_reference(work.plan) == REFERENCE


def test_an_agency_named_alone_heads_its_duties_only_in_the_organization_section() -> None:
    item = Block(kind="item", text="Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam",
                 content=(Block(kind="point", text="Tổ chức tuyên truyền."),))
    assert agency_heading(item, named_alone=True) == (item.text, "")
    assert agency_heading(item) is None
    sentence = Block(kind="item", text="Sở Tư pháp hướng dẫn các xã thực hiện.",
                     content=item.content)
    assert agency_heading(sentence, named_alone=True) is None  # a sentence, not a name
    bare = Block(kind="item", text=item.text)
    assert agency_heading(bare, named_alone=True) is None  # no duties below it
    asked = Block(kind="item", text="Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường",
                  content=item.content)  # the request is not part of the body's name
    assert agency_heading(asked, named_alone=True) == (
        "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "")


def test_the_whole_loop_on_a_decision_issued_plan(tmp_path: Path) -> None:
    book = tmp_path / "phan-cong.xlsx"
    assert plangen("assignments", MINISTRY, "-o", book).returncode == 0
    workbook = openpyxl.load_workbook(book)
    assert workbook.worksheets[0].cell(2, 1).value == REFERENCE
    sheet = workbook.worksheets[1]
    sheet.cell(4, 7).value = "Đã hoàn thành"
    sheet.cell(4, 8).value = datetime.datetime(2025, 12, 10)
    filled = tmp_path / "da-dien.xlsx"
    workbook.save(filled)
    report = tmp_path / "bao-cao.docx"
    done = plangen("report", MINISTRY, filled, "-o", report, "--as-of", "15/12/2025")
    assert done.returncode == 0, done.stderr
    data = report.read_bytes()
    assert_schema_valid(data)
    assert check_file(report).ok
    assert f"Thực hiện {REFERENCE} về" in all_text(data)
    chart = tmp_path / "tien-do.docx"
    assert plangen("timeline", MINISTRY, "-o", chart).returncode == 0
    text = all_text(chart.read_bytes())
    assert "(Kèm theo Quyết định số 4385/QĐ-BVHTTDL ngày 18 tháng 11 năm 2025" in text
    assert "Kế hoạch số" not in text.split("TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ")[1]


def test_a_plan_without_tasks_is_refused_with_what_to_add(tmp_path: Path) -> None:
    spec = tmp_path / "ke-hoach.yaml"
    spec.write_text(NO_TASK, encoding="utf-8")
    openpyxl.Workbook().save(tmp_path / "some.xlsx")
    for command, out in (("assignments", "x.xlsx"), ("timeline", "x.png"),
                         ("report", "x.docx")):
        extra = [tmp_path / "some.xlsx"] if command == "report" else []
        done = plangen(command, spec, *extra, "-o", tmp_path / out)
        assert done.returncode == 1, (command, done.stderr)
        assert "chưa có nhiệm vụ nào để theo dõi" in done.stderr and "Traceback" not in \
            done.stderr
        assert not (tmp_path / out).exists()


COMMUNE = """\
issuer: {name: Ủy ban nhân dân phường Hải Châu}
symbol: KH-UBND
place: Hải Châu
date: {day: 10, month: 1, year: 2027}
summary: Chuyển đổi số năm 2027
numbering: letter
sections:
  - {heading: "MỤC ĐÍCH, YÊU CẦU", role: purpose, content: ["Đẩy mạnh chuyển đổi số."]}
  - heading: NHIỆM VỤ, GIẢI PHÁP
    role: tasks
    content:
      - item: Phát triển xã hội số
        content:
          - bullet: Duy trì 15 Tổ công nghệ số cộng đồng
            deadline: trong năm 2027.
            deadline_inline: ";"
  - {heading: KINH PHÍ, role: funding, content: ["Ngân sách phường."]}
  - heading: TỔ CHỨC THỰC HIỆN
    role: organization
    content:
      - item: Văn phòng HĐND và UBND phường
        content: [{bullet: "Theo dõi, đôn đốc việc thực hiện Kế hoạch."}]
      - item: Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường và các đoàn thể
        content: ["Tuyên truyền, vận động hội viên tham gia."]
recipients: ["Lưu: VT"]
signature: {lines: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Trần Thị Bình}
"""


def test_a_ward_plan_names_its_offices_as_they_are(tmp_path: Path) -> None:
    spec = tmp_path / "phuong.yaml"
    spec.write_text(COMMUNE, encoding="utf-8")
    work = assignments(load_plan(spec))
    by_number = work.by_number()
    # the deadline closes its sentence in the plan; the workbook shows the deadline alone
    assert by_number["B.1 (1)"].timeline == "trong năm 2027"
    assert [agency.name for agency in work.agencies] == [
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường",
        "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Các đoàn thể"]
    assert plangen("assignments", spec).returncode == 0
    book = openpyxl.load_workbook(tmp_path / "phuong-phan-cong.xlsx")
    assert book.sheetnames[1].startswith("Văn phòng Hội đồng nhân dân và")
    overview = book["Tổng hợp"]
    assert (overview["A4"].value, overview["C4"].value) == ("B.1 (1)", "trong năm 2027")


def test_a_free_plan_s_own_aliases_gather_one_agency(tmp_path: Path) -> None:
    # the spec's `agencies` list counts for a plan of the free structure as for a classic one
    spec = tmp_path / "phuong.yaml"
    spec.write_text(COMMUNE.replace(
        "      - item: Đề nghị Ủy ban Mặt trận",
        "      - item: Phòng Văn hóa - Xã hội\n"
        "        content: [{bullet: \"Hướng dẫn người dân dùng dịch vụ công.\"}]\n"
        "      - item: Phòng VH-XH\n"
        "        content: [{bullet: \"Báo cáo kết quả hằng quý.\"}]\n"
        "      - item: Đề nghị Ủy ban Mặt trận") + """\
agencies:
  - {name: Phòng Văn hóa - Xã hội, aliases: [Phòng VH-XH]}
""", encoding="utf-8")
    plan = load_plan(spec)
    assert plan.agencies == (("Phòng Văn hóa - Xã hội", ("Phòng VH-XH",)),)
    names = [agency.name for agency in assignments(plan).agencies]
    assert names.count("Phòng Văn hóa - Xã hội") == 1
    assert "Phòng VH-XH" not in names
