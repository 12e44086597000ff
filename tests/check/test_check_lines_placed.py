"""Lines drawn where offices draw them, judged by where they lie, not by what holds them.

A floating line counts as the line under the agency's name when it lies under the name's
column, right below its last line, whichever paragraph it is anchored in (the first line of
the name, the Quốc hiệu in the other cell, the number line under it); a line lying under the
other column, over the text or far below it is named, with where it is and how to move it.
A line drawn at the top of the cell under the name (its top border, an empty bordered
paragraph, the top border of the number line, the bottom border of an empty row kept for the
line) counts, found by the table's grid even when that row splits its cells differently; a
line further down does not.

Two sources: the hand-made plan (python-docx, the line as Word writes it, see
drawn_lines.anchor_at) and a plan written in LibreOffice Writer and saved as .docx by
LibreOffice (libreoffice_lines.py), so the markup is LibreOffice's own.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from conftest import require_soffice
from docx.oxml import parse_xml
from support.drawn_lines import DRAWN_KINDS, NAMESPACES, anchor_at, run_with
from support.handmade_docx import handmade
from support.libreoffice_lines import AGENCY_KINDS, fodt, saved_by_libreoffice

from plangen.check.api import check_docx
from plangen.check.report import finding_text
from plangen.check.result import CheckReport, CheckResult, Finding

RULE = "horizontal-lines"
AGENCY = "TỈNH ĐẮK LẮK"
EMU_PER_CM = 360_000
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
Edit = Callable[[docx.document.Document], None]


def rule(report: CheckReport) -> CheckResult:
    return next(r for r in report.results if r.id == RULE)


def _edited(edit: Edit, lacking: str = "agency", **changes: object) -> bytes:
    """The hand-made plan (`changes` to its defaults), every line drawn but the one under
    `lacking` ("agency", "motto", "summary"), edited by `edit`."""
    kinds = {**dict.fromkeys(("agency", "motto", "summary"), "shape-anchor"), lacking: None}
    document = docx.Document(io.BytesIO(handmade(lines=kinds, **changes)))
    edit(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _anchor(row: int, cell: int, paragraph: int, across: str, left: int | str, down: str,
            top: int) -> Edit:
    """Anchor a line in paragraph `paragraph` of header cell (row, cell), put as given."""
    def edit(document: docx.document.Document) -> None:
        target = document.tables[0].cell(row, cell).paragraphs[paragraph]
        target._p.append(run_with(anchor_at(across, left, down, top)))
    return edit


# the left column: 30 mm margin, then half of the 165 mm text width; a 30 mm line in its
# middle starts 26 mm in
LEFT_COLUMN_LINE = int(2.6 * EMU_PER_CM)
UNDER_THE_NAME = int(0.62 * EMU_PER_CM)  # from the top of "TỈNH ĐẮK LẮK"

PLACED: dict[str, Edit] = {
    "own-paragraph": _anchor(0, 0, 1, "column", "center", "paragraph", UNDER_THE_NAME),
    "first-line-of-the-name": _anchor(0, 0, 0, "column", "center", "paragraph",
                                      int(1.25 * EMU_PER_CM)),
    "quoc-hieu-cell-page-across": _anchor(0, 1, 0, "page", int(3.0 * EMU_PER_CM) +
                                          LEFT_COLUMN_LINE, "paragraph",
                                          int(1.25 * EMU_PER_CM)),
    "number-line-above-it": _anchor(1, 0, 0, "column", "center", "paragraph",
                                    -int(0.12 * EMU_PER_CM)),
    "margin-across": _anchor(0, 0, 1, "margin", LEFT_COLUMN_LINE, "paragraph",
                             UNDER_THE_NAME),
}


@pytest.mark.parametrize("case", PLACED)
def test_a_floating_line_under_the_name_counts_wherever_it_is_anchored(case: str) -> None:
    report = check_docx(_edited(PLACED[case]))  # the bundled schemas validate the markup
    assert {r.id for r in report.failed} == set(), [
        finding_text(f, "en") for r in report.failed for f in r.found]
    assert rule(report).found[0].params == {"count": 3}


def test_without_the_line_the_same_plan_lacks_it() -> None:
    (finding,) = rule(check_docx(_edited(lambda d: None), schemas=None)).found
    assert finding.code == "check_line_missing"


# (edit, the finding's code, what it says in Vietnamese, in English)
MISPLACED: dict[str, tuple[Edit, str, str, str]] = {
    "under-the-motto-column": (
        _anchor(0, 0, 1, "page", int(13 * EMU_PER_CM), "paragraph", UNDER_THE_NAME),
        "check_line_misplaced", "nằm dưới cột bên cạnh", "under the other column"),
    "over-the-text": (
        _anchor(0, 0, 1, "column", "center", "paragraph", int(0.15 * EMU_PER_CM)),
        "check_line_misplaced", "nằm ngang hoặc phía trên dòng chữ", "level with or above"),
    "far-below": (
        _anchor(0, 0, 1, "column", "center", "paragraph", int(3 * EMU_PER_CM)),
        "check_line_far", "khoảng 2,4 cm về phía dưới", "about 2.4 cm below"),
    "under-the-number-line": (
        _anchor(1, 0, 0, "column", "center", "paragraph", int(0.62 * EMU_PER_CM)),
        "check_line_far", "neo vào “Số: 05/KH-UBND”", "anchored to “Số: 05/KH-UBND”"),
}


def _only(data: bytes) -> Finding:
    report = check_docx(data)
    assert {r.id for r in report.failed} == {RULE}, [
        finding_text(f, "en") for r in report.failed for f in r.found]
    (finding,) = rule(report).found
    return finding


@pytest.mark.parametrize("case", MISPLACED)
def test_a_floating_line_not_under_the_name_is_named_with_where_it_lies(case: str) -> None:
    edit, code, vietnamese, english = MISPLACED[case]
    finding = _only(_edited(edit))
    assert finding.code == code
    assert finding.where is not None and finding.where.text == AGENCY  # at the name
    text, in_english = finding_text(finding, "vi"), finding_text(finding, "en")
    assert text.startswith("Đường kẻ dưới tên cơ quan ban hành có vẽ (hình đường thẳng")
    assert vietnamese in text and english in in_english
    assert "Viền dưới (Bottom Border)" in text and "Vị trí và kích thước" in text
    assert "Format > Position and Size" in in_english


def _in_body(paragraph: int, top: int) -> Edit:
    """Anchor a line in body paragraph `paragraph` (0-based, outside the tables), centred on
    the column, `top` EMU from the paragraph's top."""
    def edit(document: docx.document.Document) -> None:
        target = document.paragraphs[paragraph]
        target._p.append(run_with(anchor_at("column", "center", "paragraph", top)))
    return edit


