"""Spec data becomes YAML text an officer can read and edit: keys in the order of the
README, long text as folded block scalars, quotes only where YAML needs them, and each note
as a comment right above the field it concerns.

The text loads back through plangen's loader to exactly the data it was written from.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from plangen.errors import Path
from plangen.extract.notes import Note
from plangen.messages import message

WIDTH = 96
SCHEMA_LINE = "yaml-language-server: $schema=plangen.schema.json"  # as `plangen new` writes
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_PLAIN_FIRST_FORBIDDEN = set("-?:,[]{}#&*!|>'\"%@`")
_PREFIX = {"todo": "extract_prefix_todo", "check": "extract_prefix_check",
           "kept": "extract_prefix_kept", "lost": "extract_prefix_lost"}


def emit_spec(data: dict[str, Any], notes: list[Note], source: str, lang: str = "vi") -> str:
    """YAML text of `data`, with `notes` as comments above the fields they concern."""
    writer = _Writer(notes, lang)
    writer.head(source)
    writer.mapping(data, (), 0)
    writer.orphans()
    return "\n".join(writer.lines) + "\n"


class _Writer:
    def __init__(self, notes: list[Note], lang: str) -> None:
        self.lang = lang
        self.lines: list[str] = []
        self.pending: dict[Path, list[Note]] = {}
        for note in notes:
            self.pending.setdefault(tuple(note.path), []).append(note)

    def head(self, source: str) -> None:
        """The file's opening comments: schema line, where it came from, what to do."""
        self.lines.append(f"# {SCHEMA_LINE}")
        for code in ("extract_head_source", "extract_head_check"):
            text = message(code, self.lang, source=source)
            self.lines += [f"# {line}" for line in text.split("\n")]
        for note in self.pending.pop((), []):
            self._comment(note, 0)
        self.lines.append("")

    def orphans(self) -> None:
        """Notes whose field was not written (a placeholder replaced it): at the end."""
        for notes in self.pending.values():
            for note in notes:
                self._comment(note, 0)
        self.pending.clear()

    def _comment(self, note: Note, indent: int) -> None:
        text = message(_PREFIX[note.kind], self.lang) + message(note.code, self.lang,
                                                                   **note.params)
        for line in _wrap(text, WIDTH - indent - 2):
            self.lines.append(" " * indent + "# " + line)

    def comments(self, path: Path, indent: int) -> None:
        """The notes about `path`, as comments at `indent`."""
        for note in self.pending.pop(path, []):
            self._comment(note, indent)

    def mapping(self, data: dict[str, Any], path: Path, indent: int,
                first_prefix: str | None = None) -> None:
        """Each key of `data`; the first after `first_prefix` ("- ") in a list item."""
        for position, (key, value) in enumerate(data.items()):
            child = (*path, key)
            if indent == 0 and isinstance(value, (dict, list)) and self.lines[-1]:
                self.lines.append("")
            if first_prefix is None or position:
                self.comments(child, indent)
            lead = first_prefix if first_prefix is not None and position == 0 else " " * indent
            self.value(value, child, indent, f"{lead}{key}:")
            if indent == 0 and isinstance(value, (dict, list)):
                self.lines.append("")

    def value(self, value: Any, path: Path, indent: int, prefix: str) -> None:
        """`prefix` ("key:" or "-") followed by `value` in block style."""
        if isinstance(value, dict):
            if not value:
                self.lines.append(prefix + " {}")
                return
            self.lines.append(prefix)
            self.mapping(value, path, indent + 2)
        elif isinstance(value, list):
            if not value:
                self.lines.append(prefix + " []")
                return
            flow = _flow(value, path, len(prefix))
            if flow is not None:  # a table row on one line: [1, "Xã Phú Mỡ", "1.200"]
                self.lines.append(f"{prefix} {flow}")
                return
            self.lines.append(prefix)
            for index, item in enumerate(value):
                self.item(item, (*path, index), indent + 2)
        else:
            self.scalar(value, prefix, indent)

    def item(self, item: Any, path: Path, indent: int) -> None:
        """One list item, a mapping's first key on the "- " line."""
        self.comments(path, indent)
        if isinstance(item, dict) and item:
            first = next(iter(item))
            self.comments((*path, first), indent)
            self.mapping(item, path, indent + 2, first_prefix=" " * indent + "- ")
        else:
            self.value(item, path, indent, " " * indent + "-")

    def scalar(self, value: Any, prefix: str, indent: int) -> None:
        """A null, boolean, number or text after `prefix`."""
        if value is None:
            self.lines.append(prefix)
        elif isinstance(value, bool):
            self.lines.append(f"{prefix} {'true' if value else 'false'}")
        elif isinstance(value, int):
            self.lines.append(f"{prefix} {value}")
        else:
            self.lines += string_lines(str(value), prefix, indent)


def string_lines(text: str, prefix: str, indent: int) -> list[str]:
    """`prefix` and `text` as YAML lines: plain, double-quoted, or a folded block."""
    if len(prefix) + 1 + len(text) <= WIDTH:
        if plain_ok(text):
            return [f"{prefix} {text}"]
        if "\n" not in text:
            return [f"{prefix} {quoted(text)}"]
    if not foldable(text):
        return [f"{prefix} {quoted(text)}"]
    body = " " * (indent + 2)
    return [f"{prefix} >-", *(body + line for line in _wrap(text, WIDTH - len(body)))]


def plain_ok(text: str) -> bool:
    """True when YAML reads `text` written bare back as the same string."""
    if not text or text != text.strip() or "\n" in text or "\t" in text:
        return False
    if text[0] in _PLAIN_FIRST_FORBIDDEN or ": " in text or " #" in text or text.endswith(":"):
        return False
    if not any(char.isalnum() for char in text):
        return False  # a mark alone (deadline_inline: ";") reads better in quotes
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == _STR_TAG


def foldable(text: str) -> bool:
    """True when a folded block scalar (`>-`) keeps `text` as it is: one line, single spaces."""
    return bool(text) and text == text.strip() and "  " not in text and not any(
        char in text for char in "\n\t\r\x85\u2028\u2029")


def quoted(text: str) -> str:
    """`text` in double quotes, escaped as YAML requires."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return f'"{escaped}"'


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _flow(items: list[Any], path: Path, used: int) -> str | None:
    """A table's row, columns or summed columns in flow style, when short enough."""
    if "table" not in path or not all(isinstance(i, (str, int)) and not isinstance(i, bool)
                                      for i in items):
        return None
    text = "[" + ", ".join(json.dumps(i, ensure_ascii=False) for i in items) + "]"
    return text if used + 1 + len(text) <= WIDTH else None
