"""Check a record against its source article and the published JSON Schema.

Every check returns human-readable problems (an empty list means valid): schema,
sha256 of the source bytes, ``source[start:end] == text`` for every span, mentions
sorted and non-overlapping within a label, references pointing at mentions of the
right label, values consistent with their text (a FIGURE's value re-parsed), and a
record that is strict JSON (no NaN or Infinity, e.g. from caller metadata).

These checks are cheap and never re-extract (extraction runs them on every record it
builds). Every other derived value (dates, units, counts, places, dateline, relations) is
re-derived by :func:`pipeline.api.verify_against_source`, which ``vnie validate`` and
``vnie report`` run as well.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Mapping
from functools import cache
from importlib import resources as _importlib_resources
from typing import Any

from pipeline.errors import VnieError
from pipeline.text.ingest import decode, normalise

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


def _is_strict_integer(checker: Any, instance: Any) -> bool:
    """JSON Schema counts ``3.0`` as an integer; offsets must be ints to index text."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def _validator() -> Any:
    """The schema's validator, integers strict; jsonschema is imported only when a schema
    check is asked for (it costs the cold start of every command otherwise)."""
    from jsonschema import Draft202012Validator, validators

    strict = validators.extend(
        Draft202012Validator,
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_strict_integer),
    )
    Draft202012Validator.check_schema(schema())
    return strict(schema())


#: Most schema problems listed for one record (a broken record can have thousands).
MAX_SCHEMA_PROBLEMS = 40


def schema_problems(record: Any) -> list[str]:
    """Schema violations, each as ``at <json path>: <message>`` (integers must be JSON
    integers: ``3.0`` is not an offset). Never raises, whatever ``record`` holds."""
    try:
        errors = sorted(
            _validator().iter_errors(record), key=lambda e: [str(p) for p in e.absolute_path]
        )
    except RecursionError:
        return ["schema: the record is nested too deeply to check"]
    problems = []
    for error in errors[:MAX_SCHEMA_PROBLEMS]:
        where = "/".join(str(p) for p in error.absolute_path) or "(record)"
        message = error.message if len(error.message) <= 200 else error.message[:197] + "..."
        problems.append(f"schema: at {where}: {message}")
    if len(errors) > MAX_SCHEMA_PROBLEMS:
        problems.append(f"schema: ... and {len(errors) - MAX_SCHEMA_PROBLEMS} more violations")
    return problems


def validate_record(
    record: Mapping[str, Any],
    *,
    source_bytes: bytes | None = None,
    source_text: str | None = None,
    check_schema: bool = True,
) -> list[str]:
    """All problems of ``record``; grounding checks need ``source_bytes`` or ``source_text``.

    ``source_bytes`` are the file's bytes (kind ``file``): their sha256 must be the record's
    ``source.sha256`` and they are decoded without a size limit (the record may have been
    made with a larger ``--max-chars``). ``source_text`` is the decoded text: its sha256 must
    be the record's ``source.text_sha256`` when the record has one. Text that does not
    match is not quoted: the problem only says so.

    ``check_schema=False`` skips the JSON Schema pass (the slowest check) for records this
    package has just built; ``vnie validate`` and the tests always run it. This check
    never re-extracts: :func:`pipeline.api.verify_against_source` re-derives every value.
    """
    problems = schema_problems(record) if check_schema else []
    if problems:
        return problems
    info = record["source"]
    if source_bytes is not None:
        from pipeline.text.ingest import sha256_hex

        source_text = None
        if sha256_hex(source_bytes) != info["sha256"]:
            problems.append(
                "source: the file does not match the record (sha256 of its bytes differs "
                "from source.sha256); its text is not checked"
            )
        else:
            try:
                source_text = decode(source_bytes, path=info["path"], max_chars=sys.maxsize).text
            except VnieError as err:
                problems.append(f"source: cannot decode: {err}")
    elif source_text is not None and info.get("text_sha256"):
        from pipeline.text.ingest import sha256_hex

        if sha256_hex(source_text.encode("utf-8")) != info["text_sha256"]:
            problems.append(
                "source: the text does not match the record (its sha256 differs from "
                "source.text_sha256); it is not checked"
            )
            source_text = None
    if source_text is not None:
        if len(source_text) != info["length"]:
            problems.append(
                f"source: length {len(source_text)} differs from recorded {info['length']}"
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
    except RecursionError:
        return ["record: nested too deeply to write as JSON"]
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
            # Guide v2 ("Relations"): a subject is a PLACE, ORG, PERSON or TITLE mention.
            if labels.get(subject) not in ("PLACE", "ORG", "PERSON", "TITLE"):
                problems.append(
                    f"{m['id']}.subject: {subject} is not a PLACE, ORG, PERSON or TITLE mention"
                )
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
