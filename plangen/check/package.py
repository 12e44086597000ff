"""Package integrity of any .docx: the zip, content types, relationships, XML and unique ids.

A .docx is a zip of XML parts tied together by `[Content_Types].xml` and `*.rels` files (OPC,
ISO/IEC 29500-2). `open_package` reads the zip defensively (bounded sizes, no DTDs, no entity
expansion, no network) and `integrity_results` says, one named check at a time, whether the
parts that the package promises are there and readable. The parsed parts are kept for the
formatting reader, so each part is parsed once.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree

from plangen.activecontent import find_active_content
from plangen.check.result import CheckResult, Finding, Term, passed, skipped
from plangen.files import InputTooLarge, read_member

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
OFFICE_DOCUMENT = R_NS + "/officeDocument"
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
MAX_PART_BYTES = 64 * 1024 * 1024  # a 300-page plan's document.xml is a few MB
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_PARTS = 10_000
MAX_FINDINGS = 20
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_blank_text=False)
# r:id, r:embed, r:link …: every attribute in this namespace names a relationship
_R_ATTRIBUTES = etree.XPath(f"//@*[namespace-uri() = '{R_NS}']")
_R_NS_BYTES = R_NS.encode()


class _Memo(dict[Any, Any]):
    """A bounded memo that forgets the entry used longest ago: a batch's per-plan parts
    (document.xml's ids, core.xml) come and go while the template's stay."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def recall(self, key: Any) -> Any:
        """The value for `key` (now the most recently used), or None."""
        value = self.pop(key, None)
        if value is not None:
            self[key] = value
        return value

    def keep(self, key: Any, value: Any) -> None:
        """Remember `value` for `key`, forgetting the oldest entry when full."""
        if len(self) >= self.limit:
            del self[next(iter(self))]
        self[key] = value


# Parsed parts shared between packages: a batch writes thousands of files whose styles, theme
# and settings are the same bytes. Trees are only read, never changed.
_SHARED_LIMIT = 64
_SHARED = _Memo(_SHARED_LIMIT)  # parsed roots, by a part's bytes
_ID_MEMO = _Memo(_SHARED_LIMIT)  # the r:… ids of a part, by its bytes
_STYLE_IDS = _Memo(_SHARED_LIMIT)  # the style ids of a styles part, by its bytes
_RELS_MEMO = _Memo(_SHARED_LIMIT)  # (source, bytes of its .rels) -> its relationships


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part: its type and where it points."""

    id: str
    type: str
    target: str  # a part name for internal targets, the raw target for external ones
    external: bool


@dataclass
class Package:
    """The parts of a .docx, their parsed XML and relationships, read once."""

    parts: dict[str, bytes] = field(default_factory=dict)
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    _trees: dict[str, etree._Element | None] = field(default_factory=dict)
    _rels: dict[str, dict[str, Relationship]] = field(default_factory=dict)

    def xml(self, name: str) -> etree._Element | None:
        """The parsed part `name`, or None when it is missing or not well formed."""
        if name not in self._trees:
            self._trees[name] = self._parse(name)
        return self._trees[name]

    def adopt(self, name: str, root: etree._Element) -> None:
        """Use `root`, parsed from exactly the bytes of part `name`, instead of parsing them."""
        self._trees[name] = root

    def _parse(self, name: str) -> etree._Element | None:
        data = self.parts.get(name)
        if data is None:
            return None
        shared = _SHARED.recall(data)
        if shared is not None:
            return shared
        try:
            tree = etree.parse(io.BytesIO(data), _PARSER)
        except etree.XMLSyntaxError as exc:
            self.note("xml", Finding("check_xml_broken", {"part": name, "detail": _short(exc)}))
            return None
        if tree.docinfo.doctype:  # OPC (ISO/IEC 29500-2 §8.1.4) forbids DTDs
            self.note("xml", Finding("check_xml_dtd", {"part": name}))
            return None
        if not name.endswith(("document.xml", "document2.xml")):
            _SHARED.keep(data, tree.getroot())
        return tree.getroot()

    def note(self, check: str, finding: Finding) -> None:
        self.findings.setdefault(check, []).append(finding)

    def rels(self, source: str) -> dict[str, Relationship]:
        """The relationships of part `source` ("" for the package), by id."""
        if source not in self._rels:
            self._rels[source] = self._read_rels(source)
        return self._rels[source]

    def _read_rels(self, source: str) -> dict[str, Relationship]:
        data = self.parts.get(rels_name(source))
        key = (source, data or b"")
        known = _RELS_MEMO.recall(key)
        if known is not None:
            return known  # type: ignore[no-any-return]
        root = self.xml(rels_name(source))
        out: dict[str, Relationship] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            rel_id, target = rel.get("Id", ""), rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            name = target if external else resolve_target(source, target)
            out.setdefault(rel_id, Relationship(rel_id, rel.get("Type", ""), name, external))
        _RELS_MEMO.keep(key, out)  # read-only from here on: shared by packages with these bytes
        return out

    def main_part(self) -> str | None:
        """The main document part named by the package relationships."""
        for rel in self.rels("").values():
            if rel.type in (OFFICE_DOCUMENT, STRICT_OFFICE_DOCUMENT) and not rel.external:
                return rel.target
        return None

    def related(self, source: str, kind: str) -> str | None:
        """The first internal part `source` relates to with a type ending in "/`kind`"."""
        for rel in self.rels(source).values():
            if rel.type.endswith("/" + kind) and not rel.external and rel.target in self.parts:
                return rel.target
        return None


@lru_cache(maxsize=1024)
def rels_name(source: str) -> str:
    """ "word/document.xml" -> "word/_rels/document.xml.rels"; "" -> "_rels/.rels"."""
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def resolve_target(source: str, target: str) -> str:
    """A relationship target as a part name, relative to the folder of `source`."""
    target = target.split("#", 1)[0]
    if target.startswith("/"):
        joined = target[1:]
    else:
        joined = posixpath.join(posixpath.dirname(source), target)
    return posixpath.normpath(joined).lstrip("/") if joined else joined


def _short(exc: Exception, limit: int = 160) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---- reading the zip ----------------------------------------------------------------------


def open_package(data: bytes) -> Package:
    """Read every part of the zip in `data`; problems are noted under the "zip" check."""
    package = Package()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        package.note("zip", Finding("check_zip_broken", {"detail": _short(exc)}))
        return package
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        if len(infos) > MAX_PARTS:
            package.note("zip", Finding("check_zip_too_big", {"detail": f"{len(infos)} parts"}))
            return package
        total = sum(info.file_size for info in infos)
        if total > MAX_TOTAL_BYTES:
            package.note("zip", Finding("check_zip_too_big", {"detail": f"{total} bytes"}))
            return package
        for name, count in Counter(info.filename for info in infos).items():
            if count > 1:
                package.note("zip", Finding("check_zip_duplicate", {"part": name}))
        for info in infos:
            _read_entry(archive, info, package)
    return package


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, package: Package) -> None:
    if info.file_size > MAX_PART_BYTES:
        package.note("zip", Finding("check_zip_too_big", {"detail": info.filename}))
        return
    try:
        package.parts.setdefault(info.filename, read_member(archive, info, MAX_PART_BYTES))
    except InputTooLarge:
        package.note("zip", Finding("check_zip_too_big", {"detail": info.filename}))
    except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, OSError,
            ValueError, EOFError) as exc:  # bad CRC or data, encrypted, unknown compression
        package.note("zip", Finding("check_zip_entry", {"part": info.filename,
                                                        "detail": _short(exc)}))


# ---- the checks ---------------------------------------------------------------------------

PACKAGE_CHECKS = (
    ("package.zip", "zip", "check_title_zip"),
    ("package.content-types", "content-types", "check_title_content_types"),
    ("package.relationships", "relationships", "check_title_relationships"),
    ("package.xml", "xml", "check_title_xml"),
    ("package.unique-ids", "unique-ids", "check_title_unique_ids"),
    ("package.word", "word", "check_title_word"),
    ("package.active-content", "active-content", "check_title_active_content"),
)
MAIN_TYPES = tuple(f"application/vnd.{kind}.main+xml" for kind in (
    "openxmlformats-officedocument.wordprocessingml.document",
    "openxmlformats-officedocument.wordprocessingml.template",
    "ms-word.document.macroEnabled", "ms-word.template.macroEnabledTemplate"))


def integrity_results(package: Package) -> list[CheckResult]:
    """One result per package check, in order; later checks skip when the zip is unreadable."""
    if "zip" in package.findings and not package.parts:
        first = CheckResult("package.zip", "check_title_zip", "OPC", "fail",
                            tuple(package.findings["zip"][:MAX_FINDINGS]))
        rest = [skipped(check_id, title, "OPC", Finding("check_skip_broken_zip"))
                for check_id, _, title in PACKAGE_CHECKS[1:]]
        return [first, *rest]
    _check_content_types(package)
    _check_relationships(package)
    for name in package.parts:
        if name.endswith((".xml", ".rels")):
            package.xml(name)
    _check_unique_ids(package)
    _check_word(package)
    _check_active_content(package)
    results = []
    for check_id, key, title in PACKAGE_CHECKS:
        found = package.findings.get(key, [])
        if found:
            results.append(CheckResult(check_id, title, "OPC", "fail",
                                       tuple(found[:MAX_FINDINGS])))
        else:
            ok = Finding(f"check_ok_{key.replace('-', '_')}", {"count": len(package.parts)})
            results.append(passed(check_id, title, "OPC", ok))
    return results


def _check_content_types(package: Package) -> None:
    root = package.xml(CONTENT_TYPES)
    if root is None:
        if CONTENT_TYPES not in package.parts:
            package.note("content-types", Finding("check_part_missing", {"part": CONTENT_TYPES}))
        return
    defaults = {el.get("Extension", "").lower() for el in root.iter(f"{{{CT_NS}}}Default")}
    overrides = {el.get("PartName", "").lstrip("/").lower(): el.get("PartName", "")
                 for el in root.iter(f"{{{CT_NS}}}Override")}
    present = {name.lower() for name in package.parts}
    for lowered, shown in overrides.items():
        if lowered not in present:
            package.note("content-types", Finding("check_override_missing", {"part": shown}))
    for name in package.parts:
        if name == CONTENT_TYPES:
            continue
        base = name.rpartition("/")[2]  # posixpath.basename, without its overhead
        extension = base.rsplit(".", 1)[1].lower() if "." in base else ""
        if name.lower() not in overrides and extension not in defaults:
            package.note("content-types", Finding("check_no_content_type", {"part": name}))


def _check_relationships(package: Package) -> None:
    if PACKAGE_RELS not in package.parts:
        package.note("relationships", Finding("check_part_missing", {"part": PACKAGE_RELS}))
        return
    for rels_part in [name for name in package.parts if name.endswith(".rels")]:
        source = _source_of(rels_part)
        if source and source not in package.parts:
            package.note("relationships", Finding("check_rels_orphan", {"part": rels_part}))
        root = package.xml(rels_part)
        if root is None:
            continue
        ids = Counter(rel.get("Id", "") for rel in root.iter(f"{{{REL_NS}}}Relationship"))
        for rel_id, count in ids.items():
            if count > 1:
                package.note("relationships", Finding("check_duplicate_rel_id",
                                                      {"part": rels_part, "id": rel_id}))
        for rel in package.rels(source).values():
            if not rel.external and rel.target not in package.parts:
                package.note("relationships", Finding("check_rel_target_missing", {
                    "part": rels_part, "id": rel.id, "target": rel.target}))
    for name in list(package.parts):
        if name.endswith(".xml") and name != CONTENT_TYPES:
            _check_references(package, name)


def _check_word(package: Package) -> None:
    """The main part is a WordprocessingML document with a body (not a workbook or a
    presentation renamed .docx)."""
    main = package.main_part()
    if main is None or main not in package.parts:
        package.note("word", Finding("check_no_main_document",
                                     {"part": main or "word/document.xml"}))
        return
    types = package.xml(CONTENT_TYPES)
    kind = next((el.get("ContentType", "") for el in types.iter(f"{{{CT_NS}}}Override")
                 if el.get("PartName", "").lstrip("/") == main), "") if types is not None else ""
    root = package.xml(main)  # None: not well formed, which the xml check reports
    if kind not in MAIN_TYPES or (root is not None and root.find(f"{{{W_NS}}}body") is None):
        package.note("word", Finding("check_not_word", {"part": main, "type": kind or "?"}))


def _check_active_content(package: Package) -> None:
    """Macros, links that make Word or LibreOffice fetch content (hyperlinks aside), OLE and
    ActiveX objects, fields pulling content in: each is a finding naming its part."""
    for item in find_active_content(package.parts):
        params = {"part": item.part, "what": item.what, "target": item.target or "?"}
        package.note("active-content", Finding(f"check_active_{item.kind}", params))


@lru_cache(maxsize=1024)
def _source_of(rels_part: str) -> str:
    folder, base = posixpath.split(rels_part)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")]).lstrip("/")


def _check_references(package: Package, name: str) -> None:
    """Every r:id (r:embed, r:link …) in part `name` names one of its relationships."""
    data = package.parts.get(name, b"")
    if _R_NS_BYTES not in data:
        return
    root = package.xml(name)
    if root is None:
        return
    known = package.rels(name)
    ids = _ID_MEMO.recall(data)
    if ids is None:
        ids = _relationship_ids(root, data)
        _ID_MEMO.keep(data, ids)
    for value in ids:
        if value not in known:
            package.note("relationships", Finding("check_rel_id_unknown",
                                                  {"part": name, "id": str(value)}))


def _relationship_ids(root: etree._Element, data: bytes) -> list[str]:
    """The values of r:id, r:embed, r:link … in a part. When the namespace has its usual
    single prefix on the root, the raw bytes are scanned (five times faster than walking the
    tree, which matters for a batch); otherwise every attribute is looked at."""
    prefixes = [prefix for prefix, uri in root.nsmap.items() if uri == R_NS and prefix]
    declared = data.count(_R_NS_BYTES)
    if len(prefixes) == 1 and declared == 1:
        return [(match.group(1) or match.group(2) or b"").decode("utf-8", "replace")
                for match in _prefixed_attributes(data, prefixes[0].encode())
                if data.rfind(b"<", 0, match.start()) > data.rfind(b">", 0, match.start())]
    return [str(value) for value in _R_ATTRIBUTES(root)]


@lru_cache(maxsize=16)
def _attribute_pattern(prefix: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"\s" + re.escape(prefix)
                      + rb""":[A-Za-z]+\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _prefixed_attributes(data: bytes, prefix: bytes) -> Iterator[re.Match[bytes]]:
    """What `_attribute_pattern(prefix).finditer(data)` finds, found faster: a match starts
    one byte before an occurrence of "prefix:", so only those places are tried (the regex
    engine would try every byte of the part)."""
    pattern, needle = _attribute_pattern(prefix), prefix + b":"
    position = 0  # where finditer would go on searching
    found = data.find(needle, position + 1)
    while found != -1:
        match = pattern.match(data, found - 1)
        if match is not None:
            yield match
            position = match.end()
            found = data.find(needle, position + 1)
        else:
            found = data.find(needle, found + 1)


def _check_unique_ids(package: Package) -> None:
    styles = [name for name in package.parts if name.endswith("styles.xml")]
    for name in styles:
        ids = _STYLE_IDS.recall(package.parts[name])
        if ids is None:
            ids = list(_attr_values(package.xml(name), "style", "styleId"))
            _STYLE_IDS.keep(package.parts[name], ids)
        _note_duplicates(package, name, iter(ids), Term("check_term_style_id"))
    numbering = [name for name in package.parts if name.endswith("numbering.xml")]
    for name in numbering:
        root = package.xml(name)
        _note_duplicates(package, name, _attr_values(root, "abstractNum", "abstractNumId"),
                         Term("check_term_abstract_num"))
        _note_duplicates(package, name, _attr_values(root, "num", "numId"),
                         Term("check_term_num_id"))
    drawings: list[str] = []
    for name in sorted(package.parts):
        if not name.startswith("word/") or not name.endswith(".xml"):
            continue
        root = package.xml(name) if b"docPr" in package.parts[name] or \
            b"bookmarkStart" in package.parts[name] else None
        if root is None:
            continue
        drawings += [el.get("id", "") for el in root.iter(f"{{{WP_NS}}}docPr")]
        _note_duplicates(package, name, _attr_values(root, "bookmarkStart", "id"),
                         Term("check_term_bookmark"))
    _note_duplicates(package, "word/", iter(drawings), Term("check_term_drawing"))


def _attr_values(root: etree._Element | None, tag: str, attr: str) -> Iterator[str]:
    if root is None:
        return iter(())
    return (el.get(f"{{{W_NS}}}{attr}", "") for el in root.iter(f"{{{W_NS}}}{tag}"))


def _note_duplicates(package: Package, part: str, values: Iterator[str], what: Term) -> None:
    for value, count in Counter(values).items():
        if count > 1:
            package.note("unique-ids", Finding("check_duplicate_id", {
                "part": part, "what": what, "id": value, "count": count}))

