"""Where the first page's paragraphs and floating lines sit, estimated from the markup alone:
enough to tell whether a line drawn as a floating shape lies under a text of the header block
(in its column, right below it) or elsewhere (under the other column, far below, over the
text).

No layout engine: each paragraph is as tall as its lines (the largest font size × 1.15, or
the spacing it sets) and its spacing before and after, long lines wrap by an average letter
width; a table row is as tall as its tallest cell (or the height the row sets); a cell spans
its grid columns. The estimate is off by a few points, which the rules allow for.
"""

from __future__ import annotations

from dataclasses import dataclass

from plangen.check.drawing import Drawn
from plangen.check.format import Layout, Paragraph, Section

_LINE_FACTOR = 1.15  # a single line of Times New Roman is about 1.15 times its size
_CELL_MARGIN = 108  # Word's default left and right cell margin, twips
_DEFAULT_SIZE = 13.0
# widths, in ems, a little under Times New Roman's average letters (lower case, capitals,
# a space): a line counted too few wraps only sits a little further below its text, one
# counted too many would put a line under the text over it
_LETTER, _CAPITAL, _SPACE = 0.42, 0.6, 0.25
_REACH = 64  # paragraphs measured from the start of the body


@dataclass(frozen=True, slots=True)
class Box:
    """A paragraph on the page (twips from the page's top-left corner): its column's left and
    right edge (the table cell's, or the text area's), its top, the top of its last line,
    its bottom, and the height of one of its lines."""

    left: int
    right: int
    top: int
    last_line: int
    bottom: int
    line: int


def _line_height(para: Paragraph) -> int:
    size = max((run.size for run in para.runs if run.text.strip()), default=0) or \
        max((run.size for run in para.runs), default=0) or _DEFAULT_SIZE
    natural = round(size * 20 * _LINE_FACTOR)
    look = para.look
    if look.line is None:
        return natural
    if look.line_rule == "exact":
        return look.line
    if look.line_rule == "atLeast":
        return max(look.line, natural)
    return round(natural * look.line / 240)


def _text_width(para: Paragraph, text: str) -> float:
    size = max((run.size for run in para.runs), default=0) or _DEFAULT_SIZE
    letters = sum(_CAPITAL if char.isupper() else _SPACE if char.isspace() else _LETTER
                  for char in text)
    return letters * size * 20


