"""Classes of the ninth blind round: deputies named with their constituency, posts addressed
or presiding, clubs and courts by their seat and division, committees of the National
Assembly, UN programmes, special administrative regions, airports and protected areas,
lost superscripts, rates and degrees, and performers named after their profession. Every
sentence here is synthetic."""

from __future__ import annotations

import pytest

from conftest import mentions_of, texts_of

# -- TITLE -------------------------------------------------------------------------------


def test_a_deputy_named_with_the_constituency_in_brackets_holds_the_post() -> None:
    text = "Phát biểu tại hội trường, đại biểu Trần Quốc Bảo (Sóc Trăng) đề nghị làm rõ."
    assert texts_of(text, "TITLE") == ["đại biểu"]
    (person,) = mentions_of(text, "PERSON")
    assert (person["text"], person.get("title")) == ("Trần Quốc Bảo", "đại biểu")


@pytest.mark.parametrize(
    "text",
    [
        # plural: the deputies, no one post
        "Các đại biểu Trần Quốc Bảo (Sóc Trăng), Lê Minh Tâm (Huế) cùng phát biểu.",
        # no constituency after the name: a delegate at an event as much as a deputy
        "Đại biểu Trần Quốc Bảo phát biểu khai mạc hội nghị.",
    ],
)
def test_no_deputy_post_without_one_named_holder_and_constituency(text: str) -> None:
    assert "đại biểu" not in [t.casefold() for t in texts_of(text, "TITLE")]


def test_a_post_addressed_with_thua_is_the_interviewee() -> None:
    text = (
        "Bộ trưởng Bộ Y tế Phạm Văn Hòa trả lời phỏng vấn. "
        "Xin cho biết kế hoạch sắp tới, thưa Bộ trưởng?"
    )
    assert texts_of(text, "TITLE") == ["Bộ trưởng Bộ Y tế", "Bộ trưởng"]


def test_the_presiding_judge_and_a_court_division_chief() -> None:
    text = (
        "Chủ tọa Lê Hoài Nam tuyên án lúc 16h. Trong khi đó chủ tọa phiên tòa giữ bình tĩnh. "
        "Ông Đỗ Văn Khải, nguyên Chánh tòa Dân sự TAND Tối cao, nhận xét bản án."
    )
    assert texts_of(text, "TITLE") == [
        "Chủ tọa",
        "chủ tọa phiên tòa",
        "Chánh tòa Dân sự TAND Tối cao",
    ]
    titles = {m["text"]: m.get("title") for m in mentions_of(text, "PERSON")}
    assert titles == {"Lê Hoài Nam": "Chủ tọa", "Đỗ Văn Khải": "Chánh tòa Dân sự TAND Tối cao"}


def test_a_team_principal_before_a_comma_and_an_honorific() -> None:
    text = "Trưởng đội đua, ông Marco Bellini khẳng định mục tiêu mùa tới."
    (person,) = mentions_of(text, "PERSON")
    assert person.get("title") == "Trưởng đội đua"


# -- ORG ---------------------------------------------------------------------------------


def test_a_club_by_its_city_and_by_a_name_that_is_a_persons() -> None:
    text = "Chủ tịch CLB TP HCM gặp lãnh đạo CLB Hoàng Anh Gia Lai và CLB Hà Nội tuần này."
    assert texts_of(text, "ORG") == ["CLB TP HCM", "CLB Hoàng Anh Gia Lai", "CLB Hà Nội"]
    assert "Chủ tịch CLB TP HCM" in texts_of(text, "TITLE")


def test_a_score_after_a_club_is_no_part_of_its_name() -> None:
    text = "Trận CLB Thanh Hóa 3-1 CLB Nam Định diễn ra tối qua."
    assert texts_of(text, "ORG") == ["CLB Thanh Hóa", "CLB Nam Định"]


def test_court_divisions_and_trial_panels_of_an_instance() -> None:
    text = (
        "Tòa Kinh tế TAND TP Hà Nội thụ lý vụ kiện. HĐXX phúc thẩm giữ nguyên án. "
        "Hội đồng xét xử sơ thẩm đã tuyên."
    )
    assert texts_of(text, "ORG") == [
        "Tòa Kinh tế TAND TP Hà Nội",
        "HĐXX phúc thẩm",
        "Hội đồng xét xử sơ thẩm",
    ]


def test_a_committee_of_the_national_assembly_by_its_statutory_name() -> None:
    text = "Chủ nhiệm Ủy ban Quốc phòng và An ninh của Quốc hội Phan Thanh Tùng báo cáo."
    assert texts_of(text, "ORG") == ["Ủy ban Quốc phòng và An ninh của Quốc hội"]
    assert texts_of(text, "TITLE") == ["Chủ nhiệm Ủy ban Quốc phòng và An ninh của Quốc hội"]


