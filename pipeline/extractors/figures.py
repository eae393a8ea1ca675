"""FIGURE mentions: a number with its measurement unit or counted noun.

One precompiled regex finds every number in the working text (digits in Vietnamese format,
optionally scaled by ``nghìn``/``triệu``/``tỷ``, or spelled-out numbers); each number is
then checked against its neighbours, never token by token over the whole article:

- what follows must be a unit or counted noun from ``resources/units.tsv``
  [``figure.number_unit`` for measures such as ``ha``, ``m2``, ``tỷ đồng``, ``%``;
  ``figure.count_noun`` for nouns such as ``hộ``, ``nhân khẩu``, ``xã``]; a classifier
  takes the next word as its head (``con vịt``, ``cây dừa``) [``figure.classifier_noun``];
  after digits, any other multi-syllable lowercase word is taken as the counted noun
  [``figure.open_noun``]; ``2,5 tỷ`` alone is money [``figure.scale_money``], and so are
  the short thousands and millions glued to digits in chat writing (``100k``, ``1tr 50k``;
  ``160k lượt xem`` counts views; ``vàng 24k`` is a carat); a word that
  describes (``to``, ``tươi``, ``còn lại``) is never the head after a classifier;
- a fraction or a half of a measure, a measure word or a classifier: ``1/2 chén``, ``½ quả
  bơ``, ``1 nửa quả chanh`` (value 0.5) [``figure.fraction``]; ``nửa bát`` and ``một nửa``
  are spelled out below two, no count; a fraction before anything else is a ratio or a
  share (``2/3 số hộ``, ``4/6 trận``);
- ``9 - 10 xã``, ``50-70 triệu đồng``, ``30.000 đồng đến 60.000 đồng`` are one FIGURE with
  ``value_max`` [``figure.range``];
- spelled-out numbers from two upward count with a lexicon noun or unit
  [``figure.word_number``], and with any noun of two syllables or more (``hai tiết
  mục``); ``một``, bare ``năm`` (also "year") and idioms (``hai bên``,
  ``hai nước``) do not;
- not FIGUREs: numbers after a name, code or address word (``thôn 11``, ``Quyết định 281``,
  ``Ban chỉ đạo 138``) or right after a capitalised word mid-sentence (``Đoàn 559``),
  ordinals (``lần thứ 3``), ratios (``18/23``), durations, ages and clock times (no unit
  follows), and anything inside a DATE.

Qualifiers (``hơn``, ``gần``, ``khoảng``) stay outside the span, and a per-unit amount stops
at its unit (``72 triệu đồng/người/năm`` → ``72 triệu đồng``). ``value`` is exact: computed
in :class:`~decimal.Decimal`, emitted as an int when integral (money is never float-rounded).
Award recipient counts (``3 tập thể``) are emitted too, marked with the private attribute
``_recipient`` (see :func:`recipient_class`) so the AWARD extractor can tell them apart.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import cache

import regex

from pipeline.extractors import dates
from pipeline.extractors.place_words import fold_key, place_names, sport_article
from pipeline.resources import lead_words, speech_verbs
from pipeline.text.numbers import (
    DIGITS_PATTERN,
    EN_DECIMAL,
    INLINE_SPACE,
    SCALE_PATTERN,
    SHORT_SCALE_PATTERN,
    WORD_NUMBER_PATTERN,
    Unit,
    alternation,
    context_words,
    lookup_unit,
    needs_scale,
    number_words,
    parse_number,
    to_json_number,
    unit_regex,
    units,
)
from pipeline.text.pos import word_class
from pipeline.text.scan import SpanIndex
from pipeline.text.segment import dictionary_word_end, dictionary_words
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

LABEL = "FIGURE"
_PEOPLE_LIKE = frozenset({"people", "households", "population"})
_MONEY_SCALES = frozenset({"tỷ", "tỉ"})
# Quantities with a measurement unit: "GPMB 1.087ha" is a figure even after a capital.
_MEASURED = frozenset({"area", "length", "mass", "money", "percent"})
_GAP = regex.compile(r"[ \t]{1,3}")
_TIMES = "lần"  # "gấp 3 lần": the unit of a multiple
# What a fraction or a half may divide: a measure, a measure word, a classified thing.
_DIVISIBLE = frozenset({"measure", "measure_word", "classifier"})
# The fractions of recipes (1/2, 2/3, 3/4); "4/6 trận", "5/7 mẫu" are ratios.
_FRACTION = regex.compile(r"(?P<num>[1-3])/(?P<den>[2-4])")
_FRACTION_GLYPHS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"


@dataclass(frozen=True)
class _Patterns:
    number: regex.Pattern[str]
    range_sep: regex.Pattern[str]
    written_range_sep: regex.Pattern[str]
    blocked_before: regex.Pattern[str]
    not_code_before: regex.Pattern[str]
    scale_before: regex.Pattern[str]
    factor_before: regex.Pattern[str]
    joined_factor: regex.Pattern[str]
    prev_word: regex.Pattern[str]
    sentence_start: regex.Pattern[str]
    head_word: regex.Pattern[str]
    not_head: frozenset[str]
    not_head_first: frozenset[str]
    idioms: regex.Pattern[str]
    sport_idioms: regex.Pattern[str]
    frames: tuple[tuple[regex.Pattern[str], regex.Pattern[str]], ...]
    clock_units: frozenset[str]
    part_of_day_after: regex.Pattern[str]
    clock_before: regex.Pattern[str]
    vague_before: regex.Pattern[str]
    money_before: regex.Pattern[str]
    carat_before: regex.Pattern[str]
    money_after: regex.Pattern[str]
    money_next: regex.Pattern[str]
    homographs: regex.Pattern[str]
    shares: frozenset[str]
    attributes: frozenset[str]
    name_words: frozenset[str]
    code_words: frozenset[str]


@cache
def _patterns() -> _Patterns:
    sp = INLINE_SPACE
    blocked = alternation(context_words("code") + context_words("name") + context_words("ordinal"))
    half = alternation(context_words("half"))
    return _Patterns(
        number=regex.compile(
            # "60.000 đồng/ 1 bát": the number after a per-unit slash is no amount of its own.
            rf"(?<![\w/+]|\d[.,]|\p{{L}}-|/{sp}+)"
            # "1 nửa" is a half; "nửa", "một nửa" are spelled out below two, no count.
            rf"(?:(?P<part>1{sp}+(?i:{half})(?!\w)"
            rf"|{_FRACTION.pattern}(?![.,/]?\d)|[{_FRACTION_GLYPHS}](?![.,/]?\d))"
            # "9.6km", "1.5 tỷ": one dot and one or two decimals is an English decimal point
            # (a Vietnamese thousands dot has three digits after it).
            rf"|(?P<digits>{DIGITS_PATTERN}|{EN_DECIMAL.pattern})(?![.,/]?\d)"
            rf"(?P<short>(?:{SHORT_SCALE_PATTERN})(?![\p{{L}}\p{{M}}\d]))?"
            rf"|(?P<words>(?i:{WORD_NUMBER_PATTERN}))(?!\w))"
            rf"(?P<scale>(?:{sp}*(?:{SCALE_PATTERN})(?!\w))*)"
            # "15 tỉ 760 triệu", "1tr 50k", "12 triệu 900k": smaller sums after a scaled one
            # (parse_number refuses a scale that does not decrease).
            rf"(?P<tail>(?:(?<=(?:{SCALE_PATTERN}|{SHORT_SCALE_PATTERN})){sp}+\d{{1,3}}(?:(?:{SHORT_SCALE_PATTERN})(?![\p{{L}}\p{{M}}\d])"
            rf"|{sp}+(?:{SCALE_PATTERN})(?!\w)))+)?"
        ),
        range_sep=regex.compile(rf"{sp}*(?:[-–—]|(?i:đến|tới)){sp}*"),
        written_range_sep=regex.compile(rf",{sp}+"),
        blocked_before=regex.compile(rf"(?:^|[^\w])(?P<w>(?i:{blocked}))\s*\Z"),
        scale_before=regex.compile(rf"(?<!\w)(?i:{SCALE_PATTERN})\Z"),
        not_code_before=regex.compile(
            rf"(?:^|[^\w])(?i:{alternation(context_words('not_code'))})\s*\Z"
        ),
        factor_before=regex.compile(
            rf"(?:^|[^\w])(?i:{alternation(context_words('factor'))}){sp}*"
            # "gấp 245 và 260 lần": the second multiple of a pair.
            rf"(?:\d[\d.,]*{sp}*(?i:và|hoặc|,){sp}*)?\Z"
        ),
        joined_factor=regex.compile(rf"{sp}*(?i:và|hoặc|,){sp}*\Z"),
        prev_word=regex.compile(r"(?:^|(?<=[^\w]))(?P<w>[\p{L}\p{N}&]+)\s+\Z"),
        sentence_start=regex.compile(r"(?:^|[\n.!?:;…\"“”'(\[•*\-–—])\s*\Z"),
        head_word=regex.compile(r"\p{Ll}+(?: \p{Ll}+)*"),
        not_head=frozenset(
            context_words("stop")
            + context_words("duration")
            + context_words("attribute")
            + tuple(number_words())
        ),
        not_head_first=frozenset(context_words("duration") + tuple(number_words())),
        idioms=regex.compile(rf"{sp}+(?i:{alternation(context_words('idiom'))})(?!\w)"),
        sport_idioms=regex.compile(rf"{sp}+(?i:{alternation(context_words('sport_idiom'))})(?!\w)"),
        frames=tuple(
            (
                regex.compile(rf"(?:^|[^\w])(?i:{regex.escape(before)}){sp}+\Z"),
                regex.compile(rf"{sp}+(?i:{regex.escape(after)})(?!\w)"),
            )
            for before, after in (f.split(" _ ") for f in context_words("frame"))
        ),
        clock_units=frozenset(context_words("clock")),
        part_of_day_after=regex.compile(
            rf"{sp}*(?i:{alternation(dates.part_of_day_words())})(?!\w)"
        ),
        clock_before=regex.compile(
            rf"(?:^|[^\w])(?i:{alternation(context_words('clock_cue'))}){sp}*\Z"
        ),
        vague_before=regex.compile(
            rf"(?:^|[^\w])(?i:{alternation(context_words('vague'))}){sp}+\Z"
        ),
        money_before=regex.compile(
            rf"(?:^|[^\w])(?i:{alternation(context_words('money_cue'))})"
            rf"(?:{sp}+(?i:khoảng|hơn|gần|trên|dưới|tới|đến|chừng|ước tính|tổng cộng))?{sp}+\Z"
        ),
        # "vàng 24k", "vàng 18k, 14k": carats within a few words after the metal, not money
        carat_before=regex.compile(
            rf"(?i:{alternation(context_words('carat'))})[^\n.;:]{{0,24}}\Z"
        ),
        money_after=regex.compile(
            rf"{sp}+(?i:{alternation(context_words('money_after'))})(?![\p{{L}}\p{{M}}])"
        ),
        money_next=regex.compile(
            rf"{sp}*,{sp}*{DIGITS_PATTERN}(?:{sp}*(?:{SCALE_PATTERN}))*{sp}*"
            rf"(?:{alternation([u.text for u in units().values() if u.quantity == 'money'])})(?!\w)"
        ),
        homographs=regex.compile(rf"(?:^|[^\w])(?i:{alternation(context_words('homograph'))})\Z"),
        shares=frozenset(context_words("share")),
        attributes=frozenset(context_words("attribute")),
        name_words=frozenset(w.casefold() for w in context_words("name")),
        code_words=frozenset(w.casefold() for w in context_words("code")),
    )


@dataclass(frozen=True, slots=True)
class _Number:
    start: int
    end: int  # end of the number and its scale words
    number: str  # the number without scale words
    scale: str  # scale words as written ("triệu"), or ""
    written: bool  # spelled out in words
    part: bool = False  # a fraction or a half ("1/2", "½", "1 nửa")
    short: bool = False  # a short scale glued to the digits ("50k", "1tr")


@cache
def _scale_words() -> frozenset[str]:
    return frozenset(w for w, nw in number_words().items() if nw.role == "scale")


def _split_number(m: regex.Match[str]) -> _Number:
    """A number match with trailing scale words moved to ``scale`` (they join the unit)."""
    if m["part"] is not None:
        return _Number(m.start(), m.end(), m["part"], m["scale"].strip(), False, True)
    if m["digits"] is not None:
        scale = " ".join(filter(None, (m["short"], m["scale"].strip(), (m["tail"] or "").strip())))
        return _Number(m.start(), m.end(), m["digits"], scale, False, short=bool(m["short"]))
    words = m["words"].split()
    cut = len(words)
    while cut > 1 and words[cut - 1].casefold() in _scale_words():
        cut -= 1
    number = " ".join(words[:cut])
    extra = [x.strip() for x in (m["scale"], m["tail"] or "") if x.strip()]
    trailing = " ".join(words[cut:] + extra)
    return _Number(m.start(), m.end(), number, trailing, True)


@dataclass(frozen=True, slots=True)
class _UnitHit:
    """The unit or counted noun found after a number, and the rule that found it."""

    start: int  # where the unit text starts (after any premodifier such as "cựu")
    end: int
    text: str
    quantity: str
    rule: str
    multiplier: Decimal = Decimal(1)


def extract(ctx: DocContext) -> list[Mention]:
    """FIGURE mentions of ``ctx`` (working-text offsets), sorted, never overlapping each
    other or a DATE."""
    text = ctx.text
    p = _patterns()
    date_spans = SpanIndex((m.start, m.end) for m in dates.extract(ctx))
    out: list[Mention] = []
    consumed = 0
    for m in p.number.finditer(text):
        if m.start() < consumed:
            continue
        num = _split_number(m)
        allowed = _number_allowed(ctx, num, p)
        if not allowed and not _number_allowed(ctx, num, p, measured=True):
            continue
        mention = _figure_at(ctx, num, p)
        if mention is None or (not allowed and mention.attrs["quantity"] not in _MEASURED):
            continue  # "phiên bản 12,9 inch": a version named by its size is still a size
        if (
            mention.attrs["quantity"] not in _MEASURED
            # "quận Ba Đình 1.241 hộ", "BV Đống Đa 10 bệnh nhân": people counted after a name,
            # not the name's number; a capitalised noun goes on the name ("PC 45 Công an")
            and not (
                mention.attrs["quantity"] in _PEOPLE_LIKE
                and str(mention.attrs["unit"])[:1].islower()
            )
            and not _has_measure_unit(mention)  # "RAM 4GB": a size after a capitalised word
            and _after_name(text, num.start, p)
        ):
            continue
        if date_spans.overlaps((mention.start, mention.end)):
            continue
        mention = _as_factor(text, num, mention, p)
        # "(3,6 lần và 11 lần)": a multiple joined to a multiple is one too.
        if (
            out
            and _is_factor(out[-1])
            and mention.attrs["unit"] == out[-1].attrs["unit"]
            and p.joined_factor.fullmatch(text, out[-1].end, mention.start)
        ):
            mention = mention.with_attrs(quantity="other")
        out.append(mention)
        consumed = mention.end
    return out


def component(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` plus the FIGURE mentions of ``ctx`` (the pipeline's component interface)."""
    return [*mentions, *extract(ctx)]


