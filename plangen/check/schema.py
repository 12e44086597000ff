"""Validate the WordprocessingML parts of a .docx against the ISO/IEC 29500 schemas (XSD).

The schema folder is ../shared/ooxml-xsd or any copy of it (`--schemas`, PLANGEN_SCHEMAS).
`wml.xsd` imports the rest and takes about a second to load, so it is loaded once per folder.
Word's extensions (w14, w15 …, mc:Ignorable) are not in the standard: they are removed first,
keeping mc:AlternateContent's Fallback, as ../shared/ooxml-xsd/README.md describes.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from lxml import etree

from plangen.check.package import CONTENT_TYPES, CT_NS, Package
from plangen.check.result import CheckResult, Finding, fail, passed
from plangen.errors import UsageError

SCHEMAS_ENV = "PLANGEN_SCHEMAS"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
OOXML_PREFIX = "http://schemas.openxmlformats.org/"
WML_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# the parts wml.xsd describes (the document, styles, lists, headers, footers, notes, comments)
VALIDATED_TYPES = ("document.main+xml", "template.main+xml", "styles+xml", "numbering+xml",
                   "header+xml", "footer+xml", "footnotes+xml", "endnotes+xml", "comments+xml")
MAX_ERRORS = 20


def schema_folder(option: Path | None) -> Path | None:
    """The folder given with --schemas, else $PLANGEN_SCHEMAS, else None (no XSD check)."""
    if option is not None:
        return option
    found = os.environ.get(SCHEMAS_ENV)
    return Path(found) if found else None


def load_schema(folder: Path) -> etree.XMLSchema:
    """wml.xsd of `folder`, loaded once; UsageError when it is missing or unreadable."""
    return _load(str(folder.resolve()))


@lru_cache(maxsize=4)
def _load(folder: str) -> etree.XMLSchema:
    path = Path(folder) / "wml.xsd"
    if not path.is_file():
        raise UsageError("check_schemas_missing", path=folder)
    try:
        return etree.XMLSchema(etree.parse(str(path)))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        raise UsageError("check_schemas_bad", path=folder, detail=str(exc)) from exc


def strip_extensions(root: etree._Element) -> etree._Element:
    """A copy of `root` without markup outside the standard (w14, mc:Ignorable …)."""
    root = etree.fromstring(etree.tostring(root))
    for alternate in list(root.iter(f"{{{MC_NS}}}AlternateContent")):
        fallback = alternate.find(f"{{{MC_NS}}}Fallback")
        parent = alternate.getparent()
        if parent is None:
            continue
        index = parent.index(alternate)
        for child in reversed(list(fallback if fallback is not None else [])):
            parent.insert(index, child)
        parent.remove(alternate)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        namespace = etree.QName(element).namespace or ""
        if not namespace.startswith(OOXML_PREFIX):
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for name in list(element.attrib):
            attr_ns = etree.QName(name).namespace
            if attr_ns == MC_NS or (attr_ns and attr_ns != XML_NS
                                    and not attr_ns.startswith(OOXML_PREFIX)):
                del element.attrib[name]
    etree.cleanup_namespaces(root)
    return root


def validated_parts(package: Package) -> list[str]:
    """The parts whose content type wml.xsd describes, by name."""
    root = package.xml(CONTENT_TYPES)
    if root is None:
        return []
    names = []
    for override in root.iter(f"{{{CT_NS}}}Override"):
        kind = override.get("ContentType", "")
        if kind.startswith(WML_TYPE) and kind[len(WML_TYPE):] in VALIDATED_TYPES:
            name = override.get("PartName", "").lstrip("/")
            if name in package.parts:
                names.append(name)
    return sorted(names)


def schema_findings(package: Package, schema: etree.XMLSchema) -> list[Finding]:
    """Every schema violation in the validated parts (part, line, message)."""
    found = []
    for name in validated_parts(package):
        root = package.xml(name)
        if root is None:
            continue  # not well formed: the xml check reports it
        if not schema.validate(strip_extensions(root)):
            found += [Finding("check_schema_error", {"part": name, "line": error.line,
                                                     "detail": error.message})
                      for error in schema.error_log]
    return found


def schema_result(package: Package, folder: Path) -> CheckResult:
    """The "schema" check: pass when every validated part is valid."""
    schema = load_schema(folder)
    found = schema_findings(package, schema)
    title, rule = "check_title_schema", "ISO/IEC 29500"
    if found:
        return fail("schema", title, rule, found[:MAX_ERRORS])
    return passed("schema", title, rule,
                  Finding("check_ok_schema", {"count": len(validated_parts(package))}))
