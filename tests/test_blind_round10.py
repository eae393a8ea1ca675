"""Classes of the tenth blind round: shops named after their trade, numbered and regional
bodies, a head's bracketed abbreviation before a ward's name, departments named with their
hospital, sentences whose full stop was lost before a dated part of day, aliases and
nicknames, names used without a family name before a verb of saying, clergy ranks, and
years of a duration. Every sentence here is synthetic."""

from __future__ import annotations

import pytest

from conftest import mentions_of, texts_of

# -- ORG ---------------------------------------------------------------------------------


def test_a_shop_named_after_its_trade_is_one_org_and_no_person() -> None:
    text = (
        "Anh Bình làm thuê ở tiệm cầm đồ Hoàng Phát rồi chuyển sang quán karaoke Sao Mai. "
        "Quán karaoke Sao Mai đóng cửa lúc 23h."
    )
    assert texts_of(text, "ORG") == [
        "tiệm cầm đồ Hoàng Phát",
        "quán karaoke Sao Mai",
        "Quán karaoke Sao Mai",
    ]
    assert texts_of(text, "PERSON") == ["Bình"]


@pytest.mark.parametrize(
    "text",
    [
        "Quán quân Hương Giang và quán quân Minh Tú cùng về dự.",
        "Cán bộ quán triệt nghị quyết tại hội trường.",
        "Anh ngồi ở quán bên đường Lê Lợi từ sáng.",
    ],
)
def test_no_shop_in_the_compounds_of_quan_or_before_a_preposition(text: str) -> None:
    assert not [t for t in texts_of(text, "ORG") if t.casefold().startswith("quán")]


def test_a_numbered_body_keeps_its_number_but_a_document_number_does_not_join() -> None:
    text = (
        "Công ty Xây dựng số 1 Hà Nội đã thắng thầu. "
        "Theo văn bản của Bộ Tài chính số 15 ngày 3/5, dự án được duyệt."
    )
    assert texts_of(text, "ORG") == ["Công ty Xây dựng số 1 Hà Nội", "Bộ Tài chính"]


def test_a_regional_hospital_keeps_khu_vuc_and_its_place() -> None:
    text = "Bệnh nhân được chuyển tới Bệnh viện Đa khoa khu vực Tây Ninh trong đêm."
    assert texts_of(text, "ORG") == ["Bệnh viện Đa khoa khu vực Tây Ninh"]


def test_a_ward_name_after_the_heads_abbreviation_and_the_department_before_it() -> None:
    text = "Đoàn do ông Trần Minh, Trưởng Khoa Cấp cứu Bệnh viện (BV) Bạch Mai, dẫn đầu."
    assert texts_of(text, "ORG") == ["Khoa Cấp cứu Bệnh viện (BV) Bạch Mai"]
    assert texts_of(text, "PERSON") == ["Trần Minh"]


def test_a_faculty_named_with_a_compound_word_is_not_cut_at_its_first_syllable() -> None:
    text = "Anh là giảng viên Khoa Báo chí và Truyền thông, Học viện Thanh Thiếu niên."
    assert "Khoa Báo chí và Truyền thông" in texts_of(text, "ORG")


def test_a_part_of_day_and_a_date_end_a_name_whose_full_stop_was_lost() -> None:
    text = "Công nhân phải nằm ở hành lang bệnh viện Chiều 2.7, ông Trần Văn Nam cho biết."
    assert texts_of(text, "ORG") == []
    assert texts_of(text, "DATE") == ["2.7"]


# -- PERSON ------------------------------------------------------------------------------


def test_an_alias_in_brackets_and_a_nickname_with_lowercase_words() -> None:
    text = (
        "Lê Văn Hùng (tức Hùng Sẹo) cầm đầu nhóm. Công an bắt Trần Văn Tài (biệt danh Tài "
        "khỉ, sinh năm 1985). Hùng Sẹo bỏ trốn."
    )
    assert texts_of(text, "PERSON") == [
        "Lê Văn Hùng",
        "Hùng Sẹo",
        "Trần Văn Tài",
        "Tài khỉ",
        "Hùng Sẹo",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Giá tăng 5% (tức Hai Bà Trưng tăng nhanh nhất).",
        "Việc rời khối này, còn gọi là Brexit, gây tranh cãi.",
    ],
)
def test_no_alias_without_a_name_before_the_bracket_or_after_con_goi_la(text: str) -> None:
    assert texts_of(text, "PERSON") == []


