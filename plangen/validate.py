"""Check loaded spec data: the schema (cerberus), text hygiene, and what the plan means.

`validate_spec` never stops at the first problem and never raises for bad input: it returns
every issue it finds, each with its field path and position, for the caller to report.
"""

from __future__ import annotations

import calendar
import difflib
from collections.abc import Iterator
from typing import Any

from cerberus import Validator, errors

from plangen.errors import Path, SpecIssue
from plangen.loader import LoadedSpec
from plangen.schema import AUTHORITY_WORDS, SPEC_SCHEMA, Rules
from plangen.vntext import find_xml_illegal, looks_legacy_encoded, upper

_TYPE_NAMES = {"string": "text", "integer": "integer", "boolean": "boolean",
               "list": "list", "dict": "mapping"}
_PERSONAL_TITLES = ("CHỦ TỊCH", "PHÓ", "GIÁM ĐỐC", "TRƯỞNG", "CHÁNH", "BÍ THƯ", "BỘ TRƯỞNG")


def validate_spec(loaded: LoadedSpec) -> list[SpecIssue]:
    """Every issue in `loaded`: schema errors, text hygiene, then meaning checks."""
    issues = list(_schema_issues(loaded))
    issues.extend(_text_issues(loaded))
    if isinstance(loaded.data, dict):
        issues.extend(_meaning_issues(loaded.data))
    else:
        issues.append(SpecIssue("top_not_mapping", ()))
    return [_with_location(issue, loaded) for issue in _dedupe(issues)]


def _with_location(issue: SpecIssue, loaded: LoadedSpec) -> SpecIssue:
    if issue.location is not None:
        return issue
    key_level = issue.code in ("unknown_key", "duplicate_key")
    location = loaded.locate(issue.path, key=key_level)
    return SpecIssue(issue.code, issue.path, location, issue.params, issue.severity)


def _dedupe(issues: list[SpecIssue]) -> list[SpecIssue]:
    seen: set[tuple[str, Path]] = set()
    unique = []
    for issue in issues:
        if (issue.code, issue.path) not in seen:
            seen.add((issue.code, issue.path))
            unique.append(issue)
    return unique


# --- schema -------------------------------------------------------------------------------

def _schema_issues(loaded: LoadedSpec) -> Iterator[SpecIssue]:
    if not isinstance(loaded.data, dict):
        return
    validator = Validator(SPEC_SCHEMA, allow_unknown=False)
    validator.validate(loaded.data)
    for error in _leaf_errors(validator._errors):
        yield _translate(error, loaded)


def _leaf_errors(error_list: Any) -> Iterator[Any]:
    for error in error_list:
        if error.is_group_error and error.code not in (errors.ANYOF.code, errors.ONEOF.code):
            yield from _leaf_errors(error.child_errors)
        else:
            yield error


def _translate(error: Any, loaded: LoadedSpec) -> SpecIssue:
    path: Path = tuple(error.document_path)
    code = error.code
    if code == errors.REQUIRED_FIELD.code:
        return SpecIssue("required", path, params={"key": path[-1]})
    if code == errors.UNKNOWN_FIELD.code:
        return SpecIssue("unknown_key", path, params={"key": path[-1],
                                                      "hint": _suggest(path)})
    if code == errors.BAD_TYPE.code:
        return _type_issue(path, error.constraint, error.value, loaded)
    if code == errors.EMPTY_NOT_ALLOWED.code:
        return SpecIssue("empty", path)
    if code == errors.NOT_NULLABLE.code:
        return SpecIssue("no_value", path)
    if code == errors.MIN_LENGTH.code:
        return SpecIssue("too_few", path, params={"min": error.constraint})
    if code in (errors.MIN_VALUE.code, errors.MAX_VALUE.code):
        rules = _rules_at(path) or {}
        return SpecIssue("out_of_range", path, params={
            "value": error.value, "min": rules.get("min"), "max": rules.get("max")})
    if code == errors.UNALLOWED_VALUE.code:
        return SpecIssue("not_allowed", path, params={
            "value": error.value, "allowed": ", ".join(map(str, error.constraint))})
    if code == errors.REGEX_MISMATCH.code:
        return SpecIssue(f"bad_{_field_kind(path)}", path, params={"value": error.value})
    return SpecIssue("invalid", path, params={"detail": str(error.info or error.rule)})


