"""The assignment workbook and calendar, read back with openpyxl and icalendar."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from plangen.spec.api import load_plan
from plangen.track.agencies import AgencyBook, split_agencies
from plangen.track.calendar import deadline_calendar
from plangen.track.tasks import LEAD, PARTNER, SUPERVISOR, assignments
from plangen.track.workbook import OVERVIEW, ROLE_FILLS, STATUSES, assignment_workbook

ROOT = Path(__file__).resolve().parents[2]
VARIATIONS = ROOT / "specs" / "variations.yaml"
HUE = ROOT / "specs" / "hue.yaml"


def _book(spec: Path, tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "phan-cong.xlsx"
    path.write_bytes(assignment_workbook(assignments(load_plan(spec))))
    return openpyxl.load_workbook(path)


def test_aliases_and_groups() -> None:
    book = AgencyBook([("Sở Khoa học và Công nghệ", ["SKH-CN tỉnh"])])
    same = {book.agency(name).key for name in (
        "Sở KH&CN", "Sở Khoa học và Công nghệ", "sở khoa học và công nghệ.", "SKH-CN tỉnh",
        "Sở Khoa học và Công nghệ (tổng hợp, theo dõi)")}
    assert len(same) == 1
    assert book.agency("Sở KH&CN").name == "Sở Khoa học và Công nghệ"
    assert book.agency("UBND các xã, phường").name == "Ủy ban nhân dân các xã, phường"
    assert split_agencies("Sở Tư pháp, Sở Tài chính, Sở Nội vụ và các sở, ban, ngành có liên "
                          "quan, Ủy ban nhân dân các phường, xã") == [
        "Sở Tư pháp", "Sở Tài chính", "Sở Nội vụ", "các sở, ban, ngành có liên quan",
        "Ủy ban nhân dân các phường, xã"]
    assert split_agencies("Sở Văn hóa, Thể thao và Du lịch") == ["Sở Văn hóa, Thể thao và Du lịch"]
    groups = book.agencies(["Các sở, ban, ngành; Ủy ban nhân dân các xã, phường"])
    assert [agency.group for agency in groups] == [True, True]
    assert not book.agency("Sở Tư pháp").group


def test_one_office_serving_two_bodies_is_one_agency() -> None:
    # "Văn phòng HĐND và UBND xã" is the commune's one office, not the council and the committee
    assert split_agencies("Văn phòng HĐND và UBND phường; Công an phường") == [
        "Văn phòng HĐND và UBND phường", "Công an phường"]
    assert split_agencies("Văn phòng Đoàn ĐBQH và HĐND tỉnh, Sở Tư pháp") == [
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Sở Tư pháp"]
    assert split_agencies("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã và Công an xã") \
        == ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "Công an xã"]
    # an office of one body beside another agency is still two
    assert split_agencies("Văn phòng UBND tỉnh và Sở Tư pháp") == ["Văn phòng UBND tỉnh",
                                                                   "Sở Tư pháp"]
    assert split_agencies("Văn phòng HĐND, Sở Tư pháp") == ["Văn phòng HĐND", "Sở Tư pháp"]
    book = AgencyBook()
    assert book.agency("Văn phòng HĐND và UBND xã").name == (
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã")


def test_the_overview_crosses_tasks_and_agencies(tmp_path: Path) -> None:
    work = assignments(load_plan(VARIATIONS))
    book = _book(VARIATIONS, tmp_path)
    sheet = book[OVERVIEW]
    heads = [cell.value for cell in sheet[3]]
    assert heads[:3] == ["STT", "Nhiệm vụ", "Thời gian thực hiện"]
    assert heads[3:] == [agency.name for agency in work.agencies]
    roles_seen = set()
    for row_index, task in enumerate(work.tasks, 4):
        assert sheet.cell(row_index, 1).value == task.number
        for column, agency in enumerate(work.agencies, 4):
            cell = sheet.cell(row_index, column)
            role = task.role_of(agency)
            assert (cell.value or None) == role
            if role:
                roles_seen.add(role)
                assert cell.fill.fgColor.rgb.endswith(ROLE_FILLS[role])
    assert roles_seen == {LEAD, PARTNER, SUPERVISOR}  # the variations spec has all three
    assert sheet.freeze_panes == "A4"


def test_each_agency_sheet_lists_its_tasks_with_report_columns(tmp_path: Path) -> None:
    work = assignments(load_plan(VARIATIONS))
    book = _book(VARIATIONS, tmp_path)
    assert len(book.sheetnames) == 1 + len(work.agencies)
    for agency, name in zip(work.agencies, book.sheetnames[1:], strict=True):
        sheet = book[name]
        assert sheet["A1"].value == f"Cơ quan: {agency.name}"
        assert [cell.value for cell in sheet[3]] == [
            "STT", "Nhiệm vụ", "Vai trò", "Thời gian thực hiện", "Hạn (ngày)", "Sản phẩm",
            "Tình trạng", "Ngày hoàn thành", "Kết quả thực hiện", "Khó khăn, vướng mắc",
            "Kiến nghị, đề xuất"]
        tasks = work.of(agency)
        rows = list(sheet.iter_rows(min_row=4, values_only=True))
        assert [row[0] for row in rows] == [task.number for task in tasks]
        for row, task in zip(rows, tasks, strict=True):
            assert row[2] == task.role_of(agency)
            assert row[3] == (task.timeline or None)
            due = task.period.end if task.period else None
            assert (row[4].date() if row[4] else None) == due
            assert row[6:] == (None,) * 5  # empty, to report
        # print and navigation setup
        assert sheet.freeze_panes == "A4"
        assert sheet.auto_filter.ref == f"A3:K{max(3 + len(tasks), 4)}"
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == "9"  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$3:$3"
        lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
        assert len(lists) == 1
        assert lists[0].formula1 == '"' + ",".join(STATUSES) + '"'
        last = max(3 + len(tasks), 4)
        assert str(lists[0].sqref) == (f"G4:G{last}" if last > 4 else "G4")
        dates = [v for v in sheet.data_validations.dataValidation if v.type == "date"]
        assert str(dates[0].sqref) == (f"H4:H{last}" if last > 4 else "H4")


def test_dates_as_written_and_as_dates(tmp_path: Path) -> None:
    book = _book(VARIATIONS, tmp_path)
    sheet = book["Sở Khoa học và Công nghệ"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["2"][3] == "Tháng 6 năm 2026"  # as written, without the line's full stop
    assert rows["2"][4] == datetime.datetime(2026, 6, 30)
    assert rows["4.b"][3] == "Thường xuyên" and rows["4.b"][4] is None
    assert sheet["E4"].number_format == "dd/mm/yyyy"


def test_same_plan_same_bytes() -> None:
    work = assignments(load_plan(HUE))
    assert assignment_workbook(work) == assignment_workbook(assignments(load_plan(HUE)))
    assert deadline_calendar(work) == deadline_calendar(assignments(load_plan(HUE)))


def test_the_calendar_parses_back() -> None:
    work = assignments(load_plan(VARIATIONS))
    calendar = Calendar.from_ical(deadline_calendar(work))
    events = list(calendar.walk("VEVENT"))
    dated = [task for task in work.tasks if task.period and task.period.end]
    assert len(events) == len(dated) >= 3
    for event, task in zip(events, dated, strict=True):
        assert task.period is not None
        assert event.decoded("dtstart") == task.period.end
        assert str(event["summary"]).startswith(f"Hạn nhiệm vụ {task.number}: ")
        assert f"Thời gian thực hiện: {task.timeline}\n" in str(event["description"])
        assert ("RRULE" in event) == (task.period.recurrence is not None)
    yearly = next(e for e, t in zip(events, dated, strict=True)
                  if t.period is not None and t.period.recurrence == "yearly")
    assert yearly["rrule"]["FREQ"] == ["YEARLY"]


def test_the_command(tmp_path: Path) -> None:
    out, ics = tmp_path / "phan-cong.xlsx", tmp_path / "lich.ics"
    done = subprocess.run([sys.executable, "-m", "plangen", "assignments", str(HUE), "-o",
                           str(out), "--ics", str(ics)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(out).sheetnames[0] == OVERVIEW
    assert Calendar.from_ical(ics.read_bytes()).walk("VEVENT")


@pytest.mark.parametrize("spec", sorted((ROOT / "specs").glob("*.yaml")))
def test_every_spec_has_a_workbook(spec: Path, tmp_path: Path) -> None:
    book = _book(spec, tmp_path)
    plan = load_plan(spec)
    work = assignments(plan)
    named = any(t.roles.lead or t.roles.implementer or t.roles.partners or t.roles.supervisor
                for task in plan.tasks.items for t in (task, *task.subtasks))
    # a plan whose tasks carry no role lines (QĐ 4385: duties by agency in section IV) still
    # gets its workbook, with no role to fill
    assert all(task.roles for task in work.tasks) if named else not any(
        task.roles for task in work.tasks)
    assert len(book.sheetnames) == 1 + len(work.agencies)


def test_a_broken_spec_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "x.yaml"
    spec.write_text("issuer: {name: A}\n", encoding="utf-8")
    out = tmp_path / "x.xlsx"
    done = subprocess.run([sys.executable, "-m", "plangen", "assignments", str(spec), "-o",
                           str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "x.yaml:" in done.stderr
    assert not out.exists()


def test_agency_headed_duty_blocks(tmp_path: Path) -> None:
    """Tasks grouped by agency ("1. Sở Công Thương:" then its duties, a deadline line) with no
    role labels, as the Đắk Lắk emergency plan writes them: the heading's agency leads."""
    import yaml

    data = yaml.safe_load((ROOT / "tests" / "data" / "valid" / "minimal.yaml").read_text(
        encoding="utf-8"))
    data.pop("appendix", None)
    data["tasks"]["items"] = [
        {"title": "Sở Công Thương:", "description": ["Điều phối nguồn hàng hỗ trợ."],
         "timeline": "Trước ngày 30/11/2026"},
        {"title": "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh:",
         "subtasks": [{"title": "Vận động ủng hộ.", "timeline": "Thường xuyên"},
                      {"title": "Tiếp nhận, phân bổ hàng hóa.", "timeline": "Tháng 12/2026"}]},
        {"title": "Tuyên truyền pháp luật", "timeline": "Năm 2026"},
    ]
    spec = tmp_path / "plan.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    work = assignments(load_plan(spec))
    leads = {task.number: [a.name for a in task.leads()] for task in work.tasks}
    assert leads == {"1": ["Sở Công Thương"],
                     "2.a": ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
                     "2.b": ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "3": []}
    first = work.by_number()["1"]
    assert first.title == "Sở Công Thương: Điều phối nguồn hàng hỗ trợ."
    assert first.period is not None and first.period.end == datetime.date(2026, 11, 30)
    assert work.by_number()["2.b"].title == ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh: Tiếp nhận, "
                                             "phân bổ hàng hóa.")


def test_a_specs_own_aliases() -> None:
    plan = load_plan(VARIATIONS)
    book = AgencyBook(plan.agencies)
    full = "Trung tâm Phục vụ hành chính công tỉnh"
    assert book.agency("TTPVHCC").name == full
    assert book.agency("Trung tâm PVHCC tỉnh").key == book.agency(full).key


def test_the_public_api_writes_the_workbook_and_calendar(tmp_path: Path) -> None:
    import plangen

    book, ics = tmp_path / "phan-cong.xlsx", tmp_path / "han.ics"
    written = plangen.write_assignments(VARIATIONS, book, ics)
    assert written.files == (book, ics)
    work = plangen.assignments(plangen.load_plan(VARIATIONS))
    sheet = openpyxl.load_workbook(book)[OVERVIEW]
    numbers = [sheet.cell(row, 1).value for row in range(4, 4 + len(work.tasks))]
    assert numbers == [task.number for task in work.tasks]
    events = [c for c in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert events
