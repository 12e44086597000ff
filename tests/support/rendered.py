"""Fixtures of a spec file rendered once per test module, and of an example folder copied for
each test: the render and batch tests build them the same way.

    plan_fixture, rendered_fixture, doc_fixture = rendered_fixtures(DATA / "committee.yaml")

gives a module the fixtures `plan` (the `Plan`), `rendered` (its .docx bytes) and `doc` (those
bytes read back with python-docx); `example_fixture = copied_folder(EXAMPLE)` gives it `example`, a
fresh copy of the folder in the test's tmp_path.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.document import Document

from plangen.model import Plan, build_plan
from plangen.render.docx import render_plan
from support.docx_helpers import open_docx


def spec_data(path: Path) -> dict[str, Any]:
    """The spec at `path` as plain data (no extends or includes), a new copy each call, for a
    test to edit before it builds the plan."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def render_data(data: dict[str, Any]) -> bytes:
    """The .docx bytes of validated spec `data`."""
    return render_plan(build_plan(data))


def rendered_fixtures(path: Path) -> tuple[Callable[..., Any], ...]:
    """The module-scoped fixtures `plan`, `rendered` and `doc` of the spec at `path`; assign
    each to a name of the test module so pytest finds it."""

    @pytest.fixture(scope="module", name="plan")
    def plan_fixture() -> Plan:
        return build_plan(spec_data(path))

    @pytest.fixture(scope="module", name="rendered")
    def rendered_fixture(plan: Plan) -> bytes:
        return render_plan(plan)

    @pytest.fixture(scope="module", name="doc")
    def doc_fixture(rendered: bytes) -> Document:
        return open_docx(rendered)

    return plan_fixture, rendered_fixture, doc_fixture


def copied_folder(source: Path) -> Callable[..., Any]:
    """The fixture `example`: a copy of the folder `source` (of the same name) in the test's
    tmp_path, which the test may edit and write beside."""

    @pytest.fixture(name="example")
    def example_fixture(tmp_path: Path) -> Path:
        folder = tmp_path / source.name
        shutil.copytree(source, folder)
        return folder

    return example_fixture


def document_lines(path: Path) -> list[str]:
    """The text of each paragraph of the .docx at `path`, then of each table cell."""
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


def document_text(path: Path) -> str:
    """`document_lines` of the .docx at `path`, one a line."""
    return "\n".join(document_lines(path))
