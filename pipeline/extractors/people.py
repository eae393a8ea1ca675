"""PERSON mentions: names without honorifics, short forms, bylines; and the titles they hold.

Names are found by shape, not by a statistical tagger: a family name from
``surnames.tsv`` followed by capitalised syllables (``Lý Bách Chiến``); capitalised
syllables after an honorific, rank, degree or role word from ``honorifics.tsv``
(``ông Quang``, ``Đại tá Lê Quốc Hùng``) or right after a TITLE; the given names of
people already named (``Đảnh`` after ``Đoàn Văn Đảnh``); bylines and photo credits
(role ``author``). A PERSON never overlaps a PLACE or ORG (``đường Trần Kim Xuyến``).

A title is attached (attribute ``title``) in the common orders: ``Ông X, TITLE[, TITLE]``,
``TITLE X``, ``X - TITLE``, ``X (TITLE)``, ``X (aside), TITLE``, and through a verb of
holding a post (``ông X làm Trưởng đoàn``, person_post_links.tsv). A list of names opened by
a plural form of address (``các ông A, B và C (nguyên TITLE)``) shares the post written
after its last name. TITLE candidates that stand alone (``Chủ tịch``) are kept only when
attached to a person. A post extended over a body the ORG finder missed names that body as
an ORG (``org.in_post``: ``Chủ tịch Hiệp hội đá quý Hà Nội``).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

import regex

from pipeline.extractors.dates import opens_dated_sentence
from pipeline.extractors.orgs import (
    abbreviations,
    club_names,
    credit_initials,
    expand,
    function_words,
    head_regex,
    known_names,
    starts_admin_name,
    unit_word_at,
)
from pipeline.extractors.place_words import (
    after_word,
    context_words,
    fold_key,
    foreign_first_names,
    foreign_shaped,
    known,
    lexicon_at,
    names_a_place,
    place_names,
    sport_article,
    syllable_before,
    vietnamese_syllable,
)
from pipeline.extractors.place_words import (
    unit_words as place_unit_words,
)
from pipeline.extractors.titles import position_words, state_post_regex
from pipeline.resources import (
    clan_words,
    credit_words,
    honorific_rows,
    honorific_words,
    kinship_compound_words,
    lead_given_names,
    lead_words,
    lead_words_ending_no_name,
    load_tsv,
    name_particles,
    named_thing_nouns,
    speech_verbs,
    surnames,
)
from pipeline.resources.given_names import (
    given_names,
    is_given_name,
    vietnamese_given_syllables,
)
from pipeline.text.numbers import alternation
from pipeline.text.scan import (
    SENTENCE_OPEN,
    SpanIndex,
    StartIndex,
    Word,
    overlaps,
    phrase_regex,
    with_case_variants,
    words_from,
)
from pipeline.text.segment import dictionary_word_end, dictionary_words
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

LABEL = "PERSON"
MAX_NAME_WORDS = 6
_FORMER = r"(?:(?:[nN]guyên|[cC]ựu)[ \t]+)?"
# Between a name and its post: "X, Chủ tịch", "X - Chủ tịch", "X (SN 1974, cựu PGĐ …)".
_AFTER_NAME = regex.compile(
    r"(?:[ \t]*[,\-–][ \t]*(?:(?:SN|sinh năm)[ \t]*\d{4}[ \t]*,[ \t]*)?"
    r"|[ \t]*\((?:(?:SN|sinh)[ \t]*\d{4},[ \t]*|\d{1,3}[ \t]*tuổi,[ \t]*)?"
    rf"|[ \t]+){_FORMER}"
)
# Between two posts of one person: a comma, perhaps after a term of office written with or
# without a comma before it ("…, nhiệm kỳ 2014-2019, Ủy viên …").
_NEXT_POST = regex.compile(
    r"(?:[ \t]*,?[ \t]+(?:nhiệm kỳ|khóa)[ \t]+\w+(?:[ \t]*[\-–][ \t]*\w+)?)?"
    rf"(?:[ \t]*,[ \t]*|[ \t]+kiêm[ \t]+){_FORMER}"
)
# A post joined to the one before it: "Bí thư Huyện ủy kiêm Chủ tịch UBND huyện".
_POST_BEFORE = regex.compile(r"(?:,|[ \t]kiêm)[ \t]+\Z")
# An aside between a name and its post: bracketed (age, address: "X (trú xã Y), Giám đốc
# …"), or between commas a birth date or age, as appointments write it ("bổ nhiệm ông X, sinh
# ngày 12/12/1960, giữ chức vụ Giám đốc Sở …"), or a Party membership.
_ASIDE = regex.compile(
    r"[ \t]*\([^()\n]{1,100}\)"
    r"|[ \t]*,[ \t]*(?:(?:SN|sinh(?:[ \t]+(?:ngày|năm))?)[ \t]*\d[\d/.\-]{3,9}"
    r"|\d{1,3}[ \t]*tuổi)(?=[ \t,])"
    # a Party membership before the posts a disciplinary decision names, with the committee
    # above the cell: "ông X, đảng viên Chi bộ Y (PC52), Đảng ủy Z, nguyên Chủ tịch …"
    r"|[ \t]*,[ \t]*đảng viên[ \t]+\p{Lu}[^,;()\n]{1,80}?(?:[ \t]*\([^()\n]{1,80}\))?"
    r"(?:[ \t]*,[ \t]*Đảng (?:ủy|bộ)[^,;()\n]{1,60}?)?(?=[ \t]*,)"
)
_ASIDE_THEN_POST = regex.compile(rf"[ \t]*,[ \t]*{_FORMER}")
# Between the last name of a list and a post that is the whole list's: a bracket or a space
# ("A, B và C (nguyên Chủ tịch …)", "A và B nguyên Phó Chủ tịch …"); a comma or a dash is
# the last person's own apposition ("A, B - Chủ tịch X, C - Phó Chủ tịch X").
_LIST_POST = regex.compile(rf"[ \t]*\((?:{_FORMER})|[ \t]+{_FORMER}")
# Between two names of one list: "A, B và C", "A, ông B".
_LIST_GAP = regex.compile(r"(?:[ \t]*,[ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+)(?:(?:ông|bà)[ \t]+)?")
# Between a post and the name after it: "Phó Chủ tịch UBND tỉnh – ông X", "Tổng Bí thư X".


@cache
def _before_name_regex() -> regex.Pattern[str]:
    """Between a post and the name after it: nothing, a dash, ``ông``/``bà``/``đồng chí``
    (``Chủ tịch HĐND TP bà X``), the anaphor of a country (``Tổng thống nước này X``:
    person_post_links.tsv, kind ``country``), or a comma and one of those or a rank, in either case
    (``Phó Chủ tịch Quốc hội, Đại tướng X``, ``Trưởng Công an huyện Y, đại tá X``), or a
    comma alone (group ``apposed``: the name must be closed by a comma too)."""
    ranks = alternation([row["word"] for row in honorific_rows() if row["kind"] == "rank"])
    foreign = alternation(sorted(_foreign_honorifics()))
    country = _alternation(("country",))
    return regex.compile(
        rf"(?:(?:[ \t]*[\-–][ \t]*|[ \t]+(?=(?:ông|bà|đồng chí|(?-i:{foreign}))[ \t])"
        rf"|[ \t]+(?:{country})[ \t]+)?"
        rf"(?:(?:ông|bà|đồng chí|(?-i:{foreign}))[ \t]+)?"
        rf"|(?P<comma>[ \t]*,[ \t]*(?:ông|bà|đồng chí|(?i:{ranks}))[ \t]+)"
        r"|(?P<apposed>[ \t]*,[ \t]*))[ \t]?\Z"
    )


# What stands between a name and a post written after it, read backwards from the post.
_NAME_BEFORE_POST = regex.compile(rf"(?:[ \t]*[,\-–(][ \t]*|[ \t]+){_FORMER}\Z")
_CREDIT = regex.compile(
    r"(?:Ảnh|ẢNH|Ảnh minh họa|Video|Clip|Tác giả|Nguồn ảnh"
    r"|(?:Bài|Tin|BÀI|TIN)(?:[ \t]*[,/&\-–][ \t]*|[ \t]+và[ \t]+)(?:ảnh|Ảnh|ẢNH|video))"
    r"[ \t]*:[ \t]*"
    # A collaborator's credit, no colon: "CTV Văn Chương/VOV.VN".
    r"|(?<![\w])CTV[ \t]+(?=\p{Lu})"
    # A photographer's initials after the caption, no colon: "… bên suối. Ảnh A.N Theo đó".
    r"|(?<![\w])(?:Ảnh|ẢNH)[ \t]+(?=(?:\p{Lu}{1,2}\.[ \t]?)+\p{Lu}\.?(?![\p{L}\p{M}]))"
    # A caption's credit in brackets, colon or not: "(ảnh Minh Khôi)", "(Ảnh: Minh Anh)".
    r"|(?<=\()(?:ảnh|Ảnh|ẢNH)(?:[ \t]*:[ \t]*|[ \t]+)"
)
# A byline glued to the end of the last sentence (one-line articles): "… đồng… KHÁNH LINH",
# "… (Xem tiếp) Mai Anh - Quốc Dũng", "… xử lý nghiêm. H.T.K".
_NAME_PART = (
    # initials, a space after a dot or not, then the given name in either case: "H. Nam",
    # "Đ.T.CHÁNH"
    r"(?:(?:\p{Lu}{1,2}\.[ \t]?)+\p{Lu}(?:[\p{Lu}\p{M}]+(?![\p{Ll}])|[\p{Ll}\p{M}]*)\.?"
    r"|\p{Lu}[\p{L}\p{M}]*(?:[ \t]\p{Lu}[\p{L}\p{M}]*){1,3})"
)
_TAIL_BYLINE = regex.compile(
    r"(?:(?<=[.!?…)”\"][ \t]{1,3})|(?<=\n[ \t]*)|\A[ \t]*)"
    rf"({_NAME_PART}(?:[ \t]*[\-–,][ \t]*{_NAME_PART})*)[ \t]*\Z"
)
_PART = regex.compile(_NAME_PART)


# A pen name whose family name is cut short with a dot (Tr.Thường, Ng.Lan, V. ĐỒNG): in a
# credit only.
_SHORT_SURNAME_NAME = regex.compile(
    r"\p{Lu}\p{Ll}\.[ \t]?\p{Lu}[\p{Ll}\p{M}]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}]+)?(?![\w.])"
    # one initial and the given name in capitals: "Ảnh: V. ĐỒNG", "Ảnh: L. THOA"
    r"|\p{Lu}\.[ \t]?\p{Lu}[\p{Lu}\p{M}]+(?:[ \t]+\p{Lu}[\p{Lu}\p{M}]+)?(?![\w.])"
)
# Initials as a pen name: N.P, B.T.N, TR.L, T.Tú (a dot between capitals).
_INITIALS = regex.compile(r"(?:\p{Lu}{1,2}\.)+\p{Lu}[\p{Ll}\p{M}]*\.?")
#: The consonant digraphs of Vietnamese spelling, written as one initial (``L.T.Th``).
_DIGRAPHS = "Th|Tr|Ng|Nh|Ch|Ph|Kh|Gi|Qu|Gh"
# A name withheld as initials after an honorific or role (``anh H.H.Q``, ``bị can L.V.T.``,
# ``người tên T.``): the letters without the closing dot, as the guide's gold writes them.
_INITIALS_NAME = regex.compile(
    r"\p{Lu}{1,2}(?:\.(?:\p{Lu}{1,2}|"
    + _DIGRAPHS
    + r")){1,3}(?![\p{L}\p{M}\d])|\p{Lu}(?=\.(?![\p{L}\p{M}\d]))"
)
# Three or more initials stand for a withheld name wherever they are written (``bé gái
# L.T.Th``, ``các ông T.V.N và L.V.K``, ``nạn nhân N.A.T``): no abbreviation of Vietnamese
# news is spelled so, but the dotted acronyms listed in not_person_names.tsv (S.O.S).
_WITHHELD = regex.compile(
    r"(?<![\p{L}\p{M}\d.])\p{Lu}\.\p{Lu}(?:\.\p{Lu}){0,2}\.(?:\p{Lu}|"
    + _DIGRAPHS
    + r")(?![\p{L}\p{M}\d])"
)
_DIGIT_NEXT = regex.compile(r"[ \t]+\d")
#: An agency's acronym (AFP, RCP, TTXVN): capitals only.
_AGENCY = regex.compile(r"\p{Lu}{2,6}")
_CAPITAL_NEXT = regex.compile(r"\.?[ \t]+\p{Lu}[\p{Ll}\p{M}]")
_GLUED_AGENCY = regex.compile(r"(?<=\p{Ll})[\-–]\p{Lu}{2,}")
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
    return phrase_regex(with_case_variants(row["word"] for row in honorific_rows()))


@cache
def _foreign_honorifics() -> frozenset[str]:
    """Words that take only a name no Vietnamese syllable spells: honorifics of other
    languages, as written (``U``), and a government named after its leader (``chính
    quyền Obama``)."""
    rows = honorific_rows()
    return frozenset(r["word"] for r in rows if r["kind"] == "foreign") | frozenset(
        with_case_variants([r["word"] for r in rows if r["kind"] == "administration"])
    )


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
    if any(
        before.endswith(b) and not before[: -len(b)][-1:].isalnum() for b in named_thing_nouns()
    ):
        return True
    # "đền ông Hoàng Mười", "lăng vua Tự Đức": the site of a person named with a form of
    # address is named after them too.
    prev = syllable_before(text, start)
    if not (
        prev is not None
        and prev[1].casefold() in honorific_words("honorific", "royal")
        and after_word(text, prev[0], _shrine_words())
    ):
        return False
    return not _ends_compound(text, prev[0])  # "gia đình chị X", "triều đình vua X"


def _ends_compound(text: str, pos: int) -> bool:
    """Whether the syllable before ``pos`` ends a word of two syllables that names no thing
    a person's name is given to (``gia đình``, ``yêu cầu``; not ``lăng mộ``, ``dòng họ``)."""
    last = syllable_before(text, pos)
    head = syllable_before(text, last[0]) if last else None
    if not (last and head):
        return False
    word = f"{head[1]} {last[1]}".casefold()
    return (
        word in dictionary_words()
        and word not in named_thing_nouns()
        and head[1].casefold() not in named_thing_nouns() | _shrine_words()
    )


@cache
def _shrine_words() -> frozenset[str]:
    """Sites named after the person they honour (person_shrine_words.tsv): ``đền``, ``lăng``."""
    return frozenset(row["word"] for row in load_tsv("person_shrine_words.tsv"))


# "nước" and the spaces before a name, with the word before it: nước Âu Lạc, Chủ tịch nước X.
_COUNTRY_NOUN = regex.compile(
    r"(?:(?<![\p{L}\p{M}])(?P<before>[\p{L}\p{M}]+)[ \t]+)?(?P<noun>[Nn]ước)[ \t]+\Z"
)


def _after_country_noun(text: str, start: int, end: int, blocked: SpanIndex) -> bool:
    """Whether the name at ``start:end`` follows ``nước`` as the noun of a country (``nước Âu
    Lạc``, ``các nước Âu Mỹ``, ``nhà nước Văn Lang``): not the ``nước`` of a post or a body
    (``Chủ tịch nước``, inside a TITLE or ORG) nor ``trong nước`` (at home), and not before
    a full name (a surname and two syllables or more: the holder of a post ending in
    ``nước`` that the post finder missed, ``Tổng Kiểm toán Nhà nước X Y Z``)."""
    m = _COUNTRY_NOUN.search(text, max(0, start - 24), start)
    if m is None or blocked.overlaps(m.span("noun")):
        return False
    if (m.group("before") or "").casefold() in _AT_HOME:
        return False
    words = text[start:end].split()
    return not (len(words) >= 3 and words[0] in surnames())


# "trong nước", "ngoài nước": at home, abroad (an adverb; a new sentence may follow it).
_AT_HOME = frozenset({"trong", "ngoài"})


