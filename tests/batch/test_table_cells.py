"""A problem a locality table's cell causes is said at that cell: the column as the header
writes it (Vietnamese or English), the CSV line and column or the .xlsx cell ("B3"), and advice
for a cell, never the spec's field ("number") or YAML advice (quotes). A number written with
its symbol ("13/KH-UBND") is 13 when the symbol is the plan's own."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.docx_helpers import assert_schema_valid
from support.rendered import document_text

from plangen.batch.run import FAILED, WRITTEN, BatchOptions, ItemResult, run_batch
from plangen.batch.selection import read_selection
from plangen.cli import main
from plangen.errors import SpecIssue

ROOT = Path(__file__).resolve().parents[2]
COMMUNE = ROOT / "examples" / "ai-law" / "commune.yaml"
DECISION = ROOT / "examples" / "decision" / "base.yaml"
TAN_MY_QT, TAN_MY_TQ = "xã Tân Mỹ (Quảng Trị)", "xã Tân Mỹ (Tuyên Quang)"


def csv_table(folder: Path, text: str, name: str = "t.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(table: Path, out: Path, base: Path = COMMUNE) -> dict[str, ItemResult]:
    """Each result by its table row ("t.csv:3")."""
    report = run_batch(BatchOptions(base, str(table), out, jobs=1))
    return {item.row: item for item in report.items}


def only(issues: tuple[SpecIssue, ...], code: str) -> SpecIssue:
    found = [issue for issue in issues if issue.code == code]
    assert len(found) == 1, [issue.code for issue in issues]
    return found[0]


def test_the_reported_table_names_its_columns_and_takes_the_number_with_its_symbol(
        tmp_path: Path) -> None:
    table = csv_table(tmp_path, "Địa phương,Số,Ngày,Người ký\n"
                                f"{TAN_MY_QT},12/KH-UBND,32/13/2026,Nguyễn Văn A\n"
                                f"{TAN_MY_TQ},13/KH-UBND,01/12/2026,\n")
    result = CliRunner().invoke(main, ["batch", str(COMMUNE), "--localities", str(table),
                                       "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert f"{table}:2:3  Ngày  Ngày \"32/13/2026\" không đọc được" in result.output
    assert "number" not in result.output and "ngoặc kép" not in result.output
    assert "2 địa phương: 1 tệp mới" in result.output
    made = tmp_path / "out" / "tuyen-quang" / "xa-tan-my.docx"
    assert_schema_valid(made.read_bytes())
    text = document_text(made)
    assert "Số: 13/KH-UBND" in text and "ngày 01 tháng 12 năm 2026" in text
    index = (tmp_path / "out" / "index.csv").read_text(encoding="utf-8-sig")
    assert "t.csv:2:3  Ngày" in index and "Lỗi" in index and "Đã tạo" in index


def test_a_number_cell_says_what_to_write(tmp_path: Path) -> None:
    table = csv_table(tmp_path, "Địa phương;Số\n"
                                f"{TAN_MY_QT};13/QĐ-UBND\n"
                                f"{TAN_MY_TQ};abc\n"
                                "phường Đồng Hới;000\n"
                                "xã Dân Hóa;Số 7 / kh-ubnd\n"
                                "xã Kim Phú (Tuyên Quang);1234567\n")
    selection = read_selection(str(table), symbol="KH-UBND")
    assert [item.locality.name for item in selection.items] == ["Dân Hóa"]
    overrides = selection.items[0].overrides
    assert overrides is not None and overrides.value["number"].value == "7"
    failed = {row.row: row.issues for row in selection.failed}
    other = only(failed["t.csv:2"], "table_number_other_symbol")
    assert other.format("vi") == (
        f"{table}:2:2  Số  Số văn bản chỉ ghi phần số: 13. Ký hiệu \"QĐ-UBND\" ghi ở đây khác "
        "ký hiệu của kế hoạch (\"KH-UBND\"); nếu ký hiệu đúng là \"QĐ-UBND\", sửa symbol trong "
        "kế hoạch gốc.")
    assert "Write only the number: 13" in other.format("en")
    bad = only(failed["t.csv:3"], "table_bad_number")
    assert bad.path == ("Số",) and "ví dụ 05" in bad.format("vi")
    assert "ngoặc kép" not in bad.format("vi")
    assert only(failed["t.csv:4"], "table_number_zero").path == ("Số",)
    assert only(failed["t.csv:6"], "table_bad_number").params["value"] == "1234567"
    # without the plan's symbol (the library's select, no base) the officer is told the digits
    unknown = read_selection(str(table)).failed
    issue = next(i for row in unknown for i in row.issues if row.row == "t.csv:5")
    assert issue.code == "table_number_with_symbol"
    assert "chỉ ghi phần số: 7" in issue.format("vi")


def test_english_headers_are_named_as_written_and_xlsx_cells_by_letter(tmp_path: Path) -> None:
    from openpyxl import Workbook

    table = csv_table(tmp_path, "Locality,Number,Date\n"
                                f"{TAN_MY_QT},12/ABC,31/02/2026\n")
    [failed] = read_selection(str(table), symbol="KH-UBND").failed
    lines = [issue.format("en") for issue in failed.issues]
    assert lines[0].startswith(f"{table}:2:2  Number  Write only the number: 12.")
    assert lines[1] == (f"{table}:2:3  Date  There is no date \"31/02/2026\": month 2 of 2026 "
                        "has only 28 days. Fix the day (d/m/yyyy).")
    book = Workbook()
    sheet = book.active
    sheet.append(["Tên đơn vị ", "SỐ KH", "Ngày ký"])  # headers as officers retype them
    sheet.append([TAN_MY_QT, "05", datetime.datetime(2026, 5, 4)])
    sheet.append([TAN_MY_TQ, "5/KH", "7/15/2026"])
    path = tmp_path / "xa.xlsx"
    book.save(path)
    selection = read_selection(str(path), symbol="KH-UBND")
    assert [item.locality.code for item in selection.items] == ["19291"]
    [failed] = selection.failed
    number, date = failed.issues
    assert str(number.location).endswith("xa.xlsx:B3") and number.path == ("SỐ KH",)
    assert str(date.location).endswith("xa.xlsx:C3") and date.path == ("Ngày ký",)
    assert date.code == "table_date_month_first" and "15/07/2026" in date.format("vi")


@pytest.mark.parametrize(("cell", "code", "said"), [
    ("31/02/2026", "table_no_such_date", "tháng 2 năm 2026 chỉ có 28 ngày"),
    ("29/2/2027", "table_no_such_date", "chỉ có 28 ngày"),
    ("7/15/2026", "table_date_month_first", "ngày/tháng/năm: 15/07/2026"),
    ("46218", "table_date_serial", "Excel hiểu là 15/07/2026"),
    ("1900", "table_date_year", "Năm 1900 ngoài khoảng cho phép (1945–2200)"),
    ("12/1900", "table_date_year", "Năm 1900"),
    ("13/2026", "table_bad_date", "ngày/tháng/năm"),
    ("hôm nay", "table_bad_date", "định dạng ô là ngày trong Excel"),
])
def test_a_date_cell_says_what_is_wrong(tmp_path: Path, cell: str, code: str,
                                        said: str) -> None:
    table = csv_table(tmp_path, f"Địa phương,Ngày ban hành\n{TAN_MY_QT},{cell}\n")
    [failed] = read_selection(str(table)).failed
    [issue] = failed.issues
    assert issue.code == code and issue.path == ("Ngày ban hành",)
    assert said in issue.format("vi") and str(issue.location) == f"{table}:2:2"
    assert issue.message("en") != issue.message("vi")


def test_every_problem_of_a_row_is_said_at_once(tmp_path: Path) -> None:
    table = csv_table(tmp_path, "Địa phương,Số,Ngày\nxã Không Có,0,31/04/2026\n")
    [failed] = read_selection(str(table)).failed
    assert [issue.code for issue in failed.issues] == [
        "locality_unknown", "table_number_zero", "table_no_such_date"]


def test_task_and_recipient_cells_are_said_at_the_cell(tmp_path: Path) -> None:
    table = csv_table(tmp_path, "Địa phương,Bỏ nhiệm vụ,Nơi nhận thêm\n"
                                f"{TAN_MY_QT},khong-co,\n"
                                f"{TAN_MY_TQ},\"tuyen-truyen, ung-dung\",\n"
                                "phường Đồng Hới,,Công an phường|Lưu: VP\n"
                                "xã Dân Hóa,ung-dung,Công an xã\n")
    results = run(table, tmp_path / "out")
    assert results["t.csv:5"].status == WRITTEN
    assert "Công an xã" in document_text(tmp_path / "out" / "quang-tri" / "xa-dan-hoa.docx")
    unknown = only(results["t.csv:2"].issues, "table_unknown_task")
    assert unknown.format("vi") == (
        f"{table}:2:2  Bỏ nhiệm vụ  Kế hoạch gốc không có nhiệm vụ mã \"khong-co\" để bỏ. Các "
        "mã có: tuyen-truyen, ung-dung. Ghi mã nhiệm vụ, cách nhau bằng dấu phẩy.")
    every = only(results["t.csv:3"].issues, "table_removes_every_task")
    assert str(every.location) == f"{table}:3:2" and every.path == ("Bỏ nhiệm vụ",)
    archive = only(results["t.csv:4"].issues, "table_archive_in_extra")
    assert str(archive.location) == f"{table}:4:3" and "\"Lưu: VP\"" in archive.format("vi")
    for row in ("t.csv:2", "t.csv:3", "t.csv:4"):
        message = results[row].message
        assert results[row].status == FAILED and "tasks.items" not in message
        assert "recipients" not in message and "commune.yaml" not in message
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))["items"]
    by_row = {entry["row"]: entry for entry in index}
    assert "Bỏ nhiệm vụ  Ô này bỏ hết" in by_row["t.csv:3"]["message"]


def test_yaml_tables_name_the_path_in_their_own_file(tmp_path: Path) -> None:
    table = tmp_path / "xa.yaml"
    table.write_text("localities:\n"
                     f"  - locality: {TAN_MY_QT}\n"
                     "    number: 13/KH-UBND\n"
                     f"  - locality: {TAN_MY_TQ}\n"
                     "    number: 14/QĐ-UBND\n"
                     "  - locality: phường Đồng Hới\n"
                     "    tasks:\n"
                     "      items-: [khong-co]\n", encoding="utf-8")
    results = run(table, tmp_path / "out")
    assert results["xa.yaml:2"].status == WRITTEN
    assert "Số: 13/KH-UBND" in document_text(tmp_path / "out" / "quang-tri" / "xa-tan-my.docx")
    symbol = only(results["xa.yaml:4"].issues, "table_number_other_symbol")
    assert symbol.path == ("localities", 1, "number") and str(symbol.location) == \
        f"{table}:5:13"
    removed = only(results["xa.yaml:6"].issues, "merge_nothing_to_remove")
    assert removed.format("vi").startswith(f"{table}:8:16  localities[3].tasks.items-[1]  ")


def test_a_decision_takes_the_number_with_its_own_symbol(tmp_path: Path) -> None:
    table = csv_table(tmp_path, "Địa phương,Số,Ngày\n"
                                "thành phố Huế,213/QĐ-UBND,13/02/2026\n"
                                "tỉnh Quảng Trị,214/KH-UBND,13/02/2026\n")
    results = run(table, tmp_path / "out", DECISION)
    assert results["t.csv:2"].status == WRITTEN
    assert "Số: 213/QĐ-UBND" in document_text(tmp_path / "out" / "hue.docx")
    issue = only(results["t.csv:3"].issues, "table_number_other_symbol")
    assert "(\"QĐ-UBND\")" in issue.format("vi") and "phần số: 214" in issue.format("vi")


def test_signer_and_locality_cells_as_officers_type_them(tmp_path: Path) -> None:
    table = csv_table(tmp_path, "Địa phương,Người ký\n"
                                "\"xã Tân Mỹ\ntỉnh Quảng Trị\",Lê Văn Bình\n"  # Alt+Enter
                                "xã Dân Hóa,NGUYỄN VĂN ĐỨC\n"
                                "xã Kim Phú (Quảng Trị),12/05/2026\n")
    results = run(table, tmp_path / "out")
    assert results["t.csv:2"].status == WRITTEN
    assert "Lê Văn Bình" in document_text(tmp_path / "out" / "quang-tri" / "xa-tan-my.docx")
    upper = only(results["t.csv:4"].issues, "table_signer_upper")
    assert upper.format("vi") == (
        f"{table}:4:2  Người ký  Họ tên người ký không in hoa toàn bộ, chỉ viết hoa chữ đầu "
        "mỗi tiếng (NĐ 30): ghi \"Nguyễn Văn Đức\" thay cho \"NGUYỄN VĂN ĐỨC\".")
    date = only(results["t.csv:5"].issues, "table_signer_no_name")
    assert date.path == ("Người ký",) and "ghi nhầm cột" in date.format("vi")
    assert "wrong column" in date.format("en")
