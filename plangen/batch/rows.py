"""One row of a spreadsheet table -> its locality and the spec fragment it overrides.

Columns (see `tables.COLUMNS`): `code` and/or `locality` name the unit, `province` narrows a
name; `number`, `date` (an Excel date, or d/m/yyyy, m/yyyy, yyyy, yyyy-mm-dd text), `signer`,
`extra_recipients` (lines separated by "|" or by line breaks in the cell) and `removed_tasks`
(ids separated by "," ";" or line breaks) override the base. A problem is an issue of this row
alone, at its cell.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from plangen.batch.localities import Locality
from plangen.batch.resolve import LocalityError, Resolved, loose_key, resolve
from plangen.batch.tables import Cell, Row
from plangen.errors import SpecIssue
from plangen.spec.merge import Node
from plangen.spec.schema import NUMBER_PATTERN, SPEC_SCHEMA

_YEAR = SPEC_SCHEMA["date"]["schema"]["year"]  # the years a plan's date may have


@dataclass(frozen=True)
class RowReading:
    """What a row says: its unit (None when it names none), overrides, errors, warnings."""

    locality: Locality | None
    overrides: Node | None
    issues: tuple[SpecIssue, ...]
    notes: tuple[SpecIssue, ...]
    written: str  # the locality as the row writes it, for the index of a failed row


def read_row(row: Row, symbol: str | None = None) -> RowReading:
    """The unit and overrides of `row`, every problem found in it (not only the first).
    `symbol` is the plan's own symbol ("KH-UBND"): a Số cell "13/KH-UBND" that repeats it
    means number 13; None when it is not known (then such a cell is an error)."""
    issues: list[SpecIssue] = list(row.problems)
    if "_extra" in row.cells:
        extra = row.cells["_extra"]
        issues.append(SpecIssue("table_extra_cell", (_letter(extra.location.column),),
                                extra.location, params={"value": extra.value}))
    resolved, written = _unit(row, issues)
    overrides = _overrides(row, issues, symbol)
    notes: list[SpecIssue] = []
    if resolved is not None:
        named = row.cells.get("locality") or row.cells["code"]
        province = row.cells.get("province")
        for code, params in resolved.notes:
            # a former province written in the Tỉnh column is pointed at there
            cell = province if province and code == "locality_former_province" and \
                loose_key(str(params["name"])).endswith(loose_key(str(province.value))) \
                else named
            notes.append(SpecIssue(code, _path(row, cell), cell.location, params=params,
                                   severity="warning"))
    return RowReading(resolved.locality if resolved else None, overrides, tuple(issues),
                      tuple(notes), written)


def _path(row: Row, cell: Cell) -> tuple[str, ...]:
    """The issue's field: the column's header as the table writes it."""
    for key, found in row.cells.items():
        if found is cell:
            return (row.headers.get(key, key),)
    return ()


def _letter(column: int) -> str:
    """A column as a sheet names it ("C"): a cell outside the headed columns has no header."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))


def _text(row: Row, key: str, issues: list[SpecIssue]) -> str | None:
    cell = row.cells.get(key)
    if cell is None:
        return None
    if isinstance(cell.value, datetime.date) and key != "date":
        issues.append(SpecIssue("table_cell_is_date", _path(row, cell), cell.location,
                                params={"value": cell.value.strftime("%d/%m/%Y")}))
        return None
    return str(cell.value)


def _unit(row: Row, issues: list[SpecIssue]) -> tuple[Resolved | None, str]:
    name, code = _text(row, "locality", issues), _text(row, "code", issues)
    if name is not None:  # lines of a cell (Alt+Enter): "xã Tân Mỹ" / "tỉnh Quảng Trị"
        name = ", ".join(line.strip() for line in name.splitlines() if line.strip())
    province = _text(row, "province", issues)
    written = name or code or ""
    if name is None and code is None:
        if row.problems and any(issue.path in ((row.headers.get("locality"),),
                                               (row.headers.get("code"),))
                                for issue in row.problems):
            return None, written  # its unit's cell cannot be read: said already
        named = next((row.headers[key] for key in ("locality", "code") if key in row.headers),
                     "")
        issues.append(SpecIssue("table_row_needs_locality_cell", (named,) if named else (),
                                row.location))
        return None, written
    cell = row.cells["code"] if code is not None else row.cells["locality"]
    try:
        resolved = _resolve_row(code, name, province)
    except LocalityError as exc:
        issues.append(SpecIssue(exc.code, _path(row, cell), cell.location, params=exc.params))
        return None, written
    if code is not None and name is not None and not _same(resolved.locality, name):
        name_cell = row.cells["locality"]
        issues.append(SpecIssue("table_code_name_mismatch", _path(row, name_cell),
                                name_cell.location,
                                params={"unit_code": resolved.locality.code, "name": name,
                                        "unit": resolved.locality.full_name}))
        return None, written
    return resolved, written


