"""Agencies listed under an open role line ("- Đơn vị phối hợp:" then "+ Sở …"): they stay
under that role line in the model, the render and an extract round trip."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from support.docx_helpers import open_docx

from plangen.check.api import check_docx
from plangen.extract import extract_bytes, extract_text
from plangen.messages import format_path
from plangen.model import build_plan
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan
from plangen.spec.loader import load_spec_text
from plangen.spec.validate import validate_spec

SOURCE = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đắk Lắk, ngày 05 tháng 02 năm 2026
KẾ HOẠCH
Phòng, chống thiên tai năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Bảo đảm an toàn cho Nhân dân.
II. MỤC TIÊU
Giảm thiệt hại do thiên tai.
III. NHIỆM VỤ
1. Tuyên truyền phòng, chống thiên tai
a) Tuyên truyền trên báo chí
- Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.
- Đơn vị phối hợp:
+ Sở Văn hóa, Thể thao và Du lịch;
+ Ủy ban nhân dân các xã, phường.
- Thời gian thực hiện: Năm 2026.
b) Diễn tập
- Cơ quan chủ trì: Bộ Chỉ huy Quân sự tỉnh.
IV. KINH PHÍ
Kinh phí từ ngân sách tỉnh.
V. TỔ CHỨC THỰC HIỆN
Các sở, ngành thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""
LISTED = ["+ Sở Văn hóa, Thể thao và Du lịch;", "+ Ủy ban nhân dân các xã, phường."]


def _point(data: dict) -> dict:  # type: ignore[type-arg]
    tasks = next(s for s in data["sections"] if s.get("role") == "tasks")
    return tasks["content"][0]["content"][0]  # type: ignore[no-any-return]


def test_extract_keeps_the_listed_agencies_under_their_role_line() -> None:
    extraction = extract_text(SOURCE, "plan.txt")
    assert not extraction.errors, [i.format() for i in extraction.errors]
    point = _point(yaml.safe_load(extraction.yaml_text))
    assert point["partners"] == ["Sở Văn hóa, Thể thao và Du lịch",
                                 "Ủy ban nhân dân các xã, phường"]
    assert point["role_items"] == {"partners": "plus"}
    # the role line after the list is the same block's, not the last agency's
    assert point["timeline"] == "Năm 2026" and "content" not in point


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in open_docx(data).paragraphs if p.text]


def test_render_prints_an_open_role_line_then_one_agency_a_line(tmp_path: Path) -> None:
    spec = tmp_path / "plan.yaml"
    spec.write_text(extract_text(SOURCE, "plan.txt").yaml_text, encoding="utf-8")
    data = Renderer().render(load_plan(spec))
    texts = _paragraphs(data)
    start = texts.index("- Đơn vị phối hợp:")
    assert texts[start - 1] == "- Đơn vị chủ trì: Sở Nông nghiệp và Môi trường."
    assert texts[start + 1:start + 3] == LISTED
    assert texts[start + 3] == "- Thời gian thực hiện: Năm 2026."
    assert not check_docx(data, "x.docx").failed
    # and the tasks still know who helps
    plan = load_plan(spec)
    assert plan.tasks.items[0].roles.partners == ("Sở Văn hóa, Thể thao và Du lịch",
                                            "Ủy ban nhân dân các xã, phường")


def test_round_trip_through_docx_keeps_the_list(tmp_path: Path) -> None:
    spec = tmp_path / "plan.yaml"
    spec.write_text(extract_text(SOURCE, "plan.txt").yaml_text, encoding="utf-8")
    first = Renderer().render(load_plan(spec))
    again = tmp_path / "again.yaml"
    again.write_text(extract_bytes(first, "plan.docx").yaml_text, encoding="utf-8")
    assert _paragraphs(Renderer().render(load_plan(again))) == _paragraphs(first)


def test_dashes_under_a_dashed_role_line() -> None:
    """"- Sở …" under "- Đơn vị phối hợp:": items, up to the next role line."""
    text = SOURCE.replace("+ Sở Văn hóa, Thể thao và Du lịch;\n+ Ủy ban nhân dân các xã, phường.",
                          "- Sở Văn hóa, Thể thao và Du lịch;\n- Ủy ban nhân dân các xã, phường.")
    assert text != SOURCE
    point = _point(yaml.safe_load(extract_text(text, "plan.txt").yaml_text))
    assert point["role_items"] == {"partners": "bullet"}
    assert len(point["partners"]) == 2 and point["timeline"] == "Năm 2026"


def test_an_open_role_line_with_nothing_under_it_stays_a_line() -> None:
    text = SOURCE.replace("+ Sở Văn hóa, Thể thao và Du lịch;\n"
                          "+ Ủy ban nhân dân các xã, phường.\n", "")
    extraction = extract_text(text, "plan.txt")
    assert not extraction.errors, [i.format() for i in extraction.errors]
    assert "Đơn vị phối hợp:" in extraction.yaml_text and "role_items" not in \
        extraction.yaml_text


@pytest.mark.parametrize(("items", "code", "path"), [
    ("{partners: plus}", None, None),
    ("{implementer: plus}", "role_items_no_role", "role_items.implementer"),
    ("{partners: star}", "allowed", "role_items.partners"),
    ("{timeline: plus}", "allowed", "role_items"),
])
def test_role_items_are_validated(items: str, code: str | None, path: str | None) -> None:
    base = extract_text(SOURCE, "plan.txt").yaml_text
    text = re.sub(r"role_items:\n\s+partners: plus", f"role_items: {items}", base)
    assert text != base
    errors = [i for i in validate_spec(load_spec_text(text, "plan.yaml", collect=True))
              if i.severity == "error"]
    if code is None:
        assert errors == []
        build_plan(load_spec_text(text).data)
    else:
        assert any(i.code.endswith(code) and path in format_path(i.path) for i in errors), \
            [(i.code, format_path(i.path)) for i in errors]
