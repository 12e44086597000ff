"""Batch performance: every phase of plangen's batch, the floor, and the naive docxtpl loop.

Usage: python3 benchmarks/batch.py [-n N] [--jobs J] [--repeat R] [--full] [--pdf N]
                                   [--full-pdf] [--startup] [--all]

For N communes of examples/ai-law/commune.yaml it prints, per plan (medians of R repeats):
  - each phase of the worker step, in one process: load (compose the base, once per batch),
    merge (presets), placeholders, validate (+ building the Plan), render (to .docx bytes),
    check (in memory, and the file check for comparison), write, index (once per batch);
  - the floor: serialising document.xml, zipping the parts and writing the file;
  - the whole worker step, with and without its self-check, and their ratio;
  - end to end with J worker processes, checked and --no-check, against the naive loop (a
    fresh DocxTemplate loaded, rendered and saved per plan) run in J processes too.
Every figure is also shown as a multiple of the floor. `--full` times all 3,321 communes,
`--pdf N` the PDF per plan for a batch of N, `--full-pdf` all communes with PDF, `--startup`
`plangen --version` (and its import time); `--all` does everything. The load average before
and after is printed: on a shared machine, say what the figures were measured under.
Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from plangen.batch.index import write_index  # noqa: E402
from plangen.batch.run import (  # noqa: E402
    BatchOptions,
    BatchReport,
    _Work,
    _Worker,
    output_path,
    run_batch,
)
from plangen.batch.selection import select_localities  # noqa: E402
from plangen.check.api import fast_check  # noqa: E402
from plangen.check.memory import check_parts  # noqa: E402
from plangen.files import write_atomic  # noqa: E402
from plangen.model import Plan, build_plan  # noqa: E402
from plangen.render.docx import DEFAULT_TEMPLATE, DOCUMENT_PART, Renderer  # noqa: E402
from plangen.spec.assemble import locate, placeholder_fields  # noqa: E402
from plangen.spec.compose import compose_spec  # noqa: E402
from plangen.spec.merge import to_loaded  # noqa: E402
from plangen.spec.placeholders import fill_placeholders  # noqa: E402
from plangen.spec.presets import expand_presets  # noqa: E402

BASE = ROOT / "examples" / "ai-law" / "commune.yaml"
TARGETS = {"checked step": "≤ 1.5 ms/plan, ≤ 1.3× unchecked",
           "all communes checked": "≤ 4 s", "pdf": "≤ 0.05 s/PDF on 2 idle cores",
           "all communes with PDF": "≤ 150 s", "version": "≤ 80 ms"}


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def peak_mb() -> float:
    """Peak resident memory of this process and of its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


class Figure(NamedTuple):
    """ms per item: wall clock, and this process's CPU time (steadier on a busy machine)."""

    wall: float
    cpu: float


def median_per_item(action: Callable[[], object], count: int, repeat: int,
                    reset: Callable[[], object] | None = None) -> Figure:
    """Medians over `repeat` runs of `action` (after a warm-up), in ms per item; `reset`
    runs, untimed, before each (removing what the last run wrote: replacing a file costs
    ext4 a flush that writing a new one does not, and a batch mostly writes new files)."""
    if reset:
        reset()
    action()
    walls, cpus = [], []
    for _ in range(repeat):
        if reset:
            reset()
        start, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return Figure(statistics.median(walls) / count * 1000,
                  statistics.median(cpus) / count * 1000)


def write_all(targets: list[Path], datas: list[bytes]) -> None:
    """Each of `datas` to its target, as batch writes them."""
    for target, data in zip(targets, datas, strict=True):
        write_atomic(target, data, durable=False)


def remove(paths: list[Path]) -> None:
    """Remove `paths` (those that exist)."""
    for path in paths:
        path.unlink(missing_ok=True)


def table_of(count: int | None, folder: Path) -> str:
    """A locality table of the first `count` communes (all: the selector itself)."""
    if count is None:
        return "all-communes"
    names = [s.locality for s in select_localities("all-communes")][:count]
    path = folder / f"table-{count}.yaml"
    rows = "\n".join(f"  - locality: \"{item.code}\"" for item in names)
    path.write_text(f"localities:\n{rows}\n", encoding="utf-8")
    return str(path)


def time_batch(count: int | None, jobs: int, out: Path, repeat: int, *, check: bool = True,
               pdf: bool = False) -> tuple[float, int]:
    """Median wall seconds of `run_batch` end to end, and how many plans it made."""
    table = table_of(count, out.parent)
    times, made = [], 0
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        report = run_batch(BatchOptions(BASE, table, out, jobs=jobs, pdf=pdf, force=True,
                                        check=check))
        times.append(time.perf_counter() - start)
        assert not report.failed, [item.message for item in report.failed[:3]]
        made = len(report.items)
    return statistics.median(times), made


