"""A locality table with many bad rows: every row's every problem is said at once, at its
cell, in the table's order, before any plan is made: a task id the base plan lacks and an
archive line among the extra recipients too (not only when that row's plan is built), and
two rows for one unit even when one of them is wrong for another reason. The same table as
openpyxl writes it, as LibreOffice saves it again, and as CSV."""

from __future__ import annotations

import csv
import datetime
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from support.docx_helpers import assert_schema_valid
from support.rendered import document_text

from plangen.batch.rows import signer_issue
from plangen.batch.run import WRITTEN, BatchOptions, ItemResult, run_batch
from plangen.batch.selection import read_selection
from plangen.cli import main
from plangen.spec.compose import compose_spec

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "examples" / "ai-law" / "base.yaml"
HEADER = ["STT", "Địa phương", "Số", "Ngày", "Người ký", "Nơi nhận thêm", "Bỏ nhiệm vụ"]
EVERY_TASK = "tuyen-truyen, ra-soat-van-ban, quan-ly-nha-nuoc, du-lieu, kiem-tra"
ROWS: list[list[object]] = [  # sheet rows 4 to 12, under a title and a blank row
    [1, "tỉnh Đắk Lắk", "12", datetime.date(2026, 6, 5), "Hồ Thị Nguyên Thảo", "", ""],
    [2, "tỉnh Thái Nguyên", "13", "31/02/2026", "Nguyễn Văn A", "", "khong-co"],
    [3, "tỉnh Không Có", "14", "05/06/2026", "Nguyễn Văn B", "", ""],
    [4, "thành phố Huế", "15", "05/06/2026", "Trần Hữu Thùy Giang", "", "du-lieu-x"],
    [5, "tỉnh An Giang", "Nguyễn Thanh Phong", "05/06/2026", "", "", ""],
    [6, "tỉnh Ninh Bình", "17", "05/06/2026", "Nguyễn Văn C", "Công an tỉnh|Lưu: VT", ""],
    [7, "tỉnh Đắk Lắk", "18", "05/06/2026", "NGUYỄN VĂN D", "", ""],
    [8, "tỉnh Gia Lai", "20", "05/06/2026", "Lê Văn F", "", EVERY_TASK],
    [9, "tỉnh Quảng Trị", "19", datetime.date(2026, 6, 5), "Lê Văn E", "Công an tỉnh", ""],
]
# (sheet row, column, issue code), in the table's order
EXPECTED = [
    (4, 2, "table_duplicate_row"),
    (5, 4, "table_no_such_date"), (5, 7, "table_unknown_task"),
    (6, 2, "locality_unknown_province"),
    (7, 7, "table_unknown_task"),
    (8, 3, "table_name_in_column"),
    (9, 6, "table_archive_in_extra"),
    (10, 2, "table_duplicate_row"), (10, 5, "table_signer_upper"),
    (11, 7, "table_removes_every_task"),
]


