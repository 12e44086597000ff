"""Issue 14.6: SIGTERM or Ctrl-C during a batch's PDFs stops LibreOffice and leaves no folder.

A real `soffice` converts a batch's plans. As soon as a conversion is running, the test
freezes the LibreOffice processes (SIGSTOP: they can then neither finish nor exit by
themselves, so the moment is a state, not a time) and signals the batch. It must exit 130,
kill LibreOffice (all of its processes), and remove its temporary folders (profiles, staged
inputs, outputs). Before this, the batch waited for the conversions until their time limit
(a minute and more), and a second signal left LibreOffice and its folders behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from support.hostile_support import ROOT, assert_sound_docx, dump, invoke, no_traceback, plan

from plangen.batch import pdfpool
from plangen.render.pdf import find_soffice

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
    pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed"),
]
PROVINCES = "localities:\n" + "".join(f"  - locality: {name}\n" for name in (
    "thành phố Huế", "tỉnh Đắk Lắk", "tỉnh An Giang", "thành phố Hà Nội", "tỉnh Lào Cai",
    "tỉnh Nghệ An", "tỉnh Gia Lai", "thành phố Cần Thơ"))
GUARD_SECONDS = 90  # against a hang only: a stopping batch returns at once


def processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line holds `text` (the run's temporary folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if text in command and state != "Z":
            found.append(int(entry.name))
    return found


def stat_of(pid: int) -> list[str]:
    """State, parent, group… of `pid` (fields 3 on of /proc/PID/stat), [] once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return []


def converting(temp: Path) -> list[int]:
    """The LibreOffice processes converting into a folder under `temp`."""
    found = []
    for pid in processes_mentioning(str(temp)):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"--convert-to" in command:
            found.append(pid)
    return found


def freeze_conversion(temp: Path, parent: int) -> bool:
    """Stop every LibreOffice process of the run; True when one of them is the run's own
    child, still to be reaped: `parent` is then waiting for it, mid-conversion, and stays
    so. False (everything continued) when the conversion was ending meanwhile."""
    pids = processes_mentioning(str(temp))
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGSTOP)
    for pid in pids:
        fields = stat_of(pid)
        if fields and int(fields[1]) == parent and pid in converting(temp):
            for _ in range(100):  # SIGSTOP takes effect when the process is next scheduled
                if stat_of(pid)[:1] == ["T"]:
                    return True
                time.sleep(0.01)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)
    return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_the_pdfs_stops_libreoffice_and_cleans_up(
        tmp_path: Path, sig: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """In process (the command as a user runs it, through click), so LibreOffice's time limit
    can be lifted: the batch alone must stop it. A guard thread unfreezes everything if the
    batch has not returned after GUARD_SECONDS, and the test then fails (a hang, not a
    timing)."""
    spec = tmp_path / "goc.yaml"
    spec.write_text(dump(plan(issuer={"name": "{{ locality.agency }}"},
                              place="{{ locality.place }}")), encoding="utf-8")
    table = tmp_path / "bang.yaml"
    table.write_text(PROVINCES, encoding="utf-8")
    temp, out = tmp_path / "tmp", tmp_path / "out"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(pdfpool, "START_SECONDS", 86_400.0)  # no time limit to fall back on
    monkeypatch.setattr(pdfpool, "SECONDS_PER_FILE", 86_400.0)
    monkeypatch.setattr(pdfpool, "RUN_LIMIT", 1)  # a LibreOffice run per file: many moments
    returned, seen = threading.Event(), {"frozen": 0, "guard": False, "folders": 0}

    def saboteur() -> None:
        while not returned.is_set() and not (converting(temp)
                                             and freeze_conversion(temp, os.getpid())):
            time.sleep(0.02)
        if returned.is_set():
            return
        seen["frozen"] = len(processes_mentioning(str(temp)))
        seen["folders"] = len(list(temp.glob("plangen-pdf*")))
        os.kill(os.getpid(), sig)  # as the shell or the service manager sends it
        if not returned.wait(GUARD_SECONDS):
            seen["guard"] = True
            for pid in processes_mentioning(str(temp)):
                os.kill(pid, signal.SIGKILL)

    watcher = threading.Thread(target=saboteur, daemon=True)
    watcher.start()
    try:
        result = invoke("batch", str(spec), "--localities", str(table), "-o", str(out),
                        "--pdf", "--jobs", "2", "--no-check", "--lang", "en")
    finally:
        returned.set()
        watcher.join()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the command's handler
    assert not seen["guard"], "the batch waited for LibreOffice instead of stopping it"
    assert result.exit_code == 130, result.output
    no_traceback(result.output)
    for _ in range(100):  # SIGKILL is delivered at once; the kernel reaps soon after
        if not processes_mentioning(str(temp)):
            break
        time.sleep(0.05)
    left = processes_mentioning(str(temp))
    for pid in left:  # never leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert not left
    assert seen["frozen"] and seen["folders"], seen  # it was stopped mid-conversion
    assert sorted(path.name for path in temp.iterdir()) == []
    assert len(list(out.glob("*.docx"))) == 8  # the plans themselves were all delivered


def test_sigterm_during_a_single_render_pdf_leaves_nothing(tmp_path: Path) -> None:
    """`plangen render --pdf` stopped by SIGTERM (a service manager, `timeout`): exit 130,
    LibreOffice killed, its folder removed; the .docx, written first, is whole."""
    spec = tmp_path / "ke-hoach.yaml"
    spec.write_text(dump(plan()), encoding="utf-8")
    temp = tmp_path / "tmp"
    temp.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "plangen", "render", str(spec), "--pdf", "--lang", "en"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp)})
    try:
        while process.poll() is None and not (converting(temp)
                                              and freeze_conversion(temp, process.pid)):
            time.sleep(0.02)
        assert process.poll() is None, "the render ended before converting"
        os.kill(process.pid, signal.SIGTERM)
        _, stderr = process.communicate(timeout=GUARD_SECONDS)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        for pid in processes_mentioning(str(temp)):  # what a failing run left
            os.kill(pid, signal.SIGKILL)
    assert process.returncode == 130, stderr
    assert "Interrupted" in stderr or "Đã dừng" in stderr, stderr
    for _ in range(100):
        if not processes_mentioning(str(temp)):
            break
        time.sleep(0.05)
    assert not processes_mentioning(str(temp))
    assert list(temp.iterdir()) == []
    assert "KẾ HOẠCH" in assert_sound_docx(spec.with_suffix(".docx"))
    assert not spec.with_suffix(".pdf").exists()
