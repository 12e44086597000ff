"""NĐ 30 rules for the body and the end of a KẾ HOẠCH: body text, headings, recipients,
signature, page numbers and the appendix (PL1 II.6–II.9, I.7, III.1).

Each rule is a small function over the read document returning a `CheckResult`; PL1 is Phụ lục I
of the decree (../shared/reference/nd30-format.md quotes each rule).
"""

from __future__ import annotations

import re
from itertools import pairwise

from plangen.check.format import Layout, Paragraph
from plangen.check.parts import (
    RIGHT_HALF,
    Parts,
    Ref,
    in_right_half,
    norm,
    refs,
    text_width,
    where,
)
from plangen.check.result import CheckResult, Finding, skipped
from plangen.check.rulekit import (
    INDENT_SLACK_CM,
    INDENTS_CM,
    MAX_EXAMPLES,
    MIN_GAP_TWIPS,
    MIN_SIGNING_ROOM_PT,
    RULE_REFS,
    check_align,
    check_bold,
    check_caps,
    check_italic,
    check_size,
    grouped,
    missing,
    result,
    section_where,
    signing_room,
    t,
    title_code,
)
from plangen.labels import (
    ITEM_HEADING,
    PART_HEADING,
    POINT_HEADING,
    ROMAN_HEADING,
    is_part_label,
)
from plangen.model import is_archive_line
from plangen.signing import HONORIFICS, misplaced_authority
from plangen.vntext import roman

TWIPS_PER_CM = 567


def _is_section_heading(para: Paragraph) -> bool:
    text = norm(f"{para.label} {para.text}")
    return bool(ROMAN_HEADING.match(text) or PART_HEADING.match(text))


