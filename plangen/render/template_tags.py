"""What a Word template must hold for plangen to fill it, each tag where it belongs.

A template without tags (a plan rendered earlier, given as `--template`) would print the same
text for every locality; one without the body loop an empty plan. Both rendered, exit 0. So a
template is read before it is used: every field a plan fills has its tag, in its place —
the issuer, number, place and date in the header table, the type, summary and body loop in the
document body, the recipients and signature after the body loop, and the appendix block (which
may be left out: then a plan with an appendix is refused when it is rendered) after the
signature. Tags are found in each paragraph's text, so a tag Word split over several runs, or
a paragraph restyled in Word or LibreOffice, still counts.

May import: lxml, plangen.render.ooxml.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from plangen.render import ooxml

DOCUMENT_PART = "word/document.xml"
Room = Literal["header", "front", "loop", "closing", "appendix"]
# the field names a tag may use -> what it prints (a message code suffix), where it belongs
NEEDS: tuple[tuple[tuple[str, ...], str, Room], ...] = (
    (("issuer.parent",), "parent", "header"),
    (("issuer.header_lines", "issuer.name"), "issuer", "header"),
    (("agency_rule",), "agency_rule", "header"),
    (("number",), "number", "header"),
    (("symbol",), "symbol", "header"),
    (("place",), "place", "header"),
    (("date",), "date", "header"),
    (("doc_type",), "doc_type", "front"),
    (("summary",), "summary", "front"),
    (("summary_rule",), "summary_rule", "front"),
    (("recipients",), "recipients", "closing"),
    (("drafting_code",), "drafting_code", "closing"),
    (("signature.lines",), "signature_lines", "closing"),
    (("signature.name",), "signature_name", "closing"),
)
APPENDIX_NEEDS: tuple[tuple[str, str], ...] = (
    ("appendix.label", "appendix_label"), ("appendix.title", "appendix_title"),
    ("appendix.reference", "appendix_reference"), ("appendix.table", "appendix_table"))
_TAG = re.compile(r"\{\{(-?[pr]?)(.*?)-?\}\}|\{%-?[pr]?(.*?)-?%\}", re.DOTALL)
_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")
_NAME = re.compile(r"[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*")
_FOR = re.compile(r"^\s*for\s+(\w+)\s+in\s+([A-Za-z_][\w.]*)")


@dataclass(frozen=True)
class Problem:
    """A tag that is missing or out of its place: the message codes that say so."""

    code: Literal["tag_missing", "tag_misplaced"]
    tag: str  # as a user would write it: "{{ summary }}"
    what: str  # "tag_what_<key>"
    where: str  # "tag_where_<room>"
    found: str = ""  # where it is instead: a part name, or a "tag_found_…" code


@dataclass
class _Paragraph:
    part: str
    index: int  # document order within its part
    in_table: bool
    names: set[str]
    printed_p: set[str]  # names printed by a {{p … }} tag
    loops: list[tuple[str, str]]  # (variable, iterable) of {% for %} tags
    style: str


def has_tags(trees: Mapping[str, etree._Element]) -> bool:
    """Whether any part holds a Jinja tag at all."""
    return any(_TAG.search("".join(tree.itertext())) for tree in trees.values())


def template_problems(trees: Mapping[str, etree._Element],
                      label_style: str) -> list[Problem]:
    """Every needed tag missing or out of place in the template parts `trees` (name -> root
    of each word/*.xml part); `label_style` is the style id of the appendix label paragraph."""
    paragraphs = [para for name, tree in trees.items() for para in _paragraphs(name, tree)]
    document = [para for para in paragraphs if para.part == DOCUMENT_PART]
    loop_at = _body_loop(document)
    problems: list[Problem] = []
    if loop_at is None:
        problems.append(_problem(paragraphs, ("body",), "{%p for para in body %}", "body",
                                 "loop"))
        start = end = len(document)
    else:
        start, end = loop_at
    rooms = {
        "header": lambda para: para.in_table and para.index < start,
        "front": lambda para: para.index < start,
        # without a body loop there is no "after" to judge: being there is enough
        "closing": (lambda para: para.index > end) if loop_at else (lambda para: True),
    }
    for names, what, room in NEEDS:
        inside = rooms[room]
        if not any(set(names) & para.names and inside(para) for para in document):
            problems.append(_problem(paragraphs, names, _shown(names[0]), what, room))
    problems += _appendix_problems(document, label_style)
    return problems


def _appendix_problems(document: list[_Paragraph], label_style: str) -> list[Problem]:
    """The appendix block may be left out whole; if it is there, all of it, after the
    signature, its label in the appendix label style (where its landscape section starts)."""
    used = [para for para in document if any(name.startswith("appendix.") or name == "appendix"
                                             for name in para.names)]
    if not used:
        return []
    signed = max((para.index for para in document if "signature.name" in para.names),
                 default=-1)
    problems = []
    for name, what in APPENDIX_NEEDS:
        holders = [para for para in document if name in para.names]
        if not holders:
            problems.append(Problem("tag_missing", _shown(name), f"tag_what_{what}",
                                    "tag_where_appendix"))
        elif not any(para.index > signed for para in holders):
            problems.append(Problem("tag_misplaced", _shown(name), f"tag_what_{what}",
                                    "tag_where_appendix", "tag_found_before_signature"))
        elif name == "appendix.label" and not any(para.style == label_style
                                                  for para in holders):
            problems.append(Problem("tag_misplaced", _shown(name), f"tag_what_{what}",
                                    "tag_where_appendix_label", "tag_found_other_style"))
    return problems


def _problem(paragraphs: list[_Paragraph], names: tuple[str, ...], shown: str, what: str,
             room: str) -> Problem:
    found = [para for para in paragraphs if set(names) & para.names]
    if not found:
        return Problem("tag_missing", shown, f"tag_what_{what}", f"tag_where_{room}")
    elsewhere = next((para.part for para in found if para.part != DOCUMENT_PART), None)
    if elsewhere:
        return Problem("tag_misplaced", shown, f"tag_what_{what}", f"tag_where_{room}",
                       elsewhere)
    if room == "loop":
        in_table = any(para.in_table for para in found if para.loops)
        reason = "tag_found_in_table" if in_table else "tag_found_not_printed"
    else:
        reason = {"header": "tag_found_outside_header", "front": "tag_found_after_loop"}.get(
            room, "tag_found_before_loop")
    return Problem("tag_misplaced", shown, f"tag_what_{what}", f"tag_where_{room}", reason)


def _shown(name: str) -> str:
    if name.endswith(("_rule", ".table")):
        return f"{{{{p {name} }}}}"
    if name in ("issuer.header_lines", "recipients", "signature.lines"):
        return f"{{%p for line in {name} %}}"
    return f"{{{{ {name} }}}}"


def _body_loop(document: list[_Paragraph]) -> tuple[int, int] | None:
    """(first, last) paragraph index of the loop over `body` whose variable is printed with
    {{p … }}, outside any table; None when there is none."""
    for para in document:
        for variable, iterable in para.loops:
            if iterable != "body" or para.in_table:
                continue
            printed = [other.index for other in document
                       if variable in other.printed_p and other.index >= para.index]
            if printed:
                return para.index, max(printed)
    return None


def _paragraphs(part: str, tree: etree._Element) -> list[_Paragraph]:
    out = []
    for index, par in enumerate(tree.iter(ooxml.qn("p"))):
        text = "".join(par.itertext())
        if "{" not in text:
            continue
        names: set[str] = set()
        printed_p: set[str] = set()
        loops: list[tuple[str, str]] = []
        for match in _TAG.finditer(text):
            flag, printed, statement = match.group(1), match.group(2), match.group(3)
            inner = _STRING.sub("", printed if printed is not None else statement or "")
            found = {re.sub(r"\s+", "", name) for name in _NAME.findall(inner)}
            names |= found | {name.split(".")[0] for name in found}
            if printed is not None and "p" in (flag or ""):
                printed_p |= found
            loop = _FOR.match(inner) if statement is not None else None
            if loop:
                loops.append((loop.group(1), loop.group(2)))
        style = par.find(f"{ooxml.qn('pPr')}/{ooxml.qn('pStyle')}")
        in_table = any(True for _ in par.iterancestors(ooxml.qn("tbl")))
        out.append(_Paragraph(part, index, in_table, names, printed_p, loops,
                              style.get(ooxml.qn("val"), "") if style is not None else ""))
    return out
