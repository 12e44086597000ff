"""The warnings of a batch's written plans, as the officer reads them: each once, with how many
plans give it and the first of them ("Cả 34 kế hoạch: …", "5 kế hoạch: … (xã A, xã B, xã C và
2 khác)"), never the same line 3,321 times; in the index beside every plan, in the run's
language, also when the plans are up to date. Errors stay with the localities they stop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.docx_helpers import assert_schema_valid

from plangen.batch.run import WRITTEN, ItemResult
from plangen.cli import _report_warnings, main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ai-law"
CLOSING = "Đoạn kết thường kết thúc bằng \"./.\"."


def warning_copy(folder: Path, name: str) -> Path:
    """The example base (and its parts) with a closing that lacks "./.": a warning, no error."""
    for path in EXAMPLE.rglob("*.yaml"):
        target = folder / path.relative_to(EXAMPLE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    base = folder / name
    text = base.read_text(encoding="utf-8")
    head, _, closing = text.partition("\nclosing:")
    assert closing.count("./.") == 1
    base.write_text(head + "\nclosing:" + closing.replace("./.", ".", 1), encoding="utf-8")
    return base


def batch(*args: str) -> str:
    result = CliRunner().invoke(main, ["batch", *args, "--jobs", "2"])
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    return result.output


def test_a_base_plans_warning_in_every_province_is_one_line(tmp_path: Path) -> None:
    base = warning_copy(tmp_path / "src", "base.yaml")
    out = tmp_path / "out"
    output = batch(str(base), "--localities", "all-provinces", "-o", str(out))
    assert output.count(CLOSING) == 1
    [line] = [line for line in output.splitlines() if CLOSING in line]
    assert line.startswith(f"Cả 34 kế hoạch: {base}:") and "  closing  cảnh báo: " in line
    assert "34 địa phương: 34 tệp mới, 0 không đổi, 0 lỗi (" in output
    assert_schema_valid((out / "dak-lak.docx").read_bytes())
    rows = json.loads((out / "index.json").read_text(encoding="utf-8"))["items"]
    assert len(rows) == 34 and all(CLOSING in row["message"] for row in rows)
    # up to date: still said, in this run's language
    output = batch(str(base), "--localities", "all-provinces", "-o", str(out), "--lang", "en")
    assert "All 34 plans: " in output and "warning: The closing paragraph usually ends with" \
        in output and CLOSING not in output
    assert "34 localities: 0 written, 34 up to date" in output


def test_every_commune_of_a_province_and_a_row_of_its_own(tmp_path: Path) -> None:
    base = warning_copy(tmp_path / "src", "commune.yaml")
    table = tmp_path / "xa.csv"
    table.write_text("Địa phương;Tỉnh;Ngày\n"
                     "xã Tân Mỹ;Quảng Trị;05/06/2026\n"
                     "xa Minh Hoa;Quảng Bình;05/06/2026\n"  # a former province: a warning
                     "xã Dân Hóa;Quảng Trị;05/06/2026\n"
                     "xã Kim Phú;Quảng Trị;31/06/2026\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(base), "--localities", str(table), "-o",
                                       str(tmp_path / "out"), "--jobs", "1"])
    output = result.output
    assert result.exit_code == 1
    assert output.count(CLOSING) == 1 and f"Cả 3 kế hoạch: {base}:" in output
    [former] = [line for line in output.splitlines() if "Quảng Bình" in line and
                "cảnh báo" in line]
    assert former.startswith(f"xã Minh Hóa: {table}:3:2  Tỉnh  cảnh báo: ")
    assert f"{table}:5:3  Ngày  Không có ngày \"31/06/2026\"" in output  # the error, at its row
    assert "3 địa phương" not in output and "4 địa phương: 3 tệp mới, 0 không đổi, 1 lỗi" \
        in output

    big = batch(str(base), "--localities", "quang-tri/communes", "-o", str(tmp_path / "all"))
    assert big.count(CLOSING) == 1 and "Cả 78 kế hoạch: " in big
    assert "78 địa phương: 78 tệp mới" in big


def test_a_warning_of_some_plans_names_the_first_three(capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    line = "goc.yaml:12:3  summary  cảnh báo: Trích yếu viết hoa toàn bộ."
    items = [ItemResult(f"0{n}", f"xã Số {n}", WRITTEN, docx=f"x{n}.docx",
                        warnings=(line,) if n < 5 else ()) for n in range(7)]
    _report_warnings(items, "vi", Path("out/index.csv"))
    assert capsys.readouterr().err == (
        f"5 kế hoạch: {line} (xã Số 0, xã Số 1, xã Số 2 và 2 khác)\n")
    many = [ItemResult(f"{n:05d}", f"xã {n}", WRITTEN, docx=f"x{n}.docx",
                       warnings=(f"goc.yaml:{n}:1  closing  cảnh báo: …",))
            for n in range(1, 3400)]
    _report_warnings(many, "en", Path("out/index.csv"))
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 101 and err[-1] == (
        "… and 3,299 more warning(s); every warning is in the \"Message\" column of "
        "out/index.csv.")
