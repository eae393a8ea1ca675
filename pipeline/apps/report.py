"""A static review site for extraction records: one page per article, an index with charts.

:func:`build_site` reads a directory of records (``*.json``, as written by ``vnie extract
-o``) or a batch output directory (``records.jsonl`` / ``records-*.jsonl``) and writes
``index.html`` plus ``articles/<doc>.html``. Pages open from disk with no server and no
network: CSS, JavaScript and plotly.js are inlined.

Article text, attributes and metadata always pass through :func:`html.escape`, and data
handed to scripts through :func:`script_json`, so markup inside an article is shown as
text and never runs. The page's script sets values with ``textContent`` only.
"""

from __future__ import annotations

import html
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources as _importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from pipeline import SCHEMA_VERSION
from pipeline.errors import InputError, RecordError, ResourceError
from pipeline.evaluation.gold import gold_problems
from pipeline.evaluation.scores import attribute_equal, load_predictions
from pipeline.record.validate import validate_record
from pipeline.resources import load_json
from pipeline.text.ingest import decode, sha256_hex
from pipeline.types import LABELS

if TYPE_CHECKING:
    import plotly.graph_objects as go

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
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")
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
def _asset(name: str) -> str:
    try:
        return (
            _importlib_resources.files("pipeline")
            .joinpath("resources", name)
            .read_text(encoding="utf-8")
        )
    except FileNotFoundError as err:
        raise ResourceError(f"resource file {name!r} is missing") from err


def _style() -> str:
    colors = "".join(f".c-{label}{{--c:{color}}}" for label, color in label_colors().items())
    return f"<style>{_asset('report.css')}\n{colors}</style>"


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


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


# --- inputs ---------------------------------------------------------------------------------


def record_files(path: Path) -> list[Path]:
    """The files holding records under ``path``: batch JSONL files when there are any,
    else every ``*.json`` (a ``vnie extract -o`` directory); a file is returned as is."""
    if not path.exists():
        raise InputError("no such file or directory", path=str(path))
    if path.is_file():
        return [path]
    batch = sorted(path.glob("records.jsonl")) + sorted(path.glob("records-*.jsonl"))
    files = batch or sorted(path.glob("*.json"))
    if not files:
        raise RecordError(
            "no records here (expected *.json or records.jsonl / records-*.jsonl)", path=str(path)
        )
    return files


def load_records(path: Path | str) -> list[dict[str, Any]]:
    """Every record under ``path`` (see :func:`record_files`), in file order.

    Raises :class:`RecordError` naming the file that is not JSON or not a record.
    """
    records: list[dict[str, Any]] = []
    for file in record_files(Path(path)):
        records.extend(load_predictions(file))
    return records


@dataclass(frozen=True)
class Source:
    """An article's source text as found at view time, or why it could not be used."""

    text: str | None
    path: Path | None = None
    raw: bytes | None = field(default=None, repr=False)
    problem: str | None = None


def find_source(record: Mapping[str, Any], search_dirs: Sequence[Path] = ()) -> Source:
    """The record's source text: ``record["source"]["path"]`` as given (relative to the
    working directory), else relative to each of ``search_dirs``. A file whose sha256
    differs from the record's is not used: the offsets would point into other text."""
    info = record.get("source") if isinstance(record.get("source"), Mapping) else {}
    given = str(info.get("path") or "")
    if not given or given.startswith("<"):
        return Source(None, problem="the record names no source file")
    rel = Path(given)
    candidates = [rel] if rel.is_absolute() else [rel, *(d / rel for d in search_dirs)]
    mismatch: Path | None = None
    for candidate in candidates:
        if not candidate.is_file():
            continue
        raw = candidate.read_bytes()
        if info.get("sha256") and sha256_hex(raw) != info["sha256"]:
            mismatch = mismatch or candidate
            continue
        try:
            text = decode(raw, path=str(candidate), max_chars=max(len(raw), 1)).text
        except InputError as err:
            return Source(None, candidate, problem=f"the source file cannot be decoded: {err}")
        return Source(text, candidate, raw)
    if mismatch is not None:
        return Source(
            None, mismatch, problem=f"{mismatch} has changed since extraction (sha256 differs)"
        )
    return Source(None, problem=f"the source file {given} was not found")


@dataclass(frozen=True)
class Gold:
    """Gold mentions for one article (guide format), or why none are compared."""

    mentions: tuple[dict[str, Any], ...] | None
    path: Path | None = None
    problem: str | None = None


