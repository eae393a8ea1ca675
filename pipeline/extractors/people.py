"""PERSON mentions: names without honorifics, short forms, bylines; and the titles they hold.

Names are found by shape, not by a statistical tagger: a family name from
``surnames.tsv`` followed by capitalised syllables (``Lý Bách Chiến``); capitalised
syllables after an honorific, rank, degree or role word from ``honorifics.tsv``
(``ông Quang``, ``Đại tá Lê Quốc Hùng``) or right after a TITLE; the given names of
people already named (``Đảnh`` after ``Đoàn Văn Đảnh``); bylines and photo credits
(role ``author``). A PERSON never overlaps a PLACE or ORG (``đường Trần Kim Xuyến``).

A title is attached (attribute ``title``) in the common orders: ``Ông X, TITLE[, TITLE]``,
``TITLE X``, ``X - TITLE``, ``X (TITLE)``. TITLE candidates that stand alone
(``Chủ tịch``) are kept only when attached to a person.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.extractors.orgs import starts_admin_name, unit_word_at
from pipeline.resources import honorific_words, load_tsv, surnames
from pipeline.text.scan import (
    SpanIndex,
    Word,
    overlaps,
    phrase_regex,
    with_case_variants,
    words_from,
)
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

LABEL = "PERSON"
MAX_NAME_WORDS = 6
_FORMER = r"(?:(?:nguyên|cựu)[ \t]+)?"
# Between a name and its post: "X, Chủ tịch", "X - Chủ tịch", "X (SN 1974, cựu PGĐ …)".
_AFTER_NAME = regex.compile(
    r"(?:[ \t]*[,\-–][ \t]*|[ \t]*\((?:(?:SN|sinh)[ \t]*\d{4},[ \t]*|\d{1,3}[ \t]*tuổi,[ \t]*)?"
    rf"|[ \t]+(?=nguyên|cựu)){_FORMER}"
)
# Between two posts of one person: a comma, perhaps after a term of office.
_NEXT_POST = regex.compile(rf"(?:[ \t]+(?:nhiệm kỳ|khóa)[ \t]+[\w\-–]+)?[ \t]*,[ \t]*{_FORMER}")
# Between a post and the name after it: "Phó Chủ tịch UBND tỉnh – ông X", "Tổng Bí thư X".
_BEFORE_NAME = regex.compile(r"(?:[ \t]*[\-–][ \t]*)?(?:(?:ông|bà|đồng chí)[ \t]+)?[ \t]?\Z")
_CREDIT = regex.compile(
    r"(?:Ảnh|ẢNH|Ảnh minh họa|Video|Clip|Tác giả|Bài và ảnh|Bài, ảnh|Nguồn ảnh)[ \t]*:[ \t]*"
)


# Initials as a pen name: N.P, B.T.N, TR.L, T.Tú (a dot between capitals).
_INITIALS = regex.compile(r"(?:\p{Lu}{1,2}\.)+\p{Lu}[\p{Ll}\p{M}]*\.?")
_WEB_ADDRESS = regex.compile(r"\.(?:vn|com|net|org|gov)\b", regex.IGNORECASE)
_LOWER_AFTER = regex.compile(r" \p{Ll}")


@dataclass(frozen=True, slots=True)
class _Name:
    start: int
    end: int
    rule: str
    role: str | None = None


@cache
def _honorific_regex() -> regex.Pattern[str]:
    words = [row["word"] for row in load_tsv("honorifics.tsv")]
    return phrase_regex(with_case_variants(words))


@cache
def _blockers() -> frozenset[str]:
    return frozenset(row["word"] for row in load_tsv("person_blockers.tsv"))


_HOUSE_NUMBER = regex.compile(r"(?<![\p{L}\p{M}])[Ss]ố[ \t]+\d+[\p{L}\d/]*[ \t]+$")


def _after_blocker(text: str, start: int) -> bool:
    """Whether the words right before ``start`` name a thing (``Dòng họ``, ``đường``) or
    give a house number (``số 7 Lý Thường Kiệt`` is an address)."""
    window = text[max(0, start - 20) : start]
    if _HOUSE_NUMBER.search(window):
        return True
    before = window.rstrip(" ")
    if before == window or before.casefold().endswith("thành phố"):
        return False  # "Chủ tịch UBND thành phố Nguyễn Văn A": a city, not a street (phố)
    return any(before.endswith(b) and not before[: -len(b)][-1:].isalnum() for b in _blockers())


@cache
def _not_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Year names (stem + branch), credit sources, compound-noun words (not_person_names.tsv)."""
    rows = load_tsv("not_person_names.tsv")
    stems = [r["text"] for r in rows if r["kind"] == "stem"]
    branches = [r["text"] for r in rows if r["kind"] == "branch"]
    years = frozenset(f"{s} {b}" for s in stems for b in branches)
    sources = frozenset(r["text"].casefold() for r in rows if r["kind"] == "source")
    compounds = frozenset(r["text"].casefold() for r in rows if r["kind"] == "compound")
    return years, sources, compounds


