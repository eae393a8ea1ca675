"""Vietnamese numbers as written: digits with Vietnamese separators, scale words, number words.

Vietnamese writes ``.`` between thousands and ``,`` before decimals (``1.200`` = 1200,
``495,29`` = 495.29); ``nghìn``/``ngàn``, ``triệu`` and ``tỷ``/``tỉ`` scale what precedes them
(``2,5 tỷ`` = 2500000000). Numbers are also spelled out (``ba``, ``mười lăm``, ``hai mươi
mốt``, ``hai nghìn``). :func:`parse_number` turns such text into an exact :class:`Decimal`;
:data:`NUMBER_PATTERN` finds it in running text. The words and their roles are data in
``resources/number_words.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

import regex

from pipeline.errors import ResourceError
from pipeline.resources import honorific_rows, load_tsv

_WORD_ROLES = frozenset(
    {"digit", "after_tens", "ten", "tens", "hundred", "scale", "filler", "half"}
)
_ROLES = _WORD_ROLES | {"short_scale"}


@dataclass(frozen=True, slots=True)
class NumberWord:
    """One row of ``number_words.tsv``."""

    word: str
    value: int
    role: str


@cache
def number_words() -> dict[str, NumberWord]:
    """The number-word lexicon keyed by the (lowercase) word; validated on first use."""
    out: dict[str, NumberWord] = {}
    for row in load_tsv("number_words.tsv", key="word"):
        if row["role"] not in _ROLES:
            raise ResourceError(
                f"number_words.tsv: unknown role {row['role']!r} for {row['word']!r}"
            )
        try:
            value = int(row["value"])
        except ValueError as err:
            raise ResourceError(f"number_words.tsv: bad value for {row['word']!r}") from err
        out[row["word"].casefold()] = NumberWord(row["word"].casefold(), value, row["role"])
    return out


def _words_with(*roles: str) -> list[str]:
    return sorted(
        (w for w, nw in number_words().items() if nw.role in roles), key=len, reverse=True
    )


#: Whitespace within one line: spans never run across a line break.
INLINE_SPACE = r"[^\S\n]"


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", INLINE_SPACE + "+") for w in ordered)


#: Digits as Vietnamese writes them: ``1.200``, ``1.090,2``, ``495,29``, ``15``, ``01``.
DIGITS_PATTERN = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


def _scale_pattern() -> str:
    return alternation(_words_with("scale"))


def _word_number_pattern() -> str:
    """Spelled-out numbers from two upward (``một`` only before a multiplier)."""
    multipliers = alternation(_words_with("tens", "hundred", "scale"))
    starts = [w for w in _words_with("digit", "ten") if w != "một"]
    cont = alternation(_words_with(*_WORD_ROLES))
    first = rf"(?:{alternation(starts)}|một(?={INLINE_SPACE}+(?:{multipliers})(?!\w)))"
    return rf"(?:{first})(?:{INLINE_SPACE}+(?:{cont})(?!\w))*"


#: Regex source of the scale words (``nghìn``, ``ngàn``, ``triệu``, ``tỷ``, ``tỉ``), lowercase.
SCALE_PATTERN = _scale_pattern()
#: Regex source of the short scales glued to digits in informal writing (``k``, ``tr``).
SHORT_SCALE_PATTERN = alternation(_words_with("short_scale"))
#: Regex source of a spelled-out number (lowercase; wrap in ``(?i:...)`` for any case).
WORD_NUMBER_PATTERN = _word_number_pattern()
#: Regex source matching one number as written: digits (with optional scale words, ``1,2
#: triệu``) or number words (``hai mươi mốt``), never a piece of a longer digit string
#: (``12.8.2022``, ``16/19``). Spelled-out words match in any letter case. Compile with the
#: ``regex`` module; a match may still be a word that is not a number in context (``năm``
#: is also "year"), so callers check the context and pass the match to :func:`parse_number`.
NUMBER_PATTERN = (
    rf"(?<![\w/+]|\d[.,])"
    rf"(?:(?:{DIGITS_PATTERN})(?:{INLINE_SPACE}*(?:{SCALE_PATTERN})(?!\w))*(?![.,/]?\d)"
    rf"|(?i:{WORD_NUMBER_PATTERN})(?!\w))"
)

_TOKEN = regex.compile(r"\d[\d.,]*\d|\d|\p{L}+")
_VN_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_VN_PLAIN = regex.compile(r"\d+(?:,\d+)?")
_EN_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
#: One dot and one or two decimals: an English decimal point (``1.5``, ``9.6``).
EN_DECIMAL = regex.compile(r"\d+\.\d{1,2}")
_PERCENT = regex.compile(r"\s*(?:%|phần\s+trăm)$")


def parse_digits(text: str) -> Decimal | None:
    """A digit string in Vietnamese format (``1.200``, ``495,29``) as a Decimal, else None.

    ``1,200,000`` (several comma groups) is read as English thousands and ``1.5`` (one dot,
    one or two decimals) as an English decimal, as crawled pages sometimes write them.
    """
    if _VN_THOUSANDS.fullmatch(text) or _VN_PLAIN.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if EN_DECIMAL.fullmatch(text):
        return Decimal(text)
    return None


def parse_number(text: str) -> Decimal | None:
    """The exact value of a number as written, or None when ``text`` is not one number.

    Accepts digits in Vietnamese format (``1.200`` → 1200, ``495,29`` → 495.29), digits
    with scale words (``1,2 triệu`` → 1200000, ``2,5 tỷ`` → 2500000000), a trailing ``%``
    or ``phần trăm`` (``15%`` → 15) and spelled-out numbers (``ba`` → 3, ``mười lăm`` → 15,
    ``hai mươi mốt`` → 21, ``một trăm`` → 100, ``hai nghìn`` → 2000, ``ba trăm linh năm`` →
    305, ``hai triệu rưỡi`` → 2500000). Bare ``một`` gives None: the annotation guide counts
    spelled-out numbers from two upward only. Letter case and extra spaces do not matter.
    """
    text = _PERCENT.sub("", " ".join(text.split()).casefold())
    if not text:
        return None
    tokens: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if text[pos : m.start()].strip():
            return None
        tokens.append(m.group())
        pos = m.end()
    if text[pos:].strip() or not tokens:
        return None
    if tokens == ["một"]:
        return None
    try:
        return _evaluate(tokens)
    except (InvalidOperation, _NotANumber):
        return None


class _NotANumber(Exception):
    pass


def _evaluate(tokens: list[str]) -> Decimal:
    """Fold number tokens into a value: sections below a thousand, scaled by nghìn/triệu/tỷ."""
    words = number_words()
    total = Decimal(0)
    section = Decimal(0)  # the part below the next scale word
    digit: Decimal | None = None  # a digit waiting for its multiplier
    last_scale = Decimal(0)  # the scale word just folded into total, for "nghìn tỷ"/"rưỡi"
    prev = ""  # role of the previous token
    for tok in tokens:
        if tok[0].isdigit():
            value = parse_digits(tok)
            if value is None or digit is not None or section or prev not in ("", "scale"):
                raise _NotANumber
            digit, prev = value, "number"
            continue
        nw = words.get(tok)
        if nw is None:
            raise _NotANumber
        role = nw.role
        if role == "digit":
            if digit is not None or prev == "ten_unit":
                raise _NotANumber
            digit, prev = Decimal(nw.value), "digit"
        elif role == "after_tens":
            if prev not in ("ten", "tens") or digit is not None:
                raise _NotANumber
            digit, prev = Decimal(nw.value), "ten_unit"
        elif role == "ten":
            if digit is not None or prev in ("ten", "tens"):
                raise _NotANumber
            section += 10
            prev = "ten"
        elif role == "tens":
            if digit is None or prev != "digit":
                raise _NotANumber
            section += digit * nw.value
            digit, prev = None, "tens"
        elif role == "hundred":
            if digit is None or section or prev not in ("digit",):
                raise _NotANumber
            section = digit * 100
            digit, prev = None, "hundred"
        elif role == "filler":
            if prev != "hundred":
                raise _NotANumber
            prev = "filler"
        elif role == "half":
            if prev == "scale":
                total += last_scale / 2
            elif prev == "hundred":
                section += 50
            else:
                raise _NotANumber
            prev = "half"
        else:  # scale
            scale = Decimal(nw.value)
            chunk = section + (digit or 0)
            if chunk == 0:
                if prev == "scale" and scale > last_scale:
                    total *= scale  # "nghìn tỷ": a compound scale
                else:
                    raise _NotANumber
            elif last_scale and scale >= last_scale:
                raise _NotANumber  # "2 triệu 3 triệu": two sums, not "15 tỉ 760 triệu"
            else:
                total += chunk * scale
            section, digit, last_scale, prev = Decimal(0), None, scale, "scale"
    if prev == "filler":
        raise _NotANumber
    value = total + section + (digit or 0)
    # 1,2 × 10^6 is 1200000.0 in Decimal arithmetic; keep integral values integral.
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def to_json_number(value: Decimal) -> int | float:
    """A Decimal as the JSON number the records carry: an exact int when integral."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# --- the words around numbers: units, counted nouns, context words ----------------------------

