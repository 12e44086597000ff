"""A KẾ HOẠCH typed "by hand" with python-docx, the way officers lay one out in Word.

`handmade()` builds a plan that follows NĐ 30 with direct formatting on python-docx's own
template (theme fonts in the defaults, no plangen styles), so `plangen check` is tested on a
document plangen did not write. Each keyword breaks one thing, for the rule that must catch it.
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from plangen.render.ooxml import insert_ordered
from support.drawn_lines import draw

CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, \
    WD_ALIGN_PARAGRAPH.JUSTIFY
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
DEFAULTS: dict[str, Any] = {
    "paper": (210, 297), "margins": (20, 20, 30, 15), "font": "Times New Roman",
    "agency": ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"], "national_bold": True,
    "motto": "Độc lập - Tự do - Hạnh phúc", "motto_size": 14,
    "number": "Số: 05/KH-UBND", "date": "Đắk Lắk, ngày 05 tháng 02 năm 2026",
    "date_italic": True, "title": "KẾ HOẠCH", "title_align": CENTER,
    "summary": "Triển khai thi hành Luật Trí tuệ nhân tạo",
    "body_align": JUSTIFY, "indent_cm": 1.0, "space_before": 6, "line_spacing": 1.15,
    "body_size": 14, "heading_italic": False, "points_bold": False,
    "label": "Nơi nhận:", "label_underline": False, "label_size": 12,
    "recipients": ["- Bộ Khoa học và Công nghệ (b/c);", "- Các sở, ban, ngành;",
                   "- Lưu: VT, KGVX."],
    "signature": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "signer": "Nguyễn Văn A",
    "page_field": "header", "title_page": True, "color": None,
    "appendix": False, "appendix_label": "Phụ lục", "appendix_landscape": True,
    "header_row": True, "kinh_gui": False,
    # how the lines under the agency, the motto and the summary are made (drawn_lines.py):
    # one kind for all three, or {"agency": …, "motto": …, "summary": …}
    "lines": "shape-anchor",
    # the signature in the right cell of the bottom table, or written as paragraphs (no table)
    # placed "right", "indented" (centred, left indent 8 cm), "indented-left" (9 cm), "center"
    # or "left"; before the recipients or after them
    "signature_layout": "table", "signature_align": "right", "signature_after": False,
    "signer_bold": True, "signature_room": 3,
}
BODY = [
    ("Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;", "basis"),
    ("Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", "text"),
    ("I. MỤC ĐÍCH, YÊU CẦU", "heading"),
    ("1. Mục đích", "item"),
    ("- Triển khai kịp thời, thống nhất các quy định của Luật.", "text"),
    ("2. Yêu cầu", "item"),
    ("a) Rõ người, rõ việc, rõ thời gian hoàn thành.", "point"),
    ("b) Bảo đảm sự phối hợp giữa các cơ quan, đơn vị.", "point"),
    ("II. NHIỆM VỤ", "heading"),
    ("1. Tuyên truyền, phổ biến Luật", "item"),
    ("- Cơ quan chủ trì: Sở Khoa học và Công nghệ.", "text"),
    ("Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh./.", "text"),
]


def handmade(**changes: Any) -> bytes:
    """The .docx bytes of a plan laid out by hand; `changes` override DEFAULTS."""
    unknown = set(changes) - set(DEFAULTS)
    assert not unknown, unknown
    spec = {**DEFAULTS, **changes}
    document = docx.Document()
    _page(document, spec)
    _normal_style(document, spec)
    _header_table(document, spec)
    _title(document, spec)
    _body(document, spec)
    if spec["signature_layout"] == "table":
        _bottom_table(document, spec)
    else:
        _bottom_paragraphs(document, spec)
    _page_numbers(document, spec)
    if spec["appendix"]:
        _appendix(document, spec)
    # python-docx's own template writes <w:zoom w:val="bestFit"/>, which the schema refuses
    for zoom in document.settings.element.findall(qn("w:zoom")):
        zoom.set(qn("w:percent"), "100")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(document: Any, spec: dict[str, Any]) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(spec["paper"][0]), Mm(spec["paper"][1])
    top, bottom, left, right = spec["margins"]
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)


def _normal_style(document: Any, spec: dict[str, Any]) -> None:
    font = document.styles["Normal"].font
    font.name, font.size = spec["font"], Pt(spec["body_size"])
    fonts = document.styles["Normal"].element.rPr.rFonts
    fonts.set(qn("w:eastAsia"), spec["font"])
    fonts.set(qn("w:cs"), spec["font"])
    document.styles["Normal"].paragraph_format.space_after = Pt(0)


def _line(container: Any, text: str, *, size: float, bold: bool = False, italic: bool = False,
          align: Any = CENTER, underline: bool = False) -> Paragraph:
    paragraph = container.add_paragraph() if not isinstance(container, _Cell) or \
        container.paragraphs[0].text or container.paragraphs[0].runs else \
        container.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.first_line_indent = Cm(0)
    run = paragraph.add_run(text)
    run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
    run.font.underline = underline
    return paragraph


def _borderless(table: Any) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    insert_ordered(table._tbl.tblPr, borders)  # schema order: before w:tblLook


def _header_table(document: Any, spec: dict[str, Any]) -> None:
    table = document.add_table(rows=2, cols=2)
    _borderless(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    agency = [_line(left, line, size=13, bold=True) for line in spec["agency"]]
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=spec["national_bold"])
    motto = _line(right, spec["motto"], size=spec["motto_size"], bold=True)
    if agency:
        draw(agency[-1], _line_kind(spec, "agency"))
    draw(motto, _line_kind(spec, "motto"))
    _line(table.cell(1, 0), spec["number"], size=13)
    _line(table.cell(1, 1), spec["date"], size=14, italic=spec["date_italic"])


def _line_kind(spec: dict[str, Any], place: str) -> str | None:
    kinds = spec["lines"]
    kind = kinds.get(place) if isinstance(kinds, dict) else kinds
    # the summary is not in a table: its line is a border when the others are cell borders
    return "bottom-border" if kind == "cell" and place == "summary" else kind


def _title(document: Any, spec: dict[str, Any]) -> None:
    _line(document, spec["title"], size=14, bold=True, align=spec["title_align"])
    summary = _line(document, spec["summary"], size=14, bold=True)
    draw(summary, _line_kind(spec, "summary"))


def _body(document: Any, spec: dict[str, Any]) -> None:
    if spec["kinh_gui"]:
        _body_paragraph(document, spec, "Kính gửi: Các sở, ban, ngành", "text")
    for text, kind in BODY:
        _body_paragraph(document, spec, text, kind)


def _body_paragraph(document: Any, spec: dict[str, Any], text: str, kind: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = spec["body_align"]
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Cm(spec["indent_cm"])
    fmt.space_before, fmt.space_after = Pt(spec["space_before"]), Pt(0)
    fmt.line_spacing = spec["line_spacing"]
    run = paragraph.add_run(text)
    run.font.size = Pt(spec["body_size"])
    run.font.bold = kind in ("heading", "item") or (kind == "point" and spec["points_bold"])
    run.font.italic = kind == "basis" or (kind in ("heading", "item") and spec["heading_italic"])
    if spec["color"]:
        run.font.color.rgb = docx.shared.RGBColor.from_string(spec["color"])


def _bottom_table(document: Any, spec: dict[str, Any]) -> None:
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    _line(left, spec["label"], size=spec["label_size"], bold=True, italic=True, align=LEFT,
          underline=spec["label_underline"])
    for line in spec["recipients"]:
        _line(left, line, size=11, align=LEFT)
    for line in spec["signature"]:
        _line(right, line, size=14, bold=True)
    for _ in range(spec["signature_room"]):
        right.add_paragraph()
    _line(right, spec["signer"], size=14, bold=spec["signer_bold"])


PLACED = {"right": (RIGHT, 0), "indented": (CENTER, 8), "indented-left": (LEFT, 9),
          "center": (CENTER, 0), "left": (LEFT, 0)}


def _bottom_paragraphs(document: Any, spec: dict[str, Any]) -> None:
    """The signature as paragraphs placed on the right, the recipients as paragraphs on the
    left, one block after the other."""
    align, indent = PLACED[spec["signature_align"]]

    def signature() -> None:
        lines = [(line, True) for line in spec["signature"]] + [("", False)] * spec[
            "signature_room"] + [(spec["signer"], spec["signer_bold"])]
        for number, (text, bold) in enumerate(lines):
            paragraph = _line(document, text, size=14, bold=bold, align=align)
            paragraph.paragraph_format.left_indent = Cm(indent)
            paragraph.paragraph_format.space_before = Pt(12 if number == 0 else 0)

    def recipients() -> None:
        label = _line(document, spec["label"], size=spec["label_size"], bold=True, italic=True,
                      align=LEFT, underline=spec["label_underline"])
        label.paragraph_format.space_before = Pt(12)
        for line in spec["recipients"]:
            _line(document, line, size=11, align=LEFT)

    for part in (recipients, signature) if spec["signature_after"] else (signature, recipients):
        part()


def _field(paragraph: Paragraph, instruction: str, size: float) -> None:
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None),
                       (None, "2"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(size)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text and text.strip() != "2":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text or ""


def _page_numbers(document: Any, spec: dict[str, Any]) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = spec["title_page"]
    if spec["page_field"] is None:
        return
    story = section.header if spec["page_field"] == "header" else section.footer
    paragraph = story.paragraphs[0]
    paragraph.alignment = CENTER
    _field(paragraph, "PAGE", 14)


def _appendix(document: Any, spec: dict[str, Any]) -> None:
    section = document.add_section()
    if spec["appendix_landscape"]:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    _line(document, spec["appendix_label"], size=14, bold=True)
    _line(document, "PHÂN CÔNG NHIỆM VỤ", size=14, bold=True)
    table = document.add_table(rows=3, cols=5)
    table.style = document.styles["Table Grid"]
    for column, heading in enumerate(("STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian")):
        table.cell(0, column).text = heading
    for row in (1, 2):
        for column in range(5):
            table.cell(row, column).text = f"{row}.{column}"
    if spec["header_row"]:
        row_props = table.rows[0]._tr.get_or_add_trPr()
        row_props.append(OxmlElement("w:tblHeader"))
