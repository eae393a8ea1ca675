"""Classes of the twenty-fifth blind round (dev27). Every sentence is synthetic."""

from __future__ import annotations

from conftest import mentions_of, subjects_of, texts_of, titles_of

# -- ORG: names their own abbreviation closes, short names defined in brackets ------------------


def test_a_name_closed_by_its_bracketed_abbreviation_is_one_org() -> None:
    text = (
        "Nhóm Liên minh Kháng chiến Quốc gia (NRA) đã ký thỏa thuận với Quân đội Giải phóng "
        "miền núi (MLA). Sau đó NRA tuyên bố rút quân."
    )
    assert texts_of(text, "ORG") == [
        "Liên minh Kháng chiến Quốc gia",
        "NRA",
        "Quân đội Giải phóng miền núi",
        "MLA",
        "NRA",
    ]


def test_a_verb_inside_the_run_keeps_the_name_short() -> None:
    text = "Tổ chức Nhà nước Hồi giáo tự xưng (IS) đã nhận trách nhiệm."
    assert "Tổ chức Nhà nước Hồi giáo tự xưng" not in texts_of(text, "ORG")


def test_a_mixed_case_short_name_in_brackets_names_the_company_in_any_case() -> None:
    text = (
        "Ông Lê Văn Khoa là Tổng giám đốc Công ty cổ phần sợi tổng hợp và hóa chất dầu khí "
        "(PVFiber). Lãnh đạo PVFIBER đã họp với Tập đoàn Dệt may Phương Nam (Phunatex); "
        "Phunatex cam kết hỗ trợ."
    )
    orgs = mentions_of(text, "ORG")
    assert [m["text"] for m in orgs] == [
        "Công ty cổ phần sợi tổng hợp và hóa chất dầu khí",
        "PVFiber",
        "PVFIBER",
        "Tập đoàn Dệt may Phương Nam",
        "Phunatex",
        "Phunatex",
    ]
    assert orgs[2]["expanded"] == "Công ty cổ phần sợi tổng hợp và hóa chất dầu khí"


def test_a_bracket_after_a_well_known_body_names_no_short_form() -> None:
    text = "Cử tri quyết định rời Liên minh châu Âu (Brexit). Brexit gây tranh cãi."
    assert texts_of(text, "ORG") == ["Liên minh châu Âu"]


def test_a_board_chair_who_also_runs_the_company_holds_two_posts() -> None:
    text = (
        "Bà Đỗ Thị Lan, Chủ tịch HĐQT kiêm Tổng giám đốc Công ty cổ phần Sông Thu, "
        "cho biết HĐQT đã họp."
    )
    assert texts_of(text, "TITLE") == ["Chủ tịch HĐQT", "Tổng giám đốc Công ty cổ phần Sông Thu"]
    assert texts_of(text, "ORG") == ["HĐQT", "Công ty cổ phần Sông Thu", "HĐQT"]
    assert titles_of(text) == {
        "Đỗ Thị Lan": "Chủ tịch HĐQT kiêm Tổng giám đốc Công ty cổ phần Sông Thu"
    }


def test_a_ministry_stops_before_the_verb_after_its_field() -> None:
    text = (
        "Công an tỉnh phối hợp với Bộ Công an điều tra vụ việc. Sở Giao thông vận tải nghiên "
        "cứu phương án, Sở Giáo dục và Đào tạo Hà Nội cũng vậy."
    )
    assert texts_of(text, "ORG") == [
        "Công an tỉnh",
        "Bộ Công an",
        "Sở Giao thông vận tải",
        "Sở Giáo dục và Đào tạo Hà Nội",
    ]


def test_a_department_named_by_its_decree_is_whole() -> None:
    text = "Ông Hải được bổ nhiệm làm Cục trưởng Cục Kiểm soát hoạt động bảo vệ môi trường."
    assert texts_of(text, "ORG") == ["Cục Kiểm soát hoạt động bảo vệ môi trường"]


def test_a_firm_name_may_hold_the_syllable_truong() -> None:
    text = "Công ty cổ phần Ô tô Trường Phát và Tập đoàn Gỗ Trường An đã ký hợp đồng."
    assert texts_of(text, "ORG") == ["Công ty cổ phần Ô tô Trường Phát", "Tập đoàn Gỗ Trường An"]


def test_youth_squads_are_teams_and_a_cup_is_no_broadcaster() -> None:
    text = "Tuyển trẻ Việt Nam thắng tuyển trẻ Lào tại VTV Cup. Đài VTV tường thuật trực tiếp."
    assert texts_of(text, "ORG") == ["Tuyển trẻ Việt Nam", "tuyển trẻ Lào", "Đài VTV"]


# -- PERSON: lawyers by abbreviation, players by what they do ------------------------------------


def test_a_lawyer_named_after_the_abbreviation_ls() -> None:
    text = "Theo LS Khôi, bị cáo có quyền im lặng. LS Trần Văn Mạnh đồng ý."
    assert texts_of(text, "PERSON") == ["Khôi", "Trần Văn Mạnh"]


def test_a_player_before_what_only_a_player_does() -> None:
    text = (
        "Hiệp 2 trên sân Thống Nhất, đội khách chơi tấn công. Phút 55, Minh Khải đánh đầu "
        "trúng xà ngang. Phút 70, Diallo dứt điểm mở tỷ số. Bình Định ghi bàn gỡ hòa ở phút "
        "cuối, trọng tài thổi còi kết thúc trận đấu."
    )
    assert texts_of(text, "PERSON") == ["Minh Khải", "Diallo"]


