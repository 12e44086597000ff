"""Find the parts of a KẾ HOẠCH (or a BÁO CÁO on one) in a read document: header, title, body,
signature …

Documents typed by hand are laid out in many ways, so the parts are found by their words, not by
style names: the Quốc hiệu line, the line starting "Số:", the line "…, ngày … tháng … năm …",
the paragraph "KẾ HOẠCH" or "BÁO CÁO", the "Nơi nhận:" label and the cell beside it (or, with no
table, the right-aligned or indented lines "TM. …", "CHỦ TỊCH", the name), a "Phụ lục" line
after the signature. Everything is found on printed lines (a paragraph split at its line
breaks).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from plangen.check.format import Layout, Line, Paragraph
from plangen.check.result import Where

NATIONAL_NAMES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOC_TYPE = "KẾ HOẠCH"
# the kinds of document the checker knows: a plan, and the report on its progress
DOC_TYPES = (DOC_TYPE, "BÁO CÁO")
NUMBER_LINE = re.compile(r"^s[ốo]\s*:", re.IGNORECASE)
DATE_LINE = re.compile(
    r"^(?P<place>[^,]+),\s*ngày\s*(?P<day>[^\s]*)\s*tháng\s*(?P<month>[^\s]*)\s*"
    r"năm\s*(?P<year>\S*)$", re.IGNORECASE)
RECIPIENTS_LABEL = re.compile(r"^nơi\s+nhận", re.IGNORECASE)
APPENDIX_LABEL = re.compile(r"^phụ\s+lục(\s+[IVXLC\d]+)?\.?$", re.IGNORECASE)
# "(Kèm theo Quyết định số …)" under the summary of a plan issued by a decision
REFERENCE = re.compile(r"^\((ban hành )?kèm theo", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# blank, or a line typed as characters
_RULE_ONLY = re.compile(r"^[\s_\-‐‑‒–—―=~.…·*•]*$")


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """NFC, every kind of space (tab, no-break space) as one space, trimmed."""
    normal = unicodedata.normalize("NFC", text)
    if normal.isprintable() and "  " not in normal:
        # the only space a printable text holds is " " (a test goes through every code
        # point): single ones, which the substitution would leave as they are
        return normal.strip()
    return _SPACES.sub(" ", normal).strip()


def shorten(text: str, limit: int = 70) -> str:
    """At most `limit` characters, with "…" when cut."""
    text = norm(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Ref:
    """A printed line of a paragraph: what the rules look at (compared by identity)."""

    __slots__ = ("first", "line", "para", "text")

    def __init__(self, para: Paragraph, line: Line, first: bool) -> None:
        self.para = para
        self.line = line
        self.first = first  # the paragraph's first line (it carries the list label)
        label = para.label if first else ""
        # the line's words, the list label first (built once: every rule reads it)
        self.text = norm(f"{label} {line.text}" if label else line.text)

    @property
    def bold(self) -> bool:
        """Every visible run is bold."""
        runs = [run for run in self.line.runs if run.text.strip()]
        return bool(runs) and all(run.bold for run in runs)

    @property
    def italic(self) -> bool:
        """Every visible run is italic."""
        runs = [run for run in self.line.runs if run.text.strip()]
        return bool(runs) and all(run.italic for run in runs)

    @property
    def underlined(self) -> bool:
        """Some visible run is underlined."""
        return any(run.underline for run in self.line.runs if run.text.strip())

    @property
    def sizes(self) -> list[float]:
        """The sizes of its visible text, most used first."""
        counts: dict[float, int] = {}
        for run in self.line.runs:
            if run.text.strip():
                counts[run.size] = counts.get(run.size, 0) + len(run.text)
        return sorted(counts, key=lambda size: -counts[size])

    @property
    def where(self) -> Where:
        """Its paragraph's place, for a finding."""
        return where(self.para)


