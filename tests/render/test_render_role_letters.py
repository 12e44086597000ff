"""Role lines lettered the way a plan writes them, from `role_style` written by hand:
"letter" prints "a)", "b)" (the NĐ 30 point form), "letter_dot" prints "a.", "b.", the deadline
after them taking the next letter; in the classic tasks and in free sections, read back from
the .docx with python-docx, and `check` finds nothing to say about them."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from plangen.check.api import check_docx
from plangen.render.docx import Renderer
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text

DATA = Path(__file__).resolve().parents[1] / "data"
CLASSIC = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
FREE = (DATA / "free" / "free-minimal.yaml").read_text(encoding="utf-8")
MARKS = {"letter": ")", "letter_dot": "."}


def _render(renderer: Renderer, text: str) -> tuple[list[str], set[str]]:
    """The paragraphs of the rendered spec, and the checks its .docx fails."""
    checked = check_loaded(load_spec_text(text, "plan.yaml"))
    assert checked.plan is not None, [issue.format() for issue in checked.issues]
    data = renderer.render(checked.plan)  # conftest: validated against the bundled XSDs
    failed = {result.id for result in check_docx(data, "plan.docx", schemas=None).failed}
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text], failed


def _paragraphs(renderer: Renderer, text: str) -> list[str]:
    """The paragraphs, the lettered role lines failing no check the plan without them
    passes (the free example's "V/v" summary is a finding of its own)."""
    texts, failed = _render(renderer, text)
    base = CLASSIC if text.startswith(CLASSIC[:40]) else FREE
    assert failed == _render(renderer, base)[1] <= {"title"}, failed
    return texts


@pytest.mark.parametrize("style", MARKS)
def test_classic_tasks_print_their_letter_style(renderer: Renderer, style: str) -> None:
    text = CLASSIC.replace("tasks:\n  items:\n", f"tasks:\n  role_style: {style}\n  items:\n")
    mark = MARKS[style]
    texts = _paragraphs(renderer, text)
    start = texts.index("1. Tuyên truyền, phổ biến pháp luật")
    assert texts[start + 1:start + 4] == [
        f"a{mark} Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.",
        f"b{mark} Cơ quan phối hợp: Các sở, ban, ngành; Ủy ban nhân dân các xã, phường.",
        f"c{mark} Thời gian thực hiện: Năm 2026 và các năm tiếp theo."]


def test_a_task_s_own_style_overrides_the_section_s(renderer: Renderer) -> None:
    text = CLASSIC.replace("tasks:\n  items:\n", "tasks:\n  role_style: letter_dot\n  items:\n") \
        .replace("      title: Xây dựng cơ sở dữ liệu\n",
                 "      title: Xây dựng cơ sở dữ liệu\n      role_style: letter\n")
    texts = _paragraphs(renderer, text)
    assert "a. Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch." in texts
    assert "a) Cơ quan chủ trì: Sở Khoa học và Công nghệ." in texts


@pytest.mark.parametrize("style", MARKS)
def test_free_section_prints_its_letter_style_and_the_deadline_takes_the_next(
        renderer: Renderer, style: str) -> None:
    text = FREE.replace("    role: tasks\n", f"    role: tasks\n    role_style: {style}\n") \
        .replace("            partners: [Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh]\n",
                 "            partners: [Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh]\n"
                 "            deadline: Trước ngày 05/12/2025\n")
    mark = MARKS[style]
    texts = _paragraphs(renderer, text)
    start = texts.index("- Phân bổ hàng hóa theo mức độ thiệt hại.")
    assert texts[start + 1:start + 4] == [
        f"a{mark} Cơ quan chủ trì: Sở Công Thương.",
        f"b{mark} Cơ quan phối hợp: Công an tỉnh; Bộ Chỉ huy Quân sự tỉnh.",
        f"c{mark} Thời hạn hoàn thành: Trước ngày 05/12/2025."]


def test_without_a_role_style_the_lines_keep_their_dash(renderer: Renderer) -> None:
    texts = _paragraphs(renderer, FREE)
    start = texts.index("- Phân bổ hàng hóa theo mức độ thiệt hại.")
    assert texts[start + 1] == "- Cơ quan chủ trì: Sở Công Thương."
