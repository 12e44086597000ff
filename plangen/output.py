"""Writing output files safely: whole or not at all.

Data goes to a temporary file in the target folder, is flushed to disk, then renamed over the
target in one step, so an interrupted run, a full disk or a killed process never leaves a
half-written file under the final name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from plangen.errors import OutputError

TEMP_PREFIX = ".plangen-"
TEMP_SUFFIX = ".tmp"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; raises OutputError saying what went wrong."""
    if path.is_dir():
        raise OutputError("output_is_directory", path=str(path))
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX,
                                             dir=folder)
    except OSError as exc:
        raise OutputError("output_failed", path=str(path), detail=exc.strerror or exc) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise OutputError("output_failed", path=str(path), detail=exc.strerror or exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


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
