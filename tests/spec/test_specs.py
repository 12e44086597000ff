"""Every spec shipped in specs/ is valid, and specs/variations.yaml keeps covering the variations
of domain.md that the three seed plans do not show."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from plangen.model import Plan, leaf_tasks
from plangen.render.docx import Renderer
from plangen.spec.api import check_spec, load_plan

SPECS_DIR = Path(__file__).resolve().parents[2] / "specs"
SPECS = sorted(SPECS_DIR.glob("*.yaml"))
SHIPPED = ("dak-lak.yaml", "hue.yaml", "an-giang.yaml", "variations.yaml")


def test_the_seed_specs_and_the_variations_spec_are_shipped() -> None:
    assert set(SHIPPED) <= {path.name for path in SPECS}


@pytest.mark.parametrize("path", SPECS, ids=lambda path: path.name)
def test_spec_is_valid(path: Path) -> None:
    checked = check_spec(path)
    assert [issue.format("en") for issue in checked.errors] == []
    assert checked.plan is not None


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_spec_has_no_warnings(name: str) -> None:
    checked = check_spec(SPECS_DIR / name)
    assert [issue.format("en") for issue in checked.issues] == []


@pytest.fixture(scope="module")
def variations() -> Plan:
    return load_plan(SPECS_DIR / "variations.yaml")


def test_variations_has_a_small_number_and_a_full_date(variations: Plan) -> None:
    assert variations.number == "05"
    assert (variations.date.day, variations.date.month) == (5, 2)


def test_variations_names_the_submission_in_a_single_thuc_hien_preamble(
        variations: Plan) -> None:
    (paragraph,) = variations.preamble
    assert paragraph.startswith("Thực hiện ")
    assert "Tờ trình số 45/TTr-SKHCN" in paragraph


def test_variations_purposes_are_a_flat_numbered_list(variations: Plan) -> None:
    assert len(variations.purpose.items) >= 3
    assert all(item.title is None and len(item.text) == 1 and not item.points
               and not item.bullets for item in variations.purpose.items)
    assert variations.purpose.numbered


def test_variations_tasks_use_every_role_kind_and_relabel(variations: Plan) -> None:
    tasks = [t for task in variations.tasks.items for t in (task, *task.subtasks)]
    assert any(task.content for task in tasks)
    assert any(task.roles.supervisor for task in tasks)
    assert any(task.roles.implementer for task in tasks)
    assert any(task.subtasks for task in variations.tasks.items)
    assert any(task.roles.style == "letter" for task in tasks)
    labels = {label for task in tasks for key, label in task.roles.labels.items()
              if getattr(task.roles, key, None)}
    assert {"Cơ quan chủ trì thực hiện", "Đơn vị chủ trì tham mưu, thực hiện",
            "Đơn vị thực hiện", "Đơn vị phối hợp", "Cơ quan đôn đốc, hướng dẫn"} <= labels


def test_variations_organization_is_per_agency_with_reporting(variations: Plan) -> None:
    *agencies, reporting = variations.organization.items
    assert len(agencies) >= 3
    assert all(item.title and item.bullets for item in agencies)
    assert reporting.title == "Chế độ báo cáo"
    assert any("15/6" in line for line in reporting.bullets)
    assert any("15/12" in line for line in reporting.bullets)


def test_variations_has_a_drafting_code_and_an_appendix_from_tasks(variations: Plan) -> None:
    assert variations.drafting_code
    assert variations.appendix is not None
    assert variations.appendix.reference is None  # derived from number, date and issuer
    leaves = leaf_tasks(variations.tasks)
    assert [row.content for row in variations.appendix.rows] == [t.title for t in leaves]



def test_variations_letters_its_points_with_a_dot(variations: Plan) -> None:
    """point_style: letter_dot: the sub-tasks of II print "a.", "b."; the role lines a task
    letters by role_style keep "a)"."""
    document = docx.Document(io.BytesIO(Renderer().render(variations)))
    starts = [p.text[:3] for p in document.paragraphs]
    subtasks = [task.title for task in variations.tasks.items for task in task.subtasks]
    assert len(subtasks) >= 2
    assert all(f"{letter}. {title}" in [p.text for p in document.paragraphs]
               for letter, title in zip("ab", subtasks, strict=False))
    assert "a) " in starts and "a. " in starts
