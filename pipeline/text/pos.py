"""The usual word class of one Vietnamese word, from underthesea's POS model.

underthesea ships a CRF part-of-speech model trained on VLSP 2013
(``pipeline/pos_tag/models/pos_crf_vlsp2013_20230303``). Tagged alone, a word gets its
most usual class (``trình`` V, ``tích cực`` A, ``hải sản`` N): enough to tell the verb or
adverbial after a name from a word of the name, without tagging whole sentences. The
model is read the way :mod:`pipeline.text.segment` reads the word model (its data files
through the builtin-only unpickler), loaded on first use (~0.15 s); one word then costs
about 10 µs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from pipeline.text.segment import read_underthesea_data, underthesea_dir

_POS_MODEL = "pipeline/pos_tag/models/pos_crf_vlsp2013_20230303"


@cache
def _tagger() -> Callable[[str], str] | None:
    root = underthesea_dir()
    if root is None:  # pragma: no cover - underthesea is a dependency
        return None
    model = root / _POS_MODEL
    try:
        from underthesea_core import CRFFeaturizer, CRFTagger

        tagger = CRFTagger()
        tagger.load(str(model / "models.bin"))
        featurizer = CRFFeaturizer(
            read_underthesea_data(model / "features.bin"),
            read_underthesea_data(model / "dictionary.bin"),
        )
    except Exception:  # pragma: no cover - another underthesea layout: no classes
        return None

    def tag(word: str) -> str:
        return tagger.tag(featurizer.process([[[word]]])[0])[0]

    return tag


@cache
def word_class(word: str) -> str:
    """The VLSP class of ``word`` (syllables joined by one space) tagged alone: ``N``,
    ``V``, ``A``, ``E`` …; ``""`` when the model is not available."""
    tag = _tagger()
    if tag is None:
        return ""
    label = tag(word)
    return label[2:] if label.startswith(("B-", "I-")) else label
