"""Locality tables as Excel and LibreOffice save them: .xlsx, or CSV in any of their forms.

.xlsx is read with openpyxl (the first sheet, or the one asked for); a cell keeps its text
("05" stays "05"), a date cell is a date. CSV: the separator is detected (comma, semicolon,
tab, or Excel's "sep=" line), the encoding too: UTF-8 with or without BOM, UTF-16 ("Unicode
Text"), and Windows-1258 (read, with a warning suggesting "CSV UTF-8"). Headers may be
English keys or Vietnamese ("Địa phương", "Số", "Ngày", …), in any case, with or without
diacritics. Every cell carries where it is: line and column of a CSV, "C7" of a sheet.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import difflib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from plangen.batch.resolve import loose_key
from plangen.batch.sheetxml import Merge, merges, sheet_xml, unsaved_formulas
from plangen.errors import SourceLocation, SpecError, SpecIssue
from plangen.files import InputTooLarge, read_bounded
from plangen.vntext import nfc

MAX_TABLE_BYTES = 20 * 1024 * 1024  # all 3,321 communes with every column is about 1 MB
MAX_ROWS = 20_000  # six times the communes: more is not a locality table
MAX_COLUMNS = 50  # a sheet's columns read (batch reads nine)
SEPARATORS = (",", ";", "\t")
CellValue = str | datetime.date
Locate = Callable[[int, int], SourceLocation]  # (row number, column number) -> where


class TableError(SpecError):
    """A locality table that cannot be read at all; the CLI sums its issues up as the
    table's, not the plan spec's."""

    summary = "table_invalid"


@dataclass(frozen=True)
class Column:
    """One column batch reads: its key, its Vietnamese and English headers, other names."""

    key: str
    vi: str
    en: str
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.key, self.vi, self.en, *self.aliases)


COLUMNS = (
    Column("code", "Mã", "Code", ("mã đơn vị", "mã địa phương", "mã xã", "mã tỉnh")),
    Column("locality", "Địa phương", "Locality", ("tên địa phương", "đơn vị", "tên đơn vị")),
    Column("province", "Tỉnh", "Province", ("tỉnh, thành phố", "tỉnh/thành phố",
                                            "tỉnh thành", "thuộc tỉnh")),
    Column("number", "Số", "Number", ("số văn bản", "số kế hoạch", "số kh")),
    Column("date", "Ngày", "Date", ("ngày ban hành", "ngày ký", "ngày tháng")),
    Column("signer", "Người ký", "Signer", ("người kí",)),
    Column("extra_recipients", "Nơi nhận thêm", "Extra recipients", ("nơi nhận",)),
    Column("removed_tasks", "Bỏ nhiệm vụ", "Removed tasks", ("nhiệm vụ bỏ",)),
    Column("note", "Ghi chú", "Note", ("notes",)),  # the officer's own; never read
    Column("index", "STT", "No.", ("số thứ tự", "tt", "thứ tự", "số tt", "no")),  # ditto
)
IGNORED = frozenset({"note", "index"})
HEADER_SEARCH = 20  # rows a sheet's header may sit below (a title, a date line, blank rows)
_BY_NAME = {loose_key(name): column for column in COLUMNS for name in column.names()}


@dataclass(frozen=True)
class CellLocation(SourceLocation):
    """A cell of a sheet, shown as Excel names it: "xa.xlsx:C7" ("xa.xlsx:Sheet2!C7")."""

    sheet: str = ""

    def __str__(self) -> str:
        from openpyxl.utils import get_column_letter

        sheet = f"{self.sheet}!" if self.sheet else ""
        return f"{self.file}:{sheet}{get_column_letter(self.column)}{self.line}"


@dataclass(frozen=True)
class Cell:
    """A non-empty cell: its value (text or a date) and where it is."""

    value: CellValue
    location: SourceLocation


@dataclass(frozen=True)
class Row:
    """A data row: its number (CSV line or sheet row), cells by column key, its start."""

    number: int
    cells: dict[str, Cell]
    location: SourceLocation
    headers: dict[str, str]  # column key -> the header as the table writes it
    problems: tuple[SpecIssue, ...] = ()  # cells that cannot be read (a formula's error)


@dataclass
class Table:
    """The rows of a table and the warnings reading it raised."""

    path: Path
    rows: list[Row] = field(default_factory=list)
    warnings: list[SpecIssue] = field(default_factory=list)


def is_spreadsheet(path: Path) -> bool:
    """A table that this module reads (rather than a YAML one)."""
    return path.suffix.lower() in (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods")


def read_table_file(path: Path, sheet: str | None = None) -> Table:
    """The rows of the .xlsx or CSV table at `path`; SpecError for a table-wide problem
    (unreadable file, no locality column, an unknown column), with where and how to fix."""
    start = SourceLocation(str(path), 1, 1)
    try:
        raw = read_bounded(path, MAX_TABLE_BYTES)
    except InputTooLarge as exc:
        raise TableError([SpecIssue("file_too_large", location=start,
                                   params={"size": exc.size, "limit": exc.limit})]) from None
    suffix = path.suffix.lower()
    if suffix in (".xls", ".ods"):
        raise TableError([SpecIssue("table_old_format", location=start,
                                   params={"suffix": suffix})])
    if suffix in (".xlsx", ".xlsm") or raw.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, raw, sheet)
    text, warnings = decode_csv(raw, str(path))
    table = _read_csv(path, text)
    table.warnings[:0] = warnings
    return table


# --- CSV ---------------------------------------------------------------------------------

def decode_csv(raw: bytes, file: str) -> tuple[str, list[SpecIssue]]:
    """The text of a CSV as Excel or LibreOffice saved it, and a warning for Windows-1258."""
    start = SourceLocation(file, 1, 1)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(raw, "utf-16", start), []
    if len(raw) >= 4 and b"\0" in raw[:4]:  # UTF-16 without BOM: every other byte is 0
        return _utf16(raw, "utf-16-le" if raw[1:2] == b"\0" else "utf-16-be", start), []
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return nfc(raw.decode("utf-8")), []
    except UnicodeDecodeError:
        pass
    try:
        text = nfc(raw.decode("cp1258"))  # Windows-1258 writes tone marks apart: NFC joins
    except UnicodeDecodeError as exc:
        raise TableError([SpecIssue("table_not_text", location=start)]) from exc
    return text, [SpecIssue("table_cp1258", location=start, severity="warning")]


def _utf16(raw: bytes, encoding: str, start: SourceLocation) -> str:
    try:
        return nfc(raw.decode(encoding).lstrip("\ufeff"))
    except UnicodeDecodeError as exc:
        raise TableError([SpecIssue("bad_utf16", location=start)]) from exc


def detect_separator(text: str) -> tuple[str, int]:
    """(separator, lines to skip): Excel's "sep=;" first line, else the one that splits a line
    of the first 20 into a header naming a locality or code column, else the one that splits
    the first line into the most fields, outside quotes; a comma when none does."""
    first = text.partition("\n")[0].strip()
    if first.lower().startswith("sep=") and len(first) == 5:
        return first[4], 1
    lines = [line for line in text.splitlines() if line.strip()][:HEADER_SEARCH]
    for line in lines:  # the header may sit under a title that has a comma of its own
        for separator in SEPARATORS:
            fields: list[CellValue] = list(next(csv.reader([line], delimiter=separator), []))
            if separator in line and _names_a_unit(fields):
                return separator, 0
    header = lines[0] if lines else ""
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return (best if counts[best] else ","), 0


def _read_csv(path: Path, text: str) -> Table:
    separator, skip = detect_separator(text)
    if skip:
        text = text.partition("\n")[2]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    records: list[tuple[int, list[str]]] = []
    line = 0
    try:
        for record in reader:
            records.append((line + 1, record))
            line = reader.line_num
            if len(records) > MAX_ROWS + 1:
                raise TableError([SpecIssue("table_too_many_rows", location=SourceLocation(
                    str(path), 1, 1), params={"limit": MAX_ROWS})])
    except csv.Error as exc:
        # a cell past the csv module's field limit is most often an unclosed quote that ran on
        # (then the row it is in starts on the line after the last whole row)
        too_long = "field limit" in str(exc)
        code = "table_cell_too_long" if too_long else "table_bad_csv"
        raise TableError([SpecIssue(code, location=SourceLocation(
            str(path), line + 1 + skip if too_long else reader.line_num, 1), params={
                "detail": str(exc), "limit": f"{csv.field_size_limit():,}".replace(",", ".")})
        ]) from None
    records = [(number + skip, [cell.strip() for cell in record])
               for number, record in records if any(cell.strip() for cell in record)]
    if not records:
        raise TableError([SpecIssue("table_empty", location=SourceLocation(str(path), 1, 1))])

    def where(number: int, column: int) -> SourceLocation:
        return SourceLocation(str(path), number, column)

    return _table(path, [(number, list[CellValue](record)) for number, record in records],
                  where, separator)


# --- .xlsx -------------------------------------------------------------------------------

def _read_xlsx(path: Path, raw: bytes, sheet: str | None) -> Table:
    from openpyxl import load_workbook

    start = SourceLocation(str(path), 1, 1)
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise TableError([SpecIssue("table_bad_xlsx", location=start,
                                   params={"detail": type(exc).__name__})]) from None
    try:
        names = book.sheetnames
        visible = [page.title for page in book.worksheets if page.sheet_state == "visible"]
        # by default the first sheet the officer sees: a hidden one holds lists, formulas…
        chosen = _sheet_name(names, sheet, start) if sheet is not None or not visible \
            else visible[0]
        values: list[list[object]] = []
        for row in book[chosen].iter_rows(min_row=1, min_col=1, max_col=MAX_COLUMNS,
                                          values_only=True):
            values.append(list(row))
            if len(values) > MAX_ROWS + 1:
                raise TableError([SpecIssue("table_too_many_rows", location=start,
                                           params={"limit": MAX_ROWS})])
        xml = sheet_xml(raw, book[chosen])
    finally:
        book.close()
    label = chosen if len(names) > 1 else ""

    def where(number: int, column: int) -> SourceLocation:
        return CellLocation(str(path), number, column, sheet=label)

    merged = merges(xml)
    problems = _sheet_problems(values, xml, merged)
    numbered = [(index + 1, [_cell_value(value) for value in row])
                for index, row in enumerate(values)]
    numbered = [(number, row) for number, row in numbered if any(v != "" for v in row)]
    if not numbered:
        raise TableError([SpecIssue("table_empty", location=where(1, 1))])
    return _table(path, numbered, where, None, problems, [m for m in merged if m.across])


def _sheet_problems(values: list[list[object]], xml: bytes, merged: list[Merge]
                    ) -> dict[tuple[int, int], tuple[str, dict[str, object]]]:
    """Cells merged down a column (or as a block over rows and columns) given their value in
    every row, in the block's first column (as Excel shows them), and the cells that cannot
    be read: (row, column) -> (code, params). Formulas are read by the value saved with
    them; one saved without (a file no spreadsheet program computed) or an error value
    ("#REF!") is a problem of its cell."""
    from openpyxl.cell.cell import ERROR_CODES

    for merge in merged:
        first, last, column = merge.first_row, merge.last_row, merge.first_column
        if last > first and first <= len(values) and column <= len(values[first - 1]):
            top = values[first - 1][column - 1]
            for number in range(first + 1, min(last, len(values)) + 1):
                row = values[number - 1]
                if column <= len(row) and row[column - 1] is None:
                    row[column - 1] = top
    problems: dict[tuple[int, int], tuple[str, dict[str, object]]] = {}
    for (number, column), formula in unsaved_formulas(xml).items():
        if number <= len(values) and column <= len(values[number - 1]):
            values[number - 1][column - 1] = formula  # the row stays, its cell is said
            problems[(number, column)] = ("table_formula_no_value", {"formula": formula})
    for number, row in enumerate(values, start=1):
        for column, value in enumerate(row, start=1):
            if isinstance(value, str) and value in ERROR_CODES:
                problems[(number, column)] = ("table_formula_error", {"value": value})
    return problems


def _sheet_name(names: list[str], wanted: str | None, start: SourceLocation) -> str:
    if wanted is None:
        return names[0]
    for name in names:
        if loose_key(name) == loose_key(wanted):
            return name
    if wanted.isdigit() and 1 <= int(wanted) <= len(names):
        return names[int(wanted) - 1]
    shown = ", ".join(f"\"{name}\"" for name in names)
    raise TableError([SpecIssue("table_no_sheet", location=start,
                                params={"sheet": wanted, "sheets": shown})])


def _cell_value(value: object) -> CellValue:
    """Text as shown, a date as a date; whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return nfc(str(value)).strip()


