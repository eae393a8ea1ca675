"""Shared fixtures: where the real articles live (``../shared``) and the project's corpus.

Hypothesis profiles (``HYPOTHESIS_PROFILE``, default ``ci``): ``ci`` is deterministic
(derandomized, no example database, so a failure found once elsewhere never sticks to a
machine and every run tries the same examples); ``explore`` draws new random examples each
run and keeps failures in ``.hypothesis/`` to replay them while debugging.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

from pipeline.api import extract_text

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False)
#: The profile this session runs the property tests with.
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or "ci"
settings.load_profile(HYPOTHESIS_PROFILE)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "000_733452ca63a47b73.txt"
DEV = SHARED / "dev"
DEV2 = SHARED / "dev2"
CORPUS = ROOT / "corpus"
ANNOTATIONS = ROOT / "annotations"


def mentions_of(text: str, label: str) -> list[dict]:
    """The mentions of ``label`` that vnie extracts from ``text``, in record order."""
    return [m for m in extract_text(text)["mentions"] if m["label"] == label]


def texts_of(text: str, label: str) -> list[str]:
    """The texts of :func:`mentions_of`."""
    return [m["text"] for m in mentions_of(text, label)]


def titles_of(text: str) -> dict[str, str | None]:
    """Each PERSON of ``text`` with the ``title`` attached to it (None when none)."""
    return {m["text"]: m.get("title") for m in mentions_of(text, "PERSON")}


def subjects_of(text: str) -> dict[str, str | None]:
    """Each FIGURE of ``text`` with the text of its subject (None when it has none)."""
    record = extract_text(text)
    by_id = {m["id"]: m for m in record["mentions"]}
    return {
        m["text"]: (by_id[m["subject"]]["text"] if m.get("subject") else None)
        for m in record["mentions"]
        if m["label"] == "FIGURE"
    }


def dev_pairs() -> list[tuple[Path, Path]]:
    """(text, gold) pairs of the real dev articles; empty when ../shared is absent."""
    return [(t, t.with_suffix(".json")) for t in sorted(DEV.glob("*.txt"))]


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(SEED_TEXT.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_record() -> dict:
    from pipeline.api import extract_path

    return extract_path(SEED_TEXT)


@pytest.fixture(scope="session")
def dev_records() -> list[tuple[dict, dict]]:
    """(gold, record) for every dev article, extracted once per test session."""
    from pipeline.api import extract_path

    if not DEV.is_dir():
        pytest.fail(f"{DEV} is missing: the tests read the real dev articles from ../shared")
    return [
        (json.loads(gold.read_text(encoding="utf-8")), extract_path(text))
        for text, gold in dev_pairs()
    ]


def spans(mentions: list[dict], label: str) -> list[tuple[int, int, str]]:
    return sorted((m["start"], m["end"], m["text"]) for m in mentions if m["label"] == label)
