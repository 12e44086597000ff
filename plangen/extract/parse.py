"""Lines of a plan become spec data: a small state machine over the parts of a KẾ HOẠCH.

The document is first cut at its landmarks (the "KẾ HOẠCH" line, the section headings I., II.,
III., IV. in sequence, "Trên đây …", "Nơi nhận:", the signature, "PHỤ LỤC"); each part is then
read by its own function. Nothing is dropped silently: a line no part recognises is kept as a
paragraph where it stood, or, where the spec language has no room for it, kept as a comment;
either way a note says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from plangen.errors import Path
from plangen.extract.appendix import (
    generated_reference,
    is_label,
    parse_appendix,
    reference_facts,
    words,
)
from plangen.extract.blocks import Block, Line, Source, Table
from plangen.extract.decision import decision_reference, read_decision, split_decision
from plangen.extract.emphasis import Emphasis
from plangen.extract.frame import (
    PLACEHOLDER_ISSUER,
    fill_missing,
    find_written,
    guess_issuer,
    header_data,
    header_length,
    ordinary_summary,
    tail_data,
)
from plangen.extract.marks import first_page_marks
from plangen.extract.notes import Notes, excerpt
from plangen.extract.patterns import (
    doc_type_words,
    is_authority,
    is_doc_type,
    is_upper_text,
    marked,
    point_style,
)
from plangen.extract.tasks import parse_tasks, row_paragraph
from plangen.spec.schema import CLASSIC_PRINTED, NOT_PRINTED_KEYS
from plangen.vntext import upper

SECTION_KEYS = ("purpose", "tasks", "funding", "organization")
DEFAULT_HEADINGS = {"purpose": "MỤC ĐÍCH, YÊU CẦU", "funding": "KINH PHÍ THỰC HIỆN",
                    "organization": "TỔ CHỨC THỰC HIỆN"}
_SECTION_WORDS = (
    ("funding", ("KINH PHÍ",)),
    ("organization", ("TỔ CHỨC THỰC HIỆN", "TRÁCH NHIỆM")),
    ("purpose", ("MỤC ĐÍCH", "YÊU CẦU", "MỤC TIÊU")),
    ("tasks", ("NHIỆM VỤ", "NỘI DUNG", "GIẢI PHÁP", "HOẠT ĐỘNG")),
)
PLACEHOLDER_TEXT = "(Cần điền nội dung)"
_ENDS_SENTENCE = ".;!?…"


@dataclass
class Draft:
    """Spec data read from a plan, and the notes about it."""

    data: dict[str, Any]
    notes: Notes
    repairs: dict[str, int] = field(default_factory=dict)


def parse_source(source: Source) -> Draft:
    """The spec data of the plan in `source`, with a note on every unsure place."""
    notes = Notes()
    blocks = list(source.blocks)
    text = _all_text(blocks)
    split = split_decision(blocks)  # a QUYẾT ĐỊNH, then the plan it issues
    # the plan (alone or after its decision): the four fixed sections, or its own (freeparse)
    from plangen.extract.freeparse import free_draft  # it builds on this module
    free = free_draft(source, split)
    if free is not None:
        return free
    if split is not None:
        blocks = split.plan
    regions = _regions(blocks)
    header, front = _front(blocks[:regions.body], notes)
    data: dict[str, Any] = header_data(header, text, notes) if split is None else {}
    data.update(front)
    if split is not None:
        _recased_summary(data, text)
    ordinary_summary(data, text, notes)
    data.update(_sections(blocks, regions, notes))
    learn_point_style(data, blocks[regions.body:regions.closing], notes)
    closing = _closing(blocks[regions.closing:regions.tail], notes)
    if closing:
        data["closing"] = closing[0] if len(closing) == 1 else closing
    if split is None:
        data.update(tail_data(blocks[regions.tail:regions.appendix], notes))
    else:
        data.update(read_decision(split, text, data, notes))
        for block in blocks[regions.tail:regions.appendix]:  # the plan signs nothing itself
            if isinstance(block, Line):
                notes.add("lost", "extract_tail_lost", ("decision",), text=excerpt(block.text))
    facts: dict[str, Any] = {}
    if regions.appendix < len(blocks):
        data["appendix"] = parse_appendix(blocks[regions.appendix:], data, notes)
        facts = reference_facts(data["appendix"].get("reference", ""))
    if split is None:
        fill_missing(data, text, facts, notes)
    elif "issuer" not in data:
        data["issuer"] = {"name": guess_issuer(text, None, None) or PLACEHOLDER_ISSUER}
        notes.add("todo", "extract_todo_issuer", ("issuer", "name"), name="")
    appendix = data.get("appendix", {})
    if "reference" in appendix and words(appendix["reference"]) == words(
            generated_reference(data) if split is None else decision_reference(data)):
        del appendix["reference"]  # plangen writes the same line from the header
    for unplaced in source.unplaced:
        # the reader marks a footnote "[1] …" so the free structure can put it back in place
        text = re.sub(r"^\[\d+\]\s*", "", unplaced)
        notes.add("lost", "extract_footnote_lost", (), text=excerpt(text, 200))
    _escape_printed(data, Emphasis(source.blocks))
    first_page_marks(source, data)
    return Draft(_ordered(data), notes, dict(source.repairs))


def _escape_printed(data: dict[str, Any], emphasis: Emphasis) -> None:
    """The printed texts in the inline syntax: a "*" or "__" the old plan printed stays a
    character, a word it printed bold or italic inside a line is marked so (the free
    structure's reader does the same as it goes)."""
    for key in CLASSIC_PRINTED:
        if key in data:
            data[key] = _escaped(data[key], emphasis)
    appendix = data.get("appendix")
    if isinstance(appendix, dict) and "rows" in appendix:
        appendix["rows"] = _escaped(appendix["rows"], emphasis)


def _escaped(value: Any, emphasis: Emphasis) -> Any:
    if isinstance(value, str):
        return emphasis.markup(value)
    if isinstance(value, dict):
        return {key: item if key in NOT_PRINTED_KEYS else _escaped(item, emphasis)
                for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item, emphasis) for item in value]
    return value


