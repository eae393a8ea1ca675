"""TITLE mentions: a position (``titles.tsv``) with its prefixes and the body or place it serves.

``Chủ tịch UBND xã Liên Lộc``: prefix-free position ``Chủ tịch`` + the ORG found right
after it. ``Phó Chủ tịch - Tổng Thư ký Ủy ban …`` and ``Tư lệnh kiêm Chính ủy Đoàn 559``
chain into one TITLE. A position with nothing after it is a TITLE only when the lexicon
says it stands alone (``Thủ tướng``); otherwise it is kept as a *candidate* (attribute
``_alone``) that :mod:`pipeline.extractors.people` confirms when a named person holds it. Ranks
and degrees are not positions. A TITLE ends at the first comma.
"""

from __future__ import annotations

import bisect
from functools import cache

import regex

from pipeline.extractors.orgs import ends_by_start, place_complement
from pipeline.resources import load_json, load_tsv, title_portfolios
from pipeline.text.scan import StartIndex, Word, phrase_regex, words_before, words_from
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

LABEL = "TITLE"
_CHAIN_LINK = regex.compile(r"[ \t]*(?:-|–|kiêm)[ \t]+")
_COMPLEMENT_WORDS = 16  # a place after a position is never longer than this
_AFTER_POSITION = ("Thường trực", "thường trực", "Thường vụ", "thường vụ")


@cache
def _positions() -> dict[str, str]:
    """Casefolded position → when it may stand alone (yes / person / no)."""
    return {row["position"].casefold(): row["alone"] for row in load_tsv("titles.tsv")}


def position_words() -> frozenset[str]:
    """Every position of the lexicon, casefolded (``chủ tịch``, ``bí thư``)."""
    return frozenset(_positions())


@cache
def post_words() -> frozenset[str]:
    """Every position, and every minister's post named by its portfolio (``bộ trưởng quốc
    phòng``), casefolded: the words after which a country is its holder's state."""
    named = {
        f"{m} {p}".casefold()
        for m in title_portfolios("position")
        for p in title_portfolios("portfolio")
    }
    return position_words() | named


@cache
def state_post_regex() -> regex.Pattern[str]:
    """A post of a state (``titles.tsv`` state: ``Tổng thống``, ``Ngoại trưởng``), whole
    words in any case."""
    posts = (row["position"] for row in load_tsv("titles.tsv") if row["state"] == "yes")
    return phrase_regex(posts, ignore_case=True)


@cache
def _position_regex() -> regex.Pattern[str]:
    return phrase_regex((row["position"] for row in load_tsv("titles.tsv")), ignore_case=True)


@cache
def _prefixes() -> frozenset[str]:
    return frozenset(row["prefix"].casefold() for row in load_tsv("title_prefixes.tsv"))


_SPACES = regex.compile(r"\s+")


@cache
def _blockers() -> tuple[str, ...]:
    """Words before a position that make it a body or a plural role (title_blockers.tsv)."""
    return tuple(row["words"] for row in load_tsv("title_blockers.tsv"))


_COUNT_BEFORE = regex.compile(r"(?:^|[ \t])(?:(?P<word>[\p{L}\p{M}]+)[ \t]+)?\d{1,3}\Z")


@cache
def _calendar_words() -> frozenset[str]:
    """Words before a day, month, year or quarter number (date_words.json): ``năm 2017``,
    ``ngày 15`` before a position is a date, not a count of posts."""
    words = load_json("date_words.json")
    return frozenset(
        [words["day_word"], words["month_word"], words["year_word"], *words["quarter_words"]]
    )


def _counted(before: str) -> bool:
    """Whether ``before`` ends with a count written in digits (``dư 4``), not a date."""
    m = _COUNT_BEFORE.search(before)
    return bool(m) and (m.group("word") or "").casefold() not in _calendar_words()


