"""The figures of a progress report: per agency, per task, and what is overdue on a date.

An agency's figures count the tasks of its own sheet (every role it has). A task counts as
done when every lead agency reported it done; it is overdue on the report's date when its
deadline (the last one, for a recurring task) has passed and it is not done.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from plangen.track.agencies import Agency
from plangen.track.readback import Answer
from plangen.track.tasks import LEAD, Assignment, Assignments, plan_day
from plangen.track.workbook import DOING, DONE, NOT_STARTED

NOT_REPORTED = "Chưa báo cáo"


@dataclass(frozen=True)
class AgencyFigures:
    """How far one agency is with its tasks."""

    agency: Agency
    tasks: int
    done: int
    on_time: int
    late: int
    doing: int
    not_started: int
    not_reported: int
    overdue: int


@dataclass(frozen=True)
class TaskState:
    """One task on the report's date: its status, its deadline and whether it is overdue."""

    task: Assignment
    status: str  # DONE, DOING, NOT_STARTED or NOT_REPORTED, as the leads reported it
    due: datetime.date | None  # the deadline that applies on the report's date
    overdue: bool
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Progress:
    """Every figure of a report on `as_of`."""

    as_of: datetime.date
    agencies: tuple[AgencyFigures, ...]
    tasks: tuple[TaskState, ...]

    @property
    def overdue(self) -> list[TaskState]:
        return [state for state in self.tasks if state.overdue]


def due_on(task: Assignment, as_of: datetime.date, since: datetime.date) -> (
        datetime.date | None):
    """The deadline of `task` that has passed by `as_of` (None: none has)."""
    if task.period is None:
        return None
    return task.period.due_by(as_of, since=since)


def _on_time(answer: Answer, task: Assignment, as_of: datetime.date,
             since: datetime.date) -> bool:
    due = due_on(task, answer.done_on or as_of, since) if task.period else None
    if task.period is not None and task.period.recurrence is None:
        due = task.period.end
    return due is None or answer.done_on is None or answer.done_on <= due


def progress(work: Assignments, answers: list[Answer], as_of: datetime.date) -> Progress:
    """The figures of `answers` on `as_of`."""
    since = plan_day(work.plan.date)
    by_pair = {(answer.agency.key, answer.number): answer for answer in answers}
    states = []
    for task in work.tasks:
        mine = tuple(answer for answer in answers if answer.number == task.number)
        leads = [by_pair.get((agency.key, task.number)) for agency in task.leads()]
        status = _lead_status(leads)
        due = due_on(task, as_of, since)
        states.append(TaskState(task, status, due, due is not None and status != DONE, mine))
    figures = []
    for agency in work.agencies:
        tasks = work.of(agency)
        counts = dict.fromkeys(("done", "on_time", "late", "doing", "not_started",
                                "not_reported", "overdue"), 0)
        for task in tasks:
            answer = by_pair.get((agency.key, task.number))
            status = answer.status if answer else NOT_REPORTED
            if answer is not None and status == DONE:
                counts["done"] += 1
                counts["on_time" if _on_time(answer, task, as_of, since) else "late"] += 1
            else:
                counts[{DOING: "doing", NOT_STARTED: "not_started"}.get(
                    status, "not_reported")] += 1
                if due_on(task, as_of, since) is not None:
                    counts["overdue"] += 1
        figures.append(AgencyFigures(agency, len(tasks), **counts))
    return Progress(as_of, tuple(figures), tuple(states))


def _lead_status(answers: list[Answer | None]) -> str:
    """Done when every lead says so; otherwise the least advanced status reported."""
    given = [answer.status for answer in answers if answer is not None]
    if not given:
        return NOT_REPORTED
    if len(given) == len(answers) and all(status == DONE for status in given):
        return DONE
    if NOT_STARTED in given:
        return NOT_STARTED
    return DOING if DOING in given or DONE in given else NOT_REPORTED


def role_name(task: Assignment, agency: Agency) -> str:
    """ "chủ trì", "phối hợp", "đôn đốc": the agency's role, in running text."""
    return (task.role_of(agency) or LEAD).lower()
