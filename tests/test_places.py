"""A free plan's blocks are named by where the printed plan puts them (plangen.places), and
the tracked tasks by those names: an officer finds "III.1.2" in the signed plan."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from plangen.freeform import Block, FreeSection
from plangen.places import printed_places
from plangen.render.docx import render_plan
from plangen.spec.api import load_plan
from plangen.track.tasks import assignments

ROOT = Path(__file__).resolve().parents[1]


def test_places_follow_the_printed_numbers() -> None:
    point_a, point_b = Block("point", "Điểm a"), Block("point", "Điểm b")
    dash = Block("bullet", "Gạch", content=(Block("plus", "Cộng"),))
    inner = Block("item", "Khoản 1.1", content=(point_a, point_b))
    first = Block("item", "Khoản 1", content=(inner, dash, Block("item", "Khoản 1.2")))
    second = Block("item", "Khoản 2", content=(Block("text", "Đoạn"),))
    sections = (FreeSection("ĐÁNH GIÁ", None, (Block("text", "Mở đầu"),)),
                FreeSection("NHIỆM VỤ", "tasks", (first, second)))
    places = printed_places(sections, "roman")
    assert [places[id(block)] for block in (first, inner, point_a, point_b, dash,
                                            dash.content[0], first.content[2], second,
                                            second.content[0])] == [
        "II.1", "II.1.1", "II.1.1.a", "II.1.1.b", "II.1 (1)", "II.1 (1) (1)", "II.1.2",
        "II.2", "II.2 (1)"]
    assert places[id(sections[0].content[0])] == "I (1)"
    assert printed_places(sections, "letter")[id(point_b)] == "B.1.1.b"


def test_each_tracked_place_is_printed_in_the_plan() -> None:
    for name in ("thanh-hoa.yaml", "variations-free.yaml", "bo-vhttdl-qd4385.yaml",
                 "variations-parts.yaml"):
        plan = load_plan(ROOT / "specs" / name)
        work = assignments(plan)
        numbers = [task.number for task in work.tasks]
        assert len(set(numbers)) == len(numbers), name
        text = [p.text for p in Document(io.BytesIO(render_plan(plan))).paragraphs]
        for task in work.tasks:
            part, _, number = task.number.rpartition(", ")  # "Phần II, I.2" in a plan in parts
            section, _, rest = number.partition(".")
            path = rest.split(" ")[0].split(".")
            items = [part for part in path if part.isdigit()]
            start = text.index(part) if part else 0
            heading = next(i for i, line in enumerate(text) if i >= start
                           and line.startswith(f"{section}. "))
            if items:  # the item's own number is printed in its section
                label = ".".join(items) + ". "
                assert any(line.startswith(label) for line in text[heading:]), (name, task)
            letters = [part for part in path if not part.isdigit()]
            if letters:
                assert any(line.startswith(f"{letters[-1]}) ") for line in text[heading:]), (
                    name, task)
