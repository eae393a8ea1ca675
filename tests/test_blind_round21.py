"""Classes of the twenty-first blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import texts_of

# -- DATE: a duration of months and days --------------------------------------------------------


def test_months_and_days_of_a_duration_are_no_date() -> None:
    text = "Bị cáo lĩnh 3 năm 4 tháng 12 ngày tù; sau 9 tháng 10 ngày, chị sinh con ngày 5 tháng 6."
    assert texts_of(text, "DATE") == ["ngày 5 tháng 6"]
