"""PLACE mentions (administrative units, countries, regions, roads, rivers …) and the
``places`` linker that resolves them against :mod:`pipeline.resources.gazetteer`.

Rules, each a regex pass over the working text (the spaCy tokens only veto a unit word
that sits inside another word, as ``xã`` in ``Thông tấn xã``):

* ``place.unit_word``: a unit word of ``place_units.tsv`` and its name, a run of
  capitalised syllables or a number (``xã Liên Lộc``, ``TP.Buôn Ma Thuột``, ``phường 12``).
  An administrative name is cut to the longest prefix the gazetteer knows (``UBND tỉnh
  Thanh Hóa Đỗ Minh Tuấn`` → ``tỉnh Thanh Hóa``); ``thành phố X`` is a province when X is
  a centrally-run city, else a district.
* ``place.bare_name``: a name of ``place_names.tsv`` written bare (``Hà Nội``, ``Lào``).
* ``place.state_name``: a formal state name (``nước Cộng hòa xã hội chủ nghĩa Việt Nam``).
* ``place.list_after_unit``: the names listed after a plural unit word (``các xã Đồng
  Tân, Trung Tú và X``, ``7 tỉnh: Quảng Nam, …``), one PLACE each.
* ``place.parenthesised`` / ``place.parent_chain``: the parent unit written after a place
  (``xã Cao Nhân (Thủy Nguyên, Hải Phòng)``), when the gazetteer knows it at a higher level.
* ``place.known_name``: a name the article introduced with its unit word, written bare
  later (``xã Phù Chẩn`` … ``Phù Chẩn đạt 16/19 tiêu chí``).

Every mention has ``level`` and ``name`` (without the unit word); overlapping candidates
keep the one starting first (then the longest).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex
from spacy.attrs import IDX, IS_SPACE, LENGTH

from pipeline.errors import ResourceError
from pipeline.resources import gazetteer, honorific_words, load_tsv, surnames
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

LABEL = "PLACE"
LEVELS: tuple[str, ...] = ("province", "district", "commune", "village", "country", "other")
ADMIN_LEVELS: tuple[str, ...] = ("province", "district", "commune")
_UNIT_LEVELS = frozenset({"province", "district", "commune", "village", "other", "city"})

# One capitalised syllable (Đắk, R'Lấp, A); an all-capitals abbreviation is not one.
_SYL = r"\p{Lu}[\p{Ll}\p{M}]*(?:['’ʼ]\p{L}[\p{Ll}\p{M}]*)?(?![\p{L}\p{M}\d])"
_SYLLABLE = regex.compile(_SYL)
_SPACE = regex.compile(r"[ \t]+")
_OPTIONAL_SPACE = regex.compile(r"[ \t]*")
_DASH = regex.compile(r"[ \t]*[-–—][ \t]*")
_NUMBER = regex.compile(r"\d{1,4}[A-Z]?(?![\p{L}\p{M}\d])(?![.,/:]\d)")
_TRAILING_NUMBER = regex.compile(r"[ \t]+\d{1,4}[A-Z]?(?![\p{L}\p{M}\d])(?![.,/:]\d)")
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_CHAIN_GAP = regex.compile(r"[ \t]*(?:\(|,|;)[ \t]*")
_LIST_GAP = regex.compile(r"[ \t]*(?:,|;)[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+")
_STATE_NAME = regex.compile(
    r"(?:(?<![\p{L}\p{M}])[Nn]ước[ \t]+)?(?<![\p{L}\p{M}])Cộng[ \t]+[Hh]òa"
    r"(?:[ \t]+(?:[Xx]ã[ \t]+[Hh]ội|[Cc]hủ[ \t]+[Nn]ghĩa|[Dd]ân[ \t]+[Cc]hủ|[Nn]hân[ \t]+[Dd]ân"
    r"|[Ll]iên[ \t]+[Bb]ang|[Hh]ồi[ \t]+[Gg]iáo|[Ll]iên[ \t]+[Hh]iệp)){0,4}[ \t]+"
)
_LOWER_NEXT = regex.compile(r"[ \t]+\p{Ll}")
_WORD_AT_END = regex.compile(r"[\p{L}\p{M}\d'’.]+$")
_COUNT_AT_END = regex.compile(r"(?<![\d.,])\d+$")
_COUNTRY_CUE = regex.compile(r"(?<![\p{L}\p{M}])nước(?:[ \t]+bạn)?[ \t]+$")
_DASHED_WORD_AT_END = regex.compile(r"([\p{L}\p{M}]+)[ \t]*[-–—][ \t]*$")
_NAME_AND_QUOTE_AT_END = regex.compile(r"\p{Lu}[\p{L}\p{M}]*[ \t]*[“\"'‘«]$")
_PARENT_GAP = regex.compile(r"[ \t,;()\-–]*")
_PERSON_LABELS = frozenset({"PERSON"})


# --------------------------------------------------------------------------- resources


@dataclass(frozen=True, slots=True)
class UnitWord:
    """A unit word of ``place_units.tsv``."""

    word: str
    level: str
    in_span: bool
    numbered: str  # no | yes | only
    case: str  # any | lower | exact


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A bare place name of ``place_names.tsv``."""

    name: str
    level: str
    canonical: str
    central: bool
    bare: str  # "" | unit | cue