def find_gold(record: Mapping[str, Any], gold_dir: Path, source: Source) -> Gold:
    """``gold_dir/<doc_id>.json``, checked against the source text when it is available,
    else by its ``text_sha256`` against the record's."""
    path = gold_dir / f"{record.get('doc_id', '')}.json"
    if not path.is_file():
        return Gold(None, problem=f"no gold file {path.name} in {gold_dir}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        return Gold(None, path, f"cannot read {path}: {err}")
    if source.text is not None and source.raw is not None:
        problems = gold_problems(data, source.text, sha256_hex(source.raw))
    else:
        sha = (record.get("source") or {}).get("sha256")
        ok = isinstance(data, dict) and data.get("text_sha256") == sha
        problems = [] if ok else ["text_sha256 does not match the record's source"]
        if ok and not isinstance(data.get("mentions"), list):
            problems = ["mentions is missing or not a list"]
    if problems:
        return Gold(None, path, f"{path.name} is not usable: {'; '.join(problems[:3])}")
    return Gold(tuple(dict(m) for m in data["mentions"]), path)


def gold_record(
    gold: Mapping[str, Any], source_text: str, *, source_path: str, encoding: str = "utf-8"
) -> dict[str, Any]:
    """A record (schema 1.0) holding a gold file's mentions, to view gold in the same pages.

    Mentions get ids ``m1..`` in gold order and rule :data:`GOLD_RULE`; a FIGURE's subject
    text becomes the id of the closest PLACE or ORG with that text before it (else the
    first after it; dropped when there is none).
    Relations are left empty; ``validation`` is computed against ``source_text``.
    """
    mentions = [
        {"id": f"m{i}", **{k: v for k, v in m.items() if k != "subject"}, "rule": GOLD_RULE}
        for i, m in enumerate(gold["mentions"], start=1)
    ]
    for mention, original in zip(mentions, gold["mentions"], strict=True):
        subject = original.get("subject")
        if isinstance(subject, str) and subject:
            same = [
                m
                for m in mentions
                if m["text"] == subject and m["label"] in ("PLACE", "ORG") and m is not mention
            ]
            before = [m for m in same if m["end"] <= mention["start"]]
            if before:
                mention["subject"] = max(before, key=lambda m: m["end"])["id"]
            elif same:
                mention["subject"] = min(same, key=lambda m: m["start"])["id"]
    record: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": str(gold["doc_id"]),
        "source": {
            "path": source_path,
            "sha256": str(gold["text_sha256"]),
            "encoding": encoding,
            "length": len(source_text),
        },
        "title": None,
        "dateline": None,
        "mentions": mentions,
        "officials": [],
        "places": [],
        "awards": [],
        "event": None,
        "warnings": [],
        "validation": {"valid": True, "problems": []},
    }
    problems = validate_record(record, source_text=source_text)
    record["validation"] = {"valid": not problems, "problems": problems}
    return record


# --- one article ----------------------------------------------------------------------------


#: An item's gold status: "plain" when there is no gold to compare with.
Status = Literal["plain", "correct", "spurious", "missed"]


@dataclass(frozen=True)
class Item:
    """One span drawn on an article page: a predicted mention or a missed gold mention."""

    id: str
    label: str
    start: int
    end: int
    text: str
    status: Status
    rows: tuple[tuple[str, str], ...]


