"""A plan file (.docx, text, or stdin's bytes) becomes blocks: lines and tables in reading
order.

This is the only module of `plangen.extract` that reads Word's XML. It keeps what a reader
sees once all changes are accepted (tracked insertions kept, deletions and moved-away text
dropped), reads text boxes, content controls and fields' shown results, writes the numbers
and bullets of Word's automatic numbering into the text, splits paragraphs at soft line
breaks, and keeps tables of three or more columns as tables (the appendix) while the
two-column layout tables of the header and signature blocks become lines. Text files are
read by `plaintext`.
"""

from __future__ import annotations

import codecs
import io
import itertools
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from plangen.extract.blocks import (
    Block,
    ExtractError,
    Line,
    Source,
    Table,
    count,
    join_lines,
)
from plangen.extract.emphasis import BOLD, ITALIC, UNDERLINE, Looks, mid_line, stripped, substitute
from plangen.extract.plaintext import read_text
from plangen.files import InputTooLarge, read_bounded, read_member
from plangen.vntext import nfc
from plangen.wordml import row_cells, table_rows

MAX_TEXT_BYTES = 5 * 1024 * 1024
MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 100 * 1024 * 1024  # uncompressed document.xml: refuses zip bombs
_W_URI = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
W = "{" + _W_URI.decode() + "}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                          remove_comments=True, remove_pis=True)
# Inline elements whose text a reader does not see once changes are accepted.
_SKIPPED = frozenset(W + tag for tag in (
    "del", "moveFrom", "delText", "instrText", "delInstrText", "pPr", "rPr", "sdtPr",
    "sdtEndPr", "fldData", "endnoteReference", "commentReference"))
_BLOCK_WRAPPERS = frozenset(W + tag for tag in ("customXml", "ins", "moveTo", "smartTag"))
_BULLET_TEXT = {"+": "+ ", "-": "- ", "–": "- ", "—": "- "}
_HTML = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                   r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[ \u00a0\u2002\u2003\u2009]+")
_TABS = re.compile(r" ?\t[\t ]*")


def read_path(path: Path) -> Source:
    """Read a .docx or a text file; raises ExtractError when it is neither."""
    try:
        data = read_bounded(path, MAX_DOCX_BYTES)
    except InputTooLarge as exc:
        raise ExtractError("extract_too_large", path=str(path), size=exc.size,
                           limit=MAX_DOCX_BYTES) from None
    return read_bytes(data, str(path))


