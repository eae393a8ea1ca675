"""Load the lexicons and patterns kept as data files in ``pipeline/resources``.

TSV files have a header row; lines starting with ``#`` and blank lines are skipped.
Every file is read once per process and checked: the expected columns exist, no
row is short, and (when a key column is given) no key is defined twice.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache
from importlib import resources as _importlib_resources
from pathlib import Path
from typing import Any

from pipeline.errors import ResourceError


def installed_package_dir(module: str) -> Path | None:
    """The directory of an installed package, found without importing it (vnie reads the
    data files some packages ship, not their code), or None when it is not installed."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


_PACKAGE = "pipeline"


def _read(name: str) -> str:
    try:
        resource = _importlib_resources.files(_PACKAGE).joinpath("resources", name)
        return resource.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise ResourceError(f"resource file {name!r} is missing") from err


@cache
def load_tsv(name: str, *, key: str | None = None) -> tuple[dict[str, str], ...]:
    """Rows of ``resources/<name>`` as dicts keyed by the header, values NFC-normalised."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    seen: set[str] = set()
    for lineno, raw in enumerate(_read(name).splitlines(), start=1):
        line = unicodedata.normalize("NFC", raw.rstrip("\n"))
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            if key is not None and key not in header:
                raise ResourceError(f"{name}: no column {key!r} in header {header}")
            continue
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        if len(cells) > len(header):
            raise ResourceError(f"{name}:{lineno}: {len(cells)} cells, header has {len(header)}")
        row = dict(zip(header, cells, strict=True))
        if key is not None:
            if row[key] in seen:
                raise ResourceError(f"{name}:{lineno}: {key} {row[key]!r} is defined twice")
            seen.add(row[key])
        rows.append(row)
    if header is None:
        raise ResourceError(f"{name}: empty resource file")
    return tuple(rows)


@cache
def load_json(name: str) -> Any:
    """The parsed JSON of ``resources/<name>``."""
    try:
        return json.loads(_read(name))
    except json.JSONDecodeError as err:
        raise ResourceError(f"{name}: invalid JSON: {err}") from err


def column_set(name: str, column: str) -> frozenset[str]:
    """All values of one column of a TSV resource, casefolded."""
    return frozenset(row[column].casefold() for row in load_tsv(name) if row[column])


@cache
def surnames() -> frozenset[str]:
    """Vietnamese family names (``surnames.tsv``), as written."""
    return frozenset(row["surname"] for row in load_tsv("surnames.tsv"))


@cache
def credit_words(*roles: str) -> frozenset[str]:
    """Words of news credits (``org_credit_words.tsv``), casefolded: ``caption`` openers
    (Ảnh, Nguồn), ``medium`` nouns (tờ, kênh), ``nonsource`` staff and site words."""
    return frozenset(
        row["phrase"].casefold() for row in load_tsv("org_credit_words.tsv") if row["role"] in roles
    )


@cache
def title_portfolios(kind: str) -> tuple[str, ...]:
    """Rows of ``title_portfolios.tsv`` of one ``kind``, as written: ``position`` (Bộ
    trưởng, Thứ trưởng) or ``portfolio`` (Quốc phòng, Kế hoạch và Đầu tư); a portfolio of
    two fields also as the press joins them with an ampersand (Kế hoạch & Đầu tư)."""
    rows = [row["text"] for row in load_tsv("title_portfolios.tsv") if row["kind"] == kind]
    if kind == "portfolio":
        rows += [text.replace(" và ", " & ") for text in rows if " và " in text]
    return tuple(rows)


@cache
def lead_words() -> frozenset[str]:
    """Capitalised function words that open a sentence and never begin a name (Do, Theo …),
    as written (``lead_words.tsv``)."""
    return frozenset(row["word"] for row in load_tsv("lead_words.tsv"))


@cache
def speech_verbs() -> tuple[str, ...]:
    """Verbs of saying, confiding and admitting whose subject is a person, as written
    (``person_speech_verbs.tsv``)."""
    return tuple(row["verb"] for row in load_tsv("person_speech_verbs.tsv"))


@cache
def lead_given_names() -> frozenset[str]:
    """The lead words that are also the first syllable of a given name (``Như``): a pen name
    may open with one (``lead_words.tsv``, column ``given``)."""
    return frozenset(row["word"] for row in load_tsv("lead_words.tsv") if row["given"] == "yes")


@cache
def clan_words() -> frozenset[str]:
    """Words that end a clan's name, casefolded (``not_person_names.tsv``, kind ``clan``:
    ``Nguyễn Phước Tộc``, the royal clan whose council names it so)."""
    return frozenset(
        r["text"].casefold() for r in load_tsv("not_person_names.tsv") if r["kind"] == "clan"
    )


@cache
def name_particles() -> dict[str, str]:
    """Lowercase particles of foreign names and how they are written (``name_particles.tsv``):
    ``hyphen`` joined to the family name (``al-Assad``), ``word`` on its own (``bin``, ``de``)."""
    return {r["particle"]: r["kind"] for r in load_tsv("name_particles.tsv")}


@cache
def named_thing_nouns() -> frozenset[str]:
    """Words right before a capitalised run that make it the name of a thing, not of a
    person or a firm (``đường``, ``Dòng họ``, ``nhà máy``: ``person_blockers.tsv``)."""
    return frozenset(row["word"] for row in load_tsv("person_blockers.tsv"))


@cache
def lead_words_ending_no_name() -> frozenset[str]:
    """The lead words that never end a given name (``Tuy``, ``Sau``; ``lead_words.tsv``,
    column ``ends`` empty): after a name and before a lowercase word they open a sentence."""
    return frozenset(row["word"] for row in load_tsv("lead_words.tsv") if row["ends"] != "yes")


@cache
def kinship_compound_words() -> frozenset[str]:
    """Words that make one noun with the honorific after them (``trẻ em``, ``đàn ông``),
    casefolded (``not_person_names.tsv``, kind ``compound``)."""
    return frozenset(
        row["text"].casefold()
        for row in load_tsv("not_person_names.tsv")
        if row["kind"] == "compound"
    )


@cache
def honorific_words(*kinds: str) -> frozenset[str]:
    """Words before a name (``honorifics.tsv``, with their ``sĩ``/``sỹ`` spellings),
    casefolded; only ``kinds`` when given."""
    return frozenset(
        row["word"].casefold() for row in honorific_rows() if not kinds or row["kind"] in kinds
    )


#: The two spellings of the syllable sĩ (ca sĩ, ca sỹ; bác sĩ, bác sỹ): both are in use.
_SI_SPELLINGS = (("sĩ", "sỹ"), ("Sĩ", "Sỹ"))


@cache
def honorific_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``honorifics.tsv``, each word also in its other spelling of ``sĩ``."""
    rows = list(load_tsv("honorifics.tsv"))
    words = {row["word"] for row in rows}
    for row in list(rows):
        for a, b in _SI_SPELLINGS:
            for old, new in ((a, b), (b, a)):
                variant = row["word"].replace(old, new)
                if variant not in words:
                    words.add(variant)
                    rows.append({**row, "word": variant})
    return tuple(rows)
