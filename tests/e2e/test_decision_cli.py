"""The commands on a plan issued by a decision: `new --decision` starts one that validates,
renders and passes `check`; a plan that keeps its own frame is refused with file:line:col."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml
from click.testing import CliRunner, Result

from plangen.cli import main

ISSUE_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+)  (?P<path>\S.*?)  (?P<msg>.+)$")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def test_new_decision_starts_a_spec_that_validates_renders_and_checks(tmp_path: Path) -> None:
    target = tmp_path / "quyet-dinh.yaml"
    result = run("new", "--locality", "tỉnh Đắk Lắk", "--decision", "-o", target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert "decision" in data and not {"number", "date", "place", "signature",
                                       "recipients"} & set(data)
    assert data["decision"]["recipients"][0] == "Như Điều 3"
    assert run("validate", "--strict", target).exit_code == 0
    schema = json.loads((tmp_path / "plangen.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    docx = tmp_path / "quyet-dinh.docx"
    rendered = run("render", target, "-o", docx)
    assert rendered.exit_code == 0, rendered.output
    checked = run("check", docx, "--json")
    assert checked.exit_code == 0, checked.output
    ids = {c["id"] for c in json.loads(checked.output)["files"][0]["checks"]}
    assert {"decision.decision-articles", "plan.attached-reference"} <= ids


def test_without_decision_new_is_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach.yaml"
    assert run("new", "--locality", "tỉnh Đắk Lắk", "-o", target).exit_code == 0
    assert "decision:" not in target.read_text(encoding="utf-8")


def test_a_plan_keeping_its_own_number_is_told_where(tmp_path: Path) -> None:
    target = tmp_path / "qd.yaml"
    run("new", "--locality", "tỉnh Đắk Lắk", "--decision", "-o", target)
    text = target.read_text(encoding="utf-8").replace("issuer:", 'number: "05"\nissuer:', 1)
    target.write_text(text, encoding="utf-8")
    for lang, word in (("vi", "thuộc về quyết định"), ("en", "belong to the decision")):
        result = run("validate", target, "--lang", lang)
        assert result.exit_code == 1
        lines = [ISSUE_LINE.match(line) for line in result.stderr.splitlines()]
        found = [m for m in lines if m and m["path"] == "number"]
        assert found and found[0]["line"] == "7" and word in found[0]["msg"]
        assert "Traceback" not in result.output
