"""Batch performance: plangen's batch against the naive docxtpl loop, same plans.

Usage: python benchmarks/batch.py [-n N] [--full] [--pdf N]

(a) plangen: `run_batch` end to end (load, merge, validate, render, write) for N communes.
(b) naive: for the same N plans, one `DocxTemplate(path)` loaded, rendered with autoescape
    and saved per plan, in one process, from the same template and the same values.
Prints both per plan, the ratio and peak memory. `--full` also times all 3,321 communes
end to end; `--pdf N` times the PDF added per plan for a batch of N. Not a test.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from plangen.batch.run import BatchOptions, _Worker, output_path, run_batch  # noqa: E402
from plangen.batch.selection import select_localities  # noqa: E402
from plangen.model import build_plan  # noqa: E402
from plangen.render.docx import DEFAULT_TEMPLATE  # noqa: E402
from plangen.spec.compose import compose_spec  # noqa: E402
from plangen.spec.merge import to_loaded  # noqa: E402

BASE = ROOT / "examples" / "ai-law" / "commune.yaml"


def peak_mb() -> float:
    """Peak resident memory of this process and of its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def time_plangen(selector: str, count: int | None, jobs: int, out: Path,
                 pdf: bool = False, check: bool = True) -> tuple[float, int]:
    table = selector
    if count is not None:
        # a table of the first `count` communes, so both methods render the same plans
        names = [s.locality for s in select_localities(selector)][:count]
        table_path = out.parent / f"table-{count}.yaml"
        rows = "\n".join(f"  - locality: \"{item.code}\"" for item in names)
        table_path.write_text(f"localities:\n{rows}\n", encoding="utf-8")
        table = str(table_path)
    start = time.perf_counter()
    report = run_batch(BatchOptions(BASE, table, out, jobs=jobs, pdf=pdf, force=True,
                                    check=check))
    seconds = time.perf_counter() - start
    assert not report.failed, [item.message for item in report.failed[:3]]
    return seconds, len(report.items)


def time_naive(count: int, out: Path) -> float:
    """The straightforward loop: a fresh DocxTemplate per plan."""
    selected = select_localities("all-communes")[:count]
    worker = _Worker(compose_spec(BASE), BatchOptions(BASE, "all-communes", out, force=True), {})
    plans = []
    for item in selected:  # the same plans, prepared outside the timed loop
        spec, _ = worker.locality_spec(item)
        plans.append((output_path(out, item), build_plan(to_loaded(spec, str(BASE)).data)))
    start = time.perf_counter()
    for target, plan in plans:
        values = worker.renderer.values(plan)
        template = DocxTemplate(DEFAULT_TEMPLATE)
        env = SandboxedEnvironment(undefined=jinja2.StrictUndefined)
        template.render(values, jinja_env=env, autoescape=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        template.save(target)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="plans compared (default 300)")
    parser.add_argument("--full", action="store_true", help="also all 3,321 communes")
    parser.add_argument("--pdf", type=int, default=0, metavar="N",
                        help="also time PDFs for a batch of N plans")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="plangen-bench-"))
    try:
        naive = time_naive(args.n, work / "naive")
        print(f"plans compared: {args.n} communes from {BASE.relative_to(ROOT)}")
        print(f"(b) naive DocxTemplate per plan, 1 process: {naive / args.n * 1000:7.2f} ms/plan")
        # (b) does no checking; plangen's default also runs `plangen check`'s fast checks on
        # every file, so it is timed both ways: the same work, and the default
        for check, what in ((False, "--no-check, same work as (b)"), (True, "default, checked")):
            for jobs in (1, 2):
                seconds, count = time_plangen("all-communes", args.n, jobs,
                                              work / f"p{jobs}{check}", check=check)
                per_plan = seconds / count * 1000
                ratio = naive / args.n * 1000 / per_plan
                print(f"(a) plangen batch end to end, {jobs} worker(s), {what}: "
                      f"{per_plan:6.2f} ms/plan   ratio (b)/(a): {ratio:5.1f}x")
        if args.full:
            for check in (False, True):
                seconds, count = time_plangen("all-communes", None, 2, work / f"full{check}",
                                              check=check)
                print(f"all {count} communes end to end, 2 workers, "
                      f"{'checked' if check else '--no-check'}: {seconds:6.1f} s")
        if args.pdf:
            bare, count = time_plangen("all-communes", args.pdf, 2, work / "nopdf")
            with_pdf, _ = time_plangen("all-communes", args.pdf, 2, work / "pdf", pdf=True)
            print(f"PDF added per plan (batch of {count}): "
                  f"{(with_pdf - bare) / count:6.3f} s")
        print(f"peak memory (largest process): {peak_mb():6.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
