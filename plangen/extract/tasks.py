"""Section II, the tasks: numbered tasks, their description, "Nội dung:" with "+" items,
"Tên nhiệm vụ: (1) …; (2) …", role lines, and sub-tasks a), b) with role lines of their own.

Role lines are recognised by what their label says, not by a fixed list: "Đơn vị chủ trì
tham mưu, thực hiện" names a lead, "Cơ quan đôn đốc, hướng dẫn" a supervisor. The wording a
plan uses most for a role becomes `tasks.labels`, other wordings the task's own `labels`, and
the marker it uses ("- ", "a)", "a." or "- a)") its `role_style`, so the plan prints as it was
written.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from plangen.errors import Path
from plangen.extract.blocks import Block, Line, Table
from plangen.extract.notes import Notes, excerpt
from plangen.extract.patterns import (
    Marked,
    RoleLine,
    letter_style,
    marked,
    named_items,
    role_line,
    strip_end,
)
from plangen.freeform import LETTER_ROLE_STYLES
from plangen.model import DEFAULT_LABELS
from plangen.vntext import upper

DEFAULT_HEADING = "NHIỆM VỤ VÀ GIẢI PHÁP"
AGENCY_KEYS = ("lead", "implementer", "partners", "supervisor")
ROLE_ORDER = ("named_items", "lead", "implementer", "partners", "supervisor", "timeline",
              "product")
PLACEHOLDER_TASK = "(Cần điền nhiệm vụ)"
_UNMARKED_ROLE_START = ("Cơ quan", "Đơn vị", "Thời gian", "Thời hạn", "Sản phẩm", "Kết quả",
                        "Tên nhiệm vụ", "Nội dung", "Tiến độ", "Bộ phận", "Chủ trì",
                        "Phối hợp")


@dataclass
class _Role:
    key: str
    label: str
    value: str | list[str]
    style: str  # "dash", "letter", "letter_dot", "dash_letter" or "none" (no marker)
    line: str


@dataclass
class _Draft:
    """A task or sub-task as it is being read."""

    title: str
    description: list[str] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    content_label: str | None = None
    content_style: str | None = None  # the marker of the "Nội dung:" line
    named: list[str] = field(default_factory=list)
    roles: list[_Role] = field(default_factory=list)
    subtasks: list[_Draft] = field(default_factory=list)
    mode: str | None = None  # what a "+" line continues: "content" or "list"
    sequence: list[str] = field(default_factory=list)  # kinds of parts, in source order
    joined: set[str] = field(default_factory=set)  # fields holding a page-break join
    kept: list[str] = field(default_factory=list)  # lines kept as description, not roles


def parse_tasks(blocks: list[Block], heading: str, notes: Notes) -> dict[str, Any]:
    """The `tasks` section of a spec from the lines after the section II heading."""
    text: list[str] = []
    tasks: list[_Draft] = []
    target: _Draft | None = None
    for block in blocks:
        if isinstance(block, Table):
            rows = [row_paragraph(row) for row in block.rows]
            rows = [row for row in rows if row]
            (target.description if target else text).extend(rows)
            notes.add("kept", "extract_table_as_text", _path_of(tasks, target),
                      rows=len(rows))
            continue
        line = block.text.replace("\t", " ")
        mark = marked(line)
        if mark.kind == "item":
            target = _Draft(mark.rest)
            tasks.append(target)
            if block.joined:
                target.joined.add("title")
            continue
        if not tasks or target is None:
            text.append(line)
            continue
        target = _read_line(tasks[-1], target, mark, block)
    section: dict[str, Any] = {}
    if heading and upper(heading) != DEFAULT_HEADING:
        section["heading"] = heading
    if text:
        section["text"] = text[0] if len(text) == 1 else text
    if not tasks:
        notes.add("todo", "extract_todo_tasks", ("tasks", "items"))
        section["items"] = [{"title": PLACEHOLDER_TASK}]
        return section
    _finish(section, tasks, notes)
    return section


def _read_line(task: _Draft, target: _Draft, mark: Marked, block: Line) -> _Draft:
    """Add one line to the task being read; returns the task or sub-task now being read."""
    found = _role_of(mark, target.mode)
    if found is not None:
        _add_role(target, found[0], found[1], block)
        return target
    if mark.kind == "plus" and target.mode is not None:
        if target.mode == "content":
            target.content.append(mark.rest)
        else:
            role = target.roles[-1]
            role.value = [*role.value, mark.rest] if isinstance(role.value, list) else \
                [mark.rest]
        return target
    if mark.kind == "letter":
        sub = _Draft(mark.rest)
        task.subtasks.append(sub)
        if block.joined:
            sub.joined.add("title")
        return sub
    target.mode = None
    target.description.append(mark.text)
    target.sequence.append("description")
    if block.joined:
        target.joined.add("description")
    return target


def _role_of(mark: Marked, mode: str | None) -> tuple[RoleLine, str] | None:
    """The role a line gives, and its marker style; "+ " lines only outside a list."""
    if mark.kind == "roman" or mark.kind == "item" or (mark.kind == "plus" and mode):
        return None
    text = mark.rest
    style: str = "dash" if mark.kind == "plus" else (
        letter_style(mark) if mark.kind == "letter" else mark.kind)
    if mark.kind == "dash":  # "- a) Cơ quan thực hiện: …": the letter is the marker
        inner = marked(mark.rest)
        if inner.kind == "letter":
            text, style = inner.rest, letter_style(inner, dashed=True)
    found = role_line(text)
    if found is None or (mark.kind == "none" and not _unmarked_role(found.label)):
        return None
    if mark.kind == "plus" and found.key in ("content", "named_items"):
        return None
    return found, style


def _unmarked_role(label: str) -> bool:
    """An unmarked line is a role line only when its label is one: a description sentence
    may hold a colon after words such as "thời gian"."""
    if label.lower() in (default.lower() for default in DEFAULT_LABELS.values()):
        return True
    return label.startswith(_UNMARKED_ROLE_START) and "," not in label and \
        len(label.split()) <= 6


def _add_role(target: _Draft, role: RoleLine, style: str, block: Line) -> None:
    target.mode = None
    if role.key == "content":
        if role.value:
            target.description.append(block.text)
            target.sequence.append("description")
            return
        target.content_label = role.label
        target.content_style = style
        target.mode = "content"
        target.sequence.append("content")
        return
    if role.key == "named_items":
        items = named_items(role.value)
        if items is None:
            target.description.append(block.text)
            target.sequence.append("description")
            return
        target.named = items
    if not role.value and role.key in (*AGENCY_KEYS, "performer"):
        target.mode = "list"  # "Cơ quan phối hợp:" then one "+ …" line per agency
    target.roles.append(_Role(role.key, role.label, role.value, style, block.text))
    target.sequence.append("role")
    if block.joined:
        target.joined.add(role.key)


# ---- finishing: roles resolved, labels and styles learned ---------------------------------


def _finish(section: dict[str, Any], tasks: list[_Draft], notes: Notes) -> None:
    for task in tasks:
        for draft in (task, *task.subtasks):
            _resolve_roles(draft)
    section_labels = _common_labels(tasks)
    styles = Counter(_style(task) for task in tasks if _styles(task))
    lettered = max(LETTER_ROLE_STYLES, key=lambda style: styles[style])  # a tie: "a)"
    section_style = lettered if styles[lettered] > styles["dash"] else "dash"
    if section_labels:
        section["labels"] = section_labels
    if section_style != "dash":
        section["role_style"] = section_style
    ids: set[str] = set()
    items = []
    effective = {**DEFAULT_LABELS, **section_labels}
    for index, task in enumerate(tasks):
        path: Path = ("tasks", "items", index)
        item = _task_data(task, effective, section_style, ids, path, notes)
        own = {**effective, **item.get("labels", {})}
        style = item.get("role_style", section_style)
        if task.subtasks:
            item["subtasks"] = [
                _task_data(sub, own, style, ids, (*path, "subtasks", sub_index), notes)
                for sub_index, sub in enumerate(task.subtasks)]
        items.append(item)
    section["items"] = items


def _resolve_roles(draft: _Draft) -> None:
    """ "Cơ quan thực hiện" is the lead unless the task names one; a role given twice, or
    one without a value, stays a paragraph of the description."""
    keys = {role.key for role in draft.roles}
    resolved: list[_Role] = []
    seen: set[str] = set()
    for role in draft.roles:
        if role.key == "performer":
            role.key = "lead" if "lead" not in keys else "implementer"
            keys.add(role.key)
        if role.key in seen or not role.value or role.key not in ROLE_ORDER:
            draft.description.append(role.line)
            draft.kept.append(role.line)
            continue
        seen.add(role.key)
        resolved.append(role)
    draft.roles = resolved


def _common_labels(tasks: list[_Draft]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = {}
    for task in tasks:
        for draft in (task, *task.subtasks):
            for key, label in _labels_of(draft).items():
                counts.setdefault(key, Counter())[label] += 1
    common = {}
    for key, found in counts.items():
        top = max(found.values())
        # a tie goes to the default wording, which needs no `labels:` entry
        best = [label for label, count in found.items() if count == top]
        common[key] = DEFAULT_LABELS[key] if DEFAULT_LABELS[key] in best else best[0]
    return {key: label for key, label in common.items() if label != DEFAULT_LABELS[key]}


def _labels_of(draft: _Draft) -> dict[str, str]:
    labels = {role.key: role.label for role in draft.roles}
    if draft.content_label:
        labels["content"] = draft.content_label
    return labels


def _styles(draft: _Draft) -> set[str]:
    """The markers of the draft's role lines ("Nội dung:" is one of them)."""
    return {role.style for role in draft.roles} | (
        {draft.content_style} if draft.content_style else set())


