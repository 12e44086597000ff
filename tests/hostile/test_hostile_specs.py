"""Hostile spec files through `plangen render`, end to end: each is refused with a clear message
(field, line, non-zero exit, nothing written) or becomes a complete, valid document.

The cases are data: a writer that puts the hostile file on disk and what must come of it.
Validator-level fixtures of tests/data/invalid are reused here, through the whole command.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.hostile_support import (
    INVALID,
    assert_refused,
    assert_rendered,
    dump,
    expected_first,
    invoke,
    plan,
)

Writer = Callable[[Path], Path]


@dataclass(frozen=True)
class Refused:
    """Must be refused; `line_of` finds the expected line by the text on it."""

    words: tuple[str, ...] = ()
    field: str | None = None
    line_of: str | None = None
    line: int | None = None
    exit_code: int = 1


@dataclass(frozen=True)
class Rendered:
    """Must render; the document's text must hold each of `contains`."""

    contains: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


def text_file(content: str | bytes, name: str = "plan.yaml") -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path
    return write


def spec_file(data: dict[str, object], encoding: str = "utf-8", *, bom: bytes = b"",
              newline: str = "\n") -> Writer:
    text = dump(data).replace("\n", newline)
    return text_file(bom + text.encode(encoding))


def reused(case: str) -> tuple[Writer, Refused]:
    """A broken spec of tests/data/invalid, with the first issue its .expected names."""
    line, field, _ = expected_first(case)
    source = INVALID / f"{case}.yaml"
    return text_file(source.read_bytes()), Refused(field=None if field == "-" else field,
                                                    line=line)


def salted(payload: str) -> dict[str, object]:
    """The small plan with `payload` appended to every free-text field."""
    # a place holds no "," ";" ":" (it opens the date line): those are left out of it
    place = "".join(char for char in payload if char not in ",;:")
    data = plan(place=f"Đắk Lắk {place}", summary=f"Triển khai {payload}")
    data["preamble"] = [f"{line} {payload}" for line in data["preamble"]]  # type: ignore[union-attr]
    tasks = data["tasks"]["items"]  # type: ignore[index]
    tasks[0].update(title=f"Tuyên truyền {payload}", lead=f"Sở Khoa học {payload}",
                    partners=[f"Sở Tư pháp {payload}", "Công an tỉnh"],
                    timeline=f"Năm 2026 {payload}")
    tasks[1]["subtasks"][0].update(title=f"Rà soát văn bản {payload}")
    data["funding"] = {"text": f"Ngân sách nhà nước {payload}."}
    data["organization"] = {"items": [f"Sở Khoa học và Công nghệ {payload}."]}
    data["closing"] = f"Trên đây là Kế hoạch {payload}./."
    data["recipients"] = [f"Bộ Khoa học và Công nghệ {payload}", "Lưu: VT, KGVX"]
    data["signature"] = {"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
                         "name": f"Nguyễn Văn A {payload}"}
    data["appendix"] = {"title": f"Phân công {payload}", "from_tasks": True}
    return data


SALTED_FIELDS = ("Triển khai {}", "Tuyên truyền {}", "Sở Khoa học {}.", "Sở Tư pháp {}",
                 "Ngân sách nhà nước {}.", "Trên đây là Kế hoạch {}./.",
                 "- Bộ Khoa học và Công nghệ {};", "Nguyễn Văn A {}", "Rà soát văn bản {}")
XML_SPECIALS = "Bộ KH&CN <b>đậm</b> \"trích\" 'dẫn' ]]> &amp; <w:t>x</w:t>"
INJECTIONS = ["{{ ''.__class__.__mro__ }}", "{% for x in range(10) %}{{ x }}{% endfor %}",
              "{{ locality.name }}", "{% include '/etc/passwd' %}", "{#", "{% raw %}"]
LONG_TITLE = ("Nhiệm vụ chuyển đổi số trên địa bàn tỉnh " * 2500)[:100_000].strip()
LEGACY_1258 = ("issuer:\n  name: Ủy ban nhân dân tỉnh Đắk Lắk\nsummary: Triển khai thi hành "
               "Luật\n")
