"""The built-in localities: every province and commune, and the names derived from them."""

from __future__ import annotations

import json
import re

import pytest
from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

from plangen.batch.localities import (
    all_communes,
    all_provinces,
    communes_of,
    find_commune,
    find_province,
    slugify,
)

RAW = json.loads(NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))


def test_counts_match_the_2025_reorganisation() -> None:
    assert len(all_provinces()) == 34
    assert len(all_communes()) == 3321


@pytest.mark.parametrize("raw", RAW, ids=lambda raw: raw["codename"])
def test_every_province_derives_its_names_from_the_data(raw: dict) -> None:
    province = find_province(str(raw["code"]))
    assert province is not None
    is_city = raw["division_type"] == "thành phố trung ương"
    bare = raw["name"].removeprefix("Thành phố ")
    assert province.kind == ("thành phố" if is_city else "tỉnh")
    assert province.name == bare
    assert province.agency == f"Ủy ban nhân dân {province.kind} {bare}"
    assert province.header_lines == ("ỦY BAN NHÂN DÂN", f"{province.kind} {bare}".upper())
    kinds = {ward["division_type"] for ward in raw["wards"]}
    expected = "Ủy ban nhân dân các xã, phường" + (", đặc khu" if "đặc khu" in kinds else "")
    assert province.lower_agencies == expected
    assert len(communes_of(province)) == len(raw["wards"])


def test_special_zones_are_named_only_where_they_exist() -> None:
    with_zones = {p.name for p in all_provinces() if "đặc khu" in p.lower_kinds}
    assert "An Giang" in with_zones and "Quảng Ninh" in with_zones
    assert "Đắk Lắk" not in with_zones and "Huế" not in with_zones
    assert len(with_zones) == 9


def test_every_commune_derives_its_names_from_the_data() -> None:
    by_code = {c.code: c for c in all_communes()}
    for raw in RAW:
        for ward in raw["wards"]:
            commune = by_code[f"{ward['code']:05d}"]
            kind = ward["division_type"]
            assert commune.kind == kind
            # the data has a few doubled spaces ("Xã  Bắc Đông Quan"); names have one
            assert f"{kind[0].upper()}{kind[1:]} {commune.name}" == " ".join(ward["name"].split())
            assert "  " not in commune.full_name
            assert commune.agency == f"Ủy ban nhân dân {kind} {commune.name}"
            assert commune.header_lines[1] == f"{kind} {commune.name}".upper()
            assert commune.province is not None and commune.province.code == f"{raw['code']:02d}"
            assert commune.lower_units is None
            if re.search(r"\d", commune.name):
                assert commune.place == ward["name"]


def test_place_names_follow_nd30_for_people_numbers_and_plain_names() -> None:
    assert find_province("Hồ Chí Minh").place == "Thành phố Hồ Chí Minh"
    assert find_province("Đắk Lắk").place == "Đắk Lắk"
    assert find_commune("Phường 1 Bảo Lộc").place == "Phường 1 Bảo Lộc"
    assert find_commune("phường Hoàn Kiếm").place == "Hoàn Kiếm"


def test_file_names_are_safe_and_unique_within_a_province() -> None:
    for province in all_provinces():
        slugs = [c.slug for c in communes_of(province)]
        assert len(slugs) == len(set(slugs)), province.name
        assert all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs)
    assert slugify("Đắk Lắk") == "dak-lak"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("") == "khong-ten"


def test_find_province_accepts_names_codes_and_slugs() -> None:
    for query in ("Đắk Lắk", "tỉnh Đắk Lắk", "dak-lak", "66", "đắk lắk"):
        found = find_province(query)
        assert found is not None and found.name == "Đắk Lắk", query
    assert find_province("Hà Tây") is None


def test_placeholders_of_a_commune_include_its_province() -> None:
    fields = find_commune("phường Hoàn Kiếm").placeholders()
    assert fields["full_name"] == "phường Hoàn Kiếm"
    assert fields["province"]["full_name"] == "thành phố Hà Nội"
    assert "lower_units" not in fields


def test_codes_of_provinces_and_communes_do_not_mix() -> None:
    assert find_province("4").name == "Cao Bằng" and find_province("04").name == "Cao Bằng"
    assert find_province("00004") is None
    assert find_commune("00070").name == "Hoàn Kiếm" and find_commune("70").name == "Hoàn Kiếm"
