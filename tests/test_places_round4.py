"""PLACE classes of places that bear a person's name or look like one (places round 4):
the street of an address after a house or alley number, states of the past, venues named
after people. Every sentence here is synthetic."""

from __future__ import annotations

import pytest

from pipeline.api import extract_text


def _labels(text: str, *labels: str) -> list[tuple[str, str, str | None]]:
    return [
        (m["label"], m["text"], m.get("level"))
        for m in extract_text(text)["mentions"]
        if m["label"] in labels
    ]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Nghi phạm ngụ 41C Phạm Văn Khoa, phường 3.", "Phạm Văn Khoa"),
        ("Công ty có địa chỉ 27/9 Lê Thành Đạt, phường 4.", "Lê Thành Đạt"),
        ("Vụ cháy xảy ra trong hẻm 318 Trần Quang Hòa, quận 7.", "Trần Quang Hòa"),
        ("Quán nằm ở ngõ 12 Đinh Văn Sở, Hà Nội.", "Đinh Văn Sở"),
        ("Nhà bà ở kiệt 45 Hoàng Minh Tâm, Đà Nẵng.", "Hoàng Minh Tâm"),
        ("Cửa hàng tại số 9 Hàng Thùng, Hà Nội.", "Hàng Thùng"),
        # A street named after an old unit is the street, not the commune.
        ("Văn phòng ở số 209 Xã Đàn, Hà Nội.", "Xã Đàn"),
    ],
)
def test_a_street_after_a_house_number(text: str, street: str) -> None:
    found = _labels(text, "PERSON", "PLACE")
    assert ("PLACE", street, "other") in found
    assert not any(label == "PERSON" for label, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        # A metro line between two ends; a count of offices.
        "Tuyến metro số 2 Thanh Vân - Phú Mây chạy thử.",
        "Trẻ được tiêm tại 5 Trạm Y tế xã.",
    ],
)
def test_no_street_without_an_address(text: str) -> None:
    assert not any(level == "other" for _, _, level in _labels(text, "PLACE"))


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Thục Phán dựng nước Âu Lạc ở vùng đồng bằng.", ["Âu Lạc"]),
        ("Nhà nước Văn Lang có mười lăm bộ.", ["Văn Lang"]),
        ("Người xưa đặt quốc hiệu Đại Cồ Việt cho vương triều mới.", ["Đại Cồ Việt"]),
        ("Đồ gốm thời Văn Lang - Âu Lạc được trưng bày.", ["Văn Lang", "Âu Lạc"]),
        ("Tháp cổ của vương quốc Chăm Pa nằm trên đồi.", ["Chăm Pa"]),
    ],
)
def test_a_state_of_the_past_after_a_noun_of_statehood(text: str, states: list[str]) -> None:
    found = _labels(text, "PERSON", "PLACE")
    assert [(t, level) for label, t, level in found if label == "PLACE"] == [
        (s, "country") for s in states
    ]
    assert not any(label == "PERSON" for label, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        # Bare, the names of old states are also parks, firms and schools.
        "Khu du lịch Đại Nam đón nhiều khách.",
        "Công ty Vạn Xuân vừa khai trương.",
    ],
)
def test_a_state_of_the_past_needs_its_noun(text: str) -> None:
    assert not any(level == "country" for _, _, level in _labels(text, "PLACE"))


@pytest.mark.parametrize(
    "text",
    [
        "Giải đấu khai mạc tại nhà thi đấu Trần Quang Diệu.",
        "Đêm nhạc diễn ra ở Cung Văn hóa Lê Minh Hưu.",
    ],
)
def test_a_venue_named_after_a_person_is_no_person(text: str) -> None:
    assert not any(label == "PERSON" for label, _, _ in _labels(text, "PERSON"))


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # Units listed after a numbered one, plural or singular, numbers and names.
        (
            "Giá thấp nhất áp dụng tại các quận 7, 8, 12, Gò Vấp và các huyện vùng ven.",
            ["quận 7", "8", "12", "Gò Vấp"],
        ),
        (
            "Tiếp đến là quận 3; 5; Phú Nhuận; 11 - với mức giá thấp hơn.",
            ["quận 3", "5", "Phú Nhuận", "11"],
        ),
        ("Các phường 1, 2 và 4 của quận 5 bị ngập.", ["phường 1", "2", "4", "quận 5"]),
        # A number that a noun follows is a count, not a unit.
        ("Vụ cháy ở phường 3, 5 người bị thương.", ["phường 3"]),
    ],
)
def test_units_listed_after_a_numbered_unit(text: str, listed: list[str]) -> None:
    assert [t for _, t, _ in _labels(text, "PLACE")] == listed


