"""Classes of the thirty-fourth blind round (dev36). Every sentence is synthetic."""

from __future__ import annotations

from pipeline.text.numbers import parse_number

from conftest import mentions_of, texts_of

# -- FIGURE: sums written in several scales, numbers grouped by spaces -----------------------


def _figures(text: str) -> list[tuple[str, int | float]]:
    return [(m["text"], m["value"]) for m in mentions_of(text, "FIGURE")]


def test_a_sum_written_in_decreasing_scales_is_one_figure() -> None:
    text = (
        "Bị can đã chiếm đoạt tổng số tiền 15 tỉ 760 triệu đồng; tòa buộc bồi thường "
        "10 tỷ 1 triệu 335 nghìn đồng và 12 triệu 100 nghìn đồng tiền tổn thất tinh thần."
    )
    assert _figures(text) == [
        ("15 tỉ 760 triệu đồng", 15760000000),
        ("10 tỷ 1 triệu 335 nghìn đồng", 10001335000),
        ("12 triệu 100 nghìn đồng", 12100000),
    ]


def test_scales_that_do_not_decrease_are_no_one_number() -> None:
    assert parse_number("2 triệu 3 triệu") is None
    assert parse_number("5 nghìn 2 triệu") is None
    assert parse_number("hai nghìn tỷ") == 2000000000000


def test_the_thousands_of_a_number_grouped_by_spaces_are_no_figure_of_their_own() -> None:
    text = "Thương lái mua đỉa với giá 400 000 đồng/kg; một ngày bắt được 200 000 đồng."
    assert all(value != 0 for _, value in _figures(text))
    assert "000 đồng" not in [t for t, _ in _figures(text)]


# -- ORG: the general departments of the People's Army ---------------------------------------


def test_the_armys_general_departments_carry_the_army_in_their_names() -> None:
    text = (
        "Trung tướng Lê Văn Cường, Phó Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam, "
        "dự lễ; Bộ Tổng Tham mưu QĐND Việt Nam đồng ý; Bộ Quốc phòng và Quân đội nhân dân "
        "Việt Nam tri ân."
    )
    assert texts_of(text, "ORG") == [
        "Tổng cục Chính trị Quân đội nhân dân Việt Nam",
        "Bộ Tổng Tham mưu QĐND Việt Nam",
        "Bộ Quốc phòng",
        "Quân đội nhân dân Việt Nam",
    ]


# -- ORG, TITLE: several bodies or posts are no specific one ---------------------------------


def test_bodies_and_posts_of_the_two_countries_are_plural() -> None:
    text = (
        "Hai bên nhất trí báo cáo Bộ trưởng Bộ Quốc phòng hai nước. Hợp tác giữa hai Bộ Quốc "
        "phòng được tăng cường; Quốc hội hai nước sẽ đối thoại. Các Sở Giao thông vận tải họp."
    )
    assert texts_of(text, "ORG") == []
    assert texts_of(text, "TITLE") == []
    assert texts_of(text, "PERSON") == []
    assert texts_of(text, "FIGURE") == []


def test_an_ordinal_or_a_named_list_is_no_plural() -> None:
    text = (
        "Kỳ họp thứ ba Quốc hội khóa XIV khai mạc. Sinh viên năm ba Trường ĐH Kinh tế Quốc "
        "dân kể lại. Hai CLB Đồng Nai và Nam Định góp cầu thủ."
    )
    assert texts_of(text, "ORG") == ["Quốc hội", "Trường ĐH Kinh tế Quốc dân", "CLB Đồng Nai"]
