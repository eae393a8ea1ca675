"""Building the whole site: article pages (in worker processes when asked), the index,
the shared assets, and a summary with the build time and the site's size."""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.apps.report.article import render_article, renderable
from pipeline.apps.report.charts import ChartTally
from pipeline.apps.report.common import UNSAFE_NAME, write_assets
from pipeline.apps.report.index import ArticleRow, render_index
from pipeline.apps.report.sources import (
    RecordEntry,
    RecordUnit,
    Source,
    find_gold,
    find_source,
    iter_entries,
    iter_units,
    source_problems,
    unit_entries,
)
from pipeline.record.validate import schema_problems


@dataclass(frozen=True)
class SiteSummary:
    """What :func:`build_site` wrote, how long it took and how big the site is."""

    site_dir: Path
    index: Path
    pages: tuple[Path, ...]
    mentions: int
    invalid: tuple[str, ...]
    missing_sources: tuple[str, ...]
    gold_compared: int = 0
    missed: int = 0
    spurious: int = 0
    seconds: float = 0.0
    sizes: Mapping[str, int] = field(default_factory=dict)  # index / articles / assets bytes
    verified: bool = True
    workers: int = 1

    @property
    def articles(self) -> int:
        return len(self.pages)

    @property
    def size(self) -> int:
        """Bytes of every file the build wrote (index, article pages, assets)."""
        return sum(self.sizes.values())

    def describe(self) -> str:
        """One line for the command line."""
        line = (
            f"{self.index}: {self.articles} article page(s), {self.mentions} mentions, "
            f"{len(self.invalid)} invalid, {len(self.missing_sources)} without source"
        )
        if self.gold_compared:
            line += (
                f"; gold compared on {self.gold_compared}: {self.missed} missed, "
                f"{self.spurious} spurious"
            )
        return line

    def describe_build(self) -> str:
        """Build time and site size, one line."""
        parts = ", ".join(f"{name} {_mb(n)}" for name, n in self.sizes.items())
        how = "re-extracted to verify" if self.verified else "not re-extracted (--no-verify)"
        return (
            f"built in {self.seconds:.1f} s with {self.workers} worker(s), records {how}; "
            f"site {_mb(self.size)} ({parts})"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "site_dir": str(self.site_dir),
            "index": str(self.index),
            "articles": self.articles,
            "mentions": self.mentions,
            "invalid": list(self.invalid),
            "missing_sources": list(self.missing_sources),
            "gold_compared": self.gold_compared,
            "missed": self.missed,
            "spurious": self.spurious,
            "seconds": round(self.seconds, 3),
            "bytes": self.size,
            "sizes": dict(self.sizes),
            "verified": self.verified,
            "workers": self.workers,
        }


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def page_names(doc_ids: Sequence[str]) -> list[str]:
    """A distinct, filesystem-safe ``.html`` file name per doc id (in order)."""
    names: list[str] = []
    used: set[str] = set()
    for doc_id in doc_ids:
        base = UNSAFE_NAME.sub("_", doc_id).strip("._")[:120] or "article"
        name, n = base, 1
        while name.lower() in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name.lower())
        names.append(f"{name}.html")
    return names


def _search_dirs(path: Path) -> list[Path]:
    base = path if path.is_dir() else path.parent
    dirs = [base.resolve(), base.resolve().parent]
    return [d for i, d in enumerate(dirs) if d not in dirs[:i]]


def _recorded_problems(record: Mapping[str, Any]) -> list[str]:
    """Without its source a record is judged as recorded at extraction."""
    recorded = record["validation"]
    problems = [str(p) for p in recorded["problems"]]
    return problems or ([] if recorded["valid"] else ["recorded as invalid at extraction"])


# How a page's record was checked (shown in its validation panel).
_CHECKED_FULL = (
    "checked against the source when the site was built: digest, offsets, and every "
    "derived value re-derived by extracting the source again"
)
_CHECKED_QUICK = (
    "checked against the source when the site was built: digest and offsets; derived "
    "values were not re-derived (site built with --no-verify)"
)
_CHECKED_RECORDED = "as recorded at extraction (source not available)"
_CHECKED_SCHEMA = "the record does not follow the schema"
_CHECKED_UNREAD = "the record could not be read"


