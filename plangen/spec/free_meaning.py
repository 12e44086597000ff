"""What the free structure means, beyond its schema: the four required sections present (or
stated missing, with the reason), blocks with one line each, emphasis markers that close,
tables whose rows fit and whose totals add up, appendix labels the body refers to.

Like meaning.py, every check reads data whatever its shape and never raises for bad input.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from plangen.errors import Path, SourceLocation, SpecIssue
from plangen.freeform import (
    OPEN_LETTER_STYLES,
    ROLE_LINE_KEYS,
    TASK_SHAPE_KEYS,
    TASK_VALUE_COLUMNS,
    TOTAL_KEYS,
    Row,
    appendix_label,
    column_sums,
    covered_rows,
    make_row,
    parse_number,
    total_cell,
    total_columns,
    vi_number,
)
from plangen.inline import InlineError, parse_inline
from plangen.labels import level_label
from plangen.spec.free_schema import DEADLINE_MARKS, LINE_KEYS, SECTION_ROLES
from plangen.spec.loader import LoadedSpec
from plangen.spec.schema import CLASSIC_PRINTED, CLASSIC_SECTIONS, NOT_PRINTED_KEYS
from plangen.vntext import upper

_BLOCK_KINDS = (*LINE_KEYS, "table")
_ROMAN = r"[IVXLC]+\b"
_REFERENCE = re.compile(rf"(?i:phụ\s+lục)\s+({_ROMAN}(?:\s*(?:,|và)\s*{_ROMAN})*)")
_INLINE_KEYS = (*LINE_KEYS, "label", "deadline")
_EMPTY_FOOTNOTE = re.compile(r"(?<!\\)\^\[\s*\]")
_TOTAL_ONLY = ("sum", "values", "label_column")  # keys of a total row's cell only


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def free_issues(loaded: LoadedSpec) -> Iterator[SpecIssue]:
    """Every issue of the structure keys: classic or free, and what the free parts mean."""
    data: dict[str, Any] = loaded.data
    yield from text_inline_issues(loaded)
    if "sections" not in data:
        for key in CLASSIC_SECTIONS:
            if key not in data:
                yield SpecIssue("required", (key,), params={"key": key})
        if "appendices" in data:
            yield SpecIssue("appendices_need_sections", ("appendices",))
        return
    for key in CLASSIC_SECTIONS:
        if key in data:
            yield SpecIssue("classic_with_sections", (key,), params={"key": key})
    if "appendix" in data:
        yield SpecIssue("appendix_and_appendices", ("appendix",))
    sections = _list(data.get("sections"))
    yield from _role_issues(sections, _dict(data.get("missing")))
    yield from _part_issues(sections)
    for index, section in enumerate(sections):
        yield from lettered_role_issues(
            _list(_dict(section).get("content")), ("sections", index, "content"),
            _dict(section).get("role_style", "dash"), "point")
    for index, section in enumerate(sections):
        if isinstance(section, dict):
            yield from _blocks(_list(section.get("content")), ("sections", index, "content"),
                               loaded)
    labels = []
    appendices = _list(data.get("appendices"))
    given: set[str] | None = None  # the keys the tasks give values in `cells:`
    for index, appendix in enumerate(appendices):
        if not isinstance(appendix, dict):
            continue
        path: Path = ("appendices", index)
        label = appendix.get("label")
        labels.append(label if isinstance(label, str)
                      else appendix_label(index, len(appendices)))
        if bool(appendix.get("from_tasks")) == bool(appendix.get("content")):
            yield SpecIssue("appendix_tasks_or_content", path)
        if appendix.get("from_tasks") and appendix.get("columns"):
            given = _cell_keys(sections) if given is None else given
            yield from _column_issues(_list(appendix.get("columns")), (*path, "columns"), given)
        yield from _blocks(_list(appendix.get("content")), (*path, "content"), loaded)
    yield from _reference_issues(loaded, labels)


def text_inline_issues(loaded: LoadedSpec) -> Iterator[SpecIssue]:
    """Unclosed inline markers (`**`, `*`, `__`, `^[`) in the texts outside the free
    sections: the preamble, the closing and, in a four-section plan, every printed text of
    sections I–IV and of the appendix table's rows."""
    data: dict[str, Any] = loaded.data
    free = "sections" in data
    roots: list[tuple[Path, Any]] = [((key,), data.get(key)) for key in CLASSIC_PRINTED
                                     if not free or key in ("preamble", "closing")]
    if not free:
        roots.append((("appendix", "rows"), _dict(data.get("appendix")).get("rows")))
    for root, value in roots:
        for path, text in _printed_strings(value, root):
            yield from _inline(text, path, loaded)


