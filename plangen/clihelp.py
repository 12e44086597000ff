"""`plangen --help` in the user's language: click's headings and built-in words in
Vietnamese (English with --lang en or PLANGEN_LANG=en), each description's half for that
language, and the command list as whole one-line summaries, never cut mid-word.

Descriptions in cli.py are written "Vietnamese / English", paragraph by paragraph. Only click
is imported here, so `--help` loads neither the message catalogue nor the library.
"""

from __future__ import annotations

import contextlib
import contextvars
import inspect
import os
import re
from collections.abc import Iterator
from typing import Any

import click

_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("plangen_help_lang",
                                                                   default=None)
WORDS: dict[str, tuple[str, str]] = {
    "usage": ("Cách dùng: ", "Usage: "),
    "options": ("Tùy chọn", "Options"),
    "commands": ("Lệnh", "Commands"),
    "help": ("Xem hướng dẫn này rồi thoát.", "Show this message and exit."),
    "default": ("mặc định: {value}", "default: {value}"),
    "range": ("từ {min} đến {max}", "{min} to {max}"),
    "required": ("bắt buộc", "required"),
    "options_metavar": ("[TÙY-CHỌN]", "[OPTIONS]"),
    "command_metavar": ("LỆNH [THAM-SỐ]...", "COMMAND [ARGS]..."),
}
# a value's name on the help page, as click (type, argument) or cli.py (metavar) calls it
METAVARS: dict[str, tuple[str, str]] = {
    "PATH": ("TỆP", "FILE"), "TEXT": ("CHỮ", "TEXT"), "INTEGER": ("SỐ", "NUMBER"),
    "INTEGER RANGE": ("SỐ", "NUMBER"), "SPEC": ("KẾ-HOẠCH", "SPEC"),
    "SPECS": ("KẾ-HOẠCH", "SPECS"), "BASE": ("KẾ-HOẠCH-GỐC", "BASE"),
    "FILLED": ("BẢNG-ĐÃ-ĐIỀN", "FILLED"), "FILES": ("TỆP-WORD", "FILES"),
    "TỆP": ("TỆP", "FILE"), "THƯ-MỤC": ("THƯ-MỤC", "FOLDER"), "TỈNH": ("TỈNH", "PROVINCE"),
    "ĐỊA-PHƯƠNG": ("ĐỊA-PHƯƠNG", "LOCALITY"), "CHỌN": ("CHỌN", "SELECTION"),
    "TRANG": ("TRANG", "SHEET"), "TÊN": ("TÊN", "NAME"), "NGÀY": ("NGÀY", "DATE"),
    "CƠ-QUAN": ("CƠ-QUAN", "AGENCY"), "DÒNG": ("DÒNG", "LINE"), "HỌ-TÊN": ("HỌ-TÊN", "NAME"),
    "NƠI-NHẬN": ("NƠI-NHẬN", "RECIPIENT"), "SỐ": ("SỐ", "NUMBER"),
}


def help_lang() -> str:
    """The language of the help being written: --lang on the command line, else
    PLANGEN_LANG, else Vietnamese (as messages.current_lang, without loading the catalogue)."""
    lang = (_LANG.get() or os.environ.get("PLANGEN_LANG") or "vi").lower()
    return "en" if lang.startswith("en") else "vi"


@contextlib.contextmanager
def speaking(lang: str | None) -> Iterator[None]:
    """Help written inside this block is in `lang` (the --lang the command line names)."""
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


def word(key: str, lang: str) -> str:
    vi, en = WORDS[key]
    return en if lang == "en" else vi


def half(text: str, lang: str) -> str:
    """One paragraph's words in `lang`, on one line: written "Việt / english"."""
    joined = " ".join(text.split())
    vi, sep, en = joined.rpartition(" / ")
    if not sep:
        return joined
    if lang != "en":  # the Vietnamese half is written as shown ("all-provinces, …" stays)
        return vi
    return en[:1].upper() + en[1:]


def sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "?", "!", ":")) else text + "."


def metavar(shown: str, lang: str) -> str:
    """`SPECS...`, `[TỈNH]`, `PATH` named in `lang`; brackets and dots kept."""
    def named(match: re.Match[str]) -> str:
        pair = METAVARS.get(match.group())
        return (pair[1] if lang == "en" else pair[0]) if pair else match.group()

    return re.sub(r"[^\[\]|.]+", named, shown)


def summary(command: click.Command, lang: str) -> str:
    """The command's line in the command list: its short_help, else its help's first
    paragraph, in `lang`, whole."""
    text = command.short_help or inspect.cleandoc(command.help or "").split("\n\n")[0]
    return half(text, lang).rstrip(".")


class Formatter(click.HelpFormatter):
    """click's formatter, with "Usage:" said in the help's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, word("usage", help_lang()) if prefix is None else prefix)


class Context(click.Context):
    formatter_class = Formatter


class HelpMixin:
    """A command's help page in the help's language (cli.py's commands and group)."""

    context_class: type[click.Context] = Context

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        lang = help_lang()
        pieces = [word("options_metavar", lang)]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            pieces += [metavar(piece, lang) for piece in param.get_usage_pieces(ctx)]
        return pieces

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = inspect.cleandoc(getattr(self, "help", None) or "").partition("\f")[0]
        if text:
            lang = help_lang()
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text("\n\n".join(sentence(half(paragraph, lang))
                                                 for paragraph in text.split("\n\n")))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_lang()
        helper = self.get_help_option(ctx)  # type: ignore[attr-defined]
        rows = [row for param in self.get_params(ctx)  # type: ignore[attr-defined]
                if isinstance(param, click.Option)
                and (row := option_row(param, ctx, lang, param is helper)) is not None]
        if rows:
            with formatter.section(word("options", lang)):
                formatter.write_dl(rows)


def option_row(option: click.Option, ctx: click.Context, lang: str,
               is_help: bool = False) -> tuple[str, str] | None:
    """An option's line on the help page: its names and value, what it does, its default,
    range and whether it is required, all in `lang`."""
    if option.hidden:
        return None

    def names(opts: list[str]) -> str:
        shown = ", ".join(sorted(opts, key=lambda opt: len(opt) - len(opt.lstrip("-/"))))
        if not option.is_flag and not option.count:
            shown += " " + metavar(option.make_metavar(ctx), lang)
        return shown

    shown = " / ".join(names(opts) for opts in (option.opts, option.secondary_opts) if opts)
    text = word("help", lang) if is_help else sentence(half(option.help or "", lang))
    extra: dict[str, Any] = dict(option.get_help_extra(ctx))
    notes = []
    if "default" in extra:
        notes.append(word("default", lang).format(value=extra["default"]))
    if "range" in extra:
        kind = option.type
        bounded = isinstance(kind, click.IntRange) and None not in (kind.min, kind.max)
        notes.append(word("range", lang).format(min=getattr(kind, "min", None),
                                                max=getattr(kind, "max", None))
                     if bounded else str(extra["range"]))
    if "required" in extra:
        notes.append(word("required", lang))
    if notes:
        text = f"{text}  [{'; '.join(notes)}]" if text else f"[{'; '.join(notes)}]"
    return shown, text


class Command(HelpMixin, click.Command):
    """A plangen command: its help page in the user's language."""


class Group(HelpMixin, click.Group):
    """The plangen group: its help page in the user's language, the commands as whole
    one-line summaries."""

    command_class = Command

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [*super().collect_usage_pieces(ctx), word("command_metavar", help_lang())]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_lang()
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, summary(command, lang)))
        if rows:
            with formatter.section(word("commands", lang)):
                formatter.write_dl(rows)
