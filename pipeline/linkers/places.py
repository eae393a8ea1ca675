"""The ``places`` list: PLACE mentions grouped per distinct place and resolved against the
gazetteer, with the article's other places as context."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any

from pipeline.extractors.place_words import (
    ADMIN_LEVELS,
    LABEL,
    LEVELS,
    PARENT_GAP,
    gazetteer_unit_types,
)
from pipeline.extractors.places import rank
from pipeline.linkers.base import Links, Located
from pipeline.resources import gazetteer, load_tsv
from pipeline.text.tokenize import DocContext


@cache
def _abbreviations() -> dict[str, str]:
    return {row["abbr"]: row["word"] for row in load_tsv("place_unit_abbreviations.tsv")}


def _query(item: Located) -> str:
    """The name to resolve, with its unit word when the gazetteer can use it (thị trấn X)."""
    name = str(item.mention.attrs.get("name", ""))
    unit = " ".join(str(item.mention.attrs.get("_unit", "")).rstrip(".").split())
    unit = _abbreviations().get(unit, unit)  # Q.2 is quận 2
    if unit.casefold() in gazetteer_unit_types():
        return f"{unit} {name}"
    return name


class _Places:
    """The article's PLACE mentions with what every group's context needs, computed once:
    each mention's position in the list and its gazetteer query."""

    def __init__(self, places: Sequence[Located]) -> None:
        self.items = places
        self.index = {item.id: i for i, item in enumerate(places)}
        self.query = {item.id: _query(item) for item in places}


def _parents_of(
    group: Sequence[Located], places: _Places, text: str, *, firm: bool = False
) -> list[tuple[str, str]]:
    """Parents written right after one of ``group``'s mentions, as (level, name).

    ``firm``: only parents that the text marks as such, by a unit word on either name or
    a bracket (``xã A, huyện B``, ``A (B)``); two bare names joined by a comma may as well
    be a list (``Nha Trang, Đà Nẵng``).
    """
    parents: list[tuple[str, str]] = []
    for item in group:
        prev = item
        for nxt in places.items[places.index[item.id] + 1 :]:
            gap = text[prev.mention.end : nxt.mention.start]
            if not PARENT_GAP.fullmatch(gap):
                break
            if rank(nxt.mention.attrs["level"]) < rank(prev.mention.attrs["level"]) and (
                not firm or "(" in gap or any(m.mention.attrs.get("_unit") for m in (prev, nxt))
            ):
                parents.append((nxt.mention.attrs["level"], places.query[nxt.id]))
            prev = nxt
    return _unique(parents)


def _nearest_first(group: Sequence[Located], places: _Places) -> list[tuple[str, str]]:
    """The article's other places, nearest to one of ``group``'s mentions first.

    The distance from a place to the group is the smallest gap to any of its mentions: to
    the latest end at or before the place's start, or from the place's end to the earliest
    start among the mentions ending after the place's start (both found by bisection).
    """
    ids = {item.id for item in group}
    by_end = sorted(group, key=lambda item: item.mention.end)
    ends = [item.mention.end for item in by_end]
    later_start = [0] * len(by_end)  # the earliest start among by_end[k:]
    best = None
    for k in range(len(by_end) - 1, -1, -1):
        start = by_end[k].mention.start
        best = start if best is None or start < best else best
        later_start[k] = best

    def distance(other: Located) -> int:
        k = bisect.bisect_right(ends, other.mention.start)
        gaps = []
        if k:
            gaps.append(other.mention.start - ends[k - 1])
        if k < len(ends):
            gaps.append(later_start[k] - other.mention.end)
        return min(gaps)

    rest = [
        (p.mention.attrs["level"], places.query[p.id])
        for p in sorted((p for p in places.items if p.id not in ids), key=distance)
    ]
    return _unique(rest)


class _LazyContext(Sequence[tuple[str, str]]):
    """The gazetteer context of one group, built only when a name is shared by several
    units (the gazetteer reads the context only then)."""

    def __init__(self, build: Callable[[], list[tuple[str, str]]]) -> None:
        self._build = build
        self._items: list[tuple[str, str]] | None = None

    def _list(self) -> list[tuple[str, str]]:
        if self._items is None:
            self._items = self._build()
        return self._items

    def __len__(self) -> int:
        return len(self._list())

    def __getitem__(self, i):  # type: ignore[override]
        return self._list()[i]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._list())


