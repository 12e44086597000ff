"""Effective formatting as `plangen check` reads it: through the run, its character style, the
paragraph style and its basedOn chain, the table style, numbering and the document defaults
(ECMA-376 Part 1 §17.7), on documents made with python-docx."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.shared import Pt
from lxml import etree

from plangen.check.format import Layout, Paragraph, read_layout
from plangen.check.package import open_package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def layout_of(document: Document) -> Layout:
    buffer = io.BytesIO()
    document.save(buffer)
    found = read_layout(open_package(buffer.getvalue()))
    assert found is not None
    return found


def para(layout: Layout, text: str) -> Paragraph:
    return next(p for p in layout.paragraphs if p.text.startswith(text))


@pytest.fixture
def document() -> Document:
    return docx.Document()


def add_style(document: Document, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH,
              based_on: str | None = None, **font: Any) -> None:
    style = document.styles.add_style(name, kind)
    if based_on:
        style.base_style = document.styles[based_on]
    for key, value in font.items():
        setattr(style.font, key, value)


def test_paragraph_style_chain_gives_size_bold_italic(document: Document) -> None:
    add_style(document, "Base", based_on="Normal", bold=True, size=Pt(13))
    add_style(document, "Child", based_on="Base", italic=True)
    document.add_paragraph("inherits", style="Child")
    run = para(layout_of(document), "inherits").runs[0]
    assert (run.size, run.bold, run.italic) == (13, True, True)


def test_document_defaults_and_theme_fonts_apply_when_nothing_else_does(
        document: Document) -> None:
    """python-docx's own template names theme fonts (minorHAnsi) in the document defaults."""
    document.add_paragraph("plain")
    theme = etree.fromstring(document.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob)
    minor = theme.find(f".//{{{A}}}minorFont/{{{A}}}latin").get("typeface")
    run = para(layout_of(document), "plain").runs[0]
    assert run.font == minor and run.font_hansi == minor
    assert run.size == 11  # docDefaults w:sz 22


def test_style_font_wins_over_theme_default_and_direct_wins_over_style(
        document: Document) -> None:
    document.styles["Normal"].font.name = "Times New Roman"
    paragraph = document.add_paragraph("styled ")
    paragraph.add_run("direct").font.name = "Arial"
    runs = para(layout_of(document), "styled").runs
    assert [run.font for run in runs] == ["Times New Roman", "Arial"]


def test_character_style_toggles_bold_off_in_a_bold_paragraph(document: Document) -> None:
    """§17.7.3: a toggle property set at two style levels cancels out; direct formatting
    sets it outright."""
    add_style(document, "Bold para", based_on="Normal", bold=True)
    add_style(document, "Bold char", WD_STYLE_TYPE.CHARACTER, bold=True)
    paragraph = document.add_paragraph(style="Bold para")
    paragraph.add_run("a", style="Bold char")
    paragraph.add_run("b")
    paragraph.add_run("c", style="Bold char").bold = True
    paragraph.add_run("d").bold = False
    runs = para(layout_of(document), "abcd").runs
    assert [run.bold for run in runs] == [False, True, True, False]


def test_table_style_and_its_first_row_apply_to_cells(document: Document) -> None:
    styles = document.styles.element
    styles.append(parse_xml(
        f'<w:style xmlns:w="{W}" w:type="table" w:styleId="Grid2"><w:name w:val="Grid2"/>'
        '<w:rPr><w:b/><w:sz w:val="24"/></w:rPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:i/></w:rPr></w:tblStylePr></w:style>'))
    table = document.add_table(rows=2, cols=1)
    table._tbl.tblPr.append(parse_xml(f'<w:tblStyle xmlns:w="{W}" w:val="Grid2"/>'))
    table._tbl.tblPr.append(parse_xml(f'<w:tblLook xmlns:w="{W}" w:firstRow="1"/>'))
    table.cell(0, 0).text = "head"
    table.cell(1, 0).text = "body"
    layout = layout_of(document)
    head, body = para(layout, "head"), para(layout, "body")
    assert (head.runs[0].bold, head.runs[0].italic, head.runs[0].size) == (True, True, 12)
    assert (body.runs[0].bold, body.runs[0].italic) == (True, False)
    assert (head.table, head.row, head.cell) == (1, 1, 1)
    assert (body.table, body.row, body.cell) == (1, 2, 1)
    assert layout.tables[0].rows == 2 and not layout.tables[0].header_repeats


def test_caps_shows_capitals_and_hidden_text_is_not_read(document: Document) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run("phụ lục").font.all_caps = True
    paragraph.add_run(" secret").font.hidden = True
    assert para(layout_of(document), "PHỤ").text == "PHỤ LỤC"


def test_list_numbers_are_read_as_labels(document: Document) -> None:
    for text in ("first", "second"):
        document.add_paragraph(text, style="List Number")
    layout = layout_of(document)
    assert [para(layout, t).label for t in ("first", "second")] == ["1.", "2."]


def test_line_breaks_split_a_paragraph_into_lines(document: Document) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run("ỦY BAN NHÂN DÂN").bold = True
    paragraph.add_run().add_break()
    paragraph.add_run("TỈNH ĐẮK LẮK")
    found = para(layout_of(document), "ỦY BAN")
    assert [line.text for line in found.lines] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"]
    assert [line.runs[0].bold for line in found.lines] == [True, False]


def test_paragraph_look_alignment_indent_and_spacing(document: Document) -> None:
    add_style(document, "Body", based_on="Normal")
    body = document.styles["Body"].paragraph_format
    body.first_line_indent, body.space_before, body.line_spacing = Pt(28.35), Pt(6), 1.5
    paragraph = document.add_paragraph("text", style="Body")
    paragraph.alignment = 3  # justify
    look = para(layout_of(document), "text").look
    assert (look.align, look.first_line, look.before, look.line, look.line_rule) == (
        "both", 567, 120, 360, "auto")
    assert look.after == 200  # from python-docx's document defaults


def test_sections_page_setup_headers_and_fields(document: Document) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0]._p.append(parse_xml(
        f'<w:fldSimple xmlns:w="{W}" w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>2</w:t></w:r>'
        '</w:fldSimple>'))
    document.add_paragraph("body")
    document.add_section()
    layout = layout_of(document)
    first, second = layout.sections
    assert first.title_page and first.headers["default"][0].fields == ("PAGE",)
    assert second.headers["default"][0].fields == ("PAGE",)  # inherited from section 1
    assert para(layout, "body").section == 1


@pytest.mark.parametrize("make", [
    lambda d: d.add_paragraph("x", style="Heading 1"),
    lambda d: d.add_table(rows=3, cols=3).cell(2, 2).add_table(rows=1, cols=1),
])
def test_any_python_docx_document_reads(document: Document, make: Callable[[Any], Any]) -> None:
    make(document)
    assert layout_of(document).sections
