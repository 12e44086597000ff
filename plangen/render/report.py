"""A BÁO CÁO (report) rendered in the plan template's NĐ 30 frame.

The header block, the number and date lines, the title and trích yếu, "Nơi nhận" and the
signature are the template's own, exactly as for a KẾ HOẠCH; the body is a list of `Block`s:
headings, numbered items, paragraphs, dash lines, tables and pictures (a PNG chart). Nothing
here knows what is being reported: the content is decided by the caller.
"""

from __future__ import annotations

import io
import math
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from lxml import etree

from plangen.model import Issuer, PlanDate, Signature
from plangen.render import ooxml
from plangen.render.context import Context, Kind, recipient_lines
from plangen.render.docx import (
    APPENDIX_LABEL_STYLE,
    APPENDIX_TITLE_STYLE,
    DOCUMENT_PART,
    RELS_PART,
    STYLE_OF_KIND,
    TABLE_CENTER_STYLE,
    TABLE_HEAD_STYLE,
    TABLE_STYLE,
    TYPES_PART,
    Renderer,
    zip_parts,
)
from plangen.render.textwidth import bold_width_pt
from plangen.vntext import BLANK, date_words, two_digits, upper

BlockKind = Literal["heading", "item_title", "text", "bullet", "closing", "table", "image"]
_KIND_STYLE: dict[str, Kind] = {"heading": "heading", "item_title": "item_title",
                                 "text": "text", "bullet": "bullet", "closing": "closing"}
EMU_PER_MM = 36000


@dataclass(frozen=True)
class Block:
    """One piece of the body: a paragraph (`text`), a table (`rows`, the first the header;
    `weights` share the text width) or a PNG picture (`image`, `width_mm` wide)."""

    kind: BlockKind
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    weights: tuple[int, ...] = ()
    image: bytes = b""
    width_mm: float = 150
    title: str = ""  # a picture's name, for screen readers


@dataclass(frozen=True)
class ReportDocument:
    """Everything a BÁO CÁO prints, in NĐ 30 order."""

    issuer: Issuer
    number: str | None
    symbol: str
    place: str
    date: PlanDate
    summary: str
    body: tuple[Block, ...]
    recipients: tuple[str, ...]
    signature: Signature
    doc_type: str = "BÁO CÁO"
    drafting_code: str | None = None
    numeric_columns: frozenset[int] = field(default_factory=frozenset)


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels of a PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def render_report(report: ReportDocument, template: Path | str | None = None) -> bytes:
    """The .docx bytes of `report`, through the plan template (default: plangen's own)."""
    renderer = Renderer(template)
    context = Context(
        issuer=Issuer(report.issuer.name, tuple(upper(line) for line in
                                                report.issuer.header_lines),
                      upper(report.issuer.parent) if report.issuer.parent else None),
        number=two_digits(int(report.number)) if report.number else BLANK,
        symbol=report.symbol,
        place=report.place,
        date=date_words(report.date.day, report.date.month, report.date.year),
        doc_type=upper(report.doc_type),
        summary=report.summary,
        body=(),
        recipients=recipient_lines(report.recipients),
        drafting_code=report.drafting_code,
        signature=Signature(tuple(upper(line) for line in report.signature.lines),
                            report.signature.name),
        appendix=None,
        created=f"{report.date.year:04d}-{report.date.month or 1:02d}-"
                f"{report.date.day or 1:02d}T00:00:00Z",
    )
    body: list[str] = []
    media: list[tuple[str, str, bytes]] = []
    width = renderer.text_width()
    for block in report.body:
        if block.kind == "table":
            body.append(_table(renderer, block, width))
        elif block.kind == "image":
            rel_id, name = f"rIdPlangenImage{len(media) + 1}", f"media/image{len(media) + 1}.png"
            media.append((rel_id, name, block.image))
            body.append(_picture(renderer, block, rel_id, len(media), width))
        else:
            style = renderer.style_id(STYLE_OF_KIND[_KIND_STYLE[block.kind]])
            body.append(ooxml.paragraph(style, [ooxml.run(block.text)]))
    return renderer.render_document(context, body, media)


def _table(renderer: Renderer, block: Block, width: int) -> str:
    columns = len(block.rows[0])
    widths = fitted_widths(list(block.weights) or [1] * columns, width, block.rows[0])
    head = renderer.style_id(TABLE_HEAD_STYLE)
    left, center = renderer.style_id(TABLE_STYLE), renderer.style_id(TABLE_CENTER_STYLE)
    rows = []
    for index, row in enumerate(block.rows):
        cells = []
        for column, text in enumerate(row):
            style = head if index == 0 else (left if column == 1 else center)
            cells.append([ooxml.paragraph(style, [ooxml.run(text)])])
        rows.append(cells)
    return ooxml.table(widths, rows, header_rows=1)


HEAD_SIZE_PT = 13  # the template's table heading style (KH Bảng đầu cột)
CELL_PADDING = 2 * 108  # Word's default left and right cell margins, twips


