"""Classes of the eleventh blind round. Every sentence here is synthetic."""

from __future__ import annotations

from pipeline.api import extract_text


def _mentions(text: str, label: str) -> list[dict]:
    return [m for m in extract_text(text)["mentions"] if m["label"] == label]


def _texts(text: str, label: str) -> list[str]:
    return [m["text"] for m in _mentions(text, label)]


# -- ORG ---------------------------------------------------------------------------------


def test_a_police_force_abroad_with_its_country_or_city() -> None:
    text = (
        "Cảnh sát Hà Lan và cảnh sát Hong Kong đã phối hợp, theo Cảnh sát Chicago. "
        "Cảnh sát Đà Nẵng không có."
    )
    assert _texts(text, "ORG") == ["Cảnh sát Hà Lan", "cảnh sát Hong Kong", "Cảnh sát Chicago"]


def test_a_site_credited_by_its_domain_label_and_a_caption_run_on() -> None:
    text = (
        "Buổi lễ diễn ra trang trọng. Ảnh: Minh Hà/Bnews/TTXVN  Phát biểu tại lễ, ông "
        "nói.\nTheo dantri"
    )
    assert _texts(text, "ORG") == ["Bnews", "TTXVN", "dantri"]


# -- PLACE -------------------------------------------------------------------------------


def test_alleys_with_address_numbers_ports_and_tourist_zones() -> None:
    text = (
        "Cháy ở ngõ 12/34 đường Láng, ngách 5 ngõ 80 phố Huế và kiệt 45 Hùng Vương. Tàu "
        "tới cảng quốc tế Vân Phong rồi cảng cá Sa Huỳnh, gần Khu du lịch sinh thái "
        "Tràng An. Anh kiệt sức."
    )
    assert _texts(text, "PLACE") == [
        "ngõ 12/34",
        "đường Láng",
        "ngách 5",
        "ngõ 80",
        "phố Huế",
        "kiệt 45",
        "Hùng Vương",
        "cảng quốc tế Vân Phong",
        "cảng cá Sa Huỳnh",
        "Khu du lịch sinh thái Tràng An",
    ]


# -- FIGURE ------------------------------------------------------------------------------


def test_mines_count_and_two_countries_is_an_idiom() -> None:
    text = "Tỉnh cấp phép 6 mỏ cát, trong đó 2 mỏ ở lòng hồ. Quan hệ giữa hai quốc gia tốt."
    assert _texts(text, "FIGURE") == ["6 mỏ", "2 mỏ"]
