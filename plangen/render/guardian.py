"""A guardian that cleans up after LibreOffice when plangen itself is SIGKILLed.

LibreOffice runs in its own process group (so a timeout kills all of it), hence a SIGKILL of
plangen, or of plangen's group, does not reach it, and no handler of plangen can run then.
So the first LibreOffice run starts this small process, in its own session, holding the read
end of a pipe whose write end only the main process holds (not inherited through exec, and
closed in every child forked later). Plangen tells it "group <pgid>" / "ungroup <pgid>" and
"folder <path>" / "unfolder <path>" as runs and their folders begin and end. When the pipe
reaches end of file, the main process is gone (the kernel closes its files even on SIGKILL):
the guardian kills every group still registered and removes every registered folder that is
still a plangen PDF folder (by its name, a real folder of this user, not a link), then exits.
On a normal end everything was unregistered first and it simply exits. It trusts nothing it reads:
lines and entries are bounded, malformed lines are ignored.

Imports only the standard library, so `python -m plangen.render.guardian` starts quickly.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

FOLDER_PREFIXES = ("plangen-pdfs-", "plangen-pdf-")  # pdfpool's and convert_many's folders
MAX_LINE = 8192  # bytes; a path longer than this is not one of ours
MAX_ENTRIES = 10_000  # groups or folders registered at once
CLOSE_WAIT_SECONDS = 5.0  # for the guardian to end once plangen closes the pipe


def serve(fd: int) -> None:
    """Read commands from `fd` until end of file, then clean up what is still registered."""
    groups: set[int] = set()
    folders: set[str] = set()
    pending = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except InterruptedError:  # pragma: no cover - retried by Python already
            continue
        except OSError:
            break
        if not chunk:
            break
        pending += chunk
        *lines, pending = pending.split(b"\n")
        if len(pending) > MAX_LINE:
            pending = b""  # no command is that long: drop it
        for line in lines:
            _apply(line, groups, folders)
    for pgid in groups:
        with contextlib.suppress(OSError):
            os.killpg(pgid, signal.SIGKILL)
    for folder in folders:
        if _ours(folder):
            shutil.rmtree(folder, ignore_errors=True)


def _apply(line: bytes, groups: set[int], folders: set[str]) -> None:
    verb, _, argument = line.decode("utf-8", "surrogateescape").partition(" ")
    if verb in ("group", "ungroup"):
        if not argument.isdigit() or len(argument) > 10 or int(argument) <= 1:
            return
        if verb == "ungroup":
            groups.discard(int(argument))
        elif len(groups) < MAX_ENTRIES and int(argument) != os.getpgrp():
            groups.add(int(argument))
    elif verb == "folder" and len(folders) < MAX_ENTRIES:
        folders.add(argument)
    elif verb == "unfolder":
        folders.discard(argument)


def _ours(folder: str) -> bool:
    """A folder plangen made for PDFs (mkdtemp in the temporary folder): an absolute, plain
    path, named so, a real folder (not a link) of this user."""
    if not os.path.isabs(folder) or os.path.normpath(folder) != folder:
        return False
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and os.path.basename(folder).startswith(FOLDER_PREFIXES))


class _Client:
    """The main process's end: the pipe to its guardian."""

    def __init__(self, fd: int, process: subprocess.Popen[bytes]) -> None:
        self.fd: int | None = fd
        self.process = process

    def send(self, verb: str, argument: str) -> None:
        data = f"{verb} {argument}\n".encode("utf-8", "surrogateescape")
        if self.fd is None or b"\n" in data[:-1] or len(data) > MAX_LINE:
            return
        with contextlib.suppress(OSError):  # a guardian killed alone: plangen cleans itself
            os.write(self.fd, data)  # one write under PIPE_BUF: lines never interleave


_CLIENT: _Client | None = None
_CLIENT_PID = 0
_LOCK = threading.Lock()


def _start() -> _Client | None:
    read, write = os.pipe()  # both ends close on exec; the guardian gets `read` by pass_fds
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "plangen.render.guardian", str(read)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(read,), start_new_session=True, cwd="/",
            env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (
                str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH"))))})
    except OSError:
        os.close(read)
        os.close(write)
        return None
    os.close(read)
    return _Client(write, process)


def _close() -> None:
    """At a normal exit: close the pipe, so the guardian ends now, and reap it."""
    client = _CLIENT
    if client is None or client.fd is None or os.getpid() != _CLIENT_PID:
        return
    with contextlib.suppress(OSError):
        os.close(client.fd)
    client.fd = None
    with contextlib.suppress(subprocess.TimeoutExpired):
        client.process.wait(timeout=CLOSE_WAIT_SECONDS)


def _client() -> _Client | None:
    global _CLIENT, _CLIENT_PID
    with _LOCK:
        if _CLIENT is None or os.getpid() != _CLIENT_PID:
            _CLIENT, _CLIENT_PID = _start(), os.getpid()
            if _CLIENT is not None:
                atexit.register(_close)
        return _CLIENT


def _forget_in_child() -> None:
    """A forked child must not hold the pipe open: the guardian would then outlive plangen."""
    global _CLIENT
    if _CLIENT is not None and _CLIENT.fd is not None:
        with contextlib.suppress(OSError):
            os.close(_CLIENT.fd)
        _CLIENT.fd = None
    _CLIENT = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def watch_group(pgid: int) -> None:
    """Have the guardian kill process group `pgid` if plangen dies before `unwatch_group`."""
    client = _client()
    if client is not None:
        client.send("group", str(pgid))


def unwatch_group(pgid: int) -> None:
    """The group `pgid` has ended (and was reaped): forget it."""
    if _CLIENT is not None and os.getpid() == _CLIENT_PID:
        _CLIENT.send("ungroup", str(pgid))


def watch_folder(folder: Path) -> None:
    """Have the guardian remove `folder` (a plangen-pdf(s)-* folder in the temporary folder)
    if plangen dies before `unwatch_folder`."""
    client = _client()
    if client is not None:
        client.send("folder", os.path.abspath(folder))


def unwatch_folder(folder: Path) -> None:
    """`folder` has been removed: forget it."""
    if _CLIENT is not None and os.getpid() == _CLIENT_PID:
        _CLIENT.send("unfolder", os.path.abspath(folder))


def main(argv: list[str]) -> int:
    """`python -m plangen.render.guardian FD`: guard until FD reaches end of file."""
    if len(argv) != 1 or not argv[0].isdigit():
        return 2
    for sig in (signal.SIGINT, signal.SIGHUP):  # a terminal's Ctrl-C or hang-up is for
        signal.signal(sig, signal.SIG_IGN)  # plangen, which then cleans up and closes the pipe
    serve(int(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