_CAPITALISED_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{Ll}\p{M}]*[ \t]+$")


def _tail_of_place(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` ends a unit name the gazetteer knows that opens with
    capitalised words before it: ``Trưng`` in ``Hai Bà Trưng``, ``Rịa`` in ``Bà Rịa``."""
    pos = start
    for words in range(1, 4):
        m = _CAPITALISED_BEFORE.search(text, max(0, pos - 20), pos)
        if m is None:
            return False
        pos = m.start()
        if (
            words == 1
            and SENTENCE_OPEN.search(text, max(0, pos - 3), pos)
            and m.group().strip().casefold() in honorific_words()
        ):
            continue  # "Anh Sơn cho biết": a capitalised honorific opening a sentence
        # A commune only with two words before the name: "Anh Dũng" is also a commune.
        levels = ("province", "district", "commune") if words > 1 else ("province", "district")
        if any(known(text[pos:end], level) for level in levels):
            return True
    return False


@cache
def _not_names() -> tuple[frozenset[str], frozenset[str]]:
    """Year names (stem + branch), seasons and competitions; credit sources
    (not_person_names.tsv)."""
    rows = load_tsv("not_person_names.tsv")
    stems = [r["text"] for r in rows if r["kind"] == "stem"]
    branches = [r["text"] for r in rows if r["kind"] == "branch"]
    years = frozenset(f"{s} {b}" for s in stems for b in branches) | frozenset(
        r["text"] for r in rows if r["kind"] in ("competition", "season", "acronym")
    )
    sources = frozenset(r["text"].casefold() for r in rows if r["kind"] == "source")
    return years, sources


@cache
def _sport_words() -> frozenset[str]:
    """One-word clubs, grounds, nicknames and competitions, and capitalised words of media
    (not_person_names.tsv): what a sports article writes bare besides a player's name."""
    kinds = ("club", "ground", "nickname", "competition", "word")
    return frozenset(r["text"] for r in load_tsv("not_person_names.tsv") if r["kind"] in kinds)


# A capitalised word standing alone: no capitalised word right before or after it.
_LONE_WORD = regex.compile(
    r"(?<!\p{Lu}[\p{L}\p{M}]*[ \t]|[\p{L}\p{M}\d\-'’.])"
    r"\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?(?![\p{L}\p{M}\d\-'’]|[ \t]+\p{Lu})"
)
_LONE_NAME_MIN = 2  # a lone family name is a player's when the article writes it this often


_PLAYER_LIST_MIN = 3  # items of a list of lone family names that make it a list of players


def _players_by_family_name(ctx: DocContext, blocked: SpanIndex) -> Iterable[_Name]:
    """In a sports article, a foreign family name written alone (``Lukaku``, ``Gueye``,
    ``Umtiti``), as the sports press names players: one word no Vietnamese syllable spells,
    written alone at least twice, that names no place, body, club, ground or competition of
    the lexicons (``Bernabeu``, ``Eibar``) and stands after no place cue (``tại``, ``sang``:
    a town); or written once in a list of three or more such words with a player in it."""
    text = ctx.text
    if not sport_article(text):
        return
    seen: dict[str, list[tuple[int, int]]] = {}
    for m in _LONE_WORD.finditer(text):
        word = m.group()
        if (
            vietnamese_syllable(word)
            or word in _sport_words()
            or word in known_names()
            or word in club_names()
            or word in _not_names()[0]
            or word.casefold() in _not_names()[1]
            or word.casefold() in honorific_words()
            or place_names().get(fold_key(word))
            or blocked.overlaps(m.span())
            or after_word(text, m.start(), context_words().cue)
        ):
            continue
        seen.setdefault(word, []).append(m.span())
    players = {w for w, spans in seen.items() if len(spans) >= _LONE_NAME_MIN}
    # "Lewandowski, Vidal, Robben, Coman": a list of three or more such words that holds a
    # player named twice lists players, each named once
    spans = sorted((span, word) for word, found in seen.items() for span in found)
    chain: list[tuple[tuple[int, int], str]] = []
    for item in [*spans, ((len(text) + 1, len(text) + 1), "")]:
        if chain and _LIST_GAP.fullmatch(text, chain[-1][0][1], item[0][0]):
            chain.append(item)
            continue
        if len(chain) >= _PLAYER_LIST_MIN and any(word in players for _, word in chain):
            players.update(word for _, word in chain)
        chain = [item]
    for word in players:
        for start, end in seen[word]:
            yield _Name(start, end, "person.player_name")


_STAGE_NAME_MIN = 3  # a bare two-syllable given name is a person's when written this often
_STAGE_WORDS_MIN = 2  # professions named in an article of show business (ca sĩ, diễn viên …)


@cache
def _profession_regex() -> regex.Pattern[str]:
    """The professions of honorifics.tsv (kind ``profession``) as whole words."""
    return phrase_regex(honorific_words("profession"))


_QUOTED = regex.compile(r"[\"“‘'”’]")


def _repeated_given_names(ctx: DocContext, blocked: SpanIndex) -> Iterable[_Name]:
    """Two Vietnamese given-name syllables written bare, whole (no capitalised word joined
    before or after), at least three times in a sports article or one that names professions
    (``ca sĩ``, ``diễn viên``) twice: the stage or sports name that press calls people by
    (``Công Phượng``, ``Trấn Thành``, ``Bảo Thanh``; the dictionary holds many such names,
    Hồng Nhung, so it cannot decide). Never a province or district, a body, a name that
    opens a dictionary word with the next syllable (``Luật Quản lý``), a form of address
    first (``Anh Dũng``, read by the honorific rules) nor a quoted title (``“Hoàn Châu”``)."""
    text = ctx.text
    if not sport_article(text) and len(_profession_regex().findall(text)) < _STAGE_WORDS_MIN:
        return  # the press writes people by given name alone in sports and show business
    seen: dict[str, list[tuple[int, int]]] = {}
    for line in ctx.lines:
        words = ctx.words_of(line)
        for k in range(len(words) - 1):
            a, b = words[k], words[k + 1]
            if (
                not (a.is_capitalised and b.is_capitalised)
                or a.is_abbreviation
                or b.is_abbreviation
                or text[a.end : b.start] != " "
                or (
                    k > 0
                    and words[k - 1].is_capitalised
                    and words[k - 1].end + 1 == a.start
                    and words[k - 1].text not in lead_words()
                )
                or (
                    k + 2 < len(words)
                    and words[k + 2].is_capitalised
                    and b.end + 1 == words[k + 2].start
                )
            ):
                continue
            seen.setdefault(f"{a.text} {b.text}", []).append((a.start, b.end))
    for name, spans in seen.items():
        if len(spans) < _STAGE_NAME_MIN:
            continue
        first, second = name.split(" ")
        if not (
            vietnamese_syllable(first)
            and vietnamese_syllable(second)
            and (first in surnames() or _given_syllable(first))
            and _given_syllable(second)
            and first not in lead_words()
            and first.casefold() not in honorific_words()
            # communes lend their auspicious names to people (Bảo Thanh): a commune named
            # in the article is read as a PLACE there and blocks the name
            and not names_a_place(name, ("province", "district"))
            and name not in known_names()
            and name not in club_names()
        ):
            continue
        found = [m.span() for m in regex.finditer(regex.escape(name), text)]
        things = {s for s in found if blocked.overlaps(s) or _after_blocker(text, s[0])}
        if 2 * len(things) >= len(found):
            continue  # "sông Ngàn Sâu", "cảng Cái Lân": mostly a place's or a thing's name
        for start, end in spans:
            if (
                (start, end) in things
                or dictionary_word_end(text, end - len(second), end)
                or (start and _QUOTED.match(text, start - 1) and _QUOTED.match(text, end))
            ):
                continue
            yield _Name(start, end, "person.stage_name")


def _given_syllable(word: str) -> bool:
    """A syllable of a given name: of the world's dictionary or of the Vietnamese lists."""
    return is_given_name(word) or word in vietnamese_given_syllables()


def _in_compound(text: str, start: int) -> bool:
    """Whether the honorific at ``start`` ends a compound noun (``đàn ông``, ``cụ bà``) or a
    post (the ``tướng`` of ``Thủ tướng``)."""
    before = text[max(0, start - 8) : start].rstrip(" ").casefold()
    word = regex.search(r"[\p{L}\p{M}]+$", before)
    if not word or before == text[max(0, start - 8) : start]:
        return False
    honorific = regex.match(r"[\p{L}\p{M}]+", text[start:])
    post = f"{word.group()} {honorific.group().casefold()}" if honorific else ""
    return word.group() in kinship_compound_words() or post in position_words()


def _is_name_word(w: Word, *, first: bool = True, byline: bool = False) -> bool:
    """A capitalised syllable that can be part of a name (an honorific only inside one);
    never a word with a digit (``F-35``, ``U23``: models and teams)."""
    return (
        w.is_capitalised
        and not w.is_punct
        and not w.is_number
        and not any(ch.isdigit() for ch in w.text)
        and (byline or not w.is_abbreviation)
        and not (
            first
            and w.text.casefold() in honorific_words()
            # "Ảnh: ANH MINH": in a credit's capitals a form of address that is also a given
            # name is the name's first syllable
            and not (byline and w.text.isupper() and w.text.casefold() in given_names())
        )
    )


def _name_run(text: str, words: list[Word], i: int, *, byline: bool = False) -> int:
    """Index after the run of capitalised name words starting at ``words[i]``."""
    j = i
    while j < len(words) and j - i < MAX_NAME_WORDS:
        w = words[j]
        if not _is_name_word(w, first=j == i, byline=byline) and not (
            j > i and _particle_in_name(text, words, j)
        ):
            break
        if j > i and text[words[j - 1].end : w.start] not in (" ",):
            break
        if j > i and unit_word_at(text, words, j):
            break
        if j > i and _case_style(words[j - 1].text) * _case_style(w.text) < 0:
            break  # "Ảnh: LÊ THOA Ông X": a name in capitals ends where Title case begins
        if j > i and w.text.isupper() and w.text in named_thing_nouns():
            break  # "Ảnh: NGUYỄN AN SVĐ Hàng Đẫy": a place word after a name in capitals
        if (
            j > i
            and w.is_abbreviation
            and not vietnamese_syllable(w.text.title())
            and w.text.casefold() in honorific_words("profession", "degree")
        ):
            break  # "Ảnh: HOÀNG MINH HLV Nguyễn Văn A …": the next caption's coach
        if (
            j > i
            and w.text == _SOURCE_WORD
            and j + 1 < len(words)
            and (words[j + 1].is_capitalised or words[j + 1].text in honorific_words())
        ):
            break  # "Hồ Phượng Theo Dân trí", "Bà X Theo bà X, …": a source or a new sentence
        if j >= i + 2 and w.text in _SENTENCE_ADDRESS:
            break  # "Ảnh: Hồng Đức Ông Nguyễn Văn A": a caption's credit, then the next caption
        if j > i and opens_dated_sentence(words, j):
            break  # "Chủ tịch Nguyễn Văn A Sáng 15/6, …": a sentence whose full stop was lost
        if j > i and _opens_lost_sentence(words, j + 1, i):
            break  # "vợ vua Tự Đức Tuy nhiên, …": the same, opened by a function word
        j += 1
    return _without_trailing_particle(words, i, j)


def _case_style(word: str) -> int:
    """1 for a word in capitals (``THOA``, ``N.TRI``), -1 for one in Title case (``Thoa``),
    0 for a single letter or anything else (an initial fits either)."""
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) < 2:
        return 0
    if all(ch.isupper() for ch in letters):
        return 1
    return -1 if letters[0].isupper() and not any(ch.isupper() for ch in letters[1:]) else 0


# The word that opens a credit's source (Theo VnExpress); capitalised after a name it is
# never one of its syllables.
_SOURCE_WORD = "Theo"
# Forms of address that no given name ends with: capitalised after a name of two syllables
# or more they open the next sentence (not Anh, Em, Bác: Việt Anh, Nam Em, Trương Bác Thụ).
_SENTENCE_ADDRESS = frozenset({"Ông", "Bà", "Chị"})


# A capitalised word and one space right before a position: an honorific written with a
# capital there is not opening a clause, so it is a syllable of the name it stands in.
_CAPITAL_WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}]*) \Z")


def _honorific_is_given_name(text: str, m: regex.Match[str], first: Word) -> bool:
    """A capitalised honorific that is also a given name (``Anh``), listed after another name
    (a comma, a bracket, a dash or ``và`` before it) and before a given name that opens no
    family name, is the first syllable of the name (``Hiền Mai và Anh Đạt``); elsewhere it
    is the form of address or the country (``nhà báo Anh Samira Ahmed``)."""
    word = m.group()
    pair = f"{word} {first.text}"
    return (
        word.istitle()
        and word.casefold() in given_names()
        and word.casefold() in honorific_words("honorific")
        and first.text not in surnames()
        and vietnamese_syllable(first.text)
        and fold_key(pair) not in place_names()  # "Anh Quốc": the country
        and bool(_NAME_LIST_BEFORE.search(text, max(0, m.start() - 6), m.start()))
    )


# A name listed after another: a comma, a bracket, a dash or "và" right before it.
_NAME_LIST_BEFORE = regex.compile(r"(?:[,(–\-]|(?<![\p{L}\p{M}])và)[ \t]*\Z")


@cache
def _qualifier_regex() -> regex.Pattern[str]:
    """A describing word (``person_qualifiers.tsv``) after a profession, with a capitalised
    word after it."""
    words = alternation([row["word"] for row in load_tsv("person_qualifiers.tsv")])
    return regex.compile(rf"[ \t]+(?:{words})(?=[ \t]+\p{{Lu}})")


#: The words that may follow a noun's ``tên`` before the name: "tên thật là", "tên là".
_NAMING_MORE = regex.compile(r"[ \t]+(?:thật[ \t]+là|thật|là)(?=[ \t])")
#: ``người`` and a space before a nationality: "tiền đạo người Bỉ X".
_NATIONALITY_WORD = regex.compile(r"[ \t]+người[ \t]+(?=\p{Lu})")


def _after_qualifiers(text: str, pos: int) -> int:
    """Where the name starts after a profession ending at ``pos``: past its describing words
    (``trẻ``, ``quá cố``) and a nationality written with ``người`` (``người Bỉ``); a country
    written alone stays in the run, which :func:`_foreign_name_in_run` reads."""
    while (q := _qualifier_regex().match(text, pos)) is not None:
        pos = q.end()
    nation = _NATIONALITY_WORD.match(text, pos)
    found = lexicon_at(text, nation.end()) if nation else None
    if found is not None and found[0].level == "country" and _CAPITAL_NEXT.match(text, found[1]):
        return found[1]
    return pos


def _names_after_triggers(text: str, line: tuple[int, int]) -> Iterable[_Name]:
    """Names right after an honorific, rank, degree or role word."""
    for m in _honorific_regex().finditer(text, line[0], line[1]):
        foreign = m.group() in _foreign_honorifics()
        if (
            _after_blocker(text, m.start())
            and not (m.group()[0].islower() and _ends_compound(text, m.start()))
        ) or (not foreign and _in_compound(text, m.start())):
            continue  # a thing named after someone (rạch Ông X); "người đàn ông Mỹ"
        if (
            m.group().istitle()
            and m.group().casefold() in honorific_words("honorific")
            and _post_links().get(m.group()) != "opener"  # Ông, Bà open a glued sentence
            and (before := _CAPITAL_WORD_BEFORE.search(text, line[0], m.start()))
            and before.group(1).casefold() not in _not_names()[1]
            and before.group(1) not in known_names()
        ):
            # A syllable inside a capitalised name ("Hoàng Anh Gia Lai"); after a credit
            # source ("Ảnh: Reuters Bà X …") the honorific opens the next sentence.
            continue
        start = m.end()
        if m.group().endswith("tên") and (more := _NAMING_MORE.match(text, start)):
            start = more.end()  # "cô bé tên thật là X", "nạn nhân tên là X"
        if m.group().casefold() in honorific_words("profession"):
            start = _after_qualifiers(text, start)  # "ca sĩ trẻ X", "tiền đạo người Bỉ X"
        words = list(words_from(text, start, line[1], limit=MAX_NAME_WORDS + 1))
        if not words or text[start : words[0].start] != " ":
            continue
        capitals = words[0].text.isupper() and words[0].text.title() in surnames()
        end = _name_run(text, words, 0, byline=capitals)  # "Bà PHAN THỊ A" as written
        if end and m.group().casefold() in honorific_words("profession", "degree"):
            nxt = words[end] if end < len(words) else None
            if (
                nxt is not None
                and nxt.text[:1].islower()
                and f"{words[end - 1].text} {nxt.text}".casefold() in dictionary_words()
                # a full name keeps its given name: "bác sĩ Nguyễn Thanh Phong cảnh báo"
                # (not a sentence opener glued on: "HLV Cao Minh Tú Dưới đây là …")
                and not (
                    3 <= end <= 4
                    and words[0].text in surnames()
                    and words[end - 1].text not in lead_words()
                )
            ):
                end -= 1  # "HLV Minh Đức Phát biểu", "Hoa hậu Thế giới": a word's first syllable
            if end and _team_after(words, end):
                continue  # "HLV Chelsea", "tiền đạo Lyon", "cầu thủ U23": the team, not a person
            if (
                end
                and (
                    words[0].text in lead_words()  # "tham vấn chuyên gia Tại cuộc họp …"
                    or any(w.text in _thing_words() for w in words[:end])  # "Kaspersky Lab"
                    or (end == 1 and _PLURAL_BEFORE.search(text, max(0, m.start() - 8), m.start()))
                )
            ):
                continue  # "các chuyên gia Bkav": experts of a firm, none named
            begin, end = _foreign_name_in_run(text, words, end)
        else:
            begin = 0
        if end == 1 and words[0].text in lead_words_ending_no_name():
            continue  # "đi cùng mẹ và chị gái Trong khi …", "cháu gái Clip:": the next clause
        if foreign and not any(foreign_shaped(w.text) for w in words[:end]):
            continue  # "rừng U Minh": a place
        if (
            end == 1
            and words[0].text in surnames()
            and m.group().casefold() in honorific_words("royal")
        ):
            continue  # "vua Trần", "vua Hùng": a dynasty or a line of kings, no one person
        if end and m.group().casefold() in honorific_words("royal") and _team_after(words, end):
            continue  # "một hoàng tử Ả Rập": a nationality, no name
        role = m.group().casefold() in honorific_words("role")
        country_first = role and any(
            e.level == "country" for e in place_names().get(fold_key(words[0].text), ())
        )
        if end == 1 and country_first:
            continue  # "bạn Lào", "Bạn Mỹ": a friendly nation, no person
        if (
            end > 1
            and country_first
            and begin == 0
            and any(not vietnamese_syllable(w.text) for w in words[1:end])
        ):
            begin = 1  # "sinh viên Mỹ Warmbier": the student's country, then his name
        if (
            end
            and m.group().casefold() in honorific_words("role")
            and words[0].text in lead_words()
            and words[0].text not in lead_given_names()
        ):
            continue  # "bệnh nhân Nếu không …": the next sentence, its full stop lost
        if end and _honorific_is_given_name(text, m, words[0]):
            yield _Name(m.start(), words[end - 1].end, "person.after_honorific")
        elif end:
            yield _Name(words[begin].start, words[end - 1].end, "person.after_honorific")
        elif (
            (initials := _INITIALS_NAME.match(text, words[0].start))
            and initials.group().casefold() not in honorific_words()  # GS.TS, a degree
            and not _CAPITAL_NEXT.match(text, initials.end())  # HLV K.H Weigang: a longer name
        ):
            yield _Name(initials.start(), initials.end(), "person.initials")


@cache
def _alias_regex() -> regex.Pattern[str]:
    """An alias word (``person_alias_words.tsv``) and the space after it: anywhere, or right
    after the opening bracket after a capitalised word (a name) when its row says
    ``bracket``."""
    rows = load_tsv("person_alias_words.tsv")
    anywhere = alternation([r["word"] for r in rows if r["bracket"] == "no"])
    bracketed = alternation([r["word"] for r in rows if r["bracket"] == "yes"])
    return regex.compile(
        rf"(?:(?<![\p{{L}}\p{{M}}])(?:{anywhere})"
        rf"|(?<=\p{{Lu}}[\p{{L}}\p{{M}}]*[ \t]*\([ \t]*)(?:{bracketed}))[ \t]+(?=\p{{Lu}})"
    )


# The lowercase words that may end a nickname (Quân già), before what closes it.
_NICKNAME_TAIL = 2
_NICKNAME_CLOSE = frozenset({",", ")", ";"})


def _aliases(text: str, line: tuple[int, int]) -> Iterable[_Name]:
    """A person's other name after an alias word: ``(tức Cường X)``, ``biệt danh Quân già``;
    a nickname keeps up to two lowercase words when a comma or a bracket closes it."""
    for m in _alias_regex().finditer(text, line[0], line[1]):
        words = list(words_from(text, m.end(), line[1], limit=MAX_NAME_WORDS + _NICKNAME_TAIL + 1))
        end = _name_run(text, words, 0)
        if not end:
            continue
        k = end
        while k < len(words) and k - end < _NICKNAME_TAIL and words[k].text[:1].islower():
            k += 1
        if k > end and k < len(words) and words[k].text in _NICKNAME_CLOSE:
            end = k
        yield _Name(words[0].start, words[end - 1].end, "person.alias")


_TEAM_CODE = regex.compile(r"U\.?\d{2}")
# A plural marker before a profession: "các chuyên gia X" are experts of X, not named.
_PLURAL_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(?:các|những|Các|Những)[ \t]+\Z")


def _foreign_name_in_run(text: str, words: list[Word], end: int) -> tuple[int, int]:
    """The bounds of the name in the run ``words[:end]`` after a profession or a degree: from
    a foreign first name in it on, as :func:`_foreign_name_end` reads it (``tiến sĩ Bonnie
    R. Hurless``, ``chuyên gia Rebecca Dakin Nếu …``), after Vietnamese words or a place only
    (``giáo sư Luật Daniel Richman``, ``luật sư Nga Natalia V``; ``Choi Jin Bong`` stays
    whole); else the whole run."""
    names = foreign_first_names()
    for k in range(end):
        if words[k].text.casefold() in names:
            stop = _foreign_name_end(text, words, k)
            if stop - k >= 2 and all(
                _VIETNAMESE_LETTERS.search(w.text) or place_names().get(fold_key(w.text))
                for w in words[:k]
            ):
                return k, stop  # before it a Vietnamese word or a place: "Luật", "Nga"
            break
    return 0, end


def _team_after(words: list[Word], end: int) -> bool:
    """Whether the name run ``words[:end]`` after a profession or a degree opens with a club
    or a team (``U23``), or is a country, a province or a foreign city (``bác sĩ Việt``, a
    Vietnamese doctor): its player or practitioner is not named."""
    if _TEAM_CODE.fullmatch(words[0].text):
        return True
    for n in range(1, end + 1):
        name = " ".join(w.text for w in words[:n])
        places = place_names().get(fold_key(name), ()) if n == end else ()
        if name in known_names() or any(
            p.foreign or p.level in ("country", "province") for p in places
        ):
            return True  # a place only as the whole run: "Việt Anh" is an actor
    return False


_CLAUSE_START = regex.compile(r"(?:^|[.!?:;,\-–“\"(…]\s*|\n\s*)\Z")
#: The start of a sentence, a line or a quotation (no comma): where any word is written with
#: a capital.
_SENTENCE_START = regex.compile(r"(?:^|[.!?…][\s\"”“]*|[\"“(]\s*|\n\s*)\Z")


def _is_clause_start(text: str, start: int) -> bool:
    """Whether ``start`` opens a line, sentence or clause."""
    return bool(_CLAUSE_START.search(text, max(0, start - 3), start))


def _is_lead(text: str, words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` is a sentence-opening function word (``Do``, ``Theo``, ``Sau``)."""
    w = words[i]
    return w.text in lead_words() and bool(
        _CLAUSE_START.search(text, max(0, w.start - 3), w.start)
        or (i == 0 and not text[max(0, w.start - 1) : w.start].strip())
    )


def _opens_name(text: str, words: list[Word], i: int, body_ends: frozenset[int]) -> bool:
    """Whether a name may start at ``words[i]``: no capitalised word glued before it, unless
    that word opens the sentence (``Do Lương Văn Tâm``) or ends a place or body (``Chủ tịch
    Hiệp hội Xăng dầu Việt Nam Phan Thế Ruệ``, ``người Canada Milos Raonic``)."""
    return (
        i == 0
        or not _is_name_word(words[i - 1])
        or _is_lead(text, words, i - 1)
        or words[i - 1].end in body_ends
        or text[words[i - 1].end : words[i].start] != " "  # "Barack Obama  Barack Obama."
    )


@cache
def _minority_names() -> tuple[frozenset[str], frozenset[str]]:
    """Clan family names and middle names of the Hmông and Dao (minority_names.tsv)."""
    rows = load_tsv("minority_names.tsv")
    return (
        frozenset(r["name"] for r in rows if r["kind"] == "clan"),
        frozenset(r["name"] for r in rows if r["kind"] == "middle"),
    )


@cache
def _collective_surnames() -> frozenset[str]:
    """Family names that are also collective nouns (not_person_names.tsv, kind collective)."""
    rows = load_tsv("not_person_names.tsv")
    return frozenset(r["text"] for r in rows if r["kind"] == "collective")


def _delegation(text: str, words: list[Word], i: int, end: int) -> bool:
    """Whether ``words[i:end]`` after a collective family name names a delegation: a
    country's name (``Đoàn Việt Nam``) or a word with the lowercase word after it
    (``Đoàn Cấp cao``)."""
    rest = text[words[i + 1].start : words[end - 1].end]
    if " " in rest and any(e.level == "country" for e in place_names().get(fold_key(rest), ())):
        return True
    after = words[end] if end < len(words) else None
    return (
        end - i == 2
        and after is not None
        and after.text[:1].islower()
        and f"{words[i + 1].text} {after.text}".casefold() in dictionary_words()
    )


def _names_by_surname(
    text: str, words: list[Word], body_ends: frozenset[int] = frozenset()
) -> Iterable[_Name]:
    """Surname + capitalised syllables in one line's words: ``Nguyễn Văn Tiến``; or any
    capitalised word before a middle name and a given name (``Từ Văn Diện``); or a Hmông or
    Dao clan name before a middle name of those peoples (``Vàng Seo Páo``).

    A sentence-opening function word before the surname is no part of the name
    (``Do Lương Văn Tâm đã …``)."""
    i = 0
    clans, middles = _minority_names()
    while i < len(words):
        w = words[i]
        middle = i + 2 < len(words) and words[i + 1].text in context_words().middle
        clan = i + 2 < len(words) and w.text in clans and words[i + 1].text in middles
        if (
            (
                w.text in surnames()
                or clan
                or (middle and w.is_capitalised and w.text.isalpha() and w.text not in lead_words())
            )
            and _opens_name(text, words, i, body_ends)
            and not starts_admin_name(text, words, i)  # "Vũ Thư", "Lục Ngạn": districts
        ):
            end = _name_run(text, words, i)
            # After a capitalised place or body, two words may still be the place's own
            # (thôn Bích La Đông): three make a name.
            glued = i > 0 and _is_name_word(words[i - 1]) and not _is_lead(text, words, i - 1)
            if end - i >= (2 if w.text in surnames() and not glued else 3) and not (
                w.text in _collective_surnames() and _delegation(text, words, i, end)
            ):
                yield _Name(w.start, words[end - 1].end, "person.surname")
                i = end
                continue
        i += 1


_EDE_GIVEN = regex.compile(r"Y|H|H'\p{Lu}[\p{Ll}\p{M}]*|H’\p{Lu}[\p{Ll}\p{M}]*")


def _ede_names(text: str, words: list[Word]) -> Iterable[_Name]:
    """Ê Đê and M'nông names: ``Y`` (men) or ``H'`` (women) + given name + family name
    (``Y Biăp Niê Kdăm``, ``H'Hen Niê``): the family name (surnames.tsv) follows the given."""
    i = 0
    while i < len(words):
        if _EDE_GIVEN.fullmatch(words[i].text) and (i == 0 or not _is_name_word(words[i - 1])):
            end = _name_run(text, words, i)
            first_family = 1 if words[i].text.startswith("H") and len(words[i].text) > 1 else 2
            if any(w.text in surnames() for w in words[i + first_family : end]):
                yield _Name(words[i].start, words[end - 1].end, "person.ede")
                i = end
                continue
        i += 1


# A romanised given name, its second syllable after a hyphen in either case (Jong-un, Ji-Ho).
_LATIN_WORD = regex.compile(r"[A-Z](?:['’][A-Z])?[a-z]+(?:-[A-Za-z][a-z]+)?")
_NOT_VIETNAMESE = regex.compile(r"[fjwz]|ee|oo|ae|ou|yu|yo", regex.IGNORECASE)
#: A Gaelic family name, its second capital after Mc or Mac (McGregor, MacArthur).
_MC_NAME = regex.compile(r"Ma?c[A-Z][a-z]+")


@cache
def _korean_surnames() -> dict[str, str]:
    return {r["name"]: r["kind"] for r in load_tsv("foreign_surnames.tsv")}


def _korean_names(
    text: str, words: list[Word], body_ends: frozenset[int] = frozenset()
) -> Iterable[_Name]:
    """A Korean family name + one or two Latin-only given names: ``Lee Hyori``, ``Kim Tae Hee``,
    also right after a place (``công dân Triều Tiên Kim Jong-nam``)."""
    kinds = _korean_surnames()
    i = 0
    while i < len(words):
        kind = kinds.get(words[i].text)
        if kind is None or not _opens_name(text, words, i, body_ends):
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


@cache
def _brands() -> frozenset[str]:
    """Car makers named like people (not_person_names.tsv, kind ``brand``)."""
    return frozenset(r["text"] for r in load_tsv("not_person_names.tsv") if r["kind"] == "brand")


@cache
def _thing_words() -> frozenset[str]:
    """English head nouns of the names of things and firms (not_person_names.tsv, kinds
    ``thing`` and ``firm``)."""
    rows = load_tsv("not_person_names.tsv")
    return frozenset(r["text"] for r in rows if r["kind"] in ("thing", "firm"))


_VIETNAMESE_LETTERS = regex.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|\p{M}|[ạ-ỹẠ-Ỹàáảãèéẻẽìíỉĩòóỏõùúủũỳýỷỹ]")


def _without_trailing_particle(words: list[Word], i: int, j: int) -> int:
    """``j`` moved back over particles ending the run ``words[i:j]``: a run stopped at its
    length limit on one (``Angel Vilaragut Montes de (Oca)``) ends before it."""
    while j > i + 1 and words[j - 1].text in name_particles():
        j -= 1
    return j


def _particle_in_name(text: str, words: list[Word], j: int) -> bool:
    """``words[j]`` is a lowercase particle inside a foreign name after ``words[j - 1]``:
    ``al-Assad`` (the particle and the family name in one word), or ``bin`` / ``van`` / ``de``
    with a capitalised, non-Vietnamese family name after it (``bin Laden``, ``de Gaulle``),
    directly or after a second particle (``von der Leyen``, ``van den Eijnden``)."""
    word = words[j].text
    if j == 0 or _VIETNAMESE_LETTERS.search(words[j - 1].text):
        return False
    if "-" in word:
        return _particle_word(word)
    if not _particle_word(word) or text[words[j - 1].end : words[j].start] != " ":
        return False
    after = j + 1
    if after + 1 < len(words) and _particle_word(words[after].text):
        after += 1  # "von der", "van den", "de la": two particles before the family name
    return (
        after < len(words)
        and text[words[after - 1].end : words[after].start] == " "
        and bool(_LATIN_WORD.fullmatch(words[after].text))
    )


def _foreign_name_end(text: str, words: list[Word], i: int) -> int:
    """Index after the capitalised words (and middle initials, ``W.``) that follow the first
    name at ``words[i]``; at most three more words. A word written with Vietnamese letters
    ends the name unless it is a family name (``Louis Nguyễn``; ``… Bach Diễn viên``: a new
    sentence); a word that heads the name of a thing (``Davis Cup``) makes it no name."""
    j = i + 1
    given_only = True  # every word after the first name a Vietnamese given or family name
    while j < len(words) and j - i <= 3 and text[words[j - 1].end : words[j].start] == " ":
        w = words[j]
        if w.text in _thing_words():
            return i
        if _opens_lost_sentence(words, j + 1, i):
            break  # "Salah Sau một mùa giải": the next sentence
        if (
            _VIETNAMESE_LETTERS.search(w.text)
            and vietnamese_syllable(w.text)
            and w.text not in surnames()
            and not (_vietnamese_given_name(text, words, j) and given_only)
        ):
            break  # "Carreño" typed "Carrenõ" goes on; "Diễn" (viên) is the next sentence
        # "Angela Phương Trinh", "Kelvin Khánh": a Vietnamese given name after an English one
        given_only = (
            given_only and vietnamese_syllable(w.text) and _vietnamese_given_name(text, words, j)
        )
        if vietnamese_syllable(w.text) and dictionary_word_end(text, w.start, w.end):
            break  # "Lily Aldridge Chân dài …", "… Áo khoác": a heading's first word
        if (
            len(w.text) == 1
            and w.text.isupper()
            and j + 2 < len(words)
            and text[w.end : words[j + 2].start] == ". "
        ):
            j += 2  # a middle initial: George W. Bush
            continue
        if _particle_in_name(text, words, j):
            j += 1
            continue
        if j == i + 1 and _capitals_surname(words[i].text, w.text):
            j += 1  # "Laetitia KY": the family name in capitals, as passports write it
            break
        if not _is_name_word(w, first=False):
            break
        j += 1
    while j > i + 1 and words[j - 1].text == ".":
        j -= 2
    return _without_trailing_particle(words, i, j)


def _vietnamese_given_name(text: str, words: list[Word], j: int) -> bool:
    """Whether ``words[j]`` is a Vietnamese syllable used as a given name (the first-name
    dictionary), or a family name, that opens no word of the dictionary with the next
    syllable and no credit (``Michael Ảnh:``, ``Luis Thẻ vàng``: the next sentence)."""
    w = words[j]
    return (
        (w.text in surnames() or is_given_name(w.text))
        and not dictionary_word_end(text, w.start, w.end)
        and text[w.end : w.end + 1] != ":"
        # "chung cư AZ Sky Định Công": a building named after its ward
        and not (j + 1 < len(words) and names_a_place(f"{w.text} {words[j + 1].text}"))
    )


#: A family name in capitals (``KY``, ``SMITH``): a vowel in it, which acronyms often lack.
_CAPITALS_SURNAME = regex.compile(r"(?=\p{Lu}*[AEIOUY])\p{Lu}{2,12}")


def _capitals_surname(first: str, word: str) -> bool:
    """Whether ``word`` is a family name in capitals after the first name ``first`` written
    in title case (``Laetitia KY``; not a heading in capitals, ``WAYNE ROONEY``): Latin
    letters only (``CHÍNH THỨC`` is a Vietnamese heading) and no acronym vnie knows (a body,
    a post, an outlet)."""
    return (
        first[1:2].islower()
        and bool(_CAPITALS_SURNAME.fullmatch(word))
        and word.isascii()
        and word not in abbreviations()
        and word not in known_names()
        and word.casefold() not in position_words()
    )


#: A one-letter prefix elided with an apostrophe: N’Golo, D’Angelo.
_ELIDED_PREFIX = regex.compile(r"^[A-Z]['’](?=[A-Z])")


def _foreign_names(
    text: str, words: list[Word], body_ends: frozenset[int] = frozenset()
) -> Iterable[_Name]:
    """A foreign first name and the capitalised words after it: ``Rafael Nadal``,
    ``Timea Bacsinszky``, ``George W. Bush``. The first name must be one that no Vietnamese
    syllable spells, so a Vietnamese name never starts here."""
    i = 0
    while i < len(words):
        w = words[i]
        if (
            w.is_capitalised
            and _ELIDED_PREFIX.sub("", w.text).casefold() in foreign_first_names()
            and w.text not in _brands()  # "xe Mercedes Benz", "Nissan Navara": a car
            and _opens_name(text, words, i, body_ends)
        ):
            end = _foreign_name_end(text, words, i)
            if end - i >= 2:
                yield _Name(w.start, words[end - 1].end, "person.foreign")
                i = end
                continue
        i += 1


# An age or a birth year written right after a name: "X, 25 tuổi,", "X (SN 1990)",
# "X (sinh năm 1990, trú …)": what only a person is given.
_AGE_AFTER = regex.compile(
    r"(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*)(?:\d{1,3}[ \t]*tuổi\b|(?:SN|sinh năm)[ \t]*\d{4}\b)"
)


_AGE_WORD = regex.compile(r"tuổi|SN|sinh năm")


def _names_before_age(
    text: str, words: list[Word], body_ends: frozenset[int] = frozenset()
) -> Iterable[_Name]:
    """A capitalised run of two to four words followed by an age or a birth year, whatever
    the shape of its words: ``Siti Aishah, 25 tuổi``, ``Mai Văn Tý (SN 1960)``."""
    if not words or not _AGE_WORD.search(text, words[0].start, words[-1].end):
        return  # most lines give no age: skip the walk over their words
    i = 0
    while i < len(words):
        if not (_is_name_word(words[i]) and _opens_name(text, words, i, body_ends)) or (
            _is_lead(text, words, i)
        ):
            i += 1
            continue
        end = _name_run(text, words, i)
        if (
            2 <= end - i <= 4
            and _AGE_AFTER.match(text, words[end - 1].end)
            # a family name, a world first name or a word no Vietnamese syllable spells opens
            # it, not a kinship word (Bác X, Mẹ X)
            and (
                words[i].text in surnames()
                or words[i].text.casefold() in foreign_first_names()
                or any(foreign_shaped(w.text) for w in words[i:end])
                # three Vietnamese syllables, the shape of a full name, under a rare family
                # name the list leaves out (Văn Thảo Nga, 17 tuổi)
                or (
                    end - i == 3
                    and all(vietnamese_syllable(w.text) for w in words[i:end])
                    and not names_a_place(text[words[i].start : words[end - 1].end])
                )
            )
        ):
            yield _Name(words[i].start, words[end - 1].end, "person.age")
        i = max(end, i + 1)


def _clause_start(text: str, pos: int) -> int:
    """Start of the clause that runs up to ``pos``: after the last punctuation mark or line
    break of the 40 characters before it."""
    window = max(0, pos - 40)
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, window, pos)]
    return marks[-1] if marks else window


