"""PDFs for a whole batch: one LibreOffice lane per job, equal shares, few starts.

A LibreOffice start costs about a second and each file after it about a tenth
(docx-pitfalls #16), so the files are split into `jobs` equal shares, whatever folder they
sit in, and each share is converted by one lane of `soffice` runs, the lanes side by side.
One `soffice --convert-to` run silently leaves out every file after its 254th argument
(measured with LibreOffice 7.x here: exit code 0, the rest not converted; 243 files after
plangen's 11 arguments, 247 after 7), and it converts each file more slowly the more it has
converted (480 files on one lane: 37 s in runs of 240, 33-35 s in runs of 96 to 200, 37-43 s
in runs of 48 to 80, where the starts weigh), so a lane converts its share in runs of at most
RUN_LIMIT files, one after the other: 18 starts for all 3,321 communes, instead of one per
file or per folder. Should a LibreOffice stop early, the files a run left out after its last
PDF go again at the head of the next run (once each). Each lane has its own copy
of a profile warmed once and kept in the user's cache folder (a first start with a new
profile is the slowest; two runs at once may not share one profile).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from plangen.errors import PdfError
from plangen.render import pdf

START_SECONDS = 60.0  # allowed for one LibreOffice start
SECONDS_PER_FILE = 5.0  # and for each file it converts
RUN_LIMIT = 200  # files per soffice run: at most 243 fit, and longer runs are slower
CACHE_ENV = "XDG_CACHE_HOME"
STOP_POLL_SECONDS = 0.2  # how often a stopping batch looks whether its lanes have ended


@dataclass
class PdfResults:
    """What a batch's conversion gave: the PDF of each converted file, the error of each
    share that failed as a whole."""

    made: dict[Path, Path] = field(default_factory=dict)
    failed: dict[Path, PdfError] = field(default_factory=dict)


def shares(paths: Sequence[Path], jobs: int) -> list[list[Path]]:
    """`paths` cut into at most `jobs` consecutive shares whose sizes differ by one at most."""
    count = max(1, min(jobs, len(paths)))
    size, extra = divmod(len(paths), count)
    out, start = [], 0
    for number in range(count):
        end = start + size + (number < extra)
        if end > start:
            out.append(list(paths[start:end]))
        start = end
    return out


def convert_all(paths: Sequence[Path], jobs: int, *, pdfa: bool = False) -> PdfResults:
    """Each .docx of `paths` to a PDF (PDF/A-2b when `pdfa`) beside it, with `jobs`
    LibreOffice runs side by side."""
    results = PdfResults()
    if not paths:
        return results
    parts = shares(paths, jobs)
    with pdf.temporary_folder("plangen-pdfs-") as work:
        profiles = _profiles(Path(work), len(parts))

        stopping = threading.Event()

        def lane(number: int) -> None:
            queue, retried = list(parts[number]), set()
            while queue and not stopping.is_set():
                run, queue = queue[:RUN_LIMIT], queue[RUN_LIMIT:]
                timeout = START_SECONDS + SECONDS_PER_FILE * len(run)
                try:
                    made = pdf.convert_many(run, None, timeout=timeout, pdfa=pdfa,
                                            profile=profiles[number], durable=False)
                except PdfError as exc:
                    results.failed.update(dict.fromkeys(run, exc))
                    continue
                results.made.update(made)
                again = [path for path in left_out(run, made) if path not in retried]
                retried.update(again)
                queue = again + queue

        with ThreadPoolExecutor(max_workers=len(parts)) as pool:
            futures = [pool.submit(lane, number) for number in range(len(parts))]
            try:
                for future in futures:
                    future.result()
            except BaseException:  # Ctrl-C, SIGTERM: no LibreOffice outlives the batch,
                stopping.set()  # and the lanes end (removing their folders) before this one
                while not all(future.done() for future in futures):
                    pdf.stop_all()  # again: a lane may have started a run meanwhile
                    wait(futures, timeout=STOP_POLL_SECONDS)
                raise
    os.sync()  # the PDFs reach the disk once, not one flush each
    return results


def left_out(run: Sequence[Path], made: dict[Path, Path]) -> list[Path]:
    """The files of `run` after its last PDF: those a LibreOffice run that stopped early
    never looked at (a file that failed on its own lies before a PDF)."""
    last = max((index for index, path in enumerate(run) if path in made), default=-1)
    return list(run[last + 1:]) if last >= 0 else []


def _profiles(work: Path, count: int) -> list[Path | None]:
    """A private copy of the warmed profile for each lane (None: each run makes a fresh
    one)."""
    warmed = warmed_profile()
    if warmed is None:
        return [None] * count
    copies: list[Path | None] = []
    for number in range(count):
        copy = work / f"profile-{number}"
        try:
            shutil.copytree(warmed, copy, symlinks=True)
        except OSError:
            copies.append(None)
        else:
            copies.append(copy)
    return copies


def warmed_profile() -> Path | None:
    """The LibreOffice profile warmed once per LibreOffice installation, in the user's cache
    folder; made on first use (atomically: warmed aside, then renamed). None when it cannot
    be made, and the runs then start with fresh profiles."""
    soffice = pdf.find_soffice()
    if soffice is None:
        return None
    try:
        stamp = f"{os.path.realpath(shutil.which(soffice) or soffice)}:" \
                f"{os.stat(shutil.which(soffice) or soffice).st_mtime_ns}"
    except OSError:
        return None
    cache = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache") / "plangen"
    target = cache / f"soffice-profile-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}"
    if (target / "user").is_dir():
        return target
    try:
        cache.mkdir(parents=True, exist_ok=True)
        aside = Path(tempfile.mkdtemp(prefix=".warming-", dir=cache))
    except OSError:
        return None
    try:
        if not pdf.warm_profile(aside / "profile", timeout=START_SECONDS):
            return None
        with contextlib.suppress(OSError):  # another batch warmed it first, or read-only
            os.rename(aside / "profile", target)
        return target if (target / "user").is_dir() else None
    finally:
        shutil.rmtree(aside, ignore_errors=True)
