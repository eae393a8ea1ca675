"""Batch runs: many articles in, one output directory of records, errors and tables out.

:func:`run_batch` streams articles from :func:`pipeline.runs.inputs.iter_articles` through
:func:`pipeline.api.extract_bytes`/``extract_text`` on worker processes (or a Dask
cluster) and writes, in OUT:

- ``records.jsonl``: one record per line, in input order. Past ``shard_size`` records
  the file becomes ``records-00000.jsonl`` and later records go to ``records-00001.jsonl``
  and so on, ``shard_size`` records each.
- ``errors.jsonl``: one line per article that failed, with ``input``, ``line`` (JSONL),
  ``row`` (CSV), ``doc_id``, ``key``, ``stage`` (``read``: the input could not be
  read as an article; ``ingest``: the article's bytes/text were rejected, e.g. empty,
  binary or undecodable; ``extract``: an unexpected exception, i.e. a bug, with a
  ``traceback`` summary; ``worker``: the worker process died on it), ``code`` and
  ``reason``. The run goes on.
- ``tables/*.parquet`` and ``vnie.duckdb``: see :mod:`pipeline.runs.tables`.
- ``manifest.json``: versions, options, input digests, counts and timing.

Exactly once: an article's key is its doc id and the sha256 of its content, which the
record carries (``doc_id``, ``source.sha256``). A rerun reads the keys already in the
records and errors files and extracts only the others, so a run killed at any point
(even by SIGKILL) is finished by running it again. Lines are appended whole with one
``write`` and ``fsync``; a last line cut short by a crash is truncated away on the next
run; tables, the database and the manifest are written to temporary files and renamed.
Failed articles count as done too: ``retry_failed`` retries the articles in
``errors.jsonl`` (after a fix), ``force`` starts from an empty OUT. Every run ends by
rebuilding the tables from all the records in OUT (one streaming pass). Memory: a
bounded number of articles in flight and 8 bytes of key digest per article done (plus
set overhead), never the articles or records themselves.

Run from a shell as ``python -m pipeline.runs.batch INPUT... -o OUT`` (``--help``).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import multiprocessing
import os
import platform
import re
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO

from pipeline.errors import BatchError, InputError, NoArticlesError, VnieError
from pipeline.runs.durable import fsync_path
from pipeline.runs.inputs import Article, InputFailure, article_key, count_articles, iter_articles
from pipeline.text.ingest import DEFAULT_MAX_CHARS

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.json"
LOCK = ".vnie-batch.lock"
_SHARD = re.compile(r"^records-(\d{5,})\.jsonl$")

#: Error codes of failures that are not input problems.
BUG_CODE = "E900"
WORKER_DIED_CODE = "E901"

#: Options that must not change between a run and its resumption (else: ``force``).
_STICKY_OPTIONS = ("text_field", "id_field", "shard_size", "max_chars")

Engine = Literal["local", "dask"]


@dataclass(frozen=True)
class BatchSummary:
    """What one :func:`run_batch` call did, and what OUT holds after it.

    ``done``/``failed``/``invalid`` count articles of this run (``invalid``: records
    written whose ``validation.valid`` is false); ``skipped`` counts articles already in
    OUT (or repeated in the inputs). ``records``/``errors`` are totals in OUT.
    """

    out: Path
    done: int
    skipped: int
    failed: int
    invalid: int
    records: int
    errors: int
    elapsed_s: float
    docs_per_s: float
    chars_per_s: float
    record_files: tuple[str, ...]
    tables: Mapping[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["out"] = str(self.out)
        data["record_files"] = list(self.record_files)
        data["tables"] = dict(self.tables)
        return data


# --- the per-article function (runs on workers) ---------------------------------------------


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


def _failure_outcome(item: InputFailure) -> Outcome:
    return _error_outcome(item, "read", item.code, item.reason)


def _died_outcome(article: Article, err: BaseException) -> Outcome:
    reason = f"the worker process died on this article ({type(err).__name__}: {err})"
    return _error_outcome(article, "worker", WORKER_DIED_CODE, reason)


# --- runners: where process_article runs ------------------------------------------------------


class _Pending(Protocol):
    def result(self) -> Outcome: ...


@dataclass(frozen=True)
class _Done:
    outcome: Outcome

    def result(self) -> Outcome:
        return self.outcome


class _Runner(Protocol):
    def submit(self, article: Article) -> _Pending: ...
    def outcome(self, article: Article, pending: _Pending) -> Outcome: ...
    def close(self) -> None: ...


class _InlineRunner:
    """``workers=0``: extract in the calling process (debugging, small runs)."""

    def __init__(self) -> None:
        warm_up()

    def submit(self, article: Article) -> _Pending:
        return _Done(process_article(article))

    def outcome(self, article: Article, pending: _Pending) -> Outcome:
        return pending.result()

    def close(self) -> None:
        pass


def _process_context() -> multiprocessing.context.BaseContext:
    # forkserver: workers fork from a clean server process that has imported the
    # pipeline once (fast start, no inherited locks or threads of the parent).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.api"])
    return context


def _new_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=_process_context(), initializer=warm_up
    )


class _LocalRunner:
    """A process pool; a crashed worker is replaced and the article that killed it failed.

    When a worker dies (segfault, out of memory) every article in flight on that pool
    fails with it; each is then re-run alone on a one-worker pool, so only an article
    that kills a worker on its own is quarantined (stage ``worker``).
    """

    def __init__(self, workers: int, fn: Callable[[Article], Outcome] = process_article) -> None:
        self.workers = workers
        self.fn = fn
        self.pool = _new_pool(workers)
        self.solo: ProcessPoolExecutor | None = None

    def submit(self, article: Article) -> _Pending:
        try:
            future = self.pool.submit(self.fn, article)
        except BrokenProcessPool:
            self._restart()
            future = self.pool.submit(self.fn, article)
        future.vnie_pool = self.pool  # type: ignore[attr-defined]
        return future

    def outcome(self, article: Article, pending: _Pending) -> Outcome:
        try:
            return pending.result()
        except BrokenProcessPool:
            pass
        if getattr(pending, "vnie_pool", None) is self.pool:
            self._restart()
        if self.solo is None:
            self.solo = _new_pool(1)
        try:
            return self.solo.submit(self.fn, article).result()
        except BrokenProcessPool as err:
            self.solo.shutdown(wait=False, cancel_futures=True)
            self.solo = None
            return _died_outcome(article, err)

    def _restart(self) -> None:
        with contextlib.suppress(Exception):
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = _new_pool(self.workers)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.solo is not None:
            self.solo.shutdown(wait=True, cancel_futures=True)


class _DaskRunner:
    """The same per-article function on a Dask distributed cluster."""

    def __init__(self, workers: int, scheduler: str | None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise BatchError("engine 'dask' needs dask[distributed] installed") from err
        self.cluster = None
        if scheduler is None:
            self.cluster = LocalCluster(
                n_workers=max(workers, 1),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(scheduler, timeout=30)
            except (OSError, TimeoutError, ValueError) as err:
                raise BatchError(f"cannot reach the Dask scheduler {scheduler}: {err}") from err
        # Workers that join later warm up on their first article.
        self.client.run(warm_up)

    def submit(self, article: Article) -> _Pending:
        return self.client.submit(process_article, article, pure=False)

    def outcome(self, article: Article, pending: _Pending) -> Outcome:
        try:
            return pending.result()
        except Exception as err:
            return _died_outcome(article, err)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _make_runner(engine: Engine, workers: int, scheduler: str | None) -> _Runner:
    if engine == "dask":
        return _DaskRunner(workers, scheduler)
    return _InlineRunner() if workers == 0 else _LocalRunner(workers)


# --- durable append-only files --------------------------------------------------------------


def repair_tail(path: Path) -> bool:
    """Truncate a final line cut short by a crash; True when something was cut."""
    if not path.exists():
        return False
    size = path.stat().st_size
    if size == 0:
        return False
    with path.open("rb+") as handle:
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return False
        # Scan back for the last complete line.
        block = 1 << 16
        end = size
        keep = 0
        while end > 0:
            start = max(0, end - block)
            handle.seek(start)
            chunk = handle.read(end - start)
            at = chunk.rfind(b"\n")
            if at >= 0:
                keep = start + at + 1
                break
            end = start
        handle.truncate(keep)
        handle.flush()
        os.fsync(handle.fileno())
    return True


class _AppendFile:
    """One append-only JSONL file: each line written whole, then fsync'ed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        self.fd = os.open(path, flags, 0o644)

    def append(self, line: str) -> None:
        data = (line + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]
        os.fsync(self.fd)

    def close(self) -> None:
        os.close(self.fd)


