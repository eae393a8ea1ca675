"""Classes of the seventeenth blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import mentions_of, subjects_of, texts_of, titles_of

# -- ORG: courts, procuracies and police as the press writes them -----------------------------


def test_a_procuracy_capitalised_like_the_courts_is_one_body() -> None:
    text = "Viện Kiểm sát Nhân dân tỉnh Kon Tum đã hoàn tất cáo trạng truy tố hai bị can."
    assert texts_of(text, "ORG") == ["Viện Kiểm sát Nhân dân tỉnh Kon Tum"]


def test_the_people_s_police_as_a_force_is_one_body() -> None:
    text = "Sau vòng 10, Công an Nhân dân đứng đầu bảng xếp hạng."
    assert texts_of(text, "ORG") == ["Công an Nhân dân"]


def test_a_local_police_by_its_abbreviation_takes_its_place() -> None:
    text = "Vụ việc đã được chuyển cho CATP Đà Nẵng, CAQ Sơn Trà phối hợp điều tra."
    assert texts_of(text, "ORG") == ["CATP Đà Nẵng", "CAQ Sơn Trà"]
    assert [m["expanded"] for m in mentions_of(text, "ORG")] == [
        "Công an thành phố Đà Nẵng",
        "Công an quận Sơn Trà",
    ]


def test_a_drug_s_abbreviation_without_a_place_is_no_police() -> None:
    text = "Giá CAP trên thị trường đã giảm mạnh trong tháng qua."
    assert texts_of(text, "ORG") == []


def test_a_school_by_its_abbreviated_level_alone_is_a_body() -> None:
    text = "Em Lê Minh An, học sinh lớp 12A3 THPT Phan Bội Châu, đạt điểm cao nhất."
    assert "THPT Phan Bội Châu" in texts_of(text, "ORG")


def test_the_national_exam_named_by_the_level_is_no_school() -> None:
    text = "Kỳ thi THPT Quốc gia năm nay có hơn 800.000 thí sinh đăng ký."
    assert texts_of(text, "ORG") == []


def test_a_school_of_two_levels_stays_one_body() -> None:
    text = "Trường THCS - THPT Nguyễn Khuyến tuyển thêm 200 học sinh."
    assert texts_of(text, "ORG") == ["Trường THCS - THPT Nguyễn Khuyến"]


def test_a_person_whose_family_name_opens_a_delegation_is_a_person() -> None:
    text = "Trong số tiền trên, riêng Đoàn Minh Tiến nhận nhiều nhất."
    assert texts_of(text, "PERSON") == ["Đoàn Minh Tiến"]
    assert texts_of(text, "ORG") == []


def test_a_commune_s_police_before_a_count_takes_no_number() -> None:
    text = "Nhóm thanh niên đánh Phó công an xã 2 cái rồi bỏ chạy."
    assert "công an xã" in texts_of(text, "ORG")
    assert "công an xã 2" not in texts_of(text, "ORG")


# -- TITLE ------------------------------------------------------------------------------------


def test_a_chief_executive_by_the_press_abbreviation_is_a_post() -> None:
    text = "TGĐ Vietnam Airlines Lê Văn Hòa cho biết hãng sẽ mở thêm đường bay."
    assert titles_of(text) == {"Lê Văn Hòa": "TGĐ Vietnam Airlines"}


def test_a_deputy_police_chief_as_the_press_shortens_it_is_a_post() -> None:
    text = "Thượng tá Trần Văn Lâm, Phó Công an huyện Cam Lâm, cho biết đã bắt giữ đối tượng."
    assert titles_of(text) == {"Trần Văn Lâm": "Phó Công an huyện Cam Lâm"}


def test_an_envoy_to_an_international_body_keeps_the_body() -> None:
    text = "Bà Karen Miller, Đại sứ Canada tại Liên Hợp Quốc, phát biểu tại phiên họp."
    assert titles_of(text) == {"Karen Miller": "Đại sứ Canada tại Liên Hợp Quốc"}


def test_a_spokesperson_of_a_body_in_lower_case_is_a_post() -> None:
    text = "Ông Lê Quang Huy, phát ngôn viên của Bộ Công Thương, cho biết như vậy."
    assert titles_of(text) == {"Lê Quang Huy": "phát ngôn viên của Bộ Công Thương"}


def test_a_brand_ambassador_of_a_club_stays_no_post() -> None:
    text = "Cầu thủ Nguyễn Văn Toàn trở thành đại sứ của CLB Hải Phòng."
    assert texts_of(text, "TITLE") == []


# -- PLACE ------------------------------------------------------------------------------------


def test_seas_and_halves_of_oceans_are_places() -> None:
    text = (
        "Bão hình thành ở Tây Thái Bình Dương; tàu chiến tập trận trên Biển Đen và Địa Trung Hải."
    )
    assert texts_of(text, "PLACE") == ["Tây Thái Bình Dương", "Biển Đen", "Địa Trung Hải"]


def test_a_country_before_the_next_sentence_that_lost_its_full_stop_is_a_place() -> None:
    text = "Tàu cá gặp nạn ngoài khơi Indonesia Trong khi đó, tàu cứu hộ đã lên đường."
    assert texts_of(text, "PLACE") == ["Indonesia"]


def test_a_country_right_before_another_country_is_a_place() -> None:
    text = "Quân đội rút khỏi Iraq Thổ Nhĩ Kỳ tăng cường lực lượng biên giới."
    assert texts_of(text, "PLACE") == ["Iraq", "Thổ Nhĩ Kỳ"]


def test_military_bases_highways_and_sea_areas_are_places() -> None:
    text = (
        "Máy bay cất cánh từ căn cứ không quân Incirlik, xe chạy trên Xa lộ Biên Hòa, ngư "
        "dân đánh bắt ở vùng biển Phú Quý."
    )
    assert texts_of(text, "PLACE") == [
        "căn cứ không quân Incirlik",
        "Xa lộ Biên Hòa",
        "vùng biển Phú Quý",
    ]


def test_a_decree_cited_with_can_cu_is_no_base() -> None:
    text = "Căn cứ Nghị định 100, lực lượng chức năng đã xử phạt tài xế."
    assert texts_of(text, "PLACE") == []


def test_a_road_number_before_a_lowercase_word_is_a_road() -> None:
    text = "Xe tải chạy trên QL1A hướng về phía bắc thì gặp nạn."
    assert texts_of(text, "PLACE") == ["QL1A"]


def test_a_foreign_name_opened_by_saint_runs_over_its_dot() -> None:
    text = "Ngư dân đánh bắt ở vịnh St. Lawrence được yêu cầu báo cáo khi gặp cá voi."
    assert texts_of(text, "PLACE") == ["vịnh St. Lawrence"]


def test_a_unit_word_inside_a_capitalised_word_opens_no_place() -> None:
    text = "Thánh đường Hồi giáo lớn nhất thành phố mở cửa đón khách."
    assert texts_of(text, "PLACE") == []


def test_the_country_inside_a_well_known_airline_is_a_place() -> None:
    text = "Hôm nay Vietnam Airlines công bố lịch bay mới."
    assert texts_of(text, "PLACE") == ["Vietnam"]
    assert texts_of(text, "ORG") == ["Vietnam Airlines"]


# -- DATE and FIGURE --------------------------------------------------------------------------


def test_the_years_of_a_life_in_brackets_are_dates_before_1900_too() -> None:
    text = "Nhà thơ Nguyễn Du (1766-1820) để lại nhiều tác phẩm."
    assert [(m["text"], m["value"]) for m in mentions_of(text, "DATE")] == [
        ("1766", "1766"),
        ("1820", "1820"),
    ]


def test_a_range_of_codes_in_brackets_is_no_life() -> None:
    text = "Các mẫu sản phẩm (1000-1500) được trưng bày tại hội chợ."
    assert texts_of(text, "DATE") == []


def test_blows_shots_and_wounds_are_counted() -> None:
    text = "Đối tượng đâm 5 nhát khiến nạn nhân bị 5 vết thương, công an bắn 2 phát chỉ thiên."
    assert texts_of(text, "FIGURE") == ["5 nhát", "5 vết thương", "2 phát"]


def test_a_speech_is_no_shot() -> None:
    text = "Trong một phát biểu gần đây, ông nói năm 2015 phát hiện nhiều sai phạm."
    assert texts_of(text, "FIGURE") == []


def test_a_classifier_opens_the_dictionary_s_whole_noun() -> None:
    text = "Hạm đội gồm hai tàu khu trục và ba tàu tuần dương."
    assert texts_of(text, "FIGURE") == ["hai tàu khu trục", "ba tàu tuần dương"]


def test_money_allocated_to_a_place_is_not_the_allocator_s() -> None:
    text = "Bộ Tài chính bố trí cho thành phố 500 tỷ đồng để làm đường."
    assert subjects_of(text) == {"500 tỷ đồng": None}


# -- PERSON and ORG names around them --------------------------------------------------------


def test_a_person_named_after_an_age_is_a_person() -> None:
    text = "Hắn tiếp cận một cậu bé 9 tuổi tên Zayed Hamdan Saleh rồi bỏ đi."
    assert texts_of(text, "PERSON") == ["Zayed Hamdan Saleh"]


def test_a_foreign_first_name_named_in_full_stands_for_the_person_later() -> None:
    text = (
        "Cảnh sát tìm thấy cậu bé tên Omar Khalid Rahman ở tầng mái. Cha của Omar cho "
        "biết em rất ngoan. Omar sống ở Dubai."
    )
    assert texts_of(text, "PERSON") == ["Omar Khalid Rahman", "Omar", "Omar"]


def test_a_country_s_name_glued_to_a_plus_is_a_medium() -> None:
    text = "Hiện trường vụ tai nạn. (Ảnh: Minh Sơn/Vietnam+)"
    assert texts_of(text, "PLACE") == []


def test_a_name_that_goes_on_in_a_word_of_the_lexicon_s_names_keeps_it() -> None:
    text = "Đảng Tự do Quốc gia đối lập yêu cầu Thủ tướng từ chức."
    assert texts_of(text, "ORG") == ["Đảng Tự do Quốc gia"]


def test_a_body_ends_before_the_next_sentence_glued_to_it() -> None:
    text = "Nghi can bị bắt giữ tại cơ quan công an Tang vật thu giữ gồm một xe máy."
    assert "công an" in texts_of(text, "ORG") or texts_of(text, "ORG") == []
    assert not any("Tang" in t for t in texts_of(text, "ORG"))


def test_the_youth_union_by_its_full_name_is_one_body() -> None:
    text = "Giải thưởng do Trung ương Đoàn TNCS Hồ Chí Minh tổ chức hằng năm."
    assert texts_of(text, "ORG") == ["Trung ương Đoàn TNCS Hồ Chí Minh"]


def test_chinese_stars_by_their_sino_vietnamese_names_are_people() -> None:
    text = "Từ các ngôi sao như Bành Vu Yến đến Tưởng Giới Thạch, ai cũng có một thời."
    assert texts_of(text, "PERSON") == ["Bành Vu Yến", "Tưởng Giới Thạch"]


def test_a_foreign_name_ends_before_a_heading_s_first_word() -> None:
    text = "5. Hailey Baldwin Áo khoác bomber không bao giờ lỗi mốt."
    assert texts_of(text, "PERSON") == ["Hailey Baldwin"]


def test_a_post_s_body_runs_on_over_the_body_it_belongs_to() -> None:
    text = "Trưởng Ban Công tác đại biểu của Ủy ban Thường vụ Quốc hội Lê Văn Tâm phát biểu."
    assert titles_of(text) == {
        "Lê Văn Tâm": "Trưởng Ban Công tác đại biểu của Ủy ban Thường vụ Quốc hội"
    }


def test_the_victims_of_a_crime_are_no_one_s() -> None:
    text = "Gã đàn ông ở Hà Tĩnh đã sát hại 3 người rồi bỏ trốn."
    assert subjects_of(text) == {"3 người": None}


def test_a_province_named_like_a_common_word_needs_its_capitals() -> None:
    text = "Bà được trao giải Nobel Hòa bình. Đoàn công tác về tỉnh Hòa Bình, rồi về Hòa Bình."
    assert texts_of(text, "PLACE") == ["tỉnh Hòa Bình", "Hòa Bình"]


def test_the_dictionary_reads_words_in_either_tone_placement() -> None:
    # "hòa bình" is "hoà bình" in the word list: a contest's name is no person "Hòa"
    text = "Cô sẽ dự thi Hoa hậu Hòa bình Thế giới vào tháng 10."
    assert texts_of(text, "PERSON") == []


def test_a_scaled_sum_before_tien_is_money_without_its_dong() -> None:
    text = "Bị cáo phải bồi thường 40 triệu tiền mai táng và 95 triệu tiền tổn thất tinh thần."
    assert [(m["text"], m["quantity"]) for m in mentions_of(text, "FIGURE")] == [
        ("40 triệu", "money"),
        ("95 triệu", "money"),
    ]


def test_sums_plays_and_characters_are_counted() -> None:
    text = "Cô đòi ba khoản tiền đầu tư cho bốn vở kịch, mỗi tấm biển ghi 12 chữ vàng."
    assert texts_of(text, "FIGURE") == ["ba khoản", "bốn vở kịch", "12 chữ"]
