"""`plangen doctor`: one line per need, what to run when one is missing, exit 1 then."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import require_soffice

from plangen.cli import main
from plangen.doctor import checks
from plangen.doctor.checks import report_lines


def doctor(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["doctor", *args], env=env)


def dejavu_only(folder: Path) -> Path:
    """A fontconfig that sees DejaVu Serif only, as a machine without Liberation fonts."""
    listed = subprocess.run(["fc-list", ":family=DejaVu Serif", "file"], capture_output=True,
                            text=True, check=False).stdout
    files = [Path(line.split(":")[0]) for line in listed.splitlines() if line.strip()]
    if not files:
        pytest.skip("DejaVu Serif is not installed")
    fonts = folder / "fonts"
    fonts.mkdir()
    for file in files:
        (fonts / file.name).symlink_to(file)
    config = folder / "fonts.conf"
    config.write_text(f"<?xml version=\"1.0\"?>\n<fontconfig><dir>{fonts}</dir>"
                      f"<cachedir>{folder / 'cache'}</cachedir></fontconfig>\n",
                      encoding="utf-8")
    return config


def test_a_ready_machine_passes_every_check() -> None:
    require_soffice()
    result = doctor()
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("[ĐẠT] LibreOffice (để tạo PDF): phiên bản LibreOffice ")
    assert lines[1].startswith("[ĐẠT] Phông chữ có đủ chữ tiếng Việt: Times New Roman được in "
                               "bằng ")
    assert lines[2].startswith("[ĐẠT] Lược đồ OOXML kèm plangen")
    assert lines[3].startswith("[ĐẠT] Thư mục tạm ghi được: ")
    assert lines[4] == "Máy này sẵn sàng tạo Word và PDF."
    english = doctor("--lang", "en")
    assert english.output.splitlines()[-1] == "This machine is ready to make Word files and PDFs."


def test_missing_libreoffice_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "find_soffice", lambda: None)
    result = doctor()
    assert result.exit_code == 1
    assert ("[THIẾU] LibreOffice (để tạo PDF): không tìm thấy lệnh soffice hay libreoffice. "
            "Sửa: sudo apt-get install libreoffice-writer-nogui") in result.output
    assert result.output.splitlines()[-1] == "Còn 1 việc cần sửa (xem các dòng [THIẾU] ở trên)."


def test_a_broken_libreoffice(tmp_path: Path) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 7\n", encoding="utf-8")
    fake.chmod(0o755)
    result = doctor("--lang", "en", env={"PLANGEN_SOFFICE": str(fake)})
    assert result.exit_code == 1
    assert f'[MISSING] LibreOffice (for PDF): "{fake}" does not run or tell its version.' in \
        result.output


def test_times_new_roman_replaced_by_another_face(tmp_path: Path) -> None:
    config = dejavu_only(tmp_path)
    result = doctor(env={"FONTCONFIG_FILE": str(config)})
    assert result.exit_code == 1
    assert ("[THIẾU] Phông chữ có đủ chữ tiếng Việt: Times New Roman được thay bằng DejaVu "
            "Serif") in result.output
    assert "Sửa: cài phông đủ chữ tiếng Việt: sudo apt-get install fonts-liberation2" in \
        result.output


def test_a_face_lacking_vietnamese_letters() -> None:
    """fonts-liberation 1.07: Liberation Serif stands for Times New Roman but lacks ứ ớ ậ."""
    def run(command: list[str]) -> str | None:
        return "Liberation Serif" if command[0] == "fc-match" else "DejaVu Serif\nDejaVu Sans\n"

    found = checks.vietnamese_font(run)
    assert not found.ok and found.found == "doctor_font_incomplete"
    line = report_lines([found])[0]
    assert line == ("[THIẾU] Phông chữ có đủ chữ tiếng Việt: Times New Roman được in bằng "
                    "Liberation Serif, nhưng phông này thiếu một số chữ tiếng Việt (ứ, ớ, ậ …): "
                    "các chữ đó sẽ in bằng phông khác. Sửa: cài phông đủ chữ tiếng Việt: sudo "
                    "apt-get install fonts-liberation2")


def test_no_fontconfig() -> None:
    found = checks.vietnamese_font(lambda command: None)
    assert not found.ok
    assert "Fix: install fontconfig and a font with every Vietnamese letter: sudo apt-get " \
        "install fontconfig fonts-liberation2" in \
        report_lines([found], "en")[0]


def test_the_query_covers_every_vietnamese_letter() -> None:
    letters = ("àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
    ranges = []
    for part in checks.VIETNAMESE_CHARSET.split():
        low, _, high = part.partition("-")
        ranges.append((int(low, 16), int(high or low, 16)))
    for letter in letters + letters.upper():
        assert any(low <= ord(letter) <= high for low, high in ranges), letter


def test_schemas_that_do_not_load(tmp_path: Path) -> None:
    found = checks.schemas(tmp_path)
    assert not found.ok
    line = report_lines([found])[0]
    assert line.startswith("[THIẾU] Lược đồ OOXML kèm plangen (cho plangen check): không nạp "
                           "được: Thư mục lược đồ")
    assert "Sửa: cài lại plangen" in line
    assert checks.schemas().ok


def test_an_unwritable_temporary_folder(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    result = doctor(env={"TMPDIR": str(not_a_folder)})
    assert result.exit_code == 1
    assert f"[THIẾU] Thư mục tạm ghi được: không ghi được vào \"{not_a_folder}\"" in result.output
    assert "Sửa: đặt TMPDIR là một thư mục ghi được" in result.output
