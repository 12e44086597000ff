"""The output folder's index: a subset run keeps the other rows, Excel never runs a cell,
index.xlsx beside index.csv, and the summary counts the PDFs it wrote."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plangen.batch.index import FIELDS, merge_rows, neutralise, shown_status, write_index
from plangen.batch.run import FAILED, UP_TO_DATE, WRITTEN, BatchOptions, run_batch
from plangen.messages import message

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ai-law"


def table(folder: Path, name: str, lines: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("Địa phương;Số\n" + "\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def batch(selector: Path | str, out: Path, **options: object):  # type: ignore[no-untyped-def]
    return run_batch(BatchOptions(EXAMPLE / "commune.yaml", str(selector), out, jobs=1,
                                  **options))  # type: ignore[arg-type]


def index_json(out: Path) -> list[dict]:
    return json.loads((out / "index.json").read_text(encoding="utf-8"))["items"]


def index_csv(out: Path) -> list[dict]:
    """index.csv's rows, by the keys of index.json (its columns are titled for officers)."""
    text = (out / "index.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [message(f"index_col_{name}") for name in FIELDS]
    return [dict(zip(FIELDS, row, strict=True)) for row in rows[1:]]


def test_a_subset_run_updates_its_rows_and_keeps_the_others(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = table(tmp_path, "all.csv", ["Tân Mỹ (Quảng Trị);1", "phường Đồng Hới;2",
                                        "xã Dân Hóa, Quảng Trị;3"])
    batch(first, out)
    before = {row["code"]: row for row in index_json(out)}
    assert len(before) == 3
    subset = table(tmp_path, "one.csv", ["phường Đồng Hới;20"])
    report = batch(subset, out)
    assert [item.status for item in report.items] == [WRITTEN]
    after = {row["code"]: row for row in index_json(out)}
    assert set(after) == set(before)  # the two others are still listed
    dong_hoi = next(code for code, row in after.items() if "Đồng Hới" in row["locality"])
    assert after[dong_hoi]["sha256"] != before[dong_hoi]["sha256"]
    assert after[dong_hoi]["row"] == "one.csv:2"
    for code in set(after) - {dong_hoi}:
        assert after[code] == before[code]
    assert len(index_csv(out)) == 3
    assert [row[2] for row in _xlsx_rows(out)[1:]] == [shown_status(after[c]["status"])
                                                       for c in sorted(after)]
    # the kept rows still let a re-run skip their files
    again = batch(first, out)
    statuses = {item.name: item.status for item in again.items}
    assert statuses["phường Đồng Hới"] == WRITTEN  # its number changed back
    assert statuses["xã Tân Mỹ"] == UP_TO_DATE and statuses["xã Dân Hóa"] == UP_TO_DATE


def test_rows_that_named_no_unit_are_replaced_when_their_table_is_read_again(
        tmp_path: Path) -> None:
    out = tmp_path / "out"
    broken = table(tmp_path, "xa.csv", ["Tân Mỹ (Quảng Trị);1", "xã Không Có;2"])
    batch(broken, out)
    assert [row["status"] for row in index_json(out)] == [WRITTEN, FAILED]
    fixed = table(tmp_path, "xa.csv", ["Tân Mỹ (Quảng Trị);1", "xã Dân Hóa (Quảng Trị);2"])
    batch(fixed, out)
    rows = index_json(out)
    assert [row["status"] for row in rows] == [WRITTEN, UP_TO_DATE] or \
        sorted(row["status"] for row in rows) == [UP_TO_DATE, WRITTEN]
    assert all(row["code"] for row in rows)  # the old failed row is gone


def test_index_cells_never_become_formulas(tmp_path: Path) -> None:
    out = tmp_path / "out"
    dangerous = ["=HYPERLINK(\"http://x\",\"bấm\")", "+1+1", "-2+3", "@SUM(A1)"]
    batch(table(tmp_path, "t.csv", ["phường Thuận Hóa;1", *[f"{d};2" for d in dangerous]]),
          out)
    names = [row["locality"] for row in index_csv(out)]
    for text in dangerous:
        assert "'" + text in names, names
        assert text not in names
    assert "phường Thuận Hóa" in names
    rows = _xlsx_rows(out)
    book = load_workbook(out / "index.xlsx")
    sheet = book.active
    kinds = {cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row
             if cell.value not in (None, "")}
    assert kinds == {"s"}  # every cell is text, none a formula
    assert set(dangerous) <= {row[1] for row in rows}  # shown exactly as written
    assert rows[0] == ["Mã", "Địa phương", "Kết quả", "Tệp Word", "Tệp PDF", "Thông báo",
                       "Dòng của bảng", "Dấu đầu vào", "SHA-256 tệp Word"]


def test_index_xlsx_is_the_same_bytes_for_the_same_rows(tmp_path: Path) -> None:
    source = table(tmp_path, "t.csv", ["phường Thuận Hóa;1"])
    batch(source, tmp_path / "a")
    batch(source, tmp_path / "b")
    assert (tmp_path / "a" / "index.xlsx").read_bytes() == \
        (tmp_path / "b" / "index.xlsx").read_bytes()


def test_neutralise_and_merge_units() -> None:
    assert neutralise("=1") == "'=1" and neutralise("\tx") == "'\tx" and neutralise("a=1") == "a=1"
    assert neutralise(None) == "" and neutralise(5) == "5"
    now = [{"code": "01", "locality": "a", "row": "t.csv:2"}]
    before = [{"code": "01", "locality": "old"}, {"code": "04", "locality": "b"},
              {"code": "", "locality": "x", "row": "t.csv:3"},
              {"code": "", "locality": "y", "row": "other.csv:3"}]
    merged = merge_rows(now, before, "t.csv")
    assert [row["locality"] for row in merged] == ["a", "b", "y"]


def test_the_summary_counts_the_pdfs_it_wrote(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed here; CI installs it")
    from click.testing import CliRunner

    from plangen.cli import main

    out = tmp_path / "out"
    source = table(tmp_path, "t.csv", ["phường Đồng Hới;1", "xã Dân Hóa (Quảng Trị);2"])
    batch(source, out)  # the .docx files first, as in the issue
    runner = CliRunner()
    args = ["batch", str(EXAMPLE / "commune.yaml"), "--localities", str(source), "-o",
            str(out), "--pdf", "--jobs", "1"]
    first = runner.invoke(main, args)
    assert first.exit_code in (0, 1), first.output
    made = [item for item in index_json(out) if item["pdf"]]
    assert f"{len(made)} tệp PDF mới." in first.output and len(made) >= 1
    second = runner.invoke(main, args)
    assert "0 tệp PDF mới." in second.output, second.output


def _xlsx_rows(out: Path) -> list[list[str]]:
    book = load_workbook(out / "index.xlsx", read_only=True)
    rows = [["" if value is None else str(value) for value in row]
            for row in book.active.iter_rows(values_only=True)]
    book.close()
    return rows


def test_xlsx_bytes_do_not_depend_on_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as real

    from plangen.batch.sheets import xlsx_bytes

    first = xlsx_bytes(["a"], [["1"]])

    class Later(real.datetime):
        @classmethod
        def now(cls, tz: object = None) -> real.datetime:  # type: ignore[override]
            return real.datetime(2031, 1, 2, 3, 4, 5)

    monkeypatch.setattr("openpyxl.writer.excel.datetime.datetime", Later)
    assert xlsx_bytes(["a"], [["1"]]) == first


def test_xlsx_cells_are_the_text_written_with_a_bold_frozen_header() -> None:
    from openpyxl.utils import get_column_letter

    from plangen.batch.sheets import MAX_WIDTH, MIN_WIDTH, xlsx_bytes

    rows = [["=1+1", "#N/A", None, 12, "phường Thuận Hóa"], ["#REF!", "=", "", 3.5, "x" * 80]]
    book = load_workbook(io.BytesIO(xlsx_bytes(["a", "b", "c", "d", "e"], rows, "chỉ mục")))
    sheet = book.active
    assert sheet.title == "chỉ mục" and sheet.freeze_panes == "A2"
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["a", "b", "c", "d", "e"]
    assert values[1] == ["=1+1", "#N/A", None, "12", "phường Thuận Hóa"]
    assert values[2] == ["#REF!", "=", None, "3.5", "x" * 80]
    assert {cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row
            if cell.value is not None} == {"s"}
    assert all(cell.font.b for cell in sheet[1]) and not sheet["A2"].font.b
    widths = [sheet.column_dimensions[get_column_letter(n)].width for n in range(1, 6)]
    assert widths[:4] == [MIN_WIDTH] * 4
    assert widths[4] == MAX_WIDTH


def test_the_officers_files_speak_the_run_language_and_the_json_its_keys(tmp_path: Path) -> None:
    rows = [{"code": "01", "locality": "thành phố Hà Nội", "status": "written", "docx": "a.docx",
             "pdf": "", "message": "", "row": "", "digest": "d", "sha256": "s"},
            {"code": "02", "locality": "tỉnh Cao Bằng", "status": "failed", "docx": "",
             "pdf": "", "message": "Lỗi ở dòng 3", "row": "", "digest": "", "sha256": ""},
            {"code": "03", "locality": "x", "status": "sửa tay", "docx": "", "pdf": "",
             "message": "", "row": "", "digest": "", "sha256": ""}]
    for lang, written, failed in (("vi", "Đã tạo", "Lỗi"), ("en", "written", "failed")):
        out = tmp_path / lang
        out.mkdir()
        write_index(rows, out, lang)
        text = (out / "index.csv").read_text(encoding="utf-8-sig").splitlines()
        assert text[0].split(",")[:3] == [message(f"index_col_{n}", lang)
                                          for n in ("code", "locality", "status")]
        assert [line.split(",")[2] for line in text[1:]] == [written, failed, "sửa tay"]
        sheet = load_workbook(out / "index.xlsx").active
        assert sheet.title == ("Danh sách" if lang == "vi" else "Index")
        assert [cell.value for cell in sheet["C"]] == [message("index_col_status", lang),
                                                       written, failed, "sửa tay"]
        items = json.loads((out / "index.json").read_text(encoding="utf-8"))["items"]
        assert [item["status"] for item in items] == ["written", "failed", "sửa tay"]
    assert all(shown_status(status) != status for status in
               ("written", "up-to-date", "failed", "interrupted", "pdf-failed"))
