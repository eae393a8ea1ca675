"""PLACE classes found in a blind check of unseen news (places round 3): named landmarks
with a capitalised unit word, places inside other names, units named after a person,
routes between units, small foreign cities. Every sentence here is synthetic."""

from __future__ import annotations

import pytest

from pipeline.api import extract_text
from pipeline.extractors import places
from pipeline.text.ingest import normalise
from pipeline.text.tokenize import build_context


def _found(text: str) -> list[tuple[str, str]]:
    ctx = build_context(normalise(text))
    return [
        (ctx.text[m.start : m.end], m.attrs["level"])
        for m in places.component(ctx, [])
        if m.label == "PLACE"
    ]


def _labels(text: str, *labels: str) -> list[tuple[str, str]]:
    return [(m["label"], m["text"]) for m in extract_text(text)["mentions"] if m["label"] in labels]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đoàn khách leo Núi Cấm Xanh rồi vào Hang Đá Trắng.",
            [("Núi Cấm Xanh", "other"), ("Hang Đá Trắng", "other")],
        ),
        (
            "Xe vượt Đèo Gió Lộng, qua Thác Bạc Tiên tới Bến Đò Mây.",
            [("Đèo Gió Lộng", "other"), ("Thác Bạc Tiên", "other"), ("Bến Đò Mây", "other")],
        ),
        ("Tàu neo gần Hòn Mây Xa.", [("Hòn Mây Xa", "other")]),
        # A capitalised village word inside the segmenter's compound (đình làng).
        ("Lễ hội ở đình Làng Gạo Mới diễn ra hôm qua.", [("Làng Gạo Mới", "village")]),
        # Hồ is a family name: a lake only with a place cue or another place in its list.
        (
            "Các công trình như: Hồ Đồng Sen, kè sông Mây, đường Lúa Vàng được sửa.",
            [("Hồ Đồng Sen", "other"), ("sông Mây", "other"), ("đường Lúa Vàng", "other")],
        ),
        ("Du khách đổ về khu du lịch Hồ Mây Ngàn.", [("khu du lịch Hồ Mây Ngàn", "other")]),
        ("Nước dâng cao tại Hồ Sen Biếc.", [("Hồ Sen Biếc", "other")]),
    ],
)
def test_landmarks_with_a_capitalised_unit_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ông Hồ Văn Tám, SN 1970, trú tại thôn 3.",
        "Tại Hồ Minh Tâm (45 tuổi) khai nhận.",
        "Anh Hồ Đức Lương cho biết.",
    ],
)
def test_a_family_name_hồ_stays_a_person(text: str) -> None:
    assert not any(level == "other" and t.startswith("Hồ") for t, level in _found(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Administrative units whose name opens with a landmark word stay units.
        ("Người dân huyện Núi Thành đón bão.", [("huyện Núi Thành", "district")]),
        ("Người dân từ Hòn Đất đến dự.", [("Hòn Đất", "district")]),
    ],
)
def test_units_named_with_a_landmark_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theo Điện lực Mỹ Đức, lưới điện đã ổn định.", [("Mỹ Đức", "district")]),
        ("Phạm nhân bị giam ở Nhà tù Chợ Chu.", [("Chợ Chu", "commune")]),
        ("Theo Công an Cầu Giấy, vụ việc đang được xác minh.", [("Cầu Giấy", "district")]),
        # A school or company named after a person or a brand holds no place.
        ("Trường THCS Lê Lợi khai giảng.", []),
    ],
)
def test_a_unit_written_bare_inside_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Theo Điện lực Hai Bà Trưng, sự cố đã được khắc phục.", "Hai Bà Trưng"),
        ("Chi cục Thuế quận Hai Bà Trưng vừa gửi thông báo.", "quận Hai Bà Trưng"),
        ("Bệnh viện Bà Rịa đã tiếp nhận bệnh nhân.", "Bà Rịa"),
    ],
)
def test_a_unit_named_after_a_person_is_no_person(text: str, place: str) -> None:
    found = _labels(text, "PLACE", "PERSON")
    assert ("PLACE", place) in found
    assert not [t for label, t in found if label == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Lớp học ở cơ sở Minh Sơn (Hai Bà Trưng, Hà Nội) tạm nghỉ.",
        "Công trình ở số 12 Hai Bà Trưng bị đình chỉ.",
        "Học sinh trường tiểu học Tân Hòa (Bà Rịa) được nghỉ.",
    ],
)
def test_no_person_is_the_tail_of_a_unit_name(text: str) -> None:
    assert not _labels(text, "PERSON")


