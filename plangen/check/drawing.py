"""The lines a document draws, read from its WordprocessingML: line shapes in a paragraph and
the borders of table cells.

NĐ 30 wants a drawn horizontal line under the agency name, the motto and the summary. Word and
other tools draw it in several ways: a paragraph border (check_styles resolves those), a
DrawingML line shape (`wps:wsp` with `a:prstGeom prst="line"`, inline or anchored, often inside
`mc:AlternateContent` with a VML fallback), a VML `v:line`, connector or horizontal rule, or the
border of the table cell the text sits in. This module finds the shapes and cell borders; the
rules decide whether one is where NĐ 30 wants it. With check_format and check_styles, the only
code that reads the XML of an arbitrary document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from plangen.check.styles import W, to_int

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WP14 = "{http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing}"
_V = "{urn:schemas-microsoft-com:vml}"
_O = "{urn:schemas-microsoft-com:office:office}"
_DRAWING, _PICT, _ALTERNATE = W + "drawing", W + "pict", _MC + "AlternateContent"
_CHOICE, _FALLBACK, _TEXTBOX = _MC + "Choice", _MC + "Fallback", W + "txbxContent"
_WSP, _VLINE, _VSHAPE, _VRECT = _WPS + "wsp", _V + "line", _V + "shape", _V + "rect"
_LINE_GEOMETRIES = frozenset({"line", "straightConnector1"})
_VML_LINE_TYPES = frozenset({"20", "32"})  # o:spt of a line and a straight connector
EMU_PER_TWIP = 635
_TWIPS_PER_UNIT = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54,
                   "px": 15.0, "pc": 240.0, "": 15.0, "emu": 1 / EMU_PER_TWIP}
_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*([a-z]*)\s*$")
_FLAT = 8  # a line at most 1/8 as tall as it is long counts as horizontal
_BAR = 38100  # EMU (3 pt): a filled rectangle this thin prints as a line
NO_LINE = frozenset({"nil", "none"})
# strokes that are not "nét liền": border values, DrawingML prstDash, VML dashstyle
BROKEN_STROKES = frozenset(name.lower() for name in (
    "dotted", "dashed", "dotDash", "dotDotDash", "dashSmallGap", "dashDotStroked", "wave",
    "doubleWave", "dot", "dash", "lgDash", "dashDot", "lgDashDot", "lgDashDotDot", "sysDash",
    "sysDot", "sysDashDot", "sysDashDotDot", "shortdash", "shortdot", "shortdashdot",
    "shortdashdotdot", "longdash", "longdashdot", "longdashdotdot", "dashdot"))


@dataclass(frozen=True, slots=True)
class Place:
    """Where a floating shape is put, each way relative to a frame ("column", "margin", "page"
    … across; "paragraph", "line", "page" … down): by an offset of its left or top edge
    (twips) or by an alignment ("center" …); `height` is the shape's own, twips."""

    across: str
    across_offset: int | None
    across_align: str | None
    down: str
    down_offset: int | None
    down_align: str | None
    height: int = 0


@dataclass(frozen=True, slots=True)
class Drawn:
    """A horizontal line drawn in a paragraph or along a table cell's edge."""

    kind: str  # "shape" (DrawingML), "vml", "border" (paragraph), "cell" (table cell)
    stroke: str  # as written: "single", "solid", "dash" …
    floating: bool = False  # anchored (wp:anchor, position:absolute) rather than in the text
    width: int | None = None  # twips, when the markup says
    place: Place | None = None  # where a floating one is put, when the markup says

    @property
    def solid(self) -> bool:
        """A solid stroke ("nét liền"), not dashes or dots."""
        return self.stroke.lower() not in BROKEN_STROKES


def has_drawing(p: etree._Element) -> bool:
    """Whether the paragraph holds any drawing or VML picture (a cheap test before reading)."""
    return next(p.iter(_DRAWING, _PICT, _ALTERNATE), None) is not None


def paragraph_lines(p: etree._Element) -> tuple[Drawn, ...]:
    """The horizontal line shapes drawn in paragraph `p` (not in its text boxes); of an
    mc:AlternateContent the choice Word shows, its fallback only when the choice has none."""
    out: list[Drawn] = []
    _walk(p, out)
    return tuple(out)


def _walk(element: etree._Element, out: list[Drawn]) -> None:
    for child in element:
        tag = child.tag
        if tag == _ALTERNATE:
            before = len(out)
            for choice in child.iterchildren(_CHOICE):
                _walk(choice, out)
            if len(out) == before:
                for fallback in child.iterchildren(_FALLBACK):
                    _walk(fallback, out)
        elif tag == _TEXTBOX or not isinstance(tag, str):
            continue  # a text box's paragraphs are read on their own
        elif tag == _WSP:
            found = _shape_line(child)
            if found is not None:
                out.append(found)
        elif tag in (_VLINE, _VSHAPE, _VRECT):
            found = _vml_line(child)
            if found is not None:
                out.append(found)
        else:
            _walk(child, out)


