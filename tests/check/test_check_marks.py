"""The marks rule (PL1 III.2.b, III.2.c, III.4) and the one red text the fonts rule allows:
plangen's marked renders pass; each document below breaks one thing, and the rule says what.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import APPENDIX
from lxml import etree
from support.docx_helpers import with_part

from plangen.check.api import check_docx
from plangen.check.report import finding_text
from plangen.check.result import CheckReport, CheckResult
from plangen.model import Plan
from plangen.render.docx import Renderer
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text

ROOT = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PlanMaker = Callable[[dict[str, Any]], Plan]
CONTACT = ["Địa chỉ: 15 Lê Duẩn, tỉnh Đắk Lắk; ĐT: 0262 3852 555",
           "Thư điện tử: skhcn@daklak.gov.vn"]


def _result(report: CheckReport, check_id: str) -> CheckResult:
    return next(r for r in report.results if r.id == check_id)


def _texts(result: CheckResult) -> str:
    return " | ".join(finding_text(f, "vi") for f in result.found)


@pytest.fixture
def marked(make_plan: PlanMaker, plan_data: dict[str, Any], renderer: Renderer) -> bytes:
    return renderer.render(make_plan({**plan_data, "appendix": APPENDIX, "urgency": "KHẨN",
                                      "circulation": "LƯU HÀNH NỘI BỘ", "contact": CONTACT}))


def _edit(data: bytes, part: str, old: str, new: str, count: int = 1) -> bytes:
    text = zipfile.ZipFile(io.BytesIO(data)).read(part).decode()
    assert old in text, f"{old!r} not in {part}"
    return with_part(data, part, text.replace(old, new, count).encode())


def _story(data: bytes, kind: str) -> str:
    """The name of the first page's new header or footer part."""
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    found = sorted(n for n in names if re.fullmatch(rf"word/{kind}\d+\.xml", n))
    return found[-1] if kind == "header" else found[0]


def test_marked_render_passes(marked: bytes) -> None:
    report = check_docx(marked, "marked.docx")
    assert [r.id for r in report.results if r.status == "fail"] == []
    assert "“KHẨN”" in _texts(_result(report, "marks"))


def test_no_marks_is_skipped(make_plan: PlanMaker, plan_data: dict[str, Any],
                             renderer: Renderer) -> None:
    report = check_docx(renderer.render(make_plan(plan_data)), "plain.docx")
    assert _result(report, "marks").status == "skip"


def test_red_elsewhere_still_fails_the_fonts(marked: bytes) -> None:
    """Only the stamp may be red: a red word in the summary fails PL1 I.4 as before."""
    broken = _edit(marked, "word/document.xml", "<w:t xml:space=\"preserve\">Tuyên truyền",
                   "<w:rPr><w:color w:val=\"FF0000\"/></w:rPr>"
                   "<w:t xml:space=\"preserve\">Tuyên truyền")
    report = check_docx(broken, "red.docx")
    fonts = _result(report, "fonts")
    assert fonts.status == "fail" and "FF0000" in _texts(fonts)
    assert "HỎA" not in _texts(fonts) and "“KHẨN”" not in _texts(fonts)


def test_stamp_without_frame_fails(marked: bytes) -> None:
    broken = _edit(marked, "word/document.xml",
                   '<w:left w:val="single" w:sz="8" w:space="0" w:color="FF0000"/>', "")
    marks = _result(check_docx(broken, "x.docx"), "marks")
    assert marks.status == "fail"
    assert "Dấu độ khẩn phải đặt trong khung viền đơn" in _texts(marks)


def test_black_stamp_fails(marked: bytes) -> None:
    broken = _edit(marked, "word/document.xml", '<w:color w:val="FF0000"/><w:sz w:val="26"/>',
                   '<w:sz w:val="26"/>')
    marks = _result(check_docx(broken, "x.docx"), "marks")
    assert marks.status == "fail" and "màu đỏ tươi" in _texts(marks)


def test_small_circulation_note_fails(marked: bytes) -> None:
    broken = _edit(marked, _story(marked, "header"), '<w:sz w:val="26"/><w:szCs w:val="26"/>',
                   '<w:sz w:val="20"/><w:szCs w:val="20"/>')
    marks = _result(check_docx(broken, "x.docx"), "marks")
    assert marks.status == "fail"
    assert "Chỉ dẫn phạm vi lưu hành" in _texts(marks) and "10" in _texts(marks)


def test_contact_without_its_rule_fails(marked: bytes) -> None:
    broken = _edit(marked, _story(marked, "footer"),
                   '<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
                   "</w:pBdr>", "")
    marks = _result(check_docx(broken, "x.docx"), "marks")
    assert marks.status == "fail" and "đường kẻ nét liền" in _texts(marks)


def test_contact_on_every_page_fails(marked: bytes) -> None:
    """The address in the footer later pages show (the default one) breaks "first page only"."""
    broken = _edit(marked, "word/document.xml", '<w:footerReference w:type="first"',
                   '<w:footerReference w:type="default"')
    marks = _result(check_docx(broken, "x.docx"), "marks")
    assert marks.status == "fail" and "chỉ in ở trang đầu" in _texts(marks)


def test_a_level_s_words_in_the_body_are_not_a_stamp(make_plan: PlanMaker,
                                                       plan_data: dict[str, Any],
                                                       renderer: Renderer) -> None:
    """A body paragraph that happens to read "HỎA TỐC" after the title is the plan's text."""
    data = {**plan_data, "preamble": ["HỎA TỐC"]}
    report = check_docx(renderer.render(make_plan(data)), "body.docx")
    assert _result(report, "marks").status == "skip"


def test_a_framed_red_stamp_after_the_title_is_misplaced(marked: bytes) -> None:
    """The stamp's own look after the title is still a stamp, in the wrong place."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(marked)).read("word/document.xml"))
    texts = {"".join(p.itertext()): p for p in root.iter(f"{{{W}}}p")}
    texts["KẾ HOẠCH"].addnext(texts["KHẨN"])  # from the header table to under the title
    moved = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    marks = _result(check_docx(with_part(marked, "word/document.xml", moved), "x.docx"),
                    "marks")
    assert marks.status == "fail"
    assert [f.code for f in marks.found] == ["check_urgency_place"]


def test_in_a_decision_the_stamp_stands_before_the_decision_s_name(
        renderer: Renderer) -> None:
    """A decision's article that reads "HỎA TỐC" comes after the file's first name (the
    QUYẾT ĐỊNH), though before the attached plan's: it is text, not a stamp."""
    text = (ROOT / "specs" / "variations-decision.yaml").read_text(encoding="utf-8")
    old = "Văn phòng HĐND và UBND xã lập dự toán theo quy định."
    assert old in text
    checked = check_loaded(load_spec_text(text.replace(old, "HỎA TỐC", 1), "qd.yaml"))
    assert checked.plan is not None and not checked.errors
    report = check_docx(renderer.render(checked.plan), "qd.docx")
    assert _result(report, "marks").status == "skip"
    assert [r.id for r in report.results if r.status == "fail"] == []
