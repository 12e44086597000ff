"""Check loaded spec data: the schema (cerberus), text hygiene, then what the plan means
(meaning.py).

`validate_spec` never stops at the first problem and never raises for bad input: it returns
every issue it finds, each with its field path and position, for the caller to report.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, ClassVar

from cerberus import TypeDefinition, Validator, errors
from cerberus.schema import DefinitionSchema

from plangen.errors import SHOWN_ISSUES, Path, SpecIssue
from plangen.spec.decision import decision_issues
from plangen.spec.loader import LoadedSpec
from plangen.spec.meaning import meaning_issues
from plangen.spec.schema import DECISION_OWNED, SPEC_SCHEMA, Rules
from plangen.spec.vnkeys import english_key
from plangen.vntext import find_xml_illegal

_TYPE_NAMES = {"string": "text", "integer": "integer", "float": "number", "boolean": "boolean",
               "list": "list", "dict": "mapping"}
_CODE_FIELDS = ("number", "symbol", "id", "task", "drafting_code")
_AGENCY_FIELDS = ("lead", "implementer", "partners", "supervisor")
_LOCATED_BY_KEY = ("unknown_key", "duplicate_key")


class _Validator(Validator):  # type: ignore[misc]
    """Cerberus with YAML's `yes`/`true` kept out of integer fields (bool is an int in Python)."""

    types_mapping: ClassVar[dict[str, Any]] = {**Validator.types_mapping,
                                               "integer": TypeDefinition("integer", (int,),
                                                                         (bool,))}


class _ProvenSchema(DefinitionSchema):  # type: ignore[misc]
    """SPEC_SCHEMA for cerberus without re-proving, on every run, that it is a valid cerberus
    schema: that proof takes ~0.1 s, most of a `plangen validate`. The schema is fixed code and
    tests/test_validate.py proves it once with cerberus's own check."""

    def validate(self, schema: Any = None) -> None:
        return None


def _schema_validator() -> Validator:
    validator = _Validator(allow_unknown=False)
    validator.schema = _ProvenSchema(validator, SPEC_SCHEMA)
    return validator


def validate_spec(loaded: LoadedSpec, *, changed: Iterable[Path] | None = None) -> list[SpecIssue]:
    """Every issue in `loaded`: load problems, schema errors, text hygiene, then meaning.

    `changed` is for a caller that already validated the same spec with other text in some
    fields (a batch filling one base for many localities): the schema is then checked only
    for those string fields, everything else as usual.
    """
    found = list(_schema_issues(loaded) if changed is None else _value_issues(loaded, changed))
    found.extend(_text_issues(loaded))
    if isinstance(loaded.data, dict):
        found.extend(meaning_issues(loaded))
        found.extend(decision_issues(loaded.data))
    else:
        found.append(SpecIssue("top_not_mapping", ()))
    # A value the loader already refused (a tag, a control character) is reported once.
    refused = {issue.path for issue in loaded.issues}
    issues = loaded.issues + [issue for issue in found if issue.path not in refused]
    return [_with_location(issue, loaded) for issue in _dedupe(issues)]


def _with_location(issue: SpecIssue, loaded: LoadedSpec) -> SpecIssue:
    if issue.location is not None:
        return issue
    if issue.code == "required":  # point at the parent's key line ("signature:")
        parent = issue.path[:-1]
        location = loaded.key_marks.get(parent) or loaded.locate(parent)
    else:
        location = loaded.locate(issue.path, key=issue.code in _LOCATED_BY_KEY)
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
    mistyped: list[SpecIssue] = []
    screened = _screen_types(loaded.data, {"type": "dict", "schema": SPEC_SCHEMA}, (),
                             loaded, mistyped)
    yield from mistyped
    reported = {issue.path for issue in mistyped}
    validator = _schema_validator()
    validator.validate(screened)
    # a plan issued by a decision leaves its number, date, recipients and signature to it
    owned = {(key,) for key in DECISION_OWNED} if "decision" in loaded.data else set()
    for error in _leaf_errors(validator._errors):
        issue = _translate(error, loaded)
        if issue.path not in reported and not (issue.code == "required" and issue.path in owned):
            yield issue