def test_a_line_anchored_under_the_header_table_and_moved_up_under_the_name_counts() -> None:
    """Drawn over the header table, Word may anchor the line in the paragraph under the
    table ("KẾ HOẠCH"), an offset up; across, the column is then the page's text column."""
    def edit(document: docx.document.Document) -> None:
        target = document.paragraphs[_index(document, "KẾ HOẠCH")]
        target._p.append(run_with(anchor_at("column", LEFT_COLUMN_LINE, "paragraph",
                                            -int(0.62 * EMU_PER_CM))))
    report = check_docx(_edited(edit))
    assert rule(report).status == "pass", [finding_text(f, "en") for f in rule(report).found]


def test_a_line_anchored_under_the_header_table_far_from_the_name_is_not_its_line() -> None:
    """The same line left where it was drawn, under the table: not the name's line (and,
    anchored outside the table, not named as the name's line put wrong either)."""
    def edit(document: docx.document.Document) -> None:
        target = document.paragraphs[_index(document, "KẾ HOẠCH")]
        target._p.append(run_with(anchor_at("column", LEFT_COLUMN_LINE, "paragraph",
                                            int(0.1 * EMU_PER_CM))))
    (finding,) = rule(check_docx(_edited(edit), schemas=None)).found
    assert finding.code == "check_line_missing" and finding.where is not None
    assert finding.where.text == AGENCY


SUMMARY = "Triển khai thi hành Luật Trí tuệ nhân tạo"
BASIS = "Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;"


def _index(document: docx.document.Document, text: str) -> int:
    return next(n for n, p in enumerate(document.paragraphs) if p.text == text)


def test_the_motto_s_line_anchored_in_the_date_line_counts() -> None:
    report = check_docx(_edited(_anchor(1, 1, 0, "column", "center", "paragraph",
                                        -int(0.12 * EMU_PER_CM)), lacking="motto"))
    assert rule(report).status == "pass", [finding_text(f, "en") for f in rule(report).found]


def test_the_motto_s_line_under_the_agency_s_column_is_named() -> None:
    finding = _only(_edited(_anchor(0, 1, 1, "page", int(4 * EMU_PER_CM), "paragraph",
                                    UNDER_THE_NAME), lacking="motto"))
    assert finding.code == "check_line_misplaced" and finding.where is not None
    assert finding.where.text == "Độc lập - Tự do - Hạnh phúc"
    assert finding_text(finding, "vi").startswith("Đường kẻ dưới Tiêu ngữ có vẽ")