def _resolve_row(code: str | None, name: str | None, province: str | None) -> Resolved:
    if code is None:
        return resolve(name, province)
    if name is not None and code.isdigit() and len(code) <= 2:
        # a CSV opened in Excel loses leading zeros: ward "00004" comes back as "4"
        try:
            ward = resolve(code.zfill(5), province)
        except LocalityError:
            pass
        else:
            if _same(ward.locality, name):
                return ward
    return resolve(code, province)


def _same(unit: Locality, name: str) -> bool:
    """Whether `name` names `unit` (within its province): the code and the name agree."""
    scope = unit.province.code if unit.province else None
    try:
        return resolve(name, scope).locality == unit
    except LocalityError:
        return False


def _overrides(row: Row, issues: list[SpecIssue], symbol: str | None) -> Node | None:
    where = row.location
    fields: dict[str, Node] = {}

    def leaf(value: object, cell: Cell) -> Node:
        return Node(value, cell.location)

    number = _text(row, "number", issues)
    if number and _misplaced_name(row, "number", number, issues):
        number = None
    if number:
        cell = row.cells["number"]
        found = number_issue(number, symbol)
        if isinstance(found, str):
            fields["number"] = leaf(found, cell)
        else:
            issues.append(SpecIssue(found[0], _path(row, cell), cell.location,
                                    params=found[1]))
    if "date" in row.cells and not _misplaced_name(row, "date", row.cells["date"].value, issues):
        cell = row.cells["date"]
        date = parse_date(cell.value)
        if date is None:
            code, params = date_issue(cell.value)
            issues.append(SpecIssue(code, _path(row, cell), cell.location, params=params))
        elif not _YEAR["min"] <= date["year"] <= _YEAR["max"]:
            issues.append(SpecIssue("table_date_year", _path(row, cell), cell.location,
                                    params={"year": date["year"], "min": _YEAR["min"],
                                            "max": _YEAR["max"]}))
        else:
            fields["date"] = Node({k: leaf(v, cell) for k, v in date.items()}, cell.location)
    signer = _text(row, "signer", issues)
    if signer:
        cell = row.cells["signer"]
        problem = signer_issue(signer)
        if problem is None:
            fields["signature"] = Node({"name": leaf(signer, cell)}, where)
        else:
            issues.append(SpecIssue(problem[0], _path(row, cell), cell.location,
                                    params=problem[1]))
    recipients = _text(row, "extra_recipients", issues)
    if recipients:
        cell = row.cells["extra_recipients"]
        lines = [leaf(part.strip(), cell) for part in re.split(r"[|\n]", recipients)
                 if part.strip()]
        fields["recipients+"] = Node(lines, cell.location)
    removed = _text(row, "removed_tasks", issues)
    if removed and _misplaced_name(row, "removed_tasks", removed, issues):
        removed = None
    if removed:
        cell = row.cells["removed_tasks"]
        # ids are lower case (ID_PATTERN): "Tuyen-Truyen" as retyped is the id it spells
        ids = [leaf(part.strip().lower(), cell) for part in re.split(r"[,;\n]", removed)
               if part.strip()]
        fields["tasks"] = Node({"items-": Node(ids, cell.location)}, cell.location)
    return Node(fields, where) if fields else None


def _misplaced_name(row: Row, key: str, value: object, issues: list[SpecIssue]) -> bool:
    """Whether the `key` cell holds a person's name ("Nguyễn Văn A", "NGUYỄN VĂN A") rather
    than a number, a date or task ids: the signer typed one column off, said as such."""
    if not isinstance(value, str) or not _looks_like_name(value):
        return False
    cell = row.cells[key]
    signer = row.headers.get("signer", "Người ký")
    issues.append(SpecIssue("table_name_in_column", _path(row, cell), cell.location,
                            params={"value": value, "signer": signer}))
    return True


_NOT_NAMES = frozenset({"ngay", "thang", "nam", "quy", "du", "chua"})  # "Tháng Sáu" …


