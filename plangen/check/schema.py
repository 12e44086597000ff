"""Validate the XML parts of a .docx against the ISO/IEC 29500 schemas (XSD).

The schemas ship with plangen (`xsd/`, package data) and are used by default; `--schemas DIR`
or $PLANGEN_SCHEMAS names another copy. Every part whose content type a bundled schema
describes is validated: the WordprocessingML parts (document, styles, numbering, headers,
footers, notes, comments, settings, font table, web settings, glossary), the theme and charts
(DrawingML), the core, extended and custom properties, the relationship parts and
`[Content_Types].xml` (OPC). All schema files are imported by one small wrapper schema,
loaded once per folder (about two seconds), so each part is a single validation.
Word's extensions (w14, w15 …, mc:Ignorable) are not in the standard: they are removed first,
keeping mc:AlternateContent's Fallback, as `xsd/README.md` describes.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from plangen.check.package import CONTENT_TYPES, CT_NS, Package
from plangen.check.result import CheckResult, Finding, fail, passed
from plangen.errors import UsageError

SCHEMAS_ENV = "PLANGEN_SCHEMAS"
BUNDLED_SCHEMAS = Path(__file__).resolve().parent / "xsd"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OOXML_PREFIX = "http://schemas.openxmlformats.org/"
# namespaces outside schemas.openxmlformats.org that the core properties use (Dublin Core)
KEPT_NAMESPACES = frozenset({XML_NS, XSI_NS, "http://purl.org/dc/elements/1.1/",
                             "http://purl.org/dc/terms/", "http://purl.org/dc/dcmitype/"})
MAX_ERRORS = 20

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_OFFICE = "application/vnd.openxmlformats-officedocument."
_PACKAGE = "application/vnd.openxmlformats-package."
_RELS_TYPE = _PACKAGE + "relationships+xml"


@dataclass(frozen=True)
class PartKind:
    """A kind of part the schemas describe: the schema file and the root element it must have."""

    schema_file: str
    root: str


WML, DML = "wml.xsd", "dml-main.xsd"
# content type -> what the part must be (ISO/IEC 29500-1 §11–15, 29500-2 for the OPC parts)
PART_KINDS: dict[str, PartKind] = {
    _WML + "document.main+xml": PartKind(WML, _W + "document"),
    _WML + "template.main+xml": PartKind(WML, _W + "document"),
    _WML + "document.macroEnabled.main+xml": PartKind(WML, _W + "document"),
    _WML + "document.glossary+xml": PartKind(WML, _W + "glossaryDocument"),
    _WML + "styles+xml": PartKind(WML, _W + "styles"),
    _WML + "numbering+xml": PartKind(WML, _W + "numbering"),
    _WML + "header+xml": PartKind(WML, _W + "hdr"),
    _WML + "footer+xml": PartKind(WML, _W + "ftr"),
    _WML + "footnotes+xml": PartKind(WML, _W + "footnotes"),
    _WML + "endnotes+xml": PartKind(WML, _W + "endnotes"),
    _WML + "comments+xml": PartKind(WML, _W + "comments"),
    _WML + "settings+xml": PartKind(WML, _W + "settings"),
    _WML + "fontTable+xml": PartKind(WML, _W + "fonts"),
    _WML + "webSettings+xml": PartKind(WML, _W + "webSettings"),
    _OFFICE + "theme+xml": PartKind(
        DML, "{http://schemas.openxmlformats.org/drawingml/2006/main}theme"),
    _OFFICE + "drawingml.chart+xml": PartKind(
        "dml-chart.xsd", "{http://schemas.openxmlformats.org/drawingml/2006/chart}chartSpace"),
    _OFFICE + "extended-properties+xml": PartKind(
        "shared-documentPropertiesExtended.xsd",
        "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Properties"),
    _OFFICE + "custom-properties+xml": PartKind(
        "shared-documentPropertiesCustom.xsd",
        "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}Properties"),
    _PACKAGE + "core-properties+xml": PartKind(
        "opc-xsd/opc-coreProperties.xsd",
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
        "coreProperties"),
    _RELS_TYPE: PartKind(
        "opc-xsd/opc-relationships.xsd",
        "{http://schemas.openxmlformats.org/package/2006/relationships}Relationships"),
}
CONTENT_TYPES_KIND = PartKind("opc-xsd/opc-contentTypes.xsd", f"{{{CT_NS}}}Types")


@dataclass(frozen=True)
class SchemaSet:
    """The schemas of one folder, loaded once, and the schema files it holds."""

    folder: str
    schema: etree.XMLSchema
    files: frozenset[str]


def schema_folder(option: Path | None, *, skip: bool = False) -> Path | None:
    """The folder given with --schemas, else $PLANGEN_SCHEMAS, else the bundled schemas;
    None when the XSD check is turned off (--no-schemas)."""
    if skip:
        return None
    if option is not None:
        return option
    found = os.environ.get(SCHEMAS_ENV)
    return Path(found) if found else BUNDLED_SCHEMAS


def load_schema(folder: Path) -> SchemaSet:
    """The schemas of `folder`, loaded once; UsageError when wml.xsd is missing or a schema
    cannot be read."""
    base = folder.resolve()
    stamps = []
    for name in SCHEMA_FILES:  # a folder whose files changed is loaded again
        try:
            stamps.append((name, (base / name).stat().st_mtime_ns))
        except OSError:
            continue
    return _load(str(base), tuple(stamps))


SCHEMA_FILES = tuple(sorted({kind.schema_file for kind in PART_KINDS.values()}
                            | {CONTENT_TYPES_KIND.schema_file}))


@lru_cache(maxsize=4)
def _load(folder: str, stamps: tuple[tuple[str, int], ...]) -> SchemaSet:
    base = Path(folder)
    files = frozenset(name for name, _ in stamps)
    if WML not in files:
        raise UsageError("check_schemas_missing", path=folder)
    imports = "".join(f'<xs:import namespace="{_target_namespace(base / name)}" '
                      f'schemaLocation="{(base / name).as_uri()}"/>' for name in sorted(files))
    wrapper = ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
               f'targetNamespace="urn:plangen:all-schemas">{imports}</xs:schema>')
    try:
        root = etree.fromstring(wrapper.encode(), base_url=(base / "plangen-all.xsd").as_uri())
        return SchemaSet(folder, etree.XMLSchema(root), files)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as exc:
        raise UsageError("check_schemas_bad", path=folder, detail=str(exc)) from exc


def _target_namespace(path: Path) -> str:
    try:
        for _, element in etree.iterparse(str(path), events=("start",)):
            return str(element.get("targetNamespace", ""))
    except (etree.XMLSyntaxError, OSError) as exc:
        raise UsageError("check_schemas_bad", path=str(path.parent), detail=str(exc)) from exc
    return ""


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
        namespace = etree.QName(element).namespace
        if namespace and not _standard(namespace):  # an element in no namespace is an error
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for name in list(element.attrib):
            attr_ns = etree.QName(name).namespace
            if attr_ns == MC_NS or (attr_ns and not _standard(attr_ns)):
                del element.attrib[name]
    etree.cleanup_namespaces(root)
    return root


def _standard(namespace: str) -> bool:
    return namespace.startswith(OOXML_PREFIX) or namespace in KEPT_NAMESPACES


def content_types(package: Package) -> dict[str, str]:
    """Every part's content type, from `[Content_Types].xml` (overrides, then defaults)."""
    root = package.xml(CONTENT_TYPES)
    if root is None:
        return {}
    defaults = {el.get("Extension", "").lower(): el.get("ContentType", "")
                for el in root.iter(f"{{{CT_NS}}}Default")}
    overrides = {el.get("PartName", "").lstrip("/").lower(): el.get("ContentType", "")
                 for el in root.iter(f"{{{CT_NS}}}Override")}
    out = {}
    for name in package.parts:
        if name == CONTENT_TYPES:
            continue
        extension = posixpath.basename(name).rpartition(".")[2].lower()
        kind = overrides.get(name.lower()) or defaults.get(extension)
        if kind:
            out[name] = kind
    return out


