"""A `Plan` rendered through a .docx template into the bytes of a Word file.

The template is read and compiled once per `Renderer`: docxtpl's own preprocessing turns each
tagged XML part into Jinja source, which a sandboxed, autoescaping, strict Jinja environment
compiles. Each plan then only renders those compiled parts, parses the result strictly (a
broken part is an error, never silently repaired), adds the appendix section and writes the
zip with fixed timestamps, so the same plan always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import sys
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError
from lxml import etree
from markupsafe import Markup

from plangen.activecontent import ActiveContent, find_active_content
from plangen.errors import RenderError
from plangen.files import InputTooLarge, ReadCodes, read_bounded, read_member
from plangen.model import Plan
from plangen.render import ooxml
from plangen.render.agency import AgencyBlock, HeaderColumns, agency_block
from plangen.render.context import AppendixText, Context, Kind, Para, Run, build_context
from plangen.render.decision import (
    DECISION_STYLES,
    attach_plan,
    decision_context,
    reference_paragraph,
)
from plangen.render.free_layout import TableLayout
from plangen.render.marks import (
    add_first_page,
    add_urgency,
    circulation_paragraph,
    contact_paragraphs,
)
from plangen.render.sandbox import BoundedSandbox, RefusedTag, TemplateLimit, render_bounded
from plangen.render.template_tags import has_tags, template_problems
from plangen.render.textwidth import balanced_lines, bold_width_pt
from plangen.zips import zip_in_memory


def _default_template() -> Path:
    """The template beside the source tree (a checkout), else where `pip install` put it."""
    in_checkout = Path(__file__).resolve().parents[2] / "templates" / "docx" / "ke-hoach.docx"
    installed = Path(sys.prefix) / "share" / "plangen" / "templates" / "docx" / "ke-hoach.docx"
    return in_checkout if in_checkout.is_file() or not installed.is_file() else installed


DEFAULT_TEMPLATE = _default_template()
DOCUMENT_PART = "word/document.xml"
STYLES_PART = "word/styles.xml"
CORE_PART = "docProps/core.xml"
RELS_PART, TYPES_PART = ooxml.RELS_PART, ooxml.TYPES_PART
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_PARTS = 10_000
XML_DECLARATION = ooxml.XML_DECLARATION

# Paragraph kinds of the body -> named styles of the template (users restyle by name).
STYLE_OF_KIND: dict[Kind, str] = {
    "basis": "KH Căn cứ", "text": "KH Văn bản", "closing": "KH Đoạn kết",
    "heading": "KH Mục", "item_title": "KH Khoản", "item": "KH Văn bản",
    "point": "KH Điểm", "bullet": "KH Gạch đầu dòng", "role": "KH Gạch đầu dòng",
    "plus": "KH Gạch đầu dòng", "table": "KH Bảng",
    # a decision (render/decision.py): its authority line and "QUYẾT ĐỊNH:" are centred bold
    # capitals like the summary; its articles are body text
    "authority": "KH Trích yếu", "decision_word": "KH Trích yếu", "article": "KH Văn bản",
    # "Phần I" and its title (PL1 II.6.đ): centred and bold like the summary, the title typed
    # in capitals
    "part": "KH Trích yếu", "part_title": "KH Trích yếu",
}
# a decision's authority line and "QUYẾT ĐỊNH:" stand apart from the lines around them
SPACED: dict[Kind, tuple[int, int]] = {
    "authority": (6 * ooxml.TWIPS_PER_PT, 6 * ooxml.TWIPS_PER_PT),
    "decision_word": (12 * ooxml.TWIPS_PER_PT, 6 * ooxml.TWIPS_PER_PT),
    "part": (12 * ooxml.TWIPS_PER_PT, 6 * ooxml.TWIPS_PER_PT),
    "part_title": (0, 6 * ooxml.TWIPS_PER_PT)}
AGENCY_STYLE, SUMMARY_STYLE, RULE_STYLE = "KH Tên cơ quan", "KH Trích yếu", "KH Đường kẻ"
APPENDIX_LABEL_STYLE, APPENDIX_TITLE_STYLE = "KH Phụ lục số", "KH Phụ lục tên"
APPENDIX_REFERENCE_STYLE = "KH Phụ lục kèm theo"
TABLE_HEAD_STYLE, TABLE_STYLE, TABLE_CENTER_STYLE = "KH Bảng đầu cột", "KH Bảng", "KH Bảng giữa"
REQUIRED_STYLES = (*sorted(set(STYLE_OF_KIND.values())), AGENCY_STYLE, SUMMARY_STYLE, RULE_STYLE,
                   APPENDIX_LABEL_STYLE, APPENDIX_TITLE_STYLE, TABLE_HEAD_STYLE, TABLE_STYLE,
                   TABLE_CENTER_STYLE)
# NĐ 30 PL1 II.2.b, II.5.b: the short rules are 1/3 to 1/2 of the text above; 3/8 sits between
RULE_SHARE = 0.375
RULE_TAGS = ("agency_rule", "summary_rule")
# Appendix column shares of the landscape text width, after the number column
NUMBER_COLUMN = ooxml.mm(12)
COLUMN_WEIGHTS = {"content": 34, "lead": 18, "partners": 22, "timeline": 12, "product": 20}

_ENV = BoundedSandbox(autoescape=True, undefined=jinja2.StrictUndefined,
                      keep_trailing_newline=True)
MAX_REMEMBERED_PARAGRAPHS = 4096  # body paragraphs' XML kept by a renderer
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_FIRST_WITH_STYLE = etree.XPath("/w:document/w:body/w:p[w:pPr/w:pStyle/@w:val = $style][1]",
                                 namespaces={"w": ooxml.W_NS})
_UNDEFINED_NAME = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined")


@dataclass(frozen=True)
class _Template:
    """A template read and compiled once: its zip parts, compiled tagged parts, styles."""

    path: Path
    digest: str
    static_zip: bytes
    static_parts: dict[str, bytes]  # what static_zip holds, in its order
    compiled: dict[str, jinja2.Template]
    style_ids: dict[str, str]
    rule_rooms: dict[str, int]
    rule_sizes: dict[str, float]
    table_width: int
    portrait_width: int = 0  # the text width of a portrait page, in twips
    header: HeaderColumns | None = None  # the header table, when it is two columns


@dataclass(frozen=True)
class _HeaderIssuer:
    """The issuer as the header prints it: a line too long for its column broken into even
    lines (run text with line breaks)."""

    name: str
    header_lines: tuple[Markup, ...]
    parent: Markup | None


@dataclass(frozen=True)
class _AppendixValues:
    label: str
    title: Markup
    reference: str
    table: Markup


class RenderedParts:
    """One plan's parts in memory: what a checker can read without unzipping the file.

    `parts` maps every part name to its bytes in the order they are zipped (the template's
    unchanging parts first, then the rendered ones), `trees` the rendered XML parts to their
    parsed roots (parsed from exactly those bytes; read them, never change them). `docx()`
    zips them into the file's bytes.
    """

    def __init__(self, template: _Template, rendered: dict[str, bytes],
                 trees: dict[str, etree._Element]) -> None:
        self._template = template
        self.rendered = rendered
        self.trees = trees
        self.parts: dict[str, bytes] = {**template.static_parts, **rendered}

    def docx(self) -> bytes:
        """The .docx bytes: the parts no plan changes were compressed once, at load; level 1
        deflates the rest 5x faster than the default for a file ~1 KB larger."""
        if any(name in self._template.static_parts for name in self.rendered):
            # a plan with footnotes changes two of the template's parts: zip them all anew
            return _zip(self.parts, level=1)
        return _zip(self.rendered, self._template.static_zip, level=1)


class Renderer:
    """Renders plans through one template, loaded and compiled once."""

    def __init__(self, template_path: Path | str | None = None) -> None:
        self.template_path = Path(template_path) if template_path else DEFAULT_TEMPLATE
        self._template = _load(self.template_path)
        self._paragraphs: dict[tuple[str, tuple[Run, ...]], Markup] = {}

    @property
    def digest(self) -> str:
        """SHA-256 of the template file: outputs made with another template differ."""
        return self._template.digest

    def values(self, plan: Plan) -> dict[str, object]:
        """The values the template sees for `plan` (paragraph XML already built)."""
        return self._values(build_context(plan))

    def render(self, plan: Plan) -> bytes:
        """The .docx bytes of `plan`."""
        return self.render_parts(plan).docx()

    def render_parts(self, plan: Plan) -> RenderedParts:
        """`plan`'s parts as held in memory before they are zipped (see `RenderedParts`)."""
        context = build_context(plan)
        values = self._values(context)
        parts = {}
        trees = {}
        changed = False  # document.xml's tree, after it was parsed
        for name, compiled in self._template.compiled.items():
            data = self._render_part(name, compiled, values)
            root = _parse_rendered(name, data)  # strict: a broken part is an error
            if name == DOCUMENT_PART and context.appendix is not None:
                self._split_appendix(root)
            if name == DOCUMENT_PART and plan.decision is not None:
                root = self._decision_document(plan, context, compiled, root)
            if name == DOCUMENT_PART and context.appendices:
                self._add_appendices(root, context)
            header = decision_context(plan, context) if plan.decision else context
            widened = name == DOCUMENT_PART and self._widen_header(root, header)
            if name == DOCUMENT_PART and plan.urgency:
                self._stamp(root, plan.urgency)
            if name == DOCUMENT_PART:
                changed = bool(context.appendix or plan.decision or context.appendices
                               or widened or plan.urgency)
            parts[name] = data
            trees[name] = root
        if context.footnotes:
            parts.update(self._footnote_parts(context, trees))
        if plan.circulation or plan.contact:
            parts.update(self._first_page(plan, parts, trees))
            changed = True
        if changed:  # serialised once, after the last change to its tree
            parts[DOCUMENT_PART] = etree.tostring(trees[DOCUMENT_PART], xml_declaration=True,
                                                  encoding="UTF-8", standalone=True)
        title = plan.decision.summary if plan.decision else context.summary
        parts[CORE_PART] = ooxml.core_properties(title, context.issuer.name, context.created)
        return RenderedParts(self._template, parts, trees)

    def style_id(self, name: str) -> str:
        """The id of the template's paragraph style named `name`."""
        return self._template.style_ids[name]

    def landscape_width(self) -> int:
        """The text width of a landscape page (an appendix), in twips."""
        return self._template.table_width

    def text_width(self) -> int:
        """The portrait text width of the template's pages, in twips."""
        return self._template.portrait_width

    def render_document(self, context: Context, body: Sequence[str],
                        media: Sequence[tuple[str, str, bytes]] = ()) -> bytes:
        """Another kind of document (a BÁO CÁO) in this template's frame: `context`'s header,
        title, recipients and signature around `body` (ready paragraph and table XML), with
        `media` (relationship id, part name under word/, bytes) as its pictures."""
        values = self._values(context)
        values["body"] = [Markup(xml) for xml in body]
        rendered = {}
        for name, compiled in self._template.compiled.items():
            data = self._render_part(name, compiled, values)
            root = _parse_rendered(name, data)  # strict: a broken part is an error
            if name == DOCUMENT_PART and self._widen_header(root, context):
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            rendered[name] = data
        rendered[CORE_PART] = ooxml.core_properties(context.summary, context.issuer.name,
                                                    context.created)
        if not media:
            return _zip(rendered, self._template.static_zip, level=1)
        parts = {**self._template.static_parts, **rendered}
        parts[RELS_PART] = ooxml.add_image_relationships(
            parts[RELS_PART], [(rel_id, name) for rel_id, name, _ in media])
        parts[TYPES_PART] = ooxml.add_png_type(parts[TYPES_PART])
        for _, name, data in media:
            parts[f"word/{name}"] = data
        return _zip(parts, level=1)

    def _decision_document(self, plan: Plan, context: Context, compiled: jinja2.Template,
                           plan_root: etree._Element) -> etree._Element:
        """The decision issuing `plan`, then the plan part of `plan_root` on a new page."""
        missing = [name for name in DECISION_STYLES if name not in self._template.style_ids]
        if missing:
            raise RenderError("template_style", path=str(self._template.path),
                              style=", ".join(missing))
        values = self._values(decision_context(plan, context))
        root = _parse_rendered(DOCUMENT_PART, self._render_part(DOCUMENT_PART, compiled, values))
        try:
            room = self._template.rule_rooms["summary_rule"] / ooxml.TWIPS_PER_PT
            size = self._template.rule_sizes["summary_rule"]
            reference = reference_paragraph(plan, self._template.style_ids,
                                            lambda text: balanced_lines(text, size, room))
            attach_plan(root, plan_root, reference, self._template.style_ids)
        except ValueError as exc:
            raise RenderError("template_bad", path=str(self._template.path),
                              detail=str(exc)) from exc
        return root

    def _values(self, context: Context) -> dict[str, object]:
        values: dict[str, object] = {field: getattr(context, field)
                                     for field in context.__dataclass_fields__}
        values["body"] = [self._paragraph(para) for para in context.body]
        values["appendix"] = self._appendix(context.appendix) if context.appendix else None
        # PL1 II.5.b: a summary that wraps is broken into even lines, not left with a widow
        values["summary"] = self._even_lines(context.summary, "summary_rule",
                                             self._template.rule_rooms["summary_rule"])
        block = self._agency_block(context)
        columns = self._template.header
        if block is None or columns is None or (not block.broken
                                                and block.width == columns.agency):
            values["agency_rule"] = self._rule("agency_rule", context.issuer.header_lines)
        else:
            # NĐ 30 PL1 II.2.c: a long name runs over lines broken at its joints
            values["issuer"] = _HeaderIssuer(
                context.issuer.name,
                tuple(Markup(ooxml.text_with_breaks(lines)) for lines in block.header_lines),
                Markup(ooxml.text_with_breaks(block.parent)) if block.parent else None)
            printed = tuple(line for lines in block.header_lines for line in lines)
            values["agency_rule"] = self._rule("agency_rule", printed, room=block.room)
        # a blank line's worth of space between the summary block and the body
        values["summary_rule"] = self._rule("summary_rule", (context.summary,),
                                            after=6 * ooxml.TWIPS_PER_PT)
        return values

    def _style(self, name: str) -> str:
        return self._template.style_ids[name]

    def _paragraph(self, para: Para, width: int | None = None) -> Markup:
        if para.table is not None:
            return Markup(self._data_table(para.table, width or self._template.portrait_width))
        # a batch's plans share most of their body paragraphs: each one's XML is made once
        key = (para.kind, para.runs)
        xml = self._paragraphs.get(key)
        if xml is None:
            ppr = ooxml.spacing(*SPACED[para.kind]) if para.kind in SPACED else ""
            xml = Markup(ooxml.paragraph(self._style(STYLE_OF_KIND[para.kind]),
                                         _runs_xml(para.runs), ppr=ppr))
            if len(self._paragraphs) >= MAX_REMEMBERED_PARAGRAPHS:
                self._paragraphs.clear()
            self._paragraphs[key] = xml
        return xml

    def _data_table(self, layout: TableLayout, width: int) -> str:
        widths = ([NUMBER_COLUMN, *_shares(layout.weights[1:], width - NUMBER_COLUMN)]
                  if layout.number_column and len(layout.weights) > 1
                  else _shares(layout.weights, width))
        rows = []
        for index, cells in enumerate(layout.rows):
            header = index < layout.header_rows
            out = []
            for cell in cells:
                style = TABLE_HEAD_STYLE if header else (
                    TABLE_CENTER_STYLE if cell.align == "center" else TABLE_STYLE)
                align = cell.align if cell.align in ("right", "justify") else None
                paras = [ooxml.aligned_paragraph(self._style(style), _runs_xml(runs), align)
                         for runs in cell.paragraphs]
                merge = "continue" if cell.merged else ("restart" if cell.rows > 1 else "")
                valign = "center" if header or merge else "top"
                out.append((cell.cols, merge, valign, paras))
            rows.append(out)
        return ooxml.grid_table(widths, rows, header_rows=layout.header_rows)

    def _add_appendices(self, root: etree._Element, context: Context) -> None:
        """Each appendix of a free plan in its own section after the signature."""
        body = root.find(ooxml.qn("body"))
        if body is None:
            raise RenderError("render_xml", part=DOCUMENT_PART, detail="no w:body")
        groups = []
        for appendix in context.appendices:
            width = self._template.table_width if appendix.landscape else \
                self._template.portrait_width
            title = self._even_lines(appendix.title, APPENDIX_TITLE_STYLE, width)
            xml = [ooxml.paragraph(self._style(APPENDIX_LABEL_STYLE),
                                   [ooxml.run(appendix.label)]),
                   ooxml.paragraph(self._style(APPENDIX_TITLE_STYLE), [ooxml.run_markup(title)]),
                   ooxml.paragraph(self._template.style_ids.get(
                       APPENDIX_REFERENCE_STYLE, self._style(APPENDIX_TITLE_STYLE)),
                                   [ooxml.run(appendix.reference)])]
            xml.extend(str(self._paragraph(para, width)) for para in appendix.body)
            groups.append((_elements("".join(xml)), appendix.landscape))
        try:
            ooxml.append_sections(body, groups)
        except ValueError as exc:
            raise RenderError("template_bad", path=str(self._template.path),
                              detail=str(exc)) from exc

    def _footnote_parts(self, context: Context,
                        trees: dict[str, etree._Element]) -> dict[str, bytes]:
        """footnotes.xml, and the relationship and content type that name it."""
        style = self._style(TABLE_STYLE)
        notes = [ooxml.aligned_paragraph(style, [ooxml.footnote_mark_run(), ooxml.run(" "),
                                                 *_runs_xml(runs)], "justify")
                 for runs in context.footnotes]
        static = self._template.static_parts
        rels, types = "word/_rels/document.xml.rels", "[Content_Types].xml"
        data = {ooxml.FOOTNOTES_PART: ooxml.footnotes_part(notes),
                rels: ooxml.add_footnotes_relation(static[rels]),
                types: ooxml.add_footnotes_type(static[types])}
        trees[ooxml.FOOTNOTES_PART] = _parse_rendered(ooxml.FOOTNOTES_PART,
                                                      data[ooxml.FOOTNOTES_PART])
        return data

    def _stamp(self, root: etree._Element, level: str) -> None:
        """The urgency stamp under the number line (NĐ 30 PL1 III.2.b, Sơ đồ ô 10b)."""
        line = _number_line(root, self._style(AGENCY_STYLE))
        if line is None:
            raise RenderError("template_no_number_line", path=str(self._template.path))
        try:
            add_urgency(root, level, line, ooxml.body_section(root))
        except ValueError as exc:
            raise RenderError("template_bad", path=str(self._template.path),
                              detail=str(exc)) from exc

    def _first_page(self, plan: Plan, parts: dict[str, bytes],
                    trees: dict[str, etree._Element]) -> dict[str, bytes]:
        """The circulation note in the first page's header, the contact lines in its footer
        (NĐ 30 PL1 III.2.c, III.4), with the relationships that name them; the document's
        tree gets the references to them, its bytes are left to the caller."""
        header = ooxml.story_part("hdr", [circulation_paragraph(
            plan.circulation, self._template.portrait_width)]) if plan.circulation else None
        footer = ooxml.story_part("ftr", contact_paragraphs(plan.contact)) if plan.contact else None
        root = trees[DOCUMENT_PART]
        try:
            added = add_first_page(root, {**self._template.static_parts, **parts},
                                   header=header, footer=footer)
        except ValueError as exc:
            raise RenderError("template_bad", path=str(self._template.path),
                              detail=str(exc)) from exc
        for name, data in added.items():  # the document's own tree is already changed
            if name.endswith(".xml") and name.startswith("word/"):
                trees[name] = _parse_rendered(name, data)
        return added

    def _agency_block(self, context: Context) -> AgencyBlock | None:
        """The agency lines as the header prints them and the column they take (None: a
        template whose header is not a two-column table; its lines are left to wrap)."""
        columns = self._template.header
        if columns is None:
            return None
        issuer = context.issuer
        return agency_block(issuer.header_lines, issuer.parent,
                            self._template.rule_sizes["agency_rule"], columns,
                            f"{context.place}, {context.date}")

    def _widen_header(self, root: etree._Element, context: Context) -> bool:
        """The header's agency column as wide as its lines need; False if it is unchanged."""
        block = self._agency_block(context)
        columns = self._template.header
        if block is None or columns is None or block.width == columns.agency:
            return False
        table = _header_table(root, self._style(AGENCY_STYLE))
        if table is None:
            return False
        ooxml.set_two_columns(table, block.width, columns.total - block.width)
        return True

    def _rule(self, tag: str, lines: tuple[str, ...], after: int | None = None,
              room: int | None = None) -> Markup:
        room = room or self._template.rule_rooms[tag]
        size = self._template.rule_sizes[tag]
        longest = max((bold_width_pt(line, size) * ooxml.TWIPS_PER_PT for line in lines),
                      default=0)
        length = round(min(longest, room) * RULE_SHARE)
        return Markup(ooxml.rule_paragraph(self._style(RULE_STYLE), length, room, after=after))

    def _appendix(self, appendix: AppendixText) -> _AppendixValues:
        widths = _column_widths(appendix.columns, self._template.table_width)
        head = [[self._cell_paragraph(TABLE_HEAD_STYLE, text)] for text in appendix.headings]
        rows = [[[self._cell_paragraph(TABLE_CENTER_STYLE if index == 0 else TABLE_STYLE, line)
                  for line in cell] for index, cell in enumerate(row)]
                for row in appendix.rows]
        table = Markup(ooxml.table(widths, [head, *rows], header_rows=1))
        title = self._even_lines(appendix.title, APPENDIX_TITLE_STYLE, self._template.table_width)
        return _AppendixValues(appendix.label, title, appendix.reference, table)

    def _even_lines(self, text: str, size_key: str, room: int) -> Markup:
        """`text` as run text with line breaks where it must wrap, its lines even."""
        size = self._template.rule_sizes[size_key]
        lines = balanced_lines(text, size, room / ooxml.TWIPS_PER_PT)
        return Markup(ooxml.text_with_breaks(lines))

    def _cell_paragraph(self, style: str, text: str) -> str:
        return ooxml.paragraph(self._style(style), [ooxml.run(text)])

    def _render_part(self, name: str, compiled: jinja2.Template,
                     values: dict[str, object]) -> bytes:
        path = str(self._template.path)
        try:
            text = render_bounded(compiled, values)
        except TemplateLimit as exc:
            raise RenderError(f"template_limit_{exc.kind}", path=path, part=name,
                              limit=f"{exc.limit:,}".replace(",", ".")) from exc
        except SecurityError as exc:
            raise RenderError("template_unsafe", path=path, part=name, detail=str(exc)) from exc
        except jinja2.UndefinedError as exc:
            raise RenderError("template_field", path=path, field=_undefined_name(exc)) from exc
        except jinja2.TemplateError as exc:
            raise RenderError("template_syntax", path=path, part=name, detail=str(exc)) from exc
        except RecursionError as exc:
            raise RenderError("template_limit_recursion", path=path, part=name) from exc
        except (ArithmeticError, TypeError, ValueError, LookupError) as exc:
            # a tag's own mistake ({{ 1/0 }}, {{ 'a' + 1 }}): the template's fault, not plangen's
            raise RenderError("template_runtime", path=path, part=name,
                              detail=f"{type(exc).__name__}: {exc}") from exc
        return _restore_jinja_text(text).encode("utf-8")

    def _split_appendix(self, root: etree._Element) -> None:
        found = _FIRST_WITH_STYLE(root, style=self._style(APPENDIX_LABEL_STYLE))
        if not isinstance(found, list) or not found:
            raise RenderError("template_no_appendix", path=str(self._template.path),
                              style=APPENDIX_LABEL_STYLE)
        ooxml.start_landscape_section(found[0].getparent(), found[0])


