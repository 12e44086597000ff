"""The NĐ 30/2020 format rules of a KẾ HOẠCH, each a small function over the read document.

Each rule returns a `CheckResult`: pass or fail (or skip when it does not apply), what was found
and where. PL1 is Phụ lục I of the decree; ../shared/reference/nd30-format.md quotes each rule.
Rules never read XML: they look at the `Layout` from check_format and the `Parts` found in it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from plangen.check_format import Layout, Paragraph, Section
from plangen.check_parts import (
    DATE_LINE,
    MOTTO,
    Parts,
    Ref,
    find_parts,
    norm,
    refs,
    where,
)
from plangen.check_result import CheckResult, Finding, Term, Where, fail, passed, skipped

TWIPS_PER_MM = 1440 / 25.4
A4 = (11906, 16838)
PAPER_SLACK = 60  # twips (~1 mm): A4 saved by other programs is 11900 × 16840
MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
MARGIN_SLACK_MM = 0.2  # 2 cm typed in Word is stored as 1134 twips = 20.004 mm
INDENTS_CM = (1.0, 1.27)  # PL1 II.6.e
INDENT_SLACK_CM = 0.05
MIN_GAP_TWIPS = 120  # 6 pt
TNR = "times new roman"
MAX_EXAMPLES = 5
_ROMAN_HEADING = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.\s*\S")
_PART_HEADING = re.compile(r"^(phần|chương)\s+[IVXLC\d]+", re.IGNORECASE)
_ITEM_HEADING = re.compile(r"^\d{1,2}\.\s+\S")
_POINT_HEADING = re.compile(r"^[a-zđ]\)\s+\S")
_SYMBOL = re.compile(r"^[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$")
_BLANK = re.compile(r"^[\s.…_]*$")
_HONORIFICS = re.compile(r"^(TS|ThS|PGS|GS|KS|BS|CN|Ông|Bà)\b\.?", re.IGNORECASE)
_AUTHORITY = ("TM.", "KT.", "Q.", "TL.", "TUQ.")

Rule = Callable[[Layout, Parts], CheckResult]
# where each rule is written (PL1 = Phụ lục I of NĐ 30/2020/NĐ-CP)
RULE_REFS = {
    "paper": "PL1 I.1", "margins": "PL1 I.3", "fonts": "PL1 I.4",
    "header-block": "PL1 II.1, II.2", "number-line": "PL1 II.3", "date-line": "PL1 II.4",
    "title": "PL1 II.5.b", "body-text": "PL1 II.6.e", "headings": "PL1 II.6.đ",
    "recipients": "PL1 II.9", "signature": "PL1 II.7", "page-numbers": "PL1 I.7",
    "appendix": "PL1 III.1", "appendix-header-row": "PL1 III.1",
}


def t(code: str) -> Term:
    """A catalog word as a message parameter."""
    return Term(f"check_term_{code}")


def _size_range(low: float, high: float) -> tuple[float, float]:
    return (low, high)


def _check_size(ref: Ref, what: str, low: float, high: float, found: list[Finding]) -> None:
    sizes = ref.sizes
    bad = [size for size in sizes if not low - 0.01 <= size <= high + 0.01]
    if bad:
        found.append(Finding("check_size", {"what": t(what), "found": bad[0],
                                            "want": _size_range(low, high)}, ref.where))


def _check_bold(ref: Ref, what: str, want: bool, found: list[Finding]) -> None:
    if ref.bold != want:
        found.append(Finding("check_not_bold" if want else "check_bold", {"what": t(what)},
                             ref.where))


def _check_italic(ref: Ref, what: str, want: bool, found: list[Finding]) -> None:
    if ref.italic != want:
        found.append(Finding("check_not_italic" if want else "check_italic", {"what": t(what)},
                             ref.where))


def _check_align(para: Paragraph, what: str, want: str, found: list[Finding],
                 accept: tuple[str, ...] = ()) -> None:
    if para.look.align != want and para.look.align not in accept:
        found.append(Finding("check_align", {"what": t(what),
                                             "found": t(f"align_{para.look.align}"),
                                             "want": t(f"align_{want}")}, where(para)))


def _check_caps(ref: Ref, what: str, want: bool, found: list[Finding]) -> None:
    text = ref.text
    letters = [ch for ch in text if ch.isalpha()]
    is_caps = bool(letters) and text == text.upper()
    if is_caps != want:
        found.append(Finding("check_not_caps" if want else "check_caps", {"what": t(what)},
                             ref.where))


def _title(check_id: str) -> str:
    return f"check_title_{check_id.replace('-', '_')}"


def _result(check_id: str, found: list[Finding], ok: Finding) -> CheckResult:
    title, rule = _title(check_id), RULE_REFS[check_id]
    return fail(check_id, title, rule, found) if found else passed(check_id, title, rule, ok)


def _missing(what: str) -> Finding:
    return Finding("check_missing", {"what": t(what)})


def _grouped(code: str, examples: list[tuple[Paragraph, dict[str, object]]]) -> list[Finding]:
    """One finding for many paragraphs with the same problem: the count and the first one."""
    if not examples:
        return []
    para, params = examples[0]
    return [Finding(code, {**params, "count": len(examples)}, where(para))]


# ---- page -----------------------------------------------------------------------------------


def check_paper(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 I.1: A4 paper in every section."""
    found = []
    for section in layout.sections:
        size = sorted((section.width or 0, section.height or 0))
        if abs(size[0] - A4[0]) > PAPER_SLACK or abs(size[1] - A4[1]) > PAPER_SLACK:
            found.append(Finding("check_paper_bad", {
                "width": (section.width or 0) / TWIPS_PER_MM,
                "height": (section.height or 0) / TWIPS_PER_MM}, _section_where(section)))
    return _result("paper", found,
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
                    _section_where(section)))
    first = layout.sections[0].margins if layout.sections else {}
    shown = {side: round((first.get(side) or 0) / TWIPS_PER_MM, 1) for side in MARGINS_MM}
    return _result("margins", found, Finding("check_ok_margins", shown))


