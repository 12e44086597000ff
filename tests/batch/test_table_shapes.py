"""Tables as officers really keep them: a title above the header, an STT column, merged cells,
formulas, a BOM and retyped headers, a header and nothing else, rows that repeat or name
nothing. Each is read as Excel shows it, or said at its row, column or cell with the fix."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook
from support.docx_helpers import assert_schema_valid
from support.rendered import document_text

from plangen.batch.run import FAILED, WRITTEN, BatchOptions, ItemResult, run_batch
from plangen.batch.selection import read_selection
from plangen.batch.tables import TableError, read_table_file
from plangen.cli import main

ROOT = Path(__file__).resolve().parents[2]
COMMUNE = ROOT / "examples" / "ai-law" / "commune.yaml"


def cli(table: Path, out: Path, *more: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["batch", str(COMMUNE), "--localities", str(table),
                                       "-o", str(out), "--jobs", "1", *more])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def run(table: Path, out: Path) -> dict[str, ItemResult]:
    report = run_batch(BatchOptions(COMMUNE, str(table), out, jobs=1))
    return {item.row: item for item in report.items}


def officer_sheet(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    """A sheet as offices make them: a merged title, a blank line, then the header."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách xã"
    sheet["A1"] = "DANH SÁCH CÁC XÃ TRIỂN KHAI KẾ HOẠCH"
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["STT", "Địa phương", "Tỉnh", "Số", "Ngày", "Người ký"])
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def test_a_header_alone_is_a_table_error_and_nothing_is_made(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Địa phương;Số;Ngày\n;;\n", encoding="utf-8")
    code, output = cli(table, tmp_path / "out")
    assert code == 1
    assert output.splitlines()[0] == (
        f"{table}:1:1  (cả tệp)  Bảng mới có dòng tiêu đề (dòng 1), chưa có địa phương nào: "
        "thêm mỗi địa phương một dòng dưới tiêu đề. Bảng mẫu đã điền mã: plangen localities "
        "TỈNH --table xa.xlsx.")
    assert "Bảng địa phương có 1 lỗi; chưa tạo kế hoạch nào." in output
    assert "Tệp kế hoạch" not in output and not (tmp_path / "out").exists()
    empty = tmp_path / "e.yaml"
    empty.write_text("localities: []\n", encoding="utf-8")
    code, output = cli(empty, tmp_path / "out", "--lang", "en")
    assert code == 1 and "The \"localities:\" list is empty" in output
    assert "The locality table has 1 problem(s); no plan was made." in output
    broken = tmp_path / "b.yaml"
    broken.write_text("localities:\n  - locality: [\n", encoding="utf-8")
    code, output = cli(broken, tmp_path / "out")
    assert code == 1 and "Bảng địa phương có 1 lỗi" in output and "b.yaml:3:" in output


def test_a_title_above_the_header_and_an_stt_column_are_read_past(tmp_path: Path) -> None:
    table = officer_sheet(tmp_path / "xa.xlsx", [
        [1, "xã Tân Mỹ", "Quảng Trị", "05", datetime.datetime(2026, 6, 5), "Lê Văn Bình"],
        [2, "xã Dân Hóa", None, "06", "01/07/2026", None],
        [3, "xã Kim Phú", None, "07", "01/07/2026", None],
    ], merges=("C4:C6", "F4:F6"))  # one province, one signer, merged down the rows
    results = run(table, tmp_path / "out")
    assert {row: item.status for row, item in results.items()} == {
        "xa.xlsx:4": WRITTEN, "xa.xlsx:5": WRITTEN, "xa.xlsx:6": WRITTEN}
    made = tmp_path / "out" / "quang-tri" / "xa-kim-phu.docx"
    assert_schema_valid(made.read_bytes())
    text = document_text(made)
    assert "Lê Văn Bình" in text and "Số: 07/KH-UBND" in text  # the merged signer reaches it
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert sorted(row["row"] for row in index["items"]) == ["xa.xlsx:4", "xa.xlsx:5",
                                                            "xa.xlsx:6"]


def test_formulas_are_read_by_their_value_or_said_at_their_cell(tmp_path: Path) -> None:
    table = officer_sheet(tmp_path / "xa.xlsx", [
        [1, "xã Tân Mỹ", "Quảng Trị", "05", "05/06/2026", None],
        [2, "xã Dân Hóa", "Quảng Trị", "=D4+1", "01/07/2026", None],  # no value saved
        [3, "xã Kim Phú", "Quảng Trị", "#REF!", "01/07/2026", None],
        [4, "=B4", None, None, None, None],
    ])
    results = run(table, tmp_path / "out")
    assert results["xa.xlsx:4"].status == WRITTEN
    unsaved = results["xa.xlsx:5"]
    assert unsaved.status == FAILED and [i.code for i in unsaved.issues] == [
        "table_formula_no_value"]
    assert unsaved.issues[0].format("vi").startswith(
        f"{table}:D5  Số  Ô này là công thức (=D4+1) chưa có giá trị tính sẵn")
    error = results["xa.xlsx:6"].issues[0]
    assert error.code == "table_formula_error" and "(#REF!)" in error.format("vi")
    assert error.path == ("Số",)
    [unit] = results["xa.xlsx:7"].issues  # not also "this row names no locality"
    assert unit.code == "table_formula_no_value" and unit.path == ("Địa phương",)


def test_libreoffice_computes_formulas_and_they_are_read(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed here; CI installs it")
    source = officer_sheet(tmp_path / "src.xlsx", [
        [1, "xã Tân Mỹ", "Quảng Trị", "05", "05/06/2026", None],
        [2, "xã Dân Hóa", "Quảng Trị", "=D4+1", "01/07/2026", None],
    ])
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"),
                    str(source)], check=True, capture_output=True, timeout=180)
    results = run(tmp_path / "lo" / "src.xlsx", tmp_path / "out")
    assert [item.status for item in results.values()] == [WRITTEN, WRITTEN]
    assert "Số: 06/KH-UBND" in document_text(tmp_path / "out" / "quang-tri" / "xa-dan-hoa.docx")


