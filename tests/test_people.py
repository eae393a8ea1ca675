"""PERSON rules on synthetic sentences: ethnic-minority names, names inside the names of
things, credit lines and initials."""

from __future__ import annotations

import pytest

from pipeline.api import extract_text


def _people(text: str) -> list[tuple[str, str | None]]:
    return [
        (m["text"], m.get("role")) for m in extract_text(text)["mentions"] if m["label"] == "PERSON"
    ]


def _places(text: str) -> list[str]:
    return [m["text"] for m in extract_text(text)["mentions"] if m["label"] == "PLACE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ethnic-minority family names (Hmông, Ê Đê, Gia Rai, Thái, Khmer, Dao).
        ("Em Giàng A Páo và chị Thào Thị Dua đi chợ.", ["Giàng A Páo", "Thào Thị Dua"]),
        ("Hôm qua Niê Kdăm và Kpă Thơm dự lễ.", ["Niê Kdăm", "Kpă Thơm"]),
        ("Cầm Văn Pọm gặp Danh Sà Rây hôm qua.", ["Cầm Văn Pọm", "Danh Sà Rây"]),
        ("Bàn Văn Tờ và Chảo Láo Lở là hai thợ săn.", ["Bàn Văn Tờ", "Chảo Láo Lở"]),
        # Hmông clan names that are common words too open a name before a Hmông middle name.
        ("Công an bắt Vàng Seo Lử (30 tuổi) tại nhà.", ["Vàng Seo Lử"]),
        ("Hôm qua Mua Mí Chư gặp Ly A Giống ở chợ.", ["Mua Mí Chư", "Ly A Giống"]),
        # Less common Kinh family names.
        ("Hôm qua Khuất Duy Tiến và Lữ Thị Hoa dự họp.", ["Khuất Duy Tiến", "Lữ Thị Hoa"]),
        # A person named after a unit word that is a title stays a person.
        ("Trưởng thôn Nguyễn Văn Dũng phát biểu.", ["Nguyễn Văn Dũng"]),
    ],
)
def test_names(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nhà anh ở số 15 Trần Quang Khải, gần đại lộ Võ Văn Kiệt.",
        "Em học ở Trường Đại học Tôn Đức Thắng.",
        "Xe của hãng Phương Trang va vào cột điện.",
        "Nước tràn qua rạch Ông Lớn vào nhà dân.",
        "Người dân tập trung ở quảng trường Lê Thánh Tông và công viên Phạm Văn Đồng.",
        "Cậu bé mổ tại Bệnh viện Nguyễn Tri Phương.",
    ],
)
def test_names_of_things_are_not_people(text: str) -> None:
    assert _people(text) == []


def test_commune_named_after_a_person_with_its_parent() -> None:
    text = "Hai anh em ở xã Trần Hưng Đạo, huyện Lý Nhân, tỉnh Hà Nam."
    assert _people(text) == []
    assert "xã Trần Hưng Đạo" in _places(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The credit ends where the next sentence starts on the same line.
        ("Hiện trường vụ việc. Ảnh: Lê Văn Hưng Sau đó, công an đến.", "Lê Văn Hưng"),
        ("Cây cầu mới. Ảnh: T.H Theo kế hoạch, cầu xong năm sau.", "T.H"),
        # Initials as the closing byline.
        ("Cây cầu đã thông xe.\nB.T.N", "B.T.N"),
    ],
)
def test_credits_and_initials(text: str, expected: str) -> None:
    assert (expected, "author") in _people(text)


def test_a_web_address_credit_is_no_person() -> None:
    assert _people("Lễ trao quyết định. Ảnh: Baochinhphu.vn Cùng ngày, đoàn đi tiếp.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tết Canh Tý và năm Tân Sửu đều vui.",  # year names of the stem-branch calendar
        "Nó đã cứu một người đàn ông Nhật khỏi đám cháy.",  # đàn ông is "man"
        "Lũ quét qua làng. Ảnh: Reuters Sau đó, nước rút dần.",  # an agency, not a byline
        "Vị trí khách sạn. Ảnh: Google Maps. Chiều qua, đoàn đến.",
    ],
)
def test_spurious_classes_from_the_frequency_review(text: str) -> None:
    assert _people(text) == []


def test_a_country_in_a_list_of_countries_is_a_place() -> None:
    text = "Các nước như Canada, Anh, Mỹ đã ký. Iran, Nga và Syria họp."
    assert _people(text) == []
    assert {"Anh", "Nga"} <= set(_places(text))


