"""pipeline.extractors.orgs: national bodies, media, banks and airlines by name (synthetic text)."""

from __future__ import annotations

import pytest

from pipeline.api import extract_text


def _orgs(text: str) -> set[str]:
    record = extract_text(text)
    return {m["text"] for m in record["mentions"] if m["label"] == "ORG"}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Theo kết luận, Kiểm toán Nhà nước đề nghị xử lý trách nhiệm.", "Kiểm toán Nhà nước"),
        ("Ông đã có 30 năm phục vụ trong Quân đội nhân dân.", "Quân đội nhân dân"),
        ("Ngày 3/5, Cơ quan Cảnh sát điều tra đã khởi tố vụ án.", "Cơ quan Cảnh sát điều tra"),
        ("Hôm qua CDC Nam Định đã lấy 50 mẫu xét nghiệm.", "CDC Nam Định"),
        ("Chương trình được phát sóng trên VTV vào tối thứ bảy.", "VTV"),
        ("Khách hàng có thể vay vốn tại Agribank với lãi suất ưu đãi.", "Agribank"),
        ("Chuyến bay của Vietnam Airlines hạ cánh lúc 10 giờ.", "Vietnam Airlines"),
        # An armed group whose name opens with an Arabic given name is no person.
        ("Nhóm Abu Sayyaf bắt cóc hai du khách.", "Abu Sayyaf"),
    ],
)
def test_named_national_bodies_are_orgs(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Năm nay, HTX đã bán được 20 tấn rau sạch.",
        "Ông được bầu làm Giám đốc Hợp tác xã từ năm ngoái.",
    ],
)
def test_a_cooperative_named_alone_is_an_org(text: str) -> None:
    """In an article about one cooperative, bare ``HTX``/``Hợp tác xã`` is that body."""
    assert _orgs(text) & {"HTX", "Hợp tác xã"}


def test_plural_cooperatives_are_not_an_org() -> None:
    assert not _orgs("Các HTX trong tỉnh đều có lãi.") & {"HTX", "Các HTX"}


def _org_list(text: str) -> list[str]:
    record = extract_text(text)
    return [m["text"] for m in record["mentions"] if m["label"] == "ORG"]


@pytest.mark.parametrize(
    "text",
    [
        "Năm ngoái anh sang Tây Ban Nha rồi sang Đài Loan làm việc.",
        "Đoàn xe đi dọc dãy Trường Sơn rồi về Nha Trang và Hội An.",
        "Ban đầu, các em học Khoa học tự nhiên rất chăm chỉ.",
        "Đoàn Văn Thắng ghi bàn ở phút cuối.",
        "Ông sống trên đường Thanh Niên.",
    ],
)
def test_head_syllables_inside_names_and_words_are_not_orgs(text: str) -> None:
    """A head syllable inside a place, a person's name or a common word opens no ORG."""
    assert _org_list(text) == []


def test_a_surname_head_still_opens_a_body() -> None:
    assert "Đoàn Kiểm tra" in _orgs("Đoàn Kiểm tra đã làm việc với xã.")


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Sáng nay, Ủy ban Tài chính Quốc hội họp phiên thứ hai.", "Ủy ban Tài chính Quốc hội"),
        ("Bệnh nhân được chuyển lên Bệnh viện Mắt Trung ương.", "Bệnh viện Mắt Trung ương"),
        (
            "Đoàn đại biểu Quốc hội tỉnh Nam Định tiếp xúc cử tri.",
            "Đoàn đại biểu Quốc hội tỉnh Nam Định",
        ),
    ],
)
def test_a_national_parent_body_ends_the_name(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Sở Công Thương cấp phép cho cửa hàng.", "Sở Công Thương"),
        ("Năm 1990, Bộ Quốc phòng 150 ha đất được giao lại.", "Bộ Quốc phòng"),
        ("Cháu được đưa vào Bệnh viện Quân y 175 cấp cứu.", "Bệnh viện Quân y 175"),
        ("Bộ Tài chính, Công ty Minh Long cùng ký biên bản.", "Bộ Tài chính"),
    ],
)
def test_a_name_ends_before_the_clause_after_it(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Tại HTX nuôi tôm Tân Thành có 30 ha ao.", "HTX nuôi tôm Tân Thành"),
        ("Công ty TNHH chế biến gỗ Minh Phát đã nộp phạt.", "Công ty TNHH chế biến gỗ Minh Phát"),
        ("Khói bụi từ Nhà máy xi măng Hoàng Long gây ô nhiễm.", "Nhà máy xi măng Hoàng Long"),
        ("Nhóm đã hợp tác với Chi hội từ thiện Phú An.", "Chi hội từ thiện Phú An"),
    ],
)
def test_trade_words_run_into_the_proper_name(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_trade_words_stop_at_a_function_word() -> None:
    orgs = _orgs("Công ty cổ phần đã bán cho Minh Phát 20 tấn gạo.")
    assert not any("Minh Phát" in o for o in orgs)


def test_a_bracketed_abbreviation_inside_a_name_stays_inside() -> None:
    orgs = _orgs("Theo Trung tâm Kiểm soát bệnh tật (CDC) Thái Bình, có 3 ca mắc.")
    assert "Trung tâm Kiểm soát bệnh tật (CDC) Thái Bình" in orgs


def test_an_abbreviation_defined_after_a_name_is_an_org_everywhere() -> None:
    text = "Ông là Chủ tịch Tổng Công ty Sông Hồng (SHC). Sau đó SHC bị phạt 2 tỷ đồng."
    orgs = _org_list(text)
    assert "Tổng Công ty Sông Hồng" in orgs
    assert orgs.count("SHC") == 2


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Đội tuần tra của Đồn BP Cửa Việt bắt giữ 2 đối tượng.", "Đồn BP Cửa Việt"),
        (
            "Hội đồng quản trị Tổng Công ty Sông Hồng đã họp.",
            "Hội đồng quản trị Tổng Công ty Sông Hồng",
        ),
        ("Vụ án do VKSND Tối cao truy tố.", "VKSND Tối cao"),
        ("Anh được đưa đến BV 108 để điều trị.", "BV 108"),
        ("Tập đoàn Viễn thông Viettel khai trương trạm mới.", "Tập đoàn Viễn thông Viettel"),
        ("Theo AFP, cuộc họp kéo dài ba giờ.", "AFP"),
        ("Hậu vệ này vừa gia nhập Chelsea.", "Chelsea"),
    ],
)
def test_sub_units_abbreviations_and_well_known_bodies(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_a_count_of_boards_is_not_one_board() -> None:
    assert "BQL" not in _orgs("Thành phố sáp nhập 12 BQL dự án thành 3 đơn vị.")


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Ông Lâm, Trưởng phòng Tư pháp huyện Hải Hậu, cho biết.", "phòng Tư pháp huyện Hải Hậu"),
        ("Bà Hoa, trưởng ban tài chính xã Yên Lợi, đã ký.", "ban tài chính xã Yên Lợi"),
        (
            "Hồ sơ gửi Văn phòng đăng ký đất đai huyện Ý Yên.",
            "Văn phòng đăng ký đất đai huyện Ý Yên",
        ),
        ("Bệnh nhân nằm ở khoa Hồi sức tích cực.", "khoa Hồi sức tích cực"),
        (
            "Tại Công ty Cổ phần Tập đoàn Hoàng Long, lễ ký diễn ra.",
            "Công ty Cổ phần Tập đoàn Hoàng Long",
        ),
        ("Theo Báo Người Lao Động, giá xăng giảm.", "Báo Người Lao Động"),
    ],
)
def test_sub_units_legal_forms_and_mastheads_stay_whole(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sở Y tế kiểm tra huyện Ba Vì vào tuần trước.",
        "Bộ Tài chính công bố Hà Nội dẫn đầu.",
    ],
)
def test_a_reporting_verb_ends_the_name(text: str) -> None:
    assert _org_list(text) == [text.split(" ")[0] + " " + " ".join(text.split(" ")[1:3])]


