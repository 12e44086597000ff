"""NĐ 30's optional first-page marks (PL1 III.2.b, III.2.c, III.4): the urgency stamp under
the number line, the circulation note in the first page's header, the agency's contact lines
in its footer; each on the first page only, in the decree's look and size."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import APPENDIX, SPECS, require_soffice
from PIL import Image
from support.docx_helpers import document_xml, part_xml, parts, text_of, w, wval

from plangen.check.api import check_docx
from plangen.errors import RenderError, SpecError
from plangen.marks import URGENCY_FRAMES_MM, mark_words, urgency_level
from plangen.model import Plan
from plangen.render import pdf
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan

PlanMaker = Callable[[dict[str, Any]], Plan]
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
CONTACT = ["Địa chỉ: 15 Lê Duẩn, phường Buôn Ma Thuột, tỉnh Đắk Lắk; ĐT: 0262 3852 555",
           "Thư điện tử: skhcn@daklak.gov.vn"]


def _marked(data: dict[str, Any], urgency: str | None = "Hỏa tốc",
            circulation: str | None = "lưu hành nội bộ",
            contact: list[str] | None = None) -> dict[str, Any]:
    out = dict(data)
    if urgency:
        out["urgency"] = urgency
    if circulation:
        out["circulation"] = circulation
    out["contact"] = CONTACT if contact is None else contact
    if not out["contact"]:
        del out["contact"]
    return out


def _stamp(data: bytes) -> Any:
    found = [p for p in document_xml(data).iter(w("p"))
             if urgency_level(text_of(p)) is not None]
    assert len(found) == 1, "one urgency stamp"
    return found[0]


def _stories(data: bytes) -> dict[str, dict[str, str]]:
    """Each section's references: {"section N": {"header first": part, …}}."""
    files = parts(data)
    rels = {rel.get("Id"): rel.get("Target") for rel in
            part_xml(data, "word/_rels/document.xml.rels")}
    out = {}
    for number, section in enumerate(document_xml(data).iter(w("sectPr")), 1):
        refs = {}
        for kind in ("header", "footer"):
            for ref in section.iterfind(w(f"{kind}Reference")):
                target = "word/" + rels[ref.get(R_ID)]
                assert target in files
                refs[f"{kind} {wval(ref, 'type')}"] = target
        out[f"section {number}"] = refs
    return out


def _story_text(data: bytes, part: str) -> str:
    return " ".join(text_of(p) for p in part_xml(data, part).iter(w("p"))).strip()


def test_words_are_normalised() -> None:
    assert mark_words("  hoả   tốc ") == "HỎA TỐC"
    assert urgency_level("Thượng khẩn") == "THƯỢNG KHẨN"
    assert urgency_level("khẩn cấp") is None


def test_stamp_under_the_number_line_bold_red_framed(make_plan: PlanMaker,
                                                      plan_data: dict[str, Any],
                                                      renderer: Renderer) -> None:
    data = renderer.render(make_plan(_marked(plan_data)))
    stamp = _stamp(data)
    previous = stamp.getprevious()
    assert text_of(previous).startswith("Số: 05/KH-UBND")
    assert stamp.getparent() is previous.getparent()  # the same cell of the header table
    assert text_of(stamp) == "HỎA TỐC"
    ppr = stamp.find(w("pPr"))
    for side in ("top", "left", "bottom", "right"):
        border = ppr.find(f"{w('pBdr')}/{w(side)}")
        assert wval(border) == "single" and border.get(w("color")) == "FF0000"
    rpr = stamp.find(f"{w('r')}/{w('rPr')}")
    assert rpr.find(w("b")) is not None
    assert wval(rpr.find(w("color"))) == "FF0000"
    assert wval(rpr.find(w("sz"))) == "26"  # 13 pt: PL1 III.2.b asks 13–14
    assert rpr.find(w("rFonts")).get(w("ascii")) == "Times New Roman"