_CLAUSE_MARK = regex.compile(r"[.,:;!?…\"“”()\n]")
# Where the subject of a clause starts: a line or a sentence, after a comma, a colon, a quote
# or a dash, or after a conjunction; or after a lowercase word that follows none capitalised
# (a sentence whose full stop was lost: "… lưu diễn nước ngoài Mỹ Tâm tiết lộ"); not inside
# a longer name ("… Quốc tế Cái Lân đã khẳng định": the end of a port company's name).
_PLAIN_WORD_BEFORE = regex.compile(
    r"(?<![\p{Lu}][\p{L}\p{M}]*[ \t]+)(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*[ \t]+\Z"
)
_CLAUSE_BEFORE = regex.compile(
    r"(?:\A|\n|[.,:;!?…\"“”'’()\-–][ \t]*"
    r"|(?<![\p{L}\p{M}])(?:thì|và|nhưng|mà|khi|nên|còn|rồi)[ \t]+)[ \t]*\Z"
)


@cache
def _speech_verbs_after() -> regex.Pattern[str]:
    verbs = speech_verbs()
    return regex.compile(
        rf"[ \t]+(?:(?:cũng|đã|vẫn|từng)[ \t]+)?(?:{alternation(verbs)})(?![\p{{L}}\p{{M}}])"
    )


