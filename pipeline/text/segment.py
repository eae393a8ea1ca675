"""underthesea's ``sent_tokenize`` and ``word_tokenize``, loaded without its package import.

``import underthesea`` runs its ``__init__``, which imports every pipeline it offers (POS,
chunking, NER, classification) and joblib with numpy: about 0.5 s of a 1 s cold start,
none of it used by word segmentation. Here the three pieces segmentation needs are
loaded from underthesea's own files: the sentence splitter module, the regex
tokenizer module (with its two text-normalisation imports supplied by stand-ins that
read the same rule file) and the CRF word model (underthesea_core, its feature list and
dictionary read by an unpickler that accepts builtin values only). :func:`word_tokenize`
then does what ``underthesea.word_tokenize(text, use_token_normalize=False)`` does, step
for step.

When underthesea is already imported, or its layout differs from what is expected here,
the package's own functions are used: same results, only slower to load.
"""

from __future__ import annotations

import importlib.util
import pickle
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import regex
from vi_textmatch.tone import normalize_tone

from pipeline.resources import installed_package_dir

_WORD_MODEL = "pipeline/word_tokenize/models/ws_crf_vlsp2013_20230727"
_RULES = "pipeline/text_normalize/tn_rules_2023_07_14.bin"


def underthesea_dir() -> Path | None:
    """The installed underthesea package directory, found without importing it."""
    return installed_package_dir("underthesea")


@cache
def dictionary_words() -> frozenset[str]:
    """Vietnamese words of two or more syllables, lowercase: the Viet74K word list that ships
    as plain text inside the underthesea package (``underthesea/corpus/data``)."""
    root = underthesea_dir()  # found, not imported: the package import loads every model
    if root is None:  # pragma: no cover - underthesea is a dependency
        return frozenset()
    path = root / "corpus" / "data" / "Viet74K.txt"
    if not path.exists():  # pragma: no cover - every released wheel has it
        return frozenset()
    words = {w.strip().casefold() for w in path.read_text(encoding="utf-8").splitlines()}
    # The list writes the old tone placement (hoà bình, thuỷ lợi) for about 1,800 words;
    # working text has the one ingest normalises to (hòa bình): keep both spellings.
    return frozenset(spelling for w in words if " " in w for spelling in (w, normalize_tone(w)))


_NEXT_LOWER_SYLLABLE = regex.compile(r" \p{Ll}[\p{L}\p{M}]*")


def dictionary_word_end(text: str, start: int, end: int, *, syllables: int = 1) -> int | None:
    """End of the longest dictionary word (:func:`dictionary_words`) that ``text[start:end]``
    makes with the next one to ``syllables`` lowercase syllables, one space apart, or None
    (``Arsenal thua`` is none; ``bài`` + ``thi`` is ``bài thi``)."""
    found = None
    pos = end
    for _ in range(syllables):
        nxt = _NEXT_LOWER_SYLLABLE.match(text, pos)
        if nxt is None:
            break
        pos = nxt.end()
        if text[start:pos].casefold() in dictionary_words():
            found = pos
    return found


def _load_file(name: str, file: Path) -> ModuleType:
    """Execute ``file`` as a module called ``name`` (not registered in ``sys.modules``)."""
    spec = importlib.util.spec_from_file_location(name, file)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {file}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def _stand_ins(modules: dict[str, ModuleType]) -> Iterator[None]:
    """``modules`` in ``sys.modules`` for the duration, then ``sys.modules`` as it was."""
    saved = {name: sys.modules.get(name) for name in modules}
    sys.modules.update(modules)
    try:
        yield
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def _module(name: str, **attrs: Any) -> ModuleType:
    module = ModuleType(name)
    module.__dict__.update(attrs)
    module.__path__ = []  # a package, so that submodules resolve to the stand-ins
    return module


