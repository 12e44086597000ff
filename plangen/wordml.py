"""Reading WordprocessingML tables the way Word shows them, shared by `check` and `extract`.

Rows and cells may sit inside content controls (w:sdt), custom XML (w:customXml) or tracked
insertions (w:ins, w:moveTo); Word shows them as ordinary rows and cells, so both the checker
and the importer walk through those wrappers. Imports no stage.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
BLOCK_WRAPPERS = frozenset(W + tag for tag in ("sdt", "sdtContent", "customXml", "ins",
                                               "moveTo"))
_TR, _TC = W + "tr", W + "tc"


def table_rows(table: etree._Element) -> Iterator[etree._Element]:
    """The w:tr rows of `table` in order, looking through wrappers."""
    yield from _children(table, _TR)


def row_cells(row: etree._Element) -> Iterator[etree._Element]:
    """The w:tc cells of `row` in order, looking through wrappers."""
    yield from _children(row, _TC)


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    for child in parent:
        found = child.tag  # lxml builds the string at each reading
        if found == tag:
            yield child
        elif found in BLOCK_WRAPPERS:
            yield from _children(child, tag)
