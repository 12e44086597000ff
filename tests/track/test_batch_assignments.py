"""`plangen batch --assignments`: one assignment workbook per locality, beside its plan."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from plangen.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ai-law"


def test_one_workbook_per_locality(tmp_path: Path) -> None:
    example = tmp_path / "ai-law"
    shutil.copytree(EXAMPLE, example)
    out = tmp_path / "out"
    args = ["batch", str(example / "base.yaml"), "--localities", str(example / "provinces.yaml"),
            "-o", str(out), "--jobs", "1", "--assignments"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    plans = sorted(out.glob("*.docx"))
    assert len(plans) == 5
    for plan in plans:
        book = openpyxl.load_workbook(plan.with_suffix(".xlsx"))
        assert book.sheetnames[0] == "Tổng hợp"
        assert "{{" not in str(book["Tổng hợp"]["A2"].value)  # the locality's own plan
    hue = openpyxl.load_workbook(out / "hue.xlsx")["Tổng hợp"]["A2"].value
    assert "thành phố Huế" in hue and "213/KH-UBND" in hue
    # a rerun with nothing changed writes a workbook only where one is missing
    (out / "hue.xlsx").unlink()
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.output
    assert (out / "hue.xlsx").is_file()
