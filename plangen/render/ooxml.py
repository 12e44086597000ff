"""The only place that writes WordprocessingML: paragraphs, runs, tables, sections, fields.

Builders return XML text (every value escaped here, exactly once) for the renderer to place in
the template; element helpers edit parsed parts in place, keeping the child order the ISO/IEC
29500 schema requires. Nothing here knows about plans.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"

RELS_PART, TYPES_PART = "word/_rels/document.xml.rels", "[Content_Types].xml"
XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20
DEFAULT_CELL_MARGIN = 108  # Word's left/right cell margin when a table sets none

# Child order of the property elements we touch (ISO/IEC 29500-1 §17.3.1.26, 17.3.2.28, 17.6.17,
# 17.4.60, 17.4.42): inserting out of order makes a file Word calls corrupt.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
             "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
             "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
             "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
             "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
             "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
             "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
             "lang", "eastAsianLayout", "specVanish", "oMath")
SECTPR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
                "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
                "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter",
                "docGrid", "printerSettings", "sectPrChange")
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
               "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
               "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
TCPR_ORDER = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
              "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")
_ORDERS = {"pPr": PPR_ORDER, "rPr": RPR_ORDER, "sectPr": SECTPR_ORDER, "tblPr": TBLPR_ORDER,
           "tcPr": TCPR_ORDER}


def qn(tag: str) -> str:
    """ "w:jc" or "jc" -> "{namespace}jc"."""
    return _W + tag.removeprefix("w:")


def mm(millimetres: float) -> int:
    """Millimetres in twips (twentieths of a point)."""
    return round(millimetres * TWIPS_PER_MM)


def text_xml(text: str) -> str:
    """`text` escaped for element content."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr_xml(value: str) -> str:
    """`value` escaped for a double-quoted attribute."""
    return text_xml(value).replace('"', "&quot;")


# ---- builders: XML text for the renderer -------------------------------------------------


def run(text: str, *, bold: bool = False, italic: bool = False) -> str:
    """One run; emphasis only where the text itself needs it (styles carry the rest)."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text_xml(text)}</w:t></w:r>'


def font_run(text: str, size_pt: float, *, bold: bool = False, color: str | None = None,
             font: str = "Times New Roman") -> str:
    """A run carrying its whole look (font, size, weight, colour), for text outside the
    template's styles (NĐ 30's first-page marks)."""
    half_points = round(size_pt * 2)
    props = (f'<w:rFonts w:ascii="{attr_xml(font)}" w:hAnsi="{attr_xml(font)}" '
             f'w:cs="{attr_xml(font)}" w:eastAsia="{attr_xml(font)}"/>'
             + ("<w:b/><w:bCs/>" if bold else "")
             + (f'<w:color w:val="{attr_xml(color)}"/>' if color else "")
             + f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text_xml(text)}</w:t></w:r>'


def framed_paragraph(run_xml: str, *, left: int, right: int, frame: tuple[str, int, int] | None,
                     top_rule: bool = False, before: int = 0, exact_line: int | None = None,
                     keep_next: bool = False, style_id: str | None = None) -> str:
    """A centred paragraph of one run between indents `left` and `right` (twips): in a single
    frame when `frame` is (colour, line eighths of a point, space in points), or under a solid
    line across its width when `top_rule`; `exact_line` fixes its line height (twips)."""
    props = f'<w:pStyle w:val="{attr_xml(style_id)}"/>' if style_id else ""
    props += "<w:keepNext/>" if keep_next else ""
    if frame is not None:
        color, size, space = frame
        props += "<w:pBdr>" + "".join(
            f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" '
            f'w:color="{attr_xml(color)}"/>' for side in ("top", "left", "bottom", "right")
        ) + "</w:pBdr>"
    elif top_rule:
        props += '<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
    line = f' w:line="{exact_line}" w:lineRule="exact"' if exact_line is not None else ""
    props += (f'<w:spacing w:before="{before}" w:after="0"{line}/>'
              f'<w:ind w:left="{left}" w:right="{right}" w:firstLine="0"/><w:jc w:val="center"/>')
    return f"<w:p><w:pPr>{props}</w:pPr>{run_xml}</w:p>"


def story_part(kind: str, paragraphs: Sequence[str]) -> bytes:
    """A header ("hdr") or footer ("ftr") part of `paragraphs` (one empty paragraph when
    there are none: the schema wants at least one)."""
    body = "".join(paragraphs) or "<w:p/>"
    return (f'{XML_DECLARATION}<w:{kind} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{body}</w:{kind}>'
            ).encode()


def parse_fragment(xml: str, parser: etree.XMLParser) -> list[etree._Element]:
    """Body-level elements (paragraphs, tables) from XML text written by these builders."""
    return list(etree.fromstring(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>', parser))


def run_markup(text: str) -> str:
    """A run around text already escaped (and holding line breaks, see text_with_breaks)."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def text_with_breaks(lines: Sequence[str]) -> str:
    """Escaped text for a tag inside a run's w:t, with a line break between `lines`."""
    return '</w:t><w:br/><w:t xml:space="preserve">'.join(text_xml(line) for line in lines)