def validated_parts(package: Package, files: frozenset[str] | None = None) -> dict[str, PartKind]:
    """The parts a schema describes (whose schema file is in `files`, default all), by name."""
    found = {name: PART_KINDS[kind] for name, kind in content_types(package).items()
             if kind in PART_KINDS}
    if CONTENT_TYPES in package.parts:
        found[CONTENT_TYPES] = CONTENT_TYPES_KIND
    return {name: kind for name, kind in sorted(found.items())
            if files is None or kind.schema_file in files}


def schema_findings(package: Package, schemas: SchemaSet) -> list[Finding]:
    """Every schema violation in the validated parts (part, line, message)."""
    found = []
    for name, kind in validated_parts(package, schemas.files).items():
        root = package.xml(name)
        if root is None:
            continue  # missing or not well formed: the xml check reports it
        if root.tag != kind.root:
            found.append(Finding("check_schema_root", {
                "part": name, "found": _prefixed(root.tag), "expected": _prefixed(kind.root)}))
            continue
        if not schemas.schema.validate(strip_extensions(root)):
            found += [Finding("check_schema_error", {"part": name, "line": error.line,
                                                     "detail": _readable(error)})
                      for error in schemas.schema.error_log]
    return found


# the usual prefixes, so "{http://schemas…/main}tbl" reads "w:tbl"
PREFIXES = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
            "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "ep",
            "http://purl.org/dc/elements/1.1/": "dc", "http://purl.org/dc/terms/": "dcterms",
            CT_NS: "ct", "http://schemas.openxmlformats.org/package/2006/relationships": "rel"}


def _readable(error: etree._LogEntry) -> str:
    """The validator's message with short prefixes and where the element is (its XPath)."""
    text = str(error.message)
    for namespace, prefix in PREFIXES.items():
        text = text.replace(f"{{{namespace}}}", f"{prefix}:")
    where = str(error.path or "")
    return f"{where}: {text}" if where else text


def _prefixed(tag: str) -> str:
    return str(etree.QName(tag).localname)


def schema_result(package: Package, folder: Path) -> CheckResult:
    """The "schema" check: pass when every validated part is valid."""
    schemas = load_schema(folder)
    found = schema_findings(package, schemas)
    title, rule = "check_title_schema", "ISO/IEC 29500"
    if found:
        return fail("schema", title, rule, found[:MAX_ERRORS])
    return passed("schema", title, rule, Finding(
        "check_ok_schema", {"count": len(validated_parts(package, schemas.files))}))
