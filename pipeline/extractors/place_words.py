"""Place vocabulary and the text tests built on it: unit words, names and context words
from the resources, compiled patterns, and the small checks the PLACE finder applies."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex

from pipeline.errors import ResourceError
from pipeline.resources import (
    credit_words,
    gazetteer,
    honorific_words,
    lead_words,
    load_tsv,
    name_particles,
    surnames,
)
from pipeline.resources.given_names import given_names
from pipeline.types import Mention

LABEL = "PLACE"
LEVELS: tuple[str, ...] = ("province", "district", "commune", "village", "country", "other")
ADMIN_LEVELS: tuple[str, ...] = ("province", "district", "commune")
_UNIT_LEVELS = frozenset({"province", "district", "commune", "village", "other", "city"})

# One capitalised syllable (Đắk, R'Lấp, A); an all-capitals abbreviation is not one.
_SYL = r"\p{Lu}[\p{Ll}\p{M}]*(?:['’ʼ]\p{L}[\p{Ll}\p{M}]*)?(?![\p{L}\p{M}\d])"
SYLLABLE = regex.compile(_SYL)
SPACE = regex.compile(r"[ \t]+")
OPTIONAL_SPACE = regex.compile(r"[ \t]*")
DASH = regex.compile(r"[ \t]*[-–—][ \t]*")
# A number naming a unit: not a decimal, a date, a range (khu vực 1990-2002 USD) or, after a
# name, a distance or amount (đảo Lebos 11 km).
NUMBER = regex.compile(r"\d{1,4}[A-Z]?(?![\p{L}\p{M}\d])(?![.,/:\-–]\d)")
# The number of an alley, perhaps with the slashes of an address: "ngõ 205/53".
ADDRESS_NUMBER = regex.compile(r"\d{1,4}[A-Z]?(?:/\d{1,4}[A-Z]?)*(?![\p{L}\p{M}\d])(?![.,/:\-–]\d)")
TRAILING_NUMBER = regex.compile(
    r"[ \t]+\d{1,4}[A-Z]?(?![\p{L}\p{M}\d])(?![.,/:\-–]\d)"
    r"(?![ \t]*(?:km|m|ha|kg|tấn|mét|cây số|hải lý|người|hộ|tuổi|năm|tháng|ngày|giờ|phút|%)"
    r"(?![\p{L}\p{M}]))"
)
LETTERS = regex.compile(r"[\p{L}\p{M}]+")
CHAIN_GAP = regex.compile(r"[ \t]*(?:\(|,|;)[ \t]*")
LIST_GAP = regex.compile(r"[ \t]*(?:,|;)[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+")
STATE_NAME = regex.compile(
    r"(?:(?<![\p{L}\p{M}])[Nn]ước[ \t]+)?(?<![\p{L}\p{M}])(?:Cộng[ \t]+[Hh]òa"
    r"(?:[ \t]+(?:[Xx]ã[ \t]+[Hh]ội|[Cc]hủ[ \t]+[Nn]ghĩa|[Dd]ân[ \t]+[Cc]hủ|[Nn]hân[ \t]+[Dd]ân"
    r"|[Ll]iên[ \t]+[Bb]ang|[Hh]ồi[ \t]+[Gg]iáo|[Ll]iên[ \t]+[Hh]iệp)){0,4}"
    r"|Vương[ \t]+[Qq]uốc|Đại[ \t]+[Cc]ông[ \t]+[Qq]uốc|Công[ \t]+[Qq]uốc"
    r"|Hợp[ \t]+[Cc]húng[ \t]+[Qq]uốc|Thịnh[ \t]+[Vv]ượng[ \t]+[Cc]hung"
    # the press's abbreviations of those forms: CHXHCN Việt Nam, CHDCND Triều Tiên, CHLB Đức
    r"|CH(?:XHCN|DCND|ND|LB|DC|HG))[ \t]+"
)
LOWER_NEXT = regex.compile(r"[ \t]+\p{Ll}")
_WORD_AT_END = regex.compile(r"[\p{L}\p{M}\d'’.]+$")
COUNT_AT_END = regex.compile(r"(?<![\d.,])\d+$")
COUNTRY_CUE = regex.compile(r"(?<![\p{L}\p{M}])nước(?:[ \t]+bạn)?[ \t]+$")
DASHED_WORD_AT_END = regex.compile(r"([\p{L}\p{M}]+)[ \t]*[-–—][ \t]*$")
NAME_AND_QUOTE_AT_END = regex.compile(r"\p{Lu}[\p{L}\p{M}]*[ \t]*[“\"'‘«]$")
PARENT_GAP = regex.compile(r"[ \t,;()\-–]*")
PERSON_LABELS = frozenset({"PERSON"})


# --------------------------------------------------------------------------- resources


@dataclass(frozen=True, slots=True)
class UnitWord:
    """A unit word of ``place_units.tsv``."""

    word: str
    level: str
    in_span: bool
    numbered: str  # no | yes | only | address | chain
    case: str  # any | lower | exact


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A bare place name of ``place_names.tsv``."""

    name: str
    level: str
    canonical: str
    central: bool
    bare: str  # "" | unit | cue
    foreign: bool = False  # from countries.tsv / foreign_places.tsv, not the hand table
    city: bool = False  # a foreign city or state, not a world region: in football, its club


