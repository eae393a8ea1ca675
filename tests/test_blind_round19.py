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


# -- ORG: clubs, agencies and missions ---------------------------------------------------------


def test_a_futsal_club_named_like_a_person_is_a_club() -> None:
    text = "Các cầu thủ Thái Sơn Nam thắng đậm 7-2 trước Tân Hiệp Hưng ở vòng 9."
    assert texts_of(text, "ORG") == ["Thái Sơn Nam", "Tân Hiệp Hưng"]
    assert texts_of(text, "PERSON") == []


def test_the_social_insurance_agency_named_by_its_role_is_a_body() -> None:
    text = "Sau khi rà soát, cơ quan BHXH yêu cầu bệnh viện hoàn trả tiền thuốc."
    assert texts_of(text, "ORG") == ["cơ quan BHXH"]


def test_agencies_in_the_plural_name_no_body() -> None:
    text = "Trách nhiệm thuộc về các cơ quan BHXH địa phương."
    assert texts_of(text, "ORG") == []


def test_an_embassy_by_its_abbreviation_is_a_body() -> None:
    text = "Buổi lễ có đại diện ĐSQ Việt Nam tại Ba Lan tham dự."
    orgs = mentions_of(text, "ORG")
    assert [m["text"] for m in orgs] == ["ĐSQ Việt Nam"]
    assert orgs[0]["expanded"] == "Đại sứ quán Việt Nam"


# -- ORG: a club described, not named ----------------------------------------------------------


def test_a_club_word_before_a_description_names_no_club() -> None:
    text = "Juventus là CLB đầu tiên giữ được ngôi vô địch, còn đội bóng xứ Catalunya thì không."
    assert texts_of(text, "ORG") == ["Juventus"]


def test_a_club_word_with_its_sport_and_a_name_is_a_club() -> None:
    text = "CLB bóng chuyền nữ Kim Long và Đội bóng rổ Sao Mai cùng vào chung kết."
    assert texts_of(text, "ORG") == ["CLB bóng chuyền nữ Kim Long", "Đội bóng rổ Sao Mai"]


# -- ORG: a lowercase run closed by the abbreviation in brackets ---------------------------------


def test_a_name_runs_through_lowercase_words_to_its_bracketed_abbreviation() -> None:
    text = "Quân của Chính phủ hòa hợp dân tộc (GNU) kiểm soát sân bay. GNU bác bỏ tin đồn."
    assert texts_of(text, "ORG") == ["Chính phủ hòa hợp dân tộc", "GNU", "GNU"]


def test_a_verb_before_the_bracket_stays_outside_the_name() -> None:
    text = "Các tay súng của Nhà nước Hồi giáo tự xưng (IS) rút khỏi thành phố."
    assert "Nhà nước Hồi giáo" in texts_of(text, "ORG")
    assert "Nhà nước Hồi giáo tự xưng" not in texts_of(text, "ORG")


# -- PLACE: streets listed, the parts of a place -----------------------------------------------


def test_streets_listed_after_a_street_classifier_are_streets_not_people() -> None:
    text = "Xe máy đậu tràn lan trên các tuyến đường Lý Thường Kiệt, Trần Quang Khải và Lê Lợi."
    assert texts_of(text, "PLACE") == [
        "đường Lý Thường Kiệt",
        "Trần Quang Khải",
        "Lê Lợi",
    ]
    assert texts_of(text, "PERSON") == []


def test_a_capitalised_bearing_before_a_country_leaves_the_country_the_place() -> None:
    text = "Giao tranh tiếp diễn ở miền Bắc Mali và phía Đông Ukraine trong tuần qua."
    assert texts_of(text, "PLACE") == ["Mali", "Ukraine"]


def test_a_capitalised_bearing_before_a_foreign_city_is_no_family_name() -> None:
    text = "Hội nghị diễn ra tại một khu nghỉ dưỡng phía Tây Kyoto."
    assert texts_of(text, "PLACE") == ["Kyoto"]
    assert texts_of(text, "PERSON") == []


def test_a_region_of_vietnam_stays_a_region() -> None:
    text = "Mưa lớn kéo dài ở miền Nam từ đầu tuần."
    assert texts_of(text, "PLACE") == ["miền Nam"]


# -- PLACE: a district before its city, written with the city's abbreviation --------------------


def test_a_district_before_its_city_in_brackets_is_a_place() -> None:
    text = "Phụ huynh xếp hàng trước cổng trường mầm non Sao Mai (Bình Thạnh, TP.HCM) từ sáng."
    places = [(m["text"], m["level"]) for m in mentions_of(text, "PLACE")]
    assert ("Bình Thạnh", "district") in places


# -- FIGURE: capitalised currencies after a scale word ---------------------------------------------


def test_a_capitalised_currency_after_a_scale_word_is_money() -> None:
    text = "Câu lạc bộ sẵn sàng chi 75 triệu Bảng, tương đương 2.200 tỷ Đồng."
    figures = [(m["text"], m["quantity"]) for m in mentions_of(text, "FIGURE")]
    assert figures == [("75 triệu Bảng", "money"), ("2.200 tỷ Đồng", "money")]


def test_a_capitalised_dong_without_a_scale_is_a_name() -> None:
    text = "Cửa hàng ở số 8 Đồng Khởi mở cửa từ sáng."
    assert texts_of(text, "FIGURE") == []


# -- FIGURE: stalls, beaches and titles counted ------------------------------------------------


def test_stalls_beaches_and_titles_won_are_counted() -> None:
    text = "Đám cháy thiêu rụi 14 ki-ốt; hòn đảo có 9 bãi biển; đội bóng giành 3 chức vô địch."
    assert texts_of(text, "FIGURE") == ["14 ki-ốt", "9 bãi biển", "3 chức vô địch"]


# -- PLACE, PERSON: an address chain -----------------------------------------------------------


def test_a_name_after_a_residence_verb_is_no_person() -> None:
    text = "Bị can Trần Văn Tú (SN 1980, trú tại Lê Thánh Tông, phường 4, quận 5) bị bắt."
    assert texts_of(text, "PERSON") == ["Trần Văn Tú"]


def test_a_commune_before_its_district_and_province_is_a_place() -> None:
    text = "Lão nông Lê Văn Hòa (67 tuổi, Hải Minh, Hải Hậu, Nam Định) kể lại chuyện cũ."
    places = [(m["text"], m["level"]) for m in mentions_of(text, "PLACE")]
    assert ("Hải Minh", "commune") in places
    assert ("Hải Hậu", "district") in places


# -- ORG: a group in title case, a hospital's medical field ---------------------------------------


def test_a_group_written_in_title_case_is_one_body_with_its_trade() -> None:
    text = "Cùng ngày, Tập Đoàn Vàng bạc đá quý Kim Phát niêm yết giá vàng miếng."
    assert texts_of(text, "ORG") == ["Tập Đoàn Vàng bạc đá quý Kim Phát"]


def test_a_hospital_named_by_blood_and_haematology_is_one_body() -> None:
    text = "Bệnh viện Truyền máu Huyết học Cần Thơ tiếp nhận 300 đơn vị máu."
    assert "Bệnh viện Truyền máu Huyết học Cần Thơ" in texts_of(text, "ORG")


def test_no_trade_words_bridge_on_from_a_well_known_name() -> None:
    text = "Sáng nay, Tập đoàn PNJ niêm yết giá vàng SJC ở mức 36,5 triệu đồng/lượng."
    assert texts_of(text, "ORG") == ["Tập đoàn PNJ", "SJC"]
