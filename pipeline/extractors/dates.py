"""DATE mentions: calendar dates, months and years as Vietnamese news writes them.

Patterns (rule ids in brackets), each one precompiled regex over the working text:

- ``12/8/2022``, ``12-8-2022``, ``12.8.2022``, optionally after ``ngày`` [``date.dmy_slash``,
  ``date.dmy_dash``, ``date.dmy_dot``]; ``2022-08-12`` [``date.iso``];
- ``ngày 12 tháng 8 năm 2022``, ``ngày 12 tháng 8`` [``date.dmy_words``];
- ``tháng 8/2022``, ``tháng 5-2017``, ``tháng 8 năm 2022``, ``tháng Tám năm 1945``
  [``date.month_year``];
  bare ``7/2014`` [``date.my_slash``];
- ``tháng 3`` [``date.month``] and the months listed after it (``các tháng 3, 7, 11``)
  [``date.month_list``]; the first month of a range takes the year written after the
  second (``tháng 7-8/2016``: ``tháng 7`` is 2016-07) [``date.month_range``];
- a range of two days with slashes (``30/4-1/5``) [``date.dm_slash``, two mentions];
- a day and month (``ngày 29/4``, ``sáng 5-7``, ``(6/2)``, ``ngày 8.2``) only after ``ngày``,
  a part-of-day or other date word, or alone in parentheses [``date.dm_slash``,
  ``date.dm_dash``, ``date.dm_dot``]; a day listed before one (``ngày 6 và 7/7``,
  ``chiều 27 đến 30-5``) takes its month [``date.day_list``];
- a season or school year, ``2016/17`` or ``2016/2017`` (consecutive years) [``date.season``,
  two mentions];
- ``năm 2022`` [``date.year``]; a bare year 1900–2099 not followed by a unit or counted noun
  (``vụ Hè Thu 2017``, ``2011 – 2020``) [``date.year_bare``], after ``SN``/``sinh``
  [``date.birth_year``]; the years of a life in brackets, before 1900 too (``Nguyễn Du
  (1766-1820)``) [``date.life_span``].

``ngày``/``tháng``/``năm`` written right before the numbers are inside the span;
part-of-day words (``sáng``, ``chiều`` …) and ``đầu``/``cuối`` are not: the part of day
becomes the ``part_of_day`` attribute. ``value`` is ISO 8601 as precise as written; a day
without a year takes the year of ``ctx.dateline`` when there is one, else ``--MM-DD``.
Numbers after a document or address word (``Quyết định``, ``số``, ``km``), durations
(``5 năm``), clock times, ratios (``16/19``) and lunar dates (``mùng 5``, ``âm lịch``) are
not dates.
"""

from __future__ import annotations

import bisect
import calendar
import email.utils
import weakref
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.errors import ResourceError
from pipeline.resources import load_json
from pipeline.text.numbers import (
    INLINE_SPACE,
    SCALE_PATTERN,
    alternation,
    context_words,
    lookup_unit,
    needs_scale,
    unit_regex,
)
from pipeline.text.scan import Word
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

LABEL = "DATE"

# Left and right edges of a number that is not a piece of a longer digit string or word.
_L = r"(?=\d)(?<![\w/+]|\d[.,])"
_R = r"(?![\w/+]|[.,\-–]\d)"
# After a year, "-2019" may follow (a range of years); "-05" may not (2017-05-12).
# A full date may stand before "/ " ("(24-6-1957/ 24-6-2017)"), never before "/2", and
# before a dash only when another full date follows it ("(3/7/1957-3/7/2017)").
_R_FULL = r"(?![\w+]|/(?!\s)|[.,]\d|[\-–](?!\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}(?!\d))\d)"
_R_YEAR = r"(?![\w/+]|[.,]\d|[\-–]\d{1,2}(?!\d))"
_SEP_RULE = {"/": "slash", "-": "dash", ".": "dot"}
_SENTENCE_OPEN = regex.compile(r"(?:\A|[.!?:\n][\s\"“]*)\s*\Z")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    value: str
    rule: str


