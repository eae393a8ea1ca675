"""ORG mentions: state and Party bodies, departments, companies, schools, media.

An ORG is a head from ``org_heads.tsv`` (``UBND``, ``Sở``, ``Công ty`` …) followed, by
its kind, by a name (capitalised words, abbreviations, numbers and the lowercase words
of ``org_name_words.tsv``) and/or the place it serves (``xã Liên Lộc``, bare ``tỉnh``,
``TP.HCM``). A sub-body head (``Ban Thường vụ``, ``Văn phòng``) runs on into the body it
belongs to; any other head starts a new ORG. ``expanded`` spells out abbreviations
from ``abbreviations.tsv``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

import regex

from pipeline.extractors.clubs import (
    bare_clubs,
    clubs,
    described_clubs,
    home_clubs,
    racing_teams,
)
from pipeline.extractors.dates import opens_dated_sentence
from pipeline.extractors.firms import described_firms, firm_short_names, firms
from pipeline.extractors.place_words import (
    PlaceName,
    body_heads,
    context_words,
    fold_key,
    foreign_first_names,
    lexicon_at,
    place_names,
    vietnamese_syllable,
)
from pipeline.extractors.place_words import unit_words as place_unit_words
from pipeline.resources import (
    clan_words,
    credit_words,
    honorific_words,
    lead_words,
    load_tsv,
    surnames,
    title_portfolios,
)
from pipeline.text.numbers import alternation
from pipeline.text.pos import word_class
from pipeline.text.scan import (
    SENTENCE_OPEN,
    SpanIndex,
    Word,
    grouped_alternation,
    phrase_regex,
    with_case_variants,
)
from pipeline.text.segment import dictionary_word_end, dictionary_words
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

LABEL = "ORG"
_PLURAL = frozenset({"các", "những"})
# The chief of a department written as one word with its head (Cục trưởng, Vụ phó).
_CHIEF_SUFFIXES = frozenset({"trưởng", "phó"})
# Heads that are also the noun of a case or an incident ("Vụ Watergate", "Vụ Nguyễn Văn A"):
# a body only inside a sentence and never before a person's name.
_CASE_HEADS = frozenset({"Vụ"})
# Heads that are also a verb or a generic noun ("Tổ chức Lễ hội X" holds a festival; "Cơ
# quan Công an" is any police body): a body only when a capitalised name of its own follows,
# not an event (event_words.tsv) nor another body's head.
_GENERIC_HEADS = frozenset({"Tổ chức", "Cơ quan"})
# A number grouped in thousands ("2.400", "1,5"): an amount, never the number of a name.
_AMOUNT = regex.compile(r"\d{1,3}(?:\.\d{3})+(?!\d)|\d+,\d")


@dataclass(frozen=True, slots=True)
class Head:
    text: str
    kind: str  # fixed | body | named
    bare: bool
    parent: bool
    own_units: bool = False  # a unit written before it is an ORG of its own (police)


@cache
def heads() -> dict[str, Head]:
    """Org heads keyed by their text as written in the lexicon, with the school heads of
    ``org_school_types.tsv`` (``trường mầm non``, ``Trường THCS``: kind ``school``, a name
    or else a place after the level)."""
    out = {
        row["head"]: Head(
            row["head"],
            row["kind"],
            row["bare"] == "yes",
            row["parent"] == "yes",
            row["units_before"] == "own",
        )
        for row in load_tsv("org_heads.tsv", key="head")
    }
    for name in known_names():
        out.setdefault(name, Head(name, "fixed", True, False))
    for kind in load_tsv("org_school_types.tsv"):
        for level in with_case_variants([kind["type"]]):
            # "Trường Mầm non", "trường THPT" alone is the school of the article, as a name;
            # "trường mầm non" is any school
            bare = level[:1].isupper()
            for school, alone in ((f"Trường {level}", True), (f"trường {level}", bare)):
                out.setdefault(school, Head(school, "school", alone, False))
            if level.isupper():
                # "học sinh lớp 12D4 THPT Cầu Giấy": the level's abbreviation alone, a name after it
                out.setdefault(level, Head(level, "school", False, False))
    return out


def _inside_glued_name(words: list[Word], j: int, glued: frozenset[int]) -> bool:
    """``words[j]`` continues a segmented word that opens on a capitalised Vietnamese syllable
    that is no family name and no place (``Tân Hoàng Minh``): a person cannot start inside
    it (``Lê Hoàng Châu``, ``Đồng Nai Viên …``, ``Nhật Yoshihide`` open elsewhere)."""
    k = j
    while k in glued:
        k -= 1
    first = words[k]
    return (
        k < j
        and first.is_capitalised
        and not first.is_abbreviation
        and first.text not in surnames()
        and vietnamese_syllable(first.text)
        and not any(
            fold_key(" ".join(w.text for w in words[k:n])) in place_names()
            for n in range(k + 1, j + 1)
        )  # "Đồng Nai Viên Hồng Tiến": a province, then a person, in one segmented word
    )


def _abbreviated_school(head: Head) -> bool:
    """A school head with its level abbreviated (``trường THPT``): never a common word."""
    return head.kind == "school" and head.text.split(" ", 1)[-1][:2].isupper()


# The units a police force is made of (phòng, đội, trạm, đồn): before the force they name
# their own ORG ("Phòng Quản lý xuất nhập cảnh | CA Hà Nội"); a board or a Party committee
# of it is named after it ("Ban Giám đốc Công an tỉnh").
_OWN_UNIT_HEADS = frozenset({"phòng", "đội", "trạm", "đồn"})
# The investigating agency of a police force, a procuracy or the army (Law on Organisation
# of Criminal Investigation Agencies 2015): an ORG of its own before the body it belongs to,
# and no specific body without one ("cơ quan điều tra đang làm rõ").
_INVESTIGATING_AGENCIES = frozenset({"cơ quan điều tra"})
# Lowercase heads of bodies that a country has many of: a country after them is their
# nationality, not their name ("công ty Trung Quốc", "báo Mỹ"; "tòa án tối cao Mỹ" is one).
_CLASS_NOUNS = frozenset(
    {"công ty", "tập đoàn", "ngân hàng", "báo", "trường", "bệnh viện", "khách sạn"}
)
# Of those, the firms' class nouns stay outside a well-known name after them, as "hãng" does
# (org_credit_words.tsv): "ngân hàng Vietcombank", "tập đoàn Vingroup".
_FIRM_CLASS_NOUNS = frozenset({"ngân hàng", "tập đoàn"})
# Kinds of well-known names that a firm's head and trade words may lead to.
_FIRM_KINDS = frozenset({"company", "bank"})


@cache
def _known_kinds() -> dict[str, str]:
    return {row["name"]: row["kind"] for row in load_tsv("org_known_names.tsv", key="name")}


@cache
def known_names() -> frozenset[str]:
    """Media, agencies, companies, banks, airlines, clubs named without a head word."""
    return frozenset(_known_kinds())


@cache
def club_names() -> frozenset[str]:
    """The sports clubs and teams of ``org_known_names.tsv`` (kind ``club``)."""
    return frozenset(name for name, kind in _known_kinds().items() if kind == "club")


@cache
def folded_heads() -> dict[str, Head]:
    """Department names and management-board heads keyed by their casefolded text.

    A department (``org_departments.tsv``) or a board head (``org_boards.tsv``: a prefix and
    the object it manages) is matched as written in its first letter, the rest in any case
    (``Cục Quản lý Giá``, ``Trung tâm dự báo khí tượng thủy văn trung ương``): the whole
    name of a department is no phrase of everyday prose. The commas of a name may be left
    out (``Cục Quản lý Khám chữa bệnh``): keys have none.
    """
    out: dict[str, Head] = {}
    for row in load_tsv("org_departments.tsv", key="name"):
        name = row["name"]
        # A provincial police's department is a unit of its force: "Phòng Cảnh sát hình sự
        # | Công an tỉnh X", as "Phòng" + a name is.
        out[_folded_key(name)] = Head(name, "named", True, row["ministry"] == "CAT")
    rows = load_tsv("org_boards.tsv")
    objects = [r["phrase"] for r in rows if r["role"] == "object"]
    for prefix in (r["phrase"] for r in rows if r["role"] == "prefix"):
        for obj in objects:
            name = f"{prefix} {obj}"
            out.setdefault(_folded_key(name), Head(name, "board", False, False))
    return out


def _department(head: Head) -> bool:
    """Whether ``head`` is a department's whole name (``org_departments.tsv``)."""
    return head.kind == "named" and head.text not in heads()


def _folded_key(name: str) -> str:
    return _BLANKS.sub(" ", name.replace(",", "")).casefold()


def head_of(matched: str) -> Head:
    """The head that ``head_regex`` matched as ``matched``."""
    key = _BLANKS.sub(" ", matched)
    return heads().get(key) or folded_heads()[_folded_key(key)]


@cache
def head_regex() -> regex.Pattern[str]:
    """Heads as written and folded heads (``folded_heads``), longest first."""
    alternatives = [(h, regex.escape(h)) for h in heads()]
    for head in folded_heads().values():
        first, rest = head.text[:1], head.text[1:]
        # a whole name never ends inside a word glued on by a hyphen ("kinh tế-Công an")
        pattern = regex.escape(first) + f"(?i:{regex.escape(rest)})" + r"(?!-\w)"
        alternatives.append((head.text, pattern))
    alternatives.sort(key=lambda a: (-len(a[0]), a[0]))
    body = grouped_alternation(
        (h, p.replace(",\\ ", ",?\\ ").replace("\\ ", "[ \\t]+")) for h, p in alternatives
    )
    return regex.compile(rf"(?<![\w&.])(?:{body})(?![\w&])", regex.UNICODE)


@cache
def _name_words() -> frozenset[str]:
    return frozenset(row["syllable"] for row in load_tsv("org_name_words.tsv"))


@cache
def unit_words() -> frozenset[str]:
    """Administrative unit words (casefolded) that may follow a body: tỉnh, xã, TP …"""
    return frozenset(row["word"] for row in load_tsv("gazetteer_unit_words.tsv"))


@cache
def abbreviations() -> dict[str, str]:
    return {row["abbr"]: row["expanded"] for row in load_tsv("abbreviations.tsv", key="abbr")}


@cache
def _event_regex() -> regex.Pattern[str]:
    """The nouns that open an event's name (``Lễ hội``, ``Hội nghị``): event_words.tsv."""
    rows = load_tsv("event_words.tsv")
    return phrase_regex(row["word"] for row in rows if row["kind"] == "event")


@cache
def parent_suffix_regex() -> regex.Pattern[str]:
    """National bodies that end the name of a body inside them (``Ủy ban Tư pháp Quốc hội``)."""
    return phrase_regex(row["suffix"] for row in load_tsv("org_parent_suffixes.tsv"))


@cache
def _bridge_heads() -> frozenset[str]:
    return frozenset(row["head"] for row in load_tsv("org_bridge_heads.tsv"))


@cache
def _phrase_heads() -> dict[str, str]:
    """Head → what must follow its lowercase phrase: ``any`` end, or a ``name`` (a place
    unit word or a capitalised word)."""
    return {row["head"]: row["after"] for row in load_tsv("org_phrase_heads.tsv")}


@cache
def function_words() -> frozenset[str]:
    """Function words that never stand inside a name (``org_clause_words.tsv``)."""
    return frozenset(row["word"] for row in load_tsv("org_clause_words.tsv"))


def _bridge(text: str, words: list[Word], j: int, glued: frozenset[int]) -> int:
    """Index of the proper name that a run of lowercase trade words at ``j`` leads to, else ``j``.

    An enterprise or cooperative is named ``<form> <trade> <Proper name>`` (``HTX nuôi
    cá Tân An``, ``Công ty TNHH xử lý nước An Phú``). The run stops at a function word,
    tense or case marker (``đã``, ``của``, ``tại``, ``cho``) that a name never contains.
    """
    k = j
    while k < len(words) and k - j < 7:
        w = words[k]
        if k > j and not _joined(text, words[k - 1], w):
            return j
        if k > j and unit_word_at(text, words, k):
            return k  # the trade, then the place it serves: "Nhà hát kịch TP HCM"
        if w.is_capitalised:
            break
        if (
            w.is_punct
            or w.is_number
            or (w.text.casefold() in function_words() and k not in glued and k + 1 not in glued)
            or unit_word_at(text, words, k)
        ):
            return j
        k += 1
    if k == j or k >= len(words) or k - j >= 7 or not words[k].is_capitalised:
        return j
    head = head_regex().match(text, words[k].start)
    if (
        words[k].is_punct
        # a well-known firm's name is the firm's own ("Công ty chứng khoán FPT"), another
        # head a body ("CLB có thể cản bước Chelsea" is no club's name)
        or (head is not None and _known_kinds().get(head.group()) not in _FIRM_KINDS)
        or _position_regex().match(text, words[k].start)
        or (_starts_person(text, words, k) and _full_name(text, words, k))
        or words[k].text.casefold() in honorific_words()
    ):
        return j  # a trade name may sound like a name (Hoàng Long), a full name may not
    return k


_MIDDLE_NAMES = frozenset({"Văn", "Thị"})


def _full_name(text: str, words: list[Word], k: int) -> bool:
    """Whether a family name at ``words[k]`` opens a full name: a middle name (``Văn``,
    ``Thị``) or three capitalised syllables (``Trần Anh Thuận``)."""
    nxt = _peek(words, k + 1)
    if nxt is not None and nxt.text in _MIDDLE_NAMES:
        return True
    third = _peek(words, k + 2)
    return (
        nxt is not None
        and third is not None
        and third.is_capitalised
        and not third.is_abbreviation
        and _joined(text, nxt, third)
    )


@cache
def _excluded() -> regex.Pattern[str]:
    return phrase_regex(row["phrase"] for row in load_tsv("org_exclusions.tsv"))


def _inside_place(start: int, end: int, place_spans: list[tuple[int, int]]) -> bool:
    """Whether a head lies inside a PLACE mention (``Tây Ban Nha``, ``đường Thanh Niên``)."""
    return any(a <= start and end <= b for a, b in place_spans)


def _head_in_word(
    text: str, start: int, end: int, word_ends: dict[int, int], segments: list[tuple[int, int]]
) -> bool:
    """Whether the head is only part of a longer segmented word that is not an ORG name.

    The segmenter joins a proper name written with a head syllable (``Đài Loan``, ``Nha
    Trang``, ``Hội An``, ``Trường Sơn``, ``Tây Ban Nha``) and a common word that starts
    with one (``Khoa học``, ``Ban đầu``, ``Sở hữu``) into one word. A word that goes on
    from the head capitalised then lowercase (``Đài Truyền hình``, ``Viện Hàn lâm``) is
    still a body's name.
    """
    if not word_ends:
        return False
    k = bisect.bisect_right(segments, (start, 1 << 62)) - 1
    if k < 0:
        return False
    seg_start, seg_end = segments[k]
    if seg_end <= end or seg_start > start:
        return False
    words = text[seg_start:seg_end].split()
    if not all(w.isalpha() for w in words):
        return False
    if seg_start < start:
        # inside a proper name that starts before the head: "Tây Ban Nha"
        return all(w.istitle() for w in words)
    rest = text[end:seg_end].split()
    # a common word ("Khoa học", "Ban đầu"), or a two-syllable proper name ("Đài Loan")
    return rest[0][:1].islower() or (len(words) == 2 and all(w.istitle() for w in words))


def _known_name_glued(text: str, start: int, end: int) -> bool:
    """A well-known name (``org_known_names.tsv``) the segmenter joined to the verb after it
    (``Arsenal thua``, ``Barca tạo``): still the name, unless the two make a dictionary word."""
    return (
        text[start:end] in known_names()
        and _LOWER_NEXT.match(text, end) is not None
        and dictionary_word_end(text, start, end) is None
    )


