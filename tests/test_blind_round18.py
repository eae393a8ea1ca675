"""Classes of the eighteenth blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import mentions_of, subjects_of, texts_of, titles_of

# -- ORG: parties abroad and firms named by their last English word ---------------------------


def test_a_party_abroad_with_its_class_noun_in_lower_case_is_a_body() -> None:
    text = "Ứng viên của đảng Lao động và đảng Xanh đều mất ghế trong cuộc bầu cử sớm."
    assert texts_of(text, "ORG") == ["đảng Lao động", "đảng Xanh"]


def test_a_party_s_name_is_never_a_person_s() -> None:
    text = "Lãnh đạo phe thiểu số, thủ lĩnh đảng Richard Blake, lên tiếng phản đối."
    assert texts_of(text, "ORG") == []
    assert texts_of(text, "PERSON") == ["Richard Blake"]


def test_a_member_of_a_party_keeps_the_party_in_the_post() -> None:
    text = "Hạ nghị sĩ đảng Cộng hòa Peter Collins phản đối dự luật."
    assert titles_of(text) == {"Peter Collins": "Hạ nghị sĩ đảng Cộng hòa"}


def test_a_firm_named_by_its_last_english_word_is_a_body() -> None:
    text = "Cổ phiếu của Norland Motors và Kestrel Airlines cùng giảm trong phiên sáng nay."
    assert texts_of(text, "ORG") == ["Norland Motors", "Kestrel Airlines"]


def test_a_firm_after_a_post_is_the_post_s_body_not_a_person() -> None:
    text = "Ông Trần Văn Hải, Tổng giám đốc Halong Star Group, cho biết dự án sẽ khởi công."
    assert "Halong Star Group" in texts_of(text, "ORG")
    assert texts_of(text, "PERSON") == ["Trần Văn Hải"]


def test_a_country_before_a_foreign_firm_stays_outside_it() -> None:
    text = "Khoản vay đến từ quỹ đầu tư Hồng Kông Redwood Capital."
    assert texts_of(text, "ORG") == ["Redwood Capital"]
    assert texts_of(text, "PLACE") == ["Hồng Kông"]


def test_a_firm_s_word_before_a_capitalised_word_names_no_firm() -> None:
    text = "Mẫu xe mới ra mắt tại triển lãm Oslo Motor Show năm nay."
    assert texts_of(text, "ORG") == []


def test_an_org_that_stops_inside_a_firm_s_name_runs_to_its_end() -> None:
    text = "Khu nghỉ dưỡng thuộc tập đoàn Kestrel Harbour Holdings của Singapore."
    assert "tập đoàn Kestrel Harbour Holdings" in texts_of(text, "ORG")


# -- PLACE, PERSON: ships named after cities and people -----------------------------------------


def test_a_city_after_a_ship_s_class_names_the_ship() -> None:
    text = "Tàu khu trục Hàng Châu và tàu hộ vệ Ôn Châu rời cảng hôm 3/7."
    assert texts_of(text, "PLACE") == []


def test_a_country_after_a_ship_s_class_stays_its_flag() -> None:
    text = "Khu trục hạm Nhật Bản và tàu sân bay Mỹ cùng tham gia tập trận."
    assert texts_of(text, "PLACE") == ["Nhật Bản", "Mỹ"]


def test_a_person_s_name_after_a_navy_s_ship_prefix_is_the_ship() -> None:
    text = "Tàu sân bay USS Harry Truman và tàu HMS Albion đã cập cảng."
    assert texts_of(text, "PERSON") == []


def test_a_blocked_name_holds_no_shorter_place() -> None:
    text = "Hạm đội tàu ngầm Thái Bình Dương nhận thêm hai tàu mới."
    assert texts_of(text, "PLACE") == []


def test_a_party_s_name_runs_over_the_syllable_the_segmenter_glued_to_đảng() -> None:
    text = "Các nhà hoạt động đảng Cứu nguy Dân tộc (CNRP) đã tuần hành."
    assert texts_of(text, "ORG") == ["đảng Cứu nguy Dân tộc", "CNRP"]


def test_a_department_named_after_a_region_keeps_its_name() -> None:
    text = "Ông Lê Văn Sơn, Vụ trưởng Vụ Châu Âu, chủ trì cuộc họp."
    assert "Vụ Châu Âu" in texts_of(text, "ORG")


def test_a_board_s_head_before_a_full_name_is_no_body_named_after_him() -> None:
    text = "Văn bản kỷ luật do Trưởng ban Trần Quốc Việt ký ngày 3/7."
    assert texts_of(text, "ORG") == []
    assert titles_of(text) == {"Trần Quốc Việt": "Trưởng ban"}


# -- PERSON, PLACE: pupils by initials, walking streets ---------------------------------------


def test_a_pupil_named_by_initials_is_a_person() -> None:
    text = "Gia đình nữ sinh H.T (14 tuổi) đã trình báo công an, còn học sinh N.K vẫn nghỉ học."
    assert texts_of(text, "PERSON") == ["H.T", "N.K"]


def test_a_walking_street_named_after_a_person_is_a_street() -> None:
    text = "Du khách đổ về phố đi bộ Trần Hưng Đạo vào tối thứ Bảy."
    assert texts_of(text, "PLACE") == ["phố đi bộ Trần Hưng Đạo"]
    assert texts_of(text, "PERSON") == []


# -- FIGURE: a scaled amount after a code word; verbs after a number ---------------------------


def test_a_scaled_amount_after_a_milestone_word_is_money() -> None:
    text = "Giá vàng miếng đã vượt mốc 40 triệu đồng/lượng trong phiên chiều."
    assert texts_of(text, "FIGURE") == ["40 triệu đồng"]


def test_a_verb_of_saying_after_a_number_is_no_counted_noun() -> None:
    text = "Sau nhiều giờ thẩm vấn, cả 3 thừa nhận hành vi trộm cắp."
    assert texts_of(text, "FIGURE") == []


# -- PERSON: foreign names before their post; the diplomat's "Ngài" ---------------------------


def test_a_foreign_name_before_a_comma_and_its_post_is_a_person() -> None:
    text = "Dự án bị hoãn. Okonkwo Adeyemi, Giám đốc điều hành hãng Brightwave, cho biết vậy."
    assert titles_of(text) == {"Okonkwo Adeyemi": "Giám đốc điều hành hãng Brightwave"}


def test_a_clause_opening_vietnamese_word_before_a_post_is_no_name() -> None:
    text = "Theo Đài Sputnik, Tổng thống Nga Vladimir Putin sẽ tham dự."
    assert texts_of(text, "PERSON") == ["Vladimir Putin"]


def test_ngài_before_a_foreign_dignitary_names_him_not_a_god() -> None:
    text = "Thủ tướng tiếp Ngài Hans Keller. Người dân dâng hương kính mời ngài Thần Tài."
    assert texts_of(text, "PERSON") == ["Hans Keller"]


def test_a_student_s_country_before_his_foreign_name_is_no_part_of_it() -> None:
    text = "Gia đình sinh viên Mỹ Jacobsen đã lên tiếng sau khi anh được thả."
    assert texts_of(text, "PERSON") == ["Jacobsen"]


def test_a_province_s_tax_department_with_a_lowercase_field_is_one_body() -> None:
    text = "Cục thuế TP Cần Thơ đã gửi thư mời, còn Chi cục thuế quận Ninh Kiều chưa có ý kiến."
    assert texts_of(text, "ORG") == ["Cục thuế TP Cần Thơ", "Chi cục thuế quận Ninh Kiều"]


# -- subjects: a lake after the river basin it lies in ----------------------------------------


def test_a_feature_after_a_fronted_basin_is_the_clause_s_subject() -> None:
    text = "Trên lưu vực sông Mã, hồ Cửa Đạt có diện tích mặt nước gần 3.000 ha."
    assert subjects_of(text) == {"3.000 ha": "hồ Cửa Đạt"}


def test_a_full_name_written_twice_in_a_row_is_two_mentions() -> None:
    text = "Ông Kenji Morita Kenji Morita bị liệt từ thắt lưng."
    assert texts_of(text, "PERSON") == ["Kenji Morita", "Kenji Morita"]


def test_an_english_first_name_before_vietnamese_given_names_is_one_name() -> None:
    text = "Jessica Thảo Vy và Kevin Minh cùng dự sự kiện. Wanda Nara Năm 2013 đã khác."
    assert texts_of(text, "PERSON") == ["Jessica Thảo Vy", "Kevin Minh", "Wanda Nara"]


# -- DATE: a range of months with the year after the second --------------------------------


def test_the_first_month_of_a_range_takes_the_year_written_after_the_second() -> None:
    text = "Nhóm này hoạt động trong giai đoạn tháng 3-5/2016 và từ tháng 9 - 11/2017."
    dates = [(m["text"], m["value"]) for m in mentions_of(text, "DATE")]
    assert dates == [
        ("tháng 3", "2016-03"),
        ("5/2016", "2016-05"),
        ("tháng 9", "2017-09"),
        ("11/2017", "2017-11"),
    ]
