"""One article page: the text with stacked span bars, and its side panels."""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pipeline.apps.report.common import (
    _ATTRIBUTE_ORDER,
    _CORE_KEYS,
    _RECORD_ID,
    _STATUS_TEXT,
    esc,
    script_json,
)
from pipeline.apps.report.sources import Gold, Source, source_problems
from pipeline.evaluation.scores import attribute_equal
from pipeline.record.validate import schema_problems
from pipeline.resources import load_json
from pipeline.types import LABELS

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
class PageContext:
    """Lookups over one record that the attribute rows and panels need."""

    by_id: dict[str, dict[str, Any]]
    place_of: dict[str, dict[str, Any]] = field(default_factory=dict)
    official_of: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, record: Mapping[str, Any]) -> PageContext:
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
    ctx: PageContext,
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
    ctx = PageContext.of(record)
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


def _status_class(item: Item) -> str:
    return item.status if item.status in ("spurious", "missed") else ""


def render_text(text: str, items: Sequence[Item]) -> str:
    """The article text as HTML with every item drawn as a bar under its characters.

    Text inside items is split into segments at every item boundary and newline; each
    segment carries ``data-m`` (the ids covering it) and one bar per covering item,
    and the first segment of an item carries its label tag (``id="mention-<id>"``).
    Tooltips are not repeated here: the page script makes them from the page's data.
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
            out.append(esc(chunk))
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
                cls = f"c-{esc(it.label)} {_status_class(it)}".strip()
                style = f"--slot:{slots[it.id]}"
                bars.append(f'<span class="bar {cls}" data-mid="{it.id}" style="{style}"></span>')
                if first and it.start == a:
                    bars.append(
                        f'<span class="tag {cls}" id="mention-{it.id}" data-mid="{it.id}" '
                        f'style="{style}" role="button" tabindex="0">{esc(it.label)}</span>'
                    )
            first = False
            t_cls = "t missed-only" if only_missed else "t"
            out.append(
                f'<span class="seg c-{esc(inner.label)}" data-inner="{inner.id}" '
                f'style="--slots:{max(slots[it.id] for it in active) + 1}">'
                f'<span class="{t_cls}" data-m="{ids}">'
                f"{esc(piece)}</span>{''.join(bars)}</span>"
            )
    return "".join(out)


def _ref(ctx: PageContext, mid: Any) -> str:
    mention = ctx.by_id.get(str(mid)) if mid is not None else None
    if mention is None:
        return "—" if mid is None else f'<span class="ref-bad">{esc(mid)} (unknown)</span>'
    return (
        f'<a class="ref c-{esc(mention.get("label"))}" href="#mention-{esc(mid)}" '
        f'data-ref="{esc(mid)}">{esc(mention.get("text"))}</a>'
    )


def _section(title: str, body: str, *, sid: str) -> str:
    return f'<section id="{sid}"><h2>{esc(title)}</h2>{body}</section>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, empty: str) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    if not body:
        return f'<p class="empty">{esc(empty)}</p>'
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    thead = f"<thead><tr>{head}</tr></thead>" if headers else ""
    return f"<table>{thead}<tbody>{body}</tbody></table>"


def _officials_panel(record: Mapping[str, Any], ctx: PageContext) -> str:
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


def _figures_panel(ctx: PageContext) -> str:
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
                esc(value),
                esc(fmt(m.get("unit"))),
                esc(fmt(m.get("quantity"))),
                _ref(ctx, subject) if subject is not None else "—",
                esc(fmt(m.get("measure"))),
            )
        )
    table = _table(
        ("figure", "value", "unit", "quantity", "subject", "measure"), rows, empty="No figures."
    )
    return _section("Figures", table, sid="figures")


def _facts_panel(record: Mapping[str, Any], ctx: PageContext) -> str:
    """One row per fact: value, unit, subject, every mention, and the total it is part of."""
    rows = []
    for fact in record.get("facts") or ():
        value = fmt(fact.get("value"))
        if fact.get("value_max") is not None:
            value += f"–{fmt(fact['value_max'])}"
        rows.append(
            (
                esc(fmt(fact.get("id"))),
                esc(fmt(fact.get("quantity"))),
                esc(value),
                esc(fmt(fact.get("unit"))),
                _ref(ctx, fact.get("subject")),
                ", ".join(_ref(ctx, m) for m in fact.get("mentions") or ()),
                esc(fmt(fact.get("part_of"))) if fact.get("part_of") else "—",
            )
        )
    table = _table(
        ("fact", "quantity", "value", "unit", "subject", "mentions", "part of"),
        rows,
        empty="No facts.",
    )
    return _section("Facts (each counted once)", table, sid="facts")


def _awards_panel(record: Mapping[str, Any], ctx: PageContext) -> str:
    groups = []
    for award in record.get("awards") or ():
        recipients = ", ".join(_ref(ctx, r) for r in award.get("recipients") or ()) or "—"
        givers = ", ".join(_ref(ctx, g) for g in award.get("givers") or ()) or "—"
        groups.append(
            (
                esc(fmt(award.get("kinds"))),
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
            esc(fmt(m.get("count"))),
            esc(fmt(m.get("recipient"))),
            esc(fmt(m.get("award"))),
            esc(fmt(m.get("givers"))),
        )
        for m in ctx.by_id.values()
        if m.get("label") == "AWARD"
    ]
    mentions = _table(
        ("recipients", "count", "kind", "award", "givers"), counts, empty="No AWARD mentions."
    )
    return _section("Awards", f"{table}<h3>AWARD mentions</h3>{mentions}", sid="awards")


def _places_panel(record: Mapping[str, Any], ctx: PageContext) -> str:
    rows = []
    for place in record.get("places") or ():
        mids = list(place.get("mentions") or ())
        first = ctx.by_id.get(str(mids[0])) if mids else None
        rows.append(
            (
                _ref(ctx, mids[0]) if mids else "—",
                esc(place.get("level", "—")),
                esc(place.get("status", "—")),
                esc(place.get("code") or "—"),
                esc(province_of(place, first or {}) or "—"),
                str(len(mids)),
            )
        )
    table = _table(
        ("place", "level", "gazetteer", "code", "province", "mentions"),
        rows,
        empty="No places resolved.",
    )
    return _section("Places", table, sid="places")


def _event_panel(record: Mapping[str, Any], ctx: PageContext) -> str:
    event = record.get("event")
    if not isinstance(event, Mapping):
        return _section("Event", '<p class="empty">No event.</p>', sid="event")
    name = event.get("name") if isinstance(event.get("name"), Mapping) else {}
    date = ctx.by_id.get(str(event.get("date")))
    rows = [
        ("name", esc(name.get("text", "—"))),
        (
            "date",
            _ref(ctx, event.get("date"))
            + (f" = {esc(date['value'])}" if date and date.get("value") else ""),
        ),
        ("place", _ref(ctx, event.get("place"))),
        ("organiser", _ref(ctx, event.get("organiser"))),
    ]
    return _section("Event", _table((), rows, empty="No event."), sid="event")


def _validation_panel(
    record: Mapping[str, Any],
    source: Source,
    problems: Sequence[str] | None = None,
    checked: str | None = None,
) -> tuple[list[str], bool, str]:
    """(problems, valid, panel): checked against the source now when it is available
    (schema, grounding and every derived value re-derived), else as recorded; ``checked``
    says how given ``problems`` were found."""
    recorded = record.get("validation") if isinstance(record.get("validation"), Mapping) else {}
    if problems is not None:
        problems = list(problems)
        valid = not problems
        how = checked or "checked when the site was built"
    elif schema := schema_problems(record):
        problems, valid, how = schema, False, "the record does not follow the schema"
    elif source.text is not None:
        problems = source_problems(record, source)
        valid = not problems
        how = "checked against the source file now"
    else:
        problems = [str(p) for p in recorded.get("problems") or ()]
        valid = bool(recorded.get("valid")) and not problems
        how = "as recorded at extraction (source not available)"
    badge = f'<span class="badge {"valid" if valid else "invalid"}">' + (
        "valid</span>" if valid else "invalid</span>"
    )
    items = "".join(f"<li>{esc(p)}</li>" for p in problems)
    warnings = "".join(
        f"<li>{esc(w.get('code', ''))}: {esc(w.get('message', ''))}</li>"
        for w in record.get("warnings") or ()
        if isinstance(w, Mapping)
    )
    body = f"<p>{badge} <span class='meta'>{esc(how)}</span></p>"
    body += f"<ul class='problems'>{items}</ul>" if items else ""
    body += f"<h3>Warnings</h3><ul class='warnings'>{warnings}</ul>" if warnings else ""
    return problems, valid, _section("Validation", body, sid="validation")


def _gold_panel(items: Sequence[Item], gold: Gold | None) -> str:
    if gold is None:
        return ""
    if gold.mentions is None:
        return _section("Gold", f'<p class="empty">{esc(gold.problem)}</p>', sid="gold")
    counts: dict[str, Counter[str]] = {label: Counter() for label in LABELS}
    for it in items:
        counts.setdefault(it.label, Counter())[it.status] += 1
    rows = [
        (esc(label), str(c["correct"]), str(c["missed"]), str(c["spurious"]))
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
    """Every mention in a table: written out when the text is not shown (``open_``); else
    drawn by the page script from the page's data (the same rows, not sent twice)."""
    rows = []
    for it in items if open_ else ():
        attrs = "; ".join(f"{k}: {v}" for k, v in it.rows[3:])
        rows.append(
            f'<tr id="row-{it.id}" class="{_status_class(it)}"><td><a class="ref c-{esc(it.label)}"'
            f' href="#mention-{it.id}" data-ref="{it.id}">{it.id}</a></td>'
            f'<td><span class="swatch c-{esc(it.label)}"></span>{esc(it.label)}</td>'
            f"<td>{esc(it.status)}</td><td class='num'>{it.start}</td>"
            f"<td class='num'>{it.end}</td><td>{esc(it.text)}</td><td>{esc(attrs)}</td></tr>"
        )
    head = "".join(
        f"<th>{h}</th>" for h in ("id", "label", "status", "start", "end", "text", "attributes")
    )
    table = (
        f'<table id="mention-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        if items
        else '<p class="empty">No mentions.</p>'
    )
    return (
        f"<details{' open' if open_ else ''}><summary>All mentions ({len(items)})</summary>"
        f"{table}</details>"
    )


