"""The JSON Schema for editors: generated from plangen/schema.py, committed, and in step with
the validator (it accepts every shipped spec and rejects the corpus's schema errors)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from plangen.cli import main
from plangen.errors import SpecError
from plangen.spec.api import check_spec
from plangen.spec.loader import load_spec_file
from plangen.spec.schema import json_schema

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted((ROOT / "specs").glob("*.yaml")) + sorted((ROOT / "tests/data/valid").glob("*.yaml"))
CORPUS = sorted((ROOT / "tests/data/invalid").glob("*.yaml"))
# Issue codes that are the schema's business (the rest are meaning checks or load errors).
SCHEMA_CODES = {"required", "unknown_key", "bad_type", "quote_it", "quote_text",
                "date_not_mapping", "empty", "no_value", "empty_item", "too_few", "out_of_range",
                "not_allowed", "bad_symbol", "bad_id"}


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_committed_schema_is_the_generated_one() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    committed = (ROOT / "plangen.schema.json").read_text(encoding="utf-8")
    assert result.output == committed, "run: plangen schema -o plangen.schema.json"
    assert json.loads(committed) == json_schema()


def test_schema_file_is_written_with_readable_vietnamese(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    assert CliRunner().invoke(main, ["schema", "-o", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Cơ quan ban hành" in text and "\\u" not in text


@pytest.mark.parametrize("spec", SPECS, ids=lambda path: path.name)
def test_schema_accepts_every_shipped_spec(spec: Path, validator: Draft202012Validator) -> None:
    data = load_spec_file(spec).data
    assert [error.message for error in validator.iter_errors(data)] == []


def schema_error_paths(validator: Draft202012Validator, data: Any) -> set[tuple[Any, ...]]:
    """The instance paths the JSON Schema complains about, list positions from 0."""
    return {tuple(error.absolute_path) for error in validator.iter_errors(data)}


def schema_cases() -> list[Path]:
    cases = []
    for case in CORPUS:
        try:
            load_spec_file(case, collect=True)
        except SpecError:
            continue  # not YAML at all: nothing for a JSON Schema to see
        cases.append(case)
    return cases


@pytest.mark.parametrize("case", schema_cases(), ids=lambda path: path.stem)
def test_schema_rejects_what_the_validator_calls_a_schema_error(
        case: Path, validator: Draft202012Validator) -> None:
    data = load_spec_file(case, collect=True).data
    schema_issues = [i for i in check_spec(case).issues if i.code in SCHEMA_CODES]
    complaints = schema_error_paths(validator, data)
    if not schema_issues:
        return
    assert complaints, f"{case.name}: the JSON Schema accepts it"
    for issue in schema_issues:
        # Missing and unknown keys are reported by JSON Schema on the mapping that holds them.
        where = issue.path[:-1] if issue.code in ("required", "unknown_key") else issue.path
        assert where in complaints, (issue.code, issue.path, sorted(map(str, complaints)))


def test_the_corpus_has_schema_cases() -> None:
    codes = {i.code for case in schema_cases() for i in check_spec(case).issues}
    assert {"bad_type", "required", "unknown_key", "quote_it", "date_not_mapping"} <= codes
