"""Vietnamese word segmentation (underthesea) into a spaCy ``Doc`` over the working text.

Lines first (so a title line is always its own sentence), then
``underthesea.sent_tokenize``, then ``word_tokenize(..., use_token_normalize=False)``
(both through :mod:`pipeline.text.segment`, which loads them without the rest of
underthesea).
underthesea returns strings, not offsets, and may rewrite characters, so every word
is realigned to the text syllable by syllable; a sentence that cannot be realigned
falls back to syllable tokens, never to made-up offsets.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from pipeline.text.ingest import WorkingText, normalise
from pipeline.text.scan import WORD, Word
from pipeline.text.segment import sent_tokenize, word_tokenize

if TYPE_CHECKING:  # spaCy is imported only when a Doc is built (it takes ~0.6 s)
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

_SYLLABLE = regex.compile(r"\w+(?:[.,/:\-]\w+)*|[^\w\s]", regex.UNICODE)
_NON_SPACE = regex.compile(r"\S+")
_LINE = regex.compile(r"\S(?:[^\n]*\S)?")
#: underthesea's word and sentence tokenizers are quadratic in the length of an unbroken
#: run such as ``1.000.000-1.000.000-…`` or ``a.a.a…`` (no real word is this long): such a
#: line is one sentence, split into syllables.
_LONG_RUN = regex.compile(r"\S{500}")


@dataclass(frozen=True)
class DocContext:
    """What every extractor reads: the working text, its words and sentences.

    ``words`` are the segmented words as sorted working-text ``(start, end)`` ranges;
    ``sentences`` and ``lines`` are working-text ``(start, end)`` ranges; ``title`` is the
    first non-empty line, or None. ``dateline`` is the article's ISO date (``YYYY-MM-DD``)
    when known. ``doc``, a spaCy ``Doc`` over the same words, is built only when asked for.
    """

    text: str
    words: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    lines: tuple[tuple[int, int], ...]
    title: tuple[int, int] | None
    dateline: str | None = None

    @cached_property
    def doc(self) -> Doc:
        """A spaCy ``Doc`` whose ``token.idx`` are working-text offsets: the words, and
        whitespace runs other than one space as their own ``is_space`` tokens."""
        starts = {a for a, _ in self.words}
        sent_starts = {s for s, _ in self.sentences if s in starts}
        return build_doc(self.text, list(self.words), sent_starts)

    @cached_property
    def word_spans(self) -> frozenset[tuple[int, int]]:
        """Working ``(start, end)`` of every segmented word."""
        return frozenset(self.words)

    @cached_property
    def _word_starts_sorted(self) -> list[int]:
        return [start for start, _ in self.words]

    def word_at(self, pos: int) -> tuple[int, int] | None:
        """The word covering working offset ``pos``, if any."""
        i = bisect.bisect_right(self._word_starts_sorted, pos) - 1
        if i >= 0 and pos < self.words[i][1]:
            return self.words[i]
        return None

    @cached_property
    def word_starts(self) -> frozenset[int]:
        """Working offsets where a segmented word starts."""
        return frozenset(start for start, _ in self.word_spans)

    @cached_property
    def _line_words(self) -> dict[tuple[int, int], list[Word]]:
        return {}

    def words_of(self, line: tuple[int, int]) -> list[Word]:
        """The syllable-level words (:mod:`pipeline.text.scan`) of one line, computed once."""
        words = self._line_words.get(line)
        if words is None:
            words = self._line_words[line] = [
                Word(m.start(), m.end(), m.group()) for m in WORD.finditer(self.text, *line)
            ]
        return words

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence range containing working offset ``pos`` (or the nearest before it)."""
        if not self.sentences:
            return (0, len(self.text))
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[max(i, 0)]


