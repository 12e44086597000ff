"""A `Plan` becomes the values a KẾ HOẠCH template shows: header texts and a flat body.

Everything about numbering and punctuation is decided here, once: sections I–IV in Roman
numerals, items 1., 2., points a), b) … in Vietnamese letter order, role lines, the recipient
list. The body is a list of paragraphs, each with a kind (which the renderer maps to a named
paragraph style of the template) and its runs. No XML is written here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import count
from typing import TYPE_CHECKING, Literal

from plangen.freeform import DASHED_LETTER_STYLES, LETTER_ROLE_STYLES, LISTED_ROLES, Roles
from plangen.inline import InlineError, Span, has_markup, parse_inline, plain_text
from plangen.model import Appendix, Entry, Issuer, Plan, Section, Signature, Task

if TYPE_CHECKING:
    from plangen.render.free_layout import AppendixLayout, TableLayout
from plangen.vntext import (
    BLANK,
    date_words,
    ensure_end,
    letter,
    roman,
    sentence_case_name,
    two_digits,
    upper,
)

Kind = Literal["basis", "text", "part", "part_title", "heading", "item_title", "item", "point",
               "bullet", "role", "plus", "closing", "authority", "decision_word", "article",
               "table"]
_MARKERS = ("- ", "+ ", "– ", "• ")


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph's text with its own emphasis (beyond the paragraph style)."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    footnote: int | None = None  # the run is the reference to this footnote (text empty)


@dataclass(frozen=True)
class Para:
    """One body paragraph: what kind it is (-> its style) and its text; a "table" paragraph
    is a data table instead (render/free_layout.py)."""

    kind: Kind
    runs: tuple[Run, ...]
    table: TableLayout | None = None

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Footnotes:
    """The footnotes met so far, in order: each a tuple of runs."""

    items: list[tuple[Run, ...]] = field(default_factory=list)


def runs_of(text: str, notes: Footnotes, *, bold: bool = False) -> tuple[Run, ...]:
    """`text` with its inline emphasis and footnotes as runs (a bad marker prints as typed:
    validation has already said where it is)."""
    if not has_markup(text):
        return (Run(text, bold=bold),) if text else ()
    try:
        spans = parse_inline(text)
    except InlineError:
        return (Run(text, bold=bold),)
    return tuple(_run(span, notes, bold) for span in spans)


def _run(span: Span, notes: Footnotes, bold: bool) -> Run:
    if span.footnote is not None:
        notes.items.append(tuple(_run(s, notes, False) for s in span.footnote))
        return Run("", footnote=len(notes.items))
    return Run(span.text, bold=span.bold or bold, italic=span.italic, underline=span.underline)


ParaMaker = Callable[["Kind", str], Para]


@dataclass(frozen=True)
class AppendixText:
    """The appendix: heading lines and a table given as rows of cells of lines."""

    label: str
    title: str
    reference: str
    columns: tuple[str, ...]
    headings: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], ...], ...]


@dataclass(frozen=True)
class Context:
    """Everything a template may name; field names follow the spec's keys."""

    issuer: Issuer  # the lines upper-cased for the header
    number: str
    symbol: str
    place: str
    date: str
    doc_type: str
    summary: str
    body: tuple[Para, ...]
    recipients: tuple[str, ...]
    drafting_code: str | None
    signature: Signature  # the lines upper-cased
    appendix: AppendixText | None
    created: str
    # the free structure: its appendices (own sections) and the footnotes of the whole text
    appendices: tuple[AppendixLayout, ...] = ()
    footnotes: tuple[tuple[Run, ...], ...] = ()


