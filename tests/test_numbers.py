"""pipeline.text.numbers: Vietnamese number parsing, the number pattern and the unit lexicon."""

from __future__ import annotations

from decimal import Decimal

import pytest
import regex

from pipeline.text.numbers import (
    NUMBER_PATTERN,
    QUANTITIES,
    context_words,
    lookup_unit,
    parse_digits,
    parse_number,
    to_json_number,
    unit_regex,
    units,
)

PARSES = [
    # digits, Vietnamese separators
    ("1.200", "1200"),
    ("495,29", "495.29"),
    ("3.000", "3000"),
    ("1.090,2", "1090.2"),
    ("01", "1"),
    ("0,47", "0.47"),
    ("832.000", "832000"),
    # digits with scale words
    ("1,2 triệu", "1200000"),
    ("2,5 tỷ", "2500000000"),
    ("2,5 tỉ", "2500000000"),
    ("4,65 triệu", "4650000"),
    ("3 nghìn tỷ", "3000000000000"),
    ("15 triệu 500 nghìn", "15500000"),
    ("8,93  TỶ", "8930000000"),
    # percent
    ("15%", "15"),
    ("0,47 %", "0.47"),
    ("86 phần trăm", "86"),
    # spelled out
    ("hai", "2"),
    ("ba", "3"),
    ("Tám", "8"),
    ("mười", "10"),
    ("mười lăm", "15"),
    ("mười một", "11"),
    ("hai mươi", "20"),
    ("hai mươi mốt", "21"),
    ("hai mươi một", "21"),
    ("bốn mươi tư", "44"),
    ("hai chục", "20"),
    ("một trăm", "100"),
    ("ba trăm linh năm", "305"),
    ("ba trăm lẻ năm", "305"),
    ("ba trăm năm mươi", "350"),
    ("hai nghìn", "2000"),
    ("hai ngàn ba trăm", "2300"),
    ("mười nghìn", "10000"),
    ("hai triệu rưỡi", "2500000"),
    # English-style separators seen in crawled pages
    ("1,200,000", "1200000"),
    ("1.5", "1.5"),
]

NOT_NUMBERS = [
    "một",  # the guide does not count a bare "một"
    "trăm",
    "chục",
    "nghìn",
    "tư",
    "lăm",
    "hai ba",
    "năm 2022",
    "12.8.2022",
    "16/19",
    "ba người",
    "",
    "   ",
    "linh",
    "hai trăm linh",
    "2 mươi",
]


@pytest.mark.parametrize(("text", "expected"), PARSES)
def test_parse_number(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_money_is_exact() -> None:
    # Decimal arithmetic: 2,5 tỷ must not come out as 2499999999.9999998.
    value = parse_number("2,5 tỷ")
    assert value is not None
    assert to_json_number(value) == 2_500_000_000
    assert isinstance(to_json_number(value), int)
    assert to_json_number(Decimal("495.29")) == 495.29


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.200", "1200"), ("1,200,000", "1200000"), ("12.8.2022", None), ("1.2.3", None)],
)
def test_parse_digits(text: str, expected: str | None) -> None:
    assert parse_digits(text) == (Decimal(expected) if expected else None)


NUMBER_FINDS = [
    ("có 1.200 hộ, 4.680 nhân khẩu", ["1.200", "4.680"]),
    ("tổng mức 2,5 tỷ đồng", ["2,5 tỷ"]),
    ("Hai mươi mốt người và ba trăm hộ", ["Hai mươi mốt", "ba trăm"]),
    ("một người, một trăm người", ["một trăm"]),
    ("ngày 12.8.2022 và 16/19 tiêu chí", []),
    ("Công an C47 và 2,3ha", ["2,3"]),
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_FINDS)
def test_number_pattern(text: str, expected: list[str]) -> None:
    found = [m.group() for m in regex.finditer(NUMBER_PATTERN, text)]
    assert found == expected
    assert all(parse_number(f) is not None for f in found)


def test_unit_lexicon_is_valid() -> None:
    table = units()
    assert all(u.quantity in QUANTITIES for u in table.values())
    assert table["ha"].quantity == "area"
    assert table["hộ"].quantity == "households"
    assert table["nhân khẩu"].quantity == "population"
    assert table["tập thể"].recipient == "collective"
    assert table["trđ"].multiplier == Decimal(1_000_000)
    assert lookup_unit("Chi  cục") is not None
    assert lookup_unit("không có") is None


@pytest.mark.parametrize(
    ("after", "measure", "noun"),
    [
        (" ha đất", "ha", None),
        ("ha", "ha", None),
        (" m2", "m2", None),
        ("m/năm", "m", None),
        (" đồng/kg", "đồng", None),
        (" đồng phạm", None, "đồng phạm"),
        (" hộ dân", None, "hộ dân"),
        (" cựu cán bộ", None, "cán bộ"),
        (" hành", None, None),
        ("hộ", None, None),  # a counted noun needs a space before it
    ],
)
def test_unit_regex(after: str, measure: str | None, noun: str | None) -> None:
    m = unit_regex().match(after)
    assert (m["measure"] if m else None) == measure
    assert (m["noun"] if m else None) == noun


def test_context_words() -> None:
    assert "quyết định" in context_words("code")
    assert "tuổi" in context_words("duration")
    with pytest.raises(ValueError):
        context_words("nonsense")