@dataclass(frozen=True)
class _DateWords:
    """``resources/date_words.json``: the words around DATE expressions."""

    part_of_day: dict[str, str]
    day_word: str
    month_word: str
    year_word: str
    strong_triggers: tuple[str, ...]
    holidays: tuple[str, ...]
    weak_triggers: tuple[str, ...]
    weekdays: tuple[str, ...]
    birth_words: tuple[str, ...]
    lunar_before: tuple[str, ...]
    lunar_after: tuple[str, ...]
    code_before: tuple[str, ...]
    quarter_words: tuple[str, ...]
    month_recent: tuple[str, ...]
    month_coming: tuple[str, ...]
    month_this_year: tuple[str, ...]
    score_before: tuple[str, ...]
    month_names: dict[str, str]


@cache
def _words() -> _DateWords:
    data = load_json("date_words.json")
    values: dict[str, object] = {}
    for name, kind in _DateWords.__annotations__.items():
        raw = data.get(name)
        if kind.startswith("dict") and isinstance(raw, dict):
            values[name] = {" ".join(k.casefold().split()): str(v) for k, v in raw.items()}
        elif kind == "str" and isinstance(raw, str):
            values[name] = raw
        elif kind.startswith("tuple") and isinstance(raw, list):
            values[name] = tuple(str(x) for x in raw)
        else:
            raise ResourceError(f"date_words.json: {name!r} is missing or not a {kind}")
    return _DateWords(**values)  # type: ignore[arg-type]


def part_of_day_words() -> tuple[str, ...]:
    """The part-of-day words (``sáng``, ``chiều``, ``tối`` …), lowercase."""
    return tuple(_words().part_of_day)


_DAY_MONTH = regex.compile(r"\d{1,2}[.\-]\d{1,2}")


@cache
def _day_parts() -> frozenset[str]:
    """One-word part-of-day words and the day word (``Ngày 3/7, …`` opens a sentence too)."""
    return frozenset(w for w in part_of_day_words() if " " not in w) | {_words().day_word}


def opens_dated_sentence(words: list[Word], j: int) -> bool:
    """``words[j]`` is a part-of-day word (``Sáng``, ``Chiều`` …) or the day word (``Ngày``)
    and a day/month follows it: a sentence whose full stop was lost opens there (``… bệnh
    viện Chiều 2.7, ông X …``, ``Thủ tướng Nguyễn Văn A Ngày 3/7, …``)."""
    if words[j].text.casefold() not in _day_parts() or j + 1 >= len(words):
        return False
    day = words[j + 1].text
    slash = j + 2 < len(words) and words[j + 2].text == "/"
    return bool(_DAY_MONTH.fullmatch(day) or (day.isdigit() and slash))


def _capitalised(names: dict[str, str]) -> list[str]:
    """Each month name with every word capitalised (``Mười Một``)."""
    return [" ".join(w[:1].upper() + w[1:] for w in name.split()) for name in names]


@dataclass(frozen=True)
class _Patterns:
    full: regex.Pattern[str]
    iso: regex.Pattern[str]
    words: regex.Pattern[str]
    month_year: regex.Pattern[str]
    month: regex.Pattern[str]
    month_range: regex.Pattern[str]
    month_named: regex.Pattern[str]
    month_item: regex.Pattern[str]
    day_list: regex.Pattern[str]
    day_month: regex.Pattern[str]
    day_month_range: regex.Pattern[str]
    month_year_bare: regex.Pattern[str]
    year: regex.Pattern[str]
    year_bare: regex.Pattern[str]
    life_span: regex.Pattern[str]
    part_of_day: regex.Pattern[str]
    strong_before: regex.Pattern[str]
    weak_before: regex.Pattern[str]
    code_before: regex.Pattern[str]
    birth_before: regex.Pattern[str]
    lunar_before: regex.Pattern[str]
    lunar_after: regex.Pattern[str]
    stop_after: regex.Pattern[str]
    range_after: regex.Pattern[str]
    range_before: regex.Pattern[str]
    day_list_words: regex.Pattern[str]
    year_dash_before: regex.Pattern[str]
    quarter: regex.Pattern[str]
    quarter_before: regex.Pattern[str]
    season: regex.Pattern[str]
    month_then_year: regex.Pattern[str]
    month_relative: regex.Pattern[str]
    not_day_month_after: regex.Pattern[str]
    duration_after: regex.Pattern[str]
    count_before: regex.Pattern[str]
    days_after: regex.Pattern[str]
    birth_glued: regex.Pattern[str]
    score_before: regex.Pattern[str]
    scale_after: regex.Pattern[str]
    years_after: regex.Pattern[str]
    amount_dash_before: regex.Pattern[str]


# The most years between a birth and a death written in brackets (the oldest lives recorded).
_LONGEST_LIFE = 122


