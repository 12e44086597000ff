"""The Word template: reproducible, restylable, strict about fields, loaded only once."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, require_soffice
from support.docx_helpers import all_text, assert_schema_valid, document_xml, rezipped, w

from plangen.errors import RenderError
from plangen.model import Plan
from plangen.render.docx import DEFAULT_TEMPLATE, Renderer

PlanMaker = Callable[[dict[str, Any]], Plan]


def _edited_template(tmp_path: Path, part: str, old: str, new: str,
                     *more: tuple[str, str]) -> Path:
    """A copy of the default template with `old` replaced by `new` (and `more` pairs) in one
    part."""
    def replaced(data: bytes) -> bytes:
        text = data.decode("utf-8")
        for before, after in ((old, new), *more):
            assert before in text, f"{before!r} not in {part}"
            text = text.replace(before, after)
        return text.encode("utf-8")

    target = tmp_path / "mau-tinh.docx"
    target.write_bytes(rezipped(DEFAULT_TEMPLATE, {part: replaced}))
    return target


def test_template_has_few_plain_tags() -> None:
    """Structure lives in the data: the template only loops over lists and shows values."""
    text = "\n".join("".join(p.itertext()) for p in
                     document_xml(DEFAULT_TEMPLATE.read_bytes()).iter(w("p")))
    tags = [line for line in text.splitlines() if "{" in line]
    assert len(tags) <= 35
    assert "{%p for para in body %}" in tags and "{{p para }}" in tags


def test_committed_template_matches_build_script(tmp_path: Path) -> None:
    """templates/build_template.py reproduces the committed .docx part for part."""
    sys.path.insert(0, str(ROOT / "templates"))
    try:
        import build_template
    finally:
        sys.path.pop(0)
    out = tmp_path / "rebuilt.docx"
    build_template.save(build_template.build(), out)
    built, committed = zipfile.ZipFile(out), zipfile.ZipFile(DEFAULT_TEMPLATE)
    assert built.namelist() == committed.namelist()
    for name in built.namelist():
        assert built.read(name) == committed.read(name), f"{name} differs: rebuild the template"


def test_template_itself_is_schema_valid() -> None:
    assert_schema_valid(DEFAULT_TEMPLATE.read_bytes())


def test_unknown_field_is_an_error_naming_it(tmp_path: Path, make_plan: PlanMaker,
                                             plan_data: dict[str, Any]) -> None:
    """StrictUndefined: a misspelt field is an error, never a blank (pitfall 3)."""
    template = _edited_template(tmp_path, "word/document.xml", "{{ summary }}",
                                "{{ summary }}{{ summry }}")
    with pytest.raises(RenderError) as caught:
        Renderer(template).render(make_plan(plan_data))
    assert caught.value.code == "template_field"
    assert caught.value.params["field"] == "summry"
    assert "summry" in caught.value.message("vi")


def test_unknown_attribute_is_an_error_naming_it(tmp_path: Path, make_plan: PlanMaker,
                                                 plan_data: dict[str, Any]) -> None:
    template = _edited_template(tmp_path, "word/document.xml", "{{ signature.name }}",
                                "{{ signature.name }}{{ signature.full_name }}")
    with pytest.raises(RenderError) as caught:
        Renderer(template).render(make_plan(plan_data))
    assert caught.value.params["field"] == "full_name"


@pytest.mark.parametrize(("old", "new"), [
    ("{{ summary }}", "{{ summary "),  # docxtpl alone would silently drop the summary
    ("{{ summary }}", "{{ summary | nosuchfilter }}"),
    ("{%p endfor %}", "{%p endfor %} {%p endif %}"),  # two paragraph tags in one paragraph
])
def test_broken_tag_is_reported_at_load(tmp_path: Path, old: str, new: str) -> None:
    template = _edited_template(tmp_path, "word/document.xml", old, new)
    with pytest.raises(RenderError) as caught:
        Renderer(template)
    assert caught.value.code == "template_syntax"
    assert caught.value.params["part"] == "word/document.xml"


def test_tags_that_break_the_xml_are_an_error_not_a_repair(
        tmp_path: Path, make_plan: PlanMaker, plan_data: dict[str, Any]) -> None:
    """An "if" opened in a paragraph and closed in a table cell cuts the XML in two: the result
    is refused with the part named (docxtpl would re-parse it with recover=True, pitfall 1)."""
    template = _edited_template(tmp_path, "word/document.xml", "{{ doc_type }}",
                                "{{ doc_type }}{% if false %}",
                                ("{{ signature.name }}", "{{ signature.name }}{% endif %}"))
    with pytest.raises(RenderError) as caught:
        Renderer(template).render(make_plan(plan_data))
    assert caught.value.code == "render_xml"
    assert caught.value.params["part"] == "word/document.xml"


def test_unsafe_tag_is_refused(tmp_path: Path, make_plan: PlanMaker,
                               plan_data: dict[str, Any]) -> None:
    """Sandboxed Jinja: no access to Python internals from a template (pitfall 4)."""
    template = _edited_template(tmp_path, "word/document.xml", "{{ summary }}",
                                "{{ summary.__class__.__mro__ }}")
    with pytest.raises(RenderError) as caught:
        Renderer(template).render(make_plan(plan_data))
    assert caught.value.code == "template_unsafe"


def test_missing_named_style_is_reported(tmp_path: Path) -> None:
    template = _edited_template(tmp_path, "word/styles.xml", 'w:val="KH Mục"',
                                'w:val="Heading X"')
    with pytest.raises(RenderError) as caught:
        Renderer(template)
    assert caught.value.code == "template_style"
    assert "KH Mục" in caught.value.params["style"]


def test_styles_found_by_name_not_id(tmp_path: Path, make_plan: PlanMaker,
                                     plan_data: dict[str, Any]) -> None:
    """LibreOffice re-saves change style ids; paragraphs follow the renamed id."""
    template = _edited_template(tmp_path, "word/styles.xml", 'w:styleId="KHMuc"',
                                'w:styleId="Dmc1"')
    data = Renderer(template).render(make_plan(plan_data))
    heading = next(p for p in document_xml(data).iter(w("p"))
                   if "".join(p.itertext()).startswith("I. MỤC ĐÍCH"))
    assert heading.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == "Dmc1"


def test_missing_or_broken_template(tmp_path: Path) -> None:
    with pytest.raises(RenderError) as caught:
        Renderer(tmp_path / "khong-co.docx")
    assert caught.value.code == "template_missing"
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(RenderError) as caught:
        Renderer(broken)
    assert caught.value.code == "template_bad"


def test_template_without_appendix_block(tmp_path: Path, make_plan: PlanMaker,
                                         plan_data: dict[str, Any]) -> None:
    """The appendix block may be left out of a template (plans without one render); a plan
    with an appendix is then refused, never rendered without it."""
    start = '<w:p><w:pPr><w:pStyle w:val="KHPhuLucSo"/></w:pPr><w:r><w:t>{%p if appendix %}'
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as source:
        document = source.read("word/document.xml").decode("utf-8")
    end = document.index("{%p endif %}</w:t></w:r></w:p>", document.index(start))
    block = document[document.index(start):end + len("{%p endif %}</w:t></w:r></w:p>")]
    template = _edited_template(tmp_path, "word/document.xml", block, "")
    Renderer(template).render(make_plan(plan_data))  # no appendix: fine
    plan_data["appendix"] = {"title": "Phân công", "from_tasks": True}
    plan = make_plan(plan_data)
    with pytest.raises(RenderError) as caught:
        Renderer(template).render(plan)
    assert caught.value.code == "template_no_appendix"


def test_template_preprocessed_once(monkeypatch: pytest.MonkeyPatch, make_plan: PlanMaker,
                                    plan_data: dict[str, Any]) -> None:
    """docxtpl's preprocessing and the Jinja compile run at load, never per plan."""
    from docxtpl import DocxTemplate
    calls = {"patch": 0}
    original = DocxTemplate.patch_xml

    def counting(self: DocxTemplate, xml: str) -> str:
        calls["patch"] += 1
        return original(self, xml)

    monkeypatch.setattr(DocxTemplate, "patch_xml", counting)
    renderer = Renderer()
    loaded = calls["patch"]
    assert loaded >= 1
    plan = make_plan(plan_data)
    for _ in range(3):
        renderer.render(plan)
    assert calls["patch"] == loaded


