"""Issue 14.3: a template must hold the tags plangen fills, each where it belongs.

A rendered plan given as `--template` (it has no tags) produced five files holding Đắk Lắk's
text under five provinces' names, exit 0; a template with no body tag rendered an empty plan,
exit 0. Now both are refused at load, exit 1, the message saying which tag is missing or out of
place and where it belongs. plangen's own template passes, and so does a copy restyled and
saved again by LibreOffice (its tags kept).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from support.docx_helpers import all_text, assert_schema_valid, rezipped
from support.hostile_support import assert_refused, assert_rendered, invoke, spec_file

from plangen.render import pdf
from plangen.render.docx import DEFAULT_TEMPLATE

DOCUMENT = "word/document.xml"
TWO = "localities:\n  - locality: thành phố Huế\n  - locality: tỉnh Gia Lai\n"


def edited(tmp_path: Path, edits: list[tuple[str, str, str]], name: str = "mau.docx") -> Path:
    """plangen's template with (part, old, new) text replacements."""
    def replacing(part: str) -> Callable[[bytes], bytes]:
        def replaced(text: bytes) -> bytes:
            for where, old, new in edits:
                if where == part:
                    assert old.encode() in text, old
                    text = text.replace(old.encode(), new.encode(), 1)
            return text
        return replaced

    path = tmp_path / name
    path.write_bytes(rezipped(DEFAULT_TEMPLATE, {part: replacing(part) for part, _, _ in edits}))
    return path


def test_a_rendered_plan_given_as_template_is_refused_for_a_batch(tmp_path: Path) -> None:
    spec = spec_file(tmp_path)
    made = tmp_path / "da-tao.docx"
    assert invoke("render", spec, "-o", made).exit_code == 0
    table = tmp_path / "dia-phuong.yaml"
    table.write_text(TWO, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", spec, "--localities", table, "-o", out, "--jobs", "1",
                    "--template", made)
    assert_refused(result, (str(made), "không có thẻ nào", "không phải mẫu"), outputs=out)
    result = invoke("render", spec, "-o", tmp_path / "x" / "x.docx", "--template", made,
                    env={"PLANGEN_LANG": "en"})
    assert_refused(result, ("holds no plangen tag", "not a template"), outputs=tmp_path / "x")


BODY = ('<w:p><w:pPr><w:pStyle w:val="KHVanBan"/></w:pPr><w:r><w:t>{%p for para in body %}'
        '</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="KHVanBan"/></w:pPr><w:r><w:t>{{p para }}'
        '</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="KHVanBan"/></w:pPr><w:r><w:t>'
        '{%p endfor %}</w:t></w:r></w:p>')
MISPLACED = {  # name -> (edits, words of the message)
    "no-body-loop": ([(DOCUMENT, BODY, "")], ("{%p for para in body %}", "toàn bộ thân văn bản",
                                              "không có trong mẫu", "ngoài mọi bảng")),
    "body-printed-plainly": ([(DOCUMENT, "{{p para }}", "{{ para }}")],
                             ("{%p for para in body %}", "không in bằng {{p para }}")),
    "body-in-a-table": ([(DOCUMENT, BODY, ""), (DOCUMENT, "<w:t>Nơi nhận:</w:t></w:r></w:p>",
                                                "<w:t>Nơi nhận:</w:t></w:r></w:p>" + BODY)],
                        ("toàn bộ thân văn bản", "trong một bảng")),
    "summary-in-the-page-header": (
        [(DOCUMENT, "{{ summary }}", ""),
         ("word/header2.xml", "</w:hdr>",
          "<w:p><w:r><w:t>{{ summary }}</w:t></w:r></w:p></w:hdr>")],
        ("{{ summary }} (trích yếu)", "ở phần word/header2.xml", "trên vòng lặp thân văn bản")),
    "number-out-of-the-header-table": (
        [(DOCUMENT, "Số: {{ number }}/{{ symbol }}", "Số:"),
         (DOCUMENT, "{{ doc_type }}", "{{ doc_type }} {{ number }}/{{ symbol }}")],
        ("{{ number }} (số văn bản)", "{{ symbol }}", "ngoài bảng phần đầu")),
    "no-signer": ([(DOCUMENT, "{{ signature.name }}", "")],
                  ("{{ signature.name }} (họ tên người ký)", "không có trong mẫu")),
    "recipients-above-the-body": (
        [(DOCUMENT, "{%p for line in recipients %}", "{%p for line in signature.lines %}"),
         (DOCUMENT, "{{ summary }}", "{{ summary }}{{ recipients|join }}")],
        ("{%p for line in recipients %} (nơi nhận)", "trên vòng lặp thân văn bản")),
    "appendix-label-above-the-signature": (
        [(DOCUMENT, "{{ appendix.label }}", ""),
         (DOCUMENT, "{{ doc_type }}", "{{ doc_type }}{{ appendix.label }}")],
        ("{{ appendix.label }} (số phụ lục)", "trên họ tên người ký")),
    "appendix-without-table": ([(DOCUMENT, "{{p appendix.table }}", "")],
                               ("{{p appendix.table }} (bảng phụ lục)", "{%p if appendix %}")),
    "appendix-label-restyled": (
        [(DOCUMENT, '<w:pStyle w:val="KHPhuLucSo"/></w:pPr><w:r><w:t>{{ appendix.label }}',
          '<w:pStyle w:val="KHPhuLucTen"/></w:pPr><w:r><w:t>{{ appendix.label }}')],
        ("{{ appendix.label }}", "không có kiểu \"KH Phụ lục số\"")),
}


