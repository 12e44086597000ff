"""Issue 14, fault injection: a 300-commune batch killed again and again, then finished.

Each round starts the batch in a session of its own, waits until K more plans exist in the
output folder (K drawn from a seeded generator: the moment is a count of files, not a time),
then sends one signal: SIGINT, SIGTERM or SIGKILL, to the main process or to the whole
process group. After every round:
- every .docx in the folder is whole (a zip whose every member reads back; a seeded sample is
  also schema-valid and passes plangen check);
- no process of that run is left (none in its session);
- no plan that existed when the round started was rendered again, except one a killed
  worker had begun (its journal says so): the files keep their bytes and their times.
Then a last run finishes the batch: it renders exactly what was missing, and the index lists
each of the 300 plans once.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from support.hostile_support import ROOT, assert_sound_docx, no_traceback

from plangen.batch.journal import JOURNAL_PREFIX
from plangen.batch.localities import all_communes

PLANS = 300
SEED = 1414
ROUNDS = [(signal.SIGINT, "main"), (signal.SIGTERM, "main"), (signal.SIGKILL, "main"),
          (signal.SIGKILL, "group"), (signal.SIGTERM, "group")]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def in_session(session: int) -> list[int]:
    """Live processes of `session` (the run's main process started it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def plans_in(out: Path) -> dict[str, int]:
    """Each .docx under `out` with its change time."""
    found = {}
    for path in out.rglob("*.docx"):
        try:
            found[path.relative_to(out).as_posix()] = path.stat().st_mtime_ns
        except OSError:  # renamed over while listed
            continue
    return found


def begun_not_done(out: Path) -> set[str]:
    """The files the journals left by a killed run say were begun and never finished."""
    begun, done = set(), set()
    for path in out.glob(f"{JOURNAL_PREFIX}*"):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            for kind, names in (("begin", begun), ("done", done)):
                if isinstance(entry.get(kind), dict):
                    names.add(entry[kind]["docx"])
    index = out / "index.json"
    if index.is_file():  # an interrupted run indexed its unfinished files as such
        for row in json.loads(index.read_text(encoding="utf-8"))["items"]:
            if row["status"] == "interrupted":
                begun.add(row["docx"])
    return begun - done


def start(table: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "plangen", "batch", "examples/ai-law/commune.yaml",
         "--localities", str(table), "-o", str(out), "--jobs", "2", "--no-check"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True, env={**os.environ, "PYTHONPATH": str(ROOT),
                                     "PLANGEN_LANG": "en"})


def assert_whole(out: Path, sample: list[str]) -> None:
    for name in plans_in(out):
        with zipfile.ZipFile(out / name) as archive:
            assert archive.testzip() is None, name
    for name in sample:
        assert "KẾ HOẠCH" in assert_sound_docx(out / name)


def test_a_batch_killed_at_random_moments_finishes_whole(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    communes = all_communes()
    chosen = sorted(rng.sample(range(len(communes)), PLANS))
    table = tmp_path / "xa.csv"
    table.write_text("code\n" + "".join(f"{communes[i].code}\n" for i in chosen),
                     encoding="utf-8")
    out = tmp_path / "out"
    rounds = ROUNDS[:]
    rng.shuffle(rounds)
    for sig, target in rounds:
        before = plans_in(out) if out.exists() else {}
        again = begun_not_done(out) if out.exists() else set()
        wanted = len(before) + rng.randint(5, 40)
        process = start(table, out)
        try:
            while process.poll() is None and len(plans_in(out) if out.exists() else {}) \
                    < wanted:
                time.sleep(0.02)
            assert process.poll() is None, "the batch finished before it could be stopped"
            if target == "main":
                os.kill(process.pid, sig)
            else:
                os.killpg(process.pid, sig)
            _, stderr = process.communicate(timeout=120)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        no_traceback(stderr)
        if sig == signal.SIGKILL:
            assert process.returncode == -signal.SIGKILL
        else:
            assert process.returncode == 130, (sig, target, stderr[-2000:])
        for _ in range(200):  # workers see their parent go within WATCH_SECONDS
            if not in_session(process.pid):
                break
            time.sleep(0.05)
        assert not in_session(process.pid), (sig, target, in_session(process.pid))
        after = plans_in(out)
        redone = {name for name, stamp in before.items() if after.get(name) != stamp}
        assert redone <= again, (sig, target, sorted(redone - again)[:5])
        assert_whole(out, rng.sample(sorted(after), 2))
    missing = {f"{communes[i].province.slug}/{communes[i].slug}.docx"  # type: ignore[union-attr]
               for i in chosen} - set(plans_in(out))
    again = begun_not_done(out)
    done = subprocess.run(
        [sys.executable, "-m", "plangen", "batch", "examples/ai-law/commune.yaml",
         "--localities", str(table), "-o", str(out), "--jobs", "2", "--no-check"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PLANGEN_LANG": "en"})
    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads((out / "index.json").read_text(encoding="utf-8"))["items"]
    assert len(rows) == PLANS and len({row["code"] for row in rows}) == PLANS
    assert {row["status"] for row in rows} <= {"written", "up-to-date"}
    written = {row["docx"] for row in rows if row["status"] == "written"}
    assert missing <= written <= missing | again, (len(missing), len(written), len(again))
    assert set(plans_in(out)) == {row["docx"] for row in rows}
    assert not list(out.rglob(".plangen-*.tmp")) and not list(out.glob(f"{JOURNAL_PREFIX}*"))
    assert_whole(out, rng.sample(sorted(written or plans_in(out)), 3))