def test_generic_units_are_not_orgs() -> None:
    assert _orgs("Các phòng, ban UBND huyện cùng tham gia.") == {"UBND huyện"}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Viện Phan Bội Châu vừa ra mắt.", "Viện Phan Bội Châu"),
        ("Cục Chống buôn lậu đã vào cuộc.", "Cục Chống buôn lậu"),
        ("Đề tài được Bộ GD-ĐT chọn đi thi.", "Bộ GD-ĐT"),
    ],
)
def test_names_after_people_and_agency_fields(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_a_document_number_and_an_editor_are_not_orgs() -> None:
    text = "Theo Công văn số 45/UBND-VP, BTV Thu Hà dẫn bản tin. Ảnh: Minh Đức/TTXVN"
    assert _orgs(text) == {"TTXVN"}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Ban chuyên án phối hợp với C46 (Bộ Công an) và PC45 Công an tỉnh.", "PC45"),
        ("Ban chuyên án phối hợp với C46 (Bộ Công an) và PC45 Công an tỉnh.", "C46"),
        (
            "Ông Nam, cán bộ văn phòng đăng ký đất đai huyện, bị bắt.",
            "văn phòng đăng ký đất đai huyện",
        ),
        (
            "Mẫu được gửi tới Chi cục chăn nuôi và thú y để xét nghiệm.",
            "Chi cục chăn nuôi và thú y",
        ),
    ],
)
def test_police_codes_and_lowercase_offices(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_exam_blocks_and_rooms_are_not_orgs() -> None:
    assert _orgs("Khối C01 gồm Toán, Văn. Cán bộ lên phòng họp huyện.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bộ trưởng Bộ Tư pháp Lê Thành Long phát biểu.", {"Bộ Tư pháp"}),
        ("Bộ trưởng Bộ GD-ĐT Phạm Văn Hải phát biểu.", {"Bộ GD-ĐT"}),
        ("Cục Hải quan Hải Phòng vừa thu thuế.", {"Cục Hải quan Hải Phòng"}),
        ("Nhạc sĩ Trần Đăng Khoa Bắc Ninh biểu diễn.", set()),
        ("Khách ở phòng 3 tầng 2.", set()),
        ("Bộ luật Hình sự quy định rõ.", set()),
    ],
)
def test_people_rooms_and_codes_after_heads(text: str, expected: set[str]) -> None:
    assert _orgs(text) == expected


def test_a_bare_head_refers_back_to_a_named_body() -> None:
    orgs = _org_list("Sở Y tế Nam Định cho biết có 3 ca. Sở đang tìm nguồn lây. Giám đốc Sở nói.")
    assert orgs == ["Sở Y tế Nam Định", "Sở"]


def test_a_bare_head_without_a_named_body_is_not_an_org() -> None:
    assert _org_list("Sở đang tìm nguồn lây.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Giám đốc Cục Tình báo Trung ương (CIA) Tom Lee nói.", {"Cục Tình báo Trung ương", "CIA"}),
        (
            "Theo Báo điện tử Dân Sinh, Viện kiểm sát đã truy tố.",
            {"Báo điện tử Dân Sinh", "Viện kiểm sát"},
        ),
        ("Văn phòng Chủ tịch nước thông báo.", {"Văn phòng Chủ tịch nước"}),
    ],
)
def test_a_bracketed_abbreviation_does_not_run_into_a_person(text: str, expected: set[str]) -> None:
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # Associations, embassies and consulates, funds, publishers, the coast guard.
        ("Chủ tịch Hiệp hội Cà phê Ca cao Việt Nam kiến nghị.", "Hiệp hội Cà phê Ca cao Việt Nam"),
        ("Bà đến Đại sứ quán Bồ Đào Nha làm thủ tục.", "Đại sứ quán Bồ Đào Nha"),
        # A mission's seat is part of its name, as in the ambassador's post.
        (
            "Tổng Lãnh sự quán Việt Nam tại Osaka tổ chức lễ.",
            "Tổng Lãnh sự quán Việt Nam tại Osaka",
        ),
        ("Nhà xuất bản Kim Đồng phát hành bộ sách mới.", "Nhà xuất bản Kim Đồng"),
        ("Tàu Cảnh sát biển Việt Nam tuần tra.", "Cảnh sát biển Việt Nam"),
    ],
)
def test_associations_embassies_publishers(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_a_longer_head_beats_a_generic_phrase() -> None:
    # "bộ đội" (soldiers) is generic; the head "Bộ đội Biên phòng" names a body.
    assert "Bộ đội Biên phòng tỉnh Lạng Sơn" in _orgs(
        "Bộ đội Biên phòng tỉnh Lạng Sơn lập 20 chốt."
    )
    assert _orgs("Các bộ đội đã giúp dân gặt lúa.") == set()


def _mentions(text: str, label: str) -> list[str]:
    record = extract_text(text)
    return [m["text"] for m in record["mentions"] if m["label"] == label]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Cục Quản lý tài nguyên nước ban hành hướng dẫn mới.", "Cục Quản lý tài nguyên nước"),
        ("Hôm qua, Cục Bảo trợ xã hội gửi văn bản tới các tỉnh.", "Cục Bảo trợ xã hội"),
        ("Vụ Giáo dục Thường xuyên tổng kết năm học.", "Vụ Giáo dục Thường xuyên"),
        (
            "Cục Quản lý chất lượng nông lâm sản và thủy sản khuyến cáo.",
            "Cục Quản lý chất lượng nông lâm sản và thủy sản",
        ),
        ("Cục Phòng chống tệ nạn xã hội vừa tổng kết.", "Cục Phòng chống tệ nạn xã hội"),
    ],
)
def test_a_department_name_runs_whole_and_stops_before_the_verb(text: str, org: str) -> None:
    """Departments (org_departments.tsv) capitalise only their first word."""
    assert org in _orgs(text)


