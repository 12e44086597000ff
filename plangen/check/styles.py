"""Effective formatting of a paragraph or run in any .docx, resolved the way Word does.

ECMA-376 Part 1 §17.7.2: document defaults, then the table style, numbering, the paragraph
style with its basedOn chain, the character style, and direct formatting last, each property
(and each attribute of w:ind, w:spacing, w:rFonts) inherited on its own. Toggle properties
(bold, italic, caps …) flip at each style level that turns them on and are set outright by
direct formatting (§17.7.3). Theme fonts are looked up in the theme part. With check_format,
the only code that reads the WordprocessingML of an arbitrary document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from lxml import etree

from plangen.check.package import W_NS

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_W = W = f"{{{W_NS}}}"  # the namespace as an lxml tag prefix
DEFAULT_SIZE = 10.0  # pt, when no level sets w:sz (ECMA-376 §17.3.2.38)
TOGGLES = ("b", "i", "caps", "smallCaps", "strike", "vanish")
_OFF = ("0", "false", "off")
_ALIGN = {"start": "left", "end": "right", "distribute": "both", "justify": "both",
          "mediumKashida": "both", "highKashida": "both", "lowKashida": "both",
          "thaiDistribute": "both"}
PPR, RPR, _PSTYLE, _VAL = _W + "pPr", _W + "rPr", _W + "pStyle", _W + "val"
_RSTYLE = _W + "rStyle"


def w(tag: str) -> str:
    """ "jc" -> "{w namespace}jc"."""
    return _W + tag


# ---- looks ----------------------------------------------------------------------------------


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
    border_top: str | None = None  # the w:pBdr stroke drawn above ("single" …), or None
    border_bottom: str | None = None  # the w:pBdr stroke drawn below, or None
    border_left: str | None = None  # … at the left and at the right (a framed paragraph)
    border_right: str | None = None


# ---- property dictionaries -----------------------------------------------------------------


def is_on(element: etree._Element) -> bool:
    """Whether an on/off property element (w:b, w:titlePg …) is on."""
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
            out["contextual"] = is_on(child)
        elif tag == w("pBdr"):
            for side in ("top", "bottom", "left", "right"):  # each side inherits on its own
                border = child.find(w(side))
                if border is not None:
                    out[f"border.{side}"] = border.get(w("val"), "single")
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
        out["first"] = -to_int(ind.get(w("hanging")))
    elif ind.get(w("firstLine")) is not None:
        out["first"] = to_int(ind.get(w("firstLine")))


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
            out[name] = is_on(child)
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


def to_int(value: Any, default: int = 0) -> int:
    """A whole number from an attribute, `default` when it is missing or not a number."""
    try:
        return int(float(value))
    except (TypeError, ValueError, OverflowError):  # None, "abc", "NaN", "1e999"
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
                if attr_on(style.get(w("default"))):
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
        # header and footer stories already read, by their part's bytes (see check_format)
        self.stories: dict[tuple[str, bytes], tuple[Any, ...]] = {}
        # body blocks already read, by the root's namespaces, then the block's bytes
        self.blocks: dict[tuple[tuple[str | None, str], ...], dict[bytes, Any]] = {}

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


def attr_on(value: str | None) -> bool:
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
        self._formats: dict[etree._Element, tuple[str, str]] = {}
        self._offsets: dict[tuple[str, int], int] = {}
        if root is None:
            return
        abstract = {el.get(w("abstractNumId")): el for el in root.iter(w("abstractNum"))}
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            source = abstract.get(ref.get(w("val")) if ref is not None else None)
            if source is None:
                continue
            for lvl in source.iter(w("lvl")):
                self.levels[(num.get(w("numId"), ""), to_int(lvl.get(w("ilvl"))))] = lvl

    def level(self, num_id: str | None, ilvl: Any) -> etree._Element | None:
        return self.levels.get((num_id or "", to_int(ilvl))) if num_id else None

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
        text, fmt = self._format(lvl)
        if fmt == "bullet":
            return text
        for level in range(ilvl + 1):
            value = counts[level] + self._start_offset(num_id, level)
            text = text.replace(f"%{level + 1}", _number(max(value, 1), fmt))
        return text

    def _format(self, lvl: etree._Element) -> tuple[str, str]:
        """A level's w:lvlText and w:numFmt (read once: every numbered paragraph asks)."""
        known = self._formats.get(lvl)
        if known is None:
            text_el, fmt_el = lvl.find(w("lvlText")), lvl.find(w("numFmt"))
            known = (text_el.get(w("val"), "") if text_el is not None else "",
                     fmt_el.get(w("val"), "decimal") if fmt_el is not None else "decimal")
            self._formats[lvl] = known
        return known

    def _start_offset(self, num_id: str, level: int) -> int:
        """How far a level's w:start moves its count from 1 (0 without one)."""
        key = (num_id, level)
        offset = self._offsets.get(key)
        if offset is None:
            start_el = self.level(num_id, level)
            start = start_el.find(w("start")) if start_el is not None else None
            offset = to_int(start.get(w("val")), 1) - 1 if start is not None else 0
            self._offsets[key] = offset
        return offset


