"""PERSON recall, TITLE spans and the PERSON ``title`` attribute on synthetic sentences:
sentence-opening words, short forms the segmenter glues, common words that look like
names, glued bylines, capitalised names, Ê Đê names, posts in apposition, posts before the
next person, and positions that name a body or a plural."""

from __future__ import annotations

import pytest

from pipeline.api import extract_text

from conftest import mentions_of


def _names(text: str) -> list[str]:
    return [m["text"] for m in mentions_of(text, "PERSON")]


def _titles(text: str) -> list[str]:
    return [m["text"] for m in mentions_of(text, "TITLE")]


def _title_of(text: str, name: str) -> str | None:
    return next(m.get("title") for m in mentions_of(text, "PERSON") if m["text"] == name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sentence-opening function word is no part of the name after it.
        ("Do Lương Văn Tâm đã bỏ trốn, công an truy nã.", ["Lương Văn Tâm"]),
        ("Theo Phùng Thị Na, việc này đã xong.", ["Phùng Thị Na"]),
        # Short forms the segmenter glues to the verb after them or to the word before.
        (
            "Anh Tạ Văn Khôi và anh Lý Văn Sang làm chung. Chiều 3/4, Khôi gọi cho Sang. "
            "Do Sang bận, Khôi ở lại.",
            ["Tạ Văn Khôi", "Lý Văn Sang", "Khôi", "Sang", "Sang", "Khôi"],
        ),
        # Ê Đê names: Y / H' + given name + family name.
        ("Hôm qua, Y Krứ Byă và H'Lim Mlô đến dự.", ["Y Krứ Byă", "H'Lim Mlô"]),
        # A name written in capitals after an honorific.
        ("Bà VŨ THỊ LAN cho biết như vậy.", ["VŨ THỊ LAN"]),
        # A name run into the post after it without a comma.
        ("Ông Lại Văn Cường Chủ tịch UBND xã Yên Lạc phát biểu.", ["Lại Văn Cường"]),
    ],
)
def test_names_found(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Honours and common words that start with a capitalised syllable.
        "Ông được phong danh hiệu Anh hùng Lao động và Anh hùng Lực lượng vũ trang.",
        "Lễ viếng các Anh hùng Liệt sĩ diễn ra trang trọng.",
        # A number word that is also a given name counts when a noun follows it.
        "Chị Đặng Thị Hai đi làm. Hai tài xế được khen thưởng.",
    ],
)
def test_no_spurious_names(text: str) -> None:
    names = _names(text)
    assert not [n for n in names if n in {"Lao", "Lực", "Liệt", "Hai"}], names


def test_common_word_after_name_run_is_cut() -> None:
    text = "Ảnh chụp cụ Đỗ Văn Thịnh Đón nhận quà Tết, cụ rất vui."
    assert _names(text) == ["Đỗ Văn Thịnh"]


def test_short_form_that_starts_a_common_word_is_no_name() -> None:
    text = "Ông Bùi Văn Trình dự họp. Trình độ học vấn của ông là đại học."
    assert _names(text) == ["Bùi Văn Trình"]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("thiệt hại hàng tỷ đồng… KHÁNH LINH", ["KHÁNH LINH"]),
        ("sẽ được xử lý nghiêm. H.T.K", ["H.T.K"]),
        ("đến năm 2030...  (Xem tiếp)  Mai Anh - Quốc Dũng", ["Mai Anh", "Quốc Dũng"]),
        ("đã kết thúc tốt đẹp. Tin, ảnh: THANH TÂM", ["THANH TÂM"]),
    ],
)
def test_bylines_glued_to_the_last_sentence(tail: str, expected: list[str]) -> None:
    text = f"Hội nghị tổng kết diễn ra sáng qua. Các đại biểu thảo luận sôi nổi, {tail}"
    people = mentions_of(text, "PERSON")
    assert [m["text"] for m in people] == expected
    assert all(m.get("role") == "author" for m in people)