def _lines(para: Paragraph, width: int) -> int:
    if width <= 0:
        return len(para.lines)
    return sum(max(1, -(-int(_text_width(para, line.text)) // width)) for line in para.lines)


def _box(para: Paragraph, left: int, right: int, top: int) -> Box:
    inner_left, inner_right = left + para.look.left, right - para.look.right
    line = _line_height(para)
    count = _lines(para, inner_right - inner_left)
    first = top + para.look.before
    return Box(left, right, top, first + (count - 1) * line, first + count * line, line)


def _height(box: Box, para: Paragraph) -> int:
    return box.bottom - box.top + para.look.after


def boxes(layout: Layout) -> dict[int, Box]:
    """An estimated box for each of the first body paragraphs of the first section (by id()),
    those of nested tables left out."""
    out: dict[int, Box] = {}
    first = next((p for p in layout.paragraphs if p.story == "body"), None)
    if first is None or not layout.sections:
        return out
    section = _section(layout, first)
    margins = section.margins
    page_width = section.width or 11906
    left_margin = margins.get("left") or 1440
    text_right = page_width - (margins.get("right") or 1440)
    y = margins.get("top") or 1440
    body = [p for p in layout.paragraphs[:_REACH * 4]
            if p.story == "body" and p.section == first.section]
    index = 0
    while index < len(body) and index < _REACH:
        para = body[index]
        if para.table is None:
            box = _box(para, left_margin, text_right, y)
            out[id(para)] = box
            y += _height(box, para)
            index += 1
            continue
        number = para.table
        grid = layout.grids.get(number)
        end = index
        while end < len(body) and body[end].table is not None and (
                body[end].table == number or _nested(layout, body[end], number)):
            end += 1
        if grid is None:
            index = end
            continue
        table_left = left_margin + grid.indent
        total = sum(grid.widths)
        if grid.align in ("center", "right") and total:
            free = text_right - left_margin - total
            table_left = left_margin + (free // 2 if grid.align == "center" else free)
        row_top = y
        rows: dict[int, list[Paragraph]] = {}
        for inner in body[index:end]:
            if inner.table == number and inner.row is not None:
                rows.setdefault(inner.row, []).append(inner)
        for row in sorted(rows):
            bottoms = [row_top]
            stacks: dict[int, int] = {}
            for inner in rows[row]:
                cell = inner.cell or 1
                start, stop = layout.cell_grid.get((number, row, cell), (cell - 1, cell))
                left = table_left + sum(grid.widths[:start]) + _CELL_MARGIN
                right = table_left + sum(grid.widths[:stop]) - _CELL_MARGIN
                top = stacks.get(cell, row_top)
                box = _box(inner, left, right, top)
                out[id(inner)] = box
                stacks[cell] = top + _height(box, inner)
                bottoms.append(stacks[cell])
            height, rule = grid.heights.get(row, (0, "auto"))
            tallest = max(bottoms) - row_top
            row_top += height if rule == "exact" and height else max(tallest, height)
        y = row_top
        index = end
    return out


def _section(layout: Layout, para: Paragraph) -> Section:
    number = para.section or 1
    return layout.sections[min(number, len(layout.sections)) - 1]


def _nested(layout: Layout, para: Paragraph, number: int) -> bool:
    return para.table is not None and para.table in layout.nested.get(number, ())


def position(drawn: Drawn, anchor: Paragraph, box: Box,
             layout: Layout) -> tuple[int, int] | None:
    """The middle of a floating line (x, y, twips from the page's top-left corner), from the
    box of the paragraph it is anchored in; None when its place cannot be told."""
    place = drawn.place
    if place is None or not layout.sections:
        return None
    section = _section(layout, anchor)
    margins = section.margins
    page_width, page_height = section.width or 11906, section.height or 16838
    left, right = margins.get("left") or 1440, margins.get("right") or 1440
    top, bottom = margins.get("top") or 1440, margins.get("bottom") or 1440
    frames_h = {"column": (box.left, box.right), "margin": (left, page_width - right),
                "page": (0, page_width), "leftMargin": (0, left),
                "rightMargin": (page_width - right, page_width)}
    frames_v = {"paragraph": (box.top, box.bottom), "line": (box.top, box.bottom),
                "page": (0, page_height), "margin": (top, page_height - bottom),
                "topMargin": (0, top), "bottomMargin": (page_height - bottom, page_height)}
    frame_h, frame_v = frames_h.get(place.across), frames_v.get(place.down)
    if frame_h is None or frame_v is None:
        return None
    width = drawn.width or 0
    x = _along(frame_h, place.across_offset, place.across_align, width) + width // 2
    y = _along(frame_v, place.down_offset, place.down_align, place.height) + place.height // 2
    return x, y


def _along(frame: tuple[int, int], offset: int | None, align: str | None, size: int) -> int:
    start, end = frame
    if offset is not None:
        return start + offset
    if align in ("center",):
        return (start + end - size) // 2
    if align in ("right", "bottom", "outside"):
        return end - size
    return start


# ---- a floating line against a text ---------------------------------------------------------

UNDER, OTHER_COLUMN, OVER_TEXT, FAR_BELOW = "under", "column", "over", "far"
_SLACK = 60  # twips (~1 mm) a line may stand out of its column
_MIN_REACH = 240  # twips (12 pt): the least room under a text a line may sit in


class Page:
    """The estimated boxes of a layout's first paragraphs, and where floating lines lie
    against them."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.boxes = boxes(layout)
        self._order = {id(p): number for number, p in enumerate(layout.paragraphs)}

    def box(self, para: Paragraph) -> Box | None:
        """The paragraph's box, None when it is not estimated."""
        return self.boxes.get(id(para))

    def point(self, drawn: Drawn, anchor: Paragraph) -> tuple[int, int] | None:
        """The middle of floating line `drawn` anchored in `anchor`, None when not known."""
        box = self.box(anchor)
        return position(drawn, anchor, box, self.layout) if box is not None else None

    def against(self, drawn: Drawn, anchor: Paragraph, text: Paragraph) -> tuple[str, int] | None:
        """Where floating line `drawn`, anchored in `anchor`, lies against the last line of
        `text`: UNDER it, in the OTHER_COLUMN, OVER_TEXT (level with or above it), or
        FAR_BELOW it; with how far below the text's bottom it is (twips). None when that
        cannot be told."""
        point, box = self.point(drawn, anchor), self.box(text)
        if point is None or box is None:
            return None
        x, y = point
        gap = y - box.bottom
        if not box.left - _SLACK <= x <= box.right + _SLACK:
            return OTHER_COLUMN, gap
        if y < box.last_line + box.line // 2:
            return OVER_TEXT, gap
        limit = box.bottom + max(box.line * 3 // 2, _MIN_REACH)
        following = self._next_text(text, box)
        if following is not None:
            limit = min(limit, max(following.top + following.line // 2, box.bottom + _SLACK))
        return (UNDER if y <= limit else FAR_BELOW), gap

    def _next_text(self, text: Paragraph, box: Box) -> Box | None:
        """The box of the next text under `text` in its column (its cell, the cells under
        it), None when there is none."""
        start = self._order.get(id(text))
        if start is None:
            return None
        middle = (box.left + box.right) // 2
        for para in self.layout.paragraphs[start + 1:start + 1 + _REACH]:
            other = self.box(para)
            if other is None:
                if para.table is None and text.table is None:
                    return None
                continue
            if not para.text.strip() or other.top < box.bottom:
                continue
            if text.table is not None and para.table == text.table and \
                    not other.left <= middle <= other.right:
                continue
            return other
        return None