def _clock_durations(w: _DateWords) -> list[str]:
    """Duration words (figure_words.tsv) that are no calendar or part-of-day word."""
    calendar_words = {w.day_word, w.month_word, w.year_word, *w.part_of_day}
    return [d for d in context_words("duration") if d not in calendar_words]


@cache
def _patterns() -> _Patterns:
    w = _words()
    day, month, year = (regex.escape(x) for x in (w.day_word, w.month_word, w.year_word))
    pod = alternation(list(w.part_of_day))
    strong = alternation(w.strong_triggers + w.weekdays)
    holidays = alternation(w.holidays)
    weak = alternation(w.weak_triggers)
    birth = alternation(w.birth_words)
    lunar_b = alternation(w.lunar_before)
    lunar_a = alternation(w.lunar_after)
    code = alternation(context_words("code") + w.code_before)
    stop = alternation(context_words("stop"))
    d = r"(?P<d>\d{1,2})"
    m = r"(?P<m>\d{1,2})"
    y4 = r"(?P<y>\d{4})"
    sp = INLINE_SPACE
    pre = rf"(?P<pre>{day}{sp}+)"
    flags = regex.IGNORECASE
    return _Patterns(
        full=regex.compile(rf"{pre}?{_L}{d}(?P<sep>[/.\-]){m}(?P=sep){y4}{_R_FULL}", flags),
        iso=regex.compile(rf"{_L}{y4}-(?P<m>\d{{2}})-(?P<d>\d{{2}}){_R}", flags),
        words=regex.compile(
            rf"{pre}?{_L}{d}{sp}+{month}{sp}+{m}(?:{sp}*,?{sp}*{year}{sp}+{y4})?{_R}",
            flags,
        ),
        month_year=regex.compile(
            rf"(?<!\w){month}{sp}+(?:{m}|(?P<mw>{alternation(list(w.month_names))})(?!\w))"
            rf"(?:{sp}*(?P<sep>[/.\-]){sp}*|{sp}*,?{sp}*{year}{sp}+){y4}{_R}",
            flags,
        ),
        month=regex.compile(rf"(?<!\w){month}{sp}+{m}{_R}", flags),
        # "tháng 7-8/2016": the first month of a range written with the second's year (the
        # second, "8/2016", is a month and year of its own)
        month_range=regex.compile(
            rf"(?<!\w){month}{sp}+{m}(?={sp}*[\-–]{sp}*(?P<m2>\d{{1,2}})[/.\-]{y4}{_R})",
            flags,
        ),
        # "cuối tháng Năm": a month by its capitalised name (lower case, "tháng năm" is
        # "months and years").
        month_named=regex.compile(
            rf"(?<!\w)(?i:{month}){sp}+(?P<mw>{alternation(_capitalised(w.month_names))})(?!\w)"
        ),
        month_item=regex.compile(rf"\G{sp}*(?:,|và){sp}*{m}{_R}", flags),
        day_list=regex.compile(
            rf"{pre}?{_L}(?P<d1>\d{{1,2}}){sp}*(?:,|và|đến|tới|[\-–]){sp}*(?:(?:{pod}){sp}+)?"
            rf"(?P<second>(?:{day}{sp}+)?{d}(?P<sep>[/.\-]){m}(?:(?P=sep){y4})?){_R}",
            flags,
        ),
        day_month=regex.compile(rf"{pre}?{_L}{d}(?P<sep>[/.\-]){m}{_R}", flags),
        # "30/4-1/5", "ngày 30/4 – 1/5": two days with slashes joined by a dash.
        day_month_range=regex.compile(
            rf"{pre}?{_L}{d}/{m}{sp}*[\-–]{sp}*(?P<second>(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})){_R}",
            flags,
        ),
        month_year_bare=regex.compile(rf"{_L}{m}/{y4}{_R}", flags),
        year=regex.compile(rf"(?<!\w){year}{sp}+{_L}{y4}{_R_YEAR}", flags),
        year_bare=regex.compile(rf"{_L}(?<!\p{{L}}-)(?P<y>(?:19|20)\d\d){_R_YEAR}", flags),
        # "Nguyễn Du (1766-1820)": a life's years in brackets, before 1900 too
        life_span=regex.compile(
            rf"\({sp}*(?P<a>1\d{{3}}|20\d\d){sp}*[\-–]{sp}*(?P<b>1\d{{3}}|20\d\d){sp}*\)"
        ),
        part_of_day=regex.compile(rf"(?:^|\W)(?P<pod>{pod})\s+\Z", flags),
        # a holiday's name, with the country after it (Quốc khánh Mỹ 4/7), as a strong word
        strong_before=regex.compile(
            rf"(?:^|\W)(?:{strong}|(?:{holidays})(?-i:[ \t]+\p{{Lu}}[\p{{L}}\p{{M}}]*){{0,2}})"
            rf"\s*,?\s*\Z",
            flags,
        ),
        weak_before=regex.compile(rf"(?:^|\W)(?:{weak})\s+\Z", flags),
        code_before=regex.compile(rf"(?:^|\W)(?:{code})\s*\Z", flags),
        birth_before=regex.compile(rf"(?:^|\W)(?:{birth})\s*:?\s*\Z", flags),
        lunar_before=regex.compile(rf"(?:^|\W)(?:{lunar_b})(?:\s+\d{{1,2}})?\s+\Z", flags),
        lunar_after=regex.compile(rf"\s*\(?\s*(?:{lunar_a})(?!\w)", flags),
        stop_after=regex.compile(rf"\s*(?:[^\w\s]|\Z|(?:{stop})(?!\w))", flags),
        year_dash_before=regex.compile(r"(?<!\d)\d{4}\s*[\-–]\s*\Z"),
        quarter=regex.compile(
            rf"(?<!\w)(?:{alternation(w.quarter_words)}){sp}+(?:[IV]{{1,3}}|[1-4])"
            rf"{sp}*(?:[/.\-]|{sp}(?:{year}{sp}+)?){sp}*{y4}{_R_YEAR}",
            flags,
        ),
        quarter_before=regex.compile(rf"(?:^|\W)(?:{alternation(w.quarter_words)}){sp}+\Z", flags),
        # "mùa giải 2016/17", "mùa giải 2016/2017", "niên vụ 2016-17" are checked for
        # consecutive years.
        season=regex.compile(
            rf"{_L}{y4}(?P<sep>[/\-–])(?P<y2>\d{{4}}|\d{{2}})(?![\w/+]|[.,\-–]\d)"
        ),
        # "cuối tháng 3, đầu tháng 4/2017": the month before takes the year written after.
        month_then_year=regex.compile(
            rf"{sp}*(?:,|và|đến|tới|[\-–]){sp}*(?:(?:đầu|cuối|giữa){sp}+)?{month}{sp}+"
            rf"(?P<m>\d{{1,2}}){sp}*(?:[/.\-]|,?{sp}*{year}{sp}+){sp}*{y4}{_R}",
            flags,
        ),
        month_relative=regex.compile(
            rf"{sp}+(?:(?P<recent>{alternation(w.month_recent)})|(?P<coming>"
            rf"{alternation(w.month_coming)})|(?P<this>{alternation(w.month_this_year)}))(?!\w)",
            flags,
        ),
        not_day_month_after=regex.compile(r"\s*%"),
        # "mỗi ngày 2-3 tiếng": a range of hours, not a day (the durations that are no word of
        # the calendar: "8/11 năm ngoái", "9/2 đêm qua" are dates)
        duration_after=regex.compile(
            rf"{sp}+(?:{alternation(_clock_durations(w))})(?!\w)",
            flags,
        ),
        # "2 năm 8 tháng 7 ngày tù", "sau 9 tháng 10 ngày": the month word counts the number
        # before it, and the number after it counts days: a duration, no month
        count_before=regex.compile(r"(?<![\d.,/])\d{1,3}[ \t]+\Z"),
        days_after=regex.compile(
            rf"{sp}+(?:{day}|{alternation(_clock_durations(w))})(?!\w)", flags
        ),
        birth_glued=regex.compile(r"(?<![\w])SN(?P<y>(?:19|20)\d\d)(?![\w])"),
        scale_after=regex.compile(rf"{sp}*(?:{SCALE_PATTERN})(?!\w)", flags),
        # "niên đại 2000 năm.": so many years, a duration, where the clause ends on the year
        # word; "2017 năm nay" is the year
        years_after=regex.compile(rf"{sp}+{year}(?=[ \t]*(?:[.,;:!?)\]]|$))", flags),
        # "1.500-2000 dịch vụ", "500-2000": the end of a range of amounts, not a year ("7-2017"
        # is a month and year).
        amount_dash_before=regex.compile(r"(?:\d{1,3}(?:\.\d{3})+|(?<![\d.,])\d{3})\s*[\-–]\s*\Z"),
        score_before=regex.compile(rf"(?:^|\W)(?:{alternation(w.score_before)})\s*\Z", flags),
        range_after=regex.compile(
            rf"\s*(?:đến|tới|[\-–])\s*(?:{day}\s+)?\d{{1,2}}[/.\-]\d{{1,2}}{_R}", flags
        ),
        # The end of a range whose start is a day/month: "1.4 – 30.4".
        range_before=regex.compile(
            rf"(?<![\d.,/:\-])(?P<d0>\d{{1,2}})[/.\-](?P<m0>\d{{1,2}})"
            rf"(?:\s*(?:đến|tới)\s*|\s+[\-–]\s*|\s*[\-–]\s+)(?:{day}\s+)?\Z",
            flags,
        ),
        # "ngày 4-5 tháng 2", "từ ngày 12 đến 15 tháng 3": the first day takes the month
        # written in words after the second.
        day_list_words=regex.compile(
            rf"{pre}?{_L}(?P<d1>\d{{1,2}}){sp}*(?:,|và|đến|tới|[\-–]){sp}*"
            rf"(?P<second>(?:{day}{sp}+)?{d}{sp}+{month}{sp}+{m}"
            rf"(?:{sp}*,?{sp}*{year}{sp}+{y4})?){_R}",
            flags,
        ),
    )


