"""Find the parts of a KẾ HOẠCH (or a BÁO CÁO on one) in a read document: header, title, body,
signature …

Documents typed by hand are laid out in many ways, so the parts are found by their words, not by
style names: the Quốc hiệu line, the line starting "Số:", the line "…, ngày … tháng … năm …",
the paragraph "KẾ HOẠCH" or "BÁO CÁO", the "Nơi nhận:" label and the cell beside it, a "Phụ lục"
line after the signature. Everything is found on printed lines (a paragraph split at its line
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
_SPACES = re.compile(r"\s+")
_RULE_ONLY = re.compile(r"^[\s_\-–—=.]*$")


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
    signature: list[Ref] = field(default_factory=list)
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
        else:
            parts.recipients = _dash_lines(rest[label_at + 1:])
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