def fmt(value: Any) -> str:
    """An attribute value as shown: numbers as JSON numbers, lists joined, ``—`` for null."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return ", ".join(fmt(v) for v in value) if value else "—"
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _unit_ref(unit: Mapping[str, Any]) -> str:
    code = unit.get("code")
    level = unit.get("level") or ""
    return f"{unit.get('name', '?')} ({level}{', ' + str(code) if code else ''})"


def province_of(place: Mapping[str, Any] | None, mention: Mapping[str, Any]) -> str | None:
    """The province a PLACE mention lies in: from its gazetteer entry (itself or a parent of
    level ``province``), else its own name when it is a province; None when unknown."""
    if place:
        if place.get("level") == "province" and place.get("name"):
            return str(place["name"])
        for parent in place.get("parents") or ():
            if isinstance(parent, Mapping) and parent.get("level") == "province":
                return str(parent.get("name"))
    if mention.get("level") == "province" and mention.get("name"):
        return str(mention["name"])
    return None


@dataclass
class _Context:
    """Lookups over one record that the attribute rows and panels need."""

    by_id: dict[str, dict[str, Any]]
    place_of: dict[str, dict[str, Any]] = field(default_factory=dict)
    official_of: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, record: Mapping[str, Any]) -> _Context:
        by_id = {
            str(m.get("id")): m for m in record.get("mentions") or () if isinstance(m, Mapping)
        }
        ctx = cls(by_id)
        for place in record.get("places") or ():
            for mid in place.get("mentions") or ():
                ctx.place_of.setdefault(str(mid), place)
        for official in record.get("officials") or ():
            for key in ("person", "title", "org", "place"):
                if official.get(key):
                    ctx.official_of.setdefault(str(official[key]), official)
            for mid in official.get("mentions") or ():
                ctx.official_of.setdefault(str(mid), official)
        return ctx

    def text_of(self, mid: Any) -> str | None:
        mention = self.by_id.get(str(mid)) if mid is not None else None
        return str(mention.get("text")) if mention else None

    def describe(self, mid: Any) -> str:
        text = self.text_of(mid)
        return f"{text} ({mid})" if text is not None else f"{mid} (unknown mention)"


def _ordered_keys(mention: Mapping[str, Any]) -> list[str]:
    keys = [k for k in _ATTRIBUTE_ORDER if k in mention]
    return keys + sorted(k for k in mention if k not in _CORE_KEYS and k not in _ATTRIBUTE_ORDER)


def attribute_rows(
    mention: Mapping[str, Any],
    ctx: _Context,
    *,
    status: Status = "plain",
    gold: Mapping[str, Any] | None = None,
) -> tuple[tuple[str, str], ...]:
    """The (name, value) rows the details panel shows for one mention."""
    rows: list[tuple[str, str]] = [
        ("label", str(mention.get("label"))),
        ("text", str(mention.get("text"))),
        ("span", f"{mention.get('start')}–{mention.get('end')}"),
    ]
    if mention.get("rule"):
        rows.append(("rule", str(mention["rule"])))
    for key in _ordered_keys(mention):
        value = mention[key]
        if key == "subject" and value is not None and _RECORD_ID.fullmatch(str(value)):
            rows.append((key, ctx.describe(value)))
        else:
            rows.append((key, fmt(value)))
    mid = str(mention.get("id", ""))
    place = ctx.place_of.get(mid)
    if place is not None:
        rows.append(("gazetteer", str(place.get("status", "—"))))
        if place.get("code"):
            rows.append(("code", str(place["code"])))
        if place.get("unit_type"):
            rows.append(("unit type", str(place["unit_type"])))
        parents = [p for p in place.get("parents") or () if isinstance(p, Mapping)]
        if parents:
            rows.append(("parents", " › ".join(_unit_ref(p) for p in parents)))
        successor = place.get("successor")
        if isinstance(successor, Mapping) and successor:
            parts = [str(successor.get(k)) for k in ("unit_type", "name") if successor.get(k)]
            extra = [str(successor[k]) for k in ("province", "code") if successor.get(k)]
            rows.append(("successor (2025)", " ".join(parts) + (f" ({', '.join(extra)})")))
        if place.get("candidates"):
            rows.append(("candidates", str(len(place["candidates"]))))
    official = ctx.official_of.get(mid)
    if official is not None and official.get("person") != mid:
        rows.append(("official", ctx.describe(official.get("person"))))
    if status != "plain":
        rows.append(("gold", _STATUS_TEXT[status]))
    if gold is not None and status == "correct":
        for key in _ordered_keys(gold):
            pred = mention.get(key)
            if key == "subject":
                pred = ctx.text_of(pred) or pred
            if not attribute_equal(str(mention.get("label")), key, gold[key], pred):
                rows.append((f"gold {key}", fmt(gold[key])))
    return tuple(rows)


def compare_gold(
    predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]
) -> tuple[dict[int, Mapping[str, Any] | None], list[Mapping[str, Any]]]:
    """Strict matching (label, start, end): for each predicted index its gold mention (None:
    spurious), and the gold mentions no prediction matches (missed)."""
    by_key: dict[tuple[Any, Any, Any], Mapping[str, Any]] = {}
    for g in gold:
        by_key.setdefault((g.get("label"), g.get("start"), g.get("end")), g)
    matched: dict[int, Mapping[str, Any] | None] = {}
    used: set[int] = set()
    for i, p in enumerate(predicted):
        g = by_key.get((p.get("label"), p.get("start"), p.get("end")))
        if g is not None and id(g) not in used:
            used.add(id(g))
            matched[i] = g
        else:
            matched[i] = None
    return matched, [g for g in gold if id(g) not in used]


def article_items(
    record: Mapping[str, Any], gold: Sequence[Mapping[str, Any]] | None = None
) -> list[Item]:
    """The spans an article page draws: every mention of the record (with its gold status
    when ``gold`` is given) and, with gold, the missed gold mentions (ids ``g1..``)."""
    ctx = _Context.of(record)
    mentions = [m for m in record.get("mentions") or () if isinstance(m, Mapping)]
    matched, missed = compare_gold(mentions, gold) if gold is not None else ({}, [])
    items: list[Item] = []
    seen: set[str] = set()
    for i, m in enumerate(mentions):
        mid = str(m.get("id", ""))
        if not _RECORD_ID.fullmatch(mid) or mid in seen:
            mid = f"m0{i}"  # never a schema id (m[1-9]...), so it cannot collide
        seen.add(mid)
        status: Status = "plain" if gold is None else ("correct" if matched[i] else "spurious")
        items.append(
            Item(
                mid,
                str(m.get("label")),
                _int(m.get("start")),
                _int(m.get("end")),
                str(m.get("text", "")),
                status,
                attribute_rows(m, ctx, status=status, gold=matched.get(i)),
            )
        )
    for j, g in enumerate(missed, start=1):
        items.append(
            Item(
                f"g{j}",
                str(g.get("label")),
                _int(g.get("start")),
                _int(g.get("end")),
                str(g.get("text", "")),
                "missed",
                attribute_rows(g, ctx, status="missed"),
            )
        )
    return items


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def assign_slots(items: Sequence[Item]) -> dict[str, int]:
    """A row (slot) per span so that overlapping spans never share one; an enclosing span
    gets a lower slot than the spans inside it (TITLE 0, ORG 1, PLACE 2)."""
    order = sorted(
        items,
        key=lambda it: (
            it.start,
            -it.end,
            LABELS.index(it.label) if it.label in LABELS else len(LABELS),
        ),
    )
    slots: dict[str, int] = {}
    active: list[Item] = []
    for item in order:
        active = [a for a in active if a.end > item.start]
        taken = {slots[a.id] for a in active}
        slot = next(s for s in range(len(taken) + 1) if s not in taken)
        slots[item.id] = slot
        active.append(item)
    return slots


def _tooltip(item: Item) -> str:
    return "\n".join(f"{k}: {v}" for k, v in item.rows)


def _status_class(item: Item) -> str:
    return item.status if item.status in ("spurious", "missed") else ""


def render_text(text: str, items: Sequence[Item]) -> str:
    """The article text as HTML with every item drawn as a bar under its characters.

    Text inside items is split into segments at every item boundary and newline; each
    segment carries ``data-m`` (the ids covering it) and one bar per covering item,
    and the first segment of an item carries its label tag (``id="mention-<id>"``).
    """
    slots = assign_slots(items)
    bounds = sorted({0, len(text)} | {b for it in items for b in (it.start, it.end)})
    by_start = sorted(items, key=lambda it: it.start)
    covering: dict[str, Item] = {}
    next_item = 0
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        while next_item < len(by_start) and by_start[next_item].start <= a:
            covering[by_start[next_item].id] = by_start[next_item]
            next_item += 1
        for done in [key for key, it in covering.items() if it.end <= a]:
            del covering[done]
        active = sorted(covering.values(), key=lambda it: slots[it.id])
        chunk = text[a:b]
        if not active:
            out.append(_e(chunk))
            continue
        ids = " ".join(it.id for it in active)
        inner = min(active, key=lambda it: (it.end - it.start, -slots[it.id]))
        only_missed = all(it.status == "missed" for it in active)
        first = True
        for piece in re.split(r"(\n)", chunk):
            if not piece:
                continue
            if piece == "\n":
                out.append(f'<span class="t nl" data-m="{ids}">\n</span>')
                continue
            bars: list[str] = []
            for it in active:
                cls = f"c-{_e(it.label)} {_status_class(it)}".strip()
                style = f"--slot:{slots[it.id]}"
                bars.append(f'<span class="bar {cls}" data-mid="{it.id}" style="{style}"></span>')
                if first and it.start == a:
                    bars.append(
                        f'<span class="tag {cls}" id="mention-{it.id}" data-mid="{it.id}" '
                        f'style="{style}" role="button" tabindex="0" '
                        f'title="{_e(_tooltip(it))}">{_e(it.label)}</span>'
                    )
            first = False
            t_cls = "t missed-only" if only_missed else "t"
            out.append(
                f'<span class="seg c-{_e(inner.label)}" data-inner="{inner.id}" '
                f'style="--slots:{max(slots[it.id] for it in active) + 1}" '
                f'title="{_e(_tooltip(inner))}"><span class="{t_cls}" data-m="{ids}">'
                f"{_e(piece)}</span>{''.join(bars)}</span>"
            )
    return "".join(out)


def _ref(ctx: _Context, mid: Any) -> str:
    mention = ctx.by_id.get(str(mid)) if mid is not None else None
    if mention is None:
        return "—" if mid is None else f'<span class="ref-bad">{_e(mid)} (unknown)</span>'
    return (
        f'<a class="ref c-{_e(mention.get("label"))}" href="#mention-{_e(mid)}" '
        f'data-ref="{_e(mid)}">{_e(mention.get("text"))}</a>'
    )


def _section(title: str, body: str, *, sid: str) -> str:
    return f'<section id="{sid}"><h2>{_e(title)}</h2>{body}</section>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, empty: str) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    if not body:
        return f'<p class="empty">{_e(empty)}</p>'
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    thead = f"<thead><tr>{head}</tr></thead>" if headers else ""
    return f"<table>{thead}<tbody>{body}</tbody></table>"


def _officials_panel(record: Mapping[str, Any], ctx: _Context) -> str:
    rows = [
        (
            _ref(ctx, o.get("person")),
            _ref(ctx, o.get("title")),
            _ref(ctx, o.get("org")),
            _ref(ctx, o.get("place")),
            str(len(o.get("mentions") or ())),
        )
        for o in record.get("officials") or ()
    ]
    table = _table(
        ("person", "title", "organisation", "place", "mentions"), rows, empty="No officials linked."
    )
    return _section("Officials", table, sid="officials")


def _figures_panel(ctx: _Context) -> str:
    rows = []
    for m in ctx.by_id.values():
        if m.get("label") != "FIGURE":
            continue
        value = fmt(m.get("value"))
        if m.get("value_max") is not None:
            value += f"–{fmt(m['value_max'])}"
        subject = m.get("subject")
        rows.append(
            (
                _ref(ctx, m.get("id")),
                _e(value),
                _e(fmt(m.get("unit"))),
                _e(fmt(m.get("quantity"))),
                _ref(ctx, subject) if subject is not None else "—",
                _e(fmt(m.get("measure"))),
            )
        )
    table = _table(
        ("figure", "value", "unit", "quantity", "subject", "measure"), rows, empty="No figures."
    )
    return _section("Figures", table, sid="figures")


def _awards_panel(record: Mapping[str, Any], ctx: _Context) -> str:
    groups = []
    for award in record.get("awards") or ():
        recipients = ", ".join(_ref(ctx, r) for r in award.get("recipients") or ()) or "—"
        givers = ", ".join(_ref(ctx, g) for g in award.get("givers") or ()) or "—"
        groups.append(
            (
                _e(fmt(award.get("kinds"))),
                recipients,
                givers,
                _ref(ctx, award.get("amount")),
                _ref(ctx, award.get("date")),
                _ref(ctx, award.get("place")),
            )
        )
    table = _table(
        ("kinds", "recipients", "givers", "amount", "date", "place"),
        groups,
        empty="No awards linked.",
    )
    counts = [
        (
            _ref(ctx, m.get("id")),
            _e(fmt(m.get("count"))),
            _e(fmt(m.get("recipient"))),
            _e(fmt(m.get("award"))),
            _e(fmt(m.get("givers"))),
        )
        for m in ctx.by_id.values()
        if m.get("label") == "AWARD"
    ]
    mentions = _table(
        ("recipients", "count", "kind", "award", "givers"), counts, empty="No AWARD mentions."
    )
    return _section("Awards", f"{table}<h3>AWARD mentions</h3>{mentions}", sid="awards")


def _places_panel(record: Mapping[str, Any], ctx: _Context) -> str:
    rows = []
    for place in record.get("places") or ():
        mids = list(place.get("mentions") or ())
        first = ctx.by_id.get(str(mids[0])) if mids else None
        rows.append(
            (
                _ref(ctx, mids[0]) if mids else "—",
                _e(place.get("level", "—")),
                _e(place.get("status", "—")),
                _e(place.get("code") or "—"),
                _e(province_of(place, first or {}) or "—"),
                str(len(mids)),
            )
        )
    table = _table(
        ("place", "level", "gazetteer", "code", "province", "mentions"),
        rows,
        empty="No places resolved.",
    )
    return _section("Places", table, sid="places")


def _event_panel(record: Mapping[str, Any], ctx: _Context) -> str:
    event = record.get("event")
    if not isinstance(event, Mapping):
        return _section("Event", '<p class="empty">No event.</p>', sid="event")
    name = event.get("name") if isinstance(event.get("name"), Mapping) else {}
    date = ctx.by_id.get(str(event.get("date")))
    rows = [
        ("name", _e(name.get("text", "—"))),
        (
            "date",
            _ref(ctx, event.get("date"))
            + (f" = {_e(date['value'])}" if date and date.get("value") else ""),
        ),
        ("place", _ref(ctx, event.get("place"))),
        ("organiser", _ref(ctx, event.get("organiser"))),
    ]
    return _section("Event", _table((), rows, empty="No event."), sid="event")


def _validation_panel(record: Mapping[str, Any], source: Source) -> tuple[list[str], bool, str]:
    """(problems, valid, panel): checked against the source now when it is available."""
    recorded = record.get("validation") if isinstance(record.get("validation"), Mapping) else {}
    if source.raw is not None:
        problems = validate_record(record, source_bytes=source.raw)
        valid = not problems
        how = "checked against the source file now"
    else:
        problems = [str(p) for p in recorded.get("problems") or ()]
        valid = bool(recorded.get("valid")) and not problems
        how = "as recorded at extraction (source not available)"
    badge = f'<span class="badge {"valid" if valid else "invalid"}">' + (
        "valid</span>" if valid else "invalid</span>"
    )
    items = "".join(f"<li>{_e(p)}</li>" for p in problems)
    warnings = "".join(
        f"<li>{_e(w.get('code', ''))}: {_e(w.get('message', ''))}</li>"
        for w in record.get("warnings") or ()
        if isinstance(w, Mapping)
    )
    body = f"<p>{badge} <span class='meta'>{_e(how)}</span></p>"
    body += f"<ul class='problems'>{items}</ul>" if items else ""
    body += f"<h3>Warnings</h3><ul class='warnings'>{warnings}</ul>" if warnings else ""
    return problems, valid, _section("Validation", body, sid="validation")


def _gold_panel(items: Sequence[Item], gold: Gold | None) -> str:
    if gold is None:
        return ""
    if gold.mentions is None:
        return _section("Gold", f'<p class="empty">{_e(gold.problem)}</p>', sid="gold")
    counts: dict[str, Counter[str]] = {label: Counter() for label in LABELS}
    for it in items:
        counts.setdefault(it.label, Counter())[it.status] += 1
    rows = [
        (_e(label), str(c["correct"]), str(c["missed"]), str(c["spurious"]))
        for label, c in counts.items()
        if sum(c.values())
    ]
    table = _table(("label", "correct", "missed", "spurious"), rows, empty="Nothing to compare.")
    legend = (
        "<p class='meta'>Strict matching (label, start, end). Missed gold mentions are drawn "
        "with a dashed bar, spurious predictions with a striped bar.</p>"
    )
    return _section("Gold comparison", legend + table, sid="gold")


def _mentions_table(items: Sequence[Item], *, open_: bool) -> str:
    rows = []
    for it in items:
        attrs = "; ".join(f"{k}: {v}" for k, v in it.rows[3:])
        rows.append(
            f'<tr id="row-{it.id}" class="{_status_class(it)}"><td><a class="ref c-{_e(it.label)}"'
            f' href="#mention-{it.id}" data-ref="{it.id}">{it.id}</a></td>'
            f'<td><span class="swatch c-{_e(it.label)}"></span>{_e(it.label)}</td>'
            f"<td>{_e(it.status)}</td><td class='num'>{it.start}</td>"
            f"<td class='num'>{it.end}</td><td>{_e(it.text)}</td><td>{_e(attrs)}</td></tr>"
        )
    head = "".join(
        f"<th>{h}</th>" for h in ("id", "label", "status", "start", "end", "text", "attributes")
    )
    table = (
        f'<table id="mention-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        if rows
        else '<p class="empty">No mentions.</p>'
    )
    return (
        f"<details{' open' if open_ else ''}><summary>All mentions ({len(items)})</summary>"
        f"{table}</details>"
    )


def _legend(gold: bool) -> str:
    styles = load_json("report_labels.json")
    boxes = "".join(
        f'<label class="c-{label}" title="{_e(styles[label].get("description", ""))}">'
        f'<input type="checkbox" checked data-toggle-label="{label}">'
        f'<span class="swatch"></span>{label}</label>'
        for label in LABELS
    )
    keys = '<span class="key">striped bar: spurious · dashed bar: missed</span>' if gold else ""
    return f'<div class="legend">{boxes}{keys}</div>'


def _metadata(record: Mapping[str, Any], source: Source) -> str:
    parts = []
    if record.get("dateline"):
        parts.append(f"<span>dateline {_e(record['dateline'])}</span>")
    metadata = record.get("metadata") if isinstance(record.get("metadata"), Mapping) else {}
    for key, value in metadata.items():
        if key == "url" and isinstance(value, str) and re.match(r"https?://", value, re.I):
            shown = f'<a href="{_e(value)}" rel="noopener noreferrer">{_e(value)}</a>'
        else:
            shown = _e(fmt(value))
        parts.append(f"<span>{_e(key)}: {shown}</span>")
    src = record.get("source") if isinstance(record.get("source"), Mapping) else {}
    parts.append(f"<span>source {_e(src.get('path', '—'))}</span>")
    if source.text is None:
        parts.append('<span class="badge missing">source missing</span>')
    return f'<div class="meta">{"".join(parts)}</div>'


def page(title: str, body: str, *, script: str = "", head: str = "") -> str:
    """A complete HTML page with the site's CSS inlined; ``script`` is inlined JS code."""
    js = f"<script>{script}</script>" if script else ""
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title>{_style()}{head}</head>"
        f"<body>{body}{js}</body></html>\n"
    )


