"""The starters of `plangen new` and `plangen new --decision` show the free forms as
commented-out examples: uncommented in place of the four fixed sections, they validate, render
to a schema-valid Word file and pass the check."""

from __future__ import annotations

import datetime
from pathlib import Path

from support.docx_helpers import assert_schema_valid, open_docx

from plangen.check.api import check_docx
from plangen.render.docx import Renderer
from plangen.spec.api import check_spec, load_plan
from plangen.spec.starter import starter_spec

MARK = "# ---- Kế hoạch không theo"
TODAY = datetime.date(2026, 3, 2)


def _uncommented(text: str) -> str:
    """What an officer does: delete purpose … organization, remove the "# " of the example."""
    head, free = text.split(MARK, 1)
    head = head[:head.index("purpose:")] + head[head.index("closing:"):]
    lines = free.splitlines()[1:]
    start = next(i for i, line in enumerate(lines) if line.startswith("# sections:"))
    return head + "\n".join(line[2:] for line in lines[start:]) + "\n"


def test_the_starter_as_written_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.yaml"
    text = starter_spec("tỉnh Đắk Lắk", TODAY)
    assert MARK in text
    path.write_text(text, encoding="utf-8")
    checked = check_spec(path)
    assert checked.plan is not None and not checked.errors


def test_the_commented_free_forms_validate_render_and_pass_check(tmp_path: Path) -> None:
    path = tmp_path / "tu-do.yaml"
    path.write_text(_uncommented(starter_spec("tỉnh Đắk Lắk", TODAY)), encoding="utf-8")
    checked = check_spec(path)
    assert checked.plan is not None, [i.format() for i in checked.errors]
    assert not checked.errors and not checked.warnings, [i.format() for i in checked.warnings]
    plan = load_plan(path)
    assert [a.label for a in plan.appendices] == ["Phụ lục I", "Phụ lục II"]
    table = plan.sections[0].content[1].table
    assert table is not None and [c.text for c in table.rows[-1].cells][1:] == [
        "Tổng cộng", "200"]
    data = Renderer().render(plan)
    assert_schema_valid(data)
    report = check_docx(data, "tu-do.docx")
    assert not report.failed, [r.id for r in report.failed]
    xml = data.decode("latin-1")
    assert "word/footnotes.xml" in xml  # the footnote is a real Word footnote


def test_the_decision_starter_stays_valid(tmp_path: Path) -> None:
    path = tmp_path / "qd.yaml"
    path.write_text(starter_spec("tỉnh Đắk Lắk", TODAY, decision=True), encoding="utf-8")
    checked = check_spec(path)
    assert checked.plan is not None and not checked.errors


def test_the_decision_starter_s_free_forms_validate_render_and_pass_check(
        tmp_path: Path) -> None:
    """A plan a decision issues may use free sections too (specs/bo-vhttdl-qd4385.yaml): the
    decision starter shows them, with a required section stated missing and an appendix."""
    text = starter_spec("tỉnh Đắk Lắk", TODAY, decision=True)
    assert MARK in text
    path = tmp_path / "qd-tu-do.yaml"
    path.write_text(_uncommented(text), encoding="utf-8")
    checked = check_spec(path)
    assert checked.plan is not None, [i.format() for i in checked.errors]
    assert not checked.errors and not checked.warnings, [i.format() for i in checked.warnings]
    plan = load_plan(path)
    assert plan.decision is not None and plan.decision.symbol == "QĐ-UBND"
    assert [s.role for s in plan.sections] == ["purpose", "tasks", None, "organization"]
    assert plan.missing == {"funding": "Kinh phí thực hiện ghi tại mục III (Giải pháp thực "
                                       "hiện)."}
    assert [a.label for a in plan.appendices] == ["Phụ lục"]
    data = Renderer().render(plan)
    assert_schema_valid(data)
    report = check_docx(data, "qd-tu-do.docx")
    assert not report.failed, [r.id for r in report.failed]
    texts = [p.text for p in open_docx(data).paragraphs if p.text.strip()]
    assert texts.index("QUYẾT ĐỊNH") < texts.index("KẾ HOẠCH")
    assert any(t.startswith("(Kèm theo Quyết định số") for t in texts)
    # the tasks section prints its role lines lettered, the deadline after them
    start = texts.index("1. Tuyên truyền, phổ biến …")
    assert texts[start + 2:start + 5] == [
        "a) Cơ quan chủ trì: Sở Khoa học và Công nghệ.",
        "b) Cơ quan phối hợp: Sở Văn hóa, Thể thao và Du lịch; Ủy ban nhân dân các xã, phường.",
        "c) Thời hạn hoàn thành: Trong năm 2026."]
    assert "Tổng cộng" in [c.text for t in open_docx(data).tables for r in t.rows
                           for c in r.cells]
    assert "word/footnotes.xml" in data.decode("latin-1")