# --- header and rows ---------------------------------------------------------------------

def _table(path: Path, records: list[tuple[int, list[CellValue]]], locate: Locate,
           separator: str | None,
           problems: dict[tuple[int, int], tuple[str, dict[str, object]]] | None = None,
           across: list[Merge] | None = None) -> Table:
    """The table of `records` (numbered non-empty rows): its header is the first of them
    naming a locality or code column (a sheet's title rows above it are skipped), else the
    first row. `across`: a sheet's ranges merged over several columns (see `_merged_rows`)."""
    start = next((index for index, (_, values) in enumerate(records[:HEADER_SEARCH])
                  if _names_a_unit(values)), 0)
    header_line, values = records[start]
    header = [str(value) for value in values]
    rows = records[start + 1:]
    across = across or []
    header, header_line, rows = _two_level(header, header_line, rows, across)
    covered = {column: merge for merge in across
               if merge.first_row <= header_line <= merge.last_row
               for column in range(merge.first_column + 1, merge.last_column + 1)}
    keys, issues = _header_keys(header, header_line, rows, locate, separator, covered)
    if issues:
        raise TableError(issues)
    if not rows:
        raise TableError([SpecIssue("table_no_rows", location=locate(header_line, 1),
                                    params={"line": header_line})])
    headers = {key: header[index].strip() for index, key in keys.items()}
    table = Table(path)
    problems = dict(problems or {})
    groups, spans = _merged_rows(rows, keys, header, header_line, across, problems)
    for number, values in rows:
        if number in groups:
            merge = groups[number]
            named = header[merge.first_column - 1].strip() or next(
                (headers[key] for key in ("locality", "code") if key in headers), "")
            table.warnings.append(SpecIssue(
                "table_group_row", (named,), locate(number, merge.first_column),
                severity="warning",
                params={"value": _shown(values[merge.first_column - 1]), "range": str(merge),
                        "line": number}))
            continue
        cells = {}
        unread = []
        for index, key in keys.items():
            value = values[index] if index < len(values) else ""
            problem = problems.get((number, index + 1)) if problems else None
            if (value == "" and problem is None) or key in IGNORED:
                continue
            if problem is not None:
                unread.append(SpecIssue(problem[0], (headers[key],),
                                        locate(number, index + 1), params=problem[1]))
            else:
                cells[key] = Cell(value, locate(number, index + 1))
        for column, (code, params) in spans.get(number, {}).items():
            unread.append(SpecIssue(code, (str(params["header"]),), locate(number, column),
                                    params=params))
        extra = [i for i in range(len(header), len(values)) if values[i] != ""]
        if extra:  # a cell right of the last header: a stray separator, say so
            cells["_extra"] = Cell(str(values[extra[0]]), locate(number, extra[0] + 1))
        table.rows.append(Row(number, cells, locate(number, 1), headers, tuple(unread)))
    return table