@dataclass(frozen=True, slots=True)
class _Context:
    before: dict[str, tuple[str, ...]]
    open: frozenset[str]
    name: dict[str, tuple[str, ...]]
    plural: frozenset[str]
    middle: frozenset[str]
    list_intro: tuple[str, ...]


def _key(text: str) -> str:
    """Lookup key of a name: NFC, casefolded, single spaces, dashes without spaces."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(_DASH.sub("-", text).casefold().split())


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
            or unit.numbered not in ("no", "yes", "only")
            or unit.case not in ("any", "lower", "exact")
            or unit.word in seen
        ):
            raise ResourceError(f"place_units.tsv: bad or repeated row {row}")
        seen.add(unit.word)
        out.setdefault(" ".join(unit.word.casefold().split()), []).append(unit)
    return {k: tuple(v) for k, v in out.items()}


@cache
def place_names() -> dict[str, tuple[PlaceName, ...]]:
    """Bare place names keyed by :func:`_key` (TP.HCM and Tp.HCM share a key)."""
    out: dict[str, list[PlaceName]] = {}
    seen: set[str] = set()
    for row in load_tsv("place_names.tsv"):
        entry = PlaceName(
            row["name"], row["level"], row["canonical"], row["central"] == "yes", row["bare"]
        )
        if entry.level not in LEVELS or entry.bare not in ("", "unit", "cue") or entry.name in seen:
            raise ResourceError(f"place_names.tsv: bad or repeated row {row}")
        seen.add(entry.name)
        out.setdefault(_key(entry.name), []).append(entry)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _context_words() -> _Context:
    before: dict[str, list[str]] = {}
    opening: set[str] = set()
    name: dict[str, list[str]] = {}
    plural: set[str] = set()
    middle: set[str] = set()
    intro: list[str] = []
    for row in load_tsv("place_context.tsv"):
        kind, unit, text = row["kind"], row["unit"].casefold(), row["text"]
        if unit not in ("*", "bare") and unit not in unit_words():
            raise ResourceError(f"place_context.tsv: unknown unit word in {row}")
        if kind == "before":
            before.setdefault(unit, []).append(text.casefold())
        elif kind == "open":
            opening.add(text.casefold())
        elif kind == "name":
            name.setdefault(unit, []).append(text)
        elif kind == "plural":
            plural.add(text.casefold())
        elif kind == "middle":
            middle.add(text)
        elif kind == "list":
            intro.append(text.casefold())
        else:
            raise ResourceError(f"place_context.tsv: unknown kind in {row}")
    return _Context(
        {k: tuple(v) for k, v in before.items()},
        frozenset(opening),
        {k: tuple(v) for k, v in name.items()},
        frozenset(plural),
        frozenset(middle),
        tuple(sorted(intro, key=len, reverse=True)),
    )


@cache
def _list_intro_regex() -> regex.Pattern[str]:
    """A word opening a list (gồm, như …) or a colon, with an optional colon and spaces."""
    intro = _context_words().list_intro
    words = [w for w in intro if w[0].isalpha()]
    marks = [w for w in intro if not w[0].isalpha()]
    return regex.compile(
        r"(?:(?<![\p{L}\p{M}])\L<words>(?![\p{L}\p{M}])[ \t]*:?|\L<marks>)[ \t]*",
        words=words,
        marks=marks,
    )


@cache
def _gazetteer_unit_types() -> frozenset[str]:
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
def _fold(text: str) -> str:
    """``text`` lower-cased character by character (same length, so offsets still hold):
    the lexicons are matched on it, which is several times faster than ignoring case."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@cache
