"""Build templates/docx/ke-hoach.docx, the Word template plangen renders a KẾ HOẠCH from.

Run `python templates/build_template.py` after changing this file and commit both. The result
is an ordinary Word document: every paragraph uses a named style ("KH Văn bản", "KH Mục" …)
that a province can change in Word or LibreOffice, and holds only a few plain docxtpl tags.
The structure of the body (numbering, role lines) comes from the data, not from the template.
Formatting follows Nghị định 30/2020/NĐ-CP, Phụ lục I (cited as PL1).
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, Twips
from docx.table import Table, _Cell
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from plangen.render import ooxml
from plangen.render.textwidth import bold_width_pt

OUT = Path(__file__).resolve().parent / "docx" / "ke-hoach.docx"
FONT = "Times New Roman"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
# PL1 I.3: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH = ooxml.mm(210 - MARGINS_MM["left"] - MARGINS_MM["right"])
# PL1 IV: the motto column must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (≈ 95.7 mm at 13 pt)
HEADER_LEFT = ooxml.mm(65)
SIGNATURE_LEFT = TEXT_WIDTH // 2
PT = 20  # twips per point
LINE_115 = 276  # 1.15 lines, within PL1 II.6.e's "from single to 1.5 lines"


@dataclass(frozen=True)
class StyleSpec:
    style_id: str
    name: str
    base: str | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    align: str | None = None
    first_line: int | None = None
    before: int | None = None
    after: int | None = None
    line: int | None = None
    exact: bool = False
    keep_next: bool = False
    outline: int | None = None  # 1 for section headings, 2 for item titles (navigation pane)


C, L, J = "center", "left", "both"
STYLES = (
    # body, PL1 II.6.e: justified, 14 pt, first line 1 cm, ≥ 6 pt between, 1–1.5 lines
    StyleSpec("KHVanBan", "KH Văn bản", "Normal", 14, align=J, first_line=567, before=6 * PT,
              after=0, line=LINE_115),
    StyleSpec("KHCanCu", "KH Căn cứ", "KHVanBan", italic=True),  # PL1 II.6.a
    # Word's own heading styles, looking like body text, carry the outline levels: the
    # navigation pane, PDF bookmarks, pandoc and screen readers find the headings through them
    StyleSpec("Heading1", "Heading 1", "KHVanBan", outline=1),
    StyleSpec("Heading2", "Heading 2", "KHVanBan", outline=2),
    StyleSpec("KHMuc", "KH Mục", "Heading1", bold=True, keep_next=True,  # "I. …" caps bold
              outline=1),
    StyleSpec("KHKhoan", "KH Khoản", "Heading2", bold=True, keep_next=True,  # "1. Title"
              outline=2),
    StyleSpec("KHDiem", "KH Điểm", "KHVanBan"),  # "a) …" regular, PL1 II.6.đ
    # the closing stays on the page of the signature block that follows it
    StyleSpec("KHDoanKet", "KH Đoạn kết", "KHVanBan", keep_next=True),
    StyleSpec("KHGachDauDong", "KH Gạch đầu dòng", "KHVanBan"),  # "- …", "+ …", role lines
    # header block: single spacing, centered in its column (PL1 II.1–4)
    StyleSpec("KHPhanDau", "KH Phần đầu", "Normal", 13, align=C, first_line=0, before=0,
              after=0, line=240),
    StyleSpec("KHCoQuanChuQuan", "KH Cơ quan chủ quản", "KHPhanDau", 13),
    StyleSpec("KHTenCoQuan", "KH Tên cơ quan", "KHPhanDau", 13, bold=True),
    StyleSpec("KHSoKyHieu", "KH Số ký hiệu", "KHPhanDau", 13, before=6 * PT),
    StyleSpec("KHQuocHieu", "KH Quốc hiệu", "KHPhanDau", 13, bold=True),
    StyleSpec("KHTieuNgu", "KH Tiêu ngữ", "KHPhanDau", 14, bold=True),
    StyleSpec("KHDiaDanh", "KH Địa danh ngày tháng", "KHPhanDau", 14, italic=True,
              before=6 * PT),
    # a paragraph only as tall as the line it draws
    StyleSpec("KHDuongKe", "KH Đường kẻ", "KHPhanDau", 2, before=4 * PT, line=2 * PT,
              exact=True),
    StyleSpec("KHTenLoai", "KH Tên loại", "KHPhanDau", 14, bold=True, before=24 * PT,
              keep_next=True),
    StyleSpec("KHTrichYeu", "KH Trích yếu", "KHPhanDau", 14, bold=True, keep_next=True),
    # bottom block (PL1 II.7, II.9)
    StyleSpec("KHNoiNhan", "KH Nơi nhận", "KHPhanDau", 12, bold=True, italic=True, align=L),
    StyleSpec("KHNoiNhanMuc", "KH Nơi nhận mục", "KHPhanDau", 11, align=L),
    StyleSpec("KHQuyenHanKy", "KH Quyền hạn ký", "KHPhanDau", 14, bold=True),
    StyleSpec("KHNguoiKy", "KH Người ký", "KHPhanDau", 14, bold=True),
    # appendix (PL1 III.1)
    StyleSpec("KHPhuLucSo", "KH Phụ lục số", "KHPhanDau", 14, bold=True, keep_next=True),
    StyleSpec("KHPhuLucTen", "KH Phụ lục tên", "KHPhanDau", 14, bold=True, keep_next=True),
    StyleSpec("KHPhuLucKemTheo", "KH Phụ lục kèm theo", "KHPhanDau", 14, italic=True,
              after=12 * PT, keep_next=True),
    StyleSpec("KHBangDauCot", "KH Bảng đầu cột", "KHPhanDau", 13, bold=True, before=3 * PT,
              after=3 * PT),
    StyleSpec("KHBang", "KH Bảng", "KHPhanDau", 13, align=L, before=3 * PT, after=3 * PT),
    StyleSpec("KHBangGiua", "KH Bảng giữa", "KHPhanDau", 13, before=3 * PT, after=3 * PT),
    StyleSpec("KHSoTrang", "KH Số trang", "KHPhanDau", 14),  # PL1 I.7: 13–14, centered
)
KEEP_STYLES = {"Normal", "Default Paragraph Font", "Normal Table", "No List"}
ALIGN = {C: WD_ALIGN_PARAGRAPH.CENTER, L: WD_ALIGN_PARAGRAPH.LEFT, J: WD_ALIGN_PARAGRAPH.JUSTIFY}
DROP_RELS = ("stylesWithEffects", "customXml", "numbering", "webSettings", "thumbnail")


def build() -> DocumentObject:
    """The template document."""
    doc = Document()
    _prune(doc)
    _defaults(doc)
    for spec in STYLES:
        _add_style(doc, spec)
    _page_setup(doc)
    _header_block(doc)
    _title_block(doc)
    _tagged(doc, ["{%p for para in body %}", "{{p para }}", "{%p endfor %}"], "KHVanBan")
    _bottom_block(doc)
    _appendix_block(doc)
    props = doc.core_properties
    props.title = "Mẫu Kế hoạch theo Nghị định 30/2020/NĐ-CP (plangen)"
    props.author = props.last_modified_by = "plangen"
    props.created = props.modified = datetime(*FIXED_TIME)
    props.revision = 1
    return doc


def _prune(doc: DocumentObject) -> None:
    """Drop python-docx's sample parts and its 160 unused styles: smaller, faster files."""
    for rels in (doc.part.rels, doc.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in DROP_RELS:
                rels.pop(rid)
    styles = doc.styles.element
    for style in list(styles.iter(ooxml.qn("style"))):
        name = style.find(ooxml.qn("name"))
        if name is None or name.get(ooxml.qn("val")) not in KEEP_STYLES:
            styles.remove(style)
    latent = styles.find(ooxml.qn("latentStyles"))
    if latent is not None:
        styles.remove(latent)
    settings = doc.settings.element
    for tag in ("savePreviewPicture", "rsids"):
        for found in settings.findall(ooxml.qn(tag)):
            settings.remove(found)
    # python-docx's sample writes <w:zoom w:val="bestFit"/>; the schema requires w:percent
    for zoom in settings.findall(ooxml.qn("zoom")):
        zoom.set(ooxml.qn("percent"), "100")
    # the language Word assumes for theme fonts: Vietnamese, not python-docx's en-US/ja-JP
    for theme_lang in settings.findall(ooxml.qn("themeFontLang")):
        theme_lang.attrib.clear()
        theme_lang.set(ooxml.qn("val"), "vi-VN")


def _defaults(doc: DocumentObject) -> None:
    """PL1 I.4: Times New Roman everywhere, Vietnamese language, single spacing by default."""
    defaults = doc.styles.element.find(ooxml.qn("docDefaults"))
    rpr = defaults.find(f"{ooxml.qn('rPrDefault')}/{ooxml.qn('rPr')}")
    ooxml.set_fonts(rpr, FONT)
    ooxml.insert_ordered(rpr, ooxml.element("sz", val="28"))
    ooxml.insert_ordered(rpr, ooxml.element("szCs", val="28"))
    ooxml.insert_ordered(rpr, ooxml.element("lang", val="vi-VN", eastAsia="vi-VN",
                                            bidi="ar-SA"))
    ppr = defaults.find(f"{ooxml.qn('pPrDefault')}/{ooxml.qn('pPr')}")
    ooxml.insert_ordered(ppr, ooxml.element("spacing", after="0", line="240", lineRule="auto"))
    normal = doc.styles["Normal"]
    ooxml.set_fonts(normal.element.get_or_add_rPr(), FONT)
    normal.font.size = Pt(14)


def _add_style(doc: DocumentObject, spec: StyleSpec) -> None:
    style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = spec.style_id
    style.quick_style = True
    if spec.base:
        style.base_style = doc.styles[_name_of(spec.base)]
    font, fmt = style.font, style.paragraph_format
    ooxml.set_fonts(style.element.get_or_add_rPr(), FONT)
    if spec.size:
        font.size = Pt(spec.size)
    font.bold = spec.bold or None
    font.italic = spec.italic or None
    if spec.align:
        fmt.alignment = ALIGN[spec.align]
    if spec.first_line is not None:
        fmt.first_line_indent = Twips(spec.first_line)
    if spec.before is not None:
        fmt.space_before = Twips(spec.before)
    if spec.after is not None:
        fmt.space_after = Twips(spec.after)
    if spec.line is not None:
        fmt.line_spacing = Twips(spec.line) if spec.exact else spec.line / 240
    if spec.keep_next:
        fmt.keep_with_next = True
    if spec.name.startswith("Heading"):  # Word's built-in style, not a custom one
        style.element.attrib.pop(ooxml.qn("customStyle"), None)
    if spec.outline is not None:  # Word counts outline levels from 0
        ppr = style.element.get_or_add_pPr()
        ooxml.insert_ordered(ppr, ooxml.element("outlineLvl", val=str(spec.outline - 1)))


def _name_of(style_id: str) -> str:
    return next((s.name for s in STYLES if s.style_id == style_id), style_id)


def _page_setup(doc: DocumentObject) -> None:
    """PL1 I.1–3, I.7: A4 portrait, NĐ 30 margins, page number in the header but not on page 1."""
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    section.first_page_header.paragraphs[0].style = doc.styles["KH Số trang"]
    header = section.header
    header.is_linked_to_previous = False
    placeholder = header.paragraphs[0]._p
    field = etree.fromstring(f'<w:body xmlns:w="{ooxml.W_NS}">'
                             f'{ooxml.page_number_paragraph("KHSoTrang")}</w:body>')[0]
    placeholder.addnext(field)
    placeholder.getparent().remove(placeholder)


def _borderless(table: Table, widths: tuple[int, ...], top_margin: int = 0) -> None:
    """A layout table: fixed column widths, no borders, no side padding."""
    tbl_pr = table._tbl.tblPr
    ooxml.insert_ordered(tbl_pr, ooxml.element("tblW", w=str(sum(widths)), type="dxa"))
    borders = ooxml.insert_ordered(tbl_pr, ooxml.element("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(ooxml.element(side, val="nil"))
    ooxml.insert_ordered(tbl_pr, ooxml.element("tblLayout", type="fixed"))
    margins = ooxml.insert_ordered(tbl_pr, ooxml.element("tblCellMar"))
    for side, width in (("top", top_margin), ("left", 0), ("bottom", 0), ("right", 0)):
        margins.append(ooxml.element(side, w=str(width), type="dxa"))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Twips(width)


def _fill(cell: _Cell, lines: list[tuple[str, str]]) -> None:
    """Put (text, style name) paragraphs into an empty cell."""
    first = cell.paragraphs[0]
    for index, (text, style) in enumerate(lines):
        par = first if index == 0 else cell.add_paragraph()
        par.style = cell.part.document.styles[style]
        if text:
            par.add_run(text)


def _header_block(doc: DocumentObject) -> None:
    """PL1 IV: agency and number on the left, motto and date on the right; "Số" and the date
    share the second row, so they stay on one line whatever the agency name's length."""
    widths = (HEADER_LEFT, TEXT_WIDTH - HEADER_LEFT)
    table = doc.add_table(rows=2, cols=2)
    _borderless(table, widths)
    _fill(table.cell(0, 0), [
        ("{%p if issuer.parent %}", "KH Cơ quan chủ quản"),
        ("{{ issuer.parent }}", "KH Cơ quan chủ quản"),
        ("{%p endif %}", "KH Cơ quan chủ quản"),
        ("{%p for line in issuer.header_lines %}", "KH Tên cơ quan"),
        ("{{ line }}", "KH Tên cơ quan"),
        ("{%p endfor %}", "KH Tên cơ quan"),
        ("{{p agency_rule }}", "KH Đường kẻ"),
    ])
    _fill(table.cell(0, 1), [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KH Quốc hiệu"),
        (MOTTO, "KH Tiêu ngữ"),
        ("", "KH Đường kẻ"),
    ])
    # PL1 II.1.b: the line under the motto is exactly as long as the motto
    motto_rule = table.cell(0, 1).paragraphs[-1]._p
    length = round(bold_width_pt(MOTTO, 14) * PT)
    side = (widths[1] - length) // 2
    ppr = motto_rule.get_or_add_pPr()
    ooxml.set_border(ppr, "top")
    ooxml.insert_ordered(ppr, ooxml.element("ind", left=str(side), right=str(side)))
    _fill(table.cell(1, 0), [("Số: {{ number }}/{{ symbol }}", "KH Số ký hiệu")])
    _fill(table.cell(1, 1), [("{{ place }}, {{ date }}", "KH Địa danh ngày tháng")])


def _tagged(doc: DocumentObject, lines: list[str], style: str) -> None:
    for line in lines:
        doc.add_paragraph(line, style=doc.styles[_name_of(style)])


def _title_block(doc: DocumentObject) -> None:
    """PL1 II.5.b: "KẾ HOẠCH" and the summary, centered and bold, a short line below."""
    doc.add_paragraph("{{ doc_type }}", style=doc.styles["KH Tên loại"])
    doc.add_paragraph("{{ summary }}", style=doc.styles["KH Trích yếu"])
    doc.add_paragraph("{{p summary_rule }}", style=doc.styles["KH Đường kẻ"])


def _bottom_block(doc: DocumentObject) -> None:
    """PL1 II.7 and II.9: recipients on the left, the signature on the right."""
    widths = (SIGNATURE_LEFT, TEXT_WIDTH - SIGNATURE_LEFT)
    table = doc.add_table(rows=1, cols=2)
    _borderless(table, widths, top_margin=12 * PT)
    # the signature block never breaks across pages: the row moves whole to the next page,
    # and the closing paragraph ("KH Đoạn kết", keep with next) goes with it
    trpr = table.rows[0]._tr.get_or_add_trPr()
    trpr.append(ooxml.element("cantSplit"))
    _fill(table.cell(0, 0), [
        ("Nơi nhận:", "KH Nơi nhận"),
        ("{%p for line in recipients %}", "KH Nơi nhận mục"),
        ("{{ line }}", "KH Nơi nhận mục"),
        ("{%p endfor %}", "KH Nơi nhận mục"),
        ("{%p if drafting_code %}", "KH Nơi nhận mục"),
        ("{{ drafting_code }}", "KH Nơi nhận mục"),
        ("{%p endif %}", "KH Nơi nhận mục"),
    ])
    # four empty lines: room for the handwritten signature and the seal (PL1 II.7–8)
    _fill(table.cell(0, 1), [
        ("{%p for line in signature.lines %}", "KH Quyền hạn ký"),
        ("{{ line }}", "KH Quyền hạn ký"),
        ("{%p endfor %}", "KH Quyền hạn ký"),
        *[("", "KH Người ký")] * 4,
        ("{{ signature.name }}", "KH Người ký"),
    ])


def _appendix_block(doc: DocumentObject) -> None:
    """PL1 III.1: "Phụ lục" (lowercase, bold), title in caps, the italic back-reference, the
    table. plangen puts it in its own landscape section when a plan has one."""
    for text, style in (("{%p if appendix %}", "KH Phụ lục số"),
                        ("{{ appendix.label }}", "KH Phụ lục số"),
                        ("{{ appendix.title }}", "KH Phụ lục tên"),
                        ("{{ appendix.reference }}", "KH Phụ lục kèm theo"),
                        ("{{p appendix.table }}", "KH Bảng"),
                        ("{%p endif %}", "KH Phụ lục số"),
                        ("", "KH Đường kẻ")):
        doc.add_paragraph(text, style=doc.styles[style])


def save(doc: DocumentObject, path: Path) -> None:
    """Save with fixed zip timestamps, so rebuilding gives the same bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def main() -> None:
    save(build(), OUT)
    print(f"Wrote {OUT}")


if __name__ == "__main__":
    main()
