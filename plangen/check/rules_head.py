"""NĐ 30 rules for the page and the top of a KẾ HOẠCH: paper, margins, fonts, the header block,
the number and date lines, the title and summary (PL1 I.1–I.4, II.1–II.5).

Each rule is a small function over the read document returning a `CheckResult`; PL1 is Phụ lục I
of the decree (../shared/reference/nd30-format.md quotes each rule).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable

from plangen.check.format import Layout, Paragraph
from plangen.check.parts import DATE_LINE, MOTTO, Parts, Ref, norm
from plangen.check.result import CheckResult, Finding
from plangen.check.rulekit import (
    A4,
    MARGIN_SLACK_MM,
    MARGINS_MM,
    PAPER_SLACK,
    SYMBOL,
    TNR,
    TWIPS_PER_MM,
    check_align,
    check_bold,
    check_caps,
    check_italic,
    check_size,
    grouped,
    missing,
    result,
    section_where,
    t,
)
from plangen.check.rules_marks import is_stamp, red

# ---- page -----------------------------------------------------------------------------------


def check_paper(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 I.1: A4 paper in every section."""
    found = []
    for section in layout.sections:
        size = sorted((section.width or 0, section.height or 0))
        if abs(size[0] - A4[0]) > PAPER_SLACK or abs(size[1] - A4[1]) > PAPER_SLACK:
            found.append(Finding("check_paper_bad", {
                "width": (section.width or 0) / TWIPS_PER_MM,
                "height": (section.height or 0) / TWIPS_PER_MM}, section_where(section)))
    return result("paper", found,
                   Finding("check_ok_paper", {"count": len(layout.sections)}))


