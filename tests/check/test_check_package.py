"""Package integrity of any .docx: each check passes on plangen's output and fails, by name and
with the part at fault, on a file damaged in one way. Damage never crashes the other checks."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest

from plangen.check import package as check_package
from plangen.check.api import check_docx
from plangen.check.report import finding_text
from plangen.check.result import CheckReport
from plangen.model import Plan
from plangen.render.docx import Renderer

DOCUMENT = "word/document.xml"


@pytest.fixture(scope="module")
def good(renderer: Renderer, make_plan_module: Plan) -> bytes:
    return renderer.render(make_plan_module)


@pytest.fixture(scope="module")
def make_plan_module(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    import yaml
    from conftest import SMALL_PLAN

    from plangen.spec.api import load_plan
    path = tmp_path_factory.mktemp("plan") / "plan.yaml"
    path.write_text(yaml.safe_dump(SMALL_PLAN, allow_unicode=True), encoding="utf-8")
    return load_plan(path)


def rezip(data: bytes, changes: dict[str, bytes | None] | None = None,
          extra: list[tuple[str, bytes]] = ()) -> bytes:  # type: ignore[assignment]
    """`data` with parts replaced (None: removed) and entries added (duplicates allowed)."""
    changes = changes or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in changes:
                if changes[info.filename] is not None:
                    target.writestr(info.filename, changes[info.filename])
            else:
                target.writestr(info, source.read(info))
        for name, content in extra:
            target.writestr(name, content)
    return out.getvalue()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def statuses(report: CheckReport) -> dict[str, str]:
    return {result.id: result.status for result in report.results}


def failed_with(report: CheckReport, check_id: str) -> list[str]:
    result = next(r for r in report.results if r.id == check_id)
    assert result.status == "fail", statuses(report)
    return [finding.code for finding in result.found]


def test_plangen_output_passes_every_package_check(good: bytes) -> None:
    report = check_docx(good)
    assert all(status == "pass" for check_id, status in statuses(report).items()
               if check_id.startswith("package.")), statuses(report)


@pytest.mark.parametrize("data", [b"", b"hello", b"PK\x03\x04broken", b"\x00" * 100])
def test_not_a_zip(data: bytes) -> None:
    report = check_docx(data)
    assert failed_with(report, "package.zip") == ["check_zip_broken"]
    assert all(r.status == "skip" for r in report.results if r.id != "package.zip")
    assert "lưu lại dạng Word Document" in finding_text(report.results[0].found[0], "vi")


def test_truncated_zip(good: bytes) -> None:
    assert "check_zip_broken" in failed_with(check_docx(good[: len(good) // 2]), "package.zip")


DAMAGE: list[tuple[str, Callable[[bytes], bytes], str, str]] = [
    ("no content types", lambda d: rezip(d, {"[Content_Types].xml": None}),
     "package.content-types", "check_part_missing"),
    ("override to a missing part", lambda d: rezip(d, {"word/settings.xml": None}),
     "package.content-types", "check_override_missing"),
    ("part without a content type", lambda d: rezip(d, extra=[("word/extra.bin", b"x")]),
     "package.content-types", "check_no_content_type"),
    ("relationship to a missing part", lambda d: rezip(d, {"word/header2.xml": None}),
     "package.relationships", "check_rel_target_missing"),
    ("duplicate relationship id", lambda d: rezip(d, {
        "word/_rels/document.xml.rels": part(d, "word/_rels/document.xml.rels").replace(
            b'Id="rId5"', b'Id="rId3"')}), "package.relationships", "check_duplicate_rel_id"),
    ("unknown r:id", lambda d: rezip(d, {DOCUMENT: part(d, DOCUMENT).replace(
        b'r:id="rId2"', b'r:id="rId99"')}), "package.relationships", "check_rel_id_unknown"),
    ("malformed styles", lambda d: rezip(d, {"word/styles.xml": b"<w:styles><oops"}),
     "package.xml", "check_xml_broken"),
    ("duplicate style id", lambda d: rezip(d, {"word/styles.xml": part(
        d, "word/styles.xml").replace(b'w:styleId="KHMuc"', b'w:styleId="KHVanBan"')}),
     "package.unique-ids", "check_duplicate_id"),
    ("duplicate bookmark id", lambda d: rezip(d, {DOCUMENT: part(d, DOCUMENT).replace(
        b"<w:body>", b'<w:body><w:p><w:bookmarkStart w:id="1" w:name="a"/>'
                     b'<w:bookmarkStart w:id="1" w:name="b"/></w:p>', 1)}),
     "package.unique-ids", "check_duplicate_id"),
    ("duplicate zip entry", lambda d: rezip(d, extra=[("word/fontTable.xml", b"<a/>")]),
     "package.zip", "check_zip_duplicate"),
    ("a workbook named .docx", lambda d: rezip(d, {"[Content_Types].xml": part(
        d, "[Content_Types].xml").replace(b"wordprocessingml.document.main",
                                          b"spreadsheetml.sheet.main")}),
     "package.word", "check_not_word"),
    ("no document body", lambda d: rezip(d, {DOCUMENT: b'<w:document xmlns:w="http://schemas.'
                                             b'openxmlformats.org/wordprocessingml/2006/main"/>'}),
     "package.word", "check_not_word"),
]


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize(("name", "damage", "check_id", "code"), DAMAGE,
                         ids=[case[0] for case in DAMAGE])
def test_each_kind_of_damage_fails_its_check(good: bytes, name: str,
                                             damage: Callable[[bytes], bytes], check_id: str,
                                             code: str) -> None:
    report = check_docx(damage(good), "damaged.docx")
    assert code in failed_with(report, check_id)
    for result in report.results:  # every finding prints in both languages
        for finding in result.found:
            assert finding_text(finding, "vi") and finding_text(finding, "en")


def test_dtd_and_entity_bomb_are_refused_not_expanded(good: bytes) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'.encode()
                       for p, c in zip("abcdefgh", "bcdefghi", strict=True))
            + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
              b'main"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>')
    report = check_docx(rezip(good, {DOCUMENT: bomb}))
    assert {"check_xml_dtd", "check_xml_broken"} & set(failed_with(report, "package.xml"))
    assert all(r.status == "skip" for r in report.results if r.id in ("margins", "fonts"))


def test_bad_crc_entry(good: bytes) -> None:
    data = bytearray(good)
    offset = data.find(b"word/styles.xml") + len(b"word/styles.xml") + 40
    data[offset] ^= 0xFF  # flip a byte inside the compressed styles part
    report = check_docx(bytes(data))
    codes = [f.code for r in report.results for f in r.found]
    assert {"check_zip_entry", "check_zip_broken", "check_xml_broken"} & set(codes)


def test_oversized_parts_are_not_read(good: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """A zip bomb (a small file unpacking to gigabytes) stops at the size bound."""
    monkeypatch.setattr(check_package, "MAX_PART_BYTES", 1000)
    assert "check_zip_too_big" in failed_with(check_docx(good), "package.zip")
    monkeypatch.setattr(check_package, "MAX_TOTAL_BYTES", 1000)
    assert "check_zip_too_big" in failed_with(check_docx(good), "package.zip")


def test_damage_anywhere_never_crashes(good: bytes) -> None:
    """Flip bytes all through the file: every outcome is a report, never an exception."""
    for offset in range(0, len(good), max(1, len(good) // 150)):
        data = bytearray(good)
        data[offset] ^= 0x55
        report: Any = check_docx(bytes(data))
        assert report.results


def test_the_relationship_id_scan_finds_what_the_plain_regex_finds() -> None:
    """`_prefixed_attributes` only tries the places where "prefix:" occurs: on any bytes it
    finds the matches `finditer` of the same pattern finds, at the same places."""
    import random

    from plangen.check.package import _attribute_pattern, _prefixed_attributes

    pieces = [b" ", b"r", b":", b"id", b"=", b'"', b"'", b"x", b"<", b">", b"\n", b"\t",
              b"rr:", b' r:a="b"', b" r:embed='c'"]
    chooser = random.Random(15)
    for _ in range(20_000):
        data = b"".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 24)))
        for prefix in (b"r", b"rr"):
            want = [(m.span(), m.groups()) for m in _attribute_pattern(prefix).finditer(data)]
            assert [(m.span(), m.groups()) for m in _prefixed_attributes(data, prefix)] == want
