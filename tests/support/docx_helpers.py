"""Reading rendered .docx files back in tests: parts, effective formatting, schema validation.

Schema validation and effective formatting are plangen's own (check_schema, check_styles), the
code `plangen check` runs: validation follows plangen/check/xsd/README.md (the schemas loaded
once, Word's extensions removed, every part a schema describes validated).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.text.paragraph import Paragraph
from lxml import etree

from plangen.check.format import table_context
from plangen.check.package import open_package
from plangen.check.report import finding_text
from plangen.check.schema import SchemaSet, load_schema, schema_findings, validated_parts
from plangen.check.styles import ParaLook, Resolver, RunLook, StyleSheet

XSD_DIR = Path(__file__).resolve().parents[2] / "plangen" / "check" / "xsd"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
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


# what becomes of one zip member: its new bytes, a function of its old bytes, or None: dropped
MemberEdit = bytes | Callable[[bytes], bytes] | None


def rezipped(source: bytes | Path, edits: Mapping[str, MemberEdit] | None = None,
             added: Mapping[str, bytes] | None = None, *, compression: int | None = None,
             level: int | None = None) -> bytes:
    """The zip `source` (bytes or a file) with the members named in `edits` replaced, changed
    or dropped, and `added` appended. Every member keeps its place, date and compression,
    unless `compression` (and `level`) is given for all of them."""
    edits, added = edits or {}, added or {}
    unknown = set(edits) - set(zip_names(source))
    assert not unknown, f"no such member: {sorted(unknown)}"
    out = io.BytesIO()
    opened = io.BytesIO(source) if isinstance(source, bytes) else source
    with zipfile.ZipFile(opened) as old, zipfile.ZipFile(
            out, "w", compression if compression is not None else zipfile.ZIP_STORED,
            compresslevel=level) as new:
        for info in old.infolist():
            content = old.read(info)
            if info.filename in edits:
                edit = edits[info.filename]
                if edit is None:
                    continue
                content = edit(content) if callable(edit) else edit
            new.writestr(info if compression is None else info.filename, content)
        for name, content in added.items():
            new.writestr(name, content)
    return out.getvalue()


def zip_names(source: bytes | Path) -> list[str]:
    """The member names of the zip `source`, in order."""
    with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as archive:
        return archive.namelist()


def with_part(data: bytes, name: str, content: bytes) -> bytes:
    """The .docx `data` with part `name` replaced by `content`, every other member as it was."""
    return rezipped(data, {name: content})


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


# ---- schema validation (plangen's own check, as `plangen check --schemas` runs it) -------


def wml_schema() -> SchemaSet:
    """The bundled schemas, loaded once per test session."""
    return load_schema(XSD_DIR)


def schema_errors(data: bytes) -> list[str]:
    """Every schema violation, and every part that is not even well formed, as text."""
    package = open_package(data)
    found = schema_findings(package, wml_schema())
    if not any(kind.schema_file == "wml.xsd" for kind in validated_parts(package).values()):
        return ["no WordprocessingML part to validate"]
    found += [*package.findings.get("zip", []), *package.findings.get("xml", [])]
    return [finding_text(finding, "en") for finding in found]


def assert_schema_valid(data: bytes) -> None:
    """Fail with every violation listed when the .docx is not schema-valid."""
    errors = schema_errors(data)
    assert not errors, "\n".join(errors[:20])


# ---- effective formatting (plangen's resolver, as `plangen check` reads documents) -------


@dataclass(frozen=True)
class Look:
    """How a paragraph's text looks once styles are applied."""

    size: float | None
    bold: bool
    italic: bool
    align: str | None


_RESOLVERS: dict[int, tuple[Document, Resolver]] = {}


def _resolver(doc: Document) -> Resolver:
    known = _RESOLVERS.get(id(doc))
    if known is None or known[0] is not doc:
        known = (doc, Resolver(StyleSheet(doc.styles.element)))
        _RESOLVERS[id(doc)] = known
    return known[1]


def _resolved(doc: Document, paragraph: Paragraph) -> tuple[ParaLook, RunLook]:
    p = paragraph._p
    para_look, inherited, _ = _resolver(doc).paragraph(p, table_context(p))
    run = next((r for r in p.iter(w("r")) if text_of(r)), etree.Element(w("r")))
    return para_look, _resolver(doc).run(run, inherited, text_of(run))


def look(doc: Document, paragraph: Paragraph) -> Look:
    """Size, bold, italic (of the first run with text) and alignment, styles applied."""
    para_look, run = _resolved(doc, paragraph)
    return Look(run.size, run.bold, run.italic, para_look.align)


def paragraph_property(doc: Document, paragraph: Paragraph, tag: str,
                       attr: str) -> str | None:
    """An effective w:pPr/w:`tag`/@w:`attr` value (ind firstLine, spacing before, after,
    line, lineRule), as text."""
    para_look, _ = _resolved(doc, paragraph)
    values = {("ind", "firstLine"): para_look.first_line, ("spacing", "before"): para_look.before,
              ("spacing", "after"): para_look.after, ("spacing", "line"): para_look.line,
              ("spacing", "lineRule"): para_look.line_rule}
    value = values[(tag, attr)]
    return None if value is None else str(value)


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
