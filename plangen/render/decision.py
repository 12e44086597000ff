"""A plan issued by a decision: the QUYẾT ĐỊNH, then on a new page the KẾ HOẠCH it attaches.

Both parts go through the same Word template. The decision is the template filled with the
decision's values (its number, place and date, "QUYẾT ĐỊNH" and its summary, a body of the
authority line, the Căn cứ lines, "QUYẾT ĐỊNH:" and the articles, its recipients and
signature). The plan is the template filled as usual; `attach_plan` then keeps the plan from
its "KẾ HOẠCH" line on, without the header block and the recipients-and-signature table
(NĐ 30 PL1 III.1: an attached document carries no number, date line or signature of its own),
adds the "(Kèm theo Quyết định số …)" line under its summary, and starts it in a new section
whose pages are numbered from 1, the first page without a number, as the decision's.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping, Sequence

from lxml import etree

from plangen.model import Decision, Plan
from plangen.render import ooxml
from plangen.render.context import (
    Context,
    Para,
    Run,
    attached_reference,
    recipient_lines,
)
from plangen.vntext import BLANK, date_words, ensure_end, two_digits, upper

DOC_TYPE = "QUYẾT ĐỊNH"
DECISION_WORD = "QUYẾT ĐỊNH:"
TITLE_STYLE, SUMMARY_STYLE = "KH Tên loại", "KH Trích yếu"
REFERENCE_STYLE, RECIPIENTS_STYLE = "KH Phụ lục kèm theo", "KH Nơi nhận"
DECISION_STYLES = (TITLE_STYLE, SUMMARY_STYLE, REFERENCE_STYLE, RECIPIENTS_STYLE)


def decision_context(plan: Plan, plan_context: Context) -> Context:
    """The template values of the decision that issues `plan` (which must have one)."""
    decision = plan.decision
    assert decision is not None
    signature = decision.signature
    return Context(
        issuer=plan_context.issuer,
        number=two_digits(int(decision.number)) if decision.number else BLANK,
        symbol=decision.symbol,
        place=decision.place,
        date=date_words(decision.date.day, decision.date.month, decision.date.year),
        doc_type=DOC_TYPE,
        summary=decision.summary,
        body=tuple(decision_body(decision)),
        recipients=recipient_lines(decision.recipients),
        drafting_code=decision.drafting_code,
        signature=type(signature)(tuple(upper(line) for line in signature.lines),
                                  signature.name),
        appendix=None,
        created=plan_context.created,
    )


def _para(kind: str, *runs: Run) -> Para:
    return Para(kind, runs)  # type: ignore[arg-type]  # kinds listed in context.Kind


def decision_body(decision: Decision) -> Iterator[Para]:
    """The authority line, the Căn cứ lines and the proposer (italic), "QUYẾT ĐỊNH:", then
    "Điều 1." … in bold, each followed by its text (NĐ 30 Phụ lục III, Mẫu 1.2)."""
    yield _para("authority", Run(upper(decision.authority)))
    grounds = [*decision.bases]
    if decision.proposer:
        grounds.append(f"Theo đề nghị của {decision.proposer}")
    for index, line in enumerate(grounds):
        # PL1 II.6.a: each ground ends with ";", the last with "."
        yield _para("basis", Run(ensure_end(line, "." if index == len(grounds) - 1 else ";")))
    yield _para("decision_word", Run(DECISION_WORD))
    for number, article in enumerate(decision.articles, 1):
        label = f"Điều {number}."
        if article.title:
            yield _para("article", Run(f"{label} {article.title}", bold=True))
            rest = article.text
        else:
            first, *others = article.text or ("",)
            yield _para("article", Run(label, bold=True), Run(f" {first}"))
            rest = tuple(others)
        for line in rest:
            yield _para("text", Run(line))


def attach_plan(decision_root: etree._Element, plan_root: etree._Element, reference: str,
                style_ids: Mapping[str, str]) -> None:
    """Put the plan part of `plan_root` after the decision in `decision_root` (in place), with
    `reference` (the markup of the "(Kèm theo Quyết định …)" paragraph) under its summary."""
    body, plan_body = decision_root.find(ooxml.qn("body")), plan_root.find(ooxml.qn("body"))
    if body is None or plan_body is None:
        raise ValueError("document.xml has no w:body")
    final = body.find(ooxml.qn("sectPr"))
    if final is None:
        raise ValueError("document.xml has no body w:sectPr")
    # the decision's page setup moves into a paragraph that ends its section: the empty one
    # after the signature table when the template has it (no blank line is added)
    carrier = final.getprevious()
    if carrier is None or carrier.tag != ooxml.qn("p") or "".join(carrier.itertext()).strip():
        carrier = ooxml.element("p")
        final.addprevious(carrier)
    props = carrier.find(ooxml.qn("pPr"))
    if props is None:
        props = etree.SubElement(carrier, ooxml.qn("pPr"))
        carrier.insert(0, props)
    ooxml.insert_ordered(props, copy.deepcopy(final))
    body.remove(final)
    title_style, summary_style = style_ids[TITLE_STYLE], style_ids[SUMMARY_STYLE]
    children = list(plan_body)
    start = next((i for i, child in enumerate(children) if _style(child) == title_style), None)
    if start is None:
        raise ValueError(f"the template has no paragraph in the style {TITLE_STYLE}")
    kept = [child for child in children[start:]
            if not _holds_style(child, style_ids[RECIPIENTS_STYLE])]
    at = next((i for i, child in enumerate(kept) if _style(child) == summary_style), 0)
    kept.insert(at + 1, ooxml.fragment(reference))
    for child in kept:
        body.append(child)
    _number_from_one(body, carrier)


def reference_paragraph(plan: Plan, style_ids: Mapping[str, str],
                        lines: Callable[[str], Sequence[str]]) -> str:
    """The "(Kèm theo Quyết định số …)" paragraph, broken into `lines` of even length."""
    return ooxml.lines_paragraph(style_ids[REFERENCE_STYLE],
                                 lines(attached_reference(plan) or ""))


def _style(element: etree._Element) -> str | None:
    if element.tag != ooxml.qn("p"):
        return None
    found = element.find(f"{ooxml.qn('pPr')}/{ooxml.qn('pStyle')}")
    return found.get(ooxml.qn("val")) if found is not None else None


def _holds_style(element: etree._Element, style_id: str) -> bool:
    """A table holding a paragraph in `style_id` (the recipients-and-signature table)."""
    return element.tag == ooxml.qn("tbl") and any(
        _style(par) == style_id for par in element.iter(ooxml.qn("p")))


def _number_from_one(body: etree._Element, carrier: etree._Element) -> None:
    """The plan's section (the one after the decision's) numbers its pages from 1."""
    sections = list(body.iter(ooxml.qn("sectPr")))
    mine = carrier.find(f"{ooxml.qn('pPr')}/{ooxml.qn('sectPr')}")
    following = sections[sections.index(mine) + 1:] if mine in sections else []
    if following and following[0].find(ooxml.qn("pgNumType")) is None:
        ooxml.insert_ordered(following[0], ooxml.element("pgNumType", start="1"))
