"""Issue 14.2: a template's links, objects and macros never reach a plan or LibreOffice.

A template with an external picture made LibreOffice fetch the URL once per locality during
`--pdf` and embed a local file in the PDF; a .docm renamed .docx passed its macros into every
output, and `check` passed them. Now a template is refused at load (render, batch, the default
template path alike) when it holds macros, a relationship to an outside target that Word or
LibreOffice would fetch (a plain hyperlink is allowed), an OLE or ActiveX object, or a field
that pulls content in; `plangen check` reports the same in any .docx; and LibreOffice runs
with link updates off and fetching from untrusted documents blocked, tested on a crafted .docx
the converter is given directly.
"""

from __future__ import annotations

import http.server
import io
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader
from support.docx_helpers import MemberEdit, assert_schema_valid, rezipped, zip_names
from support.hostile_support import assert_refused, invoke, spec_file

from plangen.render import pdf
from plangen.render.docx import DEFAULT_TEMPLATE

RELS = "word/_rels/document.xml.rels"
TYPES = "[Content_Types].xml"
DOCUMENT = "word/document.xml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
Edit = Callable[[bytes], bytes]


def _add_rel(kind: str, target: str, external: bool = True, rels: str = RELS) -> dict[str, Edit]:
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="rId99" Type="{R}/{kind}" Target="{target}"{mode}/>'
    return {rels: lambda data: data.replace(b"</Relationships>",
                                            rel.encode() + b"</Relationships>")}


def _in_body(xml: str) -> dict[str, Edit]:
    paragraph = f"<w:p><w:r>{xml}</w:r></w:p>".encode()
    return {DOCUMENT: lambda data: data.replace(b"<w:body>", b"<w:body>" + paragraph, 1)}


SETTINGS_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{R}/attachedTemplate" '
                 'Target="http://example.invalid/mau.dotm" TargetMode="External"/>'
                 '</Relationships>').encode()
MACRO_TYPE = b"application/vnd.ms-word.document.macroEnabled.main+xml"
DOCX_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OLE_XML = ('<w:object><v:shape id="o1" style="width:10pt;height:10pt" '
           'xmlns:v="urn:schemas-microsoft-com:vml"/><o:OLEObject Type="Embed" ProgID="Package" '
           'ShapeID="o1" r:id="rId99" xmlns:o="urn:schemas-microsoft-com:office:office"/>'
           '</w:object>')

# name -> (part edits, parts added, words the refusal must hold)
REFUSED: dict[str, tuple[dict[str, Edit], dict[str, bytes], tuple[str, ...]]] = {
    "image-http": (_add_rel("image", "http://127.0.0.1:9/x.png"), {},
                   ("liên kết ra ngoài", "image → http://127.0.0.1:9/x.png", RELS)),
    "image-file": (_add_rel("image", "file:///etc/passwd"), {},
                   ("liên kết ra ngoài", "file:///etc/passwd", RELS)),
    "attached-template": ({}, {"word/_rels/settings.xml.rels": SETTINGS_RELS},
                          ("attachedTemplate", "word/_rels/settings.xml.rels")),
    "sub-document": (_add_rel("subDocument", "file:///srv/chuong-2.docx"), {},
                     ("subDocument",)),
    "frame": (_add_rel("frame", "http://example.invalid/"), {}, ("frame",)),
    "linked-ole": (_add_rel("oleObject", "file:///srv/bang.xlsx"), {}, ("oleObject",)),
    "docm-renamed": ({TYPES: lambda data: data.replace(DOCX_TYPE, MACRO_TYPE).replace(
        b"<Default ", b'<Default Extension="bin" ContentType="application/vnd.ms-office.'
                      b'vbaProject"/><Default ', 1), **_add_rel(
        "vbaProject", "vbaProject.bin", external=False,
    )}, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + bytes(60)},
        ("macro", "word/vbaProject.bin", "File > Save As")),
    "vba-part-only": ({}, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + bytes(60)},
                      ("macro", "word/vbaProject.bin")),
    "embedded-ole": ({**_add_rel("oleObject", "embeddings/oleObject1.bin", external=False),
                      **_in_body(OLE_XML)},
                     {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0" + bytes(60)},
                     ("OLE", DOCUMENT)),
    "ole-element": (_in_body(OLE_XML.replace('r:id="rId99"', "")), {},
                    ("OLE", DOCUMENT)),
    "includepicture": (_in_body('<w:fldSimple w:instr=" INCLUDEPICTURE &quot;http://example.'
                                'invalid/a.png&quot; \\d"/>'), {},
                       ("INCLUDEPICTURE", "http://example.invalid/a.png")),
    "ddeauto-split": (_in_body('<w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
                               ' DDE</w:instrText></w:r><w:r><w:instrText>AUTO c:\\\\cmd.exe'
                               '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/>'), {},
                      ("DDEAUTO",)),
}


