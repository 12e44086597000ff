"""The checker knows two document types: KẾ HOẠCH and the BÁO CÁO on one."""

from __future__ import annotations

from pathlib import Path

import pytest

from plangen.check.api import check_docx
from plangen.model import PlanDate
from plangen.render.docx import render_plan
from plangen.spec.api import load_plan

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("doc_type", "ok"), [("KẾ HOẠCH", True), ("BÁO CÁO", True),
                                              ("THÔNG CÁO", False)])
def test_title_types(doc_type: str, ok: bool) -> None:
    from dataclasses import replace

    plan = replace(load_plan(ROOT / "tests" / "data" / "valid" / "minimal.yaml"),
                   doc_type=doc_type, date=PlanDate(2026, 4, 13))
    report = check_docx(render_plan(plan), "x.docx")
    title = next(result for result in report.results if result.id == "title")
    assert (title.status == "pass") == ok
