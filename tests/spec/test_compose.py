"""extends / include / presets / merge rules / placeholders, from small fixture folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.spec_edits import nodes

from plangen.batch.localities import find_province
from plangen.errors import SpecError
from plangen.spec.compose import compose_spec
from plangen.spec.merge import merge, plain, to_loaded
from plangen.spec.placeholders import fill_placeholders
from plangen.spec.presets import expand_presets


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_mappings_merge_and_lists_replace() -> None:
    base = nodes({"a": {"x": 1, "y": 2}, "l": [1, 2]})
    result = merge(base, nodes({"a": {"y": 3}, "l": [9]}))
    assert plain(result.node) == {"a": {"x": 1, "y": 3}, "l": [9]}
    assert plain(base) == {"a": {"x": 1, "y": 2}, "l": [1, 2]}  # inputs untouched


def test_plus_appends_and_patches_by_id() -> None:
    base = nodes({"items": [{"id": "a", "title": "A", "lead": "X"}, {"id": "b", "title": "B"}]})
    over = nodes({"items+": [{"id": "a", "lead": "Y"}, {"id": "c", "title": "C"}]})
    assert plain(merge(base, over).node) == {"items": [
        {"id": "a", "title": "A", "lead": "Y"}, {"id": "b", "title": "B"},
        {"id": "c", "title": "C"}]}


def test_appended_recipients_stay_before_the_archive_line() -> None:
    base = nodes({"recipients": ["Bộ KH&CN", "Lưu: VT, KGVX"]})
    result = merge(base, nodes({"recipients+": ["Công an tỉnh"]}))
    assert plain(result.node)["recipients"] == ["Bộ KH&CN", "Công an tỉnh", "Lưu: VT, KGVX"]


def test_minus_removes_by_id_and_reports_unknown_ones() -> None:
    base = nodes({"items": [{"id": "a"}, {"id": "b"}]})
    result = merge(base, nodes({"items-": ["a", "zz"]}))
    assert plain(result.node) == {"items": [{"id": "b"}]}
    assert [i.code for i in result.issues] == ["merge_nothing_to_remove"]
    assert result.issues[0].params["item"] == "zz"


def test_extends_and_include_layer_in_order_with_lines_from_each_file(tmp_path: Path) -> None:
    write(tmp_path, "base.yaml", "summary: gốc\nplace: A\nsignature:\n  name: Gốc\n")
    write(tmp_path, "parts/sign.yaml", "signature:\n  name: Phần\n")
    spec = write(tmp_path, "plan.yaml",
                 "extends: base.yaml\ninclude: [parts/sign.yaml]\nplace: B\n")
    loaded = to_loaded(compose_spec(spec), str(spec))
    assert loaded.data == {"summary": "gốc", "place": "B", "signature": {"name": "Phần"}}
    assert loaded.marks[("summary",)].file.endswith("base.yaml")
    assert loaded.marks[("signature", "name")].file.endswith("sign.yaml")
    assert loaded.marks[("place",)].line == 3


def test_include_cycle_shows_the_chain(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "include: b.yaml\nx: 1\n")
    write(tmp_path, "b.yaml", "include: a.yaml\n")
    with pytest.raises(SpecError) as caught:
        compose_spec(tmp_path / "a.yaml")
    issue = caught.value.issues[0]
    assert issue.code == "include_cycle"
    assert "a.yaml → " in issue.params["chain"] and "b.yaml" in issue.params["chain"]


def test_missing_include_names_the_file_and_line(tmp_path: Path) -> None:
    spec = write(tmp_path, "plan.yaml", "x: 1\ninclude:\n  - nowhere.yaml\n")
    with pytest.raises(SpecError) as caught:
        compose_spec(spec)
    issue = caught.value.issues[0]
    assert issue.code == "include_missing" and issue.location.line == 3


def test_includes_cannot_leave_the_spec_tree(tmp_path: Path) -> None:
    write(tmp_path, "secret.yaml", "x: 1\n")
    spec = write(tmp_path, "plans/plan.yaml", "include: ../secret.yaml\n")
    with pytest.raises(SpecError) as caught:
        compose_spec(spec)
    assert caught.value.issues[0].code == "include_outside"
    assert plain(compose_spec(spec, allow=[tmp_path])) == {"x": 1}


def test_symlinks_out_of_the_tree_are_refused(tmp_path: Path) -> None:
    outside = write(tmp_path, "outside/secret.yaml", "x: 1\n")
    inside = tmp_path / "plans"
    inside.mkdir()
    os.symlink(outside, inside / "link.yaml")
    spec = write(tmp_path, "plans/plan.yaml", "include: link.yaml\n")
    with pytest.raises(SpecError) as caught:
        compose_spec(spec)
    assert caught.value.issues[0].code == "include_outside"


def test_presets_expand_recipients_signatures_and_tasks() -> None:
    spec = nodes({
        "presets": {
            "recipients": {"lanh-dao": ["TT Tỉnh ủy (b/c)", "CT, các PCT UBND tỉnh"]},
            "signatures": {"kt": {"lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                                            "PHÓ CHỦ TỊCH"], "name": "Ai đó"}},
            "tasks": {"tuyen-truyen": {"title": "Tuyên truyền", "lead": "Sở VHTTDL"}},
        },
        "recipients": ["Bộ KH&CN (b/c)", {"preset": "lanh-dao"}, "Lưu: VT"],
        "signature": {"preset": "kt", "name": "Hồ Thị Nguyên Thảo"},
        "tasks": {"items": [{"preset": "tuyen-truyen", "timeline": "2026"}]},
    })
    expanded, issues = expand_presets(spec)
    data = plain(expanded)
    assert issues == []
    assert "presets" not in data
    assert data["recipients"] == ["Bộ KH&CN (b/c)", "TT Tỉnh ủy (b/c)", "CT, các PCT UBND tỉnh",
                                  "Lưu: VT"]
    assert data["signature"]["name"] == "Hồ Thị Nguyên Thảo"
    assert data["signature"]["lines"][1] == "KT. CHỦ TỊCH"
    assert data["tasks"]["items"] == [{"id": "tuyen-truyen", "title": "Tuyên truyền",
                                       "lead": "Sở VHTTDL", "timeline": "2026"}]


def test_unknown_preset_suggests_the_closest_name() -> None:
    spec = nodes({"presets": {"recipients": {"lanh-dao": ["A"]}},
              "recipients": [{"preset": "lanh-dau"}]})
    _, issues = expand_presets(spec)
    assert [i.code for i in issues] == ["preset_unknown"]
    assert issues[0].params["hint"] == "lanh-dao"
    assert issues[0].path == ("recipients", 0, "preset")


def test_placeholders_fill_from_the_locality() -> None:
    fields = {"locality": find_province("An Giang").placeholders()}
    spec = nodes({"summary": "Triển khai trên địa bàn {{ locality.full_name }}",
              "text": "{{ locality.lower_agencies }} thực hiện"})
    filled, issues = fill_placeholders(spec, fields)
    assert issues == []
    assert plain(filled) == {"summary": "Triển khai trên địa bàn tỉnh An Giang",
                             "text": "Ủy ban nhân dân các xã, phường, đặc khu thực hiện"}


@pytest.mark.parametrize(("text", "code"), [
    ("{{ locality.nam }}", "placeholder_unknown"),
    ("{{ ''.__class__.__mro__ }}", "placeholder_unsafe"),
    ("{{ locality.__class__ }}", "placeholder_unsafe"),
    ("{% for x in %}", "placeholder_syntax"),
    ("{{ 'a' * 100000000 }}", "placeholder_unsafe"),
    ("{{ 10 ** 100000 }}", "placeholder_unsafe"),
    ("{{ locality.name + 1 }}", "placeholder_error"),
])
def test_bad_placeholders_are_refused_with_the_field(text: str, code: str) -> None:
    fields = {"locality": find_province("Huế").placeholders()}
    filled, issues = fill_placeholders(nodes({"summary": text}), fields)
    assert [i.code for i in issues] == [code]
    assert issues[0].path == ("summary",)
    assert plain(filled) == {"summary": text}
