"""Each NĐ 30/2020 formatting rule, checked by reading the rendered .docx back (one test each).

PL1 = Phụ lục I of the decree; see ../shared/reference/nd30-format.md.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from docx.table import Table
from lxml import etree
from support.docx_helpers import (
    TWIPS_PER_MM,
    Look,
    assert_schema_valid,
    document_xml,
    find_paragraph,
    look,
    open_docx,
    paragraph_property,
    part_xml,
    text_of,
    w,
    wval,
)

from plangen.model import Plan
from plangen.render.docx import Renderer
from plangen.render.textwidth import bold_width_pt
from plangen.spec.api import load_plan
from plangen.vntext import BLANK

SPECS = Path(__file__).resolve().parents[2] / "specs"


@pytest.fixture(scope="module")
def dak_lak(renderer: Renderer) -> bytes:
    return renderer.render(load_plan(SPECS / "dak-lak.yaml"))


@pytest.fixture
def small(renderer: Renderer, make_plan: Callable[[dict[str, Any]], Plan],
          plan_data: dict[str, Any]) -> bytes:
    plan_data["issuer"]["parent"] = "Bộ Khoa học và Công nghệ"
    plan_data["drafting_code"] = "BXC_VP11_KH"
    return renderer.render(make_plan(plan_data))


def _header(doc: Document) -> Table:
    return doc.tables[0]


def _bottom(doc: Document) -> Table:
    return doc.tables[1]


def _rule_length(par: etree._Element, room: int) -> int:
    """The drawn length of a paragraph-border rule: its room less both indents."""
    ind = par.find(f"{w('pPr')}/{w('ind')}")
    assert par.find(f"{w('pPr')}/{w('pBdr')}/{w('top')}") is not None, "no solid line drawn"
    assert wval(par.find(f"{w('pPr')}/{w('pBdr')}/{w('top')}")) == "single"
    return room - int(wval(ind, "left") or 0) - int(wval(ind, "right") or 0)


def _cell_width(cell: etree._Element) -> int:
    return int(wval(cell.find(f"{w('tcPr')}/{w('tcW')}"), "w") or 0)


def test_rendered_file_is_schema_valid(dak_lak: bytes, small: bytes) -> None:
    assert_schema_valid(dak_lak)
    assert_schema_valid(small)


def test_page_is_a4_portrait(dak_lak: bytes) -> None:
    """PL1 I.1–2: A4, portrait (python-docx's default is US Letter, pitfall 7)."""
    sections = list(document_xml(dak_lak).iter(w("sectPr")))
    assert len(sections) == 1
    size = sections[0].find(w("pgSz"))
    assert (wval(size, "w"), wval(size, "h")) == ("11906", "16838")
    assert wval(size, "orient") in (None, "portrait")


def test_margins_within_nd30_ranges(dak_lak: bytes) -> None:
    """PL1 I.3: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm."""
    margins = document_xml(dak_lak).find(f"{w('body')}/{w('sectPr')}/{w('pgMar')}")
    mm = {side: int(wval(margins, side) or 0) / TWIPS_PER_MM
          for side in ("top", "bottom", "left", "right")}
    assert 19.9 <= mm["top"] <= 25.1 and 19.9 <= mm["bottom"] <= 25.1
    assert 29.9 <= mm["left"] <= 35.1
    assert 14.9 <= mm["right"] <= 20.1


def test_times_new_roman_in_all_four_font_slots(dak_lak: bytes) -> None:
    """PL1 I.4; python-docx alone sets only ascii/hAnsi (pitfall 10); no theme font overrides."""
    styles = part_xml(dak_lak, "word/styles.xml")
    fonts = list(styles.iter(w("rFonts")))
    defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    assert defaults is not None and defaults in fonts
    for rfonts in fonts:
        for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert wval(rfonts, slot) == "Times New Roman", (slot, etree.tostring(rfonts))
        assert not any(wval(rfonts, f"{slot}Theme") for slot in ("ascii", "hAnsi", "eastAsia"))
        assert wval(rfonts, "cstheme") is None


def test_size_set_14_used_consistently(dak_lak: bytes) -> None:
    """PL1 V footnote: one size set; set "14" of the reference table."""
    doc = open_docx(dak_lak)
    header, bottom = _header(doc), _bottom(doc)
    expected = {
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 13, "Độc lập - Tự do - Hạnh phúc": 14,
        "ỦY BAN NHÂN DÂN": 13, "Số:": 13, "Đắk Lắk, ngày": 14, "Nơi nhận:": 12,
        "- Bộ Khoa học và Công nghệ": 11, "TM. ỦY BAN NHÂN DÂN": 14, "Hồ Thị Nguyên Thảo": 14,
    }
    paragraphs = [p for table in (header, bottom) for row in table.rows for cell in row.cells
                  for p in cell.paragraphs]
    for start, size in expected.items():
        found = next(p for p in paragraphs if p.text.startswith(start))
        assert look(doc, found).size == size, start
    for start in ("KẾ HOẠCH", "Triển khai thực hiện", "Căn cứ", "I. MỤC ĐÍCH", "1. Mục đích",
                  "- Triển khai", "a) Cơ quan chủ trì", "Trên đây là"):
        assert look(doc, find_paragraph(doc, start)).size == 14, start


def test_header_is_a_borderless_two_column_table(dak_lak: bytes) -> None:
    """PL1 IV: agency left, motto right; the motto column holds the 95.7 mm Quốc hiệu."""
    body = document_xml(dak_lak).find(w("body"))
    table = body[0]
    assert table.tag == w("tbl")
    columns = [int(wval(c, "w") or 0) for c in table.iter(w("gridCol"))]
    assert len(columns) == 2 and columns[1] / TWIPS_PER_MM >= 96
    borders = table.find(f"{w('tblPr')}/{w('tblBorders')}")
    assert borders is not None and {wval(b) for b in borders} <= {"nil", "none"}


def test_agency_lines_caps_bold_13_and_parent_not_bold(small: bytes) -> None:
    """PL1 II.2: agency name caps bold; parent agency caps, not bold."""
    doc = open_docx(small)
    cell = _header(doc).cell(0, 0)
    texts = [p.text for p in cell.paragraphs if p.text]
    # the parent's 70.7 mm does not fit the 65 mm column: broken before "VÀ" (PL1 II.2.c)
    assert texts == ["BỘ KHOA HỌC\nVÀ CÔNG NGHỆ", "ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"]
    parent, *agency = (p for p in cell.paragraphs if p.text)
    assert look(doc, parent) == Look(13, False, False, "center")
    for line in agency:
        assert look(doc, line).size == 13 and look(doc, line).bold
        assert line.text == line.text.upper()


def test_line_under_agency_is_a_third_to_a_half(dak_lak: bytes) -> None:
    """PL1 II.2.b: a solid line, 1/3 to 1/2 of the agency name, centered under it."""
    table = document_xml(dak_lak).find(w("body"))[0]
    cell = table.find(w("tr")).find(w("tc"))
    rule = [p for p in cell.iter(w("p")) if not text_of(p)][-1]
    length = _rule_length(rule, _cell_width(cell))
    for line in ("ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"):
        text = bold_width_pt(line, 13) * 20
        assert text / 3 <= length <= text / 2, line
    ind = rule.find(f"{w('pPr')}/{w('ind')}")
    assert wval(ind, "left") == wval(ind, "right")


def test_number_line_has_leading_zero_or_draft_blank(
        renderer: Renderer, make_plan: Callable[[dict[str, Any]], Plan],
        plan_data: dict[str, Any]) -> None:
    """PL1 II.3.c: "Số: 05/KH-UBND"; a draft leaves the number blank."""
    plan_data["number"] = "5"
    doc = open_docx(renderer.render(make_plan(plan_data)))
    assert _header(doc).cell(1, 0).paragraphs[0].text == "Số: 05/KH-UBND"
    del plan_data["number"]
    doc = open_docx(renderer.render(make_plan(plan_data)))
    line = _header(doc).cell(1, 0).paragraphs[0]
    assert line.text == f"Số: {BLANK}/KH-UBND"
    assert look(doc, line).size == 13 and not look(doc, line).bold


def test_motto_lines(dak_lak: bytes) -> None:
    """PL1 II.1: Quốc hiệu caps bold 13; Tiêu ngữ bold 14 with hyphens; no blank line between."""
    doc = open_docx(dak_lak)
    cell = _header(doc).cell(0, 1)
    national, motto = cell.paragraphs[0], cell.paragraphs[1]
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert (look(doc, national).size, look(doc, national).bold) == (13, True)
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert (look(doc, motto).size, look(doc, motto).bold) == (14, True)
    assert paragraph_property(doc, motto, "spacing", "before") in (None, "0")


def test_line_under_motto_is_as_long_as_the_motto(dak_lak: bytes) -> None:
    """PL1 II.1.b: a solid line exactly as long as the Tiêu ngữ (≈ 60.5 mm at 14 pt bold)."""
    table = document_xml(dak_lak).find(w("body"))[0]
    cell = table.find(w("tr")).findall(w("tc"))[1]
    rule = cell.findall(w("p"))[2]
    length_mm = _rule_length(rule, _cell_width(cell)) / TWIPS_PER_MM
    assert length_mm == pytest.approx(60.5, abs=0.5)


def test_place_and_date_line(renderer: Renderer, dak_lak: bytes,
                             make_plan: Callable[[dict[str, Any]], Plan],
                             plan_data: dict[str, Any]) -> None:
    """PL1 II.4: italic 14, on the Số line; leading zero for days < 10 and months 1–2 only."""
    doc = open_docx(renderer.render(make_plan(plan_data)))
    line = _header(doc).cell(1, 1).paragraphs[0]
    assert line.text == "Đắk Lắk, ngày 05 tháng 02 năm 2026"
    assert look(doc, line) == Look(14, False, True, "center")
    plan_data["date"] = {"day": 15, "month": 3, "year": 2026}
    doc = open_docx(renderer.render(make_plan(plan_data)))
    assert _header(doc).cell(1, 1).paragraphs[0].text == "Đắk Lắk, ngày 15 tháng 3 năm 2026"
    draft = _header(open_docx(dak_lak)).cell(1, 1).paragraphs[0].text
    assert draft == f"Đắk Lắk, ngày {BLANK} tháng 6 năm 2026"


def test_doc_type_caps_bold_centered(dak_lak: bytes) -> None:
    """PL1 II.5.b: "KẾ HOẠCH" caps, bold, 14, centered."""
    doc = open_docx(dak_lak)
    title = find_paragraph(doc, "KẾ HOẠCH")
    assert title.text == "KẾ HOẠCH"
    assert look(doc, title) == Look(14, True, False, "center")


def test_summary_bold_centered_sentence_case_with_short_line(dak_lak: bytes) -> None:
    """PL1 II.5.b: trích yếu bold 14 centered, not in caps, a 1/3–1/2 line under it."""
    doc = open_docx(dak_lak)
    summary = find_paragraph(doc, "Triển khai thực hiện Luật")
    assert look(doc, summary) == Look(14, True, False, "center")
    assert summary.text != summary.text.upper()
    rule = summary._p.getnext()
    room = 9355  # A4 less 30 + 15 mm margins
    length = _rule_length(rule, room)
    text = bold_width_pt(summary.text, 14) * 20
    assert text / 3 <= length <= text / 2


def test_body_justified_indented_spaced(dak_lak: bytes) -> None:
    """PL1 II.6.e: justified, first line 1 or 1.27 cm, ≥ 6 pt between, 1–1.5 line spacing."""
    doc = open_docx(dak_lak)
    elements = [p._p for p in doc.paragraphs]
    start = elements.index(find_paragraph(doc, "Căn cứ")._p)
    end = elements.index(find_paragraph(doc, "Trên đây là")._p)
    body = [p for p in doc.paragraphs[start:end + 1] if p.text]
    assert len(body) > 40
    for par in body:
        assert look(doc, par).align == "both", par.text
        assert paragraph_property(doc, par, "ind", "firstLine") in ("567", "720"), par.text
        assert int(paragraph_property(doc, par, "spacing", "before") or 0) >= 120, par.text
        line = int(paragraph_property(doc, par, "spacing", "line") or 240)
        assert paragraph_property(doc, par, "spacing", "lineRule") in (None, "auto")
        assert 240 <= line <= 360, par.text


def test_section_headings_roman_caps_bold(dak_lak: bytes) -> None:
    """PL1 V row 6.b: "I. MỤC ĐÍCH, YÊU CẦU": Roman numeral, caps, bold."""
    doc = open_docx(dak_lak)
    headings = [p for p in doc.paragraphs if p.text[:3] in ("I. ", "II.", "III", "IV.")]
    assert [p.text.split(".")[0] for p in headings] == ["I", "II", "III", "IV"]
    for par in headings:
        assert par.text == par.text.upper() and look(doc, par).bold


def test_titled_items_bold_points_and_roles_regular(dak_lak: bytes) -> None:
    """PL1 II.6.đ: "1. Title" bold; "a)" points and role lines regular; no level italic."""
    doc = open_docx(dak_lak)
    assert look(doc, find_paragraph(doc, "1. Tuyên truyền")).bold
    for start in ("a) Cơ quan chủ trì: Sở Văn hóa", "a) Xây dựng chiến lược",
                  "- Cơ quan chủ trì: Sở Khoa học", "- Triển khai đồng bộ"):
        par = find_paragraph(doc, start)
        assert not look(doc, par).bold and not look(doc, par).italic, start


def test_basis_lines_italic_others_plain(dak_lak: bytes) -> None:
    """PL1 II.6.a: each "Căn cứ" is italic; a "Để …"/"Thực hiện …" paragraph is not."""
    doc = open_docx(dak_lak)
    assert look(doc, find_paragraph(doc, "Căn cứ Luật")).italic
    assert not look(doc, find_paragraph(doc, "Để kịp thời")).italic


def test_recipients_block(small: bytes) -> None:
    """PL1 II.9: "Nơi nhận:" bold italic 12, not underlined; "- …;" at 11; last "- Lưu: …."."""
    doc = open_docx(small)
    cell = _bottom(doc).cell(0, 0)
    label, *lines = (p for p in cell.paragraphs if p.text)
    assert label.text == "Nơi nhận:"
    assert look(doc, label) == Look(12, True, True, "left")
    assert not any(r.font.underline for r in label.runs)
    assert [p.text for p in lines] == ["- Bộ Khoa học và Công nghệ (b/c);",
                                       "- Các sở, ban, ngành;", "- Lưu: VT, KGVX.",
                                       "BXC_VP11_KH"]
    assert all(look(doc, p).size == 11 for p in lines)


def test_signature_block(dak_lak: bytes) -> None:
    """PL1 II.7: authority and title caps bold 14 centered, room to sign, name bold 14."""
    doc = open_docx(dak_lak)
    cell = _bottom(doc).cell(0, 1)
    paragraphs = cell.paragraphs
    lines = [p.text for p in paragraphs[:3]]
    assert lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    for par in paragraphs[:3]:
        assert look(doc, par) == Look(14, True, False, "center")
    assert [p.text for p in paragraphs[3:]].count("") >= 4
    name = paragraphs[-1]
    assert name.text == "Hồ Thị Nguyên Thảo"
    assert look(doc, name) == Look(14, True, False, "center")
    borders = _bottom(doc)._tbl.find(f"{w('tblPr')}/{w('tblBorders')}")
    assert {wval(b) for b in borders} <= {"nil", "none"}


def test_signature_block_stays_whole_with_the_closing(dak_lak: bytes) -> None:
    """The bottom block never splits across pages, and the closing is kept with it, so a
    signature never stands alone at the top of a page."""
    doc = open_docx(dak_lak)
    row = _bottom(doc).rows[0]._tr
    assert row.find(f"{w('trPr')}/{w('cantSplit')}") is not None
    closing = find_paragraph(doc, "Trên đây là Kế hoạch")
    assert closing.paragraph_format.keep_with_next or closing.style.paragraph_format.keep_with_next


def test_page_number_in_header_not_on_page_one(dak_lak: bytes) -> None:
    """PL1 I.7: a centered PAGE field in the header, none on the first page (w:titlePg)."""
    doc = open_docx(dak_lak)
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.is_linked_to_previous
    first = section.first_page_header._element
    assert not text_of(first).strip() and not list(first.iter(w("instrText")))
    header = section.header
    par = header.paragraphs[0]
    assert "PAGE" in "".join(t.text for t in par._p.iter(w("instrText")))
    assert look(doc, par).align == "center" and look(doc, par).size == 14


def test_core_properties_from_the_plan(dak_lak: bytes) -> None:
    """Title = summary, author = issuer, dates fixed from the plan date."""
    props = open_docx(dak_lak).core_properties
    assert props.title == "Triển khai thực hiện Luật Trí tuệ nhân tạo trên địa bàn tỉnh Đắk Lắk"
    assert props.author == "Ủy ban nhân dân tỉnh Đắk Lắk"
    assert props.created is not None and props.created.isoformat()[:10] == "2026-06-01"
    assert props.modified == props.created


def test_long_summary_wraps_into_even_lines(renderer: Renderer,
                                            make_plan: Callable[[dict[str, Any]], Plan],
                                            plan_data: dict[str, Any]) -> None:
    """PL1 II.5.b: a summary too long for one line is broken into even lines at a phrase
    boundary ("… nhân tạo / trên địa bàn …"), not left with one word on the last line."""
    plan_data["summary"] = ("Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn phường "
                            "Buôn Ma Thuột")
    doc = open_docx(renderer.render(make_plan(plan_data)))
    summary = find_paragraph(doc, "Triển khai thi hành")
    assert summary.text.split("\n") == ["Triển khai thi hành Luật Trí tuệ nhân tạo",
                                        "trên địa bàn phường Buôn Ma Thuột"]
    widths = [bold_width_pt(line, 14) for line in summary.text.split("\n")]
    assert max(widths) / min(widths) < 1.3


def test_short_summary_stays_on_one_line(dak_lak: bytes) -> None:
    summary = find_paragraph(open_docx(dak_lak), "Triển khai thực hiện Luật")
    assert "\n" not in summary.text


def test_appendix_title_wraps_at_a_phrase_boundary() -> None:
    from plangen.render.textwidth import balanced_lines

    title = ("PHÂN CÔNG NHIỆM VỤ TRIỂN KHAI THI HÀNH LUẬT TRÍ TUỆ NHÂN TẠO TRÊN ĐỊA BÀN "
             "TỈNH NINH BÌNH")
    lines = balanced_lines(title, 14, 247 / 25.4 * 72)
    assert lines == ["PHÂN CÔNG NHIỆM VỤ TRIỂN KHAI THI HÀNH",
                     "LUẬT TRÍ TUỆ NHÂN TẠO TRÊN ĐỊA BÀN TỈNH NINH BÌNH"]
    assert balanced_lines("Ngắn", 14, 100) == ["Ngắn"]
    three = balanced_lines("chữ " * 60, 14, 200)
    assert len(three) >= 3 and all(bold_width_pt(line, 14) <= 200 for line in three)


def _brute_widest(widths: list[float], space: float, count: int, room: float) -> float | None:
    """The narrowest widest line over every way to cut the words into `count` lines."""
    from itertools import combinations

    best = None
    for cuts in combinations(range(1, len(widths)), count - 1):
        bounds = [0, *cuts, len(widths)]
        lines = [sum(widths[a:b]) + space * (b - a - 1) for a, b in pairwise(bounds)]
        if max(lines) <= room and (best is None or max(lines) < best):
            best = max(lines)
    return best


def test_even_split_finds_the_narrowest_widest_line_as_an_exhaustive_search_does() -> None:
    """even_split stops looking back once a line is too wide: it must still find the best."""
    import random

    from plangen.render.textwidth import even_split
    rnd = random.Random(7)
    for _ in range(300):
        widths = [rnd.choice((8.0, 13.5, 21.0, 34.5)) for _ in range(rnd.randint(2, 9))]
        count, room = rnd.randint(1, 4), rnd.uniform(20, 120)
        found = even_split(widths, 3.5, count, room) if count <= len(widths) else None
        want = _brute_widest(widths, 3.5, count, room) if count <= len(widths) else None
        if want is None:
            assert found is None
            continue
        assert found is not None and len(found) == count
        assert found[0][0] == 0 and found[-1][1] == len(widths)
        widest = max(sum(widths[a:b]) + 3.5 * (b - a - 1) for a, b in found)
        assert abs(widest - want) < 1e-9


def test_a_very_long_agency_name_is_broken_evenly_into_many_lines() -> None:
    """A name of hundreds of words: its line breaking took a render 19 s before it stopped
    looking back past a line too wide."""
    from plangen.render.agency import agency_lines
    name = "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK " + "TỪ " * 150
    lines = agency_lines(name.strip(), 13, 200)
    assert " ".join(lines) == " ".join(name.split())
    assert len(lines) > 10 and all(bold_width_pt(line, 13) <= 200 for line in lines)