def test_a_name_after_thanh_pho_is_a_person() -> None:
    text = "Chủ tịch UBND thành phố Lê Văn Tám phát biểu."
    assert [t for t, _ in _people(text)] == ["Lê Văn Tám"]


def test_a_surname_that_is_also_a_thing_word_still_opens_a_name() -> None:
    assert [t for t, _ in _people("Ca sĩ Hồ Quỳnh Hương hát.")] == ["Hồ Quỳnh Hương"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Diễn viên Park Min Young và ca sĩ Lee Hyun Woo gặp nhau.",
            ["Park Min Young", "Lee Hyun Woo"],
        ),
        ("Nữ diễn viên Kim Hee Sun đến Hà Nội.", ["Kim Hee Sun"]),  # Hee: not Vietnamese
        ("Ông Kim Văn Bảy đi họp.", ["Kim Văn Bảy"]),  # a Vietnamese Kim stays as it was
        ("Chị Han Thu đi chợ.", ["Han Thu"]),
    ],
)
def test_korean_names(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize("source", ["Theo Dân Trí", "Theo VnExpress", "Theo Thông tấn xã Việt Nam"])
def test_a_closing_source_line_is_no_byline(source: str) -> None:
    """``Theo <newspaper>`` closing an article names where it came from: no PERSON at all,
    not even ``Theo`` once the newspaper is an ORG."""
    text = f"Ông Nguyễn Văn An về thăm xã Tân Lập.\n\nBuổi lễ diễn ra trang trọng.\n\n{source}\n"
    assert [t for t, _ in _people(text)] == ["Nguyễn Văn An"]


def test_a_closing_name_line_is_still_a_byline() -> None:
    text = "Ông Nguyễn Văn An về thăm xã Tân Lập.\n\nBuổi lễ diễn ra trang trọng.\n\nHoàng Lan\n"
    assert [t for t, _ in _people(text)] == ["Nguyễn Văn An", "Hoàng Lan"]


def test_a_capitalised_honorific_inside_a_name_opens_no_person() -> None:
    """``Anh`` in a club's name (``Hoàng Anh Gia Lai``) is a syllable, not ``anh`` + name."""
    assert _people("Tiền đạo của Hoàng Anh Gia Lai ghi bàn ở phút cuối.") == []


def test_a_capitalised_honorific_opening_a_clause_still_opens_a_name() -> None:
    assert [t for t, _ in _people("Trong khi đó, Chị Lan nói rằng mọi việc ổn.")] == ["Lan"]


def test_an_honorific_after_a_glued_photo_credit_still_opens_a_name() -> None:
    text = "Ông Trump đón khách ở sân bay. Ảnh Reuters Bà Melania Trump mặc áo trắng."
    assert "Melania Trump" in [t for t, _ in _people(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Anh ấy ghi 20 bàn tại La Liga mùa này.",  # a league, though La is a family name
        "Lầu Năm Góc cho biết đã điều thêm tàu tới khu vực.",  # the body, by its building
    ],
)
def test_names_that_look_like_people_but_name_no_one(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Biển đẹp. Ảnh: Minh Châu Ảnh: Quang Hiếu\n\nDu khách đông.", ["Minh Châu", "Quang Hiếu"]),
        ("Ông Lê Văn Tư dự lễ diễu hành.\n\nẢnh Reuters", ["Lê Văn Tư"]),
    ],
)
def test_a_credit_word_is_never_part_of_a_name(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # A kinship compound (trẻ em, thầy cô, anh em) is a noun: the country after it is
        # a place, not a child or a teacher named Việt Nam.
        "Quỹ bảo trợ trẻ em Việt Nam vừa nhận thêm 2 tỷ đồng.",
        "Các thầy cô Việt Nam dự hội thảo ở Singapore.",
        "Hai anh em Nhật Bản leo lên đỉnh núi.",
    ],
)
def test_a_kinship_compound_before_a_country_is_no_honorific(text: str) -> None:
    assert _people(text) == []
    assert any(p in ("Việt Nam", "Nhật Bản") for p in _places(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ca sĩ Trần Tuấn Anh ra mắt album mới. Anh nói album kể chuyện quê nhà.",
        "Nhà báo Lê Thị Thu Chị đến muộn. Nghe hỏi, Chị cười.",
    ],
)
def test_a_pronoun_opening_a_sentence_is_no_short_form(text: str) -> None:
    # The given name is also a pronoun: at a sentence start before a verb it is the pronoun.
    assert len(_people(text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A foreign first name (gender-guesser's dictionary) opens a foreign person's name.
        (
            "Hôm qua Thomas Bergmann thắng Lucia Ferreira rồi gặp Matteo Rinaldi.",
            ["Thomas Bergmann", "Lucia Ferreira", "Matteo Rinaldi"],
        ),
        (
            "Cựu tổng thống Harold T. Whitmore đến Hà Nội. Whitmore nói.",
            ["Harold T. Whitmore", "Whitmore"],
        ),
        # A Vietnamese word ends the name unless it is a family name.
        ("Đạo diễn: Stefan Wolke Diễn viên chính rất trẻ.", ["Stefan Wolke"]),
        ("Cô đặt tên con là Louis Nguyễn.", ["Louis Nguyễn"]),
    ],
)
def test_foreign_names(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Đội Canada bị loại khỏi Davis Cup năm nay.",
        "Cô mua một chiếc túi Christian Dior ở Paris.",
        "Dự án River City được khởi công.",
        "Huyền thoại Italia thi đấu ở Lille.",
    ],
)
def test_names_of_things_after_a_foreign_first_name_are_not_people(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The other items of a list that names a person are people too.
        (
            "Ba tiền đạo Văn Khải, Đức Lương và Lê Minh Sang cùng ghi bàn.",
            ["Văn Khải", "Đức Lương", "Lê Minh Sang"],
        ),
        # ... but not in a list of streets or wards (an item is a unit of the gazetteer).
        ("Xe đi qua Kim Liên, Hoàng Mai và Lê Duẩn.", ["Lê Duẩn"]),
        # Middle and given name after the full name; the full name where it comes again.
        (
            "Hậu vệ Trần Đình Khoa bị đau. Đình Khoa nghỉ hai trận.",
            ["Trần Đình Khoa", "Đình Khoa"],
        ),
        (
            "Diễn viên Mỹ Duyên đóng vai chính. Sau đó Mỹ Duyên sang Pháp.",
            ["Mỹ Duyên", "Mỹ Duyên"],
        ),
    ],
)
def test_list_mates_and_repeated_names(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name that ends in an initial is later written as that initial (without its dot).
        (
            "Nạn nhân là anh Trần Văn K. (SN 1991). Sau đó, K. được đưa đi cấp cứu.",
            ["Trần Văn K", "K"],
        ),
    ],
)
def test_an_initial_as_a_later_mention(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("CEO Netflix Reed Hastings nói về kế hoạch mới.", "Reed Hastings", "CEO Netflix"),
        ("Tổng thống Chile Juan Carlos Rivera cho biết.", "Juan Carlos Rivera", "Tổng thống Chile"),
        (
            "Thiếu tá Lê Văn Tám, Đội trưởng Đội Cảnh sát giao thông số 5, cho biết.",
            "Lê Văn Tám",
            "Đội trưởng Đội Cảnh sát giao thông số 5",
        ),
        ("Thượng nghị sĩ Mary Collins phản đối.", "Mary Collins", "Thượng nghị sĩ"),
    ],
)
def test_a_post_before_a_foreign_name_and_small_unit_heads(
    text: str, name: str, title: str
) -> None:
    people = {
        m["text"]: m.get("title") for m in extract_text(text)["mentions"] if m["label"] == "PERSON"
    }
    assert people == {name: title}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name may start right after a place or a body that ends a capitalised run.
        (
            "Ông Chủ tịch Hiệp hội Thép Việt Nam Trịnh Văn Hào phát biểu.",
            ["Trịnh Văn Hào"],
        ),
        ("Cô thắng tay vợt người Thụy Điển Helena Lindqvist.", ["Helena Lindqvist"]),
        # ... but two words after a place may be the place's own (thôn Bích La Đông).
        ("Đoàn kiểm tra chốt ở thôn Bích La Đông, xã Tân Thành.", []),
        # Foreign first names written without their accents (Miloš as Milos).
        ("Hôm qua Milos Kovacevic thua trận.", ["Milos Kovacevic"]),
        # Seasons and tournaments are no people.
        ("Người xưa chia năm thành Mùa Xuân, Mùa Hạ và Mùa Thu.", []),
        ("Anh vô địch Roland Garros năm ngoái.", []),
    ],
)
def test_name_starts_accents_and_non_names(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


def test_theo_author_then_source_in_brackets_is_a_byline() -> None:
    text = "Đội tuyển thắng trận.\nCầu thủ ghi hai bàn.\nTheo Hoàng Long (Báo Bóng đá)"
    assert _people(text) == [("Hoàng Long", "author")]


def test_a_middle_name_makes_a_name_of_an_unlisted_family_name() -> None:
    # Văn or Thị second: a person's name even when the family name is not in the list.
    assert [t for t, _ in _people("Hôm qua Ría Văn Thắng và Lò Thị Ngọc dự họp.")] == [
        "Ría Văn Thắng",
        "Lò Thị Ngọc",
    ]
    text = "Chủ tịch UBMTTQ tỉnh Ría Văn Thắng phát biểu."
    people = {
        m["text"]: m.get("title") for m in extract_text(text)["mentions"] if m["label"] == "PERSON"
    }
    assert people == {"Ría Văn Thắng": "Chủ tịch UBMTTQ tỉnh"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Initials that stand for a withheld name, after an honorific or a role.
        ("Bị can L.V.T khai nhận và anh H.Q.D. làm chứng.", ["L.V.T", "H.Q.D"]),
        # ... but not a degree, nor the initials that open a longer name.
        ("Thượng tướng GS.TS Lê Văn Tám dự lễ. HLV K.H Muller rời đi.", ["Lê Văn Tám"]),
        # A given name that is also a number word (linh, lẻ) is still a later mention.
        (
            "Phạm Văn Linh bị tuyên án. Hàng tuần, Linh vẫn đến đón con.",
            ["Phạm Văn Linh", "Linh"],
        ),
        # A quantifier opening the sentence is no part of the name after it.
        ("Cả Trần Thị Mơ và Lê Văn Tèo đều vô tội.", ["Trần Thị Mơ", "Lê Văn Tèo"]),
        # A name of any shape followed by an age or a birth year.
        ("Hai nghi phạm là Nur Aziza, 26 tuổi, và Lê Văn Tèo.", ["Nur Aziza", "Lê Văn Tèo"]),
        # ... not a place or a kinship word before an age ("Bác Hai" is a form of address
        # and a name, as "Chú Ba" is).
        ("Mẹ (70 tuổi) vui. Tại Đà Nẵng, 30 tuổi là tuổi đẹp.", []),
        ("Bác Hai (70 tuổi) vui.", ["Hai"]),
        # Korean names right after a country; the Burmese honorific U stays outside.
        (
            "Công dân Triều Tiên Kim Jong-ho bị bắt. Sau đó, ông U Thwin Kyaw nói.",
            ["Kim Jong-ho", "Thwin Kyaw"],
        ),
        # A bare rank before a name; the "tướng" of "Thủ tướng" is no rank.
        ("Tướng Richard Mills và Thủ tướng Chính phủ dự họp.", ["Richard Mills"]),
        # A generational suffix keeps its dot.
        (
            "Ông Robert Hale Jr. phát biểu. Sau đó, Hale Jr. rời đi.",
            ["Robert Hale Jr.", "Hale Jr."],
        ),
    ],
)
def test_initials_ages_and_foreign_name_forms(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # A country that no given name spells, between a post and any name.
        ("Thủ tướng Campuchia Hun Sen phát biểu.", "Hun Sen", "Thủ tướng Campuchia"),
        ("Tổng thống Myanmar U Thwin Kyaw kêu gọi.", "Thwin Kyaw", "Tổng thống Myanmar"),
    ],
)
def test_a_country_after_a_post_is_the_holders_state(text: str, name: str, title: str) -> None:
    people = {
        m["text"]: m.get("title") for m in extract_text(text)["mentions"] if m["label"] == "PERSON"
    }
    assert people == {name: title}


