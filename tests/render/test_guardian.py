"""The guardian (plangen.render.guardian) cleans only what is still registered, only folders
that are plangen's, ignores what it cannot parse, and is never held open by a forked child."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from plangen.render import guardian

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups")


def sleeper() -> subprocess.Popen[bytes]:
    return subprocess.Popen(["sleep", "60"], start_new_session=True)


def test_end_of_file_kills_registered_groups_and_removes_only_plangen_folders(
        tmp_path: Path) -> None:
    doomed, spared = sleeper(), sleeper()
    ours = tmp_path / "plangen-pdfs-abc"
    (ours / "profile-0").mkdir(parents=True)
    elsewhere = tmp_path / "du-lieu"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("x")
    link = tmp_path / "plangen-pdf-link"
    link.symlink_to(elsewhere)
    wrong_name = tmp_path / "bao-cao"
    wrong_name.mkdir()
    unregistered = tmp_path / "plangen-pdf-later"
    unregistered.mkdir()
    lines = [f"group {doomed.pid}", f"group {spared.pid}", f"ungroup {spared.pid}",
             f"folder {ours}", f"folder {link}", f"folder {wrong_name}",
             f"folder {tmp_path}/x/../plangen-pdfs-abc", "folder plangen-pdf-relative",
             f"folder {unregistered}", f"unfolder {unregistered}",
             "group 1", "group 0", "group -5", "group abc", "nonsense", "\xff\xfe",
             "folder " + "a" * 20_000]
    read, write = os.pipe()
    try:
        os.write(write, ("\n".join(lines) + "\n").encode("utf-8", "surrogateescape")
                 + b"group 12")  # an unfinished last line is not a command
        os.close(write)
        guardian.serve(read)
        assert doomed.wait(10) == -signal.SIGKILL
        assert spared.poll() is None
    finally:
        os.close(read)
        for process in (doomed, spared):
            process.kill()
            process.wait()
    assert not ours.exists()
    assert link.is_symlink() and (elsewhere / "keep.txt").is_file()
    assert wrong_name.is_dir() and unregistered.is_dir()


def test_a_forked_child_does_not_hold_the_pipe(tmp_path: Path) -> None:
    folder = tmp_path / "plangen-pdf-x"
    folder.mkdir()
    guardian.watch_folder(folder)
    try:
        client = guardian._CLIENT
        assert client is not None and client.fd is not None
        fd = client.fd
        pid = os.fork()
        if pid == 0:  # the child: the write end is closed, and no client is left
            code = 1
            try:
                os.fstat(fd)
            except OSError:
                code = 0 if guardian._CLIENT is None and client.fd is None else 2
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        guardian.unwatch_folder(folder)


def test_the_guardian_refuses_bad_arguments() -> None:
    for argv in ([], ["x"], ["3", "4"]):
        result = subprocess.run([sys.executable, "-m", "plangen.render.guardian", *argv],
                                capture_output=True, check=False,
                                env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
        assert result.returncode == 2, argv