def test_a_department_name_stops_before_a_person_and_its_ministry() -> None:
    text = "Cục trưởng Cục Bảo trợ xã hội Trần Văn Hòa và Cục Trẻ em Bộ Lao động có mặt."
    orgs = _orgs(text)
    assert {"Cục Bảo trợ xã hội", "Cục Trẻ em"} <= orgs
    assert not any("Hòa" in o for o in orgs)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Ban Quản lý dự án 6 đã hoàn thành cây cầu.", "Ban Quản lý dự án 6"),
        (
            "Ban quản lý rừng đặc dụng Xuân Liên phát hiện vụ phá rừng.",
            "Ban quản lý rừng đặc dụng Xuân Liên",
        ),
        (
            "Ban quản lý khu công nghiệp tỉnh Long An cho biết.",
            "Ban quản lý khu công nghiệp tỉnh Long An",
        ),
        ("Công trình chưa được bàn giao từ Ban Quản lý Dự án.", "Ban Quản lý Dự án"),
    ],
)
def test_a_management_board_takes_its_object_and_name(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_a_management_board_without_a_name_is_not_an_org() -> None:
    assert _orgs("Ban quản lý dự án cho biết sẽ sớm bàn giao.") == set()


@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        ("Cô gia nhập đội tuyển nữ Nhật Bản năm ngoái.", "đội tuyển nữ Nhật Bản", "Nhật Bản"),
        ("Trận gặp U19 Indonesia diễn ra tối nay.", "U19 Indonesia", "Indonesia"),
        ("Tối qua ĐT Argentina thua trận.", "ĐT Argentina", "Argentina"),
        ("Hậu vệ này từng khoác áo tuyển Hàn Quốc.", "tuyển Hàn Quốc", "Hàn Quốc"),
        ("Hôm nay U21 Pháp thắng đậm.", "U21 Pháp", "Pháp"),
    ],
)
def test_a_national_team_is_an_org_with_its_country_inside(text: str, org: str, place: str) -> None:
    assert org in _orgs(text)
    assert place in _mentions(text, "PLACE")


@pytest.mark.parametrize(
    "text",
    [
        "Các đội tuyển đều đã có mặt, chỉ còn U19 Lào đến muộn.",
        "Anh là tuyển thủ Hàn Quốc đầu tiên, còn U19 Lào đến muộn.",
        "Trường tuyển sinh Hàn Quốc năm nay, còn U19 Lào đến muộn.",
        "Năm ngoái chị trúng tuyển Hàn Quốc, còn U19 Lào đến muộn.",
    ],
)
def test_a_team_word_without_a_country_is_not_an_org(text: str) -> None:
    assert _orgs(text) == {"U19 Lào"}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Giá vàng tăng mạnh trong tuần.\nMinh Châu (Theo Tiền Phong)", "Tiền Phong"),
        ("Giá vàng tăng mạnh trong tuần. Thu Hà (Thể thao & Văn hóa)", "Thể thao & Văn hóa"),
        ("Giá vàng tăng mạnh trong tuần.\nNguồn: vnexpress.net", "vnexpress.net"),
        ("Giá vàng tăng mạnh trong tuần. Theo Asia Times", "Asia Times"),
        ("Giá vàng tăng mạnh trong tuần. Lê Hoa/Người Đưa Tin", "Người Đưa Tin"),
        ("Theo Khám Phá, loài cá này sống ở biển sâu.", "Khám Phá"),
        ("Giá vàng tăng mạnh trong tuần. Theo Reuters, Asia Times", "Asia Times"),
    ],
)
def test_a_news_source_in_a_credit_is_an_org(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_a_masthead_word_outside_a_credit_is_not_an_org() -> None:
    text = (
        "Ngôi sao trẻ ghi bàn ở phút cuối. Thời đại số mở ra nhiều cơ hội, các em "
        "khám phá thế giới theo thời đại mới.\nMinh Tú (Theo Ngôi Sao)"
    )
    assert _org_list(text) == ["Ngôi Sao"]
    assert "Minh Tú" in _mentions(text, "PERSON")


def test_a_byline_stops_before_the_source_word() -> None:
    text = "Giá vàng tăng mạnh trong tuần. Minh Tú Theo Asia Times"
    assert _mentions(text, "PERSON") == ["Minh Tú"]
    assert _orgs(text) == {"Asia Times"}


def test_an_abbreviation_joined_by_a_hyphen_to_a_word_ends_at_the_hyphen() -> None:
    assert _org_list("Giá vàng tăng.\nThanh Hà/VOV-Trung tâm Tin") == ["VOV"]
    assert "VOV-TPHCM" in _orgs("Giá vàng tăng.\nThanh Hà/VOV-TPHCM")


def test_a_coach_is_a_profession_not_a_title() -> None:
    text = "HLV trưởng đội tuyển Thái Lan Lê Văn Tâm cho biết."
    record = extract_text(text)
    assert not [m for m in record["mentions"] if m["label"] == "TITLE"]
    assert "đội tuyển Thái Lan" in _orgs(text)


def test_the_party_beside_the_state_is_an_org() -> None:
    # Guide, "Party and State": bare Đảng is the Communist Party; Nhà nước is no ORG.
    text = "Huyện đã phát triển nhờ sự quan tâm của Đảng và Nhà nước."
    orgs = [m["text"] for m in extract_text(text)["mentions"] if m["label"] == "ORG"]
    assert orgs == ["Đảng"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Hôm qua, Tòa án Nhân dân tỉnh Hà Giang xử kín vụ án.", "Tòa án Nhân dân tỉnh Hà Giang"),
        ("Bị cáo kháng cáo lên TAND cấp cao tại Đà Nẵng.", "TAND cấp cao tại Đà Nẵng"),
        ("Vụ việc đã được Tòa án Quận Cam thụ lý.", "Tòa án Quận Cam"),
        ("Đơn kiện được gửi tới Tòa án Hiến pháp Đức.", "Tòa án Hiến pháp Đức"),
        ("Bang này kháng cáo lên tòa án tối cao Mỹ.", "tòa án tối cao Mỹ"),
        ("Tòa phúc thẩm liên bang Khu vực 4 đã bác đơn.", "Tòa phúc thẩm liên bang Khu vực 4"),
    ],
)
def test_courts_by_level_seat_and_foreign_name(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_a_court_in_general_is_not_an_org() -> None:
    assert _orgs("Hai bên không hòa giải được nên sẽ đưa nhau ra tòa.") == set()


def test_a_plural_word_opens_a_new_sentence_after_a_name() -> None:
    orgs = _orgs("Ông đã gửi đơn lên Tòa phúc thẩm liên bang Các bang đều phản đối.")
    assert "Tòa phúc thẩm liên bang" in orgs


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Đảng ủy Bệnh viện Đa khoa huyện Tân Kỳ tổ chức hội nghị.",
            "Đảng ủy Bệnh viện Đa khoa huyện Tân Kỳ",
        ),
        ("Chi bộ Phòng khám vừa kết nạp hai đảng viên.", "Chi bộ Phòng khám"),
        ("Đảng bộ Công ty Cao su Phú Riềng có 90 đảng viên.", "Đảng bộ Công ty Cao su Phú Riềng"),
        ("Đảng ủy Quân sự tỉnh Lào Cai họp phiên thường kỳ.", "Đảng ủy Quân sự tỉnh Lào Cai"),
        ("Ban cán sự Đảng Bộ Nội vụ đã họp.", "Ban cán sự Đảng Bộ Nội vụ"),
        ("Ban Cán sự Đảng UBND tỉnh cho ý kiến.", "Ban Cán sự Đảng UBND tỉnh"),
        ("UB Kiểm tra Tỉnh ủy Sơn La đã kết luận.", "UB Kiểm tra Tỉnh ủy Sơn La"),
        ("Thanh tra Sở đã lập biên bản.", "Thanh tra Sở"),
    ],
)
def test_a_party_body_of_a_unit_is_one_org(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_a_party_committee_stops_before_its_secretary() -> None:
    orgs = _orgs("Bí thư Đảng ủy Lê Văn Tám thăm Đảng ủy Quân sự tỉnh Yên Bái.")
    assert {"Đảng ủy", "Đảng ủy Quân sự tỉnh Yên Bái"} <= orgs
    assert not any("Tám" in o for o in orgs)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Bảo hiểm Xã hội Việt Nam vừa công bố số liệu.", "Bảo hiểm Xã hội Việt Nam"),
        ("Theo Bảo hiểm Xã hội tỉnh Cà Mau, số thẻ tăng.", "Bảo hiểm Xã hội tỉnh Cà Mau"),
        (
            "Ngân hàng Nhà nước chi nhánh tỉnh Hà Nam cho biết.",
            "Ngân hàng Nhà nước chi nhánh tỉnh Hà Nam",
        ),
        ("Kiểm toán Nhà nước khu vực VII đã kiểm toán dự án.", "Kiểm toán Nhà nước khu vực VII"),
        ("Điện lực Quảng Trị khuyến cáo người dân.", "Điện lực Quảng Trị"),
        ("Điện lực huyện Tiên Du đã cắt điện.", "Điện lực huyện Tiên Du"),
        ("Công ty Điện lực Lào Cai đã sửa đường dây.", "Công ty Điện lực Lào Cai"),
    ],
)
def test_national_agencies_and_their_branches(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_a_power_company_needs_its_place() -> None:
    assert _orgs("Ngành Điện lực giao cho Điện lực Hà Giang xử lý.") == {"Điện lực Hà Giang"}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # four capitals no outlet list holds: a source (two or three are a photographer's
        # initials, test_blind_round13)
        ("Ứng viên phát biểu trước cử tri. Ảnh: KLMR\nÔng hứa giảm thuế.", "KLMR"),
        ("Theo tờ The Washington Post, ông đã từ chức.", "The Washington Post"),
        ("Bài phỏng vấn đăng trên tờ Kommersant gây chú ý.", "Kommersant"),
        ("Cựu bộ trưởng trả lời phỏng vấn tạp chí GQ tuần trước.", "GQ"),
        ("Cầu thủ rời sân sớm. Ảnh: Squawka. Anh bị đau cơ.", "Squawka"),
    ],
)
def test_a_source_named_in_a_credit_or_after_a_medium_noun_is_an_org(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("Ông phát biểu tại hội nghị. Ảnh: Wiki Theo các chuyên gia, ông sẽ thắng.", set()),
        ("Cô gái trên bãi biển. Ảnh: ABC\nCô cười rất tươi.", {"ABC"}),
    ],
)
def test_a_credit_acronym_or_site_is_no_person(text: str, orgs: set[str]) -> None:
    """A site (guide: no ORG) or an agency's acronym in a credit is no photographer."""
    record = extract_text(text)
    assert not [m for m in record["mentions"] if m["label"] == "PERSON"]
    assert _orgs(text) == orgs


