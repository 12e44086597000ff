"""Read any .docx as a reader sees it: paragraphs, lines and runs with their effective formatting.

The body, table cells (nested too), headers and footers are walked in reading order; each
paragraph is split into its printed lines, keeps its list number, its place (paragraph, table,
row, cell, section) and its field codes; sections keep their page setup and the headers they
show. check_styles resolves the formatting, check_drawing finds drawn lines (shapes, cell
borders). These modules are the only ones that read the WordprocessingML of an arbitrary
document; the rules work on the `Layout` returned here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree

from plangen.check.blocks import body_blocks
from plangen.check.drawing import Drawn, cell_edges, has_drawing, paragraph_lines, table_borders
from plangen.check.grid import Grid, cell_columns, table_grid
from plangen.check.package import R_NS, Package
from plangen.check.styles import (
    PPR,
    RPR,
    ParaLook,
    Resolver,
    RunLook,
    StyleSheet,
    TableContext,
    W,
    attr_on,
    is_on,
    to_int,
    w,
)
from plangen.wordml import BLOCK_WRAPPERS, row_cells, table_rows

_W = W
_FIELD_WORD = re.compile(r"[A-Z]+")
_P, _R, _T, _TBL = _W + "p", _W + "r", _W + "t", _W + "tbl"
_TAB, _PTAB, _BR, _CR = _W + "tab", _W + "ptab", _W + "br", _W + "cr"
_NO_BREAK_HYPHEN, _INSTR, _FLDCHAR = _W + "noBreakHyphen", _W + "instrText", _W + "fldChar"
_FLDCHAR_TYPE, _VANISH = _W + "fldCharType", _W + "vanish"
_SECTPR = _W + "sectPr"
_TBLPR, _TBLSTYLE, _TBLLOOK = _W + "tblPr", _W + "tblStyle", _W + "tblLook"
_TBLGRID, _GRIDCOL = _W + "tblGrid", _W + "gridCol"
_TRPR, _TBLHEADER = _W + "trPr", _W + "tblHeader"
_VAL = _W + "val"
_FLD_SIMPLE = _W + "fldSimple"
_WRAPPERS = frozenset(_W + tag for tag in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent",
                                           "fldSimple", "customXml", "dir", "bdo", "moveTo"))
_BLOCK_WRAPPERS = BLOCK_WRAPPERS
_NEWLINES = re.compile(r"\r\n|[\r\n]")


# ---- what the rules see ---------------------------------------------------------------------


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
    # every run of every line (the rules read them often: kept, not rebuilt each time)
    runs: tuple[RunLook, ...] = field(compare=False, repr=False)
    story: str  # "body", "header" or "footer"
    index: int  # 1-based within its story
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    section: int = 1
    fields: tuple[str, ...] = ()  # field instructions, upper case: ("PAGE",)
    ends_section: bool = False  # its properties hold a w:sectPr (ECMA-376 §17.6.18)
    shapes: tuple[Drawn, ...] = ()  # horizontal line shapes drawn in it
    drawing: bool = False  # it holds a drawing or picture (a signature image, a seal …)


@dataclass(frozen=True)
class Table:
    """A table: its number, section, size and whether its first row repeats on each page."""

    index: int
    section: int
    rows: int
    columns: int
    header_repeats: bool
    paragraphs: tuple[int, ...]  # body indexes of its paragraphs
    bordered: bool = False  # drawn with borders (a data table, not the header's layout grid)
    split_rows: int = 0  # rows a page break may cut (no w:cantSplit)
    width: int | None = None  # the sum of its grid columns, twips


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
    # (table, row, cell) -> the strokes of that cell's top and bottom borders (None: no line)
    cell_edges: dict[tuple[int, int, int], tuple[str | None, str | None]] = field(
        default_factory=dict)
    # table -> its grid; (table, row, cell) -> the grid columns the cell spans
    grids: dict[int, Grid] = field(default_factory=dict)
    cell_grid: dict[tuple[int, int, int], tuple[int, int]] = field(default_factory=dict)
    nested: dict[int, tuple[int, ...]] = field(default_factory=dict)  # table -> tables in it


# ---- walking the document -------------------------------------------------------------------

_MAX_BLOCKS = 4096  # body blocks remembered per style sheet (a commune plan has ~30)


@dataclass(frozen=True, slots=True)
class _Block:
    """What reading one body block gave: its paragraphs, tables and cell borders, numbered
    as they were where it was read (`first` paragraphs and `tables_before` tables before it)."""

    paragraphs: tuple[Paragraph, ...]
    tables: tuple[Table, ...]
    edges: dict[tuple[int, int, int], tuple[str | None, str | None]]
    grids: dict[int, Grid]
    cell_grid: dict[tuple[int, int, int], tuple[int, int]]
    nested: dict[int, tuple[int, ...]]
    table_count: int
    first: int
    tables_before: int


class _Reader:
    """Walks one document's stories, numbering paragraphs and tables as it goes."""

    def __init__(self, package: Package, main: str, sheet: StyleSheet) -> None:
        self.package = package
        self.main = main
        self.resolver = Resolver(sheet)
        self.tables: list[Table] = []
        self.table_count = 0
        self.cell_edges: dict[tuple[int, int, int], tuple[str | None, str | None]] = {}
        self.grids: dict[int, Grid] = {}
        self.cell_grid: dict[tuple[int, int, int], tuple[int, int]] = {}
        self.nested: dict[int, tuple[int, ...]] = {}
        self.open_tables: list[int] = []  # the tables being read, outermost first
        self.section = 1  # of the body paragraph being read

    def story(self, root: etree._Element, story: str) -> list[Paragraph]:
        out: list[Paragraph] = []
        self._blocks(root, story, out, None, None)
        return out

    def body(self, body: etree._Element, blocks: list[bytes] | None,
             namespaces: tuple[tuple[str | None, str], ...]) -> list[Paragraph]:
        """The body's paragraphs; `blocks` (the bytes of each paragraph and table child, see
        check_blocks) lets a block read before, in a document with the same styles and
        namespaces, be taken from memory instead of read again."""
        if blocks is None:
            return self.story(body, "body")
        memos = self.resolver.sheet.blocks
        memo = memos.get(namespaces)
        if memo is None:
            memo = memos[namespaces] = {}
        out: list[Paragraph] = []
        spans = iter(blocks)
        for child in body:
            tag = child.tag
            if tag != _P and tag != _TBL:
                continue  # the section properties, bookmarks: nothing is read from them
            span = next(spans)
            recorded = memo.pop(span, None)
            if recorded is None:
                recorded = self._record(child, tag, out)
                if recorded is None:
                    continue
                if len(memo) >= _MAX_BLOCKS:
                    del memo[next(iter(memo))]  # the least recently used
            else:
                self._replay(recorded, out)
            memo[span] = recorded  # most recently used last

        return out

    def _record(self, child: etree._Element, tag: str, out: list[Paragraph]) -> _Block | None:
        """Read one body block; what it gave, unless a list number was counted in it (a
        later block's number depends on it, so it is read each time)."""
        first, tables, count = len(out), len(self.tables), self.table_count
        labelled = self.resolver.labelled
        if tag == _P:
            out.append(self._paragraph(child, "body", first + 1, None, None))
        else:
            self._table(child, "body", out)
        if self.resolver.labelled != labelled:
            return None
        if tag != _TBL:  # a paragraph draws no cell
            return _Block(tuple(out[first:]), (), {}, {}, {}, {}, 0, first, count)
        edges = {key: value for key, value in self.cell_edges.items() if key[0] > count}
        grids = {key: value for key, value in self.grids.items() if key > count}
        spans = {key: value for key, value in self.cell_grid.items() if key[0] > count}
        nested = {key: value for key, value in self.nested.items() if key > count}
        return _Block(tuple(out[first:]), tuple(self.tables[tables:]), edges, grids, spans,
                      nested, self.table_count - count, first, count)

    def _replay(self, block: _Block, out: list[Paragraph]) -> None:
        """What `block` gave when it was read, at this place of this document."""
        shift, table_shift = len(out) - block.first, self.table_count - block.tables_before
        section = self.section
        for para in block.paragraphs:
            out.append(Paragraph(
                para.text, para.label, para.look, para.lines, para.runs, para.story,
                para.index + shift,
                None if para.table is None else para.table + table_shift,
                para.row, para.cell, section, para.fields, para.ends_section, para.shapes,
                para.drawing))
            self.section += para.ends_section
        for table in block.tables:
            self.tables.append(replace(table, index=table.index + table_shift,
                                       paragraphs=tuple(index + shift
                                                        for index in table.paragraphs)))
        for (number, row, cell), edges in block.edges.items():
            self.cell_edges[(number + table_shift, row, cell)] = edges
        for number, grid in block.grids.items():
            self.grids[number + table_shift] = grid
        for (number, row, cell), span in block.cell_grid.items():
            self.cell_grid[(number + table_shift, row, cell)] = span
        for number, inner in block.nested.items():
            self.nested[number + table_shift] = tuple(n + table_shift for n in inner)
        self.table_count += block.table_count

    def _blocks(self, container: etree._Element, story: str, out: list[Paragraph],
                cell: tuple[int, int, int] | None, table: TableContext | None) -> None:
        for child in container:
            tag = child.tag  # lxml builds the string at each reading
            if tag == _P:
                out.append(self._paragraph(child, story, len(out) + 1, cell, table))
            elif tag == _TBL:
                self._table(child, story, out)
            elif tag in _BLOCK_WRAPPERS:
                self._blocks(child, story, out, cell, table)

    def _table(self, tbl: etree._Element, story: str, out: list[Paragraph]) -> None:
        self.table_count += 1
        number = self.table_count
        style_el = _grandchild(tbl, _TBLPR, _TBLSTYLE)
        style_id = style_el.get(_VAL) if style_el is not None else None
        first_row_on = _first_row_styled(_grandchild(tbl, _TBLPR, _TBLLOOK))
        start = len(out)
        rows = list(table_rows(tbl))
        borders = table_borders(tbl, self.resolver.sheet.by_id)
        for outer in self.open_tables:
            self.nested[outer] = (*self.nested.get(outer, ()), number)
        self.open_tables.append(number)
        self.grids[number] = table_grid(tbl, rows)
        for row_index, tr in enumerate(rows, start=1):
            context = TableContext(style_id, first_row_on and row_index == 1)
            for cell_index, (tc, span) in enumerate(zip(row_cells(tr), cell_columns(tr),
                                                        strict=True), start=1):
                edges = cell_edges(tc, borders, row_index, len(rows))
                if edges != (None, None):
                    self.cell_edges[(number, row_index, cell_index)] = edges
                self.cell_grid[(number, row_index, cell_index)] = span
                self._blocks(tc, story, out, (number, row_index, cell_index), context)
        self.open_tables.pop()
        grid = _child(tbl, _TBLGRID)
        columns = sum(child.tag == _GRIDCOL for child in grid) if grid is not None else max(
            (len(list(row_cells(tr))) for tr in rows), default=0)
        header = bool(rows) and _row_repeats(rows[0])
        if story == "body":
            widths = [_int(col.get(w("w"))) for col in grid.findall(w("gridCol"))] \
                if grid is not None else []
            self.tables.append(Table(
                number, 0, len(rows), columns, header, tuple(p.index for p in out[start:]),
                bordered=_bordered(tbl), split_rows=sum(not _row_keeps(tr) for tr in rows),
                width=sum(widths) if widths and all(widths) else None))

    def _paragraph(self, p: etree._Element, story: str, index: int,
                   cell: tuple[int, int, int] | None,
                   table: TableContext | None) -> Paragraph:
        ppr = p[0] if len(p) and p[0].tag == PPR else _child(p, PPR)  # mostly the first
        look, inherited, label = self.resolver.paragraph_look(ppr, table)
        lines: list[Line] = []
        current: list[RunLook] = []
        every: list[RunLook] = []
        fields: list[str] = []
        run_look = self.resolver.run_look
        for rpr, text in _runs(p, fields):
            if "\n" not in text:  # most runs: one piece, no line break
                look_of = run_look(rpr, inherited, text)
                current.append(look_of)
                every.append(look_of)
                continue
            for number, piece in enumerate(text.split("\n")):
                if number:
                    lines.append(_line(current))
                    current = []
                if piece:
                    look_of = run_look(rpr, inherited, piece)
                    current.append(look_of)
                    every.append(look_of)
        lines.append(_line(current))
        text = lines[0].text if len(lines) == 1 else "\n".join(line.text for line in lines)
        table_no, row, cell_no = cell if cell else (None, None, None)
        ends = story == "body" and cell is None and ppr is not None and _ends_section(p)
        section = self.section if story == "body" else 0
        self.section += ends
        drawing = has_drawing(p)
        shapes = paragraph_lines(p) if drawing else ()
        return Paragraph(text, label, look, tuple(lines), tuple(every), story, index, table_no,
                         row, cell_no, section, tuple(fields), ends, shapes, drawing)


