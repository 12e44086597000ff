"""The free structure laid out as paragraphs: sections I, II, … (or A, B, …), content blocks
numbered by their depth (1., 1.1., a), -, +, (1)), role lines, deadlines, data tables and
appendices. Like context.py, it decides numbering and punctuation and writes no XML.

Footnotes (`^[…]` in any text) are collected in reading order into a `Footnotes` list; a run
that refers to one carries its number.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from plangen.freeform import ROLE_FIELDS, Block, DataTable, FreeAppendix, Roles, grid
from plangen.model import Plan, Task, block_tasks
from plangen.places import section_heads
from plangen.render.context import Footnotes, Para, Run, role_lines, runs_of
from plangen.vntext import ensure_end, letter, upper


@dataclass(frozen=True)
class CellLayout:
    """One grid cell: its paragraphs (each a tuple of runs), spans and alignment; `merged`
    marks the continuation of a cell that spans rows from above."""

    paragraphs: tuple[tuple[Run, ...], ...]
    cols: int = 1
    rows: int = 1
    align: str = "left"
    merged: bool = False


@dataclass(frozen=True)
class TableLayout:
    weights: tuple[float, ...]
    rows: tuple[tuple[CellLayout, ...], ...]
    header_rows: int
    notes: tuple[tuple[Run, ...], ...] = ()
    # the first column is the STT column: as wide as the classic appendix's, whatever the
    # page (a share of the width leaves "STT" broken over two lines on a portrait page)
    number_column: bool = False


@dataclass(frozen=True)
class AppendixLayout:
    label: str
    title: str
    reference: str
    landscape: bool
    body: tuple[Para, ...]


def _prefixed(prefix: str, text: str, notes: Footnotes, *, label: str | None = None
              ) -> tuple[Run, ...]:
    body = f"{label}: {text}" if label else text
    return runs_of(prefix + body, notes)


def free_body(plan: Plan, notes: Footnotes) -> Iterator[Para]:
    """The sections of a free plan, in reading order (preamble and closing are the caller's)."""
    for section, (part, number) in zip(plan.sections,
                                       section_heads(plan.sections, plan.numbering),
                                       strict=True):
        if part is not None and section.part is not None:  # "Phần I", its title below
            yield Para("part", runs_of(part, notes))
            yield Para("part_title", runs_of(upper(section.part), notes))
        if number is not None:  # else the part's own content, under its title
            yield Para("heading", runs_of(f"{number}. {upper(section.heading)}", notes))
        yield from blocks(section.content, notes, (), plan.point_close)


def blocks(items: tuple[Block, ...], notes: Footnotes, number: tuple[int, ...],
           close: str = ")") -> Iterator[Para]:
    """Paragraphs of sibling blocks; `number` is the enclosing item's number (1, 2 → "1.2."),
    `close` what follows a point's letter ("a)", or "a." for `point_style: letter_dot`)."""
    counters = {"item": 0, "point": 0, "named": 0}
    for block in items:
        if block.kind in counters:
            counters[block.kind] += 1
        yield from _block(block, notes, number, counters, close)


def _block(block: Block, notes: Footnotes, number: tuple[int, ...],
           counters: dict[str, int], close: str) -> Iterator[Para]:
    if block.kind == "table" and block.table is not None:
        yield from table_paragraphs(block.table, notes)
        return
    own = number
    text = block.text
    mark = block.deadline_inline
    if block.deadline and mark:
        text = f"{ensure_end(text, '', '.;,')}{mark} {_deadline_text(block, mark=mark)}"
    if block.kind == "item":
        own = (*number, counters["item"])
        prefix = ".".join(str(n) for n in own) + ". "
        titled = block.style == "title" or (block.style is None and bool(block.content))
        kind = "item_title" if titled else "item"
    elif block.kind == "point":
        prefix, kind = f"{letter(counters['point'] - 1)}{close} ", "point"
    elif block.kind == "named":
        prefix, kind = f"({counters['named']}) ", "text"
    elif block.kind == "bullet":
        prefix, kind = "- ", "bullet"
    elif block.kind == "plus":
        prefix, kind = "+ ", "plus"
    else:
        prefix, kind = "", "text"
    yield Para(kind, _prefixed(prefix, text, notes, label=block.label))  # type: ignore[arg-type]
    yield from blocks(block.content, notes, own, close)
    deadline = _deadline_text(block) if block.deadline and not block.deadline_inline else None
    for kind, line in role_lines(block.roles or Roles(), last=deadline, strip_named=False):
        yield Para(kind, runs_of(line, notes))


def _deadline_text(block: Block, *, mark: str | None = None) -> str:
    """ "Thời hạn hoàn thành: Trước ngày 30/6/2026." on its own line; at the end of the line
    after `mark`, as written, the label in lower case unless a sentence ends before it."""
    label = (block.roles.labels.get("deadline") if block.roles else None) or \
        block.deadline_label or "Thời hạn hoàn thành"
    if mark is None:
        return f"{label}: {ensure_end(block.deadline or '', '.')}"
    if mark != ".":
        label = label[:1].lower() + label[1:]
    return f"{label}: {block.deadline}"


# ---- tables ------------------------------------------------------------------------------


def table_paragraphs(table: DataTable, notes: Footnotes) -> Iterator[Para]:
    """The table, then its notes as paragraphs."""
    yield Para("table", (), table=table_layout(table, notes))
    for line in table.notes:
        yield Para("text", runs_of(line, notes))


def table_layout(table: DataTable, notes: Footnotes) -> TableLayout:
    """Header and body rows as grid rows, a continuation cell wherever a cell spans rows."""
    header = _grid_rows(table.header, table, notes, header=True)
    body = _grid_rows(table.rows, table, notes, header=False)
    return TableLayout(table.weights if hasattr(table, "weights") else table.widths,
                       (*header, *body), len(header))


def _grid_rows(rows: tuple, table: DataTable, notes: Footnotes, *,  # type: ignore[type-arg]
               header: bool) -> list[tuple[CellLayout, ...]]:
    placed: dict[int, list[tuple[int, CellLayout]]] = {r: [] for r in range(len(rows))}
    for r, column, cell in grid(rows):
        kind = rows[r].kind
        align = cell.align or ("center" if header else _default_align(table, column, cell, kind))
        lines = cell.text.split("\n") if cell.text else []
        paragraphs = tuple(runs_of(line, notes, bold=cell.bold or header) for line in lines)
        layout = CellLayout(paragraphs, cell.cols, cell.rows, align)
        placed[r].append((column, layout))
        for dr in range(1, cell.rows):
            if r + dr in placed:
                placed[r + dr].append((column, CellLayout((), cell.cols, 1, align, merged=True)))
    return [tuple(layout for _, layout in sorted(placed[r], key=lambda p: p[0]))
            for r in range(len(rows))]


def _default_align(table: DataTable, column: int, cell: object, kind: str) -> str:
    if column < len(table.aligns) and table.aligns[column]:
        return table.aligns[column] or "left"
    if kind == "group":
        return "left"
    text = getattr(cell, "text", "")
    short = len(text) <= 12 and not any(ch.isalpha() and ch.islower() for ch in text[1:])
    return "center" if getattr(cell, "number", False) or (short and len(text) <= 8) else "left"


# ---- appendices --------------------------------------------------------------------------


def free_appendices(plan: Plan, reference: str, notes: Footnotes) -> tuple[AppendixLayout, ...]:
    """Each appendix: its label, title, back-reference and body (a table from the tasks, or
    its own content)."""
    out = []
    for appendix in plan.appendices:
        own = appendix.reference or reference
        if not own.startswith("("):
            own = f"({own.rstrip('.')})"
        body = tuple(_task_table(plan, appendix, notes) if appendix.from_tasks
                     else blocks(appendix.content, notes, (), plan.point_close))
        out.append(AppendixLayout(appendix.label, upper(appendix.title), own,
                                  appendix.orientation == "landscape", body))
    return tuple(out)


_TASK_COLUMNS = {"content": ("Nội dung công việc", 34), "lead": ("Cơ quan chủ trì", 18),
                 "partners": ("Cơ quan phối hợp", 22), "timeline": ("Thời gian thực hiện", 12),
                 "product": ("Sản phẩm", 20)}


def _task_table(plan: Plan, appendix: FreeAppendix, notes: Footnotes) -> Iterator[Para]:
    """STT and the chosen columns; a task's sub-tasks under it, numbered 2.1, 2.2 …"""
    columns = appendix.columns or tuple((k, t, float(w)) for k, (t, w) in _TASK_COLUMNS.items())
    # the block each task comes from (its cells, its deadline); an inner block comes later
    # than the block around it, so a task is the block's that states it
    block_of = {t.title: b for section in plan.sections for b in _task_blocks(section)
                for t in (block_tasks((b,)) or ())}
    head = (CellLayout((runs_of("STT", notes, bold=True),), align="center"),
            *(CellLayout((runs_of(title, notes, bold=True),), align="center")
              for _, title, _ in columns))
    rows = [head]
    for number, task in _numbered(plan.tasks.items, ()):
        row = [CellLayout((runs_of(number, notes),), align="center")]
        for key, _, _ in columns:
            lines = _task_value(task, key, block_of.get(task.title))
            row.append(CellLayout(tuple(runs_of(line, notes) for line in lines)))
        rows.append(tuple(row))
    weights = (4.0, *(w or _TASK_COLUMNS.get(k, ("", 15))[1] for k, _, w in columns))
    yield Para("table", (), table=TableLayout(tuple(float(w) for w in weights), tuple(rows), 1,
                                              number_column=True))


def _task_blocks(section: object) -> Iterator[Block]:
    from plangen.freeform import all_blocks
    yield from all_blocks(getattr(section, "content", ()))


def _numbered(tasks: tuple[Task, ...], parent: tuple[int, ...]) -> Iterator[tuple[str, Task]]:
    for index, task in enumerate(tasks, 1):
        own = (*parent, index)
        yield ".".join(map(str, own)), task
        yield from _numbered(task.subtasks, own)


def _task_value(task: Task, key: str, block: Block | None) -> tuple[str, ...]:
    """The lines of a task's cell in column `key` (freeform.TASK_VALUE_COLUMNS, else what
    the task's block gives the column in `cells:`, else nothing)."""
    cells = block.cells if block is not None else {}
    if key in cells:
        return (cells[key],)
    if key in ("content", "title"):
        return (task.title,)
    if key == "id":
        return (task.id,) if task.id else ()
    if key == "deadline":
        return (block.deadline,) if block is not None and block.deadline else ()
    if key == "lead":
        return task.roles.lead or task.roles.implementer
    if key not in ROLE_FIELDS:
        return ()
    value = getattr(task.roles, key)
    if isinstance(value, tuple):
        return value
    return (value,) if isinstance(value, str) and value else ()