@pytest.mark.parametrize(
    "text",
    [
        "Ông chụp ảnh chân dung. Ảnh: LAN ANH\nTờ Bild đăng bức ảnh.",
        "Chiếc xuồng đi trên kênh Tàu Hủ. Ảnh: PV\nTờ Bild đăng bức ảnh.",
        "Ông đăng clip lên kênh YouTube, rồi tờ Bild đăng lại.",
    ],
)
def test_a_byline_in_capitals_staff_and_social_networks_are_no_source(text: str) -> None:
    assert _orgs(text) == {"Bild"}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Dự luật đã được Hạ viện Mỹ thông qua hôm thứ ba.", "Hạ viện Mỹ"),
        ("Cuộc bỏ phiếu ở Thượng viện kéo dài nhiều giờ.", "Thượng viện"),
        ("Nhà Trắng chưa bình luận về thông tin này.", "Nhà Trắng"),
    ],
)
def test_foreign_chambers_and_the_white_house(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_a_chamber_does_not_run_into_a_name_after_it() -> None:
    orgs = _orgs("Chủ tịch Thượng viện Eunicio Oliveira đến thăm.")
    assert "Thượng viện" in orgs and not any("Eunicio" in o for o in orgs)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa Bình tổ chức hội thảo.",
            "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hòa Bình",
        ),
        ("Liên Chi hội Phụ nữ thôn Đông đã ra mắt.", "Liên Chi hội Phụ nữ thôn Đông"),
    ],
)
def test_a_federation_keeps_its_lien_prefix(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # A committee of a foreign chamber is named after it, as one ORG.
        ("Chủ nhiệm Ủy ban Quân vụ Hạ viện Canada phát biểu.", "Ủy ban Quân vụ Hạ viện Canada"),
        # A delegation named by its body: the body is the ORG.
        ("Đoàn Ủy ban Đối ngoại Thượng viện Úc thăm Huế.", "Ủy ban Đối ngoại Thượng viện Úc"),
        ("Đoàn Bộ Y tế làm việc tại tỉnh.", "Bộ Y tế"),
    ],
)
def test_committees_of_foreign_chambers_and_delegations(text: str, org: str) -> None:
    orgs = [m["text"] for m in extract_text(text)["mentions"] if m["label"] == "ORG"]
    assert orgs[0] == org


def test_a_party_abroad_is_named_by_its_family_and_country() -> None:
    text = "Ứng viên Đảng Dân chủ thua, Đảng Cộng sản Trung Quốc chúc mừng lãnh đạo Đảng ta."
    assert [m["text"] for m in extract_text(text)["mentions"] if m["label"] == "ORG"] == [
        "Đảng Dân chủ",
        "Đảng Cộng sản Trung Quốc",
        "Đảng",
    ]


