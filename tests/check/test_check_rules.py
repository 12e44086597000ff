"""Each NĐ 30 rule of `plangen check`, on documents that pass and on one built to break it.

The passing documents are plangen's own renders and a plan typed by hand with python-docx
(handmade_docx.py). Each broken document changes one thing, and exactly that rule must fail,
saying what it found and where.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import APPENDIX
from docx.enum.text import WD_ALIGN_PARAGRAPH
from support.handmade_docx import handmade

from plangen.check.api import check_docx
from plangen.check.report import finding_text, format_text
from plangen.check.result import CheckReport, CheckResult
from plangen.check.rules import RULES
from plangen.model import Plan
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan

SPECS = Path(__file__).resolve().parents[2] / "specs"
RULE_IDS = [rule.id for rule in RULES]


def result(report: CheckReport, check_id: str) -> CheckResult:
    return next(r for r in report.results if r.id == check_id)


def failing(report: CheckReport) -> set[str]:
    return {r.id for r in report.results if r.status == "fail"}


@pytest.fixture(scope="module")
def handmade_report() -> CheckReport:
    return check_docx(handmade(appendix=True), "handmade.docx")


@pytest.mark.parametrize("spec", ["dak-lak", "hue", "an-giang", "variations"])
def test_plangen_renders_pass_every_rule(renderer: Renderer, spec: str) -> None:
    report = check_docx(renderer.render(load_plan(SPECS / f"{spec}.yaml")), spec)
    assert failing(report) == set(), [
        finding_text(f, "en") for r in report.failed for f in r.found]
    assert result(report, "body-text").status == "pass"


def test_small_plan_with_and_without_appendix_passes(
        renderer: Renderer, make_plan: Callable[[dict[str, Any]], Plan],
        plan_data: dict[str, Any]) -> None:
    plain = check_docx(renderer.render(make_plan(plan_data)))
    assert failing(plain) == set()
    assert result(plain, "appendix").status == "skip"
    assert result(plain, "appendix-header-row").status == "skip"
    plan_data["appendix"] = APPENDIX
    with_appendix = check_docx(renderer.render(make_plan(plan_data)))
    assert failing(with_appendix) == set()
    assert result(with_appendix, "appendix").status == "pass"
    assert result(with_appendix, "appendix-header-row").status == "pass"


def test_a_plan_typed_by_hand_passes_every_rule(handmade_report: CheckReport) -> None:
    assert failing(handmade_report) == set(), [
        finding_text(f, "en") for r in handmade_report.failed for f in r.found]
    assert {r.id: r.status for r in handmade_report.results}.keys() >= set(RULE_IDS)
    # its appendix table is drawn without borders: no data table for "data-tables" to judge
    assert all(r.status == "pass" for r in handmade_report.results
               if r.id not in ("data-tables", "marks"))
    assert result(handmade_report, "marks").status == "skip"  # it has no first-page marks


# (rule, what is broken, finding code, text the finding's place shows)
BROKEN = [
    ("paper", {"paper": (216, 279)}, "check_paper_bad", None),
    ("margins", {"margins": (20, 20, 25, 15)}, "check_margin_bad", None),
    ("margins", {"margins": (15, 20, 30, 15)}, "check_margin_bad", None),
    ("fonts", {"font": "Arial"}, "check_font_bad", "ỦY BAN NHÂN DÂN"),
    ("fonts", {"color": "FF0000"}, "check_color_bad", "Căn cứ"),
    ("header-block", {"national_bold": False}, "check_not_bold", "CỘNG HÒA"),
    ("header-block", {"motto": "Độc lập – Tự do – Hạnh phúc"}, "check_text", "Độc lập"),
    ("header-block", {"motto_size": 13}, "check_motto_size_pair", "Độc lập"),
    ("header-block", {"agency": ["Ủy ban nhân dân", "Tỉnh Đắk Lắk"]}, "check_not_caps",
     "Ủy ban"),
    ("number-line", {"number": "Số: 5/KH-UBND"}, "check_number_zero", "Số: 5/KH-UBND"),
    ("number-line", {"number": "Số: 05/KH - UBND"}, "check_symbol_bad", "Số: 05"),
    ("number-line", {"number": "SỐ: 05/KH-UBND"}, "check_text", "SỐ"),
    ("date-line", {"date": "Đắk Lắk, ngày 05 tháng 03 năm 2026"}, "check_month_extra_zero",
     "tháng 03"),
    ("date-line", {"date": "Đắk Lắk, ngày 5 tháng 3 năm 2026"}, "check_day_zero", "ngày 5"),
    ("date-line", {"date": "Đắk Lắk, ngày 15 tháng 2 năm 2026"}, "check_month_zero",
     "tháng 2"),
    ("date-line", {"date": "Đắk Lắk, ngày 30 tháng 02 năm 2026"}, "check_date_invalid",
     "ngày 30"),
    ("date-line", {"date_italic": False}, "check_not_italic", "Đắk Lắk, ngày"),
    ("title", {"title_align": WD_ALIGN_PARAGRAPH.LEFT}, "check_align", "KẾ HOẠCH"),
    ("title", {"summary": "TRIỂN KHAI THI HÀNH LUẬT TRÍ TUỆ NHÂN TẠO"}, "check_caps",
     "TRIỂN KHAI"),
    ("title", {"summary": "V/v triển khai thi hành Luật"}, "check_summary_vv", "V/v"),
    ("body-text", {"body_align": WD_ALIGN_PARAGRAPH.LEFT}, "check_body_align", "Căn cứ"),
    ("body-text", {"indent_cm": 0}, "check_body_indent", "Căn cứ"),
    ("body-text", {"indent_cm": 1.5}, "check_body_indent", "Căn cứ"),
    ("body-text", {"space_before": 0}, "check_body_spacing", "Ủy ban nhân dân tỉnh ban hành"),
    ("body-text", {"line_spacing": 2.0}, "check_body_line", "Căn cứ"),
    ("body-text", {"body_size": 12}, "check_body_size", "Căn cứ"),
    ("headings", {"heading_italic": True}, "check_italic", "I. MỤC ĐÍCH"),
    ("headings", {"points_bold": True}, "check_bold", "a) Rõ người"),
    ("recipients", {"label_underline": True}, "check_underlined", "Nơi nhận"),
    ("recipients", {"label_size": 13}, "check_size", "Nơi nhận"),
    ("recipients", {"label": "Nơi nhận"}, "check_text", "Nơi nhận"),
    ("recipients", {"recipients": ["- Bộ Khoa học và Công nghệ", "- Lưu: VT, KGVX."]},
     "check_recipient_semicolon", "Bộ Khoa học"),
    ("recipients", {"recipients": ["- Các sở:", "- Lưu: VT, KGVX."]},
     "check_recipient_semicolon", "Các sở"),
    ("recipients", {"recipients": ["- Bộ Khoa học và Công nghệ;", "- Các sở."]},
     "check_recipient_archive", "Các sở"),
    ("recipients", {"kinh_gui": True}, "check_kinh_gui", "Kính gửi"),
    ("signature", {"signer": "TS. Nguyễn Văn A"}, "check_signer_honorific", "TS. Nguyễn"),
    ("signature", {"signer": "NGUYỄN VĂN A"}, "check_caps", "NGUYỄN VĂN A"),
    ("page-numbers", {"page_field": None}, "check_missing", None),
    ("page-numbers", {"page_field": "footer"}, "check_page_in_footer", None),
    ("page-numbers", {"title_page": False}, "check_page_on_first", None),
    ("appendix", {"appendix": True, "appendix_label": "PHỤ LỤC"}, "check_caps", "PHỤ LỤC"),
]


@pytest.mark.parametrize(("rule", "changes", "code", "shown"), BROKEN,
                         ids=[f"{case[0]}-{case[2]}-{i}" for i, case in enumerate(BROKEN)])
def test_each_rule_catches_what_breaks_it(rule: str, changes: dict[str, Any], code: str,
                                          shown: str | None) -> None:
    report = check_docx(handmade(**changes), "broken.docx")
    assert failing(report) == {rule}, [finding_text(f, "en") for r in report.failed
                                       for f in r.found]
    found = result(report, rule).found
    assert code in [finding.code for finding in found]
    finding = next(f for f in found if f.code == code)
    assert finding.where is not None
    if shown is not None:
        assert shown in finding.where.text, finding.where
        assert finding.where.paragraph is not None


def test_an_appendix_heading_row_not_repeated_is_advice_not_a_failure() -> None:
    """NĐ 30 does not ask for the heading row on each page: plangen's practice, told as
    advice; `plangen check` still passes the file, batch's self-check does not."""
    report = check_docx(handmade(appendix=True, header_row=False), "broken.docx")
    assert failing(report) == set() and report.ok and not report.clean
    advice = result(report, "appendix-header-row")
    assert advice.status == "advice"
    assert [f.code for f in advice.found] == ["check_header_row"]
    assert "STT" in advice.found[0].where.text
    text = format_text([report], "vi")
    assert "[NÊN SỬA]" in text and "NĐ 30 không quy định" in text