@pytest.mark.parametrize("level", list(URGENCY_FRAMES_MM))
def test_each_level_has_its_frame_size(make_plan: PlanMaker, plan_data: dict[str, Any],
                                       renderer: Renderer, level: str) -> None:
    """The frame's outer width and height are the decree's (the text area plus two 1 pt
    lines), whatever the cell's width."""
    data = renderer.render(make_plan(_marked(plan_data, urgency=level.lower())))
    stamp = _stamp(data)
    cell = stamp.getparent()
    cell_width = int(cell.find(f"{w('tcPr')}/{w('tcW')}").get(w("w")))
    room = cell_width  # the header table sets its cell margins to 0
    assert cell.getparent().getparent().find(
        f"{w('tblPr')}/{w('tblCellMar')}/{w('left')}").get(w("w")) == "0"
    ind = stamp.find(f"{w('pPr')}/{w('ind')}")
    left, right = int(ind.get(w("left"))), int(ind.get(w("right")))
    width_mm, height_mm = URGENCY_FRAMES_MM[level]
    outer = room - left - right + 2 * 20
    assert abs(outer - width_mm * 1440 / 25.4) <= 20  # within 1 pt
    assert left == right
    spacing = stamp.find(f"{w('pPr')}/{w('spacing')}")
    assert spacing.get(w("lineRule")) == "exact"
    assert abs(int(spacing.get(w("line"))) + 2 * 20 - height_mm * 1440 / 25.4) <= 20


def test_circulation_and_contact_on_the_first_page_only(make_plan: PlanMaker,
                                                         plan_data: dict[str, Any],
                                                         renderer: Renderer) -> None:
    """With an appendix (a second section): the first section's first page shows the note
    and the address; the appendix section gets empty first-page stories of its own instead of
    inheriting them."""
    data = renderer.render(make_plan(_marked({**plan_data, "appendix": APPENDIX})))
    stories = _stories(data)
    assert len(stories) == 2
    first, later = stories["section 1"], stories["section 2"]
    assert _story_text(data, first["header first"]) == "LƯU HÀNH NỘI BỘ"
    assert _story_text(data, first["footer first"]) == " ".join(CONTACT)
    assert _story_text(data, later["header first"]) == ""
    assert _story_text(data, later["footer first"]) == ""
    assert first["header default"] == later["header default"]  # the page numbers stay
    section = next(document_xml(data).iter(w("sectPr")))
    assert section.find(w("titlePg")) is not None
    # the note: bold capitals in a single frame, at the right; the address under a rule
    note = next(part_xml(data, first["header first"]).iter(w("p")))
    assert {wval(b) for b in note.find(f"{w('pPr')}/{w('pBdr')}")} == {"single"}
    assert len(note.find(f"{w('pPr')}/{w('pBdr')}")) == 4
    assert note.find(f"{w('r')}/{w('rPr')}/{w('b')}") is not None
    indent = note.find(f"{w('pPr')}/{w('ind')}")
    assert int(indent.get(w("left"))) > 4 * int(indent.get(w("right")))
    lines = list(part_xml(data, first["footer first"]).iter(w("p")))
    assert lines[0].find(f"{w('pPr')}/{w('pBdr')}/{w('top')}") is not None
    assert lines[1].find(f"{w('pPr')}/{w('pBdr')}") is None
    assert {wval(p.find(f"{w('r')}/{w('rPr')}/{w('sz')}")) for p in lines} == {"22"}


def test_marked_plan_passes_its_check(make_plan: PlanMaker, plan_data: dict[str, Any],
                                      renderer: Renderer) -> None:
    """The red stamp is the one red text NĐ 30 allows; the marks rule reads all three."""
    report = check_docx(renderer.render(make_plan(_marked(
        {**plan_data, "appendix": APPENDIX}))), "marked.docx")
    failed = [(r.id, r.found) for r in report.results if r.status == "fail"]
    assert failed == []
    marks = next(r for r in report.results if r.id == "marks")
    assert marks.status == "pass"
    shown = str(marks.found[0].params["found"])
    assert "“HỎA TỐC”" in shown and "“LƯU HÀNH NỘI BỘ”" in shown and "Lê Duẩn" in shown


def test_decision_carries_the_marks_on_its_first_page(renderer: Renderer,
                                                       write_spec: Callable[..., Path]) -> None:
    """A plan issued by a decision: the decision's page is the document's first page."""
    data = load_yaml(SPECS / "bo-vhttdl-qd4385.yaml")
    data.update(urgency="khẩn", circulation="XEM XONG TRẢ LẠI", contact=CONTACT[:1])
    rendered = renderer.render(load_plan(write_spec(data)))
    stamp = _stamp(rendered)
    first_number = next(p for p in stamp.getroottree().iter(w("p"))
                        if text_of(p).startswith("Số:"))
    assert stamp.getprevious() == first_number
    assert "QĐ-" in text_of(first_number)
    stories = _stories(rendered)
    assert _story_text(rendered, stories["section 1"]["header first"]) == "XEM XONG TRẢ LẠI"
    report = check_docx(rendered, "decision.docx")
    assert [r.id for r in report.results if r.status == "fail"] == []


