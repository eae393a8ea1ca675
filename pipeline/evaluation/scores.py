"""Score predicted mentions against gold: strict, partial and value P/R/F1, attributes, errors.

Offsets are code points into the source text, end excluded, on both sides. Matching is
per document and per label:

* **strict**: same label, ``start`` and ``end``;
* **partial**: same label and overlapping spans, each gold and predicted mention used
  at most once. Strict pairs are fixed first; the rest are paired greedily by overlap
  size, then augmenting paths raise the number of pairs to the maximum possible;
* **value** (DATE, FIGURE, AWARD): partial pairing restricted to pairs whose ``value``
  (DATE: as a string, FIGURE: as a number) or ``count`` (AWARD) is equal.

Attribute accuracy is measured on strict pairs where gold or prediction carries the
attribute (absent on one side and present on the other is a mismatch).
"""

from __future__ import annotations

import html
import json
import math
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.errors import RecordError
from pipeline.evaluation.gold import GoldDoc, load_gold_dir
from pipeline.types import LABELS

#: Labels scored with a value match, and the attribute holding the value.
VALUE_ATTRIBUTE: dict[str, str] = {"DATE": "value", "FIGURE": "value", "AWARD": "count"}

#: Attributes whose accuracy is measured on strict matches.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "DATE": ("value",),
    "FIGURE": ("value", "unit", "quantity"),
    "AWARD": ("count", "recipient"),
    "PLACE": ("level",),
    "PERSON": ("title",),
}

#: Attributes compared as numbers.
_NUMERIC = {("FIGURE", "value"), ("AWARD", "count")}

ERROR_KINDS: tuple[str, ...] = ("missed", "spurious", "boundary", "attribute")

#: Labels a FIGURE ``subject`` may point at (guide v2, "Relations").
SUBJECT_LABELS: tuple[str, ...] = ("PLACE", "ORG", "PERSON", "TITLE")

_SUBJECT_COLUMNS = ("doc_id", "compared", "correct", "gold_pairs", "pred_pairs", "pair_tp")
CONTEXT_CHARS = 40

_ALIGNMENT_COLUMNS = (
    "doc_id",
    "label",
    "kind",
    "attribute",
    "gold_start",
    "gold_end",
    "gold_text",
    "gold_value",
    "pred_start",
    "pred_end",
    "pred_text",
    "pred_value",
    "rule",
    "other_label",
    "context",
)


@dataclass(frozen=True)
class _Side:
    """One document of gold or predictions, reduced to what scoring needs."""

    doc_id: str
    sha256: str | None
    text: str | None
    mentions: tuple[Mapping[str, Any], ...]


def _gold_side(item: GoldDoc | Mapping[str, Any]) -> _Side:
    if isinstance(item, GoldDoc):
        return _Side(item.doc_id, item.text_sha256, item.text, item.mentions)
    return _Side(
        str(item["doc_id"]), item.get("text_sha256"), item.get("text"), tuple(item["mentions"])
    )


def _pred_side(item: Mapping[str, Any]) -> _Side:
    source = item.get("source") or {}
    sha = item.get("text_sha256") or (source.get("sha256") if isinstance(source, Mapping) else None)
    return _Side(str(item.get("doc_id", "")), sha, None, tuple(item.get("mentions") or ()))


# --- matching -------------------------------------------------------------------------------


def _overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value))
    except ValueError:
        return None


def attribute_equal(label: str, name: str, gold: Any, pred: Any) -> bool:
    """Whether two attribute values agree: numbers numerically, strings after NFC."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if (label, name) in _NUMERIC:
        g, p = _as_number(gold), _as_number(pred)
        if g is not None and p is not None:
            return math.isclose(g, p, rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(gold, str) and isinstance(pred, str):
        return unicodedata.normalize("NFC", gold) == unicodedata.normalize("NFC", pred)
    if isinstance(gold, str) or isinstance(pred, str):
        return str(gold) == str(pred)
    return gold == pred


def match(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    compatible: Callable[[Mapping[str, Any], Mapping[str, Any]], bool] | None = None,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """One-to-one pairs of overlapping gold/pred mentions (indices), as (strict, overlap-only).

    Identical spans are paired first; then the remaining overlapping pairs greedily by
    overlap size (ties: earlier gold, earlier prediction), then augmenting paths make
    the number of pairs maximal. ``compatible`` further restricts which pairs may form.
    """
    ok = compatible or (lambda _g, _p: True)
    by_span: dict[tuple[int, int], list[int]] = defaultdict(list)
    for j, p in enumerate(pred):
        by_span[(p["start"], p["end"])].append(j)
    strict: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for i, g in enumerate(gold):
        for j in by_span.get((g["start"], g["end"]), ()):
            if j not in used_pred and ok(g, pred[j]):
                strict.append((i, j))
                used_gold.add(i)
                used_pred.add(j)
                break
    candidates = sorted(
        (-_overlap(g, p), i, j)
        for i, g in enumerate(gold)
        if i not in used_gold
        for j, p in enumerate(pred)
        if j not in used_pred and _overlap(g, p) > 0 and ok(g, p)
    )
    pred_of: dict[int, int] = {}
    gold_of: dict[int, int] = {}
    adjacency: dict[int, list[int]] = defaultdict(list)
    for _, i, j in candidates:
        adjacency[i].append(j)
        if i not in pred_of and j not in gold_of:
            pred_of[i], gold_of[j] = j, i

    def augment(i: int, seen: set[int]) -> bool:
        for j in adjacency[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in gold_of or augment(gold_of[j], seen):
                pred_of[i], gold_of[j] = j, i
                return True
        return False

    for i in list(adjacency):
        if i not in pred_of:
            augment(i, set())
    return strict, sorted(pred_of.items())


def _value_compatible(label: str) -> Callable[[Mapping[str, Any], Mapping[str, Any]], bool]:
    name = VALUE_ATTRIBUTE[label]

    def ok(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        return g.get(name) is not None and attribute_equal(label, name, g.get(name), p.get(name))

    return ok


# --- scores ---------------------------------------------------------------------------------


def prf(tp: float, gold: float, pred: float) -> tuple[float, float, float]:
    """Precision, recall and F1 (= 2·tp / (gold + pred)); NaN where undefined."""
    nan = float("nan")
    precision = tp / pred if pred else nan
    recall = tp / gold if gold else nan
    f1 = 2 * tp / (gold + pred) if gold + pred else nan
    return precision, recall, f1


def _clean(value: Any) -> Any:
    """JSON-safe: NaN → None, numpy scalars → Python numbers."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


