"""Library entry for `plangen check`: is a .docx whole, schema-valid and laid out per NĐ 30?

`check_docx` runs, in order: the package integrity checks (check_package), the XSD check
against the bundled schemas or another schema folder (check_schema; `schemas=None` leaves it
out), and the NĐ 30 rules (check_rules) on the document as read by check_format.
`fast_check` leaves out the XSD check; batch runs it on every file it writes.
"""

from __future__ import annotations

from pathlib import Path

from plangen.check.format import read_layout
from plangen.check.package import Package, integrity_results, open_package
from plangen.check.report import finding_text
from plangen.check.result import CheckReport, Finding, skipped
from plangen.check.rules import run_rules, skip_rules
from plangen.check.schema import BUNDLED_SCHEMAS, schema_result
from plangen.errors import PlangenError, UsageError
from plangen.files import InputTooLarge, ReadCodes, read_bounded
from plangen.messages import message

MAX_FILE_BYTES = 200 * 1024 * 1024


class CheckError(PlangenError):
    """A document plangen wrote does not pass its own checks (batch)."""

    def __init__(self, report: CheckReport) -> None:
        super().__init__("check_output_failed")
        self.report = report

    def message(self, lang: str = "vi") -> str:
        return failure_summary(self.report, lang)


def check_docx(data: bytes, file: str = "<docx>", *,
               schemas: Path | None = BUNDLED_SCHEMAS) -> CheckReport:
    """Check the .docx in `data`; `schemas` is a folder holding wml.xsd and the other OOXML
    schemas (default: plangen's own copy; None: no XSD check)."""
    return check_package(open_package(data), file, schemas=schemas)


def check_package(package: Package, file: str = "<docx>", *,
                  schemas: Path | None = None) -> CheckReport:
    """Check a package already read, from a zip (`open_package`) or from memory
    (`check.memory.package_from_parts`); the XSD check only when `schemas` names a folder
    (batch's in-memory self-check leaves it out)."""
    results = integrity_results(package)
    if schemas is not None:
        results.append(schema_result(package, schemas) if package.parts else skipped(
            "schema", "check_title_schema", "ISO/IEC 29500", Finding("check_skip_broken_zip")))
    layout = read_layout(package) if package.parts else None
    if layout is None:
        results += skip_rules(Finding("check_skip_unreadable"))
    else:
        results += run_rules(layout)
    return CheckReport(file, tuple(results))


def check_file(path: Path, *, schemas: Path | None = BUNDLED_SCHEMAS) -> CheckReport:
    """Check the .docx at `path`; UsageError when it cannot be read at all."""
    codes = ReadCodes(missing="check_missing_file", directory="check_is_directory")
    try:
        data = read_bounded(path, MAX_FILE_BYTES, codes)
    except InputTooLarge as exc:
        raise UsageError("check_file_too_large", path=str(path), limit=exc.limit) from None
    return check_docx(data, str(path), schemas=schemas)


def fast_check(data: bytes) -> CheckReport:
    """Integrity and NĐ 30 rules, without the XSD check: cheap enough for every batch file."""
    return check_docx(data, schemas=None)


def failure_summary(report: CheckReport, lang: str = "vi") -> str:
    """One line naming the failed checks (and advice) and their first problem (for batch
    results)."""
    parts = []
    for result in [*report.failed, *report.advised]:
        first = finding_text(result.found[0], lang) if result.found else ""
        parts.append(f"{message(result.title, lang)}: {first}")
    return message("check_output_failed", lang, detail="; ".join(parts))


def raise_if_failed(data: bytes) -> None:
    """CheckError when the .docx in `data` fails a fast check (used by batch)."""
    report = fast_check(data)
    if not report.clean:  # plangen's own files follow its practice too
        raise CheckError(report)
