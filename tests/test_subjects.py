"""FIGURE subjects (guide v2, "Relations") on synthetic sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.api import extract_text


def _subjects(text: str) -> dict[str, str | None]:
    record = extract_text(text)
    by_id = {m["id"]: m for m in record["mentions"]}
    return {
        m["text"]: (by_id[m["subject"]]["text"] if m.get("subject") else None)
        for m in record["mentions"]
        if m["label"] == "FIGURE"
    }


def test_topic_of_the_sentence_over_a_nearer_complement() -> None:
    subjects = _subjects(
        "Xã Tân Phú nằm ở phía Bắc của huyện Đồng Xuân, có diện tích tự nhiên là 320,5 ha, "
        "với 850 hộ, 3.100 nhân khẩu."
    )
    assert subjects == {
        "320,5 ha": "Xã Tân Phú",
        "850 hộ": "Xã Tân Phú",
        "3.100 nhân khẩu": "Xã Tân Phú",
    }


def test_giver_and_recipient() -> None:
    subjects = _subjects("Năm nay, UBND huyện Đồng Xuân hỗ trợ mỗi hộ 5 triệu đồng để sửa nhà.")
    assert subjects == {"5 triệu đồng": None}


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        ("Tháng 5/2023, xã Tân Phú trồng 120 ha lúa.", "120 ha", "xã Tân Phú"),
        ("Ông Trần Văn Bình cho biết, hơn 500 người tham dự lễ hội.", "500 người", None),
    ],
)
def test_one_figure(text: str, figure: str, subject: str | None) -> None:
    assert _subjects(text)[figure] == subject


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
    assert _subjects(text)[figure] == subject