def parse_value(text: str) -> tuple[Decimal, Decimal | None] | None:
    """The value and upper bound (None unless a range) that a FIGURE's text reads, or None.

    ``2,5 tỷ đồng`` → (2500000000, None); ``9 - 10 xã`` → (9, 10); ``50-70 triệu đồng`` →
    (50000000, 70000000); ``30.000 đồng đến 60.000 đồng`` → (30000, 60000); ``hai sinh
    viên`` → (2, None); ``1m77`` → (1.77, None). Used to check a record's ``value`` against its
    text.
    """
    p = _patterns()
    if height := _HEIGHT.fullmatch(text):
        return Decimal(height["m"]) + Decimal(height["cm"]) / 100, None
    first = p.number.search(text)
    if first is None:
        return None
    num = _split_number(first)
    if num.part:
        value = _part_value(num.number)
        tail = unit_regex().match(text, num.end)
        entry = lookup_unit(tail["measure"]) if tail and tail["measure"] else None
        return None if value is None else (value * (entry.multiplier if entry else 1), None)
    unit = unit_regex().match(text, num.end)
    second: _Number | None = None
    sep = p.range_sep.match(text, unit.end() if unit else num.end)
    if sep is not None and (m2 := p.number.match(text, sep.end())) is not None:
        second = _split_number(m2)
    tail = unit_regex().match(text, second.end if second else num.end)
    entry = lookup_unit(tail["measure"]) if tail and tail["measure"] else None
    multiplier = entry.multiplier if entry else Decimal(1)
    # "50-70 triệu đồng": the first number takes the scale written after the second.
    scale = num.scale or (second.scale if second is not None and unit is None else "")
    low = parse_number(f"{num.number} {scale}")
    if low is None:
        return None
    if second is None:
        return low * multiplier, None
    if unit is None and not num.scale:  # "10 - 15.000 đồng": the thousands written once
        low *= _shared_thousands(num.number, second.number)
    high = parse_number(f"{second.number} {second.scale}")
    return (low * multiplier, None if high is None else high * multiplier)


