"""A plan issued by a decision renders as one document: the QUYẾT ĐỊNH, then on a new page the
KẾ HOẠCH with its "(Kèm theo Quyết định số …)" line and no number, date line or signature of
its own. Read back with python-docx and validated against the bundled XSDs."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from lxml import etree
from support.docx_helpers import (
    all_text,
    assert_schema_valid,
    document_xml,
    find_paragraph,
    look,
    w,
    wval,
)
from support.rendered import render_data, rendered_fixtures, spec_data

from plangen.model import Plan
from plangen.render.docx import render_plan
from plangen.vntext import BLANK

DATA = Path(__file__).resolve().parents[1] / "data" / "decision"


SPEC = DATA / "committee.yaml"
plan_fixture, rendered_fixture, doc_fixture = rendered_fixtures(SPEC)


def _texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text.strip()]


def test_schema_valid_and_the_same_bytes_every_time(plan: Plan, rendered: bytes) -> None:
    assert_schema_valid(rendered)
    assert render_plan(plan) == rendered


def test_the_decision_comes_first_then_the_plan(doc: Document) -> None:
    texts = _texts(doc)
    decision, plan = texts.index("QUYẾT ĐỊNH"), texts.index("KẾ HOẠCH")
    assert decision < texts.index("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK") < texts.index(
        "QUYẾT ĐỊNH:") < plan
    assert texts[decision + 1].replace("\n", " ") == (
        "Ban hành Kế hoạch triển khai thực hiện Luật Trí tuệ nhân tạo trên địa bàn tỉnh")


def test_decision_parts_are_formatted_per_nd30(doc: Document) -> None:
    authority = find_paragraph(doc, "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK")
    assert (look(doc, authority).bold, look(doc, authority).italic,
            look(doc, authority).align) == (True, False, "center")
    word = find_paragraph(doc, "QUYẾT ĐỊNH:")
    assert (look(doc, word).bold, look(doc, word).align) == (True, "center")
    basis = find_paragraph(doc, "Căn cứ Luật Tổ chức")
    assert look(doc, basis).italic and basis.text.endswith(";")
    proposer = find_paragraph(doc, "Theo đề nghị của")
    assert look(doc, proposer).italic and proposer.text.endswith("13/3/2026.")


def test_articles_are_bold_labels_then_their_text(doc: Document) -> None:
    for number in (1, 2, 3):
        article = find_paragraph(doc, f"Điều {number}.")
        label, rest = article.runs[0], article.runs[1]
        assert (label.text, label.bold) == (f"Điều {number}.", True)
        assert not rest.bold and rest.text.strip()
        assert look(doc, article).align == "both"
    assert find_paragraph(doc, "Điều 3.").text.endswith("thi hành Quyết định này./.")


def test_the_header_carries_the_decisions_number_and_date(rendered: bytes) -> None:
    text = all_text(rendered)
    assert f"Số: {BLANK}/QĐ-UBND" in text
    assert f"Đắk Lắk, ngày {BLANK} tháng 6 năm 2026" in text
    assert "/KH-UBND" not in text


def test_the_plan_has_the_back_reference_and_no_frame_of_its_own(rendered: bytes,
                                                                   doc: Document) -> None:
    text = all_text(rendered)
    assert text.count("Nơi nhận:") == 1 and text.count("Số:") == 1
    assert text.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 1
    assert text.count("Nguyễn Văn A") == 1
    reference = find_paragraph(doc, "(Kèm theo Quyết định số")
    assert reference.text.replace("\n", " ") == (
        f"(Kèm theo Quyết định số {BLANK}/QĐ-UBND ngày {BLANK} tháng 6 năm 2026 của Ủy ban "
        "nhân dân tỉnh Đắk Lắk)")
    assert (look(doc, reference).italic, look(doc, reference).align) == (True, "center")
    texts = _texts(doc)
    assert texts[texts.index("KẾ HOẠCH") + 2] == reference.text


def test_the_appendix_refers_to_the_decision(rendered: bytes) -> None:
    text = all_text(rendered)
    assert text.count("(Kèm theo Quyết định số") == 2


def _sections(data: bytes) -> list[etree._Element]:
    return list(document_xml(data).iter(w("sectPr")))


def test_the_plan_starts_a_new_section_numbered_from_one(rendered: bytes) -> None:
    decision, plan, appendix = _sections(rendered)
    for section in (decision, plan):
        assert section.find(w("titlePg")) is not None  # no number on either first page
        assert wval(section.find(w("pgSz")), "orient") is None
    assert wval(plan.find(w("pgNumType")), "start") == "1"
    assert wval(appendix.find(w("pgSz")), "orient") == "landscape"
    # the decision's section ends right after its signature table
    carrier = decision.getparent().getparent()
    assert carrier.getprevious().tag == w("tbl") and not carrier.findall(w("r"))


def test_without_appendix_two_sections(plan: Plan) -> None:
    data = spec_data(SPEC)
    del data["appendix"]
    rendered = render_data(data)
    assert_schema_valid(rendered)
    assert len(_sections(rendered)) == 2
    assert all_text(rendered).count("(Kèm theo Quyết định số") == 1


def test_a_signed_decision_fills_the_back_reference(plan: Plan) -> None:
    data = spec_data(SPEC)
    data["decision"].update(number="7", date={"day": 3, "month": 2, "year": 2026},
                            authority="Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk",
                            signature={"lines": ["CHỦ TỊCH"], "name": "Nguyễn Văn A"})
    text = all_text(render_data(data))
    assert "Số: 07/QĐ-UBND" in text and "Đắk Lắk, ngày 03 tháng 02 năm 2026" in text
    assert ("(Kèm theo Quyết định số 07/QĐ-UBND ngày 03 tháng 02 năm 2026 của Chủ tịch Ủy ban "
            "nhân dân tỉnh Đắk Lắk)") in text.replace("\n", " ")
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK" in text
