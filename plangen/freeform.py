"""The free plan structure as typed objects: sections, content blocks, data tables,
appendices (declared in spec/free_schema.py), and the role lines (`Roles`) that a free block
and a task of either structure share.

`build_free` turns validated spec data into these; `model.build_plan` calls it. Tables are laid
on a grid here once (spans placed, the total computed), so the renderer, the checks of
`spec/free_meaning.py` and the tracking of tasks all read the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from plangen.vntext import clean_line

LINE_KINDS = ("item", "point", "bullet", "plus", "named", "text")
ROLE_FIELDS = ("named_items", "lead", "implementer", "partners", "supervisor", "timeline",
               "product")
LISTED_ROLES = ("lead", "implementer", "partners", "supervisor")  # may print as "+ " items
ITEM_MARKERS = ("plus", "bullet")
# how role lines open (`role_style`): "- ", "a)" (NĐ 30's point form), "a." (as some plans
# letter them), "- a)" (a dash, then the letter), nothing; render/context.py role_lines prints
# them, extract reads them back
ROLE_STYLES = ("dash", "letter", "letter_dot", "dash_letter", "plain")
# style -> what follows the letter
LETTER_ROLE_STYLES = {"letter": ")", "letter_dot": ".", "dash_letter": ")"}
DASHED_LETTER_STYLES = {"dash_letter"}  # lettered styles whose letter follows "- "
# role lines that open with a letter of their own ("a) Cơ quan chủ trì"): under a point,
# itself lettered, they would make a second list of letters inside the first
OPEN_LETTER_STYLES = tuple(style for style in LETTER_ROLE_STYLES
                           if style not in DASHED_LETTER_STYLES)
# what prints role lines under a block or a task: its roles, a deadline on a line of its own
# (a free block), the "Nội dung:" lines (a classic task)
ROLE_LINE_KEYS = (*ROLE_FIELDS, "content")
# how points (lettered sub-items) close their letter (`point_style`, one for the whole plan):
# "a)" (NĐ 30, the default) or "a." (as some plans write them)
POINT_STYLES = {"letter": ")", "letter_dot": "."}
# the columns of an appendix built from the tasks (`from_tasks`) that take their value from
# each task (its title, its role lines, its deadline); a column of another key prints what a
# task gives it in `cells:`
TASK_VALUE_COLUMNS = ("content", "title", "id", "named_items", "lead", "implementer",
                      "partners", "supervisor", "timeline", "product", "deadline")
# keys that shape how a task prints (its line, marker, labels, style): no value for a cell
TASK_SHAPE_KEYS = ("item", "point", "bullet", "plus", "named", "text", "table", "label",
                   "style", "deadline_inline", "labels", "role_items", "role_style", "cells")
DEFAULT_TOTAL = "Tổng cộng"
# a row of one {total: …} / {subtotal: …} cell: a total row anywhere in the table
TOTAL_KEYS = ("total", "subtotal")
DEFAULT_SUBTOTAL = "Cộng"
DEADLINE_LABEL = "Thời hạn hoàn thành"


@dataclass(frozen=True)
class Cell:
    """One table cell; `number` marks a value given as a number (printed 1.234,5)."""

    text: str
    cols: int = 1
    rows: int = 1
    align: str | None = None
    bold: bool = False
    number: bool = False


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    # "body", "group" (one cell across the table), "total" (all body rows) or "subtotal" (the
    # body rows since the previous group, total or subtotal row)
    kind: str = "body"


@dataclass(frozen=True)
class DataTable:
    widths: tuple[float, ...]
    aligns: tuple[str | None, ...]
    header: tuple[Row, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()

    @property
    def columns(self) -> int:
        return len(self.widths)


@dataclass(frozen=True)
class Roles:
    """Role lines under a free block or a task (`model.Task.roles`): who leads, who helps,
    when, what comes out, with their labels and style; render/context.py lays them out."""

    named_items: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    implementer: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    supervisor: tuple[str, ...] = ()
    timeline: str | None = None
    product: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    style: str = "dash"
    # roles whose agencies print one a line under an open role line ("- Đơn vị phối hợp:"
    # then "+ Sở …"): role key -> "plus" or "bullet"
    items: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Block:
    """One content block: a line of some kind with what hangs under it, or a table."""

    kind: str  # a LINE_KINDS value, or "table"
    text: str = ""
    label: str | None = None
    style: str | None = None
    content: tuple[Block, ...] = ()
    roles: Roles | None = None
    deadline: str | None = None
    # the deadline printed at the end of the line, after this mark (",", ";", "."); None:
    # on a line of its own
    deadline_inline: str | None = None
    deadline_label: str | None = None  # its label when the block, section or plan renames it
    table: DataTable | None = None
    id: str | None = None
    cells: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FreeSection:
    heading: str  # "" for a part's own content, before (or without) its first section
    role: str | None
    content: tuple[Block, ...]
    part: str | None = None  # the title of the part ("Phần I", "Phần II" …) it opens


@dataclass(frozen=True)
class FreeAppendix:
    label: str
    title: str
    reference: str | None
    orientation: str
    content: tuple[Block, ...]
    from_tasks: bool = False
    columns: tuple[tuple[str, str, float], ...] = ()


@dataclass(frozen=True)
class FreeParts:
    numbering: str
    sections: tuple[FreeSection, ...]
    missing: dict[str, str]
    appendices: tuple[FreeAppendix, ...]


def build_free(data: dict[str, Any], base_labels: dict[str, str]) -> FreeParts:
    """The free parts of validated spec data (empty when the plan uses the classic keys)."""
    sections = tuple(
        FreeSection(clean_line(s.get("heading") or ""), s.get("role"),
                    _blocks(s.get("content", []),
                            {**base_labels, **_clean_map(s.get("labels", {}))},
                            s.get("role_style", "dash")),
                    clean_line(s["part"]) if s.get("part") else None)
        for s in data.get("sections", []))
    appendices = tuple(_appendix(a, index, len(data.get("appendices", [])), base_labels)
                       for index, a in enumerate(data.get("appendices", [])))
    return FreeParts(data.get("numbering", "roman"), sections,
                     _clean_map(data.get("missing", {})), appendices)


def ordinary_label(label: str) -> str:
    """An appendix label typed in capitals as NĐ 30 PL1 III.1.b prints it: "PHỤ LỤC II" ->
    "Phụ lục II", "PHỤ LỤC SỐ 01" -> "Phụ lục số 01" (a Roman numeral keeps its capitals)."""
    words = label.split()
    return " ".join(word if index and re.fullmatch(r"[IVXLC]+[.:]?", word) else
                    (word[:1] + word[1:].lower() if index == 0 else word.lower())
                    for index, word in enumerate(words))


def appendix_label(index: int, count: int) -> str:
    """ "Phụ lục" for a single appendix, "Phụ lục I", "Phụ lục II" … when there are several."""
    from plangen.vntext import roman
    return "Phụ lục" if count == 1 else f"Phụ lục {roman(index + 1)}"


def _appendix(data: dict[str, Any], index: int, count: int,
              labels: dict[str, str]) -> FreeAppendix:
    columns = tuple((c["key"], clean_line(c["title"]), float(c.get("width", 0)))
                    for c in data.get("columns", []))
    return FreeAppendix(
        label=clean_line(data.get("label") or appendix_label(index, count)),
        title=clean_line(data["title"]),
        reference=clean_line(data["reference"]) if data.get("reference") else None,
        orientation=data.get("orientation", "landscape"),
        content=_blocks(data.get("content", []), labels, "dash"),
        from_tasks=bool(data.get("from_tasks")),
        columns=columns,
    )


def _clean_map(value: dict[str, Any]) -> dict[str, str]:
    return {key: clean_line(text) for key, text in value.items()}


def _lines(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(clean_line(v) for v in ([value] if isinstance(value, str) else value))


def _blocks(items: list[Any], labels: dict[str, str], style: str) -> tuple[Block, ...]:
    return tuple(_block(item, labels, style) for item in items)


def _block(value: str | dict[str, Any], labels: dict[str, str], style: str) -> Block:
    if isinstance(value, str):
        return Block("text", clean_line(value))
    own_labels = {**labels, **_clean_map(value.get("labels", {}))}
    own_style = value.get("role_style", style)
    if "table" in value:
        return Block("table", table=build_table(value["table"]))
    kind = next(k for k in LINE_KINDS if k in value)
    roles = None
    if any(value.get(key) for key in ROLE_FIELDS):
        roles = Roles(
            named_items=_lines(value.get("named_items")), lead=_lines(value.get("lead")),
            implementer=_lines(value.get("implementer")), partners=_lines(value.get("partners")),
            supervisor=_lines(value.get("supervisor")),
            timeline=clean_line(value["timeline"]) if value.get("timeline") else None,
            product=clean_line(value["product"]) if value.get("product") else None,
            labels=own_labels, style=own_style, items=dict(value.get("role_items", {})))
    return Block(
        kind=kind, text=clean_line(value[kind]),
        label=clean_line(value["label"]) if value.get("label") else None,
        style=value.get("style"),
        content=_blocks(value.get("content", []), own_labels, own_style),
        roles=roles,
        deadline=clean_line(value["deadline"]) if value.get("deadline") else None,
        deadline_inline=_deadline_mark(value.get("deadline_inline")),
        deadline_label=own_labels.get("deadline"),
        id=value.get("id"),
        cells={k: cell_text(v) for k, v in value.get("cells", {}).items()},
    )


# ---- tables -------------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """A cell value as printed: numbers the Vietnamese way, text as written."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return vi_number(value)
    return clean_line(str(value)) if value is not None else ""


