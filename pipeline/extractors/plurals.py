"""Plural bodies and posts: the guide annotates one specific body or office, never several.

Runs after the other extractors. An ORG or TITLE written right after a plural or counting
word (``các Sở``, ``hai Bộ Quốc phòng``, ``các Bộ trưởng``) or followed by the countries or
sides it belongs to, counted (``Bộ Quốc phòng hai nước``, ``Chính phủ các nước``), names
several bodies or posts: it is dropped, and so is a FIGURE that counts into it (``hai Bộ``).
The earlier extractors still saw the span, so a plural body keeps blocking the person and
title rules inside it (``Bộ Quốc`` is no person). Words in ``resources/plural_words.tsv``.
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.resources import load_tsv
from pipeline.text.numbers import alternation
from pipeline.text.scan import SpanIndex
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention

_LABELS = frozenset({"ORG", "TITLE"})


@cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(determiner right before a name, not after an ordinal word; counted owners right
    after it)."""
    rows = load_tsv("plural_words.tsv")
    before = alternation([r["word"] for r in rows if r["role"] == "before"])
    owners = alternation([r["word"] for r in rows if r["role"] == "owner"])
    ordinals = alternation([r["word"] for r in rows if r["role"] == "ordinal"])
    return (
        regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?<!(?i:{ordinals})[ \t]+)(?i:{before})[ \t]+\Z"),
        regex.compile(rf"[ \t]+(?:{before})[ \t]+(?:{owners})(?![\p{{L}}\p{{M}}])"),
    )


def _plural(text: str, mention: Mention, places: SpanIndex) -> bool:
    before, after = _patterns()
    if after.match(text, mention.end):
        return True
    found = before.search(text, max(0, mention.start - 12), mention.start)
    return (
        bool(found)
        and not (
            places.overlaps((mention.start, mention.end))  # "hai CLB Đồng Nai và Nam Định"
            or "," in text[mention.start : mention.end]  # "các Sở Tài chính, Kế hoạch và Đầu tư"
            # "các Bộ Công an, Quốc phòng": a list of named bodies sharing one head
            or (found.group().strip().casefold() == "các" and _LIST_NEXT.match(text, mention.end))
        )
    )


#: A comma or "và" and a capitalised word right after a name: the next item of a list.
_LIST_NEXT = regex.compile(r"[ \t]*(?:,|và)[ \t]*\p{Lu}")


def component(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without plural ORGs and TITLEs and the FIGUREs counting into them."""
    text = ctx.text
    places = SpanIndex((m.start, m.end) for m in mentions if m.label == "PLACE")
    plural = [m for m in mentions if m.label in _LABELS and _plural(text, m, places)]
    if not plural:
        return mentions
    dropped = {id(m) for m in plural}
    for m in mentions:
        if m.label == "FIGURE" and any(m.start < p.start < m.end < p.end for p in plural):
            dropped.add(id(m))  # "hai Bộ": the count runs into the plural name
    return [m for m in mentions if id(m) not in dropped]
