"""The timeline chart: a file per format, every task on it, the same bytes for the same plan."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from plangen.render.report import png_size
from plangen.spec.api import load_plan
from plangen.track.charts import timeline_chart
from plangen.track.tasks import assignments

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("spec", sorted((ROOT / "specs").glob("*.yaml")))
def test_the_svg_names_every_task_and_every_lead(spec: Path) -> None:
    work = assignments(load_plan(spec))
    svg = timeline_chart(work, "svg").decode("utf-8")
    words = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    words = words.replace("&#x27;", "'").replace("&amp;", "&")
    for task in work.tasks:
        assert f"{task.number}. " in words, task.number
    for task in work.tasks:
        for lead in task.leads()[:1]:
            assert lead.name.upper() in words


def test_png_and_svg_files(tmp_path: Path) -> None:
    spec = ROOT / "specs" / "variations.yaml"
    for name in ("tien-do.png", "tien-do.svg"):
        out = tmp_path / name
        done = subprocess.run([sys.executable, "-m", "plangen", "timeline", str(spec), "-o",
                               str(out)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 5000
    width, height = png_size((tmp_path / "tien-do.png").read_bytes())
    rows = len(assignments(load_plan(spec)).tasks)
    assert width > 1000 and height > 20 * rows
    bad = subprocess.run([sys.executable, "-m", "plangen", "timeline", str(spec), "-o",
                          str(tmp_path / "x.jpg")], capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and ".png" in bad.stderr


def test_same_plan_same_bytes() -> None:
    work = assignments(load_plan(ROOT / "specs" / "hue.yaml"))
    assert timeline_chart(work, "png") == timeline_chart(work, "png")
    assert timeline_chart(work, "svg") == timeline_chart(work, "svg")
