"""Classes of the twenty-eighth blind round (dev30) and of dev29's errors. Every sentence is
synthetic."""

from __future__ import annotations

from conftest import mentions_of, subjects_of, texts_of

# -- PLACE: streets and parks named by a date, parks and squares, regions ---------------------


def test_a_street_or_park_named_by_a_date_is_a_place_and_no_date() -> None:
    text = (
        "Quán nằm ở số 12 đường 3 tháng 2, gần công viên 23/9 và đường kênh 19/5. "
        "Dự án khởi công ngày 3/2/2018."
    )
    assert texts_of(text, "PLACE") == ["đường 3 tháng 2", "công viên 23/9", "đường kênh 19/5"]
    assert texts_of(text, "DATE") == ["ngày 3/2/2018"]


def test_a_day_and_month_with_a_year_after_a_street_word_is_no_name() -> None:
    text = "Con đường 12/5/2017 được thông xe."
    assert "đường 12/5" not in texts_of(text, "PLACE")


def test_parks_gardens_and_squares_are_places() -> None:
    text = (
        "Người dân tập thể dục ở công viên Hòa Bình, vườn hoa Con Cóc và Quảng trường Thánh Phêrô."
    )
    places = mentions_of(text, "PLACE")
    assert [p["text"] for p in places] == [
        "công viên Hòa Bình",
        "vườn hoa Con Cóc",
        "Quảng trường Thánh Phêrô",
    ]
    assert {p["level"] for p in places} == {"other"}


def test_climate_zones_and_natural_regions_are_whole_places() -> None:
    text = "Mưa lớn ở Tây Bắc Bộ và Đông Bắc Bộ; lũ về vùng Đồng Tháp Mười."
    assert texts_of(text, "PLACE") == ["Tây Bắc Bộ", "Đông Bắc Bộ", "Đồng Tháp Mười"]


def test_a_country_after_a_body_or_a_dash_stays_the_country_when_repeated() -> None:
    text = (
        "Tàu ngầm của Hạm đội Thái Bình Dương – Nga vừa diễn tập. Theo Bộ Quốc Phòng Nga, "
        "Hải quân Nga sẽ nhận thêm tàu. Đây là vũ khí mạnh nhất của Nga."
    )
    # the body's name no longer reads as a person's "... Phòng Nga"; the dash, the navy and
    # the bare repeat are the country
    starts = [p["start"] for p in mentions_of(text, "PLACE") if p["text"] == "Nga"]
    assert starts == [39, 90, 140]


def test_a_heroine_mother_is_an_honour_not_a_person() -> None:
    text = (
        "Lãnh đạo tỉnh thăm Bà mẹ Việt Nam Anh hùng Lê Thị Sáu. Toàn huyện còn 12 Mẹ Việt "
        "Nam Anh hùng; các Bà Mẹ Việt Nam Anh hùng đều được tặng quà."
    )
    assert texts_of(text, "PERSON") == ["Lê Thị Sáu"]
    assert texts_of(text, "PLACE").count("Việt Nam") == 3


# -- ORG: delegations, nationalities, governments, departments --------------------------------


def test_a_visiting_delegation_is_no_org_but_the_body_it_comes_from_is() -> None:
    text = (
        "Đoàn đại biểu cấp cao Quốc hội Lào thăm tỉnh. Đoàn Đại biểu Quốc hội tỉnh Nam Định "
        "đón đoàn."
    )
    assert texts_of(text, "ORG") == ["Quốc hội Lào", "Đoàn Đại biểu Quốc hội tỉnh Nam Định"]


def test_a_firm_or_paper_head_with_a_country_alone_is_a_nationality() -> None:
    text = "Báo Mỹ đưa tin Tập đoàn Thụy Điển rút vốn, còn Ngân hàng Nhật Bản giữ lãi suất."
    assert texts_of(text, "ORG") == ["Ngân hàng Nhật Bản"]
    assert "Thụy Điển" in texts_of(text, "PLACE")


