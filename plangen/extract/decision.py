"""A QUYẾT ĐỊNH followed by the KẾ HOẠCH it issues: the decision's lines become the spec's
`decision` block, the plan's lines are read as any plan.

The document is cut at the plan's "KẾ HOẠCH" line after the decision's "Nơi nhận:"; the
"(Kèm theo Quyết định số …)" line under the plan's summary is taken out (plangen writes it
from the decision). The decision is read part by part: its header (issuer, number, place and
date), the summary, the authority line, the Căn cứ lines and "Theo đề nghị của …",
"QUYẾT ĐỊNH:", the articles "Điều 1." …, the recipients and the signature. What plangen would
write itself (the summary from the plan's, Điều 1 issuing the plan, the authority a committee
holds) is left out so the spec stays short; everything else is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from plangen.extract.appendix import reference_facts, words
from plangen.extract.blocks import Block, Line
from plangen.extract.frame import (
    agency_name,
    fill_missing,
    find_written,
    header_data,
    tail_data,
)
from plangen.extract.notes import Notes, excerpt
from plangen.extract.patterns import is_doc_type, is_upper_text
from plangen.model import (
    COLLECTIVE_PREFIXES,
    DEFAULT_EFFECT,
    HEAD_TITLES,
    default_authority,
    default_execution,
    plan_phrase,
)
from plangen.vntext import BLANK, date_words, two_digits, upper

DECISION_TYPE = "QUYẾT ĐỊNH"
_WORD = re.compile(r"^QUYẾT\s*ĐỊNH\s*:\s*$", re.IGNORECASE)
_ARTICLE = re.compile(r"^Điều\s+(\d+)\s*[.:]\s*(.*)$")
_REFERENCE = re.compile(r"^\(\s*(ban hành\s+)?kèm theo\s+quyết định", re.IGNORECASE)
_PROPOSER = re.compile(r"^(theo|xét)\s+đề\s+nghị\s+của\s+", re.IGNORECASE)
_EXECUTION_END = re.compile(r"\s*chịu trách nhiệm thi hành Quyết định này\s*\.?/?\.?$")
_AUTHORITY_STARTS = tuple(upper(word) for word in (*HEAD_TITLES, *COLLECTIVE_PREFIXES))


@dataclass(frozen=True)
class Split:
    """The decision's blocks, the plan's (without its reference line) and that line."""

    decision: list[Block]
    plan: list[Block]
    reference: str | None


def _text(block: Block) -> str:
    return block.text.strip() if isinstance(block, Line) else ""


def split_decision(blocks: list[Block]) -> Split | None:
    """The decision and the plan of a document that starts with a QUYẾT ĐỊNH issuing a
    plan, else None."""
    first = next((i for i, b in enumerate(blocks[:60]) if upper(_text(b)) == DECISION_TYPE
                  or is_doc_type(_text(b))), None)
    if first is None or upper(_text(blocks[first])) != DECISION_TYPE:
        return None
    label = next((i for i in range(first, len(blocks)) if _text(blocks[i]).lower().startswith(
        "nơi nhận")), None)
    if label is None:
        return None
    plan_at = next((i for i in range(label, len(blocks)) if is_doc_type(_text(blocks[i]))),
                   None)
    if plan_at is None:
        return None
    plan = list(blocks[plan_at:])
    reference = None
    for index in range(1, min(len(plan), 8)):
        if _REFERENCE.match(_text(plan[index])):
            reference = _text(plan.pop(index))
            break
    return Split(list(blocks[:plan_at]), plan, reference)


def read_decision(split: Split, text: str, plan: dict[str, Any],
                  notes: Notes) -> dict[str, Any]:
    """The spec's `issuer` and `decision` read from the decision's lines; `plan` is the plan
    part read so far (its summary names the plan in the generated articles)."""
    lines = [block for block in split.decision if isinstance(block, Line)]
    texts = [line.text.strip() for line in lines]
    at = next(i for i, t in enumerate(texts) if upper(t) == DECISION_TYPE)
    head = header_data(texts[:at], text, notes)
    block: dict[str, Any] = {key: head[key] for key in ("number", "symbol", "place", "date")
                             if key in head}
    block.setdefault("number", None)
    label = next(i for i, t in enumerate(texts) if t.lower().startswith("nơi nhận"))
    body = texts[at + 1:label]
    word = next((i for i, t in enumerate(body) if _WORD.match(t)), None)
    if word is None:
        notes.add("check", "extract_decision_no_word", ("decision",))
        word = next((i for i, t in enumerate(body) if _ARTICLE.match(t)), len(body))
    front, articles = body[:word], body[word + 1:] if word < len(body) and _WORD.match(
        body[word]) else body[word:]
    issuer = _whole_name(head.get("issuer", {}), text, notes)
    _front(front, block, issuer, text, plan, notes)
    _articles(articles, block, plan, issuer.get("name", ""), notes)
    tail = tail_data(split.decision[_block_index(split.decision, lines[label]):], notes)
    for key in ("recipients", "drafting_code", "signature"):
        if key in tail:
            block[key] = tail[key]
    _reference_check(split.reference, block, notes)
    _fill_frame(block, issuer, text, notes)
    if block.get("symbol") == "QĐ-UBND":  # what plangen writes for a committee's plan
        del block["symbol"]
    out: dict[str, Any] = {"decision": _ordered(block)}
    out.update((key, head[key]) for key in ("urgency", "circulation") if key in head)
    if issuer:
        out["issuer"] = issuer
    return out


def _fill_frame(block: dict[str, Any], issuer: dict[str, Any], text: str,
                notes: Notes) -> None:
    """What the decision's frame lacks (place, date, recipients, signature): a guess from the
    text or a marked placeholder, each with a TODO note on its `decision.…` field."""
    found = Notes()
    frame = {"issuer": issuer or {"name": ""}, "summary": "-", **block}
    fill_missing(frame, text, {}, found)
    for note in found.items:
        if note.path[:1] not in (("issuer",), ("summary",)):
            notes.add(note.kind, note.code, ("decision", *note.path), **note.params)
    for key in ("number", "place", "date", "recipients", "signature"):
        block[key] = frame[key]


def _whole_name(issuer: dict[str, Any], text: str, notes: Notes) -> dict[str, Any]:
    """ "BỘ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH" is one name wrapped over two lines, not a
    parent agency and its unit, when the text writes the two together as one name."""
    parent, name = issuer.get("parent"), issuer.get("name")
    if not (isinstance(parent, str) and isinstance(name, str)):
        return issuer
    written = find_written(upper(f"{parent} {name}"), text)
    if written is None:
        return issuer
    notes.items[:] = [note for note in notes.items if note.path != ("issuer", "parent")]
    return {"name": written, "header_lines": [upper(parent), upper(name)]}


def _block_index(blocks: list[Block], line: Line) -> int:
    return next(i for i, block in enumerate(blocks) if block is line)


def _front(lines: list[str], block: dict[str, Any], issuer: dict[str, Any], text: str,
           plan: dict[str, Any], notes: Notes) -> None:
    """Summary, authority line, Căn cứ lines and proposer."""
    grounds_at = next((i for i, t in enumerate(lines) if t.lower().startswith("căn cứ")
                       or _PROPOSER.match(t)), len(lines))
    heading, grounds = lines[:grounds_at], lines[grounds_at:]
    authority = None
    if heading and is_upper_text(heading[-1]) and upper(heading[-1]).startswith(
            _AUTHORITY_STARTS) and len(heading) > 1:
        authority = heading.pop()
    summary = " ".join(heading)
    if summary:
        _summary(summary, block, text, plan)
    if authority:
        name = _authority(authority, text, notes)
        if name != default_authority(issuer.get("name", "")):
            block["authority"] = name
    bases = []
    for line in grounds:
        if _PROPOSER.match(line):
            block["proposer"] = _PROPOSER.sub("", line).rstrip(" .;")
        elif line.lower().startswith("căn cứ"):
            bases.append(line)
        elif bases:
            notes.add("kept", "extract_decision_kept", ("decision", "bases", len(bases)),
                      text=excerpt(line))
            bases.append(line)
    if bases:
        block["bases"] = bases


def _summary(summary: str, block: dict[str, Any], text: str, plan: dict[str, Any]) -> None:
    """No `summary` when it is the one plangen writes from the plan's ("Về việc ban hành Kế
    hoạch …"); else as written (in ordinary case when the text writes it so)."""
    phrase = plan_phrase(plan.get("doc_type", "KẾ HOẠCH"), plan.get("summary", ""))
    for wording, lead in (("ban-hanh", "Ban hành"), ("ve-viec", "Về việc ban hành")):
        if words(summary) == words(f"{lead} {phrase}"):
            if wording != "ban-hanh":
                block["wording"] = wording
            return
    if is_upper_text(summary):
        found = find_written(summary, text)
        summary = found or summary[:1] + summary[1:].lower()
    block["summary"] = summary


