"""Accuracy on the real dev articles (../shared/dev): the thresholds the issues promise.

Scores are computed by :mod:`pipeline.evaluation.scores` (itself checked against hand-computed
cases in test_evaluate.py); underthesea's NER is scored on the same files so that vnie
must beat it on every label it can predict.
"""

from __future__ import annotations

import pytest

from pipeline.evaluation.scores import evaluate_dirs

from conftest import DEV


@pytest.fixture(scope="module")
def evaluation():
    return evaluate_dirs(DEV, run=True, baseline="underthesea")


def _row(table, label: str) -> dict:
    return table.loc[label].to_dict()


@pytest.mark.parametrize(
    ("label", "strict", "partial", "value"),
    [
        ("DATE", 0.90, None, 0.95),
        ("FIGURE", 0.85, None, 0.95),
        ("PERSON", 0.85, 0.90, None),
        ("PLACE", 0.85, 0.90, None),
        ("TITLE", 0.85, None, None),
        ("ORG", 0.75, None, None),
        ("AWARD", 0.85, None, 0.90),
    ],
)
def test_dev_thresholds(evaluation, label: str, strict, partial, value) -> None:
    row = _row(evaluation.scores.table(), label)
    assert row["strict_f1"] >= strict
    if partial is not None:
        assert row["partial_f1"] >= partial
    if value is not None:
        assert row["value_f1"] >= value


def test_place_level_accuracy(evaluation) -> None:
    table = evaluation.scores.attribute_table().set_index(["label", "attribute"])
    assert table.loc[("PLACE", "level"), "accuracy"] >= 0.95


def test_figure_subject_pairs(evaluation) -> None:
    """Guide v2 relation: (figure span, subject span) pair F1 on dev. The issue's target is
    0.85 (measured 0.907 when it was reached), so any fall below it fails."""
    summary = evaluation.scores.subject_summary()
    assert summary["gold_pairs"] >= 90
    assert summary["pair_f1"] >= 0.85
    assert summary["accuracy"] >= 0.90


def test_figure_subject_pairs_on_dev2() -> None:
    """dev2 (first sight 0.374; issue 12's target 0.85, measured 0.864 when reached)."""
    summary = evaluate_dirs(DEV.parent / "dev2", run=True).scores.subject_summary()
    assert summary["gold_pairs"] >= 90
    assert summary["pair_f1"] >= 0.85


@pytest.mark.parametrize("label", ["PERSON", "PLACE", "ORG"])
def test_vnie_beats_underthesea(evaluation, label: str) -> None:
    ours = _row(evaluation.scores.table(), label)
    theirs = _row(evaluation.baseline.table(), label)
    assert ours["strict_f1"] > theirs["strict_f1"]
    assert ours["partial_f1"] > theirs["partial_f1"]


def test_every_dev_record_validates() -> None:
    """Schema, sha256, offsets, order, references and values, against the source bytes."""
    from pipeline.api import extract_path
    from pipeline.record.validate import validate_record

    texts = sorted(DEV.glob("*.txt"))
    assert texts
    for text in texts:
        record = extract_path(text)
        assert validate_record(record, source_bytes=text.read_bytes()) == [], text.name
