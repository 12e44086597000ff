"""What a check says: a named result (pass, fail, skip, or advice: what plangen's practice
wants where NĐ 30 sets no rule), what was found and where.

Findings carry a message code and parameters, not text, so the same result prints in
Vietnamese or English; a `Term` parameter is itself a catalog entry (a word such as "lề trái").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["pass", "fail", "skip", "advice"]


@dataclass(frozen=True)
class Term:
    """A word of a message, looked up in the catalog in the reader's language."""

    code: str


@dataclass(frozen=True)
class Where:
    """A place in the document: a paragraph (maybe in a table cell), a header, a section."""

    story: str = "body"  # "body", "header", "footer", "section" or "part"
    paragraph: int | None = None  # 1-based, counted through the whole story
    table: int | None = None  # 1-based, in document order
    row: int | None = None
    cell: int | None = None
    section: int | None = None
    text: str = ""  # the paragraph's text (shortened), or a part name

    def as_dict(self) -> dict[str, Any]:
        """The non-empty fields, for JSON."""
        return {key: value for key, value in self.__dict__.items()
                if value not in (None, "")}


@dataclass(frozen=True)
class Finding:
    """One thing a check found: a message code, its parameters, and where."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    where: Where | None = None


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one named check."""

    id: str  # stable, for --json and scripts: "margins", "date-line", "package.zip"
    title: str  # message code of the check's name
    rule: str  # where the rule is written: "PL1 I.3"
    status: Status
    found: tuple[Finding, ...] = ()

    @property
    def failed(self) -> bool:
        return self.status == "fail"


def passed(check_id: str, title: str, rule: str, *found: Finding) -> CheckResult:
    """A passing result, with what was found (e.g. the margins measured)."""
    return CheckResult(check_id, title, rule, "pass", tuple(found))


def fail(check_id: str, title: str, rule: str, found: list[Finding]) -> CheckResult:
    """A failing result listing the problems."""
    return CheckResult(check_id, title, rule, "fail", tuple(found))


def advise(check_id: str, title: str, rule: str, found: list[Finding]) -> CheckResult:
    """Findings against a practice NĐ 30 does not make a rule of (a table's heading row
    repeated on each page): told, without failing the document."""
    return CheckResult(check_id, title, rule, "advice", tuple(found))


def skipped(check_id: str, title: str, rule: str, reason: Finding) -> CheckResult:
    """A check that does not apply (no appendix) or cannot run (the zip is broken)."""
    return CheckResult(check_id, title, rule, "skip", (reason,))


@dataclass(frozen=True)
class CheckReport:
    """Every check's result for one file."""

    file: str
    results: tuple[CheckResult, ...]

    @property
    def failed(self) -> list[CheckResult]:
        return [result for result in self.results if result.failed]

    @property
    def ok(self) -> bool:
        """No rule failed (advice may remain): what `plangen check` exits 0 on."""
        return not self.failed

    @property
    def advised(self) -> list[CheckResult]:
        return [result for result in self.results if result.status == "advice"]

    @property
    def clean(self) -> bool:
        """No rule failed and no advice: what plangen asks of the files it writes."""
        return self.ok and not self.advised

    def count(self, status: str) -> int:
        return sum(1 for result in self.results if result.status == status)