def _looks_like_name(text: str) -> bool:
    """Two to six words of letters, each starting with a capital, not starting as a date
    ("Tháng Sáu", "Quý Ba") or a draft ("Dự Thảo") does: a person's name."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(
        word.isalpha() and word[0].isupper() for word in words) and \
        any(len(word) > 1 for word in words) and \
        loose_key(words[0]) not in _NOT_NAMES


def signer_issue(name: str) -> tuple[str, dict[str, object]] | None:
    """What is wrong with a Người ký cell, as NĐ 30 writes a signer's name: no letters (a date,
    a number in the wrong column), or in capitals throughout ("NGUYỄN VĂN A")."""
    letters = [char for char in name if char.isalpha()]
    if not letters:
        return "table_signer_no_name", {"value": name}
    # "Nguyễn Văn A" keeps its one-letter name; only a word of two capitals or more is shouted
    if name == name.upper() and any(sum(c.isalpha() for c in word) > 1 for word in name.split()):
        return "table_signer_upper", {"value": name, "fixed": name.title()}
    return None


_DIGITS = re.compile(NUMBER_PATTERN)
_WITH_SYMBOL = re.compile(r"(?:số\s*:?\s*)?([0-9]{1,6})\s*/\s*(\S.*)", re.IGNORECASE)


def number_issue(text: str, symbol: str | None) -> str | tuple[str, dict[str, object]]:
    """The number a Số cell gives ("05"), or the (code, params) of what is wrong with it.
    "13/KH-UBND" (number and symbol, as the document shows them) is 13 when the symbol is
    the plan's own; with another symbol, or none known, the officer is told what to write."""
    text = text.strip()
    if _DIGITS.fullmatch(text):
        return text if int(text) else ("table_number_zero", {"value": text})
    both = _WITH_SYMBOL.fullmatch(text)
    if both:
        digits, written = both.group(1), re.sub(r"\s+", "", both.group(2))
        if not int(digits):
            return "table_number_zero", {"value": text}
        if symbol is not None and written.upper() == symbol.upper():
            return digits
        if symbol is None:
            return "table_number_with_symbol", {"value": text, "digits": digits}
        return "table_number_other_symbol", {"value": text, "digits": digits,
                                             "written": written, "symbol": symbol}
    return "table_bad_number", {"value": text}


_DMY = re.compile(r"(?:(\d{1,2})[/.\-])?(?:(\d{1,2})[/.\-])?(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")


def parse_date(value: object) -> dict[str, int] | None:
    """{day, month, year} of an Excel date or a "05/02/2026", "02/2026", "2026" or
    "2026-02-05" text; None when it is no real date."""
    if isinstance(value, datetime.date):
        return {"day": value.day, "month": value.month, "year": value.year}
    text = str(value).strip()
    iso = _ISO.fullmatch(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        found = _DMY.fullmatch(text)
        if not found:
            return None
        first, second, year_text = found.groups()
        year = int(year_text)
        if first is not None and second is None:  # "02/2026"
            return {"month": int(first), "year": year} if 1 <= int(first) <= 12 else None
        if first is None:
            return {"year": year}
        day, month = int(first), int(second)
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return {"day": day, "month": month, "year": year}


def date_issue(value: object) -> tuple[str, dict[str, object]]:
    """Why `value` (which `parse_date` refused) is no date, and what to write instead."""
    text = str(value).strip()
    iso = _ISO.fullmatch(text)
    found = None if iso else _DMY.fullmatch(text)
    if iso or (found and found.group(2) is not None):
        if iso:
            year, month, day = (int(part) for part in iso.groups())
        else:
            assert found is not None
            day, month, year = int(found.group(1)), int(found.group(2)), int(found.group(3))
        if 1 <= day <= 12 and 1 <= month <= 31 and not iso and _real(year, month=day,
                                                                         day=month):
            return "table_date_month_first", {"value": text,
                                              "fixed": f"{month:02d}/{day:02d}/{year}"}
        if 1 <= month <= 12 and 1 <= year <= 9999 and day > calendar.monthrange(year,
                                                                                 month)[1]:
            return "table_no_such_date", {"value": text, "month": month, "year": year,
                                          "last": calendar.monthrange(year, month)[1]}
    if re.fullmatch(r"[0-9]{5}", text):  # Excel's day count, in a cell not formatted as a date
        shown = (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(text)))
        return "table_date_serial", {"value": text, "date": shown.strftime("%d/%m/%Y")}
    return "table_bad_date", {"value": text}


def _real(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True