def test_plangen_s_own_files_may_draw_no_advice() -> None:
    """Batch checks what it writes as strictly as before: advice is a failure there."""
    from plangen.check.api import CheckError, raise_if_failed
    raise_if_failed(handmade(appendix=True))
    with pytest.raises(CheckError) as caught:
        raise_if_failed(handmade(appendix=True, header_row=False))
    assert "check_header_row" in {f.code for r in caught.value.report.advised for f in r.found}
    assert "không lặp lại" in caught.value.message("vi")


def test_a_portrait_appendix_is_the_drafter_s_choice() -> None:
    """NĐ 30 sets no orientation for an appendix: a four-column table that fits its portrait
    page passes (plangen's own spec key `orientation: portrait` makes such pages)."""
    report = check_docx(handmade(appendix=True, appendix_landscape=False), "portrait.docx")
    assert failing(report) == set()
    assert result(report, "appendix").status == "pass"


def test_where_names_the_table_cell() -> None:
    report = check_docx(handmade(date="Đắk Lắk, ngày 05 tháng 03 năm 2026"))
    finding = result(report, "date-line").found[0]
    assert (finding.where.table, finding.where.row, finding.where.cell) == (1, 2, 2)
    text = finding_text(finding, "vi")
    assert "tháng 3" in text and "bảng 1, hàng 2, ô 2" in text and "tháng 03" in text


