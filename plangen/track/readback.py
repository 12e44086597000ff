"""Filled assignment workbooks read back: each agency's answers, or cell-addressed problems.

A workbook comes back as each agency's own copy (only its sheet filled) or one shared copy
(every sheet filled), saved by Excel or LibreOffice. Every problem is reported with its file,
sheet and cell, all of them at once: a task number the plan does not give that agency, a
status not in the list, a date that is not a date, a completed task without its completion
date, answers with no status, and two different answers for the same agency and task.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from plangen.errors import PlangenError
from plangen.messages import message
from plangen.track.agencies import Agency, fold
from plangen.track.tasks import Assignments, plan_reference
from plangen.track.workbook import (
    AGENCY_LABEL,
    DOING,
    DONE,
    HEADINGS,
    NOT_STARTED,
    OVERVIEW,
    STATUSES,
)

MAX_WORKBOOK_BYTES = 50 * 1024 * 1024
_SYNONYMS = {fold(status): status for status in STATUSES} | {
    "hoàn thành": DONE, "đã xong": DONE, "xong": DONE, "đã thực hiện xong": DONE,
    "đang triển khai": DOING, "đang làm": DOING, "chưa triển khai": NOT_STARTED,
    "chưa": NOT_STARTED}
_DMY = re.compile(r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*")
REPORT_KEYS = ("status", "done_on", "result", "difficulty", "proposal")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a filled workbook, where it is, and its message."""

    where: str  # "phan-cong.xlsx: Sở Tư pháp!G5"
    code: str
    params: dict[str, Any]

    def format(self, lang: str = "vi") -> str:
        return f"{self.where}  {message(self.code, lang, **self.params)}"