# ---- the naive loop, in as many processes as plangen's workers -----------------------------

_NAIVE_RENDERER: Renderer | None = None


def _naive_init() -> None:
    global _NAIVE_RENDERER
    _NAIVE_RENDERER = Renderer()


def _naive_share(share: list[tuple[Path, Plan]]) -> int:
    import jinja2
    from docxtpl import DocxTemplate
    from jinja2.sandbox import SandboxedEnvironment

    assert _NAIVE_RENDERER is not None
    for target, plan in share:
        values = _NAIVE_RENDERER.values(plan)  # the same values, built the same way
        template = DocxTemplate(DEFAULT_TEMPLATE)
        env = SandboxedEnvironment(undefined=jinja2.StrictUndefined)
        template.render(values, jinja_env=env, autoescape=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        template.save(target)
    return len(share)


def time_naive(plans: list[tuple[Path, Plan]], jobs: int, repeat: int) -> float:
    """Median wall seconds for the naive loop over `plans` in `jobs` processes (pool start
    included, as run_batch's is; the plans are prepared beforehand, so the naive loop is
    spared loading and validating)."""
    shares = [plans[number::jobs] for number in range(jobs)]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        if jobs == 1:
            _naive_init()
            _naive_share(plans)
        else:
            with ProcessPoolExecutor(max_workers=jobs, initializer=_naive_init) as pool:
                assert sum(pool.map(_naive_share, shares)) == len(plans)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# ---- phases of the worker step -------------------------------------------------------------


def phases(count: int, repeat: int, out: Path) -> tuple[dict[str, Figure], list[Any]]:
    """ms per plan of each phase (load and index: ms per batch), in this process."""
    selected = select_localities("all-communes")[:count]
    options = BatchOptions(BASE, "all-communes", out, force=True)
    figures: dict[str, Figure] = {}
    figures["load (compose the base, per batch)"] = median_per_item(
        lambda: compose_spec(BASE), 1, repeat)
    worker = _Worker(compose_spec(BASE), options, {})
    base = worker.base
    expanded = [expand_presets(base)[0] for _ in selected]
    figures["merge (presets; no overrides here)"] = median_per_item(
        lambda: [expand_presets(base) for _ in selected], count, repeat)
    filled_specs = []
    filled_paths: list[list[Any]] = []
    for spec, item in zip(expanded, selected, strict=True):
        paths: list[Any] = []
        filled_specs.append(fill_placeholders(spec, placeholder_fields(item.locality),
                                              paths)[0])
        filled_paths.append(paths)
    figures["placeholders"] = median_per_item(
        lambda: [fill_placeholders(spec, placeholder_fields(item.locality), [])
                 for spec, item in zip(expanded, selected, strict=True)], count, repeat)

    def validate() -> list[Plan]:
        plans = []
        for spec, item, paths in zip(filled_specs, selected, filled_paths, strict=True):
            loaded = to_loaded(spec, str(BASE))
            issues = locate([], loaded)
            issues.extend(worker.validate(loaded, item, list(paths)))
            assert not [issue for issue in issues if issue.severity == "error"]
            plans.append(build_plan(loaded.data))
        return plans

    figures["validate (+ build the Plan)"] = median_per_item(validate, count, repeat)
    plans = validate()
    renderer = worker.renderer
    figures["render (to .docx bytes)"] = median_per_item(
        lambda: [renderer.render_parts(plan).docx() for plan in plans], count, repeat)
    rendered = [renderer.render_parts(plan) for plan in plans]
    figures["check, in memory (what batch runs)"] = median_per_item(
        lambda: [check_parts(r.parts, r.trees) for r in rendered], count, repeat)
    datas = [r.docx() for r in rendered]
    figures["check, from the file (the same checks)"] = median_per_item(
        lambda: [fast_check(data) for data in datas], count, repeat)
    targets = [output_path(out / "phases", item) for item in selected]
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
    figures["write (atomic)"] = median_per_item(
        lambda: write_all(targets, datas), count, repeat,
        reset=lambda: remove(targets))

    def floor() -> None:
        from lxml import etree
        for r, target in zip(rendered, targets, strict=True):
            etree.tostring(r.trees[DOCUMENT_PART], xml_declaration=True, encoding="UTF-8",
                           standalone=True)
            target.with_suffix(".floor").write_bytes(r.docx())

    figures["FLOOR (serialise document.xml + zip + write)"] = median_per_item(
        floor, count, repeat,
        reset=lambda: remove([target.with_suffix(".floor") for target in targets]))
    step_figures, results = steps(base, count, repeat, out / "steps")
    figures.update(step_figures)
    report = BatchReport(items=results)
    figures["index (per batch)"] = median_per_item(
        lambda: write_index([item.index_row(out) for item in report.items], out / "steps"), 1,
        repeat)
    return figures, plans


STEP_LABELS = {False: "worker step, --no-check", True: "worker step, checked (default)"}


def steps(base: Any, count: int, repeat: int, out: Path) -> tuple[dict[str, Figure], list[Any]]:
    """The worker step with and without its self-check, like with like: each repeat takes
    communes no repeat has seen (a batch sees each once, so no cache holds its texts yet),
    runs both modes on them one after the other (the first in turn), into a new folder.
    Medians of the repeats, in ms per plan."""
    communes = select_localities("all-communes")
    out.mkdir(parents=True, exist_ok=True)  # the workers keep their journals in it
    workers = {check: _Worker(base, BatchOptions(BASE, "all-communes", out, force=True,
                                                 check=check), {}) for check in (False, True)}
    times: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    results: list[Any] = []
    for number in range(repeat + 1):  # the first is a warm-up
        first = number * count % max(1, len(communes) - count)
        for check in ((False, True) if number % 2 else (True, False)):
            folder = out / f"{number}-{'checked' if check else 'unchecked'}"  # a new one
            works = [_Work(item, output_path(folder, item))
                     for item in communes[first:first + count]]
            start, cpu = time.perf_counter(), time.process_time()
            results = [workers[check].run(work) for work in works]
            if number:
                times[check].append((time.perf_counter() - start, time.process_time() - cpu))
    figures = {STEP_LABELS[check]: Figure(
        statistics.median(wall for wall, _ in times[check]) / count * 1000,
        statistics.median(cpu for _, cpu in times[check]) / count * 1000)
        for check in (False, True)}
    return figures, results


def startup(repeat: int) -> list[tuple[str, float]]:
    """Median wall ms of starting Python, importing click and plangen.cli, and --version."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cases = [("python -c pass (the interpreter alone)", ["-c", "pass"]),
             ("python -c 'import click'", ["-c", "import click"]),
             ("python -c 'import plangen.cli'", ["-c", "import plangen.cli"]),
             # what the console script runs (pyproject: plangen = "plangen.launch:main")
             ("plangen --version", ["-c", "from plangen.launch import main; main()",
                                    "--version"]),
             ("plangen --version through click (before plangen.launch)",
              ["-c", "import sys; from plangen.cli import main; sys.exit(main())",
               "--version"])]
    out = []
    for label, args in cases:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, *args], env=env, stdout=subprocess.DEVNULL,
                           check=True)
            times.append(time.perf_counter() - start)
        out.append((label, statistics.median(times) * 1000))
    return out


def import_time() -> float:
    """plangen.cli's cumulative import time from `python -X importtime`, in ms."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import plangen.cli"],
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
                          text=True, check=True)
    line = next(line for line in done.stderr.splitlines() if line.rstrip().endswith(
        "| plangen.cli"))
    return int(line.split("|")[1]) / 1000


