"""AWARD mentions (counts of award or gift recipients) and the record's ``awards`` list.

An AWARD is a number and a recipient noun (``3 tập thể``, ``hai sinh viên``,
``15 gia đình``) inside a clause that gives, awards, recognises or rewards (a trigger
from ``award_words.tsv``). Recipient nouns and their classes come from the FIGURE unit
lexicon (``units.tsv``, column ``recipient``) with the additions of
``award_recipients.tsv``. A sentence is split into clauses at ``;`` — except that a
passive clause still waiting for its verb (``3 tập thể … được Chủ tịch UBND tỉnh;``)
runs on into the next one.

The longest counted noun after a number decides (``hai trường hợp`` counts cases, not
schools); two person nouns joined by a comma are one count (``6 cán bộ, y bác sĩ``). A
number after a code or name word (``lớp 9 trường``) or an inspection or sanction verb
(``kiểm tra 20 cơ sở``), or followed by a toll word (``3 người tử vong``), is no AWARD.

Givers are the TITLEs and ORGs (not nested in a TITLE) between ``được`` and the
trigger in a passive clause, or before the trigger in an active one. A FIGURE that
covers the same count is dropped: a span is never both AWARD and FIGURE.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.resources import load_tsv
from pipeline.text.numbers import NUMBER_PATTERN, alternation, context_words, parse_number, units
from pipeline.text.scan import (
    SpanIndex,
    StartIndex,
    inside,
    overlaps,
    phrase_regex,
    with_case_variants,
)
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

LABEL = "AWARD"
_EXTEND_STOP = frozenset(
    {"cho", "của", "vì", "và", "tặng", "trao", "đã", "được", "với", "nhằm", "do", "tại", "trong"}
)
_MAX_AWARD_WORDS = 7
_BREAKDOWN = regex.compile(r"(?<!\w)(?:gồm|bao gồm|trong đó)(?!\w)", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int
    end: int


@cache
def recipients() -> dict[str, str]:
    """Recipient noun (casefolded) → recipient class."""
    table = {
        row["unit"].casefold(): row["recipient"]
        for row in load_tsv("units.tsv")
        if row.get("recipient")
    }
    table.update(
        {row["noun"].casefold(): row["recipient"] for row in load_tsv("award_recipients.tsv")}
    )
    return table


@cache
def _count_nouns() -> tuple[str, ...]:
    """Every counted noun, recipient or not: the longest one after a number decides
    (``hai trường hợp`` counts cases, not schools)."""
    nouns = {u.text for u in units().values() if u.kind != "measure"} | set(recipients())
    return tuple(sorted(nouns, key=len, reverse=True))


def _noun_alternation(nouns: Iterable[str]) -> str:
    return "|".join(regex.escape(n).replace("\\ ", r"\s+") for n in nouns)


@cache
def _count_regex() -> regex.Pattern[str]:
    nouns = _noun_alternation(_count_nouns())
    individual = _noun_alternation(
        sorted((n for n, r in recipients().items() if r == "individual"), key=len, reverse=True)
    )
    return regex.compile(
        rf"(?P<count>{NUMBER_PATTERN})[ \t]+(?P<open>[\"“])?(?P<noun>(?i:{nouns}))(?![\w])"
        # a quoted name opening before the noun or right after it stays inside the span
        # (guide: 200.000 "gia đình học tập"; 50 gương “Người tốt, việc tốt”)
        rf"(?(open)[^\"”\n]{{0,40}}[\"”]|(?:[ \t]+[\"“][^\"”\n]{{1,40}}[\"”])?)"
        # "6 cán bộ, y bác sĩ": persons of two kinds counted together.
        rf"(?P<joined>,[ \t]*(?i:{individual})(?![\w])(?![ \t]*[\d(]))?",
        regex.UNICODE,
    )


@cache
def _not_counts() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Words before a number that make it a code or a name (``lớp 9 trường``) or an
    inspection or sanction count (``kiểm tra 20 cơ sở``), and words after a count that make
    it a toll (``1 người tử vong``): no AWARD."""
    before = context_words("code") + context_words("name") + context_words("ordinal")
    before += tuple(w.casefold() for w in _words("not_before"))
    after = tuple(w.casefold() for w in _words("not_after"))
    return (
        regex.compile(rf"(?:^|[^\w])(?i:{alternation(before)})[ \t]*\Z"),
        regex.compile(rf"[ \t]*(?i:{alternation(after)})(?!\w)"),
    )