def _unit_regex() -> regex.Pattern[str]:
    """Unit words on folded text; :func:`_unit_for` checks the case as written."""
    words = {u.word.lower() for units in unit_words().values() for u in units}
    # A word ending in a dot (TP.) may touch its name (TP.Hà Nội); any other ends at a
    # non-letter.
    return regex.compile(
        r"(?<![\p{L}\p{M}\d.])(?:\L<dotted>|\L<plain>(?![\p{L}\p{M}]))",
        dotted=sorted(w for w in words if w.endswith(".")),
        plain=sorted(w for w in words if not w.endswith(".")),
    )


@cache
def _name_regex() -> regex.Pattern[str]:
    """Place names on folded text, each dash in all its spellings."""
    names = {
        v.lower() for entries in place_names().values() for p in entries for v in _spellings(p.name)
    }
    return regex.compile(r"(?<![\p{L}\p{M}\d])\L<names>(?![\p{L}\p{M}\d])", names=sorted(names))


@cache
def _name_starts() -> regex.Pattern[str]:
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


def _unit_match(text: str, pos: int) -> tuple[int, int] | None:
    m = _unit_regex().match(_fold(text), pos)
    return m.span() if m else None


# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True, slots=True)
class _Candidate:
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


def _clean(text: str) -> str:
    return " ".join(text.split())


def _is_capitalised_at(text: str, pos: int) -> bool:
    return bool(_SYLLABLE.match(text, pos))


def _syllable_before(text: str, pos: int) -> tuple[int, str] | None:
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


