"""Read a plan that does not fit the four fixed sections into the free structure: its own
sections (I., II., … or A., B., …) with their content as numbered blocks at any depth, role
lines attached to the block they follow, tables with their spans, footnotes, and any number
of appendices (spec/free_schema.py describes the result).

Nothing is invented: a text the reader cannot place stays a paragraph where it stood, and a
required section the plan does not have is stated missing with the reason (`missing:`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from plangen.errors import Path
from plangen.extract.blocks import Block, Line, Table
from plangen.extract.emphasis import Emphasis
from plangen.extract.notes import Notes, excerpt
from plangen.extract.patterns import is_upper_text, roman_value, strip_end
from plangen.extract.totals import read_totals
from plangen.freeform import DEADLINE_LABEL, LETTER_ROLE_STYLES, LISTED_ROLES
from plangen.inline import escape
from plangen.model import DEFAULT_LABELS
from plangen.vntext import VIETNAMESE_LETTERS, letter, upper

_SECTION = re.compile(r"^(?P<num>[IVXL]{1,6}|[A-ZĐ])\s?[.)/–-]\s*(?P<rest>\S.*)$")
_DECIMAL = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?P<rest>\S.*)$")
# "1. 100% cán bộ …" is an item, "1.000 ha" a number: a digit may follow only after a space
# older plans write "1- Mục đích" (as "I- MỤC ĐÍCH"); "1 - 2 ngày" is not an item
_ITEM = re.compile(r"^(?P<num>\d{1,2})\s?(?:[.)](?:\s+|(?=[^\d\s]))|[–-]\s*(?=\D))"
                   r"(?P<rest>\S.*)$")
# a point: "a) …", or "a. …" as some plans letter them (`point_style: letter_dot`)
_POINT = re.compile(r"^(?P<num>[a-zđ])\s?(?:\)\s*|\.\s+)(?P<rest>\S.*)$")
_NAMED = re.compile(r"^\((?P<num>\d{1,2})\)\s*(?P<rest>\S.*)$")
_BULLET = re.compile(r"^[-–—•]\s*(?P<rest>\S.*)$")
# a role line marked with a letter: "a) Cơ quan chủ trì: …", "a. …", "- a) …"
_LETTERED = re.compile(
    r"^(?P<dash>[-–—•]\s*)?(?P<num>[a-zđ])\s?(?:(?P<close>\))\s*|\.\s+)(?P<rest>\S.*)$")
_PLUS = re.compile(r"^\+\s*(?P<rest>\S.*)$")
_LABEL = re.compile(r"^(?P<label>[^:]{2,70}?)\s*:\s*(?P<value>\S.*)$")
_OPEN_LABEL = re.compile(r"^(?P<label>[^:]{2,70}?)\s*:(?P<value>)\s*$")  # "Đơn vị phối hợp:"
_FOOTNOTE_TEXT = re.compile(r"^\[(?P<num>\d{1,3})\]\s*(?P<text>\S.*)$")
_FOOTNOTE_MARK = re.compile(r"\[(?P<num>\d{1,3})\]")
_STT = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*|[IVXL]{1,5}|[a-zđ])\.?\)?$")
_TOTAL_WORDS = ("tổng cộng", "tổng", "cộng", "tổng số")
# role labels that open a role line (any wording after these words)
# "…; thời hạn hoàn thành: trước ngày 30/9/2026." at the end of an item's own line
_INLINE_DEADLINE = re.compile(
    r"^(?P<text>\S.*?)(?P<mark>[,;.])\s+(?P<label>(?:thời\s+hạn|hạn)(?:\s+hoàn\s+thành)?)"
    r"\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
_ROLE_OPENERS = ("cơ quan", "đơn vị", "thời gian", "thời hạn", "sản phẩm", "chủ trì", "phối hợp")
_ROLE_RANK = {"lead": 1, "implementer": 2, "partners": 3, "supervisor": 4, "timeline": 5,
              "product": 6, "deadline": 7}
_RANKS = {"item1": 1, "item2": 2, "item3": 3, "item4": 3.5, "point": 4, "named": 4.5,
          "bullet": 5, "plus": 6}
ROLE_WORDS = {"purpose": ("MỤC ĐÍCH", "MỤC TIÊU"),
              "tasks": ("NHIỆM VỤ", "NỘI DUNG", "GIẢI PHÁP", "PHÂN CÔNG"),
              "funding": ("KINH PHÍ",), "organization": ("TỔ CHỨC THỰC HIỆN",)}


@dataclass(frozen=True)
class Heading:
    index: int  # block index
    number: int
    letter: bool
    text: str
    part: str | None = None  # the title of the part ("Phần II") this section opens
    part_at: int | None = None  # the block index of that part's label line


# "Phần I", "PHẦN THỨ HAI", alone or with the part's title after it ("Phần I. ĐÁNH GIÁ …")
_PART = re.compile(r"^(?i:phần)\s+(?:[IVX]{1,5}|\d{1,2}|(?i:thứ)\s+\w+)"
                   r"(?:\s*[.:–-]\s*|\s+|$)(?P<title>.*)$")


def _part_line(blocks: list[Block], index: int, end: int) -> tuple[str, int] | None:
    """The title of the part whose label line is at `index`, and the index of the block after
    the label and title; None when the line is not a part's label. The title is on the same
    line or the next one, in capitals."""
    block = blocks[index]
    found = _PART.match(block.text.strip()) if isinstance(block, Line) else None
    if found is None:
        return None
    title = found.group("title").strip()
    if title:
        return (title, index + 1) if is_upper_text(title) else None
    following = blocks[index + 1] if index + 1 < end else None
    if isinstance(following, Line) and is_upper_text(following.text) and \
            not _SECTION.match(following.text):
        return following.text.strip(), index + 2
    return None


def find_headings(blocks: list[Block], start: int, end: int) -> list[Heading]:
    """Section headings: a Roman numeral or a capital letter, then a heading in capitals; in
    order (a numeral written twice, as drafts do, still counts). In a plan laid out in parts
    ("Phần I" and its title), the sections are numbered from I again in each part, and a part
    whose content comes right under its title is a heading with no text of its own."""
    found: list[Heading] = []
    restart = False  # a part was opened: its first section is numbered I again
    skip_to = start
    for index in range(start, end):
        if index < skip_to:
            continue
        block = blocks[index]
        if not isinstance(block, Line):
            continue
        opened = _part_line(blocks, index, end)
        if opened is not None:
            title, skip_to = opened
            found.append(Heading(skip_to - 1, 0, False, "", title, index))
            restart = True
            continue
        match = _SECTION.match(block.text)
        if not match or not is_upper_text(match.group("rest")) or len(match.group("rest")) < 4:
            continue
        sections = [heading for heading in found if heading.text]
        numeral = match.group("num")
        letter_style = (sections[0].letter if sections else numeral == "A") or \
            not set(numeral) <= set("IVXL")
        if letter_style:
            number = VIETNAMESE_LETTERS.upper().find(numeral) + 1
        else:
            number = roman_value(numeral)
        expected = 0 if restart or not sections else sections[-1].number
        if number < 1 or not expected <= number <= expected + 3 or (
                sections and sections[0].letter != letter_style) or (
                expected == 0 and number != 1):
            continue
        heading = Heading(index, number, letter_style, match.group("rest").strip())
        if found and not found[-1].text and found[-1].index + 1 == index:  # right under
            heading = replace(heading, part=found[-1].part, part_at=found[-1].part_at)
            found.pop()  # the part's title: it opens with this section
        found.append(heading)
        restart = False
    return found


def section_roles(headings: list[str]) -> list[str | None]:
    """The role of each section by its words; the first section that names a role has it."""
    roles: list[str | None] = [None] * len(headings)
    for role, words in ROLE_WORDS.items():
        for priority in words:
            index = next((i for i, h in enumerate(headings) if roles[i] is None
                          and priority in upper(h)), None)
            if index is not None:
                roles[index] = role
                break
    return roles


# ---- footnotes ----------------------------------------------------------------------------


def take_footnotes(blocks: list[Block], start: int) -> tuple[list[Block], dict[str, str]]:
    """Footnote texts ("[1] …" lines after `start`) taken out of `blocks`."""
    notes: dict[str, str] = {}
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if index >= start and isinstance(block, Line):
            match = _FOOTNOTE_TEXT.match(block.text)
            if match:
                notes[match.group("num")] = match.group("text")
                continue
        kept.append(block)
    return kept, notes


@dataclass
class _Text:
    """Turns source text into spec text: markup escaped, footnote marks made footnotes."""

    footnotes: dict[str, str]
    emphasis: Emphasis | None = None  # the source's emphasis inside lines, given back
    used: set[str] = field(default_factory=set)

    def __call__(self, text: str) -> str:
        out = self.emphasis.markup(text) if self.emphasis else escape(text)
        if not self.footnotes or "[" not in text:
            return out

        def note(match: re.Match[str]) -> str:
            number = match.group("num")
            if number in self.footnotes and number not in self.used:
                self.used.add(number)
                return f"^[{escape(self.footnotes[number])}]"
            return match.group(0)
        # the escaped text holds "\[" for "["? no: escape leaves "[" alone unless "^["
        return _FOOTNOTE_MARK.sub(note, out)


# ---- content blocks -----------------------------------------------------------------------


def _classify(text: str) -> tuple[str, str]:
    """(kind, rest): item1…item4, point, named, bullet, plus, or none."""
    match = _DECIMAL.match(text)
    if match:
        depth = match.group("num").count(".") + 1
        return f"item{min(depth, 4)}", match.group("rest")
    for kind, pattern in (("item1", _ITEM), ("point", _POINT), ("named", _NAMED),
                          ("bullet", _BULLET), ("plus", _PLUS)):
        match = pattern.match(text)
        if match:
            return kind, match.group("rest")
    return "none", text


def _role(text: str) -> tuple[str, str, str] | None:
    """(key, label, value) of a role line ("Đơn vị chủ trì thực hiện: Sở Tư pháp.")."""
    match = _LABEL.match(text) or _OPEN_LABEL.match(text)
    if not match:
        return None
    label, value = match.group("label").strip(), match.group("value").strip()
    low = label.lower()
    if not label[:1].isupper() or len(label.split()) > 9 or not low.startswith(_ROLE_OPENERS):
        return None
    if "thời hạn" in low:
        key = "deadline"
    elif "thời gian" in low:
        key = "timeline"
    elif "sản phẩm" in low:
        key = "product"
    elif "phối hợp" in low:
        key = "partners"
    elif "đôn đốc" in low or "hướng dẫn" in low:
        key = "supervisor"
    elif "chủ trì" in low:
        key = "lead"
    elif "thực hiện" in low:
        key = "implementer"
    else:
        return None
    if not value and key not in LISTED_ROLES:
        return None
    return key, label, value


class ContentReader:
    """Lines and tables of one section (or appendix) as a list of content blocks."""

    def __init__(self, text: _Text, notes: Notes) -> None:
        self.text = text
        self.notes = notes
        self.root: list[Any] = []
        self.stack: list[tuple[float, dict[str, Any]]] = []
        self.target: dict[str, Any] | None = None  # the block role lines attach to
        # an open role line ("- Đơn vị phối hợp:") taking the "+ " / "- " items below it
        self.listing: tuple[dict[str, Any], str, str] | None = None

    def container(self) -> list[Any]:
        if not self.stack:
            return self.root
        content: list[Any] = self.stack[-1][1].setdefault("content", [])
        return content

    def read(self, blocks: list[Block]) -> list[Any]:
        for block in blocks:
            if isinstance(block, Table):
                self._pop_below(5)
                self.container().append({"table": table_spec(block, self.text)})
                self.target = None
            else:
                self._line(block.text.replace("\t", " ").strip())
        self._end_listing()
        return self.root

    def _listed(self, kind: str, rest: str) -> bool:
        """A "+ …" (or "- …") line under an open role line: one of that role's agencies."""
        if self.listing is None:
            return False
        target, key, _ = self.listing
        markers = target["role_items"]
        if kind not in ("plus", "bullet") or (kind == "bullet" and _role(rest)) or \
                markers.get(key) not in (None, kind):
            self._end_listing()
            return False
        markers[key] = kind
        target[key].append(self.text(strip_end(rest, ".;")))
        return True

    def _end_listing(self) -> None:
        """The open role line's list ends; with no item under it, it was a plain line."""
        if self.listing is None:
            return
        target, key, label = self.listing
        self.listing = None
        if not target[key]:
            del target[key]
            del target["role_items"][key]
            if not target["role_items"]:
                del target["role_items"]
            target.setdefault("content", []).append({"bullet": self.text(f"{label}:")})

    def _pop_below(self, rank: float) -> None:
        while self.stack and self.stack[-1][0] >= rank:
            self.stack.pop()

    def _line(self, text: str) -> None:
        if not text:
            return
        kind, rest = _classify(text)
        if self._listed(kind, rest):
            return
        if self._attach_lettered(text):
            return
        if kind in ("none", "bullet") and self._attach_role(rest, dashed=kind == "bullet"):
            return
        if kind == "none":
            self._pop_below(4.5)
            self.container().append(self.text(text))
            # a task's description paragraph: the role lines after it are still the task's
            owner = self.stack[-1][1] if self.stack else None
            self.target = self.target if owner is not None and owner is self.target else None
            return
        rank = _RANKS[kind]
        self._pop_below(rank)
        key = "item" if kind.startswith("item") else kind
        node: dict[str, Any] = {key: self.text(rest)}
        node.update(self._inline_deadline(key, rest))
        self.container().append(node)
        self.stack.append((rank, node))
        self.target = node

    def _inline_deadline(self, key: str, text: str) -> dict[str, Any]:
        """The line's own text and its deadline when the deadline ends the line, printed as
        written ("…; thời hạn hoàn thành: …", "…. Thời hạn: …"); else nothing."""
        found = _INLINE_DEADLINE.match(text)
        if found is None:
            return {}
        mark, label = found.group("mark"), " ".join(found.group("label").split())
        out: dict[str, Any] = {key: self.text(found.group("text")),
                               "deadline": self.text(found.group("value")),
                               "deadline_inline": True if mark == "," else mark}
        written = label[:1].upper() + label[1:]
        if written.lower() != DEADLINE_LABEL.lower():
            out["labels"] = {"deadline": written}
        return out

    def _attach_lettered(self, text: str) -> bool:
        """ "a) Cơ quan chủ trì: …", "b) …" under a task: role lines in the letter style of
        the nearest numbered block above them, whatever was printed between (a description,
        points, bullets). Only "a)" (or "a.") opens them and the letters follow on, so the points
        of a task ("a) Rà soát …: …") stay points."""
        match = _LETTERED.match(text)
        role = _role(match.group("rest")) if match else None
        owner = self.target if self.target is not None and \
            self.target.get("role_style") in LETTER_ROLE_STYLES else \
            next((node for rank, node in reversed(self.stack) if rank < _RANKS["point"]), None)
        if match is None or role is None or owner is None:
            return False
        before = sum(1 for key in _ROLE_RANK if key in owner)
        # a deadline alone prints with no role line to take the style from: it stays a point
        if match.group("num") != letter(before) or (role[0] == "deadline" and not before):
            return False
        # "a)", "a." or "- a)": the plan prints them back as they were written
        style = "letter_dot" if not match.group("close") else \
            "dash_letter" if match.group("dash") else "letter"
        return self._attach(owner, role, style)

    def _attach_role(self, text: str, *, dashed: bool) -> bool:
        role = _role(text)
        target = self.target
        if role is None or target is None:
            return False
        return self._attach(target, role, "dash" if dashed else "plain")

    def _attach(self, target: dict[str, Any], role: tuple[str, str, str], style: str) -> bool:
        """Put one role line on `target` when it follows the roles it already has, in the
        same style."""
        key, label, value = role
        ranks = [_ROLE_RANK[k] for k in _ROLE_RANK if k in target]
        if key in target or (ranks and max(ranks) >= _ROLE_RANK[key]):
            return False
        if ranks and target.get("role_style", "dash") != style:
            return False
        if not ranks and style != "dash":
            target["role_style"] = style
        default = DEADLINE_LABEL if key == "deadline" else DEFAULT_LABELS.get(key)
        if label != default:
            target.setdefault("labels", {})[key] = label
        if value:
            target[key] = self.text(strip_end(value, ".;"))
        else:  # its agencies follow, one a line
            target[key] = []
            target.setdefault("role_items", {})[key] = None
            self.listing = (target, key, label)
        # what follows the role lines is not part of the block's own content; a later role
        # line of the same block finds it closed already, and its parents stay open
        if any(node is target for _, node in self.stack):
            while self.stack[-1][1] is not target:
                self.stack.pop()
            self.stack.pop()
        self.target = target
        return True


