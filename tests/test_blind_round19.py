"""Classes of the nineteenth blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import mentions_of, texts_of

# -- DATE: seasons and school years ------------------------------------------------------------


def test_a_season_of_two_four_digit_years_is_two_dates() -> None:
    text = "Quỹ lương của đội bóng trong mùa giải 2018/2019 tăng 12%."
    dates = [(m["text"], m["value"]) for m in mentions_of(text, "DATE")]
    assert dates == [("2018", "2018"), ("2019", "2019")]


def test_two_years_that_do_not_follow_each_other_are_no_season() -> None:
    text = "Máy chủ cài Windows Server 2008/2008 R2 bị tấn công."
    assert texts_of(text, "DATE") == []