def test_theo_author_then_source_after_a_slash_is_a_byline() -> None:
    text = "Đội tuyển thắng trận.\nCầu thủ ghi hai bàn.\nTheo Hoàng Long/Báo Bóng đá"
    assert _people(text) == [("Hoàng Long", "author")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Korean name is shortened to its family name.
        (
            "Thủ tướng Hàn Quốc Park Jae-won phát biểu. Thủ tướng Park nói thêm.",
            ["Park Jae-won", "Park"],
        ),
        # A caption repeats a name after two spaces: two names, not one run.
        ("3. Peter Hale  Peter Hale. Cuộc họp kết thúc.", ["Peter Hale", "Peter Hale"]),
        # A sentence glued to a name without a space after its full stop is not the name's.
        ("Người đứng đầu là ông Lê Văn Tám.Sau đó mọi người về.", ["Lê Văn Tám"]),
        # An agency's acronym in a credit is no person; the credit ends at the next sentence.
        ("Ông Lê Văn Tám dự họp. Ảnh: RCP Ông Lê Văn Tám phát biểu.", ["Lê Văn Tám", "Lê Văn Tám"]),
    ],
)
def test_short_korean_names_captions_and_credits(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


def test_an_outlet_named_in_a_credit_is_no_person() -> None:
    assert _people("Tên lửa bờ biển. Nguồn ảnh: Kênh QPVN Hiện nay có thể nói.") == []


def test_a_later_mention_glued_by_the_segmenter_to_the_word_before_it() -> None:
    # The segmenter joins a verb or noun with the capitalised name after it ("chết Thao").
    text = (
        "Nạn nhân là Nguyễn Văn Thao. Việc Thao bị đâm gây xôn xao. Hung thủ đâm chết Thao "
        "rồi đem xác Thao đi giấu. Hắn dùng dao đâm chết Thao Sau khi bỏ trốn."
    )
    assert [t for t, _ in _people(text)] == ["Nguyễn Văn Thao", "Thao", "Thao", "Thao", "Thao"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Playing positions and pageant titles are professions before a name.
        ("Tiền đạo Lewandowski ghi hai bàn trong hiệp một.", ["Lewandowski"]),
        ("Trung vệ Văn Kiên đánh đầu mở tỷ số.", ["Văn Kiên"]),
        ("Hoa hậu Minh Thư và chồng đón Tết ở Hà Nội.", ["Minh Thư"]),
        # A country syllable opening a name does not make it a place.
        ("Nam diễn viên Việt Hoàng đã lên tiếng.", ["Việt Hoàng"]),
        # A capital that opens the next word ends the name before it.
        ("HLV Minh Đức nói sau trận. HLV Minh Đức Phát biểu tại buổi họp.", ["Minh Đức"]),
    ],
)
def test_names_after_a_profession(text: str, expected: list[str]) -> None:
    assert sorted({name for name, _ in _people(text)}) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # The club, the team or the country of a player or a coach is no person.
        "Thủ môn Man United được gọi lên tuyển.",
        "Ban huấn luyện của HLV Chelsea đã họp khẩn.",
        "Cầu thủ U23 Việt Nam tập luyện trên sân Mỹ Đình.",
        "Cầu thủ U.19 chơi tốt trong trận giao hữu.",
        "Tiền đạo Lyon từ chối lời mời của Arsenal.",
        # A pageant's name after Hoa hậu.
        "Cô từng vào chung kết cuộc thi Hoa hậu Thế giới.",
        # A degree before a nationality: a Vietnamese doctor.
        "Một nhóm bác sĩ Việt sang châu Phi làm việc.",
    ],
)
def test_a_team_after_a_profession_is_no_person(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A caption's credit in brackets, with or without a colon, in any case.
        ("Ngôi nhà bị sạt lở (ảnh Minh Khôi). Người dân đã di dời.", [("Minh Khôi", "author")]),
        (
            "Hiện trường vụ việc (ảnh HOÀNG LONG) Theo người dân cho biết.",
            [("HOÀNG LONG", "author")],
        ),
        ("Ngôi nhà bị sập (ảnh minh họa). Người dân đã di dời.", []),
    ],
)
def test_credits_in_brackets(text: str, expected: list[tuple[str, str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A clan name that is a common word, before no middle name: gold, not a person.
        "Vàng Bạc Đá Quý Sài Gòn tăng giá bán.",
        "Giá Vàng Rồng Thăng Long giảm nhẹ.",
    ],
)
def test_a_clan_name_needs_a_middle_name(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A capitalised name after "nước", the noun of a country, is no person.
        ("Đoàn khách đến từ các nước Âu Mỹ.", []),
        ("Du khách tắm ở công viên nước Hồ Sen.", []),
        # The nước of a post, and a full name after it, keep their person.
        ("Chủ tịch nước Trần Văn Tâm dự lễ.", ["Trần Văn Tâm"]),
        ("Theo Tổng Kiểm toán Nhà nước Hồ Văn Phúc, số liệu đã khớp.", ["Hồ Văn Phúc"]),
    ],
)
def test_a_name_after_the_country_noun(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An expert, scholar or degree before a foreign family name alone.
        ("Chuyên gia Hartley nhận định rằng giá dầu sẽ giảm.", ["Hartley"]),
        ("Theo giáo sư Brennan, kết quả còn sơ bộ.", ["Brennan"]),
        ("Nhà phân tích Okafor cho biết thị trường ổn định.", ["Okafor"]),
        # A foreign name with a middle initial keeps it; a Vietnamese word before it stays out.
        ("Tiến sĩ Laura K. Benning trình bày báo cáo.", ["Laura K. Benning"]),
        ("Ông mời giáo sư Luật Daniel Whitcombe phát biểu.", ["Daniel Whitcombe"]),
    ],
)
def test_an_expert_before_a_name(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # Experts of a firm (a plural before the profession), a firm's lab.
        "Các chuyên gia Zentrix khuyến cáo người dùng cập nhật.",
        "Chuyên gia Zentrix Lab cho biết mã độc đã lan rộng.",
    ],
)
def test_experts_of_a_firm_are_not_named(text: str) -> None:
    assert _people(text) == []


