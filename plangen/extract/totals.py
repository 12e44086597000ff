"""Total rows of a read table: a row that reads "Cộng" / "Tổng cộng" and whose figures add up.

The last row becomes the table's `total` when it adds up every row (as before); another such
row becomes a {subtotal: …} row when its figures are the sum of the rows since the previous
group or total row, or a {total: …} row when they are the sum of every row of the table (the
model's rules, `freeform.covered_rows`). A row whose figures do not add up stays as written:
plangen never changes a source's figures. A table with subtotals has its full-width rows read
as the group rows they are, since they bound what each subtotal adds up.
"""

from __future__ import annotations

from typing import Any

from plangen.freeform import (
    Row,
    build_table,
    column_sums,
    covered_rows,
    make_row,
    parse_number,
    vi_number,
)

TOTAL_WORDS = ("tổng cộng", "tổng", "cộng", "tổng số")
DEFAULT_LABEL = {"total": "Tổng cộng", "subtotal": "Cộng"}


def _word(text: str) -> str:
    return text.lower().strip().strip(":")


def figures(row: list[Any], width: int, *,
            exact: bool = False) -> tuple[int, list[int]] | None:
    """(label cell index, 1-based columns holding figures) of a row that reads as a total:
    "Tổng cộng", "Cộng" … (with `exact` False also "Cộng I", "Cộng nhóm A")."""
    if any(isinstance(cell, dict) for cell in row) or len(row) != width:
        return None
    labels = [i for i, cell in enumerate(row) if _word(cell) in TOTAL_WORDS or (
        not exact and _word(cell).startswith(("cộng ", "tổng cộng ")))]
    if len(labels) != 1:
        return None
    sums = [i + 1 for i, cell in enumerate(row) if i != labels[0] and cell]
    if not sums or any(parse_number(row[i - 1]) is None for i in sums):
        return None
    return labels[0], sums


def _adds_up(row: list[Any], sums: list[int], covered: list[Row]) -> bool:
    """Whether each figure of `row` is the sum of its column over `covered`, as printed."""
    if not covered:
        return False
    computed = column_sums(covered, sums)
    return all(vi_number(round(computed[column], 6)) == row[column - 1] for column in sums)


def _label_column(sums: list[int]) -> int:
    return 2 if min(sums) > 2 else 1


def _total_row(kind: str, row: list[Any], label: int, sums: list[int]) -> list[Any]:
    cell: dict[str, Any] = {kind: "" if row[label] == DEFAULT_LABEL[kind] else row[label],
                            "sum": sums}
    if label + 1 != _label_column(sums):
        cell["label_column"] = label + 1
    return [cell]


def _full_width(row: list[Any], width: int) -> bool:
    return len(row) == 1 and isinstance(row[0], dict) and set(row[0]) <= {"text", "cols"} \
        and row[0].get("cols") == width and bool(row[0].get("text"))


def read_totals(body: list[list[Any]], width: int) -> tuple[list[list[Any]],
                                                            dict[str, Any] | None]:
    """`body` with its total rows written as such, and the table's `total` (its last row when
    that adds up every row), or None."""
    out = list(body)
    groups = [i for i, row in enumerate(body) if _full_width(row, width)]
    placed: list[Row | None] = [None if i in groups else make_row(r, width)
                                for i, r in enumerate(body)]
    found = {i: f for i, r in enumerate(body) if (f := figures(r, width)) is not None}
    last = len(body) - 1
    subtotals = 0

    def try_subtotal(index: int) -> None:
        nonlocal subtotals
        label, sums = found[index]
        if _adds_up(body[index], sums, covered_rows([*placed[:index], None], index, False)):
            out[index] = _total_row("subtotal", body[index], label, sums)
            placed[index] = None
            subtotals += 1

    for index in found:  # left to right: a group's subtotal before the next group's
        if index != last:
            try_subtotal(index)
    # a grand total adds up the data rows: every row that does not read as a total
    data = [row for i, row in enumerate(placed) if i not in found and row is not None]
    for index, (label, sums) in found.items():
        if placed[index] is not None and index != last and _adds_up(body[index], sums, data):
            out[index] = _total_row("total", body[index], label, sums)
            placed[index] = None
    total = _table_total(body, width, placed) if len(body) > 1 else None
    if total is None and last in found and last > 0:
        try_subtotal(last)
    if subtotals:
        for index in groups:
            out[index] = [{"group": body[index][0]["text"]}]
    return _as_printed(body, out, width, total)


def _as_printed(body: list[list[Any]], out: list[list[Any]], width: int,
                total: dict[str, Any] | None) -> tuple[list[list[Any]], dict[str, Any] | None]:
    """`out` (`body`, some rows rewritten as total rows; with `total`, its last row is the
    table's total) as the spec's rows: any total row the model would print with other figures
    than the source's put back as written, until every one agrees."""
    while True:
        rows = out[:-1] if total else out
        built = build_table({"rows": rows, **({"total": total} if total else {})}).rows
        if total is not None and _printed(built[-1]) != _figures_of(body[-1]):
            total = None
            continue
        wrong = [i for i, row in enumerate(rows) if row is not body[i]
                 and built[i].kind in ("total", "subtotal")
                 and _printed(built[i]) != _figures_of(body[i])]
        if not wrong:
            return list(rows), total
        out[wrong[0]] = body[wrong[0]]


def _figures_of(row: list[Any]) -> list[str]:
    return [cell for cell in row if isinstance(cell, str) and parse_number(cell) is not None]


def _printed(row: Row) -> list[str]:
    return [cell.text for cell in row.cells if parse_number(cell.text) is not None]


def _table_total(body: list[list[Any]], width: int,
                 placed: list[Row | None]) -> dict[str, Any] | None:
    """The last row as the table's computed total when it reads "Tổng cộng" (or "Tổng",
    "Cộng", "Tổng số") and its figures add up every row above it that is not a total."""
    found = figures(body[-1], width, exact=True)
    if found is None:
        return None
    label, sums = found
    last = body[-1]
    if not _adds_up(last, sums, [row for row in placed[:-1] if row is not None]):
        return None
    total: dict[str, Any] = {}
    if last[label] != "Tổng cộng":
        total["label"] = last[label]
    if label + 1 != _label_column(sums):
        total["label_column"] = label + 1
    total["sum"] = sums
    return total