def _printed_strings(data: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_PRINTED_KEYS:
                yield from _printed_strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _printed_strings(value, (*path, index))


def _cell_keys(sections: list[Any]) -> set[str]:
    """Every key a block of the sections gives a value in its `cells:`."""
    keys: set[str] = set()

    def walk(blocks: list[Any]) -> None:
        for block in blocks:
            if isinstance(block, dict):
                keys.update(key for key in _dict(block.get("cells")) if isinstance(key, str))
                walk(_list(block.get("content")))
    for section in sections:
        walk(_list(_dict(section).get("content")))
    return keys


def _column_issues(columns: list[Any], path: Path, given: set[str]) -> Iterator[SpecIssue]:
    """The columns of an appendix of the tasks that print nothing: a key that shapes how a
    task prints (role_style, labels …) is an error; a key of the plan's own that no task
    gives in `cells:` leaves its column blank (a warning when it is close to a column taken
    from the tasks, else a note: a column left for the reader to fill in is a real use)."""
    known = ", ".join(TASK_VALUE_COLUMNS)
    for index, column in enumerate(columns):
        key = _dict(column).get("key")
        if not isinstance(key, str) or key in TASK_VALUE_COLUMNS or key in given:
            continue
        here = (*path, index, "key")
        if key in TASK_SHAPE_KEYS:
            yield SpecIssue("appendix_column_shape", here, params={"key": key, "columns": known})
            continue
        close = difflib.get_close_matches(key, TASK_VALUE_COLUMNS, n=1, cutoff=0.75)
        if close:
            yield SpecIssue("appendix_column_typo", here, severity="warning",
                            params={"key": key, "close": close[0]})
        else:
            yield SpecIssue("appendix_column_empty", here, severity="note",
                            params={"key": key, "columns": known})


def lettered_role_issues(entries: list[Any], path: Path, style: Any, point_key: str
                         ) -> Iterator[SpecIssue]:
    """Role lines lettered "a)" or "a." under a point (a free block `point:`, a classic
    sub-task): two lists of letters one inside the other, which neither a reader nor the
    check can tell apart. `style` is the role style the entries inherit; the entries under
    `point_key` ("content" or "subtasks") inherit theirs."""
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        here = (*path, index)
        own = entry.get("role_style", style)
        lined = any(entry.get(key) for key in ROLE_LINE_KEYS if key != "content") or (
            bool(entry.get("deadline")) and not entry.get("deadline_inline")) or (
            point_key == "subtasks" and bool(entry.get("content")))
        if own in OPEN_LETTER_STYLES and lined and (point_key == "subtasks" or "point" in entry):
            yield SpecIssue("role_lettered_under_point",
                            (*here, "role_style") if "role_style" in entry else here,
                            params={"style": own})
        if point_key == "point":
            yield from lettered_role_issues(_list(entry.get("content")), (*here, "content"),
                                            own, point_key)


def _part_issues(sections: list[Any]) -> Iterator[SpecIssue]:
    """A plan laid out in parts opens its first section with one: no section stands before
    "Phần I"; a part's title is printed under its label, so it is typed without one."""
    opening = [index for index, section in enumerate(sections)
               if isinstance(_dict(section).get("part"), str)]
    for index, section in enumerate(sections):  # a part's own content needs no heading
        if isinstance(section, dict) and "heading" not in section and index not in opening:
            yield SpecIssue("section_no_heading", ("sections", index))
    if opening and opening[0] != 0:
        yield SpecIssue("part_not_first", ("sections", 0), params={
            "first": opening[0] + 1})
    for index in opening:
        title = _dict(sections[index])["part"]
        label = level_label(title)
        if label:
            yield SpecIssue("part_typed_label", ("sections", index, "part"),
                            params={"label": label})


def _role_issues(sections: list[Any], missing: dict[str, Any]) -> Iterator[SpecIssue]:
    seen: dict[str, int] = {}
    for index, section in enumerate(sections):
        role = _dict(section).get("role")
        if not isinstance(role, str) or role not in SECTION_ROLES:
            continue
        if role in seen:
            yield SpecIssue("section_role_twice", ("sections", index, "role"), params={
                "role": role, "first": seen[role] + 1})
        else:
            seen[role] = index
        if role in missing:
            yield SpecIssue("missing_but_present", ("missing", role), params={
                "role": role, "index": index + 1})
    for role in SECTION_ROLES:
        if role in seen:
            continue
        if isinstance(missing.get(role), str):
            yield SpecIssue("section_stated_missing", ("missing", role), severity="note",
                            params={"role": role, "reason": missing[role]})
        else:
            yield SpecIssue("section_role_missing", ("sections",), params={"role": role})


def _blocks(blocks: list[Any], path: Path, loaded: LoadedSpec) -> Iterator[SpecIssue]:
    for index, block in enumerate(blocks):
        here = (*path, index)
        if isinstance(block, str):
            yield from _inline(block, here, loaded)
            continue
        if not isinstance(block, dict):
            continue
        kinds = [key for key in _BLOCK_KINDS if key in block]
        if not kinds:
            unknown = [key for key in block if key not in _known_block_keys()]
            if not unknown:  # an unknown key already has its own message
                yield SpecIssue("block_no_line", here, params={"allowed": ", ".join(LINE_KEYS)})
        elif len(kinds) > 1:
            yield SpecIssue("block_two_lines", (*here, kinds[1]), params={
                "first": kinds[0], "second": kinds[1]})
        for key in _dict(block.get("role_items")):
            if not block.get(key):
                yield SpecIssue("role_items_no_role", (*here, "role_items", key),
                                params={"key": key})
        mark = block.get("deadline_inline")
        if isinstance(mark, str) and mark not in DEADLINE_MARKS:
            yield SpecIssue("deadline_inline_mark", (*here, "deadline_inline"),
                            params={"value": mark})
        for key in _INLINE_KEYS:
            if isinstance(block.get(key), str):
                yield from _inline(block[key], (*here, key), loaded)
        if isinstance(block.get("table"), dict):
            yield from _table(block["table"], (*here, "table"), loaded)
        yield from _blocks(_list(block.get("content")), (*here, "content"), loaded)


def _known_block_keys() -> set[str]:
    from plangen.spec.free_schema import block_fields
    return set(block_fields(2))


def _inline(text: str, path: Path, loaded: LoadedSpec, *, cell: bool = False
            ) -> Iterator[SpecIssue]:
    """Markers that close, footnotes that say something, and (outside a table's cells, where
    a footnote mark alone may stand) a line with words to print before its footnote."""
    try:
        spans = parse_inline(text)
    except InlineError as exc:
        yield SpecIssue("inline_unclosed", path, _offset_location(loaded, path, text, exc.offset),
                        params={"marker": exc.marker, "near": text[exc.offset:exc.offset + 30]})
        return
    notes = [span.footnote for span in spans if span.footnote is not None]
    if any(not "".join(part.text for part in note).strip() for note in notes):
        empty = _EMPTY_FOOTNOTE.search(text)
        yield SpecIssue("footnote_empty", path, _offset_location(
            loaded, path, text, empty.start() if empty else 0))
    elif notes and not cell and not "".join(
            span.text for span in spans if span.footnote is None).strip():
        yield SpecIssue("footnote_alone", path, params={"text": text[:40]})


def _offset_location(loaded: LoadedSpec, path: Path, text: str,
                     offset: int) -> SourceLocation | None:
    """Where character `offset` of the string at `path` sits in the file (a close estimate for
    folded and quoted strings: the string's own line and column plus the offset)."""
    start = loaded.locate(path)
    if start is None:
        return None
    if tuple(path) in loaded.quoted:  # the text starts after the opening quote
        start = SourceLocation(start.file, start.line, start.column + 1)
    before = text[:offset]
    lines = before.count("\n")
    if lines:
        return SourceLocation(start.file, start.line + lines, len(before) - before.rfind("\n"))
    return SourceLocation(start.file, start.line, start.column + offset)


def _table(table: dict[str, Any], path: Path, loaded: LoadedSpec) -> Iterator[SpecIssue]:
    header = [r for r in _list(table.get("header")) if isinstance(r, list)]
    body = [r for r in _list(table.get("rows")) if isinstance(r, list)]
    if path[:1] == ("appendices",) and not header and len(body) > 1:
        # an appendix table runs over pages with its heading row repeated (the check's
        # appendix-header-row): without one, the rendered file would fail it
        yield SpecIssue("appendix_table_no_header", path)
    elif not header and len(body) > 1 and _bold_row(body[0]):
        # a bold first row reads as the table's heading row, which the check wants repeated
        # on each page: only a header row is
        yield SpecIssue("table_bold_first_row", (*path, "rows", 0))
    columns = _list(table.get("columns"))
    width = len(columns) if columns else max(
        (_width(r) for r in (*header, *body) if not _group(r)), default=1)
    for part, rows in (("header", header), ("rows", body)):
        yield from _grid_issues(rows, width, (*path, part))
        if part == "header":
            for r, row in enumerate(rows):
                if total_cell(row) is not None:
                    yield SpecIssue("total_in_header", (*path, part, r, 0))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if isinstance(cell, str):
                    yield from _inline(cell, (*path, part, r, c), loaded, cell=True)
    total = _dict(table.get("total"))
    yield from _total_row_issues(body, width, total, (*path, "rows"))
    sums = [c for c in _list(total.get("sum")) if isinstance(c, int)]
    for index, column in enumerate(sums):
        if column > width:
            yield SpecIssue("total_column_outside", (*path, "total", "sum", index), params={
                "column": column, "width": width})
    values = _list(total.get("values"))
    good = [c for c in sums if c <= width]
    if values and len(values) != len(sums):
        yield SpecIssue("total_values_count", (*path, "total", "values"), params={
            "values": len(values), "sum": len(sums)})
    elif values and good and not any(True for _ in _grid_issues(body, width, path)):
        computed = column_sums([make_row(r, width) for r in body if total_cell(r) is None],
                               good)
        for index, (column, written) in enumerate(zip(sums, values, strict=False)):
            number = written if isinstance(written, (int, float)) else parse_number(str(written))
            if column in computed and (number is None or abs(number - computed[column]) > 1e-6):
                yield SpecIssue("total_mismatch", (*path, "total", "values", index), params={
                    "column": column, "written": str(written),
                    "computed": vi_number(round(computed[column], 6))})


def _total_row_issues(body: list[list[Any]], width: int, total: dict[str, Any],
                      path: Path) -> Iterator[SpecIssue]:
    """Total rows written among the rows: columns to add, in the table, written figures that
    match the rows each covers (a subtotal: those since the previous group or total row; a
    grand total: every row)."""
    placed: list[Row | None] = [None if total_cell(r) else make_row(r, width) for r in body]
    clean = not any(True for _ in _grid_issues(body, width, path))
    for r, row in enumerate(body):
        cell = total_cell(row)
        if cell is None:
            continue
        here = (*path, r, 0)
        columns = total_columns(cell, total)
        if not columns:
            yield SpecIssue("total_row_no_sum", here)
            continue
        own = "sum" in cell
        for index, column in enumerate(columns):
            if column > width:
                yield SpecIssue("total_column_outside",
                                (*here, "sum", index) if own else (*here,), params={
                                    "column": column, "width": width})
        values = _list(cell.get("values"))
        good = [c for c in columns if c <= width]
        if values and len(values) != len(columns):
            yield SpecIssue("total_values_count", (*here, "values"), params={
                "values": len(values), "sum": len(columns)})
            continue
        if not values or not good or not clean:
            continue
        computed = column_sums(covered_rows(placed, r, "total" in cell), good)
        for index, (column, written) in enumerate(zip(columns, values, strict=False)):
            number = written if isinstance(written, (int, float)) else parse_number(str(written))
            if column in computed and (number is None or abs(number - computed[column]) > 1e-6):
                yield SpecIssue("total_mismatch", (*here, "values", index), params={
                    "column": column, "written": str(written),
                    "computed": vi_number(round(computed[column], 6))})


def _width(row: list[Any]) -> int:
    return sum(c.get("cols", 1) if isinstance(c, dict) and isinstance(c.get("cols"), int)
               else 1 for c in row)


def _group(row: list[Any]) -> bool:
    return len(row) == 1 and isinstance(row[0], dict) and "group" in row[0]


_ALL_BOLD = re.compile(r"\*\*[^*]+\*\*")


def _bold_row(row: list[Any]) -> bool:
    """A row printed bold throughout (its empty cells aside): a group row, or every cell
    with text bold, as a cell (`bold: true`) or by its inline marks ("**…**")."""
    if _group(row):
        return True
    texts = [(cell.get("text"), cell.get("bold") is True) if isinstance(cell, dict)
             else (cell, False) for cell in row]
    written = [(str(text).strip(), bold) for text, bold in texts
               if text is not None and str(text).strip()]
    return bool(written) and all(bold or _ALL_BOLD.fullmatch(text) for text, bold in written)


def _grid_issues(rows: list[list[Any]], width: int, path: Path) -> Iterator[SpecIssue]:
    """Rows wider than the table, spans that run past its right side or its last row."""
    taken: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(rows):
        if _group(row) or total_cell(row) is not None:
            continue
        for c, cell in enumerate(row):
            if isinstance(cell, dict) and "group" in cell:
                yield SpecIssue("group_not_alone", (*path, r, c))
            if isinstance(cell, dict) and any(key in cell for key in TOTAL_KEYS):
                yield SpecIssue("total_not_alone", (*path, r, c))
            elif isinstance(cell, dict):
                for key in _TOTAL_ONLY:
                    if key in cell:
                        yield SpecIssue("total_key_alone", (*path, r, c, key), params={
                            "key": key})
        column = 0
        for c, cell in enumerate(row):
            while taken.get((r, column)):
                column += 1
            cols = cell.get("cols", 1) if isinstance(cell, dict) else 1
            span = cell.get("rows", 1) if isinstance(cell, dict) else 1
            cols = cols if isinstance(cols, int) else 1
            span = span if isinstance(span, int) else 1
            if column + cols > width:
                code = "span_past_table" if cols > 1 and column < width else "row_too_wide"
                yield SpecIssue(code, (*path, r, c), params={
                    "row": r + 1, "cells": column + cols, "width": width})
                break
            if r + span > len(rows):
                yield SpecIssue("span_past_rows", (*path, r, c), params={
                    "rows": span, "left": len(rows) - r})
            for dr in range(span):
                for dc in range(cols):
                    taken[(r + dr, column + dc)] = True
            column += cols


def _reference_issues(loaded: LoadedSpec, labels: list[str]) -> Iterator[SpecIssue]:
    """ "chi tiết tại Phụ lục II": every appendix the body names exists."""
    defined = {upper(label).replace("PHỤ LỤC", "").strip() for label in labels}
    for path, text in _body_strings(loaded.data):
        for found in _REFERENCE.finditer(text):
            for numeral in re.findall(_ROMAN, found.group(1)):
                if numeral not in defined:
                    close = difflib.get_close_matches(numeral, sorted(defined), n=1)
                    yield SpecIssue("appendix_not_defined", path, params={
                        "label": f"Phụ lục {numeral}",
                        "defined": ", ".join(labels) or "—",
                        "hint": ("did_you_mean", f"Phụ lục {close[0]}") if close else ""})


def _body_strings(data: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    if path[:1] not in (("sections",), ("closing",)) and path:
        return
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if not path and key not in ("sections", "closing"):
                continue
            yield from _body_strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _body_strings(value, (*path, index))

