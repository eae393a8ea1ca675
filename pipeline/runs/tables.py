"""Article records (JSONL) in; Parquet tables and a DuckDB database out, for dashboards.

:func:`build_tables` streams every record once and writes one Parquet file per table
under ``OUT/tables/`` (row groups of bounded size, so memory does not grow with the
number of records), then :func:`write_duckdb` copies them into ``OUT/vnie.duckdb``.
Every file is written under a temporary name and renamed into place, so a reader (or a
run killed half-way) never sees a half-written table.

Tables and columns (mention references are mention ids such as ``m7``, a ``*_text``
column holds the referenced mention's text; lists are Arrow list columns):

- ``articles``: doc_id, path, sha256, encoding, length, title, dateline (date), url,
  published, source, metadata (JSON), n_mentions, n_person, n_title, n_org, n_place,
  n_date, n_figure, n_award, n_officials, n_places, n_awards, event_name, valid,
  problems, warnings (codes), records_file, records_line
- ``mentions``: doc_id, mention_id, label, start, end, text, rule, attrs (JSON of the
  other attributes)
- ``officials``: doc_id, official (index in the record), person, person_text, name,
  title, title_text, org, org_text, place, place_text, mentions, posts (every post the
  person holds in the article, ``kiêm`` split)
- ``places``: doc_id, place (index), mentions, text (of the first mention), level,
  name, status, code, unit_type, province, province_code, district, district_code,
  successor_code, successor_name, successor_unit_type, successor_province,
  successor_note, n_candidates, note, country (a province row is its own ``province``)
- ``figures``: doc_id, mention_id, start, end, text, value, value_max, unit, quantity,
  subject, subject_text, measure, rule, fact_id, part_of (the total's fact id)
- ``awards``: doc_id, award (index), kinds, recipients, recipients_text,
  recipient_count (recipients counted once: a restated count or the parts of a breakdown
  are not added again), givers, givers_text, amount, amount_text, amount_value, date,
  date_text, date_value, place, place_text, fact_id and part_of (one entry per recipient)
- ``all_facts``: doc_id, fact_id, kind, quantity, value, value_max, unit, recipient,
  subject, subject_text, subject_label, subject_place_code, subject_place_level,
  subject_province_code, mentions, n_mentions, part_of, dateline (see
  :mod:`pipeline.linkers.facts`)

The DuckDB database adds views and corpus-level tables (:data:`DUCKDB_VIEWS`): ``facts``
(figure facts that are not parts of a breakdown: sum these), ``fact_parts`` (the parts),
``award_facts`` (award facts that are not parts), ``entities_officials`` and
``entities_places``.
- ``errors``: input, line, row, doc_id, key, stage, code, reason, traceback
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.runs.durable import fsync_path
from pipeline.types import LABELS

TABLES_DIR = "tables"
DUCKDB_FILE = "vnie.duckdb"
#: Rows buffered per table before a Parquet row group is written.
ROW_GROUP = 1_000

_STR = pa.string()
_INT = pa.int64()
_STRS = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("doc_id", _STR),
            ("path", _STR),
            ("sha256", _STR),
            ("encoding", _STR),
            ("length", _INT),
            ("title", _STR),
            ("dateline", pa.date32()),
            ("url", _STR),
            ("published", _STR),
            ("source", _STR),
            ("metadata", _STR),
            ("n_mentions", _INT),
            *[(f"n_{label.lower()}", _INT) for label in LABELS],
            ("n_officials", _INT),
            ("n_places", _INT),
            ("n_awards", _INT),
            ("event_name", _STR),
            ("valid", pa.bool_()),
            ("problems", _STRS),
            ("warnings", _STRS),
            ("records_file", _STR),
            ("records_line", _INT),
        ]
    ),
    "mentions": pa.schema(
        [
            ("doc_id", _STR),
            ("mention_id", _STR),
            ("label", _STR),
            ("start", _INT),
            ("end", _INT),
            ("text", _STR),
            ("rule", _STR),
            ("attrs", _STR),
        ]
    ),
    "officials": pa.schema(
        [
            ("doc_id", _STR),
            ("official", _INT),
            ("person", _STR),
            ("person_text", _STR),
            ("name", _STR),
            ("title", _STR),
            ("title_text", _STR),
            ("org", _STR),
            ("org_text", _STR),
            ("place", _STR),
            ("place_text", _STR),
            ("mentions", _STRS),
            ("posts", _STRS),
        ]
    ),
    "places": pa.schema(
        [
            ("doc_id", _STR),
            ("place", _INT),
            ("mentions", _STRS),
            ("text", _STR),
            ("level", _STR),
            ("name", _STR),
            ("status", _STR),
            ("code", _STR),
            ("unit_type", _STR),
            ("province", _STR),
            ("province_code", _STR),
            ("district", _STR),
            ("district_code", _STR),
            ("successor_code", _STR),
            ("successor_name", _STR),
            ("successor_unit_type", _STR),
            ("successor_province", _STR),
            ("successor_note", _STR),
            ("n_candidates", _INT),
            ("note", _STR),
            ("country", _STR),
        ]
    ),
    "figures": pa.schema(
        [
            ("doc_id", _STR),
            ("mention_id", _STR),
            ("start", _INT),
            ("end", _INT),
            ("text", _STR),
            ("value", pa.float64()),
            ("value_max", pa.float64()),
            ("unit", _STR),
            ("quantity", _STR),
            ("subject", _STR),
            ("subject_text", _STR),
            ("measure", _STR),
            ("rule", _STR),
            ("fact_id", _STR),
            ("part_of", _STR),
        ]
    ),
    "awards": pa.schema(
        [
            ("doc_id", _STR),
            ("award", _INT),
            ("kinds", _STRS),
            ("recipients", _STRS),
            ("recipients_text", _STRS),
            ("recipient_count", _INT),
            ("givers", _STRS),
            ("givers_text", _STRS),
            ("amount", _STR),
            ("amount_text", _STR),
            ("amount_value", pa.float64()),
            ("date", _STR),
            ("date_text", _STR),
            ("date_value", _STR),
            ("place", _STR),
            ("place_text", _STR),
            ("fact_id", _STRS),
            ("part_of", _STRS),
        ]
    ),
    "all_facts": pa.schema(
        [
            ("doc_id", _STR),
            ("fact_id", _STR),
            ("kind", _STR),
            ("quantity", _STR),
            ("value", pa.float64()),
            ("value_max", pa.float64()),
            ("unit", _STR),
            ("recipient", _STR),
            ("subject", _STR),
            ("subject_text", _STR),
            ("subject_label", _STR),
            ("subject_place_code", _STR),
            ("subject_place_level", _STR),
            ("subject_province_code", _STR),
            ("mentions", _STRS),
            ("n_mentions", _INT),
            ("part_of", _STR),
            ("dateline", pa.date32()),
        ]
    ),
    "errors": pa.schema(
        [
            ("input", _STR),
            ("line", _INT),
            ("row", _INT),
            ("doc_id", _STR),
            ("key", _STR),
            ("stage", _STR),
            ("code", _STR),
            ("reason", _STR),
            ("traceback", _STR),
        ]
    ),
}

#: Longest text kept in a metadata, title or event column, in characters; longer values are
#: cut and end with :data:`TRUNCATED` (records.jsonl keeps them whole).
FIELD_CAP = 4_096
#: Longest ``articles.metadata`` JSON kept whole; past it, long values are cut.
METADATA_CAP = 65_536
TRUNCATED = "…[truncated: {n:,} characters in all; see the records file]"

#: Mention keys that are columns of ``mentions``; the others go to its ``attrs`` JSON.
_MENTION_COLUMNS = frozenset({"id", "label", "start", "end", "text", "rule"})


# --- value coercion (records may be invalid; a table must still load) ---------------------


def _str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def _float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _strs(value: Any) -> list[str]:
    if not isinstance(value, list):
        return [] if value is None else [str(value)]
    return [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value]


def _capped(value: str | None, cap: int = FIELD_CAP) -> str | None:
    """``value`` cut to ``cap`` characters (with a marker) when longer."""
    if value is None or len(value) <= cap:
        return value
    return value[:cap] + TRUNCATED.format(n=len(value))


def _metadata_json(metadata: Mapping[str, Any]) -> str | None:
    """The metadata as JSON, long values cut so that it stays within :data:`METADATA_CAP`."""
    if not metadata:
        return None
    text = json.dumps(metadata, ensure_ascii=False)
    if len(text) <= METADATA_CAP:
        return text
    cut = {}
    for key, value in metadata.items():
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        cut[_capped(str(key), 256)] = value if len(shown) <= 256 else _capped(shown, 256)
    text = json.dumps(cut, ensure_ascii=False)
    if len(text) <= METADATA_CAP:
        return text
    return json.dumps({"truncated": TRUNCATED.format(n=len(text))}, ensure_ascii=False)


def _date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _dict(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


# --- rows per record ------------------------------------------------------------------------


class _Refs:
    """Mention lookups of one record."""

    def __init__(self, record: Mapping[str, Any]) -> None:
        mentions = record.get("mentions")
        self.by_id: dict[str, Mapping[str, Any]] = {
            m["id"]: m
            for m in (mentions if isinstance(mentions, list) else [])
            if isinstance(m, Mapping) and isinstance(m.get("id"), str)
        }

    def text(self, ref: Any) -> str | None:
        mention = self.by_id.get(ref) if isinstance(ref, str) else None
        return _str(mention.get("text")) if mention else None

    def texts(self, refs: Any) -> list[str]:
        return [t for t in (self.text(r) for r in _strs(refs)) if t is not None]

    def attr(self, ref: Any, name: str) -> Any:
        mention = self.by_id.get(ref) if isinstance(ref, str) else None
        return mention.get(name) if mention else None


def _facts_by_mention(record: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Each mention id of the record's ``facts`` → its fact."""
    return {m: fact for fact in _list(record, "facts") for m in _strs(fact.get("mentions"))}