def test_a_spouse_word_is_outside_the_name() -> None:
    # "bà xã", "ông xã" (wife, husband) stand before a name like an honorific.
    text = "Nam ca sĩ đưa bà xã Thanh Hương đi du lịch, còn ông xã Minh Đức ở nhà."
    assert [name for name, _ in _people(text)] == ["Thanh Hương", "Minh Đức"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Korean given names whose second syllable the press capitalises after the hyphen,
        # the North Korean spellings and the family name An.
        ("Cú sút xa của Kim Jin-Hyeok ở phút 55 gỡ hòa.", ["Kim Jin-Hyeok"]),
        ("HLV tung Moon Chang-Jin vào sân thay người.", ["Moon Chang-Jin"]),
        ("Ngoại trưởng Ri Yong-ho đến Hà Nội.", ["Ri Yong-ho"]),
        ("Nhà vô địch judo An Kum-ae phát biểu.", ["An Kum-ae"]),
        # An before a Vietnamese syllable is no Korean name.
        ("Đoàn công tác đến An Giang hôm qua.", []),
    ],
)
def test_korean_names_hyphen_capitals_and_northern_spellings(text: str, names: list[str]) -> None:
    assert [n for n, _ in _people(text)] == names


def test_a_western_name_shortened_to_its_first_name() -> None:
    text = "Tổng thống đưa con gái Ivanka Trump tới buổi họp. Ivanka rất vui."
    assert [n for n, _ in _people(text)] == ["Ivanka Trump", "Ivanka"]


