"""The validator's checks one by one, and the message catalog they speak through."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from cerberus import Validator

from plangen.errors import SpecIssue
from plangen.messages import CATALOG, format_path, message
from plangen.spec.loader import load_spec_text
from plangen.spec.schema import SPEC_SCHEMA
from plangen.spec.validate import legacy_kind, validate_spec

PACKAGE = Path(__file__).resolve().parents[2] / "plangen"
MINIMAL = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal.yaml"
BASE = MINIMAL.read_text(encoding="utf-8")
SPECS = Path(__file__).resolve().parents[2] / "specs"


def check(text: str) -> list[SpecIssue]:
    return validate_spec(load_spec_text(text, "plan.yaml", collect=True))


def found(text: str) -> set[tuple[str, str]]:
    return {(format_path(issue.path), issue.code) for issue in check(text)}


def edit(old: str, new: str) -> str:
    assert old in BASE
    return BASE.replace(old, new)


def test_the_base_is_valid() -> None:
    assert check(BASE) == []


def test_spec_schema_is_a_valid_cerberus_schema() -> None:
    """validate.py skips this proof at run time for speed; it must hold."""
    Validator(SPEC_SCHEMA)  # raises cerberus.SchemaError if a rule is malformed
    Validator(SPEC_SCHEMA).schema.validate()


# --- schema -------------------------------------------------------------------------------

def test_every_error_is_reported_at_once() -> None:
    text = edit("place: Đắk Lắk", "place: [a]").replace("summary:", "sumary:").replace(
        "  day: 13", "  day: 31").replace("  month: 4", "  month: 2")
    assert found(text) == {("place", "bad_type"), ("summary", "required"),
                           ("sumary", "unknown_key"), ("date.day", "no_such_date")}


@pytest.mark.parametrize("value", ["yes", "true", "on"])
def test_yaml_booleans_are_not_integers(value: str) -> None:
    assert found(edit("  day: 13", f"  day: {value}")) == {("date.day", "bad_type")}


def test_quote_it_for_codes_and_quote_text_for_prose() -> None:
    issues = check(edit('number: "05"', "number: 010").replace(
        "      timeline: Năm 2026\n", "      timeline: 2026\n"))
    by_code = {issue.code: issue for issue in issues}
    assert set(by_code) == {"quote_it", "quote_text"}
    assert '"010"' in by_code["quote_it"].message("vi")
    assert "số 8" in by_code["quote_it"].message("vi")
    assert "the number 8" in by_code["quote_it"].message("en")
    assert format_path(by_code["quote_text"].path) == "tasks.items[2].timeline"


@pytest.mark.parametrize("written", ["2026-04-13", "13/4/2026", "13-04-2026", '"13.4.2026"'])
def test_a_date_on_one_line_gets_the_three_lines_to_write(written: str) -> None:
    [issue] = check(edit("date:\n  day: 13\n  month: 4\n  year: 2026\n", f"date: {written}\n"))
    assert issue.code == "date_not_mapping"
    assert issue.params == {"day": 13, "month": 4, "year": 2026}
    assert '"day: 13", "month: 4", "year: 2026"' in issue.message("vi")


def test_other_text_where_a_date_belongs_is_a_type_error() -> None:
    [issue] = check(edit("date:\n  day: 13\n  month: 4\n  year: 2026\n", "date: tháng 4\n"))
    assert issue.code == "bad_type" and "day, month, year" in issue.message("vi")


def test_type_errors_say_how_to_write_the_value() -> None:
    issues = {format_path(i.path): i.message("vi") for i in check(
        edit("signature:\n  lines:", "signature: Nguyễn Văn A\nsignatur:\n  lines:").replace(
            "  year: 2026", '  year: "2026"'))}
    assert "khóa dùng được: lines, name" in issues["signature"]
    assert "Bỏ dấu ngoặc kép: viết 2026" in issues["date.year"]


def test_unknown_keys_get_a_near_match_or_the_allowed_keys() -> None:
    issues = {i.path[-1]: i for i in check(
        edit("      timeline: Năm 2026\n", "      Timeline: Năm 2026\n      hạn: 2026\n"))
        if i.code == "unknown_key"}
    assert 'Có phải là "timeline"?' in issues["Timeline"].message("vi")
    assert 'Did you mean "timeline"?' in issues["Timeline"].message("en")
    assert "id, title, description" in issues["hạn"].message("vi")


def test_required_keys_point_at_their_parent_key_line() -> None:
    [issue] = check(edit("  name: Nguyễn Văn A\n", ""))
    assert issue.code == "required" and issue.location is not None
    assert issue.location.line == BASE.splitlines().index("signature:") + 1


def test_list_positions_count_from_one() -> None:
    [issue] = check(edit("      title: Xây dựng cơ sở dữ liệu\n", ""))
    assert format_path(issue.path) == "tasks.items[2].title"
    assert issue.format("vi").startswith("plan.yaml:24:7  tasks.items[2].title  ")


# --- text hygiene -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "legacy_encoding"),  # TCVN3
    ("§¾k L¾k", "legacy_encoding"),
    ("Ng\xadêi d©n", "legacy_encoding"),  # TCVN3 "Người dân": ư is a soft hyphen
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "legacy_encoding"),  # VNI
    ("Trieån khai", "legacy_encoding"),
    ("Nguyá»…n VÄƒn A", "mojibake"),
    ("CÃ¡c sá»Ÿ", "mojibake"),
    ("Cộng hòa xã hội chủ nghĩa Việt Nam", None),
    ("Ủy ban nhân dân tỉnh Đắk Lắk; Sở Khoa học và Công nghệ", None),
    ("Diện tích 1.000 m², nhiệt độ 25°C ± 2°C", None),
    ("Hợp tác với chuyên gia Müller (CHLB Đức)", None),
    ("© 2026 Sở Thông tin", None),
])
def test_legacy_encodings_are_told_apart_from_unicode(text: str, kind: str | None) -> None:
    assert legacy_kind(text) == kind


def test_all_shipped_specs_are_free_of_legacy_text() -> None:
    for spec in sorted((PACKAGE.parent / "specs").glob("*.yaml")):
        for value in re.findall(r"[^\n]+", spec.read_text(encoding="utf-8")):
            assert legacy_kind(value) is None, (spec.name, value)


def test_escaped_control_characters_are_named_by_field() -> None:
    [issue] = check(edit("place: Đắk Lắk", 'place: "Đắk\\x0bLắk"'))
    assert (issue.code, issue.path, issue.params["char"]) == ("control_char", ("place",), "U+000B")


@pytest.mark.parametrize(("flow", "warned"), [
    ("[các sở, ban, ngành]", True),
    ("[Sở Tư pháp, ban, ngành liên quan]", True),
    ("[Sở Tư pháp, Sở Nội vụ, Công an tỉnh]", False),
    ('["các sở, ban, ngành"]', False),
    ("các sở, ban, ngành", False),
])
def test_agency_lists_split_by_flow_commas_warn(flow: str, warned: bool) -> None:
    issues = check(edit("      partners: Các sở, ban, ngành; Ủy ban nhân dân các xã, phường",
                        f"      partners: {flow}"))
    assert [i.code for i in issues] == (["agency_split"] if warned else [])
    if warned:
        assert issues[0].severity == "warning"
        assert "partners: \"" in issues[0].message("vi")


# --- meaning ------------------------------------------------------------------------------

@pytest.mark.parametrize(("lines", "codes"), [
    ("[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]", set()),
    ("[TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]", set()),
    ("[KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC]", set()),
    ("[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, ỦY VIÊN]", {"kt_needs_deputy"}),
    ("[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]", {"kt_needs_deputy"}),
    ("[TM. CHỦ TỊCH]", {"tm_needs_body"}),
    ("[TM. PHÓ CHỦ TỊCH]", {"tm_needs_body"}),
    ("[TM.]", {"tm_needs_body"}),
    ("[KT. CHỦ TỊCH, TM. ỦY BAN NHÂN DÂN]", {"kt_needs_deputy", "tm_not_first"}),
    ("[kt. chủ tịch, phó chủ tịch]", {"signature_not_upper"}),
    ("[K.T. CHỦ TỊCH, PHÓ CHỦ TỊCH]", {"bad_authority"}),
])
def test_signature_blocks(lines: str, codes: set[str]) -> None:
    text = edit("[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]", lines)
    assert {issue.code for issue in check(text)} == codes


@pytest.mark.parametrize(("day", "month", "year", "ok"), [
    (29, 2, 2028, True), (29, 2, 2026, False), (31, 4, 2026, False), (31, 12, 2026, True),
    (30, 2, 2000, False), (29, 2, 2000, True), (29, 2, 2100, False),
])
def test_dates_must_exist(day: int, month: int, year: int, ok: bool) -> None:
    text = edit("  day: 13\n  month: 4\n  year: 2026", f"  day: {day}\n  month: {month}\n"
                f"  year: {year}")
    # a plan dated 2028 whose tasks say "Năm 2026" is also warned about its deadlines
    codes = {i.code for i in check(text) if not i.code.startswith("timeline_")}
    assert codes == (set() if ok else {"no_such_date"})


def test_a_day_too_large_for_a_date_is_an_issue_not_a_crash() -> None:
    # 2147483648 overflows the C int datetime.date takes: OverflowError, not ValueError
    text = edit("  day: 13\n", "  day: 2147483648\n")
    assert "no_such_date" in {issue.code for issue in check(text)}


@pytest.mark.parametrize(("place", "codes"), [
    ("hà Nội", {("place", "place_lowercase")}), ("đắk Lắk", {("place", "place_lowercase")}),
    ("Hà Nội", set()), ("Thành phố Hồ Chí Minh", set()), ('"1 Lê Lợi"', set()),
    ('"Đắk Lắk, Việt Nam"', {("place", "place_sign")}), ('"Lưu: VT"', {("place", "place_sign")}),
])
def test_the_place_name_starts_with_a_capital(place: str, codes: set[tuple[str, str]]) -> None:
    """What the check fails in the date line (PL1 II.4) is refused before rendering."""
    issues = check(edit("place: Đắk Lắk\n", f"place: {place}\n"))
    assert {(format_path(i.path), i.code) for i in issues} == codes
    if codes:
        assert issues[0].severity == "error" and "\"Đắk Lắk\"" in message(
            "place_lowercase", "vi", found="đắk Lắk", want="Đắk Lắk")


@pytest.mark.parametrize(("place", "want"), [
    ("tỉnh Đắk Lắk", "Đắk Lắk"), ("xã Xuân Tín", "Xuân Tín"), ("phường 1", "Phường 1"),
    ("thành phố Huế", "Huế"), ("hà Nội", "Hà Nội"),
])
def test_a_lowercase_place_gets_the_name_the_date_line_prints(place: str, want: str) -> None:
    """PL1 II.4 wants initial capitals; the fix offered is the name as the date lines of
    provinces and communes write it, without its kind ("Đắk Lắk, ngày …")."""
    issue = next(i for i in check(edit("place: Đắk Lắk\n", f"place: {place}\n"))
                 if i.code == "place_lowercase")
    assert issue.params["want"] == want


@pytest.mark.parametrize(("old", "new", "path", "label"), [
    ("      title: Tuyên truyền, phổ biến pháp luật",
     '      title: "1. Tuyên truyền, phổ biến pháp luật"', "tasks.items[1].title", "1."),
    ("    - title: Mục đích", '    - title: "1.1. Mục đích"', "purpose.items[1].title", "1.1."),
    ("purpose:\n", 'purpose:\n  heading: "I. MỤC ĐÍCH, YÊU CẦU"\n', "purpose.heading", "I."),
    ("purpose:\n", 'purpose:\n  heading: "II. MỤC ĐÍCH"\n', "purpose.heading", "II."),
    ("        - Triển khai kịp thời, đồng bộ, hiệu quả.",
     '        - "- Triển khai kịp thời, đồng bộ, hiệu quả."', "purpose.items[1].bullets[1]",
     "-"),
])
def test_a_number_typed_before_a_numbered_line_is_warned(old: str, new: str, path: str,
                                                         label: str) -> None:
    issues = [i for i in check(edit(old, new)) if i.code in ("typed_number", "typed_dash")]
    assert [(format_path(i.path), i.severity, i.params["label"]) for i in issues] == [
        (path, "warning", label)]


@pytest.mark.parametrize("title", ["1.000 hộ dân được hỗ trợ", "5G cho mọi xã",
                                   "TP. Hồ Chí Minh phối hợp", "2026 là năm chuyển đổi số"])
def test_a_line_that_starts_with_a_figure_is_not_a_typed_number(title: str) -> None:
    text = edit("      title: Tuyên truyền, phổ biến pháp luật", f"      title: {title}")
    assert "typed_number" not in {i.code for i in check(text)}


@pytest.mark.parametrize(("old", "new", "path"), [
    ("  name: Ủy ban nhân dân tỉnh Đắk Lắk\n", '  name: "+"\n', "issuer.name"),
    ("summary: Triển khai thực hiện Luật Trí tuệ nhân tạo trên địa bàn tỉnh\n",
     "summary: ___\n", "summary"),
    ("[TM. ỦY BAN NHÂN DÂN, KT.", '["___", KT.', "signature.lines[1]"),
    ("  name: Ủy ban nhân dân tỉnh Đắk Lắk\n", "  name: Ủy ban nhân dân tỉnh Đắk Lắk\n"
     '  header_lines: [ỦY BAN NHÂN DÂN, ".."]\n', "issuer.header_lines[2]"),
    ("summary: Triển khai", 'circulation: "100"\nsummary: Triển khai', "circulation"),
])
def test_a_name_with_no_letter_is_an_error(old: str, new: str, path: str) -> None:
    issues = [i for i in check(edit(old, new)) if i.code == "no_letters"]
    assert [(format_path(i.path), i.severity) for i in issues] == [(path, "error")]


@pytest.mark.parametrize("typed", ["I.", "II. ...", "a)", "b) -"])
def test_a_line_that_is_only_its_number_is_an_error(typed: str) -> None:
    issues = check(edit("      title: Xây dựng cơ sở dữ liệu\n", f'      title: "{typed}"\n'))
    assert [(format_path(i.path), i.code, i.severity) for i in issues] == [
        ("tasks.items[2].title", "typed_number_only", "error")]


FUNDING = "  text: Kinh phí bố trí từ ngân sách nhà nước theo phân cấp hiện hành.\n"


@pytest.mark.parametrize(("typed", "label"), [
    ("I. MỤC ĐÍCH", "I."), ("IV. KINH PHÍ", "IV."), ("Phần I. Kinh phí", "Phần I"),
    ("1. Kinh phí từ ngân sách", "1."), ("1.2. Kinh phí", "1.2."), ("c) Kinh phí", "c)"),
    ("b. Kinh phí", "b."), ("(2) Kinh phí", "(2)"),
])
def test_a_paragraph_typed_with_a_levels_label_is_an_error(typed: str, label: str) -> None:
    """The check (and a reader) would take it for a heading or a numbered item."""
    issues = check(edit(FUNDING, f"  text: {typed}\n"))
    assert [(format_path(i.path), i.code, i.severity, i.params["label"]) for i in issues] == [
        ("funding.text", "text_typed_label", "error", label)]


@pytest.mark.parametrize("typed", ["Điều 1. Kinh phí", "1.000 hộ dân được hỗ trợ",
                                   "TP. Hồ Chí Minh hỗ trợ", "Năm 2026 cấp 12 tỷ đồng"])
def test_a_paragraph_that_opens_with_a_figure_or_a_word_is_no_level(typed: str) -> None:
    assert check(edit(FUNDING, f"  text: {typed}\n")) == []


@pytest.mark.parametrize(("old", "new", "path"), [
    (FUNDING, '  text: "Nơi nhận: các sở, ngành"\n', "funding.text"),
    (FUNDING, '  text: "Kính gửi: Ủy ban nhân dân tỉnh"\n', "funding.text"),
    ("      lead: Sở Khoa học và Công nghệ\n", '      lead: "- Nơi nhận:"\n',
     "tasks.items[2].lead"),
    ("  name: Ủy ban nhân dân tỉnh Đắk Lắk\n", '  name: "Số: 12/KH-UBND"\n', "issuer.name"),
    (FUNDING, "  text: PHỤ LỤC II\n", "funding.text"),
])
def test_a_line_opening_with_the_frames_words_is_an_error(old: str, new: str,
                                                          path: str) -> None:
    """The check would take it for the recipients' label, or a công văn's addressee."""
    assert (path, "text_frame_words") in found(edit(old, new))


@pytest.mark.parametrize("typed", ["Số liệu: 12 báo cáo", "Phụ lục I kèm theo Kế hoạch này "
                                   "liệt kê các nhiệm vụ", "Số lượng: 5 đơn vị"])
def test_the_frames_words_inside_a_sentence_are_text(typed: str) -> None:
    assert check(edit(FUNDING, f'  text: "{typed}"\n')) == []


def test_the_recipients_may_say_kinh_gui_but_are_warned() -> None:
    text = edit("  - CT, các PCT UBND tỉnh\n", "  - Kính gửi CT, các PCT UBND tỉnh\n")
    assert [(i.code, i.severity) for i in check(text)] == [("no_kinh_gui", "warning")]


def test_a_summary_opening_with_vv_is_an_error() -> None:
    text = edit("summary: Triển khai", "summary: V/v triển khai")
    assert ("summary", "summary_vv") in found(text)


def test_a_role_label_or_a_ground_typed_with_a_level_label_is_an_error() -> None:
    text = edit("      lead: Sở Văn hóa, Thể thao và Du lịch\n",
                "      lead: Sở Văn hóa, Thể thao và Du lịch\n      labels: {lead: I. Chủ trì}\n")
    assert ("tasks.items[1].labels.lead", "text_typed_label") in found(text)


def test_a_closing_typed_with_a_label_is_an_error() -> None:
    text = edit("closing: Trên đây", "closing: 1. Trên đây")
    assert ("closing", "text_typed_label") in found(text)


@pytest.mark.parametrize(("old", "new", "path"), [
    ("  title: DANH MỤC NHIỆM VỤ\n", '  title: "+"\n', "appendix.title"),
    ("      title: Xây dựng cơ sở dữ liệu\n", '      title: "..."\n', "tasks.items[2].title"),
    ("purpose:\n", 'purpose:\n  heading: "-"\n', "purpose.heading"),
    ("purpose:\n", 'purpose:\n  heading: "^[Theo Luật số 134/2025/QH15.]"\n', "purpose.heading"),
])
def test_a_title_or_heading_with_no_letter_is_an_error(old: str, new: str, path: str) -> None:
    issues = [i for i in check(edit(old, new)) if i.code == "no_letters"]
    assert [(format_path(i.path), i.severity) for i in issues] == [(path, "error")]


def test_a_free_plans_heading_with_no_letter_is_an_error_but_a_column_title_is_not() -> None:
    free = (SPECS / "variations-free.yaml").read_text(encoding="utf-8")
    assert not [issue for issue in check(free) if issue.severity == "error"]
    first = re.search(r"(?m)^  - heading: (.+)$", free)
    assert first is not None
    text = free.replace(first.group(0), '  - heading: ".."', 1)
    assert [(i.code, i.severity) for i in check(text) if i.code == "no_letters"] == [
        ("no_letters", "error")]
    assert "{key: timeline, title: Thời hạn}" in free
    text = free.replace("{key: timeline, title: Thời hạn}", '{key: timeline, title: "%"}')
    assert "no_letters" not in {i.code for i in check(text)}


@pytest.mark.parametrize(("typed", "code", "want"), [
    ("NGUYỄN VĂN A", "signer_upper", "Nguyễn Văn A"),
    ("ĐẶNG THỊ ÁNH", "signer_upper", "Đặng Thị Ánh"),
    ("TS. Nguyễn Văn A", "signer_honorific", "Nguyễn Văn A"),
    ("Bà Nguyễn Thị B", "signer_honorific", "Nguyễn Thị B"),
])
def test_the_signers_name_is_the_name_alone_in_ordinary_case(typed: str, code: str,
                                                               want: str) -> None:
    issues = check(edit("  name: Nguyễn Văn A\n", f"  name: {typed}\n"))
    assert [(format_path(i.path), i.code, i.severity, i.params["want"]) for i in issues] == [
        ("signature.name", code, "error", want)]


def test_a_summary_in_capitals_is_an_error_however_short() -> None:
    for typed in ("TRIỂN KHAI THỰC HIỆN LUẬT TRÍ TUỆ NHÂN TẠO", "UBND"):
        issues = check(edit("summary: Triển khai thực hiện Luật Trí tuệ nhân tạo trên địa bàn "
                            "tỉnh\n", f"summary: {typed}\n"))
        assert [(i.code, i.severity) for i in issues] == [("summary_upper", "error")]
    # capitals inside a sentence-case summary are names and abbreviations
    assert check(edit("trên địa bàn tỉnh\n", "trên địa bàn tỉnh (UBND, AI)\n")) == []


@pytest.mark.parametrize("lines", ["[TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]",
                                   "[TM. ỦY BAN NHÂN DÂN, PHÓ CHỦ TỊCH KT. CHỦ TỊCH]"])
def test_each_signing_authority_opens_a_line_of_its_own(lines: str) -> None:
    text = edit("  lines: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]\n",
                f"  lines: {lines}\n")
    assert "authority_one_line" in {i.code for i in check(text) if i.severity == "error"}


@pytest.mark.parametrize("name", ["HỎA TỐC", "Thượng khẩn", "LƯU HÀNH NỘI BỘ"])
def test_an_issuer_named_by_a_mark_is_an_error(name: str) -> None:
    issues = check(edit("  name: Ủy ban nhân dân tỉnh Đắk Lắk\n", f"  name: {name}\n"))
    assert ("issuer.name", "name_is_mark") in {(format_path(i.path), i.code) for i in issues}


def test_the_archive_line_must_close_the_recipients() -> None:
    assert found(edit('  - "Lưu: VT, KGVX"\n', "")) == {("recipients", "archive_missing")}
    # a circulation note also opens with "Lưu"; it is no archive line
    assert found(edit('  - "Lưu: VT, KGVX"\n', "  - LƯU HÀNH NỘI BỘ\n")) == {
        ("recipients", "archive_missing")}
    assert found(edit('  - "Lưu: VT, KGVX"\n', "  - Lưu VT, KGVX.\n")) == set()
    moved = edit('  - CT, các PCT UBND tỉnh\n  - "Lưu: VT, KGVX"\n',
                 '  - "- Lưu: VT, KGVX"\n  - CT, các PCT UBND tỉnh\n')
    assert found(moved) == {("recipients[2]", "archive_not_last")}


def test_duplicate_task_ids_name_the_first_line() -> None:
    [dup, *rest] = [i for i in check(edit("    - id: du-lieu", "    - id: tuyen-truyen"))
                    if i.code == "duplicate_id"]
    assert rest == [] and dup.params["first_line"] == 19
    assert "dòng 19" in dup.message("vi")


def test_subtask_ids_count_for_the_appendix_and_for_duplicates() -> None:
    text = edit("      timeline: Năm 2026\n", "      timeline: Năm 2026\n      subtasks:\n"
                "        - id: con\n          title: Nhiệm vụ con\n        - id: con\n"
                "          title: Nhiệm vụ con khác\n").replace("    - task: du-lieu",
                                                           "    - task: con")
    assert found(text) == {("tasks.items[2].subtasks[2].id", "duplicate_id")}


def test_appendix_rows_must_point_at_existing_tasks() -> None:
    [issue] = check(edit("    - task: du-lieu", "    - task: du-lieuu"))
    assert issue.code == "unknown_task" and 'Có phải là "du-lieu"?' in issue.message("vi")


# --- robustness and the catalog -----------------------------------------------------------

@pytest.mark.parametrize("data", [None, [], "x", 5, [1, {"a": None}], {"tasks": None},
                                  {"tasks": {"items": [None, 1, "x", {"subtasks": "x"}]}},
                                  {"signature": {"lines": [None, 5, ["KT."]]}},
                                  {"date": {"day": 99, "month": 99, "year": 99999}},
                                  {"appendix": {"rows": [None, {"task": 5}]}},
                                  {"purpose": {"items": [{}, None, {"title": None}]}}])
def test_odd_data_gives_issues_not_exceptions(data: Any) -> None:
    loaded = load_spec_text(yaml.safe_dump(data, allow_unicode=True) or "x: 1", collect=True)
    issues = validate_spec(loaded)
    assert all(isinstance(issue, SpecIssue) for issue in issues) and issues


def emitted_codes() -> set[str]:
    """Every literal issue code the loader and validator can emit."""
    codes: set[str] = set()
    for name in ("loader.py", "validate.py", "meaning.py"):
        tree = ast.parse((PACKAGE / "spec" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "SpecIssue":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    codes.add(first.value)
                elif isinstance(first, ast.IfExp):
                    codes |= {c.value for c in (first.body, first.orelse)
                              if isinstance(c, ast.Constant)}
    codes |= {"bad_number", "bad_symbol", "bad_id", "bad_format", "legacy_encoding", "mojibake",
              "fix_mapping", "fix_text_from_list", "fix_text_from_flow", "fix_text_from_mapping",
              "fix_list", "fix_unquote", "fix_integer", "fix_boolean", "fix_text"}
    return codes


def test_every_emitted_code_has_a_message_in_both_languages() -> None:
    missing = emitted_codes() - set(CATALOG)
    assert not missing, missing


def test_catalog_text_is_nfc_and_both_languages_are_filled() -> None:
    for code, (vi, en) in CATALOG.items():
        assert vi.strip() and en.strip(), code
        assert unicodedata.is_normalized("NFC", vi), code
        assert vi != en or code in ("rendered",), code
    source = (PACKAGE / "messages.py").read_text(encoding="utf-8")
    assert "\\u" not in source  # readable Vietnamese, not escapes


def test_messages_fill_every_parameter() -> None:
    params = {"raw": "010", "read_as": ("number", "8"), "hint": ("did_you_mean", "title"),
              "fix": ("fix_list", {}), "key": "k", "value": "v", "expected": ["text"],
              "got": "list", "min": 1, "max": 2, "allowed": "a, b", "char": "U+000B",
              "sample": "s", "tag": "!!x", "limit": 60, "size": 1, "first_line": 3,
              "day": 31, "month": 2, "year": 2026, "last": 28, "fixed": "X", "word": "K.T.",
              "rest": "", "head": "CHỦ TỊCH", "id": "x", "end_line": 9, "open_line": 2,
              "name": "n", "quote": '"', "problem": "p", "fragment": "ban", "joined": "a, ban",
              "keys": "a, b", "text": "t", "date": "31/6/2026", "due": "1/1/2026",
              "plan": "2/1/2026", "alias": "a", "first": "f", "second": "s",
              "levels": "\"KHẨN\"", "found": "hà Nội", "want": "Hà Nội", "label": "1.",
              "words": "Nơi nhận", "ordinary": "Phụ lục"}
    for code in emitted_codes():
        for lang in ("vi", "en"):
            text = message(code, lang, **params)
            assert not re.search(r"\{[a-z_]+\}", text) and not text.startswith(code), (code, text)


def test_validating_loads_no_word_libraries() -> None:
    """Part of what keeps `plangen validate` fast: docx, docxtpl, lxml stay unloaded."""
    code = ("import sys; from plangen.cli import main; from plangen.spec.api import check_spec; "
            f"check_spec({str(MINIMAL)!r}); "
            "print(sorted(m for m in ('docx', 'docxtpl', 'lxml', 'jinja2') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(("old", "new", "path"), [
    # a list of lists where a mapping is declared crashed cerberus (found by the fuzzer):
    # it read the mapping's field rules as rules for the list's items
    ("funding:\n  text: Kinh phí bố trí từ ngân sách nhà nước theo phân cấp hiện hành.",
     "funding:\n  - ['', -717, true]", "funding"),
    ("    - title: Mục đích\n      bullets:\n        - Triển khai kịp thời, đồng bộ, hiệu quả.",
     "    - - title: Mục đích\n        bullets: [Triển khai kịp thời.]", "purpose.items[1]"),
    ("      partners: Các sở, ban, ngành; Ủy ban nhân dân các xã, phường",
     "      partners: {lead: Sở Tư pháp}", "tasks.items[1].partners"),
    ("  text: Kinh phí bố trí từ ngân sách nhà nước theo phân cấp hiện hành.",
     "  text: {a: b}", "funding.text"),
    ("    - Sở Khoa học và Công nghệ theo dõi, đôn đốc, tổng hợp kết quả thực hiện.",
     "    - [Sở Khoa học và Công nghệ, theo dõi]", "organization.items[1]"),
])
def test_wrong_containers_in_mixed_type_fields_are_type_errors(old: str, new: str,
                                                                path: str) -> None:
    assert (path, "bad_type") in found(edit(old, new))


@pytest.mark.parametrize(("written", "hint"), [
    ("Kế hoạch", None), ("KẾ  HOẠCH", None), ("kế hoạch", None),
    ("KẾ HOẠCH HÀNH ĐỘNG", "summary: Hành động …"), ("CHƯƠNG TRÌNH", ""), ("Điều 1.", "")])
def test_the_document_type_is_a_plan_s(written: str, hint: str | None) -> None:
    """plangen drafts plans and its check finds a plan by "KẾ HOẠCH": any other type would
    render a file plangen refuses. "KẾ HOẠCH HÀNH ĐỘNG" is told where "Hành động" goes."""
    issues = [issue for issue in check(edit("summary:", f"doc_type: {written}\nsummary:"))
              if issue.code == "doc_type_not_plan"]
    if hint is None:
        assert not issues
        return
    (issue,) = issues
    assert issue.severity == "error" and issue.path == ("doc_type",)
    text = issue.format("vi")
    assert f'Tên loại "{written}"' in text and '"KẾ HOẠCH"' in text
    assert (hint in text) if hint else "trích yếu" not in text, text
    assert "Document type" in issue.format("en")


FREE_POINTS = """
issuer: {name: Sở Khoa học và Công nghệ, parent: Ủy ban nhân dân tỉnh Đắk Lắk}
number: "05"
symbol: KH-SKHCN
place: Đắk Lắk
date: {day: 13, month: 4, year: 2026}
summary: Thử nghiệm
sections:
  - {heading: MỤC ĐÍCH, role: purpose, content: [Mục đích.]}
  - heading: NHIỆM VỤ
    role: tasks
    role_style: STYLE
    content:
      - item: Nhiệm vụ một
        lead: Sở D
        content:
          - point: Việc thứ nhất
            lead: Sở A
          - point: Việc thứ hai
            deadline: Quý IV/2026
          - point: Việc thứ ba
  - {heading: KINH PHÍ, role: funding, content: [Ngân sách.]}
  - {heading: TỔ CHỨC THỰC HIỆN, role: organization, content: [Sở theo dõi.]}
