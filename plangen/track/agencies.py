"""One name per agency: "Sở KH&CN" and "Sở Khoa học và Công nghệ" are the same office.

Names are matched through their expanded, folded form: built-in abbreviations ("KH&CN",
"UBND", "TT&TT" …) are written out, case and spacing folded; a spec's own `agencies:` list
adds aliases of its own. Group phrases ("các sở, ban, ngành", "Ủy ban nhân dân các xã,
phường") stay one group: they are never split into their comma-separated words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# abbreviations written in agency names, and what they stand for
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("KHCN", "Khoa học và Công nghệ"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("TTTT", "Thông tin và Truyền thông"),
    ("VH,TT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VHTT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VHTTDL", "Văn hóa, Thể thao và Du lịch"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("GDĐT", "Giáo dục và Đào tạo"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NN&MT", "Nông nghiệp và Môi trường"),
    ("TN&MT", "Tài nguyên và Môi trường"),
    ("TNMT", "Tài nguyên và Môi trường"),
    ("LĐTB&XH", "Lao động - Thương binh và Xã hội"),
    ("GTVT", "Giao thông vận tải"),
    ("BCHQS", "Bộ Chỉ huy Quân sự"),
    ("BCH", "Ban Chỉ huy"),
    ("BQL", "Ban Quản lý"),
    ("PCTT", "phòng, chống thiên tai"),
)
# whole names officers write as initials
INITIALS: tuple[tuple[str, str], ...] = (
    ("SKHCN", "Sở Khoa học và Công nghệ"),
    ("STP", "Sở Tư pháp"),
    ("STC", "Sở Tài chính"),
    ("SNV", "Sở Nội vụ"),
    ("VPUBND", "Văn phòng Ủy ban nhân dân"),
)
# words that start an agency's name: a comma or "và" before one of these separates two agencies
_HEADS = ("Sở", "Ủy ban", "Uỷ ban", "UBND", "Công an", "Bộ", "Ban", "Văn phòng", "Thanh tra",
          "Báo", "Đài", "Hội", "Liên đoàn", "Liên minh", "Tỉnh đoàn", "Đoàn", "Trường", "Kho bạc",
          "Cục", "Chi cục", "Trung tâm", "Bảo hiểm", "Ngân hàng", "Viện", "Tòa án", "Viện kiểm sát",
          "Bộ Chỉ huy", "Bộ đội", "Quân sự", "Hội đồng", "HĐND", "Mặt trận", "Ủy ban Mặt trận",
          "các", "Các", "cơ quan", "Cơ quan", "đơn vị", "Đơn vị", "doanh nghiệp", "Doanh nghiệp")
_SPLIT = re.compile(r"\s*(?:,|\svà\s|\scùng\s)\s*(?=(?:" + "|".join(
    re.escape(head) for head in sorted(_HEADS, key=len, reverse=True)) + r")\b)")
# one office serving several bodies: "Văn phòng HĐND và UBND xã" is one agency, not two
_BODY = r"(?:Đoàn ĐBQH|Đoàn đại biểu Quốc hội|HĐND|Hội đồng nhân dân|UBND|Ủy ban nhân dân)"
_SHARED_OFFICE = re.compile(rf"Văn phòng {_BODY}(?:(?:,| và) {_BODY})+")
_KEPT = {",": "\x01", " và ": "\x02"}  # joiners inside a shared office's name, while splitting
_GROUP = re.compile(r"(^|\s)(các|những)\s|liên quan|có liên quan|địa phương|đơn vị thuộc|"
                    r"trực thuộc", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^)]*\)")


def fold(text: str) -> str:
    """Case, spacing and the "Uỷ"/"Ủy" spelling folded; the trailing full stop dropped."""
    out = unicodedata.normalize("NFC", text).replace("Uỷ", "Ủy").replace("uỷ", "ủy")
    return " ".join(out.casefold().split()).strip(" .;,:")


def expand(text: str) -> str:
    """`text` with built-in abbreviations written out ("Sở KH&CN" -> "Sở Khoa học và Công
    nghệ"); initials standing for a whole name become that name."""
    clean = " ".join(_PAREN.sub("", unicodedata.normalize("NFC", text)).split()).strip(" .;,:")
    for short, full in INITIALS:
        if clean.upper() == short:
            return full
    for short, full in ABBREVIATIONS:
        clean = re.sub(rf"(?<![\w&]){re.escape(short)}(?![\w&])", full, clean)
    return clean


def is_group(name: str) -> bool:
    """A phrase that names many agencies at once ("các sở, ban, ngành")."""
    return bool(_GROUP.search(name))


_HEADING_HEADS = tuple(head for head in _HEADS if head[:1].isupper() and head not in (
    "Các", "Cơ quan", "Đơn vị", "Doanh nghiệp"))
_ASKED = re.compile(r"^(?:đề\s+nghị|giao)\s+", re.IGNORECASE)


def agency_heading(text: str) -> str | None:
    """The agency an agency-headed duty block names ("1. Sở Công Thương:", "Đề nghị Ủy ban
    Mặt trận Tổ quốc Việt Nam tỉnh:"), or None when `text` is not such a heading."""
    name = _ASKED.sub("", " ".join(text.split())).rstrip(" :.;")
    if not name or len(name) > 120 or ":" in name:
        return None
    if not name.startswith(_HEADING_HEADS) and not (
            name.startswith("UBND") or name.lower().startswith("ủy ban nhân dân")):
        return None
    return name


def split_agencies(line: str) -> list[str]:
    """The agencies one role line names: "Sở Tư pháp, Sở Tài chính và các sở, ban, ngành"
    -> three; a group phrase's own commas are kept."""
    parts = []
    for piece in line.split(";"):
        piece = _SHARED_OFFICE.sub(_keep_joiners, " ".join(piece.split()))
        for name in _SPLIT.split(piece):
            for joiner, kept in _KEPT.items():
                name = name.replace(kept, joiner)
            name = _PAREN.sub("", name).strip(" .;,:")
            if name:
                parts.append(name)
    return parts


def _keep_joiners(match: re.Match[str]) -> str:
    name = match.group(0)
    for joiner, kept in _KEPT.items():
        name = name.replace(joiner, kept)
    return name


@dataclass(frozen=True)
class Agency:
    """An agency (or a group of them) as the workbook and the report list it."""

    key: str  # the folded full name: equal keys are the same agency
    name: str  # the full name as first written in full
    group: bool


class AgencyBook:
    """Matches the names of one plan to its agencies (built-in and spec aliases)."""

    def __init__(self, aliases: Iterable[tuple[str, Sequence[str]]] = ()) -> None:
        self._alias: dict[str, str] = {}
        for full, others in aliases:
            for alias in others:
                self._alias[fold(alias)] = full
                self._alias[fold(expand(alias))] = full
        self._seen: dict[str, Agency] = {}

    def agency(self, written: str) -> Agency:
        """The agency `written` names; the first full spelling seen becomes its name."""
        name = self._alias.get(fold(written)) or self._alias.get(fold(expand(written))) or (
            expand(written))
        key = fold(name)
        known = self._seen.get(key)
        if known is None:
            shown = name[:1].upper() + name[1:]
            known = self._seen[key] = Agency(key, shown, is_group(name))
        return known

    def agencies(self, lines: Iterable[str]) -> list[Agency]:
        """Every agency the role lines name, each once, in order."""
        found: dict[str, Agency] = {}
        for line in lines:
            for name in split_agencies(line):
                agency = self.agency(name)
                found.setdefault(agency.key, agency)
        return list(found.values())
