"""Library entry for tracking: a spec becomes its assignment workbook (and calendar)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from plangen.errors import OutputError, SpecError, SpecIssue
from plangen.files import write_atomic
from plangen.model import Plan
from plangen.spec.api import check_spec
from plangen.spec.assemble import Locality


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
    from plangen.track.tasks import assignments
    from plangen.track.workbook import assignment_workbook

    refuse_overwriting(spec, output, *((ics,) if ics else ()))
    plan, warnings = checked_plan(spec, locality=locality, allow=allow)
    work = assignments(plan)
    workbook = assignment_workbook(work)
    calendar = deadline_calendar(work) if ics else None
    write_atomic(output, workbook)
    if ics is not None and calendar is not None:
        write_atomic(ics, calendar)
    return Written((output, *((ics,) if ics else ())), warnings)
