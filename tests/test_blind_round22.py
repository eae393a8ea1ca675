"""Classes of the twenty-second blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import mentions_of, texts_of

# -- ORG: ministries and departments listed by their fields ------------------------------------


def test_ministries_listed_after_a_colon_are_each_an_org() -> None:
    text = (
        "Thủ tướng giao Bộ trưởng các Bộ: Tư pháp, Nội vụ, Y tế và Chủ tịch UBND các tỉnh "
        "rà soát văn bản."
    )
    orgs = mentions_of(text, "ORG")
    assert [m["text"] for m in orgs][:3] == ["Tư pháp", "Nội vụ", "Y tế"]
    assert [m["expanded"] for m in orgs][:3] == ["Bộ Tư pháp", "Bộ Nội vụ", "Bộ Y tế"]


def test_departments_listed_after_a_colon_or_their_head_are_each_an_org() -> None:
    text = (
        "Tỉnh điều động giám đốc các sở: Xây dựng, Giáo dục và Đào tạo, LĐ-TB-XH. "
        "Đại diện các Sở Nội vụ, Tư pháp, Ngoại vụ cùng dự họp."
    )
    orgs = mentions_of(text, "ORG")
    assert [m["text"] for m in orgs] == [
        "Xây dựng",
        "Giáo dục và Đào tạo",
        "LĐ-TB-XH",
        "Sở Nội vụ",
        "Tư pháp",
        "Ngoại vụ",
    ]
    assert orgs[2]["expanded"] == "Sở Lao động - Thương binh và Xã hội"
    assert orgs[5]["expanded"] == "Sở Ngoại vụ"


def test_a_field_that_goes_on_into_another_body_ends_the_list() -> None:
    text = "Lãnh đạo các Bộ: Quốc phòng, Công an tỉnh Nghệ An và Sở Y tế đã có mặt."
    assert texts_of(text, "ORG") == ["Quốc phòng", "Công an tỉnh Nghệ An", "Sở Y tế"]


# -- PLACE: a unit inside a body's name ---------------------------------------------------------


def test_a_school_by_its_level_abbreviation_names_its_district() -> None:
    text = "Em Hà, học sinh lớp 11A2 THPT Ba Đình, và em Nam, học sinh THCS Nguyễn Du, đạt giải."
    assert texts_of(text, "PLACE") == ["Ba Đình"]


def test_a_hosted_unit_ends_before_the_holder_of_a_post() -> None:
    text = "Theo Giám đốc Bệnh viện Đống Đa Lê Văn Tâm, bệnh nhân đã qua cơn nguy kịch."
    places = mentions_of(text, "PLACE")
    assert [(m["text"], m["level"]) for m in places] == [("Đống Đa", "district")]
    assert texts_of(text, "PERSON") == ["Lê Văn Tâm"]


# -- ORG: clubs by their province, teams by their make ----------------------------------------


def test_a_province_beside_a_verb_of_a_result_is_its_club_throughout() -> None:
    text = (
        "Vòng 10 V-League: Thanh Hóa thắng ngược Bình Định. Trên sân nhà, Thanh Hóa bị "
        "dẫn trước ở hiệp một. Tiền vệ Văn Lâm ghi bàn phút 80 giúp đội bóng xứ Thanh có "
        "3 điểm. Sau trận, cầu thủ Thanh Hóa được thưởng. Người hâm mộ tại Thanh Hóa ăn mừng."
    )
    clubs = [m["text"] for m in mentions_of(text, "ORG")]
    assert clubs == ["Thanh Hóa", "Bình Định", "Thanh Hóa", "Thanh Hóa"]
    assert texts_of(text, "PLACE").count("Thanh Hóa") == 4


def test_a_club_named_after_a_river_holds_the_river_and_its_province() -> None:
    text = "Sông Lam Nghệ An thua ngay trên sân nhà ở vòng 5 V-League, HLV đội bóng xin lỗi."
    assert texts_of(text, "ORG") == ["Sông Lam Nghệ An"]
    assert texts_of(text, "PLACE") == ["Sông Lam", "Nghệ An"]


def test_racing_teams_are_orgs_in_a_motor_racing_article_only() -> None:
    text = (
        "Chặng đua F1 tại Monaco: tay đua Max Verstappen về nhất, McLaren thất vọng. "
        "Kết quả: 1 Max Verstappen Red Bull Racing-Honda; 2 Charles Leclerc Ferrari."
    )
    assert texts_of(text, "ORG") == ["McLaren", "Red Bull Racing-Honda", "Ferrari"]
    assert texts_of(text, "PERSON") == ["Max Verstappen", "Max Verstappen", "Charles Leclerc"]
    assert texts_of("Ông mua một chiếc xe Ferrari màu đỏ.", "ORG") == []


# -- PLACE, PERSON, TITLE: places before their country, Iran's clergy ---------------------------


def test_a_foreign_place_before_its_country_is_a_place() -> None:
    text = (
        "Hội nghị diễn ra tại Bergen, Na Uy và tại Tromsø (Na Uy).\n"
        "3. Matera, Italy: thành phố đá cổ.\nÔng làm việc tại Samsung, Hàn Quốc."
    )
    places = mentions_of(text, "PLACE")
    assert [(m["text"], m["level"]) for m in places if m["level"] == "other"] == [
        ("Bergen", "other"),
        ("Tromsø", "other"),
        ("Matera", "other"),
    ]


def test_ayatollah_is_an_honorific_and_the_supreme_leader_a_post() -> None:
    text = (
        "Lãnh tụ tối cao Iran Ayatollah Ali Khamenei phát biểu bên lăng mộ của Ayatollah "
        "Ruhollah Khomeini."
    )
    assert texts_of(text, "PERSON") == ["Ali Khamenei", "Ruhollah Khomeini"]
    assert "Lãnh tụ tối cao Iran" in texts_of(text, "TITLE")


def test_a_home_club_stays_the_place_in_an_address_and_a_make_before_its_model() -> None:
    text = (
        "Vòng 3 V-League: Bình Dương thua Hà Nội 0-2 trong trận đấu trên sân Gò Đậu. Cổ động "
        "viên Văn Bình (phường Phú Cường, Bình Dương) bức xúc. Tiền đạo Tiến Linh ghi bàn "
        "thắng ở phút 80 nhưng Bình Dương vẫn thua, các cầu thủ buồn bã."
    )
    clubs = mentions_of(text, "ORG")
    assert [m["text"] for m in clubs] == ["Bình Dương", "Hà Nội", "Bình Dương"]
    assert clubs[2]["start"] > text.index("bức xúc")
    racing = "Tay đua MotoGP thử chiếc Yamaha R1 trước chặng đua, Ducati thắng."
    assert texts_of(racing, "ORG") == ["Ducati"]


# -- PLACE: infrastructure named after its noun -------------------------------------------------


def test_toll_stations_and_bases_abroad_are_places() -> None:
    text = (
        "Xe tải qua trạm thu phí Bến Thủy rồi trạm BOT Cầu Rác. Máy bay Mỹ cất cánh từ căn cứ "
        "Kadena và căn cứ Guam. Căn cứ Nghị định 100, cảnh sát xử phạt."
    )
    assert texts_of(text, "PLACE") == [
        "trạm thu phí Bến Thủy",
        "trạm BOT Cầu Rác",
        "Mỹ",
        "căn cứ Kadena",
        "Guam",
    ]


def test_a_numbered_road_keeps_the_road_noun_before_it() -> None:
    text = "Thành phố khởi công đường vành đai 2 và mở rộng đường Quốc lộ 32 qua huyện Hoài Đức."
    assert texts_of(text, "PLACE") == ["đường vành đai 2", "đường Quốc lộ 32", "huyện Hoài Đức"]


def test_a_preventive_medicine_centre_is_named_whole() -> None:
    text = "Bà C, Giám đốc Trung tâm Y tế dự phòng tỉnh Hà Tĩnh, cho biết đã phun thuốc."
    assert texts_of(text, "ORG") == ["Trung tâm Y tế dự phòng tỉnh Hà Tĩnh"]


# -- PERSON: scorers by their minutes, a lead word before a verb of saying -----------------------


def test_scorers_are_read_by_the_minutes_of_their_goals() -> None:
    text = (
        "Vòng 8 V-League: trận đấu có 5 bàn thắng, các cầu thủ chơi hay.\n"
        "Nam Định 3-2 Bình Định\n"
        "Ghi bàn: Văn Toàn 12, Hendrio 45+1, Xuân Mạnh 80 - Alan 30, Đình Trọng (70')."
    )
    assert texts_of(text, "PERSON") == ["Văn Toàn", "Hendrio", "Xuân Mạnh", "Alan", "Đình Trọng"]
    assert texts_of(text, "ORG") == ["Nam Định", "Bình Định"]


def test_scorers_follow_the_score_in_a_results_table() -> None:
    text = (
        "Kết quả vòng 8 V-League: các trận đấu có nhiều bàn thắng, cầu thủ chơi hay.\n"
        "Nam Định - Bình Định 2-1 Hendrio 12, Văn Toàn 40 - Alan 77\n"
        "Họ đã dẫn Thái Lan 2-0 ở SEA Games 31. Sau đó, cả đội ăn mừng."
    )
    assert texts_of(text, "PERSON") == ["Hendrio", "Văn Toàn", "Alan"]


def test_a_lead_word_opens_no_name_before_a_verb_of_saying() -> None:
    assert texts_of("Khi Tòa hỏi về số tiền, bị cáo im lặng.", "PERSON") == []
    assert texts_of("Nghe Quỳnh nói vậy, cô ấy cũng đồng ý.", "PERSON") == ["Quỳnh"]
