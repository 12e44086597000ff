"""The grid of a table as its markup sets it: the widths of its grid columns, its indent and
alignment, each row's set height, and the grid columns each cell spans (w:gridBefore,
w:gridSpan). What check_geometry needs to tell where a cell sits across the page, and the
horizontal-lines rule to find the cell under another one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from plangen.check.styles import W, to_int
from plangen.wordml import row_cells

_TBLPR, _TBLGRID, _GRIDCOL = W + "tblPr", W + "tblGrid", W + "gridCol"
_TRPR, _TCPR = W + "trPr", W + "tcPr"


@dataclass(frozen=True)
class Grid:
    """A table's grid: column widths (twips), indent from the margin, alignment, and the
    height each row sets (row number -> (twips, "exact" or "atLeast"))."""

    widths: tuple[int, ...]
    indent: int = 0
    align: str = "left"
    heights: dict[int, tuple[int, str]] = field(default_factory=dict)


def table_grid(tbl: etree._Element, rows: list[etree._Element]) -> Grid:
    """The grid of table `tbl` whose rows are `rows`."""
    grid = tbl.find(_TBLGRID)
    widths = tuple(max(0, to_int(col.get(W + "w"))) for col in grid.iterchildren(_GRIDCOL)) \
        if grid is not None else ()
    props = tbl.find(_TBLPR)
    indent, align = 0, "left"
    if props is not None:
        ind = props.find(W + "tblInd")
        if ind is not None and (ind.get(W + "type") or "dxa") == "dxa":
            indent = to_int(ind.get(W + "w"))
        jc = props.find(W + "jc")
        if jc is not None:
            align = {"start": "left", "end": "right"}.get(jc.get(W + "val") or "",
                                                          jc.get(W + "val") or "left")
    heights = {}
    for number, tr in enumerate(rows, start=1):
        height = tr.find(f"{_TRPR}/{W}trHeight")
        if height is not None and to_int(height.get(W + "val")) > 0:
            heights[number] = (to_int(height.get(W + "val")), height.get(W + "hRule") or
                               "atLeast")
    if not widths:  # no grid: the first row's cell widths
        widths = tuple(_cell_width(tc) for tc in row_cells(rows[0])) if rows else ()
    return Grid(widths, indent, align, heights)


def _cell_width(tc: etree._Element) -> int:
    width = tc.find(f"{_TCPR}/{W}tcW")
    if width is None or (width.get(W + "type") or "dxa") != "dxa":
        return 0
    return max(0, to_int(width.get(W + "w")))


def cell_columns(tr: etree._Element) -> list[tuple[int, int]]:
    """The grid columns each cell of row `tr` spans: (first, one past the last)."""
    before = tr.find(f"{_TRPR}/{W}gridBefore")
    start = max(0, to_int(before.get(W + "val"))) if before is not None else 0
    out = []
    for tc in row_cells(tr):
        span = tc.find(f"{_TCPR}/{W}gridSpan")
        width = max(1, to_int(span.get(W + "val"))) if span is not None else 1
        out.append((start, start + width))
        start += width
    return out
