"""PLACE mentions (administrative units, countries, regions, roads, rivers …) and the
``places`` linker that resolves them against :mod:`pipeline.resources.gazetteer`.

Rules, each a regex pass over the working text (the spaCy tokens only veto a unit word
that sits inside another word, as ``xã`` in ``Thông tấn xã``):

* ``place.unit_word``: a unit word of ``place_units.tsv`` and its name, a run of
  capitalised syllables or a number (``xã Liên Lộc``, ``TP.Buôn Ma Thuột``, ``phường 12``).
  An administrative name is cut to the longest prefix the gazetteer knows (``UBND tỉnh
  Thanh Hóa Đỗ Minh Tuấn`` → ``tỉnh Thanh Hóa``); ``thành phố X`` is a province when X is
  a centrally-run city, else a district. A landmark word (``title`` case: núi, hang, đèo,
  hồ …) capitalised opens a named landmark (``Núi Bà Đen``) unless the gazetteer knows the
  whole name as a unit (``Núi Thành``); ``Hồ``, also a family name, needs a place cue.
* ``place.bare_name``: a name of ``place_names.tsv`` written bare (``Hà Nội``, ``Lào``).
* ``place.state_name``: a formal state name (``nước Cộng hòa xã hội chủ nghĩa Việt Nam``,
  ``Vương quốc Bỉ``).
* ``place.compass``: the halves of the country in ``từ Bắc vào Nam`` (regions, ``other``).
* ``place.list_after_unit``: the names listed after a plural unit word (``các xã Đồng
  Tân, Trung Tú và X``, ``7 tỉnh: Quảng Nam, …``), one PLACE each.
* ``place.parenthesised`` / ``place.parent_chain``: the parent unit written after a place
  (``xã Cao Nhân (Thủy Nguyên, Hải Phòng)``), when the gazetteer knows it at a higher level.
* ``place.bare_admin``: a district or commune the gazetteer knows, written bare: after a
  place preposition (``từ Mai Châu``; a commune only with a known parent after it), in a
  list after a place of the same level (``quận 9, Thủ Đức, Bình Tân``), or in a list of
  three or more known districts (``các đơn vị: Bình Lục, Thanh Liêm, Duy Tiên``).
* ``place.hosted_name``: a district or commune the gazetteer knows, written bare after an
  ORG head that takes a place or a site named after its unit (``Công an Cầu Giấy``,
  ``Điện lực Hai Bà Trưng``, ``Bến xe Yên Nghĩa``).
* ``place.route``: a district the gazetteer knows, written bare as an end of a route
  (``tuyến Hòa Bình - Móng Cái``, ``từ Thanh Hóa đi Tĩnh Gia``); a road section or line
  named by its ends after a route word (``tuyến Kim Liên - Ô Chợ Dừa``), one place ``other``.
* ``place.historical_state``: a state of the past after a noun of statehood (``nước Âu
  Lạc``, ``thời Văn Lang - Âu Lạc``), level ``country``.
* ``place.address_street``: the street of an address after a house or alley number
  (``ngụ 25B Nguyễn Văn Cừ``, ``hẻm 120 Trần Hưng Đạo``), level ``other``.
* ``place.known_name``: a name the article introduced with its unit word, written bare
  later (``xã Phù Chẩn`` … ``Phù Chẩn đạt 16/19 tiêu chí``; ``thành phố Antwerp`` …
  ``Antwerp``, a foreign name, level other); a country that is also a name
  or a word (``Đức``, ``Nga``), read once with its cue, written bare again — unless the
  article also writes it as a person's name, the pronoun or an ethnic group.
* ``place.in_body`` (added by :mod:`pipeline.extractors.orgs`, which knows the bodies): a
  country that ends a body's name, read there without a cue (``Bộ Thương mại Mỹ``).

Every mention has ``level`` and ``name`` (without the unit word); overlapping candidates
keep the one starting first (then the longest).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

import regex

from pipeline.extractors.orgs import club_names, known_names
from pipeline.extractors.place_words import (
    ADDRESS_NUMBER,
    ADMIN_LEVELS,
    CHAIN_GAP,
    COUNT_AT_END,
    COUNTRY_CUE,
    DASH,
    DASHED_WORD_AT_END,
    LETTERS,
    LIST_GAP,
    LOWER_NEXT,
    NAME_AND_QUOTE_AT_END,
    NUMBER,
    OPTIONAL_SPACE,
    PERSON_LABELS,
    SPACE,
    STATE_NAME,
    SYLLABLE,
    TRAILING_NUMBER,
    Candidate,
    PlaceName,
    UnitWord,
    address_regex,
    after_bearing,
    after_word,
    bearing_before,
    body_heads,
    clean,
    context_words,
    country_at,
    cut_person,
    fold,
    fold_key,
    foreign_first_names,
    foreign_name_at,
    foreign_shaped,
    historical_state_regex,
    host_regex,
    host_words,
    is_abbreviation,
    is_capitalised_at,
    known,
    known_prefix,
    lexicon_at,
    lexicon_entry,
    list_intro_end,
    list_intro_regex,
    name_attr,
    name_matcher,
    name_starts,
    person_like,
    place_names,
    school_hosts,
    sport_article,
    syllable_before,
    syllable_run,
    unit_for,
    unit_match,
    unit_regex,
    unit_words,
    vietnamese_syllable,
)
from pipeline.extractors.titles import post_words
from pipeline.resources import (
    column_set,
    credit_words,
    gazetteer,
    honorific_rows,
    honorific_words,
    kinship_compound_words,
    lead_words,
    lead_words_ending_no_name,
    name_particles,
    surnames,
)
from pipeline.text.scan import SpanIndex, phrase_regex, with_case_variants
from pipeline.text.segment import dictionary_word_end, dictionary_words
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

_LEVEL_ORDER = (*ADMIN_LEVELS, "other")
_JOINED_ON = regex.compile(r"[\-.'’]\p{L}")
_LOWER_WORD_AFTER = regex.compile(r"[ \t]+(\p{Ll}[\p{L}\p{M}\d]*)")


@cache
def _known_names_by_first_word() -> dict[str, tuple[str, ...]]:
    """The well-known names of two words or more (org_known_names.tsv) by their first word."""
    out: dict[str, list[str]] = {}
    for name in known_names():
        first, _, rest = name.partition(" ")
        if rest:
            out.setdefault(first, []).append(name)
    return {first: tuple(names) for first, names in out.items()}


def _opens_known_name(text: str, start: int, end: int) -> bool:
    """The name opens a well-known firm's or body's name (``Vietnam Airlines``), which the
    segmenter reads as one word: a place inside a name is a PLACE all the same (guide)."""
    for name in _known_names_by_first_word().get(text[start:end], ()):
        after = start + len(name)
        if text.startswith(name, start) and not text[after : after + 1].isalnum():
            return True
    return False


_WORD_AFTER = regex.compile(r"[ \t]+([\p{L}\p{M}]+)")


def _opens_masthead(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` opens a paper's name, its kind written after it
    (``Manila Times``, ``Chicago Tribune``: ``org_credit_words.tsv``, role ``masthead``), which
    the segmenter reads as one word: the place inside the name is a PLACE (guide)."""
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1).casefold() in credit_words("masthead")


def _credit_slot(text: str, start: int) -> bool:
    """Whether ``start`` follows a word that names a source: ``Theo``, a medium noun (``tờ``,
    ``kênh``) or a caption's credit (``Ảnh:``), as ``org_credit_words.tsv`` lists them."""
    before = text[max(0, start - 30) : start].rstrip(" \t")
    if before.endswith(":"):
        return after_word(before, len(before) - 1, credit_words("caption"))
    return after_word(text, start, credit_words("medium") | {"theo"})


def _foreign_name_goes_on(text: str, end: int) -> bool:
    """Whether the foreign name ending at ``end`` goes on: a hyphen or dot and a letter
    (Al-Bab, St. Louis) or a lowercase word no Vietnamese syllable spells (Deir ez Zor,
    Grand i10)."""
    if _JOINED_ON.match(text, end):
        return True
    after = _LOWER_WORD_AFTER.match(text, end)
    return after is not None and not vietnamese_syllable(after.group(1))


