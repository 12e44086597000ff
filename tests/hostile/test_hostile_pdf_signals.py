"""Issue 14.6: SIGTERM or Ctrl-C during a batch's PDFs stops LibreOffice and leaves no folder.

A real `soffice` converts a batch's plans. As soon as a conversion is running, the test
freezes the LibreOffice processes (SIGSTOP: they can then neither finish nor exit by
themselves, so the moment is a state, not a time) and signals the batch. It must exit 130,
kill LibreOffice (all of its processes), and remove its temporary folders (profiles, staged
inputs, outputs). Before this, the batch waited for the conversions until their time limit
(a minute and more), and a second signal left LibreOffice and its folders behind.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from support.hostile_support import dump, invoke, no_traceback, plan

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


def converting(temp: Path) -> list[int]:
    """The LibreOffice processes converting into a folder under `temp`."""
    return [pid for pid in processes_mentioning(str(temp)) if "--convert-to" in
            Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")]


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
    returned, seen = threading.Event(), {"frozen": 0, "guard": False, "folders": 0}

    def saboteur() -> None:
        while not returned.is_set() and not converting(temp):
            time.sleep(0.02)
        if returned.is_set():
            return
        for pid in processes_mentioning(str(temp)):
            os.kill(pid, signal.SIGSTOP)  # mid-conversion, and staying there
            seen["frozen"] += 1
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
    assert seen["frozen"] and seen["folders"], seen
    assert result.exit_code == 130, result.output
    no_traceback(result.output)
    for _ in range(100):  # SIGKILL is delivered at once; the kernel reaps soon after
        if not processes_mentioning(str(temp)):
            break
        time.sleep(0.05)
    assert not processes_mentioning(str(temp))
    assert sorted(path.name for path in temp.iterdir()) == []
    assert len(list(out.glob("*.docx"))) == 8  # the plans themselves were all delivered
