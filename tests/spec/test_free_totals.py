"""Total rows anywhere in a data table: a subtotal per group, a grand total that is not last.

A subtotal ({subtotal: …}) adds up the body rows since the previous group, total or subtotal
row; a grand total ({total: …}) adds up every body row of the table, wherever it stands. A
written figure (`values`) that disagrees with the sum is an error at its line and column.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.docx_helpers import open_docx

from plangen.errors import SpecIssue
from plangen.messages import format_path, message
from plangen.model import build_plan
from plangen.render.docx import Renderer
from plangen.spec.loader import load_spec_text
from plangen.spec.validate import validate_spec

FREE = Path(__file__).resolve().parents[1] / "data" / "free" / "free-minimal.yaml"
BASE = FREE.read_text(encoding="utf-8")
ROWS = """          rows:
            - [{group: "I. Phía Đông"}]
            - [1, Xã Phú Mỡ, 1200, 300]
            - [2, Phường Sông Cầu, 2500.5, 45]
          total: {sum: [3, 4], values: ["3.700,5", 345]}
"""
GROUPED = """          rows:
            - [{total: "Tổng số", values: [4700, 360]}]
            - [{group: "I. Phía Đông"}]
            - [1, Xã Phú Mỡ, 1200, 300]
            - [2, Phường Sông Cầu, 2500, 45]
            - [{subtotal: "Cộng I", values: [3700, 345]}]
            - [{group: "II. Phía Tây"}]
            - [3, Xã Ea Bá, 1000, 15]
            - [{subtotal: "", sum: [3], values: [1000]}]
          total: {sum: [3, 4]}
"""


def _spec(rows: str = GROUPED) -> str:
    assert ROWS in BASE
    return BASE.replace(ROWS, rows)


def _issues(text: str) -> list[SpecIssue]:
    return [i for i in validate_spec(load_spec_text(text, "plan.yaml", collect=True))
            if i.severity == "error"]


def _table(text: str):  # type: ignore[no-untyped-def]
    table = build_plan(load_spec_text(text).data).sections[2].content[2].table
    assert table is not None
    return table


def test_grouped_totals_validate() -> None:
    assert _issues(_spec()) == []


def test_each_total_row_adds_up_the_rows_it_covers() -> None:
    rows = _table(_spec()).rows
    texts = [[cell.text for cell in row.cells] for row in rows]
    kinds = [row.kind for row in rows]
    assert kinds == ["total", "group", "body", "body", "subtotal", "group", "body", "subtotal",
                     "total"]
    # a grand total before the rows: all of them, never its own subtotals twice
    assert texts[0] == ["", "Tổng số", "4.700", "360"]
    assert texts[4] == ["", "Cộng I", "3.700", "345"]
    # its own columns (only the third); the default label
    assert texts[7] == ["", "Cộng", "1.000", ""]
    assert texts[-1] == ["", "Tổng cộng", "4.700", "360"]
    assert all(cell.bold for row in rows if row.kind in ("total", "subtotal")
               for cell in row.cells if cell.text)


def test_a_subtotal_right_after_another_total_row_covers_nothing() -> None:
    text = _spec(GROUPED.replace('            - [{group: "II. Phía Tây"}]\n', ""))
    rows = _table(text).rows
    # without the group row, the second subtotal covers the rows since the first subtotal
    assert [c.text for c in rows[6].cells] == ["", "Cộng", "1.000", ""]


# paths as messages print them: counted from 1
@pytest.mark.parametrize(("old", "new", "path", "code"), [
    ("values: [3700, 345]", "values: [3700, 344]",
     "sections[3].content[3].table.rows[5][1].values[2]", "total_mismatch"),
    ('{total: "Tổng số", values: [4700, 360]}', '{total: "Tổng số", values: [4701, 360]}',
     "sections[3].content[3].table.rows[1][1].values[1]", "total_mismatch"),
    ("values: [3700, 345]", "values: [3700]",
     "sections[3].content[3].table.rows[5][1].values", "total_values_count"),
    ("sum: [3], values: [1000]", "sum: [7], values: [1000]",
     "sections[3].content[3].table.rows[8][1].sum[1]", "total_column_outside"),
    ("          total: {sum: [3, 4]}\n", "",
     "sections[3].content[3].table.rows[1][1]", "total_row_no_sum"),
    ("[3, Xã Ea Bá, 1000, 15]", "[3, Xã Ea Bá, {text: 1000, sum: [3]}, 15]",
     "sections[3].content[3].table.rows[7][3].sum", "total_key_alone"),
    ("[3, Xã Ea Bá, 1000, 15]", "[3, Xã Ea Bá, 1000, {subtotal: Cộng}]",
     "sections[3].content[3].table.rows[7][4]", "total_not_alone"),
])
def test_a_wrong_total_row_is_an_error_at_its_place(old: str, new: str, path: str,
                                                     code: str) -> None:
    text = _spec().replace(old, new)
    assert text != _spec(), old
    found = {(format_path(i.path), i.code) for i in _issues(text)}
    assert (path, code) in found, found


def test_a_mismatch_names_the_line_and_column() -> None:
    text = _spec().replace("values: [3700, 345]", "values: [3700, 344]")
    issue = next(i for i in _issues(text) if i.code == "total_mismatch")
    assert issue.location is not None
    line = text.splitlines()[issue.location.line - 1]
    assert "subtotal" in line and line[issue.location.column - 1:].startswith("344")
    assert "345" in issue.format("vi") and "344" in issue.format("en")


def test_a_total_row_in_the_header_is_refused() -> None:
    text = _spec().replace("            - [Bị ngập, Sơ tán]\n",
                           "            - [{total: x, sum: [3]}]\n")
    assert "total_in_header" in {i.code for i in _issues(text)}


@pytest.mark.parametrize(("group", "code"), [
    ("null", "no_value"), ("[]", "bad_type"), ("7", "quote_text")])
def test_a_group_row_that_is_not_text_is_an_issue_not_a_crash(group: str, code: str) -> None:
    text = _spec().replace('[{group: "I. Phía Đông"}]', f"[{{group: {group}}}]")
    assert [(format_path(issue.path), issue.code) for issue in _issues(text)] == [
        ("sections[3].content[3].table.rows[2][1].group", code)]


def test_new_messages_exist_in_both_languages() -> None:
    for code in ("total_not_alone", "total_in_header", "total_row_no_sum", "total_key_alone"):
        vi, en = (message(code, lang, key="sum") for lang in ("vi", "en"))
        assert vi and en and vi != en and "{key}" not in vi + en


def test_total_rows_render_bold_in_place(renderer: Renderer, tmp_path: Path) -> None:
    spec = tmp_path / "plan.yaml"
    spec.write_text(_spec(), encoding="utf-8")
    from plangen.spec.api import load_plan
    doc = open_docx(renderer.render(load_plan(spec)))
    table = next(t for t in doc.tables if any("Cộng I" in c.text for c in t._cells))
    texts = [[c.text for c in row.cells] for row in table.rows]
    first_body = next(i for i, row in enumerate(texts) if "Tổng số" in row)
    assert texts[first_body][2:] == ["4.700", "360"]
    assert texts[first_body + 4][1:] == ["Cộng I", "3.700", "345"]
    assert texts[-1][1:] == ["Tổng cộng", "4.700", "360"]
    cell = table.rows[first_body + 4].cells[2]
    assert all(run.bold for p in cell.paragraphs for run in p.runs)