class _Finder:
    """All PLACE candidates of one article."""

    def __init__(self, ctx: DocContext, mentions: Sequence[Mention]) -> None:
        self.text = ctx.text
        self.ctx = ctx
        self.tokens = list(ctx.words)
        self.token_starts = [start for start, _ in self.tokens]
        self.persons = sorted((m.start, m.end) for m in mentions if m.label in PERSON_LABELS)
        self.candidates: list[Candidate] = []
        self._ethnic_names: dict[str, bool] = {}
        self._surnames_elsewhere: dict[str, bool] = {}
        self._known_runs: dict[tuple[int, str], int | None] = {}

    # -- unit words -------------------------------------------------------------------

    def unit_words(self) -> None:
        text = self.text
        for m in unit_regex().finditer(fold(text)):
            unit = unit_for(text[m.start() : m.end()])
            if unit is None:
                continue
            if unit.level == "other" and self._numbered_road_after(m.end()):
                # "giao lộ Quốc lộ 1": the road names the crossing, read on its own; "đường
                # vành đai 3": the road noun and the road's name are one PLACE (the segmenter
                # often glues them into one word, so no token veto here)
                if unit.word == "đường" and not self._after_blocker(m.start(), unit):
                    self._road_with_its_noun(m.start(), m.end())
                continue
            if self._blocked(m.start(), m.end(), unit):
                continue
            found = self._unit_name(m.start(), m.end(), unit)
            if (
                found is not None
                and unit.case == "foreign"
                and (
                    not foreign_shaped(found.name) or lexicon_at(text, found.end - len(found.name))
                )
            ):
                # "căn cứ Nghị định 5": on the basis of, not a base; "căn cứ California":
                # a base in the place, which is the PLACE
                found = None
            if found is not None and unit.numbered == "chain" and not self._parent_after(found.end):
                found = None  # "tổ 3", "khối 8": a team, a school year; "tổ 10, thị trấn X"
            if found is None:
                self._plural_list(m.start(), m.end(), unit, None)
                continue
            cand = found
            if text[cand.start : cand.end] in club_names():
                # "Sông Lam Nghệ An": a club named after a river and its province; the river
                # inside is a PLACE of its own, up to the province
                cut = next(
                    (
                        b.start()
                        for b in regex.finditer(r"(?<=[ \t])\S", text, pos=m.end(), endpos=cand.end)
                        if lexicon_at(text, b.start()) is not None
                    ),
                    None,
                )
                if cut is None:
                    continue
                end = len(text[:cut].rstrip())
                cand = replace(cand, end=end, name=clean(text[m.end() : end]))
            self.candidates.append(cand)
            if unit.numbered == "yes" and _NUMBER_NAME.fullmatch(cand.name):
                self._numbered_list(cand)
            elif not self._plural_list(m.start(), m.end(), unit, cand):
                self._and_item(cand)

    def _road_with_its_noun(self, start: int, end: int) -> None:
        """A road named by its number after the noun ``đường`` (``đường Vành đai 1``,
        ``đường Quốc lộ 1A``): one PLACE from the noun on."""
        inner = unit_match(self.text, end + 1)
        unit = unit_for(self.text[inner[0] : inner[1]]) if inner else None
        if inner is None or unit is None or unit.level != "other" or unit.word == "đường":
            return  # "đường quận 1", "đường đường X": an address, a typo
        found = self._unit_name(inner[0], inner[1], unit)
        if found is not None and found.name[:1].isdigit():
            self.candidates.append(replace(found, start=start))

    def _numbered_road_after(self, end: int) -> bool:
        """Whether a unit word named by a number (``Quốc lộ``, ``Tỉnh lộ``) follows ``end``."""
        if self.text[end : end + 1] != " ":
            return False
        inner = unit_match(self.text, end + 1)
        unit = unit_for(self.text[inner[0] : inner[1]]) if inner else None
        return unit is not None and unit.numbered in ("yes", "only")

    def _after_blocker(self, start: int, unit: UnitWord) -> bool:
        """A word before the unit word makes it something else (``làn đường``, ``Thông tấn
        xã``: place_context.tsv, kind before)."""
        context = context_words()
        return after_word(
            self.text,
            start,
            (*context.before.get(unit.word.casefold(), ()), *context.before.get("*", ())),
        )

    def _blocked(self, start: int, end: int, unit: UnitWord) -> bool:
        text = self.text
        context = context_words()
        if self._after_blocker(start, unit):
            return True
        # A unit word inside a word the segmenter made (xã in "Thông tấn xã", bản in "văn
        # bản") does not open a place; a capitalised or abbreviated word before it may be a
        # segmentation slip ("TTXVN Tỉnh"), so only a lower-case one vetoes.
        i = bisect.bisect_right(self.token_starts, start) - 1
        if i >= 0:
            t_start, t_end = self.tokens[i]
            if t_start == start and t_end > end and LOWER_NEXT.match(text, end, t_end):
                return True  # the first syllable of another word: hồ sơ, xã hội, cầu thủ
            if t_start < start < t_end:
                prev = syllable_before(text, start)
                if (
                    prev
                    and prev[0] >= t_start
                    and prev[1].casefold() not in context.open
                    and self._joined_word(t_start, prev[0], start, end)
                ):
                    if (
                        text[start].islower()
                        and (
                            prev[1][0].islower()
                            # "Thánh đường Hồi giáo": a capitalised word's second syllable
                            or f"{prev[1]} {text[start:end]}".casefold() in dictionary_words()
                        )
                    ):
                        return True
                    # A landmark word is a common noun too: "Lao động", "Di Động" are one
                    # word, while a capitalised one after a lower-case noun opens a name all
                    # the same ("đình Làng X" is the temple of the village Làng X).
                    if unit.case == "title" and not is_abbreviation(prev[1]):
                        return prev[1][0].isupper()
                    if prev[1][0].islower() and unit.case != "title" and unit.level != "village":
                        return True
        return False

    def _joined_word(self, t_start: int, prev_start: int, start: int, end: int) -> bool:
        """The segment ending at the unit word makes one word with it (``văn bản``, ``lao
        động``, ``làn đường``); not when the segmenter glued the unit to a whole dictionary
        word before it and the two make no word (``sinh thái`` + ``thác`` in ``khu du lịch
        sinh thái thác X``)."""
        if not self.text[prev_start].islower():
            return True
        words = dictionary_words()
        glued_word = self.text[t_start:start].strip().casefold() in words
        return not glued_word or any(
            self.text[a:end].casefold() in words for a in (t_start, prev_start)
        )

    def _after_descriptor(self, pos: int, level: str) -> int:
        """Where the name starts after a descriptor between the unit word and it (``huyện
        miền núi Tân Phú``, ``xã biên giới Mường Lát``): only when the gazetteer knows the
        name at the unit's level (``huyện miền núi Đồng Nai`` is a district of Đồng Nai)."""
        text = self.text
        lowered = text[pos : pos + 24].casefold()
        for descriptor in context_words().descriptor:
            gap = SPACE.match(text, pos + len(descriptor))
            if not lowered.startswith(descriptor) or gap is None:
                continue
            syls = syllable_run(text, gap.end(), dashes=False)
            if syls and known_prefix(text, syls, level):
                return gap.end()
        return pos

    def _unit_name(self, start: int, end: int, unit: UnitWord) -> Candidate | None:
        text = self.text
        written_unit = text[start:end]
        tight = unit.case == "exact" or unit.word.endswith(".")
        gap = (OPTIONAL_SPACE if tight else SPACE).match(text, end)
        if gap is None:
            return None
        pos = gap.end()
        span_start = start if unit.in_span else pos
        if unit.level in ADMIN_LEVELS:
            pos = self._after_descriptor(pos, unit.level)
        if unit.case == "title" and written_unit[0].isupper() and not self._landmark(start, pos):
            return None
        if (
            unit.word.casefold() in context_words().dated
            and (dated := _dated_name_regex().match(text, pos))
            and 1 <= int(dated["day"]) <= 31
            and 1 <= int(dated["month"]) <= 12
        ):
            return Candidate(
                span_start,
                dated.end(),
                unit.level,
                dated.group(),
                "place.dated_name",
                written_unit,
            )
        if unit.numbered in ("yes", "only", "address", "chain"):
            num = (ADDRESS_NUMBER if unit.numbered == "address" else NUMBER).match(text, pos)
            if num:
                if (
                    unit.numbered == "only"
                    and unit.case != "exact"  # "QL1A hướng về": an abbreviation counts nothing
                    and LOWER_NEXT.match(text, num.end())
                ):
                    return None  # "đội 3 người": a count
                if len(unit.word) == 1 and not self._parent_after(num.end()):
                    return None  # "Audi Q3": a model; "P6, Q3, TP.HCM": an address
                level = "district" if unit.level == "city" else unit.level
                return Candidate(
                    span_start, num.end(), level, num.group(), "place.unit_word", written_unit
                )
            if unit.numbered == "only":
                return None
        for blocked in (
            *context_words().name.get(unit.word.casefold(), ()),
            *context_words().name.get("*", ()),
        ):
            if text.startswith(blocked, pos) and not _is_letter(text, pos + len(blocked)):
                return None
        for alone in context_words().alone.get(unit.word.casefold(), ()):
            end_alone = pos + len(alone)
            if (
                text.startswith(alone, pos)
                and not _is_letter(text, end_alone)
                and not (
                    SPACE.match(text, end_alone)
                    and is_capitalised_at(text, SPACE.match(text, end_alone).end())
                )  # type: ignore[union-attr]
            ):
                return None  # "võ sư Vịnh Xuân" (Wing Chun), not "vịnh Xuân Đài"
        lexicon = lexicon_at(text, pos)
        if (
            lexicon is not None
            and lexicon[0].level == "country"
            and (not unit.in_span or unit.word in context_words().country)
        ):
            return None  # "xứ Hàn", "căn cứ không quân Nga": the country, read by its cue
        if lexicon is not None and lexicon[0].bare == "cue":
            lexicon = None
        if lexicon is not None and lexicon[0].foreign:
            entry, lex_end = lexicon
            # "bang California Jerry Brown": the state ends where its name does; a foreign
            # city or province with its unit word: thành phố New York. Otherwise a Vietnamese
            # unit of the same name: phường Hồ Nam.
            if (unit.level == "other" and entry.level == "other") or (
                unit.level in ("province", "city") and not known(text[pos:lex_end], "province")
            ):
                return Candidate(
                    span_start,
                    lex_end,
                    "other",
                    clean(text[pos:lex_end]),
                    "place.unit_word",
                    written_unit,
                )
            lexicon = None
        if lexicon is not None and unit.level in ("province", "city", "district", "commune"):
            entry, lex_end = lexicon
            if entry.level in ("other", "country") and (
                unit.level == "city" or not known(text[pos:lex_end], unit.level)
            ):
                # "các tỉnh Nam bộ": the region is written bare after a classifier; but
                # "phường Phương Đông" is a ward the gazetteer knows
                return None
            if entry.level == "province" and (
                unit.level == "province" or (unit.level == "city" and entry.central)
            ):
                return Candidate(
                    span_start,
                    lex_end,
                    "province",
                    name_attr(entry, text[pos:lex_end]),
                    "place.unit_word",
                    written_unit,
                )
        level = unit.level
        if level == "city":
            level = "district"
        syls = syllable_run(text, pos, dashes=level == "other")
        if not syls:
            return None
        if level in ADMIN_LEVELS:
            n = known_prefix(text, syls, level)
            short = unit.case == "exact" and len("".join(LETTERS.findall(unit.word))) <= 2
            # "P. Thu Hà", "P.V" are initials and "TT Hà Nội" a centre, while
            # "P.Bến Nghé", "TT Phong Điền" are units the gazetteer knows.
            if (
                short
                and level in ("district", "commune")
                and not unit.word.startswith("TX")
                and (n == 0 or syls[n - 1][1] - syls[0][0] < 2)
            ):
                return None
            if n == 0:
                if unit.case == "typo":
                    return None  # "huyên X" is huyện X only for a district the gazetteer knows
                if self._capitalised_inside(start, written_unit, unit):
                    return None  # "số 9 Xã Đàn": a street named after an old unit
                n = cut_person(text, syls)
                if unit.in_span and person_like(text, syls) and self._parent_after(syls[-1][1]):
                    n = len(syls)  # "xã Lý Thường Kiệt, huyện Yên Mỹ": named after a person
                elif person_like(text, syls[:n]) or (
                    not unit.in_span
                    and (
                        n > 2
                        or person_like(text, syls)
                        or (
                            text[syls[0][0] : syls[0][1]] in surnames()
                            and not any(
                                known(text[syls[0][0] : syls[-1][1]], lv) for lv in ADMIN_LEVELS
                            )
                        )
                    )
                ):
                    return None  # "Chủ tịch xã Nguyễn Văn Sơn", "Thành ủy Tất Thành Cang"
                foreign = level in ADMIN_LEVELS and foreign_shaped(
                    text[syls[0][0] : syls[n - 1][1]]
                )
                if n == 1 and (
                    syls[0][1] - syls[0][0] == 1
                    or (LOWER_NEXT.match(text, syls[0][1]) and not foreign)
                ):
                    return None  # "cấp tỉnh Từ ngày 15/01": a capitalised word, not a name
                if foreign:
                    level = "other"  # "thành phố Mosul": a foreign city (guide v2)
                    syls = syllable_run(text, pos, dashes=True)  # Al-Raqqa, not "Cannes - Pháp"
                    n = next(
                        (
                            i
                            for i in range(1, len(syls))
                            if text[syls[i - 1][1] : syls[i][0]] not in (" ", "-")
                            # a Vietnamese word after a foreign one opens the next clause
                            or (
                                vietnamese_syllable(text[syls[i][0] : syls[i][1]])
                                and not vietnamese_syllable(text[syls[i - 1][0] : syls[i - 1][1]])
                            )
                        ),
                        len(syls),
                    )
        elif level == "village":
            n = cut_person(text, syls)
            if person_like(text, syls[:n]):
                return None  # "Trưởng thôn Nguyễn Văn Trịnh"
            word = self.ctx.word_at(syls[n - 1][1] - 1)
            if (
                text[start].isupper()
                and word is not None
                and word[1] > syls[n - 1][1]
                and LOWER_NEXT.match(text, syls[n - 1][1])
            ):
                return None  # "Bản Ghi nhớ", "Làng Văn hóa": a capitalised noun, not a unit
        else:
            n = len(syls)
        # "Khu dự trữ sinh quyển Langbiang Theo ông …": a lead word that ends no name, before
        # a lowercase one, opens the next sentence, whose full stop was lost (not the last
        # syllable of a unit the gazetteer knows: huyện Ba Vì, cầu Việt Trì - Ba Vì)
        n = next(
            (
                i
                for i in range(1, n)
                if text[syls[i][0] : syls[i][1]] in lead_words_ending_no_name()
                and LOWER_NEXT.match(text, syls[i][1])
                # "cầu Chà Và", "sông Kỳ Cùng": a word of the name with the syllable before it
                and text[syls[i - 1][0] : syls[i][1]].casefold() not in dictionary_words()
                and not any(
                    known(text[syls[k][0] : syls[i][1]], lv)
                    for k in range(i)
                    for lv in ADMIN_LEVELS
                )
            ),
            n,
        )
        name_end = syls[n - 1][1]
        if level in ("village", "other") and n == len(syls):
            trailing = TRAILING_NUMBER.match(text, name_end)
            if trailing:
                name_end = trailing.end()
        return Candidate(
            span_start,
            name_end,
            level,
            clean(text[pos:name_end]),
            "place.unit_word",
            written_unit,
        )

    def _landmark(self, start: int, pos: int) -> bool:
        """Whether a capitalised landmark word at ``start`` (``Núi``, ``Hang``, ``Hồ``) and the
        name at ``pos`` are a named landmark: not an administrative unit the gazetteer knows
        (``Núi Thành``, ``Bến Cát``) or a lexicon name (``Hồ Chí Minh``); for a word that is
        also a family name, a place cue before it or another place in its list, and no person
        cue (an honorific before it, an age or birth year after it)."""
        text = self.text
        syls = syllable_run(text, pos, dashes=False)
        if not syls or lexicon_at(text, start) is not None:
            return False
        end = syls[-1][1]
        after = _NEXT_SYLLABLE.match(text, end)
        if (
            after is not None
            and after.group(1).islower()
            and f"{text[syls[-1][0] : end]} {after.group(1)}".casefold() in dictionary_words()
        ):
            return False  # "Quảng trường Thời đại", "Công viên Địa chất": a word goes on
        if any(
            known(text[start : syls[n - 1][1]], lv)
            for n in range(1, len(syls) + 1)
            for lv in ADMIN_LEVELS
        ):
            return False
        word = text[start:pos].strip()
        if word not in surnames():
            return True
        if after_word(text, start, honorific_words()) or _PERSON_AFTER.match(text, end):
            return False  # "ông Hồ A", "nhà thơ Hồ B", "Hồ C (45 tuổi)"
        if text[syls[0][0] : syls[0][1]] in context_words().middle:
            return False  # "Hồ Văn A", "Hồ Thị B"
        return after_word(text, start, context_words().landmark) or self._listed_with_place(
            start, end
        )

    def _listed_with_place(self, start: int, end: int) -> bool:
        """A list item next to ``start:end`` opens with a place unit word in its first two
        words: ``như: Hồ A, kè sông B, đường C``."""
        text = self.text
        gap = LIST_GAP.match(text, end)
        if gap and self._unit_opens_item(gap.end()):
            return True
        offset = max(0, start - 60)
        before = _ITEM_BEFORE.search(text[offset:start])
        return bool(before) and self._unit_opens_item(offset + before.start(1))

    def _unit_opens_item(self, pos: int) -> bool:
        text = self.text
        for _ in range(2):
            if self._unit_word_at(pos):
                return True
            word = _LOWER_WORD.match(text, pos)
            if word is None:
                return False
            pos = word.end()
        return False

    def _capitalised_inside(self, start: int, written: str, unit: UnitWord) -> bool:
        """A lower-case unit word written with a capital inside a sentence (``Xã``, ``Huyện``):
        with a name the gazetteer does not know it is a proper name (a street, a shop)."""
        if (
            unit.case == "exact"
            or not unit.in_span
            or unit.level not in ("district", "commune")
            or not written[0].isupper()
        ):
            return False  # Tỉnh ủy, Thành phố are written with a capital as a rule
        sentence_start = self.ctx.sentence_of(start)[0]
        before = self.text[sentence_start:start].strip(" \t\"'“‘-–—•*:(")
        return bool(before) and not before.endswith(("\n", "."))

    def _parent_after(self, end: int) -> bool:
        """A higher unit written right after ``end``: ``, huyện X``, ``, Yên Mỹ``, ``(Hà Nam)``."""
        text = self.text
        gap = CHAIN_GAP.match(text, end)
        if gap is None:
            return False
        pos = gap.end()
        if unit_match(text, pos) or lexicon_at(text, pos) is not None:
            return True
        syls = syllable_run(text, pos, dashes=False)
        return bool(syls) and any(
            known(text[pos : syls[-1][1]], lv) for lv in ("district", "province")
        )

    def _and_item(self, first: Candidate) -> None:
        """A second name joined by ``và`` to a singular unit word and its name: ``thôn Bản
        Phố và Na Hối`` (two villages), ``xã Liên Lộc và Đa Lộc``. An administrative name
        must be known at that level; any name is one whole run, not a person's."""
        if first.level not in ("village", "commune", "district") or not first.unit:
            return
        gap = _AND.match(self.text, first.end)
        if gap is None:
            return
        pos = gap.end()
        item = self._list_item(pos, first.level)
        if item is None or lexicon_at(self.text, pos) is not None:
            return
        syls = syllable_run(self.text, pos, dashes=False)
        if item.end != syls[-1][1] or len(syls) > 3:
            return
        if first.level in ADMIN_LEVELS and not known(self.text[pos : item.end], first.level):
            return
        self.candidates.append(item)

    def _plural_list(self, start: int, end: int, unit: UnitWord, first: Candidate | None) -> bool:
        """Names listed after a plural unit word: ``các xã A, B và C``, ``7 tỉnh: A, B``;
        whether the unit word was plural."""
        if not unit.in_span or unit.numbered == "only" or not self._plural(start):
            return False  # "các đội bóng lớn như …": đội names a unit only with its number
        text = self.text
        level = "province" if unit.level == "city" else unit.level
        street = unit.word.casefold() in context_words().street
        if first is not None:
            pos, level = first.end, first.level
        elif level == "other":
            return True
        else:
            pos = self._list_start(end)
            if pos is None or (level == "village" and pos > list_intro_end(text, end)):
                return True  # "nhiều bản hit như …": a village word is a common noun unless the
                # list follows it at once (các bản: A, B)
            item = self._list_item(pos, level)
            if item is None:
                return True
            self.candidates.append(item)
            pos = item.end
        while True:
            gap = LIST_GAP.match(text, pos)
            if gap is None:
                return True
            item = self._list_item(gap.end(), level, street=street)
            if item is None:
                return True
            self.candidates.append(item)
            pos = item.end
            if "và" in gap.group():
                return True

    def _numbered_list(self, first: Candidate) -> None:
        """The units listed after a numbered one, singular or plural: ``các quận 7, 8, 9, Gò
        Vấp``, ``quận 3; 5; 10; Phú Nhuận``. An item is a number that no noun follows
        (``phường 3, 5 người`` counts people) or a name the gazetteer knows at that level."""
        text = self.text
        pos = first.end
        while True:
            gap = LIST_GAP.match(text, pos)
            if gap is None:
                return
            start = gap.end()
            number = _LISTED_NUMBER.match(text, start)
            if number is not None:
                end = number.end()
                if "và" not in gap.group() and _NOUN_AFTER.match(text, end):
                    return  # "phường 3, 5 người": a count
            else:
                syls = syllable_run(text, start, dashes=False)
                n = known_prefix(text, syls, first.level) if syls else 0
                if not n or unit_match(text, start):
                    return
                end = syls[n - 1][1]
            name = clean(text[start:end])
            self.candidates.append(
                Candidate(start, end, first.level, name, "place.list_after_unit")
            )
            pos = end
            if "và" in gap.group():
                return

    def _plural(self, start: int) -> bool:
        """A count or a plural word (các, những …) right before the unit word."""
        before = self.text[max(0, start - 20) : start].rstrip(" \t")
        return bool(COUNT_AT_END.search(before)) or after_word(
            self.text, start, context_words().plural
        )

    def _list_start(self, end: int) -> int | None:
        """Where the names of a plural unit word without a name start (after gồm:, như …)."""
        text = self.text
        sent_end = min(self.ctx.sentence_of(end)[1], end + 80)
        for m in list_intro_regex().finditer(fold(text), end, sent_end):
            if is_capitalised_at(text, m.end()):
                if any(
                    u.level in ADMIN_LEVELS and self._plural(hit.start())
                    for hit in unit_regex().finditer(fold(text), end, m.start())
                    for u in unit_words().get(" ".join(hit.group().split()), ())
                ):
                    return None  # "các tỉnh …, tại tỉnh X các huyện: A, B": the nearer plural's
                return m.end()
        return None

    def _list_item(self, pos: int, level: str, *, street: bool = False) -> Candidate | None:
        """The name listed at ``pos`` after a unit word of ``level``; after a street's unit
        word (``street``) a person's name is the street's."""
        text = self.text
        if unit_match(text, pos):
            return None
        lexicon = lexicon_at(text, pos)
        if lexicon is not None and lexicon[0].level != level and lexicon[0].level != "province":
            return None
        syls = syllable_run(text, pos, dashes=False)
        if not syls:
            return None
        first = text[syls[0][0] : syls[0][1]]
        if (
            not street
            and first in surnames()
            and len(syls) > 1
            and not known(text[pos : syls[-1][1]], level)
        ):
            return None
        n = len(syls)
        known_n = 0
        if level in ADMIN_LEVELS:
            n = known_n = known_prefix(text, syls, level)
            if n == 0 and foreign_shaped(text[pos : syls[-1][1]]):
                return None  # "các đội bóng như Real Madrid": not a Vietnamese unit
            n = n or cut_person(text, syls)
        end = syls[n - 1][1]
        if n == 1 and not known_n and LOWER_NEXT.match(text, end):
            # One capitalised word opening a sentence ("lĩnh vực: Tư pháp"); a unit written
            # as one word (Đakrông) is known to the gazetteer.
            return None
        return Candidate(pos, end, level, clean(text[pos:end]), "place.list_after_unit")

    # -- bare names ----------------------------------------------------------------------

    def bare_names(self) -> None:
        text = self.text
        folded = fold(text)
        names = name_matcher()
        blocked_end = -1  # a name read as a ship's: none of its words is a place
        for start in name_starts().finditer(text):
            if start.start() < blocked_end:
                continue
            m = names.match(folded, start.start())
            if m is None:
                continue
            entry = lexicon_entry(
                text,
                m.start(),
                m.end(),
                # after a post or a state's body: "Chủ tịch QH Campuchia Heng Samrin"
                after_position=after_word(text, m.start(), post_words())
                or after_word(text, m.start(), context_words().country),
            )
            if entry is None or entry.bare == "unit":
                continue
            if (
                self._part_of_place(m.start(), m.end())
                or self._bearing_in_name(m.start(), m.end(), entry)
                or self._bearing_of_country_in(m.start(), m.end())
            ):
                continue  # "miền Nam Philippines", "Đông Bắc Nigeria": a part of the place
            if entry.bare == "title" and not all(
                w[:1].isupper() for w in text[m.start() : m.end()].split()
            ):
                continue  # "Giải Nobel Hòa bình": peace, not the province
            if entry.bare == "cue" and (
                not self._cued(m.start(), m.end(), entry)
                or (entry.level == "country" and self._ethnic(clean(text[m.start() : m.end()])))
            ):
                continue
            if (
                len(LETTERS.findall(entry.name)) == 1
                and not is_abbreviation(entry.name)
                and not self._whole_token(m.start(), m.end())
                # The segmenter's compound ("Mỹ thuật") needs a Vietnamese syllable and a
                # space: "Qatar dù", "Syria-Hamas" are its mistakes, not compounds ("Dakar
                # Rally" is a name).
                and not (foreign_shaped(entry.name) and LOWER_NEXT.match(text, m.end()))
                and not _HYPHENED_NAME.match(text, m.end())
                and not after_word(text, m.start(), context_words().nation)
                and not (  # "Quân đội Syria bóp nghẹt": the segmenter joined the next word
                    entry.level == "country"
                    and after_word(text, m.start(), context_words().country)
                    and (entry.bare != "cue" or not self._in_word(m.start(), m.end()))
                )
                and not (  # "Hàn Quốc và Mỹ tập trận": a country listed with another
                    entry.level == "country"
                    and entry.bare != "cue"
                    and not self._in_word(m.start(), m.end())
                    and self._listed_with_country(m.start(), m.end())
                )
                and not self._between_position_and_foreign_name(m.start(), m.end())
                and not self._after_bearing_word(m.start())  # "Đông Ukraine": one token
                and not self._next_sentence_after(m.end())
                and not _opens_known_name(text, m.start(), m.end())
                and not (_opens_masthead(text, m.end()) and _credit_slot(text, m.start()))
            ):
                continue  # "Pháp luật", "Mỹ thuật": the segmenter sees one word
            if not self._bare_ok(m.start(), m.end()) or self._credit_line(m.start(), m.end()):
                continue
            if self._lowercase_compound(m.start(), m.end()):
                continue  # "Viện Hải dương học": oceanography, not Hải Dương
            if text[m.end() : m.end() + 1] == "+":
                continue  # "Vietnam+", "Canal+": a medium's name
            if (
                len(entry.name) == 2
                and entry.name.isupper()
                and (  # a code: VN, TQ, HN
                    text[m.start() - 1 : m.start()] in (".", "-")
                    or (_GLUED_AFTER.match(text, m.end()) and lexicon_at(text, m.end() + 1) is None)
                )
            ):
                continue  # "VN-Index", "VOV.VN", "IFF-VN": a name it is part of (not VN-Lào)
            if entry.level == "other" and after_word(
                text, m.start(), context_words().before.get("bare", ())
            ):
                continue  # "phía Đông Bắc" is a direction; "hướng Hà Nam" is a province
            if entry.level == "other" and after_word(text, m.start(), context_words().vessel):
                blocked_end = m.end()  # "tàu ngầm Thái Bình Dương" holds no Bình Dương
                continue  # "tàu sân bay Liêu Ninh", "JS Izumo": a ship
            if (
                entry.foreign
                and entry.level == "other"
                and len(LETTERS.findall(entry.name)) == 1
                and self._surname_elsewhere(entry.name)
            ):
                continue  # "Adriana Lima … Lima gợi cảm": the person's family name
            if (entry.city or text[m.start() : m.end()] in club_names()) and self._club(m.start()):
                continue  # "Liverpool thắng 2-0", "Bayern mua James": the club, an ORG
            level = entry.level
            if level in ("district", "commune") and _HOUSE_NUMBER_AT_END.search(
                text[max(0, m.start() - 12) : m.start()]
            ):
                level = "other"  # "số 10 Điện Biên Phủ": the street of an address
            self.candidates.append(
                Candidate(
                    m.start(),
                    m.end(),
                    level,
                    name_attr(entry, text[m.start() : m.end()]),
                    "place.bare_name",
                )
            )

    def _part_of_place(self, start: int, end: int) -> bool:
        """Whether the region name at ``start:end`` (``miền Nam``) is a part of the place
        written right after it: a foreign country or place or a Vietnamese administrative
        unit (``miền Nam Philippines``, ``miền Tây Nghệ An``), not a region (``miền Nam Trung
        Bộ``) nor Vietnam, whose regions these are (``miền Nam Việt Nam``)."""
        pos = OPTIONAL_SPACE.match(self.text, end).end()  # type: ignore[union-attr]
        bearing = after_bearing(self.text, pos)
        if bearing is None or bearing < start or not self.text[start:bearing].strip():
            return False
        after = lexicon_at(self.text, pos)
        return (
            after is not None
            and (after[0].canonical or after[0].name) != _HOME_COUNTRY
            and (_abroad(after[0]) or after[0].level in ADMIN_LEVELS)
        )

    def _bearing_in_name(self, start: int, end: int, entry: PlaceName) -> bool:
        """Whether the Vietnamese name at ``start:end`` opens with the compass point of a
        ``phía``/``miền`` before a foreign place (``phía Bắc Thái Lan`` is no Bắc Thái; a
        foreign name that opens with a point stays whole: ``phía Nam Sudan``, ``phía Bắc
        Kinh``)."""
        if _abroad(entry):
            return False
        for word in SPACE.finditer(self.text, start, end):
            if after_bearing(self.text, word.end()) != start:
                continue
            after = lexicon_at(self.text, word.end())
            if after is not None and _abroad(after[0]):
                return True
        return False

    def _country_after_bearing(self, start: int) -> tuple[int, int] | None:
        """(start of the compass point, end of the country) when the country abroad at
        ``start`` is written after a capitalised compass point, as a part of it (``Đông
        Ukraine``, ``Tây Nam Syria``), as after ``miền``; else None."""
        found = lexicon_at(self.text, start)
        if (
            found is None
            or found[0].level != "country"
            or found[0].bare == "cue"  # "võ sư Nam Anh": Anh, Đức, Nga are given names too
            or not _abroad(found[0])
        ):
            return None
        bearing = bearing_before(self.text, start)
        return None if bearing is None else (bearing, found[1])

    def _after_bearing_word(self, start: int) -> bool:
        return self._country_after_bearing(start) is not None

    def _bearing_of_country_in(self, start: int, end: int) -> bool:
        """Whether the name at ``start:end`` opens with the compass point of a country written
        right after it or across its end: ``Đông Bắc`` of ``Đông Bắc Nigeria``, ``Bắc Thái``
        of ``Đông Bắc Thái Lan`` (not ``Nam Sudan``, a country of its own)."""
        for space in SPACE.finditer(self.text, start, end + 1):
            found = self._country_after_bearing(space.end())
            if found is not None and found[0] <= start and found[1] > end:
                return True
        return False

    def _club(self, start: int) -> bool:
        """A foreign city written bare in a football article, not after a place word."""
        if not sport_article(self.text) or after_word(
            self.text, start, (*context_words().cue, *_TOWN_WORDS)
        ):
            return False
        # A city with its country after it is the city: "Las Vegas (Mỹ)", "New York, Mỹ".
        end = start + len(name_matcher().match(fold(self.text), start).group())  # type: ignore[union-attr]
        gap = CHAIN_GAP.match(self.text, end)
        after = lexicon_at(self.text, gap.end()) if gap else None
        return after is None or after[0].level != "country"

    def _surname_elsewhere(self, name: str) -> bool:
        """``name`` ends a foreign given name and family name pair elsewhere in the article
        (``Adriana Lima``): the short form of a person's name, not the city."""
        if name not in self._surnames_elsewhere:
            word = r"[\p{L}\p{M}]"
            pattern = rf"(?<!{word})(\p{{Lu}}{word}+)[ \t]+{regex.escape(name)}(?!{word})"
            self._surnames_elsewhere[name] = any(
                m.group(1).casefold() in foreign_first_names()
                for m in regex.finditer(pattern, self.text)
            )
        return self._surnames_elsewhere[name]

    def _next_sentence_after(self, end: int) -> bool:
        """The capitalised word after a name opens the next sentence or names a country
        (``ngoài khơi Canada Trong khi đó``, ``trở lại Syria Thổ Nhĩ Kỳ``): a caption's or a
        headline's full stop was lost, and the segmenter joined the two."""
        after = _NEXT_SYLLABLE.match(self.text, end)
        if after is None or not after.group(1)[:1].isupper():
            return False
        return after.group(1) in lead_words() or country_at(self.text, after.start(1))

    def _whole_token(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.token_starts, start) - 1
        return i < 0 or self.tokens[i][0] != start or self.tokens[i][1] <= end

    def _credit_line(self, start: int, end: int) -> bool:
        """A bare name that is a whole sentence, not the title, is a byline (a pen name)."""
        sentence = self.ctx.sentence_of(start)
        return sentence == (start, end) and sentence != self.ctx.title

    def _between_position_and_foreign_name(self, start: int, end: int) -> bool:
        """``Ngoại trưởng Nga Sergei Lavrov``, ``Thủ tướng Đức Angela Merkel``: a country
        between a position and a foreign-shaped name is the holder's state (a Vietnamese
        given name there, ``Bí thư Nga cho biết``, has no foreign name after it)."""
        text = self.text
        after = SPACE.match(text, end)
        if after is None:
            return False
        if not foreign_name_at(text, after.end()):
            # A country no given name spells may stand before any name (``Thủ tướng
            # Campuchia Hun Sen``, ``Tổng thống Myanmar U Htin Kyaw``), where the segmenter
            # may join it to the name.
            entry = lexicon_entry(text, start, end, after_position=True)
            if not (
                entry is not None
                and entry.level == "country"
                and entry.bare != "cue"
                and is_capitalised_at(text, after.end())
            ):
                return False
        return after_word(text, start, post_words())

    def _cued(self, start: int, end: int, entry: PlaceName) -> bool:
        text = self.text
        if dictionary_word_end(text, start, end) is not None and not self._whole_token(start, end):
            # "Tình báo Trung ương", "người Anh hùng": the segmenter joins the name to the
            # next syllable, and the dictionary has the pair: a word, not the country
            return False
        before = text[max(0, start - 12) : start].casefold()
        if COUNTRY_CUE.search(before) or after_word(text, start, context_words().cue):
            return True
        if entry.level == "country" and after_word(text, start, context_words().country):
            return True
        if text[max(0, start - 1) : start] == "(" and text[end : end + 1] == ")":
            return True  # a parenthesised country after a place: Cambridge (Anh)
        if entry.level != "country":
            return self._foreign_parent_after(end)
        if self._between_position_and_foreign_name(start, end):
            return True
        # In a list with another country: "Singapore, Anh, Mỹ", "Syria, Nga và Iran".
        gap = LIST_GAP.match(text, end)
        if gap and (other := lexicon_at(text, gap.end())) and other[0].level == "country":
            return True
        prev = _LIST_ITEM_BEFORE.search(text[max(0, start - 40) : start])
        if prev:
            entries = place_names().get(fold_key(prev.group(1)), ())
            if any(e.level == "country" and e.bare != "cue" for e in entries):
                return True
            # A foreign city or state, then its country: "ở Hamburg, Đức".
            if entry.level == "country" and any(
                e.foreign and e.level == "other" and e.city for e in entries
            ):
                return True
        dash = DASH.match(text, end)
        if dash and (other := lexicon_at(text, dash.end())) and other[0].level == "country":
            return True
        dash_before = DASHED_WORD_AT_END.search(text[max(0, start - 30) : start])
        if dash_before:
            entries = place_names().get(fold_key(dash_before.group(1)), ())
            if any(e.level == "country" for e in entries):
                return True
        return False

    def _foreign_parent_after(self, end: int) -> bool:
        """A country or a foreign state written right after a city (``Stuttgart (Đức)``,
        ``Anaheim, California``, ``Tampa, bang Florida``): the city is a place."""
        text = self.text
        gap = CHAIN_GAP.match(text, end)
        if gap is None:
            return False
        pos = gap.end()
        unit = unit_match(text, pos)
        if unit and (written := unit_for(text[unit[0] : unit[1]])) and written.level == "other":
            pos = OPTIONAL_SPACE.match(text, unit[1]).end()  # type: ignore[union-attr]
        found = lexicon_at(text, pos)
        return found is not None and (
            found[0].level == "country" or (found[0].foreign and found[0].bare == "")
        )

    def _bare_ok(self, start: int, end: int) -> bool:
        """Not part of a person's name: no honorific or surname run right before it."""
        if any(s <= start and end <= e for s, e in self.persons):
            return False
        text = self.text
        if any(
            m.start() <= start and end <= m.end()
            for m in _honour_regex().finditer(text, max(0, start - 40), end + 40)
        ):
            return True  # "Bà mẹ Việt Nam Anh hùng": a state honour holds the country
        quoted = NAME_AND_QUOTE_AT_END.search(text[max(0, start - 30) : start])
        if quoted:
            return False  # a nickname: Hùng “Sài Gòn”
        prev = syllable_before(text, start)
        if prev is None or after_bearing(text, start) is not None:
            return True  # "miền Nam Philippines": a compass point, no family name
        if prev[1].casefold() in honorific_words("honorific"):
            compound = syllable_before(text, prev[0])  # trẻ em Việt Nam: a noun, no honorific
            return bool(compound) and compound[1].casefold() in kinship_compound_words()
        # Walk back over the capitalised run before the name: a surname or an honorific
        # opening it makes the whole run a person's name (Ông Nguyễn Hòa Bình).
        pos = start
        run: list[str] = []
        while (p := syllable_before(text, pos)) and SYLLABLE.fullmatch(p[1]):
            run.insert(0, p[1])
            pos = p[0]
        if self._after_bearing_word(start):
            return True  # "Đông Ukraine", "Tây Nam Syria": no family name, a bearing
        before_run = syllable_before(text, pos)
        if before_run and before_run[1].casefold() in honorific_words("honorific"):
            return False
        honorific = bool(run) and run[0].casefold() in honorific_words("honorific")
        return not (honorific or (run and run[0] in surnames()))

    def compass_pairs(self) -> None:
        """The two halves of the country in ``từ Bắc vào Nam``, ``từ Nam ra Bắc``: regions
        (a journey between them; ``biên giới từ Bắc đến Nam`` is an extent, not a place)."""
        for m in _COMPASS_PAIR.finditer(self.text):
            for group in (1, 2):
                start, end = m.span(group)
                self.candidates.append(
                    Candidate(start, end, "other", m.group(group), "place.compass")
                )

    def state_names(self) -> None:
        text = self.text
        for m in STATE_NAME.finditer(text):
            country = name_matcher().match(fold(text), m.end())
            if country is None or not any(
                e.level == "country"
                for e in place_names().get(fold_key(text[country.start() : country.end()]), ())
            ):
                continue
            end = country.end()
            name_start = m.start()
            if text[name_start : name_start + 4].casefold() == "nước":
                name_start = SPACE.match(text, name_start + 4).end()  # type: ignore[union-attr]
            self.candidates.append(
                Candidate(
                    m.start(), end, "country", clean(text[name_start:end]), "place.state_name"
                )
            )

    # -- names introduced with a unit word -----------------------------------------------

    def known_names(self, found: Sequence[Candidate]) -> None:
        """Bare repeats of admin names the article wrote with their unit word, and of foreign
        names it wrote after a city, state or natural feature's unit word (place_context.tsv
        kind repeat: ``thành phố Antwerp`` … ``Antwerp``, level other)."""
        levels: dict[str, Counter[str]] = {}
        for cand in found:
            if cand.rule != "place.unit_word":
                continue
            words = cand.name.split()
            written = self.text[cand.start : cand.end]
            unit = written[: len(written) - len(cand.name)].strip().casefold()
            if (
                unit in context_words().repeat
                and written.endswith(cand.name)
                and foreign_shaped(cand.name)
                and words[0] not in surnames()
                and not _foreign_name_goes_on(self.text, cand.end)
            ):
                # "thành phố Antwerp", "đảo Mindanao" … "Antwerp": a foreign name, written
                # bare later, is the foreign place (level other, as foreign places are)
                levels.setdefault(cand.name, Counter())["other"] += 1
                continue
            if (
                cand.level not in ADMIN_LEVELS
                or len(words) < 2
                or words[0] in surnames()
                or fold_key(cand.name) in place_names()
            ):
                continue
            levels.setdefault(cand.name, Counter())[cand.level] += 1
        if not levels:
            return
        pattern = regex.compile(
            r"(?<![\p{L}\p{M}\d])\L<names>(?![\p{L}\p{M}\d])", names=list(levels)
        )
        text = self.text
        for m in pattern.finditer(text):
            counts = levels.get(clean(m.group()))
            if counts is None:
                continue
            after = SPACE.match(text, m.end())
            if after and is_capitalised_at(text, after.end()):
                continue
            prev = syllable_before(text, m.start())
            if prev and prev[1][0].isupper() and not is_abbreviation(prev[1]):
                continue
            if not self._bare_ok(m.start(), m.end()):
                continue
            if "other" in counts and (
                _foreign_name_goes_on(text, m.end())
                or (lexicon_entry(text, m.start(), m.end()) and self._club(m.start()))
            ):
                continue  # "Deir ez Zor", "Grand i10"; "cập bến Barcelona" … the club
            level = max(counts, key=lambda lv: (counts[lv], -_LEVEL_ORDER.index(lv)))
            self.candidates.append(
                Candidate(m.start(), m.end(), level, clean(m.group()), "place.known_name")
            )

    def repeated_countries(self, found: Sequence[Candidate]) -> None:
        """Bare repeats of a country that is also a given name or a common word (``Đức``,
        ``Nga``, ``Ý``): once the article has read it as the country with its cue (``nước
        Đức``, ``Cảnh sát Đức``), the word standing alone elsewhere in it is the country
        too (``Đức tăng cường an ninh``, ``thông đồng với Nga``); so is a word that the
        country's full name found in the article holds (``Liên bang Nga`` … ``Nga``, ``Nhật
        Bản`` … ``Nhật``), unless it is the home country's or a pronoun. Not in an article that
        also writes the word as a person's name (after an honorific or in a run of
        capitals), as an ethnic group or, for ``Anh``, as the lowercase pronoun."""
        text = self.text
        names = {
            clean(text[c.start : c.end])
            for c in found
            if c.rule == "place.bare_name"
            and c.level == "country"
            and (entry := lexicon_entry(text, c.start, c.end)) is not None
            and entry.bare == "cue"
        }
        countries = [c for c in found if c.level == "country"]
        full_names = {clean(text[c.start : c.end]) for c in countries}
        by_full_name = {
            short
            for full in full_names
            for short in full.split()
            if short != full
            # not the home country, whose short name is mostly an adjective (nhạc Việt),
            # nor a word that is also a pronoun (Anh): they need a cue of their own
            and short.casefold() not in honorific_words()
            and any(
                e.level == "country" and e.bare == "cue" and e.canonical != _HOME_COUNTRY
                for e in place_names().get(fold_key(short), ())
            )
        }
        taken = {(c.start, c.end) for c in found}
        for name in names | by_full_name:
            pattern = regex.compile(
                rf"(?<![\p{{L}}\p{{M}}\d]){regex.escape(name)}(?![\p{{L}}\p{{M}}\d])"
            )
            # the full name's own word ("Nhật" of "Nhật Bản") is no run of capitals
            inside = countries if name in by_full_name - names else ()
            if self._other_sense(name, pattern, inside):
                continue
            for m in pattern.finditer(text):
                if (
                    (m.start(), m.end()) in taken
                    or any(c.start <= m.start() and m.end() <= c.end for c in countries)
                    or lexicon_entry(text, m.start(), m.end()) is None
                    or self._in_word(m.start(), m.end())
                    or _PRONOUN_AFTER.match(text, m.end())  # "Anh ấy nói": he
                    or not self._bare_ok(m.start(), m.end())
                    or self._credit_line(m.start(), m.end())
                ):
                    continue
                self.candidates.append(
                    Candidate(m.start(), m.end(), "country", name, "place.known_name")
                )

    def _listed_with_country(self, start: int, end: int) -> bool:
        """A country joined by ``và``, a comma or a dash to a country found before it or
        written after it (``Hàn Quốc và Mỹ``, ``Mỹ - Hàn``)."""
        text = self.text
        gap = _COUNTRY_JOIN.match(text, end)
        if gap and (after := lexicon_at(text, gap.end())) and after[0].level == "country":
            return True
        before = _COUNTRY_JOIN_BEFORE.search(text, max(0, start - 12), start)
        return before is not None and any(
            c.end == before.start() and c.level == "country" for c in self.candidates
        )

    def _lowercase_compound(self, start: int, end: int) -> bool:
        """A name written with a lowercase syllable after its first that begins a longer
        dictionary word with the syllable after it (``Hải dương học``)."""
        text = self.text
        if all(w[:1].isupper() for w in LETTERS.findall(text[start:end])):
            return False
        after = _NEXT_SYLLABLE.match(text, end)
        return bool(after) and f"{text[start:end]} {after.group(1)}".casefold() in (
            dictionary_words()
        )

    def _in_word(self, start: int, end: int) -> bool:
        """The name is a syllable of a common word with its neighbour (``Ý kiến``, ``Anh
        em``, ``tiếng Anh``): the dictionary, not the segmenter, which may also join a
        country to the verb after it (``Đức siết``)."""
        text = self.text
        after = _NEXT_SYLLABLE.match(text, end)
        prev = syllable_before(text, start)
        words = dictionary_words()
        return bool(
            (after and f"{text[start:end]} {after.group(1)}".casefold() in words)
            or (prev and f"{prev[1]} {text[start:end]}".casefold() in words)
        )

    def _other_sense(
        self, name: str, pattern: regex.Pattern[str], places: Sequence[Candidate] = ()
    ) -> bool:
        """The article writes ``name`` as (part of) a person's name, as the pronoun or as
        an ethnic group (``đồng bào Thái``); inside one of ``places`` (``Nhật Bản``) it is
        the place's."""
        text = self.text
        lowered = name.casefold()
        if lowered in honorific_words() and regex.search(
            rf"(?<![\p{{L}}\p{{M}}]){regex.escape(lowered)}(?![\p{{L}}\p{{M}}])", text
        ):
            return True
        if self._ethnic(name):
            return True
        for m in pattern.finditer(text):
            if any(c.start <= m.start() and m.end() <= c.end for c in places):
                continue
            prev = syllable_before(text, m.start())
            if (
                prev
                and (
                    prev[1].casefold() in honorific_words("honorific")
                    or (  # "Thị Nga", "Hằng Nga"; not "Phía Nga", "Gazprom Nga", "Bắc – Nga"
                        prev[1][0].isupper()
                        and not text[prev[0] + len(prev[1]) : m.start()].strip()
                        and not is_abbreviation(prev[1])
                        and vietnamese_syllable(prev[1])
                        and prev[1] not in lead_words()
                        and not self._closes_body_name(m.start())
                    )
                )
            ):
                return True
            after = SPACE.match(text, m.end())
            if (
                after
                and is_capitalised_at(text, after.end())
                and not foreign_name_at(text, after.end())
            ):
                return True
        return False

    def _closes_body_name(self, start: int) -> bool:
        """The run of capitalised syllables before ``start`` holds a body's head (``Theo Bộ
        Quốc Phòng Nga``, ``Tập đoàn Dầu khí Nga``): the word closes a body's name, no
        person's."""
        text = self.text
        pos = start
        while (p := syllable_before(text, pos)) and p[1][:1].isupper():
            pos = p[0]
        words = text[pos:start].split()
        return any(
            " ".join(words[k:n]).casefold() in body_heads()
            for k in range(len(words))
            for n in range(k + 1, len(words) + 1)
        )

    def _ethnic(self, name: str) -> bool:
        """The article writes ``name`` as an ethnic group of Vietnam (``đồng bào Thái``);
        never a name no group bears (``dân tộc Nga`` is the nation, ethnic_groups.tsv) nor
        the country's own short name (``dân tộc Việt``)."""
        if name not in self._ethnic_names:
            if name.casefold() not in column_set("ethnic_groups.tsv", "name") or any(
                e.canonical == _HOME_COUNTRY for e in place_names().get(fold_key(name), ())
            ):
                self._ethnic_names[name] = False
                return False
            self._ethnic_names[name] = any(
                after_word(self.text, m.start(), context_words().ethnic)
                for m in regex.finditer(
                    rf"(?<![\p{{L}}\p{{M}}]){regex.escape(name)}(?![\p{{L}}\p{{M}}])", self.text
                )
            )
        return self._ethnic_names[name]

    # -- bare administrative names the gazetteer knows -----------------------------------

    def _known_run(self, pos: int, level: str) -> int | None:
        """End of a whole capitalised run of 2+ syllables at ``pos`` known at ``level``
        (kept: the district rules ask it at every capitalised word)."""
        key = (pos, level)
        if key not in self._known_runs:
            self._known_runs[key] = self._find_known_run(pos, level)
        return self._known_runs[key]

    def _find_known_run(self, pos: int, level: str) -> int | None:
        text = self.text
        # The cheap tests first: most capitalised words are one syllable long.
        syls = syllable_run(text, pos, dashes=False)
        if len(syls) < 2 or syls[-1][2] == "-":
            return None
        end = syls[-1][1]
        if SPACE.match(text, end) and is_capitalised_at(text, SPACE.match(text, end).end()):  # type: ignore[union-attr]
            return None
        if self._unit_word_at(pos) or lexicon_at(text, pos) is not None:
            return None
        return end if known(text[pos:end], level) else None

    def _unit_word_at(self, pos: int) -> bool:
        """A unit word as written opens ``pos``: not a capitalised word that is a unit word
        only in lower case (``Cầu Giấy``, ``Chợ Mới``: the name of a district)."""
        unit = unit_match(self.text, pos)
        return unit is not None and unit_for(self.text[unit[0] : unit[1]]) is not None

    def _higher(self, name: str, level: str) -> bool:
        return any(known(name, lv) for lv in ADMIN_LEVELS if rank(lv) < rank(level))

    def _extend_list(self, pos: int, level: str) -> None:
        """Known names of ``level`` listed after a place ending at ``pos``."""
        text = self.text
        while (gap := LIST_GAP.match(text, pos)) is not None:
            end = self._known_run(gap.end(), level)
            if end is None or self._higher(text[gap.end() : end], level):
                return
            self.candidates.append(
                Candidate(gap.end(), end, level, clean(text[gap.end() : end]), "place.bare_admin")
            )
            pos = end

    def _before_district_and_province(self, pos: int) -> int | None:
        """End of a bare name at ``pos`` that a district and its province follow (``trú tại
        Quỳnh Long, Quỳnh Lưu, Nghệ An``): a commune, though the gazetteer may have lost it
        to a merger. The name is a whole run of two to four syllables, not a person's."""
        text = self.text
        if unit_match(text, pos) or lexicon_at(text, pos) is not None:
            return None
        syls = syllable_run(text, pos, dashes=False)
        if not 2 <= len(syls) <= 4 or person_like(text, syls):
            return None
        end = syls[-1][1]
        if any(s <= pos < e for s, e in self.persons) or foreign_shaped(text[pos:end]):
            return None
        gap = CHAIN_GAP.match(text, end)
        if gap is None or (district_end := self._known_run(gap.end(), "district")) is None:
            return None
        return end if self._province_follows(gap.end(), district_end) else None

    def _province_follows(self, start: int, end: int) -> bool:
        """The district named at ``start:end`` is followed by a province that holds it
        (``Cầu Giấy, Hà Nội``, ``Mai Châu (Hòa Bình)``)."""
        text = self.text
        gap = CHAIN_GAP.match(text, end)
        if gap is None:
            return False
        pos = gap.end()
        lexicon = lexicon_at(text, pos)
        if lexicon is not None and lexicon[0].level == "province":
            name = lexicon[0].canonical or lexicon[0].name  # "TP.HCM", "Sài Gòn"
        else:
            unit = unit_match(text, pos)  # "TP Hồ Chí Minh", "tỉnh Hòa Bình"
            if unit is not None:
                pos = OPTIONAL_SPACE.match(text, unit[1]).end()  # type: ignore[union-attr]
            province = syllable_run(text, pos, dashes=True)
            if not province:
                return False
            name = text[pos : province[-1][1]]
        wanted = gazetteer.resolve(name, "province")
        if wanted.status != "resolved" or wanted.unit is None:
            return False
        district = gazetteer.resolve(text[start:end], "district")
        provinces = {p.name for p in district.parents} | {
            c["parents"][-1] for c in district.candidates if c["parents"]
        }
        return wanted.unit.name in provinces

    def bare_admin(self, found: Sequence[Candidate]) -> None:
        text = self.text
        for cand in found:
            if cand.level in ("district", "commune") and cand.rule != "place.parent_chain":
                self._extend_list(cand.end, cand.level)
        preps = context_words().prep
        for m in _RUN_START.finditer(text):
            pos = m.start()
            if not after_word(text, pos, preps):
                continue
            end = self._known_run(pos, "district")
            level = "district"
            if end is None:
                end = self._known_run(pos, "commune")
                level = "commune"
                if end is None:
                    end = self._before_district_and_province(pos)
                gap = CHAIN_GAP.match(text, end) if end is not None else None
                if end is None or gap is None:
                    continue
                nxt = syllable_run(text, gap.end(), dashes=False)
                if not nxt or (
                    not any(
                        known(text[gap.end() : nxt[-1][1]], lv) for lv in ("district", "province")
                    )
                    and lexicon_at(text, gap.end()) is None
                ):
                    continue
            self.candidates.append(
                Candidate(pos, end, level, clean(text[pos:end]), "place.bare_admin")
            )
            self._extend_list(end, level)
        # Three or more known districts in a row: "Bình Lục, Thanh Liêm, Duy Tiên".
        for m in _RUN_START.finditer(text):
            items: list[tuple[int, int]] = []
            pos = m.start()
            while (end := self._known_run(pos, "district")) is not None:
                items.append((pos, end))
                gap = LIST_GAP.match(text, end)
                if gap is None:
                    break
                pos = gap.end()
            if len(items) >= 3:
                for s, e in items:
                    self.candidates.append(
                        Candidate(s, e, "district", clean(text[s:e]), "place.bare_admin")
                    )

    def districts_before_provinces(self) -> None:
        """A district the gazetteer knows, written bare with no preposition before it, and
        the province that holds it right after it (``trường THPT X (Cầu Giấy, Hà Nội)``,
        ``ông A, Hoàn Kiếm, Hà Nội``)."""
        text = self.text
        for m in _RUN_START.finditer(text):
            pos = m.start()
            end = self._known_run(pos, "district")
            if end is not None and self._province_follows(pos, end):
                self.candidates.append(
                    Candidate(pos, end, "district", clean(text[pos:end]), "place.before_province")
                )
            elif (end := self._commune_in_chain(pos)) is not None:
                self.candidates.append(
                    Candidate(pos, end, "commune", clean(text[pos:end]), "place.before_province")
                )

    def _commune_in_chain(self, pos: int) -> int | None:
        """End of a commune the gazetteer knows at ``pos``, written bare after a comma or a
        bracket, when its district and the district's province follow it (``…, Mạo Khê, Đông
        Triều, Quảng Ninh``) and the district holds it."""
        text = self.text
        if not _CHAIN_OPEN_BEFORE.search(text, max(0, pos - 3), pos):
            return None
        end = self._known_run(pos, "commune")
        gap = CHAIN_GAP.match(text, end) if end is not None else None
        if gap is None or (district_end := self._known_run(gap.end(), "district")) is None:
            return None
        if not self._province_follows(gap.end(), district_end):
            return None
        district = text[gap.end() : district_end]
        held = gazetteer.resolve(text[pos:end], "commune", context=[("district", district)])
        return (
            end
            if held.status == "resolved" and any(p.name == district for p in held.parents)
            else None
        )

    def hosted_names(self) -> None:
        """A unit the gazetteer knows written bare after a body or site named after it
        (``Công an Cầu Giấy``, ``Điện lực Hai Bà Trưng``, ``Nhà tù Chợ Chu``): the place
        inside the name is a PLACE of its own (guide: places inside names). The name is a
        whole capitalised run of two syllables or more, not a person's nor a lexicon name."""
        text = self.text
        hosts = host_words()
        for m in host_regex().finditer(fold(text)):
            written = " ".join(text[m.start() : m.end()].split())
            if written not in hosts and written.casefold() not in hosts:
                continue  # "Thích Ca": not the abbreviation CA
            pos = m.end()
            syls = syllable_run(text, pos, dashes=False)
            if len(syls) < 2 or lexicon_at(text, pos) is not None or self._unit_word_at(pos):
                continue  # a province of the lexicon, a unit word: found by their own rules
            syls = self._before_holder(syls)
            first = text[syls[0][0] : syls[0][1]]
            end = syls[-1][1]
            school = (written if is_abbreviation(written) else written.casefold()) in school_hosts()
            # schools are named after people as often as after places (Trường THPT Ngô Quyền)
            district = len(syls) == 2 and known(text[pos:end], "district") and not school
            if (
                (first in surnames() and not district)
                or person_like(text, syls)
                or foreign_shaped(text[pos:end])
            ):
                # "Trường Lê Lợi", "Công an Nguyễn Văn A": named after a person; but a
                # district of two syllables is read as one ("Bệnh viện Đa khoa Châu Thành")
                continue
            level = next((lv for lv in ("district", "commune") if known(text[pos:end], lv)), None)
            if level is not None:
                self.candidates.append(
                    Candidate(pos, end, level, clean(text[pos:end]), "place.hosted_name")
                )

    def _before_holder(self, syls: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The syllables of a hosted name up to the holder of a post written right after
        the body (``Giám đốc Bệnh viện Thanh Nhàn Đào Quang Minh``): a prefix the gazetteer
        knows, followed by three syllables or more that open with a surname."""
        text = self.text
        for level in ("district", "commune"):
            n = known_prefix(text, syls, level)
            if 2 <= n < len(syls) and person_like(text, syls[n:]):
                return syls[:n]
        return syls

    def before_countries(self, found: Sequence[Candidate]) -> None:
        """A foreign place named before its country (``tại Sicily, Italy``, ``6. Takayama,
        Nhật Bản``, ``ở Kosice (Slovakia)``), level other: every word foreign (a compass
        point aside: ``Nam Sumatra``), no abbreviation nor a well-known body's name, after a
        place preposition or opening a line or a numbered item. A bracketed country needs the
        preposition and no sports article: there players and clubs carry theirs (``Bakayoko
        (Monaco)``)."""
        text = self.text
        taken = SpanIndex((c.start, c.end) for c in found)
        bearings = context_words().bearing
        for country in found:
            if country.level != "country":
                continue
            gap = _before_country().search(text, max(0, country.start - 60), country.start)
            bracketed = gap is not None and gap.group("open") is not None
            if gap is None or (bracketed and text[country.end : country.end + 1] != ")"):
                continue
            start, end = gap.start("name"), gap.end("name")
            name = text[start:end]
            words = name.split()
            if (
                taken.overlaps((start, end))
                or not foreign_shaped(name)
                or any(vietnamese_syllable(w) and w.casefold() not in bearings for w in words)
                or any(is_abbreviation(w) for w in words)
                or name in known_names()
                or (bracketed and sport_article(text))
                or not (
                    after_word(text, start, context_words().prep)
                    or (
                        not bracketed
                        and _ITEM_START.search(text, max(0, start - 8), start) is not None
                    )
                )
            ):
                continue
            self.candidates.append(Candidate(start, end, "other", name, "place.before_country"))

    def historical_states(self) -> None:
        """A state of the past after a noun of statehood (``nước Âu Lạc``, ``nhà nước Văn
        Lang``, ``quốc hiệu Đại Cồ Việt``) and those joined to it by dashes (``thời Văn Lang
        - Âu Lạc``): level country. Bare, these names are also firms, parks and schools
        (Đại Nam, Văn Lang), so only the noun before them makes them states."""
        text = self.text
        for m in historical_state_regex().finditer(text):
            for start, end in m.spans("state"):
                self.candidates.append(
                    Candidate(start, end, "country", text[start:end], "place.historical_state")
                )

    def address_streets(self) -> None:
        """The street of an address, written after a house or alley number (``ngụ 25B
        Nguyễn Văn Cừ``, ``hẻm 120 Trần Hưng Đạo``): a PLACE ``other`` even when it bears a
        person's name (guide: a person's name inside a road's is no PERSON). The name is a
        run of two to five Vietnamese syllables that is no lexicon name (``số 1 Việt Nam``,
        found by its own rule) and whose last syllable opens no common word with the
        lowercase word after it (``tại 5 Trạm Y tế``) nor a dash before another name (a line
        between two ends)."""
        text = self.text
        starts = [m.end() for m in address_regex().finditer(fold(text))]
        # Without an address word, a house number that opens a clause and a street followed
        # by its district or city: "- 198 Trần Quang Khải, Hà Nội".
        opening = [m.end() for m in _HOUSE_NUMBER_OPENING.finditer(text)]
        for pos in (*starts, *opening):
            end = self._street_end(pos)
            if end is None:
                continue
            if pos not in starts:
                gap = CHAIN_GAP.match(text, end)
                if not gap or not (unit_match(text, gap.end()) or lexicon_at(text, gap.end())):
                    continue
            self.candidates.append(
                Candidate(pos, end, "other", clean(text[pos:end]), "place.address_street")
            )

    def _street_end(self, pos: int) -> int | None:
        """End of the street name of an address at ``pos``, else None."""
        text = self.text
        syls = syllable_run(text, pos, dashes=False)
        if not 2 <= len(syls) <= 5 or lexicon_at(text, pos) is not None:
            return None
        if not all(vietnamese_syllable(text[s:e]) for s, e, _ in syls):
            return None  # "hạt giống số 5 Milos Raonic": a foreign player
        end = syls[-1][1]
        word = self.ctx.word_at(end - 1)
        if word is not None and word[1] > end and LOWER_NEXT.match(text, end):
            return None  # the last syllable is glued to a lowercase word: a noun phrase
        if (dash := DASH.match(text, end)) and is_capitalised_at(text, dash.end()):
            return None  # "tuyến metro số 1 Bến Thành - Suối Tiên": a line between two ends
        return end

    def routes(self, found: Sequence[Candidate]) -> None:
        """The ends of a route between units: a district the gazetteer knows written bare
        and joined by a dash after a province or district found already (``theo hướng Hà
        Nam - Phủ Lý``, ``Hà Nội - Hà Đông - Sơn Tây``), or before one after a route word
        (``tuyến Mỹ Đức - Hà Nội``; ``sân Thống Nhất - TP.HCM`` is a stadium and its city),
        or after ``đi``, ``đến`` … following ``từ`` and such a place (``từ Thanh Hóa đi
        Tĩnh Gia``)."""
        text = self.text
        ends = {c.end for c in found if c.level in ("province", "district")}
        starts = {c.start for c in found if c.level in ("province", "district")}
        for cand in found:
            if cand.level not in ("province", "district"):
                continue
            pos = cand.end
            while (dash := DASH.match(text, pos)) is not None and dash.end() not in starts:
                end = self._route_end(dash.end())
                if end is None:
                    break
                self.candidates.append(
                    Candidate(
                        dash.end(), end, "district", clean(text[dash.end() : end]), "place.route"
                    )
                )
                pos = end
            if after_word(text, cand.start, ("từ",)):
                onward = _ONWARD.match(text, cand.end)
                if onward and onward.end() not in starts:
                    end = self._route_end(onward.end())
                    if end is not None:
                        self.candidates.append(
                            Candidate(
                                onward.end(),
                                end,
                                "district",
                                clean(text[onward.end() : end]),
                                "place.route",
                            )
                        )
            offset = max(0, cand.start - 40)
            before = _DISTRICT_DASH_BEFORE.search(text[offset : cand.start])
            if before:
                run_end = offset + before.end(1)
                # The longest tail of the run (``Tuyến Mỹ Đức``: a capital opening the sentence).
                for word in regex.finditer(r"\p{Lu}", before.group(1)):
                    start = offset + before.start(1) + word.start()
                    if word.start() and before.group(1)[word.start() - 1] not in " \t":
                        continue
                    if (
                        self._route_end(start) == run_end
                        and run_end not in ends
                        and after_word(text, start, context_words().route)
                    ):
                        self.candidates.append(
                            Candidate(
                                start,
                                run_end,
                                "district",
                                clean(text[start:run_end]),
                                "place.route",
                            )
                        )
                        break

    def route_ends(self, found: Sequence[Candidate]) -> None:
        """A road section or line written after a route word and named by its ends joined
        by dashes (``tuyến Kim Liên - Ô Chợ Dừa``, ``đoạn Mai Dịch - Cầu Thăng Long``): one
        place, level ``other``, as a road named by its ends is (``đường Hoàng Cầu - Voi
        Phục``, ``cầu Việt Trì - Ba Vì``), and never a person's name. An end is a whole
        capitalised run of two syllables or more, or a place found already. Where a unit
        found already lies in the route (``tuyến Hòa Bình - Móng Cái``, ``từ Thiều Châu -
        Trung Quốc``, ``Ga Hà Nội``) or an end opens with its unit word in lower case
        (``đoạn Mai Dịch - cầu Thăng Long``), the ends stay apart: each end no place covers
        yet is one, at the gazetteer's level if it knows it. The route word stands as a word
        of its own (not ``giai đoạn``, ``trực tuyến``)."""
        text = self.text
        placed = {c.start: c for c in found}
        taken = SpanIndex((c.start, c.end) for c in found)
        units = SpanIndex(
            (c.start, c.end) for c in found if c.level != "other" or text[c.start].islower()
        )
        for m in _route_word_regex().finditer(text):
            if self.ctx.word_at(m.start()) != m.span():
                continue
            pos = SPACE.match(text, m.end()).end()  # type: ignore[union-attr]
            # "hai tuyến A - B và C - D": the routes listed after one route word
            while len(ends := self._route_ends_at(pos, placed)) >= 2:
                start, end = ends[0][0], ends[-1][1]
                if not units.overlaps((start, end)):
                    name = clean(text[start:end])
                    self.candidates.append(Candidate(start, end, "other", name, "place.route"))
                else:
                    for start, end in ends:
                        if not taken.overlaps((start, end)):
                            name = clean(text[start:end])
                            level = next((lv for lv in ADMIN_LEVELS if known(name, lv)), "other")
                            self.candidates.append(
                                Candidate(start, end, level, name, "place.route")
                            )
                joined = LIST_GAP.match(text, ends[-1][1])
                if joined is None:
                    break
                pos = joined.end()

    def _route_ends_at(self, pos: int, placed: dict[int, Candidate]) -> list[tuple[int, int]]:
        """The ends of a route joined by dashes from ``pos`` (``Kim Liên - Ô Chợ Dừa``): each
        a place found already (``placed`` by its start) or a capitalised run of two syllables
        or more."""
        text = self.text
        ends: list[tuple[int, int]] = []
        while True:
            if pos in placed:
                ends.append((pos, placed[pos].end))
            elif len(syls := syllable_run(text, pos, dashes=False)) >= 2:
                ends.append((syls[0][0], syls[-1][1]))
            else:
                return ends
            dash = DASH.match(text, ends[-1][1])
            if dash is None:
                return ends
            pos = dash.end()

    def _route_end(self, pos: int) -> int | None:
        """End of a district the gazetteer knows written bare at ``pos`` as a route's end: a
        whole run of two or more syllables, not a person's name."""
        syls = syllable_run(self.text, pos, dashes=False)
        if not syls or person_like(self.text, syls):
            return None
        return self._known_run(pos, "district")

    # -- parents written after a place ---------------------------------------------------

    def _commune_before_district(self, syls: list[tuple[int, int, str]]) -> bool:
        """A run of two to four syllables, not a person's, that a district the gazetteer
        knows follows: between a village and its district it is the commune, though the
        gazetteer may have lost it to a merger."""
        text = self.text
        if not 2 <= len(syls) <= 4 or person_like(text, syls):
            return False
        start, end = syls[0][0], syls[-1][1]
        if lexicon_at(text, start) is not None or foreign_shaped(text[start:end]):
            return False
        gap = CHAIN_GAP.match(text, end)
        return gap is not None and self._known_run(gap.end(), "district") is not None

    def list_localities(self, found: Sequence[Candidate]) -> None:
        """``các đoạn: Bãi A, xã B, huyện C, dài 800 m; Cồn D, xã E, …``: a capitalised name
        that opens an item of a list (after ``:`` or ``;``) and is followed by its commune
        written with the unit word is a named locality of that commune (``other``): a
        stretch of coast, a canal, a hamlet written bare."""
        text = self.text
        taken = [(c.start, c.end) for c in found]
        for cand in found:
            if cand.level != "commune" or unit_match(text, cand.start) is None:
                continue  # ``xã B`` written with its unit word
            found_item = _LIST_ITEM_LOCALITY.search(text, max(0, cand.start - 60), cand.start)
            if found_item is None:
                continue
            start, end = found_item.span(1)
            syls = syllable_run(text, start, dashes=False)
            if not syls or syls[-1][1] != end or person_like(text, syls):
                continue
            first = text[syls[0][0] : syls[0][1]]
            if first.casefold() in honorific_words() or first in surnames():
                continue  # ``Ông Lê Văn A, xã B``: a person and the commune of his address
            if any(s < end and start < e for s, e in [*taken, *self.persons]):
                continue
            self.candidates.append(
                Candidate(start, end, "other", clean(text[start:end]), "place.list_locality")
            )

    def parents(self, found: Sequence[Candidate]) -> None:
        text = self.text
        taken = {(c.start, c.end) for c in found}
        starts = {c.start for c in found}
        for cand in found:
            if cand.level not in ("commune", "district", "village"):
                continue
            pos, level, in_parens = cand.end, cand.level, False
            while True:
                gap = CHAIN_GAP.match(text, pos)
                if gap is None:
                    break
                in_parens = in_parens or "(" in gap.group()
                nxt = gap.end()
                if nxt in starts or self._unit_word_at(nxt):
                    break  # written with its unit word, or already found
                syls = syllable_run(text, nxt, dashes=False)
                if not syls:
                    break
                above = [lv for lv in ADMIN_LEVELS if rank(lv) < rank(level)]
                hit = None
                for lv in reversed(above):
                    n = known_prefix(text, syls, lv)
                    if n == len(syls):
                        hit = (lv, syls[n - 1][1])
                        break
                if hit is None and level == "village" and self._commune_before_district(syls):
                    hit = ("commune", syls[-1][1])  # "thôn 6, Cao Nhân, Thủy Nguyên"
                if hit is None:
                    break
                lv, end = hit
                if (nxt, end) not in taken:
                    rule = "place.parenthesised" if in_parens else "place.parent_chain"
                    self.candidates.append(Candidate(nxt, end, lv, clean(text[nxt:end]), rule))
                pos, level = end, lv
                if lv == "province":
                    break


#: A capitalised name (one to four syllables) opening a list item after ``:`` or ``;``, then a
#: comma: the text right before a commune written with its unit word.
_LIST_ITEM_LOCALITY = regex.compile(
    r"[:;][ \t]*(\p{Lu}[\p{L}\p{M}]*(?:[ \t]+\p{Lu}[\p{L}\p{M}]*){0,3})"
    r"[ \t]*,[ \t]*$"
)
_LIST_ITEM_BEFORE = regex.compile(
    r"(?<![\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}]*(?:[ \t]+\p{Lu}[\p{L}\p{M}]*)*)"
    r"(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+)$"
)
# A unit's name that is a number (quận 7, phường 12) and a number listed after it: one or
# two digits, with no noun, unit or further digits after them.
_NUMBER_NAME = regex.compile(r"\d{1,2}[A-Z]?")
_LISTED_NUMBER = regex.compile(r"\d{1,2}(?![\d%\p{L}]|[.,/]\d)")
_NOUN_AFTER = regex.compile(r"[ \t]+(?!và[ \t])\p{Ll}")
# A house number that opens a clause (after a dash, colon or comma, or a line's start).
_HOUSE_NUMBER_OPENING = regex.compile(
    r"(?:^|(?<=[-–:,][ \t]))\d{1,4}[A-Z]?(?:/\d{1,4}[A-Z]?)*[ \t]+(?=\p{Lu})", regex.M
)
# Words before a city name that make it the city even in a football article.
_TOWN_WORDS = ("thủ đô", "thành", "thành phố", "derby", "bắc", "nam", "đông", "tây")
_HOUSE_NUMBER_AT_END = regex.compile(r"(?<![\d.,:])\d{1,4}[A-Z]?(?:/\d{1,4}[A-Z]?)*[ \t]+$")


def _abroad(entry: PlaceName) -> bool:
    """A country or a foreign place of the lexicon (not a Vietnamese unit or region)."""
    return entry.foreign or entry.level == "country"


#: A comma or an opening bracket right before a name: an item of an address chain.
_CHAIN_OPEN_BEFORE = regex.compile(r"[,(][ \t]*\Z")
_COMPASS_PAIR = regex.compile(
    r"(?<![\p{L}\p{M}])[Tt]ừ[ \t]+(Bắc|Nam|Trung)[ \t]+(?:vào|ra)[ \t]+"
    r"(Bắc|Nam|Trung)(?![\p{L}\p{M}]|[ \t]+\p{Lu})"
)
_AND = regex.compile(r"[ \t]+và[ \t]+")
_COUNTRY_JOIN = regex.compile(r"[ \t]*(?:,|[-–]|và(?![\p{L}\p{M}]))[ \t]*")
_COUNTRY_JOIN_BEFORE = regex.compile(r"[ \t]*(?:,|[-–]|(?<![\p{L}\p{M}])và)[ \t]*\Z")
# The word between the two ends of a journey after "từ X" (từ X đi Y).
_ONWARD = regex.compile(r"[ \t]+(?:đi|đến|tới|về|ra|vào|lên|xuống)[ \t]+")
# A capitalised run and a dash right before a place: the route's first end.
_DISTRICT_DASH_BEFORE = regex.compile(
    r"(?<![\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}]*(?:[ \t]+\p{Lu}[\p{L}\p{M}]*)+)[ \t]*[-–—][ \t]*$"
)
_HOME_COUNTRY = "Việt Nam"
_PRONOUN_AFTER = regex.compile(r"[ \t]+(?:ấy|ta)(?![\p{L}\p{M}])")
_NEXT_SYLLABLE = regex.compile(r"[ \t]+([\p{L}\p{M}]+)")

# A person cue right after a name: an age or a birth year (Hồ Văn A, 45 tuổi; Hồ B (SN 1970)).
_PERSON_AFTER = regex.compile(
    r"[ \t]*[,(][ \t]*(?:\d{1,3}[ \t]+tuổi|(?:SN|sinh năm)[ \t]*\d|\d{4}\))"
)
_LOWER_WORD = regex.compile(r"\p{Ll}[\p{Ll}\p{M}]*[ \t]+")
# The list item right before a landmark: from a comma, colon or semicolon to the comma.
_ITEM_BEFORE = regex.compile(r"[,:;][ \t]*(\p{L}[^,:;.\n]*?)[ \t]*,[ \t]*$")
_RUN_START = regex.compile(r"(?<![\p{L}\p{M}\d])\p{Lu}")
_HYPHENED_NAME = regex.compile(r"[-–]\p{Lu}")
_GLUED_AFTER = regex.compile(r"[-–][\p{L}\d]")


def rank(level: str) -> int:
    return {"province": 0, "district": 1, "commune": 2, "village": 3}.get(level, 9)


def _is_letter(text: str, pos: int) -> bool:
    return pos < len(text) and (text[pos].isalpha() or unicodedata.category(text[pos]) == "Mn")


def _select(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: the one starting first wins, then the longest."""
    # A district known by its province after it is the last resort of a tie: the rules
    # that read the same span from a place before it name it better.
    order = {
        "place.unit_word": 0,
        "place.state_name": 0,
        "place.bare_name": 1,
        "place.before_province": 3,
    }
    chosen: list[Candidate] = []
    last_end = -1
    for cand in sorted(
        candidates, key=lambda c: (c.start, -(c.end - c.start), order.get(c.rule, 2))
    ):
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    return chosen


@cache
def _before_country() -> regex.Pattern[str]:
    """A capitalised name (the particles of foreign names inside: ``name_particles.tsv``)
    and the comma or bracket before a country, at the end of the text searched."""
    particles = sorted((p for p, k in name_particles().items() if k == "word"), key=len)
    word = r"\p{Lu}[\p{L}\p{M}'’\-]*"
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}])(?P<name>{word}(?:[ \t]+(?:{word}|\L<particles>))*)"
        r"(?:[ \t]*,[ \t]*|[ \t]*(?P<open>\())\Z",
        particles=particles[::-1],
    )


#: The start of a line or of a numbered item (``6. ``), right before a name.
_ITEM_START = regex.compile(r"(?:^|\n|\d{1,2}[.)])[ \t]*\Z")


def find_places(ctx: DocContext, mentions: Sequence[Mention] = ()) -> list[Mention]:
    """PLACE mentions of ``ctx`` (working-text offsets), sorted by position."""
    finder = _Finder(ctx, mentions)
    finder.unit_words()
    finder.bare_names()
    finder.state_names()
    finder.compass_pairs()
    finder.hosted_names()
    finder.address_streets()
    finder.historical_states()
    first = _select(finder.candidates)
    finder.known_names(first)
    finder.before_countries(first)
    finder.repeated_countries(first)
    finder.bare_admin(first)
    finder.routes(_select(finder.candidates))
    finder.route_ends(_select(finder.candidates))
    finder.list_localities(_select(finder.candidates))
    finder.parents(_select(finder.candidates))
    finder.districts_before_provinces()
    return [c.mention() for c in _select(finder.candidates)]


@cache
def _route_word_regex() -> regex.Pattern[str]:
    """A route word (place_context.tsv, kind ``route``) in any case, right before the
    capitalised first end of the section it names."""
    words = phrase_regex(context_words().route, ignore_case=True).pattern
    return regex.compile(rf"{words}(?=[ \t]+\p{{Lu}})", regex.IGNORECASE)


@cache
def _honour_regex() -> regex.Pattern[str]:
    """The state honours of honorifics.tsv (kind ``rank``) that hold a place's name
    (``Bà mẹ Việt Nam Anh hùng``)."""
    return phrase_regex(
        with_case_variants(
            row["word"]
            for row in honorific_rows()
            if row["kind"] == "rank" and len(row["word"].split()) > 2
        )
    )


@cache
def _dated_name_regex() -> regex.Pattern[str]:
    """A day and month naming a street or park (``đường 3/2``, ``đường 30 tháng 4``), no
    year after it; after a street's word, maybe the canal or park it runs along (``đường
    kênh 19/5``)."""
    return regex.compile(
        r"(?:(?i:\L<units>)[ \t]+)?(?P<day>\d{1,2})(?:/|[ \t]+tháng[ \t]+)(?P<month>\d{1,2})"
        r"(?![\p{L}\p{M}\d])(?![/.\-]\d)(?![ \t]+năm)",
        units=sorted(context_words().dated, key=len, reverse=True),
    )


def component(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` plus the PLACE mentions of ``ctx``; a DATE inside a street or park
    named by a date (``đường 3 tháng 2``) is the name's, no date."""
    places = find_places(ctx, mentions)
    # "đường kênh 19/5": the street holds the canal's dated name
    places = [
        p
        for p in places
        if p.rule != "place.dated_name"
        or not any(
            q.start <= p.start and p.end <= q.end and (q.start, q.end) != (p.start, p.end)
            for q in places
        )
    ]
    dated = [(p.start, p.end) for p in places if p.rule == "place.dated_name"]
    kept = [
        m
        for m in mentions
        if not (m.label == "DATE" and any(a <= m.start and m.end <= b for a, b in dated))
    ]
    return [*kept, *places]