def _child(parent: etree._Element, tag: str) -> etree._Element | None:
    """`parent.find(tag)` for a plain tag (its first child `tag`), without going through
    lxml's ElementPath, which costs more than the loop on the few children of a paragraph."""
    for child in parent:
        if child.tag == tag:
            return child
    return None


def _grandchild(parent: etree._Element, tag: str, inner: str) -> etree._Element | None:
    """`parent.find("tag/inner")`: the first `inner` child of the `tag` children, in order."""
    for child in parent:
        if child.tag == tag:
            found = _child(child, inner)
            if found is not None:
                return found
    return None


def _ends_section(p: etree._Element) -> bool:
    """Whether a w:pPr of `p` holds a w:sectPr (`p.find("w:pPr/w:sectPr")`): the paragraph
    ends a section (ECMA-376 §17.6.18)."""
    return _grandchild(p, PPR, _SECTPR) is not None


def _line(runs: list[RunLook]) -> Line:
    return Line("".join(run.text for run in runs), tuple(runs))


def _first_row_styled(look: etree._Element | None) -> bool:
    """Whether the table style's first-row formatting applies (w:tblLook, §17.4.56)."""
    if look is None:
        return False
    if look.get(w("firstRow")) is not None:
        return attr_on(look.get(w("firstRow")))
    return bool(to_int(int(look.get(w("val")) or "0", 16) if re.fullmatch(
        "[0-9A-Fa-f]{1,4}", look.get(w("val")) or "") else 0) & 0x0020)