@dataclass(frozen=True)
class ArticlePage:
    """A rendered article page: its HTML, the spans drawn, and the record's validation."""

    html: str
    items: tuple[Item, ...]
    valid: bool
    problems: tuple[str, ...]


def render_article(
    record: Mapping[str, Any],
    source: Source,
    *,
    gold: Gold | None = None,
    index_href: str = "../index.html",
    prev_href: str | None = None,
    next_href: str | None = None,
) -> ArticlePage:
    """One article's page, the items it draws and the record's validation status.

    With the source text the mentions are drawn over it; without it (or when a
    mention's offsets do not match the text) they are listed in the mentions table.
    """
    ctx = _Context.of(record)
    items = article_items(record, gold.mentions if gold else None)
    doc_id = str(record.get("doc_id", ""))
    title_span = record.get("title") if isinstance(record.get("title"), Mapping) else None
    heading = str(title_span.get("text")) if title_span else doc_id
    problems, valid, validation = _validation_panel(record, source)
    nav = [f'<a href="{_e(index_href)}">← all articles</a>']
    if prev_href:
        nav.append(f'<a href="{_e(prev_href)}" rel="prev">previous</a>')
    if next_href:
        nav.append(f'<a href="{_e(next_href)}" rel="next">next</a>')
    header = (
        f'<header class="top"><nav>{"".join(nav)}</nav><h1>{_e(heading)}</h1>'
        f'<div class="meta"><span>doc {_e(doc_id)}</span></div>{_metadata(record, source)}'
        f"</header>"
    )
    notices: list[str] = []
    if source.text is not None:
        text = source.text
        grounded = [
            it
            for it in items
            if 0 <= it.start < it.end <= len(text) and text[it.start : it.end] == it.text
        ]
        bad = [it for it in items if it not in grounded]
        if bad:
            listed = ", ".join(f"{it.id} {it.label} {it.start}:{it.end}" for it in bad[:10])
            notices.append(
                f"{len(bad)} mention(s) do not match the source text at their offsets and "
                f"are only listed in the table: {listed}"
            )
        article = f'<div class="article-text" id="text">{render_text(text, grounded)}</div>'
    else:
        notices.append(f"Source text not shown: {source.problem}. Mentions are listed below.")
        article = ""
    if gold is not None and gold.mentions is None:
        notices.append(f"No gold comparison: {gold.problem}.")
    notice_html = "".join(f'<p class="notice">{_e(n)}</p>' for n in notices)
    details = (
        '<section id="details" data-mention=""><h2>Selected mention</h2>'
        '<p id="details-title" class="empty">Click a highlighted mention to see its attributes.'
        '</p><table><tbody id="details-rows"></tbody></table></section>'
    )
    panels = "".join(
        (
            details,
            validation,
            _gold_panel(items, gold),
            _officials_panel(record, ctx),
            _figures_panel(ctx),
            _awards_panel(record, ctx),
            _places_panel(record, ctx),
            _event_panel(record, ctx),
        )
    )
    data = {
        "doc_id": doc_id,
        "mentions": {
            it.id: {
                "label": it.label,
                "text": it.text,
                "status": it.status,
                "rows": [list(r) for r in it.rows],
            }
            for it in items
        },
    }
    body = (
        f"{header}<main>{_legend(gold is not None and gold.mentions is not None)}{notice_html}"
        f'<div class="layout"><div>{article}'
        f"{_mentions_table(items, open_=source.text is None)}</div>"
        f'<div class="panels">{panels}</div></div></main>'
        f'<script type="application/json" id="vnie-data">{script_json(data)}</script>'
    )
    return ArticlePage(
        page(f"{heading} · vnie", body, script=_asset("report_article.js")),
        tuple(items),
        valid,
        tuple(problems),
    )


