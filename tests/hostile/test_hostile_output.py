"""Hostile surroundings, end to end: an output path that is a folder, a folder that refuses
writes, a disk that fills up mid-file, LibreOffice missing, failing or hanging.

CI runs as root, which ignores permission bits, so refusals are simulated by patching the
calls that would fail (os.open, the stream's write). Whatever happens: a clear message, a
non-zero exit, no partial or temporary file, and the .docx still delivered when only the PDF
failed.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from support.hostile_support import (
    assert_refused,
    assert_rendered,
    assert_sound_docx,
    dump,
    invoke,
    no_traceback,
    plan,
    temporaries,
)

from plangen import files as output
from plangen.batch import build, pdfpool
from plangen.render import pdf

ONE_LOCALITY = "localities:\n  - locality: thành phố Huế\n  - locality: tỉnh Đắk Lắk\n" \
               "  - locality: tỉnh An Giang\n"


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(dump(plan()), encoding="utf-8")
    return path


@pytest.fixture
def base(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "goc.yaml"
    path.write_text(dump(plan(summary="Triển khai trên địa bàn {{ locality.full_name }}")),
                    encoding="utf-8")
    table = tmp_path / "bang.yaml"
    table.write_text(ONE_LOCALITY, encoding="utf-8")
    return path, table


def fake_soffice(folder: Path, body: str) -> str:
    script = folder / "soffice"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


class _FullDisk:
    """A file that takes a hundred bytes, then fails as a full disk does."""

    def __init__(self, fd: int, fdopen: Any) -> None:
        self.stream = fdopen(fd, "wb")

    def write(self, data: bytes) -> int:
        self.stream.write(data[:100])
        self.stream.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()


def fill_disk(monkeypatch: pytest.MonkeyPatch, when: Any = lambda fd: True) -> None:
    real = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return _FullDisk(fd, real) if when(fd) else real(fd, *args, **kwargs)

    monkeypatch.setattr(output.os, "fdopen", fdopen)


# ---- render -------------------------------------------------------------------------------


def test_output_is_a_folder(spec: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ra"
    folder.mkdir()
    assert_refused(invoke("render", spec, "-o", folder), ("là thư mục",), outputs=folder)


def test_output_is_the_spec(spec: Path) -> None:
    assert_refused(invoke("render", spec, "-o", spec), ("trùng với tệp kế hoạch",))
    assert spec.read_text(encoding="utf-8").startswith("issuer:")


def test_output_under_a_file(spec: Path, tmp_path: Path) -> None:
    (tmp_path / "tep").write_text("x", encoding="utf-8")
    result = invoke("render", spec, "-o", tmp_path / "tep" / "plan.docx")
    assert_refused(result, ("Không ghi được",), outputs=tmp_path)


def test_read_only_folder(spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
        if output.TEMP_PREFIX in str(path):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(output.os, "open", refuse)
    result = invoke("render", spec, "-o", tmp_path / "ra" / "plan.docx")
    assert_refused(result, ("Không ghi được", "Permission denied", "Không có tệp dở dang"),
                   outputs=tmp_path)


def test_disk_full_mid_file_keeps_the_old_file(spec: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ra" / "plan.docx"
    assert invoke("render", spec, "-o", target).exit_code == 0
    before = target.read_bytes()
    fill_disk(monkeypatch)
    result = invoke("render", spec, "-o", target, "--lang", "en")
    assert result.exit_code == 1
    assert "No space left on device" in result.output and "No partial file" in result.output
    no_traceback(result.output)
    assert target.read_bytes() == before  # the earlier, complete file is untouched
    assert not temporaries(tmp_path)


def test_libreoffice_missing_still_delivers_the_docx(spec: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    result = invoke("render", spec, "-o", tmp_path / "ra" / "plan.docx", "--pdf")
    assert result.exit_code == 1 and "Không tìm thấy LibreOffice" in result.output
    no_traceback(result.output)
    assert_sound_docx(tmp_path / "ra" / "plan.docx")
    assert not list(tmp_path.rglob("*.pdf"))


def test_libreoffice_failing(spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pdf.SOFFICE_ENV, fake_soffice(
        tmp_path, "echo 'Error: source file could not be loaded' >&2\nexit 77\n"))
    result = invoke("render", spec, "-o", tmp_path / "ra" / "plan.docx", "--pdf")
    assert result.exit_code == 1
    assert "mã 77" in result.output and "could not be loaded" in result.output
    assert "Tệp .docx vẫn đã được tạo" in result.output
    assert_sound_docx(tmp_path / "ra" / "plan.docx")
    assert not list(tmp_path.rglob("*.pdf"))


def test_libreoffice_hanging_is_stopped(spec: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "still-running"
    monkeypatch.setenv(pdf.SOFFICE_ENV, fake_soffice(tmp_path, f"sleep 30\ntouch {marker}\n"))
    monkeypatch.setattr(build, "convert", functools.partial(pdf.convert, timeout=1))
    result = invoke("render", spec, "-o", tmp_path / "ra" / "plan.docx", "--pdf")
    assert result.exit_code == 1 and "LibreOffice không xong sau 1 giây" in result.output
    assert_sound_docx(tmp_path / "ra" / "plan.docx")
    assert not marker.exists() and not list(tmp_path.rglob("*.pdf"))


def test_libreoffice_writes_garbage(spec: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A converter that exits 0 but makes no PDF is a failure, not a silent success."""
    monkeypatch.setenv(pdf.SOFFICE_ENV, fake_soffice(tmp_path, "exit 0\n"))
    result = invoke("render", spec, "-o", tmp_path / "ra" / "plan.docx", "--pdf")
    assert result.exit_code == 1 and "LibreOffice không chuyển được" in result.output
    assert_sound_docx(tmp_path / "ra" / "plan.docx")


