"""Jinja injection and file inclusion, end to end through `plangen batch` and `plangen render`.

With a locality (batch, render --locality) spec text is a template run in Jinja's sandbox: every
injection attempt must be refused as a placeholder error naming the field and line, nothing
written, nothing run. Without one, the same text prints literally (test_hostile_specs). Included
files must stay inside the spec's folder, symlinks resolved first; cycles are named.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.docx_helpers import rezipped
from support.hostile_support import assert_refused, assert_rendered, dump, invoke, plan

ONE_LOCALITY = "localities:\n  - locality: thành phố Huế\n"
REFUSED_INJECTIONS = {
    "mro-walk": ("{{ ''.__class__.__mro__ }}", "không được phép"),
    "subclasses": ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "không được phép"),
    "globals-os-popen": ("{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}",
                         "không được phép"),
    "lipsum-globals": ("{{ lipsum.__globals__ }}", "không được phép"),
    "self-init": ("{{ self.__init__.__globals__ }}", "không được phép"),
    "attr-filter": ("{{ locality.name|attr('__class__') }}", "không được phép"),
    "huge-range": ("{% for i in range(999999999) %}x{% endfor %}", "Range too big"),
    "huge-string": ("{{ locality.name * 100000000 }}", "result too large"),
    "huge-power": ("{{ 9 ** 999999 }}", "exponent too large"),
    "include-passwd": ("{% include '/etc/passwd' %}", "no loader"),
    "unclosed-print": ("{{ locality.name ", "viết sai"),
    "for-fragment": ("{% for %}", "viết sai"),
    "endfor-fragment": ("{% endfor %}", "viết sai"),
    "unclosed-comment": ("{#", "viết sai"),
    "unclosed-raw": ("{% raw %}", "viết sai"),
    "unknown-field": ("{{ locality.bogus }}", "không có"),
}
FIELDS = {  # where the payload goes, and the field path the message must name
    "summary": "summary",
    "tasks.items[1].title": "tasks.items[1].title",
    "signature.name": "signature.name",
    "recipients[1]": "recipients[1]",
}


def salted_base(payload: str) -> dict[str, object]:
    data = plan(summary=f"Triển khai {payload}",
                recipients=[f"Bộ Khoa học và Công nghệ {payload}", "Lưu: VT, KGVX"],
                signature={"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
                           "name": f"Nguyễn Văn A {payload}"})
    data["tasks"]["items"][0]["title"] = f"Tuyên truyền {payload}"  # type: ignore[index]
    return data


def line_of(path: Path, words: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if words in line)


@pytest.mark.parametrize("name", sorted(REFUSED_INJECTIONS))
def test_injection_in_batch_is_refused_as_a_placeholder_error(name: str,
                                                                tmp_path: Path) -> None:
    payload, words = REFUSED_INJECTIONS[name]
    marker = tmp_path / "PWNED"
    payload = payload.replace("{marker}", str(marker))
    base = tmp_path / "goc.yaml"
    base.write_text(dump(salted_base(payload)), encoding="utf-8")
    table = tmp_path / "dia-phuong.yaml"
    table.write_text(ONE_LOCALITY, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", base, "--localities", table, "-o", out, "--jobs", "1")
    assert_refused(result, (words, "thành phố Huế"), line=line_of(base, "summary:"),
                   field="summary", outputs=out)
    for field in FIELDS.values():
        assert f"  {field}  " in result.output, field
    assert not marker.exists()
    assert "root:x:0" not in result.output


@pytest.mark.parametrize("name", ["mro-walk", "huge-range", "unclosed-comment"])
def test_injection_with_render_locality_is_refused(name: str, tmp_path: Path) -> None:
    payload, words = REFUSED_INJECTIONS[name]
    spec = tmp_path / "plan.yaml"
    spec.write_text(dump(salted_base(payload)), encoding="utf-8")
    result = invoke("render", spec, "--locality", "thành phố Huế", "-o", tmp_path / "x.docx")
    assert_refused(result, (words,), line=line_of(spec, "summary:"), field="summary",
                   outputs=tmp_path)


def test_injection_in_a_locality_table_override_is_refused(tmp_path: Path) -> None:
    base = tmp_path / "goc.yaml"
    base.write_text(dump(plan()), encoding="utf-8")
    table = tmp_path / "dia-phuong.yaml"
    table.write_text(ONE_LOCALITY + "    summary: \"{{ ''.__class__.__mro__ }}\"\n",
                     encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", base, "--localities", table, "-o", out, "--jobs", "1")
    assert_refused(result, ("không được phép", "dia-phuong.yaml:3:"),
                   field="localities[1].summary", outputs=out)  # its path in the table file


def test_real_placeholders_still_work_beside_literal_braces(tmp_path: Path) -> None:
    base = tmp_path / "goc.yaml"
    base.write_text(dump(plan(summary="Triển khai trên địa bàn {{ locality.full_name }}")),
                    encoding="utf-8")
    table = tmp_path / "dia-phuong.yaml"
    table.write_text(ONE_LOCALITY, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", base, "--localities", table, "-o", out, "--jobs", "1")
    assert_rendered(result, out, ("Triển khai trên địa bàn thành phố Huế",))


# ---- includes -----------------------------------------------------------------------------


def spec_with(tmp_path: Path, key: str, value: object, name: str = "plan.yaml") -> Path:
    data = plan()
    text = dump({key: value}) + dump(data)
    path = tmp_path / "spec" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("target", "words"), [
    ("../../etc/passwd", "nằm ngoài thư mục"),
    ("/etc/passwd", "nằm ngoài thư mục"),
    ("../../../../../../../../etc/shadow", "nằm ngoài thư mục"),
    ("khong-co.yaml", "Không tìm thấy tệp"),
])
@pytest.mark.parametrize("command", ["render", "batch"])
def test_include_outside_the_tree_or_missing_is_refused(tmp_path: Path, target: str,
                                                        words: str, command: str) -> None:
    spec = spec_with(tmp_path, "include", [target])
    out = tmp_path / "out"
    args = ["--localities", tmp_path / "t.yaml", "-o", out, "--jobs", "1"] if \
        command == "batch" else ["-o", out / "x.docx"]
    (tmp_path / "t.yaml").write_text(ONE_LOCALITY, encoding="utf-8")
    result = invoke(command, spec, *args)
    assert_refused(result, (words,), line=2, field="include", outputs=out)
    assert "root:" not in result.output


def test_include_cycle_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / "a.yaml").write_text("include: [b.yaml]\nsummary: A\n", encoding="utf-8")
    (folder / "b.yaml").write_text("include: [a.yaml]\nplace: B\n", encoding="utf-8")
    spec = folder / "plan.yaml"
    spec.write_text("include: [a.yaml]\n" + dump(plan()), encoding="utf-8")
    result = invoke("render", spec, "-o", tmp_path / "x.docx")
    assert_refused(result, ("vòng tròn", "a.yaml", "b.yaml"), outputs=tmp_path)


def test_extends_itself(tmp_path: Path) -> None:
    spec = spec_with(tmp_path, "extends", "plan.yaml")
    assert_refused(invoke("render", spec, "-o", tmp_path / "x.docx"), ("vòng tròn",),
                   outputs=tmp_path)


def test_symlink_out_of_the_tree_is_refused_inside_is_followed(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "secret.yaml"
    outside.parent.mkdir()
    outside.write_text("summary: bí mật\n", encoding="utf-8")
    spec = spec_with(tmp_path, "include", ["link.yaml"])
    os.symlink(outside, spec.parent / "link.yaml")
    result = invoke("render", spec, "-o", tmp_path / "out" / "x.docx")
    assert_refused(result, ("nằm ngoài thư mục",), field="include", outputs=tmp_path / "out")
    inside = spec.parent / "parts" / "noi-dung.yaml"
    inside.parent.mkdir()
    inside.write_text("summary: Triển khai qua liên kết\n", encoding="utf-8")
    (spec.parent / "link.yaml").unlink()
    os.symlink(inside, spec.parent / "link.yaml")
    spec.write_text(spec.read_text(encoding="utf-8").replace(
        "summary: Triển khai thi hành Luật Trí tuệ nhân tạo\n", ""), encoding="utf-8")
    result = invoke("render", spec, "-o", tmp_path / "out" / "x.docx")
    assert_rendered(result, tmp_path / "out", ("Triển khai qua liên kết",))


@pytest.mark.parametrize(("target", "words"), [
    ("parts", "Không tìm thấy tệp \"parts\""), ("anh.png", "anh.png:1:1"),
    ("anh.png", "không lưu bằng mã UTF-8")])
def test_including_a_folder_or_a_binary_file(tmp_path: Path, target: str, words: str) -> None:
    spec = spec_with(tmp_path, "include", [target])
    (spec.parent / "parts").mkdir()
    (spec.parent / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = invoke("render", spec, "-o", tmp_path / "out" / "x.docx")
    assert_refused(result, (words,), outputs=tmp_path / "out")


def test_allow_path_lets_an_outside_include_in(tmp_path: Path) -> None:
    shared = tmp_path / "dung-chung" / "noi-nhan.yaml"
    shared.parent.mkdir()
    shared.write_text(dump({"drafting_code": "XYZ_VP11_KH"}), encoding="utf-8")
    spec = spec_with(tmp_path, "include", [str(shared)])
    result = invoke("render", spec, "-o", tmp_path / "out" / "x.docx", "--allow-path",
                    shared.parent)
    assert_rendered(result, tmp_path / "out", ("XYZ_VP11_KH",))
    assert_refused(invoke("render", spec, "-o", tmp_path / "out2" / "x.docx"),
                   ("nằm ngoài thư mục",), outputs=tmp_path / "out2")


# ---- Word templates edited by hand (--template) ------------------------------------------


def _template_variant(tmp_path: Path, edits: list[tuple[bytes, bytes]]) -> Path:
    from plangen.render.docx import DEFAULT_TEMPLATE

    def replaced(content: bytes) -> bytes:
        for old, new in edits:
            content = content.replace(old, new)
        return content

    path = tmp_path / "mau-tinh.docx"
    path.write_bytes(rezipped(DEFAULT_TEMPLATE, {"word/document.xml": replaced}))
    return path


@pytest.mark.parametrize("edits", [
    [(b'w:w="11906"', b'w:w="1e999"')],  # a page wider than any number
    [(b'w:w="11906"', b'w:w="abc"')],
    [(b'w:w="3685"', b'w:w="1e999"')],  # a header cell
    [(b"<w:sectPr", b"<w:sectPrX"), (b"</w:sectPr>", b"</w:sectPrX>")],  # no page setup
], ids=["page-infinite", "page-not-a-number", "cell-infinite", "no-section"])
def test_a_broken_word_template_is_a_clear_error(tmp_path: Path,
                                                 edits: list[tuple[bytes, bytes]]) -> None:
    template = _template_variant(tmp_path, edits)
    spec = tmp_path / "plan.yaml"
    spec.write_text(dump(plan()), encoding="utf-8")
    result = invoke("render", spec, "-o", tmp_path / "out" / "x.docx", "--template", template)
    assert_refused(result, ("Mẫu Word", "bị hỏng"), outputs=tmp_path / "out")