def where(para: Paragraph) -> Where:
    """The place of a paragraph, for a finding."""
    return Where(story=para.story, paragraph=para.index, table=para.table, row=para.row,
                 cell=para.cell, section=para.section or None, text=shorten(para.text))


def refs(paragraphs: tuple[Paragraph, ...] | list[Paragraph]) -> list[Ref]:
    """Every non-empty printed line of `paragraphs`, in order."""
    out = []
    for para in paragraphs:
        for number, line in enumerate(para.lines):
            if line.text.strip() or (number == 0 and para.label):
                out.append(Ref(para, line, number == 0))
    return out


@dataclass
class Parts:
    """The parts of a KẾ HOẠCH found in a document (None or empty when not found)."""

    national: Ref | None = None
    motto: Ref | None = None
    agency: list[Ref] = field(default_factory=list)
    number: Ref | None = None
    date: Ref | None = None
    title: Ref | None = None
    summary: list[Ref] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    recipients_label: Ref | None = None
    recipients: list[Ref] = field(default_factory=list)
    signature: list[Ref] = field(default_factory=list)  # its lines, the signer's name last
    signer: Ref | None = None  # the signer's name, when found
    signature_block: str = ""  # "table" (a cell) or "paragraphs" (lines placed on the right)
    appendix_labels: list[Ref] = field(default_factory=list)


def find_parts(layout: Layout, doc_type: str = DOC_TYPE,
               lines: list[Ref] | None = None) -> Parts:
    """Locate each part of the plan (or of the `doc_type` document) in `layout`; `lines` are
    its `refs`, when the caller already has them."""
    lines = refs(layout.paragraphs) if lines is None else lines
    parts = Parts()
    # a plan's default title also lets through the report on it (BÁO CÁO)
    wanted = DOC_TYPES if doc_type == DOC_TYPE else (doc_type,)
    title_at = next((i for i, ref in enumerate(lines) if ref.text.upper() in wanted), None)
    head = lines[:title_at] if title_at is not None else lines[:40]
    _find_header(parts, head)
    if title_at is not None:
        parts.title = lines[title_at]
        parts.summary = _summary(lines, title_at)
    start = lines.index(parts.summary[-1]) + 1 if parts.summary else (
        title_at + 1 if title_at is not None else len(head))
    while parts.summary and start < len(lines) and lines[start].para is parts.summary[-1].para:
        start += 1  # a line typed under the summary in its own paragraph is not the body
    _find_bottom(parts, layout, lines[start:])
    parts.body = _body(layout, parts, lines[start:])
    return parts


def _find_header(parts: Parts, head: list[Ref]) -> None:
    for index, ref in enumerate(head):
        text = ref.text
        if parts.national is None and text.upper() in NATIONAL_NAMES:
            parts.national = ref
            follower = head[index + 1] if index + 1 < len(head) else None
            if follower is not None and follower.text.lower().startswith("độc lập"):
                parts.motto = follower
        elif parts.number is None and NUMBER_LINE.match(text):
            parts.number = ref
        elif parts.date is None and DATE_LINE.match(text):
            parts.date = ref
    parts.agency = _agency(parts, head)


def _agency(parts: Parts, head: list[Ref]) -> list[Ref]:
    """The issuing agency's lines: the header cell beside the Quốc hiệu, else the lines above
    it."""
    national = parts.national
    if national is None:
        return []
    skip = {id(parts.number), id(parts.date)}
    if national.para.table is not None:
        cell = national.para
        found = [ref for ref in head if ref.para.table == cell.table and ref.para.row == cell.row
                 and ref.para.cell != cell.cell and id(ref) not in skip]
    else:
        found = [ref for ref in head[: head.index(national)] if id(ref) not in skip]
    return [ref for ref in found if not _RULE_ONLY.match(ref.text)
            and not NUMBER_LINE.match(ref.text) and not DATE_LINE.match(ref.text)]


