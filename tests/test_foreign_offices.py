"""Offices of foreign states and of diplomacy: the post, its state and its holder.

Sentences written for these tests (no real article is quoted)."""

from __future__ import annotations

import pytest

from pipeline.api import extract_text


def _mentions(text: str) -> list[tuple[str, str]]:
    return [(m["label"], m["text"]) for m in extract_text(text + "\n")["mentions"]]


@pytest.mark.parametrize(
    ("text", "title", "country", "person"),
    [
        ("Hôm qua, Tổng thống Mỹ Donald Trump phát biểu.", "Tổng thống Mỹ", "Mỹ", "Donald Trump"),
        ("Ngoại trưởng Nga Sergei Lavrov nói.", "Ngoại trưởng Nga", "Nga", "Sergei Lavrov"),
        ("Hôm nay, Thủ tướng Đức Angela Merkel đến.", "Thủ tướng Đức", "Đức", "Angela Merkel"),
        ("Tổng thống Pháp Emmanuel Macron tới thăm.", "Tổng thống Pháp", "Pháp", "Emmanuel Macron"),
    ],
)
def test_a_head_of_state_with_a_one_syllable_country(
    text: str, title: str, country: str, person: str
) -> None:
    found = _mentions(text)
    assert ("TITLE", title) in found
    assert ("PLACE", country) in found
    assert ("PERSON", person) in found


def test_a_country_word_that_is_a_given_name_stays_a_person() -> None:
    """No foreign name after it: ``Bí thư Nga`` is the secretary called Nga."""
    found = _mentions("Bà Lê Thị Nga dự họp. Bí thư Nga cho biết xã đã xong đường.")
    assert ("PERSON", "Nga") in found
    assert ("PLACE", "Nga") not in found


def test_an_ambassador_post_runs_over_both_states() -> None:
    text = "Ông Trần Văn Bình, Đại sứ đặc mệnh toàn quyền của Việt Nam tại Albania, dự lễ."
    record = extract_text(text + "\n")
    titles = [m["text"] for m in record["mentions"] if m["label"] == "TITLE"]
    assert titles == ["Đại sứ đặc mệnh toàn quyền của Việt Nam tại Albania"]
    person = next(m for m in record["mentions"] if m["label"] == "PERSON")
    assert person["title"] == titles[0]


def test_a_country_before_an_initialled_foreign_name_is_the_holders_state() -> None:
    found = _mentions("Hôm qua, Tổng thống Nga V.Putin phát biểu.")
    assert ("TITLE", "Tổng thống Nga") in found
    assert ("PLACE", "Nga") in found
