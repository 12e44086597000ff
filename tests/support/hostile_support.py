"""Shared helpers of the hostile-input suite: run the real CLI, and judge what it left behind.

Every hostile case ends in one of two ways, and these helpers say which is acceptable:
- refused: a non-zero exit, a message in the user's words naming the field and line, no
  traceback, and no output file (not even a partial or temporary one);
- rendered: exit 0 and every .docx produced is a complete document (a zip that opens, valid
  against the OOXML schemas, passing plangen check's NĐ 30 rules).
"""

from __future__ import annotations

import contextlib
import copy
import os
import signal
import subprocess
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner, Result
from conftest import APPENDIX, SMALL_PLAN

from plangen.check.api import fast_check
from plangen.check.report import finding_text
from plangen.cli import main
from plangen.files import TEMP_PREFIX
from support.docx_helpers import all_text, assert_schema_valid

ROOT = Path(__file__).resolve().parents[2]
INVALID = ROOT / "tests" / "data" / "invalid"
TRACEBACK_MARKS = ("Traceback", "Lỗi nội bộ", "Internal plangen error", "File \"/")


def plan(**changes: Any) -> dict[str, Any]:
    """A fresh copy of the small valid plan, with an appendix, top-level keys replaced."""
    data = copy.deepcopy(SMALL_PLAN)
    data["appendix"] = copy.deepcopy(APPENDIX)
    data.update(changes)
    return data


def dump(data: Any) -> str:
    """YAML text of `data` (Vietnamese kept readable)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def spec_file(folder: Path, **changes: Any) -> Path:
    """The small plan (with `changes`) written as `folder/plan.yaml`."""
    spec = folder / "plan.yaml"
    spec.write_text(dump(plan(**changes)), encoding="utf-8")
    return spec


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    """The real `plangen` command, in process (CliRunner)."""
    return CliRunner().invoke(main, [str(arg) for arg in args], env=env)


def no_traceback(text: str) -> None:
    for mark in TRACEBACK_MARKS:
        assert mark not in text, text


def temporaries(folder: Path) -> list[Path]:
    """Temporary files a write left behind (none must remain)."""
    return sorted(folder.rglob(f"{TEMP_PREFIX}*")) if folder.exists() else []


def assert_refused(result: Result, words: Iterable[str] = (), *, line: int | None = None,
                   field: str | None = None, exit_code: int = 1,
                   outputs: Path | None = None) -> None:
    """A clear refusal: exit code, the message's words, the spec line and field path, no
    traceback, nothing written under `outputs`."""
    output = result.output
    assert result.exit_code == exit_code, (result.exit_code, output, result.exception)
    no_traceback(output)
    for word in words:
        assert word in output, (word, output)
    if line is not None:
        assert f":{line}:" in output, (line, output)
    if field is not None:
        assert f"  {field}  " in output, (field, output)
    if outputs is not None:
        assert not list(outputs.rglob("*.docx")), list(outputs.rglob("*.docx"))
        assert not temporaries(outputs), temporaries(outputs)


def assert_sound_docx(path: Path) -> str:
    """`path` is a complete .docx: opens, schema-valid, passes the NĐ 30 checks; its text."""
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
    assert_schema_valid(data)
    report = fast_check(data)
    assert report.ok, [finding_text(f, "en") for r in report.failed for f in r.found]
    return all_text(data)


def assert_rendered(result: Result, folder: Path, contains: Iterable[str] = ()) -> str:
    """Exit 0 and every .docx under `folder` sound; returns their text, joined."""
    assert result.exit_code == 0, (result.output, result.exception)
    no_traceback(result.output)
    documents = sorted(folder.rglob("*.docx"))
    assert documents, "nothing was written"
    text = "\n".join(assert_sound_docx(path) for path in documents)
    for words in contains:
        assert words in text, words
    assert not temporaries(folder), temporaries(folder)
    return text


def expected_first(case: str) -> tuple[int, str, str]:
    """The first (line, field, code) a broken spec of tests/data/invalid must report."""
    for row in (INVALID / f"{case}.expected").read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            number, rest = row.split(None, 1)
            field, code = rest.rsplit(None, 1)
            return int(number), field.strip(), code
    raise AssertionError(case)


def pause_when(process: subprocess.Popen[str], out: Path, files: int) -> None:
    """Stop `process` (started in a session of its own) and its workers as soon as `files`
    .docx exist under `out`, asserting it is still running: the caller then signals it and
    sends SIGCONT, so the batch can never finish before the signal, however fast the machine
    (a count of files, never a time)."""
    while process.poll() is None and len(list(out.rglob("*.docx"))) < files:
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGSTOP)
    assert process.poll() is None, "the batch finished before it could be signalled"
