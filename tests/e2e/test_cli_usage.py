"""Usage errors through the real command: what was written, what was meant, the command line
to type instead; never an empty suggestion, never click's English in a Vietnamese message."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangen.cli import main

ROOT = Path(__file__).resolve().parents[2]
BASE = str(ROOT / "examples" / "ai-law" / "commune.yaml")


def usage(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "—" not in result.output
    return result.output


def test_batch_table_means_localities_with_the_command_to_type() -> None:
    out = usage("batch", BASE, "--table", "t.csv", "-o", "out")
    first = out.splitlines()[0]
    assert first.startswith("Không có tùy chọn --table. Có phải là --localities? (batch đọc "
                            "bảng địa phương")
    assert first.endswith(f"Viết: main batch {BASE} --localities t.csv -o out")
    assert "Xem hướng dẫn: main batch --help" in out
    english = usage("batch", BASE, "--table=t.csv", "-o", "out", "--lang", "en")
    assert "No such option --table. Did you mean --localities?" in english
    assert f"Write: main batch {BASE} --localities=t.csv -o out --lang en" in english


def test_through_python_m_plangen(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "plangen", "batch", BASE, "--table", "t.csv",
                             "-o", str(tmp_path / "out")], capture_output=True, text=True,
                            cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 2 and result.stdout == ""
    assert "Có phải là --localities?" in result.stderr
    assert f"Viết: python -m plangen batch {BASE} --localities t.csv -o" in result.stderr
    assert not (tmp_path / "out").exists()


def test_nothing_close_lists_the_options_instead() -> None:
    out = usage("batch", BASE, "--zzz", "-o", "out")
    assert out.startswith("Không có tùy chọn --zzz. Các tùy chọn của batch: --localities; "
                          "--sheet; -o, --output;")
    assert "Có phải" not in out and "Gần giống" not in out


@pytest.mark.parametrize(("args", "said"), [
    (["batch", BASE, "--localitis", "t.csv", "-o", "o"], "Có phải là --localities? Viết: "),
    (["batch", BASE, "--localities", "t.csv", "--outdir", "o"], "Có phải là --output? Viết: "),
    (["batch", BASE, "--localities", "t.csv", "-o", "o", "-j", "2"], "Có phải là --jobs?"),
    (["localities", "quang-tri", "--output", "xa.xlsx"],
     "Có phải là --table? (lệnh này ghi bảng"),
])
def test_well_known_confusions(args: list[str], said: str) -> None:
    assert said in usage(*args)


def test_a_mix_up_that_needs_another_value_gets_no_command_to_copy() -> None:
    out = usage("render", BASE, "--localities", "t.csv")
    assert "Có phải là --locality? (lệnh này làm một kế hoạch" in out
    assert "Viết:" not in out


@pytest.mark.parametrize(("args", "said"), [
    (["batch", BASE, "-o", "out"], "Thiếu tùy chọn --localities (bắt buộc). all-provinces"),
    (["batch", BASE, "--localities"], "Tùy chọn --localities cần một giá trị ngay sau nó."),
    (["batch", BASE, "--localities", "t.csv", "-o", "o", "--jobs", "99"],
     "Giá trị của --jobs phải là số nguyên từ 0 đến 64."),
    (["batch", BASE, "--localities", "t.csv", "-o", "o", "--lang", "fr"],
     "Giá trị của --lang phải là một trong: vi, en."),
    (["batch", BASE, "--localities", "t.csv", "-o", "o", "thua"], "Thừa \"thua\""),
    (["bacth"], "Không có lệnh \"bacth\". Có phải là batch?"),
])
def test_other_usage_errors_in_vietnamese(args: list[str], said: str) -> None:
    out = usage(*args)
    assert said in out
    assert "Option" not in out and "requires" not in out and "not in the range" not in out


def test_other_usage_errors_in_english() -> None:
    assert "Missing the option --localities (required). which localities." in usage(
        "batch", BASE, "-o", "out", "--lang", "en")
    assert "The option --sheet needs a value right after it." in usage(
        "batch", BASE, "--lang", "en", "--localities", "t.csv", "--sheet")


@pytest.mark.parametrize(("args", "said"), [
    (["render"], "Thiếu tệp kế hoạch (.yaml)."),
    (["batch"], "Thiếu kế hoạch gốc (.yaml)."),
    (["check"], "Thiếu tệp Word (.docx) cần kiểm tra, một hoặc nhiều tệp."),
    (["report", "ke-hoach.yaml"], "Thiếu bảng phân công đã điền (.xlsx), một hoặc nhiều tệp."),
    (["extract"], "Thiếu tệp kế hoạch cũ cần đọc (.docx hoặc .txt)."),
    (["render", "--lang", "en"], "Missing the plan spec (.yaml)."),
])
def test_a_missing_argument_is_said_as_what_it_is(args: list[str], said: str) -> None:
    out = usage(*args)
    assert said in out
    assert not re.search(r"Thiếu [A-Z]{3,}|Missing [A-Z]{3,}", out), out


def test_a_missing_locality_shows_how_to_write_one() -> None:
    out = usage("new", "-o", "ke-hoach.yaml")
    assert 'Thiếu tùy chọn --locality (bắt buộc). Địa phương ban hành, vd. "tỉnh Đắk Lắk"' in out