class _RecordShards:
    """``records.jsonl``, or ``records-NNNNN.jsonl`` shards of ``shard_size`` lines."""

    def __init__(self, out: Path, shard_size: int) -> None:
        self.out = out
        self.shard_size = shard_size
        self.files = existing_record_files(out)
        if not self.files:
            self.files = [out / RECORDS]
        self.lines = _count_lines(self.files[-1]) if self.files[-1].exists() else 0
        self.current = _AppendFile(self.files[-1])

    def append(self, line: str) -> None:
        if self.lines >= self.shard_size:
            self._rotate()
        self.current.append(line)
        self.lines += 1

    def _rotate(self) -> None:
        self.current.close()
        if self.files == [self.out / RECORDS]:
            first = self.out / _shard_name(0)
            os.replace(self.out / RECORDS, first)
            self.files = [first]
        last = _SHARD.match(self.files[-1].name)
        self.files.append(self.out / _shard_name(int(last.group(1)) + 1 if last else 0))
        self.current = _AppendFile(self.files[-1])
        fsync_path(self.out)
        self.lines = 0

    def close(self) -> None:
        self.current.close()


def _shard_name(index: int) -> str:
    return f"records-{index:05d}.jsonl"


def existing_record_files(out: Path) -> list[Path]:
    """The record files in ``out`` in order: ``records.jsonl`` or the numbered shards."""
    shards = sorted(p for p in out.glob("records-*.jsonl") if _SHARD.match(p.name))
    single = out / RECORDS
    if single.exists() and shards:
        raise BatchError(f"both {RECORDS} and {shards[0].name} exist; use --force", path=str(out))
    return shards or ([single] if single.exists() else [])


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
    return count