_DROPPED = object()
_KIND_TEST: dict[str, Any] = {
    "string": lambda v: isinstance(v, str), "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, float),
    "list": lambda v: isinstance(v, list), "dict": lambda v: isinstance(v, dict),
}


def _screen_types(value: Any, rules: Rules, path: Path, loaded: LoadedSpec,
                  issues: list[SpecIssue]) -> Any:
    """`value` without the parts whose type the schema does not allow, each reported.

    Cerberus reads a field's `schema` rule by the value's own type, so a list where a
    "text or mapping" field is declared made it apply mapping rules to list items and crash;
    checking types first, ourselves, keeps every wrong type a plain message.
    """
    kinds = rules.get("type")
    if value is None or kinds is None:
        return value
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if not any(_KIND_TEST[kind](value) for kind in kinds if kind in _KIND_TEST):
        issues.append(_type_issue(path, rules["type"], value, loaded))
        return _DROPPED
    sub = rules.get("schema")
    if isinstance(value, dict) and isinstance(sub, dict) and "type" not in sub:
        kept: dict[Any, Any] = {}
        unknown: dict[Any, Any] = {}
        for key, item in value.items():
            item_rules = sub.get(key)
            if item_rules is None:  # reported here: cerberus re-sorts its whole error list
                # at each error (quadratic); near misses are looked for among the issues shown
                issues.append(_unknown_key((*path, key), close=len(issues) < SHOWN_ISSUES))
                unknown = unknown or {key: item}
                continue
            checked = _screen_types(item, item_rules, (*path, key), loaded, issues)
            if checked is not _DROPPED:
                kept[key] = checked
        # a mapping of unknown keys alone keeps one, so it is not also reported as empty
        return kept or unknown
    if isinstance(value, list) and isinstance(sub, dict) and "type" in sub:
        # a wrong item becomes None, so the other items keep their positions
        items = [_screen_types(item, sub, (*path, index), loaded, issues)
                 for index, item in enumerate(value)]
        return [None if item is _DROPPED else item for item in items]
    return value


def schema_issues(loaded: LoadedSpec) -> list[SpecIssue]:
    """The schema's issues alone (types, required and unknown keys, patterns)."""
    return list(_schema_issues(loaded))


def _value_issues(loaded: LoadedSpec, paths: Iterable[Path]) -> Iterator[SpecIssue]:
    """The schema's rules for the string values at `paths` (empty, pattern, allowed)."""
    for path in paths:
        value, rules = _value_at(loaded.data, path), _rules_at(path)
        if not isinstance(value, str) or rules is None:
            continue
        if value == "" and rules.get("empty") is False:
            yield SpecIssue("empty", path)
        elif "regex" in rules and not re.fullmatch(rules["regex"], value):
            yield SpecIssue(f"bad_{_field_kind(path)}", path, params={"value": value})
        elif "allowed" in rules and value not in rules["allowed"]:
            yield _not_allowed(path, value, rules["allowed"])


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
        return _unknown_key(path)
    if code == errors.BAD_TYPE.code:
        return _type_issue(path, error.constraint, error.value, loaded)
    if code == errors.EMPTY_NOT_ALLOWED.code:
        return SpecIssue("empty", path)
    if code == errors.NOT_NULLABLE.code:
        return SpecIssue("empty_item" if isinstance(path[-1], int) else "no_value", path)
    if code == errors.MIN_LENGTH.code:
        return SpecIssue("too_few", path, params={"min": error.constraint})
    if code in (errors.MIN_VALUE.code, errors.MAX_VALUE.code):
        rules = _rules_at(path) or {}
        return SpecIssue("out_of_range", path, params={
            "value": error.value, "min": rules.get("min"), "max": rules.get("max")})
    if code == errors.UNALLOWED_VALUE.code:
        return _not_allowed(path, error.value, error.constraint)
    if code == errors.REGEX_MISMATCH.code:
        return SpecIssue(f"bad_{_field_kind(path)}", path, params={"value": error.value})
    return SpecIssue("invalid", path, params={"detail": str(error.info or error.rule)})