def _valid_day(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year else 2000, month)[1]


def _day_value(day: int, month: int, year: int | None, dateline_year: int | None) -> str:
    year = year or dateline_year
    if year:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"--{month:02d}-{day:02d}"


def _window(pos: int) -> int:
    """Where to start looking back for context words before ``pos``."""
    return max(0, pos - 40)


# The last article's result: FIGURE asks for the same article's dates right after DATE did.
_last: tuple[weakref.ref[DocContext], tuple[Mention, ...]] | None = None


def extract(ctx: DocContext) -> list[Mention]:
    """DATE mentions of ``ctx`` (working-text offsets), sorted, never overlapping."""
    global _last
    last = _last
    if last is not None and last[0]() is ctx:
        return list(last[1])
    mentions = _extract(ctx)
    _last = (weakref.ref(ctx), tuple(mentions))
    return mentions


def component(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` plus the DATE mentions of ``ctx`` (the pipeline's component interface)."""
    return [*mentions, *extract(ctx)]


_ISO_DATE = regex.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY_DATE = regex.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_WORDS_DATE = regex.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*năm\s+(\d{4})", regex.IGNORECASE
)


def parse_dateline(value: str) -> str | None:
    """An article's publication date as ``YYYY-MM-DD``, from metadata text, else None.

    Reads ISO dates and timestamps (``2022-08-12``, ``2022-08-12T10:00:00+07:00``),
    Vietnamese day-first dates with any surrounding text (``Thứ sáu, 12/8/2022 - 10:30``,
    ``ngày 12 tháng 8 năm 2022``) and RFC 2822 timestamps (``Fri, 12 Aug 2022 10:00:00
    +0700``). Impossible dates (``31/2/2022``) give None.
    """
    for pattern, order in ((_ISO_DATE, "ymd"), (_DMY_DATE, "dmy"), (_WORDS_DATE, "dmy")):
        m = pattern.search(value)
        if m is None:
            continue
        parts = dict(zip(order, (int(g) for g in m.groups()), strict=True))
        if 1000 <= parts["y"] <= 2100 and _valid_day(parts["d"], parts["m"], parts["y"]):
            return f"{parts['y']:04d}-{parts['m']:02d}-{parts['d']:02d}"
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat()


def _extract(ctx: DocContext) -> list[Mention]:
    """Every pattern's candidates, checked against their context, longest kept."""
    text = ctx.text
    p = _patterns()
    dateline_year = int(ctx.dateline[:4]) if ctx.dateline and ctx.dateline[:4].isdigit() else None
    found: list[_Candidate] = []

    def before(pattern: regex.Pattern[str], pos: int) -> bool:
        return pattern.search(text, _window(pos), pos) is not None

    def lunar(start: int, end: int) -> bool:
        return before(p.lunar_before, start) or p.lunar_after.match(text, end) is not None

    def coded(pos: int) -> bool:
        return before(p.code_before, pos)

    def unit_follows(end: int) -> bool:
        m = unit_regex().match(text, end)
        if m is None:
            return False
        if m["noun"] is None:
            return not needs_scale(m["measure"])  # "châu Á 2017 Bảng A": a group, no pounds
        # "2017 trang bị", "2017 bao gồm": a counted noun that only begins a longer word;
        # "2017 Nhánh còn lại": a capital opens the next heading or sentence.
        word = ctx.word_at(m.start("noun"))
        if not text[m.start("noun")].islower():
            return False
        return (
            word is None
            or word[1] <= m.end("noun")
            or lookup_unit(text[word[0] : word[1]]) is not None
        )

    for m in p.full.finditer(text):
        d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
        if _valid_day(d, mo, y) and not coded(m.start("d")) and not lunar(m.start(), m.end()):
            rule = f"date.dmy_{_SEP_RULE[m['sep']]}"
            found.append(_Candidate(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", rule))
    for m in p.iso.finditer(text):
        d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
        if _valid_day(d, mo, y) and not coded(m.start()):
            found.append(_Candidate(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", "date.iso"))
    for m in p.words.finditer(text):
        d, mo = int(m["d"]), int(m["m"])
        y = int(m["y"]) if m["y"] else None
        anchored = m["pre"] or y or before(p.strong_before, m.start())
        if anchored and _valid_day(d, mo, y) and not lunar(m.start(), m.end()):
            value = _day_value(d, mo, y, dateline_year)
            found.append(_Candidate(m.start(), m.end(), value, "date.dmy_words"))
    for m in p.month_year.finditer(text):
        written = m["mw"] and _words().month_names[" ".join(m["mw"].casefold().split())]
        opening = _SENTENCE_OPEN.search(text[max(0, m.start() - 8) : m.start()])
        if written and text[m.start()].isupper() and not opening:
            continue  # "cách mạng Tháng Tám năm 1945": the month names an event
        mo, y = int(written or m["m"]), int(m["y"])
        if 1 <= mo <= 12 and 1000 <= y <= 2100 and not lunar(m.start(), m.end()):
            found.append(_Candidate(m.start(), m.end(), f"{y:04d}-{mo:02d}", "date.month_year"))
    for m in p.month_named.finditer(text):
        if text[m.start()].isupper() and not _SENTENCE_OPEN.search(
            text[max(0, m.start() - 8) : m.start()]
        ):
            continue  # "Cách mạng Tháng Mười": the month names an event
        mo = int(_words().month_names[" ".join(m["mw"].casefold().split())])
        value = _month_value(text, m.end(), mo, ctx.dateline, p)
        found.append(_Candidate(m.start(), m.end(), value, "date.month_named"))
    for m in p.quarter.finditer(text):
        found.append(_Candidate(m.start("y"), m.end("y"), m["y"], "date.quarter_year"))
    for m in p.season.finditer(text):
        y, y2 = int(m["y"]), int(m["y2"])
        if 1900 <= y <= 2099 and y2 in ((y + 1) % 100, y + 1) and not coded(m.start()):
            found.append(_Candidate(m.start("y"), m.end("y"), m["y"], "date.season"))
            found.append(_Candidate(m.start("y2"), m.end("y2"), f"{y + 1:04d}", "date.season"))
    for m in p.month_range.finditer(text):
        mo, mo2 = int(m["m"]), int(m["m2"])
        if 1 <= mo < mo2 <= 12 and not lunar(m.start(), m.end()):
            found.append(_Candidate(m.start(), m.end(), f"{m['y']}-{mo:02d}", "date.month_range"))
    for m in p.month.finditer(text):
        mo = int(m["m"])
        if not 1 <= mo <= 12 or lunar(m.start(), m.end()) or unit_follows(m.end()):
            continue
        if before(p.count_before, m.start()) and p.days_after.match(text, m.end()):
            continue  # "2 năm 8 tháng 7 ngày": a duration
        found.append(
            _Candidate(
                m.start(), m.end(), _month_value(text, m.end(), mo, ctx.dateline, p), "date.month"
            )
        )
        pos = m.end()
        while item := p.month_item.match(text, pos):
            mo = int(item["m"])
            if not 1 <= mo <= 12 or unit_follows(item.end()):
                break
            found.append(_Candidate(item.start("m"), item.end(), f"--{mo:02d}", "date.month_list"))
            pos = item.end()
    # "ngày 8 và 9/10", "ngày 4-5 tháng 2": the first day takes the second's month.
    for m in (*p.day_list.finditer(text), *p.day_list_words.finditer(text)):
        d1, d, mo = int(m["d1"]), int(m["d"]), int(m["m"])
        y = int(m["y"]) if m["y"] else None
        first = m.start("pre") if m["pre"] else m.start("d1")
        anchored = m["pre"] or before(p.strong_before, first) or before(p.weak_before, first)
        if not (anchored and _valid_day(d1, mo, y) and _valid_day(d, mo, y) and d1 < d):
            continue
        if coded(first) or lunar(first, m.end()) or p.not_day_month_after.match(text, m.end()):
            continue  # "từ 1,5-2%": a range of percentages
        sep = m.groupdict().get("sep")
        if sep is None:
            rule = "date.dmy_words"
        else:
            rule = f"date.dm_{_SEP_RULE[sep]}" if y is None else f"date.dmy_{_SEP_RULE[sep]}"
        found.append(
            _Candidate(first, m.end("d1"), _day_value(d1, mo, y, dateline_year), "date.day_list")
        )
        found.append(
            _Candidate(m.start("second"), m.end(), _day_value(d, mo, y, dateline_year), rule)
        )
    for m in p.day_month_range.finditer(text):
        d, mo, d2, mo2 = (int(m[k]) for k in ("d", "m", "d2", "m2"))
        if (
            _valid_day(d, mo, None)
            and _valid_day(d2, mo2, None)
            and (mo, d) < (mo2, d2)  # "1/3-1/2" is no range of days
            and not coded(m.start())
        ):
            for a, b, value in (
                (m.start(), m.end("m"), _day_value(d, mo, None, dateline_year)),
                (m.start("second"), m.end(), _day_value(d2, mo2, None, dateline_year)),
            ):
                found.append(_Candidate(a, b, value, "date.dm_slash"))
    for m in p.day_month.finditer(text):
        d, mo = int(m["d"]), int(m["m"])
        if not _valid_day(d, mo, None) or coded(m.start()) or lunar(m.start(), m.end()):
            continue
        if p.not_day_month_after.match(text, m.end()):
            continue  # "10-12%" is a range of percentages
        if m["sep"] == "-" and p.duration_after.match(text, m.end()):
            continue  # "mỗi ngày 2-3 tiếng": a range of hours
        if not m["pre"] and before(p.score_before, m.start()):
            continue  # "dẫn trước 2-1": a match score
        if not m["pre"] and m["sep"] == "-" and _in_score_run(text, m.start(), m.end()):
            continue  # "6-7 (6-8) 6-3": the games of tennis sets
        if not (m["pre"] or _day_month_context(text, m.start(), m.end(), p)):
            continue
        rule = f"date.dm_{_SEP_RULE[m['sep']]}"
        found.append(_Candidate(m.start(), m.end(), _day_value(d, mo, None, dateline_year), rule))
    for m in p.month_year_bare.finditer(text):
        mo, y = int(m["m"]), int(m["y"])
        if before(p.quarter_before, m.start()):
            continue  # "quý 3/2016": a quarter, its year is found above
        if 1 <= mo <= 12 and 1900 <= y <= 2099 and not coded(m.start()):
            found.append(_Candidate(m.start(), m.end(), f"{y:04d}-{mo:02d}", "date.my_slash"))
    for m in p.year.finditer(text):
        y = int(m["y"])
        if 1000 <= y <= 2100:
            found.append(_Candidate(m.start(), m.end(), f"{y:04d}", "date.year"))
    for m in p.birth_glued.finditer(text):  # "(SN1965)": the birth year glued to SN
        found.append(_Candidate(m.start("y"), m.end(), m["y"], "date.birth_year"))
    for m in p.life_span.finditer(text):
        if 0 < int(m["b"]) - int(m["a"]) <= _LONGEST_LIFE:
            for group in ("a", "b"):
                found.append(_Candidate(m.start(group), m.end(group), m[group], "date.life_span"))
    for m in p.year_bare.finditer(text):
        if coded(m.start()):
            continue
        # "2011 – 2020 xã ...": the end of a range of years is a year whatever follows.
        if unit_follows(m.end()) and not before(p.year_dash_before, m.start()):
            continue
        if p.scale_after.match(text, m.end()) or before(p.amount_dash_before, m.start()):
            continue  # "1900 tỉ đồng", "1.500-2000 dịch vụ": amounts
        if p.years_after.match(text, m.end()):
            continue  # "niên đại 2000 năm": a duration (guide: durations are no DATEs)
        rule = "date.birth_year" if before(p.birth_before, m.start()) else "date.year_bare"
        found.append(_Candidate(m.start(), m.end(), m["y"], rule))

    return [_mention(c, text, p) for c in _resolve(found)]


def _month_value(text: str, end: int, month: int, dateline: str | None, p: _Patterns) -> str:
    """The value of a month written alone (``tháng 3``): the year written with the next
    month (``tháng 3, đầu tháng 4/2017``), else the dateline's when a relative word follows
    (``tháng 3 vừa qua`` → the latest March up to the dateline, ``tháng 9 tới`` → the next
    September, ``tháng 3 năm nay`` → March of the dateline's year), else ``--MM``."""
    nxt = p.month_then_year.match(text, end)
    if nxt is not None and 1 <= int(nxt["m"]) <= 12 and int(nxt["m"]) > month:
        return f"{nxt['y']}-{month:02d}"
    rel = p.month_relative.match(text, end)
    if rel is None or not dateline or not dateline[:4].isdigit():
        return f"--{month:02d}"
    year, now = int(dateline[:4]), int(dateline[5:7] or 0)
    if rel["recent"] and month > now:
        year -= 1
    elif rel["coming"] and month < now:
        year += 1
    return f"{year:04d}-{month:02d}"


#: A set or game score next to another: ``6-7 (6-8) 6-3`` (only spaces and brackets between).
_SCORE_BEFORE = regex.compile(r"(?<![\d/.-])\d{1,2}-\d{1,2}\)?[ \t]*\(?[ \t]*\Z")
_SCORE_AFTER = regex.compile(r"[ \t]*\)?[ \t]*\(?\d{1,2}-\d{1,2}(?![\d/.-])")


def _in_score_run(text: str, start: int, end: int) -> bool:
    """Whether a bare ``d-d`` stands beside another with nothing but spaces and brackets
    between, as the sets of a tennis or volleyball score do; dates in a list or a range are
    joined by a comma or a word (``3-5, 10-5``, ``từ 3-5 đến 10-5``)."""
    return bool(
        _SCORE_BEFORE.search(text[max(0, start - 12) : start]) or _SCORE_AFTER.match(text, end)
    )


def _day_month_context(text: str, start: int, end: int, p: _Patterns) -> bool:
    """A bare day/month (``5-7``) is a date after a part-of-day or date word, in parentheses
    of its own, before or after ``đến`` and another day/month, or after a weak date word (``từ``,
    ``đến``) when no noun follows it."""
    lo = _window(start)
    if p.strong_before.search(text, lo, start) or p.range_after.match(text, end):
        return True
    if (start_of := p.range_before.search(text, lo, start)) and _later(start_of, text[start:end]):
        return True
    if start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")":
        return True
    return bool(p.weak_before.search(text, lo, start)) and bool(p.stop_after.match(text, end))


def _later(start_of: regex.Match[str], end_of: str) -> bool:
    """Whether a range's end (``30.4``) is a later day of the year than its start (``1.4``):
    ``1/3 - 1/2`` is a fraction, ``4-2-3-1`` a formation."""
    d0, m0 = int(start_of["d0"]), int(start_of["m0"])
    d, m = (int(x) for x in regex.split(r"[/.\-]", end_of))
    return _valid_day(d0, m0, None) and (m0, d0) < (m, d)


def _resolve(found: list[_Candidate]) -> list[_Candidate]:
    """Longest candidates first; drop any that overlaps one already kept."""
    kept: list[_Candidate] = []
    # The kept spans never overlap, so sorted by start they are sorted by end too: a new
    # candidate overlaps one of them iff it overlaps the last one starting before its end.
    starts: list[int] = []
    ends: list[int] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect.bisect_left(starts, c.end)
        if i and ends[i - 1] > c.start:
            continue
        kept.append(c)
        starts.insert(i, c.start)
        ends.insert(i, c.end)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _mention(c: _Candidate, text: str, p: _Patterns) -> Mention:
    attrs: dict[str, str] = {"value": c.value}
    pod = p.part_of_day.search(text, _window(c.start), c.start)
    if pod:
        attrs["part_of_day"] = _words().part_of_day[" ".join(pod["pod"].casefold().split())]
    return Mention(LABEL, c.start, c.end, c.rule, attrs)
