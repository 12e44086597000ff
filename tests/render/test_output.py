"""Atomic writes: a failing or interrupted write leaves no partial file behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plangen.errors import OutputError
from plangen.files import remove_stale_temporaries, write_atomic


def test_write_creates_folders_and_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.docx"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["b.docx"]


def test_failed_write_keeps_the_old_file_and_no_temporary(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"new")
    assert "No space left" in caught.value.message("en")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def test_interrupt_during_write_leaves_nothing(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "plan.docx", b"data")
    assert list(tmp_path.iterdir()) == []


def test_directory_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path, b"x")
    assert caught.value.code == "output_is_directory"


def test_read_only_folder_gives_a_clear_error(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores permission bits, so simulate the refusal a read-only folder gives.
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.open", refuse)
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / "plan.docx", b"x")
    assert caught.value.code == "output_failed"
    assert "Permission denied" in caught.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_stale_temporaries_are_cleaned(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".plangen-abc.tmp").write_bytes(b"half")
    (tmp_path / "keep.docx").write_bytes(b"whole")
    assert remove_stale_temporaries(tmp_path) == 1
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["keep.docx"]
