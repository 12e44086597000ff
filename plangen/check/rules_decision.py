"""A QUYẾT ĐỊNH followed by the KẾ HOẠCH it issues: each part judged by its own rules.

The document is cut where the plan's "KẾ HOẠCH" line follows the decision's signature. The
decision is a whole document (header, number, date, title, body, recipients, signature) and
has its own parts: the authority line in capitals, the Căn cứ lines and "Theo đề nghị của …"
in italics, "QUYẾT ĐỊNH:" centred in bold, and the articles "Điều 1.", "Điều 2." … with bold
labels (NĐ 30 PL1 II.5, II.6; Phụ lục III, Mẫu 1.2). The plan attached to it carries the line
"(Kèm theo Quyết định số …)" under its summary, naming the decision's number and date, and no
number, date line, recipients or signature of its own (PL1 III.1).

Rules never read XML: they look at the `Layout` and the `Parts` found in each half.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from plangen.check.format import Layout, Paragraph
from plangen.check.parts import DATE_LINE, REFERENCE, Parts, Ref, find_parts, norm, refs, where
from plangen.check.result import CheckResult, Finding, fail, passed
from plangen.check.rulekit import (
    check_align,
    check_bold,
    check_caps,
    check_italic,
    check_size,
    missing,
    t,
    title_code,
)
from plangen.check.styles import RunLook

DECISION_TYPE = "QUYẾT ĐỊNH"
DECISION_WORD = re.compile(r"^QUYẾT\s*ĐỊNH\s*:$")
PLAN_TYPES = ("KẾ HOẠCH",)
ARTICLE = re.compile(r"^Điều\s+(\d+)\s*\.")
GROUND = re.compile(r"^(căn cứ|theo đề nghị|xét đề nghị)", re.IGNORECASE)
AS_ARTICLE = re.compile(r"^[-–\s]*như\s+điều\s+(\d+)", re.IGNORECASE)
# where each rule is written (PL1 = Phụ lục I, PL3 = Phụ lục III of NĐ 30/2020/NĐ-CP)
DECISION_REFS = {
    "decision-authority": "PL1 II.5; PL3 Mẫu 1.2", "decision-grounds": "PL1 II.6.a",
    "decision-word": "PL3 Mẫu 1.2", "decision-articles": "PL1 II.6.đ; PL3 Mẫu 1.2",
    "attached-reference": "PL1 III.1.c", "attached-frame": "PL1 III.1",
}


@dataclass
class DecisionParts:
    """The parts only a decision has, found in its body."""

    authority: Ref | None = None
    grounds: list[Ref] = field(default_factory=list)
    word: Ref | None = None
    articles: list[Paragraph] = field(default_factory=list)


@dataclass
class TwoParts:
    """A decision and the plan it issues, each read as a document of its own."""

    decision: Layout
    plan: Layout
    decision_parts: Parts
    plan_parts: Parts
    own: DecisionParts
    reference: Ref | None


def _restricted(layout: Layout, low: int, high: int) -> Layout:
    paragraphs = tuple(p for p in layout.paragraphs if low <= p.index < high)
    tables = tuple(table for table in layout.tables
                   if table.paragraphs and low <= table.paragraphs[0] < high)
    return replace(layout, paragraphs=paragraphs, tables=tables)


def split_decision(layout: Layout, lines: list[Ref] | None = None) -> TwoParts | None:
    """The two parts of a decision that issues a plan, or None for any other document;
    `lines` are the layout's `refs`, when the caller already has them."""
    lines = refs(layout.paragraphs) if lines is None else lines
    first = next((i for i, ref in enumerate(lines[:60]) if ref.para.table is None
                  and ref.text.upper() in (DECISION_TYPE, *PLAN_TYPES)), None)
    if first is None or lines[first].text.upper() != DECISION_TYPE:
        return None
    label = next((i for i in range(first, len(lines)) if lines[i].text.lower().startswith(
        "nơi nhận")), None)
    if label is None:
        return None
    plan_at = next((ref for ref in lines[label:] if ref.para.table is None and ref.first
                    and ref.text.upper() in PLAN_TYPES), None)
    if plan_at is None:
        return None
    cut = plan_at.para.index
    decision = _restricted(layout, 0, cut)
    plan = _restricted(layout, cut, 1 << 30)
    decision_parts = find_parts(decision, DECISION_TYPE)
    plan_parts = find_parts(plan, plan_at.text.upper())
    own = _decision_parts(decision_parts)
    reference = _reference(plan_parts)
    return TwoParts(decision, plan, decision_parts, plan_parts, own, reference)


