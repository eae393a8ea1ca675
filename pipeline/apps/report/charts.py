"""Corpus tables and charts: one row per mention, chart tables and plotly figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from pipeline.apps.report.article import PageContext, fmt, province_of
from pipeline.apps.report.common import CHARTS, MENTION_COLUMNS, UNRESOLVED, label_colors
from pipeline.types import LABELS

if TYPE_CHECKING:
    import plotly.graph_objects as go


def mentions_frame(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """One row per mention (columns :data:`MENTION_COLUMNS`): the data behind the charts.

    ``value`` is the value as text (ISO date or number), ``number`` a FIGURE's value as a
    float, ``province`` a PLACE's province (see :func:`province_of`).
    """
    rows: list[dict[str, Any]] = []
    for record in records:
        ctx = PageContext.of(record)
        for m in record.get("mentions") or ():
            value = m.get("value")
            number = value if m.get("label") == "FIGURE" and _is_number(value) else None
            province = None
            if m.get("label") == "PLACE":
                province = province_of(ctx.place_of.get(str(m.get("id"))), m)
            rows.append(
                {
                    "doc_id": record.get("doc_id"),
                    "id": m.get("id"),
                    "label": m.get("label"),
                    "start": m.get("start"),
                    "end": m.get("end"),
                    "text": m.get("text"),
                    "rule": m.get("rule"),
                    "value": None if value is None else fmt(value),
                    "number": float(number) if number is not None else None,
                    "unit": m.get("unit"),
                    "quantity": m.get("quantity"),
                    "level": m.get("level"),
                    "name": m.get("name"),
                    "province": province,
                    "count": m.get("count"),
                    "recipient": m.get("recipient"),
                }
            )
    frame = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    return frame.astype({"start": "Int64", "end": "Int64", "count": "Int64", "number": "Float64"})


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name in frame.columns:
        return frame[name]
    return pd.Series([None] * len(frame), index=frame.index, dtype="object")


def chart_data(mentions: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The tables behind the four charts (keys of :data:`CHARTS`), from a mentions frame.

    Works on any frame with ``label`` and whichever of ``quantity``, ``province`` (else
    ``level`` + ``name``), ``recipient`` and ``count`` it has, e.g. a batch's mentions table.
    """
    label = _column(mentions, "label").astype("object")
    per_label = label.value_counts()
    labels = pd.DataFrame(
        {"label": list(LABELS), "mentions": [int(per_label.get(lb, 0)) for lb in LABELS]}
    )
    figures = mentions[label == "FIGURE"]
    quantity = _column(figures, "quantity").astype("object").fillna("(none)")
    quantities = (
        quantity.value_counts()
        .rename_axis("quantity")
        .reset_index(name="figures")
        .sort_values(["figures", "quantity"], ascending=[False, True], ignore_index=True)
    )
    places = mentions[label == "PLACE"]
    if "province" in places.columns:
        province = places["province"].astype("object")
    else:
        is_province = _column(places, "level").astype("object") == "province"
        province = _column(places, "name").astype("object").where(is_province)
    province = province.fillna(UNRESOLVED)
    provinces = (
        province.value_counts()
        .rename_axis("province")
        .reset_index(name="mentions")
        .sort_values(["mentions", "province"], ascending=[False, True], ignore_index=True)
    )
    awards = mentions[label == "AWARD"]
    kinds = pd.DataFrame(
        {
            "recipient": _column(awards, "recipient").astype("object").fillna("(none)"),
            "count": pd.to_numeric(_column(awards, "count"), errors="coerce").fillna(0),
        }
    )
    recipients = (
        kinds.groupby("recipient", sort=True)
        .agg(recipients=("count", "sum"), mentions=("count", "size"))
        .reset_index()
        .astype({"recipients": "int64", "mentions": "int64"})
        .sort_values(["recipients", "recipient"], ascending=[False, True], ignore_index=True)
    )
    return {
        "labels": labels,
        "quantities": quantities,
        "provinces": provinces,
        "recipients": recipients,
    }


