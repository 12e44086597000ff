"""A few hostile cases through a real `python -m plangen` process, as a user's shell runs it:
exit codes and messages as the shell sees them, a time limit against hangs, and Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from support.hostile_support import (
    INVALID,
    ROOT,
    assert_sound_docx,
    dump,
    no_traceback,
    pause_when,
    plan,
)


def plangen(*args: object, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "plangen", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=timeout,
                          env={**os.environ, "PLANGEN_LANG": "vi"})


@pytest.mark.parametrize(("case", "words"), [
    ("billion-laughs", "quá nhiều giá trị"),
    ("deep-nesting", "quá sâu"),
    ("python-object-tag", "!!python/object"),
])
def test_refused_by_a_real_process(tmp_path: Path, case: str, words: str) -> None:
    done = plangen("render", INVALID / f"{case}.yaml", "-o", tmp_path / "x.docx")
    assert done.returncode == 1 and words in done.stderr, done.stderr
    no_traceback(done.stdout + done.stderr)
    assert not list(tmp_path.iterdir())


def test_batch_injection_refused_by_a_real_process(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    base = tmp_path / "goc.yaml"
    base.write_text(dump(plan(summary="{{ cycler.__init__.__globals__.os.system('touch "
                                      f"{marker}') }}}}")), encoding="utf-8")
    table = tmp_path / "bang.yaml"
    table.write_text("localities:\n  - locality: thành phố Huế\n", encoding="utf-8")
    done = plangen("batch", base, "--localities", table, "-o", tmp_path / "out")
    assert done.returncode == 1 and "không được phép" in done.stderr
    assert not marker.exists() and not list((tmp_path / "out").rglob("*.docx"))


def test_five_thousand_tasks_in_a_real_process(tmp_path: Path) -> None:
    items = [{"id": f"nv-{n}", "title": f"Nhiệm vụ số {n}", "lead": "Sở Tư pháp"}
             for n in range(1, 5001)]
    spec = tmp_path / "lon.yaml"
    spec.write_text(dump(plan(tasks={"items": items})), encoding="utf-8")
    done = plangen("render", spec, "-o", tmp_path / "lon.docx")
    assert done.returncode == 0, done.stderr
    assert "5000. Nhiệm vụ số 5000" in assert_sound_docx(tmp_path / "lon.docx")


def test_ctrl_c_stops_a_batch_cleanly(tmp_path: Path) -> None:
    """SIGINT mid-batch: exit 130 with a message, and only whole files left behind."""
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "plangen", "batch", "examples/ai-law/commune.yaml",
         "--localities", "all-communes", "-o", str(out), "--jobs", "1"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    try:
        pause_when(process, out, 5)
        process.send_signal(signal.SIGINT)
        os.killpg(process.pid, signal.SIGCONT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, stderr
    assert "Đã dừng theo yêu cầu" in stderr
    no_traceback(stderr)
    written = list(out.rglob("*.docx"))
    assert 5 <= len(written) < 3321
    for path in written[:20]:
        assert_sound_docx(path)
    assert not list(out.rglob(".plangen-*"))
