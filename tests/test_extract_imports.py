"""plangen.extract imports one way: reading, then parsing, then writing; only the reader
touches Word's XML, and nothing in it renders."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "plangen" / "extract"
# module -> the plangen modules it may import ("extract.x" for the package's own)
ALLOWED = {
    "blocks": {"errors"},
    "plaintext": {"extract.blocks", "vntext"},
    "reader": {"extract.blocks", "extract.plaintext", "vntext"},
    "notes": {"errors"},
    "patterns": {"model", "vntext"},
    "tasks": {"errors", "extract.blocks", "extract.notes", "extract.patterns", "model",
              "vntext"},
    "appendix": {"extract.blocks", "extract.notes", "extract.patterns", "extract.tasks",
                 "model", "vntext"},
    "frame": {"extract.blocks", "extract.notes", "extract.patterns", "model", "schema",
              "vntext"},
    "parse": {"errors", "extract.appendix", "extract.blocks", "extract.frame", "extract.notes",
              "extract.patterns", "extract.tasks", "vntext"},
    "emit": {"errors", "extract.notes", "messages"},
    "summary": {"extract", "extract.notes", "messages", "model", "vntext"},
    "__init__": {"errors", "extract.blocks", "extract.emit", "extract.notes", "extract.parse",
                 "extract.plaintext", "extract.reader", "loader", "spec"},
}


def imports(module: str) -> tuple[set[str], set[str]]:
    """(plangen modules, other top-level packages) that `module` imports."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    ours, others = set(), set()
    for node in ast.walk(tree):
        names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else [
            alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        for name in names:
            if name.startswith("plangen."):
                ours.add(name.removeprefix("plangen."))
            elif name == "plangen":
                ours |= {alias.name for alias in node.names}  # type: ignore[union-attr]
            else:
                others.add(name.split(".")[0])
    return ours, others


def test_every_module_is_listed() -> None:
    assert {path.stem for path in PACKAGE.glob("*.py")} == set(ALLOWED)


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_imports_point_one_way(module: str) -> None:
    ours, others = imports(module)
    assert ours <= ALLOWED[module]
    assert "docx" not in others and "docxtpl" not in others
    assert ("lxml" in others) == (module == "reader")
