"""A four-section plan reads the same inline syntax as the free structure (plangen/inline.py):
**đậm**, *nghiêng*, __gạch chân__ and ^[chú thích] in the preamble, sections I–IV and the
closing print as Word emphasis and footnotes; an unclosed marker is an error at its column;
the appendix table and the tracking workbook show the words a reader sees; a plan read back
from a document keeps its literal "*" and "__" as characters."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from lxml import etree
from support.docx_helpers import assert_schema_valid, find_paragraph, open_docx
from support.spec_edits import check

from plangen.check.api import check_docx
from plangen.errors import SpecIssue
from plangen.extract import extract_text
from plangen.render.docx import render_plan
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text
from plangen.track.tasks import assignments

MINIMAL = (Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal.yaml").read_text(
    encoding="utf-8")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _spec(*edits: tuple[str, str]) -> str:
    text = MINIMAL
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


MARKED = _spec(
    ("summary: Triển khai thực hiện Luật Trí tuệ nhân tạo trên địa bàn tỉnh\n",
     "summary: Triển khai thực hiện Luật Trí tuệ nhân tạo trên địa bàn tỉnh\n"
     "preamble:\n"
     "  - Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15 (*sau đây gọi tắt là Luật*)"
     "^[Luật có hiệu lực từ ngày 01/3/2026.];\n"),
    ("        - Triển khai kịp thời, đồng bộ, hiệu quả.",
     "        - Triển khai **kịp thời**, đồng bộ, __hiệu quả__."),
    ("      title: Tuyên truyền, phổ biến pháp luật",
     "      title: Tuyên truyền, **phổ biến** pháp luật"),
    ("      timeline: Năm 2026 và các năm tiếp theo",
     "      timeline: Năm 2026 và *các năm tiếp theo*"),
    ("      product: Cơ sở dữ liệu", "      product: Cơ sở dữ liệu **dùng chung**"),
    ("      timeline: Năm 2026\nfunding:",
     "      timeline: Năm 2026\n      product: Báo cáo ^[Gửi Sở Tư pháp.]**tổng hợp**\nfunding:"),
)


def _render(text: str) -> bytes:
    checked = check_loaded(load_spec_text(text, "plan.yaml"))
    assert checked.plan is not None, [issue.format() for issue in checked.errors]
    return render_plan(checked.plan)


def _runs(paragraph: object) -> list[tuple[str, bool, bool, bool]]:
    return [(run.text, bool(run.bold), bool(run.italic), bool(run.underline))
            for run in paragraph.runs if run.text]  # type: ignore[attr-defined]


def test_emphasis_prints_as_word_emphasis_in_every_section() -> None:
    data = _render(MARKED)
    assert_schema_valid(data)
    doc = open_docx(data)
    bullet = find_paragraph(doc, "- Triển khai")
    assert _runs(bullet) == [("- Triển khai ", False, False, False),
                             ("kịp thời", True, False, False),
                             (", đồng bộ, ", False, False, False),
                             ("hiệu quả", False, False, True), (".", False, False, False)]
    assert find_paragraph(doc, "1. Tuyên truyền, phổ biến pháp luật").text == (
        "1. Tuyên truyền, phổ biến pháp luật")
    assert ("phổ biến", True, False, False) in _runs(
        find_paragraph(doc, "1. Tuyên truyền"))
    timeline = find_paragraph(doc, "- Thời gian thực hiện")
    assert ("các năm tiếp theo", False, True, False) in _runs(timeline)
    assert "*" not in "\n".join(p.text for p in doc.paragraphs)
    assert check_docx(data).ok, [str(r) for r in check_docx(data).failed]


def test_a_footnote_in_the_preamble_is_a_word_footnote() -> None:
    data = _render(MARKED)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        notes = etree.fromstring(archive.read("word/footnotes.xml"))
        body = etree.fromstring(archive.read("word/document.xml"))
    texts = ["".join(t.text or "" for t in note.iter(W + "t"))
             for note in notes.iter(W + "footnote") if note.get(W + "type") is None]
    assert [t.strip() for t in texts] == ["Luật có hiệu lực từ ngày 01/3/2026.",
                                          "Gửi Sở Tư pháp."]
    references = list(body.iter(W + "footnoteReference"))
    assert len(references) == 2
    basis = find_paragraph(Document(io.BytesIO(data)), "Căn cứ Luật")
    assert basis.text == ("Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15 (sau đây gọi tắt là "
                          "Luật);")


def _one_issue_at(text: str, code: str, start: str) -> SpecIssue:
    """The one issue `code` of `text`, whose line and column point where `start` begins."""
    issues = [issue for issue in check(text) if issue.code == code]
    assert len(issues) == 1 and issues[0].location is not None
    line = text.splitlines()[issues[0].location.line - 1]
    assert line[issues[0].location.column - 1:].startswith(start)
    return issues[0]


def test_an_unclosed_marker_is_an_error_at_its_line_and_column() -> None:
    text = _spec(("      lead: Sở Khoa học và Công nghệ",
                  '      lead: "Sở Khoa học và *Công nghệ"'))
    message = _one_issue_at(text, "inline_unclosed", "*Công nghệ").format("vi")
    assert "tasks.items[2].lead" in message and "\\*" in message


def test_the_appendix_and_the_workbook_show_the_words_without_markers() -> None:
    data = _render(MARKED)
    doc = open_docx(data)
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    assert "Cơ sở dữ liệu dùng chung" in cells
    assert not any("*" in cell for cell in cells)
    checked = check_loaded(load_spec_text(MARKED, "plan.yaml"))
    assert checked.plan is not None
    work = assignments(checked.plan)
    assert [task.title for task in work.tasks] == [
        "Tuyên truyền, phổ biến pháp luật", "Xây dựng cơ sở dữ liệu"]
    assert work.tasks[0].timeline == "Năm 2026 và các năm tiếp theo"
    assert work.tasks[0].period is not None
    assert work.tasks[1].product == "Báo cáo tổng hợp"


def test_a_plan_read_back_keeps_its_stars_as_characters() -> None:
    source = "\n".join([
        "ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK", "Số: 05/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Đắk Lắk, ngày 13 tháng 4 năm 2026", "KẾ HOẠCH",
        "Triển khai thực hiện Luật Trí tuệ nhân tạo",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
        "- Các chỉ tiêu đánh dấu (*) là chỉ tiêu bắt buộc; mã __01__ giữ nguyên.",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Tuyên truyền (*)",
        "- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.",
        "- Thời gian thực hiện: Năm 2026.",
        "III. KINH PHÍ THỰC HIỆN", "Kinh phí bố trí từ ngân sách nhà nước.",
        "IV. TỔ CHỨC THỰC HIỆN", "Sở Khoa học và Công nghệ theo dõi, đôn đốc.",
        "Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A",
    ])
    extraction = extract_text(source)
    assert "sections" not in extraction.data  # the four fixed sections
    assert not extraction.errors, [issue.format() for issue in extraction.errors]
    data = _render(extraction.yaml_text)
    text = "\n".join(p.text for p in open_docx(data).paragraphs)
    assert "- Các chỉ tiêu đánh dấu (*) là chỉ tiêu bắt buộc; mã __01__ giữ nguyên." in text
    assert "1. Tuyên truyền (*)" in text


def test_an_empty_footnote_is_an_error_at_its_brackets() -> None:
    text = _spec(("      lead: Sở Khoa học và Công nghệ",
                  '      lead: "Sở Khoa học và Công nghệ^[ ]"'))
    issue = _one_issue_at(text, "footnote_empty", "^[ ]")
    assert issue.severity == "error" and "^[]" in issue.format("vi")


def test_a_title_that_is_only_a_footnote_is_an_error() -> None:
    """The item would print as "1." and a footnote mark, with no words."""
    text = _spec(("      title: Tuyên truyền, phổ biến pháp luật",
                  '      title: "^[Theo Kế hoạch của tỉnh.]"'))
    issues = [issue for issue in check(text) if issue.code == "footnote_alone"]
    assert len(issues) == 1 and issues[0].severity == "error"
    assert "tasks.items[1].title" in issues[0].format("vi")
    assert "only a footnote" in issues[0].format("en")
