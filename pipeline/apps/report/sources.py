"""Finding what a page shows: the records, their source texts and their gold files."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline import SCHEMA_VERSION
from pipeline.apps.report.common import GOLD_RULE
from pipeline.errors import InputError, RecordError
from pipeline.evaluation.gold import gold_problems
from pipeline.evaluation.scores import load_predictions
from pipeline.record.validate import schema_problems, validate_record
from pipeline.text.ingest import SourceText, decode, sha256_hex


def record_files(path: Path) -> list[Path]:
    """The files holding records under ``path``: batch JSONL files when there are any,
    else every ``*.json`` (a ``vnie extract -o`` directory); a file is returned as is."""
    if not path.exists():
        raise InputError("no such file or directory", path=str(path))
    if path.is_file():
        return [path]
    batch = sorted(path.glob("records.jsonl")) + sorted(path.glob("records-*.jsonl"))
    files = batch or sorted(path.glob("*.json"))
    if not files:
        raise RecordError(
            "no records here (expected *.json or records.jsonl / records-*.jsonl)", path=str(path)
        )
    return files


def load_records(path: Path | str) -> list[dict[str, Any]]:
    """Every record under ``path`` (see :func:`record_files`), in file order.

    Raises :class:`RecordError` naming the file that is not JSON or not a record.
    """
    records: list[dict[str, Any]] = []
    for file in record_files(Path(path)):
        records.extend(load_predictions(file))
    return records


@dataclass(frozen=True)
class RecordEntry:
    """One record as read from a records file, or why it could not be read."""

    where: str
    record: Any
    problem: str | None = None

    @property
    def doc_id(self) -> str:
        record = self.record
        if isinstance(record, Mapping) and isinstance(record.get("doc_id"), str):
            return str(record["doc_id"])
        return self.where


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


@dataclass(frozen=True)
class RecordUnit:
    """What one record or list of records is read from: a JSONL line or a ``.json`` file
    (its text), or why it could not be read."""

    where: str
    text: str | None
    problem: str | None = None
    listed: bool = False  # a .json file may hold a list of records


def iter_units(path: Path | str) -> Iterator[RecordUnit]:
    """The record units under ``path`` (see :func:`record_files`), read lazily: a JSONL
    file line by line (blank lines skipped), a ``.json`` file whole."""
    for file in record_files(Path(path)):
        if file.suffix != ".jsonl":
            try:
                content = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as err:
                yield RecordUnit(file.stem, None, f"{file}: cannot read: {err}")
                continue
            yield RecordUnit(file.stem, content, listed=True)
            continue
        try:
            handle = file.open("rb")
        except OSError as err:
            yield RecordUnit(file.stem, None, f"{file}: cannot read: {err}")
            continue
        with handle:
            for n, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                where = f"{file.stem}-L{n}"
                try:
                    yield RecordUnit(where, raw.decode("utf-8"))
                except UnicodeDecodeError as err:
                    yield RecordUnit(where, None, f"{where}: cannot read: {err}")


def unit_entries(unit: RecordUnit) -> list[RecordEntry]:
    """The records of one unit, one entry each; what is not JSON, or not a record, becomes
    an entry with a ``problem``."""
    if unit.text is None:
        return [RecordEntry(unit.where, None, unit.problem)]
    try:
        loaded = _loads(unit.text)
    except ValueError as err:
        return [RecordEntry(unit.where, None, f"{unit.where}: not JSON: {err}")]
    many = loaded if isinstance(loaded, list) and unit.listed else [loaded]
    entries = []
    for i, item in enumerate(many):
        name = unit.where if len(many) == 1 else f"{unit.where}-{i + 1}"
        problem = None if isinstance(item, dict) else f"{name}: not a record (an object)"
        entries.append(RecordEntry(name, item, problem))
    return entries


def iter_entries(path: Path | str) -> Iterator[RecordEntry]:
    """Every record under ``path``, one entry per record, read lazily (see
    :func:`load_entries`)."""
    for unit in iter_units(path):
        yield from unit_entries(unit)


def load_entries(path: Path | str) -> list[RecordEntry]:
    """Every record under ``path`` (see :func:`record_files`), one entry per record; a file
    or line that is not JSON, or not a record, becomes an entry with a ``problem`` instead
    of stopping the others. Raises only when ``path`` holds no record files at all."""
    return list(iter_entries(path))


@dataclass(frozen=True)
class Source:
    """An article's source text as found at view time, or why it could not be used.

    ``raw`` holds the file's bytes for a record of kind ``file`` (what ``source.sha256``
    is the digest of); ``decoded`` is the text as extraction saw it (for re-extraction).
    """

    text: str | None
    path: Path | None = None
    raw: bytes | None = field(default=None, repr=False)
    problem: str | None = None
    decoded: SourceText | None = field(default=None, repr=False)


_FRAGMENT = re.compile(r"^(?P<file>.+)#(?P<kind>[LR])(?P<number>[1-9][0-9]*)$")


def source_kind(info: Mapping[str, Any]) -> tuple[str, str, int | None]:
    """(kind, file, line or row) of a record's ``source``; records without ``kind`` (made
    before it was recorded) are read by their path: ``FILE#L<n>`` a JSONL line,
    ``FILE#R<n>`` a CSV row, ``.html``/``.htm`` a page, else a file."""
    path = str(info.get("path") or "")
    kind = info.get("kind")
    locator = info.get("locator") if isinstance(info.get("locator"), Mapping) else {}
    if kind in ("jsonl", "csv") and locator:
        number = locator.get("line" if kind == "jsonl" else "row")
        return kind, str(locator.get("file") or ""), number if isinstance(number, int) else None
    match = _FRAGMENT.match(path)
    if match and (kind in (None, "jsonl", "csv")) and not Path(path).exists():
        found = "jsonl" if match["kind"] == "L" else "csv"
        return found, match["file"], int(match["number"])
    if kind is None:
        kind = "html" if Path(path).suffix.casefold() in (".html", ".htm") else "file"
    return str(kind), path, None


