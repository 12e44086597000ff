"""Read a spec file into plain data, remembering where every value came from.

The YAML is composed (not constructed) so each node keeps its line and column; values are then
built by hand, which lets us refuse duplicate keys and non-data tags, bound alias expansion and
nesting, keep the source text of scalars (to tell "010" from 8), and NFC-normalize every string
on the way in. Control characters are located in the field that holds them; YAML syntax errors
become positioned issues with a hint in the user's words, never a traceback.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml

from plangen.errors import Path, SourceLocation, SpecError, SpecIssue
from plangen.files import InputTooLarge, read_bounded
from plangen.vntext import nfc

MAX_FILE_BYTES = 2 * 1024 * 1024  # a real plan is 10–60 kB; 2 MB parses in about a second
MAX_NODES = 250_000  # a 1,000-task plan is ~25,000 values; an alias bomb is billions
MAX_DEPTH = 60
MAX_CONTROL_ISSUES = 20
_YAML_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
_TAG_PREFIX = "tag:yaml.org,2002:"
_MERGE_TAG = _TAG_PREFIX + "merge"
# What PyYAML's reader refuses (yaml.reader.Reader.NON_PRINTABLE); masked before parsing so the
# field holding the character can be named.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # line breaks as YAML counts them


@dataclass
class LoadedSpec:
    """Plain data from one YAML file plus the position of every value and key in it."""

    data: Any
    file: str
    marks: dict[Path, SourceLocation] = field(default_factory=dict)
    key_marks: dict[Path, SourceLocation] = field(default_factory=dict)
    # Source text of plain (unquoted) scalars that YAML did not read as a string.
    raw_scalars: dict[Path, str] = field(default_factory=dict)
    # Lists written in flow style ("[a, b, c]"), where a comma splits text into items.
    flow_lists: set[Path] = field(default_factory=set)
    # Strings written in quotes: their text starts one column after their mark.
    quoted: set[Path] = field(default_factory=set)
    # Problems found while loading that did not stop it (duplicate keys, tags, control
    # characters); only filled with `collect=True`, otherwise they are raised.
    issues: list[SpecIssue] = field(default_factory=list)

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


# --- bytes to text ------------------------------------------------------------------------

def decode_spec_bytes(raw: bytes, file: str) -> str:
    """Text of a spec file: UTF-8 (with or without BOM) or UTF-16 (with or without BOM)."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(raw, file)
    elif len(raw) >= 4 and (raw[1::2][:2] == b"\0\0" or raw[0::2][:2] == b"\0\0"):
        return _decode_utf16(raw, file, bom=False)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line_end = raw.find(b"\n", exc.start)
        sample = raw[line_start:line_end if line_end >= 0 else len(raw)]
        issue = SpecIssue("not_utf8", location=SourceLocation(
            file, raw.count(b"\n", 0, exc.start) + 1, exc.start - line_start + 1),
            params={"sample": _shorten(nfc(sample.decode("cp1258", errors="replace")).strip())})
        raise SpecError([issue]) from exc


def _decode_utf16(raw: bytes, file: str, bom: bool = True) -> str:
    encoding = "utf-16" if bom else ("utf-16-le" if raw[1:2] == b"\0" else "utf-16-be")
    try:
        return raw.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        issue = SpecIssue("bad_utf16", location=SourceLocation(file, 1, 1))
        raise SpecError([issue]) from exc


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_spec_text(path: FsPath) -> str:
    """The decoded text of the spec at `path`, bounded in size."""
    try:
        raw = read_bounded(path, MAX_FILE_BYTES)
    except InputTooLarge as exc:
        raise SpecError([SpecIssue("file_too_large", location=SourceLocation(str(path), 1, 1),
                                   params={"size": exc.size, "limit": exc.limit})]) from None
    return decode_spec_bytes(raw, str(path))


# --- text to data -------------------------------------------------------------------------

def load_spec_file(path: FsPath | str, *, collect: bool = False) -> LoadedSpec:
    """Load one spec file into data and marks.

    Raises SpecError when the file cannot be read as YAML. Problems that leave usable data
    (duplicate keys, refused tags, control characters) are raised too, unless `collect` is set:
    then they are kept in `LoadedSpec.issues` so a validator can report them with the rest.
    """
    path = FsPath(path)
    return load_spec_text(read_spec_text(path), str(path), collect=collect)


def load_spec_text(text: str, file: str = "<spec>", *, collect: bool = False) -> LoadedSpec:
    """Load spec text (already decoded) into data and marks; see `load_spec_file`."""
    controls = [(m.start(), m.group()) for m in _NON_PRINTABLE.finditer(text)]
    if controls:  # keep every position: one space for one character
        text = _NON_PRINTABLE.sub(" ", text)
    try:
        node = _compose(text, file)
    except SpecError as exc:
        raise SpecError(exc.issues + _control_issues(text, controls, [], file)) from exc
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value == ""
                        and node.tag == _TAG_PREFIX + "null"):  # nothing, or a bare "---"
        raise SpecError([SpecIssue("empty_file", location=SourceLocation(file, 1, 1))])
    _check_expansion(node, file)
    loaded = LoadedSpec(data=None, file=file)
    builder = _Builder(loaded)
    loaded.data = builder.build(node, (), 0)
    issues = builder.issues + _control_issues(text, controls, builder.spans, file)
    if issues and not collect:
        raise SpecError(issues)
    loaded.issues = issues
    return loaded