def read_bytes(data: bytes, name: str) -> Source:
    """Read the bytes of a .docx or of a text file (told apart by their content)."""
    if len(data) > MAX_DOCX_BYTES:
        raise ExtractError("extract_too_large", path=name, size=len(data), limit=MAX_DOCX_BYTES)
    if data.startswith(b"PK\x03\x04"):
        return _read_docx(data, name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExtractError("extract_old_doc", path=name)
    if data.startswith(b"%PDF"):
        raise ExtractError("extract_pdf", path=name)
    if len(data) > MAX_TEXT_BYTES:
        raise ExtractError("extract_too_large", path=name, size=len(data), limit=MAX_TEXT_BYTES)
    text = _decode(data, name)
    if not text.strip():
        raise ExtractError("extract_empty", path=name)
    if _HTML.match(text):
        raise ExtractError("extract_html", path=name)
    return read_text(text, name)


def _decode(data: bytes, name: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ExtractError("extract_not_utf8", path=name) from exc


# ---- .docx ------------------------------------------------------------------------------


def _read_docx(data: bytes, name: str) -> Source:
    parts = _docx_parts(data, name)
    reader = _DocxReader(_Numbering(parts.get("numbering"), parts.get("styles")))
    body = parts["document"].find(W + "body")
    if body is not None:
        reader.blocks(body, reader.new_container())
        reader.flush()
    blocks = join_lines(iter(reader.out), reader.repairs)
    return Source(name, "docx", tuple(blocks), reader.repairs, tuple(_notes_text(parts)),
                  _story_lines(parts.get("first_header")), _story_lines(parts.get("first_footer")))


def _docx_parts(data: bytes, name: str) -> dict[str, etree._Element]:
    """The main document and the parts read with it, parsed; "Strict" files read as the
    usual kind (the same markup under another namespace name)."""
    parts: dict[str, etree._Element] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            main = _main_part(archive, names)
            if main not in names:
                raise ExtractError("extract_not_docx", path=name)
            folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
            wanted = {"document": main, "numbering": folder + "numbering.xml",
                      "styles": folder + "styles.xml", "footnotes": folder + "footnotes.xml",
                      "endnotes": folder + "endnotes.xml"}
            for key, part in wanted.items():
                if part in names:
                    try:
                        raw = read_member(archive, archive.getinfo(part), MAX_PART_BYTES)
                    except InputTooLarge as exc:
                        raise ExtractError("extract_too_large", path=name, size=exc.size,
                                           limit=MAX_PART_BYTES) from None
                    raw = raw.replace(_STRICT_W, _W_URI)
                    parts[key] = etree.fromstring(raw, _PARSER)
            for key, part in _first_page_stories(archive, names, main, parts).items():
                raw = read_member(archive, archive.getinfo(part), MAX_PART_BYTES)
                parts[key] = etree.fromstring(raw.replace(_STRICT_W, _W_URI), _PARSER)
    except InputTooLarge as exc:
        raise ExtractError("extract_too_large", path=name, size=exc.size,
                           limit=MAX_PART_BYTES) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, EOFError,
            NotImplementedError, ValueError, zlib.error, etree.XMLSyntaxError) as exc:
        raise ExtractError("extract_bad_docx", path=name, detail=str(exc)) from exc
    return parts


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_STRICT_R = b"http://purl.oclc.org/ooxml/officeDocument/relationships"


def _first_page_stories(archive: zipfile.ZipFile, names: set[str], main: str,
                        parts: dict[str, etree._Element]) -> dict[str, str]:
    """The part names of the header and footer the document's first page shows: those of
    the first section, its "first" ones when it has a title page (ECMA-376 §17.10.5)."""
    document = parts.get("document")
    section = next(document.iter(W + "sectPr"), None) if document is not None else None
    folder, leaf = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", leaf + ".rels")
    if section is None or rels_name not in names:
        return {}
    title = section.find(W + "titlePg")
    kind = "first" if title is not None and title.get(W + "val", "true") not in (
        "0", "false", "off") else "default"
    targets = {rel.get("Id"): rel.get("Target") or "" for rel in etree.fromstring(
        read_member(archive, archive.getinfo(rels_name), MAX_PART_BYTES), _PARSER)}
    out = {}
    for story in ("header", "footer"):
        for reference in section.iterfind(W + story + "Reference"):
            if reference.get(W + "type", "default") != kind:
                continue
            rel_id = reference.get(_R_ID) or reference.get(
                "{" + _STRICT_R.decode() + "}id")
            part = posixpath.normpath(posixpath.join(folder, targets.get(rel_id, "")))
            if rel_id in targets and part in names:
                out[f"first_{story}"] = part
    return out


def _story_lines(root: etree._Element | None) -> tuple[str, ...]:
    """The lines of a header or footer part, read as the body is."""
    if root is None:
        return ()
    reader = _DocxReader(_Numbering(None, None))
    reader.blocks(root, 0)
    reader.flush()
    return tuple(block.text for block in reader.out if isinstance(block, Line))


def _main_part(archive: zipfile.ZipFile, names: set[str]) -> str:
    """The main document's part name, from the package relationships (only ever looked up
    inside the zip)."""
    if "_rels/.rels" in names:
        for rel in etree.fromstring(
                read_member(archive, archive.getinfo("_rels/.rels"), MAX_PART_BYTES), _PARSER):
            if (rel.get("Type") or "").endswith("/officeDocument"):
                target = posixpath.normpath("/" + (rel.get("Target") or "")).lstrip("/")
                if target in names:
                    return target
    return "word/document.xml"


def _notes_text(parts: dict[str, etree._Element]) -> Iterator[str]:
    """Footnotes and endnotes: the spec has no place for them, so they are reported."""
    for key, tag in (("footnotes", "footnote"), ("endnotes", "endnote")):
        root = parts.get(key)
        for note in root.iter(W + tag) if root is not None else ():
            if note.get(W + "type") in (None, "normal"):
                reader = _DocxReader(_Numbering(None, None))
                reader.blocks(note, 0)
                reader.flush()
                text = " ".join(b.text for b in reader.out if isinstance(b, Line))
                if text and tag == "footnote":  # "[1] …", the mark its reference left
                    yield f"[{note.get(W + 'id', '')}] {text}"
                elif text:
                    yield text


class _Numbering:
    """Word's automatic numbering: the number or bullet each numbered paragraph shows."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstract id -> levels
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # num id -> abstract, restarts
        self.style_nums: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.restarted: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: etree._Element) -> None:
        for abstract in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(W + "lvl"):
                levels[_int(lvl.get(W + "ilvl"))] = (
                    _val(lvl.find(W + "numFmt")) or "decimal",
                    _val(lvl.find(W + "lvlText")) or "",
                    _int(_val(lvl.find(W + "start")), 1))
            self.levels[abstract.get(W + "abstractNumId") or ""] = levels
        for num in root.iter(W + "num"):
            starts = {_int(o.get(W + "ilvl")): _int(_val(o.find(W + "startOverride")), 1)
                      for o in num.iter(W + "lvlOverride") if o.find(W + "startOverride")
                      is not None}
            self.nums[num.get(W + "numId") or ""] = (_val(num.find(W + "abstractNumId")) or "",
                                                      starts)

    def _read_styles(self, root: etree._Element) -> None:
        based: dict[str, str] = {}
        own: dict[str, tuple[str, int]] = {}
        for style in root.iter(W + "style"):
            style_id = style.get(W + "styleId") or ""
            parent = _val(style.find(W + "basedOn"))
            if parent:
                based[style_id] = parent
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                own[style_id] = (_val(num_pr.find(W + "numId")) or "",
                                 _int(_val(num_pr.find(W + "ilvl"))))
        for style_id in set(based) | set(own):
            probe, hops = style_id, 0
            while probe not in own and probe in based and hops < 20:
                probe, hops = based[probe], hops + 1
            if probe in own:
                self.style_nums[style_id] = own[probe]

    def marker(self, paragraph: etree._Element) -> str:
        """The text Word shows before this paragraph ("1. ", "a) ", "- "), or ""."""
        ppr = paragraph.find(W + "pPr")
        num_id, level = self._num_of(ppr)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, starts = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.restarted and starts:
            counters.clear()
            self.restarted.add(num_id)
        start = starts.get(level, levels[level][2])
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > level]:
            del counters[deeper]
        return self._format(levels, counters, level)

    def _num_of(self, ppr: etree._Element | None) -> tuple[str, int]:
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is not None:
            return _val(num_pr.find(W + "numId")) or "", _int(_val(num_pr.find(W + "ilvl")))
        style = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        return self.style_nums.get(style or "", ("", 0))

    @staticmethod
    def _format(levels: dict[int, tuple[str, str, int]], counters: dict[int, int],
                level: int) -> str:
        kind, text, _ = levels[level]
        if kind == "bullet":
            return _BULLET_TEXT.get(text.strip(), "- ")
        if kind == "none" or not text:
            return ""

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            fmt = levels.get(index, ("decimal", "", 1))[0]
            return _number_text(counters.get(index, levels.get(index, ("", "", 1))[2]), fmt)

        return re.sub(r"%(\d)", number, text).strip() + " "


def _number_text(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("upperRoman", "lowerRoman"):
        numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                    (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                    (4, "IV"), (1, "I"))
        out = ""
        for amount, numeral in numerals:
            count, value = divmod(value, amount)
            out += numeral * count
        return out.lower() if fmt == "lowerRoman" else out
    return str(value)


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(W + "val")


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


_OFF = frozenset({"0", "false", "off", "none"})


def _run_look(run: etree._Element) -> int:
    """The emphasis a run's own properties give it (bold, italic, underline)."""
    properties = run.find(W + "rPr")
    if properties is None:
        return 0
    look = 0
    for tag, flag in (("b", BOLD), ("i", ITALIC), ("u", UNDERLINE)):
        found = properties.find(W + tag)
        if found is not None and found.get(W + "val", "true") not in _OFF:
            look |= flag
    return look


def _looks_of(pieces: list[tuple[str, int]], text: str) -> Looks:
    """One look per character of `text` (the pieces' text, NFC); no looks where NFC joined
    letters across pieces and the two no longer line up."""
    looks = tuple(look for piece, look in pieces for _ in nfc(piece))
    return looks if len(looks) == len(text) else (0,) * len(text)


def _chosen(alternate: etree._Element) -> list[etree._Element]:
    """Of Word's alternative contents, the first choice (the fallback repeats it)."""
    choice = alternate.find(MC + "Choice")
    chosen = choice if choice is not None else alternate.find(MC + "Fallback")
    return list(chosen) if chosen is not None else []


class _DocxReader:
    """Walks document.xml in reading order, collecting lines and tables."""

    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.out: list[Block] = []
        self.repairs: dict[str, int] = {}
        self.containers = 0
        # a paragraph whose mark was deleted: its text, flow and looks
        self.pending: tuple[str, int, Looks] | None = None

    def new_container(self) -> int:
        """A new flow (a cell, a text box): lines are never joined across flows."""
        self.containers += 1
        return self.containers

    def blocks(self, parent: etree._Element, container: int) -> None:
        """The paragraphs and tables under `parent`, wrappers (content controls, changes)
        opened."""
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, container)
            elif tag == W + "tbl":
                self.flush()
                self.table(child)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.blocks(content, container)
            elif tag in _BLOCK_WRAPPERS:
                self.blocks(child, container)
            elif tag == MC + "AlternateContent":
                for chosen in _chosen(child):
                    self.blocks(chosen, container)
            elif tag in (W + "del", W + "moveFrom"):
                count(self.repairs, "deletions")

    def paragraph(self, paragraph: etree._Element, container: int) -> None:
        """One paragraph: its number or bullet, its text (with the emphasis of its words),
        the text boxes anchored in it."""
        pieces: list[tuple[str, int]] = []
        boxes: list[etree._Element] = []
        self._inline(paragraph, pieces, boxes, 0)
        for box in boxes:
            count(self.repairs, "text_boxes")
            self.blocks(box, self.new_container())
        marker = self.numbering.marker(paragraph)
        if marker:
            count(self.repairs, "numbering")
        text = nfc(marker + "".join(piece for piece, _ in pieces))
        looks = _looks_of([(marker, 0), *pieces], text)
        if self.pending is not None:
            held, container, held_looks = self.pending
            text, looks = held + text, held_looks + looks
            self.pending = None
        if paragraph.find(f"{W}pPr/{W}rPr/{W}del") is not None:
            # a deleted paragraph mark: once accepted, this paragraph runs into the next
            count(self.repairs, "deletions")
            self.pending = (text, container, looks)
            return
        self._emit(text, container, looks)

    def flush(self) -> None:
        """Emit a paragraph held for a deleted mark that no paragraph followed."""
        if self.pending is not None:
            text, container, looks = self.pending
            self.pending = None
            self._emit(text, container, looks)

    def _emit(self, text: str, container: int, looks: Looks) -> None:
        start = 0
        for index, piece in enumerate(text.split("\n")):
            own = looks[start:start + len(piece)]
            start += len(piece) + 1
            cleaned, own = substitute(_SPACES, " ", piece, own)
            cleaned, own = substitute(_TABS, "\t", cleaned, own)
            cleaned, own = stripped(cleaned, own)
            if cleaned:
                if index:
                    count(self.repairs, "soft_breaks")
                self.out.append(Line(cleaned, container, soft=index > 0,
                                     looks=mid_line(own, cleaned)))

    def _inline(self, element: etree._Element, out: list[tuple[str, int]],
                boxes: list[etree._Element], look: int) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                if tag in (W + "del", W + "moveFrom"):
                    count(self.repairs, "deletions")
            elif tag == W + "footnoteReference":  # "[1]", as the text of a printed plan has it
                out.append((f"[{child.get(W + 'id', '')}]", look))
            elif tag == W + "t":
                out.append((child.text or "", look))
            elif tag == W + "tab":
                out.append(("\t", look))
            elif tag in (W + "br", W + "cr"):
                out.append(("\n", look))
            elif tag == W + "noBreakHyphen":
                out.append(("-", look))
            elif tag == W + "txbxContent":
                boxes.append(child)
            elif tag == MC + "AlternateContent":
                wrapper = etree.Element("choice")
                wrapper.extend(_chosen(child))
                self._inline(wrapper, out, boxes, look)
            elif tag == W + "r" and child.find(f"{W}rPr/{W}vanish") is not None:
                continue
            else:
                if tag == W + "ins":
                    count(self.repairs, "insertions")
                self._inline(child, out, boxes, _run_look(child) if tag == W + "r" else look)

    def table(self, table: etree._Element) -> None:
        """A table of three or more filled columns as a table; a layout table as lines."""
        rows = list(table_rows(table))
        wide = sum(1 for row in rows
                   if sum(1 for cell in row_cells(row) if _has_text(cell)) >= 3)
        if wide < 2:
            for row in rows:  # a layout table (header, signature): its cells are read as text
                for cell in row_cells(row):
                    self.blocks(cell, self.new_container())
                    self.flush()
            return
        read_lines: list[Line] = []
        read = [self._row(row, read_lines) for row in rows]
        merges = tuple(tuple(mark for _, mark in row) for row in read)
        cells = _fill_vertical_merges([[(lines, mark == "v") for lines, mark in row]
                                       for row in read])
        self.out.append(Table(tuple(tuple(lines for lines, _ in row) for row in cells), merges,
                              tuple(read_lines)))

    def _row(self, row: etree._Element,
             read_lines: list[Line]) -> list[tuple[tuple[str, ...], str]]:
        cells: list[tuple[tuple[str, ...], str]] = []
        for cell in row_cells(row):
            sub = _DocxReader(self.numbering)
            sub.blocks(cell, sub.new_container())
            sub.flush()
            for key, value in sub.repairs.items():
                count(self.repairs, key, value)
            for block in sub.out:  # with their emphasis, which the cells' texts leave out
                read_lines.extend([block] if isinstance(block, Line) else block.lines)
            lines = tuple(line for block in sub.out for line in _block_lines(block))
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            continued = merge is not None and merge.get(W + "val") in (None, "continue")
            span = _int(_val(cell.find(f"{W}tcPr/{W}gridSpan")), 1)
            cells.append((lines, "v" if continued else ""))
            cells.extend(((), "h") for _ in range(max(0, min(span, 20) - 1)))
        return cells


def _has_text(cell: etree._Element) -> bool:
    return any((t.text or "").strip() for t in cell.iter(W + "t"))


def _block_lines(block: Block) -> Iterator[str]:
    if isinstance(block, Line):
        yield block.text
    else:  # a table inside a cell: its cells in reading order
        for row in block.rows:
            for cell in row:
                yield from cell


def _fill_vertical_merges(
        rows: list[list[tuple[tuple[str, ...], bool]]]) -> list[list[tuple[tuple[str, ...], bool]]]:
    """A cell merged down over several rows holds its text for each of them."""
    for above, row in itertools.pairwise(rows):
        for index, (lines, continued) in enumerate(row):
            if continued and not lines and index < len(above):
                row[index] = (above[index][0], True)
    return rows
