"""What a plan means, beyond its schema: dates that exist, signature blocks that follow NĐ 30,
recipients that end with the archive line, task ids that are unique and that the appendix
refers to, sections that say something.

Each check reads loaded spec data whatever its shape (the schema may have failed) and yields
issues; none raises for bad input.
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import re
from collections.abc import Iterator
from typing import Any

from plangen.errors import Path, SpecIssue
from plangen.freeform import ordinary_label
from plangen.inline import plain_text
from plangen.labels import level_label
from plangen.marks import URGENCY_LEVELS, is_mark, mark_words, urgency_level
from plangen.model import PLAN_DOC_TYPE, is_archive_line
from plangen.signing import AUTHORITY_WORDS, HONORIFICS, misplaced_authority, name_case
from plangen.spec.deadlines import parse_timeline, timeline_problems
from plangen.spec.free_meaning import free_issues, lettered_role_issues
from plangen.spec.loader import LoadedSpec
from plangen.vntext import upper

_PERSONAL_TITLES = ("CHỦ TỊCH", "PHÓ", "GIÁM ĐỐC", "TRƯỞNG", "CHÁNH", "BÍ THƯ", "BỘ TRƯỞNG")
_DEPUTY_TITLES = ("PHÓ", "THỨ TRƯỞNG")
_ENTRY_KEYS = ("title", "text", "points", "bullets")


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def meaning_issues(loaded: LoadedSpec) -> Iterator[SpecIssue]:
    data: dict[str, Any] = loaded.data
    yield from _date_issues(_dict(data.get("date")))
    yield from _place_issues(data.get("place"))
    yield from _wordless_issues(data)
    yield from _summary_issues(data)
    yield from _frame_word_issues(data)
    yield from _number_issues(data.get("number"))
    yield from _urgency_issues(data.get("urgency"))
    yield from _doc_type_issues(data.get("doc_type"))
    yield from _signature_issues(_dict(data.get("signature")))
    yield from _recipient_issues(_list(data.get("recipients")))
    tasks = _dict(data.get("tasks"))
    yield from _task_id_issues(tasks, loaded)
    for index, task in enumerate(_list(tasks.get("items"))):  # sub-tasks print as points
        task_style = _dict(task).get("role_style", tasks.get("role_style", "dash"))
        yield from lettered_role_issues(_list(_dict(task).get("subtasks")),
                                        ("tasks", "items", index, "subtasks"), task_style,
                                        "subtasks")
    yield from _appendix_issues(_dict(data.get("appendix")), _task_ids(tasks))
    yield from _appendix_label_issues(data)
    yield from _entry_issues(data)
    yield from _style_warnings(data)
    yield from _typed_number_warnings(data)
    yield from _typed_label_issues(data)
    yield from timeline_warnings(data)
    yield from _alias_issues(_list(data.get("agencies")))
    yield from free_issues(loaded)


# the names a reader must be able to read: the issuer, the summary, the signer
# (and each line of the signer's titles); every title and heading is added by _titled
_ISSUER_LINES = (("issuer", "name"), ("issuer", "parent"), ("issuer", "header_lines"))
_NAMED = (*_ISSUER_LINES, ("summary",), ("signature", "name"), ("signature", "lines"),
          ("decision", "summary"), ("decision", "signature", "name"),
          ("decision", "signature", "lines"), ("circulation",))
_TITLE_KEYS = ("title", "heading", "part")
_SUMMARIES = (("summary",), ("decision", "summary"))


def _texts_at(data: dict[str, Any], path: Path) -> Iterator[tuple[Path, str]]:
    """The text at `path`, or each text of the list there, with its own path."""
    value: Any = data
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    yield from _texts_of(value, path)


def _titled(value: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every title and heading of the spec, wherever it stands (a column's title may be a
    sign alone: "%", "(1)")."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _TITLE_KEYS and isinstance(item, str):
                yield (*path, key), item
            elif key != "columns":
                yield from _titled(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _titled(item, (*path, index))


def _wordless_issues(data: dict[str, Any]) -> Iterator[SpecIssue]:
    """A name, title line, heading or summary with no letter at all ("+", "..", "___") says
    nothing (and the check would not know it for what it is)."""
    named = [text for path in _NAMED for text in _texts_at(data, path)]
    for where, text in [*named, *_titled(data)]:
        if text.strip() and "{{" not in text and \
                not any(char.isalpha() for char in plain_text(text)):  # a footnote is unseen
            yield SpecIssue("no_letters", where, params={"found": text.strip()[:40]})
    for where, text in [text for path in _ISSUER_LINES for text in _texts_at(data, path)]:
        if text.strip() and is_mark(text.strip()):
            yield SpecIssue("name_is_mark", where, params={"found": text.strip()[:40]})


def _summary_issues(data: dict[str, Any]) -> Iterator[SpecIssue]:
    """PL1 II.5.b: the summary is printed as typed, in ordinary case (bold, upright); one
    typed in capitals is printed in capitals. "V/v" opens a công văn's summary only."""
    for where, text in [text for path in _SUMMARIES for text in _texts_at(data, path)]:
        if "{{" not in text and text == upper(text) and any(char.isalpha() for char in text):
            yield SpecIssue("summary_upper", where, params={"found": text.strip()[:60]})
        if _VV.match(text):
            yield SpecIssue("summary_vv", where, params={"found": text.strip()[:60]})