def _unique(places: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(dict.fromkeys(p for p in places if p[0] in ADMIN_LEVELS))


def _contradicted(resolution: gazetteer.Resolution, parents: Sequence[tuple[str, str]]) -> str:
    """The parent written with the place that the resolved unit does not lie in, or "".

    A written district of the unit's own province is no contradiction: communes moved
    between districts of a province (xã Nghi Phong of Nghi Lộc went to the city of Vinh),
    and the one unit of that name in the province is the place meant.
    """
    if resolution.status != "resolved":
        return ""
    chain = {unit.level: unit.code for unit in resolution.parents}
    for level, name in parents:
        if level not in chain:
            continue
        written = gazetteer.resolve(name, level)
        codes = (
            {written.unit.code}
            if written.status == "resolved" and written.unit
            else {c["code"] for c in written.candidates}
        )
        if codes and chain[level] not in codes:
            provinces = {p.code for p in written.parents if p.level == "province"}
            if level == "district" and chain.get("province") in provinces:
                continue
            return name
    return ""


def _resolve(group: Sequence[Located], places: _Places, text: str, level: str) -> dict[str, Any]:
    """The gazetteer fields of one administrative place (see :func:`link`)."""
    parents = _parents_of(group, places, text)
    firm = _parents_of(group, places, text, firm=True)
    context = _LazyContext(lambda: _unique([*parents, *_nearest_first(group, places)]))
    with_unit = max((places.query[item.id] for item in group), key=len)
    bare = str(group[0].mention.attrs["name"])
    # The unit word picks the unit type among namesakes (thị trấn X, not xã X); when that
    # contradicts a parent written with the place, the unit may have changed type since.
    for query in dict.fromkeys((with_unit, bare)):
        resolution = gazetteer.resolve(query, level, context=context)
        outside = _contradicted(resolution, firm)
        if not outside:
            return resolution.to_dict()
    found = resolution.to_dict()
    candidate = {
        "code": found["code"],
        "name": resolution.unit.name if resolution.unit else bare,
        "unit_type": found["unit_type"],
        "level": level,
        "parents": [p["name"] for p in found["parents"]],
    }
    return {
        **gazetteer.Resolution("not_found").to_dict(),
        "candidates": [candidate],
        "note": f"the unit of this name found lies outside {outside}, written with it",
    }


def link(ctx: DocContext, located: Sequence[Located]) -> Links:
    """One ``places`` entry per distinct place, resolved against the gazetteer.

    Mentions with the same level and name (compared as the gazetteer does) are merged,
    and so are names resolving to the same unit. The gazetteer gets the article's other
    places as context, the parents written right after a mention first (``xã Liên Lộc,
    huyện Hậu Lộc``). A unit found outside such a written parent is not the place meant
    (it was merged away before the gazetteer's data): status ``not_found``, with that unit
    as the only candidate and a note. Village, country and other places get status
    ``not_applicable`` without a lookup.
    """
    places = [
        item
        for item in located
        if item.label == LABEL
        and item.mention.attrs.get("level") in LEVELS
        and item.mention.attrs.get("name")
    ]
    groups: dict[tuple[str, str], list[Located]] = {}
    for item in places:
        attrs = item.mention.attrs
        groups.setdefault((attrs["level"], gazetteer.name_key(attrs["name"])), []).append(item)
    indexed = _Places(places)
    entries: list[dict[str, Any]] = []
    by_code: dict[tuple[str, str], dict[str, Any]] = {}
    for (level, _), group in groups.items():
        entry: dict[str, Any] = {
            "mentions": [item.id for item in group],
            "level": level,
            "name": group[0].mention.attrs["name"],
        }
        if level in ADMIN_LEVELS:
            entry.update(_resolve(group, indexed, ctx.text, level))
        else:
            entry.update(gazetteer.Resolution("not_applicable").to_dict())
        code = entry.get("code")
        if entry["status"] == "resolved" and code:
            if (level, code) in by_code:
                by_code[level, code]["mentions"] += entry["mentions"]
                continue
            by_code[level, code] = entry
        entries.append(entry)
    order = {item.id: i for i, item in enumerate(located)}
    for entry in entries:
        entry["mentions"].sort(key=order.__getitem__)
    entries.sort(key=lambda e: order[e["mentions"][0]])
    return Links(places=entries)
