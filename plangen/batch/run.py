"""Many plans from one base: one locality per item, keep going, report everything.

The base spec is composed once. Each locality then gets its overrides merged in, presets
expanded and placeholders filled, is validated, built and rendered, and its .docx written
atomically. Work runs in worker processes that each load the template once. One broken
locality, nor a table row that names no unit, stops the others: problems are collected and
listed in the summary and in the index files (`index.json`, `index.csv`, `index.xlsx`, see
`index`). An output whose inputs have not changed since the
last run (same base, overrides, template and plangen version) is left as it is.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Generator
from concurrent.futures import InvalidStateError, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from plangen import __version__
from plangen.batch import journal
from plangen.batch.cells import at_table, plan_symbol
from plangen.batch.index import (
    INDEX_CSV,
    INDEX_JSON,
    INDEX_XLSX,
    merge_rows,
    previous_rows,
    write_index,
)
from plangen.batch.lifecycle import folder_lock, guard_worker
from plangen.batch.owned import Planned, refuse_inputs, refuse_overwrites
from plangen.batch.pdfpool import convert_all
from plangen.batch.selection import FailedRow, Selected, read_selection
from plangen.check.memory import raise_if_parts_fail
from plangen.errors import Path as FieldPath
from plangen.errors import PlangenError, SpecError, SpecIssue
from plangen.files import remove_stale_temporaries, write_atomic
from plangen.messages import message
from plangen.model import Plan, build_plan
from plangen.render.docx import Renderer
from plangen.render.fonts import fallback_fonts
from plangen.spec.assemble import assemble, locate
from plangen.spec.compose import compose_spec, spec_files
from plangen.spec.loader import LoadedSpec
from plangen.spec.merge import Node, to_loaded
from plangen.spec.validate import schema_issues, validate_spec

WRITTEN, UP_TO_DATE, FAILED = "written", "up-to-date", "failed"
INTERRUPTED = "interrupted"  # a killed run was writing it: plangen's, rendered again
PDF_FAILED = "pdf-failed"  # the .docx was delivered, its PDF was not


@dataclass(frozen=True)
class BatchOptions:
    """What to render: a base spec, a locality selector and an output folder."""

    base: Path
    selector: str
    outdir: Path
    pdf: bool = False
    jobs: int = 0  # 0: one worker per core
    template: Path | None = None
    allow: tuple[Path, ...] = ()
    force: bool = False  # render even outputs that are up to date
    lang: str = "vi"  # language of the messages in the results and index files
    check: bool = True  # run plangen check's fast checks on every file before writing it
    assignments: bool = False  # also write each plan's assignment workbook beside it (.xlsx)
    pdfa: bool = False  # PDFs as PDF/A-2b (implies pdf)
    sheet: str | None = None  # the sheet of an .xlsx table (default: the first)


@dataclass
class ItemResult:
    """What happened to one locality."""

    code: str
    name: str
    status: str
    docx: str | None = None
    pdf: str | None = None
    message: str = ""
    digest: str = ""
    sha256: str = ""
    issues: tuple[SpecIssue, ...] = ()
    row: str = ""  # "xa.xlsx:7", the table row this locality comes from
    # a delivered plan's warnings (its row's, its spec's), as shown: also its message
    warnings: tuple[str, ...] = ()

    def index_row(self, outdir: Path) -> dict[str, Any]:
        return {"code": self.code, "locality": self.name, "status": self.status,
                "docx": _relative(self.docx, outdir), "pdf": _relative(self.pdf, outdir),
                "message": self.message, "row": self.row, "digest": self.digest,
                "sha256": self.sha256}


def _relative(path: str | None, outdir: Path) -> str:
    """Index paths are relative to the output folder, so the folder can be moved."""
    if not path:
        return ""
    try:
        return Path(path).relative_to(outdir).as_posix()
    except ValueError:
        return path


@dataclass
class BatchReport:
    """Every item's result and how long the run took."""

    items: list[ItemResult] = field(default_factory=list)
    seconds: float = 0.0
    fallback_fonts: tuple[str, ...] = ()  # faces a PDF used for letters its font lacks
    warnings: list[SpecIssue] = field(default_factory=list)  # the table's (its encoding, …)
    pdfs_written: int = 0

    @property
    def failed(self) -> list[ItemResult]:
        return [item for item in self.items if item.status in (FAILED, PDF_FAILED)]

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)


