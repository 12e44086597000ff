"""A batch's hold on its output folder, and workers that never outlive the run.

`folder_lock` takes an exclusive lock on `<outdir>/.plangen.lock` (the filelock package): a
second batch into the same folder is refused at once with a message saying the folder is in
use, instead of deleting the first run's files in flight or replacing its index.

`guard_worker` runs first in every worker process: on Linux the kernel sends it SIGKILL when
its parent dies (prctl PR_SET_PDEATHSIG), and a watchdog thread also ends it when its parent
changes (a parent killed before the prctl call, or a system without prctl), so a SIGTERM or
SIGKILL to the main process never leaves workers writing files. Workers ignore SIGINT: Ctrl-C
reaches the whole group, and the main process alone decides how the run stops.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from plangen.errors import UsageError

LOCK_NAME = ".plangen.lock"
_PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5  # how often a worker looks at its parent (a check, not a time limit)


@contextlib.contextmanager
def folder_lock(outdir: Path) -> Iterator[None]:
    """Hold `outdir`'s lock for the duration; UsageError "folder_in_use" when another run
    holds it."""
    outdir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(outdir / LOCK_NAME), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise UsageError("folder_in_use", path=str(outdir)) from None
    try:
        yield
    finally:
        lock.release()


def guard_worker(parent: int) -> None:
    """Make this worker die with `parent` (the batch's main process id)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="plangen-watch").start()


def _watch(parent: int) -> None:
    event = threading.Event()
    while not event.wait(WATCH_SECONDS):
        if os.getppid() != parent:
            os._exit(1)
