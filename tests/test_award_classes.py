"""AWARD classes met in unseen news (issue 11, class 7), on synthetic text."""

from __future__ import annotations

import pytest

from pipeline.api import extract_text


def _awards(text: str) -> list[tuple[str, int, str]]:
    record = extract_text(text)
    return [
        (m["text"], m["count"], m["recipient"]) for m in record["mentions"] if m["label"] == "AWARD"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Compound recipient nouns.
        (
            "Sở Y tế tặng giấy khen cho 8 cán bộ, y bác sĩ và 5 đội viên.",
            [("8 cán bộ, y bác sĩ", 8, "individual"), ("5 đội viên", 5, "individual")],
        ),
        # A breakdown counted with đ/c (comrades).
        (
            "Giám đốc Công an tỉnh khen thưởng 9 cá nhân, trong đó có 4 đ/c thuộc Phòng "
            "Cảnh sát kinh tế, 5 đ/c thuộc Công an huyện.",
            [
                ("9 cá nhân", 9, "individual"),
                ("4 đ/c", 4, "individual"),
                ("5 đ/c", 5, "individual"),
            ],
        ),
        # A school grade is never an award count.
        ("Em Mai, học sinh lớp 8 trường THCS Tân Lập, được tặng giấy khen.", []),
        # An inspection count is not; the rewarded count in the same clause is.
        (
            "Đoàn đã kiểm tra 30 doanh nghiệp và tặng bằng khen cho 4 doanh nghiệp.",
            [("4 doanh nghiệp", 4, "collective")],
        ),
        # A longer noun decides: "trường hợp" (cases) is not "trường" (schools).
        ("Có ba trường hợp được tặng quà.", []),
        # "trong số" is not the code word "số".
        (
            "Trong số 12 học sinh được tặng học bổng có 5 em dân tộc thiểu số.",
            [("12 học sinh", 12, "individual"), ("5 em", 5, "individual")],
        ),
        # A toll is not an award.
        (
            "Vụ cháy làm 3 người tử vong, tỉnh đã trao quà cho 3 gia đình.",
            [("3 gia đình", 3, "family")],
        ),
    ],
)
def test_award_classes(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert _awards(text) == expected


def test_being_hired_is_no_award() -> None:
    text = "Năm 2016, 6 người thân của ông Lê Văn Tám đã được nhận vào làm việc tại huyện."
    labels = [(m["label"], m["text"]) for m in extract_text(text)["mentions"]]
    assert ("FIGURE", "6 người thân") in labels
    assert not [x for x in labels if x[0] == "AWARD"]
