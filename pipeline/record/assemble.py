"""Assemble extracted mentions and their relations into the article record (JSON-ready).

This is the one place where working-text offsets become source offsets: each mention's
span goes through :meth:`WorkingText.to_source`, and its ``text`` is cut from the source.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from pipeline import SCHEMA_VERSION
from pipeline.linkers.base import Links, Located
from pipeline.text.ingest import SourceText, WorkingText
from pipeline.text.tokenize import DocContext
from pipeline.types import Mention, Warning_


def locate(working: WorkingText, mentions: Sequence[Mention]) -> list[Located]:
    """Map mentions to source spans, drop empty/duplicate ones, sort and number them.

    Source spans are trimmed of edge whitespace (a working space may stand for a
    non-breaking space or a control character in the source).
    """
    source = working.source
    seen: set[tuple[str, int, int]] = set()
    spans: list[tuple[int, int, str, Mention]] = []
    for mention in mentions:
        if mention.end <= mention.start:
            continue
        start, end = working.to_source(mention.start, mention.end)
        start, end = _trim(source, start, end)
        key = (mention.label, start, end)
        if start >= end or key in seen:
            continue
        seen.add(key)
        spans.append((start, end, mention.label, mention))
    spans.sort(key=lambda item: (item[0], -item[1], item[2]))
    spans = _without_overlaps(spans)
    spans.sort(key=lambda item: (item[0], item[1], item[2]))
    return [
        Located(f"m{i}", mention, start, end, source[start:end])
        for i, (start, end, _, mention) in enumerate(spans, start=1)
    ]


def _without_overlaps(
    spans: list[tuple[int, int, str, Mention]],
) -> list[tuple[int, int, str, Mention]]:
    """Keep the first (widest) of spans that overlap within a label.

    Extractors never overlap within a label in the working text, but two working spans
    can map onto one source cluster (a letter with stacked combining marks).
    """
    last_end: dict[str, int] = {}
    kept = []
    for item in spans:
        start, end, label, _ = item
        if start < last_end.get(label, -1):
            continue
        last_end[label] = end
        kept.append(item)
    return kept


def _trim(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    # Never cut a letter from a combining mark the working text kept apart (an extra tone
    # mark on a precomposed letter), so NFC and NFD sources give the same mention text.
    while start < end < len(source) and unicodedata.category(source[end]).startswith("M"):
        end += 1
    return start, end


def mention_dict(item: Located, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The record form of one mention: id, label, span, text, rule, then attributes."""
    out: dict[str, Any] = {
        "id": item.id,
        "label": item.label,
        "start": item.start,
        "end": item.end,
        "text": item.text,
        "rule": item.mention.rule,
    }
    for key, value in item.mention.attrs.items():
        if not key.startswith("_") and value is not None:
            out[key] = value
    if extra:
        out.update(extra)
    return out


def span_dict(working: WorkingText, start: int, end: int) -> dict[str, Any]:
    """A working span as a record ``{"start", "end", "text"}`` in source offsets, trimmed of
    edge whitespace (as mentions are)."""
    s, e = _trim(working.source, *working.to_source(start, end))
    return {"start": s, "end": e, "text": working.source[s:e]}


#: Kinds of source: what ``source.sha256`` is the digest of, and how to find the text again.
SOURCE_KINDS: dict[str, str] = {
    "file": "the file's bytes, decoded as a whole",
    "html": "the visible text of an HTML page (sha256: of that text as UTF-8)",
    "jsonl": "a text field of one JSONL line (sha256: of that text as UTF-8)",
    "csv": "a text cell of one CSV row (sha256: of that text as UTF-8)",
    "text": "a string handed to the API (sha256: of that text as UTF-8)",
}


def source_dict(
    path: str, source: SourceText, origin: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The record's ``source``: ``path``, ``sha256`` (of the bytes for kind ``file``, else of
    the text as UTF-8: the exactly-once digest either way), ``encoding``, ``length``, the
    ``kind`` (:data:`SOURCE_KINDS`), ``text_sha256`` (of the decoded text as UTF-8, for
    every kind) and, for a JSONL line or CSV row, ``locator``: ``{"file", "line"|"row"}``.
    """
    origin = origin or {}
    out: dict[str, Any] = {
        "path": path,
        "sha256": source.sha256,
        "encoding": source.encoding,
        "length": len(source.text),
        "kind": str(origin.get("kind") or "file"),
        "text_sha256": hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
    }
    locator = origin.get("locator")
    if isinstance(locator, Mapping) and locator:
        out["locator"] = dict(locator)
    return out


def build_record(
    *,
    doc_id: str,
    path: str,
    source: SourceText,
    working: WorkingText,
    ctx: DocContext,
    located: Sequence[Located],
    links: Links,
    metadata: Mapping[str, Any] | None = None,
    warnings: Sequence[Warning_] = (),
    origin: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The article record (schema ``pipeline/schema/article.schema.json``), unvalidated."""
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc_id,
        "source": source_dict(path, source, origin),
    }
    if metadata:
        record["metadata"] = dict(metadata)
    record["title"] = span_dict(working, *ctx.title) if ctx.title else None
    record["dateline"] = ctx.dateline
    record["mentions"] = [mention_dict(item, links.mention_attrs.get(item.id)) for item in located]
    record["officials"] = links.officials
    record["places"] = links.places
    record["awards"] = links.awards
    record["facts"] = links.facts
    record["event"] = (
        {**links.event, "name": span_dict(working, *links.event["name"])} if links.event else None
    )
    record["warnings"] = [
        {"code": w.code, "message": w.message} for w in [*warnings, *links.warnings]
    ]
    record["validation"] = {"valid": True, "problems": []}
    return record
