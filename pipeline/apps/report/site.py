"""Building the whole site: article pages, the index and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.apps.report.article import render_article, renderable
from pipeline.apps.report.charts import mentions_frame
from pipeline.apps.report.common import UNSAFE_NAME
from pipeline.apps.report.index import ArticleRow, render_index
from pipeline.apps.report.sources import (
    Source,
    find_gold,
    find_source,
    load_entries,
    source_problems,
)
from pipeline.record.validate import schema_problems


@dataclass(frozen=True)
class SiteSummary:
    """What :func:`build_site` wrote."""

    site_dir: Path
    index: Path
    pages: tuple[Path, ...]
    mentions: int
    invalid: tuple[str, ...]
    missing_sources: tuple[str, ...]
    gold_compared: int = 0
    missed: int = 0
    spurious: int = 0

    @property
    def articles(self) -> int:
        return len(self.pages)

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
        }


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


def build_site(
    records_dir_or_batch_out: Path,
    site_dir: Path,
    *,
    gold_dir: Path | None = None,
    verify: bool = True,
) -> SiteSummary:
    """Write the review site for every record under ``records_dir_or_batch_out`` into
    ``site_dir`` (``index.html`` + ``articles/*.html``).

    Sources are looked up by :func:`find_source` (the record's path as given, then relative
    to the records directory and its parent). With the source, each record is checked
    against it and, with ``verify`` (default), re-extracted to re-derive every value (about
    as slow as the extraction was). With ``gold_dir``, ``<doc_id>.json`` gold files mark
    missed and spurious mentions (strict matching). A record that cannot be read or does
    not follow the schema gets a page marked invalid. Raises :class:`InputError` /
    :class:`RecordError` when there are no record files.
    """
    source_path = Path(records_dir_or_batch_out)
    entries = load_entries(source_path)
    site_dir = Path(site_dir)
    articles_dir = site_dir / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    search = _search_dirs(source_path)
    names = page_names([entry.doc_id for entry in entries])
    rows: list[ArticleRow] = []
    pages: list[Path] = []
    invalid: list[str] = []
    missing: list[str] = []
    records: list[dict[str, Any]] = []
    compared = missed = spurious = 0
    for i, entry in enumerate(entries):
        doc_id = entry.doc_id
        if entry.problem is not None:
            record: dict[str, Any] = {"doc_id": doc_id, "mentions": []}
            source = Source(None, problem="the record could not be read")
            problems: list[str] = [entry.problem]
        else:
            record = entry.record
            source = find_source(record, search)
            shape = schema_problems(record)
            if shape:
                problems = shape
            elif source.text is None:
                problems = _recorded_problems(record)
                records.append(record)
            else:
                problems = source_problems(record, source, verify=verify)
                records.append(record)
        gold = find_gold(record, Path(gold_dir), source) if gold_dir is not None else None
        links = {
            "prev_href": names[i - 1] if i > 0 else None,
            "next_href": names[i + 1] if i + 1 < len(names) else None,
        }
        try:
            article = render_article(record, source, gold=gold, problems=problems, **links)
        except RecursionError:
            # A value nested too deeply to show: the page lists the record as invalid.
            problems = [*problems, "record: a value is nested too deeply to show"]
            if records and records[-1] is record:
                records.pop()
            record, gold = {"doc_id": doc_id, "mentions": []}, None
            article = render_article(record, source, problems=problems, **links)
        target = articles_dir / names[i]
        target.write_text(article.html, encoding="utf-8")
        pages.append(target)
        statuses = Counter(it.status for it in article.items)
        gold_counts = None
        if gold is not None and gold.mentions is not None:
            gold_counts = {k: statuses[k] for k in ("correct", "missed", "spurious")}
            compared += 1
            missed += statuses["missed"]
            spurious += statuses["spurious"]
        if not article.valid:
            invalid.append(doc_id)
        if source.text is None:
            missing.append(doc_id)
        shown = record if article.valid else renderable(record)
        title = shown.get("title") if isinstance(shown.get("title"), Mapping) else {}
        rows.append(
            ArticleRow(
                doc_id=doc_id,
                href=f"articles/{names[i]}",
                title=str((title or {}).get("text", "")),
                dateline=str(shown.get("dateline") or ""),
                counts=dict(Counter(it.label for it in article.items if it.status != "missed")),
                valid=article.valid,
                problems=len(article.problems),
                warnings=len(shown.get("warnings") or ()),
                source_found=source.text is not None,
                gold=gold_counts,
            )
        )
    mentions = mentions_frame(records)
    index = site_dir / "index.html"
    index.write_text(render_index(rows, mentions, gold=gold_dir is not None), encoding="utf-8")
    return SiteSummary(
        site_dir=site_dir,
        index=index,
        pages=tuple(pages),
        mentions=len(mentions),
        invalid=tuple(invalid),
        missing_sources=tuple(missing),
        gold_compared=compared,
        missed=missed,
        spurious=spurious,
    )