def recipient_class(mention: Mention) -> str | None:
    """The AWARD recipient class (``collective``, ``individual``, ``family``) of a FIGURE's
    counted noun, or None when it does not count possible award recipients. The same class
    travels as the private attribute ``_recipient`` (dropped from records)."""
    unit = lookup_unit(str(mention.attrs.get("unit", "")))
    return unit.recipient if unit is not None and unit.kind != "measure" else None


def _is_factor(mention: Mention) -> bool:
    unit = str(mention.attrs.get("unit", "")).casefold()
    return unit == _TIMES and mention.attrs.get("quantity") == "other"


def _as_factor(text: str, num: _Number, mention: Mention, p: _Patterns) -> Mention:
    """``gấp 3 lần``, ``vượt 3,6 lần``: a multiple of something, quantity ``other``, not a
    count of times."""
    if str(mention.attrs.get("unit", "")).casefold() != _TIMES:
        return mention
    value = mention.attrs["value"]
    if isinstance(value, int) and not p.factor_before.search(
        text, max(0, num.start - 40), num.start
    ):
        return mention
    return replace(mention, attrs={**mention.attrs, "quantity": "other"})


def _number_allowed(ctx: DocContext, num: _Number, p: _Patterns, *, measured: bool = False) -> bool:
    """Left-context checks: name, code and ordinal words; spelled-out traps. ``measured``:
    the number has a measurement unit, which a name word before it (``bản``) does not block."""
    text, start = ctx.text, num.start
    if _SPACED_THOUSANDS.match(num.number) and _DIGIT_SPACE_BEFORE.search(
        text, max(0, start - 2), start
    ):
        return False  # "400 000 đồng": the thousands of a number grouped by spaces
    lo = max(0, start - 40)
    blocked = p.blocked_before.search(text, lo, start)
    if measured and blocked is not None and blocked.group("w").casefold() in p.name_words:
        blocked = None
    if blocked is not None and num.scale and blocked.group("w").casefold() in p.code_words:
        blocked = None  # "vượt mốc 35 triệu đồng": a code or an address is never scaled
    if blocked is not None and not p.not_code_before.search(text, lo, start):
        # Only a whole word counts: "cấp 3" is a name, "nâng cấp 09 công trình" is not.
        token = _token_at(ctx, blocked.start("w"))
        # an abbreviation glued to its number (U.19, U-21) is no word the segmenter keeps
        if token is None or token[0] == blocked.start("w") or blocked.group("w")[-1] in ".-":
            return False
    for before, after in p.frames:
        if before.search(text, lo, start) and after.match(text, num.end):
            return False
    if num.written:
        if text[start].isupper() and not p.sentence_start.search(text, lo, start):
            return False
        if p.vague_before.search(text, lo, start):
            return False  # "vài ba câu": a few
        if num.number.casefold().split()[-1] == "năm" and not num.scale:
            # "năm" alone or last ("mười năm") reads as "year(s)" far more often than 5;
            # before a scale word ("năm triệu đồng") it is five.
            return False
    return True