def section_role_style(content: list[Any]) -> str | None:
    """The role style every task of a section's content shares when it is not the default
    ("letter": all its role lines are "a)", "b)" …), taken off the tasks so the section states
    it once; None (nothing changed) when the tasks mix styles or use the default."""
    tasks: list[dict[str, Any]] = []

    def walk(blocks: list[Any]) -> None:
        for block in blocks:
            if isinstance(block, dict):
                if any(key in block for key in _ROLE_RANK if key != "deadline"):
                    tasks.append(block)
                walk(block.get("content", []))
    walk(content)
    styles = {str(task.get("role_style", "dash")) for task in tasks}
    if len(styles) != 1 or styles == {"dash"}:
        return None
    for task in tasks:
        del task["role_style"]
    return styles.pop()


# ---- tables -------------------------------------------------------------------------------


def _cell_text(lines: tuple[str, ...]) -> str:
    return " ".join(line.strip() for line in lines if line.strip())


def table_spec(table: Table, text: _Text) -> dict[str, Any]:
    """A spec table from a read table: header rows, spans, a total row when it adds up."""
    raw = [[_cell_text(cell) for cell in row] for row in table.rows]
    width = max((len(row) for row in raw), default=1)
    raw = [row + [""] * (width - len(row)) for row in raw]
    merges = getattr(table, "merges", None)
    header_count = _header_count(raw)
    anchors = _anchors(raw, header_count, merges)
    rows_out: list[list[Any]] = []
    for r in range(len(raw)):
        cells = []
        for c in range(width):
            anchor = anchors.get((r, c))
            if anchor is None:
                continue
            value = text(anchor["text"])
            spans = {k: anchor[k] for k in ("cols", "rows") if anchor[k] > 1}
            cells.append({"text": value, **spans} if spans else value)
        rows_out.append(cells)
    spec: dict[str, Any] = {}
    spec["columns"] = _weights(raw[header_count:] or raw, raw[:header_count], width)
    if header_count:
        spec["header"] = rows_out[:header_count]
    body, total = read_totals(rows_out[header_count:], width)
    if total is not None:
        spec["total"] = total
    spec["rows"] = body or [[""] * width]
    return spec