# --- the corpus -----------------------------------------------------------------------------


def mentions_frame(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """One row per mention (columns :data:`MENTION_COLUMNS`): the data behind the charts.

    ``value`` is the value as text (ISO date or number), ``number`` a FIGURE's value as a
    float, ``province`` a PLACE's province (see :func:`province_of`).
    """
    rows: list[dict[str, Any]] = []
    for record in records:
        ctx = _Context.of(record)
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


def chart_figures(mentions: pd.DataFrame) -> dict[str, go.Figure]:
    """The four plotly bar charts of the index page (keys and titles: :data:`CHARTS`)."""
    import plotly.graph_objects as go

    data = chart_data(mentions)
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
        f"{_e(name)}</th>"
        for i, (name, kind) in enumerate(heads)
    )
    body = []
    for row in rows:
        labels = " ".join(label for label in LABELS if row.counts.get(label))
        search = f"{row.doc_id} {row.title}".lower()
        cells = [
            f'<td data-sort="{_e(row.doc_id)}"><a href="{_e(row.href)}">{_e(row.doc_id)}</a>'
            + ("" if row.source_found else ' <span class="badge missing">no source</span>')
            + "</td>",
            f"<td>{_e(row.title)}</td>",
            f"<td>{_e(row.dateline)}</td>",
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
            f'<tr data-doc="{_e(row.doc_id)}" data-search="{_e(search)}" '
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
    summary_html = "".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in summary)
    body = (
        '<header class="top"><h1>vnie review</h1><div class="meta">Extraction records, one page '
        "per article. Click a column to sort.</div></header><main>"
        f'<table class="summary">{summary_html}</table>'
        f"<h2>Articles</h2>{_filters(len(rows))}"
        f'<div class="table-wrap">{_index_table(rows, gold=gold)}</div>'
        f'<h2>Charts</h2><div class="charts">{charts}</div></main>'
    )
    head = f"<script>{get_plotlyjs()}</script>"
    return page("vnie review", body, script=_asset("report_index.js"), head=head)


