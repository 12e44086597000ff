"""Word files to PDF with LibreOffice: headless, a private profile, a time limit.

Starting LibreOffice costs about a second, each extra file about a tenth (docx-pitfalls #16),
so `convert_many` converts a whole list in one `soffice` call. A private profile folder lets it
run beside an open LibreOffice and keeps runs from disturbing each other. PDFs appear under
their final names only when complete (made in a work folder, then written atomically).
Every PDF is tagged (structure for screen readers) and carries bookmarks from the headings'
outline levels; `pdfa=True` writes PDF/A-2b for archiving.
Every profile is locked down first (`lock_profile`): links are never updated, a document may
not fetch anything from where it was not loaded from (a linked picture on a server or on this
disk), and macros never run, whatever the .docx holds.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from lxml import etree

from plangen.errors import PdfError
from plangen.files import write_atomic
from plangen.render import guardian

DEFAULT_TIMEOUT = 180.0  # seconds; a first start with a fresh profile can take ~10 s
SOFFICE_ENV = "PLANGEN_SOFFICE"
PDFA_VERSION = 2  # writer_pdf_Export's SelectPdfVersion: 2 is PDF/A-2b


# (configuration path, property, value) LibreOffice runs with; names from its main.xcd schema
LOCKED_SETTINGS = (
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),  # links: never update
    # fetch nothing a document links to from anywhere but trusted locations (there are none)
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
)
REGISTRY = "user/registrymodifications.xcu"
OOR_NS = "http://openoffice.org/2001/registry"
_XCU_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def lock_profile(folder: Path) -> None:
    """Write LOCKED_SETTINGS into the profile `folder` (made or warmed), keeping its other
    settings; LibreOffice reads them when it starts with this profile."""
    path = folder / REGISTRY
    root = None
    if path.is_file():
        with contextlib.suppress(OSError, etree.XMLSyntaxError):
            root = etree.fromstring(path.read_bytes(), _XCU_PARSER)
    if root is None or root.tag != f"{{{OOR_NS}}}items":
        root = etree.Element(f"{{{OOR_NS}}}items", nsmap={
            "oor": OOR_NS, "xs": "http://www.w3.org/2001/XMLSchema",
            "xsi": "http://www.w3.org/2001/XMLSchema-instance"})
    locked = {(where, name) for where, name, _ in LOCKED_SETTINGS}
    for item in list(root):
        prop = item.find("prop")
        if prop is not None and (item.get(f"{{{OOR_NS}}}path"),
                                 prop.get(f"{{{OOR_NS}}}name")) in locked:
            root.remove(item)
    for where, name, value in LOCKED_SETTINGS:
        item = etree.SubElement(root, "item", {f"{{{OOR_NS}}}path": where})
        prop = etree.SubElement(item, "prop", {f"{{{OOR_NS}}}name": name,
                                               f"{{{OOR_NS}}}op": "fuse"})
        etree.SubElement(prop, "value").text = value
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def export_filter(pdfa: bool = False) -> str:
    """The --convert-to argument: LibreOffice's PDF export with its options as JSON."""
    options: dict[str, dict[str, str]] = {
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "ExportBookmarks": {"type": "boolean", "value": "true"},
    }
    if pdfa:
        options["SelectPdfVersion"] = {"type": "long", "value": str(PDFA_VERSION)}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def find_soffice() -> str | None:
    """The LibreOffice program: $PLANGEN_SOFFICE, else `soffice` or `libreoffice` on PATH."""
    return os.environ.get(SOFFICE_ENV) or shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, outdir: Path | None = None, *,
            timeout: float = DEFAULT_TIMEOUT, pdfa: bool = False) -> Path:
    """Convert one .docx to <outdir or its folder>/<name>.pdf; PdfError if none comes out."""
    made = convert_many([path], outdir, timeout=timeout, pdfa=pdfa)
    if path not in made:
        raise PdfError("pdf_failed", status=0, detail=path.name)
    return made[path]


