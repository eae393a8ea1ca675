"""Ingest: decoding every supported encoding, clear errors, and an exact offset map."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import BinaryInputError, DecodeError, EmptyInputError, InputTooLargeError
from pipeline.text.ingest import decode, is_boilerplate, normalise

TEXT = "Chủ tịch UBND xã Liên Lộc, huyện Hậu Lộc, tỉnh Thanh Hóa đã tặng bằng khen cho 3 tập thể."


def _cp1258_bytes(text: str) -> bytes:
    """Windows-1258 keeps â ê ô ơ ư ă precomposed and writes tone marks as combining marks."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = parts[0] + "".join(m for m in parts[1:] if m in "\u0302\u0306\u031b")
        out.append(unicodedata.normalize("NFC", base))
        out.append("".join(m for m in parts[1:] if m not in "\u0302\u0306\u031b"))
    return "".join(out).encode("cp1258")


def _legacy_bytes(name: str, text: str) -> bytes:
    from viparse.normalize.encodings import CHARMAPS

    inverse = {unicode: legacy for legacy, unicode in CHARMAPS[name].pairs}
    return "".join(inverse.get(ch, ch) for ch in text).encode("cp1252", errors="strict")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (_cp1258_bytes(TEXT), "cp1258"),
    ],
)
def test_decodes_unicode_and_windows_encodings(data: bytes, encoding: str) -> None:
    source = decode(data)
    assert source.encoding == encoding
    assert unicodedata.normalize("NFC", source.text) == TEXT


@pytest.mark.parametrize("legacy", ["tcvn3", "vni"])
def test_decodes_legacy_vietnamese_fonts(legacy: str) -> None:
    source = decode(_legacy_bytes(legacy, TEXT))
    assert source.encoding == legacy
    assert source.text == TEXT


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        (b"  \n\t\n", EmptyInputError),
        (b"\x00\x01\x02\x03binary\x00\xff", BinaryInputError),
        (bytes(range(0x80, 0x90)) * 4 + b"\x81\x8d\x8f\x90", DecodeError),
    ],
)
def test_bad_bytes_raise_clear_errors(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        decode(data, path="x.txt")
    assert str(info.value).startswith("x.txt: ")


def test_too_large_names_the_limit_and_how_to_raise_it() -> None:
    with pytest.raises(InputTooLargeError, match="--max-chars"):
        decode(TEXT.encode(), max_chars=10)


def test_working_text_maps_back_to_source() -> None:
    source = "Chủ\u200btịch UBND\u00a0xã Hoà Bình\r\nThăm dò ý kiến\r\nnoData\n" + (
        unicodedata.normalize("NFD", "Liên Lộc hoà") + " hết"
    )
    working = normalise(source)
    assert working.text == "Chủtịch UBND xã Hòa Bình\nLiên Lộc hòa hết"
    start = working.text.index("Liên Lộc")
    s, e = working.to_source(start, start + len("Liên Lộc"))
    assert unicodedata.normalize("NFC", source[s:e]) == "Liên Lộc"
    s, e = working.to_source(0, len("Chủtịch"))
    assert source[s:e] == "Chủ\u200btịch"


def test_boilerplate_lines_are_recognised() -> None:
    assert is_boilerplate("Thăm dò ý kiến")
    assert is_boilerplate("  noData ")
    assert not is_boilerplate("Ngày hội toàn dân bảo vệ an ninh Tổ quốc")


vietnamese = st.text(
    alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789 ,.;:/-%\n\r\t"
    "\u0300\u0301\u0303\u0309\u0323\u200b\u00a0\ufeff\x07",
    max_size=200,
)


def _bare(text: str) -> str:
    """Letters without marks: tone placement may move a mark to the neighbouring vowel."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@settings(max_examples=200, deadline=None)
@given(vietnamese)
def test_every_working_span_maps_inside_the_source(source: str) -> None:
    working = normalise(source)
    for start in range(len(working.text)):
        s, e = working.to_source(start, start + 1)
        assert 0 <= s < e <= len(source)
        char = working.text[start]
        piece = source[s:e]
        assert char in " \n" or _bare(char) in _bare(piece) or unicodedata.combining(char)
