"""Public re-export: the review site lives in :mod:`pipeline.apps.report`."""

from pipeline.apps.report import (
    SiteSummary,
    build_site,
    chart_data,
    chart_figures,
    load_records,
    mentions_frame,
)

__all__ = [
    "SiteSummary",
    "build_site",
    "chart_data",
    "chart_figures",
    "load_records",
    "mentions_frame",
]
