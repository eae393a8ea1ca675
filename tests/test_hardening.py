"""Hostile input, crashes and the CLI's manners (issue 13, items 1–10 and 15–17).

Each test names the item it covers; each failed on the code before its fix.
"""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.api import extract_bytes
from pipeline.errors import DecodeError
from pipeline.text.ingest import decode, normalise

#: A synthetic UTF-8 article (several hundred non-ASCII letters).
ARTICLE = (
    "Hà Nội, ngày 12/8/2022. Ủy ban nhân dân thành phố tổ chức hội nghị tổng kết "
    "công tác năm và trao bằng khen cho 15 tập thể, 30 cá nhân có thành tích xuất sắc.\n"
) * 30


# --- item 2: encoding detection ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["dù đã", "dù", "Đà Lạt đẹp", "ông bà", "Hà"])
def test_item2_short_utf8_text_is_utf8_not_a_legacy_font(text: str) -> None:
    source = decode(text.encode("utf-8"))
    assert (source.encoding, source.text) == ("utf-8", text)


def test_item2_utf8_with_stray_bytes_is_utf8_with_a_warning_at_the_real_offsets() -> None:
    data = bytearray(ARTICLE.encode("utf-8"))
    data[2920:2921] = b"\xff"
    data[4000:4001] = b"\xfe"
    source = decode(bytes(data), path="stray.txt")
    assert source.encoding == "utf-8-replace"
    assert source.text.count("\ufffd") >= 2
    assert "Hà Nội" in source.text and "Ă" not in source.text
    assert source.warnings and "2920" in source.warnings[0] and "4000" in source.warnings[0]
    record = extract_bytes(bytes(data), path="stray.txt")
    assert record["source"]["encoding"] == "utf-8-replace"
    assert record["validation"]["valid"]
    assert [w["code"] for w in record["warnings"]].count("W102") == 1
    assert "2920" in record["warnings"][0]["message"]


def test_item2_undecodable_bytes_name_the_first_invalid_utf8_byte() -> None:
    data = b"plain ascii text " * 200 + b"\x81\x8d\x8f\x90"
    with pytest.raises(DecodeError, match=r"at 3400\b"):
        decode(data, path="x.txt")


# --- item 5: marks on a non-letter base ---------------------------------------------------------


@pytest.mark.parametrize("base", ["\xa0", "\u200b", "\x01", "\r\n", "\u2028", " ", "x"])
def test_item5_marks_on_any_base_normalise_the_same_in_either_order(base: str) -> None:
    one = normalise(base + "\u0302\u031b")
    two = normalise(base + "\u031b\u0302")
    assert one.text == two.text
    for working in (one, two):
        assert "\xa0" not in working.text and "\u200b" not in working.text
        for start in range(len(working.text)):
            for end in range(start + 1, len(working.text) + 1):
                src_start, src_end = working.to_source(start, end)
                assert 0 <= src_start < src_end <= len(working.source)
    assert unicodedata.is_normalized("NFC", one.text)