def _field_kind(path: Path) -> str:
    last = next((p for p in reversed(path) if isinstance(p, str)), "")
    return {"number": "number", "symbol": "symbol", "id": "id", "task": "id"}.get(last, "format")


def _type_issue(path: Path, expected: Any, value: Any, loaded: LoadedSpec) -> SpecIssue:
    kinds = expected if isinstance(expected, list) else [expected]
    names = [_TYPE_NAMES.get(kind, kind) for kind in kinds]
    raw = loaded.raw_scalars.get(path)
    if "string" in kinds and raw is not None:
        return SpecIssue("quote_it", path, params={"raw": raw, "read_as": repr(value)})
    return SpecIssue("bad_type", path, params={"expected": names, "got": _describe(value)})


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    return "date" if hasattr(value, "year") else type(value).__name__


def _rules_at(path: Path) -> Rules | None:
    """The schema rules that govern `path` (list indexes skip to the item schema)."""
    rules: Rules | None = {"type": "dict", "schema": SPEC_SCHEMA}
    for part in path:
        if rules is None:
            return None
        sub = rules.get("schema")
        if not isinstance(sub, dict):
            return None
        if isinstance(part, int):
            rules = sub if "type" in sub else None
        else:
            rules = sub.get(part) if "type" not in sub else sub.get("schema", {}).get(part)
    return rules


def _suggest(path: Path) -> str:
    parent = _rules_at(path[:-1])
    if not parent or not isinstance(parent.get("schema"), dict):
        return ""
    fields = parent["schema"]
    if "type" in fields:  # a list's item rules
        fields = fields.get("schema", {})
    close = difflib.get_close_matches(str(path[-1]), list(fields), n=1, cutoff=0.6)
    return close[0] if close else ""


# --- text hygiene -------------------------------------------------------------------------