def _legend(gold: bool) -> str:
    styles = load_json("report_labels.json")
    boxes = "".join(
        f'<label class="c-{label}" title="{esc(styles[label].get("description", ""))}">'
        f'<input type="checkbox" checked data-toggle-label="{label}">'
        f'<span class="swatch"></span>{label}</label>'
        for label in LABELS
    )
    keys = '<span class="key">striped bar: spurious · dashed bar: missed</span>' if gold else ""
    return f'<div class="legend">{boxes}{keys}</div>'


def _metadata(record: Mapping[str, Any], source: Source) -> str:
    parts = []
    if record.get("dateline"):
        parts.append(f"<span>dateline {esc(record['dateline'])}</span>")
    metadata = record.get("metadata") if isinstance(record.get("metadata"), Mapping) else {}
    for key, value in metadata.items():
        if key == "url" and isinstance(value, str) and re.match(r"https?://", value, re.I):
            shown = f'<a href="{esc(value)}" rel="noopener noreferrer">{esc(value)}</a>'
        else:
            shown = esc(fmt(value))
        parts.append(f"<span>{esc(key)}: {shown}</span>")
    src = record.get("source") if isinstance(record.get("source"), Mapping) else {}
    parts.append(f"<span>source {esc(src.get('path', '—'))}</span>")
    if source.text is None:
        parts.append('<span class="badge missing">source missing</span>')
    return f'<div class="meta">{"".join(parts)}</div>'