# ---- landmarks ----------------------------------------------------------------------------


@dataclass
class _Regions:
    body: int  # first section heading (or where the body would start)
    headings: list[tuple[int, int]]  # (block index, roman number) of each section heading
    closing: int
    tail: int
    appendix: int


def _regions(blocks: list[Block]) -> _Regions:
    doc_type = next((i for i, b in enumerate(blocks[:80]) if isinstance(b, Line)
                     and is_doc_type(b.text)), -1)
    headings: list[tuple[int, int]] = []
    tail = appendix = len(blocks)
    for index in range(doc_type + 1, len(blocks)):
        block = blocks[index]
        if not isinstance(block, Line):
            continue
        text = block.text
        mark = marked(text)
        if mark.kind == "roman" and mark.number == len(headings) + 1:
            headings.append((index, mark.number))
            continue
        if (headings or index > doc_type + 1) and _starts_tail(text):
            tail = index
            break
    appendix = next((i for i in range(tail, len(blocks)) if isinstance(blocks[i], Line)
                     and is_label(blocks[i].text)), len(blocks))  # type: ignore[union-attr]
    if appendix == len(blocks):  # a table after the signature is an appendix without a label
        appendix = next((i for i in range(tail, len(blocks)) if isinstance(blocks[i], Table)),
                        len(blocks))
    tail = min(tail, appendix)
    # without section headings, numbered items are the tasks of a plan that has only those
    body = headings[0][0] if headings else next(
        (i for i in range(doc_type + 2, tail) if isinstance(blocks[i], Line)
         and marked(blocks[i].text).kind == "item"), tail)  # type: ignore[union-attr]
    closing = _closing_start(blocks, headings[-1][0] + 1 if headings else body, tail)
    return _Regions(body, headings, closing, tail, appendix)


def _starts_tail(text: str) -> bool:
    low = text.lower()
    return low.startswith("nơi nhận") or is_authority(text) or is_label(text)


def _closing_start(blocks: list[Block], start: int, tail: int) -> int:
    """Where the closing paragraph starts ("Trên đây …", else a last paragraph ending "./.")."""
    for index in range(start, tail):
        block = blocks[index]
        if isinstance(block, Line) and block.text.lower().startswith("trên đây"):
            return index
    last = tail - 1
    if last >= start:
        block = blocks[last]
        if isinstance(block, Line) and block.text.rstrip().endswith("./.") and \
                marked(block.text).kind == "none":
            return last
    return tail


# ---- header, summary and preamble --------------------------------------------------------


