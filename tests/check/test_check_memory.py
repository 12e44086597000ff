"""The in-memory check (check.memory, what batch runs) finds exactly what the file check finds.

Every output of the test corpus — the specs/, the valid test plans, the ai-law example for
provinces and a spread of communes — is checked twice: from the parts as the renderer holds
them, and from the .docx file they zip into. The same documents rendered through templates
that break NĐ 30 (wrong font, margins, paper, page-number size) and damaged packages must give
the same failures both ways, so the comparison covers failing checks too.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from support.corpus import corpus_plans
from support.docx_helpers import rezipped

from plangen.check.api import check_docx
from plangen.check.memory import check_parts, package_from_parts
from plangen.check.result import CheckReport
from plangen.model import Plan
from plangen.render.docx import DEFAULT_TEMPLATE, Renderer

DOCUMENT, STYLES = "word/document.xml", "word/styles.xml"


PLANS = list(corpus_plans())


def same_findings(memory: CheckReport, file: CheckReport) -> None:
    assert [(r.id, r.status) for r in memory.results] == [
        (r.id, r.status) for r in file.results]
    for ours, theirs in zip(memory.results, file.results, strict=True):
        assert ours == theirs, ours.id


def both_ways(renderer: Renderer, plan: Plan) -> tuple[CheckReport, CheckReport]:
    rendered = renderer.render_parts(plan)
    data = renderer.render(plan)  # validated against the XSDs by conftest
    assert rendered.docx() == data  # the parts checked are the bytes written
    return check_parts(rendered.parts, rendered.trees), check_docx(data, schemas=None)


def test_the_corpus_is_broad() -> None:
    names = [name for name, _ in PLANS]
    assert len(names) >= 20 and "variations.yaml" in names
    assert any(plan.appendix is not None for _, plan in PLANS)
    assert any(plan.decision is not None for _, plan in PLANS)


@pytest.mark.parametrize(("name", "plan"), PLANS, ids=[name for name, _ in PLANS])
def test_memory_check_finds_what_the_file_check_finds(renderer: Renderer, name: str,
                                                      plan: Plan) -> None:
    memory, file = both_ways(renderer, plan)
    same_findings(memory, file)
    assert file.ok or plan.decision is not None, name  # a decision is judged as a plan


def retemplate(tmp_path: Path, changes: dict[str, Callable[[bytes], bytes]]) -> Path:
    """The default template with some parts changed."""
    out = tmp_path / "template.docx"
    out.write_bytes(rezipped(DEFAULT_TEMPLATE, dict(changes)))
    return out


BAD_TEMPLATES: dict[str, dict[str, Callable[[bytes], bytes]]] = {
    "arial": {STYLES: lambda d: d.replace(b"Times New Roman", b"Arial")},
    "letter-narrow": {DOCUMENT: lambda d: d.replace(b'w:w="11906" w:h="16838"',
                                                    b'w:w="12240" w:h="15840"').replace(
        b'w:left="1701"', b'w:left="1000"')},
    "red-small": {STYLES: lambda d: d.replace(b'<w:sz w:val="28"/>',
                                              b'<w:sz w:val="20"/><w:color w:val="FF0000"/>')},
}


@pytest.mark.parametrize("case", sorted(BAD_TEMPLATES))
def test_failures_are_the_same_both_ways(tmp_path: Path, case: str) -> None:
    renderer = Renderer(retemplate(tmp_path, BAD_TEMPLATES[case]))
    failed = 0
    for _, plan in PLANS[::4]:
        memory, file = both_ways(renderer, plan)
        same_findings(memory, file)
        failed += not file.ok
    assert failed, f"the {case} template broke no rule: the comparison tests nothing"


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


DAMAGE: dict[str, Callable[[dict[str, bytes]], None]] = {
    "no content types": lambda p: p.pop("[Content_Types].xml"),
    "no settings": lambda p: p.pop("word/settings.xml"),
    "no header": lambda p: p.pop("word/header2.xml"),
    "extra part": lambda p: p.update({"word/extra.bin": b"x"}),
    "broken styles": lambda p: p.update({STYLES: b"<w:styles><oops"}),
    "a DTD": lambda p: p.update({DOCUMENT: b"<!DOCTYPE x []>" + p[DOCUMENT].split(b"?>", 1)[1]}),
    "unknown r:id": lambda p: p.update({DOCUMENT: p[DOCUMENT].replace(b'r:id="rId', b'r:id="x')}),
    "duplicate style": lambda p: p.update({STYLES: p[STYLES].replace(
        b'w:styleId="KHMuc"', b'w:styleId="KHVanBan"')}),
    "deep": lambda p: p.update({DOCUMENT: p[DOCUMENT].replace(
        b"<w:body>", b"<w:body>" + b"<w:sdt>" * 300 + b"</w:sdt>" * 300)}),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
@pytest.mark.parametrize("keep_trees", [False, True])
def test_damaged_parts_fail_the_same_way(renderer: Renderer, case: str,
                                         keep_trees: bool) -> None:
    rendered = renderer.render_parts(PLANS[0][1])
    parts = dict(rendered.parts)
    DAMAGE[case](parts)
    # trees of the changed parts no longer match their bytes: only the others are handed over
    trees = {name: root for name, root in rendered.trees.items()
             if keep_trees and parts.get(name) is rendered.parts.get(name)}
    memory, file = check_parts(parts, trees), check_docx(zipped(parts), schemas=None)
    same_findings(memory, file)
    assert not file.ok


def test_a_tree_too_deep_for_the_checker_is_read_again_from_its_bytes() -> None:
    from lxml import etree

    deep = b"<a>" * 300 + b"</a>" * 300
    tree = etree.fromstring(deep, etree.XMLParser(huge_tree=True))
    package = package_from_parts({"word/x.xml": deep}, {"word/x.xml": tree})
    assert package.xml("word/x.xml") is None
    assert package.findings["xml"][0].code == "check_xml_broken"


def test_a_tree_with_a_dtd_is_read_again_and_reported() -> None:
    from lxml import etree

    data = b"<!DOCTYPE a []><a/>"
    package = package_from_parts({"word/x.xml": data}, {"word/x.xml": etree.fromstring(data)})
    assert package.xml("word/x.xml") is None
    assert package.findings["xml"][0].code == "check_xml_dtd"