def _has_measure_unit(mention: Mention) -> bool:
    unit = lookup_unit(str(mention.attrs["unit"]))
    return unit is not None and unit.kind == "measure"


def _after_name(text: str, start: int, p: _Patterns) -> bool:
    """Whether the number at ``start`` follows a capitalised word mid-sentence (``Đoàn 559``,
    ``BCĐ 138``): such numbers belong to names."""
    lo = max(0, start - 40)
    if p.sentence_start.search(text, lo, start):
        return False
    prev = p.prev_word.search(text, lo, start)
    if prev is None or not prev["w"][0].isupper() or prev["w"] in lead_words():
        return False  # "Ảnh: Đ.H  Sau 2 cuộc …": a function word opens the next sentence
    word_start = prev.start("w")
    return not p.sentence_start.search(text, max(0, word_start - 40), word_start)


# "cả" before a spelled-out number makes it a pronoun (cả hai, cả ba: both, all three).
_BOTH_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])[Cc]ả[ \t]+\Z")


def _figure_at(ctx: DocContext, num: _Number, p: _Patterns) -> Mention | None:
    if num.part:
        return _part_at(ctx, num, p)
    text = ctx.text
    if not (num.scale or num.written) and (height := _HEIGHT.match(text, num.start)):
        metre = _UnitHit(num.end, num.end + 1, "m", "length", "figure.height")
        value = Decimal(height["m"]) + Decimal(height["cm"]) / 100
        return _mention(num.start, height.end(), metre.rule, value, None, metre, num)
    if num.short and (
        p.carat_before.search(text, max(0, num.start - 30), num.start)
        or _after_name(text, num.start, p)  # "Mauser 98k": a model's name
    ):
        return None
    unit = _unit_after(ctx, num.end, num.written, p)
    if (
        num.written
        and " " not in num.number
        and not num.scale
        and (unit is None or unit.quantity not in _PEOPLE_LIKE)
        and p.homographs.search(
            text, max(0, num.start - 40), num.start + len(num.number.split()[0])
        )
    ):
        return None  # "làm chín trái cây": ripe, not nine; "làm chín người chết" counts
    if unit is not None and unit.rule == "figure.open_noun" and EN_DECIMAL.fullmatch(num.number):
        return None  # "biển số 51C-638.30 điều khiển", "phiên 6.2 tiếp tục": a code or a date
    if (
        num.written
        and unit is not None
        and unit.rule == "figure.open_noun"
        and _BOTH_BEFORE.search(text, max(0, num.start - 8), num.start)
    ):
        return None  # "cả hai rèn quân": both of them, then their verb
    if num.scale and not num.written and p.money_after.match(text, num.end):
        unit = None  # "121 triệu tiền tổn thất": a sum, its đồng left out
    value_max: Decimal | None = None
    end: int
    rule: str
    if unit is None:
        # "50-70 triệu đồng", "9 - 10 xã": a range whose unit follows the second number.
        second = _range_second(ctx, num.end, p, num.written)
        if second is not None:
            num2, unit2 = second
            scale = num.scale or num2.scale
            low = _value(num.number, scale, unit2)
            value_max = _value(num2.number, num2.scale, unit2)
            if low is not None and not num.scale:
                low *= _shared_thousands(num.number, num2.number)
            if low is None or value_max is None or low >= value_max:
                return None
            return _mention(num.start, unit2.end, "figure.range", low, value_max, unit2, num2)
        if num.scale and not num.written:
            last = num.scale.split()[-1].casefold()
            if (
                last in _MONEY_SCALES
                or num.short  # "cho 100k", "lương 1tr": informal thousands and millions of đồng
                or text[num.end : num.end + 1] == "/"
                # "trộm 550 triệu, 34.000 USD": a shortened triệu đồng after a money cue
                or p.money_before.search(text, max(0, num.start - 40), num.start)
                or p.money_next.match(text, num.end)  # "550 triệu, 34.000 USD": a list of sums
                or p.money_after.match(text, num.end)
            ):
                money = _UnitHit(num.end, num.end, "", "money", "figure.scale_money")
                value = parse_number(f"{num.number} {num.scale}")
                if value is None:
                    return None
                return _mention(num.start, num.end, money.rule, value, None, money, num)
        return None
    if unit.text in p.clock_units and (
        p.part_of_day_after.match(text, unit.end)
        or p.clock_before.search(text, max(0, num.start - 20), num.start)
    ):
        return None  # "8g sáng", "lúc 15g": a clock time
    if _LONG_CODE.fullmatch(num.number) and unit.quantity != "money":
        return None  # "Số tài khoản: 114000161718": an account or phone number
    ratio = _RATIO_TAIL.match(text, unit.end)
    if ratio and text[ratio.end() :].casefold().startswith(unit.text.casefold()):
        return None  # "116 tuyến/134 tuyến": a ratio, as "18/23 tàu" is
    value = _value(num.number, num.scale, unit)
    if value is None:
        return None
    end, rule = unit.end, unit.rule
    # "30.000 đồng đến 60.000 đồng": a range with the unit written twice.
    second = _range_second(ctx, unit.end, p)
    if second is not None:
        num2, unit2 = second
        if unit2.text.casefold() == unit.text.casefold() and num2.scale == num.scale:
            high = _value(num2.number, num2.scale, unit2)
            if high is not None and value < high:
                value_max, end, rule = high, unit2.end, "figure.range"
    if num.written and rule != "figure.range":
        rule = "figure.word_number"
    return _mention(num.start, end, rule, value, value_max, unit, num)


