"""Pictures of a plan: progress per agency (for the BÁO CÁO) and its tasks over time.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no window, no global state),
in a font with every Vietnamese letter, with the date and software stamps left out so the same
figures give the same bytes.
"""

from __future__ import annotations

import datetime
import io
import textwrap
from typing import Literal

from plangen.track.progress import Progress
from plangen.track.tasks import Assignment, Assignments, plan_day

Format = Literal["png", "svg"]
FONT = "DejaVu Sans"
COLOURS = {"on_time": "#2e7d32", "late": "#ef6c00", "doing": "#1565c0",
           "not_started": "#9e9e9e", "not_reported": "#e0e0e0"}
LEGEND = {"on_time": "Hoàn thành đúng hạn", "late": "Hoàn thành trễ hạn",
          "doing": "Đang thực hiện", "not_started": "Chưa thực hiện",
          "not_reported": "Chưa báo cáo"}


def _figure(width: float, height: float) -> object:
    from matplotlib import rcParams
    from matplotlib.figure import Figure

    rcParams["svg.hashsalt"] = "plangen"  # fixed ids inside an SVG
    rcParams["svg.fonttype"] = "none"  # words stay words: searchable, readable aloud
    rcParams["font.family"] = FONT
    return Figure(figsize=(width, height), dpi=150)


def _save(figure: object, kind: Format) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    assert isinstance(figure, Figure)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    metadata = {"Software": None} if kind == "png" else {"Date": None, "Creator": None}
    figure.savefig(buffer, format=kind, metadata=metadata, bbox_inches="tight")
    return buffer.getvalue()


def progress_chart(figures: Progress) -> bytes:
    """A PNG: one stacked bar per agency, its tasks by status."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    rows = [row for row in figures.agencies if row.tasks]
    figure = _figure(7.5, 1.2 + 0.45 * max(len(rows), 1))
    assert isinstance(figure, Figure)
    axes = figure.add_subplot()
    names = ["\n".join(textwrap.wrap(row.agency.name, 34)) for row in rows]
    positions = list(range(len(rows)))[::-1]
    left = [0.0] * len(rows)
    for key, colour in COLOURS.items():
        values = [float(getattr(row, key)) for row in rows]
        axes.barh(positions, values, left=left, color=colour, label=LEGEND[key],
                  edgecolor="white", height=0.65)
        for y, start, value in zip(positions, left, values, strict=True):
            if value:
                axes.text(start + value / 2, y, str(int(value)), ha="center", va="center",
                          fontsize=7, color="white" if key != "not_reported" else "black")
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_yticks(positions, names, fontsize=7)
    axes.set_xlabel("Số nhiệm vụ", fontsize=8)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.tick_params(axis="x", labelsize=7)
    axes.set_title(f"Tiến độ thực hiện theo cơ quan, đến ngày "
                   f"{figures.as_of.day:02d}/{figures.as_of.month:02d}/{figures.as_of.year}",
                   fontsize=9)
    axes.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3,
                frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _save(figure, "png")


def _span(task: Assignment, first: datetime.date, last: datetime.date) -> tuple[
        datetime.date, datetime.date, str]:
    """Where a task's bar starts and ends, and its kind: "bar", "open", "ongoing"."""
    period = task.period
    if period is None or (period.end is None and period.start is None) or (
            period.start is None and period.kind == "recurring"):
        return first, last, "ongoing"
    start = period.start or first
    if period.end is None or period.open_ended:
        return start, last, "open"
    return start, period.end, "bar"


def timeline_chart(work: Assignments, kind: Format = "png") -> bytes:
    """A Gantt-like chart of every task over its period, grouped by lead agency."""
    from matplotlib.figure import Figure

    first = plan_day(work.plan.date)
    ends = [d for task in work.tasks if task.period for d in (task.period.start,
                                                              task.period.end) if d]
    last = max([*ends, first]) + datetime.timedelta(days=90)
    first = min([*ends, first])
    groups: dict[str, list[Assignment]] = {}
    for task in work.tasks:
        leads = task.leads()
        groups.setdefault(leads[0].name if leads else "(chưa giao cơ quan chủ trì)",
                          []).append(task)
    rows: list[tuple[str, Assignment | None]] = []
    for name, tasks in groups.items():
        rows.append((name, None))
        rows += [(f"{task.number}. {task.title}", task) for task in tasks]
    figure = _figure(11, 1.0 + 0.32 * len(rows))
    assert isinstance(figure, Figure)
    axes = figure.add_subplot()
    labels = []
    palette = ["#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#5d4037"]
    group_index = -1
    for y, (label, row_task) in enumerate(rows):
        if row_task is None:
            group_index += 1
            labels.append("\n".join(textwrap.wrap(label.upper(), 60)))
            continue
        task = row_task
        labels.append(textwrap.shorten(label, 70, placeholder="…"))
        colour = palette[group_index % len(palette)]
        start, end, shape = _span(task, first, last)
        x0, x1 = _num(start), _num(end)
        if shape == "ongoing":
            axes.plot([x0, x1], [y, y], color=colour, linestyle=(0, (4, 3)), linewidth=2)
        else:
            axes.barh(y, max(x1 - x0, 3), left=x0, height=0.55, color=colour,
                      alpha=0.55 if shape == "open" else 0.9)
            if shape == "open":
                axes.annotate("", xy=(x1, y), xytext=(x1 - 20, y),
                              arrowprops={"arrowstyle": "->", "color": colour})
        period = task.period
        if period is not None and period.recurrence:
            days = period.occurrences(first.year, last.year)
            axes.plot([_num(d) for d in days if first <= d <= last],
                      [y] * len([d for d in days if first <= d <= last]), marker="D",
                      linestyle="", color="black", markersize=3)
        axes.text(x1 + 4, y, textwrap.shorten(task.timeline or "—", 40, placeholder="…"),
                  va="center", fontsize=6, color="#424242")
    signed = _num(plan_day(work.plan.date))
    axes.axvline(signed, color="#c62828", linewidth=0.8, linestyle=":")
    axes.text(signed, -0.45, " ngày ban hành", color="#c62828", fontsize=6, va="top")
    axes.set_yticks(range(len(rows)), labels, fontsize=6.5)
    for tick, (_, heading) in zip(axes.get_yticklabels(), rows, strict=True):
        if heading is None:
            tick.set_fontweight("bold")
    axes.set_ylim(len(rows) - 0.5, -0.5)
    quarters = [datetime.date(year, month, 1) for year in range(first.year, last.year + 2)
                for month in (1, 4, 7, 10)]
    shown = [day for day in quarters if first - datetime.timedelta(days=10) <= day <= last
             + datetime.timedelta(days=120)]
    axes.set_xticks([_num(day) for day in shown], [f"{day.month:02d}/{day.year}"
                                                    for day in shown])
    axes.tick_params(axis="x", labelsize=6.5)
    axes.set_xlim(_num(first) - 10, _num(last) + 120)
    axes.grid(axis="x", color="#e0e0e0", linewidth=0.5)
    axes.set_title(f"Tiến độ các nhiệm vụ — {_reference(work)}", fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)
    return _save(figure, kind)


def _num(day: datetime.date) -> float:
    """matplotlib's number for a day: days since 1970-01-01, its default epoch."""
    return float((day - datetime.date(1970, 1, 1)).days)


def _reference(work: Assignments) -> str:
    from plangen.track.tasks import plan_reference

    return plan_reference(work.plan)
