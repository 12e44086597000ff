"""Deep merge of spec trees that remember where each value came from.

A `Node` is a value (mapping of Nodes, list of Nodes, or a scalar) with its source location, so
a merged spec still reports errors at the line of the file that supplied the value.

Merge rules (documented in README): mappings merge key by key; any other value, lists included,
replaces the base's. A key ending in "+" appends to the base list, except that an appended
mapping whose `id` matches a base item patches that item in place; a key ending in "-" removes
the listed ids (or exact lines) from the base list. Lines appended to a list that ends with the
archive line ("Lưu: VT, …") go before it, since NĐ 30 keeps that line last.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plangen.errors import Path, SourceLocation, SpecIssue
from plangen.model import is_archive_line
from plangen.spec.loader import LoadedSpec

APPEND, REMOVE = "+", "-"


@dataclass
class Node:
    """A spec value with the position of the value (and of its key) in its source file."""

    value: Any  # dict[str, Node] | list[Node] | scalar
    location: SourceLocation | None = None
    key_location: SourceLocation | None = None
    raw: str | None = None  # source text of a plain scalar YAML did not read as text

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_list(self) -> bool:
        return isinstance(self.value, list)


@dataclass
class MergeResult:
    node: Node
    issues: list[SpecIssue] = field(default_factory=list)


def to_node(loaded: LoadedSpec) -> Node:
    """The data of `loaded` as a Node tree carrying its marks."""
    return _wrap(loaded.data, (), loaded)


def _wrap(value: Any, path: Path, loaded: LoadedSpec) -> Node:
    if isinstance(value, dict):
        inner: Any = {key: _wrap(item, (*path, key), loaded) for key, item in value.items()}
    elif isinstance(value, list):
        inner = [_wrap(item, (*path, i), loaded) for i, item in enumerate(value)]
    else:
        inner = value
    return Node(inner, loaded.marks.get(path), loaded.key_marks.get(path),
                loaded.raw_scalars.get(path))


def to_loaded(node: Node, file: str) -> LoadedSpec:
    """Plain data and marks again, ready for validation."""
    loaded = LoadedSpec(data=None, file=file)
    loaded.data = _unwrap(node, (), loaded)
    return loaded


def _unwrap(node: Node, path: Path, loaded: LoadedSpec) -> Any:
    if node.location is not None:
        loaded.marks[path] = node.location
    if node.key_location is not None:
        loaded.key_marks[path] = node.key_location
    if node.raw is not None:
        loaded.raw_scalars[path] = node.raw
    if isinstance(node.value, dict):
        return {key: _unwrap(child, (*path, key), loaded) for key, child in node.value.items()}
    if isinstance(node.value, list):
        return [_unwrap(child, (*path, i), loaded) for i, child in enumerate(node.value)]
    return node.value


def plain(node: Node) -> Any:
    """The bare value of `node`, without locations."""
    if isinstance(node.value, dict):
        return {key: plain(child) for key, child in node.value.items()}
    if isinstance(node.value, list):
        return [plain(child) for child in node.value]
    return node.value


def merge(base: Node, override: Node, path: Path = ()) -> MergeResult:
    """`override` laid over `base` by the merge rules; neither input is changed."""
    result = MergeResult(base)
    result.node = _merge(base, override, path, result.issues)
    return result


def _merge(base: Node, override: Node, path: Path, issues: list[SpecIssue]) -> Node:
    if not (base.is_mapping and override.is_mapping):
        return override
    merged = dict(base.value)
    for key, child in override.value.items():
        name = key[:-1] if key.endswith((APPEND, REMOVE)) and len(key) > 1 else key
        target = (*path, name)
        if key.endswith(APPEND) and name != key:
            merged[name] = _append(merged.get(name), child, target, issues)
        elif key.endswith(REMOVE) and name != key:
            merged[name] = _remove(merged.get(name), child, target, issues)
        elif name in merged:
            merged[name] = _merge(merged[name], child, target, issues)
        else:
            merged[name] = child
    return Node(merged, override.location or base.location, base.key_location, None)


def _item_id(node: Node) -> Any:
    if node.is_mapping:
        ident = node.value.get("id")
        return ident.value if ident is not None else None
    return node.value


def _append(base: Node | None, extra: Node, path: Path, issues: list[SpecIssue]) -> Node:
    if not extra.is_list:
        issues.append(SpecIssue("merge_needs_list", path, extra.location))
        return base or extra
    if base is None:
        return Node(list(extra.value), extra.location, extra.key_location)
    if not base.is_list:
        issues.append(SpecIssue("merge_base_not_list", path, extra.location))
        return base
    items = list(base.value)
    archive = [items.pop()] if items and _is_archive_line(items[-1]) else []
    positions = {_item_id(item): i for i, item in enumerate(items)
                 if item.is_mapping and _item_id(item) is not None}
    for item in extra.value:
        ident = _item_id(item) if item.is_mapping else None
        if ident is not None and ident in positions:
            index = positions[ident]
            items[index] = _merge(items[index], item, (*path, index), issues)
        else:
            items.append(item)
    return Node(items + archive, base.location, base.key_location)


def _is_archive_line(node: Node) -> bool:
    return isinstance(node.value, str) and is_archive_line(node.value)


def _remove(base: Node | None, unwanted: Node, path: Path,
            issues: list[SpecIssue]) -> Node | None:
    if not unwanted.is_list:
        issues.append(SpecIssue("merge_needs_list", path, unwanted.location))
        return base
    if base is None or not base.is_list:
        issues.append(SpecIssue("merge_base_not_list", path, unwanted.location))
        return base
    present = {_item_id(item) for item in base.value}
    for item in unwanted.value:
        if item.value not in present:
            issues.append(SpecIssue("merge_nothing_to_remove", path, item.location,
                                    params={"item": item.value}))
    drop = {item.value for item in unwanted.value if not isinstance(item.value, (dict, list))}
    return Node([item for item in base.value if _item_id(item) not in drop],
                base.location, base.key_location)
