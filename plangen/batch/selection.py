"""Which localities a batch covers, with each one's own overrides.

A selector is `all-provinces`, `all-communes`, `PROVINCE/communes` (for example
`dak-lak/communes` or "Đắk Lắk/communes"), or the path of a table of localities: YAML, or a
spreadsheet (.xlsx, CSV; read by `tables`, its rows by `rows`).

YAML table: `localities:` is a list of mappings; `locality:` names the unit (name, full name or
code, see `resolve`), `province:` may narrow it, and every other key is a spec fragment merged
over the base (merge rules of merge.py), so `number`, `date`, `signature`, `recipients+`,
`tasks: {items-: [...]}` all work.

A row that names no unit, or several, or holds a bad value, fails alone: the others go on.
Two rows for one unit both fail, each naming the other, whatever else is wrong with them. Given
the base plan, what a row's overrides do wrong to it (a task id it lacks) is found here too, so
every row's problems are known before any plan is built.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath

from plangen.batch.cells import row_issues
from plangen.batch.localities import (
    Locality,
    all_communes,
    all_provinces,
    communes_of,
    province_names,
)
from plangen.batch.resolve import LocalityError, loose_key, province_of, resolve
from plangen.batch.rows import number_issue, read_row
from plangen.batch.tables import Cell, Row, TableError, is_spreadsheet, read_table_file
from plangen.errors import Path as FieldPath
from plangen.errors import SourceLocation, SpecError, SpecIssue, UsageError
from plangen.spec.loader import load_spec_text, read_spec_text
from plangen.spec.merge import Node, to_node

ALL_PROVINCES, ALL_COMMUNES, COMMUNES_SUFFIX = "all-provinces", "all-communes", "/communes"


@dataclass(frozen=True)
class Selected:
    """One locality of a batch and the spec fragment that overrides the base for it."""

    locality: Locality
    overrides: Node | None = None
    source: SourceLocation | None = None
    row: str = ""  # "xa.xlsx:7": the table row it comes from
    notes: tuple[SpecIssue, ...] = ()  # warnings reading its row raised (a former name)
    # where a failed plan's problems are said (batch.cells): a spreadsheet row's cells as
    # (location, column key, header as written); a YAML row's path ("localities", 3)
    columns: tuple[tuple[SourceLocation, str, str], ...] = ()
    path: FieldPath = ()


@dataclass(frozen=True)
class FailedRow:
    """A table row that gives no plan: the unit as written (or found), why, where."""

    written: str
    row: str
    issues: tuple[SpecIssue, ...]
    code: str = ""
    # what the row could be read of, as `Selected` keeps it: its problems with the base plan
    # are found too, and a twin row is told apart
    overrides: Node | None = None
    columns: tuple[tuple[SourceLocation, str, str], ...] = ()
    path: FieldPath = ()
    source: SourceLocation | None = None


@dataclass
class Selection:
    """The localities to render, the rows that failed, the table's own warnings."""

    items: list[Selected] = field(default_factory=list)
    failed: list[FailedRow] = field(default_factory=list)
    warnings: list[SpecIssue] = field(default_factory=list)
    source: str = ""  # the table's file name, "" for a built-in selector


def select_localities(selector: str, sheet: str | None = None,
                      symbol: str | None = None, base: Node | None = None) -> list[Selected]:
    """The localities named by `selector`; raises UsageError or SpecError with the reason
    (every failed row's issues, for a table). `symbol`, `base`: as for `read_selection`."""
    selection = read_selection(selector, sheet, symbol, base)
    if selection.failed:
        raise TableError([issue for row in selection.failed for issue in row.issues])
    return selection.items


