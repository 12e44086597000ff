"""Issue 14.10: a zip whose headers understate a part's size is stopped while inflating.

The part below declares 1,000 bytes and inflates to 2 GB of zeros (2 MB on disk). `check`,
`extract` and a `--template` each read it in a real process whose address space is capped at
1 GB: inflating in small steps stops at the declared size (then the CRC fails, a clear error);
inflating it whole would run out of memory.
"""

from __future__ import annotations

import os
import resource
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from support.hostile_support import ROOT, dump, no_traceback, plan

MEMORY = 1024 * 1024 * 1024
BLOCKS = 2048  # MB of zeros the part really holds


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def lying_zip(path: Path, name: str = "word/document.xml", declared: int = 1000) -> None:
    """A zip of one deflated part whose headers claim `declared` bytes."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeeze.compress(bytes(1024 * 1024)) + squeeze.flush(zlib.Z_FULL_FLUSH)
    data = block * BLOCKS + b"\x03\x00"  # identical blocks after a full flush, then the end
    crc, raw_name = 0, name.encode()
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(data),
                        declared, len(raw_name), 0) + raw_name
    central = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc,
                          len(data), declared, len(raw_name), 0, 0, 0, 0, 0, 0) + raw_name
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central),
                      len(local) + len(data), 0)
    path.write_bytes(local + data + central + end)


def plangen(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "plangen", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120,
                          preexec_fn=_limit_memory,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PLANGEN_LANG": "en"})


@pytest.mark.parametrize("command", ["check", "extract", "render --template"])
def test_an_understated_part_stops_at_its_declared_size(tmp_path: Path, command: str) -> None:
    bomb = tmp_path / "bomb.docx"
    lying_zip(bomb)
    if command == "check":
        args: list[object] = ["check", bomb]
    elif command == "extract":
        args = ["extract", bomb, "-o", tmp_path / "out.yaml"]
    else:
        spec = tmp_path / "plan.yaml"
        spec.write_text(dump(plan()), encoding="utf-8")
        args = ["render", spec, "--template", bomb, "-o", tmp_path / "out.docx"]
    done = plangen(*args, cwd=tmp_path)
    no_traceback(done.stdout + done.stderr)
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "CRC" in done.stdout + done.stderr, done.stdout + done.stderr
    assert not (tmp_path / "out.yaml").exists() and not (tmp_path / "out.docx").exists()
