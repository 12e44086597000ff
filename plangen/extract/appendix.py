"""The appendix (phụ lục): its label, title, the "(Kèm theo Kế hoạch số …)" line and its
table, whose columns are recognised by their headings. When every row repeats a task of
section II, the spec says `from_tasks: true` instead of copying the rows.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from plangen.extract.blocks import Block, Line, Table
from plangen.extract.notes import Notes, excerpt
from plangen.extract.patterns import DATE_WORDS, is_upper_text
from plangen.extract.tasks import leaf_tasks, row_paragraph
from plangen.freeform import ordinary_label
from plangen.model import DEFAULT_COLUMNS
from plangen.vntext import BLANK, date_words, two_digits

Cells = tuple[tuple[str, ...], ...]
PLACEHOLDER_TITLE = "(Cần điền tên phụ lục)"
_NUMBER_HEADINGS = ("STT", "TT", "SỐ TT", "SỐ THỨ TỰ")
_COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("partners", ("phối hợp",)),
    ("lead", ("chủ trì", "cơ quan thực hiện", "đơn vị thực hiện", "đầu mối")),
    ("timeline", ("thời gian", "thời hạn", "tiến độ")),
    ("product", ("sản phẩm", "kết quả")),
    ("content", ("nội dung", "nhiệm vụ", "công việc", "tên", "hoạt động")),
)
_REFERENCE = re.compile(r"^\(?\s*(ban hành\s+)?(kèm|đính kèm)", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")


def is_label(text: str) -> bool:
    """ "PHỤ LỤC", "Phụ lục I", "PHỤ LỤC: DANH MỤC …" start an appendix."""
    return re.match(r"^ph[ụu] l[ụu]c\b", text, re.IGNORECASE) is not None and (
        len(text.split()) <= 4 or len(text.split(":")[0].split()) <= 4 < len(text.split()))


def words(text: str) -> list[str]:
    """Lower-case words, punctuation dropped: how two texts are compared."""
    return _WORD.findall(text.lower())


def parse_appendix(blocks: list[Block], spec: dict[str, Any], notes: Notes) -> dict[str, Any]:
    """The `appendix` of a spec from the label line onwards (spec: what is read so far)."""
    appendix: dict[str, Any] = {}
    blocks = _first_appendix(blocks, notes)
    first_table = next((i for i, b in enumerate(blocks) if isinstance(b, Table)), len(blocks))
    before = [b for b in blocks[:first_table] if isinstance(b, Line)]
    after = _heading(appendix, before, notes) + [
        b.text for b in blocks[first_table:] if isinstance(b, Line)]
    rows = [row for block in blocks if isinstance(block, Table) for row in block.rows]
    _table(appendix, rows, spec, notes)
    if rows:
        for text in after:
            notes.add("lost", "extract_after_appendix", ("appendix",), text=excerpt(text, 200))
    elif after:  # a table flattened to lines (PDF to text): its text, kept as one comment
        notes.add("lost", "extract_appendix_untabled", ("appendix",),
                  text=excerpt(" / ".join(after), 4000))
    return {key: appendix[key] for key in ("label", "title", "reference", "number_heading",
                                           "columns", "from_tasks", "rows") if key in appendix}


def _first_appendix(blocks: list[Block], notes: Notes) -> list[Block]:
    """The blocks of the first appendix; plangen has one, a second is kept as notes."""
    second = next((i for i, b in enumerate(blocks) if i and isinstance(b, Line)
                   and is_label(b.text)), len(blocks))
    for block in blocks[second:]:
        text = block.text if isinstance(block, Line) else "\n".join(
            row_paragraph(row) for row in block.rows)
        notes.add("lost", "extract_second_appendix", ("appendix",), text=excerpt(text, 200))
    return blocks[:second]


def _heading(appendix: dict[str, Any], lines: list[Line], notes: Notes) -> list[str]:
    """Label, title and "(Kèm theo …)" line from the lines before the table; returns the
    lines after them."""
    label_line = lines.pop(0).text if lines and is_label(lines[0].text) else ""
    label, _, inline_title = label_line.partition(":")
    label = " ".join(label.split())
    if is_upper_text(label):  # "PHỤ LỤC": NĐ 30 prints the line in ordinary case
        label = ordinary_label(label)
    if label and label != "Phụ lục":
        appendix["label"] = label
    title_lines: list[Line] = []
    reference: list[str] = []
    rest: list[str] = []
    for position, line in enumerate(lines):
        if not reference and _REFERENCE.match(line.text):
            reference.append(line.text)
        elif not reference:
            title_lines.append(line)
        elif not reference[-1].endswith(")") and len(reference) < 6:
            reference.append(line.text)  # the line was cut ("số" / "/KH-UBND ngày" / …)
        else:
            rest = [b.text for b in lines[position:]]
            break
    if reference:
        appendix["reference"] = " ".join(reference)
    title = " ".join([inline_title.strip(), *(line.text for line in title_lines)]).strip()
    paragraphs = sum(1 for line in title_lines[1:] if not line.soft) + 1
    if not title:
        notes.add("todo", "extract_todo_appendix_title", ("appendix", "title"))
    elif paragraphs > 1:
        notes.add("check", "extract_title_joined", ("appendix", "title"), count=paragraphs)
    appendix["title"] = title or PLACEHOLDER_TITLE
    return rest


def generated_reference(spec: dict[str, Any]) -> str:
    """The "(Kèm theo …)" line plangen writes when the spec gives none."""
    number = two_digits(int(spec["number"])) if spec.get("number") else BLANK
    date = spec.get("date", {})
    issuer = spec.get("issuer", {}).get("name", "")
    return (f"(Kèm theo Kế hoạch số {number}/{spec.get('symbol', 'KH-UBND')} "
            f"{date_words(date.get('day'), date.get('month'), date.get('year', 0))} "
            f"của {issuer})")


def reference_facts(reference: str) -> dict[str, Any]:
    """Number, symbol, date and issuer named in a "(Kèm theo Kế hoạch số …)" line."""
    facts: dict[str, Any] = {}
    number = re.search(r"số\s*:?\s*(\d{0,6})\s*/\s*([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)", reference)
    if number:
        facts["number"], facts["symbol"] = number.group(1) or None, number.group(2)
    found = DATE_WORDS.search(reference)
    if found:
        facts["date"] = {key: int(value) for key, value in found.groupdict().items() if value}
    issuer = re.search(r"của\s+(.+?)\)?\s*$", reference)
    if issuer:
        facts["issuer"] = issuer.group(1).strip()
    return facts


# ---- the table ----------------------------------------------------------------------------


def _table(appendix: dict[str, Any], rows: list[Cells], spec: dict[str, Any],
           notes: Notes) -> None:
    header_index = next((i for i, row in enumerate(rows) if _is_header(row)), None)
    if header_index is None:
        header: Cells = ((_NUMBER_HEADINGS[0],), *((name,) for name in DEFAULT_COLUMNS.values()))
        if rows:
            notes.add("check", "extract_appendix_no_header", ("appendix", "columns"))
    else:
        header = rows[header_index]
        for row in rows[:header_index]:
            notes.add("lost", "extract_appendix_row_lost", ("appendix",),
                      text=excerpt(row_paragraph(row), 200))
        rows = rows[header_index + 1:]
        while rows and rows[0][:1] == header[:1]:  # a two-row heading ("Cơ quan" over
            header = tuple(below or above for above, below in  # "Chủ trì", "Phối hợp")
                           itertools.zip_longest(header, rows.pop(0), fillvalue=()))
    keys = _column_keys(header, appendix, notes)
    body = _body_rows(rows, header, notes)
    data_rows = [_row_data(row, keys, notes, index) for index, row in enumerate(body)]
    data_rows = [row for row in data_rows if row]
    leaves = leaf_tasks(spec.get("tasks", {}))
    if data_rows and _repeats_tasks(data_rows, leaves):
        appendix["from_tasks"] = True
        _adopt_cells(data_rows, leaves)
    elif data_rows:
        appendix["rows"] = data_rows
    else:
        appendix["from_tasks"] = True
        notes.add("todo", "extract_appendix_no_rows", ("appendix", "from_tasks"))


def _is_header(row: Cells) -> bool:
    first = " ".join(row[0]).strip().upper().rstrip(".") if row else ""
    return first in _NUMBER_HEADINGS or sum(1 for cell in row[1:] if _column_key(
        " ".join(cell))) >= 3


def _column_key(heading: str) -> str | None:
    low = heading.lower()
    for key, found in _COLUMN_WORDS:
        if any(word in low for word in found):
            return key
    return None


def _column_keys(header: Cells, appendix: dict[str, Any], notes: Notes) -> list[str | None]:
    """The spec column of each table column (None: the number column or unknown)."""
    number_heading = " ".join(header[0]) if header else "STT"
    if number_heading.strip() and number_heading.strip() != "STT":
        appendix["number_heading"] = number_heading.strip()
    keys: list[str | None] = [None]
    columns: dict[str, str] = {}
    for cell in header[1:]:
        heading = " ".join(cell).strip()
        key = _column_key(heading)
        if key is None or key in columns:
            if heading:
                notes.add("lost", "extract_appendix_column_lost", ("appendix", "columns"),
                          column=heading)
            keys.append(None)
            continue
        columns[key] = heading
        keys.append(key)
    if columns != DEFAULT_COLUMNS:
        appendix["columns"] = {key: columns[key] for key in DEFAULT_COLUMNS if key in columns}
    order = [key for key in keys if key]
    if order != [key for key in DEFAULT_COLUMNS if key in order]:
        notes.add("check", "extract_appendix_column_order", ("appendix", "columns"))
    return keys


def _body_rows(rows: list[Cells], header: Cells, notes: Notes) -> list[Cells]:
    """Rows without repeated headers; a row cut by a page break joined to the row above."""
    out: list[list[list[str]]] = []
    for row in rows:
        if [" ".join(c) for c in row] == [" ".join(c) for c in header]:
            continue
        number = " ".join(row[0]).strip() if row else ""
        if number and not number.rstrip(".").isdigit():
            notes.add("check", "extract_appendix_group_row", ("appendix", "rows", len(out)),
                      text=excerpt(number))
        if not number and out and any(row):
            notes.add("check", "extract_appendix_continued", ("appendix", "rows", len(out) - 1))
            for index, cell in enumerate(row):
                if index < len(out[-1]) and cell:
                    out[-1][index] = _continue_cell(out[-1][index], list(cell))
            continue
        out.append([list(cell) for cell in row])
    return [tuple(tuple(cell) for cell in row) for row in out]


def _continue_cell(cell: list[str], more: list[str]) -> list[str]:
    if cell and more and more[0][:1].islower():
        return [*cell[:-1], f"{cell[-1]} {more[0]}", *more[1:]]
    return [*cell, *more]


def _row_data(row: Cells, keys: list[str | None], notes: Notes, index: int) -> dict[str, Any]:
    data: dict[str, Any] = {}
    group = ""  # the number cell of a group row ("I", "A"): kept in front of its text
    for position, cell in enumerate(row):
        key = keys[position] if position < len(keys) else None
        lines = [line.strip() for line in cell if line.strip()]
        if not lines:
            continue
        if key is None:
            if position:
                notes.add("lost", "extract_appendix_cell_lost", ("appendix", "rows", index),
                          text=excerpt(" ".join(lines), 200))
            elif not lines[0].rstrip(".").isdigit():
                group = " ".join(lines)
            continue
        if key in ("lead", "partners"):
            data[key] = lines if len(lines) > 1 else lines[0]
        else:
            data[key] = " ".join(lines)
    if group:
        data["content"] = f"{group.rstrip('.')}. {data['content']}" if "content" in data \
            else group
    if data and "content" not in data:
        notes.add("todo", "extract_appendix_row_content", ("appendix", "rows", index))
        data = {"content": "(Cần điền nội dung công việc)", **data}
    ordered = {key: data[key] for key in DEFAULT_COLUMNS if key in data}
    return ordered


def _repeats_tasks(rows: list[dict[str, Any]], leaves: list[dict[str, Any]]) -> bool:
    if len(rows) != len(leaves):
        return False
    for row, task in zip(rows, leaves, strict=True):
        expected = {"content": task.get("title"), "lead": task.get("lead") or
                    task.get("implementer"), "partners": task.get("partners"),
                    "timeline": task.get("timeline"), "product": task.get("product")}
        for key, value in expected.items():
            if key in row and words(_text(row[key])) != words(_text(value)):
                return False
    return True


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return "" if value is None else str(value)


def _adopt_cells(rows: list[dict[str, Any]], leaves: list[dict[str, Any]]) -> None:
    """The tasks take the table's writing of their values (agencies one per line become a
    list, a final period stays): the body prints them the same, the table as it was."""
    for row, task in zip(rows, leaves, strict=True):
        for key in ("lead", "partners", "timeline", "product"):
            target = "implementer" if key == "lead" and "lead" not in task else key
            if key in row and target in task:
                task[target] = row[key]
