"""Writing small .xlsx files officers open in Excel: the batch index, blank locality tables.

Every cell is text (never a formula, whatever it starts with), the header is bold and frozen,
columns are as wide as their content, and the same rows give the same bytes: the workbook's
dates and the zip entries' times are fixed.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Sequence

FIXED_TIME = datetime.datetime(2025, 7, 1)  # the workbook's own dates: none of the run's
MAX_WIDTH, MIN_WIDTH = 60, 10  # a column to fill in stays wide enough to type in


def xlsx_bytes(header: Sequence[str], rows: Sequence[Sequence[object]],
               sheet: str = "Sheet1") -> bytes:
    """A one-sheet workbook of `header` and `rows`, every cell text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    page = book.active
    assert page is not None
    page.title = sheet[:31]
    widths = [len(str(name)) for name in header]
    lines: list[list[object]] = [list(header), *(list(row) for row in rows)]
    for row_number, values in enumerate(lines, start=1):
        for column, value in enumerate(values, start=1):
            text = "" if value is None else str(value)
            cell = page.cell(row=row_number, column=column)
            cell.value = text
            cell.data_type = "s"  # "=…" stays text: a sheet of ours never computes
            if row_number == 1:
                cell.font = Font(bold=True)
            if column <= len(widths):
                widths[column - 1] = max(widths[column - 1], len(text))
    for column, width in enumerate(widths, start=1):
        # Excel's width counts digits; Vietnamese letters with marks run a little wider
        fitted = max(MIN_WIDTH, round(width * 1.15) + 3)
        page.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, fitted)
    page.freeze_panes = "A2"
    book.properties.created = book.properties.modified = FIXED_TIME
    book.properties.creator = "plangen"
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_times(buffer.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """The same zip with every entry and the workbook's modified date at FIXED_TIME, so
    equal sheets are equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" on save
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp + rb"\g<2>", data)
            target.writestr(fixed, data)
    return out.getvalue()
