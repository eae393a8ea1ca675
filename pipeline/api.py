"""The Python API: one article in, one validated record out.

``extract_path``, ``extract_bytes`` and ``extract_text`` all return the record as a
plain dict (see ``pipeline/schema/article.schema.json``); the CLI, batch runs and
notebooks call these and nothing else.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.linkers.base import Linker, Links, Located
from pipeline.record.assemble import build_record, locate
from pipeline.record.validate import validate_record
from pipeline.text.ingest import (
    BYTES_PER_CHAR,
    DEFAULT_MAX_CHARS,
    SourceText,
    WorkingText,
    decode,
    normalise,
    read_regular_file,
)
from pipeline.text.tokenize import DocContext, build_context
from pipeline.types import Mention, Warning_

#: Extractors in the order they run. Each module has ``component(ctx, mentions) ->
#: mentions``: it reads what earlier components found and returns the updated list.
COMPONENTS: tuple[str, ...] = (
    "dates",
    "figures",
    "places",
    "orgs",
    "titles",
    "people",
    "awards",
    "plurals",
)

#: Relation builders over the final, located mentions (``link(ctx, located) -> Links``).
LINKERS: tuple[str, ...] = ("places", "officials", "awards", "subjects", "facts", "event")


@cache
def _components() -> tuple[Any, ...]:
    return tuple(
        importlib.import_module(f"pipeline.extractors.{name}").component for name in COMPONENTS
    )


@cache
def _linkers() -> tuple[Linker, ...]:
    return tuple(importlib.import_module(f"pipeline.linkers.{name}").link for name in LINKERS)


def run_components(ctx: DocContext) -> list[Mention]:
    """All mentions the extractors find in ``ctx`` (working-text offsets)."""
    mentions: list[Mention] = []
    for component in _components():
        mentions = component(ctx, mentions)
    return mentions


def run_linkers(ctx: DocContext, located: Sequence[Located]) -> Links:
    """Relations over the located mentions, merged from every linker."""
    merged = Links()
    for linker in _linkers():
        links = linker(ctx, located)
        merged.officials += links.officials
        merged.places += links.places
        merged.awards += links.awards
        merged.facts += links.facts
        merged.event = merged.event or links.event
        for mention_id, attrs in links.mention_attrs.items():
            merged.mention_attrs.setdefault(mention_id, {}).update(attrs)
        merged.warnings += links.warnings
    return merged


def _dateline(metadata: Mapping[str, Any] | None) -> str | None:
    """The article's publication date from its metadata, as ``YYYY-MM-DD``, when given."""
    if not metadata:
        return None
    from pipeline.extractors.dates import parse_dateline

    for key in ("published", "date", "dateline", "published_at"):
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            parsed = parse_dateline(value)
            if parsed:
                return parsed
    return None


def extract_source(
    source: SourceText,
    *,
    path: str,
    doc_id: str,
    metadata: Mapping[str, Any] | None = None,
    origin: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Extract from decoded text; the record's ``validation`` says whether it checks out.

    ``origin`` says where the text came from (see :func:`pipeline.record.assemble.source_dict`):
    ``kind`` (``file``, ``html``, ``jsonl``, ``csv`` or ``text``) and, for a JSONL line or
    a CSV row, its ``locator``.
    """
    working: WorkingText = normalise(source.text)
    warnings = [Warning_("W102", message) for message in source.warnings]
    if not working.text.strip():
        warnings.append(Warning_("W101", "the article has no text besides boilerplate"))
    ctx = build_context(working, dateline=_dateline(metadata))
    located = locate(working, run_components(ctx))
    links = run_linkers(ctx, located)
    record = build_record(
        doc_id=doc_id,
        path=path,
        source=source,
        working=working,
        ctx=ctx,
        located=located,
        links=links,
        metadata=metadata,
        warnings=warnings,
        origin=origin,
    )
    # The record is built to the schema (tests check every fixture against it); here it is
    # checked against its source: grounding, order, overlaps, references and values.
    problems = validate_record(record, source_text=source.text, check_schema=False)
    record["validation"] = {"valid": not problems, "problems": problems}
    return record


def extract_bytes(
    data: bytes,
    *,
    path: str = "<bytes>",
    doc_id: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    origin: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Decode ``data`` (see :func:`pipeline.text.ingest.decode`) and extract its record
    (``source.kind`` ``file`` unless ``origin`` says otherwise)."""
    source = decode(data, path=path, max_chars=max_chars)
    return extract_source(
        source,
        path=path,
        doc_id=doc_id or _default_doc_id(path, source),
        metadata=metadata,
        origin={"kind": "file", **(origin or {})},
    )


def extract_text(
    text: str,
    *,
    path: str = "<text>",
    doc_id: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    origin: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Extract from already-decoded text (its sha256 is of its UTF-8 bytes); ``origin``
    says where the text came from (``source.kind`` ``text`` by default: a string)."""
    if not text.strip():
        raise InputError("empty article: no text", path=path)
    source = SourceText(text, "utf-8", hashlib.sha256(text.encode("utf-8")).hexdigest())
    return extract_source(
        source,
        path=path,
        doc_id=doc_id or _default_doc_id(path, source),
        metadata=metadata,
        origin={"kind": "text", **(origin or {})},
    )


def extract_path(
    path: str | Path,
    *,
    metadata: Mapping[str, Any] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> dict[str, Any]:
    """Read and extract one article file; its doc id is the file's stem."""
    file = Path(path)
    data = read_regular_file(file, max_chars * BYTES_PER_CHAR)
    return extract_bytes(
        data, path=str(path), doc_id=file.stem, metadata=metadata, max_chars=max_chars
    )


def verify_against_source(record: Mapping[str, Any], source: SourceText) -> list[str]:
    """Re-extract ``source`` (the record's decoded source text) with the record's path,
    doc id and metadata, and return every derived value that differs from the record:
    mention attributes, title, dateline, event, warnings, officials, places and awards
    (:func:`pipeline.record.verify.derived_differences`).

    This is the slow, thorough check of ``vnie validate`` and ``vnie report``; run it on
    a record that passed :func:`pipeline.record.validate.validate_record` (schema first).
    """
    from pipeline.record.verify import derived_differences

    info = record["source"]
    origin = {k: info[k] for k in ("kind", "locator") if k in info}
    metadata = record.get("metadata")
    fresh = extract_source(
        source,
        path=str(info["path"]),
        doc_id=str(record["doc_id"]),
        metadata=metadata if isinstance(metadata, Mapping) else None,
        origin=origin,
    )
    return derived_differences(record, fresh)


def _default_doc_id(path: str, source: SourceText) -> str:
    stem = Path(path).stem
    if stem and not stem.startswith("<"):
        return stem
    return source.sha256[:16]