def _is_person_name(text: str, words: list[Word], i: int, glued: frozenset[int]) -> bool:
    """Whether one to three capitalised syllables from ``words[i]`` are a person's given names.

    Follows a head that is also a family name (``Đoàn``): the run is a name when it is
    not an abbreviation and its last syllable makes no word with a lowercase one after it
    (``Đoàn Kiểm tra``, ``Đoàn Luật sư`` are bodies).
    """
    j = i
    while (
        j < len(words)
        and j - i < 4
        and words[j].is_capitalised
        and not words[j].is_abbreviation
        and not words[j].is_punct
        and _joined(text, words[j - 1], words[j])
    ):
        j += 1
    if not 1 <= j - i <= 3:
        return False
    if (
        j < len(words)
        and j in glued
        and words[j].text[:1].islower()
        # the segmenter may glue a name to its verb too ("Đoàn Văn Duy nhận")
        and dictionary_word_end(text, words[j - 1].start, words[j - 1].end) is not None
    ):
        return False
    return not starts_admin_name(text, words, i)


def _peek(words: list[Word], i: int) -> Word | None:
    return words[i] if i < len(words) else None


def _joined(text: str, a: Word, b: Word) -> bool:
    """Whether two words are separated by one space (a wider gap is crawl residue)."""
    return text[a.end : b.start] in (" ", "\t")


def unit_word_at(text: str, words: list[Word], i: int) -> int:
    """Number of words forming an admin unit word at ``words[i]`` (0 when none)."""
    w = _peek(words, i)
    if w is None:
        return 0
    one = w.text.casefold()
    nxt = _peek(words, i + 1)
    if nxt is not None and _joined(text, w, nxt):
        two = f"{one} {nxt.text.casefold()}"
        if two in unit_words():
            # "thành phố", "thị xã", "thị trấn"; but "xã hội" is society, not a commune.
            return 2
        if one == "xã" and nxt.text.casefold() == "hội":
            return 0
        if two in body_heads():
            return 0  # "Ban tổ chức Huyện ủy": the district's Party committee, no district
    if one in unit_words():
        return 1
    return 0


@cache
def admin_names() -> frozenset[str]:
    """Name keys of every province and district (``Hà Tĩnh``, ``Lâm Đồng``, ``Hồ Chí Minh``)."""
    from pipeline.resources.gazetteer import name_keys

    return name_keys("province", "district")


def starts_admin_name(text: str, words: list[Word], i: int) -> bool:
    """Whether two or three capitalised words from ``words[i]`` name a province or district."""
    from pipeline.resources.gazetteer import name_key

    for n in (3, 2):
        run = words[i : i + n]
        if (
            len(run) == n
            and all(w.is_capitalised for w in run)
            and name_key(text[run[0].start : run[-1].end]) in admin_names()
        ):
            return True
    return False


def _starts_person(text: str, words: list[Word], i: int) -> bool:
    """A surname or a foreign first name followed by another capitalised word, or any
    capitalised word followed by a middle name and a given name (``Từ Văn Diện``): a
    person's name starts here."""
    w, nxt, third = _peek(words, i), _peek(words, i + 1), _peek(words, i + 2)
    middle = (
        third is not None
        and nxt is not None
        and nxt.text in context_words().middle
        and third.is_capitalised
        and _joined(text, nxt, third)
    )
    return (
        w is not None
        and nxt is not None
        and (
            w.text in surnames()
            or middle
            or (w.is_capitalised and w.text.casefold() in foreign_first_names())
        )
        and nxt.is_capitalised
        and _joined(text, w, nxt)
        and not nxt.is_abbreviation
        and not starts_admin_name(text, words, i)
        and not _inside_place_name(text, words, i)
        and not _clan_name(text, words, i)
    )


def _clan_name(text: str, words: list[Word], i: int) -> bool:
    """Whether the capitalised run at ``words[i]`` is a clan's name, ending in a clan word
    (``Hội đồng Trị sự Nguyễn Phước Tộc``: the council of the clan, one body)."""
    for k in range(i + 1, min(i + 4, len(words))):
        if not _joined(text, words[k - 1], words[k]):
            return False
        if words[k].text.casefold() in clan_words():
            return True
        if not words[k].is_capitalised:
            return False
    return False


