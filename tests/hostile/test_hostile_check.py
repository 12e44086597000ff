"""Hostile .docx files given to `plangen check`: bombs, external entities, cycles, absurd
values. Each ends in a report and exit 1 (or 0 for a sound file), never a traceback or a hang;
the bombs run in a real subprocess with a time limit."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import SMALL_PLAN
from support.docx_helpers import rezipped
from support.hostile_support import ROOT, assert_refused, invoke, no_traceback

from plangen.render.docx import Renderer
from plangen.spec.api import load_plan

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = "word/document.xml"


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    import yaml
    path = tmp_path_factory.mktemp("spec") / "plan.yaml"
    path.write_text(yaml.safe_dump(SMALL_PLAN, allow_unicode=True), encoding="utf-8")
    return Renderer().render(load_plan(path))


def replaced(data: bytes, name: str, content: bytes, *, level: int = 6) -> bytes:
    return rezipped(data, {name: content}, compression=zipfile.ZIP_DEFLATED, level=level)


def check_in_subprocess(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m plangen check`, stopped (and failed) if it runs past the limit."""
    return subprocess.run([sys.executable, "-m", "plangen", "check", str(path), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def body(xml: str) -> bytes:
    return (f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{xml}'
            '<w:sectPr/></w:body></w:document>').encode()


def test_zip_bomb(tmp_path: Path, good: bytes) -> None:
    """70 MB of document.xml in a file of a few dozen kilobytes: refused by size, unread."""
    path = tmp_path / "bom.docx"
    path.write_bytes(replaced(good, DOCUMENT, b" " * (70 * 1024 * 1024), level=9))
    assert path.stat().st_size < 1024 * 1024
    done = check_in_subprocess(path)
    assert done.returncode == 1
    assert "Tệp nén quá lớn khi giải nén" in done.stdout
    no_traceback(done.stdout + done.stderr)


def test_billion_laughs_entities(tmp_path: Path, good: bytes) -> None:
    entities = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefgh", "bcdefghi",
                                                                  strict=True))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document xmlns:w="{W}">'
            '<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>').encode()
    path = tmp_path / "laughs.docx"
    path.write_bytes(replaced(good, DOCUMENT, bomb))
    done = check_in_subprocess(path, "--json")
    assert done.returncode == 1 and "hahahaha" not in done.stdout
    xml = next(c for c in json.loads(done.stdout)["files"][0]["checks"]
               if c["id"] == "package.xml")
    assert xml["status"] == "fail"
    assert {f["code"] for f in xml["found"]} <= {"check_xml_dtd", "check_xml_broken"}


def test_external_entity_is_never_read(tmp_path: Path, good: bytes) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MẬT-KHẨU-123", encoding="utf-8")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
           '</w:body></w:document>').encode()
    path = tmp_path / "xxe.docx"
    path.write_bytes(replaced(good, DOCUMENT, xxe))
    result = invoke("check", path, "--json")
    assert result.exit_code == 1 and "MẬT-KHẨU-123" not in result.output
    no_traceback(result.output)


def test_nesting_beyond_any_reason(tmp_path: Path, good: bytes) -> None:
    depth = 5000
    nested = "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * depth
    path = tmp_path / "sau.docx"
    path.write_bytes(replaced(good, DOCUMENT, body(nested)))
    done = check_in_subprocess(path)
    assert done.returncode == 1 and "không đúng cú pháp XML" in done.stdout
    no_traceback(done.stdout + done.stderr)


def test_style_inheritance_cycle_and_broken_values(tmp_path: Path, good: bytes) -> None:
    styles = (f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="A">'
              '<w:basedOn w:val="B"/><w:rPr><w:sz w:val="abc"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/>'
              '<w:pPr><w:ind w:firstLine="-9e999"/><w:spacing w:line="NaN"/></w:pPr>'
              '</w:style></w:styles>').encode()
    document = body('<w:p><w:pPr><w:pStyle w:val="A"/><w:numPr><w:ilvl w:val="99"/>'
                    '<w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r>'
                    '</w:p>').replace(b"<w:sectPr/>", b'<w:sectPr><w:pgSz w:w="-5" w:h="x"/>'
                                                      b'<w:pgMar w:top="1e9"/></w:sectPr>')
    path = tmp_path / "vong.docx"
    path.write_bytes(replaced(replaced(good, "word/styles.xml", styles), DOCUMENT, document))
    result = invoke("check", path)
    assert result.exit_code == 1
    no_traceback(result.output)
    assert "[KHÔNG ĐẠT] Lề trang" in result.output


def test_relationship_pointing_out_of_the_package(tmp_path: Path, good: bytes) -> None:
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            b'Target="../../../../etc/passwd"/></Relationships>')
    path = tmp_path / "ngoai.docx"
    path.write_bytes(replaced(good, "_rels/.rels", rels))
    result = invoke("check", path)
    assert_refused(result, ("trỏ đến", "Không có nội dung văn bản chính"))
    assert "root:x:0" not in result.output


@pytest.mark.parametrize(("name", "content"), [
    ("old-word.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000),
    ("random.docx", bytes((n * 7919) % 256 for n in range(20_000))),
    ("pdf.docx", b"%PDF-1.7\n" + b"x" * 1000),
])
def test_not_a_docx_at_all(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert_refused(invoke("check", path), ("lưu lại dạng Word Document",))


def test_a_hundred_thousand_empty_paragraphs(tmp_path: Path, good: bytes) -> None:
    path = tmp_path / "dai.docx"
    path.write_bytes(replaced(good, DOCUMENT, body("<w:p/>" * 100_000)))
    done = check_in_subprocess(path, "--json")
    assert done.returncode == 1
    no_traceback(done.stdout + done.stderr)
