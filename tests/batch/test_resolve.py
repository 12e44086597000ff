"""Naming a locality as officers write it: every shared name of the built-in data is an error
listing its units, and every way to name one unit of them finds that unit."""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import pytest

from plangen.batch.localities import Locality, all_communes, all_provinces, slugify
from plangen.batch.resolve import LocalityError, exact_key, resolve, search

COMMUNES = all_communes()
PROVINCE_NAMES = {slugify(p.name) for p in all_provinces()}


def plain(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def ascii_form(text: str) -> str:
    """How a name is typed without Vietnamese diacritics: "Tân Mỹ" -> "Tan My"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def groups(key: object) -> dict[str, list[Locality]]:
    found: dict[str, list[Locality]] = defaultdict(list)
    for commune in COMMUNES:
        found[key(commune)].append(commune)  # type: ignore[operator]
    return {name: units for name, units in found.items() if len(units) > 1}


SHARED_NAMES = groups(lambda c: plain(c.name))
SHARED_FULL_NAMES = groups(lambda c: plain(c.full_name))
# "xã Hoà An" and "xã Hòa An": one name, the tone mark placed in the old or the new way
SHARED_SPELLINGS = groups(lambda c: exact_key(c.full_name))
SHARED_ASCII = groups(lambda c: slugify(c.full_name.split("-")[0]))


def caught(text: str, province: str | None = None) -> LocalityError:
    with pytest.raises(LocalityError) as error:
        resolve(text, province)
    return error.value


def listed_codes(error: LocalityError) -> set[str]:
    return {code for _, _, code in error.params["units"]}


def test_the_data_has_many_shared_names() -> None:
    # computed, not assumed: hundreds of names belong to more than one unit
    assert len(SHARED_NAMES) > 300 and len(SHARED_FULL_NAMES) > 200
    assert {c.code for c in SHARED_FULL_NAMES["xã tân mỹ"]} == {"02308", "19291"}
    assert {c.code for c in SHARED_NAMES["tân mỹ"]} == {"02308", "19291", "27487"}


def test_every_shared_full_name_is_an_error_listing_every_unit() -> None:
    for name, units in SHARED_FULL_NAMES.items():
        written = units[0].full_name
        error = caught(written)
        assert error.code == "locality_ambiguous", written
        assert listed_codes(error) >= {u.code for u in units}, written
        message = error.message("vi")
        for unit in units:
            assert unit.code in message and unit.province is not None
            assert unit.province.full_name in message, (written, unit.province.full_name)
        assert "plangen localities --search" in message and "province" in message, name


def test_names_spelt_with_the_tone_mark_elsewhere_are_the_same_name() -> None:
    assert len(SHARED_SPELLINGS) > len(SHARED_FULL_NAMES)
    hoa_an = SHARED_SPELLINGS[exact_key("xã Hòa An")]
    assert {"xã Hoà An", "xã Hòa An"} <= {u.full_name for u in hoa_an}
    for units in SHARED_SPELLINGS.values():
        for unit in units:
            error = caught(unit.full_name)
            assert listed_codes(error) >= {u.code for u in units}, unit.full_name


def test_every_shared_bare_name_is_an_error_unless_a_province_has_it() -> None:
    for name, units in SHARED_NAMES.items():
        written = units[0].name
        if slugify(written) in PROVINCE_NAMES:  # "Quảng Ninh" alone is the province
            assert resolve(written).locality.province is None, written
            continue
        error = caught(written)
        assert error.code == "locality_ambiguous", written
        assert listed_codes(error) >= {u.code for u in units}, name
        kinds = {kind for kind, _, _ in (u.full_name.partition(" ") for u in units)}
        assert all(kind in error.message("vi") for kind in kinds)


def test_names_typed_without_diacritics_list_every_unit_they_could_be() -> None:
    for units in SHARED_ASCII.values():
        written = ascii_form(units[0].full_name)
        try:
            found = resolve(written).locality
        except LocalityError as error:
            if len({u.province for u in units}) == 1:
                assert error.code == "locality_ambiguous_in_province", written
            else:
                assert error.code == "locality_ambiguous", written
            assert listed_codes(error) >= {u.code for u in units}
        else:
            raise AssertionError(f"{written} found {found.full_name}")


@pytest.mark.parametrize("form", ["comma", "parentheses", "column", "code", "ascii"])
def test_each_disambiguated_form_finds_the_right_unit(form: str) -> None:
    units = {u.code: u for group in SHARED_NAMES.values() for u in group}
    assert len(units) > 700
    for unit in units.values():
        province = unit.province
        assert province is not None
        if form == "comma":
            found = resolve(f"{unit.full_name}, {province.full_name}")
        elif form == "parentheses":
            found = resolve(f"{unit.name} ({province.name})")
        elif form == "column":
            found = resolve(unit.full_name, province=province.name)
        elif form == "code":
            found = resolve(unit.code)
            if len(unit.code.lstrip("0")) > 2:  # "4" is the province 04, "00004" a ward
                assert resolve(unit.code.lstrip("0")).locality == unit
        else:
            written = f"{ascii_form(unit.full_name)}, {ascii_form(province.full_name)}"
            try:
                found = resolve(written)
            except LocalityError as error:  # names of one province that differ in marks only
                assert error.code == "locality_ambiguous_in_province", written
                assert unit.code in listed_codes(error)
                continue
        assert found.locality == unit, (form, unit.full_name, found.locality.full_name)
        assert found.notes == ()


def test_ambiguity_within_a_province_asks_for_the_marks_or_the_code() -> None:
    error = caught("Van Lang (Thai Nguyen)")
    assert error.code == "locality_ambiguous_in_province"
    assert listed_codes(error) == {"05665", "02143"}
    assert resolve("xã Văn Lăng, Thái Nguyên").locality.code == "05665"
    assert resolve("xã Văn Lang, tỉnh Thái Nguyên").locality.code == "02143"


def test_the_issue_example_names_all_three_tan_my() -> None:
    message = caught("Tân Mỹ").message("vi")
    assert "xã Tân Mỹ, tỉnh Tuyên Quang (mã 02308)" in message
    assert "xã Tân Mỹ, tỉnh Quảng Trị (mã 19291)" in message
    assert "phường Tân Mỹ, thành phố Hồ Chí Minh (mã 27487)" in message
    english = caught("xã Tân Mỹ").message("en")
    assert "names 2 units" in english and "(code 19291)" in english


@pytest.mark.parametrize("written", [
    "xã Tân Mỹ, tỉnh Quảng Trị", "Tân Mỹ (Quảng Trị)", "xa tan my, quang tri",
    "XÃ TÂN MỸ (QUẢNG TRỊ)", "  xã   Tân  Mỹ ,  Quảng Trị ", "x. Tân Mỹ, T. Quảng Trị",
    "19291", "UBND xã Tân Mỹ, tỉnh Quảng Trị", "xã Tân Mỹ, huyện Triệu Phong, tỉnh Quảng Trị",
    "Tân Mỹ (44)", "tan-my (quang-tri)",
])
def test_written_forms_of_one_commune(written: str) -> None:
    assert resolve(written).locality.code == "19291", written


@pytest.mark.parametrize(("written", "code"), [
    ("TP. Hồ Chí Minh", "79"), ("Tp Hồ Chí Minh", "79"), ("TP.HCM", "79"), ("TPHCM", "79"),
    ("thành phố Hồ Chí Minh", "79"), ("Thanh pho Ho Chi Minh", "79"), ("tp Huế", "46"),
    ("tỉnh Khánh Hoà", "56"), ("khanh hoa", "56"), ("Đắk Lắk", "66"), ("dak-lak", "66"),
    ("4", "04"), ("04", "04"), ("Ủy ban nhân dân tỉnh Lào Cai", "15"),
    ("phường Tịnh Biên", "30520"), ("Tinh Bien", "30520"), ("Xa Dung", "03208"),
    ("P. Hoàn Kiếm", "00070"), ("phuong hoan kiem", "00070"), ("Phường 1 Bảo Lộc", "24823"),
])
def test_case_marks_and_abbreviations_are_forgiven(written: str, code: str) -> None:
    assert resolve(written).locality.code == code, written


def test_former_provinces_answer_with_the_province_they_became() -> None:
    found = resolve("tỉnh Quảng Bình")
    assert found.locality.full_name == "tỉnh Quảng Trị"
    assert found.notes == (("locality_former_province",
                            {"name": "tỉnh Quảng Bình", "unit": "tỉnh Quảng Trị"}),)
    commune = resolve("xã Tân Mỹ, tỉnh Quảng Bình")
    assert commune.locality.code == "19291" and commune.notes[0][0] == "locality_former_province"
    assert resolve("Thừa Thiên Huế").locality.code == "46"
    assert resolve("Ba Ria - Vung Tau").locality.code == "79"
    assert resolve("tỉnh Bình Dương").notes  # a warning, never silent


def test_wrong_province_kind_and_code_say_what_exists() -> None:
    elsewhere = caught("xã Tân Mỹ, tỉnh Đắk Lắk")
    assert elsewhere.code == "locality_not_in_province"
    assert listed_codes(elsewhere) == {"02308", "19291"}
    assert "tỉnh Đắk Lắk không có \"xã Tân Mỹ\"" in elsewhere.message("vi")
    kind = caught("xã Hoàn Kiếm")
    assert kind.code == "locality_other_kind" and listed_codes(kind) == {"00070"}
    assert caught("19291", "Tuyên Quang").code == "locality_code_elsewhere"
    assert caught("99999").code == "locality_unknown_code"
    assert caught("xã Tân Mỹ, tỉnh Quảng Trị", "Tuyên Quang").code == \
        "locality_province_conflict"
    assert caught("huyện Hướng Hóa").code == "locality_district_level"
    assert caught("Tân Mỹ, Quảng Trị, Tuyên Quang").code == "locality_bad_form"
    assert caught("tỉnh Hà Tây").code == "locality_unknown_province"
    assert caught("Tân Mỹ (Hà Tâyy)").code == "locality_unknown_province"
    unknown = caught("xã Tân Myy")
    assert unknown.code == "locality_unknown" and "Tân Mỹ" in unknown.message("vi")
    assert caught("").code == "locality_empty"
    for error in (elsewhere, kind, unknown):
        assert "{" not in error.message("vi") and "{" not in error.message("en")


def test_search_finds_names_with_or_without_marks() -> None:
    codes = {unit.code for unit in search("tân mỹ")}
    assert {"02308", "19291", "27487"} <= codes
    assert {unit.code for unit in search("tan my")} == codes
    quang_tri = resolve("Quảng Trị").locality
    assert {unit.code for unit in search("tân mỹ", quang_tri)} == {"19291"}
    assert [unit.code for unit in search("quang tri")][:1] == ["44"]


def test_cli_locality_lists_candidates_and_warns_of_former_names(tmp_path: object) -> None:
    from pathlib import Path

    from click.testing import CliRunner

    from plangen.cli import main

    base = str(Path(__file__).resolve().parents[2] / "examples" / "ai-law" / "commune.yaml")
    runner = CliRunner()
    ambiguous = runner.invoke(main, ["validate", base, "--locality", "xã Tân Mỹ"])
    assert ambiguous.exit_code == 2 and "Traceback" not in ambiguous.output
    assert "02308" in ambiguous.output and "19291" in ambiguous.output
    chosen = runner.invoke(main, ["validate", base, "--locality", "Tân Mỹ (Quảng Trị)"])
    assert chosen.exit_code == 0, chosen.output
    province_base = base.replace("commune.yaml", "base.yaml")
    former = runner.invoke(main, ["validate", province_base, "--locality", "tỉnh Quảng Bình",
                                  "--lang", "en"])
    assert former.exit_code == 0, former.output
    assert "warning: \"tỉnh Quảng Bình\" is a name from before the 2025" in former.output
