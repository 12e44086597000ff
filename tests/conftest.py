"""Shared fixtures: one Renderer per session, a small plan written inline, LibreOffice checks."""

from __future__ import annotations

import copy
import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings
from support.docx_helpers import assert_schema_valid

from plangen.model import Plan
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan

# CI runs the property tests on a fixed seed: a run there is repeatable, and a failure names
# the example to reproduce (print_blob); locally every run explores new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# A shell that starts the suite in the background (`pytest &` in a script) ignores SIGINT for
# it, and an ignored signal is inherited by every child: the tests that press Ctrl-C on a
# batch would press it on a process that cannot hear it. A caught signal is reset to its
# default in children, so catching it here gives them the Ctrl-C a terminal would.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"

SMALL_PLAN: dict[str, Any] = {
    "issuer": {"name": "Ủy ban nhân dân tỉnh Đắk Lắk"},
    "number": "05",
    "place": "Đắk Lắk",
    "date": {"day": 5, "month": 2, "year": 2026},
    "summary": "Triển khai thi hành Luật Trí tuệ nhân tạo",
    "preamble": ["Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;",
                 "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"],
    "purpose": {"items": [{"title": "Mục đích", "bullets": ["Triển khai kịp thời."]},
                          {"title": "Yêu cầu", "points": ["Rõ người.", "Rõ việc."]}]},
    "tasks": {"items": [
        {"id": "tuyen-truyen", "title": "Tuyên truyền", "lead": "Sở Khoa học và Công nghệ",
         "partners": ["Sở Tư pháp", "Công an tỉnh"], "timeline": "Năm 2026"},
        {"id": "ra-soat", "title": "Rà soát", "subtasks": [
            {"id": "van-ban", "title": "Rà soát văn bản", "lead": "Sở Tư pháp",
             "timeline": "Thường xuyên"},
            {"id": "du-lieu", "title": "Rà soát dữ liệu", "lead": "Công an tỉnh",
             "timeline": "Quý III năm 2026"}]},
    ]},
    "funding": {"text": "Ngân sách nhà nước."},
    "organization": {"items": ["Sở Khoa học và Công nghệ theo dõi, đôn đốc."]},
    "closing": "Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh./.",
    "recipients": ["Bộ Khoa học và Công nghệ (b/c)", "Các sở, ban, ngành", "Lưu: VT, KGVX"],
    "signature": {"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": "Nguyễn Văn A"},
}
APPENDIX: dict[str, Any] = {"title": "Phân công nhiệm vụ", "from_tasks": True}


@pytest.fixture(scope="session", autouse=True)
def _every_render_schema_valid() -> Iterator[None]:
    """Every .docx any test renders is checked against the OOXML schemas."""
    original = Renderer.render

    def checked(self: Renderer, plan: Plan) -> bytes:
        data = original(self, plan)
        assert_schema_valid(data)
        return data

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Renderer, "render", checked)
        yield


@pytest.fixture(scope="session")
def renderer() -> Renderer:
    """The default template, loaded once for the whole session."""
    return Renderer()


@pytest.fixture
def plan_data() -> dict[str, Any]:
    """A fresh copy of a small valid spec, to change per test."""
    return copy.deepcopy(SMALL_PLAN)


@pytest.fixture
def write_spec(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    """Write spec data as YAML in tmp_path; returns the file."""
    def write(data: dict[str, Any], name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        return path
    return write


@pytest.fixture
def make_plan(write_spec: Callable[[dict[str, Any]], Path]) -> Callable[[dict[str, Any]], Plan]:
    """Spec data -> validated Plan, through the real loader and validator."""
    return lambda data: load_plan(write_spec(data))


def require_soffice() -> str:
    """LibreOffice's path; in CI its absence fails, elsewhere it skips with the reason."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    reason = "LibreOffice (soffice) is not installed: sudo apt-get install libreoffice-writer-nogui"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)
