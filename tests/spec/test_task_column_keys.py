"""The columns of a free appendix built from the tasks (`from_tasks: true`): each key either
takes its value from the tasks (content, lead, deadline …) or from what the tasks give it in
`cells:`. A key that only shapes how a task prints (role_style, labels, role_items …) has
nothing to put in a cell: it is an error at the key, not a column printed empty. A key of the
plan's own that no task fills is a blank column: a warning when it is close to a known column
(a typo), a note otherwise (a column left for the reader to fill in is a real use)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plangen.errors import SpecIssue
from plangen.freeform import TASK_SHAPE_KEYS, TASK_VALUE_COLUMNS
from plangen.messages import format_path
from plangen.spec.loader import load_spec_text
from plangen.spec.validate import validate_spec

SPEC = Path(__file__).resolve().parents[2] / "specs" / "variations-free.yaml"
BASE = SPEC.read_text(encoding="utf-8")
CUSTOM = "      - {key: kinh-phi, title: Kinh phí (triệu đồng), width: 12}\n"
KEY_PATH = "appendices[2].columns[4].key"


def _issues(key: str) -> list[SpecIssue]:
    assert CUSTOM in BASE
    text = BASE.replace(CUSTOM, CUSTOM.replace("kinh-phi", key))
    return [issue for issue in validate_spec(load_spec_text(text, "plan.yaml", collect=True))
            if format_path(issue.path).startswith("appendices")]


def _column_line(key: str) -> tuple[int, int]:
    """(line, column) of the key's value in the edited spec."""
    lines = BASE.replace(CUSTOM, CUSTOM.replace("kinh-phi", key)).splitlines()
    number = next(n for n, line in enumerate(lines, 1) if f"{{key: {key}," in line)
    return number, lines[number - 1].index(key) + 1


@pytest.mark.parametrize("key", TASK_SHAPE_KEYS)
def test_a_key_that_shapes_a_task_is_no_column(key: str) -> None:
    (issue,) = _issues(key)
    assert (issue.code, issue.severity, format_path(issue.path)) == (
        "appendix_column_shape", "error", KEY_PATH)
    assert issue.location is not None
    assert (issue.location.line, issue.location.column) == _column_line(key)
    text = issue.format("vi")
    assert f"Cột \"{key}\" không có gì để in: \"{key}\" là khóa định dạng của nhiệm vụ" in text
    assert "content, title, id, named_items, lead" in text and "cells:" in text
    assert f"Column \"{key}\" has nothing to print" in issue.format("en")


def test_role_style_as_a_column_is_refused_before_anything_is_written() -> None:
    """The case that printed an empty column: `plan` is not built, the message says why."""
    text = BASE.replace(CUSTOM, CUSTOM.replace("kinh-phi", "role_style"))
    issues = validate_spec(load_spec_text(text, "plan.yaml", collect=True))
    assert [i.code for i in issues if i.severity == "error"] == ["appendix_column_shape"]
    assert "kiểu dòng vai trò" in next(
        i for i in issues if i.code == "appendix_column_shape").format("vi")


@pytest.mark.parametrize("key", TASK_VALUE_COLUMNS)
def test_every_column_taken_from_the_tasks_is_accepted(key: str) -> None:
    assert _issues(key) == []


def test_a_key_the_tasks_give_in_cells_is_a_column_of_the_plan_s_own() -> None:
    assert _issues("kinh-phi") == []
    # a shaping key the tasks do give a value in cells: prints that value
    given = BASE.replace("cells: {kinh-phi: 1200}", "cells: {kinh-phi: 1200, labels: Có}")
    text = given.replace(CUSTOM, CUSTOM.replace("kinh-phi", "labels"))
    assert [i for i in validate_spec(load_spec_text(text, "plan.yaml", collect=True))
            if format_path(i.path).startswith("appendices")] == []


@pytest.mark.parametrize(("key", "close"), [("leed", "lead"), ("partner", "partners"),
                                            ("deadlines", "deadline")])
def test_a_blank_column_close_to_a_known_one_is_a_warning(key: str, close: str) -> None:
    (issue,) = _issues(key)
    assert (issue.code, issue.severity) == ("appendix_column_typo", "warning")
    assert f"Có phải ý là \"{close}\"?" in issue.format("vi")
    assert f"Did you mean \"{close}\"?" in issue.format("en")


@pytest.mark.parametrize("key", ["ghi-chu", "description", "subtasks"])
def test_a_blank_column_of_the_plan_s_own_is_a_note(key: str) -> None:
    (issue,) = _issues(key)
    assert (issue.code, issue.severity) == ("appendix_column_empty", "note")
    text = issue.format("vi")
    assert f"ghi chú: Cột \"{key}\" để trống ở mọi dòng" in text
    assert "để người nhận điền tay" in text
