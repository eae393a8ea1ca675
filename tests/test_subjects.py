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
