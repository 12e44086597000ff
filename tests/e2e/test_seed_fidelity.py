"""The shipped specs reproduce the real plans (the seeds): the rendered document, read back
with python-docx, holds at least 98% of each seed's words in the seed's order."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from support.seedtext import PAIRS, ROOT, SEEDS_DIR, document_text, seed_text
from support.wordmatch import in_order_ratio, missing_runs, words

from plangen.render.docx import render_plan
from plangen.spec.api import load_plan

MIN_RATIO = 0.98


def test_document_text_reads_tables_in_order() -> None:
    document = Document()
    document.add_paragraph("Trước bảng")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ô một"
    table.cell(0, 1).text = "ô hai"
    document.add_paragraph("Sau bảng")
    out = io.BytesIO()
    document.save(out)
    assert document_text(out.getvalue()).split("\n") == [
        "Trước bảng", "ô một", "ô hai", "Sau bảng"]


def test_seed_text_drops_a_repeated_header_row(tmp_path: Path) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_text("STT\tNội dung\n1\tMột\n\nSTT\tNội dung\n2\tHai\n- Một\n- Một\n",
                    encoding="utf-8")
    assert seed_text(seed).split("\n") == [
        "STT\tNội dung", "1\tMột", "", "2\tHai", "- Một", "- Một"]


@pytest.mark.parametrize(("seed", "spec"), PAIRS, ids=[spec for _, spec in PAIRS])
def test_rendered_spec_holds_the_seed_words_in_order(seed: str, spec: str) -> None:
    reference = words(seed_text(SEEDS_DIR / seed))
    produced = words(document_text(render_plan(load_plan(ROOT / "specs" / spec))))
    ratio = in_order_ratio(reference, produced)
    if ratio < MIN_RATIO:
        lost = "\n".join(missing_runs(reference, produced))
        pytest.fail(f"{spec}: {ratio:.2%} of {seed} in order (< {MIN_RATIO:.0%}); lost:\n{lost}")
