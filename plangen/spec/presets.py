"""Named, reusable parts of a spec: recipient groups, signature blocks and tasks.

A spec (or a fragment it includes) declares them under `presets:`; the plan refers to one with
`{preset: name}`. Recipient groups expand in place inside `recipients` (the plan's or its
decision's); a signature (the plan's or its decision's) or a task
preset is a base that the keys written beside `preset:` override. After expansion the spec has
no `presets` key left, so the validator sees an ordinary plan.
"""

from __future__ import annotations

import difflib

from plangen.errors import Path, SpecIssue
from plangen.spec.merge import Node, merge

PRESETS, PRESET = "presets", "preset"
KINDS = ("recipients", "signatures", "tasks")


def expand_presets(spec: Node) -> tuple[Node, list[SpecIssue]]:
    """`spec` with every `{preset: …}` replaced, and the issues found on the way."""
    if not spec.is_mapping:
        return spec, []
    fields = dict(spec.value)
    library = fields.pop(PRESETS, None)
    issues: list[SpecIssue] = []
    groups = _groups(library, issues)
    if "recipients" in fields:
        fields["recipients"] = _expand_lines(fields["recipients"], groups["recipients"],
                                             ("recipients",), issues)
    if "signature" in fields:
        fields["signature"] = _expand_one(fields["signature"], groups["signatures"],
                                          ("signature",), issues)
    decision = fields.get("decision")
    if decision is not None and decision.is_mapping:  # a decision's recipients and signature
        own = dict(decision.value)
        if "recipients" in own:
            own["recipients"] = _expand_lines(own["recipients"], groups["recipients"],
                                              ("decision", "recipients"), issues)
        if "signature" in own:
            own["signature"] = _expand_one(own["signature"], groups["signatures"],
                                           ("decision", "signature"), issues)
        fields["decision"] = Node(own, decision.location, decision.key_location)
    tasks = fields.get("tasks")
    if tasks is not None and tasks.is_mapping and "items" in tasks.value:
        items = tasks.value["items"]
        if items.is_list:
            expanded = [_expand_one(item, groups["tasks"], ("tasks", "items", i), issues,
                                    default_id=True)
                        for i, item in enumerate(items.value)]
            new_tasks = dict(tasks.value)
            new_tasks["items"] = Node(expanded, items.location, items.key_location)
            fields["tasks"] = Node(new_tasks, tasks.location, tasks.key_location)
    return Node(fields, spec.location, spec.key_location), issues


def _groups(library: Node | None, issues: list[SpecIssue]) -> dict[str, dict[str, Node]]:
    groups: dict[str, dict[str, Node]] = {kind: {} for kind in KINDS}
    if library is None:
        return groups
    if not library.is_mapping:
        issues.append(SpecIssue("preset_library_bad", (PRESETS,), library.location))
        return groups
    for kind, entries in library.value.items():
        if kind not in groups:
            close = difflib.get_close_matches(kind, KINDS, n=1)
            issues.append(SpecIssue("unknown_key", (PRESETS, kind), entries.key_location,
                                    params={"key": kind, "hint": close[0] if close else ""}))
        elif not entries.is_mapping:
            issues.append(SpecIssue("preset_library_bad", (PRESETS, kind), entries.location))
        else:
            groups[kind] = dict(entries.value)
    return groups


def _reference(node: Node) -> Node | None:
    if node.is_mapping and PRESET in node.value:
        ref: Node = node.value[PRESET]
        return ref
    return None


def _lookup(ref: Node, group: dict[str, Node], path: Path,
            issues: list[SpecIssue]) -> Node | None:
    name = ref.value
    if isinstance(name, str) and name in group:
        return group[name]
    close = difflib.get_close_matches(str(name), list(group), n=1)
    issues.append(SpecIssue("preset_unknown", (*path, PRESET), ref.location, params={
        "name": name, "hint": close[0] if close else "",
        "known": ", ".join(sorted(group)) or "—"}))
    return None


def _expand_lines(lines: Node, group: dict[str, Node], path: Path,
                  issues: list[SpecIssue]) -> Node:
    if not lines.is_list:
        return lines
    out: list[Node] = []
    for index, item in enumerate(lines.value):
        ref = _reference(item)
        if ref is None:
            out.append(item)
            continue
        preset = _lookup(ref, group, (*path, index), issues)
        if preset is not None:
            out.extend(preset.value if preset.is_list else [preset])
    return Node(out, lines.location, lines.key_location)


def _expand_one(node: Node, group: dict[str, Node], path: Path, issues: list[SpecIssue],
                default_id: bool = False) -> Node:
    ref = _reference(node)
    if ref is None:
        return node
    preset = _lookup(ref, group, path, issues)
    own = {key: child for key, child in node.value.items() if key != PRESET}
    if preset is None or not preset.is_mapping:
        if preset is not None:
            issues.append(SpecIssue("preset_library_bad", path, preset.location))
        return Node(own, node.location, node.key_location)
    base = preset
    if default_id and "id" not in preset.value and isinstance(ref.value, str):
        base = Node({"id": Node(ref.value, ref.location), **preset.value}, preset.location)
    result = merge(base, Node(own, node.location))
    issues.extend(result.issues)
    return Node(result.node.value, node.location, node.key_location)
