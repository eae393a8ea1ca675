"""Classes of the thirteenth blind round. Every sentence here is synthetic."""

from __future__ import annotations

from pipeline.api import extract_text

from conftest import mentions_of, texts_of

# -- PLACE --------------------------------------------------------------------------------


def test_a_foreign_place_named_once_with_its_unit_word_is_a_place_bare_later() -> None:
    text = (
        "Quân đội hoàng gia bao vây thành phố Ghent suốt mùa đông. "
        "Để giải vây cho Ghent, người dân đào hào. "
        "Đoàn cứu trợ đến đảo Sulawesi sau trận động đất; tại Sulawesi nhiều nhà bị sập."
    )
    places = [(m["text"], m["level"]) for m in mentions_of(text, "PLACE")]
    assert ("Ghent", "other") in places
    assert places.count(("Sulawesi", "other")) == 1
    assert "đảo Sulawesi" in [p for p, _ in places]


def test_a_foreign_city_repeated_bare_in_a_football_article_is_the_club() -> None:
    text = (
        "Tiền vệ trẻ có thể cập bến Valencia trong kỳ chuyển nhượng mùa hè. "
        "Valencia đang dẫn đầu bảng xếp hạng La Liga sau 10 vòng đấu với 3 bàn thắng "
        "của tiền đạo trẻ ở trận derby."
    )
    assert "Valencia" not in [m["text"] for m in mentions_of(text, "PLACE")][1:]


# -- PERSON: a photographer's initials in a caption ---------------------------------------


def test_initials_in_a_caption_are_the_photographer() -> None:
    text = (
        "Mặt đường bong tróc sau mùa mưa. Ảnh: TK. Người dân phải đi vòng. "
        "Đoàn kiểm tra làm việc tại hiện trường. Ảnh: HVL Sau đó đoàn về trụ sở. "
        "Nước lũ dâng cao ở miền Trung. Ảnh: AP"
    )
    persons = [(m["text"], m.get("role")) for m in mentions_of(text, "PERSON")]
    assert ("TK", "author") in persons
    assert ("HVL", "author") in persons
    orgs = texts_of(text, "ORG")
    assert "TK" not in orgs and "HVL" not in orgs
    assert "AP" in orgs


def test_an_agency_or_a_credit_word_in_a_caption_is_no_photographer() -> None:
    text = (
        "Lực lượng cứu hộ tìm kiếm người mất tích. Ảnh: UPI. "
        "Ngôi đình được xây từ thế kỷ trước. Ảnh: TL. "
        "Phiên họp bế mạc chiều qua. Ảnh: QH"
    )
    persons = texts_of(text, "PERSON")
    assert persons == []
    assert "UPI" in texts_of(text, "ORG")


# -- FIGURE: the counted animal's whole name ----------------------------------------------


def test_an_animal_counted_after_con_keeps_its_whole_dictionary_name() -> None:
    text = "Trại nuôi 120 con bò sữa, 45 con lợn nái và thả 8.000 con cá giống xuống ao."
    figures = {m["text"]: m["unit"] for m in mentions_of(text, "FIGURE")}
    assert figures == {
        "120 con bò sữa": "con bò sữa",
        "45 con lợn nái": "con lợn nái",
        "8.000 con cá giống": "con cá giống",
    }


def test_another_classifier_takes_no_dictionary_compound_after_its_noun() -> None:
    figures = texts_of("Từ tháng 3 tới nay, 90 lô hàng thịt bò đã bị giữ lại tại cảng.", "FIGURE")
    assert figures == ["90 lô hàng"]


# -- ORG boundaries -----------------------------------------------------------------------


def test_a_school_field_in_sentence_case_after_capitals_stays_in_the_name() -> None:
    orgs = texts_of(
        "Sở phối hợp với Trường Cao đẳng Nghề Công nghệ và Thủy sản Miền Trung thực hiện.",
        "ORG",
    )
    assert "Trường Cao đẳng Nghề Công nghệ và Thủy sản Miền Trung" in orgs


def test_two_abbreviated_fields_joined_by_a_slash_are_one_name() -> None:
    orgs = texts_of("Theo Trung tâm Phòng chống HIV/AIDS tỉnh Gia Lai, số ca mới giảm.", "ORG")
    assert orgs == ["Trung tâm Phòng chống HIV/AIDS tỉnh Gia Lai"]


def test_the_fund_of_a_fund_management_company_is_its_trade() -> None:
    orgs = texts_of("Đại diện Công ty Quản lý Quỹ Sông Hồng Capital và Sở Tài chính dự họp.", "ORG")
    assert orgs == ["Công ty Quản lý Quỹ Sông Hồng Capital", "Sở Tài chính"]


# -- PERSON: a league division is no name -------------------------------------------------


def test_a_football_division_is_no_person() -> None:
    text = (
        "Giải bóng đá phong trào Hạng Nhất khởi tranh với 12 đội. Theo ban tổ chức giải "
        "hạng Nhất, đội xếp cuối sẽ xuống chơi ở giải bóng đá phong trào Hạng Nhì."
    )
    assert texts_of(text, "PERSON") == []


def test_a_dated_sentence_glued_to_a_name_ends_it() -> None:
    text = "Bộ trưởng Trần Văn Khải Ngày 5/8, Bộ trưởng Trần Văn Khải chủ trì cuộc họp."
    assert texts_of(text, "PERSON") == ["Trần Văn Khải", "Trần Văn Khải"]


def test_an_abbreviated_general_corporation_heads_its_own_name() -> None:
    orgs = texts_of(
        "Các thanh tra viên làm việc tại Tập đoàn Dệt may Việt Nam, TCty Lương thực miền Nam "
        "và TCty Cà phê Việt Nam.",
        "ORG",
    )
    assert orgs == ["Tập đoàn Dệt may Việt Nam", "TCty Lương thực miền Nam", "TCty Cà phê Việt Nam"]


# -- TITLE: deputies named by their body's word ------------------------------------------


def test_a_deputy_named_by_the_body_word_and_pho_is_a_post() -> None:
    record = extract_text(
        "Ông Lã Văn Tường, Cục phó Cục Quản lý thị trường, cho biết. "
        "Cô Đinh Thị Hảo, hiệu phó trường THCS Lê Lợi, cũng có mặt."
    )
    titles = {m["text"]: m.get("title") for m in record["mentions"] if m["label"] == "PERSON"}
    assert titles == {
        "Lã Văn Tường": "Cục phó Cục Quản lý thị trường",
        "Đinh Thị Hảo": "hiệu phó trường THCS Lê Lợi",
    }


# -- ORG: transport operators ------------------------------------------------------------


def test_the_name_after_a_bus_or_taxi_noun_is_the_operator() -> None:
    text = (
        "Xe khách Hải Vân chở 20 người tông vào xe khách Bình Minh. "
        "Hành khách gọi taxi Sao Mai về nhà."
    )
    assert texts_of(text, "ORG") == ["Hải Vân", "Bình Minh", "Sao Mai"]
    assert texts_of(text, "PERSON") == []


def test_a_place_or_a_drivers_full_name_after_the_noun_is_no_operator() -> None:
    text = "Xe khách Hà Nội - Lào Cai bị lật. Tài xế taxi Trần Văn Lực đang chạy thì gặp nạn."
    assert texts_of(text, "ORG") == []
    assert texts_of(text, "PERSON") == ["Trần Văn Lực"]


def test_a_coast_guard_keeps_its_country_though_bo_bien_reads_as_a_sea() -> None:
    record = extract_text("Lực lượng bảo vệ bờ biển Hàn Quốc đã cứu 12 ngư dân.")
    spans = [(m["label"], m["text"]) for m in record["mentions"]]
    assert ("ORG", "Lực lượng bảo vệ bờ biển Hàn Quốc") in spans
    assert ("PLACE", "Hàn Quốc") in spans
    assert ("PLACE", "biển Hàn Quốc") not in spans


def test_a_coast_that_is_no_force_stays_a_place() -> None:
    places = texts_of("Sạt lở diễn ra nhanh tại bờ biển Tây của tỉnh.", "PLACE")
    assert places == ["biển Tây"]


def test_three_syllable_countries_shortened_to_initials_are_places() -> None:
    text = "Đội tuyển BĐN thắng sát nút. Tờ Marca (TBN) khen ngợi tiền đạo người TNK."
    assert [(m["text"], m["level"]) for m in mentions_of(text, "PLACE")] == [
        ("BĐN", "country"),
        ("TBN", "country"),
        ("TNK", "country"),
    ]


# -- ORG: the body a post names ----------------------------------------------------------


def test_the_body_a_post_was_extended_over_is_an_org() -> None:
    text = (
        "Ông Trịnh Văn Bảo, Chủ tịch Hiệp hội gốm sứ Bát Tràng, khẳng định điều này. "
        "Chủ tịch Hội nông dân TP Cần Thơ Lê Văn Tâm phát biểu."
    )
    orgs = texts_of(text, "ORG")
    assert "Hiệp hội gốm sứ Bát Tràng" in orgs
    assert "Hội nông dân TP Cần Thơ" in orgs


def test_no_body_is_read_from_a_post_without_a_capitalised_head() -> None:
    text = "Ông Lê Văn Hòa, trưởng thôn Đông Hòa, cho biết nước đã rút."
    assert texts_of(text, "ORG") == []


# -- FIGURE: units written in Vietnamese, money words that open another word -------------


def test_electrical_units_written_in_vietnamese_are_measures() -> None:
    figures = {
        m["text"]: m["unit"]
        for m in mentions_of("Bộ kích điện lên tới 12.000 vôn, bóng đèn 40 oát, 5 ampe.", "FIGURE")
    }
    assert figures == {"12.000 vôn": "vôn", "40 oát": "oát", "5 ampe": "ampe"}


def test_dong_opening_another_word_after_digits_is_no_money() -> None:
    text = (
        "Tuyến đường đạt chuẩn đường cấp 4 đồng bằng. Anh nộp 3 triệu đồng bằng tiền mặt. "
        "Tâm bão ở 18,5 độ vĩ Bắc. Chị bị lấy 300.000 đồng tiền mặt. Xe có 2 đồng hồ."
    )
    assert texts_of(text, "FIGURE") == ["3 triệu đồng", "18,5 độ", "300.000 đồng"]


# -- PERSON: a closing byline opening with a lead word that is a given name ---------------


def test_a_closing_byline_may_open_with_nhu() -> None:
    text = "Phiên đấu giá diễn ra vào cuối tháng. Khách phải đặt cọc trước. Như Hạnh"
    assert [(m["text"], m.get("role")) for m in mentions_of(text, "PERSON")] == [
        ("Như Hạnh", "author")
    ]
    assert texts_of("Ông Lý nói thế. Khách phải đặt cọc trước. Theo Dân Trí", "PERSON") == ["Lý"]
