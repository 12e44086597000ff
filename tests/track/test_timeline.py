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


def timeline(spec: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`plangen timeline spec -o out`, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "plangen", "timeline", str(spec), "-o",
                           str(out)], capture_output=True, text=True, check=False)


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
        done = timeline(spec, out)
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 5000
    width, height = png_size((tmp_path / "tien-do.png").read_bytes())
    rows = len(assignments(load_plan(spec)).tasks)
    assert width > 1000 and height > 20 * rows
    bad = timeline(spec, tmp_path / "x.jpg")
    assert bad.returncode == 2 and ".png" in bad.stderr and ".docx" in bad.stderr


def test_same_plan_same_bytes() -> None:
    work = assignments(load_plan(ROOT / "specs" / "hue.yaml"))
    assert timeline_chart(work, "png") == timeline_chart(work, "png")
    assert timeline_chart(work, "svg") == timeline_chart(work, "svg")


def test_as_the_plans_appendix_page(tmp_path: Path) -> None:
    from docx import Document
    from support.docx_helpers import all_text, assert_schema_valid

    from plangen.check.api import check_file

    for name in ("variations.yaml", "dak-lak.yaml"):  # with and without an appendix of its own
        out = tmp_path / f"{name}.docx"
        done = timeline(ROOT / "specs" / name, out)
        assert done.returncode == 0, done.stderr
        data = out.read_bytes()
        assert_schema_valid(data)
        report = check_file(out)
        assert report.ok, [result.id for result in report.failed]
        text = all_text(data)
        assert "TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ" in text
        document = Document(str(out))
        last = document.sections[-1]
        assert last.page_width > last.page_height  # landscape
        assert document.inline_shapes and document.inline_shapes[-1].width > 0


def test_after_several_appendices_the_chart_is_the_next_numeral(tmp_path: Path) -> None:
    """Thanh Hóa has Phụ lục I–III: the chart is Phụ lục IV, on pages of its own."""
    from docx import Document

    from plangen.check.api import check_file

    out = tmp_path / "thanh-hoa.docx"
    done = timeline(ROOT / "specs" / "thanh-hoa.yaml", out)
    assert done.returncode == 0, done.stderr
    document = Document(str(out))
    labels = [p.text for p in document.paragraphs if p.text.startswith("Phụ lục")]
    assert labels == ["Phụ lục I", "Phụ lục II", "Phụ lục III", "Phụ lục IV"]
    assert len(document.sections) == 5  # the plan, then one section per appendix
    assert check_file(out).ok


def test_a_second_appendix_renames_the_first(tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "variations.docx"
    done = timeline(ROOT / "specs" / "variations.yaml", out)
    assert done.returncode == 0, done.stderr
    document = Document(str(out))
    assert [p.text for p in document.paragraphs if p.text.startswith("Phụ lục")] == [
        "Phụ lục I", "Phụ lục II"]
    assert len(document.sections) == 3