def spacing(before: int, after: int) -> str:
    """Paragraph spacing in twips, for a paragraph property list."""
    return f'<w:spacing w:before="{before}" w:after="{after}"/>'


def lines_paragraph(style_id: str, lines: Sequence[str]) -> str:
    """A paragraph of one run, a line break between `lines`."""
    text = f'<w:r><w:t xml:space="preserve">{text_with_breaks(lines)}</w:t></w:r>'
    return paragraph(style_id, [text])


def fragment(xml: str) -> etree._Element:
    """The one element `xml` writes without namespace declarations (a builder's output)."""
    return etree.fromstring(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>')[0]


def paragraph(style_id: str, runs: Iterable[str] = (), *, ppr: str = "") -> str:
    """A paragraph in the named style (an id from the template's styles.xml)."""
    props = f'<w:pStyle w:val="{attr_xml(style_id)}"/>{ppr}'
    return f'<w:p><w:pPr>{props}</w:pPr>{"".join(runs)}</w:p>'


def rule_paragraph(style_id: str, length: int, room: int, *, after: int | None = None) -> str:
    """An empty paragraph drawing a centered solid line `length` twips long (NĐ 30 PL1 II).

    `room` is the width the paragraph spans; `after` (twips) overrides the style's spacing.
    """
    side = max((room - length) // 2, 0)
    spacing = f'<w:spacing w:after="{after}"/>' if after is not None else ""
    ppr = ('<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
           f'{spacing}<w:ind w:left="{side}" w:right="{side}" w:firstLine="0"/>')
    return paragraph(style_id, ppr=ppr)


def table(widths: Sequence[int], rows: Sequence[Sequence[Sequence[str]]], *,
          header_rows: int = 1) -> str:
    """A bordered, centered table; each cell a list of paragraph XML.

    The first `header_rows` rows repeat on every page (w:tblHeader); no row splits across a page
    (w:cantSplit), so a task never starts on one page and ends on the next.
    """
    grid, tblpr = _grid_and_properties(widths)
    body = "".join(_row(widths, cells, index < header_rows) for index, cells in enumerate(rows))
    return f"<w:tbl>{tblpr}<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def _row(widths: Sequence[int], cells: Sequence[Sequence[str]], header: bool) -> str:
    trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
    tcs = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="'
        f'{"center" if header else "top"}"/></w:tcPr>{"".join(paras) or "<w:p/>"}</w:tc>'
        for width, paras in zip(widths, cells, strict=True))
    return f"<w:tr><w:trPr>{trpr}</w:trPr>{tcs}</w:tr>"


def page_number_paragraph(style_id: str) -> str:
    """A paragraph holding a PAGE field (NĐ 30 PL1 I.7: page numbers in the header)."""
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>2</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return paragraph(style_id, [field])


def core_properties(title: str, author: str, when: str) -> bytes:
    """docProps/core.xml with fixed dates, so the same plan always gives the same bytes."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{text_xml(title)}</dc:title><dc:creator>{text_xml(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{text_xml(author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        "<dc:language>vi-VN</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


# ---- reading parsed parts --------------------------------------------------------------


def style_ids_by_name(styles: etree._Element) -> dict[str, str]:
    """Style name -> style id; ids change when LibreOffice re-saves a file, names do not."""
    out: dict[str, str] = {}
    for style in styles.iter(qn("style")):
        name = style.find(qn("name"))
        if name is not None:
            out[name.get(qn("val"), "")] = style.get(qn("styleId"), "")
    return out


def style_size_pt(styles: etree._Element, style_id: str) -> float | None:
    """The font size a paragraph style sets, following basedOn, else the document default."""
    by_id = {s.get(qn("styleId")): s for s in styles.iter(qn("style"))}
    seen: set[str] = set()
    current = by_id.get(style_id)
    while current is not None and style_id not in seen:
        seen.add(style_id)
        size = current.find(f"{qn('rPr')}/{qn('sz')}")
        if size is not None:
            return int(size.get(qn("val"), "0")) / 2
        based = current.find(qn("basedOn"))
        style_id = based.get(qn("val"), "") if based is not None else ""
        current = by_id.get(style_id)
    default = styles.find(f"{qn('docDefaults')}/{qn('rPrDefault')}/{qn('rPr')}/{qn('sz')}")
    return int(default.get(qn("val"), "0")) / 2 if default is not None else None


def body_section(document: etree._Element) -> etree._Element:
    """The final w:sectPr of the body (the last section's page setup)."""
    found = document.find(f"{qn('body')}/{qn('sectPr')}")
    if found is None:
        raise ValueError("document.xml has no body w:sectPr")
    return found


def _twips(element: etree._Element | None, attr: str, default: int = 0) -> int:
    if element is None:
        return default
    value = element.get(qn(attr))
    return int(float(value)) if value is not None else default


def text_width(section: etree._Element, *, landscape: bool = False) -> int:
    """Width between the margins of a section, in twips; `landscape` turns the page first."""
    size, margins = section.find(qn("pgSz")), section.find(qn("pgMar"))
    width = _twips(size, "h" if landscape else "w")
    return width - _twips(margins, "left") - _twips(margins, "right")


def paragraph_room(par: etree._Element, section: etree._Element) -> int:
    """Width available to `par`: its table cell's width less cell margins, else the page's."""
    cell = next((a for a in par.iterancestors(qn("tc"))), None)
    if cell is None:
        return text_width(section)
    width = _twips(cell.find(f"{qn('tcPr')}/{qn('tcW')}"), "w")
    table_el = next(cell.iterancestors(qn("tbl")))
    margins = cell.find(f"{qn('tcPr')}/{qn('tcMar')}")
    if margins is None:
        margins = table_el.find(f"{qn('tblPr')}/{qn('tblCellMar')}")
    left = _side(margins, ("left", "start"))
    right = _side(margins, ("right", "end"))
    return width - left - right


def grid_widths(table: etree._Element) -> list[int]:
    """The widths of a table's grid columns, in twips."""
    return [_twips(col, "w") for col in table.iterfind(f"{qn('tblGrid')}/{qn('gridCol')}")]


def cell_margins(table: etree._Element) -> int:
    """The left plus right default cell margins of `table`, in twips."""
    margins = table.find(f"{qn('tblPr')}/{qn('tblCellMar')}")
    return _side(margins, ("left", "start")) + _side(margins, ("right", "end"))


def set_two_columns(table: etree._Element, first: int, second: int) -> None:
    """A two-column table's grid and its cells' widths set to `first` and `second` twips."""
    cols = table.findall(f"{qn('tblGrid')}/{qn('gridCol')}")
    for col, width in zip(cols, (first, second), strict=True):
        col.set(qn("w"), str(width))
    for row in table.iterfind(qn("tr")):
        cells = row.findall(qn("tc"))
        if len(cells) != 2:  # a row spanning both columns keeps its width
            continue
        for cell, width in zip(cells, (first, second), strict=True):
            width_el = cell.find(f"{qn('tcPr')}/{qn('tcW')}")
            if width_el is not None:
                width_el.set(qn("w"), str(width))
                width_el.set(qn("type"), "dxa")


def _side(margins: etree._Element | None, names: tuple[str, ...]) -> int:
    if margins is not None:
        for name in names:
            found = margins.find(qn(name))
            if found is not None:
                return _twips(found, "w")
    return DEFAULT_CELL_MARGIN


# ---- editing parsed parts --------------------------------------------------------------


def insert_ordered(parent: etree._Element, child: etree._Element) -> etree._Element:
    """Put `child` into a property element at its schema position, replacing a namesake."""
    order = _ORDERS[etree.QName(parent).localname]
    name = etree.QName(child).localname
    old = parent.find(qn(name))
    if old is not None:
        parent.replace(old, child)
        return child
    rank = order.index(name)
    for index, existing in enumerate(parent):
        local = etree.QName(existing).localname
        if local in order and order.index(local) > rank:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def element(tag: str, **attrs: str) -> etree._Element:
    """A w: element with w: attributes (`val="x"` -> w:val="x")."""
    el = etree.Element(qn(tag))
    for key, value in attrs.items():
        el.set(qn(key), value)
    return el


def set_fonts(rpr: etree._Element, font: str) -> None:
    """Name `font` in all four slots; python-docx sets only ascii/hAnsi (its issue #154)."""
    insert_ordered(rpr, element("rFonts", ascii=font, hAnsi=font, cs=font, eastAsia=font))


def set_border(ppr: etree._Element, side: str, size: int = 6) -> None:
    """A solid paragraph border on `side` ("top"/"bottom"), `size` in eighths of a point."""
    borders = insert_ordered(ppr, element("pBdr"))
    borders.append(element(side, val="single", sz=str(size), space="1", color="000000"))


def start_landscape_section(body: etree._Element, first: etree._Element) -> None:
    """End the portrait section just before `first`; make everything after it landscape A4.

    The portrait settings move into a paragraph before `first`, so the body stays portrait
    whether or not an appendix follows (docx-pitfalls #6). The landscape section swaps the page
    width and height (setting w:orient alone changes nothing visible) and numbers its pages from
    1 (NĐ 30 PL1 III.1.đ: each appendix is numbered separately).
    """
    final = body.find(qn("sectPr"))
    if final is None:
        raise ValueError("document.xml has no body w:sectPr")
    carrier = element("p")
    props = etree.SubElement(carrier, qn("pPr"))
    props.append(copy.deepcopy(final))
    first.addprevious(carrier)
    size = final.find(qn("pgSz"))
    if size is None:
        size = insert_ordered(final, element("pgSz"))
    width, height = _twips(size, "w"), _twips(size, "h")
    size.set(qn("w"), str(max(width, height)))
    size.set(qn("h"), str(min(width, height)))
    size.set(qn("orient"), "landscape")
    insert_ordered(final, element("type", val="nextPage"))
    insert_ordered(final, element("pgNumType", start="1"))


_PIC_NS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def picture_run(rel_id: str, cx: int, cy: int, number: int, title: str) -> str:
    """A run holding an inline picture `cx` × `cy` EMU of the image part `rel_id`."""
    name = attr_xml(title or f"Hình {number}")
    return (f'<w:r><w:drawing><wp:inline {_PIC_NS} distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{number}" name="{name}" '
            f'descr="{name}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/>'
            '</wp:cNvGraphicFramePr><a:graphic><a:graphicData '
            'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="{number}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{attr_xml(rel_id)}"/><a:stretch><a:fillRect/>'
            '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            '</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>'
            '</w:drawing></w:r>')


def add_image_relationships(rels: bytes, images: Sequence[tuple[str, str]]) -> bytes:
    """A relationships part with an image relationship (id, target) for each image."""
    root = etree.fromstring(rels)
    for rel_id, target in images:
        item = etree.SubElement(root, f"{{{REL_NS}}}Relationship")
        item.set("Id", rel_id)
        item.set("Type", IMAGE_REL)
        item.set("Target", target)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def add_png_type(types: bytes) -> bytes:
    """[Content_Types].xml that also declares .png parts."""
    root = etree.fromstring(types)
    if not any(item.get("Extension", "").lower() == "png" for item in root):
        item = etree.Element(f"{{{TYPES_NS}}}Default")
        item.set("Extension", "png")
        item.set("ContentType", "image/png")
        root.insert(0, item)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
# ---- the free structure: data tables, footnotes, several sections -------------------------

FOOTNOTES_PART = "word/footnotes.xml"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_ALIGN_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def styled_run(text: str, *, bold: bool = False, italic: bool = False,
               underline: bool = False) -> str:
    """A run with its own bold, italic and underline (run properties in schema order)."""
    props = (("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
             + ('<w:u w:val="single"/>' if underline else ""))
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text_xml(text)}</w:t></w:r>'


def footnote_reference(number: int) -> str:
    """The superscript number in the text that refers to footnote `number`."""
    return (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>')


def aligned_paragraph(style_id: str, runs: Iterable[str], align: str | None) -> str:
    """A paragraph in a style, with its own alignment when `align` is given."""
    ppr = f'<w:jc w:val="{_ALIGN_JC[align]}"/>' if align in _ALIGN_JC else ""
    return paragraph(style_id, runs, ppr=ppr)


def grid_table(widths: Sequence[int],
               rows: Sequence[Sequence[tuple[int, str, str, Sequence[str]]]],
               *, header_rows: int) -> str:
    """A bordered table whose cells may span: each cell is (columns, vmerge, valign,
    paragraphs) with vmerge "" (none), "restart" or "continue".

    The header rows repeat on every page (w:tblHeader); rows do not split across pages
    (w:cantSplit) unless Word must (a row taller than a page).
    """
    grid, tblpr = _grid_and_properties(widths)
    body = []
    for index, cells in enumerate(rows):
        trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if index < header_rows else "")
        column, tcs = 0, []
        for span, merge, valign, paras in cells:
            width = sum(widths[column:column + span])
            column += span
            props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if span > 1:
                props += f'<w:gridSpan w:val="{span}"/>'
            if merge == "restart":
                props += '<w:vMerge w:val="restart"/>'
            elif merge == "continue":
                props += "<w:vMerge/>"
            props += f'<w:vAlign w:val="{valign}"/>'
            tcs.append(f'<w:tc><w:tcPr>{props}</w:tcPr>{"".join(paras) or "<w:p/>"}</w:tc>')
        body.append(f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(tcs)}</w:tr>")
    return f"<w:tbl>{tblpr}<w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>"


def footnotes_part(notes: Sequence[str]) -> bytes:
    """word/footnotes.xml: the two separators Word expects, then each footnote's paragraph
    XML (already holding its w:footnoteRef run), numbered from 1."""
    separators = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing '
                  'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/>'
                  '</w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" '
                  'w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
                  '</w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')
    items = "".join(f'<w:footnote w:id="{number}">{xml}</w:footnote>'
                    for number, xml in enumerate(notes, 1))
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<w:footnotes xmlns:w="{W_NS}">{separators}{items}</w:footnotes>').encode()


def footnote_mark_run() -> str:
    """The footnote's own number at the start of its text."""
    return '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'


def add_footnotes_relation(rels: bytes) -> bytes:
    """document.xml.rels with a relationship to footnotes.xml (an id no other uses)."""
    return add_relationship(rels, FOOTNOTES_REL, "footnotes.xml")[0]


def add_footnotes_type(types: bytes) -> bytes:
    """[Content_Types].xml naming the footnotes part."""
    return add_override(types, FOOTNOTES_PART, FOOTNOTES_TYPE)


def add_relationship(rels: bytes, rel_type: str, target: str) -> tuple[bytes, str]:
    """A .rels part with one more relationship (the first "rIdN" no other uses), and its id."""
    root = etree.fromstring(rels)
    ids = {rel.get("Id") for rel in root}
    number = 1
    while f"rId{number}" in ids:
        number += 1
    rel = etree.SubElement(root, f"{{{root.nsmap[None]}}}Relationship")
    rel.set("Id", f"rId{number}")
    rel.set("Type", rel_type)
    rel.set("Target", target)
    return (bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)),
            f"rId{number}")


