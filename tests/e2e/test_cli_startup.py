"""`plangen --version` and `--help` start fast: they load click and the command table only,
never YAML, cerberus, lxml, the Word libraries or the message catalogue (cli.py imports what a
command needs when it runs). Timing itself is in benchmarks/batch.py, not here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
    assert line.split()[1:] == ["plangen", "plangen.cli"], line
    if args == ["--version"]:
        assert "plangen, version 0.1.0" in done.stdout