def variant(tmp_path: Path, edits: dict[str, Edit], added: dict[str, bytes],
            name: str = "mau.docx") -> Path:
    """plangen's template with `edits` applied to its parts and `added` parts."""
    path = tmp_path / name
    path.write_bytes(rezipped(DEFAULT_TEMPLATE, {
        part: _changing(part, change) for part, change in edits.items()}, added))
    return path


def _changing(part: str, change: Edit) -> Edit:
    """`change`, asserting that it changes `part`."""
    def changed(content: bytes) -> bytes:
        new = change(content)
        assert new != content, part
        return new
    return changed


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_render_refuses_a_template_that_fetches_runs_or_embeds(tmp_path: Path,
                                                                name: str) -> None:
    edits, added, words = REFUSED[name]
    template = variant(tmp_path, edits, added)
    out = tmp_path / "out"
    result = invoke("render", spec_file(tmp_path), "-o", out / "x.docx", "--template", template,
                    "--pdf")
    assert_refused(result, (str(template), "plangen không dùng mẫu này", *words), outputs=out)
    assert not list(out.rglob("*.pdf")) if out.exists() else True


@pytest.mark.parametrize("name", ["image-file", "docm-renamed", "embedded-ole"])
def test_batch_refuses_it_before_any_plan_in_english(tmp_path: Path, name: str) -> None:
    edits, added, _ = REFUSED[name]
    template = variant(tmp_path, edits, added)
    table = tmp_path / "dia-phuong.yaml"
    table.write_text("localities:\n  - locality: thành phố Huế\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", spec_file(tmp_path), "--localities", table, "-o", out, "--jobs",
                    "1", "--template", template, env={"PLANGEN_LANG": "en"})
    assert_refused(result, ("so plangen will not use", str(template)), outputs=out)


