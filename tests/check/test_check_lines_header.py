"""A stand-in for the line under the agency's name (or the motto) placed elsewhere in the
header block than right under its text: in the header table's next row, after the number line,
in a row added below, in another cell of the row, or (without a header table) after a line
between the agency and the Quốc hiệu. Underlined blanks there are an underline standing for
the line (check_line_underlined), typed characters a typed line (check_line_typed), each
pointing at where they are; not a missing line. Plans whose lines are drawn, all the corpus,
find nothing new."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from support.corpus import corpus_plans
from support.handmade_docx import handmade

from plangen.batch.run import BatchOptions, _Worker
from plangen.batch.selection import select_localities
from plangen.check.api import check_docx
from plangen.check.report import finding_text
from plangen.check.result import CheckReport, CheckResult, Finding
from plangen.model import Plan, build_plan
from plangen.render.docx import Renderer
from plangen.spec.compose import compose_spec
from plangen.spec.merge import to_loaded

ROOT = Path(__file__).resolve().parents[2]
RULE = "horizontal-lines"
DRAWN = "shape-anchor"
AGENCY, MOTTO = "TỈNH ĐẮK LẮK", "Độc lập - Tự do - Hạnh phúc"
Edit = Callable[[docx.document.Document], None]


def rule(report: CheckReport) -> CheckResult:
    return next(r for r in report.results if r.id == RULE)


def _underline(paragraph: Paragraph, kind: str = "spaces") -> None:
    """Underlined blanks (spaces or tabs) as the whole of `paragraph`, the way officers make a
    line with Ctrl+U."""
    run = paragraph.add_run()
    if kind == "tabs":
        run.add_tab()
        run.add_tab()
    else:
        run.add_text("                ")
    run.font.underline = True
    run.font.size = Pt(13)


def _typed(paragraph: Paragraph) -> None:
    paragraph.add_run("______________").font.size = Pt(13)


def _before(cell: _Cell) -> Paragraph:
    return cell.paragraphs[0].insert_paragraph_before()


def _edited(edit: Edit, **lines: str | None) -> bytes:
    """The hand-made plan, its lines drawn except those given None, edited by `edit`."""
    kinds = {"agency": DRAWN, "motto": DRAWN, "summary": DRAWN, **lines}
    document = docx.Document(io.BytesIO(handmade(lines=kinds)))
    edit(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _header(document: docx.document.Document, row: int, column: int) -> _Cell:
    return document.tables[0].cell(row, column)


def _added_row(document: docx.document.Document) -> None:
    row = document.tables[0].add_row()
    _underline(row.cells[0].paragraphs[0])


def _third_cell(document: docx.document.Document) -> None:
    table = document.tables[0]
    table.add_column(Pt(20))
    _underline(table.cell(0, 2).paragraphs[0])


# (edit, the finding's code, its table row and cell, 1-based)
ELSEWHERE: dict[str, tuple[Edit, str, int, int]] = {
    "next-row": (lambda d: _underline(_before(_header(d, 1, 0))),
                 "check_line_underlined", 2, 1),
    "next-row-tabs": (lambda d: _underline(_before(_header(d, 1, 0)), "tabs"),
                      "check_line_underlined", 2, 1),
    "after-the-number": (lambda d: _underline(_header(d, 1, 0).add_paragraph()),
                         "check_line_underlined", 2, 1),
    "added-row": (_added_row, "check_line_underlined", 3, 1),
    "other-cell": (_third_cell, "check_line_underlined", 1, 3),
    "typed-next-row": (lambda d: _typed(_before(_header(d, 1, 0))), "check_line_typed", 2, 1),
}


def _only_finding(data: bytes) -> Finding:
    report = check_docx(data)  # the bundled schemas validate the edited markup too
    assert {r.id for r in report.failed} == {RULE}, [
        finding_text(f, "en") for r in report.failed for f in r.found]
    (finding,) = rule(report).found
    return finding


@pytest.mark.parametrize("case", ELSEWHERE)
def test_a_stand_in_for_the_agency_s_line_elsewhere_in_the_header_is_found(case: str) -> None:
    edit, code, row, cell = ELSEWHERE[case]
    finding = _only_finding(_edited(edit, agency=None))
    assert finding.code == code
    assert finding.where is not None
    assert (finding.where.table, finding.where.row, finding.where.cell) == (1, row, cell)
    text = finding_text(finding, "vi")
    assert text.startswith("Đường kẻ dưới tên cơ quan ban hành đang ")
    if code == "check_line_underlined":
        assert "nét gạch chân dưới" in text and "bỏ gạch chân (Ctrl+U)" in text
        assert "is an underline under" in finding_text(finding, "en")


def test_the_same_plan_without_the_stand_in_says_the_line_is_missing() -> None:
    finding = _only_finding(_edited(lambda d: None, agency=None))
    assert finding.code == "check_line_missing" and finding.where is not None
    assert finding.where.text == AGENCY


def test_a_stand_in_for_the_motto_s_line_in_the_row_below_is_the_motto_s() -> None:
    finding = _only_finding(_edited(lambda d: _underline(_before(_header(d, 1, 1))),
                                    motto=None))
    assert finding.code == "check_line_underlined" and finding.where is not None
    assert (finding.where.row, finding.where.cell) == (2, 2)
    assert finding_text(finding, "vi").startswith("Đường kẻ dưới Tiêu ngữ đang là nét gạch chân")


def test_each_header_line_takes_the_stand_in_of_its_own_column() -> None:
    def both(document: docx.document.Document) -> None:
        _underline(_before(_header(document, 1, 1)))
        _underline(_before(_header(document, 1, 0)), "tabs")
    found = rule(check_docx(_edited(both, agency=None, motto=None), schemas=None)).found
    assert [(f.code, f.where.cell if f.where else None) for f in found] == [
        ("check_line_underlined", 1), ("check_line_underlined", 2)]
    assert "các dấu tab" in finding_text(found[0], "vi")  # the agency's: the tabs
    assert "các dấu cách" in finding_text(found[1], "vi")


def test_the_motto_s_stand_in_is_not_taken_for_the_agency_s_line() -> None:
    """Both lines lacking, the only stand-in under the motto: the agency's line is missing."""
    found = rule(check_docx(_edited(lambda d: _underline(_before(_header(d, 1, 1))),
                                    agency=None, motto=None), schemas=None)).found
    assert [(f.code, f.where.text if f.where else "") for f in found] == [
        ("check_line_missing", AGENCY), ("check_line_underlined", "")]


