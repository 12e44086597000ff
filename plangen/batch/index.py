"""The index of a batch's output folder: `index.json`, `index.csv` and `index.xlsx`.

One row per locality (code, name, table row, status, files, message, checksums). A batch over
some of a folder's localities updates their rows and keeps the others', so the index always
describes the whole folder. `index.json` is for programs (and the next run): its keys and
statuses are plangen's own words. `index.csv` and `index.xlsx` are for officers: their
column titles and statuses are in the run's language. Excel would read a CSV cell that starts
with "=", "+", "-", "@" (or a tab or carriage return) as a formula, so it gets a leading
apostrophe; `index.xlsx` holds every cell as text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from plangen import __version__
from plangen.batch.sheets import xlsx_bytes
from plangen.errors import PlangenError
from plangen.files import InputTooLarge, read_bounded, write_atomic
from plangen.messages import CATALOG, Lang, message

INDEX_JSON, INDEX_CSV, INDEX_XLSX = "index.json", "index.csv", "index.xlsx"
FIELDS = ("code", "locality", "status", "docx", "pdf", "message", "row", "digest", "sha256")
MAX_INDEX_BYTES = 64 * 1024 * 1024  # 3,321 rows are about 2 MB
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def previous_rows(outdir: Path) -> list[dict[str, Any]]:
    """The rows of the folder's index.json, or none when it is missing or unreadable."""
    try:  # bounded, and never blocking on a FIFO or reading /dev/zero behind a link
        text = read_bounded(outdir / INDEX_JSON, MAX_INDEX_BYTES).decode("utf-8")
        rows = json.loads(text)["items"]
    except (OSError, ValueError, KeyError, TypeError, PlangenError, InputTooLarge):
        return []
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def is_plangen_index(outdir: Path) -> bool:
    """Whether `outdir/index.json` is an index plangen wrote (not someone's own file)."""
    try:
        data = json.loads(read_bounded(outdir / INDEX_JSON, MAX_INDEX_BYTES).decode("utf-8"))
    except (OSError, ValueError, PlangenError, InputTooLarge):
        return False
    return isinstance(data, dict) and "plangen" in data and isinstance(data.get("items"), list)


def merge_rows(now: list[dict[str, Any]], before: Iterable[dict[str, Any]],
               source: str = "") -> list[dict[str, Any]]:
    """This run's rows, and the earlier rows of localities this run did not cover.

    An earlier row without a code (a table row that named no unit) is kept unless it came
    from the table this run read (`source`), whose rows were all read again."""
    codes = {row["code"] for row in now if row.get("code")}
    kept = []
    for row in before:
        code = row.get("code")
        if code:
            if code not in codes:
                kept.append(row)
        elif not source or str(row.get("row", "")).rpartition(":")[0] != source:
            kept.append(row)
    merged = [{name: row.get(name, "") for name in FIELDS} for row in [*now, *kept]]
    return sorted(merged, key=lambda row: (str(row["code"]) or "~", str(row["locality"]),
                                           str(row["row"])))


def neutralise(value: object) -> str:
    """A CSV cell Excel shows as text: "=1+1" becomes "'=1+1"."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_index(rows: list[dict[str, Any]], outdir: Path, lang: Lang = "vi") -> None:
    """Write the three index files of `rows` (already merged) into `outdir`; the CSV and the
    workbook in `lang`."""
    payload = {"plangen": __version__, "items": rows}
    text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    write_atomic(outdir / INDEX_JSON, text.encode("utf-8"))
    header = [message(f"index_col_{name}", lang) for name in FIELDS]
    table = [[shown_status(row.get(name, ""), lang) if name == "status" else row.get(name, "")
              for name in FIELDS] for row in rows]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([neutralise(value) for value in row] for row in table)
    write_atomic(outdir / INDEX_CSV, buffer.getvalue().encode("utf-8-sig"))
    sheet = "Danh sách" if lang == "vi" else "Index"
    write_atomic(outdir / INDEX_XLSX, xlsx_bytes(header, table, sheet))


def shown_status(status: object, lang: Lang = "vi") -> str:
    """A row's status as officers read it ("written" -> "Đã tạo"); one plangen does not know
    (an index edited by hand) as it is."""
    code = f"index_status_{status}"
    return message(code, lang) if code in CATALOG else str(status or "")
