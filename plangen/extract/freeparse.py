"""Which structure a read plan gets, and the whole free-structure draft.

A plan whose sections are exactly I–IV (purpose, tasks, funding, organization), without
tables in its body, footnotes or several appendices, keeps the classic keys (parse.py); any
other plan gets its own `sections:` (extract/free.py), so no section is folded into another
and nothing is added that the source does not say.
"""

from __future__ import annotations

from typing import Any

from plangen.extract.appendix import words
from plangen.extract.blocks import Block, Line, Source, Table
from plangen.extract.decision import Split, decision_reference, read_decision
from plangen.extract.emphasis import Emphasis
from plangen.extract.frame import (
    PLACEHOLDER_ISSUER,
    fill_missing,
    guess_issuer,
    header_data,
    ordinary_summary,
    tail_data,
)
from plangen.extract.free import (
    _FOOTNOTE_TEXT,
    ContentReader,
    Heading,
    _Text,
    find_headings,
    is_appendix_label,
    missing_reason,
    parse_appendices,
    section_role_style,
    section_roles,
    take_footnotes,
)
from plangen.extract.marks import first_page_marks
from plangen.extract.notes import Notes, excerpt
from plangen.extract.parse import (
    SECTION_KEYS,
    Draft,
    _all_text,
    _closing,
    _closing_start,
    _front,
    _recased_summary,
    _regions,
    _section_kind,
    learn_point_style,
)
from plangen.extract.patterns import is_doc_type, marked
from plangen.places import part_label
from plangen.spec.free_schema import SECTION_ROLES

_ORDER = ("issuer", "decision", "number", "symbol", "place", "date", "doc_type", "summary",
          "preamble", "numbering", "point_style", "sections", "missing", "closing",
          "recipients", "drafting_code", "urgency", "circulation", "contact", "signature",
          "appendices")


def free_draft(source: Source, split: Split | None = None) -> Draft | None:
    """The free-structure draft of `source`, or None when the classic keys fit it; with
    `split`, of the plan part of a decision that issues it (the decision becomes the
    `decision` block, the plan has no frame of its own)."""
    notes = Notes()
    blocks, footnotes = take_footnotes(list(source.blocks if split is None else split.plan), 0)
    unplaced = []
    for note in source.unplaced:  # a Word file's footnotes: "[1] …" (reader.py)
        found = _FOOTNOTE_TEXT.match(note)
        if found:
            footnotes.setdefault(found.group("num"), found.group("text"))
        else:
            unplaced.append(note)
    regions = _regions(blocks)
    doc_type = next((i for i, b in enumerate(blocks[:80]) if isinstance(b, Line)
                     and is_doc_type(b.text)), -1)
    headings = find_headings(blocks, doc_type + 1, regions.tail)
    labels = [i for i in range(regions.tail, len(blocks)) if isinstance(blocks[i], Line)
              and is_appendix_label(blocks[i].text)]  # type: ignore[union-attr]
    if not headings or _classic(blocks, headings, labels, footnotes, regions.tail):
        return None
    text = _Text(footnotes, Emphasis(blocks))
    all_text = _all_text(blocks if split is None else list(source.blocks))
    first = headings[0].part_at if headings[0].part_at is not None else headings[0].index
    header, front = _front(blocks[:first], notes)
    data: dict[str, Any] = header_data(header, all_text, notes) if split is None else {}
    data.update(front)
    if split is not None:
        _recased_summary(data, all_text)
    ordinary_summary(data, all_text, notes)
    if "preamble" in data:
        data["preamble"] = [text(line) for line in data["preamble"]]
    if next((h.letter for h in headings if h.text), False):
        data["numbering"] = "letter"
    closing = _closing_start(blocks, headings[-1].index + 1, regions.tail)
    if _own_text_of_heading(blocks, closing, regions.tail):
        closing = regions.tail
    bounds = [h.index if h.part_at is None else h.part_at for h in headings[1:]] + [closing]
    titles = [h.text or h.part or "" for h in headings]  # a part's own content: its title
    roles = section_roles(titles)
    # a role no section heading names may be named by a part's title ("NỘI DUNG HOẠT ĐỘNG"):
    # the part's first section, if it has no role of its own, holds it
    part_roles = section_roles([h.part if h.part and not roles[i] else ""
                                for i, h in enumerate(headings)])
    roles = [role or (part_role if part_role not in roles else None)
             for role, part_role in zip(roles, part_roles, strict=True)]
    sections: list[dict[str, Any]] = []
    parts_seen = 0
    for heading, end, role in zip(headings, bounds, roles, strict=True):
        section: dict[str, Any] = {"heading": text(heading.text)} if heading.text else {}
        if heading.part is not None:
            section = {"part": text(heading.part), **section}
            parts_seen += 1
            _note_part_label(blocks, heading, parts_seen, len(sections), notes)
        if role:
            section["role"] = role
        content = ContentReader(text, notes).read(blocks[heading.index + 1:end])
        style = section_role_style(content)
        if style:
            section["role_style"] = style
        if content:
            section["content"] = content
        sections.append(section)
    data["sections"] = sections
    learn_point_style(data, blocks[headings[0].index:closing], notes)
    absent = {role: missing_reason(role, sections, data.get("numbering", "roman"))
              for role in SECTION_ROLES if role not in roles}
    if absent:
        data["missing"] = absent
    closing_lines = [text(line) for line in _closing(blocks[closing:regions.tail], notes)]
    if closing_lines:
        data["closing"] = closing_lines[0] if len(closing_lines) == 1 else closing_lines
    end = labels[0] if labels else regions.appendix
    if split is None:
        data.update(tail_data(blocks[regions.tail:end], notes))
    else:
        _decision_frame(data, split, blocks[regions.tail:end], all_text, notes)
    if labels:
        data["appendices"] = parse_appendices(blocks[labels[0]:], text, notes)
    if split is None:
        fill_missing(data, all_text, {}, notes)
    else:
        _decision_references(data)
    for number in sorted(set(footnotes) - text.used):
        notes.add("lost", "extract_footnote_lost", (), text=footnotes[number][:200])
    for lost in unplaced:
        notes.add("lost", "extract_footnote_lost", (), text=lost[:200])
    first_page_marks(source, data)
    return Draft({key: data[key] for key in _ORDER if key in data}, notes,
                 dict(source.repairs))