def _is_abbreviation(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _run(text: str, pos: int, *, dashes: bool) -> list[tuple[int, int, str]]:
    """Capitalised syllables from ``pos`` as (start, end, separator before: "", " " or "-")."""
    m = _SYLLABLE.match(text, pos)
    if not m:
        return []
    out = [(m.start(), m.end(), "")]
    while True:
        end = out[-1][1]
        space = _SPACE.match(text, end)
        if space and (nxt := _SYLLABLE.match(text, space.end())):
            if _admin_unit_at(text, nxt.start()):
                break
            out.append((nxt.start(), nxt.end(), " "))
            continue
        dash = _DASH.match(text, end) if dashes else None
        if dash and (nxt := _SYLLABLE.match(text, dash.end())):
            out.append((nxt.start(), nxt.end(), "-"))
            continue
        break
    return out


def _admin_unit_at(text: str, pos: int) -> bool:
    """A capitalised administrative unit word followed by a name starts at ``pos``."""
    m = _unit_regex().match(_fold(text), pos)
    if not m:
        return False
    unit = _unit_for(text[m.start() : m.end()])
    if unit is None or unit.level not in ("province", "city", "district", "commune"):
        return False
    after = _SPACE.match(text, m.end())
    name = _SYLLABLE.match(text, after.end()) if after else None
    return bool(name and len(name.group()) > 1)


def _unit_for(written: str) -> UnitWord | None:
    for unit in unit_words().get(" ".join(written.casefold().split()), ()):
        if unit.case == "exact" and written != unit.word:
            continue
        if unit.case == "lower" and not written[0].islower():
            continue
        return unit
    return None


def _cut_person(text: str, syls: list[tuple[int, int, str]]) -> int:
    """Number of syllables before a person's name (surname + capitalised word) or a dash."""
    for i in range(1, len(syls)):
        if syls[i][2] == "-":
            return i
        if text[syls[i][0] : syls[i][1]] in surnames() and i + 1 < len(syls):
            return i
    return len(syls)


def _person_like(text: str, syls: list[tuple[int, int, str]]) -> bool:
    """Three words or more opening with a surname or with a middle name second (Văn, Thị)."""
    if len(syls) < 3:
        return False
    first, second = (text[s:e] for s, e, _ in syls[:2])
    return first in surnames() or second in _context_words().middle


def _known_prefix(text: str, syls: list[tuple[int, int, str]], level: str) -> int:
    """Syllables in the longest prefix the gazetteer knows at ``level`` (0 when none)."""
    shortest = 1 if len(syls) == 1 else 2
    for n in range(len(syls), shortest - 1, -1):
        if known(text[syls[0][0] : syls[n - 1][1]], level):
            return n
    return 0


def _lexicon_at(text: str, pos: int) -> tuple[PlaceName, int] | None:
    """The ``place_names.tsv`` entry written at ``pos`` (its case rules checked), and its end."""
    m = _name_regex().match(_fold(text), pos)
    if not m:
        return None
    entry = _lexicon_entry(text, m.start(), m.end())
    return (entry, m.end()) if entry else None


def _lexicon_entry(text: str, start: int, end: int) -> PlaceName | None:
    written = text[start:end]
    entry = next(
        (e for e in place_names().get(_key(written), ()) if _written_as(e.name, written)), None
    )
    if entry is None:
        return None
    if len(_LETTERS.findall(entry.name)) == 1:
        # A one-syllable name (Lào, Mỹ) is a whole capitalised run: not Sơn Mỹ, Mỹ Đức.
        after = _SPACE.match(text, end)
        nxt = _SYLLABLE.match(text, after.end()) if after else None
        # "Việt Nam - Lào Ông Hùng": an honorific after the dash starts a new sentence.
        if nxt and nxt.group().casefold() not in honorific_words("honorific"):
            return None
        prev = _syllable_before(text, start)
        if prev and prev[1][0].isupper() and not _is_abbreviation(prev[1]):
            return None
    return entry


def _written_as(name: str, written: str) -> bool:
    """Abbreviations (TPHCM) as listed; other names with their first capital (Nam bộ)."""
    if any(_is_abbreviation(w) for w in regex.split(r"[ .\-]+", name)):
        return regex.sub(r"\s+", "", written) == name.replace(" ", "")
    for want, got in zip(name.split(), written.split(), strict=False):
        if want[0].isupper():
            return got[0].isupper()
    return True


def _name_attr(entry: PlaceName | None, written: str) -> str:
    if entry is not None and entry.canonical:
        return entry.canonical
    return _clean(written)


# --------------------------------------------------------------------------- the rules


class _Finder:
    """All PLACE candidates of one article."""

    def __init__(self, ctx: DocContext, mentions: Sequence[Mention]) -> None:
        self.text = ctx.text
        self.ctx = ctx
        array = ctx.doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
        self.tokens = [(start, start + n) for start, n, space in array if not space]
        self.token_starts = [start for start, _ in self.tokens]
        self.persons = sorted((m.start, m.end) for m in mentions if m.label in _PERSON_LABELS)
        self.candidates: list[_Candidate] = []

    # -- unit words -------------------------------------------------------------------

    def unit_words(self) -> None:
        text = self.text
        for m in _unit_regex().finditer(_fold(text)):
            unit = _unit_for(text[m.start() : m.end()])
            if unit is None or self._blocked(m.start(), m.end(), unit):
                continue
            found = self._unit_name(m.start(), m.end(), unit)
            if found is None:
                self._plural_list(m.start(), m.end(), unit, None)
                continue
            cand = found
            self.candidates.append(cand)
            self._plural_list(m.start(), m.end(), unit, cand)

    def _blocked(self, start: int, end: int, unit: UnitWord) -> bool:
        text = self.text
        context = _context_words()
        if _after_word(
            text,
            start,
            (*context.before.get(unit.word.casefold(), ()), *context.before.get("*", ())),
        ):
            return True
        # A unit word inside a word the segmenter made (xã in "Thông tấn xã", bản in "văn
        # bản") does not open a place; a capitalised or abbreviated word before it may be a
        # segmentation slip ("TTXVN Tỉnh"), so only a lower-case one vetoes.
        i = bisect.bisect_right(self.token_starts, start) - 1
        if i >= 0:
            t_start, t_end = self.tokens[i]
            if t_start == start and t_end > end and _LOWER_NEXT.match(text, end, t_end):
                return True  # the first syllable of another word: hồ sơ, xã hội, cầu thủ
            if t_start < start < t_end:
                prev = _syllable_before(text, start)
                if (
                    prev
                    and prev[0] >= t_start
                    and prev[1][0].islower()
                    and prev[1].casefold() not in context.open
                ):
                    return True
        return False

    def _unit_name(self, start: int, end: int, unit: UnitWord) -> _Candidate | None:
        text = self.text
        written_unit = text[start:end]
        tight = unit.case == "exact" or unit.word.endswith(".")
        gap = (_OPTIONAL_SPACE if tight else _SPACE).match(text, end)
        if gap is None:
            return None
        pos = gap.end()
        span_start = start if unit.in_span else pos
        if unit.numbered in ("yes", "only"):
            num = _NUMBER.match(text, pos)
            if num:
                if unit.numbered == "only" and _LOWER_NEXT.match(text, num.end()):
                    return None
                level = "district" if unit.level == "city" else unit.level
                return _Candidate(
                    span_start, num.end(), level, num.group(), "place.unit_word", written_unit
                )
            if unit.numbered == "only":
                return None
        for blocked in (
            *_context_words().name.get(unit.word.casefold(), ()),
            *_context_words().name.get("*", ()),
        ):
            if text.startswith(blocked, pos) and not _is_letter(text, pos + len(blocked)):
                return None
        lexicon = _lexicon_at(text, pos)
        if lexicon is not None and lexicon[0].bare == "cue":
            lexicon = None
        if lexicon is not None and unit.level in ("province", "city", "district", "commune"):
            entry, lex_end = lexicon
            if entry.level in ("other", "country"):
                return None  # "các tỉnh Nam bộ": the region is written bare after a classifier
            if entry.level == "province" and (
                unit.level == "province" or (unit.level == "city" and entry.central)
            ):
                return _Candidate(
                    span_start,
                    lex_end,
                    "province",
                    _name_attr(entry, text[pos:lex_end]),
                    "place.unit_word",
                    written_unit,
                )
        level = unit.level
        if level == "city":
            level = "district"
        syls = _run(text, pos, dashes=level == "other")
        if not syls:
            return None
        if level in ADMIN_LEVELS:
            n = _known_prefix(text, syls, level)
            if n == 0:
                n = _cut_person(text, syls)
                if _person_like(text, syls[:n]) or (not unit.in_span and n > 2):
                    return None  # "Chủ tịch xã Nguyễn Văn Sơn", "Thành ủy Tất Thành Cang"
                if n == 1 and (syls[0][1] - syls[0][0] == 1 or _LOWER_NEXT.match(text, syls[0][1])):
                    return None  # "cấp tỉnh Từ ngày 15/01": a capitalised word, not a name
        elif level == "village":
            n = _cut_person(text, syls)
            if _person_like(text, syls[:n]):
                return None  # "Trưởng thôn Nguyễn Văn Trịnh"
        else:
            n = len(syls)
        name_end = syls[n - 1][1]
        if level in ("village", "other") and n == len(syls):
            trailing = _TRAILING_NUMBER.match(text, name_end)
            if trailing:
                name_end = trailing.end()
        return _Candidate(
            span_start,
            name_end,
            level,
            _clean(text[pos:name_end]),
            "place.unit_word",
            written_unit,
        )

    def _plural_list(self, start: int, end: int, unit: UnitWord, first: _Candidate | None) -> None:
        """Names listed after a plural unit word: ``các xã A, B và C``, ``7 tỉnh: A, B``."""
        if not unit.in_span or not self._plural(start):
            return
        text = self.text
        level = "province" if unit.level == "city" else unit.level
        if first is not None:
            pos, level = first.end, first.level
        elif level == "other":
            return
        else:
            pos = self._list_start(end)
            if pos is None:
                return
            item = self._list_item(pos, level)
            if item is None:
                return
            self.candidates.append(item)
            pos = item.end
        while True:
            gap = _LIST_GAP.match(text, pos)
            if gap is None:
                return
            item = self._list_item(gap.end(), level)
            if item is None:
                return
            self.candidates.append(item)
            pos = item.end
            if "và" in gap.group():
                return

    def _plural(self, start: int) -> bool:
        """A count or a plural word (các, những …) right before the unit word."""
        before = self.text[max(0, start - 20) : start].rstrip(" \t")
        return bool(_COUNT_AT_END.search(before)) or _after_word(
            self.text, start, _context_words().plural
        )

    def _list_start(self, end: int) -> int | None:
        """Where the names of a plural unit word without a name start (after gồm:, như …)."""
        text = self.text
        sent_end = min(self.ctx.sentence_of(end)[1], end + 80)
        for m in _list_intro_regex().finditer(_fold(text), end, sent_end):
            if _is_capitalised_at(text, m.end()):
                return m.end()
        return None

    def _list_item(self, pos: int, level: str) -> _Candidate | None:
        text = self.text
        if _unit_match(text, pos):
            return None
        lexicon = _lexicon_at(text, pos)
        if lexicon is not None and lexicon[0].level != level and lexicon[0].level != "province":
            return None
        syls = _run(text, pos, dashes=False)
        if not syls:
            return None
        first = text[syls[0][0] : syls[0][1]]
        if first in surnames() and len(syls) > 1 and not known(text[pos : syls[-1][1]], level):
            return None
        n = len(syls)
        if level in ADMIN_LEVELS:
            n = _known_prefix(text, syls, level) or _cut_person(text, syls)
        end = syls[n - 1][1]
        if n == 1 and _LOWER_NEXT.match(text, end):
            return None  # one capitalised word opening a sentence: "lĩnh vực: Tư pháp"
        return _Candidate(pos, end, level, _clean(text[pos:end]), "place.list_after_unit")

    # -- bare names ----------------------------------------------------------------------

    def bare_names(self) -> None:
        text = self.text
        folded = _fold(text)
        names = _name_regex()
        for start in _name_starts().finditer(text):
            m = names.match(folded, start.start())
            if m is None:
                continue
            entry = _lexicon_entry(text, m.start(), m.end())
            if entry is None or entry.bare == "unit":
                continue
            if entry.bare == "cue" and not self._cued(m.start(), m.end()):
                continue
            if len(_LETTERS.findall(entry.name)) == 1 and not self._whole_token(m.start(), m.end()):
                continue  # "Pháp luật", "Mỹ thuật": the segmenter sees one word
            if not self._bare_ok(m.start(), m.end()) or self._credit_line(m.start(), m.end()):
                continue
            if _after_word(text, m.start(), _context_words().before.get("bare", ())):
                continue
            self.candidates.append(
                _Candidate(
                    m.start(),
                    m.end(),
                    entry.level,
                    _name_attr(entry, text[m.start() : m.end()]),
                    "place.bare_name",
                )
            )

    def _whole_token(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.token_starts, start) - 1
        return i < 0 or self.tokens[i][0] != start or self.tokens[i][1] <= end

    def _credit_line(self, start: int, end: int) -> bool:
        """A bare name that is a whole sentence, not the title, is a byline (a pen name)."""
        sentence = self.ctx.sentence_of(start)
        return sentence == (start, end) and sentence != self.ctx.title

    def _cued(self, start: int, end: int) -> bool:
        text = self.text
        before = text[max(0, start - 12) : start].casefold()
        if _COUNTRY_CUE.search(before):
            return True
        dash = _DASH.match(text, end)
        if dash and (other := _lexicon_at(text, dash.end())) and other[0].level == "country":
            return True
        dash_before = _DASHED_WORD_AT_END.search(text[max(0, start - 30) : start])
        if dash_before:
            entries = place_names().get(_key(dash_before.group(1)), ())
            if any(e.level == "country" for e in entries):
                return True
        return False

    def _bare_ok(self, start: int, end: int) -> bool:
        """Not part of a person's name: no honorific or surname run right before it."""
        if any(s <= start and end <= e for s, e in self.persons):
            return False
        text = self.text
        quoted = _NAME_AND_QUOTE_AT_END.search(text[max(0, start - 30) : start])
        if quoted:
            return False  # a nickname: Hùng “Sài Gòn”
        prev = _syllable_before(text, start)
        if prev is None:
            return True
        if prev[1].casefold() in honorific_words("honorific"):
            return False
        # Walk back over the capitalised run before the name: a surname or an honorific
        # opening it makes the whole run a person's name (Ông Nguyễn Hòa Bình).
        pos = start
        run: list[str] = []
        while (p := _syllable_before(text, pos)) and _SYLLABLE.fullmatch(p[1]):
            run.insert(0, p[1])
            pos = p[0]
        before_run = _syllable_before(text, pos)
        if before_run and before_run[1].casefold() in honorific_words("honorific"):
            return False
        honorific = bool(run) and run[0].casefold() in honorific_words("honorific")
        return not (honorific or (run and run[0] in surnames()))

    def state_names(self) -> None:
        text = self.text
        for m in _STATE_NAME.finditer(text):
            country = _name_regex().match(_fold(text), m.end())
            if country is None or not any(
                e.level == "country"
                for e in place_names().get(_key(text[country.start() : country.end()]), ())
            ):
                continue
            end = country.end()
            name_start = m.start()
            if text[name_start : name_start + 4].casefold() == "nước":
                name_start = _SPACE.match(text, name_start + 4).end()  # type: ignore[union-attr]
            self.candidates.append(
                _Candidate(
                    m.start(), end, "country", _clean(text[name_start:end]), "place.state_name"
                )
            )

    # -- names introduced with a unit word -----------------------------------------------

    def known_names(self, found: Sequence[_Candidate]) -> None:
        """Bare repeats of admin names the article wrote with their unit word."""
        levels: dict[str, Counter[str]] = {}
        for cand in found:
            if cand.rule != "place.unit_word" or cand.level not in ADMIN_LEVELS:
                continue
            words = cand.name.split()
            if len(words) < 2 or words[0] in surnames() or _key(cand.name) in place_names():
                continue
            levels.setdefault(cand.name, Counter())[cand.level] += 1
        if not levels:
            return
        pattern = regex.compile(
            r"(?<![\p{L}\p{M}\d])\L<names>(?![\p{L}\p{M}\d])", names=list(levels)
        )
        text = self.text
        for m in pattern.finditer(text):
            counts = levels.get(_clean(m.group()))
            if counts is None:
                continue
            after = _SPACE.match(text, m.end())
            if after and _is_capitalised_at(text, after.end()):
                continue
            prev = _syllable_before(text, m.start())
            if prev and prev[1][0].isupper() and not _is_abbreviation(prev[1]):
                continue
            if not self._bare_ok(m.start(), m.end()):
                continue
            level = max(counts, key=lambda lv: (counts[lv], -ADMIN_LEVELS.index(lv)))
            self.candidates.append(
                _Candidate(m.start(), m.end(), level, _clean(m.group()), "place.known_name")
            )

    # -- parents written after a place ---------------------------------------------------

    def parents(self, found: Sequence[_Candidate]) -> None:
        text = self.text
        taken = {(c.start, c.end) for c in found}
        starts = {c.start for c in found}
        for cand in found:
            if cand.level not in ("commune", "district", "village"):
                continue
            pos, level, in_parens = cand.end, cand.level, False
            while True:
                gap = _CHAIN_GAP.match(text, pos)
                if gap is None:
                    break
                in_parens = in_parens or "(" in gap.group()
                nxt = gap.end()
                if nxt in starts or _unit_match(text, nxt):
                    break  # written with its unit word, or already found
                syls = _run(text, nxt, dashes=False)
                if not syls:
                    break
                above = [lv for lv in ADMIN_LEVELS if _rank(lv) < _rank(level)]
                hit = None
                for lv in reversed(above):
                    n = _known_prefix(text, syls, lv)
                    if n == len(syls):
                        hit = (lv, syls[n - 1][1])
                        break
                if hit is None:
                    break
                lv, end = hit
                if (nxt, end) not in taken:
                    rule = "place.parenthesised" if in_parens else "place.parent_chain"
                    self.candidates.append(_Candidate(nxt, end, lv, _clean(text[nxt:end]), rule))
                pos, level = end, lv
                if lv == "province":
                    break


def _after_word(text: str, pos: int, words: Iterable[str]) -> bool:
    """Whether one of ``words`` (casefolded) ends right before ``pos``, across spaces."""
    before = text[max(0, pos - 30) : pos].casefold().rstrip(" \t")
    for word in words:
        if before.endswith(word) and (
            len(before) == len(word) or not _is_letter(before, len(before) - len(word) - 1)
        ):
            return True
    return False


def _rank(level: str) -> int:
    return {"province": 0, "district": 1, "commune": 2, "village": 3}.get(level, 9)


def _is_letter(text: str, pos: int) -> bool:
    return pos < len(text) and (text[pos].isalpha() or unicodedata.category(text[pos]) == "Mn")


def _select(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates: the one starting first wins, then the longest."""
    order = {"place.unit_word": 0, "place.state_name": 0, "place.bare_name": 1}
    chosen: list[_Candidate] = []
    last_end = -1
    for cand in sorted(
        candidates, key=lambda c: (c.start, -(c.end - c.start), order.get(c.rule, 2))
    ):
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    return chosen


def find_places(ctx: DocContext, mentions: Sequence[Mention] = ()) -> list[Mention]:
    """PLACE mentions of ``ctx`` (working-text offsets), sorted by position."""
    finder = _Finder(ctx, mentions)
    finder.unit_words()
    finder.bare_names()
    finder.state_names()
    first = _select(finder.candidates)
    finder.known_names(first)
    finder.parents(_select(finder.candidates))
    return [c.mention() for c in _select(finder.candidates)]


def component(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` plus the PLACE mentions of ``ctx``."""
    return [*mentions, *find_places(ctx, mentions)]