def _two_level(header: list[str], line: int, rows: list[tuple[int, list[CellValue]]],
               across: list[Merge]) -> tuple[list[str], int, list[tuple[int, list[CellValue]]]]:
    """A header on two rows, as offices draw one: a heading merged over several columns
    ("Kế hoạch" over C2:D2) with their names in the row below ("Số", "Ngày"), the other
    headings merged down both rows. Read as one header: each column's lower name, else its
    upper one; the data starts below both."""
    parents = [merge for merge in across if merge.first_row == line == merge.last_row]
    if not parents or not rows or rows[0][0] != line + 1:
        return header, line, rows
    below = [str(value) for value in rows[0][1]]
    under = [below[column - 1] for merge in parents
             for column in range(merge.first_column, merge.last_column + 1)
             if column <= len(below) and below[column - 1] != ""]
    if not under or not all(_column_named(name) for name in under):
        return header, line, rows  # data under a heading merged across: no names there
    width = max(len(header), len(below))
    above = header + [""] * (width - len(header))
    below += [""] * (width - len(below))
    return [low or high for high, low in zip(above, below, strict=True)], line + 1, rows[1:]


def _merged_rows(rows: list[tuple[int, list[CellValue]]], keys: dict[int, str],
                 header: list[str], header_line: int, across: list[Merge],
                 problems: dict[tuple[int, int], tuple[str, dict[str, object]]]
                 ) -> tuple[dict[int, Merge], dict[int, dict[int, tuple[str, dict[str, object]]]]]:
    """Data cells merged over several read columns, as an office means them: a row whose one
    value spans the locality column and others is a group heading ("I. KHU VỰC PHÍA BẮC"),
    skipped; any other such value cannot be given to one column and is said at its cell
    (added to `problems`, or, for a value in an unread column, returned by row). A range
    within one column as the header shows it (its header merged across too) is that column's.
    """
    read = {index + 1: key for index, key in keys.items() if key not in IGNORED}
    units = {column for column, key in read.items() if key in ("locality", "code")}
    by_number = dict(rows)
    groups: dict[int, Merge] = {}
    spans: dict[int, dict[int, tuple[str, dict[str, object]]]] = {}
    for merge in across:
        if merge.first_row <= header_line:
            continue
        spanned = range(merge.first_column, merge.last_column + 1)
        if not any(column in read for column in spanned[1:]):
            continue  # one column as the header shows it, or over unread ones
        named = ", ".join(f"\"{header[column - 1].strip()}\"" for column in spanned
                          if column in read)
        for number in range(merge.first_row, merge.last_row + 1):
            values = by_number.get(number)
            if values is None:
                continue
            outside = any(value != "" for index, value in enumerate(values)
                          if index + 1 in read and index + 1 not in spanned)
            if not outside and units & set(spanned):
                groups[number] = merge
                continue
            first = next(column for column in spanned if column in read)
            params: dict[str, object] = {"range": str(merge), "columns": named,
                                         "header": header[first - 1].strip()}
            problem = ("table_merged_across", params)
            if merge.first_column in read:
                problems[(number, merge.first_column)] = problem
            else:
                spans.setdefault(number, {})[first] = problem
    return groups, spans


