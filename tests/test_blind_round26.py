"""Classes of the twenty-ninth blind round (dev31). Every sentence is synthetic."""

from __future__ import annotations

from conftest import texts_of, titles_of

# -- ORG: a Party committee's departments, specialty hospitals --------------------------------


def test_a_department_of_a_district_party_committee_keeps_the_committee() -> None:
    text = (
        "Ông Đỗ Văn Tâm, Trưởng Ban tổ chức Huyện ủy Ia Pa, cho biết Ban tổ chức Huyện ủy đã họp."
    )
    assert texts_of(text, "ORG") == ["Ban tổ chức Huyện ủy Ia Pa", "Ban tổ chức Huyện ủy"]
    assert titles_of(text) == {"Đỗ Văn Tâm": "Trưởng Ban tổ chức Huyện ủy Ia Pa"}


def test_a_hospital_named_after_a_disease_is_named_whole() -> None:
    text = (
        "Bệnh nhân được chuyển lên Bệnh viện Bệnh nhiệt đới TP.HCM. Khoa Hồi sức cấp cứu đã nhận."
    )
    assert texts_of(text, "ORG") == ["Bệnh viện Bệnh nhiệt đới TP.HCM", "Khoa Hồi sức cấp cứu"]


# -- TITLE: a commune's civil servants by their field -----------------------------------------


def test_a_communes_civil_servant_by_field_is_a_post() -> None:
    text = (
        "Ông Lò Văn Hạnh, cán bộ địa chính xã Mường Lói, và bà Cà Thị Út, công chức tư pháp "
        "xã, đã ký biên bản. Các cán bộ địa chính phải đo lại."
    )
    assert texts_of(text, "TITLE") == ["cán bộ địa chính xã Mường Lói", "công chức tư pháp xã"]
    assert titles_of(text) == {
        "Lò Văn Hạnh": "cán bộ địa chính xã Mường Lói",
        "Cà Thị Út": "công chức tư pháp xã",
    }


# -- PERSON: a Gaelic family name after a profession comes back bare ------------------------


def test_a_family_name_after_a_profession_is_the_person_again() -> None:
    text = "Võ sĩ McAllister tự tin trước trận đấu. Trong sự nghiệp, McAllister thắng 20 trận."
    assert texts_of(text, "PERSON") == ["McAllister", "McAllister"]


# -- PLACE: a lost full stop after a zone's name; the capital's district ---------------------


def test_a_lead_word_after_a_zones_name_opens_the_next_sentence() -> None:
    text = (
        "Tảng đá được trưng bày ở Khu bảo tồn thiên nhiên Pù Luông Theo ông Hà Văn Lực, đá "
        "nặng 20 tấn. Công an huyện Ba Vì và dự án cầu Việt Trì - Ba Vì cũng được nhắc đến; "
        "lũ trên sông Kỳ Cùng với biên độ 2 m."
    )
    assert texts_of(text, "PLACE") == [
        "Khu bảo tồn thiên nhiên Pù Luông",
        "huyện Ba Vì",
        "cầu Việt Trì - Ba Vì",
        "sông Kỳ Cùng",
    ]


def test_the_us_capital_with_its_district_is_one_place() -> None:
    text = "Cảnh sát thủ đô Washington D.C cho biết đã bắt 2 người; biểu tình ở Washington DC."
    assert texts_of(text, "PLACE") == ["Washington D.C", "Washington DC"]