def _not_allowed(path: Path, value: Any, allowed: Iterable[Any]) -> SpecIssue:
    """A value outside the allowed ones; a role style's message says what each one prints."""
    if _last_key(path) == "role_style":
        return SpecIssue("bad_role_style", path, params={"value": value})
    if path == ("point_style",):
        return SpecIssue("bad_point_style", path, params={"value": value})
    return SpecIssue("not_allowed", path, params={
        "value": value, "allowed": ", ".join(map(str, allowed))})


def _field_kind(path: Path) -> str:
    last = _last_key(path)
    return {"number": "number", "symbol": "symbol", "id": "id", "task": "id"}.get(last, "format")


def _last_key(path: Path) -> str:
    return next((p for p in reversed(path) if isinstance(p, str)), "")


def _type_issue(path: Path, expected: Any, value: Any, loaded: LoadedSpec) -> SpecIssue:
    kinds = expected if isinstance(expected, list) else [expected]
    raw = loaded.raw_scalars.get(path)
    if "string" in kinds and raw is not None:
        code = "quote_it" if _last_key(path) in _CODE_FIELDS else "quote_text"
        return SpecIssue(code, path, params={"raw": raw, "read_as": _read_as(value)})
    if path == ("date",) and _date_parts(value):
        day, month, year = _date_parts(value) or (0, 0, 0)
        return SpecIssue("date_not_mapping", path, params={
            "day": day, "month": month, "year": year})
    got = _describe(value)
    return SpecIssue("bad_type", path, params={
        "expected": [_TYPE_NAMES.get(kind, kind) for kind in kinds], "got": got,
        "fix": _type_fix(path, kinds, value, loaded)})


def _read_as(value: Any) -> tuple[str, str]:
    """What YAML made of an unquoted value: ("number", "8"), ("boolean", "false"), ("date", …)."""
    if isinstance(value, bool):
        return ("boolean", "true" if value else "false")
    if isinstance(value, (int, float)):
        return ("number", str(value))
    return ("date", str(value)) if hasattr(value, "year") else ("other", str(value))