# ---- batch --------------------------------------------------------------------------------


def test_batch_into_a_file(base: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "ra").write_text("x", encoding="utf-8")
    result = invoke("batch", base[0], "--localities", base[1], "-o", tmp_path / "ra")
    assert_refused(result, ("là một tệp",), exit_code=2)


def test_batch_disk_full_on_one_file_fails_that_one_only(
        base: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}

    def second_file(fd: int) -> bool:
        calls["n"] += 1
        return calls["n"] == 2

    fill_disk(monkeypatch, second_file)
    out = tmp_path / "ra"
    result = invoke("batch", base[0], "--localities", base[1], "-o", out, "--jobs", "1")
    assert result.exit_code == 1 and "No space left on device" in result.output
    no_traceback(result.output)
    documents = sorted(out.rglob("*.docx"))
    assert len(documents) == 2
    for path in documents:
        assert_sound_docx(path)
    assert not temporaries(out)


def test_batch_pdf_missing_failing_and_hanging(base: tuple[Path, Path], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "ra"
    monkeypatch.setattr(pdfpool, "START_SECONDS", 1.0)  # a LibreOffice run's time limit: 1 s
    monkeypatch.setattr(pdfpool, "SECONDS_PER_FILE", 0.0)
    monkeypatch.setenv(pdfpool.CACHE_ENV, str(tmp_path / "cache"))
    for soffice, words in [(None, "Không tìm thấy LibreOffice"),
                           ("echo broken >&2\nexit 3\n", "mã 3"),
                           (f"sleep 30\ntouch {tmp_path / 'late'}\n", "không xong sau 1 giây")]:
        if soffice is None:
            monkeypatch.setattr(pdf, "find_soffice", lambda: None)
        else:
            monkeypatch.setattr(pdf, "find_soffice", lambda s=soffice: fake_soffice(tmp_path, s))
        result = invoke("batch", base[0], "--localities", base[1], "-o", out, "--jobs", "1",
                        "--pdf")
        assert result.exit_code == 1 and words in result.output, result.output
        assert_rendered(invoke("check", *out.rglob("*.docx")), out)
        assert not list(out.rglob("*.pdf")) and not (tmp_path / "late").exists()


def test_the_output_naming_the_template_is_refused(tmp_path: Path) -> None:
    """Issue 14.4: `-o` naming the template would destroy it; refused, template unchanged."""
    from plangen.render.docx import DEFAULT_TEMPLATE

    spec = tmp_path / "plan.yaml"
    spec.write_text(dump(plan()), encoding="utf-8")
    template = tmp_path / "mau.docx"
    template.write_bytes(DEFAULT_TEMPLATE.read_bytes())
    before = template.read_bytes()
    result = invoke("render", spec, "--template", template, "-o", template, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "is the Word template" in result.output
    assert template.read_bytes() == before
