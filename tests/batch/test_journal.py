"""The per-file journal a batch's workers keep (batch.journal): whole lines survive a kill."""

from __future__ import annotations

import os
from pathlib import Path

from plangen.batch.journal import JOURNAL_PREFIX, Journal, journals, read_journals, remove


def test_done_and_begun_files_survive_a_torn_last_line(tmp_path: Path) -> None:
    log = Journal(tmp_path)
    log.begin({"docx": "hue/a.docx", "code": "1"})
    log.done({"docx": "hue/a.docx", "code": "1", "sha256": "x"})
    log.begin({"docx": "hue/b.docx", "code": "2"})  # killed while writing b
    log.close()
    with log.path.open("a", encoding="utf-8") as stream:
        stream.write('{"done": {"docx": "hue/c.do')  # a line cut by SIGKILL
    assert log.path.name == f"{JOURNAL_PREFIX}{os.getpid()}.jsonl"
    done, begun = read_journals(journals(tmp_path))
    assert [row["docx"] for row in done] == ["hue/a.docx"] and done[0]["sha256"] == "x"
    assert [row["docx"] for row in begun] == ["hue/b.docx"]
    remove(journals(tmp_path))
    assert not journals(tmp_path)


def test_no_journal_is_no_rows(tmp_path: Path) -> None:
    assert read_journals(journals(tmp_path / "missing")) == ([], [])
