"""A plan written with its own sections (the free structure) and issued by a decision renders
as the fixed-structure one does: the QUYẾT ĐỊNH with its articles, a new section, then the
KẾ HOẠCH with its "(Kèm theo Quyết định số …)" line, its own sections and appendices that name
the decision, and no number, date line, recipients or signature of its own. Validated against
the bundled XSDs, read back with python-docx and judged part by part by `plangen check`."""

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

from plangen.check.api import check_docx
from plangen.model import Plan
from plangen.vntext import BLANK

DATA = Path(__file__).resolve().parents[1] / "data" / "decision"
REFERENCE = ("(Kèm theo Quyết định số 09/QĐ-UBND ngày 06 tháng 3 năm 2026 của Chủ tịch Ủy ban "
             "nhân dân tỉnh Đắk Lắk)")


SPEC = DATA / "free.yaml"
plan_fixture, rendered_fixture, doc_fixture = rendered_fixtures(SPEC)


def _texts(doc: Document) -> list[str]:
    return [p.text.replace("\n", " ") for p in doc.paragraphs if p.text.strip()]


def test_the_free_plan_carries_its_decision(plan: Plan) -> None:
    assert plan.free and plan.decision is not None
    assert plan.number is None
    # the decision's frame stands for the plan's, as in the fixed structure
    assert (plan.place, plan.date, plan.signature) == (
        plan.decision.place, plan.decision.date, plan.decision.signature)
    assert plan.recipients == plan.decision.recipients


def test_schema_valid_and_the_same_bytes_every_time(plan: Plan, rendered: bytes) -> None:
    assert_schema_valid(rendered)
    assert render_data(spec_data(SPEC)) == rendered


def test_the_decision_with_its_articles_comes_first(doc: Document) -> None:
    texts = _texts(doc)
    decision, plan = texts.index("QUYẾT ĐỊNH"), texts.index("KẾ HOẠCH")
    assert decision < texts.index("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK") < texts.index(
        "QUYẾT ĐỊNH:") < texts.index(next(t for t in texts if t.startswith("Điều 3."))) < plan
    assert texts[decision + 1] == ("Về việc ban hành Kế hoạch chuyển đổi số trong công tác "
                                   "thống kê trên địa bàn tỉnh năm 2026")
    for number in (1, 2, 3):
        article = find_paragraph(doc, f"Điều {number}.")
        assert (article.runs[0].text, article.runs[0].bold) == (f"Điều {number}.", True)
        assert not article.runs[1].bold
    first = find_paragraph(doc, "Điều 1.").text
    assert first == ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số trong "
                     "công tác thống kê trên địa bàn tỉnh năm 2026.")
    # the executing article names the leads of the free plan's role blocks
    last = find_paragraph(doc, "Điều 3.").text
    assert last == ("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Khoa học và "
                    "Công nghệ, Giám đốc Sở Tài chính và Thủ trưởng các cơ quan, đơn vị có "
                    "liên quan chịu trách nhiệm thi hành Quyết định này./.")


def test_the_header_and_frame_are_the_decisions_only(rendered: bytes) -> None:
    text = all_text(rendered)
    assert "Số: 09/QĐ-UBND" in text and "Đắk Lắk, ngày 06 tháng 3 năm 2026" in text
    assert "/KH-UBND" not in text
    assert text.count("Số:") == 1 and text.count("Nơi nhận:") == 1
    assert text.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 1
    assert text.count("Trần Văn B") == 1 and "- Như Điều 3;" in text and "VP.(15)" in text


