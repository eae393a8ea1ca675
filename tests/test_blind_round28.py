"""Classes of the thirty-third blind round (dev35). Every sentence is synthetic."""

from __future__ import annotations

from conftest import mentions_of, texts_of

# -- FIGURE: the short thousands and millions of chat and forum writing ----------------------


def _figures(text: str) -> list[tuple[str, int | float, str]]:
    return [(m["text"], m["value"], m["quantity"]) for m in mentions_of(text, "FIGURE")]


def test_k_and_tr_glued_to_digits_are_thousands_and_millions_of_dong() -> None:
    text = (
        "Vợ chỉ cho tôi 100k đổ xăng, bắt trả lại 30k bằng được; lương tháng giữ lại 1tr thôi. "
        "Cô ấy khoe có hẳn 1tr 50k trong ví, còn hóa đơn là 12 triệu 900k tiền ảnh."
    )
    assert _figures(text) == [
        ("100k", 100000, "money"),
        ("30k", 30000, "money"),
        ("1tr", 1000000, "money"),
        ("1tr 50k", 1050000, "money"),
        ("12 triệu 900k", 12900000, "money"),
    ]


def test_short_thousands_before_a_counted_noun_count_it() -> None:
    text = "Đoạn clip nhận được 160k lượt xem và 24k share chỉ sau một ngày."
    assert _figures(text) == [("160k lượt xem", 160000, "count"), ("24k share", 24000, "count")]


def test_carats_of_gold_and_model_codes_are_no_money() -> None:
    text = (
        "Nhẫn được chế tác từ vàng 18k, 14k và 10k; giá vàng Rồng Vàng (24k) giảm nhẹ. "
        "Xạ thủ dùng súng trường Mauser 98k của mình."
    )
    assert _figures(text) == []


def test_a_bare_million_after_a_verb_of_giving_or_keeping_is_money() -> None:
    text = (
        "Tôi lặng lẽ gửi 200 triệu vào tài khoản của anh, chỉ giữ lại khoảng 3 triệu để "
        "tiêu. Em xin 10 nghìn mua kẹo. Công ty cho 2 triệu người lao động nghỉ Tết."
    )
    assert _figures(text) == [
        ("200 triệu", 200000000, "money"),
        ("3 triệu", 3000000, "money"),
        ("10 nghìn", 10000, "money"),
        ("2 triệu người lao động", 2000000, "people"),
    ]


# -- PERSON: bare given names, reporters as a group, a delegation, lost full stops ----------


def test_a_given_name_after_a_naming_word_or_a_form_of_address_comes_back_bare() -> None:
    text = (
        "Camera thuộc về một nam thanh niên tên Khôi. Bất ngờ, Khôi chính là bạn trai của cô. "
        "Tôi tìm anh Thành nói chuyện; hóa ra Thành đã bán căn hộ để chữa bệnh cho mẹ."
    )
    assert texts_of(text, "PERSON") == ["Khôi", "Khôi", "Thành", "Thành"]


def test_a_place_or_a_compass_point_after_a_form_of_address_does_not_come_back_as_a_name() -> None:
    text = (
        "Cô quyết định kết hôn với chàng Tây. Tây chu cấp tiền học cho cô. "
        "Anh Nam làm việc ở miền Nam, nơi Nam có nhiều bạn."
    )
    assert "Tây" not in texts_of(text, "PERSON")


def test_the_papers_reporters_as_a_group_name_no_one() -> None:
    text = (
        "Ngày 5/6, khi nhận được phản ánh của PV, chính quyền đã cử người đến. Chính quyền "
        "phải chăng đang bất lực?\nNHÓM PV"
    )
    assert texts_of(text, "PERSON") == []


def test_a_delegation_is_no_person_named_doan() -> None:
    text = (
        "Đoàn Việt Nam do Thứ trưởng Ngoại giao Lê Văn Khang dẫn đầu đã dự hội nghị. "
        "Thủ tướng cùng Đoàn Cấp cao đã tới thăm bang Hesse. Ông Đoàn Ngọc Hải phát biểu."
    )
    assert texts_of(text, "PERSON") == ["Lê Văn Khang", "Đoàn Ngọc Hải"]


def test_a_preposition_or_an_adverb_after_a_name_opens_the_next_sentence() -> None:
    text = (
        "1. Ca sĩ Dương Hoàng Yến và Vũ Hà Anh Vào cuối tháng 5, cặp đôi chia tay. "
        "3. Huỳnh Anh và Hoàng Oanh Luôn xuất hiện tay trong tay."
    )
    assert texts_of(text, "PERSON") == ["Dương Hoàng Yến", "Vũ Hà Anh", "Huỳnh Anh", "Hoàng Oanh"]


# -- ORG: youth teams with a hyphen, two bodies joined by a hyphen ---------------------------


def test_a_youth_team_written_with_a_hyphen_or_a_dot_is_an_org() -> None:
    text = (
        "HLV công bố danh sách đội tuyển U-22 Việt Nam; một số tuyển thủ U-20 Việt Nam vẫn "
        "chật vật, U.19 Việt Nam thì nằm chung bảng với U-23 Hàn Quốc."
    )
    assert texts_of(text, "ORG") == [
        "đội tuyển U-22 Việt Nam",
        "U-20 Việt Nam",
        "U.19 Việt Nam",
        "U-23 Hàn Quốc",
    ]


def test_two_bodies_joined_by_a_hyphen_are_two_orgs() -> None:
    text = (
        "Hội nghị quan chức cấp cao ASEAN-EU lần thứ 24 họp tại Bangkok. Ảnh: AFP-TTXVN. "
        "Phóng viên VOV-Tây Nguyên đưa tin."
    )
    assert texts_of(text, "ORG") == ["ASEAN", "EU", "AFP", "TTXVN", "VOV-Tây Nguyên"]


# -- PERSON: credits in capitals and without a colon, a squad named by its coach -------------


def _authors(text: str) -> list[str]:
    return [m["text"] for m in mentions_of(text, "PERSON") if m.get("role") == "author"]


def test_a_credit_in_capitals_may_open_with_a_form_of_address_and_ends_before_a_coach() -> None:
    text = (
        "Hậu vệ Văn Toàn chơi năng nổ bên cánh trái. Ảnh: ANH MINH HLV Lê Quốc Tuấn có chút "
        "điều chỉnh. Thủ môn bắt bóng. Ảnh: HOÀNG LONG HLV Tuấn vỗ tay. Đội hình năm 2010. "
        "Ảnh: TƯ LIỆU HLV Lê Quốc Tuấn cười."
    )
    assert _authors(text) == ["ANH MINH", "HOÀNG LONG"]
    assert "Lê Quốc Tuấn" in texts_of(text, "PERSON")


def test_a_photographers_initials_after_the_caption_need_no_colon() -> None:
    text = (
        "Người dân họp chợ trên đất công. Ảnh C.N Ngang nhiên lấn chiếm đất công. "
        "Thi thể được đưa về nhà xác. Ảnh A.N Theo đó, người dân đã báo tin."
    )
    assert _authors(text) == ["C.N", "A.N"]


def test_a_squad_named_by_its_coach_names_the_coach() -> None:
    text = (
        "MU từng chạm trán thầy trò Ferguson nhiều lần; năm nay thầy trò Mourinho sẽ gặp "
        "Barcelona, còn thầy trò Chelsea nghỉ ngơi."
    )
    assert texts_of(text, "PERSON") == ["Ferguson", "Mourinho"]
