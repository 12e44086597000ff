"""What a sheet shows that openpyxl's read-only values leave out: merged cells and formulas.

openpyxl's read-only mode (streamed, the fast one) gives each cell's stored value: a merged
range's value sits in its first cell only, and a formula's value is the one saved with it, none
when the file was written by a program that does not compute. The sheet's own XML tells both:
its merged ranges, so a value merged down a column reaches every row it covers (as Excel shows
it), and its formula cells that have no saved value, so they are said rather than read as empty.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from openpyxl.utils import column_index_from_string

MAX_SHEET_XML = 200 * 1024 * 1024  # unpacked; more is no locality table (nor read here)
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.DOTALL)
_VALUE = re.compile(rb"<(?:\w+:)?v\b[^>]*>[^<]+<|<(?:\w+:)?is\b")


def sheet_xml(raw: bytes, worksheet: object) -> bytes:
    """The XML of `worksheet` (a read-only sheet of the workbook `raw`); b"" when it cannot
    be had (then nothing beyond openpyxl's values is read)."""
    part = str(getattr(worksheet, "_worksheet_path", "") or "").lstrip("/")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            if not part or package.getinfo(part).file_size > MAX_SHEET_XML:
                return b""
            return package.read(part)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError):
        return b""


@dataclass(frozen=True)
class Merge:
    """A merged range of a sheet, by row and column numbers (from 1)."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    @property
    def across(self) -> bool:
        """Whether it spans more than one column."""
        return self.last_column > self.first_column

    def __str__(self) -> str:  # "C5:D5", as Excel names it
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(self.first_column)}{self.first_row}:" \
            f"{get_column_letter(self.last_column)}{self.last_row}"


def merges(xml: bytes) -> list[Merge]:
    """Every merged range of the sheet, in the order the sheet lists them."""
    return [Merge(int(first_row), column_index_from_string(first_col.decode()), int(last_row),
                  column_index_from_string(last_col.decode()))
            for first_col, first_row, last_col, last_row in _MERGE.findall(xml)]


def unsaved_formulas(xml: bytes) -> dict[tuple[int, int], str]:
    """(row, column) -> "=formula" for each formula cell saved without its value."""
    if b"<f" not in xml and b":f" not in xml:
        return {}
    found = {}
    for attributes, inner in _CELL.findall(xml):
        if not inner or _VALUE.search(inner):
            continue
        formula = _FORMULA.search(inner)
        ref = _REF.search(attributes)
        if formula is None or ref is None:
            continue
        text = (formula.group(1) or b"").decode("utf-8", "replace")
        found[(int(ref.group(2)), column_index_from_string(ref.group(1).decode()))] = \
            "=" + _unescape(text)
    return found


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') \
        .replace("&apos;", "'").replace("&amp;", "&")