def read_selection(selector: str, sheet: str | None = None,
                   symbol: str | None = None, base: Node | None = None) -> Selection:
    """The localities named by `selector`, and the table rows that failed (kept apart, so
    one bad row never stops the others); UsageError or SpecError for a selector or table
    that cannot be read at all. `symbol` is the plans' symbol ("KH-UBND"), with which a
    table's number may be written ("13/KH-UBND"); None when unknown. `base`, the composed
    base plan, when given: each row's overrides are checked against it."""
    if selector == ALL_PROVINCES:
        return Selection([Selected(p) for p in all_provinces()])
    if selector == ALL_COMMUNES:
        return Selection([Selected(c) for c in all_communes()])
    path = FsPath(selector)
    if path.suffix.lower() in (".yaml", ".yml") or is_spreadsheet(path) or path.is_file():
        return read_table(path, sheet, symbol, base)
    if selector.endswith(COMMUNES_SUFFIX):
        name = selector[: -len(COMMUNES_SUFFIX)]
        try:
            province, _ = province_of(name)
        except LocalityError:
            raise UsageError("unknown_province", name=name, hint=_province_hint(name)) from None
        return Selection([Selected(c) for c in communes_of(province)])
    raise UsageError("bad_selector", selector=selector)


def _province_hint(name: str) -> str:
    close = difflib.get_close_matches(name, province_names(), n=1, cutoff=0.5)
    return close[0] if close else ""


def read_table(path: FsPath, sheet: str | None = None, symbol: str | None = None,
               base: Node | None = None) -> Selection:
    """Localities and their overrides from a YAML, .xlsx or CSV table; the failed rows in
    the table's order."""
    if is_spreadsheet(path) and path.suffix.lower() not in (".yaml", ".yml"):
        selection = _read_spreadsheet(path, sheet, symbol)
    else:
        selection = _read_yaml(path, symbol)
    selection.source = path.name
    selection.warnings.extend(_more_rows_than_units(selection, path))
    if base is not None:
        selection = _against_base(selection, base)
    selection = _refuse_duplicates(selection)
    selection.failed.sort(key=_row_order)
    return selection


def _row_order(row: Selected | FailedRow) -> tuple[int, str]:
    line = row.row.rpartition(":")[2]
    return (int(line) if line.isdigit() else 0, row.row)


def _against_base(selection: Selection, base: Node) -> Selection:
    """Rows whose overrides do the base plan wrong (`cells.row_issues`) fail, and a row that
    failed already is told these problems too, all at once."""
    failed = [replace(row, issues=(*row.issues, *row_issues(base, row)))
              for row in selection.failed]
    kept = []
    for item in selection.items:
        issues = row_issues(base, item)
        if not issues:
            kept.append(item)
            continue
        failed.append(FailedRow(item.locality.full_name, item.row, tuple(issues),
                                          item.locality.code, item.overrides, item.columns,
                                          item.path, item.source))
    return replace(selection, items=kept, failed=failed)


def _more_rows_than_units(selection: Selection, path: FsPath) -> list[SpecIssue]:
    """A warning when the table has more rows of a level than units of it exist (34
    provinces, 3,321 communes): the wrong file, or rows left over. Rows that name no unit
    count with the table's level when all the others share one."""
    provinces = sum(1 for item in selection.items if item.locality.province is None)
    communes = len(selection.items) - provinces
    if not communes:
        provinces += len(selection.failed)
    elif not provinces:
        communes += len(selection.failed)
    where = SourceLocation(str(path), 1, 1)
    found = []
    for code, rows, units in (("table_more_rows_than_provinces", provinces, all_provinces()),
                              ("table_more_rows_than_communes", communes, all_communes())):
        if rows > len(units):
            found.append(SpecIssue(code, (), where, severity="warning",
                                   params={"rows": rows, "count": len(units)}))
    return found