def test_post_in_apposition_runs_to_the_comma() -> None:
    text = "Thượng tá Lò Văn Sinh, Trưởng phòng cảnh sát Kinh tế Công an tỉnh Sơn La, cho biết."
    assert _titles(text) == ["Trưởng phòng cảnh sát Kinh tế Công an tỉnh Sơn La"]
    assert _title_of(text, "Lò Văn Sinh") == "Trưởng phòng cảnh sát Kinh tế Công an tỉnh Sơn La"


def test_every_post_in_apposition_is_in_the_title() -> None:
    text = (
        "Ông Hà Văn Khánh, Giám đốc Bệnh viện Mắt Trung ương, Chủ nhiệm Chương trình "
        "chăm sóc mắt Quốc gia, phát biểu."
    )
    assert _title_of(text, "Hà Văn Khánh") == (
        "Giám đốc Bệnh viện Mắt Trung ương, Chủ nhiệm Chương trình chăm sóc mắt Quốc gia"
    )


def test_apposition_stops_at_clause_words() -> None:
    text = "Ông Tô Văn Hòa, Giám đốc Sở Xây dựng làm việc tại Hà Nội."
    assert _titles(text) == ["Giám đốc Sở Xây dựng"]


def test_post_before_the_next_name_is_not_the_previous_persons() -> None:
    text = "Trả lời ông Định, Phó Chủ tịch Thường trực Quốc hội Hà Văn Páo nói rằng sẽ xem xét."
    assert _title_of(text, "Định") is None
    assert _title_of(text, "Hà Văn Páo") == "Phó Chủ tịch Thường trực Quốc hội"


def test_kiem_and_committee_memberships_give_every_post() -> None:
    text = (
        "Ông Lò Văn Tiến, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Đảng ủy kiêm Chủ tịch UBND "
        "xã Tân Lập, phát biểu."
    )
    assert _title_of(text, "Lò Văn Tiến") == (
        "Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Đảng ủy kiêm Chủ tịch UBND xã Tân Lập"
    )
    officials = extract_text(text)["officials"]
    assert [p["text"] for p in officials[0]["posts"]] == [
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Bí thư Đảng ủy",
        "Chủ tịch UBND xã Tân Lập",
    ]
    # Each post with a body of its own is one TITLE (issue 11: "A kiêm B gives two titles").
    assert _titles(text) == [
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Bí thư Đảng ủy",
        "Chủ tịch UBND xã Tân Lập",
    ]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "Bí thư Huyện ủy kiêm Chủ tịch UBND huyện Yên Thành Lê Văn Hòa dự lễ.",
            ["Bí thư Huyện ủy", "Chủ tịch UBND huyện Yên Thành"],
        ),
        # Posts that share the body written after the last stay one TITLE.
        (
            "Đại tá Phan Văn Lực, Chỉ huy trưởng kiêm Chính ủy Đoàn 207, phát biểu.",
            ["Chỉ huy trưởng kiêm Chính ủy Đoàn 207"],
        ),
    ],
)
def test_kiem_splits_posts_with_their_own_bodies(text: str, titles: list[str]) -> None:
    assert _titles(text) == titles
    person = next(m for m in mentions_of(text, "PERSON"))
    assert person["title"] == " kiêm ".join(titles)


@pytest.mark.parametrize(
    "text",
    [
        "Văn bản của Ban Bí thư Trung ương Đảng đã được gửi tới các tỉnh.",
        "Các Phó Chủ tịch UBND huyện cùng dự họp.",
        "Công tác bầu cử đại biểu Quốc hội được chuẩn bị kỹ.",
    ],
)
def test_positions_of_bodies_plurals_and_elections_are_no_title(text: str) -> None:
    assert _titles(text) == []


def test_post_before_a_name_after_comma_and_honorific() -> None:
    text = "Khi giữ chức Phó Chủ tịch UBND huyện Đông Sơn, ông Quý đã ký nhiều quyết định."
    assert _title_of(text, "Quý") == "Phó Chủ tịch UBND huyện Đông Sơn"