class _PlainData(pickle.Unpickler):
    """An unpickler that rebuilds only builtin values (str, list, dict, set, numbers):
    any class or function reference in the stream is refused, so it cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused: {module}.{name} in a data file")


def read_underthesea_data(path: Path) -> Any:
    """One of underthesea's data files (joblib wrote them as plain pickles of builtin
    values: a feature list, a word set, a character map). underthesea itself reads them
    with ``joblib.load``, which accepts any class; here nothing but builtin values is
    accepted, and joblib (with numpy, ~0.1 s to import) is not needed."""
    with path.open("rb") as handle:
        return _PlainData(handle).load()


class _Light:
    """The segmentation pieces of underthesea, loaded from its files."""

    def __init__(self, root: Path) -> None:
        from underthesea_core import CRFFeaturizer, CRFTagger

        character_map: dict[str, str] = read_underthesea_data(root / _RULES)["character"]

        def normalize_characters_in_text(text: str) -> str:
            text = unicodedata.normalize("NFC", text)
            for non_standard, standard in character_map.items():
                text = text.replace(non_standard, standard)
            return text

        def token_normalize(token: str, use_character_normalize: bool = True) -> str:
            raise RuntimeError("token normalisation is not used by vnie")

        normalize = "underthesea.pipeline.text_normalize"
        stand_ins = {
            "underthesea": _module("underthesea"),
            "underthesea.pipeline": _module("underthesea.pipeline"),
            normalize: _module(normalize, token_normalize=token_normalize),
            f"{normalize}.character_normalize": _module(
                f"{normalize}.character_normalize",
                normalize_characters_in_text=normalize_characters_in_text,
            ),
        }
        with _stand_ins(stand_ins):
            regex_tokenize = _load_file(
                "_vnie_underthesea_regex_tokenize",
                root / "pipeline/word_tokenize/regex_tokenize.py",
            )
        sentences = _load_file(
            "_vnie_underthesea_sent_tokenize", root / "pipeline/sent_tokenize/__init__.py"
        )
        model = root / _WORD_MODEL
        tagger = CRFTagger()
        tagger.load(str(model / "models.bin"))
        featurizer = CRFFeaturizer(
            read_underthesea_data(model / "features.bin"),
            read_underthesea_data(model / "dictionary.bin"),
        )
        # ``tokenize`` returns, for each match of ``patterns`` (alternatives that are each
        # one named group), the first named group that matched: the whole match.
        self._tokens = regex_tokenize.patterns.finditer
        self._normalize: Callable[[str], str] = normalize_characters_in_text
        self.tokenize: Callable[..., list[str]] = regex_tokenize.tokenize
        self.sent_tokenize: Callable[[str], list[str]] = sentences.sent_tokenize
        self.featurize = featurizer.process
        self.tag = tagger.tag

    def word_tokenize(self, text: str) -> list[str]:
        """``underthesea.word_tokenize(text, use_token_normalize=False)``."""
        tokens = [m.group() for m in self._tokens(self._normalize(text))]
        tags = self.tag(self.featurize([[[token] for token in tokens]])[0])
        output: list[str] = []
        for i, (tag, token) in enumerate(zip(tags, tokens, strict=False)):
            if tag == "I-W" and i > 0:
                output[-1] = output[-1] + " " + token
            else:
                output.append(token)
        return output


@cache
def _light() -> _Light | None:
    if "underthesea" in sys.modules:
        return None
    root = underthesea_dir()
    if root is None:
        return None
    try:
        return _Light(root)
    except Exception:  # another underthesea layout: use the package itself
        return None


def sent_tokenize(text: str) -> list[str]:
    """``underthesea.sent_tokenize(text)``."""
    light = _light()
    if light is not None:
        return light.sent_tokenize(text)
    from underthesea import sent_tokenize as package_sent_tokenize

    return package_sent_tokenize(text)


def word_tokenize(text: str) -> list[str]:
    """``underthesea.word_tokenize(text, use_token_normalize=False)``: the words of
    ``text`` as strings, syllables joined by one space."""
    light = _light()
    if light is not None:
        return light.word_tokenize(text)
    from underthesea import word_tokenize as package_word_tokenize

    return package_word_tokenize(text, use_token_normalize=False)
