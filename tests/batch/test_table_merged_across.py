"""Cells merged across columns in a locality sheet, read as an office means them, or said at
the cell: a header on two rows (a heading merged over "Số" and "Ngày"), a column whose header
and cells are merged over two sheet columns, a block merged over rows and columns, a group
heading merged across the row; a value merged over two columns that each hold their own, or
a merged heading over a column with its own data, is said at its cell. Each sheet as openpyxl
writes it and as LibreOffice saves it again."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from support.docx_helpers import assert_schema_valid
from support.rendered import document_text

from plangen.batch.run import FAILED, WRITTEN, BatchOptions, ItemResult, run_batch
from plangen.batch.selection import read_selection
from plangen.batch.tables import TableError

ROOT = Path(__file__).resolve().parents[2]
COMMUNE = ROOT / "examples" / "ai-law" / "commune.yaml"
SAVERS = ("openpyxl", "libreoffice")


def sheet(folder: Path, saver: str, fill: Callable[[Worksheet], None]) -> Path:
    """The sheet `fill` draws, saved by openpyxl, or then opened and saved by LibreOffice."""
    book = Workbook()
    fill(book.active)
    source = folder / "src" / "xa.xlsx"
    source.parent.mkdir()
    book.save(source)
    if saver == "openpyxl":
        return source
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed here; CI installs it")
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(folder / "lo"), str(source)],
                   check=True, capture_output=True, timeout=180)
    return folder / "lo" / "xa.xlsx"


def run(table: Path, out: Path) -> dict[str, ItemResult]:
    report = run_batch(BatchOptions(COMMUNE, str(table), out, jobs=1))
    return {item.row: item for item in report.items}


@pytest.mark.parametrize("saver", SAVERS)
def test_a_header_on_two_rows_is_one_header(tmp_path: Path, saver: str) -> None:
    def fill(page: Worksheet) -> None:
        page.append(["DANH SÁCH CÁC XÃ"])
        page.merge_cells("A1:E1")
        page.append(["STT", "Địa phương", "Kế hoạch", None, "Người ký"])
        page.append([None, None, "Số", "Ngày", None])
        for cells in ("A2:A3", "B2:B3", "C2:D2", "E2:E3"):
            page.merge_cells(cells)
        page.append([1, "xã Tân Mỹ (Quảng Trị)", "05", "05/06/2026", "Nguyễn Văn An"])
        page.append([2, "xã Dân Hóa", "06", "01/07/2026", "Trần Thị Bích"])

    results = run(sheet(tmp_path, saver, fill), tmp_path / "out")
    assert {row: item.status for row, item in results.items()} == {
        "xa.xlsx:4": WRITTEN, "xa.xlsx:5": WRITTEN}
    made = tmp_path / "out" / "quang-tri" / "xa-dan-hoa.docx"
    assert_schema_valid(made.read_bytes())
    text = document_text(made)
    assert "Số: 06/KH-UBND" in text and "ngày 01 tháng 7 năm 2026" in text
    assert "Trần Thị Bích" in text


@pytest.mark.parametrize("saver", SAVERS)
def test_a_column_merged_over_two_sheet_columns_is_one_column(tmp_path: Path,
                                                             saver: str) -> None:
    def fill(page: Worksheet) -> None:
        page.append(["STT", "Địa phương", None, "Tỉnh", None, "Số"])
        page.merge_cells("B1:C1")
        page.merge_cells("D1:E1")
        page.append([1, "xã Tân Mỹ", None, "Quảng Trị", None, "05"])
        page.append([2, "xã Kim Phú", None, None, None, "06"])
        page.merge_cells("B2:C2")
        page.merge_cells("B3:C3")
        page.merge_cells("D2:E3")  # one province for both rows: a block over rows and columns

    selection = read_selection(str(sheet(tmp_path, saver, fill)))
    assert not selection.failed and not selection.warnings
    # "Kim Phú" alone is in two provinces: the block gave it Quảng Trị
    assert [(item.locality.name, item.locality.province and item.locality.province.name)
            for item in selection.items] == [("Tân Mỹ", "Quảng Trị"), ("Kim Phú", "Quảng Trị")]


@pytest.mark.parametrize("saver", SAVERS)
def test_a_value_merged_over_two_columns_is_said_at_its_cell(tmp_path: Path,
                                                            saver: str) -> None:
    def fill(page: Worksheet) -> None:
        page.append(["STT", "Địa phương", "Số", "Ngày", "Người ký", "Ghi chú", None])
        page.append([1, "xã Tân Mỹ (Quảng Trị)", "Chưa ban hành", None, "Nguyễn Văn An"])
        page.append([2, "xã Dân Hóa", "06", "01/07/2026", "Trần Thị Bích", "đã gửi"])
        page.merge_cells("C2:D2")
        page.merge_cells("F3:G3")  # over the note and nothing: not read either way

    table = sheet(tmp_path, saver, fill)
    results = run(table, tmp_path / "out")
    assert results["xa.xlsx:3"].status == WRITTEN
    failed = results["xa.xlsx:2"]
    assert failed.status == FAILED
    [issue] = failed.issues
    assert issue.format("vi") == (
        f"{table}:C2  Số  Ô C2:D2 gộp qua nhiều cột (\"Số\", \"Ngày\"): mỗi cột ghi một giá "
        "trị riêng, không biết giá trị này thuộc cột nào. Bỏ gộp ô (Merge & Center → Unmerge "
        "Cells), ghi giá trị vào đúng cột, để trống cột không có.")
    assert issue.format("en").startswith(
        f"{table}:C2  Số  Cell C2:D2 is merged over several columns (\"Số\", \"Ngày\")")
    assert not (tmp_path / "out" / "quang-tri" / "xa-tan-my.docx").exists()


@pytest.mark.parametrize("saver", SAVERS)
def test_a_group_heading_merged_across_the_row_is_skipped_not_a_province(
        tmp_path: Path, saver: str) -> None:
    def fill(page: Worksheet) -> None:
        page.append(["STT", "Địa phương", "Số", "Ngày"])
        page.append(["I. KHU VỰC PHÍA TÂY"])
        page.merge_cells("A2:D2")
        page.append([1, "xã Dân Hóa", "06", "01/07/2026"])
        page.append(["II", "Tỉnh Quảng Trị"])  # would be a province's plan if read as a row
        page.merge_cells("B4:D4")
        page.append([2, "xã Tân Mỹ (Quảng Trị)", "07", "01/07/2026"])

    table = sheet(tmp_path, saver, fill)
    results = run(table, tmp_path / "out")
    assert sorted(results) == ["xa.xlsx:3", "xa.xlsx:5"]
    assert {item.status for item in results.values()} == {WRITTEN}
    assert not (tmp_path / "out" / "quang-tri.docx").exists()
    warnings = [issue.format("vi") for issue in read_selection(str(table)).warnings]
    assert warnings == [
        f"{table}:A2  STT  cảnh báo: Dòng 2 là dòng tiêu đề nhóm (ô A2:D2 gộp qua cả dòng: "
        "\"I. KHU VỰC PHÍA TÂY\"), không phải một địa phương: bỏ qua. Mỗi địa phương ghi ở "
        "một dòng riêng.",
        f"{table}:B4  Địa phương  cảnh báo: Dòng 4 là dòng tiêu đề nhóm (ô B4:D4 gộp qua cả "
        "dòng: \"Tỉnh Quảng Trị\"), không phải một địa phương: bỏ qua. Mỗi địa phương ghi ở "
        "một dòng riêng."]


@pytest.mark.parametrize("saver", SAVERS)
def test_a_merged_heading_over_a_column_of_its_own_names_both(tmp_path: Path,
                                                             saver: str) -> None:
    def fill(page: Worksheet) -> None:
        page.append(["STT", "Địa phương", None, "Số"])
        page.merge_cells("B1:C1")
        page.append([1, "xã Tân Mỹ", "Quảng Trị", "05"])

    table = sheet(tmp_path, saver, fill)
    with pytest.raises(TableError) as caught:
        read_selection(str(table))
    [issue] = caught.value.issues
    assert issue.format("vi") == (
        f"{table}:B1  Địa phương  Tiêu đề \"Địa phương\" gộp qua nhiều cột (ô B1:C1), nhưng "
        f"cột C có dữ liệu riêng (ô {table}:C2: \"Quảng Trị\"): mỗi cột cần một tiêu đề. Bỏ "
        "gộp ô tiêu đề và ghi tiêu đề cho cột C (ví dụ \"Tỉnh\"; \"Ghi chú\" nếu không cần "
        "đọc), hoặc ghi tên các cột ở dòng ngay dưới tiêu đề gộp.")
    assert "column C holds data of its own" in issue.format("en")
