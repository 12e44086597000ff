"""Reading messy Word files: numbers typed by hand or made by Word's automatic numbering, soft
line breaks, empty paragraphs, text boxes, tracked changes, merged table cells. Each fixture
is built here with python-docx and lxml; each must extract without a traceback to a spec
that validates and renders."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph

from plangen.extract import ExtractError, Extraction, extract_bytes
from plangen.extract.blocks import Line, Table
from plangen.extract.reader import read_bytes
from plangen.render.docx import render_plan
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"')
CHANGE = 'w:author="Chuyên viên" w:date="2026-03-01T00:00:00Z"'


# ---- building fixtures ------------------------------------------------------------------


def saved(document: Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def add_xml_paragraph(document: Document, inner: str) -> None:
    """A paragraph given as raw WordprocessingML (its children), at the end of the body."""
    paragraph = parse_xml(f"<w:p {NAMESPACES}>{inner}</w:p>")
    document.element.body.insert(len(document.element.body) - 1, paragraph)


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def text_box(lines: list[str]) -> str:
    """A floating text box as Word writes it: a DrawingML choice and a VML fallback that
    repeats the same text."""
    content = "<w:txbxContent>" + "".join(f"<w:p>{run(line)}</w:p>" for line in lines) + \
        "</w:txbxContent>"
    return ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
            "<a:graphic><a:graphicData><wps:wsp><wps:txbx>" + content +
            "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
            "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>" + content +
            "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def add_numbering(document: Document) -> None:
    """numId 90: level 0 "1.", level 1 "a)"; numId 91: a bullet list "-"."""
    numbering = document.part.numbering_part.element
    levels = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
              '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
              '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>')
    bullet = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
              '<w:lvlText w:val="-"/></w:lvl>')
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
                                  f"{levels}</w:abstractNum>"))
    numbering.insert(1, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">'
                                  f"{bullet}</w:abstractNum>"))
    for num_id in ("90", "91"):
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                                   f'<w:abstractNumId w:val="{num_id}"/></w:num>'))


def numbered(document: Document, text: str, num_id: str, level: int = 0) -> Paragraph:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
        "</w:numPr>"))
    return paragraph


def header_table(document: Document) -> None:
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN"
    table.cell(0, 0).add_paragraph("TỈNH ĐẮK LẮK")
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    table.cell(1, 0).text = "Số:      /KH-UBND"
    table.cell(1, 1).text = "Đắk Lắk, ngày      tháng 3 năm 2026"


def messy_plan() -> bytes:
    """A plan as officers' Word files really look."""
    document = docx.Document()
    add_numbering(document)
    header_table(document)
    document.add_paragraph("")
    document.add_paragraph("KẾ HOẠCH")
    summary = document.add_paragraph("Ứng dụng trí tuệ nhân tạo trong giải quyết")
    summary.add_run().add_break()  # a soft line break (Shift+Enter) inside the summary
    summary.add_run("thủ tục hành chính năm 2026")
    document.add_paragraph("")
    document.add_paragraph("Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;")
    document.add_paragraph("Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:")
    document.add_paragraph("I.\tMỤC ĐÍCH, YÊU CẦU")  # typed number, then a tab
    document.add_paragraph("1/ Rút ngắn thời gian giải quyết thủ tục hành chính.")
    document.add_paragraph("2) Bảo đảm an toàn, bảo mật dữ liệu của người dân.")
    document.add_paragraph("")
    document.add_paragraph("II - NHIỆM VỤ")
    numbered(document, "Xây dựng trợ lý ảo", "90")
    numbered(document, "Cơ quan chủ trì: Sở Khoa học và Công nghệ.", "91")
    add_xml_paragraph(document, (
        '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr></w:pPr>'
        + run("Cơ quan phối hợp: ")
        + f'<w:del w:id="1" {CHANGE}><w:r><w:delText>Sở Tư pháp</w:delText></w:r></w:del>'
        + f'<w:ins w:id="2" {CHANGE}>{run("Công an tỉnh")}</w:ins>'))
    numbered(document, "Thời gian thực hiện: Quý III năm 2026.", "91")
    numbered(document, "Kiểm tra, đánh giá", "90")
    numbered(document, "Kiểm tra việc ứng dụng tại các sở, ngành", "90", level=1)
    document.add_paragraph("- Đơn vị thực hiện: Văn phòng Ủy ban nhân dân tỉnh.")
    document.add_paragraph("- Thời gian thực hiện: Hằng năm.")
    numbered(document, "Đánh giá hiệu quả, đề xuất mở rộng", "90", level=1)
    document.add_paragraph("- Cơ quan chủ trì: Sở Nội vụ.")
    document.add_paragraph("III. KINH PHÍ THỰC HIỆN")
    document.add_paragraph("Ngân sách nhà nước theo phân cấp hiện hành.")
    add_xml_paragraph(document, (
        f'<w:pPr><w:rPr><w:del w:id="3" {CHANGE}/></w:rPr></w:pPr>'
        f'<w:del w:id="4" {CHANGE}><w:r><w:delText>Đoạn này đã bị xóa.</w:delText></w:r>'
        "</w:del>"))
    document.add_paragraph("IV. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Sở Khoa học và Công nghệ theo dõi, đôn đốc thực hiện Kế hoạch.")
    add_xml_paragraph(document, f'<w:pPr><w:rPr><w:del w:id="5" {CHANGE}/></w:rPr></w:pPr>'
                      + run("Trên đây là Kế hoạch ứng dụng trí tuệ "))
    document.add_paragraph("nhân tạo của tỉnh./.")
    add_xml_paragraph(document, text_box(["Nơi nhận:", "- Bộ Khoa học và Công nghệ (b/c);",
                                          "- Lưu: VT, KGVX."]))
    signature = document.add_paragraph("KT. CHỦ TỊCH")
    signature.add_run().add_break()
    signature.add_run("PHÓ CHỦ TỊCH")
    for _ in range(3):
        document.add_paragraph("")
    document.add_paragraph("Nguyễn Văn An")
    return saved(document)


