"""NĐ 30 rule for the short horizontal lines: under the issuing agency's name (PL1 II.2.b), under
the motto (II.1.b) and under the summary (II.5.b), each "đường kẻ ngang, nét liền".

A line is drawn (a paragraph border, a line shape, a VML line, a table cell's border), typed
as characters ("-----", "_____", "……") or made by underlining (the text itself, or spaces or
tabs under it), which NĐ 30 does not accept: typed characters print as a dotted or broken
line, an underline only as long as the letters or blanks it is under, both changing with the
font; each gets its own finding, which says what was found and how to draw the line. The line
belongs right under its text: in the rest of the text's paragraph, in the empty paragraphs
after it (in the same table cell), as the top border or a floating shape of the next
paragraph, or as the bottom border of the cell the text ends. Under the summary of a plan
issued by a decision, the "(Kèm theo Quyết định …)" line may come between the summary and the
line. When nothing stands under the agency's name or the motto there, the rest of the header
block is looked through (the header table's other cells and rows; without a table, what lies
between the agency's lines and the Quốc hiệu): typed characters or underlined blanks there
stand for that line, and are said to be so rather than the line being said to be missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangen.check.drawing import Drawn
from plangen.check.format import Layout, Line, Paragraph
from plangen.check.geometry import FAR_BELOW, OTHER_COLUMN, UNDER, Page
from plangen.check.parts import REFERENCE, Parts, Ref, norm, shorten, where
from plangen.check.result import CheckResult, Finding, Term, Where
from plangen.check.rulekit import result, t

_TYPED = re.compile(r"^[_\-‐‑‒–—―=~.…·*•]+$")
_LOOK_AHEAD = 4  # empty paragraphs looked through for the line
_HEADER_REACH = 64  # paragraphs looked through either way for the rest of the header block
_HEADER_TARGETS = ("line_agency", "line_motto")  # the lines that sit in the header block
_NEAR = 16  # paragraphs looked through either way for a floating line anchored elsewhere
_TWIPS_PER_CM = 1440 / 2.54


@dataclass(frozen=True)
class Found:
    """What is under a text: a drawn line, a typed one, an underline, or nothing."""

    drawn: Drawn | None = None
    typed: Paragraph | None = None  # the paragraph holding the typed characters
    typed_text: str | Term = ""
    underlined: Paragraph | None = None  # the paragraph holding underlined blanks
    underlined_text: Term | None = None
    # a floating line drawn near the text but not under it: where it is anchored, where it
    # lies against the text (geometry.OTHER_COLUMN …), how far below the text (twips)
    stray: tuple[Paragraph, str, int] | None = None


def typed_line(line: Line) -> str | None:
    """The characters of a line typed as characters ("_____", "-----", "……"), or None when
    the line is not one."""
    text = "".join(line.text.split())
    if text and _TYPED.match(text) and len(text) + 2 * text.count("…") >= 3:
        return shorten(text, 20)
    return None


def _blanks(under: str) -> Term | None:
    """Underlined blanks that print as a line: a tab, or three spaces or more."""
    if "\t" in under:
        return t("underlined_tabs")
    return t("underlined_spaces") if len(under) >= 3 else None


def underlined_blanks(line: Line) -> Term | None:
    """What a line of nothing but blanks has underlined (spaces, tabs), or None when it has
    no such underline: an underline under blanks, standing for a line."""
    if line.text.strip():
        return None
    return _blanks("".join(run.text for run in line.runs if run.underline))


def underlined_text(line: Line) -> str | Term | None:
    """What of the text line `line` is underlined: its letters (quoted, shortened), or the
    blanks beside them; None when nothing is."""
    under = "".join(run.text for run in line.runs if run.underline)
    if under.strip():
        return f"“{shorten(under)}”"
    return _blanks(under)


def _blank(line: Line) -> bool:
    return not line.text.strip() and typed_line(line) is None and underlined_blanks(line) is None


def _empty(para: Paragraph) -> bool:
    return all(_blank(line) for line in para.lines)


def _typed_paragraph(para: Paragraph) -> str | None:
    """The typed characters, when every non-blank line of `para` is a typed line."""
    lines = [line for line in para.lines if not _blank(line)]
    found = [typed_line(line) for line in lines]
    return found[0] if lines and all(found) else None


def _underlined_paragraph(para: Paragraph) -> Term | None:
    """The underlined blanks, when every non-blank line of `para` is one of them."""
    lines = [line for line in para.lines if not _blank(line)]
    found = [underlined_blanks(line) for line in lines]
    return found[0] if lines and all(found) else None


def _parenthesized(para: Paragraph) -> bool:
    """ "(Kèm theo Quyết định …)", or any line in brackets under the summary."""
    text = norm(para.text)
    return bool(REFERENCE.match(text)) or (text.startswith("(") and text.endswith(")"))


def _border(stroke: str | None, kind: str = "border") -> Drawn | None:
    return Drawn(kind, stroke) if stroke else None


def _same_place(a: Paragraph, b: Paragraph) -> bool:
    return (a.story, a.table, a.row, a.cell) == (b.story, b.table, b.row, b.cell)


class _Shapes:
    """The line shapes of paragraphs near a text, told apart by where they lie: a floating
    one counts only when it lies under the text (or its place cannot be told); the first
    that lies elsewhere is kept, to be named when no line is found."""

    def __init__(self, page: Page | None, text: Paragraph) -> None:
        self.page, self.text = page, text
        self.stray: tuple[Paragraph, str, int] | None = None

    def under(self, para: Paragraph, floating_only: bool = False) -> Drawn | None:
        for shape in para.shapes:
            if not shape.floating:
                if not floating_only:
                    return shape
                continue
            found = self.page.against(shape, para, self.text) if self.page else None
            if found is None or found[0] == UNDER:
                return shape
            if self.stray is None:
                self.stray = (para, *found)
        return None


def line_under(layout: Layout, para: Paragraph, line_no: int, *, reference: bool = False,
               positions: dict[int, int] | None = None, page: Page | None = None) -> Found:
    """What is drawn or typed under line `line_no` of `para`; with `reference`, a
    "(Kèm theo …)" paragraph right under it is looked past. `positions` maps id() of each
    of the layout's paragraphs to its place in `layout.paragraphs` (built when not given);
    with `page`, a floating line counts only where it lies under the text."""
    shapes = _Shapes(page, para)
    for line in para.lines[line_no + 1:]:
        if _blank(line):
            continue
        typed = typed_line(line)
        if typed is not None:
            return Found(typed=para, typed_text=typed)
        blanks = underlined_blanks(line)
        if blanks is not None:
            return Found(underlined=para, underlined_text=blanks)
        break
    drawn = _border(para.look.border_bottom) or shapes.under(para)
    if drawn is not None:
        return Found(drawn)
    if positions is None:
        positions = _positions(layout)
    position = positions.get(id(para))
    following = layout.paragraphs[position + 1:] if position is not None else ()
    empties = 0
    text_after = False
    for nxt in following:
        if not _same_place(nxt, para):
            break
        if _empty(nxt):
            drawn = _border(nxt.look.border_top) or _border(nxt.look.border_bottom) or \
                shapes.under(nxt)
            if drawn is not None:
                return Found(drawn)
            empties += 1
            if empties > _LOOK_AHEAD:
                break
            continue
        typed = _typed_paragraph(nxt) or typed_line(nxt.lines[0])
        if typed is not None:
            return Found(typed=nxt, typed_text=typed)
        blanks = _underlined_paragraph(nxt) or underlined_blanks(nxt.lines[0])
        if blanks is not None:
            return Found(underlined=nxt, underlined_text=blanks)
        drawn = _border(nxt.look.border_top) or shapes.under(nxt, floating_only=True)
        if drawn is not None:
            return Found(drawn)
        if reference and _parenthesized(nxt):
            reference = False
            drawn = _border(nxt.look.border_bottom) or shapes.under(nxt)
            if drawn is not None:
                return Found(drawn)
            continue
        text_after = True
        break
    if para.table is not None and not text_after:
        drawn = _cell_bottom(layout, para, positions)
        if drawn is not None:
            return Found(drawn)
    return Found(stray=shapes.stray)


def _positions(layout: Layout) -> dict[int, int]:
    return {id(p): number for number, p in enumerate(layout.paragraphs)}


def _cell_bottom(layout: Layout, para: Paragraph, positions: dict[int, int]) -> Drawn | None:
    """The bottom border of the cell `para` ends, or what is drawn at the top of the cell
    under it (in the next row, the cell across the middle of `para`'s grid columns): its top
    border, a border of its first paragraph (an empty one, or the top of its first text),
    or, the cell being empty (a row kept for the line), its bottom border."""
    table, row, cell = para.table or 0, para.row or 0, para.cell or 0
    own = layout.cell_edges.get((table, row, cell), (None, None))[1]
    if own is not None:
        return _border(own, "cell")
    below = _cell_under(layout, table, row, cell)
    if below is None:
        return None
    top, bottom = layout.cell_edges.get((table, row + 1, below), (None, None))
    if top is not None:
        return _border(top, "cell")
    at = positions.get(id(para), len(layout.paragraphs))
    inside = [p for p in layout.paragraphs[at + 1:at + 1 + _HEADER_REACH]
              if (p.table, p.row, p.cell) == (table, row + 1, below)]
    for nxt in inside:
        if not _empty(nxt):
            return _border(nxt.look.border_top)
        drawn = _border(nxt.look.border_top) or _border(nxt.look.border_bottom)
        if drawn is not None:
            return drawn
    return _border(bottom, "cell") if inside else None


def _cell_under(layout: Layout, table: int, row: int, cell: int) -> int | None:
    """The cell of row `row` + 1 under the middle of cell `cell` of row `row`."""
    start, stop = layout.cell_grid.get((table, row, cell), (cell - 1, cell))
    middle = (start + stop) / 2
    number = 1
    while (table, row + 1, number) in layout.cell_grid:
        low, high = layout.cell_grid[(table, row + 1, number)]
        if low <= middle < high or (low < middle <= high and high - low > 0):
            return number
        number += 1
    return None


# ---- the rule -------------------------------------------------------------------------------


def _targets(parts: Parts) -> list[tuple[str, str, Ref]]:
    """(what, how long, the text line the line goes under) for each text found."""
    out = []
    if parts.agency:
        out.append(("line_agency", "line_short", parts.agency[-1]))
    if parts.motto is not None:
        out.append(("line_motto", "line_motto_length", parts.motto))
    if parts.summary:
        out.append(("line_summary", "line_short", parts.summary[-1]))
    return out


def _line_no(ref: Ref) -> int:
    return next(number for number, line in enumerate(ref.para.lines) if line is ref.line)


def _nothing(found: Found) -> bool:
    return found.drawn is None and found.typed is None and found.underlined is None


def _stand_in(para: Paragraph) -> Found | None:
    """A paragraph that is nothing but a stand-in for a line (typed characters, underlined
    blanks), or None."""
    typed = _typed_paragraph(para)
    if typed is not None:
        return Found(typed=para, typed_text=typed)
    blanks = _underlined_paragraph(para)
    return Found(underlined=para, underlined_text=blanks) if blanks is not None else None


def _header_block(layout: Layout, parts: Parts, ref: Ref,
                  positions: dict[int, int]) -> list[Paragraph]:
    """The header block around `ref`'s paragraph: every paragraph of its table (nested tables
    passed through), or, outside a table, the paragraphs between the agency's lines and the
    Quốc hiệu; at most `_HEADER_REACH` paragraphs either way."""
    para = ref.para
    at = positions.get(id(para))
    if at is None:
        return []
    paragraphs = layout.paragraphs
    if para.table is None:
        national = parts.national.para if parts.national is not None else None
        out = []
        for nxt in paragraphs[at + 1:at + 1 + _HEADER_REACH]:
            if nxt is national or nxt.story != para.story:
                break
            out.append(nxt)
        return out if national is not None and national.table is None else []

    def inside(other: Paragraph) -> bool:
        return other.table is not None and other.story == para.story
    start = at
    while start > 0 and at - start < _HEADER_REACH and inside(paragraphs[start - 1]):
        start -= 1
    end = at + 1
    while end < len(paragraphs) and end - at <= _HEADER_REACH and inside(paragraphs[end]):
        end += 1
    return [p for p in paragraphs[start:end] if p.table == para.table]


def _same_column(layout: Layout, para: Paragraph, other: Paragraph) -> bool:
    """Whether two paragraphs of a table are in one column of it: the middle of either's
    grid columns is among the other's (rows may split their cells differently)."""
    if para.table is None or para.table != other.table:
        return False
    spans = [layout.cell_grid.get((p.table or 0, p.row or 0, p.cell or 0),
                                  ((p.cell or 1) - 1, p.cell or 1)) for p in (para, other)]
    (low, high), (other_low, other_high) = spans
    return low <= (other_low + other_high) / 2 < high or \
        other_low <= (low + high) / 2 < other_high


