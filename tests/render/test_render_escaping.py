"""Every inserted value is XML-escaped exactly once (docx-pitfalls #1): "&", "<", ">", quotes.

docxtpl without autoescape lets "Bộ KH&CN" break the XML, then silently drops text while
repairing it. Here every field a spec can fill carries those characters; the file must stay
schema-valid and show each value exactly as typed (never "&amp;" in the visible text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from support.docx_helpers import (
    all_text,
    assert_schema_valid,
    document_xml,
    open_docx,
    parts,
    w,
)

from plangen.model import Plan
from plangen.render.docx import Renderer
from plangen.vntext import upper

NASTY = "Bộ KH&CN <b>x</b> \"ngoặc\" 'đơn' a>b & c<d"


def _nasty_spec(tag: str) -> dict[str, Any]:
    """A valid spec whose every free-text field holds NASTY plus a field tag (doc_type is
    "KẾ HOẠCH", not free text)."""
    def v(name: str) -> str:
        return f"{name} {NASTY} {tag}"
    return {
        "issuer": {"name": v("issuer"), "parent": v("parent"),
                   "header_lines": [v("line1"), v("line2")]},
        "number": "7",
        "place": v("Place"),  # a place name opens with a capital (PL1 II.4)
        "date": {"day": 1, "month": 1, "year": 2026},
        "summary": v("summary"),
        "preamble": [v("basis"), v("preamble")],
        "purpose": {"heading": v("h1"), "text": v("ptext"),
                    "items": [{"title": v("ititle"), "text": v("itext"),
                               "points": [v("point")], "bullets": [v("bullet")]}, v("plain")]},
        "tasks": {"heading": v("h2"), "text": v("ttext"),
                  "labels": {"lead": v("leadlabel")},
                  "items": [{"id": "a", "title": v("task"), "description": v("desc"),
                             "content": [v("content")], "named_items": [v("named")],
                             "lead": [v("lead1"), v("lead2")], "implementer": v("impl"),
                             "partners": v("partner"), "supervisor": v("super"),
                             "timeline": v("time"), "product": v("product"),
                             "subtasks": [{"id": "b", "title": v("sub"), "lead": v("sublead")}]}]},
        "funding": {"heading": v("h3"), "text": v("fund")},
        "organization": {"heading": v("h4"), "items": [v("org")],
                         "reporting": {"title": v("report"), "text": v("reptext")}},
        "closing": v("closing") + "./.",
        "recipients": [v("recipient"), "Lưu: VT, " + v("archive")],
        "drafting_code": v("code"),
        "signature": {"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": v("signer")},
        "appendix": {"label": v("label"), "title": v("atitle"), "reference": v("ref"),
                     "number_heading": v("stt"),
                     "columns": {"content": v("ccontent"), "lead": v("clead"),
                                 "partners": v("cpartners"), "timeline": v("ctime"),
                                 "product": v("cproduct")},
                     "rows": [{"task": "b", "content": v("row"), "partners": v("rowpartner"),
                               "timeline": v("rowtime"), "product": v("rowproduct")}]},
    }


# issuer.name shows only in the core properties here (header_lines and reference are given)
FIELDS = ("parent", "line1", "line2", "Place", "summary", "basis",
          "preamble", "h1", "ptext", "ititle", "itext", "point", "bullet", "plain", "h2",
          "ttext", "leadlabel", "task", "desc", "content", "named", "lead1", "lead2", "impl",
          "partner", "super", "time", "product", "sub", "sublead", "h3", "fund", "h4", "org",
          "report", "reptext", "closing", "recipient", "archive", "code", "signer", "label",
          "atitle", "ref", "stt", "ccontent", "clead", "cpartners", "ctime", "cproduct", "row",
          "rowpartner", "rowtime", "rowproduct")


@pytest.fixture(scope="module")
def nasty_docx(renderer: Renderer, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    import yaml

    from plangen.spec.api import check_spec
    path = tmp_path_factory.mktemp("nasty") / "nasty.yaml"
    path.write_text(yaml.safe_dump(_nasty_spec("§"), allow_unicode=True), encoding="utf-8")
    checked = check_spec(path)
    assert checked.plan is not None, [issue.format() for issue in checked.errors]
    return renderer.render(checked.plan)


def test_schema_valid_with_markup_characters_everywhere(nasty_docx: bytes) -> None:
    assert_schema_valid(nasty_docx)


# too long for the header's agency column: printed over lines broken at a space (NĐ 30 PL1
# II.2.c), each paragraph's line breaks read as the spaces they replace
HEADER_FIELDS = ("parent", "line1", "line2")


def _paragraph_text(data: bytes) -> str:
    return "\n".join("".join(" " if node.tag == w("br") else node.text or ""
                             for node in par.iter(w("t"), w("br")))
                     for par in document_xml(data).iter(w("p")))


@pytest.mark.parametrize("field", FIELDS)
def test_field_shown_exactly_as_typed(nasty_docx: bytes, field: str) -> None:
    text = _paragraph_text(nasty_docx) if field in HEADER_FIELDS else all_text(nasty_docx)
    typed = f"{field} {NASTY} §"
    assert typed in text or upper(typed) in text, field


def test_nothing_escaped_twice(nasty_docx: bytes) -> None:
    text = all_text(nasty_docx)
    assert "&amp;" not in text and "&lt;" not in text and "&#" not in text
    xml = parts(nasty_docx)["word/document.xml"].decode("utf-8")
    assert "&amp;amp;" not in xml and "&amp;lt;" not in xml


def test_core_properties_escaped(nasty_docx: bytes) -> None:
    props = open_docx(nasty_docx).core_properties
    assert props.title == f"summary {NASTY} §"
    assert props.author == f"issuer {NASTY} §"


def test_spec_text_is_never_run_as_a_template(renderer: Renderer,
                                              make_plan: Callable[[dict[str, Any]], Plan],
                                              plan_data: dict[str, Any]) -> None:
    """Spec values that look like Jinja stay literal text (pitfall 4: no injection)."""
    plan_data["summary"] = "{{ 7*7 }} {% if true %}x{% endif %} {{p body }}"
    text = all_text(renderer.render(make_plan(plan_data)))
    assert "{{ 7*7 }} {% if true %}x{% endif %} {{p body }}" in text
    assert "49" not in text