def _place_of(record: Mapping[str, Any], mention_id: Any) -> Mapping[str, Any]:
    """The record's ``places`` entry holding a PLACE mention id (or ``{}``)."""
    if not isinstance(mention_id, str):
        return {}
    for place in _list(record, "places"):
        if mention_id in _strs(place.get("mentions")):
            return place
    return {}


def _list(record: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    value = record.get(name)
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def article_row(record: Mapping[str, Any], records_file: str, line: int) -> dict[str, Any]:
    """The ``articles`` row of one record."""
    source = _dict(record.get("source"))
    metadata = _dict(record.get("metadata"))
    mentions = _list(record, "mentions")
    validation = _dict(record.get("validation"))
    title = record.get("title")
    event = record.get("event")
    row: dict[str, Any] = {
        "doc_id": _str(record.get("doc_id")),
        "path": _str(source.get("path")),
        "sha256": _str(source.get("sha256")),
        "encoding": _str(source.get("encoding")),
        "length": _int(source.get("length")),
        "title": _capped(_str(title.get("text"))) if isinstance(title, Mapping) else None,
        "dateline": _date(record.get("dateline")),
        "url": _capped(_str(metadata.get("url"))),
        "published": _capped(_str(metadata.get("published"))),
        "source": _capped(_str(metadata.get("source"))),
        "metadata": _metadata_json(metadata),
        "n_mentions": len(mentions),
        "n_officials": len(_list(record, "officials")),
        "n_places": len(_list(record, "places")),
        "n_awards": len(_list(record, "awards")),
        "event_name": (
            _capped(_str(_dict(event.get("name")).get("text")))
            if isinstance(event, Mapping)
            else None
        ),
        "valid": validation.get("valid") if isinstance(validation.get("valid"), bool) else None,
        "problems": _strs(validation.get("problems")),
        "warnings": [_str(w.get("code")) or "" for w in _list(record, "warnings")],
        "records_file": records_file,
        "records_line": line,
    }
    for label in LABELS:
        row[f"n_{label.lower()}"] = sum(1 for m in mentions if m.get("label") == label)
    return row


def mention_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The ``mentions`` rows of one record."""
    doc_id = _str(record.get("doc_id"))
    for m in _list(record, "mentions"):
        attrs = {k: v for k, v in m.items() if k not in _MENTION_COLUMNS}
        yield {
            "doc_id": doc_id,
            "mention_id": _str(m.get("id")),
            "label": _str(m.get("label")),
            "start": _int(m.get("start")),
            "end": _int(m.get("end")),
            "text": _str(m.get("text")),
            "rule": _str(m.get("rule")),
            "attrs": json.dumps(attrs, ensure_ascii=False) if attrs else None,
        }


def official_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The ``officials`` rows of one record."""
    doc_id = _str(record.get("doc_id"))
    refs = _Refs(record)
    for i, official in enumerate(_list(record, "officials")):
        row: dict[str, Any] = {"doc_id": doc_id, "official": i}
        for field in ("person", "title", "org", "place"):
            row[field] = _str(official.get(field))
            row[f"{field}_text"] = refs.text(official.get(field))
        row["name"] = _str(official.get("name")) or row["person_text"]
        row["mentions"] = _strs(official.get("mentions"))
        row["posts"] = [
            _str(post.get("text")) or ""
            for post in official.get("posts") or []
            if isinstance(post, Mapping)
        ]
        yield row


def _unit(parents: Any, level: str) -> Mapping[str, Any]:
    for parent in parents if isinstance(parents, list) else []:
        if isinstance(parent, Mapping) and parent.get("level") == level:
            return parent
    return {}


def _country(place: Mapping[str, Any]) -> str | None:
    """The country of a place row: its own name for a country, Việt Nam for a unit the
    gazetteer resolved, else unknown."""
    if place.get("level") == "country":
        return _str(place.get("name"))
    if place.get("code"):
        return "Việt Nam"
    return None


def place_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The ``places`` rows of one record."""
    doc_id = _str(record.get("doc_id"))
    refs = _Refs(record)
    for i, place in enumerate(_list(record, "places")):
        mentions = _strs(place.get("mentions"))
        province = _unit(place.get("parents"), "province")
        if place.get("level") == "province" and place.get("code"):
            province = place  # a province row names itself as its province
        district = _unit(place.get("parents"), "district")
        successor = _dict(place.get("successor"))
        candidates = place.get("candidates")
        yield {
            "doc_id": doc_id,
            "place": i,
            "mentions": mentions,
            "text": refs.text(mentions[0]) if mentions else None,
            "level": _str(place.get("level")),
            "name": _str(place.get("name")),
            "status": _str(place.get("status")),
            "code": _str(place.get("code")),
            "unit_type": _str(place.get("unit_type")),
            "province": _str(province.get("name")),
            "province_code": _str(province.get("code")),
            "district": _str(district.get("name")),
            "district_code": _str(district.get("code")),
            "successor_code": _str(successor.get("code")),
            "successor_name": _str(successor.get("name")),
            "successor_unit_type": _str(successor.get("unit_type")),
            "successor_province": _str(successor.get("province")),
            "successor_note": _str(successor.get("note")),
            "n_candidates": len(candidates) if isinstance(candidates, list) else 0,
            "note": _str(place.get("note")),
            "country": _country(place),
        }


def figure_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The ``figures`` rows of one record (its FIGURE mentions)."""
    doc_id = _str(record.get("doc_id"))
    refs = _Refs(record)
    facts = _facts_by_mention(record)
    for m in _list(record, "mentions"):
        if m.get("label") != "FIGURE":
            continue
        fact = facts.get(m.get("id"), {})
        yield {
            "fact_id": _str(fact.get("id")),
            "part_of": _str(fact.get("part_of")),
            "doc_id": doc_id,
            "mention_id": _str(m.get("id")),
            "start": _int(m.get("start")),
            "end": _int(m.get("end")),
            "text": _str(m.get("text")),
            "value": _float(m.get("value")),
            "value_max": _float(m.get("value_max")),
            "unit": _str(m.get("unit")),
            "quantity": _str(m.get("quantity")),
            "subject": _str(m.get("subject")),
            "subject_text": refs.text(m.get("subject")),
            "measure": _str(m.get("measure")),
            "rule": _str(m.get("rule")),
        }


def award_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The ``awards`` rows of one record."""
    doc_id = _str(record.get("doc_id"))
    refs = _Refs(record)
    facts = _facts_by_mention(record)
    for i, award in enumerate(_list(record, "awards")):
        recipients = _strs(award.get("recipients"))
        recipient_facts = [facts.get(r, {}) for r in recipients]
        # Each fact once; the parts of a breakdown are inside their total.
        counted: dict[Any, int | None] = {}
        for r, fact in zip(recipients, recipient_facts, strict=True):
            if fact.get("part_of") is None:
                counted.setdefault(fact.get("id") or r, _int(refs.attr(r, "count")))
        known = [c for c in counted.values() if c is not None]
        yield {
            "fact_id": [_str(f.get("id")) for f in recipient_facts],
            "part_of": [_str(f.get("part_of")) for f in recipient_facts],
            "doc_id": doc_id,
            "award": i,
            "kinds": _strs(award.get("kinds")),
            "recipients": recipients,
            "recipients_text": refs.texts(recipients),
            "recipient_count": sum(known) if known else None,
            "givers": _strs(award.get("givers")),
            "givers_text": refs.texts(award.get("givers")),
            "amount": _str(award.get("amount")),
            "amount_text": refs.text(award.get("amount")),
            "amount_value": _float(refs.attr(award.get("amount"), "value")),
            "date": _str(award.get("date")),
            "date_text": refs.text(award.get("date")),
            "date_value": _str(refs.attr(award.get("date"), "value")),
            "place": _str(award.get("place")),
            "place_text": refs.text(award.get("place")),
        }


def fact_rows(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The ``all_facts`` rows of one record: one per fact, parts included."""
    doc_id = _str(record.get("doc_id"))
    refs = _Refs(record)
    dateline = _date(record.get("dateline"))
    for fact in _list(record, "facts"):
        subject = fact.get("subject")
        label = refs.attr(subject, "label")
        place = _place_of(record, subject) if label == "PLACE" else {}
        province = (
            place if place.get("level") == "province" else _unit(place.get("parents"), "province")
        )
        mentions = _strs(fact.get("mentions"))
        yield {
            "doc_id": doc_id,
            "fact_id": _str(fact.get("id")),
            "kind": _str(fact.get("kind")),
            "quantity": _str(fact.get("quantity")),
            "value": _float(fact.get("value")),
            "value_max": _float(fact.get("value_max")),
            "unit": _str(fact.get("unit")),
            "recipient": _str(fact.get("recipient")),
            "subject": _str(subject),
            "subject_text": refs.text(subject),
            "subject_label": _str(label),
            "subject_place_code": _str(place.get("code")),
            "subject_place_level": _str(place.get("level")),
            "subject_province_code": _str(province.get("code")),
            "mentions": mentions,
            "n_mentions": len(mentions),
            "part_of": _str(fact.get("part_of")),
            "dateline": dateline,
        }


def error_row(error: Mapping[str, Any]) -> dict[str, Any]:
    """The ``errors`` row of one ``errors.jsonl`` entry."""
    row = {name: _str(error.get(name)) for name in SCHEMAS["errors"].names}
    row["line"] = _int(error.get("line"))
    row["row"] = _int(error.get("row"))
    return row


_RECORD_TABLES: dict[str, Callable[[Mapping[str, Any]], Iterable[dict[str, Any]]]] = {
    "mentions": mention_rows,
    "officials": official_rows,
    "places": place_rows,
    "figures": figure_rows,
    "awards": award_rows,
    "all_facts": fact_rows,
}


# --- writing ------------------------------------------------------------------------------


def iter_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for every complete line of a JSONL file.

    A final line without its newline (a write cut short) is ignored.
    """
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.endswith(b"\n"):
                return
            if raw.strip():
                yield number, json.loads(raw)


class _TableWriter:
    """Buffered rows of one table, flushed as Parquet row groups to a temporary file."""

    def __init__(self, name: str, target: Path) -> None:
        self.schema = SCHEMAS[name]
        self.target = target
        self.tmp = target.with_name(f".{target.name}.tmp")
        self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")
        self.rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.count += len(self.rows)
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()

    def discard(self) -> None:
        self.writer.close()
        self.tmp.unlink(missing_ok=True)


def build_tables(
    out: Path, record_files: Sequence[Path], errors_file: Path | None = None
) -> dict[str, int]:
    """Write ``OUT/tables/<table>.parquet`` for every table; returns rows per table.

    Record file names in ``articles.records_file`` are relative to ``out``.
    """
    directory = out / TABLES_DIR
    directory.mkdir(parents=True, exist_ok=True)
    writers = {name: _TableWriter(name, directory / f"{name}.parquet") for name in SCHEMAS}
    try:
        for file in record_files:
            relative = file.relative_to(out).as_posix() if file.is_relative_to(out) else str(file)
            for line, record in iter_jsonl(file):
                writers["articles"].add(article_row(record, relative, line))
                for name, rows in _RECORD_TABLES.items():
                    for row in rows(record):
                        writers[name].add(row)
        if errors_file is not None and errors_file.exists():
            for _, error in iter_jsonl(errors_file):
                writers["errors"].add(error_row(error))
        for writer in writers.values():
            writer.close()
    except BaseException:
        for writer in writers.values():
            writer.discard()
        raise
    for writer in writers.values():
        fsync_path(writer.tmp)
        os.replace(writer.tmp, writer.target)
    return {name: writer.count for name, writer in writers.items()}


#: Views and corpus-level tables created in ``vnie.duckdb`` after the Parquet copies.
#:
#: ``entities_officials``: one row per distinct person + post across the run. Two officials
#: are the same entity when their names and post texts are equal (case-folded, NFC) *and*
#: the post's place resolves to the same gazetteer unit (so two communes of one name, in one
#: province or two, give two rows). A post whose place is not resolved is never matched
#: across articles (its scope is its article).
#: ``entities_places``: one row per gazetteer code, with the articles that name it and the
#: facts whose subject it is (each fact once).
DUCKDB_VIEWS: tuple[str, ...] = (
    """CREATE VIEW facts AS
    SELECT doc_id, fact_id, quantity, value, value_max, unit, subject_text AS subject,
           subject AS subject_id, subject_label, subject_place_code, subject_place_level,
           subject_province_code, mentions, n_mentions, dateline
    FROM all_facts WHERE kind = 'figure' AND part_of IS NULL""",
    """CREATE VIEW fact_parts AS
    SELECT doc_id, fact_id, part_of, quantity, value, value_max, unit, subject_text AS subject,
           subject_place_code, mentions, dateline
    FROM all_facts WHERE kind = 'figure' AND part_of IS NOT NULL""",
    """CREATE VIEW award_facts AS
    SELECT f.doc_id, f.fact_id, CAST(f.value AS BIGINT) AS count, f.unit AS recipient_noun,
           f.recipient, f.mentions, f.n_mentions,
           (SELECT count(*) FROM all_facts p
             WHERE p.doc_id = f.doc_id AND p.part_of = f.fact_id) AS n_parts,
           f.dateline
    FROM all_facts f WHERE f.kind = 'award' AND f.part_of IS NULL""",
    """CREATE TABLE entities_officials AS
    WITH o AS (
        SELECT o.doc_id, o.name, o.org_text, o.place_text, a.dateline, p.code AS place_code,
               unnest(CASE WHEN len(o.posts) > 0 THEN o.posts ELSE [o.title_text] END)
                   AS title_text,
               CASE WHEN p.level = 'province' THEN p.code ELSE p.province_code END
                   AS province_code,
               CASE WHEN p.level = 'province' THEN p.name ELSE p.province END AS province
        FROM officials o
        LEFT JOIN places p ON p.doc_id = o.doc_id AND list_contains(p.mentions, o.place)
        LEFT JOIN articles a ON a.doc_id = o.doc_id
    )
    SELECT any_value(name) AS name, any_value(title_text) AS title,
           any_value(org_text) AS org, any_value(place_text) AS place,
           any_value(place_code) AS place_code,
           any_value(province_code) AS province_code, any_value(province) AS province,
           list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids,
           count(DISTINCT doc_id) AS n_articles,
           min(dateline) AS first_dateline, max(dateline) AS last_dateline
    FROM o
    GROUP BY lower(nfc_normalize(name)), lower(nfc_normalize(coalesce(title_text, ''))),
             coalesce(place_code, 'article:' || doc_id)
    ORDER BY n_articles DESC, name""",
    """CREATE TABLE entities_places AS
    WITH pl AS (
        SELECT code, any_value(name) AS name, any_value(level) AS level,
               any_value(unit_type) AS unit_type, any_value(province) AS province,
               any_value(province_code) AS province_code,
               list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids,
               count(DISTINCT doc_id) AS n_articles
        FROM places WHERE code IS NOT NULL GROUP BY code
    ), fc AS (
        SELECT subject_place_code AS code, count(*) AS n_facts,
               sum(CASE WHEN quantity = 'households' THEN value END) AS households,
               sum(CASE WHEN quantity = 'population' THEN value END) AS population,
               sum(CASE WHEN quantity = 'area' THEN value END) AS area
        FROM facts WHERE subject_place_code IS NOT NULL GROUP BY 1
    )
    SELECT pl.*, coalesce(fc.n_facts, 0) AS n_facts, fc.households, fc.population, fc.area
    FROM pl LEFT JOIN fc USING (code)
    ORDER BY n_articles DESC, code""",
)


def write_duckdb(out: Path) -> Path:
    """``OUT/vnie.duckdb`` with one table per Parquet file (a self-contained copy).

    A copy rather than views, so the database opens from any working directory and
    keeps working if ``OUT`` is moved.
    """
    import duckdb

    target = out / DUCKDB_FILE
    tmp = out / f".{DUCKDB_FILE}.tmp"
    for stale in (tmp, tmp.with_name(tmp.name + ".wal")):
        stale.unlink(missing_ok=True)
    # DuckDB streams the copy; a small fixed budget (and a checkpoint after each table)
    # keeps its buffers from growing with the number of records.
    con = duckdb.connect(
        str(tmp),
        config={"memory_limit": "32MB", "threads": 1, "preserve_insertion_order": True},
    )
    try:
        try:
            for name in SCHEMAS:
                parquet = out / TABLES_DIR / f"{name}.parquet"
                con.execute(
                    f'CREATE TABLE "{name}" AS SELECT * FROM read_parquet(?)', [str(parquet)]
                )
                con.execute("CHECKPOINT")
            for statement in DUCKDB_VIEWS:
                con.execute(statement)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        fsync_path(tmp)
    except BaseException:
        # A failed build (out of memory, disk full) leaves no half database behind.
        for stale in (tmp, tmp.with_name(tmp.name + ".wal")):
            stale.unlink(missing_ok=True)
        raise
    os.replace(tmp, target)
    return target
