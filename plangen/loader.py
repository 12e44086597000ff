"""Read a spec file into plain data, remembering where every value came from.

The YAML is composed (not constructed) so each node keeps its line and column; values are then
built by hand, which lets us refuse duplicate keys, bound alias expansion and nesting, keep the
source text of scalars (to tell "010" from 8), and NFC-normalize every string on the way in.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml

from plangen.errors import Path, SourceLocation, SpecError, SpecIssue, UsageError
from plangen.vntext import nfc

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_NODES = 1_000_000  # a 5,000-task plan is ~100,000 nodes; an alias bomb is billions
MAX_DEPTH = 60
_YAML_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


@dataclass
class LoadedSpec:
    """Plain data from one YAML file plus the position of every value and key in it."""

    data: Any
    file: str
    marks: dict[Path, SourceLocation] = field(default_factory=dict)
    key_marks: dict[Path, SourceLocation] = field(default_factory=dict)
    # Source text of plain (unquoted) scalars that YAML did not read as a string.
    raw_scalars: dict[Path, str] = field(default_factory=dict)

    def locate(self, path: Path, *, key: bool = False) -> SourceLocation | None:
        """The position of `path`, or of its nearest ancestor that has one."""
        probe = tuple(path)
        if key and probe in self.key_marks:
            return self.key_marks[probe]
        while probe:
            if probe in self.marks:
                return self.marks[probe]
            probe = probe[:-1]
        return self.marks.get((), SourceLocation(self.file, 1, 1))


def decode_spec_bytes(raw: bytes, file: str) -> str:
    """Text of a spec file: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(raw, file)
    elif len(raw) >= 4 and (raw[1::2][:2] == b"\0\0" or raw[0::2][:2] == b"\0\0"):
        return _decode_utf16(raw, file, bom=False)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        issue = SpecIssue("not_utf8", location=SourceLocation(file, line, column))
        raise SpecError([issue]) from exc


def _decode_utf16(raw: bytes, file: str, bom: bool = True) -> str:
    encoding = "utf-16" if bom else ("utf-16-le" if raw[1:2] == b"\0" else "utf-16-be")
    try:
        return raw.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        issue = SpecIssue("bad_utf16", location=SourceLocation(file, 1, 1))
        raise SpecError([issue]) from exc


def read_spec_text(path: FsPath) -> str:
    """The decoded text of the spec at `path`, bounded in size."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SpecError([SpecIssue("file_too_large", location=SourceLocation(str(path), 1, 1),
                                       params={"size": size, "limit": MAX_FILE_BYTES})])
        raw = path.read_bytes()
    except IsADirectoryError as exc:
        raise UsageError("input_is_directory", path=str(path)) from exc
    except FileNotFoundError as exc:
        raise UsageError("input_missing", path=str(path)) from exc
    except PermissionError as exc:
        raise UsageError("input_unreadable", path=str(path)) from exc
    return decode_spec_bytes(raw, str(path))


def load_spec_file(path: FsPath | str) -> LoadedSpec:
    """Load one spec file into data and marks; raises SpecError on any problem."""
    path = FsPath(path)
    return load_spec_text(read_spec_text(path), str(path))


def load_spec_text(text: str, file: str = "<spec>") -> LoadedSpec:
    """Load spec text (already decoded) into data and marks."""
    node = _compose(text, file)
    loaded = LoadedSpec(data=None, file=file)
    if node is None:
        raise SpecError([SpecIssue("empty_file", location=SourceLocation(file, 1, 1))])
    builder = _Builder(loaded)
    loaded.data = builder.build(node, (), 0)
    if builder.issues:
        raise SpecError(builder.issues)
    return loaded


def _compose(text: str, file: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        location = SourceLocation(file, mark.line + 1, mark.column + 1) if mark else None
        problem = (exc.problem or exc.context or "").strip()
        raise SpecError([SpecIssue(_syntax_code(problem), location=location,
                                   params={"problem": problem})]) from exc
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        issue = SpecIssue("control_char_in_file", location=SourceLocation(file, line, column),
                          params={"char": f"U+{exc.character:04X}" if isinstance(
                              exc.character, int) else repr(exc.character)})
        raise SpecError([issue]) from exc
    except yaml.YAMLError as exc:
        raise SpecError([SpecIssue("yaml_syntax", location=SourceLocation(file, 1, 1),
                                   params={"problem": str(exc)})]) from exc
    except RecursionError as exc:
        raise SpecError([SpecIssue("too_deep", location=SourceLocation(file, 1, 1),
                                   params={"limit": MAX_DEPTH})]) from exc


def _syntax_code(problem: str) -> str:
    if "'\\t'" in problem or "tab" in problem.lower():
        return "yaml_tab"
    return "yaml_syntax"


class _Builder:
    """Turns a composed node tree into plain data while recording marks."""

    def __init__(self, loaded: LoadedSpec) -> None:
        self.loaded = loaded
        self.issues: list[SpecIssue] = []
        self.count = 0
        self.constructor = yaml.SafeLoader("")

    def where(self, node: yaml.Node) -> SourceLocation:
        mark = node.start_mark
        return SourceLocation(self.loaded.file, mark.line + 1, mark.column + 1)

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise SpecError([SpecIssue("too_many_nodes", location=self.where(node),
                                       params={"limit": MAX_NODES})])
        if depth > MAX_DEPTH:
            raise SpecError([SpecIssue("too_deep", location=self.where(node),
                                       params={"limit": MAX_DEPTH})])
        self.loaded.marks[path] = self.where(node)
        if node.tag not in _YAML_TAGS:
            self.issues.append(SpecIssue("unsupported_tag", path, self.where(node),
                                         params={"tag": node.tag}))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.build_scalar(node, path)

    def build_mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.issues.append(SpecIssue("key_not_text", path, self.where(key_node)))
                continue
            key = nfc(str(key_node.value))
            child = (*path, key)
            if key in result:
                first = self.loaded.key_marks[child]
                self.issues.append(SpecIssue("duplicate_key", child, self.where(key_node),
                                             params={"key": key, "first_line": first.line}))
                continue
            self.loaded.key_marks[child] = self.where(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def build_scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        if node.tag == "tag:yaml.org,2002:str":
            return nfc(node.value)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError):
            value = node.value
        if node.style is None and not isinstance(value, str):
            self.loaded.raw_scalars[path] = node.value
        return nfc(value) if isinstance(value, str) else value