@dataclass(frozen=True, slots=True)
class _Context:
    before: dict[str, tuple[str, ...]]
    open: frozenset[str]
    name: dict[str, tuple[str, ...]]
    plural: frozenset[str]
    middle: frozenset[str]
    list_intro: tuple[str, ...]
    cue: tuple[str, ...]
    nation: tuple[str, ...]
    prep: tuple[str, ...]
    sport: tuple[str, ...]
    alone: dict[str, tuple[str, ...]]
    country: tuple[str, ...]  # cues for a country name only (Tổng thống Nga, quân đội Anh)
    landmark: tuple[str, ...]  # cues for a landmark whose word is a family name (tại Hồ X)
    host: tuple[str, ...]  # nouns a unit's bare name follows (Điện lực Cầu Giấy)
    route: tuple[str, ...]  # words before a route between two places (tuyến X - Y)
    ethnic: tuple[str, ...]  # words before a people's name that make it an ethnic group
    address: tuple[str, ...]  # words before a house or alley number (ngụ 25B X, hẻm 12 X)
    state: tuple[str, ...]  # nouns of statehood before a state of the past (nước Âu Lạc)
    descriptor: tuple[str, ...]  # words between a unit word and its name (huyện miền núi X)
    repeat: frozenset[str]  # unit words whose foreign name stays the place bare (thành phố X)
    vessel: tuple[str, ...]  # a ship's class or navy prefix before the ship's name (JS Izumo)
    street: frozenset[str]  # unit words of streets, most named after people (đường, phố)
    dated: frozenset[str]  # unit words whose name may be a day and month (đường 3/2)
    bearing: tuple[str, ...]  # compass points written between miền/phía and a place
    bearing_noun: tuple[str, ...]  # the nouns of a part of a place (miền, phía)


