"""Finding what a page shows: the records, their source texts and their gold files."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import SCHEMA_VERSION
from pipeline.apps.report.common import GOLD_RULE
from pipeline.errors import InputError, RecordError
from pipeline.evaluation.gold import gold_problems
from pipeline.evaluation.scores import load_predictions
from pipeline.record.validate import validate_record
from pipeline.text.ingest import decode, sha256_hex


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
class Source:
    """An article's source text as found at view time, or why it could not be used."""

    text: str | None
    path: Path | None = None
    raw: bytes | None = field(default=None, repr=False)
    problem: str | None = None


def find_source(record: Mapping[str, Any], search_dirs: Sequence[Path] = ()) -> Source:
    """The record's source text: ``record["source"]["path"]`` as given (relative to the
    working directory), else relative to each of ``search_dirs``. A file whose sha256
    differs from the record's is not used: the offsets would point into other text."""
    info = record.get("source") if isinstance(record.get("source"), Mapping) else {}
    given = str(info.get("path") or "")
    if not given or given.startswith("<"):
        return Source(None, problem="the record names no source file")
    rel = Path(given)
    candidates = [rel] if rel.is_absolute() else [rel, *(d / rel for d in search_dirs)]
    mismatch: Path | None = None
    for candidate in candidates:
        if not candidate.is_file():
            continue
        raw = candidate.read_bytes()
        if info.get("sha256") and sha256_hex(raw) != info["sha256"]:
            mismatch = mismatch or candidate
            continue
        try:
            text = decode(raw, path=str(candidate), max_chars=max(len(raw), 1)).text
        except InputError as err:
            return Source(None, candidate, problem=f"the source file cannot be decoded: {err}")
        return Source(text, candidate, raw)
    if mismatch is not None:
        return Source(
            None, mismatch, problem=f"{mismatch} has changed since extraction (sha256 differs)"
        )
    return Source(None, problem=f"the source file {given} was not found")


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
    if source.text is not None and source.raw is not None:
        problems = gold_problems(data, source.text, sha256_hex(source.raw))
    else:
        sha = (record.get("source") or {}).get("sha256")
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
