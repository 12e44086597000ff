"""The YAML writer: what it writes loads back through plangen's loader to exactly the data it
was given, in readable form (plain where YAML allows, folded blocks for long text), with each
note as a comment above its field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plangen.extract import extract_path
from plangen.extract.emit import emit_spec, foldable, plain_ok, string_lines
from plangen.extract.notes import Note
from plangen.spec.loader import load_spec_text
from plangen.vntext import nfc

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
TRICKY = ["05", "010", "yes", "no", "on", "null", "~", "2026-01-05", "1e3", "0x1F", ".5",
          "Lưu: VT, KGVX", "- Như trên", "# không phải chú thích", "a #b", "a: b", "Kết thúc:",
          '"Luật" năm 2026', "'Luật'", "[các sở, ban, ngành]", "{x}", "*ghi chú*", "&neo",
          "!tag", "|", ">", "%", "@", "`", "? hỏi", ": hai chấm", "Bộ KH&CN", "a\\b", "tab\tở giữa",
          "dòng một\ndòng hai", "  lề trái", "lề phải  ", "hai  dấu cách", "…", "./.",
          "Sở A; Sở B.", "ngày      tháng", "x" * 300, "Đắk Lắk " * 40]


def round_trip(data: dict[str, Any]) -> Any:
    return load_spec_text(emit_spec(data, [], "test")).data


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_loads_back_unchanged(text: str) -> None:
    data = {"summary": text, "preamble": [text, text], "tasks": {"items": [{"title": text}]}}
    assert round_trip(data) == data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_any_printable_text_loads_back_unchanged(text: str) -> None:
    text = nfc(text)
    if not text.strip() or "\ufeff" in text:
        return
    data = {"summary": text, "recipients": [text]}
    assert round_trip(data) == data


def test_values_of_every_kind_load_back() -> None:
    data = {"issuer": {"name": "Ủy ban nhân dân tỉnh Đắk Lắk"}, "number": None,
            "date": {"day": 5, "month": 2, "year": 2026}, "symbol": "KH-UBND",
            "tasks": {"items": [{"id": "a", "title": "Một", "subtasks": [
                {"title": "Con", "partners": ["Sở A", "Sở B"]}]}]},
            "appendix": {"title": "Phụ lục", "from_tasks": True}}
    assert round_trip(data) == data


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("0*.txt")), ids=lambda p: p.stem)
def test_an_extracted_spec_loads_back_to_its_data(seed: Path) -> None:
    extraction = extract_path(seed)
    assert load_spec_text(extraction.yaml_text).data == extraction.data


def test_plain_text_stays_plain_and_long_text_folds() -> None:
    assert string_lines("Sở Khoa học và Công nghệ", "  lead:", 2) == [
        "  lead: Sở Khoa học và Công nghệ"]
    assert string_lines("Lưu: VT", "  -", 2) == ['  - "Lưu: VT"']
    folded = string_lines(("Kinh phí thực hiện " * 12).strip(), "funding:", 0)
    assert folded[0] == "funding: >-" and all(len(line) <= 96 for line in folded)
    assert not plain_ok("05") and plain_ok("Năm 2026") and not foldable("hai  dấu cách")


def test_notes_are_comments_above_their_field() -> None:
    data = {"issuer": {"name": "Ủy ban nhân dân tỉnh"}, "summary": "Trích yếu",
            "tasks": {"items": [{"title": "Một", "lead": "Sở A"}]}}
    notes = [Note("todo", "extract_todo_issuer", ("issuer", "name")),
             Note("check", "extract_role_order", ("tasks", "items", 0)),
             Note("lost", "extract_tail_lost", ("signature",), {"text": "(Đã ký)"})]
    text = emit_spec(data, notes, "ke-hoach.docx")
    lines = text.splitlines()
    name = lines.index("  name: Ủy ban nhân dân tỉnh")
    assert lines[name - 1].startswith("  # TODO (cần điền): văn bản không có tên cơ quan")
    item = lines.index("    - title: Một")
    assert lines[item - 2].startswith("    # Kiểm tra: các dòng vai trò sẽ in theo thứ tự")
    assert lines[item - 1].startswith("    # ")  # the comment wraps, indented like its field
    assert lines[-1] == ('# Không chuyển được: dòng "(Đã ký)" ở cuối văn bản (không thuộc nơi '
                         'nhận hay chữ ký).')  # a note whose field was not written: at the end
    assert lines[0] == "# yaml-language-server: $schema=plangen.schema.json"
    assert "ke-hoach.docx" in lines[1]
    assert load_spec_text(text).data == data
    english = emit_spec(data, notes, "plan.docx", lang="en")
    assert "# TODO (fill in): the source names no issuing agency" in english


def test_every_extract_code_has_both_languages_and_fills_its_parameters() -> None:
    import re
    import string

    from plangen.messages import CATALOG, message

    package = Path(__file__).resolve().parents[2] / "plangen"
    source = "".join(path.read_text(encoding="utf-8") for path in
                     [*package.joinpath("extract").glob("*.py"), package / "cli.py"])
    functions = {"extract_bytes", "extract_path", "extract_source", "extract_text"}  # __all__
    codes = set(re.findall(r'"(extract_[a-z_]+)"', source)) - {"extract_prefix_", *functions}
    codes |= {f"extract_prefix_{kind}" for kind in ("todo", "check", "kept", "lost")}
    codes |= {f"extract_repair_{key}" for key in re.findall(r'"([a-z_]+)"', source.split(
        "REPAIRS = (", 1)[1].split(")", 1)[0])}
    assert codes <= set(CATALOG), codes - set(CATALOG)
    for code in codes:
        vi, en = CATALOG[code]
        names = {field for text in (vi, en) for _, field, _, _ in string.Formatter().parse(text)
                 if field}
        params = dict.fromkeys(names, "X")
        for lang in ("vi", "en"):
            shown = message(code, lang, **params)
            assert "{" not in shown and "internal" not in shown.lower(), (code, shown)