def fold_key(text: str) -> str:
    """Lookup key of a name: NFC, casefolded, single spaces, dashes without spaces."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(DASH.sub("-", text).casefold().split())


@cache
def unit_words() -> dict[str, tuple[UnitWord, ...]]:
    """Unit words keyed by their casefolded text (TP and Tp share a key)."""
    out: dict[str, list[UnitWord]] = {}
    seen: set[str] = set()
    for row in load_tsv("place_units.tsv"):
        unit = UnitWord(
            row["word"], row["level"], row["span"] == "with", row["numbered"], row["case"]
        )
        if (
            unit.level not in _UNIT_LEVELS
            or row["span"] not in ("with", "without")
            or unit.numbered not in ("no", "yes", "only", "address", "chain")
            or unit.case not in ("any", "lower", "exact", "typo", "title", "foreign")
            or unit.word in seen
        ):
            raise ResourceError(f"place_units.tsv: bad or repeated row {row}")
        seen.add(unit.word)
        out.setdefault(" ".join(unit.word.casefold().split()), []).append(unit)
    return {k: tuple(v) for k, v in out.items()}


#: How a name of place_names.tsv may stand bare (its header): always, after a unit word, after
#: a cue, or in title case only.
_BARE_MODES = frozenset({"", "unit", "cue", "title"})


@cache
def place_names() -> dict[str, tuple[PlaceName, ...]]:
    """Bare place names keyed by :func:`fold_key` (TP.HCM and Tp.HCM share a key)."""
    out: dict[str, list[PlaceName]] = {}
    seen: set[str] = set()
    for row in load_tsv("place_names.tsv"):
        entry = PlaceName(
            row["name"], row["level"], row["canonical"], row["central"] == "yes", row["bare"]
        )
        if entry.level not in LEVELS or entry.bare not in _BARE_MODES or entry.name in seen:
            raise ResourceError(f"place_names.tsv: bad or repeated row {row}")
        seen.add(entry.name)
        out.setdefault(fold_key(entry.name), []).append(entry)
    # Complete lists after the hand-kept table, which wins on a shared name: every country
    # and world region by its CLDR Vietnamese name, then foreign cities and regions.
    extra = [(r["name"], r["level"], False) for r in load_tsv("countries.tsv")]
    extra += [
        (r["name"], "other", r["kind"] in ("capital", "city"))
        for r in load_tsv("foreign_places.tsv")
    ]
    for name, level, city in extra:
        key = fold_key(name)
        if key in out or level not in LEVELS:
            continue
        # A Vietnamese-looking one-syllable name is also a common word (Áo "coat", Bỉ, Viên):
        # a place only with a cue; Paris, Jeju are not.
        one = LETTERS.findall(name)
        bare = "cue" if len(one) == 1 and (not one[0].isascii() or len(one[0]) <= 3) else ""
        out[key] = [PlaceName(name, level, "", False, bare, foreign=True, city=city)]
    # Generated complete lists (ISO 3166-2 subdivisions, GeoNames cities) last. A city is a
    # place only with a cue (tại Stuttgart, Anaheim, California): thousands of them are also
    # brands, ships and hotels (Toyota, Santa Fe); so is a state that a Vietnamese syllable
    # spells (Chin, Mon, Trang), a first name (Victoria) or a Vietnamese unit respelt.
    for row in load_tsv("foreign_divisions.tsv", key="name"):
        name = row["name"]
        key = fold_key(name)
        if key in out:
            continue
        words = LETTERS.findall(name)
        cue = (
            row["kind"] == "city"
            or all(vietnamese_syllable(w) or len(w) <= 3 for w in words)
            or (len(words) == 1 and name.casefold() in given_names())
            or gazetteer.spelled_like_a_unit(name)
        )
        bare = "cue" if cue else ""
        out[key] = [PlaceName(name, "other", "", False, bare, foreign=True, city=True)]
    return {k: tuple(v) for k, v in out.items()}


@cache
def context_words() -> _Context:
    before: dict[str, list[str]] = {}
    opening: set[str] = set()
    name: dict[str, list[str]] = {}
    plural: set[str] = set()
    middle: set[str] = set()
    alone: dict[str, list[str]] = {}
    host: list[str] = []
    words: dict[str, list[str]] = {kind: [] for kind in _WORD_KINDS}
    for row in load_tsv("place_context.tsv"):
        kind, unit, text = row["kind"], row["unit"].casefold(), row["text"]
        if unit not in ("*", "bare") and unit not in unit_words():
            raise ResourceError(f"place_context.tsv: unknown unit word in {row}")
        if kind in words:
            words[kind].append(text.casefold())
        elif kind == "before":
            before.setdefault(unit, []).append(text.casefold())
        elif kind == "open":
            opening.add(text.casefold())
        elif kind == "name":
            name.setdefault(unit, []).append(text)
        elif kind == "plural":
            plural.add(text.casefold())
        elif kind == "middle":
            middle.add(text)
        elif kind == "alone":
            alone.setdefault(unit, []).append(text)
        elif kind == "host":
            host.append(text)
        else:
            raise ResourceError(f"place_context.tsv: unknown kind in {row}")
    return _Context(
        {k: tuple(v) for k, v in before.items()},
        frozenset(opening),
        {k: tuple(v) for k, v in name.items()},
        frozenset(plural),
        frozenset(middle),
        tuple(sorted(words["list"], key=len, reverse=True)),
        tuple(words["cue"] + words["nation"]),
        tuple(words["nation"]),
        tuple(words["prep"]),
        tuple(words["sport"]),
        {k: tuple(v) for k, v in alone.items()},
        tuple(words["country"]),
        tuple(words["landmark"]),
        tuple(host),
        tuple(words["route"]),
        tuple(words["ethnic"]),
        tuple(words["address"]),
        tuple(words["state"]),
        tuple(sorted(words["descriptor"], key=len, reverse=True)),
        frozenset(words["repeat"]),
        tuple(words["vessel"]),
        frozenset(words["street"]),
        frozenset(words["dated"]),
        tuple(sorted(words["bearing"], key=len, reverse=True)),
        tuple(words["bearing_noun"]),
    )


# Kinds of place_context.tsv that are plain lists of casefolded words.
_WORD_KINDS = (
    "list",
    "cue",
    "nation",
    "prep",
    "sport",
    "country",
    "landmark",
    "route",
    "ethnic",
    "address",
    "state",
    "descriptor",
    "repeat",
    "vessel",
    "street",
    "dated",
    "bearing",
    "bearing_noun",
)


@cache
def host_words() -> frozenset[str]:
    """Nouns that a unit's bare name may follow as the place it is in: the ORG heads that
    take a place (``org_heads.tsv``, kind ``body``), schools by their level (``Trường Tiểu
    học Thạch Sơn``: org_school_types.tsv) and the ``host`` rows of place_context.tsv;
    casefolded, but abbreviations (``CA``, ``BV``) as written."""
    heads = {row["head"] for row in load_tsv("org_heads.tsv") if row["kind"] == "body"}
    return frozenset(
        w if is_abbreviation(w) else w.casefold()
        for w in heads | school_hosts() | set(context_words().host)
    )


@cache
def body_heads() -> frozenset[str]:
    """Every head of ``org_heads.tsv``, casefolded: the words a body's name opens with
    (``Bộ``, ``Cục``, ``Tập đoàn``)."""
    return frozenset(row["head"].casefold() for row in load_tsv("org_heads.tsv"))


@cache
def school_hosts() -> frozenset[str]:
    """``trường`` and a school type (org_school_types.tsv), or a type's abbreviation alone
    (``THPT Cầu Giấy`` is still a school): schools are named after people as often as after
    places. Casefolded, but abbreviations as written, as :func:`host_words`."""
    types = [row["type"] for row in load_tsv("org_school_types.tsv")]
    return frozenset(
        {f"trường {t}".casefold() for t in types} | {t for t in types if is_abbreviation(t)}
    )


@cache
def host_regex() -> regex.Pattern[str]:
    """On folded text, a word of :func:`host_words` and the spaces after it (check the case
    of an abbreviation as written with :func:`host_words`)."""
    return regex.compile(
        r"(?<![\p{L}\p{M}\d])\L<words>[ \t]+",
        words=sorted({w.casefold() for w in host_words()}),
    )


@cache
def address_regex() -> regex.Pattern[str]:
    """On folded text, an address word (``address`` rows of place_context.tsv) and the house
    or alley number after it (``25B``, ``13/5``), up to the name written next."""
    return regex.compile(
        r"(?<![\p{L}\p{M}\d])\L<words>[ \t]+\d{1,4}[a-z]?(?:/\d{1,4}[a-z]?)*[ \t]+",
        words=sorted(context_words().address, key=len, reverse=True),
    )


@cache
def historical_state_regex() -> regex.Pattern[str]:
    """A noun of statehood (``state`` rows of place_context.tsv, any case) and the states of
    the past written after it (historical_states.tsv, as written), joined by dashes: the
    names are the captures of group ``state``."""
    states = [r["name"] for r in load_tsv("historical_states.tsv")]
    return regex.compile(
        r"(?<![\p{L}\p{M}])(?i:\L<cues>)[ \t]+(?:là[ \t]+)?"
        r"(?P<state>\L<states>)(?:[ \t]*[-–][ \t]*(?P<state>\L<states>))*(?![\p{L}\p{M}])",
        cues=sorted(context_words().state, key=len, reverse=True),
        states=sorted(states, key=len, reverse=True),
    )


@cache
def sport_regex() -> regex.Pattern[str]:
    """Words of football reporting (``sport`` rows of place_context.tsv), on folded text."""
    return regex.compile(
        r"(?<![\p{L}\p{M}\d])\L<words>(?![\p{L}\p{M}\d])", words=list(context_words().sport)
    )


_SPORT_WORDS_MIN = 3  # words of football reporting that make an article a sports article


@lru_cache(maxsize=4)  # asked by the PLACE and the PERSON finders of the same article
def sport_article(text: str) -> bool:
    """Whether ``text`` is a sports article: three or more words of football reporting."""
    return len(sport_regex().findall(fold(text))) >= _SPORT_WORDS_MIN


@cache
def list_intro_regex() -> regex.Pattern[str]:
    """A word opening a list (gồm, như …) or a colon, with an optional colon and spaces."""
    intro = context_words().list_intro
    words = [w for w in intro if w[0].isalpha()]
    marks = [w for w in intro if not w[0].isalpha()]
    return regex.compile(
        r"(?:(?<![\p{L}\p{M}])\L<words>(?![\p{L}\p{M}])[ \t]*:?|\L<marks>)[ \t]*",
        words=words,
        marks=marks,
    )


def list_intro_end(text: str, pos: int) -> int:
    """End of a list opener (spaces, ``gồm``, ``như``, a colon) right at ``pos``, else ``pos``."""
    pos = OPTIONAL_SPACE.match(text, pos).end()  # type: ignore[union-attr]
    m = list_intro_regex().match(fold(text), pos)
    return m.end() if m else pos


@cache
def gazetteer_unit_types() -> frozenset[str]:
    return frozenset(row["word"] for row in load_tsv("gazetteer_unit_words.tsv"))


def _spellings(phrase: str) -> set[str]:
    """``phrase`` with each dash written -, – or — and with or without spaces around it."""
    out = {""}
    for piece in regex.split(r"([ \t]*[-–—][ \t]*)", phrase):
        if piece.strip() in ("-", "–", "—"):
            dashes = {f"{a}{d}{b}" for d in "-–—" for a in ("", " ") for b in ("", " ")}
            out = {o + d for o in out for d in dashes}
        else:
            out = {o + piece for o in out}
    return out


@lru_cache(maxsize=8)
def fold(text: str) -> str:
    """``text`` lower-cased character by character (same length, so offsets still hold):
    the lexicons are matched on it, which is several times faster than ignoring case.

    Cached for the last few texts: the matchers fold the whole article at every position
    they try, which would make them quadratic in its length."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@cache
