"""Read-only queries over a batch output directory, for :mod:`pipeline.apps.server`.

Everything here runs off the event loop (the HTTP layer calls it in threads). SQL is
built from fixed fragments only; every value a client sends is a bound parameter.
The database is opened read-only with external file access disabled, so not even a
query could read a file outside OUT_DIR; records are read only from files inside it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.errors import VnieError
from pipeline.runs.tables import DUCKDB_FILE
from pipeline.types import LABELS

#: Columns of a fact, as the ``facts`` view names them (see :func:`facts_source`).
FACT_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "fact_id",
    "quantity",
    "value",
    "value_max",
    "unit",
    "subject",
    "subject_id",
    "subject_label",
    "subject_place_code",
    "subject_place_level",
    "subject_province_code",
    "mentions",
    "n_mentions",
    "dateline",
)

#: Facts built from the ``figures`` table, one per FIGURE mention, while the database has
#: no ``facts`` view (same columns as the view).
_FIGURE_FACTS = """
WITH subject_place AS (
    SELECT doc_id, mention_id, min(code) AS code, min(level) AS level,
           min(CASE WHEN level = 'province' THEN code ELSE province_code END) AS province_code
    FROM (SELECT doc_id, unnest(mentions) AS mention_id, code, level, province_code
          FROM places)
    GROUP BY doc_id, mention_id
), dated AS (
    SELECT doc_id, min(dateline) AS dateline FROM articles GROUP BY doc_id
), labels AS (
    SELECT doc_id, mention_id, min(label) AS label FROM mentions GROUP BY doc_id, mention_id
)
SELECT f.doc_id, f.mention_id AS fact_id, f.quantity, f.value, f.value_max, f.unit,
       f.subject_text AS subject, f.subject AS subject_id, l.label AS subject_label,
       sp.code AS subject_place_code, sp.level AS subject_place_level,
       sp.province_code AS subject_province_code,
       [f.mention_id] AS mentions, 1 AS n_mentions, d.dateline
FROM figures f
LEFT JOIN labels l ON l.doc_id = f.doc_id AND l.mention_id = f.subject
LEFT JOIN subject_place sp ON sp.doc_id = f.doc_id AND sp.mention_id = f.subject
LEFT JOIN dated d ON d.doc_id = f.doc_id
"""


class QueryError(VnieError):
    """A filter value the API cannot use (bad date, unknown label)."""

    code = "E400"


@dataclass(frozen=True)
class Page:
    """One page of rows and the total number of rows matching the filters."""

    items: list[dict[str, Any]]
    total: int


@dataclass(frozen=True)
class Query:
    """A filtered SELECT: ``sql`` selects rows, ``params`` binds its ``?`` in order."""

    sql: str
    params: tuple[Any, ...]
    order: str


@dataclass
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def parse_date(value: str | None, name: str) -> date | None:
    """An ISO date filter value, or :class:`QueryError`."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{name} must be a date YYYY-MM-DD, not {value[:40]!r}") from None


#: Case-insensitive substring test (no LIKE: ``%`` and ``_`` in a search are literal).
_CONTAINS = "strpos(lower(nfc_normalize(coalesce({column}, ''))), lower(nfc_normalize(?))) > 0"


def _unit_match(prefix: str) -> str:
    """A places-row test: the row is (or lies in) the unit named or coded by the parameters."""
    if prefix == "province":
        return (
            "(p.province_code = ? OR lower(nfc_normalize(p.province)) = lower(nfc_normalize(?))"
            " OR (p.level = 'province' AND (p.code = ? OR "
            "lower(nfc_normalize(p.name)) = lower(nfc_normalize(?)))))"
        )
    return (
        "(p.district_code = ? OR lower(nfc_normalize(p.district)) = lower(nfc_normalize(?))"
        " OR (p.level = 'district' AND (p.code = ? OR "
        "lower(nfc_normalize(p.name)) = lower(nfc_normalize(?)))))"
    )


