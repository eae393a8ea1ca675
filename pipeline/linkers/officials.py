"""The record's ``officials``: each named person who holds a position, by mention id.

One official per person: short forms (``ông Chiến``, ``Chiến``) join the nearest earlier
full name that ends with them. Bylines and photo credits (PERSON ``role`` ``author``) are
never officials and never join one. The official's title is the last post attached to any
of the person's mentions (``Ủy viên T.Ư Đảng, Tổng giám đốc TTXVN`` → the latter), and its
org and place are the widest ORG and PLACE inside that TITLE.

``posts`` lists every post the person holds in the article, in text order: each TITLE
attached to one of the person's mentions, split where it joins posts (``kiêm``, ``,``,
``;``, ``đồng thời``; not the comma of ``phòng, chống``): ``Bí thư Đảng ủy kiêm Chủ tịch
UBND xã X`` → ``Bí thư Đảng ủy`` and ``Chủ tịch UBND xã X``. Each post has its source
span and text, its TITLE id, and the widest ORG and PLACE inside it; a post written without
a place takes the place of the next post of the same TITLE (the shared ``xã X``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex

from pipeline.extractors.people import joined_by_comma
from pipeline.linkers.base import Links, Located
from pipeline.text.scan import StartIndex, inside
from pipeline.text.tokenize import DocContext


def person_groups(located: Sequence[Located]) -> list[list[Located]]:
    """PERSON mentions grouped by person (full name first, then its short forms)."""
    groups: list[list[Located]] = []
    by_name: dict[str, list[Located]] = {}
    for x in located:
        if x.label != "PERSON" or x.mention.attrs.get("role") == "author":
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
    """The widest mention of ``index`` inside ``span`` (working-text offsets)."""
    inner = [
        x
        for x in index.starting_in(span[0], span[1] + 1)
        if inside((x.mention.start, x.mention.end), span)
    ]
    if not inner:
        return None
    return max(inner, key=lambda x: (x.mention.end - x.mention.start, -x.mention.start)).id


#: Two TITLEs joined as posts of one person.
_KIEM = regex.compile(r"[ \t]+kiêm[ \t]+")

#: Where one TITLE joins several posts.
_POST_JOIN = regex.compile(r"[ \t]*(?:\bkiêm\b|\bđồng thời( là)?\b|[,;])[ \t]*")


def _widest_source(index: StartIndex[Located], span: tuple[int, int]) -> str | None:
    """The widest mention of ``index`` inside ``span`` (source offsets)."""
    inner = [x for x in index.starting_in(span[0], span[1] + 1) if x.end <= span[1]]
    if not inner:
        return None
    return max(inner, key=lambda x: (x.end - x.start, -x.start)).id


_WORD_BEFORE = regex.compile(r"[\p{L}\p{M}]+\Z")
_WORD_AFTER = regex.compile(r"[\p{L}\p{M}]+")


def _joins_a_phrase(text: str, joint: regex.Match[str]) -> bool:
    """Whether a comma joint is inside a phrase written with a comma (``phòng, chống``)."""
    if "," not in joint.group():
        return False
    before = _WORD_BEFORE.search(text, 0, joint.start())
    after = _WORD_AFTER.match(text, joint.end())
    return bool(before and after) and joined_by_comma(before.group(), after.group())


def posts_of(title: Located, by_source: dict[str, StartIndex[Located]]) -> list[dict[str, Any]]:
    """The posts one TITLE names, with source spans (see the module docstring).

    ``by_source`` holds the ORG and PLACE mentions indexed by their source start."""
    pieces: list[tuple[int, int]] = []
    last = 0
    for joint in _POST_JOIN.finditer(title.text):
        if _joins_a_phrase(title.text, joint):
            continue  # "Chương trình phòng, chống lao": one name
        if joint.start() > last:
            pieces.append((last, joint.start()))
        last = joint.end()
    if last < len(title.text):
        pieces.append((last, len(title.text)))
    posts = []
    for a, b in pieces:
        span = (title.start + a, title.start + b)
        posts.append(
            {
                "start": span[0],
                "end": span[1],
                "text": title.text[a:b],
                "title": title.id,
                "org": _widest_source(by_source["ORG"], span),
                "place": _widest_source(by_source["PLACE"], span),
            }
        )
    for i in range(len(posts) - 2, -1, -1):
        if posts[i]["place"] is None:
            posts[i]["place"] = posts[i + 1]["place"]
    return posts


def link(ctx: DocContext, located: Sequence[Located]) -> Links:
    titles = {(x.mention.start, x.mention.end): x for x in located if x.label == "TITLE"}
    officials = []
    # Mentions of each label by start: the ORG and PLACE inside a title are found by
    # bisection, not by a scan of every mention for every official.
    by_label = {
        label: StartIndex((x for x in located if x.label == label), lambda x: x.mention.start)
        for label in ("ORG", "PLACE")
    }
    by_source = {
        label: StartIndex((x for x in located if x.label == label), lambda x: x.start)
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
        posts: list[dict[str, Any]] = []
        seen: set[str] = set()
        before: tuple[Located, list[dict[str, Any]]] | None = None
        for held_title in sorted({t.id: t for t in held}.values(), key=lambda t: t.start):
            own = posts_of(held_title, by_source)
            if before and _KIEM.fullmatch(
                ctx.text, before[0].mention.end, held_title.mention.start
            ):
                # "Bí thư Đảng ủy kiêm Chủ tịch UBND xã X": the first post is in xã X too.
                for post in before[1]:
                    post["place"] = post["place"] or own[0]["place"]
            before = (held_title, own)
            for post in own:
                key = " ".join(post["text"].casefold().split())
                if key not in seen:
                    seen.add(key)
                    posts.append(post)
        officials.append(
            {
                "person": group[0].id,
                "name": group[0].text,
                "mentions": [x.id for x in group],
                "title": title.id,
                "org": _widest(by_label["ORG"], span),
                "place": _widest(by_label["PLACE"], span),
                "posts": posts,
            }
        )
    return Links(officials=officials)