@pytest.fixture(scope="module")
def messy() -> Extraction:
    return extract_bytes(messy_plan(), "messy.docx")


def texts(data: bytes) -> list[str]:
    return [b.text for b in read_bytes(data, "x.docx").blocks if isinstance(b, Line)]


# ---- the whole messy plan ---------------------------------------------------------------


def test_a_messy_plan_extracts_to_a_valid_spec(messy: Extraction) -> None:
    assert not messy.issues, "\n".join(issue.format() for issue in messy.issues)
    checked = check_loaded(load_spec_text(messy.yaml_text))
    assert checked.plan is not None
    render_plan(checked.plan)  # and renders (the conftest fixture validates the .docx)


def test_header_summary_and_sections_of_the_messy_plan(messy: Extraction) -> None:
    data = messy.data
    assert data["issuer"] == {"name": "Ủy ban nhân dân tỉnh Đắk Lắk"}
    assert data["number"] is None and data["symbol"] == "KH-UBND"
    assert data["place"] == "Đắk Lắk" and data["date"] == {"month": 3, "year": 2026}
    assert data["summary"] == ("Ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính "
                               "năm 2026")
    assert data["purpose"]["items"] == [
        "Rút ngắn thời gian giải quyết thủ tục hành chính.",
        "Bảo đảm an toàn, bảo mật dữ liệu của người dân."]
    assert data["tasks"]["heading"] == "NHIỆM VỤ"
    assert data["funding"] == {"text": "Ngân sách nhà nước theo phân cấp hiện hành."}


@pytest.mark.parametrize(("title", "summary", "summary_after"), [
    ("KẾ HOẠCH HÀNH ĐỘNG", "Ứng dụng trí tuệ nhân tạo",
     "Hành động ứng dụng trí tuệ nhân tạo"),
    ("KẾ HOẠCH  HÀNH ĐỘNG", "UBND tỉnh ứng dụng trí tuệ nhân tạo",
     "Hành động UBND tỉnh ứng dụng trí tuệ nhân tạo"),
    ("KẾ HOẠCH HÀNH ĐỘNG", "ỨNG DỤNG TRÍ TUỆ NHÂN TẠO TRONG",
     "Hành động ứng dụng trí tuệ nhân tạo trong thủ tục hành chính năm 2026"),
    ("KẾ HOẠCH TRIỂN KHAI", "Nghị quyết số 57-NQ/TW", "Triển khai Nghị quyết số 57-NQ/TW")])