def _section_where(section: Section) -> Where:
    return Where(story="section", section=section.index)


# ---- fonts ----------------------------------------------------------------------------------


def check_fonts(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 I.4: Times New Roman, black, everywhere text is printed."""
    fonts: dict[str, list[tuple[Paragraph, dict[str, object]]]] = {}
    colors: dict[str, list[tuple[Paragraph, dict[str, object]]]] = {}
    for para in _all_paragraphs(layout):
        for run in para.runs:
            if not run.text.strip():
                continue
            ascii_part = any(ch.isascii() and ch.isalnum() for ch in run.text)
            wide_part = any(not ch.isascii() for ch in run.text)
            used = [run.font] if ascii_part else []
            used += [run.font_hansi] if wide_part else []
            for font in used:
                if (font or "").strip().casefold() != TNR:
                    name = font or "?"
                    fonts.setdefault(name, []).append((para, {"font": font or t("no_font")}))
            if not _black(run.color):
                colors.setdefault(run.color or "", []).append((para, {"color": run.color}))
    found = []
    for examples in fonts.values():
        found += _grouped("check_font_bad", _unique_paragraphs(examples))
    for examples in colors.values():
        found += _grouped("check_color_bad", _unique_paragraphs(examples))
    return _result("fonts", found, Finding("check_ok_fonts"))


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
        found.append(_missing("national"))
    else:
        _check_bold(national, "national", True, found)
        _check_size(national, "national", 12, 13, found)
        if national.italic:
            found.append(Finding("check_italic", {"what": t("national")}, national.where))
    if motto is None:
        found.append(_missing("motto"))
    else:
        if motto.text != MOTTO:
            found.append(Finding("check_text", {"what": t("motto"), "found": motto.text,
                                                "want": MOTTO}, motto.where))
        _check_bold(motto, "motto", True, found)
        _check_size(motto, "motto", 13, 14, found)
        if national is not None and national.sizes and motto.sizes \
                and motto.sizes[0] - national.sizes[0] != 1:
            # PL1 V footnote: sizes move together, Quốc hiệu 13 / Tiêu ngữ 14 or 12 / 13
            found.append(Finding("check_motto_size_pair", {
                "national": national.sizes[0], "motto": motto.sizes[0]}, motto.where))
    _check_agency(parts, found)
    ok = Finding("check_ok_header", {"agency": " / ".join(ref.text for ref in parts.agency)})
    return _result("header-block", found, ok)


def _check_agency(parts: Parts, found: list[Finding]) -> None:
    if not parts.agency:
        found.append(_missing("agency"))
        return
    for ref in parts.agency:
        _check_caps(ref, "agency", True, found)
        _check_size(ref, "agency", 12, 13, found)
    # the issuing agency is bold; a parent agency line above it is not (PL1 II.2.b)
    _check_bold(parts.agency[-1], "agency", True, found)
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
        return _result("number-line", [_missing("number_line")], Finding("check_ok"))
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
    if not symbol or not _SYMBOL.match(symbol):
        found.append(Finding("check_symbol_bad", {"found": symbol}, ref.where))
    _check_size(ref, "number_line", 13, 13, found)
    _check_bold(ref, "number_line", False, found)
    _check_italic(ref, "number_line", False, found)
    return _result("number-line", found, Finding("check_ok_text", {"text": text}))


def check_date_line(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.4: "Đắk Lắk, ngày 05 tháng 02 năm 2026": italic, 13–14 pt; days below 10 and
    months 1–2 with a leading 0, months 3–12 without."""
    ref = parts.date
    if ref is None:
        return _result("date-line", [_missing("date_line")], Finding("check_ok"))
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
    _check_italic(ref, "date_line", True, found)
    _check_bold(ref, "date_line", False, found)
    _check_size(ref, "date_line", 13, 14, found)
    return _result("date-line", found, Finding("check_ok_text", {"text": ref.text}))


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
        return _result("title", [_missing("doc_type")], Finding("check_ok"))
    title = parts.title
    _check_bold(title, "doc_type", True, found)
    _check_italic(title, "doc_type", False, found)
    _check_size(title, "doc_type", 13, 14, found)
    _check_align(title.para, "doc_type", "center", found)
    if not parts.summary:
        found.append(_missing("summary"))
    for ref in parts.summary:
        _check_bold(ref, "summary", True, found)
        _check_italic(ref, "summary", False, found)
        _check_size(ref, "summary", 13, 14, found)
        _check_caps(ref, "summary", False, found)
    if parts.summary:
        _check_align(parts.summary[0].para, "summary", "center", found)
        if parts.summary[0].text.lower().startswith("v/v"):
            found.append(Finding("check_summary_vv", {}, parts.summary[0].where))
    summary = " ".join(ref.text for ref in parts.summary)
    return _result("title", found, Finding("check_ok_text", {"text": summary}))


def _is_section_heading(para: Paragraph) -> bool:
    text = norm(f"{para.label} {para.text}")
    return bool(_ROMAN_HEADING.match(text) or _PART_HEADING.match(text))


def check_body_text(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.6.e: body text justified, first line indented 1 or 1.27 cm, at least 6 pt between
    paragraphs, line spacing from single to 1.5 lines, 13–14 pt."""
    if not parts.body:
        return _result("body-text", [_missing("body")], Finding("check_ok"))
    problems: dict[str, list[tuple[Paragraph, dict[str, object]]]] = {}
    previous: Paragraph | None = None
    for para in parts.body:
        for code, params in _body_problems(para, previous):
            problems.setdefault(code, []).append((para, params))
        previous = para
    found = [finding for code, examples in problems.items()
             for finding in _grouped(code, examples)]
    return _result("body-text", found,
                   Finding("check_ok_body", {"count": len(parts.body)}))


Problems = list[tuple[str, dict[str, object]]]


def _body_problems(para: Paragraph, previous: Paragraph | None) -> Problems:
    look = para.look
    out: Problems = []
    heading = _is_section_heading(para)  # NĐ 30 sets no alignment or indent for "I." headings
    if not heading and look.align != "both":
        out.append(("check_body_align", {"found": t(f"align_{look.align}")}))
    indent_cm = look.first_line / 567
    if not heading and not any(abs(indent_cm - want) <= INDENT_SLACK_CM for want in INDENTS_CM):
        out.append(("check_body_indent", {"found": indent_cm}))
    if previous is not None:
        same = look.contextual and previous.look.style_id == look.style_id
        gap = 0 if same else previous.look.after + look.before
        if gap < MIN_GAP_TWIPS:
            out.append(("check_body_spacing", {"found": gap / 20}))
    out += _line_spacing(para)
    sizes = {run.size for run in para.runs if run.text.strip()}
    bad = sorted(size for size in sizes if not 12.99 <= size <= 14.01)
    if bad:
        out.append(("check_body_size", {"found": bad[0], "want": (13, 14)}))
    return out


def _line_spacing(para: Paragraph) -> Problems:
    look = para.look
    if look.line is None:
        return []
    if look.line_rule == "auto":
        lines = look.line / 240
        if not 0.99 <= lines <= 1.51:
            return [("check_body_line", {"found": lines})]
        return []
    size = max((run.size for run in para.runs if run.text.strip()), default=14.0)
    # a single line of Times New Roman is about 1.15 times its size
    highest = size * 1.15 * 1.5 + 0.5
    points = look.line / 20
    if points > highest or (look.line_rule == "exact" and points < size):
        return [("check_body_line_exact", {"found": points})]
    return []


def check_headings(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.6.đ and V row 6.b: "I. …" headings caps and bold; "Phần I" bold, not caps; no
    level is italic; "a)" points regular."""
    found: list[Finding] = []
    count = 0
    for ref in refs(parts.body):
        if not ref.first:
            continue
        text = ref.text
        if _ROMAN_HEADING.match(text):
            count += 1
            _check_caps(ref, "heading_section", True, found)
            _check_bold(ref, "heading_section", True, found)
            _check_italic(ref, "heading_section", False, found)
        elif _PART_HEADING.match(text):
            count += 1
            _check_bold(ref, "heading_part", True, found)
            _check_caps(ref, "heading_part", False, found)
        elif _ITEM_HEADING.match(text):
            count += 1
            _check_italic(ref, "heading_item", False, found)
        elif _POINT_HEADING.match(text):
            count += 1
            _check_italic(ref, "heading_point", False, found)
            _check_bold(ref, "heading_point", False, found)
    return _result("headings", found[:MAX_EXAMPLES * 2],
                   Finding("check_ok_headings", {"count": count}))


# ---- recipients and signature ---------------------------------------------------------------


def check_recipients(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.9: "Nơi nhận:" bold italic 12 pt, not underlined, flush left; each recipient on
    its own line "- …;" at 11 pt; the last "- Lưu: VT, ….". A KH has no "Kính gửi"."""
    label = parts.recipients_label
    if label is None:
        return _result("recipients", [_missing("recipients_label")],
                       Finding("check_ok"))
    found: list[Finding] = []
    if label.text != "Nơi nhận:":
        found.append(Finding("check_text", {"what": t("recipients_label"), "found": label.text,
                                            "want": "Nơi nhận:"}, label.where))
    _check_bold(label, "recipients_label", True, found)
    _check_italic(label, "recipients_label", True, found)
    _check_size(label, "recipients_label", 12, 12, found)
    if label.underlined:
        found.append(Finding("check_underlined", {"what": t("recipients_label")}, label.where))
    _check_align(label.para, "recipients_label", "left", found, accept=("both",))
    found += _recipient_lines(parts.recipients)
    for para in parts.body:
        if norm(para.text).lower().startswith("kính gửi"):
            found.append(Finding("check_kinh_gui", {}, where(para)))
    return _result("recipients", found,
                   Finding("check_ok_recipients", {"count": len(parts.recipients)}))


def _recipient_lines(lines: list[Ref]) -> list[Finding]:
    dashed: list[Ref] = []
    for ref in lines:
        archived = bool(dashed) and dashed[-1].text.lstrip("-– ").startswith("Lưu")
        if archived and not ref.text.startswith(("-", "–")):
            break  # the drafter's code and copies may follow the archive line (PL1 III.3)
        dashed.append(ref)
    if not dashed:
        return [_missing("recipient")]
    problems: dict[str, list[tuple[Paragraph, dict[str, object]]]] = {}

    def note(code: str, ref: Ref, **params: object) -> None:
        problems.setdefault(code, []).append((ref.para, params))

    for ref in dashed:
        if not ref.text.startswith("-"):
            note("check_recipient_dash", ref)
        sizes = [size for size in ref.sizes if abs(size - 11) > 0.01]
        if sizes:
            note("check_recipient_size", ref, found=sizes[0])
        if ref.bold or ref.italic:
            note("check_recipient_upright", ref)
    archive = dashed[-1]
    for ref in dashed[:-1]:
        if not ref.text.endswith(";"):
            note("check_recipient_semicolon", ref)
    if not archive.text.lstrip("-– ").startswith("Lưu"):
        note("check_recipient_archive", archive)
    elif not archive.text.endswith("."):
        note("check_recipient_archive_end", archive)
    return [finding for code, examples in problems.items()
            for finding in _grouped(code, examples)]


def check_signature(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.7: authority and title lines caps, bold, 13–14 pt, centered; the signer's name
    bold, 13–14 pt, centered, in normal capitalization, without titles or honorifics."""
    lines = parts.signature
    if len(lines) < 2:
        return _result("signature", [_missing("signature")], Finding("check_ok"))
    found: list[Finding] = []
    *titles, name = lines
    for ref in titles:
        _check_caps(ref, "authority", True, found)
        _check_bold(ref, "authority", True, found)
        _check_size(ref, "authority", 13, 14, found)
        _check_align(ref.para, "authority", "center", found)
    _check_bold(name, "signer", True, found)
    _check_italic(name, "signer", False, found)
    _check_size(name, "signer", 13, 14, found)
    _check_align(name.para, "signer", "center", found)
    _check_caps(name, "signer", False, found)
    if _HONORIFICS.match(name.text):
        found.append(Finding("check_signer_honorific", {"found": name.text}, name.where))
    ok = Finding("check_ok_signature", {"lines": " / ".join(ref.text for ref in titles),
                                        "name": name.text})
    return _result("signature", found, ok)


# ---- page numbers and appendix --------------------------------------------------------------


def check_page_numbers(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 I.7: a PAGE field centered in the header, 13–14 pt, Arabic digits, not on page 1."""
    if not layout.sections:
        return _result("page-numbers", [_missing("page_number")], Finding("check_ok"))
    first = layout.sections[0]
    found: list[Finding] = []
    header = _page_paragraph(first.headers.get("default", ()))
    if header is None:
        in_footer = _page_paragraph(first.footers.get("default", ()))
        found.append(Finding("check_page_in_footer") if in_footer else _missing("page_number"))
    else:
        _check_align(header, "page_number", "center", found)
        ref = next(iter(refs([header])), None)
        if ref is not None:
            _check_size(ref, "page_number", 13, 14, found)
    on_first = first.headers.get("first", ()) if first.title_page else first.headers.get(
        "default", ())
    if header is not None and _page_paragraph(on_first) is not None:
        found.append(Finding("check_page_on_first", {}, _section_where(first)))
    for section in layout.sections:
        if section.number_format not in (None, "decimal"):
            found.append(Finding("check_page_format", {"found": section.number_format},
                                 _section_where(section)))
    return _result("page-numbers", found, Finding("check_ok_page_numbers"))


def _page_paragraph(story: tuple[Paragraph, ...]) -> Paragraph | None:
    return next((para for para in story if "PAGE" in para.fields), None)


def _appendix_tables(layout: Layout, parts: Parts) -> list[tuple[Ref, list[int]]]:
    """Each appendix label with the tables that follow it (up to the next label)."""
    labels = parts.appendix_labels
    out = []
    for number, label in enumerate(labels):
        end = labels[number + 1].para.index if number + 1 < len(labels) else 1 << 30
        tables = [table.index for table in layout.tables
                  if table.paragraphs and label.para.index < table.paragraphs[0] < end]
        out.append((label, tables))
    return out


def check_appendix(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 III.1.b: "Phụ lục" in lowercase, bold, centered, 14 pt, its title caps and bold;
    a wide appendix table on landscape pages (PL1 I.2; the official Phụ lục I does so)."""
    if not parts.appendix_labels:
        return skipped("appendix", _title("appendix"), RULE_REFS["appendix"],
                       Finding("check_skip_no_appendix"))
    found: list[Finding] = []
    sections = {section.index: section for section in layout.sections}
    tables = {table.index: table for table in layout.tables}
    for label, numbers in _appendix_tables(layout, parts):
        _check_caps(label, "appendix_label", False, found)
        _check_bold(label, "appendix_label", True, found)
        _check_size(label, "appendix_label", 14, 14, found)
        _check_align(label.para, "appendix_label", "center", found)
        _check_appendix_title(layout, label, found)
        wide = [tables[n] for n in numbers if tables[n].columns >= 4]
        section = sections.get(label.para.section)
        if wide and section is not None and not section.landscape:
            found.append(Finding("check_appendix_portrait", {"columns": wide[0].columns},
                                 label.where))
    return _result("appendix", found,
                   Finding("check_ok_appendix", {"count": len(parts.appendix_labels)}))


def _check_appendix_title(layout: Layout, label: Ref, found: list[Finding]) -> None:
    after = [ref for ref in refs(layout.paragraphs[label.para.index:]) if ref.para.table is None]
    if not after:
        found.append(_missing("appendix_title"))
        return
    title = after[0]
    _check_caps(title, "appendix_title", True, found)
    _check_bold(title, "appendix_title", True, found)
    _check_align(title.para, "appendix_title", "center", found)


def check_appendix_header_row(layout: Layout, parts: Parts) -> CheckResult:
    """An appendix table's heading row repeats on every page (w:tblHeader), so a table that
    runs over several landscape pages stays readable."""
    tables = {table.index: table for table in layout.tables}
    found: list[Finding] = []
    count = 0
    for label, numbers in _appendix_tables(layout, parts):
        for number in numbers:
            table = tables[number]
            if table.rows < 2:
                continue
            count += 1
            if not table.header_repeats:
                found.append(Finding("check_header_row", {"table": number}, Where(
                    table=number, row=1, section=table.section, text=label.text)))
    if not count:
        return skipped("appendix-header-row", _title("appendix-header-row"),
                       RULE_REFS["appendix-header-row"], Finding("check_skip_no_appendix_table"))
    return _result("appendix-header-row", found,
                   Finding("check_ok_tables", {"count": count}))


@dataclass(frozen=True)
class RuleSpec:
    """A rule and its id."""

    id: str
    run: Rule


RULES: tuple[RuleSpec, ...] = (
    RuleSpec("paper", check_paper),
    RuleSpec("margins", check_margins),
    RuleSpec("fonts", check_fonts),
    RuleSpec("header-block", check_header_block),
    RuleSpec("number-line", check_number_line),
    RuleSpec("date-line", check_date_line),
    RuleSpec("title", check_title),
    RuleSpec("body-text", check_body_text),
    RuleSpec("headings", check_headings),
    RuleSpec("recipients", check_recipients),
    RuleSpec("signature", check_signature),
    RuleSpec("page-numbers", check_page_numbers),
    RuleSpec("appendix", check_appendix),
    RuleSpec("appendix-header-row", check_appendix_header_row),
)


def run_rules(layout: Layout) -> list[CheckResult]:
    """Every NĐ 30 rule, in order, on one read document."""
    parts = find_parts(layout)
    return [rule.run(layout, parts) for rule in RULES]


def skip_rules(reason: Finding) -> list[CheckResult]:
    """Every rule as skipped, when the document could not be read."""
    return [skipped(rule.id, _title(rule.id), RULE_REFS[rule.id], reason) for rule in RULES]