def _walk_strings(value: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_strings(item, (*path, index))


def _text_issues(loaded: LoadedSpec) -> Iterator[SpecIssue]:
    for path, text in _walk_strings(loaded.data):
        char = find_xml_illegal(text)
        if char:
            yield SpecIssue("control_char", path, params={"char": char})
        elif text and not text.strip():
            yield SpecIssue("empty", path)
        elif looks_legacy_encoded(text):
            yield SpecIssue("legacy_encoding", path, params={"sample": text[:40]})


# --- meaning ------------------------------------------------------------------------------

def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _meaning_issues(data: dict[str, Any]) -> Iterator[SpecIssue]:
    yield from _date_issues(_dict(data.get("date")))
    yield from _number_issues(data.get("number"))
    yield from _signature_issues(_dict(data.get("signature")))
    yield from _recipient_issues(_list(data.get("recipients")))
    ids = yield from _task_id_issues(_dict(data.get("tasks")))
    yield from _appendix_issues(_dict(data.get("appendix")), ids)
    yield from _entry_issues(data)
    yield from _style_warnings(data)


def _date_issues(date: dict[str, Any]) -> Iterator[SpecIssue]:
    day, month, year = date.get("day"), date.get("month"), date.get("year")
    if not all(isinstance(v, int) or v is None for v in (day, month, year)):
        return
    if day is not None and month is None:
        yield SpecIssue("day_without_month", ("date", "day"))
    elif isinstance(day, int) and isinstance(month, int) and isinstance(year, int):
        if 1 <= month <= 12 and day > calendar.monthrange(year, month)[1]:
            yield SpecIssue("no_such_date", ("date", "day"), params={
                "day": day, "month": month, "year": year,
                "last": calendar.monthrange(year, month)[1]})


def _number_issues(number: Any) -> Iterator[SpecIssue]:
    if isinstance(number, str) and number.isdigit() and int(number) == 0:
        yield SpecIssue("bad_number", ("number",), params={"value": number})


def _signature_issues(signature: dict[str, Any]) -> Iterator[SpecIssue]:
    lines = [line for line in _list(signature.get("lines")) if isinstance(line, str)]
    for index, line in enumerate(lines):
        path: Path = ("signature", "lines", index)
        if line != upper(line):
            yield SpecIssue("signature_not_upper", path, params={"fixed": upper(line)})
        word, _, rest = line.partition(" ")
        if "." in word and word not in AUTHORITY_WORDS:
            yield SpecIssue("bad_authority", path, params={
                "word": word, "allowed": ", ".join(AUTHORITY_WORDS)})
            continue
        if word == "TM.":
            if index != 0:
                yield SpecIssue("tm_not_first", path)
            if not rest.strip() or upper(rest).startswith(_PERSONAL_TITLES):
                yield SpecIssue("tm_needs_body", path, params={"rest": rest})
        if word == "KT.":
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if not upper(following).startswith("PHÓ"):
                yield SpecIssue("kt_needs_deputy", path, params={"head": rest})


def _recipient_issues(recipients: list[Any]) -> Iterator[SpecIssue]:
    archive = [i for i, line in enumerate(recipients)
               if isinstance(line, str) and _strip_dash(line).startswith("Lưu")]
    if recipients and not archive:
        yield SpecIssue("archive_missing", ("recipients",))
    for index in archive:
        if index != len(recipients) - 1:
            yield SpecIssue("archive_not_last", ("recipients", index))
    for index, line in enumerate(recipients):
        if isinstance(line, str) and _strip_dash(line).lower().startswith("kính gửi"):
            yield SpecIssue("no_kinh_gui", ("recipients", index), severity="warning")


def _strip_dash(line: str) -> str:
    return line.lstrip("-–• ").strip()


def _task_id_issues(tasks: dict[str, Any]) -> Iterator[SpecIssue]:
    first_seen: dict[str, Path] = {}
    for path, task in _all_tasks(tasks):
        task_id = task.get("id")
        if not isinstance(task_id, str):
            continue
        if task_id in first_seen:
            yield SpecIssue("duplicate_id", (*path, "id"), params={"id": task_id})
        else:
            first_seen[task_id] = path
    return set(first_seen)  # type: ignore[misc]


def _all_tasks(tasks: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, task in enumerate(_list(tasks.get("items"))):
        if isinstance(task, dict):
            path: Path = ("tasks", "items", index)
            yield path, task
            for sub_index, sub in enumerate(_list(task.get("subtasks"))):
                if isinstance(sub, dict):
                    yield (*path, "subtasks", sub_index), sub


def _appendix_issues(appendix: dict[str, Any], ids: set[str]) -> Iterator[SpecIssue]:
    if not appendix:
        return
    rows, from_tasks = appendix.get("rows"), appendix.get("from_tasks")
    if bool(rows) == bool(from_tasks):
        yield SpecIssue("appendix_rows_or_tasks", ("appendix",))
    for index, row in enumerate(_list(rows)):
        if not isinstance(row, dict):
            continue
        ref = row.get("task")
        if isinstance(ref, str) and ref not in ids:
            close = difflib.get_close_matches(ref, sorted(ids), n=1)
            yield SpecIssue("unknown_task", ("appendix", "rows", index, "task"),
                            params={"id": ref, "hint": close[0] if close else ""})
        if ref is None and not row.get("content"):
            yield SpecIssue("row_needs_content", ("appendix", "rows", index))


def _entry_issues(data: dict[str, Any]) -> Iterator[SpecIssue]:
    for section in ("purpose", "funding", "organization"):
        block = _dict(data.get(section))
        entries = list(enumerate(_list(block.get("items"))))
        if not entries and not block.get("text") and section in data and block:
            yield SpecIssue("section_empty", (section,))
        for index, entry in entries:
            if isinstance(entry, dict) and not entry:
                continue
            if isinstance(entry, dict) and not any(
                    entry.get(k) for k in ("title", "text", "points", "bullets")):
                yield SpecIssue("entry_empty", (section, "items", index))
        reporting = block.get("reporting")
        if isinstance(reporting, dict) and not any(
                reporting.get(k) for k in ("text", "points", "bullets")):
            yield SpecIssue("entry_empty", (section, "reporting"))


def _style_warnings(data: dict[str, Any]) -> Iterator[SpecIssue]:
    summary = data.get("summary")
    if isinstance(summary, str) and len(summary) > 12 and summary == upper(summary):
        yield SpecIssue("summary_upper", ("summary",), severity="warning")
    closing = data.get("closing")
    last = closing[-1] if isinstance(closing, list) and closing else closing
    if isinstance(last, str) and not last.rstrip().endswith("./."):
        yield SpecIssue("closing_mark", ("closing",), severity="warning")