def _decision_parts(parts: Parts) -> DecisionParts:
    """The authority line, the grounds, "QUYẾT ĐỊNH:" and the articles; the first two and
    the third leave the body (they are not justified body text)."""
    own = DecisionParts()
    body_refs = refs(parts.body)
    for ref in body_refs:
        if not ref.first:
            continue
        if DECISION_WORD.match(ref.text.upper()) and own.word is None:
            own.word = ref
        elif own.word is None and GROUND.match(ref.text):
            own.grounds.append(ref)
        elif own.word is not None and ARTICLE.match(ref.text):
            own.articles.append(ref.para)
    head = [ref for ref in body_refs if ref.first]
    if head and not GROUND.match(head[0].text) and head[0] is not own.word:
        own.authority = head[0]
    taken = {id(ref.para) for ref in (own.authority, own.word) if ref is not None}
    parts.body = [para for para in parts.body if id(para) not in taken]
    return own


def _reference(parts: Parts) -> Ref | None:
    """The "(Kèm theo Quyết định số …)" line under the plan's summary; it leaves the body."""
    found = next((ref for ref in refs(parts.body[:2]) if ref.first and REFERENCE.match(
        ref.text)), None)
    if found is not None:
        parts.body = [para for para in parts.body if para is not found.para]
    return found


def _result(check_id: str, found: list[Finding], ok: Finding) -> CheckResult:
    title, rule = title_code(check_id), DECISION_REFS[check_id]
    return fail(check_id, title, rule, found) if found else passed(check_id, title, rule, ok)


# ---- the decision ---------------------------------------------------------------------------


def check_decision_authority(two: TwoParts) -> CheckResult:
    """The authority line ("ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ …") under the summary:
    capitals, bold, centred, 13–14 pt."""
    ref = two.own.authority
    if ref is None:
        return _result("decision-authority", [missing("decision_authority")], Finding(
            "check_ok"))
    found: list[Finding] = []
    check_caps(ref, "decision_authority", True, found)
    check_bold(ref, "decision_authority", True, found)
    check_italic(ref, "decision_authority", False, found)
    check_size(ref, "decision_authority", 13, 14, found)
    check_align(ref.para, "decision_authority", "center", found)
    return _result("decision-authority", found, Finding("check_ok_text", {"text": ref.text}))


def check_decision_grounds(two: TwoParts) -> CheckResult:
    """Each Căn cứ line and "Theo đề nghị của …" italic, ending with ";", the last with "."."""
    grounds = two.own.grounds
    if not grounds:
        return _result("decision-grounds", [missing("decision_grounds")], Finding("check_ok"))
    found: list[Finding] = []
    paragraphs = [ref.para for ref in grounds]
    for ref in refs(paragraphs):
        check_italic(ref, "decision_ground", True, found)
    for index, para in enumerate(paragraphs):
        text = norm(para.text)
        want = "." if index == len(paragraphs) - 1 else ";"
        if not text.endswith(want):
            found.append(Finding("check_ground_end", {"want": want, "found": text[-1:]},
                                 where(para)))
    return _result("decision-grounds", found[:8],
                   Finding("check_ok_grounds", {"count": len(grounds)}))


def check_decision_word(two: TwoParts) -> CheckResult:
    """ "QUYẾT ĐỊNH:" on its own line after the grounds, bold and centred."""
    ref = two.own.word
    if ref is None:
        return _result("decision-word", [missing("decision_word")], Finding("check_ok"))
    found: list[Finding] = []
    check_bold(ref, "decision_word", True, found)
    check_italic(ref, "decision_word", False, found)
    check_size(ref, "decision_word", 13, 14, found)
    check_align(ref.para, "decision_word", "center", found)
    return _result("decision-word", found, Finding("check_ok_text", {"text": ref.text}))


def check_decision_articles(two: TwoParts) -> CheckResult:
    """ "Điều 1.", "Điều 2." … in order, each label bold; the last article ends with "./.";
    "Như Điều N" in the recipients names an article that exists."""
    articles = two.own.articles
    if not articles:
        return _result("decision-articles", [missing("decision_articles")],
                       Finding("check_ok"))
    found: list[Finding] = []
    numbers = []
    for para in articles:
        match = ARTICLE.match(norm(para.text))
        assert match is not None  # how they were found
        numbers.append(int(match.group(1)))
        label_runs = _label_runs(para, match.end())
        if not label_runs or not all(run.bold for run in label_runs):
            found.append(Finding("check_article_label_bold", {"label": match.group(0)},
                                 where(para)))
        if para.look.align != "both":
            found.append(Finding("check_body_align", {"found": t(f"align_{para.look.align}")},
                                 where(para), ))
    if numbers != list(range(1, len(numbers) + 1)):
        found.append(Finding("check_article_order", {
            "found": ", ".join(map(str, numbers))}, where(articles[0])))
    for ref in two.decision_parts.recipients:
        match = AS_ARTICLE.match(ref.text)
        if match and int(match.group(1)) not in numbers:
            found.append(Finding("check_as_article", {"number": match.group(1),
                                                       "last": numbers[-1]}, ref.where))
    return _result("decision-articles", found, Finding("check_ok_articles", {
        "count": len(articles)}))