def test_a_government_in_lower_case_with_its_state_is_an_org() -> None:
    text = "Phe đối lập kêu gọi chính phủ Venezuela đối thoại; chính phủ Colombia ủng hộ."
    assert texts_of(text, "ORG") == ["chính phủ Venezuela", "chính phủ Colombia"]


def test_the_government_in_lower_case_is_one_body_but_not_in_compounds() -> None:
    text = (
        "Phe nổi dậy đã ký thỏa thuận với chính phủ. Các tổ chức phi chính phủ và các chính "
        "phủ châu Âu hoan nghênh; giá trái phiếu chính phủ tăng."
    )
    assert texts_of(text, "ORG") == ["chính phủ"]


def test_a_council_set_up_for_one_task_is_an_org() -> None:
    text = (
        "Hội đồng kỷ luật của Sở Y tế đã họp; Hội đồng tuyển dụng và Hội đồng Thi đua - "
        "Khen thưởng tỉnh Quảng Nam cũng làm việc."
    )
    assert texts_of(text, "ORG") == [
        "Hội đồng kỷ luật",
        "Sở Y tế",
        "Hội đồng tuyển dụng",
        "Hội đồng Thi đua - Khen thưởng tỉnh Quảng Nam",
    ]


def test_a_district_judgment_enforcement_office_is_named_whole() -> None:
    text = (
        "Ông Phan Văn Lực, Chi cục trưởng Chi cục Thi hành án dân sự huyện Đức Hòa, cho biết "
        "đã kê biên tài sản."
    )
    assert texts_of(text, "ORG") == ["Chi cục Thi hành án dân sự huyện Đức Hòa"]


# -- PERSON: a lost full stop before an adverb or a polite request ---------------------------


def test_an_adverb_or_a_request_opens_the_next_sentence() -> None:
    text = "Nghi phạm bị đưa về cơ quan điều tra Gần sáng, hắn khai. Xin Ông cho biết thêm."
    assert texts_of(text, "PERSON") == []
    assert "cơ quan điều tra Gần" not in texts_of(text, "ORG")


# -- FIGURE: arms; subjects guessed from the clause ---------------------------------------------


def test_warheads_and_yields_are_figures() -> None:
    text = "Mỗi tên lửa mang 4-8 đầu đạn, mỗi đầu đạn có sức nổ 150 kiloton."
    figures = mentions_of(text, "FIGURE")
    assert [(f["text"], f["value"], f["unit"]) for f in figures] == [
        ("4-8 đầu đạn", 4, "đầu đạn"),
        ("150 kiloton", 150, "kiloton"),
    ]


def test_goods_a_person_carries_are_not_his_but_his_weight_is() -> None:
    subjects = subjects_of(
        "Tài xế Lê Văn Bình chở 12 tấn phế liệu qua trạm. Cháu Lê Thị Na chỉ nặng 11 kg."
    )
    assert subjects == {"12 tấn": None, "11 kg": "Lê Thị Na"}


def test_a_device_spec_is_not_its_makers() -> None:
    subjects = subjects_of("Samsung trang bị cho máy chip tốc độ 2,8GHz và bộ nhớ 128GB.")
    assert subjects == {"2,8GHz": None, "128GB": None}


def test_a_place_in_a_time_zone_owns_nothing() -> None:
    subjects = subjects_of("Đến 10h ngày 15/5 (giờ Việt Nam), mã độc đã nhận 52 khoản tiền chuộc.")
    assert subjects == {"52 khoản": None}


def test_a_country_named_in_passing_owns_no_figure() -> None:
    subjects = subjects_of(
        "Nhóm vũ trang từng hoạt động nhiều năm ở Peru cho tới khi ký thỏa thuận hòa bình vào "
        "tháng 11 năm ngoái đã giải giáp 60% khí tài."
    )
    assert subjects["60%"] is None


def test_the_partner_of_an_agreement_owns_nothing() -> None:
    subjects = subjects_of(
        "Phe nổi dậy đã ký thỏa thuận với Chính phủ Peru vào tháng 11 và đã nộp 35% số vũ khí."
    )
    assert subjects["35%"] is None
