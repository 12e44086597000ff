"""`plangen validate`, `plangen new` and `plangen schema` as an officer runs them: exit codes,
every problem at once, Vietnamese or English, and never a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner, Result

from plangen.cli import main

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted((ROOT / "specs").glob("*.yaml"))
CORPUS = sorted((ROOT / "tests/data/invalid").glob("*.yaml"))
MINIMAL = ROOT / "tests/data/valid/minimal.yaml"
ISSUE_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+)  (?P<path>\S.*?)  (?P<msg>.+)$")


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def test_every_shipped_spec_validates_with_exit_0() -> None:
    result = run("validate", *SPECS)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Hợp lệ: ") == len(SPECS)
    assert_no_traceback(result)


@pytest.mark.parametrize("case", CORPUS, ids=lambda path: path.stem)
def test_every_broken_spec_exits_1_with_one_line_per_issue(case: Path) -> None:
    expected = [line for line in case.with_suffix(".expected").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    warnings_only = all(code.endswith(("agency_split", "closing_mark",
                                       "no_kinh_gui")) for code in expected)
    result = run("validate", case)
    assert_no_traceback(result)
    assert result.exit_code == (0 if warnings_only else 1), result.output
    issue_lines = [line for line in result.stderr.splitlines() if ISSUE_LINE.match(line)]
    assert len(issue_lines) == len(expected), result.stderr
    for line, want in zip(issue_lines, expected, strict=True):
        match = ISSUE_LINE.match(line)
        assert match is not None
        assert match["file"] == str(case)
        assert match["line"] == want.split()[0]


def test_all_problems_are_listed_at_once_with_positions() -> None:
    result = run("validate", ROOT / "tests/data/invalid/all-at-once.yaml")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    fields = [m["path"] for m in map(ISSUE_LINE.match, lines) if m]
    assert fields == ["number", "date.day", "tasks.items[2].timline", "signature.lines[2]",
                      "appendix.rows[2].task"]
    assert 'viết trong ngoặc kép, "010"' in result.stderr
    assert lines[-1] == "5 lỗi, 0 cảnh báo trong 1 tệp."


@pytest.mark.parametrize("how", ["option", "env"])
def test_english_messages(how: str) -> None:
    case = ROOT / "tests/data/invalid/all-at-once.yaml"
    result = (run("validate", "--lang", "en", case) if how == "option"
              else run("validate", case, env={"PLANGEN_LANG": "en"}))
    assert result.exit_code == 1
    assert 'Did you mean "timeline"?' in result.stderr
    assert "quote it" in result.stderr and "5 error(s), 0 warning(s) in 1 file(s)." in result.stderr
    assert "Có phải" not in result.stderr


def test_option_wins_over_environment() -> None:
    result = run("validate", "--lang", "vi", ROOT / "tests/data/invalid/number-01-unquoted.yaml",
                 env={"PLANGEN_LANG": "en"})
    assert "Số hiệu và mã là văn bản" in result.stderr


def test_valid_and_broken_files_together() -> None:
    result = run("validate", MINIMAL, ROOT / "tests/data/invalid/date-31-02.yaml")
    assert result.exit_code == 1
    assert f"Hợp lệ: {MINIMAL}" in result.stdout
    assert "date.day" in result.stderr and "1 lỗi, 0 cảnh báo trong 2 tệp." in result.stderr


def test_warnings_pass_unless_strict() -> None:
    case = ROOT / "tests/data/invalid/agency-split-flow-list.yaml"
    relaxed, strict = run("validate", case), run("validate", "--strict", case)
    assert relaxed.exit_code == 0 and "cảnh báo: " in relaxed.stderr
    assert strict.exit_code == 1


@pytest.mark.parametrize(("args", "text"), [
    (["validate", "khong-co.yaml"], 'Không tìm thấy tệp "khong-co.yaml"'),
    (["validate", "--lang", "en", "khong-co.yaml"], 'No such file: "khong-co.yaml"'),
    (["validate", "."], "là thư mục"),
    (["validate"], "Thiếu tệp kế hoạch (.yaml), một hoặc nhiều tệp."),
    (["validate", "--lang", "en"], "Missing the plan spec (.yaml), one or more."),
    (["nosuch"], 'Không có lệnh "nosuch". Các lệnh: assignments, batch'),
    (["validate", "--lang", "fr", str(MINIMAL)], "--lang"),
    (["validate", "--khong-co", str(MINIMAL)], "--khong-co"),
])
def test_usage_errors_exit_2(args: list[str], text: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert text in result.output
    assert_no_traceback(result)


def test_missing_file_is_reported_before_any_other_output() -> None:
    result = run("validate", MINIMAL, "khong-co.yaml")
    assert result.exit_code == 2 and "Hợp lệ" not in result.output


def test_generated_byte_level_files_never_show_a_traceback(tmp_path: Path) -> None:
    cases = {"utf16.yaml": MINIMAL.read_text(encoding="utf-8").encode("utf-16"),
             "cp1258.yaml": "place: Đà\n".encode("cp1258"),
             "binary.yaml": bytes(range(256)) * 4,
             "nul.yaml": b"place: a\x00b\n"}
    for name, raw in cases.items():
        (tmp_path / name).write_bytes(raw)
    result = run("validate", *sorted(tmp_path.iterdir()))
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert "Hợp lệ: " + str(tmp_path / "utf16.yaml") in result.stdout


# --- plangen new and plangen schema ------------------------------------------------------

def test_new_writes_a_spec_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach.yaml"
    result = run("new", "--locality", "tỉnh Đắk Lắk", "-o", target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Ủy ban nhân dân tỉnh Đắk Lắk" in text and 'place: "Đắk Lắk"' in text
    checked = run("validate", "--strict", target)
    assert checked.exit_code == 0, checked.output
    # the schema its first line names is written beside it, and accepts it
    schema = json.loads((tmp_path / "plangen.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(text), schema)


@pytest.mark.parametrize("locality", ['xã "Ea" Kao', "phường Hoàn Kiếm", "đặc khu Phú Quốc",
                                      "Thành phố Huế", "tỉnh Đắk Lắk #thử", "xã Ea' Kao"])
def test_new_validates_for_odd_locality_names(locality: str, tmp_path: Path) -> None:
    target = tmp_path / "spec.yaml"
    assert run("new", "--locality", locality, "-o", target).exit_code == 0
    result = run("validate", target)
    assert result.exit_code == 0, result.output


def test_a_locality_name_with_a_colon_is_quoted_and_then_refused_as_a_place(
        tmp_path: Path) -> None:
    """The YAML stays readable; the date line's place cannot hold ":" (PL1 II.4)."""
    target = tmp_path / "spec.yaml"
    assert run("new", "--locality", "tỉnh Đắk Lắk: thử", "-o", target).exit_code == 0
    result = run("validate", target)
    assert result.exit_code == 1
    assert "place" in result.output and "\":\"" in result.output
    assert "1 lỗi" in result.output