def test_post_of_the_previous_name_is_not_chained_backwards() -> None:
    text = "Dự họp có ông Đặng Văn Tú – Chủ tịch UBND thị xã Ba Đồn, Phó Chủ tịch Lê Văn Hòa."
    assert _title_of(text, "Đặng Văn Tú") == "Chủ tịch UBND thị xã Ba Đồn"
    assert _title_of(text, "Lê Văn Hòa") == "Phó Chủ tịch"


def test_post_after_comma_belongs_to_the_name_before_it() -> None:
    text = "Bà Lê Thị Nụ, Chủ tịch Hội Phụ nữ xã Yên Lạc, ông Lò Văn Hải, Trưởng thôn 3 có mặt."
    assert _title_of(text, "Lê Thị Nụ") == "Chủ tịch Hội Phụ nữ xã Yên Lạc"
    assert _title_of(text, "Lò Văn Hải") == "Trưởng thôn 3"


def test_post_runs_up_to_a_verb_of_reporting() -> None:
    text = "Thiếu tá Hà Văn Lợi, Trưởng phòng cảnh sát Kinh tế Công an tỉnh Sơn La cho biết."
    assert _titles(text) == ["Trưởng phòng cảnh sát Kinh tế Công an tỉnh Sơn La"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Người môi giới có tên là Khánh Đen, còn một người tên Tí.", ["Khánh Đen", "Tí"]),
        ("HLV Carlo Ancelotti và ca sĩ Lan Anh dự tiệc.", ["Carlo Ancelotti", "Lan Anh"]),
        ("Ngôi trường mang tên Lê Văn Tám nằm ở cuối phố.", []),
        ("Hãng gọi tên Falcon cho mẫu xe mới.", []),
        ("Anh hùng Lao động Nguyễn Văn Hòa dự lễ.", ["Nguyễn Văn Hòa"]),
    ],
)
def test_naming_and_profession_words(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_given_name_that_is_a_lead_word_gives_no_short_forms() -> None:
    text = "Bài của Chu Huyền Theo. Theo đó, hội nghị kết thúc."
    assert "Theo" not in _names(text)


def test_post_with_a_body_the_org_finder_missed_runs_to_the_name_after_it() -> None:
    text = "Số vụ tăng 120%. Tổng giám đốc Hãng hàng không Sao Mai (SMA) Lê Văn Thái nhìn nhận."
    assert _titles(text) == ["Tổng giám đốc Hãng hàng không Sao Mai (SMA)"]
    assert _title_of(text, "Lê Văn Thái") == "Tổng giám đốc Hãng hàng không Sao Mai (SMA)"


def test_post_before_a_name_is_not_extended_over_a_clause() -> None:
    text = "Số vụ tăng 120%. Giám đốc khi đó là Lê Văn Thái cho biết."
    assert _titles(text) == []


def test_apposition_does_not_run_into_the_next_sentence() -> None:
    text = "Ông Lê Văn Hòa, Chủ tịch Hiệp hội Gốm sứ Bát Tràng Theo ông, thị trường khó."
    assert "Theo" not in (_title_of(text, "Lê Văn Hòa") or "")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # The press's abbreviations of Giám đốc / Phó Giám đốc are positions.
        (
            "Ông Lê Văn Khoa (SN 1970, cựu PGĐ Sở Xây dựng tỉnh Bình Phước) bị khởi tố.",
            "Lê Văn Khoa",
            "PGĐ Sở Xây dựng tỉnh Bình Phước",
        ),
        (
            "Theo GĐ Sở Y tế tỉnh Kon Tum Trần Văn Mạnh, bệnh viện đủ thuốc.",
            "Trần Văn Mạnh",
            "GĐ Sở Y tế tỉnh Kon Tum",
        ),
        # The commander of a ward's militia, like xã đội trưởng.
        (
            "Ông Phan Văn Tú, phường đội trưởng phường An Lạc, cho biết sẽ kiểm tra.",
            "Phan Văn Tú",
            "phường đội trưởng phường An Lạc",
        ),
    ],
)
def test_abbreviated_and_militia_positions(text: str, name: str, expected: str) -> None:
    assert _title_of(text, name) == expected
    assert expected in _titles(text)


