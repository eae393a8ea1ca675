"""Firms, schools and papers named by the English word that ends their name (``General
Motors``, ``Trungnam Group``, ``Deutsche Bank``, ``Straits Times``); and firms named whole
once (``Công ty Cổ phần Hòa Phát``), then by their proper name alone (``Hòa Phát``).

The words are ``not_person_names.tsv``'s kind ``firm``: legal forms (``Inc``, ``Ltd``,
``GmbH``) and the industry words firms put last (``Airlines``, ``Securities``). Such a name
is an ORG wherever it stands. Its proper name is the capitalised run right before the word,
after the sentence's opening word, a form of address or a post (``Sau``, ``ông``, ``TGĐ``)
and after a Vietnamese word that only introduces a foreign name (``Mỹ General Motors``,
``Cúp HD Bank``). A capitalised word after it continues a longer name
(``Geneva Motor Show`` is a show), so the firm's word is not the end there.
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.extractors.place_words import after_word, names_a_place, vietnamese_syllable
from pipeline.resources import (
    honorific_words,
    lead_words,
    load_tsv,
    named_thing_nouns,
    surnames,
)
from pipeline.resources.given_names import is_given_name
from pipeline.text.scan import SpanIndex, Word, phrase_regex
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

LABEL = "ORG"
RULE = "org.firm"
#: At most this many words of a proper name before the firm's word.
_NAME_WORDS = 4
_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}\d&'’.\-]*")
_VIETNAMESE_MARK = regex.compile(r"[^\x00-\x7F]")  # a letter with a diacritic


@cache
def firm_words() -> frozenset[str]:
    """The words that end a firm's name (``not_person_names.tsv``, kind ``firm``)."""
    return frozenset(r["text"] for r in load_tsv("not_person_names.tsv") if r["kind"] == "firm")


@cache
def _positions() -> regex.Pattern[str]:
    return phrase_regex(row["position"] for row in load_tsv("titles.tsv"))


def _name_start(text: str, words: list[Word], k: int) -> int:
    """Index of the first word of the proper name that ends before ``words[k]``."""
    i = k
    while i > 0 and k - i < _NAME_WORDS:
        w = words[i - 1]
        if (
            w.end + 1 != words[i].start
            or not _NAME_WORD.fullmatch(w.text)
            or w.text in lead_words()  # "Sau Vietnam Airlines", "VOV.VN Theo Yahoo News"
            # a Vietnamese word that introduces a foreign name: "Mỹ General Motors", "Cúp
            # HD Bank", "Ảnh: USA Today Tờ Washington Post"
            or (_VIETNAMESE_MARK.search(w.text) and not vietnamese_syllable(words[i].text))
        ):
            break
        i -= 1
    # a form of address or a post: "ông", "TGĐ Vina Capital"
    while i < k:
        if words[i].text.casefold() in honorific_words():
            i += 1
            continue
        post = _positions().match(text, words[i].start)
        if post is None or post.end() > words[k - 1].end:
            break
        i = _word_after(words, i, post.end())
    return i


def _word_after(words: list[Word], i: int, end: int) -> int:
    """Index of the first word from ``words[i]`` on that starts at or after ``end``."""
    while i < len(words) and words[i].start < end:
        i += 1
    return i


