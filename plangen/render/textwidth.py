"""How wide a line of Times New Roman Bold text is, to size the short rules NĐ 30 asks for.

NĐ 30 PL1 II.2.b and II.5.b want a solid line 1/3 to 1/2 as long as the agency name and the
summary; II.1.b wants the line under the motto as long as the motto. The advance widths below
are those of Liberation Serif Bold, which is metric-compatible with Times New Roman Bold
(units per 1000 em). Vietnamese letters take the width of their base letter, except the horned
ơ/ư, whose horn widens them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

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


@lru_cache(maxsize=8192)  # a batch measures the same words and lines in every plan
def bold_width_pt(text: str, size_pt: float) -> float:
    """Width in points of `text` set in Times New Roman Bold at `size_pt`."""
    return sum(_char_width(char) for char in text) * size_pt / 1000


def bold_width_mm(text: str, size_pt: float) -> float:
    """Width in millimetres of `text` set in Times New Roman Bold at `size_pt`."""
    return bold_width_pt(text, size_pt) / POINTS_PER_MM


def balanced_lines(text: str, size_pt: float, room_pt: float) -> list[str]:
    """`text` broken into as few lines as fit `room_pt`, the lines as even as possible.

    A centered title that wraps on its own leaves a last line of one or two words ("… trên
    địa bàn phường Buôn Ma / Thuột"); even lines read as one block (NĐ 30 PL1 II.5.b).
    """
    # split at plain spaces only: a draft's blank ("số      /QĐ-UBND") is no-break spaces
    words = [word for word in text.split(" ") if word]
    if not words:
        return [text]
    space = bold_width_pt(" ", size_pt)
    widths = [bold_width_pt(word, size_pt) for word in words]
    total = sum(widths) + space * (len(words) - 1)
    # 2% slack: the word processor's own metrics and kerning differ a little from ours
    usable = room_pt * 0.98
    if total <= usable:
        return [" ".join(words)]
    two = _two_lines(words, widths, space, usable)
    if two is not None:
        return two
    for count in range(3, len(words) + 1):
        split = even_split(widths, space, count, usable)
        if split is not None:
            return [" ".join(words[start:end]) for start, end in split]
    return [" ".join(words)]


# Words that open a phrase: a break before them keeps compounds such as "nhân tạo" whole.
PHRASE_STARTS = frozenset({"trên", "của", "về", "và", "theo", "tại", "đến", "cho", "giai",
                           "năm", "nhằm", "để", "thực", "triển", "TRÊN", "CỦA", "VỀ", "VÀ",
                           "THEO", "TẠI", "ĐẾN", "CHO", "GIAI", "NĂM", "NHẰM", "ĐỂ",
                           # names of documents: "Luật Trí tuệ nhân tạo", "Kế hoạch số …"
                           "Luật", "LUẬT", "Kế", "KẾ", "Quyết", "QUYẾT", "Nghị", "NGHỊ",
                           "Chương", "CHƯƠNG", "Đề", "ĐỀ"})
EVEN_ENOUGH = 1.15  # a phrase break may make the wider line up to 15% wider than the best


def _two_lines(words: list[str], widths: list[float], space: float,
               room: float) -> list[str] | None:
    """The best two-line split: even, preferring a break at a phrase boundary."""
    def width(start: int, end: int) -> float:
        return sum(widths[start:end]) + space * (end - start - 1)

    options = [(max(width(0, cut), width(cut, len(words))), cut)
               for cut in range(1, len(words))]
    options = [(widest, cut) for widest, cut in options if widest <= room]
    if not options:
        return None
    best = min(widest for widest, _ in options)
    good = [(widest, cut) for widest, cut in options if widest <= best * EVEN_ENOUGH
            and (words[cut] in PHRASE_STARTS or words[cut - 1].endswith((",", ";", ":")))]
    _, cut = min(good or options)
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def even_split(widths: list[float], space: float, count: int, room: float,
                starts: frozenset[int] | None = None) -> list[tuple[int, int]] | None:
    """Word ranges for `count` lines that minimise the widest line, or None if none fit.

    `starts`, when given, are the only word indexes a line after the first may start at.
    """
    size = len(widths)
    if count * room + _SLACK_PT < sum(widths) + space * (size - count):
        return None  # the words do not fit `count` lines, however they are cut
    inf = float("inf")
    # best[k][i]: the narrowest possible widest line setting the first i words in k lines
    best = [[inf] * (size + 1) for _ in range(count + 1)]
    cut = [[0] * (size + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for lines in range(1, count + 1):
        for end in range(1, size + 1):
            for start, line in fitting_starts(widths, space, room, lines - 1, end):
                if start and starts is not None and start not in starts:
                    continue
                if best[lines - 1][start] == inf:
                    continue
                widest = max(best[lines - 1][start], line)
                if widest <= best[lines][end]:  # the starts come last first: keep the first
                    best[lines][end], cut[lines][end] = widest, start
    if best[count][size] == inf:
        return None
    ranges, end = [], size
    for lines in range(count, 0, -1):
        start = cut[lines][end]
        ranges.append((start, end))
        end = start
    return ranges[::-1]


def fitting_starts(widths: Sequence[float], space: float, room: float, first: int,
                   end: int) -> Iterator[tuple[int, float]]:
    """Each start (from `end - 1` down to `first`) of a line ending before word `end` that
    fits `room`, with the line's width: a line only widens as its start moves back, so the
    walk stops at the first that does not fit (a line-breaking search is then linear in the
    words a line can hold, not in all the words)."""
    line = -space
    for start in range(end - 1, first - 1, -1):
        line += widths[start] + space
        if line > room + _SLACK_PT:
            return
        exact = sum(widths[start:end]) + space * (end - start - 1)  # as the sums always were
        if exact <= room:
            yield start, exact


_SLACK_PT = 1e-6  # the running sum and the exact one differ in their last bits only
