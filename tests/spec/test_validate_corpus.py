"""The broken-spec corpus: each tests/data/invalid/<case>.yaml beside <case>.expected.

An .expected file lists every issue the validator must report, one per line, as
`LINE  field.path  code` ("-" for the whole file). The test compares the full list, so a missing,
extra, misplaced or misclassified issue fails, and a crash fails louder. Cases that need bytes a
text editor would mangle (UTF-16, Windows-1258, CRLF, BOM, NFD) are generated here instead.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from plangen.errors import SpecIssue
from plangen.messages import format_path
from plangen.spec.api import CheckedSpec, check_spec

DATA = Path(__file__).resolve().parents[1] / "data"
CASES = sorted((DATA / "invalid").glob("*.yaml"))
MINIMAL = DATA / "valid" / "minimal.yaml"

Expected = list[tuple[int, str, str]]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")  # a parameter the message failed to fill in


def read_expected(path: Path) -> Expected:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        number, rest = line.split(None, 1)
        field, code = rest.rsplit(None, 1)
        rows.append((int(number), field.strip(), code))
    return rows


def reported(checked: CheckedSpec) -> Expected:
    return [(issue.location.line if issue.location else 0, format_path(issue.path) or "-",
             issue.code) for issue in checked.issues]


def assert_messages_are_whole(issues: tuple[SpecIssue, ...] | list[SpecIssue]) -> None:
    for issue in issues:
        for lang in ("vi", "en"):
            text = issue.format(lang)
            assert not PLACEHOLDER.search(text), text
            assert "Traceback" not in text and "internal" not in issue.code, text
            assert "Lỗi nội bộ" not in text and "Internal plangen error" not in text, text
        assert unicodedata.is_normalized("NFC", issue.message("vi"))


def test_the_corpus_is_large_and_every_case_has_its_expectations() -> None:
    assert len(CASES) >= 30
    for case in CASES:
        assert case.with_suffix(".expected").is_file(), f"{case.name} lacks its .expected"


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_case_reports_exactly_the_expected_issues(case: Path) -> None:
    checked = check_spec(case)  # never raises: load failures are issues too
    expected = read_expected(case.with_suffix(".expected"))
    assert Counter(reported(checked)) == Counter(expected), "\n".join(
        f"{line}  {field}  {code}" for line, field, code in reported(checked))
    assert_messages_are_whole(checked.issues)
    if any(issue.severity == "error" for issue in checked.issues):
        assert checked.plan is None


def test_the_corpus_covers_every_check_of_issue_2() -> None:
    codes = {code for case in CASES for _, _, code in read_expected(case.with_suffix(".expected"))}
    wanted = {
        "required", "unknown_key", "bad_type", "quote_it", "quote_text", "duplicate_key",
        "date_not_mapping", "no_such_date", "kt_needs_deputy", "tm_needs_body",
        "archive_not_last", "archive_missing", "unknown_task", "duplicate_id", "empty",
        "no_value", "empty_item", "too_few", "control_char", "legacy_encoding", "mojibake",
        "yaml_tab", "yaml_unclosed_quote", "yaml_after_quote", "yaml_colon", "yaml_indent",
        "yaml_flow", "yaml_multi_doc", "too_many_nodes", "too_deep", "alias_cycle",
        "unsupported_tag", "merge_key", "agency_split", "bad_number", "bad_symbol", "bad_id",
        "out_of_range", "not_allowed", "bad_role_style", "top_not_mapping", "empty_file",
    }
    assert wanted <= codes, sorted(wanted - codes)


def test_the_base_of_the_corpus_is_valid() -> None:
    checked = check_spec(MINIMAL)
    assert checked.issues == ()
    assert checked.plan is not None


# --- cases generated as bytes -------------------------------------------------------------

def minimal_text() -> str:
    return MINIMAL.read_text(encoding="utf-8")


def with_error(text: str) -> str:
    """The minimal spec with a misspelled key on line 11 and an empty place on line 6."""
    return text.replace("summary:", "sumary:").replace("place: Đắk Lắk", 'place: ""')


ERRORS_OF_WITH_ERROR = [(6, "place", "empty"), (2, "summary", "required"),
                        (11, "sumary", "unknown_key")]


def to_windows_1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Word saves it: base letters with combining tone marks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones))
        out += (letter + "".join(tones)).encode("cp1258")
    return bytes(out)


GENERATED: dict[str, tuple[bytes, Expected]] = {
    "crlf": (with_error(minimal_text()).replace("\n", "\r\n").encode(), ERRORS_OF_WITH_ERROR),
    "bom": (codecs.BOM_UTF8 + with_error(minimal_text()).encode(), ERRORS_OF_WITH_ERROR),
    "utf16-bom": (with_error(minimal_text()).encode("utf-16"), ERRORS_OF_WITH_ERROR),
    "utf16-le-no-bom": (with_error(minimal_text()).encode("utf-16-le"), ERRORS_OF_WITH_ERROR),
    "utf16-be-crlf": (with_error(minimal_text()).replace("\n", "\r\n").encode("utf-16-be"),
                      ERRORS_OF_WITH_ERROR),
    "nfd": (unicodedata.normalize("NFD", with_error(minimal_text())).encode(),
            ERRORS_OF_WITH_ERROR),
    # Line 1 is an ASCII comment, line 2 "issuer:", line 3 the first Vietnamese letters.
    "windows-1258": (to_windows_1258(minimal_text()), [(3, "-", "not_utf8")]),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_case(name: str, tmp_path: Path) -> None:
    raw, expected = GENERATED[name]
    spec = tmp_path / f"{name}.yaml"
    spec.write_bytes(raw)
    checked = check_spec(spec)
    assert Counter(reported(checked)) == Counter(expected), reported(checked)
    assert_messages_are_whole(checked.issues)


def test_windows_1258_is_reported_at_its_first_vietnamese_letter(tmp_path: Path) -> None:
    spec = tmp_path / "cp1258.yaml"
    spec.write_bytes(b"issuer:\n  name: " + to_windows_1258("Ủy ban nhân dân tỉnh Đắk Lắk\n"))
    checked = check_spec(spec)
    [issue] = checked.issues
    assert issue.code == "not_utf8"
    # "Ủ" is "U" then a combining hook (byte 0xD2): the hook is the first byte UTF-8 refuses.
    assert issue.location is not None and (issue.location.line, issue.location.column) == (2, 10)
    assert "Ủy ban nhân dân tỉnh Đắk Lắk" in issue.message("vi")  # the line, read as cp1258
    assert "UTF-8" in issue.message("vi") and "UTF-8" in issue.message("en")


@pytest.mark.parametrize("name", ["crlf", "bom", "utf16-bom", "utf16-le-no-bom", "nfd"])
def test_encodings_of_a_valid_spec_load_to_the_same_plan(name: str, tmp_path: Path) -> None:
    text = minimal_text()
    raw = {"crlf": text.replace("\n", "\r\n").encode(), "bom": codecs.BOM_UTF8 + text.encode(),
           "utf16-bom": text.encode("utf-16"), "utf16-le-no-bom": text.encode("utf-16-le"),
           "nfd": unicodedata.normalize("NFD", text).encode()}[name]
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(raw)
    checked, reference = check_spec(spec), check_spec(MINIMAL)
    assert checked.issues == ()
    assert checked.plan == reference.plan