@pytest.mark.parametrize(
    "text",
    [
        # A car maker and its model, named like a person.
        "Toàn điều khiển xe ô tô Mercedes Benz chở ba người.",
        "Xe được xây dựng trên nền tảng chiếc Nissan Navara.",
    ],
)
def test_a_car_is_no_person(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A collaborator's credit, a hyphenated news-and-photo credit, a family name cut short,
        # a person's account on a social network.
        ("Cơ quan chức năng đang làm rõ./. CTV Văn Chương/VOV.VN", [("Văn Chương", "author")]),
        ("Vụ việc đang được làm rõ. Tin-ảnh: Tr.Thường", [("Tr.Thường", "author")]),
        ("Lũ quét đổ về chòi sạp. Ảnh: Facebook Trần Anh Khoa", [("Trần Anh Khoa", "author")]),
        # CTV as a word of the sentence names no one.
        ("Anh là CTV của báo từ năm ngoái.", []),
    ],
)
def test_credits_of_collaborators_and_networks(text: str, expected: list) -> None:
    assert _people(text) == expected


def test_a_caption_credit_never_runs_into_the_place_before_it() -> None:
    assert _places("Lũ quét đổ về các chòi sạp tại Suối Voi Ảnh: Facebook Trần Anh Khoa") == [
        "Suối Voi"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "bác" before a name is a form of address; "bác sĩ", "bác bỏ", "bác đơn" are words.
        ("Bày tỏ lòng kính yêu với Bác Hồ, niềm tin với Đảng.", [("Hồ", None)]),
        ("Bác Tạ Thị Huấn (46 tuổi) cho biết đã chờ từ sáng.", [("Tạ Thị Huấn", None)]),
        ("Tòa bác đơn kháng cáo. Bác bỏ thông tin sai.", []),
    ],
)
def test_bac_as_a_form_of_address(text: str, expected: list) -> None:
    assert _people(text) == expected


