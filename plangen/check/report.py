"""`plangen check` results as text for people (Vietnamese or English) and as JSON for machines.

Numbers follow the reader's language ("1,27 cm" in Vietnamese, "1.27 cm" in English); ranges
print as "30–35"; catalog words (`Term`) and places (`Where`) are looked up in the catalog.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from plangen.check.result import CheckReport, CheckResult, Finding, Term, Where
from plangen.messages import message

MAX_SHOWN = 8  # findings printed per check; JSON has them all
_PARTS = ("decision.", "plan.")  # the two parts of a decision that issues a plan
_STATUS = {"pass": "check_status_pass", "fail": "check_status_fail", "skip": "check_status_skip",
           "advice": "check_status_advice"}
_COUNTED = ("pass", "fail", "advice", "skip")


def number_text(value: float, lang: str) -> str:
    """ "20", "12,5" (vi) or "12.5" (en): at most two decimals, none when whole."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    text = "0" if text in ("-0", "") else text
    return text.replace(".", ",") if lang == "vi" else text


def _param(value: Any, lang: str) -> Any:
    if isinstance(value, Term):
        return message(value.code, lang)
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return number_text(value, lang)
    if isinstance(value, tuple) and len(value) == 2 and all(
            isinstance(part, (int, float)) for part in value):
        low, high = value
        if low == high:
            return number_text(float(low), lang)
        return f"{number_text(float(low), lang)}–{number_text(float(high), lang)}"
    return value


def where_text(place: Where, lang: str) -> str:
    """ "bảng 1, hàng 2, ô 2: “Đắk Lắk, ngày …”", "đầu trang", "phần (section) 2" …"""
    if place.story == "section":
        spot = message("check_where_section", lang, section=place.section)
    elif place.story in ("header", "footer"):
        spot = message(f"check_where_{place.story}", lang)
    elif place.table is not None:
        spot = message("check_where_cell", lang, table=place.table, row=place.row or 1,
                       cell=place.cell or 1)
    elif place.paragraph is not None:
        spot = message("check_where_paragraph", lang, paragraph=place.paragraph)
    else:
        spot = ""
    if place.text:
        return f"{spot}: “{place.text}”" if spot else f"“{place.text}”"
    return spot


def finding_text(finding: Finding, lang: str) -> str:
    """The finding's message, with where it is."""
    params = {key: _param(value, lang) for key, value in finding.params.items()}
    text = message(finding.code, lang, **params)
    if finding.where is not None:
        place = where_text(finding.where, lang)
        if place:
            text += message("check_where", lang, where=place)
    return text


def _result_lines(result: CheckResult, lang: str) -> list[str]:
    status = message(_STATUS[result.status], lang)
    part = result.id.partition(".")[0] if result.id.startswith(_PARTS) else ""
    prefix = message(f"check_part_{part}", lang) if part else ""
    title = f"{prefix}{message(result.title, lang)} ({result.rule})"
    if result.status not in ("fail", "advice"):
        detail = finding_text(result.found[0], lang) if result.found else ""
        return [f"  [{status}] {title}" + (f": {detail}" if detail else "")]
    lines = [f"  [{status}] {title}"]
    lines += [f"      - {finding_text(finding, lang)}" for finding in result.found[:MAX_SHOWN]]
    if len(result.found) > MAX_SHOWN:
        lines.append("      " + message("check_more", lang, count=len(result.found) - MAX_SHOWN))
    return lines


def format_text(reports: Sequence[CheckReport], lang: str = "vi") -> str:
    """Every file's checks, one line each (failures with their findings), then a summary."""
    lines: list[str] = []
    for report in reports:
        lines.append(message("check_file_header", lang, file=report.file))
        for result in report.results:
            lines += _result_lines(result, lang)
        lines.append(message("check_file_summary", lang, passed=report.count("pass"),
                             failed=report.count("fail"), skipped=report.count("skip")))
        if report.advised:
            lines.append(message("check_file_advice", lang, count=len(report.advised)))
        lines.append("")
    if len(reports) > 1:
        bad = sum(1 for report in reports if not report.ok)
        lines.append(message("check_all_summary", lang, files=len(reports), failed=bad))
    return "\n".join(lines).rstrip("\n") + "\n"


def _finding_json(finding: Finding, lang: str) -> dict[str, Any]:
    params = {key: _param(value, lang) for key, value in finding.params.items()}
    out: dict[str, Any] = {"code": finding.code,
                           "message": message(finding.code, lang, **params)}
    if finding.where is not None:
        out["where"] = finding.where.as_dict()
        out["where_text"] = where_text(finding.where, lang)
    return out


def format_json(reports: Sequence[CheckReport], lang: str = "vi") -> str:
    """The results as JSON: per file, each check with id, status, what was found and where."""
    files = []
    for report in reports:
        files.append({
            "file": report.file, "ok": report.ok,
            "summary": {status: report.count(status) for status in _COUNTED},
            "checks": [{"id": result.id, "title": message(result.title, lang),
                        "rule": result.rule, "status": result.status,
                        "found": [_finding_json(finding, lang) for finding in result.found]}
                       for result in report.results]})
    payload = {"ok": all(report.ok for report in reports), "files": files}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
