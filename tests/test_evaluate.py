"""Scoring: hand-computed cases, an independent recomputation on dev, reports, baseline."""

from __future__ import annotations

import json
import math
import random
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from pipeline.evaluation.baseline import run_underthesea
from pipeline.evaluation.gold import load_gold_dir, text_sha256
from pipeline.evaluation.scores import (
    attribute_equal,
    evaluate_dirs,
    load_predictions,
    match,
    render_html,
    render_markdown,
    score,
    write_report,
)
from pipeline.types import LABELS

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "dev"

TEXT = (
    "Chủ tịch UBND xã Liên Lộc Lý Bách Chiến cho biết, ngày 12/8/2022 thôn 3 có 1.200 hộ "
    "và 495,29 ha; 3 tập thể được tặng bằng khen."
)


def m(label: str, sub: str, **attrs: object) -> dict:
    start = TEXT.index(sub)
    return {"label": label, "start": start, "end": start + len(sub), "text": sub, **attrs}


GOLD = {
    "doc_id": "001",
    "text_sha256": text_sha256(TEXT),
    "text": TEXT,
    "mentions": [
        m("TITLE", "Chủ tịch UBND xã Liên Lộc"),
        m("ORG", "UBND xã Liên Lộc", expanded="Ủy ban nhân dân xã Liên Lộc"),
        m("PLACE", "xã Liên Lộc", level="commune", name="Liên Lộc"),
        m("PERSON", "Lý Bách Chiến", title="Chủ tịch UBND xã Liên Lộc"),
        m("DATE", "12/8/2022", value="2022-08-12"),
        m("PLACE", "thôn 3", level="village", name="3"),
        m("FIGURE", "1.200 hộ", value=1200, unit="hộ", quantity="households"),
        m("FIGURE", "495,29 ha", value=495.29, unit="ha", quantity="area"),
        m("AWARD", "3 tập thể", count=3, recipient="collective"),
    ],
}

PRED = {
    "schema_version": "1.0",
    "doc_id": "001",
    "source": {"path": "x/001.txt", "sha256": text_sha256(TEXT)},
    "mentions": [
        m("TITLE", "Chủ tịch UBND xã Liên Lộc", rule="title.head"),  # strict
        m("ORG", "UBND xã", rule="org.head"),  # boundary
        m("PLACE", "xã Liên Lộc", level="district", rule="place.unit"),  # strict, level wrong
        m("PLACE", "Liên Lộc", rule="place.bare"),  # its gold is taken: spurious
        m("DATE", "ngày 12/8/2022", value="2022-08-12", rule="date.dmy"),  # boundary, value ok
        m("FIGURE", "1.200 hộ", value=1200.0, unit="hộ", quantity="households", rule="fig.n"),
        m("FIGURE", "495,29", value=495.29, rule="fig.n"),  # boundary, value ok
        m("FIGURE", "3 tập thể", value=3, unit="tập thể", quantity="count", rule="fig.n"),
        m("AWARD", "3 tập thể", count=2, recipient="collective", rule="award.n"),  # count wrong
    ],
}


