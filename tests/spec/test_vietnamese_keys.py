"""A key typed in Vietnamese ("chủ trì:", "nơi nhận:", with or without accents) is answered with
the English key to write, not with advice to quote the line."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangen.cli import main
from plangen.errors import SpecIssue
from plangen.spec.loader import load_spec_text
from plangen.spec.schema import SPEC_SCHEMA
from plangen.spec.validate import validate_spec
from plangen.spec.vnkeys import NAMES, english_key, fold

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal.yaml"
BASE = MINIMAL.read_text(encoding="utf-8")
COMPOSITION_KEYS = {"extends", "include"}


def all_keys(rules: object) -> set[str]:
    found: set[str] = set()
    if isinstance(rules, dict):
        for key, value in rules.items():
            if key == "schema" and isinstance(value, dict) and "type" not in value:
                found.update(value)
            found |= all_keys(value)
    elif isinstance(rules, list):
        for value in rules:
            found |= all_keys(value)
    return found


def issues(text: str) -> list[SpecIssue]:
    return validate_spec(load_spec_text(text, "plan.yaml", collect=True))


def unknown(text: str) -> SpecIssue:
    found = [issue for issue in issues(text) if issue.code == "unknown_key"]
    assert len(found) == 1, found
    return found[0]


def test_every_name_is_for_a_real_key_and_every_key_has_names() -> None:
    keys = set(SPEC_SCHEMA) | all_keys(SPEC_SCHEMA)
    assert set(NAMES) - COMPOSITION_KEYS <= keys
    assert keys - set(NAMES) == set(), "give these keys their names in plangen/spec/vnkeys.py"
    for names in NAMES.values():
        assert all(unicodedata.is_normalized("NFC", name) for name in names)


@pytest.mark.parametrize(("typed", "key"), [
    ("nơi nhận", "recipients"), ("noi nhan", "recipients"), ("Nơi nhận", "recipients"),
    ("NOI_NHAN", "recipients"), ("trích yếu", "summary"), ("người ký", "signature"),
    ("kinh phí", "funding"), ("tổ chức thực hiện", "organization"), ("căn cứ", "preamble")])
def test_top_level_vietnamese_key(typed: str, key: str) -> None:
    issue = unknown(BASE + f"{typed}: x\n")
    assert issue.message("vi").endswith(
        f"Không có khóa \"{typed}\" ở đây. Khóa `{typed}` viết là `{key}` (tên khóa viết bằng "
        f"tiếng Anh, nội dung viết bằng tiếng Việt): {key}: …")
    assert f"Key `{typed}` is written `{key}`" in issue.message("en")
    assert "ngoặc kép" not in issue.message("vi")


@pytest.mark.parametrize(("typed", "key"), [
    ("chủ trì", "lead"), ("chu tri", "lead"), ("cơ quan chủ trì", "lead"),
    ("phối hợp", "partners"), ("Thời gian thực hiện", "timeline"), ("sản phẩm", "product"),
    ("tiêu đề", "title")])
def test_task_level_vietnamese_key(typed: str, key: str) -> None:
    text = BASE.replace("      lead:", f"      {typed}: x\n      lead:", 1)
    assert text != BASE
    assert f"viết là `{key}`" in unknown(text).message("vi")


def test_the_key_meant_depends_on_where_it_is() -> None:
    assert english_key("tiêu đề", ["heading", "items"]) == "heading"
    assert english_key("tiêu đề", ["title", "lead"]) == "title"
    assert english_key("ngày", ["day", "month", "year"]) == "day"
    assert english_key("ngày", ["issuer", "date"]) == "date"
    assert english_key("chủ trì", ["issuer", "date"]) is None


def test_text_with_a_colon_still_gets_the_quoting_advice() -> None:
    text = BASE.replace("      lead:", "      Sở Tư pháp theo dõi: x\n      lead:", 1)
    assert "ngoặc kép" in unknown(text).message("vi")


def test_fold() -> None:
    assert fold("Đơn vị_chủ  trì:") == "don vi chu tri"


def test_the_command_line_says_it(tmp_path: Path) -> None:
    spec = tmp_path / "plan.yaml"
    spec.write_text(BASE + "nơi nhận:\n  - Bộ Tư pháp\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(spec)])
    assert result.exit_code == 1
    assert "nơi nhận  Không có khóa \"nơi nhận\" ở đây. Khóa `nơi nhận` viết là `recipients`" \
        in result.output