def _generic_before(text: str, start: int) -> bool:
    """Whether the words right before a position make it no one post: the name of a body
    (``Ban Bí thư``, ``Ban Giám đốc``), a plural (``các Phó Chủ tịch``) or an office
    voted for (``bầu cử đại biểu Quốc hội``)."""
    before = text[max(0, start - 12) : start]
    if not before.endswith(" "):
        return False
    before = before.rstrip(" \t")
    if _counted(before):
        return True  # "dư 4 phó giám đốc sở": a count of posts
    return any(
        before.endswith(b) and not before[: len(before) - len(b)][-1:].isalnum()
        for b in _blockers()
    )


def _position_at(text: str, pos: int, starts: frozenset[int]) -> tuple[int, int, str] | None:
    """``(start, end, alone)`` of a position (with prefixes) starting exactly at ``pos``."""
    m = _position_regex().match(text, pos)
    if not m:
        return None
    if (
        m.group()[:1].islower()
        and m.start() not in starts
        and _with_prefixes(text, pos, starts) == pos
        and not _after_respect_word(text, pos)
    ):
        return None  # "tăng trưởng": a word's last syllable; "Phó trưởng" is one token
    return m.start(), m.end(), _positions()[_SPACES.sub(" ", m.group()).casefold()]


@cache
def _respect_words() -> frozenset[str]:
    return frozenset(row["word"] for row in load_tsv("title_respect_words.tsv"))


def _after_respect_word(text: str, pos: int) -> bool:
    """Whether a word of respect (``title_respect_words.tsv``) is written right before ``pos``:
    ``Nhà vua Philippe``, one word to the segmenter, is the post ``vua``."""
    before = words_before(text, pos, limit=1)
    return (
        bool(before)
        and before[-1].text.casefold() in _respect_words()
        and text[before[-1].end : pos] == " "
    )


def _with_prefixes(text: str, start: int, starts: frozenset[int]) -> int:
    """Move ``start`` back over title prefixes written right before it (Phó, Quyền); a
    prefix is a word of its own (not the quyền of ``chính quyền Tổng thống X``), or
    capitalised, which the segmenter may glue to the word before (``cựu Phó``)."""
    for w in reversed(words_before(text, start, limit=3)):
        if (
            w.text.casefold() in _prefixes()
            and text[w.end : start].strip(" \t") == ""
            and (w.start in starts or w.text[:1].isupper())
        ):
            start = w.start
        else:
            break
    return start


def _skip_prefixes(text: str, pos: int) -> int:
    """Position after any title prefixes written from ``pos`` on."""
    for w in words_from(text, pos):
        if w.text.casefold() not in _prefixes():
            return w.start
    return pos


@cache
def _generic_body_regex() -> regex.Pattern[str]:
    """A body named by its kind alone (title_generic_bodies.tsv): ``công ty``, ``sở``."""
    return phrase_regex(row["noun"] for row in load_tsv("title_generic_bodies.tsv"))


_NAME_AFTER = regex.compile(
    r"[ \t]+(?:\p{Lu}|(?P<word>[\p{Ll}\p{M}]+)(?:[ \t]+(?P<next>[\p{Ll}\p{M}]+))?)"
)


@cache
def _org_name_words() -> frozenset[str]:
    """Lowercase syllables that continue a body's name (org_name_words.tsv)."""
    return frozenset(row["syllable"] for row in load_tsv("org_name_words.tsv"))


def _generic_body_end(text: str, pos: int) -> int | None:
    """End of a body named by its kind alone at ``pos`` (``Giám đốc công ty``), unless a
    name follows it: ``công ty Hòa Phát``, ``bệnh viện đa khoa …`` are named bodies, left to
    the ORG finder (``nhà trường phát biểu`` is no name: ``biểu`` names nothing)."""
    m = _generic_body_regex().match(text, pos)
    if m is None:
        return None
    after = _NAME_AFTER.match(text, m.end())
    if after and (
        not after.group("word")
        or all(w in _org_name_words() for w in after.group("word", "next") if w)
    ):
        return None  # a capitalised name, or two name syllables (đa khoa, sản xuất)
    return m.end()