@cache
def _not_code() -> regex.Pattern[str]:
    return regex.compile(rf"(?:^|[^\w])(?i:{alternation(context_words('not_code'))})[ \t]*\Z")


def _excluded(text: str, m: regex.Match[str]) -> bool:
    before, after = _not_counts()
    lo = max(0, m.start() - 40)
    blocked = before.search(text, lo, m.start()) and not _not_code().search(text, lo, m.start())
    return bool(blocked or after.match(text, m.end()))


@cache
def _words(kind: str) -> tuple[str, ...]:
    return tuple(row["word"] for row in load_tsv("award_words.tsv") if row["kind"] == kind)


@cache
def _extending() -> frozenset[str]:
    return frozenset(row["word"] for row in load_tsv("award_words.tsv") if row["extend"] == "yes")


@cache
def _trigger_regex() -> regex.Pattern[str]:
    """Triggers, not followed by a word that makes them no award (``được nhận vào làm``)."""
    triggers = phrase_regex(with_case_variants(_words("trigger"))).pattern
    not_after = phrase_regex(_words("not_trigger_after")).pattern
    return regex.compile(rf"(?:{triggers})(?![ \t]+(?:{not_after}))")


@cache
def _award_regex() -> regex.Pattern[str]:
    return phrase_regex(with_case_variants(_words("award")))


@cache
def _passive_regex() -> regex.Pattern[str]:
    return phrase_regex(with_case_variants(_words("passive")))


_SEMICOLON = regex.compile(";")


def clauses(text: str, sentence: tuple[int, int]) -> list[_Clause]:
    """Clauses of a sentence: split at ``;``, a pending passive runs on into the next."""
    parts: list[_Clause] = []
    start = sentence[0]
    for m in _SEMICOLON.finditer(text, pos=sentence[0], endpos=sentence[1]):
        parts.append(_Clause(start, m.start()))
        start = m.end()
    parts.append(_Clause(start, sentence[1]))
    merged: list[_Clause] = []
    for part in parts:
        if merged and (
            _pending_passive(text, merged[-1]) or _breakdown_continues(text, merged[-1], part)
        ):
            merged[-1] = _Clause(merged[-1].start, part.end)
        else:
            merged.append(part)
    return merged


def _breakdown_continues(text: str, previous: _Clause, part: _Clause) -> bool:
    """``22 cá nhân, gồm 9 người dân; 5 cán bộ …``: a breakdown runs on past ``;``."""
    return (
        _BREAKDOWN.search(text, previous.start, previous.end) is not None
        and _has_count(text, part.start, part.end)
        and _trigger_regex().search(text, part.start, part.end) is None
    )


def _pending_passive(text: str, clause: _Clause) -> bool:
    has_trigger = _trigger_regex().search(text, clause.start, clause.end) is not None
    has_passive = _passive_regex().search(text, clause.start, clause.end) is not None
    has_count = _has_count(text, clause.start, clause.end)
    return has_count and has_passive and not has_trigger


def _award_phrases(text: str, clause: _Clause) -> list[tuple[int, int]]:
    """What is given, as written: ``bằng khen``, ``Huân chương Lao động hạng Nhất``."""
    out = []
    for m in _award_regex().finditer(text, clause.start, clause.end):
        end = m.end()
        if m.group().casefold() in _extending():
            following = regex.finditer(r"[ \t]+([\w“”\"]+)", text, pos=end, endpos=clause.end)
            for n, w in enumerate(following):
                if w.start() != end or w.group(1).casefold() in _EXTEND_STOP:
                    break
                if n >= _MAX_AWARD_WORDS or regex.match(r"\d", w.group(1)):
                    break
                end = w.end()
        out.append((m.start(), end))
    return out


def _has_count(text: str, start: int, end: int) -> bool:
    """Whether a count of possible recipients stands between ``start`` and ``end``."""
    return any(_recipient(m) is not None for m in _count_regex().finditer(text, start, end))


def _recipient(m: regex.Match[str]) -> str | None:
    """The recipient class of a count's noun, or None when the noun counts no recipients."""
    return recipients().get(" ".join(m.group("noun").split()).casefold())


_ByLabel = dict[str, StartIndex[Mention]]


