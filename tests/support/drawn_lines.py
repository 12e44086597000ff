"""The short horizontal line under a text, made each way Word and other tools make it, and typed
as characters the way NĐ 30 does not accept.

`draw(paragraph, kind)` adds the line of `kind` under a python-docx paragraph: a paragraph
border, an empty paragraph with a border (plangen's way), a DrawingML line shape inline or
anchored, an mc:AlternateContent with a VML fallback, a VML line, connector or horizontal rule,
a table cell border, typed characters, or an underline standing for the line (the text's own
underline, or underlined spaces or tabs under it). The markup is what Word 2016 and
LibreOffice write.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from plangen.render.ooxml import insert_ordered

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"')
LENGTH_EMU = 1_080_000  # 30 mm
_IDS = itertools.count(1000)

DRAWN_KINDS = ("bottom-border", "rule-paragraph", "rule-paragraph-bottom", "shape-inline",
               "shape-anchor", "shape-group", "alternate", "vml-line", "vml-connector",
               "vml-hr", "cell")
TYPED_KINDS = {"typed-underscore": "______________", "typed-dash": "--------------",
               "typed-emdash": "———", "typed-ellipsis": "……", "typed-br": "____________",
               "typed-superscript": "________________________"}
# an underline standing for the line -> what the finding names ("spaces", "tabs", the text)
UNDERLINED_KINDS = {"underlined-spaces": "spaces", "underlined-padded": "spaces",
                    "underlined-tabs": "tabs", "underlined-tab-br": "tabs",
                    "underlined-text": "text"}


def _wsp(prst: str = "line", cy: int = 0, dash: str | None = None) -> str:
    dash_xml = f'<a:prstDash val="{dash}"/>' if dash else ""
    return (
        '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{LENGTH_EMU}" cy="{cy}"/></a:xfrm><a:prstGeom prst="{prst}"><a:avLst/>'
        '</a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
        f'{dash_xml}</a:ln></wps:spPr><wps:bodyPr/></wps:wsp>')


def _shape(prst: str = "line", cy: int = 0, dash: str | None = None) -> str:
    return ('<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
            f'wordprocessingShape">{_wsp(prst, cy, dash)}</a:graphicData></a:graphic>')


def _group() -> str:
    """A line shape in a group (wpg:wgp), the way a drawing canvas is saved."""
    return (
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingGroup"><wpg:wgp xmlns:wpg="http://schemas.microsoft.com/office/word/'
        f'2010/wordprocessingGroup"><wpg:cNvGrpSpPr/><wpg:grpSpPr/>{_wsp()}</wpg:wgp>'
        '</a:graphicData></a:graphic>')


def inline(graphic: str, cy: int = 0) -> str:
    number = next(_IDS)
    return (f'<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{LENGTH_EMU}" cy="{cy}"/><wp:docPr id="{number}" '
            f'name="Line {number}"/>{graphic}</wp:inline></w:drawing>')


def anchor(graphic: str, cy: int = 0) -> str:
    number = next(_IDS)
    return (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{number}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:align>center'
        '</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>228600'
        f'</wp:posOffset></wp:positionV><wp:extent cx="{LENGTH_EMU}" cy="{cy}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="{number}" '
        f'name="Line {number}"/><wp:cNvGraphicFramePr/>{graphic}</wp:anchor></w:drawing>')


def anchor_at(across: str, left: int | str, down: str, top: int) -> str:
    """A floating line shape (30 mm) put `left` EMU (or aligned: "center") from the `across`
    frame ("column", "page" …) and `top` EMU from the `down` frame ("paragraph", "page" …),
    the way Word writes a line dragged to a place."""
    number = next(_IDS)
    h = f"<wp:align>{left}</wp:align>" if isinstance(left, str) else \
        f"<wp:posOffset>{left}</wp:posOffset>"
    return (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{number}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="{across}">{h}</wp:positionH>'
        f'<wp:positionV relativeFrom="{down}"><wp:posOffset>{top}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{LENGTH_EMU}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{number}" name="Line {number}"/><wp:cNvGraphicFramePr/>'
        f'{_shape()}</wp:anchor></w:drawing>')


def _vml_line(to: str = "85pt,0") -> str:
    return (f'<w:pict><v:line id="_x0000_s{next(_IDS)}" from="0,0" to="{to}" '
            'strokeweight=".5pt" style="position:absolute;z-index:1"/></w:pict>')


def _vml_connector() -> str:
    return ('<w:pict><v:shapetype id="_x0000_t32" coordsize="21600,21600" o:spt="32" '
            'o:oned="t" path="m,l21600r21600,e" filled="f"><v:path arrowok="t" fillok="f" '
            'o:connecttype="none"/></v:shapetype><v:shape id="_x0000_s'
            f'{next(_IDS)}" type="#_x0000_t32" style="position:absolute;margin-left:40pt;'
            'margin-top:17pt;width:85pt;height:0;z-index:1" o:connectortype="straight"/>'
            '</w:pict>')


def _vml_hr() -> str:
    return (f'<w:pict><v:rect id="_x0000_i{next(_IDS)}" style="width:0;height:1.5pt" '
            'o:hralign="center" o:hrstd="t" o:hr="t" fillcolor="#a0a0a0" stroked="f"/>'
            '</w:pict>')


def _alternate() -> str:
    return ('<mc:AlternateContent><mc:Choice Requires="wps">' + anchor(_shape()) +
            '</mc:Choice><mc:Fallback>' + _vml_line() + '</mc:Fallback></mc:AlternateContent>')


def run_with(content: str) -> object:
    """A w:r holding `content` (drawing markup)."""
    return parse_xml(f"<w:r {NAMESPACES}>{content}</w:r>")


def border(ppr: object, side: str, val: str = "single") -> None:
    borders = insert_ordered(ppr, OxmlElement("w:pBdr"))  # type: ignore[arg-type]
    line = OxmlElement(f"w:{side}")
    for name, value in (("val", val), ("sz", "6"), ("space", "1"), ("color", "000000")):
        line.set(qn(f"w:{name}"), value)
    borders.append(line)


def after(paragraph: Paragraph) -> Paragraph:
    """A new empty paragraph right after `paragraph`, centred, no indent."""
    p = OxmlElement("w:p")
    paragraph._p.addnext(p)
    new = Paragraph(p, paragraph._parent)
    new.alignment = paragraph.alignment
    new.paragraph_format.space_before = Pt(0)
    new.paragraph_format.space_after = Pt(0)
    return new


def _cell_bottom(paragraph: Paragraph) -> None:
    cell = paragraph._parent
    assert isinstance(cell, _Cell), "a cell border needs the text in a table cell"
    tcpr = cell._tc.get_or_add_tcPr()
    borders = insert_ordered(tcpr, OxmlElement("w:tcBorders"))
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)


def _rule_paragraph(paragraph: Paragraph, side: str) -> None:
    line = after(paragraph)
    border(line._p.get_or_add_pPr(), side)
    line.paragraph_format.left_indent = Pt(60)
    line.paragraph_format.right_indent = Pt(60)


def _typed(paragraph: Paragraph, kind: str) -> None:
    text = TYPED_KINDS[kind]
    if kind == "typed-br":
        run = paragraph.add_run()
        run.add_break()
        run.add_text(text)
        run.font.size = paragraph.runs[0].font.size
        return
    line = after(paragraph)
    run = line.add_run(text)
    run.font.size = Pt(13)
    if kind == "typed-superscript":
        run.font.superscript = True


def _underlined(paragraph: Paragraph, kind: str) -> None:
    """The underline officers use for a line: the text's own, or under blanks after it."""
    if kind == "underlined-text":
        for run in paragraph.runs:
            run.font.underline = True
        return
    if kind == "underlined-tab-br":  # a line break, then an underlined tab, in the paragraph
        run = paragraph.add_run()
        run.add_break()
        run.add_tab()
        run.font.underline = True
        return
    line = after(paragraph)
    if kind == "underlined-padded":  # a short line in the middle: plain, underlined, plain
        line.add_run("      ")
    run = line.add_run()
    if kind == "underlined-tabs":
        run.add_tab()
        run.add_tab()
    else:
        run.add_text("              ")
    run.font.underline = True
    run.font.size = Pt(13)
    if kind == "underlined-padded":
        line.add_run("      ")


