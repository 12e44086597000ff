"""plangen: draft Vietnamese government plans (KẾ HOẠCH) from YAML, formatted per NĐ 30/2020.

The public Python API. Names are imported on first use, so `import plangen` stays cheap
(no YAML, cerberus or Word libraries until a function needs them):

    from plangen import check_spec, load_plan, render_plan, build, run_batch
    checked = check_spec("specs/dak-lak.yaml")      # issues, and the Plan when valid
    plan = load_plan("specs/dak-lak.yaml")          # Plan, or SpecError listing every issue
    data = render_plan(plan)                        # .docx bytes
    report = check_file(Path("ke-hoach.docx"))      # NĐ 30 findings for any .docx
    spec = extract_path(Path("ke-hoach-cu.docx"))   # an old plan back to a spec

After signing, the plan is followed up:

    work = assignments(plan)                        # who does what by when
    write_assignments(spec, Path("phan-cong.xlsx"), Path("han.ics"))
    write_report(spec, [Path("phan-cong.xlsx")], Path("bao-cao.docx"))
    write_timeline(spec, Path("tien-do.png"))
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "PlangenError": "plangen.errors",
    "SpecError": "plangen.errors",
    "SpecIssue": "plangen.errors",
    "Plan": "plangen.model",
    "CheckedSpec": "plangen.spec.api",
    "check_spec": "plangen.spec.api",
    "load_plan": "plangen.spec.api",
    "Renderer": "plangen.render.docx",
    "render_plan": "plangen.render.docx",
    "convert_pdf": "plangen.render.pdf",
    "check_docx": "plangen.check.api",
    "check_file": "plangen.check.api",
    "extract_path": "plangen.extract",
    "extract_text": "plangen.extract",
    "build": "plangen.batch.build",
    "BatchOptions": "plangen.batch.run",
    "run_batch": "plangen.batch.run",
    "select_localities": "plangen.batch.selection",
    "resolve_locality": "plangen.batch.resolve",
    "assignments": "plangen.track.tasks",
    "ReportOptions": "plangen.track.options",
    "write_assignments": "plangen.track.api",
    "write_report": "plangen.track.api",
    "write_timeline": "plangen.track.api",
}
_RENAMED = {"convert_pdf": "convert", "resolve_locality": "resolve"}

__all__ = [
    "BatchOptions",
    "CheckedSpec",
    "Plan",
    "PlangenError",
    "Renderer",
    "ReportOptions",
    "SpecError",
    "SpecIssue",
    "assignments",
    "build",
    "check_docx",
    "check_file",
    "check_spec",
    "convert_pdf",
    "extract_path",
    "extract_text",
    "load_plan",
    "render_plan",
    "resolve_locality",
    "run_batch",
    "select_localities",
    "write_assignments",
    "write_report",
    "write_timeline",
]

if TYPE_CHECKING:
    from plangen.batch.build import build
    from plangen.batch.resolve import resolve as resolve_locality
    from plangen.batch.run import BatchOptions, run_batch
    from plangen.batch.selection import select_localities
    from plangen.check.api import check_docx, check_file
    from plangen.errors import PlangenError, SpecError, SpecIssue
    from plangen.extract import extract_path, extract_text
    from plangen.model import Plan
    from plangen.render.docx import Renderer, render_plan
    from plangen.render.pdf import convert as convert_pdf
    from plangen.spec.api import CheckedSpec, check_spec, load_plan
    from plangen.track.api import write_assignments, write_report, write_timeline
    from plangen.track.options import ReportOptions
    from plangen.track.tasks import assignments


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'plangen' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
