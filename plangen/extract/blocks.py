"""What reading a plan produces: lines of text and tables of cells in reading order, and
the one repair both readers share, joining a sentence a page break cut in two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from plangen.errors import PlangenError
from plangen.marks import is_mark

_TERMINAL = ".;:!?…"
# Words that open a paragraph of their own (a line starting a sentence mid-paragraph is rare)
_PARAGRAPH_STARTS = ("Căn cứ", "Thực hiện", "Xét đề nghị", "Trên đây", "Nơi nhận", "Để ")
_MARKER_START = re.compile(r"^([-–—+•*]|[a-zđ]\s?[).]|\d{1,2}\s?[.)/]|\d{1,2}\s?[–-]\s*\D|"
                           r"[IVX]{1,5}\s?[.)/-])")
# "Sở Tư pháp ban hành Kế hoạch … như sau:": the sentence that follows the last "Căn cứ …,"
_ISSUING = re.compile(r"^[^.;:]{2,120}?\b(?:ban hành|xây dựng)\s+(?:Kế hoạch|kế hoạch)\b")


class ExtractError(PlangenError):
    """The input plan cannot be read (not a Word or text file, damaged, too large)."""


@dataclass(frozen=True)
class Line:
    """One line of text: a paragraph, or a piece of one cut by a soft line break."""

    text: str
    container: int  # the flow it belongs to (body, one table cell, one text box)
    joined: bool = False  # two lines a page break had cut apart were joined into this one
    soft: bool = False  # follows a soft line break inside the same paragraph
    # per character, emphasis beyond the line's own (extract/emphasis.py); None: none
    looks: tuple[int, ...] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Table:
    """A table of three or more columns: rows of cells, each cell a tuple of lines."""

    rows: tuple[tuple[tuple[str, ...], ...], ...]
    # per cell, how Word merged it: "" (its own cell), "h" (covered by the cell on its left,
    # w:gridSpan) or "v" (continues the cell above, w:vMerge); None when not known (text)
    merges: tuple[tuple[str, ...], ...] | None = field(default=None, compare=False)
    # the cells' lines as read, with their emphasis (extract/emphasis.py); () from text
    lines: tuple[Line, ...] = field(default=(), compare=False)


Block = Line | Table


@dataclass(frozen=True)
class Source:
    """What was read: the blocks in reading order and what the reader repaired on the way."""

    name: str
    kind: Literal["docx", "text"]
    blocks: tuple[Block, ...]
    repairs: dict[str, int] = field(default_factory=dict)
    unplaced: tuple[str, ...] = ()  # text found outside the body (footnotes, endnotes)
    # the lines of the first page's own header and footer (NĐ 30's circulation note, contact)
    first_header: tuple[str, ...] = ()
    first_footer: tuple[str, ...] = ()


def continues(previous: str, following: str, soft: bool = False) -> bool:
    """True when `following` reads as the rest of the sentence `previous` left unfinished.

    After a soft line break (same paragraph) any unfinished sentence goes on; across
    paragraphs only one the next line visibly continues (lower case, or after a comma).
    """
    if len(previous) < 25 or (previous.endswith(")") and not soft):
        return False
    if previous[-1] in _TERMINAL and not (soft and previous[-1] == ";" and
                                          following[:1].islower()):
        return False
    if _MARKER_START.match(following) or previous.upper() == previous or is_mark(following):
        return False
    if following.startswith(_PARAGRAPH_STARTS):
        return False
    first = following[0]
    if not soft and first.isupper() and previous.startswith(_PARAGRAPH_STARTS[:2]) and \
            _ISSUING.match(following):
        return False
    return soft or first.islower() or (previous.endswith(",") and not first.isdigit())


def join_lines(blocks: Iterator[Block], repairs: dict[str, int]) -> Iterator[Block]:
    """`blocks` with each line that continues the one before it (same flow) joined to it."""
    previous: Line | None = None
    for block in blocks:
        if isinstance(block, Line) and previous is not None and \
                block.container == previous.container and \
                continues(previous.text, block.text, block.soft):
            previous = Line(f"{previous.text} {block.text}", previous.container,
                            joined=previous.joined or not block.soft, soft=previous.soft,
                            looks=_joined_looks(previous, block))
            if not block.soft:
                count(repairs, "joined")
            continue
        if previous is not None:
            yield previous
        if isinstance(block, Line):
            previous = block
        else:
            previous = None
            yield block
    if previous is not None:
        yield previous


def _joined_looks(first: Line, second: Line) -> tuple[int, ...] | None:
    """The looks of two lines joined by a space; None when neither has any."""
    if first.looks is None and second.looks is None:
        return None
    return (*(first.looks or (0,) * len(first.text)), 0,
            *(second.looks or (0,) * len(second.text)))


def count(repairs: dict[str, int], key: str, amount: int = 1) -> None:
    """Count one more repair of kind `key`."""
    repairs[key] = repairs.get(key, 0) + amount
