"""`plangen new` looks the locality up: a commune's starter speaks as a commune (its offices,
its province among the recipients), a province's as a province; a name the data does not know
is kept as written, with a warning that says so."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner, Result
from support.docx_helpers import assert_schema_valid, open_docx

from plangen.check.api import check_docx
from plangen.cli import main
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env={"PLANGEN_LANG": "vi"})


def _new(tmp_path: Path, locality: str) -> tuple[Result, dict]:  # type: ignore[type-arg]
    target = tmp_path / "ke-hoach.yaml"
    result = run("new", "--locality", locality, "-o", target)
    assert result.exit_code == 0, result.output
    checked = run("validate", "--strict", target)
    assert checked.exit_code == 0, checked.output
    return result, yaml.safe_load(target.read_text(encoding="utf-8"))


def test_a_commune_gets_a_commune_plan(tmp_path: Path) -> None:
    result, spec = _new(tmp_path, "Tân Mỹ (Quảng Trị)")
    assert "cảnh báo" not in result.output
    assert spec["issuer"]["name"] == "Ủy ban nhân dân xã Tân Mỹ"
    assert spec["place"] == "Tân Mỹ"  # NĐ 30 PL1 II.4: a commune's own name
    assert spec["recipients"][:3] == ["UBND tỉnh Quảng Trị (b/c)", "TT Đảng ủy, TT HĐND xã",
                                      "CT, các PCT UBND xã"]
    task = spec["tasks"]["items"][0]
    assert task["lead"] == "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"
    assert "Sở " not in yaml.safe_dump(spec, allow_unicode=True)
    assert "Ủy ban nhân dân tỉnh Quảng Trị" in spec["organization"]["items"][0]
    data = Renderer().render(load_plan(tmp_path / "ke-hoach.yaml"))
    assert_schema_valid(data)
    header = open_docx(data).tables[0].cell(0, 0).text
    assert header.split("\n")[:2] == ["ỦY BAN NHÂN DÂN", "XÃ TÂN MỸ"]
    assert not check_docx(data, "ke-hoach.docx").failed


def test_a_ward_works_with_residential_groups_only(tmp_path: Path) -> None:
    _, spec = _new(tmp_path, "phường Hoàn Kiếm")
    assert spec["recipients"][0] == "UBND thành phố Hà Nội (b/c)"
    assert spec["tasks"]["items"][0]["partners"] == "Phòng Văn hóa - Xã hội; các tổ dân phố"


def test_a_province_names_its_own_lower_units(tmp_path: Path) -> None:
    _, spec = _new(tmp_path, "an-giang")  # An Giang has a special zone (đặc khu Phú Quốc)
    assert spec["issuer"]["name"] == "Ủy ban nhân dân tỉnh An Giang"
    assert spec["tasks"]["items"][0]["partners"] == (
        "Các sở, ban, ngành; Ủy ban nhân dân các xã, phường, đặc khu")
    assert "TT Tỉnh ủy, TT HĐND tỉnh" in spec["recipients"]
    _, city = _new(tmp_path / "hcm", "Thành phố Hồ Chí Minh")
    assert city["place"] == "Thành phố Hồ Chí Minh"  # named after a person: written in full
    assert "TT Thành ủy, TT HĐND thành phố" in city["recipients"]


def test_an_ambiguous_name_is_kept_as_written_and_the_candidates_are_said(
        tmp_path: Path) -> None:
    result, spec = _new(tmp_path, "xã Tân Mỹ")
    assert "02308" in result.stderr and "19291" in result.stderr
    assert "Tệp mẫu dùng đúng tên đã viết" in result.stderr
    assert spec["issuer"]["name"] == "Ủy ban nhân dân xã Tân Mỹ"
    assert spec["recipients"][0] == "UBND tỉnh … (b/c)"  # the province is not known


def test_an_unknown_name_is_kept_as_written(tmp_path: Path) -> None:
    result, spec = _new(tmp_path, "xã Không Có Thật")
    assert "Tệp mẫu dùng đúng tên đã viết" in result.stderr
    assert spec["issuer"]["name"] == "Ủy ban nhân dân xã Không Có Thật"
    assert spec["place"] == "Không Có Thật"