def unit_regex() -> regex.Pattern[str]:
    """Unit words on folded text; :func:`unit_for` checks the case as written."""
    words = {u.word.lower() for units in unit_words().values() for u in units}
    # A word ending in a dot (TP.) may touch its name (TP.Hà Nội); any other ends at a
    # non-letter.
    return regex.compile(
        r"(?<![\p{L}\p{M}\d.])(?:\L<dotted>|\L<plain>(?![\p{L}\p{M}]))",
        dotted=sorted(w for w in words if w.endswith(".")),
        plain=sorted(w for w in words if not w.endswith(".")),
    )


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A place name found by :class:`NameMatcher` (the part of ``re.Match`` the finders read)."""

    string: str
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish

    def group(self) -> str:
        return self.string[self.begin : self.finish]


_WORD_RUN = regex.compile(r"[\p{L}\p{M}\d]+")


class NameMatcher:
    """The longest listed place name starting at a position of folded text, with no letter,
    mark or digit right before or after it.

    A set lookup at each word end, stopping at the first word end that no name continues
    past: a regex alternation (``\\L<names>``) of the several thousand names costs some
    200 µs per position tried, this a few."""

    def __init__(self, names: set[str]) -> None:
        self._names = frozenset(names)
        # Every name cut at each of its word ends: the prefixes a longer name may go on from.
        self._stems = frozenset(n[: w.end()] for n in names for w in _WORD_RUN.finditer(n))
        # What a few names write after their last word (Ryazan'): tried after that word.
        self._tails: dict[str, list[str]] = {}
        for n in names:
            last = list(_WORD_RUN.finditer(n))[-1].end()
            if last < len(n):
                self._tails.setdefault(n[:last], []).append(n[last:])

    def match(self, folded: str, pos: int) -> NameMatch | None:
        if pos and _WORD_RUN.match(folded, pos - 1, pos):
            return None  # inside a word
        best = None
        for word in _WORD_RUN.finditer(folded, pos):
            stem = folded[pos : word.end()]
            if stem not in self._stems:
                break
            if stem in self._names:
                best = word.end()
            for tail in self._tails.get(stem, ()):
                end = word.end() + len(tail)
                if folded.startswith(tail, word.end()) and not _WORD_RUN.match(folded, end):
                    best = max(best or 0, end)
        return None if best is None else NameMatch(folded, pos, best)


@cache
def name_matcher() -> NameMatcher:
    """Place names on folded text, each dash in all its spellings."""
    names = {
        v.lower() for entries in place_names().values() for p in entries for v in _spellings(p.name)
    }
    return NameMatcher(names)


@cache
def name_starts() -> regex.Pattern[str]:
    """Where a place name may start: a capital, or the first word of a lower-case entry."""
    lower = sorted(
        {p.name.split()[0] for entries in place_names().values() for p in entries}
        - {
            w
            for w in (p.name.split()[0] for e in place_names().values() for p in e)
            if w[0].isupper()
        }
    )
    return regex.compile(r"(?<![\p{L}\p{M}\d])(?:\p{Lu}|\L<lower>(?![\p{L}\p{M}]))", lower=lower)


def unit_match(text: str, pos: int) -> tuple[int, int] | None:
    """The unit word at ``pos``; a capitalised landmark word (``title`` case) opening a name
    the gazetteer knows as a unit (``Hòn Đất``, ``Bến Cát``) is part of that name, no unit."""
    m = unit_regex().match(fold(text), pos)
    if not m:
        return None
    units = unit_words().get(" ".join(m.group().split()), ())
    if text[pos].isupper() and units and all(u.case == "title" for u in units):
        syls = syllable_run(text, pos, dashes=False)
        if any(
            known(text[pos : syls[n - 1][1]], lv)
            for n in range(2, len(syls) + 1)
            for lv in ADMIN_LEVELS
        ):
            return None
    return m.span()


# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    level: str
    name: str
    rule: str
    unit: str = ""  # the unit word as written, when inside or right before the span

    def mention(self) -> Mention:
        attrs: dict[str, Any] = {"level": self.level, "name": self.name}
        if self.unit:
            attrs["_unit"] = self.unit
        return Mention(LABEL, self.start, self.end, self.rule, attrs)


@lru_cache(maxsize=65536)
def known(name: str, level: str) -> bool:
    """Whether the gazetteer knows a unit of ``level`` called ``name``."""
    return gazetteer.resolve(name, level).status != "not_found"


def names_a_place(name: str, levels: tuple[str, ...] = gazetteer.LEVELS) -> bool:
    """Whether ``name`` is a place's bare name (place_names.tsv, or the gazetteer's units of
    ``levels``)."""
    return bool(place_names().get(fold_key(name))) or gazetteer.name_key(name) in (
        gazetteer.name_keys(*levels)
    )


def clean(text: str) -> str:
    return " ".join(text.split())


def is_capitalised_at(text: str, pos: int) -> bool:
    return bool(SYLLABLE.match(text, pos))


def syllable_before(text: str, pos: int) -> tuple[int, str] | None:
    """The word ending right before ``pos`` across spaces only (start, text)."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == pos:
        return None
    m = _WORD_AT_END.search(text[max(0, i - 40) : i])
    if not m:
        return None
    return i - len(m.group()), m.group()


def is_abbreviation(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


# English abbreviations that open a foreign place's name (St. Lawrence, Mt. Everest, Ft. Worth).
_NAME_ABBREVIATIONS = frozenset({"St", "Mt", "Ft"})
_AFTER_NAME_ABBREVIATION = regex.compile(r"\.[ \t]+")


def syllable_run(text: str, pos: int, *, dashes: bool) -> list[tuple[int, int, str]]:
    """Capitalised syllables from ``pos`` as (start, end, separator before: "", " " or "-")."""
    m = SYLLABLE.match(text, pos)
    if not m:
        return []
    out = [(m.start(), m.end(), "")]
    while True:
        end = out[-1][1]
        dot = _AFTER_NAME_ABBREVIATION.match(text, end)
        if (
            dot
            and text[out[-1][0] : end] in _NAME_ABBREVIATIONS
            and (nxt := SYLLABLE.match(text, dot.end()))
        ):
            out.append((nxt.start(), nxt.end(), " "))
            continue  # "Vịnh St. Lawrence": Saint's abbreviation, no full stop
        space = SPACE.match(text, end)
        if space and (nxt := SYLLABLE.match(text, space.end())):
            if _admin_unit_at(text, nxt.start()) or _credit_opener(text, nxt.start(), nxt.end()):
                break
            out.append((nxt.start(), nxt.end(), " "))
            continue
        particles = _particles_then_name(text, space.end()) if space else []
        if particles and foreign_shaped(text[out[0][0] : end]):
            out.extend(particles)  # "Mar del Plata", "Charles de Gaulle", "Lanao del Sur"
            continue
        dash = DASH.match(text, end) if dashes else None
        if dash and (nxt := SYLLABLE.match(text, dash.end())):
            if _credit_opener(text, nxt.start(), nxt.end()):
                break
            out.append((nxt.start(), nxt.end(), "-"))
            continue
        break
    return out


_PARTICLE = regex.compile(r"\p{Ll}+")


def _particles_then_name(text: str, pos: int) -> list[tuple[int, int, str]]:
    """One or two lowercase particles of a foreign name (``name_particles.tsv``, written as
    words: ``de``, ``del``, ``de la``) from ``pos``, and the capitalised syllable after them;
    empty when the words there are not that."""
    out: list[tuple[int, int, str]] = []
    while len(out) < 2 and (m := _PARTICLE.match(text, pos)):
        if name_particles().get(m.group()) != "word" or not (space := SPACE.match(text, m.end())):
            return []
        out.append((m.start(), m.end(), " "))
        pos = space.end()
        if nxt := SYLLABLE.match(text, pos):
            return [*out, (nxt.start(), nxt.end(), " ")]
    return []


def after_word(text: str, pos: int, words: Iterable[str]) -> bool:
    """Whether one of ``words`` (casefolded) ends right before ``pos``, across spaces."""
    before = text[max(0, pos - 30) : pos].casefold().rstrip(" \t")
    for word in words:
        if before.endswith(word) and (
            len(before) == len(word) or not _letter_at(before, len(before) - len(word) - 1)
        ):
            return True
    return False


def _letter_at(text: str, pos: int) -> bool:
    return pos < len(text) and (text[pos].isalpha() or unicodedata.category(text[pos]) == "Mn")


def _credit_opener(text: str, start: int, end: int) -> bool:
    """A caption's opening word and its colon (``Ảnh:``, ``Nguồn:``): the credit after a
    caption that runs into the place it names (``tại Suối Voi Ảnh: Facebook``)."""
    return text[end : end + 1] == ":" and text[start:end].casefold() in credit_words("caption")


def _admin_unit_at(text: str, pos: int) -> bool:
    """A capitalised administrative unit word followed by a name starts at ``pos``."""
    m = unit_regex().match(fold(text), pos)
    if not m:
        return False
    unit = unit_for(text[m.start() : m.end()])
    if unit is None or unit.level not in ("province", "city", "district", "commune"):
        return False
    after = SPACE.match(text, m.end())
    name = SYLLABLE.match(text, after.end()) if after else None
    return bool(name and len(name.group()) > 1)


# A Vietnamese syllable without its tone marks: onset, one to three vowels, coda; the
# onset clusters and final h of Central Highlands names (Krông, Plei, Păh) count too.
_VI_SYLLABLE = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bdđkp][lr]|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưy]{1,3}(?:ng|nh|ch|[ckmnpth])?"
)