ZERO_WIDTH = "Triển\u200bkhai \u202eRTL\u202c 🇻🇳 chữ\u0301 ký"
NFD_SUMMARY = unicodedata.normalize("NFD", "Triển khai thi hành Luật Trí tuệ nhân tạo")


def with_summary(raw: str) -> Writer:
    """The small plan with its summary line written as `raw` YAML."""
    lines = [f"summary: {raw}" if line.startswith("summary:") else line
             for line in dump(plan()).splitlines()]
    return text_file("\n".join(lines) + "\n")


def many_tasks(count: int) -> dict[str, object]:
    items = [{"id": f"nv-{n}", "title": f"Nhiệm vụ số {n}", "lead": "Sở Tư pháp",
              "timeline": "Năm 2026"} for n in range(1, count + 1)]
    return plan(tasks={"items": items})


CASES: dict[str, tuple[Writer, Refused | Rendered]] = {
    "xml-specials-in-every-field": (spec_file(salted(XML_SPECIALS)), Rendered(
        tuple(field.format(XML_SPECIALS) for field in SALTED_FIELDS))),
    "xml-specials-in-issuer-and-parent": (spec_file(plan(issuer={
        "name": "Sở KH&CN <tỉnh> \"Đắk Lắk\" & 'x'", "parent": "Ủy ban nhân dân <A&B>"})),
        Rendered(("KH&CN <TỈNH>", "<A&B>"))),
    "xml-specials-in-symbol": (spec_file(plan(symbol="KH-SKH&CN")), Refused(
        ("KH-SKH&CN",), field="symbol", line_of="symbol:")),
    "xml-illegal-escape-v": (spec_file(plan(summary="Triển khai \x0b Luật")), Refused(
        ("U+000B",), field="summary", line_of="summary:")),
    "xml-illegal-raw-formfeed": (text_file(dump(plan()).replace(
        "title: Tuyên truyền", "title: Tuyên\x0ctruyền")), Refused(
        ("U+000C",), field="tasks.items[1].title", line_of="Tuyên")),
    "xml-illegal-nul-byte": (text_file(dump(plan()).replace("Năm 2026", "Năm\x002026")),
                             Refused(("U+0000",), field="tasks.items[1].timeline",
                                     line_of="timeline: Năm")),
    "lone-surrogate-escape": (with_summary('"Triển khai \\ud800 Luật"'), Refused(
        ("U+D800",), field="summary", line_of="summary:")),
    "task-title-of-100-kb": (spec_file(plan(tasks={"items": [
        {"id": "dai", "title": LONG_TITLE, "lead": "Sở Tư pháp"}]})), Rendered(
        (LONG_TITLE,))),
    "a-thousand-tasks": (spec_file(many_tasks(1000)), Rendered(
        ("1000. Nhiệm vụ số 1000", "Nhiệm vụ số 500"))),  # 5,000: test_hostile_processes
    "deep-nesting": reused("deep-nesting"),
    "deep-block-nesting": reused("deep-block-nesting"),
    "yaml-alias-bomb": reused("billion-laughs"),
    "yaml-alias-cycle": reused("alias-cycle"),
    "duplicate-keys": reused("duplicate-key"),
    "python-object-tag": reused("python-object-tag"),
    "two-yaml-documents": reused("two-documents"),
    "tab-indentation": reused("tab-indented"),
    "number-010-read-as-octal": reused("number-010-unquoted"),
    "tcvn3-legacy-text": reused("tcvn3-text"),
    "custom-yaml-tags": reused("custom-tags"),
    "unclosed-quote": reused("unclosed-quote"),
    "unclosed-flow-list": reused("unclosed-flow-list"),
    "control-char-in-comment": reused("control-char-in-comment"),
    "vni-legacy-text": reused("vni-text"),
    "utf16-le-with-bom": (spec_file(plan(), "utf-16-le", bom=codecs.BOM_UTF16_LE), Rendered(
        ("Triển khai thi hành Luật Trí tuệ nhân tạo",))),
    "utf16-be-without-bom": (spec_file(plan(), "utf-16-be"), Rendered(
        ("Triển khai thi hành Luật Trí tuệ nhân tạo",))),
    "utf8-with-bom": (spec_file(plan(), bom=codecs.BOM_UTF8), Rendered(("Nguyễn Văn A",))),
    "windows-1258-file": (text_file(unicodedata.normalize("NFD", LEGACY_1258).encode(
        "cp1258", errors="replace")), Refused(("UTF-8", "Windows-1258"), line=2)),
    "nfd-text-becomes-nfc": (spec_file(plan(summary=NFD_SUMMARY)), Rendered(
        (unicodedata.normalize("NFC", NFD_SUMMARY),), absent=(NFD_SUMMARY,))),
    "crlf-line-endings": (spec_file(plan(), newline="\r\n"), Rendered(("Nguyễn Văn A",))),
    "cr-only-line-endings": (spec_file(plan(), newline="\r"), Rendered(("Nguyễn Văn A",))),
    "tabs-inside-values": (with_summary('"Triển\\tkhai\tthi hành Luật"'),
                           Rendered(("Triển khai thi hành Luật",))),
    "zero-width-rtl-emoji": (spec_file(plan(summary=ZERO_WIDTH)), Rendered((ZERO_WIDTH,))),
    "empty-file": (text_file(""), Refused(("Tệp trống",))),
    "only-a-bom": (text_file(codecs.BOM_UTF8), Refused(("Tệp trống",))),
    "file-over-2-mb": (text_file("# " + "x" * (3 * 1024 * 1024) + "\n"), Refused(
        ("quá lớn",))),
    "binary-png-bytes": (text_file(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40), Refused(
        ("UTF-8",))),
    "merge-key": (text_file("base: &b {summary: x}\n<<: *b\n" + dump(plan())), Refused(
        ("<<",), line=2)),
    "spec-is-a-folder": (lambda folder: folder, Refused(("thư mục",), exit_code=2)),
}
# the salted fields that are body text, where "__…__" underlines (plangen/inline.py)
BODY_FIELDS = frozenset({"Tuyên truyền {}", "Sở Khoa học {}.", "Sở Tư pháp {}",
                         "Ngân sách nhà nước {}.", "Trên đây là Kế hoạch {}./.",
                         "Rà soát văn bản {}"})
