"""A batch killed with SIGKILL halfway leaves only complete files; running it again finishes the
rest and leaves no temporary file behind.

The killed run is a real `plangen batch` process whose renames are slowed down (a launcher
patches os.replace to wait 50 ms first), so that the kill lands while files are being written
(a finished temporary not yet renamed) rather than after the batch is done. The re-run is a
plain `python -m plangen`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from support.docx_helpers import assert_schema_valid

from plangen.check.api import fast_check
from plangen.files import TEMP_PREFIX

ROOT = Path(__file__).resolve().parents[2]
COMMAND = ["batch", "examples/ai-law/commune.yaml", "--localities", "hue/communes", "--jobs",
           "1"]
COMMUNES = 40
SLOW_RENAMES = """
import os, runpy, sys, time
rename = os.replace
def slow(*args, **kwargs):
    time.sleep(0.05)
    return rename(*args, **kwargs)
os.replace = slow
sys.argv[0] = "plangen"
runpy.run_module("plangen", run_name="__main__", alter_sys=True)
"""


def documents(out: Path) -> list[Path]:
    return sorted(out.rglob("*.docx"))


def temporaries(out: Path) -> list[Path]:
    return sorted(out.rglob(f"{TEMP_PREFIX}*"))


def assert_complete(path: Path) -> None:
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None, path
    assert_schema_valid(data)
    assert fast_check(data).ok, path


def test_killed_batch_leaves_whole_files_and_a_rerun_finishes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-c", SLOW_RENAMES, *COMMAND, "-o", str(out)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        # kill once 8 files are written and the next one is being written
        while (len(documents(out)) < 8 or not temporaries(out)) and time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.005)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        if process.stderr:
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    halfway = documents(out)
    assert 8 <= len(halfway) < COMMUNES
    for path in halfway:
        assert_complete(path)

    done = subprocess.run([sys.executable, "-m", "plangen", *COMMAND, "-o", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    finished = documents(out)
    assert len(finished) == COMMUNES
    for path in finished:
        assert_complete(path)
    assert not temporaries(out)
    assert (out / "index.json").is_file() and (out / "index.csv").is_file()