def _header_count(raw: list[list[str]]) -> int:
    for index, row in enumerate(raw[:4]):
        first = next((cell for cell in row if cell), "")
        if row and _STT.match(row[0] or "x") and row[0]:
            return index
        if index and not row[0] and first.lower() in _TOTAL_WORDS:
            return index
    return 1 if len(raw) > 1 else 0


def _anchors(raw: list[list[str]], header_count: int,
             merges: Any) -> dict[tuple[int, int], dict[str, Any]]:
    """Which grid cell starts each table cell, with its spans: from Word's merge marks, or,
    for text, read from the empty cells of the header (and leading cells of a row that goes
    on the row above)."""
    width = len(raw[0]) if raw else 0
    anchors: dict[tuple[int, int], dict[str, Any]] = {}
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(raw):
        for c, value in enumerate(row):
            mark = merges[r][c] if merges and r < len(merges) and c < len(merges[r]) else None
            left, above = owner.get((r, c - 1)), owner.get((r - 1, c))
            if mark == "h" and left:
                _extend(anchors, owner, left, r, c)
            elif mark == "v" and above:
                _extend(anchors, owner, above, r, c)
            elif merges is None and not value and r < header_count and _header_span(
                    raw, header_count, anchors, owner, r, c):
                continue
            elif merges is None and not value and r >= header_count and above and \
                    _continues_above(raw, anchors, owner, r, c, width):
                _extend(anchors, owner, above, r, c)
            else:
                anchors[(r, c)] = {"text": value, "cols": 1, "rows": 1}
                owner[(r, c)] = (r, c)
    return anchors


