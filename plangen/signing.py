"""The words of a signature block (NĐ 30 PL1 II.7): the authority words that open its title
lines, and the titles a signer's name must not carry. Shared by validation (which refuses
them in a spec) and the check (which finds them in a document)."""

from __future__ import annotations

import re

AUTHORITY_WORDS = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
# an authority word where a title line could hold one: at its start or after a space
AUTHORITY_WORD = re.compile(r"(?:^|(?<=\s))(?:TM|KT|TL|TUQ|Q)\.\s")
# "TS. Nguyễn Văn A", "Ông Nguyễn Văn A": PL1 II.7.c wants the name alone
HONORIFICS = re.compile(r"^(TS|ThS|PGS|GS|KS|BS|CN|Ông|Bà)\b\.?", re.IGNORECASE)


def misplaced_authority(line: str) -> str | None:
    """The authority word that does not open a line of its own, in a title line holding two
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" -> "KT.") or one not at its start; else None."""
    words = [match.group(0).strip() for match in AUTHORITY_WORD.finditer(line)]
    if len(words) > 1 or (words and not AUTHORITY_WORD.match(line)):
        return words[-1]
    return None


def split_at_authorities(line: str) -> list[str]:
    """A title line cut before each authority word that does not open it ("TM. ỦY BAN NHÂN
    DÂN KT. CHỦ TỊCH" -> "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"): each opens its own line."""
    cuts = [match.start() for match in AUTHORITY_WORD.finditer(line) if match.start()]
    pieces = [line[start:end].strip() for start, end in zip([0, *cuts], [*cuts, len(line)],
                                                             strict=True)]
    return [piece for piece in pieces if piece]


def name_case(text: str) -> str:
    """A name typed in capitals, as it is printed: "NGUYỄN VĂN A" -> "Nguyễn Văn A"."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in text.split())