def check_margins(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 I.3: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm, in every section."""
    found = []
    for section in layout.sections:
        for side, (low, high) in MARGINS_MM.items():
            twips = section.margins.get(side)
            value = round((twips or 0) / TWIPS_PER_MM, 1)
            if twips is None or not low - MARGIN_SLACK_MM <= value <= high + MARGIN_SLACK_MM:
                found.append(Finding("check_margin_bad", {
                    "side": t(f"side_{side}"), "found": value, "want": (low, high)},
                    section_where(section)))
    first = layout.sections[0].margins if layout.sections else {}
    shown = {side: round((first.get(side) or 0) / TWIPS_PER_MM, 1) for side in MARGINS_MM}
    return result("margins", found, Finding("check_ok_margins", shown))


# ---- fonts ----------------------------------------------------------------------------------


def check_fonts(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 I.4: Times New Roman, black, everywhere text is printed (the urgency stamp is red,
    PL1 III.2.b)."""
    fonts: dict[str, list[tuple[Paragraph, dict[str, object]]]] = {}
    colors: dict[str, list[tuple[Paragraph, dict[str, object]]]] = {}
    for para in _all_paragraphs(layout):
        for run in para.runs:
            if not run.text.strip():
                continue
            # Word shows ASCII in the w:ascii font and Vietnamese letters in w:hAnsi
            if run.font == run.font_hansi or run.text.isascii():
                used = [run.font]
            else:
                used = [run.font_hansi] + ([run.font] if any(
                    ch.isascii() and ch.isalnum() for ch in run.text) else [])
            for font in used:
                if font != "Times New Roman" and (font or "").strip().casefold() != TNR:
                    name = font or "?"
                    fonts.setdefault(name, []).append((para, {"font": font or t("no_font")}))
            if not _black(run.color) and not (red(run.color) and is_stamp(para, parts)):
                colors.setdefault(run.color or "", []).append((para, {"color": run.color}))
    found = []
    for examples in fonts.values():
        found += grouped("check_font_bad", _unique_paragraphs(examples))
    for examples in colors.values():
        found += grouped("check_color_bad", _unique_paragraphs(examples))
    return result("fonts", found, Finding("check_ok_fonts"))


def _black(color: str | None) -> bool:
    return color is None or color.lower() in ("000000", "text1", "dark1")


def _unique_paragraphs(
        examples: list[tuple[Paragraph, dict[str, object]]]
) -> list[tuple[Paragraph, dict[str, object]]]:
    seen: set[tuple[str, int]] = set()
    out = []
    for para, params in examples:
        key = (para.story, para.index)
        if key not in seen:
            seen.add(key)
            out.append((para, params))
    return out


def _all_paragraphs(layout: Layout) -> Iterable[Paragraph]:
    yield from layout.paragraphs
    seen: set[int] = set()
    for section in layout.sections:
        for story in (*section.headers.values(), *section.footers.values()):
            if story and id(story) not in seen:
                seen.add(id(story))
                yield from story


# ---- header block ---------------------------------------------------------------------------


def check_header_block(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.1–2: Quốc hiệu caps bold 12–13; Tiêu ngữ bold 13–14, one size up, with "-";
    the agency name caps, bold, 12–13, to the left."""
    found: list[Finding] = []
    national, motto = parts.national, parts.motto
    if national is None:
        found.append(missing("national"))
    else:
        check_bold(national, "national", True, found)
        check_size(national, "national", 12, 13, found)
        if national.italic:
            found.append(Finding("check_italic", {"what": t("national")}, national.where))
    if motto is None:
        found.append(missing("motto"))
    else:
        if motto.text != MOTTO:
            found.append(Finding("check_text", {"what": t("motto"), "found": motto.text,
                                                "want": MOTTO}, motto.where))
        check_bold(motto, "motto", True, found)
        check_size(motto, "motto", 13, 14, found)
        if national is not None and national.sizes and motto.sizes \
                and motto.sizes[0] - national.sizes[0] != 1:
            # PL1 V footnote: sizes move together, Quốc hiệu 13 / Tiêu ngữ 14 or 12 / 13
            found.append(Finding("check_motto_size_pair", {
                "national": national.sizes[0], "motto": motto.sizes[0]}, motto.where))
    _check_agency(parts, found)
    ok = Finding("check_ok_header", {"agency": " / ".join(ref.text for ref in parts.agency)})
    return result("header-block", found, ok)


def _check_agency(parts: Parts, found: list[Finding]) -> None:
    if not parts.agency:
        found.append(missing("agency"))
        return
    for ref in parts.agency:
        check_caps(ref, "agency", True, found)
        check_size(ref, "agency", 12, 13, found)
    # the issuing agency is bold; a parent agency line above it is not (PL1 II.2.b)
    check_bold(parts.agency[-1], "agency", True, found)
    national = parts.national
    last = parts.agency[-1].para
    if national is not None and national.para.table is not None and \
            (last.cell or 0) > (national.para.cell or 0):
        found.append(Finding("check_agency_side", {}, parts.agency[-1].where))


# ---- number and date ------------------------------------------------------------------------


def check_number_line(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.3: "Số: 05/KH-UBND": 13 pt, upright; a leading 0 below 10; the symbol in capitals
    joined by "-"."""
    ref = parts.number
    if ref is None:
        return result("number-line", [missing("number_line")], Finding("check_ok"))
    found: list[Finding] = []
    text = ref.text
    if not text.startswith("Số"):
        found.append(Finding("check_text", {"what": t("number_word"), "found": text[:2],
                                            "want": "Số"}, ref.where))
    number, _, symbol = text.split(":", 1)[1].partition("/")
    number, symbol = norm(number), norm(symbol)
    if number.isdigit() and int(number) < 10 and len(number) < 2:
        found.append(Finding("check_number_zero", {"found": number,
                                                   "want": f"{int(number):02d}"}, ref.where))
    if not symbol or not SYMBOL.match(symbol):
        found.append(Finding("check_symbol_bad", {"found": symbol}, ref.where))
    check_size(ref, "number_line", 13, 13, found)
    check_bold(ref, "number_line", False, found)
    check_italic(ref, "number_line", False, found)
    return result("number-line", found, Finding("check_ok_text", {"text": text}))


def check_date_line(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.4: "Đắk Lắk, ngày 05 tháng 02 năm 2026": italic, 13–14 pt; days below 10 and
    months 1–2 with a leading 0, months 3–12 without."""
    ref = parts.date
    if ref is None:
        return result("date-line", [missing("date_line")], Finding("check_ok"))
    found: list[Finding] = []
    match = DATE_LINE.match(ref.text)
    assert match is not None  # how parts found it
    day, month, year = match.group("day"), match.group("month"), match.group("year")
    if day.isdigit() and int(day) < 10 and len(day) != 2:
        found.append(Finding("check_day_zero", {"found": day, "want": f"{int(day):02d}"},
                             ref.where))
    if month.isdigit() and 1 <= int(month) <= 2 and len(month) != 2:
        found.append(Finding("check_month_zero", {"found": month, "want": f"{int(month):02d}"},
                             ref.where))
    if month.isdigit() and int(month) >= 3 and month.startswith("0"):
        found.append(Finding("check_month_extra_zero", {"found": month,
                                                        "want": str(int(month))}, ref.where))
    _check_real_date(day, month, year, ref, found)
    place = match.group("place").strip()
    if place[:1] != place[:1].upper():
        found.append(Finding("check_place_capital", {"found": place}, ref.where))
    check_italic(ref, "date_line", True, found)
    check_bold(ref, "date_line", False, found)
    check_size(ref, "date_line", 13, 14, found)
    return result("date-line", found, Finding("check_ok_text", {"text": ref.text}))


def _check_real_date(day: str, month: str, year: str, ref: Ref, found: list[Finding]) -> None:
    if not (month.isdigit() and year.isdigit()) or not 1 <= int(month) <= 12:
        if month.isdigit():
            found.append(Finding("check_date_invalid", {"found": f"{day}/{month}/{year}"},
                                 ref.where))
        return
    last = calendar.monthrange(int(year), int(month))[1] if int(year) > 0 else 31
    if day.isdigit() and not 1 <= int(day) <= last:
        found.append(Finding("check_date_invalid", {"found": f"{day}/{month}/{year}"},
                             ref.where))


# ---- title and body -------------------------------------------------------------------------


def check_title(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.5.b: "KẾ HOẠCH" caps, bold, centered, 13–14 pt; the trích yếu under it bold,
    centered, in sentence case, without "V/v"."""
    found: list[Finding] = []
    if parts.title is None:
        return result("title", [missing("doc_type")], Finding("check_ok"))
    title = parts.title
    check_bold(title, "doc_type", True, found)
    check_italic(title, "doc_type", False, found)
    check_size(title, "doc_type", 13, 14, found)
    check_align(title.para, "doc_type", "center", found)
    if not parts.summary:
        found.append(missing("summary"))
    summary_found: list[Finding] = []
    for ref in parts.summary:
        check_bold(ref, "summary", True, summary_found)
        check_italic(ref, "summary", False, summary_found)
        check_size(ref, "summary", 13, 14, summary_found)
        check_caps(ref, "summary", False, summary_found)
    # one finding per problem and paragraph, however many lines or runs the paragraph has
    seen: set[tuple[str, int | None]] = set()
    for finding in summary_found:
        key = (finding.code, finding.where.paragraph if finding.where else None)
        if key not in seen:
            seen.add(key)
            found.append(finding)
    if parts.summary:
        check_align(parts.summary[0].para, "summary", "center", found)
        if parts.summary[0].text.lower().startswith("v/v"):
            found.append(Finding("check_summary_vv", {}, parts.summary[0].where))
    summary = " ".join(ref.text for ref in parts.summary)
    return result("title", found, Finding("check_ok_text", {"text": summary}))
