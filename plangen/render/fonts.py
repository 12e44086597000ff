"""Which typefaces a PDF really used, and whether some text fell back to another face.

LibreOffice sets a letter the chosen font lacks in some other installed font. With
`fonts-liberation` 1.07, Liberation Serif (the metric twin of Times New Roman) lacks many
precomposed Vietnamese letters (ứ ớ ậ ủ ế …): those letters come out in DejaVu Serif, two
typefaces inside one word. The PDF's embedded fonts tell: any family that is neither a font the
document asks for nor its metric-compatible twin was a fallback.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# the fonts a document asks for -> the families that may stand in for them, metrics equal
TWINS = {"timesnewroman": ("liberationserif", "tinos"), "arial": ("liberationsans", "arimo"),
         "couriernew": ("liberationmono", "cousine"), "symbol": ("opensymbol",)}
# what to install for each missing family (Debian package)
PACKAGES = {"timesnewroman": "fonts-liberation2", "arial": "fonts-liberation2",
            "couriernew": "fonts-liberation2"}
DEFAULT_PACKAGE = "fonts-liberation2"
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_STYLE = re.compile(r"[-,](bold|italic|oblique|regular|roman|book|medium|semibold|light|"
                    r"condensed|black|mt|psmt|ps)+.*$", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def family_key(name: str) -> str:
    """"BAAAAA+LiberationSerif-Bold" and "Liberation Serif" both -> "liberationserif"."""
    name = _STYLE.sub("", _SUBSET.sub("", name))
    key = re.sub(r"[^a-z0-9]", "", name.lower())
    for suffix in ("psmt", "mt", "ps"):
        if key.startswith("timesnewroman") and key != "timesnewroman" and key.endswith(suffix):
            key = key[: -len(suffix)]
    return key


def embedded_fonts(pdf: Path) -> dict[str, str]:
    """The font families a PDF's pages use: key -> name as written (subset tag removed)."""
    from pypdf import PdfReader  # here: only PDF conversions pay for importing pypdf

    found: dict[str, str] = {}
    reader = PdfReader(str(pdf))
    for page in reader.pages:
        _collect(page.get("/Resources"), found, depth=0)
    return found


def _collect(resources: Any, found: dict[str, str], depth: int) -> None:
    if resources is None or depth > 4:
        return
    resources = resources.get_object()
    fonts = resources.get("/Font")
    for ref in (fonts.get_object().values() if fonts is not None else ()):
        font = ref.get_object()
        base = str(font.get("/BaseFont", "")).lstrip("/")
        for descendant in font.get("/DescendantFonts", None) or ():
            base = base or str(descendant.get_object().get("/BaseFont", "")).lstrip("/")
        if base:
            shown = _SUBSET.sub("", base)
            found.setdefault(family_key(base), _STYLE.sub("", shown))
    xobjects = resources.get("/XObject")
    for ref in (xobjects.get_object().values() if xobjects is not None else ()):
        _collect(ref.get_object().get("/Resources"), found, depth + 1)


def requested_fonts(docx: Path) -> dict[str, str]:
    """The fonts a .docx asks for in its styles and text (w:rFonts), key -> name."""
    found: dict[str, str] = {}
    try:
        with zipfile.ZipFile(docx) as archive:
            names = [name for name in archive.namelist()
                     if name.startswith("word/") and name.endswith(".xml")
                     and not name.endswith(("fontTable.xml", "settings.xml"))]
            for name in names:
                root = etree.fromstring(archive.read(name), _PARSER)
                for fonts in root.iter(f"{{{W_NS}}}rFonts"):
                    for attr in ("ascii", "hAnsi", "cs"):
                        value = fonts.get(f"{{{W_NS}}}{attr}")
                        if value:
                            found.setdefault(family_key(value), value)
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError, KeyError):
        return {}
    return found


def fallback_fonts(pdf: Path, docx: Path) -> list[str]:
    """The families in `pdf` that `docx` did not ask for (nor their twins): fallbacks."""
    wanted = requested_fonts(docx) or {"timesnewroman": "Times New Roman"}
    allowed = set(wanted)
    for key in wanted:
        allowed.update(TWINS.get(key, ()))
    return sorted(name for key, name in embedded_fonts(pdf).items() if key not in allowed)


def package_for(docx: Path) -> str:
    """The Debian package that brings the document's fonts with Vietnamese letters."""
    for key in requested_fonts(docx):
        if key in PACKAGES:
            return PACKAGES[key]
    return DEFAULT_PACKAGE
