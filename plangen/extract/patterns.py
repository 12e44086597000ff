"""What lines of a KẾ HOẠCH look like: numbering ("I.", "1.", "a)", "- ", "+ "), header
lines, role lines ("Cơ quan chủ trì: …") and the words that tell one role from another.

Pure functions over strings, shared by the parsing modules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from plangen.model import DEFAULT_LABELS
from plangen.vntext import VIETNAMESE_LETTERS, upper

MarkerKind = Literal["roman", "item", "letter", "dash", "plus", "none"]

_ROMAN = re.compile(r"^(?P<num>[IVX]{1,5})\s?[.)/–-]\s*(?P<rest>\S.*)$")
_ITEM = re.compile(r"^(?P<num>\d{1,2})\s?[.)/–-]\s*(?P<rest>\D.*)$")
_SUBITEM = re.compile(r"^\d{1,2}\.(?P<num>\d{1,2})\.?\s+(?P<rest>\D.*)$")
_LETTER = re.compile(r"^(?P<num>[a-zđ])\s?(?:\)|[./](?=\s))\s*(?P<rest>\S.*)$")
_DASH = re.compile(r"^[-–—•·▪◦●]\s*(?P<rest>\S.*)$")
_PLUS = re.compile(r"^\+\s*(?P<rest>\S.*)$")
_LETTER_DOT = re.compile(r"^[a-zđ]\s?\.")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_LABEL = re.compile(r"^(?P<label>[^:]{2,70}?)\s*:\s*(?P<value>.*)$")
_NAMED = re.compile(r"\((\d{1,2})\)\s*")

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "ĐỘC LẬP – TỰ DO – HẠNH PHÚC")
AUTHORITY = re.compile(r"^(?:(?P<word>TM|KT|Q|TL|TUQ)\s?\.|(?P<old>[TK])\s?[/.]\s?(?P<old2>[MT])"
                       r"\.?)\s*(?P<rest>\S.*)$")
PERSONAL_TITLES = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG",
                   "PHÓ CHÁNH VĂN PHÒNG", "TRƯỞNG", "PHÓ TRƯỞNG", "BÍ THƯ", "THỦ TRƯỞNG",
                   "BỘ TRƯỞNG", "THỨ TRƯỞNG")  # a minister's deputy is no "PHÓ …"
_BODY_WORDS = ("ỦY BAN", "UỶ BAN", "HỘI ĐỒNG", "SỞ ", "BAN ", "VĂN PHÒNG", "PHÒNG ")
COLLECTIVES = ("Ủy ban nhân dân", "Hội đồng nhân dân")
LOCALITY_KINDS = ("thành phố", "tỉnh", "đặc khu", "phường", "xã", "thị xã", "thị trấn",
                  "huyện", "quận")
_NUMBER_LINE = re.compile(
    r"^Số\s*:?\s*(?P<number>[0-9]{0,6})[\s._…-]*/\s*(?P<symbol>[A-ZĐa-zđ0-9]+(?:-[A-ZĐa-zđ0-9]+)*)"
    r"\s*(?P<rest>.*)$")
_DATE_LINE = re.compile(
    r"^(?P<place>[^,]{2,60}),\s*ngày\s*(?P<day>\d{1,2})?[\s._…]*tháng\s*(?P<month>\d{1,2})?"
    r"[\s._…]*năm\s*(?P<year>\d{4})\s*$", re.IGNORECASE)
_DATE_NUMERIC = re.compile(
    r"^(?P<place>[^,]{2,60}),\s*ngày\s*(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*"
    r"(?P<year>\d{4})\s*$", re.IGNORECASE)
DATE_WORDS = re.compile(
    r"ngày\s*(?P<day>\d{1,2})?[\s._…]*tháng\s*(?P<month>\d{1,2})?[\s._…]*năm\s*(?P<year>\d{4})",
    re.IGNORECASE)


@dataclass(frozen=True)
class Marked:
    """A line split into its numbering marker and the text after it."""

    kind: MarkerKind
    number: int  # 1-based for roman, item and letter markers; 0 otherwise
    rest: str
    text: str  # the whole line


def roman_value(numeral: str) -> int:
    """ "IV" -> 4."""
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def marked(text: str) -> Marked:
    """The marker of `text` ("I.", "1.", "a)", "- ", "+ ") and the rest of the line."""
    found = _SUBITEM.match(text)  # "1.2. …" sits where a point "b)" would
    if found:
        return Marked("letter", int(found.group("num")), found.group("rest").strip(), text)
    patterns: tuple[tuple[MarkerKind, re.Pattern[str]], ...] = (
        ("roman", _ROMAN), ("item", _ITEM), ("letter", _LETTER), ("dash", _DASH),
        ("plus", _PLUS))
    for kind, pattern in patterns:
        found = pattern.match(text)
        if found:
            return Marked(kind, _marker_number(kind, found), found.group("rest").strip(), text)
    return Marked("none", 0, text, text)


def letter_style(mark: Marked, *, dashed: bool = False) -> str:
    """The role style (`freeform.ROLE_STYLES`) of a line marked with a letter: "letter_dot"
    for "a. …", "letter" for "a) …", "dash_letter" for "a) …" after a dash ("- a) …");
    "- a. …" has no style of its own and reads as "a. …"."""
    if _LETTER_DOT.match(mark.text):
        return "letter_dot"
    return "dash_letter" if dashed else "letter"


def _marker_number(kind: str, found: re.Match[str]) -> int:
    if kind == "roman":
        return roman_value(found.group("num"))
    if kind == "item":
        return int(found.group("num"))
    if kind == "letter":
        number = VIETNAMESE_LETTERS.find(found.group("num")) + 1
        return number or 1
    return 0


def is_upper_text(text: str) -> bool:
    """True when the letters of `text` are capitals ("KẾ HOẠCH", "TỈNH ĐẮK LẮK")."""
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def is_motto(text: str) -> bool:
    """The national motto's lines ("CỘNG HÒA XÃ HỘI …", "Độc lập - Tự do - Hạnh phúc")."""
    return upper(text).replace("HOÀ", "HÒA").strip() in MOTTO or \
        upper(text).startswith(("CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", "ĐỘC LẬP"))


