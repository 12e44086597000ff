"""PDF through LibreOffice: real conversions (page sizes and numbers), and its failure modes.

The real conversions need LibreOffice and poppler (pdfinfo, pdftotext): CI has both; elsewhere
they skip with the reason. Failure modes use small fake `soffice` scripts.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from conftest import SPECS, require_soffice

from plangen.errors import OutputError, PdfError
from plangen.render import pdf
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return found


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page, from pdfinfo."""
    out = subprocess.run([_poppler("pdfinfo"), "-f", "1", "-l", "9999", str(path)],
                         check=True, capture_output=True, text=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def page_text(path: Path, page: int) -> str:
    return subprocess.run([_poppler("pdftotext"), "-layout", "-f", str(page), "-l", str(page),
                           str(path), "-"], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """dak-lak (no appendix) and hue (appendix) converted together in one LibreOffice run."""
    require_soffice()
    folder = tmp_path_factory.mktemp("pdf")
    renderer = Renderer()
    docs = []
    for name in ("dak-lak", "hue"):
        path = folder / f"{name}.docx"
        path.write_bytes(renderer.render(load_plan(SPECS / f"{name}.yaml")))
        docs.append(path)
    made = pdf.convert_many(docs, folder / "out")
    assert set(made) == set(docs)
    return {path.stem: made[path] for path in docs}


def test_plan_without_appendix_is_all_portrait_a4(pdfs: dict[str, Path]) -> None:
    sizes = page_sizes(pdfs["dak-lak"])
    assert len(sizes) >= 3
    assert all(w == pytest.approx(595.3, abs=1) and h == pytest.approx(841.9, abs=1)
               for w, h in sizes)


def test_appendix_pages_are_landscape_body_portrait(pdfs: dict[str, Path]) -> None:
    sizes = page_sizes(pdfs["hue"])
    portrait = [s for s in sizes if s[0] < s[1]]
    landscape = [s for s in sizes if s[0] > s[1]]
    assert portrait and landscape
    assert sizes == portrait + landscape  # the body first, then the appendix
    assert landscape[0] == pytest.approx((841.9, 595.3), abs=1)


def test_page_numbers_start_on_page_two(pdfs: dict[str, Path]) -> None:
    """PL1 I.7: no number on page 1; page 2 shows "2" at the top."""
    first = page_text(pdfs["dak-lak"], 1).strip().splitlines()
    second = page_text(pdfs["dak-lak"], 2).strip().splitlines()
    assert "ỦY BAN NHÂN DÂN" in first[0] and "CỘNG HÒA" in first[0]
    assert second[0].strip() == "2"


def test_appendix_numbered_from_one(pdfs: dict[str, Path]) -> None:
    sizes = page_sizes(pdfs["hue"])
    first_appendix = next(i for i, (w, h) in enumerate(sizes, 1) if w > h)
    assert "Phụ lục" in page_text(pdfs["hue"], first_appendix)
    if first_appendix < len(sizes):
        assert page_text(pdfs["hue"], first_appendix + 1).strip().splitlines()[0].strip() == "2"


# ---- failure modes with fake LibreOffice programs --------------------------------------


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def _docx(tmp_path: Path, name: str = "a") -> Path:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(b"PK")
    return path


def test_missing_soffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(PdfError) as caught:
        pdf.convert(_docx(tmp_path), tmp_path)
    assert caught.value.code == "pdf_no_soffice"
    assert "apt-get install" in caught.value.message("vi")


def test_timeout_stops_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    marker = tmp_path / "still-running"
    monkeypatch.setenv(pdf.SOFFICE_ENV, _fake_soffice(tmp_path, f"sleep 30; touch {marker}\n"))
    with pytest.raises(PdfError) as caught:
        pdf.convert(_docx(tmp_path), tmp_path, timeout=0.5)
    assert caught.value.code == "pdf_timeout"
    assert not marker.exists()


def test_failure_reports_libreoffice_message(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.setenv(pdf.SOFFICE_ENV,
                       _fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2"
                                               "\nexit 1\n"))
    with pytest.raises(PdfError) as caught:
        pdf.convert(_docx(tmp_path), tmp_path / "out")
    assert caught.value.code == "pdf_failed"
    assert caught.value.params["status"] == 1
    assert "could not be loaded" in caught.value.message("en")
    assert not list((tmp_path / "out").glob("*.pdf"))


def test_many_files_in_one_call_with_private_profile(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    # the fake writes one PDF per input into --outdir, like LibreOffice does
    body = (f'echo "$@" >> {calls}\n'
            'while [ "$1" != "--outdir" ]; do shift; done; out="$2"; shift 2\n'
            'for f in "$@"; do b=$(basename "$f" .docx); echo pdf > "$out/$b.pdf"; done\n')
    monkeypatch.setenv(pdf.SOFFICE_ENV, _fake_soffice(tmp_path, body))
    inputs = [_docx(tmp_path, name) for name in ("a", "b", "c")]
    made = pdf.convert_many(inputs, tmp_path / "out")
    assert [made[p].name for p in inputs] == ["a.pdf", "b.pdf", "c.pdf"]
    lines = calls.read_text().splitlines()
    assert len(lines) == 1
    assert "-env:UserInstallation=file://" in lines[0] and "--headless" in lines[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.pdf", "b.pdf", "c.pdf"]


def test_same_names_refused_in_one_folder(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.setenv(pdf.SOFFICE_ENV, _fake_soffice(tmp_path, "exit 0\n"))
    (tmp_path / "x").mkdir()
    with pytest.raises(PdfError) as caught:
        pdf.convert_many([_docx(tmp_path), _docx(tmp_path / "x")], tmp_path / "out")
    assert caught.value.code == "pdf_same_name"


def test_same_names_beside_their_docx(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A batch's per-locality folders may all hold "ke-hoach.docx": one call still works."""
    body = ('while [ "$1" != "--outdir" ]; do shift; done; out="$2"; shift 2\n'
            'for f in "$@"; do b=$(basename "$f" .docx); echo "$(readlink "$f")" > "$out/$b.pdf"'
            '; done\n')
    monkeypatch.setenv(pdf.SOFFICE_ENV, _fake_soffice(tmp_path, body))
    inputs = []
    for place in ("hue", "dak-lak"):
        (tmp_path / place).mkdir()
        inputs.append(_docx(tmp_path / place, "ke-hoach"))
    made = pdf.convert_many(inputs)
    for path in inputs:
        assert made[path] == path.with_suffix(".pdf")
        assert made[path].read_text().strip() == str(path.resolve())


def test_a_pdf_is_moved_into_place_or_copied_across_file_systems(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    made, target = tmp_path / "made.pdf", tmp_path / "out" / "ke-hoach.pdf"
    target.parent.mkdir()
    made.write_bytes(b"%PDF-1.7 one")
    pdf._deliver(made, target, durable=True)
    assert target.read_bytes() == b"%PDF-1.7 one" and not made.exists()  # moved
    made.write_bytes(b"%PDF-1.7 two")

    rename = os.replace

    def other_file_system(source: str | Path, destination: str | Path) -> None:
        if Path(source) == made:  # LibreOffice's folder is elsewhere: write_atomic copies
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        rename(source, destination)

    monkeypatch.setattr(os, "replace", other_file_system)
    pdf._deliver(made, target, durable=False)
    assert target.read_bytes() == b"%PDF-1.7 two"  # copied over the old one
    assert made.exists()


def test_a_folder_where_the_pdf_goes_is_an_error(tmp_path: Path) -> None:
    made, target = tmp_path / "made.pdf", tmp_path / "ke-hoach.pdf"
    made.write_bytes(b"%PDF-1.7")
    target.mkdir()
    with pytest.raises(OutputError) as caught:
        pdf._deliver(made, target, durable=False)
    assert caught.value.code == "output_is_directory"