def test_a_stage_name_before_a_verb_of_saying_and_where_it_comes_again() -> None:
    text = (
        "Sau đêm diễn, Hoài Vy chia sẻ rằng cô rất xúc động. "
        "Khán giả ở lại rất lâu để chờ Hoài Vy ký tặng."
    )
    assert texts_of(text, "PERSON") == ["Hoài Vy", "Hoài Vy"]


def test_a_stage_name_after_a_lost_full_stop_opens_its_sentence() -> None:
    text = "Ca sĩ trở về sau chuyến lưu diễn nước ngoài Hoài Vy tiết lộ cô vẫn còn mệt."
    assert texts_of(text, "PERSON") == ["Hoài Vy"]


@pytest.mark.parametrize(
    "text",
    [
        "Đại diện Bệnh viện ung bướu Hưng Thịnh cho rằng tỷ lệ chữa khỏi cao.",
        "Thông báo từ Nhà Xanh cho biết hai bên đã trao đổi.",
        "Nhà Trắng cho biết các bên đã đồng ý.",
        "Sau đó Hà Nội cho biết sẽ cấm xe máy.",
        "Công ty Cảng Quốc tế Cái Lân đã khẳng định như vậy.",
    ],
)
def test_no_stage_name_for_bodies_places_or_the_end_of_a_name(text: str) -> None:
    assert texts_of(text, "PERSON") == []


def test_clergy_ranks_stay_outside_the_name() -> None:
    text = "Hòa thượng Thích Trí Minh và Linh mục Nguyễn Văn Khải dự lễ. Sơ Xoan 60 tuổi."
    assert texts_of(text, "PERSON") == ["Thích Trí Minh", "Nguyễn Văn Khải", "Xoan"]


# -- DATE --------------------------------------------------------------------------------


def test_a_year_count_that_ends_the_clause_is_a_duration() -> None:
    text = "Chiếc trống có niên đại 2000 năm. Đề thi 2017 năm nay được đánh giá là dễ."
    assert texts_of(text, "DATE") == ["2017"]


def test_a_compilations_sources_and_a_source_inside_a_paragraph_are_orgs() -> None:
    text = (
        "Con ngựa nổi điên giữa phố, theo India Today. Con ngựa đâm vào một chiếc xe.\n"
        "Trận đấu diễn ra sôi nổi.\nMai Lan (Tổng hợp từ Mirror, The Sun)"
    )
    assert texts_of(text, "ORG") == ["India Today", "Mirror", "The Sun"]


def test_a_source_on_a_line_of_its_own_is_an_org() -> None:
    text = "Doanh nghiệp công bố lợi nhuận quý 4 tăng mạnh.\nVnEconomy"
    assert texts_of(text, "ORG") == ["VnEconomy"]


def test_global_firms_and_exchanges_named_bare() -> None:
    text = "Cổ phiếu Oracle niêm yết trên sàn NASDAQ tăng mạnh, trong khi IBM giảm nhẹ."
    assert texts_of(text, "ORG") == ["Oracle", "NASDAQ", "IBM"]


# -- TITLE -------------------------------------------------------------------------------


def test_a_bare_post_that_opens_a_sentence_refers_to_its_holder() -> None:
    text = (
        "Bộ trưởng Bộ Văn hóa Nguyễn Văn Thắng nhận lỗi trước Quốc hội. "
        "Bộ trưởng là người đứng đầu ngành, nên khi sai phạm xảy ra thì Bộ trưởng đứng ra "
        "nhận trách nhiệm."
    )
    assert texts_of(text, "TITLE") == ["Bộ trưởng Bộ Văn hóa", "Bộ trưởng", "Bộ trưởng"]


def test_a_bare_post_in_a_list_of_posts_or_of_any_body_is_no_one() -> None:
    text = (
        "Chủ tịch UBND huyện Lê Văn Tâm chủ trì. Hội nghị yêu cầu Chủ tịch, các Phó Chủ tịch "
        "ký cam kết. Giám đốc của một công ty bị bắt."
    )
    assert texts_of(text, "TITLE") == ["Chủ tịch UBND huyện"]