# -- FIGURE: terms of office are lengths of time ------------------------------------------------


def test_terms_of_office_are_no_count() -> None:
    text = "Ông đã giữ chức chủ tịch hai nhiệm kỳ và đề xuất 3 phương án."
    assert texts_of(text, "FIGURE") == ["3 phương án"]


def test_the_two_sides_of_a_match_are_no_count() -> None:
    text = (
        "Trên sân Thống Nhất, tiền đạo đội khách ghi bàn ở phút 12, thủ môn chủ nhà cản phá "
        "nhiều pha dứt điểm. Hai đội hòa 1-1 sau hiệp 1, trọng tài rút 3 thẻ vàng."
    )
    assert texts_of(text, "FIGURE") == ["3 thẻ vàng"]


def test_two_squads_are_still_counted_outside_sport() -> None:
    text = "Huyện đã thành lập hai đội xung kích để ứng cứu khi có lũ."
    assert texts_of(text, "FIGURE") == ["hai đội xung kích"]


def test_the_units_of_a_spec_sheet() -> None:
    text = "Động cơ 2.0L cho mô-men xoắn 250 Nm, màn hình đạt mật độ 458ppi."
    figures = mentions_of(text, "FIGURE")
    assert [(m["text"], m["value"], m["unit"]) for m in figures] == [
        ("2.0L", 2, "L"),
        ("250 Nm", 250, "Nm"),
        ("458ppi", 458, "ppi"),
    ]


# -- figure subjects: money that helps a place ----------------------------------------------------


def test_money_that_helps_a_place_is_the_places() -> None:
    text = "Ngân hàng dành gói vay 300 tỷ đồng giúp tỉnh Kon Tum trồng sâm."
    assert subjects_of(text) == {"300 tỷ đồng": "tỉnh Kon Tum"}


# -- the twenty-sixth blind round (dev28) --------------------------------------------------------


def test_a_firm_described_in_apposition_is_an_org_wherever_it_stands_alone() -> None:
    text = (
        "Kanemoto, nhà sản xuất linh kiện điện tử của Nhật Bản, vừa nộp đơn phá sản. "
        "Kanemoto cho biết sẽ bán nhà máy. Hoài Nam, nhà sản xuất phim, cũng có mặt."
    )
    assert texts_of(text, "ORG") == ["Kanemoto", "Kanemoto"]


def test_the_yen_in_its_english_spelling() -> None:
    text = "Khoản nợ của hãng lên tới 1.200 tỷ yen."
    figures = mentions_of(text, "FIGURE")
    assert [(m["text"], m["value"], m["unit"]) for m in figures] == [
        ("1.200 tỷ yen", 1_200_000_000_000, "tỷ yen")
    ]


def test_a_ministers_portfolio_joined_by_an_ampersand() -> None:
    text = "Bộ trưởng Kế hoạch & Đầu tư Trần Văn Minh sẽ trả lời chất vấn."
    assert texts_of(text, "TITLE") == ["Bộ trưởng Kế hoạch & Đầu tư"]
    assert titles_of(text) == {"Trần Văn Minh": "Bộ trưởng Kế hoạch & Đầu tư"}


def test_a_security_minister_abroad() -> None:
    text = "Bộ trưởng An ninh Tom Hardy cho hay nghi phạm không bị theo dõi."
    assert texts_of(text, "TITLE") == ["Bộ trưởng An ninh"]
    assert titles_of(text) == {"Tom Hardy": "Bộ trưởng An ninh"}


def test_a_demonstrative_opening_the_next_sentence_ends_the_name() -> None:
    text = (
        "Đêm nhạc có Đinh Hùng Đó là những buổi tối khó quên. Ảnh: Báo Hà Tĩnh Vừa qua, tỉnh họp."
    )
    assert texts_of(text, "PERSON") == ["Đinh Hùng"]
    assert texts_of(text, "ORG") == ["Báo Hà Tĩnh"]


def test_english_honorifics_stay_outside_the_name() -> None:
    text = "Sir Bobby Robson từng dẫn dắt đội. Mr Đàm lên tiếng. Dr Ng Eng Hen phát biểu."
    assert texts_of(text, "PERSON") == ["Bobby Robson", "Đàm", "Ng Eng Hen"]


# -- figure subjects: lengths of things, one of a set -------------------------------------------


def test_a_landslides_length_is_no_communes() -> None:
    text = (
        "Tại ấp 4, xã Hiệp Tùng xảy ra vụ sạt lở đất với chiều dài khoảng 25 m. "
        "Toàn tỉnh Bạc Liêu có khoảng 120 km bờ biển. Đường tỉnh 12 dài 18 km."
    )
    assert subjects_of(text) == {
        "25 m": None,
        "120 km": "tỉnh Bạc Liêu",
        "18 km": "Đường tỉnh 12",
    }


def test_one_of_a_set_written_with_a_digit() -> None:
    text = (
        "Năm 2016, người mẫu Việt Nam Minh Hằng giành giải Á quân và bất ngờ trở thành 1 trong "
        "3 HLV chương trình The Face."
    )
    assert subjects_of(text) == {"3 HLV": None}