@dataclass(frozen=True)
class _Work:
    selected: Selected
    output: Path


class _Worker:
    """Per-process state: the composed base, the loaded template, the previous index."""

    def __init__(self, base: Node, options: BatchOptions,
                 previous: dict[str, dict[str, Any]]) -> None:
        self.base = base
        self.options = options
        self.renderer = Renderer(options.template)
        self.salt = f"{__version__}:{self.renderer.digest}"
        self.previous = previous
        self.plain_schema_clean: bool | None = None  # set by the first locality without overrides
        self.journal = journal.Journal(options.outdir)

    def run(self, work: _Work) -> ItemResult:
        locality = work.selected.locality
        result = ItemResult(code=locality.code, name=locality.full_name, status=FAILED,
                            row=work.selected.row)
        # a row's warnings (a former name), its plan's, stay beside the plan in the index
        result.warnings = tuple(note.format(self.options.lang) for note in work.selected.notes)
        try:
            self._run(work, result)
            result.message = "\n".join(result.warnings)
        except PlangenError as exc:
            if isinstance(exc, SpecError):  # what the table row caused, said at its cells
                exc = SpecError(at_table(exc.issues, work.selected, self.base))
                result.issues = tuple(exc.issues)
            result.status, result.message = FAILED, exc.message(self.options.lang)
        return result

    def _run(self, work: _Work, result: ItemResult) -> None:
        filled: list[FieldPath] = []
        spec, issues = self.locality_spec(work.selected, filled)
        loaded = to_loaded(spec, str(self.options.base))
        result.digest = _digest(self.salt, loaded.data)
        # Only outputs that validated and rendered are in the index, so a matching digest
        # means this exact plan was already checked and written.
        fresh = None if self.options.force else self.up_to_date(work.output, result.digest)
        if fresh is not None:
            result.status, result.docx, result.sha256 = UP_TO_DATE, str(work.output), fresh
            # its warnings again, in this run's language (the same inputs: no errors)
            found = [*locate(issues, loaded), *self.validate(loaded, work.selected, filled)]
            result.warnings += tuple(issue.format(self.options.lang) for issue in found
                                     if issue.severity == "warning")
            if self.options.assignments and not work.output.with_suffix(".xlsx").is_file():
                _write_assignments(build_plan(loaded.data), work.output)
            return
        issues = locate(issues, loaded)
        issues.extend(self.validate(loaded, work.selected, filled))
        errors = [issue for issue in issues if issue.severity == "error"]
        if errors:
            raise SpecError(errors)
        result.warnings += tuple(issue.format(self.options.lang) for issue in issues
                                 if issue.severity == "warning")
        plan = build_plan(loaded.data)
        rendered = self.renderer.render_parts(plan)
        if self.options.check:  # integrity and NĐ 30 rules on the very parts to be written,
            raise_if_parts_fail(rendered.parts, rendered.trees)  # read where they are held
        data = rendered.docx()
        result.docx = str(work.output)
        self.journal.begin(replace(result, status=INTERRUPTED,
                                   message=message("journal_interrupted", self.options.lang))
                           .index_row(self.options.outdir))
        write_atomic(work.output, data, durable=False)
        if self.options.assignments:
            _write_assignments(plan, work.output)
        result.status = WRITTEN
        result.sha256 = hashlib.sha256(data).hexdigest()
        result.message = "\n".join(result.warnings)
        # on disk before the result goes back: a run killed now still knows this file
        self.journal.done(result.index_row(self.options.outdir))

    def validate(self, loaded: LoadedSpec, selected: Selected,
                 filled: list[FieldPath]) -> list[SpecIssue]:
        """Full validation for the first plain locality and any with overrides; for the other
        plain ones, whose specs differ from the first only in the filled placeholders, the
        schema is checked for those fields alone (cerberus costs ~10 ms a plan)."""
        if selected.overrides is None:
            if self.plain_schema_clean is None:
                self.plain_schema_clean = not schema_issues(loaded)
            if self.plain_schema_clean:
                return validate_spec(loaded, changed=filled)
        return validate_spec(loaded)

    def locality_spec(self, selected: Selected,
                      filled: list[FieldPath] | None = None) -> tuple[Node, list[SpecIssue]]:
        return assemble(self.base, selected.locality, selected.overrides, filled)

    def up_to_date(self, output: Path, digest: str) -> str | None:
        """The sha256 of `output` when the last run wrote it from these very inputs and it is
        still intact, else None."""
        entry = self.previous.get(_relative(str(output), self.options.outdir))
        if not entry or entry.get("status") not in (WRITTEN, UP_TO_DATE) \
                or entry.get("digest") != digest or not output.is_file():
            return None
        sha256 = hashlib.sha256(output.read_bytes()).hexdigest()
        return sha256 if sha256 == entry.get("sha256") else None


