"""The reader remembers the body blocks it has read (check_blocks): a block taken from memory
reads exactly as the block read afresh, wherever it stands, and the cut of document.xml into
blocks is exact or not made at all.

Every output of the test corpus is read with the memory and without it, alone and after other
documents (so its blocks come from memory at other places), and must give the same layout
and the same findings; hand-made bodies show the cut refusing what it cannot be sure of.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lxml import etree
from support.corpus import corpus_plans

from plangen.check import format as check_format
from plangen.check.blocks import body_blocks
from plangen.check.format import Layout, read_layout
from plangen.check.memory import check_parts, package_from_parts
from plangen.check.package import Package
from plangen.model import Plan
from plangen.render.docx import Renderer

DOCUMENT = "word/document.xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PLANS = list(corpus_plans(commune_step=97))


@pytest.fixture()
def fresh_memory(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Style sheets (and the blocks remembered on them) made anew for this test."""
    monkeypatch.setattr(check_format, "_SHEETS", {})
    yield


def parts_of(renderer: Renderer, plan: Plan) -> tuple[dict[str, bytes], dict[str, etree._Element]]:
    rendered = renderer.render_parts(plan)
    return rendered.parts, rendered.trees


def unremembered(package: Package, monkeypatch: pytest.MonkeyPatch) -> Layout | None:
    """The layout read with no block taken from memory."""
    with monkeypatch.context() as patch:
        patch.setattr(check_format, "body_blocks", lambda *args: None)
        patch.setattr(check_format, "_SHEETS", {})
        return read_layout(package)


def same_layout(ours: Layout | None, theirs: Layout | None) -> None:
    assert ours is not None and theirs is not None
    assert ours == theirs
    # runs are left out of a paragraph's equality: compared here
    for mine, other in zip(ours.paragraphs, theirs.paragraphs, strict=True):
        assert mine.runs == other.runs, mine.index
    assert list(ours.cell_edges.items()) == list(theirs.cell_edges.items())


