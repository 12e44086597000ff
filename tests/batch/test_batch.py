"""Batch plans: many localities from one base, failure isolation, sameness, skipping."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support.rendered import copied_folder, document_text

from plangen.batch.run import FAILED, UP_TO_DATE, WRITTEN, BatchOptions, run_batch
from plangen.errors import UsageError

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ai-law"


example_fixture = copied_folder(EXAMPLE)


def run(example: Path, selector: str, out: Path, **options: object) -> list:
    report = run_batch(BatchOptions(example / "base.yaml", selector, out, jobs=1,
                                    **options))  # type: ignore[arg-type]
    return report.items


def test_five_provinces_get_their_own_names_and_overrides(example: Path, tmp_path: Path) -> None:
    items = run(example, str(example / "provinces.yaml"), tmp_path / "out")
    assert [i.status for i in items] == [WRITTEN] * 5
    hue = document_text(tmp_path / "out" / "hue.docx")
    assert "ỦY BAN NHÂN DÂN" in hue and "THÀNH PHỐ HUẾ" in hue
    assert "Huế, ngày 13 tháng 4 năm 2026" in hue
    assert "Số: 213/KH-UBND" in hue
    assert "Trần Hữu Thùy Giang" in hue
    assert "trên địa bàn thành phố Huế" in hue
    assert "{{" not in hue
    an_giang = document_text(tmp_path / "out" / "an-giang.docx")
    assert "Ủy ban nhân dân các xã, phường, đặc khu" in an_giang
    assert an_giang.index("- Công an tỉnh;") < an_giang.index("- Lưu: VT, KGVX.")
    ninh_binh = document_text(tmp_path / "out" / "ninh-binh.docx")
    assert "cơ sở dữ liệu phục vụ trí tuệ nhân tạo, kết nối" not in ninh_binh.lower()
    assert "ngày 02 tháng 3 năm 2026" in ninh_binh


def test_one_broken_locality_never_stops_the_others(example: Path, tmp_path: Path) -> None:
    table = example / "provinces.yaml"
    table.write_text(table.read_text(encoding="utf-8").replace(
        "signature: {name: Nguyễn Văn A}",
        "signature: {lines: [KT. CHỦ TỊCH, CHỦ TỊCH], name: Nguyễn Văn A}"), encoding="utf-8")
    out = tmp_path / "out"
    items = run(example, str(table), out)
    failed = [i for i in items if i.status == FAILED]
    assert [i.name for i in failed] == ["tỉnh Thái Nguyên"]
    assert failed[0].issues[0].code == "kt_needs_deputy"
    assert failed[0].issues[0].location.file.endswith("provinces.yaml")
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "an-giang.docx", "dak-lak.docx", "hue.docx", "ninh-binh.docx"]
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))["items"]
    broken = [row for row in index if row["status"] == FAILED]
    assert broken[0]["locality"] == "tỉnh Thái Nguyên" and "PHÓ" in broken[0]["message"]
    assert "tỉnh Thái Nguyên,Lỗi" in (out / "index.csv").read_text(encoding="utf-8-sig")


def test_same_inputs_same_bytes(example: Path, tmp_path: Path) -> None:
    run(example, str(example / "provinces.yaml"), tmp_path / "a")
    run(example, str(example / "provinces.yaml"), tmp_path / "b")
    for first in sorted((tmp_path / "a").glob("*.docx")):
        assert first.read_bytes() == (tmp_path / "b" / first.name).read_bytes(), first.name


def test_rerun_skips_what_is_up_to_date(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(example, str(example / "provinces.yaml"), out)
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}
    again = run(example, str(example / "provinces.yaml"), out)
    assert [i.status for i in again] == [UP_TO_DATE] * 5
    assert stamps == {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}
    table = example / "provinces.yaml"
    table.write_text(table.read_text(encoding="utf-8").replace(
        "Nguyễn Thanh Phong", "Nguyễn Văn C"), encoding="utf-8")
    (out / "hue.docx").write_bytes(b"damaged")
    third = {i.name: i.status for i in run(example, str(table), out)}
    assert third["tỉnh An Giang"] == WRITTEN  # its input changed
    assert third["thành phố Huế"] == WRITTEN  # its output was damaged
    assert third["tỉnh Đắk Lắk"] == UP_TO_DATE
    assert "Nguyễn Văn C" in document_text(out / "an-giang.docx")


def test_communes_of_a_province_in_worker_processes(example: Path, tmp_path: Path) -> None:
    report = run_batch(BatchOptions(example / "commune.yaml", "hue/communes", tmp_path / "x",
                                    jobs=2))
    assert len(report.items) == 40 and not report.failed
    files = sorted((tmp_path / "x" / "hue").glob("*.docx"))
    assert len(files) == 40
    text = document_text(tmp_path / "x" / "hue" / "phuong-thuan-hoa.docx")
    assert "PHƯỜNG THUẬN HÓA" in text and "Ủy ban nhân dân thành phố Huế" in text


def test_csv_table_with_overrides(example: Path, tmp_path: Path) -> None:
    table = tmp_path / "table.csv"
    table.write_text("locality,number,date,signer,extra_recipients,removed_tasks\n"
                     "tỉnh Đắk Lắk,7,05/06/2026,Hồ Thị Nguyên Thảo,Công an tỉnh|Báo Đắk Lắk,"
                     "kiem-tra\n", encoding="utf-8")
    items = run(example, str(table), tmp_path / "out")
    assert [i.status for i in items] == [WRITTEN]
    text = document_text(tmp_path / "out" / "dak-lak.docx")
    assert "Số: 07/KH-UBND" in text and "ngày 05 tháng 6 năm 2026" in text
    assert "- Công an tỉnh;" in text and "- Báo Đắk Lắk;" in text
    assert "Tổ chức kiểm tra việc thi hành Luật" not in text


def test_placeholder_errors_name_the_base_line(example: Path, tmp_path: Path) -> None:
    items = run(example, "hue/communes", tmp_path / "out")  # province base used for communes
    assert items and all(i.status == FAILED for i in items)
    issue = items[0].issues[0]
    assert issue.code == "placeholder_unknown" and issue.params["detail"] == "lower_agencies"
    assert issue.location.file.endswith("base.yaml") and issue.location.line > 1


def test_unknown_province_selector_suggests_a_name(example: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        run(example, "dak-lakk/communes", tmp_path / "out")
    assert caught.value.code == "unknown_province"


def test_pdfs_for_the_whole_batch(example: Path, tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed here; CI installs it")
    out = tmp_path / "out"
    items = run(example, str(example / "provinces.yaml"), out, pdf=True)
    assert all(i.status == WRITTEN and i.pdf for i in items), [i.message for i in items]
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "an-giang.pdf", "dak-lak.pdf", "hue.pdf", "ninh-binh.pdf", "thai-nguyen.pdf"]
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))["items"]
    assert {row["pdf"] for row in index} == {f"{p.stem}.pdf" for p in out.glob("*.pdf")}
    assert not list(out.glob(".plangen-*"))


def test_missing_libreoffice_still_delivers_the_docx(example: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANGEN_SOFFICE", str(tmp_path / "no-such-soffice"))
    monkeypatch.setattr("plangen.render.pdf.find_soffice", lambda: None)
    items = run(example, str(example / "provinces.yaml"), tmp_path / "out", pdf=True)
    assert all(i.status == "pdf-failed" for i in items)
    assert "libreoffice" in items[0].message.lower()
    assert len(list((tmp_path / "out").glob("*.docx"))) == 5


def test_cli_batch_one_broken_of_five(example: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from plangen.cli import main

    table = example / "provinces.yaml"
    table.write_text(table.read_text(encoding="utf-8").replace(
        "signature: {name: Nguyễn Văn A}", "signature: {name: Nguyễn Văn A, nmae: x}"),
        encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(example / "base.yaml"), "--localities",
                                       str(table), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "[1 địa phương: tỉnh Thái Nguyên]" in result.output
    assert "provinces.yaml:12:37  signature.nmae" in result.output
    assert len(list(out.glob("*.docx"))) == 4
    index = (out / "index.csv").read_text(encoding="utf-8-sig")
    assert "tỉnh Thái Nguyên,Lỗi" in index and index.count(",Đã tạo,") == 4


def test_cli_batch_success_and_usage_errors(example: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from plangen.cli import main

    runner = CliRunner()
    ok = runner.invoke(main, ["batch", str(example / "base.yaml"), "--localities",
                              str(example / "provinces.yaml"), "-o", str(tmp_path / "o"),
                              "--lang", "en"])
    assert ok.exit_code == 0, ok.output
    assert "5 localities: 5 written" in ok.output
    bad = runner.invoke(main, ["batch", str(example / "base.yaml"), "--localities",
                               "nowhere/communes", "-o", str(tmp_path / "o")])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    missing = runner.invoke(main, ["batch", str(tmp_path / "none.yaml"), "--localities",
                                   "all-provinces", "-o", str(tmp_path / "o")])
    assert missing.exit_code == 2


def test_outputs_are_checked_before_they_are_written(example: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from plangen.check.api import CheckError
    from plangen.check.result import CheckReport

    def always_fails(parts: object, trees: object = None) -> None:
        raise CheckError(CheckReport("x", ()))

    monkeypatch.setattr("plangen.batch.run.raise_if_parts_fail", always_fails)
    checked = run(example, str(example / "provinces.yaml"), tmp_path / "a")
    assert all(i.status == FAILED for i in checked)
    assert not list((tmp_path / "a").glob("*.docx"))
    unchecked = run(example, str(example / "provinces.yaml"), tmp_path / "b", check=False)
    assert all(i.status == WRITTEN for i in unchecked)