def vi_number(value: float) -> str:
    """1234.5 -> "1.234,5"; 732 -> "732" (NĐ 30 and Vietnamese usage)."""
    if isinstance(value, float) and not value.is_integer():
        whole, _, fraction = f"{value:.6f}".rstrip("0").partition(".")
    else:
        whole, fraction = str(int(value)), ""
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    text = sign + ".".join(groups or ["0"])
    return f"{text},{fraction}" if fraction else text


_VI_NUMBER = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?")


def parse_number(text: str) -> float | None:
    """A cell's text as a number, read the Vietnamese way ("1.234,5"); None if it is not one."""
    text = text.strip()
    if not text:
        return None
    if not _VI_NUMBER.fullmatch(text):
        return None
    return float(text.replace(".", "").replace(",", "."))


def _span(value: Any) -> int:
    """A span as written when it is a whole number of at least 1; otherwise 1 (the schema
    has already reported the bad value: the meaning checks still run over the rest)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else 1


def _cell(value: Any) -> Cell:
    if isinstance(value, dict):
        raw = value.get("text", "")
        return Cell(cell_text(raw), cols=_span(value.get("cols")), rows=_span(value.get("rows")),
                    align=value.get("align"), bold=bool(value.get("bold")),
                    number=isinstance(raw, (int, float)) and not isinstance(raw, bool))
    return Cell(cell_text(value), number=isinstance(value, (int, float))
                and not isinstance(value, bool))


def _row(cells: list[Any], width: int) -> Row:
    if len(cells) == 1 and isinstance(cells[0], dict) and "group" in cells[0]:
        # cell_text: a group the schema refused (null, a number) still makes a row here
        return Row((Cell(cell_text(cells[0]["group"]), cols=width, bold=True),), "group")
    return Row(tuple(_cell(c) for c in cells))


def make_row(cells: list[Any], width: int) -> Row:
    """A model row from raw cells (a group row spans `width`)."""
    return _row(cells, width)


def row_width(cells: list[Any]) -> int:
    """How many grid columns a row of raw cells covers by itself (spans counted)."""
    return sum(c.get("cols", 1) if isinstance(c, dict) else 1 for c in cells)


def column_count(data: dict[str, Any]) -> int:
    """The table's width: its `columns`, else its widest header or body row."""
    if data.get("columns"):
        return len(data["columns"])
    rows = [*data.get("header", []), *data.get("rows", [])]
    return max((row_width(r) for r in rows if not _is_group(r)), default=1)


