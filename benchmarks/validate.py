"""How long `plangen validate` takes for a spec with many unknown keys (issue 14.8).

    python3 benchmarks/validate.py                 # 1,000, 5,000 and 10,000 keys
    python3 benchmarks/validate.py -n 20000

Each figure is the median of --repeat runs of check_spec in this process (the YAML is read
each time), with the load average: the figures mean little without it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import SMALL_PLAN  # noqa: E402

from plangen.errors import issue_lines  # noqa: E402
from plangen.spec.api import check_spec  # noqa: E402


def spec_with(keys: int, folder: Path) -> Path:
    data = dict(SMALL_PLAN)
    data.update({f"khoa_la_{number}": number for number in range(keys)})
    path = folder / f"unknown-{keys}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, action="append", help="unknown keys (repeatable)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as work:
        for keys in args.n or [1000, 5000, 10000]:
            spec = spec_with(keys, Path(work))
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                checked = check_spec(spec)
                issue_lines(list(checked.issues))
                times.append(time.perf_counter() - started)
            print(f"{keys:>6} unknown keys: {len(checked.issues)} issues, "
                  f"{statistics.median(times):.2f} s (median of {args.repeat})")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
