"""Validating a spec written inline, and editing one line of it, for the spec tests."""

from __future__ import annotations

from plangen.errors import SpecIssue
from plangen.messages import format_path
from plangen.model import Plan
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text
from plangen.spec.merge import Node
from plangen.spec.validate import validate_spec

# a plan's own frame, one spec line per field with its key: what a decision stands for
PLAN_FRAME_LINES = [
    ('number: "05"\n', "number"),
    ("symbol: KH-UBND\n", "symbol"),
    ("place: Đắk Lắk\n", "place"),
    ("date: {day: 5, month: 6, year: 2026}\n", "date"),
    ("recipients: [Sở Tư pháp, 'Lưu: VT']\n", "recipients"),
    ("drafting_code: BXC\n", "drafting_code"),
    ("signature: {lines: [CHỦ TỊCH], name: Nguyễn Văn B}\n", "signature"),
]


def check(text: str) -> list[SpecIssue]:
    """Every issue of the spec `text` (errors, warnings and notes)."""
    return validate_spec(load_spec_text(text, "plan.yaml", collect=True))


def found(text: str) -> set[tuple[str, str]]:
    """(field path, code) of every issue of `text`."""
    return {(format_path(issue.path), issue.code) for issue in check(text)}


def errors(text: str) -> set[tuple[str, str]]:
    """(field path, code) of the errors of `text`."""
    return {(format_path(issue.path), issue.code) for issue in check(text)
            if issue.severity == "error"}


def edited(text: str, old: str, new: str) -> str:
    """`text` with `old` (which must be there) replaced by `new`."""
    assert old in text, old
    return text.replace(old, new)


def plan_of(text: str) -> Plan:
    """The plan of a valid spec `text`."""
    checked = check_loaded(load_spec_text(text, "plan.yaml"))
    assert checked.plan is not None, [issue.format("en") for issue in checked.errors]
    return checked.plan


def nodes(value: object) -> Node:
    """A spec tree of `Node`s (no source lines) holding `value`: dicts, lists and scalars."""
    if isinstance(value, dict):
        return Node({key: nodes(item) for key, item in value.items()})
    if isinstance(value, list):
        return Node([nodes(item) for item in value])
    return Node(value)
