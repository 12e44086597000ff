"""Time to render one plan: plangen's Renderer against the naive docxtpl way.

Usage: python benchmarks/render.py [SPEC] [-n N]

The naive way loads a fresh DocxTemplate from the same template for every plan, renders it
with autoescape and the same values (built per plan, as Renderer does), and saves it: what a
straightforward docxtpl script does. Renderer reads and compiles the template once, then only
renders, parses the result strictly and zips it. Times are medians of N runs,
.docx only (no PDF). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from plangen.render.docx import DEFAULT_TEMPLATE, Renderer  # noqa: E402
from plangen.spec.api import load_plan  # noqa: E402


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median wall time of `action` in milliseconds, after one warm-up run."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", nargs="?", default=str(ROOT / "specs" / "dak-lak.yaml"))
    parser.add_argument("-n", type=int, default=30, help="runs per method (default 30)")
    args = parser.parse_args()
    plan = load_plan(args.spec)
    renderer = Renderer()

    def naive() -> bytes:
        values = renderer.values(plan)  # the same per-plan values, built the same way
        template = DocxTemplate(DEFAULT_TEMPLATE)
        env = SandboxedEnvironment(undefined=jinja2.StrictUndefined)
        template.render(values, jinja_env=env, autoescape=True)
        out = io.BytesIO()
        template.save(out)
        return out.getvalue()

    ours = median_ms(lambda: renderer.render(plan), args.n)
    theirs = median_ms(naive, args.n)
    print(f"plan: {args.spec} ({len(plan.tasks.items)} tasks), median of {args.n} runs")
    print(f"plangen Renderer.render:        {ours:8.2f} ms")
    print(f"naive DocxTemplate load+render: {theirs:8.2f} ms")
    print(f"ratio (naive / plangen):        {theirs / ours:8.1f}x")


if __name__ == "__main__":
    main()