def test_term_of_office_between_commas_does_not_break_the_posts() -> None:
    text = (
        "Ông Lò Văn Hùng, Ủy viên Ban Thường vụ Tỉnh ủy, nhiệm kỳ 2020-2025, Chủ tịch Hội "
        "Nông dân tỉnh Sơn La, phát biểu."
    )
    assert _title_of(text, "Lò Văn Hùng") == (
        "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch Hội Nông dân tỉnh Sơn La"
    )


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # A bracketed aside (address, age) between the name and its post.
        (
            "Ông Đỗ Văn Bình (trú xã Hòa Phú, huyện Chư Păh), giám đốc Công ty TNHH Hòa Phát "
            "Đạt bị khởi tố.",
            "Đỗ Văn Bình",
            "giám đốc Công ty TNHH Hòa Phát Đạt",
        ),
        (
            "Trang trại do ông Châu Văn Tư (58 tuổi) làm Giám đốc Hợp tác xã Tân Phú.",
            "Châu Văn Tư",
            "Giám đốc Hợp tác xã Tân Phú",
        ),
        # "làm" after the posts in apposition adds the post the person serves in.
        (
            "Đoàn kiểm tra do ông Vi Văn Sáu, Phó Chủ tịch UBND huyện Mường Lát làm Trưởng "
            "đoàn đã đến xã.",
            "Vi Văn Sáu",
            "Phó Chủ tịch UBND huyện Mường Lát, Trưởng đoàn",
        ),
        # A verb of holding a post right after the name, after a passive of appointing.
        (
            "Ông Hoàng Văn Dũng được bầu giữ chức Chủ tịch HĐND tỉnh Lạng Sơn.",
            "Hoàng Văn Dũng",
            "Chủ tịch HĐND tỉnh Lạng Sơn",
        ),
        # After the posts in apposition, "giữ chức" names the new post of an appointment.
        (
            "Hội nghị cử ông Hoàng Văn Dũng, Phó Chủ tịch HĐND tỉnh Lạng Sơn giữ chức Chủ tịch "
            "HĐND tỉnh Lạng Sơn.",
            "Hoàng Văn Dũng",
            "Phó Chủ tịch HĐND tỉnh Lạng Sơn",
        ),
    ],
)
def test_posts_after_an_aside_or_a_verb_of_holding(text: str, name: str, expected: str) -> None:
    assert _title_of(text, name) == expected


def test_post_held_through_lam_is_a_title() -> None:
    text = "Đoàn do ông Vi Văn Sáu, Phó Chủ tịch UBND huyện Mường Lát làm Trưởng đoàn đã đến."
    assert "Trưởng đoàn" in _titles(text)


def test_list_opened_by_a_plural_form_of_address_shares_the_post() -> None:
    text = (
        "Các ông Lý Văn Hải, Đinh Văn Tám và Hà Văn Sơn (nguyên Chủ tịch UBND xã Thanh Lâm) "
        "bị khởi tố."
    )
    for name in ("Lý Văn Hải", "Đinh Văn Tám", "Hà Văn Sơn"):
        assert _title_of(text, name) == "Chủ tịch UBND xã Thanh Lâm"
    officials = extract_text(text)["officials"]
    assert [o["name"] for o in officials] == ["Lý Văn Hải", "Đinh Văn Tám", "Hà Văn Sơn"]


