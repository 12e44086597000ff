"""`plangen localities`: lists, searches, formats, and the ready-to-fill table batch reads."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from plangen.batch.localities import communes_of, find_province
from plangen.batch.resolve import search
from plangen.batch.run import WRITTEN, BatchOptions, run_batch
from plangen.batch.tables import COLUMNS
from plangen.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ai-law"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["localities", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_without_a_province_the_34_provinces() -> None:
    code, output = run("--format", "csv")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert code == 0 and len(rows) == 34
    assert rows[0] == {"code": "01", "kind": "thành phố", "name": "Hà Nội",
                       "full_name": "thành phố Hà Nội", "province": "", "province_code": ""}


def test_a_province_lists_its_communes_by_any_of_its_names() -> None:
    quang_tri = communes_of(find_province("Quảng Trị"))
    for name in ("quang-tri", "Quảng Trị", "44", "tỉnh Quảng Trị"):
        code, output = run(name, "--format", "json")
        rows = json.loads(output)
        assert code == 0 and [row["code"] for row in rows] == [c.code for c in quang_tri]
        assert all(row["province"] == "tỉnh Quảng Trị" for row in rows)


def test_search_with_or_without_marks_and_the_table_format() -> None:
    code, output = run("--search", "tân mỹ")
    assert code == 0
    lines = output.splitlines()
    assert lines[0].split() == ["Mã", "Loại", "Tên", "đầy", "đủ", "Tỉnh"]
    assert any("19291" in line and "tỉnh Quảng Trị" in line for line in lines)
    assert any("02308" in line and "tỉnh Tuyên Quang" in line for line in lines)
    assert any("27487" in line and "phường Tân Mỹ" in line for line in lines)
    _, plain = run("--search", "tan my")
    assert plain == output
    _, english = run("--search", "tân mỹ", "--lang", "en")
    assert english.splitlines()[0].split()[:2] == ["Code", "Kind"]
    none, message = run("--search", "zzzz")
    assert none == 1 and "zzzz" in message
    unknown, message = run("Hà Tây")
    assert unknown == 2 and "plangen localities" in message


def test_a_former_province_lists_its_successor_with_a_warning() -> None:
    code, output = run("Quảng Bình", "--search", "Minh Hóa", "--format", "json")
    assert code == 0 and "tỉnh Quảng Trị" in output and "cảnh báo" in output


def test_the_xlsx_table_has_every_column_and_the_codes_and_feeds_batch(tmp_path: Path) -> None:
    path = tmp_path / "xa.xlsx"
    code, output = run("quang-tri", "--search", "Đồng", "--table", str(path))
    assert code == 0 and str(path) in output
    book = load_workbook(path)
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    assert header == [column.vi for column in COLUMNS]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    wanted = search("Đồng", find_province("44"))
    assert [row[0] for row in rows] == [c.code for c in wanted] and len(wanted) >= 3
    assert all(cell.data_type == "s" for cell in sheet["A"][1:])  # codes stay text
    # the officer fills two rows in and deletes the others
    sheet.delete_rows(4, sheet.max_row)
    sheet["D2"], sheet["F2"] = "09", "Nguyễn Văn A"
    book.save(path)
    report = run_batch(BatchOptions(EXAMPLE / "commune.yaml", str(path), tmp_path / "out",
                                    jobs=1))
    assert [item.status for item in report.items] == [WRITTEN, WRITTEN], report.items
    again, message = run("quang-tri", "--table", str(path))
    assert again == 2 and "--force" in message


def test_the_csv_table_reads_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "xa.csv"
    assert run("hue", "--table", str(path))[0] == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    report = run_batch(BatchOptions(EXAMPLE / "commune.yaml", str(path), tmp_path / "out",
                                    jobs=2))
    assert len(report.items) == 40 and not report.failed
    code, message = run("hue", "--table", str(tmp_path / "xa.ods"))
    assert code == 2 and ".xlsx" in message


def test_the_table_is_the_same_bytes_each_time(tmp_path: Path) -> None:
    run("quang-tri", "--table", str(tmp_path / "a.xlsx"))
    run("quang-tri", "--table", str(tmp_path / "b.xlsx"))
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_a_table_of_every_commune_reads_back_as_every_commune(tmp_path: Path) -> None:
    from plangen.batch.listing import write_table
    from plangen.batch.localities import all_communes
    from plangen.batch.selection import read_selection

    communes = all_communes()
    path = tmp_path / "all.csv"
    write_table(path, communes, "vi")
    selection = read_selection(str(path))
    assert not selection.failed and not selection.warnings
    assert [item.locality for item in selection.items] == communes