def line_ranges(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of ``text`` as stripped ``(start, end)`` ranges."""
    return [m.span() for m in _LINE.finditer(text)]


def _strip_range(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_ranges(text: str, line: tuple[int, int]) -> list[tuple[int, int]]:
    """underthesea sentences of one line, located in the text."""
    start, end = line
    chunk = text[start:end]
    if _LONG_RUN.search(chunk):
        return [line]
    out: list[tuple[int, int]] = []
    cursor = 0
    for sent in sent_tokenize(chunk):
        sent = sent.strip()
        if not sent:
            continue
        at = chunk.find(sent, cursor)
        if at < 0:
            # underthesea rewrote the sentence: keep the rest of the line as one sentence.
            break
        if at > cursor and chunk[cursor:at].strip():
            out.append(_strip_range(text, start + cursor, start + at))
        out.append((start + at, start + at + len(sent)))
        cursor = at + len(sent)
    if chunk[cursor:].strip():
        out.append(_strip_range(text, start + cursor, end))
    return out


def _word_ranges(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Word spans of one line: underthesea words realigned, else syllables."""
    start, end = span
    chunk = text[start:end]
    if _LONG_RUN.search(chunk):
        return [(start + a, start + b) for a, b in _syllable_spans(chunk)]
    spans: list[tuple[int, int]] = []
    pos = 0
    for word in word_tokenize(chunk):
        word_start = None
        for syllable in word.split():
            while pos < len(chunk) and chunk[pos].isspace():
                pos += 1
            if not chunk.startswith(syllable, pos):
                return [(start + a, start + b) for a, b in _syllable_spans(chunk)]
            if word_start is None:
                word_start = pos
            pos += len(syllable)
        if word_start is not None:
            spans.append((start + word_start, start + pos))
    if chunk[pos:].strip():
        rest = [(pos + a, pos + b) for a, b in _syllable_spans(chunk[pos:])]
        spans.extend((start + a, start + b) for a, b in rest)
    return spans


def _syllable_spans(chunk: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _SYLLABLE.finditer(chunk)]
    # Characters no syllable covers (rare symbols) still need a token.
    covered = {i for a, b in spans for i in range(a, b)}
    spans += [m.span() for m in _NON_SPACE.finditer(chunk) if m.start() not in covered]
    return sorted(spans)


_VOCAB: list[Vocab] = []
_MAX_VOCAB_STRINGS = 200_000


def _vocab() -> Vocab:
    """A shared vocabulary, renewed when it grows large: fast, and memory stays flat."""
    if not _VOCAB or len(_VOCAB[0].strings) > _MAX_VOCAB_STRINGS:
        from spacy.lang.lex_attrs import LEX_ATTRS
        from spacy.vocab import Vocab

        _VOCAB[:] = [Vocab(lex_attr_getters=LEX_ATTRS)]
    return _VOCAB[0]


def build_doc(text: str, words: list[tuple[int, int]], sent_starts: set[int]) -> Doc:
    """A spaCy Doc over ``text`` whose tokens are exactly ``words`` plus whitespace tokens."""
    from spacy.tokens import Doc

    tokens: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []

    def add_gap(gap: str) -> None:
        if tokens and not spaces[-1] and gap.startswith(" "):
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            tokens.append(gap)
            spaces.append(False)
            starts.append(False)

    pos = 0
    for a, b in words:
        add_gap(text[pos:a])
        tokens.append(text[a:b])
        spaces.append(False)
        starts.append(a in sent_starts)
        pos = b
    add_gap(text[pos:])
    if starts:
        starts[0] = True
    return Doc(_vocab(), words=tokens, spaces=spaces, sent_starts=starts)


def build_context(working: WorkingText, *, dateline: str | None = None) -> DocContext:
    """Segment the working text into lines, sentences and words."""
    text = working.text
    lines = line_ranges(text)
    sentences: list[tuple[int, int]] = []
    words: list[tuple[int, int]] = []
    for line in lines:
        # One word_tokenize call per line, not per sentence: its per-call cost dominates,
        # and no word crosses a sentence end (that is punctuation of its own).
        sentences.extend(_sentence_ranges(text, line))
        words.extend(_word_ranges(text, line))
    title = lines[0] if lines else None
    return DocContext(text, tuple(words), tuple(sentences), tuple(lines), title, dateline)


def token_spans(text: str) -> list[tuple[int, int]]:
    """Word spans of ``text`` as offsets into ``text`` itself (for format converters).

    Two words that normalisation drew from one source cluster (a letter with stacked
    combining marks) map to the same source characters; they become one span.
    """
    working = normalise(text, strip_boilerplate=False)
    context = build_context(working)
    spans: list[tuple[int, int]] = []
    for word_start, word_end in context.words:
        start, end = working.to_source(word_start, word_end)
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans
