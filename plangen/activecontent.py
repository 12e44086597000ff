"""What in a Word package makes Word or LibreOffice fetch, run or embed something.

A .docx may carry, besides its text: macros (a `vbaProject.bin`, a macro-enabled content type:
a .docm renamed .docx), relationships to targets outside the package (`TargetMode="External"`:
a linked picture, an attached template on a server, a linked sub-document or frame, a linked
OLE object) and OLE or ActiveX objects (`w:object`, `o:OLEObject`, `w:control`, parts under
`word/embeddings/` or `word/activeX/`), and fields that pull content in when they are updated
(INCLUDEPICTURE, INCLUDETEXT, LINK, DDE, DDEAUTO, IMPORT). `find_active_content` lists them;
the renderer refuses such a template (it would pass them into every plan) and the checker
reports them in any document. A hyperlink to a web page is plain text with an address: it is
fetched only when a reader clicks it, so it is not listed.

Shared: imports lxml only.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from lxml import etree

Kind = Literal["macro", "external", "embedded", "field"]
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CONTENT_TYPES = "[Content_Types].xml"
# relationship types that may point outside the package: only a hyperlink is inert
INERT_EXTERNAL = frozenset({"hyperlink"})
EMBEDDING_TYPES = frozenset({"oleObject", "package", "control", "activeXControlBinary"})
MACRO_TYPES = frozenset({"vbaProject", "wordVbaData", "keyMapCustomizations"})
EMBEDDING_FOLDERS = ("word/embeddings/", "word/activeX/")
MACRO_PART = re.compile(r"(?i)(^|/)(vbaProject\.bin|vbaData\.xml)$")
# w:object (an OLE object), o:OLEObject (its VML form), w:control (ActiveX)
EMBEDDING_ELEMENTS = re.compile(rb"<(?:[A-Za-z0-9]+:)?(?:object|OLEObject|control)[\s>/]")
FETCHING_FIELD = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT)\b",
                            re.IGNORECASE)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@dataclass(frozen=True)
class ActiveContent:
    """One thing that fetches, runs or embeds: its kind, the part it is in, what it is."""

    kind: Kind
    part: str
    what: str  # a relationship type's name, a content type, an element or a field name
    target: str = ""  # where an external relationship or a field points


def find_active_content(parts: Mapping[str, bytes]) -> list[ActiveContent]:
    """Every macro, external relationship (but hyperlinks), OLE/ActiveX object and fetching
    field in `parts` (part name -> bytes), in part order."""
    found: list[ActiveContent] = []
    found += _remembered(CONTENT_TYPES, parts.get(CONTENT_TYPES),
                         lambda _, __: _content_types(parts))
    for name in sorted(parts):
        data = parts[name]
        if MACRO_PART.search(name):
            found.append(ActiveContent("macro", name, posixpath.basename(name)))
        elif name.startswith(EMBEDDING_FOLDERS):
            found.append(ActiveContent("embedded", name, posixpath.basename(name)))
        elif name.endswith(".rels"):
            found += _remembered(name, data, _relationships)
        elif name.startswith("word/") and name.endswith(".xml"):
            found += _remembered(name, data, _word_part)
    return found


# What a part holds depends on its name and bytes only: a batch checks thousands of files
# whose parts, but document.xml and core.xml, are the template's bytes (each parsed here
# once, not once a plan). Bounded; the entry used longest ago goes first.
_MEMO: dict[tuple[str, bytes | None], tuple[ActiveContent, ...]] = {}
_MEMO_LIMIT = 64


def _remembered(name: str, data: bytes | None,
                find: Callable[[str, bytes], list[ActiveContent]]) -> tuple[ActiveContent, ...]:
    key = (name, data)
    known = _MEMO.pop(key, None)
    if known is None:
        known = tuple(find(name, data or b""))
        if len(_MEMO) >= _MEMO_LIMIT:
            del _MEMO[next(iter(_MEMO))]
    _MEMO[key] = known
    return known


def _word_part(name: str, data: bytes) -> list[ActiveContent]:
    return _embedded_elements(name, data) + _fields(name, data)


def _parse(data: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return None  # a broken part is the package check's finding, not this one's


def _content_types(parts: Mapping[str, bytes]) -> list[ActiveContent]:
    root = _parse(parts.get(CONTENT_TYPES, b"")) if CONTENT_TYPES in parts else None
    if root is None:
        return []
    out = []
    for element in root:
        kind = element.get("ContentType", "")
        if "macroenabled" in kind.lower() or "vbaproject" in kind.lower():
            where = element.get("PartName") or f"*.{element.get('Extension', '')}"
            out.append(ActiveContent("macro", CONTENT_TYPES, kind, where.lstrip("/")))
    return out


def _relationships(name: str, data: bytes) -> list[ActiveContent]:
    root = _parse(data)
    if root is None:
        return []
    out = []
    for rel in root.iter(f"{{{REL_NS}}}Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if kind in MACRO_TYPES:
            out.append(ActiveContent("macro", name, kind, target))
        elif rel.get("TargetMode") == "External" and kind not in INERT_EXTERNAL:
            out.append(ActiveContent("external", name, kind, target))
        elif kind in EMBEDDING_TYPES:
            out.append(ActiveContent("embedded", name, kind, target))
    return out


def _embedded_elements(name: str, data: bytes) -> list[ActiveContent]:
    if not EMBEDDING_ELEMENTS.search(data):
        return []
    root = _parse(data)
    if root is None:
        return []
    out = []
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        local = etree.QName(tag).localname if tag else ""
        namespace = etree.QName(tag).namespace if tag else ""
        if (local in ("object", "control") and namespace == W_NS) or local == "OLEObject":
            out.append(ActiveContent("embedded", name, local))
    return out


def _fields(name: str, data: bytes) -> list[ActiveContent]:
    if b"instr" not in data:
        return []
    root = _parse(data)
    if root is None:
        return []
    codes = [element.get(f"{{{W_NS}}}instr", "") for element in root.iter(f"{{{W_NS}}}fldSimple")]
    # a complex field's code may be split over several w:instrText runs: join each field's
    codes += _complex_field_codes(root)
    out = []
    for code in codes:
        match = FETCHING_FIELD.match(code)
        if match:
            words = code.split(None, 2)
            target = words[1].strip('"') if len(words) > 1 else ""
            out.append(ActiveContent("field", name, match.group(1).upper(), target))
    return out


def _complex_field_codes(root: etree._Element) -> list[str]:
    codes: list[str] = []
    current: list[str] | None = None
    for element in root.iter(f"{{{W_NS}}}fldChar", f"{{{W_NS}}}instrText"):
        if element.tag == f"{{{W_NS}}}instrText":
            if current is not None:
                current.append(element.text or "")
            continue
        kind = element.get(f"{{{W_NS}}}fldCharType")
        if kind == "begin":
            if current is not None:
                codes.append("".join(current))
            current = []
        elif kind in ("separate", "end") and current is not None:
            codes.append("".join(current))
            current = None
    return codes
