"""The check's rules for the new forms: numbering levels, data tables and several appendices.
Each is shown a plangen document (which passes) and the same document broken one way."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import SPECS
from support.docx_helpers import open_docx, rezipped

from plangen.check.api import check_docx
from plangen.check.report import finding_text
from plangen.messages import message
from plangen.render.docx import Renderer
from plangen.spec.api import load_plan

DOCUMENT = "word/document.xml"


def rezip(data: bytes, content: str) -> bytes:
    return rezipped(data, {DOCUMENT: content.encode()})


@pytest.fixture(scope="module")
def thanh_hoa(renderer: Renderer) -> tuple[bytes, str]:
    """Four sections, items, decimal items, points, three data tables, three appendices."""
    data = renderer.render(load_plan(SPECS / "thanh-hoa.yaml"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return data, archive.read(DOCUMENT).decode()


def status(data: bytes, check_id: str) -> tuple[str, list[str]]:
    report = check_docx(data, schemas=None)
    found = next(r for r in report.results if r.id == check_id)
    return found.status, [finding_text(f, "vi") for f in found.found]


def broken(document: tuple[bytes, str], old: str, new: str, count: int = 1) -> bytes:
    data, xml = document
    assert old in xml, old
    return rezip(data, xml.replace(old, new, count))


@pytest.mark.parametrize("check_id", ["numbering", "data-tables", "appendix"])
def test_the_plangen_document_passes(thanh_hoa: tuple[bytes, str], check_id: str) -> None:
    assert status(thanh_hoa[0], check_id)[0] == "pass"


def _fails(data: bytes, check_id: str, *words: str, want: str = "fail") -> None:
    state, found = status(data, check_id)
    assert state == want, found
    assert any(all(word in text for word in words) for text in found), found


def _advises(data: bytes, check_id: str, *words: str) -> None:
    """Practice NĐ 30 does not make a rule of: told as advice, the document still passes."""
    _fails(data, check_id, *words, want="advice")
    report = check_docx(data, schemas=None)
    assert report.ok and not report.clean


def test_an_item_number_that_skips(thanh_hoa: tuple[bytes, str]) -> None:
    _fails(broken(thanh_hoa, ">2. ", ">3. "), "numbering", '"3."', '"2."')


def test_a_section_number_missing(thanh_hoa: tuple[bytes, str]) -> None:
    _fails(broken(thanh_hoa, ">II. ", ">III. "), "numbering", '"III."', '"II."')


def test_a_decimal_item_without_its_parent(thanh_hoa: tuple[bytes, str]) -> None:
    _fails(broken(thanh_hoa, ">1.1. ", ">5.1. "), "numbering", '"5.1."', "thiếu một cấp")


def test_points_out_of_order(thanh_hoa: tuple[bytes, str]) -> None:
    _fails(broken(thanh_hoa, ">b) ", ">c) "), "numbering", '"c)"', '"b)"')


@pytest.mark.parametrize("heading", ["5G VÀ IOT", "“CHUYỂN ĐỔI SỐ”", "a@b.vn", "(TRÍCH)"])
def test_lettered_sections_whose_heading_opens_with_a_figure_or_a_sign(
        renderer: Renderer, tmp_path: Path, heading: str) -> None:
    """A plan lettered A, B, C: "B. 5G VÀ IOT" is section B like "B. MỤC ĐÍCH", so the
    sections run on; with section B's letter changed, C is out of order again."""
    data = yaml.safe_load((SPECS / "variations-free.yaml").read_text(encoding="utf-8"))
    assert data["numbering"] == "letter"
    data["sections"][1]["heading"] = heading
    spec = tmp_path / "plan.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rendered = renderer.render(load_plan(spec))
    with zipfile.ZipFile(io.BytesIO(rendered)) as archive:
        xml = archive.read(DOCUMENT).decode()
    assert f"B. {heading.upper()}" in [p.text for p in open_docx(rendered).paragraphs]
    assert status(rendered, "numbering")[0] == "pass"
    _fails(broken((rendered, xml), ">B. ", ">D. "), "numbering", '"D."', '"B."')


def test_points_restart_under_each_item(thanh_hoa: tuple[bytes, str]) -> None:
    """An a) after an item again is a new list, not a step back."""
    assert status(thanh_hoa[0], "numbering")[0] == "pass"
    assert ">a) " in thanh_hoa[1]


