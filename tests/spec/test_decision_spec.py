"""The `decision` block: a plan issued by a QUYẾT ĐỊNH. Every validation rule, and the articles
plangen writes when the spec leaves them out."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from support.spec_edits import PLAN_FRAME_LINES, check, edited, errors, found, plan_of

from plangen.messages import format_path, message
from plangen.model import build_plan, executor_title, plan_phrase
from plangen.spec.schema import json_schema

DATA = Path(__file__).resolve().parents[1] / "data"
COMMITTEE = (DATA / "decision" / "committee.yaml").read_text(encoding="utf-8")
SIGNATURE = "    lines: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]\n"


def edit(old: str, new: str, text: str = COMMITTEE) -> str:
    return edited(text, old, new)


def test_a_plan_issued_by_a_decision_needs_no_number_date_or_signature_of_its_own() -> None:
    assert found(COMMITTEE) == set()


@pytest.mark.parametrize(("line", "key"), PLAN_FRAME_LINES)
def test_the_plans_own_frame_belongs_to_the_decision(line: str, key: str) -> None:
    text = edit("summary:", line + "summary:")
    issues = [issue for issue in check(text) if issue.code == "decision_owns"]
    assert [(format_path(issue.path), issue.location and issue.location.line)
            for issue in issues] == [(key, 4)]
    assert "decision:" in issues[0].message("vi") and "decision:" in issues[0].message("en")


def test_without_a_decision_the_frame_is_required_as_before() -> None:
    text = COMMITTEE.split("decision:")[0] + "purpose:" + COMMITTEE.split("purpose:")[1]
    assert {issue for issue in errors(text) if issue[1] == "required"} == {
        ("place", "required"), ("date", "required"), ("recipients", "required"),
        ("signature", "required")}


def test_the_decision_requires_its_own_frame() -> None:
    text = edit("  place: Đắk Lắk\n", "")
    text = edit("  signature:\n" + SIGNATURE + "    name: Nguyễn Văn A\n", "", text)
    assert errors(text) == {("decision.place", "required"), ("decision.signature", "required")}


def test_the_decision_date_and_number_are_checked_like_the_plans() -> None:
    text = edit("    month: 6\n    year: 2026\n", "    day: 31\n    month: 6\n    year: 2026\n")
    assert errors(text) == {("decision.date.day", "no_such_date")}
    text = edit("  place: Đắk Lắk\n", '  place: Đắk Lắk\n  number: "0"\n')
    assert errors(text) == {("decision.number", "bad_number")}
    text = edit("  place: Đắk Lắk\n", "  place: Đắk Lắk\n  number: 12\n")
    assert errors(text) == {("decision.number", "quote_it")}


@pytest.mark.parametrize(("authority", "lines", "code"), [
    # a committee's decision: TM. ỦY BAN NHÂN DÂN
    (None, "[TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]", None),
    (None, "[KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]", "decision_signature_collective"),
    (None, "[CHỦ TỊCH]", "decision_signature_collective"),
    # a Chairman's decision: CHỦ TỊCH, or KT. CHỦ TỊCH / PHÓ CHỦ TỊCH; never TM.
    ("Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", "[CHỦ TỊCH]", None),
    ("Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", "[KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]", None),
    ("Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", "[TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]",
     "decision_signature_head"),
    ("Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", "[GIÁM ĐỐC]", "decision_signature_title"),
    # a Minister's: BỘ TRƯỞNG, or KT. BỘ TRƯỞNG / THỨ TRƯỞNG (a deputy who is no PHÓ)
    ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", "[KT. BỘ TRƯỞNG, THỨ TRƯỞNG]", None),
    ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", "[KT. BỘ TRƯỞNG, CHÁNH VĂN PHÒNG]",
     "decision_kt_deputy"),
    ("Giám đốc Sở Tư pháp", "[KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC]", None),
    ("Giám đốc Sở Tư pháp", "[KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]", "decision_signature_title"),
    ("Sở Tư pháp", "[GIÁM ĐỐC]", "decision_authority_unknown"),
    ("BỘ TRƯỞNG BỘ TƯ PHÁP", "[BỘ TRƯỞNG]", "decision_authority_upper"),
])
def test_the_signature_matches_the_authority(authority: str | None, lines: str,
                                             code: str | None) -> None:
    text = edit(SIGNATURE, f"    lines: {lines}\n")
    if authority:
        text = edit("  bases:", f"  authority: {authority}\n  bases:", text)
    assert {c for _, c in errors(text)} == ({code} if code else set())


def test_an_issuer_that_is_a_ministry_defaults_to_its_minister() -> None:
    text = edit("  name: Ủy ban nhân dân tỉnh Đắk Lắk", "  name: Bộ Tư pháp")
    text = edit(SIGNATURE, "    lines: [KT. BỘ TRƯỞNG, THỨ TRƯỞNG]\n", text)
    assert errors(text) == set()
    # a ministry's decision is no "QĐ-UBND": plangen says so until the symbol is written
    assert ("decision", "decision_symbol_default") in found(text)
    assert ("decision", "decision_symbol_default") not in found(
        edit("  place: Đắk Lắk", "  place: Đắk Lắk\n  symbol: QĐ-BTP", text))
    assert plan_of(text).decision.authority == "Bộ trưởng Bộ Tư pháp"  # type: ignore[union-attr]


def test_recipients_name_the_executing_article() -> None:
    assert found(edit("    - Như Điều 3\n", "")) == {
        ("decision.recipients", "decision_no_as_article")}
    assert errors(edit("    - Như Điều 3\n", "    - Như Điều 4\n")) == {
        ("decision.recipients[1]", "decision_as_article_number")}
    # an added article moves the executing one to Điều 4
    text = edit("  recipients:\n", "  articles:\n    extra: [Giao Sở Tư pháp theo dõi.]\n"
                "  recipients:\n", edit("    - Như Điều 3\n", "    - Như Điều 4\n"))
    assert errors(text) == set()


def test_the_decision_recipients_end_with_the_archive_line() -> None:
    assert errors(edit('    - "Lưu: VT, KGVX"\n', "")) == {
        ("decision.recipients", "archive_missing")}


def test_signature_lines_are_capitals_with_known_authority_words() -> None:
    text = edit(SIGNATURE, "    lines: [TM. Ủy ban nhân dân, CHỦ TỊCH]\n")
    assert ("decision.signature.lines[1]", "signature_not_upper") in errors(text)
    text = edit(SIGNATURE, "    lines: [T.M. ỦY BAN NHÂN DÂN, CHỦ TỊCH]\n")
    assert ("decision.signature.lines[1]", "bad_authority") in errors(text)


def test_unknown_keys_in_the_decision_get_a_near_match() -> None:
    issues = [issue for issue in check(edit("  bases:", "  base:")) if issue.code ==
              "unknown_key"]
    assert [format_path(issue.path) for issue in issues] == ["decision.base"]
    assert "bases" in issues[0].message("en")


def test_an_added_article_needs_text() -> None:
    text = edit("  recipients:\n", "  articles:\n    extra:\n      - title: Giao nhiệm vụ\n"
                "  recipients:\n", edit("    - Như Điều 3\n", "    - Như Điều 4\n"))
    assert errors(text) == {("decision.articles.extra[1]", "decision_article_empty")}


def test_every_decision_message_exists_in_both_languages() -> None:
    for code in ("decision_owns", "decision_authority_upper", "decision_symbol_default",
                 "decision_authority_unknown",
                 "decision_signature_head", "decision_signature_title",
                 "decision_signature_collective", "decision_kt_deputy",
                 "decision_article_empty", "decision_no_as_article",
                 "decision_as_article_number", "decision_appendix_reference"):
        params = {"key": "k", "authority": "a", "issuer": "i", "title": "T", "found": "f",
                  "body": "B", "head": "H", "deputy": "D", "number": 3, "reference": "r"}
        for lang in ("vi", "en"):
            text = message(code, lang, **params)
            assert "{" not in text and text != message("internal", lang), (code, lang)


def test_the_json_schema_knows_who_owns_the_frame() -> None:
    validator = Draft202012Validator(json_schema())
    data = build_free_data()
    assert not list(validator.iter_errors(data))
    assert list(validator.iter_errors({**data, "number": "05"}))
    without = {key: value for key, value in data.items() if key != "decision"}
    assert list(validator.iter_errors(without))  # then place, date … are required


def build_free_data() -> dict[str, object]:
    import yaml

    data: dict[str, object] = yaml.safe_load(COMMITTEE)
    return data


# ---- what plangen writes by default --------------------------------------------------------


def test_generated_articles_issue_the_plan_set_its_effect_and_name_its_executors() -> None:
    decision = plan_of(COMMITTEE).decision
    assert decision is not None
    assert [article.text for article in decision.articles] == [
        ("Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện Luật Trí tuệ nhân tạo "
         "trên địa bàn tỉnh.",),
        ("Quyết định này có hiệu lực thi hành kể từ ngày ký.",),
        ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Văn hóa, Thể thao và Du lịch, "
         "Giám đốc Sở Khoa học và Công nghệ và Thủ trưởng các cơ quan, đơn vị có liên quan "
         "chịu trách nhiệm thi hành Quyết định này./.",)]
    assert decision.summary == ("Ban hành Kế hoạch triển khai thực hiện Luật Trí tuệ nhân tạo "
                                "trên địa bàn tỉnh")
    assert decision.symbol == "QĐ-UBND"
    assert decision.authority == "Ủy ban nhân dân tỉnh Đắk Lắk"


def test_articles_are_overridden_and_extended() -> None:
    text = edit("  recipients:\n", """  wording: ve-viec
  articles:
    issue: Ban hành kèm theo Quyết định này Kế hoạch năm 2026.
    extra:
      - Giao Sở Khoa học và Công nghệ theo dõi, đôn đốc.
      - title: Kinh phí
        text: [Kinh phí do ngân sách tỉnh bảo đảm., Các đơn vị lập dự toán.]
    effect: Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2026.
    executors: [Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tư pháp]
  recipients:
""", edit("    - Như Điều 3\n", "    - Như Điều 5\n"))
    decision = plan_of(text).decision
    assert decision is not None
    assert decision.summary.startswith("Về việc ban hành Kế hoạch triển khai")
    assert [(article.title, article.text) for article in decision.articles] == [
        (None, ("Ban hành kèm theo Quyết định này Kế hoạch năm 2026.",)),
        (None, ("Giao Sở Khoa học và Công nghệ theo dõi, đôn đốc.",)),
        ("Kinh phí", ("Kinh phí do ngân sách tỉnh bảo đảm.", "Các đơn vị lập dự toán.")),
        (None, ("Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2026.",)),
        (None, ("Chánh Văn phòng Ủy ban nhân dân tỉnh và Giám đốc Sở Tư pháp chịu trách "
                "nhiệm thi hành Quyết định này./.",))]


def test_a_written_execution_article_ends_the_decision_with_its_mark() -> None:
    text = edit("  recipients:\n", "  articles:\n    execution: Các sở, ngành thi hành "
                "Quyết định này.\n  recipients:\n")
    decision = plan_of(text).decision
    assert decision is not None
    assert decision.articles[-1].text == ("Các sở, ngành thi hành Quyết định này./.",)


def test_the_plan_takes_the_decisions_date_and_has_no_number() -> None:
    plan = plan_of(COMMITTEE)
    assert plan.number is None and plan.date.month == 6 and plan.place == "Đắk Lắk"
    assert plan.signature.lines[0] == "TM. ỦY BAN NHÂN DÂN"


@pytest.mark.parametrize(("summary", "phrase"), [
    ("Triển khai thi hành Luật Trí tuệ nhân tạo", "Kế hoạch triển khai thi hành Luật Trí tuệ"
     " nhân tạo"),
    ("Luật Trí tuệ nhân tạo đi vào cuộc sống", "Kế hoạch Luật Trí tuệ nhân tạo đi vào cuộc sống"),
    ("UBND tỉnh hành động", "Kế hoạch UBND tỉnh hành động"),
])
def test_the_plan_named_in_a_sentence(summary: str, phrase: str) -> None:
    assert plan_phrase("KẾ HOẠCH", summary) == phrase


@pytest.mark.parametrize(("agency", "title"), [
    ("Sở Tư pháp", "Giám đốc Sở Tư pháp"),
    ("Công an tỉnh", "Giám đốc Công an tỉnh"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Chánh Văn phòng Ủy ban nhân dân tỉnh"),
    ("Ủy ban nhân dân các xã, phường", "Chủ tịch Ủy ban nhân dân các xã, phường"),
    ("Các sở, ban, ngành", "Thủ trưởng các sở, ban, ngành"),
    ("Đài Phát thanh và Truyền hình tỉnh", "Thủ trưởng Đài Phát thanh và Truyền hình tỉnh"),
])
def test_who_answers_for_an_agency(agency: str, title: str) -> None:
    assert executor_title(agency) == title


def test_build_plan_reads_the_block_directly() -> None:
    import yaml

    plan = build_plan(yaml.safe_load(COMMITTEE))
    assert plan.decision is not None and plan.decision.place == "Đắk Lắk"


# ---- composition, presets and placeholders inside the decision -----------------------------


def test_extends_presets_and_placeholders_reach_the_decision(tmp_path: Path) -> None:
    from plangen.batch.localities import find_province
    from plangen.spec.api import check_spec

    base = COMMITTEE.replace("  name: Ủy ban nhân dân tỉnh Đắk Lắk",
                             '  name: "{{ locality.agency }}"')
    base = base.replace("  place: Đắk Lắk", '  place: "{{ locality.place }}"')
    base = base.replace("    - CT, các PCT UBND tỉnh\n", "    - {preset: lanh-dao}\n")
    base = base.replace("  signature:\n" + SIGNATURE + "    name: Nguyễn Văn A\n",
                        "  signature: {preset: chu-tich, name: Nguyễn Văn A}\n")
    base = "presets:\n  recipients:\n    lanh-dao: [\"CT, các PCT {{ locality.agency_short }}\"]" \
           "\n  signatures:\n    chu-tich: {lines: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]}\n" + base
    (tmp_path / "base.yaml").write_text(base, encoding="utf-8")
    child = tmp_path / "hue.yaml"
    child.write_text('extends: base.yaml\ndecision:\n  number: "213"\n  recipients+:\n'
                     "    - Sở Tư pháp\n", encoding="utf-8")
    checked = check_spec(child, locality=find_province("Huế"))
    assert checked.plan is not None, [issue.format("en") for issue in checked.issues]
    decision = checked.plan.decision
    assert decision is not None
    assert (decision.number, decision.place) == ("213", "Huế")
    assert decision.recipients == ("Như Điều 3", "Bộ Khoa học và Công nghệ (b/c)",
                                   "CT, các PCT UBND thành phố", "Sở Tư pháp", "Lưu: VT, KGVX")
    assert decision.signature.lines == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert decision.authority == "Ủy ban nhân dân thành phố Huế"
    assert decision.articles[-1].text[0].startswith("Chánh Văn phòng Ủy ban nhân dân thành phố")


def test_an_unknown_preset_in_the_decision_is_told(tmp_path: Path) -> None:
    from plangen.spec.api import check_spec

    spec = tmp_path / "qd.yaml"
    library = "presets:\n  signatures:\n    chu-tich: {lines: [CHỦ TỊCH]}\n"
    spec.write_text(library + COMMITTEE.replace(
        "  signature:\n" + SIGNATURE, "  signature:\n    preset: chu-tic\n"), encoding="utf-8")
    issues = check_spec(spec).issues
    assert [format_path(i.path) for i in issues if i.code == "preset_unknown"] == [
        "decision.signature.preset"]


def test_the_decision_s_place_and_archive_line_are_checked_as_the_plan_s() -> None:
    """Its date line and recipients print as a plan's would (PL1 II.4, II.9)."""
    broken = edit("  place: Đắk Lắk\n", "  place: đắk Lắk, Việt Nam\n")
    broken = edit('    - "Lưu: VT, KGVX"\n', "    - LƯU HÀNH NỘI BỘ\n", broken)
    assert found(broken) == {("decision.place", "place_lowercase"),
                             ("decision.place", "place_sign"),
                             ("decision.recipients", "archive_missing")}
