"""The whole loop: assignments -> filled (by a script, by LibreOffice) -> BÁO CÁO.

The report's docx is validated against the OOXML schemas, passes `plangen check`, and its
figures are compared with counts the test makes itself from the answers it wrote.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import require_soffice
from docx import Document
from support.docx_helpers import all_text, assert_schema_valid

from plangen.check.api import check_file
from plangen.render.report import CELL_PADDING, HEAD_SIZE_PT
from plangen.render.textwidth import bold_width_pt
from plangen.spec.api import load_plan
from plangen.track.readback import WorkbookError, read_answers
from plangen.track.tasks import assignments
from plangen.track.workbook import assignment_workbook

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "specs" / "variations.yaml"
AS_OF = datetime.date(2026, 10, 15)
# (task number) -> what every agency with a role in it answers: status, completion day, texts
ANSWERS: dict[str, tuple[str, datetime.date | None, str, str, str]] = {
    "1": ("Đã hoàn thành", datetime.date(2026, 3, 20), "Tổ chức 2 hội nghị", "", ""),
    "2": ("Đã hoàn thành", datetime.date(2026, 7, 10), "Trình Kế hoạch", "Chậm số liệu",
          "Gia hạn"),
    "4.a": ("Đang thực hiện", None, "", "Thiếu kinh phí", "Bổ sung kinh phí"),
    "3": ("Chưa thực hiện", None, "", "", ""),
}


def _fill(workbook: Path, target: Path, only: str | None = None) -> None:
    """Answer every agency's rows as ANSWERS says (only one sheet's, if `only`)."""
    book = openpyxl.load_workbook(workbook)
    for sheet in book.worksheets[1:]:
        if only is not None and sheet.title != only:
            continue
        for row in range(4, sheet.max_row + 1):
            answer = ANSWERS.get(str(sheet.cell(row, 1).value))
            if answer is None:
                continue
            status, day, result, difficulty, proposal = answer
            sheet.cell(row, 7).value = status
            sheet.cell(row, 8).value = day
            sheet.cell(row, 9).value = result or None
            sheet.cell(row, 10).value = difficulty or None
            sheet.cell(row, 11).value = proposal or None
    book.save(target)


def _expected_rows() -> dict[str, tuple[int, ...]]:
    """Each agency's figures counted here from ANSWERS and the plan's own deadlines."""
    work = assignments(load_plan(SPEC))
    rows = {}
    for agency in work.agencies:
        tasks = work.of(agency)
        done = on_time = late = doing = not_started = not_reported = overdue = 0
        for task in tasks:
            due = task.period.end if task.period else None
            status, day, *_ = ANSWERS.get(task.number, (None, None))
            passed = due is not None and due <= AS_OF if task.period and not \
                task.period.recurrence else task.period is not None and task.period.due_by(
                    AS_OF, since=datetime.date(2026, 2, 5)) is not None
            if status == "Đã hoàn thành":
                done += 1
                if due is None or (day is not None and day <= due):
                    on_time += 1
                else:
                    late += 1
                continue
            doing += status == "Đang thực hiện"
            not_started += status == "Chưa thực hiện"
            not_reported += status is None
            overdue += passed
        rows[agency.name] = (len(tasks), done, on_time, late, doing, not_started,
                             not_reported, overdue)
    return rows


def _report(tmp_path: Path, *filled: Path) -> Path:
    out = tmp_path / "bao-cao.docx"
    done = subprocess.run([sys.executable, "-m", "plangen", "report", str(SPEC),
                           *map(str, filled), "-o", str(out), "--as-of", "15/10/2026"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return out


def _summary_table(path: Path) -> dict[str, tuple[int, ...]]:
    table = next(candidate for candidate in Document(str(path)).tables
                 if candidate.rows[0].cells[1].text == "Cơ quan, đơn vị")
    return {row.cells[1].text: tuple(int(cell.text) for cell in row.cells[2:])
            for row in table.rows[1:]}


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "phan-cong.xlsx"
    path.write_bytes(assignment_workbook(assignments(load_plan(SPEC))))
    return path


def _assert_report(path: Path) -> None:
    data = path.read_bytes()
    assert_schema_valid(data)
    report = check_file(path)
    assert report.ok, [result.id for result in report.failed]
    assert _summary_table(path) == {name: row for name, row in _expected_rows().items()
                                    if row[0]}
    text = all_text(data)
    assert "BÁO CÁO" in text
    assert "Kết quả thực hiện Kế hoạch số 05/KH-UBND ngày 5/2/2026" in text
    assert "Tổ chức 2 hội nghị" in text and "Thiếu kinh phí" in text and "Gia hạn" in text
    assert "Số:" in text and "/BC-UBND" in text
    assert "Ninh Bình, ngày 15 tháng 10 năm 2026" in text
    # the overdue list: due by 15/10/2026 (task 4.a: Quý III; task 3: Năm 2026 is not yet)
    overdue = next(t for t in Document(str(path)).tables
                   if t.rows[0].cells[-1].text == "Tình trạng")
    assert [row.cells[1].text.split(".")[0] for row in overdue.rows[1:]] == ["4"]
    # the chart is embedded as a picture
    assert any(name.startswith("word/media/") for name in _names(data))
    # a task's title runs on into its timeline, its difficulties: no stray marks between
    for para in Document(str(path)).paragraphs:
        if para.text.startswith("Nhiệm vụ "):
            assert not re.search(r"[.;:,] \(|[.;,]:$|: —\)", para.text), para.text
    # no table heading is cut inside a word ("Số nhiệ / m vụ", "ST / T")
    for table in Document(str(path)).tables:
        for cell in table.rows[0].cells:
            room = int(cell._tc.tcPr.tcW.w) - CELL_PADDING
            for word in cell.text.split():
                assert bold_width_pt(word, HEAD_SIZE_PT) * 20 <= room, (word, room)


def _names(data: bytes) -> list[str]:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_filled_by_a_script(workbook: Path, tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    _fill(workbook, filled)
    _assert_report(_report(tmp_path, filled))


def test_each_agency_its_own_file(workbook: Path, tmp_path: Path) -> None:
    names = openpyxl.load_workbook(workbook).sheetnames[1:]
    files = []
    for index, name in enumerate(names):
        target = tmp_path / f"cq-{index}.xlsx"
        _fill(workbook, target, only=name)
        files.append(target)
    _assert_report(_report(tmp_path, *files))


def test_saved_by_libreoffice(workbook: Path, tmp_path: Path) -> None:
    soffice = require_soffice()
    filled = tmp_path / "filled" / "phan-cong.xlsx"
    filled.parent.mkdir()
    _fill(workbook, filled)
    outdir = tmp_path / "resaved"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir),
                    str(filled)], check=True, capture_output=True, timeout=180)
    resaved = outdir / "phan-cong.xlsx"
    assert resaved.read_bytes() != filled.read_bytes()
    book = openpyxl.load_workbook(resaved)  # LibreOffice kept the drop-down list
    lists = [v for v in book.worksheets[1].data_validations.dataValidation if v.type == "list"]
    assert lists and "Đã hoàn thành" in (lists[0].formula1 or "")
    _assert_report(_report(tmp_path, resaved))


def _problems(work_path: Path, tmp_path: Path, edit: dict[tuple[str, str], object]) -> str:
    book = openpyxl.load_workbook(work_path)
    for (sheet, cell), value in edit.items():
        book[sheet][cell] = value
    target = tmp_path / "bad.xlsx"
    book.save(target)
    out = tmp_path / "bao-cao.docx"
    done = subprocess.run([sys.executable, "-m", "plangen", "report", str(SPEC), str(target),
                           "-o", str(out), "--as-of", "15/10/2026"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert not out.exists()
    return done.stderr


def test_cell_addressed_problems(workbook: Path, tmp_path: Path) -> None:
    sheet = "Sở Khoa học và Công nghệ"
    stderr = _problems(workbook, tmp_path, {
        (sheet, "G4"): "xong rồi",  # a status not in the list
        (sheet, "A5"): "9", (sheet, "G5"): "Đang thực hiện",  # a task the plan does not have
        (sheet, "G6"): "Đã hoàn thành",  # done, no date
        (sheet, "G7"): "Đang thực hiện", (sheet, "H7"): "31/6/2026",  # no such date
        (sheet, "I8"): "Đã làm",  # results without a status
        ("Sở Tư pháp", "A4"): "2",  # a task not assigned to that agency
        ("Sở Tư pháp", "G4"): "Đã hoàn thành",
    })
    lines = stderr.splitlines()
    assert any(line.startswith(f"bad.xlsx: {sheet}!G4 ") and "xong rồi" in line
               for line in lines)
    assert any(line.startswith(f"bad.xlsx: {sheet}!A5 ") and "\"9\"" in line for line in lines)
    assert any(line.startswith(f"bad.xlsx: {sheet}!H6 ") for line in lines)
    assert any(line.startswith(f"bad.xlsx: {sheet}!H7 ") and "31/6/2026" in line
               for line in lines)
    assert any(line.startswith(f"bad.xlsx: {sheet}!G8 ") for line in lines)
    assert any(line.startswith("bad.xlsx: Sở Tư pháp!A4 ") and "không giao" in line
               for line in lines)
    assert "6 chỗ cần sửa" in lines[-1]


def test_conflicting_answers(workbook: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    _fill(workbook, first)
    book = openpyxl.load_workbook(first)
    book["Sở Tư pháp"]["G4"] = "Đang thực hiện"
    book["Sở Tư pháp"]["H4"] = None
    book.save(second)
    work = assignments(load_plan(SPEC))
    with pytest.raises(WorkbookError) as caught:
        read_answers(work, [first, second])
    assert [p.code for p in caught.value.problems] == ["report_conflict"]
    assert caught.value.problems[0].where == "b.xlsx: Sở Tư pháp!G4"
    assert "a.xlsx: Sở Tư pháp!G4" in caught.value.message("vi")
    # the same answer twice is no conflict
    assert read_answers(work, [first, first])


def test_not_a_workbook(tmp_path: Path) -> None:
    fake = tmp_path / "x.xlsx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(WorkbookError) as caught:
        read_answers(assignments(load_plan(SPEC)), [fake])
    assert caught.value.problems[0].code == "report_not_workbook"


def test_another_plans_workbook(workbook: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"
    other.write_bytes(assignment_workbook(assignments(load_plan(ROOT / "specs" / "hue.yaml"))))
    with pytest.raises(WorkbookError) as caught:
        read_answers(assignments(load_plan(SPEC)), [other])
    assert {p.code for p in caught.value.problems} == {"report_other_plan"}


def test_issuer_and_signer_given(workbook: Path, tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    _fill(workbook, filled)
    out = tmp_path / "bc.docx"
    done = subprocess.run([sys.executable, "-m", "plangen", "report", str(SPEC), str(filled),
                           "-o", str(out), "--as-of", "15/10/2026", "--issuer",
                           "Sở Khoa học và Công nghệ", "--signature-line", "KT. GIÁM ĐỐC",
                           "--signature-line", "PHÓ GIÁM ĐỐC", "--signer", "Lê Văn Bình",
                           "--number", "12"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    text = all_text(out.read_bytes())
    # 70.2 mm: too long for the 65 mm agency column, broken before "VÀ" (NĐ 30 PL1 II.2.c)
    assert "SỞ KHOA HỌC\nVÀ CÔNG NGHỆ" in text and "Lê Văn Bình" in text
    assert "KT. GIÁM ĐỐC" in text and "Số: 12/BC-UBND" in text
    assert check_file(out).ok


def test_bad_as_of(workbook: Path, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "plangen", "report", str(SPEC), str(workbook),
                           "-o", str(tmp_path / "x.docx"), "--as-of", "31/2/2026"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "31/2/2026" in done.stderr


def test_same_answers_same_bytes(workbook: Path, tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    _fill(workbook, filled)
    first = _report(tmp_path, filled).read_bytes()
    shutil.move(tmp_path / "bao-cao.docx", tmp_path / "first.docx")
    assert _report(tmp_path, filled).read_bytes() == first