def _elsewhere_in_header(layout: Layout, parts: Parts, ref: Ref, positions: dict[int, int],
                         taken: set[int], rivals: list[Ref]) -> Found | None:
    """A stand-in for the line under `ref` placed elsewhere in the header block than right
    under it (another cell or row of the header table): one in `ref`'s own column first,
    then any other not in the column of a `rivals` text (a header text also lacking its
    line: what stands in its column is its own); None when there is none. Columns are the
    table's grid columns, so a row split into more cells keeps its cells' columns."""
    found = [(para, stand_in) for para in _header_block(layout, parts, ref, positions)
             if id(para) not in taken and para is not ref.para
             and (stand_in := _stand_in(para)) is not None
             and (_same_column(layout, para, ref.para) or not any(
                 _same_column(layout, para, rival.para) for rival in rivals))]
    found.sort(key=lambda pair: not _same_column(layout, pair[0], ref.para))  # stable
    return found[0][1] if found else None


def _floating_elsewhere(layout: Layout, page: Page, ref: Ref, positions: dict[int, int],
                        taken: set[int]) -> Found | None:
    """A floating line anchored in a paragraph near `ref`'s (another cell of the header
    table, the paragraph after the table …) that lies under `ref`'s text: the line (drawn);
    else one in `ref`'s column that lies too far below or over the text (a stray); None
    when there is neither. Lines in `taken` (another text's) are left out."""
    at = positions.get(id(ref.para))
    if at is None:
        return None
    stray = None
    start = max(0, at - _NEAR)
    for number, para in enumerate(layout.paragraphs[start:at + _NEAR + 1], start=start):
        if para.story != ref.para.story:
            continue
        for shape in para.shapes:
            if not shape.floating or id(shape) in taken:
                continue
            found = page.against(shape, para, ref.para)
            if found is None or found[0] == OTHER_COLUMN:
                continue
            if found[0] == UNDER:
                return Found(shape)
            if stray is None and _near_enough(para, ref.para, number - at):
                stray = (para, *found)
    return Found(stray=stray) if stray is not None else None


