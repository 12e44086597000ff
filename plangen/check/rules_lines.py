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
line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangen.check.drawing import Drawn
from plangen.check.format import Layout, Line, Paragraph
from plangen.check.parts import REFERENCE, Parts, Ref, norm, shorten, where
from plangen.check.result import CheckResult, Finding, Term, Where
from plangen.check.rulekit import result, t

_TYPED = re.compile(r"^[_\-‐‑‒–—―=~.…·*•]+$")
_LOOK_AHEAD = 4  # empty paragraphs looked through for the line


@dataclass(frozen=True)
class Found:
    """What is under a text: a drawn line, a typed one, an underline, or nothing."""

    drawn: Drawn | None = None
    typed: Paragraph | None = None  # the paragraph holding the typed characters
    typed_text: str | Term = ""
    underlined: Paragraph | None = None  # the paragraph holding underlined blanks
    underlined_text: Term | None = None


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


def line_under(layout: Layout, para: Paragraph, line_no: int, *, reference: bool = False,
               positions: dict[int, int] | None = None) -> Found:
    """What is drawn or typed under line `line_no` of `para`; with `reference`, a
    "(Kèm theo …)" paragraph right under it is looked past. `positions` maps id() of each
    of the layout's paragraphs to its place in `layout.paragraphs` (built when not given)."""
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
    drawn = _border(para.look.border_bottom) or next(iter(para.shapes), None)
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
            drawn = _border(nxt.look.border_top) or _border(nxt.look.border_bottom) or next(
                iter(nxt.shapes), None)
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
        drawn = _border(nxt.look.border_top) or next(
            (shape for shape in nxt.shapes if shape.floating), None)
        if drawn is not None:
            return Found(drawn)
        if reference and _parenthesized(nxt):
            reference = False
            drawn = _border(nxt.look.border_bottom) or next(iter(nxt.shapes), None)
            if drawn is not None:
                return Found(drawn)
            continue
        text_after = True
        break
    if para.table is not None and not text_after:
        return Found(_cell_bottom(layout, para))
    return Found()


def _positions(layout: Layout) -> dict[int, int]:
    return {id(p): number for number, p in enumerate(layout.paragraphs)}


def _cell_bottom(layout: Layout, para: Paragraph) -> Drawn | None:
    """The bottom border of the cell `para` ends, or the top border of the cell below it."""
    table, row, cell = para.table or 0, para.row or 0, para.cell or 0
    own = layout.cell_edges.get((table, row, cell), (None, None))[1]
    below = layout.cell_edges.get((table, row + 1, cell), (None, None))[0]
    return _border(own or below, "cell")


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


def check_lines(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.1.b, II.2.b, II.5.b: a drawn, solid horizontal line under the agency name, the
    motto and the summary (typed characters and a missing line are findings)."""
    found: list[Finding] = []
    drawn = 0
    positions = _positions(layout)
    for what, length, ref in _targets(parts):
        under = line_under(layout, ref.para, _line_no(ref), reference=what == "line_summary",
                           positions=positions)
        own = underlined_text(ref.line) if under.drawn is None else None
        if under.typed is not None:
            found.append(Finding("check_line_typed", {
                "what": t(what), "found": under.typed_text, "under": t(what + "_text"),
                "length": t(length)}, where(under.typed)))
        elif under.underlined is not None and under.underlined_text is not None:
            found.append(_underlined(what, length, under.underlined_text,
                                     where(under.underlined)))
        elif own is not None:  # the text itself underlined, its underline standing for the line
            found.append(_underlined(what, length, own, ref.where))
        elif under.drawn is None:
            found.append(Finding("check_line_missing", {
                "what": t(what), "under": t(what + "_text"), "length": t(length)}, ref.where))
        elif not under.drawn.solid:
            found.append(Finding("check_line_broken", {
                "what": t(what), "found": under.drawn.stroke}, ref.where))
        else:
            drawn += 1
    return result("horizontal-lines", found, Finding("check_ok_lines", {"count": drawn}))


def _underlined(what: str, length: str, found: str | Term, place: Where) -> Finding:
    return Finding("check_line_underlined", {
        "what": t(what), "found": found, "under": t(what + "_text"), "length": t(length)}, place)
