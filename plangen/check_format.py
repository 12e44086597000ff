"""Read any .docx as a reader sees it: paragraphs, lines and runs with their effective formatting.

Formatting is resolved the way Word resolves it (ECMA-376 Part 1 §17.7.2): document defaults,
then the table style, numbering, the paragraph style with its basedOn chain, the character style,
and direct formatting last, each property (and each attribute of w:ind, w:spacing, w:rFonts)
inherited on its own. Toggle properties (bold, italic, caps …) flip at each style level that
turns them on and are set outright by direct formatting (§17.7.3). Theme fonts are looked up in
the theme part. Only this module reads the WordprocessingML of an arbitrary document; the rules
work on the `Layout` it returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from plangen.check_package import R_NS, W_NS, Package

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_W = f"{{{W_NS}}}"
DEFAULT_SIZE = 10.0  # pt, when no level sets w:sz (ECMA-376 §17.3.2.38)
TOGGLES = ("b", "i", "caps", "smallCaps", "strike", "vanish")
_WRAPPERS = frozenset(_W + tag for tag in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent",
                                           "fldSimple", "customXml", "dir", "bdo", "moveTo"))
_BLOCK_WRAPPERS = frozenset(_W + tag for tag in ("sdt", "sdtContent", "customXml", "ins",
                                                 "moveTo"))
_OFF = ("0", "false", "off")
_ALIGN = {"start": "left", "end": "right", "distribute": "both", "justify": "both",
          "mediumKashida": "both", "highKashida": "both", "lowKashida": "both",
          "thaiDistribute": "both"}
_FIELD_WORD = re.compile(r"[A-Z]+")
_PPR, _RPR, _PSTYLE, _VAL = _W + "pPr", _W + "rPr", _W + "pStyle", _W + "val"
_RSTYLE = _W + "rStyle"
_P, _R, _T, _TBL = _W + "p", _W + "r", _W + "t", _W + "tbl"
_TAB, _PTAB, _BR, _CR = _W + "tab", _W + "ptab", _W + "br", _W + "cr"
_NO_BREAK_HYPHEN, _INSTR, _FLDCHAR = _W + "noBreakHyphen", _W + "instrText", _W + "fldChar"
_FLDCHAR_TYPE, _VANISH = _W + "fldCharType", _W + "vanish"
_SECTPR_IN_PPR = f"{_PPR}/{_W}sectPr"


def w(tag: str) -> str:
    """ "jc" -> "{w namespace}jc"."""
    return _W + tag


# ---- what the rules see ---------------------------------------------------------------------


@dataclass(slots=True)  # built thousands of times a batch: no frozen overhead
class RunLook:
    """A run of text as shown (caps applied) with its effective character formatting."""

    text: str
    font: str | None  # the w:ascii slot, theme fonts resolved
    font_hansi: str | None  # the w:hAnsi slot, which shows Vietnamese letters beyond ASCII
    size: float
    bold: bool
    italic: bool
    underline: str | None
    color: str | None  # "000000"-style hex, a theme colour name, or None for automatic


@dataclass(frozen=True)
class ParaLook:
    """Effective paragraph formatting, in twips where it is a length."""

    style_id: str | None
    style_name: str | None
    align: str  # "left", "center", "right" or "both"
    first_line: int  # negative for a hanging indent
    left: int
    right: int
    before: int
    after: int
    line: int | None
    line_rule: str  # "auto" (240ths of a line), "exact" or "atLeast" (twips)
    contextual: bool  # no space between paragraphs of the same style


@dataclass(slots=True)  # built thousands of times a batch: no frozen overhead
class Line:
    """One printed line of a paragraph: a paragraph split at its line breaks."""

    text: str
    runs: tuple[RunLook, ...]


@dataclass(slots=True)  # built thousands of times a batch: no frozen overhead
class Paragraph:
    """A paragraph: its text, number label, effective formatting and place in the document."""

    text: str  # shown text without the automatic number; lines joined by "\n"
    label: str  # the automatic list number ("I.", "1.", "a)") or ""
    look: ParaLook
    lines: tuple[Line, ...]
    story: str  # "body", "header" or "footer"
    index: int  # 1-based within its story
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    section: int = 1
    fields: tuple[str, ...] = ()  # field instructions, upper case: ("PAGE",)
    ends_section: bool = False  # its properties hold a w:sectPr (ECMA-376 §17.6.18)

    @property
    def runs(self) -> tuple[RunLook, ...]:
        return tuple(run for line in self.lines for run in line.runs)


@dataclass(frozen=True)
class Table:
    """A table: its number, section, size and whether its first row repeats on each page."""

    index: int
    section: int
    rows: int
    columns: int
    header_repeats: bool
    paragraphs: tuple[int, ...]  # body indexes of its paragraphs


@dataclass(frozen=True)
class Section:
    """Page setup of one section, with the headers and footers it shows (inherited ones too)."""

    index: int
    width: int | None
    height: int | None
    margins: dict[str, int | None]
    title_page: bool
    number_format: str | None
    headers: dict[str, tuple[Paragraph, ...]] = field(default_factory=dict)
    footers: dict[str, tuple[Paragraph, ...]] = field(default_factory=dict)

    @property
    def landscape(self) -> bool:
        return bool(self.width and self.height and self.width > self.height)


@dataclass(frozen=True)
class Layout:
    """The document as the rules see it."""

    paragraphs: tuple[Paragraph, ...]
    tables: tuple[Table, ...]
    sections: tuple[Section, ...]


# ---- property dictionaries -----------------------------------------------------------------


def _on(element: etree._Element) -> bool:
    return element.get(w("val"), "true") not in _OFF


def ppr_props(ppr: etree._Element | None) -> dict[str, Any]:
    """The paragraph properties set by one w:pPr, attribute by attribute."""
    out: dict[str, Any] = {}
    if ppr is None:
        return out
    for child in ppr:
        tag = child.tag
        if tag == w("jc"):
            out["jc"] = child.get(w("val"))
        elif tag == w("ind"):
            _ind_props(child, out)
        elif tag == w("spacing"):
            for attr in ("before", "after", "line", "lineRule"):
                if child.get(w(attr)) is not None:
                    out[attr] = child.get(w(attr))
        elif tag == w("contextualSpacing"):
            out["contextual"] = _on(child)
        elif tag == w("numPr"):
            num, level = child.find(w("numId")), child.find(w("ilvl"))
            if num is not None:
                out["numId"] = num.get(w("val"))
            if level is not None:
                out["ilvl"] = level.get(w("val"))
    return out


def _ind_props(ind: etree._Element, out: dict[str, Any]) -> None:
    for key, names in (("left", ("left", "start")), ("right", ("right", "end"))):
        for name in names:
            if ind.get(w(name)) is not None:
                out[key] = ind.get(w(name))
                break
    if ind.get(w("hanging")) is not None:
        out["first"] = -_int(ind.get(w("hanging")))
    elif ind.get(w("firstLine")) is not None:
        out["first"] = _int(ind.get(w("firstLine")))


def rpr_props(rpr: etree._Element | None) -> dict[str, Any]:
    """The run properties set by one w:rPr; toggles as booleans, fonts slot by slot."""
    out: dict[str, Any] = {}
    if rpr is None:
        return out
    for child in rpr:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if child.tag != w(name):
            continue
        if name in TOGGLES:
            out[name] = _on(child)
        elif name == "rFonts":
            for slot in ("ascii", "hAnsi"):
                theme = child.get(w(f"{slot}Theme"))
                plain = child.get(w(slot))
                if theme is not None:
                    out[f"font.{slot}"] = ("theme", theme)
                elif plain is not None:
                    out[f"font.{slot}"] = ("font", plain)
        elif name == "sz":
            out["sz"] = child.get(w("val"))
        elif name == "u":
            out["u"] = child.get(w("val"), "single")
        elif name == "color":
            theme = child.get(w("themeColor"))
            out["color"] = theme if theme else child.get(w("val"))
        elif name == "rStyle":
            out["rStyle"] = child.get(w("val"))
    return out


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


# ---- styles ---------------------------------------------------------------------------------


class StyleSheet:
    """Styles, document defaults, numbering and theme fonts of one document, resolved lazily."""

    def __init__(self, styles: etree._Element | None, theme: etree._Element | None = None,
                 numbering: etree._Element | None = None) -> None:
        self.by_id: dict[str, etree._Element] = {}
        self.defaults: dict[str, str] = {}
        if styles is not None:
            for style in styles.iter(w("style")):
                self.by_id.setdefault(style.get(w("styleId"), ""), style)
                if _on_attr(style.get(w("default"))):
                    self.defaults.setdefault(style.get(w("type"), "paragraph"), style.get(
                        w("styleId"), ""))
        root = styles if styles is not None else etree.Element(w("styles"))
        self.doc_ppr = ppr_props(root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}"))
        self.doc_rpr = rpr_props(root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}"))
        self.theme_fonts = _theme_fonts(theme)
        self.numbering = _Numbering(numbering)
        self._chains: dict[tuple[str, str], tuple[dict[str, Any], dict[str, Any]]] = {}
        self.paragraph_looks: dict[tuple[Any, ...], tuple[ParaLook, _Inherited, str, int]] = {}
        self.run_looks: dict[tuple[Any, ...], tuple[bool, tuple[Any, ...]]] = {}

    def style_name(self, style_id: str | None) -> str | None:
        style = self.by_id.get(style_id or "")
        name = style.find(w("name")) if style is not None else None
        return name.get(w("val")) if name is not None else None

    def chain(self, style_id: str | None, kind: str,
              condition: str | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
        """(pPr, rPr) of a style with its basedOn chain applied; the nearest level wins.

        `condition` adds a table style's conditional formatting ("firstRow").
        """
        if not style_id or style_id not in self.by_id:
            style_id = self.defaults.get(kind)
        key = (f"{style_id}|{condition or ''}", kind)
        if key not in self._chains:
            ppr: dict[str, Any] = {}
            rpr: dict[str, Any] = {}
            current, seen = style_id, set()
            while current and current in self.by_id and current not in seen:
                seen.add(current)
                style = self.by_id[current]
                levels = [style]
                if condition:
                    levels = [el for el in style.iter(w("tblStylePr"))
                              if el.get(w("type")) == condition] + levels
                for level in levels:
                    for source, target in ((ppr_props(level.find(w("pPr"))), ppr),
                                           (rpr_props(level.find(w("rPr"))), rpr)):
                        for name, value in source.items():
                            target.setdefault(name, value)
                based = style.find(w("basedOn"))
                current = based.get(w("val")) if based is not None else None
            self._chains[key] = (ppr, rpr)
        return self._chains[key]

    def font(self, value: tuple[str, str] | None) -> str | None:
        """A font name, theme fonts ("minorHAnsi") looked up in the theme."""
        if value is None:
            return None
        kind, name = value
        if kind == "theme":
            return self.theme_fonts.get(name.replace("HAnsi", "Ascii"))
        return name


def _on_attr(value: str | None) -> bool:
    return value is not None and value not in _OFF


def _theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """ "minorAscii" -> the theme's minor latin typeface, and so on."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for kind in ("major", "minor"):
        latin = theme.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
        if latin is not None and latin.get("typeface"):
            out[f"{kind}Ascii"] = latin.get("typeface", "")
    return out


