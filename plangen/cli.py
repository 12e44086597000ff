"""The `plangen` command: a thin click layer over the library.

This is the only module that prints and sets exit codes: 0 success, 1 the input has problems,
2 the command was used wrongly, 3 a bug in plangen, 130 interrupted.

Only click is imported up front; each command imports what it uses when it runs, so
`plangen --version` and `--help` do not load YAML, cerberus or the message catalogue.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import os
import shlex
import signal
import sys
import threading
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from plangen import __version__
from plangen.clihelp import Group as _HelpGroup
from plangen.clihelp import speaking

if TYPE_CHECKING:
    from plangen.batch.localities import Locality
    from plangen.errors import SpecIssue
    from plangen.spec.starter import StarterUnit

F = TypeVar("F", bound=Callable[..., Any])


def _echo(text: object = "", err: bool = False, nl: bool = True) -> None:
    """click.echo, with what a terminal would obey (escape codes in a file name or a plan's
    text) removed first."""
    from plangen.vntext import for_terminal

    click.echo(for_terminal(str(text)), err=err, nl=nl)


def _stream_failure(exc: OSError, lang: str) -> int:
    """The exit code for a failed write to the terminal or a pipe: a reader that went away
    (`| head -1`) ends the run quietly, as other command-line tools do; a full disk is
    said."""
    from plangen.messages import message

    if exc.errno == errno.EPIPE:
        # further writes (and Python's flush at exit) would fail again: point them nowhere
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    with contextlib.suppress(OSError):
        click.echo(message("disk_full" if exc.errno == errno.ENOSPC else "output_failed", lang,
                           path="stdout", detail=exc.strerror or exc), err=True)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1


_STREAM_ERRORS = (errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EDQUOT)
LANG_OPTION = click.option(
    "--lang", type=click.Choice(["vi", "en"]), default=None,
    help="Ngôn ngữ thông báo và hướng dẫn (mặc định: biến môi trường PLANGEN_LANG, không có "
         "thì vi) / language of messages and help (default: PLANGEN_LANG, else vi).")


def _reports_errors(command: F) -> F:
    """Turn every PlangenError into a message and exit code; never show a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from plangen.errors import PlangenError, SpecError
        from plangen.messages import current_lang, message

        if "lang" in kwargs and kwargs["lang"] is None:  # `plangen --lang en render …`
            root = click.get_current_context(silent=True)
            kwargs["lang"] = root.find_root().params.get("lang") if root else None
        lang = current_lang(kwargs.get("lang"))
        earlier = _stop_on_sigterm_here()
        try:
            return command(*args, **kwargs)
        except PlangenError as exc:
            _echo(exc.message(lang), err=True)
            if isinstance(exc, SpecError):
                summary = getattr(exc, "summary", "spec_invalid")  # a table's: TableError
                _echo(message(summary, lang, count=len(exc.issues)), err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            _echo(message("interrupted", lang), err=True)
            sys.exit(130)
        except click.exceptions.Exit:
            raise
        except OSError as exc:
            if exc.errno in _STREAM_ERRORS:  # the terminal or pipe, not an input of the user's
                sys.exit(_stream_failure(exc, lang))
            _echo(message("internal", lang, detail=f"{type(exc).__name__}: {exc}"), err=True)
            sys.exit(3)
        except Exception as exc:  # a bug: say so plainly, keep the type for the report
            _echo(message("internal", lang, detail=f"{type(exc).__name__}: {exc}"),
                       err=True)
            sys.exit(3)
        finally:
            if earlier is not None:
                signal.signal(signal.SIGTERM, earlier)

    return wrapper  # type: ignore[return-value]


def _stop_on_sigterm_here() -> Any:
    """SIGTERM stops a command as Ctrl-C does (exit 130, temporary files and LibreOffice
    cleaned up) rather than killing it on the spot; the handler it replaces, None when this
    is not the main thread (only there can signals be handled)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _stop_on_sigterm)


class _Group(_HelpGroup):
    """Click's own usage errors (unknown option, missing argument, bad choice) said in the
    user's language, with where to read the help; exit code 2 as always; the help in the
    language --lang names wherever it is written (`plangen batch --help --lang en`)."""

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        try:
            try:
                with speaking(_lang_in(argv)):
                    result = super().main(argv, prog_name, complete_var,
                                          standalone_mode=False, **extra)
            finally:  # what is still buffered fails here, not in Python's exit, unseen
                sys.stdout.flush()
        except OSError as exc:
            if exc.errno not in _STREAM_ERRORS:
                raise
            from plangen.messages import current_lang

            sys.exit(_stream_failure(exc, current_lang(_lang_in(argv))))
        except click.exceptions.NoArgsIsHelpError as exc:  # `plangen` alone: the help itself
            _echo(exc.format_message(), err=True)
            sys.exit(2)
        except click.exceptions.UsageError as exc:
            from plangen.messages import current_lang, message

            lang = current_lang(_lang_in(argv))
            _echo(_usage_message(exc, lang, argv), err=True)
            found = _command_in(argv)
            command = exc.ctx.command_path if exc.ctx else \
                f"{_program()} {found.name}" if found is not None else _program()
            _echo(message("usage_help", lang, command=command), err=True)
            sys.exit(2)
        except click.exceptions.Abort:
            from plangen.messages import current_lang, message

            _echo(message("interrupted", current_lang(_lang_in(argv))), err=True)
            sys.exit(130)
        sys.exit(result if isinstance(result, int) else 0)


def _lang_in(argv: list[str]) -> str | None:
    for index, word in enumerate(argv):
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None


# options users reach for that a command calls otherwise: command -> written -> meant, and a
# message saying why where the mix-up is not plain ("" : any command that has the option)
_MEANT: dict[str, dict[str, tuple[str, str]]] = {
    "": {"--out": ("--output", ""), "--outdir": ("--output", ""),
         "--out-dir": ("--output", ""), "--output-dir": ("--output", ""),
         "--dir": ("--output", ""), "--language": ("--lang", ""),
         "--workers": ("--jobs", ""), "-j": ("--jobs", ""), "--processes": ("--jobs", "")},
    "batch": {"--table": ("--localities", "usage_why_batch_table"),
              "--locality": ("--localities", "usage_why_batch_locality"),
              **dict.fromkeys(("--csv", "--xlsx", "--excel", "--list", "--units", "--communes",
                               "--provinces", "--select", "--selector", "--input"),
                              ("--localities", "usage_why_batch_table")),
              **dict.fromkeys(("--worksheet", "--sheet-name", "--tab"), ("--sheet", ""))},
    "localities": {**dict.fromkeys(("--output", "--xlsx", "--csv", "--excel", "--file"),
                                   ("--table", "usage_why_localities_table"))},
}
_MEANT_FOR_LOCALITY = ("render", "validate", "assignments", "report", "timeline")
# mix-ups where the value too must change: no corrected command is offered
_NOT_A_RENAME = frozenset({"usage_why_batch_locality", "usage_why_locality"})


def _usage_message(exc: click.exceptions.UsageError, lang: str, argv: list[str]) -> str:
    """Click's usage error said in `lang`, naming what the user wrote and what to write."""
    from plangen.messages import CATALOG, message

    command = exc.ctx.command if exc.ctx else _command_in(argv)
    if isinstance(exc, click.exceptions.NoSuchOption):
        return _no_such_option(exc, command, lang, argv)
    if isinstance(exc, click.exceptions.NoSuchCommand):
        names = sorted(main.commands)
        close = exc.possibilities or []
        if close:
            return message("usage_no_command", lang, name=exc.command_name, close=close[0])
        return message("usage_no_command_list", lang, name=exc.command_name,
                       commands=", ".join(names))
    if isinstance(exc, click.exceptions.MissingParameter) and exc.param is not None:
        if isinstance(exc.param, click.Option):
            return message("usage_missing_option", lang, name="/".join(exc.param.opts),
                           help=_help_in(exc.param, lang))
        code = f"usage_argument_{exc.param.name}"
        if code in CATALOG:  # said as what it is: "Thiếu tệp kế hoạch (.yaml)."
            return message("usage_missing_argument", lang, what=message(code, lang))
        return message("usage_missing", lang, name=(exc.param.name or "?").upper())
    if isinstance(exc, click.exceptions.BadParameter) and exc.param is not None:
        return _bad_value(exc, exc.param, lang)
    if isinstance(exc, click.exceptions.BadOptionUsage) and "requires" in exc.message:
        option = _option_of(command, exc.option_name)
        return message("usage_needs_value", lang, name=exc.option_name,
                       help=_help_in(option, lang) if option else "")
    if exc.message == "Missing command.":
        return message("usage_missing_command", lang, commands=", ".join(sorted(main.commands)))
    if exc.message.startswith("Got unexpected extra argument"):
        extra = exc.message.partition("(")[2].rpartition(")")[0]
        return message("usage_extra", lang, args=extra)
    return message("usage_other", lang, detail=exc.format_message())


def _no_such_option(exc: click.exceptions.NoSuchOption, command: click.Command | None,
                    lang: str, argv: list[str]) -> str:
    from plangen.messages import message

    written = exc.option_name
    options = [name for param in (command.params if command else ())
               if isinstance(param, click.Option) for name in param.opts]
    name = command.name if command and command is not main else ""
    table = {**_MEANT[""], **_MEANT.get(name or "", {})}
    if name in _MEANT_FOR_LOCALITY:
        table["--localities"] = ("--locality", "usage_why_locality")
    meant, why = table.get(written, ("", ""))
    close = [meant] if meant in options else []
    close += [option for option in exc.possibilities or [] if option not in close]
    if not close:
        shown = [", ".join(param.opts) for param in (command.params if command else ())
                 if isinstance(param, click.Option) and not param.hidden]
        return message("usage_no_option_list", lang, option=written, command=name or "plangen",
                       options="; ".join([*shown, "--help"]))
    reason = message(why, lang) if why and meant in close else ""
    if len(close) > 1 or why in _NOT_A_RENAME:
        return message("usage_no_option", lang, option=written,
                       close=" / ".join(close[:3]), why=reason)
    fixed = [close[0] + word[len(written):] if word == written
             or word.startswith(written + "=") else word for word in argv]
    return message("usage_no_option_fixed", lang, option=written, close=close[0], why=reason,
                   command=f"{_program(exc.ctx)} {shlex.join(fixed)}")


def _bad_value(exc: click.exceptions.BadParameter, param: click.Parameter, lang: str) -> str:
    from plangen.messages import message

    name = param.opts[0] if param.opts else (param.name or "?").upper()
    kind = param.type
    if isinstance(kind, click.IntRange) and kind.min is not None and kind.max is not None:
        return message("usage_bad_int_range", lang, name=name, min=kind.min, max=kind.max)
    if isinstance(kind, click.Choice):
        return message("usage_bad_choice", lang, name=name,
                       choices=", ".join(map(str, kind.choices)))
    if kind is click.INT:
        return message("usage_bad_int", lang, name=name)
    return message("usage_bad_value", lang, name=name, detail=exc.message)


def _command_in(argv: list[str]) -> click.Command | None:
    """The subcommand `argv` runs (click gives no context to every usage error)."""
    return next((main.commands[word] for word in argv if word in main.commands), None)


def _option_of(command: click.Command | None, name: str) -> click.Option | None:
    return next((param for param in (command.params if command else ())
                 if isinstance(param, click.Option) and name in param.opts), None)


def _help_in(option: click.Option, lang: str) -> str:
    """An option's help in `lang`: helps are written "Vietnamese / English"."""
    vi, _, en = (option.help or "").rpartition(" / ")
    text = (en if lang == "en" else vi) or option.help or ""
    return text.strip().rstrip(".") + "." if text.strip() else ""


def _program(ctx: click.Context | None = None) -> str:
    """The command as the user typed it ("plangen", "python -m plangen")."""
    if ctx is not None and ctx.find_root().info_name:
        return str(ctx.find_root().info_name)
    detect = getattr(click.utils, "_detect_program_name", None)
    return str(detect()) if callable(detect) else "plangen"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, package_name="plangen", prog_name="plangen",
                      help="In số phiên bản rồi thoát / show the version and exit.")
