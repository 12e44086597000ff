"""What the NĐ 30 rules share: their limits, where each is written, and small checks of one
line's formatting (size, bold, italic, alignment, capitals) that add a finding when it is off.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from plangen.check.format import Layout, Paragraph, Section
from plangen.check.parts import Parts, Ref, where
from plangen.check.result import CheckResult, Finding, Term, Where, advise, fail, passed

TWIPS_PER_MM = 1440 / 25.4
A4 = (11906, 16838)
PAPER_SLACK = 60  # twips (~1 mm): A4 saved by other programs is 11900 × 16840
MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
MARGIN_SLACK_MM = 0.2  # 2 cm typed in Word is stored as 1134 twips = 20.004 mm
INDENTS_CM = (1.0, 1.27)  # PL1 II.6.e
INDENT_SLACK_CM = 0.05
MIN_GAP_TWIPS = 120  # 6 pt
MIN_SIGNING_ROOM_PT = 30  # about two empty lines between the title and the name, to sign
TNR = "times new roman"
MAX_EXAMPLES = 5
SYMBOL = re.compile(r"^[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$")

Rule = Callable[[Layout, Parts], CheckResult]
# where each rule is written (PL1 = Phụ lục I of NĐ 30/2020/NĐ-CP)
RULE_REFS = {
    "paper": "PL1 I.1", "margins": "PL1 I.3", "fonts": "PL1 I.4",
    "header-block": "PL1 II.1, II.2", "number-line": "PL1 II.3", "date-line": "PL1 II.4",
    "title": "PL1 II.5.b", "horizontal-lines": "PL1 II.1.b, II.2.b, II.5.b",
    "body-text": "PL1 II.6.e", "headings": "PL1 II.6.đ",
    "recipients": "PL1 II.9", "signature": "PL1 II.7", "page-numbers": "PL1 I.7",
    "appendix": "PL1 III.1", "appendix-header-row": "PL1 III.1",
    "numbering": "PL1 II.6.c–đ", "data-tables": "PL1 I.2, III.1",
    "marks": "PL1 III.2.b, III.2.c, III.4",
}


def t(code: str) -> Term:
    """A catalog word as a message parameter."""
    return Term(f"check_term_{code}")


def check_size(ref: Ref, what: str, low: float, high: float, found: list[Finding]) -> None:
    """A finding when the line's text is not `low`–`high` pt."""
    bad = [size for size in ref.sizes if not low - 0.01 <= size <= high + 0.01]
    if bad:
        found.append(Finding("check_size", {"what": t(what), "found": bad[0],
                                            "want": (low, high)}, ref.where))


def check_bold(ref: Ref, what: str, want: bool, found: list[Finding]) -> None:
    """A finding when the line is (not) bold against `want`."""
    if ref.bold != want:
        found.append(Finding("check_not_bold" if want else "check_bold", {"what": t(what)},
                             ref.where))


def check_italic(ref: Ref, what: str, want: bool, found: list[Finding]) -> None:
    """A finding when the line is (not) italic against `want`."""
    if ref.italic != want:
        found.append(Finding("check_not_italic" if want else "check_italic", {"what": t(what)},
                             ref.where))


def check_align(para: Paragraph, what: str, want: str, found: list[Finding],
                accept: tuple[str, ...] = ()) -> None:
    """A finding when the paragraph is not aligned `want` (nor one of `accept`)."""
    if para.look.align != want and para.look.align not in accept:
        found.append(Finding("check_align", {"what": t(what),
                                             "found": t(f"align_{para.look.align}"),
                                             "want": t(f"align_{want}")}, where(para)))


def check_caps(ref: Ref, what: str, want: bool, found: list[Finding]) -> None:
    """A finding when the line is (not) all in capitals against `want`."""
    text = ref.text
    is_caps = text == text.upper() and any(ch.isalpha() for ch in text)
    if is_caps != want:
        found.append(Finding("check_not_caps" if want else "check_caps", {"what": t(what)},
                             ref.where))


def title_code(check_id: str) -> str:
    """The catalog code of a check's name: "date-line" -> "check_title_date_line"."""
    return f"check_title_{check_id.replace('-', '_')}"


# findings against plangen's practice, not a RULE of NĐ 30: a table's heading row repeated
# on each page and its rows kept whole make it readable, but the decree says nothing of them
PRACTICE_FINDINGS = frozenset({"check_header_row", "check_table_row_split"})


def result(check_id: str, found: list[Finding], ok: Finding) -> CheckResult:
    """Fail with `found` (advice when every finding is practice only), or pass showing
    `ok`."""
    title, rule = title_code(check_id), RULE_REFS[check_id]
    if not found:
        return passed(check_id, title, rule, ok)
    if all(finding.code in PRACTICE_FINDINGS for finding in found):
        return advise(check_id, title, rule, found)
    return fail(check_id, title, rule, found)


def missing(what: str) -> Finding:
    """ "Không tìm thấy …": a part of the plan is not in the document."""
    return Finding("check_missing", {"what": t(what)})


def grouped(code: str, examples: list[tuple[Paragraph, dict[str, object]]]) -> list[Finding]:
    """One finding for many paragraphs with the same problem: the count and the first one."""
    if not examples:
        return []
    para, params = examples[0]
    return [Finding(code, {**params, "count": len(examples)}, where(para))]


def section_where(section: Section) -> Where:
    """The place of a whole section (page setup)."""
    return Where(story="section", section=section.index)


def _line_height(para: Paragraph) -> float:
    """The height in points of one line of `para` (13 pt text when it has none)."""
    size = max((run.size for run in para.runs if run.text.strip()), default=13.0)
    look = para.look
    if look.line is not None and look.line_rule == "exact":
        return look.line / 20
    if look.line is not None and look.line_rule == "atLeast":
        return max(look.line / 20, size * 1.15)
    return size * 1.15 * (look.line / 240 if look.line else 1.0)


def _line_at(ref: Ref) -> int:
    return next(number for number, line in enumerate(ref.para.lines) if line is ref.line)


def signing_room(layout: Layout, title: Ref, name: Ref) -> float | None:
    """The empty space, in points, between the last title line and the signer's name (blank
    lines, empty paragraphs, spacing); None when a picture (a signature image) is there."""
    if title.para is name.para:
        return (_line_at(name) - _line_at(title) - 1) * _line_height(name.para)
    between = [para for para in layout.paragraphs if para.story == title.para.story and (
        para.table, para.row, para.cell) == (title.para.table, title.para.row, title.para.cell)
        and title.para.index < para.index < name.para.index]
    if any(para.drawing for para in (title.para, *between, name.para)):
        return None
    room = (len(title.para.lines) - 1 - _line_at(title)) * _line_height(title.para)
    room += _line_at(name) * _line_height(name.para)
    room += (title.para.look.after + name.para.look.before) / 20
    for para in between:
        room += len(para.lines) * _line_height(para) + (para.look.before + para.look.after) / 20
    return room