def test_hand_computed_counts() -> None:
    scores = score([GOLD], [PRED])
    t = scores.table()
    expected = {  # label: gold, pred, strict, partial
        "TITLE": (1, 1, 1, 1),
        "ORG": (1, 1, 0, 1),
        "PLACE": (2, 2, 1, 1),
        "PERSON": (1, 0, 0, 0),
        "DATE": (1, 1, 0, 1),
        "FIGURE": (2, 3, 1, 2),
        "AWARD": (1, 1, 1, 1),
    }
    for label, (gold, pred, strict, partial) in expected.items():
        row = t.loc[label]
        assert (row["gold"], row["pred"]) == (gold, pred), label
        if pred:
            assert row["strict_p"] == pytest.approx(strict / pred)
        else:
            assert math.isnan(row["strict_p"])  # precision of nothing predicted is undefined
        assert row["strict_r"] == pytest.approx(strict / gold)
        assert row["partial_f1"] == pytest.approx(2 * partial / (gold + pred))
    assert t.loc["micro", "strict_p"] == pytest.approx(4 / 9)
    assert t.loc["micro", "strict_f1"] == pytest.approx(8 / 18)
    assert t.loc["micro", "partial_r"] == pytest.approx(7 / 9)
    # value: DATE 1/1, FIGURE 2 of 2 gold (3 pred), AWARD 0 (count 2 ≠ 3).
    assert t.loc["FIGURE", "value_p"] == pytest.approx(2 / 3)
    assert t.loc["AWARD", "value_f1"] == 0
    assert t.loc["micro", "value_p"] == pytest.approx(3 / 5)
    assert t.loc["micro", "value_r"] == pytest.approx(3 / 4)
    attrs = scores.attribute_table().set_index(["label", "attribute"])
    assert attrs.loc[("PLACE", "level"), ["compared", "correct"]].tolist() == [1, 0]
    assert attrs.loc[("FIGURE", "value"), ["compared", "correct"]].tolist() == [1, 1]
    assert attrs.loc[("AWARD", "count"), ["compared", "correct"]].tolist() == [1, 0]
    assert attrs.loc[("AWARD", "recipient"), "accuracy"] == 1.0
    assert attrs.loc[("PERSON", "title"), "compared"] == 0


def test_error_table_rows() -> None:
    errors = score([GOLD], [PRED]).errors
    assert Counter(errors["kind"]) == {"missed": 2, "spurious": 2, "boundary": 3, "attribute": 2}
    missed = errors[errors["kind"] == "missed"]
    assert set(missed["gold_text"]) == {"Lý Bách Chiến", "thôn 3"}
    figure = errors[(errors["kind"] == "spurious") & (errors["label"] == "FIGURE")].iloc[0]
    assert (figure["pred_text"], figure["rule"], figure["other_label"]) == (
        "3 tập thể",
        "fig.n",
        "AWARD",
    )
    boundary = errors[(errors["kind"] == "boundary") & (errors["label"] == "ORG")].iloc[0]
    assert (boundary["gold_text"], boundary["pred_text"]) == ("UBND xã Liên Lộc", "UBND xã")
    assert "[UBND xã Liên Lộc]" in boundary["context"]
    attr = errors[errors["attribute"] == "level"].iloc[0]
    assert (attr["gold_value"], attr["pred_value"], attr["rule"]) == (
        "commune",
        "district",
        "place.unit",
    )


def test_grouping_helpers() -> None:
    scores = score([GOLD], [PRED])
    by_label = scores.errors_by_label()
    assert by_label.loc["PLACE"].tolist() == [1, 1, 0, 1]  # missed, spurious, boundary, attr
    by_rule = scores.errors_by_rule()
    assert by_rule.loc["fig.n", ["predicted", "correct", "boundary", "spurious"]].tolist() == [
        3,
        1,
        1,
        1,
    ]
    assert by_rule.loc["place.unit", "attribute"] == 1
    worst = scores.worst_documents(1)
    assert worst.index.tolist() == ["001"]
    assert worst.iloc[0]["strict_f1"] == pytest.approx(8 / 18)


def test_partial_matching_is_maximal_and_one_to_one() -> None:
    gold = [{"start": 0, "end": 10}, {"start": 10, "end": 12}]
    pred = [{"start": 0, "end": 11}, {"start": 9, "end": 10}]
    # Greedy by overlap alone pairs pred 0 with gold 0 and leaves gold 1 unmatched.
    strict, loose = match(gold, pred)
    assert strict == [] and loose == [(0, 1), (1, 0)]
    # Identical spans are paired first; a second prediction on the same gold is spurious.
    strict, loose = match(
        [{"start": 0, "end": 5}], [{"start": 1, "end": 5}, {"start": 0, "end": 5}]
    )
    assert strict == [(0, 1)] and loose == []


