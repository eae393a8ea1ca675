"""Sports clubs named with a club affix (``Gangwon FC``, ``FC Seoul``, ``Buriram United``),
after a word of a player's career (``khoác áo Consadole Sapporo``), or, in a sports article,
by the one-word name of a listed club (``Sevilla``, ``Watford``).

The guide makes sports clubs ORGs and a place inside a name its own PLACE. A club written
with its affix is an ORG wherever it stands; its proper name alone (``Gangwon thi đấu``)
then stands for the club in the article (``org_club_affixes.tsv``, ``short``), so it is an
ORG and not the city, unless a place word comes right before it (``tại Daegu``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from pipeline.extractors.place_words import (
    after_word,
    context_words,
    fold_key,
    foreign_first_names,
    name_attr,
    place_names,
    sport_article,
    vietnamese_syllable,
)
from pipeline.resources import honorific_words, lead_words, load_tsv, name_particles
from pipeline.text.scan import SpanIndex, phrase_regex
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

LABEL = "ORG"
# A word of a club's proper name: capitalised, not all capitals ("EVERTON VS AFC" is a
# fixture written in capitals, not a club).
_WORD = r"\p{Lu}[\p{Ll}\p{M}][\p{L}\p{M}'’\-]*"
# Place words that make the proper name alone the city: "tại Daegu", "thành phố Daegu".
_PLACE_WORDS = ("thành phố", "thủ đô", "tp", "tp.")


@dataclass(frozen=True, slots=True)
class _Affixes:
    prefix: regex.Pattern[str]
    suffix: regex.Pattern[str]
    cue: regex.Pattern[str]
    short: frozenset[str]


@cache
def _affixes() -> _Affixes:
    rows = load_tsv("org_club_affixes.tsv")

    def alternation(position: str) -> str:
        return "|".join(regex.escape(r["affix"]) for r in rows if r["position"] == position)

    edge = r"(?<![\p{L}\p{M}\d.])"
    tail = r"(?![\p{L}\p{M}\d])"
    return _Affixes(
        prefix=regex.compile(
            rf"{edge}({alternation('prefix')})[ \t]((?:{_WORD}[ \t]){{0,2}}{_WORD}){tail}"
        ),
        suffix=regex.compile(
            rf"{edge}((?:{_WORD}[ \t]){{0,2}}{_WORD})[ \t]({alternation('suffix')}){tail}"
        ),
        cue=regex.compile(
            rf"{edge}(?:{alternation('cue')})[ \t]((?:{_WORD}[ \t]){{0,2}}{_WORD}){tail}"
        ),
        short=frozenset(r["affix"] for r in rows if r["short"] == "yes"),
    )


def _trimmed(text: str, start: int, end: int) -> int:
    """Start of a club's proper name once the sentence's opening words are dropped
    (``Sau Gangwon FC``: ``Sau`` opens the clause; ``Ông`` is an honorific)."""
    while start < end:
        word_end = text.find(" ", start, end)
        word = text[start : end if word_end < 0 else word_end]
        if word not in lead_words() and word.casefold() not in honorific_words():
            return start
        if word_end < 0:
            return end  # "Tại AFC Cup": no name at all
        start = word_end + 1
    return start


def clubs(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the ORGs of clubs named with an affix, the PLACE inside them, and
    the ORGs of their proper names alone (whose PLACE readings are dropped)."""
    text = ctx.text
    taken = SpanIndex([(m.start, m.end) for m in mentions if m.label in (LABEL, "PERSON")])
    places = SpanIndex([(m.start, m.end) for m in mentions if m.label == "PLACE"])
    added: list[Mention] = []
    shorts: dict[str, str] = {}
    found: list[tuple[int, int, int, int, str]] = []  # club span, name span, affix
    for hit in _affixes().suffix.finditer(text, overlapped=True):
        name_start = _trimmed(text, hit.start(1), hit.end(1))
        if name_start < hit.end(1):
            found.append((name_start, hit.end(), name_start, hit.end(1), hit.group(2)))
    for hit in _affixes().prefix.finditer(text):
        found.append((hit.start(), hit.end(), hit.start(2), hit.end(), hit.group(1)))
    # "trong màu áo Consadole Sapporo": a club after a word of a player's career, the cue
    # outside the ORG; its name then stands for the club in the article as a short name does
    for hit in _affixes().cue.finditer(text):
        found.append((hit.start(1), hit.end(1), hit.start(1), hit.end(1), ""))
    seen: set[tuple[int, int]] = set()
    for start, end, a, b, affix in sorted(found, key=lambda f: (f[0], -f[1])):
        if (
            (start, end) in seen
            or taken.overlaps((start, end))
            or any(s < end and start < e for s, e in seen)
        ):
            continue
        seen.add((start, end))
        name = text[a:b]
        added.append(Mention(LABEL, start, end, "org.club", {"expanded": text[start:end]}))
        entries = place_names().get(fold_key(name), ())
        if entries and not places.overlaps((a, b)):
            entry = entries[0]
            attrs = {"level": entry.level, "name": name_attr(entry, name)}
            added.append(Mention("PLACE", a, b, "place.in_body", attrs))
        # a Vietnamese place alone is the place ("Quảng Nam FC", then "tỉnh Quảng Nam")
        domestic = any(not e.foreign for e in entries)
        if (not affix or affix in _affixes().short) and len(name) >= 4 and not domestic:
            shorts.setdefault(name, text[start:end])
    if shorts:
        pattern = regex.compile(
            r"(?<![\p{L}\p{M}\d])(?:"
            + "|".join(map(regex.escape, sorted(shorts, key=len, reverse=True)))
            + r")(?![\p{L}\p{M}\d])"
        )
        clubs_index = SpanIndex(list(seen))
        # a name inside a place with its unit word ("thành phố Daegu") is that place's
        unit_places = SpanIndex(
            [
                (m.start, m.end)
                for m in mentions
                if m.label == "PLACE" and text[m.start : m.end] not in shorts
            ]
        )
        for hit in pattern.finditer(text):
            span = hit.span()
            if (
                clubs_index.overlaps(span)
                or taken.overlaps(span)
                or after_word(text, span[0], (*context_words().cue, *_PLACE_WORDS))
                or unit_places.overlaps(span)
            ):
                continue
            added.append(Mention(LABEL, *span, "org.club_short", {"expanded": shorts[hit.group()]}))
    if not added:
        return mentions
    dropped = {(m.start, m.end) for m in added if m.rule == "org.club_short"}
    kept = [m for m in mentions if not (m.label == "PLACE" and (m.start, m.end) in dropped)]
    return kept + added


