"""The loader: encodings, text hygiene at load time, bounds, safe YAML and syntax errors."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from plangen.errors import SpecError, UsageError
from plangen.spec import loader
from plangen.spec.loader import (
    MAX_DEPTH,
    LoadedSpec,
    decode_spec_bytes,
    load_spec_file,
    load_spec_text,
)


def load_error(text: str, **kwargs: bool) -> SpecError:
    with pytest.raises(SpecError) as caught:
        load_spec_text(text, "plan.yaml", **kwargs)
    return caught.value


def codes(error: SpecError) -> list[tuple[int, str]]:
    return [(i.location.line if i.location else 0, i.code) for i in error.issues]


# --- bytes to text ------------------------------------------------------------------------

@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    lambda t: t.encode("utf-16-le"),
    lambda t: t.encode("utf-16-be"),
], ids=["utf8", "utf8-bom", "utf16", "utf16-be-bom", "utf16-le", "utf16-be"])
def test_utf8_and_utf16_decode_to_the_same_text(encode: object) -> None:
    text = "place: Đắk Lắk\nsummary: Triển khai\n"
    assert decode_spec_bytes(encode(text), "plan.yaml") == text  # type: ignore[operator]


def test_damaged_utf16_is_a_clear_error() -> None:
    with pytest.raises(SpecError) as caught:
        decode_spec_bytes(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00", "p.yaml")
    assert caught.value.issues[0].code == "bad_utf16"


def test_non_utf8_names_line_and_column_and_shows_the_line() -> None:
    raw = "a: 1\nplace: Đà\n".encode("cp1258")
    with pytest.raises(SpecError) as caught:
        decode_spec_bytes(raw, "p.yaml")
    [issue] = caught.value.issues
    assert issue.code == "not_utf8"
    assert issue.location is not None and (issue.location.line, issue.location.column) == (2, 8)
    assert "place: Đà" in issue.message("vi")


def test_crlf_and_lone_cr_line_endings_keep_line_numbers() -> None:
    for newline in ("\r\n", "\r"):
        loaded = load_spec_text(newline.join(["a: 1", "b: 2", "c: x"]) + newline)
        assert loaded.data == {"a": 1, "b": 2, "c": "x"}
        assert loaded.marks[("c",)].line == 3


def test_every_string_and_key_is_nfc() -> None:
    text = unicodedata.normalize("NFD", "tiêu_đề: Ủy ban nhân dân\nds: [Đắk Lắk, Huế]\n")
    loaded = load_spec_text(text)
    assert loaded.data == {"tiêu_đề": "Ủy ban nhân dân", "ds": ["Đắk Lắk", "Huế"]}
    for key, value in loaded.data.items():
        assert unicodedata.is_normalized("NFC", key)
        for item in value if isinstance(value, list) else [value]:
            assert unicodedata.is_normalized("NFC", item)


def test_missing_file_and_directory_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as missing:
        load_spec_file(tmp_path / "khong-co.yaml")
    assert missing.value.code == "input_missing" and missing.value.exit_code == 2
    with pytest.raises(UsageError) as folder:
        load_spec_file(tmp_path)
    assert folder.value.code == "input_is_directory"


def test_a_file_over_the_size_bound_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * loader.MAX_FILE_BYTES + b"\n")
    with pytest.raises(SpecError) as caught:
        load_spec_file(big)
    assert caught.value.issues[0].code == "file_too_large"


@pytest.mark.parametrize("text", ["", "   \n\n", "# chỉ có chú thích\n", "---\n"])
def test_empty_files(text: str) -> None:
    assert codes(load_error(text)) == [(1, "empty_file")]


# --- safety -------------------------------------------------------------------------------

def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = (f'place: !!python/object/apply:os.system ["touch {marker}"]\n'
            "name: !!python/name:os.system\n"
            "obj: !!python/object:collections.OrderedDict {}\n")
    error = load_error(text)
    assert [i.code for i in error.issues] == ["unsupported_tag"] * 3
    assert "!!python/object/apply:os.system" in error.issues[0].message("vi")
    assert not marker.exists()


def test_a_billion_laughs_fails_before_building_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{n}: &{n} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True))

    def never(*args: object) -> None:
        raise AssertionError("the builder ran on an alias bomb")

    monkeypatch.setattr(loader._Builder, "build", never)
    error = load_error(bomb)
    assert [i.code for i in error.issues] == ["too_many_nodes"]
    assert error.issues[0].location is not None and error.issues[0].location.line > 1


def test_small_aliases_still_work() -> None:
    text = "a: &s Sở Khoa học và Công nghệ\nb: *s\nc: &l [x, y]\nd: *l\n"
    loaded = load_spec_text(text)
    assert loaded.data["b"] == "Sở Khoa học và Công nghệ" and loaded.data["d"] == ["x", "y"]


def test_an_alias_cycle_is_refused() -> None:
    assert [i.code for i in load_error("a: &a [1, *a]\n").issues] == ["alias_cycle"]


@pytest.mark.parametrize("text", [
    "a: " + "[" * 100_000 + "\n",
    "a: " + "[" * 3000 + "]" * 3000 + "\n",
    "a: " + "{b: " * 3000 + "\n",
    "".join("  " * i + f"k{i}:\n" for i in range(300)),
    "".join("  " * i + "- \n" for i in range(300)),
], ids=["open-brackets", "balanced-brackets", "flow-mappings", "block-mappings", "block-lists"])
def test_deep_nesting_is_refused_without_recursion_error(text: str) -> None:
    error = load_error(text)
    assert [i.code for i in error.issues] == ["too_deep"]
    assert error.issues[0].params["limit"] == MAX_DEPTH


def test_nesting_within_the_bound_loads() -> None:
    depth = MAX_DEPTH - 1
    loaded = load_spec_text("a: " + "[" * depth + "x" + "]" * depth + "\n")
    value = loaded.data["a"]
    for _ in range(depth - 1):
        value = value[0]
    assert value == ["x"]


# --- data and marks -----------------------------------------------------------------------

def test_unquoted_numbers_keep_their_source_text() -> None:
    loaded = load_spec_text('a: 010\nb: 01\nc: "05"\nd: no\ne: 2026-04-13\nf: 08\n')
    assert loaded.data["a"] == 8 and loaded.raw_scalars[("a",)] == "010"
    assert loaded.data["b"] == 1 and loaded.raw_scalars[("b",)] == "01"
    assert loaded.data["c"] == "05" and ("c",) not in loaded.raw_scalars
    assert loaded.data["d"] is False and loaded.raw_scalars[("d",)] == "no"
    assert loaded.raw_scalars[("e",)] == "2026-04-13"
    assert loaded.data["f"] == "08"  # not valid octal: YAML 1.1 keeps it as text


def test_impossible_timestamps_stay_text() -> None:
    assert load_spec_text("d: 2026-02-31\n").data == {"d": "2026-02-31"}


def test_marks_are_one_based_and_locate_falls_back_to_the_parent() -> None:
    loaded = load_spec_text("# c\ntasks:\n  items:\n    - title: A\n")
    assert (loaded.marks[("tasks", "items", 0, "title")].line,
            loaded.marks[("tasks", "items", 0, "title")].column) == (4, 14)
    assert loaded.key_marks[("tasks",)].line == 2
    located = loaded.locate(("tasks", "items", 0, "lead"))
    assert located is not None and located.line == 4


def test_flow_lists_are_recorded() -> None:
    loaded = load_spec_text("a: [x, y]\nb:\n  - x\n")
    assert loaded.flow_lists == {("a",)}


def test_recoverable_problems_raise_by_default_and_are_collected_on_request() -> None:
    text = "place: A\nplace: B\nsymbol: !upper kh\ntitle: \"x\x0by\"\n"
    assert sorted(i.code for i in load_error(text).issues) == [
        "control_char", "duplicate_key", "unsupported_tag"]
    loaded = load_spec_text(text, collect=True)
    assert isinstance(loaded, LoadedSpec)
    assert loaded.data["place"] == "A"
    assert sorted((i.code, i.location.line if i.location else 0) for i in loaded.issues) == [
        ("control_char", 4), ("duplicate_key", 2), ("unsupported_tag", 3)]


def test_raw_control_characters_are_named_by_field_key_or_file() -> None:
    text = "tasks:\n  items:\n    - title: \"Tuyên\x0ctruyền\"\n    - ti\x01tle: x\n# \x07\n"
    issues = load_spec_text(text, collect=True).issues
    found = {(i.code, i.location.line if i.location else 0, i.location.column if i.location else 0,
              i.path) for i in issues}
    assert found == {
        ("control_char", 3, 20, ("tasks", "items", 0, "title")),
        ("control_char", 4, 9, ("tasks", "items", 1, "ti tle")),
        ("control_char_in_file", 5, 3, ()),
    }


def test_merge_keys_and_complex_keys_are_refused() -> None:
    issues = load_error("b: &b {x: 1}\na:\n  <<: *b\n? [k]\n: v\n").issues
    assert sorted(i.code for i in issues) == ["key_not_text", "merge_key"]


# --- syntax errors ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "line", "code"), [
    ("a:\n\tb: 1\n", 2, "yaml_tab"),
    ('a: "x\nb: 1\nc: "y"\n', 1, "yaml_unclosed_quote"),
    ("a: 'x\n", 1, "yaml_unclosed_quote"),
    ('a: "Luật" năm 2026\nb: 1\n', 1, "yaml_after_quote"),
    ("a: b: c\n", 1, "yaml_colon"),
    ("a: 1\nb\nc: 2\n", 2, "yaml_missing_colon"),
    ("a:\n  b: 1\n c: 2\n", 3, "yaml_indent"),
    ("a: [x, y\nb: 1\n", 2, "yaml_flow"),
    ("a: *khong\n", 1, "yaml_alias"),
    ("a: 1\n---\nb: 2\n", 2, "yaml_multi_doc"),
    ('a: "C:\\q"\n', 1, "yaml_escape"),
    ("a: @x\n", 1, "yaml_reserved"),
    ("a: * x\n", 1, "yaml_reserved"),
    ("%YAML 1.1\n%YAML 1.1\na: 1\n", 2, "yaml_syntax"),
])
def test_syntax_errors_have_a_code_and_the_line_to_fix(text: str, line: int, code: str) -> None:
    [issue] = load_error(text).issues
    assert (issue.location.line if issue.location else 0, issue.code) == (line, code)
    for lang in ("vi", "en"):
        assert "Traceback" not in issue.format(lang)