def build_context(plan: Plan) -> Context:
    """The template values for `plan`."""
    number = plan_number(plan.number)
    date = date_words(plan.date.day, plan.date.month, plan.date.year)
    if plan.free:
        return _free_context(plan, number, date)
    notes = Footnotes()
    body = tuple(body_paragraphs(plan, notes))
    return Context(
        issuer=Issuer(plan.issuer.name, tuple(upper(line) for line in plan.issuer.header_lines),
                      upper(plan.issuer.parent) if plan.issuer.parent else None),
        number=number,
        symbol=plan.symbol,
        place=plan.place,
        date=date,
        doc_type=upper(plan.doc_type),
        summary=plan.summary,
        body=body,
        recipients=recipient_lines(plan.recipients),
        drafting_code=plan.drafting_code,
        signature=Signature(tuple(upper(line) for line in plan.signature.lines),
                            plan.signature.name),
        appendix=_appendix(plan, plan.appendix, number, date) if plan.appendix else None,
        created=f"{plan.date.year:04d}-{plan.date.month or 1:02d}-{plan.date.day or 1:02d}"
                "T00:00:00Z",
        footnotes=tuple(notes.items),
    )


def body_paragraphs(plan: Plan, notes: Footnotes | None = None) -> Iterator[Para]:
    """Preamble, sections I–IV and the closing, in reading order; inline emphasis and
    footnotes (plangen/inline.py) are read in every text, the footnotes collected in `notes`."""
    notes = Footnotes() if notes is None else notes

    def _para(kind: Kind, text: str) -> Para:
        return Para(kind, runs_of(text, notes))

    for line in plan.preamble:
        # NĐ 30 PL1 II.6.a: each "Căn cứ" is italic; a "Thực hiện …" paragraph is not
        yield _para("basis" if line.lower().startswith("căn cứ") else "text", line)
    yield from _section(_para, 1, plan.purpose, plan.point_close)
    yield _para("heading", f"{roman(2)}. {upper(plan.tasks.heading)}")
    for line in plan.tasks.text:
        yield _para("text", line)
    for number, task in enumerate(plan.tasks.items, 1):
        yield _para("item_title", f"{number}. {task.title}")
        yield from _task_body(_para, task)
        for index, sub in enumerate(task.subtasks):
            yield _para("point", f"{letter(index)}{plan.point_close} {sub.title}")
            yield from _task_body(_para, sub)
    yield from _section(_para, 3, plan.funding, plan.point_close)
    yield from _section(_para, 4, plan.organization, plan.point_close)
    for line in plan.closing:
        yield _para("closing", line)


def _section(_para: ParaMaker, number: int, section: Section, close: str = ")"
             ) -> Iterator[Para]:
    yield _para("heading", f"{roman(number)}. {upper(section.heading)}")
    for line in section.text:
        yield _para("text", line)
    for index, entry in enumerate(section.items, 1):
        yield from _entry(_para, str(index) if section.numbered else None, entry, close)


def _entry(_para: ParaMaker, number: str | None, entry: Entry, close: str = ")"
           ) -> Iterator[Para]:
    """ "1. Title" (bold), or "1. First paragraph" (regular), then points ("a)", or "a." when
    `close` is ".") and bullets."""
    lines = [*entry.text]
    points = [strip_marker(point) for point in entry.points]
    bullets = [strip_marker(bullet) for bullet in entry.bullets]
    if entry.title:
        yield _para("item_title", f"{number}. {entry.title}" if number else entry.title)
    elif number:
        # NĐ 30 PL1 II.6.đ: an untitled khoản is regular, its number leads its first line
        first = (lines or points or bullets).pop(0)
        yield _para("item", f"{number}. {first}")
    for line in lines:
        yield _para("text", line)
    for index, point in enumerate(points):
        yield _para("point", f"{letter(index)}{close} {point}")
    for bullet in bullets:
        yield _para("bullet", f"- {bullet}")


def _task_body(_para: ParaMaker, task: Task) -> Iterator[Para]:
    for line in task.description:
        yield _para("text", line)
    for kind, text in role_lines(task.roles, task.content):
        yield _para(kind, text)


