"""How wide a line of Times New Roman Bold text is, to size the short rules NĐ 30 asks for.

NĐ 30 PL1 II.2.b and II.5.b want a solid line 1/3 to 1/2 as long as the agency name and the
summary; II.1.b wants the line under the motto as long as the motto. The advance widths below
are those of Liberation Serif Bold, which is metric-compatible with Times New Roman Bold
(units per 1000 em). Vietnamese letters take the width of their base letter, except the horned
ơ/ư, whose horn widens them.
"""

from __future__ import annotations

import unicodedata

_GROUPS: dict[int, str] = {
    220: "|", 250: " ,.\u00a0", 278: "'/\\il", 333: "!()-:;[]`fjt‘’", 389: "Is", 394: "{}",
    444: "cerz", 500: "#$*0123456789?J_agovxy–“”", 520: "~", 554: "ơ", 555: '"',
    556: "Sbdhknpquđ", 570: "+<=>", 581: "^", 600: "ư", 611: "FP", 667: "BELTZ",
    722: "ACDNRUVXYwĐ", 778: "GHKOQƠ", 796: "Ư", 833: "&m", 930: "@", 944: "M",
    1000: "%W—…",
}
_WIDTHS: dict[str, int] = {char: width for width, chars in _GROUPS.items() for char in chars}
_UNKNOWN = 500
POINTS_PER_MM = 72 / 25.4


def _char_width(char: str) -> int:
    if char in _WIDTHS:
        return _WIDTHS[char]
    # NFD splits "Ộ" into "O" + marks; the horned letters are in the table already
    base = unicodedata.normalize("NFD", char)[:1]
    return _WIDTHS.get(base, _UNKNOWN)


def bold_width_pt(text: str, size_pt: float) -> float:
    """Width in points of `text` set in Times New Roman Bold at `size_pt`."""
    return sum(_char_width(char) for char in text) * size_pt / 1000


def bold_width_mm(text: str, size_pt: float) -> float:
    """Width in millimetres of `text` set in Times New Roman Bold at `size_pt`."""
    return bold_width_pt(text, size_pt) / POINTS_PER_MM
