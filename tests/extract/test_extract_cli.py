"""`plangen extract` as an officer runs it: the spec is written beside the plan (or where -o
says), never over the input or an existing file without --force, a summary of what was
recognised, Vietnamese or English, exit codes 0/1/2, and never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from plangen.cli import main
from plangen.render.docx import render_plan
from plangen.spec.api import check_spec, load_plan
from plangen.spec.loader import load_spec_file

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seeds" / "000_90d6a1797ac0299c.txt"


def run(*args: str | Path, stdin: bytes | None = None, env: dict[str, str] | None = None
        ) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args], input=stdin, env=env)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_a_text_plan_becomes_a_valid_spec_beside_it(tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach-cu.txt"
    shutil.copy(SEED, source)
    result = run("extract", source)
    assert result.exit_code == 0, result.output
    written = tmp_path / "ke-hoach-cu.yaml"
    assert check_spec(written).errors == []
    out = result.stdout
    for part in ("Phần đầu: Ủy ban nhân dân tỉnh Đắk Lắk", "Trích yếu: Triển khai thực hiện",
                 "Mở đầu: 2 đoạn", "I. MỤC ĐÍCH, YÊU CẦU: 2 mục",
                 "II. NHIỆM VỤ VÀ GIẢI PHÁP: 5 nhiệm vụ", "2 nhiệm vụ con",
                 "nhãn riêng: Cơ quan thực hiện", "III. KINH PHÍ THỰC HIỆN: 0 mục, 1 đoạn",
                 "IV. TỔ CHỨC THỰC HIỆN: 2 mục", "Nơi nhận: 9 dòng",
                 "Chữ ký: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH — Hồ Thị Nguyên Thảo",
                 "Phụ lục: không có", "ghép 3 dòng bị ngắt", "1 chỗ cần điền (TODO)",
                 "issuer.name: TODO (cần điền): văn bản không có tên cơ quan", "Đã ghi "):
        assert part in out, part


def test_a_word_plan_round_trips_through_the_command(tmp_path: Path) -> None:
    source = tmp_path / "hue.docx"
    source.write_bytes(render_plan(load_plan(ROOT / "specs" / "hue.yaml")))
    result = run("extract", source, "-o", tmp_path / "out" / "hue.yaml")
    assert result.exit_code == 0, result.output
    assert "Phụ lục \"NHIỆM VỤ CỤ THỂ" in result.stdout and "8 dòng" in result.stdout
    assert "Không có chỗ nào chưa chắc." in result.stdout
    assert load_plan(tmp_path / "out" / "hue.yaml").summary == \
        "Triển khai thi hành Luật Trí tuệ nhân tạo trên địa bàn thành phố Huế"


def test_an_existing_file_is_kept_unless_force(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    shutil.copy(SEED, source)
    target = tmp_path / "plan.yaml"
    target.write_text("# của tôi\n", encoding="utf-8")
    refused = run("extract", source)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "# của tôi\n"
    assert run("extract", source, "--force").exit_code == 0
    assert load_spec_file(target).data["place"] == "Đắk Lắk"


def test_the_input_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "plan.yaml"
    source.write_text("KẾ HOẠCH\nThử\n", encoding="utf-8")
    result = run("extract", source, "--force")
    assert result.exit_code == 2 and "trùng tệp vào" in result.stderr
    assert source.read_text(encoding="utf-8") == "KẾ HOẠCH\nThử\n"


def test_standard_input_needs_an_output_name(tmp_path: Path) -> None:
    data = SEED.read_bytes()
    refused = run("extract", "-", stdin=data)
    assert refused.exit_code == 2 and "-o" in refused.stderr
    result = run("extract", "-", "-o", tmp_path / "tu-ban-phim.yaml", stdin=data)
    assert result.exit_code == 0, result.output
    assert check_spec(tmp_path / "tu-ban-phim.yaml").errors == []


def test_problems_are_messages_with_exit_codes(tmp_path: Path) -> None:
    missing = run("extract", tmp_path / "khong-co.docx")
    assert missing.exit_code == 2 and "Không tìm thấy tệp" in missing.stderr
    old = tmp_path / "cu.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))
    refused = run("extract", old)
    assert refused.exit_code == 1 and "Word cũ (.doc)" in refused.stderr
    assert not (tmp_path / "cu.yaml").exists()
    folder = tmp_path / "thu-muc"
    folder.mkdir()
    assert run("extract", SEED, "-o", folder).exit_code == 2
    as_input = run("extract", folder)
    assert as_input.exit_code == 2 and "là thư mục; ghi tên tệp kế hoạch" in as_input.stderr


def test_english_messages(tmp_path: Path) -> None:
    result = run("extract", SEED, "-o", tmp_path / "plan.yaml", "--lang", "en")
    assert result.exit_code == 0
    assert "Header: Ủy ban nhân dân tỉnh Đắk Lắk" in result.stdout
    assert "to fill in (TODO)" in result.stdout and "Wrote " in result.stdout
    assert "# TODO (fill in): the header names no issuing agency" in \
        (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    refused = run("extract", tmp_path / "nope.txt", env={"PLANGEN_LANG": "en"})
    assert "No such file" in refused.stderr


def test_a_free_plan_and_a_decision_with_a_free_plan_are_summarised(tmp_path: Path) -> None:
    """The summary lists a plan's own sections (the free structure), the missing ones with
    their reason, its tasks and appendices; for a decision, its grounds and articles too."""
    extra = ROOT / "tests" / "data" / "seeds" / "extra"
    source = tmp_path / "thanh-hoa.txt"
    shutil.copy(extra / "05_thanhhoa-235-quan-trac-moi-truong-thuy-san.txt", source)
    result = run("extract", source)
    assert result.exit_code == 0, result.output
    for part in ("I. MỤC TIÊU: 2 khối nội dung (vai trò purpose)",
                 "III. KINH PHÍ THỰC HIỆN: 1 khối nội dung (vai trò funding)",
                 "Nhiệm vụ (khối có dòng vai trò, thời hạn hoặc cơ quan đứng đầu): 4",
                 "Phụ lục II \"THÔNG SỐ, TẦN SUẤT", "Đã ghi "):
        assert part in result.stdout, part
    source = tmp_path / "qd4385.txt"
    shutil.copy(extra / "08_bo-vhttdl-qd4385-kh-quy-hoach-co-so-van-hoa.txt", source)
    result = run("extract", source, "--lang", "en")
    assert result.exit_code == 0, result.output
    for part in ("Header: Bộ Văn hóa, Thể thao và Du lịch; number 4385/QĐ-BVHTTDL",
                 "Decision: 8 grounds, 3 articles", "III. GIẢI PHÁP THỰC HIỆN: 1 content block",
                 "IV. TỔ CHỨC THỰC HIỆN: 4 content block(s) (role: organization)",
                 "No \"funding\" section: Văn bản gốc không có mục Kinh phí riêng",
                 "Signature: KT. BỘ TRƯỞNG / THỨ TRƯỞNG — Tạ Quang Đông", "Appendix: none"):
        assert part in result.stdout, part
    assert check_spec(tmp_path / "qd4385.yaml").errors == []