def table_context(p: etree._Element) -> TableContext | None:
    """The table style context of a paragraph read on its own (its nearest table, and whether
    its row is that table's first)."""
    row = next(p.iterancestors(_W + "tr"), None)
    tbl = next(p.iterancestors(_TBL), None)
    if row is None or tbl is None:
        return None
    style_el = tbl.find(f"{_W}tblPr/{_W}tblStyle")
    first = next(iter(table_rows(tbl)), None) is row
    return TableContext(style_el.get(_W + "val") if style_el is not None else None,
                        first and _first_row_styled(tbl.find(f"{_W}tblPr/{_W}tblLook")))


def _int(value: str | None) -> int:
    try:
        return int(float(value)) if value else 0
    except (ValueError, OverflowError):
        return 0


def _bordered(tbl: etree._Element) -> bool:
    """Whether the table's own properties draw a border (w:tblBorders, §17.4.39)."""
    borders = tbl.find(f"{w('tblPr')}/{w('tblBorders')}")
    return borders is not None and any(
        (side.get(w("val")) or "nil") not in ("nil", "none") for side in borders)


def _row_keeps(tr: etree._Element) -> bool:
    found = tr.find(f"{w('trPr')}/{w('cantSplit')}")
    return found is not None and is_on(found)


def _row_repeats(tr: etree._Element) -> bool:
    found = _grandchild(tr, _TRPR, _TBLHEADER)
    return found is not None and is_on(found)