def test_list_without_a_plural_form_of_address_keeps_the_post_to_the_last_name() -> None:
    text = "Anh Lý Văn Hải và ông Hà Văn Sơn, Chủ tịch UBND xã Thanh Lâm, đến dự."
    assert _title_of(text, "Lý Văn Hải") is None
    assert _title_of(text, "Hà Văn Sơn") == "Chủ tịch UBND xã Thanh Lâm"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Công ty Minh Phát bị phạt. Giám đốc công ty cho biết sẽ khắc phục.", "Giám đốc công ty"),
        ("Trường khai giảng. Hiệu trưởng nhà trường phát biểu.", "Hiệu trưởng nhà trường"),
        ("Sở Y tế đã họp. Giám đốc sở chủ trì cuộc họp.", "Giám đốc sở"),
    ],
)
def test_position_with_a_body_named_by_its_kind_is_a_title(text: str, expected: str) -> None:
    assert expected in _titles(text)


def test_position_with_a_kind_noun_before_a_name_is_left_to_the_org_finder() -> None:
    # "công ty Quang Minh" is a named body: no TITLE stops at the kind noun.
    text = "Ông Lê Văn Lộc, giám đốc công ty Quang Minh, cho biết."
    assert "giám đốc công ty" not in _titles(text)


def test_post_with_a_kind_noun_in_a_bracketed_aside() -> None:
    text = "Công ty may An Phú ở xã. Hắn khống chế ông Hồ Văn Lâm (40 tuổi, Giám đốc công ty)."
    assert _title_of(text, "Hồ Văn Lâm") == "Giám đốc công ty"


def test_post_after_an_aside_is_not_the_next_persons() -> None:
    # A caption listing people: the post after the first one's aside names the second.
    text = "Ông Đào Văn Phú (giữa), Bộ trưởng Thông tin và Truyền thông Trương Văn Tuấn (phải) dự."
    assert _title_of(text, "Đào Văn Phú") is None


def test_post_before_a_name_does_not_run_over_a_new_sentence() -> None:
    # "Ông" opens a new sentence: the body the ORG finder missed does not run up to it.
    text = "Hội nghị diễn ra hôm qua. PGĐ Sở TT & TT Lê Văn Khải Ông Khải cho biết như vậy."
    assert not any("Ông" in t for t in _titles(text))
    assert not (_title_of(text, "Khải") or "").endswith("Ông")


@pytest.mark.parametrize(
    "text",
    [
        "Sở Nội vụ đã dư 4 phó giám đốc sở so với quy định.",
        "Tỉnh cho nghỉ hưu hàng loạt phó giám đốc sở trong năm nay.",
        "Huyện hiện có hai Phó Chủ tịch UBND huyện phụ trách khối kinh tế.",
    ],
)
def test_counted_positions_are_no_title(text: str) -> None:
    assert _titles(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 5/7 Chủ tịch UBND tỉnh Lê Văn An đã ký quyết định.",
        "Đầu năm 2017 Chủ tịch UBND tỉnh Lê Văn An đã ký quyết định.",
        "Sáng ngày 15 Chủ tịch UBND tỉnh Lê Văn An đã ký quyết định.",
    ],
)
def test_a_date_before_a_position_is_no_count(text: str) -> None:
    assert _titles(text) == ["Chủ tịch UBND tỉnh"]


def test_phong_chong_comma_stays_inside_a_post() -> None:
    text = (
        "Ông Hà Văn Khánh, Giám đốc Bệnh viện Mắt Trung ương, Chủ nhiệm Chương trình "
        "phòng, chống mù lòa Quốc gia, phát biểu."
    )
    post = "Chủ nhiệm Chương trình phòng, chống mù lòa Quốc gia"
    assert _title_of(text, "Hà Văn Khánh") == f"Giám đốc Bệnh viện Mắt Trung ương, {post}"
    assert post in _titles(text)
    officials = extract_text(text)["officials"]
    assert [p["text"] for p in officials[0]["posts"]] == [
        "Giám đốc Bệnh viện Mắt Trung ương",
        post,
    ]


def test_post_before_a_name_runs_over_a_country_written_like_a_form_of_address() -> None:
    text = "Cùng ngày, Bộ trưởng Quốc phòng Anh Michael Fallon bày tỏ chúc mừng."
    assert _title_of(text, "Michael Fallon") == "Bộ trưởng Quốc phòng Anh"


