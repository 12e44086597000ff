"""Library entry: one spec file becomes a .docx beside it (or where asked), and a PDF on request.

One call per stage: check the spec, render it, write the file atomically, convert it. The
.docx is always delivered before the PDF is tried, so a missing or failing LibreOffice costs
only the PDF, which the result reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from plangen.batch.localities import Locality
from plangen.errors import OutputError, PdfError, SpecError, SpecIssue
from plangen.files import write_atomic
from plangen.render.docx import Renderer, render_plan
from plangen.render.fonts import fallback_fonts
from plangen.render.pdf import convert
from plangen.spec.api import check_spec
from plangen.spec.compose import spec_files


@dataclass(frozen=True)
class BuildResult:
    """What `build` wrote, the spec's warnings, and why the PDF failed if it did."""

    docx: Path
    pdf: Path | None = None
    pdf_error: PdfError | None = None
    warnings: tuple[SpecIssue, ...] = ()
    fallback_fonts: tuple[str, ...] = ()  # faces the PDF used for letters its font lacks


def build(spec_path: Path | str, output: Path | str | None = None, *,
          template: Path | str | None = None, pdf: bool = False, pdfa: bool = False,
          renderer: Renderer | None = None, locality: Locality | None = None,
          allow: Sequence[Path | str] = ()) -> BuildResult:
    """Render the spec at `spec_path` to `output` (default: beside it, .docx); PDF if asked.

    `renderer` lets a caller that builds many specs load the template once; `locality` fills a
    base spec's placeholders; `allow` lists folders outside the spec's own that it may include.
    `pdfa` (implies `pdf`) makes the PDF a PDF/A-2b. The result names the fonts the PDF set
    in a fallback face, if any.
    """
    spec = Path(spec_path)
    target = output_path(spec, Path(output) if output else None)
    if template is not None and _same_file(Path(template), target):
        # writing over the template would destroy it (and the next run would use the result)
        raise OutputError("output_is_template", path=str(target))
    written = [target, *([target.with_suffix(".pdf")] if pdf or pdfa else [])]
    for part in spec_files(spec, allow)[1:]:  # a file the spec extends or includes
        for path in written:
            if _same_file(part, path):
                raise OutputError("output_is_included", path=str(path))
    checked = check_spec(spec, locality=locality, allow=allow)
    if checked.plan is None:
        raise SpecError(checked.errors)
    data = renderer.render(checked.plan) if renderer else render_plan(checked.plan, template)
    write_atomic(target, data)
    result = BuildResult(docx=target, warnings=tuple(checked.warnings))
    if not (pdf or pdfa):
        return result
    _refuse_input(spec, target.with_suffix(".pdf"))
    try:
        made = convert(target, target.parent, pdfa=pdfa)
    except PdfError as exc:
        return replace(result, pdf_error=exc)
    return replace(result, pdf=made, fallback_fonts=tuple(fallback_fonts(made, target)))


def output_path(spec: Path, output: Path | None) -> Path:
    """Where the .docx goes: `output`, else the spec's name with .docx; never the spec itself."""
    target = output if output is not None else spec.with_suffix(".docx")
    if target.is_dir():
        raise OutputError("output_is_directory", path=str(target))
    _refuse_input(spec, target)
    return target


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or (
            one.exists() and other.exists() and one.samefile(other))
    except (OSError, ValueError):
        return False


def _refuse_input(spec: Path, target: Path) -> None:
    if target.resolve() == spec.resolve() or (
            target.exists() and spec.exists() and target.samefile(spec)):
        raise OutputError("output_is_input", path=str(target))