def test_a_people_after_nguoi_is_no_short_name() -> None:
    text = "Kurd Miller đến Iraq. Quân đội tấn công khu tự trị của người Kurd."
    assert [n for n, _ in _people(text)] == ["Kurd Miller"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A typographic apostrophe joins an ethnic-minority name as the ASCII one does.
        ("Anh K’Cường báo cho chị H’Hen Niê.", ["K’Cường", "H’Hen Niê"]),
        ("Anh K'Cường báo cho chị H'Hen Niê.", ["K'Cường", "H'Hen Niê"]),
        # A foreign first name after an elided one-letter prefix.
        ("- N’Golo Kante (Chelsea): anh chơi hay.", ["N’Golo Kante"]),
    ],
)
def test_apostrophes_inside_names(text: str, expected: list[str]) -> None:
    assert [n for n, _ in _people(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sentence whose full stop was lost: a part of day with a date ends the name.
        ("Chủ tịch UBND Nguyễn Thành Phong Sáng 15/6, ông đi thăm.", ["Nguyễn Thành Phong"]),
        ("Ông Nguyễn Văn An Chiều 3-7 đã đến.", ["Nguyễn Văn An"]),
        # A given name that is a part-of-day word stays when no date follows it.
        ("Bà Lê Thị Sáng 45 tuổi, ở thôn 3.", ["Lê Thị Sáng"]),
    ],
)
def test_a_part_of_day_with_a_date_ends_a_name(text: str, expected: list[str]) -> None:
    assert [n for n, _ in _people(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lowercase particles of Arabic, Dutch, German and Romance family names stay inside.
        ("Tổng thống Syria Bashar al-Assad phát biểu.", ["Bashar al-Assad"]),
        ("Trùm khủng bố Osama bin Laden bị tiêu diệt.", ["Osama bin Laden"]),
        (
            "Ông Ludwig van Beethoven và Charles de Gaulle.",
            ["Ludwig van Beethoven", "Charles de Gaulle"],
        ),
        # A Vietnamese word after a name is no particle; a name never ends on one.
        ("Bà Angela Merkel di chuyển tới Berlin.", ["Angela Merkel"]),
        ("Thứ trưởng Cuba Angel Vilaragut Montes de Oca phát biểu.", ["Angel Vilaragut Montes"]),
    ],
)
def test_particles_inside_foreign_names(text: str, expected: list[str]) -> None:
    assert [n for n, _ in _people(text)] == expected


