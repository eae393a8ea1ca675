"""The ``awards`` list: one entry per awarding clause, with its kinds, recipients, givers,
amount, date and place as mention ids."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.extractors.awards import LABEL
from pipeline.linkers.base import Links, Located
from pipeline.text.scan import StartIndex, inside
from pipeline.text.tokenize import DocContext


def link(ctx: DocContext, located: Sequence[Located]) -> Links:
    """The record's ``awards``: one entry per awarding clause, by mention id."""
    by_span = {(x.mention.start, x.mention.end, x.label): x.id for x in located}
    groups: dict[tuple[int, int], list[Located]] = {}
    for x in located:
        if x.label == LABEL and "_clause" in x.mention.attrs:
            groups.setdefault(x.mention.attrs["_clause"], []).append(x)
    entries = []
    by_label = {
        label: StartIndex((y for y in located if y.label == label), lambda y: y.mention.start)
        for label in ("DATE", "PLACE")
    }
    for clause, items in groups.items():
        sentence = ctx.sentence_of(clause[0])
        kinds = list(dict.fromkeys(k for x in items for k in x.mention.attrs["award"]))
        givers = list(
            dict.fromkeys(
                by_span[g] for x in items for g in x.mention.attrs["_givers"] if g in by_span
            )
        )
        amount = next(
            (
                by_span.get((*x.mention.attrs["_amount"], "FIGURE"))
                for x in items
                if x.mention.attrs["_amount"]
            ),
            None,
        )
        date = next(
            (
                y.id
                for y in _in_sentence(by_label["DATE"], located, sentence)
                if y.label == "DATE" and inside(_span(y), sentence)
            ),
            None,
        )
        place = next(
            (
                y.id
                for y in _in_sentence(by_label["PLACE"], located, sentence)
                if y.label == "PLACE"
                and inside(_span(y), sentence)
                and ctx.text[max(0, y.mention.start - 4) : y.mention.start].strip() == "tại"
            ),
            None,
        )
        entries.append(
            {
                "kinds": kinds,
                "recipients": [x.id for x in items],
                "givers": givers,
                "amount": amount,
                "date": date,
                "place": place,
            }
        )
    return Links(awards=entries)


def _in_sentence(
    index: StartIndex[Located], located: Sequence[Located], sentence: tuple[int, int]
) -> Sequence[Located]:
    """The mentions of ``index`` starting in ``sentence`` in their order in ``located``
    (found by bisection when ``located`` is in start order, else every mention)."""
    if index.was_sorted:
        return index.starting_in(sentence[0], sentence[1] + 1)
    return located


def _span(x: Located) -> tuple[int, int]:
    return (x.mention.start, x.mention.end)
