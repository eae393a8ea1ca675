"""The per-article function that runs on workers: one article in, one outcome out."""

from __future__ import annotations

import contextlib
import json
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.runs.inputs import Article, InputFailure

#: Error codes of failures that are not input problems.
BUG_CODE = "E900"
WORKER_DIED_CODE = "E901"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article's result: a record line or an error line (JSON, no newline)."""

    key: str
    line: str
    failed: bool
    invalid: bool = False
    chars: int = 0


_WARM_UP_TEXT = "Ngày 12/8/2022, UBND xã Liên Lộc, huyện Hậu Lộc tổ chức ngày hội đại đoàn kết."


def warm_up() -> None:
    """Load the pipeline's models and lexicons once, before the first article."""
    from pipeline.api import extract_text

    # A broken extractor must not kill the worker: each article then reports the bug.
    with contextlib.suppress(Exception):
        extract_text(_WARM_UP_TEXT, path="<warm-up>", doc_id="warm-up")


def _error_line(
    *,
    input_: str,
    line: int | None,
    row: int | None,
    doc_id: str | None,
    key: str,
    stage: str,
    code: str,
    reason: str,
    trace: str | None = None,
) -> str:
    entry: dict[str, Any] = {
        "input": input_,
        "line": line,
        "row": row,
        "doc_id": doc_id,
        "key": key,
        "stage": stage,
        "code": code,
        "reason": reason,
    }
    if trace:
        entry["traceback"] = trace
    return json.dumps(entry, ensure_ascii=False)


def _trace_summary(err: BaseException, limit: int = 6) -> str:
    """The last frames of ``err``'s traceback, one ``file:line in function`` per line."""
    frames = traceback.extract_tb(err.__traceback__)[-limit:]
    lines = [f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join([*lines, f"{type(err).__name__}: {err}"])


def origin_of(article: Article) -> dict[str, Any]:
    """Where a text article came from, for the record's ``source`` (kind and locator)."""
    if article.line is not None:
        return {"kind": "jsonl", "locator": {"file": article.input, "line": article.line}}
    if article.row is not None:
        return {"kind": "csv", "locator": {"file": article.input, "row": article.row}}
    return {"kind": "html"}


def process_article(article: Article) -> Outcome:
    """Extract one article; never raises (failures become error outcomes)."""
    from pipeline.api import extract_bytes, extract_text

    def failure(stage: str, code: str, reason: str, trace: str | None = None) -> Outcome:
        return _error_outcome(article, stage, code, reason, trace)

    try:
        if article.data is not None:
            record = extract_bytes(
                article.data,
                path=article.path,
                doc_id=article.doc_id,
                metadata=article.metadata,
                max_chars=article.max_chars,
            )
        else:
            record = extract_text(
                article.text or "",
                path=article.path,
                doc_id=article.doc_id,
                metadata=article.metadata,
                origin=origin_of(article),
            )
        line = json.dumps(record, ensure_ascii=False)
    except InputError as err:
        return failure("ingest", err.code, str(err))
    except Exception as err:
        return failure("extract", BUG_CODE, f"{type(err).__name__}: {err}", _trace_summary(err))
    valid = bool(record.get("validation", {}).get("valid", False))
    return Outcome(
        article.key, line, failed=False, invalid=not valid, chars=int(record["source"]["length"])
    )


def _error_outcome(
    item: Article | InputFailure, stage: str, code: str, reason: str, trace: str | None = None
) -> Outcome:
    """The failed outcome of one article or input, with its errors.jsonl line."""
    line = _error_line(
        input_=item.input,
        line=item.line,
        row=item.row,
        doc_id=item.doc_id,
        key=item.key,
        stage=stage,
        code=code,
        reason=reason,
        trace=trace,
    )
    return Outcome(item.key, line, failed=True)


def failure_outcome(item: InputFailure) -> Outcome:
    return _error_outcome(item, "read", item.code, item.reason)


def died_outcome(article: Article, err: BaseException) -> Outcome:
    reason = f"the worker process died on this article ({type(err).__name__}: {err})"
    return _error_outcome(article, "worker", WORKER_DIED_CODE, reason)