def split_motto(text: str) -> list[str]:
    """A header line with the motto on it too ("ỦY BAN NHÂN DÂN  CỘNG HÒA …") in pieces."""
    pieces = [piece.strip() for piece in text.split("\t") if piece.strip()]
    out: list[str] = []
    for piece in pieces:
        found = re.search(r"(CỘNG HO?[ÀÒ]A|Độc lập|ĐỘC LẬP)", piece)
        if found and found.start() > 0:
            out += [piece[:found.start()].strip(), piece[found.start():].strip()]
        else:
            out.append(piece)
    return [piece for piece in out if piece]


def number_line(text: str) -> re.Match[str] | None:
    """ "Số: 05/KH-UBND" (the number may be blank), maybe with the date line after it."""
    return _NUMBER_LINE.match(text.replace("\t", " "))


def date_line(text: str) -> re.Match[str] | None:
    """ "Đắk Lắk, ngày 05 tháng 02 năm 2026" (blanks allowed for day and month), or
    "Đắk Lắk, ngày 05/02/2026"."""
    text = text.replace("\t", " ").strip()
    return _DATE_LINE.match(text) or _DATE_NUMERIC.match(text)


# "KẾ HOẠCH", and "KẾ HOẠCH HÀNH ĐỘNG" as plans print it: words in capitals after the type
_DOC_TYPE = re.compile(r"^KẾ\s+HOẠCH(?:\s+(?P<words>\S.*))?$")


def is_doc_type(text: str) -> bool:
    """The "KẾ HOẠCH" line (perhaps "KẾ HOẠCH HÀNH ĐỘNG", see `doc_type_words`)."""
    return doc_type_words(text) is not None


def doc_type_words(text: str) -> str | None:
    """What a "KẾ HOẠCH" line prints after the type, in capitals ("HÀNH ĐỘNG" of "KẾ HOẠCH
    HÀNH ĐỘNG"; "" for "KẾ HOẠCH" alone), or None for any other line. "Kế hoạch" in
    sentence case is the type only when alone on its line."""
    found = _DOC_TYPE.match(" ".join(upper(text).split()))
    if found is None:
        return None
    words = found.group("words") or ""
    if words and not (is_upper_text(text) and re.match(r"\w", words)):
        return None
    return words


def is_authority(text: str, *, within: bool = False) -> bool:
    """A signature line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" …; `within`
    a signature block, also a capitalised line naming a body ("SỞ TƯ PHÁP")."""
    if AUTHORITY.match(text):
        return True
    if not is_upper_text(text) or len(text) > 60 or marked(text).kind != "none":
        return False
    return upper(text).startswith(PERSONAL_TITLES) or (
        within and any(word in upper(text) for word in _BODY_WORDS))


