"""Batch plans with their own sections (the free structure) issued by a decision: one base
(tests/data/decision/free-batch) for three provinces, the locality placeholders filled in the
decision block as in the plan, each row's number, date and signer the decision's."""

from __future__ import annotations

from pathlib import Path

from support.rendered import copied_folder, document_text

from plangen.batch.run import FAILED, WRITTEN, BatchOptions, run_batch
from plangen.check.api import check_file
from plangen.vntext import BLANK

BASE = Path(__file__).resolve().parents[1] / "data" / "decision" / "free-batch"


example_fixture = copied_folder(BASE)


def text_of(path: Path) -> str:
    return document_text(path).replace("\n", " ")


def run(example: Path, out: Path) -> list:
    options = BatchOptions(example / "base.yaml", str(example / "provinces.yaml"), out, jobs=1)
    return run_batch(options).items


def test_each_province_gets_its_decision_and_its_free_plan(example: Path,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "out"
    items = run(example, out)
    assert [item.status for item in items] == [WRITTEN] * 3
    dak_lak = text_of(out / "dak-lak.docx")
    assert "Số: 21/QĐ-UBND" in dak_lak and "Đắk Lắk, ngày 09 tháng 3 năm 2026" in dak_lak
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK" in dak_lak  # the authority line
    assert "Theo đề nghị của Giám đốc Sở Tài chính tỉnh Đắk Lắk." in dak_lak
    assert "Hồ Thị Nguyên Thảo" in dak_lak and "KT. CHỦ TỊCH" in dak_lak
    assert ("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh Đắk Lắk, Giám đốc các sở, ban, "
            "ngành và Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành "
            "Quyết định này./.") in dak_lak
    reference = ("(Kèm theo Quyết định số 21/QĐ-UBND ngày 09 tháng 3 năm 2026 của Chủ tịch Ủy "
                 "ban nhân dân tỉnh Đắk Lắk)")
    assert dak_lak.count(reference) == 2  # the plan and its appendix
    assert "III. TỔ CHỨC THỰC HIỆN" in dak_lak  # the plan's own sections
    # a draft: blanks in the number and the day, everywhere the decision is named
    hue = text_of(out / "hue.docx")
    assert f"Số: {BLANK}/QĐ-UBND" in hue and f"Huế, ngày {BLANK} tháng 3 năm 2026" in hue
    assert hue.count(f"(Kèm theo Quyết định số {BLANK}/QĐ-UBND ngày {BLANK} tháng 3 năm 2026 "
                     "của Chủ tịch Ủy ban nhân dân thành phố Huế)") == 2
    assert "Nguyễn Văn Phương" in hue and "PHÓ CHỦ TỊCH" not in hue
    # a table row's number and date (CSV columns) go to the decision of a decision-issued base
    an_giang = text_of(out / "an-giang.docx")
    assert "Số: 34/QĐ-UBND" in an_giang and "ngày 12 tháng 3 năm 2026" in an_giang
    assert "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu" in an_giang
    for item in items:
        text = text_of(out / str(item.docx))
        assert "{{" not in text and "/KH-UBND" not in text and "Kèm theo Kế hoạch" not in text
        assert text.count("Nơi nhận:") == 1
        report = check_file(out / str(item.docx))
        assert report.ok, item.docx
        assert {"decision.decision-articles", "plan.attached-reference",
                "plan.attached-frame"} <= {result.id for result in report.results}


def test_a_province_that_signs_wrongly_fails_alone(example: Path, tmp_path: Path) -> None:
    table = example / "provinces.yaml"
    table.write_text(table.read_text(encoding="utf-8").replace(
        "signature: {lines: [CHỦ TỊCH], name: Nguyễn Văn Phương}",
        "signature: {lines: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH], name: Nguyễn Văn Phương}"),
        encoding="utf-8")
    items = run(example, tmp_path / "out")
    assert sorted(item.status for item in items) == [FAILED, WRITTEN, WRITTEN]
    failed = next(item for item in items if item.status == FAILED)
    assert failed.name == "thành phố Huế"
    assert "decision_signature_head" in {issue.code for issue in failed.issues}
    assert not (tmp_path / "out" / "hue.docx").exists()
