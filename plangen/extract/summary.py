"""What an extraction recognised, as the lines the command prints: each part of the plan with
what was found in it, what the reader repaired, and every note with the field it concerns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from plangen.extract import Extraction
from plangen.extract.notes import NOTE_KINDS
from plangen.freeform import appendix_label, build_free
from plangen.messages import format_path, message
from plangen.model import DEFAULT_LABELS, free_tasks
from plangen.vntext import BLANK, date_words, letter, roman, upper

REPAIRS = ("joined", "unwrapped", "marks", "page_numbers", "soft_breaks", "numbering", "text_boxes",
           "insertions", "deletions")
_SECTIONS = (("purpose", "I", "MỤC ĐÍCH, YÊU CẦU"), ("funding", "III", "KINH PHÍ THỰC HIỆN"),
             ("organization", "IV", "TỔ CHỨC THỰC HIỆN"))
Say = Callable[..., str]
_ROLE_KEYS = ("named_items", "lead", "implementer", "partners", "supervisor", "timeline",
              "product")


def summary_lines(extraction: Extraction, lang: str = "vi") -> list[str]:
    """The recognised parts, the repairs and the notes, one line each, in `lang`."""
    data = extraction.data

    def say(key: str, /, **params: Any) -> str:
        return message(key, lang, **params)

    # a plan issued by a decision: the number, date, recipients and signature are its
    frame = data.get("decision") or data
    symbol = frame.get("symbol", "QĐ-UBND" if "decision" in data else "KH-UBND")
    lines = [say("extract_sum_title", source=extraction.source)]
    lines.append(say("extract_sum_header", issuer=data["issuer"]["name"],
                     number=f"{frame.get('number') or BLANK}/{symbol}",
                     place=frame["place"], date=_date(frame["date"])))
    if "decision" in data:
        articles = frame.get("articles", {})
        lines.append(say("extract_sum_decision", bases=len(frame.get("bases", [])),
                         articles=3 + len(articles.get("extra", [])),
                         written=", ".join(key for key in ("issue", "extra", "effect",
                                                           "execution", "executors")
                                           if key in articles) or "—"))
    lines.append(say("extract_sum_summary", summary=data["summary"]))
    preamble = data.get("preamble", [])
    lines.append(say("extract_sum_preamble", count=len(preamble),
                     bases=sum(1 for p in preamble if p.lower().startswith("căn cứ"))))
    if "sections" in data:
        lines += _free_lines(data, say)
    else:
        lines.append(_section_line(data, *_SECTIONS[0], say))
        lines.append(_tasks_line(data["tasks"], say))
        lines += [_section_line(data, *section, say) for section in _SECTIONS[1:]]
    lines.append(say("extract_sum_closing", count=_count(data.get("closing"))))
    recipients = frame["recipients"]
    lines.append(say("extract_sum_recipients", count=len(recipients), archive=recipients[-1]))
    if frame.get("drafting_code"):
        lines.append(say("extract_sum_code", value=frame["drafting_code"]))
    signature = frame["signature"]
    lines.append(say("extract_sum_signature", lines=" / ".join(signature["lines"]),
                     name=signature["name"]))
    appendix = data.get("appendix")
    if data.get("appendices"):
        lines += _free_appendix_lines(data["appendices"], say)
    elif appendix:
        rows = len(appendix.get("rows", []))
        lines.append(say("extract_sum_appendix_tasks" if appendix.get("from_tasks") else
                         "extract_sum_appendix", title=appendix["title"], rows=rows))
    else:
        lines.append(say("extract_sum_no_appendix"))
    repairs = [say(f"extract_repair_{key}", count=extraction.repairs[key]) for key in REPAIRS
               if extraction.repairs.get(key)]
    if repairs:
        lines.append(say("extract_sum_repairs", repairs="; ".join(repairs)))
    return lines + note_lines(extraction, lang)


def note_lines(extraction: Extraction, lang: str = "vi") -> list[str]:
    """The count of notes by kind, then each note with the field it concerns."""
    counts = {kind: sum(1 for note in extraction.notes if note.kind == kind)
              for kind in NOTE_KINDS}
    if not any(counts.values()):
        return [message("extract_sum_no_notes", lang)]
    lines = [message("extract_sum_notes", lang, **counts)]
    for kind in NOTE_KINDS:
        for note in extraction.notes:
            if note.kind == kind:
                where = format_path(note.path) or message("whole_file", lang)
                lines.append(f"  {where}: {message(f'extract_prefix_{kind}', lang)}"
                             f"{message(note.code, lang, **note.params)}")
    return lines


def _date(date: dict[str, int]) -> str:
    return date_words(date.get("day"), date.get("month"), date["year"])


def _count(value: str | list[str] | None) -> int:
    if value is None:
        return 0
    return 1 if isinstance(value, str) else len(value)


def _section_line(data: dict[str, Any], key: str, numeral: str, default: str,
                  say: Say) -> str:
    section = data[key]
    return say("extract_sum_section", numeral=numeral, heading=section.get("heading", default),
               items=len(section.get("items", [])), paragraphs=_count(section.get("text")),
               reporting=say("extract_sum_reporting") if section.get("reporting") else "")


def _free_lines(data: dict[str, Any], say: Say) -> list[str]:
    """Each of the plan's own sections with its block count and role; the required sections
    it does not have, with the reason; how many tasks its blocks make."""
    lines = []
    for index, section in enumerate(data["sections"]):
        numeral = upper(letter(index)) if data.get("numbering") == "letter" else roman(
            index + 1)
        role = section.get("role")
        lines.append(say("extract_sum_free_section", numeral=numeral,
                         heading=section.get("heading", ""),
                         blocks=len(section.get("content", [])),
                         role=say("extract_sum_free_role", role=role) if role else ""))
    for role, reason in data.get("missing", {}).items():
        lines.append(say("extract_sum_free_missing", role=role, reason=reason))
    try:
        tasks: int | str = len(free_tasks(build_free(data, dict(DEFAULT_LABELS))).items)
    except (KeyError, TypeError, AttributeError, StopIteration, ValueError):
        tasks = "?"  # a draft read with gaps: the spec's validation says where
    lines.append(say("extract_sum_free_tasks", tasks=tasks))
    return lines


def _free_appendix_lines(appendices: list[dict[str, Any]], say: Say) -> list[str]:
    lines = []
    for index, appendix in enumerate(appendices):
        label = appendix.get("label") or appendix_label(index, len(appendices))
        if appendix.get("from_tasks"):
            lines.append(say("extract_sum_appendix_tasks", title=appendix.get("title", "")))
        else:
            lines.append(say("extract_sum_free_appendix", label=label,
                             title=appendix.get("title", ""),
                             blocks=len(appendix.get("content", []))))
    return lines


def _tasks_line(tasks: dict[str, Any], say: Say) -> str:
    items = tasks["items"]
    everything = [t for task in items for t in (task, *task.get("subtasks", []))]
    roles = sum(1 for t in everything for key in _ROLE_KEYS if t.get(key))
    labels = {tasks.get("labels", {}).get(key) for key in DEFAULT_LABELS} | {
        label for t in everything for label in t.get("labels", {}).values()}
    labels.discard(None)
    return say("extract_sum_tasks", heading=tasks.get("heading", "NHIỆM VỤ VÀ GIẢI PHÁP"),
               tasks=len(items), roles=roles,
               subtasks=sum(len(t.get("subtasks", [])) for t in items),
               labels=say("extract_sum_labels", labels=", ".join(sorted(
                   str(label) for label in labels))) if labels else "")
