"""The index page: one row per article, its filters and the charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from pipeline.apps.report.article import page
from pipeline.apps.report.charts import chart_figures
from pipeline.apps.report.common import asset, esc
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


def _index_table(rows: Sequence[ArticleRow], *, gold: bool) -> str:
    heads = [("Article", "text"), ("Title", "text"), ("Date", "text")]
    heads += [(label, "num") for label in LABELS]
    heads += [("Total", "num"), ("Valid", "text"), ("Problems", "num"), ("Warnings", "num")]
    if gold:
        heads += [("Correct", "num"), ("Missed", "num"), ("Spurious", "num")]
    head = "".join(
        f'<th data-col="{i}" data-type="{kind}"{" class=num" if kind == "num" else ""}>'
        f"{esc(name)}</th>"
        for i, (name, kind) in enumerate(heads)
    )
    body = []
    for row in rows:
        labels = " ".join(label for label in LABELS if row.counts.get(label))
        search = f"{row.doc_id} {row.title}".lower()
        cells = [
            f'<td data-sort="{esc(row.doc_id)}"><a href="{esc(row.href)}">{esc(row.doc_id)}</a>'
            + ("" if row.source_found else ' <span class="badge missing">no source</span>')
            + "</td>",
            f"<td>{esc(row.title)}</td>",
            f"<td>{esc(row.dateline)}</td>",
        ]
        for label in LABELS:
            n = row.counts.get(label, 0)
            cells.append(f'<td class="num{" zero" if not n else ""}" data-sort="{n}">{n}</td>')
        cells.append(f'<td class="num" data-sort="{row.total}">{row.total}</td>')
        badge = "valid" if row.valid else "invalid"
        cells.append(
            f'<td data-sort="{int(row.valid)}"><span class="badge {badge}">{badge}</span></td>'
        )
        cells.append(f'<td class="num" data-sort="{row.problems}">{row.problems}</td>')
        cells.append(f'<td class="num" data-sort="{row.warnings}">{row.warnings}</td>')
        if gold:
            for key in ("correct", "missed", "spurious"):
                n = row.gold.get(key) if row.gold else None
                shown = "—" if n is None else str(n)
                cells.append(f'<td class="num" data-sort="{-1 if n is None else n}">{shown}</td>')
        body.append(
            f'<tr data-doc="{esc(row.doc_id)}" data-search="{esc(search)}" '
            f'data-labels="{labels}" data-valid="{"yes" if row.valid else "no"}">'
            f"{''.join(cells)}</tr>"
        )
    return (
        f'<table id="articles"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
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


def render_index(rows: Sequence[ArticleRow], mentions: pd.DataFrame, *, gold: bool) -> str:
    """The index page: corpus summary, sortable and filterable table, and the four charts
    (plotly.js inlined once)."""
    import plotly.io as pio
    from plotly.offline import get_plotlyjs

    charts = "".join(
        '<div class="chart">'
        + pio.to_html(
            fig,
            full_html=False,
            include_plotlyjs=False,
            div_id=f"chart-{key}",
            config={"displaylogo": False, "responsive": True},
        )
        + "</div>"
        for key, fig in chart_figures(mentions).items()
    )
    invalid = sum(not r.valid for r in rows)
    missing = sum(not r.source_found for r in rows)
    summary = [
        ("articles", str(len(rows))),
        ("mentions", str(len(mentions))),
        ("invalid records", str(invalid)),
        ("sources missing", str(missing)),
    ]
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
        "per article. Click a column to sort.</div></header><main>"
        f'<table class="summary">{summary_html}</table>'
        f"<h2>Articles</h2>{_filters(len(rows))}"
        f'<div class="table-wrap">{_index_table(rows, gold=gold)}</div>'
        f'<h2>Charts</h2><div class="charts">{charts}</div></main>'
    )
    head = f"<script>{get_plotlyjs()}</script>"
    return page("vnie review", body, script=asset("report_index.js"), head=head)
