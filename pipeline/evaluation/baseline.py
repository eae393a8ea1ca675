"""underthesea's NER as a baseline: PER/LOC/ORG mapped to PERSON/PLACE/ORG with source offsets.

underthesea returns word strings, not offsets, and rewrites some of them (tone-mark
placement, ``qui`` → ``quy``, NFC). Each word is realigned to the text by its
*skeleton* (letters without diacritics, lower case, no spaces), searched from where
the previous word ended; a word that cannot be found nearby is skipped and counted,
and an entity with a skipped word is dropped rather than given invented offsets.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.evaluation.gold import GoldDoc
from pipeline.text.ingest import normalise
from pipeline.text.tokenize import line_ranges

#: underthesea NER tag → guide label.
LABEL_MAP: dict[str, str] = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
BASELINE_LABELS: tuple[str, ...] = ("PERSON", "PLACE", "ORG")
RULE = "baseline.underthesea"

# How far past the expected position a word may be found (skeleton characters).
_SLACK = 16
# Trimmed from entity edges: underthesea keeps sentence punctuation on words (``TP.HCM.``).
_EDGE_PUNCT = ".,;:!?\"'“”‘’()[]{}«»…-–—/"
_SKELETON_FOLD = {"đ": "d", "ð": "d", "y": "i"}


@dataclass(frozen=True)
class BaselineResult:
    """Mentions (guide format plus ``rule``) and how many underthesea words were unalignable."""

    mentions: tuple[dict[str, Any], ...]
    unaligned_words: int


def _skeleton_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    base = base.lower()
    return "".join(_SKELETON_FOLD.get(c, c) for c in base if not c.isspace())


class _Aligner:
    """Finds underthesea words in one stretch of text, left to right."""

    def __init__(self, text: str, start: int, end: int) -> None:
        chars: list[str] = []
        owner: list[int] = []
        for i in range(start, end):
            for c in _skeleton_char(text[i]):
                chars.append(c)
                owner.append(i)
        self.skeleton = "".join(chars)
        self.owner = owner
        self.cursor = 0
        self.slack = _SLACK

    def find(self, word: str) -> tuple[int, int] | None:
        """The span of ``word`` in the text, or None when it is not near the cursor."""
        key = "".join(_skeleton_char(c) for c in word)
        if not key:
            return None
        limit = self.cursor + self.slack + len(key)
        at = self.skeleton.find(key, self.cursor, limit)
        if at < 0:
            self.slack += len(key)
            return None
        self.cursor = at + len(key)
        self.slack = _SLACK
        return self.owner[at], self.owner[at + len(key) - 1] + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1] in _EDGE_PUNCT or text[end - 1].isspace()):
        end -= 1
    while start < end and (text[start] in _EDGE_PUNCT or text[start].isspace()):
        start += 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return start, end


class _Entity:
    """An entity being read word by word; ``complete`` is False once a word failed to align."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.start: int | None = None
        self.end: int | None = None
        self.complete = True

    def add(self, span: tuple[int, int] | None) -> None:
        if span is None:
            self.complete = False
            return
        self.start = span[0] if self.start is None else self.start
        self.end = span[1]


def run_underthesea(text: str) -> BaselineResult:
    """underthesea NER over ``text``, line by line then sentence by sentence, realigned."""
    from underthesea import ner, sent_tokenize

    working = normalise(text, strip_boilerplate=False)
    entities: list[_Entity] = []
    unaligned = 0
    for line_start, line_end in line_ranges(working.text):
        aligner = _Aligner(working.text, line_start, line_end)
        for sentence in sent_tokenize(working.text[line_start:line_end]):
            current: _Entity | None = None
            for word, *_, tag in ner(sentence):
                found = aligner.find(word)
                unaligned += found is None
                prefix, _, kind = tag.partition("-")
                label = LABEL_MAP.get(kind) if prefix in ("B", "I") else None
                if current is None or prefix != "I" or label != current.label:
                    current = _Entity(label) if label else None
                    if current is not None:
                        entities.append(current)
                if current is not None:
                    current.add(found)
    mentions: dict[tuple[int, int, str], dict[str, Any]] = {}
    for entity in entities:
        if not entity.complete or entity.start is None or entity.end is None:
            continue
        start, end = _trim(text, *working.to_source(entity.start, entity.end))
        if start < end:
            mentions[(start, end, entity.label)] = {
                "label": entity.label,
                "start": start,
                "end": end,
                "text": text[start:end],
                "rule": RULE,
            }
    return BaselineResult(tuple(mentions[k] for k in sorted(mentions)), unaligned)


def underthesea_mentions(text: str) -> list[dict[str, Any]]:
    """PERSON/PLACE/ORG mentions found by underthesea, with exact offsets into ``text``."""
    return list(run_underthesea(text).mentions)


def underthesea_prediction(gold: GoldDoc) -> dict[str, Any]:
    """A gold-format prediction for one gold document (for :func:`pipeline.evaluate.score`)."""
    result = run_underthesea(gold.text)
    return {
        "doc_id": gold.doc_id,
        "text_sha256": gold.text_sha256,
        "mentions": list(result.mentions),
        "unaligned_words": result.unaligned_words,
    }


#: Baselines by name: a predictor over a gold document and the labels it can predict.
BASELINES: Mapping[str, tuple[Callable[[GoldDoc], dict[str, Any]], Sequence[str]]] = {
    "underthesea": (underthesea_prediction, BASELINE_LABELS),
}