recipients: ["Lưu: VT."]
signature: {lines: [GIÁM ĐỐC], name: Lê Văn A}
"""


@pytest.mark.parametrize(("style", "flagged"), [
    ("letter", ["sections[2].content[1].content[1]", "sections[2].content[1].content[2]"]),
    ("letter_dot", ["sections[2].content[1].content[1]", "sections[2].content[1].content[2]"]),
    ("dash_letter", []), ("dash", []), ("plain", [])])
def test_role_lines_lettered_under_a_point_are_refused(style: str, flagged: list[str]) -> None:
    """Under a point a), b) the role lines "a) Cơ quan chủ trì" would be a second list of
    letters inside the first (the check reads them as one list out of order): refused for
    each point with role lines (a deadline on its own line is one), not for the item above
    nor a point without any; "- a)" lines and dashes are fine."""
    issues = [issue for issue in check(FREE_POINTS.replace("STYLE", style))
              if issue.code == "role_lettered_under_point"]
    assert [format_path(issue.path) for issue in issues] == flagged
    assert all("role_style: dash" in issue.format("vi") for issue in issues)


@pytest.mark.parametrize(("where", "flagged"), [
    ("tasks", ["tasks.items[1].subtasks[1]"]), ("task", ["tasks.items[1].subtasks[1]"]),
    ("subtask", ["tasks.items[1].subtasks[1].role_style"]), ("none", [])])
def test_a_classic_sub_task_s_role_lines_are_not_lettered(where: str,
                                                          flagged: list[str]) -> None:
    """A classic sub-task prints as a point: its role lines inherit the task's or the tasks'
    lettered role_style, or set their own, and are refused as under a free point."""
    data = yaml.safe_load(BASE)
    task = data["tasks"]["items"][0]
    task["subtasks"] = [{"title": "Việc con", "lead": "Sở A"}, {"title": "Việc khác"}]
    if where == "tasks":
        data["tasks"]["role_style"] = "letter"
    elif where == "task":
        task["role_style"] = "letter"
    elif where == "subtask":
        task["subtasks"][0]["role_style"] = "letter_dot"
    issues = [issue for issue in check(yaml.safe_dump(data, allow_unicode=True))
              if issue.code == "role_lettered_under_point"]
    assert [format_path(issue.path) for issue in issues] == flagged


@pytest.mark.parametrize(("label", "ordinary"), [
    ("PHỤ LỤC", "Phụ lục"), ("PHỤ LỤC  SỐ 01", "Phụ lục số 01"), ("Phụ lục", None),
    ("Phụ lục kèm theo", None)])
def test_an_appendix_label_in_capitals_is_refused_with_its_ordinary_case(
        label: str, ordinary: str | None) -> None:
    data = yaml.safe_load(BASE)
    data["appendix"]["label"] = label
    issues = [issue for issue in check(yaml.safe_dump(data, allow_unicode=True))
              if issue.code == "appendix_label_upper"]
    if ordinary is None:
        assert not issues
        return
    (issue,) = issues
    assert format_path(issue.path) == "appendix.label"
    assert issue.format("vi").endswith(f"Viết: label: {ordinary}")
    assert f"Write: label: {ordinary}" in issue.format("en")
