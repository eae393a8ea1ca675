"""A static review site for extraction records: one page per article, an index with charts.

:func:`build_site` reads a directory of records (``*.json``, as written by ``vnie extract
-o``) or a batch output directory (``records.jsonl`` / ``records-*.jsonl``) and writes
``index.html`` plus ``articles/<doc>.html``. Pages open from disk with no server and no
network: CSS, JavaScript and plotly.js are inlined.

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
from pipeline.apps.report.charts import chart_data, chart_figures, mentions_frame
from pipeline.apps.report.common import (
    CHARTS,
    GOLD_RULE,
    MENTION_COLUMNS,
    UNRESOLVED,
    label_colors,
    script_json,
)
from pipeline.apps.report.index import ArticleRow, render_index
from pipeline.apps.report.site import SiteSummary, build_site, page_names
from pipeline.apps.report.sources import (
    Gold,
    RecordEntry,
    Source,
    find_gold,
    find_source,
    gold_record,
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
    "find_gold",
    "find_source",
    "fmt",
    "gold_record",
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
]
