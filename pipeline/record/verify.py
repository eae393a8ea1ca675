"""Compare a record with a fresh extraction of its source: every derived value must agree.

:func:`derived_differences` is pure (no extraction): :func:`pipeline.api.verify_against_source`
re-extracts the source and calls it. Each difference is one problem naming where it is: a
mention id and field (``m3.value``), a relation entry and field (``places[0].code``) or a
top-level field (``dateline``, ``title``, ``event.date``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

#: Fields of a record that extraction derives from the source text (and its metadata).
DERIVED_FIELDS: tuple[str, ...] = ("title", "dateline", "event", "warnings")
#: Relation lists compared entry by entry.
DERIVED_LISTS: tuple[str, ...] = ("officials", "places", "awards")
#: Most problems listed per record; the rest are counted in one last problem.
MAX_PROBLEMS = 60


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 120 else text[:117] + "..."


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON values (1 == 1.0, but True is not 1)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b)
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _differ(where: str, recorded: Any, fresh: Any) -> str:
    return f"{where}: record says {_show(recorded)}, the source gives {_show(fresh)}"


def _fields(where: str, recorded: Mapping[str, Any], fresh: Mapping[str, Any]) -> list[str]:
    problems = []
    for key in [*recorded, *(k for k in fresh if k not in recorded)]:
        mine, theirs = recorded.get(key), fresh.get(key)
        if not _same(mine, theirs):
            problems.append(_differ(f"{where}.{key}", mine, theirs))
    return problems


def _mention_problems(recorded: Sequence[Any], fresh: Sequence[Any]) -> list[str]:
    mine = {str(m.get("id")): m for m in recorded if isinstance(m, Mapping)}
    theirs = {str(m.get("id")): m for m in fresh if isinstance(m, Mapping)}
    problems = []
    for mid in [*mine, *(k for k in theirs if k not in mine)]:
        a, b = mine.get(mid), theirs.get(mid)
        if b is None:
            problems.append(
                f"{mid}: the record's {a.get('label')} at [{a.get('start')}, {a.get('end')}) "
                "is not found by extraction from the source"
            )
        elif a is None:
            problems.append(
                f"{mid}: extraction from the source finds a {b['label']} at "
                f"[{b['start']}, {b['end']}) that the record lacks"
            )
        else:
            problems += _fields(mid, a, b)
    return problems


def _list_problems(name: str, recorded: Sequence[Any], fresh: Sequence[Any]) -> list[str]:
    problems = []
    if len(recorded) != len(fresh):
        problems.append(
            f"{name}: record has {len(recorded)} entries, the source gives {len(fresh)}"
        )
    for i, (a, b) in enumerate(zip(recorded, fresh, strict=False)):
        where = f"{name}[{i}]"
        if isinstance(a, Mapping) and isinstance(b, Mapping):
            first = a.get("person") or (a.get("mentions") or a.get("recipients") or [None])[0]
            if isinstance(first, str):
                where += f" ({first})"
            problems += _fields(where, a, b)
        elif not _same(a, b):
            problems.append(_differ(where, a, b))
    return problems


def derived_differences(record: Mapping[str, Any], fresh: Mapping[str, Any]) -> list[str]:
    """Every derived value where ``record`` and ``fresh`` (a new extraction of the same
    source with the same metadata) differ, as problems naming the mention id and field.

    ``record`` must have passed the schema check (:func:`pipeline.record.validate.schema_problems`).
    """
    problems = []
    source, fresh_source = record.get("source") or {}, fresh.get("source") or {}
    if source.get("encoding") != fresh_source.get("encoding"):
        problems.append(
            _differ("source.encoding", source.get("encoding"), fresh_source.get("encoding"))
        )
    problems += _mention_problems(record.get("mentions") or [], fresh.get("mentions") or [])
    for key in DERIVED_FIELDS:
        mine, theirs = record.get(key), fresh.get(key)
        if isinstance(mine, Mapping) and isinstance(theirs, Mapping):
            problems += _fields(key, mine, theirs)
        elif not _same(mine, theirs):
            problems.append(_differ(key, mine, theirs))
    for key in DERIVED_LISTS:
        problems += _list_problems(key, record.get(key) or [], fresh.get(key) or [])
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], f"... and {more} more differences"]
    return problems