def test_a_listed_channel_after_kenh_is_no_canal() -> None:
    mentions = extract_text("Ông trả lời kênh Fox News hôm qua; tàu qua kênh Suez.")["mentions"]
    assert [(m["label"], m["text"]) for m in mentions] == [
        ("ORG", "Fox News"),
        ("PLACE", "kênh Suez"),
    ]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # The segmenter glues a country to the verb after it: no word of the name.
        ("Bộ Quốc phòng Mỹ trình báo cáo lên Quốc hội.", "Bộ Quốc phòng Mỹ"),
        # An adjective before a verb is its manner, not a word of the name.
        ("Các đơn vị thuộc Bộ Xây dựng tích cực triển khai đề án.", "Bộ Xây dựng"),
    ],
)
def test_a_name_never_runs_into_the_words_after_it(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_an_adjective_before_a_verb_ends_a_name_but_not_inside_it() -> None:
    orgs = _orgs("Khoa Hồi sức tích cực và Bộ Y tế tích cực phối hợp chống dịch.")
    assert {"Khoa Hồi sức tích cực", "Bộ Y tế"} <= orgs


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Quỹ an sinh xã hội của huyện đã trao 20 suất quà.", "Quỹ an sinh xã hội"),
        ("Quỹ bảo trợ trẻ em tỉnh tặng 50 xe đạp.", "Quỹ bảo trợ trẻ em tỉnh"),
        ("Quỹ phòng, chống thiên tai được dùng đúng mục đích.", "Quỹ phòng, chống thiên tai"),
        ("Quỹ hỗ trợ nông dân huyện cho 30 hộ vay vốn.", "Quỹ hỗ trợ nông dân huyện"),
    ],
)
def test_a_fund_keeps_its_lowercase_name_whole(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Ban chỉ đạo phòng, chống dịch Covid-19 huyện Yên Thành đã họp.",
            "Ban chỉ đạo phòng, chống dịch Covid-19 huyện Yên Thành",
        ),
        ("Ban An toàn giao thông tỉnh Nghệ An ra quân.", "Ban An toàn giao thông tỉnh Nghệ An"),
        (
            "Hợp tác xã nuôi và chế biến nông, lâm, thủy sản Phú Lộc có 40 xã viên.",
            "Hợp tác xã nuôi và chế biến nông, lâm, thủy sản Phú Lộc",
        ),
    ],
)
def test_a_board_or_cooperative_keeps_its_lowercase_task(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Chị làm việc ở trạm Y tế xã Hòa Tiến đã 10 năm.", "trạm Y tế xã Hòa Tiến"),
        ("Các cháu ở trường mầm non Hướng Dương được tặng quà.", "trường mầm non Hướng Dương"),
        ("Em học lớp 4 trường tiểu học Lê Văn Tám.", "trường tiểu học Lê Văn Tám"),
        ("Năm nay Trung tâm dạy nghề huyện đã mở 12 lớp.", "Trung tâm dạy nghề huyện"),
        (
            "Trường Phổ thông dân tộc nội trú huyện tổ chức khai giảng.",
            "Trường Phổ thông dân tộc nội trú huyện",
        ),
    ],
)
def test_local_units_with_lowercase_heads(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_the_head_of_a_health_station_is_a_title_over_the_station() -> None:
    record = extract_text("Ông Lê Văn Bình, Trưởng trạm Y tế xã Hòa Tiến, cho biết.")
    spans = {(m["label"], m["text"]) for m in record["mentions"]}
    assert {("TITLE", "Trưởng trạm Y tế xã Hòa Tiến"), ("ORG", "trạm Y tế xã Hòa Tiến")} <= spans


def test_a_school_keeps_the_lowercase_field_after_its_level() -> None:
    orgs = _orgs("Bé học trường mầm non tư thục Hoa Mai ở quận 7.")
    assert "trường mầm non tư thục Hoa Mai" in orgs


def test_a_centre_joined_to_another_body_is_not_its_subunit() -> None:
    orgs = _orgs("Ông khen ngợi Trung tâm và Báo điện tử Đồng Hành đã đạt nhiều thành tích.")
    assert "Báo điện tử Đồng Hành" in orgs
    assert not any(o.startswith("Trung tâm và") for o in orgs)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # After a capitalised name, a verb opens the clause, not the name.
        ("Ban Giám khảo chấm bản tiếng Anh của các thí sinh.", "Ban Giám khảo"),
        # A board's lowercase name may join two objects with và.
        (
            "Ông là Trưởng Ban quản lý di tích và rừng phòng hộ Núi Cấm.",
            "Ban quản lý di tích và rừng phòng hộ Núi Cấm",
        ),
    ],
)
def test_a_phrase_after_a_capitalised_name(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # The press abbreviations of universities, the procuracy, the trial panel and the
        # Standing Committee of the National Assembly.
        ("Sinh viên ĐH Bách khoa Đà Nẵng đoạt giải nhất cuộc thi.", "ĐH Bách khoa Đà Nẵng"),
        # A head word that is the second syllable of one word does not open another body.
        ("Anh tốt nghiệp ĐH Bách Khoa Hà Nội từ lâu.", "ĐH Bách Khoa Hà Nội"),
        ("Điểm chuẩn của ĐHQG TP.HCM tăng nhẹ so với năm trước.", "ĐHQG TP.HCM"),
        ("Tại phiên tòa, VKS đề nghị mức án 6 năm tù.", "VKS"),
        ("Cuối phiên xử, HĐXX tuyên phạt bị cáo 3 năm tù.", "HĐXX"),
        ("Báo cáo của UBTVQH về dự luật được gửi tới các đại biểu.", "UBTVQH"),
        # A ministry department, with an abbreviated field word inside its name.
        ("Bộ giao Vụ Pháp chế chủ trì soạn thảo thông tư.", "Vụ Pháp chế"),
        ("Văn bản do Vụ Giáo dục ĐH soạn thảo đã được ban hành.", "Vụ Giáo dục ĐH"),
        ("Ông Trần Văn Cảnh, Vụ trưởng Vụ Tổ chức cán bộ, ký quyết định.", "Vụ Tổ chức cán bộ"),
        # International bodies and a club known by its press abbreviation.
        ("Các nước EU nhất trí gia hạn lệnh trừng phạt.", "EU"),
        ("Hội nghị thượng đỉnh G20 khai mạc tại Buenos Aires.", "G20"),
        ("Trận hòa khiến MU tụt xuống vị trí thứ sáu.", "MU"),
        # A chamber named after its parliament, a province's delegation of deputies, the
        # cooperative alliance with its trade name.
        ("Ông hội kiến Chủ tịch Thượng viện Quốc hội Bỉ tại Brussels.", "Thượng viện Quốc hội Bỉ"),
        ("Đại biểu Lê Văn Tám, đoàn ĐBQH tỉnh Hà Nam, phát biểu.", "đoàn ĐBQH tỉnh Hà Nam"),
        (
            "Ông là Chủ tịch Hội đồng quản trị Liên minh HTX Dịch vụ Vận tải Nam Định.",
            "Hội đồng quản trị Liên minh HTX Dịch vụ Vận tải Nam Định",
        ),
    ],
)
def test_abbreviated_and_international_bodies(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        # "Vụ" opening a sentence, before a person or another body, or before a lowercase
        # noun is a case, not a department.
        ("Vụ Watergate từng làm rung chuyển nước Mỹ.", "Vụ Watergate"),
        ("Công an đang điều tra. Vụ Nguyễn Văn Bình gây xôn xao dư luận.", "Vụ Nguyễn Văn Bình"),
        ("Theo dõi tiếp: Vụ Công ty Hoàng Long trốn thuế.", "Vụ Công ty Hoàng Long"),
        # An abbreviated head right before a verb names no body.
        ("Năm nay các trường ĐH công bố đề án tuyển sinh riêng.", "ĐH công bố"),
        # An amount after a university's name is not part of it.
        ("Năm nay ĐH Kinh tế 2.400 chỉ tiêu, ĐH Luật 1.200 chỉ tiêu.", "ĐH Kinh tế 2.400"),
    ],
)
def test_names_that_are_not_these_bodies(text: str, not_org: str) -> None:
    assert not_org not in _orgs(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # An appellate court of the Supreme Court named by its seat.
        (
            "Tòa Phúc thẩm TAND tối cao tại Hà Nội mở phiên xét xử.",
            "Tòa Phúc thẩm TAND tối cao tại Hà Nội",
        ),
        # The investigating agency in lowercase before its parent police.
        (
            "Ngày 5/3, cơ quan Cảnh sát điều tra Công an tỉnh Nam Định khởi tố vụ án.",
            "cơ quan Cảnh sát điều tra",
        ),
        ("Nghị quyết do Ban bí thư ban hành năm ngoái.", "Ban bí thư"),
    ],
)
def test_courts_and_investigators(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # A diplomatic mission named by the state it sits in.
        ("Nhân viên Đại sứ quán Việt Nam tại Canada đón đoàn.", "Đại sứ quán Việt Nam tại Canada"),
        # A province's border guard by its place alone, in any case.
        ("Sáng nay Biên phòng tỉnh Lạng Sơn tổ chức diễn tập.", "Biên phòng tỉnh Lạng Sơn"),
        ("Bộ đội biên phòng Cao Bằng vừa bắt giữ hai đối tượng.", "Bộ đội biên phòng Cao Bằng"),
    ],
)
def test_missions_and_border_guards(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_a_seat_is_a_place_found_as_one() -> None:
    assert _orgs("Đại sứ quán Pháp tại Thủ đô Nairobi mở cửa lại.") == {"Đại sứ quán Pháp"}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # Businesses named by their premises, the name a person's or a place's.
        ("Xe bị lật gần cây xăng Hòa Bình Minh, người lái bị thương.", "cây xăng Hòa Bình Minh"),
        ("Khách đặt tiệc ở nhà hàng Minh Anh vào tối qua.", "nhà hàng Minh Anh"),
        ("Đoàn khách nghỉ tại khách sạn Sông Hàn trong ba ngày.", "khách sạn Sông Hàn"),
    ],
)
def test_businesses_named_by_their_premises(text: str, org: str) -> None:
    assert org in _orgs(text)
    assert not [m for m in extract_text(text)["mentions"] if m["label"] == "PERSON"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # A firm named after its class noun, the noun outside the name.
        ("Hãng Lamborghini muốn bán 3.500 xe vào năm tới.", "Lamborghini"),
        ("Chuyến bay của hãng hàng không Alaska Airlines bị hoãn vì bão.", "Alaska Airlines"),
    ],
)
def test_a_firm_after_its_class_noun(text: str, org: str) -> None:
    assert org in _orgs(text)
    assert not [m for m in extract_text(text)["mentions"] if m["label"] == "PERSON"]