@pytest.mark.parametrize("name", sorted(MISPLACED))
def test_a_missing_or_misplaced_tag_is_named_with_its_place(tmp_path: Path, name: str) -> None:
    edits, words = MISPLACED[name]
    template = edited(tmp_path, edits)
    out = tmp_path / "out"
    result = invoke("render", spec_file(tmp_path), "-o", out / "x.docx", "--template", template)
    assert_refused(result, (str(template), "thiếu thẻ plangen cần", "templates/docx/ke-hoach.docx",
                            *words), outputs=out)


def test_the_message_in_english(tmp_path: Path) -> None:
    edits, _ = MISPLACED["no-body-loop"]
    template = edited(tmp_path, edits)
    result = invoke("render", spec_file(tmp_path), "-o", tmp_path / "out" / "x.docx",
                    "--template", template, env={"PLANGEN_LANG": "en"})
    assert_refused(result, ("lacks tags plangen fills", "the whole body text",
                            "not in the template"), outputs=tmp_path / "out")


@pytest.mark.parametrize("edits", [
    [(DOCUMENT, "<w:t>{{ summary }}</w:t>", "<w:t>{{ sum</w:t></w:r><w:r><w:t>mary }}</w:t>")],
    [(DOCUMENT, "{{ summary }}", "{{ summary|trim }}")],
    [(DOCUMENT, '<w:pStyle w:val="KHPhuLucSo"/></w:pPr><w:r><w:t>{%p if appendix %}',
      '<w:pStyle w:val="KHPhuLucTen"/></w:pPr><w:r><w:t>{%p if appendix %}')],
], ids=["tag-split-over-runs", "tag-with-a-filter", "control-paragraph-restyled"])
def test_tags_written_otherwise_but_in_place_pass(tmp_path: Path,
                                                  edits: list[tuple[str, str, str]]) -> None:
    template = edited(tmp_path, edits)
    out = tmp_path / "out"
    result = invoke("render", spec_file(tmp_path), "-o", out / "x.docx", "--template", template)
    assert_rendered(result, out, ("Nơi nhận:",))


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice is not installed")
def test_a_copy_restyled_and_saved_by_libreoffice_renders(tmp_path: Path) -> None:
    """Styles changed (text 13 pt instead of 14, the summary italic), the file saved again by
    LibreOffice: its tags are kept and the plans it makes pass every NĐ 30 check."""
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as source:
        styles = source.read("word/styles.xml").decode("utf-8")
    body_style = re.search(r'<w:style [^>]*w:styleId="KHVanBan".*?</w:style>', styles, re.S)
    assert body_style is not None
    assert '<w:sz w:val="28"/>' in body_style.group(0)
    restyled = edited(tmp_path, [("word/styles.xml", body_style.group(0), body_style.group(0)
                                  .replace('<w:sz w:val="28"/>', '<w:sz w:val="26"/>'))],
                      name="sua-kieu.docx")
    profile = tmp_path / "profile"
    pdf.lock_profile(profile)
    soffice = pdf.find_soffice()
    assert soffice is not None
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
         "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
         str(tmp_path / "lo"), str(restyled)], capture_output=True, timeout=300, check=False)
    saved = tmp_path / "lo" / "sua-kieu.docx"
    assert saved.is_file(), done.stderr
    with zipfile.ZipFile(saved) as archive:
        assert "{%p for para in body %}" in "".join(
            re.findall(r"<w:t[^>]*>([^<]*)</w:t>", archive.read(DOCUMENT).decode("utf-8")))
    out = tmp_path / "out"
    result = invoke("render", spec_file(tmp_path), "-o", out / "x.docx", "--template", saved)
    text = assert_rendered(result, out, ("Nơi nhận:",))
    assert "KẾ HOẠCH" in text
    data = (out / "x.docx").read_bytes()
    assert_schema_valid(data)
    assert "{{" not in all_text(data)
    shutil.rmtree(profile, ignore_errors=True)
