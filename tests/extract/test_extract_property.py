"""Property: any plan plangen renders comes back through `extract` as a valid spec that
renders the same paragraphs, of the same kinds, in the same order, whatever mix of the
spec's forms it uses: flat or split purpose, descriptions, "Nội dung:" items, named tasks,
every role, own labels and marker styles, sub-tasks, numbered or plain funding, per-agency
organization with a reporting regime, drafting code, signature forms, appendix from the
tasks or its own rows."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.seedtext import document_text
from support.wordmatch import in_order_ratio, missing_runs, words

from plangen.extract import extract_bytes
from plangen.render.context import build_context
from plangen.render.docx import render_plan
from plangen.spec.api import check_loaded, load_plan
from plangen.spec.loader import load_spec_text

VOWELS = [unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuư" for t in
          ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")]
CONSONANTS = ["b", "c", "ch", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu",
              "s", "t", "th", "tr", "v", "x"]
LABELS = {"lead": ["Cơ quan chủ trì", "Đơn vị chủ trì", "Cơ quan chủ trì thực hiện"],
          "partners": ["Cơ quan phối hợp", "Đơn vị phối hợp"],
          "implementer": ["Đơn vị thực hiện", "Bộ phận thực hiện"],
          "supervisor": ["Cơ quan đôn đốc, hướng dẫn", "Đơn vị theo dõi"],
          "timeline": ["Thời gian thực hiện", "Thời hạn hoàn thành"],
          "product": ["Sản phẩm", "Kết quả đầu ra"]}
SIGNATURES = [["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], ["KT. CHỦ TỊCH",
                                                                       "PHÓ CHỦ TỊCH"]]

word = st.builds(lambda c, v: c + v, st.sampled_from(CONSONANTS), st.sampled_from(VOWELS))


def phrase(low: int, high: int) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=low, max_size=high).map(" ".join)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


title = phrase(2, 12).map(capital)
sentence = phrase(4, 30).map(lambda text: capital(text) + ".")
agency = phrase(1, 4).map(lambda text: "Sở " + " ".join(capital(w) for w in text.split()))
agencies = st.one_of(agency, st.lists(agency, min_size=2, max_size=3))


@st.composite
def task(draw: st.DrawFn, sub: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {"title": draw(title)}
    if draw(st.booleans()):
        data["description"] = draw(st.one_of(sentence, st.lists(sentence, min_size=1,
                                                                   max_size=2)))
    if not sub and draw(st.integers(0, 3)) == 0:
        data["content"] = draw(st.lists(sentence, min_size=1, max_size=3))
    if not sub and draw(st.integers(0, 3)) == 0:
        data["named_items"] = draw(st.lists(title, min_size=2, max_size=3))
    for key in ("lead", "implementer", "partners", "supervisor"):
        if draw(st.integers(0, 2 if key in ("lead", "partners") else 5)) == 0:
            data[key] = draw(agencies)
    for key in ("timeline", "product"):
        if draw(st.booleans()):
            data[key] = draw(title)
    roles = [key for key in LABELS if key in data]
    if roles and draw(st.integers(0, 3)) == 0:
        key = draw(st.sampled_from(roles))
        data["labels"] = {key: draw(st.sampled_from(LABELS[key][1:]))}
    if roles and not sub and draw(st.integers(0, 3)) == 0:  # a sub-task prints as a point:
        data["role_style"] = "letter"  # its role lines are never lettered (validation)
    if not sub and draw(st.integers(0, 3)) == 0:
        data["subtasks"] = draw(st.lists(task(sub=True), min_size=1, max_size=3))
        if data.get("role_style") == "letter":
            for subtask in data["subtasks"]:
                subtask["role_style"] = "dash"
    return data


@st.composite
def entry(draw: st.DrawFn) -> Any:
    if draw(st.booleans()):
        return draw(sentence)
    data: dict[str, Any] = {"title": draw(title)}
    kind = draw(st.sampled_from(["text", "points", "bullets"]))
    data[kind] = draw(st.lists(sentence, min_size=1, max_size=3))
    return data


def section(draw: st.DrawFn) -> dict[str, Any]:
    if draw(st.booleans()):
        return {"text": draw(st.one_of(sentence, st.lists(sentence, min_size=2, max_size=2)))}
    return {"items": draw(st.lists(entry(), min_size=1, max_size=4))}


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    place = " ".join(capital(w) for w in draw(phrase(1, 3)).split())
    date = draw(st.sampled_from([{"year": 2026}, {"month": 6, "year": 2026},
                                 {"day": 5, "month": 2, "year": 2026}]))
    tasks = draw(st.lists(task(), min_size=1, max_size=5))
    data: dict[str, Any] = {
        "issuer": {"name": f"Ủy ban nhân dân tỉnh {place}"}, "place": place, "date": date,
        "number": draw(st.sampled_from([None, "05", "213"])),
        "summary": draw(title), "preamble": [f"Căn cứ {draw(phrase(4, 20))};",
                                             f"Ủy ban nhân dân tỉnh {draw(phrase(3, 9))} như sau:"],
        "purpose": section(draw), "tasks": {"items": tasks},
        "funding": section(draw), "organization": section(draw),
        "closing": f"Trên đây là Kế hoạch {draw(phrase(3, 20))}./.",
        "recipients": [*draw(st.lists(agency, min_size=1, max_size=4)), "Lưu: VT, KGVX"],
        "signature": {"lines": draw(st.sampled_from(SIGNATURES)), "name": "Nguyễn Văn An"},
    }
    if draw(st.booleans()):
        data["organization"]["reporting"] = {"bullets": draw(st.lists(sentence, min_size=1,
                                                                      max_size=2))}
        data["organization"].setdefault("items", [draw(sentence)])
    if draw(st.booleans()):
        data["drafting_code"] = "NTH_KGVX05_KH"
    if draw(st.booleans()):
        rows = [{"content": draw(sentence), "lead": draw(agencies)} for _ in range(2)]
        data["appendix"] = {"title": draw(title), **({"from_tasks": True} if draw(
            st.booleans()) else {"rows": rows})}
    return data


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(plans())
def test_any_rendered_plan_extracts_back_to_the_same_words(tmp_path: Path,
                                                           data: dict[str, Any]) -> None:
    spec = tmp_path / "plan.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    original = render_plan(load_plan(spec))
    extraction = extract_bytes(original, "plan.docx")
    assert not extraction.errors, "\n".join(issue.format() for issue in extraction.errors)
    checked = check_loaded(load_spec_text(extraction.yaml_text))
    assert checked.plan is not None
    before = words(document_text(original))
    after = words(document_text(render_plan(checked.plan)))
    for reference, produced in ((before, after), (after, before)):
        assert in_order_ratio(reference, produced) >= 0.99, missing_runs(reference, produced)
    # and the same structure: every paragraph of the same kind (numbering, role line, bullet)
    was, now = build_context(load_plan(spec)), build_context(checked.plan)
    assert [(p.kind, p.text) for p in now.body] == [(p.kind, p.text) for p in was.body]
    for field in ("issuer", "number", "symbol", "place", "date", "summary", "recipients",
                  "drafting_code", "signature", "appendix"):
        assert getattr(now, field) == getattr(was, field), field