def _names_before_speech(
    text: str, words: list[Word], body_ends: frozenset[int] = frozenset()
) -> Iterable[_Name]:
    """Two capitalised Vietnamese syllables opening a clause, right before a verb of saying
    (``person_speech_verbs.tsv``): a name used without its family name (``Mỹ Tâm chia sẻ``).
    Not a family name first (those runs are read by surname), an honorific, a word of the
    dictionary, a place, a unit of the gazetteer or a well-known body; after a lead word
    (``Nghe Quỳnh nói``), a given name alone."""
    if not words:
        return
    index_by_end = {w.end: k for k, w in enumerate(words)}
    # Verbs of saying are rarer than words: find them first, then the two words before each.
    for verb in _speech_verbs_after().finditer(text, words[0].end, words[-1].end):
        i = index_by_end.get(verb.start(), 0) - 1
        if i < 0:
            continue
        a, b = words[i], words[i + 1]
        if not (
            _is_name_word(a)
            and _is_name_word(b, first=False)
            and not a.is_abbreviation
            and not b.is_abbreviation
            and text[a.end : b.start] == " "
            and (
                _CLAUSE_BEFORE.search(text, max(0, a.start - 12), a.start)
                or (
                    _PLAIN_WORD_BEFORE.search(text, max(0, a.start - 24), a.start)
                    # "Bệnh viện ung bướu Hưng Việt cho rằng": a body's trade, then its name
                    and not head_regex().search(text, _clause_start(text, a.start), a.start)
                )
            )
        ):
            continue
        pair = f"{a.text} {b.text}"
        if a.text in lead_words() and a.text not in lead_given_names():
            # "Nghe Quỳnh nói": a lead word, then a given name alone; "Khi Tòa hỏi": no one
            if is_given_name(b.text) and not names_a_place(b.text) and b.text not in known_names():
                yield _Name(b.start, b.end, "person.before_speech")
            continue
        if (
            a.text in surnames()
            or not (vietnamese_syllable(a.text) and vietnamese_syllable(b.text))
            or a.text.casefold() in named_thing_nouns()
            or pair.casefold() in dictionary_words()
            or names_a_place(pair)
            or pair in known_names()
            or pair in _not_names()[0]
            or a.start in body_ends
        ):
            continue
        yield _Name(a.start, b.end, "person.before_speech")


def _split_doubled(text: str, names: Iterable[_Name]) -> Iterator[_Name]:
    """Each name, a full name written twice in a row split in two (``Hideto Kijima Hideto
    Kijima``: a photo caption run into the text): two names of two words or more each."""
    for n in names:
        words = text[n.start : n.end].split(" ")
        half = len(words) // 2
        if half >= 2 and len(words) == 2 * half and words[:half] == words[half:]:
            middle = n.start + len(" ".join(words[:half]))
            yield replace(n, end=middle)
            yield replace(n, start=middle + 1)
        else:
            yield n


def _run_back(text: str, words: list[Word], last: int, *, most: int) -> int:
    """Index of the first word of the run of capitalised name words, single spaces between
    them, that ends at ``words[last]``: at most ``most`` words."""
    i = last
    while (
        i > 0
        and last - i + 1 < most
        and _is_name_word(words[i - 1], first=False)
        and text[words[i - 1].end : words[i].start] == " "
    ):
        i -= 1
    return i


def _names_before_posts(
    text: str, words: list[Word], title_starts: frozenset[int]
) -> Iterable[_Name]:
    """A foreign name of two capitalised words or more opening a clause, right before a comma
    and the post it holds: the apposition of translated news (``Jordan French, Giám đốc
    marketing của BeeHex``, ``Tim Cook, Giám đốc điều hành``), written without Vietnamese
    letters: a Vietnamese name is read by its family name. A place, a firm or a pair of
    words of the dictionary is no name."""
    index_by_end = {w.end: k for k, w in enumerate(words)}
    for start in title_starts:
        if text[start - 2 : start] != ", " or (k := index_by_end.get(start - 2)) is None:
            continue
        if not _is_name_word(words[k], first=False):
            continue
        i = _run_back(text, words, k, most=5)
        opens = _CLAUSE_BEFORE.search(text, max(0, words[i].start - 12), words[i].start)
        while i < k and (
            words[i].text in lead_words() or words[i].text.casefold() in honorific_words()
        ):
            i += 1  # "Theo Ben Feuer, chủ tịch …", "Ngài Ted Osius, Đại sứ …"
            opens = True
        run = words[i : k + 1]
        if (
            len(run) < 2
            or not opens
            or any(_VIETNAMESE_LETTERS.search(w.text) for w in run)  # "Khác Trump, …"
            or any("." in w.text for w in run)  # "PGS.TS.Văn Như Cương": a degree glued on
            or run[0].text in surnames()
            or any(
                f"{a.text} {b.text}".casefold() in dictionary_words()
                for a, b in itertools.pairwise(run)
            )
            or names_a_place(" ".join(w.text for w in run))
            or any(w.is_abbreviation or w.text in _thing_words() for w in run)
            or text[run[0].start : run[-1].end] in known_names()
        ):
            continue
        yield _Name(run[0].start, run[-1].end, "person.before_post")


def _players_before_clubs(text: str, words: list[Word], clubs: dict[int, int]) -> Iterable[_Name]:
    """A capitalised run of one to three words right before a club in brackets: a player
    listed with his club (``Công Phượng (HAGL), Tuấn Tài (SLNA)``). ``clubs`` maps the start
    of each club ORG to its end."""
    for k, w in enumerate(words):
        if (
            w.text != "("
            or k == 0
            or k + 1 >= len(words)
            or words[k + 1].start != w.end
            or (end := clubs.get(words[k + 1].start)) is None
            or text[end : end + 1] != ")"
            or text[words[k - 1].end : w.start] != " "
        ):
            continue
        i = _run_back(text, words, k - 1, most=3)
        while i < k and not _is_name_word(words[i]):
            i += 1  # "Cầu thủ Công Phượng": the run opens after a capitalised common word
        run = words[i:k]
        initials = "".join(x.text[0] for x in run).upper()
        if (
            run
            and all(_is_name_word(x, first=x is run[0]) for x in run)
            # "Paris Saint Germain (PSG)": the club's own abbreviation, not the player's club
            and initials != text[words[k + 1].start : end].replace(".", "").upper()
            # "Đó (MU) là …": a capitalised function word opening the sentence
            and not (len(run) == 1 and run[0].text.casefold() in function_words())
        ):
            yield _Name(run[0].start, run[-1].end, "person.player")


#: A goal's minute with its mark after a name: `` 23'``, `` (45+2’``, `` (phút 67``.
_MARKED_MINUTE = regex.compile(
    r"[ \t]*(?:\([ \t]*phút[ \t]+\d{1,3}|(?:\([ \t]*)?\d{1,3}(?:\+\d{1,2})?[’'′])"
)
#: A bare minute after a name in a list of scorers, closed by a separator or the next name.
_BARE_MINUTE = regex.compile(
    r"[ \t]+\d{1,3}(?:\+\d{1,2})?(?=[ \t]*(?:[,;.)–-]|\n|\Z|[ \t]+\p{Lu}))"
)


@cache
def _scorer_lists() -> regex.Pattern[str]:
    """Lists of scorers to the end of their line: after a heading and its colon
    (``person_scorer_cues.tsv``: ``Ghi bàn:``), or after a fixture's final score in a
    results table (``A - B 3-2 Văn Toàn 12, …``)."""
    cues = phrase_regex(row["cue"] for row in load_tsv("person_scorer_cues.tsv"))
    return regex.compile(
        rf"{cues.pattern}[^\n:.]{{0,30}}:[^\n]*"
        r"|(?<=[ \t]-[ \t]\p{Lu}[^\n]{0,40}[ \t]\d{1,2}-\d{1,2}[ \t]+)\p{Lu}[^\n]*"
    )