def test_value_comparison() -> None:
    assert attribute_equal("FIGURE", "value", 1200, "1200.0")
    assert attribute_equal("FIGURE", "value", 495.29, 495.29000000000002)
    assert not attribute_equal("FIGURE", "value", 495.29, 495.3)
    assert attribute_equal("AWARD", "count", 3, 3.0)
    assert not attribute_equal("DATE", "value", "2022-08", "2022-08-01")
    assert attribute_equal("PERSON", "title", "Chủ tịch", unicodedata.normalize("NFD", "Chủ tịch"))
    assert not attribute_equal("PERSON", "title", None, "Chủ tịch")


def test_pairing_by_sha_missing_and_unpaired_documents() -> None:
    other = {**GOLD, "doc_id": "002", "text_sha256": "f" * 64}
    renamed = {**PRED, "doc_id": "corpus-001"}
    stray = {"doc_id": "zzz", "mentions": []}
    scores = score([GOLD, other], [renamed, stray])
    assert scores.missing_predictions == ("002",)
    assert scores.unpaired_predictions == ("zzz",)
    t = scores.table()
    assert t.loc["micro", "gold"] == 18 and t.loc["micro", "pred"] == 9
    assert t.loc["micro", "strict_r"] == pytest.approx(4 / 18)


def test_reports_and_json(tmp_path: Path) -> None:
    scores = score([GOLD], [PRED])
    data = json.loads(json.dumps(scores.to_dict()))
    assert data["micro"]["strict"]["f1"] == pytest.approx(8 / 18)
    assert [data["micro"][k]["tp"] for k in ("strict", "partial", "value")] == [4, 7, 3]
    assert data["labels"]["FIGURE"]["value"]["tp"] == 2
    assert data["labels"]["PERSON"]["strict"]["precision"] is None
    assert data["attributes"]["PLACE.level"] == {"compared": 1, "correct": 0, "accuracy": 0.0}
    assert data["errors"] == {"missed": 2, "spurious": 2, "boundary": 3, "attribute": 2}
    md = render_markdown(scores)
    assert "| micro | 9 | 9 | 0.444 |" in md
    assert "## Worst articles by strict F1" in md
    html = render_html(scores)
    assert html.count("<table") == 7 and "Lý Bách Chiến" in html
    assert write_report(scores, tmp_path / "r.md").read_text(encoding="utf-8") == md
    assert "<h1>" in write_report(scores, tmp_path / "r.html").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match=r"\.html or \.md"):
        write_report(scores, tmp_path / "r.pdf")


def _perturb(docs: list) -> tuple[list[dict], Counter, Counter]:
    """Predictions from dev gold: some dropped, shrunk, value-changed or relabelled copies.

    Returns the predictions, per-label expected counts and expected error kinds.
    """
    rng = random.Random(7)
    preds = []
    expected: Counter = Counter()
    kinds: Counter = Counter()
    for doc in docs:
        mentions = []
        for g in doc.mentions:
            lab = g["label"]
            expected[lab, "gold"] += 1
            roll = rng.random()
            if roll < 0.1:
                kinds["missed"] += 1
                continue
            p = dict(g)
            expected[lab, "pred"] += 1
            if roll < 0.25 and g["end"] - g["start"] > 1:
                p["end"] -= 1  # a sub-span of g overlaps g only
                kinds["boundary"] += 1
                expected[lab, "partial"] += 1
                if lab in ("DATE", "FIGURE", "AWARD"):
                    expected[lab, "value"] += 1
            else:
                expected[lab, "strict"] += 1
                expected[lab, "partial"] += 1
                if lab == "FIGURE" and roll > 0.9:
                    p["value"] = g["value"] + 1
                    kinds["attribute"] += 1
                elif lab in ("DATE", "FIGURE", "AWARD"):
                    expected[lab, "value"] += 1
            mentions.append(p)
            # A copy under a label with no gold overlapping it is spurious.
            free = [
                other
                for other in LABELS
                if not any(
                    x["label"] == other and x["start"] < g["end"] and g["start"] < x["end"]
                    for x in doc.mentions
                )
            ]
            if roll > 0.8 and free:
                copy = {"label": free[0], "start": g["start"], "end": g["end"], "text": g["text"]}
                mentions.append(copy)
                expected[free[0], "pred"] += 1
                kinds["spurious"] += 1
        preds.append({"doc_id": doc.doc_id, "mentions": mentions})
    return preds, expected, kinds


