"""Import an existing plan: a .docx or text KẾ HOẠCH becomes a spec that validates.

One module per step: `reader` (the file as lines and tables, the only code that reads Word's
XML), `parse` with `frame`, `tasks` and `appendix` (lines to spec data, with notes on what
was unsure), `emit` (spec data to commented YAML) and `summary` (what was recognised, for
the command line).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from plangen.errors import SpecError, SpecIssue
from plangen.extract.blocks import ExtractError, Source
from plangen.extract.emit import emit_spec
from plangen.extract.notes import Note
from plangen.extract.parse import parse_source
from plangen.extract.plaintext import read_text
from plangen.extract.reader import read_bytes, read_path
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text

__all__ = ["ExtractError", "Extraction", "extract_bytes", "extract_path", "extract_source",
           "extract_text"]


@dataclass(frozen=True)
class Extraction:
    """A plan read back into a spec: its data, the YAML text, and what to look at."""

    source: str
    kind: str  # "docx" or "text"
    data: dict[str, Any]
    yaml_text: str
    notes: tuple[Note, ...]
    repairs: dict[str, int]
    issues: tuple[SpecIssue, ...]  # what `plangen validate` says of the YAML text

    @property
    def errors(self) -> list[SpecIssue]:
        """The issues that make the spec invalid (warnings left out)."""
        return [issue for issue in self.issues if issue.severity == "error"]


def extract_source(source: Source, spec_name: str = "plan.yaml",
                   lang: str = "vi") -> Extraction:
    """Read `source` into spec data, write it as YAML and check that YAML as plangen would."""
    draft = parse_source(source)
    notes = tuple(draft.notes.items)
    text = emit_spec(draft.data, list(notes), source.name, lang)
    try:
        issues = tuple(check_loaded(load_spec_text(text, spec_name)).issues)
    except SpecError as exc:  # the writer produced YAML the loader refuses: a bug, reported
        issues = tuple(exc.issues)
    return Extraction(source.name, source.kind, draft.data, text, notes, draft.repairs, issues)


def extract_path(path: FsPath, spec_name: str = "plan.yaml", lang: str = "vi") -> Extraction:
    """Extract the plan in a .docx or text file."""
    return extract_source(read_path(path), spec_name, lang)


def extract_bytes(data: bytes, name: str = "-", spec_name: str = "plan.yaml",
                  lang: str = "vi") -> Extraction:
    """Extract a plan given as bytes (a .docx or text), e.g. read from stdin."""
    return extract_source(read_bytes(data, name), spec_name, lang)


def extract_text(text: str, name: str = "-", spec_name: str = "plan.yaml",
                 lang: str = "vi") -> Extraction:
    """Extract a plan given as text."""
    return extract_source(read_text(text, name), spec_name, lang)
