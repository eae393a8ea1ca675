"""One fact, many mentions: the record's ``facts`` list.

A dashboard sums facts, not mentions. A quantity written twice — headline and body,
summary and detail — is one fact holding every mention id; a breakdown keeps its parts
apart from its total, linked by ``part_of``. Rules, conservative on purpose:

* **Restatement.** FIGURE mentions with the same ``quantity``, ``value``, ``value_max`` and
  unit (case-folded) and the same subject (a PLACE by its name, so ``tỉnh Cà Mau`` =
  ``Cà Mau``; other mentions by their text) are one fact. Two figures without a subject are
  one fact only when one of them is in the headline (the body restates the headline); a
  headline figure without a subject joins a body fact that has one. AWARD mentions with the
  same count and recipient noun are one fact only when one of them is in the headline.
* **Breakdown.** A figure followed in its sentence by ``trong đó``, ``gồm``, ``bao gồm``
  (``tổng số 1.200 hộ, trong đó 300 hộ …, 200 hộ …``) is a total: the figures after that
  word in the sentence, of the same quantity and counted noun (``con`` → ``con cá mú``),
  are its parts (``part_of``) when together they are not more than the total.
  The same for AWARD counts (``22 cá nhân, gồm 9 người dân; 5 cán bộ và 8 học sinh``) when
  the parts add up to no more than the total.

Each fact: ``id`` (``f1`` …), ``kind`` (``figure`` or ``award``), ``quantity`` (the figure's,
``award`` for awards), ``value``, ``value_max``, ``unit`` (as first written; for awards the
recipient noun), ``recipient`` (awards), ``subject`` (mention id or null), ``mentions`` (ids,
in text order) and ``part_of`` (a fact id or null).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

import regex

from pipeline.linkers.base import Links, Located
from pipeline.linkers.subjects import by_start, subject_of
from pipeline.text.tokenize import DocContext

_BREAKDOWN = regex.compile(r"[ \t]*[,:;(]?[ \t]*(?:trong đó|bao gồm|gồm)\b", regex.IGNORECASE)
#: How far after a total its breakdown word may stand (the counted noun's modifiers).
_BREAKDOWN_WINDOW = 60


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()


def _subject_key(subject: Located | None) -> tuple[str, str] | None:
    if subject is None:
        return None
    if subject.label == "PLACE":
        name = subject.mention.attrs.get("name") or subject.text
        return ("PLACE", _fold(str(name)))
    return (subject.label, _fold(subject.text))


def _in_title(ctx: DocContext, x: Located) -> bool:
    return ctx.title is not None and ctx.title[0] <= x.mention.start < ctx.title[1]


def _total_of(ctx: DocContext, total: Located, parts: Sequence[Located]) -> list[Located]:
    """The mentions of ``parts`` that break ``total`` down (after ``trong đó``/``gồm``)."""
    text = ctx.text
    sentence = ctx.sentence_of(total.mention.start)
    window = text[total.mention.end : min(sentence[1], total.mention.end + _BREAKDOWN_WINDOW)]
    found = None
    for cut in regex.finditer(r"[,:;(]|trong đó|bao gồm|gồm", window, regex.IGNORECASE):
        if _BREAKDOWN.match(window, cut.start()):
            found = total.mention.end + cut.start()
            break
        if cut.group() in (";",):
            break
    if found is None:
        return []
    return [
        x
        for x in parts
        if x is not total and found < x.mention.start and x.mention.end <= sentence[1]
    ]


def link(ctx: DocContext, located: Sequence[Located]) -> Links:
    """The record's ``facts`` (see the module docstring)."""
    figures = [x for x in located if x.label == "FIGURE"]
    awards = [x for x in located if x.label == "AWARD"]
    index = by_start(located)
    subjects = {x.id: subject_of(ctx, x, index) for x in figures}
    facts: list[dict[str, Any]] = []
    fact_of: dict[str, dict[str, Any]] = {}

    def new_fact(x: Located, kind: str) -> dict[str, Any]:
        attrs = x.mention.attrs
        subject = subjects.get(x.id)
        fact: dict[str, Any] = {
            "id": "",
            "kind": kind,
            "quantity": attrs.get("quantity") if kind == "figure" else "award",
            "value": attrs.get("value") if kind == "figure" else attrs.get("count"),
            "value_max": attrs.get("value_max") if kind == "figure" else None,
            "unit": attrs.get("unit") if kind == "figure" else _recipient_noun(x),
            "recipient": attrs.get("recipient") if kind == "award" else None,
            "subject": subject.id if subject else None,
            "mentions": [x.id],
            "part_of": None,
            "_key": None,
            "_title": _in_title(ctx, x),
        }
        facts.append(fact)
        fact_of[x.id] = fact
        return fact

    # Breakdowns first: a part never merges with a fact outside its total.
    part_of: dict[str, str] = {}
    for group in (figures, awards):
        for total in group:
            if total.id in part_of:
                continue
            parts = _total_of(ctx, total, group)
            if total.label == "FIGURE":
                unit = _fold(str(total.mention.attrs.get("unit") or ""))
                parts = [
                    p
                    for p in parts
                    if p.mention.attrs.get("quantity") == total.mention.attrs.get("quantity")
                    and _fold(str(p.mention.attrs.get("unit") or "")).split()[:1]
                    == unit.split()[:1]
                    and p.mention.attrs.get("quantity") != "percent"
                ]
                if sum(_number(p, "value") for p in parts) > _number(total, "value") * 1.001:
                    parts = []  # more than the total: not its breakdown
            else:
                counts = [_number(p, "count") for p in parts]
                if sum(counts) > _number(total, "count") or len(parts) < 2:
                    parts = []
            for p in parts:
                part_of.setdefault(p.id, total.id)

    for group, kind in ((figures, "figure"), (awards, "award")):
        keyed: dict[tuple[Any, ...], dict[str, Any]] = {}
        for x in group:
            attrs = x.mention.attrs
            if kind == "figure":
                subject = subjects.get(x.id)
                base = (
                    attrs.get("quantity"),
                    _number(x, "value"),
                    attrs.get("value_max"),
                    _fold(str(attrs.get("unit") or "")),
                )
                key = (*base, _subject_key(subject))
            else:
                base = (_number(x, "count"), _fold(_recipient_noun(x)))
                key = (*base, None)
            in_title = _in_title(ctx, x)
            if x.id in part_of:
                new_fact(x, kind)
                continue
            same = keyed.get(key)
            if same is not None and key[-1] is None and not (same["_title"] or in_title):
                same = None  # no subject, neither in the headline: may be two facts
            if same is None and kind == "figure" and key[-1] is None and in_title:
                # A headline without a subject restates a body fact that has one.
                same = next(
                    (f for k, f in keyed.items() if k[:-1] == base and f["_title"] is False),
                    None,
                )
            if same is None and kind == "figure" and key[-1] is not None:
                headline = keyed.get((*base, None))
                if headline is not None and headline["_title"] and len(headline["mentions"]) == 1:
                    same = headline
                    same["subject"] = subject.id if subject else None
            if same is not None:
                same["mentions"].append(x.id)
                same["_title"] = same["_title"] or in_title
                fact_of[x.id] = same
                keyed.setdefault(key, same)
                continue
            keyed[key] = new_fact(x, kind)

    for i, fact in enumerate(facts, start=1):
        fact["id"] = f"f{i}"
    for part, total in part_of.items():
        fact_of[part]["part_of"] = fact_of[total]["id"]
    out = []
    for fact in facts:
        fact.pop("_key")
        fact.pop("_title")
        fact["mentions"] = sorted(fact["mentions"], key=lambda m: int(m[1:]))
        out.append(fact)
    return Links(facts=out)


def _number(x: Located, name: str) -> float:
    value = x.mention.attrs.get(name)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _recipient_noun(x: Located) -> str:
    """An AWARD's recipient noun as written (its text without the count)."""
    words = x.text.split(maxsplit=1)
    return words[1] if len(words) > 1 else x.text
