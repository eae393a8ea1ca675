"""DATE and FIGURE classes met in unseen news (issue 11, classes 5 and 6), on synthetic text."""

from __future__ import annotations

import pytest

from pipeline.extractors import dates, figures
from pipeline.text.ingest import normalise
from pipeline.text.tokenize import build_context


def _dates(text: str, dateline: str | None = None) -> list[tuple[str, str]]:
    ctx = build_context(normalise(text), dateline=dateline)
    return [(ctx.text[m.start : m.end], m.attrs["value"]) for m in dates.extract(ctx)]


def _figures(text: str) -> list[tuple[str, object, str, str]]:
    ctx = build_context(normalise(text))
    return [
        (ctx.text[m.start : m.end], m.attrs["value"], m.attrs["unit"], m.attrs["quantity"])
        for m in figures.extract(ctx)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quarter: only its year is a DATE.
        ("Trong quý 3/2016 doanh thu giảm.", [("2016", "2016")]),
        ("Kết quả quý II/2018 khả quan.", [("2018", "2018")]),
        ("Đến quí IV năm 2019 sẽ xong.", [("năm 2019", "2019")]),
        # A season of two consecutive years is two DATEs.
        ("Ở mùa giải 2015/16 anh chơi rất hay.", [("2015", "2015"), ("16", "2016")]),
        ("Niên vụ 2018-19 được mùa.", [("2018", "2018"), ("19", "2019")]),
        # A full date before "/ " (an anniversary pair).
        (
            "Lễ kỷ niệm 50 năm (12-3-1968/ 12-3-2018) diễn ra trọng thể.",
            [("12-3-1968", "1968-03-12"), ("12-3-2018", "2018-03-12")],
        ),
        # A month alone takes the year written with the next month.
        (
            "Từ giữa tháng 5, cuối tháng 6/2019 dịch lan rộng.",
            [("tháng 5", "2019-05"), ("tháng 6/2019", "2019-06")],
        ),
        # A percentage range is not a day and month.
        ("Lãi suất giảm từ 8-9% xuống.", []),
    ],
)
def test_date_classes(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text) == expected