def _label_runs(para: Paragraph, length: int) -> list[RunLook]:
    """The runs that print the first `length` characters ("Điều 1.") of the paragraph."""
    out: list[RunLook] = []
    seen = 0
    for run in para.runs:
        if seen >= length:
            break
        if run.text.strip():
            out.append(run)
        seen += len(run.text) if seen or run.text.strip() else 0
    return out


# ---- the attached plan ----------------------------------------------------------------------


_NUMBERED = re.compile(r"số:?\s*(?P<number>[^\s/]*)\s*/\s*(?P<symbol>[^\s,;)]+)", re.IGNORECASE)
_DATED = re.compile(r"ngày\s*(?P<day>[^\s]*)\s*tháng\s*(?P<month>[^\s]*)\s*năm\s*"
                    r"(?P<year>\d*)", re.IGNORECASE)


def check_attached_reference(two: TwoParts) -> CheckResult:
    """ "(Kèm theo Quyết định số …/QĐ-… ngày … của …)" under the plan's summary and under each
    appendix title: italic, centred, naming the decision's own number and date (a draft's
    blanks included)."""
    ref = two.reference
    if ref is None:
        return _result("attached-reference", [missing("attached_reference")],
                       Finding("check_ok"))
    found: list[Finding] = []
    for line in refs([ref.para]):
        check_italic(line, "attached_reference", True, found)
        check_bold(line, "attached_reference", False, found)
        check_size(line, "attached_reference", 13, 14, found)
    check_align(ref.para, "attached_reference", "center", found)
    for para in [ref.para, *_appendix_references(two)]:
        _names_the_decision(two.decision_parts, para, found)
    text = norm(ref.para.text.replace("\n", " "))
    return _result("attached-reference", found, Finding("check_ok_text", {"text": text}))


def _appendix_references(two: TwoParts) -> list[Paragraph]:
    """The back-reference line of each appendix: the first line under its title that opens
    with "(" (an appendix may have none of its own)."""
    out = []
    for label in two.plan_parts.appendix_labels:
        after = [p for p in two.plan.paragraphs if p.index > label.para.index and
                 p.table is None and norm(p.text)][:3]
        found = next((p for p in after[1:] if REFERENCE.match(norm(p.text))), None)
        if found is not None:
            out.append(found)
    return out


def _names_the_decision(parts: Parts, para: Paragraph, found: list[Finding]) -> None:
    text = norm(para.text.replace("\n", " "))
    if parts.number is not None:
        have = _NUMBERED.search(text)
        want = _NUMBERED.search(norm(parts.number.text))
        if want and (have is None or (have["number"], have["symbol"].upper()) != (
                want["number"], want["symbol"].upper())):
            found.append(Finding("check_reference_number", {
                "want": norm(parts.number.text.split(":", 1)[-1])}, where(para)))
    if parts.date is not None:
        have_date = _DATED.search(text)
        want_date = _DATED.search(norm(parts.date.text))
        if want_date and (have_date is None or have_date.groups() != want_date.groups()):
            found.append(Finding("check_reference_date", {
                "want": norm(parts.date.text.split(",", 1)[-1])}, where(para)))


def check_attached_frame(two: TwoParts) -> CheckResult:
    """The attached plan has no number line, place and date line, recipients or signature of
    its own: the decision's stand for it."""
    parts = two.plan_parts
    found: list[Finding] = []
    for ref in refs(two.plan.paragraphs):
        if ref.first and ref.para.table is None and (ref.text.startswith("Số:") or
                                                     DATE_LINE.match(ref.text)):
            found.append(Finding("check_attached_own", {"what": t("number_line") if
                                                        ref.text.startswith("Số:") else
                                                        t("date_line")}, ref.where))
    if parts.recipients_label is not None:
        found.append(Finding("check_attached_own", {"what": t("recipients_label")},
                             parts.recipients_label.where))
    return _result("attached-frame", found, Finding("check_ok_attached"))


def part_results(prefix: str, results: list[CheckResult]) -> list[CheckResult]:
    """`results` of one part, their ids prefixed ("plan.title") so both parts can be told
    apart in the report and in --json."""
    return [replace(result, id=f"{prefix}.{result.id}") for result in results]
