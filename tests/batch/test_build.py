"""`build` and `plangen render`: where files go, what is refused, nothing half-written."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from support.docx_helpers import all_text, assert_schema_valid

from plangen.batch.build import build
from plangen.cli import main
from plangen.errors import OutputError, SpecError
from plangen.render import pdf

SpecWriter = Callable[..., Path]


def test_docx_written_beside_the_spec(write_spec: SpecWriter,
                                      plan_data: dict[str, Any]) -> None:
    spec = write_spec(plan_data, "ke-hoach.yaml")
    result = build(spec)
    assert result.docx == spec.with_suffix(".docx") and result.pdf is None
    data = result.docx.read_bytes()
    assert_schema_valid(data)
    assert "Triển khai thi hành Luật Trí tuệ nhân tạo" in all_text(data)


def test_output_option(write_spec: SpecWriter, plan_data: dict[str, Any],
                       tmp_path: Path) -> None:
    spec = write_spec(plan_data)
    target = tmp_path / "ra" / "ban-in.docx"
    assert build(spec, target).docx == target and target.is_file()


def test_never_writes_over_the_spec(write_spec: SpecWriter, plan_data: dict[str, Any]) -> None:
    spec = write_spec(plan_data)
    before = spec.read_bytes()
    with pytest.raises(OutputError) as caught:
        build(spec, spec)
    assert caught.value.code == "output_is_input"
    odd = write_spec(plan_data, "plan.docx")  # a spec that happens to end in .docx
    with pytest.raises(OutputError):
        build(odd)
    assert spec.read_bytes() == before


def test_output_folder_is_refused(write_spec: SpecWriter, plan_data: dict[str, Any],
                                  tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        build(write_spec(plan_data), tmp_path)
    assert caught.value.code == "output_is_directory"


def test_invalid_spec_writes_nothing(write_spec: SpecWriter, plan_data: dict[str, Any]) -> None:
    del plan_data["summary"]
    spec = write_spec(plan_data)
    with pytest.raises(SpecError):
        build(spec)
    assert not spec.with_suffix(".docx").exists()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix != ".yaml")


def test_failed_write_leaves_no_partial_file(monkeypatch: pytest.MonkeyPatch,
                                             write_spec: SpecWriter,
                                             plan_data: dict[str, Any]) -> None:
    spec = write_spec(plan_data)

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OutputError) as caught:
        build(spec)
    assert caught.value.code == "output_failed"
    assert _leftovers(spec.parent) == []


def test_interrupted_write_keeps_the_previous_file(monkeypatch: pytest.MonkeyPatch,
                                                   write_spec: SpecWriter,
                                                   plan_data: dict[str, Any]) -> None:
    spec = write_spec(plan_data)
    previous = build(spec).docx.read_bytes()
    plan_data["summary"] = "Bản sửa"
    write_spec(plan_data)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(spec)
    assert spec.with_suffix(".docx").read_bytes() == previous
    assert _leftovers(spec.parent) == ["plan.docx"]


def test_missing_libreoffice_still_delivers_the_docx(monkeypatch: pytest.MonkeyPatch,
                                                     write_spec: SpecWriter,
                                                     plan_data: dict[str, Any]) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    result = build(write_spec(plan_data), pdf=True)
    assert result.docx.is_file() and result.pdf is None
    assert result.pdf_error is not None and result.pdf_error.code == "pdf_no_soffice"


# ---- the command -------------------------------------------------------------------------


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_cli_render(write_spec: SpecWriter, plan_data: dict[str, Any]) -> None:
    spec = write_spec(plan_data)
    result = _run("render", str(spec))
    assert result.exit_code == 0, result.output
    assert f"Đã tạo {spec.with_suffix('.docx')}" in result.output
    result = _run("render", str(spec), "-o", str(spec.with_name("x.docx")), "--lang", "en")
    assert result.exit_code == 0 and "Wrote" in result.output


def test_cli_missing_soffice_message(monkeypatch: pytest.MonkeyPatch, write_spec: SpecWriter,
                                     plan_data: dict[str, Any]) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    spec = write_spec(plan_data)
    result = _run("render", str(spec), "--pdf")
    assert result.exit_code == 1
    assert "apt-get install libreoffice" in result.output
    assert "Traceback" not in result.output
    assert spec.with_suffix(".docx").is_file()


@pytest.mark.parametrize(("args", "code", "words"), [
    (["--lang", "en", "-o", "{spec}"], 1, "is the spec itself"),
    (["--template", "{dir}/none.docx"], 1, "Không tìm thấy mẫu Word"),
])
def test_cli_errors_are_messages_not_tracebacks(write_spec: SpecWriter,
                                                plan_data: dict[str, Any], args: list[str],
                                                code: int, words: str) -> None:
    spec = write_spec(plan_data)
    filled = [a.format(spec=spec, dir=spec.parent) for a in args]
    result = _run("render", str(spec), *filled)
    assert result.exit_code == code, result.output
    assert words in result.output and "Traceback" not in result.output


def test_cli_invalid_spec(write_spec: SpecWriter, plan_data: dict[str, Any]) -> None:
    del plan_data["signature"]
    result = _run("render", str(write_spec(plan_data)))
    assert result.exit_code == 1
    assert "signature" in result.output and "Traceback" not in result.output


def test_cli_missing_spec(tmp_path: Path) -> None:
    result = _run("render", str(tmp_path / "khong-co.yaml"))
    assert result.exit_code in (1, 2)
    assert "Không tìm thấy tệp" in result.output