#: Three zeros after a digit and a space: the tail of a number grouped by spaces, which the
#: press writes now and then (400 000 đồng); never a number of its own.
_SPACED_THOUSANDS = regex.compile(r"000(?:[ \t]000)*\Z")
_DIGIT_SPACE_BEFORE = regex.compile(r"\d[ \t]\Z")


#: Nine digits or more with no thousands separator: an account, phone or ID number.
_LONG_CODE = regex.compile(r"\d{9,}")
#: The second part of a ratio whose counted noun is written twice: ``/134 tuyến``.
_RATIO_TAIL = regex.compile(r"[ \t]*/[ \t]*\d[\d.,]*[ \t]+")
#: A person's height as written: metres, ``m``, centimetres (``1m77`` is 1.77 m).
_HEIGHT = regex.compile(r"(?P<m>[12])m(?P<cm>\d{2})(?![\p{L}\p{M}\d])")


def _part_at(ctx: DocContext, num: _Number, p: _Patterns) -> Mention | None:
    """``1/2 chén``, ``½ quả bơ``, ``1 nửa quả chanh``: a part of a measure, a measure word or a
    classified thing; before anything else a fraction is a ratio or a share, not a FIGURE."""
    value = _part_value(num.number)
    if value is None or num.scale:
        return None
    unit = _unit_after(ctx, num.end, True, p)
    if unit is None:
        return None
    if unit.text.split()[0].casefold() in p.shares:
        return None  # "1/3 lượng cá", "2/3 số hộ": a share of a total
    entry = lookup_unit(unit.text)
    classified = unit.rule == "figure.classifier_noun" or (
        entry is not None and entry.kind == "classifier"
    )
    if not classified and (entry is None or entry.kind not in _DIVISIBLE):
        return None
    # "1/2 quả chanh" is half a lemon, "2/3 con tàu" two ships of three.
    if classified and (m := _FRACTION.fullmatch(num.number)) is not None and m["num"] != "1":
        return None
    value *= unit.multiplier
    return _mention(num.start, unit.end, "figure.fraction", value, None, unit, num)