def test_the_summary_s_line_anchored_in_the_next_paragraph_counts() -> None:
    def edit(document: docx.document.Document) -> None:
        _in_body(_index(document, BASIS), -int(0.12 * EMU_PER_CM))(document)
    report = check_docx(_edited(edit, lacking="summary"))
    assert rule(report).status == "pass", [finding_text(f, "en") for f in rule(report).found]


def test_the_summary_s_line_far_below_it_is_named() -> None:
    def edit(document: docx.document.Document) -> None:
        _in_body(_index(document, SUMMARY), int(2.5 * EMU_PER_CM))(document)
    finding = _only(_edited(edit, lacking="summary"))
    assert finding.code == "check_line_far" and finding.where is not None
    assert finding.where.text == SUMMARY


LONG_NAME = "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ KHU KINH TẾ TỈNH ĐẮK LẮK"


@pytest.mark.parametrize(("top_cm", "code"), [(1.3, None), (0.62, "check_line_misplaced")])
def test_a_name_that_wraps_has_its_line_under_its_last_printed_line(
        top_cm: float, code: str | None) -> None:
    """A name too long for its cell prints on two lines: the line goes under the second."""
    data = _edited(_anchor(0, 0, 1, "column", "center", "paragraph", int(top_cm * EMU_PER_CM)),
                   agency=["ỦY BAN NHÂN DÂN", LONG_NAME])
    found = rule(check_docx(data, schemas=None)).found
    assert [f.code for f in found] == [code or "check_ok_lines"]


# ---- the cell under the name, its row split differently -----------------------------------


