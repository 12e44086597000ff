"""A batch's per-file journal: what its workers finished, even when the run is killed.

The index is written by the main process when a run ends or is interrupted; a SIGKILL (or a
power cut) gives it no chance. So every worker process appends to its own journal in the
output folder, `.plangen-journal-<pid>.jsonl`: a "begin" line before it writes a file (so a
file killed in the instant after its rename is still known as plangen's), then a "done" line
with the file's digest and checksum. A killed process cannot lose a line once `write` returned
(the kernel holds it), so lines are not synced one by one: after a power cut a lost "done" line
only means the file is rendered again, and the batch's own files are synced once at the end.
The next run folds every journal into the index (`fold`), then removes them, and renders only
what is missing.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from plangen.errors import PlangenError
from plangen.files import InputTooLarge, read_bounded

JOURNAL_PREFIX = ".plangen-journal-"
JOURNAL_SUFFIX = ".jsonl"
MAX_JOURNAL_BYTES = 64 * 1024 * 1024  # a line is ~300 bytes; 3,321 communes are ~1 MB


class Journal:
    """The journal of one process, opened on its first line."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self._fd: int | None = None

    @property
    def path(self) -> Path:
        return self.outdir / f"{JOURNAL_PREFIX}{os.getpid()}{JOURNAL_SUFFIX}"

    def begin(self, row: dict[str, Any]) -> None:
        """The file of index row `row` (its "docx", relative to the folder) is about to be
        written."""
        self._append({"begin": row})

    def done(self, row: dict[str, Any]) -> None:
        """An index row for a file written whole."""
        self._append({"done": row})

    def _append(self, entry: dict[str, Any]) -> None:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        # one write per line: a kill leaves whole lines, at most a torn last one
        os.write(self._fd, (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def journals(outdir: Path) -> list[Path]:
    """The journals left in `outdir` (by earlier runs, or by this run's workers)."""
    if not outdir.is_dir():
        return []
    return sorted(outdir.glob(f"{JOURNAL_PREFIX}*{JOURNAL_SUFFIX}"))


def read_journals(paths: list[Path]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The index rows the journals at `paths` record as done, and those of files begun but
    not done (plangen's own, of unknown content: rendered again)."""
    done: dict[str, dict[str, Any]] = {}
    begun: dict[str, dict[str, Any]] = {}
    for path in paths:
        try:
            text = read_bounded(path, MAX_JOURNAL_BYTES).decode("utf-8", "replace")
        except (OSError, PlangenError, InputTooLarge):  # costs renders, nothing else
            continue
        for line in text.splitlines():
            try:
                entry = json.loads(line)
            except ValueError:  # the torn last line of a killed worker
                continue
            if not isinstance(entry, dict):
                continue
            for kind, rows in (("begin", begun), ("done", done)):
                row = entry.get(kind)
                if isinstance(row, dict) and isinstance(row.get("docx"), str):
                    rows[row["docx"]] = row
    return list(done.values()), [row for name, row in begun.items() if name not in done]


def remove(paths: list[Path]) -> None:
    """Delete journals whose lines are now in the index."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