def test_the_plan_part_has_the_back_reference_under_its_summary(doc: Document) -> None:
    texts = _texts(doc)
    at = texts.index("KẾ HOẠCH")
    assert texts[at + 1] == "Chuyển đổi số trong công tác thống kê trên địa bàn tỉnh năm 2026"
    assert texts[at + 2] == REFERENCE
    reference = find_paragraph(doc, "(Kèm theo Quyết định số")
    assert (look(doc, reference).italic, look(doc, reference).align) == (True, "center")
    # then the plan's own sections, in its own numbering
    headings = [t for t in texts[at:] if t[:3] in ("I. ", "II.", "III", "IV.", "V. ")]
    assert headings == ["I. ĐÁNH GIÁ TÌNH HÌNH", "II. MỤC ĐÍCH, YÊU CẦU",
                        "III. NHIỆM VỤ VÀ GIẢI PHÁP", "IV. KINH PHÍ THỰC HIỆN",
                        "V. TỔ CHỨC THỰC HIỆN"]
    assert texts[texts.index("Phụ lục I") - 1] == (
        "Trên đây là Kế hoạch chuyển đổi số trong công tác thống kê năm 2026./.")


def test_the_appendices_refer_to_the_decision(rendered: bytes, doc: Document) -> None:
    text = all_text(rendered).replace("\n", " ")
    assert text.count("(Kèm theo Quyết định số") == 3  # the plan and its two appendices
    assert text.count(REFERENCE) == 3
    assert "Kèm theo Kế hoạch" not in text
    assert {"Phụ lục I", "Phụ lục II"} <= set(_texts(doc))


def _sections(data: bytes) -> list[etree._Element]:
    return list(document_xml(data).iter(w("sectPr")))


def test_the_plan_starts_a_new_section_numbered_from_one(rendered: bytes) -> None:
    decision, plan, tasks, contacts = _sections(rendered)
    for section in (decision, plan):
        assert section.find(w("titlePg")) is not None
        assert wval(section.find(w("pgSz")), "orient") is None
    assert wval(plan.find(w("pgNumType")), "start") == "1"
    assert wval(tasks.find(w("pgSz")), "orient") == "landscape"
    assert wval(contacts.find(w("pgSz")), "orient") is None
    # the decision's section ends right after its signature table
    carrier = decision.getparent().getparent()
    assert carrier.getprevious().tag == w("tbl") and not carrier.findall(w("r"))


def test_check_passes_it_and_judges_both_parts(rendered: bytes) -> None:
    report = check_docx(rendered, "free.docx")
    assert report.ok, [(r.id, r.found) for r in report.results if r.failed]
    ids = {result.id for result in report.results if result.status == "pass"}
    assert {"decision.title", "decision.signature", "decision.decision-articles",
            "decision.decision-authority", "plan.title", "plan.headings", "plan.appendix",
            "plan.attached-reference", "plan.attached-frame"} <= ids
    articles = next(r for r in report.results if r.id == "decision.decision-articles")
    assert [finding.params.get("count") for finding in articles.found] == [3]


def test_a_draft_decision_leaves_blanks_in_every_back_reference() -> None:
    data = spec_data(SPEC)
    del data["decision"]["number"]
    data["decision"]["date"] = {"month": 3, "year": 2026}
    rendered = render_data(data)
    assert_schema_valid(rendered)
    text = all_text(rendered).replace("\n", " ")
    draft = (f"(Kèm theo Quyết định số {BLANK}/QĐ-UBND ngày {BLANK} tháng 3 năm 2026 của Chủ "
             "tịch Ủy ban nhân dân tỉnh Đắk Lắk)")
    assert text.count(draft) == 3
    assert f"Số: {BLANK}/QĐ-UBND" in text
    assert check_docx(rendered, "draft.docx").ok


def test_a_written_appendix_reference_is_kept(plan: Plan) -> None:
    data = spec_data(SPEC)
    data["appendices"][1]["reference"] = "Kèm theo Quyết định số 09/QĐ-UBND của Chủ tịch UBND tỉnh"
    text = all_text(render_data(data)).replace("\n", " ")
    assert "(Kèm theo Quyết định số 09/QĐ-UBND của Chủ tịch UBND tỉnh)" in text
    assert text.count(REFERENCE) == 2