def _read_spreadsheet(path: FsPath, sheet: str | None, symbol: str | None) -> Selection:
    table = read_table_file(path, sheet)
    selection = Selection(warnings=list(table.warnings))
    for row in table.rows:
        label = f"{path.name}:{row.number}"
        total = _total_cell(row)
        if total is not None:  # "Tổng cộng" under the rows: no unit, said and skipped
            selection.warnings.append(SpecIssue(
                "table_total_row", (row.headers["locality"],), total.location,
                severity="warning", params={"value": total.value}))
            continue
        reading = read_row(row, symbol)
        columns = tuple((cell.location, key, row.headers.get(key, key))
                        for key, cell in row.cells.items() if not key.startswith("_"))
        if reading.locality is None or reading.issues:
            code = reading.locality.code if reading.locality else ""
            selection.failed.append(FailedRow(reading.written, label, reading.issues, code,
                                              reading.overrides, columns,
                                              source=row.location))
        else:
            selection.items.append(Selected(reading.locality, reading.overrides, row.location,
                                            label, reading.notes, columns))
    selection.warnings.extend(_month_first_doubt(table.rows, selection.failed))
    return selection


_BOTH_WAYS = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{4}")


def _month_first_doubt(rows: list[Row], failed: list[FailedRow]) -> list[SpecIssue]:
    """A warning when one date of the column is plainly written month first (US "7/15/2026")
    and others read both ways ("6/5/2026"): those were read day first, perhaps wrongly."""
    sure = next((issue for row in failed for issue in row.issues
                 if issue.code == "table_date_month_first"), None)
    if sure is None:
        return []
    doubtful: list[tuple[Cell, int, int]] = []
    for row in rows:
        cell = row.cells.get("date")
        both = _BOTH_WAYS.fullmatch(cell.value) if cell and isinstance(cell.value, str) \
            else None
        if cell and both:
            day, month = int(both.group(1)), int(both.group(2))
            if day != month and max(day, month) <= 12:
                doubtful.append((cell, day, month))
    if not doubtful:
        return []
    first, day, month = doubtful[0]
    return [SpecIssue("table_dates_maybe_month_first", sure.path, first.location,
                      severity="warning",
                      params={"value": first.value, "day": day, "month": month,
                              "sure": sure.params["value"], "where": str(sure.location),
                              "count": len(doubtful)})]


_TOTALS = ("tong-cong", "cong", "tong-so", "tong")


def _total_cell(row: Row) -> Cell | None:
    """The Địa phương cell of a totals line ("Tổng cộng", "Cộng: 12 xã"), when the row names
    no code either: no unit is called that."""
    cell = row.cells.get("locality")
    if cell is None or "code" in row.cells or not isinstance(cell.value, str):
        return None
    key = loose_key(cell.value)
    rest = [key[len(word) + 1:] for word in _TOTALS if key.startswith(word + "-")]
    if key not in _TOTALS and not any(part[:1].isdigit() for part in rest):
        return None  # "Công Sơn" is a commune; "Cộng: 12 xã" is not
    try:
        resolve(cell.value)
    except LocalityError:
        return cell
    return None


def _yaml_number(fields: dict[str, Node], path: FieldPath,
                 symbol: str | None) -> SpecIssue | None:
    """A YAML row's `number: 13/KH-UBND` read as a table's Số cell is (see rows)."""
    node = fields.get("number")
    if node is None or not isinstance(node.value, str) or "/" not in node.value:
        return None
    found = number_issue(node.value, symbol)
    if isinstance(found, str):
        fields["number"] = Node(found, node.location, node.key_location)
        return None
    return SpecIssue(found[0], (*path, "number"), node.location, params=found[1])