def _in_compound(text: str, start: int) -> bool:
    """Whether the honorific at ``start`` ends a compound noun (``đàn ông``, ``cụ bà``)."""
    before = text[max(0, start - 8) : start].rstrip(" ").casefold()
    word = regex.search(r"[\p{L}\p{M}]+$", before)
    return (
        bool(word) and word.group() in _not_names()[2] and before != text[max(0, start - 8) : start]
    )


def _is_name_word(w: Word, *, first: bool = True, byline: bool = False) -> bool:
    """A capitalised syllable that can be part of a name (an honorific only inside one)."""
    return (
        w.is_capitalised
        and not w.is_punct
        and not w.is_number
        and (byline or not w.is_abbreviation)
        and not (first and w.text.casefold() in honorific_words())
    )


def _name_run(text: str, words: list[Word], i: int, *, byline: bool = False) -> int:
    """Index after the run of capitalised name words starting at ``words[i]``."""
    j = i
    while j < len(words) and j - i < MAX_NAME_WORDS:
        w = words[j]
        if not _is_name_word(w, first=j == i, byline=byline):
            break
        if j > i and text[words[j - 1].end : w.start] not in (" ",):
            break
        if j > i and unit_word_at(text, words, j):
            break
        j += 1
    return j


def _names_after_triggers(text: str, line: tuple[int, int]) -> Iterable[_Name]:
    """Names right after an honorific, rank, degree or role word."""
    for m in _honorific_regex().finditer(text, line[0], line[1]):
        if _after_blocker(text, m.start()) or _in_compound(text, m.start()):
            continue  # a thing named after someone (rạch Ông X); "người đàn ông Mỹ"
        words = list(words_from(text, m.end(), line[1], limit=MAX_NAME_WORDS + 1))
        if not words or text[m.end() : words[0].start] != " ":
            continue
        end = _name_run(text, words, 0)
        if end:
            yield _Name(words[0].start, words[end - 1].end, "person.after_honorific")


def _names_by_surname(text: str, words: list[Word]) -> Iterable[_Name]:
    """Surname + capitalised syllables in one line's words: ``Nguyễn Văn Tiến``."""
    i = 0
    while i < len(words):
        w = words[i]
        if (
            w.text in surnames()
            and (i == 0 or not _is_name_word(words[i - 1]))
            and not starts_admin_name(text, words, i)  # "Vũ Thư", "Lục Ngạn": districts
        ):
            end = _name_run(text, words, i)
            if end - i >= 2:
                yield _Name(w.start, words[end - 1].end, "person.surname")
                i = end
                continue
        i += 1


_LATIN_WORD = regex.compile(r"[A-Z][a-z]+(?:-[a-z]+)?")
_NOT_VIETNAMESE = regex.compile(r"[fjwz]|ee|oo|ae|ou|yu|yo", regex.IGNORECASE)


@cache
def _korean_surnames() -> dict[str, str]:
    return {r["name"]: r["kind"] for r in load_tsv("foreign_surnames.tsv")}


def _korean_names(text: str, words: list[Word]) -> Iterable[_Name]:
    """A Korean family name + one or two Latin-only given names: ``Lee Hyori``, ``Kim Tae Hee``."""
    kinds = _korean_surnames()
    i = 0
    while i < len(words):
        kind = kinds.get(words[i].text)
        if kind is None or (i and _is_name_word(words[i - 1])):
            i += 1
            continue
        j = i + 1
        while (
            j < len(words)
            and j - i <= 2
            and _LATIN_WORD.fullmatch(words[j].text)
            and text[words[j - 1].end : words[j].start] == " "
        ):
            j += 1
        given = [w.text for w in words[i + 1 : j]]
        if given and (kind == "korean" or any(_NOT_VIETNAMESE.search(g) for g in given)):
            yield _Name(words[i].start, words[j - 1].end, "person.korean")
            i = j
            continue
        i += 1


