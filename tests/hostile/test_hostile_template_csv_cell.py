"""Issue 14.9: a CSV cell over Python's csv field limit is a positioned error, exit 1.

The csv module refuses a field over 131,072 characters with csv.Error; a locality table with
such a cell (often an opening quote never closed) is refused at the line where its row starts,
saying what to look for, never a traceback (exit 3).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from support.hostile_support import assert_refused, dump, invoke, plan


@pytest.mark.parametrize("shape", ["long-cell", "unclosed-quote"])
def test_a_cell_past_the_csv_field_limit_is_refused_at_its_row(tmp_path: Path,
                                                                 shape: str) -> None:
    base = tmp_path / "goc.yaml"
    base.write_text(dump(plan()), encoding="utf-8")
    table = tmp_path / "dia-phuong.csv"
    long = "a" * (csv.field_size_limit() + 10)
    if shape == "long-cell":
        table.write_text(f'locality,summary\ntỉnh Gia Lai,ngắn\nthành phố Huế,"{long}"\n',
                         encoding="utf-8")
        line = 3
    else:  # the quote opened on line 2 swallows the lines after it
        rows = "".join(f"xã {index},{long[:1000]}\n" for index in range(200))
        table.write_text(f'locality,summary\ntỉnh Gia Lai,"bắt đầu\n{rows}', encoding="utf-8")
        line = 2
    out = tmp_path / "out"
    result = invoke("batch", base, "--localities", table, "-o", out, "--jobs", "1")
    assert_refused(result, (f"dia-phuong.csv:{line}:1", "dài hơn 131.072 ký tự",
                            "dấu ngoặc kép"), outputs=out)
    english = invoke("batch", base, "--localities", table, "-o", out, "--jobs", "1",
                     env={"PLANGEN_LANG": "en"})
    assert_refused(english, ("longer than 131.072 characters",), outputs=out)
