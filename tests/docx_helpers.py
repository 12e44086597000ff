"""Reading rendered .docx files back in tests: parts, effective formatting, schema validation.

Validation follows ../shared/ooxml-xsd/README.md: load wml.xsd once, drop markup-compatibility
extensions (mc:Ignorable, non-OOXML namespaces, keeping mc:Fallback), validate the word parts.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import docx
from docx.document import Document
from docx.text.paragraph import Paragraph
from lxml import etree

XSD_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "ooxml-xsd"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
OOXML_PREFIX = "http://schemas.openxmlformats.org/"
VALIDATED_PARTS = re.compile(r"word/(document|styles|numbering|header\d*|footer\d*)\.xml")
TWIPS_PER_MM = 1440 / 25.4


def w(tag: str) -> str:
    """ "jc" -> "{w namespace}jc"."""
    return f"{{{W_NS}}}{tag}"


def wval(element: etree._Element | None, attr: str = "val") -> str | None:
    """The w:`attr` of `element`, or None."""
    return None if element is None else element.get(w(attr))


# ---- parts -----------------------------------------------------------------------------


def parts(data: bytes) -> dict[str, bytes]:
    """Every file in the .docx zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def part_xml(data: bytes, name: str) -> etree._Element:
    """One XML part, parsed strictly."""
    return etree.fromstring(parts(data)[name])


def document_xml(data: bytes) -> etree._Element:
    return part_xml(data, "word/document.xml")


def open_docx(data: bytes) -> Document:
    """The .docx as python-docx reads it."""
    return docx.Document(io.BytesIO(data))


def text_of(element: etree._Element) -> str:
    """All w:t text inside `element`, a line break (w:br) read as a newline."""
    return "".join("\n" if node.tag == w("br") else node.text or ""
                   for node in element.iter(w("t"), w("br")))


# ---- schema validation -----------------------------------------------------------------


@cache
def wml_schema() -> etree.XMLSchema:
    """wml.xsd, loaded once per test session (it imports the rest)."""
    return etree.XMLSchema(etree.parse(str(XSD_DIR / "wml.xsd")))


def strip_extensions(root: etree._Element) -> etree._Element:
    """A copy of `root` without Word's non-standard markup (w14, mc:Ignorable …)."""
    root = etree.fromstring(etree.tostring(root))
    for alternate in list(root.iter(f"{{{MC_NS}}}AlternateContent")):
        fallback = alternate.find(f"{{{MC_NS}}}Fallback")
        parent = alternate.getparent()
        index = parent.index(alternate)
        for child in reversed(list(fallback if fallback is not None else [])):
            parent.insert(index, child)
        parent.remove(alternate)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if not etree.QName(element).namespace.startswith(OOXML_PREFIX):
            element.getparent().remove(element)
            continue
        for name in list(element.attrib):
            namespace = etree.QName(name).namespace
            if (namespace and namespace != XML_NS and not namespace.startswith(OOXML_PREFIX)) \
                    or namespace == MC_NS:
                del element.attrib[name]
    etree.cleanup_namespaces(root)
    return root


def schema_errors(data: bytes) -> list[str]:
    """Every schema violation in the validated parts, as "part: line: message"."""
    schema = wml_schema()
    errors = []
    for name, content in sorted(parts(data).items()):
        if not VALIDATED_PARTS.fullmatch(name):
            continue
        root = strip_extensions(etree.fromstring(content))
        if not schema.validate(root):
            errors += [f"{name}: {e.line}: {e.message}" for e in schema.error_log]
    return errors


def assert_schema_valid(data: bytes) -> None:
    """Fail with every violation listed when the .docx is not schema-valid."""
    errors = schema_errors(data)
    assert not errors, "\n".join(errors[:20])


# ---- effective formatting --------------------------------------------------------------


@dataclass(frozen=True)
class Look:
    """How a paragraph's text looks once styles are applied."""

    size: float | None
    bold: bool
    italic: bool
    align: str | None


def _toggle(rpr: etree._Element | None, tag: str) -> bool | None:
    found = None if rpr is None else rpr.find(w(tag))
    if found is None:
        return None
    return wval(found) not in ("0", "false", "off")


def _style_chain(doc: Document, style_id: str | None) -> list[etree._Element]:
    styles = doc.styles.element
    by_id = {s.get(w("styleId")): s for s in styles.iter(w("style"))}
    if style_id is None:
        style_id = next((s.get(w("styleId")) for s in by_id.values()
                         if s.get(w("default")) == "1" and s.get(w("type")) == "paragraph"),
                        None)
    chain = []
    while style_id in by_id and len(chain) < 20:
        style = by_id[style_id]
        chain.append(style)
        style_id = wval(style.find(w("basedOn")))
    return chain


def look(doc: Document, paragraph: Paragraph) -> Look:
    """Size, bold, italic (of the first run with text) and alignment, styles applied."""
    p = paragraph._p
    ppr = p.find(w("pPr"))
    style_id = wval(ppr.find(w("pStyle"))) if ppr is not None else None
    chain = _style_chain(doc, style_id)
    run = next((r for r in p.iter(w("r")) if text_of(r)), None)
    rprs = [run.find(w("rPr")) if run is not None else None,
            *(s.find(w("rPr")) for s in chain)]
    defaults = doc.styles.element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    rprs.append(defaults)
    size = next((int(wval(r.find(w("sz")))) / 2 for r in rprs
                 if r is not None and r.find(w("sz")) is not None), None)
    bold = next((b for b in (_toggle(r, "b") for r in rprs) if b is not None), False)
    italic = next((i for i in (_toggle(r, "i") for r in rprs) if i is not None), False)
    pprs = [ppr, *(s.find(w("pPr")) for s in chain)]
    align = next((wval(x.find(w("jc"))) for x in pprs
                  if x is not None and x.find(w("jc")) is not None), None)
    return Look(size, bold, italic, align)


def paragraph_property(doc: Document, paragraph: Paragraph, tag: str,
                       attr: str) -> str | None:
    """A w:pPr/w:`tag`/@w:`attr` value, direct or from the style chain."""
    p = paragraph._p
    ppr = p.find(w("pPr"))
    style_id = wval(ppr.find(w("pStyle"))) if ppr is not None else None
    for props in [ppr, *(s.find(w("pPr")) for s in _style_chain(doc, style_id))]:
        found = None if props is None else props.find(w(tag))
        if found is not None and found.get(w(attr)) is not None:
            return found.get(w(attr))
    return None


def body_paragraphs(doc: Document) -> list[Paragraph]:
    """The top-level body paragraphs that hold text."""
    return [p for p in doc.paragraphs if p.text.strip()]


def find_paragraph(doc: Document, startswith: str) -> Paragraph:
    """The first body paragraph whose text starts with `startswith`."""
    for paragraph in doc.paragraphs:
        if paragraph.text.startswith(startswith):
            return paragraph
    raise AssertionError(f"no paragraph starts with {startswith!r}")


def all_text(data: bytes) -> str:
    """The text of the whole document, paragraph by paragraph, one per line."""
    root = document_xml(data)
    return "\n".join(text_of(p) for p in root.iter(w("p")))