def test_template_digest_identifies_the_template(tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    shutil.copy(DEFAULT_TEMPLATE, copy)
    assert Renderer(copy).digest == Renderer().digest
    edited = _edited_template(tmp_path, "word/styles.xml", 'w:val="28"', 'w:val="26"')
    assert Renderer(edited).digest != Renderer().digest


def test_template_resaved_by_libreoffice_still_renders(tmp_path: Path, make_plan: PlanMaker,
                                                       plan_data: dict[str, Any]) -> None:
    """A province restyles the template in LibreOffice and saves it: rendering still works."""
    soffice = require_soffice()
    source = tmp_path / "src" / "ke-hoach.docx"
    source.parent.mkdir()
    shutil.copy(DEFAULT_TEMPLATE, source)
    outdir = tmp_path / "resaved"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir),
                    str(source)], check=True, capture_output=True, timeout=180)
    resaved = outdir / "ke-hoach.docx"
    plan_data["appendix"] = {"title": "Phân công", "from_tasks": True}
    data = Renderer(resaved).render(make_plan(plan_data))
    assert_schema_valid(data)
    text = all_text(data)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "1. Tuyên truyền" in text
    assert "{{" not in text and "{%" not in text
    assert len(list(document_xml(data).iter(w("sectPr")))) == 2
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/document.xml" in archive.namelist()