def _runs(p: etree._Element, fields: list[str]) -> list[tuple[etree._Element | None, str]]:
    """Each visible run of `p`: its properties (its first w:rPr) and its text (line breaks as
    "\\n"); field codes go to `fields`, hidden and deleted text is left out."""
    out: list[tuple[etree._Element | None, str]] = []
    instruction: list[str] = []
    found: list[etree._Element | str] = []
    _run_elements(p, found)
    for r in found:
        if isinstance(r, str):  # a w:fldSimple's field, in document order
            fields.append(r)
            continue
        parts: list[str] = []
        hidden = False
        rpr = None
        for child in r:
            tag = child.tag
            if tag == _T:  # a newline typed inside w:t shows as a space, not a break
                text = child.text or ""
                parts.append(_NEWLINES.sub(" ", text) if "\n" in text or "\r" in text
                             else text)
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
            elif tag == RPR:
                if rpr is None:
                    rpr = child
                vanish = _child(child, _VANISH)
                hidden = vanish is not None and is_on(vanish)
        if parts and not hidden:
            out.append((rpr, parts[0] if len(parts) == 1 else "".join(parts)))
    return out


def _run_elements(container: etree._Element, into: list[etree._Element | str]) -> None:
    """The runs of `container` (through wrappers) into `into`, in document order, with the
    field name of each w:fldSimple where it opens."""
    for child in container:
        tag = child.tag
        if tag == _R:
            into.append(child)
        elif tag in _WRAPPERS:
            if tag == _FLD_SIMPLE:
                into.append(_field_name(child.get(_W + "instr", "")))
            _run_elements(child, into)


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
        "width": to_int(size.get(w("w"))) if size is not None and size.get(w("w")) else None,
        "height": to_int(size.get(w("h"))) if size is not None and size.get(w("h")) else None,
        "margins": {side: (abs(to_int(margins.get(w(side)))) if margins is not None and
                           margins.get(w(side)) is not None else None)
                    for side in ("top", "bottom", "left", "right")},
        "title_page": title is not None and is_on(title),
        "number_format": numbers.get(w("fmt")) if numbers is not None else None,
        "refs": refs,
    }