def row(label: str, value: float, floor: float, unit: str = "ms/plan",
        cpu: Figure | None = None) -> str:
    """A figure, its multiple of the floor, and (in one process) its CPU time as well:
    `cpu` holds (this figure's CPU ms, the floor's CPU ms)."""
    shown = f"   cpu {cpu[0]:8.3f} ({cpu[0] / cpu[1]:5.1f}×)" if cpu is not None else ""
    return f"  {label:50s} {value:9.3f} {unit:8s} {value / floor:6.1f}× floor{shown}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[2:]))
    parser.add_argument("-n", type=int, default=300, help="communes per run (default 300)")
    parser.add_argument("--jobs", type=int, default=2,
                        help="worker processes, LibreOffice runs and naive processes (2)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median; 5)")
    parser.add_argument("--full", action="store_true", help="also all 3,321 communes")
    parser.add_argument("--pdf", type=int, default=0, metavar="N",
                        help="also the PDF per plan for a batch of N")
    parser.add_argument("--full-pdf", action="store_true",
                        help="also all 3,321 communes with PDF (minutes; run once)")
    parser.add_argument("--startup", action="store_true", help="also plangen --version")
    parser.add_argument("--all", action="store_true",
                        help="--full --pdf 200 --full-pdf --startup")
    args = parser.parse_args()
    if args.all:
        args.full = args.full_pdf = args.startup = True
        args.pdf = args.pdf or 200
    work = Path(tempfile.mkdtemp(prefix="plangen-bench-"))
    print(f"plangen batch benchmark: {args.n} communes of {BASE.relative_to(ROOT)}, "
          f"{args.jobs} jobs, medians of {args.repeat} runs")
    print(f"before: {load()}")
    try:
        figures, plans = phases(args.n, args.repeat, work)
        floors = figures["FLOOR (serialise document.xml + zip + write)"]
        floor = floors.wall
        print("\nphases, one process (ms per plan, wall and CPU; load and index per batch):")
        for label, value in figures.items():
            unit = "ms/batch" if "per batch" in label else "ms/plan"
            print(row(label, value.wall, floor, unit, Figure(value.cpu, floors.cpu)))
        checked = figures["worker step, checked (default)"]
        unchecked = figures["worker step, --no-check"]
        print(f"  checked / unchecked step: {checked.wall / unchecked.wall:.2f}× wall, "
              f"{checked.cpu / unchecked.cpu:.2f}× CPU; the check adds "
              f"{checked.cpu - unchecked.cpu:.3f} ms CPU a plan "
              f"(target {TARGETS['checked step']})")
        summary = [("checked worker step (wall; CPU)",
                    f"{checked.wall:.2f} ms; {checked.cpu:.2f} ms", "≤ 1.5 ms/plan",
                    checked.wall <= 1.5),
                   ("checked ÷ unchecked step (wall; CPU)",
                    f"{checked.wall / unchecked.wall:.2f}×; {checked.cpu / unchecked.cpu:.2f}×",
                    "≤ 1.3×", checked.wall / unchecked.wall <= 1.3)]

        print(f"\nend to end, {args.jobs} processes each (ms per plan, wall):")
        selected = select_localities("all-communes")[:args.n]
        pairs = [(output_path(work / "naive", item), plan)
                 for item, plan in zip(selected, plans, strict=True)]
        naive = time_naive(pairs, args.jobs, args.repeat) / args.n * 1000
        print(row(f"naive DocxTemplate per plan, {args.jobs} processes", naive, floor))
        for check in (False, True):
            seconds, count = time_batch(args.n, args.jobs, work / "e2e", args.repeat,
                                        check=check)
            per_plan = seconds / count * 1000
            what = "checked" if check else "--no-check"
            print(row(f"plangen batch, {args.jobs} workers, {what}", per_plan, floor)
                  + f"   naive/plangen {naive / per_plan:5.1f}×")

        if args.full:
            print("\nall communes end to end:")
            for check in (False, True):
                seconds, count = time_batch(None, args.jobs, work / "full", 1, check=check)
                target = f"   (target {TARGETS['all communes checked']})" if check else ""
                print(f"  {count} communes, {args.jobs} workers, "
                      f"{'checked' if check else '--no-check'}: {seconds:7.2f} s{target}")
                if check:
                    summary.append((f"all {count} communes, checked, {args.jobs} workers",
                                    f"{seconds:.1f} s", TARGETS["all communes checked"],
                                    seconds <= 4))
        if args.pdf:
            bare, count = time_batch(args.pdf, args.jobs, work / "nopdf", 1)
            with_pdf, _ = time_batch(args.pdf, args.jobs, work / "pdf", 1, pdf=True)
            print(f"\nPDF, batch of {count}, {args.jobs} LibreOffice runs: "
                  f"{(with_pdf - bare) / count:6.3f} s per PDF (wall; "
                  f"target {TARGETS['pdf']}); batch with PDF {with_pdf:.1f} s")
            summary.append((f"PDF per file, batch of {count}",
                            f"{(with_pdf - bare) / count:.3f} s", TARGETS["pdf"],
                            (with_pdf - bare) / count <= 0.05))
        if args.full_pdf:
            seconds, count = time_batch(None, args.jobs, work / "fullpdf", 1, pdf=True)
            print(f"\nall {count} communes with PDF, {args.jobs} jobs: {seconds:7.1f} s "
                  f"({seconds / count:.3f} s per plan; target "
                  f"{TARGETS['all communes with PDF']})")
            summary.append((f"all {count} communes with PDF", f"{seconds:.0f} s",
                            TARGETS["all communes with PDF"], seconds <= 150))
        if args.startup:
            print(f"\nstart-up, medians of {max(args.repeat, 15)} runs "
                  f"(target: --version {TARGETS['version']}):")
            for label, took in startup(max(args.repeat, 15)):
                print(f"  {label:52s} {took:7.1f} ms")
                if label == "plangen --version":
                    summary.append((label, f"{took:.0f} ms", TARGETS["version"], took <= 80))
            print(f"  {'plangen.cli import, -X importtime (cumulative)':52s} "
                  f"{import_time():7.1f} ms")
        print(f"\npeak memory (largest process): {peak_mb():6.0f} MB")
        print(f"after: {load()}")
        print("\ntargets (issue 15), side by side with this run's figures:")
        for label, figure, target, met in summary:
            print(f"  {label:45s} {figure:>22s}   target {target:30s} "
                  f"{'met' if met else 'NOT met'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