def _style(draft: _Draft) -> str:
    """The draft's role style: its letter style when every role line has it, else "dash"."""
    styles = _styles(draft)
    return next(iter(styles)) if len(styles) == 1 and styles <= set(LETTER_ROLE_STYLES) \
        else "dash"


def _task_data(draft: _Draft, labels: dict[str, str], style: str, ids: set[str], path: Path,
               notes: Notes) -> dict[str, Any]:
    data: dict[str, Any] = {"id": _unique_id(draft.title, ids), "title": draft.title}
    if draft.description:
        data["description"] = draft.description[0] if len(draft.description) == 1 \
            else draft.description
    if draft.content:
        data["content"] = draft.content
    own_style = _style(draft) if _styles(draft) else style
    if own_style != style:
        data["role_style"] = own_style
    own = {key: label for key, label in _labels_of(draft).items() if labels.get(key) != label}
    if own:
        data["labels"] = own
    roles = {role.key: role for role in draft.roles}
    for key in ROLE_ORDER:
        if key in roles:
            data[key] = draft.named if key == "named_items" else _value(key, roles[key].value)
    _draft_notes(draft, data, path, notes)
    return data


def _value(key: str, value: str | list[str]) -> str | list[str]:
    """Agencies without the end punctuation plangen adds; other values as written."""
    if isinstance(value, list):
        items = [strip_end(item) for item in value if strip_end(item)]
        return items if key in AGENCY_KEYS or len(items) != 1 else items[0]
    return strip_end(value) if key in AGENCY_KEYS else value


