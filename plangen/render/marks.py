"""NĐ 30's optional first-page marks, written into a rendered document (plangen/marks.py).

- the urgency stamp goes under the number line, in its column of the header table: bold red
  capitals in a red single frame of the decree's size ("HỎA TỐC" 30 × 8 mm);
- the circulation note goes in the first page's header, at the right, in a single frame;
- the contact lines go in the first page's footer, under a solid line across the text width.

The stamp is a paragraph border around text indented to the frame's width, with an exact line
height: Word and LibreOffice draw it the same way, and it stays text a reader can search.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from plangen.marks import STAMP_COLOR, URGENCY_FRAMES_MM
from plangen.render import ooxml
from plangen.render.textwidth import bold_width_pt

STAMP_SIZE_PT = 13  # PL1 III.2.b: 13–14, as the number line above it
MARK_SIZE_PT = 13  # PL1 III.2.c
CONTACT_SIZE_PT = 11  # PL1 III.4: 11–12
FRAME_LINE = 8  # eighths of a point: a 1 pt frame
_LINE_TWIPS = FRAME_LINE * ooxml.TWIPS_PER_PT // 8
_PAD_PT = 3  # room between the circulation note and its frame
_REL = ooxml.R_NS + "/"
_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def stamp_paragraph(level: str, room: int, style_id: str | None = None) -> str:
    """The urgency stamp (PL1 III.2.b): `level` in a red frame of its size, centred in `room`
    twips. The frame's outer edges are the decree's size: the text area is the size less the
    two frame lines, the line height exact."""
    width_mm, height_mm = URGENCY_FRAMES_MM[level]
    inner = ooxml.mm(width_mm) - 2 * _LINE_TWIPS
    side = max((room - inner) // 2, 0)
    return ooxml.framed_paragraph(
        ooxml.font_run(level, STAMP_SIZE_PT, bold=True, color=STAMP_COLOR), left=side,
        right=side, frame=(STAMP_COLOR, FRAME_LINE, 0), before=6 * ooxml.TWIPS_PER_PT,
        exact_line=ooxml.mm(height_mm) - 2 * _LINE_TWIPS, keep_next=True, style_id=style_id)


def add_urgency(root: etree._Element, level: str, number_line: etree._Element,
                section: etree._Element) -> None:
    """The stamp put right under `number_line` (the "Số: …" paragraph), in its room."""
    room = ooxml.paragraph_room(number_line, section)
    style = number_line.find(f"{ooxml.qn('pPr')}/{ooxml.qn('pStyle')}")
    style_id = style.get(ooxml.qn("val")) if style is not None else None
    number_line.addnext(ooxml.fragment(stamp_paragraph(level, room, style_id)))


def circulation_paragraph(words: str, text_width: int) -> str:
    """The circulation note (PL1 III.2.c): bold capitals in a single frame hugging the text,
    at the right of the page's top band (Sơ đồ, ô 11)."""
    pad = _PAD_PT * ooxml.TWIPS_PER_PT
    # the measured width, with room to spare: a note that wrapped would break its frame
    inner = round(bold_width_pt(words, MARK_SIZE_PT) * ooxml.TWIPS_PER_PT * 1.08) + 2 * pad
    right = pad + _LINE_TWIPS
    left = max(text_width - right - inner - pad - _LINE_TWIPS, 0)
    return ooxml.framed_paragraph(ooxml.font_run(words, MARK_SIZE_PT, bold=True), left=left,
                                  right=right, frame=("000000", FRAME_LINE, _PAD_PT))


def contact_paragraphs(lines: tuple[str, ...]) -> list[str]:
    """The agency's address, telephone, e-mail (PL1 III.4): 11 pt upright, under a solid line
    as wide as the text."""
    return [ooxml.framed_paragraph(ooxml.font_run(line, CONTACT_SIZE_PT), left=0, right=0,
                                   frame=None, top_rule=index == 0)
            for index, line in enumerate(lines)]


def add_first_page(root: etree._Element, parts: Mapping[str, bytes], *,
                   header: bytes | None, footer: bytes | None) -> dict[str, bytes]:
    """The first section's first page given `header` and `footer` (new parts); every later
    section keeps its own, or gets an empty one rather than inherit the first page's (ECMA-376
    §17.10.5). Returns the new and changed parts: the stories, the relationships and the
    content types."""
    sections = list(root.iter(ooxml.qn("sectPr")))
    if not sections:
        raise ValueError("document.xml has no w:sectPr")
    out: dict[str, bytes] = {}
    state = {"rels": parts[ooxml.RELS_PART], "types": parts[ooxml.TYPES_PART]}

    def new_story(kind: str, data: bytes) -> str:
        number = 1
        while f"word/{kind}{number}.xml" in parts or f"word/{kind}{number}.xml" in out:
            number += 1
        name = f"word/{kind}{number}.xml"
        state["rels"], rel_id = ooxml.add_relationship(state["rels"], _REL + kind,
                                                       name.removeprefix("word/"))
        state["types"] = ooxml.add_override(state["types"], name, f"{_TYPE}{kind}+xml")
        out[name] = data
        return rel_id

    for kind, data, tag in (("header", header, "hdr"), ("footer", footer, "ftr")):
        if data is None:
            continue
        _refer(sections[0], kind, new_story(kind, data))
        blank: str | None = None
        for later in sections[1:]:
            if _reference(later, kind) is None:
                blank = blank or new_story(kind, ooxml.story_part(tag, []))
                _refer(later, kind, blank)
    ooxml.insert_ordered(sections[0], ooxml.element("titlePg"))
    out[ooxml.RELS_PART], out[ooxml.TYPES_PART] = state["rels"], state["types"]
    return out


def _reference(section: etree._Element, kind: str) -> etree._Element | None:
    for found in section.iterfind(ooxml.qn(f"{kind}Reference")):
        if found.get(ooxml.qn("type")) == "first":
            return found
    return None


def _refer(section: etree._Element, kind: str, rel_id: str) -> None:
    """`section`'s first-page `kind` ("header"/"footer") set to the part `rel_id` names; the
    references open a w:sectPr, in any order among themselves."""
    old = _reference(section, kind)
    if old is not None:
        section.remove(old)
    reference = ooxml.element(f"{kind}Reference", type="first")
    reference.set(f"{{{ooxml.R_NS}}}id", rel_id)
    section.insert(0, reference)
