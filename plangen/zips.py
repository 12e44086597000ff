"""Writing a zip in memory so that an interrupt stays an interrupt.

`zipfile` writes each member through a write handle. Should Ctrl-C or SIGTERM (raised as
KeyboardInterrupt) land while one is open, closing the archive on the way out raises
ValueError ("Can't close the ZIP file while there is an open writing handle"), which then
stands in for the interrupt: the user sees an internal error instead of a clean stop, and a
zip dropped unclosed complains from its finaliser. An archive in memory has nothing to flush,
so on any exception it is let go without closing. Shared by `render` (the .docx) and
`workbooks` (the .xlsx); imports no stage.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Iterator
from typing import Literal


@contextlib.contextmanager
def zip_in_memory(buffer: io.BytesIO,
                  mode: Literal["w", "a"] = "w") -> Iterator[zipfile.ZipFile]:
    """A deflating `zipfile.ZipFile` on `buffer` ("w": new, "a": appending to the zip it
    holds), closed when the block ends, dropped unclosed when it raises."""
    archive = zipfile.ZipFile(buffer, mode, zipfile.ZIP_DEFLATED)
    try:
        yield archive
    except BaseException:
        archive.fp = None  # close() (here or in the finaliser) now returns at once
        raise
    archive.close()