@dataclass(frozen=True)
class _Job:
    """What every page builder needs (sent once to each worker process)."""

    articles_dir: Path
    search: tuple[Path, ...]
    gold_dir: Path | None
    verify: bool


@dataclass(frozen=True)
class _Built:
    """One page written: its index row and what the summary counts."""

    row: ArticleRow
    path: Path
    statuses: tuple[int, int, int] | None  # correct, missed, spurious (gold compared)


#: A unit of records and, per record in it, (page name, previous page, next page).
_Task = tuple[RecordUnit, list[tuple[str, str | None, str | None]]]


def _build_page(
    job: _Job, entry: RecordEntry, names: tuple[str, str | None, str | None], tally: ChartTally
) -> _Built:
    """Check one record, write its page and count its mentions into ``tally``."""
    name, prev_href, next_href = names
    doc_id = entry.doc_id
    counted = False
    if entry.problem is not None:
        record: dict[str, Any] = {"doc_id": doc_id, "mentions": []}
        source = Source(None, problem="the record could not be read")
        problems: list[str] = [entry.problem]
        checked = _CHECKED_UNREAD
    else:
        record = entry.record
        source = find_source(record, job.search)
        shape = schema_problems(record)
        if shape:
            problems, checked = shape, _CHECKED_SCHEMA
        elif source.text is None:
            problems, checked = _recorded_problems(record), _CHECKED_RECORDED
            counted = True
        else:
            problems = source_problems(record, source, verify=job.verify)
            checked = _CHECKED_FULL if job.verify else _CHECKED_QUICK
            counted = True
    gold = find_gold(record, job.gold_dir, source) if job.gold_dir is not None else None
    links = {"prev_href": prev_href, "next_href": next_href}
    try:
        article = render_article(
            record, source, gold=gold, problems=problems, checked=checked, **links
        )
    except RecursionError:
        # A value nested too deeply to show: the page lists the record as invalid.
        problems = [*problems, "record: a value is nested too deeply to show"]
        counted = False
        record, gold = {"doc_id": doc_id, "mentions": []}, None
        article = render_article(record, source, problems=problems, checked=checked, **links)
    if counted:
        tally.add(record)
    target = job.articles_dir / name
    target.write_text(article.html, encoding="utf-8")
    statuses = Counter(it.status for it in article.items)
    compared = None
    gold_counts = None
    if gold is not None and gold.mentions is not None:
        compared = (statuses["correct"], statuses["missed"], statuses["spurious"])
        gold_counts = dict(zip(("correct", "missed", "spurious"), compared, strict=True))
    shown = record if article.valid else renderable(record)
    title = shown.get("title") if isinstance(shown.get("title"), Mapping) else {}
    row = ArticleRow(
        doc_id=doc_id,
        href=f"articles/{name}",
        title=str((title or {}).get("text", "")),
        dateline=str(shown.get("dateline") or ""),
        counts=dict(Counter(it.label for it in article.items if it.status != "missed")),
        valid=article.valid,
        problems=len(article.problems),
        warnings=len(shown.get("warnings") or ()),
        source_found=source.text is not None,
        gold=gold_counts,
    )
    return _Built(row, target, compared)


def _build_pages(job: _Job, tasks: Sequence[_Task]) -> tuple[list[_Built], ChartTally]:
    """The pages of a few units of records, in order, and their chart counts."""
    tally = ChartTally()
    built: list[_Built] = []
    for unit, names in tasks:
        entries = unit_entries(unit)
        for entry, triple in zip(entries, names, strict=True):
            built.append(_build_page(job, entry, triple, tally))
    return built, tally


_WORKER_JOB: _Job | None = None


def _init_worker(job: _Job) -> None:
    """Each worker process: end with the build, keep the job."""
    global _WORKER_JOB
    from pipeline.runs.orphan import exit_with_parent

    exit_with_parent()
    _WORKER_JOB = job


def _worker_pages(tasks: Sequence[_Task]) -> tuple[list[_Built], ChartTally]:
    assert _WORKER_JOB is not None
    return _build_pages(_WORKER_JOB, tasks)


