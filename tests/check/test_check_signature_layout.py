"""The signature block both ways officers lay it out: in the right cell of a table beside
"Nơi nhận:", or as paragraphs placed on the right with no table (PL1 II.7). Either way it is
found, and what is wrong with it is said precisely: a name not bold, the block not in the right
half, no room to sign between the title and the name.
"""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from support.handmade_docx import handmade

from plangen.check.api import check_docx
from plangen.check.report import finding_text
from plangen.check.result import CheckReport, CheckResult, Finding

LAYOUTS = {"table": {}, "paragraphs": {"signature_layout": "paragraphs"}}
GOOD_PARAGRAPHS = [
    {"signature_align": "right"}, {"signature_align": "indented"},
    {"signature_align": "indented-left"}, {"signature_after": True},
    {"signature_align": "indented", "signature_after": True}]


def signature(report: CheckReport) -> CheckResult:
    return next(r for r in report.results if r.id == "signature")


def failing(report: CheckReport) -> set[str]:
    return {r.id for r in report.results if r.status == "fail"}


def only_signature_fails(changes: dict[str, Any]) -> list[Finding]:
    report = check_docx(handmade(**changes), "signature.docx")
    assert failing(report) == {"signature"}, [finding_text(f, "en") for r in report.failed
                                              for f in r.found]
    return list(signature(report).found)


@pytest.mark.parametrize("placed", GOOD_PARAGRAPHS,
                         ids=["-".join(f"{v}" for v in case.values()) for case in GOOD_PARAGRAPHS])
def test_a_signature_written_as_paragraphs_is_found_and_passes(placed: dict[str, Any]) -> None:
    data = handmade(signature_layout="paragraphs", **placed)
    report = check_docx(data, "paragraphs.docx")
    assert failing(report) == set(), [finding_text(f, "en") for r in report.failed
                                      for f in r.found]
    assert finding_text(signature(report).found[0], "vi") == (
        "ký: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn A")
    read = docx.Document(io.BytesIO(data))
    assert len(read.tables) == 1  # the header table only: no table holds the signature
    name = next(p for p in read.paragraphs if p.text == "Nguyễn Văn A")
    assert name.runs[0].bold
    if placed.get("signature_align", "right") == "right":
        assert name.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_a_signature_in_one_paragraph_with_line_breaks_is_found() -> None:
    """ "TM. ỦY BAN NHÂN DÂN" ↵ "CHỦ TỊCH" ↵ ↵ ↵ ↵ "Nguyễn Văn A" in one right-aligned
    paragraph: the blank lines are the room to sign."""
    good = handmade(signature_layout="paragraphs", signature_room=0)
    document = docx.Document(io.BytesIO(good))
    title = next(p for p in document.paragraphs if p.text == "CHỦ TỊCH")
    name = next(p for p in document.paragraphs if p.text == "Nguyễn Văn A")
    run = title.runs[0]
    for _ in range(4):
        run.add_break()
    run.add_text("Nguyễn Văn A")
    name._p.getparent().remove(name._p)
    buffer = io.BytesIO()
    document.save(buffer)
    report = check_docx(buffer.getvalue(), schemas=None)
    assert failing(report) == set(), [finding_text(f, "en") for r in report.failed
                                      for f in r.found]


@pytest.mark.parametrize("placed", ["center", "left"])
def test_a_block_outside_the_right_half_is_one_finding(placed: str) -> None:
    (finding,) = only_signature_fails({"signature_layout": "paragraphs",
                                       "signature_align": placed})
    assert finding.code == "check_signature_left_half"
    assert finding.where is not None and finding.where.text == "TM. ỦY BAN NHÂN DÂN"
    text = finding_text(finding, "vi")
    align = "giữa" if placed == "center" else "trái"
    assert text.startswith(f"Khối chữ ký chưa nằm ở nửa bên phải trang (đang căn {align}, "
                           "thụt lề trái 0 cm). Khối chữ ký phải ở nửa bên phải: căn phải, "
                           "hoặc thụt lề trái ít nhất 8,25 cm")
    assert "not in the right half" in finding_text(finding, "en")


def test_one_line_out_of_place_is_named() -> None:
    data = handmade(signature_layout="paragraphs")
    document = docx.Document(io.BytesIO(data))
    name = next(p for p in document.paragraphs if p.text == "Nguyễn Văn A")
    name.alignment = WD_ALIGN_PARAGRAPH.LEFT
    buffer = io.BytesIO()
    document.save(buffer)
    report = check_docx(buffer.getvalue(), schemas=None)
    assert failing(report) == {"signature"}
    (finding,) = signature(report).found
    assert finding.code == "check_signature_left_half"
    assert finding.where is not None and finding.where.text == "Nguyễn Văn A"
    assert finding_text(finding, "vi").startswith("Họ tên người ký chưa nằm ở nửa bên phải")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_name_not_bold_is_a_finding_at_the_name(layout: str) -> None:
    (finding,) = only_signature_fails({**LAYOUTS[layout], "signer_bold": False})
    assert finding.code == "check_not_bold"
    assert finding.where is not None and finding.where.text == "Nguyễn Văn A"
    assert finding_text(finding, "vi").startswith("Họ tên người ký phải in đậm. Ở ")
    if layout == "table":
        assert (finding.where.table, finding.where.cell) == (2, 2)
    else:
        assert finding.where.table is None and finding.where.paragraph is not None


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("room", [0, 1])
def test_no_room_to_sign_is_a_finding(layout: str, room: int) -> None:
    (finding,) = only_signature_fails({**LAYOUTS[layout], "signature_room": room})
    assert finding.code == "check_signature_no_room"
    assert finding.where is not None and finding.where.text == "Nguyễn Văn A"
    assert finding.params["found"] < finding.params["want"] == 30
    assert finding_text(finding, "vi").startswith("Giữa dòng chức vụ và họ tên người ký chỉ "
                                                  "để trống ")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_authority_line_in_lowercase_is_a_finding(layout: str) -> None:
    found = only_signature_fails({**LAYOUTS[layout],
                                  "signature": ["Tm. Ủy ban nhân dân", "CHỦ TỊCH"]})
    assert [(f.code, f.where.text if f.where else "") for f in found] == [
        ("check_not_caps", "Tm. Ủy ban nhân dân")]


def without_the_name(data: bytes) -> bytes:
    """`data` with the signer's name paragraph taken out."""
    document = docx.Document(io.BytesIO(data))
    name = next(p for p in document.paragraphs if p.text == "Nguyễn Văn A")
    name._p.getparent().remove(name._p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_block_without_a_name_says_the_name_is_missing() -> None:
    data = handmade(signature_layout="paragraphs")
    report = check_docx(without_the_name(data), schemas=None)
    (finding,) = signature(report).found
    assert finding.code == "check_missing"
    assert finding_text(finding, "vi") == ("Không tìm thấy Họ tên người ký. Ở đoạn 22: "
                                           "“CHỦ TỊCH”.")


def test_a_body_paragraph_in_capitals_is_not_a_signature() -> None:
    """Without a table, "Nơi nhận" or an authority word, a document has no signature: a
    heading in capitals on the right is not taken for one when no name follows it."""
    data = handmade(signature_layout="paragraphs", signature=["CHỦ TỊCH"])
    report = check_docx(without_the_name(data), schemas=None)
    (finding,) = signature(report).found
    assert finding.code == "check_missing" and finding.where is None