def replays(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    count = [0]
    replay = check_format._Reader._replay

    def counted(self: check_format._Reader, *args: object) -> None:
        count[0] += 1
        replay(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(check_format._Reader, "_replay", counted)
    return count


def test_every_output_reads_the_same_from_memory(renderer: Renderer, fresh_memory: None,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Each document after all those before it (blocks met before come from memory, at other
    places), then again (all of its plain blocks from memory)."""
    count = replays(monkeypatch)
    cut = 0
    for _name, plan in PLANS:
        parts, trees = parts_of(renderer, plan)
        expected = unremembered(package_from_parts(parts, trees), monkeypatch)
        for _ in range(2):
            same_layout(read_layout(package_from_parts(parts, trees)), expected)
        cut += body_blocks(parts[DOCUMENT], trees[DOCUMENT],
                           trees[DOCUMENT].find(f"{{{W_NS}}}body")) is not None
    assert cut >= len(PLANS) // 2  # most outputs are cut into blocks, so memory is used
    assert count[0] > 10 * len(PLANS)


def test_the_findings_are_the_same_with_and_without_memory(
        renderer: Renderer, fresh_memory: None, monkeypatch: pytest.MonkeyPatch) -> None:
    reports = []
    for _name, plan in PLANS:
        parts, trees = parts_of(renderer, plan)
        remembered = check_parts(parts, trees)
        with monkeypatch.context() as patch:
            patch.setattr(check_format, "body_blocks", lambda *args: None)
            afresh = check_parts(parts, trees)
        reports.append((remembered, afresh))
    for remembered, afresh in reports:
        assert remembered.results == afresh.results


def test_each_block_cut_is_its_element(renderer: Renderer) -> None:
    for name, plan in PLANS:
        parts, trees = parts_of(renderer, plan)
        root = trees[DOCUMENT]
        body = root.find(f"{{{W_NS}}}body")
        spans = body_blocks(parts[DOCUMENT], root, body)
        if spans is None:
            continue
        blocks = [child for child in body if child.tag in (f"{{{W_NS}}}p", f"{{{W_NS}}}tbl")]
        assert len(spans) == len(blocks), name
        declarations = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in root.nsmap.items()
                                if prefix)
        for span, block in zip(spans, blocks, strict=True):
            wrapped = etree.fromstring(f"<w:x {declarations}>".encode() + span + b"</w:x>")
            assert etree.tostring(wrapped[0]) == etree.tostring(block), name


# ---- hand-made bodies -----------------------------------------------------------------------

PARA = '<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t>Nội dung {n}</w:t></w:r></w:p>'


def document(body: str, root_extra: str = "", w_uri: str = W_NS) -> bytes:
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<w:document xmlns:w="{w_uri}" {root_extra}><w:body>{body}'
            f"<w:sectPr/></w:body></w:document>").encode()


def cut(data: bytes) -> list[bytes] | None:
    root = etree.fromstring(data)
    body = next(iter(root))
    return body_blocks(data, root, body)


def test_plain_blocks_are_cut_exactly() -> None:
    table = ('<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>'
             + PARA.format(n=1) + '</w:tc></w:tr></w:tbl>')
    odd = '<w:p w:rsidR="a>b" w14:x=\'c/>\' xmlns:w14="urn:x"><w:r><w:t>x</w:t></w:r></w:p>'
    body = PARA.format(n=0) + table + "<w:p/>" + '<w:p\n  w:rsidR = "1" />'
    assert cut(document(body)) == [PARA.format(n=0).encode(), table.encode(), b"<w:p/>",
                                   b'<w:p\n  w:rsidR = "1" />']
    # a namespace declared below the root: not cut (a prefix could mean something else)
    assert cut(document(odd)) is None
    quoted = '<w:p w:rsidR="a>b" w:x=\'c/>\'><w:r><w:t>x</w:t></w:r></w:p>'
    assert cut(document(quoted + PARA.format(n=2))) == [quoted.encode(),
                                                        PARA.format(n=2).encode()]


@pytest.mark.parametrize("body", [
    PARA.format(n=0) + "<!-- <w:p> -->",
    PARA.format(n=0).replace("Nội dung 0", "<![CDATA[<w:p>]]>"),
    PARA.format(n=0) + "<?plangen x?>",
    '<w:sdt><w:sdtContent>' + PARA.format(n=0) + '</w:sdtContent></w:sdt>',
    '<w:customXml w:element="x">' + PARA.format(n=0) + '</w:customXml>',
    PARA.format(n=0).replace("<w:p>", f'<w:p xmlns:w="{W_NS}">'),
])
def test_what_the_cut_cannot_be_sure_of_is_not_cut(body: str) -> None:
    assert cut(document(body)) is None


def test_a_w_prefix_bound_elsewhere_is_not_cut() -> None:
    data = document("", root_extra=f'xmlns:ww="{W_NS}"', w_uri="urn:other").replace(
        b"<w:body>", b"<ww:body>").replace(b"</w:body>", b"</ww:body>").replace(
        b"<w:sectPr/>", b"<ww:p/><ww:sectPr/>")
    assert cut(data) is None


NUMBERING = (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl '
             'w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText '
             'w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId '
             'w:val="0"/></w:num></w:numbering>').encode()
RELS = "word/_rels/document.xml.rels"


def handmade_package(renderer: Renderer, plan: Plan, body: str) -> Package:
    """A rendered plan's parts with its body replaced by `body` (read from the bytes) and a
    decimal list, numId 1."""
    parts, _ = parts_of(renderer, plan)
    data = parts[DOCUMENT]
    head, rest = data.split(b"<w:body>", 1)
    sect = rest[rest.rindex(b"<w:sectPr"):rest.rindex(b"</w:body>")]
    rels = parts[RELS].replace(b"</Relationships>", (
        b'<Relationship Id="rIdList" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/numbering" Target="numbering.xml"/></Relationships>'))
    return package_from_parts({**parts, RELS: rels, "word/numbering.xml": NUMBERING,
                               DOCUMENT: head + b"<w:body>" + body.encode() + sect
                               + b"</w:body></w:document>"})


NUMBERED = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
            '</w:pPr><w:r><w:t>Mục</w:t></w:r></w:p>')
SECTION_END = ('<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr>'
               '<w:r><w:t>Hết phần</w:t></w:r></w:p>')
CELL = '<w:tc>' + PARA.format(n="ô") + '</w:tc>'
TABLE = ('<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders>'
         '</w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr>' + CELL
         + '</w:tr></w:tbl>')


def test_numbered_section_ending_and_table_blocks_read_as_afresh(
        renderer: Renderer, fresh_memory: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same bytes at several places: list numbers keep counting (numbered paragraphs are
    never taken from memory), sections and tables are numbered where the block stands."""
    plan = next(plan for name, plan in PLANS if name == "variations.yaml")
    body = "".join([PARA.format(n=1), NUMBERED, PARA.format(n=1), NUMBERED, SECTION_END,
                    TABLE, PARA.format(n=1), SECTION_END, TABLE, TABLE, NUMBERED])
    count = replays(monkeypatch)
    for _ in range(3):  # alone, then each block from memory
        package = handmade_package(renderer, plan, body)
        expected = unremembered(package, monkeypatch)
        layout = read_layout(handmade_package(renderer, plan, body))
        same_layout(layout, expected)
        assert layout is not None
        assert [table.index for table in layout.tables] == [1, 2, 3]
        assert len(layout.sections) == 3
    assert count[0] > 0
    assert [p.label for p in layout.paragraphs if p.text == "Mục"] == ["1.", "2.", "3."]
