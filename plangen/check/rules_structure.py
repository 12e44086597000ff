"""NĐ 30 rules for the structure of a plan's body: the numbering of its levels (PL1 II.6.c–đ),
its data tables, and several appendices in order (PL1 III.1).

Numbering is read from the printed text, level by level: sections I, II, … (or A, B, …) run on
from the first without a gap; items 1., 2., … start again in each section; decimal items 1.1.,
1.2. sit under the item whose number they carry; points a), b), … follow the Vietnamese
alphabet. A level may start again (a) under each item), never skip or go back. Points may be
lettered "a." as some plans write them (plangen's `point_style: letter_dot`); one list of
points keeps the form its "a" opened it with: "a) …", "b. …" is a mix.
"""

from __future__ import annotations

from plangen.check.format import Layout, Paragraph, Table
from plangen.check.parts import Parts, Ref, refs, where
from plangen.check.result import CheckResult, Finding, skipped
from plangen.check.rulekit import (
    MAX_EXAMPLES,
    RULE_REFS,
    TWIPS_PER_MM,
    result,
    title_code,
)
from plangen.labels import (
    DECIMAL,
    ITEM,
    LETTER_SECTION,
    NAMED,
    PART_HEADING,
    POINT,
    SECTION,
)
from plangen.vntext import VIETNAMESE_LETTERS

LETTERS = VIETNAMESE_LETTERS  # the alphabet of points (PL1 II.6.đ)
UPPER_LETTERS = LETTERS.upper()
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
          "X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16,
          "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20}
_ROMAN_OF = {value: key for key, value in _ROMAN.items()}
WIDTH_SLACK = 30  # twips (~0.5 mm): widths rounded by another program


class _Counter:
    """The numbers seen so far at each level, and what each next number may be."""

    def __init__(self) -> None:
        self.section = 0
        self.item = 0
        self.decimal: dict[str, int] = {}
        self.point = 0
        self.point_close = ")"  # what closes the letters of the current list of points
        self.named = 0


def check_numbering(layout: Layout, parts: Parts) -> CheckResult:
    """Each numbered level of the body runs on without a gap or a step back."""
    found: list[Finding] = []
    seen = _Counter()
    letters = None  # sections lettered A, B, … instead of I, II, …
    count = 0
    for ref in refs(parts.body):
        if not ref.first:
            continue
        text = ref.text
        if PART_HEADING.match(text):  # sections are numbered again from I in each part
            seen = _Counter()
            continue
        section = SECTION.match(text)
        lettered = LETTER_SECTION.match(text) if section is None else None
        if letters is None and (section or lettered):
            letters = lettered is not None
        if (section and not letters) or (lettered and letters):
            number = _ROMAN.get(section.group("n"), 0) if section else \
                UPPER_LETTERS.find(lettered.group("n")) + 1  # type: ignore[union-attr]
            count += 1
            if number != seen.section + 1:
                want = UPPER_LETTERS[seen.section] if letters else _ROMAN_OF.get(
                    seen.section + 1, "?")
                found.append(_finding("check_numbering_section", ref, want))
            seen = _Counter()
            seen.section = number
            continue
        count += _check_lower(ref, seen, found)
    return result("numbering", found[:MAX_EXAMPLES],
                  Finding("check_ok_numbering", {"count": count}))


