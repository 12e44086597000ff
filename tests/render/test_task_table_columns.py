"""The appendix built from a free plan's tasks: its STT column is as wide as the classic
appendix's number column (12 mm) on a landscape page and on a portrait one, so "STT" never
breaks over two lines; the other columns share the rest of the width by their weights."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document
from support.docx_helpers import assert_schema_valid

from plangen.render.docx import NUMBER_COLUMN, Renderer
from plangen.spec.api import load_plan

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "specs" / "variations-free.yaml"


def task_table_widths(data: bytes) -> list[int]:
    document = Document(io.BytesIO(data))
    table = next(t for t in document.tables if t.rows and t.rows[0].cells[0].text == "STT"
                 and "Nội dung công việc" in t.rows[0].cells[1].text)
    grid = table._tbl.tblGrid
    return [int(col.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
            for col in grid.iterchildren()]


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_stt_column_is_the_number_column(renderer: Renderer, tmp_path: Path,
                                             orientation: str) -> None:
    text = SPEC.read_text(encoding="utf-8")
    text = re.sub(r"(  - title: Phân công nhiệm vụ\n)",
                  rf"\g<1>    orientation: {orientation}\n", text)
    spec = tmp_path / "plan.yaml"
    spec.write_text(text, encoding="utf-8")
    data = renderer.render(load_plan(spec))
    assert_schema_valid(data)
    widths = task_table_widths(data)
    assert widths[0] == NUMBER_COLUMN
    full = renderer.landscape_width() if orientation == "landscape" else renderer.text_width()
    assert sum(widths) == full  # the others share the rest, to the twip
    # by their weights: content 34, lead 18, timeline 12, and the column given width 12
    assert widths[1] > widths[2] > widths[3] and abs(widths[3] - widths[4]) <= len(widths)
