"""NĐ 30 rules for the optional marks of a document's first page (plangen/marks.py):

- PL1 III.2.b: the urgency stamp ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"), under the number line,
  before the document's name: bold capitals, 13–14 pt, bright red, in a single frame;
- PL1 III.2.c: the circulation note ("LƯU HÀNH NỘI BỘ" …): bold capitals, 13–14 pt, framed;
- PL1 III.4: the agency's address, telephone, e-mail: first page only, 11–12 pt, upright,
  under a solid line.

A stamp is read where plangen and Word's paragraph borders put it; one drawn as a text box is
not seen (and so not judged). The circulation note is read in the first page's header, the
contact lines in the first page's footer, and both are told by their words: a header or footer
holding something else is not this rule's business.
"""

from __future__ import annotations

import re

from plangen.check.format import Layout, Paragraph, Section
from plangen.check.parts import Parts, Ref, refs, shorten, where
from plangen.check.result import CheckResult, Finding, skipped
from plangen.check.rulekit import (
    RULE_REFS,
    check_bold,
    check_caps,
    check_italic,
    check_size,
    result,
    section_where,
    t,
    title_code,
)
from plangen.marks import URGENCY_FRAMES_MM, is_contact, mark_words, names_circulation

_LONGEST_LEVEL = max(len(level) for level in URGENCY_FRAMES_MM) + 4
_HEX = re.compile(r"[0-9A-Fa-f]{6}")


def red(color: str | None) -> bool:
    """Whether a run's colour is a bright red ("FF0000"; any strong red with little else)."""
    if color is None or not _HEX.fullmatch(color):
        return False
    r, g, b = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    return r >= 0xC0 and g <= 0x60 and b <= 0x60


def is_stamp(para: Paragraph, parts: Parts) -> bool:
    """Whether `para` is an urgency stamp: a first-section body paragraph whose words are one
    of the decree's levels, before the document's name; after it, only one that looks like a
    stamp (framed or red) is one misplaced, the rest are the body's own words."""
    if not (para.story == "body" and para.section <= 1 and len(para.text) <= _LONGEST_LEVEL
            and mark_words(para.text) in URGENCY_FRAMES_MM):
        return False
    title = parts.title.para if parts.title is not None else None
    if title is None or title.story != para.story or para.index < title.index:
        return True
    return _framed(para) or any(red(run.color) for run in para.runs if run.text.strip())


def _framed(para: Paragraph) -> bool:
    look = para.look
    return all((look.border_top, look.border_bottom, look.border_left, look.border_right))


def _first_page_stories(section: Section) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """The header and footer the first page of `section` shows."""
    kind = "first" if section.title_page else "default"
    return section.headers.get(kind, ()), section.footers.get(kind, ())


def _is_circulation(para: Paragraph) -> bool:
    if "PAGE" in para.fields or not para.text.strip():
        return False
    return names_circulation(para.text) or _framed(para)


def _is_contact(para: Paragraph) -> bool:
    return "PAGE" not in para.fields and is_contact(para.text)


def check_marks(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 III.2.b, III.2.c, III.4: the urgency stamp, the circulation note and the agency's
    contact lines, where a document has them."""
    found: list[Finding] = []
    shown: list[str] = []
    stamps = [para for para in layout.paragraphs if is_stamp(para, parts)]
    for para in stamps:
        _judge_stamp(para, parts, found)
        shown.append(f"“{para.text.strip()}”")
    header, footer = _first_page_stories(layout.sections[0]) if layout.sections else ((), ())
    for para in (p for p in header if _is_circulation(p)):
        _judge_framed_words(para, "circulation", found)
        shown.append(f"“{para.text.strip()}”")
    contact = [para for para in footer if _is_contact(para)]
    if contact:
        _judge_contact(footer, contact, found)
        shown.append(f"“{shorten(contact[0].text, 40)}”")
    elsewhere = _contact_elsewhere(layout)
    if elsewhere is not None:
        found.append(Finding("check_contact_not_first", {}, section_where(elsewhere)))
    if not shown and not found:
        return skipped("marks", title_code("marks"), RULE_REFS["marks"],
                       Finding("check_skip_no_marks"))
    return result("marks", found, Finding("check_ok_marks", {"found": ", ".join(shown)}))


def _line(para: Paragraph) -> Ref:
    return refs([para])[0]


def _judge_framed_words(para: Paragraph, what: str, found: list[Finding]) -> Ref:
    ref = _line(para)
    check_bold(ref, what, True, found)
    check_caps(ref, what, True, found)
    check_italic(ref, what, False, found)
    check_size(ref, what, 13, 14, found)
    if not _framed(para):
        found.append(Finding("check_not_framed", {"what": t(what)}, where(para)))
    return ref


def _judge_stamp(para: Paragraph, parts: Parts, found: list[Finding]) -> None:
    _judge_framed_words(para, "urgency", found)
    colors = [run.color for run in para.runs if run.text.strip() and not red(run.color)]
    if colors:
        found.append(Finding("check_urgency_color", {"found": colors[0] or t("color_auto")},
                             where(para)))
    title = parts.title.para if parts.title is not None else None
    if title is not None and title.story == para.story and para.index > title.index:
        found.append(Finding("check_urgency_place", {}, where(para)))


def _judge_contact(footer: tuple[Paragraph, ...], contact: list[Paragraph],
                   found: list[Finding]) -> None:
    for para in contact:
        for ref in refs([para]):
            check_size(ref, "contact", 11, 12, found)
            check_italic(ref, "contact", False, found)
    first = contact[0]
    before = footer[footer.index(first) - 1] if footer.index(first) > 0 else None
    if not first.look.border_top and not (before is not None and before.look.border_bottom):
        found.append(Finding("check_contact_rule", {}, where(first)))


def _contact_elsewhere(layout: Layout) -> Section | None:
    """The first section whose later pages (or first page, past section 1) show the contact
    lines: PL1 III.4 keeps them to the document's first page."""
    for section in layout.sections:
        for kind, story in section.footers.items():
            if kind == "first" and (not section.title_page or section is layout.sections[0]):
                continue  # not shown, or the document's first page itself
            if any(_is_contact(para) for para in story):
                return section
    return None