def convert_many(paths: Sequence[Path], outdir: Path | None = None, *,
                 timeout: float = DEFAULT_TIMEOUT, pdfa: bool = False,
                 profile: Path | None = None, durable: bool = True) -> dict[Path, Path]:
    """Convert every file in `paths` to PDF (tagged, with bookmarks; PDF/A-2b when `pdfa`)
    with a single LibreOffice run.

    Each PDF goes to `outdir`, or beside its .docx when `outdir` is None, under the .docx's
    name. Returns {input: pdf} for the files converted; a file missing from the result failed
    on its own. Raises PdfError when LibreOffice is missing, fails for every file or times out.
    `profile` is a profile folder for this run alone (e.g. a copy of a warmed one, see
    `warm_profile`); by default a fresh one is made and removed. `durable` flushes each PDF
    to disk (a batch passes False and syncs once at its end).
    """
    soffice = find_soffice()
    if soffice is None:
        raise PdfError("pdf_no_soffice")
    targets = {path: (outdir or path.parent) / f"{path.stem}.pdf" for path in paths}
    if len(set(targets.values())) != len(targets):
        raise PdfError("pdf_same_name")
    with temporary_folder("plangen-pdf-") as work:
        staged = _stage(paths, Path(work, "in"))
        Path(work, "out").mkdir()
        lock_profile(profile or Path(work, "profile"))
        profile_uri = (profile or Path(work, "profile")).resolve().as_uri()
        command = [soffice, f"-env:UserInstallation={profile_uri}", "--headless", "--norestore",
                   "--nolockcheck", "--nologo", "--nodefault", "--convert-to", export_filter(pdfa),
                   "--outdir", str(Path(work, "out")), *(str(p) for p in staged.values())]
        code, stderr = _run(command, timeout, Path(work))
        done = {}
        for path, source in staged.items():
            pdf = Path(work, "out", f"{source.stem}.pdf")
            if pdf.is_file() and pdf.stat().st_size:
                _deliver(pdf, targets[path], durable)
                done[path] = targets[path]
    if paths and not done:
        raise PdfError("pdf_failed", status=code, detail=_last_line(stderr))
    return done


def _deliver(made: Path, target: Path, durable: bool) -> None:
    """Put the PDF LibreOffice `made` (whole: its run has ended) at `target`, atomically:
    moved there when both are on one file system, else copied."""
    if not target.is_dir():  # (a folder there: write_atomic's error says so)
        try:
            os.replace(made, target)
        except OSError:
            pass  # another file system (EXDEV), or a folder missing: copied below
        else:
            if durable:
                with open(target, "rb") as stream:
                    os.fsync(stream.fileno())
            return
    write_atomic(target, made.read_bytes(), durable=durable)


def warm_profile(folder: Path, *, timeout: float = DEFAULT_TIMEOUT) -> bool:
    """Let LibreOffice create its profile in `folder` and stop (its first start with a new
    profile is the slowest). True when the profile is there; copies of it start faster."""
    soffice = find_soffice()
    if soffice is None:
        return False
    try:
        lock_profile(folder)
    except OSError:
        return False
    command = [soffice, f"-env:UserInstallation={folder.resolve().as_uri()}", "--headless",
               "--norestore", "--nolockcheck", "--nologo", "--nodefault",
               "--terminate_after_init"]
    try:
        _run(command, timeout, folder.parent)
    except PdfError:
        return False
    return (folder / "user").is_dir()


@contextlib.contextmanager
def temporary_folder(prefix: str) -> Iterator[str]:
    """A new folder in the temporary folder, removed at the end, and by the guardian should
    plangen be SIGKILLed meanwhile."""
    folder = tempfile.mkdtemp(prefix=prefix)
    guardian.watch_folder(Path(folder))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        guardian.unwatch_folder(Path(folder))


def _stage(paths: Sequence[Path], folder: Path) -> dict[Path, Path]:
    """Links to the inputs under distinct names, so two "ke-hoach.docx" never collide."""
    folder.mkdir()
    staged = {}
    for index, path in enumerate(paths):
        link = folder / f"{index:05d}{path.suffix}"
        try:
            link.symlink_to(path.resolve())
        except OSError:  # no symlinks (some Windows setups): copy instead
            shutil.copyfile(path, link)
        staged[path] = link
    return staged


_RUNNING: set[subprocess.Popen[bytes]] = set()  # this process's LibreOffice runs
_RUNNING_LOCK = threading.Lock()


def _run(command: list[str], timeout: float, temp: Path) -> tuple[int, str]:
    """Run LibreOffice in its own process group, so a timeout stops all of its processes,
    with its temporary files (lu*.tmp) in `temp`, a folder removed after the run even when
    LibreOffice is killed."""
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   stdin=subprocess.DEVNULL, start_new_session=True,
                                   env={**os.environ, "TMPDIR": str(temp)})
    except OSError as exc:
        raise PdfError("pdf_failed", status=-1, detail=exc.strerror or str(exc)) from exc
    with _RUNNING_LOCK:
        _RUNNING.add(process)
    guardian.watch_group(process.pid)  # killed by the guardian should plangen be SIGKILLed
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _stop(process)
        raise PdfError("pdf_timeout", seconds=round(timeout)) from exc
    except BaseException:
        _stop(process)
        raise
    finally:
        with _RUNNING_LOCK:
            _RUNNING.discard(process)
        guardian.unwatch_group(process.pid)
    return process.returncode, stderr.decode("utf-8", "replace")


def stop_all() -> None:
    """Kill every LibreOffice run this process has going (each whole process group): a batch
    stopped by Ctrl-C or SIGTERM while its threads convert. Each run's thread then sees it
    end, and removes its work folder."""
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for process in running:
        _kill(process)


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows has no process groups
            process.kill()


def _stop(process: subprocess.Popen[bytes]) -> None:
    _kill(process)
    process.communicate()


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "không rõ lý do / no reason given"