class WorkbookError(PlangenError):
    """Filled workbooks that cannot be read as they are; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("report_workbook_problems", count=len(problems))
        self.problems = tuple(problems)

    def message(self, lang: str = "vi") -> str:
        lines = [problem.format(lang) for problem in self.problems]
        return "\n".join([*lines, message("report_workbook_problems", lang,
                                          count=len(self.problems))])


@dataclass(frozen=True)
class Answer:
    """What one agency reported about one task."""

    agency: Agency
    number: str
    status: str
    done_on: datetime.date | None
    result: str
    difficulty: str
    proposal: str
    where: str  # the status cell, "file: sheet!G5"

    def same_as(self, other: Answer) -> bool:
        return (self.status, self.done_on, self.result, self.difficulty, self.proposal) == (
            other.status, other.done_on, other.result, other.difficulty, other.proposal)


def read_answers(work: Assignments, paths: Sequence[Path]) -> list[Answer]:
    """Every agency's answers in the filled workbooks `paths`, in plan order; raises
    `WorkbookError` listing every problem."""
    problems: list[Problem] = []
    answers: dict[tuple[str, str], Answer] = {}
    for path in paths:
        for answer in _read_file(work, path, problems):
            key = (answer.agency.key, answer.number)
            first = answers.get(key)
            if first is None:
                answers[key] = answer
            elif not first.same_as(answer):
                problems.append(Problem(answer.where, "report_conflict", {
                    "agency": answer.agency.name, "task": answer.number, "first": first.where}))
    if problems:
        raise WorkbookError(problems)
    order = {task.number: index for index, task in enumerate(work.tasks)}
    agencies = {agency.key: index for index, agency in enumerate(work.agencies)}
    return sorted(answers.values(), key=lambda a: (order[a.number], agencies[a.agency.key]))


def _open(path: Path, problems: list[Problem]) -> Any:
    from openpyxl import load_workbook  # only the report command pays for openpyxl

    where = path.name
    try:
        if path.stat().st_size > MAX_WORKBOOK_BYTES:
            problems.append(Problem(where, "report_too_large", {"limit": MAX_WORKBOOK_BYTES}))
            return None
        return load_workbook(path, data_only=True, read_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        problems.append(Problem(where, "report_not_workbook", {"detail": type(exc).__name__}))
        return None


def _read_file(work: Assignments, path: Path, problems: list[Problem]) -> list[Answer]:
    book = _open(path, problems)
    if book is None:
        return []
    reference = plan_reference(work.plan)
    by_name = {fold(agency.name): agency for agency in work.agencies}
    found: list[Answer] = []
    marked = 0
    for sheet in book.worksheets:
        label = sheet.cell(1, 1).value
        if sheet.title == OVERVIEW or not (isinstance(label, str)
                                           and label.startswith(AGENCY_LABEL)):
            continue
        marked += 1
        where = f"{path.name}: {sheet.title}"
        written = sheet.cell(2, 1).value
        if isinstance(written, str) and fold(written) != fold(reference):
            problems.append(Problem(f"{where}!A2", "report_other_plan", {
                "found": written, "expected": reference}))
            continue
        agency = by_name.get(fold(label[len(AGENCY_LABEL):]))
        if agency is None:
            problems.append(Problem(f"{where}!A1", "report_unknown_agency", {
                "agency": label[len(AGENCY_LABEL):].strip()}))
            continue
        found.extend(_read_sheet(work, agency, sheet, where, problems))
    if not marked:
        problems.append(Problem(path.name, "report_no_agency_sheet", {}))
    return found


def _columns(sheet: Any, where: str, problems: list[Problem]) -> tuple[int, dict[str, int]]:
    """The header row and each known column's index, found by its heading."""
    wanted = {fold(heading): key for key, heading in HEADINGS.items()}
    for row in range(1, 11):
        found = {wanted[fold(str(cell.value))]: cell.column for cell in sheet[row]
                 if cell.value is not None and fold(str(cell.value)) in wanted}
        if "number" in found and "status" in found:
            missing = [HEADINGS[key] for key in ("number", *REPORT_KEYS) if key not in found]
            if missing:
                problems.append(Problem(f"{where}!A{row}", "report_missing_columns", {
                    "columns": ", ".join(missing)}))
                return 0, {}
            return row, found
    problems.append(Problem(where, "report_no_header", {}))
    return 0, {}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _read_sheet(work: Assignments, agency: Agency, sheet: Any, where: str,
                problems: list[Problem]) -> list[Answer]:
    header, columns = _columns(sheet, where, problems)
    if not header:
        return []
    mine = {task.number for task in work.of(agency)}
    known = set(work.by_number())
    answers = []
    # values only: reading never creates cells, however far down a stray mark sits
    for row, values in enumerate(sheet.iter_rows(min_row=header + 1, values_only=True),
                                 header + 1):
        def cell(key: str, values: tuple[Any, ...] = values) -> Any:
            index = columns[key] - 1
            return values[index] if index < len(values) else None

        def at(key: str, row: int = row) -> str:
            return f"{where}!{get_column_letter(columns[key])}{row}"

        number = _text(cell("number"))
        filled = {key: cell(key) for key in REPORT_KEYS if _text(cell(key))}
        if not filled:
            continue
        if number not in mine:
            code = "report_not_assigned" if number in known else "report_unknown_task"
            problems.append(Problem(at("number"), code, {
                "task": number or "—", "agency": agency.name,
                "known": ", ".join(sorted(mine, key=list(work.by_number()).index))}))
            continue
        status = _status(cell("status"))
        if status is None:
            code = "report_no_status" if not _text(cell("status")) else "report_bad_status"
            problems.append(Problem(at("status"), code, {
                "value": _text(cell("status")), "allowed": ", ".join(STATUSES)}))
            continue
        done_on, bad_date = _date(cell("done_on"))
        if bad_date:
            problems.append(Problem(at("done_on"), "report_bad_date", {
                "value": _text(cell("done_on"))}))
            continue
        if status == DONE and done_on is None:
            problems.append(Problem(at("done_on"), "report_done_without_date", {
                "task": number}))
            continue
        answers.append(Answer(agency, number, status, done_on if status == DONE else None,
                              _text(cell("result")), _text(cell("difficulty")),
                              _text(cell("proposal")), at("status")))
    return answers


def _status(value: Any) -> str | None:
    return _SYNONYMS.get(fold(_text(value))) if _text(value) else None


def _date(value: Any) -> tuple[datetime.date | None, bool]:
    """(the date, whether the cell held something that is not a date)."""
    if value is None or _text(value) == "":
        return None, False
    if isinstance(value, datetime.datetime):
        return value.date(), False
    if isinstance(value, datetime.date):
        return value, False
    match = _DMY.fullmatch(str(value))
    if match:
        try:
            return datetime.date(int(match[3]), int(match[2]), int(match[1])), False
        except ValueError:
            return None, True
    return None, True
