"""Every bundled real plan, extracted, validates and renders a file that passes plangen's own
check: what extract writes is what validation accepts, and what validation accepts prints as
NĐ 30 wants (a real plan's "PHỤ LỤC" in capitals was written as it stood and refused)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.seedtext import SEEDS_DIR

from plangen.check.api import check_docx
from plangen.extract import extract_path
from plangen.render.docx import Renderer
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text

SEEDS = sorted([*SEEDS_DIR.glob("*.txt"), *(SEEDS_DIR / "extra").glob("*.txt")])


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.stem[:12])
def test_an_extracted_real_plan_renders_a_file_that_passes_the_check(
        seed: Path, renderer: Renderer) -> None:
    extraction = extract_path(seed)
    assert not extraction.errors, [issue.format() for issue in extraction.errors]
    checked = check_loaded(load_spec_text(extraction.yaml_text, "plan.yaml"))
    assert checked.plan is not None and not checked.errors, [
        issue.format() for issue in checked.errors]
    report = check_docx(renderer.render(checked.plan))
    assert report.clean, [(result.id, [finding.code for finding in result.found])
                          for result in report.results if result.status in ("fail", "advice")]


def test_all_bundled_seeds_are_read() -> None:
    assert len(SEEDS) == 8