class _Numbering:
    """List numbering: each paragraph's label ("I.", "1.", "a)") and the level's indents."""

    def __init__(self, root: etree._Element | None) -> None:
        self.levels: dict[tuple[str, int], etree._Element] = {}
        if root is None:
            return
        abstract = {el.get(w("abstractNumId")): el for el in root.iter(w("abstractNum"))}
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            source = abstract.get(ref.get(w("val")) if ref is not None else None)
            if source is None:
                continue
            for lvl in source.iter(w("lvl")):
                self.levels[(num.get(w("numId"), ""), _int(lvl.get(w("ilvl"))))] = lvl

    def level(self, num_id: str | None, ilvl: Any) -> etree._Element | None:
        return self.levels.get((num_id or "", _int(ilvl))) if num_id else None

    def label(self, num_id: str, ilvl: int, counters: dict[str, list[int]]) -> str:
        """The label of the next paragraph at this level; `counters` holds the document's
        running counts."""
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return ""
        counts = counters.setdefault(num_id, [0] * 10)
        if ilvl >= len(counts):
            return ""
        counts[ilvl] += 1
        counts[ilvl + 1:] = [0] * (len(counts) - ilvl - 1)
        text_el, fmt_el = lvl.find(w("lvlText")), lvl.find(w("numFmt"))
        text = text_el.get(w("val"), "") if text_el is not None else ""
        fmt = fmt_el.get(w("val"), "decimal") if fmt_el is not None else "decimal"
        if fmt == "bullet":
            return text
        for level in range(ilvl + 1):
            start_el = self.level(num_id, level)
            start = start_el.find(w("start")) if start_el is not None else None
            value = counts[level] + (_int(start.get(w("val")), 1) - 1 if start is not None else 0)
            text = text.replace(f"%{level + 1}", _number(max(value, 1), fmt))
        return text


