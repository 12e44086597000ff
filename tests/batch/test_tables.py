"""Locality tables as Excel and LibreOffice save them: every format gives the same plans.

The fixtures are made here byte for byte as the programs write them: "CSV UTF-8" (BOM,
semicolons, as Excel on Vietnamese Windows), plain "CSV" (Windows-1258, tone marks written
apart), "Unicode Text" (UTF-16 with BOM, tabs, CRLF), an .xlsx by openpyxl with date cells,
and an .xlsx that LibreOffice itself saves from a CSV.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from support.docx_helpers import Look, assert_schema_valid, find_paragraph, look, open_docx

from plangen.batch.run import FAILED, WRITTEN, BatchOptions, run_batch
from plangen.batch.selection import read_selection
from plangen.batch.tables import CellLocation, decode_csv, detect_separator, read_table_file
from plangen.errors import SpecError

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ai-law"
HEADER = ["Địa phương", "Tỉnh", "Số", "Ngày", "Người ký", "Nơi nhận thêm", "Bỏ nhiệm vụ"]
ROWS = [
    ["Tân Mỹ", "Quảng Trị", "05", "05/06/2026", "Nguyễn Văn Ấn", "Công an xã", "ung-dung"],
    ["phường Đồng Hới", "", "112", "12/6/2026", "Trần Thị Bích",
     "Báo Quảng Trị|Đài Truyền thanh phường", ""],
    ["xã Dân Hóa", "Quảng Trị", "7", "01/7/2026", "", "", ""],
    ["Kim Phú (Quảng Trị)", "", "", "", "Lê Quang Đạt", "", ""],
    ["xa Minh Hoa", "Quảng Bình", "08", "", "", "", ""],  # a former province: a warning
]
FILES = {"xa-tan-my.docx", "phuong-dong-hoi.docx", "xa-dan-hoa.docx", "xa-kim-phu.docx",
         "xa-minh-hoa.docx"}


def csv_text(rows: list[list[str]], separator: str, newline: str = "\r\n") -> str:
    def cell(value: str) -> str:
        needs = separator in value or '"' in value or "\n" in value
        return '"' + value.replace('"', '""') + '"' if needs else value

    return "".join(separator.join(map(cell, row)) + newline for row in rows)


def windows_1258(text: str) -> bytes:
    """What Windows writes for Vietnamese in code page 1258: a letter the code page lacks
    ("ấ") goes as its base letter ("â") followed by the tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    for row_number, row in enumerate([HEADER, *rows], start=1):
        for column, value in enumerate(row, start=1):
            if not value:
                continue
            cell = sheet.cell(row=row_number, column=column)
            if row_number > 1 and column == 4:  # a real Excel date cell
                day, month, year = (int(part) for part in value.split("/"))
                try:
                    cell.value = datetime.datetime(year, month, day)
                    cell.number_format = "dd/mm/yyyy"
                except ValueError:  # no such day: Excel keeps what was typed, as text
                    cell.value = value
            else:
                cell.value = value  # text: "05" stays "05"
    book.save(path)


