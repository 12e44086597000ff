"""A free plan laid out in parts (NĐ 30 PL1 II.6.c–đ): "Phần I", "Phần II" centred and bold on
lines of their own, each part's title in capitals under its label, the sections numbered from
I again in each part; the check reads the layout so, and refuses it broken."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.docx_helpers import (
    assert_schema_valid,
    body_paragraphs,
    find_paragraph,
    look,
    open_docx,
    rezipped,
)

from plangen.check.api import check_docx
from plangen.errors import SpecError
from plangen.model import Plan
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan
from plangen.track.tasks import assignments

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "specs" / "variations-parts.yaml"
DOCUMENT = "word/document.xml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(SPEC)


@pytest.fixture(scope="module")
def rendered(plan: Plan, renderer: Renderer) -> bytes:
    return renderer.render(plan)


def test_parts_print_their_label_and_title_and_number_sections_again(rendered: bytes) -> None:
    assert_schema_valid(rendered)
    text = [p.text for p in body_paragraphs(open_docx(rendered))]
    first, second = text.index("Phần I"), text.index("Phần II")
    assert text[first + 1:first + 3] == ["KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025",
                                         "I. KẾT QUẢ ĐẠT ĐƯỢC"]
    assert "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN" in text[first:second]
    assert text[second + 1:second + 3] == ["KẾ HOẠCH NĂM 2026", "I. MỤC ĐÍCH, YÊU CẦU"]
    assert "IV. TỔ CHỨC THỰC HIỆN" in text[second:]


def test_a_part_s_lines_are_centred_bold_and_its_label_in_ordinary_case(rendered: bytes) -> None:
    doc = open_docx(rendered)
    for start in ("Phần I", "KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025"):
        found = look(doc, find_paragraph(doc, start))
        assert found.align == "center" and found.bold and not found.italic, start
        assert 13 <= found.size <= 14


def test_the_plan_in_parts_passes_the_check(rendered: bytes) -> None:
    report = check_docx(rendered)
    assert report.clean, [r for r in report.results if r.status not in ("pass", "skip")]


def _document(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(DOCUMENT).decode()


def _status(data: bytes, check_id: str) -> str:
    return next(r.status for r in check_docx(data, schemas=None).results if r.id == check_id)


def test_without_its_part_line_the_sections_numbered_again_are_out_of_order(
        rendered: bytes) -> None:
    xml = _document(rendered)
    assert xml.count(">Phần II<") == 1
    broken = rezipped(rendered, {DOCUMENT: xml.replace(">Phần II<", ">Ghi chú<").encode()})
    assert _status(broken, "numbering") == "fail"


def test_a_part_s_title_not_bold_or_not_in_capitals_fails_the_headings_rule(
        rendered: bytes) -> None:
    xml = _document(rendered)
    title = ">KẾ HOẠCH NĂM 2026<"
    assert xml.count(title) == 1
    lowered = rezipped(rendered, {DOCUMENT: xml.replace(title, ">Kế hoạch năm 2026<").encode()})
    assert _status(lowered, "headings") == "fail"


def test_tracked_tasks_are_named_with_their_part(plan: Plan) -> None:
    numbers = [task.number for task in assignments(plan).tasks]
    assert numbers == ["Phần II, II.1", "Phần II, II.2"]


def _spec(tmp_path: Path, change: Any) -> Path:
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    change(data["sections"])
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "code", "where"), [
    (lambda sections: sections[0].pop("part"), "part_not_first", "sections[1]"),
    (lambda sections: sections[3].update(part="Phần II: Kế hoạch năm 2026"), "part_typed_label",
     "sections[4].part"),
    (lambda sections: sections[3].update(part="2026"), "no_letters", "sections[4].part")])
def test_a_part_is_refused_at_its_line(tmp_path: Path, change: Any, code: str,
                                       where: str) -> None:
    with pytest.raises(SpecError) as caught:
        load_plan(_spec(tmp_path, change))
    lines = [issue.format("vi") for issue in caught.value.issues if issue.code == code]
    assert len(lines) == 1 and f"  {where}  " in lines[0], lines


def _one_line_part(xml: str) -> str:
    """"Phần II" and its title on one line, as some plans type them."""
    from lxml import etree
    root = etree.fromstring(xml.encode())
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    paragraphs = [p for p in root.iter(f"{w}p")
                  if "".join(t.text or "" for t in p.iter(f"{w}t")) == "KẾ HOẠCH NĂM 2026"]
    assert len(paragraphs) == 1
    paragraphs[0].getparent().remove(paragraphs[0])
    return etree.tostring(root, encoding="unicode").replace(">Phần II<",
                                                            ">Phần II. KẾ HOẠCH NĂM 2026<")


@pytest.mark.parametrize("form", ["as plangen prints it", "PHẦN THỨ NHẤT, title on one line"])
def test_extract_reads_the_parts_back(rendered: bytes, form: str) -> None:
    """A plan laid out in parts extracts to sections that open their parts (the sections of
    each part numbered from I again are sections, not a step back), and renders the same
    parts."""
    from plangen.extract import extract_bytes
    from plangen.spec.api import check_loaded
    from plangen.spec.loader import load_spec_text
    data = rendered
    if form != "as plangen prints it":
        xml = _one_line_part(_document(rendered)).replace(">Phần I<", ">PHẦN THỨ NHẤT<")
        data = rezipped(rendered, {DOCUMENT: xml.encode()})
    extraction = extract_bytes(data, "phan.docx")
    sections = extraction.data["sections"]
    assert [(s.get("part"), s["heading"]) for s in sections][:4] == [
        ("KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025", "KẾT QUẢ ĐẠT ĐƯỢC"),
        (None, "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"),
        ("KẾ HOẠCH NĂM 2026", "MỤC ĐÍCH, YÊU CẦU"), (None, "NHIỆM VỤ, GIẢI PHÁP")]
    assert len(sections) == 6 and "Phần" not in str(extraction.data.get("preamble"))
    relabelled = [note.path for note in extraction.notes if note.code == "extract_part_label"]
    assert relabelled == ([] if form == "as plangen prints it" else [("sections", 0, "part")])
    checked = check_loaded(load_spec_text(extraction.yaml_text))
    assert checked.plan is not None and not checked.errors
    assert [s.part for s in checked.plan.sections] == [
        "KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025", None, "KẾ HOẠCH NĂM 2026", None, None, None]


# A part whose items come right under its title, as plans in parts often are (no "I."
# section inside part I or part III), written by hand and as extract reads it from text
PARTS_TEXT = """UBND TỈNH QUẢNG TRỊ
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 112/KH-SKHCN
Quảng Trị, ngày 20 tháng 3 năm 2026
KẾ HOẠCH
Tổ chức các hoạt động hưởng ứng Ngày Khoa học và Công nghệ Việt Nam năm 2026
Thực hiện Công văn số 1234/BKHCN-VP của Bộ Khoa học và Công nghệ, Sở xây dựng Kế hoạch như sau:
PHẦN THỨ NHẤT
MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Tôn vinh đội ngũ trí thức khoa học và công nghệ của tỉnh.
2. Yêu cầu
Các hoạt động thiết thực, tiết kiệm, hiệu quả.
PHẦN THỨ HAI
NỘI DUNG HOẠT ĐỘNG
I. HOẠT ĐỘNG TUYÊN TRUYỀN
1. Treo băng rôn, khẩu hiệu tại trụ sở cơ quan
- Đơn vị thực hiện: Văn phòng Sở.
- Thời gian: Từ ngày 10/5 đến ngày 20/5/2026.
II. TỔ CHỨC HỘI THẢO
1. Hội thảo khoa học về đổi mới sáng tạo
- Đơn vị chủ trì: Phòng Quản lý khoa học.
PHẦN THỨ BA
TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở chủ trì, phối hợp các phòng, đơn vị triển khai Kế hoạch.
2. Kinh phí thực hiện từ nguồn chi thường xuyên năm 2026 của Sở.
Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, VP.
GIÁM ĐỐC
Nguyễn Văn Hùng
"""


@pytest.fixture(scope="module")
def text_extraction() -> Any:
    from plangen.extract import extract_text
    return extract_text(PARTS_TEXT, "phan.txt")


def test_extract_reads_parts_with_and_without_sections_of_their_own(
        text_extraction: Any) -> None:
    sections = text_extraction.data["sections"]
    assert [(s.get("part"), s.get("heading"), s.get("role")) for s in sections] == [
        ("MỤC ĐÍCH, YÊU CẦU", None, "purpose"),
        ("NỘI DUNG HOẠT ĐỘNG", "HOẠT ĐỘNG TUYÊN TRUYỀN", "tasks"),  # the part's title
        (None, "TỔ CHỨC HỘI THẢO", None),
        ("TỔ CHỨC THỰC HIỆN", None, "organization")]
    assert "preamble" in text_extraction.data
    assert not any("PHẦN" in line for line in text_extraction.data["preamble"])
    assert "khoản 2 phần III" in text_extraction.data["missing"]["funding"]
    assert set(text_extraction.data["missing"]) == {"funding"}
    relabelled = [(note.path, note.params["printed"]) for note in text_extraction.notes
                  if note.code == "extract_part_label"]  # "PHẦN THỨ NHẤT" prints "Phần I"
    assert relabelled == [(("sections", 0, "part"), "Phần I"), (("sections", 1, "part"), "Phần II"),
                          (("sections", 3, "part"), "Phần III")]


def test_a_part_without_sections_renders_its_items_under_its_title(
        text_extraction: Any, renderer: Renderer) -> None:
    from plangen.spec.api import check_loaded
    from plangen.spec.loader import load_spec_text
    checked = check_loaded(load_spec_text(text_extraction.yaml_text, "phan.yaml"))
    assert checked.plan is not None and not checked.errors
    rendered = renderer.render(checked.plan)
    assert_schema_valid(rendered)
    text = [p.text for p in body_paragraphs(open_docx(rendered))]
    first, third = text.index("Phần I"), text.index("Phần III")
    assert text[first + 1:first + 3] == ["MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]
    assert text[third + 1:third + 3] == [
        "TỔ CHỨC THỰC HIỆN", "1. Văn phòng Sở chủ trì, phối hợp các phòng, đơn vị triển khai "
        "Kế hoạch."]
    assert "I. HOẠT ĐỘNG TUYÊN TRUYỀN" in text and "II. TỔ CHỨC HỘI THẢO" in text
    assert check_docx(rendered).clean
    numbers = [task.number for task in assignments(checked.plan).tasks]
    assert numbers == ["Phần II, I.1", "Phần II, II.1"]


def test_items_right_under_a_part_are_placed_in_the_part() -> None:
    from plangen.freeform import Block, FreeSection
    from plangen.places import printed_places
    item = Block("item", "Văn phòng Sở chủ trì")
    sections = (FreeSection("", "purpose", (Block("item", "Mục đích"),), "MỤC ĐÍCH"),
                FreeSection("", "organization", (Block("item", "Một"), item), "TỔ CHỨC"))
    assert printed_places(sections, "roman")[id(item)] == "Phần II.2"


def test_a_section_without_a_heading_must_open_a_part(tmp_path: Path) -> None:
    def headless(sections: list[dict[str, Any]]) -> None:
        del sections[1]["heading"]
    with pytest.raises(SpecError) as caught:
        load_plan(_spec(tmp_path, headless))
    lines = [issue.format("vi") for issue in caught.value.issues
             if issue.code == "section_no_heading"]
    assert len(lines) == 1 and "  sections[2]  " in lines[0], lines
