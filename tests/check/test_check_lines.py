"""The short lines under the agency name, the motto and the summary (NĐ 30 PL1 II.1.b, II.2.b,
II.5.b): drawn, each way Word and other tools draw them, they pass; typed as characters, dashed
or missing, they are findings that say where and how to draw one in Word.

The documents are a plan typed by hand with python-docx (handmade_docx.py, the line made by
drawn_lines.py) and plangen's own outputs: a plan, a decision that issues a plan (both parts),
a plan with free sections, a BÁO CÁO.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import docx
import pytest
from support.docx_helpers import rezipped
from support.drawn_lines import DRAWN_KINDS, TYPED_KINDS, UNDERLINED_KINDS
from support.handmade_docx import handmade

from plangen.check.api import check_docx
from plangen.check.report import finding_text
from plangen.check.result import CheckReport, CheckResult
from plangen.render.docx import Renderer
from plangen.render.report import render_report
from plangen.spec.api import load_plan
from plangen.track.progress import progress
from plangen.track.readback import read_answers
from plangen.track.report import ReportOptions, report_document
from plangen.track.tasks import assignments
from plangen.track.workbook import assignment_workbook

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
RULE = "horizontal-lines"
PLACES = {"agency": "TỈNH ĐẮK LẮK", "motto": "Độc lập - Tự do - Hạnh phúc",
          "summary": "Triển khai thi hành Luật Trí tuệ nhân tạo"}
WHAT = {"agency": "Đường kẻ dưới tên cơ quan ban hành", "motto": "Đường kẻ dưới Tiêu ngữ",
        "summary": "Đường kẻ dưới trích yếu"}
# what each way of drawing leaves in document.xml, to read it back
MARKUP = {"bottom-border": "<w:bottom ", "rule-paragraph": "<w:top ",
          "rule-paragraph-bottom": "<w:bottom ", "shape-inline": 'prst="line"',
          "shape-anchor": "<wp:anchor", "shape-group": "wpg:wgp", "alternate": "<v:line",
          "vml-line": "<v:line", "vml-connector": "_x0000_t32", "vml-hr": 'o:hr="t"',
          "cell": "<w:tcBorders>"}


def rule(report: CheckReport, check_id: str = RULE) -> CheckResult:
    return next(r for r in report.results if r.id == check_id)


def failing(report: CheckReport) -> set[str]:
    return {r.id for r in report.results if r.status == "fail"}


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def replace_in_document(data: bytes, edit: dict[str, str]) -> bytes:
    def replaced(body: bytes) -> bytes:
        text = body.decode("utf-8")
        for old, new in edit.items():
            assert old in text, old
            text = text.replace(old, new)
        return text.encode("utf-8")

    return rezipped(data, {"word/document.xml": replaced})


# ---- drawn lines pass -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", DRAWN_KINDS)
def test_each_way_of_drawing_the_lines_passes(kind: str) -> None:
    data = handmade(lines=kind)
    report = check_docx(data, f"{kind}.docx")  # the bundled schemas validate the markup
    assert failing(report) == set(), [finding_text(f, "en") for r in report.failed
                                      for f in r.found]
    assert rule(report).found[0].params == {"count": 3}
    assert MARKUP[kind] in document_xml(data)
    read = docx.Document(io.BytesIO(data))  # python-docx reads it back: the texts are intact
    texts = [p.text for p in read.paragraphs] + [p.text for table in read.tables
                                                 for cell in table._cells
                                                 for p in cell.paragraphs]
    assert all(text in texts for text in PLACES.values())


def test_a_line_in_one_place_does_not_stand_for_another() -> None:
    """A line under the Quốc hiệu is not the one under the motto; lines under the agency and
    the motto do not make up for the summary's."""
    data = handmade(lines={"agency": "rule-paragraph", "motto": None, "summary": None})
    national = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>"
    moved = replace_in_document(data, {national: national + (
        '<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" '
        'w:color="000000"/></w:pBdr></w:pPr></w:p>')})
    found = rule(check_docx(moved, schemas=None)).found
    assert [(f.code, f.where.text if f.where else "") for f in found] == [
        ("check_line_missing", PLACES["motto"]), ("check_line_missing", PLACES["summary"])]