def _header_span(raw: list[list[str]], header_count: int, anchors: dict[Any, Any],
                 owner: dict[Any, Any], r: int, c: int) -> bool:
    left, above = owner.get((r, c - 1)), owner.get((r - 1, c))
    if above is not None and anchors[above]["cols"] == 1 and anchors[above]["text"]:
        _extend(anchors, owner, above, r, c)
        return True
    if left is not None and left[0] == r and anchors[left]["text"] and r + 1 < header_count:
        _extend(anchors, owner, left, r, c)
        return True
    return False


def _continues_above(raw: list[list[str]], anchors: dict[Any, Any], owner: dict[Any, Any],
                     r: int, c: int, width: int) -> bool:
    """A body row whose first cells are empty continues the cells above it (a cell spanning
    rows), unless it is a total row or an empty row."""
    row = raw[r]
    if any(cell.lower() in _TOTAL_WORDS for cell in row) or not any(row):
        return False
    if any(row[:c + 1]):
        return False
    above = owner.get((r - 1, c))
    return above is not None and anchors[above]["cols"] == 1 and bool(anchors[above]["text"]) \
        and any(row[c + 1:])


def _extend(anchors: dict[Any, Any], owner: dict[Any, Any], key: tuple[int, int],
            r: int, c: int) -> None:
    anchor = anchors[key]
    anchor["cols"] = max(anchor["cols"], c - key[1] + 1)
    anchor["rows"] = max(anchor["rows"], r - key[0] + 1)
    owner[(r, c)] = key