def _shape_line(wsp: etree._Element) -> Drawn | None:
    """A DrawingML shape that is a horizontal, visible line."""
    props = wsp.find(f"{_WPS}spPr")
    if props is None:
        return None
    geometry = props.find(f"{_A}prstGeom")
    prst = geometry.get("prst") if geometry is not None else None
    if prst == "rect":
        return _thin_bar(wsp, props)
    if prst not in _LINE_GEOMETRIES:
        return None
    outline = props.find(f"{_A}ln")
    if outline is not None and outline.find(f"{_A}noFill") is not None:
        return None  # drawn without a stroke: nothing shows
    dash = outline.find(f"{_A}prstDash") if outline is not None else None
    stroke = dash.get("val", "solid") if dash is not None else "solid"
    frame = next(wsp.iterancestors(f"{_WP}anchor", f"{_WP}inline"), None)
    ext = props.find(f"{_A}xfrm/{_A}ext")
    if ext is None and frame is not None:
        ext = frame.find(f"{_WP}extent")
    cx, cy = (to_int(ext.get("cx")), to_int(ext.get("cy"))) if ext is not None else (1, 0)
    xfrm = props.find(f"{_A}xfrm")
    degrees = to_int(xfrm.get("rot")) // 60000 if xfrm is not None else 0
    if 45 <= degrees % 180 < 135:  # turned on its side
        cx, cy = cy, cx
    if abs(cy) * _FLAT > abs(cx):
        return None
    floating = frame is not None and frame.tag == f"{_WP}anchor"
    place = _anchor_place(frame, abs(cy) // EMU_PER_TWIP) if floating and frame is not None \
        else None
    return Drawn("shape", stroke, floating, abs(cx) // EMU_PER_TWIP or None, place)


def _thin_bar(wsp: etree._Element, props: etree._Element) -> Drawn | None:
    """A filled rectangle at most `_BAR` high and flat, which prints as a solid line: how
    LibreOffice saves Word's horizontal rule (a v:rect o:hr, its width a share of the page
    in wp14:sizeRelH)."""
    if props.find(f"{_A}solidFill") is None:
        return None
    frame = next(wsp.iterancestors(f"{_WP}anchor", f"{_WP}inline"), None)
    ext = props.find(f"{_A}xfrm/{_A}ext")
    if ext is None or (props.find(f"{_A}xfrm") is not None and
                       to_int(props.find(f"{_A}xfrm").get("rot")) % 10800000):
        return None
    cx, cy = to_int(ext.get("cx")), to_int(ext.get("cy"))
    share = frame is not None and frame.find(f"{_WP14}sizeRelH") is not None
    if not 0 < cy <= _BAR or (abs(cy) * _FLAT > abs(cx) and not share):
        return None
    floating = frame is not None and frame.tag == f"{_WP}anchor"
    place = _anchor_place(frame, cy // EMU_PER_TWIP) if floating and frame is not None else None
    return Drawn("shape", "solid", floating, None if share else cx // EMU_PER_TWIP, place)


def _anchor_place(anchor: etree._Element, height: int) -> Place | None:
    """Where a wp:anchor puts its shape; None when its markup does not say."""
    if (anchor.get("simplePos") or "").lower() in ("1", "true", "on"):
        simple = anchor.find(f"{_WP}simplePos")
        if simple is None:
            return None
        return Place("page", to_int(simple.get("x")) // EMU_PER_TWIP, None, "page",
                     to_int(simple.get("y")) // EMU_PER_TWIP, None, height)
    across, down = anchor.find(f"{_WP}positionH"), anchor.find(f"{_WP}positionV")
    if across is None or down is None:
        return None
    h_offset, h_align = _offset_or_align(across)
    v_offset, v_align = _offset_or_align(down)
    return Place(across.get("relativeFrom") or "", h_offset, h_align,
                 down.get("relativeFrom") or "", v_offset, v_align, height)


def _offset_or_align(position: etree._Element) -> tuple[int | None, str | None]:
    offset = position.findtext(f"{_WP}posOffset")
    if offset is not None and offset.strip().lstrip("-").isdigit():
        return int(offset) // EMU_PER_TWIP, None
    return None, (position.findtext(f"{_WP}align") or "").strip() or None


def _vml_line(shape: etree._Element) -> Drawn | None:
    """A VML line, straight connector or horizontal rule that is horizontal and visible."""
    style = _style(shape.get("style", ""))
    stroke_el = shape.find(f"{_V}stroke")
    stroke = stroke_el.get("dashstyle", "solid") if stroke_el is not None else "solid"
    floating = style.get("position") == "absolute"
    width, height = _twips(style.get("width", "")), _twips(style.get("height", ""))
    if shape.tag == _VRECT:  # a horizontal rule (Word's Borders > Horizontal Line) is filled
        if (shape.get(f"{_O}hr") or "").lower() not in ("t", "true"):
            return None
        return Drawn("vml", stroke, floating, round(width) if width else None)
    if (shape.get("stroked") or "t").lower() in ("f", "false"):
        return None
    if shape.tag == _VLINE:
        start = [_twips(part) for part in (shape.get("from") or "0,0").split(",")]
        end = [_twips(part) for part in (shape.get("to") or "0,0").split(",")]
        if len(start) != 2 or len(end) != 2 or None in (*start, *end):
            return Drawn("vml", stroke, floating)  # a line, its length not readable
        dx = abs((end[0] or 0) - (start[0] or 0))
        dy = abs((end[1] or 0) - (start[1] or 0))
        if not dx and not dy:
            return Drawn("vml", stroke, floating)
        if dy * _FLAT > dx:
            return None
        return Drawn("vml", stroke, floating, round(dx), _vml_place(
            style, min(start[0] or 0, end[0] or 0), min(start[1] or 0, end[1] or 0), round(dy))
            if floating else None)
    kind = (shape.get("type") or "").lstrip("#").removeprefix("_x0000_t")
    if kind not in _VML_LINE_TYPES and shape.get(f"{_O}spt") not in _VML_LINE_TYPES and \
            shape.get(f"{_O}connectortype") != "straight":
        return None
    if width is None or (height or 0) * _FLAT > width:
        return None
    return Drawn("vml", stroke, floating, round(width),
                 _vml_place(style, 0, 0, round(height or 0)) if floating else None)


_VML_ACROSS = {"text": "column", "margin": "margin", "page": "page",
               "left-margin-area": "leftMargin", "right-margin-area": "rightMargin"}
_VML_DOWN = {"text": "paragraph", "line": "line", "margin": "margin", "page": "page",
             "top-margin-area": "topMargin", "bottom-margin-area": "bottomMargin"}


def _vml_place(style: dict[str, str], x: float, y: float, height: int) -> Place | None:
    """Where a VML shape with position:absolute is put (`x`, `y`: where its line starts
    inside it, twips); frames as in DrawingML (text: the column across, the paragraph
    down, VML's defaults)."""
    across = _VML_ACROSS.get(style.get("mso-position-horizontal-relative", "text"))
    down = _VML_DOWN.get(style.get("mso-position-vertical-relative", "text"))
    if across is None or down is None:
        return None
    h_align = style.get("mso-position-horizontal", "absolute")
    v_align = style.get("mso-position-vertical", "absolute")
    left = _twips(style.get("margin-left") or style.get("left") or "0")
    top = _twips(style.get("margin-top") or style.get("top") or "0")
    if left is None or top is None:
        return None
    return Place(across, round(left + x) if h_align == "absolute" else None,
                 None if h_align == "absolute" else h_align,
                 down, round(top + y) if v_align == "absolute" else None,
                 None if v_align == "absolute" else v_align, height)


def _style(text: str) -> dict[str, str]:
    """ "position:absolute;width:120pt" -> {"position": "absolute", "width": "120pt"}."""
    out = {}
    for item in text.split(";"):
        name, _, value = item.partition(":")
        if name.strip():
            out[name.strip().lower()] = value.strip().lower()
    return out


def _twips(length: str) -> float | None:
    """A VML length ("120pt", "1.5in", "2cm", "80" px) in twips; None when unreadable."""
    match = _LENGTH.match(length.lower())
    if match is None or match.group(2) not in _TWIPS_PER_UNIT:
        return None
    try:
        return float(match.group(1)) * _TWIPS_PER_UNIT[match.group(2)]
    except ValueError:
        return None


# ---- table cells ----------------------------------------------------------------------------


def _border(borders: etree._Element | None, side: str) -> str | None:
    """The value of one side of a borders element (None when it does not set that side)."""
    if borders is None:
        return None
    element = borders.find(W + side)
    return element.get(W + "val", "single") if element is not None else None


def table_borders(tbl: etree._Element, styles: dict[str, etree._Element]) -> tuple[
        etree._Element | None, ...]:
    """The borders a table sets itself, then those of its style and the styles it is based
    on (nearest first)."""
    found: list[etree._Element | None] = [tbl.find(f"{W}tblPr/{W}tblBorders")]
    style = tbl.find(f"{W}tblPr/{W}tblStyle")
    current, seen = (style.get(W + "val") if style is not None else None), set()
    while current and current in styles and current not in seen:
        seen.add(current)
        found.append(styles[current].find(f"{W}tblPr/{W}tblBorders"))
        based = styles[current].find(W + "basedOn")
        current = based.get(W + "val") if based is not None else None
    return tuple(found)


def cell_edges(tc: etree._Element, table: tuple[etree._Element | None, ...], row: int,
               rows: int) -> tuple[str | None, str | None]:
    """The visible top and bottom border of a cell (its own, else the table's and its
    style's for that edge: top/bottom for the first/last row, insideH between rows)."""
    own = tc.find(f"{W}tcPr/{W}tcBorders")
    edges: list[str | None] = []
    for side, outer in (("top", row == 1), ("bottom", row == rows)):
        value = _border(own, side)
        for borders in table:
            if value is not None:
                break
            value = _border(borders, side if outer else "insideH")
        edges.append(None if value is None or value in NO_LINE else value)
    return edges[0], edges[1]
