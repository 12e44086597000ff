"""Points as a plan letters them, from `point_style`: "letter" (the default, NĐ 30) prints
"a)", "b)"; "letter_dot" prints "a.", "b." for every point of the plan (the classic sections'
`points`, the sub-tasks of section II, a free plan's `point:` blocks); read back from the
.docx with python-docx, and `check` says nothing about the plan's own style. A bad value is an
error at its line and column that says what each style prints."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from plangen.check.api import check_docx
from plangen.render.docx import Renderer
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text
from plangen.spec.validate import validate_spec

DATA = Path(__file__).resolve().parents[1] / "data"
CLASSIC = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8").replace(
    "      bullets:\n        - Triển khai kịp thời, đồng bộ, hiệu quả.\n",
    "      points:\n        - Triển khai kịp thời, đồng bộ, hiệu quả.\n"
    "        - Phân công rõ trách nhiệm.\n").replace(
    "      timeline: Năm 2026\n",
    "      timeline: Năm 2026\n      subtasks:\n"
    "        - {id: thu-thap, title: Thu thập dữ liệu, lead: Sở Tư pháp}\n"
    "        - {id: ket-noi, title: Kết nối dữ liệu, lead: Công an tỉnh}\n")
FREE = (DATA / "free" / "free-minimal.yaml").read_text(encoding="utf-8").replace(
    "      - item: Đề nghị Ủy ban Mặt trận",
    "      - item: Yêu cầu\n        content:\n          - point: Kịp thời.\n"
    "          - point: Đúng đối tượng.\n      - item: Đề nghị Ủy ban Mặt trận")


def _styled(text: str, style: str | None) -> str:
    if style is None:
        return text
    return text.replace("\nsummary:", f"\npoint_style: {style}\nsummary:")


def _render(renderer: Renderer, text: str) -> tuple[list[str], set[str]]:
    checked = check_loaded(load_spec_text(text, "plan.yaml"))
    assert checked.plan is not None, [issue.format() for issue in checked.issues]
    data = renderer.render(checked.plan)  # conftest: validated against the bundled XSDs
    failed = {result.id for result in check_docx(data, "plan.docx", schemas=None).failed}
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text], failed


@pytest.mark.parametrize(("style", "mark"), [(None, ")"), ("letter", ")"), ("letter_dot", ".")])
def test_classic_points_and_subtasks_print_the_plan_s_point_style(
        renderer: Renderer, style: str | None, mark: str) -> None:
    assert CLASSIC.count("points:") == 1 and "subtasks:" in CLASSIC
    texts, failed = _render(renderer, _styled(CLASSIC, style))
    assert f"a{mark} Triển khai kịp thời, đồng bộ, hiệu quả." in texts
    assert f"b{mark} Phân công rõ trách nhiệm." in texts
    assert f"a{mark} Thu thập dữ liệu" in texts and f"b{mark} Kết nối dữ liệu" in texts
    other = "." if mark == ")" else ")"
    assert not any(text.startswith((f"a{other} ", f"b{other} ")) for text in texts)
    # the plan's own style is no numbering finding
    assert "numbering" not in failed, failed


@pytest.mark.parametrize(("style", "mark"), [(None, ")"), ("letter_dot", ".")])
def test_free_point_blocks_print_the_plan_s_point_style(
        renderer: Renderer, style: str | None, mark: str) -> None:
    assert FREE.count("- point:") == 2
    texts, failed = _render(renderer, _styled(FREE, style))
    assert [f"a{mark} Kịp thời.", f"b{mark} Đúng đối tượng."] == [
        text for text in texts if text[1:2] in ").." and text.endswith(("Kịp thời.", "tượng."))]
    assert "numbering" not in failed, failed


@pytest.mark.parametrize("value", ["dot", "a.", "Letter_dot"])
def test_a_bad_point_style_says_what_each_style_prints(value: str) -> None:
    text = _styled(CLASSIC, value)
    issues = [issue for issue in validate_spec(load_spec_text(text, "plan.yaml", collect=True))
              if issue.severity == "error"]
    (issue,) = issues
    assert issue.code == "bad_point_style"
    line = next(number for number, written in enumerate(text.splitlines(), 1)
                if written.startswith("point_style:"))
    assert issue.location is not None
    assert (issue.location.line, issue.location.column) == (line, len("point_style: ") + 1)
    said = issue.format("vi")
    assert f"Kiểu đánh chữ cái các điểm \"{value}\" không có" in said
    assert "letter (\"a) …\"" in said and "letter_dot (\"a. …\"" in said
    assert f"No point style \"{value}\"" in issue.format("en")
