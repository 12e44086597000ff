"""Plans given as text (copied from a PDF or a web page): Markdown marks, page numbers,
sentences a page break cut in two, tab-separated appendix rows, and a whole messy plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.seedtext import document_text
from support.wordmatch import in_order_ratio, words

from plangen.extract import Extraction, extract_path, extract_text
from plangen.extract.blocks import Line, Table, continues
from plangen.extract.plaintext import read_text, wrap_width
from plangen.render.docx import render_plan
from plangen.spec.api import check_loaded, load_plan
from plangen.spec.loader import load_spec_text

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"


def lines(text: str) -> list[str]:
    return [b.text for b in read_text(text).blocks if isinstance(b, Line)]


def test_markdown_marks_are_dropped() -> None:
    assert lines("## **KẾ HOẠCH**\n**Triển khai** thi hành Luật\n"
                 "(*sau đây viết tắt là Luật*)\n* Một ý\n\\- Hai ý") == [
        "KẾ HOẠCH", "Triển khai thi hành Luật", "(sau đây viết tắt là Luật)", "- Một ý",
        "- Hai ý"]


def test_a_sentence_cut_by_a_page_break_is_joined_and_the_page_number_dropped() -> None:
    source = read_text("Tuyên truyền, tập huấn, phổ biến các quy định của Luật và các văn bản\n"
                       "\n12\n\nquy định chi tiết thi hành Luật.\n- Cơ quan chủ trì: Sở Tư pháp.")
    assert [(b.text, b.joined) for b in source.blocks if isinstance(b, Line)] == [
        ("Tuyên truyền, tập huấn, phổ biến các quy định của Luật và các văn bản quy định chi "
         "tiết thi hành Luật.", True), ("- Cơ quan chủ trì: Sở Tư pháp.", False)]
    assert source.repairs == {"page_numbers": 1, "joined": 1}


@pytest.mark.parametrize(("before", "after", "joined"), [
    ("Tuyên truyền các quy định của Luật và các văn bản", "quy định chi tiết.", True),
    ("Các sở, ban, ngành tỉnh và các cơ quan, đơn vị,", "Ủy ban nhân dân các xã.", True),
    ("Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;", "thực hiện Quyết định.", False),
    ("1. Tuyên truyền, phổ biến pháp luật cho người dân", "- Cơ quan chủ trì: Sở A.", False),
    ("Nơi nhận:", "- Như trên;", False),
    ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK VÀ CÁC SỞ", "các sở, ngành", False),
    ("Ngắn", "tiếp theo", False),
    # the last "Căn cứ …," and the sentence that issues the plan are two paragraphs
    ("Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh,",
     "Sở Tư pháp ban hành Kế hoạch công tác năm 2026 như sau:", False),
    ("Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh,",
     "Ủy ban nhân dân tỉnh và các sở, ngành liên quan.", True),
    ("Các sở, ban, ngành tỉnh và các cơ quan, đơn vị,", "1- Mục đích", False),
])
def test_which_lines_continue_the_one_before(before: str, after: str, joined: bool) -> None:
    assert continues(before, after) is joined


def test_tab_separated_rows_form_one_table_across_page_breaks() -> None:
    source = read_text("PHỤ LỤC\nSTT\tNội dung\tCơ quan chủ trì\n1\tMột\tSở A\n\n"
                       "\t\tvà Sở B\nSTT\tNội dung\tCơ quan chủ trì\n2\tHai\tSở C\nHết.")
    tables = [b for b in source.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 5
    assert tables[0].rows[2] == ((), (), ("và Sở B",))
    assert lines("PHỤ LỤC\nSTT\tA\tB\n1\tx\ty\nHết.") == ["PHỤ LỤC", "Hết."]


def test_text_with_a_bom_or_windows_line_ends_reads_the_same() -> None:
    from plangen.extract.reader import read_bytes

    plain = read_bytes("KẾ HOẠCH\nTriển khai\n".encode(), "a.txt").blocks
    assert read_bytes("\ufeffKẾ HOẠCH\r\nTriển khai\r\n".encode(), "b.txt").blocks == plain
    assert read_bytes("KẾ HOẠCH\nTriển khai\n".encode("utf-16"), "c.txt").blocks == plain


@pytest.fixture(scope="module")
def messy() -> Extraction:
    return extract_path(DATA / "messy-plan.txt")


def test_the_messy_text_plan_validates(messy: Extraction) -> None:
    assert not messy.issues, "\n".join(issue.format() for issue in messy.issues)


def test_the_messy_text_plan_header_and_front(messy: Extraction) -> None:
    data = messy.data
    assert data["issuer"] == {"name": "Ủy ban nhân dân tỉnh Đắk Lắk"}
    assert (data["number"], data["symbol"], data["place"]) == ("12", "KH-UBND", "Đắk Lắk")
    assert data["date"] == {"day": 5, "month": 3, "year": 2026}
    assert data["summary"] == ("Ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính "
                               "trên địa bàn tỉnh Đắk Lắk năm 2026")
    assert len(data["preamble"]) == 3


def test_the_messy_text_plan_tasks(messy: Extraction) -> None:
    tasks = messy.data["tasks"]
    # each wording of the lead and partners is used once: a tie keeps the default wording
    assert tasks["labels"] == {"product": "Kết quả"}
    first, second, third = tasks["items"]
    assert first["description"] == (
        "Trợ lý ảo trả lời câu hỏi thường gặp về thủ tục hành chính, kết nối với Cổng Dịch vụ "
        "công của tỉnh và các nền tảng số dùng chung.")
    assert first["content"] == ["Thu thập bộ câu hỏi thường gặp;",
                                "Huấn luyện, thử nghiệm trợ lý ảo."]
    assert first["labels"] == {"lead": "Đơn vị chủ trì", "partners": "Đơn vị phối hợp",
                               "timeline": "Thời hạn hoàn thành"}
    assert first["product"] == "Trợ lý ảo vận hành."
    assert second["named_items"] == ["Tập huấn kỹ năng sử dụng trí tuệ nhân tạo",
                                     "Hướng dẫn an toàn dữ liệu"]
    assert second["partners"] == ["Sở Khoa học và Công nghệ", "Trường Chính trị tỉnh"]
    assert "labels" not in second
    assert third["subtasks"][0]["lead"] == "Sở Khoa học và Công nghệ"
    assert third["subtasks"][0]["labels"] == {"lead": "Cơ quan thực hiện"}
    assert third["subtasks"][1]["implementer"] == "Văn phòng Ủy ban nhân dân tỉnh"
    assert third["subtasks"][1]["supervisor"] == "Sở Khoa học và Công nghệ"


def test_the_messy_text_plan_back_matter(messy: Extraction) -> None:
    data = messy.data
    assert data["organization"]["reporting"] == {
        "bullets": ["Báo cáo 6 tháng trước ngày 15/6, báo cáo năm trước ngày 15/12."]}
    assert data["recipients"][-1] == "Lưu: VT, KGVX"
    assert data["drafting_code"] == "NTH_KGVX05_KH"
    assert data["signature"]["lines"] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert data["appendix"]["columns"] == {"content": "Nhiệm vụ", "lead": "Cơ quan chủ trì",
                                           "partners": "Cơ quan phối hợp",
                                           "timeline": "Thời gian"}
    assert "reference" not in data["appendix"]  # plangen writes the same line itself


def test_what_the_spec_cannot_hold_is_kept_as_a_comment_and_reported(
        messy: Extraction) -> None:
    lost = {(note.code, note.path) for note in messy.notes if note.kind == "lost"}
    assert lost == {("extract_tail_lost", ("signature",)),
                    ("extract_appendix_column_lost", ("appendix", "columns")),
                    ("extract_appendix_cell_lost", ("appendix", "rows", 0))}
    assert "# Không chuyển được: ô \"Ưu tiên\"" in messy.yaml_text
    assert "# Không chuyển được: dòng \"(Đã ký)\"" in messy.yaml_text


def test_a_plan_without_sections_keeps_its_text() -> None:
    extraction = extract_text("KẾ HOẠCH\nVề việc thử nghiệm\nMột đoạn văn không có mục nào.\n")
    assert not extraction.errors
    assert extraction.data["summary"] == "Về việc thử nghiệm"
    assert extraction.data["preamble"] == ["Một đoạn văn không có mục nào."]
    assert ("todo", ("purpose",)) in {(n.kind, n.path) for n in extraction.notes}


def test_text_wrapped_at_the_margin_is_told_from_one_paragraph_per_line() -> None:
    def lengths(path: Path) -> list[int]:
        return [len(line.strip()) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and line.count("\t") < 2]

    assert wrap_width(lengths(DATA / "dak-lak-pdftotext.txt")) == 79
    seeds = sorted((Path(__file__).resolve().parents[1] / "data" / "seeds").glob("0*.txt"))
    assert [wrap_width(lengths(seed)) for seed in seeds] == [None, None, None]
    assert wrap_width(lengths(DATA / "messy-plan.txt")) is None


def test_a_plan_printed_to_pdf_and_copied_as_text_comes_back_whole() -> None:
    """pdftotext's output of specs/dak-lak.yaml rendered to PDF by LibreOffice: every line
    wrapped at the margin, page numbers, the header table's cells cut apart."""
    extraction = extract_path(DATA / "dak-lak-pdftotext.txt")
    assert not extraction.issues
    assert extraction.data["date"] == {"month": 6, "year": 2026}
    assert extraction.data["issuer"] == {"name": "Ủy ban nhân dân tỉnh Đắk Lắk"}
    assert extraction.repairs["page_numbers"] == 3
    plan = check_loaded(load_spec_text(extraction.yaml_text)).plan
    assert plan is not None
    original = words(document_text(render_plan(load_plan(
        Path(__file__).resolve().parents[2] / "specs" / "dak-lak.yaml"))))
    again = words(document_text(render_plan(plan)))
    assert in_order_ratio(original, again) >= 0.99
    assert not [note for note in extraction.notes if note.kind != "check"]


