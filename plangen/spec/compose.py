"""Assemble one spec from its files: `extends` a base spec and `include` fragments.

Paths are relative to the file that names them. Every file must stay inside the directory tree
of the spec being rendered (symlinks are followed before the check) unless the caller allows
another folder. Cycles and missing files are errors showing the chain of files.

Order of layers, last wins: the base named by `extends`, then each `include` in order, then the
file itself. The result is a Node tree (see merge.py) whose values remember their file and line.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path as FsPath

from plangen.errors import PlangenError, SourceLocation, SpecError, SpecIssue
from plangen.spec.loader import load_spec_file
from plangen.spec.merge import Node, merge, to_node

EXTENDS, INCLUDE = "extends", "include"
MAX_FILES = 200


class _Composer:
    def __init__(self, root: FsPath, allowed: Sequence[FsPath]) -> None:
        self.roots = [root, *allowed]
        self.issues: list[SpecIssue] = []
        self.files = 0
        self.read: list[FsPath] = []  # every file composed, in order

    def inside_allowed(self, path: FsPath) -> bool:
        return any(path == root or root in path.parents for root in self.roots)

    def compose(self, path: FsPath, chain: tuple[FsPath, ...]) -> Node:
        self.files += 1
        if self.files > MAX_FILES:
            raise SpecError([SpecIssue("too_many_files", location=_at(path),
                                       params={"limit": MAX_FILES})])
        self.read.append(path)
        node = to_node(load_spec_file(display_path(path)))
        if not node.is_mapping:
            return node
        own = dict(node.value)
        layers = [self.layer(own.pop(EXTENDS, None), path, chain, single=True),
                  self.layer(own.pop(INCLUDE, None), path, chain, single=False)]
        result = Node({}, node.location)
        for layer in [*layers[0], *layers[1]]:
            result = self.merge(result, layer)
        return self.merge(result, Node(own, node.location))

    def merge(self, base: Node, override: Node) -> Node:
        merged = merge(base, override)
        self.issues.extend(merged.issues)
        return merged.node

    def layer(self, ref: Node | None, current: FsPath, chain: tuple[FsPath, ...],
              single: bool) -> list[Node]:
        if ref is None:
            return []
        key = EXTENDS if single else INCLUDE
        refs = [ref] if single or not ref.is_list else list(ref.value)
        nodes = []
        for item in refs:
            if not isinstance(item.value, str) or not item.value.strip():
                self.issues.append(SpecIssue("include_not_path", (key,), item.location,
                                             params={"key": key}))
                continue
            target = self.resolve(item, current, chain, key)
            if target is not None:
                nodes.append(self.compose(target, (*chain, target)))
        return nodes

    def resolve(self, item: Node, current: FsPath, chain: tuple[FsPath, ...],
                key: str) -> FsPath | None:
        if "\0" in item.value:  # the system refuses such a name outright
            self.issues.append(SpecIssue("include_bad_path", (key,), item.location,
                                         params={"path": item.value.replace("\0", "\\0")}))
            return None
        target = FsPath(os.path.realpath(current.parent / item.value))
        shown = " → ".join(str(p) for p in (*chain, target))
        if target in chain:
            self.issues.append(SpecIssue("include_cycle", (key,), item.location,
                                         params={"chain": shown}))
        elif not self.inside_allowed(target):
            self.issues.append(SpecIssue("include_outside", (key,), item.location,
                                         params={"path": item.value, "root": self.roots[0]}))
        elif target.exists() and not target.is_file() and not target.is_dir():
            self.issues.append(SpecIssue("include_not_regular", (key,), item.location,
                                         params={"path": item.value}))
        elif not target.is_file():
            self.issues.append(SpecIssue("include_missing", (key,), item.location,
                                         params={"path": item.value, "chain": shown}))
        else:
            return target
        return None


def _at(path: FsPath) -> SourceLocation:
    return SourceLocation(display_path(path), 1, 1)


def display_path(path: FsPath) -> str:
    """`path` relative to the working folder when it is below it, as users typed it."""
    try:
        return str(path.relative_to(FsPath.cwd()))
    except ValueError:
        return str(path)


def compose_spec(path: FsPath | str, allow: Sequence[FsPath | str] = ()) -> Node:
    """The spec at `path` with its `extends` and `include` files merged in.

    Raises SpecError with every file problem found (missing, cyclic, outside the tree).
    """
    path = FsPath(path)
    root = FsPath(os.path.realpath(path.parent))
    composer = _Composer(root, [FsPath(os.path.realpath(p)) for p in allow])
    start = FsPath(os.path.realpath(path))
    if not start.is_file():
        return to_node(load_spec_file(path))  # raises the loader's own message
    node = composer.compose(start, (start,))
    if composer.issues:
        raise SpecError(composer.issues)
    return _relabel(node, display_path(start), str(path))


def spec_files(path: FsPath | str, allow: Sequence[FsPath | str] = ()) -> list[FsPath]:
    """The real paths of the spec at `path` and of every file it extends or includes, as far
    as they can be read (what cannot be read is reported when the spec is composed), so an
    output is never written over one of them."""
    start = FsPath(os.path.realpath(path))
    composer = _Composer(FsPath(os.path.realpath(FsPath(path).parent)),
                         [FsPath(os.path.realpath(p)) for p in allow])
    with contextlib.suppress(PlangenError):
        composer.compose(start, (start,))
    return composer.read or [start]


def _relabel(node: Node, real: str, shown: str) -> Node:
    """Report the root file under the name the user typed, not its resolved path."""
    if real == shown:
        return node

    def fix(loc: SourceLocation | None) -> SourceLocation | None:
        return SourceLocation(shown, loc.line, loc.column) if loc and loc.file == real else loc

    def walk(current: Node) -> Node:
        value = current.value
        if isinstance(value, dict):
            value = {key: walk(child) for key, child in value.items()}
        elif isinstance(value, list):
            value = [walk(child) for child in value]
        return Node(value, fix(current.location), fix(current.key_location), current.raw)

    return walk(node)
