"""Which localities a batch covers, with each one's own overrides.

A selector is `all-provinces`, `all-communes`, `PROVINCE/communes` (for example
`dak-lak/communes` or "Đắk Lắk/communes"), or the path of a table of localities in YAML or CSV.

YAML table: `localities:` is a list of mappings; `locality:` names the unit (name, full name or
code) and every other key is a spec fragment merged over the base (merge rules of merge.py),
so `number`, `date`, `signature`, `recipients+`, `tasks: {items-: [...]}` all work.
CSV table: a header row with `locality` and any of `number`, `date` (d/m/yyyy, m/yyyy or yyyy),
`signer`, `extra_recipients` (lines separated by "|"), `removed_tasks` (ids separated by ",").
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from pathlib import Path as FsPath

from plangen.batch.localities import (
    Locality,
    all_communes,
    all_provinces,
    communes_of,
    find_province,
    province_names,
)
from plangen.batch.resolve import LocalityError, resolve
from plangen.errors import SourceLocation, SpecError, SpecIssue, UsageError
from plangen.spec.loader import load_spec_text, read_spec_text
from plangen.spec.merge import Node, to_node

ALL_PROVINCES, ALL_COMMUNES, COMMUNES_SUFFIX = "all-provinces", "all-communes", "/communes"
CSV_COLUMNS = ("locality", "number", "date", "signer", "extra_recipients", "removed_tasks")


@dataclass(frozen=True)
class Selected:
    """One locality of a batch and the spec fragment that overrides the base for it."""

    locality: Locality
    overrides: Node | None = None
    source: SourceLocation | None = None


def select_localities(selector: str) -> list[Selected]:
    """The localities named by `selector`; raises UsageError or SpecError with the reason."""
    if selector == ALL_PROVINCES:
        return [Selected(p) for p in all_provinces()]
    if selector == ALL_COMMUNES:
        return [Selected(c) for c in all_communes()]
    path = FsPath(selector)
    if path.suffix.lower() in (".yaml", ".yml", ".csv") or path.is_file():
        return read_table(path)
    if selector.endswith(COMMUNES_SUFFIX):
        name = selector[: -len(COMMUNES_SUFFIX)]
        province = find_province(name)
        if province is None:
            raise UsageError("unknown_province", name=name, hint=_province_hint(name))
        return [Selected(c) for c in communes_of(province)]
    raise UsageError("bad_selector", selector=selector)


def _province_hint(name: str) -> str:
    close = difflib.get_close_matches(name, province_names(), n=1, cutoff=0.5)
    return close[0] if close else ""


def read_table(path: FsPath) -> list[Selected]:
    """Localities and their overrides from a YAML or CSV table."""
    if path.suffix.lower() == ".csv":
        return _read_csv(path, read_spec_text(path))
    node = to_node(load_spec_text(read_spec_text(path), str(path)))
    rows = node.value.get("localities") if node.is_mapping else None
    if rows is None or not rows.is_list:
        raise SpecError([SpecIssue("table_needs_localities", ("localities",), node.location)])
    selected, issues = [], []
    for index, row in enumerate(rows.value):
        path_here = ("localities", index)
        if not row.is_mapping or "locality" not in row.value:
            issues.append(SpecIssue("table_row_needs_locality", path_here, row.location))
            continue
        fields = dict(row.value)
        name_node = fields.pop("locality")
        province_node = fields.pop("province", None)
        try:
            locality = resolve(name_node.value,
                               province_node.value if province_node else None).locality
        except LocalityError as exc:
            issues.append(SpecIssue(exc.code, (*path_here, "locality"), name_node.location,
                                    params=exc.params))
            continue
        overrides = Node(fields, row.location) if fields else None
        selected.append(Selected(locality, overrides, row.location))
    if issues:
        raise SpecError(issues)
    return selected


def find_locality(name: str) -> Locality | None:
    """The one province or commune `name` names (see `resolve`), or None."""
    try:
        return resolve(name).locality
    except LocalityError:
        return None


def _read_csv(path: FsPath, text: str) -> list[Selected]:
    reader = csv.DictReader(io.StringIO(text))
    issues: list[SpecIssue] = []
    unknown = [c for c in reader.fieldnames or [] if c not in CSV_COLUMNS]
    for column in unknown:
        close = difflib.get_close_matches(column, CSV_COLUMNS, n=1)
        issues.append(SpecIssue("unknown_key", (column,), SourceLocation(str(path), 1, 1),
                                params={"key": column, "hint": close[0] if close else ""}))
    if "locality" not in (reader.fieldnames or []):
        issues.append(SpecIssue("table_needs_localities", ("locality",),
                                SourceLocation(str(path), 1, 1)))
        raise SpecError(issues)
    selected = []
    for row in reader:
        line = reader.line_num
        where = SourceLocation(str(path), line, 1)
        try:
            locality = resolve(row.get("locality") or "").locality
        except LocalityError as exc:
            issues.append(SpecIssue(exc.code, (line - 1, "locality"), where, params=exc.params))
            continue
        overrides = _csv_overrides(row, where, issues, line - 1)
        selected.append(Selected(locality, overrides, where))
    if issues:
        raise SpecError(issues)
    return selected


def _csv_overrides(row: dict[str, str], where: SourceLocation, issues: list[SpecIssue],
                   index: int) -> Node | None:
    def leaf(value: object) -> Node:
        return Node(value, where)

    fields: dict[str, Node] = {}
    if row.get("number"):
        fields["number"] = leaf(row["number"].strip())
    if row.get("date"):
        date = _csv_date(row["date"].strip())
        if date is None:
            issues.append(SpecIssue("table_bad_date", (index, "date"), where,
                                    params={"value": row["date"]}))
        else:
            fields["date"] = Node({k: leaf(v) for k, v in date.items()}, where)
    if row.get("signer"):
        fields["signature"] = Node({"name": leaf(row["signer"].strip())}, where)
    if row.get("extra_recipients"):
        lines = [leaf(part.strip()) for part in row["extra_recipients"].split("|") if part.strip()]
        fields["recipients+"] = Node(lines, where)
    if row.get("removed_tasks"):
        ids = [leaf(part.strip()) for part in row["removed_tasks"].split(",") if part.strip()]
        fields["tasks"] = Node({"items-": Node(ids, where)}, where)
    return Node(fields, where) if fields else None


def _csv_date(text: str) -> dict[str, int] | None:
    parts = text.split("/")
    if not all(part.isdigit() for part in parts) or not 1 <= len(parts) <= 3:
        return None
    numbers = [int(part) for part in parts]
    keys = ("day", "month", "year")[3 - len(numbers):]
    return dict(zip(keys, numbers, strict=True))
