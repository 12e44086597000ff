"""The free structure (sections, blocks, tables, appendices): what validates, what each
mistake is told, and the model it builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from plangen.errors import SpecIssue
from plangen.messages import format_path, message
from plangen.model import build_plan
from plangen.spec.loader import load_spec_text
from plangen.spec.validate import validate_spec

FREE = Path(__file__).resolve().parents[1] / "data" / "free" / "free-minimal.yaml"
BASE = FREE.read_text(encoding="utf-8")


def check(text: str) -> list[SpecIssue]:
    return validate_spec(load_spec_text(text, "plan.yaml", collect=True))


def codes(text: str) -> set[tuple[str, str]]:
    return {(format_path(i.path), i.code) for i in check(text) if i.severity == "error"}


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new)


def test_the_free_example_is_valid_with_a_note_for_the_missing_section() -> None:
    issues = check(BASE)
    assert [(i.code, i.severity) for i in issues] == [("section_stated_missing", "note")]
    assert "Kinh phí ghi tại khoản 1 mục III" in issues[0].format("vi")
    assert issues[0].format("en").split("  ")[-1].startswith("note: ")


def test_the_model_numbers_appendices_and_computes_the_total() -> None:
    plan = build_plan(load_spec_text(BASE).data)
    assert plan.free and [s.role for s in plan.sections] == [
        None, "purpose", "tasks", "organization"]
    assert [a.label for a in plan.appendices] == ["Phụ lục I", "Phụ lục II"]
    table = plan.sections[2].content[2].table
    assert table is not None and table.rows[-1].kind == "total"
    assert [c.text for c in table.rows[-1].cells] == ["", "Tổng cộng", "3.700,5", "345"]
    assert [c.text for c in table.rows[1].cells] == ["1", "Xã Phú Mỡ", "1.200", "300"]
    # the tasks of a free plan are its blocks with role lines or a deadline
    assert [t.title for t in plan.tasks.items] == [
        "Điều phối nguồn hàng hỗ trợ.", "Phân bổ hàng hóa theo mức độ thiệt hại."]
    assert plan.tasks.items[0].roles.timeline == "Trước ngày 30/11/2025"
    assert plan.tasks.items[1].roles.partners == ("Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh")


@pytest.mark.parametrize(("old", "new", "path", "code"), [
    ("Hỗ trợ **khẩn cấp**", "Hỗ trợ **khẩn cấp",
     "sections[2].content[1].content[1].bullet", "inline_unclosed"),
    ('values: ["3.700,5", 345]', 'values: ["3.700", 345]',
     "sections[3].content[3].table.total.values[1]", "total_mismatch"),
    ("[2, Phường Sông Cầu, 2500.5, 45]", "[2, Phường Sông Cầu, 2500.5, 45, 9]",
     "sections[3].content[3].table.rows[3][5]", "row_too_wide"),
    ("{text: Số hộ, cols: 2}", "{text: Số hộ, cols: 3}",
     "sections[3].content[3].table.header[1][3]", "span_past_table"),
    ("{text: STT, rows: 2}", "{text: STT, rows: 3}",
     "sections[3].content[3].table.header[1][1]", "span_past_rows"),
    ("chi tiết tại Phụ lục I)", "chi tiết tại Phụ lục IV)",
     "sections[3].content[3].table.notes", "appendix_not_defined"),
    ("    role: organization\n", "", "sections", "section_role_missing"),
    ("    role: purpose\n", "    role: tasks\n", "sections[3].role", "section_role_twice"),
    ("missing:\n", "purpose: {text: x}\nmissing:\n", "purpose", "classic_with_sections"),
    ("  - bullet: Điều phối", "  - bulet: Điều phối",
     "sections[3].content[1].content[1].bulet", "unknown_key"),
    ("      - item: Mục tiêu trước mắt\n", "      - item: Mục tiêu trước mắt\n"
     "        point: hai dòng\n", "sections[2].content[1].point", "block_two_lines"),
    ("    from_tasks: true\n", "", "appendices[2]", "appendix_tasks_or_content"),
    ("total: {sum: [3, 4]", "total: {sum: [3, 7]",
     "sections[3].content[3].table.total.sum[2]", "total_column_outside"),
    ("bullet: Hỗ trợ **khẩn cấp** lương thực cho *toàn bộ* hộ gia đình bị ngập.",
     'bullet: "^[Hỗ trợ khẩn cấp.]"', "sections[2].content[1].content[1].bullet",
     "footnote_alone"),
    ("*toàn bộ* hộ gia đình", "*toàn bộ*^[] hộ gia đình",
     "sections[2].content[1].content[1].bullet", "footnote_empty"),
    ("          header: [[STT, Xã]]\n", "", "appendices[1].content[1].table",
     "appendix_table_no_header"),
    ("          header:\n            - [{text: STT, rows: 2}, {text: Địa bàn, rows: 2}, {text: "
     "Số hộ, cols: 2}]\n            - [Bị ngập, Sơ tán]\n", "",
     "sections[3].content[3].table.rows[1]", "table_bold_first_row"),
])


def test_each_mistake_has_its_message(old: str, new: str, path: str, code: str) -> None:
    found = codes(edit(old, new))
    assert (path, code) in found, found


@pytest.mark.parametrize(("first", "bold"), [
    ('["**1**", "**Phú Mỡ**", "", ""]', True), ("[{text: Phú Mỡ, bold: true}]", True),
    ('["1", "**Phú Mỡ**", "2", "3"]', False), ('["**1** hộ", "**Phú Mỡ**", "", ""]', False),
])
def test_a_bold_first_row_without_a_header_is_an_error(first: str, bold: bool) -> None:
    text = edit("          header:\n            - [{text: STT, rows: 2}, {text: Địa bàn, rows: "
                "2}, {text: Số hộ, cols: 2}]\n            - [Bị ngập, Sơ tán]\n", "").replace(
        '            - [{group: "I. Phía Đông"}]\n', f"            - {first}\n")
    assert (("sections[3].content[3].table.rows[1]", "table_bold_first_row") in codes(text)) \
        is bold


def test_a_footnote_alone_in_a_table_cell_is_allowed() -> None:
    """A cell may hold just a footnote's mark, beside the figures of its row."""
    found = codes(edit("[1, Xã Phú Mỡ, 1200, 300]", '[1, Xã Phú Mỡ, 1200, "^[Ước tính.]"]'))
    assert not [code for _, code in found if code.startswith("footnote")], found


