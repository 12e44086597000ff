"""A locality as an officer writes it -> exactly one unit, or a message saying why not.

Accepted: a name ("Tân Mỹ"), a full name ("xã Tân Mỹ", "TP. Hồ Chí Minh", "Tp Huế"), a code
("19291", "44"), a slug ("quang-tri"), with the province after a comma or in parentheses
("xã Tân Mỹ, tỉnh Quảng Trị", "Tân Mỹ (Quảng Trị)") or given apart (a `province` column).
Case, spacing, the tone mark's place ("Hoà"/"Hòa") and quote styles never matter; missing
diacritics are forgiven when no unit matches as written. A name shared by several units is an
error listing every one of them with the ways to name one. The name of a province merged in
2025 is answered with the province it became, with a warning.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from plangen.batch.former import FORMER_PROVINCES
from plangen.batch.localities import (
    COMMUNE_CODE_DIGITS,
    PROVINCE_CODE_DIGITS,
    Locality,
    all_communes,
    all_provinces,
    slugify,
)
from plangen.errors import UsageError
from plangen.vntext import clean_line, nfc

PROVINCE_LEVEL = ("tỉnh", "thành phố")
DISTRICT_LEVEL = "huyện"  # stands for every district-level kind, gone since 01/7/2025
# written forms of each kind, lower case; the ASCII ones count only as written without marks
_KIND_FORMS: tuple[tuple[str, str], ...] = (
    ("thành phố trung ương", "thành phố"), ("thanh pho trung uong", "thành phố"),
    ("thành phố", "thành phố"), ("thanh pho", "thành phố"), ("t.p.", "thành phố"),
    ("t.p", "thành phố"), ("tp.", "thành phố"), ("tp", "thành phố"),
    ("tỉnh", "tỉnh"), ("tinh", "tỉnh"), ("t.", "tỉnh"),
    ("đặc khu", "đặc khu"), ("dac khu", "đặc khu"), ("đk", "đặc khu"),
    ("phường", "phường"), ("phuong", "phường"), ("p.", "phường"),
    ("xã", "xã"), ("xa", "xã"), ("x.", "xã"),
    ("thị trấn", DISTRICT_LEVEL), ("thi tran", DISTRICT_LEVEL), ("tt.", DISTRICT_LEVEL),
    ("thị xã", DISTRICT_LEVEL), ("thi xa", DISTRICT_LEVEL), ("tx.", DISTRICT_LEVEL),
    ("quận", DISTRICT_LEVEL), ("quan", DISTRICT_LEVEL), ("q.", DISTRICT_LEVEL),
    ("huyện", DISTRICT_LEVEL), ("huyen", DISTRICT_LEVEL), ("h.", DISTRICT_LEVEL),
)
_UNMARKED = frozenset({"thanh pho trung uong", "thanh pho", "tinh", "dac khu", "phuong", "xa",
                       "thi tran", "thi xa", "quan", "huyen"})
_AGENCY_PREFIXES = ("ủy ban nhân dân ", "uỷ ban nhân dân ", "uy ban nhan dan ", "ubnd ")
_ALIASES = {"hcm": "79", "tphcm": "79", "tp-hcm": "79", "sai-gon": "79", "hn": "01"}
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_MARKS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"})
_DASH = re.compile(r"\s*-\s*")

Note = tuple[str, dict[str, Any]]  # a warning: message code and its fields


class LocalityError(UsageError):
    """The text names no unit, or several; the message says which and how to write one."""


@dataclass(frozen=True)
class Resolved:
    """The unit a text names and the warnings reading it raised (a former name)."""

    locality: Locality
    notes: tuple[Note, ...] = ()


# --- keys -------------------------------------------------------------------------------

def exact_key(text: str) -> str:
    """The comparison form of a name as written: case, spacing, quote and dash styles and
    where a tone mark sits ("Hoà", "Hòa") do not count; every letter and mark does."""
    text = _DASH.sub(" - ", clean_line(nfc(text).translate(_MARKS))).casefold()
    words = []
    for word in text.split(" "):
        decomposed = unicodedata.normalize("NFD", word)
        tones = "".join(ch for ch in decomposed if ch in _TONES)
        words.append("".join(ch for ch in decomposed if ch not in _TONES) + tones)
    return " ".join(words)


def loose_key(text: str) -> str:
    """The comparison form without any diacritics or punctuation ("Tân Mỹ" -> "tan-my")."""
    return slugify(nfc(text).translate(_MARKS))


# --- the units, indexed once -------------------------------------------------------------

@dataclass(frozen=True)
class _Index:
    provinces: tuple[Locality, ...]
    by_code: dict[str, Locality]
    exact: dict[str, tuple[Locality, ...]]  # commune name and full name, exact keys
    loose: dict[str, tuple[Locality, ...]]  # the same, loose keys, and slugs
    province_keys: dict[str, Locality]  # exact and loose keys of names, and slugs
    former_keys: dict[str, tuple[str, Locality]]  # former province: (its name, successor)


def _group(pairs: Iterable[tuple[str, Locality]]) -> dict[str, tuple[Locality, ...]]:
    grouped: dict[str, list[Locality]] = {}
    for key, unit in pairs:
        units = grouped.setdefault(key, [])
        if unit not in units:
            units.append(unit)
    return {key: tuple(units) for key, units in grouped.items()}


@lru_cache(maxsize=1)
def _index() -> _Index:
    communes = all_communes()
    provinces = tuple(all_provinces())
    by_code = {unit.code: unit for unit in (*provinces, *communes)}
    exact = _group((key, c) for c in communes for key in (exact_key(c.name),
                                                           exact_key(c.full_name)))
    loose = _group((key, c) for c in communes for key in (loose_key(c.name),
                                                           loose_key(c.full_name), c.slug))
    province_keys = {key: p for p in provinces
                     for key in (exact_key(p.name), loose_key(p.name), p.slug)}
    former_keys = {key: (name, by_code[code]) for name, code in FORMER_PROVINCES.items()
                   for key in (exact_key(name), loose_key(name))}
    return _Index(provinces, by_code, exact, loose, province_keys, former_keys)


# --- reading the text --------------------------------------------------------------------

def _strip_agency(text: str) -> str:
    lowered = text.casefold()
    for prefix in _AGENCY_PREFIXES:
        if lowered.startswith(prefix):
            return text[len(prefix):].strip()
    return text


def split_kind(text: str) -> tuple[str | None, str]:
    """ "xã Tân Mỹ" -> ("xã", "Tân Mỹ"); "TP.HCM" -> ("thành phố", "HCM"); no kind -> None."""
    lowered = text.casefold()
    for form, kind in _KIND_FORMS:
        # "tinh", "quan": a kind only where the whole text is typed without marks
        if not lowered.startswith(form) or (form in _UNMARKED and not text.isascii()):
            continue
        rest = text[len(form):]
        if (form.endswith(".") or rest.startswith(" ")) and rest.strip(" ."):
            return kind, rest.strip(" .")
    return None, text


def _split_province(text: str) -> tuple[str, str | None, list[str]]:
    """ "xã Tân Mỹ, huyện X, tỉnh Quảng Trị" -> ("xã Tân Mỹ", "tỉnh Quảng Trị", ["huyện X"]);
    "Tân Mỹ (Quảng Trị)" -> ("Tân Mỹ", "Quảng Trị", [])."""
    found = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", text)
    if found:
        return found.group(1).strip(), found.group(2).strip(), []
    parts = [part.strip() for part in text.split(",")]
    if len(parts) == 1 or not all(parts):
        return text, None, []
    return parts[0], parts[-1], parts[1:-1]


def _code(text: str) -> str | None:
    """A province code (up to 2 digits) or a commune code (3 to 5), zero-padded."""
    if not text.isdigit() or len(text) > COMMUNE_CODE_DIGITS:
        return None
    digits = PROVINCE_CODE_DIGITS if len(text) <= PROVINCE_CODE_DIGITS else COMMUNE_CODE_DIGITS
    return f"{int(text):0{digits}d}"


# --- provinces ---------------------------------------------------------------------------

def _find_province(text: str, former: bool = True) -> tuple[Locality | None, list[Note]]:
    """Today's province named by `text` (name, full name, slug, code, "TP.HCM"), or, if
    `former`, the one a former province became, with a note saying so."""
    index = _index()
    kind, name = split_kind(_strip_agency(text))
    if kind not in (None, *PROVINCE_LEVEL):
        return None, []
    code = _code(name)
    if code is not None:
        unit = index.by_code.get(code)
        return (unit if unit in index.provinces else None), []
    found = index.province_keys.get(exact_key(name)) or index.province_keys.get(loose_key(name))
    if found is not None:
        return found, []
    if loose_key(name) in _ALIASES:
        return index.by_code[_ALIASES[loose_key(name)]], []
    if not former:
        return None, []
    former_name, successor = (index.former_keys.get(exact_key(name))
                              or index.former_keys.get(loose_key(name)) or ("", None))
    if successor is not None:
        written = f"{kind} {former_name}" if kind else former_name
        return successor, [("locality_former_province",
                            {"name": written, "unit": successor.full_name})]
    return None, []


def province_of(text: str) -> tuple[Locality, list[Note]]:
    """The province named by `text`; raises LocalityError saying which exist."""
    province, notes = _find_province(clean_line(nfc(text)))
    if province is None:
        raise LocalityError("locality_unknown_province", name=text,
                            hint=_close([p.name for p in _index().provinces], text))
    return province, notes


def _close(names: list[str], text: str) -> str:
    by_key = {loose_key(name): name for name in names}
    close = difflib.get_close_matches(loose_key(text), list(by_key), n=1, cutoff=0.6)
    return by_key[close[0]] if close else ""


# --- communes ----------------------------------------------------------------------------

def _lookup(kind: str | None, name: str, scope: Locality | None,
            plain: bool = False) -> tuple[Locality, ...]:
    """Communes named `name`, of `kind` if given, in `scope` if given: as written first,
    then without diacritics (only so when `plain`: the whole text was typed without any)."""
    index = _index()
    # typed without any mark, "Thanh An" may be "Thạnh An" too: compare without marks only
    tables = ((index.exact, exact_key), (index.loose, loose_key))
    for table, key_of in tables[1:] if plain else tables:
        units = tuple(unit for unit in table.get(key_of(name), ())
                      if (kind is None or unit.kind == kind)
                      and (scope is None or unit.province == scope))
        if units:
            return units
    return ()


def units_param(units: Iterable[Locality]) -> list[tuple[str, str, str]]:
    """Units as a message shows them: (full name, province's full name or "", code)."""
    return [(unit.full_name, unit.province.full_name if unit.province else "", unit.code)
            for unit in units]


def resolve(text: object, province: object = None) -> Resolved:
    """The one unit `text` names, within `province` when given (a column or key apart).

    Raises LocalityError: unknown, ambiguous (every candidate listed), in another province.
    """
    written = clean_line(nfc(str(text if text is not None else "")))
    if not written:
        raise LocalityError("locality_empty")
    unit_text, qualifier, middle = _split_province(_strip_agency(written))
    for part in middle:  # "…, huyện Hướng Hóa, tỉnh Quảng Trị": the old district goes
        if split_kind(part)[0] not in (DISTRICT_LEVEL, "thành phố"):
            raise LocalityError("locality_bad_form", name=written, part=part)
    notes: list[Note] = [("locality_district_ignored", {"part": part}) for part in middle]
    scope = None
    for given in (qualifier, clean_line(nfc(str(province))) if province else None):
        if not given:
            continue
        found, more = province_of(given)
        if scope is not None and found != scope:
            raise LocalityError("locality_province_conflict", name=written,
                                first=scope.full_name, second=found.full_name)
        scope = found
        notes.extend(more)
    return Resolved(_resolve_unit(written, unit_text, scope, notes), tuple(notes))


def _resolve_unit(written: str, text: str, scope: Locality | None,
                  notes: list[Note]) -> Locality:
    code = _code(text)
    if code is not None:
        return _by_code(code, scope)
    kind, name = split_kind(text)
    plain = written.isascii()
    provincial = scope is None and kind in (None, *PROVINCE_LEVEL)
    if provincial:  # a province's name wins over a commune's of the same name
        province, _ = _find_province(text, former=False)
        if province is not None:
            return province
    if kind == DISTRICT_LEVEL and not _lookup(None, text, scope):  # "Quan Son" is a name
        raise LocalityError("locality_district_level", name=written,
                            close_units=units_param(_lookup(None, name, scope)))
    units = (_lookup(kind, name, scope, plain)
             if kind not in (*PROVINCE_LEVEL, DISTRICT_LEVEL) else ())
    if not units and kind is not None:  # "Xa Dung" is a name, not "xã Dung"
        units = _lookup(None, text, scope, plain)
        kind, name = (None, text) if units else (kind, name)
    if len(units) == 1:
        return units[0]
    if units:
        raise _ambiguous(written, units)
    if provincial:  # a former province, after today's units
        province, more = _find_province(text)
        if province is not None:
            notes.extend(more)
            return province
    if kind in PROVINCE_LEVEL:
        raise LocalityError("locality_unknown_province", name=written,
                            hint=_close([p.name for p in _index().provinces], name))
    raise _unknown(written, kind, name, scope)


def _by_code(code: str, scope: Locality | None) -> Locality:
    unit = _index().by_code.get(code)
    if unit is None:
        raise LocalityError("locality_unknown_code", unit_code=code)
    if scope is not None and unit.province != scope:
        raise LocalityError("locality_code_elsewhere", unit_code=code,
                            units=units_param([unit]), province=scope.full_name)
    return unit


def _ambiguous(written: str, units: tuple[Locality, ...]) -> LocalityError:
    first = units[0]
    province = first.province
    assert province is not None  # provinces never share a name
    if len({unit.province for unit in units}) == 1:
        return LocalityError("locality_ambiguous_in_province", name=written, count=len(units),
                             units=units_param(units), unit_code=first.code)
    return LocalityError("locality_ambiguous", name=written, count=len(units),
                         units=units_param(units), unit_code=first.code,
                         comma=f"{first.full_name}, {province.full_name}",
                         paren=f"{first.name} ({province.name})", search=first.name)


def _unknown(written: str, kind: str | None, name: str,
             scope: Locality | None) -> LocalityError:
    if scope is not None:
        elsewhere = _lookup(kind, name, None)
        if elsewhere:
            return LocalityError("locality_not_in_province", name=name_as_written(kind, name),
                                 province=scope.full_name, units=units_param(elsewhere))
    other_kind = _lookup(None, name, scope) if kind is not None else ()
    if other_kind:
        return LocalityError("locality_other_kind", name=written, units=units_param(other_kind))
    pool = [c for c in all_communes() if scope is None or c.province == scope]
    by_key = {loose_key(c.name): c for c in pool}
    close = difflib.get_close_matches(loose_key(name), list(by_key), n=3, cutoff=0.75)
    return LocalityError("locality_unknown", name=written, search=name,
                         close_units=units_param(by_key[key] for key in close))


def name_as_written(kind: str | None, name: str) -> str:
    """ "xã Tân Mỹ" from its parts."""
    return f"{kind} {name}" if kind else name


def search(query: str, province: Locality | None = None) -> list[Locality]:
    """Units whose name holds `query` (diacritics optional), within `province` if given;
    provinces too when no province is given. In the official order."""
    wanted = loose_key(query)
    index = _index()
    pool: list[Locality] = [] if province else list(index.provinces)
    pool += [c for c in all_communes() if province is None or c.province == province]
    return [unit for unit in pool if wanted in loose_key(unit.full_name)]
