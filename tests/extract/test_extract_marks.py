"""NĐ 30's first-page marks read back: the urgency stamp from the header lines (never taken
for the agency's name), the circulation note from the first page's header or the header
lines, the contact lines from the first page's footer; a secrecy mark reported as left out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import APPENDIX, SPECS

from plangen.extract import extract_bytes, extract_text
from plangen.model import Plan
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan

PlanMaker = Callable[[dict[str, Any]], Plan]
CONTACT = ["Địa chỉ: 15 Lê Duẩn, phường Buôn Ma Thuột, tỉnh Đắk Lắk; ĐT: 0262 3852 555",
           "Thư điện tử: skhcn@daklak.gov.vn"]
MARKS = {"urgency": "THƯỢNG KHẨN", "circulation": "LƯU HÀNH NỘI BỘ", "contact": CONTACT}


@pytest.mark.parametrize("with_appendix", [False, True])
def test_marks_make_the_round_trip(make_plan: PlanMaker, plan_data: dict[str, Any],
                                   renderer: Renderer, with_appendix: bool) -> None:
    data = {**plan_data, **MARKS, **({"appendix": APPENDIX} if with_appendix else {})}
    extraction = extract_bytes(renderer.render(make_plan(data)), "marked.docx")
    assert not extraction.errors, [i.format() for i in extraction.errors]
    assert {key: extraction.data.get(key) for key in MARKS} == MARKS
    assert extraction.data["issuer"] == {"name": "Ủy ban nhân dân tỉnh Đắk Lắk"}
    assert not [note for note in extraction.notes if note.kind in ("todo", "lost")]
    # the keys come where the spec writes them: after the recipients, before the signature
    keys = list(extraction.data)
    assert keys.index("recipients") < keys.index("urgency") < keys.index("signature")


def test_a_decision_s_marks_are_the_document_s(renderer: Renderer,
                                               write_spec: Callable[..., Path]) -> None:
    data = yaml.safe_load((SPECS / "bo-vhttdl-qd4385.yaml").read_text(encoding="utf-8"))
    data.update(urgency="HỎA TỐC", contact=CONTACT[:1])
    extraction = extract_bytes(renderer.render(load_plan(write_spec(data))), "qd.docx")
    assert extraction.data.get("urgency") == "HỎA TỐC"
    assert extraction.data.get("contact") == CONTACT[0]
    assert "urgency" not in extraction.data["decision"]
    assert "HỎA" not in str(extraction.data["issuer"])


HEADER = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Đắk Lắk, ngày 05 tháng 3 năm 2026
{mark}
KẾ HOẠCH
Triển khai thi hành Luật Trí tuệ nhân tạo
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích: triển khai kịp thời.
II. NHIỆM VỤ
1. Tuyên truyền
- Cơ quan chủ trì: Sở Tư pháp.
III. KINH PHÍ
Ngân sách nhà nước.
IV. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ theo dõi.
Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""


@pytest.mark.parametrize(("mark", "key", "value"), [
    ("KHẨN", "urgency", "KHẨN"),
    ("HOẢ TỐC", "urgency", "HỎA TỐC"),
    ("LƯU HÀNH NỘI BỘ", "circulation", "LƯU HÀNH NỘI BỘ"),
])
def test_a_text_plan_s_mark_is_read_not_taken_for_the_agency(mark: str, key: str,
                                                              value: str) -> None:
    extraction = extract_text(HEADER.format(mark=mark), "ke-hoach.txt")
    assert extraction.data.get(key) == value
    assert extraction.data["issuer"]["name"] == "Ủy ban nhân dân tỉnh Đắk Lắk"


def test_a_secrecy_mark_is_reported_as_left_out() -> None:
    extraction = extract_text(HEADER.format(mark="MẬT"), "ke-hoach.txt")
    assert "MẬT" not in str(extraction.data["issuer"])
    lost = [note for note in extraction.notes if note.kind == "lost"]
    assert any("MẬT" in str(note.params.get("text")) for note in lost)
