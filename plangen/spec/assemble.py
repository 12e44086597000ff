"""One plan's spec assembled for a locality: overrides merged, presets expanded, placeholders
filled. Shared by single-spec commands (`render --locality`) and `batch`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from plangen.errors import Path, SpecIssue
from plangen.spec.loader import LoadedSpec
from plangen.spec.merge import Node, merge
from plangen.spec.placeholders import fill_placeholders, literal_placeholder_warnings
from plangen.spec.presets import expand_presets


class Locality(Protocol):
    """What assembling needs of a locality: its placeholder fields and, for a commune, its
    province. `plangen.batch.localities.Locality` is one; the spec stage never imports it."""

    @property
    def province(self) -> Locality | None: ...

    def placeholders(self) -> dict[str, Any]: ...


def placeholder_fields(locality: Locality) -> dict[str, Any]:
    """What `{{ … }}` may name: `locality`, and `province` for a commune."""
    fields: dict[str, Any] = {"locality": locality.placeholders()}
    if locality.province is not None:
        fields["province"] = locality.province.placeholders()
    return fields


def assemble(spec: Node, locality: Locality | None, overrides: Node | None = None,
             filled: list[Path] | None = None) -> tuple[Node, list[SpecIssue]]:
    """`spec` with `overrides` merged in, presets expanded and, when a locality is given,
    placeholders filled (their paths appended to `filled`); without one, placeholders stay
    literal and are warned about."""
    issues: list[SpecIssue] = []
    if overrides is not None:
        spec, issues = merge_overrides(spec, overrides)
    spec, found = expand_presets(spec)
    issues.extend(found)
    if locality is None:
        issues.extend(literal_placeholder_warnings(spec))
        return spec, issues
    spec, found = fill_placeholders(spec, placeholder_fields(locality), filled)
    return spec, [*issues, *found]


def merge_overrides(spec: Node, overrides: Node) -> tuple[Node, list[SpecIssue]]:
    """`spec` with a locality's `overrides` merged in (a plan's frame, such as its number, goes
    to the decision issuing it), and what merging found wrong (an id that is not there)."""
    merged = merge(spec, _into_decision(spec, overrides))
    return merged.node, list(merged.issues)


# what a locality's table row may set that, for a plan issued by a decision, is the decision's
_FRAME_OVERRIDES = ("number", "date", "signature", "recipients", "recipients+")


def _into_decision(spec: Node, overrides: Node) -> Node:
    """A table row's number, date, signer and extra recipients, given for the plan, go to its
    decision when the base plan is issued by one (a CSV row has no way to say so itself)."""
    if not (spec.is_mapping and overrides.is_mapping and "decision" in spec.value
            and spec.value["decision"].is_mapping):
        return overrides
    moved = {key: node for key, node in overrides.value.items() if key in _FRAME_OVERRIDES}
    if not moved:
        return overrides
    rest = {key: node for key, node in overrides.value.items() if key not in moved}
    given = rest.get("decision")
    inner = dict(given.value) if given is not None and given.is_mapping else {}
    rest["decision"] = Node({**moved, **inner}, overrides.location)
    return Node(rest, overrides.location, overrides.key_location)


def locate(issues: list[SpecIssue], loaded: LoadedSpec) -> list[SpecIssue]:
    """`issues` with a position wherever they lacked one (that of the nearest value)."""
    return [issue if issue.location is not None
            else replace(issue, location=loaded.locate(issue.path)) for issue in issues]
