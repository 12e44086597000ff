"""What extraction was unsure of, had to fill in, kept as it was, or could not carry over.

Each note names the spec field it concerns (the same path the validator uses), so the YAML
writer can put it as a comment right above that field and the command can list it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from plangen.errors import Path

NoteKind = Literal["todo", "check", "kept", "lost"]
NOTE_KINDS: tuple[NoteKind, ...] = ("todo", "check", "kept", "lost")


@dataclass(frozen=True)
class Note:
    """One place of the extracted spec a person should look at.

    todo: a required value the source lacks, filled with a marked placeholder or a guess;
    check: a reading that may be wrong; kept: text not recognised, kept as a paragraph;
    lost: source text the spec language cannot hold, kept only as a comment.
    """

    kind: NoteKind
    code: str
    path: Path = ()
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Notes:
    """The notes of one extraction, in the order they were made."""

    items: list[Note] = field(default_factory=list)

    def add(self, kind: NoteKind, code: str, path: Path = (), **params: Any) -> None:
        """Note `code` (a message code) about the field at `path`."""
        self.items.append(Note(kind, code, path, params))

    def count(self, kind: NoteKind) -> int:
        """How many notes of `kind` there are."""
        return sum(1 for note in self.items if note.kind == kind)


def excerpt(text: str, limit: int = 70) -> str:
    """The start of `text`, short enough for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
