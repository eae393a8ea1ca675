"""Classes of the thirtieth blind round (dev32). Every sentence is synthetic."""

from __future__ import annotations

from conftest import texts_of, titles_of

# -- TITLE: a throne's offices --------------------------------------------------------------


def test_the_emperor_and_the_heir_are_offices_alone_and_before_a_name() -> None:
    text = (
        "Quốc hội Nhật Bản thông qua luật cho phép Nhật hoàng thoái vị. Khi đó Nhật hoàng "
        "Hiroyuki sẽ được gọi là Thượng hoàng. Hoàng Thái tử sẽ lên ngôi; Thái tử Faisal của "
        "một nước vùng Vịnh cũng chúc mừng."
    )
    assert texts_of(text, "TITLE") == [
        "Nhật hoàng",
        "Nhật hoàng",
        "Thượng hoàng",
        "Hoàng Thái tử",
        "Thái tử",
    ]
    assert texts_of(text, "PERSON") == ["Hiroyuki", "Faisal"]


def test_a_prince_is_a_rank_not_an_office() -> None:
    text = "Hoàng tử Harald đến thăm Đà Nẵng."
    assert texts_of(text, "TITLE") == []
    assert texts_of(text, "PERSON") == ["Harald"]


def test_the_secretariats_standing_member_is_a_post_and_a_committees_standing_board_a_body() -> (
    None
):
    text = (
        "Ông Lê Hữu Nghĩa, Thường trực Ban Bí thư Trung ương Đảng, dự lễ; Thường trực Tỉnh ủy "
        "Quảng Trị đã họp."
    )
    assert titles_of(text) == {"Lê Hữu Nghĩa": "Thường trực Ban Bí thư Trung ương Đảng"}
    assert texts_of(text, "ORG") == ["Ban Bí thư Trung ương Đảng", "Thường trực Tỉnh ủy Quảng Trị"]


# -- ORG: universities in lower case, the Front's central committee, verbs after a body ------


def test_a_university_written_in_lower_case_before_its_name_is_an_org() -> None:
    text = (
        "Ông Lý Văn Khải, Phó Hiệu trưởng đại học Bách khoa Đà Nẵng, cho biết học viện "
        "Ngân hàng và đại học Thủy lợi cũng nhận hồ sơ. Nhiều đại học Anh tăng học phí; "
        "em học đại học sư phạm."
    )
    assert texts_of(text, "ORG") == [
        "đại học Bách khoa Đà Nẵng",
        "học viện Ngân hàng",
        "đại học Thủy lợi",
    ]


def test_the_fronts_central_committee_is_one_body() -> None:
    text = "Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Đỗ Thanh Bình đã phát biểu."
    assert texts_of(text, "ORG") == ["Ủy ban Trung ương MTTQ Việt Nam"]
    assert titles_of(text) == {"Đỗ Thanh Bình": "Chủ tịch Ủy ban Trung ương MTTQ Việt Nam"}


def test_a_body_ends_before_the_verb_of_its_clause() -> None:
    text = (
        "Đình làng được Bộ Văn hóa - Thông tin công nhận là di tích. Khoa Báo chí tự tin mở "
        "ngành mới. Bộ GD&ĐT phát biểu tại hội nghị."
    )
    assert texts_of(text, "ORG") == ["Bộ Văn hóa - Thông tin", "Khoa Báo chí", "Bộ GD&ĐT"]


def test_a_determiner_or_an_adverb_opens_the_next_sentence_after_a_name() -> None:
    text = (
        "Ảnh: Báo Đồng Nai Cụ thể, ông Hồ Văn Tư nộp đơn. Ông Trần Văn Nhiều là nông dân. "
        "Trao đổi với Trường Cao đẳng Nghề Lạng Sơn Nhiều học viên đã đến."
    )
    assert texts_of(text, "ORG") == ["Báo Đồng Nai", "Trường Cao đẳng Nghề Lạng Sơn"]
    assert texts_of(text, "PERSON") == ["Hồ Văn Tư", "Trần Văn Nhiều"]


# -- PLACE: a road section named by its ends ------------------------------------------------


