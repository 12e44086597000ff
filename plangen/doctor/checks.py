"""The checks of `plangen doctor`, each a function returning one `Diagnosis`."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plangen.check.schema import BUNDLED_SCHEMAS, load_schema
from plangen.errors import UsageError
from plangen.messages import message
from plangen.render.fonts import TWINS, family_key
from plangen.render.pdf import find_soffice

# every letter of Vietnamese beyond ASCII: Latin-1 vowels with marks, ă đ ĩ ũ ơ ư, and the
# Latin Extended Additional block (ạ … ỹ); fontconfig's charset syntax
VIETNAMESE_CHARSET = ("c0-c3 c8-ca cc-cd d2-d5 d9-da dd e0-e3 e8-ea ec-ed f2-f5 f9-fa fd "
                      "102-103 110-111 128-129 168-169 1a0-1a1 1af-1b0 1ea0-1ef9")
DOCUMENT_FONT = "Times New Roman"  # PL1 I.4
FONT_PACKAGE = "fonts-liberation2"
TIMEOUT = 60.0

Runner = Callable[[list[str]], str | None]


@dataclass(frozen=True)
class Diagnosis:
    """One check: its title, whether it passed, what was found, and the fix when it failed."""

    title: str
    ok: bool
    found: str  # message code
    params: dict[str, Any] = field(default_factory=dict)
    fix: str | None = None  # message code of what to run


def run_command(command: list[str]) -> str | None:
    """The command's standard output, or None when it cannot run or fails."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                              stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def libreoffice(run: Runner = run_command) -> Diagnosis:
    """LibreOffice is found and answers with its version."""
    program = find_soffice()
    title = "doctor_libreoffice"
    if program is None:
        return Diagnosis(title, False, "doctor_soffice_missing", fix="doctor_fix_soffice")
    # a fresh profile so that a running LibreOffice does not answer instead
    with tempfile.TemporaryDirectory(prefix="plangen-doctor-") as profile:
        out = run([program, f"-env:UserInstallation={Path(profile).as_uri()}", "--version"])
    version = (out or "").strip().splitlines()
    if not version:
        return Diagnosis(title, False, "doctor_soffice_broken", {"program": program},
                         fix="doctor_fix_soffice")
    return Diagnosis(title, True, "doctor_soffice_ok",
                     {"version": version[0].strip(), "program": program})


def vietnamese_font(run: Runner = run_command) -> Diagnosis:
    """The face fontconfig gives for Times New Roman is it or its metric twin, and holds every
    Vietnamese letter (else LibreOffice sets some letters in another typeface)."""
    title = "doctor_font"
    matched = run(["fc-match", "--format=%{family[0]}", DOCUMENT_FONT])
    covering = run(["fc-list", f":charset={VIETNAMESE_CHARSET}", "family"])
    if matched is None or covering is None:
        return Diagnosis(title, False, "doctor_no_fontconfig", fix="doctor_fix_fontconfig")
    face = matched.strip()
    families = {family_key(name) for line in covering.splitlines()
                for name in line.split(",") if name.strip()}
    twins = {family_key(DOCUMENT_FONT), *TWINS.get(family_key(DOCUMENT_FONT), ())}
    params = {"font": DOCUMENT_FONT, "face": face or "?", "package": FONT_PACKAGE}
    if family_key(face) not in twins:
        return Diagnosis(title, False, "doctor_font_other", params, fix="doctor_fix_font")
    if family_key(face) not in families:
        return Diagnosis(title, False, "doctor_font_incomplete", params, fix="doctor_fix_font")
    return Diagnosis(title, True, "doctor_font_ok", params)


def schemas(folder: Path = BUNDLED_SCHEMAS) -> Diagnosis:
    """The OOXML schemas shipped with plangen load."""
    title = "doctor_schemas"
    try:
        loaded = load_schema(folder)
    except UsageError as exc:
        return Diagnosis(title, False, "doctor_schemas_bad",
                         {"path": str(folder), "detail": {lang: exc.message(lang)
                                                          for lang in ("vi", "en")}},
                         fix="doctor_fix_schemas")
    return Diagnosis(title, True, "doctor_schemas_ok",
                     {"path": str(folder), "count": len(loaded.files)})


def temporary_folder() -> Diagnosis:
    """A temporary folder can be written (LibreOffice works in one)."""
    title = "doctor_temp"
    folder = os.environ.get("TMPDIR") or tempfile.gettempdir()
    try:
        made = Path(tempfile.mkdtemp(prefix="plangen-doctor-", dir=folder))
        (made / "probe").write_bytes(b"plangen")
        shutil.rmtree(made)
    except OSError as exc:
        return Diagnosis(title, False, "doctor_temp_bad",
                         {"path": folder, "detail": exc.strerror or str(exc)},
                         fix="doctor_fix_temp")
    return Diagnosis(title, True, "doctor_temp_ok", {"path": folder})


def diagnose(run: Runner = run_command) -> list[Diagnosis]:
    """Every check, in the order they are printed."""
    return [libreoffice(run), vietnamese_font(run), schemas(), temporary_folder()]


def report_lines(found: list[Diagnosis], lang: str = "vi") -> list[str]:
    """One line per check ("[ĐẠT] LibreOffice: 7.4.7.2 …", "[THIẾU] … Sửa: …"), then the
    summary."""
    lines = []
    for diagnosis in found:
        params = {key: value.get(lang, "") if isinstance(value, dict) else value
                  for key, value in diagnosis.params.items()}
        status = message("doctor_ok" if diagnosis.ok else "doctor_missing", lang)
        line = (f"{status} {message(diagnosis.title, lang)}: "
                f"{message(diagnosis.found, lang, **params)}")
        if diagnosis.fix:
            line += " " + message("doctor_fix", lang,
                                  remedy=message(diagnosis.fix, lang, **params))
        lines.append(line)
    missing = sum(1 for diagnosis in found if not diagnosis.ok)
    lines.append(message("doctor_summary_bad", lang, count=missing) if missing
                 else message("doctor_summary_ok", lang))
    return lines