def _role_marker(style: str, index: int) -> str:
    """What opens the `index`-th role line (0-based) in a role style: "a) ", "b) " … for
    "letter", "a. ", "b. " … for "letter_dot", "- a) ", "- b) " … for "dash_letter", nothing
    for "plain", "- " otherwise."""
    after = LETTER_ROLE_STYLES.get(style)
    if after is not None:
        dash = "- " if style in DASHED_LETTER_STYLES else ""
        return f"{dash}{letter(index)}{after} "
    return "" if style == "plain" else "- "


def role_lines(roles: Roles, content: tuple[str, ...] = (), *, last: str | None = None,
               strip_named: bool = True) -> Iterator[tuple[Kind, str]]:
    """(paragraph kind, text) of the role lines under a task or a free block: its content
    ("- Nội dung:" then "+ …" items), then each role (`_role_values`), its agencies one a line
    under an open role line where `roles.items` asks for it, then `last` (a free block's
    deadline line) with the next marker ("d)" after "c)"). `strip_named` drops a marker typed
    before a named item (the classic tasks do; a free block prints them as written)."""
    markers = (_role_marker(roles.style, index) for index in count())
    if content:
        yield "role", f"{next(markers)}{roles.labels.get('content', 'content')}:"
        for item in content:
            yield "plus", f"+ {strip_marker(item)}"
    for key, value in _role_values(roles, strip_named):
        opening = f"{next(markers)}{roles.labels.get(key, key)}:"
        marker = roles.items.get(key)
        if marker is None:
            yield "role", f"{opening} {value}"
            continue
        # an open role line, then its agencies one a line, ";" between, "." after the last
        yield "role", opening
        agencies: tuple[str, ...] = getattr(roles, key)
        for number, agency in enumerate(agencies, 1):
            line = ensure_end(agency, "." if number == len(agencies) else ";")
            yield ("plus", f"+ {line}") if marker == "plus" else ("bullet", f"- {line}")
    if last is not None:
        yield "role", f"{next(markers)}{last}"


def _role_values(roles: Roles, strip_named: bool) -> Iterator[tuple[str, str]]:
    """(label key, text) of each role line, in the order real plans print them."""
    if roles.named_items:
        items = (f"({i}) {ensure_end(strip_marker(item) if strip_named else item, '', ';.')}"
                 for i, item in enumerate(roles.named_items, 1))
        yield "named_items", ensure_end("; ".join(items), ".")
    for key in LISTED_ROLES:
        agencies: tuple[str, ...] = getattr(roles, key)
        if agencies:
            yield key, join_agencies(agencies)
    if roles.timeline:
        yield "timeline", ensure_end(roles.timeline, ".")
    if roles.product:
        yield "product", ensure_end(roles.product, ".")


def join_agencies(agencies: tuple[str, ...]) -> str:
    """ "Sở A; Sở B." from a list of agencies."""
    return ensure_end("; ".join(ensure_end(a, "", ";.,") for a in agencies), ".")


def strip_marker(text: str) -> str:
    """Drop a "- " or "+ " the user typed; plangen adds its own."""
    for marker in _MARKERS:
        if text.startswith(marker):
            return text[len(marker):].lstrip()
    return text


def recipient_lines(recipients: tuple[str, ...]) -> tuple[str, ...]:
    """NĐ 30 PL1 II.9: "- …;" per recipient, the last ("- Lưu: VT, …") ending in "."."""
    cleaned = [(_recipient_marker(line), strip_marker(line.strip())) for line in recipients]
    return tuple(f"{marker}{ensure_end(line, _recipient_end(cleaned, i))}"
                 for i, (marker, line) in enumerate(cleaned))


def _recipient_end(cleaned: list[tuple[str, str]], index: int) -> str:
    """ "." for the last line; ":" for a group that the "+ " lines below it list ("- Các đơn
    vị trực thuộc:" "+ Trung tâm …;"), as written; else ";"."""
    if index == len(cleaned) - 1:
        return "."
    opens = cleaned[index][1].endswith(":") and cleaned[index + 1][0] == "+ "
    return ":" if opens else ";"


def _recipient_marker(line: str) -> str:
    """ "+ " for a sub-item under the recipient above it ("- Các Sở: … ;" "+ Sở Tư pháp;")."""
    return "+ " if line.strip().startswith("+ ") else "- "


