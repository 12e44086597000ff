"""Long agency names in the header (NĐ 30 PL1 II.2.c): broken at the joints of the name, into
even lines, in a column that grows towards the Quốc hiệu only as far as it may."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import require_soffice
from lxml import etree
from support.docx_helpers import document_xml, open_docx, text_of, w, wval

from plangen.check.api import check_docx
from plangen.extract import extract_bytes
from plangen.model import Plan
from plangen.render import pdf
from plangen.render.agency import HeaderColumns, agency_block, agency_lines
from plangen.render.docx import Renderer
from plangen.render.textwidth import bold_width_pt

TEMPLATE_AGENCY = 3685  # the template's 6.5 cm agency column, twips
COLUMN_PT = TEMPLATE_AGENCY / 20
WIDEST_PT = (9354 - 5537) / 20  # what the column may grow to beside the 95.7 mm Quốc hiệu


@pytest.mark.parametrize(("name", "lines"), [
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", ["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]),
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"]),
    ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", ["BỘ KHOA HỌC", "VÀ CÔNG NGHỆ"]),
    ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", ["BỘ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"]),
    ("ỦY BAN NHÂN DÂN THỊ XÃ BUÔN HỒ", ["ỦY BAN NHÂN DÂN", "THỊ XÃ BUÔN HỒ"]),
    # two place names joined by a hyphen: the hyphen ends the line, never starts one
    ("PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM", ["PHƯỜNG VĂN MIẾU -", "QUỐC TỬ GIÁM"]),
    # a person's name is never cut: the break falls between the unit's kind and its name
    ("PHƯỜNG TRƯƠNG QUANG TRỌNG", ["PHƯỜNG", "TRƯƠNG QUANG TRỌNG"]),
])
def test_a_long_line_breaks_at_a_joint_of_the_name(name: str, lines: list[str]) -> None:
    assert agency_lines(name, 13, WIDEST_PT) == lines
    for line in lines:
        assert bold_width_pt(line, 13) <= WIDEST_PT


@pytest.mark.parametrize("name", ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK", "BỘ VĂN HÓA, THỂ THAO",
                                  "SỞ Y TẾ", "X"])
def test_a_line_that_fits_is_left_whole(name: str) -> None:
    assert agency_lines(name, 13, COLUMN_PT) == [name]


def test_a_name_with_no_joint_that_fits_still_breaks_evenly() -> None:
    name = "TRUNG TÂM KIỂM SOÁT BỆNH TẬT THÀNH PHỐ HỒ CHÍ MINH"
    lines = agency_lines(name, 13, COLUMN_PT)
    assert " ".join(lines) == name and len(lines) == 3
    assert lines[-1] == "THÀNH PHỐ HỒ CHÍ MINH"  # the unit's kind still opens a line
    assert all(bold_width_pt(line, 13) <= COLUMN_PT * 0.98 for line in lines)


COLUMNS = HeaderColumns(agency=TEMPLATE_AGENCY, total=9354, margins=0,
                        right_need_pt=bold_width_pt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13),
                        tagged_size_pt=14)


def test_short_names_keep_the_column_and_their_lines() -> None:
    block = agency_block(("ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"), None, 13, COLUMNS,
                         "Đắk Lắk, ngày 05 tháng 02 năm 2026")
    assert block.width == TEMPLATE_AGENCY and not block.broken
    assert block.header_lines == (("ỦY BAN NHÂN DÂN",), ("TỈNH ĐẮK LẮK",))


def test_the_column_grows_only_to_keep_a_line_whole_beside_the_quoc_hieu() -> None:
    block = agency_block(("ỦY BAN NHÂN DÂN", "PHƯỜNG LÂM VIÊN - ĐÀ LẠT"), None, 13, COLUMNS,
                         "Lâm Đồng, ngày 05 tháng 02 năm 2026")
    assert not block.broken and TEMPLATE_AGENCY < block.width <= 9354 - 5537
    # a broken name that fits the template's column does not widen it
    broken = agency_block(("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",), "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ",
                          13, COLUMNS, "Quảng Trị, ngày 05 tháng 02 năm 2026")
    assert broken.width == TEMPLATE_AGENCY and broken.broken


def test_a_long_date_line_keeps_the_column_from_growing() -> None:
    """The right column keeps the room of its widest line, the date line included."""
    place = "Thành phố Hồ Chí Minh, ngày 25 tháng 12 năm 2026 và thêm nữa"
    block = agency_block(("PHƯỜNG LÂM VIÊN - ĐÀ LẠT",), None, 13, COLUMNS, place)
    assert block.width == TEMPLATE_AGENCY and block.broken


# ---- the rendered header --------------------------------------------------------------------


def _quang_tri(plan_data: dict[str, Any]) -> dict[str, Any]:
    plan_data["issuer"] = {"name": "Sở Nông nghiệp và Môi trường",
                           "parent": "Ủy ban nhân dân tỉnh Quảng Trị"}
    return plan_data


@pytest.fixture
def quang_tri(renderer: Renderer, make_plan: Callable[[dict[str, Any]], Plan],
              plan_data: dict[str, Any]) -> bytes:
    return renderer.render(make_plan(_quang_tri(plan_data)))


def _header_cell(data: bytes) -> etree._Element:
    table = document_xml(data).find(w("body"))[0]
    return table.find(w("tr")).find(w("tc"))


def _grid(data: bytes) -> list[int]:
    table = document_xml(data).find(w("body"))[0]
    return [int(wval(col, "w") or 0) for col in table.iter(w("gridCol"))]


def test_long_names_print_at_their_joints_parent_plain_name_bold(quang_tri: bytes) -> None:
    doc = open_docx(quang_tri)
    cell = doc.tables[0].cell(0, 0)
    texts = [p.text for p in cell.paragraphs if p.text]
    assert texts == ["ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", "SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG"]
    parent, name = (p for p in cell.paragraphs if p.text)
    assert not any(run.bold for run in parent.runs)
    style = name.style
    assert style is not None and style.font.bold and style.font.size.pt == 13
    assert _grid(quang_tri) == [TEMPLATE_AGENCY, 9354 - TEMPLATE_AGENCY]


def test_the_line_under_a_broken_name_is_a_third_to_a_half_of_its_longest_line(
        quang_tri: bytes) -> None:
    cell = _header_cell(quang_tri)
    rule = [p for p in cell.iter(w("p")) if not text_of(p)][-1]
    ind = rule.find(f"{w('pPr')}/{w('ind')}")
    length = TEMPLATE_AGENCY - int(wval(ind, "left") or 0) - int(wval(ind, "right") or 0)
    longest = bold_width_pt("SỞ NÔNG NGHIỆP", 13) * 20
    assert longest / 3 <= length <= longest / 2
    assert wval(ind, "left") == wval(ind, "right")


def test_a_broken_header_passes_the_check(quang_tri: bytes) -> None:
    report = check_docx(quang_tri, "x.docx")
    assert not report.failed, [r.rule for r in report.failed]


def test_a_widened_column_moves_both_rows_and_keeps_the_table_width(
        renderer: Renderer, make_plan: Callable[[dict[str, Any]], Plan],
        plan_data: dict[str, Any]) -> None:
    plan_data["issuer"] = {"name": "Ủy ban nhân dân phường Lâm Viên - Đà Lạt"}
    data = renderer.render(make_plan(plan_data))
    first, second = _grid(data)
    assert first > TEMPLATE_AGENCY and first + second == 9354
    assert second / 20 >= bold_width_pt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13)
    table = document_xml(data).find(w("body"))[0]
    for row in table.iter(w("tr")):
        widths = [int(wval(c.find(f"{w('tcPr')}/{w('tcW')}"), "w") or 0)
                  for c in row.iter(w("tc"))]
        assert widths == [first, second]
    texts = [text_of(p) for p in _header_cell(data).iter(w("p")) if text_of(p)]
    assert texts == ["ỦY BAN NHÂN DÂN", "PHƯỜNG LÂM VIÊN - ĐÀ LẠT"]
    assert not check_docx(data, "x.docx").failed


def test_short_names_render_as_before(renderer: Renderer,
                                      make_plan: Callable[[dict[str, Any]], Plan],
                                      plan_data: dict[str, Any]) -> None:
    """A name that fits: the template's column, no line break, the same lines."""
    data = renderer.render(make_plan(plan_data))
    assert _grid(data) == [TEMPLATE_AGENCY, 9354 - TEMPLATE_AGENCY]
    assert _header_cell(data).find(f".//{w('br')}") is None


