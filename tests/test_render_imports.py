"""The rendering modules import one way only: lower layers never reach up (style.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "plangen"
# module -> the plangen modules it may import
ALLOWED = {
    "textwidth": set(),
    "ooxml": set(),
    "context": {"model", "vntext"},
    "render": {"context", "ooxml", "errors", "model", "textwidth"},
    "pdf": {"errors", "output"},
    "build": {"errors", "localities", "output", "pdf", "render", "spec"},
}


def plangen_imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "plangen":
                found |= {alias.name for alias in node.names}
            elif node.module.startswith("plangen."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("plangen.")}
    return found


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_imports_point_one_way(module: str) -> None:
    assert plangen_imports(module) <= ALLOWED[module]


def test_only_ooxml_writes_wordprocessingml() -> None:
    for module in ("context", "render", "build", "pdf"):
        source = (PACKAGE / f"{module}.py").read_text(encoding="utf-8")
        # no element or attribute markup (render only moves "<w:p" for docxtpl's line trick)
        assert "</w:" not in source and 'w:val="' not in source and "<w:r" not in source, module
