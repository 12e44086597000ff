"""Issue 14.4 and 14.10: a batch never writes over its own inputs, nor over files that are not
as plangen wrote them, and a locality table longer than the country is questioned.

Refusals come before anything is written: the folder is left exactly as it was.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import docx
import pytest
from support.hostile_support import ROOT, assert_sound_docx, dump, invoke, no_traceback, plan

from plangen.batch.localities import all_communes, all_provinces
from plangen.batch.selection import read_selection
from plangen.render.pdf import find_soffice

TEMPLATE = ROOT / "templates" / "docx" / "ke-hoach.docx"
THREE = "localities:\n  - locality: thành phố Huế\n  - locality: tỉnh Đắk Lắk\n" \
        "  - locality: tỉnh An Giang\n"


def base_spec(tmp_path: Path) -> Path:
    spec = tmp_path / "goc.yaml"
    spec.write_text(dump(plan(issuer={"name": "{{ locality.agency }}"},
                              place="{{ locality.place }}")), encoding="utf-8")
    return spec


def table(tmp_path: Path, text: str = THREE, name: str = "bang.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def batch(*args: object) -> tuple[int, str]:
    result = invoke("batch", *map(str, args), "--lang", "en", "--no-check")
    no_traceback(result.output)
    return result.exit_code, result.output


def snapshot(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()
            and path.name != ".plangen.lock"}  # the folder lock's (empty) file may stay


def test_render_refuses_an_output_that_is_a_file_the_spec_includes(tmp_path: Path) -> None:
    part = tmp_path / "chung.yaml"
    part.write_text(dump({"symbol": "KH-UBND"}), encoding="utf-8")
    data = plan()
    data.pop("symbol", None)
    spec = tmp_path / "ke-hoach.yaml"
    spec.write_text(dump({"include": "chung.yaml", **data}), encoding="utf-8")
    before = part.read_bytes()
    result = invoke("render", str(spec), "-o", str(part), "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "a file the spec extends or includes" in result.output
    assert part.read_bytes() == before
    ok = invoke("render", str(spec), "-o", str(tmp_path / "ra.docx"))
    assert ok.exit_code == 0, ok.output  # the spec itself was fine


def test_a_template_inside_the_folder_under_a_localitys_name(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    template = out / "hue.docx"  # the name Huế's plan gets
    shutil.copyfile(TEMPLATE, template)
    before = snapshot(out)
    code, output = batch(base_spec(tmp_path), "--localities", table(tmp_path), "-o", out,
                         "--template", template, "--force")
    assert code == 1, output
    assert "is inside the output folder" in output and "hue.docx" in output
    assert snapshot(out) == before  # nothing written, the template whole


def test_the_locality_table_is_never_the_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    rows = table(out, "locality\nthành phố Huế\n", "index.csv")
    before = snapshot(out)
    code, output = batch(base_spec(tmp_path), "--localities", rows, "-o", out, "--force")
    assert code == 1, output
    assert "the locality table in use" in output
    assert snapshot(out) == before


def test_an_edited_output_is_kept_unless_forced(tmp_path: Path) -> None:
    spec, rows, out = base_spec(tmp_path), table(tmp_path), tmp_path / "out"
    assert batch(spec, "--localities", rows, "-o", out)[0] == 0
    edited = docx.Document(str(out / "hue.docx"))
    edited.add_paragraph("Ý kiến của Chủ tịch: bổ sung nhiệm vụ.")
    edited.save(str(out / "hue.docx"))
    spec.write_text(spec.read_text(encoding="utf-8").replace("Sở Tư pháp", "Sở Nội vụ"),
                    encoding="utf-8")  # every plan must be rendered again
    before = snapshot(out)
    code, output = batch(spec, "--localities", rows, "-o", out)
    assert code == 1, output
    assert "Edited since plangen wrote them: hue.docx" in output
    assert "Not written by plangen: —" in output and "--force" in output
    assert snapshot(out) == before  # refused as a whole: not even the other two rewritten
    code, output = batch(spec, "--localities", rows, "-o", out, "--force")
    assert code == 0, output
    assert "bổ sung nhiệm vụ" not in assert_sound_docx(out / "hue.docx")
    assert batch(spec, "--localities", rows, "-o", out)[0] == 0  # its own again


def test_files_plangen_did_not_write_are_listed_first_ten_and_a_count(tmp_path: Path) -> None:
    out = tmp_path / "out" / "hue"
    out.mkdir(parents=True)
    communes = [c for c in all_communes() if c.province and c.province.slug == "hue"][:15]
    for commune in communes:  # an officer's own signed copies, under plangen's names
        document = docx.Document()
        document.add_paragraph(f"Bản đã ký của {commune.full_name}")
        document.save(str(out / f"{commune.slug}.docx"))
    rows = table(tmp_path, "localities:\n" + "".join(
        f"  - locality: {c.full_name}, thành phố Huế\n" for c in communes))
    before = snapshot(tmp_path / "out")
    code, output = batch(base_spec(tmp_path), "--localities", rows, "-o", tmp_path / "out")
    assert code == 1, output
    assert "15 file(s)" in output and "(+5)" in output
    assert f"hue/{communes[0].slug}.docx" in output
    assert f"hue/{communes[14].slug}.docx" not in output
    assert snapshot(tmp_path / "out") == before


def test_a_locality_that_failed_keeps_its_earlier_file_as_plangens(tmp_path: Path) -> None:
    spec, out = base_spec(tmp_path), tmp_path / "out"
    assert batch(spec, "--localities", table(tmp_path), "-o", out)[0] == 0
    broken = table(tmp_path, THREE.replace("tỉnh Đắk Lắk\n",
                                           "tỉnh Đắk Lắk\n    number: -5\n"), "hong.yaml")
    code, output = batch(spec, "--localities", broken, "-o", out)
    assert code == 1 and "Đắk Lắk" in output, output
    assert (out / "dak-lak.docx").is_file()  # the earlier plan is left where it was
    code, output = batch(spec, "--localities", table(tmp_path), "-o", out)
    assert code == 0, output  # and is still known as plangen's


def test_a_foreign_index_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.csv").write_text("my own list\n", encoding="utf-8")
    code, output = batch(base_spec(tmp_path), "--localities", table(tmp_path), "-o", out)
    assert code == 1 and "index.csv" in output, output
    assert (out / "index.csv").read_text(encoding="utf-8") == "my own list\n"


def test_a_table_longer_than_the_provinces_is_warned_about(tmp_path: Path) -> None:
    names = [p.full_name for p in all_provinces()] + ["tỉnh Không Có"]
    rows = table(tmp_path, "locality\n" + "\n".join(names) + "\n", "tinh.csv")
    warnings = [w.format("en") for w in read_selection(str(rows)).warnings]
    assert any("35 province rows, more than the 34 provinces" in w for w in warnings), warnings
    exact = table(tmp_path, "locality\n" + "\n".join(names[:34]) + "\n", "du.csv")
    assert not read_selection(str(exact)).warnings


def test_a_table_longer_than_the_communes_is_warned_about(tmp_path: Path) -> None:
    lines = [f"{c.code}" for c in all_communes()] + ["99999", "99998"]
    rows = table(tmp_path, "code\n" + "\n".join(lines) + "\n", "xa.csv")
    warnings = [w.format("vi") for w in read_selection(str(rows)).warnings]
    assert any("Bảng có 3323 dòng xã" in w and "(3321)" in w for w in warnings), warnings


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_pdfs_stay_known_across_runs_and_a_foreign_pdf_is_kept(tmp_path: Path) -> None:
    spec, out = base_spec(tmp_path), tmp_path / "out"
    one = table(tmp_path, "localities:\n  - locality: thành phố Huế\n", "mot.yaml")
    assert batch(spec, "--localities", one, "-o", out, "--pdf")[0] == 0
    assert (out / "hue.pdf").is_file()
    assert batch(spec, "--localities", one, "-o", out)[0] == 0  # no PDFs asked this time
    spec.write_text(spec.read_text(encoding="utf-8").replace("Sở Tư pháp", "Sở Nội vụ"),
                    encoding="utf-8")
    code, output = batch(spec, "--localities", one, "-o", out, "--pdf")
    assert code == 0, output  # its PDF is still plangen's, made again
    (out / "dak-lak.pdf").write_bytes(b"%PDF-1.4 signed scan\n")
    two = table(tmp_path, "localities:\n  - locality: tỉnh Đắk Lắk\n", "hai.yaml")
    code, output = batch(spec, "--localities", two, "-o", out, "--pdf")
    assert code == 1 and "Not written by plangen: dak-lak.pdf" in output, output
    assert (out / "dak-lak.pdf").read_bytes() == b"%PDF-1.4 signed scan\n"
    assert not (out / "dak-lak.docx").exists()


def test_the_table_warning_comes_before_any_plan_is_made(tmp_path: Path) -> None:
    """The officer sees at once that the table is too long (the wrong file?) and can stop
    the run with Ctrl-C, instead of reading it after 3,000 plans."""
    rows = "".join(f'  - locality: "{code}"\n' for code in [*(f"{n:02d}" for n in range(1, 35))]
                   ) + '  - locality: "Tỉnh Không Có"\n'
    table = tmp_path / "tinh.yaml"
    table.write_text("localities:\n" + rows, encoding="utf-8")
    seen: list[str] = []
    started: list[int] = []

    def heard(issues: list[object]) -> None:
        assert not started and not list((tmp_path / "out").glob("*.docx"))  # before any plan
        seen.extend(str(issue) for issue in issues)

    from plangen.batch.run import BatchOptions, run_batch

    report = run_batch(BatchOptions(ROOT / "examples" / "ai-law" / "base.yaml", str(table),
                                    tmp_path / "out", jobs=1),
                       on_start=started.append, on_warnings=heard)
    assert len(seen) == 1 and "table_more_rows_than_provinces" in seen[0]
    assert [str(issue) for issue in report.warnings] == seen
    from click.testing import CliRunner

    from plangen.cli import main

    output = CliRunner().invoke(main, ["batch", str(ROOT / "examples" / "ai-law" / "base.yaml"),
                                       "--localities", str(table), "-o", str(tmp_path / "cli"),
                                       "--jobs", "1"]).output
    warning = "Bảng có 35 dòng tỉnh, thành phố"
    assert output.count(warning) == 1  # said once, before the progress and the results
    assert output.index(warning) < output.index("dòng có lỗi") < \
        output.index("localities[34].locality") < output.index("Đang tạo")
