"""The sandbox a Word template's tags run in: Jinja's immutable sandbox, with bounds.

Jinja's sandbox stops a template reaching Python's internals, but not a template that asks for
a huge value (`{{ 'a' * 10**10 }}`, `{{ 9**(9**9) }}`) or for endless work (nested
`range(100000)` loops, a macro calling itself twice per level). Here every value a tag builds
is bounded when it is built (arithmetic, repetition, joining, padding, formatting), loops and
calls share a per-part budget of steps, `range()` is bounded and the rendered text of a part is
counted while it streams out. Every bound is a size or a count, so a template is refused the
same way on any machine. `{% include %}`, `{% import %}` and `{% extends %}` are refused when the
template is compiled: a Word template reads no other file.

May import: jinja2, markupsafe, plangen's shared modules.
"""

from __future__ import annotations

import contextvars
import functools
import operator
import re
import string
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.filters import (
    do_batch,
    do_center,
    do_format,
    do_indent,
    do_join,
    do_replace,
    do_slice,
    do_wordwrap,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_VALUE = 1_000_000  # characters (or items) one value built by a tag may hold
MAX_INT_BITS = 10_000  # bits of an integer a tag may compute (about 3,000 digits)
MAX_RANGE = 10_000  # items of one range()
MAX_STEPS = 1_000_000  # loop iterations and calls while rendering one part
MAX_PART_CHARS = 64 * 1024 * 1024  # characters of one rendered part
MAX_WIDTH = 10_000  # a width or precision inside a format string

REFUSED_TAGS: dict[type[nodes.Node], str] = {
    nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from … import",
    nodes.Extends: "extends"}
BOUNDED = "plangen_bounded"  # the filter that checks a joined value's size (`~`)
COUNTED = "plangen_counted"  # the filter that counts a loop's iterations


class TemplateLimit(SecurityError):
    """A tag went past one of the bounds; `kind` names which (a message code suffix)."""

    def __init__(self, kind: str, limit: int) -> None:
        super().__init__(f"{kind} over {limit}")
        self.kind = kind
        self.limit = limit


class RefusedTag(Exception):
    """A tag that would read another template (include, import, extends)."""

    def __init__(self, tag: str, line: int) -> None:
        super().__init__(tag)
        self.tag = tag
        self.line = line


class _Budget:
    """The steps left while one part renders."""

    def __init__(self) -> None:
        self.steps = MAX_STEPS

    def spend(self) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise TemplateLimit("steps", MAX_STEPS)


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("plangen_budget",
                                                                         default=None)


def _spend() -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.spend()


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 0


def _check_size(value: Any) -> Any:
    if _size(value) > MAX_VALUE:
        raise TemplateLimit("value", MAX_VALUE)
    return value


def _check_int(value: Any) -> Any:
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise TemplateLimit("number", MAX_INT_BITS)
    return value


def _power(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1 and (
            right > MAX_INT_BITS or (abs(left).bit_length() - 1) * right > MAX_INT_BITS):
        raise TemplateLimit("number", MAX_INT_BITS)
    return _check_int(operator.pow(left, right))


def _product(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int) and (
            left.bit_length() + right.bit_length() > MAX_INT_BITS):
        raise TemplateLimit("number", MAX_INT_BITS)
    for sized, count in ((left, right), (right, left)):
        if _size(sized) and isinstance(count, int) and _size(sized) * count > MAX_VALUE:
            raise TemplateLimit("value", MAX_VALUE)
    return operator.mul(left, right)


def _format_estimate(text: str, args: Iterable[Any]) -> int:
    """An upper bound of the length `text` formatted with `args` gives (%-style and {}-style),
    or TemplateLimit for a width or a nesting it will not estimate."""
    longest = max((len(str(arg)) for arg in args), default=0)
    widths = [part for match in re.finditer(
        r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?", text) for part in match.groups()
        if part]
    fields = text.count("%")
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        parsed = []
    for _, name, spec, _ in parsed:
        if name is not None:
            fields += 1
            widths.extend(re.findall(r"\d+|\{|\*", spec or ""))
    numbers = [int(width) if width.isdigit() else MAX_WIDTH + 1 for width in widths]
    if any(number > MAX_WIDTH for number in numbers):
        raise TemplateLimit("width", MAX_WIDTH)
    return len(text) + sum(numbers) + fields * longest


def _check_format(text: Any, args: Iterable[Any]) -> None:
    if isinstance(text, str) and _format_estimate(text, args) > MAX_VALUE:
        raise TemplateLimit("value", MAX_VALUE)


def _modulo(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        _check_format(left, right if isinstance(right, tuple) else (right,))
    return operator.mod(left, right)


def _sum(left: Any, right: Any) -> Any:
    return _check_int(_check_size(operator.add(left, right)))


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "**": _power, "*": _product, "%": _modulo, "+": _sum}


def _joined_size(items: list[Any], separator: str) -> int:
    return sum(len(str(item)) for item in items) + len(separator) * max(len(items) - 1, 0)


def _str_method_check(method: str, text: str, args: tuple[Any, ...],
                      kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a call to a growing str method whose result would pass MAX_VALUE; returns the
    arguments to call it with (an iterable given to join is read once, here)."""
    first = args[0] if args else None
    if method in ("center", "ljust", "rjust", "zfill") and isinstance(first, int):
        estimate = first
    elif method == "expandtabs":
        tab = first if isinstance(first, int) else kwargs.get("tabsize", 8)
        estimate = len(text) * max(int(tab), 1)
    elif method == "join" and args:
        items = list(args[0])
        if len(items) > MAX_VALUE:
            raise TemplateLimit("value", MAX_VALUE)
        args = (items, *args[1:])
        estimate = _joined_size(items, text)
    elif method == "replace" and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        estimate = len(text) + (text.count(old) if old else len(text) + 1) * len(new)
    elif method in ("format", "format_map"):
        values = list(args) + list(kwargs.values())
        if method == "format_map" and args and isinstance(args[0], dict):
            values = list(args[0].values())
        estimate = _format_estimate(text, values)
    else:
        return args
    if estimate > MAX_VALUE:
        raise TemplateLimit("value", MAX_VALUE)
    return args


def bounded_range(*args: int) -> range:
    """range(), refused above MAX_RANGE items."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit("range", MAX_RANGE)
    return numbers


def _counted(iterable: Any) -> Iterator[Any]:
    for item in iterable:
        _spend()
        yield item


def _keeping_pass_arg(original: Callable[..., Any]) -> Callable[[Callable[..., Any]],
                                                                  Callable[..., Any]]:
    """functools.wraps, which also copies Jinja's pass_environment/eval_context marker."""
    return functools.wraps(original)


@_keeping_pass_arg(do_center)
def _center(value: str, width: int = 80) -> str:
    if isinstance(width, int) and width > MAX_VALUE:
        raise TemplateLimit("value", MAX_VALUE)
    return do_center(value, width)


@_keeping_pass_arg(do_indent)
def _indent(s: str, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    step = width if isinstance(width, int) else len(str(width))
    if len(str(s)) + (str(s).count("\n") + 1) * max(step, 0) > MAX_VALUE:
        raise TemplateLimit("value", MAX_VALUE)
    return do_indent(s, width, first, blank)


@_keeping_pass_arg(do_wordwrap)
def _wordwrap(environment: jinja2.Environment, s: str, width: int = 79,
              break_long_words: bool = True, wrapstring: str | None = None,
              break_on_hyphens: bool = True) -> str:
    breaks = len(str(s)) // max(int(width), 1) + 1
    if len(str(s)) + breaks * len(wrapstring or "\n") > MAX_VALUE:
        raise TemplateLimit("value", MAX_VALUE)
    return do_wordwrap(environment, s, width, break_long_words, wrapstring, break_on_hyphens)


@_keeping_pass_arg(do_format)
def _format(value: str, *args: Any, **kwargs: Any) -> str:
    _check_format(str(value), list(args) + list(kwargs.values()))
    return do_format(value, *args, **kwargs)


@_keeping_pass_arg(do_join)
def _join(eval_ctx: Any, value: Iterable[Any], d: str = "",
          attribute: str | int | None = None) -> str:
    items = list(value)
    if len(items) > MAX_VALUE or len(str(d)) * len(items) > MAX_VALUE or (
            attribute is None and _joined_size(items, str(d)) > MAX_VALUE):
        raise TemplateLimit("value", MAX_VALUE)
    return _check_size(do_join(eval_ctx, items, d, attribute))  # type: ignore[no-any-return]


@_keeping_pass_arg(do_replace)
def _replace(eval_ctx: Any, s: str, old: str, new: str, count: int | None = None) -> str:
    text, old_text = str(s), str(old)
    found = text.count(old_text) if old_text else len(text) + 1
    if count is not None and count >= 0:
        found = min(found, count)
    if len(text) + found * len(str(new)) > MAX_VALUE:
        raise TemplateLimit("value", MAX_VALUE)
    return do_replace(eval_ctx, s, old, new, count)


@_keeping_pass_arg(do_batch)
def _batch(value: Any, linecount: int, fill_with: Any = None) -> Iterator[list[Any]]:
    if isinstance(linecount, int) and linecount > MAX_VALUE:
        raise TemplateLimit("value", MAX_VALUE)
    return do_batch(value, linecount, fill_with)


@_keeping_pass_arg(do_slice)
def _slice(value: Any, slices: int, fill_with: Any = None) -> Iterator[list[Any]]:
    if isinstance(slices, int) and slices > MAX_VALUE:
        raise TemplateLimit("value", MAX_VALUE)
    return do_slice(value, slices, fill_with)  # type: ignore[no-any-return]


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox (no list.append or dict.update from a tag either), bounded."""

    intercepted_binops = frozenset(_BINOPS)

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals.pop("lipsum", None)  # lipsum(n=10**9): text no plan needs
        self.globals["range"] = bounded_range
        self.filters.update({
            "center": _center, "indent": _indent, "wordwrap": _wordwrap, "format": _format,
            "join": _join, "replace": _replace, "batch": _batch, "slice": _slice,
            BOUNDED: _check_size, COUNTED: _counted})

    def call_binop(self, context: jinja2.runtime.Context, operator_name: str, left: Any,
                   right: Any) -> Any:
        """`**`, `*`, `%` and `+` with their results bounded before they are built."""
        return _BINOPS[operator_name](left, right)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any,
             *args: Any, **kwargs: Any) -> Any:
        """Every call (a macro, a method, range) is a step; growing str methods are bounded."""
        _spend()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            args = _str_method_check(getattr(__obj, "__name__", ""), owner, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja's sandboxed str.format / format_map, refused above the bounds first."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text, method = value.__self__, value.__name__

        def checked(*args: Any, **kwargs: Any) -> str:
            _str_method_check(method, text, args, kwargs)
            return wrapped(*args, **kwargs)

        return checked

    def compile_part(self, source: str) -> jinja2.Template:
        """`source` compiled with include/import/extends refused (RefusedTag), every loop
        counted and every `~` bounded; TemplateSyntaxError as Jinja raises it."""
        tree = self.parse(source)
        for kind, tag in REFUSED_TAGS.items():
            for found in tree.find_all(kind):
                raise RefusedTag(tag, found.lineno)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, COUNTED, [], [], None, None,
                                     lineno=loop.iter.lineno)
        for parent in [tree, *tree.find_all(nodes.Node)]:
            for field in parent.fields:
                child = getattr(parent, field)
                if isinstance(child, nodes.Concat):
                    setattr(parent, field, _bounded(child))
                elif isinstance(child, list):
                    setattr(parent, field, [_bounded(item) if isinstance(item, nodes.Concat)
                                            else item for item in child])
        return self.template_class.from_code(self, self.compile(tree), self.make_globals(None),
                                             None)


def _bounded(node: nodes.Expr) -> nodes.Filter:
    return nodes.Filter(node, BOUNDED, [], [], None, None, lineno=node.lineno)


def render_bounded(template: jinja2.Template, values: dict[str, Any]) -> str:
    """`template` rendered with a fresh step budget, its text counted as it streams out:
    TemplateLimit past MAX_STEPS steps or MAX_PART_CHARS characters."""
    token = _BUDGET.set(_Budget())
    try:
        chunks = []
        total = 0
        for chunk in template.generate(values):
            total += len(chunk)
            if total > MAX_PART_CHARS:
                raise TemplateLimit("part", MAX_PART_CHARS)
            chunks.append(chunk)
        return "".join(chunks)
    finally:
        _BUDGET.reset(token)