def _weights(rows: list[list[str]], header: list[list[str]], width: int) -> list[int]:
    """Relative column widths: room for the longest word of every cell (a header's too, so
    "Tổng số (mẫu)" never breaks inside a word), more for columns of long texts."""
    out = []
    for c in range(width):
        texts = [row[c] for row in (*rows, *header) if c < len(row)]
        word = max((len(w) for text in texts for w in text.split()), default=1)
        longest = max((len(row[c]) for row in rows if c < len(row)), default=1)
        out.append(max(2, min(40, max(word + 3, round((longest + 2) ** 0.8)))))
    return out


# ---- appendices ---------------------------------------------------------------------------

_LABEL_LINE = re.compile(r"^phụ\s+lục(?:\s+(?P<num>[IVXL]{1,5}|\d{1,2}))?\s*[:.]?$",
                         re.IGNORECASE)


def is_appendix_label(text: str) -> bool:
    """ "PHỤ LỤC I", "Phụ lục", "Phụ lục 2"."""
    return bool(_LABEL_LINE.match(text.strip()))


def parse_appendices(blocks: list[Block], text: _Text, notes: Notes) -> list[dict[str, Any]]:
    """Each "Phụ lục …" with its title, back-reference and content."""
    starts = [i for i, b in enumerate(blocks) if isinstance(b, Line) and
              is_appendix_label(b.text)]
    out = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(blocks)
        out.append(_appendix(blocks[start:end], text, notes, position, len(starts)))
    return out