@LANG_OPTION
def main(lang: str | None) -> None:
    """Soạn Kế hoạch theo Nghị định 30/2020/NĐ-CP từ tệp YAML / draft plans (Kế hoạch) per
    Decree 30/2020/NĐ-CP from YAML specs.

    Hướng dẫn của từng lệnh: plangen LỆNH --help / each command's help: plangen COMMAND
    --help."""


def _require_files(paths: tuple[Path, ...]) -> None:
    """Usage errors, in the user's language, before any output (click's would be English)."""
    from plangen.errors import UsageError

    for path in paths:
        if path.is_dir():
            raise UsageError("input_is_directory", path=str(path))
        if not path.exists():
            raise UsageError("input_missing", path=str(path))


def _schema_text() -> str:
    import json

    from plangen.spec.schema import json_schema

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def _write_output(path: Path, text: str, suggestion: str) -> None:
    from plangen.errors import UsageError
    from plangen.files import write_atomic

    if path.is_dir():
        raise UsageError("output_is_folder", path=str(path), example=str(path / suggestion))
    write_atomic(path, text.encode("utf-8"))


LOCALITY_OPTION = click.option(
    "--locality", "locality_name", metavar="ĐỊA-PHƯƠNG",
    help="Điền các chỗ {{ locality.… }} cho địa phương này (\"tỉnh Đắk Lắk\", mã) / fill a "
         "base spec's placeholders for this locality.")
