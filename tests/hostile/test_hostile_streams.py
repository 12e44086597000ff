"""Issue 14.9 and 14.10: where output goes wrong (a closed pipe, a full disk), what reaches the
terminal (no escape codes), and what `extract` refuses or keeps private.

Real `python -m plangen` processes, as a shell runs them.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

import pytest
from support.hostile_support import ROOT, dump, invoke, no_traceback, plan

ESC = "\x1b"


def plangen(*args: object, stdout: int | IO[Any] = subprocess.PIPE,
            cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "plangen", *map(str, args)], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, cwd=cwd, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PLANGEN_LANG": "en"})


def test_a_reader_that_went_away_ends_the_run_quietly() -> None:
    """`plangen schema | head -1`: head exits after one line; plangen stops without a word."""
    read, write = os.pipe()
    os.close(read)  # the reader has gone before plangen writes anything
    try:
        done = plangen("schema", stdout=write)
    finally:
        os.close(write)
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""


def test_a_full_disk_is_said() -> None:
    with open("/dev/full", "w") as full:
        done = plangen("schema", stdout=full)
    no_traceback(done.stderr)
    assert done.returncode == 1, done.stderr
    assert "disk is full" in done.stderr, done.stderr


def test_no_escape_code_reaches_the_terminal(tmp_path: Path) -> None:
    name = tmp_path / f"{ESC}[2J{ESC}]0;pwned\x07plan\x9b31m.yaml"
    done = plangen("validate", name, "--locality", f"{ESC}[31mtỉnh Ma")
    assert done.returncode == 2
    assert "plan" in done.stderr and ESC not in done.stderr and "\x9b" not in done.stderr
    assert "\x07" not in done.stderr


def test_escape_codes_in_a_locality_name_are_stripped(tmp_path: Path) -> None:
    spec = tmp_path / "plan.yaml"
    spec.write_text(dump(plan()), encoding="utf-8")
    result = invoke("render", spec, "--locality", f"{ESC}[2Jtỉnh {ESC}[31mX", "--lang", "en")
    assert result.exit_code == 2
    assert ESC not in result.output and "[31m" not in result.output
    assert "tỉnh X" in result.output, result.output


def test_extract_keeps_a_private_file_private(tmp_path: Path) -> None:
    source = tmp_path / "secret.txt"
    source.write_text("KẾ HOẠCH\nTriển khai thi hành Luật Trí tuệ nhân tạo\n", encoding="utf-8")
    source.chmod(0o600)
    link = tmp_path / "link.txt"
    link.symlink_to(source)
    out = tmp_path / "out.yaml"
    result = invoke("extract", link, "-o", out)
    assert out.is_file(), result.output
    assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0, oct(out.stat().st_mode)


def test_extract_of_a_readable_file_keeps_the_usual_mode(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("KẾ HOẠCH\nTriển khai thi hành Luật Trí tuệ nhân tạo\n", encoding="utf-8")
    source.chmod(0o644)
    out = tmp_path / "out.yaml"
    invoke("extract", source, "-o", out)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize(("content", "words"), [
    (b"", "is empty"),
    (b"  \n\t\n", "is empty"),
    (b"<!DOCTYPE html>\n<html><body><p>K\xe1\xba\xbe HO\xe1\xba\xa0CH</p></body></html>",
     "web page"),
    (b"<html lang='vi'><head><title>x</title></head></html>", "web page"),
])
def test_extract_refuses_an_empty_or_html_file(tmp_path: Path, content: bytes,
                                               words: str) -> None:
    source = tmp_path / "input.txt"
    source.write_bytes(content)
    out = tmp_path / "out.yaml"
    result = invoke("extract", source, "-o", out, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert words in result.output, result.output
    no_traceback(result.output)
    assert not out.exists()
