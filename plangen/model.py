"""The plan as plain, typed, immutable Python objects built from validated spec data.

Everything downstream (context, rendering, batch) reads these classes, never raw YAML dicts.
Defaults that the spec may leave out (headings, labels, symbol) are filled in here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from plangen.freeform import (
    POINT_STYLES,
    Block,
    FreeAppendix,
    FreeParts,
    FreeSection,
    Roles,
    all_blocks,
    build_free,
)
from plangen.marks import mark_words, urgency_level
from plangen.places import printed_places
from plangen.vntext import clean_line, ensure_end, sentence_case_name

DEFAULT_LABELS: dict[str, str] = {
    "named_items": "Tên nhiệm vụ",
    "lead": "Cơ quan chủ trì",
    "implementer": "Đơn vị thực hiện",
    "partners": "Cơ quan phối hợp",
    "supervisor": "Cơ quan đôn đốc, hướng dẫn",
    "timeline": "Thời gian thực hiện",
    "product": "Sản phẩm",
    "content": "Nội dung",
}
DEFAULT_COLUMNS: dict[str, str] = {
    "content": "Nội dung công việc",
    "lead": "Cơ quan chủ trì",
    "partners": "Cơ quan phối hợp",
    "timeline": "Thời gian thực hiện",
    "product": "Sản phẩm",
}
# the archive line that closes the recipients: "Lưu: VT, KGVX.", "Lưu VT" (PL1 II.9), never a
# circulation note that also opens with "Lưu" ("LƯU HÀNH NỘI BỘ")
_ARCHIVE_LINE = re.compile(r"(?i)lưu(?!\w)(?!\s+hành(?!\w))")

# the document type plangen drafts (NĐ 30 Điều 7: "Kế hoạch"), printed in capitals
PLAN_DOC_TYPE = "KẾ HOẠCH"


def is_archive_line(text: str) -> bool:
    """Whether a recipient line is the archive line ("- Lưu: VT, VP.(20)."), dash or not."""
    return bool(_ARCHIVE_LINE.match(text.lstrip("-–•· ").strip()))


COLLECTIVE_PREFIXES = ("Ủy ban nhân dân", "Hội đồng nhân dân")


@dataclass(frozen=True)
class Issuer:
    name: str
    header_lines: tuple[str, ...]
    parent: str | None = None


@dataclass(frozen=True)
class PlanDate:
    year: int
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Entry:
    """A numbered item of sections I, III, IV: a paragraph, or a titled block."""

    title: str | None = None
    text: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    heading: str
    text: tuple[str, ...] = ()
    items: tuple[Entry, ...] = ()
    numbered: bool = True


@dataclass(frozen=True)
class Task:
    """A task of section II (or a free plan's task block): its text, its role lines
    (`roles`: who leads, who helps, when, what comes out) and its sub-tasks."""

    title: str
    id: str | None = None
    description: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    roles: Roles = field(default_factory=Roles)
    subtasks: tuple[Task, ...] = ()
    place: str | None = None  # a free plan's task: where the plan prints it ("III.1.2")


@dataclass(frozen=True)
class TaskSection:
    heading: str
    items: tuple[Task, ...]
    text: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signature:
    lines: tuple[str, ...]
    name: str


@dataclass(frozen=True)
class AppendixRow:
    content: str
    lead: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    timeline: str | None = None
    product: str | None = None


@dataclass(frozen=True)
class Appendix:
    label: str
    title: str
    reference: str | None
    number_heading: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[AppendixRow, ...]


@dataclass(frozen=True)
class Plan:
    """One KẾ HOẠCH, ready to render."""

    issuer: Issuer
    number: str | None
    symbol: str
    place: str
    date: PlanDate
    doc_type: str
    summary: str
    preamble: tuple[str, ...]
    closing: tuple[str, ...]
    recipients: tuple[str, ...]
    signature: Signature
    # the four fixed sections (the classic keys); a free plan fills `tasks` from its blocks
    # with role lines and leaves the others empty
    purpose: Section = Section("")
    tasks: TaskSection = TaskSection("", ())
    funding: Section = Section("")
    organization: Section = Section("")
    drafting_code: str | None = None
    appendix: Appendix | None = None
    # the spec's own agency aliases: (full name, (alias, …)), added to the built-in list
    agencies: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The QUYẾT ĐỊNH that issues this plan; then `place`, `date`, `recipients` and `signature`
    # hold the decision's (the attached plan prints none of them) and `number` is None.
    decision: Decision | None = None
    # the free structure (freeform.py): its sections replace the four above when present
    numbering: str = "roman"
    # what closes the letter of every point: ")" ("a)", NĐ 30) or "." ("a.", `point_style`)
    point_close: str = ")"
    sections: tuple[FreeSection, ...] = ()
    missing: dict[str, str] = field(default_factory=dict)
    appendices: tuple[FreeAppendix, ...] = ()
    # NĐ 30's optional first-page marks (plangen/marks.py): the urgency level ("HỎA TỐC"),
    # the circulation note ("LƯU HÀNH NỘI BỘ") and the agency's contact lines
    urgency: str | None = None
    circulation: str | None = None
    contact: tuple[str, ...] = ()

    @property
    def free(self) -> bool:
        """Whether the plan lists its own sections (the free structure)."""
        return bool(self.sections)


def build_plan(data: dict[str, Any]) -> Plan:
    """A `Plan` from spec data that `validate_spec` accepted."""
    if data.get("sections"):
        return _free_plan(data)
    tasks = _task_section(data["tasks"])
    issuer = _issuer(data["issuer"])
    decision = build_decision(data, issuer, tasks) if data.get("decision") else None
    if decision is not None:
        data = decision_frame(data, decision)
    return Plan(
        **_common(data),
        purpose=_section(data["purpose"], "MỤC ĐÍCH, YÊU CẦU"),
        tasks=tasks,
        funding=_section(data["funding"], "KINH PHÍ THỰC HIỆN"),
        organization=_section(data["organization"], "TỔ CHỨC THỰC HIỆN"),
        appendix=_appendix(data["appendix"], tasks) if data.get("appendix") else None,
        decision=decision,
    )


def _marks(data: dict[str, Any]) -> dict[str, Any]:
    """The first-page marks, as printed (validation has refused an unknown urgency)."""
    urgency, circulation = data.get("urgency"), data.get("circulation")
    return {"urgency": urgency_level(urgency) if urgency else None,
            "circulation": mark_words(circulation) if circulation else None,
            "contact": _lines(data.get("contact"))}


def _optional(value: str | None) -> str | None:
    return clean_line(value) if value else None


def _lines(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    return tuple(clean_line(item) for item in items)


def _issuer(data: dict[str, Any]) -> Issuer:
    name = clean_line(data["name"])
    lines = _lines(data.get("header_lines")) or default_header_lines(name)
    return Issuer(name=name, header_lines=lines, parent=_optional(data.get("parent")))


def default_header_lines(name: str) -> tuple[str, ...]:
    """ "Ủy ban nhân dân tỉnh Đắk Lắk" -> ("ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK")."""
    for prefix in COLLECTIVE_PREFIXES:
        if name.lower().startswith(prefix.lower()) and len(name) > len(prefix):
            return (prefix.upper(), name[len(prefix):].strip().upper())
    return (name.upper(),)


def _entry(value: str | dict[str, Any]) -> Entry:
    if isinstance(value, str):
        return Entry(text=(clean_line(value),))
    return Entry(title=_optional(value.get("title")), text=_lines(value.get("text")),
                 points=_lines(value.get("points")), bullets=_lines(value.get("bullets")))


def _section(data: dict[str, Any], default_heading: str) -> Section:
    items = [_entry(item) for item in data.get("items", [])]
    if data.get("reporting"):
        items.append(_entry({"title": "Chế độ báo cáo", **data["reporting"]}))
    return Section(heading=clean_line(data.get("heading", default_heading)),
                   text=_lines(data.get("text")), items=tuple(items),
                   numbered=data.get("numbered", True))


def _task(data: dict[str, Any], labels: dict[str, str], role_style: str) -> Task:
    own_labels = {**labels, **{k: clean_line(v) for k, v in data.get("labels", {}).items()}}
    own_style = data.get("role_style", role_style)
    return Task(
        title=clean_line(data["title"]),
        id=data.get("id"),
        description=_lines(data.get("description")),
        content=_lines(data.get("content")),
        roles=Roles(
            named_items=_lines(data.get("named_items")), lead=_lines(data.get("lead")),
            implementer=_lines(data.get("implementer")), partners=_lines(data.get("partners")),
            supervisor=_lines(data.get("supervisor")), timeline=_optional(data.get("timeline")),
            product=_optional(data.get("product")), labels=own_labels, style=own_style),
        subtasks=tuple(_task(sub, own_labels, own_style) for sub in data.get("subtasks", [])),
    )


def _task_section(data: dict[str, Any]) -> TaskSection:
    labels = {**DEFAULT_LABELS, **{k: clean_line(v) for k, v in data.get("labels", {}).items()}}
    style = data.get("role_style", "dash")
    return TaskSection(heading=clean_line(data.get("heading", "NHIỆM VỤ VÀ GIẢI PHÁP")),
                       items=tuple(_task(item, labels, style) for item in data["items"]),
                       text=_lines(data.get("text")))


def leaf_tasks(tasks: TaskSection) -> list[Task]:
    """Tasks as the appendix lists them: sub-tasks in place of their parent."""
    return [leaf for task in tasks.items for leaf in (task.subtasks or (task,))]


def _appendix_row_from_task(task: Task) -> AppendixRow:
    roles = task.roles
    return AppendixRow(content=task.title, lead=roles.lead or roles.implementer,
                       partners=roles.partners, timeline=roles.timeline, product=roles.product)


def _appendix_row(data: dict[str, Any], by_id: dict[str, Task]) -> AppendixRow:
    base = _appendix_row_from_task(by_id[data["task"]]) if data.get("task") else None
    return AppendixRow(
        content=clean_line(data["content"]) if data.get("content") else (
            base.content if base else ""),
        lead=_lines(data.get("lead")) or (base.lead if base else ()),
        partners=_lines(data.get("partners")) or (base.partners if base else ()),
        timeline=_optional(data.get("timeline")) or (base.timeline if base else None),
        product=_optional(data.get("product")) or (base.product if base else None),
    )


def _appendix(data: dict[str, Any], tasks: TaskSection) -> Appendix:
    by_id = {t.id: t for task in tasks.items for t in (task, *task.subtasks) if t.id}
    if data.get("from_tasks"):
        rows = tuple(_appendix_row_from_task(task) for task in leaf_tasks(tasks))
    else:
        rows = tuple(_appendix_row(row, by_id) for row in data.get("rows", []))
    columns = data.get("columns") or DEFAULT_COLUMNS
    return Appendix(
        label=clean_line(data.get("label", "Phụ lục")),
        title=clean_line(data["title"]),
        reference=_optional(data.get("reference")),
        number_heading=clean_line(data.get("number_heading", "STT")),
        columns=tuple((key, clean_line(columns[key])) for key in DEFAULT_COLUMNS
                      if key in columns),
        rows=rows,
    )


# ---- a plan issued by a decision -------------------------------------------------------------

# Titles that open an authority held by one person ("Chủ tịch Ủy ban nhân dân tỉnh …"); a
# collective authority opens with one of COLLECTIVE_PREFIXES.
HEAD_TITLES = ("Chủ tịch", "Bộ trưởng", "Thủ tướng", "Giám đốc", "Tổng Giám đốc",
               "Tổng cục trưởng", "Cục trưởng", "Vụ trưởng", "Chánh Văn phòng", "Chánh Thanh tra",
               "Trưởng ban", "Viện trưởng", "Hiệu trưởng", "Thủ trưởng", "Chủ nhiệm", "Chánh án",
               "Tổng Kiểm toán")
_UNIT_KINDS = ("thành phố", "đặc khu", "thị xã", "thị trấn", "tỉnh", "phường", "xã")
DEFAULT_EFFECT = "Quyết định này có hiệu lực thi hành kể từ ngày ký."
_PROPER_STARTS = ("Luật", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư",
                  "Chương trình", "Đề án", "Kết luận", "Chiến lược", "Quy hoạch", "Hiến pháp")


@dataclass(frozen=True)
class Article:
    """One article of a decision: "Điều N." (with its title, if any) and its paragraphs."""

    text: tuple[str, ...]
    title: str | None = None


@dataclass(frozen=True)
class Decision:
    """The QUYẾT ĐỊNH that issues a plan, every default already filled in."""

    number: str | None
    symbol: str
    place: str
    date: PlanDate
    summary: str
    authority: str  # as a sentence writes it: "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk"
    bases: tuple[str, ...]
    proposer: str | None
    articles: tuple[Article, ...]
    recipients: tuple[str, ...]
    signature: Signature
    drafting_code: str | None = None


def head_title(authority: str) -> str | None:
    """The one-person title an authority opens with ("Bộ trưởng"), or None (a collective)."""
    low = authority.lower()
    for title in sorted(HEAD_TITLES, key=len, reverse=True):
        if low.startswith(title.lower() + " ") or low == title.lower():
            return authority[:len(title)]
    return None


def default_authority(issuer_name: str) -> str:
    """Who issues a decision of `issuer_name` when the spec does not say: a committee itself,
    a ministry's Minister, a department's Director."""
    for word, title in (("Bộ ", "Bộ trưởng"), ("Sở ", "Giám đốc")):
        if issuer_name.startswith(word):
            return f"{title} {issuer_name}"
    return issuer_name


def plan_phrase(doc_type: str, summary: str) -> str:
    """ "Kế hoạch thực hiện …": the plan named inside a sentence (its summary's first word in
    lower case unless it names a document or a proper noun)."""
    first = summary.split(" ", 1)[0]
    keep = summary.startswith(_PROPER_STARTS) or first.isupper() or (
        len(first) > 1 and not first[1:].islower())
    body = summary if keep else summary[:1].lower() + summary[1:]
    return f"{sentence_case_name(doc_type)} {body}"


def executor_title(agency: str) -> str:
    """The person who answers for `agency` in an execution article: "Giám đốc Sở Tư pháp"."""
    low = agency.lower()
    if low.startswith("các "):
        return f"Thủ trưởng {agency[:1].lower()}{agency[1:]}"
    for starts, title in ((("ủy ban nhân dân", "ubnd"), "Chủ tịch"),
                          (("sở ", "công an"), "Giám đốc"), (("văn phòng", "thanh tra"), "Chánh"),
                          (("ban ",), "Trưởng"), (("bộ chỉ huy",), "Chỉ huy trưởng")):
        if low.startswith(starts):
            return f"{title} {agency}"
    return f"Thủ trưởng {agency}"


def _office(issuer_name: str) -> str:
    """The office head who sees a decision executed: "Chánh Văn phòng Ủy ban nhân dân tỉnh"."""
    for collective in COLLECTIVE_PREFIXES:
        if issuer_name.startswith(collective + " "):
            rest = issuer_name[len(collective) + 1:]
            kind = next((kind for kind in _UNIT_KINDS if rest.startswith(kind + " ")),
                        rest.split(" ", 1)[0])
            return f"Chánh Văn phòng {collective} {kind}"
    word = issuer_name.split(" ", 1)[0]
    return f"Chánh Văn phòng {word}"


def join_people(people: tuple[str, ...]) -> str:
    """ "A, B và C"."""
    cleaned = [ensure_end(person, "", ";.,") for person in people]
    return cleaned[0] if len(cleaned) == 1 else f"{', '.join(cleaned[:-1])} và {cleaned[-1]}"


def _default_executors(issuer_name: str, tasks: TaskSection) -> tuple[str, ...]:
    leads: list[str] = []
    for task in leaf_tasks(tasks):
        for agency in task.roles.lead or task.roles.implementer:
            title = executor_title(agency)
            if title not in leads:
                leads.append(title)
    return (_office(issuer_name), *leads, "Thủ trưởng các cơ quan, đơn vị có liên quan")


def default_execution(issuer_name: str, plan_data: dict[str, Any]) -> str:
    """The executing article plangen writes for a plan's spec data (either structure) that
    names no executors."""
    tasks = free_tasks(build_free(plan_data, dict(DEFAULT_LABELS))) if plan_data.get(
        "sections") else _task_section(plan_data["tasks"])
    people = join_people(_default_executors(issuer_name, tasks))
    return f"{people} chịu trách nhiệm thi hành Quyết định này./."


def _article_data(value: str | list[str] | dict[str, Any]) -> Article:
    if isinstance(value, dict):
        return Article(_lines(value.get("text")), _optional(value.get("title")))
    return Article(_lines(value))


def _articles(data: dict[str, Any], phrase: str, issuer_name: str,
              tasks: TaskSection) -> tuple[Article, ...]:
    """Điều 1 issues the plan, the added articles, the effect, then who executes it (NĐ 30
    Phụ lục III, Mẫu 1.2); the last article ends with "./."."""
    given = data.get("articles") or {}
    executors = _lines(given.get("executors")) or _default_executors(issuer_name, tasks)
    articles = [
        _article_data(given["issue"]) if given.get("issue") else Article(
            (f"Ban hành kèm theo Quyết định này {phrase}.",)),
        *(_article_data(extra) for extra in given.get("extra", [])),
        _article_data(given["effect"]) if given.get("effect") else Article((DEFAULT_EFFECT,)),
        _article_data(given["execution"]) if given.get("execution") else Article(
            (f"{join_people(executors)} chịu trách nhiệm thi hành Quyết định này./.",)),
    ]
    last = articles[-1]
    if last.text and not last.text[-1].endswith("./."):
        articles[-1] = Article((*last.text[:-1], ensure_end(last.text[-1], "./.", ";.,/")),
                               last.title)
    return tuple(articles)


def decision_symbol(data: dict[str, Any]) -> str:
    """The symbol of the decision issuing the plan of spec `data`: its own, else "QĐ-" and
    what follows "KH-" in the plan's ("QĐ-UBND")."""
    block = data.get("decision")
    given = block.get("symbol") if isinstance(block, dict) else None
    symbol = given or "QĐ-" + data.get("symbol", "KH-UBND").partition("-")[2]
    return symbol if symbol != "QĐ-" else "QĐ-UBND"


def build_decision(data: dict[str, Any], issuer: Issuer, tasks: TaskSection) -> Decision:
    """The decision of a plan's spec data (`data["decision"]` present and validated)."""
    block: dict[str, Any] = data["decision"]
    phrase = plan_phrase(clean_line(data.get("doc_type", PLAN_DOC_TYPE)),
                         clean_line(data["summary"]))
    lead = "Về việc ban hành" if block.get("wording") == "ve-viec" else "Ban hành"
    symbol = decision_symbol(data)
    proposer = _optional(block.get("proposer"))
    if proposer and proposer.lower().startswith("theo đề nghị của "):
        proposer = proposer[len("theo đề nghị của "):]
    return Decision(
        number=block.get("number"),
        symbol=symbol,
        place=clean_line(block["place"]),
        date=PlanDate(**block["date"]),
        summary=_optional(block.get("summary")) or f"{lead} {phrase}",
        authority=_optional(block.get("authority")) or default_authority(issuer.name),
        bases=_lines(block.get("bases")),
        proposer=ensure_end(proposer, "", ";.,") if proposer else None,
        articles=_articles(block, phrase, issuer.name, tasks),
        recipients=_lines(block["recipients"]),
        signature=Signature(_lines(block["signature"]["lines"]),
                            clean_line(block["signature"]["name"])),
        drafting_code=_optional(block.get("drafting_code")),
    )


def decision_frame(data: dict[str, Any], decision: Decision) -> dict[str, Any]:
    """`data` with the decision's place, date, recipients and signature standing for the
    plan's (an attached plan prints none of them; NĐ 30 PL1 III.1)."""
    return {**data, "place": decision.place, "date": data["decision"]["date"],
            "recipients": list(decision.recipients),
            "signature": data["decision"]["signature"]}


def _common(data: dict[str, Any]) -> dict[str, Any]:
    """The parts every plan has, whatever its structure."""
    return {
        "issuer": _issuer(data["issuer"]),
        "number": data.get("number"),
        "symbol": data.get("symbol", "KH-UBND"),
        "place": clean_line(data["place"]),
        "date": PlanDate(**data["date"]),
        "doc_type": clean_line(data.get("doc_type", PLAN_DOC_TYPE)),
        "summary": clean_line(data["summary"]),
        "preamble": _lines(data.get("preamble")),
        "closing": _lines(data.get("closing")),
        "recipients": _lines(data["recipients"]),
        "signature": Signature(_lines(data["signature"]["lines"]),
                               clean_line(data["signature"]["name"])),
        "drafting_code": _optional(data.get("drafting_code")),
        "point_close": POINT_STYLES[data.get("point_style", "letter")],
        "agencies": tuple((clean_line(entry["name"]), _lines(entry["aliases"]))
                          for entry in data.get("agencies", [])),
        **_marks(data),
    }


def free_tasks(parts: FreeParts) -> TaskSection:
    """The tasks of a free plan: every task block of every section, in reading order, each
    with its printed place ("III.1.2")."""
    task_sections = [s for s in parts.sections if s.role == "tasks"] or list(parts.sections)
    places = printed_places(parts.sections, parts.numbering)
    return TaskSection(
        heading=(task_sections[0].heading or task_sections[0].part or "") if task_sections
        else "",
        items=tuple(task for section in parts.sections for task in block_tasks(
            section.content, named_alone=section.role == "organization", places=places)))


def _free_plan(data: dict[str, Any]) -> Plan:
    parts = build_free(data, dict(DEFAULT_LABELS))
    tasks = free_tasks(parts)
    decision = None
    if data.get("decision"):  # as in build_plan: the decision's frame stands for the plan's
        decision = build_decision(data, _issuer(data["issuer"]), tasks)
        data = decision_frame(data, decision)
    return Plan(**_common(data), tasks=tasks, numbering=parts.numbering,
                sections=parts.sections, missing=parts.missing, appendices=parts.appendices,
                decision=decision)


# words that open an agency's name when it heads its own duties ("1. Sở Công Thương:")
AGENCY_STARTS = ("Sở ", "Ủy ban", "UBND", "Công an", "Bộ Chỉ huy", "Bộ ", "Ban ", "Văn phòng",
                 "Thanh tra", "Báo ", "Đài ", "Trường ", "Các sở", "Các cơ quan", "Các đơn vị",
                 "Các cơ sở", "Cục ", "Chi cục", "Trung tâm", "Đề nghị", "Hội ", "Liên đoàn",
                 "Tỉnh đoàn", "Công ty", "Doanh nghiệp", "Phòng ", "Viện ", "Học viện",
                 "Các Bộ", "Các tổ chức", "Kho bạc", "Ngân hàng", "Bảo hiểm", "Tòa án")
_MAX_NAME_WORDS = 30  # "Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, …"


def block_tasks(blocks: tuple[Block, ...], *, named_alone: bool = False,
                places: dict[int, str] | None = None) -> list[Task]:
    """The tasks among free blocks: each block with role lines or a deadline, or an item
    headed by an agency ("1. Sở Công Thương:" with its duties), the outermost ones first;
    role blocks inside a task become its sub-tasks. With `named_alone` (the organization
    section), an item that is an agency's name alone heads the duties below it too.
    `places` (see plangen.places) gives each task its printed place."""
    places = places or {}
    found: list[Task] = []
    for block in blocks:
        if block.roles is not None or block.deadline is not None:
            found.append(_block_task(block, places))
        elif (agency := agency_heading(block, named_alone=named_alone)) is not None:
            found.append(_agency_task(block, agency, places))
        else:
            found.extend(block_tasks(block.content, named_alone=named_alone, places=places))
    return found


def agency_heading(block: Block, *, named_alone: bool = False) -> tuple[str, str] | None:
    """(agency, its duty on the same line) of an item headed by an agency, else None:
    "Sở Tài chính: Căn cứ …" -> ("Sở Tài chính", "Căn cứ …"); with `named_alone`, also an
    item holding only the name, with the duties below it ("1. Viện Văn hóa …" then "a) …")."""
    if block.kind != "item" or not block.text.startswith(AGENCY_STARTS):
        return None
    name, colon, rest = block.text.partition(":")
    if not colon:
        words = block.text.split()
        if named_alone and block.content and len(words) <= _MAX_NAME_WORDS \
                and not block.text.rstrip().endswith((".", ";")):
            return block.text.strip().removeprefix("Đề nghị ").strip(), ""
        return None
    if len(name) > 200:
        return None
    name = name.removeprefix("Đề nghị ").strip()
    return name, rest.strip()


def _agency_task(block: Block, agency: tuple[str, str], places: dict[int, str]) -> Task:
    name, duty = agency
    listed = [b for b in block.content if b.kind in ("bullet", "plus", "point", "text")]
    # "Chủ trì …, tham mưu cho …:" then "a) …", "b) …": the lettered points are the duties
    # (numbered as the plan letters them), the line before them only leads in
    points = [b for b in listed if b.kind == "point"]
    chosen = points or listed
    # one unnumbered duty is the heading's own task: it is named by the heading's place
    alone = len(chosen) == 1 and not points
    duties = tuple(Task(title=b.text, roles=Roles(lead=(name,), timeline=b.deadline),
                        place=places.get(id(block if alone else b))) for b in chosen)
    return Task(title=duty or block.text.rstrip(":"), id=block.id,
                roles=Roles(lead=(name,), timeline=block.deadline), subtasks=duties,
                place=places.get(id(block)))


def _block_task(block: Block, places: dict[int, str]) -> Task:
    """A block with role lines or a deadline as a task: its roles, the deadline standing for
    a timeline it does not give."""
    roles = block.roles or Roles(labels=dict(DEFAULT_LABELS))
    subs = tuple(_block_task(b, places) for b in all_blocks(block.content)
                 if b.roles is not None or b.deadline is not None)
    return Task(title=block.text, id=block.id,
                roles=replace(roles, timeline=roles.timeline or block.deadline), subtasks=subs,
                place=places.get(id(block)))
