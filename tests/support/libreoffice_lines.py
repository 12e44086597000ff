"""A KẾ HOẠCH written in LibreOffice Writer (a flat .fodt), its short lines drawn the ways
offices draw them there, saved as .docx by LibreOffice itself: the WordprocessingML is what
LibreOffice writes (mc:AlternateContent with a VML fallback, positions as offsets, cell
borders, paragraph borders), not what python-docx or Word would.

`fodt(agency=…, motto=…)` gives the flat document; `AGENCY_KINDS` names each way of
drawing (or not drawing) the line under the agency's name.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
_STYLES = """
<office:font-face-decls><style:font-face style:name="Times New Roman"
 svg:font-family="'Times New Roman'"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:paragraph-properties
 fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties
 style:font-name="Times New Roman" fo:font-size="14pt" fo:color="#000000"/>
</style:default-style></office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm"><style:page-layout-properties fo:page-width="21cm"
  fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm"
  fo:margin-right="1.5cm"/></style:page-layout>
 <style:style style:name="T" style:family="table"><style:table-properties style:width="16.5cm"
  table:align="left"/></style:style>
 <style:style style:name="TA" style:family="table-column"><style:table-column-properties
  style:column-width="6.5cm"/></style:style>
 <style:style style:name="TB" style:family="table-column"><style:table-column-properties
  style:column-width="10cm"/></style:style>
 <style:style style:name="C" style:family="table-cell"><style:table-cell-properties
  fo:padding="0.1cm" fo:border="none"/></style:style>
 <style:style style:name="CB" style:family="table-cell"><style:table-cell-properties
  fo:padding="0.1cm" fo:border="none" fo:border-bottom="0.5pt solid #000000"/></style:style>
 <style:style style:name="H" style:family="paragraph"><style:paragraph-properties
  fo:text-align="center"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="M" style:family="paragraph"><style:paragraph-properties
  fo:text-align="center"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="HB" style:family="paragraph"><style:paragraph-properties
  fo:text-align="center" fo:border-bottom="0.5pt solid #000000" fo:padding="0cm"
  fo:margin-left="1.8cm" fo:margin-right="1.8cm"/><style:text-properties fo:font-size="13pt"
  fo:font-weight="bold"/></style:style>
 <style:style style:name="RB" style:family="paragraph"><style:paragraph-properties
  fo:text-align="center" fo:border-bottom="0.5pt solid #000000" fo:padding="0cm"
  fo:margin-left="2cm" fo:margin-right="2cm"/><style:text-properties fo:font-size="4pt"/>
 </style:style>
 <style:style style:name="NT" style:family="paragraph"><style:paragraph-properties
  fo:text-align="center" fo:border-top="0.5pt solid #000000" fo:padding="0cm"
  fo:margin-left="2cm" fo:margin-right="2cm" fo:margin-top="0.1cm"/><style:text-properties
  fo:font-size="13pt"/></style:style>
 <style:style style:name="N" style:family="paragraph"><style:paragraph-properties
  fo:text-align="center"/><style:text-properties fo:font-size="13pt"/></style:style>
 <style:style style:name="D" style:family="paragraph"><style:paragraph-properties
  fo:text-align="center"/><style:text-properties fo:font-size="14pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="S" style:family="paragraph"><style:paragraph-properties
  fo:text-align="center" fo:border-bottom="0.5pt solid #000000" fo:padding="0.1cm"
  fo:margin-left="5cm" fo:margin-right="5cm"/><style:text-properties fo:font-size="14pt"
  fo:font-weight="bold"/></style:style>
 <style:style style:name="B" style:family="paragraph"><style:paragraph-properties
  fo:text-align="justify" fo:text-indent="1cm" fo:margin-top="0.21cm"/><style:text-properties
  fo:font-size="14pt"/></style:style>
 <style:style style:name="U" style:family="text"><style:text-properties
  style:text-underline-style="solid" style:text-underline-width="auto"
  style:text-underline-color="font-color"/></style:style>
 <style:style style:name="gr" style:family="graphic"><style:graphic-properties
  svg:stroke-color="#000000" svg:stroke-width="0.02cm" draw:stroke="solid" style:wrap="none"
  style:vertical-pos="from-top" style:vertical-rel="paragraph" style:horizontal-pos="from-left"
  style:horizontal-rel="paragraph"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm"/>
</office:master-styles>"""


def _line(x1: float, x2: float, y: float) -> str:
    """A line shape anchored to the paragraph it is in, `y` cm under the paragraph's top."""
    return (f'<draw:line draw:style-name="gr" text:anchor-type="paragraph" draw:z-index="0" '
            f'svg:x1="{x1}cm" svg:y1="{y}cm" svg:x2="{x2}cm" svg:y2="{y}cm"/>')


