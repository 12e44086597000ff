"""Emphasis inside a line (a bold word, an italic aside), read from the source and given back
as the inline syntax (plangen/inline.py) in the texts of the spec.

The reader keeps, for each line that has some, one look per character (`BOLD | ITALIC |
UNDERLINE`) beyond what most of the line has: a title printed bold throughout has none, the
bold words of a plain sentence have it (a table's cells keep theirs too). The parser works
on the plain text; at the end each text of the spec is looked up in the lines, and where it
is found in exactly one place its looks become markers. A text found nowhere, or in several
places, is only escaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from plangen.extract.blocks import Block, Line
from plangen.inline import escape

BOLD, ITALIC, UNDERLINE = 1, 2, 4
Looks = tuple[int, ...]
# outermost first: "__**x**__"; italic innermost, so "***x***" is bold and italic
_MARKS = ((UNDERLINE, "__"), (BOLD, "**"), (ITALIC, "*"))
_LINE_SHARE = 0.75  # the share of a line's letters that makes an emphasis the line's own


def mid_line(looks: Sequence[int], text: str) -> Looks | None:
    """Per character of `text`, its emphasis beyond the line's own (what nearly all of its
    letters have: a bold title whose number is not bold is a bold line); None when no
    letter stands out."""
    letters = [look for look, char in zip(looks, text, strict=True) if char.isalnum()]
    base = 0
    for flag in (BOLD, ITALIC, UNDERLINE):
        if sum(1 for look in letters if look & flag) >= _LINE_SHARE * len(letters):
            base |= flag
    out = tuple(look & ~base for look in looks)
    return out if any(look and char.isalnum() for look, char in zip(out, text, strict=True)) \
        else None


def substitute(pattern: re.Pattern[str], replacement: str, text: str,
               looks: Looks) -> tuple[str, Looks]:
    """`pattern.sub(replacement, text)` with the looks kept in step (a replacement takes the
    look of the first character it replaces)."""
    def replaced(match: re.Match[str]) -> tuple[str, Looks]:
        new = match.expand(replacement)
        look = looks[match.start()] if match.end() > match.start() else 0
        return new, (look,) * len(new)
    return _rewrite(pattern, text, looks, replaced)


def emphasised(pattern: re.Pattern[str], text: str, looks: Looks,
               flag: int) -> tuple[str, Looks]:
    """Each `pattern` match's group 1 given `flag`, its delimiters (the rest) dropped."""
    def inner(match: re.Match[str]) -> tuple[str, Looks]:
        return match.group(1), tuple(look | flag for look in looks[match.start(1):match.end(1)])
    return _rewrite(pattern, text, looks, inner)


def _rewrite(pattern: re.Pattern[str], text: str, looks: Looks,
             piece: Callable[[re.Match[str]], tuple[str, Looks]]) -> tuple[str, Looks]:
    out: list[str] = []
    kept: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(text[last:match.start()])
        kept.extend(looks[last:match.start()])
        new, new_looks = piece(match)
        out.append(new)
        kept.extend(new_looks)
        last = match.end()
    out.append(text[last:])
    kept.extend(looks[last:])
    return "".join(out), tuple(kept)


def stripped(text: str, looks: Looks) -> tuple[str, Looks]:
    """`text.strip()` with the looks kept in step."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return text[start:end], looks[start:end]


def marked(text: str, looks: Sequence[int]) -> str:
    """`text` escaped, with markers around each stretch of the same emphasis (spaces kept
    outside the markers, as the syntax needs)."""
    out: list[str] = []
    index = 0
    while index < len(text):
        end = index
        while end < len(text) and looks[end] == looks[index]:
            end += 1
        out.append(_stretch(text[index:end], looks[index]))
        index = end
    return "".join(out)


def _stretch(text: str, look: int) -> str:
    if not look or not any(char.isalnum() for char in text):
        return escape(text)
    body = text.strip()
    before, after = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    opening = "".join(mark for flag, mark in _MARKS if look & flag)
    closing = "".join(mark for flag, mark in reversed(_MARKS) if look & flag)
    return f"{before}{opening}{escape(body)}{closing}{after}"


class Emphasis:
    """The lines that have emphasis, to give a spec text its markers back."""

    def __init__(self, blocks: Iterable[Block]) -> None:
        lines = [line for block in blocks
                 for line in ([block] if isinstance(block, Line) else block.lines)]
        self._texts = [line.text for line in lines]
        self._marked = [line for line in lines if line.looks is not None]

    def markup(self, text: str) -> str:
        """`text` in the inline syntax: escaped, and with its source's emphasis where the
        source holds it once."""
        if not self._marked or not any(char.isalnum() for char in text):
            return escape(text)
        hits = [(line, line.text.find(text)) for line in self._marked if text in line.text]
        if len(hits) != 1 or sum(line.count(text) for line in self._texts) != 1:
            return escape(text)
        line, start = hits[0]
        assert line.looks is not None
        return marked(text, line.looks[start:start + len(text)])
