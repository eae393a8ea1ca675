"""The record's ``officials``: each named person who holds a position, by mention id.

One official per person: short forms (``ông Chiến``, ``Chiến``) join the nearest earlier
full name that ends with them. The official's title is the last post attached to any of
the person's mentions (``Ủy viên T.Ư Đảng, Tổng giám đốc TTXVN`` → the latter), and its
org and place are the widest ORG and PLACE inside that TITLE.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.linkers.base import Links, Located
from pipeline.text.scan import StartIndex, inside
from pipeline.text.tokenize import DocContext


def person_groups(located: Sequence[Located]) -> list[list[Located]]:
    """PERSON mentions grouped by person (full name first, then its short forms)."""
    groups: list[list[Located]] = []
    by_name: dict[str, list[Located]] = {}
    for x in located:
        if x.label != "PERSON":
            continue
        words = x.text.split()
        target = None
        if len(words) < 3:
            # The nearest earlier full name that ends with this one.
            for group in reversed(groups):
                full = group[0].text.split()
                if len(full) > len(words) and full[-len(words) :] == words:
                    target = group
                    break
        if target is None:
            target = by_name.get(x.text)
        if target is None:
            target = []
            groups.append(target)
            by_name[x.text] = target
        target.append(x)
    return groups


def _widest(index: StartIndex[Located], span: tuple[int, int]) -> str | None:
    inner = [
        x
        for x in index.starting_in(span[0], span[1] + 1)
        if inside((x.mention.start, x.mention.end), span)
    ]
    if not inner:
        return None
    return max(inner, key=lambda x: (x.mention.end - x.mention.start, -x.mention.start)).id


def link(ctx: DocContext, located: Sequence[Located]) -> Links:
    titles = {(x.mention.start, x.mention.end): x for x in located if x.label == "TITLE"}
    officials = []
    # Mentions of each label by start: the ORG and PLACE inside a title are found by
    # bisection, not by a scan of every mention for every official.
    by_label = {
        label: StartIndex((x for x in located if x.label == label), lambda x: x.mention.start)
        for label in ("ORG", "PLACE")
    }
    for group in person_groups(located):
        held = [
            titles[span]
            for x in group
            for span in x.mention.attrs.get("_titles", ())
            if span in titles
        ]
        if not held:
            continue
        title = held[-1]
        span = (title.mention.start, title.mention.end)
        officials.append(
            {
                "person": group[0].id,
                "name": group[0].text,
                "mentions": [x.id for x in group],
                "title": title.id,
                "org": _widest(by_label["ORG"], span),
                "place": _widest(by_label["PLACE"], span),
            }
        )
    return Links(officials=officials)