def _text_digest(info: Mapping[str, Any]) -> str | None:
    """The digest of the source text as UTF-8 (``text_sha256``; for records made before it,
    ``sha256`` of a kind other than ``file`` is that digest)."""
    digest = info.get("text_sha256")
    if digest is None and info.get("kind", "") != "file":
        digest = info.get("sha256")
    return str(digest) if digest else None


def _line_text(file: Path, number: int, digest: str | None) -> str | None:
    """The text field of JSONL line ``number`` whose digest is ``digest`` (None: none).
    A ``.gz`` file is read decompressed, as a batch run read it."""
    raw = _jsonl_line(file, number)
    if raw is None:
        return None
    try:
        obj = _loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return _field_with_digest(obj, digest)


class _LineIndex:
    """Where each line of one JSONL file starts: a plain file is read back with a seek,
    a gzipped one is held decompressed (it cannot be sought)."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.data: bytes | None = None
        if file.name.casefold().endswith(".gz"):
            with gzip.open(file, "rb") as handle:
                self.data = handle.read()
            lines: Iterable[bytes] = io.BytesIO(self.data)
            self.offsets = _offsets(lines)
        else:
            with file.open("rb") as handle:
                self.offsets = _offsets(handle)

    def line(self, number: int) -> bytes | None:
        if not 1 <= number < len(self.offsets):
            return None
        start, end = self.offsets[number - 1], self.offsets[number]
        if self.data is not None:
            return self.data[start:end]
        with self.file.open("rb") as handle:
            handle.seek(start)
            return handle.read(end - start)


def _offsets(lines: Iterable[bytes]) -> array[int]:
    offsets = array("q", [0])
    position = 0
    for line in lines:
        position += len(line)
        offsets.append(position)
    return offsets


@lru_cache(maxsize=2)
def _line_index(path: str, mtime_ns: int, size: int) -> _LineIndex:
    """The line index of ``path`` as it is now (a changed file gets a new index)."""
    return _LineIndex(Path(path))


def _jsonl_line(file: Path, number: int) -> bytes | None:
    """Line ``number`` (from 1) of a JSONL file, ``.gz`` or not; None when there is none
    or the file cannot be read (a corrupt gzip stream)."""
    try:
        stat = file.stat()
        return _line_index(str(file.resolve()), stat.st_mtime_ns, stat.st_size).line(number)
    except (OSError, EOFError, zlib.error):
        return None


def _row_text(file: Path, number: int, digest: str | None) -> str | None:
    """The cell of CSV data row ``number`` whose digest is ``digest`` (None: none)."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            for n, row in enumerate(csv.DictReader(handle), start=1):
                if n == number:
                    return _field_with_digest(row, digest)
    except (UnicodeDecodeError, csv.Error):
        return None
    return None