def render_plan(plan: Plan, template: Path | str | None = None) -> bytes:
    """The .docx bytes of `plan` rendered with `template` (default: plangen's own)."""
    path = Path(template) if template else DEFAULT_TEMPLATE
    try:
        stat = path.stat()
    except OSError:
        stat = None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size) if stat else (str(path), 0, 0)
    return _cached_renderer(*key).render(plan)


@lru_cache(maxsize=8)
def _cached_renderer(path: str, mtime_ns: int, size: int) -> Renderer:
    return Renderer(path)


# ---- loading a template -----------------------------------------------------------------


def _read_template(path: Path) -> tuple[bytes, tuple[tuple[str, bytes], ...]]:
    """The template's bytes and its parts, every read bounded: a regular file of at most
    MAX_TEMPLATE_BYTES, parts inflated step by step up to MAX_PART_BYTES, MAX_TOTAL_BYTES in
    all (a Word template is a few hundred kilobytes)."""
    if not path.exists() and not path.is_symlink():
        raise RenderError("template_missing", path=str(path))
    try:
        raw = read_bounded(path, MAX_TEMPLATE_BYTES, ReadCodes(missing="template_missing"))
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
                raise RenderError("template_too_large", path=str(path),
                                  limit=MAX_TOTAL_BYTES // (1024 * 1024))
            parts = tuple((info.filename, read_member(archive, info, MAX_PART_BYTES))
                          for info in infos)
    except InputTooLarge as exc:
        raise RenderError("template_too_large", path=str(path),
                          limit=exc.limit // (1024 * 1024)) from None
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError,
            NotImplementedError, zlib.error) as exc:
        raise RenderError("template_bad", path=str(path), detail=str(exc)) from exc
    return raw, parts


def _load(path: Path) -> _Template:
    raw, parts = _read_template(path)
    active = find_active_content(dict(parts))
    if active:
        raise _active_content_error(path, active)
    missing_parts = {DOCUMENT_PART, STYLES_PART} - {name for name, _ in parts}
    if missing_parts:
        raise RenderError("template_bad", path=str(path),
                          detail=f"không có / no {', '.join(sorted(missing_parts))}")
    trees = {name: _parse_part(path, name, data) for name, data in parts
             if name.startswith("word/") and name.endswith(".xml")}
    styles = trees[STYLES_PART]
    style_ids = ooxml.style_ids_by_name(styles)
    missing = [name for name in REQUIRED_STYLES if name not in style_ids]
    if missing:
        raise RenderError("template_style", path=str(path), style=", ".join(missing))
    document = trees[DOCUMENT_PART]
    try:  # a template edited by hand may lack its page setup or hold "abc" for a width
        section = ooxml.body_section(document)
        rooms = _rule_rooms(document, section)
        sizes = {"agency_rule": ooxml.style_size_pt(styles, style_ids[AGENCY_STYLE]) or 13,
                 "summary_rule": ooxml.style_size_pt(styles, style_ids[SUMMARY_STYLE]) or 14,
                 APPENDIX_TITLE_STYLE: ooxml.style_size_pt(
                     styles, style_ids[APPENDIX_TITLE_STYLE]) or 14}
        table_width = ooxml.text_width(section, landscape=True)
        portrait_width = ooxml.text_width(section)
        header = _header_columns(document, styles, style_ids[AGENCY_STYLE])
    except (ValueError, OverflowError) as exc:
        raise RenderError("template_bad", path=str(path), detail=str(exc)) from exc
    compiled = {name: _compile(path, name, tree) for name, tree in trees.items()
                if name == DOCUMENT_PART or _has_tags(tree)}
    _check_needed_tags(path, trees, style_ids[APPENDIX_LABEL_STYLE])  # after broken tags
    static = {name: data for name, data in parts if name not in compiled and name != CORE_PART}
    return _Template(path, hashlib.sha256(raw).hexdigest(), _zip(static), static, compiled,
                     style_ids, rooms, sizes, table_width, portrait_width, header)


_ACTIVE_CODES = {"macro": "template_macro", "external": "template_external",
                 "embedded": "template_embedded", "field": "template_fetching_field"}


def _active_content_error(path: Path, found: list[ActiveContent]) -> RenderError:
    """The refusal of a template carrying macros, external links, OLE objects or fetching
    fields (they would pass into every plan): the first of the most serious kind, named."""
    order = list(_ACTIVE_CODES)
    # the part holding the thing itself, before the .rels or content type naming it
    first = min(found, key=lambda item: (order.index(item.kind),
                                         item.part.endswith((".rels", "].xml"))))
    same = [item for item in found if item.kind == first.kind]
    return RenderError(_ACTIVE_CODES[first.kind], path=str(path), part=first.part,
                       what=first.what, target=first.target or "?", more=len(same) - 1)


def _check_needed_tags(path: Path, trees: dict[str, etree._Element], label_style: str) -> None:
    """Refuse a template without tags (a finished document: every plan would print its text)
    or missing a tag plangen fills, or holding one out of its place (template_tags)."""
    if not has_tags(trees):
        raise RenderError("template_no_tags", path=str(path))
    problems = template_problems(trees, label_style)
    if problems:
        raise RenderError("template_tags", path=str(path), problems=[
            (p.code, p.tag, p.what, p.where, p.found) for p in problems])


def _parse_part(path: Path, name: str, data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise RenderError("template_bad", path=str(path), detail=f"{name}: {exc}") from exc


def _has_tags(tree: etree._Element) -> bool:
    text = "".join(tree.itertext())
    return "{{" in text or "{%" in text


def _rule_rooms(document: etree._Element, section: etree._Element) -> dict[str, int]:
    """Where each rule tag sits, the width it may use (its table cell, else the page)."""
    rooms = dict.fromkeys(RULE_TAGS, ooxml.text_width(section))
    for par in document.iter(ooxml.qn("p")):
        text = "".join(par.itertext())
        for tag in RULE_TAGS:
            if tag in text:
                rooms[tag] = ooxml.paragraph_room(par, section)
    return rooms


def _header_table(root: etree._Element, agency_style: str) -> etree._Element | None:
    """The table holding the first agency line (the header block), if it is in one."""
    for par in root.iter(ooxml.qn("p")):
        style = par.find(f"{ooxml.qn('pPr')}/{ooxml.qn('pStyle')}")
        if style is not None and style.get(ooxml.qn("val")) == agency_style:
            return next(par.iterancestors(ooxml.qn("tbl")), None)
    return None


def _header_columns(document: etree._Element, styles: etree._Element,
                    agency_style: str) -> HeaderColumns | None:
    """The header table's two columns, if it has two with the agency in the first, and the
    widest fixed line of the other (measured at its style's size)."""
    table = _header_table(document, agency_style)
    if table is None:
        return None
    widths = ooxml.grid_widths(table)
    row = table.find(ooxml.qn("tr"))
    cells = row.findall(ooxml.qn("tc")) if row is not None else []
    if len(widths) != 2 or len(cells) != 2 or not _holds_style(cells[0], agency_style):
        return None
    fixed, tagged = 0.0, 0.0
    for par in table.iter(ooxml.qn("p")):
        if _in_first_column(par):
            continue
        style = par.find(f"{ooxml.qn('pPr')}/{ooxml.qn('pStyle')}")
        size = ooxml.style_size_pt(styles, style.get(ooxml.qn("val"), "")
                                   if style is not None else "") or 13
        text = "".join(par.itertext())
        if "{{" in text or "{%" in text:
            tagged = max(tagged, size)  # the date line, filled in per plan
        else:
            fixed = max(fixed, bold_width_pt(text, size))
    return HeaderColumns(widths[0], sum(widths), ooxml.cell_margins(table), fixed,
                         tagged or 14)


_NUMBER_LINE = re.compile(r"\s*Số\s*:")


def _number_line(root: etree._Element, agency_style: str) -> etree._Element | None:
    """The "Số: …" paragraph: in the header table if there is one, else the first in the
    document."""
    table = _header_table(root, agency_style)
    for par in (table if table is not None else root).iter(ooxml.qn("p")):
        if _NUMBER_LINE.match("".join(par.itertext())):
            return par
    return None


def _holds_style(cell: etree._Element, style: str) -> bool:
    return any(found.get(ooxml.qn("val")) == style
               for found in cell.iter(ooxml.qn("pStyle")))


def _in_first_column(par: etree._Element) -> bool:
    cell = next(par.iterancestors(ooxml.qn("tc")), None)
    row = cell.getparent() if cell is not None else None
    return row is not None and row.find(ooxml.qn("tc")) is cell


def _check_tags(path: Path, name: str, tree: etree._Element) -> None:
    """Refuse what docxtpl's regex preprocessing would silently mangle (docx-pitfalls #5).

    A tag left open swallows the paragraphs up to the next closing braces (a "{{ summary"
    without "}}" makes the summary vanish), and two {%p %} tags in one paragraph corrupt it.
    """
    for par in tree.iter(ooxml.qn("p")):
        text = "".join(par.itertext())
        opened = text.count("{{") + text.count("{%") + text.count("{#")
        closed = text.count("}}") + text.count("%}") + text.count("#}")
        if opened != closed or len(re.findall(r"\{%-?\s*p\s", text)) > 1:
            raise RenderError("template_syntax", path=str(path), part=name,
                              detail=f"“{text.strip()}”")


def _compile(path: Path, name: str, tree: etree._Element) -> jinja2.Template:
    """docxtpl's preprocessing, then one Jinja compile; the template is never re-read."""
    _check_tags(path, name, tree)
    source = XML_DECLARATION + DocxTemplate(path).patch_xml(
        etree.tostring(tree, encoding="unicode"))
    # docxtpl's render_xml_part trick: one paragraph per line, so errors point at a paragraph
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)
    try:
        return _ENV.compile_part(source)
    except RefusedTag as exc:
        raise RenderError("template_refused_tag", path=str(path), part=name,
                          tag=exc.tag) from exc
    except jinja2.TemplateSyntaxError as exc:
        lines = source.splitlines()
        near = re.sub(r"<[^>]+>", "", lines[exc.lineno - 1]) if exc.lineno <= len(lines) else ""
        detail = f"{exc.message} — “{near.strip()}”" if near.strip() else str(exc.message)
        raise RenderError("template_syntax", path=str(path), part=name, detail=detail) from exc


def _parse_rendered(name: str, data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise RenderError("render_xml", part=name, detail=str(exc)) from exc


def _restore_jinja_text(text: str) -> str:
    text = text.replace("\n<w:p", "<w:p")
    if "{_" not in text and "_}" not in text:
        return text
    # docxtpl's escapes for literal braces in a document
    return (text.replace("{_{", "{{").replace("}_}", "}}")
            .replace("{_%", "{%").replace("%_}", "%}"))


def _undefined_name(exc: jinja2.UndefinedError) -> str:
    found = _UNDEFINED_NAME.search(exc.message or "")
    return next((group for group in found.groups() if group), "?") if found else "?"


def _column_widths(columns: tuple[str, ...], total: int) -> list[int]:
    """The number column, then the others sharing the rest of the landscape width."""
    weights = [COLUMN_WEIGHTS.get(key, 15) for key in columns]
    rest = total - NUMBER_COLUMN
    widths = [rest * weight // sum(weights) for weight in weights]
    widths[0] += rest - sum(widths)
    return [NUMBER_COLUMN, *widths]


def zip_parts(parts: dict[str, bytes]) -> bytes:
    """A .docx of `parts` with fixed timestamps (the same parts give the same bytes)."""
    return _zip(parts)


def _zip(parts: dict[str, bytes], base: bytes = b"", level: int = 6) -> bytes:
    """`base` (a zip) with `parts` added, fixed timestamps and attributes: same input, same
    bytes (docx-pitfalls #13)."""
    buffer = io.BytesIO(base)
    buffer.seek(0, io.SEEK_END)
    with zip_in_memory(buffer, "a" if base else "w") as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=level)
    return buffer.getvalue()


def _runs_xml(runs: tuple[Run, ...]) -> list[str]:
    out = []
    for run in runs:
        if run.footnote is not None:
            out.append(ooxml.footnote_reference(run.footnote))
        elif run.underline:
            out.append(ooxml.styled_run(run.text, bold=run.bold, italic=run.italic,
                                        underline=True))
        else:
            out.append(ooxml.run(run.text, bold=run.bold, italic=run.italic))
    return out


def _shares(weights: tuple[float, ...], total: int) -> list[int]:
    """Column widths in twips from relative weights, adding up to `total` exactly."""
    weights = tuple(w if w > 0 else 1.0 for w in weights) or (1.0,)
    widths = [int(total * w / sum(weights)) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _elements(xml: str) -> list[etree._Element]:
    return ooxml.parse_fragment(xml, _PARSER)
