"""`plangen check` as users run it (human text in Vietnamese or English, --json, --schemas, exit
codes), and the same checks run by `plangen batch` on every file it writes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from support.docx_helpers import XSD_DIR, rezipped, schema_errors
from support.handmade_docx import handmade

from plangen.batch.run import FAILED, WRITTEN, BatchOptions, run_batch
from plangen.check.rules import RULES
from plangen.cli import main
from plangen.model import Plan
from plangen.render.docx import DEFAULT_TEMPLATE, Renderer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ai-law"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["check", *args], env=env)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(handmade(appendix=True))
    return path


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "sai-thang.docx"
    path.write_bytes(handmade(date="Đắk Lắk, ngày 05 tháng 03 năm 2026"))
    return path


def test_a_sound_plan_exits_0_with_every_check_named_in_vietnamese(good: Path) -> None:
    result = run(str(good))
    assert result.exit_code == 0, result.output
    assert f"Kiểm tra {good}" in result.output
    assert "[ĐẠT] Lề trang (PL1 I.3): trên 20, dưới 20, trái 30, phải 15 mm." in result.output
    # numbering passes; the handmade appendix table has no borders: no data table to judge,
    # and it carries none of the optional first-page marks
    assert "Kết quả: 24 đạt, 0 không đạt, 2 bỏ qua." in result.output
    assert "Traceback" not in result.output


def test_a_failing_rule_exits_1_saying_what_and_where(bad: Path) -> None:
    result = run(str(bad))
    assert result.exit_code == 1
    assert "[KHÔNG ĐẠT] Địa danh, ngày tháng (PL1 II.4)" in result.output
    assert ("Từ tháng 3 đến tháng 12 không có số 0 ở đầu: viết \"tháng 3\", không viết \"tháng "
            "03\". Ở bảng 1, hàng 2, ô 2: “Đắk Lắk, ngày 05 tháng 03 năm 2026”.") in result.output


@pytest.mark.parametrize("how", ["option", "environment"])
def test_english(bad: Path, how: str) -> None:
    result = run(str(bad), "--lang", "en") if how == "option" else run(
        str(bad), env={"PLANGEN_LANG": "en"})
    assert result.exit_code == 1
    assert "[FAIL] Place and date (PL1 II.4)" in result.output
    assert "Months 3 to 12 take no leading zero" in result.output
    assert "At table 1, row 2, cell 2" in result.output


def test_json_for_machines(good: Path, bad: Path) -> None:
    result = run(str(good), str(bad), "--json")
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["ok"] is False
    first, second = payload["files"]
    assert first["ok"] and not second["ok"]
    ids = [check["id"] for check in second["checks"]]
    assert ids[:7] == ["package.zip", "package.content-types", "package.relationships",
                       "package.xml", "package.unique-ids", "package.word",
                       "package.active-content"]
    assert ids[7] == "schema"
    assert ids[8:] == [rule.id for rule in RULES]
    date = next(check for check in second["checks"] if check["id"] == "date-line")
    assert date["status"] == "fail" and date["rule"] == "PL1 II.4"
    finding = date["found"][0]
    assert finding["code"] == "check_month_extra_zero"
    assert finding["where"] == {"story": "body", "paragraph": 6, "table": 1, "row": 2,
                                "cell": 2, "section": 1,
                                "text": "Đắk Lắk, ngày 05 tháng 03 năm 2026"}
    # no appendix, no data table
    assert second["summary"] == {"pass": 21, "fail": 1, "advice": 0, "skip": 4}  # + marks: none


def test_several_files_are_summed_up(good: Path, bad: Path) -> None:
    result = run(str(good), str(bad))
    assert result.exit_code == 1
    assert result.output.rstrip().endswith("2 tệp, 1 tệp không đạt.")


def test_schema_check_by_default_by_option_or_environment(good: Path, tmp_path: Path) -> None:
    by_default = run(str(good))
    assert by_default.exit_code == 0, by_default.output
    assert "[ĐẠT] Đúng lược đồ OOXML (XSD)" in by_default.output
    copy = tmp_path / "xsd-copy"
    shutil.copytree(XSD_DIR, copy)
    by_option = run(str(good), "--schemas", str(copy))
    assert by_option.exit_code == 0, by_option.output
    assert "[ĐẠT] Đúng lược đồ OOXML (XSD)" in by_option.output
    by_env = run(str(good), env={"PLANGEN_SCHEMAS": str(copy)})
    assert "[ĐẠT] Đúng lược đồ OOXML (XSD)" in by_env.output
    (copy / "wml.xsd").unlink()  # the option and the variable are really read
    for result in (run(str(good), "--schemas", str(copy)),
                   run(str(good), env={"PLANGEN_SCHEMAS": str(copy)})):
        assert result.exit_code == 2
        assert "không có tệp wml.xsd" in result.output
    skipped = run(str(good), "--no-schemas")
    assert skipped.exit_code == 0
    assert "XSD" not in skipped.output
    both = run(str(good), "--no-schemas", "--schemas", str(XSD_DIR))
    assert both.exit_code == 2 and "--no-schemas" in both.output


def test_schema_violation_is_reported_with_part_and_line(renderer: Renderer,
                                                        make_plan: Callable[[dict[str, Any]], Plan],
                                                        plan_data: dict[str, Any],
                                                        tmp_path: Path) -> None:
    data = renderer.render(make_plan(plan_data))
    broken = tmp_path / "lech-luoc-do.docx"
    broken.write_bytes(rezipped(data, {  # w:pStyle must come first in w:pPr
        "word/document.xml": lambda content: content.replace(
            b'<w:pPr><w:pStyle w:val="KHVanBan"/>',
            b'<w:pPr><w:jc w:val="both"/><w:pStyle w:val="KHVanBan"/>', 1)}))
    assert any("pStyle" in error for error in schema_errors(broken.read_bytes()))
    assert run(str(broken), "--no-schemas").exit_code == 0  # the fast checks read no schema
    result = run(str(broken))
    assert result.exit_code == 1
    assert "[KHÔNG ĐẠT] Đúng lược đồ OOXML (XSD)" in result.output
    assert "\"word/document.xml\" dòng" in result.output and "pStyle" in result.output


@pytest.mark.parametrize(("args", "words"), [
    (["{dir}/khong-co.docx"], "Không tìm thấy tệp"),
    (["{dir}"], "là thư mục"),
    (["{good}", "--schemas", "{dir}"], "không có tệp wml.xsd"),
])
def test_usage_errors_exit_2_before_any_output(good: Path, args: list[str], words: str) -> None:
    result = run(*[a.format(dir=good.parent, good=good) for a in args])
    assert result.exit_code == 2
    assert words in result.output and "Kết quả" not in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content", [b"", b"plain text, not a document", b"PK\x03\x04"])
def test_a_file_that_is_not_a_docx_is_a_clear_failure(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "nham.docx"
    path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 1
    assert "Không mở được tệp như một tệp Word .docx" in result.output
    assert "Traceback" not in result.output


def test_real_subprocess(good: Path) -> None:
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "plangen", "check", str(good), "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ok"] is True


# ---- batch runs the fast checks ----------------------------------------------------------


def test_batch_refuses_to_write_a_file_that_breaks_nd30(tmp_path: Path) -> None:
    """A province's template set in Arial renders, but every file fails the font rule: no
    file is written and each locality says why."""
    template = tmp_path / "arial.docx"
    template.write_bytes(rezipped(DEFAULT_TEMPLATE, {
        part: lambda content: content.replace(b"Times New Roman", b"Arial")
        for part in ("word/styles.xml", "word/fontTable.xml")}))
    example = tmp_path / "ai-law"
    shutil.copytree(EXAMPLE, example)
    report = run_batch(BatchOptions(example / "base.yaml", str(example / "provinces.yaml"),
                                    tmp_path / "out", jobs=1, template=template))
    assert [item.status for item in report.items] == [FAILED] * 5
    assert "Phông Arial" in report.items[0].message
    assert "không đạt kiểm tra thể thức NĐ 30" in report.items[0].message
    assert not list((tmp_path / "out").rglob("*.docx"))
    english = run_batch(BatchOptions(example / "base.yaml", str(example / "provinces.yaml"),
                                     tmp_path / "out", jobs=1, template=template, lang="en"))
    assert "The font Arial" in english.items[0].message


def test_batch_with_plangen_template_passes_its_own_checks(tmp_path: Path) -> None:
    example = tmp_path / "ai-law"
    shutil.copytree(EXAMPLE, example)
    report = run_batch(BatchOptions(example / "commune.yaml", "hue/communes", tmp_path / "out",
                                    jobs=1))
    assert {item.status for item in report.items} == {WRITTEN}