def _own_text_of_heading(blocks: list[Block], closing: int, tail: int) -> bool:
    """A last paragraph ending "./." that is the only text of the item heading it ("4. Các
    tổ chức, cá nhân liên quan" then "Phối hợp … (nếu có)./."): the item's, not a closing."""
    if closing >= tail or closing == 0:
        return False
    first, before = blocks[closing], blocks[closing - 1]
    return (isinstance(first, Line) and not first.text.lower().startswith("trên đây")
            and isinstance(before, Line) and marked(before.text).kind in ("item", "letter")
            and not before.text.rstrip().endswith((".", ";", ":")))


def _decision_frame(data: dict[str, Any], split: Split, tail: list[Block], text: str,
                    notes: Notes) -> None:
    """The issuer and the `decision` block from the decision's lines; the attached plan signs
    nothing itself (a line after its body is noted as lost)."""
    data.update(read_decision(split, text, data, notes))
    for block in tail:
        if isinstance(block, Line):
            notes.add("lost", "extract_tail_lost", ("decision",), text=excerpt(block.text))
    if "issuer" not in data:
        data["issuer"] = {"name": guess_issuer(text, None, None) or PLACEHOLDER_ISSUER}
        notes.add("todo", "extract_todo_issuer", ("issuer", "name"), name="")


def _decision_references(data: dict[str, Any]) -> None:
    """No `reference` on an appendix that repeats the line plangen writes from the decision."""
    generated = words(decision_reference(data))
    for appendix in data.get("appendices", []):
        if "reference" in appendix and words(appendix["reference"]) == generated:
            del appendix["reference"]


def _note_part_label(blocks: list[Block], heading: Heading, number: int, index: int,
                     notes: Notes) -> None:
    """A part's label the source wrote otherwise than plangen prints it ("PHẦN THỨ NHẤT",
    "Phần 1"): NĐ 30 PL1 II.6.đ writes "Phần" and a Roman numeral."""
    line = blocks[heading.part_at] if heading.part_at is not None else None
    if not isinstance(line, Line):
        return
    printed = part_label(number - 1)
    written = " ".join(line.text.split())
    if not written.startswith(printed) or written[len(printed):len(printed) + 1].isalnum():
        notes.add("check", "extract_part_label", ("sections", index, "part"),
                  written=excerpt(written, 40), printed=printed)


def _classic(blocks: list[Block], headings: list[Heading], labels: list[int],
             footnotes: dict[str, str], tail: int) -> bool:
    """Whether the four fixed sections hold this plan as it is."""
    if headings[0].letter or [h.number for h in headings] != [1, 2, 3, 4] or \
            any(h.part for h in headings):
        return False
    kinds = [_section_kind(h.text, h.number) for h in headings]
    if kinds != list(SECTION_KEYS) or footnotes or len(labels) > 1:
        return False
    return not any(isinstance(b, Table) for b in blocks[headings[0].index:tail])