def test_a_country_ending_a_body_is_its_own_place() -> None:
    mentions = extract_text("Bộ Thương mại Mỹ trình báo cáo lên Quốc hội.")["mentions"]
    assert ("PLACE", "Mỹ") in {(m["label"], m["text"]) for m in mentions}
    # A given name that is also a country ends a company's name as its founder's.
    mentions = extract_text("Ông làm việc cho Công ty cơ khí Minh Đức.")["mentions"]
    assert not [m for m in mentions if m["label"] == "PLACE"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # Election bodies with their unit, and the committee named again alone.
        (
            "Ủy ban bầu cử xã Tân Lập đã họp. Ủy ban bầu cử công bố danh sách.",
            "Ủy ban bầu cử xã Tân Lập",
        ),
        ("Ủy ban bầu cử xã Tân Lập đã họp. Ủy ban bầu cử công bố danh sách.", "Ủy ban bầu cử"),
        # The standing members or board of a committee, named after it.
        ("Thường trực Huyện ủy Mỹ Đức đã họp kiểm điểm.", "Thường trực Huyện ủy Mỹ Đức"),
        ("Việc này đã được Thường vụ Tỉnh ủy cho ý kiến.", "Thường vụ Tỉnh ủy"),
        ("Thường trực HĐND tỉnh giám sát việc bồi thường.", "Thường trực HĐND tỉnh"),
        # A mission by its building, a district hospital by its unit.
        ("Người dân tập trung trước tòa Lãnh sự Pháp ở Thượng Hải.", "tòa Lãnh sự Pháp"),
        ("Bệnh nhân được chuyển từ Bệnh viện huyện Ba Vì lên tuyến trên.", "Bệnh viện huyện Ba Vì"),
    ],
)
def test_election_standing_and_unit_named_bodies(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_the_standing_qualifier_of_a_post_is_no_board() -> None:
    orgs = _orgs("Ông Lê Văn Tâm, Phó Bí thư Thường trực Huyện ủy, dự buổi lễ.")
    assert orgs == {"Huyện ủy"}
    titles = [
        m["text"]
        for m in extract_text("Tòa Đại sứ Pháp đóng cửa.")["mentions"]
        if m["label"] == "TITLE"
    ]
    assert titles == []


@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        # Every body of a level, an indefinite body, a department's chief.
        ("Tỉnh giao thêm quyền cho UBND cấp huyện trong việc cấp phép.", "UBND"),
        ("Hai em học ở một Trường THCS gần nhà.", "Trường THCS"),
        ("Cục Hàng hải đã họp. Ông Tâm vẫn giữ hàm Cục trưởng đến cuối năm.", "Cục"),
    ],
)
def test_levels_indefinites_and_chiefs_are_no_body(text: str, not_org: str) -> None:
    assert not_org not in _orgs(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # A well-known name the segmenter joins to the verb after it.
        ("Tối qua Arsenal thua sát nút trên sân nhà.", "Arsenal"),
        ("Hè này Barca tạo bất ngờ trên thị trường chuyển nhượng.", "Barca"),
    ],
)
def test_a_known_name_glued_to_its_verb(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_the_press_short_name_of_a_club() -> None:
    assert _orgs("Tiền vệ này muốn rời Real để sang Anh thi đấu.") >= {"Real"}
    assert _orgs("Real Sociedad thắng trận thứ ba liên tiếp.") == {"Real Sociedad"}


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        # A police unit before its parent is an ORG of its own, as is a code between them.
        (
            "Vụ việc được bàn giao cho Đội CSĐT Công an huyện Nông Cống xử lý.",
            {"Đội CSĐT", "Công an huyện Nông Cống"},
        ),
        (
            "Trạm CSGT Tĩnh Gia - PC67 Công an tỉnh Thanh Hóa phát hiện vụ việc.",
            {"Trạm CSGT Tĩnh Gia", "PC67", "Công an tỉnh Thanh Hóa"},
        ),
        (
            "Phòng Quản lý xuất nhập cảnh CA Hà Nội (PA.72) đã giảm số người.",
            {"Phòng Quản lý xuất nhập cảnh", "CA Hà Nội", "PA.72"},
        ),
        # Any team of the police, its field named or not; a border post's team stays one.
        (
            "Đội tuần tra Công an huyện Can Lộc phát hiện vụ việc.",
            {"Đội tuần tra", "Công an huyện Can Lộc"},
        ),
        (
            "Đội tuần tra Đồn Biên phòng Hải Hòa bắt giữ đối tượng.",
            {"Đội tuần tra Đồn Biên phòng Hải Hòa"},
        ),
        # Its board and its Party committee are named after it: one ORG.
        ("Ban Giám đốc Công an tỉnh Sóc Trăng đã họp.", {"Ban Giám đốc Công an tỉnh Sóc Trăng"}),
        # The traffic police of a place; the post of a unit's chief is no body.
        ("Xe tải bị CSGT tỉnh Nghệ An phát hiện.", {"CSGT tỉnh Nghệ An"}),
        (
            "Trung tá Phạm Văn An, Đội phó Đội CSGT Công an TP Vinh, cho biết.",
            {"Đội CSGT", "Công an TP Vinh"},
        ),
    ],
)
def test_police_units_and_their_parents(text: str, orgs: set[str]) -> None:
    assert _orgs(text) == orgs