def test_a_plan_titled_ke_hoach_hanh_dong_keeps_its_issuer_and_opens_its_summary(
        title: str, summary: str, summary_after: str) -> None:
    """"KẾ HOẠCH HÀNH ĐỘNG" (as many plans print their type line) is the type line, not the
    issuer's name: NĐ 30's type is "KẾ HOẠCH", so "Hành động" opens the summary, with a
    note; the spec validates and renders."""
    def retitled(parts: dict[str, bytes]) -> None:
        xml = parts["word/document.xml"].decode()
        assert ">KẾ HOẠCH<" in xml and ">Ứng dụng trí tuệ nhân tạo trong giải quyết<" in xml
        xml = xml.replace(">KẾ HOẠCH<", f">{title}<", 1).replace(
            ">Ứng dụng trí tuệ nhân tạo trong giải quyết<", f">{summary}<", 1)
        if summary.isupper():  # the whole summary in capitals, its second line too
            xml = xml.replace(">thủ tục hành chính năm 2026<", ">THỦ TỤC HÀNH CHÍNH NĂM 2026<")
        parts["word/document.xml"] = xml.encode()

    extraction = extract_bytes(rezipped(messy_plan(), retitled), "hanh-dong.docx")
    data = extraction.data
    assert data["issuer"] == {"name": "Ủy ban nhân dân tỉnh Đắk Lắk"}
    assert "doc_type" not in data
    assert data["summary"].startswith(summary_after), data["summary"]
    assert [note.code for note in extraction.notes if note.path == ("summary",)][:1] == [
        "extract_doc_type_words"]
    checked = check_loaded(load_spec_text(extraction.yaml_text))
    assert checked.plan is not None and not checked.errors


def test_automatic_numbering_makes_tasks_sub_tasks_and_role_lines(messy: Extraction) -> None:
    first, second = messy.data["tasks"]["items"]
    assert first["title"] == "Xây dựng trợ lý ảo"
    assert first["lead"] == "Sở Khoa học và Công nghệ"
    assert first["timeline"] == "Quý III năm 2026."
    assert [sub["title"] for sub in second["subtasks"]] == [
        "Kiểm tra việc ứng dụng tại các sở, ngành", "Đánh giá hiệu quả, đề xuất mở rộng"]
    assert second["subtasks"][0]["implementer"] == "Văn phòng Ủy ban nhân dân tỉnh"
    assert second["subtasks"][1]["lead"] == "Sở Nội vụ"


def test_tracked_changes_are_read_accepted(messy: Extraction) -> None:
    assert messy.data["tasks"]["items"][0]["partners"] == "Công an tỉnh"
    assert "Sở Tư pháp" not in messy.yaml_text and "đã bị xóa" not in messy.yaml_text
    assert messy.data["closing"] == "Trên đây là Kế hoạch ứng dụng trí tuệ nhân tạo của tỉnh./."
    assert messy.repairs["insertions"] == 1 and messy.repairs["deletions"] >= 2


def test_a_text_box_is_read_once(messy: Extraction) -> None:
    assert messy.data["recipients"] == ["Bộ Khoa học và Công nghệ (b/c)", "Lưu: VT, KGVX"]
    assert messy.repairs["text_boxes"] == 1


def test_soft_breaks_separate_signature_lines(messy: Extraction) -> None:
    assert messy.data["signature"] == {"lines": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                                       "name": "Nguyễn Văn An"}


# ---- one messy feature at a time --------------------------------------------------------


def one_paragraph_plan(add: Callable[[Document], None]) -> bytes:
    document = docx.Document()
    add(document)
    return saved(document)


def test_empty_paragraphs_and_spaces_leave_no_lines() -> None:
    def add(document: Document) -> None:
        document.add_paragraph("")
        document.add_paragraph("   \u00a0 ")
        document.add_paragraph("Căn cứ  Luật\u00a0Trí tuệ nhân tạo;")
        document.add_paragraph("")

    assert texts(one_paragraph_plan(add)) == ["Căn cứ Luật Trí tuệ nhân tạo;"]


def test_a_soft_break_inside_a_sentence_joins_and_one_after_it_splits() -> None:
    def add(document: Document) -> None:
        paragraph = document.add_paragraph("Tuyên truyền, phổ biến các quy định của Luật")
        paragraph.add_run().add_break()
        paragraph.add_run("Trí tuệ nhân tạo tới các cơ quan, tổ chức;")
        paragraph.add_run().add_break()
        paragraph.add_run("Căn cứ Nghị định số 13/2026/NĐ-CP.")

    assert texts(one_paragraph_plan(add)) == [
        "Tuyên truyền, phổ biến các quy định của Luật Trí tuệ nhân tạo tới các cơ quan, tổ "
        "chức;", "Căn cứ Nghị định số 13/2026/NĐ-CP."]