def _scorers(text: str, words: list[Word], lists: list[tuple[int, int]]) -> Iterable[_Name]:
    """In a sports article, a run of one to three capitalised name words right before the
    minute of a goal with its mark (``Ronaldo 23'``, ``Mendez (62’, 86’)``, ``Văn Quyết
    (phút 12)``), or before a bare minute inside a list of scorers (``lists``: ``Ghi bàn:
    Văn Đức 42, Phúc Tịnh 66``)."""
    for k, w in enumerate(words):
        if not _is_name_word(w, first=False):
            continue
        if _MARKED_MINUTE.match(text, w.end) is None and not (
            _BARE_MINUTE.match(text, w.end) and any(a <= w.start < b for a, b in lists)
        ):
            continue
        i = _run_back(text, words, k, most=3)
        while i < k and not _is_name_word(words[i]):
            i += 1
        run = words[i : k + 1]
        if all(_is_name_word(x, first=x is run[0]) for x in run) and not _one_word(run):
            yield _Name(run[0].start, run[-1].end, "person.scorer")


def _one_word(run: list[Word]) -> bool:
    """Whether a run read as a player's name is one word of the sentence instead: a
    function word, or one Vietnamese syllable (``Phút 23'``, ``Hiệp 2``; a player's
    Vietnamese name has two)."""
    return len(run) == 1 and (
        run[0].text.casefold() in function_words() or vietnamese_syllable(run[0].text)
    )


@cache
def _player_action() -> regex.Pattern[str]:
    """A player's action on the pitch (``person_player_actions.tsv``) after one space."""
    rows = load_tsv("person_player_actions.tsv")
    actions = phrase_regex(row["phrase"] for row in rows if row["role"] == "action")
    return regex.compile(r"[ \t]+" + actions.pattern)


@cache
def _club_owners() -> frozenset[str]:
    """Words before a club named as a player's (``person_player_actions.tsv``: của, phía)."""
    rows = load_tsv("person_player_actions.tsv")
    return frozenset(row["phrase"] for row in rows if row["role"] == "owner")


def _players_before_actions(text: str, words: list[Word]) -> Iterable[_Name]:
    """In a sports article, a run of one to three capitalised name words right before what
    only a player does (``Đình Tùng ghi bàn``, ``Uche dứt điểm``); one Vietnamese syllable
    alone is a word that opens the sentence (``Phút``), not a player's name."""
    for k, w in enumerate(words):
        if not _is_name_word(w, first=False) or _player_action().match(text, w.end) is None:
            continue
        i = _run_back(text, words, k, most=3)
        # "Video Ronaldo ghi bàn": a caption's word, a club or a ground opens no name
        while i < k and (
            not _is_name_word(words[i])
            or words[i].text in _sport_words()
            or words[i].text in lead_words()  # "Sau Văn Toàn ghi bàn": the sentence's lead word
        ):
            i += 1
        run = words[i : k + 1]
        if i > 0 and words[i - 1].text in _club_owners():
            continue  # "hậu vệ X của Milan bị truất quyền": the player's club
        if all(_is_name_word(x, first=x is run[0]) for x in run) and not _one_word(run):
            yield _Name(run[0].start, run[-1].end, "person.player_action")


def _players_after_minutes(text: str, words: list[Word]) -> Iterable[_Name]:
    """In a sports article, a run of one to three capitalised name words right after the
    minute a match report opens its sentence with (``Phút 91, Minh Quang trở thành …``,
    ``tới phút thứ 45 Duy Khiêm mới có bàn thắng``): who acts then is a player (a club or
    a side is found first, as an ORG or a place); one Vietnamese syllable alone is a word
    that goes on the sentence (``Phút 29 Sau đó``, ``Đức``), not a player's name."""
    for i, w in enumerate(words):
        if (
            not _is_name_word(w)
            or _MINUTE_BEFORE.search(text, max(0, w.start - 24), w.start) is None
        ):
            continue
        k = _name_run(text, words, i)
        run = words[i : min(k, i + 3)]
        if run and not _one_word(run):
            yield _Name(run[0].start, run[-1].end, "person.player_minute")


#: The minute of a match opening a clause, right before a name: ``Phút 91, ``, ``phút thứ 45 ``.
_MINUTE_BEFORE = regex.compile(
    r"(?<![\p{L}\p{M}])[Pp]hút[ \t]+(?:thứ[ \t]+)?\d{1,3}(?:\+\d{1,2})?[ \t]*,?[ \t]+\Z"
)


@cache
def _legacy_names() -> regex.Pattern[str]:
    """A noun of a person's legacy (``person_legacy_words.tsv``) and the capitalised run of
    three or four syllables after it."""
    nouns = phrase_regex(row["word"] for row in load_tsv("person_legacy_words.tsv"))
    return regex.compile(
        rf"{nouns.pattern}[ \t]+(?P<name>\p{{Lu}}\p{{Ll}}+(?:[ \t]\p{{Lu}}\p{{Ll}}+){{2,3}})"
        r"(?![ \t]*\p{Lu})"
    )


def _names_after_legacy(text: str, line: tuple[int, int]) -> Iterable[_Name]:
    """``tư tưởng, đạo đức, phong cách Hồ Chí Minh``, ``Di chúc Hồ Chí Minh``: a full
    Vietnamese name after a noun of its bearer's legacy is the person, though it also names
    a city (the surname readers leave a place's name alone)."""
    for m in _legacy_names().finditer(text, *line):
        name = m.group("name")
        if name.split()[0] in surnames() and all(vietnamese_syllable(w) for w in name.split()):
            yield _Name(m.start("name"), m.end("name"), "person.legacy")


def _names_after_titles(
    text: str, titles: list[Mention], named: frozenset[str] = frozenset()
) -> Iterable[_Name]:
    """``Tổng Bí thư Nguyễn Phú Trọng``: a capitalised run right after a TITLE; one word
    alone when it is a foreign family name after a state's post or a name the article
    gives a person elsewhere (``named``: ``bà Tiến`` … ``Bộ trưởng Tiến``). After a complete
    post and a comma, a run of two words or more closed by a comma is the holder named in
    apposition (``Cảnh sát trưởng London, Cressida Dick, cho biết``)."""
    for t in titles:
        words = list(words_from(text, t.end, limit=MAX_NAME_WORDS + 2))
        apposed = bool(words) and words[0].text == "," and "_alone" not in t.attrs
        if apposed:
            words = words[1:]
        if not words or text[t.end : words[0].start] != (", " if apposed else " "):
            continue
        end = _name_run(text, words, 0)
        if apposed and (
            end < 2
            or end == len(words)
            or words[end].text != ","
            or names_a_place(text[words[0].start : words[end - 1].end])
        ):
            continue  # "Bí thư Tỉnh ủy Sơn Tây, Hà Đông, …": the post's places, listed
        # A body written between the post and a foreign name (CEO Facebook Mark Zuckerberg)
        names = foreign_first_names()
        # A particle written as a word ends the run after a post ("Quốc vương Qatar Sheikh
        # Tamim bin Hamad Al-Thani": the patronymic is left to the foreign-name rule).
        end = next((k for k in range(1, end) if words[k].text in name_particles()), end)
        if end >= 2 and _opens_lost_sentence(words, end):
            end -= 1  # "Heng Samrin Củng cố …": the caption lost its full stop
        first = next((k for k in range(end - 1) if words[k].text.casefold() in names), 0)
        if first and place_names().get(fold_key(text[words[0].start : words[first - 1].end])):
            first = 0  # a place (Thủ tướng Israel Benjamin Netanyahu): cut at the place later
        if end - first >= 2:
            yield _Name(words[first].start, words[end - 1].end, "person.after_title")
        elif end == 1 and (
            (words[0].text in named and not words[0].is_abbreviation)
            or (state_post_regex().search(text, t.start, t.end) and _foreign_surname(words[0]))
        ):
            # A monarch's regnal number stays with the name: Nữ hoàng Elizabeth II.
            last = words[1] if len(words) > 1 and _REGNAL.fullmatch(words[1].text) else words[0]
            yield _Name(words[0].start, last.end, "person.title_surname")


_REGNAL = regex.compile(r"[IVX]{1,4}")


@cache
def _clan_after() -> regex.Pattern[str]:
    return regex.compile(rf"[ \t]+(?:{'|'.join(map(regex.escape, clan_words()))})\b", regex.I)


def _opens_lost_sentence(words: list[Word], end: int, start: int = 0) -> bool:
    """Whether the last word of a name run ``words[start:end]`` opens the next sentence, its
    full stop lost: a function word that never ends a name before a lowercase word (``Tự
    Đức Tuy nhiên``, ``Salah Sau một mùa giải``), or a Vietnamese syllable ending a foreign
    name that makes a word with the lowercase word after it (``Heng Samrin Củng cố``)."""
    last = words[end - 1]
    nxt = words[end] if end < len(words) else None
    if nxt is None or not nxt.text[:1].islower():
        return False
    if last.text in lead_words_ending_no_name():
        return True
    return (
        not foreign_shaped(last.text)
        and any(foreign_shaped(w.text) for w in words[start : end - 1])
        and f"{last.text} {nxt.text}".casefold() in dictionary_words()
    )


def _foreign_surname(word: Word) -> bool:
    """A word no Vietnamese syllable spells, after a state's post, naming no place, body or
    thing (``Tổng thống Obama``, ``Thủ tướng Merkel``): the holder's family name."""
    written = word.text
    return (
        foreign_shaped(written)
        and not word.is_abbreviation
        and not written.isupper()
        and not place_names().get(fold_key(written))
        and written not in known_names()
        and written not in _thing_words()
    )


#: The slash between an agency and its photographer in a credit (``VGP/Quang Hiếu``).
_SLASH = regex.compile(r"[ \t]*/[ \t]*(?=\p{Lu})")


def _credit_at(text: str, pos: int, line_end: int) -> Iterable[_Name]:
    """The name a credit gives from ``pos`` (after ``Ảnh:``) on its line: a photographer or
    author, not an agency, outlet, site or the next sentence."""
    words = list(words_from(text, pos, line_end, limit=MAX_NAME_WORDS + 1))
    end = _name_run(text, words, 0, byline=True)
    # The next credit ends this one: "Ảnh: A B Ảnh: C"; so does the next sentence
    # glued to it: "Ảnh: Wiki Năm 1861, …".
    end = next(
        (
            k
            for k in range(1, end)
            if _CREDIT.match(text, words[k].start)
            or (words[k].text in lead_words() and _DIGIT_NEXT.match(text, words[k].end))
        ),
        end,
    )
    first = words[0].text if end else ""
    # "Ảnh: HTD", not "Ảnh: US Navy": initials, not the first word of a foreign name
    initials = (
        end > 0
        and credit_initials(first)
        and not (
            len(words) > 1
            and words[1].start == words[0].end + 1
            and not vietnamese_syllable(words[1].text)
        )
    )
    if end and (
        (_AGENCY.fullmatch(first) and not vietnamese_syllable(first.title()) and not initials)
        or first.casefold() in credit_words("medium")
    ):
        # "Ảnh: RCP", "Nguồn: Kênh QPVN": an agency or outlet, not a person; but "Ảnh:
        # VGP/Quang Hiếu": the photographer after the agency's slash
        if slash := _SLASH.match(text, words[0].end):
            yield from _credit_at(text, slash.end(), line_end)
        return
    if end >= 3 and words[0].text.casefold() in _not_names()[1] and words[1].text in surnames():
        # "Ảnh: Facebook Trần Anh Khoa": the account of a person on a network
        yield _Name(words[1].start, words[end - 1].end, "person.credit", "author")
        return
    if end and (
        _WEB_ADDRESS.search(words[0].text)
        or text[words[0].start : words[end - 1].end].casefold() in _not_names()[1]
        or words[0].text.casefold() in _not_names()[1]
    ):
        return  # a site, not a name: "Ảnh: Chinhphu.vn"
    if (
        end
        and (
            words[0].text.replace(".", "").casefold() in credit_words("nonsource")
            or text[words[0].start : words[end - 1].end].casefold() in credit_words("nonsource")
        )
        and not (end >= 2 and words[1].text in surnames())
    ):
        return  # "Ảnh: T.L" (tư liệu), "Ảnh: CTV" name no one ("FB Lê An" does)
    if end and (_INITIALS.fullmatch(words[0].text) or initials):
        end = 1  # initials end the credit: "Ảnh: H.T Theo đó, …", "Ảnh: HTD “Ở …"
    elif end >= 3 and _LOWER_AFTER.match(text, words[end - 1].end):
        end -= 1  # the next sentence starts on the credit's line: "Ảnh: Lê Quân Trước đó"
    if (
        end >= 2
        or (end == 1 and text[words[0].end : words[0].end + 1] in "/-–")
        or (end == 1 and (_INITIALS.fullmatch(words[0].text) or initials))
        or (  # "Ảnh: N.TRI Mất cả …": a name in capitals, the next sentence in Title case
            end == 1
            and "." in words[0].text
            and _case_style(words[0].text) == 1
            and len(words) > 1
            and _case_style(words[1].text) == -1
        )
    ):
        # "Ảnh: Thanh Vũ-TTXVN": the agency glued with a dash is no part of the name
        glued = _GLUED_AGENCY.search(text, words[end - 1].start, words[end - 1].end)
        stop = glued.start() if glued else words[end - 1].end
        yield _Name(words[0].start, stop, "person.credit", "author")


def _bylines(ctx: DocContext) -> Iterable[_Name]:
    """Photo credits anywhere and a closing line that is only a name."""
    text = ctx.text
    for line in ctx.lines:
        for m in _CREDIT.finditer(text, line[0], line[1]):
            if short := _SHORT_SURNAME_NAME.match(text, m.end(), line[1]):
                yield _Name(short.start(), short.end(), "person.credit", "author")
                continue  # "Tin-ảnh: Tr.Thường": a family name cut short, then the name
            yield from _credit_at(text, m.end(), line[1])
    tail = _TAIL_BYLINE.search(text.rstrip(), max(0, len(text.rstrip()) - 80))
    if tail and len(ctx.sentences) > 1:
        for part in _PART.finditer(text, tail.start(1), tail.end(1)):
            words = part.group().split()
            if (
                part.group().casefold() in _not_names()[1]
                # "NHÓM PV": the paper's reporters as a group, no one named
                or any(w.casefold() in _not_names()[1] for w in words)
                or words[0].casefold() in honorific_words()
                # "Theo VnExpress": a source, not a byline; but "Như Trường" is a pen name
                or (words[0] in lead_words() and words[0] not in lead_given_names())
            ):
                continue
            twice = _TWICE.fullmatch(text, part.start(), part.end())
            if twice:  # "Lạc Nhạn Lạc Nhạn": the page printed its byline twice
                yield _Name(*twice.span("first"), "person.byline", "author")
                yield _Name(*twice.span("second"), "person.byline", "author")
            else:
                yield _Name(part.start(), part.end(), "person.byline", "author")
    if len(ctx.sentences) > 1:
        # The byline is the article's last sentence, often glued to the last paragraph.
        start, end = ctx.sentences[-1]
        if len(ctx.sentences) > 2 and not text[start : start + 1].isupper():
            start = ctx.sentences[-2][0]  # "X (vnexpress.net)": the splitter cut at a dot
        # "Tố Uyên/VOV.VN", "T.PHÙNG": the splitter cut at a dot inside a word
        starts = [s for s, _ in ctx.sentences]
        while start in starts[1:] and not text[start - 1].isspace():
            start = starts[starts.index(start) - 1]
        last_line = ctx.lines[-1] if ctx.lines else (start, end)
        if last_line[0] < start and last_line[1] - last_line[0] <= 30:
            start, end = last_line  # a short closing line the splitter cut at a dot: "B.T.N"
        twice = _TWICE.fullmatch(text, start, end)
        if twice:  # "Lạc Nhạn Lạc Nhạn": the page printed its byline twice, two mentions
            yield from _closing_byline(text, *twice.span("first"))
            yield from _closing_byline(text, twice.start("second"), end)
        else:
            yield from _closing_byline(text, start, end)


