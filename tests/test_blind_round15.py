"""Classes of the fifteenth blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import mentions_of, texts_of, titles_of

# -- PERSON: closing bylines -------------------------------------------------------------


def test_a_closing_byline_before_an_outlet_written_as_a_domain() -> None:
    text = "Đội cứu hỏa đã khống chế đám cháy sau hai giờ. Không ai bị thương. Minh Khang/VOV.VN"
    assert [(m["text"], m.get("role")) for m in mentions_of(text, "PERSON")] == [
        ("Minh Khang", "author")
    ]


def test_a_closing_byline_of_an_initial_and_a_name_in_capitals() -> None:
    text = "Người bị thương được đưa đi cấp cứu tại bệnh viện huyện. K.NGUYÊN"
    assert texts_of(text, "PERSON") == ["K.NGUYÊN"]


def test_a_closing_line_that_is_a_sentence_is_no_byline() -> None:
    text = "Người bị thương được đưa đi cấp cứu. Sau đó họ về nhà an toàn."
    assert texts_of(text, "PERSON") == []


# -- ORG ---------------------------------------------------------------------------------


def test_club_nicknames_are_the_clubs() -> None:
    text = (
        "“Quỷ đỏ” chỉ chấp nhận trả 60 triệu euro, trong khi “Kền kền trắng” đòi thêm. "
        "Pháo thủ thua 0-1 trước The Blues, còn Hùm xám dẫn đầu Bundesliga."
    )
    assert {"Quỷ đỏ", "Kền kền trắng", "Pháo thủ", "The Blues", "Hùm xám"} <= set(
        texts_of(text, "ORG")
    )
    assert texts_of(text, "PERSON") == []


def test_a_provincial_military_command_written_in_sentence_case() -> None:
    text = "Lực lượng công binh thuộc Bộ Chỉ huy quân sự tỉnh Nghệ An đã có mặt kịp thời."
    assert "Bộ Chỉ huy quân sự tỉnh Nghệ An" in texts_of(text, "ORG")


def test_the_central_committees_of_the_party_and_the_youth_union() -> None:
    text = (
        "Dự lễ có Ủy viên dự khuyết Ban chấp hành TW Đảng, Bí thư thứ nhất Ban chấp hành "
        "TW Đoàn Trần Văn Bình."
    )
    orgs = texts_of(text, "ORG")
    assert "Ban chấp hành TW Đảng" in orgs
    assert "Ban chấp hành TW Đoàn" in orgs
    assert "Đảng" not in orgs
    assert titles_of(text) == {
        "Trần Văn Bình": "Ủy viên dự khuyết Ban chấp hành TW Đảng, "
        "Bí thư thứ nhất Ban chấp hành TW Đoàn"
    }


def test_the_standing_committee_of_the_national_assembly_in_sentence_case() -> None:
    text = "Đoàn làm việc có đại diện Ủy ban thường vụ Quốc hội và Bộ Tư pháp."
    assert "Ủy ban thường vụ Quốc hội" in texts_of(text, "ORG")


def test_an_organisation_or_agency_named_by_its_field() -> None:
    text = (
        "Theo Tổ chức Y tế Thế giới, dịch đã lan sang 12 nước. "
        "Một quan chức của Cơ quan Quản lý Hàng không Liên bang cho biết máy bay đã rơi."
    )
    orgs = texts_of(text, "ORG")
    assert "Tổ chức Y tế Thế giới" in orgs
    assert "Cơ quan Quản lý Hàng không Liên bang" in orgs


def test_holding_an_event_or_a_generic_agency_is_no_organisation() -> None:
    text = "Tổ chức Lễ hội Hoa Ban vào tháng 3 hằng năm. Cơ quan Công an đã vào cuộc điều tra."
    assert texts_of(text, "ORG") == []


# -- FIGURE ------------------------------------------------------------------------------


def test_triệu_alone_after_a_money_cue_or_in_a_list_of_sums_is_money() -> None:
    text = (
        "Kẻ gian lấy 350 triệu, 12.000 USD và 3 chỉ vàng. "
        "Ông bị phạt 7 triệu. Dân số nước này khoảng 90 triệu."
    )
    figures = [(m["text"], m["value"], m["quantity"]) for m in mentions_of(text, "FIGURE")]
    assert ("350 triệu", 350_000_000, "money") in figures
    assert ("7 triệu", 7_000_000, "money") in figures
    assert ("3 chỉ", 3, "mass") in figures
    assert "90 triệu" not in [f for f, _, _ in figures]


def test_chỉ_after_a_number_is_only_a_measure_before_gold() -> None:
    text = "Lớp 12 chỉ có 30 học sinh đạt giải."
    assert texts_of(text, "FIGURE") == ["30 học sinh"]


# -- PERSON, PLACE: named by a noun, a nation's entertainment -----------------------------


def test_a_person_noun_then_tên_names_the_person() -> None:
    text = (
        "Nạn nhân tên Khải (khoảng 40 tuổi) được đưa đi cấp cứu. "
        "Anh quen một cô gái tên Duyên ở chợ. Con tàu mang tên Hòa Bình cập cảng."
    )
    assert texts_of(text, "PERSON") == ["Khải", "Duyên"]


def test_a_nations_entertainment_industry_names_the_country() -> None:
    text = "Làng giải trí Hàn lại chấn động. Cô từng nổi tiếng nhờ làn sóng Hàn."
    assert [(m["text"], m["level"]) for m in mentions_of(text, "PLACE")] == [
        ("Hàn", "country"),
        ("Hàn", "country"),
    ]


def test_a_department_named_tổ_chức_and_a_lowercase_field_are_no_organisation_names() -> None:
    text = (
        "Ông Lê Văn Tâm, Vụ trưởng Vụ Tổ chức cán bộ Bộ Nội vụ, cho biết. "
        "Cơ quan quản lý đã vào cuộc."
    )
    orgs = texts_of(text, "ORG")
    assert "Vụ Tổ chức cán bộ" in orgs
    assert not [o for o in orgs if o.startswith(("Tổ chức", "Cơ quan"))]


def test_a_post_whose_body_ends_in_its_bracketed_abbreviation_before_the_holder() -> None:
    text = "Ông đã gặp Giám đốc Cục Điều tra Liên bang (FBI) John Miller tại Washington."
    assert titles_of(text) == {"John Miller": "Giám đốc Cục Điều tra Liên bang (FBI)"}
    assert "Giám đốc Cục Điều tra Liên bang (FBI)" in texts_of(text, "TITLE")


def test_a_patient_named_by_a_withheld_initial() -> None:
    text = "Bệnh viện đã họp kíp mổ cho sản phụ H và kiểm tra lại quy trình."
    assert texts_of(text, "PERSON") == ["H"]


def test_a_noun_then_tên_thật_là_still_names_the_person() -> None:
    text = "Cô bé tên thật là Ngọc Ánh, từng dự thi năm 2015."
    assert texts_of(text, "PERSON") == ["Ngọc Ánh"]


def test_a_role_then_a_sentence_opener_is_no_name() -> None:
    text = "Bác sĩ cấp cứu cho bệnh nhân Nếu chậm vài phút thì nguy hiểm."
    assert texts_of(text, "PERSON") == []


def test_a_post_before_a_bracketed_place_keeps_its_span() -> None:
    text = "Ông làm việc với Chủ tịch UBND Q.3 (TP.HCM) Lê Văn Sơn trong buổi sáng."
    assert titles_of(text) == {"Lê Văn Sơn": "Chủ tịch UBND Q.3"}


# -- ORG: clubs named by one word in a football report ------------------------------------


def test_a_club_named_by_one_word_in_a_football_report() -> None:
    text = (
        "Tiền đạo ghi bàn giúp Sevilla thắng Watford 2-0 ở vòng 10 La Liga. "
        "Liverpool hòa Burnley, còn hậu vệ Antonio Valencia chơi tốt trong trận đấu. "
        "HLV của Swansea nói cầu thủ đã trở lại. Trận đấu diễn ra tại Liverpool."
    )
    orgs = texts_of(text, "ORG")
    assert {"Sevilla", "Watford", "Liverpool", "Burnley", "Swansea"} <= set(orgs)
    assert orgs.count("Liverpool") == 1  # "tại Liverpool" is the city
    assert "Antonio Valencia" in texts_of(text, "PERSON")
    assert "Valencia" not in orgs


def test_a_club_word_outside_a_sports_article_is_no_club() -> None:
    text = "Ông về thăm Watford, một thị trấn yên bình, trong chuyến công tác."
    assert texts_of(text, "ORG") == []


def test_clubs_of_the_major_leagues_named_with_two_words() -> None:
    text = "Đội bóng của ông từng thắng Crystal Palace và West Brom, rồi hòa Hertha Berlin."
    assert {"Crystal Palace", "West Brom", "Hertha Berlin"} <= set(texts_of(text, "ORG"))
    assert texts_of(text, "PERSON") == []


def test_a_profession_with_a_describing_word_or_a_nationality_before_the_name() -> None:
    text = (
        "Nam diễn viên quá cố Lee Min Soo từng bị buộc tội. Ca sĩ trẻ Hòa Vy ra mắt MV. "
        "Tiền đạo người Bỉ Romelu Lukaku ghi bàn. Anh là cầu thủ trẻ của đội."
    )
    assert texts_of(text, "PERSON") == ["Lee Min Soo", "Hòa Vy", "Romelu Lukaku"]


def test_a_profession_written_with_sỹ() -> None:
    text = "Nam ca sỹ Bin đã xin lỗi khán giả. Nghệ sỹ Xuân Bắc biểu diễn."
    assert texts_of(text, "PERSON") == ["Bin", "Xuân Bắc"]


def test_a_full_name_after_a_profession_keeps_its_given_name_before_a_dictionary_word() -> None:
    text = (
        "“Nên tiêm phòng sớm”, bác sĩ Trần Văn Phong cảnh báo. "
        "HLV Lê Minh Tú Dưới đây là lời khuyên."
    )
    assert texts_of(text, "PERSON") == ["Trần Văn Phong", "Lê Minh Tú"]
