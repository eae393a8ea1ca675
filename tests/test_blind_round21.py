"""Classes of the twenty-first blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import texts_of

# -- DATE: a duration of months and days --------------------------------------------------------


def test_months_and_days_of_a_duration_are_no_date() -> None:
    text = "Bị cáo lĩnh 3 năm 4 tháng 12 ngày tù; sau 9 tháng 10 ngày, chị sinh con ngày 5 tháng 6."
    assert texts_of(text, "DATE") == ["ngày 5 tháng 6"]


# -- ORG: a firm introduced by its trade, its proper name alone later ---------------------------


def test_a_firm_introduced_by_its_trade_is_the_same_org_bare_later() -> None:
    text = "Hãng điện thoại Nordvik sắp phá sản. Năm 2015, Nordvik được một quỹ đầu tư mua lại."
    assert texts_of(text, "ORG") == ["Nordvik", "Nordvik"]


def test_a_firms_name_in_foreign_letters_ends_before_the_verb_after_it() -> None:
    text = "Công ty Quintaro kiện Google ra tòa, còn Tập đoàn Belvoro phát triển dự án mới."
    assert texts_of(text, "ORG") == ["Công ty Quintaro", "Google", "Tập đoàn Belvoro"]