def _authority(line: str, text: str, notes: Notes) -> str:
    """ "BỘ TRƯỞNG BỘ VĂN HÓA, …" as a sentence writes it: "Bộ trưởng Bộ Văn hóa, …"."""
    found = find_written(line, text)
    if found:
        return found
    for title in sorted(HEAD_TITLES, key=len, reverse=True):
        if upper(line).startswith(upper(title) + " "):
            rest = line[len(title) + 1:]
            return f"{title} {agency_name([rest], text, None, notes, ('decision', 'authority'))}"
    return agency_name([line], text, None, notes, ("decision", "authority"))


def _generated_execution(text: str, plan: dict[str, Any], issuer_name: str) -> bool:
    tasks = plan.get("tasks")
    free = isinstance(plan.get("sections"), list)
    if not free and (not isinstance(tasks, dict) or not isinstance(tasks.get("items"), list)):
        return False
    try:
        return words(text) == words(default_execution(issuer_name, plan))
    except (KeyError, TypeError, AttributeError, StopIteration, ValueError):
        return False  # the plan read with gaps: keep the text


def _articles(lines: list[str], block: dict[str, Any], plan: dict[str, Any],
              issuer_name: str, notes: Notes) -> None:
    """ "Điều 1." … "Điều N." with their paragraphs; the generated ones left out."""
    read: list[tuple[str | None, list[str]]] = []
    for line in lines:
        match = _ARTICLE.match(line)
        if match:
            rest = match.group(2).strip()
            titled = bool(rest) and rest[-1:] not in ".;:!?" and len(rest.split()) <= 12
            read.append((rest, []) if titled else (None, [rest] if rest else []))
        elif read:
            read[-1][1].append(line)
        else:
            notes.add("lost", "extract_decision_lost", ("decision",), text=excerpt(line))
    if not read:
        notes.add("todo", "extract_decision_no_articles", ("decision",))
        return
    articles: dict[str, Any] = {}
    issue, *middle = read
    effect_at = next((i for i, (_, text) in enumerate(middle)
                      if any("có hiệu lực" in t for t in text)), None)
    execution = middle.pop() if middle and effect_at != len(middle) - 1 else None
    effect = middle.pop(effect_at) if effect_at is not None and effect_at < len(middle) \
        else None
    phrase = plan_phrase(plan.get("doc_type", "KẾ HOẠCH"), plan.get("summary", ""))
    if issue[0] or words(" ".join(issue[1])) != words(
            f"Ban hành kèm theo Quyết định này {phrase}."):
        articles["issue"] = _article_value(issue, notes, "issue")
    if middle:
        articles["extra"] = [_extra(article) for article in middle]
    if effect is None:
        notes.add("check", "extract_decision_no_effect", ("decision", "articles"))
    elif effect[0] or words(" ".join(effect[1])) != words(DEFAULT_EFFECT):
        articles["effect"] = _article_value(effect, notes, "effect")
    if execution is not None:
        only = execution[1][0] if len(execution[1]) == 1 and not execution[0] else None
        if only and _generated_execution(only, plan, issuer_name):
            pass  # plangen writes the same article from the plan's lead agencies
        elif only and _EXECUTION_END.search(only):
            articles["executors"] = [_EXECUTION_END.sub("", only).strip()]
        else:
            articles["execution"] = _article_value(execution, notes, "execution")
    if articles:
        block["articles"] = articles