ALLOW_OPTION = click.option(
    "--allow-path", "allow", multiple=True, type=click.Path(path_type=Path), metavar="THƯ-MỤC",
    help="Cho phép ghép tệp từ thư mục này / allow includes from this folder.")


PDFA_OPTION = click.option(
    "--pdfa", is_flag=True,
    help="Tạo PDF/A-2b để lưu trữ (kéo theo --pdf) / write PDF/A-2b for archiving (implies "
         "--pdf).")


def _warn_fallback(fonts: tuple[str, ...], docx: Path, lang: str) -> None:
    """Say which faces stood in for missing letters, and what to install."""
    from plangen.messages import message

    if fonts:
        from plangen.render.fonts import package_for

        _echo(message("pdf_font_fallback", lang, fonts=", ".join(fonts),
                           package=package_for(docx)), err=True)


def _locality(name: str | None, lang: str | None = None) -> Locality | None:
    """The locality named on the command line (a warning for a former name), or a usage
    error saying it is unknown or which units it could be."""
    from plangen.batch.resolve import resolve
    from plangen.messages import current_lang, message

    if name is None:
        return None
    found = resolve(name)
    for code, params in found.notes:
        _echo(message("warning_prefix", current_lang(lang)) +
                   message(code, current_lang(lang), **params), err=True)
    return found.locality


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi / treat warnings as errors.")
@LOCALITY_OPTION
@ALLOW_OPTION
@LANG_OPTION
@_reports_errors
def validate(specs: tuple[Path, ...], strict: bool, locality_name: str | None,
             allow: tuple[Path, ...], lang: str | None) -> None:
    """Kiểm tra tệp kế hoạch; liệt kê mọi lỗi kèm dòng, cột / check specs, list every issue."""
    from plangen.errors import issue_lines
    from plangen.messages import current_lang, message
    from plangen.spec.api import check_spec

    lang = current_lang(lang)
    _require_files(specs)
    locality = _locality(locality_name, lang)
    failed = False
    counts = {"errors": 0, "warnings": 0}
    for path in specs:
        checked = check_spec(path, locality=locality, allow=allow)
        for line in issue_lines(checked.issues, lang):
            _echo(line, err=True)
        counts["errors"] += len(checked.errors)
        counts["warnings"] += len(checked.warnings)
        if checked.errors or (strict and checked.warnings):
            failed = True
        elif checked.plan is not None:
            _echo(message("valid", lang, file=path, tasks=len(checked.plan.tasks.items)))
    if failed or counts["warnings"]:
        _echo(message("summary_errors", lang, files=len(specs), **counts), err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Ghi ra tệp thay vì màn hình / write to a file.")
@LANG_OPTION
@_reports_errors
def schema(output: Path | None, lang: str | None) -> None:
    """In JSON Schema của tệp kế hoạch (cho VS Code) / print the spec's JSON Schema."""
    text = _schema_text()
    if output:
        _write_output(output, text, "plangen.schema.json")
    else:
        _echo(text, nl=False)


@main.command()
@click.option("--locality", required=True, metavar="ĐỊA-PHƯƠNG",
              help="Địa phương ban hành, vd. \"tỉnh Đắk Lắk\", \"Tân Mỹ (Quảng Trị)\" hoặc mã "
                   "\"19291\" / the issuing locality, e.g. \"tỉnh Đắk Lắk\".")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Tệp kế hoạch mẫu (.yaml) sẽ ghi / the starter spec to write (.yaml).")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có / overwrite.")