def _summary(lines: list[Ref], title_at: int) -> list[Ref]:
    """The trích yếu: the paragraph right after "KẾ HOẠCH" (all its lines)."""
    following = [ref for ref in lines[title_at + 1:] if not _RULE_ONLY.match(ref.text)]
    if not following:
        return []
    first = following[0].para
    return [ref for ref in following if ref.para is first]


def _find_bottom(parts: Parts, layout: Layout, rest: list[Ref]) -> None:
    """"Nơi nhận:", the recipient lines, the signature block and the appendix labels."""
    label_at = next((i for i, ref in enumerate(rest) if RECIPIENTS_LABEL.match(ref.text)), None)
    if label_at is not None:
        label = parts.recipients_label = rest[label_at]
        if label.para.table is not None:
            same_cell = [ref for ref in rest if _same_cell(ref.para, label.para)]
            parts.recipients = same_cell[same_cell.index(label) + 1:]
            parts.signature = _signature_cell(rest, label.para)
            if parts.signature:
                parts.signature_block = "table"
                parts.signer = parts.signature[-1] if len(parts.signature) > 1 else None
        else:
            parts.recipients = _dash_lines(rest[label_at + 1:])
    if not parts.signature:
        taken = {id(ref) for ref in (parts.recipients_label, *parts.recipients)}
        _signature_lines(parts, layout, [ref for ref in rest if id(ref) not in taken])
    end = max((rest.index(ref) for ref in (*parts.recipients, *parts.signature)), default=-1)
    parts.appendix_labels = [ref for ref in rest[end + 1:] if ref.first
                             and APPENDIX_LABEL.match(ref.text) and ref.para.table is None]


def _same_cell(a: Paragraph, b: Paragraph) -> bool:
    return (a.table, a.row, a.cell) == (b.table, b.row, b.cell)


def _signature_cell(rest: list[Ref], label: Paragraph) -> list[Ref]:
    """The lines of the cell after the recipients' cell in the same row (else before it)."""
    row = [ref for ref in rest if ref.para.table == label.table and ref.para.row == label.row
           and ref.para.cell != label.cell]
    after = [ref for ref in row if (ref.para.cell or 0) > (label.cell or 0)]
    return after or row


_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s", re.IGNORECASE)
_BRACKETED = re.compile(r"^\(.*\)$")  # "(Đã ký)", "(Ký, ghi rõ họ tên, đóng dấu)"
_HEADING = re.compile(r"^(?:[IVXLC]+\.|\d{1,2}\.|[a-zđ]\)|phần\s|chương\s)", re.IGNORECASE)
_MAX_TITLE_WORDS = 12
RIGHT_HALF = 0.5  # a left-aligned line starts at or past the middle of the text width
RIGHT_CENTRE = 0.6  # a centred line's centre lies past 60 % (the official cell: 66 %)
START_SLACK = 284  # twips (0.5 cm)
A4_TEXT = 11906 - 1701 - 1134  # twips: A4 with 30 and 20 mm side margins


def caps(text: str) -> bool:
    """Letters, all capitals."""
    return any(ch.isalpha() for ch in text) and text == text.upper()


def text_width(layout: Layout, para: Paragraph) -> int:
    """The width between the margins of the section `para` is in, in twips."""
    section = next((s for s in layout.sections if s.index == para.section), None)
    if section is None or not section.width:
        return A4_TEXT
    margins = section.margins
    width = section.width - (margins.get("left") or 0) - (margins.get("right") or 0)
    return width if width > 0 else A4_TEXT


def in_right_half(layout: Layout, ref: Ref) -> bool | None:
    """Whether a line outside tables sits in the right half of the page: right-aligned, a
    centred line whose centre lies past 60 % of the text width, or a line starting at least
    at the middle; None when tabs place it (their stops are not read)."""
    if ref.line.text.startswith("\t"):
        return None
    look = ref.para.look
    width = text_width(layout, ref.para)
    start = look.left + (look.first_line if ref.first else 0)
    if look.align == "right":
        return True
    if look.align == "center":
        return start + (width - start - look.right) / 2 >= RIGHT_CENTRE * width
    return start >= RIGHT_HALF * width - START_SLACK


