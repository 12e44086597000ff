"""Library entry for specs: a file on disk becomes a checked `Plan`, or every issue in it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

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
    """Load and validate the spec at `path`; load failures become issues too.

    A spec that `extends` a base, `include`s fragments or uses presets is assembled first, so
    it is checked as the plan it produces.
    """
    try:
        loaded = load_spec_file(path, collect=True)
        if _is_composed(loaded.data):
            loaded = _compose(path)
    except SpecError as exc:
        return CheckedSpec(str(path), tuple(exc.issues), None)
    return check_loaded(loaded)


def _is_composed(data: Any) -> bool:
    return isinstance(data, dict) and (bool({"extends", "include", "presets"} & set(data))
                                       or _uses_preset(data))


def _uses_preset(value: Any) -> bool:
    if isinstance(value, dict):
        return "preset" in value or any(_uses_preset(item) for item in value.values())
    return isinstance(value, list) and any(_uses_preset(item) for item in value)


def _compose(path: FsPath | str) -> LoadedSpec:
    from plangen.compose import compose_spec  # only composed specs pay for these imports
    from plangen.merge import to_loaded
    from plangen.presets import expand_presets

    node, issues = expand_presets(compose_spec(path))
    if issues:
        raise SpecError(issues)
    return to_loaded(node, str(path))


def load_plan(path: FsPath | str) -> Plan:
    """The plan in the spec at `path`; raises `SpecError` listing every error."""
    checked = check_spec(path)
    if checked.plan is None:
        raise SpecError(checked.errors)
    return checked.plan
