"""Classes of the eleventh blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import mentions_of, texts_of, titles_of

# -- PERSON.title ------------------------------------------------------------------------


def test_an_appointed_post_after_a_birth_date_or_an_age_between_commas() -> None:
    text = (
        "UBND tỉnh trao quyết định cho ông Đỗ Quang Lâm, sinh ngày 8/4/1970 giữ chức vụ "
        "Giám đốc Sở Công Thương tỉnh. Bổ nhiệm ông Lê Văn Hùng, sinh năm 1972, giữ chức "
        "Phó Giám đốc Sở Tài chính tỉnh Nam Định. Ông Trần Văn Bình, 45 tuổi, làm Trưởng "
        "ban Tuyên giáo Huyện ủy."
    )
    assert titles_of(text) == {
        "Đỗ Quang Lâm": "Giám đốc Sở Công Thương tỉnh",
        "Lê Văn Hùng": "Phó Giám đốc Sở Tài chính tỉnh Nam Định",
        "Trần Văn Bình": "Trưởng ban Tuyên giáo Huyện ủy",
    }


def test_a_post_then_its_holder_between_commas() -> None:
    text = (
        "Cảnh sát trưởng Dallas, Ronald Keller, cho biết. Giám đốc Sở Y tế, Nguyễn Văn "
        "Bình, cho biết thêm. Ông từng là Bí thư Tỉnh ủy Hải Dương, Hưng Yên, rồi về Hà Nội."
    )
    assert titles_of(text) == {
        "Ronald Keller": "Cảnh sát trưởng Dallas",
        "Nguyễn Văn Bình": "Giám đốc Sở Y tế",
    }
    assert "Cảnh sát trưởng Dallas" in texts_of(text, "TITLE")


def test_the_member_of_a_party_committee_is_a_post_not_the_committee() -> None:
    text = "Ông Tính, Huyện ủy viên, Phó Chủ tịch UBND huyện, đã ký. Huyện ủy Mộ Đức họp."
    assert texts_of(text, "ORG") == ["UBND huyện", "Huyện ủy Mộ Đức"]
    assert titles_of(text) == {"Tính": "Huyện ủy viên, Phó Chủ tịch UBND huyện"}


def test_a_party_membership_between_the_name_and_the_posts() -> None:
    text = (
        "Cảnh cáo ông Phan Văn Tín, đảng viên Chi bộ thôn An Phú (Đảng ủy xã Hành Đức), "
        "nguyên Huyện ủy viên, Phó Chủ tịch UBND huyện. Khiển trách ông Lưu Văn Đạt, đảng "
        "viên Chi bộ Phòng Cảnh sát hình sự (PC02), Đảng ủy Công an tỉnh Bình Định, nguyên "
        "Trưởng Công an huyện."
    )
    assert titles_of(text) == {
        "Phan Văn Tín": "Huyện ủy viên, Phó Chủ tịch UBND huyện",
        "Lưu Văn Đạt": "Trưởng Công an huyện",
    }
    assert "Chi bộ Phòng Cảnh sát hình sự" in texts_of(text, "ORG")


def test_an_acting_post_written_in_lower_case_before_the_position() -> None:
    text = "Đội bóng mà Trịnh Văn Khải đang là quyền Chủ tịch vừa thắng."
    assert titles_of(text) == {"Trịnh Văn Khải": "quyền Chủ tịch"}
    assert texts_of(text, "TITLE") == ["quyền Chủ tịch"]
    assert titles_of("Kế hoạch của Quyền chủ tịch Trịnh Văn Khải đã xong.") == {
        "Trịnh Văn Khải": "Quyền chủ tịch"
    }


def test_professions_and_ranks_stay_outside_the_name() -> None:
    text = (
        "Trọng tài Oliveira rút thẻ. Rapper Binz hát. Giám khảo Mỹ Linh khen. Phó đô đốc "
        "Sorokin và trung sĩ Hòa có mặt. Phi công F-35 bay."
    )
    assert texts_of(text, "PERSON") == ["Oliveira", "Binz", "Mỹ Linh", "Sorokin", "Hòa"]


def test_a_full_name_under_a_rare_family_name_before_an_age() -> None:
    text = "Nạn nhân gồm Văn Đức Minh (12 tuổi) và Văn Thị Lụa (9 tuổi)."
    assert texts_of(text, "PERSON") == ["Văn Đức Minh", "Văn Thị Lụa"]


def test_players_by_family_name_in_a_sports_article_only() -> None:
    text = (
        "Trận đấu trên sân Bernabeu: tiền vệ Kovacic chuyền cho Dembele, HLV Valverde hài "
        "lòng. Dembele ghi bàn thắng sau đường chuyền của Iwobi. Bernabeu rung chuyển, "
        "Barcelona thắng còn Eibar thua. Iwobi được khen."
    )
    people = texts_of(text, "PERSON")
    assert people.count("Dembele") == 2 and people.count("Iwobi") == 2
    assert not {"Bernabeu", "Eibar", "Barcelona"} & set(people)
    # not outside a sports article, nor a work's title after the noun of its kind
    assert texts_of("Dembele đến Hà Nội. Dembele ăn phở ngon.", "PERSON") == []
    text = "Cô đóng phim Glee. Anh hát ca khúc Diễm Xưa, còn chị Lan thì không."
    assert texts_of(text, "PERSON") == ["Lan"]


# -- ORG ---------------------------------------------------------------------------------


def test_a_police_force_abroad_with_its_country_or_city() -> None:
    text = (
        "Cảnh sát Hà Lan và cảnh sát Hong Kong đã phối hợp, theo Cảnh sát Chicago. "
        "Cảnh sát Đà Nẵng không có."
    )
    assert texts_of(text, "ORG") == ["Cảnh sát Hà Lan", "cảnh sát Hong Kong", "Cảnh sát Chicago"]


def test_a_site_credited_by_its_domain_label_and_a_caption_run_on() -> None:
    text = (
        "Buổi lễ diễn ra trang trọng. Ảnh: Minh Hà/Bnews/TTXVN  Phát biểu tại lễ, ông "
        "nói.\nTheo dantri"
    )
    assert texts_of(text, "ORG") == ["Bnews", "TTXVN", "dantri"]


def test_unlisted_english_mastheads_in_a_credit() -> None:
    text = (
        "Theo Geopolitical Monitor, Mỹ lo ngại. Nga đã thử tên lửa (Theo Manila Times).\n"
        "Tổng hợp từ Sputnik News, Sina News"
    )
    assert texts_of(text, "ORG") == [
        "Geopolitical Monitor",
        "Manila Times",
        "Sputnik News",
        "Sina News",
    ]


def test_a_provincial_police_department_keeps_its_lowercase_name() -> None:
    text = (
        "Phòng Cảnh sát truy nã tội phạm Công an tỉnh đã bắt đối tượng. Phòng Cảnh sát "
        "hình sự (PC02) Công an tỉnh Kon Tum phối hợp với Cảnh sát PCCC TP.HCM."
    )
    assert texts_of(text, "ORG") == [
        "Phòng Cảnh sát truy nã tội phạm",
        "Công an tỉnh",
        "Phòng Cảnh sát hình sự",
        "PC02",
        "Công an tỉnh Kon Tum",
        "Cảnh sát PCCC TP.HCM",
    ]


def test_a_paper_named_after_a_verb_of_speaking_to_it() -> None:
    text = (
        "Trao đổi với Tiền Phong, ông Hùng cho biết. Bà nói với LBC Radio rằng luật cần "
        "sửa. Ông nói với Nguyễn Văn An rằng không đúng."
    )
    assert texts_of(text, "ORG") == ["Tiền Phong", "LBC Radio"]


def test_a_labour_federation_written_in_lower_case_with_its_place() -> None:
    text = "Liên đoàn lao động tỉnh Nghệ An phối hợp với Liên đoàn lao động huyện."
    assert texts_of(text, "ORG") == ["Liên đoàn lao động tỉnh Nghệ An", "Liên đoàn lao động huyện"]


# -- PLACE -------------------------------------------------------------------------------


def test_alleys_with_address_numbers_ports_and_tourist_zones() -> None:
    text = (
        "Cháy ở ngõ 12/34 đường Láng, ngách 5 ngõ 80 phố Huế và kiệt 45 Hùng Vương. Tàu "
        "tới cảng quốc tế Vân Phong rồi cảng cá Sa Huỳnh, gần Khu du lịch sinh thái "
        "Tràng An. Anh kiệt sức."
    )
    assert texts_of(text, "PLACE") == [
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


def test_a_country_opening_a_sentence_after_a_capitalised_word() -> None:
    text = "Đội khách đến từ châu Phi. Ghana (áo trắng) đá tốt. Ở Kenya (Đông Phi) mưa."
    assert texts_of(text, "PLACE") == ["châu Phi", "Ghana", "Kenya", "Đông Phi"]


def test_the_city_inside_a_club_name_is_a_place() -> None:
    text = "Bayern Munich gặp Real Madrid ở bán kết, còn Inter Milan thì nghỉ."
    places = texts_of(text, "PLACE")
    assert "Munich" in places and "Madrid" in places and "Milan" in places
    assert texts_of(text, "ORG") == ["Bayern Munich", "Real Madrid", "Inter Milan"]


# -- FIGURE ------------------------------------------------------------------------------


def test_mines_count_and_two_countries_is_an_idiom() -> None:
    text = "Tỉnh cấp phép 6 mỏ cát, trong đó 2 mỏ ở lòng hồ. Quan hệ giữa hai quốc gia tốt."
    assert texts_of(text, "FIGURE") == ["6 mỏ", "2 mỏ"]


# -- DATE --------------------------------------------------------------------------------


def test_a_range_of_full_dates_and_a_holiday_before_its_day() -> None:
    text = (
        "Kỷ niệm Ngày thành lập (12/9/1962-12/9/2022). Nghỉ lễ Quốc khánh 2/9 và Quốc "
        "khánh Mỹ 4/7. Tỷ số là 2-1."
    )
    assert [(m["text"], m["value"]) for m in mentions_of(text, "DATE")] == [
        ("12/9/1962", "1962-09-12"),
        ("12/9/2022", "2022-09-12"),
        ("2/9", "--09-02"),
        ("4/7", "--07-04"),
    ]