def test_theo_and_an_honorific_open_a_new_sentence_after_a_name() -> None:
    text = "Bà Trần Thị Kim Đăng Theo bà Đăng, các nút giao quá tải."
    assert [n for n, _ in _people(text)] == ["Trần Thị Kim Đăng", "Đăng"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Kings, queens and princes before their names; a dynasty or a nationality is no one.
        ("Bà là vợ vua Khải Định, em gái của vua Thành Thái.", ["Khải Định", "Thành Thái"]),
        ("Công chúa Thuyên Hoa và Hoàng tử William đến.", ["Thuyên Hoa", "William"]),
        ("Tại phủ Thiên Trường, vua Trần mở tiệc cho một hoàng tử Ả Rập.", []),
        # "Anh" listed after another name is the first syllable of a stage name.
        ("Top 3 gồm Nguyễn Mai, Anh Tú và Anh Đạt.", ["Nguyễn Mai", "Anh Tú", "Anh Đạt"]),
        ("Nhà báo Anh Samira Ahmed chụp ảnh ở Anh Quốc.", ["Samira Ahmed"]),
    ],
)
def test_royal_ranks_and_anh_as_a_given_name(text: str, expected: list[str]) -> None:
    assert [n for n, _ in _people(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A closing byline the page printed twice is two author mentions.
        ("Giá vàng giảm mạnh trong tuần.\nLạc Nhạn Lạc Nhạn", ["Lạc Nhạn", "Lạc Nhạn"]),
        (
            "Giá vàng giảm mạnh trong tuần.\nLê Hiếu/VOV Miền Trung Lê Hiếu/VOV Miền Trung",
            ["Lê Hiếu", "Lê Hiếu"],
        ),
        # A byline whose source the sentence splitter cut at the dot of a web address.
        ("Giá vàng giảm mạnh. Dự án đã xong. ĐOÀN LOAN (vnexpress.net)", ["ĐOÀN LOAN"]),
        # A rank before a lone family name that is the officer's given name stays a person.
        ("Đại úy Mẫn nói với phóng viên hôm qua.", ["Mẫn"]),
    ],
)
def test_twice_printed_and_cut_bylines(text: str, expected: list[str]) -> None:
    assert [n for n, _ in _people(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A temple or tomb named with a form of address before the person it honours.
        ("Đền ông Hoàng Mười ở Nghệ An đón nhiều khách.", []),
        ("Khu lăng vua Tự Đức rộng; vợ vua Tự Đức mất sớm.", ["Tự Đức"]),
        # Other things named after people take no honorific between: a family stays a person's.
        ("Gia đình ông Vũ Văn Điền phát hiện hũ tiền cổ.", ["Vũ Văn Điền"]),
    ],
)
def test_sites_named_after_the_person_they_honour(text: str, expected: list[str]) -> None:
    assert [n for n, _ in _people(text)] == expected


