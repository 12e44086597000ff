"""Numbering, role lines and punctuation decided by plangen.render.context (no Word file needed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from plangen.freeform import Roles
from plangen.model import DEFAULT_LABELS, Plan
from plangen.render.context import (
    build_context,
    join_agencies,
    recipient_lines,
    role_lines,
    strip_marker,
)
from plangen.vntext import BLANK

PlanMaker = Callable[[dict[str, Any]], Plan]


def _texts(make_plan: PlanMaker, data: dict[str, Any]) -> list[str]:
    return [para.text for para in build_context(make_plan(data)).body]


def test_sections_numbered_in_roman_numerals_and_uppercased(
        make_plan: PlanMaker, plan_data: dict[str, Any]) -> None:
    plan_data["funding"]["heading"] = "Kinh phí"
    kinds = [(p.kind, p.text) for p in build_context(make_plan(plan_data)).body]
    headings = [text for kind, text in kinds if kind == "heading"]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ VÀ GIẢI PHÁP", "III. KINH PHÍ",
                        "IV. TỔ CHỨC THỰC HIỆN"]


def test_points_follow_vietnamese_letter_order(make_plan: PlanMaker,
                                               plan_data: dict[str, Any]) -> None:
    plan_data["purpose"]["items"][1]["points"] = [f"Ý {i}." for i in range(7)]
    texts = _texts(make_plan, plan_data)
    points = [t.split(")")[0] for t in texts if t.startswith(tuple("abcdđeg")) and ")" in t[:3]]
    assert points[:7] == ["a", "b", "c", "d", "đ", "e", "g"]


def test_titled_and_untitled_items(make_plan: PlanMaker, plan_data: dict[str, Any]) -> None:
    plan_data["organization"]["items"] = ["Sở A theo dõi.", {"title": "Sở B", "bullets": ["- X;"]}]
    body = build_context(make_plan(plan_data)).body
    first = next(p for p in body if p.text.startswith("1. Sở A"))
    second = next(p for p in body if p.text == "2. Sở B")
    assert (first.kind, second.kind) == ("item", "item_title")
    assert any(p.text == "- X;" and p.kind == "bullet" for p in body)


def test_untitled_item_of_bullets_numbers_its_first_line(make_plan: PlanMaker,
                                                         plan_data: dict[str, Any]) -> None:
    plan_data["organization"]["items"] = [{"bullets": ["- Sở A theo dõi.", "Sở B phối hợp."]}]
    texts = _texts(make_plan, plan_data)
    start = texts.index("1. Sở A theo dõi.")
    assert texts[start + 1] == "- Sở B phối hợp."


def test_unnumbered_section_prints_plain_paragraphs(make_plan: PlanMaker,
                                                    plan_data: dict[str, Any]) -> None:
    plan_data["funding"] = {"items": ["Ngân sách tỉnh.", "Nguồn hợp pháp khác."],
                            "numbered": False}
    texts = _texts(make_plan, plan_data)
    assert "Ngân sách tỉnh." in texts and "Nguồn hợp pháp khác." in texts
    assert not any(t.startswith("1. Ngân sách") for t in texts)


def test_role_lines_dash_style(make_plan: PlanMaker, plan_data: dict[str, Any]) -> None:
    texts = _texts(make_plan, plan_data)
    start = texts.index("1. Tuyên truyền")
    assert texts[start + 1:start + 4] == [
        "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.",
        "- Cơ quan phối hợp: Sở Tư pháp; Công an tỉnh.",
        "- Thời gian thực hiện: Năm 2026.",
    ]


def test_role_lines_letter_style_and_own_labels(make_plan: PlanMaker,
                                                plan_data: dict[str, Any]) -> None:
    task = plan_data["tasks"]["items"][0]
    task["role_style"] = "letter"
    task["labels"] = {"lead": "Đơn vị chủ trì"}
    task["product"] = "Tài liệu"
    texts = _texts(make_plan, plan_data)
    start = texts.index("1. Tuyên truyền")
    assert texts[start + 1:start + 5] == [
        "a) Đơn vị chủ trì: Sở Khoa học và Công nghệ.",
        "b) Cơ quan phối hợp: Sở Tư pháp; Công an tỉnh.",
        "c) Thời gian thực hiện: Năm 2026.",
        "d) Sản phẩm: Tài liệu.",
    ]


def test_content_named_items_and_other_roles(make_plan: PlanMaker,
                                             plan_data: dict[str, Any]) -> None:
    task = plan_data["tasks"]["items"][0]
    task.update(content=["Hội nghị;", "- Tài liệu."], named_items=["Tập huấn;", "Tuyên truyền."],
                implementer=["UBND các xã"], supervisor="Sở Nội vụ")
    texts = _texts(make_plan, plan_data)
    start = texts.index("1. Tuyên truyền")
    assert texts[start + 1:start + 9] == [
        "- Nội dung:",
        "+ Hội nghị;",
        "+ Tài liệu.",
        "- Tên nhiệm vụ: (1) Tập huấn; (2) Tuyên truyền.",
        "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.",
        "- Đơn vị thực hiện: UBND các xã.",
        "- Cơ quan phối hợp: Sở Tư pháp; Công an tỉnh.",
        "- Cơ quan đôn đốc, hướng dẫn: Sở Nội vụ.",
    ]


def test_subtasks_as_points_with_their_own_roles(make_plan: PlanMaker,
                                                 plan_data: dict[str, Any]) -> None:
    texts = _texts(make_plan, plan_data)
    start = texts.index("2. Rà soát")
    assert texts[start + 1:start + 7] == [
        "a) Rà soát văn bản", "- Cơ quan chủ trì: Sở Tư pháp.",
        "- Thời gian thực hiện: Thường xuyên.",
        "b) Rà soát dữ liệu", "- Cơ quan chủ trì: Công an tỉnh.",
        "- Thời gian thực hiện: Quý III năm 2026.",
    ]


def test_basis_lines_are_their_own_kind(make_plan: PlanMaker, plan_data: dict[str, Any]) -> None:
    body = build_context(make_plan(plan_data)).body
    assert [p.kind for p in body[:2]] == ["basis", "text"]


def test_recipient_punctuation() -> None:
    lines = recipient_lines(("- Bộ KH&CN (b/c);", "Các sở.", "Lưu: VT, KGVX;"))
    assert lines == ("- Bộ KH&CN (b/c);", "- Các sở;", "- Lưu: VT, KGVX.")


def test_a_recipient_group_keeps_its_colon_before_its_sub_items() -> None:
    lines = recipient_lines(("Bộ Y tế (b/c)", "Các đơn vị trực thuộc:", "+ Trung tâm A",
                             "+ Trung tâm B;", "Các phòng:", "Lưu: VT, NVY"))
    # ":" stays where "+ " lines follow; with nothing listed under it, it is a plain line
    assert lines == ("- Bộ Y tế (b/c);", "- Các đơn vị trực thuộc:", "+ Trung tâm A;",
                     "+ Trung tâm B;", "- Các phòng;", "- Lưu: VT, NVY.")


def test_agencies_joined_with_semicolons() -> None:
    assert join_agencies(("Sở A;", "Sở B.", "Sở C")) == "Sở A; Sở B; Sở C."
    assert strip_marker("+ Hội nghị") == "Hội nghị"
    assert strip_marker("-5% ngân sách") == "-5% ngân sách"


def test_one_role_layout_for_a_task_and_a_free_block() -> None:
    roles = Roles(named_items=("- Việc một;", "Việc hai"), lead=("Sở A",),
                  partners=("Sở B;", "Sở C"), timeline="Năm 2026", labels=dict(DEFAULT_LABELS),
                  style="letter", items={"partners": "plus"})
    # a task's content first, an open role line with its agencies one a line, a last line
    # (a free block's deadline) taking the next letter
    assert list(role_lines(roles, ("- Họp",), last="Thời hạn hoàn thành: Quý I.")) == [
        ("role", "a) Nội dung:"), ("plus", "+ Họp"),
        ("role", "b) Tên nhiệm vụ: (1) Việc một; (2) Việc hai."),
        ("role", "c) Cơ quan chủ trì: Sở A."),
        ("role", "d) Cơ quan phối hợp:"), ("plus", "+ Sở B;"), ("plus", "+ Sở C."),
        ("role", "đ) Thời gian thực hiện: Năm 2026."),
        ("role", "e) Thời hạn hoàn thành: Quý I."),
    ]
    # a free block prints the marker typed before a named item as written
    assert next(role_lines(roles, strip_named=False)) == (
        "role", "a) Tên nhiệm vụ: (1) - Việc một; (2) Việc hai.")
    plain = Roles(lead=("Sở A",), product="Báo cáo", labels=dict(DEFAULT_LABELS), style="plain")
    assert [text for _, text in role_lines(plain)] == [
        "Cơ quan chủ trì: Sở A.", "Sản phẩm: Báo cáo."]


def test_header_values(make_plan: PlanMaker, plan_data: dict[str, Any]) -> None:
    context = build_context(make_plan(plan_data))
    assert (context.number, context.date) == ("05", "ngày 05 tháng 02 năm 2026")
    assert context.issuer.header_lines == ("ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK")
    assert context.created == "2026-02-05T00:00:00Z"
    del plan_data["number"]
    plan_data["date"] = {"year": 2026}
    context = build_context(make_plan(plan_data))
    assert context.number == BLANK
    assert context.date == f"ngày {BLANK} tháng {BLANK} năm 2026"


def test_appendix_reference_filled_from_the_header(make_plan: PlanMaker,
                                                   plan_data: dict[str, Any]) -> None:
    plan_data["appendix"] = {"title": "Phân công nhiệm vụ", "from_tasks": True}
    appendix = build_context(make_plan(plan_data)).appendix
    assert appendix is not None
    assert appendix.reference == ("(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 02 năm 2026 "
                                  "của Ủy ban nhân dân tỉnh Đắk Lắk)")
    assert appendix.title == "PHÂN CÔNG NHIỆM VỤ"
    assert appendix.rows[0] == (("1",), ("Tuyên truyền",), ("Sở Khoa học và Công nghệ",),
                                ("Sở Tư pháp", "Công an tỉnh"), ("Năm 2026",), ())
    plan_data["appendix"]["reference"] = "Kèm theo Kế hoạch số 213/KH-UBND"
    appendix = build_context(make_plan(plan_data)).appendix
    assert appendix is not None and appendix.reference == "(Kèm theo Kế hoạch số 213/KH-UBND)"
