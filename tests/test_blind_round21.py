"""Classes of the twenty-first blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import mentions_of, texts_of, titles_of

# -- PERSON, PLACE: particles of foreign names and the Gulf's honorific ------------------------


def test_two_particles_stay_inside_a_foreign_name() -> None:
    text = "Thủ tướng Đức tiếp Bộ trưởng Ursula von der Leyen và giáo sư Pieter van den Berg."
    assert texts_of(text, "PERSON") == ["Ursula von der Leyen", "Pieter van den Berg"]


def test_sheikh_stays_outside_the_name_as_an_honorific() -> None:
    text = (
        "Ngoại trưởng Oman Sheikh Hamad bin Saleh Al-Busaidi cho biết. Ông Sheikh Hamad nói thêm."
    )
    assert texts_of(text, "PERSON") == ["Hamad bin Saleh Al-Busaidi", "Hamad"]
    assert titles_of(text)["Hamad bin Saleh Al-Busaidi"] == "Ngoại trưởng Oman"


def test_an_emir_is_a_post_before_his_country_or_his_name() -> None:
    text = (
        "Tiểu vương Kuwait Sheikh Nasser al-Jaber đã gặp đại diện của "
        "Các Tiểu vương quốc Ả Rập Thống nhất."
    )
    assert "Tiểu vương Kuwait" in texts_of(text, "TITLE")
    assert titles_of(text)["Nasser al-Jaber"] == "Tiểu vương Kuwait"


def test_a_foreign_place_after_its_unit_word_keeps_its_particles() -> None:
    text = (
        "Máy bay hạ cánh xuống sân bay Charles de Gaulle rồi bay tiếp tới thành phố Mar del Plata."
    )
    assert texts_of(text, "PLACE") == ["sân bay Charles de Gaulle", "thành phố Mar del Plata"]


# -- PLACE: a compass point before a country abroad ---------------------------------------------


def test_a_compass_point_before_a_country_leaves_the_country_a_place() -> None:
    text = "Giao tranh lan từ Đông Ukraine tới Tây Nam Syria và Đông Bắc Nigeria."
    assert texts_of(text, "PLACE") == ["Ukraine", "Syria", "Nigeria"]


def test_a_name_that_opens_with_a_compass_point_stays_whole() -> None:
    text = "Đoàn đã thăm Nam Phi, Đông Timor, Bắc Mỹ, Nam Australia và huyện Đông Anh."
    assert texts_of(text, "PLACE") == [
        "Nam Phi",
        "Đông Timor",
        "Bắc Mỹ",
        "Nam Australia",
        "huyện Đông Anh",
    ]


def test_the_halves_of_korea_name_the_two_states() -> None:
    text = "Bắc Triều Tiên bắn tên lửa, Nam Triều Tiên họp khẩn."
    places = mentions_of(text, "PLACE")
    assert [(m["text"], m["name"]) for m in places] == [
        ("Bắc Triều Tiên", "Triều Tiên"),
        ("Nam Triều Tiên", "Hàn Quốc"),
    ]


def test_a_given_name_after_a_compass_word_is_no_country() -> None:
    text = "Võ sư Nam Anh dạy Vịnh Xuân ở Canada."
    assert texts_of(text, "PLACE") == ["Canada"]


def test_a_city_inside_a_papers_name_is_a_place() -> None:
    text = "Theo Manila Times, quân đội đã chiếm lại khu chợ. Ảnh: Bangkok Post"
    assert texts_of(text, "PLACE") == ["Manila", "Bangkok"]
    assert texts_of(text, "ORG") == ["Manila Times", "Bangkok Post"]


# -- TITLE: a prefix glued to the word before it, the special counsel, a country's anaphor --------


def test_a_former_deputy_keeps_the_prefix_of_his_post() -> None:
    text = "Ông Lê Minh Trí, cựu Phó Giám đốc Sở Xây dựng, đã gặp cựu Phó Giám đốc CIA Mark Lowell."
    assert texts_of(text, "TITLE") == ["Phó Giám đốc Sở Xây dựng", "Phó Giám đốc CIA"]
    assert titles_of(text) == {
        "Lê Minh Trí": "Phó Giám đốc Sở Xây dựng",
        "Mark Lowell": "Phó Giám đốc CIA",
    }


def test_the_special_counsel_is_a_post() -> None:
    text = "Công tố viên đặc biệt Robert Mueller đã thẩm vấn ông Ledgett."
    assert texts_of(text, "TITLE") == ["Công tố viên đặc biệt"]
    assert titles_of(text)["Robert Mueller"] == "Công tố viên đặc biệt"


def test_a_post_named_with_its_country_as_an_anaphor_is_its_holders() -> None:
    text = "Hàn Quốc cho biết Tổng thống nước này Moon Jae-in sẽ tới Washington."
    assert texts_of(text, "TITLE") == ["Tổng thống"]
    assert titles_of(text) == {"Moon Jae-in": "Tổng thống"}


# -- DATE: a duration of months and days --------------------------------------------------------


def test_months_and_days_of_a_duration_are_no_date() -> None:
    text = "Bị cáo lĩnh 3 năm 4 tháng 12 ngày tù; sau 9 tháng 10 ngày, chị sinh con ngày 5 tháng 6."
    assert texts_of(text, "DATE") == ["ngày 5 tháng 6"]


# -- ORG: a firm introduced by its trade, its proper name alone later ---------------------------


def test_a_firm_introduced_by_its_trade_is_the_same_org_bare_later() -> None:
    text = "Hãng điện thoại Nordvik sắp phá sản. Năm 2015, Nordvik được một quỹ đầu tư mua lại."
    assert texts_of(text, "ORG") == ["Nordvik", "Nordvik"]


def test_a_firms_name_in_foreign_letters_ends_before_the_verb_after_it() -> None:
    text = "Công ty Quintaro kiện Google ra tòa, còn Tập đoàn Belvoro phát triển dự án mới."
    assert texts_of(text, "ORG") == ["Công ty Quintaro", "Google", "Tập đoàn Belvoro"]


# -- PERSON: a file photo's credit names no one -------------------------------------------------


def test_a_file_photo_credit_with_dots_names_no_one() -> None:
    text = "Xe buýt chờ khách trên phố Huế. Ảnh: T.L Theo Sở GTVT, lượng khách tăng. Ảnh: H.Q"
    assert texts_of(text, "PERSON") == ["H.Q"]


# -- PERSON: a stage or sports name written bare, again and again --------------------------------


def test_a_stage_name_written_bare_three_times_in_show_news_is_a_person() -> None:
    text = (
        "Khánh Vy và Đức Huy bị đồn yêu nhau. Tại buổi ra mắt phim, Khánh Vy khoác tay "
        "Đức Huy. Khán giả nói Khánh Vy và Đức Huy đẹp đôi; hai diễn viên chưa lên tiếng, "
        "đạo diễn của phim cũng vậy."
    )
    names = texts_of(text, "PERSON")
    assert names.count("Khánh Vy") == 3 and names.count("Đức Huy") == 3
    assert "Huy" not in names  # a stage name is written whole: no short form from it


def test_a_repeated_pair_in_news_of_no_show_or_sport_is_no_person() -> None:
    text = (
        "Ngày vía Thần Tài, người dân đổ xô mua vàng. Theo quan niệm, Thần Tài mang lộc. "
        "Nhiều nhà đặt bàn thờ Thần Tài ở góc nhà."
    )
    assert texts_of(text, "PERSON") == []


def test_a_pair_mostly_written_as_a_places_name_is_no_person() -> None:
    text = (
        "Ca sĩ Mai Chi hát ở chợ Tân Định. Diễn viên Lê Na đi chợ Tân Định. Tân Định đông vui, "
        "chợ Tân Định mở cửa sớm."
    )
    assert "Tân Định" not in texts_of(text, "PERSON")


# -- AWARD: honouring and commending --------------------------------------------------------------


def test_honouring_and_commending_award_those_counted() -> None:
    text = "Lễ tôn vinh 25 cá nhân tiêu biểu. Chủ tịch tỉnh biểu dương 12 tập thể."
    awards = [(m["text"], m["recipient"]) for m in mentions_of(text, "AWARD")]
    assert awards == [("25 cá nhân", "individual"), ("12 tập thể", "collective")]


# -- ORG: the general confederation of labour -----------------------------------------------------


def test_the_general_confederation_of_labour_keeps_its_tong() -> None:
    text = (
        "Thủ tướng đề nghị Tổng Liên đoàn Lao động Việt Nam làm tốt công tác. "
        "Chương trình do Tổng LĐLĐVN tổ chức, Liên đoàn Lao động tỉnh Nghệ An phối hợp."
    )
    assert texts_of(text, "ORG") == [
        "Tổng Liên đoàn Lao động Việt Nam",
        "Tổng LĐLĐVN",
        "Liên đoàn Lao động tỉnh Nghệ An",
    ]
