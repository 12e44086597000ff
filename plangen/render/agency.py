"""The agency lines of the header (NĐ 30 ô 2) broken at phrase boundaries, and the column they need.

PL1 II.2.c lets a long agency name run over several lines. Left to the word processor, a name
wider than its column wraps wherever the last word falls ("SỞ NÔNG NGHIỆP VÀ MÔI" / "TRƯỜNG");
here a line that does not fit is broken into even lines at the joints of the name instead:
before "VÀ", before the kind of a unit ("ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG TRỊ"), after a
hyphen joining two place names, after a comma; between a unit's kind and its name
("PHƯỜNG" / "TRƯƠNG QUANG TRỌNG") only when nothing better fits; anywhere only when the name
has no joint at all. A line that fits its column is printed as it is.

The column may grow towards the Quốc hiệu, never into the margins (PL1 I.3): the right column
keeps the room its widest line needs (the 95.7 mm Quốc hiệu at 13 pt). The official Mẫu 1.4
grid (67.5 mm + 100 mm) is about that limit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from plangen.render.textwidth import bold_width_pt, even_split, fitting_starts

TWIPS_PER_PT = 20
SLACK = 0.98  # the word processor's metrics differ a little from ours (as balanced_lines)
# joints of an agency name, best first: a break before these words ...
_BEFORE = frozenset({"VÀ", "CỦA", "VỀ", "THUỘC"})
# ... or before a unit's kind ("THÀNH PHỐ", "THỊ XÃ" are two words)
_KINDS = (("TỈNH",), ("THÀNH", "PHỐ"), ("XÃ",), ("PHƯỜNG",), ("ĐẶC", "KHU"), ("HUYỆN",),
          ("QUẬN",), ("THỊ", "XÃ"), ("THỊ", "TRẤN"))
BEST, LIST, KIND_NAME, ANYWHERE = 0, 1, 2, 3


def _kind_at(words: Sequence[str], index: int) -> int:
    """The length of the unit kind starting at `words[index]`, else 0."""
    for kind in _KINDS:
        if tuple(words[index:index + len(kind)]) == kind:
            return len(kind)
    return 0


def _joint(words: Sequence[str], index: int) -> int:
    """How good a line break before `words[index]` is (BEST … ANYWHERE)."""
    previous, word = words[index - 1], words[index]
    if word in ("-", "–"):
        return ANYWHERE  # a line never starts with the hyphen
    if previous in ("-", "–") or word in _BEFORE:
        return BEST
    # "THỊ XÃ": the "XÃ" is part of the kind before it
    if _kind_at(words, index) and not (word == "XÃ" and previous == "THỊ"):
        return BEST
    if previous.endswith((",", ";")):
        return LIST
    for start in range(max(index - 2, 0), index):
        if _kind_at(words, start) == index - start:
            return KIND_NAME
    return ANYWHERE


def agency_lines(text: str, size_pt: float, room_pt: float) -> list[str]:
    """`text` (one header line, in capitals) as the lines it prints in `room_pt`."""
    words = [word for word in text.split(" ") if word]
    space = bold_width_pt(" ", size_pt)
    widths = [bold_width_pt(word, size_pt) for word in words]
    usable = room_pt * SLACK
    if len(words) < 2 or sum(widths) + space * (len(words) - 1) <= usable:
        return [text]
    costs = [0, *(_COST[_joint(words, index)] for index in range(1, len(words)))]
    fewest = next((count for count in range(2, len(words) + 1)
                   if even_split(widths, space, count, usable) is not None), None)
    if fewest is None:  # a single word wider than the column: nothing helps
        return [text]
    # one more line than the fewest possible is worth it for a better joint, not more
    options = [(found[0], count, found[1], found[2])
               for count in range(fewest, min(fewest + 1, len(words)) + 1)
               if (found := _joint_split(widths, space, count, usable, costs)) is not None]
    *_, ranges = min(options)
    return [" ".join(words[start:end]) for start, end in ranges]


_COST = {BEST: 0, LIST: 1, KIND_NAME: 2, ANYWHERE: 5}


def _joint_split(widths: Sequence[float], space: float, count: int, room: float,
                 costs: Sequence[int]) -> tuple[int, float, list[tuple[int, int]]] | None:
    """Word ranges for `count` lines that fit `room`: the cheapest joints (`costs[i]`: a line
    starting at word i), then the narrowest widest line; with that cost and width."""
    size = len(widths)
    # best[k][i]: (cost, widest line) setting the first i words in k lines; cost adds up, so
    # the cheapest prefix is always part of the cheapest whole
    best: list[list[tuple[int, float] | None]] = [[None] * (size + 1)
                                                  for _ in range(count + 1)]
    cut = [[0] * (size + 1) for _ in range(count + 1)]
    best[0][0] = (0, 0.0)
    for lines in range(1, count + 1):
        for end in range(lines, size + 1):
            for start, line in fitting_starts(widths, space, room, lines - 1, end):
                before = best[lines - 1][start]
                if before is None:
                    continue
                option = (before[0] + costs[start], max(before[1], line))
                current = best[lines][end]
                if current is None or option <= current:  # last first: keep the first start
                    best[lines][end], cut[lines][end] = option, start
    found = best[count][size]
    if found is None:
        return None
    ranges, end = [], size
    for lines in range(count, 0, -1):
        start = cut[lines][end]
        ranges.append((start, end))
        end = start
    return found[0], found[1], ranges[::-1]


@dataclass(frozen=True)
class HeaderColumns:
    """The header table as the template draws it: what the agency column may grow to."""

    agency: int  # the agency column's width, twips
    total: int  # the table's width (both columns), twips
    margins: int  # left + right cell margins of a cell, twips
    right_need_pt: float  # the widest fixed line of the other column (the Quốc hiệu), pt
    tagged_size_pt: float  # the size of the other column's filled-in line (the date line)


@dataclass(frozen=True)
class AgencyBlock:
    """The agency lines as printed, and the column width they take."""

    header_lines: tuple[tuple[str, ...], ...]  # each given line as its printed lines
    parent: tuple[str, ...] | None
    width: int  # the agency column, twips (the template's unless a line needed more)
    room: int  # that width less the cell margins, twips

    @property
    def broken(self) -> bool:
        """Whether any given line prints as more than one."""
        lines = (*self.header_lines, *((self.parent,) if self.parent else ()))
        return any(len(printed) > 1 for printed in lines)


def agency_block(header_lines: Sequence[str], parent: str | None, size_pt: float,
                 columns: HeaderColumns, filled_right: str) -> AgencyBlock:
    """The header's agency lines broken where they must, in a column as wide as they need.

    `filled_right` is the other column's filled-in line for this plan (the place and date),
    measured at `columns.tagged_size_pt`: the column may not grow so far that it wraps.
    """
    room = columns.agency - columns.margins
    given = (*header_lines, *((parent,) if parent else ()))
    if all(bold_width_pt(line, size_pt) <= room / TWIPS_PER_PT * SLACK for line in given):
        return AgencyBlock(tuple((line,) for line in header_lines),
                           (parent,) if parent else None, columns.agency, room)
    right_need = max(columns.right_need_pt, bold_width_pt(filled_right, columns.tagged_size_pt))
    right = math.ceil(right_need / SLACK * TWIPS_PER_PT) + columns.margins
    widest_room = max(room, columns.total - right - columns.margins)
    printed = [tuple(agency_lines(line, size_pt, widest_room / TWIPS_PER_PT)) for line in given]
    needed = max(math.ceil(bold_width_pt(line, size_pt) / SLACK * TWIPS_PER_PT)
                 for lines in printed for line in lines)
    new_room = min(max(room, needed), widest_room)
    lines = tuple(printed[:len(header_lines)])
    return AgencyBlock(lines, printed[-1] if parent else None,
                       new_room + columns.margins, new_room)