def test_kind_noun_before_lowercase_name_words_is_no_generic_body() -> None:
    # "bệnh viện đa khoa …" names a body the ORG finder did not take: no TITLE stops early.
    text = "Trên cương vị Giám đốc bệnh viện đa khoa tỉnh, ông đã ký nhiều hợp đồng."
    assert "Giám đốc bệnh viện" not in _titles(text)


def test_dash_apposition_after_a_plural_list_is_the_last_persons() -> None:
    text = (
        "Danh sách gồm các ông Lý Văn Hải, Đinh Văn Tám - Chủ tịch HĐQT Công ty Sao Mai, "
        "Hà Văn Sơn - Phó Chủ tịch HĐQT Công ty Sao Mai."
    )
    assert _title_of(text, "Lý Văn Hải") is None
    assert _title_of(text, "Đinh Văn Tám") == "Chủ tịch HĐQT Công ty Sao Mai"


def test_post_after_a_plural_list_joined_by_va_is_shared() -> None:
    text = "Các đồng chí: Lý Văn Hải và Hà Văn Sơn nguyên Phó Chủ tịch UBND tỉnh Yên Bái được tặng."
    assert _title_of(text, "Lý Văn Hải") == "Phó Chủ tịch UBND tỉnh Yên Bái"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # A post after a name through the copula or a time marker, also inside a bracket.
        (
            "Theo điều tra, Lê Văn Khánh là Trưởng Công an xã Hải Lộc.",
            "Lê Văn Khánh",
            "Trưởng Công an xã Hải Lộc",
        ),
        (
            "Ông câu kết với Trần Văn Quế (lúc đó là Chủ tịch xã Hải Lộc) và bà Lan.",
            "Trần Văn Quế",
            "Chủ tịch xã Hải Lộc",
        ),
        (
            "Năm 2015, ông Đỗ Văn Hậu (đang làm Phó Chủ tịch UBND xã Quế An) được bầu.",
            "Đỗ Văn Hậu",
            "Phó Chủ tịch UBND xã Quế An",
        ),
        # "chính quyền" (administration) holds no prefix "quyền" (acting).
        ("Đó là ưu tiên của chính quyền Tổng thống Mark Ellison.", "Mark Ellison", "Tổng thống"),
        # A post before a name with a rank between them.
        (
            "Phó Chủ tịch Quốc hội, Thượng tướng Trần Văn Mạnh tiếp đoàn.",
            "Trần Văn Mạnh",
            "Phó Chủ tịch Quốc hội",
        ),
    ],
)
def test_posts_through_copula_brackets_and_ranks(text: str, name: str, title: str) -> None:
    assert _title_of(text, name) == title


def test_a_bare_post_that_speaks_refers_back_to_its_holder() -> None:
    text = (
        "Thứ trưởng Bộ Y tế Trần Văn Bình dự lễ. Thứ trưởng nhấn mạnh vai trò của ngành. "
        "Theo Thứ trưởng, năm nay sẽ tốt hơn. Các Thứ trưởng khác vắng mặt."
    )
    titles = [
        (m["text"], m["start"]) for m in extract_text(text)["mentions"] if m["label"] == "TITLE"
    ]
    bare = [start for t, start in titles if t == "Thứ trưởng"]
    assert bare == [text.index("Thứ trưởng nhấn"), text.index("Thứ trưởng, năm")]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Bộ trưởng Thương mại Peter Hale bị kiện.", "Peter Hale", "Bộ trưởng Thương mại"),
        (
            "Bộ trưởng Quốc phòng Canada Mark Dunn thăm Huế.",
            "Mark Dunn",
            "Bộ trưởng Quốc phòng Canada",
        ),
        ("Thứ trưởng Ngoại giao Lê Văn Tám phát biểu.", "Lê Văn Tám", "Thứ trưởng Ngoại giao"),
    ],
)
def test_a_minister_named_by_portfolio(text: str, name: str, title: str) -> None:
    mentions = extract_text(text)["mentions"]
    people = {m["text"]: m.get("title") for m in mentions if m["label"] == "PERSON"}
    assert people == {name: title}
    assert title in [m["text"] for m in mentions if m["label"] == "TITLE"]