# A closing line printed twice over: "Lạc Nhạn Lạc Nhạn", "Theo X/Báo Y Theo X/Báo Y".
_TWICE = regex.compile(r"(?P<first>\S.{1,60}?)[ \t]+(?P<second>(?P=first))")


def _closing_byline(text: str, start: int, end: int) -> Iterable[_Name]:
    """The author named by the closing line ``start:end``: a name of two to four words
    alone or before its source (``/Báo X``, ``(Báo X)``), or ``Theo`` + name + source."""
    closing = text[start:end].strip()
    if _SHORT_SURNAME_NAME.fullmatch(closing):  # "T.PHÙNG", "Ng.Lan": a pen name alone
        first = start + text[start:end].index(closing)
        yield _Name(first, first + len(closing), "person.byline", "author")
        return
    words = list(words_from(text, start, end, limit=MAX_NAME_WORDS + 2))
    run = _name_run(text, words, 0, byline=True)
    rest = text[words[run - 1].end : end].strip() if run else ""
    single = run == 1 and _INITIALS.fullmatch(words[0].text)
    if any(w.text.casefold() in _not_names()[1] for w in words[:run]):
        run = 0  # "NHÓM PV": the paper's reporters as a group, no one named
    if words and words[0].text in lead_words() and words[0].text not in lead_given_names():
        run = 0  # "Theo Dân Trí": the source of the article, not its author
        after = _name_run(text, words, 1, byline=True)
        tail_text = text[words[after - 1].end : end].strip() if after > 1 else ""
        if 2 <= after - 1 <= 4 and tail_text[:1] in ("(", "/"):
            # "Theo Mạnh Cường (Thể thao 247)", "Theo Mạnh Cường/Báo X": the author, then
            # the source.
            yield _Name(words[1].start, words[after - 1].end, "person.byline", "author")
    if (2 <= run <= 4 or single) and (
        not rest or rest[0] in "/-–(" or rest.startswith(_SOURCE_WORD + " ")
    ):
        yield _Name(words[0].start, words[run - 1].end, "person.byline", "author")


@cache
def _number_words() -> frozenset[str]:
    """Number words that open a count (``Hai tài xế``); not ``linh``/``lẻ``/``tư``, which are
    also given names (``Linh vẫn đến``)."""
    return frozenset(
        row["word"] for row in load_tsv("number_words.tsv") if row["role"] in ("digit", "ten")
    )


def _whole_name_token(
    ctx: DocContext, start: int, end: int, whole_words: frozenset[tuple[int, int]]
) -> bool:
    """Whether ``start:end`` is a segmented word, or the segmenter glued it to the words
    around it that are not part of a name: a lowercase verb after it (``Khôi gọi``) or a
    sentence-opening function word before it (``Do Sang``)."""
    if (start, end) in whole_words:
        return True
    first, last = ctx.word_at(start), ctx.word_at(end - 1)
    if " " in ctx.text[start:end] and first and last and first[0] == start and last[1] == end:
        return True  # two segmented words: Minh Dĩ
    word = ctx.word_at(start)
    if word is None:
        return False
    text = ctx.text
    if word[0] == start:
        return (
            word[1] > end
            and text[end : end + 1] == " "
            and text[end + 1 : end + 2].islower()
            and not _glued_to_common_word(ctx, start, end)
        )
    lead = text[word[0] : start].rstrip(" ")
    return (
        word[1] == end
        and (
            lead in lead_words()
            or lead.casefold() in position_words()
            # a lowercase verb or noun before it ("đâm chết Thao", "xác Thao"), not a place's
            # or a street's word ("phường Linh", "đường Thao")
            or (
                lead.islower()
                and lead.casefold() not in place_unit_words()
                and not any(lead.endswith(b) for b in named_thing_nouns())
            )
        )
        and text[start - 1] == " "
    )


def _western_first_name(name: str) -> str:
    """The first name of a Western full name whose other words are all name-shaped, else
    "" (``Valentine Ít``, ``Addison Theo Prevention`` are no one's names)."""
    parts = name.split()
    if all(
        (_LATIN_WORD.fullmatch(p) and p not in lead_words()) or _particle_word(p) for p in parts[1:]
    ):
        return parts[0]
    return ""


def _particle_word(word: str) -> bool:
    """Whether ``word`` is a particle of a foreign name, alone (``bin``) or joined to the
    family name after it (``al-Islam``: name_particles.tsv)."""
    particle, dash, rest = word.partition("-")
    kinds = name_particles()
    if dash:
        return kinds.get(particle) == "hyphen" and bool(_LATIN_WORD.fullmatch(rest))
    return kinds.get(word) == "word"


#: The Arabic article joined to a family name: al-, el-, and its sun-letter forms (ad-, as-).
_ARABIC_ARTICLE = regex.compile(r"(?:[Aa][lrsdtnz]|[Ee]l|[Aa]sh)-(\p{Lu}[\p{Ll}\p{M}]{2,})")


def _short_forms(ctx: DocContext, full: list[_Name]) -> list[_Name]:
    """Given names of people named in full, where they stand alone as a word later on, and
    the full names themselves where they come again."""
    text = ctx.text
    given = (
        {
            parts[-1]
            for n in full
            if len(parts := text[n.start : n.end].split()) >= 2
            and parts[-1] not in lead_words()
            and not _REGNAL.fullmatch(parts[-1])  # Elizabeth II is no "II" later on
        }
        | {
            # Middle and given name together (Minh Dĩ of Hồ Minh Dĩ): how the press names
            # players and artists after the first mention.
            " ".join(parts[-2:])
            for n in full
            if len(parts := text[n.start : n.end].split()) >= 3
            and (parts[0] in surnames() or parts[0].casefold() in foreign_first_names())
        }
        | {
            # An Arabic family name is shortened without its article (Baghdadi of Abu Bakr
            # al-Baghdadi).
            article.group(1)
            for n in full
            if (article := _ARABIC_ARTICLE.fullmatch(text[n.start : n.end].split()[-1]))
        }
        | {
            # A Korean name is shortened to its family name, written first (Moon of Moon
            # Jae-in).
            text[n.start : n.end].split()[0]
            for n in full
            if n.rule == "person.korean"
        }
        | {
            # A Western name is shortened to its first name as well (Ivanka of Ivanka Trump,
            # Tommy of Tommy Le), the family name being found as the last word above.
            first
            for n in full
            # found by its shape, or after a person's naming word (honorifics.tsv) with a
            # first name no Vietnamese syllable spells (cậu bé tên Azan Majid Janjua … Azan)
            if (
                n.rule == "person.foreign"
                or (
                    after_word(text, n.start, honorific_words("naming", "honorific"))
                    and foreign_shaped(text[n.start : n.end].split()[0])
                )
            )
            and (first := _western_first_name(text[n.start : n.end]))
        }
        | {
            # A foreign name after a form of address or a profession, alone (bà Rohaya, em
            # gái Jazmyn, võ sĩ McGregor): the same word bare later on is the same person
            # (Rohaya là một góa phụ).
            name
            for n in full
            if n.rule == "person.after_honorific"
            and after_word(text, n.start, honorific_words("honorific", "profession"))
            and " " not in (name := text[n.start : n.end])
            and (_LATIN_WORD.fullmatch(name) or _MC_NAME.fullmatch(name))
            and foreign_shaped(name)
            and n.role is None
        }
        | {
            # A Vietnamese given name alone after a form of address or a naming word (anh
            # Thành, một thanh niên tên Lỗi): the same syllable bare later on is the same
            # person, as letters and retold stories write it (Lỗi bị bắt); never one that
            # also names a place or a compass point (anh Nam … miền Nam; chàng Tây, a
            # Westerner).
            name
            for n in full
            if n.rule == "person.after_honorific"
            and after_word(text, n.start, honorific_words("naming", "honorific"))
            and " " not in (name := text[n.start : n.end])
            and vietnamese_syllable(name)
            and name not in lead_words()
            and not names_a_place(name, ("province", "district"))
            and not place_names().get(fold_key(name))
            and name.casefold() not in context_words().bearing
            and n.role is None
        }
        | {
            # The whole name again, where no rule of its own finds it (after a title once,
            # bare later on); a family name after a post (Tổng thống Obama) and an initial
            # after a form of address (em Q.) are whole names too.
            " ".join(parts)
            for n in full
            if (
                len(parts := text[n.start : n.end].split()) >= 2
                or n.rule == "person.title_surname"
                or (n.end - n.start == 1 and text[n.end : n.end + 1] == ".")
            )
            and n.role is None
        }
    )
    if not given:
        return []
    pattern = phrase_regex(given)
    whole_words = ctx.word_spans
    out = []
    for line in ctx.lines:
        words = ctx.words_of(line)
        index = {w.start: k for k, w in enumerate(words)}
        last = {w.end: k for k, w in enumerate(words)}
        for m in pattern.finditer(text, line[0], line[1]):
            k = index.get(m.start())
            initial = len(m.group()) == 1 and text[m.end() : m.end() + 1] == "."  # Nguyễn Văn T.
            if k is None or not (
                initial or _whole_name_token(ctx, m.start(), m.end(), whole_words)
            ):
                continue
            before = words[k - 1] if k else None
            after = (
                words[last[m.end()] + 1] if last.get(m.end(), len(words)) + 1 < len(words) else None
            )
            if (
                before is not None
                and _is_name_word(before)
                and text[before.end] == " "
                and not _is_lead(text, words, k - 1)
            ):
                continue
            if (
                after is not None
                and _is_name_word(after)
                and text[m.end()] == " "
                and after.text not in lead_words()  # "… chết Thao Sau khi …": a stop left out
            ):
                continue
            if " " not in m.group() and _PEOPLE_NOUN_BEFORE.search(
                text, max(0, m.start() - 8), m.start()
            ):
                continue  # "người Kurd": a people, not a person named so
            if (
                m.group().casefold() in _number_words() | honorific_words("honorific")
                and after is not None
                and after.text[:1].islower()
                and (m.group().casefold() in _number_words() or _is_clause_start(text, m.start()))
            ):
                continue  # a count, not a name: "Hai tài xế …"; a pronoun: "Anh nói …"
            if (
                " " not in m.group()
                and after is not None
                and after.text[:1].islower()
                and text[m.end()] == " "
                and _SENTENCE_START.search(text, max(0, m.start() - 4), m.start())
                and f"{m.group()} {after.text.split()[0]}".casefold() in dictionary_words()
            ):
                continue  # a word capitalised to open a sentence: "Thế nhưng", "Lan truyền"
            out.append(_Name(m.start(), m.end(), "person.short_form"))
    return out


_LIST_SEPARATORS = (", ", " và ", ", và ")
# "người" right before a capitalised word: a people or a nation (người Kurd, người Mỹ).
_PEOPLE_NOUN_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])người[ \t]+$")


def _list_mates(
    ctx: DocContext, names: dict[tuple[int, int], _Name], blocked: SpanIndex
) -> list[_Name]:
    """The other items of a list that names a person: ``Trọng Đại, Quang Hải, Hồ Minh Dĩ``.

    Items are capitalised runs of two or three Vietnamese syllables joined by ``,`` or
    ``và``; one of them is a name already found, the others take its class. A list with a
    place, a body or a post in it, or where more than half the other items are spelled like
    administrative units, is a list of places or streets (``Cầu Giấy, Trần Nhân Tông, Kim
    Mã``), not of people; fewer are given names (communes bear them too). A name read after
    a profession or an honorific counts among the others: the word before the list is
    about every item of it (``ba tiền đạo A, B và C``)."""
    from pipeline.resources.gazetteer import LEVELS, name_key, name_keys

    text = ctx.text
    out = []
    starts = sorted(start for start, _ in names)
    start_set = frozenset(starts)
    for line in ctx.lines:
        k = bisect.bisect_left(starts, line[0])
        if k == len(starts) or starts[k] >= line[1]:
            continue  # no name in this line: no list of names
        words = ctx.words_of(line)
        runs: list[tuple[int, int]] = []
        i = 0
        while i < len(words):
            j = i
            while (
                j < len(words)
                # a name found already may open on an honorific's word: "Anh Tú"
                and _is_name_word(words[j], first=j == i and words[j].start not in start_set)
                and not any(ch.isdigit() for ch in words[j].text)
                and (j == i or text[words[j - 1].end : words[j].start] == " ")
            ):
                j += 1
            if j > i:
                runs.append((words[i].start, words[j - 1].end))
                i = j
            else:
                i += 1
        chain: list[tuple[int, int]] = []
        for run in [*runs, (-1, -1)]:
            if chain and text[chain[-1][1] : run[0]] in _LIST_SEPARATORS:
                chain.append(run)
                continue
            if (
                len(chain) > 1
                and any(item in names for item in chain)
                and not any(blocked.overlaps(item) for item in chain)
                and 2 * sum(name_key(text[a:b]) in name_keys(*LEVELS) for a, b in chain)
                <= sum(
                    item not in names or names[item].rule == "person.after_honorific"
                    for item in chain
                )
            ):
                for start, end in chain:
                    parts = text[start:end].split()
                    last = ctx.word_at(end - 1)
                    if (
                        (start, end) not in names
                        and 2 <= len(parts) <= 3
                        and all(vietnamese_syllable(p) for p in parts)
                        and last is not None
                        and last[1] == end  # not "Trưởng Đơn" of "Trưởng Đơn vị"
                    ):
                        out.append(_Name(start, end, "person.list"))
            chain = [run]
    return out


_MULTI_WORD_RULES = ("person.surname", "person.after_title", "person.korean", "person.foreign")


def _cut_at_body(text: str, n: _Name, body_starts: StartIndex[Mention]) -> _Name:
    """A name run that runs on into a post or body ends before it: ``Ông Nguyễn Văn A
    Chủ tịch UBND xã …`` (no comma) gives ``Nguyễn Văn A``."""
    inner = body_starts.starting_in(n.start + 1, n.end)
    if not inner:
        return n
    end = inner[0].start
    while end > n.start and text[end - 1] in " \t":
        end -= 1
    if text[n.start : end].endswith(" " + _SOURCE_WORD):
        end -= len(_SOURCE_WORD) + 1  # "Minh Tú Theo Mirror": the credit's source
    if end == inner[0].start or (n.rule in _MULTI_WORD_RULES and " " not in text[n.start : end]):
        return _Name(n.start, n.start, n.rule, n.role)  # nothing left of the name
    return _Name(n.start, end, n.rule, n.role)


def _after_body_end(text: str, n: _Name, body_ends: frozenset[int]) -> _Name:
    """A name run whose first word ends a body starts after it: ``Bí thư Trung ương Đoàn Lê
    Quốc Phong`` gives ``Lê Quốc Phong`` (``Đoàn`` is a family name too), when a family name
    and at least one more word are left. Not a credit's run, which names its source first."""
    if n.role is not None:
        return n
    for gap in regex.finditer(r"[ \t]", text, pos=n.start, endpos=n.end):
        if gap.start() in body_ends:
            rest = text[gap.end() : n.end].split()
            if len(rest) >= 2 and rest[0] in surnames():
                return _Name(gap.end(), n.end, n.rule, n.role)
            break
    return n


#: A generational suffix written after a foreign name (``Donald Trump Jr.``): its dot is
#: part of the name.
_SUFFIX_DOT = regex.compile(r"(?<=[ \t](?:Jr|Sr))\.")


#: A full stop with no space after it inside a name's span: "Lincoln.Ảnh: …" (the next
#: sentence glued on); not the dot of initials ("T.Tú").
_GLUED_STOP = regex.compile(r"(?<=[\p{Ll}\p{M}])\.(?=\p{Lu})")