@cache
def _one_word_clubs() -> regex.Pattern[str]:
    """The one-word club names of ``not_person_names.tsv`` (kind ``club``: the clubs of the
    five major leagues and UEFA's top-50 ranking) and the listed clubs written with one word."""
    words = {r["text"] for r in load_tsv("not_person_names.tsv") if r["kind"] == "club"}
    known = load_tsv("org_known_names.tsv")
    words |= {r["name"] for r in known if r["kind"] == "club" and " " not in r["name"]}
    return regex.compile(
        r"(?<![\p{L}\p{M}\d.\-])(?:"
        + "|".join(map(regex.escape, sorted(words, key=len, reverse=True)))
        + r")(?![\p{L}\p{M}\d\-])"
    )


#: A capitalised word right after a club's name: the name goes on ("Hull City", "Atl.Madrid").
_NAME_GOES_ON = regex.compile(r"(?:[ \t]+|\.)\p{Lu}[\p{Ll}\p{M}]")


#: A capitalised foreign word or an initial before the name, with a name particle between
#: perhaps: a player's family name ("Antonio Valencia", "Joel Pereira", "J. dos Santos").
@cache
def _word_before() -> regex.Pattern[str]:
    particles = "|".join(regex.escape(p) for p, kind in name_particles().items() if kind == "word")
    return regex.compile(
        rf"(\p{{Lu}}[\p{{L}}\p{{M}}]+|\p{{Lu}}\.)[ \t]+(?:(?:{particles})[ \t]+)?$"
    )


def _family_name(text: str, word: str) -> bool:
    """Whether the article writes ``word`` after a foreign first name or another word no
    Vietnamese syllable spells: a person's family name (``Antonio Valencia``)."""
    pattern = rf"(?<![\p{{L}}\p{{M}}]){regex.escape(word)}(?![\p{{L}}\p{{M}}])"
    for seen in regex.finditer(pattern, text):
        before = _word_before().search(text, max(0, seen.start() - 20), seen.start())
        if before is None:
            continue
        first = before.group(1)
        if first.casefold() in foreign_first_names() or not (
            vietnamese_syllable(first) or _one_word_clubs().fullmatch(first)
        ):
            return True
    return False