def _position(text: str, index: int, file: str) -> SourceLocation:
    """1-based line and column of `text[index]`, counting line breaks as YAML does."""
    breaks = list(_LINE_BREAK.finditer(text, 0, index))
    start = breaks[-1].end() if breaks else 0
    return SourceLocation(file, len(breaks) + 1, index - start + 1)


def _mark(mark: yaml.Mark | None, file: str) -> SourceLocation:
    return SourceLocation(file, mark.line + 1, mark.column + 1) if mark else SourceLocation(
        file, 1, 1)


def _control_issues(text: str, controls: list[tuple[int, str]],
                    spans: list[tuple[int, int, Path]], file: str) -> list[SpecIssue]:
    """An issue per control character, naming the field whose text holds it."""
    issues = []
    for index, char in controls[:MAX_CONTROL_ISSUES]:
        paths = [path for start, end, path in spans if start <= index < end]
        params = {"char": f"U+{ord(char):04X}"}
        where = _position(text, index, file)
        if paths:
            issues.append(SpecIssue("control_char", max(paths, key=len), where, params))
        else:
            issues.append(SpecIssue("control_char_in_file", (), where, params))
    return issues


class _TooDeepError(yaml.YAMLError):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("too deep")
        self.mark = mark


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, stopped at MAX_DEPTH levels of nesting.

    Without the bound, thousands of "[" cost quadratic time in the scanner and end in a
    RecursionError in the composer.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def fetch_flow_collection_start(self, TokenClass: Any) -> None:
        if self.flow_level >= MAX_DEPTH:
            raise _TooDeepError(self.get_mark())
        super().fetch_flow_collection_start(TokenClass)

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH + 1:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise _TooDeepError(event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _compose(text: str, file: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_BoundedLoader)
    except _TooDeepError as exc:
        raise SpecError([SpecIssue("too_deep", location=_mark(exc.mark, file),
                                   params={"limit": MAX_DEPTH})]) from exc
    except yaml.MarkedYAMLError as exc:
        raise SpecError([_syntax_issue(exc, text, file)]) from exc
    except yaml.YAMLError as exc:
        raise SpecError([SpecIssue("yaml_syntax", location=SourceLocation(file, 1, 1),
                                   params={"problem": str(exc)})]) from exc
    except RecursionError as exc:
        raise SpecError([SpecIssue("too_deep", location=SourceLocation(file, 1, 1),
                                   params={"limit": MAX_DEPTH})]) from exc


def _syntax_issue(exc: yaml.MarkedYAMLError, text: str, file: str) -> SpecIssue:
    """A YAML syntax error as an issue whose code says what to do about it."""
    problem, context = (exc.problem or "").strip(), (exc.context or "").strip()
    at, opened = _mark(exc.problem_mark or exc.context_mark, file), _mark(exc.context_mark, file)
    params: dict[str, Any] = {"problem": problem or context}
    if "'\\t'" in problem or "tab" in problem:
        return SpecIssue("yaml_tab", location=at, params=params)
    if "quoted scalar" in context and "end of stream" in problem:
        last_line = len(_LINE_BREAK.findall(text.rstrip())) + 1
        return SpecIssue("yaml_unclosed_quote", location=opened, params={
            **params, "end_line": min(at.line, last_line)})
    if "expected <block end>" in problem or "expected '<document start>'" in problem:
        return _after_quote_issue(exc, text, file) or SpecIssue("yaml_indent", location=at,
                                                                params=params)
    if "mapping values are not allowed" in problem:
        return SpecIssue("yaml_colon", location=at, params=params)
    if "could not find expected ':'" in problem:
        return SpecIssue("yaml_missing_colon", location=opened, params=params)
    if "did not find expected" in problem:
        return SpecIssue("yaml_indent", location=at, params=params)
    if "flow sequence" in context or "flow mapping" in context:
        return SpecIssue("yaml_flow", location=at, params={**params, "open_line": opened.line})
    if "undefined alias" in problem:
        return SpecIssue("yaml_alias", location=at, params={
            **params, "name": problem.rsplit(" ", 1)[-1].strip("'")})
    if "single document" in context:
        return SpecIssue("yaml_multi_doc", location=at, params=params)
    if "escape character" in problem:
        return SpecIssue("yaml_escape", location=at, params=params)
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if problem.count("'") >= 2 else "?"
        return SpecIssue("yaml_reserved", location=at, params={**params, "char": char})
    if "alias" in context or "anchor" in context:
        char = "*" if "alias" in context else "&"
        return SpecIssue("yaml_reserved", location=opened, params={**params, "char": char})
    return SpecIssue("yaml_syntax", location=at, params=params)


def _after_quote_issue(exc: yaml.MarkedYAMLError, text: str, file: str) -> SpecIssue | None:
    """When a parse error follows a quoted value, the quote is the likely culprit."""
    mark = exc.problem_mark
    if mark is None:
        return None
    quoted = None
    try:
        for token in yaml.scan(text, Loader=_BoundedLoader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                quoted = token
    except yaml.YAMLError:
        pass
    if quoted is None or text[quoted.end_mark.index:mark.index].strip():
        return None
    quote = quoted.style or '"'
    if quoted.start_mark.line != quoted.end_mark.line:
        return SpecIssue("yaml_unclosed_quote", location=_mark(quoted.start_mark, file),
                         params={"end_line": quoted.end_mark.line + 1, "quote": quote})
    return SpecIssue("yaml_after_quote", location=_mark(mark, file), params={"quote": quote})


# --- bounds -------------------------------------------------------------------------------

def _check_expansion(root: yaml.Node, file: str) -> None:
    """Refuse alias bombs and cycles before building anything: shared nodes are sized once."""
    sized: dict[int, tuple[int, int]] = {}  # id(node) -> (values below it, levels below it)
    active: set[int] = set()

    def size(node: yaml.Node, depth: int) -> tuple[int, int]:
        key = id(node)
        if key in active:
            raise SpecError([SpecIssue("alias_cycle", location=_mark(node.start_mark, file))])
        if key not in sized:
            active.add(key)
            children = [v for _, v in node.value] if isinstance(node, yaml.MappingNode) else (
                node.value if isinstance(node, yaml.SequenceNode) else [])
            total, height = 1, 0
            for child in children:
                if depth + 1 > MAX_DEPTH:
                    raise SpecError([SpecIssue("too_deep", location=_mark(
                        child.start_mark, file), params={"limit": MAX_DEPTH})])
                count, below = size(child, depth + 1)
                total, height = total + count, max(height, below + 1)
                if total > MAX_NODES:
                    raise SpecError([SpecIssue("too_many_nodes", location=_mark(
                        child.start_mark, file), params={"limit": MAX_NODES})])
            active.discard(key)
            sized[key] = (total, height)
        if depth + sized[key][1] > MAX_DEPTH:
            raise SpecError([SpecIssue("too_deep", location=_mark(node.start_mark, file),
                                       params={"limit": MAX_DEPTH})])
        return sized[key]

    size(root, 0)


# --- building -----------------------------------------------------------------------------

def _show_tag(tag: str) -> str:
    """ "tag:yaml.org,2002:python/object" -> "!!python/object", as it was written."""
    return "!!" + tag[len(_TAG_PREFIX):] if tag.startswith(_TAG_PREFIX) else tag


class _Builder:
    """Turns a composed node tree into plain data while recording marks."""

    def __init__(self, loaded: LoadedSpec) -> None:
        self.loaded = loaded
        self.issues: list[SpecIssue] = []
        self.spans: list[tuple[int, int, Path]] = []  # character range of each scalar
        self.constructor = yaml.SafeLoader("")

    def where(self, node: yaml.Node) -> SourceLocation:
        return _mark(node.start_mark, self.loaded.file)

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:  # _check_expansion already refused this; kept as a guard
            raise SpecError([SpecIssue("too_deep", location=self.where(node),
                                       params={"limit": MAX_DEPTH})])
        self.loaded.marks[path] = self.where(node)
        if node.tag not in _YAML_TAGS:
            self.issues.append(SpecIssue("unsupported_tag", path, self.where(node),
                                         params={"tag": _show_tag(node.tag)}))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.flow_style:
                self.loaded.flow_lists.add(path)
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        self.spans.append((node.start_mark.index, node.end_mark.index, path))
        return self.build_scalar(node, path)

    def build_mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self.issues.append(SpecIssue("merge_key", path, self.where(key_node)))
                continue
            if key_node.tag not in _YAML_TAGS:
                self.issues.append(SpecIssue("unsupported_tag", path, self.where(key_node),
                                             params={"tag": _show_tag(key_node.tag)}))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.issues.append(SpecIssue("key_not_text", path, self.where(key_node)))
                continue
            key = nfc(str(key_node.value))
            child = (*path, key)
            self.spans.append((key_node.start_mark.index, key_node.end_mark.index, child))
            if key in result:
                first = self.loaded.key_marks[child]
                self.issues.append(SpecIssue("duplicate_key", child, self.where(key_node),
                                             params={"key": key, "first_line": first.line}))
                continue
            self.loaded.key_marks[child] = self.where(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def build_scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        if node.tag == _TAG_PREFIX + "str":
            if node.style in ("'", '"'):
                self.loaded.quoted.add(path)
            return nfc(node.value)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            value = node.value
        if node.style is None and not isinstance(value, str):
            self.loaded.raw_scalars[path] = node.value
        return nfc(value) if isinstance(value, str) else value
