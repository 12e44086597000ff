"""What a batch may write over: its own files, as it wrote them, and never one of its inputs.

Before a batch writes anything, every file it would write (each plan's .docx, and its .pdf
and assignment .xlsx when asked, and the index files) is looked at:
- one that is an input of the run (the base spec or a file it extends or includes, the
  template, the locality table) is refused outright: writing it would destroy the input, and
  a template written over would then be used for the plans after it;
- one the folder's index (or a journal of a killed run) does not list was not written by
  plangen, and a Word file whose checksum differs from the index was edited since: neither
  is replaced without `--force` (a damaged one, no longer a Word file, is rendered again).
  The whole run is refused before it starts, listing them.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plangen.batch.index import INDEX_CSV, INDEX_JSON, INDEX_XLSX, is_plangen_index
from plangen.errors import OutputError

SHOWN = 10  # files named in the message; the rest are counted


@dataclass(frozen=True)
class Planned:
    """The files one run would write: each plan's .docx and the files beside it."""

    docx: list[Path]
    pdf: bool = False
    assignments: bool = False

    def files(self) -> Iterable[Path]:
        for docx in self.docx:
            yield docx
            if self.pdf:
                yield docx.with_suffix(".pdf")
            if self.assignments:
                yield docx.with_suffix(".xlsx")


def refuse_inputs(planned: Iterable[Path], inputs: dict[Path, str]) -> None:
    """OutputError when a file the run would write is one of `inputs` ({path: message
    code}: "output_is_input", "output_is_template", …), whatever --force says."""
    wanted = {_real(path): code for path, code in inputs.items()}
    for path in planned:
        code = wanted.get(_real(path))
        if code is not None:
            raise OutputError(code, path=str(path))


def refuse_overwrites(outdir: Path, planned: Planned, rows: Sequence[dict[str, Any]]) -> None:
    """OutputError "outputs_not_plangens" listing the files that exist where the run would
    write and that plangen did not write (not in `rows`, the folder's index with the journals
    of killed runs folded in) or that were edited since (checksum not the index's; a row
    without one, a file a killed run was writing, is plangen's whatever it holds)."""
    known: dict[str, str] = {}
    for row in rows:
        if row.get("docx"):
            known[str(row["docx"])] = str(row.get("sha256") or "")
            known[str(Path(str(row["docx"])).with_suffix(".xlsx"))] = ""  # its workbook
        if row.get("pdf"):
            known[str(row["pdf"])] = ""
    foreign: list[str] = []
    edited: list[str] = []
    for path in planned.files():
        rel = _relative(path, outdir)
        if not path.is_file():  # (a FIFO or a device left in its place is simply replaced)
            continue
        if rel not in known:
            foreign.append(rel)
        elif known[rel] and _sha256(path) != known[rel] and _opens_as_word(path):
            edited.append(rel)  # (one that no longer opens was damaged: rendered again)
    foreign.extend(name for name in (INDEX_JSON, INDEX_CSV, INDEX_XLSX)
                   if (outdir / name).is_file() and not is_plangen_index(outdir))
    if foreign or edited:
        raise OutputError("outputs_not_plangens", folder=str(outdir),
                          edited=_listing(edited), foreign=_listing(foreign),
                          count=len(edited) + len(foreign))


def _listing(names: list[str]) -> str:
    if not names:
        return "—"
    shown = ", ".join(names[:SHOWN])
    return f"{shown} (+{len(names) - SHOWN})" if len(names) > SHOWN else shown


def _opens_as_word(path: Path) -> bool:
    """Whether `path` is still a Word file (a user's edit), not a damaged one."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


def _relative(path: Path, outdir: Path) -> str:
    try:
        return path.relative_to(outdir).as_posix()
    except ValueError:
        return path.as_posix()


def _real(path: Path) -> str:
    return os.path.realpath(path)
