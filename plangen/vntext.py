"""Vietnamese text helpers: normalization, hygiene checks, numbering and date wording.

Pure functions over strings; no other plangen module is imported here.
"""

from __future__ import annotations

import re
import unicodedata

# XML 1.0 allows TAB, LF, CR and everything from U+0020 except surrogates, U+FFFE and U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

_WHITESPACE = re.compile(r"\s+")

VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)
BLANK = "\u00a0" * 6  # the gap a draft leaves for a number or day filled in at signing


# What a terminal would obey rather than print: C0 controls but tab and line feed, DEL, C1
# controls (U+0080–U+009F, including the one-character CSI U+009B), bidi overrides.
# Whole escape sequences go (CSI "ESC [ … m", OSC "ESC ] … BEL", two-character ones), then any
# control character left.
_TERMINAL_CONTROL = re.compile(
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"
    "|\x1b[@-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str) -> str:
    """`text` safe to print: escape sequences and other control characters removed (an ESC
    in a file name must not clear a screen or recolour what follows)."""
    return _TERMINAL_CONTROL.sub("", text)


def nfc(text: str) -> str:
    """Unicode NFC ("dựng sẵn") form of `text`."""
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """One printable line: whitespace runs (tabs, newlines, CRLF) folded to one space."""
    return _WHITESPACE.sub(" ", text).strip()


def find_xml_illegal(text: str) -> str | None:
    """The first character XML 1.0 cannot carry, as "U+000B", or None."""
    found = _XML_ILLEGAL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def upper(text: str) -> str:
    """Vietnamese upper case ("Ủy ban nhân dân" -> "ỦY BAN NHÂN DÂN"), kept in NFC."""
    return nfc(text.upper())


def roman(number: int) -> str:
    """Roman numeral for section headings (1 -> "I")."""
    out = []
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


def letter(index: int) -> str:
    """The `index`-th (0-based) point letter in Vietnamese order: a, b, c, d, đ, e, …"""
    base = len(VIETNAMESE_LETTERS)
    if index < base:
        return VIETNAMESE_LETTERS[index]
    return letter(index // base - 1) + VIETNAMESE_LETTERS[index % base]


def two_digits(number: int) -> str:
    """Leading zero below 10 (NĐ 30 PL1 II.3.c for numbers, II.4.b for days)."""
    return f"{number:02d}"


def month_text(month: int) -> str:
    """NĐ 30 PL1 II.4.b: months 1 and 2 get a leading zero, the others do not."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_words(day: int | None, month: int | None, year: int) -> str:
    """ "ngày 05 tháng 02 năm 2026", with blanks where a draft has no day or month."""
    day_text = two_digits(day) if day else BLANK
    month_part = month_text(month) if month else BLANK
    return f"ngày {day_text} tháng {month_part} năm {year}"


def ensure_end(text: str, mark: str, strip: str = ";.,:") -> str:
    """`text` ending with exactly `mark`, replacing a trailing punctuation from `strip`."""
    text = text.rstrip()
    while text and text[-1] in strip:
        text = text[:-1].rstrip()
    return text + mark


def ensure_sentence_end(text: str) -> str:
    """`text` with a final period unless it already ends a sentence or ellipsis."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def sentence_case_name(text: str) -> str:
    """ "ỦY BAN NHÂN DÂN" -> "Ủy ban nhân dân" (first letter kept capital)."""
    lowered = nfc(text.lower())
    return lowered[:1].upper() + lowered[1:]
