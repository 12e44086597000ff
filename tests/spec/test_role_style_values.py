"""`role_style`, written by hand: every value it takes (dash, letter, letter_dot, dash_letter,
plain) is accepted in the classic tasks and in free sections and blocks, and a value it does
not take is an error at its line and column that says what each style prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from plangen.errors import SpecIssue
from plangen.freeform import ROLE_STYLES
from plangen.messages import format_path
from plangen.spec.loader import load_spec_text
from plangen.spec.validate import validate_spec

DATA = Path(__file__).resolve().parents[1] / "data"
CLASSIC = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
FREE = (DATA / "free" / "free-minimal.yaml").read_text(encoding="utf-8")
ROOT = Path(__file__).resolve().parents[2]

# where role_style goes: (spec text, what to replace, with what, the field's path)
PLACES = {
    "tasks": (CLASSIC, "tasks:\n  items:\n", "tasks:\n  role_style: {}\n  items:\n",
              "tasks.role_style"),
    "task": (CLASSIC, "      title: Xây dựng cơ sở dữ liệu\n",
             "      title: Xây dựng cơ sở dữ liệu\n      role_style: {}\n",
             "tasks.items[2].role_style"),
    "section": (FREE, "    role: tasks\n", "    role: tasks\n    role_style: {}\n",
                "sections[3].role_style"),
    "block": (FREE, "            lead: Sở Công Thương\n",
              "            lead: Sở Công Thương\n            role_style: {}\n",
              "sections[3].content[1].content[2].role_style"),
}


def _issues(place: str, value: str) -> list[SpecIssue]:
    text, old, new, _ = PLACES[place]
    assert old in text
    edited = text.replace(old, new.format(value))
    return [issue for issue in validate_spec(load_spec_text(edited, "plan.yaml", collect=True))
            if issue.severity == "error"]


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("value", ROLE_STYLES)
def test_every_role_style_is_accepted_everywhere(place: str, value: str) -> None:
    assert _issues(place, value) == []


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("value", ["letter-dot", "a.", "bullet", "Letter"])
def test_a_bad_role_style_says_what_each_style_prints(place: str, value: str) -> None:
    (issue,) = _issues(place, value)
    assert issue.code == "bad_role_style"
    assert format_path(issue.path) == PLACES[place][3]
    source, old, new, _ = PLACES[place]
    line, written = next((number, text) for number, text in enumerate(
        source.replace(old, new.format(value)).splitlines(), 1) if "role_style:" in text)
    # it points at the value itself
    assert issue.location is not None
    assert (issue.location.line, issue.location.column) == (
        line, written.index("role_style: ") + len("role_style: ") + 1)
    text = issue.format("vi")
    assert f"Kiểu dòng vai trò \"{value}\" không có; chọn một trong: dash" in text
    assert "letter (\"a) Cơ quan chủ trì: …\")" in text
    assert "letter_dot (\"a. Cơ quan chủ trì: …\")" in text
    assert "dash_letter (\"- a) Cơ quan chủ trì: …\")" in text
    assert "plain (không dấu đầu dòng)" in text
    english = issue.format("en")
    assert f"No role line style \"{value}\"" in english and "letter_dot (\"a." in english


def _role_style_enums(node: Any) -> list[tuple[list[str], str]]:
    """The enum and description of every `role_style` property in a JSON Schema."""
    found: list[tuple[list[str], str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "role_style" and isinstance(value, dict) and "enum" in value:
                found.append((value["enum"], value.get("description", "")))
            found.extend(_role_style_enums(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_role_style_enums(item))
    return found


def test_the_json_schema_offers_every_role_style() -> None:
    """The committed JSON Schema (editors, the YAML language server) lists letter_dot
    wherever role_style goes, with what it prints."""
    schema = json.loads((ROOT / "plangen.schema.json").read_text(encoding="utf-8"))
    enums = _role_style_enums(schema)
    assert len(enums) >= 4 and all(enum == list(ROLE_STYLES) for enum, _ in enums)
    assert all("letter_dot (\"a. Cơ quan chủ trì: …\")" in text for _, text in enums)
    assert all("dash_letter (\"- a) Cơ quan chủ trì: …\")" in text for _, text in enums)