def test_an_older_plan_numbered_with_dashes_reads_its_items_and_tasks() -> None:
    """ "I- MỤC ĐÍCH", "1- Mục đích": older plans put a dash where NĐ 30 puts a full stop."""
    source = "\n".join([
        "UBND TỈNH NGHỆ AN", "SỞ TƯ PHÁP", "Số: 215/KH-STP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Nghệ An, ngày 10 tháng 01 năm 2026", "KẾ HOẠCH",
        "Công tác phổ biến, giáo dục pháp luật năm 2026",
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh,",
        "Sở Tư pháp ban hành Kế hoạch công tác phổ biến, giáo dục pháp luật năm 2026 như sau:",
        "I- MỤC ĐÍCH, YÊU CẦU", "1- Mục đích", "Nâng cao hiệu quả công tác phổ biến.",
        "II- NHIỆM VỤ", "1- Tổ chức Hội nghị phổ biến pháp luật",
        "- Đơn vị chủ trì: Phòng Phổ biến, giáo dục pháp luật.",
        "- Thời gian: Quý II/2026.", "2- Biên soạn tài liệu",
        "- Đơn vị chủ trì: Văn phòng Sở.", "- Thời gian: Tháng 6/2026.",
        "III- KINH PHÍ", "Ngân sách nhà nước.",
        "IV- TỔ CHỨC THỰC HIỆN", "1- Văn phòng Sở bảo đảm kinh phí.",
        "Nơi nhận:", "- UBND tỉnh (b/c);", "- Lưu: VT, PBGDPL.", "GIÁM ĐỐC", "Nguyễn Văn Hùng",
    ])
    extraction = extract_text(source)
    assert not extraction.errors, [issue.format() for issue in extraction.errors]
    data = extraction.data
    assert [item["title"] for item in data["tasks"]["items"]] == [
        "Tổ chức Hội nghị phổ biến pháp luật", "Biên soạn tài liệu"]
    assert data["tasks"]["items"][1]["lead"] == "Văn phòng Sở"
    assert data["purpose"]["items"] == [
        {"title": "Mục đích", "text": "Nâng cao hiệu quả công tác phổ biến."}]
    assert data["preamble"] == [
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh,",
        "Sở Tư pháp ban hành Kế hoạch công tác phổ biến, giáo dục pháp luật năm 2026 như sau:"]
    plan = check_loaded(load_spec_text(extraction.yaml_text, "plan.yaml")).plan
    assert plan is not None
    text = document_text(render_plan(plan))
    assert "1. Tổ chức Hội nghị phổ biến pháp luật" in text and "1- " not in text