# ---- typed, dashed, missing -----------------------------------------------------------------


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", TYPED_KINDS)
def test_a_line_typed_as_characters_is_a_finding(place: str, kind: str) -> None:
    report = check_docx(handmade(lines={**dict.fromkeys(PLACES, "shape-anchor"), place: kind}))
    assert failing(report) == {RULE}, [finding_text(f, "en") for r in report.failed
                                       for f in r.found]
    (finding,) = rule(report).found
    assert finding.code == "check_line_typed"
    assert finding.where is not None and finding.where.paragraph is not None
    typed = TYPED_KINDS[kind].strip()
    if typed:
        assert typed[:10] in finding.where.text  # it points at the typed characters
    if kind == "typed-br":
        assert finding.where.text.startswith(PLACES[place])
    text = finding_text(finding, "vi")
    assert text.startswith(f"{WHAT[place]} đang gõ bằng ký tự")
    assert "Viền dưới (Bottom Border)" in text and "Đường thẳng (Line)" in text
    english = finding_text(finding, "en")
    assert "typed as characters" in english and "Bottom Border" in english


UNDERLINED_VI = {"spaces": "các dấu cách", "tabs": "các dấu tab"}
UNDERLINED_EN = {"spaces": "spaces", "tabs": "tabs"}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", UNDERLINED_KINDS)
def test_an_underline_standing_for_the_line_is_its_own_finding(place: str, kind: str) -> None:
    """The text underlined, or underlined spaces or tabs under it (in the next paragraph or
    after a line break): not a missing line, not typed characters, but an underline, with how
    to draw the line instead in Word and in LibreOffice."""
    data = handmade(lines={**dict.fromkeys(PLACES, "shape-anchor"), place: kind})
    report = check_docx(data)  # the bundled schemas validate the markup
    assert failing(report) == {RULE}, [finding_text(f, "en") for r in report.failed
                                       for f in r.found]
    (finding,) = rule(report).found
    assert finding.code == "check_line_underlined"
    assert finding.where is not None and finding.where.paragraph is not None
    found = UNDERLINED_KINDS[kind]
    text, english = finding_text(finding, "vi"), finding_text(finding, "en")
    if found == "text":  # it points at the text, and names it
        assert finding.where.text == PLACES[place]
        assert text.startswith(f"{WHAT[place]} đang là nét gạch chân dưới “{PLACES[place]}”")
        assert f"is an underline under “{PLACES[place]}”" in english
    else:
        assert text.startswith(f"{WHAT[place]} đang là nét gạch chân dưới "
                               f"{UNDERLINED_VI[found]} (định dạng chữ), không phải đường kẻ")
        assert f"is an underline under {UNDERLINED_EN[found]} (character formatting)" in english
    assert "bỏ gạch chân (Ctrl+U)" in text and "Viền dưới (Bottom Border)" in text
    assert "Trong LibreOffice" in text and "Định dạng (Format) > Đoạn văn (Paragraph) > Viền " \
        "(Borders)" in text
    assert "remove the underline (Ctrl+U)" in english and "Format > Paragraph > Borders" in \
        english and "not a drawn line" in english


def test_an_underline_with_the_line_drawn_too_is_no_finding() -> None:
    """An underlined text whose line is drawn as well has its line: the rule is met."""
    data = handmade(lines="bottom-border")
    underlined = replace_in_document(data, {"<w:t>TỈNH ĐẮK LẮK</w:t>": (
        "<w:t>TỈNH ĐẮK LẮK</w:t></w:r><w:r><w:rPr><w:u w:val=\"single\"/></w:rPr>"
        "<w:t xml:space=\"preserve\">      </w:t>")})
    assert rule(check_docx(underlined, schemas=None)).status == "pass"


def test_a_short_underline_is_no_line() -> None:
    """Two underlined spaces print no line: the line is still missing."""
    data = handmade(lines={"agency": None, "motto": "bottom-border",
                           "summary": "bottom-border"})
    short = replace_in_document(data, {"<w:t>TỈNH ĐẮK LẮK</w:t>": (
        "<w:t>TỈNH ĐẮK LẮK</w:t></w:r><w:r><w:rPr><w:u w:val=\"single\"/></w:rPr>"
        "<w:t xml:space=\"preserve\">  </w:t>")})
    assert [f.code for f in rule(check_docx(short, schemas=None)).found] == [
        "check_line_missing"]


