"""Inline emphasis and footnotes inside any body text: the syntax officers type.

    **đậm**        bold                 *nghiêng*     italic
    __gạch chân__  underline            ^[chú thích]  a footnote at this place
    \\*  \\_  \\^  \\\\  a literal *, _, ^ or \\ (a single _ is always literal)

Markers nest (`**Điều 1 *sửa đổi* nay**`; `***x***` is bold and italic). An unclosed
marker is an `InlineError` with its offset, so validation can point at the line and column.

What officers type as plain characters stays plain: a marker opens only before a letter or
sign, not before a space ("* Nội dung", "5 * 3"), and closes only after one; three or more
underscores in a row are a blank to fill in ("Số: ______"), never emphasis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ESCAPABLE = "*_^\\["
_DOUBLE_UNDERSCORE = re.compile(r"(?<!_)__(?!_)")
_MARKERS = (("**", "bold"), ("__", "underline"), ("*", "italic"))


@dataclass(frozen=True)
class Span:
    """A piece of text with its emphasis; `footnote` holds a footnote's own spans."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    footnote: tuple[Span, ...] | None = None


class InlineError(ValueError):
    """An emphasis marker or footnote that is not closed (or closed without being opened)."""

    def __init__(self, offset: int, marker: str) -> None:
        super().__init__(f"unclosed {marker!r} at {offset}")
        self.offset = offset
        self.marker = marker


def has_markup(text: str) -> bool:
    """Whether `text` holds anything the inline syntax reads (fast path for plain text)."""
    return "*" in text or "__" in text or "^[" in text or "\\" in text


def parse_inline(text: str) -> tuple[Span, ...]:
    """`text` as spans; raises `InlineError` for an unbalanced marker."""
    if not has_markup(text):
        return (Span(text),) if text else ()
    spans, _ = _parse(text, 0, frozenset(), None)
    return tuple(spans)


def plain_text(text: str) -> str:
    """`text` without its markers (footnotes dropped): what a reader sees in the line."""
    if not has_markup(text):
        return text
    try:
        return "".join(span.text for span in parse_inline(text) if span.footnote is None)
    except InlineError:
        return text


def escape(text: str) -> str:
    """`text` with every character the syntax would read escaped: it prints as written."""
    out = text.replace("\\", "\\\\").replace("*", "\\*").replace("^[", "\\^[")
    # two underscores only: three or more are a blank, printed as typed
    return _DOUBLE_UNDERSCORE.sub(r"\\_\\_", out)


def _parse(text: str, start: int, active: frozenset[str],
           closing: str | None) -> tuple[list[Span], int]:
    """Spans from `start` up to the `closing` marker (or the end); returns (spans, index after).
    """
    spans: list[Span] = []
    buffer: list[str] = []
    index = start

    def flush() -> None:
        if buffer:
            spans.append(Span("".join(buffer), bold="bold" in active,
                              italic="italic" in active, underline="underline" in active))
            buffer.clear()

    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in _ESCAPABLE:
            buffer.append(text[index + 1])
            index += 2
            continue
        if closing == "]" and char == "]":
            flush()
            return spans, index + 1
        if text.startswith("^[", index) and closing != "]":
            flush()
            inner, after = _parse(text, index + 2, frozenset(), "]")
            if after < 0:
                raise InlineError(index, "^[")
            spans.append(Span("", footnote=tuple(inner)))
            index = after
            continue
        if text.startswith("___", index):  # a blank to fill in, however long
            end = index
            while end < len(text) and text[end] == "_":
                end += 1
            buffer.append(text[index:end])
            index = end
            continue
        if closing is not None and closing != "]" and text.startswith(closing, index) and \
                index > start and not text[index - 1].isspace():
            # the open marker closes first: "***x***" is bold and italic
            flush()
            return spans, index + len(closing)
        mark = next(((m, kind) for m, kind in _MARKERS if text.startswith(m, index)), None)
        if mark is not None:
            after = index + len(mark[0])
            if after == len(text) or text[after].isspace():
                mark = None  # before a space or at the end a marker opens nothing
        if mark is None:
            buffer.append(char)
            index += 1
            continue
        marker, kind = mark
        flush()
        if kind in active:  # closing an outer marker from inside an inner one
            raise InlineError(index, marker)
        inner, after = _parse(text, index + len(marker), active | {kind}, marker)
        if after < 0:
            raise InlineError(index, marker)
        spans.extend(inner)
        index = after
    if closing is not None:
        return spans, -1
    flush()
    return spans, index
