"""The record's ``event``: the one main event an article reports, when it reports one.

The title line must name an event (``event_words.tsv``: ``Ngày hội``, ``Lễ``, ``Hội
nghị`` …); its name runs from that noun to the first ``ở``/``tại``, comma, colon or the
end of the title. The first body sentence that holds it (``tổ chức``, ``diễn ra``,
``khai mạc``) gives the date (its first DATE), the organiser (the nearest ORG before the
verb) and the place (a PLACE after ``tại``/``ở`` there, else the title's first PLACE).
No event noun in the title: no event, never an invented one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from pipeline.linkers.base import Links, Located
from pipeline.resources import load_tsv
from pipeline.text.scan import inside, phrase_regex
from pipeline.text.tokenize import DocContext

_NAME_END = regex.compile(r"[ \t]+(?:ở|tại)[ \t]|[,:;.!?(–]|[ \t]+-[ \t]")


@cache
def _regex(kind: str) -> regex.Pattern[str]:
    return phrase_regex(row["word"] for row in load_tsv("event_words.tsv") if row["kind"] == kind)


def _span(x: Located) -> tuple[int, int]:
    return (x.mention.start, x.mention.end)


def link(ctx: DocContext, located: Sequence[Located]) -> Links:
    """The event summary; its ``name`` is a working-text span the record turns into source."""
    if ctx.title is None:
        return Links()
    text = ctx.text
    head = _regex("event").search(text, *ctx.title)
    if head is None:
        return Links()
    stop = _NAME_END.search(text, head.end(), ctx.title[1])
    name_end = stop.start() if stop else ctx.title[1]
    body = [s for s in ctx.sentences if s[0] >= ctx.title[1]]
    holding = next((s for s in body if _regex("holds").search(text, *s)), None)
    date = organiser = place = None
    if holding is not None:
        verb = _regex("holds").search(text, *holding)
        inner = [x for x in located if inside(_span(x), holding)]
        date = next((x.id for x in inner if x.label == "DATE"), None)
        orgs = [x for x in inner if x.label == "ORG" and x.mention.end <= verb.start()]
        organiser = orgs[-1].id if orgs else None
        place = next(
            (
                x.id
                for x in inner
                if x.label == "PLACE"
                and x.mention.start > verb.start()
                and regex.search(r"(?:tại|ở)[ \t]+$", text[x.mention.start - 6 : x.mention.start])
            ),
            None,
        )
    if place is None:
        place = next(
            (x.id for x in located if x.label == "PLACE" and inside(_span(x), ctx.title)), None
        )
    return Links(
        event={
            "name": (head.start(), name_end),
            "date": date,
            "place": place,
            "organiser": organiser,
        }
    )