def test_inline_error_points_at_the_marker_column() -> None:
    text = edit("Hỗ trợ **khẩn cấp**", "Hỗ trợ **khẩn cấp")
    issue = next(i for i in check(text) if i.code == "inline_unclosed")
    line = text.splitlines()[issue.location.line - 1] if issue.location else ""
    assert line[issue.location.column - 1:].startswith("**khẩn") if issue.location else False


def test_without_sections_the_four_sections_stay_required() -> None:
    text = "\n".join(line for line in BASE.split("appendices:")[0].splitlines()
                     if not line.startswith("missing") and "funding: Kinh" not in line)
    text = text.split("sections:")[0] + "closing" + text.split("\nclosing")[1]
    found = codes(text)
    assert {("purpose", "required"), ("tasks", "required"), ("funding", "required"),
            ("organization", "required")} <= found


def test_ministry_and_department_deputies_are_accepted() -> None:
    for head, deputy in (("BỘ TRƯỞNG", "THỨ TRƯỞNG"), ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")):
        text = edit("lines: [KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]", f"lines: [KT. {head}, {deputy}]")
        assert not any(code == "kt_needs_deputy" for _, code in codes(text))


def test_new_messages_exist_in_both_languages() -> None:
    params = {"marker": "**", "near": "x", "column": 3, "written": "1", "computed": "2",
              "row": 1, "cells": 5, "width": 4, "label": "Phụ lục II", "defined": "Phụ lục I",
              "hint": "", "role": "funding", "reason": "r"}
    for code in ("inline_unclosed", "total_mismatch", "row_too_wide", "span_past_table",
                 "appendix_not_defined", "section_role_missing", "section_stated_missing"):
        vi, en = message(code, "vi", **params), message(code, "en", **params)
        assert vi != en and code not in vi + en and "{" not in vi.replace("{funding", "")


@pytest.mark.parametrize("span", ["null", "0", "-1", "true", "hai"])
def test_a_bad_span_is_a_schema_error_not_a_crash(span: str) -> None:
    # in a body row of a table with a written total, so the sums are computed too
    found = codes(edit("[2, Phường Sông Cầu, 2500.5, 45]",
                       f"[{{text: 2, rows: {span}}}, Phường Sông Cầu, 2500.5, 45]"))
    assert any(path == "sections[3].content[3].table.rows[3][1].rows" for path, _ in found), \
        found


def test_typed_numbers_and_dashes_in_free_blocks_are_warned() -> None:
    text = edit("- item: Mục tiêu trước mắt", '- item: "2. Mục tiêu trước mắt"')
    text = text.replace("- bullet: Điều phối nguồn hàng hỗ trợ.",
                        '- bullet: "- Điều phối nguồn hàng hỗ trợ."', 1)
    warned = {(format_path(i.path), i.code, i.params["label"]) for i in check(text)
              if i.code in ("typed_number", "typed_dash")}
    assert warned == {("sections[2].content[1].item", "typed_number", "2."),
                      ("sections[3].content[1].content[1].bullet", "typed_dash", "-")}
