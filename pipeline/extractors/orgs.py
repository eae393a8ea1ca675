"""ORG mentions: state and Party bodies, departments, companies, schools, media.

An ORG is a head from ``org_heads.tsv`` (``UBND``, ``Sở``, ``Công ty`` …) followed, by
its kind, by a name (capitalised words, abbreviations, numbers and the lowercase words
of ``org_name_words.tsv``) and/or the place it serves (``xã Liên Lộc``, bare ``tỉnh``,
``TP.HCM``). A sub-body head (``Ban Thường vụ``, ``Văn phòng``) runs on into the body it
belongs to; any other head starts a new ORG. ``expanded`` spells out abbreviations
from ``abbreviations.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from pipeline.resources import honorific_words, load_tsv, surnames
from pipeline.text.scan import Word, phrase_regex
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

LABEL = "ORG"
_PLURAL = frozenset({"các", "những"})


@dataclass(frozen=True, slots=True)
class Head:
    text: str
    kind: str  # fixed | body | named
    bare: bool
    parent: bool


@cache
def heads() -> dict[str, Head]:
    """Org heads keyed by their text as written in the lexicon."""
    return {
        row["head"]: Head(row["head"], row["kind"], row["bare"] == "yes", row["parent"] == "yes")
        for row in load_tsv("org_heads.tsv", key="head")
    }


@cache
def head_regex() -> regex.Pattern[str]:
    return phrase_regex(heads())


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
def _excluded() -> regex.Pattern[str]:
    return phrase_regex(row["phrase"] for row in load_tsv("org_exclusions.tsv"))


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
    if one in unit_words():
        return 1
    return 0


@cache
def admin_names() -> frozenset[str]:
    """Name keys of every province and district (``Hà Tĩnh``, ``Lâm Đồng``, ``Hồ Chí Minh``)."""
    from pipeline.resources.gazetteer import name_key, units

    return frozenset(name_key(u.name) for level in ("province", "district") for u in units(level))


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
    """A surname followed by another capitalised word: a person's name starts here."""
    w, nxt = _peek(words, i), _peek(words, i + 1)
    return (
        w is not None
        and nxt is not None
        and w.text in surnames()
        and nxt.is_capitalised
        and _joined(text, w, nxt)
        and not nxt.is_abbreviation
        and not starts_admin_name(text, words, i)
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
    if w.start in place_ends:
        return _words_in(words, i, place_ends[w.start]) + i
    if w.text.casefold().startswith("tp.") and len(w.text) > 3:
        return max(i + 1, _place_name_end(text, words, i))
    n = unit_word_at(text, words, i)
    if n:
        j = i + n
        nxt = _peek(words, j)
        if nxt is not None and _joined(text, words[j - 1], nxt):
            end = _place_name_end(text, words, j)
            if end > j:
                return end
        return j
    if (
        bare_names
        and w.is_capitalised
        and not _starts_person(text, words, i)
        and w.text.casefold() not in honorific_words()
    ):
        if head_regex().match(text, w.start):
            return i
        return _place_name_end(text, words, i)
    return i


def _name_end(
    text: str,
    words: list[Word],
    i: int,
    *,
    parent: bool = False,
    glued: frozenset[int] = frozenset(),
) -> int:
    """Index after the name that follows a ``named`` head (``i`` when there is none).

    With ``parent``, a body head right after the head ends the name at once: ``Ban Chấp
    hành Trung ương Đảng`` is the executive committee *of* the Central Committee.
    """
    j = i
    last_good = i
    first = _peek(words, i)
    starts_body = (
        first is not None and first.is_capitalised and head_regex().match(text, first.start)
    )
    if parent and starts_body:
        return i
    while True:
        w = _peek(words, j)
        if w is None:
            break
        comma = w.text == "," and w.start == words[j - 1].end
        if j > i and not (_joined(text, words[j - 1], w) or comma):
            break
        if w.text in ("và", "&", "-", "–", ","):
            nxt = _peek(words, j + 1)
            if (
                j > i
                and nxt is not None
                and nxt.is_capitalised
                and not head_regex().match(text, nxt.start)
                and not _position_regex().match(text, nxt.start)
                and not _starts_person(text, words, j + 1)
                and not unit_word_at(text, words, j + 1)
            ):
                j += 1
                continue
            break
        if w.is_punct or unit_word_at(text, words, j):
            break
        if _starts_person(text, words, j) and any(
            x.is_capitalised and not x.is_abbreviation for x in words[i:j]
        ):
            break  # "Giám đốc Sở Y tế Nguyễn Văn A"; but "Trường THCS Trần Phú" is one name
        if (
            j > i
            and w.is_capitalised
            and head_regex().match(text, w.start)
            and not (w.is_abbreviation and words[j - 1].is_abbreviation)
        ):
            break  # another body starts; "Ủy ban T.Ư MTTQ" runs on through abbreviations
        if w.is_capitalised or w.is_number or w.is_abbreviation:
            j += 1
            last_good = j
            continue
        proper_name_ended = (
            j - i >= 2
            and words[j - 1].is_capitalised
            and words[j - 2].is_capitalised
            and not words[j - 2].is_abbreviation
        )
        if j > i and j in glued and not words[j - 1].is_punct and not proper_name_ended:
            j += 1  # one segmented word with the syllable before it: "Chữ thập", "Cà phê"
            last_good = j
            continue
        if w.text in _name_words():
            if proper_name_ended:
                break  # a fully capitalised proper name ("MTTQ Việt Nam") has ended
            j += 1
            last_good = j
            continue
        break
    return last_good


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
    if head.kind == "named":
        j = _name_end(text, words, j, parent=head.parent, glued=glued)
        if j == i + head_len and not head.bare and not head.parent:
            return i  # a bare "Sở", "Công ty": not one specific body
    nxt = _peek(words, j)
    if nxt is not None and _joined(text, words[j - 1], nxt):
        if head.parent:
            m = head_regex().match(text, nxt.start)
            if m:
                parent = heads()[_BLANKS.sub(" ", m.group())]
                k = _words_in(words, j, m.end())
                end = _extend(text, words, j, parent, k, place_ends, glued)
                if end > j:
                    return end
        j = place_complement(text, words, j, bare_names=head.kind == "body", place_ends=place_ends)
        # A country then a place: "MTTQ Việt Nam TP Hà Nội".
        nxt = _peek(words, j)
        if nxt is not None and _joined(text, words[j - 1], nxt) and unit_word_at(text, words, j):
            j = place_complement(text, words, j, bare_names=False, place_ends=place_ends)
    return j


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
) -> list[tuple[int, int, str]]:
    """ORG spans ``(start, end, rule)`` in one line (``span``, its ``words``) of the text.

    A head must start a segmented word (``word_starts``), so ``bộ`` in ``cán bộ`` or
    ``sở`` in ``cơ sở`` never opens an ORG.
    """
    excluded = [m.span() for m in _excluded().finditer(text, span[0], span[1])]
    glued = _glued(words, word_ends or {})
    out: list[tuple[int, int, str]] = []
    i = 0
    index = {w.start: k for k, w in enumerate(words)}
    for m in head_regex().finditer(text, span[0], span[1]):
        k = index.get(m.start())
        if k is None or k < i:
            continue
        head = heads()[_BLANKS.sub(" ", m.group())]
        if head.text[:1].islower() and m.start() not in word_starts:
            continue
        if any(a <= m.start() < b for a, b in excluded):
            continue
        head_len = _words_in(words, k, m.end())
        after = _peek(words, k + head_len)
        if after is not None and after.text in _PLURAL:
            continue  # "UBND các xã": plural, not one body
        before = words[k - 1].text.casefold() if k else ""
        if before in _PLURAL or before == "cấp" or before in honorific_words():
            continue  # "các cấp Hội Nông dân"; "ông Đoàn Văn Đảnh" is a person
        if head.text[:1].islower() and not head.bare:
            nxt = _peek(words, k + head_len)
            if nxt is None or not (nxt.is_capitalised or unit_word_at(text, words, k + head_len)):
                continue
        end = _extend(text, words, k, head, head_len, place_ends, glued)
        if end <= k or (end == k + head_len and not head.bare):
            continue
        after = _peek(words, end)
        if after is not None and after.text in _PLURAL and _joined(text, words[end - 1], after):
            continue  # "Chủ tịch Ủy ban MTTQ Việt Nam các tỉnh": one per province
        out.append((words[k].start, words[end - 1].end, f"org.{head.kind}"))
        i = end
    return out


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
    for line in ctx.lines:
        for start, end, rule in find_orgs(
            text, line, ctx.words_of(line), starts, places, word_ends
        ):
            found.append(Mention(LABEL, start, end, rule, {"expanded": expand(text[start:end])}))
    return found
