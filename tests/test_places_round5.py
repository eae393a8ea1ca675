"""PLACE classes of the seventh blind round (places round 5): a district named bare before
its province or after a place noun even when its name opens with a landmark word, one-word
foreign countries the segmenter glued to a neighbour, the press's two-letter codes, and the
commune a school is named after. Every sentence here is synthetic."""

from __future__ import annotations

import pytest

from pipeline.api import extract_text


def _places(text: str) -> list[tuple[str, str | None]]:
    return [
        (m["text"], m.get("level")) for m in extract_text(text)["mentions"] if m["label"] == "PLACE"
    ]


@pytest.mark.parametrize(
    ("text", "district"),
    [
        # A district and the province that holds it, no preposition before them.
        ("Học sinh trường THPT Kim Liên (Đống Đa, Hà Nội) dự thi sáng nay.", "Đống Đa"),
        ("Ông Lê Văn Phú, Hoàn Kiếm, Hà Nội phản ánh với báo.", "Hoàn Kiếm"),
        # A district whose name opens with a landmark word (cầu) after a place noun.
        ("Các điểm thi trên địa bàn Cầu Giấy đã sẵn sàng.", "Cầu Giấy"),
    ],
)
def test_a_bare_district_by_its_province_or_a_place_noun(text: str, district: str) -> None:
    assert (district, "district") in _places(text)


def test_a_district_needs_its_own_province_after_it() -> None:
    # Đống Đa is no district of Đà Nẵng: the pair proves nothing.
    assert ("Đống Đa", "district") not in _places("Đội Đống Đa, Đà Nẵng thắng trận.")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Trục liên minh kéo theo Syria-Hamas gây nhiều hệ lụy.", "Syria"),
        ("Hội nghị thượng đỉnh Mỹ-Arab diễn ra ở Riyadh.", "Mỹ"),
        # A caption whose full stop was lost before the next sentence's opener.
        ("Người dân tuần hành ở Madrid Theo AFP, cuộc tuần hành kéo dài hai giờ.", "Madrid"),
    ],
)
def test_one_word_foreign_places_glued_to_a_neighbour(text: str, country: str) -> None:
    assert country in [t for t, _ in _places(text)]


def test_a_foreign_brand_after_a_city_keeps_the_segmenters_joined_name() -> None:
    assert "Chicago" not in [t for t, _ in _places("Mẫu xe ra mắt tại Chicago Auto Show năm nay.")]


@pytest.mark.parametrize(
    ("text", "place", "level"),
    [
        ("Quan hệ VN – Lào ngày càng bền chặt.", "VN", "country"),
        ("Hàng TQ tràn ngập các chợ biên giới.", "TQ", "country"),
        ("Bí thư Thành ủy HN chỉ đạo kiểm tra.", "HN", "province"),
    ],
)
def test_the_press_codes_of_the_country_its_neighbour_and_its_capital(
    text: str, place: str, level: str
) -> None:
    assert (place, level) in _places(text)


@pytest.mark.parametrize(
    "text",
    ["Chỉ số VN-Index tăng mạnh.", "Rổ VN-30 giảm điểm.", "Tin: Minh Châu/VOV.VN"],
)
def test_a_code_inside_a_longer_name_is_no_place(text: str) -> None:
    assert "VN" not in [t for t, _ in _places(text)]


def test_a_school_named_after_its_commune_holds_the_commune() -> None:
    text = "Cô Lan, giáo viên trường THCS Yên Hòa, đạt giải nhất."
    assert ("Yên Hòa", "commune") in _places(text)


def test_a_city_that_is_a_persons_family_name_in_the_article_stays_the_person() -> None:
    text = "Siêu mẫu Adriana Lima dự tiệc. Nếu như Lima gợi cảm thì Lily lại nhẹ nhàng."
    assert "Lima" not in [t for t, _ in _places(text)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Sạt lở nhanh như các tỉnh đồng bằng sông Cửu Long.", "đồng bằng sông Cửu Long"),
        ("Nạn nhân được đưa vào BV đa khoa Hồng Lĩnh cấp cứu.", "Hồng Lĩnh"),
    ],
)
def test_a_region_in_lower_case_and_a_town_its_hospital_is_named_after(
    text: str, place: str
) -> None:
    assert place in [t for t, _ in _places(text)]


def test_hongkong_written_as_one_word() -> None:
    assert ("Hongkong", "other") in _places("Bà là ca sĩ nổi tiếng của Hongkong.")
