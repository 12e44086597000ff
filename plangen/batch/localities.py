"""Vietnam's administrative units after the 2025 reorganisation, and what plans need of them.

The official list (34 provinces and centrally-run cities, 3,321 communes, wards and special
zones) comes from the `vietnam-provinces` package. From each unit we derive the issuing
agency's name, the header lines, the place name of the date line and the phrase naming its
lower units, so a base plan can be filled in for any locality.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from plangen.spec.starter import StarterUnit
from plangen.vntext import clean_line, nfc, upper

PROVINCE_KINDS = {"tỉnh": "tỉnh", "thành phố trung ương": "thành phố"}
COMMUNE_KINDS = ("xã", "phường", "đặc khu")
AGENCY = "Ủy ban nhân dân"
PROVINCE_CODE_DIGITS, COMMUNE_CODE_DIGITS = 2, 5
# NĐ 30 PL1 II.4.a: a unit named after a person or a historical event is written in full in the
# date line ("Thành phố Hồ Chí Minh, ngày …"). Names cannot tell us that, so the unit names of the
# official list that honour people or battles are listed here (numbers are detected).
NAMED_AFTER_PEOPLE_OR_EVENTS = frozenset({
    "Hồ Chí Minh", "Quang Trung", "Lê Lợi", "Trần Hưng Đạo", "Hưng Đạo", "Nguyễn Trãi",
    "Hai Bà Trưng", "Lý Thường Kiệt", "Nguyễn Du", "Hoàng Văn Thụ", "Trần Phú", "Ngô Quyền",
    "Nguyễn Huệ", "Lê Chân", "Tô Hiệu", "Phạm Ngũ Lão", "Lê Thanh Nghị", "Nguyễn Bỉnh Khiêm",
    "Chu Văn An", "Hoàng Hoa Thám", "Phan Đình Phùng", "Kim Đồng", "Trần Nhân Tông",
    "Điện Biên Phủ", "Bạch Đằng", "Đống Đa", "Ngọc Hồi",
})


@dataclass(frozen=True)
class Locality:
    """One administrative unit with the names a plan uses for it."""

    code: str
    kind: str  # "tỉnh", "thành phố", "xã", "phường" or "đặc khu"
    name: str  # "Đắk Lắk", "Hoàn Kiếm"
    province: Locality | None = None
    lower_kinds: tuple[str, ...] = ()
    slug: str = ""
    overrides: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def full_name(self) -> str:
        """ "tỉnh Đắk Lắk", "thành phố Huế", "phường Hoàn Kiếm" (generic noun lowercase)."""
        return f"{self.kind} {self.name}"

    @property
    def agency(self) -> str:
        """ "Ủy ban nhân dân tỉnh Đắk Lắk"."""
        return f"{AGENCY} {self.full_name}"

    @property
    def agency_short(self) -> str:
        """ "UBND tỉnh" as plans refer to their own committee."""
        return f"UBND {self.kind}"

    @property
    def header_lines(self) -> tuple[str, ...]:
        """ ("ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"): NĐ 30 ô 2, one name over two lines."""
        return (upper(AGENCY), upper(self.full_name))

    @property
    def place(self) -> str:
        """The place of the date line (NĐ 30 PL1 II.4.a).

        A unit named with a number ("Phường 1 Bảo Lộc"), after a person ("Thành phố Hồ Chí
        Minh") or an event ("Phường Điện Biên Phủ") is written in full.
        """
        if re.search(r"\d", self.name) or self.name in NAMED_AFTER_PEOPLE_OR_EVENTS:
            return f"{self.kind[:1].upper()}{self.kind[1:]} {self.name}"
        return self.name

    @property
    def lower_units(self) -> str | None:
        """ "các xã, phường" or "các xã, phường, đặc khu"; None for a commune."""
        return f"các {', '.join(self.lower_kinds)}" if self.lower_kinds else None

    @property
    def lower_agencies(self) -> str | None:
        """ "Ủy ban nhân dân các xã, phường" (, đặc khu where the province has them)."""
        units = self.lower_units
        return f"{AGENCY} {units}" if units else None

    def starter_unit(self) -> StarterUnit:
        """How `plangen new` writes a plan of this unit (its level's agencies, its province)."""
        return StarterUnit(self.full_name, self.place, self.kind,
                           self.province.full_name if self.province else None,
                           self.lower_units)

    def placeholders(self) -> dict[str, Any]:
        """The fields a base spec may use as `{{ locality.<field> }}`."""
        fields: dict[str, Any] = {
            "code": self.code, "kind": self.kind, "name": self.name,
            "full_name": self.full_name, "agency": self.agency,
            "agency_short": self.agency_short, "agency_upper": upper(self.agency),
            "place": self.place, "slug": self.slug,
        }
        if self.lower_units:
            fields["lower_units"] = self.lower_units
            fields["lower_agencies"] = self.lower_agencies
        if self.province is not None:
            fields["province"] = self.province.placeholders()
        return fields


def slugify(text: str) -> str:
    """A safe ASCII file name part: "Phường Buôn Ma Thuột" -> "phuong-buon-ma-thuot"."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80] or "khong-ten"


def _strip_kind(name: str, kind: str) -> str:
    prefix = kind + " "
    name = clean_line(name)  # the data has "Phường  Thành Nhất"
    return name[len(prefix):] if name.lower().startswith(prefix) else name


@lru_cache(maxsize=1)
def _raw_divisions() -> list[dict[str, Any]]:
    from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

    with open(NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as handle:
        data: list[dict[str, Any]] = json.load(handle)
    return data


def _province(raw: dict[str, Any]) -> Locality:
    kind = PROVINCE_KINDS[raw["division_type"]]
    name = nfc(_strip_kind(raw["name"], kind))
    present = {ward["division_type"] for ward in raw["wards"]}
    return Locality(code=f"{raw['code']:02d}", kind=kind, name=name,
                    lower_kinds=tuple(k for k in COMMUNE_KINDS if k in present),
                    slug=slugify(name))


@lru_cache(maxsize=1)
def _all() -> tuple[tuple[Locality, tuple[Locality, ...]], ...]:
    result = []
    for raw in _raw_divisions():
        province = _province(raw)
        communes = []
        seen: set[str] = set()
        for ward in raw["wards"]:
            kind = ward["division_type"]
            name = nfc(_strip_kind(ward["name"], kind))
            slug = slugify(f"{kind} {name}")
            if slug in seen:
                slug = f"{slug}-{ward['code']:05d}"
            seen.add(slug)
            communes.append(Locality(code=f"{ward['code']:05d}", kind=kind, name=name,
                                     province=province, slug=slug))
        result.append((province, tuple(communes)))
    return tuple(result)


def all_provinces() -> list[Locality]:
    """The 34 provinces and centrally-run cities, in the official order."""
    return [province for province, _ in _all()]


def communes_of(province: Locality) -> list[Locality]:
    """The communes, wards and special zones of `province`."""
    for candidate, communes in _all():
        if candidate.code == province.code:
            return list(communes)
    return []


def all_communes() -> list[Locality]:
    """All 3,321 communes, wards and special zones."""
    return [commune for _, communes in _all() for commune in communes]


def _key(text: str) -> str:
    return slugify(text).replace("-", "")


def find_province(query: str) -> Locality | None:
    """A province by code ("66", "1" or "01"), name ("Đắk Lắk"), full name or slug."""
    code = _code(query, PROVINCE_CODE_DIGITS)
    wanted = _key(query)
    for province in all_provinces():
        names = (province.name, province.full_name, province.slug)
        if code == province.code or (code is None and wanted in map(_key, names)):
            return province
    return None


def _code(query: str, digits: int) -> str | None:
    """`query` as a zero-padded code when it is one (province codes have 2 digits, communes
    5), else None."""
    text = query.strip()
    if not text.isdigit():
        return None
    return f"{int(text):0{digits}d}" if len(text) <= digits else text


def find_commune(query: str, province: Locality | None = None) -> Locality | None:
    """A commune by code or by name ("phường Hoàn Kiếm"), optionally within `province`."""
    code = _code(query, COMMUNE_CODE_DIGITS)
    wanted = _key(query)
    pool = communes_of(province) if province else all_communes()
    for commune in pool:
        if code == commune.code or (code is None and wanted in (_key(commune.full_name),
                                                                commune.slug)):
            return commune
    return None


def province_names() -> list[str]:
    """The names, for "did you mean" hints."""
    return [province.name for province in all_provinces()]
