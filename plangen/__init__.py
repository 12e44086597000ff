"""plangen: draft Vietnamese government plans (KẾ HOẠCH) from YAML, formatted per NĐ 30/2020."""

from plangen.errors import PlangenError, SpecError, SpecIssue
from plangen.model import Plan
from plangen.spec.api import CheckedSpec, check_spec, load_plan

__all__ = ["CheckedSpec", "Plan", "PlangenError", "SpecError", "SpecIssue", "check_spec",
           "load_plan"]
__version__ = "0.1.0"