@click.option("--decision", is_flag=True,
              help="Kế hoạch ban hành kèm theo Quyết định / a plan issued by a decision.")
@LANG_OPTION
@_reports_errors
def new(locality: str, output: Path, force: bool, decision: bool, lang: str | None) -> None:
    """Tạo tệp kế hoạch mẫu có chú thích / write a commented starter spec."""
    from plangen.errors import UsageError
    from plangen.messages import current_lang, message
    from plangen.spec.starter import starter_spec

    lang = current_lang(lang)
    if output.is_file() and not force:
        raise UsageError("output_exists", path=str(output))
    _write_output(output, starter_spec(_starter_unit(locality, lang), decision=decision),
                  "ke-hoach.yaml")
    _echo(message("new_written", lang, path=output))
    # the starter's first line points VS Code at this file, for completion as the officer types
    schema_file = output.parent / "plangen.schema.json"
    if not schema_file.exists():
        _write_output(schema_file, _schema_text(), "plangen.schema.json")
        _echo(message("new_schema_written", lang, path=schema_file))


def _starter_unit(name: str, lang: str) -> StarterUnit | str:
    """The unit `plangen new` writes for: looked up (its level's agencies, its province), or,
    when the data does not know it, the name as written, with a warning saying why."""
    from plangen.batch.resolve import LocalityError
    from plangen.messages import message

    try:
        found = _locality(name, lang)
    except LocalityError as exc:
        _echo(message("warning_prefix", lang) + exc.message(lang), err=True)
        _echo(message("new_locality_as_written", lang, name=name), err=True)
        return name
    assert found is not None  # the option is required
    return found.starter_unit()


@main.command()
@click.argument("spec", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Tệp .docx ra (mặc định: cạnh tệp kế hoạch) / output .docx (default: beside "
                   "the spec).")
@click.option("--template", type=click.Path(path_type=Path),
              help="Mẫu Word riêng của tỉnh / a province's own .docx template.")
@click.option("--pdf", is_flag=True, help="Tạo thêm tệp PDF (cần LibreOffice) / also write a PDF.")
@PDFA_OPTION
@LOCALITY_OPTION
@ALLOW_OPTION
@LANG_OPTION
@_reports_errors
def render(spec: Path, output: Path | None, template: Path | None, pdf: bool, pdfa: bool,
           locality_name: str | None, allow: tuple[Path, ...], lang: str | None) -> None:
    """Tạo tệp Word (và PDF) từ tệp kế hoạch / render a spec to .docx (and PDF)."""
    from plangen.batch.build import build
    from plangen.messages import current_lang, message

    lang = current_lang(lang)
    result = build(spec, output, template=template, pdf=pdf, pdfa=pdfa,
                   locality=_locality(locality_name, lang), allow=allow)
    for issue in result.warnings:
        _echo(issue.format(lang), err=True)
    _echo(message("rendered", lang, path=result.docx))
    if result.pdf:
        _echo(message("rendered", lang, path=result.pdf))
    _warn_fallback(result.fallback_fonts, result.docx, lang)
    if result.pdf_error:
        _echo(result.pdf_error.message(lang), err=True)
        sys.exit(result.pdf_error.exit_code)


@main.command()
@click.argument("base", type=click.Path(path_type=Path))
@click.option("--localities", "selector", required=True, metavar="CHỌN",
              help="all-provinces, all-communes, TỈNH/communes (vd. dak-lak/communes) hoặc "
                   "tệp bảng .xlsx/.csv/.yaml (bảng mẫu: plangen localities TỈNH --table "
                   "xa.xlsx) / which localities.")
@click.option("--sheet", metavar="TRANG",
              help="Trang tính của bảng .xlsx (mặc định: trang đầu) / the .xlsx sheet "
                   "(default: the first).")
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path),
              metavar="THƯ-MỤC",
              help="Thư mục ra / output folder.")