def test_relative_month_uses_the_dateline() -> None:
    text = "Trong tháng 11 vừa qua và tháng 2 tới, tháng 4 năm nay xã làm đường."
    assert _dates(text, dateline="2020-01-20") == [
        ("tháng 11", "2019-11"),
        ("tháng 2", "2020-02"),
        ("tháng 4", "2020-04"),
    ]
    # Without a dateline a month alone stays --MM.
    assert _dates(text)[0] == ("tháng 11", "--11")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A measure word for a substance or a container ends the span.
        (
            "Thu giữ 7 bánh thuốc phiện và 150 viên hồng phiến.",
            [
                ("7 bánh", 7, "bánh", "count"),
                ("150 viên", 150, "viên", "count"),
            ],
        ),
        (
            "Phát hiện 12 gói bột trắng trong 3 thùng carton.",
            [
                ("12 gói", 12, "gói", "count"),
                ("3 thùng", 3, "thùng", "count"),
            ],
        ),
        # A case, a patient case or a group: what follows qualifies the noun.
        (
            "Xảy ra 4 vụ cháy rừng và 6 ca nghi nhiễm, 2 nhóm thanh niên.",
            [
                ("4 vụ", 4, "vụ", "count"),
                ("6 ca", 6, "ca", "people"),
                ("2 nhóm", 2, "nhóm", "count"),
            ],
        ),
        # A classifier of persons takes a person noun only.
        ("Ba vị khách mời và năm vị phát biểu.", [("Ba vị khách", 3, "vị khách", "people")]),
        # A sample takes what is sampled.
        ("Lấy 6 mẫu đất để phân tích.", [("6 mẫu đất", 6, "mẫu đất", "count")]),
        # "trong số" / "tổng số" are not the code word "số".
        (
            "Trong số 21 học viên có 4 người nước ngoài.",
            [
                ("21 học viên", 21, "học viên", "people"),
                ("4 người", 4, "người", "people"),
            ],
        ),
        # A multiple: quantity other.
        (
            "Nồng độ cao gấp 12 lần ngưỡng, vượt 2,5 lần.",
            [
                ("12 lần", 12, "lần", "other"),
                ("2,5 lần", 2.5, "lần", "other"),
            ],
        ),
        ("Anh ấy hai lần đoạt giải.", [("hai lần", 2, "lần", "count")]),
        # Medal abbreviations, offices counted, former office holders.
        (
            "Đội giành 4 HCV, 1 HCB và 2 HCĐ.",
            [
                ("4 HCV", 4, "HCV", "count"),
                ("1 HCB", 1, "HCB", "count"),
                ("2 HCĐ", 2, "HCĐ", "count"),
            ],
        ),
        (
            "Có 2 nguyên phó chủ tịch bị kỷ luật.",
            [
                ("2 nguyên phó chủ tịch", 2, "phó chủ tịch", "people"),
            ],
        ),
        # Other currencies.
        (
            "Tiền công là 5.000 NDT và 300 yên.",
            [
                ("5.000 NDT", 5000, "NDT", "money"),
                ("300 yên", 300, "yên", "money"),
            ],
        ),
        # "đ/c" is a comrade, not money.
        ("Đoàn có 5 đ/c tham gia.", [("5 đ/c", 5, "đ/c", "people")]),
        (
            "Tòa nhà 9 tầng có 40 chỗ để xe.",
            [
                ("9 tầng", 9, "tầng", "count"),
                ("40 chỗ", 40, "chỗ", "count"),
            ],
        ),
        (
            "Hai đội và 3 phiên tòa.",
            [
                ("Hai đội", 2, "đội", "count"),
                ("3 phiên tòa", 3, "phiên tòa", "count"),
            ],
        ),
        ("Vị trí thứ 2 và 3 lần lượt thuộc về Minh và Lan.", []),
    ],
)
def test_figure_classes(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_match_score_is_not_a_date() -> None:
    assert _dates("Đội khách dẫn trước 3-2. Chiều 2-1, hai đội tập luyện.") == [("2-1", "--01-02")]


def test_bare_bang_is_money_only_after_a_scale() -> None:
    assert _figures("Giải chia 6 bảng, thưởng 2 triệu bảng và 500 bảng Anh.") == [
        ("2 triệu bảng", 2_000_000, "triệu bảng", "money"),
        ("500 bảng Anh", 500, "bảng Anh", "money"),
    ]


def test_more_measures_and_relative_words() -> None:
    assert _figures("Tàu cách đảo 40 hải lý, chạy 6 cây số với 150 mã lực. Ngày 12 vừa qua.") == [
        ("40 hải lý", 40, "hải lý", "length"),
        ("6 cây số", 6, "cây số", "length"),
        ("150 mã lực", 150, "mã lực", "other"),
    ]


def test_amounts_that_look_like_years() -> None:
    text = "Đội bóng chi 1900 tỉ đồng cho khoảng 1.200-2000 cổ động viên từ 2009-2019."
    assert _dates(text) == [("2009", "2009"), ("2019", "2019")]
    assert [f[0] for f in _figures(text)] == ["1900 tỉ đồng", "1.200-2000 cổ động viên"]


def test_month_dash_year_keeps_its_year() -> None:
    assert ("2017", "2017") in _dates("Lũ sớm (7-2017) và giải 29-2017 diễn ra.")


def test_joined_multiples() -> None:
    text = "Chỉ số vượt chuẩn (2,4 lần và 9 lần), cao gấp 120 và 150 lần. Anh hai lần bị bắt."
    assert [(f[0], f[3]) for f in _figures(text)] == [
        ("2,4 lần", "other"),
        ("9 lần", "other"),
        ("150 lần", "other"),
        ("hai lần", "count"),
    ]