class ChartTally:
    """The counts behind the charts, added up record by record: what
    ``chart_data(mentions_frame(records))`` gives, without a table of every mention in
    memory (a 10,000-article site), and mergeable across worker processes."""

    def __init__(self) -> None:
        self.mentions = 0
        self.labels: Counter[str] = Counter()
        self.quantities: Counter[str] = Counter()
        self.provinces: Counter[str] = Counter()
        self.recipients: Counter[str] = Counter()  # recipients counted per kind
        self.awards: Counter[str] = Counter()  # AWARD mentions per kind

    def add(self, record: Mapping[str, Any]) -> None:
        """Count one record's mentions (as :func:`mentions_frame` reads them)."""
        ctx: PageContext | None = None
        for m in record.get("mentions") or ():
            self.mentions += 1
            label = m.get("label")
            self.labels[label] += 1
            if label == "FIGURE":
                self.quantities[_key(m.get("quantity"), "(none)")] += 1
            elif label == "PLACE":
                ctx = ctx or PageContext.of(record)
                province = province_of(ctx.place_of.get(str(m.get("id"))), m)
                self.provinces[_key(province, UNRESOLVED)] += 1
            elif label == "AWARD":
                kind = _key(m.get("recipient"), "(none)")
                count = pd.to_numeric(m.get("count"), errors="coerce")
                self.recipients[kind] += 0 if pd.isna(count) else int(count)
                self.awards[kind] += 1

    def merge(self, other: ChartTally) -> None:
        """Add ``other``'s counts to these."""
        self.mentions += other.mentions
        for name in ("labels", "quantities", "provinces", "recipients", "awards"):
            getattr(self, name).update(getattr(other, name))

    def data(self) -> dict[str, pd.DataFrame]:
        """The chart tables, as :func:`chart_data` gives them."""
        labels = pd.DataFrame(
            {"label": list(LABELS), "mentions": [int(self.labels.get(lb, 0)) for lb in LABELS]}
        )

        def table(counts: Counter[str], key: str, name: str) -> pd.DataFrame:
            frame = pd.DataFrame({key: list(counts), name: list(counts.values())})
            frame = frame.astype({key: "object", name: "int64"})
            return frame.sort_values([name, key], ascending=[False, True], ignore_index=True)

        recipients = pd.DataFrame(
            {
                "recipient": list(self.awards),
                "recipients": [self.recipients[k] for k in self.awards],
                "mentions": list(self.awards.values()),
            }
        ).astype({"recipient": "object", "recipients": "int64", "mentions": "int64"})
        return {
            "labels": labels,
            "quantities": table(self.quantities, "quantity", "figures"),
            "provinces": table(self.provinces, "province", "mentions"),
            "recipients": recipients.sort_values(
                ["recipients", "recipient"], ascending=[False, True], ignore_index=True
            ),
        }


def _key(value: Any, missing: str) -> Any:
    return missing if value is None or (isinstance(value, float) and value != value) else value


def chart_figures(mentions: pd.DataFrame) -> dict[str, go.Figure]:
    """The four plotly bar charts of the index page (keys and titles: :data:`CHARTS`)."""
    return figures_of(chart_data(mentions))


def figures_of(data: Mapping[str, pd.DataFrame]) -> dict[str, go.Figure]:
    """The four plotly bar charts drawn from chart tables (:func:`chart_data`)."""
    import plotly.graph_objects as go

    colors = label_colors()
    specs = {
        "labels": ("label", "mentions", [colors[lb] for lb in data["labels"]["label"]], None),
        "quantities": ("quantity", "figures", colors["FIGURE"], None),
        "provinces": ("province", "mentions", colors["PLACE"], None),
        "recipients": ("recipient", "recipients", colors["AWARD"], "mentions"),
    }
    figures: dict[str, go.Figure] = {}
    for key, (x, y, color, extra) in specs.items():
        frame = data[key].head(40)
        hover = f"%{{x}}: %{{y}} {y}"
        custom = None
        if extra:
            custom = frame[extra].tolist()
            hover += f" in %{{customdata}} {extra}"
        bar = go.Bar(
            x=frame[x].tolist(),
            y=frame[y].tolist(),
            marker_color=color,
            customdata=custom,
            hovertemplate=hover + "<extra></extra>",
            text=frame[y].tolist(),
            textposition="auto",
        )
        fig = go.Figure(bar)
        fig.update_layout(
            title=CHARTS[key],
            height=340,
            margin={"l": 50, "r": 20, "t": 50, "b": 80},
            xaxis_title=x,
            yaxis_title=y,
            template="plotly_white",
        )
        if frame.empty:
            fig.add_annotation(
                text="no data", showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5
            )
        figures[key] = fig
    return figures