def test_a_unit_chief_deputy_is_a_post() -> None:
    record = extract_text("Đại úy Lê Minh Mẫn, Trạm phó Trạm CSGT Thăng Bình cho biết.")
    titles = {m["text"] for m in record["mentions"] if m["label"] == "TITLE"}
    assert titles == {"Trạm phó Trạm CSGT Thăng Bình"}


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        # A firm's short name after a dash is its own ORG, and stands for it later.
        (
            "Theo Công ty Cổ phần Chứng khoán Hòa Bình - HBS, thị trường sẽ tăng. HBS cho rằng"
            " dòng tiền vẫn mạnh.",
            {"Công ty Cổ phần Chứng khoán Hòa Bình", "HBS"},
        ),
        (
            "Ý kiến của CTCP Chứng khoán Tân Việt – TVSI cho thấy điều đó.",
            {"CTCP Chứng khoán Tân Việt", "TVSI"},
        ),
        # A well-known firm's name after the trade words of its form.
        ("Công ty chứng khoán FPT dự báo thị trường giảm.", {"Công ty chứng khoán FPT"}),
        # The halves of a field's abbreviation are no short name.
        ("Ông đến làm việc với phòng GD – ĐT huyện.", {"phòng GD – ĐT huyện"}),
        # A news agency with its capitalised class noun, never run into the next agency.
        ("Trong khi đó, Hãng thông tấn KCNA hôm qua tuyên bố.", {"Hãng thông tấn KCNA"}),
        ("Hãng tin TASS và Interfax dẫn lời một nhà đàm phán.", {"Hãng tin TASS"}),
        # The UN Security Council by its abbreviation, with its parent.
        ("Theo dự kiến, HĐBA LHQ sẽ họp kín.", {"HĐBA LHQ"}),
        # A sentence the title line runs into is no place of a body.
        ("Xe đầu kéo chạy trốn CSGT Trước đó, tổ công tác đã làm việc.", set()),
        ("Chỉ 1 CLB có thể cản bước Chelsea.", {"Chelsea"}),
    ],
)
def test_short_names_firms_and_agencies(text: str, orgs: set[str]) -> None:
    assert _orgs(text) == orgs


def _labelled(text: str) -> set[tuple[str, str]]:
    return {(m["label"], m["text"]) for m in extract_text(text)["mentions"]}


def test_a_club_named_with_its_affix_and_then_alone() -> None:
    found = _labelled(
        "Hậu vệ này được đá chính cho Gangwon FC tại K-League. Gangwon thi đấu vượt trội"
        " trước Daegu FC. Daegu đã vùng lên. Đội bóng về nghỉ tại Daegu."
    )
    assert {("ORG", "Gangwon FC"), ("ORG", "Gangwon"), ("ORG", "Daegu FC")} <= found
    assert ("PLACE", "Gangwon") in found  # the province inside the club's name
    # the city after a place word stays a place; alone, the name is the club
    text = "Daegu đã vùng lên. Đội bóng về nghỉ tại Daegu."
    record = extract_text("Daegu FC thua. " + text)
    daegu = [(m["label"], m["start"]) for m in record["mentions"] if m["text"] == "Daegu"]
    assert ("ORG", 15) in daegu and ("PLACE", 15) not in daegu
    assert any(label == "PLACE" and start > 40 for label, start in daegu)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Sau đó, đội bóng nước Pháp AS Monaco cũng cán mốc này.", "AS Monaco"),
        ("Bảng F gồm FC Seoul của Hàn Quốc và hai đội Nhật Bản.", "FC Seoul"),
        ("Sau trận, Buriram United giữ ngôi đầu.", "Buriram United"),
    ],
)
def test_clubs_by_prefix_and_suffix(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tại AFC Cup 2017, Việt Nam có hai đội bóng tham dự.",
        "Vua phá lưới: EVERTON VS AFC BOURNEMOUTH 6 - 3.",
    ],
)
def test_no_club_without_a_proper_name(text: str) -> None:
    assert not {o for o in _orgs(text) if "AFC" in o}


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        # A broadcaster after its lowercase medium noun, and one named by its medium.
        ("Phát biểu với đài truyền hình ITV ngày 15/5, bà Cotton cho biết.", {"ITV"}),
        ("Đài truyền hình Việt Nam sẽ tường thuật trực tiếp.", {"Đài truyền hình Việt Nam"}),
        ("Đài Phát thanh - Truyền hình Hà Nội đưa tin.", {"Đài Phát thanh - Truyền hình Hà Nội"}),
    ],
)
def test_broadcasters(text: str, orgs: set[str]) -> None:
    assert _orgs(text) == orgs


