"""Issue 14.1: every file a command reads is a regular file read within its limit.

Each command is pointed at /dev/zero, a FIFO nobody writes to, and a symlink to /dev/zero, in a
real process with a time limit: it must refuse at once with a message and exit code, never read
until memory runs out, never block.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support.hostile_support import ROOT, dump, no_traceback, plan

TIMEOUT = 60  # far above a refusal (about a second); a hang or an endless read fails


def plangen(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "plangen", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=TIMEOUT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PLANGEN_LANG": "en"})


def hostile(kind: str, folder: Path, name: str) -> Path:
    """A path named `name` that is /dev/zero, a FIFO, or a symlink to /dev/zero."""
    path = folder / name
    if kind == "dev-zero":
        return Path("/dev/zero")
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    return path


def good_spec(folder: Path, **changes: object) -> Path:
    spec = folder / "plan.yaml"
    spec.write_text(dump(plan(**changes)), encoding="utf-8")
    return spec


COMMANDS: dict[str, Callable[[Path, Path], list[object]]] = {
    "validate": lambda bad, tmp: ["validate", bad],
    "render": lambda bad, tmp: ["render", bad, "-o", tmp / "out.docx"],
    "render --template": lambda bad, tmp: ["render", good_spec(tmp), "--template", bad,
                                           "-o", tmp / "out.docx"],
    "check": lambda bad, tmp: ["check", bad],
    "extract": lambda bad, tmp: ["extract", bad, "-o", tmp / "out.yaml"],
    "batch base": lambda bad, tmp: ["batch", bad, "--localities", "all-provinces",
                                    "-o", tmp / "out"],
    "batch --template": lambda bad, tmp: ["batch", good_spec(tmp), "--localities",
                                          "all-provinces", "--template", bad, "-o", tmp / "out"],
}
TABLE_COMMANDS = {
    "batch table.csv": ".csv",
    "batch table.yaml": ".yaml",
}


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "symlink"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_command_refuses_what_is_not_a_file(tmp_path: Path, command: str, kind: str) -> None:
    suffix = ".docx" if command in ("check", "extract") or "template" in command else ".yaml"
    bad = hostile(kind, tmp_path, f"input{suffix}")
    done = plangen(*COMMANDS[command](bad, tmp_path), cwd=tmp_path)
    assert done.returncode in (1, 2), (done.returncode, done.stdout, done.stderr)
    no_traceback(done.stdout + done.stderr)
    assert "not a regular file" in done.stderr, done.stderr
    assert not (tmp_path / "out.docx").exists() and not (tmp_path / "out.yaml").exists()
    assert not list((tmp_path / "out").rglob("*.docx")) if (tmp_path / "out").exists() else True


@pytest.mark.parametrize("kind", ["fifo", "symlink"])
@pytest.mark.parametrize("command", sorted(TABLE_COMMANDS))
def test_a_locality_table_that_is_not_a_file(tmp_path: Path, command: str, kind: str) -> None:
    table = hostile(kind, tmp_path, "table" + TABLE_COMMANDS[command])
    done = plangen("batch", good_spec(tmp_path), "--localities", table, "-o", tmp_path / "out",
                   cwd=tmp_path)
    assert done.returncode in (1, 2), (done.returncode, done.stderr)
    no_traceback(done.stdout + done.stderr)
    assert "not a regular file" in done.stderr, done.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.docx"))


@pytest.mark.parametrize("kind", ["fifo", "symlink"])
def test_an_included_file_that_is_not_a_file(tmp_path: Path, kind: str) -> None:
    hostile(kind, tmp_path, "part.yaml")
    spec = good_spec(tmp_path, include=["part.yaml"])
    done = plangen("render", spec, "-o", tmp_path / "out.docx", cwd=tmp_path)
    assert done.returncode in (1, 2), (done.returncode, done.stderr)
    no_traceback(done.stdout + done.stderr)
    # a FIFO is named as such; a link is followed first, and /dev/zero lies outside the folder
    assert ("not a regular file" if kind == "fifo" else "lies outside") in done.stderr
    assert not (tmp_path / "out.docx").exists()


def test_a_previous_index_that_is_not_a_file_is_ignored(tmp_path: Path) -> None:
    """A batch never blocks on an index.json that became a FIFO: it is treated as absent."""
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "index.json")
    table = tmp_path / "t.csv"
    table.write_text("locality\nthành phố Huế\n", encoding="utf-8")
    done = plangen("batch", good_spec(tmp_path), "--localities", table, "-o", out, "--no-check",
                   cwd=tmp_path)
    no_traceback(done.stdout + done.stderr)
    assert done.returncode == 0, done.stderr
    assert (out / "hue.docx").is_file()