def test_a_member_of_a_party_committee_named_by_the_committee() -> None:
    text = "Ông Lê Văn Tám (Huyện ủy viên, Bí thư Đảng ủy xã) bị kỷ luật."
    mentions = extract_text(text)["mentions"]
    people = {m["text"]: m.get("title") for m in mentions if m["label"] == "PERSON"}
    assert people == {"Lê Văn Tám": "Huyện ủy viên, Bí thư Đảng ủy xã"}
    # The member's post names no body of its own (blind gold: no ORG inside it).
    assert [m["text"] for m in mentions if m["label"] == "ORG"] == ["Đảng ủy xã"]


def test_a_village_head_in_lowercase_holds_the_village() -> None:
    text = "Ông Lê Văn Hai được bầu làm trưởng thôn Đông Hòa, xã Yên Bình."
    assert _title_of(text, "Lê Văn Hai") == "trưởng thôn Đông Hòa"
    assert "thôn Đông Hòa" in [m["text"] for m in mentions_of(text, "PLACE")]


def test_a_deputy_by_the_abbreviation_of_the_post() -> None:
    text = "Phát biểu chiều qua, ĐBQH Lê Thị Hà, đoàn ĐBQH tỉnh Nam Định, đề nghị sửa luật."
    assert _title_of(text, "Lê Thị Hà") == "ĐBQH"
    # The delegation is a body, not a deputy's post.
    assert _titles(text) == ["ĐBQH"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A state field joined by "và" in any case, then the place.
        (
            "Ông Lê Văn Bảy, Trưởng phòng Nông nghiệp và phát triển nông thôn huyện Yên Lạc.",
            "Trưởng phòng Nông nghiệp và phát triển nông thôn huyện Yên Lạc",
        ),
        # The members' council of a limited company.
        (
            "Bà Trần Thị Mai, Chủ tịch Hội đồng thành viên Công ty TNHH Hoàng Long, cho biết.",
            "Chủ tịch Hội đồng thành viên Công ty TNHH Hoàng Long",
        ),
        (
            "Ông được bổ nhiệm làm Viện trưởng Viện kiểm sát tối cao.",
            "Viện trưởng Viện kiểm sát tối cao",
        ),
    ],
)
def test_titles_over_whole_bodies(text: str, title: str) -> None:
    assert title in _titles(text)


def test_a_post_before_the_places_of_its_body_and_then_the_name() -> None:
    text = "Chủ tịch UBND xã Hồng Phong, huyện Ninh Giang (Hải Dương) Trần Văn Lực cho biết."
    assert _title_of(text, "Trần Văn Lực") == "Chủ tịch UBND xã Hồng Phong"
    # A post written after another name stays that name's.
    text = "Ông Lê Văn An, Chủ tịch UBND xã Hồng Phong, huyện Ninh Giang cho biết."
    assert _title_of(text, "Lê Văn An") == "Chủ tịch UBND xã Hồng Phong"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # A spokesperson of a body; a post written as a title may take "của" before its body.
        (
            "Phát ngôn viên Bộ Ngoại giao Pháp Jean Dupont cho biết.",
            "Jean Dupont",
            "Phát ngôn viên Bộ Ngoại giao Pháp",
        ),
        (
            "Bà Trần Thu Hà, Người phát ngôn của Bộ Công Thương, cho biết.",
            "Trần Thu Hà",
            "Người phát ngôn của Bộ Công Thương",
        ),
        # A member of a committee's standing board.
        (
            "Ông Phạm Văn Quý, Ủy viên Thường vụ Tỉnh ủy, dự hội nghị.",
            "Phạm Văn Quý",
            "Ủy viên Thường vụ Tỉnh ủy",
        ),
    ],
)
def test_spokespeople_and_standing_members(text: str, name: str, title: str) -> None:
    assert _title_of(text, name) == title