# --- the site -------------------------------------------------------------------------------


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
        base = _UNSAFE_NAME.sub("_", doc_id).strip("._")[:120] or "article"
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


def build_site(
    records_dir_or_batch_out: Path, site_dir: Path, *, gold_dir: Path | None = None
) -> SiteSummary:
    """Write the review site for every record under ``records_dir_or_batch_out`` into
    ``site_dir`` (``index.html`` + ``articles/*.html``).

    Sources are looked up by :func:`find_source` (the record's path as given, then relative
    to the records directory and its parent). With ``gold_dir``, ``<doc_id>.json`` gold files
    mark missed and spurious mentions (strict matching). Raises :class:`InputError` /
    :class:`RecordError` when there are no readable records.
    """
    source_path = Path(records_dir_or_batch_out)
    records = load_records(source_path)
    site_dir = Path(site_dir)
    articles_dir = site_dir / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    search = _search_dirs(source_path)
    names = page_names([str(r.get("doc_id", "")) for r in records])
    rows: list[ArticleRow] = []
    pages: list[Path] = []
    invalid: list[str] = []
    missing: list[str] = []
    compared = missed = spurious = 0
    for i, record in enumerate(records):
        doc_id = str(record.get("doc_id", ""))
        source = find_source(record, search)
        gold = find_gold(record, Path(gold_dir), source) if gold_dir is not None else None
        article = render_article(
            record,
            source,
            gold=gold,
            prev_href=names[i - 1] if i > 0 else None,
            next_href=names[i + 1] if i + 1 < len(names) else None,
        )
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
        title = record.get("title") if isinstance(record.get("title"), Mapping) else {}
        rows.append(
            ArticleRow(
                doc_id=doc_id,
                href=f"articles/{names[i]}",
                title=str((title or {}).get("text", "")),
                dateline=str(record.get("dateline") or ""),
                counts=dict(Counter(it.label for it in article.items if it.status != "missed")),
                valid=article.valid,
                problems=len(article.problems),
                warnings=len(record.get("warnings") or ()),
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
