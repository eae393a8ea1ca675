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