def test_independent_recomputation_on_dev() -> None:
    docs = load_gold_dir(DEV)
    preds, expected, kinds = _perturb(docs)
    scores = score(docs, preds)
    counts = scores.counts.groupby("label")[["gold", "pred", "strict", "partial", "value"]].sum()
    for label in LABELS:
        for col in ("gold", "pred", "strict", "partial"):
            assert counts.loc[label, col] == expected[label, col], (label, col)
        if label in ("DATE", "FIGURE", "AWARD"):
            assert counts.loc[label, "value"] == expected[label, "value"], label
    # Strict TP recomputed as a plain set intersection over all documents.
    gold_set = {(d.doc_id, x["label"], x["start"], x["end"]) for d in docs for x in d.mentions}
    pred_set = {
        (p["doc_id"], x["label"], x["start"], x["end"]) for p in preds for x in p["mentions"]
    }
    t = scores.table()
    assert t.loc["micro", "strict_p"] == pytest.approx(len(gold_set & pred_set) / len(pred_set))
    assert t.loc["micro", "strict_r"] == pytest.approx(len(gold_set & pred_set) / len(gold_set))
    assert Counter(scores.errors["kind"]) == kinds
    assert min(kinds.values()) > 10  # the perturbation exercised every kind


def test_evaluate_dirs_reads_prediction_files(tmp_path: Path) -> None:
    docs = load_gold_dir(DEV)
    preds, _, _ = _perturb(docs)
    for p in preds[:-1]:
        (tmp_path / f"{p['doc_id']}.json").write_text(json.dumps(p), encoding="utf-8")
    (tmp_path / "rest.jsonl").write_text(json.dumps(preds[-1]) + "\n", encoding="utf-8")
    assert len(load_predictions(tmp_path)) == len(docs)
    evaluation = evaluate_dirs(DEV, tmp_path)
    direct = score(docs, preds)
    assert evaluation.to_dict()["micro"] == direct.to_dict()["micro"]
    with pytest.raises(ValueError, match="either"):
        evaluate_dirs(DEV, tmp_path, run=True)
    with pytest.raises(ValueError, match="unknown baseline 'spacy'; known: underthesea"):
        evaluate_dirs(DEV, tmp_path, baseline="spacy")


def test_underthesea_baseline_offsets_are_exact() -> None:
    text = (
        "Ông Nguyễn Văn Hùng, Chủ tịch UBND tỉnh Quảng Nam, đến thăm Hà Nội.\n"
        "Bà Trần Thị Hoà làm việc tại Đà Nẵng."
    )
    for source in (text, unicodedata.normalize("NFD", text)):
        result = run_underthesea(source)
        assert result.unaligned_words == 0
        assert all(source[x["start"] : x["end"]] == x["text"] for x in result.mentions)
        found = {(x["label"], unicodedata.normalize("NFC", x["text"])) for x in result.mentions}
        # underthesea rewrites "Hoà" as "Hòa"; the mention keeps the source's spelling.
        assert {("PERSON", "Nguyễn Văn Hùng"), ("PERSON", "Trần Thị Hoà")} <= found
        assert {("PLACE", "Hà Nội"), ("PLACE", "Đà Nẵng")} <= found
        assert all(x["rule"] == "baseline.underthesea" for x in result.mentions)


def test_underthesea_baseline_counts_words_it_cannot_realign() -> None:
    # underthesea rewrites the misspelling "nghành" as "ngành": a different skeleton.
    text = "Lãnh đạo nghành y tế tỉnh Quảng Nam làm việc với ông Nguyễn Văn Hùng."
    result = run_underthesea(text)
    assert result.unaligned_words == 1
    assert ("PERSON", "Nguyễn Văn Hùng") in {(x["label"], x["text"]) for x in result.mentions}
    assert all(text[x["start"] : x["end"]] == x["text"] for x in result.mentions)


SUBJECT_TEXT = "Xã Liên Lộc có 1.200 hộ, 4.680 nhân khẩu; hơn 500 người tham dự lễ hội ở thôn 3."


