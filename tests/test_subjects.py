"""FIGURE subjects (guide v2, "Relations") on synthetic sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.api import extract_text

from conftest import subjects_of


def test_topic_of_the_sentence_over_a_nearer_complement() -> None:
    subjects = subjects_of(
        "Xã Tân Phú nằm ở phía Bắc của huyện Đồng Xuân, có diện tích tự nhiên là 320,5 ha, "
        "với 850 hộ, 3.100 nhân khẩu."
    )
    assert subjects == {
        "320,5 ha": "Xã Tân Phú",
        "850 hộ": "Xã Tân Phú",
        "3.100 nhân khẩu": "Xã Tân Phú",
    }


def test_giver_and_recipient() -> None:
    subjects = subjects_of("Năm nay, UBND huyện Đồng Xuân hỗ trợ mỗi hộ 5 triệu đồng để sửa nhà.")
    assert subjects == {"5 triệu đồng": None}


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        ("Tháng 5/2023, xã Tân Phú trồng 120 ha lúa.", "120 ha", "xã Tân Phú"),
        ("Ông Trần Văn Bình cho biết, hơn 500 người tham dự lễ hội.", "500 người", None),
    ],
)
def test_one_figure(text: str, figure: str, subject: str | None) -> None:
    assert subjects_of(text)[figure] == subject


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # The named recipient of money, even after the giver.
        (
            "Dịp này, Công ty An Phát hỗ trợ UBND xã Tân Phú số tiền 30 triệu đồng.",
            "30 triệu đồng",
            "UBND xã Tân Phú",
        ),
        # A price belongs to no one.
        ("Ông Trần Văn Bình bán cam với giá 25.000 đồng/kg.", "25.000 đồng", None),
        # An owner written after the figure.
        (
            "Hơn 120 đoàn viên của Huyện đoàn Đồng Xuân tham gia.",
            "120 đoàn viên",
            "Huyện đoàn Đồng Xuân",
        ),
        # A speaker is never the subject; "trên địa bàn xã" points back to the commune.
        (
            "Ông Trần Văn Bình, Chủ tịch UBND xã Tân Phú, cho biết trên địa bàn xã có 850 hộ.",
            "850 hộ",
            "xã Tân Phú",
        ),
        # The households counted receive; they own nothing.
        ("UBND xã Tân Phú đã cấp đất cho 12 hộ, với tổng diện tích 2.400 m2.", "2.400 m2", None),
    ],
)
def test_relations_of_the_guide(text: str, figure: str, subject: str | None) -> None:
    assert subjects_of(text)[figure] == subject


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # A bare unit word after "của" points back to the place of that level, even one in
        # the speaker's title.
        (
            "Chủ tịch UBND huyện Nghi Xuân cho biết: năm nay, trong 30 chỉ tiêu của huyện có "
            "25 chỉ tiêu đạt kế hoạch.",
            "30 chỉ tiêu",
            "huyện Nghi Xuân",
        ),
        (
            "Chủ tịch UBND huyện Nghi Xuân cho biết: năm nay, trong 30 chỉ tiêu của huyện có "
            "25 chỉ tiêu đạt kế hoạch.",
            "25 chỉ tiêu",
            "huyện Nghi Xuân",
        ),
        # Neither a proposer nor the body it addresses owns what it asks for.
        (
            "Sở Tài chính tỉnh Quảng Nam đề xuất UBND tỉnh Quảng Nam lập quỹ nhà ở xã hội "
            "khoảng 5.000 căn.",
            "5.000 căn",
            None,
        ),
        (
            "Chủ tịch UBND tỉnh yêu cầu Sở Kế hoạch và Đầu tư chuyển hồ sơ của 600 dự án cho "
            "các chủ đầu tư.",
            "600 dự án",
            None,
        ),
        ("UBND tỉnh giao UBND huyện Mỹ Đức thu hồi đất của 14 hộ.", "14 hộ", None),
        # … but a place's own government proposing speaks for the place (``TP.`` is no stop).
        (
            "Chủ tịch UBND TP. Hà Nội Trần Văn An vừa đề nghị HĐND TP điều chỉnh giảm 15 dự án "
            "với tổng diện tích 40 ha.",
            "40 ha",
            "TP. Hà Nội",
        ),
        # A fine belongs to the one fined, never to the body that fines …
        ("Năm 2022, Thanh tra Sở Xây dựng đã xử phạt 40 triệu đồng.", "40 triệu đồng", None),
        (
            "Công ty Cổ phần Hòa Phát bị phạt 35 triệu đồng.",
            "35 triệu đồng",
            "Công ty Cổ phần Hòa Phát",
        ),
        ("Nhà thầu dự án ở Đà Nẵng bị phạt 35 triệu đồng.", "35 triệu đồng", None),
        # … while the cases it handles are its own (its place's, for a people's committee).
        (
            "Năm 2022, UBND phường Tân An đã xử lý vi phạm hành chính 12 trường hợp.",
            "12 trường hợp",
            "phường Tân An",
        ),
        # Places counted after a preposition, and ``một trong N``, own nothing.
        ("Đoàn công tác đã làm việc tại 4 tỉnh này.", "4 tỉnh", None),
        ("Trường THPT Chu Văn An là một trong 8 đơn vị được chọn.", "8 đơn vị", None),
        # Money handed over by the clause's agent.
        ("Sau đó, Trần Văn Bình chuyển 300.000 đồng cho người bán.", "300.000 đồng", None),
        # A reporter after a headline joined by a run of spaces.
        (
            "Hà Nội lấy ý kiến người dân  Theo thống kê trên Cổng thông tin Hà Nội, có 5.000 "
            "người cho ý kiến.",
            "5.000 người",
            None,
        ),
        # A speaker whose report has no subject of its own is its subject …
        (
            "UBND tỉnh Quảng Nam cho biết, sẽ cần thêm khoảng 900 tỷ đồng để di dời dân.",
            "900 tỷ đồng",
            "tỉnh Quảng Nam",
        ),
        # … and a speaker closing a parenthesis is still a speaker.
        (
            "Bà Lê Thị Hoa, đại diện trường mầm non (phường Minh Khai, TP. Hà Nội) cho biết, "
            "nhà trường đã cho nghỉ việc 2 giáo viên.",
            "2 giáo viên",
            None,
        ),
        ("Nhân dân xã Tân Phú cho rằng diện tích 28 ha đó là đất nông nghiệp.", "28 ha", None),
        # Two places of one level joined own no figure together.
        ("Tỉnh Nam Định và tỉnh Thái Bình đã đạt 100% kế hoạch lấy nước.", "100%", None),
        # A clause continuing the topic's predicate: its object is not the subject.
        (
            "Ông Trần Văn Bình sinh năm 1950, được kết nạp Đảng năm 1970, 2 lần bị thương.",
            "2 lần",
            "Trần Văn Bình",
        ),
        # A route and its starting point are not what a distance measures.
        ("Từ trung tâm xã Tân Phú, vượt đèo Cả khoảng 12 km là đến trang trại.", "12 km", None),
        # A body that reports its own stock keeps it; arrests and the body of a speaker's
        # post do not (guide: arrested people are null).
        (
            "Công ty Vàng bạc Kim Long cho biết, đã chuẩn bị hơn 20.000 sản phẩm.",
            "20.000 sản phẩm",
            "Công ty Vàng bạc Kim Long",
        ),
        ("Công an huyện Chương Mỹ cho biết đã bắt giữ 2 đối tượng.", "2 đối tượng", None),
        (
            "Trung tá Trần Văn Dũng, Trưởng Công an huyện Chương Mỹ cho biết, đã có 5 cán bộ "
            "bị thương.",
            "5 cán bộ",
            None,
        ),
        # ``X đến năm 2025`` is a time, not a range of places.
        (
            "Ngành bia của Việt Nam đến năm 2025 sẽ sản xuất 4 tỷ lít bia.",
            "4 tỷ lít",
            "Việt Nam",
        ),
        # An owner after a comma: of a figure opening its clause, not of one ending it.
        (
            "Hơn 260 phóng viên, kỹ thuật viên của Đài Truyền hình Việt Nam đã có mặt.",
            "260 phóng viên",
            "Đài Truyền hình Việt Nam",
        ),
        (
            "Chiếc ô tô của ông Trần Văn An hư hỏng khoảng 4 triệu đồng, xe máy của ông Lê Văn "
            "Bình cũng bị hư hỏng.",
            "4 triệu đồng",
            "Trần Văn An",
        ),
        # An addressee that has the figure itself keeps it.
        (
            "Bí thư Thành ủy chất vấn Công an quận 3 có 400 chiến sĩ.",
            "400 chiến sĩ",
            "Công an quận 3",
        ),
    ],
)
def test_clause_structure(text: str, figure: str, subject: str | None) -> None:
    assert subjects_of(text)[figure] == subject


def test_explain_names_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.linkers import subjects

    seen: list[tuple[str | None, str]] = []
    explain = subjects.explain_subject

    def recording(*args: object) -> tuple[object, str]:
        found, rule = explain(*args)  # type: ignore[arg-type]
        seen.append((found.text if found else None, rule))
        return found, rule

    monkeypatch.setattr(subjects, "explain_subject", recording)
    extract_text("Năm 2022, Thanh tra Sở Xây dựng đã xử phạt 40 triệu đồng.")
    assert (None, "giver_after") in seen


def _subject_starts(text: str) -> dict[str, int | None]:
    record = extract_text(text)
    by_id = {m["id"]: m for m in record["mentions"]}
    return {
        m["text"]: (by_id[m["subject"]]["start"] if m.get("subject") else None)
        for m in record["mentions"]
        if m["label"] == "FIGURE"
    }


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # A quotation after a colon is the speaker's words, not the speaker's amount.
        ("Bí thư Trần Văn Bình: “300 cán bộ phải có mặt đúng giờ”.", "300 cán bộ", None),
        # Seized goods are no one's: neither the seizer's nor the carrier's.
        (
            "Công an huyện Đồng Xuân đã bắt giữ Lê Văn Tám khi đang chở 12 bánh heroin.",
            "12 bánh",
            None,
        ),
        # ``bắt đầu`` (begin) is no arrest.
        ("Xã Tân Phú bắt đầu trồng 120 ha lúa.", "120 ha", "Xã Tân Phú"),
        # A committee without its place after a counted post is part of the post.
        (
            "Trong số 8 cựu cán bộ phường, có 2 nguyên Chủ tịch UBND bị khởi tố.",
            "2 nguyên Chủ tịch",
            None,
        ),
        # What a taker takes per head is the taker's, not a price …
        (
            "Nguyễn Văn Tư là người môi giới, thu của mỗi người lao động 30 triệu đồng.",
            "30 triệu đồng",
            "Nguyễn Văn Tư",
        ),
        # … while a price per unit stays no one's.
        ("Mỗi căn hộ bán từ 3 tỷ đồng.", "3 tỷ đồng", None),
    ],
)
def test_quotes_seizures_posts_and_takers(text: str, figure: str, subject: str | None) -> None:
    assert subjects_of(text)[figure] == subject


def test_place_written_before_the_figure_wins_over_a_hometown_after_it() -> None:
    text = "Sở Lao động tỉnh Quảng Ngãi cho biết có 5 người lao động quê Quảng Ngãi bị thương."
    assert _subject_starts(text)["5 người lao động"] == text.index("tỉnh Quảng Ngãi")


def test_an_owner_after_của_stays_even_when_written_before() -> None:
    text = "Tại Lào, ông Bình đại diện nhân dân 16 tỉnh của Lào phát biểu."
    subjects = _subject_starts(text)
    assert subjects["16 tỉnh"] == text.rindex("Lào")


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # An amount of a drug is of goods to be seized, whoever carries it …
        ("Trong túi xách, Lê Văn Tám mang theo 4 bánh heroin.", "4 bánh", None),
        # … and a list of prices goes on being prices.
        (
            "Công ty An Phát mở bán căn hộ, mỗi căn từ 3 tỷ đồng, có căn lên đến 9 tỷ đồng.",
            "9 tỷ đồng",
            None,
        ),
        # A body that found cases in its place: the place.
        (
            "Đến chiều 5/3, CDC Phú Yên đã xác định được 120 trường hợp tiếp xúc gần.",
            "120 trường hợp",
            "Phú Yên",
        ),
        # A place of the first item of a list is not the next item's.
        ("Trong đó, có 1 ca bệnh tại xã Tân Phú, 3 ca bệnh là học sinh.", "3 ca bệnh", None),
        (
            "Trong đó, có 1 ca bệnh tại xã Tân Phú, 3 ca bệnh là học sinh.",
            "1 ca bệnh",
            "xã Tân Phú",
        ),
        # The storeys of a building are the building's.
        ("Xã Tân Phú đang xây dựng nhà văn hóa 2 tầng.", "2 tầng", None),
        # A fine with no one fined before it: the party ordered to comply right after it.
        (
            "Sở Xây dựng xử phạt 60 triệu đồng, đồng thời buộc Công ty An Phát tháo dỡ công trình.",
            "60 triệu đồng",
            "Công ty An Phát",
        ),
    ],
)
def test_goods_prices_findings_lists_and_fines(text: str, figure: str, subject: str | None) -> None:
    assert subjects_of(text)[figure] == subject


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # A place before a colon is a headline's topic, not a speaker.
        ("Hà Nội: “Điểm danh” 8 doanh nghiệp nợ thuế.", "8 doanh nghiệp", "Hà Nội"),
        # A place after a conjunction opens the next clause, not the previous list item.
        (
            "Ở nhiều nước, chi cho y tế tối thiểu 50% nhưng ở Việt Nam mới khoảng 30%.",
            "30%",
            "Việt Nam",
        ),
        # A place of another level with the same name is another place.
        (
            "Sở Y tế tỉnh Bắc Kạn cho biết có 3 ca bệnh ở thành phố Bắc Kạn.",
            "3 ca bệnh",
            "thành phố Bắc Kạn",
        ),
        # With ``được`` the finding must be the figure itself, not a name of it.
        (
            "Đến chiều 5/3, Công an tỉnh Phú Yên đã xác định được danh tính 2 nghi can.",
            "2 nghi can",
            None,
        ),
    ],
)
def test_guards_of_the_new_rules(text: str, figure: str, subject: str | None) -> None:
    assert subjects_of(text)[figure] == subject


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # A place inside a parenthetical aside owns what the aside says, not what follows.
        (
            "Số thu được chia theo phân cấp (theo quy định của luật hiện hành, tỉnh Phú Yên "
            "được giữ lại 30% số thu này), các khoản thu còn lại nộp ngân sách trung ương 100%.",
            {"30%": "tỉnh Phú Yên", "100%": None},
        ),
        # The recipient of an earlier figure does not own a later one.
        (
            "Trung ương cấp cho tỉnh Phú Yên 60% số tăng thu và các khoản thu ngân sách "
            "trung ương được hưởng 100%.",
            {"60%": "tỉnh Phú Yên", "100%": None},
        ),
    ],
)
def test_asides_and_earlier_recipients(text: str, subjects: dict[str, str | None]) -> None:
    assert subjects_of(text) == subjects


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # A list of places of one level owns no figure as one.
        (
            "Nhiều địa phương như huyện Đồng Xuân, huyện Tuy An, huyện Sơn Hòa đã nhân rộng mô "
            "hình trồng sâm với tổng diện tích lên tới 450 ha.",
            "450 ha",
            None,
        ),
        # A named locality, its commune and district: an appositive chain, read to its head.
        (
            "Tỉnh sẽ kè các đoạn: Bãi Rạng, xã Tân Phú, huyện Đồng Xuân, dài 800 m.",
            "800 m",
            "Bãi Rạng",
        ),
    ],
)
def test_lists_and_chains_of_places(text: str, figure: str, subject: str | None) -> None:
    assert subjects_of(text)[figure] == subject


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # The people an employer gives work to are its workforce …
        (
            "Công ty An Phát đã tạo việc làm cho 40 lao động địa phương.",
            "40 lao động",
            "Công ty An Phát",
        ),
        # … while households given land are recipients counted, no one's.
        ("UBND huyện Đồng Xuân đã giao đất cho 12 hộ dân.", "12 hộ dân", None),
    ],
)
def test_workforce_and_recipients(text: str, figure: str, subject: str | None) -> None:
    assert subjects_of(text)[figure] == subject


def test_a_landmark_a_distance_is_measured_from_owns_nothing() -> None:
    assert subjects_of("Ngôi nhà nằm cách nhà ông Lê Văn Tám chừng 80 m.") == {"80 m": None}
    assert subjects_of("Xã Tân Phú cách thị trấn Chí Thạnh khoảng 20 km.") == {
        "20 km": "Xã Tân Phú"
    }


def test_a_name_inside_a_counted_noun_owns_nothing() -> None:
    subjects = subjects_of("Hiện nay, toàn xã có 158 mẹ Việt Nam Anh hùng và 517 liệt sĩ.")
    assert subjects == {"158 mẹ Việt Nam Anh hùng": None, "517 liệt sĩ": None}


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # An investigator is no owner of the casualties it looks into.
        ("Công an huyện Tân Phú đang điều tra vụ cháy làm 2 người bị thương.", "2 người"),
        # A road travelled on only locates the crash.
        ("Xe khách chạy trên quốc lộ 14 tông vào 4 xe máy đang dừng đèn đỏ.", "4 xe máy"),
    ],
)
def test_investigators_and_roads_travelled_own_nothing(text: str, figure: str) -> None:
    assert subjects_of(text)[figure] is None


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # Offenders counted act in the story; a distance after "cách" is how far, no one's.
        ("Tại xóm Bến, ba đối tượng đeo khẩu trang đã cướp xe máy.", "ba đối tượng"),
        ("Bò chết ở bìa rừng thôn Đông (cách nhà ông Tâm khoảng 2km).", "2km"),
    ],
)
def test_offenders_and_distances_are_no_ones(text: str, figure: str) -> None:
    assert subjects_of(text)[figure] is None


def test_a_length_not_after_cach_keeps_its_subject() -> None:
    assert subjects_of("Xã Tân Lập có tuyến đường trục dài 12km.")["12km"] == "Xã Tân Lập"
    assert subjects_of("Xã Tân Lập cách trung tâm huyện 12km.")["12km"] == "Xã Tân Lập"


def test_the_household_after_a_figure_owns_it() -> None:
    text = "Đàn bò có 8 con bò của gia đình ông Nguyễn Văn Vân bị chết."
    assert subjects_of(text)["8 con bò"] == "Nguyễn Văn Vân"
    text = "Theo lãnh đạo huyện, 7 người trong gia đình ông Lê Văn Hùng cùng làm quan."
    assert subjects_of(text)["7 người"] == "Lê Văn Hùng"