def test_the_southern_spelling_of_the_united_nations() -> None:
    assert _orgs("Đó là vi phạm nghị quyết của Hội đồng Bảo an Liên Hiệp Quốc.") == {
        "Hội đồng Bảo an Liên Hiệp Quốc"
    }


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        # Hospitals and groups after their lowercase class noun.
        ("Nạn nhân được đưa vào bệnh viện Bạch Mai cấp cứu.", {"bệnh viện Bạch Mai"}),
        ("Cổ phiếu của tập đoàn Mai Linh tăng mạnh.", {"tập đoàn Mai Linh"}),
        # A firm's class noun stays outside a well-known name, as hãng does.
        ("Ông vay ngân hàng Vietcombank 2 tỷ đồng.", {"Vietcombank"}),
        # A country after a class noun is a nationality: no name.
        ("Năm nay, công ty Trung Quốc đã quay trở lại. Theo báo Mỹ, ông sẽ từ chức.", set()),
        # ... but a national body of a country is one ORG.
        ("Trụ sở tòa án tối cao Mỹ ở Washington.", {"tòa án tối cao Mỹ"}),
        # A maker's verb after its name is no part of it.
        ("Xe do tập đoàn Oshkosh sản xuất và bán ra.", {"tập đoàn Oshkosh"}),
    ],
)
def test_lowercase_class_nouns(text: str, orgs: set[str]) -> None:
    assert _orgs(text) == orgs


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        # The head's bracketed abbreviation, then the name: one ORG with its place.
        (
            "Khoảng 23 giờ, Bệnh viện (BV) Đa khoa TP Buôn Ma Thuột tiếp nhận bệnh nhân.",
            {"Bệnh viện (BV) Đa khoa TP Buôn Ma Thuột"},
        ),
        # A person's name after the bracket is the holder's, not the body's.
        (
            "Quyền Cục trưởng Cục Thi hành án dân sự (THADS) Vũ Quốc Doanh cho biết.",
            {"Cục Thi hành án dân sự", "THADS"},
        ),
    ],
)
def test_a_name_after_the_heads_bracketed_abbreviation(text: str, orgs: set[str]) -> None:
    assert _orgs(text) == orgs


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # Religious organisations: churches, sanghas, dioceses, the bishops' conference.
        ("Giáo hội Phật giáo Việt Nam ra thông báo.", "Giáo hội Phật giáo Việt Nam"),
        ("Giáo phận Bắc Ninh tổ chức lễ.", "Giáo phận Bắc Ninh"),
        ("Ông gặp Hội đồng Giám mục Việt Nam.", "Hội đồng Giám mục Việt Nam"),
        ("Ông là mục sư của Hội Thánh Tin Lành Việt Nam.", "Hội Thánh Tin Lành Việt Nam"),
    ],
)
def test_religious_organisations(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A state's armed force with its country after it is one ORG, in any case.
        ("Quân đội Mỹ và không quân Syria tập trận.", {"Quân đội Mỹ", "không quân Syria"}),
        ("Ông A, Tư lệnh lực lượng vũ trang Nga, phát biểu.", {"lực lượng vũ trang Nga"}),
        # Alone, or inside a longer name, the word is no ORG of its own.
        ("Quân đội là lực lượng nòng cốt.", set()),
        (
            "Tổng công ty cổ phần Bảo hiểm Quân đội Việt Nam họp.",
            {"Tổng công ty cổ phần Bảo hiểm Quân đội Việt Nam"},
        ),
    ],
)
def test_armed_forces_with_their_country(text: str, expected: set[str]) -> None:
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Militant groups, intelligence agencies, central banks and EU institutions by name.
        ("Mỹ không kích IS tại Syria.", {"IS"}),
        ("Tổ chức Nhà nước Hồi giáo tự xưng nhận trách nhiệm.", {"Nhà nước Hồi giáo"}),
        ("CIA và FBI điều tra; Fed tăng lãi suất.", {"CIA", "FBI", "Fed"}),
        ("Ông Juncker, Chủ tịch Ủy ban châu Âu, nói.", {"Ủy ban châu Âu"}),
        ("Giá vàng SJC giảm 100.000 đồng/lượng.", {"SJC"}),
    ],
)
def test_well_known_bodies_named_without_a_head(text: str, expected: set[str]) -> None:
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A company name the segmenter wrote as one word keeps all of it: a lead word glued
        # to a landmark word (Đèo Cả), a person-like run inside one word (Tân Hoàng Minh).
        ("Công trình do Công ty CP Đèo Cả đầu tư.", {"Công ty CP Đèo Cả"}),
        ("Công ty TNHH Tân Hoàng Minh trúng thầu.", {"Công ty TNHH Tân Hoàng Minh"}),
        # A person after a province glued to the name still opens outside the body.
        ("Giám đốc Sở Tư pháp Đồng Nai Viên Hồng Tiến nhấn mạnh.", {"Sở Tư pháp Đồng Nai"}),
        # A school with its level abbreviated, glued by the segmenter to the word before.
        ("Tại điểm thi trường THPT Yên Hòa, thí sinh đến sớm.", {"trường THPT Yên Hòa"}),
        # The office of a head of state.
        ("Người phát ngôn Phủ Tổng thống Ai Cập cho biết.", {"Phủ Tổng thống Ai Cập"}),
    ],
)
def test_names_the_segmenter_glued(text: str, expected: set[str]) -> None:
    assert _orgs(text) == expected


def test_qh_is_the_national_assembly() -> None:
    found = [
        (m["text"], m.get("expanded"))
        for m in extract_text("Sáng nay, QH tiếp tục chất vấn; Sở QH-KT đề xuất.")["mentions"]
        if m["label"] == "ORG"
    ]
    assert found[0] == ("QH", "Quốc hội")
    committee = extract_text("Ủy ban Thường vụ QH cho ý kiến.")["mentions"]
    assert [m["text"] for m in committee if m["label"] == "ORG"] == ["Ủy ban Thường vụ QH"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("JAXA xác nhận thất bại của sứ mệnh.", "JAXA"),  # space agencies
        ("Phán quyết của Tòa Trọng tài được công bố năm 2016.", "Tòa Trọng tài"),
        ("Vở kịch diễn tại Nhà hát Tuổi Trẻ tối nay.", "Nhà hát Tuổi Trẻ"),  # arts units
        ("Chủ tịch QH Lào Xaysomphone Phomvihane phát biểu.", "QH Lào"),  # a state's body
    ],
)
def test_agencies_courts_theatres_and_a_states_assembly(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "43 trường THPT ở Hà Nội hạ điểm chuẩn",  # a headline's count
        "Có 20 trong tổng số 95 trường THPT công lập đã đổi điểm.",  # a total
        "Khán giả đã quen với 'Nhà hát Múa' cũ.",  # a closing quote is not the name's
    ],
)
def test_counted_schools_are_none_and_a_quote_stays_outside(text: str) -> None:
    assert not any(o.startswith("trường") or o.endswith("'") for o in _orgs(text))


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Ngày 3/5, UB MTTQ tỉnh Nam Định tổ chức hội nghị.", "UB MTTQ tỉnh Nam Định"),
        ("Đại tướng khẳng định Quân ủy TƯ coi trọng quan hệ này.", "Quân ủy TƯ"),
        ("Đoàn thanh tra đã làm việc với xã từ đầu tháng.", "Đoàn thanh tra"),
        # Bodies listed after "các", each named in full, are each one body.
        ("Tỉnh phối hợp với các Bộ Công Thương, Bộ Tài chính.", "Bộ Công Thương"),
        # A body's name stops before the verb of its clause.
        ("Bộ Quốc phòng Việt-Lào ký Biên bản ghi nhớ hợp tác.", "Bộ Quốc phòng Việt-Lào"),
    ],
)
def test_front_commissions_inspection_teams_listed_ministries(text: str, org: str) -> None:
    assert org in _orgs(text)


def test_bodies_of_a_kind_after_cac_are_still_none() -> None:
    assert _orgs("Các Sở, ngành liên quan phải báo cáo.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ministries listed after "Bộ" by their field alone are each a ministry.
        (
            "Thủ tướng giao các Bộ Xây dựng, Quốc phòng, Tài nguyên và Môi trường rà soát.",
            ["Bộ Xây dựng", "Quốc phòng", "Tài nguyên và Môi trường"],
        ),
        ("Tỉnh làm việc với Bộ Công an, GTVT về dự án.", ["Bộ Công an", "GTVT"]),
        # A field's own comma, its space lost, stays inside the one ministry.
        ("Đề án được Bộ Văn hóa,Thể thao và Du lịch duyệt.", ["Bộ Văn hóa,Thể thao và Du lịch"]),
        # A field followed by a unit word is another body.
        ("Bộ Quốc phòng và Công an tỉnh phối hợp.", ["Bộ Quốc phòng", "Công an tỉnh"]),
    ],
)
def test_ministries_listed_by_their_field(text: str, expected: list[str]) -> None:
    assert _org_list(text) == expected


def test_the_kremlin_for_the_russian_presidency() -> None:
    assert "Kremlin" in _orgs("Giới chuyên gia cho rằng điện Kremlin sẽ phản ứng.")