def _is_group(row: list[Any]) -> bool:
    return len(row) == 1 and isinstance(row[0], dict) and "group" in row[0]


def build_table(data: dict[str, Any]) -> DataTable:
    """A `DataTable` from validated data, its total row computed."""
    width = column_count(data)
    columns = data.get("columns") or [1] * width
    widths = tuple(float(c.get("width", 1) if isinstance(c, dict) else c) for c in columns)
    aligns = tuple(c.get("align") if isinstance(c, dict) else None for c in columns)
    header = tuple(_row(r, width) for r in data.get("header", []))
    total = data.get("total")
    rows = total_rows(data["rows"], width, total)
    if total:
        rows.append(_total_row(total, rows, width))
    return DataTable(widths, aligns, header, tuple(rows), _lines(data.get("notes")))


def total_cell(row: Any) -> dict[str, Any] | None:
    """The {total: …} or {subtotal: …} cell of a total row written in `rows`, else None."""
    if isinstance(row, list) and len(row) == 1 and isinstance(row[0], dict) \
            and any(key in row[0] for key in TOTAL_KEYS):
        return row[0]
    return None


def total_columns(cell: dict[str, Any], table_total: dict[str, Any] | None) -> list[int]:
    """The columns a total row adds up: its own `sum`, else the table's `total.sum`."""
    own = cell.get("sum") or (table_total or {}).get("sum") or []
    return [column for column in own if isinstance(column, int)]


