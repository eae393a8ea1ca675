"""The indexed lookups that keep extraction linear in article length give exactly what
the every-pair scans they replaced gave (checked against those scans, kept here)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extractors import dates
from pipeline.linkers import places as place_links
from pipeline.linkers.base import Located
from pipeline.text.scan import SpanIndex, StartIndex
from pipeline.types import Mention

PROPERTY = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

spans = st.lists(
    st.tuples(st.integers(0, 300), st.integers(0, 40)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=40,
)


@PROPERTY
@given(spans, st.integers(0, 340), st.integers(0, 60))
def test_start_index_finds_the_items_starting_in_a_range(items, lo, width):
    index = StartIndex(items, lambda s: s[0])
    assert index.starting_in(lo, lo + width) == sorted(
        (s for s in items if lo <= s[0] < lo + width), key=lambda s: s[0]
    )
    assert index.was_sorted == (items == sorted(items, key=lambda s: s[0]))


@PROPERTY
@given(spans, st.tuples(st.integers(0, 340), st.integers(0, 30)))
def test_span_index_overlap_is_the_pairwise_test(items, probe):
    span = (probe[0], probe[0] + probe[1])
    expected = any(span[0] < e and s < span[1] for s, e in items)
    assert SpanIndex(items).overlaps(span) == expected


def _old_resolve(found):
    kept, taken = [], []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: (c.start, c.end))


@PROPERTY
@given(spans)
def test_date_candidates_keep_the_longest_without_overlap_as_before(items):
    found = [dates._Candidate(s, e, "2020-01-01", f"r{i}") for i, (s, e) in enumerate(items)]
    assert dates._resolve(found) == _old_resolve(found)


def _place(i: int, start: int, end: int, name: str) -> Located:
    mention = Mention("PLACE", start, end, "test", {"level": "commune", "name": name})
    return Located(f"m{i}", mention, start, end, name)


def _old_nearest_first(group, places):
    ids = {item.id for item in group}

    def distance(other):
        return min(
            other.mention.start - item.mention.end
            if other.mention.start >= item.mention.end
            else item.mention.start - other.mention.end
            for item in group
        )

    rest = [
        (p.mention.attrs["level"], place_links._query(p))
        for p in sorted((p for p in places if p.id not in ids), key=distance)
    ]
    return place_links._unique(rest)


@PROPERTY
@given(
    st.lists(
        st.tuples(st.integers(0, 500), st.integers(1, 20), st.sampled_from("ABCDE")),
        min_size=1,
        max_size=30,
    ),
    st.sampled_from("ABCDE"),
)
def test_places_context_is_nearest_first_as_with_the_pairwise_scan(items, wanted):
    located = [_place(i, s, s + n, name) for i, (s, n, name) in enumerate(sorted(items))]
    group = [x for x in located if x.text == wanted] or located[:1]
    indexed = place_links._Places(located)
    assert place_links._nearest_first(group, indexed) == _old_nearest_first(group, located)
