"""Accuracy on the real dev articles (../shared/dev): the thresholds the issues promise.

Scores are computed by :mod:`pipeline.evaluation.scores` (itself checked against hand-computed
cases in test_evaluate.py); underthesea's NER is scored on the same files so that vnie
must beat it on every label it can predict.
"""

from __future__ import annotations

import pytest

from pipeline.evaluation.scores import evaluate_dirs

from conftest import DEV, DEV2


@pytest.fixture(scope="module")
def evaluation():
    return evaluate_dirs(DEV, run=True, baseline="underthesea")


def _row(table, label: str) -> dict:
    return table.loc[label].to_dict()


def _assert_at_least(row: dict, strict: float, partial: float | None, value: float | None) -> None:
    assert row["strict_f1"] >= strict
    if partial is not None:
        assert row["partial_f1"] >= partial
    if value is not None:
        assert row["value_f1"] >= value


@pytest.mark.parametrize(
    ("label", "strict", "partial", "value"),
    [
        # The issues' targets, or the measured score less about 0.015 where it is higher.
        ("DATE", 0.98, 0.98, 0.98),
        ("FIGURE", 0.97, 0.98, 0.98),
        ("PERSON", 0.97, 0.975, None),
        ("PLACE", 0.97, 0.97, None),
        ("TITLE", 0.96, 0.96, None),
        ("ORG", 0.94, 0.955, None),
        ("AWARD", 0.94, 0.94, 0.94),
        ("micro", 0.96, 0.97, 0.98),
    ],
)
def test_dev_thresholds(evaluation, label: str, strict, partial, value) -> None:
    _assert_at_least(_row(evaluation.scores.table(), label), strict, partial, value)


@pytest.fixture(scope="module")
def evaluation_dev2():
    return evaluate_dirs(DEV2, run=True)


@pytest.mark.parametrize(
    ("label", "strict", "partial", "value"),
    [
        # dev2 after the rules were changed for it (README "dev2 now"), less about 0.015:
        # floors against regressions, not the first-sight estimate of unseen news.
        ("DATE", 0.97, 0.98, 0.98),
        ("FIGURE", 0.955, 0.96, 0.96),
        ("PERSON", 0.95, 0.96, None),
        ("PLACE", 0.955, 0.96, None),
        ("TITLE", 0.945, 0.955, None),
        ("ORG", 0.90, 0.945, None),
        ("AWARD", 1.0, 1.0, 1.0),
        ("micro", 0.94, 0.955, 0.97),
    ],
)
def test_dev2_thresholds(evaluation_dev2, label: str, strict, partial, value) -> None:
    _assert_at_least(_row(evaluation_dev2.scores.table(), label), strict, partial, value)


@pytest.mark.parametrize(
    ("attribute", "dev", "dev2"),
    [
        ("PERSON.title", 0.92, 0.94),
        ("PLACE.level", 0.99, 0.99),
        ("DATE.value", 0.99, 0.99),
        ("FIGURE.quantity", 0.99, 0.98),
    ],
)
def test_attribute_accuracy(evaluation, evaluation_dev2, attribute: str, dev, dev2) -> None:
    key = tuple(attribute.split("."))
    for result, floor in ((evaluation, dev), (evaluation_dev2, dev2)):
        table = result.scores.attribute_table().set_index(["label", "attribute"])
        assert table.loc[key, "accuracy"] >= floor, (attribute, floor)


def test_place_level_accuracy(evaluation) -> None:
    table = evaluation.scores.attribute_table().set_index(["label", "attribute"])
    assert table.loc[("PLACE", "level"), "accuracy"] >= 0.95


def test_figure_subject_pairs(evaluation) -> None:
    """Guide v2 relation: (figure span, subject span) pair F1 on dev. The issue's target is
    0.85 (measured 0.912 now), so any fall below it fails."""
    summary = evaluation.scores.subject_summary()
    assert summary["gold_pairs"] >= 90
    assert summary["pair_f1"] >= 0.85
    assert summary["accuracy"] >= 0.90


def test_figure_subject_pairs_on_dev2(evaluation_dev2) -> None:
    """dev2 (first sight 0.374; issue 12's target 0.85, measured 0.878 now)."""
    summary = evaluation_dev2.scores.subject_summary()
    assert summary["gold_pairs"] >= 90
    assert summary["pair_f1"] >= 0.85


def test_person_title_accuracy(evaluation, evaluation_dev2) -> None:
    """Issues 11/12: every post of a person, as written, on both dev sets (0.849 and 0.903
    before; measured 0.934 on dev and 0.958 on dev2 now)."""
    for result in (evaluation, evaluation_dev2):
        table = result.scores.attribute_table().set_index(["label", "attribute"])
        assert table.loc[("PERSON", "title"), "accuracy"] >= 0.90


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