def _near_enough(para: Paragraph, text: Paragraph, after: int) -> bool:
    """Whether a line anchored in `para` (`after` paragraphs after `text`'s) is near enough
    to be named as `text`'s line put in the wrong place: in the same table, or, outside
    tables, in the few paragraphs right after it."""
    if text.table is not None:
        return para.table == text.table
    return para.table is None and 0 <= after <= _LOOK_AHEAD


def _unders(layout: Layout, parts: Parts,
            targets: list[tuple[str, str, Ref]]) -> list[tuple[Found, str | Term | None]]:
    """What stands under each target's text, and its own underline when nothing is drawn;
    a header text with nothing under it takes a stand-in from elsewhere in its header
    block (only then: a plan whose lines are where they belong costs no more)."""
    positions = _positions(layout)
    page = Page(layout) if any(p.shapes for p in layout.paragraphs[:_HEADER_REACH * 2]) \
        else None  # the geometry only judges floating lines
    out: list[tuple[Found, str | Term | None]] = []
    for what, _, ref in targets:
        under = line_under(layout, ref.para, _line_no(ref), reference=what == "line_summary",
                           positions=positions, page=page)
        out.append((under, underlined_text(ref.line) if under.drawn is None else None))
    if page is not None:
        taken_shapes = {id(under.drawn) for under, _ in out if under.drawn is not None}
        for index, ((_, _, ref), (under, own)) in enumerate(zip(targets, out, strict=True)):
            if not _nothing(under) or own is not None:
                continue
            elsewhere = _floating_elsewhere(layout, page, ref, positions, taken_shapes)
            if elsewhere is not None and (elsewhere.drawn is not None or under.stray is None):
                out[index] = (elsewhere, None)
                taken_shapes.add(id(elsewhere.drawn))
    lacking = [index for index, ((what, _, _), (under, own)) in enumerate(zip(
        targets, out, strict=True)) if what in _HEADER_TARGETS and _nothing(under) and own is None]
    if not lacking:
        return out
    taken = {id(para) for under, _ in out for para in (under.typed, under.underlined) if para}
    for index in lacking:
        ref = targets[index][2]
        rivals = [targets[other][2] for other in lacking if other != index]
        elsewhere = _elsewhere_in_header(layout, parts, ref, positions, taken, rivals)
        if elsewhere is not None:
            out[index] = (elsewhere, None)
            taken.add(id(elsewhere.typed or elsewhere.underlined))
    return out


