"""Property tests: whatever a spec holds, loading and validating end in issues, never a crash.

Valid specs are mutated at random (keys deleted, values replaced by junk of every type, junk keys
inserted, values swapped, lists wrapped and unwrapped), their text is mangled (characters and lines
inserted, deleted, duplicated, re-indented), and random YAML, text and bytes are fed in. The only
exception allowed is `SpecError` from loading; validation must return positioned issues whose
messages render in both languages, and a spec without errors must build its plan.
"""

from __future__ import annotations

import copy
import datetime
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.data_paths import at, paths

from plangen.errors import SpecError, SpecIssue
from plangen.spec.api import check_loaded
from plangen.spec.loader import decode_spec_bytes, load_spec_text

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "specs").glob("*.yaml")), ROOT / "tests/data/valid/minimal.yaml"]
TEXTS = [path.read_text(encoding="utf-8") for path in SOURCES]
DATA = [yaml.safe_load(text) for text in TEXTS]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

KEYS = ["id", "title", "lead", "partners", "task", "rows", "from_tasks", "subtasks", "items",
        "text", "lines", "name", "day", "month", "year", "number", "reporting", "tittle", "<<"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**20), st.floats(allow_nan=True),
    st.dates(min_value=datetime.date(1, 1, 1)),
    st.sampled_from(["", "  ", "\t", "010", "01", "no", "TM. CHỦ TỊCH", "KT. GIÁM ĐỐC",
                     "Lưu: VT", "Céng hoµ", "Trieån khai", "Ä‘", "x\x0by", "\x00", "{{ x }}",
                     "tuyen-truyen", "khong-co", "PHÓ CHỦ TỊCH", "2026-02-31", "\ufeff", "\u2028"]),
    st.text(max_size=30),
)
junk = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=4)),
    max_leaves=12)


def mutate(data: Any, op: str, pick: int, other: int, value: Any) -> None:
    """One random change to `data`, in place; even picks aim at mappings and lists."""
    candidates = [p for p in paths(data) if p]
    containers = [p for p in candidates if isinstance(at(data, p), (dict, list))]
    if pick % 2 == 0 and containers:
        candidates = containers
    if not candidates:
        return
    path = candidates[pick % len(candidates)]
    parent, last = at(data, path[:-1]), path[-1]
    if op == "delete":
        del parent[last]
    elif op == "replace":
        parent[last] = value
    elif op == "insert" and isinstance(parent, dict):
        parent[KEYS[other % len(KEYS)]] = value
    elif op == "insert" and isinstance(parent, list):
        parent.insert(other % (len(parent) + 1), value)
    elif op == "swap":
        target = candidates[other % len(candidates)]
        if target[: len(path)] != path and path[: len(target)] != target:
            target_parent = at(data, target[:-1])
            parent[last], target_parent[target[-1]] = target_parent[target[-1]], parent[last]
    elif op == "wrap":
        parent[last] = [parent[last]]
    elif op == "unwrap" and isinstance(parent[last], list) and parent[last]:
        parent[last] = parent[last][0]


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=60)


def check_text(text: str) -> None:
    """Load and validate `text`: a SpecError from loading, or whole, positioned issues."""
    try:
        loaded = load_spec_text(text, "fuzz.yaml", collect=True)
    except SpecError as exc:
        assert exc.issues
        assert_whole(exc.issues)
        return
    checked = check_loaded(loaded)
    assert_whole(checked.issues)
    if not checked.errors:
        assert checked.plan is not None


def assert_whole(issues: list[SpecIssue] | tuple[SpecIssue, ...]) -> None:
    for issue in issues:
        assert isinstance(issue, SpecIssue)
        assert issue.location is not None and issue.location.line >= 1
        quoted = [str(part) for part in issue.path] + [
            str(value) for value in issue.params.values() if isinstance(value, str)]
        for lang in ("vi", "en"):
            text = issue.format(lang)
            unfilled = text
            for typed in sorted(quoted, key=len, reverse=True):  # the input's own "{_}"
                unfilled = unfilled.replace(typed, "") if typed else unfilled
            assert not PLACEHOLDER.search(unfilled), text
            assert "Lỗi nội bộ" not in text and "Internal plangen error" not in text, text


operations = st.lists(st.tuples(
    st.sampled_from(["delete", "replace", "replace", "replace", "insert", "swap", "wrap",
                     "unwrap"]),
    st.integers(0, 10_000), st.integers(0, 10_000), junk), min_size=1, max_size=6)


@FUZZ
@given(source=st.integers(0, len(DATA) - 1), ops=operations)
def test_mutated_specs_give_issues_not_crashes(source: int, ops: list[Any]) -> None:
    data = copy.deepcopy(DATA[source])
    for op, pick, other, value in ops:
        mutate(data, op, pick, other, value)
    check_text(dump(data))


text_edits = st.lists(st.tuples(
    st.sampled_from(["insert", "delete", "dup_line", "drop_line", "indent", "dedent", "swap"]),
    st.integers(0, 10**6), st.integers(0, 10**6),
    st.text(alphabet=st.sampled_from(list(":-[]{}\"'#&*!|>%@`,?\t\n \\x\x0b\x85\u2028Đ")),
            max_size=5)), min_size=1, max_size=5)


@FUZZ
@given(source=st.integers(0, len(TEXTS) - 1), edits=text_edits)
def test_mangled_spec_text_gives_issues_not_crashes(source: int, edits: list[Any]) -> None:
    text = TEXTS[source]
    for op, where, other, chars in edits:
        lines = text.split("\n")
        line = where % len(lines)
        if op == "insert":
            pos = where % (len(text) + 1)
            text = text[:pos] + chars + text[pos:]
        elif op == "delete":
            pos = where % (len(text) + 1)
            text = text[:pos] + text[pos + other % 8:]
        elif op == "dup_line":
            lines.insert(line, lines[line])
        elif op == "drop_line":
            del lines[line]
        elif op == "indent":
            lines[line] = " " * (other % 5) + lines[line]
        elif op == "dedent":
            lines[line] = lines[line][other % 5:]
        elif op == "swap":
            target = other % len(lines)
            lines[line], lines[target] = lines[target], lines[line]
        if op not in ("insert", "delete"):
            text = "\n".join(lines)
    check_text(text)


deep_yaml = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=3)),
    max_leaves=80)


@FUZZ
@given(value=deep_yaml, flow=st.booleans())
def test_random_yaml_documents(value: Any, flow: bool) -> None:
    check_text(yaml.safe_dump(value, allow_unicode=True, default_flow_style=flow))


@FUZZ
@given(depth=st.integers(1, 400), opener=st.sampled_from(["[", "{a: ", "- ", "a:\n"]),
       closed=st.booleans())
def test_nesting_of_any_depth(depth: int, opener: str, closed: bool) -> None:
    if opener in ("- ", "a:\n"):
        text = "".join("  " * i + opener.replace("\n", "") + "\n" for i in range(depth))
    else:
        closer = "]" if opener == "[" else "}"
        text = "x: " + opener * depth + ("1" + closer * depth if closed else "") + "\n"
    check_text(text)


@FUZZ
@given(text=st.text(max_size=300))
def test_random_text(text: str) -> None:
    check_text(text)


@FUZZ
@given(raw=st.binary(max_size=300))
def test_random_bytes(raw: bytes) -> None:
    try:
        text = decode_spec_bytes(raw, "fuzz.yaml")
    except SpecError as exc:
        assert_whole(exc.issues)
        return
    check_text(text)
