"""A failed plan's problems said where the locality table writes them.

A plan of a batch may fail on a value its table row gave: a task to remove that the base plan
lacks, every task removed, a second archive line among the extra recipients. The spec stage
names the plan's field ("tasks.items") and gives advice for a YAML file. Here such an issue is
said at the row instead: for a spreadsheet, the column as its header reads ("Bỏ nhiệm vụ"), with
advice for a cell; for a YAML table, the field's path in that file ("localities[3].number").
`row_issues` finds, before any plan is built, what a row does wrong to the base plan (a task
id it lacks, every task removed, an archive line among the extra recipients), so a table's
problems are all said at once; `at_table` says the problems of a plan that failed to build.
`plan_symbol` runs once per batch.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from plangen.errors import Path, SourceLocation, SpecIssue
from plangen.model import decision_symbol, is_archive_line
from plangen.spec.assemble import merge_overrides
from plangen.spec.merge import Node

_TASKS = ("tasks", "items")


def plan_symbol(base: Node) -> str | None:
    """The symbol a table row's number goes with: the plan's ("KH-UBND"), or its decision's
    when the base plan is issued by one (the row's number is the decision's then); None when
    the base spec is not a mapping."""
    if not base.is_mapping:
        return None
    data: dict[str, Any] = {}
    symbol = base.value.get("symbol")
    if symbol is not None and isinstance(symbol.value, str):
        data["symbol"] = symbol.value
    decision = base.value.get("decision")
    if decision is None or not decision.is_mapping:
        return str(data.get("symbol", "KH-UBND"))
    own = decision.value.get("symbol")
    data["decision"] = {"symbol": own.value if own is not None else None}
    return decision_symbol(data)


class RowSource(Protocol):
    """A table row as batch keeps it (`selection.Selected`, `selection.FailedRow`): its
    overrides, its cells as (location, column key, header) or its YAML path."""

    @property
    def overrides(self) -> Node | None: ...

    @property
    def columns(self) -> tuple[tuple[SourceLocation, str, str], ...]: ...

    @property
    def path(self) -> Path: ...


def row_issues(base: Node, row: RowSource) -> list[SpecIssue]:
    """What `row`'s overrides do wrong to `base`, found by merging them alone (no plan is
    built): ids the base lacks, every task removed, an archive line among the extra
    recipients; said at the row's cells (or its YAML path)."""
    if row.overrides is None or not base.is_mapping:
        return []
    merged, found = merge_overrides(base, row.overrides)
    issues = [issue for issue in found if issue.severity == "error"]
    mine = _locations(row.overrides)
    issues.extend(_archive_not_last(merged, mine))
    items = _tasks_of(merged)
    if row.columns and items is not None and not items.value and \
            any(key == "removed_tasks" for _, key, _ in row.columns):
        issues.append(SpecIssue("too_few", _TASKS, params={"min": 1}))
    return at_table(issues, row, base)


def _locations(node: Node) -> set[SourceLocation]:
    found = {node.location} if node.location is not None else set()
    children = node.value.values() if node.is_mapping else node.value if node.is_list else ()
    for child in children:
        found |= _locations(child)
    return found


def _archive_not_last(spec: Node, mine: set[SourceLocation]) -> list[SpecIssue]:
    """An archive line ("Lưu: …") a row adds that is not the last recipient (meaning.py's
    rule, checked before the build)."""
    issues = []
    for prefix in ((), ("decision",)):
        node: Node | None = spec
        for key in (*prefix, "recipients"):
            node = node.value.get(key) if node is not None and node.is_mapping else None
        if node is None or not node.is_list:
            continue
        for index, line in enumerate(node.value[:-1]):
            if isinstance(line.value, str) and line.location in mine and \
                    is_archive_line(line.value):
                issues.append(SpecIssue("archive_not_last", (*prefix, "recipients", index),
                                        line.location))
    return issues


def at_table(issues: list[SpecIssue], selected: RowSource, base: Node) -> list[SpecIssue]:
    """`issues` of the plan of `selected`, those its table row caused said at that row."""
    if selected.columns:
        return [_at_cell(issue, selected, base) for issue in issues]
    if selected.path and selected.overrides is not None:
        paths = _paths(selected.overrides, selected.path)
        return [replace(issue, path=paths[issue.location])
                if issue.location in paths else issue for issue in issues]
    return issues


def _at_cell(issue: SpecIssue, selected: RowSource, base: Node) -> SpecIssue:
    columns = {location: (key, header) for location, key, header in selected.columns}
    removing = next((column for column in selected.columns if column[1] == "removed_tasks"),
                    None)
    if issue.location not in columns:
        if removing is not None and issue.code == "too_few" and issue.path == _TASKS:
            return SpecIssue("table_removes_every_task", (removing[2],), removing[0],
                             params={"known": ", ".join(_task_ids(base))})
        return issue
    key, header = columns[issue.location]
    path: Path = (header,)
    if key == "removed_tasks" and issue.code == "merge_nothing_to_remove":
        return replace(issue, code="table_unknown_task", path=path,
                       params={**issue.params, "known": ", ".join(_task_ids(base)) or "—"})
    if key == "removed_tasks" and issue.code == "merge_base_not_list":
        return replace(issue, code="table_no_tasks_to_remove", path=path)
    if key == "extra_recipients" and issue.code == "archive_not_last":
        return replace(issue, code="table_archive_in_extra", path=path,
                       params={"value": _archive_line(selected.overrides)})
    return replace(issue, path=path)


def _tasks_of(spec: Node) -> Node | None:
    node: Node | None = spec
    for key in _TASKS:
        node = node.value.get(key) if node is not None and node.is_mapping else None
    return node if node is not None and node.is_list else None


def _task_ids(base: Node) -> list[str]:
    node = _tasks_of(base)
    if node is None:
        return []
    return [str(item.value["id"].value) for item in node.value
            if item.is_mapping and "id" in item.value]


def _archive_line(overrides: Node | None) -> str:
    extra = overrides.value.get("recipients+") if overrides and overrides.is_mapping else None
    lines = [str(item.value) for item in extra.value] if extra and extra.is_list else []
    return next((line for line in lines if is_archive_line(line)),
                "Lưu: …")


def _paths(node: Node, path: Path) -> dict[SourceLocation, Path]:
    """Where each value of a YAML row is, with its path in the table file."""
    found: dict[SourceLocation, Path] = {}
    if node.location is not None:
        found[node.location] = path
    if node.is_mapping:
        for key, child in node.value.items():
            found.update(_paths(child, (*path, key)))
    elif node.is_list:
        for index, child in enumerate(node.value):
            found.update(_paths(child, (*path, index)))
    return found