def _number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
        out = ""
        for amount, numeral in numerals:
            count, value = divmod(value, amount)
            out += numeral * count
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(value)


# ---- resolving one paragraph ----------------------------------------------------------------


@dataclass(frozen=True)
class _TableContext:
    style_id: str | None
    first_row: bool


@dataclass(frozen=True)
class _Inherited:
    """What a paragraph's table style and paragraph style give its runs."""

    key: tuple[Any, ...]
    table: dict[str, Any]
    paragraph: dict[str, Any]


def _props_key(props: etree._Element | None) -> object:
    """A cache key standing for what a w:pPr or w:rPr sets: usually just a style name, else
    the element's bytes (reading the properties is what the cache saves)."""
    if props is None:
        return ""
    if len(props) == 1 and not props.attrib:
        only = props[0]
        if only.tag in (_PSTYLE, _RSTYLE) and len(only.attrib) == 1 and not len(only):
            return (only.tag, only.get(_VAL))
    return etree.tostring(props)


class Resolver:
    """Effective paragraph and run formatting through every level of the style hierarchy.

    Looks are cached on the style sheet by (styles, direct properties), so a batch that renders
    thousands of documents through one template resolves each combination once.
    """

    def __init__(self, sheet: StyleSheet) -> None:
        self.sheet = sheet
        self.counters: dict[str, list[int]] = {}

    def paragraph(self, p: etree._Element,
                  table: _TableContext | None = None) -> tuple[ParaLook, _Inherited, str]:
        """The paragraph's look, what its styles give its runs, and its list label."""
        ppr = p.find(_PPR)
        key = (_props_key(ppr), table)
        cached = self.sheet.paragraph_looks.get(key)
        if cached is None:
            style_el = ppr.find(_PSTYLE) if ppr is not None else None
            style_id = style_el.get(_VAL) if style_el is not None else None
            cached = self._resolve_paragraph(style_id, table, ppr_props(ppr))
            self.sheet.paragraph_looks[key] = cached
        look, inherited, num_id, ilvl = cached
        label = self.sheet.numbering.label(num_id, ilvl, self.counters) if num_id else ""
        return look, inherited, label

    def _resolve_paragraph(self, style_id: str | None, table: _TableContext | None,
                           direct: dict[str, Any]) -> tuple[ParaLook, _Inherited, str, int]:
        sheet = self.sheet
        style_ppr, style_rpr = sheet.chain(style_id, "paragraph")
        table_ppr, table_rpr = ({}, {}) if table is None else sheet.chain(
            table.style_id, "table", "firstRow" if table.first_row else None)
        num_id = direct.get("numId", style_ppr.get("numId"))
        ilvl = _int(direct.get("ilvl", style_ppr.get("ilvl", "0")))
        level = sheet.numbering.level(num_id, ilvl) if num_id and num_id != "0" else None
        numbered = ppr_props(level.find(_PPR)) if level is not None else {}
        layers = [sheet.doc_ppr, table_ppr]
        # a list level's indents sit below the style that names the list, above the one that
        # does not (Word gives a directly applied list its own indents)
        layers += [numbered, style_ppr] if "numId" not in direct else [style_ppr, numbered]
        props: dict[str, Any] = {}
        for layer in [*layers, direct]:
            props.update(layer)
        jc = str(props.get("jc") or "left")
        look = ParaLook(
            style_id=style_id,
            style_name=sheet.style_name(style_id or sheet.defaults.get("paragraph")),
            align=_ALIGN.get(jc, jc),
            first_line=_int(props.get("first")), left=_int(props.get("left")),
            right=_int(props.get("right")), before=_int(props.get("before")),
            after=_int(props.get("after")),
            line=_int(props["line"]) if props.get("line") is not None else None,
            line_rule=str(props.get("lineRule") or "auto"),
            contextual=bool(props.get("contextual")))
        inherited = _Inherited((style_id, table), table_rpr, style_rpr)
        return look, inherited, (num_id or "") if level is not None else "", ilvl

    def run(self, r: etree._Element, inherited: _Inherited, text: str) -> RunLook:
        """A run's look, given what its paragraph and table styles give."""
        rpr = r.find(_RPR)
        key = (inherited.key, _props_key(rpr))
        look = self.sheet.run_looks.get(key)
        if look is None:
            look = self._resolve_run(inherited, rpr_props(rpr))
            self.sheet.run_looks[key] = look
        caps, values = look
        return RunLook(text.upper() if caps else text, *values)

    def _resolve_run(self, inherited: _Inherited,
                     direct: dict[str, Any]) -> tuple[bool, tuple[Any, ...]]:
        sheet = self.sheet
        _, char_rpr = sheet.chain(direct.get("rStyle"), "character")
        values: dict[str, Any] = dict(sheet.doc_rpr)
        toggles = {name: bool(sheet.doc_rpr.get(name, False)) for name in TOGGLES}
        for level in (inherited.table, inherited.paragraph, char_rpr):
            for name, value in level.items():
                if name in TOGGLES:
                    toggles[name] = toggles[name] != value if value else toggles[name]
                else:
                    values[name] = value
        for name, value in direct.items():
            if name in TOGGLES:
                toggles[name] = value
            else:
                values[name] = value
        color = values.get("color")
        return toggles["caps"], (
            sheet.font(values.get("font.ascii")), sheet.font(values.get("font.hAnsi")),
            _int(values["sz"]) / 2 if values.get("sz") else DEFAULT_SIZE,
            toggles["b"], toggles["i"],
            None if values.get("u") in (None, "none") else str(values["u"]),
            None if color in (None, "auto") else str(color))


