"""Classes of the twenty-third blind round (award news again). Every sentence is synthetic."""

from __future__ import annotations

from conftest import mentions_of, texts_of, titles_of

# -- PERSON: a photographer after the agency's slash, a leader's legacy --------------------------


def test_the_photographer_after_an_agency_slash_is_the_credit() -> None:
    text = (
        "Thủ tướng tiếp đoàn doanh nghiệp. Ảnh: VGP/Minh Khôi Thủ tướng đề nghị các bộ hỗ trợ. "
        "Binh sĩ tuần tra. Ảnh: AFP/TTXVN"
    )
    people = mentions_of(text, "PERSON")
    assert [(m["text"], m.get("role")) for m in people] == [("Minh Khôi", "author")]
    assert "title" not in people[0]
    assert texts_of(text, "TITLE") == ["Thủ tướng", "Thủ tướng"]


def test_a_full_name_after_a_noun_of_its_legacy_is_the_person() -> None:
    text = (
        "Chi bộ học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. "
        "Ông chuyển về TP Hồ Chí Minh công tác."
    )
    assert texts_of(text, "PERSON") == ["Hồ Chí Minh"]
    assert texts_of(text, "PLACE") == ["TP Hồ Chí Minh"]


# -- FIGURE, AWARD: friends, exemplary people, households after a place --------------------------


def test_friends_are_counted_but_two_of_you_is_no_count() -> None:
    text = "Em Nam bơi ra cứu 3 bạn đuối nước. Tình cảm của hai bạn ngày càng bền chặt."
    assert texts_of(text, "FIGURE") == ["3 bạn"]


def test_exemplary_people_honoured_are_an_award_with_their_quoted_movement() -> None:
    text = (
        "Hội nghị đã tuyên dương 45 gương điển hình và biểu dương 30 gương “Dân vận khéo” của tỉnh."
    )
    awards = mentions_of(text, "AWARD")
    assert [(m["text"], m["recipient"]) for m in awards] == [
        ("45 gương điển hình", "individual"),
        ("30 gương “Dân vận khéo”", "individual"),
    ]


def test_union_groups_are_collective_recipients() -> None:
    text = "Đại hội đã khen thưởng 6 tổ công đoàn và 21 đoàn viên xuất sắc."
    awards = mentions_of(text, "AWARD")
    assert [(m["text"], m["recipient"]) for m in awards] == [
        ("6 tổ công đoàn", "collective"),
        ("21 đoàn viên", "individual"),
    ]


def test_households_after_a_districts_name_are_counted() -> None:
    text = "Dự án thu hồi đất của 1.530 hộ (quận Hoàng Mai 912 hộ, quận Thanh Xuân 618 hộ)."
    assert texts_of(text, "FIGURE") == ["1.530 hộ", "912 hộ", "618 hộ"]


def test_a_youth_age_group_with_a_dot_is_no_count() -> None:
    text = "Giải U.19 Quốc gia và giải U-21 báo Thanh Niên khởi tranh với 12 đội."
    assert texts_of(text, "FIGURE") == ["12 đội"]


# -- TITLE: the deputy named by Phó and the body's word -------------------------------------------


def test_a_deputy_head_written_pho_ban_is_a_post() -> None:
    text = "Bộ Chính trị điều động ông Trần Văn Hải giữ chức Phó ban Dân vận Trung ương."
    assert texts_of(text, "TITLE") == ["Phó ban Dân vận Trung ương"]
    assert titles_of(text)["Trần Văn Hải"] == "Phó ban Dân vận Trung ương"


def test_faces_honoured_are_counted_whole_and_friends_receive_no_award() -> None:
    text = "Lễ tuyên dương 120 gương mặt tiêu biểu. Hai vợ chồng trao nhau nhẫn trước 30 bạn."
    assert texts_of(text, "AWARD") == ["120 gương mặt"]
    assert texts_of(text, "FIGURE") == ["30 bạn"]