def test_margin_finding_says_side_value_and_range() -> None:
    report = check_docx(handmade(margins=(20, 20, 25, 15)))
    finding = result(report, "margins").found[0]
    assert finding_text(finding, "vi") == "Lề trái 25 mm, cần 30–35 mm. Ở phần (section) 1."
    assert finding_text(finding, "en") == ("The left margin is 25 mm; it must be 30–35 mm. At "
                                           "section 1.")


def test_a_document_that_is_not_a_plan_fails_without_crashing() -> None:
    """A letter (công văn) has no KẾ HOẠCH title, no body to find: failures, not a crash."""
    report = check_docx(handmade(title="CÔNG VĂN"))
    assert {"title", "body-text"} <= failing(report)
    assert result(report, "title").found[0].code == "check_missing"


def test_rules_never_read_xml() -> None:
    """Only check.package, check.styles, check.format and check.schema read a document's
    files; the rules, the part finder and the report work on what they return."""
    import ast

    package = Path(__file__).resolve().parents[2] / "plangen"
    for module in ("rules", "rules_head", "rules_body", "rulekit", "parts", "report", "result"):
        tree = ast.parse((package / "check" / f"{module}.py").read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names}
        imported |= {node.module or "" for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom)}
        assert not {"lxml", "lxml.etree", "zipfile", "docx", "plangen.check.package",
                    "plangen.check.styles", "plangen.check.schema"} & imported, module


def test_norm_leaves_printable_text_to_strip_alone() -> None:
    """norm's shortcut: a printable text (after NFC) holds no whitespace but " " — true of
    every code point — so with no double space the substitution would change nothing."""
    import re
    import sys
    import unicodedata

    from plangen.check.parts import norm

    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char != " " and space.match(char):
            assert not char.isprintable(), hex(code)
    for text in ("  a  b ", "a\u00a0b", "a\tb", "Kế  hoạch", "Ke\u0302\u0301 hoạch", " x "):
        assert norm(text) == re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def test_a_recipient_group_may_end_with_a_colon_before_its_sub_items() -> None:
    report = check_docx(handmade(recipients=["- Bộ Khoa học và Công nghệ;", "- Các sở:",
                                             "+ Sở Tư pháp;", "+ Sở Tài chính;",
                                             "- Lưu: VT, KGVX."]), "group.docx")
    assert "recipients" not in failing(report)


@pytest.mark.parametrize(("text", "heading"), [
    ("Phần I. Đánh giá", True), ("PHẦN II", True), ("Chương 2: Nhiệm vụ", True),
    ("Phần thứ nhất", True), ("Phần còn lại do các xã bảo đảm./.", False),
    ("Phần ca ba ba./.", False), ("Chương trình hành động", False),
])
def test_a_part_heading_is_told_from_a_sentence_that_starts_with_phan(
        text: str, heading: bool, renderer: Renderer,
        make_plan: Callable[[dict[str, Any]], Plan], plan_data: dict[str, Any]) -> None:
    """Found by the property test: a closing "Phần ca …" was held to the bold of "Phần I"."""
    from plangen.labels import PART_HEADING
    assert bool(PART_HEADING.match(text)) is heading
    if not heading:
        plan_data["closing"] = text
        report = check_docx(renderer.render(make_plan(plan_data)))
        assert report.ok, [str(result) for result in report.failed]
