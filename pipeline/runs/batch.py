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
- ``manifest.json``: versions, options, input digests, counts and timing; ``state``
  (``running``, ``complete``, ``failed`` with a ``reason``, ``interrupted``) and the
  statistics of every run so far in ``runs``.

Exactly once: an article's key is its doc id and the sha256 of its content, which the
record carries (``doc_id``, ``source.sha256``). A rerun reads the keys already in the
records and errors files and extracts only the others, so a run killed at any point
(even by SIGKILL) is finished by running it again. Lines are appended whole with one
``write`` and ``fsync``; a last line cut short by a crash is truncated away on the next
run; tables, the database and the manifest are written to temporary files and renamed.
An input whose content changed since (same file, JSONL line or CSV row; a new key)
is extracted again and its new line replaces the old record or error. Failed
articles count as done too: ``retry_failed`` retries the articles in
``errors.jsonl`` (after a fix), ``force`` starts from an empty OUT. Every run ends by
rebuilding the tables from all the records in OUT (one streaming pass). Memory: a
bounded number of articles in flight, 8 bytes of key digest per article done, and two
8-byte digests (location, key) per input item of this run for the replacement check
(plus set and dict overhead), never the articles or records themselves.

Run from a shell as ``python -m pipeline.runs.batch INPUT... -o OUT`` (``--help``).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import platform
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from pipeline.errors import BatchError, NoArticlesError, VnieError
from pipeline.runs.durable import fsync_path
from pipeline.runs.inputs import Article, InputFailure, iter_articles, iter_paths
from pipeline.runs.ledger import (
    ERRORS,
    RECORDS,
    AppendFile,
    RecordShards,
    drop_superseded,
    error_location,
    existing_record_files,
    key_digest,
    load_done,
    location_digest,
    repair_tail,
)
from pipeline.runs.progress import Counts, Progress, format_duration, progress_mode
from pipeline.runs.runners import Done, Engine, Pending, Runner, make_runner
from pipeline.runs.worker import Outcome, failure_outcome
from pipeline.text.ingest import DEFAULT_MAX_CHARS

MANIFEST = "manifest.json"
LOCK = ".vnie-batch.lock"
#: Runs kept in the manifest's ``runs`` history (the newest).
MAX_RUNS = 1000
#: Options that must not change between a run and its resumption (else: ``force``).
_STICKY_OPTIONS = ("text_field", "id_field", "shard_size", "max_chars")


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
    #: Records or errors of earlier runs removed because their input has changed since.
    replaced: int = 0

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["out"] = str(self.out)
        data["record_files"] = list(self.record_files)
        data["tables"] = dict(self.tables)
        return data


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
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
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


