"""Small, shared helpers for rule matching over the working text.

Extractors compile their lexicons into regex alternations with :func:`phrase_regex` and
walk syllables with :func:`words_from`; both respect Vietnamese word boundaries
(letters with diacritics are word characters).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, NamedTuple, TypeVar

import regex

T = TypeVar("T")

#: A typographic apostrophe inside a word belongs to it (K’Cường, H’Hen); at a word's end it
#: closes a quotation.
WORD = regex.compile(r"[\w&]+(?:['’ʼ][\w&]+)*(?:[.\-&][\w&]+)*|\S", regex.UNICODE)
_UPPER_START = regex.compile(r"^\p{Lu}")
#: Search it ending at a position: that position opens a line or a sentence (after a full
#: stop, a colon, a semicolon or an opening quote), where any word is capitalised.
SENTENCE_OPEN = regex.compile(r"(?:^|[.!?:;\n\"“][ \t]*)\Z")


class Word(NamedTuple):
    """One syllable-like word of the working text (or one punctuation character).

    A named tuple rather than a frozen dataclass: articles have tens of thousands of
    words and a tuple is built several times faster.
    """

    start: int
    end: int
    text: str

    @property
    def is_punct(self) -> bool:
        return not (self.text[0].isalnum() or self.text[0] in "&'")

    @property
    def is_capitalised(self) -> bool:
        return bool(_UPPER_START.match(self.text))

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()

    @property
    def is_abbreviation(self) -> bool:
        """Capitals (and digits/&/-/.), at least two letters: UBND, NN-PTNT, T.Ư, ThS."""
        letters = [ch for ch in self.text if ch.isalpha()]
        upper = sum(ch.isupper() for ch in letters)
        return len(letters) >= 2 and upper >= 2 and upper >= len(letters) - 1


def phrase_regex(phrases: Iterable[str], *, ignore_case: bool = False) -> regex.Pattern[str]:
    """An alternation of ``phrases`` (longest first) bounded by non-word characters.

    Spaces inside a phrase match any run of spaces or tabs (never a newline).
    """
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = grouped_alternation(
        ((p, regex.escape(p).replace("\\ ", "[ \\t]+")) for p in unique), ignore_case=ignore_case
    )
    flags = regex.UNICODE | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile(rf"(?<![\w&.])(?:{body})(?![\w&])", flags)


def grouped_alternation(
    alternatives: Iterable[tuple[str, str]], *, ignore_case: bool = False
) -> str:
    """One regex alternation of ``(text, pattern)`` pairs, tried in the order given.

    Each pattern must match its text's first character as written (or in either case
    with ``ignore_case``). The pairs are grouped by that character behind a lookahead, so
    that at a position the engine tries only the group the character opens: the same
    first match as the flat alternation, many times faster for a lexicon of thousands of
    entries (regex tries a flat alternation's branches one by one at every position).
    """
    groups: dict[str, list[str]] = {}
    for text, pattern in alternatives:
        key = text[:1]
        if ignore_case and len(key.lower()) == 1:
            key = key.lower()
        groups.setdefault(key, []).append(pattern)
    return "|".join(
        f"(?={regex.escape(key)})(?:{'|'.join(patterns)})" for key, patterns in groups.items()
    )


def with_case_variants(phrases: Iterable[str]) -> set[str]:
    """Each phrase as written, with its first letter upper-cased and lower-cased."""
    out: set[str] = set()
    for phrase in phrases:
        out |= {phrase, phrase[:1].upper() + phrase[1:], phrase[:1].lower() + phrase[1:]}
    return out


def words_from(
    text: str, pos: int, end: int | None = None, *, limit: int | None = None
) -> Iterator[Word]:
    """Words of ``text`` from ``pos`` to ``end`` (default: the line's end), at most ``limit``."""
    if end is None:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
    for i, m in enumerate(WORD.finditer(text, pos, end)):
        if limit is not None and i >= limit:
            return
        yield Word(m.start(), m.end(), m.group())


def words_before(text: str, pos: int, *, limit: int = 6) -> list[Word]:
    """Up to ``limit`` words ending at or before ``pos`` on the same line, nearest last."""
    line_start = text.rfind("\n", 0, pos) + 1
    window_start = max(line_start, pos - 80)
    words = [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text, window_start, pos)]
    return words[-limit:]


def gap_is(text: str, start: int, end: int, allowed: str = " ") -> bool:
    """Whether ``text[start:end]`` is made only of characters in ``allowed`` (and non-empty)."""
    return end > start and all(ch in allowed for ch in text[start:end])


class SpanIndex:
    """Answers "does this span overlap any of these spans?" in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._max_end: list[int] = []
        best = -1
        for _, b in ordered:
            best = max(best, b)
            self._max_end.append(best)

    def overlaps(self, span: tuple[int, int]) -> bool:
        i = bisect.bisect_left(self._starts, span[1])
        return i > 0 and self._max_end[i - 1] > span[0]


class StartIndex(Generic[T]):
    """Items sorted by start offset (stably: equal starts keep their given order), for
    range queries in O(log n) instead of a scan of every item."""

    def __init__(self, items: Iterable[T], start: Callable[[T], int]) -> None:
        given = list(items)
        self.items: list[T] = sorted(given, key=start)
        self.starts = [start(x) for x in self.items]
        #: Whether the items were already in start order (the sorted list is the given one).
        self.was_sorted = all(a is b for a, b in zip(given, self.items, strict=True))

    def starting_in(self, lo: int, hi: int) -> list[T]:
        """The items whose start is in ``[lo, hi)``, in start order."""
        return self.items[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]