QUANTITIES: tuple[str, ...] = (
    "area",
    "households",
    "population",
    "people",
    "money",
    "percent",
    "length",
    "mass",
    "count",
    "other",
)
_UNIT_KINDS = frozenset({"measure", "noun", "classifier", "measure_word"})
#: The lexicon files of units and counted nouns, read as one table.
_UNIT_FILES = ("units.tsv", "unit_nouns.tsv")
_RECIPIENTS = frozenset({"", "collective", "individual", "family", "other"})
_CONTEXT_ROLES = frozenset(
    {
        "code",
        "name",
        "ordinal",
        "duration",
        "stop",
        "idiom",
        "sport_idiom",
        "homograph",
        "premodifier",
        "frame",
        "factor",
        "not_code",
        "after_scale",
        "attribute",
        "half",
        "share",
        "clock",
        "clock_cue",
        "vague",
        "money_cue",
        "money_after",
        "carat",
    }
)


@dataclass(frozen=True, slots=True)
class Unit:
    """One row of ``units.tsv`` or ``unit_nouns.tsv``: a measurement unit or a counted noun."""

    text: str
    kind: str  # measure | noun | classifier | measure_word
    quantity: str
    multiplier: Decimal
    recipient: str | None  # the AWARD recipient class this noun would have, if any
    before: tuple[str, ...] = ()  # the unit counts only before one of these words
    lower_only: bool = False  # counts only written in lower case (a profession, not "Trọng tài X")


