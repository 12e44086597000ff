"""What a user may set on a report: who reports, who signs, who receives it, its number."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportOptions:
    """What the command line may change: who reports, who signs, who receives, the number."""

    issuer: str | None = None
    signature_lines: tuple[str, ...] = ()
    signer: str | None = None
    recipients: tuple[str, ...] = ()
    number: str | None = None
