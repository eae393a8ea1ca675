"""Shared pieces of the review site: constants, label colours, shared assets, escaping."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from importlib import resources as _importlib_resources
from pathlib import Path
from typing import Any

from pipeline.errors import ResourceError
from pipeline.resources import load_json
from pipeline.types import LABELS

#: Rule id given to mentions of a record made from a gold file.
GOLD_RULE = "gold.annotation"

#: Charts of the index page and of ``notebooks/explore.ipynb``: key → title.
CHARTS: dict[str, str] = {
    "labels": "Mentions per label",
    "quantities": "Figures by quantity",
    "provinces": "Places by province",
    "recipients": "Awards by recipient kind",
}

#: Columns of :func:`mentions_frame` (one row per mention).
# fmt: off
MENTION_COLUMNS: tuple[str, ...] = (
    "doc_id", "id", "label", "start", "end", "text", "rule", "value", "number", "unit",
    "quantity", "level", "name", "province", "count", "recipient",
)
# fmt: on

UNRESOLVED = "(unresolved)"

# Attribute names in the order the details panel lists them; others follow by name.
# fmt: off
_ATTRIBUTE_ORDER = (
    "value", "value_max", "unit", "quantity", "subject", "measure", "part_of_day", "level",
    "name", "expanded", "title", "role", "count", "recipient", "award", "givers",
)
# fmt: on
_CORE_KEYS = frozenset({"id", "label", "start", "end", "text", "rule"})
_RECORD_ID = re.compile(r"m[1-9][0-9]*")
UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")
_STATUS_TEXT = {
    "correct": "correct (gold has the same label and span)",
    "spurious": "spurious (no gold mention with this label and span)",
    "missed": "missed (in gold, not predicted)",
}


# --- resources ------------------------------------------------------------------------------


@cache
def label_colors() -> dict[str, str]:
    """Label → CSS colour, from ``resources/report_labels.json`` (checked against LABELS)."""
    data = load_json("report_labels.json")
    if not isinstance(data, dict) or set(data) != set(LABELS):
        raise ResourceError(f"report_labels.json: needs exactly the labels {', '.join(LABELS)}")
    colors = {}
    for label in LABELS:
        color = data[label].get("color") if isinstance(data[label], dict) else None
        if not isinstance(color, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
            raise ResourceError(f"report_labels.json: {label} needs a colour like #a1b2c3")
        colors[label] = color
    return colors


@cache
def asset(name: str) -> str:
    try:
        return (
            _importlib_resources.files("pipeline")
            .joinpath("resources", name)
            .read_text(encoding="utf-8")
        )
    except FileNotFoundError as err:
        raise ResourceError(f"resource file {name!r} is missing") from err


#: The folder of a site's shared files, beside ``index.html``.
ASSETS_DIR = "assets"

#: The site's JavaScript files, from ``pipeline/resources`` (pages refer to them by name).
SCRIPTS = ("report_article.js", "report_index.js")

#: plotly.js, as shipped with the installed plotly package.
PLOTLY_JS = "plotly.min.js"


def site_css() -> str:
    """The site's stylesheet: ``report.css`` and one colour class per label."""
    colors = "".join(f".c-{label}{{--c:{color}}}\n" for label, color in label_colors().items())
    return f"{asset('report.css')}\n{colors}"


def write_assets(site_dir: Path) -> list[Path]:
    """Write the files every page shares (CSS, scripts, plotly.js) once, into
    ``site_dir/assets``; pages refer to them by relative path, so the site still opens
    from disk with no server and no network."""
    from plotly.offline import get_plotlyjs

    folder = Path(site_dir) / ASSETS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    files = {"report.css": site_css(), PLOTLY_JS: get_plotlyjs()}
    files.update({name: asset(name) for name in SCRIPTS})
    written = []
    for name, text in files.items():
        target = folder / name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def script_json(data: Any) -> str:
    """``data`` as JSON safe to place inside a ``<script>`` element (no ``<``, ``>``, ``&``)."""
    text = json.dumps(data, ensure_ascii=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)
