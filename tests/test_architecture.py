"""The package layout is the pipeline, and imports point one way (docs/architecture.md).

Stages: spec -> render -> check, with extract beside them and batch above; cli on top; the
shared modules at the top of the package below everything. These tests read every module's
imports (including those inside functions) and fail on any import that breaks the rules.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "plangen"
STAGES = ("spec", "render", "check", "extract", "batch")
SHARED = {"activecontent", "errors", "files", "freeform", "inline", "labels", "marks", "messages",
          "model", "places", "signing", "vntext", "wordml", "workbooks", "zips"}
# room -> the rooms it may import (besides itself and the shared modules)
ALLOWED: dict[str, set[str]] = {
    "shared": set(),
    "spec": set(),
    "render": set(),
    "check": set(),
    "extract": {"spec"},
    "batch": {"spec", "render", "check", "track"},
    "track": {"spec", "render", "check"},
    "doctor": {"render", "check"},
    "cli": {"spec", "render", "check", "extract", "batch", "track", "doctor"},
    "init": set(STAGES) | {"track"},
}
# modules that belong to no stage and may import any stage (the entry points)
TOP_LEVEL = {"cli", "clihelp", "launch", "__main__", "__init__"}


def room_of(module: str) -> str:
    """'plangen.spec.loader' -> 'spec'; 'plangen.model' -> 'shared'; 'plangen.cli' -> 'cli'."""
    parts = module.split(".")
    if len(parts) == 1:
        return "init"
    head = parts[1]
    if head in ("cli", "clihelp", "launch", "__main__"):
        return "cli"
    if head == "__init__":
        return "init"
    if head in SHARED:
        return "shared"
    return head


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts)
        found.append((name.removesuffix(".__init__"), path))
    return found


def plangen_imports(module: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "plangen"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            if base.split(".")[0] != "plangen":
                continue
            if base == "plangen":  # a module of the package, or a name from __init__
                out |= {f"plangen.{a.name}" if (PACKAGE / a.name).is_dir()
                        or (PACKAGE / f"{a.name}.py").is_file() else "plangen"
                        for a in node.names}
            else:
                out.add(base)
    return out


def test_every_stage_is_a_package_with_a_docstring_saying_its_rule() -> None:
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), stage
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "import" in doc.lower(), f"{stage}/__init__.py must say what it may import"


def test_top_level_holds_only_what_every_stage_shares() -> None:
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top <= SHARED | TOP_LEVEL, top - SHARED - TOP_LEVEL


@pytest.mark.parametrize(("module", "path"), modules(), ids=lambda v: str(v))
def test_imports_point_one_way(module: str, path: Path) -> None:
    room = room_of(module)
    assert room in ALLOWED, f"{module} lives in no known room: add it to ALLOWED and the doc"
    allowed = ALLOWED[room]
    for target in plangen_imports(module, path):
        other = room_of(target)
        if other in ("shared", room) or target == "plangen":
            continue
        assert other in allowed, f"{module} imports {target}: {room} may not import {other}"


def test_shared_modules_import_no_stage() -> None:
    for name in SHARED:
        path = PACKAGE / f"{name}.py"
        for target in plangen_imports(f"plangen.{name}", path):
            assert room_of(target) == "shared", f"plangen.{name} imports {target}"


def test_render_and_check_never_meet() -> None:
    for module, path in modules():
        targets = {room_of(t) for t in plangen_imports(module, path)}
        if room_of(module) == "render":
            assert "check" not in targets, module
        if room_of(module) == "check":
            assert "render" not in targets, module


def test_only_ooxml_writes_wordprocessingml_in_render() -> None:
    for path in (PACKAGE / "render").glob("*.py"):
        if path.stem == "ooxml":
            continue
        source = path.read_text(encoding="utf-8")
        assert "</w:" not in source and 'w:val="' not in source, path.name


def test_import_plangen_loads_no_heavy_library() -> None:
    """`import plangen` is lazy: YAML, cerberus and the Word libraries load on first use."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import plangen"],
                          capture_output=True, text=True, check=True)
    loaded = set(re.findall(r"\|\s+([\w.]+)\s*$", done.stderr, flags=re.M))
    heavy = {"yaml", "cerberus", "docx", "docxtpl", "lxml", "jinja2", "click"}
    assert not {name.split(".")[0] for name in loaded} & heavy


def test_public_api_names_resolve() -> None:
    import plangen

    for name in plangen.__all__:
        assert getattr(plangen, name) is not None, name


def test_architecture_doc_names_only_packages_that_exist() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`plangen/([a-z_]+)/`", doc))
    assert set(STAGES) <= named
    for package in named:
        assert (PACKAGE / package / "__init__.py").is_file(), package
