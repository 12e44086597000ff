"""Headings and metadata readers see: outline levels on the heading styles (Word's navigation
pane, pandoc, screen readers), the document's title, author and language."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SPECS
from support.docx_helpers import open_docx, part_xml, w

from plangen.render.docx import Renderer
from plangen.spec.api import load_plan

SECTION = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)\. ")
ITEM = re.compile(r"^\d+\. ")
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture(scope="module")
def dak_lak(renderer: Renderer) -> bytes:
    return renderer.render(load_plan(SPECS / "dak-lak.yaml"))


def outline_level(doc: object, paragraph: object) -> int | None:
    """The outline level a paragraph gets from itself or its styles (1-based), as Word reads."""
    ppr = paragraph._p.pPr  # type: ignore[attr-defined]
    found = ppr.find(w("outlineLvl")) if ppr is not None else None
    style = paragraph.style  # type: ignore[attr-defined]
    while found is None and style is not None:
        style_ppr = style.element.pPr
        found = style_ppr.find(w("outlineLvl")) if style_ppr is not None else None
        style = style.base_style
    return None if found is None else int(found.get(w("val"))) + 1


def test_section_headings_level_1_item_titles_level_2(dak_lak: bytes) -> None:
    doc = open_docx(dak_lak)
    levels = [(outline_level(doc, p), p.text) for p in doc.paragraphs if p.text.strip()]
    sections = [text for level, text in levels if level == 1]
    items = [text for level, text in levels if level == 2]
    assert [text.split(" ", 1)[0] for text in sections] == ["I.", "II.", "III.", "IV."]
    assert all(SECTION.match(text) for text in sections)
    assert items and all(ITEM.match(text) for text in items)
    assert "1. Mục đích" in items and "2. Yêu cầu" in items
    # nothing else is a heading: body, header block, signature carry no level
    assert all(level is None for level, text in levels
               if not SECTION.match(text) and not ITEM.match(text))


def test_heading_styles_keep_the_nd30_look(dak_lak: bytes) -> None:
    doc = open_docx(dak_lak)
    heading = next(p for p in doc.paragraphs if p.text.startswith("I. "))
    assert heading.style.name == "KH Mục"
    assert heading.style.base_style.name == "Heading 1"
    # Word's built-in heading styles look like body text here: no size, colour or font change
    for name in ("Heading 1", "Heading 2"):
        style = doc.styles[name]
        assert style.font.size is None and style.font.color.rgb is None
        assert style.font.bold is None and style.font.name == "Times New Roman"
        assert style.base_style.name == "KH Văn bản"
    assert doc.styles["KH Mục"].font.bold and doc.styles["KH Khoản"].font.bold


def test_pandoc_reads_the_headings(dak_lak: bytes, tmp_path: Path) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed: sudo apt-get install pandoc")
    path = tmp_path / "dak-lak.docx"
    path.write_bytes(dak_lak)
    markdown = subprocess.run([pandoc, "-t", "markdown", str(path)], check=True,
                              capture_output=True, text=True).stdout
    level_1 = re.findall(r"^# (.+?)(?: \{.*\})?$", markdown, re.MULTILINE)
    level_2 = re.findall(r"^## (.+?)(?: \{.*\})?$", markdown, re.MULTILINE)
    assert level_1 == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ VÀ GIẢI PHÁP",
                       "III. KINH PHÍ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN"]
    assert level_2[:2] == ["1. Mục đích", "2. Yêu cầu"]


def test_core_properties_title_creator_language(dak_lak: bytes) -> None:
    core = part_xml(dak_lak, "docProps/core.xml")
    plan = load_plan(SPECS / "dak-lak.yaml")
    assert core.findtext(f"{DC}title") == plan.summary
    assert core.findtext(f"{DC}creator") == plan.issuer.name
    assert core.findtext(f"{DC}language") == "vi-VN"
    props = open_docx(dak_lak).core_properties
    assert props.title == plan.summary and props.author == plan.issuer.name
    assert props.language == "vi-VN"


def test_styles_say_vietnamese(dak_lak: bytes) -> None:
    styles = part_xml(dak_lak, "word/styles.xml")
    lang = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    assert lang is not None and lang.get(w("val")) == "vi-VN"
    assert lang.get(w("eastAsia")) == "vi-VN"
    settings = part_xml(dak_lak, "word/settings.xml")
    theme_lang = settings.find(w("themeFontLang"))
    assert theme_lang is not None and theme_lang.get(w("val")) == "vi-VN"