# ---- walking the document -------------------------------------------------------------------


class _Reader:
    def __init__(self, package: Package, main: str, sheet: StyleSheet) -> None:
        self.package = package
        self.main = main
        self.resolver = Resolver(sheet)
        self.paragraphs: list[Paragraph] = []
        self.tables: list[Table] = []
        self.table_count = 0
        self.section = 1  # of the body paragraph being read

    def story(self, root: etree._Element, story: str) -> list[Paragraph]:
        out: list[Paragraph] = []
        self._blocks(root, story, out, None, None)
        return out

    def _blocks(self, container: etree._Element, story: str, out: list[Paragraph],
                cell: tuple[int, int, int] | None, table: _TableContext | None) -> None:
        for child in container:
            if child.tag == _P:
                out.append(self._paragraph(child, story, len(out) + 1, cell, table))
            elif child.tag == _TBL:
                self._table(child, story, out)
            elif child.tag in _BLOCK_WRAPPERS:
                self._blocks(child, story, out, cell, table)

    def _table(self, tbl: etree._Element, story: str, out: list[Paragraph]) -> None:
        self.table_count += 1
        number = self.table_count
        style_el = tbl.find(f"{w('tblPr')}/{w('tblStyle')}")
        style_id = style_el.get(w("val")) if style_el is not None else None
        first_row_on = _first_row_styled(tbl.find(f"{w('tblPr')}/{w('tblLook')}"))
        start = len(out)
        rows = list(_rows(tbl))
        for row_index, tr in enumerate(rows, start=1):
            context = _TableContext(style_id, first_row_on and row_index == 1)
            for cell_index, tc in enumerate(_cells(tr), start=1):
                self._blocks(tc, story, out, (number, row_index, cell_index), context)
        grid = tbl.find(w("tblGrid"))
        columns = len(grid.findall(w("gridCol"))) if grid is not None else max(
            (len(list(_cells(tr))) for tr in rows), default=0)
        header = bool(rows) and _row_repeats(rows[0])
        if story == "body":
            self.tables.append(Table(number, 0, len(rows), columns, header,
                                     tuple(p.index for p in out[start:])))

    def _paragraph(self, p: etree._Element, story: str, index: int,
                   cell: tuple[int, int, int] | None,
                   table: _TableContext | None) -> Paragraph:
        look, inherited, label = self.resolver.paragraph(p, table)
        lines: list[Line] = []
        current: list[RunLook] = []
        fields: list[str] = []
        for r, text in _runs(p, fields):
            pieces = text.split("\n")
            for number, piece in enumerate(pieces):
                if number:
                    lines.append(_line(current))
                    current = []
                if piece:
                    current.append(self.resolver.run(r, inherited, piece))
        lines.append(_line(current))
        text = "\n".join(line.text for line in lines)
        table_no, row, cell_no = cell if cell else (None, None, None)
        ends = story == "body" and cell is None and p.find(_SECTPR_IN_PPR) is not None
        section = self.section if story == "body" else 0
        self.section += ends
        return Paragraph(text, label, look, tuple(lines), story, index, table_no, row, cell_no,
                         section, tuple(fields), ends)