def firms(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the ORGs of firms named by their last word; an ORG that ends inside
    such a name is widened to it (``tập đoàn Dalian`` → ``tập đoàn Dalian Wanda Group``)."""
    text = ctx.text
    orgs = [m for m in mentions if m.label == LABEL]
    others = [m for m in mentions if m.label != LABEL]
    added: list[Mention] = []
    for line in ctx.lines:
        words = ctx.words_of(line)
        for k, w in enumerate(words):
            if w.text not in firm_words() or k == 0:
                continue
            end = k + 1
            while end < len(words) and words[end].text in firm_words():
                end += 1  # "Nissan Motor Co", "Alibaba Group Holding Ltd"
            nxt = words[end] if end < len(words) else None
            if nxt is not None and nxt.start == words[end - 1].end + 1 and nxt.is_capitalised:
                continue  # "Geneva Motor Show": a longer name goes on
            i = _name_start(text, words, k)
            if i == k or (
                i + 1 == k and _VIETNAMESE_MARK.search(words[i].text)
            ):  # "Nhóm Group": a Vietnamese word alone names no firm
                continue
            added.append(Mention(LABEL, words[i].start, words[end - 1].end, RULE))
    if not added:
        return mentions
    kept: list[Mention] = []
    for firm in sorted(added, key=lambda m: (m.start, -m.end)):
        if any(t.start <= firm.start and firm.end <= t.end for t in kept):
            continue  # "Group" of "Alibaba Group Holding Ltd" read once
        if any(o.end == firm.end for o in orgs):
            continue  # the paper or firm is read already: "Tờ Washington Post"
        inner = [o for o in orgs if firm.start <= o.start and o.end <= firm.end]
        outer = [o for o in orgs if o.start <= firm.start and firm.end <= o.end]
        widened = [o for o in orgs if o.start < firm.start < o.end < firm.end]
        crossing = [
            o
            for o in orgs
            if o not in inner
            and o not in outer
            and o not in widened
            and o.start < firm.end
            and firm.start < o.end
        ]
        if outer or crossing:
            continue
        orgs = [o for o in orgs if o not in inner and o not in widened]
        start = min([firm.start, *(o.start for o in widened)])
        span = text[start : firm.end]
        kept.append(Mention(LABEL, start, firm.end, RULE, {"expanded": span}))
    return others + orgs + kept


@cache
def _firm_heads() -> tuple[regex.Pattern[str], frozenset[str]]:
    """A firm's head with the legal forms after it (``org_firm_heads.tsv``), and the forms."""
    rows = load_tsv("org_firm_heads.tsv")
    heads = phrase_regex(r["word"] for r in rows if r["kind"] == "head").pattern
    forms = phrase_regex(r["word"] for r in rows if r["kind"] == "form").pattern
    return (
        regex.compile(rf"(?:{heads})(?:[ \t]+(?:{forms}))*[ \t]+"),
        frozenset(r["word"] for r in rows if r["kind"] == "form"),
    )


@cache
def _head_before() -> regex.Pattern[str]:
    """A firm's head and up to three lowercase words of its trade, ending right before a
    name: ``hãng xe Ford``, ``hãng điện thoại Vertu``, ``tập đoàn bán lẻ Walmart``."""
    heads = phrase_regex(r["word"] for r in load_tsv("org_firm_heads.tsv") if r["kind"] == "head")
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}])(?:{heads.pattern})"
        rf"(?:[ \t]+\p{{Ll}}[\p{{L}}\p{{M}}]*){{0,3}}[ \t]+\Z"
    )


_MODEL_CODE = regex.compile(r"\p{L}-\d")
_PROPER_RUN = regex.compile(
    r"(?:\p{Lu}[\p{L}\p{M}\d&'’.\-]*[ \t]+){0,3}\p{Lu}[\p{L}\p{M}\d&'’.\-]*\Z"
)


def _proper_name(written: str, *, headed: bool = False) -> str:
    """The proper name a firm's ORG ends with (``Hòa Phát`` of ``Công ty Cổ phần Hòa Phát``),
    the whole ORG when a firm's head is written before it (``headed``: ``hãng xe Ford``), or
    "" when there is no head or the name is a place's or a person's."""
    head, forms = _firm_heads()
    opening = head.match(written)
    if opening is None and not headed:
        return ""
    rest = written[opening.end() :] if opening else written
    run = _PROPER_RUN.search(rest)
    if run is None:
        return ""
    words = run.group().split()
    while words and words[0] in forms:
        words = words[1:]  # "Công ty TNHH MTV Sông Đà": the forms written in capitals
    name = " ".join(words)
    if (
        len(name) < 3
        or _MODEL_CODE.search(name)  # "Su-35", "Mig-29": a model's code names no firm
        or words[0] in lead_words()
        # "Công ty Điện lực Quảng Ninh": the province; communes lend firms their names
        or names_a_place(name, ("province", "district"))
        or (len(words) >= 2 and words[0] in surnames() and all(map(vietnamese_syllable, words)))
    ):
        return ""  # a firm named after its founder is his name too (Công ty Phi Thanh Vân)
    return name


