"""Resolve Vietnamese administrative units offline: codes, parent chain, 2025 successors.

The data come from the ``vietnamadminunits`` package: its SQLite file (the legacy
63-province structure and the structure in force since 1 July 2025) and its
``converter_2025.json`` (which old commune became which new one). Only the data
files are read; the package's Python code is never imported, because importing it
sets up a geocoder. Nothing here opens a network connection.

Other names the package keeps for a unit (``parser_legacy.json``: the keywords of a
province, district or commune — old names of merged units, spelling variants such as
``Thông Nông`` for today's ``Hà Quảng``, ``Nhân Thành`` for ``Đông Thành``) are looked up
only when a name matches no unit under its own name.

Names are compared on a key that ignores case, tone-mark placement (``Hoà``/``Hòa``),
``i``/``y`` spelling after a consonant (``Kỳ``/``Kì``), ``k``/``c`` before a back vowel
(``Bắc Cạn``/``Bắc Kạn``), apostrophes, hyphens and the ``Đăk``/``Đắk``/``Đak``/``Đác``
variants. A name written without any diacritics that matches
no unit as written is then compared with the diacritics of every unit removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from pipeline.errors import ResourceError
from pipeline.resources import installed_package_dir, load_tsv

LEVELS: tuple[str, ...] = ("province", "district", "commune")
UNRESOLVED_LEVELS: frozenset[str] = frozenset({"village", "other", "country"})
_DATA_PACKAGE = "vietnamadminunits"


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit of the legacy (pre-July-2025) structure."""

    code: str
    name: str
    unit_type: str
    level: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of :func:`resolve`; ``to_dict`` gives the record's ``places`` fields."""

    status: str
    unit: Unit | None = None
    parents: tuple[Unit, ...] = ()
    successor: dict[str, str] | None = None
    candidates: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: status, code, unit_type, parents, successor, candidates."""
        return {
            "status": self.status,
            "code": self.unit.code if self.unit else None,
            "unit_type": self.unit.unit_type if self.unit else None,
            "parents": [{"level": p.level, "name": p.name, "code": p.code} for p in self.parents],
            "successor": dict(self.successor) if self.successor else None,
            "candidates": [{**c, "parents": list(c["parents"])} for c in self.candidates],
        }


NOT_FOUND = Resolution("not_found")


# ---------------------------------------------------------------- name keys

_TONES = {"\u0300": "2", "\u0301": "1", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_APOSTROPHES = re.compile(r"['’‘`ʼ]")
_SEPARATORS = re.compile(r"[\s\-–—_.,;:/()\"“”]+")
_CHECKED = re.compile(r"(?:[ptck]|ch)$")
# A syllable whose only vowel is `y` is also written with `i` (Kỳ/Kì, Mỹ/Mĩ, Quý/Quí).
_CONSONANT_Y = re.compile(r"^(?:b|c|ch|d|đ|g|gh|h|k|kh|l|m|n|ng|nh|p|ph|qu|r|s|t|th|tr|v|x)y$")
_DAK = frozenset({"đak", "đăk", "đac"})
# k before a back vowel is an old or careless spelling of c (Bắc Cạn for Bắc Kạn, Kon is
# never written Con): the key writes both as c.
_K_BEFORE_BACK_VOWEL = re.compile(r"^k(?=[aăâoôơuư])")


def _syllable_key(token: str) -> str:
    """One lower-case syllable with its tone moved to the end as a digit."""
    if token.isdigit():
        return token.lstrip("0") or "0"
    tone = ""
    base: list[str] = []
    for ch in unicodedata.normalize("NFD", token):
        if ch in _TONES:
            tone = tone or _TONES[ch]
        else:
            base.append(ch)
    plain = unicodedata.normalize("NFC", "".join(base))
    if plain in _DAK:  # Đắk, Đăk and Đak are all used for the same Ede/M'nông word
        return "đăk"
    if not tone and _CHECKED.search(plain) and plain.isalpha():
        tone = "1"  # a checked syllable written without a tone is read as sắc (Lăk → Lắk)
    if _CONSONANT_Y.match(plain):
        plain = plain[:-1] + "i"
    return _K_BEFORE_BACK_VOWEL.sub("c", plain) + tone


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).casefold()
    return [t for t in _SEPARATORS.split(_APOSTROPHES.sub("", text)) if t]


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Comparison key of a place name: case, tone placement and spelling variants ignored."""
    return " ".join(_syllable_key(t) for t in _tokens(name))