def _appendix(blocks: list[Block], text: _Text, notes: Notes, position: int,
              count: int) -> dict[str, Any]:
    label_line = blocks[0].text.strip() if isinstance(blocks[0], Line) else ""
    match = _LABEL_LINE.match(label_line)
    numeral = match.group("num") if match else None
    data: dict[str, Any] = {}
    from plangen.freeform import appendix_label, ordinary_label
    if (numeral or "") != appendix_label(position, count).replace("Phụ lục", "").strip():
        data["label"] = label_line[:1].upper() + label_line[1:].lower().replace(
            (numeral or "").lower(), numeral or "") if numeral else (
            ordinary_label(label_line) if is_upper_text(label_line) else label_line)
    title: list[str] = []
    index = 1
    while index < len(blocks) and isinstance(blocks[index], Line):
        line = blocks[index].text.strip()  # type: ignore[union-attr]
        if line.startswith("(") or (title and line[:1].islower()):
            break
        title.append(line)
        index += 1
    data["title"] = text(" ".join(title)) if title else text(label_line)
    if index < len(blocks) and isinstance(blocks[index], Line) and \
            blocks[index].text.strip().startswith("("):  # type: ignore[union-attr]
        data["reference"] = blocks[index].text.strip()  # type: ignore[union-attr]
        index += 1
    content = ContentReader(text, notes).read(blocks[index:])
    widest = max((len(b.rows[0]) for b in blocks[index:] if isinstance(b, Table) and b.rows),
                 default=0)
    data["orientation"] = "landscape" if widest >= 4 else "portrait"
    data["content"] = content or [text(" ".join(title))]
    _head_tables(data["content"], ("appendices", position, "content"), notes)
    return data


