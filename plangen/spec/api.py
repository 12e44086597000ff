"""Library entry for specs: a file on disk becomes a checked `Plan`, or every issue in it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

from plangen.errors import SpecError, SpecIssue
from plangen.model import Plan, build_plan
from plangen.spec.loader import LoadedSpec, load_spec_file
from plangen.spec.validate import validate_spec

if TYPE_CHECKING:
    from plangen.spec.assemble import Locality


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


def check_loaded(loaded: LoadedSpec, extra: Sequence[SpecIssue] = ()) -> CheckedSpec:
    """Validate loaded data (plus `extra` issues found earlier) and build the plan when there
    are no errors."""
    issues = sorted([*extra, *validate_spec(loaded)], key=SpecIssue.sort_key)
    has_errors = any(issue.severity == "error" for issue in issues)
    plan = None if has_errors else build_plan(loaded.data)
    return CheckedSpec(loaded.file, tuple(issues), plan)


def check_spec(path: FsPath | str, *, locality: Locality | None = None,
               allow: Sequence[FsPath | str] = ()) -> CheckedSpec:
    """Load and validate the spec at `path`; load failures become issues too.

    A spec that `extends` a base, `include`s fragments, uses presets or placeholders is
    assembled first (includes from outside its folder only from `allow`), so it is checked as
    the plan it produces; `locality` fills its `{{ locality.… }}` placeholders.
    """
    try:
        loaded = load_spec_file(path, collect=True)
        extra: list[SpecIssue] = []
        if locality is not None or _needs_assembly(loaded.data):
            loaded, extra = _assemble(path, locality, allow)
    except SpecError as exc:
        return CheckedSpec(str(path), tuple(exc.issues), None)
    return check_loaded(loaded, extra)


def _needs_assembly(data: Any) -> bool:
    return isinstance(data, dict) and (bool({"extends", "include", "presets"} & set(data))
                                       or _uses_preset_or_placeholder(data))


def _uses_preset_or_placeholder(value: Any) -> bool:
    if isinstance(value, str):
        return "{{" in value or "{%" in value
    if isinstance(value, dict):
        return "preset" in value or any(_uses_preset_or_placeholder(v) for v in value.values())
    return isinstance(value, list) and any(_uses_preset_or_placeholder(v) for v in value)


def _assemble(path: FsPath | str, locality: Locality | None,
              allow: Sequence[FsPath | str]) -> tuple[LoadedSpec, list[SpecIssue]]:
    from plangen.spec.assemble import (  # only assembled specs pay for these
        assemble,
        locate,
    )
    from plangen.spec.compose import compose_spec
    from plangen.spec.merge import to_loaded

    node, issues = assemble(compose_spec(path, allow=allow), locality)
    loaded = to_loaded(node, str(path))
    if any(issue.severity == "error" for issue in issues):
        raise SpecError(locate(issues, loaded))
    return loaded, locate(issues, loaded)


def load_plan(path: FsPath | str, *, locality: Locality | None = None) -> Plan:
    """The plan in the spec at `path`; raises `SpecError` listing every error."""
    checked = check_spec(path, locality=locality)
    if checked.plan is None:
        raise SpecError(checked.errors)
    return checked.plan