_VV = re.compile(r"\s*v\s*/\s*v\b", re.IGNORECASE)
# the words that open the frame's own lines: a line of the text opening with them is read as
# the recipients' label ("Nơi nhận:"), a công văn's addressee ("Kính gửi:"), the number line
# ("Số: …") or an appendix's label (a line that is only "Phụ lục I")
_FRAME_WORDS = re.compile(r"[\s\-–•+]*(nơi\s+nhận|kính\s+gửi|số\s*:|phụ\s+lục(?:\s+[IVXLC\d]+)?"
                          r"\.?\s*$)", re.IGNORECASE)


def _frame_word_issues(value: Any, path: Path = ()) -> Iterator[SpecIssue]:
    """Any printed text opening with the frame's words, the frame's own lines aside (the
    recipients, an appendix's label)."""
    if isinstance(value, dict):
        appendix = path[:1] in (("appendix",), ("appendices",)) and len(path) <= 2
        for key, item in value.items():
            if key != "recipients" and not (appendix and key == "label"):
                yield from _frame_word_issues(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _frame_word_issues(item, (*path, index))
    elif isinstance(value, str):
        found = _FRAME_WORDS.match(value)
        if found:
            yield SpecIssue("text_frame_words", path, params={"words": found.group(1).strip()})


def capitalised_place(text: str) -> str:
    """The place name as a date line prints it: "tỉnh Đắk Lắk" -> "Đắk Lắk" (the unit's
    name without its kind), "hà Nội" -> "Hà Nội", "phường 1" -> "Phường 1"."""
    text = text.strip()
    unit = _UNIT_WORD.match(text)
    if unit and text[unit.end()].isupper():
        return text[unit.end():]
    return text[:1].upper() + text[1:]


def _place_issues(place: Any) -> Iterator[SpecIssue]:
    """PL1 II.4: the place name opens the date line ("Hà Nội, ngày …"): a capital first, and
    none of the signs that would end it early."""
    if not isinstance(place, str) or not place.strip():
        return
    path: Path = ("place",)
    text = place.strip()
    if text[0].islower():
        yield SpecIssue("place_lowercase", path, params={
            "found": text[:40], "want": capitalised_place(text)[:40]})
    sign = next((char for char in text if char in _NOT_IN_PLACE), None)
    if sign is not None:
        yield SpecIssue("place_sign", path, params={"found": text[:40], "char": sign})


def _date_issues(date: dict[str, Any]) -> Iterator[SpecIssue]:
    day, month, year = date.get("day"), date.get("month"), date.get("year")
    if not all((isinstance(v, int) and not isinstance(v, bool)) or v is None
               for v in (day, month, year)):
        return
    if day is not None and month is None:
        yield SpecIssue("day_without_month", ("date", "day"))
    elif (isinstance(day, int) and isinstance(month, int) and isinstance(year, int)
          and 1 <= month <= 12 and 1 <= year <= 9999
          and day > calendar.monthrange(year, month)[1]):
        yield SpecIssue("no_such_date", ("date", "day"), params={
            "day": day, "month": month, "year": year,
            "last": calendar.monthrange(year, month)[1]})


def _number_issues(number: Any) -> Iterator[SpecIssue]:
    if isinstance(number, str) and number.isdigit() and int(number) == 0:
        yield SpecIssue("bad_number", ("number",), params={"value": number})


def _urgency_issues(urgency: Any) -> Iterator[SpecIssue]:
    """NĐ 30 PL1 III.2.b knows three urgency levels; anything else has no frame size."""
    if not isinstance(urgency, str) or not urgency.strip() or urgency_level(urgency):
        return
    close = difflib.get_close_matches(mark_words(urgency), URGENCY_LEVELS, n=1, cutoff=0.5)
    yield SpecIssue("urgency_unknown", ("urgency",), params={
        "value": urgency, "levels": ", ".join(f"\"{level}\"" for level in URGENCY_LEVELS),
        "hint": ("did_you_mean", close[0]) if close else ""})


def _doc_type_issues(doc_type: Any) -> Iterator[SpecIssue]:
    """plangen drafts plans: the document type is "KẾ HOẠCH" in any case; "KẾ HOẠCH HÀNH
    ĐỘNG" is a plan whose summary says "Hành động …"."""
    if not isinstance(doc_type, str) or not doc_type.strip():
        return
    words = " ".join(upper(doc_type).split())
    if words == PLAN_DOC_TYPE:
        return
    rest = words.removeprefix(PLAN_DOC_TYPE).strip()
    yield SpecIssue("doc_type_not_plan", ("doc_type",), params={
        "value": doc_type, "hint": ("summary_opening", rest.capitalize())
        if words.startswith(PLAN_DOC_TYPE + " ") else ""})


def _signature_issues(signature: dict[str, Any]) -> Iterator[SpecIssue]:
    yield from _signer_name_issues(signature.get("name"))
    lines = [line if isinstance(line, str) else "" for line in _list(signature.get("lines"))]
    for index, line in enumerate(lines):
        path: Path = ("signature", "lines", index)
        if line != upper(line):
            yield SpecIssue("signature_not_upper", path, params={"fixed": upper(line)})
        misplaced = misplaced_authority(upper(line))
        if misplaced:
            yield SpecIssue("authority_one_line", path, params={
                "found": line.strip()[:60], "word": misplaced})
        word, _, rest = upper(line).partition(" ")
        if "." in word and word not in AUTHORITY_WORDS:
            yield SpecIssue("bad_authority", path, params={
                "word": word, "allowed": ", ".join(AUTHORITY_WORDS)})
            continue
        if word == "TM.":
            if index != 0:
                yield SpecIssue("tm_not_first", path)
            if not rest.strip() or rest.startswith(_PERSONAL_TITLES):
                yield SpecIssue("tm_needs_body", path, params={"rest": rest})
        if word == "KT.":
            following = lines[index + 1] if index + 1 < len(lines) else ""
            # a deputy: "PHÓ CHỦ TỊCH", "PHÓ GIÁM ĐỐC", a ministry's "THỨ TRƯỞNG"
            if not upper(following).startswith(_DEPUTY_TITLES):
                yield SpecIssue("kt_needs_deputy", path, params={"head": rest.strip()})


def _signer_name_issues(name: Any) -> Iterator[SpecIssue]:
    """PL1 II.7.c: the signer's name alone, in ordinary case ("Nguyễn Văn A"), bold."""
    if not isinstance(name, str) or "{{" in name or not name.strip():
        return
    path: Path = ("signature", "name")
    text = name.strip()
    honorific = HONORIFICS.match(text)
    if honorific:
        yield SpecIssue("signer_honorific", path, params={
            "found": honorific.group(0), "want": text[honorific.end():].strip()[:60]})
    elif text == upper(text) and any(char.isalpha() for char in text):
        yield SpecIssue("signer_upper", path, params={"found": text[:60],
                                                      "want": name_case(text)[:60]})


def _recipient_issues(recipients: list[Any]) -> Iterator[SpecIssue]:
    """PL1 II.9: the archive line ("Lưu: VT, …") closes the recipients."""
    path: Path = ("recipients",)
    archive = [i for i, line in enumerate(recipients)
               if isinstance(line, str) and is_archive_line(line)]
    if recipients and not archive:
        yield SpecIssue("archive_missing", path)
    for index in archive:
        if index != len(recipients) - 1:
            yield SpecIssue("archive_not_last", (*path, index))
    for index, line in enumerate(recipients):
        if isinstance(line, str) and _strip_dash(line).lower().startswith("kính gửi"):
            yield SpecIssue("no_kinh_gui", (*path, index), severity="warning")


_UNIT_WORD = re.compile(r"(?:tỉnh|thành phố|thị xã|thị trấn|xã|phường|đặc khu|huyện|quận)\s+(?=\S)")
_NOT_IN_PLACE = ",;:"  # the date line reads "<place>, ngày …": a comma would end the place


def _strip_dash(line: str) -> str:
    return line.lstrip("-–• ").strip()


def _task_id_issues(tasks: dict[str, Any], loaded: LoadedSpec) -> Iterator[SpecIssue]:
    first_seen: dict[str, Path] = {}
    for path, task in _all_tasks(tasks):
        task_id = task.get("id")
        if not isinstance(task_id, str):
            continue
        if task_id in first_seen:
            first = loaded.locate((*first_seen[task_id], "id"))
            yield SpecIssue("duplicate_id", (*path, "id"), params={
                "id": task_id, "first_line": first.line if first else "?"})
        else:
            first_seen[task_id] = path


def _task_ids(tasks: dict[str, Any]) -> set[str]:
    return {task["id"] for _, task in _all_tasks(tasks) if isinstance(task.get("id"), str)}


def _all_tasks(tasks: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, task in enumerate(_list(tasks.get("items"))):
        if isinstance(task, dict):
            path: Path = ("tasks", "items", index)
            yield path, task
            for sub_index, sub in enumerate(_list(task.get("subtasks"))):
                if isinstance(sub, dict):
                    yield (*path, "subtasks", sub_index), sub


def plan_day(date: dict[str, Any]) -> datetime.date | None:
    """The plan's own date, its first possible day when the day or month is left blank."""
    year, month, day = date.get("year"), date.get("month") or 1, date.get("day") or 1
    if not (isinstance(year, int) and isinstance(month, int) and isinstance(day, int)):
        return None
    try:
        return datetime.date(year, month, day)
    except (ValueError, OverflowError):  # no such day; a number past C's int (2147483648)
        return None


def timelines(data: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every timeline the plan states, with its field path: a task's or an appendix row's
    `timeline`, and the `deadline` line of any block (labels and column headings are not
    timelines)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("labels", "columns"):
                continue
            if key in ("timeline", "deadline") and isinstance(value, str):
                yield (*path, key), value
            else:
                yield from timelines(value, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from timelines(item, (*path, index))


def timeline_warnings(data: dict[str, Any]) -> Iterator[SpecIssue]:
    """A deadline before the plan's own date, a date that does not exist, a phrase the
    deadline reader cannot read (so its coverage can grow)."""
    day = plan_day(_dict(data.get("date")))
    for path, text in timelines(data):
        if not text.strip():
            continue
        for code, params in timeline_problems(parse_timeline(text, day), day):
            yield SpecIssue(code, path, params=params, severity="warning")


def _alias_issues(agencies: list[Any]) -> Iterator[SpecIssue]:
    """An alias given to two agencies cannot say which one it means."""
    owner: dict[str, str] = {}
    for index, entry in enumerate(agencies):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue
        for alias_index, alias in enumerate(_list(entry.get("aliases"))):
            if not isinstance(alias, str):
                continue
            key = " ".join(alias.lower().split())
            if key in owner and owner[key] != entry["name"]:
                yield SpecIssue("alias_twice", ("agencies", index, "aliases", alias_index),
                                params={"alias": alias, "first": owner[key],
                                        "second": entry["name"]})
            owner.setdefault(key, entry["name"])


def _appendix_label_issues(data: dict[str, Any]) -> Iterator[SpecIssue]:
    """PL1 III.1.b: the "Phụ lục" line is in ordinary case; typed in capitals it would print
    so (the check refuses it)."""
    labelled: list[tuple[Path, Any]] = [
        (("appendix", "label"), _dict(data.get("appendix")).get("label"))]
    labelled += [(("appendices", index, "label"), _dict(appendix).get("label"))
                 for index, appendix in enumerate(_list(data.get("appendices")))]
    for path, label in labelled:
        if isinstance(label, str) and any(char.isalpha() for char in label) \
                and label == upper(label):
            yield SpecIssue("appendix_label_upper", path, params={
                "value": label, "ordinary": ordinary_label(" ".join(label.split()))})


def _appendix_issues(appendix: dict[str, Any], ids: set[str]) -> Iterator[SpecIssue]:
    if not appendix:
        return
    rows, from_tasks = appendix.get("rows"), appendix.get("from_tasks")
    if bool(rows) == bool(from_tasks):
        yield SpecIssue("appendix_rows_or_tasks", ("appendix",))
    for index, row in enumerate(_list(rows)):
        if not isinstance(row, dict):
            continue
        ref = row.get("task")
        if isinstance(ref, str) and ref not in ids:
            close = difflib.get_close_matches(ref, sorted(ids), n=1)
            yield SpecIssue("unknown_task", ("appendix", "rows", index, "task"),
                            params={"id": ref, "hint": ("did_you_mean", close[0]) if close
                                    else ("known", ", ".join(sorted(ids)))})
        if ref is None and not row.get("content"):
            yield SpecIssue("row_needs_content", ("appendix", "rows", index))


def _entry_issues(data: dict[str, Any]) -> Iterator[SpecIssue]:
    for section in ("purpose", "funding", "organization"):
        block = _dict(data.get(section))
        entries = list(enumerate(_list(block.get("items"))))
        if not entries and not block.get("text") and section in data and block:
            yield SpecIssue("section_empty", (section,))
        for index, entry in entries:
            # An entry with unknown keys already has an error of its own.
            if isinstance(entry, dict) and entry and set(entry) <= set(_ENTRY_KEYS) and not any(
                    entry.get(k) for k in _ENTRY_KEYS):
                yield SpecIssue("entry_empty", (section, "items", index))
        reporting = block.get("reporting")
        if isinstance(reporting, dict) and not any(
                reporting.get(k) for k in ("text", "points", "bullets")):
            yield SpecIssue("entry_empty", (section, "reporting"))


# what an officer copying from an old document types before a line plangen numbers itself:
# "I. ", "2. ", "1.1. ", "a) ", "b. "
_TYPED_NUMBER = re.compile(r"\s*((?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđA-ZĐ])[.)])(?:\s+\S|\s*$)")
_TYPED_DASH = re.compile(r"\s*([-–•+])\s+\S")  # before a line printed "- …" or "+ …"
_NUMBERED_SECTIONS = ("purpose", "tasks", "funding", "organization")


def _typed_number_warnings(data: dict[str, Any]) -> Iterator[SpecIssue]:
    """A heading, item or point that begins with its own number prints two of them."""
    for path, text in _numbered_lines(data):
        key = next((part for part in reversed(path) if isinstance(part, str)), "")
        dashed = key in ("bullets", "bullet", "plus")
        match = (_TYPED_DASH if dashed else _TYPED_NUMBER).match(text) \
            if isinstance(text, str) else None
        if match and isinstance(text, str) and any(char.isalpha() for char in text) and \
                not any(char.isalpha() for char in text[match.end(1):]):
            # nothing but the number: the line would print its number twice and say nothing
            yield SpecIssue("typed_number_only", path, params={"label": match.group(1)})
        elif match:
            yield SpecIssue("typed_dash" if dashed else "typed_number", path,
                            severity="warning", params={"label": match.group(1)})


def _typed_label_issues(data: dict[str, Any]) -> Iterator[SpecIssue]:
    """A plain paragraph typed with a level's label ("I. …", "3. …", "c) …") is read as that
    level by a reader and by the check (a heading not bold, a number out of turn)."""
    for path, text in _plain_paragraphs(data):
        label = level_label(text)
        if label:
            yield SpecIssue("text_typed_label", path, params={"label": label})


_PLAIN_KEYS = ("text", "description", "closing", "preamble", "bases")
_MARKED_KEYS = ("item", "point", "bullet", "plus", "named", "label")  # a text beside these
# is part of that marked line


def _plain_paragraphs(value: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """The paragraphs plangen prints as typed, with no number or mark of its own: texts,
    descriptions, the closing and preamble, a free plan's bare paragraphs, the items of a
    section printed unnumbered. Table cells are not paragraphs."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "table":
                continue
            here = (*path, key)
            if key in _PLAIN_KEYS and not any(marked in value for marked in _MARKED_KEYS):
                yield from _texts_of(item, here)
            elif key == "labels" and isinstance(item, dict):  # a role line opens with one
                yield from ((((*here, name), label)) for name, label in item.items()
                            if isinstance(label, str))
            elif key == "items" and value.get("numbered") is False:
                yield from _texts_of(item, here)
                yield from _plain_paragraphs(item, here)
            elif key == "content" and path[:1] in (("sections",), ("appendices",)):
                yield from _texts_of(item, here)  # a free plan's bare paragraphs
                yield from _plain_paragraphs(item, here)
            else:
                yield from _plain_paragraphs(item, here)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict | list):
                yield from _plain_paragraphs(item, (*path, index))


def _texts_of(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        yield from (((*path, index), text) for index, text in enumerate(value)
                    if isinstance(text, str))


def _numbered_lines(data: dict[str, Any]) -> Iterator[tuple[Path, Any]]:
    """The texts plangen prints after a number or letter of its own."""
    for key in _NUMBERED_SECTIONS:
        section = _dict(data.get(key))
        yield (key, "heading"), section.get("heading")
        if section.get("numbered", True) is False:
            continue
        for index, item in enumerate(_list(section.get("items"))):
            yield from _numbered_entry(item, (key, "items", index))
    for index, section in enumerate(_list(data.get("sections"))):
        yield ("sections", index, "heading"), _dict(section).get("heading")
        yield from _numbered_blocks(_list(_dict(section).get("content")),
                                    ("sections", index, "content"))
    for index, appendix in enumerate(_list(data.get("appendices"))):
        yield from _numbered_blocks(_list(_dict(appendix).get("content")),
                                    ("appendices", index, "content"))


def _numbered_entry(item: Any, path: Path) -> Iterator[tuple[Path, Any]]:
    if isinstance(item, str):
        yield path, item
        return
    entry = _dict(item)
    yield (*path, "title"), entry.get("title")
    for key in ("points", "bullets"):
        for index, line in enumerate(_list(entry.get(key))):
            yield (*path, key, index), line
    for index, sub in enumerate(_list(entry.get("subtasks"))):
        yield from _numbered_entry(sub, (*path, "subtasks", index))


def _numbered_blocks(blocks: list[Any], path: Path) -> Iterator[tuple[Path, Any]]:
    for index, block in enumerate(blocks):
        block = _dict(block)
        for key in ("item", "point", "bullet", "plus"):
            if key in block:
                yield (*path, index, key), block[key]
        yield from _numbered_blocks(_list(block.get("content")), (*path, index, "content"))


def _style_warnings(data: dict[str, Any]) -> Iterator[SpecIssue]:
    closing = data.get("closing")
    last = closing[-1] if isinstance(closing, list) and closing else closing
    if isinstance(last, str) and not last.rstrip().endswith("./."):
        yield SpecIssue("closing_mark", ("closing",), severity="warning")