_DRAW: dict[str, Callable[[Paragraph], None]] = {
    "bottom-border": lambda p: border(p._p.get_or_add_pPr(), "bottom"),
    "dashed-border": lambda p: border(p._p.get_or_add_pPr(), "bottom", "dashed"),
    "rule-paragraph": lambda p: _rule_paragraph(p, "top"),
    "rule-paragraph-bottom": lambda p: _rule_paragraph(p, "bottom"),
    "shape-inline": lambda p: after(p)._p.append(run_with(inline(_shape()))),
    "shape-anchor": lambda p: p._p.append(run_with(anchor(_shape()))),
    "shape-group": lambda p: p._p.append(run_with(anchor(_group()))),
    "shape-vertical": lambda p: p._p.append(run_with(anchor(_shape(cy=LENGTH_EMU),
                                                            cy=LENGTH_EMU))),
    "shape-rectangle": lambda p: p._p.append(run_with(anchor(_shape(prst="rect", cy=90000),
                                                             cy=90000))),
    "shape-dashed": lambda p: p._p.append(run_with(anchor(_shape(dash="dash")))),
    "alternate": lambda p: p._p.append(run_with(_alternate())),
    "vml-line": lambda p: after(p)._p.append(run_with(_vml_line())),
    "vml-vertical": lambda p: after(p)._p.append(run_with(_vml_line(to="0,40pt"))),
    "vml-connector": lambda p: p._p.append(run_with(_vml_connector())),
    "vml-hr": lambda p: after(p)._p.append(run_with(_vml_hr())),
    "cell": _cell_bottom,
}


def draw(paragraph: Paragraph, kind: str | None) -> None:
    """Put a line of `kind` under `paragraph` (None: no line at all)."""
    if kind is None:
        return
    if kind in TYPED_KINDS:
        _typed(paragraph, kind)
    elif kind in UNDERLINED_KINDS:
        _underlined(paragraph, kind)
    else:
        _DRAW[kind](paragraph)
