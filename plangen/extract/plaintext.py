"""A plan saved as text (copied from a PDF, a web page or a chat) becomes blocks: lines, and
tables from tab-separated rows. Markdown marks (`**`, `##`, `*…*`), lone page numbers and the
page breaks that cut a sentence in two are repaired on the way; the words `**…**` and `*…*`
stressed inside a line keep that emphasis (extract/emphasis.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plangen.extract.blocks import Block, Line, Source, Table, count, join_lines
from plangen.extract.emphasis import (
    BOLD,
    ITALIC,
    Looks,
    emphasised,
    mid_line,
    stripped,
    substitute,
)
from plangen.vntext import nfc

_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^(?:Trang|Page)\s+\d{1,3}(?:/\d{1,3})?$",
                          re.IGNORECASE)
_HEADING_MARK = re.compile(r"^#{1,6}\s*")
_STRAY_MARKS = re.compile(r"\*\*+|#{2,}")
_BOLD_PAIR = re.compile(r"\*\*(?=\S)([^\n]+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_STAR_BULLET = re.compile(r"^\*\s+")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


# a table row as Markdown and the legal portals flatten it: "| STT | Nội dung | … |"
_PIPE_ROW = re.compile(r"^\|(?:[^|]*\|){2,}$")


def read_text(text: str, name: str = "-") -> Source:
    """Lines of a plan saved as text (tab-separated rows become tables)."""
    repairs: dict[str, int] = {}
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    raw: list[Line | list[list[str]] | None] = []  # None marks a blank line
    for number, line in enumerate(text.split("\n")):
        body = _line_body(line, repairs)
        cleaned = body if body.count("\t") >= 2 else _unmark(body, repairs)
        if not cleaned.strip():
            raw.append(None)
        elif cleaned.count("\t") >= 2:
            raw.append([[_unmark(cell.strip(), repairs) for cell in cleaned.split("\t")]])
        elif _PIPE_ROW.match(cleaned.strip()):
            cells = cleaned.strip()[1:-1].split("|")
            raw.append([[_unmark(cell.strip(), repairs) for cell in cells]])
        elif _PAGE_NUMBER.match(cleaned.strip()) and number > 0:
            count(repairs, "page_numbers")
            raw.append(None)
        else:
            text, looks = _emphasis(body, cleaned)
            raw.append(Line(text, 0, looks=looks))
    _mark_wrapped(raw, repairs)
    return Source(name, "text", tuple(join_lines(_group_rows(raw), repairs)), repairs)


def wrap_width(lengths: list[int]) -> int | None:
    """The line width of text wrapped at a margin (as PDF to text tools write it), or None
    when lines are whole paragraphs: wrapped lines pile up just short of the longest."""
    if len(lengths) < 20:
        return None
    width = sorted(lengths)[int(0.9 * (len(lengths) - 1))]
    near = sum(1 for length in lengths if 0.85 * width <= length <= 1.12 * width)
    over = sum(1 for length in lengths if length > 1.3 * width)
    # a page line holds 70–100 characters; whole paragraphs give a wide spread of lengths
    wrapped = width <= 130 and near >= 0.15 * len(lengths) and over <= 0.02 * len(lengths)
    return width if wrapped else None


def _mark_wrapped(raw: list[Line | list[list[str]] | None], repairs: dict[str, int]) -> None:
    """In wrapped text, a line right after one that reached the margin goes on the same
    paragraph: it is marked soft, so an unfinished sentence is joined without a note."""
    width = wrap_width([len(item.text) for item in raw if isinstance(item, Line)])
    if width is None:
        return
    for index in range(1, len(raw)):
        before, item = raw[index - 1], raw[index]
        if isinstance(before, Line) and isinstance(item, Line) and \
                len(before.text) >= 0.75 * width:
            raw[index] = Line(item.text, item.container, soft=True, looks=item.looks)
            count(repairs, "unwrapped")


def _line_body(line: str, repairs: dict[str, int]) -> str:
    """The line without its heading mark ("## "), a "* " bullet made "- ", Markdown marks
    inside it still there (a table row as it is)."""
    line = line.rstrip(" \u00a0\n")
    if line.count("\t") >= 2:  # a table row: its tabs, even leading ones, separate cells
        return line
    stripped = _HEADING_MARK.sub("", line.lstrip())
    if stripped != line.lstrip():
        count(repairs, "marks")
    if _STAR_BULLET.match(stripped):
        stripped = "- " + stripped[2:].lstrip()
    return stripped


def _unmark(text: str, repairs: dict[str, int]) -> str:
    """Drop the Markdown marks a conversion left: `**bold**`, `## `, `*italic*`, `\\-`."""
    cleaned = _ESCAPED.sub(r"\1", _ITALIC.sub(r"\1", _STRAY_MARKS.sub("", text)))
    if cleaned != text:
        count(repairs, "marks")
    return cleaned


def _emphasis(body: str, cleaned: str) -> tuple[str, Looks | None]:
    """The line's text (`cleaned`, stripped) and the looks the Markdown marks of its `body`
    (`_line_body`) gave its words (`**đậm**`, `*nghiêng*`), when some stand out."""
    text = cleaned.strip()
    if "*" not in body:
        return text, None
    marked = body
    looks: Looks = (0,) * len(marked)
    marked, looks = emphasised(_BOLD_PAIR, marked, looks, BOLD)
    marked, looks = substitute(_STRAY_MARKS, "", marked, looks)
    marked, looks = emphasised(_ITALIC, marked, looks, ITALIC)
    marked, looks = substitute(_ESCAPED, r"\1", marked, looks)
    marked, looks = stripped(marked, looks)
    if marked != text:  # the marks read another way than the cleaning did: no looks
        return text, None
    return text, mid_line(looks, text)


def _group_rows(raw: list[Line | list[list[str]] | None]) -> Iterator[Block]:
    """Consecutive tab-separated rows (blank lines between them allowed) form one table."""
    rows: list[tuple[tuple[str, ...], ...]] = []
    for item in raw:
        if isinstance(item, list):
            rows.append(tuple((cell,) if cell else () for cell in item[0]))
            continue
        if item is None:
            continue
        if rows:
            yield Table(tuple(rows))
            rows = []
        yield item
    if rows:
        yield Table(tuple(rows))
