"""`plangen --version` and `--help` start fast: they load click and the command table only,
never YAML, cerberus, lxml, the Word libraries or the message catalogue (cli.py imports what a
command needs when it runs). Timing itself is in benchmarks/batch.py, not here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from plangen import __version__

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("yaml", "cerberus", "lxml", "docx", "docxtpl", "jinja2", "openpyxl", "matplotlib")
PROBE = """
import sys
from plangen.cli import main
try:
    main({args!r}, prog_name="plangen")
except SystemExit:
    pass
loaded = sorted(name for name in sys.modules
                if name.split(".")[0] in {heavy!r} or name.startswith("plangen"))
print("LOADED", " ".join(loaded))
"""


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_version_and_help_load_no_heavy_module(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE.format(args=args, heavy=HEAVY)],
                          capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    line = next(line for line in done.stdout.splitlines() if line.startswith("LOADED"))
    assert line.split()[1:] == ["plangen", "plangen.cli", "plangen.clihelp"], line
    if args == ["--version"]:
        assert "plangen, version 0.1.0" in done.stdout


LAUNCH = """
import sys
sys.argv = ["plangen", *{args!r}]
from plangen.launch import main
try:
    main()
except SystemExit:
    pass
print("LOADED", " ".join(sorted(name for name in sys.modules
                                if name.split(".")[0] in ("click", "plangen"))))
"""


def test_the_entry_point_answers_version_without_click() -> None:
    def run(code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})

    fast = run(LAUNCH.format(args=["--version"]))
    assert fast.stdout.splitlines()[-1].split()[1:] == ["plangen", "plangen.launch"]
    # the same line click prints
    through_click = run(PROBE.format(args=["--version"], heavy=HEAVY))
    assert fast.stdout.splitlines()[0] == through_click.stdout.splitlines()[0]
    # anything else is the full command line
    helped = run(LAUNCH.format(args=["--help"]))
    assert "plangen.cli" in helped.stdout.splitlines()[-1] and "batch" in helped.stdout


@pytest.mark.parametrize("args", [["--version"], ["--lang", "en", "--version"],
                                  ["--lang", "vi", "--version"]])
def test_the_version_line_names_plangen_however_it_is_started(args: list[str]) -> None:
    """`python -m plangen --lang en --version` printed "python -m plangen, version …"."""
    done = subprocess.run([sys.executable, "-m", "plangen", *args], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    assert done.stdout == f"plangen, version {__version__}\n"
