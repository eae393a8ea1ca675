"""Classes of the sixteenth blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import mentions_of, subjects_of, texts_of, titles_of

# -- PLACE: countries that are also given names --------------------------------------------


def test_a_country_read_by_its_economy_is_the_country_everywhere_in_the_article() -> None:
    text = (
        "Kinh tế Nga tăng trưởng chậm trong quý đầu năm. Theo các chuyên gia, Nga vẫn cần "
        "thêm thời gian, trong khi lạm phát của Nga đã giảm."
    )
    assert texts_of(text, "PLACE") == ["Nga", "Nga", "Nga"]


def test_a_nation_called_a_people_is_no_ethnic_group_of_vietnam() -> None:
    text = "Tổng thống Đức phát biểu rằng dân tộc Đức luôn đoàn kết. Đức sẵn sàng hợp tác."
    assert texts_of(text, "PLACE").count("Đức") == 3


def test_an_ethnic_group_of_vietnam_keeps_the_bare_name_from_the_country() -> None:
    text = "Đồng bào Thái ở Sơn La đón Tết cổ truyền. Thái là dân tộc đông thứ ba của tỉnh."
    assert texts_of(text, "PLACE") == ["Sơn La"]


def test_a_country_s_full_name_makes_its_short_name_the_country() -> None:
    text = (
        "Tàu chiến của Liên bang Nga đã cập cảng. Giới chuyên gia cho rằng Nga muốn phô "
        "diễn sức mạnh, còn Nhật Bản lo ngại. Nhật sẽ tăng ngân sách."
    )
    assert texts_of(text, "PLACE") == ["Liên bang Nga", "Nga", "Nhật Bản", "Nhật"]


def test_a_person_named_like_the_country_stays_a_person_beside_its_full_name() -> None:
    text = "Chị Nga sang Liên bang Nga làm việc từ năm ngoái. Nga cho biết công việc ổn định."
    assert texts_of(text, "PLACE") == ["Liên bang Nga"]


def test_the_west_as_a_bloc_is_a_region() -> None:
    text = "Các lệnh trừng phạt của phương Tây vẫn được duy trì trong năm nay."
    assert [(m["text"], m["level"]) for m in mentions_of(text, "PLACE")] == [
        ("phương Tây", "other")
    ]


def test_a_ward_named_like_a_region_keeps_its_unit_word() -> None:
    text = "Vụ việc xảy ra tại phường Phương Đông, TP Uông Bí."
    assert texts_of(text, "PLACE")[0] == "phường Phương Đông"


# -- PLACE: natural features ------------------------------------------------------------------


def test_streams_hills_and_islets_are_places() -> None:
    text = "Cá chết trắng khe Đá Bạc, gần đồi Cây Thông và cồn Bãi Giữa."
    assert texts_of(text, "PLACE") == ["khe Đá Bạc", "đồi Cây Thông", "cồn Bãi Giữa"]


def test_a_waterfall_after_a_word_the_segmenter_glued_to_it() -> None:
    text = "Tỉnh thu hồi dự án khu du lịch sinh thái thác Bảy Tầng của công ty."
    assert texts_of(text, "PLACE") == ["thác Bảy Tầng"]
    assert texts_of(text, "PERSON") == []


def test_a_unit_word_inside_a_compound_stays_no_place() -> None:
    text = "Xe tải chạy sai làn đường Trạm thu phí Phú Mỹ khiến giao thông ùn tắc."
    assert not any(t.startswith("đường") for t in texts_of(text, "PLACE"))


# -- ORG --------------------------------------------------------------------------------------


def test_a_body_right_after_a_date_written_with_a_slash() -> None:
    text = "Ngày 12/9 UBND tỉnh Quảng Trị tổ chức họp báo về vụ việc."
    assert "UBND tỉnh Quảng Trị" in texts_of(text, "ORG")


def test_a_count_of_bodies_is_still_no_body() -> None:
    text = "Toàn tỉnh có 5 BQL dự án đang hoạt động."
    assert texts_of(text, "ORG") == []


def test_a_theatre_named_by_its_art_and_city() -> None:
    text = "Nghệ sĩ này đã thắng kiện Nhà hát kịch TP HCM sau hai năm."
    assert "Nhà hát kịch TP HCM" in texts_of(text, "ORG")


def test_a_shop_s_trade_does_not_run_into_a_verb_and_a_place() -> None:
    text = "Chủ quán cơm khiến cán bộ TP Vũng Tàu bức xúc đã bị phạt."
    assert texts_of(text, "ORG") == []


def test_a_department_whose_fields_are_joined_by_a_dash_in_sentence_case() -> None:
    text = "Ông Lê Văn Tám, Phó trưởng Phòng Tài nguyên - môi trường huyện Đại Lộc, cho biết."
    assert "Phòng Tài nguyên - môi trường huyện Đại Lộc" in texts_of(text, "ORG")
    assert titles_of(text) == {
        "Lê Văn Tám": "Phó trưởng Phòng Tài nguyên - môi trường huyện Đại Lộc"
    }


def test_the_boxing_bodies_are_organisations_and_a_cup_no_body() -> None:
    text = "Anh giữ đai vô địch của WBA và WBC. Đội bóng này sẽ dự AFC Cup năm sau."
    orgs = texts_of(text, "ORG")
    assert "WBA" in orgs and "WBC" in orgs
    assert "AFC" not in orgs


def test_a_contest_team_named_by_its_coach_is_the_coach() -> None:
    text = (
        "HLV Mai Phương Thúy nhận xét rất gắt. Đội Mai Phương Thúy vẫn giành chiến thắng "
        "ở thử thách cuối."
    )
    assert texts_of(text, "PERSON") == ["Mai Phương Thúy", "Mai Phương Thúy"]
    assert texts_of(text, "ORG") == []


def test_a_provincial_team_stays_a_team() -> None:
    text = "Đội Quảng Nam thắng đội Hà Nội với tỷ số 2-1."
    assert texts_of(text, "ORG") == ["Đội Quảng Nam", "đội Hà Nội"]


# -- TITLE ------------------------------------------------------------------------------------


def test_deputies_in_general_are_no_post() -> None:
    text = "Bộ trưởng sẽ trả lời chất vấn của đại biểu Quốc hội vào chiều mai."
    assert "đại biểu Quốc hội" not in texts_of(text, "TITLE")


def test_a_deputy_s_seat_dated_by_a_term_in_a_biography_is_a_post() -> None:
    text = "Ông sinh năm 1950 tại Nghệ An, đại biểu Quốc hội khóa XI, nguyên Bí thư Tỉnh ủy."
    assert "đại biểu Quốc hội" in texts_of(text, "TITLE")


def test_a_named_deputy_keeps_the_post() -> None:
    text = "Đại biểu Quốc hội Trần Văn Lâm (Bắc Giang) đề nghị làm rõ trách nhiệm."
    assert titles_of(text) == {"Trần Văn Lâm": "Đại biểu Quốc hội"}


def test_a_lowercase_post_right_before_a_full_name() -> None:
    text = "Theo lời kể, phó giám đốc Lê Thành Công thường xuyên vắng mặt ở cơ quan."
    assert titles_of(text) == {"Lê Thành Công": "phó giám đốc"}
    assert texts_of(text, "TITLE") == ["phó giám đốc"]


def test_a_lowercase_post_in_brackets_after_a_name() -> None:
    text = "Phiên tòa vắng mặt ông Lê Hữu Phước (nguyên giám đốc) và bà Trần Thu Hà."
    assert titles_of(text) == {"Lê Hữu Phước": "giám đốc", "Trần Thu Hà": None}


def test_a_lowercase_post_without_a_holder_stays_no_title() -> None:
    text = "Anh ấy muốn trở thành giám đốc trong vài năm tới."
    assert texts_of(text, "TITLE") == []


# -- DATE / FIGURE ----------------------------------------------------------------------------


def test_a_range_of_decimal_percentages_is_no_date() -> None:
    text = "Ngân hàng dự báo tăng trưởng từ 1,5-2% trong năm nay."
    assert texts_of(text, "DATE") == []
    assert [(m["text"], m["value"], m["value_max"]) for m in mentions_of(text, "FIGURE")] == [
        ("1,5-2%", 1.5, 2)
    ]


def test_concentrations_and_imperial_lengths_are_units() -> None:
    text = "Nồng độ ô xy chỉ đạt 3,5mg/l. Cú đánh bay xa 350 yard."
    assert [(m["text"], m["unit"]) for m in mentions_of(text, "FIGURE")] == [
        ("3,5mg/l", "mg/l"),
        ("350 yard", "yard"),
    ]


def test_counted_professions_are_people() -> None:
    text = "Hai võ sĩ đã ký hợp đồng; 27 quan chức bị điều tra cùng 3 đồng nghiệp."
    assert {m["text"]: m["quantity"] for m in mentions_of(text, "FIGURE")} == {
        "Hai võ sĩ": "people",
        "27 quan chức": "people",
        "3 đồng nghiệp": "people",
    }


def test_a_capitalised_profession_after_a_number_is_no_count() -> None:
    text = "Bà bị kiện đòi 16,5 tỷ Hoa hậu Thế giới người Việt năm ấy."
    assert texts_of(text, "FIGURE") == ["16,5 tỷ"]


# -- Figure subjects --------------------------------------------------------------------------


def test_a_fine_belongs_to_the_party_it_is_imposed_on() -> None:
    text = "Công an huyện đã phạt hành chính 2,5 triệu đồng đối với Nguyễn Văn Bình."
    assert subjects_of(text) == {"2,5 triệu đồng": "Nguyễn Văn Bình"}


def test_people_disciplined_are_no_one_s() -> None:
    text = "Sở Y tế đã thi hành kỷ luật hai cá nhân với hình thức khiển trách."
    assert subjects_of(text) == {"hai cá nhân": None}