@click.option("--pdf", is_flag=True, help="Tạo thêm PDF (cần LibreOffice) / also PDFs.")
@PDFA_OPTION
@click.option("--jobs", type=click.IntRange(0, 64), default=0, show_default=True,
              help="Số tiến trình song song (0: theo số lõi) / worker processes (0: one per core).")
@click.option("--template", type=click.Path(path_type=Path),
              help="Mẫu Word riêng của tỉnh / a province's own .docx template.")
@ALLOW_OPTION
@click.option("--force", is_flag=True,
              help="Tạo lại cả tệp chưa thay đổi, ghi đè cả tệp đã sửa hoặc không do plangen "
                   "ghi / re-render up-to-date outputs, write over edited or foreign files.")
@click.option("--assignments", "with_assignments", is_flag=True,
              help="Ghi thêm bảng phân công (.xlsx) của từng địa phương cạnh kế hoạch / also "
                   "each locality's assignment workbook.")
@click.option("--no-check", "skip_check", is_flag=True,
              help="Bỏ kiểm tra thể thức từng tệp trước khi ghi / skip the NĐ 30 self-check "
                   "of each file.")
@LANG_OPTION
@_reports_errors
def batch(base: Path, selector: str, sheet: str | None, outdir: Path, pdf: bool, pdfa: bool,
          jobs: int, template: Path | None, allow: tuple[Path, ...], force: bool,
          with_assignments: bool, skip_check: bool, lang: str | None) -> None:
    """Tạo kế hoạch cho nhiều địa phương từ một kế hoạch gốc / one plan per locality."""
    from plangen.batch.run import BatchOptions, run_batch
    from plangen.errors import UsageError
    from plangen.messages import current_lang, message

    lang = current_lang(lang)
    _require_files((base,) + ((template,) if template else ()))
    if outdir.exists() and not outdir.is_dir():
        raise UsageError("output_not_folder", path=str(outdir))
    if sheet is not None and Path(selector).suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError("batch_sheet_needs_xlsx", selector=selector)  # else it is ignored
    options = BatchOptions(base, selector, outdir, pdf=pdf, jobs=jobs, template=template,
                           allow=allow, force=force, lang=lang, check=not skip_check, pdfa=pdfa,
                           sheet=sheet, assignments=with_assignments)
    def warn(issues: list[SpecIssue]) -> None:  # the table's (all of report.warnings), said
        for issue in issues:  # before the first plan is made: a wrong table is stopped at once
            _echo(issue.format(lang), err=True)

    said: list[Any] = []  # the table's failed rows, said before any plan is made

    def rows_failed(items: list[Any]) -> None:
        said.extend(items)
        _echo(message("batch_rows_failed", lang, rows=len(items),
                      count=sum(len(item.issues) or 1 for item in items)), err=True)
        for item in items:
            for issue in item.issues:
                _echo("  " + issue.format(lang), err=True)
            if not item.issues:
                _echo("  " + item.message, err=True)

    with contextlib.ExitStack() as stack:
        bars: list[Any] = []

        def start(total: int) -> None:  # the bar after the warnings, never amid them
            bars.append(stack.enter_context(click.progressbar(
                length=max(total, 1), label=message("batch_progress", lang), file=sys.stderr,
                show_pos=True)))

        report = run_batch(options, progress=lambda _: bars[0].update(1), on_start=start,
                           on_warnings=warn, on_failed_rows=rows_failed)
    _report_warnings(report.items, lang, outdir / "index.csv")
    _report_failures([item for item in report.failed
                      if not any(item is row for row in said)], lang)
    made = next((item for item in report.items if item.docx), None)
    if made is not None:
        _warn_fallback(report.fallback_fonts, Path(made.docx or ""), lang)
    _echo(message("batch_summary", lang, total=_count(len(report.items), lang),
                  written=_count(report.count("written"), lang),
                  fresh=_count(report.count("up-to-date"), lang),
                  failed=_count(len(report.failed), lang),
                  seconds=f"{report.seconds:.1f}".replace(".", "." if lang == "en" else ","),
                  index=outdir / "index.csv"))
    if pdf or pdfa:
        _echo(message("batch_pdfs", lang, count=report.pdfs_written))
    sys.exit(1 if report.failed else 0)


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _count(number: int, lang: str) -> str:
    """3321 as the language writes it: "3.321", "3,321"."""
    shown = f"{number:,}"
    return shown if lang == "en" else shown.replace(",", ".")


