"""Issue 14.6 and 14.7: workers die with their batch, and one batch at a time per folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.hostile_support import ROOT, dump, invoke, pause_when, plan

from plangen.batch.lifecycle import folder_lock


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_second_batch_into_a_busy_folder_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "plan.yaml"
    spec.write_text(dump(plan()), encoding="utf-8")
    out = tmp_path / "out"
    with folder_lock(out):
        result = invoke("batch", spec, "--localities", "all-provinces", "-o", out,
                        "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "in use by another plangen batch" in result.output
    assert not list(out.rglob("*.docx")) and not (out / "index.json").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_stop_when_the_main_process_dies(tmp_path: Path, sig: int) -> None:
    spec = tmp_path / "plan.yaml"
    spec.write_text(dump(plan()), encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "plangen", "batch", spec, "--localities", "all-communes",
         "-o", out, "--jobs", "2", "--no-check"], stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        for _ in range(600):  # wait for the workers to write their first files
            if len(list(out.rglob("*.docx"))) >= 5:
                break
            time.sleep(0.1)
        workers = children_of(process.pid)
        assert workers, "no worker started"
        os.kill(process.pid, sig)
        process.wait(timeout=60)
        for _ in range(300):  # the workers notice at once (SIGKILL from the kernel) or soon
            if not any(alive(pid) for pid in workers):
                break
            time.sleep(0.1)
        assert not any(alive(pid) for pid in workers), workers
        count = len(list(out.rglob("*.docx")))
        time.sleep(1)
        assert len(list(out.rglob("*.docx"))) == count  # nothing more is written
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_batch_indexes_what_finished(tmp_path: Path, sig: int) -> None:
    """SIGINT or SIGTERM: the run stops, its workers with it, and index.json lists every file
    it wrote (so the next run renders only what is missing)."""
    spec = tmp_path / "plan.yaml"
    spec.write_text(dump(plan()), encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "plangen", "batch", spec, "--localities", "all-communes",
         "-o", out, "--jobs", "2", "--no-check"], stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PLANGEN_LANG": "en"})
    try:
        pause_when(process, out, 20)  # stopped: it cannot finish before the signal
        workers = children_of(process.pid)
        assert workers, "no worker started"
        os.kill(process.pid, sig)
        os.killpg(process.pid, signal.SIGCONT)
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 130, stderr
        assert "Traceback" not in stderr, stderr[-3000:]
        for _ in range(300):
            if not any(alive(pid) for pid in workers):
                break
            time.sleep(0.1)
        assert not any(alive(pid) for pid in workers)
        import json
        rows = json.loads((out / "index.json").read_text(encoding="utf-8"))["items"]
        # "interrupted": a worker killed between writing a file and journalling it
        listed = {row["docx"] for row in rows if row["status"] in ("written", "interrupted")}
        on_disk = {path.relative_to(out).as_posix() for path in out.rglob("*.docx")}
        assert on_disk - listed == set(), sorted(on_disk - listed)[:5]
        assert len(on_disk) < 3321
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
