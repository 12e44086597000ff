"""The frame of a plan around its sections: the header block (issuing agency, number, place
and date), the recipients, the drafting code and the signature block; and, where the source
lacks a required part, a clearly marked placeholder or a guess from the text, with a note.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from plangen.extract.blocks import Block, Line
from plangen.extract.marks import header_mark
from plangen.extract.notes import Notes, excerpt
from plangen.extract.patterns import (
    AUTHORITY,
    COLLECTIVES,
    LOCALITY_KINDS,
    authority_line,
    date_line,
    is_authority,
    is_motto,
    is_upper_text,
    looks_like_code,
    looks_like_name,
    marked,
    number_line,
    split_motto,
    strip_end,
)
from plangen.model import default_header_lines, is_archive_line
from plangen.signing import HONORIFICS, name_case, split_at_authorities
from plangen.spec.meaning import capitalised_place
from plangen.spec.schema import NUMBER_PATTERN
from plangen.vntext import upper

PLACEHOLDER_ISSUER = "(Cần điền tên cơ quan ban hành)"
PLACEHOLDER_PLACE = "(Cần điền địa danh)"
PLACEHOLDER_SUMMARY = "(Cần điền trích yếu)"
PLACEHOLDER_RECIPIENT = "(Cần điền nơi nhận)"
PLACEHOLDER_ARCHIVE = "Lưu: VT"
PLACEHOLDER_SIGNATURE = "(CẦN ĐIỀN CHỨC VỤ NGƯỜI KÝ)"
PLACEHOLDER_SIGNER = "(Cần điền họ tên người ký)"
_RULE = re.compile(r"^[-_–—=*.…\s]+$")
_KIND_UPPER = tuple(upper(kind) for kind in LOCALITY_KINDS)


# ---- header block -----------------------------------------------------------------------


def header_length(lines: list[str]) -> int:
    """How many leading lines form the header when no "KẾ HOẠCH" line ends it."""
    count = 0
    for text in lines:
        if not (is_motto(text) or number_line(text) or date_line(text) or _RULE.match(text)
                or is_upper_text(text)):
            break
        count += 1
    return count


def header_data(lines: list[str], text: str, notes: Notes) -> dict[str, Any]:
    """Issuer, number, symbol, place and date from the header lines (whatever is there)."""
    data: dict[str, Any] = {}
    agency: list[str] = []
    for raw in _rejoined(lines):
        for piece in split_motto(raw):
            if is_motto(piece) or _RULE.match(piece):
                continue
            rest = _number(piece, data, notes)
            if rest is None:
                continue
            if _date(rest, data, notes):
                continue
            if header_mark(rest, data, notes):
                continue
            # the agency's lines come first, or are capitals wherever a layout put them
            late = ("number" in data or "date" in data) and not is_upper_text(rest)
            if re.match(r"^dự thảo", rest, re.IGNORECASE) or late:
                notes.add("lost", "extract_header_lost", (), text=excerpt(rest))
                continue
            agency.append(rest)
    if agency:
        data["issuer"] = _issuer(agency, text, data.get("place"), notes)
    return data


def _rejoined(lines: list[str]) -> list[str]:
    """Header lines a PDF conversion cut ("Số:" / "/KH-UBND", "Đắk Lắk, ngày" / "tháng 6" /
    "năm 2026", the motto's lines in between) put back together."""
    pieces = [piece for line in lines for piece in split_motto(line)]
    out: list[str] = []
    used: set[int] = set()
    for index, piece in enumerate(pieces):
        if index in used:
            continue
        if _cut(piece):
            joined = piece
            taken: list[int] = []
            for later in range(index + 1, min(len(pieces), index + 7)):
                if later in used or is_motto(pieces[later]):
                    continue
                joined, taken = f"{joined} {pieces[later]}", [*taken, later]
                if number_line(joined) or date_line(joined):
                    piece = joined
                    used.update(taken)
                    break
        out.append(piece)
    return out


def _cut(piece: str) -> bool:
    """The start of a number or date line that does not read whole."""
    if number_line(piece) or date_line(piece):
        return False
    return piece.startswith("Số") or re.search(r",\s*ngày\b", piece) is not None


def _number(piece: str, data: dict[str, Any], notes: Notes) -> str | None:
    """Read "Số: 05/KH-UBND"; returns what follows it on the line ("" when nothing)."""
    found = number_line(piece)
    if not found:
        return piece
    number = found.group("number")
    if number and (not re.fullmatch(NUMBER_PATTERN, number) or int(number) == 0):
        notes.add("check", "extract_bad_number", ("number",), value=number)
        number = ""
    data["number"] = number or None
    data["symbol"] = found.group("symbol").upper()
    rest = found.group("rest").strip()
    return rest or None


def _date(piece: str, data: dict[str, Any], notes: Notes) -> bool:
    found = date_line(piece)
    if not found:
        return False
    place = found.group("place").strip()
    data["place"] = capitalised_place(place)  # as written, unless it opens in lowercase
    if data["place"] != place:
        notes.add("check", "extract_place_capitalised", ("place",), found=place,
                  fixed=data["place"])
    data["date"] = checked_date({key: int(value) for key, value in found.groupdict().items()
                                 if key != "place" and value}, notes)
    return True


def checked_date(date: dict[str, int], notes: Notes) -> dict[str, int]:
    """`date` with the parts a real calendar refuses dropped (and noted)."""
    year = date.get("year", 0)
    if not 1945 <= year <= 2200:
        notes.add("todo", "extract_bad_date", ("date", "year"), value=year)
        date = {"year": current_year()}
    month, day = date.get("month"), date.get("day")
    if month is not None and not 1 <= month <= 12:
        notes.add("check", "extract_bad_date", ("date", "month"), value=month)
        date = {"year": date["year"]}
    elif day is not None and (month is None or not 1 <= day <= calendar.monthrange(
            date["year"], month)[1]):
        notes.add("check", "extract_bad_date", ("date", "day"), value=day)
        date = {key: value for key, value in date.items() if key != "day"}
    return {key: date[key] for key in ("day", "month", "year") if key in date}


def _issuer(printed: list[str], text: str, place: str | None, notes: Notes) -> dict[str, Any]:
    """ "ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK LẮK" -> {"name": "Ủy ban nhân dân tỉnh Đắk Lắk"}."""
    groups = _name_groups(printed)
    lines = [" ".join(group) for group in groups]
    size = _collective_size(lines)
    if size and len(lines) == size:
        name_lines, parent_lines = lines, []
    elif size:
        name_lines, parent_lines = lines[size:], lines[:size]
    elif len(lines) >= 2:
        name_lines, parent_lines = lines[1:], lines[:1]
    else:
        name_lines, parent_lines = lines, []
    issuer: dict[str, Any] = {}
    if parent_lines:
        issuer["parent"] = agency_name(parent_lines, text, place, notes, ("issuer", "parent"))
        notes.add("check", "extract_issuer_parent", ("issuer", "parent"),
                  parent=" ".join(parent_lines))
    issuer["name"] = agency_name(name_lines, text, place, notes, ("issuer", "name"))
    # a name broken over lines is kept as the source broke it
    name_lines = [line for group in groups[len(groups) - len(name_lines):] for line in group]
    shown = tuple(upper(line) for line in name_lines)
    if default_header_lines(issuer["name"]) != shown:
        issuer["header_lines"] = list(name_lines)
    return {key: issuer[key] for key in ("parent", "name", "header_lines") if key in issuer}


_CONNECTORS = ("VÀ ", "CỦA ", "VỀ ", "THUỘC ", "- ", "– ")


def _name_groups(lines: list[str]) -> list[list[str]]:
    """The header's lines grouped into the names they print: a line that goes on with "VÀ",
    "CỦA", … or follows a comma or hyphen ("SỞ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG", "PHƯỜNG VĂN
    MIẾU -" / "QUỐC TỬ GIÁM") continues the name above it (NĐ 30 PL1 II.2.c)."""
    groups: list[list[str]] = []
    for line in lines:
        stripped = line.strip()
        if groups and (upper(stripped).startswith(_CONNECTORS)
                       or groups[-1][-1].rstrip().endswith((",", " -", " –"))):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _collective_size(lines: list[str]) -> int:
    """2 for "ỦY BAN NHÂN DÂN" / "TỈNH …", 1 for "ỦY BAN NHÂN DÂN TỈNH …", else 0."""
    for prefix in (upper(c) for c in (*COLLECTIVES, "UBND", "HĐND")):
        first = upper(lines[0])
        if first == prefix and len(lines) >= 2 and upper(lines[1]).startswith(_KIND_UPPER):
            # "THÀNH PHỐ" alone: the name goes on to the next line ("HỒ CHÍ MINH")
            return 3 if upper(lines[1]).strip() in _KIND_UPPER and len(lines) >= 3 else 2
        if first.startswith(prefix + " ") and first[len(prefix) + 1:].startswith(_KIND_UPPER):
            return 1
    return 0


def agency_name(lines: list[str], text: str, place: str | None, notes: Notes,
                path: tuple[str, ...]) -> str:
    """An agency's name as a sentence writes it, from its capitalised header lines."""
    joined = " ".join(line.strip() for line in lines)
    if not is_upper_text(joined):
        return joined
    for collective in (*COLLECTIVES, "UBND", "HĐND"):  # abbreviations stay abbreviated
        prefix = upper(collective)
        if upper(joined).startswith(prefix + " "):
            return f"{collective} {_locality(joined[len(prefix) + 1:], text, place, notes, path)}"
    found = find_written(joined, text)
    if found:
        return found
    notes.add("check", "extract_issuer_case", path, line=joined)
    lowered = joined.lower()
    return lowered[:1].upper() + lowered[1:]


def _locality(rest: str, text: str, place: str | None, notes: Notes,
              path: tuple[str, ...]) -> str:
    """ "TỈNH ĐẮK LẮK" -> "tỉnh Đắk Lắk": from the date line's place, else as the text
    writes it with its name capitalised."""
    kind = next((k for k in LOCALITY_KINDS if upper(rest).startswith(upper(k) + " ")), None)
    if kind is None:
        return find_written(rest, text) or rest
    name = rest[len(kind) + 1:].strip()
    if place and upper(place) == upper(name):
        return f"{kind} {place}"
    found = find_written(rest, text, lambda c: all(w[:1].isupper() for w in c.split()[
        len(kind.split()):]))
    if found:
        return kind + found[len(kind):]
    notes.add("check", "extract_issuer_case", path, line=rest)
    return f"{kind} {' '.join(word[:1] + word[1:].lower() for word in name.split())}"


def find_written(phrase: str, text: str,
                 fits: Callable[[str], bool] = lambda _: True) -> str | None:
    """Where `text` writes `phrase` (given in capitals) in ordinary case (and as `fits`
    wants), that writing."""
    target, haystack = upper(phrase), upper(text)
    if len(haystack) != len(text):
        return None
    start = haystack.find(target)
    while start >= 0:
        end = start + len(target)
        candidate = text[start:end]
        whole = not (start and text[start - 1].isalnum()) and not (
            end < len(text) and text[end].isalnum())
        if whole and not is_upper_text(candidate) and fits(candidate):
            return candidate
        start = haystack.find(target, start + 1)
    return None


def ordinary_summary(data: dict[str, Any], text: str, notes: Notes) -> None:
    """The summary as NĐ 30 writes it: without a công văn's "V/v"; printed in capitals, in
    ordinary case (PL1 II.5.b): the same words where the text writes them so ("ban hành Kế
    hoạch quan trắc …"), else lower case with the place's name kept; noted for the officer
    to check."""
    summary = data.get("summary")
    if not isinstance(summary, str):
        return
    if summary[:4].lower() == "v/v ":  # NĐ 30: a plan's summary has no "V/v" (công văn only)
        summary = summary[4:].strip()
        data["summary"] = summary = summary[:1].upper() + summary[1:]
        notes.add("check", "extract_summary_vv", ("summary",))
    if not is_upper_text(summary):
        return
    found = find_written(summary, text)
    if found:
        fixed = found[:1].upper() + found[1:]
    else:
        fixed = summary[:1] + summary[1:].lower()
        place = data.get("place")
        if isinstance(place, str) and place.lower() in fixed:
            fixed = fixed.replace(place.lower(), place)
    data["summary"] = fixed
    notes.add("check", "extract_summary_case", ("summary",), found=excerpt(summary),
              fixed=excerpt(fixed))


# ---- recipients and signature -----------------------------------------------------------


def tail_data(blocks: list[Block], notes: Notes) -> dict[str, Any]:
    """Recipients, drafting code and signature from the lines after the closing.

    A line laid out with tabs ("- Sở Tư pháp;<tab><tab>PHÓ CHỦ TỊCH") holds a piece of each
    column: every piece is read on its own.
    """
    tail = _Tail(notes)
    for block in blocks:
        if isinstance(block, Line):
            for piece in block.text.split("\t"):
                if piece.strip():
                    tail.read(piece.strip())
    return tail.data()


class _Tail:
    """The recipients and signature block, read piece by piece."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes
        self.recipients: list[str] = []
        self.open = self.archived = False
        self.continues = False  # the last recipient line did not end with ";" or "."
        self.lines: list[str] = []
        self.name = ""
        self.code = ""

    def read(self, text: str) -> None:
        """One piece of a line: "Nơi nhận:", a recipient, a signature line, a name, a code."""
        mark = marked(text)
        if text.lower().startswith("nơi nhận"):
            self.open = True
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if rest:
                self.read(rest)
        elif is_authority(text, within=bool(self.lines)) and not self.name:
            pieces = split_at_authorities(upper(text))  # NĐ 30: in capitals
            if len(pieces) > 1:  # two lines run together ("TM. UBND KT. CHỦ TỊCH")
                self.notes.add("check", "extract_signature_split", ("signature", "lines"),
                               found=excerpt(text))
            self.lines += [authority_line(piece) for piece in pieces]
        elif self.lines and not self.name and mark.kind == "none" and \
                looks_like_name(HONORIFICS.sub("", text, count=1).strip()):
            self.name = text
        elif self.open and not self.archived and (mark.kind != "none" or not self.lines
                                                  or self.continues):
            self._recipient(text, mark.kind != "none")
        elif looks_like_code(text) and not self.code:
            self.code = text
        else:
            self.notes.add("lost", "extract_tail_lost",
                           ("signature" if self.lines else "recipients",), text=excerpt(text))

    def _recipient(self, text: str, marked_line: bool) -> None:
        item = _recipient(text)
        if not marked_line and self.continues and self.recipients:
            self.recipients[-1] = f"{self.recipients[-1]} {item}"  # a wrapped recipient line
        else:
            self.recipients.append(item)
        self.continues = text.rstrip()[-1:] not in ";.,"
        self.archived = is_archive_line(self.recipients[-1])

    def data(self) -> dict[str, Any]:
        """`recipients`, `drafting_code` and `signature` as the spec writes them."""
        data: dict[str, Any] = {}
        if self.recipients:
            data["recipients"] = [item for item in self.recipients if item]
        if self.code:
            data["drafting_code"] = self.code
        if self.lines or self.name:
            data["signature"] = {"lines": self._ordered_lines(), "name": self._name()}
        return data

    def _name(self) -> str:
        """The signer's name as NĐ 30 prints it (PL1 II.7.c): without a title before it,
        in ordinary case; each change noted for the officer to check."""
        name = self.name
        honorific = HONORIFICS.match(name)
        if honorific and name[honorific.end():].strip():
            name = name[honorific.end():].strip()
            self.notes.add("check", "extract_signer_honorific", ("signature", "name"),
                           found=self.name, fixed=name)
        if name == upper(name) and any(char.isalpha() for char in name):
            fixed = name_case(name)
            self.notes.add("check", "extract_signer_case", ("signature", "name"),
                           found=name, fixed=fixed)
            name = fixed
        return name

    def _ordered_lines(self) -> list[str]:
        """NĐ 30 PL1 II.7: "TM." first, then "KT." (or Q., TL., TUQ.), then the titles; a
        layout read out of order (two columns of a PDF) is put back in that order."""
        def rank(line: str) -> int:
            return 0 if line.startswith("TM.") else 1 if AUTHORITY.match(line) else 2

        ordered = sorted(self.lines, key=rank)
        if ordered != self.lines:
            self.notes.add("check", "extract_signature_order", ("signature", "lines"))
        return ordered


def _recipient(text: str) -> str:
    mark = marked(text)
    body = mark.rest if mark.kind in ("dash", "plus") else text
    # "+ …" stays a sub-item of the recipient above it
    return ("+ " if mark.kind == "plus" else "") + strip_end(body, ";.,")


# ---- what the source lacks ----------------------------------------------------------------


def fill_missing(data: dict[str, Any], text: str, facts: dict[str, Any],
                 notes: Notes) -> None:
    """Required parts the source lacks: a guess from the text, or a marked placeholder."""
    if "issuer" not in data:
        name = guess_issuer(text, data.get("place"), facts.get("issuer"))
        data["issuer"] = {"name": name or PLACEHOLDER_ISSUER}
        notes.add("todo", "extract_guess_issuer" if name else "extract_todo_issuer",
                  ("issuer", "name"), name=name or "")
    if "place" not in data:
        place = _place_of(data["issuer"]["name"])
        data["place"] = place or PLACEHOLDER_PLACE
        notes.add("todo", "extract_guess_place" if place else "extract_todo_place", ("place",),
                  place=place or "")
    if "date" not in data:
        _fill_date(data, text, facts, notes)
    data.setdefault("number", None)
    if "summary" not in data:
        data["summary"] = PLACEHOLDER_SUMMARY
        notes.add("todo", "extract_todo_summary", ("summary",))
    _fill_recipients(data, notes)
    _fill_signature(data, notes)


def _fill_date(data: dict[str, Any], text: str, facts: dict[str, Any], notes: Notes) -> None:
    if facts.get("date", {}).get("year"):
        data["date"] = checked_date(dict(facts["date"]), notes)
        notes.add("todo", "extract_guess_date", ("date",))
        if data.get("number") is None and facts.get("number"):
            data["number"] = facts["number"]
            notes.add("todo", "extract_guess_number", ("number",), number=facts["number"])
        if "symbol" not in data and facts.get("symbol"):
            data["symbol"] = facts["symbol"]
        return
    years = [int(y) for y in re.findall(r"(?:năm|/)\s*((?:19|20|21)\d\d)\b", text)
             if 1945 <= int(y) <= 2200]
    data["date"] = {"year": max(years) if years else current_year()}
    notes.add("todo", "extract_todo_date", ("date",), year=data["date"]["year"])


def _fill_recipients(data: dict[str, Any], notes: Notes) -> None:
    recipients = data.get("recipients") or []
    if not recipients:
        recipients = [PLACEHOLDER_RECIPIENT]
        notes.add("todo", "extract_todo_recipients", ("recipients",))
    if not any(is_archive_line(item) for item in recipients):
        recipients.append(PLACEHOLDER_ARCHIVE)
        notes.add("todo", "extract_todo_archive", ("recipients", len(recipients) - 1))
    archive = [i for i, item in enumerate(recipients) if is_archive_line(item)]
    if archive[-1] != len(recipients) - 1:  # NĐ 30: "Lưu" closes the list
        recipients.append(recipients.pop(archive[-1]))
        notes.add("check", "extract_archive_moved", ("recipients", len(recipients) - 1))
    data["recipients"] = recipients


def _fill_signature(data: dict[str, Any], notes: Notes) -> None:
    signature = data.setdefault("signature", {"lines": [], "name": ""})
    if not signature["lines"]:
        signature["lines"] = [PLACEHOLDER_SIGNATURE]
        notes.add("todo", "extract_todo_signature", ("signature", "lines"))
    if not signature["name"]:
        signature["name"] = PLACEHOLDER_SIGNER
        notes.add("todo", "extract_todo_signer", ("signature", "name"))


_KINDS = "|".join(sorted(LOCALITY_KINDS, key=len, reverse=True))
_NAMED_AGENCY = re.compile(
    rf"(?:Ủy ban nhân dân|UBND)\s+({_KINDS})\s+([^\s,.;:()]+(?:\s+[^\s,.;:()]+)*)")


def guess_issuer(text: str, place: str | None, named: str | None) -> str | None:
    """The People's Committee the text names most, "Ủy ban nhân dân tỉnh Đắk Lắk"."""
    if named and named.startswith(COLLECTIVES) and _place_of(named):
        return named
    if place:
        for kind in LOCALITY_KINDS:
            if f"{kind} {place}" in text:
                return f"Ủy ban nhân dân {kind} {place}"
    found: Counter[str] = Counter()
    for match in _NAMED_AGENCY.finditer(text):
        words = []
        for word in match.group(2).split():
            if not word[:1].isupper():
                break
            words.append(word)
        if words:
            found[f"Ủy ban nhân dân {match.group(1)} {' '.join(words)}"] += 1
    return found.most_common(1)[0][0] if found else None


def _place_of(name: str) -> str | None:
    for collective in COLLECTIVES:
        if name.startswith(collective + " "):
            rest = name[len(collective) + 1:]
            for kind in sorted(LOCALITY_KINDS, key=len, reverse=True):
                if rest.startswith(kind + " "):
                    return rest[len(kind) + 1:].strip() or None
    return None


def current_year() -> int:
    """The year assumed for a plan whose text names none (always with a TODO note)."""
    return datetime.date.today().year
