"""Where the per-article function runs: in this process, local worker processes, or Dask."""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Literal, Protocol

from pipeline.errors import BatchError
from pipeline.runs.inputs import Article
from pipeline.runs.orphan import exit_with_parent
from pipeline.runs.worker import Outcome, died_outcome, process_article, warm_up

Engine = Literal["local", "dask"]


class Pending(Protocol):
    def result(self) -> Outcome: ...


@dataclass(frozen=True)
class Done:
    outcome: Outcome

    def result(self) -> Outcome:
        return self.outcome


class Runner(Protocol):
    def submit(self, article: Article) -> Pending: ...
    def outcome(self, article: Article, pending: Pending) -> Outcome: ...
    def close(self) -> None: ...
    def abort(self) -> None: ...


class InlineRunner:
    """``workers=0``: extract in the calling process (debugging, small runs)."""

    def __init__(self) -> None:
        warm_up()

    def submit(self, article: Article) -> Pending:
        return Done(process_article(article))

    def outcome(self, article: Article, pending: Pending) -> Outcome:
        return pending.result()

    def close(self) -> None:
        pass

    def abort(self) -> None:
        pass


def process_context() -> multiprocessing.context.BaseContext:
    # forkserver: workers fork from a clean server process that has imported the
    # pipeline once (fast start, no inherited locks or threads of the parent).
    # The guard makes the forkserver end when this process dies (see pipeline.runs.orphan).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.api", "pipeline.runs.forkserver_guard"])
    return context


def init_worker() -> None:
    """Each worker: end with the forkserver (so with the run), then load the pipeline."""
    exit_with_parent()
    warm_up()


def _new_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=process_context(), initializer=init_worker
    )


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: its workers are killed, queued work is dropped."""
    # ProcessPoolExecutor has no public way to stop running work before Python 3.14.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    with contextlib.suppress(Exception):
        pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(5)


class LocalRunner:
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

    def submit(self, article: Article) -> Pending:
        try:
            future = self.pool.submit(self.fn, article)
        except BrokenProcessPool:
            self._restart()
            future = self.pool.submit(self.fn, article)
        future.vnie_pool = self.pool  # type: ignore[attr-defined]
        return future

    def outcome(self, article: Article, pending: Pending) -> Outcome:
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
            return died_outcome(article, err)

    def _restart(self) -> None:
        with contextlib.suppress(Exception):
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = _new_pool(self.workers)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.solo is not None:
            self.solo.shutdown(wait=True, cancel_futures=True)

    def abort(self) -> None:
        """Stop now (the run was interrupted): kill the workers, drop queued articles."""
        _terminate(self.pool)
        if self.solo is not None:
            _terminate(self.solo)


class DaskRunner:
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

    def submit(self, article: Article) -> Pending:
        return self.client.submit(process_article, article, pure=False)

    def outcome(self, article: Article, pending: Pending) -> Outcome:
        try:
            return pending.result()
        except Exception as err:
            return died_outcome(article, err)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def abort(self) -> None:
        self.close()


def make_runner(engine: Engine, workers: int, scheduler: str | None) -> Runner:
    if engine == "dask":
        return DaskRunner(workers, scheduler)
    return InlineRunner() if workers == 0 else LocalRunner(workers)
