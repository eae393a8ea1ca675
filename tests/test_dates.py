"""pipeline.extractors.dates: DATE patterns, negative cases, the seed gold and dev accuracy."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from pipeline.api import extract_text
from pipeline.extractors import dates
from pipeline.text.ingest import normalise
from pipeline.text.tokenize import DocContext, build_context

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_733452ca63a47b73.txt"
DEV = SHARED / "dev"


def _found(text: str, dateline: str | None = None) -> list[tuple[str, str]]:
    ctx = build_context(normalise(text), dateline=dateline)
    return [(ctx.text[m.start : m.end], m.attrs["value"]) for m in dates.extract(ctx)]


POSITIVE = [
    ("Sáng 12/8/2022, hội nghị khai mạc.", [("12/8/2022", "2022-08-12")]),
    ("Ngày 12-8-2022 xã tổ chức lễ.", [("Ngày 12-8-2022", "2022-08-12")]),
    ("Hôm 12.8.2022, đoàn đến thăm.", [("12.8.2022", "2022-08-12")]),
    ("Lễ diễn ra ngày 12 tháng 8 năm 2022 tại xã.", [("ngày 12 tháng 8 năm 2022", "2022-08-12")]),
    ("Từ tháng 8/2022, giá tăng.", [("tháng 8/2022", "2022-08")]),
    ("Đến tháng 5-2017, dự án xong.", [("tháng 5-2017", "2017-05")]),
    ("Trong tháng 8 năm 2022 có mưa lớn.", [("tháng 8 năm 2022", "2022-08")]),
    ("Năm 2022, xã về đích.", [("Năm 2022", "2022")]),
    ("Cuối tháng 3, huyện họp.", [("tháng 3", "--03")]),
    ("Giai đoạn 2011 – 2020 xã phát triển.", [("2011", "2011"), ("2020", "2020")]),
    ("Nhiệm kỳ 2015-2020, ông làm Chủ tịch.", [("2015", "2015"), ("2020", "2020")]),
    ("Từ năm 2005-2012, đơn vị làm tốt.", [("năm 2005", "2005"), ("2012", "2012")]),
    ("Vụ Đông Xuân 2019 được mùa.", [("2019", "2019")]),
    ("Tối ngày 8.2, đoàn về.", [("ngày 8.2", "--02-08")]),
    ("Sáng 21.6, đoàn lên đường.", [("21.6", "--06-21")]),
    ("Chiều 9-10, tại Huế.", [("9-10", "--10-09")]),
    ("Hôm nay (14/3), đoàn công tác đến.", [("14/3", "--03-14")]),
    ("Ông A (SN 1974) và bà B (sinh 1959) bị bắt.", [("1974", "1974"), ("1959", "1959")]),
    ("Ông sinh năm 1921 tại xã.", [("năm 1921", "1921")]),
    ("Ngày 8 và 9/10, mưa lớn.", [("Ngày 8", "--10-08"), ("9/10", "--10-09")]),
    ("Từ sáng 12 đến 15-9, đoàn làm việc.", [("12", "--09-12"), ("15-9", "--09-15")]),
    ("Vào các tháng 2, 5, 9 lúa trổ bông.", [("tháng 2", "--02"), ("5", "--05"), ("9", "--09")]),
    (
        "Trong 5 ngày (10/3 đến ngày 14/3) có 40 người.",
        [("10/3", "--03-10"), ("ngày 14/3", "--03-14")],
    ),
    ("Từ 3/2015 - 9/2019, ông giữ chức.", [("3/2015", "2015-03"), ("9/2019", "2019-09")]),
    (
        "Kỷ niệm (12/5/1930 - 12/5/2020) trọng thể.",
        [("12/5/1930", "1930-05-12"), ("12/5/2020", "2020-05-12")],
    ),
    ("Lúc 9 giờ 15 phút ngày 3/10, xe bị lật.", [("ngày 3/10", "--10-03")]),
    # A range of days before a month in words: the first day takes that month.
    (
        "Lễ hội diễn ra ngày 4-5 tháng 2 năm 2018.",
        [("ngày 4", "2018-02-04"), ("5 tháng 2 năm 2018", "2018-02-05")],
    ),
    (
        "Từ ngày 12 đến 15 tháng 3, đoàn làm việc.",
        [("ngày 12", "--03-12"), ("15 tháng 3", "--03-15")],
    ),
    # The end of a range whose start is a day/month.
    ("Từ 1.4 – 30.4 là mùa cao điểm.", [("1.4", "--04-01"), ("30.4", "--04-30")]),
]

NEGATIVE = [
    "Có 3-4 hộ bị ngập.",
    "Tai nạn ở km 12/3 quốc lộ.",
    "Sau 5 năm, xã đổi mới.",
    "Lúc 15h30, đoàn đến; 12 giờ 30 phút thì về.",
    "Theo Quyết định 16/2012/QĐ-UBND của UBND tỉnh.",
    "Quyết định 281 của Thủ tướng.",
    "Xã đạt 16/19 tiêu chí.",
    "Lễ hội mùng 5 Tết, ngày 15/7 âm lịch.",
    "Hôm qua, tuần trước và tháng trước, trời mưa.",
    "Bản đồ tỷ lệ 1/2000 đã được duyệt.",
    "Có 2000 hộ dân và 1975 người.",
    "Chiếm 2/3 tổng số đại biểu.",
    "Ông A, 22 tuổi, ở quận 4.",
    "Đội chơi sơ đồ 4-2-3-1 rồi chuyển sang 4-1-4-1.",
    "Tỉ lệ cược 0.98 - 1/4:0 - 0.95 cho đội nhà.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_dates_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_dates(text: str) -> None:
    assert _found(text) == []


def test_day_month_takes_the_dateline_year() -> None:
    assert _found("Ngày 29/4, UBND tỉnh họp.", "2022-08-12") == [("Ngày 29/4", "2022-04-29")]
    assert _found("Ngày 29/4, UBND tỉnh họp.") == [("Ngày 29/4", "--04-29")]
    # A month alone stays --MM; a written year wins over the dateline.
    assert _found("Tháng 3 và ngày 1/1/2020.", "2022-08-12") == [
        ("Tháng 3", "--03"),
        ("ngày 1/1/2020", "2020-01-01"),
    ]


def test_part_of_day_is_an_attribute_outside_the_span() -> None:
    ctx = build_context(normalise("Chiều 9/5, trưa ngày 20/2 và sáng 2-6 họp."))
    found = [(ctx.text[m.start : m.end], m.attrs.get("part_of_day")) for m in dates.extract(ctx)]
    assert found == [("9/5", "chiều"), ("ngày 20/2", "trưa"), ("2-6", "sáng")]


def test_rules_name_the_pattern() -> None:
    ctx = build_context(normalise("Sáng 12/8/2022, năm 2022, tháng 3, SN 1974."))
    assert [m.rule for m in dates.extract(ctx)] == [
        "date.dmy_slash",
        "date.year",
        "date.month",
        "date.birth_year",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-08-12", "2022-08-12"),
        ("2022-08-12T10:00:00+07:00", "2022-08-12"),
        ("Thứ sáu, 12/8/2022 - 10:30", "2022-08-12"),
        ("ngày 12 tháng 8 năm 2022", "2022-08-12"),
        ("Fri, 12 Aug 2022 10:00:00 +0700", "2022-08-12"),
        ("31/2/2022", None),
        ("không rõ", None),
    ],
)
def test_parse_dateline(value: str, expected: str | None) -> None:
    assert dates.parse_dateline(value) == expected


def test_component_appends() -> None:
    ctx = build_context(normalise("Năm 2022 xã về đích."))
    assert [m.label for m in dates.component(ctx, [])] == ["DATE"]


# --- real articles ---------------------------------------------------------------------


@cache
def _article(path: Path) -> tuple[str, tuple[dict, ...], tuple[dict, ...]]:
    """(source, gold mentions, predicted DATE mentions with source offsets)."""
    source = path.read_text(encoding="utf-8")
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["mentions"]
    working = normalise(source)
    ctx: DocContext = build_context(working)
    predicted = []
    for m in dates.extract(ctx):
        start, end = working.to_source(m.start, m.end)
        predicted.append({"start": start, "end": end, **m.attrs})
    return source, tuple(gold), tuple(predicted)


def test_seed_dates_equal_gold() -> None:
    source, gold, predicted = _article(SEED)
    expected = [(g["start"], g["end"], g["value"]) for g in gold if g["label"] == "DATE"]
    assert [(p["start"], p["end"], p["value"]) for p in predicted] == expected
    assert all(source[p["start"] : p["end"]].strip() for p in predicted)


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 1.0


def test_dev_date_accuracy() -> None:
    texts = sorted(DEV.glob("*.txt"))
    assert texts, f"no dev articles in {DEV}"
    strict = value = n_pred = n_gold = 0
    for path in texts:
        _, gold, predicted = _article(path)
        gold_dates = [g for g in gold if g["label"] == "DATE"]
        n_gold += len(gold_dates)
        n_pred += len(predicted)
        gold_spans = {(g["start"], g["end"]) for g in gold_dates}
        strict += sum((p["start"], p["end"]) in gold_spans for p in predicted)
        used: set[int] = set()
        for g in gold_dates:
            for i, p in enumerate(predicted):
                overlap = p["start"] < g["end"] and g["start"] < p["end"]
                if i not in used and overlap and p["value"] == g["value"]:
                    used.add(i)
                    value += 1
                    break
    assert _f1(strict, n_pred, n_gold) >= 0.90
    assert _f1(value, n_pred, n_gold) >= 0.95


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đến khoảng 12-9, nước sông bắt đầu rút.", ("12-9", "--09-12")),
        ("Hồi 3/8, gia đình đã báo chính quyền.", ("3/8", "--08-03")),
        ("Lúc 20.11, trường tổ chức lễ kỷ niệm.", ("20.11", "--11-20")),
    ],
)
def test_bare_day_month_after_approximate_time_words(text: str, expected: tuple) -> None:
    """``khoảng``, ``chừng``, ``hồi``, ``lúc`` before a bare day/month with no noun after it."""
    assert expected in _found(text)


def test_approximate_word_before_a_count_stays_a_count() -> None:
    assert _found("Có khoảng 3/5 số hộ đã nhận tiền.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Phiên tòa mở vào sáng nay 30/5.", "--05-30"),
        ("Hôm nay 12/3 trời mưa lớn.", "--03-12"),
        ("Chiều qua 4/6, đoàn công tác đến xã.", "--06-04"),
    ],
)
def test_a_day_month_after_today_or_yesterday(text: str, value: str) -> None:
    dates = [m for m in extract_text(text)["mentions"] if m["label"] == "DATE"]
    assert [d["value"] for d in dates] == [value]


def test_a_month_in_words_before_a_year() -> None:
    text = "Tổng khởi nghĩa tháng Tám năm 1945 và Hiệp định tháng Bảy năm 1954."
    dates = [
        (m["text"], m["value"]) for m in extract_text(text)["mentions"] if m["label"] == "DATE"
    ]
    assert dates == [("tháng Tám năm 1945", "1945-08"), ("tháng Bảy năm 1954", "1954-07")]


def test_a_capitalised_month_in_words_names_an_event() -> None:
    text = "Sau cách mạng Tháng Tám năm 1945, đất nước độc lập."
    dates = [
        (m["text"], m["value"]) for m in extract_text(text)["mentions"] if m["label"] == "DATE"
    ]
    assert dates == [("năm 1945", "1945")]


def test_a_range_of_two_days_with_slashes_glued_by_a_dash() -> None:
    text = "Trong dịp nghỉ lễ 2/9-4/9, lượng khách tăng; tỷ lệ 1/3-1/2 số hộ."
    dates = [
        (m["text"], m["value"]) for m in extract_text(text)["mentions"] if m["label"] == "DATE"
    ]
    assert dates == [("2/9", "--09-02"), ("4/9", "--09-04")]
