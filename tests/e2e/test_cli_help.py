"""`plangen --help` and each command's help read in one language: click's headings and own
words in Vietnamese by default, English with --lang en or PLANGEN_LANG=en, descriptions'
matching half only, and the command list in whole summaries, never cut with "..."."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangen.cli import main

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = sorted(main.commands)
# click's own English, and the English halves of cli.py's descriptions
ENGLISH = ("Usage:", "Options:", "Commands:", "Show this message", "Show the version",
           "[default", "[required]", "[OPTIONS]", "COMMAND", "PATH", "TEXT", "INTEGER",
           " / ", "/...", "the spec", "overwrite", "message language", "Check this machine")
VIETNAMESE = ("Cách dùng:", "Tùy chọn:", "Lệnh:", "Xem hướng dẫn này", "[bắt buộc]",
              "[mặc định", "Ghi đè", "Tạo kế hoạch", "PLANGEN_LANG, không có thì vi")


def helped(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, list(args), env={"PLANGEN_LANG": "", **(env or {})})
    assert result.exit_code == 0, result.output
    return result.output


def leftovers(text: str, words: tuple[str, ...]) -> list[str]:
    return [word for word in words if word in text]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_page_is_vietnamese_by_default(command: str) -> None:
    text = helped(*([command] if command else []), "--help")
    assert text.startswith("Cách dùng: main "), text
    assert "Tùy chọn:" in text and "Xem hướng dẫn này rồi thoát." in text
    assert leftovers(text, ENGLISH) == [], text


@pytest.mark.parametrize("command", ["", *COMMANDS])
@pytest.mark.parametrize("how", ["option", "option first", "environment"])
def test_every_help_page_is_english_when_asked(command: str, how: str) -> None:
    words = [command] if command else []
    if how == "option":
        text = helped(*words, "--help", "--lang", "en")
    elif how == "option first":  # the group's own --lang, before the command
        text = helped("--lang", "en", *words, "--help")
    else:
        text = helped(*words, "--help", env={"PLANGEN_LANG": "en"})
    assert text.startswith("Usage: main "), text
    assert "Options:" in text and "Show this message and exit." in text
    assert leftovers(text, VIETNAMESE) == [], text
    assert "Tùy chọn" not in text and "TỆP" not in text and " / " not in text, text


def test_the_command_list_is_whole_one_line_summaries() -> None:
    for lang, heading in (("vi", "Lệnh:"), ("en", "Commands:")):
        text = helped("--help", "--lang", lang)
        listed = text.split(heading + "\n", 1)[1].splitlines()
        names = [line.split()[0] for line in listed if line.strip()]
        assert names == COMMANDS, text
        assert "..." not in text.split(heading)[1] and "…" not in text.split(heading)[1]
    vi = helped("--help")
    assert "  assignments  Bảng phân công nhiệm vụ (Excel) để các cơ quan báo cáo\n" in vi
    assert "  doctor       Kiểm tra máy có đủ LibreOffice, phông tiếng Việt, lược đồ\n" in vi
    en = helped("--help", "--lang", "en")
    assert "  assignments  The assignment workbook\n" in en
    assert "  doctor       Check this machine\n" in en


def test_defaults_ranges_and_required_in_the_language() -> None:
    vi = " ".join(helped("batch", "--help").split())
    assert "Thư mục ra. [bắt buộc]" in vi
    assert "[mặc định: 0; từ 0 đến 64]" in vi
    assert "Cách dùng: main batch [TÙY-CHỌN] KẾ-HOẠCH-GỐC" in vi
    assert "-o, --output THƯ-MỤC" in vi and "--jobs SỐ" in vi
    assert "all-provinces, all-communes" in vi  # a value to type is not capitalised
    en = " ".join(helped("batch", "--help", "--lang", "en").split())
    assert "Output folder. [required]" in en
    assert "[default: 0; 0 to 64]" in en
    assert "Usage: main batch [OPTIONS] BASE" in en
    assert "-o, --output FOLDER" in en and "--jobs NUMBER" in en
    localities = " ".join(helped("localities", "--help").split())
    assert "Dạng in ra. [mặc định: table]" in localities
    assert "[TÙY-CHỌN] [TỈNH]" in localities
    assert "[OPTIONS] [PROVINCE]" in helped("localities", "--help", "--lang", "en")


def test_the_help_of_a_command_keeps_its_paragraphs() -> None:
    vi = helped("extract", "--help")
    assert "\n  Đọc kế hoạch cũ thành tệp YAML.\n\n  TỆP là tệp .docx hoặc .txt" in vi
    en = helped("extract", "--help", "--lang", "en")
    assert "\n  Import an existing plan as a spec.\n\n  A .docx or text file, or -" in en


def test_plangen_alone_shows_the_help_and_a_missing_command_is_said() -> None:
    alone = CliRunner().invoke(main, [], env={"PLANGEN_LANG": ""})
    assert alone.exit_code == 2
    assert alone.output.startswith("Cách dùng: main [TÙY-CHỌN] LỆNH [THAM-SỐ]...")
    assert "Lệnh dùng sai" not in alone.output
    missing = CliRunner().invoke(main, ["--lang", "vi"], env={"PLANGEN_LANG": ""})
    assert missing.exit_code == 2
    assert missing.output.startswith("Thiếu lệnh. Các lệnh: assignments, batch,")
    assert "Missing command" not in missing.output


def test_a_command_speaks_the_language_given_before_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--lang", "en", "render", str(tmp_path / "none.yaml")],
                                env={"PLANGEN_LANG": ""})
    assert result.exit_code == 2  # a usage error, as without the group's --lang
    assert "No such file" in result.output and "Không tìm thấy" not in result.output


@pytest.mark.parametrize(("args", "lang", "first"), [
    (["--help"], "", "Cách dùng: "),
    (["--help"], "en", "Usage: "),
    (["report", "--help"], "", "Cách dùng: "),
    (["report", "--help", "--lang", "en"], "", "Usage: "),
])
def test_the_real_command_line(args: list[str], lang: str, first: str) -> None:
    done = subprocess.run([sys.executable, "-m", "plangen", *args], capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PLANGEN_LANG": lang,
                               "COLUMNS": "80"}, check=False)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("utf-8")
    assert re.match(rf"{re.escape(first)}(python3? -m )?plangen ", text), text
    assert "Traceback" not in text and done.stderr == b""
    if lang == "en" or "en" in args:
        assert leftovers(text, VIETNAMESE) == [], text
    else:
        assert leftovers(text, ENGLISH) == [], text
