"""Where each block of a free plan stands, as the printed plan numbers it: "III.1.2",
"III.2.a", "V.1 (2)"; "Phần II, I.1" in a plan laid out in parts ("Phần III.2": item 2
right under part III's title).

A tracked task is named by its place so that an officer finds it in the signed plan: the
section's number ("III", or "C" where sections are lettered), the numbers of the items
above it and its own ("1.2"), a point's letter ("a"). A block the plan does not number (a
"- " or "+ " line, a paragraph) takes the place of what it hangs under and its rank among
those unnumbered lines: "V.1 (2)". The numbering follows the render's (render/free_layout):
items count within their sibling list and nest ("1.2."), points letter within theirs.
"""

from __future__ import annotations

from plangen.freeform import Block, FreeSection
from plangen.vntext import letter, roman, upper


def section_number(index: int, numbering: str) -> str:
    """I, II, … or A, B, … (Vietnamese letter order) for the `index`-th section (0-based)."""
    return upper(letter(index)) if numbering == "letter" else roman(index + 1)


def part_label(index: int) -> str:
    """ "Phần I", "Phần II" … for the `index`-th part (0-based), as NĐ 30 PL1 II.6.đ prints it."""
    return f"Phần {roman(index + 1)}"


def section_heads(sections: tuple[FreeSection, ...], numbering: str
                  ) -> list[tuple[str | None, str | None]]:
    """For each section: the part label it opens ("Phần II", else None) and its number,
    which starts again at I (or A) in each part; None for a part's content without a
    heading of its own (items right under the part's title)."""
    heads: list[tuple[str | None, str | None]] = []
    parts = in_part = 0
    for section in sections:
        opened = None
        if section.part is not None:
            opened, parts, in_part = part_label(parts), parts + 1, 0
        if not section.heading:
            heads.append((opened, None))
            continue
        heads.append((opened, section_number(in_part, numbering)))
        in_part += 1
    return heads


def printed_places(sections: tuple[FreeSection, ...], numbering: str) -> dict[int, str]:
    """id() of every block of `sections` -> its place ("III.1.2"; "Phần II, III.1.2" in a plan
    laid out in parts); the blocks are the caller's, alive while the mapping is used."""
    places: dict[int, str] = {}
    part = None
    for section, (opened, number) in zip(sections, section_heads(sections, numbering),
                                         strict=True):
        part = opened or part
        head = (number or "") if part is None else f"{part}, {number}" if number else part
        _walk(section.content, head, (), places, head)
    return places


def _walk(blocks: tuple[Block, ...], head: str, number: tuple[int, ...],
          places: dict[int, str], above: str) -> None:
    """`above`: the place of what these blocks hang under (the section's number at first)."""
    items = points = plain = 0
    for block in blocks:
        own = number
        if block.kind == "item":
            items += 1
            own = (*number, items)
            place = ".".join((head, *map(str, own)))
        elif block.kind == "point":
            points += 1
            place = f"{above}.{letter(points - 1)}"
        else:
            plain += 1
            place = f"{above} ({plain})"
        places[id(block)] = place
        _walk(block.content, head, own, places, place)