def _report_warnings(items: list[Any], lang: str, index: Path) -> None:
    """Each warning of the delivered plans once, most given first, with how many plans give
    it and the first of them: a base plan's warning in 3,321 communes is one line, not 3,321.
    Past the first hundred, the rest are counted (all are in the index)."""
    from plangen.errors import SHOWN_ISSUES
    from plangen.messages import message

    delivered = [item for item in items if item.docx]
    where: dict[str, list[str]] = {}
    for item in delivered:
        for line in item.warnings:
            where.setdefault(line, []).append(" ".join((item.name or item.row).split()))
    groups = sorted(where.items(), key=lambda group: -len(group[1]))  # stable: first seen
    for line, names in groups[:SHOWN_ISSUES]:
        if len(names) == 1:
            text = f"{names[0]}: {line}"  # a plan of its own: by name, in either language
        elif len(names) == len(delivered):
            text = message("batch_warning_all", lang, count=_count(len(names), lang),
                           issue=line)
        else:
            shown = ", ".join(names[:3])
            if len(names) > 3:
                shown = message("batch_names_more", lang, names=shown,
                                rest=_count(len(names) - 3, lang))
            text = message("batch_warning_many", lang, count=_count(len(names), lang),
                           issue=line, names=shown)
        _echo(text, err=True)
    if len(groups) > SHOWN_ISSUES:
        _echo(message("batch_more_warnings", lang, count=_count(len(groups) - SHOWN_ISSUES,
                                                                lang), index=index), err=True)


def _report_failures(failed: list[Any], lang: str) -> None:
    """Each problem once, with the localities it affects: a base-file mistake repeated in
    3,321 communes is one line to fix, not 3,321."""
    from plangen.errors import issue_lines
    from plangen.messages import message

    where: dict[str, list[str]] = {}
    for item in failed:
        for line in issue_lines(item.issues, lang) or [item.message]:
            where.setdefault(line, []).append(item.name or item.row)  # a row naming none
    for line, names in where.items():
        shown = ", ".join(" ".join(name.split()) for name in names[:3]) + (
            ", …" if len(names) > 3 else "")  # a name written on two lines of a cell: one
        _echo(message("batch_issue", lang, count=len(names), names=shown, issue=line),
                   err=True)


@main.command()
@click.argument("province", required=False, metavar="[TỈNH]")
@click.option("--search", "query", metavar="TÊN",
              help="Tìm theo tên, có dấu hay không dấu (\"tân mỹ\") / search by name, with or "
                   "without diacritics (\"tan my\").")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="Dạng in ra / output format.")
@click.option("--table", "table_path", type=click.Path(path_type=Path), metavar="TỆP",
              help="Ghi bảng địa phương để điền rồi dùng với batch (.xlsx hoặc .csv), mã đã "
                   "điền sẵn / write a ready-to-fill locality table for batch (.xlsx or .csv), "
                   "codes filled in.")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có / overwrite.")
@LANG_OPTION
@_reports_errors
def localities(province: str | None, query: str | None, fmt: str, table_path: Path | None,
               force: bool, lang: str | None) -> None:
    """Tra cứu tỉnh, xã, phường và mã; tạo bảng địa phương / look up units and codes.

    Không có TỈNH: 34 tỉnh, thành phố; có TỈNH (tên, mã hay quang-tri): các xã, phường,
    đặc khu của tỉnh đó / no PROVINCE: the 34 provinces; with one: its communes."""
    from plangen.batch.listing import format_units, list_units, write_table
    from plangen.errors import UsageError
    from plangen.messages import current_lang, message

    lang = current_lang(lang)
    units, notes = list_units(province, query)
    for code, params in notes:
        _echo(message("warning_prefix", lang) + message(code, lang, **params), err=True)
    if not units:
        _echo(message("localities_none", lang, query=query or province or ""), err=True)
        sys.exit(1)
    if table_path is None:
        _echo(format_units(units, fmt, lang), nl=False)
        return
    if table_path.is_dir():
        raise UsageError("output_is_folder", path=str(table_path),
                         example=str(table_path / "xa.xlsx"))
    if table_path.exists() and not force:
        raise UsageError("output_exists", path=str(table_path))
    write_table(table_path, units, lang)
    _echo(message("localities_table_written", lang, path=table_path, count=len(units)))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--schemas", type=click.Path(path_type=Path), metavar="THƯ-MỤC",
              help="Thư mục lược đồ OOXML khác (có wml.xsd; mặc định: lược đồ kèm plangen; "
                   "hoặc đặt PLANGEN_SCHEMAS) / another OOXML schema folder (default: the "
                   "bundled schemas).")
