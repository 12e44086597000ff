"""Fill a base spec's `{{ locality.… }}` placeholders for one locality, safely.

Only when a locality is given (batch, or `render --locality`) is spec text treated as a
template; otherwise it prints literally. Templates run in Jinja's sandbox with StrictUndefined:
an unknown field, a syntax error or an unsafe expression is a validation issue naming the field
and line, never a crash, never code run outside the sandbox. Compiled templates are cached, so a
base rendered for 3,321 communes compiles each distinct string once.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from plangen.errors import Path, SpecIssue
from plangen.spec.merge import Node
from plangen.vntext import nfc

MARKERS = ("{{", "{%", "{#")
MAX_RESULT = 100_000  # characters one placeholder string may expand to


class _BoundedSandbox(SandboxedEnvironment):
    """The sandbox, also refusing arithmetic that would build huge strings or numbers."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > 64:
                raise SecurityError("exponent too large")
            return operator.pow(left, right)
        sizes = [len(v) for v in (left, right) if isinstance(v, (str, list, tuple))]
        counts = [v for v in (left, right) if isinstance(v, int)]
        if sizes and counts and max(sizes) * max(counts) > MAX_RESULT:
            raise SecurityError("result too large")
        return operator.mul(left, right)


_ENV = _BoundedSandbox(undefined=jinja2.StrictUndefined, autoescape=False,
                       keep_trailing_newline=False)


# Jinja's lexer drops, without an error, a "{#" or "{% raw %}" that ends the text ("Triển
# khai {#" rendered as "Triển khai"): refuse an opener that is never closed instead.
_UNCLOSED = ((re.compile(r"\{#"), re.compile(r"#\}"), "Missing end of comment tag"),
             (re.compile(r"\{%-?\s*raw\s*-?%\}"), re.compile(r"\{%-?\s*endraw\s*-?%\}"),
              "Missing end of raw directive"))


@lru_cache(maxsize=4096)
def _compile(text: str) -> jinja2.Template:
    for opener, closer, problem in _UNCLOSED:
        if len(opener.findall(text)) > len(closer.findall(text)):
            raise TemplateSyntaxError(problem, 1)
    return _ENV.from_string(text)


def has_placeholder(text: str) -> bool:
    return any(marker in text for marker in MARKERS)


def fill_placeholders(spec: Node, fields: dict[str, Any],
                      filled: list[Path] | None = None) -> tuple[Node, list[SpecIssue]]:
    """`spec` with every templated string rendered against `fields` (e.g. {"locality": …}).

    The paths of the strings that were templates are appended to `filled` when given.
    """
    issues: list[SpecIssue] = []
    texts: list[str] = []
    _templated_texts(spec, texts)
    together = _render_together(texts, fields)
    results = iter(together) if together is not None else None

    def fill(text: str, path: Path) -> str:
        if filled is not None:
            filled.append(path)
        if results is not None:
            return next(results)
        return _render(text, fields, path, issues)

    return _walk(spec, (), fill), issues


# Between the texts rendered together: no whitespace (which "{{-" and "-}}" would strip), no
# Jinja marker, and never in a locality's field (a value holding it makes the split fail,
# and each text is then rendered alone)
_JOINT = "\x00plangen\x00"


def _templated_texts(node: Node, out: list[str]) -> None:
    """The templated strings under `node`, in the order `_walk` meets them."""
    if not _has_templates(node):
        return
    value = node.value
    if isinstance(value, dict):
        for child in value.values():
            _templated_texts(child, out)
    elif isinstance(value, list):
        for child in value:
            _templated_texts(child, out)
    elif isinstance(value, str):
        out.append(value)


def _render_together(texts: list[str], fields: dict[str, Any]) -> list[str] | None:
    """Each of `texts` rendered against `fields`, as `_render` renders it, in one Jinja run
    (a run's set-up costs more than a plain placeholder): None when any text is not a plain
    one (a statement or comment, a trailing newline, a text that does not compile alone) or
    any rendering fails, so that each is then rendered alone and its problem reported."""
    if len(texts) < 2 or not all(_joinable(text) for text in texts):
        return None
    try:
        pieces = _compile_together(tuple(texts)).render(fields).split(_JOINT)
    except Exception:  # reported text by text, by _render
        return None
    if len(pieces) != len(texts) or any(len(piece) > MAX_RESULT for piece in pieces):
        return None
    return [nfc(piece) for piece in pieces]