def _signature_lines(parts: Parts, layout: Layout, lines: list[Ref]) -> None:
    """A signature block written as paragraphs, or in a cell of its own: a line starting
    "TM.", "KT.", "TL.", "TUQ." or "Q." (or a line in capitals placed in the right half, with
    a name under it), the title lines in capitals, then after the room to sign, the name."""
    for start, ref in enumerate(lines):
        if ref.para.story != "body" or RECIPIENTS_LABEL.match(ref.text):
            continue
        authority = bool(_AUTHORITY.match(ref.text))
        if not authority and not (ref.para.table is None and ref.first and _title_like(ref)
                                  and in_right_half(layout, ref)):
            continue
        titles, signer = _block(lines, start)
        if signer is None and not authority:
            continue
        parts.signature = titles + ([signer] if signer else [])
        parts.signer = signer
        parts.signature_block = "paragraphs" if ref.para.table is None else "table"
        return


def _title_like(ref: Ref) -> bool:
    return caps(ref.text) and len(ref.text.split()) <= _MAX_TITLE_WORDS and not _HEADING.match(
        ref.text) and not APPENDIX_LABEL.match(ref.text)


def _block(lines: list[Ref], start: int) -> tuple[list[Ref], Ref | None]:
    """The title lines from `start` on and the name under them (None when there is none)."""
    first = lines[start]
    titles = [first]
    for ref in lines[start + 1:start + 12]:
        if (ref.para.table, ref.para.row, ref.para.cell) != (
                first.para.table, first.para.row, first.para.cell) or ref.para.story != "body":
            break
        text = ref.text
        if RECIPIENTS_LABEL.match(text) or APPENDIX_LABEL.match(text) or text.startswith(
                ("-", "–", "+")):
            break
        if _BRACKETED.match(text):
            continue
        if _title_like(ref) and not _after_room(titles[-1], ref):
            titles.append(ref)
            continue
        words = text.split()
        if (1 < len(words) <= 6 and not text.endswith((".", ";", ":"))) or caps(text):
            return titles, ref  # the name (in capitals after the room to sign, too)
        break
    return titles, None


def _after_room(above: Ref, ref: Ref) -> bool:
    """Whether blank lines or empty paragraphs separate `ref` from the line `above` it."""
    if ref.para is above.para:
        lines = ref.para.lines
        low = next(i for i, line in enumerate(lines) if line is above.line)
        high = next(i for i, line in enumerate(lines) if line is ref.line)
        return high - low > 1
    return ref.para.index - above.para.index > 1 or any(
        not line.text.strip() for line in above.para.lines[-1:]) or not ref.first


def _dash_lines(rest: list[Ref]) -> list[Ref]:
    out = []
    for ref in rest:
        if not ref.text.startswith(("-", "–", "+")):
            break
        out.append(ref)
    return out


def _body(layout: Layout, parts: Parts, rest: list[Ref]) -> list[Paragraph]:
    """The body paragraphs: after the trích yếu, outside tables, before the recipients and
    signature (or the appendix)."""
    stop = [ref.para.index for ref in (parts.recipients_label, *parts.signature,
                                       *parts.appendix_labels) if ref is not None]
    end = min(stop, default=layout.paragraphs[-1].index + 1 if layout.paragraphs else 0)
    if parts.recipients_label is not None and parts.recipients_label.para.table is not None:
        first_in_table = next((p.index for p in layout.paragraphs
                               if p.table == parts.recipients_label.para.table), end)
        end = min(end, first_in_table)
    start = rest[0].para.index if rest else end
    seen: set[int] = set()
    body = []
    for ref in rest:
        para = ref.para
        if start <= para.index < end and para.table is None and para.index not in seen:
            seen.add(para.index)
            if not _RULE_ONLY.match(para.text) or para.label:
                body.append(para)
    return body
