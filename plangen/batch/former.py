"""Provinces that no longer exist since the 2025 reorganisation, and the province each became.

The `vietnam-provinces` data lists only today's units: it has no former names of provinces or
communes (checked for version 2025.10.1: its records hold name, code, codename, division type
and phone code). The 29 provinces merged by Nghị quyết 202/2025/QH15 (in force 01/7/2025)
are few and fixed by law, so they are listed here; Thừa Thiên Huế, which became the centrally
run city of Huế on 01/01/2025, too. Former communes and districts (over 10,000 units) are not
known: a name of one of those is reported as unknown, with today's units of the same name.
"""

from __future__ import annotations

# former name (as the law wrote it) -> code of the province it is part of today
FORMER_PROVINCES: dict[str, str] = {
    "Hà Giang": "08", "Yên Bái": "15", "Bắc Kạn": "19", "Vĩnh Phúc": "25", "Hòa Bình": "25",
    "Bắc Giang": "24", "Thái Bình": "33", "Hải Dương": "31", "Hà Nam": "37", "Nam Định": "37",
    "Quảng Bình": "44", "Thừa Thiên Huế": "46", "Quảng Nam": "48", "Kon Tum": "51",
    "Bình Định": "52", "Ninh Thuận": "56", "Phú Yên": "66", "Đắk Nông": "68",
    "Bình Thuận": "68", "Bình Phước": "75", "Bình Dương": "79", "Bà Rịa - Vũng Tàu": "79",
    "Long An": "80", "Tiền Giang": "82", "Bến Tre": "86", "Trà Vinh": "86",
    "Kiên Giang": "91", "Sóc Trăng": "92", "Hậu Giang": "92", "Bạc Liêu": "96",
}
