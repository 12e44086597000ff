"""`plangen localities`: list and search the units, and write a ready-to-fill locality table.

With no province, the 34 provinces; with one, its communes, wards and special zones; a search
narrows either (diacritics optional). Printed as an aligned table, CSV or JSON; written as a
table (.xlsx or CSV) holding every column `batch` reads, the codes and names filled in.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from plangen.batch.localities import Locality, all_provinces, communes_of
from plangen.batch.resolve import Note, province_of, search
from plangen.batch.sheets import xlsx_bytes
from plangen.batch.tables import COLUMNS
from plangen.errors import UsageError
from plangen.files import write_atomic

FIELDS = ("code", "kind", "name", "full_name", "province", "province_code")
_HEADINGS = {"vi": ("Mã", "Loại", "Tên", "Tên đầy đủ", "Tỉnh", "Mã tỉnh"),
             "en": ("Code", "Kind", "Name", "Full name", "Province", "Province code")}
TABLE_SUFFIXES = (".xlsx", ".csv")


def list_units(province: str | None = None,
               query: str | None = None) -> tuple[list[Locality], list[Note]]:
    """The units to show, in the official order, and warnings (a former province's name)."""
    notes: list[Note] = []
    scope = None
    if province:
        scope, notes = province_of(province)
    if query:
        return search(query, scope), notes
    return (communes_of(scope) if scope else all_provinces()), notes


def unit_row(unit: Locality) -> dict[str, str]:
    """One unit's fields, as printed."""
    parent = unit.province
    return {"code": unit.code, "kind": unit.kind, "name": unit.name,
            "full_name": unit.full_name, "province": parent.full_name if parent else "",
            "province_code": parent.code if parent else ""}


def format_units(units: list[Locality], fmt: str, lang: str) -> str:
    """`units` as an aligned table ("table"), CSV ("csv") or JSON ("json")."""
    rows = [unit_row(unit) for unit in units]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(FIELDS)
        writer.writerows([row[name] for name in FIELDS] for row in rows)
        return buffer.getvalue()
    shown = ("code", "kind", "full_name", "province")
    headings = dict(zip(FIELDS, _HEADINGS[lang], strict=True))
    lines = [[headings[name] for name in shown], *([row[name] for name in shown]
                                                    for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(shown))]
    return "".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths,
                                                                      strict=True)).rstrip()
                   + "\n" for line in lines)


def table_rows(units: list[Locality], lang: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a blank locality table: every column batch reads, the unit's code,
    name and province filled in, the rest left to the officer."""
    header = [column.vi if lang == "vi" else column.key for column in COLUMNS]
    rows = []
    for unit in units:
        values = {"code": unit.code, "locality": unit.full_name,
                  "province": unit.province.name if unit.province else ""}
        rows.append([values.get(column.key, "") for column in COLUMNS])
    return header, rows


def write_table(path: Path, units: list[Locality], lang: str) -> None:
    """The blank table at `path`: .xlsx (every cell text, so "00070" stays) or CSV UTF-8
    with a BOM, semicolons as Excel on Vietnamese Windows reads them."""
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise UsageError("localities_table_suffix", path=str(path))
    header, rows = table_rows(units, lang)
    if suffix == ".xlsx":
        data = xlsx_bytes(header, rows, "Địa phương" if lang == "vi" else "Localities")
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        data = buffer.getvalue().encode("utf-8-sig")
    write_atomic(path, data)
