"""Reading input files within bounds, and writing output files whole or not at all.

Every input is read through `read_bounded`: a regular file (after following links), no more
than its limit, so /dev/zero, a FIFO or a huge file is a clear message, never a hang.

Output data goes to a temporary file in the target folder, is flushed to disk, then renamed over the
target in one step, so an interrupted run, a full disk or a killed process never leaves a
half-written file under the final name.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from plangen.errors import OutputError, UsageError

TEMP_PREFIX = ".plangen-"
TEMP_SUFFIX = ".tmp"


@dataclass(frozen=True)
class InputTooLarge(Exception):
    """The file at `path` holds more than `limit` bytes (`size` as far as it was read)."""

    path: str
    size: int
    limit: int


@dataclass(frozen=True)
class ReadCodes:
    """The message codes a caller wants for each way a read can fail."""

    missing: str = "input_missing"
    directory: str = "input_is_directory"
    unreadable: str = "input_unreadable"
    not_regular: str = "input_not_regular"


def read_bounded(path: Path, limit: int, codes: ReadCodes = ReadCodes()) -> bytes:
    """The bytes of the regular file at `path`, links followed, read up to `limit`.

    Raises UsageError (with `codes`) for a missing file, a folder, a device, a FIFO or a
    socket, or a file that cannot be read; InputTooLarge when it holds more than `limit`.
    The size is checked before reading and again while reading, since a file can grow.
    """
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise UsageError(codes.missing, path=str(path)) from exc
    except OSError as exc:
        raise UsageError(codes.unreadable, path=str(path)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(codes.directory, path=str(path))
    if not stat.S_ISREG(info.st_mode):  # opening a FIFO would block, /dev/zero never ends
        raise UsageError(codes.not_regular, path=str(path))
    if info.st_size > limit:
        raise InputTooLarge(str(path), info.st_size, limit)
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except IsADirectoryError as exc:
        raise UsageError(codes.directory, path=str(path)) from exc
    except OSError as exc:
        raise UsageError(codes.unreadable, path=str(path)) from exc
    if len(data) > limit:
        raise InputTooLarge(str(path), len(data), limit)
    return data


ZIP_CHUNK = 1 << 16  # inflate in steps this size, so memory never outruns the limit


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The bytes of one zip member, inflated step by step and never past `limit`.

    `ZipFile.read` inflates a whole member in one call before cutting it at the size its
    header declares, so a header that understates the size inflates gigabytes first; reading
    in small steps stops at the declared size (a lie then fails its CRC check) and at `limit`.
    Raises InputTooLarge; zipfile's own errors (bad CRC, bad data) pass through.
    """
    if info.file_size > limit:
        raise InputTooLarge(info.filename, info.file_size, limit)
    chunks, total = [], 0
    with archive.open(info) as stream:
        while chunk := stream.read(ZIP_CHUNK):
            total += len(chunk)
            if total > limit:
                raise InputTooLarge(info.filename, total, limit)
            chunks.append(chunk)
    return b"".join(chunks)


def permissions_of(source: Path) -> int | None:
    """The permission bits of `source` (links followed), to pass as `write_atomic`'s
    `no_wider_than`; None when it cannot be read."""
    try:
        return stat.S_IMODE(source.stat().st_mode)
    except (OSError, ValueError):
        return None


def write_atomic(path: Path, data: bytes, *, durable: bool = True,
                 no_wider_than: int | None = None) -> None:
    """Write `data` to `path` atomically; raises OutputError saying what went wrong.

    The rename alone makes the write all-or-nothing for a killed process; `durable` also
    flushes the data to disk first, against power loss. Batches pass False and sync once at
    the end instead of once per file. `no_wider_than` (permission bits, see `permissions_of`)
    keeps the new file from being more readable than the input it was made from: text
    extracted from a file only its owner may read stays readable by its owner only.
    """
    if path.is_dir():
        raise OutputError("output_is_directory", path=str(path))
    temp = path.with_name(f"{TEMP_PREFIX}{os.getpid()}-{next(_COUNTER)}{TEMP_SUFFIX}")
    # One try around creation too: an interrupt landing just after the file was created
    # must still remove it (the name is this process's own, so removing it is always safe).
    try:
        with os.fdopen(_create(temp), "wb") as stream:
            if no_wider_than is not None:
                current = stat.S_IMODE(os.fstat(stream.fileno()).st_mode)
                os.fchmod(stream.fileno(), current & no_wider_than)
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