def test_the_default_template_path_is_checked_too(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from plangen.errors import RenderError
    from plangen.render import docx

    edits, added, _ = REFUSED["image-http"]
    monkeypatch.setattr(docx, "DEFAULT_TEMPLATE", variant(tmp_path, edits, added))
    with pytest.raises(RenderError) as caught:
        docx.Renderer()
    assert caught.value.code == "template_external"
    assert caught.value.params["target"] == "http://127.0.0.1:9/x.png"


def test_a_plain_hyperlink_in_the_template_is_kept(tmp_path: Path) -> None:
    template = variant(tmp_path, _add_rel("hyperlink", "https://vbpl.vn/"), {})
    out = tmp_path / "out"
    result = invoke("render", spec_file(tmp_path), "-o", out / "x.docx", "--template", template)
    assert result.exit_code == 0, result.output
    data = (out / "x.docx").read_bytes()
    assert_schema_valid(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"https://vbpl.vn/" in archive.read(RELS)


# ---- plangen check reports them in any .docx ------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rendered")
    result = invoke("render", spec_file(folder), "-o", folder / "ke-hoach.docx")
    assert result.exit_code == 0, result.output
    return folder / "ke-hoach.docx"


def _edited_plan(source: Path, target: Path, edits: dict[str, Edit],
                 added: dict[str, bytes]) -> Path:
    target.write_bytes(rezipped(source, dict(edits), added))
    return target


@pytest.mark.parametrize(("name", "words"), [
    ("image-file", "image → file:///etc/passwd"), ("docm-renamed", "macro"),
    ("vba-part-only", "word/vbaProject.bin"), ("embedded-ole", "OLE"),
    ("includepicture", "INCLUDEPICTURE"), ("attached-template", "attachedTemplate")])
def test_check_reports_macros_links_and_objects(tmp_path: Path, rendered: Path, name: str,
                                                words: str) -> None:
    edits, added, _ = REFUSED[name]
    path = _edited_plan(rendered, tmp_path / f"{name}.docx", edits, added)
    result = invoke("check", path, env={"PLANGEN_LANG": "en"})
    assert result.exit_code == 1, result.output
    assert "[FAIL] No macros, fetching links or embedded objects" in result.output
    assert words in result.output


def test_check_passes_a_plan_with_only_a_hyperlink(tmp_path: Path, rendered: Path) -> None:
    path = _edited_plan(rendered, tmp_path / "link.docx", _add_rel("hyperlink",
                                                                   "https://vbpl.vn/"), {})
    result = invoke("check", path, env={"PLANGEN_LANG": "en"})
    assert "[PASS] No macros, fetching links or embedded objects" in result.output, result.output
    assert result.exit_code == 0, result.output


# ---- LibreOffice itself fetches nothing a document links to --------------------------------


class _Counting(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(_png(16, 16))

    def log_message(self, format: str, *args: object) -> None:
        return


def _png(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    _Counting.hits = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", _Counting.hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def _linked_picture_docx(path: Path, target: str) -> Path:
    """A one-paragraph Word file whose only picture is linked (r:link) to `target`."""
    from docx import Document
    from docx.shared import Inches

    picture = path.parent / "noi-bo.png"
    picture.write_bytes(_png(4, 4))
    document = Document()
    document.add_paragraph("Ảnh liên kết")
    document.add_picture(str(picture), width=Inches(2))
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()

    def linked(content: bytes) -> bytes:
        text = content.decode()
        start = text.index('Type="' + R + '/image"')
        end = text.index("/>", start)
        return (text[:start] + f'Type="{R}/image" Target="{target}" '
                'TargetMode="External"' + text[end:]).encode()

    edits: dict[str, MemberEdit] = {name: None for name in zip_names(data)
                                    if name.startswith("word/media/")}
    edits[RELS] = linked
    edits[DOCUMENT] = lambda content: content.replace(b"r:embed=", b"r:link=")
    path.write_bytes(rezipped(data, edits))
    return path


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_fetches_and_embeds_no_linked_picture(tmp_path: Path,
                                                          server: tuple[str, list[str]]) -> None:
    url, hits = server
    secret = tmp_path / "bi-mat.png"
    secret.write_bytes(_png(64, 64))
    on_disk = _linked_picture_docx(tmp_path / "tep.docx", secret.as_uri())
    on_web = _linked_picture_docx(tmp_path / "web.docx", f"{url}/anh.png")
    made = pdf.convert_many([on_disk, on_web], tmp_path / "pdf")
    assert set(made) == {on_disk, on_web}
    for result in made.values():
        reader = PdfReader(result)
        assert "Ảnh liên kết" in reader.pages[0].extract_text()
        assert [len(page.images) for page in reader.pages] == [0] * len(reader.pages)
        assert secret.read_bytes() not in result.read_bytes()
    assert hits == []


def test_a_warmed_profile_is_locked_keeping_its_other_settings(tmp_path: Path) -> None:
    registry = tmp_path / "user" / "registrymodifications.xcu"
    registry.parent.mkdir(parents=True)
    registry.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/'
        '2001/registry"><item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetup'
        'InstCompleted" oor:op="fuse"><value>true</value></prop></item><item oor:path="/org.'
        'openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedReferer'
        'Links" oor:op="fuse"><value>false</value></prop></item></oor:items>',
        encoding="utf-8")
    pdf.lock_profile(tmp_path)
    pdf.lock_profile(tmp_path)  # twice: still one item per setting
    text = registry.read_text(encoding="utf-8")
    assert "ooSetupInstCompleted" in text
    assert text.count("BlockUntrustedRefererLinks") == 1
    assert '<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true' in text
    assert '<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link"' \
           ' oor:op="fuse"><value>0</value>' in text
