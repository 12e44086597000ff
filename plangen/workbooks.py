"""Saving openpyxl workbooks so that the same content gives the same bytes.

openpyxl stamps the save time into docProps/core.xml ("modified") and dates every zip entry
now; both are replaced by a date the caller chooses (the plan's own, or a fixed one), so a
re-run writes identical files and a batch can tell an unchanged output from a changed one.
Shared by `batch` (index, locality tables) and `track` (assignment workbooks); imports no stage.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import Any

from plangen.zips import zip_in_memory

_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_ZIP_EPOCH = datetime.datetime(1980, 1, 1)  # the earliest date a zip entry can hold


def stable_xlsx(book: Any, when: datetime.datetime) -> bytes:
    """The .xlsx bytes of `book` (an openpyxl Workbook), dated `when` throughout."""
    book.properties.created = book.properties.modified = when
    buffer = io.BytesIO()
    book.save(buffer)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    entry_time = max(when, _ZIP_EPOCH).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zip_in_memory(out) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=entry_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            part = source.read(info)
            if info.filename == "docProps/core.xml":
                part = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", part)
            target.writestr(fixed, part)
    return out.getvalue()
