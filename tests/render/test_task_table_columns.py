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


def _task_table(renderer: Renderer, tmp_path: Path, text: str) -> list[list[str]]:
    spec = tmp_path / "plan.yaml"
    spec.write_text(text, encoding="utf-8")
    data = renderer.render(load_plan(spec))
    assert_schema_valid(data)
    table = next(t for t in Document(io.BytesIO(data)).tables
                 if t.rows and t.rows[0].cells[0].text == "STT"
                 and "Nội dung công việc" in t.rows[0].cells[1].text)
    return [[cell.text for cell in row.cells] for row in table.rows]


CUSTOM = "      - {key: kinh-phi, title: Kinh phí (triệu đồng), width: 12}\n"


def test_a_deadline_column_prints_each_task_s_deadline(renderer: Renderer,
                                                      tmp_path: Path) -> None:
    """ "deadline" is what the task block says in `deadline:` (it printed blank before)."""
    text = SPEC.read_text(encoding="utf-8")
    assert CUSTOM in text
    rows = _task_table(renderer, tmp_path, text.replace(
        CUSTOM, CUSTOM + "      - {key: deadline, title: Thời hạn hoàn thành}\n"))
    assert rows[0][-1] == "Thời hạn hoàn thành"
    assert [row[-1] for row in rows[1:3]] == ["Trước ngày 30/6/2026", "trước ngày 30/9/2026"]
    assert [row[-2] for row in rows[1:3]] == ["1.200", "350,5"]  # cells: still their own
    assert all(row[-1] == "" for row in rows[3:])  # tasks without a deadline


def test_a_column_no_task_fills_is_blank_even_with_sub_tasks(renderer: Renderer,
                                                             tmp_path: Path) -> None:
    """A key the tasks do not give ("subtasks" here, on a plan whose agency item has duties
    as sub-tasks) prints a blank column: it no longer reads the task's own attribute (which
    crashed the render with a TypeError on the sub-tasks)."""
    text = SPEC.read_text(encoding="utf-8")
    text = text.replace(CUSTOM, CUSTOM.replace("kinh-phi", "subtasks"))
    text = text.replace("      - item: Các đơn vị thuộc Bộ\n", "      - item: \"Văn phòng Bộ:\"\n"
                        "        content:\n          - bullet: Tổng hợp báo cáo quý.\n"
                        "      - item: Các đơn vị thuộc Bộ\n")
    rows = _task_table(renderer, tmp_path, text)
    assert rows[0][-1] == "Kinh phí (triệu đồng)"
    assert any(row[0] == "3.1" and row[1] == "Tổng hợp báo cáo quý." for row in rows)
    assert all(row[-1] == "" for row in rows[1:])
