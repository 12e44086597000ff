"""A zip written in memory: the same bytes as zipfile's, and an interrupt landing while a
member's write handle is open comes out as the interrupt, not as zipfile's ValueError."""

from __future__ import annotations

import gc
import io
import sys
import zipfile

import pytest

from plangen.zips import zip_in_memory


def test_the_same_zip_as_zipfile_writes() -> None:
    ours, theirs = io.BytesIO(), io.BytesIO()
    with zip_in_memory(ours) as archive:
        archive.writestr("a.xml", b"<a/>" * 100)
    with zipfile.ZipFile(theirs, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.xml", b"<a/>" * 100)
    assert ours.getvalue() == theirs.getvalue()
    with zip_in_memory(ours, "a") as archive:
        archive.writestr("b.xml", b"<b/>")
    assert zipfile.ZipFile(ours).namelist() == ["a.xml", "b.xml"]


def test_an_interrupt_with_a_write_handle_open_stays_an_interrupt(
        monkeypatch: pytest.MonkeyPatch) -> None:
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    buffer = io.BytesIO()
    with pytest.raises(KeyboardInterrupt), zip_in_memory(buffer) as archive:
        handle = archive.open("a.xml", "w")  # still open, as when Ctrl-C lands in writestr
        handle.write(b"<a/>")
        raise KeyboardInterrupt
    del archive, handle
    gc.collect()
    assert not unraisable  # nor does its finaliser complain


def test_plain_zipfile_would_mask_the_interrupt() -> None:
    """Why the helper exists: zipfile's own `with` turns it into a ValueError."""
    with pytest.raises(ValueError, match="open writing handle"), \
            zipfile.ZipFile(io.BytesIO(), "w") as archive:
        handle = archive.open("a.xml", "w")
        handle.write(b"<a/>")
        raise KeyboardInterrupt