def test_a_stand_in_does_not_count_when_the_agency_s_line_is_drawn() -> None:
    """An underline elsewhere in the header with every line drawn is no finding: the rule
    looks elsewhere only for a line it did not find."""
    report = check_docx(_edited(lambda d: _underline(_before(_header(d, 1, 0)))), schemas=None)
    assert rule(report).status == "pass" and rule(report).found[0].params == {"count": 3}


def _paragraph_header(after_agency: Callable[[docx.document.Document], None]) -> bytes:
    """A header written as paragraphs, no table: agency, the number line, then the Quốc
    hiệu and motto; `after_agency` adds what comes between."""
    document = docx.Document()
    for text in ("ỦY BAN NHÂN DÂN", AGENCY):
        document.add_paragraph().add_run(text).bold = True
    document.add_paragraph("Số: 05/KH-UBND")
    after_agency(document)
    document.add_paragraph().add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    document.add_paragraph().add_run(MOTTO).bold = True
    _underline(document.add_paragraph())
    document.add_paragraph("Đắk Lắk, ngày 05 tháng 02 năm 2026")
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph().add_run("Triển khai thi hành Luật Trí tuệ nhân tạo").bold = True
    document.add_paragraph("Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_without_a_header_table_a_stand_in_after_the_number_line_is_found() -> None:
    found = rule(check_docx(_paragraph_header(lambda d: _underline(d.add_paragraph())),
                            schemas=None)).found
    codes = [(f.code, f.where.paragraph if f.where else None) for f in found]
    # the agency's underline after the number line (paragraph 4); the motto's under it (7)
    assert codes[:2] == [("check_line_underlined", 4), ("check_line_underlined", 7)]
    bare = rule(check_docx(_paragraph_header(lambda d: None), schemas=None)).found
    assert bare[0].code == "check_line_missing" and bare[0].where is not None
    assert bare[0].where.text == AGENCY


# ---- the corpus: nothing new ------------------------------------------------------------------


def _examples() -> list[tuple[str, Plan]]:
    """The decision example's plan for each of its provinces (corpus.py has ai-law's)."""
    base = ROOT / "examples" / "decision" / "base.yaml"
    selector = str(base.parent / "provinces.yaml")
    worker = _Worker(compose_spec(base), BatchOptions(base, selector, ROOT), {})
    out = []
    for selected in select_localities(selector):
        spec, _ = worker.locality_spec(selected)
        out.append((f"decision-{selected.locality.code}",
                    build_plan(to_loaded(spec, str(base)).data)))
    return out


PLANS = [*corpus_plans(), *_examples()]


@pytest.mark.parametrize(("name", "plan"), PLANS, ids=[name for name, _ in PLANS])
def test_every_line_of_the_corpus_is_still_drawn(renderer: Renderer, name: str,
                                                 plan: Plan) -> None:
    report = check_docx(renderer.render(plan), name, schemas=None)
    lines = [r for r in report.results if r.id.endswith(RULE)]
    assert lines and all(r.status == "pass" for r in lines), [
        finding_text(f, "en") for r in lines for f in r.found]
    assert all(f.code == "check_ok_lines" for r in lines for f in r.found)
