"""Writing small .xlsx files officers open in Excel: the batch index, blank locality tables.

Every cell is text (never a formula, whatever it starts with), the header is bold and frozen,
columns are as wide as their content, and the same rows give the same bytes: the workbook's
dates and the zip entries' times are fixed.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from plangen.workbooks import stable_xlsx

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
    book.properties.creator = "plangen"
    return stable_xlsx(book, FIXED_TIME)