def test_the_street_of_an_address_that_opens_a_clause() -> None:
    found = _labels(
        "Chi nhánh ngân hàng - 198 Trần Quang Khải, Hà Nội - nhận chuyển khoản.", "PLACE", "PERSON"
    )
    assert ("PLACE", "Trần Quang Khải", "other") in found
    assert not [f for f in found if f[0] == "PERSON"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Trong khi CHDCND Triều Tiên tuyên bố thử tên lửa, Mỹ phản đối.", "CHDCND Triều Tiên"),
        ("Doanh nhân này đang sống tại CHLB Đức.", "CHLB Đức"),
        ("CHND Trung Hoa lên tiếng.", "CHND Trung Hoa"),
    ],
)
def test_abbreviated_state_forms(text: str, country: str) -> None:
    assert ("PLACE", country, "country") in _labels(text, "PLACE")


def test_a_country_listed_with_another_though_glued_to_its_verb() -> None:
    # the segmenter joins "Mỹ tập"; listed with a country, it is one; "Mỹ thuật" never
    assert ("PLACE", "Mỹ", "country") in _labels("Hàn Quốc và Mỹ tập trận quy mô lớn.", "PLACE")
    assert _labels("Em học Mỹ thuật và Hàn Quốc học ở trường.", "PLACE") == [
        ("PLACE", "Hàn Quốc", "country")
    ]


def test_biosphere_reserves() -> None:
    assert _labels("Tảng đá được giao cho khu dự trữ sinh quyển thế giới Langbiang.", "PLACE") == [
        ("PLACE", "khu dự trữ sinh quyển thế giới Langbiang", "other")
    ]


def test_a_famous_lake_named_with_ho_is_no_person() -> None:
    found = _labels("Sở phải di dời các tàu nhà hàng trên Hồ Tây.", "PLACE", "PERSON")
    assert found == [("PLACE", "Hồ Tây", "other")]


def test_a_country_that_is_a_given_name_repeats_after_a_foreign_word_or_a_sentence_opener() -> None:
    # "Nga" once cued (listed with countries) is the country again after "Phía" opening a
    # sentence and after a foreign company name, neither of which is a person's name.
    text = "Nga, Mỹ và Iran họp. Phía Nga phản đối. Tập đoàn Gazprom Nga tăng giá."
    found = [m["text"] for m in extract_text(text)["mentions"] if m["label"] == "PLACE"]
    assert found.count("Nga") == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Tunnels, straits and a capitalised port are named infrastructure.
        ("Dự án mở rộng hầm Hải Vân qua eo vịnh Lăng Cô.", ["hầm Hải Vân", "vịnh Lăng Cô"]),
        (
            "Tàu chở dầu qua eo biển Hormuz rồi cập Cảng Tiên Sa.",
            ["eo biển Hormuz", "Cảng Tiên Sa"],
        ),
        # Abbreviated khu phố and tổ dân phố take a number.
        ("Em Q. trú Kp.2, ông B ở TDP 7.", ["Kp.2", "TDP 7"]),
        # A descriptor between a unit word and a name the gazetteer knows at that level.
        ("Xưởng ở huyện miền núi Tân Phú, Đồng Nai.", ["huyện miền núi Tân Phú", "Đồng Nai"]),
        ("Căn nhà ở huyện miền núi Đồng Nai bị khám.", ["Đồng Nai"]),
    ],
)
def test_infrastructure_abbreviated_villages_and_unit_descriptors(
    text: str, expected: list[str]
) -> None:
    assert [m["text"] for m in extract_text(text)["mentions"] if m["label"] == "PLACE"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A traditional region after xứ is the name alone; a country after it stays a country.
        (
            "Những anh hùng xứ Nghệ và người dân xứ Kinh Bắc.",
            [("Nghệ", "other"), ("Kinh Bắc", "other")],
        ),
        ("Ngôi sao xứ Hàn sang Việt Nam.", [("Hàn", "country"), ("Việt Nam", "country")]),
        ("Anh trở về xứ sở.", []),
    ],
)
def test_regions_after_xu(text: str, expected: list[tuple[str, str]]) -> None:
    found = [
        (m["text"], m["level"]) for m in extract_text(text)["mentions"] if m["label"] == "PLACE"
    ]
    assert found == expected