def _check_lower(ref: Ref, seen: _Counter, found: list[Finding]) -> int:
    text = ref.text
    decimal = DECIMAL.match(text)
    if decimal:
        *parent, last = (int(n) for n in decimal.group("n").split("."))
        key = ".".join(str(n) for n in parent)
        if parent[0] != seen.item or (len(parent) > 1 and key not in seen.decimal):
            found.append(_finding("check_numbering_parent", ref, key))
        elif last != seen.decimal.get(key, 0) + 1:
            found.append(_finding("check_numbering_item", ref,
                                  f"{key}.{seen.decimal.get(key, 0) + 1}."))
        seen.decimal[key] = last
        seen.decimal.setdefault(f"{key}.{last}", 0)
        seen.point = seen.named = 0
        return 1
    item = ITEM.match(text)
    if item:
        number = int(item.group("n"))
        if number not in (1, seen.item + 1):
            found.append(_finding("check_numbering_item", ref, f"{seen.item + 1}."))
        seen.item = number
        seen.decimal = {str(number): 0}
        seen.point = seen.named = 0
        return 1
    point = POINT.match(text)
    if point:
        number = LETTERS.find(point.group("n")) + 1
        close = point.group("close")
        if number == 1 or seen.point == 0:
            seen.point_close = close
        if number == 0:  # "f)", "j)", "w)", "z)": not a Vietnamese letter
            found.append(_finding("check_numbering_point", ref, LETTERS[seen.point % len(LETTERS)]))
        elif number not in (1, seen.point + 1):
            found.append(_finding("check_numbering_point", ref,
                                  LETTERS[seen.point % len(LETTERS)] + seen.point_close))
        elif close != seen.point_close:  # "a) …", "b. …": one list, two forms
            found.append(_finding("check_numbering_point_style", ref,
                                  point.group("n") + seen.point_close))
        seen.point = number or seen.point + 1
        return 1
    named = NAMED.match(text)
    if named:
        number = int(named.group("n"))
        if number not in (1, seen.named + 1):
            found.append(_finding("check_numbering_item", ref, f"({seen.named + 1})"))
        seen.named = number
        return 1
    return 0


def _finding(code: str, ref: Ref, want: str) -> Finding:
    return Finding(code, {"found": ref.text.split(" ", 1)[0], "want": want}, ref.where)


# ---- data tables ---------------------------------------------------------------------------


def check_data_tables(layout: Layout, parts: Parts) -> CheckResult:
    """A data table (a bordered table of the body or an appendix) repeats its heading row on
    every page, keeps each row on one page and fits the text width of its page."""
    tables = [table for table in layout.tables if table.bordered and table.rows >= 2]
    if not tables:
        return skipped("data-tables", title_code("data-tables"), RULE_REFS["data-tables"],
                       Finding("check_skip_no_data_table"))
    sections = {section.index: section for section in layout.sections}
    paragraphs = {para.index: para for para in layout.paragraphs if para.story == "body"}
    found: list[Finding] = []
    for table in tables:
        place = where(paragraphs[table.paragraphs[0]]) if table.paragraphs and \
            table.paragraphs[0] in paragraphs else None
        if _heading_row(table, paragraphs) and not table.header_repeats:
            found.append(Finding("check_header_row", {"table": table.index}, place))
        if table.split_rows:
            found.append(Finding("check_table_row_split", {
                "table": table.index, "count": table.split_rows}, place))
        room = _text_width(sections.get(table.section))
        if room and table.width and table.width > room + WIDTH_SLACK:
            found.append(Finding("check_table_too_wide", {
                "table": table.index, "width": round(table.width / TWIPS_PER_MM),
                "room": round(room / TWIPS_PER_MM)}, place))
    return result("data-tables", found[:MAX_EXAMPLES],
                  Finding("check_ok_tables", {"count": len(tables)}))


def _heading_row(table: Table, paragraphs: dict[int, Paragraph]) -> bool:
    """Whether the table's first row reads as a heading row: all its text bold."""
    first = [ref for ref in refs([paragraphs[i] for i in table.paragraphs if i in paragraphs
                                  and paragraphs[i].row == 1])]
    return bool(first) and all(ref.bold for ref in first)


def _text_width(section: object) -> int | None:
    width = getattr(section, "width", None)
    margins = getattr(section, "margins", {}) or {}
    left, right = margins.get("left"), margins.get("right")
    if not width or left is None or right is None:
        return None
    return int(width - left - right)
