"""The project's own corpus: every gold file is sound, every record validates, and the
relations the dev gold cannot check (figure subjects, award phrasings) are measured here."""

from __future__ import annotations

import json

import pytest

from pipeline.api import extract_path
from pipeline.evaluation.gold import load_gold_dir
from pipeline.record.validate import validate_record

from conftest import ANNOTATIONS, CORPUS


@pytest.fixture(scope="module")
def corpus() -> list[tuple[dict, dict]]:
    """(gold, record) for every corpus article."""
    pairs = []
    for path in sorted(ANNOTATIONS.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        pairs.append((gold, extract_path(CORPUS / f"{gold['doc_id']}.txt")))
    return pairs


def test_gold_files_are_sound() -> None:
    """sha256, offsets, labels, order and overlaps (load_gold_dir refuses any problem)."""
    assert len(load_gold_dir(ANNOTATIONS)) == len(list(CORPUS.glob("*.txt")))


def test_every_corpus_article_has_gold() -> None:
    articles = {p.stem for p in CORPUS.glob("*.txt")}
    gold = {p.stem for p in ANNOTATIONS.glob("*.json")}
    assert articles == gold


def test_every_corpus_record_validates_against_schema_and_source(corpus) -> None:
    for _, record in corpus:
        source = CORPUS / f"{record['doc_id']}.txt"
        assert validate_record(record, source_bytes=source.read_bytes()) == [], record["doc_id"]


def test_award_phrasings_are_covered(corpus) -> None:
    with_awards = [g for g, _ in corpus if any(m["label"] == "AWARD" for m in g["mentions"])]
    assert len(with_awards) >= 10


def test_figure_subjects_the_corpus_gold_names_are_found(corpus) -> None:
    """The corpus gold names a subject (text of a PLACE/ORG) only where the figure plainly
    measures it (``Xã X có diện tích …``); guide v2 also gives subjects the corpus gold leaves
    out (a person's land, a body's counts), so recall is checked here and the full v2
    relation is scored on ../shared/dev (test_dev_scores)."""
    named = found = 0
    for gold, record in corpus:
        by_id = {m["id"]: m for m in record["mentions"]}
        predicted = {
            (m["start"], m["end"]): m for m in record["mentions"] if m["label"] == "FIGURE"
        }
        for m in gold["mentions"]:
            if m["label"] != "FIGURE" or not m.get("subject"):
                continue
            named += 1
            pred = predicted.get((m["start"], m["end"]))
            subject = by_id[pred["subject"]]["text"] if pred and pred.get("subject") else None
            found += subject == m["subject"]
    assert named >= 30
    assert found / named >= 0.9


def test_award_counts_on_the_corpus(corpus) -> None:
    gold = {
        (g["doc_id"], m["start"], m["end"], m["count"])
        for g, _ in corpus
        for m in g["mentions"]
        if m["label"] == "AWARD"
    }
    pred = {
        (r["doc_id"], m["start"], m["end"], m["count"])
        for _, r in corpus
        for m in r["mentions"]
        if m["label"] == "AWARD"
    }
    hits = len(gold & pred)
    f1 = 2 * hits / (len(gold) + len(pred))
    assert f1 >= 0.85