def _chunks(source: Path, names: Sequence[str], size: int) -> Iterator[list[_Task]]:
    """The record units under ``source`` in groups of ``size``, each record with its page
    name and its neighbours' (read a second time, lazily: nothing big is held)."""
    chunk: list[_Task] = []
    i = 0
    for unit in iter_units(source):
        triples = []
        for _ in unit_entries(unit):
            triples.append(
                (
                    names[i],
                    names[i - 1] if i > 0 else None,
                    names[i + 1] if i + 1 < len(names) else None,
                )
            )
            i += 1
        chunk.append((unit, triples))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run(
    job: _Job,
    chunks: Iterator[list[_Task]],
    workers: int,
) -> Iterator[tuple[list[_Built], ChartTally]]:
    """Every chunk built, in order: in this process, or ``workers`` processes with a
    bounded number of chunks in flight."""
    if workers <= 1:
        for chunk in chunks:
            yield _build_pages(job, chunk)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    from pipeline.runs.runners import process_context

    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=process_context(),
        initializer=_init_worker,
        initargs=(job,),
    ) as pool:
        pending: deque[Future[tuple[list[_Built], ChartTally]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_worker_pages, chunk))
            if len(pending) >= 4 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def build_site(
    records_dir_or_batch_out: Path,
    site_dir: Path,
    *,
    gold_dir: Path | None = None,
    verify: bool = True,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> SiteSummary:
    """Write the review site for every record under ``records_dir_or_batch_out`` into
    ``site_dir``: ``index.html``, ``articles/*.html`` and one copy of the shared CSS,
    scripts and plotly.js in ``assets/``.

    Sources are looked up by :func:`find_source` (the record's path as given, then relative
    to the records directory and its parent). With the source, each record is checked
    against it (digest, offsets) and, with ``verify`` (default), re-extracted to re-derive
    every value (about as slow as the extraction was; ``workers`` > 1 builds pages in
    that many processes). Each page says how its record was checked. With ``gold_dir``,
    ``<doc_id>.json`` gold files mark missed and spurious mentions (strict matching). A
    record that cannot be read or does not follow the schema gets a page marked invalid.
    ``progress(done, total)`` is called as pages are written. Raises
    :class:`InputError` / :class:`RecordError` when there are no record files.
    """
    started = time.perf_counter()
    source_path = Path(records_dir_or_batch_out)
    doc_ids = [entry.doc_id for entry in iter_entries(source_path)]
    site_dir = Path(site_dir)
    articles_dir = site_dir / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    assets = write_assets(site_dir)
    names = page_names(doc_ids)
    job = _Job(
        articles_dir=articles_dir,
        search=tuple(_search_dirs(source_path)),
        gold_dir=Path(gold_dir) if gold_dir is not None else None,
        verify=verify,
    )
    rows: list[ArticleRow] = []
    pages: list[Path] = []
    invalid: list[str] = []
    missing: list[str] = []
    tally = ChartTally()
    compared = missed = spurious = 0
    chunk_size = 1 if workers <= 1 else 8
    for built, counts in _run(job, _chunks(source_path, names, chunk_size), workers):
        tally.merge(counts)
        for page in built:
            rows.append(page.row)
            pages.append(page.path)
            if page.statuses is not None:
                compared += 1
                missed += page.statuses[1]
                spurious += page.statuses[2]
            if not page.row.valid:
                invalid.append(page.row.doc_id)
            if not page.row.source_found:
                missing.append(page.row.doc_id)
        if progress is not None:
            progress(len(pages), len(names))
    index = site_dir / "index.html"
    checks = _CHECKED_FULL if verify else _CHECKED_QUICK
    index.write_text(
        render_index(
            rows, tally.data(), mentions=tally.mentions, gold=gold_dir is not None, checks=checks
        ),
        encoding="utf-8",
    )
    sizes = {
        "index": index.stat().st_size,
        "articles": sum(p.stat().st_size for p in pages),
        "assets": sum(p.stat().st_size for p in assets),
    }
    return SiteSummary(
        site_dir=site_dir,
        index=index,
        pages=tuple(pages),
        mentions=tally.mentions,
        invalid=tuple(invalid),
        missing_sources=tuple(missing),
        gold_compared=compared,
        missed=missed,
        spurious=spurious,
        seconds=time.perf_counter() - started,
        sizes=sizes,
        verified=verify,
        workers=max(1, workers),
    )