def _part_value(text: str) -> Decimal | None:
    """The value of a fraction or a half as written (``1/2``, ``⅓``, ``1 nửa``), or
    None for an improper fraction (``3/2`` is a day and month or a ratio)."""
    if (m := _FRACTION.fullmatch(text)) is not None:
        num, den = int(m["num"]), int(m["den"])
        return Decimal(num) / Decimal(den) if num < den else None
    if len(text) == 1 and text in _FRACTION_GLYPHS:
        f = Fraction(unicodedata.numeric(text)).limit_denominator(10)
        return Decimal(f.numerator) / Decimal(f.denominator)
    return Decimal(1) / 2  # "1 nửa"


def _mention(
    start: int,
    end: int,
    rule: str,
    value: Decimal,
    value_max: Decimal | None,
    unit: _UnitHit,
    num: _Number,
) -> Mention:
    unit_text = " ".join(x for x in (num.scale, unit.text) if x)
    attrs: dict[str, object] = {"value": to_json_number(value)}
    if value_max is not None:
        attrs["value_max"] = to_json_number(value_max)
    attrs["unit"] = unit_text
    attrs["quantity"] = unit.quantity
    entry = lookup_unit(unit_text)
    if entry is not None and entry.kind != "measure" and entry.recipient:
        attrs["_recipient"] = entry.recipient
    return Mention(LABEL, start, end, rule, attrs)


def _value(number: str, scale: str, unit: _UnitHit) -> Decimal | None:
    value = parse_number(f"{number} {scale}" if scale else number)
    return None if value is None else value * unit.multiplier


def _range_second(
    ctx: DocContext, pos: int, p: _Patterns, written: bool = False
) -> tuple[_Number, _UnitHit] | None:
    """After a range separator at ``pos``: the second number and the unit after it. After a
    spelled-out number the second is spelled out too, and a comma may join them (``một đến
    ba nguyện vọng``, ``tám, chín lần``: an approximate count)."""
    sep = p.range_sep.match(ctx.text, pos) or (
        p.written_range_sep.match(ctx.text, pos) if written else None
    )
    if sep is None:
        return None
    m = p.number.match(ctx.text, sep.end())
    if m is None:
        return None
    num2 = _split_number(m)
    if num2.written != written or (written and len(num2.number.split()) > 1):
        return None  # "năm, sáu trăm nghìn": the first number shares the second's hundreds
    unit2 = _unit_after(ctx, num2.end, written, p)
    return None if unit2 is None else (num2, unit2)


#: A number in plain digits (no thousands separator, no decimal) ending where a unit follows.
_PLAIN_DIGITS_BEFORE = regex.compile(r"(?<![\d.,])\d+[ \t]*\Z")


