"""Error types and the positioned issues that validation reports.

Every failure a user can cause is a `PlangenError`; the CLI is the only place that turns one
into a message and an exit code. Validation problems are collected as `SpecIssue`s (with file,
line, column and field path) and raised together in one `SpecError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from plangen.messages import format_path, message

Path = tuple[str | int, ...]
SHOWN_ISSUES = 100  # a spec's issues listed in full; the rest are counted
Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class SourceLocation:
    """A 1-based position in a spec file."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class SpecIssue:
    """One problem found in a spec: where it is, which field, and what is wrong."""

    code: str
    path: Path = ()
    location: SourceLocation | None = None
    params: dict[str, Any] = field(default_factory=dict)
    severity: Severity = "error"

    def message(self, lang: str = "vi") -> str:
        """The human message in `lang` ("vi" or "en")."""
        return message(self.code, lang, **self.params)

    def format(self, lang: str = "vi") -> str:
        """`file:line:col  field.path  message`, the one line a user sees."""
        where = str(self.location) if self.location else "?"
        field_path = format_path(self.path) or message("whole_file", lang)
        prefix = {"error": "", "note": message("note_prefix", lang)}.get(
            self.severity, message("warning_prefix", lang))
        return f"{where}  {field_path}  {prefix}{self.message(lang)}"

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code) if loc else ("", 0, 0, self.code)


class PlangenError(Exception):
    """Root of every error plangen raises on purpose."""

    exit_code = 1

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "vi") -> str:
        return message(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class SpecError(PlangenError):
    """A spec could not be loaded or is invalid; carries every issue found."""

    def __init__(self, issues: list[SpecIssue]) -> None:
        super().__init__("spec_invalid", count=len(issues))
        self.issues = sorted(issues, key=SpecIssue.sort_key)

    def message(self, lang: str = "vi") -> str:
        return "\n".join(issue_lines(self.issues, lang))


class UsageError(PlangenError):
    """The command was called wrongly (missing file, bad option)."""

    exit_code = 2


class RenderError(PlangenError):
    """The template or the rendering step failed."""


class OutputError(PlangenError):
    """An output file could not be written."""


class PdfError(PlangenError):
    """LibreOffice is missing, failed or timed out."""


def issue_lines(issues: Sequence[SpecIssue], lang: str = "vi",
                limit: int = SHOWN_ISSUES) -> list[str]:
    """The lines a user reads for `issues` (already sorted): the first `limit` in full, then
    one line counting the rest ("… và 9.900 lỗi khác"), so ten thousand mistakes stay a
    readable screen."""
    lines = [issue.format(lang) for issue in issues[:limit]]
    if len(issues) > limit:
        rest = f"{len(issues) - limit:,}"  # 9,900; Vietnamese groups thousands with dots
        lines.append(message("more_issues", lang, shown=limit,
                             count=rest if lang == "en" else rest.replace(",", ".")))
    return lines