def _write_assignments(plan: Plan, docx: Path) -> None:
    """The plan's assignment workbook beside its .docx (same name, .xlsx)."""
    from plangen.track.tasks import assignments
    from plangen.track.workbook import assignment_workbook

    write_atomic(docx.with_suffix(".xlsx"), assignment_workbook(assignments(plan)),
                 durable=False)


def _digest(salt: str, data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(f"{salt}\n{text}".encode()).hexdigest()


_WORKER: _Worker | None = None


def _init_worker(parent: int, *args: Any) -> None:
    global _WORKER
    guard_worker(parent)
    _WORKER = _Worker(*args)


def _run_in_worker(work: _Work) -> ItemResult:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.run(work)


def output_path(outdir: Path, selected: Selected) -> Path:
    """`outdir/<slug>.docx`, or `outdir/<province>/<slug>.docx` for a commune."""
    locality = selected.locality
    folder = outdir / locality.province.slug if locality.province else outdir
    return folder / f"{locality.slug}.docx"


def _previous_index(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["docx"]: row for row in rows if row.get("docx")}


def _failed_row(row: FailedRow, lang: str) -> ItemResult:
    """The index entry of a table row that gave no plan."""
    text = "\n".join(issue.format(lang) for issue in row.issues)
    return ItemResult(code=row.code, name=row.written, status=FAILED, message=text,
                      issues=row.issues, row=row.row)


def run_batch(options: BatchOptions,
              progress: Callable[[ItemResult], None] | None = None,
              on_start: Callable[[int], None] | None = None,
              on_warnings: Callable[[list[SpecIssue]], None] | None = None,
              on_failed_rows: Callable[[list[ItemResult]], None] | None = None
              ) -> BatchReport:
    """Render the plan of every selected locality; never stops at a broken one.

    `on_warnings` hears the locality table's warnings (its encoding, more rows than units…)
    and `on_failed_rows` its rows that give no plan (every problem of each, in the table's
    order) before any plan is rendered, so a wrong table can be stopped at once; both are in
    the report too. `on_start` then hears how many localities there are, `progress` each
    result as it comes.
    """
    started = time.perf_counter()
    base = compose_spec(options.base, allow=options.allow)
    Renderer(options.template)  # a bad template is one clear error here, not in every worker
    selection = read_selection(options.selector, options.sheet, plan_symbol(base), base)
    outdir = options.outdir
    works = [_Work(item, output_path(outdir, item)) for item in selection.items]
    planned = Planned([work.output for work in works], options.pdf or options.pdfa,
                      options.assignments)
    refuse_inputs([*planned.files(), *(outdir / name for name in (INDEX_JSON, INDEX_CSV,
                                                                  INDEX_XLSX))],
                  _inputs(options, bool(selection.source)))
    with folder_lock(outdir):  # one run per folder: its clean-up and index are its own
        return _run_locked(options, base, selection, works, planned, started, progress,
                           on_start, on_warnings, on_failed_rows)


def _inputs(options: BatchOptions, table: bool) -> dict[Path, str]:
    """The run's input files, each with the message saying why it is never written over."""
    inputs = dict.fromkeys(spec_files(options.base, options.allow), "batch_overwrites_spec")
    if options.template is not None:
        inputs[options.template] = "batch_overwrites_template"
    if table:
        inputs[Path(options.selector)] = "batch_overwrites_table"
    return inputs


def _folded(outdir: Path) -> tuple[list[dict[str, Any]], list[Path]]:
    """The folder's index rows with the journals of an earlier run (killed before it could
    write its index) folded in, and those journals."""
    before = previous_rows(outdir)
    left = journal.journals(outdir)
    if not left:
        return before, left
    return merge_rows(_journalled(outdir), before), left


def _journalled(outdir: Path, skip: set[str] | frozenset[str] = frozenset()) -> list[
        dict[str, Any]]:
    """The index rows the journals in `outdir` hold, but for the files in `skip`: the files
    finished, and those a killed worker had begun that are there (whole: written
    atomically, but of unknown inputs, so rendered again)."""
    done, begun = journal.read_journals(journal.journals(outdir))
    begun = [row for row in begun if (outdir / str(row["docx"])).is_file()]
    return [row for row in [*begun, *done] if str(outdir / str(row["docx"])) not in skip]


def _run_locked(options: BatchOptions, base: Node, selection: Any, works: list[_Work],
                planned: Planned, started: float,
                progress: Callable[[ItemResult], None] | None,
                on_start: Callable[[int], None] | None,
                on_warnings: Callable[[list[SpecIssue]], None] | None,
                on_failed_rows: Callable[[list[ItemResult]], None] | None) -> BatchReport:
    outdir = options.outdir
    remove_stale_temporaries(outdir)
    before, left = _folded(outdir)
    if not options.force:  # nothing edited since, nor anyone else's file, is written over
        refuse_overwrites(outdir, planned, before)
    if left:  # the killed run's files are in the index from now on
        write_index(before, outdir, options.lang)
        journal.remove(left)
    previous = {} if options.force else _previous_index(before)
    if on_warnings and selection.warnings:
        on_warnings(list(selection.warnings))
    failed_rows = [_failed_row(row, options.lang) for row in selection.failed]
    if on_failed_rows and failed_rows:
        on_failed_rows(failed_rows)
    if on_start:
        on_start(len(works))
    args = (base, options, previous)
    report = BatchReport(warnings=list(selection.warnings))
    results = _execute(works, args, options.jobs)
    pdf_since: int | None = None
    try:
        for result in results:
            report.items.append(result)
            if progress:
                progress(result)
        report.items.extend(failed_rows)
        report.items.sort(key=lambda item: (item.code, item.name, item.row))
        os.sync()  # one flush to disk for the whole batch, instead of one per file
        if options.pdf or options.pdfa:
            stamps = _pdf_stamps(report)
            pdf_since = time.time_ns()
            _convert_pdfs(report, options.jobs or os.cpu_count() or 1, options.lang,
                          options.pdfa)
            report.pdfs_written = sum(1 for item, stamp in _pdf_stamps(report).items()
                                      if stamp is not None and stamps.get(item) != stamp)
    except BaseException:  # Ctrl-C, SIGTERM (raised as KeyboardInterrupt by the command)
        results.close()  # the workers (and LibreOffice) are stopped before anything is counted
        remove_stale_temporaries(outdir)  # what the killed workers were writing
        # the index of what finished, so the next run renders only what is missing: the
        # results that came back, and the files the workers' journals record beyond them
        reported = {item.docx for item in report.items if item.docx}
        if pdf_since is not None:
            _claim_pdfs(report, pdf_since)
        rows = _index_rows(report, outdir, before) + _journalled(outdir, reported)
        _finish_index(merge_rows(rows, before, selection.source), outdir, options.lang)
        raise
    _finish_index(merge_rows(_index_rows(report, outdir, before), before, selection.source),
                  outdir, options.lang)
    report.seconds = time.perf_counter() - started
    return report


def _finish_index(rows: list[dict[str, Any]], outdir: Path, lang: str) -> None:
    """Write the index (its CSV and workbook in `lang`), then drop the journals it holds."""
    left = journal.journals(outdir)
    write_index(rows, outdir, lang)
    journal.remove(left)


def _index_rows(report: BatchReport, outdir: Path,
                before: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """This run's index rows. A file that stays in the folder stays listed as plangen's: a
    locality that failed this time keeps its earlier .docx (and checksum), a plan whose PDF
    was not made this time keeps its earlier PDF."""
    prior = {row["code"]: row for row in before if row.get("code")}
    rows = []
    for item in report.items:
        row = item.index_row(outdir)
        old = prior.get(item.code)
        if old:
            if not row["docx"] and old.get("docx") and (outdir / str(old["docx"])).is_file():
                row.update(docx=old["docx"], sha256=old.get("sha256", ""))
            pdf = old.get("pdf")
            if row["docx"] and not row["pdf"] and pdf and (outdir / str(pdf)).is_file() \
                    and pdf == Path(str(row["docx"])).with_suffix(".pdf").as_posix():
                row["pdf"] = pdf
        rows.append(row)
    return rows


def _claim_pdfs(report: BatchReport, since_ns: int) -> None:
    """PDFs this run made before it was stopped (each written whole), so the index lists
    them as plangen's."""
    for item in report.items:
        if item.docx and not item.pdf:
            with contextlib.suppress(OSError):
                if _pdf_of(item).stat().st_mtime_ns >= since_ns:
                    item.pdf = str(_pdf_of(item))


def _quiet_cancelled(args: threading.ExceptHookArgs) -> None:
    if not isinstance(args.exc_value, InvalidStateError):
        threading.__excepthook__(args)


def _execute(works: list[_Work], args: tuple[Any, ...], jobs: int) -> Generator[ItemResult]:
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(works) < 4:
        worker = _Worker(*args)
        try:
            yield from (worker.run(work) for work in works)
        finally:
            worker.journal.close()
        return
    chunk = max(1, min(64, len(works) // (jobs * 8)))
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                               initargs=(os.getpid(), *args))
    try:
        yield from pool.map(_run_in_worker, works, chunksize=chunk)
    except BaseException:  # stop now: no waiting for the work still queued
        # pool.map has cancelled the queued futures; the pool's manager thread then fails
        # them as broken and trips over the cancellation (CPython's InvalidStateError): quiet
        threading.excepthook = _quiet_cancelled
        processes = list((getattr(pool, "_processes", None) or {}).values())
        for process in processes:
            with contextlib.suppress(OSError, AttributeError):
                process.kill()
        for process in processes:
            with contextlib.suppress(OSError, AttributeError, AssertionError):
                process.join(30)
        pool.shutdown(wait=True)  # the killed pool fails its queued work at once
        raise
    pool.shutdown()


def _convert_pdfs(report: BatchReport, jobs: int, lang: str, pdfa: bool = False) -> None:
    """PDFs for every delivered .docx whose PDF is missing or older: `jobs` LibreOffice runs
    side by side, each started once on an equal share of the files (batch.pdfpool)."""
    ready = [item for item in report.items if item.docx]
    todo = [item for item in ready if item.status == WRITTEN or not _pdf_of(item).is_file()]
    results = convert_all([Path(item.docx or "") for item in todo], max(1, jobs), pdfa=pdfa)
    for item in todo:
        path = Path(item.docx or "")
        if path in results.failed:
            item.status, item.message = PDF_FAILED, results.failed[path].message(lang)
        elif path not in results.made:
            item.status = PDF_FAILED
            item.message = message("pdf_failed", lang, detail=path.name, status="?")
    for item in ready:
        if _pdf_of(item).is_file() and item.status != PDF_FAILED:
            item.pdf = str(_pdf_of(item))
    # the fonts are the machine's: one PDF made in this run tells for all of them
    made = next((item for item in todo if item.pdf), None)
    if made is not None:
        report.fallback_fonts = tuple(fallback_fonts(Path(made.pdf or ""),
                                                     Path(made.docx or "")))


def _pdf_stamps(report: BatchReport) -> dict[str, int | None]:
    """Each delivered .docx's PDF: its change time, None when there is none."""
    stamps: dict[str, int | None] = {}
    for item in report.items:
        if item.docx:
            try:
                stamps[item.docx] = _pdf_of(item).stat().st_mtime_ns
            except OSError:
                stamps[item.docx] = None
    return stamps


def _pdf_of(item: ItemResult) -> Path:
    return Path(item.docx or "").with_suffix(".pdf")