@click.option("--no-schemas", "skip_schemas", is_flag=True,
              help="Bỏ kiểm tra lược đồ XSD / skip the XSD check.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON / JSON output.")
@LANG_OPTION
@_reports_errors
def check(files: tuple[Path, ...], schemas: Path | None, skip_schemas: bool, as_json: bool,
          lang: str | None) -> None:
    """Kiểm tra tệp Word (.docx) theo thể thức NĐ 30 / check .docx files against NĐ 30."""
    from plangen.check.api import check_file
    from plangen.check.report import format_json, format_text
    from plangen.check.schema import load_schema, schema_folder
    from plangen.errors import UsageError
    from plangen.messages import current_lang

    lang = current_lang(lang)
    for path in files:  # every usage error before any output
        if path.is_dir():
            raise UsageError("check_is_directory", path=str(path))
        if not path.exists():
            raise UsageError("check_missing_file", path=str(path))
    if schemas is not None and skip_schemas:
        raise UsageError("check_schemas_conflict")
    folder = schema_folder(schemas, skip=skip_schemas)
    if folder is not None:
        load_schema(folder)
    reports = [check_file(path, schemas=folder) for path in files]
    _echo((format_json if as_json else format_text)(reports, lang), nl=False)
    sys.exit(0 if all(report.ok for report in reports) else 1)


@main.command()
@click.argument("spec", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Tệp Excel ra (mặc định: cạnh tệp kế hoạch, đuôi -phan-cong.xlsx) / output "
                   ".xlsx (default: beside the spec).")
@click.option("--ics", type=click.Path(path_type=Path),
              help="Ghi thêm lịch các thời hạn (.ics) cho Outlook, Google Calendar / also write "
                   "the deadlines as a calendar.")
@LOCALITY_OPTION
@ALLOW_OPTION
@LANG_OPTION
@_reports_errors
def assignments(spec: Path, output: Path | None, ics: Path | None, locality_name: str | None,
                allow: tuple[Path, ...], lang: str | None) -> None:
    """Bảng phân công nhiệm vụ (Excel) để các cơ quan báo cáo / the assignment workbook."""
    from plangen.messages import current_lang, message
    from plangen.track.api import write_assignments

    lang = current_lang(lang)
    _require_files((spec,))
    target = output or spec.with_name(f"{spec.stem}-phan-cong.xlsx")
    written = write_assignments(spec, target, ics, locality=_locality(locality_name),
                                allow=allow)
    for issue in written.warnings:
        _echo(issue.format(lang), err=True)
    for path in written.files:
        _echo(message("track_written", lang, path=path))


def _as_of(value: str | None) -> datetime.date:
    """The report's date from "15/6/2026" (today when not given)."""
    from plangen.errors import UsageError

    if value is None:
        return datetime.date.today()
    parts = value.replace("-", "/").replace(".", "/").split("/")
    try:
        day, month, year = (int(part) for part in parts)
        return datetime.date(year, month, day)
    except ValueError:
        raise UsageError("report_bad_as_of", value=value) from None