def authority_line(text: str) -> str:
    """ "KT.CHỦ TỊCH" -> "KT. CHỦ TỊCH" (NĐ 30 writes a space after the abbreviation)."""
    found = AUTHORITY.match(text)
    if not found:
        return text
    # the older "T/M", "K/T" are written "TM.", "KT." (NĐ 30 PL1 II.7)
    word = found.group("word") or found.group("old") + found.group("old2")
    return f"{word}. {found.group('rest')}"


def looks_like_name(text: str) -> bool:
    """A signer's name: two to six capitalised words, no digits or punctuation, no title."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(word[:1].isupper() and word.isalpha() for word in words) \
        and not any(title in upper(text) for title in (*PERSONAL_TITLES, *_BODY_WORDS))


def looks_like_code(text: str) -> bool:
    """A drafting code under the recipients ("BXC_VP11_KH"): one token, letters and digits."""
    return re.fullmatch(r"[A-Za-zĐđ0-9][A-Za-zĐđ0-9_.\-/()]{1,39}", text) is not None and \
        any(char.isdigit() or char == "_" for char in text)


# ---- role lines -------------------------------------------------------------------------

_DEFAULT_KEYS = {label.lower(): key for key, label in DEFAULT_LABELS.items()}
_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("partners", ("phối hợp",)),
    ("lead", ("chủ trì",)),
    ("supervisor", ("đôn đốc", "hướng dẫn", "giám sát", "theo dõi")),
    ("timeline", ("thời gian", "thời hạn", "tiến độ", "thời điểm")),
    ("product", ("sản phẩm", "kết quả")),
    ("named_items", ("tên nhiệm vụ", "các nhiệm vụ cụ thể")),
    ("content", ("nội dung",)),
    ("performer", ("thực hiện", "đầu mối", "tham mưu", "triển khai")),
)
_AGENCY_WORDS = ("cơ quan", "đơn vị", "bộ phận", "sở", "ban")


@dataclass(frozen=True)
class RoleLine:
    """ "Cơ quan chủ trì: Sở Khoa học và Công nghệ." read as a role of a task."""

    key: str  # a role key of the spec, or "performer" (lead or implementer: decided later)
    label: str
    value: str


def role_line(text: str) -> RoleLine | None:
    """`text` as a role line when its label reads like a role (learned from its words)."""
    found = _LABEL.match(text)
    if not found:
        return None
    label, value = found.group("label").strip(), found.group("value").strip()
    words = label.split()
    if not label[:1].isupper() or len(words) > 8 or any(char.isdigit() for char in label):
        return None
    key = role_key(label)
    return RoleLine(key, label, value) if key else None


def role_key(label: str) -> str | None:
    """Which role a label names: "Cơ quan thực hiện" -> "performer", "Đơn vị phối hợp" ->
    "partners"; None when the label does not read like a role."""
    low = label.lower()
    if low in _DEFAULT_KEYS:
        return _DEFAULT_KEYS[low]
    for key, words in _ROLE_WORDS:
        if any(word in low for word in words):
            return key
    if low.startswith(_AGENCY_WORDS):
        return "performer"
    return None


def named_items(value: str) -> list[str] | None:
    """ "(1) Tổ chức …; (2) Tuyên truyền …." -> the items; None without "(1)"."""
    parts = _NAMED.split(value)
    if len(parts) < 3 or parts[1] != "1" or parts[0].strip():
        return None
    items = [parts[index + 1].strip().rstrip(";.").strip() for index in range(1, len(parts), 2)]
    return items if all(items) else None


def strip_end(text: str, marks: str = ".;,") -> str:
    """`text` without the trailing punctuation plangen adds back when rendering."""
    text = text.rstrip()
    while text and text[-1] in marks and not text.endswith("..."):
        text = text[:-1].rstrip()
    return text


_POINT_MARK = re.compile(r"^(?P<num>[a-zđ])\s?(?P<close>[.)])\s+\S")


def point_style(lines: Iterable[str]) -> tuple[str | None, bool]:
    """The `point_style` the points among `lines` ask for: "letter_dot" when more of them are
    lettered "a." than "a)", else None (the default, "a)"); and whether both forms occur.
    Lettered role lines ("a. Cơ quan chủ trì: …") are not counted: `role_style` says those."""
    counts = {".": 0, ")": 0}
    for line in lines:
        found = _POINT_MARK.match(line)
        if found is None or role_line(line[found.end() - 1:]) is not None:
            continue
        counts[found.group("close")] += 1
    return ("letter_dot" if counts["."] > counts[")"] else None,
            counts["."] > 0 and counts[")"] > 0)
