"""First names of the world's languages, read offline from the ``gender-guesser`` package,
and Vietnamese given names from the ``vn-fullname-generator`` package.

The data are Jörg Michael's first-name dictionary (``nam_dict.txt``, GNU FDL), shipped in
``gender_guesser/data``: about 48,000 first names with their frequency in 55 countries.
Only the data file is read; the package's code is not imported. The lines its author says
to skip are skipped (a ``+`` in column 30: duplicates sorted with expanded umlauts), and so
are equivalence lines (``=``) and joined Chinese/Korean names (``Jun+Wei``).

The list holds Vietnamese given names too (``Anh``, ``Minh``): callers that look for
foreign names drop the ones that can be a Vietnamese syllable. It keeps no name shorter
than three letters and misses common Vietnamese ones (``Tú``, ``Vi``, ``Hà``, ``Khuê``), so
the Vietnamese given names (about 2,500 two-syllable names, ``Minh Tú``, ``Lan Khuê``, from
Duyet Le's vietnamese-namedb, MIT) are read from ``vn_fullname_generator/data/*.name``;
again only the data files, not the package's code.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from pipeline.errors import ResourceError
from pipeline.resources import installed_package_dir

_NAME_COLUMNS = slice(3, 29)
_SORT_COLUMN = 29


def _dictionary_path() -> Path:
    package = installed_package_dir("gender_guesser")
    if package is None:
        raise ResourceError("the gender-guesser package is not installed (pip install vnie)")
    path = package / "data" / "nam_dict.txt"
    if not path.is_file():
        raise ResourceError(f"{path}: the first-name dictionary is missing")
    return path


@cache
def given_names() -> frozenset[str]:
    """First names of three letters or more, casefolded, also without their accents
    (``rafael``, ``novak``, ``milos`` for Miloš, ``minh``)."""
    names = set()
    with _dictionary_path().open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith(("#", "=")) or line[_SORT_COLUMN : _SORT_COLUMN + 1] == "+":
                continue
            name = line[_NAME_COLUMNS].strip()
            if len(name) < 3 or "+" in name or " " in name:
                continue
            names.add(name.casefold())
            if not name.isascii():
                names.add(_without_marks(name).casefold())  # the press writes Miloš as Milos
    return frozenset(names)


def _vietnamese_names_dir() -> Path:
    package = installed_package_dir("vn_fullname_generator")
    if package is None:
        raise ResourceError("the vn-fullname-generator package is not installed (pip install vnie)")
    path = package / "data"
    if not all((path / f"{sex}.name").is_file() for sex in _VIETNAMESE_SEXES):
        raise ResourceError(f"{path}: the Vietnamese given-name lists are missing")
    return path


_VIETNAMESE_SEXES = ("male", "female")


@cache
def vietnamese_given_syllables() -> frozenset[str]:
    """The syllables of Vietnamese given names, as written (``Tú``, ``Vi``, ``Khuê``). The
    lists write Đ as the look-alike Ð (U+00D0), read here as Đ."""
    directory = _vietnamese_names_dir()
    syllables = set()
    for sex in _VIETNAMESE_SEXES:
        text = (directory / f"{sex}.name").read_text(encoding="utf-8")
        syllables.update(unicodedata.normalize("NFC", text.replace("Ð", "Đ")).split())
    return frozenset(syllables)


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a first name of the dictionary, as written or without its marks
    (the dictionary writes Vietnamese given names unaccented: ``Thuy`` for ``Thủy``)."""
    folded = word.casefold()
    plain = _without_marks(folded.replace("đ", "d")).casefold()
    return folded in given_names() or plain in given_names()


def _without_marks(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))