@cache
def units() -> dict[str, Unit]:
    """Units and counted nouns of ``units.tsv`` and ``unit_nouns.tsv``, keyed by their text
    (measures as written, nouns casefolded)."""
    out: dict[str, Unit] = {}
    for name in _UNIT_FILES:
        for row in load_tsv(name, key="unit"):
            text, kind, quantity = row["unit"], row["kind"], row["quantity"]
            if kind not in _UNIT_KINDS or quantity not in QUANTITIES:
                raise ResourceError(f"{name}: bad kind or quantity for {text!r}")
            if row["recipient"] not in _RECIPIENTS:
                raise ResourceError(f"{name}: bad recipient for {text!r}")
            try:
                multiplier = Decimal(row["multiplier"] or "1")
            except InvalidOperation as err:
                raise ResourceError(f"{name}: bad multiplier for {text!r}") from err
            key = text if kind == "measure" else text.casefold()
            if key in out:
                raise ResourceError(f"{name}: {text!r} is defined twice")
            before = tuple(w for w in (row.get("before") or "").split("|") if w)
            out[key] = Unit(key, kind, quantity, multiplier, row["recipient"] or None, before)
    # The professions before a name (honorifics.tsv: ca sĩ, võ sĩ, tay vợt) count people,
    # written in lower case: capitalised, they open a name or a title ("Hoa hậu X").
    for row in honorific_rows():
        word = row["word"]
        if row["kind"] == "profession" and (word.isupper() or not word[:1].isupper()):
            lower = not word.isupper()  # an abbreviation (MC, VĐV) is written in capitals
            key = word.casefold()
            out.setdefault(key, Unit(key, "noun", "people", Decimal(1), None, lower_only=lower))
    return out