def attached_reference(plan: Plan) -> str | None:
    """ "(Kèm theo Quyết định số …/QĐ-UBND ngày … của …)" for a plan issued by a decision
    (blanks where the draft decision has no number or day yet), else None."""
    decision = plan.decision
    if decision is None:
        return None
    number = two_digits(int(decision.number)) if decision.number else BLANK
    date = date_words(decision.date.day, decision.date.month, decision.date.year)
    return f"(Kèm theo Quyết định số {number}/{decision.symbol} {date} của {decision.authority})"


def _appendix(plan: Plan, appendix: Appendix, number: str, date: str) -> AppendixText:
    reference = appendix.reference or appendix_reference(plan, number, date)
    if not reference.startswith("("):
        reference = f"({reference.rstrip('.')})"
    keys = tuple(key for key, _ in appendix.columns)
    rows = tuple(((str(index),), *(_cell(getattr(row, key)) for key in keys))
                 for index, row in enumerate(appendix.rows, 1))
    return AppendixText(
        label=appendix.label,
        title=upper(appendix.title),
        reference=reference,
        columns=keys,
        headings=(appendix.number_heading, *(heading for _, heading in appendix.columns)),
        rows=rows,
    )


def _cell(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """A table cell as lines: several agencies each on their own line, as a reader sees them
    (the classic appendix table prints plain text: markers dropped)."""
    if value is None:
        return ()
    return tuple(plain_text(line) for line in (value if isinstance(value, tuple) else (value,)))


def back_reference(plan: Plan, number: str, date: str) -> str:
    """ "(Kèm theo Kế hoạch số …/KH-UBND ngày … của …)", draft blanks where not yet known."""
    return (f"(Kèm theo {sentence_case_name(plan.doc_type)} số {number}/{plan.symbol} {date} "
            f"của {plan.issuer.name})")


def appendix_reference(plan: Plan, number: str | None = None, date: str | None = None) -> str:
    """The "(Kèm theo …)" line under an appendix's title: a plan issued by a decision refers
    to the decision, as the plan does, any other to the plan (its `number` and `date` as
    printed, found from the plan when not given)."""
    return attached_reference(plan) or back_reference(
        plan, plan_number(plan.number) if number is None else number,
        date_words(plan.date.day, plan.date.month, plan.date.year) if date is None else date)


def _free_context(plan: Plan, number: str, date: str) -> Context:
    from plangen.render.free_layout import free_appendices, free_body
    notes = Footnotes()
    body: list[Para] = []
    for line in plan.preamble:
        body.append(Para("basis" if line.lower().startswith("căn cứ") else "text",
                         runs_of(line, notes)))
    body.extend(free_body(plan, notes))
    body.extend(Para("closing", runs_of(line, notes)) for line in plan.closing)
    appendices = free_appendices(plan, appendix_reference(plan, number, date), notes)
    return Context(
        issuer=Issuer(plan.issuer.name, tuple(upper(line) for line in plan.issuer.header_lines),
                      upper(plan.issuer.parent) if plan.issuer.parent else None),
        number=number, symbol=plan.symbol, place=plan.place, date=date,
        doc_type=upper(plan.doc_type), summary=plan.summary, body=tuple(body),
        recipients=recipient_lines(plan.recipients), drafting_code=plan.drafting_code,
        signature=Signature(tuple(upper(line) for line in plan.signature.lines),
                            plan.signature.name),
        appendix=None,
        created=f"{plan.date.year:04d}-{plan.date.month or 1:02d}-{plan.date.day or 1:02d}"
                "T00:00:00Z",
        appendices=appendices, footnotes=tuple(notes.items))


def plan_number(number: str | None) -> str:
    """ "5" -> "05" (NĐ 30: at least two digits); "0129" as written; a draft's blank."""
    if not number:
        return BLANK
    return number if len(number) >= 2 else two_digits(int(number))
