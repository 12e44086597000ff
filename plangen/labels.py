"""The labels NĐ 30 numbers a plan's body with (PL1 II.6.c–đ), as a printed line starts with
them: sections "I." (or "A." in plans lettered so), parts "Phần I", items "1.", decimal items
"1.1.", points "a)" (or "a."), named items "(1)". The check reads a document's levels by them;
validation refuses a plain paragraph typed with one, which the check would read as a level."""

from __future__ import annotations

import re

ROMAN_HEADING = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.\s*\S")
# "Phần I", "CHƯƠNG 2", "Phần thứ nhất"; not a sentence that starts "Phần ca …", "Phần còn lại"
PART_HEADING = re.compile(
    r"^(?i:phần|chương)\s+(?:[IVXLC]+|\d{1,2}|(?i:thứ)\s+\w+)(?=[\s.:)–-]|$)")


def is_part_label(text: str) -> bool:
    """ "Phần I" (or "PHẦN THỨ NHẤT", "Chương 2") alone on its line: NĐ 30 PL1 II.6.đ prints
    the part's title on the line below."""
    found = PART_HEADING.match(text.strip())
    return found is not None and not text.strip()[found.end():].strip(" .:")


ITEM_HEADING = re.compile(r"^\d{1,2}\.\s+\S")
POINT_HEADING = re.compile(r"^[a-zđ]\)\s+\S")
SECTION = re.compile(r"^(?P<n>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\.\s+\S")
# "A. MỤC TIÊU", also "B. 5G VÀ IOT", "C. A@B.VN": the heading's first two letters may follow
# figures or signs ([\W\d_] is what is not a letter); "A. Nguyễn …" is a name, not a section
LETTER_SECTION = re.compile(r"^(?P<n>[A-ZĐ])\.\s+[\W\d_]*[A-ZĐÀ-Ỹ][\W\d_]*[A-ZĐÀ-Ỹ]")
ITEM = re.compile(r"^(?P<n>\d{1,2})\.\s+\S")
DECIMAL = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+\S")
POINT = re.compile(r"^(?P<n>[a-zđ])(?P<close>[.)])\s+\S")
NAMED = re.compile(r"^\((?P<n>\d{1,2})\)\s+\S")
_ANY = (ROMAN_HEADING, LETTER_SECTION, DECIMAL, ITEM, POINT, NAMED)


def level_label(line: str) -> str | None:
    """The label a printed line starts with, read as the check reads a level ("I.", "Phần
    I", "1.2.", "a)" …), or None."""
    text = line.strip()
    part = PART_HEADING.match(text)
    if part:
        return part.group(0)
    if ROMAN_HEADING.match(text):
        return text[:text.index(".") + 1]
    if any(pattern.match(text) for pattern in _ANY):
        return text.split()[0]
    return None
