"""The XSD check `plangen check` runs by default: which parts it validates, what it reports.

Every part type the bundled schemas describe is validated (settings, font table, theme, core
and extended properties, relationships, content types …), so a document that LibreOffice opens
but that a schema refuses, such as docxtpl's silent truncations, fails the check.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree
from support.docx_helpers import rezipped
from support.handmade_docx import handmade

from plangen.check.api import check_docx
from plangen.check.package import open_package
from plangen.check.report import finding_text
from plangen.check.schema import BUNDLED_SCHEMAS, load_schema, validated_parts
from plangen.cli import main
from plangen.render.docx import DEFAULT_TEMPLATE, Renderer
from plangen.spec.api import load_plan

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [*sorted((ROOT / "specs").glob("*.yaml")), ROOT / "examples" / "ai-law" / "base.yaml"]


def rezip(data: bytes, changes: dict[str, bytes]) -> bytes:
    return rezipped(data, dict(changes))


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def schema_texts(data: bytes) -> list[str]:
    report = check_docx(data)
    found = next(r for r in report.results if r.id == "schema")
    return [finding_text(f, "en") for f in found.found] if found.status == "fail" else []


@pytest.fixture(scope="module")
def rendered(renderer: Renderer) -> bytes:
    return renderer.render(load_plan(ROOT / "specs" / "dak-lak.yaml"))


def test_every_part_type_the_schemas_describe_is_validated(rendered: bytes) -> None:
    names = set(validated_parts(open_package(rendered), load_schema(BUNDLED_SCHEMAS).files))
    assert {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
            "word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
            "word/theme/theme1.xml", "word/header1.xml", "word/_rels/document.xml.rels"} <= names


@pytest.mark.parametrize("spec", SHIPPED, ids=lambda p: p.name)
def test_every_plangen_output_passes_with_no_options(spec: Path, tmp_path: Path) -> None:
    docx = tmp_path / "ke-hoach.docx"
    built = CliRunner().invoke(main, ["render", str(spec), "-o", str(docx)])
    assert built.exit_code == 0, built.output
    result = CliRunner().invoke(main, ["check", str(docx)])
    assert result.exit_code == 0, result.output
    assert "[ĐẠT] Đúng lược đồ OOXML (XSD)" in result.output


def test_our_template_is_valid_settings_included() -> None:
    data = DEFAULT_TEMPLATE.read_bytes()
    assert schema_texts(data) == []
    assert b'w:percent="100"' in part(data, "word/settings.xml")


def recovered(text: str) -> bytes:
    """What docxtpl writes when its XML breaks: lxml's recovering parser closes what is open."""
    root = etree.fromstring(text.encode(), etree.XMLParser(recover=True))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@pytest.mark.parametrize("how", ["cut in a table", "markup in the text"])
def test_truncated_document_fails_with_no_options(rendered: bytes, tmp_path: Path,
                                                  how: str) -> None:
    """docxtpl's silent truncation (docx-pitfalls #1): broken XML re-parsed with recover=True
    loses the rest of a paragraph or table. The result is well formed, LibreOffice opens it,
    python-docx reads it; only the schema notices."""
    document = part(rendered, "word/document.xml").decode()
    signature_table = document.rindex("<w:tbl>")
    if how == "cut in a table":
        broken = recovered(document[:signature_table + len("<w:tbl>")])
    else:
        spot = document.index("Sở Văn hóa")
        broken = recovered(document[:spot] + "Bộ KH<CN và Sở " + document[spot:])
    path = tmp_path / "cat-xen.docx"
    path.write_bytes(rezip(rendered, {"word/document.xml": broken}))
    assert docx.Document(str(path)).paragraphs  # python-docx reads it without complaint
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1, result.output
    assert "[KHÔNG ĐẠT] Đúng lược đồ OOXML (XSD)" in result.output
    assert '"word/document.xml" dòng' in result.output
    assert ("/w:body/w:tbl[2]: Element 'w:tbl': Missing child" if how == "cut in a table"
            else "/w:t: Element 'w:t'") in result.output


def test_settings_zoom_without_percent_fails(rendered: bytes) -> None:
    settings = part(rendered, "word/settings.xml").replace(b' w:percent="100"', b"")
    errors = schema_texts(rezip(rendered, {"word/settings.xml": settings}))
    assert len(errors) == 1 and "word/settings.xml" in errors[0] and "percent" in errors[0]


@pytest.mark.parametrize(("name", "old", "new", "expected"), [
    ("docProps/core.xml", b"<dc:language>vi-VN</dc:language>",
     b"<dc:language>vi-VN</dc:language><dc:language>en</dc:language>", "language"),
    ("docProps/core.xml", b'W3CDTF">', b'W3CDTF">yesterday', "created"),
    ("docProps/app.xml", b"<Application>", b"<Applikation/><Application>", "Applikation"),
    ("word/fontTable.xml", b"<w:font ", b"<w:fnt/><w:font ", "fnt"),
    ("word/theme/theme1.xml", b"<a:themeElements>", b"<a:themeElements><a:x/>", "x"),
    ("[Content_Types].xml", b"<Default ", b"<Default Foo=\"1\" ", "Foo"),
    ("word/_rels/document.xml.rels", b"<Relationship ", b"<Relationship Kind=\"x\" ", "Kind"),
])
def test_each_part_type_is_held_to_its_schema(rendered: bytes, name: str, old: bytes,
                                              new: bytes, expected: str) -> None:
    content = part(rendered, name)
    assert old in content
    errors = schema_texts(rezip(rendered, {name: content.replace(old, new, 1)}))
    assert errors and all(f'"{name}"' in error for error in errors), errors
    assert any(expected in error for error in errors), errors


def test_a_part_with_the_wrong_root_is_named(rendered: bytes) -> None:
    errors = schema_texts(rezip(rendered, {"word/settings.xml": part(rendered,
                                                                        "word/fontTable.xml")}))
    assert errors == ['"word/settings.xml" starts with <fonts>; a part of this type must be '
                      "<settings>."]


def test_word_extensions_are_ignored(rendered: bytes) -> None:
    settings = part(rendered, "word/settings.xml")
    assert b"w14:" in settings  # python-docx's template carries Word 2010 extensions
    assert schema_texts(rendered) == []


def test_handmade_plan_and_batch_fast_check() -> None:
    data = handmade(appendix=True)
    assert schema_texts(data) == []
    from plangen.check.api import fast_check
    assert "schema" not in {r.id for r in fast_check(data).results}