def _front(blocks: list[Block], notes: Notes) -> tuple[list[str], dict[str, Any]]:
    """Header lines, then `summary` and `preamble` from what follows "KẾ HOẠCH"."""
    lines: list[Line] = []
    for block in blocks:
        if isinstance(block, Line):
            lines.append(block)
        else:
            lines += [Line(row_paragraph(row), 0) for row in block.rows if row_paragraph(row)]
    texts = [line.text for line in lines]
    doc_type = next((i for i, text in enumerate(texts) if is_doc_type(text)), None)
    data: dict[str, Any] = {}
    words = ""  # what the type line prints after "KẾ HOẠCH"
    if doc_type is None:
        header_end = header_length(texts)
        header, rest = texts[:header_end], lines[header_end:]
        notes.add("check", "extract_no_doc_type", ("summary",))
    else:
        header, rest = texts[:doc_type], lines[doc_type + 1:]
        words = doc_type_words(texts[doc_type]) or ""
    summary, preamble = _summary(rest)
    if summary:
        data["summary"] = " ".join(line.text for line in summary)
    if words:  # "KẾ HOẠCH HÀNH ĐỘNG": a plan, "Hành động …"
        data["summary"] = _opened_with(words, data.get("summary", ""))
        notes.add("check", "extract_doc_type_words", ("summary",), words=words)
    if summary:
        paragraphs = sum(1 for line in summary[1:] if not line.soft) + 1
        if paragraphs > 1:
            notes.add("check", "extract_summary_joined", ("summary",), count=paragraphs)
        elif any(line.joined for line in summary):
            notes.add("check", "extract_joined", ("summary",))
    if preamble:
        data["preamble"] = [line.text.replace("\t", " ") for line in preamble]
        for index, line in enumerate(preamble):
            if line.joined:
                notes.add("check", "extract_joined", ("preamble", index))
    return header, data


def _opened_with(words: str, summary: str) -> str:
    """The summary with the words the type line printed after "KẾ HOẠCH" before it: in
    capitals before a summary in capitals (recased with it later), else "Hành động thực
    hiện …" from "HÀNH ĐỘNG" and "Thực hiện …"."""
    if not summary:
        return words.capitalize()
    if is_upper_text(summary):
        return f"{words} {summary}"
    first = summary.split(" ", 1)[0]
    keep = is_upper_text(first) or any(char.isupper() for char in first[1:]) \
        or _NAMED_DOCUMENT.match(summary)  # "UBND …", "Nghị quyết số 57-NQ/TW …"
    return f"{words.capitalize()} {summary if keep else summary[0].lower() + summary[1:]}"


# a document named by its number ("Nghị quyết số 57-NQ/TW", "Chỉ thị số 05"): its capital stays
_NAMED_DOCUMENT = re.compile(r"^\w+(?:\s+\w+)?\s+số\s+\d")


_PREAMBLE_START = ("căn cứ", "thực hiện", "để ", "nhằm", "theo ", "xét ", "trên cơ sở",
                   "với mục", "ủy ban", "ubnd")