def lookup_unit(text: str) -> Unit | None:
    """The lexicon entry for a unit or counted noun as written, or None."""
    table = units()
    unit = table.get(text) or table.get(" ".join(text.split()).casefold())
    if unit is not None and unit.lower_only and not text[:1].islower():
        return None
    return unit


@cache
def context_words(role: str) -> tuple[str, ...]:
    """Casefolded words of one role in ``figure_words.tsv``, longest first."""
    if role not in _CONTEXT_ROLES:
        raise ValueError(f"unknown context-word role {role!r}")
    seen: set[tuple[str, str]] = set()
    words: list[str] = []
    for row in load_tsv("figure_words.tsv"):
        if row["role"] not in _CONTEXT_ROLES:
            raise ResourceError(f"figure_words.tsv: unknown role {row['role']!r}")
        pair = (row["word"].casefold(), row["role"])
        if pair in seen:
            raise ResourceError(f"figure_words.tsv: {pair} is defined twice")
        seen.add(pair)
        if row["role"] == role:
            words.append(pair[0])
    return tuple(sorted(words, key=len, reverse=True))


@cache
def scale_only_units() -> frozenset[str]:
    """The units counted only after a scale word (``figure_words.tsv``, role after_scale), as
    written: a lowercase entry holds in any case (``bảng``, ``Bảng``), a capitalised one
    for that spelling only (``Đồng``: ``500 đồng`` needs no scale)."""
    return frozenset(
        row["word"] for row in load_tsv("figure_words.tsv") if row["role"] == "after_scale"
    )


def needs_scale(unit: str) -> bool:
    """Whether the measure ``unit`` counts an amount only after a scale word."""
    listed = scale_only_units()
    return unit in listed or unit.casefold() in listed


@cache
def unit_regex() -> regex.Pattern[str]:
    """A unit or counted noun right after a number: group ``measure`` (case-sensitive, may be
    glued: ``2,3ha``) or group ``noun`` (any case, after a space), with an optional
    premodifier (``cựu``) before the noun. Match it at the end of the number."""
    table = units()
    measures = [u.text for u in table.values() if u.kind == "measure"]
    sp = INLINE_SPACE
    # "5 chỉ vàng": a unit whose word is mostly another word counts only before its substance
    plain = [u for u in table.values() if u.kind != "measure" and not u.before]
    nouns = "|".join(
        # a profession counts in lower case only ("5 ca sĩ", "18 nhà phân tích"; "52 Trọng
        # tài" is a live-text minute), tried first: it is never a prefix of another noun
        [rf"(?-i:{alternation([u.text for u in plain if u.lower_only])})"]
        + [alternation([u.text for u in plain if not u.lower_only])]
        + [
            rf"{regex.escape(u.text)}(?={sp}+(?:{alternation(u.before)})(?!\w))"
            for u in table.values()
            if u.before
        ]
    )
    premod = alternation(context_words("premodifier"))
    # Nouns first: "đồng phạm" is a noun, bare "đồng" the currency.
    return regex.compile(
        rf"{sp}+(?:(?i:{premod}){sp}+)?(?P<noun>(?i:{nouns}))(?!\w)"
        # A symbol unit may be glued to the next word ("20%so với"): no boundary after it.
        rf"|{sp}*(?P<measure>{alternation(measures)})(?:(?<=[^\w²³])|(?![\w²³]))"
    )