def firm_short_names(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """ORGs where a firm named whole before (``Công ty Cổ phần Hòa Phát``, ``hãng xe Ford``)
    stands by its proper name alone (``Hòa Phát cho biết``): a whole word not glued to
    another capitalised word nor to a model's number (``Mig-35``), outside every mention."""
    text = ctx.text
    names: dict[str, int] = {}
    for m in mentions:
        if m.label != LABEL:
            continue
        headed = _head_before().search(text, max(0, m.start - 40), m.start) is not None
        if name := _proper_name(text[m.start : m.end], headed=headed):
            names.setdefault(name, m.start)
    if not names:
        return []
    taken = SpanIndex((m.start, m.end) for m in mentions)
    out = []
    for found in phrase_regex(names).finditer(text):
        s, e = found.span()
        if s < names[found.group()] or _glued(text, s, e) or _names_other(text, s):
            continue
        if taken.overlaps((s, e)):
            continue
        out.append(Mention(LABEL, s, e, "org.firm_short", {"expanded": found.group()}))
    return out


def _names_other(text: str, start: int) -> bool:
    """Whether the word before ``start`` makes the name a thing's or a person's: ``nhà máy
    Dung Quất``, ``mỏ vàng Bồng Miêu``, ``tàu Bảo Duy 09`` (the firm's works, named after
    it), ``Á hậu Phương Lê`` (its founder)."""
    return after_word(text, start, _thing_nouns()) or after_word(text, start, honorific_words())


@cache
def _thing_nouns() -> frozenset[str]:
    """The words after which a firm's proper name names a thing: its works and products
    (``org_firm_heads.tsv``, kind ``works``) and the things people are named after."""
    works = (r["word"] for r in load_tsv("org_firm_heads.tsv") if r["kind"] == "works")
    return frozenset(w.casefold() for w in (*works, *named_thing_nouns()))


_WORD_BEFORE = regex.compile(r"(\S+)[ \t]\Z")
_GLUED_AFTER = regex.compile(r"[ \t]\p{Lu}|-\d|[\p{L}\p{M}\d]")


def _glued(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is part of a longer word or name: a letter right
    before or after it, a capitalised word other than a sentence opener before it, a
    capitalised word or a model's number after it (``Mig-35``)."""
    if start and text[start - 1].isalnum():
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and before.group(1)[:1].isupper() and before.group(1) not in lead_words():
        return True
    return bool(_GLUED_AFTER.match(text, end))


#: A firm's proper name: one to four capitalised words (``Elpida Memory``, ``Key Safety
#: Systems``), digits and ``&`` inside them.
_FIRM_NAME = r"\p{Lu}[\p{L}\p{M}\d&\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}\d&\-]*){0,3}"


@cache
def _apposition_regex() -> regex.Pattern[str]:
    """A name opening its clause, a comma, then a noun of what a firm does
    (``org_firm_heads.tsv`` kind ``describer``: ``Takata, nhà sản xuất phụ tùng …``)."""
    describers = phrase_regex(
        r["word"] for r in load_tsv("org_firm_heads.tsv") if r["kind"] == "describer"
    )
    return regex.compile(
        rf"(?:^|(?<=[.!?:;\n“\"(][ \t]*)|(?<=[\p{{Ll}}\p{{M}}][ \t]))(?P<name>{_FIRM_NAME}),"
        rf"[ \t]+{describers.pattern}[ \t]"
    )


def described_firms(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """ORGs for a firm that a noun of its trade describes in apposition (``Takata, nhà sản
    xuất phụ tùng ô tô của Nhật Bản``); the article's other uses of that name alone are the
    same ORG (``Takata cho biết``). Only a name no Vietnamese syllables spell whole is read
    so (a Vietnamese name before a comma is as often a person's or a place's), none found as
    another mention, none after a noun of a product, and none opening with a first name (a
    film's producer)."""
    text = ctx.text
    taken = SpanIndex((m.start, m.end) for m in mentions)
    names = {
        hit.group("name")
        for hit in _apposition_regex().finditer(text)
        if not taken.overlaps(hit.span("name"))
        and not all(map(vietnamese_syllable, hit.group("name").split()))
        # "mẫu ThinkPad P51s, nhà sản xuất cho biết": a product, its maker speaking next
        and not after_word(text, hit.start("name"), _thing_nouns())
        # "Alex Kurtzman, nhà sản xuất danh tiếng": a film's producer, a person
        and not (" " in hit.group("name") and is_given_name(hit.group("name").split()[0]))
    }
    if not names:
        return []
    out: list[Mention] = []
    for found in phrase_regex(names).finditer(text):
        span = found.span()
        if taken.overlaps(span):
            continue
        out.append(Mention(LABEL, *span, "org.described_firm", {"expanded": found.group()}))
    return out
