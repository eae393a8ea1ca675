"""Every bug found by fuzzing or hostile input, as a minimal article and its expected facts.

``tests/regressions/NAME.txt`` holds the article's raw bytes; ``NAME.json`` says which bug
it caught (``bug``) and what its record must hold: ``encoding``, ``title`` and
``event_name`` texts, ``mentions`` (label, text after NFC, and attributes each must
carry) and exact per-label ``counts``. Every case must also validate against its bytes
and give the same facts as its NFC and NFD versions. Bugs that only show at scale
(quadratic time) have a generated large case below as well.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from pipeline.api import extract_bytes, extract_text
from pipeline.record.validate import validate_record
from pipeline.text.ingest import decode, normalise
from pipeline.text.tokenize import build_context

from fuzz import facts, facts_difference

CASES = Path(__file__).resolve().parent / "regressions"
NAMES = sorted(p.stem for p in CASES.glob("*.txt"))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_every_case_has_its_expectations() -> None:
    assert len(NAMES) >= 7
    assert sorted(p.stem for p in CASES.glob("*.json")) == NAMES
    for name in NAMES:
        spec = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
        assert spec["bug"].startswith("pipeline/") and spec["mentions"], name


@pytest.mark.parametrize("name", NAMES)
def test_regression_case(name: str) -> None:
    data = (CASES / f"{name}.txt").read_bytes()
    spec = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    record = extract_bytes(data, path=f"{name}.txt")
    source = decode(data).text
    assert record["validation"] == {"valid": True, "problems": []}
    assert validate_record(record, source_bytes=data) == []
    assert record["source"]["encoding"] == spec["encoding"]
    if "title" in spec:
        assert _nfc(record["title"]["text"]) == spec["title"]
    if "event_name" in spec:
        assert _nfc(record["event"]["name"]["text"]) == spec["event_name"]
    for expected in spec["mentions"]:
        attrs = {k: v for k, v in expected.items() if k not in ("label", "text")}
        matches = [
            m
            for m in record["mentions"]
            if m["label"] == expected["label"]
            and _nfc(m["text"]) == _nfc(expected["text"])
            and all(m.get(k) == v for k, v in attrs.items())
        ]
        assert matches, f"{name}: no mention {expected}"
        assert all(source[m["start"] : m["end"]] == m["text"] for m in matches)
    counts = Counter(m["label"] for m in record["mentions"])
    for label, count in spec.get("counts", {}).items():
        assert counts[label] == count, (name, label)
    nfc = extract_text(_nfc(source))
    nfd = extract_text(unicodedata.normalize("NFD", source))
    assert facts_difference(facts(nfc), facts(nfd)) == []
    assert facts_difference(facts(nfc), facts(record)) == []


# --- bugs that only show at scale ------------------------------------------------------------


def test_a_line_with_a_huge_unbroken_run_is_one_sentence_of_syllables() -> None:
    """underthesea is quadratic on such runs (100,000 characters took minutes)."""
    run = "1.000.000-" * 10_000 + "a." * 50_000
    text = f"Xã Liên Lộc có 1.200 hộ dân.\n{run}\nHuyện Hậu Lộc có 495,29 ha đất."
    ctx = build_context(normalise(text))
    line_start = text.index(run)
    assert (line_start, line_start + len(run)) in ctx.sentences
    tokens = [t.text for t in ctx.doc if line_start <= t.idx < line_start + len(run)]
    assert "".join(tokens) == run
    record = extract_text(text)
    assert record["validation"]["valid"]
    assert [m["text"] for m in record["mentions"] if m["label"] == "FIGURE"] == [
        "1.200 hộ dân",
        "495,29 ha",
    ]


def test_thousands_of_names_in_one_list_are_all_found() -> None:
    """people.py compared each name with every earlier one: 46,000 names on one line took
    73 s (now 8 s)."""
    surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
    given = ["An", "Bình", "Cường", "Dũng", "Hải", "Khánh", "Long", "Minh", "Nam", "Phúc"]
    names = [f"{s} Văn {g}" for s in surnames for g in given] * 100
    text = "Danh sách khen thưởng gồm các ông " + ", ".join(names) + ".\n"
    record = extract_text(text)
    assert record["validation"]["valid"]
    people = [m for m in record["mentions"] if m["label"] == "PERSON"]
    assert len(people) == len(names) == 8_000
    assert people[-1]["start"] == text.rindex(names[-1])


def test_nan_in_caller_metadata_is_reported_not_written_as_valid() -> None:
    """validate.py accepted NaN/Infinity from JSONL metadata, which is not JSON."""
    record = extract_text("Xã Liên Lộc có 1.200 hộ dân.", metadata={"score": math.nan})
    assert record["validation"]["problems"] == ["metadata/score: nan is not strict JSON"]
    assert validate_record({**record, "metadata": {"score": 1.5}}) == []
