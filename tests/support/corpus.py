"""The test corpus of plans every output-wide comparison runs on: the specs/, the valid test
plans, the decision plans, the ai-law example for every province and a spread of communes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from plangen.batch.run import BatchOptions, _Worker
from plangen.batch.selection import select_localities
from plangen.model import Plan, build_plan
from plangen.spec.api import load_plan
from plangen.spec.compose import compose_spec
from plangen.spec.merge import to_loaded

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ai-law"


def corpus_plans(commune_step: int = 331) -> Iterator[tuple[str, Plan]]:
    """Every plan of the test corpus, by name; every `commune_step`-th commune."""
    for path in [*sorted((ROOT / "specs").glob("*.yaml")),
                 *sorted((ROOT / "tests" / "data" / "valid").glob("*.yaml")),
                 *sorted((ROOT / "tests" / "data" / "decision").glob("*.yaml"))]:
        yield path.name, load_plan(path)
    for base, selector, step in ((EXAMPLE / "base.yaml", str(EXAMPLE / "provinces.yaml"), 1),
                                 (EXAMPLE / "commune.yaml", "all-communes", commune_step)):
        worker = _Worker(compose_spec(base), BatchOptions(base, selector, ROOT), {})
        for selected in select_localities(selector)[::step]:
            spec, _ = worker.locality_spec(selected)
            yield selected.locality.code, build_plan(to_loaded(spec, str(base)).data)