@lru_cache(maxsize=65536)
def ascii_key(name: str) -> str:
    """Comparison key of a place name with every diacritic removed."""
    text = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    tokens = _tokens(text)
    return "".join(t.lstrip("0") or "0" if t.isdigit() else t for t in tokens)


def _has_diacritics(name: str) -> bool:
    nfd = unicodedata.normalize("NFD", name)
    return any(unicodedata.combining(ch) for ch in nfd) or "đ" in nfd or "Đ" in nfd


# ---------------------------------------------------------------- resources


@dataclass(frozen=True, slots=True)
class _UnitWord:
    word: str
    unit_type: str
    levels: frozenset[str]


@cache
def _unit_words() -> tuple[_UnitWord, ...]:
    words = []
    for row in load_tsv("gazetteer_unit_words.tsv", key="word"):
        levels = frozenset(x.strip() for x in row["levels"].split(",") if x.strip())
        if not row["unit_type"] or not levels or not levels <= set(LEVELS):
            raise ResourceError(f"gazetteer_unit_words.tsv: bad row {row}")
        words.append(_UnitWord(row["word"].casefold(), row["unit_type"], levels))
    return tuple(sorted(words, key=lambda w: -len(w.word)))


def _split_unit_word(name: str) -> tuple[_UnitWord | None, str]:
    """The unit word opening ``name`` (``Thành phố`` in ``Thành phố Sơn La``) and the rest."""
    text = unicodedata.normalize("NFC", name).strip()
    folded = text.casefold()
    for word in _unit_words():
        if folded.startswith(word.word) and len(folded) > len(word.word):
            nxt = folded[len(word.word)]
            rest = text[len(word.word) + 1 :].strip()
            if (nxt.isspace() or nxt == ".") and rest:
                return word, rest
    return None, text


# ---------------------------------------------------------------- the data


@dataclass(frozen=True, slots=True)
class _Entry:
    unit: Unit
    district: str | None  # code of the parent district (communes)
    province: str | None  # code of the province (communes, districts)


@dataclass(frozen=True, slots=True)
class _Data:
    entries: dict[tuple[str, str], _Entry]  # (level, code) -> entry
    by_key: dict[tuple[str, str], tuple[str, ...]]  # (level, name_key) -> codes
    by_ascii: dict[tuple[str, str], tuple[str, ...]]  # (level, ascii_key) -> codes
    successors: dict[tuple[str, str], dict[str, str]]  # (level, code) -> successor


def data_dir() -> Path:
    """The ``data`` folder of the installed ``vietnamadminunits``, found without importing it."""
    package = installed_package_dir(_DATA_PACKAGE)
    if package is None:
        raise ResourceError(f"the package {_DATA_PACKAGE!r} is not installed")
    folder = package / "data"
    for name in ("dataset.db", "converter_2025.json"):
        if not (folder / name).is_file():
            raise ResourceError(f"{folder / name} is missing")
    return folder


def _strip_type(full: str, unit_type: str) -> str:
    """``"Kỳ Anh"`` from ``("Huyện Kỳ Anh", "Huyện")``."""
    if full.casefold().startswith(unit_type.casefold() + " "):
        return full[len(unit_type) + 1 :].strip()
    return full.strip()


def _province_type(full: str) -> str:
    return "thành phố" if full.casefold().startswith("thành phố ") else "tỉnh"


def _rows(db: Path, sql: str) -> list[sqlite3.Row]:
    uri = f"{db.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            conn.row_factory = sqlite3.Row
            return conn.execute(sql).fetchall()
    except sqlite3.Error as err:
        raise ResourceError(f"{db} is unreadable: {err}") from err


