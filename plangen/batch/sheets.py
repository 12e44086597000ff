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
    # openpyxl's write-only mode streams the rows: three times faster than building every
    # cell (the index of all communes is 30,000 cells), the same cells, widths and pane
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    page = book.create_sheet(sheet[:31])
    texts = [["" if value is None else str(value) for value in row] for row in rows]
    widths = [len(str(name)) for name in header]
    for row in texts:
        for column, text in enumerate(row[:len(widths)]):
            if len(text) > widths[column]:
                widths[column] = len(text)
    for column, width in enumerate(widths, start=1):
        # Excel's width counts digits; Vietnamese letters with marks run a little wider
        fitted = max(MIN_WIDTH, round(width * 1.15) + 3)
        page.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, fitted)
    page.freeze_panes = "A2"

    def text_cell(text: str, bold: bool = False) -> WriteOnlyCell:
        cell = WriteOnlyCell(page, value=text)
        cell.data_type = "s"  # "=…" stays text: a sheet of ours never computes
        if bold:
            cell.font = Font(bold=True)
        return cell

    page.append([text_cell(str(name), bold=True) for name in header])
    for row in texts:
        # a plain string is written as text unless openpyxl would take it for a formula or
        # an error value ("=1+1", "#N/A"): those go in cells typed as text
        page.append([text_cell(text) if text.startswith("=") or text in ERROR_CODES else text
                     for text in row])
    book.properties.creator = "plangen"
    return stable_xlsx(book, FIXED_TIME)