@pytest.mark.parametrize("place", PLACES)
def test_a_missing_line_is_a_finding_at_its_text(place: str) -> None:
    report = check_docx(handmade(lines={**dict.fromkeys(PLACES, "bottom-border"),
                                        place: None}))
    assert failing(report) == {RULE}
    (finding,) = rule(report).found
    assert finding.code == "check_line_missing"
    assert finding.where is not None and finding.where.text == PLACES[place]
    text = finding_text(finding, "vi")
    assert text.startswith(f"{WHAT[place]} chưa có: Nghị định 30 yêu cầu một đường kẻ ngang")
    want = "dài bằng dòng Tiêu ngữ" if place == "motto" else "dài từ 1/3 đến 1/2 dòng chữ"
    assert want in text


@pytest.mark.parametrize("kind", ["dashed-border", "shape-dashed"])
def test_a_dashed_line_is_not_solid(kind: str) -> None:
    report = check_docx(handmade(lines={"agency": kind, "motto": "cell",
                                        "summary": "rule-paragraph"}))
    (finding,) = rule(report).found
    assert finding.code == "check_line_broken"
    assert finding_text(finding, "vi").startswith(
        "Đường kẻ dưới tên cơ quan ban hành đang là nét đứt hoặc chấm")


@pytest.mark.parametrize("kind", ["shape-vertical", "shape-rectangle", "vml-vertical"])
def test_shapes_that_are_not_horizontal_lines_do_not_count(kind: str) -> None:
    report = check_docx(handmade(lines=kind))
    assert [f.code for f in rule(report).found] == ["check_line_missing"] * 3


# ---- plangen's own outputs ------------------------------------------------------------------


@pytest.mark.parametrize(("spec", "counts"), [
    ("dak-lak.yaml", {RULE: 3}), ("variations-free.yaml", {RULE: 3}),
    ("variations-decision.yaml", {f"decision.{RULE}": 3, f"plan.{RULE}": 1}),
    ("bo-vhttdl-qd4385.yaml", {f"decision.{RULE}": 3, f"plan.{RULE}": 1})])
def test_plangen_outputs_draw_every_line(renderer: Renderer, spec: str,
                                         counts: dict[str, int]) -> None:
    report = check_docx(renderer.render(load_plan(SPECS / spec)), spec, schemas=None)
    assert report.ok, [finding_text(f, "en") for r in report.failed for f in r.found]
    for check_id, count in counts.items():
        assert rule(report, check_id).found[0].params == {"count": count}


def test_a_bao_cao_draws_every_line(tmp_path: Path) -> None:
    work = assignments(load_plan(SPECS / "variations.yaml"))
    workbook = tmp_path / "phan-cong.xlsx"
    workbook.write_bytes(assignment_workbook(work))
    answers = read_answers(work, [workbook])
    figures = progress(work, answers, datetime.date(2026, 10, 15))
    data = render_report(report_document(work, answers, figures, ReportOptions()), None)
    report = check_docx(data, "bao-cao.docx", schemas=None)
    assert report.ok and rule(report).found[0].params == {"count": 3}


RULE_BORDER = ('<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/>'
               '</w:pBdr>')


def test_plangen_output_without_its_lines_fails(renderer: Renderer) -> None:
    data = renderer.render(load_plan(SPECS / "dak-lak.yaml"))
    assert document_xml(data).count(RULE_BORDER) == 3  # agency, motto, summary
    bare = replace_in_document(data, {RULE_BORDER: ""})
    report = check_docx(bare, schemas=None)
    assert failing(report) == {RULE}
    assert [(f.code, f.where.text if f.where else "") for f in rule(report).found] == [
        ("check_line_missing", "TỈNH ĐẮK LẮK"), ("check_line_missing", PLACES["motto"]),
        ("check_line_missing", "Triển khai thực hiện Luật Trí tuệ nhân tạo trên địa bàn tỉnh "
                               "Đắk Lắk")]


def test_plangen_output_with_typed_lines_fails(renderer: Renderer) -> None:
    """The summary's drawn line replaced by underscores, the way the official sample types
    it (Mẫu 1.4: superscript underscores)."""
    data = renderer.render(load_plan(SPECS / "dak-lak.yaml"))
    xml = document_xml(data)
    start = xml.rindex(RULE_BORDER)
    end = xml.index("</w:p>", start)
    typed = xml[:start] + xml[start + len(RULE_BORDER):end] + (
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>__________________</w:t>'
        '</w:r>') + xml[end:]
    out = replace_in_document(data, {xml: typed})
    report = check_docx(out, schemas=None)
    assert failing(report) == {RULE}, [finding_text(f, "en") for r in report.failed
                                       for f in r.found]
    (finding,) = rule(report).found
    assert finding.code == "check_line_typed" and finding.where is not None
    assert finding.where.text == "__________________"