def load_yaml(path: Path) -> dict[str, Any]:
    import yaml
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_no_marks_no_new_parts(make_plan: PlanMaker, plan_data: dict[str, Any],
                               renderer: Renderer) -> None:
    data = renderer.render(make_plan(plan_data))
    assert not [name for name in parts(data) if "footer" in name]
    assert not any(urgency_level(text_of(p)) for p in document_xml(data).iter(w("p")))


def test_marks_are_deterministic(make_plan: PlanMaker, plan_data: dict[str, Any]) -> None:
    plan = make_plan(_marked({**plan_data, "appendix": APPENDIX}))
    assert Renderer().render(plan) == Renderer().render(plan)


def test_footnotes_and_marks_share_the_relationships(make_plan: PlanMaker,
                                                     plan_data: dict[str, Any],
                                                     renderer: Renderer) -> None:
    """Both add parts to the same .rels and content types: neither loses the other's."""
    data = dict(plan_data, closing="Trên đây là Kế hoạch^[Theo Quyết định số 367/QĐ-TTg.]./.")
    rendered = renderer.render(make_plan(_marked(data)))
    files = parts(rendered)
    assert "word/footnotes.xml" in files
    rels = files["word/_rels/document.xml.rels"].decode()
    assert "footnotes.xml" in rels and "footer1.xml" in rels and "header3.xml" in rels
    types = files["[Content_Types].xml"].decode()
    assert "/word/footnotes.xml" in types and "/word/footer1.xml" in types


def test_unknown_urgency_is_refused_at_its_line(write_spec: Callable[..., Path],
                                                plan_data: dict[str, Any]) -> None:
    path = write_spec({"urgency": "khẩn cấp", **plan_data})
    with pytest.raises(SpecError) as caught:
        load_plan(path)
    issue = next(i for i in caught.value.issues if i.code == "urgency_unknown")
    line = issue.format("vi")
    assert line.startswith(f"{path}:1:10  urgency  "), line
    assert "\"khẩn cấp\"" in line and "\"HỎA TỐC\"" in line
    assert "Có phải là \"KHẨN\"?" in line


def test_template_without_number_line_refuses_a_stamp(tmp_path: Path, make_plan: PlanMaker,
                                                      plan_data: dict[str, Any]) -> None:
    from test_render_template import _edited_template
    template = _edited_template(tmp_path, "word/document.xml", "Số: {{ number }}",
                                "{{ number }}")
    renderer = Renderer(template)
    renderer.render(make_plan(plan_data))  # without a stamp, nothing is missing
    with pytest.raises(RenderError) as caught:
        renderer.render(make_plan(_marked(plan_data, circulation=None, contact=[])))
    assert caught.value.code == "template_no_number_line"


def _red_box_mm(png: Path, dpi: int) -> tuple[float, float]:
    image = Image.open(png).convert("RGB")
    width, height = image.size
    pixels = image.load()
    xs, ys = [], []
    for y in range(height // 3):  # the stamp is in the page's top third
        for x in range(width):
            r, g, b = pixels[x, y]
            if r > 180 and g < 90 and b < 90:
                xs.append(x)
                ys.append(y)
    assert xs, "no red on the page"
    to_mm = 25.4 / dpi
    return (max(xs) - min(xs) + 1) * to_mm, (max(ys) - min(ys) + 1) * to_mm


def test_stamp_prints_at_the_decrees_size(tmp_path: Path, make_plan: PlanMaker,
                                          plan_data: dict[str, Any],
                                          renderer: Renderer) -> None:
    """LibreOffice draws the frame 30 × 8 mm for "HỎA TỐC" (±0.5 mm), red, on page 1 only;
    the note and the address are on page 1, not on page 2."""
    require_soffice()
    long_plan = dict(plan_data, funding={"text": ["Ngân sách nhà nước bảo đảm. " * 30] * 6})
    source = tmp_path / "marked.docx"
    source.write_bytes(renderer.render(make_plan(_marked(long_plan))))
    made = pdf.convert_many([source], tmp_path)[source]
    dpi = 300
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "2", str(made),
                    str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    box_w, box_h = _red_box_mm(pages[0], dpi)
    assert abs(box_w - 30) <= 0.5 and abs(box_h - 8) <= 0.5, (box_w, box_h)
    text = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(made), "-"],
                           check=True, capture_output=True, text=True).stdout
            for n in (1, 2)]
    assert "LƯU HÀNH NỘI BỘ" in text[0] and "Lê Duẩn" in text[0]
    assert "LƯU HÀNH NỘI BỘ" not in text[1] and "Lê Duẩn" not in text[1]