def _drawn(stroke: Any) -> str | None:
    """A border's stroke, None when it draws nothing."""
    return None if stroke in (None, "nil", "none") else str(stroke)


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


class TableContext(NamedTuple):  # a cache key for every table paragraph: a cheap hash
    """The table a paragraph sits in: its style, and whether its row is the first."""

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
    the tag and attributes of its children and of theirs (w:numPr's w:numId), which is all
    `ppr_props` and `rpr_props` read (reading the properties is what the cache saves)."""
    if props is None:
        return ""
    if len(props) == 1 and not props.attrib:
        only = props[0]
        if only.tag in (_PSTYLE, _RSTYLE) and len(only.attrib) == 1 and not len(only):
            return (only.tag, only.get(_VAL))
    return (tuple(props.attrib.items()),
            tuple([(child.tag, tuple(child.attrib.items()),
                    tuple([(grand.tag, tuple(grand.attrib.items())) for grand in child]))
                   for child in props]))


class Resolver:
    """Effective paragraph and run formatting through every level of the style hierarchy.

    Looks are cached on the style sheet by (styles, direct properties), so a batch that renders
    thousands of documents through one template resolves each combination once.
    """

    def __init__(self, sheet: StyleSheet) -> None:
        self.sheet = sheet
        self.counters: dict[str, list[int]] = {}
        self.labelled = 0  # paragraphs given a list number so far (each moves the counters)

    def paragraph(self, p: etree._Element,
                  table: TableContext | None = None) -> tuple[ParaLook, _Inherited, str]:
        """The paragraph's look, what its styles give its runs, and its list label."""
        return self.paragraph_look(p.find(PPR), table)

    def paragraph_look(self, ppr: etree._Element | None,
                       table: TableContext | None = None) -> tuple[ParaLook, _Inherited, str]:
        """`paragraph` for a paragraph whose (first) w:pPr is `ppr` (None: it has none)."""
        key = (_props_key(ppr), table)
        cached = self.sheet.paragraph_looks.get(key)
        if cached is None:
            style_el = ppr.find(_PSTYLE) if ppr is not None else None
            style_id = style_el.get(_VAL) if style_el is not None else None
            cached = self._resolve_paragraph(style_id, table, ppr_props(ppr))
            self.sheet.paragraph_looks[key] = cached
        look, inherited, num_id, ilvl = cached
        if not num_id:
            return look, inherited, ""
        self.labelled += 1
        return look, inherited, self.sheet.numbering.label(num_id, ilvl, self.counters)

    def _resolve_paragraph(self, style_id: str | None, table: TableContext | None,
                           direct: dict[str, Any]) -> tuple[ParaLook, _Inherited, str, int]:
        sheet = self.sheet
        style_ppr, style_rpr = sheet.chain(style_id, "paragraph")
        table_ppr, table_rpr = ({}, {}) if table is None else sheet.chain(
            table.style_id, "table", "firstRow" if table.first_row else None)
        num_id = direct.get("numId", style_ppr.get("numId"))
        ilvl = to_int(direct.get("ilvl", style_ppr.get("ilvl", "0")))
        level = sheet.numbering.level(num_id, ilvl) if num_id and num_id != "0" else None
        numbered = ppr_props(level.find(PPR)) if level is not None else {}
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
            first_line=to_int(props.get("first")), left=to_int(props.get("left")),
            right=to_int(props.get("right")), before=to_int(props.get("before")),
            after=to_int(props.get("after")),
            line=to_int(props["line"]) if props.get("line") is not None else None,
            line_rule=str(props.get("lineRule") or "auto"),
            contextual=bool(props.get("contextual")),
            border_top=_drawn(props.get("border.top")),
            border_bottom=_drawn(props.get("border.bottom")),
            border_left=_drawn(props.get("border.left")),
            border_right=_drawn(props.get("border.right")))
        inherited = _Inherited((style_id, table), table_rpr, style_rpr)
        return look, inherited, (num_id or "") if level is not None else "", ilvl

    def run(self, r: etree._Element, inherited: _Inherited, text: str) -> RunLook:
        """A run's look, given what its paragraph and table styles give."""
        return self.run_look(r.find(RPR), inherited, text)

    def run_look(self, rpr: etree._Element | None, inherited: _Inherited,
                 text: str) -> RunLook:
        """The look of a run whose w:rPr is `rpr` (None: it has none)."""
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
            to_int(values["sz"]) / 2 if values.get("sz") else DEFAULT_SIZE,
            toggles["b"], toggles["i"],
            None if values.get("u") in (None, "none") else str(values["u"]),
            None if color in (None, "auto") else str(color))
