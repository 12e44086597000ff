"""Plans outside the AI Law (tests/data/seeds/extra): extract then render keeps their words in
order, their section headings with their numbering style, every table with its cells and
spans, and invents nothing; every output is schema-valid and passes plangen check."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from support.docx_helpers import assert_schema_valid
from support.seedtext import document_text, seed_text
from support.wordmatch import in_order_ratio, missing_runs, words

from plangen.check.api import check_docx
from plangen.extract import extract_path
from plangen.render.docx import render_plan
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text

EXTRA = Path(__file__).resolve().parents[1] / "data" / "seeds" / "extra"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FILES = ["01", "03", "05", "10"]
HEADING = re.compile(r"^([IVXL]+|[A-ZĐ])\s?[.)]\s*(\S.*)$")


def footnote_text(docx: bytes) -> str:
    """The footnotes' text (they print at the foot of the page, after the body's words)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        if "word/footnotes.xml" not in archive.namelist():
            return ""
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    return "\n".join("".join(t.text or "" for t in note.iter(W + "t"))
                     for note in root.iter(W + "footnote") if note.get(W + "type") is None)


@pytest.fixture(scope="module", params=FILES)
def case(request: pytest.FixtureRequest) -> tuple[Path, bytes]:
    source = next(EXTRA.glob(f"{request.param}_*.txt"))
    extraction = extract_path(source)
    assert not extraction.errors, [issue.format() for issue in extraction.errors]
    checked = check_loaded(load_spec_text(extraction.yaml_text, "plan.yaml"))
    assert checked.plan is not None
    return source, render_plan(checked.plan)


def test_words_in_order(case: tuple[Path, bytes]) -> None:
    source, docx = case
    reference = words(seed_text(source))
    produced = words(document_text(docx) + "\n" + footnote_text(docx))
    ratio = in_order_ratio(reference, produced)
    assert ratio >= 0.98, (ratio, missing_runs(reference, produced)[:10])


def _headings(lines: list[str]) -> list[tuple[str, str]]:
    out = []
    for line in lines:
        found = HEADING.match(line.strip())
        if found and found.group(2).upper() == found.group(2) and len(found.group(2)) > 3:
            out.append(("letter" if found.group(1) in "ABCDĐ" and len(found.group(1)) == 1
                        and found.group(1) != "I" else "roman", words(found.group(2))))
    return out  # type: ignore[return-value]


def test_section_headings_in_order_with_their_style(case: tuple[Path, bytes]) -> None:
    source, docx = case
    body = seed_text(source).split("Nơi nhận")[0].splitlines()
    produced = document_text(docx).split("Nơi nhận")[0].splitlines()
    assert [h[1] for h in _headings(produced)] == [h[1] for h in _headings(body)]
    assert [h[0] for h in _headings(produced)] == [h[0] for h in _headings(body)]


def _source_tables(source: Path) -> list[list[list[str]]]:
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and line.rstrip().endswith("|"):
            current.append([cell.strip() for cell in line.strip()[1:-1].split("|")])
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def test_every_table_keeps_its_cells_in_order(case: tuple[Path, bytes]) -> None:
    source, docx = case
    expected = _source_tables(source)
    document = Document(io.BytesIO(docx))
    # the header and the signature are two-column layout tables
    data_tables = [t for t in document.tables if len(t.columns) >= 3]
    assert len(data_tables) == len(expected)
    for table, rows in zip(data_tables, expected, strict=True):
        cells = [cell for row in rows for cell in row if cell]
        produced = []
        for row in table._tbl.iter(W + "tr"):
            for cell in row.iter(W + "tc"):
                text = "".join(t.text or "" for t in cell.iter(W + "t")).strip()
                if text:
                    produced.append(text)
        assert produced == cells


def test_spans_of_thanh_hoa_appendix_one() -> None:
    extraction = extract_path(next(EXTRA.glob("05_*.txt")))
    table = extraction.data["appendices"][0]["content"][0]["table"]
    assert table["header"][0] == [{"text": "STT", "rows": 2},
                                  {"text": "Địa điểm quan trắc", "rows": 2},
                                  {"text": "Đối tượng quan trắc", "cols": 4}]
    assert table["total"] == {"sum": [3, 4, 5, 6]}
    assert [a.get("label", "") for a in extraction.data["appendices"]] == ["", "", ""]


def test_nothing_invented_and_missing_sections_stated(case: tuple[Path, bytes]) -> None:
    source, docx = case
    # file 10 is cut after its opening: its recipients and signature are marked to fill in
    invented = "Cần điền nội dung" if source.name.startswith("10") else "Cần điền"
    assert invented not in document_text(docx)
    extraction = extract_path(source)
    assert invented not in extraction.yaml_text
    if source.name.startswith("01"):
        assert set(extraction.data["missing"]) == {"funding"}


def test_outputs_are_valid_and_pass_check(case: tuple[Path, bytes]) -> None:
    _, docx = case
    assert_schema_valid(docx)
    report = check_docx(docx)
    assert report.count("fail") == 0, [r.check_id for r in report.results if r.status == "fail"]


@pytest.mark.parametrize(("seed", "spec"), [("05", "thanh-hoa.yaml"),
                                            ("03", "dak-lak-mua-lu.yaml")])
def test_hand_written_specs_reproduce_their_plans(seed: str, spec: str) -> None:
    from plangen.spec.api import load_plan
    source = next(EXTRA.glob(f"{seed}_*.txt"))
    docx = render_plan(load_plan(Path(__file__).resolve().parents[2] / "specs" / spec))
    reference = words(seed_text(source))
    produced = words(document_text(docx) + "\n" + footnote_text(docx))
    assert in_order_ratio(reference, produced) >= 0.98, missing_runs(reference, produced)[:10]
    assert_schema_valid(docx)
    assert check_docx(docx).count("fail") == 0