def _line(runs: list[RunLook]) -> Line:
    return Line("".join(run.text for run in runs), tuple(runs))


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    for child in tbl:
        if child.tag == w("tr"):
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _rows(child)


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in tr:
        if child.tag == w("tc"):
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _cells(child)


def _first_row_styled(look: etree._Element | None) -> bool:
    """Whether the table style's first-row formatting applies (w:tblLook, §17.4.56)."""
    if look is None:
        return False
    if look.get(w("firstRow")) is not None:
        return _on_attr(look.get(w("firstRow")))
    return bool(_int(int(look.get(w("val")) or "0", 16) if re.fullmatch(
        "[0-9A-Fa-f]{1,4}", look.get(w("val")) or "") else 0) & 0x0020)


def _row_repeats(tr: etree._Element) -> bool:
    found = tr.find(f"{w('trPr')}/{w('tblHeader')}")
    return found is not None and _on(found)


def _runs(p: etree._Element, fields: list[str]) -> Iterator[tuple[etree._Element, str]]:
    """Each visible run of `p` with its text (line breaks as "\\n"); field codes go to
    `fields`, hidden and deleted text is left out."""
    instruction: list[str] = []
    for r in _run_elements(p, fields):
        parts: list[str] = []
        hidden = False
        for child in r:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag in (_TAB, _PTAB):
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
            elif tag == _INSTR:
                instruction.append(child.text or "")
            elif tag == _FLDCHAR and child.get(_FLDCHAR_TYPE) in ("separate", "end") \
                    and instruction:
                fields.append(_field_name("".join(instruction)))
                instruction = []
            elif tag == _RPR:
                vanish = child.find(_VANISH)
                hidden = vanish is not None and _on(vanish)
        if parts and not hidden:
            yield r, "".join(parts)