def test_a_lowercase_role_of_a_team_takes_no_body() -> None:
    assert _titles("Anh là đội trưởng của U23 Việt Nam trong trận này.") == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A board of a Party committee after "Trưởng ban", in lowercase, with its committee.
        (
            "Ông là Trưởng ban Tuyên giáo Tỉnh ủy Nghệ An.",
            "Trưởng ban Tuyên giáo Tỉnh ủy Nghệ An",
        ),
        ("Ông Lê Hòa từng là Trưởng ban Nông nghiệp Thành ủy.", "Trưởng ban Nông nghiệp Thành ủy"),
    ],
)
def test_a_lowercase_board_keeps_its_committee(text: str, title: str) -> None:
    assert _titles(text) == [title]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A credit in capitals ends where the next sentence starts in Title case.
        (
            "Đoàn dâng hương. Ảnh: TRẦN LONG Bà Nguyễn Thị Mai phát biểu.",
            ["TRẦN LONG", "Nguyễn Thị Mai"],
        ),
        ("Con đường đã xong. Ảnh: H.NAM Người dân rất vui.", ["H.NAM"]),
        ("Khán đài xuống cấp. Ảnh: VŨ HÀ SVĐ Thống Nhất sẽ được sửa.", ["VŨ HÀ"]),
    ],
)
def test_a_credit_in_capitals_ends_with_its_case(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_a_deputy_by_the_press_abbreviation() -> None:
    text = "Tại phiên thảo luận, ĐB Trần Thị Lan đề nghị bổ sung điều khoản."
    assert _title_of(text, "Trần Thị Lan") == "ĐB"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # Ministers of foreign cabinets by a single-field portfolio.
        ("Rodman gặp Bộ trưởng Thể thao Kim Il-guk.", "Bộ trưởng Thể thao"),
        (
            "Bộ trưởng Thống nhất Hàn Quốc Cho Myoung-gyon phát biểu.",
            "Bộ trưởng Thống nhất Hàn Quốc",
        ),
    ],
)
def test_single_field_portfolios(text: str, title: str) -> None:
    found = {m["text"] for m in extract_text(text)["mentions"] if m["label"] == "TITLE"}
    assert found == {title}


def test_a_post_after_a_prefix_the_segmenter_joined_to_it() -> None:
    # "Phó trưởng" is one token; the post and its lowercase body still make a TITLE.
    mentions = extract_text("Thượng tá Lê Minh, Phó trưởng công an huyện Yên Thành cho biết.")[
        "mentions"
    ]
    titles = [m["text"] for m in mentions if m["label"] == "TITLE"]
    assert titles == ["Phó trưởng công an huyện Yên Thành"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # Two posts joined by a dash share the portfolio written after the last.
        (
            "Dự lễ có Phó Thủ tướng – Bộ trưởng Ngoại giao Lê Văn Nam và đoàn.",
            "Phó Thủ tướng – Bộ trưởng Ngoại giao",
        ),
        # "này" after a bare unit word stays outside (the dev gold: Chủ tịch xã này).
        ("Ông Trần Văn Lâm, Chủ tịch UBND tỉnh này, đã giải trình.", "Chủ tịch UBND tỉnh"),
    ],
)
def test_chained_posts_with_a_portfolio_and_a_body_of_this_unit(text: str, title: str) -> None:
    people = [m for m in extract_text(text)["mentions"] if m["label"] == "PERSON"]
    assert [p.get("title") for p in people] == [title]


def test_a_post_before_a_name_the_article_gives_a_person_elsewhere() -> None:
    text = "Theo bà Hạnh, đề án đã sẵn sàng. Giải pháp được Bộ trưởng Hạnh đưa ra hôm qua."
    people = [m for m in extract_text(text)["mentions"] if m["label"] == "PERSON"]
    assert [(p["text"], p.get("title")) for p in people] == [
        ("Hạnh", None),
        ("Hạnh", "Bộ trưởng"),
    ]
