"""What a `decision` block means: the QUYẾT ĐỊNH that issues a plan.

A plan issued by a decision is an attachment: its number, place and date line, recipients and
signature belong to the decision (NĐ 30 PL1 III.1), so the plan must not carry its own. The
decision's signature follows its authority: a committee's decision is signed "TM. ỦY BAN NHÂN
DÂN"; a Chairman's or a Minister's by the head ("CHỦ TỊCH", "BỘ TRƯỞNG") or a deputy for them
("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", "KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG"). Its recipients name the
executing article ("Như Điều 3;").

Each check reads the data whatever its shape (the schema may have failed) and never raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from plangen.errors import Path, SpecIssue
from plangen.model import COLLECTIVE_PREFIXES, default_authority, head_title
from plangen.signing import AUTHORITY_WORDS
from plangen.spec.meaning import (
    _date_issues,
    _number_issues,
    _place_issues,
    _recipient_issues,
    _signature_issues,
)
from plangen.spec.schema import DECISION_OWNED
from plangen.vntext import upper

_AS_ARTICLE = re.compile(r"^[-–•\s]*như\s+điều\s+(\d+)", re.IGNORECASE)
# a Minister's deputy is a THỨ TRƯỞNG; every other deputy title starts with PHÓ
_DEPUTIES = {"BỘ TRƯỞNG": ("THỨ TRƯỞNG",)}


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _under(prefix: Path, issues: Iterable[SpecIssue]) -> Iterator[SpecIssue]:
    for issue in issues:
        yield SpecIssue(issue.code, (*prefix, *issue.path), issue.location, issue.params,
                        issue.severity)


def decision_issues(data: dict[str, Any]) -> Iterator[SpecIssue]:
    """Every problem of the spec's `decision` block (none when there is no block)."""
    if "decision" not in data:
        return
    block = _dict(data.get("decision"))
    for key in DECISION_OWNED:
        if key in data:
            yield SpecIssue("decision_owns", (key,), params={"key": key})
    if not block:
        return
    prefix: Path = ("decision",)
    yield from _under(prefix, _date_issues(_dict(block.get("date"))))
    yield from _under(prefix, _number_issues(block.get("number")))
    yield from _under(prefix, _place_issues(block.get("place")))
    signature = _dict(block.get("signature"))
    yield from (issue for issue in _under(prefix, _signature_issues(signature))
                if issue.code != "kt_needs_deputy")  # a Minister's deputy is no PHÓ: below
    yield from _under(prefix, (issue for issue in _recipient_issues(_list(block.get(
        "recipients"))) if issue.code != "no_kinh_gui"))
    authority = block.get("authority")
    if isinstance(authority, str) and len(authority) > 3 and authority == upper(authority):
        yield SpecIssue("decision_authority_upper", ("decision", "authority"))
        return
    issuer = _dict(data.get("issuer")).get("name")
    if not isinstance(authority, str):
        authority = default_authority(issuer) if isinstance(issuer, str) else None
    lines = [line for line in _list(signature.get("lines")) if isinstance(line, str)]
    # an unfilled {{ locality.agency }} says nothing yet about who issues the decision
    # nor does a placeholder "(Cần điền …)" that plangen extract left for the officer
    if isinstance(authority, str) and lines and "{{" not in authority and \
            not authority.startswith("(") and not lines[0].startswith("("):
        yield from _signature_matches(authority, lines, "authority" in block)
    yield from _deputy_issues(lines)
    yield from _article_issues(_dict(block.get("articles")))
    if "symbol" not in block and isinstance(issuer, str) and not issuer.startswith(
            COLLECTIVE_PREFIXES) and "{{" not in issuer:
        # "QĐ-UBND" is a committee's symbol; a ministry or department has its own
        yield SpecIssue("decision_symbol_default", ("decision",), severity="warning",
                        params={"issuer": issuer})
    yield from _as_article_issues(block)
    yield from _appendix_reference_issues(data)