def _by_label(mentions: Sequence[Mention]) -> _ByLabel:
    """The mentions of each label by start, for the clause lookups below."""
    return {
        label: StartIndex((m for m in mentions if m.label == label), lambda m: m.start)
        for label in ("TITLE", "ORG", "FIGURE")
    }


def _inside_clause(
    mentions: Sequence[Mention], label: str, clause: _Clause, by_label: _ByLabel | None
) -> list[Mention]:
    """The ``label`` mentions inside ``clause``, in their order in ``mentions`` (found by
    bisection when those mentions are in start order)."""
    span = (clause.start, clause.end)
    index = by_label.get(label) if by_label else None
    pool: Sequence[Mention] = (
        index.starting_in(clause.start, clause.end + 1)
        if index is not None and index.was_sorted
        else mentions
    )
    return [m for m in pool if m.label == label and inside((m.start, m.end), span)]


def _top_level(
    mentions: Sequence[Mention], clause: _Clause, by_label: _ByLabel | None = None
) -> list[Mention]:
    """TITLEs, and ORGs not inside a TITLE, within a clause, in text order."""
    titles = _inside_clause(mentions, "TITLE", clause, by_label)
    orgs = [
        m
        for m in _inside_clause(mentions, "ORG", clause, by_label)
        if not any(inside((m.start, m.end), (t.start, t.end)) for t in titles)
    ]
    return sorted(titles + orgs, key=lambda m: m.start)


def component(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Add AWARD mentions; drop FIGUREs that the AWARDs cover."""
    text = ctx.text
    awards: list[Mention] = []
    by_label = _by_label(mentions)
    for sentence in ctx.sentences:
        for clause in clauses(text, sentence):
            awards += _clause_awards(text, clause, mentions, by_label)
    if not awards:
        return mentions
    spans = SpanIndex((a.start, a.end) for a in awards)
    kept = [m for m in mentions if not (m.label == "FIGURE" and spans.overlaps((m.start, m.end)))]
    return kept + awards


def _clause_awards(
    text: str, clause: _Clause, mentions: Sequence[Mention], by_label: _ByLabel | None = None
) -> list[Mention]:
    triggers = list(_trigger_regex().finditer(text, clause.start, clause.end))
    if not triggers:
        return []
    counts = [
        m
        for m in _count_regex().finditer(text, clause.start, clause.end)
        if (value := parse_number(m.group("count"))) is not None
        and value == int(value)
        and value > 0  # "hòa 0-0 Bạn X": a score, no one counted
        and _recipient(m) is not None
        and not _excluded(text, m)
    ]
    if not counts:
        return []
    figures = [
        m
        for m in _inside_clause(mentions, "FIGURE", clause, by_label)
        if m.attrs.get("quantity") == "money"
    ]
    phrases = _award_phrases(text, clause)
    givers_all = _top_level(mentions, clause, by_label)
    passive = _passive_regex().search(text, clause.start, clause.end)
    out = []
    for i, m in enumerate(counts):
        if any(overlaps(m.span(), (f.start, f.end)) for f in figures):
            continue
        trigger = next((t for t in triggers if t.start() >= m.end()), None)
        if passive and trigger and m.end() <= passive.start() < trigger.start():
            givers = [
                g for g in givers_all if passive.end() <= g.start and g.end <= trigger.start()
            ]
            kinds = [p for p in phrases if p[0] >= trigger.end()]
        else:
            before = [t for t in triggers if t.end() <= m.start()]
            last = before[-1] if before else triggers[0]
            givers = [g for g in givers_all if g.end <= last.start()]
            since = counts[i - 1].end() if i else last.start()
            kinds = (
                [p for p in phrases if since <= p[0] < m.start()]
                or [p for p in phrases if p[0] < m.start()]
                or phrases
            )
        kind_texts = list(dict.fromkeys(text[a:b] for a, b in kinds))
        kind_texts += [text[f.start : f.end] for f in figures if f.start > m.end()][:1]
        out.append(
            Mention(
                LABEL,
                m.start(),
                m.end(),
                "award.count_recipient",
                {
                    "count": int(parse_number(m.group("count"))),
                    "recipient": _recipient(m),
                    "award": kind_texts,
                    "givers": [text[g.start : g.end] for g in givers],
                    "_clause": (clause.start, clause.end),
                    "_givers": tuple((g.start, g.end, g.label) for g in givers),
                    "_amount": next(((f.start, f.end) for f in figures if f.start > m.end()), None),
                },
            )
        )
    return out
