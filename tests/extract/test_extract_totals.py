"""extract: total rows among a table's rows ("Cộng" per group, "Tổng số" first) read back as
{subtotal: …} / {total: …} rows when their figures add up, as written rows when they do not."""

from __future__ import annotations

from pathlib import Path

import yaml
from support.docx_helpers import open_docx

from plangen.extract import extract_bytes
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan

FREE = Path(__file__).resolve().parents[1] / "data" / "free" / "free-minimal.yaml"
ROWS = """          rows:
            - [{group: "I. Phía Đông"}]
            - [1, Xã Phú Mỡ, 1200, 300]
            - [2, Phường Sông Cầu, 2500.5, 45]
          total: {sum: [3, 4], values: ["3.700,5", 345]}
"""
GROUPED = """          rows:
            - [{total: "Tổng số"}]
            - [{group: "I. Phía Đông"}]
            - [1, Xã Phú Mỡ, 1200, 300]
            - [2, Phường Sông Cầu, 2500, 45]
            - [{subtotal: "Cộng I"}]
            - [{group: "II. Phía Tây"}]
            - [3, Xã Ea Bá, 1000, 15]
            - [{subtotal: ""}]
          total: {sum: [3, 4]}
"""


def _table_texts(data: bytes) -> list[list[str]]:
    doc = open_docx(data)
    table = next(t for t in doc.tables if any("Cộng I" in c.text for c in t._cells))
    return [[c.text for c in row.cells] for row in table.rows]


def _tables(spec: dict) -> list[dict]:  # type: ignore[type-arg]
    found: list[dict] = []  # type: ignore[type-arg]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("table"), dict):
                found.append(node["table"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(spec)
    return found


def _render(text: str, tmp_path: Path, name: str) -> bytes:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Renderer().render(load_plan(path))


def test_subtotals_and_a_leading_total_read_back_and_render_the_same(tmp_path: Path) -> None:
    base = FREE.read_text(encoding="utf-8")
    assert ROWS in base
    source = _render(base.replace(ROWS, GROUPED), tmp_path, "plan.yaml")
    extraction = extract_bytes(source, "plan.docx")
    assert not extraction.errors, [i.format() for i in extraction.errors]
    table = next(t for t in _tables(yaml.safe_load(extraction.yaml_text))
                 if any("Cộng I" in str(r) for r in t["rows"]))
    specials = [r[0] for r in table["rows"]
                if len(r) == 1 and isinstance(r[0], dict) and ("subtotal" in r[0]
                                                               or "total" in r[0])]
    assert specials == [{"total": "Tổng số", "sum": [3, 4]},
                        {"subtotal": "Cộng I", "sum": [3, 4]},
                        {"subtotal": "", "sum": [3, 4]}]
    assert table["total"] == {"sum": [3, 4]}
    again = _render(extraction.yaml_text, tmp_path, "back.yaml")
    assert _table_texts(again) == _table_texts(source)


def test_a_cong_row_that_does_not_add_up_stays_as_written(tmp_path: Path) -> None:
    base = FREE.read_text(encoding="utf-8")
    wrong = ROWS.replace('          total: {sum: [3, 4], values: ["3.700,5", 345]}\n',
                         '            - ["", Cộng, 9999, 1]\n'
                         '            - [3, Xã Ea Bá, 1000, 15]\n')
    source = _render(base.replace(ROWS, wrong), tmp_path, "plan.yaml")
    text = extract_bytes(source, "plan.docx").yaml_text
    assert "subtotal" not in text and "9.999" in text


def test_an_item_whose_text_starts_with_a_figure_stays_an_item() -> None:
    """ "1. 100% cán bộ …" is item 1 (its number is kept in order), "1.000 ha" is not."""
    from plangen.extract.free import _classify
    assert _classify("4. 100% cán bộ có trình độ đại học.") == (
        "item1", "100% cán bộ có trình độ đại học.")
    assert _classify("1.000 ha rừng được trồng mới.")[0] == "none"