def _field_with_digest(obj: Any, digest: str | None) -> str | None:
    if not isinstance(obj, Mapping) or digest is None:
        return None
    for value in obj.values():
        if isinstance(value, str) and sha256_hex(value.encode("utf-8")) == digest:
            return value
    return None


def find_source(
    record: Mapping[str, Any], search_dirs: Sequence[Path] = (), *, override: Path | None = None
) -> Source:
    """The record's source text: ``record["source"]["path"]`` as given (relative to the
    working directory), else relative to each of ``search_dirs``; ``override`` names the
    file instead (``vnie validate --source``). Every input kind is read back the way a
    batch run read it (:func:`source_kind`): a file's bytes decoded, an HTML page's
    visible text, the text field of a JSONL line, the text cell of a CSV row. A source
    whose digest differs from the record's is not used (the offsets would point into
    other text) and is never quoted."""
    info = record.get("source") if isinstance(record.get("source"), Mapping) else {}
    kind, given, number = source_kind(info)
    if override is None and (not given or given.startswith("<")):
        return Source(None, problem="the record names no source file")
    rel = Path(given)
    if override is not None:
        candidates = [override]
    else:
        candidates = [rel] if rel.is_absolute() else [rel, *(d / rel for d in search_dirs)]
    mismatch: Path | None = None
    for candidate in candidates:
        try:
            if not candidate.is_file():
                continue
            if kind in ("jsonl", "csv"):
                if number is None:
                    return Source(None, candidate, problem="the record names no line or row")
                read = _line_text if kind == "jsonl" else _row_text
                text = read(candidate, number, _text_digest(info))
                if text is None:
                    mismatch = mismatch or candidate
                    continue
                return Source(text, candidate, decoded=_as_source_text(text))
            length = info.get("length")
            if kind == "file" and isinstance(length, int) and _too_big(candidate, length):
                mismatch = mismatch or candidate  # cannot hold the record's text: not read
                continue
            raw = candidate.read_bytes()
        except OSError as err:
            return Source(None, candidate, problem=f"cannot read {candidate}: {err.strerror}")
        if kind == "html":
            from pipeline.text.html import read_html

            try:
                text = read_html(raw, path=str(candidate)).text
            except InputError as err:
                return Source(None, candidate, problem=f"the page cannot be read: {err}")
            if sha256_hex(text.encode("utf-8")) != _text_digest(info):
                mismatch = mismatch or candidate
                continue
            return Source(text, candidate, decoded=_as_source_text(text))
        if kind == "text":
            text = raw.decode("utf-8", errors="replace")
            if sha256_hex(text.encode("utf-8")) != _text_digest(info):
                mismatch = mismatch or candidate
                continue
            return Source(text, candidate, decoded=_as_source_text(text))
        if info.get("sha256") and sha256_hex(raw) != info["sha256"]:
            mismatch = mismatch or candidate
            continue
        try:
            decoded = decode(raw, path=str(candidate), max_chars=max(len(raw), 1))
        except InputError as err:
            return Source(None, candidate, problem=f"the source file cannot be decoded: {err}")
        return Source(decoded.text, candidate, raw, decoded=decoded)
    if mismatch is not None:
        where = f"{mismatch} line {number}" if kind == "jsonl" else f"{mismatch} row {number}"
        shown = where if kind in ("jsonl", "csv") else str(mismatch)
        return Source(
            None,
            mismatch,
            problem=f"{shown} does not match the record: it has changed since extraction "
            "(sha256 differs)",
        )
    return Source(None, problem=f"the source file {override or given} was not found")


def _too_big(path: Path, length: int) -> bool:
    """More bytes than ``length`` characters can take in any encoding vnie reads (4 per
    character in UTF-8, plus a byte order mark)."""
    return path.stat().st_size > 4 * length + 4


def _as_source_text(text: str) -> SourceText:
    return SourceText(text, "utf-8", sha256_hex(text.encode("utf-8")))


def is_gold_record(record: Mapping[str, Any]) -> bool:
    """A record made from a gold file (:func:`gold_record`): nothing to re-extract."""
    mentions = record.get("mentions")
    return isinstance(mentions, list) and any(
        isinstance(m, Mapping) and m.get("rule") == GOLD_RULE for m in mentions
    )


