"""A word printed bold, italic or underlined inside a line of an old plan comes back in the
spec as the inline syntax (`**…**`, `*…*`, `__…__`) and prints the same again; a line bold
throughout (a title) gets no markers; a text the old plan holds in several places is not
guessed at. The Word files are built with python-docx, and saved again by LibreOffice and
made by pandoc, so the runs are what those programs write."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import require_soffice
from docx.document import Document
from support.docx_helpers import find_paragraph, open_docx
from support.libreoffice_lines import saved_by_libreoffice

from plangen.extract import Extraction, extract_bytes
from plangen.extract.emphasis import BOLD, ITALIC, UNDERLINE, marked, mid_line
from plangen.inline import parse_inline
from plangen.render.docx import render_plan
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text

FRAME = ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK", "Số: 05/KH-UBND",
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
         "Đắk Lắk, ngày 13 tháng 4 năm 2026", "KẾ HOẠCH", "Triển khai công tác năm 2026"]
BACK = ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH", "Nguyễn Văn A"]
# each body line: pieces of (text, look)
Piece = tuple[str, int]
BODY: list[list[Piece]] = [
    [("Căn cứ Luật Trí tuệ nhân tạo (", 0), ("sau đây gọi tắt là Luật", ITALIC), (");", 0)],
    [("I. MỤC ĐÍCH, YÊU CẦU", BOLD)],
    [("1. ", 0), ("Mục đích", BOLD)],
    [("- Nâng cao ", 0), ("hiệu quả", BOLD), (" công tác, ", 0), ("đúng hạn", UNDERLINE),
     (".", 0)],
    [("II. NHIỆM VỤ VÀ GIẢI PHÁP", BOLD)],
    [("1. Tuyên truyền pháp luật", BOLD)],
    [("- Cơ quan chủ trì: Sở Tư pháp.", 0)],
    [("- Thời gian thực hiện: ", 0), ("Quý II/2026", BOLD | ITALIC), (".", 0)],
    [("2. Rà soát văn bản", BOLD)],
    [("- Cơ quan chủ trì: Sở Tư pháp.", 0)],
    [("- Thời gian thực hiện: Năm 2026.", 0)],
    [("III. KINH PHÍ", BOLD)],
    [("Ngân sách nhà nước; đơn giá 5 * 3 triệu, mã __A__.", 0)],
    [("IV. TỔ CHỨC THỰC HIỆN", BOLD)],
    [("Sở Tư pháp", BOLD), (" theo dõi, đôn đốc.", 0)],
]


def _document(body: list[list[Piece]]) -> bytes:
    document: Document = docx.Document()
    for line in FRAME:
        document.add_paragraph(line)
    for pieces in body:
        paragraph = document.add_paragraph()
        for text, look in pieces:
            run = paragraph.add_run(text)
            run.bold = bool(look & BOLD) or None
            run.italic = bool(look & ITALIC) or None
            run.underline = bool(look & UNDERLINE) or None
    for line in BACK:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _extracted(data: bytes) -> Extraction:
    extraction = extract_bytes(data, "cu.docx")
    assert not extraction.errors, [issue.format() for issue in extraction.errors]
    return extraction


def _runs(data: bytes, start: str) -> list[tuple[str, bool, bool, bool]]:
    paragraph = find_paragraph(open_docx(data), start)
    return [(run.text, bool(run.bold), bool(run.italic), bool(run.underline))
            for run in paragraph.runs if run.text]


def _check_spec(extraction: Extraction) -> None:
    data = extraction.data
    assert data["preamble"] == ["Căn cứ Luật Trí tuệ nhân tạo (*sau đây gọi tắt là Luật*);"]
    assert data["purpose"]["items"][0]["bullets"] == [
        "Nâng cao **hiệu quả** công tác, __đúng hạn__."]
    tasks = data["tasks"]["items"]
    assert [task["title"] for task in tasks] == ["Tuyên truyền pháp luật", "Rà soát văn bản"]
    assert tasks[0]["timeline"] == "***Quý II/2026***."
    # "Sở Tư pháp" is in three lines: which one was bold is not guessed
    assert [task["lead"] for task in tasks] == ["Sở Tư pháp", "Sở Tư pháp"]
    assert data["funding"]["text"] == "Ngân sách nhà nước; đơn giá 5 \\* 3 triệu, mã \\_\\_A\\_\\_."


def test_emphasis_inside_a_line_comes_back_as_inline_syntax() -> None:
    _check_spec(_extracted(_document(BODY)))


def test_the_spec_prints_the_same_emphasis_again() -> None:
    extraction = _extracted(_document(BODY))
    checked = check_loaded(load_spec_text(extraction.yaml_text, "plan.yaml"))
    assert checked.plan is not None
    data = render_plan(checked.plan)
    assert _runs(data, "- Nâng cao") == [
        ("- Nâng cao ", False, False, False), ("hiệu quả", True, False, False),
        (" công tác, ", False, False, False), ("đúng hạn", False, False, True),
        (".", False, False, False)]
    assert ("Quý II/2026", True, True, False) in _runs(data, "- Thời gian thực hiện: Quý")
    assert find_paragraph(open_docx(data), "Ngân sách").text == (
        "Ngân sách nhà nước; đơn giá 5 * 3 triệu, mã __A__.")


def test_a_title_bold_throughout_gets_no_markers() -> None:
    extraction = _extracted(_document(BODY))
    assert extraction.data["purpose"]["items"][0]["title"] == "Mục đích"
    assert "**" not in extraction.yaml_text.split("tasks:")[1].split("funding:")[0].replace(
        "***Quý II/2026***", "")


def test_a_plan_saved_by_libreoffice_keeps_its_emphasis(tmp_path: Path) -> None:
    soffice = require_soffice()
    saved = saved_by_libreoffice(soffice, {"cu": _document(BODY)}, tmp_path)["cu"]
    _check_spec(_extracted(saved))


def test_a_plan_made_by_pandoc_keeps_its_emphasis(tmp_path: Path) -> None:
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    lines = [*FRAME, "Căn cứ Luật Trí tuệ nhân tạo (*sau đây gọi tắt là Luật*);",
             "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "\\- Nâng cao **hiệu quả** công tác.",
             "II. NHIỆM VỤ", "1. Tuyên truyền", "\\- Cơ quan chủ trì: Sở Tư pháp.",
             "\\- Thời gian thực hiện: **Quý II/2026**.", "III. KINH PHÍ", "Ngân sách.",
             "IV. TỔ CHỨC THỰC HIỆN", "Sở Tư pháp theo dõi.", *BACK]
    source = tmp_path / "cu.md"
    source.write_text("\n\n".join(line.replace("- ", "\\- ", 1) if line.startswith("- ")
                                  else line for line in lines), encoding="utf-8")
    subprocess.run(["pandoc", str(source), "-o", str(tmp_path / "cu.docx")], check=True,
                   timeout=60)
    data = _extracted((tmp_path / "cu.docx").read_bytes()).data
    assert data["preamble"] == ["Căn cứ Luật Trí tuệ nhân tạo (*sau đây gọi tắt là Luật*);"]
    assert data["purpose"]["items"][0]["bullets"] == ["Nâng cao **hiệu quả** công tác."]
    assert data["tasks"]["items"][0]["timeline"] == "**Quý II/2026**."


def test_a_line_mostly_of_one_emphasis_has_it_as_its_own() -> None:
    text = "1. Tuyên truyền"
    assert mid_line([0, 0, 0, *[BOLD] * 12], text) is None  # the number is not bold
    text = "Thời gian: Quý II"
    looks = [0] * 11 + [BOLD] * 6
    assert mid_line(looks, text) == tuple(looks)


def test_markers_wrap_words_not_spaces_and_parse_back() -> None:
    text = "ab cd ef"
    out = marked(text, [0, 0, BOLD, BOLD, BOLD, BOLD, 0, 0])
    assert out == "ab **cd** ef"
    out = marked(text, [0, 0, 0, BOLD | ITALIC | UNDERLINE, 7, 0, 0, 0])
    assert out == "ab __***cd***__ ef"
    spans = parse_inline(out)
    assert [(s.text, s.bold, s.italic, s.underline) for s in spans] == [
        ("ab ", False, False, False), ("cd", True, True, True), (" ef", False, False, False)]


def test_emphasis_inside_a_table_cell_comes_back() -> None:
    """A bold word and an italic aside in the cells of a table."""
    free = (Path(__file__).resolve().parents[1] / "data" / "free" / "free-minimal.yaml")
    text = free.read_text(encoding="utf-8")
    for old, new in (("[1, Xã Phú Mỡ, 1200, 300]", '[1, "Xã **Phú Mỡ** (vùng lũ)", 1200, 300]'),
                     ("[2, Phường Sông Cầu, 2500.5, 45]",
                      '[2, "Phường Sông Cầu *(dự kiến)*", 2500.5, 45]')):
        assert old in text, old
        text = text.replace(old, new)
    checked = check_loaded(load_spec_text(text, "plan.yaml"))
    assert checked.plan is not None, [issue.format() for issue in checked.errors]
    extraction = _extracted(render_plan(checked.plan))
    cells = [cell if isinstance(cell, str) else cell.get("text")
             for table in _tables(extraction.data) for row in table.get("rows", [])
             for cell in row]
    assert "Xã **Phú Mỡ** (vùng lũ)" in cells
    assert "Phường Sông Cầu *(dự kiến)*" in cells
    # a cell bold throughout (the header's) gets no markers
    assert not any(str(cell).startswith("**") for table in _tables(extraction.data)
                   for row in table.get("header", []) for cell in row)


def _tables(data: object) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    if isinstance(data, dict):
        if isinstance(data.get("table"), dict):
            found.append(data["table"])
        for value in data.values():
            found += _tables(value)
    elif isinstance(data, list):
        for value in data:
            found += _tables(value)
    return found
