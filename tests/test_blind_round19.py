"""Classes of the nineteenth blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import mentions_of, texts_of, titles_of

# -- DATE: seasons and school years ------------------------------------------------------------


def test_a_season_of_two_four_digit_years_is_two_dates() -> None:
    text = "Quỹ lương của đội bóng trong mùa giải 2018/2019 tăng 12%."
    dates = [(m["text"], m["value"]) for m in mentions_of(text, "DATE")]
    assert dates == [("2018", "2018"), ("2019", "2019")]


def test_two_years_that_do_not_follow_each_other_are_no_season() -> None:
    text = "Máy chủ cài Windows Server 2008/2008 R2 bị tấn công."
    assert texts_of(text, "DATE") == []


# -- PERSON.title: a post, then ông or bà, then the name ----------------------------------------


def test_a_post_before_ong_or_ba_is_the_holder_s_title() -> None:
    text = "Chủ tịch HĐND tỉnh bà Lê Thị Hạnh khẳng định sẽ giám sát chặt chẽ."
    assert titles_of(text) == {"Lê Thị Hạnh": "Chủ tịch HĐND tỉnh"}


def test_a_foreign_minister_before_ong_keeps_the_post() -> None:
    text = "Bộ trưởng Quốc phòng Canada ông Peter Collins tới Hà Nội hôm qua."
    assert titles_of(text) == {"Peter Collins": "Bộ trưởng Quốc phòng Canada"}


# -- PERSON: a byline of an initial and a given name -------------------------------------------


def test_a_byline_of_an_initial_a_space_and_a_given_name_is_the_author() -> None:
    text = "Vụ cháy không gây thiệt hại về người. Nguyên nhân đang được điều tra. K. Vy"
    bylines = [(m["text"], m.get("role")) for m in mentions_of(text, "PERSON")]
    assert bylines == [("K. Vy", "author")]


def test_a_byline_of_initials_and_a_given_name_in_capitals_is_the_author() -> None:
    text = "Hai xe va chạm trên quốc lộ. Cơ quan chức năng đang điều tra. T.H.LONG"
    bylines = [(m["text"], m.get("role")) for m in mentions_of(text, "PERSON")]
    assert bylines == [("T.H.LONG", "author")]
