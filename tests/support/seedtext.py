"""The seed plans committed as fixtures, and the text of a .docx as the seeds hold it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml.etree import _Element

ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = ROOT / "tests" / "data" / "seeds"
PAIRS = [
    ("000_90d6a1797ac0299c.txt", "dak-lak.yaml"),
    ("002_57114fa7a79b951e.txt", "hue.yaml"),
    ("003_2928dc4b0ab9ac3c.txt", "an-giang.yaml"),
]


def seed_text(path: Path) -> str:
    """The seed's text without table rows repeated verbatim: a header row that the page break
    repeated (seed 003) is printed once per page by Word, but it is one row of the table."""
    seen: set[str] = set()
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line and line in seen:
            continue
        seen.add(line)
        lines.append(line)
    return "\n".join(lines)


def block_texts(container: _Element) -> Iterator[str]:
    """Text of paragraphs and table cells under `container`, in document order."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, None).text
        elif child.tag == qn("w:tbl"):
            for row in child.iterchildren(qn("w:tr")):
                for cell in row.iterchildren(qn("w:tc")):
                    yield from block_texts(cell)
        elif child.tag == qn("w:sdt"):
            yield from block_texts(child.find(qn("w:sdtContent")))


def document_text(docx_bytes: bytes) -> str:
    body = Document(io.BytesIO(docx_bytes)).element.body
    return "\n".join(block_texts(body))