_DMY = re.compile(r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*")


def _date_parts(value: Any) -> tuple[int, int, int] | None:
    """(day, month, year) of a date written on one line: 2026-04-13 or "13/4/2026"."""
    if isinstance(value, datetime.date):
        return value.day, value.month, value.year
    match = _DMY.fullmatch(value) if isinstance(value, str) else None
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def _type_fix(path: Path, kinds: list[str], value: Any,
              loaded: LoadedSpec) -> tuple[str, dict[str, Any]]:
    """The hint that says how to write the value the schema wants."""
    got = _describe(value)
    if "dict" in kinds and "string" not in kinds:
        fields = (_rules_at(path) or {}).get("schema", {})
        return ("fix_mapping", {"keys": ", ".join(fields) if isinstance(fields, dict) else ""})
    if "string" in kinds and got == "list":
        return ("fix_text_from_flow" if path in loaded.flow_lists else "fix_text_from_list", {})
    if "string" in kinds and got == "mapping":
        return ("fix_text_from_mapping", {})
    if "list" in kinds:
        return ("fix_list", {})
    if "integer" in kinds and isinstance(value, str) and value.strip().isdigit():
        return ("fix_unquote", {"value": value.strip()})
    if "integer" in kinds:
        return ("fix_integer", {})
    if "boolean" in kinds:
        return ("fix_boolean", {})
    return ("fix_text", {})


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


def _unknown_key(path: Path, close: bool = True) -> SpecIssue:
    return SpecIssue("unknown_key", path,
                     params={"key": path[-1], "hint": _suggest(path, close)})


def _suggest(path: Path, close: bool = True) -> tuple[str, ...]:
    """("vietnamese_key", key, name) for a key typed in Vietnamese, ("did_you_mean", key) for
    a near miss (looked for only when `close`: a spec with thousands of unknown keys shows
    the first SHOWN_ISSUES), else ("allowed", "a, b, c")."""
    parent = _rules_at(path[:-1])
    fields = parent.get("schema") if parent else None
    if isinstance(fields, dict) and "type" in fields:  # a list's item rules
        fields = fields.get("schema")
    if not isinstance(fields, dict):
        return ("", "")
    english = english_key(str(path[-1]), list(fields))
    if english is not None:  # "chủ trì:" for "lead:"
        return ("vietnamese_key", english, str(path[-1]).strip())
    if " " in str(path[-1]).strip():  # "- Sở Tư pháp: theo dõi" read as a key and a value
        return ("text_with_colon", str(path[-1]))
    near = difflib.get_close_matches(str(path[-1]).lower(), list(fields), n=1,
                                     cutoff=0.6) if close else []
    return ("did_you_mean", near[0]) if near else ("allowed", ", ".join(fields))


# --- text hygiene -------------------------------------------------------------------------

# Latin-1 characters that are never letters of Unicode Vietnamese but are the letters of the
# legacy 8-bit fonts when their bytes are read as Latin-1: TCVN3/ABC (.VnTime: "Céng hoµ x·
# héi", "n\xadíc" for "nước") and VNI (VNI-Times: a base letter then a mark, "Coäng hoøa").
_LEGACY_CHARS = frozenset("¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾ÄÅÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþ")
_LEGACY_IN_WORD = re.compile(f"(?<=[A-Za-z])[{''.join(sorted(_LEGACY_CHARS))}]|"
                             f"[{''.join(sorted(_LEGACY_CHARS))}](?=[A-Za-z])")
_AFTER_VOWEL = re.compile(f"[aeiouyAEIOUY][{''.join(sorted(_LEGACY_CHARS))}]")
# UTF-8 bytes read as Windows-1252 ("Ä‘" for "đ", "áº¡" for "ạ", "Ã¡" for "á").
_MOJIBAKE = re.compile("Ã[\u00a0-\u00bf]|Ä[\u2018\u2019]|á[º»]|Æ°")


def legacy_kind(text: str) -> str | None:
    """ "legacy_encoding" for TCVN3/VNI text, "mojibake" for mis-decoded UTF-8, else None."""
    if _MOJIBAKE.search(text):
        return "mojibake"
    hits = len(_LEGACY_IN_WORD.findall(text))
    if hits >= 2 or (hits == 1 and _AFTER_VOWEL.search(text)):
        return "legacy_encoding"
    return None


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
        problem = _text_problem(text)
        if problem is not None:
            code, params = problem
            yield SpecIssue(code, path, params=dict(params))
    yield from _split_agency_warnings(loaded)


@lru_cache(maxsize=8192)  # a batch validates the same texts for every locality
def _text_problem(text: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """What is wrong with one text of the spec (code and params), or None."""
    char = find_xml_illegal(text)
    if char:
        return "control_char", (("char", char),)
    if text and not text.strip():
        return "empty", ()
    kind = legacy_kind(text)
    return (kind, (("sample", text[:40]),)) if kind else None


def _split_agency_warnings(loaded: LoadedSpec) -> Iterator[SpecIssue]:
    """`partners: [các sở, ban, ngành]`: YAML's commas cut one agency into fragments."""
    for path in sorted(loaded.flow_lists, key=str):
        items = _value_at(loaded.data, path)
        if not (_last_key(path) in _AGENCY_FIELDS and isinstance(path[-1], str)
                and isinstance(items, list) and all(isinstance(i, str) for i in items)):
            continue
        fragments = [item for item in items[1:] if _is_fragment(item)]
        if fragments:
            yield SpecIssue("agency_split", path, severity="warning", params={
                "key": path[-1], "fragment": fragments[0], "joined": ", ".join(items)})


def _is_fragment(item: str) -> bool:
    words = item.split()
    return bool(words) and len(words) <= 3 and item[:1].islower()


def _value_at(data: Any, path: Path) -> Any:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data