@main.command()
@click.argument("spec", type=click.Path(path_type=Path))
@click.argument("filled", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Tệp báo cáo .docx ra / output .docx.")
@click.option("--as-of", "as_of", metavar="NGÀY",
              help="Tính đến ngày (vd. 15/6/2026; mặc định: hôm nay) / the report's date (e.g. "
                   "15/6/2026; default: today).")
@click.option("--pdf", is_flag=True, help="Tạo thêm tệp PDF (cần LibreOffice) / also a PDF.")
@click.option("--issuer", metavar="CƠ-QUAN",
              help="Cơ quan báo cáo (mặc định: cơ quan ban hành kế hoạch) / the reporting "
                   "agency.")
@click.option("--signature-line", "signature_lines", multiple=True, metavar="DÒNG",
              help="Dòng chức vụ người ký, theo thứ tự (\"KT. GIÁM ĐỐC\") / the signer's title "
                   "lines, in order (\"KT. GIÁM ĐỐC\").")
@click.option("--signer", metavar="HỌ-TÊN", help="Họ và tên người ký / the signer's name.")
@click.option("--recipient", "recipients", multiple=True, metavar="NƠI-NHẬN",
              help="Nơi nhận, mỗi lần một dòng; dòng cuối \"Lưu: VT\" / a recipient, one line "
                   "each time; the last \"Lưu: VT\".")
@click.option("--number", metavar="SỐ", help="Số báo cáo (\"12\") / the report's number.")
@click.option("--template", type=click.Path(path_type=Path),
              help="Mẫu Word riêng của tỉnh / a province's own .docx template.")
@LOCALITY_OPTION
@ALLOW_OPTION
@LANG_OPTION
@_reports_errors
def report(spec: Path, filled: tuple[Path, ...], output: Path, as_of: str | None, pdf: bool,
           issuer: str | None, signature_lines: tuple[str, ...], signer: str | None,
           recipients: tuple[str, ...], number: str | None, template: Path | None,
           locality_name: str | None, allow: tuple[Path, ...], lang: str | None) -> None:
    """Báo cáo kết quả thực hiện kế hoạch từ các bảng đã điền / the progress report."""
    from plangen.errors import UsageError
    from plangen.messages import current_lang, message
    from plangen.track.api import write_report
    from plangen.track.options import ReportOptions

    lang = current_lang(lang)
    _require_files((spec, *filled) + ((template,) if template else ()))
    if output.is_dir():
        raise UsageError("output_is_folder", path=str(output), example=str(output / "bao-cao.docx"))
    options = ReportOptions(issuer=issuer, signature_lines=signature_lines, signer=signer,
                            recipients=recipients, number=number)
    written = write_report(spec, filled, output, as_of=_as_of(as_of), options=options,
                           template=template, pdf=pdf, locality=_locality(locality_name),
                           allow=allow)
    for issue in written.warnings:
        _echo(issue.format(lang), err=True)
    for path in written.files:
        _echo(message("track_written", lang, path=path))


@main.command()
@click.argument("spec", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Tệp hình ra, .png hoặc .svg; .docx: kế hoạch kèm biểu đồ ở trang phụ lục "
                   "cuối / a .png or .svg picture, or .docx: the plan with the chart as an "
                   "appendix page.")
@click.option("--template", type=click.Path(path_type=Path),
              help="Mẫu Word riêng của tỉnh (cho .docx) / a province's own .docx template.")
@LOCALITY_OPTION
@ALLOW_OPTION
@LANG_OPTION
@_reports_errors
def timeline(spec: Path, output: Path, template: Path | None, locality_name: str | None,
             allow: tuple[Path, ...], lang: str | None) -> None:
    """Biểu đồ tiến độ các nhiệm vụ theo cơ quan chủ trì / the plan's timeline chart."""
    from plangen.messages import current_lang, message
    from plangen.track.api import write_timeline

    lang = current_lang(lang)
    _require_files((spec,))
    written = write_timeline(spec, output, locality=_locality(locality_name), allow=allow,
                             template=template)
    for issue in written.warnings:
        _echo(issue.format(lang), err=True)
    _echo(message("track_written", lang, path=output))


@main.command()
@click.argument("source", metavar="TỆP")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Tệp YAML ra (mặc định: cạnh tệp vào, đuôi .yaml) / output spec (default: "
                   "beside the input, .yaml).")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có / overwrite.")
@LANG_OPTION
@_reports_errors
def extract(source: str, output: Path | None, force: bool, lang: str | None) -> None:
    """Đọc kế hoạch cũ thành tệp YAML / import an existing plan as a spec.

    TỆP là tệp .docx hoặc .txt, hoặc - để đọc từ đầu vào chuẩn / a .docx or text file, or -
    for standard input."""
    from plangen.errors import UsageError
    from plangen.extract import extract_bytes, extract_path
    from plangen.extract.reader import MAX_DOCX_BYTES
    from plangen.extract.summary import summary_lines
    from plangen.files import permissions_of, write_atomic
    from plangen.messages import current_lang, message

    lang = current_lang(lang)
    if source == "-":
        if output is None:
            raise UsageError("extract_stdin_needs_output")
    else:
        if Path(source).is_dir():
            raise UsageError("extract_input_is_folder", path=source)
        _require_files((Path(source),))
        output = output or Path(source).with_suffix(".yaml")
        if output.resolve() == Path(source).resolve():
            raise UsageError("extract_output_is_input", path=str(output))
    if output.is_dir():
        raise UsageError("output_is_folder", path=str(output),
                         example=str(output / "ke-hoach.yaml"))
    if output.exists() and not force:
        raise UsageError("output_exists", path=str(output))
    if source == "-":
        data = sys.stdin.buffer.read(MAX_DOCX_BYTES + 1)  # bounded
        extraction = extract_bytes(data, "-", str(output), lang)
    else:
        extraction = extract_path(Path(source), str(output), lang)
    # never more readable than what it was read from (a private file stays private)
    write_atomic(output, extraction.yaml_text.encode("utf-8"),
                 no_wider_than=None if source == "-" else permissions_of(Path(source)))
    for line in summary_lines(extraction, lang):
        _echo(line)
    for issue in extraction.issues:
        _echo(issue.format(lang), err=True)
    _echo(message("extract_written", lang, path=output))
    if extraction.errors:
        _echo(message("extract_invalid", lang, count=len(extraction.errors)), err=True)
        sys.exit(1)


@main.command()
@LANG_OPTION
@_reports_errors
def doctor(lang: str | None) -> None:
    """Kiểm tra máy có đủ LibreOffice, phông tiếng Việt, lược đồ / check this machine."""
    from plangen.doctor.checks import diagnose, report_lines
    from plangen.messages import current_lang

    lang = current_lang(lang)
    found = diagnose()
    for line in report_lines(found, lang):
        click.echo(line)
    sys.exit(0 if all(diagnosis.ok for diagnosis in found) else 1)