class Store:
    """The batch output directory OUT_DIR: its DuckDB file (read-only) and record files."""

    def __init__(self, out_dir: Path, *, threads: int = 1) -> None:
        import duckdb

        self.out = Path(out_dir).resolve()
        database = self.out / DUCKDB_FILE
        if not database.is_file():
            raise VnieError(f"no {DUCKDB_FILE} here: not a batch output", path=str(self.out))
        self._inside(database)
        self.con = duckdb.connect(
            str(database),
            read_only=True,
            config={
                "threads": threads,
                "memory_limit": "256MB",
                "enable_external_access": False,
                "autoinstall_known_extensions": False,
                "autoload_known_extensions": False,
            },
        )
        self.tables = {
            row[0]
            for row in self.con.execute(
                "SELECT table_name FROM information_schema.tables"
            ).fetchall()
        }
        self.facts_sql, self.facts_from_view = self.facts_source()
        self._lock = threading.Lock()
        self._offsets: dict[Path, list[int]] = {}
        self._totals: dict[tuple[str, tuple[Any, ...]], int] = {}
        self._active: dict[int, Any] = {}

    def close(self) -> None:
        self.con.close()

    def _inside(self, path: Path) -> Path:
        resolved = path.resolve()
        if not resolved.is_relative_to(self.out):
            raise VnieError("refusing a file outside the output directory", path=str(path))
        return resolved

    # --- running queries -------------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts of JSON-ready values (dates as ISO strings), on a cursor of this
        thread's own (:meth:`interrupt` stops it)."""
        thread = threading.get_ident()
        cursor = self.con.cursor()
        self._active[thread] = cursor
        try:
            result = cursor.execute(sql, list(params))
            names = [d[0] for d in result.description]
            return [
                {
                    n: (v.isoformat() if isinstance(v, date) else v)
                    for n, v in zip(names, row, strict=True)
                }
                for row in result.fetchall()
            ]
        finally:
            self._active.pop(thread, None)
            cursor.close()

    def interrupt(self, thread: int) -> None:
        """Stop the query running on ``thread`` (after a timeout), if any."""
        cursor = self._active.get(thread)
        if cursor is not None:
            cursor.interrupt()

    def page(self, query: Query, limit: int, offset: int) -> Page:
        key = (query.sql, query.params)
        total = self._totals.get(key)
        if total is None:  # the database is read-only: a count never changes
            total = self.rows(f"SELECT count(*) AS n FROM ({query.sql})", query.params)[0]["n"]
            with self._lock:
                if len(self._totals) >= 4096:
                    self._totals.clear()
                self._totals[key] = total
        items = self.rows(
            f"SELECT * FROM ({query.sql}) ORDER BY {query.order} LIMIT ? OFFSET ?",
            (*query.params, limit, offset),
        )
        return Page(items, int(total))

    # --- facts: the view when the database has one, else the figures table -----------------

    def facts_source(self) -> tuple[str, bool]:
        """The SELECT giving every fact once with :data:`FACT_COLUMNS`, and whether it reads
        the database's ``facts`` view (else one fact per row of ``figures``)."""
        if "facts" in self.tables:
            have = {
                row[0]
                for row in self.con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'facts'"
                ).fetchall()
            }
            columns = ", ".join(f'"{c}"' if c in have else f'NULL AS "{c}"' for c in FACT_COLUMNS)
            return f"SELECT {columns} FROM facts", True
        return _FIGURE_FACTS, False

    # --- endpoints -------------------------------------------------------------------------

    def articles(
        self,
        *,
        province: str | None = None,
        district: str | None = None,
        commune: str | None = None,
        label: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        q: str | None = None,
    ) -> Query:
        where = _Where()
        for name, value in (("province", province), ("district", district)):
            if value:
                where.add(
                    "EXISTS (SELECT 1 FROM places p WHERE p.doc_id = a.doc_id AND "
                    f"{_unit_match(name)})",
                    value,
                    value,
                    value,
                    value,
                )
        if commune:
            where.add(
                "EXISTS (SELECT 1 FROM places p WHERE p.doc_id = a.doc_id AND p.code = ? "
                "AND p.level = 'commune')",
                commune,
            )
        if label:
            if label.upper() not in LABELS:
                raise QueryError(f"label must be one of {', '.join(LABELS)}")
            where.add(
                "EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = a.doc_id AND m.label = ?)",
                label.upper(),
            )
        self._dates(where, "a.dateline", date_from, date_to)
        if q:
            where.add(_CONTAINS.format(column="a.title"), q)
        return Query(
            f"SELECT a.* FROM articles a{where.sql()}",
            tuple(where.params),
            "records_file, records_line",
        )

    def facts(
        self,
        *,
        quantity: str | None = None,
        place_code: str | None = None,
        province: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        doc_id: str | None = None,
    ) -> Query:
        where = _Where()
        if quantity:
            where.add("f.quantity = ?", quantity)
        if place_code:
            where.add(
                "(f.subject_place_code = ? OR f.subject_province_code = ? OR EXISTS ("
                "SELECT 1 FROM places p WHERE p.doc_id = f.doc_id "
                "AND p.code = f.subject_place_code AND p.district_code = ?))",
                place_code,
                place_code,
                place_code,
            )
        if province:
            where.add(
                "EXISTS (SELECT 1 FROM places p WHERE p.doc_id = f.doc_id "
                f"AND p.code = f.subject_place_code AND {_unit_match('province')})",
                province,
                province,
                province,
                province,
            )
        if doc_id:
            where.add("f.doc_id = ?", doc_id)
        self._dates(where, "f.dateline", date_from, date_to)
        return Query(
            f"SELECT f.* FROM ({self.facts_sql}) f{where.sql()}",
            tuple(where.params),
            "doc_id, fact_id, value, unit, subject_id",
        )

    def officials(self, *, doc_id: str | None = None, q: str | None = None) -> Query:
        where = _Where()
        if doc_id:
            where.add("o.doc_id = ?", doc_id)
        if q:
            where.add(_CONTAINS.format(column="o.name"), q)
        return Query(
            f"SELECT o.* FROM officials o{where.sql()}", tuple(where.params), "doc_id, official"
        )

    def awards(self, *, doc_id: str | None = None, kind: str | None = None) -> Query:
        where = _Where()
        if doc_id:
            where.add("w.doc_id = ?", doc_id)
        if kind:
            where.add("list_contains(w.kinds, ?)", kind)
        return Query(f"SELECT w.* FROM awards w{where.sql()}", tuple(where.params), "doc_id, award")

    def places(
        self, *, level: str | None = None, province: str | None = None, status: str | None = None
    ) -> Query:
        """One row per place (its gazetteer code; uncoded places by level and name) with
        ``n_articles`` (articles naming it) and ``n_mentions``."""
        where = _Where()
        if level:
            where.add("p.level = ?", level)
        if status:
            where.add("p.status = ?", status)
        if province:
            where.add(_unit_match("province"), province, province, province, province)
        sql = f"""
            SELECT coalesce(p.code, 'name:' || coalesce(p.level, '') || ':'
                            || lower(nfc_normalize(coalesce(p.name, '')))) AS key,
                   any_value(p.code) AS code, any_value(p.level) AS level,
                   min(p.name) AS name, min(p.status) AS status,
                   any_value(p.unit_type) AS unit_type, any_value(p.province) AS province,
                   any_value(p.province_code) AS province_code,
                   any_value(p.district) AS district, any_value(p.district_code) AS district_code,
                   count(DISTINCT p.doc_id) AS n_articles, sum(len(p.mentions)) AS n_mentions
            FROM places p{where.sql()} GROUP BY key"""
        return Query(sql, tuple(where.params), "n_articles DESC, n_mentions DESC, key")

    @staticmethod
    def _dates(where: _Where, column: str, date_from: str | None, date_to: str | None) -> None:
        start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
        if start is not None:
            where.add(f"{column} >= ?", start)
        if end is not None:
            where.add(f"{column} <= ?", end)

    # --- one record ------------------------------------------------------------------------

    def record(self, doc_id: str) -> dict[str, Any] | None:
        """The record of ``doc_id`` from its records file (the first, if several)."""
        found = self.rows(
            "SELECT records_file, records_line FROM articles WHERE doc_id = ? "
            "ORDER BY records_file, records_line LIMIT 1",
            (doc_id,),
        )
        if not found:
            return None
        file = self._inside(self.out / str(found[0]["records_file"]))
        line = int(found[0]["records_line"])
        offsets = self._line_offsets(file)
        if not 1 <= line <= len(offsets):
            return None
        with file.open("rb") as handle:
            handle.seek(offsets[line - 1])
            record = json.loads(handle.readline())
        return record if isinstance(record, dict) and record.get("doc_id") == doc_id else None

    def _line_offsets(self, file: Path) -> list[int]:
        """Byte offset of each line of ``file`` (built once, on first use)."""
        with self._lock:
            if file not in self._offsets:
                offsets, position = [], 0
                with file.open("rb") as handle:
                    for raw in handle:
                        offsets.append(position)
                        position += len(raw)
                self._offsets[file] = offsets
            return self._offsets[file]

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {
            name: int(self.rows(f'SELECT count(*) AS n FROM "{name}"')[0]["n"])
            for name in ("articles", "officials", "places", "figures", "awards")
            if name in self.tables
        }

    def manifest(self) -> dict[str, Any]:
        path = self.out / "manifest.json"
        if not path.is_file():
            return {}
        try:
            data = json.loads(self._inside(path).read_text(encoding="utf-8"))
        except (ValueError, VnieError):
            return {}
        return data if isinstance(data, dict) else {}