def covered_rows(rows: list[Row | None], index: int, grand: bool) -> list[Row]:
    """The body rows the total row at `index` adds up: every body row of the table for a
    grand total, those since the previous group, total or subtotal row for a subtotal."""
    if grand:
        return [row for row in rows if row is not None and row.kind == "body"]
    covered: list[Row] = []
    for row in reversed(rows[:index]):
        if row is None or row.kind != "body":
            break
        covered.append(row)
    return covered[::-1]


def total_rows(raw: list[Any], width: int, table_total: dict[str, Any] | None) -> list[Row]:
    """The body rows of `raw`, each total row written among them computed from the rows it
    covers (see `covered_rows`)."""
    rows: list[Row | None] = [None if total_cell(r) else _row(r, width) for r in raw]
    for index, row in enumerate(raw):
        cell = total_cell(row)
        if cell is None:
            continue
        grand = "total" in cell
        label = clean_line(str(cell.get("total" if grand else "subtotal") or "")) or (
            DEFAULT_TOTAL if grand else DEFAULT_SUBTOTAL)
        spec = {"label": label, "sum": total_columns(cell, table_total)}
        if "label_column" in cell:
            spec["label_column"] = cell["label_column"]
        elif table_total and "label_column" in table_total:
            spec["label_column"] = table_total["label_column"]
        made = _total_row(spec, covered_rows(rows, index, grand), width)
        rows[index] = Row(made.cells, "total" if grand else "subtotal")
    return [row for row in rows if row is not None]


def grid(rows: tuple[Row, ...] | list[Row]) -> Iterator[tuple[int, int, Cell]]:
    """(row index, first grid column, cell) of every cell, cells spanning rows placed."""
    taken: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(rows):
        column = 0
        for cell in row.cells:
            while taken.get((r, column)):
                column += 1
            yield r, column, cell
            for dr in range(cell.rows):
                for dc in range(cell.cols):
                    taken[(r + dr, column + dc)] = True
            column += cell.cols


def column_sums(rows: list[Row] | tuple[Row, ...], columns: list[int]) -> dict[int, float]:
    """The sum of each 1-based column in `columns` over the body rows."""
    sums = dict.fromkeys(columns, 0.0)
    for _, column, cell in grid([r for r in rows if r.kind == "body"]):
        if column + 1 in sums and cell.cols == 1:
            number = parse_number(cell.text)
            if number is not None:
                sums[column + 1] += number
    return sums


def _total_row(total: dict[str, Any], rows: list[Row], width: int) -> Row:
    columns = [column for column in total["sum"] if column <= width]
    sums = column_sums(rows, columns)
    label_column = total.get("label_column", 2 if min(columns, default=1) > 2 else 1)
    cells = []
    for column in range(1, width + 1):
        if column == label_column:
            cells.append(Cell(clean_line(total.get("label", DEFAULT_TOTAL)), bold=True))
        elif column in sums:
            cells.append(Cell(vi_number(round(sums[column], 6)), bold=True, number=True))
        else:
            cells.append(Cell(""))
    return Row(tuple(cells), "total")


def all_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block, depth first, in reading order."""
    for one in blocks:
        yield one
        yield from all_blocks(one.content)


def _deadline_mark(value: Any) -> str | None:
    """`deadline_inline` as the mark before the deadline: true is ",", false or none None."""
    if value is True:
        return ","
    return value if isinstance(value, str) and value else None