def test_new_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach.yaml"
    target.write_text("giữ nguyên\n", encoding="utf-8")
    refused = run("new", "--locality", "tỉnh Đắk Lắk", "-o", target)
    assert refused.exit_code == 2 and "--force" in refused.output
    assert target.read_text(encoding="utf-8") == "giữ nguyên\n"
    assert run("new", "--locality", "tỉnh Đắk Lắk", "-o", target, "--force").exit_code == 0
    assert "issuer:" in target.read_text(encoding="utf-8")


def test_new_and_schema_into_a_folder_are_usage_errors(tmp_path: Path) -> None:
    for args in (["new", "--locality", "tỉnh Huế", "-o", str(tmp_path)],
                 ["schema", "-o", str(tmp_path)]):
        result = run(*args)
        assert result.exit_code == 2 and "là thư mục" in result.output
        assert_no_traceback(result)


def test_new_into_an_impossible_place_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("x", encoding="utf-8")
    result = run("new", "--locality", "tỉnh Huế", "-o", blocker / "ke-hoach.yaml")
    assert result.exit_code == 1 and "Không ghi được" in result.output
    assert_no_traceback(result)


def test_python_dash_m_plangen_works(tmp_path: Path) -> None:
    env = {**os.environ, "PLANGEN_LANG": "vi"}
    done = subprocess.run([sys.executable, "-m", "plangen", "validate", str(MINIMAL)],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "Hợp lệ" in done.stdout
    broken = subprocess.run([sys.executable, "-m", "plangen", "validate",
                             str(ROOT / "tests/data/invalid/deep-nesting.yaml")],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert "too deep" not in broken.stderr and "quá sâu" in broken.stderr


# --- specs assembled from several files ---------------------------------------------------

def test_composed_example_specs_validate() -> None:
    examples = sorted((ROOT / "examples").glob("*/base.yaml"))
    assert examples
    result = run("validate", *examples)
    assert result.exit_code == 0, result.output


def test_errors_in_a_spec_that_extends_a_base_point_at_the_right_file(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text(MINIMAL.read_text(encoding="utf-8").replace(
        "symbol: KH-UBND", "symbol: kh ubnd"), encoding="utf-8")
    child = tmp_path / "child.yaml"
    child.write_text('extends: base.yaml\ninclude: [khong-co.yaml]\nplace: ""\n',
                     encoding="utf-8")
    result = run("validate", child)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{child}:2:") and "khong-co.yaml" in line for line in lines)
    child.write_text('extends: base.yaml\nplace: ""\n', encoding="utf-8")
    result = run("validate", child)
    where = {m["path"]: (Path(m["file"]).name, m["line"])
             for m in map(ISSUE_LINE.match, result.stderr.splitlines()) if m}
    assert where == {"place": ("child.yaml", "2"), "symbol": ("base.yaml", "5")}


def test_new_spec_points_at_a_schema_file_it_says_how_to_make(tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach.yaml"
    run("new", "--locality", "tỉnh Huế", "-o", target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=plangen.schema.json\n")
    assert "plangen schema -o plangen.schema.json" in text
    assert run("schema", "-o", tmp_path / "plangen.schema.json").exit_code == 0