def _cut_at_glued_stop(text: str, n: _Name) -> _Name:
    """``n`` cut where a sentence glued to it without a space begins (not inside a pen
    name whose family name is cut short: ``Tr.Thường``)."""
    if _SHORT_SURNAME_NAME.fullmatch(text, n.start, n.end):
        return n
    stop = _GLUED_STOP.search(text, n.start, n.end)
    return n if stop is None else _Name(n.start, stop.start(), n.rule, n.role)


def _with_suffix(text: str, n: _Name) -> _Name:
    """``n`` with the dot of a ``Jr``/``Sr`` that ends it."""
    if _SUFFIX_DOT.match(text, n.end):
        return _Name(n.start, n.end + 1, n.rule, n.role)
    return n


def _glued_to_common_word(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the segmenter joins the capitalised word ``start:end`` with the lowercase word
    after it into one dictionary word: ``Lao động``, ``Trình độ``, ``Đón nhận`` (a common
    word at a sentence start or in a name of a thing), not ``Khôi gọi``."""
    word = ctx.word_at(start)
    text = ctx.text
    if word is None or word[0] != start or word[1] <= end or not text[end + 1 : end + 2].islower():
        return False
    return text[word[0] : word[1]].casefold() in dictionary_words()


def _cut_glued_end(ctx: DocContext, n: _Name) -> _Name:
    """A name run whose last capitalised syllable is the first of a common word
    (:func:`_glued_to_common_word`) loses it: ``Anh hùng Lao động`` has no name, ``Đỗ Văn
    Thịnh Đón nhận …`` (a sentence run on) gives ``Đỗ Văn Thịnh``. A three-syllable run, the
    common shape of a full name, is kept whole (``Nguyễn Văn Bình thường …``)."""
    text = ctx.text
    if n.end <= n.start:
        return n
    size = len(text[n.start : n.end].split())
    if size == 3 or (size == 2 and n.rule in _MULTI_WORD_RULES):
        return n
    last = text.rfind(" ", n.start, n.end) + 1 or n.start
    if not _glued_to_common_word(ctx, last, n.end):
        return n
    return _Name(n.start, max(n.start, last - 1), n.rule, n.role)


@cache
def _post_links() -> dict[str, str]:
    """Verbs of holding a post and plural forms of address (person_post_links.tsv)."""
    return {row["words"]: row["kind"] for row in load_tsv("person_post_links.tsv")}


def _alternation(kinds: tuple[str, ...]) -> str:
    return alternation([w for w, k in _post_links().items() if k in kinds])


@cache
def _hold_regex(direct: bool) -> regex.Pattern[str]:
    """A verb of holding a post, up to the post: "làm", and right after a name also
    "giữ chức" and a passive of appointing before it ("được bầu giữ chức", "được cử làm")."""
    body = _alternation(("hold", "hold_direct") if direct else ("hold",))
    passive = r"(?:được(?:[ \t]+[\p{Ll}\p{M}]+){0,3}?[ \t]+)?" if direct else ""
    # Right after a name the verb may open a bracket: "X (lúc đó là Chủ tịch xã Y)".
    lead = r"[ \t]*(?:,[ \t]*|\([ \t]*|[ \t]+)" if direct else r"[ \t]*,?[ \t]+"
    return regex.compile(rf"{lead}{passive}(?:{body})[ \t]+{_FORMER}")


@cache
def _plural_regex() -> regex.Pattern[str]:
    """A plural form of address ending right before a name: "các ông", "các đồng chí:"."""
    body = _alternation(("plural",))
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{body})[ \t]*:?[ \t]*\Z", regex.IGNORECASE)


_CLAUSE_BREAK = regex.compile(r"[,;:()\[\]\n!?]|\.(?:\s|\Z)")


def _names_next_person(text: str, title: Mention, name_starts: frozenset[int]) -> bool:
    """Whether a name follows the post within its clause: ``A (giữa), Bộ trưởng X Nguyễn
    Văn B (phải)`` lists B with his post, even where the post's body was cut short."""
    brk = _CLAUSE_BREAK.search(text, title.end, title.end + 80)
    stop = brk.start() if brk else min(len(text), title.end + 80)
    return any(
        title.end + m.start() in name_starts for m in regex.finditer(r"\S+", text[title.end : stop])
    )


def _post_after_aside(
    text: str, pos: int, by_start: dict[int, Mention], name_starts: frozenset[int]
) -> Mention | None:
    """A post tied to a name outside the plain apposition: after a bracketed aside
    (``X (32 tuổi, trú xã Y), Giám đốc …``) or a verb of holding it (``ông X làm Trưởng
    đoàn``, ``X (61 tuổi) làm Giám đốc …``, ``X được bầu giữ chức Chủ tịch …``); never a
    post written before the next person's name."""
    aside = _ASIDE.match(text, pos)
    at = aside.end() if aside else pos
    tries = [(_hold_regex(True), pos)]  # "X (lúc đó là Chủ tịch …)": the verb opens the aside
    if aside:
        tries += [(_ASIDE_THEN_POST, at), (_hold_regex(True), at)]
    for pattern, start in tries:
        m = pattern.match(text, start)
        if m and m.end() in by_start:
            post = by_start[m.end()]
            return None if _names_next_person(text, post, name_starts) else post
    return None


def _share_list_posts(text: str, names: list[_Name], chains: list[list[Mention]]) -> None:
    """A list of names opened by a plural form of address shares the post written after its
    last name in brackets or after a space: ``các ông A, B và C (nguyên Chủ tịch UBND xã X)``
    gives all three that post, when no other name of the list has one of its own. ``chains``
    is changed in place."""
    i = 0
    while i < len(names):
        if names[i].role or not _plural_regex().search(
            text, max(0, names[i].start - 24), names[i].start
        ):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(names)
            and not names[j + 1].role
            and _LIST_GAP.fullmatch(text, names[j].end, names[j + 1].start)
        ):
            j += 1
        last = chains[j]
        if (
            j > i
            and last
            and last[0].start >= names[j].end
            and _LIST_POST.fullmatch(text, names[j].end, last[0].start)
            and not any(chains[i:j])
        ):
            for k in range(i, j):
                chains[k] = list(last)
        i = j + 1


def _titles_by_start_and_end(
    titles: list[Mention],
) -> tuple[dict[int, Mention], dict[int, Mention]]:
    return {t.start: t for t in titles}, {t.end: t for t in titles}


def _attached_titles(
    ctx: DocContext,
    name: _Name,
    titles: list[Mention],
    name_starts: frozenset[int],
    by_start_end: tuple[dict[int, Mention], dict[int, Mention]] | None = None,
    place_ends: frozenset[int] = frozenset(),
    name_ends: frozenset[int] = frozenset(),
    place_by_end: dict[int, int] | None = None,
) -> list[Mention]:
    """The TITLEs a name holds in its clause, in text order.

    Before the name: ``Chủ tịch UBND huyện X``, ``Phó Chủ tịch … – ông X`` (with the posts
    listed before it, comma-separated), ``Chủ tịch UBND xã X, huyện Y (Z) Nguyễn Văn A``
    (the places of its body written between). After it: ``X, Chủ tịch …``, ``X - Giám đốc …``,
    ``X (SN 1974, cựu PGĐ …)``, ``X nguyên Phó Chủ tịch …``, and the posts that follow
    comma-separated (a term of office may stand between), stopping at a post that
    belongs to the next name (``…, Phó Chủ tịch Lương Công Tuấn``). Both, where a post
    before the name is followed by a complete post in apposition after it (``đại biểu
    Quốc hội X, Ủy viên Thường trực Ủy ban Y``). None for a credit's name.
    """
    if name.role == "author":
        return []  # a credit names the photographer or writer, who holds no post here
    text = ctx.text
    by_start, by_end = by_start_end or _titles_by_start_and_end(titles)
    back = _before_name_regex().search(text, max(0, name.start - 40), name.start)
    before = by_end.get(back.start()) if back else None
    if before is not None and back.group("apposed") and text[name.end : name.end + 1] != ",":
        before = None  # "Chủ tịch X, Nguyễn Văn A và …": a list, not the holder in apposition
    if (
        before is not None
        and (back.group("comma") or back.group("apposed"))
        and _follows_name(text, before, name_ends)
    ):
        before = None  # "bà A, Chủ tịch X, ông B": the post is A's
    if (
        before is not None
        and back.group("comma")
        and (after := _AFTER_NAME.match(text, name.end))
        and after.end() in by_start
    ):
        before = None  # "Giám đốc X, thượng tá B - Phó Giám đốc X": B's post follows B
    if before is None and back is not None and not (back.group("comma") or back.group("apposed")):
        before = _body_before_name(
            ctx, back.start(), by_start, by_end, name_starts
        ) or _post_before_abbreviation(text, back.start(), by_end, place_ends)
    if before is None and place_by_end:
        before = _post_before_places(text, name.start, by_end, place_by_end)
        if before is not None and _follows_name(text, before, name_ends):
            before = None
    chain: list[Mention] = []
    if before is not None:
        chain = [before]
        while (
            (join := _POST_BEFORE.search(text, max(0, chain[0].start - 8), chain[0].start))
            and join.start() in by_end
            and not _follows_name(text, by_end[join.start()], name_ends)
        ):
            chain.insert(0, by_end[join.start()])
        after = _APPOSED_POST.match(text, name.end)
        nxt = by_start.get(after.end()) if after else None
        if nxt is None or nxt.rule != "title.position_body":
            return chain
        # "đại biểu Quốc hội X, Ủy viên Thường trực Ủy ban Y": a post with its body after it
        # is X's too (not a bare "Tổng thống" opening the next clause)
    else:
        m = _AFTER_NAME.match(text, name.end)
        nxt = by_start.get(m.end()) if m else None
        if nxt is None:
            nxt = _post_after_aside(text, name.end, by_start, name_starts)
    while nxt is not None and not _holds_next_name(text, nxt, name_starts):
        nxt = _to_clause_end(ctx, nxt, name_starts, by_start, place_ends)
        chain.append(nxt)
        m = _NEXT_POST.match(text, nxt.end) or _hold_regex(False).match(text, nxt.end)
        nxt = by_start.get(m.end()) if m else None
    return chain


#: A comma and a capitalised post right after a name that a post before it already holds.
_APPOSED_POST = regex.compile(r"[ \t]*,[ \t]*(?=\p{Lu})")
#: Where a post written after a name ends: a comma, bracket, full stop, semicolon, colon,
#: dash between spaces, ellipsis or the end of the line.
_POST_END = regex.compile(r"[ \t]*(?:[,;:()\[\]…]|\.(?:\s|\Z)|\.\.|[ \t][\-–][ \t]|\n|\Z)")
_CLAUSE_WORD_LIMIT = 10
_REPORTING_END = regex.compile("").match("")  # the post ends where a verb of reporting starts


@cache
def _clause_words() -> dict[str, str]:
    return {row["word"]: row["kind"] for row in load_tsv("title_clause_words.tsv")}


@cache
def _joined_pairs() -> frozenset[tuple[str, str]]:
    """Word pairs written with a comma inside a name (title_clause_words.tsv, ``joined``)."""
    return frozenset(
        tuple(word.split(", ", 1)) for word, kind in _clause_words().items() if kind == "joined"
    )


def joined_by_comma(before: str, after: str) -> bool:
    """Whether the words ``before`` and ``after`` a comma stay one phrase (``phòng, chống``)."""
    return (before.casefold(), after.casefold()) in _joined_pairs()


def _joining_comma(text: str, words: list[Word], k: int) -> bool:
    """Whether ``words[k]`` is the comma of a joined pair (``phòng, chống``)."""
    return (
        0 < k < len(words) - 1
        and words[k].text == ","
        and words[k].start == words[k - 1].end
        and joined_by_comma(words[k - 1].text, words[k + 1].text)
    )


def _ends_in_capitals(text: str, title: Mention) -> bool:
    last = text[title.start : title.end].rsplit(" ", 1)[-1]
    return len(last) >= 2 and last.isupper()


def _to_clause_end(
    ctx: DocContext,
    title: Mention,
    name_starts: frozenset[int],
    by_start: dict[int, Mention],
    place_ends: frozenset[int],
) -> Mention:
    """A post written after a name runs to the end of its apposition (the guide: a TITLE
    ends at the first comma): ``X, Trưởng phòng Cảnh sát hình sự Công an tỉnh Y, cho biết``.

    The words the lexicon and the ORG finder left out are added when they reach a comma,
    bracket or sentence end, end with a capitalised word or a number (a body's name or
    place), and hold no verb or function word of a clause (title_clause_words.tsv), no
    person and no other post. Words are the segmenter's (``từ thiện`` is no ``từ``)."""
    text = ctx.text

    def token(w: Word) -> str:
        span = ctx.word_at(w.start) or (w.start, w.end)
        return text[span[0] : span[1]]

    if not title.attrs.get("_alone") and (
        title.end in place_ends or _ends_in_capitals(text, title)
    ):
        return title  # a body with its place or abbreviation is complete: "… UBND TP Cần Thơ"
    words = list(words_from(text, title.end, limit=_CLAUSE_WORD_LIMIT + 1))
    if not words or text[title.end : words[0].start] != " ":
        return title
    for k, w in enumerate(words):
        if _joining_comma(text, words, k):
            continue  # "Chủ nhiệm Chương trình phòng, chống lao Quốc gia"
        if k and (text[words[k - 1].end : w.start] != " " or w.is_punct):
            stop = _POST_END.match(text, words[k - 1].end)
            break
        if w.start in name_starts or w.start in by_start or w.is_punct:
            return title
        pair = f"{w.text} {words[k + 1].text}".casefold() if k + 1 < len(words) else ""
        kind = (
            _clause_words().get(pair) or _clause_words().get(token(w).casefold())
            if w.text[:1].islower()
            else None
        )
        if kind == "end" and k:
            stop = _REPORTING_END
            break
        if kind:
            return title
    else:
        if len(words) > _CLAUSE_WORD_LIMIT:
            return title
        k = len(words)
        stop = _POST_END.match(text, words[-1].end)
    last = words[k - 1]
    if not stop or not (token(last)[:1].isupper() or last.text[:1].isdigit()):
        return title
    if any(w.text in lead_words() for w in words[1:k]):
        return title  # a sentence starts inside: "… TP X Theo ông …"
    attrs = dict(title.attrs)
    attrs.pop("_alone", None)
    return Mention(title.label, title.start, last.end, "title.apposition", attrs)


_GAP_WORD = regex.compile(r"[\p{L}\p{M}\d&./\-]+")
_GAP_ABBREVIATION = regex.compile(r"[ \t]*\([\p{Lu}\d&.\-]{2,12}\)\Z")
_GAP_LIMIT = 8


def _has_clause_word(words: list[str]) -> bool:
    """Whether lowercase ``words`` hold a clause word (title_clause_words.tsv) that is not
    the syllable of a longer word (``không`` in ``hàng không`` is no negation)."""
    folded = [w.casefold() for w in words]
    for i, w in enumerate(folded):
        if not words[i][:1].islower():
            continue
        pair_before = f"{folded[i - 1]} {w}" if i else ""
        pair_after = f"{w} {folded[i + 1]}" if i + 1 < len(folded) else ""
        if pair_after in _clause_words():
            return True
        if w in _clause_words() and not (
            pair_before in dictionary_words() or pair_after in dictionary_words()
        ):
            return True
    return False