def add_override(types: bytes, part: str, content_type: str) -> bytes:
    """[Content_Types].xml naming `part` (a name under the package root) as `content_type`."""
    root = etree.fromstring(types)
    override = etree.SubElement(root, f"{{{root.nsmap[None]}}}Override")
    override.set("PartName", "/" + part)
    override.set("ContentType", content_type)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def append_sections(body: etree._Element, groups: Sequence[tuple[Sequence[etree._Element],
                                                                  bool]]) -> None:
    """Append each group of elements at the end of `body` as a section of its own, landscape
    or portrait, on a new page numbered from 1 (NĐ 30 PL1 III.1.đ)."""
    final = body.find(qn("sectPr"))
    if final is None:
        raise ValueError("document.xml has no body w:sectPr")
    template = copy.deepcopy(final)
    previous_orientation: bool | None = None
    for index, (elements, landscape) in enumerate(groups):
        # the section so far ends with a paragraph carrying its properties
        carrier = element("p")
        props = etree.SubElement(carrier, qn("pPr"))
        ending = copy.deepcopy(final) if index == 0 else _oriented(template, previous_orientation)
        props.append(ending)
        final.addprevious(carrier)
        for el in elements:
            final.addprevious(el)
        previous_orientation = landscape
    if groups:
        oriented = _oriented(template, previous_orientation)
        body.replace(final, oriented)


def _oriented(template: etree._Element, landscape: bool | None) -> etree._Element:
    section = copy.deepcopy(template)
    size = section.find(qn("pgSz"))
    if size is None:
        size = insert_ordered(section, element("pgSz"))
    width, height = _twips(size, "w"), _twips(size, "h")
    if landscape:
        size.set(qn("w"), str(max(width, height)))
        size.set(qn("h"), str(min(width, height)))
        size.set(qn("orient"), "landscape")
    else:
        size.set(qn("w"), str(min(width, height)))
        size.set(qn("h"), str(max(width, height)))
        if size.get(qn("orient")) is not None:
            del size.attrib[qn("orient")]
    insert_ordered(section, element("type", val="nextPage"))
    insert_ordered(section, element("pgNumType", start="1"))
    return section


def _grid_and_properties(widths: Sequence[int]) -> tuple[str, str]:
    """The w:gridCol run and the w:tblPr of a bordered, centred, fixed-layout table."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(side) for side in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    tblpr = (f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
             f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
             '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
             '</w:tblCellMar></w:tblPr>')
    return grid, tblpr