def _run_elements(container: etree._Element, fields: list[str]) -> Iterator[etree._Element]:
    for child in container:
        if child.tag == _R:
            yield child
        elif child.tag in _WRAPPERS:
            if child.tag == _W + "fldSimple":
                fields.append(_field_name(child.get(_W + "instr", "")))
            yield from _run_elements(child, fields)


def _field_name(instruction: str) -> str:
    found = _FIELD_WORD.search(instruction.upper())
    return found.group() if found else ""


# ---- sections and headers -------------------------------------------------------------------


def _section_props(sect: etree._Element | None) -> dict[str, Any]:
    if sect is None:
        return {"refs": {}}
    size, margins = sect.find(w("pgSz")), sect.find(w("pgMar"))
    title = sect.find(w("titlePg"))
    numbers = sect.find(w("pgNumType"))
    refs: dict[tuple[str, str], str] = {}
    for kind in ("header", "footer"):
        for ref in sect.findall(w(f"{kind}Reference")):
            refs[(kind, ref.get(w("type"), "default"))] = ref.get(f"{{{R_NS}}}id", "")
    return {
        "width": _int(size.get(w("w"))) if size is not None and size.get(w("w")) else None,
        "height": _int(size.get(w("h"))) if size is not None and size.get(w("h")) else None,
        "margins": {side: (abs(_int(margins.get(w(side)))) if margins is not None and
                           margins.get(w(side)) is not None else None)
                    for side in ("top", "bottom", "left", "right")},
        "title_page": title is not None and _on(title),
        "number_format": numbers.get(w("fmt")) if numbers is not None else None,
        "refs": refs,
    }