assert set(SALTED_FIELDS) >= BODY_FIELDS


def printed(field: str, injection: str) -> str:
    """What `field` salted with `injection` prints: as typed, except that in body text the mro
    walk's "__class__" is "class" underlined (and still never evaluated)."""
    return field.format(injection.replace("__", "") if field in BODY_FIELDS else injection)


for number, injection in enumerate(INJECTIONS):
    # plain render: spec text is never a template, so it prints as typed
    CASES[f"jinja-injection-printed-literally-{number}"] = (
        spec_file(salted(injection)),
        Rendered(tuple(printed(field, injection) for field in SALTED_FIELDS),
                 absent=("<class",)))


def line_of(path: Path, words: str) -> int:
    text = path.read_bytes().decode("utf-8", errors="replace")
    return next(number for number, line in enumerate(text.splitlines(), start=1)
                if words in line)


def test_the_corpus_is_large() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_spec(name: str, tmp_path: Path) -> None:
    write, expect = CASES[name]
    spec = write(tmp_path)
    out = tmp_path / "out"
    result = invoke("render", spec, "-o", out / "plan.docx")
    if isinstance(expect, Refused):
        line = expect.line or (line_of(spec, expect.line_of) if expect.line_of else None)
        assert_refused(result, expect.words, line=line, field=expect.field,
                       exit_code=expect.exit_code, outputs=tmp_path)
    else:
        text = assert_rendered(result, out, expect.contains)
        for absent in expect.absent:
            assert absent not in text


def test_python_tag_never_runs_code(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    spec = tmp_path / "plan.yaml"
    spec.write_text(dump(plan()).replace(
        "summary: Triển khai", f'summary: !!python/object/apply:os.system ["touch {marker}"]\n'
                               "note: Triển khai"), encoding="utf-8")
    result = invoke("render", spec, "-o", tmp_path / "plan.docx")
    assert_refused(result, ("!!python/object/apply:os.system",), field="summary",
                   outputs=tmp_path)
    assert not marker.exists()


def test_english_messages_too(tmp_path: Path) -> None:
    write, _ = CASES["xml-illegal-escape-v"]
    result = invoke("render", write(tmp_path), "--lang", "en")
    assert_refused(result, ("control character U+000B",), field="summary")
