"""Issue 14.6: plangen SIGKILLed during its PDFs leaves no LibreOffice and no folder behind.

No handler runs on SIGKILL, and LibreOffice runs in its own process group, so neither a kill
of plangen nor of plangen's whole group reaches it. The guardian (plangen.render.guardian)
sees plangen's end of its pipe close and kills the runs still registered and removes their
folders. A real `soffice` converts; the test freezes it mid-conversion (SIGSTOP: the moment
is a state, not a time), SIGKILLs plangen, and polls a bounded number of times. Without the
guardian the frozen LibreOffice and the plangen-pdf(s)-* folders stay for ever.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.hostile_support import ROOT, dump, plan
from test_hostile_pdf_signals import (
    GUARD_SECONDS,
    PROVINCES,
    converting,
    freeze_conversion,
    processes_mentioning,
)

from plangen.render.pdf import find_soffice

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
    pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed"),
]
POLLS = 200  # of 0.05 s: the guardian acts as soon as the pipe closes


def start(tmp_path: Path, command: str) -> tuple[subprocess.Popen[bytes], Path]:
    """`plangen batch --pdf` on eight provinces, or `plangen render --pdf`, with its own
    temporary folder, in a session of its own (so its group can be killed)."""
    spec = tmp_path / "goc.yaml"
    spec.write_text(dump(plan(issuer={"name": "{{ locality.agency }}"},
                              place="{{ locality.place }}") if command == "batch"
                         else plan()), encoding="utf-8")
    table = tmp_path / "bang.yaml"
    table.write_text(PROVINCES, encoding="utf-8")
    temp = tmp_path / "tmp"
    temp.mkdir()
    args = (["batch", str(spec), "--localities", str(table), "-o", str(tmp_path / "out"),
             "--pdf", "--jobs", "2", "--no-check"] if command == "batch"
            else ["render", str(spec), "--pdf"])
    process = subprocess.Popen(
        [sys.executable, "-m", "plangen", *args, "--lang", "en"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp)})
    return process, temp


def guardians(temp: Path) -> list[int]:
    """Live guardians started by a run whose temporary folder is `temp` (they inherit its
    TMPDIR, and do not name it on their command line)."""
    found = []
    for pid in processes_mentioning("plangen.render.guardian"):
        with contextlib.suppress(OSError):
            if f"TMPDIR={temp}".encode() in Path(f"/proc/{pid}/environ").read_bytes().split(
                    b"\0"):
                found.append(pid)
    return found


def leftovers(temp: Path) -> tuple[list[int], list[str]]:
    """Processes of the run still alive (LibreOffice, the guardian) and its PDF folders."""
    return (processes_mentioning(str(temp)) + guardians(temp),
            sorted(path.name for path in temp.glob("plangen-pdf*")))


@pytest.mark.parametrize(("command", "target"), [
    ("batch", "process"), ("batch", "group"), ("render", "process")])
def test_sigkill_mid_conversion_leaves_no_libreoffice_and_no_folder(
        tmp_path: Path, command: str, target: str) -> None:
    process, temp = start(tmp_path, command)
    try:
        deadline = time.monotonic() + GUARD_SECONDS  # a hang guard, not a timing
        while process.poll() is None and not (converting(temp)
                                              and freeze_conversion(temp, process.pid)):
            assert time.monotonic() < deadline, "no conversion started"
            time.sleep(0.02)
        assert process.poll() is None, "the run ended before converting"
        frozen, folders = leftovers(temp)
        assert converting(temp) and guardians(temp) and folders, (frozen, folders)
        if target == "group":
            os.killpg(process.pid, signal.SIGKILL)  # plangen and any worker it forked
        else:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(GUARD_SECONDS)
        for _ in range(POLLS):
            if leftovers(temp) == ([], []):
                break
            time.sleep(0.05)
        left = leftovers(temp)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        for pid in leftovers(temp)[0]:  # never leave them to the next test
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    assert left == ([], []), left
    assert list(temp.iterdir()) == []


def test_a_clean_pdf_run_leaves_no_guardian(tmp_path: Path) -> None:
    """A run that ends normally closes the pipe and reaps its guardian before it exits."""
    process, temp = start(tmp_path, "render")
    assert process.wait(GUARD_SECONDS) == 0
    assert (tmp_path / "goc.pdf").stat().st_size > 0
    assert leftovers(temp) == ([], [])
    assert list(temp.iterdir()) == []
