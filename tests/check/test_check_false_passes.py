"""False passes seen on other tools' files: a newline typed inside w:t is a space (Word and
LibreOffice show one), and one finding per paragraph for the trích yếu."""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import SPECS
from support.docx_helpers import with_part

from plangen.check.api import check_docx
from plangen.check.report import finding_text
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan


@pytest.fixture(scope="module")
def document(renderer: Renderer) -> tuple[bytes, str]:
    data = renderer.render(load_plan(SPECS / "dak-lak.yaml"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return data, archive.read("word/document.xml").decode()


def failures(data: bytes, check_id: str) -> list[str]:
    report = check_docx(data, schemas=None)
    found = next(r for r in report.results if r.id == check_id)
    return [finding_text(f, "vi") for f in found.found] if found.status == "fail" else []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_signature_typed_on_one_line_with_a_newline_in_the_text_fails(
        document: tuple[bytes, str], newline: str) -> None:
    data, xml = document
    typed = xml.replace(">KT. CHỦ TỊCH<", "><", 1).replace(
        ">TM. ỦY BAN NHÂN DÂN<", f">TM. ỦY BAN NHÂN DÂN{newline}KT. CHỦ TỊCH<", 1)
    found = failures(with_part(data, "word/document.xml", typed.encode()), "signature")
    assert found == ["Mỗi dòng quyền hạn ký (TM., KT., TL., TUQ., Q.) và chức vụ phải là một "
                     "dòng riêng, đang gõ chung một dòng: “TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH”. "
                     "Ở bảng 2, hàng 1, ô 2: “TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH”."]


def test_real_line_breaks_still_split_lines(document: tuple[bytes, str]) -> None:
    data, xml = document
    broken = xml.replace(">KT. CHỦ TỊCH<", "><", 1).replace(
        ">TM. ỦY BAN NHÂN DÂN<", ">TM. ỦY BAN NHÂN DÂN</w:t><w:br/><w:t>KT. CHỦ TỊCH<", 1)
    assert failures(with_part(data, "word/document.xml", broken.encode()), "signature") == []


def test_summary_not_bold_is_one_finding_per_paragraph(document: tuple[bytes, str]) -> None:
    data, xml = document
    runs = ('<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">Kế hoạch\nnày '
            '</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:br/><w:t>dòng hai </w:t></w:r>'
            '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>ba</w:t></w:r>')
    marker = '<w:pStyle w:val="KHTrichYeu"/></w:pPr>'
    assert marker in xml
    plain = xml.replace(marker, marker + runs, 1)
    found = failures(with_part(data, "word/document.xml", plain.encode()), "title")
    assert len(found) == 1 and found[0].startswith("Trích yếu phải in đậm."), found