@cache
def _club_opening() -> regex.Pattern[str]:
    """A club's generic word and its qualifiers (``org_teams.tsv``, roles club and
    qualifier) at the start of an ORG, and the word right after them (group ``next``)."""
    rows = sorted(load_tsv("org_teams.tsv"), key=lambda r: -len(r["phrase"]))  # longest first
    heads = "|".join(regex.escape(r["phrase"]) for r in rows if r["role"] == "club")
    qualifiers = "|".join(regex.escape(r["phrase"]) for r in rows if r["role"] == "qualifier")
    return regex.compile(
        rf"(?i:{heads})(?:[ \t]+(?i:{qualifiers})(?![\p{{L}}\p{{M}}]))*[ \t]+(?P<next>\S)"
    )


def described_clubs(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the ORGs that open with a club's generic word and go on with a
    lowercase word instead of a proper name (``CLB đầu tiên …``, ``đội bóng xứ Catalunya``):
    a description of a club, no club's name."""
    return [
        m
        for m in mentions
        if m.label != LABEL
        or (opening := _club_opening().match(text, m.start, m.end)) is None
        or not opening["next"].islower()
    ]


def bare_clubs(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """In a sports article, a club written by its one-word name alone (``Sevilla thắng``,
    ``Watford``, ``Liverpool``) is an ORG (guide v2: clubs are ORG), where no other
    mention holds the word, no place word comes before it (``tại``, ``thành phố``), the name
    does not go on, and the article never writes it as a person's family name."""
    text = ctx.text
    if not sport_article(text):
        return mentions
    taken = SpanIndex([(m.start, m.end) for m in mentions])
    hits = list(_one_word_clubs().finditer(text))
    family = {word for word in {hit.group() for hit in hits} if _family_name(text, word)}
    added = [
        Mention(LABEL, hit.start(), hit.end(), "org.club_bare", {"expanded": hit.group()})
        for hit in hits
        if hit.group() not in family
        and not taken.overlaps(hit.span())
        and not _NAME_GOES_ON.match(text, hit.end())
        and not after_word(text, hit.start(), (*context_words().cue, *_PLACE_WORDS))
    ]
    return mentions + added if added else mentions


#: Between the two sides of a fixture: a spaced dash, a verb of meeting (``X gặp Y``) or
#: the score (``X 3-2 Y``).
_FIXTURE_GAP = regex.compile(
    r"[ \t]*[–-][ \t]*|[ \t]+(?:gặp|vs\.?|tiếp đón|làm khách trước)[ \t]+"
    r"|[ \t]+\d{1,2}[ \t]*[–-][ \t]*\d{1,2}[ \t]+"
)


@cache
def _result_regexes() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A verb of a match's result right after a side (``ngược dòng``, ``đã đánh bại``) and
    one right before a side, or a score and ``trước`` (``đánh bại ``, ``3-2 trước ``), at
    the end of the text before it (``org_teams.tsv``, role ``result``)."""
    verbs = phrase_regex(r["phrase"] for r in load_tsv("org_teams.tsv") if r["role"] == "result")
    return (
        regex.compile(rf"[ \t]+(?:đã[ \t]+)?{verbs.pattern}"),
        regex.compile(rf"(?:{verbs.pattern}|\d+[ \t]*[-–][ \t]*\d+[ \t]+trước)[ \t]+\Z"),
    )


_CHAIN_COMMA = regex.compile(r"[ \t]*,[ \t]*\Z")


def home_clubs(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """ORGs for the clubs a sports article names by their province (guide v2: clubs are
    ORG, the place inside a name its own PLACE, so the PLACE stays): a side of a fixture
    whose other side is a club or another province (``TP.HCM – SLNA 0-4``, ``Thanh Hóa gặp
    Đồng Tháp``), a player's club in brackets where the sentence brackets other clubs too
    (``Hà Đức Chinh (Đà Nẵng), Tuấn Tài (SLNA)``), and a side of a match's result (``Hải
    Phòng ngược dòng``, ``đánh bại Long An``). A province so read is the club wherever else
    the article writes it bare, except after a place word (``tại Hải Phòng``); elsewhere
    the province is the place."""
    text = ctx.text
    if not sport_article(text):
        return mentions
    orgs = {(m.start, m.end) for m in mentions if m.label == LABEL}
    sides = sorted(orgs | {(m.start, m.end) for m in mentions if _bare_province(text, m)})
    provinces = [m for m in mentions if _bare_province(text, m) and (m.start, m.end) not in orgs]
    added: list[Mention] = []
    after, before = _result_regexes()
    for m in provinces:
        fixture = any(
            _FIXTURE_GAP.fullmatch(text, e, m.start) is not None
            or _FIXTURE_GAP.fullmatch(text, m.end, s) is not None
            for s, e in sides
            if (s, e) != (m.start, m.end) and (e <= m.start <= e + 20 or m.end <= s <= m.end + 20)
        )
        bracketed = (
            text[m.start - 1 : m.start] == "("
            and text[m.end : m.end + 1] == ")"
            and any(
                text[s - 1 : s] == "(" and text[e : e + 1] == ")"
                for s, e in orgs
                if abs(s - m.start) <= 200
            )
        )
        result = after.match(text, m.end) is not None or (
            before.search(text, max(0, m.start - 30), m.start) is not None
        )
        if fixture or bracketed or result:
            span = text[m.start : m.end]
            added.append(Mention(LABEL, m.start, m.end, "org.home_club", {"expanded": span}))
    named = {text[m.start : m.end] for m in added}
    read = {(m.start, m.end) for m in added}
    # "quận Tân Bình, TP.HCM": the last link of a place's chain is the place
    place_ends = {m.end for m in mentions if m.label == "PLACE"}
    added.extend(
        Mention(LABEL, m.start, m.end, "org.home_club", {"expanded": text[m.start : m.end]})
        for m in provinces
        if text[m.start : m.end] in named
        and (m.start, m.end) not in read
        and not after_word(text, m.start, (*context_words().cue, *_PLACE_WORDS))
        and not (
            (comma := _CHAIN_COMMA.search(text, max(0, m.start - 4), m.start)) is not None
            and comma.start() in place_ends
        )
    )
    return mentions + added if added else mentions


def _bare_province(text: str, m: Mention) -> bool:
    """A province written by its name alone (``Đà Nẵng``, ``TP.HCM``), not after ``tỉnh``."""
    return (
        m.label == "PLACE"
        and m.attrs.get("level") == "province"
        and not regex.match(r"(?i)(?:tỉnh|thành phố)\b", text[m.start : m.end])
    )


#: A model code after a make (``CBR1000RR``, ``R1``, ``GSX-R1000``): capitals and digits,
#: not a number alone (a results table's laps: ``Mercedes 70``).
_MODEL_AFTER = regex.compile(r"[ \t]+(?=[\w\-]*[A-Z])(?=[\w\-]*\d)[A-Z0-9][\w\-]*")


@cache
def _racing() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """Teams joined to their engine makers (``Haas-Ferrari``), series and race words
    (``org_racing_teams.tsv``)."""
    rows = load_tsv("org_racing_teams.tsv")

    def words(role: str) -> regex.Pattern[str]:
        return phrase_regex(r["phrase"] for r in rows if r["role"] == role)

    team = words("team").pattern
    return regex.compile(rf"{team}(?:(?:-|[ \t]+){team})?"), words("series"), words("race")


def racing_teams(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """In a motor-racing article (a series and a race word: ``F1``, ``tay đua``), a team
    by its make, with the engine maker joined to it (``Ferrari``, ``Williams-Mercedes``,
    ``Red Bull Racing TAG Heuer``), is an ORG (guide v2: clubs are ORG) where no other ORG
    holds it; a shorter ORG inside it gives way."""
    text = ctx.text
    teams, series, race = _racing()
    if series.search(text) is None or race.search(text) is None:
        return mentions
    orgs = [m for m in mentions if m.label == LABEL]
    added: list[Mention] = []
    inside: set[tuple[int, int]] = set()
    for hit in teams.finditer(text):
        if _MODEL_AFTER.match(text, hit.end()):
            continue  # "Honda CBR1000RR", "Yamaha R1": a make and its model, a motorbike
        within = [m for m in orgs if hit.start() <= m.start and m.end <= hit.end()]
        if any(m.start < hit.end() and hit.start() < m.end for m in orgs if m not in within):
            continue
        inside.update((m.start, m.end) for m in within)
        added.append(Mention(LABEL, *hit.span(), "org.racing_team", {"expanded": hit.group()}))
    if not added:
        return mentions
    kept = [m for m in mentions if not (m.label == LABEL and (m.start, m.end) in inside)]
    return kept + added
