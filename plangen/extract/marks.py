"""NĐ 30's first-page marks read back from an old plan (plangen/marks.py): the urgency stamp
and a circulation note among the header lines, the circulation note in the first page's
header, the agency's contact lines in its footer.

A secrecy mark ("MẬT", "TỐI MẬT", "TUYỆT MẬT") is not a mark plangen prints (its rules come
from the law on state secrets, not NĐ 30): it is reported as left out, never read as the
agency's name.
"""

from __future__ import annotations

from typing import Any

from plangen.extract.blocks import Source
from plangen.extract.notes import Notes, excerpt
from plangen.marks import SECRECY_LEVELS, is_circulation, is_contact, mark_words, urgency_level


def header_mark(piece: str, data: dict[str, Any], notes: Notes) -> bool:
    """Whether the header line `piece` is a mark (then read into `data`, or noted as left
    out); False for any other line."""
    level = urgency_level(piece)
    if level is not None:
        data["urgency"] = level
        return True
    words = mark_words(piece)
    if words in SECRECY_LEVELS:
        notes.add("lost", "extract_secrecy_lost", (), text=excerpt(piece))
        return True
    if is_circulation(piece):
        data["circulation"] = words
        return True
    return False


def first_page_marks(source: Source, data: dict[str, Any]) -> None:
    """The circulation note of the first page's header and the contact lines of its footer
    (a .docx only), into `data` unless the header lines gave them already."""
    for line in source.first_header:
        if "circulation" not in data and is_circulation(line):
            data["circulation"] = mark_words(line)
    contact = [line.strip() for line in source.first_footer if is_contact(line)]
    if contact and "contact" not in data:
        data["contact"] = contact[0] if len(contact) == 1 else contact