@dataclass(frozen=True, eq=False)
class Scores:
    """The outcome of :func:`score`. Tables are pandas DataFrames built on demand.

    ``counts``: one row per (doc_id, label) with gold, pred, strict, partial, value counts.
    ``attributes``: one row per (doc_id, label, attribute) with compared and correct.
    ``alignment``: one row per strict/partial pair, missed or spurious mention and
    attribute mismatch (``kind`` is ``correct`` or one of :data:`ERROR_KINDS`); a wrong
    FIGURE subject is an ``attribute`` error with ``attribute`` ``subject``.
    ``subjects``: one row per document with FIGURE subject counts: ``compared``/``correct``
    on strict FIGURE matches, and (figure span, subject span) pairs in gold, predicted and
    both (``pair_tp``).
    """

    labels: tuple[str, ...]
    doc_ids: tuple[str, ...]
    counts: pd.DataFrame
    attributes: pd.DataFrame
    alignment: pd.DataFrame
    subjects: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_SUBJECT_COLUMNS))
    missing_predictions: tuple[str, ...] = ()
    unpaired_predictions: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def _label_sums(self) -> pd.DataFrame:
        sums = self.counts.groupby("label")[["gold", "pred", "strict", "partial", "value"]].sum()
        return sums.reindex(list(self.labels), fill_value=0)

    def table(self) -> pd.DataFrame:
        """Per-label and micro-averaged P/R/F1 (strict, partial; value for DATE/FIGURE/AWARD)."""
        sums = self._label_sums()
        rows: dict[str, dict[str, float]] = {}
        for label, row in sums.iterrows():
            rows[str(label)] = self._row(row, value=label in VALUE_ATTRIBUTE)
        rows["micro"] = self._row(sums.sum(), value=False)
        value_labels = [lab for lab in self.labels if lab in VALUE_ATTRIBUTE]
        if value_labels:
            vs = sums.loc[value_labels].sum()
            p, r, f = prf(vs["value"], vs["gold"], vs["pred"])
            rows["micro"].update(value_p=p, value_r=r, value_f1=f)
        frame = pd.DataFrame.from_dict(rows, orient="index")
        frame.index.name = "label"
        return frame

    @staticmethod
    def _row(row: pd.Series, *, value: bool) -> dict[str, float]:
        out: dict[str, float] = {"gold": int(row["gold"]), "pred": int(row["pred"])}
        for kind in ("strict", "partial", "value"):
            nan = float("nan")
            scored = kind != "value" or value
            p, r, f = prf(row[kind], row["gold"], row["pred"]) if scored else (nan, nan, nan)
            out.update({f"{kind}_p": p, f"{kind}_r": r, f"{kind}_f1": f})
        return out

    def attribute_table(self) -> pd.DataFrame:
        """Attribute accuracy on strict matches: compared, correct, accuracy per label.attribute."""
        columns = ["label", "attribute", "compared", "correct", "accuracy"]
        if self.attributes.empty:
            return pd.DataFrame(columns=columns)
        sums = self.attributes.groupby(["label", "attribute"], sort=False)[
            ["compared", "correct"]
        ].sum()
        sums = sums.reset_index()
        sums["accuracy"] = [
            c / n if n else float("nan")
            for c, n in zip(sums["correct"], sums["compared"], strict=True)
        ]
        return sums[columns]

    def subject_summary(self) -> dict[str, float | int | None]:
        """FIGURE subjects: accuracy on strict FIGURE matches and pair P/R/F1 (guide v2).

        Documents whose gold carries no ``subject`` key on any FIGURE are not counted.
        """
        sums = self.subjects[list(_SUBJECT_COLUMNS[1:])].sum()
        compared, correct = int(sums["compared"]), int(sums["correct"])
        gold, pred, tp = int(sums["gold_pairs"]), int(sums["pred_pairs"]), int(sums["pair_tp"])
        p, r, f = prf(tp, gold, pred)
        return {
            "compared": compared,
            "correct": correct,
            "accuracy": _clean(correct / compared) if compared else None,
            "gold_pairs": gold,
            "pred_pairs": pred,
            "pair_tp": tp,
            "pair_p": _clean(p),
            "pair_r": _clean(r),
            "pair_f1": _clean(f),
        }

    def subject_table(self) -> pd.DataFrame:
        """:meth:`subject_summary` as a one-row table (for the reports)."""
        frame = pd.DataFrame([self.subject_summary()])
        frame.index = pd.Index(["FIGURE.subject"], name="relation")
        return frame

    def document_table(self) -> pd.DataFrame:
        """Per-document counts and micro F1 (strict, partial), worst strict F1 first."""
        sums = self.counts.groupby("doc_id")[["gold", "pred", "strict", "partial"]].sum()
        sums = sums.reindex(list(self.doc_ids), fill_value=0)
        for kind in ("strict", "partial"):
            scores = [
                prf(t, g, p) for t, g, p in zip(sums[kind], sums["gold"], sums["pred"], strict=True)
            ]
            sums[f"{kind}_p"] = [s[0] for s in scores]
            sums[f"{kind}_r"] = [s[1] for s in scores]
            sums[f"{kind}_f1"] = [s[2] for s in scores]
        errors = self.errors.groupby("doc_id").size()
        sums["errors"] = errors.reindex(sums.index, fill_value=0)
        return sums.sort_values(["strict_f1", "partial_f1"], na_position="last")

    def worst_documents(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` articles with the lowest strict F1."""
        return self.document_table().head(n)

    @property
    def errors(self) -> pd.DataFrame:
        """One row per missed, spurious, boundary or attribute error, with context."""
        return self.alignment[self.alignment["kind"] != "correct"].reset_index(drop=True)

    def errors_by_label(self) -> pd.DataFrame:
        """Error counts: one row per label, one column per error kind."""
        table = pd.crosstab(self.errors["label"], self.errors["kind"])
        table = table.reindex(index=list(self.labels), columns=list(ERROR_KINDS), fill_value=0)
        return table.rename_axis(columns=None)

    def errors_by_rule(self) -> pd.DataFrame:
        """Per rule of the prediction: predicted, correct, boundary, spurious, attribute errors.

        ``strict_p`` is the rule's strict precision. Sorted by span errors, worst first.
        """
        rows = self.alignment[self.alignment["pred_start"].notna()].copy()
        columns = ["label", "predicted", "correct", "boundary", "spurious", "attribute", "strict_p"]
        if rows.empty:
            return pd.DataFrame(columns=columns)
        rows["rule"] = rows["rule"].fillna("(none)")
        spans = rows[rows["kind"] != "attribute"]
        table = pd.crosstab(spans["rule"], spans["kind"]).reindex(
            columns=["correct", "boundary", "spurious"], fill_value=0
        )
        attr = rows[rows["kind"] == "attribute"].groupby("rule").size()
        table["attribute"] = attr.reindex(table.index, fill_value=0)
        table["predicted"] = table[["correct", "boundary", "spurious"]].sum(axis=1)
        table["label"] = spans.groupby("rule")["label"].agg(lambda s: ",".join(sorted(set(s))))
        table["strict_p"] = table["correct"] / table["predicted"]
        table = table.sort_values(["spurious", "boundary", "predicted"], ascending=False)
        return table[columns].rename_axis(columns=None)

    @property
    def micro(self) -> dict[str, float | None]:
        """Headline micro-averages: strict/partial/value P, R, F1."""
        row = self.table().loc["micro"]
        return {k: _clean(row[k]) for k in row.index if k not in ("gold", "pred")}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (NaN as null)."""
        table = self.table()

        def block(row: pd.Series, kind: str, tp: int | None) -> dict[str, Any]:
            return {
                "tp": tp,
                "precision": _clean(row[f"{kind}_p"]),
                "recall": _clean(row[f"{kind}_r"]),
                "f1": _clean(row[f"{kind}_f1"]),
            }

        sums = self._label_sums()
        labels: dict[str, Any] = {}
        for label in self.labels:
            row = table.loc[label]
            entry: dict[str, Any] = {"gold": int(row["gold"]), "pred": int(row["pred"])}
            for kind in ("strict", "partial"):
                entry[kind] = block(row, kind, int(sums.loc[label, kind]))
            if label in VALUE_ATTRIBUTE:
                entry["value"] = block(row, "value", int(sums.loc[label, "value"]))
            labels[label] = entry
        micro_row = table.loc["micro"]
        micro: dict[str, Any] = {"gold": int(micro_row["gold"]), "pred": int(micro_row["pred"])}
        value_labels = [lab for lab in self.labels if lab in VALUE_ATTRIBUTE]
        tps = {
            "strict": int(sums["strict"].sum()),
            "partial": int(sums["partial"].sum()),
            "value": int(sums.loc[value_labels, "value"].sum()),
        }
        for kind, tp in tps.items():
            micro[kind] = block(micro_row, kind, tp)
        attributes = {
            f"{r.label}.{r.attribute}": {
                "compared": int(r.compared),
                "correct": int(r.correct),
                "accuracy": _clean(r.accuracy),
            }
            for r in self.attribute_table().itertuples()
        }
        docs = self.document_table()
        return {
            "documents": len(self.doc_ids),
            "micro": micro,
            "labels": labels,
            "attributes": attributes,
            "subjects": self.subject_summary(),
            "errors": {k: int(v) for k, v in self.errors_by_label().sum().items()},
            "per_document": {
                str(doc): {
                    "gold": int(r["gold"]),
                    "pred": int(r["pred"]),
                    "strict_f1": _clean(r["strict_f1"]),
                    "partial_f1": _clean(r["partial_f1"]),
                }
                for doc, r in docs.iterrows()
            },
            "missing_predictions": list(self.missing_predictions),
            "unpaired_predictions": list(self.unpaired_predictions),
            "warnings": list(self.warnings),
        }


# --- scoring --------------------------------------------------------------------------------


def _context(text: str | None, start: int, end: int) -> str:
    if not text:
        return ""
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    return f"{left}[{text[start:end]}]{right}".replace("\n", " ⏎ ")


def _main_value(m: Mapping[str, Any], label: str) -> Any:
    name = VALUE_ATTRIBUTE.get(label)
    return m.get(name) if name else None


def _span_text(m: Mapping[str, Any], text: str | None) -> str:
    return text[m["start"] : m["end"]] if text else str(m.get("text", ""))


def _valid_span(m: Mapping[str, Any]) -> bool:
    start, end = m.get("start"), m.get("end")
    return isinstance(start, int) and isinstance(end, int) and start < end


Span = tuple[int, int]


def _subject_span(
    subject: Any,
    figure: Mapping[str, Any],
    mentions: Sequence[Mapping[str, Any]],
    by_id: Mapping[str, Mapping[str, Any]],
) -> Span | None:
    """The span a FIGURE's ``subject`` names, or None.

    A subject is a ``{"start", "end"}`` span (guide gold), a mention id (records), or a
    mention text (the corpus gold): a text resolves to the nearest mention of a subject
    label with that text before the figure, else the nearest after it.
    """
    if subject is None:
        return None
    if isinstance(subject, Mapping):
        start, end = subject.get("start"), subject.get("end")
        return (start, end) if isinstance(start, int) and isinstance(end, int) else None
    if not isinstance(subject, str):
        return None
    if subject in by_id:
        target = by_id[subject]
        return (target["start"], target["end"])
    wanted = unicodedata.normalize("NFC", subject)
    same = [
        m
        for m in mentions
        if m.get("label") in SUBJECT_LABELS
        and unicodedata.normalize("NFC", str(m.get("text", ""))) == wanted
    ]
    before = [m for m in same if m["end"] <= figure["start"]]
    after = [m for m in same if m["start"] >= figure["end"]]
    if before:
        chosen = max(before, key=lambda m: m["start"])
    elif after:
        chosen = min(after, key=lambda m: m["start"])
    else:
        return None
    return (chosen["start"], chosen["end"])


def _subject_counts(
    doc_id: str,
    g_figs: Sequence[Mapping[str, Any]],
    p_figs: Sequence[Mapping[str, Any]],
    strict: Sequence[tuple[int, int]],
    gold_mentions: Sequence[Mapping[str, Any]],
    pred_mentions: Sequence[Mapping[str, Any]],
) -> tuple[dict[str, Any] | None, list[tuple[int, int, Span | None, Span | None]]]:
    """Subject counts of one document, and the strict pairs whose subjects differ."""
    if not any("subject" in g for g in g_figs):
        return None, []
    pred_ids = {str(m["id"]): m for m in pred_mentions if m.get("id") is not None}
    gold_subjects = [_subject_span(g.get("subject"), g, gold_mentions, {}) for g in g_figs]
    pred_subjects = [_subject_span(p.get("subject"), p, pred_mentions, pred_ids) for p in p_figs]
    wrong = [
        (i, j, gold_subjects[i], pred_subjects[j])
        for i, j in strict
        if gold_subjects[i] != pred_subjects[j]
    ]
    gold_pairs = {
        ((g["start"], g["end"]), s) for g, s in zip(g_figs, gold_subjects, strict=True) if s
    }
    pred_pairs = {
        ((p["start"], p["end"]), s) for p, s in zip(p_figs, pred_subjects, strict=True) if s
    }
    counts = {
        "doc_id": doc_id,
        "compared": len(strict),
        "correct": len(strict) - len(wrong),
        "gold_pairs": len(gold_pairs),
        "pred_pairs": len(pred_pairs),
        "pair_tp": len(gold_pairs & pred_pairs),
    }
    return counts, wrong


def _score_doc(
    gold: _Side, pred: _Side | None, labels: Sequence[str], attributes: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], dict[str, Any] | None]:
    counts: list[dict[str, Any]] = []
    attrs: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    subjects: dict[str, Any] | None = None
    text = gold.text
    pred_mentions = [m for m in (pred.mentions if pred else ()) if _valid_span(m)]
    gold_spans: dict[tuple[int, int], set[str]] = defaultdict(set)
    pred_spans: dict[tuple[int, int], set[str]] = defaultdict(set)
    for m in gold.mentions:
        gold_spans[(m["start"], m["end"])].add(m["label"])
    for m in pred_mentions:
        pred_spans[(m["start"], m["end"])].add(m.get("label"))

    def row(
        kind: str,
        label: str,
        g: Mapping[str, Any] | None,
        p: Mapping[str, Any] | None,
        **extra: Any,
    ) -> dict[str, Any]:
        start = min(x["start"] for x in (g, p) if x is not None)
        end = max(x["end"] for x in (g, p) if x is not None)
        other: set[str] = set()
        if g is not None and p is None:
            other = pred_spans.get((g["start"], g["end"]), set()) - {label}
        if p is not None and g is None:
            other = gold_spans.get((p["start"], p["end"]), set()) - {label}
        out = {
            "doc_id": gold.doc_id,
            "label": label,
            "kind": kind,
            "attribute": None,
            "gold_start": g["start"] if g else None,
            "gold_end": g["end"] if g else None,
            "gold_text": _span_text(g, text) if g else None,
            "gold_value": _main_value(g, label) if g else None,
            "pred_start": p["start"] if p else None,
            "pred_end": p["end"] if p else None,
            "pred_text": _span_text(p, text) if p else None,
            "pred_value": _main_value(p, label) if p else None,
            "rule": p.get("rule") if p else None,
            "other_label": ",".join(sorted(other)) or None,
            "context": _context(text, start, end),
        }
        out.update(extra)
        return out

    for label in labels:
        g_list = [m for m in gold.mentions if m["label"] == label]
        p_list = [m for m in pred_mentions if m.get("label") == label]
        strict, loose = match(g_list, p_list)
        value = 0
        if label in VALUE_ATTRIBUTE:
            v_strict, v_loose = match(g_list, p_list, _value_compatible(label))
            value = len(v_strict) + len(v_loose)
        counts.append(
            {
                "doc_id": gold.doc_id,
                "label": label,
                "gold": len(g_list),
                "pred": len(p_list),
                "strict": len(strict),
                "partial": len(strict) + len(loose),
                "value": value,
            }
        )
        for name in ATTRIBUTES.get(label, ()) if attributes else ():
            compared = correct = 0
            for i, j in strict:
                g_val, p_val = g_list[i].get(name), p_list[j].get(name)
                if g_val is None and p_val is None:
                    continue
                compared += 1
                if attribute_equal(label, name, g_val, p_val):
                    correct += 1
                else:
                    rows.append(
                        row(
                            "attribute",
                            label,
                            g_list[i],
                            p_list[j],
                            attribute=name,
                            gold_value=g_val,
                            pred_value=p_val,
                        )
                    )
            attrs.append(
                {
                    "doc_id": gold.doc_id,
                    "label": label,
                    "attribute": name,
                    "compared": compared,
                    "correct": correct,
                }
            )
        if label == "FIGURE" and attributes:
            subjects, wrong = _subject_counts(
                gold.doc_id, g_list, p_list, strict, gold.mentions, pred_mentions
            )
            for i, j, g_span, p_span in wrong:
                rows.append(
                    row(
                        "attribute",
                        label,
                        g_list[i],
                        p_list[j],
                        attribute="subject",
                        gold_value=_quote(text, g_span),
                        pred_value=_quote(text, p_span),
                    )
                )
        rows.extend(row("correct", label, g_list[i], p_list[j]) for i, j in strict)
        rows.extend(row("boundary", label, g_list[i], p_list[j]) for i, j in loose)
        matched_gold = {i for i, _ in strict} | {i for i, _ in loose}
        matched_pred = {j for _, j in strict} | {j for _, j in loose}
        rows.extend(
            row("missed", label, g, None) for i, g in enumerate(g_list) if i not in matched_gold
        )
        rows.extend(
            row("spurious", label, None, p) for j, p in enumerate(p_list) if j not in matched_pred
        )
    return counts, attrs, rows, subjects


def _quote(text: str | None, span: Span | None) -> str | None:
    """A subject span as ``text@start`` for error listings (None for no subject)."""
    if span is None:
        return None
    return f"{text[span[0] : span[1]] if text else ''}@{span[0]}"


def score(
    gold: Sequence[GoldDoc | Mapping[str, Any]],
    pred: Iterable[Mapping[str, Any]],
    *,
    labels: Sequence[str] = LABELS,
    attributes: bool = True,
) -> Scores:
    """Score predictions (records or gold-format dicts) against gold documents.

    Documents pair by ``doc_id``, else by text SHA-256 (``text_sha256`` or
    ``source.sha256``). A gold document without a prediction counts as predicting
    nothing; predictions without gold are listed, not scored. Only ``labels`` are scored;
    ``attributes=False`` skips attribute accuracy (for systems that predict none).
    """
    unknown = [lab for lab in labels if lab not in LABELS]
    if unknown:
        raise ValueError(f"unknown labels {unknown}; labels are {', '.join(LABELS)}")
    golds = [_gold_side(g) for g in gold]
    seen: set[str] = set()
    for g in golds:
        if g.doc_id in seen:
            raise ValueError(f"two gold documents share doc_id {g.doc_id!r}")
        seen.add(g.doc_id)
    preds = [_pred_side(p) for p in pred]
    by_id = {p.doc_id: p for p in preds}
    by_sha = {p.sha256: p for p in preds if p.sha256}
    warnings: list[str] = []
    counts: list[dict[str, Any]] = []
    attrs: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    subject_rows: list[dict[str, Any]] = []
    missing: list[str] = []
    used: set[int] = set()
    for g in golds:
        p = by_id.get(g.doc_id) or (by_sha.get(g.sha256) if g.sha256 else None)
        if p is None:
            missing.append(g.doc_id)
        else:
            used.add(id(p))
            if g.sha256 and p.sha256 and g.sha256 != p.sha256:
                warnings.append(
                    f"{g.doc_id}: the prediction was made on a different text "
                    "(sha256 differs); offsets may not be comparable"
                )
            odd = sorted({str(m.get("label")) for m in p.mentions} - set(LABELS))
            if odd:
                warnings.append(f"{g.doc_id}: predicted labels not in the guide ignored: {odd}")
        c, a, r, subj = _score_doc(g, p, labels, attributes)
        counts += c
        attrs += a
        rows += r
        if subj is not None:
            subject_rows.append(subj)
    unpaired = [p.doc_id for p in preds if id(p) not in used]
    return Scores(
        labels=tuple(labels),
        doc_ids=tuple(g.doc_id for g in golds),
        counts=pd.DataFrame(
            counts, columns=["doc_id", "label", "gold", "pred", "strict", "partial", "value"]
        ),
        attributes=pd.DataFrame(
            attrs, columns=["doc_id", "label", "attribute", "compared", "correct"]
        ),
        alignment=pd.DataFrame(rows, columns=list(_ALIGNMENT_COLUMNS)),
        subjects=pd.DataFrame(subject_rows, columns=list(_SUBJECT_COLUMNS)),
        missing_predictions=tuple(missing),
        unpaired_predictions=tuple(unpaired),
        warnings=tuple(warnings),
    )


# --- inputs ---------------------------------------------------------------------------------


def load_predictions(path: Path | str) -> list[dict[str, Any]]:
    """Records from a ``.json`` file (one record or a list), a ``.jsonl`` file, or a directory
    of such files (sorted by name). Raises :class:`RecordError` on unreadable JSON."""
    path = Path(path)
    files = [path]
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl"))
    records: list[dict[str, Any]] = []
    for file in files:
        try:
            content = file.read_text(encoding="utf-8")
            if file.suffix == ".jsonl":
                items = [json.loads(line) for line in content.splitlines() if line.strip()]
            else:
                loaded = json.loads(content)
                items = loaded if isinstance(loaded, list) else [loaded]
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise RecordError(f"cannot read predictions: {err}", path=str(file)) from err
        except RecursionError:
            raise RecordError("cannot read: nested too deeply", path=str(file)) from None
        for item in items:
            if not isinstance(item, dict) or "mentions" not in item:
                raise RecordError("not a record (no 'mentions')", path=str(file))
            if not isinstance(item["mentions"], list):
                raise RecordError("'mentions' is not a list", path=str(file))
            for i, mention in enumerate(item["mentions"]):
                if not isinstance(mention, dict):
                    raise RecordError(f"mention {i} is not a JSON object", path=str(file))
            records.append(item)
    return records


def run_pipeline(golds: Sequence[GoldDoc]) -> list[dict[str, Any]]:
    """Records of :func:`pipeline.api.extract_path` on each gold text, keyed by gold doc_id."""
    from pipeline.api import extract_path

    records = []
    for g in golds:
        if g.text_path is None:
            raise ValueError(f"{g.doc_id}: gold document has no text file to run on")
        records.append({**extract_path(g.text_path), "doc_id": g.doc_id})
    return records


@dataclass(frozen=True, eq=False)
class Evaluation:
    """Scores of the system, and of a baseline on the labels it can predict (or None)."""

    scores: Scores
    baseline: Scores | None = None
    baseline_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = self.scores.to_dict()
        if self.baseline is not None:
            out["baseline"] = {"name": self.baseline_name, **self.baseline.to_dict()}
        return out


def evaluate_dirs(
    gold_dir: Path | str,
    pred: Path | str | None = None,
    *,
    run: bool = False,
    texts_dir: Path | str | None = None,
    baseline: str | None = None,
) -> Evaluation:
    """Gold directory against predictions read from ``pred`` or made by the pipeline (``run``).

    ``baseline="underthesea"`` also scores underthesea's NER on PERSON, PLACE and ORG.
    """
    if (pred is None) == (not run):
        raise ValueError("give either a predictions path or run=True")
    predict_baseline = None
    if baseline is not None:
        from pipeline.evaluation.baseline import BASELINES

        if baseline not in BASELINES:
            raise ValueError(f"unknown baseline {baseline!r}; known: {', '.join(BASELINES)}")
        predict_baseline, labels = BASELINES[baseline]
    golds = load_gold_dir(gold_dir, texts_dir=texts_dir)
    records = run_pipeline(golds) if run else load_predictions(pred)  # type: ignore[arg-type]
    scores = score(golds, records)
    if predict_baseline is None:
        return Evaluation(scores)
    base = score(golds, [predict_baseline(g) for g in golds], labels=labels, attributes=False)
    return Evaluation(scores, base, baseline)


# --- reports --------------------------------------------------------------------------------


def compare(systems: Mapping[str, Scores], *, labels: Sequence[str] | None = None) -> pd.DataFrame:
    """Strict and partial F1 side by side, per label (and micro over ``labels``)."""
    first = next(iter(systems.values()))
    labels = list(labels or first.labels)
    frame = pd.DataFrame(index=[*labels, "micro"])
    for name, scores in systems.items():
        sums = scores._label_sums().reindex(labels, fill_value=0)
        for kind in ("strict", "partial"):
            f1 = [prf(r[kind], r["gold"], r["pred"])[2] for _, r in sums.iterrows()]
            total = sums.sum()
            f1.append(prf(total[kind], total["gold"], total["pred"])[2])
            frame[f"{name} {kind}_f1"] = f1
    frame.index.name = "label"
    return frame


def _fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _markdown_table(frame: pd.DataFrame, *, index: bool = True) -> str:
    headers = ([frame.index.name or ""] if index else []) + [str(c) for c in frame.columns]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    # Row by row through object dtype, so integer columns stay integers.
    for key, row in zip(frame.index, frame.astype(object).itertuples(index=False), strict=True):
        cells = ([str(key)] if index else []) + [_fmt(v) for v in row]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def _sections(
    scores: Scores, baseline: Scores | None, baseline_name: str | None
) -> list[tuple[str, pd.DataFrame, bool]]:
    sections = [
        ("Scores per label", scores.table(), True),
        ("Attribute accuracy (strict matches)", scores.attribute_table(), False),
        (
            "Figure subjects (accuracy on strict FIGURE matches; pair P/R/F1)",
            scores.subject_table(),
            True,
        ),
        (
            "Worst articles by strict F1",
            scores.worst_documents()[["gold", "pred", "strict_f1", "partial_f1", "errors"]],
            True,
        ),
        ("Errors by label", scores.errors_by_label(), True),
        ("Rules with most span errors", scores.errors_by_rule().head(15), True),
    ]
    if baseline is not None:
        name = baseline_name or "baseline"
        table = compare({"vnie": scores, name: baseline}, labels=baseline.labels)
        sections.insert(1, (f"Against {name} on {', '.join(baseline.labels)}", table, True))
    return sections


def _headline(scores: Scores) -> str:
    m = scores.micro
    total = scores.table().loc["micro"]
    return (
        f"{len(scores.doc_ids)} article(s), {int(total['gold'])} gold and {int(total['pred'])} "
        f"predicted mentions. Micro F1: strict {_fmt(m['strict_f1'])}, partial "
        f"{_fmt(m['partial_f1'])}, value {_fmt(m['value_f1'])}. Figure subject pair F1: "
        f"{_fmt(scores.subject_summary()['pair_f1'])}."
    )


def _notes(scores: Scores) -> list[str]:
    notes = list(scores.warnings)
    if scores.missing_predictions:
        notes.append("no prediction for: " + ", ".join(scores.missing_predictions))
    if scores.unpaired_predictions:
        notes.append("predictions without gold: " + ", ".join(scores.unpaired_predictions))
    return notes


def render_markdown(
    scores: Scores, *, baseline: Scores | None = None, baseline_name: str | None = None
) -> str:
    """A Markdown report: headline, per-label table, attributes, worst articles, error counts."""
    parts = ["# vnie evaluation", "", _headline(scores), ""]
    parts += [f"- {note}" for note in _notes(scores)]
    for title, frame, index in _sections(scores, baseline, baseline_name):
        parts += ["", f"## {title}", "", _markdown_table(frame, index=index)]
    return "\n".join(parts) + "\n"


_CSS = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
    "td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}th{background:#eee}"
)


def render_html(
    scores: Scores,
    *,
    baseline: Scores | None = None,
    baseline_name: str | None = None,
    max_errors: int = 500,
) -> str:
    """A standalone HTML report: the Markdown report's tables plus the first errors."""
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>vnie evaluation</title>",
        f"<style>{_CSS}</style></head><body><h1>vnie evaluation</h1>",
        f"<p>{html.escape(_headline(scores))}</p>",
    ]
    parts += [f"<p>{html.escape(note)}</p>" for note in _notes(scores)]
    for title, frame, index in _sections(scores, baseline, baseline_name):
        parts.append(f"<h2>{html.escape(title)}</h2>")
        parts.append(frame.to_html(index=index, float_format=_fmt, na_rep="–"))
    errors = scores.errors
    parts.append(f"<h2>Errors ({len(errors)}, first {min(len(errors), max_errors)})</h2>")
    parts.append(errors.head(max_errors).to_html(index=False, na_rep=""))
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(scores: Scores | Evaluation, path: Path | str) -> Path:
    """Write the report as HTML (``.html``/``.htm``) or Markdown (``.md``) by suffix."""
    path = Path(path)
    evaluation = scores if isinstance(scores, Evaluation) else Evaluation(scores)
    kwargs = {"baseline": evaluation.baseline, "baseline_name": evaluation.baseline_name}
    if path.suffix.lower() in (".html", ".htm"):
        content = render_html(evaluation.scores, **kwargs)
    elif path.suffix.lower() in (".md", ".markdown"):
        content = render_markdown(evaluation.scores, **kwargs)
    else:
        raise ValueError(f"report must end in .html or .md, not {path.name!r}")
    path.write_text(content, encoding="utf-8")
    return path