def check_lines(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.1.b, II.2.b, II.5.b: a drawn, solid horizontal line under the agency name, the
    motto and the summary (typed characters and a missing line are findings)."""
    found: list[Finding] = []
    drawn = 0
    targets = _targets(parts)
    for (what, length, ref), (under, own) in zip(targets, _unders(layout, parts, targets),
                                                 strict=True):
        if under.typed is not None:
            found.append(Finding("check_line_typed", {
                "what": t(what), "found": under.typed_text, "under": t(what + "_text"),
                "length": t(length)}, where(under.typed)))
        elif under.underlined is not None and under.underlined_text is not None:
            found.append(_underlined(what, length, under.underlined_text,
                                     where(under.underlined)))
        elif own is not None:  # the text itself underlined, its underline standing for the line
            found.append(_underlined(what, length, own, ref.where))
        elif under.drawn is None and under.stray is not None:
            found.append(_stray(what, under.stray, ref.where))
        elif under.drawn is None:
            found.append(Finding("check_line_missing", {
                "what": t(what), "under": t(what + "_text"), "length": t(length)}, ref.where))
        elif not under.drawn.solid:
            found.append(Finding("check_line_broken", {
                "what": t(what), "found": under.drawn.stroke}, ref.where))
        else:
            drawn += 1
    return result("horizontal-lines", found, Finding("check_ok_lines", {"count": drawn}))


def _stray(what: str, stray: tuple[Paragraph, str, int], place: Where) -> Finding:
    """A floating line drawn near the text, not under it: where it lies, what holds it."""
    anchor, how, gap = stray
    text = shorten(norm(anchor.text))
    params: dict[str, object] = {"what": t(what), "under": t(what + "_text"),
                                 "anchor": f"“{text}”" if text else t("line_anchor_empty")}
    if how == FAR_BELOW:
        params["gap"] = round(gap / _TWIPS_PER_CM, 1)
        return Finding("check_line_far", params, place)
    params["found"] = t("line_place_column" if how == OTHER_COLUMN else "line_place_over")
    return Finding("check_line_misplaced", params, place)


def _underlined(what: str, length: str, found: str | Term, place: Where) -> Finding:
    return Finding("check_line_underlined", {
        "what": t(what), "found": found, "under": t(what + "_text"), "length": t(length)}, place)
