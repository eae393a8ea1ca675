"""Classes of the twelfth blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import mentions_of, subjects_of, texts_of, titles_of

# -- FIGURE subjects ----------------------------------------------------------------------


def test_the_victims_of_an_event_belong_to_no_one() -> None:
    subjects = subjects_of(
        "Vụ nổ tại xưởng gỗ ở xã Hòa Lợi khiến 3 người thiệt mạng và 5 người bị thương. "
        "Cơn lũ tràn về huyện Mường Tè, 4 người mất tích. "
        "Sự cố làm 6 người tử vong tại Bệnh viện Đa khoa tỉnh Yên Bái. "
        "Xã Hòa Lợi có 1.250 hộ."
    )
    assert subjects == {
        "3 người": None,
        "5 người": None,
        "4 người": None,
        "6 người": None,
        "1.250 hộ": "Xã Hòa Lợi",
    }


def test_a_person_owns_no_count_of_people_unless_they_are_theirs() -> None:
    subjects = subjects_of(
        "Ra đến cổng, Trần Văn Khải gặp 3 thanh niên lạ mặt. "
        "Cuộc gặp giữa ông Lý Văn Sơn và hai người diễn ra chóng vánh. "
        "Bà Đào Thị Mến có 3 người con đều đi làm xa."
    )
    assert subjects == {
        "3 thanh niên": None,
        "hai người": None,
        "3 người con": "Đào Thị Mến",
    }


def test_people_named_after_their_count_are_not_its_owner() -> None:
    subjects = subjects_of("Công an đã làm việc với hai bé gái N.T.Ph và L.H.Tr cùng gia đình.")
    assert subjects["hai bé gái"] is None


def test_the_length_or_mass_of_a_thing_that_is_no_mention() -> None:
    subjects = subjects_of(
        "Nguyễn Văn Tâm cầm con dao dài 40cm xông vào nhà. "
        "Anh Lê Văn Hải mua được củ sâm nặng 1,2kg. "
        "Bé Hoàng Minh Khôi chỉ nặng 9,5kg. "
        "Đường Lê Lợi có chiều dài 3km."
    )
    assert subjects == {
        "40cm": None,
        "1,2kg": None,
        "9,5kg": "Hoàng Minh Khôi",
        "3km": "Đường Lê Lợi",
    }


def test_a_count_that_opens_its_own_clause_is_that_clause_subject() -> None:
    subjects = subjects_of("Sáng 3/4, tại thành phố Tuy Hòa, 30 ngư dân đã nhận tàu mới.")
    assert subjects["30 ngư dân"] is None


# -- FIGURE boundaries ----------------------------------------------------------------------


def test_person_nouns_of_sex_age_kinship_and_ownership_are_one_word() -> None:
    text = (
        "Hai bé gái được đưa về nhà. Một người dân thấy hai người đàn ông đứng cạnh "
        "3 cháu bé. Hai ông bố, hai bà mẹ đều vắng nhà. Cả 7 chủ tàu đồng ý. "
        "Gia đình có hai người con trai. Hai vợ chồng ông Tư và hai mẹ con chị Lan về quê."
    )
    assert texts_of(text, "FIGURE") == [
        "Hai bé gái",
        "hai người đàn ông",
        "3 cháu bé",
        "Hai ông bố",
        "hai bà mẹ",
        "7 chủ tàu",
        "hai người con trai",
    ]


# -- PERSON ------------------------------------------------------------------------------


def test_three_or_more_initials_are_a_withheld_name_wherever_they_stand() -> None:
    text = (
        "Nạn nhân N.V.Th (16 tuổi) và P.T.M đã được đưa đi cấp cứu. Các ông T.V.H và "
        "L.Q.Kh đã trình báo. Cơ quan chức năng lấy mẫu A.D.N và phát tín hiệu S.O.S."
    )
    assert texts_of(text, "PERSON") == ["N.V.Th", "P.T.M", "T.V.H", "L.Q.Kh"]


def test_a_photo_credit_with_the_agency_glued_by_a_dash() -> None:
    text = "Trạm y tế xã mới xây. Ảnh: Minh Khang-TTXVN\nNgười dân đến khám đông."
    assert texts_of(text, "PERSON") == ["Minh Khang"]
    assert "TTXVN" in texts_of(text, "ORG")


def test_a_photo_credit_of_an_initial_and_a_name_in_capitals() -> None:
    text = "Lực lượng chức năng kiểm tra hiện trường. Ảnh: H. KHÁNH\nVụ việc đang được điều tra."
    assert texts_of(text, "PERSON") == ["H. KHÁNH"]
    assert texts_of(text, "ORG") == []


# -- TITLE and PERSON.title ----------------------------------------------------------------


def test_a_deputy_in_charge_of_a_department() -> None:
    text = (
        "Ông Lê Văn Tám, Phó Giám đốc phụ trách Sở Nông nghiệp và Phát triển nông thôn tỉnh "
        "Bình Thuận, cho biết. Bà Hồ Thị Yến, Phó Chủ tịch phụ trách văn xã, cũng dự."
    )
    assert titles_of(text) == {
        "Lê Văn Tám": "Phó Giám đốc phụ trách Sở Nông nghiệp và Phát triển nông thôn tỉnh "
        "Bình Thuận",
        "Hồ Thị Yến": "Phó Chủ tịch",
    }


def test_a_post_then_the_province_in_brackets_then_the_holder() -> None:
    text = "Chủ tịch UBND thành phố Bảo Lộc (Lâm Đồng) Phạm Văn Đức đã ký quyết định."
    assert titles_of(text) == {"Phạm Văn Đức": "Chủ tịch UBND thành phố Bảo Lộc"}


def test_a_post_then_a_lowercase_rank_then_the_holder() -> None:
    text = (
        "Trưởng Công an huyện Ea Súp, thượng tá Vũ Đình Lộc cho biết như vậy. Đại tá Hồ Văn "
        "Nam, Giám đốc Công an tỉnh Phú Yên, trung tá Mai Văn Thái - Phó Giám đốc Công an tỉnh "
        "Phú Yên cùng dự."
    )
    assert titles_of(text) == {
        "Vũ Đình Lộc": "Trưởng Công an huyện Ea Súp",
        "Hồ Văn Nam": "Giám đốc Công an tỉnh Phú Yên",
        "Mai Văn Thái": "Phó Giám đốc Công an tỉnh Phú Yên",
    }


def test_a_village_head_in_lowercase_after_the_name() -> None:
    text = (
        "Ông Hà Văn Lực - xóm trưởng nơi hai gia đình sinh sống cho biết. Các xóm trưởng họp. "
        "Anh Vũ Thành Đạt, giám đốc khối kinh doanh công ty trên, cho biết."
    )
    assert titles_of(text) == {"Hà Văn Lực": "xóm trưởng", "Vũ Thành Đạt": None}
    assert texts_of(text, "TITLE") == ["xóm trưởng"]


def test_posts_before_and_after_the_name() -> None:
    text = (
        "Theo đại biểu Quốc hội Trịnh Văn Quyết, Ủy viên Thường trực Ủy ban về các vấn đề "
        "xã hội của Quốc hội, đề xuất này cần cân nhắc."
    )
    assert titles_of(text) == {
        "Trịnh Văn Quyết": "đại biểu Quốc hội, Ủy viên Thường trực Ủy ban về các vấn đề "
        "xã hội của Quốc hội"
    }


# -- ORG -----------------------------------------------------------------------------------


def test_an_investigating_agency_before_its_parent_and_not_alone() -> None:
    text = (
        "Cơ quan điều tra Công an tỉnh Sơn La đã khởi tố vụ án. Hiện cơ quan điều tra "
        "Viện KSND tối cao đang xác minh. Cơ quan điều tra đang làm rõ."
    )
    assert texts_of(text, "ORG") == [
        "Cơ quan điều tra",
        "Công an tỉnh Sơn La",
        "cơ quan điều tra",
        "Viện KSND tối cao",
    ]


def test_a_members_council_by_its_abbreviation_with_its_company() -> None:
    text = "Ông Võ Minh Đức, Chủ tịch HĐTV Công ty Sông Hồng, phát biểu."
    assert texts_of(text, "ORG") == ["HĐTV Công ty Sông Hồng"]


def test_chambers_associations_and_rating_agencies_by_their_acronyms() -> None:
    text = "Theo báo cáo của VASEP, xuất khẩu tăng; MSCI và Moody's chưa đổi đánh giá."
    assert texts_of(text, "ORG") == ["VASEP", "MSCI", "Moody's"]


# -- DATE ------------------------------------------------------------------------------------


def test_the_sets_of_a_tennis_score_are_no_dates() -> None:
    text = (
        "Anh thắng 6-7 (5-7) 6-3 6-4 ở chung kết. Giải đấu diễn ra từ 3-5 đến 10-5, "
        "vòng loại ngày 1-5."
    )
    assert texts_of(text, "DATE") == ["3-5", "10-5", "ngày 1-5"]


# -- second pass: places, credits, names, bodies -----------------------------------------------


def test_country_names_in_their_other_spellings_and_short_forms() -> None:
    text = (
        "Cầu thủ người Bồ có tài khoản ở Geneve, Thụy Sỹ. Cô gái đến từ Bờ Biển Ngà. "
        "Du khách đổ về đảo Mallorca. Theo tờ báo Nhật, cuộc gặp đã diễn ra. Cục Tình báo "
        "Trung ương cho biết. Theo báo Pháp luật, vụ việc đã rõ."
    )
    assert texts_of(text, "PLACE") == [
        "Bồ",
        "Geneve",
        "Thụy Sỹ",
        "Bờ Biển Ngà",
        "đảo Mallorca",
        "Nhật",
    ]
    # a nationality after "người" owns no figure; a count of that country's people does
    subjects = subjects_of(
        "Ngôi sao người Bồ có thể bị quy kết tới 4 tội danh. Hơn 20 người Việt Nam đã về nước."
    )
    assert subjects == {"4 tội danh": None, "20 người": "Việt Nam"}


def test_a_caption_agency_glued_to_the_next_sentence() -> None:
    text = "Lớp học mới được xây. Ảnh: Minh Khang-TTXVN Người dân đến dự đông."
    assert texts_of(text, "ORG") == ["TTXVN"]
    assert texts_of(text, "PERSON") == ["Minh Khang"]


def test_a_foreign_first_name_and_a_family_name_in_capitals() -> None:
    text = "Cô gái Amelie KY gây chú ý. Tiết mục Gala TV phát sóng. WAYNE ROONEY CHÍNH THỨC."
    assert texts_of(text, "PERSON") == ["Amelie KY"]


def test_the_services_of_the_army_and_their_units() -> None:
    text = (
        "Lữ đoàn 28 Quân chủng Phòng không - Không quân đã bàn giao đất. Bộ Tư lệnh Quân "
        "chủng Phòng không - Không quân và Quân chủng Hải quân cùng dự."
    )
    assert texts_of(text, "ORG") == [
        "Lữ đoàn 28 Quân chủng Phòng không - Không quân",
        "Bộ Tư lệnh Quân chủng Phòng không - Không quân",
        "Quân chủng Hải quân",
    ]


def test_a_province_names_its_club_in_a_fixture_or_in_brackets_after_a_player() -> None:
    text = (
        "Vòng 9 V-League có nhiều bàn thắng. Tiền đạo Lê Văn Tín (Bình Định), Trọng Hùng "
        "(HAGL) được gọi. Kết quả: Hải Phòng – SLNA 2-1, khi Long An gặp Đồng Tháp. "
        "Cầu thủ sinh ra ở Long An."
    )
    orgs = [m for m in mentions_of(text, "ORG") if m["text"] not in ("HAGL", "SLNA")]
    assert [m["text"] for m in orgs] == ["Bình Định", "Hải Phòng", "Long An", "Đồng Tháp"]
    assert texts_of(text, "PLACE").count("Long An") == 2  # the club's place, and the place


def test_a_district_after_a_hospital_and_its_class_words() -> None:
    text = "Bệnh nhân được chuyển đến Bệnh viện Đa khoa khu vực Châu Thành cấp cứu."
    assert texts_of(text, "PLACE") == ["Châu Thành"]


def test_a_list_of_players_with_one_named_twice() -> None:
    text = (
        "Trước vòng đấu Bundesliga, HLV hài lòng với hàng tiền vệ. Kovacz đá chính. Kovacz "
        "ghi bàn. Đội hình có Wertmann, Kovacz, Olbrich và Fenske sẽ rất mạnh."
    )
    assert texts_of(text, "PERSON") == [
        "Kovacz",
        "Kovacz",
        "Wertmann",
        "Kovacz",
        "Olbrich",
        "Fenske",
    ]


def test_a_party_committee_named_in_sentence_case() -> None:
    text = (
        "Đảng ủy quân sự tỉnh đã trao quyết định. Ông Lê Văn Hòa, Bí thư Đảng ủy khối đối "
        "ngoại Trung ương Đảng, phát biểu. Hội xuân năm nay đông vui."
    )
    assert texts_of(text, "ORG") == [
        "Đảng ủy quân sự tỉnh",
        "Đảng ủy khối đối ngoại Trung ương Đảng",
    ]
