"""Check a record against its source article and the published JSON Schema.

Every check returns human-readable problems (an empty list means valid): schema,
sha256 of the source bytes, ``source[start:end] == text`` for every span, mentions
sorted and non-overlapping within a label, references pointing at mentions of the
right label, values consistent with their text (a FIGURE's value re-parsed), and a
record that is strict JSON (no NaN or Infinity, e.g. from caller metadata).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from importlib import resources as _importlib_resources
from typing import TYPE_CHECKING, Any

from pipeline.errors import VnieError
from pipeline.text.ingest import decode, normalise

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

_REFERENCE_LABELS: dict[tuple[str, str], tuple[str, ...]] = {
    ("officials", "person"): ("PERSON",),
    ("officials", "mentions"): ("PERSON",),
    ("officials", "title"): ("TITLE",),
    ("officials", "org"): ("ORG",),
    ("officials", "place"): ("PLACE",),
    ("places", "mentions"): ("PLACE",),
    ("awards", "recipients"): ("AWARD",),
    ("awards", "givers"): ("TITLE", "ORG", "PERSON"),
    ("awards", "amount"): ("FIGURE",),
    ("awards", "date"): ("DATE",),
    ("awards", "place"): ("PLACE",),
    ("event", "date"): ("DATE",),
    ("event", "place"): ("PLACE",),
    ("event", "organiser"): ("ORG", "TITLE"),
}


@cache
def schema() -> dict[str, Any]:
    """The published article schema (``pipeline/schema/article.schema.json``)."""
    path = _importlib_resources.files("pipeline").joinpath("schema", "article.schema.json")
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator  # only when a schema check is asked for

    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


def schema_problems(record: Any) -> list[str]:
    """Schema violations, each as ``at <json path>: <message>``."""
    problems = []
    for error in sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(record)"
        problems.append(f"schema: at {where}: {error.message}")
    return problems


def validate_record(
    record: Mapping[str, Any],
    *,
    source_bytes: bytes | None = None,
    source_text: str | None = None,
    check_schema: bool = True,
) -> list[str]:
    """All problems of ``record``; grounding checks need ``source_bytes`` or ``source_text``.

    ``check_schema=False`` skips the JSON Schema pass (the slowest check) for records this
    package has just built; ``vnie validate`` and the tests always run it.
    """
    problems = schema_problems(record) if check_schema else []
    if problems:
        return problems
    if source_bytes is not None:
        from pipeline.text.ingest import sha256_hex

        if sha256_hex(source_bytes) != record["source"]["sha256"]:
            problems.append("source: sha256 of the source bytes does not match the record")
        try:
            source_text = decode(source_bytes, path=record["source"]["path"]).text
        except VnieError as err:
            problems.append(f"source: cannot decode: {err}")
            return problems
    if source_text is not None:
        if len(source_text) != record["source"]["length"]:
            problems.append(
                f"source: length {len(source_text)} differs from recorded "
                f"{record['source']['length']}"
            )
        problems += _grounding_problems(record, source_text)
    problems += _order_problems(record["mentions"])
    problems += _reference_problems(record)
    problems += _value_problems(record["mentions"])
    problems += _json_problems(record)
    return problems


def _json_problems(record: Any) -> list[str]:
    """A record must be strict JSON: caller metadata may hold NaN or Infinity (Python's
    ``json`` reads them from JSONL and writes them back, but they are not JSON)."""
    try:
        json.dumps(record, allow_nan=False)
    except (TypeError, ValueError):
        return [f"{where}: {value!r} is not strict JSON" for where, value in _non_json(record, "")]
    return []


def _non_json(value: Any, where: str) -> list[tuple[str, Any]]:
    if isinstance(value, Mapping):
        return [bad for k, v in value.items() for bad in _non_json(v, f"{where}/{k}")]
    if isinstance(value, list | tuple):
        return [bad for i, v in enumerate(value) for bad in _non_json(v, f"{where}/{i}")]
    if isinstance(value, float) and not math.isfinite(value):
        return [(where.lstrip("/"), value)]
    if value is None or isinstance(value, str | int | float):
        return []
    return [(where.lstrip("/"), value)]


def _grounding_problems(record: Mapping[str, Any], source: str) -> list[str]:
    problems = []
    spans: list[tuple[str, Mapping[str, Any]]] = [(m["id"], m) for m in record["mentions"]]
    if record.get("title"):
        spans.append(("title", record["title"]))
    if record.get("event"):
        spans.append(("event.name", record["event"]["name"]))
    for name, span in spans:
        start, end, text = span["start"], span["end"], span["text"]
        if not 0 <= start < end <= len(source):
            problems.append(f"{name}: span [{start}, {end}) is outside the source")
        elif source[start:end] != text:
            problems.append(
                f"{name}: source[{start}:{end}] is {source[start:end]!r}, record says {text!r}"
            )
        elif text != text.strip():
            problems.append(f"{name}: span {text!r} starts or ends with whitespace")
    return problems


def _order_problems(mentions: list[Mapping[str, Any]]) -> list[str]:
    problems = []
    ids = [m["id"] for m in mentions]
    if len(set(ids)) != len(ids):
        problems.append("mentions: ids are not unique")
    keys = [(m["start"], m["end"]) for m in mentions]
    if keys != sorted(keys):
        problems.append("mentions: not sorted by start, end")
    last_end: dict[str, tuple[int, str]] = {}
    for m in sorted(mentions, key=lambda m: (m["start"], m["end"])):
        previous = last_end.get(m["label"])
        if previous is not None and m["start"] < previous[0]:
            problems.append(f"{m['id']}: {m['label']} overlaps {previous[1]}")
        if previous is None or m["end"] > previous[0]:
            last_end[m["label"]] = (m["end"], m["id"])
    return problems


def _reference_problems(record: Mapping[str, Any]) -> list[str]:
    labels = {m["id"]: m["label"] for m in record["mentions"]}
    problems = []

    def check(where: str, key: tuple[str, str], ref: Any) -> None:
        refs = ref if isinstance(ref, list) else [ref]
        for one in refs:
            if one is None:
                continue
            if one not in labels:
                problems.append(f"{where}: {one} is not a mention id")
            elif labels[one] not in _REFERENCE_LABELS[key]:
                expected = "/".join(_REFERENCE_LABELS[key])
                problems.append(f"{where}: {one} is a {labels[one]}, expected {expected}")

    for section in ("officials", "places", "awards"):
        for i, entry in enumerate(record[section]):
            for field, ref in entry.items():
                if (section, field) in _REFERENCE_LABELS:
                    check(f"{section}[{i}].{field}", (section, field), ref)
    if record["event"]:
        for field in ("date", "place", "organiser"):
            check(f"event.{field}", ("event", field), record["event"][field])
    for m in record["mentions"]:
        if m["label"] == "FIGURE" and m.get("subject") is not None:
            subject = m["subject"]
            if labels.get(subject) not in ("PLACE", "ORG"):
                problems.append(f"{m['id']}.subject: {subject} is not a PLACE or ORG mention")
    return problems


def _value_problems(mentions: list[Mapping[str, Any]]) -> list[str]:
    from pipeline.extractors.figures import parse_value

    problems = []
    for m in mentions:
        if m["label"] != "FIGURE":
            continue
        # Read the text as extractors did: a source span may hold NFD (cp1258), NBSP or
        # zero-width characters that the working text normalises away.
        parsed = parse_value(normalise(m["text"], strip_boilerplate=False).text)
        if parsed is None:
            problems.append(f"{m['id']}: FIGURE text {m['text']!r} has no readable value")
            continue
        value, value_max = parsed
        if float(value) != float(m["value"]):
            problems.append(f"{m['id']}: value {m['value']} but its text reads {value}")
        if value_max is not None and float(value_max) != float(m.get("value_max", value_max)):
            problems.append(f"{m['id']}: value_max {m.get('value_max')} but text reads {value_max}")
    return problems