def test_numbers_typed_by_hand_in_many_ways() -> None:
    from plangen.extract.patterns import marked

    found = [(m.kind, m.number, m.rest) for m in map(marked, [
        "I.\tMỤC ĐÍCH", "II - NHIỆM VỤ", "IV/ TỔ CHỨC", "1/ Mục đích", "2) Yêu cầu",
        "3.Kinh phí", "1.2. Rà soát", "a. Cơ quan chủ trì", "đ) Sản phẩm", "– Sở Tư pháp",
        "• Công an tỉnh", "+ Hội nghị", "15/6 là hạn", "2026 và các năm"])]
    assert found == [
        ("roman", 1, "MỤC ĐÍCH"), ("roman", 2, "NHIỆM VỤ"), ("roman", 4, "TỔ CHỨC"),
        ("item", 1, "Mục đích"), ("item", 2, "Yêu cầu"), ("item", 3, "Kinh phí"),
        ("letter", 2, "Rà soát"), ("letter", 1, "Cơ quan chủ trì"), ("letter", 5, "Sản phẩm"),
        ("dash", 0, "Sở Tư pháp"), ("dash", 0, "Công an tỉnh"), ("plus", 0, "Hội nghị"),
        ("none", 0, "15/6 là hạn"), ("none", 0, "2026 và các năm")]


def test_automatic_numbering_restarts_sub_levels_and_follows_styles() -> None:
    def add(document: Document) -> None:
        add_numbering(document)
        numbered(document, "Một", "90")
        numbered(document, "Một a", "90", 1)
        numbered(document, "Một b", "90", 1)
        numbered(document, "Hai", "90")
        numbered(document, "Hai a", "90", 1)
        numbered(document, "Ý gạch đầu dòng", "91")
        document.add_paragraph("Theo kiểu danh sách", style="List Number")

    assert texts(one_paragraph_plan(add)) == [
        "1. Một", "a) Một a", "b) Một b", "2. Hai", "a) Hai a", "- Ý gạch đầu dòng",
        "1. Theo kiểu danh sách"]


def test_a_whole_deleted_paragraph_and_a_moved_away_run_vanish() -> None:
    def add(document: Document) -> None:
        add_xml_paragraph(document, f'<w:pPr><w:rPr><w:del w:id="1" {CHANGE}/></w:rPr>'
                          f'</w:pPr><w:del w:id="2" {CHANGE}><w:r><w:delText>Bỏ đi.'
                          "</w:delText></w:r></w:del>")
        add_xml_paragraph(document, run("Giữ lại ") + f'<w:moveFrom w:id="3" {CHANGE}>'
                          + run("chữ chuyển đi") + "</w:moveFrom>"
                          + f'<w:moveTo w:id="4" {CHANGE}>{run("chữ chuyển đến")}</w:moveTo>')

    assert texts(one_paragraph_plan(add)) == ["Giữ lại chữ chuyển đến"]


