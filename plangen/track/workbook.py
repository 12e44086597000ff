"""The assignment workbook: who does what by when, with columns for each agency to report.

An overview sheet crosses tasks with agencies (chủ trì / phối hợp / đôn đốc, each with its
fill); each agency then has its own sheet listing its tasks with the deadline as written and
as a date, and empty columns to report: status (from a drop-down list), completion date,
results, difficulties, proposals. Every sheet has a frozen header row, filters and an A4
landscape print setup. The same plan always gives the same bytes.
"""

from __future__ import annotations

import datetime
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from plangen.track.agencies import Agency
from plangen.track.tasks import (
    LEAD,
    PARTNER,
    SUPERVISOR,
    Assignment,
    Assignments,
    plan_day,
    plan_reference,
)
from plangen.workbooks import stable_xlsx

OVERVIEW = "Tổng hợp"
DONE, DOING, NOT_STARTED = "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện"
STATUSES = (DONE, DOING, NOT_STARTED)
AGENCY_LABEL = "Cơ quan: "
HEADER_ROW = 3
# (key, heading, width): the agency sheet's columns, in order
COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("number", "STT", 7),
    ("title", "Nhiệm vụ", 48),
    ("role", "Vai trò", 11),
    ("timeline", "Thời gian thực hiện", 22),
    ("due", "Hạn (ngày)", 12),
    ("product", "Sản phẩm", 26),
    ("status", "Tình trạng", 16),
    ("done_on", "Ngày hoàn thành", 13),
    ("result", "Kết quả thực hiện", 34),
    ("difficulty", "Khó khăn, vướng mắc", 28),
    ("proposal", "Kiến nghị, đề xuất", 28),
)
HEADINGS = {key: heading for key, heading, _ in COLUMNS}
ROLE_FILLS = {LEAD: "F4B183", PARTNER: "BDD7EE", SUPERVISOR: "C6E0B4"}
DATE_FORMAT = "dd/mm/yyyy"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_FONT = "Times New Roman"
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_names(agencies: tuple[Agency, ...]) -> dict[str, str]:
    """agency key -> its sheet's name: at most 31 characters, none of []:*?/\\, unique."""
    names: dict[str, str] = {}
    used = {OVERVIEW.casefold()}
    for agency in agencies:
        base = _BAD_SHEET_CHARS.sub("-", agency.name).strip("' ")
        name = base if len(base) <= 31 else base[:30].rstrip() + "…"
        count = 2
        while name.casefold() in used:
            suffix = f" ({count})"
            name = base[:31 - len(suffix)].rstrip() + suffix
            count += 1
        used.add(name.casefold())
        names[agency.key] = name
    return names


def due_date(task: Assignment) -> datetime.date | None:
    """The deadline as a date: the period's end (the first occurrence when it recurs)."""
    return task.period.end if task.period else None


def assignment_workbook(work: Assignments) -> bytes:
    """The .xlsx bytes of the assignment workbook of one plan."""
    book = Workbook()
    overview = book.active
    assert overview is not None
    overview.title = OVERVIEW
    _overview(overview, work)
    names = sheet_names(work.agencies)
    for agency in work.agencies:
        _agency_sheet(book.create_sheet(names[agency.key]), work, agency)
    day = datetime.datetime.combine(plan_day(work.plan.date), datetime.time())
    book.properties.creator = work.plan.issuer.name
    book.properties.title = f"Phân công thực hiện {plan_reference(work.plan)}"
    return stable_xlsx(book, day)


def _title_rows(sheet: Worksheet, title: str, reference: str, last_column: int) -> None:
    sheet["A1"] = title
    sheet["A1"].font = Font(name=_FONT, bold=True, size=13)
    sheet["A2"] = reference
    sheet["A2"].font = Font(name=_FONT, italic=True, size=11)
    for row in (1, 2):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)


def _head(sheet: Worksheet, headings: list[str], widths: list[float]) -> None:
    for column, (heading, width) in enumerate(zip(headings, widths, strict=True), 1):
        cell = sheet.cell(HEADER_ROW, column, heading)
        cell.font = Font(name=_FONT, bold=True, size=11)
        cell.fill = _HEAD_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 45


def _print_setup(sheet: Worksheet, rows: int, columns: int) -> None:
    last = get_column_letter(columns)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(rows, HEADER_ROW + 1)}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "Trang &P/&N"


def _body_cell(sheet: Worksheet, row: int, column: int, value: object,
               center: bool = False) -> None:
    cell = sheet.cell(row, column, value)
    cell.font = Font(name=_FONT, size=11)
    cell.border = _BORDER
    cell.alignment = Alignment(vertical="top", wrap_text=True,
                               horizontal="center" if center else None)