def _summary(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The summary may wrap over several lines; the preamble starts with "Căn cứ", "Thực
    hiện" … or after a line ending a sentence."""
    if not lines:
        return [], []
    summary = [lines[0]]
    for line in lines[1:]:
        text, low = line.text, line.text.lower()
        if summary[-1].text.rstrip()[-1:] in ".;:" or low.startswith(_PREAMBLE_START) or \
                marked(text).kind != "none":
            break
        if not (line.soft or text[:1].islower() or
                (len(text) <= 120 and text.rstrip()[-1:] not in ";:.")):
            break
        summary.append(line)
    return summary, lines[len(summary):]


# ---- sections I–IV ------------------------------------------------------------------------


def _section_kind(heading: str, number: int) -> str:
    """Which section a heading opens: by its words, the usual place (I–IV) breaking ties."""
    text = upper(heading)
    expected = SECTION_KEYS[number - 1] if number <= len(SECTION_KEYS) else "extra"
    named = [kind for kind, found in _SECTION_WORDS if any(word in text for word in found)]
    if expected in named or not named:
        return expected
    return named[0]


def _sections(blocks: list[Block], regions: _Regions, notes: Notes) -> dict[str, Any]:
    bounds = [index for index, _ in regions.headings] + [regions.closing]
    read: list[tuple[str, str, list[Block]]] = []
    for position, (index, number) in enumerate(regions.headings):
        heading = marked(blocks[index].text).rest  # type: ignore[union-attr]
        kind = _section_kind(heading, number)
        if any(kind == done for done, _, _ in read):
            kind = "extra"
        read.append((kind, heading, blocks[index + 1:bounds[position + 1]]))
    _fill_slots(read, notes)
    data: dict[str, Any] = {}
    extras: list[tuple[int, str, list[Block]]] = []
    for position, (kind, heading, body) in enumerate(read):
        if kind == "extra":
            extras.append((position, heading, body))
        elif kind == "tasks":
            data["tasks"] = parse_tasks(body, heading, notes)
        else:
            data[kind] = _entry_section(kind, heading, body, notes)
    for position, heading, body in extras:
        _attach_extra(data, read, position, heading, body, notes)
    if not regions.headings and regions.body < regions.closing:
        data["tasks"] = parse_tasks(blocks[regions.body:regions.closing], "", notes)
    for kind in SECTION_KEYS:
        if kind not in data:
            notes.add("todo", "extract_todo_section", (kind,), section=_numeral(kind))
            data[kind] = {"items": [{"title": "(Cần điền nhiệm vụ)"}]} if kind == "tasks" \
                else {"text": PLACEHOLDER_TEXT}
    return data


def _fill_slots(read: list[tuple[str, str, list[Block]]], notes: Notes) -> None:
    """A section none of the four can hold, standing where a missing one would stand (III
    "GIẢI PHÁP THỰC HIỆN" of a plan without KINH PHÍ), takes that place under its own heading:
    nothing is invented for the missing one, nothing is folded into a neighbour."""
    if len(read) != len(SECTION_KEYS):
        return
    kinds = [kind for kind, _, _ in read]
    for position, (kind, heading, body) in enumerate(read):
        slot = SECTION_KEYS[position]
        if kind == "extra" and slot not in kinds and slot != "tasks":
            read[position] = (slot, heading, body)
            notes.add("check", "extract_section_in_slot", (slot, "heading"), heading=heading,
                      section=_numeral(slot))


def _numeral(kind: str) -> str:
    return ("I", "II", "III", "IV")[SECTION_KEYS.index(kind)]


def _attach_extra(data: dict[str, Any], read: list[tuple[str, str, list[Block]]],
                  position: int, heading: str, body: list[Block], notes: Notes) -> None:
    """A section plangen has no place for becomes a titled item of a neighbouring section
    (the one before it, or after it when that is the task section)."""
    before = [kind for kind, _, _ in read[:position] if kind in DEFAULT_HEADINGS]
    after = [kind for kind, _, _ in read[position + 1:] if kind in DEFAULT_HEADINGS]
    host = before[-1] if before else (after[0] if after else "organization")
    section = data.setdefault(host, {})
    entry = _entry_section("extra", heading, body, notes)
    item: dict[str, Any] = {"title": heading}
    texts = entry.get("text")
    if texts:
        item["text"] = texts
    for sub in entry.get("items", []):
        item.setdefault("text", [])
        if isinstance(item["text"], str):
            item["text"] = [item["text"]]
        item["text"].extend(_entry_lines(sub))
    items = section.setdefault("items", [])
    index = 0 if not before and after else len(items)
    items.insert(index, item)
    notes.add("check", "extract_extra_section", (host, "items", index), heading=heading)


def _entry_lines(entry: Any) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    lines = [entry["title"]] if entry.get("title") else []
    text = entry.get("text", [])
    lines += [text] if isinstance(text, str) else text
    lines += [f"- {b}" for b in entry.get("bullets", [])] + entry.get("points", [])
    return lines


def _entry_section(kind: str, heading: str, blocks: list[Block], notes: Notes) -> dict[str, Any]:
    """Sections I, III, IV: paragraphs, then numbered items (titled blocks or paragraphs)."""
    section: dict[str, Any] = {}
    if kind in DEFAULT_HEADINGS and upper(heading) != DEFAULT_HEADINGS[kind]:
        section["heading"] = heading
    text: list[str] = []
    entries: list[dict[str, Any]] = []
    for block in blocks:
        lines = [block.text.replace("\t", " ")] if isinstance(block, Line) else \
            [row_paragraph(row) for row in block.rows if row_paragraph(row)]
        if isinstance(block, Table):
            notes.add("kept", "extract_table_as_text", (kind,), rows=len(lines))
        for line in lines:
            _entry_line(line, text, entries, kind, notes)
    if text:
        section["text"] = text[0] if len(text) == 1 else text
    items = [_entry_data(entry, (kind, "items", i), notes) for i, entry in enumerate(entries)]
    if kind == "organization" and items:
        _reporting(section, items)
    if items:
        section["items"] = items
    if not text and not items:
        notes.add("todo", "extract_todo_section_empty", (kind,))
        section["text"] = PLACEHOLDER_TEXT
    return {key: section[key] for key in ("heading", "text", "items", "reporting")
            if key in section}


def _entry_line(line: str, text: list[str], entries: list[dict[str, Any]], kind: str,
                notes: Notes) -> None:
    mark = marked(line)
    if mark.kind == "item":
        entries.append({"head": mark.rest, "text": [], "points": [], "bullets": [],
                        "sequence": []})
        return
    if not entries:
        if mark.kind != "none":
            notes.add("kept", "extract_kept_marker", (kind, "text"), text=excerpt(line))
        text.append(line)
        return
    entry = entries[-1]
    part = {"letter": "points", "dash": "bullets", "plus": "bullets"}.get(mark.kind, "text")
    entry[part].append(mark.rest if part != "text" else line)
    entry["sequence"].append(part)


def _entry_data(entry: dict[str, Any], path: Path, notes: Notes) -> Any:
    """ "1. Mục đích" followed by its points is a titled item; "1. Kinh phí … ." a paragraph."""
    head: str = entry["head"]
    order = ["text", "points", "bullets"]
    sequence = [order.index(part) for part in entry["sequence"]]
    # a title has something under it; a lone unfinished line is a paragraph all the same
    titled = head.rstrip()[-1:] not in _ENDS_SENTENCE and len(head.split()) <= 20 and \
        bool(sequence)
    if sequence != sorted(sequence):
        notes.add("check", "extract_order", path)
    data: dict[str, Any] = {}
    if titled:
        data["title"] = head
        text = entry["text"]
    else:
        text = [head, *entry["text"]]
    if text:
        data["text"] = text[0] if len(text) == 1 else text
    for key in ("points", "bullets"):
        if entry[key]:
            data[key] = entry[key]
    if set(data) == {"text"} and isinstance(data["text"], str):
        return data["text"]
    return data


def _reporting(section: dict[str, Any], items: list[Any]) -> None:
    """The last item of section IV titled "… chế độ báo cáo" is its reporting regime (when
    other items or paragraphs come before it: a section of reporting alone stays an item)."""
    last = items[-1]
    if not isinstance(last, dict) or not last.get("title") or (len(items) == 1 and
                                                                 not section.get("text")):
        return
    title = last["title"].lower()
    if "báo cáo" in title and "chế độ" in title and any(last.get(k) for k in
                                                          ("text", "points", "bullets")):
        items.pop()
        reporting = dict(last)
        if reporting["title"] == "Chế độ báo cáo":
            del reporting["title"]
        section["reporting"] = reporting


# ---- closing -------------------------------------------------------------------------------


def _closing(blocks: list[Block], notes: Notes) -> list[str]:
    lines = [b.text.replace("\t", " ") for b in blocks if isinstance(b, Line)]
    if lines and not lines[0].lower().startswith("trên đây"):
        notes.add("check", "extract_closing_guess", ("closing",))
    for index, block in enumerate(b for b in blocks if isinstance(b, Line)):
        if block.joined:
            notes.add("check", "extract_joined", ("closing",) if len(lines) == 1 else
                      ("closing", index))
    return lines


# ---- the whole --------------------------------------------------------------------------


def _all_text(blocks: list[Block]) -> str:
    return "\n".join(b.text if isinstance(b, Line) else "\n".join(
        row_paragraph(row) for row in b.rows) for b in blocks)


def _recased_summary(data: dict[str, Any], text: str) -> None:
    """An attached plan's summary typed in capitals, as the decision's articles write it
    ("… Kế hoạch thực hiện Quy hoạch …" gives "Thực hiện Quy hoạch …")."""
    summary = data.get("summary")
    if isinstance(summary, str) and summary == upper(summary) and len(summary) > 12:
        found = find_written(summary, text)
        if found:
            data["summary"] = found[:1].upper() + found[1:]


_TOP_ORDER = ("issuer", "decision", "number", "symbol", "place", "date", "doc_type", "summary",
              "preamble", "point_style",
              "purpose", "tasks", "funding", "organization", "closing", "recipients",
              "drafting_code", "urgency", "circulation", "contact", "signature", "appendix")


def learn_point_style(data: dict[str, Any], body: list[Block], notes: Notes) -> None:
    """`point_style: letter_dot` when the plan's points are mostly "a.", so it prints them as
    it wrote them; a note when it writes both "a)" and "a."."""
    style, mixed = point_style(block.text.replace("\t", " ").strip() for block in body
                               if isinstance(block, Line))
    if style is not None:
        data["point_style"] = style
    if mixed:
        notes.add("check", "extract_point_style_mixed", ("point_style",))


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    return {key: data[key] for key in _TOP_ORDER if key in data}