def libreoffice_xlsx(folder: Path, rows: list[list[str]]) -> Path:
    """An .xlsx saved by LibreOffice from a CSV typed in Vietnamese order (dates d/m/y)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed here; CI installs it")
    source = folder / "lo-source.csv"
    source.write_text(csv_text([HEADER, *rows], ";"), encoding="utf-8")
    formats = "/".join(f"{i}/{4 if i == 4 else 2}" for i in range(1, len(HEADER) + 1))
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'lo-profile'}",
                    "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                    f"--infilter=CSV:59,34,76,1,{formats}", "--outdir", str(folder / "lo"),
                    str(source)], check=True, capture_output=True, timeout=180)
    return folder / "lo" / "lo-source.xlsx"


def make_table(kind: str, folder: Path, rows: list[list[str]] | None = None) -> Path:
    rows = ROWS if rows is None else rows
    folder.mkdir(parents=True, exist_ok=True)
    text = csv_text([HEADER, *rows], ";")
    if kind == "csv-utf8-bom-semicolon":
        path = folder / "xa.csv"
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    elif kind == "csv-utf8-comma":
        path = folder / "xa.csv"
        path.write_bytes(csv_text([HEADER, *rows], ",", "\n").encode("utf-8"))
    elif kind == "csv-windows-1258":
        path = folder / "xa.csv"
        path.write_bytes(windows_1258(text))
    elif kind == "csv-utf16-tab":
        path = folder / "xa.txt"
        path.write_bytes(csv_text([HEADER, *rows], "\t").encode("utf-16"))
    elif kind == "xlsx-openpyxl":
        path = folder / "xa.xlsx"
        write_xlsx(path, rows)
    else:
        path = libreoffice_xlsx(folder, rows)
    return path


def batch(table: Path, out: Path, **options: object) -> list:
    report = run_batch(BatchOptions(EXAMPLE / "commune.yaml", str(table), out, jobs=1,
                                    **options))  # type: ignore[arg-type]
    return report.items


def texts(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


KINDS = ["csv-utf8-bom-semicolon", "csv-utf8-comma", "csv-windows-1258", "csv-utf16-tab",
         "xlsx-openpyxl", "xlsx-libreoffice"]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("reference")
    items = batch(make_table("csv-utf8-comma", folder / "t"), folder / "out")
    assert [item.status for item in items] == [WRITTEN] * 5, [i.message for i in items]
    made = {p.name: p.read_bytes() for p in (folder / "out" / "quang-tri").glob("*.docx")}
    for data in made.values():  # the plans are sound Word files, formatted as NĐ 30 asks
        assert_schema_valid(data)
        doc = open_docx(data)
        assert look(doc, find_paragraph(doc, "KẾ HOẠCH")) == Look(14, True, False, "center")
    return made


@pytest.mark.parametrize("kind", KINDS)
def test_every_format_gives_the_same_plans(kind: str, tmp_path: Path,
                                           reference: dict[str, bytes]) -> None:
    table = make_table(kind, tmp_path / "t")
    items = batch(table, tmp_path / "out")
    assert [item.status for item in items] == [WRITTEN] * 5, [i.message for i in items]
    made = {p.name: p.read_bytes() for p in (tmp_path / "out" / "quang-tri").glob("*.docx")}
    assert set(made) == FILES
    assert made == reference, kind  # byte for byte


def test_the_table_values_reach_the_plans(tmp_path: Path) -> None:
    batch(make_table("xlsx-openpyxl", tmp_path / "t"), tmp_path / "out")
    folder = tmp_path / "out" / "quang-tri"
    tan_my = texts(folder / "xa-tan-my.docx")
    assert "Số: 05/KH-UBND" in tan_my and "ngày 05 tháng 6 năm 2026" in tan_my
    assert "Nguyễn Văn Ấn" in tan_my and "- Công an xã;" in tan_my
    assert "Ứng dụng trí tuệ nhân tạo trong giải quyết" not in tan_my
    # the issue: xã Tân Mỹ of Tuyên Quang was taken silently; the Tỉnh column decides
    assert "Sở Khoa học và Công nghệ tỉnh Quảng Trị (b/c)" in tan_my
    assert "Tuyên Quang" not in tan_my and "XÃ TÂN MỸ" in tan_my
    dong_hoi = texts(folder / "phuong-dong-hoi.docx")
    assert "- Báo Quảng Trị;" in dong_hoi and "- Đài Truyền thanh phường;" in dong_hoi
    assert "Số: 112/KH-UBND" in dong_hoi and "ngày 12 tháng 6 năm 2026" in dong_hoi


def test_windows_1258_is_read_with_a_warning(tmp_path: Path) -> None:
    table = make_table("csv-windows-1258", tmp_path / "t")
    raw = table.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text, warnings = decode_csv(raw, str(table))
    assert "Nguyễn Văn Ấn" in text and text == unicodedata.normalize("NFC", text)
    assert [w.code for w in warnings] == ["table_cp1258"]
    assert "CSV UTF-8" in warnings[0].format("vi")
    report = run_batch(BatchOptions(EXAMPLE / "commune.yaml", str(table), tmp_path / "o",
                                    jobs=1))
    assert [w.code for w in report.warnings] == ["table_cp1258"]


def test_a_former_province_is_a_warning_kept_in_the_index(tmp_path: Path) -> None:
    selection = read_selection(str(make_table("xlsx-openpyxl", tmp_path / "t")))
    minh_hoa = next(i for i in selection.items if i.locality.name == "Minh Hóa")
    assert [note.code for note in minh_hoa.notes] == ["locality_former_province"]
    assert str(minh_hoa.notes[0].location).endswith("xa.xlsx:B6")  # the Tỉnh cell
    items = batch(make_table("xlsx-openpyxl", tmp_path / "t"), tmp_path / "out")
    row = next(i for i in items if i.name == "xã Minh Hóa")
    assert row.status == WRITTEN and "tỉnh Quảng Trị" in row.message


def test_separators_and_excel_sep_line() -> None:
    assert detect_separator("a;b;c\n1;2;3\n") == (";", 0)
    assert detect_separator("a\tb\n") == ("\t", 0)
    assert detect_separator('"x;y",b,c\n') == (",", 0)
    assert detect_separator("locality\nHuế\n") == (",", 0)
    assert detect_separator("sep=;\na;b\n") == (";", 1)


def test_excel_sep_line_keeps_line_numbers(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("sep=;\nĐịa phương;Ngày\nthành phố Huế;31/02/2026\n", encoding="utf-8")
    selection = read_selection(str(table))
    issue = selection.failed[0].issues[0]
    assert issue.code == "table_no_such_date" and str(issue.location) == f"{table}:3:2"
    assert issue.format("vi").startswith(f"{table}:3:2  Ngày  ")


def test_headers_in_any_case_with_or_without_marks(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("DIA PHUONG,so,Ngày ban hành,người ký:,Ghi chú\n"
                     "Huế,12,1/2/2026,Nguyễn Văn A,không in ra\n", encoding="utf-8")
    selection = read_selection(str(table))
    overrides = selection.items[0].overrides
    assert overrides is not None
    assert set(overrides.value) == {"number", "date", "signature"}


def test_table_wide_problems_say_how_to_fix(tmp_path: Path) -> None:
    semicolons = tmp_path / "s.csv"  # a header the separator does not split is named
    semicolons.write_text("Tên|Số\nHuế|1\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        read_table_file(semicolons)
    codes = [i.code for i in caught.value.issues]
    assert "table_needs_locality_column" in codes
    assert "dấu phân cách" in caught.value.message("vi")
    unknown = tmp_path / "u.csv"
    unknown.write_text("Địa phương,Ngày ban hanh vb,Ngay ky\nHuế,1/2/2026,1/2/2026\n",
                       encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        read_table_file(unknown)
    assert [i.code for i in caught.value.issues] == ["table_unknown_column"]
    assert "Ngày" in caught.value.message("vi")
    fake = tmp_path / "f.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(SpecError) as caught:
        read_table_file(fake)
    assert caught.value.issues[0].code == "table_bad_xlsx"
    with pytest.raises(SpecError) as caught:
        read_table_file(make_table("xlsx-openpyxl", tmp_path / "x"), sheet="Trang 9")
    assert "Danh sách" in caught.value.message("vi")
    old = tmp_path / "o.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SpecError) as caught:
        read_table_file(old)
    assert caught.value.issues[0].code == "table_old_format"


def test_xlsx_sheet_choice_and_cell_names(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "two.xlsx"
    book = Workbook()
    first = book.active
    first.title = "Ghi chú"
    first.append(["nothing here"])
    second = book.create_sheet("Xã")
    second.append(["Mã", "Ngày"])
    second.append(["19291", "32/13/2026"])
    second.append(["02308", datetime.datetime(2026, 5, 4)])
    book.save(path)
    selection = read_selection(str(path), sheet="xa")
    assert [i.locality.code for i in selection.items] == ["02308"]
    issue = selection.failed[0].issues[0]
    assert isinstance(issue.location, CellLocation)
    assert str(issue.location) == "two.xlsx:Xã!B2" or str(issue.location).endswith(":Xã!B2")
    assert selection.failed[0].row == "two.xlsx:2"


def test_a_number_typed_as_a_date_is_named(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "d.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["Địa phương", "Số"])
    sheet.append(["Huế", datetime.datetime(2026, 2, 5)])  # Excel turned "5/2" into a date
    book.save(path)
    issue = read_selection(str(path)).failed[0].issues[0]
    assert issue.code == "table_cell_is_date" and str(issue.location).endswith("d.xlsx:B2")
    assert "Văn bản (Text)" in issue.format("vi")


def test_code_and_name_must_agree(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Mã,Địa phương\n19291,xã Tân Mỹ\n02308,xã Tân Mỹ\n19291,Đồng Hới\n",
                     encoding="utf-8")
    selection = read_selection(str(table))
    assert [i.locality.code for i in selection.items] == ["19291", "02308"]
    [failed] = selection.failed
    assert failed.row == "t.csv:4" and failed.issues[0].code == "table_code_name_mismatch"
    assert "xã Tân Mỹ" in failed.issues[0].format("vi")


def test_failed_rows_do_not_stop_the_others(tmp_path: Path) -> None:
    rows = [*ROWS[:2],
            ["xã Tân Mỹ", "", "", "", "", "", ""],  # three provinces could be meant
            ["xã Không Có", "Quảng Trị", "", "", "", "", ""],
            ["xã Dân Hóa", "Quảng Trị", "", "31/02/2026", "", "", ""]]
    out = tmp_path / "out"
    items = batch(make_table("xlsx-openpyxl", tmp_path / "t", rows), out)
    by_status: dict[str, list] = {}
    for item in items:
        by_status.setdefault(item.status, []).append(item)
    assert len(by_status[WRITTEN]) == 2 and len(by_status[FAILED]) == 3
    assert sorted(p.name for p in (out / "quang-tri").glob("*.docx")) == [
        "phuong-dong-hoi.docx", "xa-tan-my.docx"]
    import json

    index = json.loads((out / "index.json").read_text(encoding="utf-8"))["items"]
    failed = {row["row"]: row for row in index if row["status"] == FAILED}
    assert set(failed) == {"xa.xlsx:4", "xa.xlsx:5", "xa.xlsx:6"}
    assert "19291" in failed["xa.xlsx:4"]["message"] and "xa.xlsx:A4" in \
        failed["xa.xlsx:4"]["message"]
    assert "xa.xlsx:D6" in failed["xa.xlsx:6"]["message"]
    assert failed["xa.xlsx:6"]["locality"] == "xã Dân Hóa"


def test_two_rows_for_one_locality_both_fail_naming_each_other(tmp_path: Path) -> None:
    rows = [ROWS[0], ROWS[1], ["19291", "", "09", "", "", "", ""]]
    out = tmp_path / "out"
    items = batch(make_table("csv-utf8-bom-semicolon", tmp_path / "t", rows), out)
    failed = [item for item in items if item.status == FAILED]
    assert [item.row for item in failed] == ["xa.csv:2", "xa.csv:4"]
    for item in failed:
        assert item.code == "19291" and "2, 4" in item.message
        assert item.issues[0].code == "table_duplicate_row"
    assert sorted(p.name for p in (out / "quang-tri").glob("*.docx")) == ["phuong-dong-hoi.docx"]


def test_cli_batch_with_an_xlsx_table(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from plangen.cli import main

    rows = [*ROWS[:2], ["xã Tân Mỹ", "", "", "", "", "", ""]]
    table = make_table("xlsx-openpyxl", tmp_path / "t", rows)
    result = CliRunner().invoke(main, ["batch", str(EXAMPLE / "commune.yaml"), "--localities",
                                       str(table), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "xa.xlsx:A4" in result.output and "02308" in result.output
    assert "3 địa phương: 2 tệp mới" in result.output


def test_a_code_that_lost_its_zeros_in_excel_still_finds_its_ward(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Mã;Địa phương\n4;phường Ba Đình\n4;tỉnh Cao Bằng\n70;xã Hoàn Kiếm\n",
                     encoding="utf-8")
    selection = read_selection(str(table))
    assert [i.locality.code for i in selection.items] == ["00004", "04"]
    assert selection.failed[0].issues[0].code == "locality_unknown_code"  # 70: no such code


def test_a_huge_table_is_refused_without_reading_it_all(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("plangen.batch.tables.MAX_ROWS", 10)
    big = tmp_path / "big.csv"
    big.write_text("Địa phương\n" + "Huế\n" * 50, encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        read_table_file(big)
    assert caught.value.issues[0].code == "table_too_many_rows"
    rows = [[f"x{i}", "", "", "", "", "", ""] for i in range(30)]
    with pytest.raises(SpecError) as caught:
        read_table_file(make_table("xlsx-openpyxl", tmp_path / "x", rows))
    assert caught.value.issues[0].code == "table_too_many_rows"