def openpyxl_table(folder: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet["A1"] = "DANH SÁCH TỈNH, THÀNH PHỐ BAN HÀNH KẾ HOẠCH"
    sheet.append([])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    path = folder / "tinh.xlsx"
    book.save(path)
    return path


def libreoffice_table(folder: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed here; CI installs it")
    (folder / "src").mkdir()
    source = openpyxl_table(folder / "src")
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    return folder / "tinh.xlsx"


def csv_table(folder: Path) -> Path:
    path = folder / "tinh.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["DANH SÁCH TỈNH, THÀNH PHỐ BAN HÀNH KẾ HOẠCH"])
        writer.writerow([])
        writer.writerow(HEADER)
        for row in ROWS:
            writer.writerow([value.strftime("%d/%m/%Y") if isinstance(value, datetime.date)
                             else value for value in row])
    return path


MAKERS = {"openpyxl": openpyxl_table, "libreoffice": libreoffice_table, "csv": csv_table}


def cell(path: Path, row: int, column: int) -> str:
    if path.suffix == ".csv":
        return f"{path}:{row}:{column}"
    return f"{path}:{get_column_letter(column)}{row}"


@pytest.mark.parametrize("maker", list(MAKERS))
def test_every_row_problem_is_known_before_any_plan_is_built(tmp_path: Path,
                                                             maker: str) -> None:
    table = MAKERS[maker](tmp_path)
    selection = read_selection(str(table), symbol="KH-UBND", base=compose_spec(BASE))
    found = [(issue.location.line, issue.location.column, issue.code)
             for row in selection.failed for issue in row.issues if issue.location]
    assert found == EXPECTED
    assert [item.locality.name for item in selection.items] == ["Quảng Trị"]
    # without the base plan, what only it can tell is not guessed
    plain = read_selection(str(table), symbol="KH-UBND")
    codes = {issue.code for row in plain.failed for issue in row.issues}
    assert "table_unknown_task" not in codes and "table_duplicate_row" in codes


@pytest.mark.parametrize("maker", list(MAKERS))
def test_the_office_reads_every_problem_at_its_cell_before_the_plans(tmp_path: Path,
                                                                     maker: str) -> None:
    table = MAKERS[maker](tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(BASE), "--localities", str(table),
                                       "-o", str(out), "--jobs", "1"])
    output = result.output
    assert result.exit_code == 1 and "Traceback" not in output
    head = output.index("Bảng địa phương: 8 dòng có lỗi (10 lỗi), không tạo kế hoạch cho "
                        "các dòng này (các dòng khác vẫn được tạo)")
    assert head < output.index("Đang tạo")
    lines = [line.strip() for line in output[head:output.index("Đang tạo")].splitlines()[1:]]
    assert [line.split("  ")[0] for line in lines] == [
        cell(table, row, column) for row, column, _ in EXPECTED]
    said = "\n".join(lines)
    for text in (
        f"{cell(table, 4, 2)}  Địa phương  tỉnh Đắk Lắk (mã 66) có ở nhiều dòng: 4, 10.",
        f"{cell(table, 5, 4)}  Ngày  Không có ngày \"31/02/2026\"",
        f"{cell(table, 5, 7)}  Bỏ nhiệm vụ  Kế hoạch gốc không có nhiệm vụ mã \"khong-co\"",
        f"{cell(table, 7, 7)}  Bỏ nhiệm vụ  Kế hoạch gốc không có nhiệm vụ mã \"du-lieu-x\"",
        f"{cell(table, 8, 3)}  Số  Ô này ghi \"Nguyễn Thanh Phong\", là họ tên người, không "
        "phải giá trị của cột này: có lẽ gõ lệch cột. Ghi họ tên người ký vào cột "
        "\"Người ký\"",
        f"{cell(table, 9, 6)}  Nơi nhận thêm  Nơi nhận \"Lưu: VT\" là dòng lưu",
        f"{cell(table, 10, 5)}  Người ký  Họ tên người ký không in hoa toàn bộ",
        f"{cell(table, 11, 7)}  Bỏ nhiệm vụ  Ô này bỏ hết các nhiệm vụ",
    ):
        assert text in said, text
    # said once, not again with the results
    assert output.count("Kế hoạch gốc không có nhiệm vụ mã \"du-lieu-x\"") == 1
    assert sorted(path.name for path in out.rglob("*.docx")) == ["quang-tri.docx"]
    made = out / "quang-tri.docx"
    assert_schema_valid(made.read_bytes())
    text = document_text(made)
    assert "Số: 19/KH-UBND" in text and "Lê Văn E" in text
    index = (out / "index.csv").read_text(encoding="utf-8-sig")
    assert index.count("Lỗi") == 8 and "du-lieu-x" in index


def test_in_english_too(tmp_path: Path) -> None:
    table = openpyxl_table(tmp_path)
    output = CliRunner().invoke(main, ["batch", str(BASE), "--localities", str(table), "-o",
                                       str(tmp_path / "out"), "--jobs", "1", "--lang",
                                       "en"]).output
    assert "Locality table: 8 row(s) with problems (10 in all); no plan is made for them" \
        in output
    assert f"{table}:C8  Số  This cell holds \"Nguyễn Thanh Phong\", a person's name" in output
    assert f"{table}:G7  Bỏ nhiệm vụ  The base plan has no task with id \"du-lieu-x\"" in output


def test_the_rows_are_heard_before_any_file_is_written(tmp_path: Path) -> None:
    table = openpyxl_table(tmp_path)
    out = tmp_path / "out"
    heard: list[ItemResult] = []

    def failed_rows(items: list[ItemResult]) -> None:
        assert not list(out.rglob("*.docx"))
        heard.extend(items)

    report = run_batch(BatchOptions(BASE, str(table), out, jobs=1),
                       on_failed_rows=failed_rows)
    assert [item.row for item in heard] == [f"tinh.xlsx:{n}" for n in range(4, 12)]
    assert [item.status for item in report.items if item.row == "tinh.xlsx:12"] == [WRITTEN]


def test_a_yaml_row_says_all_its_problems_before_its_plan(tmp_path: Path) -> None:
    table = tmp_path / "tinh.yaml"
    table.write_text("localities:\n"
                     "  - locality: tỉnh Không Có\n"
                     "    number: 13/QĐ-UBND\n"
                     "  - locality: thành phố Huế\n"
                     "    tasks: {items-: [khong-co]}\n"
                     "  - locality: thành phố Huế\n", encoding="utf-8")
    selection = read_selection(str(table), symbol="KH-UBND", base=compose_spec(BASE))
    assert [[(issue.code, issue.path) for issue in row.issues] for row in selection.failed] == [
        [("locality_unknown_province", ("localities", 0, "locality")),
         ("table_number_other_symbol", ("localities", 0, "number"))],
        [("table_duplicate_row", ("localities", 1, "locality")),
         ("merge_nothing_to_remove", ("localities", 1, "tasks", "items-", 0))],
        [("table_duplicate_row", ("localities", 2, "locality"))],
    ]


def test_a_signer_with_one_letter_names_is_no_shouting() -> None:
    assert signer_issue("Nguyễn Văn A") is None
    assert signer_issue("X Y") is None  # nothing to write otherwise
    found = signer_issue("LÊ VĂN A")
    assert found is not None and found[1]["fixed"] == "Lê Văn A"