def test_fields_show_their_result_and_hidden_text_stays_hidden() -> None:
    def add(document: Document) -> None:
        add_xml_paragraph(document, (
            run("Trang ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("3")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>'))

    assert texts(one_paragraph_plan(add)) == ["Trang 3"]


def test_merged_appendix_cells_keep_their_columns() -> None:
    def add(document: Document) -> None:
        table = document.add_table(rows=3, cols=4)
        for col, heading in enumerate(("STT", "Nội dung", "Cơ quan chủ trì", "Thời gian")):
            table.cell(0, col).text = heading
        table.cell(1, 0).text, table.cell(2, 0).text = "1", "2"
        table.cell(1, 1).text, table.cell(2, 1).text = "Tuyên truyền", "Tập huấn"
        table.cell(1, 2).merge(table.cell(2, 2)).text = "Sở Tư pháp"
        table.cell(1, 3).text, table.cell(2, 3).text = "Quý I", "Quý II"

    blocks = read_bytes(one_paragraph_plan(add), "x.docx").blocks
    assert blocks == (Table((
        (("STT",), ("Nội dung",), ("Cơ quan chủ trì",), ("Thời gian",)),
        (("1",), ("Tuyên truyền",), ("Sở Tư pháp",), ("Quý I",)),
        (("2",), ("Tập huấn",), ("Sở Tư pháp",), ("Quý II",)))),)


def test_a_two_column_layout_table_is_read_as_lines() -> None:
    def add(document: Document) -> None:
        header_table(document)

    assert texts(one_paragraph_plan(add)) == [
        "ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: /KH-UBND", "Đắk Lắk, ngày tháng 3 năm 2026"]


# ---- files that are not a plan ----------------------------------------------------------


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("data", "code"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "extract_old_doc"),
    (b"%PDF-1.7\n", "extract_pdf"),
    (b"PK\x03\x04 broken", "extract_bad_docx"),
    (zipped({"mimetype": b"application/epub+zip"}), "extract_not_docx"),
    (zipped({"word/document.xml": b"<w:document><unclosed>"}), "extract_bad_docx"),
    (b"K\xea\xf2 ho\xe1ch", "extract_not_utf8"),  # Windows-1258 bytes
], ids=["doc", "pdf", "broken-zip", "other-zip", "bad-xml", "not-utf8"])
def test_what_is_not_a_plan_is_a_clear_error(data: bytes, code: str) -> None:
    with pytest.raises(ExtractError) as caught:
        extract_bytes(data, "ke-hoach")
    assert caught.value.code == code
    assert "ke-hoach" in caught.value.message("vi") and "ke-hoach" in caught.value.message("en")


def test_an_empty_document_still_gives_a_valid_spec_full_of_todos() -> None:
    extraction = extract_bytes(saved(docx.Document()), "trong.docx")
    assert not extraction.errors, "\n".join(issue.format() for issue in extraction.errors)
    todo = {note.path for note in extraction.notes if note.kind == "todo"}
    assert {("issuer", "name"), ("summary",), ("signature", "name")} <= todo


def rezipped(data: bytes, change: Callable[[dict[str, bytes]], None]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    change(parts)
    return zipped(parts)


def small_plan() -> bytes:
    def add(document: Document) -> None:
        document.add_paragraph("KẾ HOẠCH")
        document.add_paragraph("Thử nghiệm trí tuệ nhân tạo")

    return one_paragraph_plan(add)


def test_a_strict_open_xml_file_reads_like_a_usual_one() -> None:
    def to_strict(parts: dict[str, bytes]) -> None:
        parts["word/document.xml"] = parts["word/document.xml"].replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main")

    assert texts(rezipped(small_plan(), to_strict)) == ["KẾ HOẠCH", "Thử nghiệm trí tuệ nhân tạo"]


def test_the_main_part_is_found_through_the_package_relationships() -> None:
    def move(parts: dict[str, bytes]) -> None:
        parts["word/main.xml"] = parts.pop("word/document.xml")
        parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"word/document.xml",
                                                            b"word/main.xml")

    assert texts(rezipped(small_plan(), move)) == ["KẾ HOẠCH", "Thử nghiệm trí tuệ nhân tạo"]


def test_a_footnote_is_reported_not_dropped() -> None:
    def footnote(parts: dict[str, bytes]) -> None:
        parts["word/footnotes.xml"] = (
            f'<w:footnotes {NAMESPACES}><w:footnote w:type="separator" w:id="-1"><w:p>'
            f'{run("---")}</w:p></w:footnote><w:footnote w:id="1"><w:p>'
            f'{run("Luật số 134/2025/QH15.")}</w:p></w:footnote></w:footnotes>').encode()

    extraction = extract_bytes(rezipped(small_plan(), footnote), "x.docx")
    lost = [(n.code, n.params) for n in extraction.notes if n.kind == "lost"]
    assert lost == [("extract_footnote_lost", {"text": "Luật số 134/2025/QH15."})]
    assert "# Không chuyển được: chú thích cuối trang \"Luật số 134/2025/QH15.\"" in \
        extraction.yaml_text


def test_rows_and_cells_inside_content_controls_are_read_by_extract_and_check() -> None:
    """Word wraps rows and cells in content controls (w:sdt) and custom XML; both the importer
    and the checker walk through them (one helper, plangen.wordml)."""
    from plangen.check.format import read_layout
    from plangen.check.package import open_package

    def add(document: Document) -> None:
        table = document.add_table(rows=3, cols=4)
        for col, heading in enumerate(("STT", "Nội dung", "Cơ quan chủ trì", "Thời gian")):
            table.cell(0, col).text = heading
        for row, values in ((1, ("1", "Tuyên truyền", "Sở Tư pháp", "Quý I")),
                            (2, ("2", "Tập huấn", "Sở Nội vụ", "Quý II"))):
            for col, value in enumerate(values):
                table.cell(row, col).text = value
        rows = table._tbl.tr_lst
        sdt = parse_xml(f"<w:sdt {NAMESPACES}><w:sdtPr/><w:sdtContent/></w:sdt>")
        rows[1].addprevious(sdt)
        sdt[1].append(rows[1])  # the first body row inside a content control
        custom = parse_xml(f'<w:customXml {NAMESPACES} w:element="o"/>')
        cell = rows[2].tc_lst[3]
        cell.addprevious(custom)
        custom.append(cell)  # one cell of the second row inside custom XML

    data = one_paragraph_plan(add)
    assert read_bytes(data, "x.docx").blocks == (Table((
        (("STT",), ("Nội dung",), ("Cơ quan chủ trì",), ("Thời gian",)),
        (("1",), ("Tuyên truyền",), ("Sở Tư pháp",), ("Quý I",)),
        (("2",), ("Tập huấn",), ("Sở Nội vụ",), ("Quý II",)))),)
    layout = read_layout(open_package(data))
    assert layout is not None
    assert [(t.rows, t.columns) for t in layout.tables] == [(3, 4)]
    cells = [p.text for p in layout.paragraphs if p.cell is not None]
    assert cells[-4:] == ["2", "Tập huấn", "Sở Nội vụ", "Quý II"]


def _lettered_roles_plan(lvl_text: str) -> bytes:
    """A plan whose role lines are lettered by Word's automatic numbering ("%1." or "%1)"
    on lower-case letters), each task's list restarting at "a"."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="92"><w:lvl w:ilvl="0">'
        f'<w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{lvl_text}"/>'
        "</w:lvl></w:abstractNum>"))
    for num_id in ("92", "93"):
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="92"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    header_table(document)
    for text in ("KẾ HOẠCH", "Tuyên truyền Luật Trí tuệ nhân tạo năm 2026",
                 "I. MỤC ĐÍCH, YÊU CẦU", "Bảo đảm việc thi hành Luật thống nhất.",
                 "II. NHIỆM VỤ", "1. Tuyên truyền, phổ biến pháp luật"):
        document.add_paragraph(text)
    numbered(document, "Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.", "92")
    numbered(document, "Cơ quan phối hợp: Sở Tư pháp.", "92")
    numbered(document, "Thời gian thực hiện: Năm 2026.", "92")
    document.add_paragraph("2. Xây dựng cơ sở dữ liệu")
    numbered(document, "Cơ quan chủ trì: Sở Khoa học và Công nghệ.", "93")
    numbered(document, "Thời gian thực hiện: Quý III năm 2026.", "93")
    for text in ("III. KINH PHÍ THỰC HIỆN", "Ngân sách nhà nước.", "IV. TỔ CHỨC THỰC HIỆN",
                 "Các sở, ngành triển khai thực hiện Kế hoạch này.", "Nơi nhận:",
                 "- Các sở, ban, ngành;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                 "Nguyễn Văn A"):
        document.add_paragraph(text)
    return saved(document)


@pytest.mark.parametrize(("lvl_text", "style", "mark"), [
    ("%1.", "letter_dot", "."), ("%1)", "letter", ")")])
def test_role_lines_lettered_by_automatic_numbering_keep_their_letters(
        lvl_text: str, style: str, mark: str) -> None:
    """Word's "a.", "b." list under a task reads as role lines in the style "letter_dot"
    ("a)", "b)" as "letter"), and the plan renders them back with the same letters."""
    extraction = extract_bytes(_lettered_roles_plan(lvl_text), "plan.docx")
    data = extraction.data
    assert data["tasks"]["role_style"] == style
    first, second = data["tasks"]["items"]
    assert (first["lead"], first["partners"], first["timeline"]) == (
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Tư pháp", "Năm 2026.")
    assert second["lead"] == "Sở Khoa học và Công nghệ" and "role_style" not in second
    checked = check_loaded(load_spec_text(extraction.yaml_text, "plan.yaml"))
    assert checked.plan is not None, [issue.format() for issue in checked.issues]
    lines = [p.text for p in docx.Document(io.BytesIO(render_plan(checked.plan))).paragraphs]
    assert [line for line in lines if line[:2] in (f"a{mark}", f"b{mark}", f"c{mark}")] == [
        f"a{mark} Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.",
        f"b{mark} Cơ quan phối hợp: Sở Tư pháp.", f"c{mark} Thời gian thực hiện: Năm 2026.",
        f"a{mark} Cơ quan chủ trì: Sở Khoa học và Công nghệ.",
        f"b{mark} Thời gian thực hiện: Quý III năm 2026."]