def _body_before_name(
    ctx: DocContext,
    name_start: int,
    by_start: dict[int, Mention],
    by_end: dict[int, Mention],
    name_starts: frozenset[int],
) -> Mention | None:
    """A post candidate whose body the ORG finder missed, written right before a name:
    ``Tổng giám đốc Công ty Đường sắt Nam Bộ (ĐSNB) Lê Văn A`` → the post runs to the name.

    Only a post that needs a holder (no body found after it) is extended, over at most eight
    words with no clause word and no other post or name, ending with a capitalised word or
    a bracketed abbreviation."""
    text = ctx.text
    for end in range(name_start - 2, max(0, name_start - 90), -1):
        title = by_end.get(end)
        if title is None:
            continue
        if not title.attrs.get("_alone") or text[end : end + 1] != " ":
            return None
        gap = text[end + 1 : name_start].rstrip(" \t")
        abbreviation = _GAP_ABBREVIATION.search(gap)
        body = gap[: abbreviation.start()] if abbreviation else gap
        words = body.split(" ")
        if not 1 <= len(words) <= _GAP_LIMIT or not all(_GAP_WORD.fullmatch(w) for w in words):
            return None
        if _has_clause_word(words):
            return None
        if _post_links().get(words[-1]) == "opener":
            return None  # "… Sở X Nguyễn Văn A Ông A cho biết": a new sentence names A
        offsets = [end + 1 + m.start() for m in regex.finditer(r"\S+", body)]
        if any(o in name_starts or o in by_start for o in offsets):
            return None
        if not (words[-1][:1].isupper() or abbreviation):
            return None
        attrs = {k: v for k, v in title.attrs.items() if k != "_alone"}
        return Mention(title.label, title.start, end + 1 + len(gap), "title.before_name", attrs)
    return None


def _post_before_abbreviation(
    text: str, name_start: int, by_end: dict[int, Mention], place_ends: frozenset[int]
) -> Mention | None:
    """A post whose body ends in its bracketed abbreviation right before the name: ``Giám đốc
    Cục Điều tra Liên bang (FBI) James Comey``; the post runs over the brackets (the guide's
    gold: ``Tổng giám đốc Đường sắt Việt Nam (ĐSVN)``), not over a place (``(TP.HCM)``)."""
    gap = _GAP_ABBREVIATION.search(text, max(0, name_start - 16), name_start)
    if gap is None or text.rindex(")", gap.start(), gap.end()) in place_ends:
        return None
    title = by_end.get(gap.start())
    if title is None or title.attrs.get("_alone"):
        return None
    return Mention(title.label, title.start, gap.end(), "title.before_name", dict(title.attrs))


def _post_before_places(
    text: str, start: int, by_end: dict[int, Mention], place_by_end: dict[int, int]
) -> Mention | None:
    """The post ending at a comma before a run of places that ends right before ``start``:
    ``Chủ tịch UBND xã X, huyện Y (Z) [name]`` (at most four places), or right before the
    province in brackets after its body: ``Chủ tịch UBND thành phố X (Y) [name]``."""
    p = start
    for _ in range(4):
        while p and text[p - 1] in " \t":
            p -= 1
        if text[p - 1 : p] == ")":
            q = text.rfind("(", max(0, p - 40), p)
            if q < 0 or place_by_end.get(p - 1) != q + 1:
                return None
            p = q
        elif p in place_by_end:
            p = place_by_end[p]
        else:
            return None
        k = p
        while k and text[k - 1] in " \t":
            k -= 1
        if text[p : p + 1] == "(" and k in by_end:
            return by_end[k]  # "Chủ tịch UBND thành phố X (Y) [name]": the province between
        if text[k - 1 : k] == ",":
            if k - 1 in by_end:
                return by_end[k - 1]
            p = k - 1
    return None


def _follows_name(text: str, title: Mention, name_ends: frozenset[int]) -> bool:
    """Whether a post is written right after a name (``A – Chủ tịch X``): it is that name's."""
    m = _NAME_BEFORE_POST.search(text, max(0, title.start - 12), title.start)
    return bool(m) and m.start() in name_ends


def _holds_next_name(text: str, title: Mention, name_starts: frozenset[int]) -> bool:
    """Whether a title is written right before another person's name."""
    return text[title.end : title.end + 1] == " " and title.end + 1 in name_starts


_KIEM = regex.compile(r"[ \t]+kiêm[ \t]+")


def _title_text(text: str, chain: list[Mention]) -> str:
    """The posts joined as written: ``kiêm`` where the text has it, else a comma (a term of
    office or ``nguyên`` between two posts stays out)."""
    out = text[chain[0].start : chain[0].end]
    for a, b in itertools.pairwise(chain):
        out += (" kiêm " if _KIEM.fullmatch(text, a.end, b.start) else ", ") + text[b.start : b.end]
    return out


def component(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Add PERSON mentions with ``title``/``role``; confirm or drop TITLE candidates."""
    text = ctx.text
    blocked = SpanIndex((m.start, m.end) for m in mentions if m.label in ("PLACE", "ORG", "TITLE"))
    body_starts = StartIndex(
        (m for m in mentions if m.label in ("ORG", "TITLE") and not m.attrs.get("_alone")),
        lambda m: m.start,
    )
    titles = [m for m in mentions if m.label == "TITLE"]
    title_starts = frozenset(m.start for m in titles)
    body_ends = frozenset(m.end for m in mentions if m.label in ("PLACE", "ORG"))
    names: dict[tuple[int, int], _Name] = {}
    clubs = {
        m.start: m.end
        for m in mentions
        if m.label == "ORG"
        and (m.rule.startswith("org.club") or text[m.start : m.end] in club_names())
    }
    # The kept spans never overlap, so sorted by start their ends are sorted too and only
    # the nearest span starting before a candidate's end can overlap it (O(log n), not O(n)).
    kept: list[tuple[int, int]] = []

    def add(candidates: Iterable[_Name]) -> None:
        for n in _split_doubled(text, candidates):
            n = _after_body_end(text, n, body_ends)
            n = _with_suffix(text, _cut_glued_end(ctx, _cut_at_body(text, n, body_starts)))
            n = _cut_at_glued_stop(text, n)
            span = (n.start, n.end)
            if (
                n.end <= n.start
                or (n.rule in _MULTI_WORD_RULES[1:] and " " not in text[n.start : n.end])
                or blocked.overlaps(span)
                or _after_blocker(text, n.start)
                or _after_country_noun(text, n.start, n.end, blocked)
                or _tail_of_place(text, n.start, n.end)
                or text[n.start : n.end] in _not_names()[0]  # Đinh Dậu (a year), La Liga
                or text[n.start : n.end].rsplit(" ", 1)[-1].casefold() in clan_words()
                or _clan_after().match(text, n.end)  # "Nguyễn Phước tộc": the clan, no one
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
    sport = sport_article(text)
    lists = [m.span() for m in _scorer_lists().finditer(text)] if sport else []
    for line in ctx.lines:
        add(_aliases(text, line))
        add(_names_after_triggers(text, line))
        add(_names_after_legacy(text, line))
        add(_Name(m.start(), m.end(), "person.initials") for m in _WITHHELD.finditer(text, *line))
        add(_names_by_surname(text, ctx.words_of(line), body_ends))
        add(_korean_names(text, ctx.words_of(line), body_ends))
        add(_foreign_names(text, ctx.words_of(line), body_ends))
        add(_ede_names(text, ctx.words_of(line)))
        add(_names_before_age(text, ctx.words_of(line), body_ends))
        add(_names_before_speech(text, ctx.words_of(line), body_ends))
        add(_names_before_posts(text, ctx.words_of(line), title_starts))
        add(_players_before_clubs(text, ctx.words_of(line), clubs))
        if sport:
            add(_scorers(text, ctx.words_of(line), lists))
            add(_players_before_actions(text, ctx.words_of(line)))
            add(_players_after_minutes(text, ctx.words_of(line)))
    add(_names_after_titles(text, titles, frozenset(text[s:e] for s, e in names)))
    add(_players_by_family_name(ctx, blocked))
    add(_repeated_given_names(ctx, blocked))
    add(_list_mates(ctx, names, blocked))
    coached = _teams_of_people(text, mentions, frozenset(text[s:e] for s, e in names))
    if coached:
        mentions = [m for m in mentions if id(m) not in coached]
        blocked = SpanIndex(
            (m.start, m.end) for m in mentions if m.label in ("PLACE", "ORG", "TITLE")
        )
        add(coached.values())
    # a stage name is written whole: its last syllable alone names no one (Việt Anh … Anh)
    add(_short_forms(ctx, [n for n in names.values() if n.rule != "person.stage_name"]))

    kept_titles: set[int] = set()
    extended: dict[int, Mention] = {}
    people: list[Mention] = []
    name_starts = frozenset(start for start, _ in names)
    name_ends = frozenset(end for _, end in names)
    titles_at = _titles_by_start_and_end(titles)  # once, not once per name
    place_by_end = {m.end: m.start for m in mentions if m.label == "PLACE"}
    place_ends = frozenset(place_by_end)
    ordered = sorted(names.values(), key=lambda n: n.start)
    chains = [
        _attached_titles(
            ctx, n, titles, name_starts, titles_at, place_ends, name_ends, place_by_end
        )
        for n in ordered
    ]
    _share_list_posts(text, ordered, chains)
    for n, chain in zip(ordered, chains, strict=True):
        attrs: dict[str, object] = {}
        if chain:
            attrs["title"] = _title_text(text, chain)
            attrs["_titles"] = tuple((t.start, t.end) for t in chain)
            for t in chain:
                original = titles_at[0][t.start]
                kept_titles.add(id(original))
                if t is not original:
                    extended[id(original)] = t
        if n.role:
            attrs["role"] = n.role
        people.append(Mention(LABEL, n.start, n.end, n.rule, attrs))
    held = {
        text[m.start : m.end].casefold()
        for m in mentions
        if m.label == "TITLE" and (id(m) in kept_titles or not m.attrs.get("_alone"))
    }
    out = []
    org_spans = SpanIndex((m.start, m.end) for m in mentions if m.label == "ORG")
    for m in mentions:
        if m.label == "TITLE" and id(m) in extended:
            body = _body_in_post(text, m, extended[id(m)], org_spans)
            if body is not None:
                out.append(body)
            m = extended[id(m)]
        elif m.label == "TITLE" and m.attrs.get("_alone"):
            if id(m) in kept_titles:
                m = Mention(m.label, m.start, m.end, "title.held_by_person")
            elif m.attrs["_alone"] != "named" and _refers_back(text, m, held):
                m = Mention(m.label, m.start, m.end, "title.anaphor")
            else:
                continue
        out.append(m)
    return out + people


@cache
def _coach_words() -> frozenset[str]:
    return frozenset(r["phrase"] for r in load_tsv("org_teams.tsv") if r["role"] == "coach")


def _teams_of_people(text: str, mentions: list[Mention], known: frozenset[str]) -> dict[int, _Name]:
    """ORGs that name a contest's team by its coach (``đội Đông Nhi``, org_teams.tsv role
    coach) where the article writes that name as a person elsewhere: by the ORG's id, the
    coach's name in it."""
    out: dict[int, _Name] = {}
    for m in mentions:
        if m.label != "ORG":
            continue
        head, _, name = text[m.start : m.end].partition(" ")
        if head in _coach_words() and name in known:
            out[id(m)] = _Name(m.end - len(name), m.end, "person.team_coach")
    return out


def _body_in_post(
    text: str, post: Mention, extended: Mention, org_spans: SpanIndex
) -> Mention | None:
    """The ORG named by the words a post was extended over (``Chủ tịch`` + ``Hiệp hội đá quý
    Hà Nội``, ``Chủ tịch`` + ``Hội luật gia TP Hà Nội``: a body whose lowercase field the ORG
    finder left out): they open with a capitalised ORG head, and no ORG covers them. A
    bracketed abbreviation after the name stays out."""
    start = post.end + 1
    end = extended.end
    bracket = text.find(" (", start, end)
    if bracket != -1:
        end = bracket
    if end <= start or org_spans.overlaps((start, end)):
        return None
    head = head_regex().match(text, start)
    if head is None or not text[start].isupper() or head.end() >= end:
        return None
    return Mention("ORG", start, end, "org.in_post", {"expanded": expand(text[start:end])})


#: ``Theo`` before a bare post and a comma after it: the post is the source (``Theo Bộ
#: trưởng, …``).
_SOURCE_BEFORE = regex.compile(r"(?:^|[\s,.;:(])[Tt]heo[ \t]+\Z")
#: ``thưa`` before a bare post: the post is the person addressed (``thưa Thứ trưởng``), the
#: interviewee whose office the article names.
_ADDRESSED_BEFORE = regex.compile(r"(?:^|[\s,.;:(\"“])(?:[Kk]ính[ \t]+)?[Tt]hưa[ \t]+\Z")


@cache
def _speech_after() -> regex.Pattern[str]:
    """A verb of saying or directing right after a post (``Thứ trưởng nhận định``): the post
    is the subject of the clause, one person (``subject_verbs.tsv`` roles speak, direct)."""
    verbs = [r["word"] for r in load_tsv("subject_verbs.tsv") if r["role"] in ("speak", "direct")]
    return regex.compile(rf"[ \t]+(?:cũng[ \t]+|đã[ \t]+|có[ \t]+)?(?:{alternation(verbs)})\b")


def _refers_back(text: str, title: Mention, held: set[str]) -> bool:
    """Whether a bare post written with a capital names the office a person of the article
    holds: the same post, alone or with its body, is held by a named person there or written
    with its body, and the bare post says or directs something (``Thứ trưởng nhận định``) or
    is the source of what follows (``Theo Bộ trưởng, …``) or the one addressed (``thưa Thứ
    trưởng``)."""
    written = text[title.start : title.end]
    post = written.casefold()
    return (
        written[:1].isupper()
        and any(h == post or h.startswith(post + " ") for h in held)
        and bool(
            _speech_after().match(text, title.end)
            or _ADDRESSED_BEFORE.search(text, max(0, title.start - 12), title.start)
            or (
                _SOURCE_BEFORE.search(text, max(0, title.start - 8), title.start)
                and text[title.end : title.end + 1] == ","
            )
            # the subject of a sentence ("Bộ trưởng là người đứng đầu ngành", "thì Bộ trưởng
            # đứng ra"), or a post named whole before a pause ("hiệp thương cử Chủ tịch,")
            or (
                _SUBJECT_OPENING.search(text, max(0, title.start - 8), title.start)
                and _LOWER_AFTER.match(text, title.end)
                and not _goes_on_as_a_word(text, title)
            )
            or (
                _PAUSE_AFTER.match(text, title.end)
                and not _CAPITAL_WORD_BEFORE.search(text, max(0, title.start - 24), title.start)
            )
        )
        and not _MORE_THAN_ONE_AFTER.match(text, title.end)
    )


def _goes_on_as_a_word(text: str, title: Mention) -> bool:
    """Whether the post and the lowercase syllables after it make one word of the dictionary
    (``Đại sứ quán``, ``Giám đốc điều hành``): a longer word, not the bare post."""
    after = _NEXT_SYLLABLES.match(text, title.end)
    if after is None:
        return False
    post = text[title.start : title.end].casefold()
    syllables = after.group().split()
    longer = {f"{post} {' '.join(syllables[:n])}" for n in (1, 2)}
    return bool(longer & dictionary_words() or longer & position_words())


_NEXT_SYLLABLES = regex.compile(r"(?:[ \t]+\p{Ll}[\p{L}\p{M}]*){1,2}")


# Where a sentence or a clause's subject opens: a line, a sentence, a quote, or a conjunction.
_SUBJECT_OPENING = regex.compile(
    r"(?:\A|\n|[.!?…:“\"][ \t]*|(?<![\p{L}\p{M}])(?:thì|mà|nhưng|còn|và)[ \t]+)[ \t]*\Z"
)
_PAUSE_AFTER = regex.compile(r"[ \t]*(?:[,;.!?)]|\n|\Z)")
# After a bare post, what makes it any holder of the post, not the one of the article: a plural
# or an indefinite body (", các Phó Chủ tịch", "Giám đốc của một công ty").
_MORE_THAN_ONE_AFTER = regex.compile(
    r"[ \t]*(?:,[ \t]*)?(?:các|những|mọi|của[ \t]+(?:một|các|những|mỗi))(?![\p{L}\p{M}])"
)
