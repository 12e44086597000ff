"""Single specs that extend, include, use presets or placeholders: checked as assembled."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from plangen.batch.localities import find_province
from plangen.cli import main
from plangen.spec.api import check_spec

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ai-law"


def test_base_without_locality_is_valid_with_one_placeholder_warning() -> None:
    checked = check_spec(EXAMPLE / "base.yaml")
    assert not checked.errors
    assert [w.code for w in checked.warnings] == ["placeholder_no_locality"]
    assert checked.warnings[0].params["count"] > 10
    assert checked.warnings[0].location.line == 9


def test_base_with_a_locality_fills_every_placeholder() -> None:
    checked = check_spec(EXAMPLE / "base.yaml", locality=find_province("An Giang"))
    assert checked.plan is not None and not checked.issues
    assert checked.plan.issuer.header_lines == ("ỦY BAN NHÂN DÂN", "TỈNH AN GIANG")
    assert checked.plan.summary.endswith("trên địa bàn tỉnh An Giang")
    assert "Ủy ban nhân dân các xã, phường, đặc khu" in checked.plan.recipients


def test_render_locality_option(tmp_path: Path) -> None:
    out = tmp_path / "ag.docx"
    result = CliRunner().invoke(main, ["render", str(EXAMPLE / "base.yaml"), "--locality",
                                       "tỉnh An Giang", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "An Giang" in text and "{{" not in text


def test_unknown_locality_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(EXAMPLE / "base.yaml"), "--locality",
                                       "tỉnh Hà Tây"])
    assert result.exit_code == 2
    assert "Hà Tây" in result.output and "Traceback" not in result.output


def test_includes_outside_the_folder_need_allow_path(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "ai-law")
    plans = tmp_path / "plans"
    plans.mkdir()
    spec = plans / "dak-lak.yaml"
    spec.write_text("extends: ../ai-law/base.yaml\nsignature: {name: Hồ Thị Nguyên Thảo}\n",
                    encoding="utf-8")
    refused = check_spec(spec, locality=find_province("Đắk Lắk"))
    assert [i.code for i in refused.errors] == ["include_outside"]
    assert refused.errors[0].location.line == 1
    allowed = check_spec(spec, locality=find_province("Đắk Lắk"), allow=[tmp_path / "ai-law"])
    assert allowed.plan is not None, [i.format() for i in allowed.issues]
    assert allowed.plan.signature.name == "Hồ Thị Nguyên Thảo"