def _past_runs(previous: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The run history of an earlier manifest (its finished ``runs``, or its one ``run``)."""
    runs = previous.get("runs")
    if isinstance(runs, list):
        return [r for r in runs if isinstance(r, dict)][-MAX_RUNS:]
    run = previous.get("run")
    return [run] if isinstance(run, dict) and "finished" in run else []


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
    """Hold OUT's lock file for the run, and remove it at the end.

    The file is removed while still locked; a run that locked a file since removed (it
    waited on it, or opened it just before) tries again on a fresh one.
    """
    path = out / LOCK
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise BatchError(
                "another batch run is using this output directory", path=str(out)
            ) from None
        try:
            same = os.stat(path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)


#: Exit status of a run stopped by SIGTERM (128 + the signal number, as shells report it).
SIGTERM_EXIT = 128 + signal.SIGTERM


@contextlib.contextmanager
def _terminate_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into ``SystemExit`` during the run, so its workers are stopped.

    Only in the main thread (where Python runs signal handlers); elsewhere, nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(SIGTERM_EXIT)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
    stream = stream or sys.stderr
    if workers is not None and workers < 0:
        raise BatchError(f"workers must be 0 or more, not {workers}")
    if engine not in ("local", "dask"):
        raise BatchError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    if scheduler is not None and engine != "dask":
        raise BatchError("a scheduler address needs engine='dask'")
    workers, warning = effective_workers(workers)
    if warning is not None and scheduler is None:
        stream.write(f"vnie: warning: {warning}\n")
    if out.exists() and not out.is_dir():
        raise BatchError("exists and is not a directory; -o needs a directory", path=str(out))
    _check_some_input(inputs, out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BatchError(
            f"cannot create the output directory: {err.strerror or err}", path=str(out)
        ) from err
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
    with _locked(out), _terminate_on_sigterm():
        return _run_locked(
            out,
            options,
            Progress(progress_mode(progress, stream), stream),
            max_in_flight or max(4, 8 * max(workers, 1)),
        )


def cpu_count() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def effective_workers(requested: int | None) -> tuple[int, str | None]:
    """Worker processes for ``requested`` (None: one per CPU), capped at the CPU count.

    Returns the count and a warning when the request was capped.
    """
    cpus = cpu_count()
    if requested is None:
        return cpus, None
    if requested > cpus:
        return cpus, f"--workers {requested} is more than the {cpus} CPUs; using {cpus}"
    return requested, None


def _check_some_input(inputs: Sequence[str], out: Path) -> None:
    """Raise :class:`NoArticlesError` (before OUT is made) when no input names a file."""
    exclude = out if out.is_dir() else None
    for item in iter_paths(inputs, exclude=exclude):
        if not isinstance(item, InputFailure):
            return
    raise NoArticlesError(f"no input file matches {' '.join(map(str, inputs))}")


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
    return load_done(existing_record_files(out), errors)


def _extract_all(
    inputs: Sequence[str],
    out: Path,
    options: Mapping[str, Any],
    done_keys: set[int],
    progress: Progress,
    max_in_flight: int,
    current: dict[int, int],
) -> tuple[Counts, str]:
    """Stream the articles not yet done through a runner into OUT's files, in input order.

    Returns the counts and a digest of every input item's key (done or skipped);
    ``current`` gets each item's location digest mapped to its key digest.
    """
    counts = Counts()
    items_hash = hashlib.sha256()
    shards = RecordShards(out, options["shard_size"])
    errors = AppendFile(out / ERRORS)
    runner: Runner | None = None
    window: deque[tuple[Article | None, Pending]] = deque()

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
            digest = key_digest(item.key)
            location = (
                item.path
                if isinstance(item, Article)
                else error_location(item.input, item.line, item.row)
            )
            current[location_digest(location)] = digest
            if digest in done_keys:
                counts.skipped += 1
                progress.update(counts)
                continue
            done_keys.add(digest)
            if isinstance(item, InputFailure):
                window.append((None, Done(failure_outcome(item))))
            else:
                if runner is None:
                    runner = make_runner(
                        options["engine"], options["workers"], options["scheduler"]
                    )
                window.append((item, runner.submit(item)))
            # Write in input order: wait for the oldest when the window is full.
            while len(window) >= max_in_flight or (window and _ready(window[0][1])):
                _drain_one(window, runner, write)
        while window:
            _drain_one(window, runner, write)
    except BaseException:
        # Interrupted (SIGTERM, Ctrl-C) or failed: stop the workers now.
        if runner is not None:
            runner.abort()
            runner = None
        raise
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
    out: Path, options: dict[str, Any], progress: Progress, max_in_flight: int
) -> BatchSummary:
    started_at = _now()
    started = time.monotonic()
    try:
        previous = _read_manifest(out) or {}
    except BatchError:
        if not options["force"]:
            raise
        previous = {}
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
        "runs": _past_runs(previous),
    }
    _write_json_atomic(out / MANIFEST, manifest)
    try:
        return _extract_and_tabulate(
            out, options, progress, max_in_flight, done_keys, manifest, started
        )
    except BaseException as err:
        interrupted = isinstance(err, KeyboardInterrupt | SystemExit)
        manifest.update(
            state="interrupted" if interrupted else "failed",
            reason=_reason(err),
            run={**manifest["run"], "finished": _now()},
        )
        with contextlib.suppress(OSError):
            _write_json_atomic(out / MANIFEST, manifest)
        if isinstance(err, OSError):
            raise BatchError(
                f"{_reason(err)}; nothing written is lost: free the space (or fix the "
                "cause) and run the same command again to resume",
                path=str(out),
            ) from err
        raise


def _reason(err: BaseException) -> str:
    """One line saying why a run stopped."""
    if isinstance(err, OSError):
        where = f" ({err.filename})" if err.filename else ""
        return f"cannot write{where}: {err.strerror or err}"
    if isinstance(err, KeyboardInterrupt | SystemExit):
        return f"interrupted ({type(err).__name__})"
    text = str(err).splitlines()[0] if str(err) else ""
    return f"{type(err).__name__}: {text}"[:500]


def _extract_and_tabulate(
    out: Path,
    options: dict[str, Any],
    progress: Progress,
    max_in_flight: int,
    done_keys: set[int],
    manifest: dict[str, Any],
    started: float,
) -> BatchSummary:
    """Extract what is not done yet, rebuild the tables, and finish the manifest."""
    inputs = options["inputs"]
    started_at = manifest["run"]["started"]
    current: dict[int, int] = {}
    counts, items_digest = _extract_all(
        inputs, out, options, done_keys, progress, max_in_flight, current
    )
    # An input edited since its record (or error) was written: the new one replaces it.
    replaced = drop_superseded(existing_record_files(out), out / ERRORS, current)
    del current

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
        replaced=replaced,
    )
    run = {
        "started": started_at,
        "finished": _now(),
        "inputs": inputs,
        "elapsed_s": summary.elapsed_s,
        "done": counts.done,
        "skipped": counts.skipped,
        "failed": counts.failed,
        "invalid": counts.invalid,
        "replaced": replaced,
        "docs_per_s": summary.docs_per_s,
        "chars_per_s": summary.chars_per_s,
    }
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
        run=run,
        runs=[*manifest["runs"], run][-MAX_RUNS:],
    )
    _write_json_atomic(out / MANIFEST, manifest)
    # The summary is printed even without progress display: it is the run's result.
    progress.stream.write(format_summary(summary) + "\n")
    progress.stream.flush()
    return summary


def _ready(pending: Pending) -> bool:
    done = getattr(pending, "done", None)
    return True if done is None else bool(done())


def _drain_one(
    window: deque[tuple[Article | None, Pending]],
    runner: Runner | None,
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
        f"{format_duration(summary.elapsed_s)}. {summary.out} holds {summary.records} records "
        f"({', '.join(summary.record_files) or 'none'}) and {summary.errors} errors."
    )
    if summary.replaced:
        text += f" {summary.replaced} earlier results of edited inputs were replaced."
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
