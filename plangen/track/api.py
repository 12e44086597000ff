"""Library entry for tracking: a spec becomes its assignment workbook (and calendar)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from plangen.errors import OutputError, PlangenError, SpecError, SpecIssue, UsageError
from plangen.files import write_atomic
from plangen.model import Plan
from plangen.spec.api import check_spec
from plangen.spec.assemble import Locality
from plangen.track.options import ReportOptions

if TYPE_CHECKING:
    from plangen.track.tasks import Assignments


@dataclass(frozen=True)
class Written:
    """The files a tracking command wrote and the spec's warnings."""

    files: tuple[Path, ...]
    warnings: tuple[SpecIssue, ...] = ()


def checked_plan(spec: Path, *, locality: Locality | None = None,
                 allow: Sequence[Path] = ()) -> tuple[Plan, tuple[SpecIssue, ...]]:
    """The plan of `spec` and its warnings; `SpecError` when it has errors."""
    checked = check_spec(spec, locality=locality, allow=allow)
    if checked.plan is None:
        raise SpecError(checked.errors)
    return checked.plan, tuple(checked.warnings)


def tracked(plan: Plan, spec: Path) -> Assignments:
    """The plan's assignments; an error saying what to add when it gives no task to follow
    (no block with a lead, partners or deadline, no agency heading its duties)."""
    from plangen.track.tasks import assignments

    work = assignments(plan)
    if not work.tasks:
        raise PlangenError("track_no_tasks", path=str(spec))
    return work


def refuse_overwriting(spec: Path, *targets: Path) -> None:
    """An output is never the spec itself nor a folder."""
    for target in targets:
        if target.is_dir():
            raise OutputError("output_is_directory", path=str(target))
        if target.exists() and spec.exists() and target.samefile(spec):
            raise OutputError("output_is_input", path=str(target))


def write_assignments(spec: Path, output: Path, ics: Path | None = None, *,
                      locality: Locality | None = None,
                      allow: Sequence[Path] = ()) -> Written:
    """The assignment workbook of `spec` at `output`, and its calendar at `ics` if given."""
    from plangen.track.calendar import deadline_calendar
    from plangen.track.workbook import assignment_workbook

    refuse_overwriting(spec, output, *((ics,) if ics else ()))
    plan, warnings = checked_plan(spec, locality=locality, allow=allow)
    work = tracked(plan, spec)
    workbook = assignment_workbook(work)
    calendar = deadline_calendar(work) if ics else None
    write_atomic(output, workbook)
    if ics is not None and calendar is not None:
        write_atomic(ics, calendar)
    return Written((output, *((ics,) if ics else ())), warnings)


def write_report(spec: Path, filled: Sequence[Path], output: Path, *,
                 as_of: datetime.date | None = None, options: ReportOptions | None = None,
                 template: Path | None = None, pdf: bool = False,
                 locality: Locality | None = None, allow: Sequence[Path] = ()) -> Written:
    """The BÁO CÁO of the filled workbooks `filled` at `output` (and its PDF if asked)."""
    from plangen.render.pdf import convert
    from plangen.render.report import render_report
    from plangen.track.progress import progress
    from plangen.track.readback import read_answers
    from plangen.track.report import report_document

    refuse_overwriting(spec, output, *filled)
    for path in filled:
        if output.exists() and path.exists() and output.samefile(path):
            raise OutputError("output_is_input", path=str(output))
    plan, warnings = checked_plan(spec, locality=locality, allow=allow)
    work = tracked(plan, spec)
    answers = read_answers(work, filled)
    figures = progress(work, answers, as_of or datetime.date.today())
    data = render_report(report_document(work, answers, figures, options or ReportOptions()),
                         template)
    write_atomic(output, data)
    files: tuple[Path, ...] = (output,)
    if pdf:
        files += (convert(output, output.parent),)
    return Written(files, warnings)


def write_timeline(spec: Path, output: Path, *, locality: Locality | None = None,
                   allow: Sequence[Path] = (), template: Path | None = None) -> Written:
    """The timeline chart of `spec` at `output`: a .png or .svg picture, or for .docx the plan
    itself with the chart as its last appendix page."""
    from plangen.track.charts import timeline_chart

    refuse_overwriting(spec, output)
    kind = output.suffix.lower().lstrip(".")
    if kind not in ("png", "svg", "docx"):
        raise UsageError("timeline_format", path=str(output))
    plan, warnings = checked_plan(spec, locality=locality, allow=allow)
    work = tracked(plan, spec)
    if kind == "docx":
        write_atomic(output, plan_with_timeline(plan, timeline_chart(work, "png"), template))
    else:
        write_atomic(output, timeline_chart(work, "png" if kind == "png" else "svg"))
    return Written((output,), warnings)


def plan_with_timeline(plan: Plan, png: bytes, template: Path | None = None) -> bytes:
    """The plan's .docx with the timeline chart as its last appendix page."""
    from plangen.render.context import appendix_reference
    from plangen.render.docx import render_plan
    from plangen.render.report import add_picture_appendix
    from plangen.vntext import roman

    reference = appendix_reference(plan)  # the same line as the plan's own appendices
    # NĐ 30 PL1 III.1.a: with the plan's own appendices the chart's is the next Roman numeral
    existing = 1 if plan.appendix else len(plan.appendices)
    label = f"Phụ lục {roman(existing + 1)}" if existing else "Phụ lục"
    return add_picture_appendix(render_plan(plan, template), label,
                                "TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ", reference, png, template)