def _names_after_titles(text: str, titles: list[Mention]) -> Iterable[_Name]:
    """``Tổng Bí thư Nguyễn Phú Trọng``: a capitalised run right after a TITLE."""
    for t in titles:
        words = list(words_from(text, t.end, limit=MAX_NAME_WORDS + 1))
        if not words or text[t.end : words[0].start] != " ":
            continue
        end = _name_run(text, words, 0)
        if end >= 2:
            yield _Name(words[0].start, words[end - 1].end, "person.after_title")


def _bylines(ctx: DocContext) -> Iterable[_Name]:
    """Photo credits anywhere and a closing line that is only a name."""
    text = ctx.text
    for line in ctx.lines:
        for m in _CREDIT.finditer(text, line[0], line[1]):
            words = list(words_from(text, m.end(), line[1], limit=MAX_NAME_WORDS + 1))
            end = _name_run(text, words, 0, byline=True)
            if end and (
                _WEB_ADDRESS.search(words[0].text)
                or text[words[0].start : words[end - 1].end].casefold() in _not_names()[1]
                or words[0].text.casefold() in _not_names()[1]
            ):
                continue  # a site, not a name: "Ảnh: Chinhphu.vn"
            if end and _INITIALS.fullmatch(words[0].text):
                end = 1  # initials end the credit: "Ảnh: H.T Theo đó, …"
            elif end >= 3 and _LOWER_AFTER.match(text, words[end - 1].end):
                end -= 1  # the next sentence starts on the credit's line: "Ảnh: Lê Quân Trước đó"
            if (
                end >= 2
                or (end == 1 and text[words[0].end : words[0].end + 1] in "/-–")
                or (end == 1 and _INITIALS.fullmatch(words[0].text))
            ):
                yield _Name(words[0].start, words[end - 1].end, "person.credit", "author")
    if len(ctx.sentences) > 1:
        # The byline is the article's last sentence, often glued to the last paragraph.
        start, end = ctx.sentences[-1]
        last_line = ctx.lines[-1] if ctx.lines else (start, end)
        if last_line[0] < start and last_line[1] - last_line[0] <= 30:
            start, end = last_line  # a short closing line the splitter cut at a dot: "B.T.N"
        words = list(words_from(text, start, end, limit=MAX_NAME_WORDS + 2))
        run = _name_run(text, words, 0, byline=True)
        rest = text[words[run - 1].end : end].strip() if run else ""
        single = run == 1 and _INITIALS.fullmatch(words[0].text)
        if (2 <= run <= 4 or single) and (not rest or rest[0] in "/-–("):
            yield _Name(words[0].start, words[run - 1].end, "person.byline", "author")


def _short_forms(ctx: DocContext, full: list[_Name]) -> list[_Name]:
    """Given names of people named in full, where they stand alone as a word later on."""
    text = ctx.text
    given = {parts[-1] for n in full if len(parts := text[n.start : n.end].split()) >= 2}
    if not given:
        return []
    pattern = phrase_regex(given)
    whole_words = ctx.word_spans
    out = []
    for line in ctx.lines:
        words = ctx.words_of(line)
        index = {w.start: k for k, w in enumerate(words)}
        for m in pattern.finditer(text, line[0], line[1]):
            k = index.get(m.start())
            if k is None or m.span() not in whole_words:
                continue
            before = words[k - 1] if k else None
            after = words[k + 1] if k + 1 < len(words) else None
            if before is not None and _is_name_word(before) and text[before.end] == " ":
                continue
            if after is not None and _is_name_word(after) and text[m.end()] == " ":
                continue
            out.append(_Name(m.start(), m.end(), "person.short_form"))
    return out


def _titles_by_start_and_end(
    titles: list[Mention],
) -> tuple[dict[int, Mention], dict[int, Mention]]:
    return {t.start: t for t in titles}, {t.end: t for t in titles}


