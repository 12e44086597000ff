"""`plangen check` on a decision that issues a plan: each part judged by its own rules.

The passing document is plangen's own render of a committee decision and its plan; each broken
one changes one thing in its document.xml, and exactly the rule about it must fail.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.docx_helpers import rezipped

from plangen.check.api import check_docx
from plangen.check.report import finding_text, format_text
from plangen.check.result import CheckReport
from plangen.model import build_plan
from plangen.render.docx import render_plan

DATA = Path(__file__).resolve().parents[1] / "data" / "decision"
DOCUMENT = "word/document.xml"


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA / "committee.yaml").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return render_plan(build_plan(_data()))


def failing(report: CheckReport) -> set[str]:
    return {r.id for r in report.results if r.status == "fail"}


def with_document(data: bytes, edit: Any) -> bytes:
    """`data` with its document.xml passed through `edit` (text to text)."""
    def edited(body: bytes) -> bytes:
        changed = edit(body.decode("utf-8"))
        assert changed != body.decode("utf-8"), "the edit changed nothing"
        return changed.encode("utf-8")

    return rezipped(data, {DOCUMENT: edited})


def test_plangens_own_decision_passes_and_both_parts_are_judged(rendered: bytes) -> None:
    report = check_docx(rendered)
    assert report.ok, format_text([report], "en")
    ids = [r.id for r in report.results]
    for rule in ("header-block", "number-line", "date-line", "title", "body-text",
                 "recipients", "signature", "decision-authority", "decision-grounds",
                 "decision-word", "decision-articles"):
        assert f"decision.{rule}" in ids
    for rule in ("title", "body-text", "headings", "appendix", "attached-reference",
                 "attached-frame"):
        assert f"plan.{rule}" in ids
    text = format_text([report], "vi")
    assert "[Quyết định] Quốc hiệu" in text and "[Kế hoạch kèm theo] Tên loại" in text
    assert "[Decision]" in format_text([report], "en")


def test_a_plan_alone_is_checked_as_before(rendered: bytes) -> None:
    data = _data()
    decision = data.pop("decision")
    data.update(place=decision["place"], date=decision["date"],
                recipients=decision["recipients"][1:], signature=decision["signature"])
    report = check_docx(render_plan(build_plan(data)))
    assert report.ok and not any("." in r.id for r in report.results if r.id.startswith(
        ("decision", "plan")))


def _article_label_not_bold(xml: str) -> str:
    return xml.replace("<w:b/></w:rPr><w:t xml:space=\"preserve\">Điều 2.",
                       "</w:rPr><w:t xml:space=\"preserve\">Điều 2.", 1)


@pytest.mark.parametrize(("edit", "rule", "code"), [
    (_article_label_not_bold, "decision.decision-articles", "check_article_label_bold"),
    (lambda xml: xml.replace(">Điều 3.<", ">Điều 4.<", 1), "decision.decision-articles",
     "check_article_order"),
    (lambda xml: xml.replace("Như Điều 3;", "Như Điều 5;", 1), "decision.decision-articles",
     "check_as_article"),
    (lambda xml: xml.replace("năm 2025;", "năm 2025.", 1), "decision.decision-grounds",
     "check_ground_end"),
    (lambda xml: xml.replace("(Kèm theo Quyết định số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/QĐ-UBND",
                             "(Kèm theo Quyết định số 12/QĐ-UBND", 1),
     "plan.attached-reference", "check_reference_number"),
    (lambda xml: xml.replace("tháng 6</w:t><w:br/>", "tháng 7</w:t><w:br/>", 1),
     "plan.attached-reference", "check_reference_date"),
    (lambda xml: xml.replace("tháng 6 năm 2026 của", "tháng 7 năm 2026 của", 1),
     "plan.attached-reference", "check_reference_date"),
])
def test_each_decision_rule_fails_on_its_own(rendered: bytes, edit: Any, rule: str,
                                              code: str) -> None:
    report = check_docx(with_document(rendered, edit))
    assert failing(report) == {rule}, format_text([report], "en")
    found = next(r for r in report.results if r.id == rule).found
    assert code in {finding.code for finding in found}
    assert all("{" not in finding_text(finding, lang) for finding in found
               for lang in ("vi", "en"))


def test_without_the_decision_word_the_articles_are_not_found(rendered: bytes) -> None:
    report = check_docx(with_document(rendered, lambda xml: xml.replace(
        ">QUYẾT ĐỊNH:<", ">Quyết định như sau<", 1)))
    # and the centred line left is body text that is not justified
    assert failing(report) == {"decision.decision-word", "decision.decision-articles",
                               "decision.body-text"}


def test_a_plan_without_its_reference_line(rendered: bytes) -> None:
    report = check_docx(with_document(rendered, lambda xml: xml.replace(
        "(Kèm theo Quyết định", "(Theo Quyết định", 1)))
    # the centred line left is body text that is not justified
    assert failing(report) == {"plan.attached-reference", "plan.body-text"}


def test_the_authority_line_must_be_capitals(rendered: bytes) -> None:
    report = check_docx(with_document(rendered, lambda xml: xml.replace(
        ">ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK<", ">Ủy ban nhân dân tỉnh Đắk Lắk<", 1)))
    assert failing(report) == {"decision.decision-authority"}


def test_grounds_must_be_italic(rendered: bytes) -> None:
    def upright(xml: str) -> str:
        start = xml.index("Căn cứ Luật Tổ chức")
        para = xml.rindex("<w:p>", 0, start)
        return xml[:para] + xml[para:start].replace(
            "<w:r>", "<w:r><w:rPr><w:i w:val=\"0\"/></w:rPr>", 1) + xml[start:]

    report = check_docx(with_document(rendered, upright))
    assert "decision.decision-grounds" in failing(report)


def test_an_attached_plan_with_its_own_recipients_fails(rendered: bytes) -> None:
    """A signature table copied into the plan part is found and refused."""
    def copy_table(xml: str) -> str:
        table = re.search(r"<w:tbl>(?:(?!<w:tbl>).)*?Nơi nhận:.*?</w:tbl>", xml, re.S)
        assert table is not None
        end = xml.index("IV. TỔ CHỨC THỰC HIỆN")
        close = xml.index("</w:p>", xml.index("Sở Khoa học và Công nghệ theo dõi", end)) + 6
        return xml[:close] + table.group(0) + xml[close:]

    report = check_docx(with_document(rendered, copy_table))
    assert "plan.attached-frame" in failing(report)


def test_split_is_not_fooled_by_a_plan_that_quotes_a_decision() -> None:
    """A plain plan whose body mentions "QUYẾT ĐỊNH" is one document."""
    from plangen.spec.api import load_plan

    spec = Path(__file__).resolve().parents[2] / "specs" / "dak-lak.yaml"
    report = check_docx(render_plan(load_plan(spec)))
    assert not any(r.id.startswith(("decision.", "plan.")) for r in report.results)


def handmade_decision(reference: str = "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 02 "
                      "năm 2026 của Ủy ban nhân dân tỉnh Đắk Lắk)", **changes: Any) -> bytes:
    """A decision and its plan typed by hand with python-docx (no plangen styles), the plan
    after a page break in the same section, as officers often do."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt
    from support import handmade_docx as hand
    from support.drawn_lines import draw

    spec = {**hand.DEFAULTS, "number": "Số: 12/QĐ-UBND", "title": "QUYẾT ĐỊNH",
            "summary": "Ban hành Kế hoạch triển khai thi hành Luật Trí tuệ nhân tạo",
            "recipients": ["- Như Điều 3;", "- Bộ Khoa học và Công nghệ (b/c);",
                           "- Lưu: VT, KGVX."], **changes}
    document = docx.Document()
    hand._page(document, spec)
    hand._normal_style(document, spec)
    hand._header_table(document, spec)
    hand._title(document, spec)
    hand._line(document, "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", size=14, bold=True)
    hand._body_paragraph(document, spec, "Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;",
                         "basis")
    hand._body_paragraph(document, spec, "Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.",
                         "basis")
    hand._line(document, "QUYẾT ĐỊNH:", size=14, bold=True)
    for number, text in ((1, "Ban hành kèm theo Quyết định này Kế hoạch triển khai."),
                         (2, "Quyết định này có hiệu lực thi hành kể từ ngày ký."),
                         (3, "Chánh Văn phòng và Giám đốc các sở chịu trách nhiệm thi hành "
                             "Quyết định này./.")):
        hand._body_paragraph(document, spec, f" {text}", "text")
        paragraph = document.paragraphs[-1]
        first = paragraph.runs[0]
        run = paragraph.add_run(f"Điều {number}.")
        run.font.bold, run.font.size = True, Pt(14)
        first._r.addprevious(run._r)  # the label before the text
    hand._bottom_table(document, spec)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    hand._line(document, "KẾ HOẠCH", size=14, bold=True)
    hand._line(document, "Triển khai thi hành Luật Trí tuệ nhân tạo", size=14, bold=True)
    # the plan's own line goes under its summary and the reference line (PL1 III.1)
    draw(hand._line(document, reference, size=14, italic=True), "rule-paragraph")
    for text, kind in hand.BODY[2:]:
        hand._body_paragraph(document, spec, text, kind)
    hand._page_numbers(document, spec)
    for zoom in document.settings.element.findall(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}zoom"):
        zoom.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}percent", "100")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_decision_typed_by_hand_is_judged_part_by_part() -> None:
    report = check_docx(handmade_decision())
    assert report.ok, format_text([report], "en")
    assert {"decision.signature", "decision.decision-articles", "plan.attached-reference",
            "plan.attached-frame"} <= {r.id for r in report.results}


def test_a_hand_typed_reference_naming_another_decision_fails() -> None:
    report = check_docx(handmade_decision("(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 02 "
                                          "năm 2026 của Ủy ban nhân dân tỉnh Đắk Lắk)"))
    assert failing(report) == {"plan.attached-reference"}


def test_the_plans_own_line_under_its_summary_is_judged(rendered: bytes) -> None:
    """The plan after the decision draws its line under the summary and the reference line;
    without it, the plan part fails and the decision part does not."""
    border = ('<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
              '</w:pBdr>')

    def drop_last(xml: str) -> str:
        at = xml.rindex(border)
        return xml[:at] + xml[at + len(border):]

    report = check_docx(with_document(rendered, drop_last))
    assert failing(report) == {"plan.horizontal-lines"}
    (finding,) = next(r for r in report.results if r.id == "plan.horizontal-lines").found
    assert finding.code == "check_line_missing" and finding.where is not None