def _toneless(word: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFD", word.casefold()):
        if ch in "\u0300\u0301\u0303\u0309\u0323":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` can be one Vietnamese syllable (tone marks aside)."""
    return bool(_VI_SYLLABLE.fullmatch(_toneless(word)))


@lru_cache(maxsize=4096)
def foreign_shaped(name: str) -> bool:
    """Whether a word of ``name`` cannot be a Vietnamese syllable (Mosul, Aleppo, Java) and
    no unit of the gazetteer is spelled like it (Chư Pah, Krông Ana are Chư Păh, Krông A
    Na): the name of a foreign place, not of a Vietnamese unit the gazetteer misses."""
    return any(
        not _VI_SYLLABLE.fullmatch(_toneless(word)) for word in LETTERS.findall(name)
    ) and not gazetteer.spelled_like_a_unit(name)


@cache
def foreign_first_names() -> frozenset[str]:
    """First names of the world (``given_names``) that no Vietnamese syllable spells and no
    place is called (Israel, Italia are countries here), casefolded: a capitalised one
    before another capitalised word opens a foreign name."""
    places = place_names()
    return frozenset(
        n
        for n in given_names()
        if not vietnamese_syllable(n)
        and not any(p.bare != "cue" for p in places.get(fold_key(n), ()))
    )


_INITIAL = regex.compile(r"\p{Lu}\.[ \t]?")


def foreign_name_at(text: str, pos: int) -> bool:
    """Whether a foreign person's name starts at ``pos``: a capitalised word that cannot be
    a Vietnamese syllable (``Donald``, ``Sergei``), perhaps after an initial (``V.Putin``)."""
    initial = _INITIAL.match(text, pos)
    word = SYLLABLE.match(text, initial.end() if initial else pos)
    return bool(
        word
        and word.group()[:1].isupper()
        and word.group()[1:].islower()
        and foreign_shaped(word.group())
    )


def unit_for(written: str) -> UnitWord | None:
    for unit in unit_words().get(" ".join(written.casefold().split()), ()):
        if unit.case == "exact" and written != unit.word:
            continue
        if unit.case in ("lower", "typo") and not written[0].islower():
            continue
        return unit
    return None


def cut_person(text: str, syls: list[tuple[int, int, str]]) -> int:
    """Number of syllables before a person's name (surname + capitalised word) or a dash."""
    for i in range(1, len(syls)):
        if syls[i][2] == "-":
            return i
        if text[syls[i][0] : syls[i][1]] in surnames() and i + 1 < len(syls):
            return i
    return len(syls)


def person_like(text: str, syls: list[tuple[int, int, str]]) -> bool:
    """Three words or more opening with a surname or with a middle name second (Văn, Thị)."""
    if len(syls) < 3:
        return False
    first, second = (text[s:e] for s, e, _ in syls[:2])
    return first in surnames() or second in context_words().middle


def known_prefix(text: str, syls: list[tuple[int, int, str]], level: str) -> int:
    """Syllables in the longest prefix the gazetteer knows at ``level`` (0 when none)."""
    shortest = 1 if len(syls) == 1 else 2
    for n in range(len(syls), shortest - 1, -1):
        if known(text[syls[0][0] : syls[n - 1][1]], level):
            return n
    return 0


@cache
def _bearing_regex() -> regex.Pattern[str]:
    """A part-of-place noun and a capitalised compass point, right at the end of a text."""
    return regex.compile(
        r"(?<![\p{L}\p{M}])(?i:\L<nouns>)[ \t]+(?P<bearing>(?-i:\L<points>))[ \t]+\Z",
        nouns=context_words().bearing_noun,
        points=sorted(
            {p.title() for p in context_words().bearing}
            | {p[:1].upper() + p[1:] for p in context_words().bearing},
            key=len,
            reverse=True,
        ),
    )


def after_bearing(text: str, start: int) -> int | None:
    """Start of the capitalised compass point written right before ``start`` after ``miền``
    or ``phía`` (``miền Nam Philippines``, ``phía Tây Tokyo``: the bearing of the place that
    starts at ``start``, neither a region nor a family name), else None."""
    m = _bearing_regex().search(text, max(0, start - 24), start)
    return m.start("bearing") if m else None


def lexicon_at(text: str, pos: int) -> tuple[PlaceName, int] | None:
    """The ``place_names.tsv`` entry written at ``pos`` (its case rules checked), and its end."""
    m = name_matcher().match(fold(text), pos)
    if not m:
        return None
    entry = lexicon_entry(text, m.start(), m.end())
    return (entry, m.end()) if entry else None


def country_at(text: str, pos: int) -> bool:
    """Whether the name of a country of two or more syllables starts at ``pos``."""
    m = name_matcher().match(fold(text), pos)
    return m is not None and any(
        e.level == "country" and len(LETTERS.findall(e.name)) > 1
        for e in place_names().get(fold_key(text[m.start() : m.end()]), ())
    )


def _foreign_word_before_country(entry: PlaceName, prev: str) -> bool:
    """``Gazprom Nga``, ``Hesteel Serbia``: a foreign word that is no first name (``Lisa
    Monaco``) and ends no sentence (``Cheshire. Anh``), then a country."""
    return (
        entry.level == "country"
        and prev.isalpha()
        and not vietnamese_syllable(prev)
        and prev.casefold() not in foreign_first_names()
    )


def lexicon_entry(
    text: str, start: int, end: int, *, after_position: bool = False
) -> PlaceName | None:
    """The lexicon entry of the name written at ``start:end``, or None when it is not one
    there. ``after_position``: a post stands before it (``Thủ tướng``), so a country that no
    given name spells may be followed by its holder's name, whatever its shape."""
    written = text[start:end]
    entry = next(
        (e for e in place_names().get(fold_key(written), ()) if _written_as(e.name, written)), None
    )
    if entry is None:
        return None
    if (
        entry.bare == "cue"
        and entry.level != "country"
        and written.isupper()
        and not entry.name.isupper()
    ):
        return None  # "(OTA)", "TOYOTA": an abbreviation or a brand, not Ota or Toyota
    if len(LETTERS.findall(entry.name)) == 1 and not is_abbreviation(entry.name):
        # A one-syllable name (Lào, Mỹ) is a whole capitalised run: not Sơn Mỹ, Mỹ Đức.
        after = SPACE.match(text, end)
        nxt = SYLLABLE.match(text, after.end()) if after else None
        # "Việt Nam - Lào Ông Hùng": an honorific after the dash starts a new sentence;
        # "Tổng thống Mỹ Donald Trump": a foreign name after the country is its holder's.
        if (
            nxt
            and nxt.group().casefold() not in honorific_words("honorific")
            and nxt.group() not in lead_words()  # "ở London Theo …": a lost full stop
            and not foreign_name_at(text, nxt.start())
            and not (after_position and entry.level == "country" and entry.bare != "cue")
            and not country_at(text, nxt.start())  # "trở lại Syria Thổ Nhĩ Kỳ": a lost full stop
        ):
            return None
        prev = syllable_before(text, start)
        if (
            prev
            and prev[1][0].isupper()
            and not is_abbreviation(prev[1])
            and not any(ch.isdigit() for ch in prev[1])  # an age group: U20 Pháp
            and prev[1] not in lead_words()  # "Phía Mỹ", "Tại Lào": a sentence opener
            and not _ends_sentence(prev[1])  # "… châu Phi. Senegal chơi hay"
            and not _foreign_word_before_country(entry, prev[1])
            and after_bearing(text, start) is None  # "miền Nam Philippines"
            and not (  # "Đông Ukraine"; not "võ sư Nam Anh": Anh is a given name too
                entry.level == "country"
                and entry.bare != "cue"
                and bearing_before(text, start) is not None
            )
        ):
            return None
    return entry


def bearing_before(text: str, start: int) -> int | None:
    """Start of a capitalised compass point of one or two words (``Đông``, ``Tây Nam``)
    written right before ``start`` as a part of the place there (``Đông Ukraine``), else
    None: never the tail of a longer name (``Việt Nam Malaysia``: a lost comma) nor the
    opening of a name of its own (``Nam Phi``, ``Bắc Mỹ``, ``Nam Triều Tiên``)."""
    run: list[tuple[int, str]] = []
    pos = start
    while len(run) < 2 and (prev := syllable_before(text, pos)) and SYLLABLE.fullmatch(prev[1]):
        run.insert(0, prev)
        pos = prev[0]
    for k in range(len(run)):
        words = " ".join(w for _, w in run[k:])
        before = syllable_before(text, run[k][0])
        if words.casefold() not in context_words().bearing or (
            before is not None and before[1][:1].isupper() and before[1] not in lead_words()
        ):
            continue
        whole = lexicon_at(text, run[k][0])
        if whole is None or whole[1] <= start:
            return run[k][0]
    return None


def _ends_sentence(word: str) -> bool:
    """Whether ``word`` (read back across spaces) is a word and the full stop after it, not
    an abbreviation's or an initial's dot (``TP.``, ``H.``)."""
    return (
        word.endswith(".")
        and not word.endswith("..")
        and any(ch.islower() for ch in word)
        and len(word.rstrip(".").rsplit(".", 1)[-1]) > 1
    )


_NAME_PIECES = regex.compile(r"[ .\-]+")
_SPACES = regex.compile(r"\s+")


def _written_as(name: str, written: str) -> bool:
    """Abbreviations (TPHCM) as listed; other names with their first capital (Nam bộ)."""
    if any(is_abbreviation(w) for w in _NAME_PIECES.split(name)):
        return _SPACES.sub("", written) == name.replace(" ", "")
    for want, got in zip(name.split(), written.split(), strict=False):
        if want[0].isupper():
            return got[0].isupper()
    return True


def name_attr(entry: PlaceName | None, written: str) -> str:
    if entry is not None and entry.canonical:
        return entry.canonical
    return clean(written)