def _split_header(border_cell: int) -> Edit:
    """Split the header table's left column into three grid columns (the name's row and the
    number's row span them) and add a row between them, its four cells empty, the bottom of
    cell `border_cell` bordered: the short line offices make with a table."""
    def edit(document: docx.document.Document) -> None:
        tbl = document.tables[0]._tbl
        grid = tbl.tblGrid
        left, right = (int(col.get(f"{{{W}}}w")) for col in grid.findall(f"{{{W}}}gridCol"))
        for col in list(grid):
            grid.remove(col)
        for width in (left // 4, left // 2, left - left // 4 - left // 2, right):
            grid.append(parse_xml(f'<w:gridCol {NAMESPACES} w:w="{width}"/>'))
        rows = tbl.findall(f"{{{W}}}tr")
        for tr in rows:
            first = tr.findall(f"{{{W}}}tc")[0]
            first.get_or_add_tcPr().append(parse_xml(f'<w:gridSpan {NAMESPACES} w:val="3"/>'))
        spacer = copy.deepcopy(rows[1])
        for tc in spacer.findall(f"{{{W}}}tc"):
            spacer.remove(tc)
        for number, width in enumerate((left // 4, left // 2, left - left // 4 - left // 2,
                                        right), start=1):
            bottom = ('<w:tcBorders><w:bottom w:val="single" w:sz="4" w:space="0" '
                      'w:color="000000"/></w:tcBorders>') if number == border_cell else ""
            spacer.append(parse_xml(
                f'<w:tc {NAMESPACES}><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{bottom}'
                '</w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="120" '
                'w:lineRule="exact"/></w:pPr></w:p></w:tc>'))
        rows[0].addnext(spacer)
    return edit


def test_the_bottom_of_an_empty_cell_under_the_name_is_its_line() -> None:
    report = check_docx(_edited(_split_header(2)))
    assert {r.id for r in report.failed} == set(), [
        finding_text(f, "en") for r in report.failed for f in r.found]
    assert rule(report).found[0].params == {"count": 3}


def test_the_bottom_of_an_empty_cell_beside_the_name_is_not() -> None:
    (finding,) = rule(check_docx(_edited(_split_header(4)), schemas=None)).found
    assert finding.code == "check_line_missing" and finding.where is not None
    assert finding.where.text == AGENCY


def test_a_bordered_paragraph_under_the_number_line_is_not_the_name_s_line() -> None:
    def edit(document: docx.document.Document) -> None:
        cell = document.tables[0].cell(1, 0)
        cell._tc.append(parse_xml(
            f'<w:p {NAMESPACES}><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" '
            'w:space="1" w:color="000000"/></w:pBdr></w:pPr></w:p>'))
    (finding,) = rule(check_docx(_edited(edit), schemas=None)).found
    assert finding.code == "check_line_missing"


def test_a_top_border_on_the_number_line_is_the_name_s_line() -> None:
    def edit(document: docx.document.Document) -> None:
        number = document.tables[0].cell(1, 0).paragraphs[0]
        number._p.get_or_add_pPr().append(parse_xml(
            f'<w:pBdr {NAMESPACES}><w:top w:val="single" w:sz="6" w:space="1" '
            'w:color="000000"/></w:pBdr>'))
    report = check_docx(_edited(edit))
    assert rule(report).status == "pass", [finding_text(f, "en") for f in rule(report).found]


# ---- saved by LibreOffice -------------------------------------------------------------------

# what the check says about the agency's line, for each way of drawing it in Writer
LIBREOFFICE: dict[str, str] = {
    "shape": "check_ok_lines", "shape-from-first-line": "check_ok_lines",
    "shape-from-number": "check_ok_lines", "bottom-border": "check_ok_lines",
    "rule-paragraph": "check_ok_lines", "number-top-border": "check_ok_lines",
    "spacer-row": "check_ok_lines", "typed": "check_line_typed",
    "underlined-spaces": "check_line_underlined", "shape-far-below": "check_line_far",
    "shape-over-the-text": "check_line_misplaced", "shape-other-column": "check_line_misplaced",
    "spacer-row-below-the-number": "check_line_missing", "none": "check_line_missing",
}


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The Writer plans, and the hand-made plan drawn each way Word draws, all saved by
    LibreOffice (names "word-…" for the latter)."""
    soffice = require_soffice()
    folder = tmp_path_factory.mktemp("libreoffice-lines")
    sources: dict[str, str | bytes] = {kind: fodt(kind) for kind in AGENCY_KINDS}
    sources.update({f"word-{kind}": handmade(lines=kind) for kind in DRAWN_KINDS})
    return saved_by_libreoffice(soffice, sources, folder)


@pytest.mark.parametrize("kind", DRAWN_KINDS)
def test_a_word_file_resaved_by_libreoffice_keeps_its_lines(saved: dict[str, bytes],
                                                            kind: str) -> None:
    """LibreOffice rewrites each drawing its own way (Word's horizontal rule becomes a thin
    filled rectangle as wide as the page, wp14:sizeRelH); every line still counts."""
    report = check_docx(saved[f"word-{kind}"], f"{kind}.docx")
    assert "schema" not in {r.id for r in report.failed}
    assert rule(report).status == "pass", [finding_text(f, "en") for f in rule(report).found]
    assert rule(report).found[0].params == {"count": 3}


def test_every_way_of_drawing_in_writer_is_judged() -> None:
    assert set(LIBREOFFICE) == set(AGENCY_KINDS)


@pytest.mark.parametrize("kind", LIBREOFFICE)
def test_a_line_drawn_in_libreoffice_is_judged_where_it_lies(saved: dict[str, bytes],
                                                             kind: str) -> None:
    report = check_docx(saved[kind], f"{kind}.docx")  # LibreOffice's markup, schema-valid
    assert "schema" not in {r.id for r in report.failed}
    found = rule(report).found
    if LIBREOFFICE[kind] == "check_ok_lines":
        assert rule(report).status == "pass" and found[0].params == {"count": 3}, [
            finding_text(f, "en") for f in found]
        return
    (finding,) = found
    assert finding.code == LIBREOFFICE[kind]
    assert finding.where is not None
    if kind.startswith("shape") or kind.startswith("spacer") or kind == "none":
        assert finding.where.text == AGENCY  # the finding is at the name
    assert finding_text(finding, "vi").startswith("Đường kẻ dưới tên cơ quan ban hành")


def test_libreoffice_writes_what_the_cases_say(saved: dict[str, bytes]) -> None:
    """The markup is LibreOffice's: a line shape with its VML fallback, anchored by an
    offset from the column and the paragraph; a cell's bottom border; paragraph borders."""
    def xml(kind: str) -> str:
        with zipfile.ZipFile(io.BytesIO(saved[kind])) as archive:
            return archive.read("word/document.xml").decode("utf-8")
    shape = xml("shape-from-number")
    assert "<mc:AlternateContent>" in shape and "<v:line " in shape
    assert '<wp:positionH relativeFrom="column"><wp:posOffset>' in shape
    assert '<wp:positionV relativeFrom="paragraph"><wp:posOffset>-' in shape
    assert "<w:tcBorders><w:bottom " in xml("spacer-row")
    assert "<w:pBdr><w:top " in xml("number-top-border")
    assert "<w:pBdr><w:bottom " in xml("rule-paragraph")
    assert '<a:prstGeom prst="rect">' in xml("word-vml-hr") and "wp14:sizeRelH" in \
        xml("word-vml-hr")