#: A capitalised word and a comma, dash or bracket right before a lowercase post (``nguyên``
#: between): the post may be the name's (``Ông X - xóm trưởng``, ``ông Y (nguyên giám
#: đốc)``); PERSON keeps a candidate only if a name holds it.
_AFTER_A_NAME = regex.compile(
    r"\p{Lu}[\p{Ll}\p{M}]*[ \t]*(?:,|[\-–]|\()[ \t]*(?:(?:nguyên|cựu)[ \t]+)?\Z"
)
#: ... when the post ends there: punctuation, a dash, or where its holder lives (``nơi``).
_POST_ALONE_END = regex.compile(r"[ \t]*(?:[,.;:)\]\n]|[\-–][ \t]|\Z)|[ \t]+(?:nơi|ở|tại)\b")
#: A capitalised word right after a lowercase post: its holder, if the PERSON finder agrees.
_CAPITAL_NEXT = regex.compile(r" \p{Lu}")
_OPENING_QUOTES = frozenset("“\"‘'«")


def _complement_end(
    text: str,
    end: int,
    org_ends: dict[int, int],
    place_ends: dict[int, int],
    *,
    possessive: bool = False,
) -> tuple[int, bool]:
    """End of the body or place after a position ending at ``end``; and whether one was found.
    ``possessive``: the body may follow ``của`` (a post written as a proper title)."""
    words: list[Word] = list(words_from(text, end, limit=_COMPLEMENT_WORDS))
    if not words or text[end : words[0].start].strip(" \t") or words[0].start == end:
        return end, False
    i = 0
    if len(words) > 1 and f"{words[0].text} {words[1].text}" in _AFTER_POSITION:
        i = 2
    elif (
        len(words) > 2
        and f"{words[0].text} {words[1].text}" == "phụ trách"
        and words[2].start in org_ends
    ):
        i = 2  # "Phó Giám đốc phụ trách Sở X": the deputy in charge of the body
    elif (
        possessive
        and len(words) > 1
        and words[0].text == "của"
        and words[1].start in org_ends
        and words[1].text != "Đảng"  # "ứng cử viên Tổng thống của Đảng X": its nominee
    ):
        i = 1
    start = words[i].start if i < len(words) else end
    if start in org_ends:
        end = org_ends[start]
        # A unit before its parent body: "Trưởng Phòng CSGT Công an tỉnh Hà Tĩnh".
        while text[end : end + 1] == " " and end + 1 in org_ends:
            end = org_ends[end + 1]
        return end, True
    j = place_complement(text, words, i, bare_names=False, place_ends=place_ends)
    if j > i:
        return words[j - 1].end, True
    if i < len(words) and (generic := _generic_body_end(text, words[i].start)) is not None:
        return generic, True
    if i:
        return words[i - 1].end, False
    return end, False


@cache
def _portfolios() -> tuple[frozenset[str], regex.Pattern[str]]:
    """Minister positions, and their portfolios after one space (title_portfolios.tsv)."""
    positions = frozenset(p.casefold() for p in title_portfolios("position"))
    body = phrase_regex(title_portfolios("portfolio"), ignore_case=True).pattern
    return positions, regex.compile(rf"[ \t]+(?:{body})", regex.IGNORECASE)


def _portfolio_end(
    text: str,
    p_start: int,
    p_end: int,
    end: int,
    org_ends: dict[int, int],
    place_ends: dict[int, int],
) -> tuple[int, bool]:
    """``Bộ trưởng Quốc phòng (Mỹ)``: a minister's portfolio, and a place after it, complete
    the post; otherwise ``end`` as it was, incomplete."""
    positions, portfolio = _portfolios()
    if " ".join(text[p_start:p_end].casefold().split()) not in positions:
        return end, False
    m = portfolio.match(text, p_end)
    if m is None:
        return end, False
    after, placed = _complement_end(text, m.end(), org_ends, place_ends)
    return (after if placed else m.end()), True


#: The possessive between a body and the body it belongs to.
_OF = " của "