def test_a_party_inspection_committee_written_in_lower_case() -> None:
    text = "Ông bị Ủy ban kiểm tra Tỉnh ủy Gia Lai cảnh cáo."
    assert texts_of(text, "ORG") == ["Ủy ban kiểm tra Tỉnh ủy Gia Lai"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Cục Quản lý chất lượng thể hiện quyết tâm cải cách.", "Cục Quản lý chất lượng"),
        ("Tập đoàn E-Star hợp tác với đối tác Nhật.", "Tập đoàn E-Star"),
        ("Công ty TNHH Minh & Long đăng ký thêm vốn.", "Công ty TNHH Minh & Long"),
    ],
)
def test_a_name_stops_before_the_verb_of_its_clause(text: str, org: str) -> None:
    assert org in texts_of(text, "ORG")


def test_the_paper_of_a_reporter_is_an_org_with_its_place_inside() -> None:
    text = "Trả lời PV Pháp Luật TP.HCM, ông Trịnh Văn Hải cho biết PV Gas đã nộp hồ sơ."
    assert "Pháp Luật TP.HCM" in texts_of(text, "ORG")
    assert "TP.HCM" in texts_of(text, "PLACE")
    assert "Gas" not in texts_of(text, "ORG")


def test_un_programmes_by_their_vietnamese_names() -> None:
    text = "Quỹ Dân số Liên Hợp Quốc và Chương trình phát triển Liên Hiệp Quốc cùng tài trợ."
    assert texts_of(text, "ORG") == [
        "Quỹ Dân số Liên Hợp Quốc",
        "Chương trình phát triển Liên Hiệp Quốc",
    ]


def test_two_capitals_in_brackets_after_a_body_are_its_short_name() -> None:
    text = "Quỹ Tiền tệ Quốc tế (IM) dự báo tăng trưởng. Theo IM, lạm phát giảm."
    assert texts_of(text, "ORG").count("IM") == 2


def test_a_deputies_short_form_in_brackets_names_no_body() -> None:
    text = "Nhiều đại biểu HĐND tỉnh Nam Định (ĐB) chất vấn. Các ĐB đề nghị giải trình."
    assert "ĐB" not in texts_of(text, "ORG")


# -- PLACE -------------------------------------------------------------------------------


def test_hong_kong_and_macau_are_regions_not_countries() -> None:
    text = "Du khách từ Hong Kong và Ma Cao tăng mạnh, còn Hồng Kông vẫn đắt đỏ."
    places = {m["text"]: m.get("level") for m in mentions_of(text, "PLACE")}
    assert places == {"Hong Kong": "other", "Ma Cao": "other", "Hồng Kông": "other"}


def test_a_special_administrative_region_ends_before_its_chiefs_name() -> None:
    text = "Trưởng Đặc khu hành chính Hong Kong Lý Gia Kiệt phát biểu."
    assert texts_of(text, "PLACE") == ["Đặc khu hành chính Hong Kong"]
    (person,) = mentions_of(text, "PERSON")
    assert person["text"] == "Lý Gia Kiệt"


@pytest.mark.parametrize(
    "place",
    [
        "Cảng hàng không quốc tế Cam Ranh",
        "sân bay quốc tế Phú Bài",
        "Khu bảo tồn thiên nhiên Xuân Liên",
        "Khu bảo tồn biển Cù Lao Chàm",
        "Khu công nghệ cao Láng Hòa Lạc",
    ],
)
def test_airports_protected_areas_and_tech_parks_are_places(place: str) -> None:
    assert place in texts_of(f"Đoàn công tác đã đến {place} chiều qua.", "PLACE")


def test_the_airport_corporation_is_no_airport() -> None:
    text = "Tổng công ty Cảng hàng không Việt Nam công bố kết quả kinh doanh."
    assert "Cảng hàng không Việt Nam" not in texts_of(text, "PLACE")


@pytest.mark.parametrize(
    ("text", "not_place"),
    [
        ("Các nhà hải dương học của Viện Hải dương học đo đạc rạn san hô.", "Hải dương"),
        ("Cơn bão đi theo hướng Bắc Đông Bắc với tốc độ 15 km/h.", "Đông Bắc"),
        ("Học sinh được giáo dục về chủ quyền biển đảo Tổ quốc.", "đảo Tổ"),
    ],
)
def test_common_words_and_bearings_are_no_places(text: str, not_place: str) -> None:
    assert not_place not in texts_of(text, "PLACE")


# -- FIGURE ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("Nhà máy xin nạo vét 2 triệu m 3 bùn cát.", "2 triệu m 3", "triệu m 3"),
        ("Gió mạnh 60-70km/giờ, giật cấp 9.", "60-70km/giờ", "km/giờ"),
        ("Hồ xả 1.200 m3/s qua đập tràn.", "1.200 m3/s", "m3/s"),
        ("Nhiệt độ ngoài trời lên tới 39 độ vào buổi trưa.", "39 độ", "độ"),
        ("Công an đã bắt 12 tên trong đường dây.", "12 tên", "tên"),
        ("Đơn vị này có 500 lính và 20 chỉ huy.", "500 lính", "lính"),
        ("Thành phố với 3,2 triệu dân cần thêm bệnh viện.", "3,2 triệu dân", "triệu dân"),
    ],
)
def test_lost_superscripts_rates_degrees_and_people_counts(
    text: str, figure: str, unit: str
) -> None:
    figures = {m["text"]: m.get("unit") for m in mentions_of(text, "FIGURE")}
    assert figures.get(figure) == unit


# -- PERSON ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Đêm nhạc có sự góp mặt của diva Thanh Lam cùng ban nhạc.", "Thanh Lam"),
        ("Sau buổi tập, bạn gái Quang Hải đăng ảnh kỷ niệm.", "Quang Hải"),
        ("Người đẹp Kỳ Duyên xuất hiện rạng rỡ.", "Kỳ Duyên"),
    ],
)
def test_a_performer_or_partner_named_after_a_profession_or_kin_noun(text: str, name: str) -> None:
    assert name in texts_of(text, "PERSON")


def test_a_given_name_that_opens_a_sentence_word_is_no_short_form() -> None:
    text = (
        "Ông Lê Văn Thế là ngư dân. Thế nhưng tàu của ông đã hỏng. Thế cho biết như vậy. "
        "Anh Trần Văn Hùng đi cùng. “Tàu mới hỏng”, Hùng tâm sự."
    )
    short = [m["start"] for m in mentions_of(text, "PERSON") if m["text"] in ("Thế", "Hùng")]
    # after a comma the name is the speaker, even before a verb it starts a word with
    assert short == [text.index("Thế cho"), text.index("Hùng tâm")]


def test_an_arabic_family_name_is_shortened_without_its_article() -> None:
    text = "Thủ lĩnh Abu Omar al-Masri bị bắt. Sau đó Masri được thẩm vấn."
    assert texts_of(text, "PERSON") == ["Abu Omar al-Masri", "Masri"]


# -- DATE and departments ------------------------------------------------------------------


def test_a_month_by_its_capitalised_name() -> None:
    text = "Hội nghị dự kiến họp vào cuối tháng Mười Một. Những tháng năm ấy thật khó quên."
    dates = {m["text"]: m["value"] for m in mentions_of(text, "DATE")}
    assert dates == {"tháng Mười Một": "--11"}


def test_a_department_written_in_lower_case_after_its_head() -> None:
    text = "Theo Trung tâm dự báo khí tượng thủy văn quốc gia, mưa lớn còn kéo dài."
    assert texts_of(text, "ORG") == ["Trung tâm dự báo khí tượng thủy văn quốc gia"]


def test_a_club_after_a_word_of_a_players_career_stands_for_it_later() -> None:
    text = (
        "Tiền đạo này từng khoác áo Ventforet Kofu hai mùa. Anh về thăm CLB cũ Ventforet "
        "Kofu, rồi nói Ventforet Kofu luôn trong tim anh."
    )
    assert texts_of(text, "ORG") == ["Ventforet Kofu"] * 3


def test_a_home_city_after_a_career_word_is_the_club_there_only() -> None:
    text = "Hà Nội mưa to cả ngày. Tối đó, anh ghi bàn trong màu áo Hà Nội."
    assert [m["start"] for m in mentions_of(text, "ORG")] == [text.rindex("Hà Nội")]
    assert texts_of(text, "PLACE") == ["Hà Nội", "Hà Nội"]


def test_a_known_department_written_with_its_comma_ends_before_its_chiefs_name() -> None:
    text = "Cục trưởng Cục Phòng, chống tham nhũng Đỗ Minh Quân cho biết như vậy."
    assert texts_of(text, "ORG") == ["Cục Phòng, chống tham nhũng"]
    assert texts_of(text, "PERSON") == ["Đỗ Minh Quân"]


@pytest.mark.parametrize("firm", ["Grab", "Uber", "Vietlott"])
def test_ride_hailing_firms_and_the_lottery_company_are_orgs(firm: str) -> None:
    assert texts_of(f"Năm nay {firm} báo lãi lớn.", "ORG") == [firm]


@pytest.mark.parametrize("firm", ["Sony", "Warner Bros", "Gucci", "Louis Vuitton"])
def test_studios_and_fashion_houses_named_bare_are_orgs(firm: str) -> None:
    assert texts_of(f"Bộ sưu tập mới của {firm} gây sốt.", "ORG") == [firm]


def test_a_quoted_title_opening_with_a_word_is_no_short_form() -> None:
    text = 'Diễn viên Trần Văn Cặp dự thi. Anh lên sân khấu "Cặp đôi hài hước" năm nay.'
    assert texts_of(text, "PERSON") == ["Trần Văn Cặp"]
