"""Writing output files safely: whole or not at all.

Data goes to a temporary file in the target folder, is flushed to disk, then renamed over the
target in one step, so an interrupted run, a full disk or a killed process never leaves a
half-written file under the final name.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from pathlib import Path

from plangen.errors import OutputError

TEMP_PREFIX = ".plangen-"
TEMP_SUFFIX = ".tmp"


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` atomically; raises OutputError saying what went wrong.

    The rename alone makes the write all-or-nothing for a killed process; `durable` also
    flushes the data to disk first, against power loss. Batches pass False and sync once at
    the end instead of once per file.
    """
    if path.is_dir():
        raise OutputError("output_is_directory", path=str(path))
    temp = path.with_name(f"{TEMP_PREFIX}{os.getpid()}-{next(_COUNTER)}{TEMP_SUFFIX}")
    # One try around creation too: an interrupt landing just after the file was created
    # must still remove it (the name is this process's own, so removing it is always safe).
    try:
        with os.fdopen(_create(temp), "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise OutputError("output_failed", path=str(path), detail=exc.strerror or exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


_COUNTER = itertools.count()
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _create(temp: Path) -> int:
    """A new file for writing (mode from the umask, like any new file), folders made as
    needed."""
    try:
        return os.open(temp, _FLAGS, 0o666)
    except FileNotFoundError:
        temp.parent.mkdir(parents=True, exist_ok=True)
        return os.open(temp, _FLAGS, 0o666)


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files an earlier killed run left in `folder` (recursively)."""
    removed = 0
    if not folder.is_dir():
        return 0
    for stale in folder.rglob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()
            removed += 1
    return removed
