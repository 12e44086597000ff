"""The NĐ 30/2020 format rules of a KẾ HOẠCH, in the order `plangen check` reports them.

The rules themselves are in check_rules_head (page and top of the plan), check_rules_lines (the
short lines drawn under the agency, the motto and the summary) and check_rules_body (body and
end); each returns a `CheckResult`: pass or fail (or skip when it does not apply),
what was found and where. Rules never read XML: they look at the `Layout` from check_format and
the `Parts` found in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from plangen.check.format import Layout
from plangen.check.parts import Ref, find_parts, refs
from plangen.check.result import CheckResult, Finding, skipped
from plangen.check.rulekit import RULE_REFS, Rule, title_code
from plangen.check.rules_body import (
    check_appendix,
    check_appendix_header_row,
    check_body_text,
    check_headings,
    check_page_numbers,
    check_recipients,
    check_signature,
)
from plangen.check.rules_decision import (
    TwoParts,
    check_attached_frame,
    check_attached_reference,
    check_decision_articles,
    check_decision_authority,
    check_decision_grounds,
    check_decision_word,
    part_results,
    split_decision,
)
from plangen.check.rules_head import (
    check_date_line,
    check_fonts,
    check_header_block,
    check_margins,
    check_number_line,
    check_paper,
    check_title,
)
from plangen.check.rules_lines import check_lines
from plangen.check.rules_marks import check_marks
from plangen.check.rules_structure import check_data_tables, check_numbering


@dataclass(frozen=True)
class RuleSpec:
    """A rule and its id."""

    id: str
    run: Rule


RULES: tuple[RuleSpec, ...] = (
    RuleSpec("paper", check_paper),
    RuleSpec("margins", check_margins),
    RuleSpec("fonts", check_fonts),
    RuleSpec("header-block", check_header_block),
    RuleSpec("number-line", check_number_line),
    RuleSpec("date-line", check_date_line),
    RuleSpec("title", check_title),
    RuleSpec("horizontal-lines", check_lines),
    RuleSpec("body-text", check_body_text),
    RuleSpec("headings", check_headings),
    RuleSpec("numbering", check_numbering),
    RuleSpec("recipients", check_recipients),
    RuleSpec("signature", check_signature),
    RuleSpec("page-numbers", check_page_numbers),
    RuleSpec("marks", check_marks),
    RuleSpec("appendix", check_appendix),
    RuleSpec("appendix-header-row", check_appendix_header_row),
    RuleSpec("data-tables", check_data_tables),
)


# A decision that issues a plan: the page rules judge the whole file, the others each part
PAGE_RULES = ("paper", "margins", "fonts", "page-numbers", "marks")
DECISION_PART_RULES = ("header-block", "number-line", "date-line", "title", "horizontal-lines",
                       "body-text", "headings", "recipients", "signature")
PLAN_PART_RULES = ("title", "horizontal-lines", "body-text", "headings", "numbering", "appendix",
                   "appendix-header-row", "data-tables")


def run_rules(layout: Layout) -> list[CheckResult]:
    """Every NĐ 30 rule, in order, on one read document (each part of a decision that issues
    a plan by its own rules)."""
    lines = refs(layout.paragraphs)  # read by both, never changed
    two = split_decision(layout, lines)
    if two is not None:
        return _two_part_results(layout, two, lines)
    parts = find_parts(layout, lines=lines)
    return [rule.run(layout, parts) for rule in RULES]


def _two_part_results(layout: Layout, two: TwoParts, lines: list[Ref]) -> list[CheckResult]:
    by_id = {rule.id: rule.run for rule in RULES}
    whole = find_parts(layout, lines=lines)
    # the file's first page is the decision's: its name is the one a stamp stands before
    whole.title = two.decision_parts.title or whole.title
    results = [by_id[rule](layout, whole) for rule in PAGE_RULES]
    decision = [by_id[rule](two.decision, two.decision_parts) for rule in DECISION_PART_RULES]
    decision += [check_decision_authority(two), check_decision_grounds(two),
                 check_decision_word(two), check_decision_articles(two)]
    plan = [by_id[rule](two.plan, two.plan_parts) for rule in PLAN_PART_RULES]
    plan += [check_attached_reference(two), check_attached_frame(two)]
    return results + part_results("decision", decision) + part_results("plan", plan)


def skip_rules(reason: Finding) -> list[CheckResult]:
    """Every rule as skipped, when the document could not be read."""
    return [skipped(rule.id, title_code(rule.id), RULE_REFS[rule.id], reason) for rule in RULES]