def test_a_sheet_without_the_header_says_so_without_csv_advice(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["DANH SÁCH"])
    book.active.append(["Tên xã", "Số"])
    book.active.append(["Tân Mỹ", "5"])
    path = tmp_path / "x.xlsx"
    book.save(path)
    with pytest.raises(TableError) as caught:
        read_table_file(path)
    [issue] = caught.value.issues
    assert issue.code == "table_sheet_needs_locality_column"
    text = issue.format("vi")
    assert "20 dòng đầu" in text and "\"DANH SÁCH\"" in text and "--sheet" in text
    assert "phân cách" not in text and "|" not in text


def test_a_column_with_data_but_no_header_names_a_cell(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Địa phương,,Số\nxã Tân Mỹ (Quảng Trị),ghi thêm,5\n", encoding="utf-8")
    with pytest.raises(TableError) as caught:
        read_table_file(table)
    [issue] = caught.value.issues
    assert issue.code == "table_column_without_header" and str(issue.location) == \
        f"{table}:1:2"
    assert f"ô {table}:2:2: \"ghi thêm\"" in issue.format("vi")
    assert issue.path == ("B",)  # the column, not "(cả tệp)"


def test_a_bom_and_retyped_headers_are_read_and_named_as_written(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_bytes("\ufeff Địa Phương ,SỐ  ,ngay ky\nxã Tân Mỹ (Quảng Trị),5,31/4/2026\n"
                      "xã Dân Hóa,6,1/7/2026\n".encode())
    selection = read_selection(str(table))
    assert [item.locality.code for item in selection.items] == ["18904"]
    [issue] = selection.failed[0].issues
    assert issue.format("vi").startswith(f"{table}:2:3  ngay ky  Không có ngày \"31/4/2026\"")


def test_row_problems_name_their_column_not_the_whole_file(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Địa phương,Số\n"
                     "xã Tân Mỹ (Quảng Trị),5\n"
                     "Tân Mỹ, Quảng Trị,6\n"  # an unquoted comma
                     ",7\n"
                     "19291,8\n", encoding="utf-8")
    code, output = cli(table, tmp_path / "out")
    assert code == 1 and "(cả tệp)" not in output
    assert f"{table}:3:3  C  Ô \"6\" nằm ngoài các cột có tiêu đề" in output
    assert "ngoặc kép" in output
    assert f"\n  {table}:4:1  Địa phương  Dòng này chưa ghi" in output
    for line in (2, 5):
        assert f"{table}:{line}:1  Địa phương  xã Tân Mỹ (mã 19291) có ở nhiều dòng: 2, 5" \
            in output


def test_a_wrong_sheet_lists_the_sheets_and_how_to_choose(tmp_path: Path) -> None:
    path = officer_sheet(tmp_path / "xa.xlsx", [[1, "xã Tân Mỹ", "Quảng Trị", "", "", ""]])
    code, output = cli(path, tmp_path / "out", "--sheet", "Trang 2")
    assert code == 1
    assert "Không có trang tính \"Trang 2\". Các trang có: \"Danh sách xã\"." in output
    assert "--sheet 2" in output and "Bảng địa phương có 1 lỗi" in output
    code, output = cli(path, tmp_path / "out", "--sheet", "1")
    assert code == 0, output


def test_the_first_visible_sheet_is_read_by_default(tmp_path: Path) -> None:
    book = Workbook()
    hidden = book.active
    hidden.title = "Danh mục"
    hidden.append(["Mã", "Tên"])
    hidden.sheet_state = "hidden"
    shown = book.create_sheet("Xã")
    shown.append(["Địa phương", "Bỏ nhiệm vụ"])
    shown.append(["xã Tân Mỹ (Quảng Trị)", "Ung-Dung"])  # an id retyped with capitals
    path = tmp_path / "x.xlsx"
    book.save(path)
    results = run(path, tmp_path / "out")
    assert [item.status for item in results.values()] == [WRITTEN]
    text = document_text(tmp_path / "out" / "quang-tri" / "xa-tan-my.docx")
    assert "Ứng dụng trí tuệ nhân tạo trong giải quyết" not in text
    assert "Tuyên truyền, phổ biến" in text


def test_a_totals_line_is_skipped_with_a_warning(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Địa phương,Số\nxã Tân Mỹ (Quảng Trị),5\nxã Công Sơn,6\n"
                     "Tổng cộng: 2 xã,\n", encoding="utf-8")
    code, output = cli(table, tmp_path / "out")
    assert code == 0, output
    assert (f"{table}:4:1  Địa phương  cảnh báo: dòng \"Tổng cộng: 2 xã\" là dòng tổng cộng"
            in output)
    assert "2 địa phương: 2 tệp mới" in output
    assert len(list((tmp_path / "out").glob("*/xa-cong-son.docx"))) == 1  # a commune


def test_one_month_first_date_casts_doubt_on_the_column(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"  # as Excel set to English (US) saves it
    table.write_text("Địa phương,Ngày\nxã Tân Mỹ (Quảng Trị),7/15/2026\nxã Dân Hóa,6/5/2026\n"
                     "xã Kim Phú (Quảng Trị),7/7/2026\n", encoding="utf-8")
    selection = read_selection(str(table))
    [doubt] = [w for w in selection.warnings if w.code == "table_dates_maybe_month_first"]
    assert doubt.format("vi") == (
        f"{table}:3:2  Ngày  cảnh báo: ngày \"6/5/2026\" đã đọc là ngày 6 tháng 5, nhưng ô "
        f"{table}:2:2 (\"7/15/2026\") ghi tháng trước ngày (kiểu Mỹ): nếu cả cột ghi như vậy, "
        "1 ngày như ngày này bị đọc sai. Kiểm tra cột, ghi ngày/tháng/năm.")
    plain = tmp_path / "p.csv"  # day first throughout: no doubt
    plain.write_text("Địa phương,Ngày\nxã Dân Hóa,6/5/2026\nxã Tân Mỹ (Quảng Trị),31/02/2026\n",
                     encoding="utf-8")
    assert not read_selection(str(plain)).warnings


def test_sheet_is_refused_for_a_table_that_has_no_sheets(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Địa phương\nxã Dân Hóa\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(COMMUNE), "--localities", str(table),
                                       "-o", str(tmp_path / "out"), "--sheet", "Xã"])
    assert result.exit_code == 2 and "--sheet chọn trang tính của bảng .xlsx" in result.output
    assert not (tmp_path / "out").exists()