def test_extract_reads_a_broken_name_back_whole(quang_tri: bytes) -> None:
    spec = extract_bytes(quang_tri, "x.docx").yaml_text
    assert "parent: Ủy ban nhân dân tỉnh Quảng Trị" in spec
    assert "- SỞ NÔNG NGHIỆP\n    - VÀ MÔI TRƯỜNG" in spec


@pytest.mark.parametrize("name", ["Bộ Khoa học và Công nghệ",
                                  "Ủy ban nhân dân phường Văn Miếu - Quốc Tử Giám"])
def test_extract_then_render_keeps_the_header(renderer: Renderer, name: str,
                                              make_plan: Callable[[dict[str, Any]], Plan],
                                              plan_data: dict[str, Any], tmp_path: Path) -> None:
    plan_data["issuer"] = {"name": name}
    data = renderer.render(make_plan(plan_data))
    spec = tmp_path / "back.yaml"
    spec.write_text(extract_bytes(data, "x.docx").yaml_text, encoding="utf-8")
    from plangen.spec.api import load_plan
    again = renderer.render(load_plan(spec))
    def printed(docx: bytes) -> list[str]:  # a line break or a new paragraph: a new line
        return [line for p in _header_cell(docx).iter(w("p")) for line in text_of(p).split("\n")
                if line]
    assert printed(again) == printed(data)
    assert len(printed(data)) == 2 if name.startswith("Bộ") else 3
    assert "parent" not in extract_bytes(data, "x.docx").yaml_text.split("number:")[0]


def test_pdf_header_lines_break_where_the_docx_says(quang_tri: bytes, tmp_path: Path) -> None:
    """LibreOffice lays the header out on exactly the lines plangen chose (no extra wrap)."""
    require_soffice()
    import subprocess
    source = tmp_path / "qt.docx"
    source.write_bytes(quang_tri)
    made = pdf.convert_many([source], tmp_path / "out")[source]
    text = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", str(made), "-"],
                          check=True, capture_output=True, text=True).stdout
    # the left column: each printed line up to the gap before the right column
    left = [re.split(r"\s{3,}", line.strip())[0] for line in text.splitlines()[:8]
            if line.strip()]
    assert left[:4] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]
