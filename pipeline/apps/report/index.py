"""The index page: a paged table over every article (from a compact JSON index), its
filters and the charts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from pipeline.apps.report.article import page
from pipeline.apps.report.charts import figures_of
from pipeline.apps.report.common import ASSETS_DIR, PLOTLY_JS, esc, script_json
from pipeline.types import LABELS


@dataclass(frozen=True)
class ArticleRow:
    """One line of the index table."""

    doc_id: str
    href: str
    title: str
    dateline: str
    counts: dict[str, int]
    valid: bool
    problems: int
    warnings: int
    source_found: bool
    gold: dict[str, int] | None  # correct / missed / spurious, when compared

    @property
    def total(self) -> int:
        return sum(self.counts.values())


#: Rows per page of the index table (the reader can choose another size).
PAGE_SIZES = (50, 100, 500)


def _columns(*, gold: bool) -> list[tuple[str, str]]:
    heads = [("Article", "text"), ("Title", "text"), ("Date", "text")]
    heads += [(label, "num") for label in LABELS]
    heads += [("Total", "num"), ("Valid", "num"), ("Problems", "num"), ("Warnings", "num")]
    if gold:
        heads += [("Correct", "num"), ("Missed", "num"), ("Spurious", "num")]
    return heads


def index_data(rows: Sequence[ArticleRow], *, gold: bool) -> dict[str, Any]:
    """The index table as compact JSON for the page script: one array per article
    ``[doc_id, href, title, dateline, [count per label], valid, problems, warnings,
    source_found, [correct, missed, spurious] or null]``."""
    return {
        "labels": list(LABELS),
        "gold": gold,
        "rows": [
            [
                row.doc_id,
                row.href,
                row.title,
                row.dateline,
                [row.counts.get(label, 0) for label in LABELS],
                int(row.valid),
                row.problems,
                row.warnings,
                int(row.source_found),
                [row.gold.get(k, 0) for k in ("correct", "missed", "spurious")]
                if row.gold is not None
                else None,
            ]
            for row in rows
        ],
    }


def _index_table(rows: Sequence[ArticleRow], *, gold: bool) -> str:
    """The table's header and an empty body: the page script draws one page of rows at a
    time from the JSON index (sorted and filtered over every article)."""
    head = "".join(
        f'<th data-col="{i}" data-type="{kind}"{" class=num" if kind == "num" else ""}>'
        f"{esc(name)}</th>"
        for i, (name, kind) in enumerate(_columns(gold=gold))
    )
    data = script_json(index_data(rows, gold=gold))
    return (
        f'<table id="articles"><thead><tr>{head}</tr></thead><tbody></tbody></table>'
        f'<script type="application/json" id="vnie-index">{data}</script>'
    )


def _filters(total: int) -> str:
    options = "".join(f'<option value="{label}">{label}</option>' for label in LABELS)
    return (
        '<div class="filters">'
        '<input type="search" id="filter-text" placeholder="Filter by article or title" '
        'aria-label="Filter by article or title">'
        '<label>Has label <select id="filter-label"><option value="">any</option>'
        f"{options}</select></label>"
        '<label>Validation <select id="filter-valid"><option value="">all</option>'
        '<option value="yes">valid</option><option value="no">invalid</option></select></label>'
        f'<span class="meta"><span id="shown-count">{total}</span> of {total} articles</span>'
        "</div>"
    )


def _pager() -> str:
    sizes = "".join(
        f'<option value="{n}"{" selected" if n == PAGE_SIZES[1] else ""}>{n}</option>'
        for n in PAGE_SIZES
    )
    return (
        '<nav class="pager" aria-label="Pages of the article table">'
        '<button type="button" id="page-first">« first</button>'
        '<button type="button" id="page-prev">‹ previous</button>'
        '<span id="page-info" class="meta">page 1 of 1</span>'
        '<button type="button" id="page-next">next ›</button>'
        '<button type="button" id="page-last">last »</button>'
        f'<label>Rows per page <select id="page-size">{sizes}</select></label>'
        "</nav>"
    )


def render_index(
    rows: Sequence[ArticleRow],
    charts: Mapping[str, pd.DataFrame],
    *,
    mentions: int,
    gold: bool,
    checks: str = "",
) -> str:
    """The index page: corpus summary, a paged table sortable and filterable over every
    article, and the four charts drawn from ``charts`` (:func:`chart_data` tables) with
    the site's one copy of plotly.js (``assets/``). ``checks`` says how records were
    checked."""
    import plotly.io as pio

    figures = "".join(
        '<div class="chart">'
        + pio.to_html(
            fig,
            full_html=False,
            include_plotlyjs=False,
            div_id=f"chart-{key}",
            config={"displaylogo": False, "responsive": True},
        )
        + "</div>"
        for key, fig in figures_of(charts).items()
    )
    invalid = sum(not r.valid for r in rows)
    missing = sum(not r.source_found for r in rows)
    summary = [
        ("articles", str(len(rows))),
        ("mentions", str(mentions)),
        ("invalid records", str(invalid)),
        ("sources missing", str(missing)),
    ]
    if checks:
        summary.append(("validation", checks))
    if gold:
        compared = [r.gold for r in rows if r.gold is not None]
        tp = sum(g["correct"] for g in compared)
        fn = sum(g["missed"] for g in compared)
        fp = sum(g["spurious"] for g in compared)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        summary += [
            ("compared with gold", f"{len(compared)} articles"),
            ("strict P / R / F1", f"{p:.3f} / {r:.3f} / {f1:.3f}"),
        ]
    summary_html = "".join(f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in summary)
    body = (
        '<header class="top"><h1>vnie review</h1><div class="meta">Extraction records, one page '
        "per article. Click a column to sort; filters and sorting cover every article."
        "</div></header><main>"
        f'<table class="summary">{summary_html}</table>'
        f"<h2>Articles</h2>{_filters(len(rows))}{_pager()}"
        f'<div class="table-wrap">{_index_table(rows, gold=gold)}</div>'
        '<noscript><p class="notice">The article table needs JavaScript.</p></noscript>'
        f'<h2>Charts</h2><div class="charts">{figures}</div></main>'
    )
    # plotly.js first, in the head: the charts' own scripts call it as they are read.
    head = f'<script src="{ASSETS_DIR}/{PLOTLY_JS}"></script>'
    return page(
        "vnie review", body, scripts=["report_index.js"], head=head, assets=f"{ASSETS_DIR}/"
    )