PLACEHOLDER_COLUMN = "(Cần điền tên cột)"


def _head_tables(content: list[Any], path: Path, notes: Notes) -> None:
    """An appendix table read without a heading row gets one to fill in: the spec asks for
    it (the row repeats on every page), and the officer knows what the columns hold."""
    for index, block in enumerate(content):
        if not isinstance(block, dict):
            continue
        table = block.get("table")
        if isinstance(table, dict) and "header" not in table and len(table["rows"]) > 1:
            table["header"] = [[PLACEHOLDER_COLUMN] * len(table["columns"])]
            # the keys in the order the schema prints them: columns, header, rows
            block["table"] = {key: table[key] for key in ("columns", "header", *table)
                              if key in table}
            notes.add("todo", "extract_todo_table_header", (*path, index, "table", "header"))
        _head_tables(block.get("content", []), (*path, index, "content"), notes)


def missing_reason(role: str, sections: list[dict[str, Any]], numbering: str) -> str:
    """Why a required section is missing, in the words of what the source has."""
    names = {"purpose": "Mục đích, yêu cầu", "tasks": "Nhiệm vụ", "funding": "Kinh phí",
             "organization": "Tổ chức thực hiện"}
    # the funding of a plan without that section is often its resources ("Nguồn lực …")
    starts = ("kinh phí", "nguồn lực", "nguồn vốn") if role == "funding" else (
        names[role].split(",")[0].lower(),)
    places = _section_places(sections, numbering)
    for section, place in zip(sections, places, strict=True):
        for index, block in enumerate(section.get("content", []), 1):
            line = block.get("item") if isinstance(block, dict) else None
            if isinstance(line, str) and line.lower().startswith(starts):
                return (f"Văn bản gốc không có mục {names[role]} riêng; nội dung này ở khoản "
                        f"{index} {place} (\"{excerpt(line, 50)}\").")
    if role == "organization":
        for section, place in zip(sections, places, strict=True):
            heading = upper(str(section.get("heading", "")))
            if "PHÂN CÔNG" in heading or "TRÁCH NHIỆM" in heading:
                return (f"Văn bản gốc không có mục Tổ chức thực hiện riêng; việc phân công "
                        f"thực hiện ở {place} (\"{section['heading']}\").")
    return f"Văn bản gốc không có mục {names[role]}."


def _section_places(sections: list[dict[str, Any]], numbering: str) -> list[str]:
    """How the source names each section: "mục II", "mục I phần II" in a plan in parts,
    "phần III" for a part's own content."""
    from plangen.vntext import letter, roman
    places, part, number = [], 0, 0
    for section in sections:
        if "part" in section:
            part, number = part + 1, 0
        if "heading" not in section:
            places.append(f"phần {roman(part)}")
            continue
        number += 1
        numeral = upper(letter(number - 1)) if numbering == "letter" else roman(number)
        places.append(f"mục {numeral}" + (f" phần {roman(part)}" if part else ""))
    return places
