"""The rendered document as a whole: sections and the appendix, determinism, every spec."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from support.docx_helpers import (
    TWIPS_PER_MM,
    Look,
    all_text,
    assert_schema_valid,
    document_xml,
    look,
    open_docx,
    parts,
    text_of,
    w,
    wval,
)

from plangen.model import Plan
from plangen.render.docx import Renderer, render_plan
from plangen.spec.api import load_plan
from plangen.vntext import BLANK

SPECS = sorted((Path(__file__).resolve().parents[2] / "specs").glob("*.yaml"))
PlanMaker = Callable[[dict[str, Any]], Plan]


@pytest.fixture
def with_appendix(renderer: Renderer, make_plan: PlanMaker, plan_data: dict[str, Any]) -> bytes:
    plan_data["appendix"] = {"title": "Phân công nhiệm vụ", "from_tasks": True}
    return renderer.render(make_plan(plan_data))


def _sections(data: bytes) -> list[etree._Element]:
    return list(document_xml(data).iter(w("sectPr")))


def _size(section: etree._Element) -> tuple[int, int, str | None]:
    size = section.find(w("pgSz"))
    return int(wval(size, "w") or 0), int(wval(size, "h") or 0), wval(size, "orient")


def test_without_appendix_one_portrait_section(renderer: Renderer, make_plan: PlanMaker,
                                                plan_data: dict[str, Any]) -> None:
    data = renderer.render(make_plan(plan_data))
    sections = _sections(data)
    assert len(sections) == 1
    assert _size(sections[0])[:2] == (11906, 16838)
    assert "Phụ lục" not in all_text(data)


def test_appendix_is_its_own_landscape_section(with_appendix: bytes) -> None:
    """The body stays portrait; the appendix is landscape with width and height swapped."""
    body, appendix = _sections(with_appendix)
    assert _size(body) == (11906, 16838, None)
    assert _size(appendix) == (16838, 11906, "landscape")
    assert body.getparent().tag == w("pPr")  # carried by the body's last paragraph
    for section in (body, appendix):
        margins = section.find(w("pgMar"))
        assert 29.9 <= int(wval(margins, "left") or 0) / TWIPS_PER_MM <= 35.1
        assert section.find(w("titlePg")) is not None
        assert {wval(ref, "type") for ref in section.iter(w("headerReference"))} == {
            "default", "first"}


def test_appendix_pages_numbered_from_one(with_appendix: bytes) -> None:
    """PL1 III.1.đ: each appendix is numbered separately."""
    body, appendix = _sections(with_appendix)
    assert wval(appendix.find(w("pgNumType")), "start") == "1"
    assert body.find(w("pgNumType")) is None


def test_appendix_headings(with_appendix: bytes) -> None:
    """PL1 III.1.b–c: "Phụ lục" lowercase bold 14, title caps bold, back-reference italic."""
    doc = open_docx(with_appendix)
    texts = [p.text for p in doc.paragraphs]
    start = texts.index("Phụ lục")
    label, title, reference = doc.paragraphs[start:start + 3]
    assert look(doc, label) == Look(14, True, False, "center")
    assert title.text == "PHÂN CÔNG NHIỆM VỤ" and look(doc, title).bold
    assert reference.text == ("(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 02 năm 2026 của "
                              "Ủy ban nhân dân tỉnh Đắk Lắk)")
    assert look(doc, reference).italic and not look(doc, reference).bold


def test_draft_back_reference_keeps_blanks(renderer: Renderer, make_plan: PlanMaker,
                                           plan_data: dict[str, Any]) -> None:
    del plan_data["number"]
    plan_data["date"] = {"month": 6, "year": 2026}
    plan_data["appendix"] = {"title": "Phân công", "from_tasks": True}
    text = all_text(renderer.render(make_plan(plan_data)))
    assert (f"(Kèm theo Kế hoạch số {BLANK}/KH-UBND ngày {BLANK} tháng 6 năm 2026 của Ủy ban "
            "nhân dân tỉnh Đắk Lắk)") in text


def test_appendix_table(with_appendix: bytes) -> None:
    """Header row repeats, rows never split, STT centered, widths fit landscape A4."""
    doc = open_docx(with_appendix)
    table = doc.tables[-1]._tbl
    rows = table.findall(w("tr"))
    assert [text_of(c) for c in rows[0].findall(w("tc"))] == [
        "STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp",
        "Thời gian thực hiện", "Sản phẩm"]
    assert rows[0].find(f"{w('trPr')}/{w('tblHeader')}") is not None
    assert all(r.find(f"{w('trPr')}/{w('cantSplit')}") is not None for r in rows)
    assert all(r.find(f"{w('trPr')}/{w('tblHeader')}") is None for r in rows[1:])
    widths = [int(wval(c, "w") or 0) for c in table.iter(w("gridCol"))]
    assert sum(widths) <= 16838 - 1701 - 850
    number_cell = doc.tables[-1].cell(1, 0).paragraphs[0]
    assert number_cell.text == "1" and look(doc, number_cell).align == "center"
    # several agencies in one cell, each on its own line
    partners = doc.tables[-1].cell(1, 3).paragraphs
    assert [p.text for p in partners] == ["Sở Tư pháp", "Công an tỉnh"]
    assert len(rows) == 4  # header + 3 leaf tasks (sub-tasks replace their parent)


def test_same_plan_same_bytes(renderer: Renderer, make_plan: PlanMaker,
                              plan_data: dict[str, Any]) -> None:
    """Fixed zip timestamps and core properties (pitfall 13)."""
    plan = make_plan(plan_data)
    first = renderer.render(plan)
    assert renderer.render(plan) == first
    assert Renderer().render(plan) == first


def test_two_plans_back_to_back(renderer: Renderer, make_plan: PlanMaker,
                                plan_data: dict[str, Any]) -> None:
    """One Renderer, two different plans: two different, correct files (pitfall 12)."""
    first_plan = make_plan(plan_data)
    plan_data["summary"] = "Kế hoạch thứ hai"
    plan_data["issuer"]["name"] = "Ủy ban nhân dân tỉnh An Giang"
    plan_data["appendix"] = {"title": "Phân công", "from_tasks": True}
    second_plan = make_plan(plan_data)
    first, second = renderer.render(first_plan), renderer.render(second_plan)
    again = renderer.render(first_plan)
    assert first == again and first != second
    assert "TỈNH ĐẮK LẮK" in all_text(first) and "TỈNH AN GIANG" not in all_text(first)
    assert "TỈNH AN GIANG" in all_text(second) and "Kế hoạch thứ hai" in all_text(second)
    assert len(_sections(first)) == 1 and len(_sections(second)) == 2


def test_render_plan_function_matches_renderer(renderer: Renderer, make_plan: PlanMaker,
                                               plan_data: dict[str, Any]) -> None:
    plan = make_plan(plan_data)
    assert render_plan(plan) == renderer.render(plan)


@pytest.mark.parametrize("spec", SPECS, ids=[spec.stem for spec in SPECS])
def test_every_spec_renders_valid(renderer: Renderer, spec: Path) -> None:
    plan = load_plan(spec)
    data = renderer.render(plan)
    assert_schema_valid(data)
    text = all_text(data)
    assert plan.summary in " ".join(text.split()) and plan.signature.name in text
    for task in plan.tasks.items:
        assert task.title in text
    # an appendix is a section of its own, and so is a plan attached to its decision
    assert len(_sections(data)) == 1 + bool(plan.appendix) + bool(plan.decision) + len(
        plan.appendices)
    names = parts(data)
    assert "docProps/core.xml" in names and "word/styles.xml" in names
