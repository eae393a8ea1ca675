"""DATE and FIGURE classes met in unseen news (issue 11, classes 5 and 6), on synthetic text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.api import extract_text
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kitchen measures and containers end the span; traditional units keep their quantity.
        (
            "Cho 2 muỗng canh nước mắm, 1 thìa cà phê đường và 3 chén bột vào nồi.",
            [
                ("2 muỗng canh", 2, "muỗng canh", "count"),
                ("1 thìa cà phê", 1, "thìa cà phê", "count"),
                ("3 chén", 3, "chén", "count"),
            ],
        ),
        (
            "Chị mua 2 lạng thịt, 1 cân gạo, 3 lon bia và 4 thước vải.",
            [
                ("2 lạng", 2, "lạng", "mass"),
                ("1 cân", 1, "cân", "mass"),
                ("3 lon", 3, "lon", "count"),
                ("4 thước", 4, "thước", "length"),
            ],
        ),
        # Grams, but "8g sáng", "lúc 15g" are clock times; "vài ba" is vague.
        (
            "Lúc 8g sáng chị cân 300g bột, hẹn lúc 15g lấy thêm vài ba miếng thịt.",
            [("300g", 300, "g", "mass")],
        ),
        # A classifier keeps one noun, never the adjective after it.
        (
            "Băm 2 tép tỏi, 1 củ gừng và 3 nhánh sả tươi; chọn 2 quả to, bỏ 3 chiếc còn lại.",
            [
                ("2 tép tỏi", 2, "tép tỏi", "count"),
                ("1 củ gừng", 1, "củ gừng", "count"),
                ("3 nhánh sả", 3, "nhánh sả", "count"),
                ("2 quả", 2, "quả", "count"),
                ("3 chiếc", 3, "chiếc", "count"),
            ],
        ),
        # A dictionary noun ending in an adjective's syllable stays whole.
        (
            "Gara có 2 chiếc xe hơi và 1 cái tủ lạnh.",
            [
                ("2 chiếc xe hơi", 2, "chiếc xe hơi", "count"),
                ("1 cái tủ lạnh", 1, "cái tủ lạnh", "count"),
            ],
        ),
        # Fractions and halves of a measure or a classified thing; shares and ratios are not.
        (
            "Thêm 1/2 chén đường, ½ quả chanh và 1 nửa quả cam; một nửa số hộ, 2/3 số cây, "
            "2/3 con tàu và nửa bát cơm.",
            [
                ("1/2 chén", 0.5, "chén", "count"),
                ("½ quả chanh", 0.5, "quả chanh", "count"),
                ("1 nửa quả cam", 0.5, "quả cam", "count"),
            ],
        ),
        # Counts of sport and traffic.
        (
            "Tuyến đường có 4 làn xe; anh ghi 2 bàn sau 10 vòng đấu, trận kéo dài 5 set.",
            [
                ("4 làn xe", 4, "làn xe", "count"),
                ("2 bàn", 2, "bàn", "count"),
                ("10 vòng đấu", 10, "vòng đấu", "count"),
                ("5 set", 5, "set", "count"),
            ],
        ),
        # The number after a per-unit slash is no amount; a classifier of persons counts people.
        (
            "Bát phở giá 50.000 đồng/ 1 bát, bà có 3 đứa con.",
            [
                ("50.000 đồng", 50000, "đồng", "money"),
                ("3 đứa con", 3, "đứa con", "people"),
            ],
        ),
        # Spelled out, "hai bàn tay" is an idiom; durations, ordinals and scores stay out.
        (
            "Ra đi với hai bàn tay trắng, sau 3 giờ và 5 năm, lần thứ 4 thắng 6-1 với 3 bàn.",
            [("3 bàn", 3, "bàn", "count")],
        ),
    ],
)
def test_general_news_units(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_fraction_values_read_back() -> None:
    assert figures.parse_value("1/2 chén") == (Decimal("0.5"), None)
    assert figures.parse_value("1 nửa quả chanh") == (Decimal("0.5"), None)
    assert figures.parse_value("¾ cốc") == (Decimal("0.75"), None)


def test_year_before_a_longer_word_stays_a_date() -> None:
    # "trang bị", "bao gồm" only begin with a counted noun; a capital opens a new sentence.
    text = "Mẫu xe 2017 trang bị động cơ mới, bản 2018 bao gồm đèn LED. Bảng giá 2019 Chiếc rẻ"
    assert _dates(text) == [("2017", "2017"), ("2018", "2018"), ("2019", "2019")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "chín" is also ripe or cooked; it still counts people.
        ("Người bán dùng thuốc để làm chín trái cây nhanh hơn.", []),
        ("Xoài đã chín đồng loạt trong vườn.", []),
        ("Vụ lật xuồng làm chín người chết.", [("chín người", 9, "người", "people")]),
        # A counted noun the dictionary knows though the segmenter split it.
        ("Thí sinh phải làm 3 bài thi trong hai ngày.", [("3 bài thi", 3, "bài thi", "count")]),
        # Not one whose last syllable opens the next word, nor a pronoun.
        ("Chỉ còn 6 người ở lại công trường.", [("6 người", 6, "người", "people")]),
    ],
)
def test_homographs_and_dictionary_compounds(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One dot and one or two decimals: an English decimal point before a unit.
        (
            "Con đường dài 4.5km, vốn 2.5 tỷ đồng.",
            [("4.5km", 4.5, "km", "length"), ("2.5 tỷ đồng", 2500000000, "tỷ đồng", "money")],
        ),
        # Not a plate number or a day.month before an open noun, nor a thousands dot.
        ("Xe biển số 29A- 123.45 lưu thông trên đường.", []),
        ("Thị trấn có 1.200 hộ.", [("1.200 hộ", 1200, "hộ", "households")]),
    ],
)
def test_english_decimal_points(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_a_range_writes_its_thousands_once() -> None:
    assert _figures("Mỗi suất giá từ 20 - 25.000 đồng.") == [
        ("20 - 25.000 đồng", 20000, "đồng", "money")
    ]
    assert _figures("Vé 500 - 1.000 đồng một lượt.") == [("500 - 1.000 đồng", 500, "đồng", "money")]


def test_a_compound_of_a_case_noun_counts_things() -> None:
    assert _figures("Hội đồng duyệt 120 ca khúc mới.") == [("120 ca khúc", 120, "ca khúc", "count")]


def test_a_range_with_its_thousands_once_passes_the_validator() -> None:
    assert extract_text("Mỗi suất giá từ 20 - 25.000 đồng.")["validation"]["valid"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An account number, a quarter, a ratio with its noun written twice: no amounts.
        ("Số tài khoản: 114000161718 Ngân hàng TMCP Công Thương.", []),
        ("Nếu có KQKD quý 2 khả quan thì cổ phiếu tăng.", []),
        ("Đã có 116 tuyến/134 tuyến đường thông thoáng.", []),
        # Five before a scale word is a number, not "year".
        ("Bị phạt tiền từ năm triệu đồng.", [("năm triệu đồng", 5000000, "triệu đồng", "money")]),
        # The degree sign typed as a letter o.
        ("Nhiệt độ thấp nhất 13-16oC.", [("13-16oC", 13, "oC", "other")]),
        ("Tên lửa chịu nhiệt độ 7.000 o C.", [("7.000 o C", 7000, "o C", "other")]),
    ],
)
def test_codes_quarters_ratios_and_degrees(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A range of hours after "ngày" is no day; a date before "năm ngoái" still is.
        ("Bán xôi mỗi ngày 2-3 tiếng là đủ sống.", []),
        ("Trận đấu diễn ra ngày 8/11 năm ngoái.", [("ngày 8/11", "--11-08")]),
        # A birth year glued to SN.
        ("Tài xế Lê Văn Dũng (SN1965) bị bắt.", [("1965", "1965")]),
    ],
)
def test_hours_and_glued_birth_years(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # People by crew, service and schooling are people, not a plain count.
        ("Vụ chìm tàu làm 5 thủy thủ mất tích.", [("5 thủy thủ", 5, "thủy thủ", "people")]),
        ("Có 12 binh sĩ bị thương.", [("12 binh sĩ", 12, "binh sĩ", "people")]),
        ("Clip ghi lại cảnh 1 nữ sinh bị đánh.", [("1 nữ sinh", 1, "nữ sinh", "people")]),
        ("Nhóm vũ trang bắt giữ 4 con tin.", [("4 con tin", 4, "con tin", "people")]),
        # "người" with a qualifier stays "người" (the dev gold's span).
        ("Có 300 người nhập cư cần nhà ở.", [("300 người", 300, "người", "people")]),
    ],
)
def test_people_by_crew_service_schooling_and_plight(text: str, expected: list) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A spelled-out number counts any noun of two syllables or more (guide: hai sinh viên).
        ("Mỗi đội trình diễn hai tiết mục.", [("hai tiết mục", 2, "tiết mục", "count")]),
        ("Hai nhà lãnh đạo đã điện đàm.", [("Hai nhà lãnh đạo", 2, "nhà lãnh đạo", "people")]),
        # Idioms of a relation between two states, and "cả hai" (both), do not.
        ("Tình hữu nghị giữa hai dân tộc ngày càng bền chặt.", []),
        ("Trận đấu là dịp để cả hai rèn quân.", []),
    ],
)
def test_spelled_out_counts_of_any_noun(text: str, expected: list) -> None:
    assert _figures(text) == expected


def test_an_exchange_is_no_award() -> None:
    mentions = extract_text("Sau đó hai nhà ngoại giao trao đổi ý kiến về biển.")["mentions"]
    assert [m["label"] for m in mentions] == ["FIGURE"]


def test_prizes_by_rank() -> None:
    assert _figures("Ban tổ chức trao 5 giải ba và 12 giải khuyến khích.") == [
        ("5 giải ba", 5, "giải ba", "count"),
        ("12 giải khuyến khích", 12, "giải khuyến khích", "count"),
    ]
