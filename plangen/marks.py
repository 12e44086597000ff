"""NĐ 30's optional marks of a document's first page (PL1 III.2.b, III.2.c, III.4).

- the urgency stamp (ô 10b): "KHẨN", "THƯỢNG KHẨN" or "HỎA TỐC", bold capitals in a single
  bright-red frame of a fixed size, under the number line;
- the circulation note (ô 11): "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI" …, bold capitals in a
  single-line frame;
- the agency's address, telephone, e-mail (ô 13): first page only, under a solid line as wide
  as the text.

Spec, model, renderer, checker and extractor all read the words and sizes from here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plangen.vntext import nfc, upper

# the frame of each urgency level, width × height in millimetres (PL1 III.2.b)
URGENCY_FRAMES_MM: dict[str, tuple[int, int]] = {
    "KHẨN": (20, 8),
    "THƯỢNG KHẨN": (40, 8),
    "HỎA TỐC": (30, 8),
}
URGENCY_LEVELS = tuple(URGENCY_FRAMES_MM)
SECRECY_LEVELS = ("MẬT", "TỐI MẬT", "TUYỆT MẬT")  # not NĐ 30's: the law on state secrets
CIRCULATION_WORDS = ("LƯU HÀNH", "XEM XONG TRẢ LẠI", "TRẢ LẠI SAU KHI")
CIRCULATION_EXAMPLES = ("LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI", "TRẢ LẠI SAU KHI HỌP (HỘI NGHỊ)")
STAMP_COLOR = "FF0000"  # "mực màu đỏ tươi"
# the old placement of tone marks ("HOẢ") that officers still type, for the decree's "HỎA"
_OLD_TONES = {"OẢ": "ỎA", "OÀ": "ÒA", "OÁ": "ÓA", "OẠ": "ỌA", "OÃ": "ÕA"}
_SPACES = re.compile(r"\s+")
_MAX_MARK = 60  # a mark is a few words; a longer line is text that happens to hold them
# what opens or fills a line of the agency's contact block (PL1 III.4)
_CONTACT_WORDS = re.compile(r"(?i)(?<!\w)(địa chỉ|điện thoại|đt|fax|e-?mail|thư điện tử|"
                            r"website|trang thông tin( điện tử)?|cổng thông tin)(?!\w)|@")


@lru_cache(maxsize=4096)  # the check asks it of every short paragraph of every plan in a batch
def mark_words(text: str) -> str:
    """`text` as a mark prints it: NFC, capitals, single spaces, the decree's tone placement
    ("hoả tốc" -> "HỎA TỐC")."""
    words = _SPACES.sub(" ", upper(nfc(text)).strip())
    for old, new in _OLD_TONES.items():
        words = words.replace(old, new)
    return words


def urgency_level(text: str) -> str | None:
    """The urgency level `text` names ("Hỏa tốc" -> "HỎA TỐC"), or None if it names none."""
    words = mark_words(text)
    return words if words in URGENCY_FRAMES_MM else None


def names_circulation(text: str) -> bool:
    """Whether `text`'s words are those of a circulation note, however it is cased."""
    words = mark_words(text)
    return any(phrase in words for phrase in CIRCULATION_WORDS)


def is_circulation(text: str) -> bool:
    """A circulation note: "LƯU HÀNH NỘI BỘ", "XEM XONG TRẢ LẠI" … written in capitals."""
    return (len(text.strip()) <= _MAX_MARK and text.strip() == text.strip().upper()
            and names_circulation(text))


def is_mark(text: str) -> bool:
    """A line that is a mark of its own (urgency, secrecy, circulation), never the end of the
    sentence above it."""
    return (len(text) <= _MAX_MARK and mark_words(text) in (*URGENCY_FRAMES_MM, *SECRECY_LEVELS)
            ) or is_circulation(text)


def is_contact(text: str) -> bool:
    """A line of the agency's address, telephone, e-mail or web site."""
    return bool(_CONTACT_WORDS.search(text))
