"""Points lettered "a.", "b." (as some plans write them) are read as points and give the plan
`point_style: letter_dot`, so extract -> render -> extract prints "a." where the source did;
"a)" (NĐ 30) stays the default and writes no key; a plan writing both forms is noted, the form
it uses more kept. In the classic structure (sub-tasks of section II) and in free sections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from support.docx_helpers import assert_schema_valid, open_docx

from plangen.check.api import check_docx
from plangen.extract import extract_bytes, extract_text
from plangen.render.docx import render_plan
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = (DATA / "seeds" / "000_90d6a1797ac0299c.txt").read_text(encoding="utf-8")
SUBTASKS = ("a) Xây dựng chiến lược của tỉnh", "b) Xây dựng tiêu chuẩn, quy chuẩn")
FREE_POINTS = ("a) Xây dựng cơ sở dữ liệu về trí tuệ", "b) Kết nối với cơ sở dữ liệu quốc gia")
FREE = (Path(__file__).resolve().parent / "test_extract_lettered_roles.py").read_text(
    encoding="utf-8")


def _free_source() -> str:
    """The free plan of test_extract_lettered_roles (seed 000's tasks under "II. MỤC TIÊU")."""
    start = FREE.index('FREE = """') + len('FREE = """')
    return FREE[start:FREE.index('"""', start)].replace("\\\n", "")


def _dotted(text: str, starts: tuple[str, ...]) -> str:
    for start in starts:
        assert text.count(start) == 1, start
        text = text.replace(start, start[0] + "." + start[2:])
    return text


def _extract(text: str) -> tuple[dict[str, Any], set[str]]:
    extraction = extract_text(text, "plan.txt")
    assert not extraction.errors, [i.format() for i in extraction.errors]
    data: dict[str, Any] = yaml.safe_load(extraction.yaml_text)
    return data, {note.code for note in extraction.notes}


def _render(data: dict[str, Any]) -> bytes:
    checked = check_loaded(load_spec_text(yaml.safe_dump(data, allow_unicode=True),
                                          "plan.yaml"))
    assert checked.plan is not None, [i.format() for i in checked.issues]
    rendered = render_plan(checked.plan)
    assert_schema_valid(rendered)
    # the plan's own "a." is no numbering finding (nor anything else)
    assert not check_docx(rendered, "plan.docx").failed
    return rendered


def _round_trip(text: str) -> tuple[dict[str, Any], list[str]]:
    data, _ = _extract(text)
    rendered = _render(data)
    again = yaml.safe_load(extract_bytes(rendered, "plan.docx").yaml_text)
    assert again.get("point_style") == data.get("point_style")
    key = "sections" if "sections" in data else "tasks"
    assert again[key] == data[key]
    return data, [p.text for p in open_docx(rendered).paragraphs if p.text]


def test_classic_sub_tasks_lettered_a_dot_come_back_a_dot() -> None:
    data, texts = _round_trip(_dotted(SEED, SUBTASKS))
    assert data["point_style"] == "letter_dot"
    assert any(t.startswith("a. Xây dựng chiến lược của tỉnh") for t in texts)
    assert any(t.startswith("b. Xây dựng tiêu chuẩn, quy chuẩn") for t in texts)
    assert not any(t.startswith(SUBTASKS) for t in texts)
    # the role lines keep their own "a)" (role_style), not the points' form
    assert "a) Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch." in texts


def test_classic_points_in_the_nd30_form_write_no_point_style() -> None:
    data, texts = _round_trip(SEED)
    assert "point_style" not in data
    assert any(t.startswith(SUBTASKS[0]) for t in texts)


def test_free_points_lettered_a_dot_come_back_a_dot() -> None:
    source = _free_source()
    assert source.count(FREE_POINTS[0]) == 1
    data, texts = _round_trip(_dotted(source, FREE_POINTS))
    assert data["point_style"] == "letter_dot"
    tasks = next(s for s in data["sections"] if s.get("role") == "tasks")["content"]
    assert [block.get("point") for block in tasks[2]["content"]] == [
        "Xây dựng cơ sở dữ liệu về trí tuệ nhân tạo của tỉnh.",
        "Kết nối với cơ sở dữ liệu quốc gia."]
    assert "a. Xây dựng cơ sở dữ liệu về trí tuệ nhân tạo của tỉnh." in texts
    assert "b. Kết nối với cơ sở dữ liệu quốc gia." in texts
    assert "a) Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch." in texts


def test_free_points_in_the_nd30_form_write_no_point_style() -> None:
    data, codes = _extract(_free_source())
    assert "point_style" not in data and "extract_point_style_mixed" not in codes


def test_both_forms_are_noted_and_the_more_used_kept() -> None:
    one_dot, codes = _extract(_dotted(SEED, SUBTASKS[:1]))
    assert "extract_point_style_mixed" in codes
    # one "a." and one "b)": a tie keeps NĐ 30's form
    assert "point_style" not in one_dot
    both, codes = _extract(_dotted(SEED, SUBTASKS))
    assert "extract_point_style_mixed" not in codes and both["point_style"] == "letter_dot"