def _attached_titles(
    text: str,
    name: _Name,
    titles: list[Mention],
    name_starts: frozenset[int],
    by_start_end: tuple[dict[int, Mention], dict[int, Mention]] | None = None,
) -> list[Mention]:
    """The TITLEs a name holds in its clause, in text order.

    Before the name: ``Chủ tịch UBND huyện X``, ``Phó Chủ tịch … – ông X`` (with the posts
    listed before it, comma-separated). After it: ``X, Chủ tịch …``, ``X - Giám đốc …``,
    ``X (SN 1974, cựu PGĐ …)``, ``X nguyên Phó Chủ tịch …``, and the posts that follow
    comma-separated (a term of office may stand between), stopping at a post that
    belongs to the next name (``…, Phó Chủ tịch Lương Công Tuấn``).
    """
    by_start, by_end = by_start_end or _titles_by_start_and_end(titles)
    back = _BEFORE_NAME.search(text, max(0, name.start - 30), name.start)
    before = by_end.get(back.start()) if back else None
    if before is not None:
        chain = [before]
        while text[chain[0].start - 2 : chain[0].start] == ", " and chain[0].start - 2 in by_end:
            chain.insert(0, by_end[chain[0].start - 2])
        return chain
    chain: list[Mention] = []
    m = _AFTER_NAME.match(text, name.end)
    nxt = by_start.get(m.end()) if m else None
    while nxt is not None and not (chain and _holds_next_name(text, nxt, name_starts)):
        chain.append(nxt)
        m = _NEXT_POST.match(text, nxt.end)
        nxt = by_start.get(m.end()) if m else None
    return chain


def _holds_next_name(text: str, title: Mention, name_starts: frozenset[int]) -> bool:
    """Whether a title is written right before another person's name."""
    return text[title.end : title.end + 1] == " " and title.end + 1 in name_starts


def _title_text(text: str, chain: list[Mention]) -> str:
    return ", ".join(text[t.start : t.end] for t in chain)


def component(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Add PERSON mentions with ``title``/``role``; confirm or drop TITLE candidates."""
    text = ctx.text
    blocked = SpanIndex((m.start, m.end) for m in mentions if m.label in ("PLACE", "ORG", "TITLE"))
    titles = [m for m in mentions if m.label == "TITLE"]
    names: dict[tuple[int, int], _Name] = {}
    # The kept spans never overlap, so sorted by start their ends are sorted too and only
    # the nearest span starting before a candidate's end can overlap it (O(log n), not O(n)).
    kept: list[tuple[int, int]] = []

    def add(candidates: Iterable[_Name]) -> None:
        for n in candidates:
            span = (n.start, n.end)
            if (
                blocked.overlaps(span)
                or _after_blocker(text, n.start)
                or text[n.start : n.end] in _not_names()[0]  # a year name: Đinh Dậu
            ):
                continue
            i = bisect.bisect_left(kept, (span[1], -1))
            if i > 0 and overlaps(span, kept[i - 1]):
                if n.role and span in names:
                    names[span] = n
                continue
            kept.insert(i, span)
            names[span] = n

    add(_bylines(ctx))
    for line in ctx.lines:
        add(_names_after_triggers(text, line))
        add(_names_by_surname(text, ctx.words_of(line)))
        add(_korean_names(text, ctx.words_of(line)))
    add(_names_after_titles(text, titles))
    add(_short_forms(ctx, list(names.values())))

    kept_titles: set[int] = set()
    people: list[Mention] = []
    name_starts = frozenset(start for start, _ in names)
    titles_at = _titles_by_start_and_end(titles)  # once, not once per name
    for n in sorted(names.values(), key=lambda n: n.start):
        attrs: dict[str, object] = {}
        chain = _attached_titles(text, n, titles, name_starts, titles_at)
        if chain:
            attrs["title"] = _title_text(text, chain)
            attrs["_titles"] = tuple((t.start, t.end) for t in chain)
            kept_titles |= {id(t) for t in chain}
        if n.role:
            attrs["role"] = n.role
        people.append(Mention(LABEL, n.start, n.end, n.rule, attrs))
    out = []
    for m in mentions:
        if m.label == "TITLE" and m.attrs.get("_alone"):
            if id(m) not in kept_titles:
                continue
            m = Mention(m.label, m.start, m.end, "title.held_by_person")
        out.append(m)
    return out + people