def test_a_list_keeps_a_stage_name_that_opens_on_anh_and_a_post_takes_a_patronymic() -> None:
    text = (
        "Chung kết gồm Ali Hoàng Dương, Hiền Mai, Anh Tú và Hiền Hồ. "
        "Quốc vương Qatar Sheikh Tamim bin Hamad Al-Thani đến."
    )
    names = [n for n, _ in _people(text)]
    # Sheikh is an honorific (honorifics.tsv), outside the name; the patronymic is inside.
    assert "Hiền Hồ" in names and "Anh Tú" in names and "Tamim bin Hamad Al-Thani" in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A state's post before a family name no Vietnamese syllable spells.
        ("Hôm qua, Tổng thống Mortensen nói rằng kinh tế đã khá hơn.", ["Mortensen"]),
        ("Ngoại trưởng Lindqvist, người đứng đầu ngành ngoại giao, cho biết.", ["Lindqvist"]),
        ("Thủ tướng Úc Albright đã đến Hà Nội.", ["Albright"]),
        # A monarch keeps the regnal number.
        ("Buổi lễ có Quốc vương Harald V tham dự.", ["Harald V"]),
        # A government named after its leader, and the name said again later.
        ("Chính sách của chính quyền Kowalski bị chỉ trích.", ["Kowalski"]),
        ("Thủ tướng Tanaka thăm Huế. Chuyến đi của Tanaka kéo dài ba ngày.", ["Tanaka", "Tanaka"]),
    ],
)
def test_a_family_name_after_a_state_post(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bà Hằng, Tổng giám đốc Vinafood, cho biết.", ["Hằng"]),  # a body's post: the body
        ("CEO Zalopay cho biết doanh thu tăng.", []),
        ("Chính quyền Syria đã đồng ý ngừng bắn.", []),  # the state's government
        ("NASA sẽ phóng Tàu thăm dò Helios Prime vào năm tới.", []),  # a craft, not a person
    ],
)
def test_no_person_after_a_body_post_a_state_or_a_craft(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word that ends in a blocker syllable is no blocker: gia đình, yêu cầu.
        ("Con chó cắn bé trai tại gia đình chị Nhàn ở thôn 3.", ["Nhàn"]),
        ("UBND xã yêu cầu anh Khải giải trình.", ["Khải"]),
        # An initial after a form of address, then the same initial alone later on.
        ("Mẹ em K. cho biết, sáng 12/5, K. đang ở nhà thì bị đánh.", ["K", "K"]),
        # A foreign name run does not take the first syllable of the next sentence.
        ("Chủ tịch Quốc hội Campuchia Heng Samrin Củng cố quan hệ là ưu tiên.", ["Heng Samrin"]),
    ],
)
def test_names_after_compounds_initials_and_lost_stops(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "bạn" before the name of a young person in youth and school news.
        ("Bạn Lê Thu Hà (lớp 12) chia sẻ cảm nghĩ.", ["Lê Thu Hà"]),
        ("Theo bạn Khoa, đề thi năm nay khá dễ.", ["Khoa"]),
        # "bạn" before a country is a friendly nation.
        ("Việt Nam luôn sát cánh cùng bạn Lào.", []),
    ],
)
def test_a_young_person_after_ban(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _people(text)] == expected