def _column_named(text: str) -> Column | None:
    return _BY_NAME.get(loose_key(text.strip().rstrip(":*").strip()))


def _names_a_unit(values: list[CellValue]) -> bool:
    found = (_BY_NAME.get(loose_key(str(value).strip().rstrip(":*").strip()))
             for value in values if isinstance(value, str) and value)
    return any(column is not None and column.key in ("locality", "code") for column in found)


def _header_keys(header: list[str], line: int, rows: list[tuple[int, list[CellValue]]],
                 locate: Locate, separator: str | None,
                 covered: dict[int, Merge] | None = None) -> tuple[dict[int, str],
                                                                  list[SpecIssue]]:
    """Each read column's key by its index; the header's problems. `covered`: the columns a
    heading merged across from its left covers (column number -> the merged range)."""
    keys: dict[int, str] = {}
    issues: list[SpecIssue] = []
    seen: dict[str, int] = {}
    accepted = ", ".join(f"\"{c.vi}\"/\"{c.key}\"" for c in COLUMNS)
    for index, name in enumerate(header):
        text = str(name).strip().rstrip(":*").strip()
        column = _BY_NAME.get(loose_key(text)) if text else None
        if column is None:
            filled = next(((number, v[index]) for number, v in rows
                           if index < len(v) and v[index] != ""), None)
            if not text and filled is None:
                continue  # an empty column Excel kept
            merge = (covered or {}).get(index + 1)
            if not text and filled is not None and merge is not None:
                heading = header[merge.first_column - 1].strip()
                issues.append(SpecIssue(
                    "table_header_merged_across", (heading,),
                    locate(line, merge.first_column),
                    params={"header": heading, "range": str(merge),
                            "letter": _letter(index + 1),
                            "cell": str(locate(filled[0], index + 1)),
                            "value": _shown(filled[1])}))
                continue
            if not text and filled is not None:
                issues.append(SpecIssue("table_column_without_header", (_letter(index + 1),),
                                        locate(line, index + 1),
                                        params={"cell": str(locate(filled[0], index + 1)),
                                                "value": _shown(filled[1])}))
                continue
            close = difflib.get_close_matches(loose_key(text), list(_BY_NAME), n=1)
            issues.append(SpecIssue("table_unknown_column", (text,), locate(line, index + 1),
                                    params={"column": text, "accepted": accepted,
                                            "hint": _BY_NAME[close[0]].vi if close else ""}))
            continue
        if column.key in seen:
            issues.append(SpecIssue("table_duplicate_column", (text,), locate(line, index + 1),
                                    params={"column": text, "first": seen[column.key]}))
            continue
        seen[column.key] = index + 1
        keys[index] = column.key
    if "locality" not in keys.values() and "code" not in keys.values():
        if sum(1 for name in header if str(name).strip()) <= 1:
            issues.clear()  # a title line, or one unknown column: the header read is said
        shown = "|".join(str(name) for name in header).rstrip("|")[:80]
        if separator is None:  # a sheet: its cells are its columns, no separator to blame
            issues.append(SpecIssue("table_sheet_needs_locality_column", (), locate(line, 1),
                                    params={"header": shown, "rows": HEADER_SEARCH}))
        else:
            issues.append(SpecIssue("table_needs_locality_column", (), locate(line, 1),
                                    params={"header": shown,
                                            "separator": _separator_name(separator)}))
    return keys, issues


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))


def _shown(value: CellValue) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, datetime.date) else value[:40]


def _separator_name(separator: str | None) -> str:
    return {",": "\",\"", ";": "\";\"", "\t": "tab"}[separator or ","]
