"""Issue 14.5 and 14.9: a Word template's tags are bounded, and a template's fault is exit 1.

`{{ 'a' * 10**10 }}` took 9.5 GB before exit 3, `{{ 9**(9**9) }}` and nested `range(100000)`
loops never finished, `range()` too big and `{% include %}` / `{% import %}` crashed (exit 3).
Each is now refused with exit 1 and a message naming the template part; the bounds are sizes
and counts (plangen/render/sandbox.py), so the refusal is the same on any machine. The issue's
three cases also run in a real process whose memory and CPU are capped by `resource`: they end
with the message, not with the kernel's kill.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from support.docx_helpers import all_text, assert_schema_valid, rezipped
from support.hostile_support import ROOT, assert_refused, invoke, spec_file

from plangen.render.docx import DEFAULT_TEMPLATE

PART = "word/document.xml"
MEMORY = 1024 * 1024 * 1024
CPU_SECONDS = 300  # a ceiling for a hung process, far above what a refusal needs

LIMITED = {  # tag put where "{{ doc_type }}" was -> words of the message
    "repeat-string": ("{{ 'a' * 10**10 }}", "quá 1.000.000 ký tự"),
    "repeat-list": ("{{ [1, 2] * 10**9 }}", "quá 1.000.000 ký tự"),
    "huge-power": ("{{ 9**(9**9) }}", "số quá lớn"),
    "huge-product": ("{{ (10**3000) * (10**3000) }}", "số quá lớn"),
    "huge-range": ("{% for i in range(100000) %}x{% endfor %}", "range()"),
    "range-in-a-filter": ("{{ range(10**6)|join(',') }}", "range()"),
    "nested-loops": ("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}"
                     "{% endfor %}", "1.000.000 bước"),
    "nested-string-loops": ("{% for a in 'x' * 100000 %}{% for b in 'x' * 100000 %}"
                            "{% endfor %}{% endfor %}", "1.000.000 bước"),
    "doubling-macro": ("{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}"
                       "{% endmacro %}{{ m(60) }}", "1.000.000 bước"),
    "endless-macro": ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "quá sâu"),
    "joined-doubling": ("{% set s = 'a' * 600000 %}{{ s ~ s }}", "quá 1.000.000 ký tự"),
    "added-doubling": ("{% set s = 'a' * 600000 %}{{ s + s }}", "quá 1.000.000 ký tự"),
    "center-filter": ("{{ 'a'|center(1000000000) }}", "quá 1.000.000 ký tự"),
    "ljust-method": ("{{ 'a'.ljust(10**9) }}", "quá 1.000.000 ký tự"),
    "join-separator": ("{{ range(10000)|join('x' * 1000) }}", "quá 1.000.000 ký tự"),
    "replace-filter": ("{{ ('a' * 100000)|replace('a', 'b' * 100) }}", "quá 1.000.000 ký tự"),
    "indent-filter": ("{{ ('a\\n' * 100000)|indent(100) }}", "quá 1.000.000 ký tự"),
    "percent-width": ("{{ '%0999999999d' % 1 }}", "độ rộng"),
    "percent-star": ("{{ '%*d' % (999999999, 1) }}", "độ rộng"),
    "format-width": ("{{ '{:>999999999}'.format(1) }}", "độ rộng"),
    "format-filter": ("{{ '%999999999s'|format('a') }}", "độ rộng"),
    "format-repeats": ("{{ '{0}{0}{0}{0}'.format('a' * 900000) }}", "quá 1.000.000 ký tự"),
    "include": ("{% include 'ke-hoach.docx' %}", "{% include %}"),
    "import": ("{% import 'macros.xml' as m %}", "{% import %}"),
    "from-import": ("{% from 'macros.xml' import m %}", "{% from … import %}"),
    "extends": ("{% extends 'base.xml' %}", "{% extends %}"),
    "divide-by-zero": ("{{ 1 / 0 }}", "ZeroDivisionError"),
    "text-plus-number": ("{{ doc_type + 1 }}", "TypeError"),
    "mutating-a-list": ("{% set l = [] %}{{ l.append(1) }}", "không an toàn"),
    "no-lipsum": ("{{ lipsum(10**9) }}", "lipsum"),
}


def template_with(tmp_path: Path, tag: str, name: str = "mau.docx") -> Path:
    """plangen's template with `tag` (XML-escaped, as Word saves it) after the document type."""
    def tagged(content: bytes) -> bytes:
        assert b"{{ doc_type }}" in content
        return content.replace(b"{{ doc_type }}", b"{{ doc_type }}" + escape(tag).encode())

    path = tmp_path / name
    path.write_bytes(rezipped(DEFAULT_TEMPLATE, {PART: tagged}))
    return path


@pytest.mark.parametrize("name", sorted(LIMITED))
def test_a_runaway_or_reading_tag_is_refused_naming_the_part(tmp_path: Path, name: str) -> None:
    tag, words = LIMITED[name]
    template = template_with(tmp_path, tag)
    out = tmp_path / "out"
    result = invoke("render", spec_file(tmp_path), "-o", out / "x.docx", "--template", template)
    assert_refused(result, (words, "Mẫu Word", str(template)), outputs=out)
    if name != "no-lipsum":  # an unknown name is the field message, which names no part
        assert f"phần {PART}" in result.output or f"ở phần {PART}" in result.output


@pytest.mark.parametrize("name", ["repeat-string", "nested-loops", "include"])
def test_batch_refuses_the_same_tags_in_english(tmp_path: Path, name: str) -> None:
    tag, _ = LIMITED[name]
    template = template_with(tmp_path, tag)
    table = tmp_path / "dia-phuong.yaml"
    table.write_text("localities:\n  - locality: thành phố Huế\n  - locality: tỉnh Gia Lai\n",
                     encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", spec_file(tmp_path), "--localities", table, "-o", out,
                    "--jobs", "1", "--template", template, env={"PLANGEN_LANG": "en"})
    assert_refused(result, (f"part {PART}", str(template)), outputs=out)


def test_small_arithmetic_ranges_and_formats_still_render(tmp_path: Path) -> None:
    tag = ("{{ doc_type|upper }}{% for i in range(2) %}{{ '%02d' % (i + 1) }}{% endfor %}"
           "{{ '{:>5}'.format(2**10) }}{{ '-' * 3 }}")
    template = template_with(tmp_path, tag)
    out = tmp_path / "out"
    result = invoke("render", spec_file(tmp_path), "-o", out / "x.docx", "--template", template)
    assert result.exit_code == 0, result.output
    data = (out / "x.docx").read_bytes()
    assert_schema_valid(data)
    assert "KẾ HOẠCH0102 1024---" in all_text(data)


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


@pytest.mark.parametrize("name", ["repeat-string", "huge-power", "nested-loops"])
def test_the_issues_cases_end_with_the_message_in_a_capped_process(tmp_path: Path,
                                                                   name: str) -> None:
    template = template_with(tmp_path, LIMITED[name][0])
    done = subprocess.run(
        [sys.executable, "-m", "plangen", "render", str(spec_file(tmp_path)), "--template",
         str(template), "-o", str(tmp_path / "x.docx")],
        capture_output=True, text=True, cwd=tmp_path, preexec_fn=_capped,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PLANGEN_LANG": "en"})
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert f"part {PART}" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.docx").exists()