def _inside_place_name(text: str, words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` is a later syllable of a place name (Đào of Bồ Đào Nha)."""
    return any(
        fold_key(text[words[a].start : words[b].end]) in place_names()
        for a in (i - 2, i - 1)
        for b in (i, i + 1)
        if a >= 0 and b < len(words)
    )


def _place_name_end(text: str, words: list[Word], i: int) -> int:
    """Index after a run of capitalised words or one number (a place name), from ``i``."""
    j = i
    first = _peek(words, j)
    if first is not None and first.is_number:
        return j + 1
    if _starts_person(text, words, i):
        return i
    while True:
        w = _peek(words, j)
        if w is None:
            break
        nxt = _peek(words, j + 1)
        if j > i and w.text in ("-", "–") and nxt is not None and nxt.is_capitalised:
            j += 1  # "Thừa Thiên - Huế", "Bà Rịa - Vũng Tàu"
            continue
        if not (w.is_capitalised and not w.is_punct):
            break
        if j > i and not _joined(text, words[j - 1], w) and words[j - 1].text not in "-–":
            break
        if j > i and (
            head_regex().match(text, w.start)
            or unit_word_at(text, words, j)
            or _starts_person(text, words, j)
        ):
            break
        j += 1
    if j > i and words[j - 1].text in ("-", "–"):
        j -= 1
    return j


@cache
def _name_word_pairs() -> frozenset[str]:
    """Two-syllable words (casefolded) that the heads and the state fields of the lexicon
    hold (``quốc gia``, ``nhân dân``, ``chứng khoán``)."""
    names = [*heads(), *(h.text for h in folded_heads().values()), *title_portfolios("portfolio")]
    pairs = set()
    for name in names:
        syllables = name.casefold().split()
        pairs.update(f"{a} {b}" for a, b in pairwise(syllables))
    return frozenset(pairs)


def place_complement(
    text: str, words: list[Word], i: int, *, bare_names: bool, place_ends: dict[int, int]
) -> int:
    """Index after the place that ``words[i]`` opens (``i`` when there is none).

    A PLACE mention found there (``nước Cộng hòa … Việt Nam``), a unit word with its
    name (``xã Liên Lộc``), a bare unit word (``UBND tỉnh``), ``TP.HCM``-style words,
    and with ``bare_names`` a capitalised run (``Phú Yên``).
    """
    w = _peek(words, i)
    if w is None:
        return i
    if w.start in place_ends and not (
        place_ends[w.start] == w.end and _starts_person(text, words, i)
    ):
        return _words_in(words, i, place_ends[w.start]) + i
    if w.text.casefold().startswith("tp.") and len(w.text) > 3:
        return max(i + 1, _place_name_end(text, words, i))
    n = unit_word_at(text, words, i)
    if n:
        j = i + n
        nxt = _peek(words, j)
        if nxt is not None and _joined(text, words[j - 1], nxt):
            unit = " ".join(x.text.casefold() for x in words[i:j])
            if nxt.is_number and all(u.numbered == "no" for u in place_unit_words().get(unit, ())):
                return j  # "công an xã 3 nhát": no commune is numbered; a count follows
            end = _place_name_end(text, words, j)
            if end > j:
                return end
        return j
    if (
        bare_names
        and w.is_capitalised
        and not _starts_person(text, words, i)
        and w.text.casefold() not in honorific_words()
        and w.text not in lead_words()  # "chạy trốn CSGT Trước đó": the next sentence
    ):
        if head_regex().match(text, w.start):
            return i
        end = _place_name_end(text, words, i)
        if end == i + 1 and (word_end := dictionary_word_end(text, w.start, w.end)) is not None:
            # One syllable of a word, not a place: the word goes on a name when the lexicon's
            # names hold it ("Đảng Tự do Quốc gia"), else the name has ended ("công an Tang
            # vật …": the next sentence)
            nxt = _peek(words, i + 1)
            if (
                nxt is not None
                and nxt.end == word_end
                and text[w.start : word_end].casefold() in _name_word_pairs()
            ):
                return i + 2
            return i
        return end
    return i


_BARE_SCHOOL = "Trường"


@cache
def _school_level_regex() -> regex.Pattern[str]:
    """A school's level (``org_school_types.tsv``) after one space, in any case."""
    types = [row["type"] for row in load_tsv("org_school_types.tsv")]
    level = phrase_regex(types, ignore_case=True)
    return regex.compile(r"[ \t]" + level.pattern, level.flags)


def _school_level_after(text: str, pos: int) -> bool:
    """Whether a school's level follows ``pos`` (``Trường`` + ``THCS``: a school)."""
    return _school_level_regex().match(text, pos) is not None


def _name_end(
    text: str,
    words: list[Word],
    i: int,
    *,
    parent: bool = False,
    glued: frozenset[int] = frozenset(),
    bridge: bool = False,
    bridge_to_place: bool = False,
    field_head: bool = False,
    complete: bool = False,
    phrase: str = "",
    named_head: bool = False,
) -> int:
    """Index after the name that follows a ``named`` head (``i`` when there is none).

    With ``parent``, a body head right after the head ends the name at once: ``Ban Chấp
    hành Trung ương Đảng`` is the executive committee *of* the Central Committee. With
    ``bridge``, lowercase trade words run on into the proper name after them (``_bridge``),
    and with ``bridge_to_place`` (a capitalised head) into the place it serves (``Nhà hát kịch
    TP HCM``).
    With ``field_head`` (a ministry, department or party, named by its field, never after a
    person), a person's name ends the name even after an abbreviation (``Bộ GD-ĐT Nguyễn
    Văn A``); a school's may be one (``Trường THCS Trần Phú``). With ``complete`` (a
    department's full name), a person's name, a verb or another body right after it ends
    it at once (``Cục Quản lý giá thông báo``, ``Cục Quản lý giá Bộ Tài chính``). With
    ``phrase`` (``org_phrase_heads.tsv``: ``any`` or ``name``), a lowercase phrase is kept
    whole (``_phrase_end``). With ``named_head`` the head ends in a part of the name (a
    school's level), so a list of names may open at once (``Trường THCS - THPT X``).
    """
    first = _peek(words, i)
    if complete and (
        first is None
        or _starts_person(text, words, i)
        or _segment_text(words, i, glued) in _clause_verbs()
        or (
            first.is_capitalised
            and not first.is_abbreviation
            and head_regex().match(text, first.start)
            and not starts_admin_name(text, words, i)
        )
    ):
        return i  # its parent is another ORG: Cục Quản lý giá Bộ Tài chính
    j = i
    last_good = i
    bridged = -1
    # "Viện Phan Châu Trinh", "Trường Lê Quý Đôn": a name that is a person's runs whole; a
    # field's never is ("lãnh đạo đảng Chuck Schumer" is the leader of the party)
    starts_with_name = not field_head and _starts_person(text, words, i)
    first = _peek(words, i)
    body = head_regex().match(text, first.start) if first and first.is_capitalised else None
    # "Khoa Báo chí": a head that opens a longer word ("Báo chí") names no body
    starts_body = body is not None and i + _words_in(words, i, body.end()) not in glued
    if parent and starts_body:
        return i
    joins: frozenset[int] = frozenset()  # commas of a shortened coordination in a phrase
    field = _field_regex().match(text, first.start) if first and first.is_capitalised else None
    if field is not None:
        # "Sở Kế hoạch và đầu tư", "phòng Nông nghiệp và phát triển nông thôn": a state field
        # in any case, its "và" included; a place or a name may still follow it
        j = last_good = i + _words_in(words, i, field.end())
    while True:
        w = _peek(words, j)
        if w is None:
            break
        comma = w.text == "," and w.start == words[j - 1].end
        if (
            w.text == "/"
            and j > i
            and words[j - 1].is_abbreviation
            and words[j - 1].end == w.start
            and (nxt := _peek(words, j + 1)) is not None
            and nxt.is_abbreviation
            and w.end == nxt.start
        ):
            j = last_good = j + 2  # "Trung tâm Phòng chống HIV/AIDS": one field of two
            continue
        if j > i and not (_joined(text, words[j - 1], w) or comma):
            break
        if w.text in ("và", "&", "-", "–", ","):
            nxt = _peek(words, j + 1)
            if j > i and w.text in ("-", "–") and _short_name_after_dash(text, words, j + 1):
                break  # "Công ty Chứng khoán Bảo Việt - BVSC": the body, then its short name
            name = text[words[i].start : words[j - 1].end] if j > i else ""
            if w.text == "và" and name in known_names():
                break  # "Hãng tin TASS và Interfax": a well-known name is complete
            other = head_regex().match(text, nxt.start) if nxt is not None else None
            if (
                named_head
                and other is not None
                and w.text in ("-", "–")
                and head_of(other.group()).kind == "school"
            ):
                j += 1 + _words_in(words, j + 1, other.end())
                continue  # "Trường THCS - THPT Hồng Đức": one school of two levels
            if (
                (j > i or named_head)
                and nxt is not None
                and nxt.is_capitalised
                and other is None
                and not _position_regex().match(text, nxt.start)
                and not _starts_person(text, words, j + 1)
                and not unit_word_at(text, words, j + 1)
                and not _police_code_regexes()[0].match(text, nxt.start)  # "Trạm X - PC67"
            ):
                j += 1
                continue
            if (
                j > i
                and w.text != ","
                and nxt is not None
                and nxt.text in _name_words()
                and all(x.text[:1].islower() for x in words[i:j])
            ):
                j += 1  # lowercase fields: "Chi cục chăn nuôi và thú y"
                continue
            break
        if j > i and (_regional(text, words, j) or (not field_head and _numbered(text, words, j))):
            j = last_good = j + 2
            continue
        if (
            w.is_punct
            or unit_word_at(text, words, j)
            or (
                (
                    w.text in lead_words()
                    or _segment_text(words, j, glued, as_written=True) in lead_words()
                )
                and (j > i or w.text.casefold() in _PLURAL)
                # "Đèo Cả": a landmark's name glued to its word (place_units.tsv)
                and not (j in glued and words[j - 1].text.casefold() in place_unit_words())
            )
        ):
            break  # "Hiệp hội Gốm sứ Bát Tràng Theo ông, …": the next sentence
        if (
            field_head
            and j > i + 1
            and w.is_capitalised
            and not w.is_abbreviation
            and _ends_with_country(text, words, i, j)
        ):
            break  # "Bộ Ngoại giao Trung Quốc Cảnh Sảng": the country ends it, its holder follows
        if (
            j != bridged
            and not starts_with_name
            and not _inside_glued_name(words, j, glued)
            and _starts_person(text, words, j)
            and not (j == i and lexicon_at(text, w.start) is not None)  # "Vụ Châu Á"
            and (
                field_head
                or any(
                    x.is_capitalised and not x.is_abbreviation and x.text not in _FORM_WORDS
                    for x in words[i:j]
                )
            )
        ):
            break  # "Giám đốc Sở Y tế Nguyễn Văn A"; but "Trường THCS Trần Phú" is one name
        if (
            j > i
            and w.is_capitalised
            and head_regex().match(text, w.start)
            and not (w.is_abbreviation and words[j - 1].is_abbreviation)
            and not _trade_name(text, w.start)
            and words[j - 1].text not in _LEGAL_FORM_ENDS
            and not starts_admin_name(text, words, j - 1)
            and not _inside_place_name(text, words, j)  # Nha of Bồ Đào Nha
            and not _nameless_head(text, words, j)  # "ĐH" of "Vụ Giáo dục ĐH"
            and j not in glued  # "Khoa" of the one word "Bách Khoa"
            # "Công ty Ô tô Trường Hải", "Gỗ Trường Thành": a name's syllable, no school
            # (a school after a name has its level: "… Trường THCS Trần Phú", "Trường ĐH")
            and not (
                w.text == _BARE_SCHOOL
                and (nxt := _peek(words, j + 1)) is not None
                and nxt.is_capitalised
                and not nxt.is_abbreviation  # "Trường ĐH …": a university
                and not _school_level_after(text, w.end)
            )
        ):
            break  # another body starts; "Ủy ban T.Ư MTTQ" runs on through abbreviations
        if w.is_number and _AMOUNT.match(w.text):
            break  # "ĐH Bách khoa 2.400 chỉ tiêu": an amount after the name, not its number
        if opens_dated_sentence(words, j):
            break  # "bệnh viện Chiều 2.7, …": a sentence whose full stop was lost
        if w.is_capitalised or w.is_number or w.is_abbreviation:
            j += 1
            last_good = j
            continue
        if j > i and words[j - 1].is_number:
            break  # a name's number ends it: "Bệnh viện Nhi đồng 1" + the clause
        if (
            phrase
            and not joins
            and (j == i or not _after_proper_name(text, words, i, j))
            and not _clause_after_foreign_name(words, j, glued)
            and j not in glued  # the rest of a capitalised word: "Giám khảo", "Bảo trợ"
            and not (bridge and _bridge(text, words, j, glued) > j)  # "HTX nuôi cá Tân An"
        ):
            k, commas = _phrase_end(text, words, j, glued, first=j == i, named=phrase == "name")
            if k > j:
                j = last_good = k
                joins = commas | {-1}  # the one phrase of the name has been read
                nxt = _peek(words, j)
                if nxt is not None and nxt.is_capitalised and _joined(text, words[j - 1], nxt):
                    continue  # "Quỹ hỗ trợ nông dân Việt Nam"
                break
        proper_name_ended = j > i and (
            (
                j - i >= 2
                and words[j - 1].is_capitalised
                and words[j - 2].is_capitalised
                and not words[j - 2].is_abbreviation
            )
            or _clause_after_foreign_name(words, j, glued)  # "Tập đoàn Bitexco phát triển"
        )
        if (
            j > i
            and j in glued
            and not words[j - 1].is_punct
            and not words[j - 1].is_abbreviation
            # "Trường Cao đẳng Nghề Công nghệ …": a field written in sentence case
            and (not proper_name_ended or _sentence_case_field(words, j))
            and not _misjoined(words, i, j, glued)
        ) or (
            # "đảng Cứu nguy Dân tộc": the segmenter glued the name's first syllable to the
            # head ("đảng Cứu"), not to the syllable it makes a word with
            j == i + 1
            and i in glued
            and j not in glued
            and words[i].is_capitalised
            and f"{words[i].text} {w.text}".casefold() in dictionary_words()
        ):
            j += 1  # one segmented word with the syllable before it: "Chữ thập", "Cà phê"
            last_good = j
            continue
        if (
            bridge
            and not proper_name_ended
            and not w.is_punct
            and not _ends_known(text, words, i, j)
        ):
            k = _bridge(text, words, j, glued)
            if k > j and unit_word_at(text, words, k):
                if bridge_to_place:
                    last_good = k  # the place after the trade is read as the name's place
                break
            if k > j:
                j = bridged = k
                continue
        if (j > i or words[i - 1].is_abbreviation) and _segment_text(
            words, j, glued
        ) in _clause_verbs():
            # "Bộ Tài chính công bố", "Sở Y tế kiểm tra": the verb after the name; right
            # after an abbreviated head, no name at all ("các trường ĐH công bố"), while a
            # spelled-out head may take a task ("Ủy ban kiểm tra")
            break
        if w.text in _name_words():
            if proper_name_ended:
                break  # a fully capitalised proper name ("MTTQ Việt Nam") has ended
            if j > i and _adverbial(text, words, j, glued):
                break  # "Bộ Tài chính tích cực thực hiện": the manner of the verb after it
            j += 1
            last_good = j
            continue
        break
    return _list_end(words, i, last_good, joins)


def _ends_with_country(text: str, words: list[Word], i: int, j: int) -> bool:
    """Whether ``words[i:j]`` end with a country written as listed (not its first word):
    a ministry's or a party's country closes its name (``Bộ Ngoại giao Trung Quốc``)."""
    for n in (3, 2, 1):
        k = j - n
        if k <= i or any(not _joined(text, words[x], words[x + 1]) for x in range(k, j - 1)):
            continue
        if _listed_country(text[words[k].start : words[j - 1].end]) is not None:
            return True
    return False


def _listed_country(name: str) -> PlaceName | None:
    """The country spelt ``name`` as listed, read without a cue (``place_names.tsv``)."""
    return next(
        (
            e
            for e in place_names().get(fold_key(name), ())
            if e.level == "country" and e.name == name and not e.bare
        ),
        None,
    )


def _ends_known(text: str, words: list[Word], i: int, j: int) -> bool:
    """Whether ``words[i:j]`` end with a well-known name (``Tập đoàn DOJI``): the name is
    complete, no trade words bridge on from it (``… DOJI niêm yết giá vàng SJC``)."""
    return any(
        text[words[k].start : words[j - 1].end] in known_names() for k in range(max(i, j - 4), j)
    )


def _sentence_case_field(words: list[Word], j: int) -> bool:
    """Whether ``words[j - 1 : j + 1]`` is a field of the lexicon written in sentence case
    (``Công nghệ``, ``Giáo dục``), not the next sentence glued to a name (``… Roar chế
    giễu``): both syllables name words (org_name_words.tsv), a word of the dictionary."""
    first, second = words[j - 1].text, words[j].text
    return (
        first.casefold() in _name_words()
        and second in _name_words()
        and f"{first} {second}".casefold() in dictionary_words()
    )


def _regional(text: str, words: list[Word], j: int) -> bool:
    """``khu vực`` at ``words[j]``, inside a name after its first words, is *regional*
    (``Bệnh viện Đa khoa khu vực Châu Thành``, ``Cục Hải quan khu vực``), not the unit."""
    nxt = _peek(words, j + 1)
    return (
        words[j].text == "khu"
        and nxt is not None
        and nxt.text == "vực"
        and _joined(text, words[j], nxt)
    )


def _numbered(text: str, words: list[Word], j: int) -> bool:
    """``số`` and a small number at ``words[j]``, inside a name after its first words, number
    one of several like bodies (``Công ty Xây dựng số 1``, ``Trường THCS số 2``); a document's
    number is longer or dated (``số 15/2017/TT-BTC``, ``số 15 ngày 3/5``)."""
    nxt = _peek(words, j + 1)
    return (
        words[j].text == "số"
        and nxt is not None
        and _joined(text, words[j], nxt)
        and _NAME_NUMBER.fullmatch(nxt.text) is not None
        and not _DOCUMENT_TAIL.match(text, nxt.end)
    )


_NAME_NUMBER = regex.compile(r"\d{1,2}")
_DOCUMENT_TAIL = regex.compile(r"[/\-]\w|[ \t]+(?:ngày|năm)(?![\p{L}\p{M}])")


@cache
def _field_regex() -> regex.Pattern[str]:
    """The fields of state bodies joined by "và" (``title_portfolios.tsv``: Kế hoạch và Đầu
    tư, Tài nguyên và Môi trường), or by a dash as the press also writes them (``Tài nguyên -
    môi trường``), matched in any case as whole words."""
    fields = [p for p in title_portfolios("portfolio") if " và " in p]
    dashed = [f.replace(" và ", dash) for f in fields for dash in (" - ", " – ", "-", "–")]
    return phrase_regex([*fields, *dashed], ignore_case=True)


def _nameless_head(text: str, words: list[Word], j: int) -> bool:
    """Whether ``words[j]`` opens a ``named`` head that takes no name: an abbreviated field
    word inside a name (``ĐH`` in ``Vụ Giáo dục ĐH``), not another body."""
    m = head_regex().match(text, words[j].start)
    if m is None or not words[j].is_abbreviation:
        return False
    head = head_of(m.group())
    nxt = _peek(words, j + _words_in(words, j, m.end()))
    return head.kind == "named" and not head.bare and (nxt is None or not nxt.is_capitalised)


def _after_proper_name(text: str, words: list[Word], i: int, j: int) -> bool:
    """Whether the capitalised words ``words[i:j]`` make a name of their own: an
    abbreviation or two capitalised words at their end (``Quỹ BHYT``, ``Quỹ Châu Á``), after
    which lowercase words are the clause (``Quỹ BHYT bắt đầu bội chi``)."""
    last = words[j - 1]
    return last.is_abbreviation or (
        j - i >= 2 and last.is_capitalised and words[j - 2].is_capitalised
    )


def _spelled_foreign(word: str) -> bool:
    """Whether no part of ``word`` is a Vietnamese syllable or a number (``Microsoft``, not
    ``Mỏ-Địa``, ``U-22``)."""
    return all(
        part and not vietnamese_syllable(part) and not any(ch.isdigit() for ch in part)
        for part in word.split("-")
    )


def _clause_after_foreign_name(words: list[Word], j: int, glued: frozenset[int]) -> bool:
    """Whether a capitalised word no Vietnamese syllable spells (``Microsoft``, ``Bitexco``)
    ends right before ``words[j]``, a Vietnamese word that is no noun: the clause's verb or
    adverb (``Công ty Microsoft phát hành``, ``Tập đoàn Doji lẻ``), while a noun may go on
    with the name (``Ủy ban Olympic quốc tế``) and so may a foreign word (``Zing news``)."""
    if j == 0 or j >= len(words):
        return False
    last, w = words[j - 1], words[j]
    return (
        last.is_capitalised
        and not last.is_abbreviation
        and len(last.text) > 2
        and _spelled_foreign(last.text)
        and w.text[:1].islower()
        and vietnamese_syllable(w.text)
        and word_class(_segment_text(words, j, glued)) != "N"
    )


def _coordinated(text: str, words: list[Word], k: int) -> bool:
    """Whether the element at ``words[k]``, after a comma, goes on into the word the
    coordination shares or into the next comma (``phòng, chống dịch``, ``nông, lâm, thủy
    sản``), not into a name (``cấp cao, trạm Balderas``: two phrases)."""
    after = _peek(words, k + 1)
    return after is not None and (
        after.text == ","
        if after.start == words[k].end
        else _joined(text, words[k], after) and after.text[:1].islower()
    )


def _verb_before(words: list[Word], j: int, glued: frozenset[int]) -> bool:
    """Whether the segmented word before ``words[j]`` is a verb (``Quỹ Hỗ trợ``): the
    purpose of the name, which the lowercase words after it go on."""
    start = _segment_start(j - 1, glued)
    return word_class(" ".join(w.text for w in words[start:j])) == "V"


def _phrase_end(
    text: str, words: list[Word], j: int, glued: frozenset[int], *, first: bool, named: bool
) -> tuple[int, frozenset[int]]:
    """Index after the lowercase phrase that names a body from ``words[j]`` (``j`` when
    none), and the commas inside it.

    The phrase is the body's purpose or trade (``an sinh xã hội``, ``bảo trợ trẻ em``): it
    runs over lowercase segmented words, joined by ``và`` or by the comma of a shortened
    coordination (a one-syllable word before it: ``phòng, chống``, ``nông, lâm, thủy
    sản``). It ends at a capitalised word, a number, a unit word, other punctuation, a
    function word (``org_clause_words.tsv``), a reporting verb (``org_clause_verbs.tsv``;
    ``first``, right after the head, it may be the purpose when a place or a name follows
    the phrase: ``Quỹ hỗ trợ nông dân huyện``) or a
    verb after a noun of the phrase (the clause's predicate: ``… trẻ em trao``); it holds
    content words only (nouns, verbs, adjectives by their usual class), and opens with a
    verb only right after the head (after a capitalised name a verb is the predicate: ``Ban
    Giám khảo chấm bài``). A phrase of verbs
    alone is the clause after a bare head (``Quỹ hoạt động``), one syllable a common noun
    (``Quỹ lương``): none. It never runs into a body named after it (``trường THPT X``).
    With ``named`` the phrase must lead to a place unit word or a capitalised name that is
    not another body (``Ban an toàn giao thông tỉnh``).
    """
    k = last = j
    seen_noun = noun_before = False
    only_verbs = True
    verb_first = False
    commas: set[int] = set()
    while k < len(words) and k - j < 12:
        w = words[k]
        if k > j and not (
            _joined(text, words[k - 1], w) or (w.text == "," and w.start == words[k - 1].end)
        ):
            break
        if w.text in (",", "và"):
            nxt = _peek(words, k + 1)
            if (
                k == last
                and k > j
                and nxt is not None
                and _joined(text, w, nxt)
                and nxt.text[:1].islower()
                and nxt.text not in function_words()
                and not unit_word_at(text, words, k + 1)
                and (w.text == "và" or (k - 1 not in glued and _coordinated(text, words, k + 1)))
            ):
                if w.text == ",":
                    commas.add(k)
                k += 1
                continue
            break
        if w.is_punct or w.is_capitalised or w.is_number or unit_word_at(text, words, k):
            break
        end = k + 1
        while end in glued:
            end += 1
        segment = _segment_text(words, k, glued)
        if w.text in function_words() and end == k + 1:
            break
        if (body := head_regex().match(text, w.start)) is not None:
            n = _words_in(words, k, body.end())
            nxt = _peek(words, k + n)
            if nxt is not None and (nxt.is_capitalised or unit_word_at(text, words, k + n)):
                break  # the parent body: "Ban giám hiệu trường THPT X"
        if segment in _clause_verbs():
            if k > j or not first:
                break
            verb_first = True
        kind = word_class(segment)
        if kind[:1] not in ("N", "V", "A"):
            break  # a function word: "không chỉ", "lẫn", "toàn thể"
        if k == j and not first and kind == "V" and (named or not _verb_before(words, j, glued)):
            break  # after a capitalised name, a verb is its predicate: "Ban Giám khảo chấm"
        joined_on = words[k - 1].text in (",", "và") and k > j
        if seen_noun and kind == "V" and not joined_on:
            break
        if joined_on and kind == "V":
            seen_noun = noun_before  # "phòng, chống": a coordination of verbs, no object yet
        noun_before = seen_noun
        seen_noun = seen_noun or kind == "N"
        only_verbs = only_verbs and kind == "V"
        k = last = end
    if only_verbs or (first and last - j < 2):
        return j, frozenset()  # "Quỹ lương", "Quỹ nhà này": a common noun, no name
    after = _peek(words, last)
    leads_to_name = (
        after is not None
        and _joined(text, words[last - 1], after)
        and (
            unit_word_at(text, words, last)
            or (after.is_capitalised and not head_regex().match(text, after.start))
        )
    )
    if (verb_first or named) and not leads_to_name:
        return j, frozenset()  # "Ban chỉ đạo chủ trì hội nghị.": the clause's predicate
    return last, frozenset(c for c in commas if c < last)


def _segment_start(j: int, glued: frozenset[int]) -> int:
    """Index of the first word of the segmented word that ``words[j]`` belongs to."""
    while j in glued:
        j -= 1
    return j


def _misjoined(words: list[Word], i: int, j: int, glued: frozenset[int]) -> bool:
    """Whether the segmenter glued the lowercase ``words[j]`` to a place name or a foreign
    word before it (in the name that starts at ``words[i]``) into no word of the language
    (``Mỹ trình``: ``Mỹ`` + the verb ``trình``; ``Equustek kiện``), unlike a word written
    capitalised in a name (``Mỹ thuật``)."""
    first = max(i, _segment_start(j, glued))
    if first == j:
        return False
    before = words[first:j]
    if fold_key(" ".join(w.text for w in before)) not in place_names() and not (
        all(_spelled_foreign(w.text) for w in before) and vietnamese_syllable(words[j].text)
    ):
        return False
    end = j + 1
    while end in glued:
        end += 1
    segment = " ".join(w.text for w in words[first:end])
    return segment.casefold() not in dictionary_words() and fold_key(segment) not in place_names()


def _adverbial(text: str, words: list[Word], j: int, glued: frozenset[int]) -> bool:
    """Whether the segmented word at ``words[j]`` is an adjective right before a verb: the
    manner of the clause's verb (``tích cực thực hiện``), not a word of the name before."""
    if _segment_start(j, glued) != j or word_class(_segment_text(words, j, glued)) != "A":
        return False
    k = j + 1
    while k in glued:
        k += 1
    if k >= len(words) or not _joined(text, words[k - 1], words[k]) or words[k].is_capitalised:
        return False
    return word_class(_segment_text(words, k, glued)) == "V"


def _trade_name(text: str, start: int) -> bool:
    """Whether a well-known name (``Viettel``, ``Người Lao Động``) or a trade head (``Điện
    lực``) starts at ``start``: it stays inside the name it ends (``Tập đoàn Viễn thông
    Viettel``, ``Báo Người Lao Động``, ``Công ty Điện lực X``)."""
    m = head_regex().match(text, start)
    return m is not None and (
        _BLANKS.sub(" ", m.group()) in known_names()
        or _BLANKS.sub(" ", m.group()) in _trade_heads()
    )


@cache
def _trade_heads() -> frozenset[str]:
    """Heads that are also a trade (``org_trade_heads.tsv``): ``Công ty Điện lực X``."""
    return frozenset(row["head"] for row in load_tsv("org_trade_heads.tsv"))


def _segment_text(
    words: list[Word], j: int, glued: frozenset[int], *, as_written: bool = False
) -> str:
    """The segmented word that starts at ``words[j]``, casefolded (or ``as_written``)."""
    k = j + 1
    while k in glued:
        k += 1
    segment = " ".join(w.text for w in words[j:k])
    return segment if as_written else segment.casefold()


@cache
def _clause_verbs() -> frozenset[str]:
    return frozenset(row["verb"] for row in load_tsv("org_clause_verbs.tsv"))


def _list_end(words: list[Word], i: int, end: int, joins: frozenset[int] = frozenset()) -> int:
    """``end``, or the first comma of the name when no ``và``/``&`` follows it.

    A comma stays inside a name only as a list of its fields closed by ``và``
    (``Bộ Văn hóa, Thể thao và Du lịch``) or as one of ``joins`` (a shortened coordination
    of a lowercase phrase); ``Bộ Tài chính, Công ty X`` are two bodies.
    """
    commas = [t for t in range(i, end) if words[t].text == "," and t not in joins]
    if commas and not any(words[t].text in ("và", "&") for t in range(commas[0], end)):
        return commas[0]
    return end


_BLANKS = regex.compile(r"[ \t]+")
_EXPANDABLE = regex.compile(r"[\w&]+(?:[.\-&][\w&]+)*\.?")


def _extend(
    text: str,
    words: list[Word],
    i: int,
    head: Head,
    head_len: int,
    place_ends: dict[int, int],
    glued: frozenset[int] = frozenset(),
) -> int:
    """Index after the whole ORG whose head covers ``words[i : i + head_len]``."""
    j = i + head_len
    if head.kind == "board":
        return _board_end(text, words, j, place_ends, glued)
    if head.kind == "either" and (
        place_complement(text, words, j, bare_names=False, place_ends=place_ends) > j
        or (head.bare and _starts_person(text, words, j))
    ):
        # its seat ("Đảng bộ Q. Ngũ Hành Sơn", "CLB TP HCM"), or its secretary's name after
        # a body that stands alone; a club's name may be a person's ("CLB Hoàng Anh Gia Lai")
        pass
    elif (
        head.kind == "named"
        and not _department(head)  # a department's whole name has no name after it
        and (named := _name_after_bracket(text, words, j, glued)) > j
    ):
        j = named  # "Bệnh viện (BV) Nhi Quảng Nam": the head's abbreviation, then the name
    elif head.kind in ("named", "either", "school"):
        j = _name_end(
            text,
            words,
            j,
            parent=head.parent,
            glued=glued,
            bridge=head.text in _bridge_heads(),
            bridge_to_place=head.text[:1].isupper(),
            field_head=head.text.casefold() in _FIELD_HEADS,
            complete=_folded_key(head.text) in folded_heads(),
            # a school's field after its level: "trường đại học sư phạm Đà Nẵng"
            phrase=_phrase_heads().get(head.text, "name" if head.kind == "school" else ""),
            named_head=head.kind == "school",
        )
        if j == i + head_len + 1 and words[j - 1].text in surnames():
            return i  # "Khoa Nguyễn": a family name alone names no body
        if j == i + head_len and head.text[:1].upper() + head.text[1:] in _subunit_heads():
            end = _subunit(text, words, j, place_ends, glued, head=head.text)
            if end > j:
                return end
        if (
            j == i + head_len
            and not head.bare
            and not head.parent
            and head.kind == "named"
            and not (head.text.casefold() in _UNIT_NAMED and unit_word_at(text, words, j))
        ):
            return i  # a bare "Sở", "Công ty": not one specific body
    j = _over_bracketed_abbreviation(text, words, j, place_ends)
    nxt = _peek(words, j)
    if nxt is not None and _joined(text, words[j - 1], nxt):
        if head.parent:
            m = head_regex().match(text, nxt.start)
            if m:
                parent = head_of(m.group())
                if head.text.casefold() in _INVESTIGATING_AGENCIES or (
                    parent.own_units
                    and (
                        head.text.split()[0].casefold() in _OWN_UNIT_HEADS
                        or _police_field(text, words, i + head_len, j)
                    )
                ):
                    # "Đội CSĐT | Công an TP X": the police unit, then its parent; "cơ quan
                    # điều tra | Viện KSND Tối cao": an investigating agency, then its body
                    return j
                k = _words_in(words, j, m.end())
                end = _extend(text, words, j, parent, k, place_ends, glued)
                if end > j:
                    return end
                if nxt.is_capitalised and parent.kind != "fixed":
                    return j + k  # "Thanh tra Sở", "Chi bộ Phòng khám": the body meant
        j = place_complement(text, words, j, bare_names=head.kind == "body", place_ends=place_ends)
        # A country then a place: "MTTQ Việt Nam TP Hà Nội".
        nxt = _peek(words, j)
        if nxt is not None and _joined(text, words[j - 1], nxt) and unit_word_at(text, words, j):
            j = place_complement(text, words, j, bare_names=False, place_ends=place_ends)
    return j


def _short_name_after_dash(text: str, words: list[Word], k: int) -> bool:
    """Whether ``words[k]``, after a spaced dash, is the body's own short name that ends the
    clause (``… Bảo Việt - BVSC``, ``… - SHS)``): three capitals or more (``GD – ĐT`` are the
    halves of a field's abbreviation) that are no field or body of the lexicon (``Sở Y tế -
    HĐND`` are two bodies), and nothing capitalised after them."""
    w = words[k]
    if not (
        w.is_abbreviation
        and _SHORT_NAME.fullmatch(w.text)
        and w.text not in abbreviations()
        and text[words[k - 1].start - 1 : words[k - 1].start] == " "
        and _joined(text, words[k - 1], w)
    ):
        return False
    nxt = _peek(words, k + 1)
    return nxt is None or not _joined(text, w, nxt) or not nxt.is_capitalised


def _police_field(text: str, words: list[Word], a: int, b: int) -> bool:
    """Whether ``words[a:b]`` name a police field (``CSĐT``, ``Cảnh sát giao thông``,
    ``An ninh``): the unit a police parent's own units are named by, not a board
    (``Ban Giám đốc Công an tỉnh``) or a Party committee of it."""
    if b <= a:
        return False
    name = expand(text[words[a].start : words[b - 1].end]).casefold()
    return name.startswith(("cảnh sát", "an ninh"))


def _board_end(
    text: str, words: list[Word], j: int, place_ends: dict[int, int], glued: frozenset[int]
) -> int:
    """Index after what a management board's head (``Ban quản lý dự án``) is followed by:
    its name (``2``, ``Thăng Long``, ``đường sắt``), a lowercase field up to its place
    (``đầu tư xây dựng công trình giao thông tỉnh X``) or a place alone; ``j`` when none."""
    named = _name_end(text, words, j, glued=glued, field_head=True)
    end = max(named, _subunit(text, words, j, place_ends, glued, limit=10))
    if end == j:
        return place_complement(text, words, j, bare_names=True, place_ends=place_ends)
    nxt = _peek(words, end)
    if end == named and nxt is not None and _joined(text, words[end - 1], nxt):
        return place_complement(text, words, end, bare_names=False, place_ends=place_ends)
    return end


@cache
def _board_prefix_words() -> frozenset[str]:
    """Syllables of the management-board prefixes (``Ban Quản lý``, ``BQL``), casefolded."""
    rows = load_tsv("org_boards.tsv")
    return frozenset(
        w.casefold() for r in rows if r["role"] == "prefix" for w in r["phrase"].split()
    )


def _proper_board(words: list[Word], k: int, head_len: int) -> bool:
    """Whether a board head is written as a name, its object capitalised (``Ban quản lý
    Khu kinh tế``, ``Ban Quản lý Dự án``): alone it still names the board meant."""
    rest = [w for w in words[k : k + head_len] if w.text.casefold() not in _board_prefix_words()]
    return bool(rest) and rest[0].is_capitalised


@cache
def _subunit_heads() -> frozenset[str]:
    return frozenset(row["head"] for row in load_tsv("org_subunit_heads.tsv"))


def _subunit(
    text: str,
    words: list[Word],
    j: int,
    place_ends: dict[int, int],
    glued: frozenset[int],
    limit: int = 7,
    head: str = "",
) -> int:
    """Index after a sub-unit with a lowercase name and its parent or place, else ``j``.

    ``Văn phòng đăng ký đất đai huyện X``, ``Đội tuần tra Đồn Biên phòng Y``: lowercase
    words (never a function word) up to a unit word with its place or a parent body's head.
    A police unit (``head`` in ``_OWN_UNIT_HEADS``) ends before its force: ``Đội tuần tra |
    Công an huyện X``.
    """
    k = j
    while k < len(words) and k - j < limit:
        w = words[k]
        if not _joined(text, words[k - 1], w) or w.is_punct or w.is_number:
            return j
        if not w.text[:1].isalpha() or (
            k == j
            and w.text in ("và", "hoặc")
            and k + 1 < len(words)
            and words[k + 1].is_capitalised
        ):
            return j  # "Trung tâm & Công viên", "Trung tâm và Báo X": two bodies
        if w.is_capitalised or unit_word_at(text, words, k):
            break
        if w.text.casefold() in function_words() and k not in glued and k + 1 not in glued:
            return j
        k += 1
    if k == j or k >= len(words) or k - j >= limit:
        return j
    if unit_word_at(text, words, k):
        return place_complement(text, words, k, bare_names=False, place_ends=place_ends)
    m = head_regex().match(text, words[k].start)
    if m is None:
        # "phòng cảnh sát Hình sự": the name's capitalised part ends it
        end = _name_end(text, words, k, glued=glued)
        return end if end > k else j
    parent = head_of(m.group())
    if parent.own_units and head.casefold() in _OWN_UNIT_HEADS:
        return k
    end = _extend(text, words, k, parent, _words_in(words, k, m.end()), place_ends, glued)
    return end if end > k else j


def _subunit_of_place(
    text: str,
    words: list[Word],
    j: int,
    head: Head,
    place_ends: dict[int, int],
    glued: frozenset[int],
) -> bool:
    """Whether a lowercase sub-unit head opens ``<head> <lowercase name> <unit word> …``
    (``văn phòng đăng ký đất đai huyện``)."""
    if head.text[:1].upper() + head.text[1:] not in _subunit_heads():
        return False
    end = _subunit(text, words, j, place_ends, glued)
    return end > j and any(unit_word_at(text, words, t) for t in range(j, end))


def _name_after_bracket(text: str, words: list[Word], j: int, glued: frozenset[int]) -> int:
    """Index after a name written after the head's bracketed abbreviation (``Bệnh viện (BV)
    Nhi Quảng Nam``), else ``j``."""
    if not _bracketed_abbreviation(text, words, j):
        return j
    after = _peek(words, j + 3)
    if (
        after is None
        or not after.is_capitalised
        or len(after.text) < 2  # "(HTX) H’Mông": a word the tokenizer cut at its apostrophe
        or not _joined(text, words[j + 2], after)
        # "Cục THADS (THADS) Vũ Quốc Doanh": its head; but a ward's name is the body's
        # ("Bệnh viện (BV) Bạch Mai")
        or (_starts_person(text, words, j + 3) and not _unit_name_after(text, words, j + 3))
    ):
        return j
    named = _name_end(text, words, j + 3, glued=glued)
    return named if named > j + 3 else j


def _unit_name_after(text: str, words: list[Word], i: int) -> bool:
    """Whether the two capitalised words from ``words[i]``, and no third, name a unit of the
    gazetteer at any level (``Bạch Mai``: a ward)."""
    from pipeline.resources.gazetteer import LEVELS, name_key, name_keys

    run = words[i : i + 3]
    return (
        len(run) >= 2
        and run[1].is_capitalised
        and not (len(run) == 3 and run[2].is_capitalised and _joined(text, run[1], run[2]))
        and name_key(text[run[0].start : run[1].end]) in name_keys(*LEVELS)
    )


def _bracketed_abbreviation(text: str, words: list[Word], j: int) -> bool:
    """Whether ``words[j : j + 3]`` is ``( ABBR )`` right after the previous word."""
    run = words[j : j + 3]
    return (
        len(run) == 3
        and j > 0
        and run[0].text == "("
        and run[2].text == ")"
        and run[1].is_abbreviation
        and text[words[j - 1].end : run[0].start] == " "
        and run[0].end == run[1].start
        and run[1].end == run[2].start
    )


def _over_bracketed_abbreviation(
    text: str, words: list[Word], j: int, place_ends: dict[int, int]
) -> int:
    """Index after a place that follows a bracketed abbreviation inside a name, else ``j``.

    ``Trung tâm Kiểm soát bệnh tật (CDC) Hà Nam`` is one ORG (guide v2: a bracketed
    abbreviation in the middle of a name stays inside it).
    """
    if not _bracketed_abbreviation(text, words, j):
        return j
    after = _peek(words, j + 3)
    if after is None or not _joined(text, words[j + 2], after):
        return j
    if after.is_number or _ROMAN.fullmatch(after.text):
        return j + 4  # "Viện Nghiên cứu Hải sản (NC-HS) II"
    end = place_complement(text, words, j + 3, bare_names=False, place_ends=place_ends)
    return end if end > j + 3 else j


_ROMAN = regex.compile(r"[IVX]{1,4}")


def _words_in(words: list[Word], i: int, end: int) -> int:
    n = 0
    while i + n < len(words) and words[i + n].end <= end:
        n += 1
    return max(n, 1)


def expand(text: str) -> str:
    """``text`` with each abbreviation spelled out (UBND xã X → Ủy ban nhân dân xã X)."""
    table = abbreviations()

    def one(m: regex.Match[str]) -> str:
        word = m.group()
        if word in table:
            return table[word]
        if word.startswith(("TP.", "Tp.")) and len(word) > 3:
            rest = word[3:]
            return f"thành phố {table.get(rest, rest)}"
        if "-" in word or "&" in word:
            return table.get(word, word)
        return word

    return _EXPANDABLE.sub(one, text)


def _glued(words: list[Word], word_ends: dict[int, int]) -> frozenset[int]:
    """Indices of words that continue the segmented word of the word before them."""
    out = set()
    current_end = -1
    for k, w in enumerate(words):
        if w.start in word_ends:
            current_end = word_ends[w.start]
        elif k and w.end <= current_end:
            out.add(k)
    return frozenset(out)


@cache
def _position_regex() -> regex.Pattern[str]:
    """Title positions (``titles.tsv``): a name never runs on into ``… và Chủ tịch``."""
    return phrase_regex((row["position"] for row in load_tsv("titles.tsv")), ignore_case=True)


def find_orgs(
    text: str,
    span: tuple[int, int],
    words: list[Word],
    word_starts: frozenset[int],
    place_ends: dict[int, int],
    word_ends: dict[int, int] | None = None,
    stops: frozenset[int] = frozenset(),
    segments: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int, str]]:
    """ORG spans ``(start, end, rule)`` in one line (``span``, its ``words``) of the text.

    A head must start a segmented word (``word_starts``), so ``bộ`` in ``cán bộ`` or
    ``sở`` in ``cơ sở`` never opens an ORG. A name ends before a word in ``stops`` (the
    start of a FIGURE or DATE: ``Bộ Quốc phòng 208 ha``). ``segments`` is
    ``sorted(word_ends.items())``: pass it when calling line by line, so that it is
    sorted once per document, not once per line.
    """
    excluded = [m.span() for m in _excluded().finditer(text, span[0], span[1])]
    glued = _glued(words, word_ends or {})
    place_spans = [(a, place_ends[a]) for a in range(span[0], span[1]) if a in place_ends]
    if segments is None:
        segments = sorted((word_ends or {}).items())
    out: list[tuple[int, int, str]] = []
    i = 0
    index = {w.start: k for k, w in enumerate(words)}
    for m in head_regex().finditer(text, span[0], span[1]):
        k = index.get(m.start())
        if k is None or k < i:
            continue
        head = head_of(m.group())
        # "Trưởng phòng Tư pháp huyện", "trưởng ban tài chính xã": a lowercase sub-unit
        # after the position of its head is written inside the position's word.
        after_position = bool(k) and words[k - 1].text.casefold() in _UNIT_CHIEF
        if (
            head.text[:1].islower()
            and m.start() not in word_starts
            and not after_position
            and not _abbreviated_school(head)  # "điểm thi trường THPT X": glued to "thi"
        ):
            continue
        if after_position and head.text[:1].islower():
            # Read as its capitalised head: "Trưởng ban Tuyên giáo Tỉnh ủy" holds the body
            # "Ban Tuyên giáo" of the committee, as "Trưởng Ban Tuyên giáo" does.
            upper = head_regex().match(
                text[: m.start()] + text[m.start()].upper() + text[m.start() + 1 : span[1]],
                m.start(),
            )
            if (
                upper is not None
                and upper.end() > m.end()
                and (
                    _department(head_of(upper.group()))  # a department's whole name
                    or head_regex().match(text, upper.end() + 1)
                    or upper.end() + 1 in place_ends
                )
            ):
                m, head = upper, head_of(upper.group())  # with its parent or place after it
        if any(a <= m.start() < b and m.end() <= b for a, b in excluded):
            continue  # "bộ đội" is soldiers; the longer head "Bộ đội Biên phòng" a body
        if _in_document_code(text, m.start()):
            continue
        if _inside_place(m.start(), m.end(), place_spans) or (
            _head_in_word(text, m.start(), m.end(), word_ends or {}, segments)
            and not _known_name_glued(text, m.start(), m.end())
        ):
            continue
        head_len = _words_in(words, k, m.end())
        if _inside_name_run(words, k, text):
            continue  # "Nguyễn Đăng Khoa Hà Nội": a person's given name, not a faculty
        nxt_word = _peek(words, k + head_len)
        if head.text[:1].islower() and nxt_word is not None and nxt_word.is_number:
            continue  # "phòng 3": a room number
        if (
            head.kind == "named"
            and nxt_word is not None
            and nxt_word.text in _CHIEF_SUFFIXES
            and _joined(text, words[k + head_len - 1], nxt_word)
        ):
            continue  # "Đội phó Đội CSGT": the post of the unit's chief, not a body
        if head.kind == "fixed" and _opens_longer_name(text, m.start(), m.end()):
            continue  # "AFC Cup", "AFC Bournemouth": a competition or a club, not the body
        if head.text in _GENERIC_HEADS and (
            nxt_word is None
            or not nxt_word.is_capitalised  # "Vụ Tổ chức cán bộ", "Cơ quan quản lý": a field
            or _event_regex().match(text, nxt_word.start)
            or head_regex().match(text, nxt_word.start)
        ):
            continue  # "Tổ chức Lễ hội …", "Cơ quan Công an": an event held, a generic body
        if (
            head.text in _CASE_HEADS
            and (
                SENTENCE_OPEN.search(text, max(0, m.start() - 3), m.start())
                or (
                    (inner := head_regex().match(text, m.end() + 1)) is not None
                    and inner.group() not in _GENERIC_HEADS  # "Vụ Tổ chức cán bộ" is a department
                )
                or text[m.end() + 1 : m.end() + 2].islower()
            )
        ):
            continue  # "Vụ Watergate", "Vụ Nhà máy nước X", "Vụ tai nạn": a case
        if (
            (head.text in surnames() or head.text in _CASE_HEADS)
            and _is_person_name(text, words, k + head_len, glued)
            and words[k + head_len].start not in place_ends
        ):
            continue  # "Đoàn Văn Hậu" is a person, "Đoàn Kiểm tra" a body
        after = _peek(words, k + head_len)
        if after is not None and after.text in _PLURAL:
            continue  # "UBND các xã": plural, not one body
        if (
            after is not None
            and after.text == "cấp"
            and unit_word_at(text, words, k + head_len + 1)
        ):
            continue  # "UBND cấp huyện": every body of a level, not one
        if (
            head.text.casefold() in _DELEGATION_HEADS
            and after is not None
            and after.start == m.end() + 1
            and (inner := head_regex().match(text, after.start)) is not None
            and inner.group()[:1].isupper()
        ):
            continue  # "Đoàn Ủy ban Quân vụ …": a delegation of the body named next
        if head.text.casefold() in _STANDING and _position_before().search(
            text[max(0, m.start() - 40) : m.start()].rstrip()
        ):
            continue  # "Phó Bí thư Thường trực Thành ủy": the post's qualifier, not the board
        if (
            head.text.casefold() in _STANDING
            and (post := _position_regex().match(text, m.start())) is not None
            and post.end() > m.end()
        ):
            continue  # "Thường trực Ban Bí thư": a post of its own (titles.tsv), not a board
        before = words[k - 1].text.casefold() if k else ""
        listed = (  # "các Bộ Giao thông Vận tải, Bộ Tài chính": each body named in full
            before in _PLURAL
            and head.kind == "named"
            and head.text[:1].isupper()
            and (nxt := _peek(words, k + head_len)) is not None
            and nxt.is_capitalised
            and not nxt.is_abbreviation
        )
        if (before in _PLURAL and not listed) or before in ("cấp", "một"):
            continue  # "các cấp Hội Nông dân", "các Sở, ngành": bodies of a kind, none named
        if _honorific_before(text, words, k):
            continue  # "ông Đoàn Văn Đảnh" is a person
        if k and head.kind != "fixed" and _counts(text, words, k - 1, stops):
            continue  # "5 BQL dự án", "3 Công ty": a count of bodies, not one
        if head.text[:1].islower() and not head.bare and not after_position:
            nxt = _peek(words, k + head_len)
            if nxt is None or not (
                nxt.is_capitalised
                or unit_word_at(text, words, k + head_len)
                or _subunit_of_place(text, words, k + head_len, head, place_ends, glued)
                # a shop's trade, then its name: "tiệm cầm đồ Minh Phát", "quán karaoke X"
                # (a firm's class noun keeps only the name: "công ty phần mềm Oracle")
                or (
                    head.text in _bridge_heads()
                    and head.text not in _CLASS_NOUNS
                    and _bridge(text, words, k + head_len, glued) > k + head_len
                )
                or (
                    head.kind == "school"
                    and _phrase_end(text, words, k + head_len, glued, first=True, named=True)[0]
                    > k + head_len
                )
            ):
                continue
        end = _extend(text, words, k, head, head_len, place_ends, glued)
        end = _trim(text, words, k + head_len, end, stops, word_ends or {})
        if end <= k + head_len and not head.bare and _anaphor_candidate(text, words, k, head):
            out.append((words[k].start, words[k + head_len - 1].end, "org.anaphor"))
            i = k + head_len
            continue
        if end == k + head_len and head.kind == "board" and _proper_board(words, k, head_len):
            pass  # "Ban Quản lý Dự án đã kiến nghị": the board named before, as a name
        elif end <= k or (
            end == k + head_len
            and not head.bare
            and not (
                head.text.casefold() in _INVESTIGATING_AGENCIES
                and (nxt := _peek(words, end)) is not None
                and _joined(text, words[end - 1], nxt)
                and head_regex().match(text, nxt.start)
            )
        ):
            continue
        if head.text[:1].islower() and end > k + head_len:
            name = text[words[k + head_len].start : words[end - 1].end]
            if head.text in _FIRM_CLASS_NOUNS and name in known_names():
                continue  # "ngân hàng Vietcombank": the class noun, then the well-known name
            if head.text in _CLASS_NOUNS and any(
                e.level == "country" for e in place_names().get(fold_key(name), ())
            ):
                continue  # "công ty Hàn Quốc này", "báo Mỹ": a nationality, no name
        end = _with_parent_suffix(text, words, end, head, place_ends)
        end = _with_seat(text, words, end, head, place_ends)
        after = _peek(words, end)
        if after is not None and after.text in _PLURAL and _joined(text, words[end - 1], after):
            continue  # "Chủ tịch Ủy ban MTTQ Việt Nam các tỉnh": one per province
        stop = words[end - 1].end
        if (
            end == k + head_len
            and text[m.end() : m.end() + 1] in "-–"
            and m.end() < stop
            and (joined := head_regex().fullmatch(text, m.end() + 1, stop))
        ):
            # "ASEAN-EU", "AFP-TTXVN": two bodies joined by a hyphen, each its own ORG
            out.append((words[k].start, m.end(), f"org.{head.kind}"))
            out.append((joined.start(), joined.end(), f"org.{head_of(joined.group()).kind}"))
            i = end
            continue
        if end == k + head_len and _HYPHEN_WORD.match(text, m.end(), stop):
            # "VOV-Trung tâm Tin": the agency, then its unit; "VOV-Tây Nguyên": a bureau
            place_end = place_ends.get(m.end() + 1)
            if place_end is not None and head.text in _media_names():
                end += _words_in(words, end, place_end) if place_end > stop else 0
                stop = max(stop, place_end)
            else:
                stop = m.end()
        out.append((words[k].start, stop, f"org.{head.kind}"))
        i = end
    return out


@cache
def _media_names() -> frozenset[str]:
    """Known names of kind media or agency (``org_known_names.tsv``)."""
    rows = load_tsv("org_known_names.tsv", key="name")
    return frozenset(r["name"] for r in rows if r["kind"] in ("media", "agency"))


# A hyphen and a capitalised word glued to an abbreviation head (VOV-Trung): the ORG ends
# at the hyphen, unless a medium's bureau place follows (VOV-Tây Nguyên, like VOV-TPHCM,
# whose abbreviation after the hyphen stays inside anyway).
_HYPHEN_WORD = regex.compile(r"-\p{Lu}[\p{Ll}\p{M}]")


@cache
def _sport_names() -> tuple[tuple[str, ...], frozenset[str]]:
    """Competitions, and one-word clubs casefolded (not_person_names.tsv)."""
    rows = load_tsv("not_person_names.tsv")
    return (
        tuple(r["text"] for r in rows if r["kind"] == "competition"),
        frozenset(r["text"].casefold() for r in rows if r["kind"] == "club"),
    )


_NEXT_WORD = regex.compile(r"[ \t]+([\p{L}\p{M}]+)")


def _opens_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the known name at ``start`` opens a competition's name (``AFC Cup``, ``AFC
    Champions League``) or is the affix of a club's (``AFC Bournemouth``)."""
    competitions, clubs = _sport_names()
    name = text[start:end]
    nxt = _NEXT_WORD.match(text, end)
    return any(
        (c.startswith(name + " ") and text.startswith(c, start))
        or (nxt is not None and text.startswith(c, nxt.start(1)))
        for c in competitions
    ) or (
        nxt is not None
        and nxt.group(1).casefold() in clubs
        and _known_kinds().get(name) != "club"  # a table: "Hull City - Tottenham Leicester"
    )


_DOCUMENT_CODE = regex.compile(r"\d[\w./-]*/[\w.-]*$")


def _in_document_code(text: str, start: int) -> bool:
    """Whether the head is the issuer part of a document number (``số 123/UBND-VP``)."""
    before = text[max(0, start - 30) : start]
    return bool(_DOCUMENT_CODE.search(before)) and not before.endswith(" ")


def _inside_name_run(words: list[Word], k: int, text: str) -> bool:
    """Whether the head continues a run of two capitalised words (a person's name)."""
    if k < 2 or not words[k].is_capitalised:
        return False
    a, b = words[k - 2], words[k - 1]
    return (
        all(x.is_capitalised and not x.is_abbreviation and not x.is_punct for x in (a, b))
        and _joined(text, a, b)
        and _joined(text, b, words[k])
        and a.text in surnames()
    )


_LOWER_NEXT = regex.compile(r" \p{Ll}")
# The standing members and board of a committee (org_heads.tsv): after a post they qualify
# it (Phó Chủ tịch Thường trực), before a committee they name its board.
_STANDING = frozenset({"thường trực", "thường vụ"})

# Heads that, capitalised and alone, refer back to the body named before them.
_ANAPHOR_HEADS = frozenset(
    {
        "Sở",
        "Bộ",
        "Cục",
        "Tổng cục",
        "Viện",
        "Bệnh viện",
        "Công ty",
        "Tập đoàn",
        "Ngân hàng",
        "Tòa án",
    }
)


def _anaphor_candidate(text: str, words: list[Word], k: int, head: Head) -> bool:
    """Whether a capitalised head with no name may refer back to a body named before
    (``Sở TT&TT Hà Nội … Sở đã tìm nguyên nhân``); kept only if one was (``component``)."""
    if head.text not in _ANAPHOR_HEADS:
        return False
    n = _words_in(words, k, words[k].start + len(head.text))
    nxt = _peek(words, k + n)
    if nxt is not None and (nxt.is_capitalised or nxt.is_number or nxt.text in _CHIEF_SUFFIXES):
        return False  # "hàm Cục trưởng": the head's chief, a post
    if k and words[k - 1].is_capitalised and _joined(text, words[k - 1], words[k]):
        return False  # "Yên Sở": the end of a place name
    window = text[max(0, words[k].start - 40) : words[k].start].rstrip()
    return not _position_before().search(window)


def _honorific_before(text: str, words: list[Word], k: int) -> bool:
    """Whether an honorific stands alone right before ``words[k]`` (``ông Đoàn Văn A``); the
    ``tướng`` that ends ``Thủ tướng`` or ``Thiếu tướng`` is a post's or a rank's last syllable.
    A profession is no such word: ``HLV Chelsea`` is the club's coach."""
    before = words[k - 1].text.casefold() if k else ""
    if before not in honorific_words() or before in honorific_words("profession"):
        return False
    pair = " ".join(w.text for w in words[max(0, k - 2) : k]).casefold()
    return not (
        (k >= 2 and pair in honorific_words())
        or _position_before().search(text[max(0, words[k].start - 40) : words[k].start].rstrip())
    )


@cache
def _position_before() -> regex.Pattern[str]:
    """A title position ending right before a head (``Giám đốc Sở``: part of a TITLE)."""
    body = _position_regex().pattern
    return regex.compile(body + r"$", _position_regex().flags)


def _counts(text: str, words: list[Word], n: int, stops: frozenset[int]) -> bool:
    """Whether ``words[n]`` is a count before a head (``5 BQL dự án``), not a year or a number
    of a unit (``quận 1``)."""
    w = words[n]
    if not w.is_number:
        return False
    if w.start in stops:
        return True
    if not (len(w.text) <= 3 and w.text.isdigit()):
        return False
    if n == 0:  # a headline's count, "43 trường THPT …"; "1 Công ty …" numbers a list
        return n + 1 < len(words) and words[n + 1].text[:1].islower()
    before = words[n - 1]
    if before.is_punct and before.end == w.start:
        return False  # the tail of a date, time or code: "ngày 2/6 UBND tỉnh X họp"
    if n >= 2 and f"{words[n - 2].text} {before.text}".casefold() == "tổng số":
        return True  # "tổng số 108 trường THPT": a total of bodies
    return not (
        before.is_capitalised
        or before.text.casefold() in _NUMBERED
        or unit_word_at(text, words, n - 1)
    )


# Last words of an enterprise's legal form, after which a group head stays in the name:
# Công ty Cổ phần Tập đoàn X, Công ty TNHH MTV Tổng công ty Y.
_LEGAL_FORM_ENDS = frozenset({"phần", "TNHH", "MTV", "CP"})

# Heads of ministries and departments, named by their field and never after a person.
# Named heads whose body may be named by its unit alone: the district hospital (Bệnh viện
# huyện X, Bệnh viện quận 1; Circular 37/2016/TT-BYT on district health services).
_UNIT_NAMED = frozenset({"bệnh viện"})

_FIELD_HEADS = frozenset({"bộ", "sở", "cục", "tổng cục", "chi cục", "vụ", "ủy ban", "ban", "đảng"})

# Syllables of legal forms and group heads; a name that starts with a family name may
# follow them (Công ty Cổ phần Hoàng Long, Công ty Cổ phần Tập đoàn Mai Linh).
_FORM_WORDS = frozenset({"Cổ", "phần", "Tập", "đoàn", "Tổng", "Trách", "nhiệm", "Hữu", "hạn"})

# The first syllable of a sub-unit chief's position: Trưởng phòng, Chánh văn phòng.
_UNIT_CHIEF = frozenset({"trưởng", "chánh"})

# Words after which a number is a rank, class or code, not a count: "năm thứ 4", "lớp 7".
_NUMBERED = frozenset({"thứ", "số", "lớp", "khóa", "khoá", "lần", "tổ", "khu", "đội", "tuổi"})


def _trim(
    text: str,
    words: list[Word],
    first: int,
    end: int,
    stops: frozenset[int],
    word_ends: dict[int, int],
) -> int:
    """``end`` cut before a FIGURE or DATE and before a dangling one-syllable lowercase word.

    ``Sở Xây dựng cấp phép``: ``cấp`` may continue a name (``cấp nước``) only inside a
    longer word; standing alone at the end it is the verb after the name.
    """
    for t in range(first, end):
        if words[t].start in stops:
            end = t
            break
    while end - 1 >= first:
        w = words[end - 1]
        if w.text[:1].islower() and w.text in _name_words() and word_ends.get(w.start) == w.end:
            end -= 1
            continue
        if w.text == ",":
            end -= 1  # the comma of a shortened coordination whose last word was cut
            continue
        break
    return end


def _with_parent_suffix(
    text: str, words: list[Word], end: int, head: Head, place_ends: dict[int, int]
) -> int:
    """``end`` moved over a national body the ORG belongs to (``Ủy ban Thường vụ Quốc hội``)."""
    if head.kind == "fixed" and parent_suffix_regex().fullmatch(head.text):
        return end
    if head.text in ("Đảng", "Chính phủ", "Quốc hội"):
        return end
    nxt = _peek(words, end)
    if nxt is None or not _joined(text, words[end - 1], nxt):
        return end
    m = parent_suffix_regex().match(text, nxt.start)
    longer = parent_suffix_regex().match(text, words[end - 1].start)
    if longer is not None and longer.end() > words[end - 1].end:
        m = longer  # "Ban Chấp hành TW Đoàn": the name read so far opens a longer suffix
    if m is None:
        return end
    end += _words_in(words, end, m.end())
    nxt = _peek(words, end)
    if nxt is not None and _joined(text, words[end - 1], nxt):
        # "Đoàn đại biểu Quốc hội TP Hà Nội", "Cục Tình báo Trung ương Mỹ"
        end = place_complement(text, words, end, bare_names=False, place_ends=place_ends)
    return end


#: A delegation named by the body it comes from: that body is the ORG.
_DELEGATION_HEADS = frozenset({"đoàn", "phái đoàn"})


@cache
def _seat_heads() -> frozenset[str]:
    return frozenset(row["head"].casefold() for row in load_tsv("org_seat_heads.tsv"))


def _with_seat(
    text: str, words: list[Word], end: int, head: Head, place_ends: dict[int, int]
) -> int:
    """``end`` moved over ``tại <place>`` after a body named by its seat (``org_seat_heads.tsv``:
    ``TAND cấp cao tại TP Hồ Chí Minh``)."""
    if head.text.casefold() not in _seat_heads():
        return end
    at = _peek(words, end)
    if at is None or at.text != "tại" or not _joined(text, words[end - 1], at):
        return end
    if _peek(words, end + 1) is None or not _joined(text, at, words[end + 1]):
        return end
    seat = place_complement(text, words, end + 1, bare_names=True, place_ends=place_ends)
    if seat <= end + 1 or place_ends.get(words[end + 1].start, -1) < words[seat - 1].end:
        return end  # only a place found as one: not "tại Thủ" of "tại Thủ đô X"
    return seat


def ends_by_start(mentions: list[Mention], label: str) -> dict[int, int]:
    """The longest ``label`` mention end for each start offset."""
    ends: dict[int, int] = {}
    for m in mentions:
        if m.label == label and m.end > ends.get(m.start, -1):
            ends[m.start] = m.end
    return ends


def component(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Add ORG mentions with ``expanded``."""
    text = ctx.text
    found = list(mentions)
    starts = ctx.word_starts
    word_ends = dict(ctx.word_spans)
    places = ends_by_start(mentions, "PLACE")
    stops = frozenset(
        m.start
        for m in mentions
        if m.label == "DATE" or (m.label == "FIGURE" and m.attrs.get("quantity") in _MEASURED)
    )
    segments = sorted(word_ends.items())
    for line in ctx.lines:
        for start, end, rule in find_orgs(
            text, line, ctx.words_of(line), starts, places, word_ends, stops, segments
        ):
            if rule == "org.anaphor" and not _named_before(text, found, start, end):
                continue
            found.append(Mention(LABEL, start, end, rule, {"expanded": expand(text[start:end])}))
    found.extend(_national_teams(ctx, found))
    found = _credit_sources(text, found)
    found = _source_slots(text, found)
    found = _names_closed_by_abbreviations(ctx, found)
    found = _names_up_to_abbreviations(ctx, found)
    found.extend(_defined_abbreviations(ctx, found))
    found = bare_clubs(ctx, home_clubs(ctx, clubs(ctx, firms(ctx, described_clubs(text, found)))))
    found = racing_teams(ctx, found)
    found.extend(firm_short_names(ctx, found))
    found.extend(described_firms(ctx, found))
    found.extend(_police_codes(text, found))
    found.extend(_countries_ending_bodies(text, found))
    found.extend(_cities_in_clubs(text, found))
    found = _armed_forces(text, found)
    found = _fields_before_verbs(ctx, found)
    found = _without_competitions(text, found)
    found = _without_nationalities(text, found)
    return _ministry_lists(text, found)


@cache
def _field_body_regex() -> regex.Pattern[str]:
    """A ministry or department by its field (``title_portfolios.tsv``: ``Bộ Công an``,
    ``Sở Xây dựng``), the longest field first, then a lowercase word."""
    bodies = phrase_regex(title_portfolios("body")).pattern
    fields = phrase_regex(title_portfolios("portfolio")).pattern
    # atomic: the longest field or none ("Sở Giao thông vận tải TP", not "Sở Giao thông")
    return regex.compile(rf"{bodies}[ \t]+(?>{fields})(?=[ \t]+\p{{Ll}})")


def _fields_before_verbs(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each ORG that runs from a ministry's or department's field into a
    verb, adverb or preposition cut after the field: ``Bộ Công an điều tra``, ``Bộ Xây dựng
    quản lý``, ``Bộ Tài chính về …`` name the ministry, then the clause goes on. A noun
    after the field stays (``Bộ Giao thông vận tải``, ``Bộ Công nghiệp nặng``)."""
    text = ctx.text
    out: list[Mention] = []
    for m in mentions:
        hit = _field_body_regex().match(text, m.start) if m.label == LABEL else None
        if hit is not None and hit.end() < m.end:
            nxt = ctx.word_at(hit.end() + 1)
            if nxt is not None and word_class(text[nxt[0] : nxt[1]]) in ("V", "R", "E"):
                span = text[m.start : hit.end()]
                m = Mention(LABEL, m.start, hit.end(), m.rule, {"expanded": expand(span)})
        out.append(m)
    return out


@cache
def _portfolio_regex() -> regex.Pattern[str]:
    """A ministry by its field alone (``title_portfolios.tsv``: Quốc phòng, Tài nguyên và
    Môi trường) or by the field's abbreviation (GTVT, TT&TT), in any case after its first
    letter."""
    fields = set(title_portfolios("portfolio"))
    folded = {f.casefold() for f in fields}
    fields |= {abbr for abbr, full in abbreviations().items() if full.casefold() in folded}
    pattern = phrase_regex(fields, ignore_case=True)
    # "Văn hóa,Thể thao và Du lịch": a field's own comma, its space sometimes lost.
    return regex.compile(pattern.pattern.replace(",[ \\t]+", ",[ \\t]*"), pattern.flags)


@cache
def _item_goes_on() -> regex.Pattern[str]:
    """A capitalised word or a place unit word after a field: the item is another body's
    name (``Công an tỉnh``, ``Tài chính Hà Nội``)."""
    units = phrase_regex(place_unit_words()).pattern
    return regex.compile(rf"[ \t]+(?:\p{{Lu}}|{units})")


# Between two items of a list: a comma or semicolon, "và", or both.
_ITEM_LINK = regex.compile(r"[ \t]*[,;][ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+")


def _field_items(text: str, pos: int) -> list[tuple[int, int]]:
    """The fields listed from ``pos`` on, each after a comma or "và" (``, Quốc phòng, Công
    an``), up to the first that is not a field or goes on into another body's name."""
    fields = _portfolio_regex()
    items: list[tuple[int, int]] = []
    while (gap := _ITEM_LINK.match(text, pos)) and (
        (item := fields.match(text, gap.end())) is not None
        and item.group()[:1].isupper()
        and not _item_goes_on().match(text, item.end())
    ):
        items.append(item.span())
        pos = item.end()
    return items


@cache
def _colon_list_regex() -> regex.Pattern[str]:
    """``các Bộ:``, ``các sở:``, ``các Bộ, ngành:``: a list of fields follows the colon
    (the bodies listed by their fields: ``title_portfolios.tsv``, kind ``body``)."""
    heads = "|".join(regex.escape(h) for h in title_portfolios("body"))
    return regex.compile(
        rf"\b[Cc]ác[ \t]+(?i:({heads}))(?:[ \t]*,[ \t]*ngành)?[ \t]*:[ \t]*", regex.V1
    )


def _ministry_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """Ministries and departments listed by their field alone after ``Bộ`` or ``Sở`` (``Bộ
    Xây dựng, Quốc phòng, Tài nguyên và Môi trường``, ``các Sở Tài chính, Xây dựng``) or after
    a colon (``các Bộ: Công Thương, Quốc phòng``): each field is its body, an ORG of its own.
    A name read across the list is cut back to the first body, one cut at a field's own comma
    is extended to it (``Bộ Văn hóa,Thể thao và Du lịch``)."""
    fields = _portfolio_regex()
    out: list[Mention] = []
    added: list[Mention] = []

    def add(items: list[tuple[int, int]], head: str) -> None:
        for a, b in items:
            added.append(
                Mention(
                    LABEL, a, b, "org.ministry_list", {"expanded": f"{head} {expand(text[a:b])}"}
                )
            )

    heads = title_portfolios("body")
    for m in mentions:
        head = next((h for h in heads if text.startswith(h + " ", m.start)), None)
        first = fields.match(text, m.start + len(head) + 1) if head else None
        if m.label != LABEL or first is None or not first.group()[:1].isupper():
            out.append(m)
            continue
        items = _field_items(text, first.end())
        pos = items[-1][1] if items else first.end()
        if m.end > first.end() and m.end != pos:
            out.append(m)  # one name that goes on past its field, not a list
            continue
        if m.end != first.end():  # cut back to the first field, or on to its own comma
            m = replace(m, end=first.end()).with_attrs(expanded=expand(text[m.start : first.end()]))
        out.append(m)
        add(items, head)
    for colon in _colon_list_regex().finditer(text):
        first = fields.match(text, colon.end())
        if (
            first is not None
            and first.group()[:1].isupper()
            and not _item_goes_on().match(text, first.end())
        ):
            add([first.span(), *_field_items(text, first.end())], colon.group(1).capitalize())
    taken = SpanIndex((m.start, m.end) for m in out if m.label == LABEL)
    return out + [m for m in added if not taken.overlaps((m.start, m.end))]


@cache
def _forces() -> dict[str, str]:
    """The forces of ``org_forces.tsv``, casefolded, and who holds each (country | abroad)."""
    return {r["force"].casefold(): r["holder"] for r in load_tsv("org_forces.tsv")}


@cache
def _force_regex() -> regex.Pattern[str]:
    """The forces of ``org_forces.tsv``, in any case."""
    return phrase_regex((r["force"] for r in load_tsv("org_forces.tsv")), ignore_case=True)


def _foreign_place(text: str, place: Mention) -> bool:
    """Whether ``place`` is a foreign place named bare (``London``, ``Hong Kong``)."""
    entries = place_names().get(fold_key(text[place.start : place.end]), ())
    return any(e.foreign for e in entries)


def _armed_forces(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a state's armed force, its country right after it (``quân đội
    Mỹ``, ``Không quân Syria``), or a police force abroad, its country or city after it
    (``Cảnh sát London``): one ORG, unless an ORG found already covers the words (``Bảo
    hiểm Quân đội``). A PLACE read from the force's last word on (``biển Nhật Bản`` of
    ``lực lượng bảo vệ bờ biển Nhật Bản``) gives way to the country."""
    places = {m.start: m for m in mentions if m.label == "PLACE"}
    taken = SpanIndex((m.start, m.end) for m in mentions if m.label == LABEL)
    out: list[Mention] = []
    dropped: set[Mention] = set()
    for m in _force_regex().finditer(text):
        place = places.get(m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
        swallowed = next(
            (p for p in places.values() if m.start() < p.start < m.end() < p.end), None
        )
        if place is None and swallowed is not None:
            hit = lexicon_at(text, m.end() + 1)
            if hit is not None and hit[0].level == "country" and hit[1] == swallowed.end:
                attrs = {"level": "country", "name": hit[0].canonical or hit[0].name}
                place = Mention("PLACE", m.end() + 1, hit[1], "place.in_body", attrs)
                dropped.add(swallowed)
                out.append(place)
        if place is None or not (
            place.attrs.get("level") == "country"
            or (
                _forces()[" ".join(m.group().casefold().split())] == "abroad"
                and _foreign_place(text, place)
            )
        ):
            continue
        end = place.end
        if taken.overlaps((m.start(), end)):
            continue
        out.append(Mention(LABEL, m.start(), end, "org.force", {"expanded": text[m.start() : end]}))
    return [m for m in mentions if m not in dropped] + out


def _countries_ending_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """PLACE mentions for a country, written as listed, that ends a body's name and was not
    read as a place (``Bộ Thương mại Mỹ trình …``, where the verb after it hid it): the guide's
    place inside a name. Not the countries read only after a cue (``place_names.tsv``, bare
    ``cue``: ``Việt``, ``Đức``, ``Anh``): at the end of a company's name they are its
    founder's (``Công ty Minh Đức``) or a word of it."""
    places = [(m.start, m.end) for m in mentions if m.label == "PLACE"]
    out: list[Mention] = []
    for m in mentions:
        if m.label != LABEL:
            continue
        words = text[m.start : m.end].split(" ")
        for n in (3, 2, 1):
            if len(words) <= n:
                continue
            name = " ".join(words[-n:])
            country = _listed_country(name)
            if country is None:
                continue
            start = m.end - len(name)
            if not any(a < m.end and start < b for a, b in places):
                attrs = {"level": "country", "name": country.canonical or country.name}
                out.append(Mention("PLACE", start, m.end, "place.in_body", attrs))
            break
    return out


def _cities_in_clubs(text: str, mentions: list[Mention]) -> list[Mention]:
    """PLACE mentions for the foreign city inside a listed club's name (``Real Madrid``,
    ``Bayern Munich``, ``Inter Milan``): the guide's place inside a name. Only a city
    (``foreign_places.tsv`` capital or city, the generated lists), never the club's whole
    name (``Liverpool`` alone is the club) nor a word that is the club's short name
    (``Bayern``)."""
    places = [(m.start, m.end) for m in mentions if m.label == "PLACE"]
    out: list[Mention] = []
    for m in mentions:
        if m.label != LABEL or text[m.start : m.end] not in club_names():
            continue
        words = list(regex.finditer(r"[^ ]+", text[m.start : m.end]))
        runs = [
            (i, j)
            for i in range(len(words))
            for j in range(min(len(words), i + 3), i, -1)
            if (i, j) != (0, len(words))
        ]
        for i, j in runs:
            start, end = m.start + words[i].start(), m.start + words[j - 1].end()
            city = next(
                (e for e in place_names().get(fold_key(text[start:end]), ()) if e.city), None
            )
            if (
                city is None
                or text[start:end] in club_names()  # "Bayern": the club's short name
                or any(a < end and start < b for a, b in places)
            ):
                continue
            attrs = {"level": "other", "name": city.canonical or text[start:end]}
            out.append(Mention("PLACE", start, end, "place.in_body", attrs))
            places.append((start, end))
    return out


@cache
def _team_regexes() -> tuple[regex.Pattern[str], regex.Pattern[str], frozenset[str]]:
    """Team heads, the qualifiers after them and the blockers before ``tuyển``
    (``org_teams.tsv``)."""
    rows = load_tsv("org_teams.tsv")
    heads_ = [r["phrase"] for r in rows if r["role"] == "head"]
    qualifiers = [r["phrase"] for r in rows if r["role"] == "qualifier"]
    return (
        phrase_regex(with_case_variants(heads_)),
        regex.compile(r"[ \t]+" + phrase_regex(with_case_variants(qualifiers)).pattern),
        frozenset(r["phrase"] for r in rows if r["role"] == "blocker"),
    )


def _national_teams(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """ORGs for national teams: a team head, qualifiers, then a country PLACE (``đội tuyển
    nữ Việt Nam``, ``U23 Thái Lan``). The head is a segmented word of its own (not the
    ``tuyển`` of ``trúng tuyển``, ``tuyển sinh``) and not plural (``các đội tuyển``)."""
    text = ctx.text
    countries = {
        m.start: m.end for m in mentions if m.label == "PLACE" and m.attrs.get("level") == "country"
    }
    if not countries:
        return []
    heads_, qualifier, blockers = _team_regexes()
    taken = SpanIndex((m.start, m.end) for m in mentions if m.label == LABEL)
    out: list[Mention] = []
    for m in heads_.finditer(text):
        a = m.start()
        word = ctx.word_at(a)
        if word is None or (word[0] != a and word[1] != m.end()):
            continue  # inside another word
        if text[m.end() : word[1]].strip()[:1].islower():
            continue  # "tuyển sinh", "tuyển thủ": another word
        before = text[max(0, a - 8) : a].split()
        if before and (before[-1].casefold() in _PLURAL or before[-1].casefold() in blockers):
            continue  # "các đội tuyển"; "trúng tuyển", "xét tuyển": a verb
        pos = m.end()
        while (q := qualifier.match(text, pos)) is not None and len(q.group()) < 40:
            pos = q.end()
        gap = regex.match(r"[ \t]", text[pos : pos + 1])
        if gap is None or pos + 1 not in countries:
            continue
        b = countries[pos + 1]
        if taken.overlaps((a, b)):
            continue
        span = text[a:b]
        expanded = "đội tuyển" + span[2:] if span.startswith("ĐT ") else expand(span)
        out.append(Mention(LABEL, a, b, "org.team", {"expanded": expanded}))
    return out


@cache
def _competition_after() -> regex.Pattern[str]:
    """A competition's word right after a name (``org_teams.tsv`` role ``competition``)."""
    words = [r["phrase"] for r in load_tsv("org_teams.tsv") if r["role"] == "competition"]
    return regex.compile(r"[ \t]+" + phrase_regex(words).pattern)


@cache
def _nationality_heads() -> tuple[str, ...]:
    return tuple(row["head"] + " " for row in load_tsv("org_nationality_heads.tsv"))


def _without_nationalities(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the ORGs that are a firm's or paper's head and a country alone
    (``Báo Mỹ``, ``tập đoàn Hàn Quốc``: org_nationality_heads.tsv): a nationality, no name."""

    def nationality(m: Mention) -> bool:
        span = text[m.start : m.end]
        head = next((h for h in _nationality_heads() if span.startswith(h)), None)
        rest = span[len(head) :] if head else ""
        return any(
            e.level == "country" and e.name == rest for e in place_names().get(fold_key(rest), ())
        )

    return [m for m in mentions if m.label != LABEL or not nationality(m)]


def _without_competitions(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the ORGs that name a competition with the word after them
    (``VTV Cup``, ``AFC Cup``): the broadcaster or federation gives the cup its name."""
    after = _competition_after()
    return [m for m in mentions if m.label != LABEL or after.match(text, m.end) is None]


_SITE_STEM_MIN = 5


@cache
def _media() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Outlet names (``org_media.tsv`` and the media rows of ``org_known_names.tsv``),
    first letter as written and the rest case-insensitive, and their domains."""
    rows = load_tsv("org_media.tsv", key="name")
    names = {r["name"] for r in rows} | {
        r["name"] for r in load_tsv("org_known_names.tsv") if r["kind"] in ("media", "agency")
    }
    domains = {r["domain"] for r in rows if r["domain"]}
    # A site is also credited by its domain's first label ("Theo vnexpress", "Theo Danviet");
    # a short label (e, plo, nld) is a word or an acronym more often than a site.
    stems = {d.split(".")[0] for d in domains if len(d.split(".")[0]) >= _SITE_STEM_MIN}
    body = "|".join(
        regex.escape(n[:1]) + f"(?i:{regex.escape(n[1:])})".replace("\\ ", "[ \\t]+")
        for n in sorted(names, key=lambda n: (-len(n), n))
    )
    sites = "|".join(regex.escape(d) for d in sorted(domains | stems, key=lambda d: (-len(d), d)))
    return (
        # after a dash only where a lowercase letter ends the word before: "Thanh Vũ-TTXVN"
        regex.compile(rf"(?<![\w&.@+]|(?<![\p{{Ll}}\p{{M}}])-)(?:{body})(?![\w&+]|\.\w)"),
        regex.compile(rf"(?<![\w.@/-])(?:www\.)?(?:{sites})(?![\w/-]|\.\w)", regex.IGNORECASE),
    )


# What opens a credit slot before an outlet's name (found in a text, or read back from a
# name's start), and what may close it.
_CREDIT_OPENING = (
    r"(?<![\w])[Tt]heo[ \t]+|\([ \t]*|(?i:(?<![\w])nguồn(?:[ \t]+(?:tin|ảnh))?)[ \t]*:[ \t]*"
    r"|(?<=\w)[ \t]*/[ \t]*"
    # a photographer's agency glued with a dash: "Ảnh: Thanh Vũ-TTXVN"
    r"|(?<=\p{Ll})[\-–]"
    # a compilation's sources: "(Tổng hợp từ Mirror)", "Tổng hợp theo AFP, Reuters"
    r"|(?<![\w])[Tt]ổng[ \t]+hợp(?:[ \t]+(?:từ|theo))?[ \t]*:?[ \t]*"
    # a line of its own: the source under the last paragraph
    r"|(?<=\n)[ \t]*"
)
_CREDIT_OPENER = regex.compile(_CREDIT_OPENING)
_CREDIT_BEFORE = regex.compile(rf"(?:{_CREDIT_OPENING})$")
_CREDIT_CHAIN = regex.compile(r"[ \t]*(?:[,/;]|và|-|–)[ \t]*")
# A bracket, the end of the line, or a full stop before the next sentence ("…, theo India
# Today. Con ngựa …": a caption or a source credited inside a paragraph), or two spaces
# before it (a caption whose line break was lost: "Ảnh: A/TTXVN  Phát biểu …").
_CREDIT_END = regex.compile(
    r"[ \t]*(?:\)|[.…]?[ \t]*(?:\n|$)|\.[ \t]+(?=\p{Lu}))|[ \t]{2,}(?=\p{Lu})"
)


_NEXT_SENTENCE = regex.compile(r" \p{Lu}")


def _caption_on_line(text: str, pos: int) -> bool:
    """Whether a caption's opener (``Ảnh:``, org_credit_words.tsv) stands earlier on the line
    of ``pos``, within a credit's length (``Ảnh: Name/`` or ``Ảnh: Name-`` before an agency)."""
    line_start = text.rfind("\n", 0, pos) + 1
    return _slot_regexes()[0].search(text, max(line_start, pos - 60), pos) is not None


def _longest(text: str, pos: int, *patterns: regex.Pattern[str]) -> regex.Match[str] | None:
    """The longest match at ``pos`` of ``patterns`` (``Sputnik News``, not ``Sputnik``); an
    unlisted masthead only when no word before its head is Vietnamese (``Theo Manila Times``
    opens on the credit word, not on the paper)."""
    hits = [m for p in patterns if (m := p.match(text, pos))]
    hits = [
        m
        for m in hits
        if m.re is not _masthead_regex()
        or not any(vietnamese_syllable(w) for w in m.group().split()[:-1])
    ]
    return max(hits, key=lambda m: m.end(), default=None)


@cache
def _masthead_regex() -> regex.Pattern[str]:
    """An unlisted English-language masthead: one to three Latin-script words, then the
    word of its kind (``org_credit_words.tsv`` masthead: ``Manila Times``, ``LBC Radio``)."""
    heads = alternation(
        [r["phrase"] for r in load_tsv("org_credit_words.tsv") if r["role"] == "masthead"]
    )
    return regex.compile(rf"(?:[A-Z][A-Za-z]*[ \t]+){{1,3}}(?:{heads})(?![\w&+]|\.\w)")


def _credit_sources(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with ORGs for the outlets that a credit names as the source (guide: a
    news agency or paper in a credit is an ORG): ``Theo X``, ``(Theo X)``, ``Nguồn: X``,
    ``(X)``, ``Name/X`` closed by a bracket or the end of the line, and ``Theo X, …`` in
    the body. A run of outlets (``Theo AFP, Reuters``) counts as one slot. The outlet's
    whole name replaces a shorter ORG inside it (``Zing`` of ``Theo Zing news``)."""
    names, sites = _media()
    masthead = _masthead_regex()
    # Outlets are looked up only where a credit opens (a scan of the whole text with the
    # alternation of every outlet name would cost more than the rest of this extractor).
    runs: list[list[tuple[int, int]]] = []
    seen: set[int] = set()
    for opener in _CREDIT_OPENER.finditer(text):
        pos, run = opener.end(), []
        while (hit := _longest(text, pos, names, sites, masthead)) and hit.end() > pos:
            run.append(hit.span())
            gap = _CREDIT_CHAIN.match(text, hit.end())
            if gap is None:
                break
            pos = gap.end()
        if run and run[0][0] not in seen:
            seen.add(run[0][0])
            runs.append(run)
    if not runs:
        return mentions
    runs.sort()
    taken = [(m.start, m.end) for m in mentions if m.label == LABEL]
    out: list[Mention] = []
    replaced: set[tuple[int, int]] = set()
    for run in runs:
        start, end = run[0][0], run[-1][1]
        opener = _CREDIT_BEFORE.search(text[max(0, start - 16) : start])
        if opener is None:
            continue
        theo = opener.group().lstrip(" \t")[:1] in "Tt"
        # "Ảnh: Thanh Vũ-TTXVN Hiện cả nước …": a caption's agency, the next sentence glued on
        captioned = opener.group().strip()[:1] in "/-–" and _caption_on_line(text, start)
        if not (
            _CREDIT_END.match(text, end)
            or (theo and text[end : end + 1] == ",")
            or (captioned and _NEXT_SENTENCE.match(text, end))
        ):
            continue
        if opener.group().strip().startswith("/") and not _byline_before(text, start):
            continue
        for a, b in run:
            overlapping = [(s, e) for s, e in taken if s < b and a < e]
            if any(not (a <= s and e <= b) or (s, e) == (a, b) for s, e in overlapping):
                continue  # already an ORG, or part of a longer one
            replaced.update(overlapping)
            span = text[a:b]
            out.append(Mention(LABEL, a, b, "org.credit", {"expanded": expand(span)}))
    kept = [m for m in mentions if not (m.label == LABEL and (m.start, m.end) in replaced)]
    return kept + out


@cache
def _slot_regexes() -> tuple[
    regex.Pattern[str], regex.Pattern[str], regex.Pattern[str], frozenset[str], regex.Pattern[str]
]:
    """Caption openers (``Ảnh:``), medium nouns (``tờ``, ``kênh``), reporter nouns (``PV``)
    and verbs of speaking to a paper (``trao đổi với``), the casefolded credit words that
    name no organisation, and transport operator nouns (``nhà xe``, ``taxi``), all of
    ``org_credit_words.tsv``."""
    rows = load_tsv("org_credit_words.tsv")
    operators = with_case_variants(r["phrase"] for r in rows if r["role"] == "operator")
    captions = [r["phrase"] for r in rows if r["role"] == "caption"]
    media = with_case_variants(r["phrase"] for r in rows if r["role"] == "medium")
    reporters = with_case_variants(
        r["phrase"] for r in rows if r["role"] in ("reporter", "interview")
    )
    return (
        regex.compile(rf"{phrase_regex(captions).pattern}[ \t]*:[ \t]*"),
        regex.compile(rf"{phrase_regex(media).pattern}[ \t]+"),
        regex.compile(rf"{phrase_regex(reporters).pattern}[ \t]+"),
        credit_words("nonsource"),
        regex.compile(rf"(?<![\p{{L}}\p{{M}}]){phrase_regex(operators).pattern}[ \t]+"),
    )


# A transport operator's name: one to three Title-case words, no abbreviation or number.
_OPERATOR_NAME = regex.compile(
    r"\p{Lu}[\p{Ll}\p{M}]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}]+){0,2}(?![\p{L}\p{M}\d])"
)
# An unlisted source: an acronym of three or more capitals, or Latin-script words.
_ACRONYM = regex.compile(r"\p{Lu}[\p{Lu}&]{2,7}(?![\w&]|\.\w)")
_LATIN_WORD = regex.compile(r"[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)?(?![\w&+]|\.\w)")


def _source_slots(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with ORGs for the source that a caption (``Ảnh: X``, ``Nguồn: X``) or a
    medium noun (``tờ X``, ``kênh X``, ``hãng tin X``) names: a listed outlet
    (``org_media.tsv``), an acronym (``Ảnh: RCP``) or Latin-script words of which one is no
    Vietnamese syllable (``tờ Bild``). A caption names one word, so the next sentence on
    its line stays out (``Ảnh: Sina Theo …``); two Latin words there may be a photographer.
    The outlet's whole name replaces a shorter ORG inside it (``The Washington Post``), and a
    listed outlet after ``kênh`` drops the canal PLACE read there (``kênh Fox News``). After
    a transport operator's noun (``nhà xe``, ``taxi``), the capitalised name is the operator
    (``org.operator``), unless a place's name opens it."""
    caption, medium, reporter, nonsource, operator = _slot_regexes()
    names, sites = _media()
    masthead = _masthead_regex()
    spans: list[tuple[int, int]] = []
    listed: set[tuple[int, int]] = set()  # outlets of the list: a place inside stays a PLACE
    # "kênh Fox News": a listed outlet after a medium noun that is also a place's unit word
    # (kênh, a canal) is the channel, not a canal.
    channels: dict[tuple[int, int], int] = {}
    for role, pattern in (("caption", caption), ("medium", medium), ("reporter", reporter)):
        for opener in pattern.finditer(text):
            pos = opener.end()
            hit = _longest(text, pos, names, sites, masthead)
            if hit and hit.end() > pos:
                spans.append(hit.span())
                listed.add(hit.span())
                if role == "medium":
                    channels[hit.span()] = opener.start()
                continue
            if role == "reporter":
                continue  # "PV Pháp Luật TP.HCM" is a paper, "PV Gas" a firm: listed ones only
            end = _unlisted_source(text, pos, caption=role == "caption")
            if end > pos and text[pos:end].casefold() not in nonsource:
                spans.append((pos, end))
    operated: set[tuple[int, int]] = set()
    for opener in operator.finditer(text):
        name = _OPERATOR_NAME.match(text, opener.end())
        if name is None or lexicon_at(text, name.start()):
            continue
        words = name.group().split()
        last = name.end() - len(words[-1])
        if dictionary_word_end(text, last, name.end()) is not None:
            continue  # "Taxi Thủ đô Sao": the name goes on in a lowercase syllable
        if len(words) < 3 or words[0] not in surnames():
            # not "tài xế taxi Nguyễn Văn Hoàng": a person's full name is the driver
            spans.append(name.span())  # "xe khách Mạnh Tiến", "taxi Mai Linh": the operator
            operated.add(name.span())
    if not spans:
        return mentions
    canals = {
        (m.start, m.end)
        for m in mentions
        if m.label == "PLACE" and any((m.start, m.end) == (o, b) for (_, b), o in channels.items())
    }
    mentions = [m for m in mentions if (m.start, m.end) not in canals or m.label != "PLACE"]
    taken = [(m.start, m.end) for m in mentions if m.label in (LABEL, "PLACE")]
    orgs = {(m.start, m.end) for m in mentions if m.label == LABEL}
    out: list[Mention] = []
    replaced: set[tuple[int, int]] = set()
    for a, b in sorted(set(spans)):
        overlapping = [(s, e) for s, e in taken if s < b and a < e]
        if any(not (a <= s and e <= b) or (s, e) == (a, b) for s, e in overlapping):
            continue  # already an ORG, part of a longer one, or a place
        if (a, b) not in listed and any(span not in orgs for span in overlapping):
            continue  # a place inside: "kênh Tàu Hủ"
        overlapping = [span for span in overlapping if span in orgs]
        replaced.update(overlapping)
        taken.append((a, b))
        rule = "org.operator" if (a, b) in operated else "org.source"
        out.append(Mention(LABEL, a, b, rule, {"expanded": expand(text[a:b])}))
    kept = [m for m in mentions if not (m.label == LABEL and (m.start, m.end) in replaced)]
    return kept + out


# Two or three capitals of the Vietnamese alphabet (no F, J, W, Z): the shape of a
# photographer's initials in a caption (Ảnh: LN, Ảnh: HTD).
_INITIALS_SHAPE = regex.compile(r"[A-EGHIK-VXYĐ]{2,3}")


def credit_initials(word: str) -> bool:
    """Whether ``word``, named by a caption (``Ảnh: HTD``), is a person's initials: shaped
    as initials, and no outlet (``org_media.tsv``: AP, PA, TTO), abbreviation (QH) or credit
    word naming no one (TL tư liệu, CTV) is written so, with or without dots (T.L)."""
    return (
        _INITIALS_SHAPE.fullmatch(word) is not None
        and not vietnamese_syllable(word.title())
        and _media()[0].fullmatch(word) is None
        and expand(word) == word
        and word.replace(".", "").casefold() not in _slot_regexes()[3]
    )


def _unlisted_source(text: str, pos: int, *, caption: bool) -> int:
    """End of an unlisted source name at ``pos`` (``pos`` when there is none)."""
    acronym = _ACRONYM.match(text, pos)
    if acronym:
        if vietnamese_syllable(acronym.group()) or _ACRONYM.match(text, acronym.end() + 1):
            return pos  # a byline in capitals: "Ảnh: LAN HƯƠNG", "Ảnh: BÁO ĐÀ NẴNG"
        if caption and credit_initials(acronym.group()):
            return pos  # "Ảnh: HTD": the photographer's initials
        return acronym.end()
    words: list[regex.Match[str]] = []
    at = pos
    while len(words) < 4 and (w := _LATIN_WORD.match(text, at)):
        if words and w.group().casefold() in foreign_first_names():
            break  # "ABC News Martha …": a person after the outlet
        words.append(w)
        gap = regex.match(r"[ \t]", text[w.end() : w.end() + 1])
        if gap is None:
            break
        at = w.end() + 1
    if not words or (caption and len(words) > 1):
        return pos  # "Ảnh: Jeff Bezos": a person, not a source
    if len(words[0].group()) == 1 and text[words[0].end() : words[0].end() + 1] == ".":
        return pos  # "Ảnh: V. ĐỒNG": an initial, not an outlet
    if caption and len(words) == 1 and credit_initials(words[0].group()):
        return pos  # "Ảnh: LN": the photographer's initials
    if caption and words[0].group().casefold() in foreign_first_names():
        return pos
    if all(vietnamese_syllable(w.group()) for w in words):
        return pos  # "kênh Long", "Ảnh: Minh": a Vietnamese name
    return words[-1].end()


_BYLINE_END = regex.compile(r"(?:\p{Lu}[\p{L}\p{M}.]*[ \t]+)*\p{Lu}[\p{L}\p{M}.]*[ \t]*/[ \t]*$")


def _byline_before(text: str, start: int) -> bool:
    """Whether ``Name/`` (capitalised words and a slash) ends right before ``start``."""
    return _BYLINE_END.search(text[max(0, start - 60) : start]) is not None


@cache
def _police_code_regexes() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    rows = load_tsv("org_police_codes.tsv", key="prefix")
    anywhere = "|".join(r["prefix"] for r in rows if r["scope"] == "any")
    ministry = "|".join(r["prefix"] for r in rows if r["scope"] == "ministry")
    tail = r"(?![\w/.,:-])"
    return (
        regex.compile(rf"(?<![\w/.-])(?:{anywhere})[ .]?\d{{2}}{tail}"),
        regex.compile(rf"(?<![\w/.-])(?:{ministry})\d{{2}}{tail}(?=\)?\s*[(,–-]?\s*[Bb]ộ Công an)"),
    )


def _police_codes(text: str, mentions: list[Mention]) -> list[Mention]:
    """ORGs for police department code names (``PC45``, ``PA 72``, ``C46 - Bộ Công an``)."""
    taken = [(m.start, m.end) for m in mentions if m.label == LABEL]
    out: list[Mention] = []
    for pattern in _police_code_regexes():
        for hit in pattern.finditer(text):
            a, b = hit.span()
            if not any(s < b and a < e for s, e in taken):
                out.append(Mention(LABEL, a, b, "org.police_code", {"expanded": hit.group()}))
                taken.append((a, b))
    return out


#: A body's abbreviation in brackets: capitals (``PVC``, ``C&T``, ``PVC.KBC``), capitals then
#: lowercase (``PVTex``, ``PetroVietnam``) or one unaccented word (``Vinachem``): companies
#: name themselves so, and no Vietnamese syllable is written without its marks that long.
_CAPS_ABBR = r"\p{Lu}[\p{Lu}\d&\-]*\p{Lu}[\p{Lu}\d]*"
_BRACKET_ABBR = (
    rf"{_CAPS_ABBR}(?:\.\p{{Lu}}{{2,}})?"
    r"|\p{Lu}{2,}\p{Ll}+|\p{Lu}\p{Ll}+\p{Lu}\p{L}*|\p{Lu}[a-z]{4,}"
)
_BRACKET_ABBR_MAX = 12  # a company's short name in brackets (Vietcombank)
_DASH_ABBR_MAX = 8
_ABBR_AFTER = regex.compile(
    rf" (?:\(({_BRACKET_ABBR})\)|[-–] (\p{{Lu}}[\p{{Lu}}\d&]*\p{{Lu}})(?![\w&.\-]))"
)
# A body's short name after a dash: capitals and digits, three to eight.
_SHORT_NAME = regex.compile(r"\p{Lu}[\p{Lu}\d&]{2,7}")


def _named_before(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """Whether an ORG before ``start`` opens with the same head and has a name."""
    head = text[start:end]
    return any(
        m.label == LABEL and m.end <= start and text[m.start : m.end].startswith(head + " ")
        for m in mentions
    )


# FIGURE quantities with a measurement unit: a name never runs into them (``Bộ Quốc phòng
# 208 ha``); a counted noun after a number may be a misread name number (``Bệnh viện 354``).
_MEASURED = frozenset({"area", "money", "percent", "length", "mass"})


#: A run of lowercase words (at most ten syllables) between a name and the abbreviation in
#: brackets that defines it: "Chính phủ đoàn kết dân tộc (GNA)".
_LOWER_RUN_TO_ABBR = regex.compile(
    r"[ \t]+(?P<run>[\p{Ll}\p{M}]+(?:[ \t]+[\p{Ll}\p{M}]+){0,9})"
    rf"(?=[ \t]*\((?P<abbr>{_BRACKET_ABBR})\))"
)


def _abbreviates_field(name: str, abbreviation: str) -> bool:
    """Whether ``abbreviation`` spells the initials of the last words of ``name`` only: the
    field's abbreviation, not the body's (``Ban Chỉ đạo công tác cải cách hành chính
    (CCHC)``, ``doanh nghiệp (DN)``)."""
    initials = "".join(w[0] for w in name.split()).upper().replace("Đ", "D")
    short = abbreviation.replace("Đ", "D")
    return len(short) < len(initials) and initials.endswith(short)


@cache
def _abbreviated_name_regex() -> regex.Pattern[str]:
    """A name from a head of ``org_abbreviated_heads.tsv`` up to its bracketed abbreviation:
    the head and the next word capitalised, at most twelve more words, no punctuation."""
    rows = load_tsv("org_abbreviated_heads.tsv")
    heads = sorted((r["head"] for r in rows), key=len, reverse=True)
    # a head may follow a full stop with no space (crawl residue: "quốc tế .Tổng công ty X")
    return regex.compile(
        r"(?<![\p{L}\p{M}\d])(?:" + "|".join(map(regex.escape, heads)) + r")"
        r"[ \t]+\p{Lu}[\p{L}\p{M}\-]*(?:[ \t]+[\p{L}\p{M}][\p{L}\p{M}\-]*){0,11}?"
        rf"(?=[ \t]*\({_CAPS_ABBR}\))"
    )


#: Lowercase words that may stand inside a name closed by its abbreviation: a verb, adverb
#: or preposition other than these makes the run a clause ("Nhà nước Hồi giáo tự xưng (IS)").
_NAME_LINKS = frozenset({"và", "của"})


def _names_closed_by_abbreviations(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each name that a bracketed abbreviation closes (``Lực lượng Dân chủ
    Syria (SDF)``) made one ORG, replacing the ORGs found inside it (``Quân đội Syria`` of
    ``Quân đội Syria Tự do (FSA)``); an ORG that runs past either end keeps its reading."""
    text = ctx.text
    orgs = [m for m in mentions if m.label == LABEL]
    out = list(mentions)
    for hit in _abbreviated_name_regex().finditer(text):
        a, b = hit.span()
        if any(m.start < b and a < m.end and (m.start < a or m.end > b) for m in orgs):
            continue
        words = {
            ctx.word_at(syllable.start()) or syllable.span()
            for syllable in regex.finditer(r"[\p{L}\p{M}\-]+", text, pos=a, endpos=b)
        }
        if any(
            text[s:e].islower()
            and text[s:e] not in _NAME_LINKS
            and word_class(text[s:e]) in ("V", "R", "E", "C", "P")
            for s, e in words
        ):
            continue
        out = [m for m in out if not (m.label == LABEL and a <= m.start and m.end <= b)]
        out.append(Mention(LABEL, a, b, "org.abbreviated_name", {"expanded": expand(text[a:b])}))
    return out


def _names_up_to_abbreviations(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each ORG that stops before a lowercase run and the abbreviation in
    brackets that defines the whole body widened over the run (``Chính phủ đoàn kết dân tộc
    (GNA)``, ``Liên đoàn Bóng đá thế giới (FIFA)``): the bracket closes the name. The run
    opens with no preposition or conjunction and ends on a noun or adjective, never a verb
    (``Nhà nước Hồi giáo tự xưng (IS)`` is the self-proclaimed state, ``… cho bác sĩ (BS)``
    the clause)."""
    text = ctx.text
    out: list[Mention] = []
    for m in mentions:
        hit = _LOWER_RUN_TO_ABBR.match(text, m.end) if m.label == LABEL else None
        if hit is not None:
            first = ctx.word_at(hit.start("run"))
            last = ctx.word_at(hit.end("run") - 1)
            if (
                first is not None
                and last is not None
                and first[0] == hit.start("run")
                and last[1] == hit.end("run")
                and word_class(text[first[0] : first[1]]) not in ("E", "C", "Cc", "R")
                and word_class(text[last[0] : last[1]]) in ("N", "Np", "A")
                and not _abbreviates_field(text[m.start : hit.end("run")], hit.group("abbr"))
            ):
                span = text[m.start : hit.end("run")]
                m = Mention(LABEL, m.start, hit.end("run"), m.rule, {"expanded": expand(span)})
        out.append(m)
    return out


def _defined_abbreviations(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """ORGs for an abbreviation that an ORG defines in brackets (``Tổng Công ty X (PVC)``).

    The guide makes a bracketed abbreviation at the end of a name an ORG of its own; the
    article then uses it for the same body, so every later standalone use is one too.
    """
    text = ctx.text
    orgs = [m for m in mentions if m.label == LABEL]
    taken = [(m.start, m.end) for m in mentions if m.label in (LABEL, "PLACE", "PERSON")]
    taken_index = SpanIndex(taken)  # the hits themselves never overlap (finditer)
    named_index = SpanIndex((m.start, m.end) for m in mentions if m.label in ("PLACE", "PERSON"))
    defined: dict[str, str] = {}
    for m in orgs:
        hit = _ABBR_AFTER.match(text, m.end)
        short = hit and (hit.group(1) or hit.group(2))
        if (
            short
            # two capitals only in brackets ("Ngân hàng Thế giới (WB)"), never a place's code
            and (
                3 <= len(short) <= (_BRACKET_ABBR_MAX if hit.group(1) else _DASH_ABBR_MAX)
                or (len(short) == 2 and hit.group(1))
            )
            and short not in defined
            and short not in abbreviations()  # a field (GTVT), not this body's name
            # a well-known body's short name is known: after it a bracketed word names
            # something else ("rời Liên minh châu Âu (Brexit)": the exit)
            and (short.isupper() or _known_kinds().get(text[m.start : m.end]) != "international")
            and not _position_regex().fullmatch(short)  # "đại biểu HĐND TP (ĐB)": its members
            and not named_index.overlaps(hit.span(1) if hit.group(1) else hit.span(2))
        ):
            defined[short] = m.attrs.get("expanded", text[m.start : m.end])
    if not defined:
        return []
    out: list[Mention] = []
    # a mixed-case short name comes back in any case ("PVTex", "PVtex", "PVTEX"); capitals
    # only as defined
    folded = {short.casefold(): full for short, full in defined.items() if not short.isupper()}
    pattern = regex.compile(
        r"(?<![\w&.\-])(?:" + "|".join(map(regex.escape, defined)) + r")(?![\w&\-])",
        regex.IGNORECASE if folded else 0,
    )
    for hit in pattern.finditer(text):
        a, b = hit.span()
        full = defined.get(hit.group()) or folded.get(hit.group().casefold())
        if full is None or not text[a].isupper() or taken_index.overlaps((a, b)):
            continue
        out.append(Mention(LABEL, a, b, "org.defined_abbr", {"expanded": full}))
    return out