# --- keys of work done ----------------------------------------------------------------------

_DOC_ID = re.compile(r'^\{"schema_version": "[^"]*", "doc_id": ("(?:[^"\\]|\\.)*")')
_SHA = re.compile(r'"sha256": "([0-9a-f]{64})"')


def _digest(key: str) -> int:
    """A 64-bit digest of a key: what the done-set holds (collisions: ~n²/2⁶⁵)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def record_key(line: str) -> str:
    """The exactly-once key of one records-file line (doc id + ``source.sha256``)."""
    doc = _DOC_ID.match(line)
    sha = _SHA.search(line)
    if doc and sha:
        return article_key(json.loads(doc.group(1)), sha.group(1))
    record = json.loads(line)
    return article_key(record["doc_id"], record["source"]["sha256"])


def _load_done(files: Sequence[Path], errors: Path) -> set[int]:
    """Digests of the keys in the record files and the errors file."""
    done: set[int] = set()
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    done.add(_digest(record_key(line)))
                except (ValueError, KeyError, TypeError) as err:
                    raise BatchError(
                        f"line {number} is not a record ({err}); use --force to start over",
                        path=str(path),
                    ) from err
    if errors.exists():
        with errors.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    with contextlib.suppress(ValueError, KeyError):
                        done.add(_digest(json.loads(line)["key"]))
    return done


# --- progress -------------------------------------------------------------------------------


@dataclass
class _Counts:
    done: int = 0
    skipped: int = 0
    failed: int = 0
    invalid: int = 0
    chars: int = 0

    @property
    def seen(self) -> int:
        return self.done + self.skipped + self.failed


class _Progress:
    """A rich bar on a terminal, plain periodic lines otherwise, or nothing."""

    def __init__(self, mode: str, stream: TextIO, interval: float = 10.0) -> None:
        self.mode = mode
        self.stream = stream
        self.interval = interval
        self.total: int | None = None
        self.started = time.monotonic()
        self.last = self.started
        self.bar: Any = None
        self.stop_counting = threading.Event()

    def start(self, inputs: Sequence[str], out: Path) -> None:
        """Show the bar (on a terminal) and estimate the total in a background thread."""
        self.started = self.last = time.monotonic()
        if self.mode == "off":
            return
        if self.mode == "rich":
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("[bold]vnie batch"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} docs/s"),
                TextColumn("{task.fields[failed]} failed"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
            )
            self.task = self.bar.add_task("batch", total=None, rate="-", failed=0)
            self.bar.start()
        threading.Thread(
            target=self._count, args=(inputs, out), name="vnie-count", daemon=True
        ).start()

    def _count(self, inputs: Sequence[str], out: Path) -> None:
        with contextlib.suppress(Exception):
            total = count_articles(inputs, exclude=out)
            if not self.stop_counting.is_set():
                self.total = total
                if self.bar is not None:
                    self.bar.update(self.task, total=total)

    def rate(self, counts: _Counts) -> float:
        elapsed = time.monotonic() - self.started
        return (counts.done + counts.failed) / elapsed if elapsed > 0 else 0.0

    def update(self, counts: _Counts) -> None:
        if self.bar is not None:
            self.bar.update(
                self.task,
                completed=counts.seen,
                rate=f"{self.rate(counts):.1f}",
                failed=counts.failed,
            )
        elif self.mode == "plain":
            now = time.monotonic()
            if now - self.last >= self.interval:
                self.last = now
                self.stream.write(self.line(counts) + "\n")
                self.stream.flush()

    def line(self, counts: _Counts) -> str:
        rate = self.rate(counts)
        total = f"/{self.total}" if self.total is not None else ""
        text = (
            f"vnie batch: {counts.seen}{total} articles ({counts.done} done, "
            f"{counts.skipped} skipped, {counts.failed} failed), {rate:.1f} docs/s"
        )
        if self.total is not None and rate > 0:
            remaining = max(0, self.total - counts.seen) / rate
            text += f", ETA {_duration(remaining)}"
        return text

    def close(self) -> None:
        self.stop_counting.set()
        if self.bar is not None:
            self.bar.stop()


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m{secs:02d}s" if hours else f"{minutes}m{secs:02d}s"


def _progress_mode(progress: bool | None, stream: TextIO) -> str:
    if progress is False:
        return "off"
    return "rich" if stream.isatty() else "plain"


# --- manifest -------------------------------------------------------------------------------


def _versions() -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    from pipeline import SCHEMA_VERSION, __version__

    found: dict[str, str | None] = {"vnie": __version__, "schema_version": SCHEMA_VERSION}
    for name in ("underthesea", "spacy", "pyarrow", "duckdb"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    found["python"] = platform.python_version()
    return found


def _write_json_atomic(path: Path, data: Mapping[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fsync_path(path.parent)


def _read_manifest(out: Path) -> dict[str, Any] | None:
    path = out / MANIFEST
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise BatchError(f"unreadable manifest ({err}); use --force", path=str(path)) from err
    return data if isinstance(data, dict) else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- the run --------------------------------------------------------------------------------

#: Files a batch run owns in OUT (``force`` removes exactly these, nothing else).
_OWNED_GLOBS = (
    RECORDS,
    "records-*.jsonl",
    ERRORS,
    MANIFEST,
    "vnie.duckdb",
    "vnie.duckdb.wal",
    "tables/*.parquet",
    ".*.tmp",
    "tables/.*.tmp",
)


def _clear(out: Path) -> None:
    for pattern in _OWNED_GLOBS:
        for path in out.glob(pattern):
            if path.is_file() or path.is_symlink():
                path.unlink()


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BatchError(
                "another batch run is using this output directory", path=str(out)
            ) from None
        yield
    finally:
        os.close(fd)


def run_batch(
    inputs: Sequence[str],
    out: Path,
    *,
    workers: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    force: bool = False,
    retry_failed: bool = False,
    text_field: str = "text",
    id_field: str | None = None,
    shard_size: int = 10_000,
    max_chars: int = DEFAULT_MAX_CHARS,
    progress: bool | None = None,
    max_in_flight: int | None = None,
    stream: TextIO | None = None,
) -> BatchSummary:
    """Extract every article of ``inputs`` into ``out`` exactly once (module docstring).

    ``workers``: processes (default ``os.cpu_count()``; ``0`` runs in this process);
    with ``engine="dask"`` the number of LocalCluster workers when ``scheduler`` (a
    Dask scheduler address) is None. ``progress``: None (or True) shows a rich bar on a
    terminal and plain lines every 10 s otherwise; False shows nothing. Progress and the
    final summary go to ``stream`` (default stderr). Raises :class:`BatchError` when OUT is in
    use or was made with other ``text_field``/``id_field``/``shard_size``/``max_chars``,
    and :class:`NoArticlesError` when the inputs hold no article at all.
    """
    out = Path(out)
    if shard_size < 1:
        raise BatchError(f"shard_size must be at least 1, not {shard_size}")
    if not inputs:
        raise NoArticlesError("no inputs given")
    workers = (os.cpu_count() or 1) if workers is None else workers
    if workers < 0:
        raise BatchError(f"workers must be 0 or more, not {workers}")
    if engine not in ("local", "dask"):
        raise BatchError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    if scheduler is not None and engine != "dask":
        raise BatchError("a scheduler address needs engine='dask'")
    stream = stream or sys.stderr
    out.mkdir(parents=True, exist_ok=True)
    options = {
        "inputs": [str(spec) for spec in inputs],
        "text_field": text_field,
        "id_field": id_field,
        "shard_size": shard_size,
        "max_chars": max_chars,
        "engine": engine,
        "workers": workers,
        "scheduler": scheduler,
        "force": force,
        "retry_failed": retry_failed,
    }
    with _locked(out):
        return _run_locked(
            out,
            options,
            _Progress(_progress_mode(progress, stream), stream),
            max_in_flight or max(4, 8 * max(workers, 1)),
        )


def _prepare(out: Path, options: Mapping[str, Any]) -> set[int]:
    """Make OUT ready to resume (or clear it for ``force``); the keys already done."""
    if options["force"]:
        _clear(out)
    else:
        previous = _read_manifest(out) or {}
        before = previous.get("options", {})
        changed = [n for n in _STICKY_OPTIONS if n in before and before[n] != options[n]]
        if changed:
            raise BatchError(
                f"this output was made with other {', '.join(changed)}; use --force or "
                "another output directory",
                path=str(out),
            )
    errors = out / ERRORS
    for path in [*existing_record_files(out), errors]:
        repair_tail(path)
    if options["retry_failed"] and errors.exists():
        _write_json_lines_atomic(errors, [])
    return _load_done(existing_record_files(out), errors)


def _extract_all(
    inputs: Sequence[str],
    out: Path,
    options: Mapping[str, Any],
    done_keys: set[int],
    progress: _Progress,
    max_in_flight: int,
) -> tuple[_Counts, str]:
    """Stream the articles not yet done through a runner into OUT's files, in input order.

    Returns the counts and a digest of every input item's key (done or skipped).
    """
    counts = _Counts()
    items_hash = hashlib.sha256()
    shards = _RecordShards(out, options["shard_size"])
    errors = _AppendFile(out / ERRORS)
    runner: _Runner | None = None
    window: deque[tuple[Article | None, _Pending]] = deque()

    def write(outcome: Outcome) -> None:
        if outcome.failed:
            errors.append(outcome.line)
            counts.failed += 1
        else:
            shards.append(outcome.line)
            counts.done += 1
            counts.invalid += outcome.invalid
            counts.chars += outcome.chars
        progress.update(counts)

    progress.start(options["inputs"], out)
    try:
        items = iter_articles(
            inputs,
            text_field=options["text_field"],
            id_field=options["id_field"],
            max_chars=options["max_chars"],
            exclude=out,
        )
        for item in items:
            items_hash.update(item.key.encode("utf-8") + b"\n")
            digest = _digest(item.key)
            if digest in done_keys:
                counts.skipped += 1
                progress.update(counts)
                continue
            done_keys.add(digest)
            if isinstance(item, InputFailure):
                window.append((None, _Done(_failure_outcome(item))))
            else:
                if runner is None:
                    runner = _make_runner(
                        options["engine"], options["workers"], options["scheduler"]
                    )
                window.append((item, runner.submit(item)))
            # Write in input order: wait for the oldest when the window is full.
            while len(window) >= max_in_flight or (window and _ready(window[0][1])):
                _drain_one(window, runner, write)
        while window:
            _drain_one(window, runner, write)
    finally:
        if runner is not None:
            runner.close()
        shards.close()
        errors.close()
        progress.close()
    if counts.seen == 0:
        raise NoArticlesError("the inputs hold no articles")
    return counts, items_hash.hexdigest()


def _run_locked(
    out: Path, options: dict[str, Any], progress: _Progress, max_in_flight: int
) -> BatchSummary:
    started_at = _now()
    started = time.monotonic()
    done_keys = _prepare(out, options)
    inputs = options["inputs"]
    manifest: dict[str, Any] = {
        "tool": "vnie batch",
        "state": "running",
        "versions": _versions(),
        "options": {k: v for k, v in options.items() if k != "inputs"},
        "inputs": inputs,
        "inputs_digest": hashlib.sha256(
            json.dumps(inputs, ensure_ascii=False).encode()
        ).hexdigest(),
        "run": {"started": started_at},
    }
    _write_json_atomic(out / MANIFEST, manifest)
    counts, items_digest = _extract_all(inputs, out, options, done_keys, progress, max_in_flight)

    from pipeline.runs.tables import build_tables, write_duckdb

    record_files = existing_record_files(out)
    tables = build_tables(out, record_files, out / ERRORS)
    write_duckdb(out)
    elapsed = time.monotonic() - started
    summary = BatchSummary(
        out=out,
        done=counts.done,
        skipped=counts.skipped,
        failed=counts.failed,
        invalid=counts.invalid,
        records=tables["articles"],
        errors=tables["errors"],
        elapsed_s=round(elapsed, 3),
        docs_per_s=round((counts.done + counts.failed) / elapsed, 3) if elapsed > 0 else 0.0,
        chars_per_s=round(counts.chars / elapsed, 1) if elapsed > 0 else 0.0,
        record_files=tuple(p.name for p in record_files),
        tables=tables,
    )
    manifest.update(
        state="complete",
        items_digest=items_digest,
        counts={
            "records": tables["articles"],
            "errors": tables["errors"],
            "invalid": _count_invalid(out),
            "duplicate_doc_ids": _count_duplicate_ids(out),
            "tables": tables,
        },
        files={
            "records": [p.name for p in record_files],
            "errors": ERRORS,
            "tables": {name: f"tables/{name}.parquet" for name in tables},
            "duckdb": "vnie.duckdb",
        },
        run={
            "started": started_at,
            "finished": _now(),
            "elapsed_s": summary.elapsed_s,
            "done": counts.done,
            "skipped": counts.skipped,
            "failed": counts.failed,
            "invalid": counts.invalid,
            "docs_per_s": summary.docs_per_s,
            "chars_per_s": summary.chars_per_s,
        },
    )
    _write_json_atomic(out / MANIFEST, manifest)
    if progress.mode != "off":
        progress.stream.write(format_summary(summary) + "\n")
        progress.stream.flush()
    return summary


def _ready(pending: _Pending) -> bool:
    done = getattr(pending, "done", None)
    return True if done is None else bool(done())


def _drain_one(
    window: deque[tuple[Article | None, _Pending]],
    runner: _Runner | None,
    write: Callable[[Outcome], None],
) -> None:
    article, pending = window.popleft()
    if article is None or runner is None:
        write(pending.result())
    else:
        write(runner.outcome(article, pending))


def _write_json_lines_atomic(path: Path, lines: Sequence[str]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.writelines(line + "\n" for line in lines)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _duckdb_scalar(out: Path, query: str) -> int:
    import duckdb

    con = duckdb.connect(str(out / "vnie.duckdb"), read_only=True)
    try:
        row = con.execute(query).fetchone()
    finally:
        con.close()
    return int(row[0] or 0) if row else 0


def _count_invalid(out: Path) -> int:
    return _duckdb_scalar(out, "select count(*) from articles where not valid")


def _count_duplicate_ids(out: Path) -> int:
    return _duckdb_scalar(
        out, "select count(*) from (select doc_id from articles group by 1 having count(*) > 1)"
    )


def format_summary(summary: BatchSummary) -> str:
    """The one-paragraph summary printed at the end of a run."""
    text = (
        f"vnie batch: {summary.done} done, {summary.skipped} skipped, {summary.failed} failed, "
        f"{summary.invalid} invalid; {summary.docs_per_s:.1f} docs/s in "
        f"{_duration(summary.elapsed_s)}. {summary.out} holds {summary.records} records "
        f"({', '.join(summary.record_files) or 'none'}) and {summary.errors} errors."
    )
    if summary.failed:
        text += f" Failures are listed in {summary.out / ERRORS}."
    return text


# --- command line (the typer command of pipeline.apps.cli calls run_batch the same way) ----------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.runs.batch",
        description="Extract records from many articles into OUT, resumably.",
    )
    parser.add_argument(
        "inputs", nargs="+", help="files, directories or globs (.txt, .html, .jsonl, .csv)"
    )
    parser.add_argument("-o", "--out", type=Path, required=True, help="output directory")
    parser.add_argument(
        "-w",
        "--workers",
        type=int,
        default=None,
        help="worker processes (default: CPU count; 0: in this process)",
    )
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--scheduler", default=None, help="Dask scheduler address")
    parser.add_argument("--force", action="store_true", help="recompute everything")
    parser.add_argument(
        "--retry-failed", action="store_true", help="retry the articles listed in errors.jsonl"
    )
    parser.add_argument("--text-field", default="text", help="JSONL/CSV text field")
    parser.add_argument("--id-field", default=None, help="JSONL/CSV doc id field")
    parser.add_argument("--shard-size", type=int, default=10_000)
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--progress", dest="progress", action="store_true", default=None)
    group.add_argument("--no-progress", dest="progress", action="store_false")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Exit status: 0 all articles done, 1 some failed, 2 the run could not start."""
    args = _parser().parse_args(argv)
    try:
        summary = run_batch(
            args.inputs,
            args.out,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            force=args.force,
            retry_failed=args.retry_failed,
            text_field=args.text_field,
            id_field=args.id_field,
            shard_size=args.shard_size,
            max_chars=args.max_chars,
            progress=args.progress,
        )
    except VnieError as err:
        print(f"vnie: error: {err}", file=sys.stderr)
        return 2
    return 1 if summary.failed else 0


if __name__ == "__main__":
    # Run the imported module's main, so workers unpickle functions of pipeline.runs.batch,
    # not of __main__.
    from pipeline.runs.batch import main as _main

    sys.exit(_main())