def test_a_capitalised_honorific_opening_a_sentence_keeps_its_person() -> None:
    assert ("PERSON", "Sơn") in _labels("Anh Sơn cho biết sẽ về quê.", "PERSON")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Xe khách chạy theo hướng Hà Nam - Nam Định.",
            [("Hà Nam", "province"), ("Nam Định", "province")],
        ),
        (
            "Tuyến xe buýt Hà Nội - Hà Đông - Sơn Tây chạy lại.",
            [("Hà Nội", "province"), ("Hà Đông", "district"), ("Sơn Tây", "district")],
        ),
        ("Tuyến Mỹ Đức – Hà Nội đông xe.", [("Mỹ Đức", "district"), ("Hà Nội", "province")]),
        (
            "Xe chạy từ Thanh Hóa đi Tĩnh Gia.",
            [("Thanh Hóa", "province"), ("Tĩnh Gia", "district")],
        ),
    ],
)
def test_the_ends_of_a_route(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_a_landmark_after_a_place_in_its_list() -> None:
    assert _found("Các hạng mục gồm: kè sông Mây, Hồ Đồng Sen được sửa.") == [
        ("sông Mây", "other"),
        ("Hồ Đồng Sen", "other"),
    ]


def test_a_border_gate_with_its_class() -> None:
    places = [
        m["text"]
        for m in extract_text("Hàng qua Cửa khẩu quốc tế Hữu Nghị tăng mạnh.")["mentions"]
        if m["label"] == "PLACE"
    ]
    assert "Cửa khẩu quốc tế Hữu Nghị" in places


def test_countries_and_capitals_in_the_state_press_transliteration() -> None:
    text = "Phái đoàn Cu-ba thăm Mát-xcơ-va rồi đến Oa-sinh-tơn, sau đó sang Ca-na-đa."
    places = {
        m["text"]: m.get("name") for m in extract_text(text)["mentions"] if m["label"] == "PLACE"
    }
    assert places == {
        "Cu-ba": "Cuba",
        "Mát-xcơ-va": "Mát-xcơ-va",
        "Oa-sinh-tơn": "Oa-sinh-tơn",
        "Ca-na-đa": "Canada",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Read once as the country with its cue, the bare word is the country again.
        (
            "Cảnh sát Đức bắt hai nghi phạm. Đức siết chặt an ninh biên giới.",
            [("Đức", "country"), ("Đức", "country")],
        ),
        (
            "Tổng thống Nga thăm Ấn Độ. Hai bên ký thỏa thuận mua vũ khí của Nga.",
            [("Nga", "country"), ("Ấn Độ", "country"), ("Nga", "country")],
        ),
        (
            "Hải quân Anh thử nghiệm tàu mới. Anh sẽ đóng thêm hai chiếc.",
            [("Anh", "country"), ("Anh", "country")],
        ),
    ],
)
def test_a_cued_country_is_the_country_again_when_bare(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The same word as a person's name, the pronoun or an ethnic group elsewhere.
        "Ông Đức sang nước Đức công tác. Đức kể lại chuyến đi.",
        "Chị Lê Thị Nga từng sống ở Nga. Nga cho biết sẽ trở lại.",
        "Anh Hùng sang nước Anh du học. Anh nói sẽ về nước làm việc, anh kể.",
        "Cảnh sát Anh đã có mặt. Anh ấy cho biết sẽ ở lại.",
    ],
)
def test_a_country_word_used_for_a_person_is_not_repeated(text: str) -> None:
    assert len(_found(text)) == 1


def test_an_ethnic_group_is_not_the_country() -> None:
    text = "Lễ hội của người Thái có nhiều nghi thức. Theo đồng bào Thái ở đây, lễ có từ lâu."
    assert ("Thái", "country") not in _found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Relic sites, export-processing zones, new urban areas, interchanges and fields.
        ("Du khách đến Khu di tích Đền Hùng rất đông.", [("Khu di tích Đền Hùng", "other")]),
        ("Công nhân KCX Linh Trung tan ca sớm.", [("KCX Linh Trung", "other")]),
        ("Dự án nằm trong khu đô thị mới Văn Phú.", [("khu đô thị mới Văn Phú", "other")]),
        ("Xe ùn tắc ở nút giao Mai Dịch suốt buổi sáng.", [("nút giao Mai Dịch", "other")]),
        ("Lúa ở cánh đồng Gò Mây đã trổ bông.", [("cánh đồng Gò Mây", "other")]),
    ],
)
def test_sites_zones_interchanges_and_fields(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected
