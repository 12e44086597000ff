"""Deadlines as data: a task's "Thời gian thực hiện" read into a period, its wording kept.

A timeline is read as the officer wrote it ("Quý IV/2025", "Trước ngày 31/5/2026",
"Năm 2026 và các năm tiếp theo", "Thường xuyên", "Khi có yêu cầu") into a `Period`: the first
day it covers (if any), the day it is due (if any), whether it recurs (yearly, half-yearly …),
is open-ended ("và các năm tiếp theo"), ongoing ("thường xuyên") or on request. The text
itself is never changed: documents print `Period.text`.

`parse_timeline` never raises: a phrase it cannot read becomes a period of kind "unknown", and
`timeline_problems` names what is wrong with one (a date that does not exist, a deadline before
the plan's own date, a phrase it cannot read) for `validate` to warn about.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Kind = Literal["date", "month", "quarter", "half", "year", "years", "from", "recurring",
               "ongoing", "conditional", "unknown"]
Recurrence = Literal["yearly", "half-yearly", "quarterly", "monthly", "weekly"]
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Y = r"(\d{4})"
_DMY = re.compile(r"(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*" + _Y
                  + r"|ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm|/)\s*" + _Y)
_DM = re.compile(r"(?:ngày\s*)?(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])"
                 r"|ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})(?!\s*(?:năm|/)\s*\d)")
_MONTH = re.compile(r"tháng\s*(\d{1,2})\s*(?:[/-]|năm)\s*" + _Y)
_QUARTER = re.compile(r"quý\s*(iv|iii|ii|i|[1-4])\s*(?:[/-]|năm)?\s*" + _Y)
_HALF = re.compile(r"6\s*tháng\s*(đầu|cuối)\s*năm\s*" + _Y)
_RANGE = re.compile(r"(?:giai\s*đoạn|từ\s*năm|thời\s*kỳ|năm)?\s*" + _Y
                    + r"\s*(?:[-–—]|đến(?:\s*năm)?)\s*" + _Y)
_YEAR = re.compile(r"năm\s*" + _Y)
_BEFORE = re.compile(r"(trước|chậm\s*nhất|hoàn\s*thành\s*trước|hạn\s*chót|không\s*quá|"
                     r"đến\s*hết|đến)\s*(?:ngày|tháng|quý|năm)?\s*$")
_FROM = re.compile(r"(từ|bắt\s*đầu\s*từ|kể\s*từ)\s*(?:ngày|tháng|quý|năm)?\s*$")
_OPEN = re.compile(r"(các|những)\s*năm\s*tiếp\s*theo|trở\s*đi|tiếp\s*theo")
_ONGOING = re.compile(r"thường\s*xuyên|liên\s*tục")
_ON_REQUEST = re.compile(r"khi\s*có\s*yêu\s*cầu|theo\s*yêu\s*cầu|đột\s*xuất|theo\s*đề\s*nghị|"
                         r"khi\s*có\s*chỉ\s*đạo|theo\s*chỉ\s*đạo|khi\s*phát\s*sinh")
_RECURRING: tuple[tuple[re.Pattern[str], Recurrence], ...] = (
    (re.compile(r"định\s*kỳ\s*(?:0?6|sáu)\s*tháng|(?:0?6|sáu)\s*tháng\s*(?:một|1)\s*lần|"
                r"hằng\s*(?:0?6|sáu)\s*tháng|nửa\s*năm"), "half-yearly"),
    (re.compile(r"hằng\s*quý|định\s*kỳ\s*(?:hằng\s*)?quý|mỗi\s*quý"), "quarterly"),
    (re.compile(r"hằng\s*tháng|định\s*kỳ\s*(?:hằng\s*)?tháng|mỗi\s*tháng"), "monthly"),
    (re.compile(r"hằng\s*tuần|mỗi\s*tuần"), "weekly"),
    (re.compile(r"hằng\s*năm|định\s*kỳ\s*(?:theo\s*)?năm|mỗi\s*năm|theo\s*năm|năm\s*một\s*lần"),
     "yearly"),
)


@dataclass(frozen=True)
class Period:
    """What a timeline says, as data; `text` is the wording as written."""

    text: str
    kind: Kind
    start: datetime.date | None = None
    end: datetime.date | None = None  # the day it is due: the last day of the period
    recurrence: Recurrence | None = None
    open_ended: bool = False  # "và các năm tiếp theo": the work goes on after `end`
    ongoing: bool = False  # "thường xuyên"
    conditional: bool = False  # "khi có yêu cầu", "theo đề nghị …", "theo kế hoạch …"
    anchor: tuple[int, int] | None = None  # (day, month) of "trước 15/12 hằng năm"
    bad_dates: tuple[str, ...] = ()  # dates written that do not exist ("31/6/2026")

    @property
    def readable(self) -> bool:
        """The parser understood the phrase."""
        return self.kind != "unknown"

    def due_by(self, as_of: datetime.date, since: datetime.date | None = None) -> (
            datetime.date | None):
        """The latest day on or before `as_of` (and not before `since`) the work was due, or
        None: the period's end, or the last occurrence of a recurring deadline."""
        days = [self.end] if self.end is not None else []
        days += self.occurrences(as_of.year - 1, as_of.year)
        days = [day for day in days if day <= as_of and (since is None or day >= since)]
        return max(days) if days else None

    def occurrences(self, first_year: int, last_year: int) -> list[datetime.date]:
        """The due days of a recurring deadline between two years (both included)."""
        if self.recurrence is None:
            return []
        days = []
        for year in range(first_year, last_year + 1):
            if self.anchor is not None and self.recurrence == "yearly":
                day = _valid(year, self.anchor[1], self.anchor[0])
                days += [day] if day else []
            elif self.recurrence == "yearly":
                days.append(datetime.date(year, 12, 31))
            elif self.recurrence == "half-yearly":
                days += [datetime.date(year, 6, 30), datetime.date(year, 12, 31)]
            elif self.recurrence == "quarterly":
                days += [_month_end(year, month) for month in (3, 6, 9, 12)]
            elif self.recurrence == "monthly":
                days += [_month_end(year, month) for month in range(1, 13)]
        if self.start is not None:
            days = [day for day in days if day >= self.start]
        return days


def normalize(text: str) -> str:
    """Lower case NFC with the spelling variants folded: "Quí" -> "quý", "hàng năm" ->
    "hằng năm", non-breaking spaces as spaces."""
    out = unicodedata.normalize("NFC", text).lower().replace("\u00a0", " ")
    out = out.replace("quí", "quý").replace("hàng năm", "hằng năm").replace(
        "hàng quý", "hằng quý").replace("hàng tháng", "hằng tháng").replace(
        "hàng tuần", "hằng tuần")
    return re.sub(r"\s+", " ", out).strip(" .;,")


def _valid(year: int, month: int, day: int = 1) -> datetime.date | None:
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return datetime.date(year, month, day)


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@dataclass
class _Reading:
    start: datetime.date | None = None
    end: datetime.date | None = None
    kind: Kind = "unknown"
    anchor: tuple[int, int] | None = None
    bad: tuple[str, ...] = ()


@lru_cache(maxsize=4096)  # a batch reads the same timelines in every plan (a Period is frozen)
def parse_timeline(text: str, plan_date: datetime.date | None = None) -> Period:
    """The period `text` names. `plan_date` places a day without a year ("trước 15/12")."""
    low = normalize(text)
    reading = _first_period(low, plan_date)
    recurrence = next((kind for pattern, kind in _RECURRING if pattern.search(low)), None)
    ongoing = bool(_ONGOING.search(low))
    conditional = bool(_ON_REQUEST.search(low)) or low.startswith("theo kế hoạch")
    kind = reading.kind
    if reading.anchor is not None and recurrence is not None:
        kind = "recurring"
    if kind == "unknown" and reading.bad:
        kind = "date"
    if kind == "unknown":
        kind = ("recurring" if recurrence else "ongoing" if ongoing
                else "conditional" if conditional else "unknown")
    end = reading.end
    if kind == "recurring" and end is None and plan_date is not None:
        after = Period(text, kind, start=reading.start, recurrence=recurrence,
                       anchor=reading.anchor).occurrences(plan_date.year, plan_date.year + 1)
        end = next((day for day in after if day >= plan_date), None)
    return Period(text=text, kind=kind, start=reading.start, end=end, recurrence=recurrence,
                  open_ended=bool(_OPEN.search(low)), ongoing=ongoing, conditional=conditional,
                  anchor=reading.anchor, bad_dates=reading.bad)


def _first_period(low: str, plan_date: datetime.date | None) -> _Reading:
    """The first date, month, quarter, half, year range or year in `low`, with "trước" /
    "từ" before it deciding whether it is a deadline or a start."""
    found: list[tuple[int, _Reading]] = []
    bad: list[str] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match[str]) -> bool:
        return not any(a < match.end() and match.start() < b for a, b in taken)

    def add(match: re.Match[str], reading: _Reading | None) -> None:
        taken.append(match.span())
        if reading is None:
            bad.append(match.group().strip())
        else:
            found.append((match.start(), reading))

    for match in _DMY.finditer(low):
        day, month, year = (int(g) for g in (match.groups()[:3] if match[1] else
                                             match.groups()[3:]))
        date = _valid(year, month, day)
        add(match, _Reading(date, date, "date") if date else None)
    for match in filter(free, _HALF.finditer(low)):
        year = int(match[2])
        first = match[1] == "đầu"
        add(match, _Reading(datetime.date(year, 1 if first else 7, 1),
                            datetime.date(year, 6 if first else 12, 30 if first else 31),
                            "half"))
    for match in filter(free, _MONTH.finditer(low)):
        month, year = int(match[1]), int(match[2])
        start = _valid(year, month)
        add(match, _Reading(start, _month_end(year, month), "month") if start else None)
    for match in filter(free, _QUARTER.finditer(low)):
        quarter, year = _QUARTERS[match[1]], int(match[2])
        add(match, _Reading(datetime.date(year, 3 * quarter - 2, 1),
                            _month_end(year, 3 * quarter), "quarter"))
    bad_quarter = re.search(r"quý\s*(v|vi|[5-9])\b", low)
    if bad_quarter:
        bad.append(bad_quarter.group())
    for match in filter(free, _RANGE.finditer(low)):
        first, last = int(match[1]), int(match[2])
        if first <= last:
            add(match, _Reading(datetime.date(first, 1, 1), datetime.date(last, 12, 31), "years"))
    for match in filter(free, _YEAR.finditer(low)):
        year = int(match[1])
        add(match, _Reading(datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"))
    for match in filter(free, _DM.finditer(low)):
        day, month = (int(g) for g in (match.groups()[:2] if match[1] else match.groups()[2:]))
        if _valid(2024, month, day) is None:  # 2024: a leap year, so 29/2 exists
            add(match, None)
            continue
        taken.append(match.span())
        anchor = (day, month)
        date = _valid(plan_date.year, month, day) if plan_date else None
        if date is not None and plan_date is not None and date < plan_date:
            date = _valid(plan_date.year + 1, month, day)
        found.append((match.start(), _Reading(None, date, "date", anchor=anchor)))
    if not found:
        return _Reading(bad=tuple(bad))
    position, reading = min(found, key=lambda item: item[0])
    before = low[:position]
    if _FROM.search(before):
        reading = _Reading(reading.start, None, "from", reading.anchor)
    elif _BEFORE.search(before):
        reading = _Reading(None, reading.end, reading.kind, reading.anchor)
    return _Reading(reading.start, reading.end, reading.kind, reading.anchor, tuple(bad))


def timeline_problems(period: Period, plan_date: datetime.date | None) -> list[
        tuple[str, dict[str, str]]]:
    """(message code, params) for what is wrong with `period`: nothing, a date that does not
    exist, a deadline before the plan's own date, or a phrase the parser cannot read."""
    problems: list[tuple[str, dict[str, str]]] = []
    for written in period.bad_dates:
        if written.strip() == period.text.strip():  # the whole text is the date: say it once
            problems.append(("timeline_no_such_date_alone", {"date": written}))
        else:
            problems.append(("timeline_no_such_date", {"text": period.text, "date": written}))
    if not period.readable and not period.bad_dates:
        problems.append(("timeline_unread", {"text": period.text}))
    if (plan_date is not None and period.end is not None and period.end < plan_date
            and not period.open_ended and period.recurrence is None and not period.ongoing):
        problems.append(("timeline_before_plan", {
            "text": period.text, "due": format_date(period.end),
            "plan": format_date(plan_date)}))
    return problems


def format_date(day: datetime.date) -> str:
    """31/5/2026: how Vietnamese documents write a date in running text."""
    return f"{day.day}/{day.month}/{day.year}"
