"""A plan written with its own sections (the free structure) and issued by a decision: the
same rules as a fixed-structure one — the frame belongs to the decision, the decision's
signature matches its authority — and the JSON Schema accepts it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from support.spec_edits import PLAN_FRAME_LINES, check, edited, errors, found, plan_of

from plangen.messages import format_path
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text
from plangen.spec.schema import json_schema

FREE = (Path(__file__).resolve().parents[1] / "data" / "decision" / "free.yaml").read_text(
    encoding="utf-8")
SIGNATURE = "    lines: [KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]\n"


def edit(old: str, new: str, text: str = FREE) -> str:
    return edited(text, old, new)


def test_a_free_plan_issued_by_a_decision_validates_and_builds() -> None:
    assert found(FREE) == set()
    plan = plan_of(FREE)
    assert plan.free and plan.decision is not None and plan.number is None
    assert [section.heading for section in plan.sections][:3] == [
        "ĐÁNH GIÁ TÌNH HÌNH", "MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ VÀ GIẢI PHÁP"]


@pytest.mark.parametrize(("line", "key"), PLAN_FRAME_LINES)
def test_the_free_plans_own_frame_belongs_to_the_decision(line: str, key: str) -> None:
    text = edit("sections:\n", line + "sections:\n")
    issues = [issue for issue in check(text) if issue.code == "decision_owns"]
    assert [format_path(issue.path) for issue in issues] == [key]
    assert issues[0].location is not None and issues[0].location.line == 25
    assert check_loaded(load_spec_text(text, "plan.yaml")).plan is None


def test_own_number_and_signature_together_are_both_told() -> None:
    text = edit("sections:\n", 'number: "05"\nsignature: {lines: [CHỦ TỊCH], name: Lê Văn B}\n'
                "sections:\n")
    assert errors(text) == {("number", "decision_owns"), ("signature", "decision_owns")}


def test_without_the_decision_the_free_plan_needs_its_own_frame() -> None:
    head, rest = FREE.split("decision:\n", 1)
    text = head + "sections:\n" + rest.split("sections:\n", 1)[1]
    assert {issue for issue in errors(text) if issue[1] == "required"} == {
        ("place", "required"), ("date", "required"), ("recipients", "required"),
        ("signature", "required")}


@pytest.mark.parametrize(("authority", "lines", "code"), [
    ("Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", "[CHỦ TỊCH]", None),
    ("Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", "[TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]",
     "decision_signature_head"),
    ("Ủy ban nhân dân tỉnh Đắk Lắk", "[KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]",
     "decision_signature_collective"),
    ("Ủy ban nhân dân tỉnh Đắk Lắk", "[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]", None),
    ("Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", "[KT. CHỦ TỊCH, GIÁM ĐỐC]", "decision_kt_deputy"),
])
def test_the_decisions_signature_matches_its_authority(authority: str, lines: str,
                                                       code: str | None) -> None:
    text = edit(SIGNATURE, f"    lines: {lines}\n")
    text = edit("  authority: Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk\n",
                f"  authority: {authority}\n", text)
    assert {c for _, c in errors(text)} == ({code} if code else set())


def test_recipients_name_the_executing_article() -> None:
    assert errors(edit("    - Như Điều 3\n", "    - Như Điều 2\n")) == {
        ("decision.recipients[1]", "decision_as_article_number")}


def test_a_written_appendix_reference_naming_the_plan_is_warned() -> None:
    text = edit("    from_tasks: true\n", "    from_tasks: true\n    reference: (Kèm theo Kế "
                "hoạch số 05/KH-UBND ngày 06/3/2026 của UBND tỉnh)\n")
    issues = [issue for issue in check(text) if issue.code == "decision_appendix_reference"]
    assert [(format_path(i.path), i.severity) for i in issues] == [
        ("appendices[1].reference", "warning")]
    assert "Kế hoạch số 05/KH-UBND" in issues[0].message("vi")
    # one that names the decision is what the check wants
    assert not found(edit("    from_tasks: true\n", "    from_tasks: true\n    reference: (Kèm "
                          "theo Quyết định số 09/QĐ-UBND của Chủ tịch UBND tỉnh)\n"))


def test_the_json_schema_accepts_it_and_knows_who_owns_the_frame() -> None:
    validator = Draft202012Validator(json_schema())
    data = yaml.safe_load(FREE)
    assert [error.message for error in validator.iter_errors(data)] == []
    assert list(validator.iter_errors({**data, "signature": {"lines": ["CHỦ TỊCH"],
                                                             "name": "B"}}))
    without = {key: value for key, value in data.items() if key != "decision"}
    assert list(validator.iter_errors(without))  # then place, date … are required