def test_points_lettered_a_dot_throughout_pass(thanh_hoa: tuple[bytes, str]) -> None:
    """ "a.", "b." (a plan's `point_style: letter_dot`) for every point is the plan's own
    form, not an error; numbered out of order they are, and said in their own form."""
    data, xml = thanh_hoa
    dotted = re.sub(r">([a-dđ])\) ", r">\1. ", xml)
    assert dotted != xml and ">b. " in dotted
    assert status(rezip(data, dotted), "numbering")[0] == "pass"
    _fails(rezip(data, dotted.replace(">b. ", ">c. ", 1)), "numbering", '"c."', '"b."')


def test_points_of_one_list_in_two_forms_are_a_mix(thanh_hoa: tuple[bytes, str]) -> None:
    """ "a) …" then "b. …" in one list: the second is written as the first."""
    _fails(broken(thanh_hoa, ">b) ", ">b. "), "numbering", '"b."', '"b)"', "không trộn")
    data, xml = thanh_hoa
    dotted = re.sub(r">([a-dđ])\) ", r">\1. ", xml)
    _fails(rezip(data, dotted.replace(">b. ", ">b) ", 1)), "numbering", '"b)"', '"b."')


def test_a_row_that_may_break_across_pages(thanh_hoa: tuple[bytes, str]) -> None:
    data, xml = thanh_hoa
    # the data tables' rows (the header and signature grids are borderless)
    start = xml.index('<w:tblBorders><w:top w:val="single"')
    end = xml.index("</w:tbl>", start)
    table = xml[start:end].replace("<w:cantSplit/>", "", 2)
    _advises(rezip(data, xml[:start] + table + xml[end:]), "data-tables", "2 dòng",
             "ngắt sang trang")


def test_a_heading_row_that_does_not_repeat(thanh_hoa: tuple[bytes, str]) -> None:
    unrepeated = broken(thanh_hoa, "<w:tblHeader/>", "", count=-1)
    _advises(unrepeated, "data-tables", "không lặp lại")
    assert status(unrepeated, "appendix-header-row")[0] == "advice"


def test_a_table_wider_than_the_text_area(thanh_hoa: tuple[bytes, str]) -> None:
    data, xml = thanh_hoa
    start = xml.index('<w:tblBorders><w:top w:val="single"')
    grid = re.compile(r'<w:gridCol w:w="(\d+)"/>')
    found = grid.search(xml, start)
    assert found is not None
    wide = xml[:found.start()] + f'<w:gridCol w:w="{int(found.group(1)) + 3000}"/>' + \
        xml[found.end():]
    _fails(rezip(data, wide), "data-tables", "vượt bề rộng vùng chữ")


def test_appendices_numbered_out_of_order(thanh_hoa: tuple[bytes, str]) -> None:
    _fails(broken(thanh_hoa, ">Phụ lục II<", ">Phụ lục IV<"), "appendix", '"Phụ lục IV"',
           '"Phụ lục II"')


def test_an_appendix_without_its_own_section(thanh_hoa: tuple[bytes, str]) -> None:
    data, xml = thanh_hoa
    label = xml.index(">Phụ lục III<")
    # the section break that ends the section before the third appendix
    cut = xml.rindex("<w:sectPr", 0, label)
    end = xml.index("</w:sectPr>", cut) + len("</w:sectPr>")
    _fails(rezip(data, xml[:cut] + xml[end:]), "appendix", '"Phụ lục III"', "section riêng")


def test_new_messages_in_both_languages() -> None:
    for code in ("check_numbering_section", "check_numbering_item", "check_numbering_parent",
                 "check_numbering_point", "check_numbering_point_style", "check_table_row_split",
                 "check_table_too_wide",
                 "check_appendix_order", "check_appendix_own_section", "check_ok_numbering",
                 "check_title_numbering", "check_title_data_tables"):
        params = {"found": "3.", "want": "2.", "count": 2, "table": 1, "width": 200,
                  "room": 165, "label": "Phụ lục II"}
        vi, en = message(code, "vi", **params), message(code, "en", **params)
        assert vi != en and not vi.startswith(code) and not en.startswith(code), code
