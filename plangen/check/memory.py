"""Check a Word document from its parts in memory, before (or instead of) zipping it.

A batch has every part of the file it is about to write in memory, and the XML parts it has
just produced already parsed. `check_parts` runs the same checks as `check_docx` on the file
those parts zip into, without unzipping and re-parsing them: the findings are the same (a
test compares the two on every output of the test corpus). The interface is neutral, a
mapping of part names to bytes and, optionally, of part names to parsed roots, so this module
knows nothing about who made the parts.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from plangen.check.api import CheckError, check_package
from plangen.check.package import (
    MAX_PART_BYTES,
    MAX_PARTS,
    MAX_TOTAL_BYTES,
    Package,
)
from plangen.check.result import CheckReport, Finding

# A tree parsed elsewhere is taken as it is only where the checker's own parser (no
# XML_PARSE_HUGE) would certainly read the bytes the same way: below libxml2's 50,000-byte
# name limit (so also below its 10 MB text limit) and no deeper than its 256 levels. Any
# other part is parsed again from its bytes, so the check never becomes more lenient.
_TRUSTED_BYTES = 50_000
_TOO_DEEP = etree.XPath("boolean(/*" + "/*" * 256 + ")")


def package_from_parts(parts: Mapping[str, bytes],
                       trees: Mapping[str, etree._Element] | None = None) -> Package:
    """A `Package` holding `parts` (name -> bytes, in the zip's order) as `open_package` would
    read them from the zip they make; `trees` (name -> parsed root of exactly those bytes)
    saves parsing them again. The zip's own limits apply to the parts."""
    package = Package()
    if len(parts) > MAX_PARTS:
        package.note("zip", Finding("check_zip_too_big", {"detail": f"{len(parts)} parts"}))
        return package
    total = sum(len(data) for data in parts.values())
    if total > MAX_TOTAL_BYTES:
        package.note("zip", Finding("check_zip_too_big", {"detail": f"{total} bytes"}))
        return package
    for name, data in parts.items():
        if name.endswith("/"):
            continue  # a folder entry, which open_package leaves out too
        if len(data) > MAX_PART_BYTES:
            package.note("zip", Finding("check_zip_too_big", {"detail": name}))
            continue
        package.parts[name] = data
    for name, root in (trees or {}).items():
        held = package.parts.get(name)
        if held is not None and len(held) < _TRUSTED_BYTES and _plain(root):
            package.adopt(name, root)
    return package


def _plain(root: etree._Element) -> bool:
    """No DTD (the check reports one) and not deeper than the checker's parser reads."""
    return not root.getroottree().docinfo.doctype and not _TOO_DEEP(root)


def check_parts(parts: Mapping[str, bytes], trees: Mapping[str, etree._Element] | None = None,
                file: str = "<docx>") -> CheckReport:
    """The fast check (integrity and NĐ 30 rules, no XSD) of the .docx `parts` zip into."""
    return check_package(package_from_parts(parts, trees), file)


def raise_if_parts_fail(parts: Mapping[str, bytes],
                        trees: Mapping[str, etree._Element] | None = None) -> None:
    """CheckError when the document made of `parts` fails a fast check or draws advice (used
    by batch)."""
    report = check_parts(parts, trees)
    if not report.clean:  # plangen's own files follow its practice too
        raise CheckError(report)