def read_layout(package: Package) -> Layout | None:
    """The layout of the main document, or None when there is no readable document part."""
    main = package.main_part()
    document = package.xml(main) if main else None
    body = document.find(w("body")) if document is not None else None
    if main is None or body is None:
        return None
    sheet = style_sheet(package, main)
    reader = _Reader(package, main, sheet)
    paragraphs = reader.story(body, "body")
    # a section ends at a paragraph whose properties hold a w:sectPr (ECMA-376 §17.6.18)
    breaks = [sect for sect in body.iter(_W + "sectPr")
              if sect.getparent() is not None and sect.getparent().tag == _PPR]
    sections = _sections(reader, list(breaks), body.find(w("sectPr")))
    tables = tuple(Table(t.index, _table_section(t, paragraphs), t.rows, t.columns,
                         t.header_repeats, t.paragraphs) for t in reader.tables)
    return Layout(tuple(paragraphs), tables, tuple(sections))


def style_sheet(package: Package, main: str) -> StyleSheet:
    """The document's styles, theme fonts and numbering; shared by documents with the same
    parts (a batch renders thousands through one template)."""
    parts = [package.related(main, kind) for kind in ("styles", "theme", "numbering")]
    data = [package.parts.get(name, b"") if name else b"" for name in parts]
    if not any(data):
        return StyleSheet(None)
    return _cached_sheet(*data, package=package, names=tuple(parts))


_SHEETS: dict[tuple[bytes, bytes, bytes], StyleSheet] = {}


def _cached_sheet(styles: bytes, theme: bytes, numbering: bytes, *, package: Package,
                  names: tuple[str | None, ...]) -> StyleSheet:
    key = (styles, theme, numbering)
    sheet = _SHEETS.get(key)
    if sheet is None:
        trees = [package.xml(name) if name else None for name in names]
        sheet = StyleSheet(*trees)
        if len(_SHEETS) >= 8:
            _SHEETS.clear()
        _SHEETS[key] = sheet
    return sheet


def _related_xml(package: Package, main: str, kind: str) -> etree._Element | None:
    name = package.related(main, kind)
    return package.xml(name) if name else None


def _sections(reader: _Reader, breaks: list[etree._Element | None],
              final: etree._Element | None) -> list[Section]:
    props = [_section_props(sect) for sect in breaks if sect is not None]
    props.append(_section_props(final))
    sections: list[Section] = []
    inherited: dict[tuple[str, str], tuple[Paragraph, ...]] = {}
    for number, setup in enumerate(props, start=1):
        for key, rel_id in setup["refs"].items():
            inherited[key] = reader_story(reader, rel_id, key[0])
        sections.append(Section(
            number, setup.get("width"), setup.get("height"), setup.get("margins", {}),
            setup.get("title_page", False), setup.get("number_format"),
            headers={kind: inherited[("header", kind)] for kind in ("default", "first", "even")
                     if ("header", kind) in inherited},
            footers={kind: inherited[("footer", kind)] for kind in ("default", "first", "even")
                     if ("footer", kind) in inherited}))
    return sections


def reader_story(reader: _Reader, rel_id: str, kind: str) -> tuple[Paragraph, ...]:
    """The paragraphs of the header or footer part that `rel_id` names."""
    rel = reader.package.rels(reader.main).get(rel_id)
    root = reader.package.xml(rel.target) if rel is not None and not rel.external else None
    if root is None:
        return ()
    return tuple(reader.story(root, kind))


def _table_section(table: Table, paragraphs: list[Paragraph]) -> int:
    first = table.paragraphs[0] if table.paragraphs else None
    return paragraphs[first - 1].section if first else 1