def source_problems(record: Any, source: Source, *, verify: bool = True) -> list[str]:
    """Every problem of ``record`` against ``source``: the schema first (nothing else is
    checked on a record that fails it), then :func:`validate_record` (digest, grounding,
    order, references, values) and, with ``verify`` and the source text at hand,
    :func:`pipeline.api.verify_against_source` (every derived value re-derived).
    A missing or changed source is itself a problem. Never raises."""
    problems = schema_problems(record)
    if problems:
        return problems
    try:
        if source.text is None:
            return [f"source: {source.problem}", *validate_record(record, check_schema=False)]
        if source.raw is not None:
            problems = validate_record(record, source_bytes=source.raw, check_schema=False)
        else:
            problems = validate_record(record, source_text=source.text, check_schema=False)
        if verify and source.decoded is not None and not is_gold_record(record):
            from pipeline.api import verify_against_source

            problems += verify_against_source(record, source.decoded)
    except RecursionError:
        problems.append("record: a value is nested too deeply to check")
    return problems


@dataclass(frozen=True)
class Gold:
    """Gold mentions for one article (guide format), or why none are compared."""

    mentions: tuple[dict[str, Any], ...] | None
    path: Path | None = None
    problem: str | None = None


def find_gold(record: Mapping[str, Any], gold_dir: Path, source: Source) -> Gold:
    """``gold_dir/<doc_id>.json``, checked against the source text when it is available,
    else by its ``text_sha256`` against the record's."""
    path = gold_dir / f"{record.get('doc_id', '')}.json"
    if not path.is_file():
        return Gold(None, problem=f"no gold file {path.name} in {gold_dir}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        return Gold(None, path, f"cannot read {path}: {err}")
    if source.text is not None:
        digest = sha256_hex(source.raw) if source.raw is not None else None
        problems = gold_problems(data, source.text, digest)
    else:
        info = record.get("source") if isinstance(record.get("source"), Mapping) else {}
        sha = info.get("text_sha256") or info.get("sha256")
        ok = isinstance(data, dict) and data.get("text_sha256") == sha
        problems = [] if ok else ["text_sha256 does not match the record's source"]
        if ok and not isinstance(data.get("mentions"), list):
            problems = ["mentions is missing or not a list"]
    if problems:
        return Gold(None, path, f"{path.name} is not usable: {'; '.join(problems[:3])}")
    return Gold(tuple(dict(m) for m in data["mentions"]), path)


def gold_record(
    gold: Mapping[str, Any], source_text: str, *, source_path: str, encoding: str = "utf-8"
) -> dict[str, Any]:
    """A record (schema 1.0) holding a gold file's mentions, to view gold in the same pages.

    Mentions get ids ``m1..`` in gold order and rule :data:`GOLD_RULE`; a FIGURE's subject
    text becomes the id of the closest PLACE or ORG with that text before it (else the
    first after it; dropped when there is none).
    Relations are left empty; ``validation`` is computed against ``source_text``.
    """
    mentions = [
        {"id": f"m{i}", **{k: v for k, v in m.items() if k != "subject"}, "rule": GOLD_RULE}
        for i, m in enumerate(gold["mentions"], start=1)
    ]
    for mention, original in zip(mentions, gold["mentions"], strict=True):
        subject = original.get("subject")
        if isinstance(subject, str) and subject:
            same = [
                m
                for m in mentions
                if m["text"] == subject and m["label"] in ("PLACE", "ORG") and m is not mention
            ]
            before = [m for m in same if m["end"] <= mention["start"]]
            if before:
                mention["subject"] = max(before, key=lambda m: m["end"])["id"]
            elif same:
                mention["subject"] = min(same, key=lambda m: m["start"])["id"]
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": str(gold["doc_id"]),
        "source": {
            "path": source_path,
            "sha256": str(gold["text_sha256"]),
            "encoding": encoding,
            "length": len(source_text),
        },
        "title": None,
        "dateline": None,
        "mentions": mentions,
        "officials": [],
        "places": [],
        "awards": [],
        "event": None,
        "warnings": [],
        "validation": {"valid": True, "problems": []},
    }
    problems = validate_record(record, source_text=source_text)
    record["validation"] = {"valid": not problems, "problems": problems}
    return record
