"""Library entry for specs: a file on disk becomes a checked `Plan`, or every issue in it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as FsPath

from plangen.errors import SpecError, SpecIssue
from plangen.loader import LoadedSpec, load_spec_file
from plangen.model import Plan, build_plan
from plangen.validate import validate_spec


@dataclass(frozen=True)
class CheckedSpec:
    """The outcome of checking one spec: its issues and, when it has no errors, its plan."""

    file: str
    issues: tuple[SpecIssue, ...]
    plan: Plan | None

    @property
    def errors(self) -> list[SpecIssue]:
        return [issue for issue in self.issues if issue.severity == "error"]

    @property
    def warnings(self) -> list[SpecIssue]:
        return [issue for issue in self.issues if issue.severity == "warning"]


def check_loaded(loaded: LoadedSpec) -> CheckedSpec:
    """Validate loaded data and build the plan when it has no errors."""
    issues = sorted(validate_spec(loaded), key=SpecIssue.sort_key)
    has_errors = any(issue.severity == "error" for issue in issues)
    plan = None if has_errors else build_plan(loaded.data)
    return CheckedSpec(loaded.file, tuple(issues), plan)


def check_spec(path: FsPath | str) -> CheckedSpec:
    """Load and validate the spec at `path`; load failures become issues too."""
    try:
        loaded = load_spec_file(path, collect=True)
    except SpecError as exc:
        return CheckedSpec(str(path), tuple(exc.issues), None)
    return check_loaded(loaded)


def load_plan(path: FsPath | str) -> Plan:
    """The plan in the spec at `path`; raises `SpecError` listing every error."""
    checked = check_spec(path)
    if checked.plan is None:
        raise SpecError(checked.errors)
    return checked.plan