def check_body_text(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.6.e: body text justified, first line indented 1 or 1.27 cm, at least 6 pt between
    paragraphs, line spacing from single to 1.5 lines, 13–14 pt."""
    if not parts.body:
        return result("body-text", [missing("body")], Finding("check_ok"))
    problems: dict[str, list[tuple[Paragraph, dict[str, object]]]] = {}
    previous: Paragraph | None = None
    for para in parts.body:
        for code, params in _body_problems(para, previous, _titles_part(previous)):
            problems.setdefault(code, []).append((para, params))
        previous = para
    found = [finding for code, examples in problems.items()
             for finding in grouped(code, examples)]
    return result("body-text", found,
                   Finding("check_ok_body", {"count": len(parts.body)}))


Problems = list[tuple[str, dict[str, object]]]


def _titles_part(previous: Paragraph | None) -> bool:
    """The paragraph after `previous` is a part's title: `previous` is "Phần I" alone."""
    return previous is not None and is_part_label(norm(f"{previous.label} {previous.text}"))


def _body_problems(para: Paragraph, previous: Paragraph | None, part_title: bool) -> Problems:
    look = para.look
    out: Problems = []
    # NĐ 30 sets no alignment or indent for "I." headings; a part's title is centred under
    # "Phần I" (PL1 II.6.đ)
    heading = part_title or _is_section_heading(para)
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
    part_title = False  # the line after "Phần I" alone is the part's title
    for ref in refs(parts.body):
        if not ref.first:
            continue
        text = ref.text
        if part_title:
            part_title = False
            count += 1
            check_caps(ref, "heading_part_title", True, found)
            check_bold(ref, "heading_part_title", True, found)
            check_italic(ref, "heading_part_title", False, found)
            continue
        if ROMAN_HEADING.match(text):
            count += 1
            check_caps(ref, "heading_section", True, found)
            check_bold(ref, "heading_section", True, found)
            check_italic(ref, "heading_section", False, found)
        elif PART_HEADING.match(text):
            count += 1
            check_bold(ref, "heading_part", True, found)
            check_caps(ref, "heading_part", False, found)
            part_title = is_part_label(text)
        elif ITEM_HEADING.match(text):
            count += 1
            check_italic(ref, "heading_item", False, found)
        elif POINT_HEADING.match(text):
            count += 1
            check_italic(ref, "heading_point", False, found)
            check_bold(ref, "heading_point", False, found)
    return result("headings", found[:MAX_EXAMPLES * 2],
                   Finding("check_ok_headings", {"count": count}))


# ---- recipients and signature ---------------------------------------------------------------


def check_recipients(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.9: "Nơi nhận:" bold italic 12 pt, not underlined, flush left; each recipient on
    its own line "- …;" at 11 pt; the last "- Lưu: VT, ….". A KH has no "Kính gửi"."""
    label = parts.recipients_label
    if label is None:
        return result("recipients", [missing("recipients_label")],
                       Finding("check_ok"))
    found: list[Finding] = []
    if label.text != "Nơi nhận:":
        found.append(Finding("check_text", {"what": t("recipients_label"), "found": label.text,
                                            "want": "Nơi nhận:"}, label.where))
    check_bold(label, "recipients_label", True, found)
    check_italic(label, "recipients_label", True, found)
    check_size(label, "recipients_label", 12, 12, found)
    if label.underlined:
        found.append(Finding("check_underlined", {"what": t("recipients_label")}, label.where))
    check_align(label.para, "recipients_label", "left", found, accept=("both",))
    found += _recipient_lines(parts.recipients)
    for para in parts.body:
        if norm(para.text).lower().startswith("kính gửi"):
            found.append(Finding("check_kinh_gui", {}, where(para)))
    return result("recipients", found,
                   Finding("check_ok_recipients", {"count": len(parts.recipients)}))


def _archive(ref: Ref) -> bool:
    """The archive line, written as the decree does: "Lưu", capital L."""
    return ref.text.lstrip("-– ").startswith("Lưu") and is_archive_line(ref.text)


def _recipient_lines(lines: list[Ref]) -> list[Finding]:
    dashed: list[Ref] = []
    for ref in lines:
        archived = bool(dashed) and _archive(dashed[-1])
        if archived and not ref.text.startswith(("-", "–")):
            break  # the drafter's code and copies may follow the archive line (PL1 III.3)
        dashed.append(ref)
    if not dashed:
        return [missing("recipient")]
    problems: dict[str, list[tuple[Paragraph, dict[str, object]]]] = {}

    def note(code: str, ref: Ref, **params: object) -> None:
        problems.setdefault(code, []).append((ref.para, params))

    for index, ref in enumerate(dashed):
        # "+ …" is a sub-item of the recipient above it ("- Các Sở:" "+ Sở Tư pháp;")
        if not ref.text.startswith("-") and not (index and ref.text.startswith("+")):
            note("check_recipient_dash", ref)
        sizes = [size for size in ref.sizes if abs(size - 11) > 0.01]
        if sizes:
            note("check_recipient_size", ref, found=sizes[0])
        if ref.bold or ref.italic:
            note("check_recipient_upright", ref)
    archive = dashed[-1]
    for ref, below in pairwise(dashed):
        # a group the "+ " lines under it list may end with ":" ("- Các đơn vị trực thuộc:")
        if not ref.text.endswith(";") and not (ref.text.endswith(":")
                                               and below.text.startswith("+")):
            note("check_recipient_semicolon", ref)
    if not _archive(archive):
        note("check_recipient_archive", archive)
    elif not archive.text.endswith("."):
        note("check_recipient_archive_end", archive)
    return [finding for code, examples in problems.items()
            for finding in grouped(code, examples)]


def check_signature(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 II.7: authority and title lines caps, bold, 13–14 pt; the signer's name bold,
    13–14 pt, in normal capitalization, without titles or honorifics, under the room to sign
    and seal. In a table cell the lines are centred; written as paragraphs (no table), the
    block lies in the right half of the page."""
    lines = parts.signature
    if not lines or (parts.signature_block == "table" and len(lines) < 2):
        return result("signature", [missing("signature")], Finding("check_ok"))
    found: list[Finding] = []
    name = parts.signer
    titles = [ref for ref in lines if ref is not name]
    paragraphs = parts.signature_block == "paragraphs"
    for ref in titles:
        # "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" on one line: each authority word starts a line
        if misplaced_authority(ref.text):
            found.append(Finding("check_authority_one_line", {"found": ref.text}, ref.where))
        check_caps(ref, "authority", True, found)
        check_bold(ref, "authority", True, found)
        check_size(ref, "authority", 13, 14, found)
        if not paragraphs:
            check_align(ref.para, "authority", "center", found)
    if name is None:
        found.append(Finding("check_missing", {"what": t("signer")}, titles[-1].where))
    else:
        check_bold(name, "signer", True, found)
        check_italic(name, "signer", False, found)
        check_size(name, "signer", 13, 14, found)
        if not paragraphs:
            check_align(name.para, "signer", "center", found)
        check_caps(name, "signer", False, found)
        if HONORIFICS.match(name.text):
            found.append(Finding("check_signer_honorific", {"found": name.text}, name.where))
        _check_room(layout, titles[-1], name, found)
    if paragraphs:
        found += _right_half(layout, lines, name)
    ok = Finding("check_ok_signature", {"lines": " / ".join(ref.text for ref in titles),
                                        "name": name.text if name else ""})
    return result("signature", _one_per_paragraph(found), ok)


def _one_per_paragraph(found: list[Finding]) -> list[Finding]:
    """A problem once per paragraph, however many of its lines have it."""
    seen: set[tuple[str, int | None, int | None, int | None]] = set()
    out = []
    for finding in found:
        place = finding.where
        key = (finding.code, place.paragraph if place else None, place.table if place else None,
               place.cell if place else None)
        if key not in seen or finding.code == "check_authority_one_line":
            seen.add(key)
            out.append(finding)
    return out


def _right_half(layout: Layout, lines: list[Ref], name: Ref | None) -> list[Finding]:
    """The block's lines placed in the left half: the whole block as one finding, else each
    line."""
    left = [ref for ref in lines if in_right_half(layout, ref) is False]
    if not left:
        return []
    width_cm = text_width(layout, left[0].para) * RIGHT_HALF / TWIPS_PER_CM

    def finding(ref: Ref, what: str) -> Finding:
        look = ref.para.look
        indent = (look.left + (look.first_line if ref.first else 0)) / TWIPS_PER_CM
        return Finding("check_signature_left_half", {
            "what": t(what), "align": t(f"align_{look.align}"), "indent": round(indent, 2),
            "want": round(width_cm, 2)}, ref.where)

    if len(left) == len(lines):
        return [finding(lines[0], "signature_block")]
    return [finding(ref, "signer" if ref is name else "authority") for ref in left]


def _check_room(layout: Layout, title: Ref, name: Ref, found: list[Finding]) -> None:
    room = signing_room(layout, title, name)
    if room is not None and room < MIN_SIGNING_ROOM_PT:
        found.append(Finding("check_signature_no_room", {"found": round(room, 1),
                                                         "want": MIN_SIGNING_ROOM_PT},
                             name.where))


# ---- page numbers and appendix --------------------------------------------------------------


def check_page_numbers(layout: Layout, parts: Parts) -> CheckResult:
    """PL1 I.7: a PAGE field centered in the header, 13–14 pt, Arabic digits, not on page 1."""
    if not layout.sections:
        return result("page-numbers", [missing("page_number")], Finding("check_ok"))
    first = layout.sections[0]
    found: list[Finding] = []
    header = _page_paragraph(first.headers.get("default", ()))
    if header is None:
        in_footer = _page_paragraph(first.footers.get("default", ()))
        found.append(Finding("check_page_in_footer", {}, where(in_footer)) if in_footer else
                     Finding("check_missing", {"what": t("page_number")},
                             section_where(first)))
    else:
        check_align(header, "page_number", "center", found)
        ref = next(iter(refs([header])), None)
        if ref is not None:
            check_size(ref, "page_number", 13, 14, found)
    on_first = first.headers.get("first", ()) if first.title_page else first.headers.get(
        "default", ())
    if header is not None and _page_paragraph(on_first) is not None:
        found.append(Finding("check_page_on_first", {}, section_where(first)))
    for section in layout.sections:
        if section.number_format not in (None, "decimal"):
            found.append(Finding("check_page_format", {"found": section.number_format},
                                 section_where(section)))
    return result("page-numbers", found, Finding("check_ok_page_numbers"))


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
    """PL1 III.1.b: "Phụ lục" in lowercase, bold, centered, 14 pt, its title caps and bold.
    Portrait or landscape is the drafter's choice: NĐ 30 says nothing of an appendix's
    orientation, and a table too wide for its page fails the structure rule instead."""
    if not parts.appendix_labels:
        return skipped("appendix", title_code("appendix"), RULE_REFS["appendix"],
                       Finding("check_skip_no_appendix"))
    found: list[Finding] = []
    for label, _ in _appendix_tables(layout, parts):
        check_caps(label, "appendix_label", False, found)
        check_bold(label, "appendix_label", True, found)
        check_size(label, "appendix_label", 14, 14, found)
        check_align(label.para, "appendix_label", "center", found)
        _check_appendix_title(layout, label, found)
    _check_appendix_sequence(parts, found)
    return result("appendix", found,
                   Finding("check_ok_appendix", {"count": len(parts.appendix_labels)}))


_NUMBERED_LABEL = re.compile(r"^phụ\s+lục\s+(?P<n>[IVXLC]+)\b", re.IGNORECASE)


def _check_appendix_sequence(parts: Parts, found: list[Finding]) -> None:
    """PL1 III.1.a: two or more appendices are numbered I, II, … in order; each starts its own
    section (its own page setup and page numbers, PL1 III.1.đ)."""
    labels = parts.appendix_labels
    if len(labels) < 2:
        return
    body_sections = {para.section for para in parts.body}
    last_section = max(body_sections, default=0)
    for number, label in enumerate(labels, 1):
        match = _NUMBERED_LABEL.match(label.text)
        want = f"Phụ lục {roman(number)}"
        if match is None or match.group("n").upper() != roman(number):
            found.append(Finding("check_appendix_order", {"found": label.text, "want": want},
                                 label.where))
        if label.para.section <= last_section:
            found.append(Finding("check_appendix_own_section", {"label": label.text},
                                 label.where))
        last_section = max(last_section, label.para.section)


def _check_appendix_title(layout: Layout, label: Ref, found: list[Finding]) -> None:
    # by index, not position: a part of a two-part document starts past paragraph 1
    after = [ref for ref in refs([p for p in layout.paragraphs if p.index > label.para.index])
             if ref.para.table is None]
    if not after:
        found.append(missing("appendix_title"))
        return
    title = after[0]
    check_caps(title, "appendix_title", True, found)
    check_bold(title, "appendix_title", True, found)
    check_align(title.para, "appendix_title", "center", found)


def check_appendix_header_row(layout: Layout, parts: Parts) -> CheckResult:
    """An appendix table's heading row repeats on every page (w:tblHeader), so a table that
    runs over several landscape pages stays readable."""
    tables = {table.index: table for table in layout.tables}
    found: list[Finding] = []
    count = 0
    for _, numbers in _appendix_tables(layout, parts):
        for number in numbers:
            table = tables[number]
            if table.rows < 2:
                continue
            count += 1
            if not table.header_repeats:
                first_cell = next(p for p in layout.paragraphs
                                  if p.index == table.paragraphs[0])
                found.append(Finding("check_header_row", {"table": number}, where(first_cell)))
    if not count:
        return skipped("appendix-header-row", title_code("appendix-header-row"),
                       RULE_REFS["appendix-header-row"], Finding("check_skip_no_appendix_table"))
    return result("appendix-header-row", found,
                   Finding("check_ok_tables", {"count": count}))
