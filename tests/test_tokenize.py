"""Tokenisation: a spaCy Doc over the working text whose tokens sit at exact offsets."""

from __future__ import annotations

import itertools
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.ingest import normalise
from pipeline.text.tokenize import build_context, token_spans

from conftest import SEED_TEXT


def test_doc_covers_the_working_text_exactly() -> None:
    working = normalise(SEED_TEXT.read_text(encoding="utf-8"))
    ctx = build_context(working)
    assert ctx.doc.text == working.text
    words = [t for t in ctx.doc if not t.is_space]
    assert all(working.text[t.idx : t.idx + len(t.text)] == t.text for t in words)
    assert any(t.text == "Hậu Lộc" for t in words)  # underthesea joins multi-syllable words
    assert all(not t.text.isspace() for t in words)


def test_words_are_the_docs_word_tokens_and_the_doc_is_built_only_on_demand() -> None:
    text = "Ông Lê Văn Tám  về xã Hậu Lộc.\n\nNgày 2/9, xã có 1.200 hộ."
    ctx = build_context(normalise(text))
    assert "doc" not in ctx.__dict__  # extractors read ctx.words; no spaCy Doc is built
    assert list(ctx.words) == sorted(ctx.words)
    doc_words = [(t.idx, t.idx + len(t.text)) for t in ctx.doc if not t.is_space]
    assert doc_words == list(ctx.words)
    hau_loc = text.index("Hậu Lộc")
    assert ctx.word_at(hau_loc + 4) == (hau_loc, hau_loc + len("Hậu Lộc"))
    assert ctx.word_at(text.index("  ")) is None
    assert ctx.word_at(len(text) - 1) == (len(text) - 1, len(text))


def test_title_line_is_its_own_sentence() -> None:
    text = "Ngày hội ở xã Liên Lộc\nSáng 12/8/2022, Ban chỉ đạo tổ chức Ngày hội. Xã có 1.200 hộ."
    ctx = build_context(normalise(text))
    assert ctx.title == (0, len("Ngày hội ở xã Liên Lộc"))
    assert [text[a:b] for a, b in ctx.sentences] == [
        "Ngày hội ở xã Liên Lộc",
        "Sáng 12/8/2022, Ban chỉ đạo tổ chức Ngày hội.",
        "Xã có 1.200 hộ.",
    ]


def test_token_spans_point_into_the_original_text() -> None:
    text = unicodedata.normalize("NFD", "Chủ tịch UBND xã\u00a0Liên Lộc") + "\r\nông Quang"
    spans = token_spans(text)
    pieces = [unicodedata.normalize("NFC", text[a:b]) for a, b in spans]
    assert pieces == ["Chủ tịch", "UBND", "xã", "Liên Lộc", "ông", "Quang"]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab cđơộL,.\n\u0301\u200b1/", max_size=80))
def test_tokens_never_overlap_and_stay_in_bounds(text: str) -> None:
    spans = token_spans(text)
    assert spans == sorted(spans)
    for (a, b), (c, _) in itertools.pairwise(spans):
        assert a < b <= c
    assert all(0 <= a < b <= len(text) for a, b in spans)
