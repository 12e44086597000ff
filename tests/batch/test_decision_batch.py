"""Batch plans issued by a decision: one base plan (examples/decision) for several provinces,
each a QUYẾT ĐỊNH with its own number, date, signer and recipients, then the attached plan."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from support.rendered import copied_folder, document_text

from plangen.batch.run import FAILED, WRITTEN, BatchOptions, run_batch
from plangen.check.api import check_file

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "decision"


example_fixture = copied_folder(EXAMPLE)


def run(example: Path, selector: str, out: Path) -> list:
    return run_batch(BatchOptions(example / "base.yaml", selector, out, jobs=1)).items


def test_each_province_gets_its_decision_and_the_attached_plan(example: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "out"
    items = run(example, str(example / "provinces.yaml"), out)
    assert [item.status for item in items] == [WRITTEN] * 4
    hue = document_text(out / "hue.docx")
    assert "Số: 213/QĐ-UBND" in hue and "Huế, ngày 13 tháng 02 năm 2026" in hue
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ" in hue  # the authority line
    assert "Nguyễn Văn Phương" in hue and "CHỦ TỊCH" in hue and "KT. CHỦ TỊCH" not in hue
    assert ("(Kèm theo Quyết định số 213/QĐ-UBND ngày 13 tháng 02 năm 2026 của Ủy ban nhân "
            "dân thành phố Huế)") in hue.replace("\n", " ")
    assert "Chánh Văn phòng Ủy ban nhân dân thành phố Huế" in hue
    assert "{{" not in hue and "/KH-UBND" not in hue
    # a table row's number, date and signer go to the decision of a decision-issued base
    thai = document_text(out / "thai-nguyen.docx")
    assert "Số: 45/QĐ-UBND" in thai and "ngày 05 tháng 3 năm 2026" in thai
    assert "Nguyễn Văn B" in thai and "Bố trí vốn đầu tư" not in thai
    document = Document(str(out / "an-giang.docx"))
    cell = document.tables[1].rows[0].cells[0]  # the decision's recipients
    recipients = [p.text for p in cell.paragraphs if p.text.startswith("- ")]
    assert recipients[0] == "- Như Điều 3;" and recipients[-1] == "- Lưu: VT, KGVX."
    assert "- Sở Văn hóa, Thể thao và Du lịch;" in recipients
    for item in items:
        report = check_file(out / str(item.docx))
        assert report.ok
        assert any(result.id == "plan.attached-reference" for result in report.results)


def test_a_csv_table_fills_the_decision(example: Path, tmp_path: Path) -> None:
    table = tmp_path / "provinces.csv"
    table.write_text("locality,number,date,signer,extra_recipients\n"
                     "tỉnh Đắk Lắk,17,09/02/2026,Hồ Thị Nguyên Thảo,Công an tỉnh\n",
                     encoding="utf-8")
    out = tmp_path / "out"
    items = run(example, str(table), out)
    assert [item.status for item in items] == [WRITTEN]
    text = document_text(out / "dak-lak.docx")
    assert "Số: 17/QĐ-UBND" in text and "Đắk Lắk, ngày 09 tháng 02 năm 2026" in text
    assert "Hồ Thị Nguyên Thảo" in text and "- Công an tỉnh;" in text


def test_a_province_that_signs_wrongly_fails_alone(example: Path, tmp_path: Path) -> None:
    table = example / "provinces.yaml"
    table.write_text(table.read_text(encoding="utf-8").replace(
        "signature: {preset: chu-tich, name: Nguyễn Văn Phương}",
        "signature: {lines: [CHỦ TỊCH], name: Nguyễn Văn Phương}"), encoding="utf-8")
    items = run(example, str(table), tmp_path / "out")
    assert [item.status for item in items].count(FAILED) == 1
    failed = next(item for item in items if item.status == FAILED)
    assert "decision_signature_collective" in {issue.code for issue in failed.issues}