def _draft_notes(draft: _Draft, data: dict[str, Any], path: Path, notes: Notes) -> None:
    for name in sorted(draft.joined):
        notes.add("check", "extract_joined", (*path, name if name in data else "title"))
    for line in draft.kept:
        notes.add("kept", "extract_role_kept", (*path, "description"), text=excerpt(line))
    order = [ROLE_ORDER.index(role.key) for role in draft.roles]
    if order != sorted(order):
        notes.add("check", "extract_role_order", path)
    first_role = draft.sequence.index("role") if "role" in draft.sequence else None
    if first_role is not None and "description" in draft.sequence[first_role:]:
        notes.add("check", "extract_order", (*path, "description"))
    if len(_styles(draft) - {"none"}) > 1:
        notes.add("check", "extract_role_style_mixed", path)


def _unique_id(title: str, ids: set[str]) -> str:
    base = slug(title) or "nhiem-vu"
    candidate, number = base, 2
    while candidate in ids:
        candidate, number = f"{base}-{number}", number + 1
    ids.add(candidate)
    return candidate


def slug(text: str, words: int = 4) -> str:
    """ "Tuyên truyền, phổ biến pháp luật" -> "tuyen-truyen-pho-bien"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(parts[:words])


def row_paragraph(row: tuple[tuple[str, ...], ...]) -> str:
    """A table row as one paragraph: its cells joined by "; "."""
    return "; ".join(" ".join(cell) for cell in row if cell)


def _path_of(tasks: list[_Draft], target: _Draft | None) -> Path:
    if not tasks or target is None:
        return ("tasks", "text")
    task = tasks[-1]
    if target is task:
        return ("tasks", "items", len(tasks) - 1)
    return ("tasks", "items", len(tasks) - 1, "subtasks", task.subtasks.index(target))


def leaf_tasks(section: dict[str, Any]) -> list[dict[str, Any]]:
    """Tasks as the appendix lists them: sub-tasks in place of their parent."""
    return [leaf for task in section.get("items", []) for leaf in (task.get("subtasks") or
                                                                   [task])]