def _place_glued(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, the rest of a segmented word after a counted noun, is a
    place written bare (``Mỹ`` of ``thủy thủ Mỹ``): the noun's nationality, not its word."""
    rest = text[start:end].strip()
    return rest[:1].isupper() and fold_key(rest) in place_names()


_BOTH = "hai"  # the two sides of a match: only a pair is "both"


def _idiom_after(text: str, pos: int, p: _Patterns) -> bool:
    """Whether a spelled-out number ending at ``pos`` opens an idiom (``hai bên``), or in a
    sports article the two sides of a match (``hai đội``: both teams; ``ba đội`` counts)."""
    return bool(p.idioms.match(text, pos)) or (
        text[max(0, pos - 3) : pos].casefold() == _BOTH
        and bool(p.sport_idioms.match(text, pos))
        and sport_article(text)
    )


def _unit_after(ctx: DocContext, pos: int, written: bool, p: _Patterns) -> _UnitHit | None:
    """The unit or counted noun right after a number ending at ``pos``, or None."""
    text = ctx.text
    m = unit_regex().match(text, pos)
    if m is None:
        # "hai tiết mục", "hai nhà lãnh đạo": a noun of two syllables or more counts after a
        # spelled-out number too (guide: hai sinh viên), unless the pair is an idiom.
        if written and _idiom_after(text, pos, p):
            return None
        return _open_noun_after(ctx, pos, p)
    if m["measure"] is not None:
        if needs_scale(m["measure"]) and not p.scale_before.search(text, max(0, pos - 20), pos):
            return None
        if _dictionary_compound(text, *m.span("measure"), noun=False) is not None and (
            written
            or (
                _hit(text, *m.span("measure"), "figure.number_unit").quantity == "money"
                and _PLAIN_DIGITS_BEFORE.search(text, max(0, pos - 12), pos) is not None
            )
        ):
            # "chín đồng loạt", "đường cấp 5 đồng bằng", "2 đồng hồ", "năm 2017 đồng thời":
            # the money word opens another word after a small or plain number (an amount
            # is written with its scale or its thousands: "5 triệu đồng bằng tiền mặt",
            # "20.000 đồng tiền công"; and not a measure's own phrase: "22,9 độ vĩ Bắc")
            return None
        return _hit(text, *m.span("measure"), "figure.number_unit")
    if written and _idiom_after(text, pos, p):
        return None
    noun_start, noun_end = m.span("noun")
    unit = lookup_unit(m["noun"])
    assert unit is not None
    token = _token_at(ctx, noun_start)
    if (
        token is not None
        and _place_glued(text, noun_end, token[1])
        and lookup_unit(text[token[0] : token[1]]) is None  # "mẫu Anh", the acre, is a unit
    ):
        token = (token[0], noun_end)  # "thủy thủ Mỹ": the segmenter glued a country to the noun
    if token is not None and token[0] == noun_start and token[1] > noun_end:
        # The lexicon noun is only the start of a longer word ("vị" in "vị trí").
        if lookup_unit(text[token[0] : token[1]]) is not None:
            return _hit(text, *token, "figure.count_noun")
        if (written and unit.kind != "classifier") or not _is_head(text[token[0] : token[1]], p):
            # After a written number only a classifier's compound counts ("hai xe tải"); a
            # plain noun glued to more ("hai bên") is an idiom more often than a count.
            return None
        # "người lớn", "người nhà" still count people.
        quantity = _compound_quantity(unit)
        return _UnitHit(*token, text[token[0] : token[1]], quantity, "figure.open_noun")
    compound = _dictionary_compound(text, noun_start, noun_end)
    last = None if compound is None else _token_at(ctx, text.rindex(" ", 0, compound) + 1)
    # Only where the segmenter kept the compound's last syllable a word of its own: in
    # "người làm việc", "người thương vong" it reads "làm việc", "thương vong".
    if (
        compound is not None
        and last is not None
        and last[1] == compound
        and (token is None or token[1] <= noun_end)
    ):
        if lookup_unit(text[noun_start:compound]) is not None:
            return _hit(text, noun_start, compound, "figure.count_noun")
        added = text[noun_end:compound].split()
        if not written and all(_is_head(w, p) for w in added):
            # The segmenter split a compound noun the dictionary knows: "2 bài thi",
            # "140 cơ sở y tế", "7 người phụ nữ" count the whole noun.
            quantity = _compound_quantity(unit)
            return _UnitHit(
                noun_start, compound, text[noun_start:compound], quantity, "figure.open_noun"
            )
    if unit.kind == "classifier":
        head = _head_after(ctx, noun_end, p, animal=m["noun"].casefold() == "con")
        whole = _dictionary_compound(text, noun_start, noun_end)
        added = text[noun_end:whole].split() if whole is not None else []
        if (
            whole is not None
            and (head is None or whole > head[1])
            and not any(w in p.attributes for w in added)
            and not (len(added) == 1 and added[0] in p.not_head)  # "hai con ở quê"
        ):
            # The dictionary's whole noun that the classifier opens, however the segmenter
            # split it: "hai tàu khu trục", "hai tàu tuần dương".
            head = (noun_end + 1, whole)
        head_unit = None if head is None else lookup_unit(text[head[0] : head[1]])
        if unit.quantity == "people" and (
            head_unit is None or (head_unit.quantity != "people" and head_unit.kind != "classifier")
        ):
            # A classifier of persons (vị, đứa) takes only a person noun or a classified one:
            # "hai vị cán bộ", "3 đứa con", but "tám vị tham gia" counts "vị".
            head = None
        if head is not None:
            quantity = "people" if unit.quantity == "people" else "count"
            if head_unit is not None and head_unit.quantity in _PEOPLE_LIKE:
                quantity = head_unit.quantity
            return _UnitHit(
                noun_start, head[1], text[noun_start : head[1]], quantity, "figure.classifier_noun"
            )
    return _hit(text, noun_start, noun_end, "figure.count_noun")


def _compound_quantity(unit: Unit) -> str:
    """The quantity of a compound that a counted noun opens: people for a noun of persons
    (``người lớn``, ``người phụ nữ``), a count for a case or anything else (``ca khúc`` is a
    song, not a medical case)."""
    return "people" if unit.quantity == "people" and unit.recipient == "individual" else "count"


def _shared_thousands(first: str, second: str) -> int:
    """The thousands the first number of a range shares with the second (``10 - 15.000
    đồng`` is 10.000 to 15.000: the press writes the zero groups once), else 1."""
    groups = second.split(".")
    if (
        len(groups) < 2
        or any(g != "000" for g in groups[1:])
        or not first.isdigit()
        or int(first) >= int(groups[0])
    ):
        return 1
    return 1000 ** (len(groups) - 1)


def _dictionary_compound(text: str, start: int, end: int, *, noun: bool = True) -> int | None:
    """End of the longest dictionary word (Viet74K) that the lowercase unit word at
    ``start:end`` opens with the next one or two syllables, or None. As a ``noun``, not one that
    is a pronoun or a function word (``người ta``, ``quả là``), nor one whose last syllable
    opens the next word (``người ở lại``, ``nước đứng đầu``: ``ở lại``, ``đứng đầu``)."""
    found = dictionary_word_end(text, start, end, syllables=2)
    if found is None or not noun:
        return found
    if word_class(text[start:found].casefold()) in _NOT_NOUN_CLASSES:
        return None
    if dictionary_word_end(text, text.rindex(" ", start, found) + 1, found) is not None:
        return None
    return found


def _open_noun_after(ctx: DocContext, pos: int, p: _Patterns) -> _UnitHit | None:
    """After digits, a multi-syllable lowercase word not in the lexicon is the counted noun."""
    gap = _GAP.match(ctx.text, pos)
    if gap is None:
        return None
    token = _token_at(ctx, gap.end())
    if token is None or token[0] != gap.end():
        return None
    word = ctx.text[token[0] : token[1]]
    if " " not in word or not _is_head(word, p):
        return None
    if word_class(word) in _NOT_OPEN_NOUN_CLASSES or word.casefold() in speech_verbs():
        return None  # "2 thừa nhận", "3 có thể": a verb of saying or a modifier, no noun
    return _UnitHit(*token, word, "count", "figure.open_noun")


def _hit(text: str, start: int, end: int, rule: str) -> _UnitHit:
    """A unit from the lexicon, with its quantity class and multiplier."""
    unit = lookup_unit(text[start:end])
    assert unit is not None
    return _UnitHit(start, end, text[start:end], unit.quantity, rule, unit.multiplier)


def _is_head(word: str, p: _Patterns) -> bool:
    """A lowercase word that can head a counted noun: no function, time or number word."""
    if not p.head_word.fullmatch(word):
        return False
    folded = word.casefold()
    return folded not in p.not_head and folded.split()[0] not in p.not_head_first


def _head_after(
    ctx: DocContext, pos: int, p: _Patterns, *, animal: bool = False
) -> tuple[int, int] | None:
    """The word after a classifier (one space away) when it can head the counted noun;
    after ``con``, the animal's whole dictionary name."""
    text = ctx.text
    if text[pos : pos + 1] != " ":
        return None
    token = _token_at(ctx, pos + 1)
    if token is None or token[0] != pos + 1:
        return None
    word = text[token[0] : token[1]]
    unit = lookup_unit(word)
    if not _is_head(word, p) or (unit is not None and unit.kind == "measure"):
        return None
    head_end = token[0] + len(_without_attributes(word, p))
    if animal and head_end == token[1]:
        # The segmenter split an animal's name the dictionary knows: "con kì đà", "con tắc
        # kè hoa", "con cá giống" count the whole animal.
        whole = dictionary_word_end(text, token[0], token[1], syllables=2)
        added = text[token[1] : whole].split() if whole else []
        if added and not any(w in p.attributes or w in p.not_head for w in added):
            head_end = whole  # not a noun and its adjective: "con dao dài", "con đường được"
    return token[0], head_end


def _without_attributes(word: str, p: _Patterns) -> str:
    """A segmented word without the describing syllables it ends with, unless it is a
    dictionary word: the segmenter may join a noun and its adjective (``sả tươi``, ``gừng
    tươi``) into one word, while ``tủ lạnh``, ``xe hơi`` are nouns of their own."""
    if word.casefold() in dictionary_words():
        return word
    syllables = word.split(" ")
    cut = len(syllables)
    while cut > 1:
        if " ".join(syllables[cut - 1 : cut]) in p.attributes:
            cut -= 1
        elif cut > 2 and " ".join(syllables[cut - 2 : cut]) in p.attributes:
            cut -= 2
        else:
            break
    return " ".join(syllables[:cut])


# Word classes (VLSP) of a compound that is no counted noun: pronoun, particle, adverb,
# preposition, conjunction.
_NOT_NOUN_CLASSES = frozenset({"P", "T", "R", "E", "C"})
#: Word classes (VLSP 2013 tags) that never head a counted noun written after digits: those
#: of a compound that is no noun, adjectives (``4 tại chỗ``, the motto), numerals and the
#: unclassified function phrases (``tức là``, ``thay vì``).
_NOT_OPEN_NOUN_CLASSES = _NOT_NOUN_CLASSES | {"A", "M", "X"}


def _token_at(ctx: DocContext, pos: int) -> tuple[int, int] | None:
    """The (start, end) of the word token covering working offset ``pos``, if any."""
    if pos >= len(ctx.text) or ctx.text[pos].isspace():
        return None
    return ctx.word_at(pos)
