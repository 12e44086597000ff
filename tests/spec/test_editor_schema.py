"""The JSON Schema as editors use it: the real yaml-language-server (VS Code's YAML extension)
driven over stdio. Every shipped spec, shared part and localities table gets 0 diagnostics;
broken copies get theirs, on the right line.

The server comes from npm (`.ci/run` installs it into node_modules/); without Node.js, or
without the server outside CI, the tests skip saying how to install it. In CI they must run.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.yaml_lsp import YamlLanguageServer, find_server

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted([*(ROOT / "specs").rglob("*.yaml"), *(ROOT / "examples").rglob("*.yaml")])
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
QUIET = 0.5  # seconds without news before a file's diagnostics count as final


@pytest.fixture(scope="module")
def server() -> Iterator[YamlLanguageServer]:
    program = find_server()
    if program is None or shutil.which("node") is None:
        reason = ("yaml-language-server (npm) is not installed: npm install --no-save "
                  "yaml-language-server, or set PLANGEN_YAML_LS")
        if shutil.which("node") is None:
            reason = "Node.js is not installed: yaml-language-server needs it"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    running = YamlLanguageServer(program)
    yield running
    running.close()


def messages(found: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(1-based line, message) of each diagnostic."""
    return sorted((d["range"]["start"]["line"] + 1, d["message"]) for d in found)


def line_of(text: str, start: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1)
                if line.startswith(start))


def test_there_is_something_to_check() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in SHIPPED}
    assert {"specs/dak-lak.yaml", "examples/ai-law/base.yaml",
            "examples/ai-law/parts/presets.yaml", "examples/ai-law/provinces.yaml"} <= names


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_shipped_file_points_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    found = SCHEMA_LINE.match(first)
    assert found, f"{path}: the first line must be # yaml-language-server: $schema=…"
    assert (path.parent / found.group(1)).resolve() == ROOT / "plangen.schema.json"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_shipped_file_gets_no_diagnostic(server: YamlLanguageServer, path: Path) -> None:
    assert messages(server.diagnostics(path, quiet=QUIET)) == []


def broken(server: YamlLanguageServer, original: Path, old: str, new: str) -> list[tuple[int, str]]:
    """The diagnostics of a copy of `original` (same folder, so its schema line resolves)."""
    text = original.read_text(encoding="utf-8")
    assert old in text, old
    return messages(server.diagnostics(original.with_name(f"hong-{original.name}"),
                                       text.replace(old, new, 1), quiet=QUIET))


SPEC = ROOT / "specs" / "dak-lak.yaml"
BASE = ROOT / "examples" / "ai-law" / "base.yaml"
TABLE = ROOT / "examples" / "ai-law" / "provinces.yaml"
PARTS = ROOT / "examples" / "ai-law" / "parts" / "presets.yaml"


def test_unknown_key(server: YamlLanguageServer) -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert broken(server, SPEC, "\nsymbol:", "\nsymbl:") == [
        (line_of(text, "symbol:"), "Property symbl is not allowed.")]


def test_wrong_type(server: YamlLanguageServer) -> None:
    text = SPEC.read_text(encoding="utf-8")
    found = broken(server, SPEC, "\nplace: Đắk Lắk", "\nplace: [Đắk Lắk]")
    assert found == [(line_of(text, "place:"), 'Incorrect type. Expected "string".')]


def test_missing_required_key(server: YamlLanguageServer) -> None:
    found = broken(server, SPEC, "\nsummary:", "\n# summary:")
    assert [message for _, message in found] == ['Missing property "summary".']
    nested = broken(server, SPEC, "  name: Hồ Thị", "  # name: Hồ Thị")
    assert [message for _, message in nested] == ['Missing property "name".']


def test_a_file_that_extends_or_includes_is_a_fragment_but_still_typed(
        server: YamlLanguageServer) -> None:
    assert broken(server, BASE, "\nsummary:", "\n# summary:") == []  # the base may hold it
    text = BASE.read_text(encoding="utf-8")
    assert broken(server, BASE, "\nsymbol:", "\nsymbl:") == [
        (line_of(text, "symbol:"), "Property symbl is not allowed.")]
    assert broken(server, BASE, "include: parts/presets.yaml", "include: 5") == [
        (line_of(text, "include:"), 'Incorrect type. Expected "string | array".')]


def test_presets_and_list_edits(server: YamlLanguageServer) -> None:
    text = BASE.read_text(encoding="utf-8")
    found = broken(server, BASE, "  preset: kt-chu-tich", "  preset: [kt-chu-tich]")
    assert found == [(line_of(text, "  preset: kt-chu-tich"),
                      'Incorrect type. Expected "string".')]
    # a whole plan may use {preset: …} with nothing else beside it
    spec = SPEC.read_text(encoding="utf-8")
    signature = spec[spec.index("\nsignature:"):]
    signature = signature[:signature.index("\n", signature.index("name:"))]
    assert broken(server, SPEC, signature,
                  "\npresets:\n  signatures:\n    ct:\n      lines: [TM. ỦY BAN NHÂN DÂN, "
                  "CHỦ TỊCH]\n      name: A\nsignature: {preset: ct}") == []


def test_localities_table(server: YamlLanguageServer) -> None:
    text = TABLE.read_text(encoding="utf-8")
    found = broken(server, TABLE, "    recipients+:", "    recipient+:")
    assert found == [(line_of(text, "    recipients+:"), "Property recipient+ is not allowed.")]
    wrong = broken(server, TABLE, '    number: "112"', "    number: [112]")
    assert [message for _, message in wrong] == ['Incorrect type. Expected "string | null".']
    missing = broken(server, TABLE, "  - locality: tỉnh Thái Nguyên", "  - localty: tỉnh Thái")
    assert sorted(message for _, message in missing) == [
        'Missing property "locality".', "Property localty is not allowed."]


def test_shared_part(server: YamlLanguageServer) -> None:
    text = PARTS.read_text(encoding="utf-8")
    found = broken(server, PARTS, "  signatures:", "  signaturez:")
    assert found == [(line_of(text, "  signatures:"), "Property signaturez is not allowed.")]
    wrong = broken(server, PARTS, "      lines: [TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]",
                   "      lines: TM. ỦY BAN NHÂN DÂN")
    assert [message for _, message in wrong] == ['Incorrect type. Expected "array".']


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_schema_accepts_every_shipped_file_in_python_too(path: Path) -> None:
    """The same promise checked with the jsonschema package, for machines without Node."""
    import yaml
    from jsonschema import Draft202012Validator

    from plangen.spec.schema import json_schema

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [error.message for error in Draft202012Validator(json_schema()).iter_errors(data)]
    assert errors == []