def page(
    title: str,
    body: str,
    *,
    scripts: Sequence[str] = (),
    head: str = "",
    assets: str = "../assets/",
) -> str:
    """A complete HTML page using the site's shared stylesheet and ``scripts`` (file
    names) from the ``assets`` folder (a relative URL ending in ``/``)."""
    js = "".join(f'<script src="{esc(assets + name)}"></script>' for name in scripts)
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{esc(title)}</title><link rel="stylesheet" href="{esc(assets)}report.css">'
        f"{head}</head><body>{body}{js}</body></html>\n"
    )


def renderable(record: Any) -> dict[str, Any]:
    """``record`` when it follows the schema; else the parts a page can show safely: its
    doc id, metadata and source as mappings, the mentions that are objects, and no
    relations (their references cannot be trusted)."""
    if not isinstance(record, Mapping):
        return {"doc_id": "", "mentions": []}
    if not schema_problems(record):
        return dict(record)

    def mapping(key: str) -> dict[str, Any]:
        value = record.get(key)
        return dict(value) if isinstance(value, Mapping) else {}

    mentions = record.get("mentions")
    title = mapping("title")
    return {
        "doc_id": record.get("doc_id") if isinstance(record.get("doc_id"), str) else "",
        "source": mapping("source"),
        "metadata": mapping("metadata"),
        "title": title if isinstance(title.get("text"), str) else None,
        "dateline": record.get("dateline") if isinstance(record.get("dateline"), str) else None,
        "mentions": [m for m in mentions if isinstance(m, Mapping)]
        if isinstance(mentions, list)
        else [],
        "officials": [],
        "places": [],
        "awards": [],
        "event": None,
        "warnings": [],
    }


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
    problems: Sequence[str] | None = None,
    checked: str | None = None,
    assets: str = "../assets/",
) -> ArticlePage:
    """One article's page, the items it draws and the record's validation status.

    With the source text the mentions are drawn over it; without it (or when a
    mention's offsets do not match the text) they are listed in the mentions table.
    ``problems``: the record's problems when already checked (else checked here), and
    ``checked`` how they were found (shown in the validation panel). The page uses the
    stylesheet and script in ``assets`` (a relative URL, see :func:`write_assets`). A
    record that does not follow the schema gets a page too: its problems, and what
    of it can be shown (:func:`renderable`).
    """
    problems, valid, validation = _validation_panel(record, source, problems, checked)
    record = record if valid else renderable(record)
    ctx = PageContext.of(record)
    items = article_items(record, gold.mentions if gold else None)
    doc_id = str(record.get("doc_id", ""))
    title_span = record.get("title") if isinstance(record.get("title"), Mapping) else None
    heading = str(title_span.get("text")) if title_span else doc_id
    nav = [f'<a href="{esc(index_href)}">← all articles</a>']
    if prev_href:
        nav.append(f'<a href="{esc(prev_href)}" rel="prev">previous</a>')
    if next_href:
        nav.append(f'<a href="{esc(next_href)}" rel="next">next</a>')
    header = (
        f'<header class="top"><nav>{"".join(nav)}</nav><h1>{esc(heading)}</h1>'
        f'<div class="meta"><span>doc {esc(doc_id)}</span></div>{_metadata(record, source)}'
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
    notice_html = "".join(f'<p class="notice">{esc(n)}</p>' for n in notices)
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
            _facts_panel(record, ctx),
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
                "at": [it.start, it.end],
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
        page(f"{heading} · vnie", body, scripts=["report_article.js"], assets=assets),
        tuple(items),
        valid,
        tuple(problems),
    )
