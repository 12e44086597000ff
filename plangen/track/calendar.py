"""The plan's deadlines as a calendar (.ics) for Outlook or Google Calendar.

One all-day event per task with a deadline, on the day it is due; a recurring deadline repeats
(yearly, every six months, quarterly, monthly). The event says the task, its deadline as
written and who leads it. Tasks without a date ("Thường xuyên", "Khi có yêu cầu") have none.
Event ids come from the plan and task numbers, so the same plan gives the same file.
"""

from __future__ import annotations

import datetime
import hashlib

from icalendar import Calendar, Event

from plangen.track.tasks import Assignments, plan_day, plan_reference

_RRULES = {"yearly": {"FREQ": "YEARLY"}, "half-yearly": {"FREQ": "MONTHLY", "INTERVAL": 6},
           "quarterly": {"FREQ": "MONTHLY", "INTERVAL": 3}, "monthly": {"FREQ": "MONTHLY"},
           "weekly": {"FREQ": "WEEKLY"}}


def deadline_calendar(work: Assignments) -> bytes:
    """The .ics bytes of the plan's deadlines."""
    plan = work.plan
    reference = plan_reference(plan)
    calendar = Calendar()
    calendar.add("prodid", "-//plangen//Kế hoạch//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", reference)
    stamp = datetime.datetime.combine(plan_day(plan.date), datetime.time(),
                                      tzinfo=datetime.timezone.utc)
    key = hashlib.sha256(reference.encode("utf-8") + plan.summary.encode("utf-8")).hexdigest()
    for task in work.tasks:
        period = task.period
        if period is None or period.end is None:
            continue
        leads = ", ".join(agency.name for agency in task.leads()) or "—"
        event = Event()
        event.add("uid", f"{key[:16]}-{task.number}@plangen")
        event.add("dtstamp", stamp)
        event.add("summary", f"Hạn nhiệm vụ {task.number}: {task.title}")
        event.add("dtstart", period.end)
        event.add("dtend", period.end + datetime.timedelta(days=1))
        event.add("description", f"{reference}\nNhiệm vụ {task.number}: {task.title}\n"
                                 f"Thời gian thực hiện: {task.timeline}\nChủ trì: {leads}")
        event.add("categories", ["Kế hoạch"])
        event.add("transp", "TRANSPARENT")
        if period.recurrence:
            event.add("rrule", _RRULES[period.recurrence])
        calendar.add_component(event)
    return bytes(calendar.to_ical())
