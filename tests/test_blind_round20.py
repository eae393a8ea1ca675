"""Classes of the twentieth blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import mentions_of, subjects_of, texts_of, titles_of

# -- TITLE: a monarch's post --------------------------------------------------------------------


def test_a_king_named_after_vua_holds_the_post() -> None:
    text = "Năm 1836, vua Minh Mạng cho đúc chín chiếc đỉnh đồng."
    assert texts_of(text, "TITLE") == ["vua"]
    assert titles_of(text) == {"Minh Mạng": "vua"}


def test_a_king_with_his_country_and_the_respect_word_outside() -> None:
    text = "Chủ tịch nước gửi điện mừng tới Nhà vua Na Uy Harald V nhân dịp quốc khánh."
    assert "vua Na Uy" in texts_of(text, "TITLE")
    assert titles_of(text)["Harald V"] == "vua Na Uy"


def test_chess_and_the_kings_cup_hold_no_post() -> None:
    text = "Kỳ thủ cờ vua Trần Minh Đức vừa xem trận bán kết Cúp Nhà vua Tây Ban Nha."
    assert texts_of(text, "TITLE") == []


def test_a_champion_called_king_of_something_holds_no_post() -> None:
    text = "Tiền đạo Lucas Mendes, Vua phá lưới giải năm ngoái, vừa gia hạn hợp đồng."
    assert texts_of(text, "TITLE") == []


def test_a_king_alone_is_no_post_even_when_one_is_named_elsewhere() -> None:
    text = (
        "Dân làng rước kiệu vua Lê Thái Tổ quanh đình. Hằng năm, các cụ vào vai Vua, Chúa để tế lễ."
    )
    assert texts_of(text, "TITLE") == ["vua"]


# -- ORG and PERSON: a ministry's country ends its name -----------------------------------------


def test_a_ministry_ends_at_its_country_and_its_spokesman_follows() -> None:
    text = "Người phát ngôn Bộ Ngoại giao Trung Quốc Hoa Minh Oánh cho biết như vậy."
    assert texts_of(text, "ORG") == ["Bộ Ngoại giao Trung Quốc"]
    assert titles_of(text) == {"Hoa Minh Oánh": "Người phát ngôn Bộ Ngoại giao Trung Quốc"}


def test_a_committee_ends_at_its_country_before_a_korean_name() -> None:
    text = "Chủ tịch Ủy ban Tình báo Hàn Quốc Park Min-soo thừa nhận cuộc gặp."
    assert texts_of(text, "ORG") == ["Ủy ban Tình báo Hàn Quốc"]
    assert texts_of(text, "PERSON") == ["Park Min-soo"]


# -- PERSON: a sentence whose full stop was lost after a name ----------------------------------


def test_a_function_word_after_a_name_opens_the_next_sentence() -> None:
    text = "Ông Lâm Quốc Khánh Theo đó, cơ quan điều tra đề nghị truy tố ba bị can."
    assert texts_of(text, "PERSON") == ["Lâm Quốc Khánh"]


def test_a_foreign_name_before_sau_ends_there() -> None:
    text = "Câu lạc bộ đã chào tạm biệt Marco Reus Sau một mùa giải nhiều chấn thương."
    assert texts_of(text, "PERSON") == ["Marco Reus"]


def test_a_given_name_that_is_also_a_function_word_stays() -> None:
    text = "Ông Nguyễn Văn Tại khai đã cất giữ khẩu súng hơn 40 năm."
    assert texts_of(text, "PERSON") == ["Nguyễn Văn Tại"]


# -- PERSON: foreign names after kinship words, and their short forms --------------------------


def test_a_foreign_name_after_a_kinship_noun_is_a_person() -> None:
    text = "Nam ca sĩ đi dạo cùng em gái Jazlyn và con trai Barnaby trên bãi biển."
    assert texts_of(text, "PERSON") == ["Jazlyn", "Barnaby"]


def test_a_foreign_name_after_a_form_of_address_counts_bare_later_on() -> None:
    text = (
        "Cô dâu là bà Rosmiati, 68 tuổi. Rosmiati từng hai lần góa chồng. "
        "Anh Budiman Harsono, 17 tuổi, là chú rể. Hiện Budiman đã chuyển về nhà vợ."
    )
    assert texts_of(text, "PERSON") == [
        "Rosmiati",
        "Rosmiati",
        "Budiman Harsono",
        "Budiman",
    ]


def test_a_first_name_before_an_arabic_particle_counts_bare_later_on() -> None:
    text = "Ông Khalid al-Rashid Mansour được trả tự do hôm qua. Khalid sẽ về nhà."
    assert texts_of(text, "PERSON") == ["Khalid al-Rashid Mansour", "Khalid"]


def test_a_function_word_after_a_kinship_noun_is_no_one() -> None:
    text = "Cô đi cùng mẹ và chị gái Trong khi mẹ mặc váy thì cô mặc quần jean."
    assert texts_of(text, "PERSON") == []


# -- ORG: news agencies and foreign police departments -----------------------------------------


def test_a_news_agency_written_in_title_case_is_one_body() -> None:
    text = "Một bản tin của Hãng Thông tấn Trung ương Triều Tiên (KCNA) cho biết như vậy."
    assert texts_of(text, "ORG") == ["Hãng Thông tấn Trung ương Triều Tiên", "KCNA"]


def test_a_foreign_city_s_police_department_is_one_body() -> None:
    text = "Người phát ngôn Sở cảnh sát Madrid cho biết vụ nổ không gây thương vong."
    assert "Sở cảnh sát Madrid" in texts_of(text, "ORG")


# -- PLACE: roundabouts, crossings and classed forests -----------------------------------------


def test_a_roundabout_named_after_a_person_is_a_place() -> None:
    text = "Dòng xe từ vòng xoay Trần Quốc Hoàn ùn ứ tới tận bùng binh Cây Gõ."
    places = [(m["text"], m["level"]) for m in mentions_of(text, "PLACE")]
    assert places == [("vòng xoay Trần Quốc Hoàn", "other"), ("bùng binh Cây Gõ", "other")]
    assert texts_of(text, "PERSON") == []


def test_a_protection_forest_is_a_place() -> None:
    text = "Lửa bùng lên trong rừng phòng hộ Sóc Sơn từ trưa qua."
    assert texts_of(text, "PLACE") == ["rừng phòng hộ Sóc Sơn"]


# -- FIGURE: currency signs and currencies of the region ---------------------------------------


def test_a_dollar_sign_after_the_amount_is_money() -> None:
    text = "Nam ca sĩ được tại ngoại sau khi nộp 2500 $ tiền bảo lãnh."
    figures = [(m["text"], m["value"], m["quantity"]) for m in mentions_of(text, "FIGURE")]
    assert figures == [("2500 $", 2500, "money")]


def test_rupiah_and_kip_are_money() -> None:
    text = "Gói cước giá 50.000 rupiah ở Indonesia và 20.000 kíp ở Lào."
    figures = [(m["text"], m["quantity"]) for m in mentions_of(text, "FIGURE")]
    assert figures == [("50.000 rupiah", "money"), ("20.000 kíp", "money")]


# -- Subjects: who has the figure, not where it is ---------------------------------------------


def test_what_a_body_has_somewhere_is_the_body_s() -> None:
    text = "Công ty Cổ phần Minh Long có 300 công nhân làm việc tại tỉnh Bình Dương."
    assert subjects_of(text) == {"300 công nhân": "Công ty Cổ phần Minh Long"}


# -- ORG: a firm named whole, then by its proper name alone ------------------------------------


def test_a_firm_named_whole_is_the_same_body_by_its_name_alone() -> None:
    text = (
        "Công ty Cổ phần Thép Kim Long vừa công bố kết quả kinh doanh. "
        "Theo Thép Kim Long, lợi nhuận quý II tăng 12%. Thép Kim Long cũng cho biết sẽ mở nhà máy."
    )
    assert texts_of(text, "ORG") == [
        "Công ty Cổ phần Thép Kim Long",
        "Thép Kim Long",
        "Thép Kim Long",
    ]


def test_a_firm_named_after_its_founder_lends_his_name_no_short_form() -> None:
    text = "Công ty TNHH Trần Văn Bình phá sản. Trần Văn Bình nói ông sẽ trả nợ."
    assert "Trần Văn Bình" not in texts_of(text, "ORG")


def test_a_firm_named_after_a_province_lends_it_no_short_form() -> None:
    text = "Công ty Điện lực Quảng Ninh cắt điện. Quảng Ninh có mưa lớn."
    assert texts_of(text, "ORG") == ["Công ty Điện lực Quảng Ninh"]


# -- PLACE: a residential group or block in an address chain -----------------------------------


def test_a_residential_group_and_a_block_in_an_address_are_villages() -> None:
    text = (
        "Anh Lê Văn Hòa, trú tại tổ 12, phường Quang Trung, bị thương. "
        "Em gái anh ở khối Tân Phúc, phường Hưng Bình, TP Vinh."
    )
    places = [(m["text"], m["level"]) for m in mentions_of(text, "PLACE")][:2]
    assert places == [("tổ 12", "village"), ("phường Quang Trung", "commune")]
    assert ("khối Tân Phúc", "village") in [
        (m["text"], m["level"]) for m in mentions_of(text, "PLACE")
    ]


def test_a_team_or_a_school_year_outside_an_address_is_no_place() -> None:
    text = "Học sinh khối 8 và khối 11 thi đấu; tổ 3 gồm năm người."
    assert texts_of(text, "PLACE") == []


# -- ORG: a clan's council --------------------------------------------------------------------


def test_a_clan_s_council_runs_over_the_clan_s_name() -> None:
    text = "Ngôi mộ được Hội đồng Trị sự Lê Trung Tộc tìm thấy hôm qua."
    assert texts_of(text, "ORG") == ["Hội đồng Trị sự Lê Trung Tộc"]
    assert texts_of(text, "PERSON") == []


def test_a_clan_named_with_tộc_in_lowercase_is_no_person() -> None:
    text = "Đại diện hội đồng Lê Trung tộc cho biết sẽ xây lại lăng."
    assert texts_of(text, "PERSON") == []