def _appendix_reference_issues(data: dict[str, Any]) -> Iterator[SpecIssue]:
    """A written back-reference of an appendix names the decision, not the plan (the plan
    has no number of its own): NĐ 30 PL1 III.1.c; `plangen check` fails it otherwise."""
    written: list[tuple[Path, Any]] = [(("appendix", "reference"),
                                        _dict(data.get("appendix")).get("reference"))]
    written += [(("appendices", index, "reference"), _dict(appendix).get("reference"))
                for index, appendix in enumerate(_list(data.get("appendices")))]
    for path, reference in written:
        if isinstance(reference, str) and reference.strip() and \
                "quyết định" not in reference.lower() and "{{" not in reference:
            yield SpecIssue("decision_appendix_reference", path, severity="warning",
                            params={"reference": reference.strip()[:80]})


def _signature_matches(authority: str, lines: list[str], written: bool) -> Iterator[SpecIssue]:
    """The signature block fits who issues the decision (NĐ 30 PL1 II.7.b, Điều 13)."""
    path: Path = ("decision", "signature", "lines")
    head = head_title(authority)
    first_word, _, rest = upper(lines[0]).partition(" ")
    collective = next((c for c in COLLECTIVE_PREFIXES if authority.lower().startswith(
        c.lower())), None)
    if head is not None:
        title = upper(head)
        if first_word == "TM.":
            yield SpecIssue("decision_signature_head", (*path, 0), params={
                "authority": authority, "title": title})
            return
        signed = rest.strip() if first_word in AUTHORITY_WORDS else upper(lines[0]).strip()
        if signed != title:
            yield SpecIssue("decision_signature_title", (*path, 0), params={
                "authority": authority, "title": title, "found": upper(lines[0])})
    elif collective is not None:
        body = upper(collective)
        if first_word != "TM." or not rest.strip().startswith(body):
            yield SpecIssue("decision_signature_collective", (*path, 0), params={
                "authority": authority, "body": body})
    else:
        where: Path = ("decision", "authority") if written else ("decision",)
        yield SpecIssue("decision_authority_unknown", where, params={"authority": authority})


def _deputy_issues(lines: list[str]) -> Iterator[SpecIssue]:
    for index, line in enumerate(lines):
        word, _, head = upper(line).partition(" ")
        if word != "KT.":
            continue
        following = upper(lines[index + 1]).strip() if index + 1 < len(lines) else ""
        allowed = (*_DEPUTIES.get(head.strip(), ()), "PHÓ")
        if not following.startswith(allowed):
            yield SpecIssue("decision_kt_deputy", ("decision", "signature", "lines", index),
                            params={"head": head.strip(), "deputy": allowed[0] if len(
                                allowed) > 1 else f"PHÓ {head.strip()}"})


def _article_issues(articles: dict[str, Any]) -> Iterator[SpecIssue]:
    for index, extra in enumerate(_list(articles.get("extra"))):
        if isinstance(extra, dict) and extra and set(extra) <= {"title", "text"} and \
                not extra.get("text"):
            yield SpecIssue("decision_article_empty", ("decision", "articles", "extra", index))


def execution_article(block: dict[str, Any]) -> int:
    """The number of the last article, the one naming who executes the decision."""
    return 3 + len(_list(_dict(block.get("articles")).get("extra")))


def _as_article_issues(block: dict[str, Any]) -> Iterator[SpecIssue]:
    """ "Như Điều 3;" sends the decision to those its executing article names."""
    recipients = _list(block.get("recipients"))
    number = execution_article(block)
    named = [(index, _AS_ARTICLE.match(line)) for index, line in enumerate(recipients)
             if isinstance(line, str)]
    found = [(index, match) for index, match in named if match]
    if not found and recipients:
        yield SpecIssue("decision_no_as_article", ("decision", "recipients"),
                        severity="warning", params={"number": number})
    for index, match in found:
        if int(match.group(1)) != number:
            yield SpecIssue("decision_as_article_number", ("decision", "recipients", index),
                            params={"found": match.group(1), "number": number})
