"""Property: any valid spec renders to a document that is schema-valid, passes `plangen check`,
shows every text of the spec in order, and renders to the same bytes twice.

Specs are generated from Vietnamese text using every vowel with every tone mark (and đ), with
random numbers of tasks, sub-tasks, purpose items, recipients, with or without an appendix and
every date form. They go through the real YAML loader and validator, as users' files do
(from text: writing thousands of small files is what costs when the disk is busy).
"""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.docx_helpers import all_text, assert_schema_valid, wml_schema
from support.wordmatch import words

from plangen.check.api import fast_check
from plangen.check.report import finding_text
from plangen.render.docx import Renderer
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text

BASES = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # ngang huyền sắc ngã hỏi nặng
VOWELS = [unicodedata.normalize("NFC", base + tone) for base in BASES for tone in TONES]
CONSONANTS = ["b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
              "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
FINALS = ["", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
SIGNATURES = [["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
              ["CHỦ TỊCH"], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]]
EXAMPLES = 200

SYLLABLES = sorted({c + v + f for c in CONSONANTS for v in VOWELS for f in FINALS})
syllable = st.sampled_from(SYLLABLES)  # one draw a word keeps generation cheap


def phrase(low: int = 2, high: int = 9) -> st.SearchStrategy[str]:
    """Lower-case Vietnamese words, sometimes a comma between them."""
    return st.lists(st.tuples(syllable, st.sampled_from(["", "", "", ","])),
                    min_size=low, max_size=high).map(
        lambda parts: " ".join(word + mark for word, mark in parts).rstrip(","))


def sentence(low: int = 2, high: int = 9) -> st.SearchStrategy[str]:
    return phrase(low, high).map(lambda text: text[:1].upper() + text[1:])


def name_of_place() -> st.SearchStrategy[str]:
    return st.lists(syllable, min_size=1, max_size=3).map(
        lambda parts: " ".join(part.capitalize() for part in parts))


@st.composite
def dates(draw: st.DrawFn) -> dict[str, int]:
    year = draw(st.integers(2000, 2099))
    form = draw(st.sampled_from(["year", "month", "day"]))
    if form == "year":
        return {"year": year}
    month = draw(st.integers(1, 12))
    if form == "month":
        return {"month": month, "year": year}
    return {"day": draw(st.integers(1, 28)), "month": month, "year": year}


@st.composite
def tasks(draw: st.DrawFn, number: int) -> dict[str, Any]:
    task: dict[str, Any] = {"id": f"nv-{number}", "title": draw(sentence())}
    if draw(st.booleans()):
        task["description"] = draw(sentence(3, 12))
    for key in ("lead", "timeline", "product"):
        if draw(st.booleans()):
            task[key] = draw(sentence(2, 5))
    if draw(st.booleans()):
        task["partners"] = draw(st.lists(sentence(2, 4), min_size=1, max_size=3))
    subtasks = draw(st.integers(0, 3))
    if subtasks:
        task["subtasks"] = [{"id": f"nv-{number}-{n}", "title": draw(sentence()),
                             "lead": draw(sentence(2, 4))} for n in range(subtasks)]
    return task


def shown_task(task: dict[str, Any]) -> list[str]:
    """The texts of a task in the order the document prints them."""
    out = [task["title"], *([task["description"]] if "description" in task else [])]
    out += [task[key] for key in ("lead",) if key in task]
    out += task.get("partners", [])
    out += [task[key] for key in ("timeline", "product") if key in task]
    for sub in task.get("subtasks", []):
        out += [sub["title"], sub["lead"]]
    return out


@st.composite
def specs(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    """A valid spec and its texts in document order."""
    place = draw(name_of_place())
    summary = draw(sentence(3, 14))
    preamble = draw(st.lists(sentence(4, 12), min_size=0, max_size=3))
    purpose = draw(st.lists(sentence(3, 10), min_size=1, max_size=4))
    task_list = [draw(tasks(n)) for n in range(1, draw(st.integers(1, 6)) + 1)]
    funding = draw(sentence(3, 10))
    organization = draw(st.lists(sentence(3, 10), min_size=1, max_size=3))
    closing = draw(sentence(4, 12)) + "./."
    recipients = draw(st.lists(sentence(2, 5), min_size=1, max_size=5))
    archive = "Lưu: VT, " + draw(st.sampled_from(["KGVX", "TH", "KT", "NC"]))
    signer = f"{draw(st.sampled_from(FAMILY))} {draw(name_of_place())}"
    spec: dict[str, Any] = {
        "issuer": {"name": f"Ủy ban nhân dân tỉnh {place}"},
        "place": place, "date": draw(dates()), "summary": summary,
        "purpose": {"items": purpose}, "tasks": {"items": task_list},
        "funding": {"text": funding}, "organization": {"items": organization},
        "closing": closing, "recipients": [*recipients, archive],
        "signature": {"lines": draw(st.sampled_from(SIGNATURES)), "name": signer},
    }
    if draw(st.booleans()):
        spec["number"] = str(draw(st.integers(1, 999)))
    if preamble:
        spec["preamble"] = preamble
    shown = [place, summary, *preamble, *purpose,
             *(text for task in task_list for text in shown_task(task)),
             funding, *organization, closing, *recipients, archive, signer]
    if draw(st.booleans()):
        spec["appendix"] = {"title": draw(sentence(3, 8)), "from_tasks": True}
        first = task_list[0]  # the appendix lists leaf tasks: sub-tasks stand for their task
        shown += [spec["appendix"]["title"], first.get("subtasks", [first])[0]["title"]]
    return spec, shown


def assert_in_order(document: str, texts: list[str]) -> None:
    """Each text's words appear, contiguous, each after the one before."""
    doc = words(document)
    position = 0
    for text in texts:
        wanted = words(text)
        start = position
        while True:
            try:
                start = doc.index(wanted[0], start)
            except ValueError:
                raise AssertionError(f"not found after word {position}: {text!r}") from None
            if doc[start:start + len(wanted)] == wanted:
                position = start + len(wanted)
                break
            start += 1


def test_the_alphabet_holds_every_vietnamese_vowel_and_tone() -> None:
    assert len(set(VOWELS)) == 12 * 6 and "đ" in "".join(CONSONANTS)
    assert {vowel for vowel in VOWELS if any(vowel in word for word in SYLLABLES)} == set(VOWELS)
    assert all(unicodedata.is_normalized("NFC", vowel) for vowel in VOWELS)
    wml_schema()  # loaded once here, not inside the timed examples


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(specs())
def test_any_valid_spec_round_trips(renderer: Renderer,
                                    generated: tuple[dict[str, Any], list[str]]) -> None:
    spec, shown = generated
    # the loader and validator a spec file goes through, minus the disk (slow under load)
    text = yaml.safe_dump(spec, allow_unicode=True, sort_keys=False)
    checked = check_loaded(load_spec_text(text, "plan.yaml", collect=True))
    assert checked.plan is not None, [issue.format("en") for issue in checked.errors]
    data = renderer.render(checked.plan)
    assert_schema_valid(data)
    report = fast_check(data)
    assert report.ok, [finding_text(f, "en") for r in report.failed for f in r.found]
    assert_in_order(all_text(data), shown)
    assert renderer.render(checked.plan) == data