# -- AWARD -------------------------------------------------------------------------------


def test_handing_over_an_appointment_decision_is_no_award_but_a_commendation_is() -> None:
    text = (
        "Đảng ủy quân sự tỉnh trao quyết định điều động, bổ nhiệm đối với 6 cán bộ. "
        "UBND huyện trao quyết định khen thưởng cho 5 tập thể."
    )
    assert texts_of(text, "AWARD") == ["5 tập thể"]
    assert texts_of(text, "FIGURE") == ["6 cán bộ"]


def test_players_listed_with_their_club_in_brackets() -> None:
    text = (
        "HLV triệu tập 3 tiền đạo gồm: Văn Toàn (HAGL), Tuấn Tài (SLNA) và "
        "Nguyễn Văn Quyết (Hà Nội FC)."
    )
    assert texts_of(text, "PERSON") == ["Văn Toàn", "Tuấn Tài", "Nguyễn Văn Quyết"]


@pytest.mark.parametrize(
    "text",
    [
        "Paris Saint Germain (PSG) tiếp tục bám đuổi đội đầu bảng.",
        "Tôi không nói dối. Đó (MU) là một giấc mơ của mọi cầu thủ.",
    ],
)
def test_no_player_for_a_clubs_own_abbreviation_or_a_function_word(text: str) -> None:
    assert texts_of(text, "PERSON") == []


def test_a_clan_is_no_person() -> None:
    text = (
        "Ngôi mộ được Hội đồng Trị sự Nguyễn Phước Tộc tìm thấy. Đại diện dòng tộc Nguyễn "
        "Phước đề nghị giữ nguyên hiện trạng."
    )
    assert texts_of(text, "PERSON") == []


# -- PLACE -------------------------------------------------------------------------------


def test_the_provincial_city_of_hue_before_2025_is_a_district() -> None:
    text = "UBND thành phố Huế đề nghị UBND tỉnh Thừa Thiên Huế cho ý kiến."
    first = mentions_of(text, "PLACE")[0]
    assert (first["text"], first["level"]) == ("thành phố Huế", "district")


def test_a_list_belongs_to_the_nearer_plural_unit() -> None:
    text = (
        "Mưa lớn tại các tỉnh miền núi, đặc biệt tại tỉnh Lai Châu các huyện có nguy cơ cao: "
        "Tân Uyên, Phong Thổ, Sìn Hồ."
    )
    levels = {p["text"]: p["level"] for p in mentions_of(text, "PLACE")}
    assert [levels[n] for n in ("Tân Uyên", "Phong Thổ", "Sìn Hồ")] == ["district"] * 3


def test_forecast_regions_stations_ferries_and_ring_roads() -> None:
    text = (
        "Mưa lớn ở vùng núi phía Bắc. Tuyến đường sắt đi từ ga Tân Kiên, dọc Vành đai 2, "
        "tới phà Cần Thơ. Bình ga Petrolimex bị rò rỉ."
    )
    assert texts_of(text, "PLACE") == [
        "vùng núi phía Bắc",
        "ga Tân Kiên",
        "Vành đai 2",
        "phà Cần Thơ",
    ]


# -- FIGURE ------------------------------------------------------------------------------


def test_a_counted_noun_glued_to_a_name_and_transport_hubs_and_organs() -> None:
    text = (
        "Vụ va chạm làm 7 thủy thủ Mỹ mất tích. Toàn tuyến có 10 ga, nối 2 cảng lớn. "
        "Bệnh nhân bị suy 6 tạng."
    )
    assert texts_of(text, "FIGURE") == ["7 thủy thủ", "10 ga", "2 cảng", "6 tạng"]


def test_a_club_by_its_short_name_and_the_state_with_its_unit_word() -> None:
    football = (
        "Bayern mua tiền vệ James nhanh gọn. HLV Ancelotti muốn thêm một tiền đạo. "
        "Các đội bóng lớn cũng đang theo đuổi anh."
    )
    assert texts_of(football, "ORG") == ["Bayern"]
    travel = "Ông sống ở bang Bayern, miền nam nước Đức."
    assert texts_of(travel, "PLACE")[0] == "bang Bayern"
