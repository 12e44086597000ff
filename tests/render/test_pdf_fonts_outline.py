"""What a PDF reader sees: one serif typeface for every Vietnamese letter (else a clear warning),
bookmarks from the headings, a tagged PDF, and PDF/A-2b on request.

Real LibreOffice conversions through `plangen render --pdf`; the fallback case runs LibreOffice
with a fontconfig that sees only DejaVu Serif, as on a machine without fonts-liberation2.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import SPECS, require_soffice
from pypdf import PdfReader

from plangen.cli import main
from plangen.render.fonts import embedded_fonts, fallback_fonts, family_key, requested_fonts
from plangen.render.pdf import export_filter

SERIF_FAMILIES = {"liberationserif", "timesnewroman", "tinos"}


def render_pdf(spec: Path, folder: Path, *options: str,
               env: dict[str, str] | None = None) -> tuple[Result, Path]:
    require_soffice()
    docx = folder / f"{spec.stem}.docx"
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(docx), *options], env=env)
    return result, docx.with_suffix(".pdf")


@pytest.fixture(scope="module")
def hue(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    return render_pdf(SPECS / "hue.yaml", tmp_path_factory.mktemp("hue"), "--pdf")


def outline_titles(outline: list[Any], depth: int = 1) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for entry in outline:
        if isinstance(entry, list):
            found += outline_titles(entry, depth + 1)
        else:
            found.append((depth, str(entry.title)))
    return found


def test_pdf_embeds_one_serif_family_and_no_warning(hue: tuple[Result, Path]) -> None:
    result, pdf = hue
    assert result.exit_code == 0, result.output
    families = set(embedded_fonts(pdf))
    assert len(families) == 1 and families <= SERIF_FAMILIES, families
    assert fallback_fonts(pdf, pdf.with_suffix(".docx")) == []
    assert "phông thay thế" not in result.output


def test_pdf_has_bookmarks_from_the_headings(hue: tuple[Result, Path]) -> None:
    titles = outline_titles(PdfReader(str(hue[1])).outline)
    assert (1, "I. MỤC ĐÍCH, YÊU CẦU") in titles
    assert (2, "1. Mục đích") in titles
    levels = [level for level, title in titles if title[:2] in ("I.", "II", "IV")]
    assert levels and set(levels) == {1}
    top = [title.split(" ", 1)[0] for level, title in titles if level == 1]
    assert top[:4] == ["I.", "II.", "III.", "IV."]


def test_pdf_is_tagged_with_title_author_and_language(hue: tuple[Result, Path]) -> None:
    reader = PdfReader(str(hue[1]))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).lower().startswith("vi")
    assert reader.metadata is not None
    assert reader.metadata.title and reader.metadata.title.startswith("Triển khai")
    assert "Huế" in str(reader.metadata.author)


def test_pdfa_option_writes_pdf_a_2b(tmp_path: Path) -> None:
    result, pdf = render_pdf(SPECS / "dak-lak.yaml", tmp_path, "--pdfa")
    assert result.exit_code == 0, result.output
    xmp = PdfReader(str(pdf)).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "pdfaid:part" in xmp and "pdfaid:conformance" in xmp
    assert ('pdfaid:part="2"' in xmp or "<pdfaid:part>2</pdfaid:part>" in xmp), xmp[:2000]
    assert ('pdfaid:conformance="B"' in xmp or "<pdfaid:conformance>B</pdfaid:conformance>"
            in xmp)


def test_plain_pdf_is_not_pdf_a() -> None:
    assert "SelectPdfVersion" not in export_filter()
    assert '"SelectPdfVersion":{"type":"long","value":"2"}' in export_filter(pdfa=True)
    assert '"UseTaggedPDF":{"type":"boolean","value":"true"}' in export_filter()


def _dejavu_only(folder: Path) -> Path | None:
    """A fontconfig file that lets LibreOffice see DejaVu Serif and nothing else."""
    listed = subprocess.run(["fc-list", ":family=DejaVu Serif", "file"], capture_output=True,
                            text=True, check=False).stdout
    files = [Path(line.split(":")[0]) for line in listed.splitlines() if line.strip()]
    if not files:
        return None
    fonts = folder / "fonts"
    fonts.mkdir()
    for file in files:
        (fonts / file.name).symlink_to(file)
    config = folder / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                      f"<fontconfig><dir>{fonts}</dir><cachedir>{folder / 'cache'}</cachedir>"
                      "</fontconfig>\n", encoding="utf-8")
    return config


def test_fallback_face_is_named_with_the_package_to_install(tmp_path: Path) -> None:
    config = _dejavu_only(tmp_path)
    if config is None:
        pytest.skip("DejaVu Serif is not installed: no second serif face to fall back to")
    result, pdf = render_pdf(SPECS / "dak-lak.yaml", tmp_path, "--pdf",
                             env={"FONTCONFIG_FILE": str(config)})
    assert result.exit_code == 0, result.output
    assert "dejavuserif" in embedded_fonts(pdf)
    assert "Cảnh báo: PDF có chữ in bằng phông thay thế (DejaVuSerif)" in result.output
    assert "sudo apt-get install fonts-liberation2" in result.output
    english = render_pdf(SPECS / "dak-lak.yaml", tmp_path, "--pdf", "--lang", "en",
                         env={"FONTCONFIG_FILE": str(config)})[0]
    assert "Warning: the PDF sets some letters in a fallback font (DejaVuSerif)" in \
        english.output


@pytest.mark.parametrize(("name", "key"), [
    ("BAAAAA+LiberationSerif-Bold", "liberationserif"), ("Liberation Serif", "liberationserif"),
    ("TimesNewRomanPS-BoldItalicMT", "timesnewroman"), ("TimesNewRomanPSMT", "timesnewroman"),
    ("Times New Roman", "timesnewroman"), ("CAAAAA+DejaVuSerif", "dejavuserif"),
    ("DejaVuSerif-BoldItalic", "dejavuserif")])
def test_family_names_from_pdf_and_word_meet(name: str, key: str) -> None:
    assert family_key(name) == key


def test_requested_fonts_of_a_render(renderer: Any, make_plan: Any, plan_data: Any,
                                     tmp_path: Path) -> None:
    docx = tmp_path / "x.docx"
    docx.write_bytes(renderer.render(make_plan(plan_data)))
    assert requested_fonts(docx) == {"timesnewroman": "Times New Roman"}


def test_batch_warns_once_for_the_whole_run(tmp_path: Path) -> None:
    require_soffice()
    config = _dejavu_only(tmp_path)
    if config is None:
        pytest.skip("DejaVu Serif is not installed: no second serif face to fall back to")
    table = tmp_path / "hai-tinh.yaml"
    table.write_text("localities:\n  - locality: tỉnh Đắk Lắk\n  - locality: thành phố Huế\n",
                     encoding="utf-8")
    base = SPECS.parent / "examples" / "ai-law" / "base.yaml"
    result = CliRunner().invoke(main, ["batch", str(base), "--localities", str(table), "-o",
                                       str(tmp_path / "out"), "--pdfa", "--jobs", "1"],
                                env={"FONTCONFIG_FILE": str(config)})
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").rglob("*.pdf"))) == 2
    assert result.output.count("phông thay thế (DejaVuSerif)") == 1