def _cache_path(folder: Path) -> Path | None:
    """Where the built gazetteer is cached: ``$VNIE_CACHE_DIR`` (``off`` for no cache),
    else ``$XDG_CACHE_HOME/vnie`` or ``~/.cache/vnie``; the file name is a digest of
    everything the build reads (this module, the alias table, the data files' size and
    time, the Python version), so a changed input is never served from an old cache."""
    setting = os.environ.get("VNIE_CACHE_DIR", "")
    if setting == "off":
        return None
    base = (
        Path(setting)
        if setting
        else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vnie"
    )
    digest = hashlib.sha256(sys.version.encode())
    digest.update(Path(__file__).read_bytes())
    digest.update((Path(__file__).parent / "gazetteer_aliases.tsv").read_bytes())
    for name in ("dataset.db", "converter_2025.json"):
        stat = (folder / name).stat()
        digest.update(f"{folder / name}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return base / f"gazetteer-{digest.hexdigest()[:24]}.json"


def _to_json(data: _Data) -> dict[str, Any]:
    return {
        "entries": [
            [
                *(level, code, e.unit.code, e.unit.name, e.unit.unit_type, e.unit.level),
                *(e.district, e.province),
            ]
            for (level, code), e in data.entries.items()
        ],
        "by_key": [[level, key, list(codes)] for (level, key), codes in data.by_key.items()],
        "by_ascii": [[level, key, list(codes)] for (level, key), codes in data.by_ascii.items()],
        "successors": [[level, code, s] for (level, code), s in data.successors.items()],
    }


def _from_json(obj: dict[str, Any]) -> _Data:
    return _Data(
        {
            (level, code): _Entry(Unit(ucode, name, utype, ulevel), district, province)
            for level, code, ucode, name, utype, ulevel, district, province in obj["entries"]
        },
        {(level, key): tuple(codes) for level, key, codes in obj["by_key"]},
        {(level, key): tuple(codes) for level, key, codes in obj["by_ascii"]},
        {(level, code): s for level, code, s in obj["successors"]},
    )


@cache
def _data() -> _Data:
    """The gazetteer, built once per machine and cached (see :func:`_cache_path`): the
    build reads ~15,000 units from SQLite and takes longer than everything else a cold
    ``vnie extract`` does. Any problem with the cache falls back to building."""
    folder = data_dir()
    try:
        path = _cache_path(folder)
    except OSError:
        path = None
    if path is not None and path.is_file():
        try:
            return _from_json(json.loads(path.read_text(encoding="utf-8")))
        except Exception:  # a damaged cache is rebuilt, never fatal
            pass
    data = _build_data(folder)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=path.parent, delete=False
            ) as handle:
                json.dump(_to_json(data), handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(handle.name, path)
        except OSError:
            pass
    return data


def _build_data(folder: Path) -> _Data:
    """Load the legacy units, the 2025 units and the converter."""
    entries: dict[tuple[str, str], _Entry] = {}
    legacy_keys: dict[str, tuple[str, str]] = {}  # converter key -> (level, code)
    province_keys: dict[str, str] = {}  # legacy provinceKey -> code
    legacy_sql = (
        "SELECT province, provinceKey, provinceCode, district, districtKey, districtType,"
        " districtCode, ward, wardKey, wardType, wardCode FROM admin_units_legacy"
    )
    for r in _rows(folder / "dataset.db", legacy_sql):
        pcode = r["provinceCode"]
        province_keys[r["provinceKey"]] = pcode
        if ("province", pcode) not in entries:
            full = r["province"]
            ptype = _province_type(full)
            unit = Unit(pcode, _strip_type(full, ptype), ptype, "province")
            entries["province", pcode] = _Entry(unit, None, None)
        dcode = r["districtCode"]
        if ("district", dcode) not in entries:
            dtype = r["districtType"]
            unit = Unit(dcode, _strip_type(r["district"], dtype), dtype.lower(), "district")
            entries["district", dcode] = _Entry(unit, None, pcode)
        ward_key = r["wardKey"] or ""
        converter_key = f"{r['provinceKey']}_{r['districtKey']}_{ward_key}"
        if r["wardCode"]:
            wtype = r["wardType"]
            unit = Unit(r["wardCode"], _strip_type(r["ward"], wtype), wtype.lower(), "commune")
            entries["commune", r["wardCode"]] = _Entry(unit, dcode, pcode)
            legacy_keys[converter_key] = ("commune", r["wardCode"])
        else:  # island districts without communes: the converter maps the district itself
            legacy_keys[converter_key] = ("district", dcode)

    successors = _successors(folder, entries, legacy_keys, province_keys)
    by_key: dict[tuple[str, str], list[str]] = {}
    by_ascii: dict[tuple[str, str], list[str]] = {}
    for (level, code), entry in entries.items():
        by_key.setdefault((level, name_key(entry.unit.name)), []).append(code)
        by_ascii.setdefault((level, ascii_key(entry.unit.name)), []).append(code)
    data = _Data(
        entries,
        {k: tuple(v) for k, v in by_key.items()},
        {k: tuple(v) for k, v in by_ascii.items()},
        successors,
    )
    _add_aliases(data)
    return data


def _successors(
    folder: Path,
    entries: dict[tuple[str, str], _Entry],
    legacy_keys: dict[str, tuple[str, str]],
    province_keys: dict[str, str],
) -> dict[tuple[str, str], dict[str, str]]:
    """Post-1-July-2025 unit of every legacy unit, from the package's converter data."""
    new_provinces: dict[str, dict[str, str]] = {}  # new provinceKey -> successor dict
    new_wards: dict[tuple[str, str], dict[str, str]] = {}  # (new provinceKey, wardKey) -> dict
    new_sql = (
        "SELECT province, provinceKey, provinceCode, ward, wardKey, wardType, wardCode"
        " FROM admin_units"
    )
    for r in _rows(folder / "dataset.db", new_sql):
        ptype = _province_type(r["province"])
        pname = _strip_type(r["province"], ptype)
        new_provinces[r["provinceKey"]] = {
            "code": r["provinceCode"],
            "name": pname,
            "unit_type": ptype,
            "province": pname,
        }
        new_wards[r["provinceKey"], r["wardKey"]] = {
            "code": r["wardCode"],
            "name": _strip_type(r["ward"], r["wardType"]),
            "unit_type": r["wardType"].lower(),
            "province": pname,
        }
    try:
        converter = json.loads((folder / "converter_2025.json").read_text(encoding="utf-8"))
        province_map = converter["DICT_PROVINCE"]
        whole = converter["DICT_PROVINCE_WARD_NO_DIVIDED"]
        divided = converter["DICT_PROVINCE_WARD_DIVIDED"]
    except (OSError, ValueError, KeyError) as err:
        raise ResourceError(f"converter_2025.json is unreadable: {err}") from err

    out: dict[tuple[str, str], dict[str, str]] = {}
    for new_key, old_keys in province_map.items():
        for old_key in old_keys:
            out["province", province_keys[old_key]] = new_provinces[new_key]
    for new_province, wards in whole.items():
        for new_ward, old_keys in wards.items():
            for old_key in old_keys:
                if old_key in legacy_keys:
                    out[legacy_keys[old_key]] = new_wards[new_province, new_ward]
    for new_province, splits in divided.items():
        for old_key, parts in splits.items():
            if old_key not in legacy_keys:
                continue
            ordered = sorted(parts, key=lambda p: not p["isDefaultNewWard"])
            targets = [new_wards[new_province, p["newWardKey"]] for p in ordered]
            listed = ", ".join(f"{t['unit_type']} {t['name']} ({t['code']})" for t in targets)
            out[legacy_keys[old_key]] = {
                **targets[0],
                "note": f"split in 2025 between {listed}; the first is given",
            }

    # A district: the one new unit all its communes went to, else its new province.
    goes_to: dict[str, dict[str, dict[str, str]]] = {}  # district -> new code -> successor
    for (level, code), entry in entries.items():
        if level == "commune" and entry.district and (level, code) in out:
            target = {k: v for k, v in out[level, code].items() if k != "note"}
            goes_to.setdefault(entry.district, {})[target["code"]] = target
    for (level, code), entry in entries.items():
        if level != "district" or (level, code) in out:
            continue
        targets = goes_to.get(code, {})
        if len(targets) == 1:
            out[level, code] = next(iter(targets.values()))
        elif entry.province and ("province", entry.province) in out:
            out[level, code] = {
                **out["province", entry.province],
                "note": "districts were abolished on 1 July 2025; its new province is given",
            }
    return out


def _add_aliases(data: _Data) -> None:
    """Index the names of ``gazetteer_aliases.tsv`` under the units they name."""
    for row in load_tsv("gazetteer_aliases.tsv"):
        level = row["level"]
        if level not in ("province", "district"):
            raise ResourceError(f"gazetteer_aliases.tsv: bad level in {row}")
        codes = [
            c
            for c in data.by_key.get((level, name_key(row["name"])), ())
            if not row["province"]
            or _province_name(data, data.entries[level, c]) == row["province"]
        ]
        if len(codes) != 1:
            raise ResourceError(f"gazetteer_aliases.tsv: {row} names {len(codes)} units")
        for index, key in (
            (data.by_key, name_key(row["alias"])),
            (data.by_ascii, ascii_key(row["alias"])),
        ):
            known = index.get((level, key), ())
            if codes[0] not in known:
                index[level, key] = (*known, codes[0])


def _province_name(data: _Data, entry: _Entry) -> str:
    if entry.unit.level == "province":
        return entry.unit.name
    return data.entries["province", entry.province].unit.name if entry.province else ""


# ---------------------------------------------------------------- resolution


def _ancestor(entry: _Entry, level: str) -> str | None:
    if level == "province":
        return entry.province if entry.unit.level != "province" else entry.unit.code
    if level == "district":
        return entry.district if entry.unit.level == "commune" else None
    return None


def _compact(text: str, *, ascii_only: bool) -> str:
    """A name as the package's keywords write it: lower case, no spaces or hyphens, NFC
    (``ascii_only``: without diacritics, ``đ`` as ``d``)."""
    text = unicodedata.normalize("NFC", text).lower().replace("đ", "d" if ascii_only else "đ")
    if ascii_only:
        text = "".join(
            c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
        )
    return re.sub(r"[\s\-–—'’.]+", "", text)


@cache
def _package_aliases() -> dict[tuple[str, str, bool], tuple[str, ...]]:
    """(level, compact keyword, ascii?) → codes, from the package's ``parser_legacy.json``.

    Province and district keywords are written without diacritics, commune keywords with
    them; a keyword that starts with its unit type (``huyenthongnong``) is kept too.
    """
    path = data_dir() / "parser_legacy.json"
    try:
        parser = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ResourceError(f"{path} is unreadable: {err}") from err
    index: dict[tuple[str, str, bool], list[str]] = {}

    def add(level: str, keyword: str, code: str, ascii_only: bool) -> None:
        codes = index.setdefault((level, keyword, ascii_only), [])
        if code not in codes:
            codes.append(code)

    for province in parser.get("DICT_PROVINCE", {}).values():
        for keyword in province.get("provinceKeywords", ()):
            add("province", keyword, province["provinceCode"], True)
    for districts in parser.get("DICT_PROVINCE_DISTRICT", {}).values():
        for district in districts.values():
            for keyword in district.get("districtKeywords", ()):
                add("district", keyword, district["districtCode"], True)
    for districts in parser.get("DICT_PROVINCE_DISTRICT_WARD_ACCENTED", {}).values():
        for wards in districts.values():
            for ward in wards.values():
                for keyword in ward.get("wardKeywords", ()):
                    add("commune", unicodedata.normalize("NFC", keyword), ward["wardCode"], False)
    return {key: tuple(codes) for key, codes in index.items()}


def _alias_codes(text: str, level: str) -> tuple[str, ...]:
    """Codes of the units of ``level`` the package knows under the other name ``text``."""
    aliases = _package_aliases()
    data = _data()
    ascii_only = level != "commune"
    codes = aliases.get((level, _compact(text, ascii_only=ascii_only), ascii_only), ())
    if ascii_only and _has_diacritics(text):
        # Keywords without diacritics also match another name with other tones (Nhà
        # Trắng, the White House, is not Nha Trang): a name written with diacritics must
        # have the unit's own tones, whatever its vowel marks and spaces (Mù Cang Chải is
        # Mù Căng Chải, Đakrông is Đa Krông).
        own = ascii_key(text)
        codes = tuple(
            c
            for c in codes
            if ascii_key(name := data.entries[level, c].unit.name) != own
            or _tones_compact(name) == _tones_compact(text)
        )
    return tuple(c for c in codes if (level, c) in data.entries)


_VOWEL_MARKS = frozenset("\u0302\u0306\u031b")  # circumflex, breve, horn


def _tones_compact(text: str) -> str:
    """Lower case with its tone marks only: no vowel marks, đ as d, no spaces or hyphens."""
    nfd = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    kept = "".join(ch for ch in nfd if ch not in _VOWEL_MARKS)
    return re.sub(r"[\s\-–—'’.]+", "", unicodedata.normalize("NFC", kept))


@lru_cache(maxsize=65536)
def _lookup(name: str, level: str) -> tuple[str, ...]:
    """Codes of the units of ``level`` that ``name`` may denote (a unit word prefers its type)."""
    data = _data()
    word, bare = _split_unit_word(name)
    codes: tuple[str, ...] = ()
    for text in dict.fromkeys((bare, name.strip())):
        codes = data.by_key.get((level, name_key(text)), ())
        if not codes and not _has_diacritics(text):  # written without diacritics
            codes = data.by_ascii.get((level, ascii_key(text)), ())
        if codes:
            break
    if not codes:
        for text in dict.fromkeys((bare, name.strip())):
            codes = _alias_codes(text, level)
            if codes:
                break
    if word and level in word.levels and len(codes) > 1:
        typed = tuple(c for c in codes if data.entries[level, c].unit.unit_type == word.unit_type)
        codes = typed or codes
    return codes


@cache
def _former_units() -> dict[tuple[str, str], tuple[str, ...]]:
    """(level, name key) of a former unit → codes of the legacy units holding it today,
    from ``gazetteer_former.tsv``."""
    data = _data()
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in load_tsv("gazetteer_former.tsv"):
        level = row["level"]
        codes = []
        for successor in row["successors"].split(";"):
            found = data.by_key.get((level, name_key(successor)), ())
            if level not in LEVELS or len(found) != 1:
                raise ResourceError(f"gazetteer_former.tsv: {successor!r} in {row} is not one unit")
            codes.append(found[0])
        out[level, name_key(row["name"])] = tuple(codes)
    return out


def _former(name: str, level: str) -> tuple[str, ...]:
    """Codes of the units that hold a former unit called ``name`` (Hà Tây → Hà Nội)."""
    _, bare = _split_unit_word(name)
    return _former_units().get((level, name_key(bare)), ())


def _context_codes(
    data: _Data, context: Sequence[tuple[str, str]]
) -> list[tuple[int, str, tuple[str, ...]]]:
    """(index, level, codes) of each context place; a shared name keeps the units whose
    district or province is also named in the context, when there are such units."""
    looked = [
        (i, lv, _lookup(nm, lv))
        for i, (lv, nm) in enumerate(context)
        if lv in LEVELS and nm and nm.strip()
    ]
    named: dict[str, set[str]] = {lv: set() for lv in LEVELS}
    for _, lv, cs in looked:
        named[lv].update(cs)
    out = []
    for i, lv, cs in looked:
        if len(cs) > 1:
            for anc in LEVELS[: LEVELS.index(lv)]:
                kept = tuple(c for c in cs if _ancestor(data.entries[lv, c], anc) in named[anc])
                cs = kept or cs
        out.append((i, lv, cs))
    return out


def _narrow(
    data: _Data, level: str, codes: tuple[str, ...], context: Sequence[tuple[str, str]]
) -> tuple[str, ...]:
    """Keep the candidates best supported by the nearest context, tier by tier."""
    looked = _context_codes(data, context)
    depth = LEVELS.index(level)
    ancestors = list(reversed(LEVELS[:depth]))  # nearest ancestor level first

    def ancestor_rank(entry: _Entry, anc_level: str) -> int | None:
        target = _ancestor(entry, anc_level)
        return next((i for i, lv, cs in looked if lv == anc_level and target in cs), None)

    def descendant_rank(entry: _Entry) -> int | None:
        for i, lv, cs in looked:
            if LEVELS.index(lv) > depth and any(
                _ancestor(data.entries[lv, c], level) == entry.unit.code for c in cs
            ):
                return i
        return None

    def sibling_rank(entry: _Entry) -> int | None:
        parent_level = LEVELS[depth - 1] if depth else None
        if parent_level is None:
            return None
        mine = _ancestor(entry, parent_level)
        for i, lv, cs in looked:
            if lv == level and any(
                c != entry.unit.code and _ancestor(data.entries[lv, c], parent_level) == mine
                for c in cs
            ):
                return i
        return None

    tiers = [lambda e, a=a: ancestor_rank(e, a) for a in ancestors]
    tiers += [descendant_rank, sibling_rank]
    for tier in tiers:
        if len(codes) < 2:
            break
        ranks = {c: tier(data.entries[level, c]) for c in codes}
        found = [r for r in ranks.values() if r is not None]
        if found:
            best = min(found)
            codes = tuple(c for c in codes if ranks[c] == best)
    return codes


def _parents(data: _Data, entry: _Entry) -> tuple[Unit, ...]:
    chain = []
    if entry.district:
        chain.append(data.entries["district", entry.district].unit)
    if entry.province:
        chain.append(data.entries["province", entry.province].unit)
    return tuple(chain)


def _candidate(data: _Data, entry: _Entry) -> dict[str, Any]:
    return {
        "code": entry.unit.code,
        "name": entry.unit.name,
        "unit_type": entry.unit.unit_type,
        "level": entry.unit.level,
        "parents": tuple(p.name for p in _parents(data, entry)),
    }


def resolve(name: str, level: str, *, context: Sequence[tuple[str, str]] = ()) -> Resolution:
    """Resolve a place name at a guide level against the legacy (pre-July-2025) units.

    ``context`` holds the article's other places as (level, name), nearest first; an
    ancestor named there wins, then a unit inside the candidate, then a sibling. A name
    still shared by several units gives status ``ambiguous`` with those candidates.
    ``village``, ``other`` and ``country`` give ``not_found`` without a lookup.
    """
    if level in UNRESOLVED_LEVELS or not name or not name.strip():
        return NOT_FOUND
    if level not in LEVELS:
        raise ValueError(f"unknown place level {level!r}; expected one of {LEVELS}")
    data = _data()
    codes = _lookup(name, level) or _former(name, level)
    if len(codes) > 1 and context:
        codes = _narrow(data, level, codes, tuple(context))
    if len(codes) > 1 and context:
        # Several units have the name today; an old name of a unit the context supports
        # (a merged commune of the article's district or province) settles it.
        _, bare = _split_unit_word(name)
        others = tuple(c for c in _alias_codes(bare, level) if c not in codes)
        if others:
            both = _narrow(data, level, (*codes, *others), tuple(context))
            if len(both) == 1:
                codes = both
    if not codes:
        return NOT_FOUND
    if len(codes) > 1:
        entries = sorted((data.entries[level, c] for c in codes), key=_sort_key)
        return Resolution("ambiguous", candidates=tuple(_candidate(data, e) for e in entries))
    entry = data.entries[level, codes[0]]
    successor = data.successors.get((level, entry.unit.code))
    return Resolution(
        "resolved",
        unit=entry.unit,
        parents=_parents(data, entry),
        successor=dict(successor) if successor else None,
    )


def _sort_key(entry: _Entry) -> tuple[str, str, str]:
    return (entry.province or "", entry.district or "", entry.unit.code)


def spelled_like_a_unit(name: str) -> bool:
    """Whether a unit of any level has ``name``'s letters once diacritics, spaces and
    hyphens are dropped (Chư Pah ~ Chư Păh, Krông Ana ~ Krông A Na, Đakrông ~ Đa Krông):
    a Vietnamese name in another spelling, whatever it resolves to."""
    key = ascii_key(name)
    data = _data()
    return any((level, key) in data.by_ascii for level in LEVELS)


def preload() -> None:
    """Load the data now (otherwise the first :func:`resolve` does)."""
    _data()


def units(level: str) -> tuple[Unit, ...]:
    """Every legacy unit of ``level``, e.g. to build a name list for an extractor."""
    if level not in LEVELS:
        raise ValueError(f"unknown place level {level!r}; expected one of {LEVELS}")
    return tuple(e.unit for (lv, _), e in _data().entries.items() if lv == level)


@cache
def name_keys(*levels: str) -> frozenset[str]:
    """:func:`name_key` of every legacy unit name of ``levels`` (``Hoàng Mai``, ``Bạch Mai``)."""
    return frozenset(name_key(u.name) for level in levels for u in units(level))