_UNDER_NAME = _line(2.0, 4.3, 0.6)  # under "TỈNH ĐẮK LẮK", in the middle of the 6.5 cm cell
# the line under the agency's name: how the first cell ends, what comes between the
# header's two rows, and how the number's cell begins
AGENCY_KINDS: dict[str, tuple[str, str, str]] = {
    "shape": (f'<text:p text:style-name="H">TỈNH ĐẮK LẮK{_UNDER_NAME}</text:p>', "", ""),
    "shape-from-first-line": (f'<text:p text:style-name="H">ỦY BAN NHÂN DÂN'
                              f'{_line(2.0, 4.3, 1.15)}</text:p>', "", ""),
    "shape-from-number": ("", "", _line(2.0, 4.3, -0.25)),
    "bottom-border": ('<text:p text:style-name="HB">TỈNH ĐẮK LẮK</text:p>', "", ""),
    "rule-paragraph": ('<text:p text:style-name="RB"/>', "", ""),
    "number-top-border": ("", "", "NT"),
    "spacer-row": ("", "spacer", ""),
    "typed": ('<text:p text:style-name="N">___________</text:p>', "", ""),
    "underlined-spaces": ('<text:p text:style-name="N"><text:span text:style-name="U">'
                          '<text:s text:c="14"/></text:span></text:p>', "", ""),
    "shape-far-below": (f'<text:p text:style-name="H">TỈNH ĐẮK LẮK{_line(2.0, 4.3, 2.6)}'
                        '</text:p>', "", ""),
    "shape-over-the-text": (f'<text:p text:style-name="H">TỈNH ĐẮK LẮK{_line(2.0, 4.3, 0.25)}'
                            '</text:p>', "", ""),
    "shape-other-column": (f'<text:p text:style-name="H">TỈNH ĐẮK LẮK{_line(9.5, 12.5, 0.6)}'
                           '</text:p>', "", ""),
    "spacer-row-below-the-number": ("", "late-spacer", ""),
    "none": ("", "", ""),
}


def fodt(agency: str) -> str:
    """The flat ODF text of the plan, the agency's line drawn the way `agency` names."""
    end_cell, between, number_start = AGENCY_KINDS[agency]
    name = '<text:p text:style-name="H">TỈNH ĐẮK LẮK</text:p>'
    if end_cell.startswith('<text:p text:style-name="H">TỈNH') or "HB" in end_cell:
        name, end_cell = end_cell, ""
    first = '<text:p text:style-name="H">ỦY BAN NHÂN DÂN</text:p>'
    if end_cell.startswith('<text:p text:style-name="H">ỦY'):
        first, end_cell = end_cell, ""
    number_style = number_start if number_start == "NT" else "N"
    number_shape = number_start if number_start.startswith("<draw") else ""
    motto = f'Độc lập - Tự do - Hạnh phúc{_line(1.8, 7.9, 0.65)}'
    spacer = ('<table:table-row><table:table-cell table:style-name="CB"><text:p '
              'text:style-name="RB"/></table:table-cell><table:table-cell table:style-name="C">'
              '<text:p text:style-name="RB" /></table:table-cell></table:table-row>')
    spacer = spacer.replace(' text:style-name="RB"', ' text:style-name="N"')
    rows = [
        '<table:table-row><table:table-cell table:style-name="C">'
        f'{first}{name}{end_cell}</table:table-cell>'
        '<table:table-cell table:style-name="C"><text:p text:style-name="H">CỘNG HÒA XÃ HỘI '
        f'CHỦ NGHĨA VIỆT NAM</text:p><text:p text:style-name="M">{motto}</text:p>'
        '</table:table-cell></table:table-row>',
        spacer if between == "spacer" else "",
        '<table:table-row><table:table-cell table:style-name="C">'
        f'<text:p text:style-name="{number_style}">Số: 05/KH-UBND{number_shape}</text:p>'
        '</table:table-cell><table:table-cell table:style-name="C"><text:p '
        'text:style-name="D">Đắk Lắk, ngày 05 tháng 02 năm 2026</text:p></table:table-cell>'
        '</table:table-row>',
        spacer if between == "late-spacer" else ""]
    body = [
        '<text:p text:style-name="M">KẾ HOẠCH</text:p>',
        '<text:p text:style-name="S">Triển khai thi hành Luật Trí tuệ nhân tạo</text:p>',
        '<text:p text:style-name="B">Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;</text:p>',
        '<text:p text:style-name="B">Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:</text:p>',
        '<text:p text:style-name="B">Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh./.</text:p>']
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:document {_NS} office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">{_STYLES}'
            '<office:body><office:text><table:table table:name="H" table:style-name="T">'
            '<table:table-column table:style-name="TA"/><table:table-column '
            f'table:style-name="TB"/>{"".join(rows)}</table:table>{"".join(body)}'
            '</office:text></office:body></office:document>')


def saved_by_libreoffice(soffice: str, sources: dict[str, str | bytes],
                         folder: Path) -> dict[str, bytes]:
    """Each document of `sources` (name -> .fodt text, or .docx bytes) opened and saved as
    .docx by LibreOffice, all in one run."""
    paths = []
    for name, content in sources.items():
        path = folder / (f"{name}.docx" if isinstance(content, bytes) else f"{name}.fodt")
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        paths.append(str(path))
    profile = (folder / "profile").resolve().as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"),
                    *paths], check=True, capture_output=True, timeout=240)
    return {name: (folder / "out" / f"{name}.docx").read_bytes() for name in sources}