def _joinable(text: str) -> bool:
    """Whether `text` renders the same alone as between others: expressions and words only,
    compiling on its own, not ending in a newline (which Jinja drops only at a template's
    end)."""
    if "{%" in text or "{#" in text or _JOINT in text or text.endswith(("\n", "\r")):
        return False
    try:
        _compile(text)
    except Exception:
        return False
    return True


@lru_cache(maxsize=64)
def _compile_together(texts: tuple[str, ...]) -> jinja2.Template:
    return _compile(_JOINT.join(texts))


def literal_placeholder_warnings(spec: Node) -> list[SpecIssue]:
    """One warning, at the first of them, for placeholders in a spec rendered without a
    locality (they print as they are)."""
    found: list[Path] = []

    def note(text: str, path: Path) -> str:
        if "locality" in text or "province" in text:
            found.append(path)
        return text

    _walk(spec, (), note)
    if not found:
        return []
    return [SpecIssue("placeholder_no_locality", found[0], params={"count": len(found)},
                      severity="warning")]


_TEMPLATED: dict[int, tuple[Node, bool]] = {}  # id -> (node, has templated text below)


def _has_templates(node: Node) -> bool:
    """Whether `node`'s subtree holds templated text; memoized, since a batch fills the same
    base thousands of times and most of it has no placeholder."""
    value = node.value
    if isinstance(value, str):
        return has_placeholder(value)
    if not isinstance(value, (dict, list)):
        return False
    known = _TEMPLATED.get(id(node))
    if known is not None and known[0] is node:
        return known[1]
    children = value.values() if isinstance(value, dict) else value
    found = any([_has_templates(child) for child in children])
    if len(_TEMPLATED) > 200_000:
        _TEMPLATED.clear()
    _TEMPLATED[id(node)] = (node, found)
    return found


def _walk(node: Node, path: Path, fill: Callable[[str, Path], str]) -> Node:
    if not _has_templates(node):
        return node
    value = node.value
    if isinstance(value, dict):
        new: Any = {key: _walk(child, (*path, key), fill) for key, child in value.items()}
    elif isinstance(value, list):
        new = [_walk(child, (*path, i), fill) for i, child in enumerate(value)]
    elif isinstance(value, str) and has_placeholder(value):
        new = fill(value, path)
        if new == value:
            return node
    else:
        return node
    return Node(new, node.location, node.key_location, node.raw)


def _render(text: str, fields: dict[str, Any], path: Path, issues: list[SpecIssue]) -> str:
    try:
        result = _compile(text).render(fields)
    except TemplateSyntaxError as exc:
        issues.append(SpecIssue("placeholder_syntax", path, params={"detail": exc.message}))
    except UndefinedError as exc:
        issues.append(SpecIssue("placeholder_unknown", path, params={
            "detail": _undefined_name(exc), "known": ", ".join(_known(fields.get("locality", {}),
                                                                        "locality."))}))
    except SecurityError as exc:
        issues.append(SpecIssue("placeholder_unsafe", path, params={"detail": str(exc)}))
    except Exception as exc:  # any other failure of a user's expression is the user's to fix
        issues.append(SpecIssue("placeholder_error", path, params={
            "detail": f"{type(exc).__name__}: {exc}"}))
    else:
        if len(result) > MAX_RESULT:
            issues.append(SpecIssue("placeholder_unsafe", path, params={
                "detail": "result too large"}))
            return text
        return nfc(result)
    return text


def _undefined_name(exc: UndefinedError) -> str:
    message = exc.message or ""
    if "has no attribute" in message:
        return message.rsplit("has no attribute", 1)[1].strip(" '\"")
    return message.split("'")[1] if message.count("'") >= 2 else message


def _known(fields: dict[str, Any], prefix: str = "") -> list[str]:
    names: list[str] = []
    for key, value in fields.items():
        names.append(f"{prefix}{key}.…" if isinstance(value, dict) else f"{prefix}{key}")
    return names