def _article_value(article: tuple[str | None, list[str]], notes: Notes, key: str) -> Any:
    title, text = article
    if title:  # the three fixed articles have no title in the spec: keep it as text
        notes.add("check", "extract_decision_title", ("decision", "articles", key),
                  title=title)
        text = [title, *text]
    return text[0] if len(text) == 1 else text


def _extra(article: tuple[str | None, list[str]]) -> Any:
    title, text = article
    if title:
        return {"title": title, "text": text[0] if len(text) == 1 else text} if text else {
            "title": title, "text": title}
    return text[0] if len(text) == 1 else text


def _reference_check(reference: str | None, block: dict[str, Any], notes: Notes) -> None:
    """The plan's "(Kèm theo Quyết định số …)" line agrees with the decision's header."""
    if reference is None:
        notes.add("check", "extract_decision_no_reference", ("decision",))
        return
    facts = reference_facts(reference)
    if "number" in facts and facts.get("number") != block.get("number"):
        notes.add("check", "extract_decision_reference", ("decision", "number"),
                  line=excerpt(reference, 120))
    elif "date" in facts and facts["date"] != block.get("date"):
        notes.add("check", "extract_decision_reference", ("decision", "date"),
                  line=excerpt(reference, 120))


def decision_reference(spec: dict[str, Any]) -> str:
    """The "(Kèm theo Quyết định số …)" line plangen writes for a plan issued by the spec's
    decision (an appendix that repeats it needs no `reference` of its own)."""
    block = spec.get("decision", {})
    number = two_digits(int(block["number"])) if block.get("number") else BLANK
    date = block.get("date", {})
    authority = block.get("authority") or default_authority(spec.get("issuer", {}).get(
        "name", ""))
    return (f"(Kèm theo Quyết định số {number}/{block.get('symbol', 'QĐ-UBND')} "
            f"{date_words(date.get('day'), date.get('month'), date.get('year', 0))} "
            f"của {authority})")


_ORDER = ("number", "symbol", "place", "date", "wording", "summary", "authority", "bases",
          "proposer", "articles", "recipients", "drafting_code", "signature")


def _ordered(block: dict[str, Any]) -> dict[str, Any]:
    return {key: block[key] for key in _ORDER if key in block}
