"""The ``places`` list: PLACE mentions grouped per distinct place and resolved against the
gazetteer, with the article's other places as context."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
from pipeline.resources import gazetteer
from pipeline.text.tokenize import DocContext


def _query(item: Located) -> str:
    """The name to resolve, with its unit word when the gazetteer can use it (thị trấn X)."""
    name = str(item.mention.attrs.get("name", ""))
    unit = " ".join(str(item.mention.attrs.get("_unit", "")).rstrip(".").split())
    if unit.casefold() in gazetteer_unit_types():
        return f"{unit} {name}"
    return name


def _context_for(
    group: Sequence[Located], places: Sequence[Located], text: str
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(parents written right after one of ``group``'s mentions, the article's other places
    nearest first), each as (level, name) at administrative levels."""
    ids = {item.id for item in group}
    index = {item.id: i for i, item in enumerate(places)}
    parents: list[tuple[str, str]] = []
    for item in group:
        prev = item
        for nxt in places[index[item.id] + 1 :]:
            if not PARENT_GAP.fullmatch(text[prev.mention.end : nxt.mention.start]):
                break
            if rank(nxt.mention.attrs["level"]) < rank(prev.mention.attrs["level"]):
                parents.append((nxt.mention.attrs["level"], _query(nxt)))
            prev = nxt

    def distance(other: Located) -> int:
        return min(
            other.mention.start - item.mention.end
            if other.mention.start >= item.mention.end
            else item.mention.start - other.mention.end
            for item in group
        )

    rest = [
        (p.mention.attrs["level"], _query(p))
        for p in sorted((p for p in places if p.id not in ids), key=distance)
    ]
    return _unique(parents), _unique(rest)


def _unique(places: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(dict.fromkeys(p for p in places if p[0] in ADMIN_LEVELS))


def _contradicted(resolution: gazetteer.Resolution, parents: Sequence[tuple[str, str]]) -> str:
    """The parent written with the place that the resolved unit does not lie in, or ""."""
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
            return name
    return ""


def _resolve(
    group: Sequence[Located], places: Sequence[Located], text: str, level: str
) -> dict[str, Any]:
    """The gazetteer fields of one administrative place (see :func:`link`)."""
    parents, rest = _context_for(group, places, text)
    context = _unique([*parents, *rest])
    with_unit = max((_query(item) for item in group), key=len)
    bare = str(group[0].mention.attrs["name"])
    # The unit word picks the unit type among namesakes (thị trấn X, not xã X); when that
    # contradicts a parent written with the place, the unit may have changed type since.
    for query in dict.fromkeys((with_unit, bare)):
        resolution = gazetteer.resolve(query, level, context=context)
        outside = _contradicted(resolution, parents)
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
    entries: list[dict[str, Any]] = []
    by_code: dict[tuple[str, str], dict[str, Any]] = {}
    for (level, _), group in groups.items():
        entry: dict[str, Any] = {
            "mentions": [item.id for item in group],
            "level": level,
            "name": group[0].mention.attrs["name"],
        }
        if level in ADMIN_LEVELS:
            entry.update(_resolve(group, places, ctx.text, level))
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