def test_a_road_section_named_by_its_ends_is_one_place_and_no_person() -> None:
    text = (
        "Dự án mở rộng hai tuyến Trường Chinh - Ngã Tư Sở và Ngã Tư Sở - Hoàng Cầu đã xong; "
        "đoạn Mai Dịch - cầu Thăng Long sẽ khởi công. Trong giai đoạn Park Hang-seo dẫn dắt, "
        "đội tuyển thắng nhiều trận."
    )
    assert texts_of(text, "PLACE") == [
        "Trường Chinh - Ngã Tư Sở",
        "Ngã Tư Sở - Hoàng Cầu",
        "Mai Dịch",
        "cầu Thăng Long",
    ]
    assert texts_of(text, "PERSON") == ["Park Hang-seo"]


# -- PERSON: the player after a match's minute ----------------------------------------------


def test_a_name_after_the_minute_of_a_match_is_a_player() -> None:
    text = (
        "Hai đội chơi ăn miếng trả miếng trong hiệp một. Phút 58, Trọng Khiêm đánh đầu "
        "dội xà; tới phút thứ 77 Bảo Lâm mới ghi bàn mở tỷ số. Phút 90, Hà Tĩnh được hưởng "
        "phạt đền nhưng thủ môn đã cản phá."
    )
    assert texts_of(text, "PERSON") == ["Trọng Khiêm", "Bảo Lâm"]


# -- FIGURE: the unit stops before a verb of trade, a time word or a negation --------------


def test_a_counted_noun_stops_before_a_verb_of_trade_a_time_word_or_a_negation() -> None:
    text = (
        "Doanh số giảm từ 9 chiếc hồi tháng 4 xuống còn 15 xe bán ra; tổng điểm 3 môn chưa "
        "nhân hệ số. Huyện bảo đảm phương án 4 tại chỗ."
    )
    assert texts_of(text, "FIGURE") == ["9 chiếc", "15 xe", "3 môn"]


# -- PERSON: a caption's credit before the next caption -------------------------------------


def test_a_form_of_address_after_a_credit_opens_the_next_caption() -> None:
    text = (
        "Chuồng nuôi gấu ở xã Hòa Bình. Ảnh: Minh Khuê Ông Lưu Văn Tám, người trông trại, "
        "cho biết gấu rất dữ. Ảnh: Thanh Tâm Bà Đỗ Thị Lài nói thêm."
    )
    assert texts_of(text, "PERSON") == ["Minh Khuê", "Lưu Văn Tám", "Thanh Tâm", "Đỗ Thị Lài"]


# -- PERSON: a stage name whose syllables only the Vietnamese lists know --------------------


def test_a_stage_name_of_short_vietnamese_syllables_is_a_person() -> None:
    text = (
        "Buổi ra mắt phim có diễn viên Lan Anh và ca sĩ Hoàng Long. Khánh Vi mặc váy đỏ "
        "rực rỡ. Khánh Vi trò chuyện với khán giả; sau đó Khánh Vi về sớm."
    )
    assert texts_of(text, "PERSON") == [
        "Lan Anh",
        "Hoàng Long",
        "Khánh Vi",
        "Khánh Vi",
        "Khánh Vi",
    ]


# -- TITLE: the post words of a body's own name (dev34) ---------------------------------------


def test_post_words_inside_a_bodys_name_are_no_title() -> None:
    text = (
        "Hôm qua, Phủ tổng thống Pháp ra thông báo; Văn phòng Chủ tịch nước và Bộ Tư lệnh "
        "Thủ đô cũng lên tiếng. Ông Lê Văn Hòa, Chánh Văn phòng Chủ tịch nước, dự họp."
    )
    assert texts_of(text, "ORG") == [
        "Phủ tổng thống Pháp",
        "Văn phòng Chủ tịch nước",
        "Bộ Tư lệnh Thủ đô",
        "Văn phòng Chủ tịch nước",
    ]
    assert texts_of(text, "TITLE") == ["Chánh Văn phòng Chủ tịch nước"]


# -- PERSON: Chinese family names in their Sino-Vietnamese reading (dev34) -----------------


def test_chinese_family_names_in_sino_vietnamese_open_a_name() -> None:
    text = "Diễn viên Đới Minh Châu kết hôn với Hác Thiên Long; vùng nhiệt đới có mưa nhiều."
    assert texts_of(text, "PERSON") == ["Đới Minh Châu", "Hác Thiên Long"]
