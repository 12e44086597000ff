"""YAML tables get the same naming, isolation and duplicate rules as spreadsheets; every new
message exists in both languages with the same fields."""

from __future__ import annotations

import string
from pathlib import Path

from click.testing import CliRunner

from plangen.batch.run import FAILED, WRITTEN, BatchOptions, run_batch
from plangen.batch.selection import read_selection
from plangen.cli import main
from plangen.messages import CATALOG

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ai-law"


def test_yaml_rows_take_a_province_key_and_fail_alone(tmp_path: Path) -> None:
    table = tmp_path / "xa.yaml"
    table.write_text("localities:\n"
                     "  - locality: xã Tân Mỹ\n"
                     "    province: Quảng Trị\n"
                     "    number: \"05\"\n"
                     "  - locality: xã Tân Mỹ\n"
                     "  - locality: phường Đồng Hới\n", encoding="utf-8")
    selection = read_selection(str(table))
    assert [item.locality.code for item in selection.items] == ["19291", "18880"]
    [failed] = selection.failed
    assert failed.row == "xa.yaml:5" and failed.issues[0].code == "locality_ambiguous"
    assert failed.issues[0].location is not None and failed.issues[0].location.line == 5
    items = run_batch(BatchOptions(EXAMPLE / "commune.yaml", str(table), tmp_path / "out",
                                   jobs=1)).items
    assert sorted(item.status for item in items) == [FAILED, WRITTEN, WRITTEN]


def test_a_former_and_a_current_name_of_one_province_are_duplicate_rows(tmp_path: Path) -> None:
    table = tmp_path / "tinh.yaml"
    table.write_text("localities:\n  - locality: tỉnh Quảng Bình\n  - locality: Quảng Trị\n"
                     "  - locality: Huế\n", encoding="utf-8")
    selection = read_selection(str(table))
    assert [item.locality.code for item in selection.items] == ["46"]
    assert [row.row for row in selection.failed] == ["tinh.yaml:2", "tinh.yaml:3"]
    assert all(row.issues[0].params["rows"] == "2, 3" for row in selection.failed)


def test_cli_sheet_option(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["unrelated"])
    sheet = book.create_sheet("Xã")
    sheet.append(["Địa phương", "Tỉnh"])
    sheet.append(["Tân Mỹ", "Quảng Trị"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    runner = CliRunner()
    args = ["batch", str(EXAMPLE / "commune.yaml"), "--localities", str(path), "-o",
            str(tmp_path / "out"), "--jobs", "1"]
    first = runner.invoke(main, args)
    assert first.exit_code == 1 and "Địa phương" in first.output  # the first sheet has none
    chosen = runner.invoke(main, [*args, "--sheet", "Xã"])
    assert chosen.exit_code == 0, chosen.output
    assert (tmp_path / "out" / "quang-tri" / "xa-tan-my.docx").is_file()


def test_new_messages_exist_in_both_languages_with_the_same_fields() -> None:
    prefixes = ("locality_", "table_", "localities_", "batch_pdfs")
    codes = [code for code in CATALOG if code.startswith(prefixes)]
    assert len(codes) > 30
    for code in codes:
        vi, en = CATALOG[code]
        fields = [{name for _, name, _, _ in string.Formatter().parse(text) if name}
                  for text in (vi, en)]
        assert fields[0] == fields[1], code
        assert vi != en and "\\u" not in vi, code
