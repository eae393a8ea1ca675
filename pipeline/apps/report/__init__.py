"""A static review site for extraction records: one page per article, an index with charts.

:func:`build_site` reads a directory of records (``*.json``, as written by ``vnie extract
-o``) or a batch output directory (``records.jsonl`` / ``records-*.jsonl``) and writes
``index.html``, ``articles/<doc>.html`` and ``assets/`` (one copy of the CSS, the
scripts and plotly.js, which every page loads by relative path). Pages open from disk
with no server and no network. The index table is drawn a page at a time from a compact
JSON index, with sorting and filters over every article.

Article text, attributes and metadata always pass through :func:`html.escape`, and data
handed to scripts through :func:`script_json`, so markup inside an article is shown as
text and never runs. The page's script sets values with ``textContent`` only.
"""

from pipeline.apps.report.article import (
    ArticlePage,
    Item,
    article_items,
    assign_slots,
    attribute_rows,
    compare_gold,
    fmt,
    page,
    province_of,
    render_article,
    render_text,
    renderable,
)
from pipeline.apps.report.charts import (
    ChartTally,
    chart_data,
    chart_figures,
    figures_of,
    mentions_frame,
)
from pipeline.apps.report.common import (
    CHARTS,
    GOLD_RULE,
    MENTION_COLUMNS,
    UNRESOLVED,
    label_colors,
    script_json,
    write_assets,
)
from pipeline.apps.report.index import ArticleRow, index_data, render_index
from pipeline.apps.report.site import SiteSummary, build_site, page_names
from pipeline.apps.report.sources import (
    Gold,
    RecordEntry,
    Source,
    find_gold,
    find_source,
    gold_record,
    iter_entries,
    load_entries,
    load_records,
    record_files,
    source_kind,
    source_problems,
)
from pipeline.types import LABELS

__all__ = [
    "CHARTS",
    "GOLD_RULE",
    "LABELS",
    "MENTION_COLUMNS",
    "UNRESOLVED",
    "ArticlePage",
    "ArticleRow",
    "ChartTally",
    "Gold",
    "Item",
    "RecordEntry",
    "SiteSummary",
    "Source",
    "article_items",
    "assign_slots",
    "attribute_rows",
    "build_site",
    "chart_data",
    "chart_figures",
    "compare_gold",
    "figures_of",
    "find_gold",
    "find_source",
    "fmt",
    "gold_record",
    "index_data",
    "iter_entries",
    "label_colors",
    "load_entries",
    "load_records",
    "mentions_frame",
    "page",
    "page_names",
    "province_of",
    "record_files",
    "render_article",
    "render_index",
    "render_text",
    "renderable",
    "script_json",
    "source_kind",
    "source_problems",
    "write_assets",
]
