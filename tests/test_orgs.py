"""pipeline.extractors.orgs: national bodies, media, banks and airlines by name (synthetic text)."""

from __future__ import annotations

import pytest

from pipeline.api import extract_text


def _orgs(text: str) -> set[str]:
    record = extract_text(text)
    return {m["text"] for m in record["mentions"] if m["label"] == "ORG"}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Theo kết luận, Kiểm toán Nhà nước đề nghị xử lý trách nhiệm.", "Kiểm toán Nhà nước"),
        ("Ông đã có 30 năm phục vụ trong Quân đội nhân dân.", "Quân đội nhân dân"),
        ("Ngày 3/5, Cơ quan Cảnh sát điều tra đã khởi tố vụ án.", "Cơ quan Cảnh sát điều tra"),
        ("Hôm qua CDC Nam Định đã lấy 50 mẫu xét nghiệm.", "CDC Nam Định"),
        ("Chương trình được phát sóng trên VTV vào tối thứ bảy.", "VTV"),
        ("Khách hàng có thể vay vốn tại Agribank với lãi suất ưu đãi.", "Agribank"),
        ("Chuyến bay của Vietnam Airlines hạ cánh lúc 10 giờ.", "Vietnam Airlines"),
    ],
)
def test_named_national_bodies_are_orgs(text: str, org: str) -> None:
    assert org in _orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Năm nay, HTX đã bán được 20 tấn rau sạch.",
        "Ông được bầu làm Giám đốc Hợp tác xã từ năm ngoái.",
    ],
)
def test_a_cooperative_named_alone_is_an_org(text: str) -> None:
    """In an article about one cooperative, bare ``HTX``/``Hợp tác xã`` is that body."""
    assert _orgs(text) & {"HTX", "Hợp tác xã"}


def test_plural_cooperatives_are_not_an_org() -> None:
    assert not _orgs("Các HTX trong tỉnh đều có lãi.") & {"HTX", "Các HTX"}