def test_markdown_emphasis_inside_a_line_is_kept_and_a_bold_heading_is_not_marked() -> None:
    source = "\n".join([
        "ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK", "Số: 05/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Đắk Lắk, ngày 13 tháng 4 năm 2026", "## **KẾ HOẠCH**",
        "Triển khai thi hành Luật",
        "Thực hiện Quyết định số 367/QĐ-TTg của Thủ tướng Chính phủ (*sau đây viết tắt là "
        "Luật*), UBND tỉnh ban hành Kế hoạch như sau:",
        "**I. MỤC ĐÍCH, YÊU CẦU**", "**1. Mục đích**",
        "- Nâng cao **hiệu quả** công tác, ***đúng hạn***.",
        "**II. NHIỆM VỤ**", "**1. Tuyên truyền**", "- Cơ quan chủ trì: Sở Tư pháp.",
        "- Thời gian thực hiện: **Quý II/2026**.",
        "**III. KINH PHÍ**", "Ngân sách nhà nước.", "**IV. TỔ CHỨC THỰC HIỆN**",
        "Sở Tư pháp theo dõi.", "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn A"])
    extraction = extract_text(source)
    assert not extraction.errors, [issue.format() for issue in extraction.errors]
    data = extraction.data
    assert data["preamble"] == [
        "Thực hiện Quyết định số 367/QĐ-TTg của Thủ tướng Chính phủ (*sau đây viết tắt là "
        "Luật*), UBND tỉnh ban hành Kế hoạch như sau:"]
    assert data["purpose"]["items"][0] == {
        "title": "Mục đích", "bullets": ["Nâng cao **hiệu quả** công tác, ***đúng hạn***."]}
    assert data["tasks"]["items"][0]["title"] == "Tuyên truyền"
    assert data["tasks"]["items"][0]["timeline"] == "**Quý II/2026**."
    plan = check_loaded(load_spec_text(extraction.yaml_text, "plan.yaml")).plan
    assert plan is not None
    text = document_text(render_plan(plan))
    assert "(sau đây viết tắt là Luật)" in text and "*" not in text