def _fit_height(sheet: Worksheet, row: int) -> None:
    """A row tall enough for its wrapped text (spreadsheets do not grow rows they open)."""
    lines = 1
    for cell in sheet[row]:
        if isinstance(cell.value, str) and cell.value:
            width = sheet.column_dimensions[cell.column_letter].width or 10
            per_line = max(1, int(width * 1.35))
            lines = max(lines, sum(-(-len(part) // per_line) for part in cell.value.split("\n")))
    sheet.row_dimensions[row].height = 15 * lines + 3


def _overview(sheet: Worksheet, work: Assignments) -> None:
    agencies = work.agencies
    headings = ["STT", "Nhiệm vụ", "Thời gian thực hiện", *(a.name for a in agencies)]
    widths = [7.0, 46.0, 20.0, *(14.0 for _ in agencies)]
    _title_rows(sheet, "BẢNG PHÂN CÔNG NHIỆM VỤ", plan_reference(work.plan), len(headings))
    _head(sheet, headings, widths)
    row = HEADER_ROW
    for task in work.tasks:
        row += 1
        _body_cell(sheet, row, 1, task.number, center=True)
        _body_cell(sheet, row, 2, task.title)
        _body_cell(sheet, row, 3, task.timeline)
        for column, agency in enumerate(agencies, 4):
            role = task.role_of(agency)
            _body_cell(sheet, row, column, role or "", center=True)
            if role:
                sheet.cell(row, column).fill = PatternFill("solid", fgColor=ROLE_FILLS[role])
        _fit_height(sheet, row)
    _print_setup(sheet, row, len(headings))
    legend = row + 2
    sheet.cell(legend, 2, "Chú thích:").font = Font(name=_FONT, bold=True)
    for offset, (role, meaning) in enumerate(((LEAD, "cơ quan chủ trì"),
                                              (PARTNER, "cơ quan phối hợp"),
                                              (SUPERVISOR, "cơ quan đôn đốc, hướng dẫn")), 1):
        cell = sheet.cell(legend + offset, 2, f"{role}: {meaning}")
        cell.fill = PatternFill("solid", fgColor=ROLE_FILLS[role])
        cell.font = Font(name=_FONT)
    note = sheet.cell(legend + 5, 2, "Mỗi cơ quan điền cột Tình trạng, Ngày hoàn thành, Kết quả, "
                                     "Khó khăn, Kiến nghị ở trang của mình rồi gửi lại tệp này.")
    note.font = Font(name=_FONT, italic=True)


def _agency_sheet(sheet: Worksheet, work: Assignments, agency: Agency) -> None:
    tasks = work.of(agency)
    _title_rows(sheet, f"{AGENCY_LABEL}{agency.name}", plan_reference(work.plan), len(COLUMNS))
    _head(sheet, [heading for _, heading, _ in COLUMNS], [width for *_, width in COLUMNS])
    row = HEADER_ROW
    for task in tasks:
        row += 1
        values = {"number": task.number, "title": task.title, "role": task.role_of(agency),
                  "timeline": task.timeline, "due": due_date(task), "product": task.product}
        for column, (key, _, _) in enumerate(COLUMNS, 1):
            _body_cell(sheet, row, column, values.get(key),
                       center=key in ("number", "role", "due", "status", "done_on"))
            if key in ("due", "done_on"):
                sheet.cell(row, column).number_format = DATE_FORMAT
        _fit_height(sheet, row)
    last = max(row, HEADER_ROW + 1)
    status = _column("status")
    choices = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"',
                             allow_blank=True, showErrorMessage=True, showInputMessage=True,
                             errorTitle="Tình trạng", promptTitle="Tình trạng",
                             error="Chọn một trong: " + ", ".join(STATUSES) + ".",
                             prompt="Chọn tình trạng thực hiện từ danh sách.")
    choices.add(f"{status}{HEADER_ROW + 1}:{status}{last}")
    done_on = _column("done_on")
    dates = DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)",
                           allow_blank=True, showErrorMessage=True, errorTitle="Ngày hoàn thành",
                           error="Nhập ngày dạng ngày/tháng/năm, ví dụ 15/6/2026.")
    dates.add(f"{done_on}{HEADER_ROW + 1}:{done_on}{last}")
    sheet.add_data_validation(choices)
    sheet.add_data_validation(dates)
    _print_setup(sheet, row, len(COLUMNS))


def _column(key: str) -> str:
    return str(get_column_letter(next(i for i, (k, _, _) in enumerate(COLUMNS, 1) if k == key)))