def _read_yaml(path: FsPath, symbol: str | None) -> Selection:
    try:
        node = to_node(load_spec_text(read_spec_text(path), str(path)))
    except SpecError as exc:  # said as the table's problems, not the plan spec's
        raise TableError(exc.issues) from None
    rows = node.value.get("localities") if node.is_mapping else None
    if rows is None or not rows.is_list:
        raise TableError([SpecIssue("table_needs_localities", ("localities",), node.location)])
    if not rows.value:
        raise TableError([SpecIssue("table_yaml_no_rows", ("localities",), rows.location)])
    selection = Selection()
    for index, row in enumerate(rows.value):
        path_here = ("localities", index)
        line = row.location.line if row.location else index + 1
        label = f"{path.name}:{line}"
        if not row.is_mapping or "locality" not in row.value:
            issue = SpecIssue("table_row_needs_locality", path_here, row.location)
            selection.failed.append(FailedRow("", label, (issue,)))
            continue
        fields = dict(row.value)
        name_node = fields.pop("locality")
        province_node = fields.pop("province", None)
        issues: list[SpecIssue] = []
        found = None
        try:
            found = resolve(name_node.value, province_node.value if province_node else None)
        except LocalityError as exc:
            issues.append(SpecIssue(exc.code, (*path_here, "locality"), name_node.location,
                                    params=exc.params))
        wrong = _yaml_number(fields, path_here, symbol)
        if wrong is not None:
            issues.append(wrong)
        overrides = Node(fields, row.location) if fields else None
        if found is None or issues:
            selection.failed.append(FailedRow(
                str(name_node.value), label, tuple(issues),
                found.locality.code if found else "", overrides, path=path_here,
                source=row.location))
            continue
        notes = tuple(SpecIssue(code, (*path_here, "locality"), name_node.location,
                                params=params, severity="warning")
                      for code, params in found.notes)
        selection.items.append(Selected(found.locality, overrides, row.location, label, notes,
                                        path=path_here))
    return selection


def _refuse_duplicates(selection: Selection) -> Selection:
    """Rows naming one unit all fail, each saying which rows name it: which one is meant
    cannot be guessed, and one file cannot hold two plans. A row failing for another reason
    counts too: fixing it must not leave its twin to be rendered twice."""
    rows: list[Selected | FailedRow] = [*selection.items,
                                        *(row for row in selection.failed if row.code)]
    by_code: dict[str, list[Selected | FailedRow]] = {}
    for row in rows:
        by_code.setdefault(_code(row), []).append(row)
    twinned = {id(row): twins for twins in by_code.values() if len(twins) > 1
               for row in twins}
    if not twinned:
        return selection
    kept: list[Selected] = []
    failed: list[FailedRow] = []
    every: list[Selected | FailedRow] = [*selection.items, *selection.failed]
    for row in every:
        twins = twinned.get(id(row))
        if twins is None:
            if isinstance(row, Selected):
                kept.append(row)
            else:
                failed.append(row)
            continue
        unit = _unit(twins)
        field, where = _unit_cell(row)
        issue = SpecIssue("table_duplicate_row", field, where,
                          params={"unit": unit.full_name, "unit_code": unit.code,
                                  "rows": ", ".join(twin.row.rpartition(":")[2]
                                                    for twin in sorted(twins, key=_row_order))})
        if isinstance(row, Selected):
            failed.append(FailedRow(unit.full_name, row.row, (issue,), unit.code,
                                    row.overrides, row.columns, row.path, row.source))
        else:
            failed.append(replace(row, issues=(issue, *row.issues)))
    return replace(selection, items=kept, failed=failed)


def _code(row: Selected | FailedRow) -> str:
    return row.locality.code if isinstance(row, Selected) else row.code


def _unit(twins: list[Selected | FailedRow]) -> Locality:
    for twin in twins:
        if isinstance(twin, Selected):
            return twin.locality
    return resolve(_code(twins[0])).locality


def _unit_cell(item: Selected | FailedRow) -> tuple[FieldPath, SourceLocation | None]:
    """Where a row names its unit: the Địa phương (or Mã) cell, `locality:` of a YAML row."""
    for wanted in ("locality", "code"):
        for location, key, header in item.columns:
            if key == wanted:
                return (header,), location
    return ((*item.path, "locality") if item.path else ()), item.source


def find_locality(name: str) -> Locality | None:
    """The one province or commune `name` names (see `resolve`), or None."""
    try:
        return resolve(name).locality
    except LocalityError:
        return None