@cache
def _place_links() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Posts → the words that tie them to a state, and to a body (title_place_links.tsv)."""

    def split(cell: str) -> tuple[str, ...]:
        return tuple(link.strip() for link in cell.split(",") if link.strip())

    return {
        row["position"]: (split(row["links"]), split(row["body_links"]))
        for row in load_tsv("title_place_links.tsv")
    }


def _linked_places(
    text: str,
    end: int,
    links: tuple[tuple[str, ...], tuple[str, ...]],
    place_ends: dict[int, int],
    org_ends: dict[int, int],
) -> tuple[int, bool]:
    """``end`` moved over ``<link> <PLACE>`` and ``<body link> <ORG>`` pairs (``của Việt Nam
    tại Albania``, ``Mỹ tại Liên Hợp Quốc``, ``người phát ngôn của UBND tỉnh X``)."""
    linked = False
    to_places, to_bodies = links
    while True:
        for link, ends in [(k, place_ends) for k in to_places] + [(k, org_ends) for k in to_bodies]:
            head = f" {link} "
            if text.startswith(head, end) and end + len(head) in ends:
                end = ends[end + len(head)]
                linked = True
                break
        else:
            return end, linked


#: A capitalised name of two to five words, then an opening bracket.
_HOLDER_THEN_BRACKET = regex.compile(
    r"[ \t]+\p{Lu}[\p{L}\p{M}]*(?:[ \t]+\p{Lu}[\p{L}\p{M}]*){1,4}[ \t]*\("
)


def _constituency_after(text: str, end: int, place_ends: dict[int, int]) -> bool:
    """Whether a name follows ``end`` with a place alone in brackets after it: the deputy's
    constituency (``đại biểu Nguyễn Văn A (Đồng Nai)``)."""
    m = _HOLDER_THEN_BRACKET.match(text, end)
    if m is None or m.end() not in place_ends:
        return False
    return text[place_ends[m.end()] : place_ends[m.end()] + 1] == ")"


def find_titles(
    text: str,
    span: tuple[int, int],
    starts: frozenset[int],
    org_ends: dict[int, int],
    place_ends: dict[int, int],
    bodies: StartIndex[tuple[int, int]] | None = None,
) -> list[tuple[int, int, str, str]]:
    """TITLE spans in one line: ``(start, end, rule, alone)``; alone is "" when complete.

    ``bodies`` (the ``(start, end)`` items of both dicts by start) saves a scan of every
    ORG and PLACE for every position found.
    """
    if bodies is None:
        bodies = _bodies(org_ends, place_ends)
    out: list[tuple[int, int, str, str]] = []
    pos = span[0]
    for m in _position_regex().finditer(text, span[0], span[1]):
        if m.start() < pos:
            continue
        found = _position_at(text, m.start(), starts)
        if found is None:
            continue
        p_start, p_end, alone = found
        if alone == "named" and (
            not _CAPITAL_NEXT.match(text, p_end) or text[p_start - 1 : p_start] in _OPENING_QUOTES
        ):
            pos = p_end
            continue  # "vua phá lưới", "“Vua Masters”": a champion's epithet, no monarch
        start = _with_prefixes(text, p_start, starts)
        if _generic_before(text, start):
            pos = p_end
            continue
        inner_org = [e for _, e in bodies.starting_in(p_start + 1, p_end)]
        if inner_org:
            # "Trưởng Ban Tổ chức T.Ư", "Phó phòng Tài nguyên …", "Trưởng thôn Kon Gung":
            # the body or place begins inside the position words.
            p_end = max(p_end, *inner_org)
            end, complete = p_end, True
        else:
            # "Người phát ngôn của Bộ Tài chính": only a capitalised post takes a body
            # after "của"; "đội trưởng của U23", "đại sứ của CLB X" are roles.
            end, complete = _complement_end(
                text, p_end, org_ends, place_ends, possessive=text[start].isupper()
            )
            if not complete:
                end, complete = _portfolio_end(text, p_start, p_end, end, org_ends, place_ends)
        links = _place_links().get(" ".join(text[p_start:p_end].casefold().split()))
        if links:
            end, linked = _linked_places(text, end, links, place_ends, org_ends)
            complete = complete or linked
        if complete and text.startswith(_OF, end) and end + len(_OF) in org_ends:
            # "Trưởng Ban Dân nguyện của Ủy ban Thường vụ Quốc hội": the body's parent
            end = org_ends[end + len(_OF)]
        # Chains: "Phó Chủ tịch - Tổng Thư ký Ủy ban …", "Tư lệnh kiêm Chính ủy Đoàn 559":
        # posts that share the body written after the last. A post with a body of its own
        # ends before the link ("Bí thư Huyện ủy kiêm Chủ tịch UBND huyện": two posts).
        while not complete and (nxt := _CHAIN_LINK.match(text, end, span[1])):
            at = nxt.end()
            link = _position_at(text, at, starts | {at}) or _position_at(
                text, _skip_prefixes(text, at), starts | {_skip_prefixes(text, at)}
            )
            if link is None:
                break
            end, chained = _complement_end(text, link[1], org_ends, place_ends)
            if not chained:  # "Phó Thủ tướng – Bộ trưởng Ngoại giao": the last post's portfolio
                end, chained = _portfolio_end(text, link[0], link[1], end, org_ends, place_ends)
            complete = complete or chained
        if complete:
            # a deputy's seat with its body is one of many ("chất vấn của đại biểu Quốc
            # hội"): a specific post when a named person holds it or a term dates it (a
            # biography's "đại biểu Quốc hội khóa I")
            held = "person" if alone == "constituency" and not _TERM_AFTER.match(text, end) else ""
            out.append((start, end, "title.position_body", held))
        elif alone == "yes":
            out.append((start, end, "title.alone", ""))
        elif (
            alone in ("person", "named")
            and (
                text[start].isupper()
                or text[p_start].isupper()
                or (
                    _AFTER_A_NAME.search(text, max(0, start - 30), start)
                    and _POST_ALONE_END.match(text, end)
                )
                # "tổng thống Donald Trump", "hiệu trưởng Tạ Thị Bích Ngọc": a lowercase post
                # right before a capitalised word, kept if that is a named holder
                or (
                    _CAPITAL_NEXT.match(text, end)
                    and not _position_regex().match(text, end + 1)  # "vụ Phó Chủ tịch xã"
                )
            )
        ) or (alone == "constituency" and _constituency_after(text, end, place_ends)):
            out.append((start, end, "title.candidate", "named" if alone == "named" else "person"))
        pos = end
    return out


#: A term of office right after a post: ``khóa XIII``, ``từ khóa II``, ``nhiệm kỳ 2016-2021``.
_TERM_AFTER = regex.compile(r"[ \t]+(?:từ[ \t]+)?(?:khóa|khoá|nhiệm kỳ)[ \t]+\w", regex.IGNORECASE)


def _bodies(org_ends: dict[int, int], place_ends: dict[int, int]) -> StartIndex[tuple[int, int]]:
    return StartIndex((*org_ends.items(), *place_ends.items()), lambda item: item[0])


def component(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Add TITLE mentions (and unconfirmed candidates marked ``_alone``)."""
    text = ctx.text
    org_ends = ends_by_start(mentions, "ORG")
    place_ends = ends_by_start(mentions, "PLACE")
    starts = ctx.word_starts
    found = list(mentions)
    bodies = _bodies(org_ends, place_ends)
    org_spans = sorted(org_ends.items())
    org_starts = [s for s, _ in org_spans]
    for line in ctx.lines:
        for start, end, rule, alone in find_titles(
            text, line, starts, org_ends, place_ends, bodies
        ):
            if _inside_body(start, end, org_starts, org_spans):
                continue  # "Văn phòng Chủ tịch nước", "Bộ Tư lệnh TP.HCM": a body's own name
            attrs = {"_alone": alone} if alone else {}
            found.append(Mention(LABEL, start, end, rule, attrs))
    return found


def _inside_body(
    start: int, end: int, org_starts: list[int], org_spans: list[tuple[int, int]]
) -> bool:
    """Whether ``start:end`` lies inside an ORG that begins before it: the post words of a
    body's own name (``Văn phòng Chủ tịch nước``, ``Phủ Tổng thống Hàn Quốc``, ``Bộ Tư lệnh``)
    name no post."""
    k = bisect.bisect_left(org_starts, start) - 1
    return k >= 0 and end <= org_spans[k][1]
