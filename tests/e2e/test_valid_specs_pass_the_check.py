"""What validates renders a file that passes plangen's own check.

The shipped specs are edited the way a hurried officer edits them: a text replaced by another
one (a name, a stamp's words, a number alone, a sign, a very long line) or run on with it, a
list entry copied, dropped, moved or repeated, a key left out, a figure changed; one to four
edits at a time, from fixed seeds, so a failure is the same on every run. Every edited spec that
validates without an error is rendered and checked against the schemas and the NĐ 30 rules: a
finding means validation let through a spec whose print breaks the decree, so the officer would
get a file plangen itself refuses (and a batch would write nothing for that plan).
"""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.data_paths import at, paths

from plangen.check.api import check_docx
from plangen.errors import SpecError
from plangen.render.docx import Renderer
from plangen.spec.api import check_loaded
from plangen.spec.loader import load_spec_text

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "specs").glob("*.yaml")), ROOT / "tests/data/valid/minimal.yaml"]
EDITS_PER_SOURCE = 40
# what an officer types into a field by mistake, or on purpose
TEXTS = ("", " ", "a", "Sở Khoa học và Công nghệ", "x" * 400, "Từ " * 200,
         "**đậm** *nghiêng*", "^[chú thích]", "Quý IV/2026", "Trước ngày 30/6/2026",
         "Năm 2026 - 2030", "Lưu: VT, KGVX.", "a\nb", "\t", "..", "HỎA TỐC", "LƯU HÀNH NỘI BỘ",
         "Địa chỉ: 1 Lê Lợi; ĐT: 0262", "1.", "a)", "- x", "+", "I.", "Điều 1.",
         "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH", "ĐẶC BIỆT DÀI " * 30, "\u00a0", "x__y", "___",
         "NGUYỄN VĂN A", "TS. Trần B", "UBND", "I. MỤC ĐÍCH")
FIGURES = (0, 1, 12, 31, 99, 2026, 10**6)


def _edit(data: dict[str, Any], rnd: random.Random) -> None:
    """One edit somewhere in `data`, in place."""
    path = rnd.choice([path for path in paths(data) if path])
    parent, last = at(data, path[:-1]), path[-1]
    value, roll = parent[last], rnd.random()
    if isinstance(value, str):
        parent[last] = rnd.choice(TEXTS) if roll < 0.5 else f"{value} {rnd.choice(TEXTS)}"
    elif isinstance(value, list) and value:
        if roll < 0.3:
            value.append(copy.deepcopy(rnd.choice(value)))
        elif roll < 0.6 and len(value) > 1:
            value.pop(rnd.randrange(len(value)))
        elif roll < 0.8:
            rnd.shuffle(value)
        else:
            value[:] = value * 5
    elif isinstance(value, dict) and value and roll < 0.5:
        del value[rnd.choice(list(value))]
    elif isinstance(value, int) and not isinstance(value, bool):
        parent[last] = rnd.choice((*FIGURES, value + 1))


def _edited(source: Path, seed: int) -> str:
    rnd = random.Random(f"{source.name}:{seed}")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    for _ in range(rnd.randint(1, 4)):
        _edit(data, rnd)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=60)


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_every_edited_spec_that_validates_renders_a_file_that_passes_the_check(
        source: Path, renderer: Renderer) -> None:
    rendered, failures = 0, []
    for seed in range(EDITS_PER_SOURCE):
        text = _edited(source, seed)
        try:
            checked = check_loaded(load_spec_text(text, "edited.yaml", collect=True))
        except SpecError:
            continue  # refused at load: the message is what the officer gets
        if checked.errors:
            continue
        report = check_docx(renderer.render(checked.plan))
        rendered += 1
        found = sorted({f.code for result in report.results if result.status in ("fail", "advice")
                        for f in result.found})
        if found:
            failures.append(f"seed {seed}: {', '.join(found)}\n{text}")
    assert not failures, "\n\n".join(failures[:3])
    assert rendered >= EDITS_PER_SOURCE // 5  # the edits leave enough specs valid to mean much
