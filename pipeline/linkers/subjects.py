"""FIGURE ``subject`` and ``measure``: what a figure is a figure *of*.

The subject is a PLACE or ORG mention in the figure's sentence, before it: the one
that opens the sentence (``Xã Liên Lộc … có diện tích tự nhiên là 495,29 ha, với 1.200
hộ``), else the nearest one followed by a verb of having or reaching
(``subject_verbs.tsv``: ``có``, ``đạt``, ``với`` …) before the figure. An ORG that
contains the PLACE wins over it. ``measure`` is the name of the quantity written shortly
before the figure (``measures.tsv``: ``diện tích tự nhiên``, ``dân số``, ``kinh phí``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from pipeline.linkers.base import Links, Located
from pipeline.resources import load_tsv
from pipeline.text.scan import StartIndex, inside, phrase_regex, with_case_variants
from pipeline.text.tokenize import DocContext

_MEASURE_WINDOW = 40
# What may stand before a sentence-opening subject: a time adverbial and a comma.
_OPENERS = regex.compile(
    r"^(?:(?:năm|trong năm|đến nay|hiện nay|hiện|tính đến|đến cuối)[\w /]{0,20},?[ \t]*)?"
    r"(?:toàn|riêng|cả)?[ \t]*$",
    regex.IGNORECASE,
)
# Between a later subject and its figure: the verb comes first ("Công ty X đạt doanh thu
# 12,5 tỷ"), with only a few words (the measure) between it and the figure.
_SUBJECT_GAP = regex.compile(
    r"^[ \t]*(?:hiện|đã|vẫn)?[ \t]*\w+(?:[ \t]+[\w/]+){0,6}[ \t]*(?:là|:)?[ \t]*$"
)
# Between two figures of one list.
_LIST_GAP = regex.compile(r"^[ \t]*[,;]?[ \t]*(?:và|với|cùng|gồm)?[ \t]*$")


@cache
def _measure_regex() -> regex.Pattern[str]:
    return phrase_regex(with_case_variants(row["measure"] for row in load_tsv("measures.tsv")))


@cache
def _verb_regex() -> regex.Pattern[str]:
    return phrase_regex(row["word"] for row in load_tsv("subject_verbs.tsv"))


def _outermost(candidates: list[Located]) -> list[Located]:
    return [
        x
        for x in candidates
        if not any(
            y is not x and inside(_span(x), _span(y)) and _span(x) != _span(y) for y in candidates
        )
    ]


def _span(x: Located) -> tuple[int, int]:
    return (x.mention.start, x.mention.end)


def subject_of(
    ctx: DocContext,
    figure: Located,
    located: Sequence[Located],
    previous: tuple[Located, Located | None] | None = None,
    bodies: StartIndex[Located] | None = None,
) -> Located | None:
    """The PLACE or ORG the figure describes, or None when the text does not say.

    ``previous`` is the figure before it in the same sentence and that figure's subject:
    a figure listed after it (``495,29 ha, với 1.200 hộ, 4.680 nhân khẩu``) shares it;
    one after a new verb (``…127 km đã xảy ra 38 vụ tai nạn``) has none. ``bodies``, the
    PLACE and ORG mentions of ``located`` by start, saves a scan of every mention.
    """
    text = ctx.text
    sentence = ctx.sentence_of(figure.mention.start)
    if previous is not None:
        before, subject = previous
        gap = text[before.mention.end : figure.mention.start]
        if subject is not None and (_LIST_GAP.match(gap) or _verb_regex().search(gap)):
            return subject
        return None
    if bodies is not None and bodies.was_sorted:
        pool = bodies.starting_in(sentence[0], figure.mention.start + 1)
    else:
        pool = [x for x in located if x.label in ("PLACE", "ORG")]
    candidates = _outermost(
        [
            x
            for x in pool
            if sentence[0] <= x.mention.start and x.mention.end <= figure.mention.start
        ]
    )
    for x in reversed(candidates):
        between = text[x.mention.end : figure.mention.start]
        if ";" in between or "." in between.rstrip() or not _verb_regex().search(between):
            continue
        first = x is candidates[0] and _OPENERS.match(text[sentence[0] : x.mention.start])
        if first or _SUBJECT_GAP.match(between):
            return x
    return None


def measure_of(ctx: DocContext, figure: Located, after: int) -> str | None:
    """The measure named within a few words before the figure (and after ``after``)."""
    start = max(
        ctx.sentence_of(figure.mention.start)[0], figure.mention.start - _MEASURE_WINDOW, after
    )
    found = list(_measure_regex().finditer(ctx.text, start, figure.mention.start))
    return found[-1].group() if found else None


def link(ctx: DocContext, located: Sequence[Located]) -> Links:
    attrs: dict[str, dict[str, object]] = {}
    previous_end = 0
    last: tuple[Located, Located | None] | None = None
    bodies = StartIndex(
        (x for x in located if x.label in ("PLACE", "ORG")), lambda x: x.mention.start
    )
    for x in located:
        if x.label != "FIGURE":
            continue
        same_sentence = last is not None and ctx.sentence_of(last[0].mention.start) == (
            ctx.sentence_of(x.mention.start)
        )
        subject = subject_of(ctx, x, located, last if same_sentence else None, bodies)
        last = (x, subject)
        attrs[x.id] = {"subject": subject.id if subject else None}
        # A measure names the first figure after it, not the ones listed after that.
        measure = measure_of(ctx, x, previous_end)
        if measure:
            attrs[x.id]["measure"] = measure
        previous_end = x.mention.end
    return Links(mention_attrs=attrs)