def read_layout(package: Package) -> Layout | None:
    """The layout of the main document, or None when there is no readable document part."""
    main = package.main_part()
    document = package.xml(main) if main else None
    body = document.find(w("body")) if document is not None else None
    if main is None or document is None or body is None:
        return None
    sheet = style_sheet(package, main)
    reader = _Reader(package, main, sheet)
    blocks = body_blocks(package.parts.get(main), document, body)
    paragraphs = reader.body(body, blocks, tuple(document.nsmap.items()))
    # a section ends at a paragraph whose properties hold a w:sectPr (ECMA-376 §17.6.18)
    breaks = [sect for sect in body.iter(_W + "sectPr")
              if sect.getparent() is not None and sect.getparent().tag == PPR]
    sections = _sections(reader, list(breaks), body.find(w("sectPr")))
    tables = tuple(replace(t, section=_table_section(t, paragraphs)) for t in reader.tables)
    return Layout(tuple(paragraphs), tables, tuple(sections), reader.cell_edges, reader.grids,
                  reader.cell_grid, reader.nested)


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
            inherited[key] = _story_of(reader, rel_id, key[0])
        sections.append(Section(
            number, setup.get("width"), setup.get("height"), setup.get("margins", {}),
            setup.get("title_page", False), setup.get("number_format"),
            headers={kind: inherited[("header", kind)] for kind in ("default", "first", "even")
                     if ("header", kind) in inherited},
            footers={kind: inherited[("footer", kind)] for kind in ("default", "first", "even")
                     if ("footer", kind) in inherited}))
    return sections


def _story_of(reader: _Reader, rel_id: str, kind: str) -> tuple[Paragraph, ...]:
    """The paragraphs of the header or footer part that `rel_id` names."""
    rel = reader.package.rels(reader.main).get(rel_id)
    data = reader.package.parts.get(rel.target) if rel is not None and not rel.external else None
    if data is None:
        return ()
    stories = reader.resolver.sheet.stories  # a batch's headers are the same bytes each time
    key = (kind, data)
    if key not in stories:
        root = reader.package.xml(rel.target) if rel is not None else None
        stories[key] = tuple(reader.story(root, kind)) if root is not None else ()
    return stories[key]


def _table_section(table: Table, paragraphs: list[Paragraph]) -> int:
    first = table.paragraphs[0] if table.paragraphs else None
    return paragraphs[first - 1].section if first else 1