def sm(sub: str, mention_id: str | None = None, **attrs: object) -> dict:
    start = SUBJECT_TEXT.index(sub)
    out = {"start": start, "end": start + len(sub), "text": sub, **attrs}
    if mention_id:
        out["id"] = mention_id
    return out


def _subject_case(gold_subject: object) -> tuple[dict, dict]:
    commune = sm("Xã Liên Lộc")
    gold = {
        "doc_id": "s1",
        "text_sha256": text_sha256(SUBJECT_TEXT),
        "text": SUBJECT_TEXT,
        "mentions": [
            sm("Xã Liên Lộc", label="PLACE", level="commune"),
            sm("1.200 hộ", label="FIGURE", value=1200, subject=gold_subject(commune)),
            sm("4.680 nhân khẩu", label="FIGURE", value=4680, subject=gold_subject(commune)),
            sm("500 người", label="FIGURE", value=500, subject=None),
            sm("thôn 3", label="PLACE", level="village"),
        ],
    }
    pred = {
        "doc_id": "s1",
        "mentions": [
            sm("Xã Liên Lộc", "m1", label="PLACE", level="commune"),
            sm("1.200 hộ", "m2", label="FIGURE", value=1200, subject="m1"),  # right
            sm("4.680 nhân khẩu", "m3", label="FIGURE", value=4680, subject=None),  # missed
            sm("500 người", "m4", label="FIGURE", value=500, subject="m5"),  # spurious
            sm("thôn 3", "m5", label="PLACE", level="village"),
        ],
    }
    return gold, pred


@pytest.mark.parametrize(
    "gold_subject",
    [lambda span: {k: span[k] for k in ("start", "end", "text")}, lambda span: span["text"]],
    ids=["span", "text"],
)
def test_figure_subjects_hand_computed(gold_subject: object) -> None:
    gold, pred = _subject_case(gold_subject)
    scores = score([gold], [pred])
    summary = scores.subject_summary()
    # 3 strict FIGURE matches, 1 with the same subject span; null = null would count too.
    assert (summary["compared"], summary["correct"]) == (3, 1)
    assert summary["accuracy"] == pytest.approx(1 / 3)
    # gold pairs: (1.200 hộ, Xã), (4.680, Xã); predicted: (1.200 hộ, Xã), (500 người, thôn 3)
    assert (summary["gold_pairs"], summary["pred_pairs"], summary["pair_tp"]) == (2, 2, 1)
    assert summary["pair_p"] == summary["pair_r"] == summary["pair_f1"] == pytest.approx(0.5)
    errors = scores.errors[scores.errors["attribute"] == "subject"]
    assert sorted(errors["gold_text"]) == ["4.680 nhân khẩu", "500 người"]
    by_figure = errors.set_index("gold_text")
    assert by_figure.loc["4.680 nhân khẩu", "gold_value"] == "Xã Liên Lộc@0"
    assert by_figure.loc["4.680 nhân khẩu", "pred_value"] is None
    assert by_figure.loc["500 người", "pred_value"].startswith("thôn 3@")
    assert scores.to_dict()["subjects"]["pair_f1"] == pytest.approx(0.5)
    report = render_markdown(scores)
    assert "Figure subjects" in report and "pair_f1" in report
    assert "FIGURE.subject" in render_html(scores)


def test_figure_subjects_all_right_and_unannotated_documents() -> None:
    gold, pred = _subject_case(lambda span: {k: span[k] for k in ("start", "end", "text")})
    pred["mentions"][2]["subject"] = "m1"
    pred["mentions"][3]["subject"] = None
    summary = score([gold], [pred]).subject_summary()
    assert (summary["compared"], summary["correct"], summary["pair_f1"]) == (3, 3, 1.0)
    # A gold without subjects (guide v1) is not scored for them.
    for mention in gold["mentions"]:
        mention.pop("subject", None)
    summary = score([gold], [pred]).subject_summary()
    assert (summary["compared"], summary["gold_pairs"], summary["pair_f1"]) == (0, 0, None)
