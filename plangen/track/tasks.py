"""The plan's tasks as assignments: who leads, who joins, who oversees, by when.

`assignments` is the one adapter between the plan's task model and everything this package
does: the workbook, the calendar, the report and the timeline chart read tasks only through
it, so a new way of writing tasks (tasks in any section, agency-headed duty blocks) is taught
here once.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from plangen.inline import plain_text
from plangen.model import Plan, PlanDate, Task
from plangen.spec.deadlines import Period, parse_timeline
from plangen.track.agencies import Agency, AgencyBook, agency_heading
from plangen.vntext import letter

LEAD, PARTNER, SUPERVISOR = "Chủ trì", "Phối hợp", "Đôn đốc"
ROLES = (LEAD, PARTNER, SUPERVISOR)


@dataclass(frozen=True)
class Assignment:
    """One task as the workbook lists it: its number, title, agencies by role, deadline."""

    number: str  # "1", "2.a": what officers call the task, and its key in the workbook
    title: str
    roles: tuple[tuple[Agency, str], ...]  # (agency, LEAD / PARTNER / SUPERVISOR)
    period: Period | None  # None: the plan gives no timeline
    product: str | None = None

    @property
    def timeline(self) -> str:
        """The deadline as written, without the full stop that ended its sentence in the plan
        ("; thời hạn hoàn thành: trong năm 2027."); "" when the plan gives none."""
        return self.period.text.rstrip(" .;") if self.period else ""

    def role_of(self, agency: Agency) -> str | None:
        """The agency's role in this task, if it has one (the strongest one)."""
        found = [role for who, role in self.roles if who.key == agency.key]
        return min(found, key=ROLES.index) if found else None

    def leads(self) -> list[Agency]:
        return [who for who, role in self.roles if role == LEAD]


@dataclass(frozen=True)
class Assignments:
    """Every task of one plan as assignments, and the agencies they name in order."""

    plan: Plan
    tasks: tuple[Assignment, ...]
    agencies: tuple[Agency, ...]

    def by_number(self) -> dict[str, Assignment]:
        return {task.number: task for task in self.tasks}

    def of(self, agency: Agency) -> list[Assignment]:
        """The tasks `agency` has a role in, in plan order."""
        return [task for task in self.tasks if task.role_of(agency)]


def plan_day(date: PlanDate) -> datetime.date:
    """The plan's date, its first possible day when the day or month is left blank."""
    return datetime.date(date.year, date.month or 1, date.day or 1)


def assignments(plan: Plan) -> Assignments:
    """The plan's tasks, each with its agencies (aliases matched) and its period."""
    book = AgencyBook(plan.agencies)
    day = plan_day(plan.date)
    tasks = tuple(_assignment(number, task, parent, book, day)
                  for number, task, parent in _numbered(plan))
    seen: dict[str, Agency] = {}
    for task in tasks:
        for agency, _ in task.roles:
            seen.setdefault(agency.key, agency)
    # agencies that lead come first (as the plan lists them), then groups last
    ordered = sorted(seen.values(), key=lambda a: (a.group, not any(
        t.role_of(a) == LEAD for t in tasks)))
    return Assignments(plan, tasks, tuple(ordered))


def _numbered(plan: Plan) -> Iterator[tuple[str, Task, Task | None]]:
    """Each task to report on: a task, or its sub-tasks a), b) in its place; named by where
    the plan prints it ("III.1.2", a free plan's), else by its rank ("2", "2.a")."""
    seen: set[str] = set()

    def unique(number: str) -> str:  # a plan that prints a number twice still tells them apart
        taken, count = number, 1
        while taken in seen:
            count += 1
            taken = f"{number} ({count})"
        seen.add(taken)
        return taken

    for index, task in enumerate(plan.tasks.items, 1):
        number = task.place or str(index)
        if not task.subtasks:
            yield unique(number), task, None
        for sub_index, sub in enumerate(task.subtasks):
            yield unique(sub.place or f"{number}.{letter(sub_index)}"), sub, task


def _assignment(number: str, task: Task, parent: Task | None, book: AgencyBook,
                day: datetime.date) -> Assignment:
    """`task` as the workbook lists it; every text as a reader of the signed plan sees it
    (inline markers dropped, footnotes left to the plan)."""
    own_roles = task.roles
    source = own_roles if (own_roles.lead or own_roles.implementer or own_roles.partners
                           or own_roles.supervisor or parent is None) else parent.roles
    roles: list[tuple[Agency, str]] = []
    seen: set[str] = set()
    for lines, role in ((source.lead + source.implementer, LEAD), (source.partners, PARTNER),
                        (source.supervisor, SUPERVISOR)):
        for agency in book.agencies(tuple(plain_text(line) for line in lines)):
            if agency.key not in seen:
                seen.add(agency.key)
                roles.append((agency, role))
    timeline = plain_text(own_roles.timeline or (parent.roles.timeline if parent else "") or "")
    own_title = plain_text(task.title)
    parent_title = plain_text(parent.title) if parent else None
    title = f"{parent_title}: {own_title}" if parent_title else own_title
    # an agency-headed duty block ("1. Sở Công Thương:" then its duties): the agency leads
    own = agency_heading(own_title) if not roles else None
    inherited = agency_heading(parent_title) if parent_title and not roles and not own else None
    if own is not None:
        roles.append((book.agency(own), LEAD))
        duties = [*task.description, *task.content]
        title = f"{own}: {plain_text(duties[0])}" if duties else f"Nhiệm vụ của {own}"
    elif inherited is not None:
        roles.append((book.agency(inherited), LEAD))
        title = f"{inherited}: {own_title}"
    product = own_roles.product or (parent.roles.product if parent else None)
    return Assignment(number=number, title=title, roles=tuple(roles),
                      period=parse_timeline(timeline, day) if timeline else None,
                      product=plain_text(product) if product else None)


def plan_reference(plan: Plan) -> str:
    """ "Kế hoạch số 05/KH-UBND ngày 13/4/2026 của Ủy ban nhân dân tỉnh Đắk Lắk": how a
    workbook and a report name the plan; a plan a decision issues has no number of its own
    and is named by the decision ("Kế hoạch ban hành kèm theo Quyết định số 4385/QĐ-BVHTTDL
    ngày 18/11/2025 của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch")."""
    kind = plan.doc_type[:1].upper() + plan.doc_type[1:].lower()
    decision = plan.decision
    if decision is not None:
        return (f"{kind} ban hành kèm theo Quyết định số {_number(decision.number)}/"
                f"{decision.symbol} ngày {_day(decision.date)} của {decision.authority}")
    return f"{kind} số {_number(plan.number)}/{plan.symbol} ngày {_day(plan.date)} của " \
        f"{plan.issuer.name}"


def _number(number: str | None) -> str:
    return f"{int(number):02d}" if number else "…"


def _day(date: PlanDate) -> str:
    """ "13/4/2026"; "…" for a day or month left blank in a draft."""
    return "/".join(str(part) if part else "…" for part in (date.day, date.month)) + (
        f"/{date.year}")