def fitted_widths(weights: list[int], width: int, headings: tuple[str, ...]) -> list[int]:
    """Column widths (twips) summing to `width`, shared by `weights`, but none narrower than
    the longest word of its heading set bold: a heading wraps between words, never inside
    one ("Số nhiệm vụ", not "Số nhiệ / m vụ"; "STT", not "ST / T"). When even the words do
    not fit, the shares are the words' widths."""
    least = [math.ceil(max((bold_width_pt(word, HEAD_SIZE_PT) for word in heading.split()),
                           default=0) * ooxml.TWIPS_PER_PT) + CELL_PADDING
             for heading in headings]
    if sum(least) >= width:
        weights, least = least, [0] * len(least)
    fixed: dict[int, int] = {}
    while True:  # columns whose share is below their words keep their words' width
        free = [i for i in range(len(weights)) if i not in fixed]
        room = width - sum(fixed.values())
        share = {i: room * weights[i] / sum(weights[j] for j in free) for i in free}
        short = {i: least[i] for i in free if share[i] < least[i]}
        if not short:
            break
        fixed.update(short)
    widths = [fixed[i] if i in fixed else int(share[i]) for i in range(len(weights))]
    widest = max(range(len(widths)), key=lambda i: (i not in fixed, widths[i]))
    widths[widest] += width - sum(widths)
    return widths


def _picture(renderer: Renderer, block: Block, rel_id: str, number: int, width: int) -> str:
    pixels_wide, pixels_high = png_size(block.image)
    width_mm = min(block.width_mm, width / ooxml.TWIPS_PER_MM)
    cx = round(width_mm * EMU_PER_MM)
    cy = round(cx * pixels_high / pixels_wide)
    style = renderer.style_id(TABLE_CENTER_STYLE)
    return ooxml.paragraph(style, [ooxml.picture_run(rel_id, cx, cy, number, block.title)])


APPENDIX_REFERENCE_STYLE = "KH Phụ lục kèm theo"


def add_picture_appendix(docx: bytes, label: str, title: str, reference: str, png: bytes,
                         template: Path | str | None = None) -> bytes:
    """`docx` (a plan rendered with `template`) with one more appendix page at its end: the
    label, title and "(Kèm theo …)" line in the template's appendix styles, then the picture
    across the landscape page."""
    renderer = Renderer(template)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    root = etree.fromstring(parts[DOCUMENT_PART])
    body = root.find(ooxml.qn("body"))
    final = body.find(ooxml.qn("sectPr")) if body is not None else None
    if body is None or final is None:
        raise ValueError("document.xml has no body section")
    size = final.find(ooxml.qn("pgSz"))
    landscape = size is not None and size.get(ooxml.qn("orient")) == "landscape"
    rel_id = "rIdPlangenAppendixImage"
    label_style = renderer.style_id(APPENDIX_LABEL_STYLE)
    if label != "Phụ lục":  # a second appendix: the first one's "Phụ lục" is "Phụ lục I"
        _number_single_label(body, label_style)
    label_xml = ooxml.paragraph(label_style, [ooxml.run(label)])
    lines = [label_xml,
             ooxml.paragraph(renderer.style_id(APPENDIX_TITLE_STYLE), [ooxml.run(title)]),
             ooxml.paragraph(renderer.style_id(APPENDIX_REFERENCE_STYLE),
                             [ooxml.run(reference)])]
    pixels_wide, pixels_high = png_size(png)
    room = renderer.landscape_width()
    cx = round(room / ooxml.TWIPS_PER_MM * EMU_PER_MM)
    cy = round(cx * pixels_high / pixels_wide)
    limit = round(140 * EMU_PER_MM)  # the landscape page's height under the title lines
    if cy > limit:
        cx, cy = round(cx * limit / cy), limit
    lines.append(ooxml.paragraph(renderer.style_id(TABLE_CENTER_STYLE), [
        ooxml.picture_run(rel_id, cx, cy, 900, title)]))
    added = [ooxml.fragment(xml) for xml in lines]
    if landscape:  # after an appendix: a section of its own, numbered from 1 (PL1 III.1.đ)
        ooxml.append_sections(body, [(added, True)])
    else:
        for element in added:
            final.addprevious(element)
        ooxml.start_landscape_section(body, added[0])
    parts[DOCUMENT_PART] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                          standalone=True)
    parts[RELS_PART] = ooxml.add_image_relationships(parts[RELS_PART],
                                                     [(rel_id, "media/appendix-image.png")])
    parts[TYPES_PART] = ooxml.add_png_type(parts[TYPES_PART])
    parts["word/media/appendix-image.png"] = png
    return zip_parts(parts)


def _number_single_label(body: etree._Element, style_id: str) -> None:
    """The one appendix label reading "Phụ lục" renamed "Phụ lục I"."""
    for par in body.iter(ooxml.qn("p")):
        style = par.find(f"{ooxml.qn('pPr')}/{ooxml.qn('pStyle')}")
        texts = list(par.iter(ooxml.qn("t")))
        if style is not None and style.get(ooxml.qn("val")) == style_id and \
                "".join(t.text or "" for t in texts).strip() == "Phụ lục":
            texts[0].text = "Phụ lục I"
            for extra in texts[1:]:
                extra.text = ""
