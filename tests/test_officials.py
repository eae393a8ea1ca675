"""Officials: every post a person holds, short forms merged, no official from a byline."""

from __future__ import annotations

from pipeline.api import extract_path, extract_text
from pipeline.record.validate import validate_record

from conftest import CORPUS

TEXT = (
    "Xã Tân Phúc tổng kết năm\n\n"
    "Ông Lê Văn Thành, Bí thư Đảng ủy kiêm Chủ tịch UBND xã Tân Phúc, cho biết năm nay xã "
    "hoàn thành các chỉ tiêu. Theo ông Thành, toàn xã có 1.240 hộ. Đồng chí Nguyễn Văn An - "
    "Phó Chủ tịch UBND huyện Nông Cống phát biểu. Ông An đánh giá cao kết quả của xã.\n\n"
    "Ảnh: Trần Hùng\n\nLê Văn Thành"
)


def _officials(record: dict) -> dict[str, dict]:
    text = {m["id"]: m["text"] for m in record["mentions"]}
    return {
        o["name"]: {
            "mentions": [text[m] for m in o["mentions"]],
            "posts": [(p["text"], text.get(p["org"]), text.get(p["place"])) for p in o["posts"]],
        }
        for o in record["officials"]
    }


def test_every_post_with_its_body_and_place_and_short_forms() -> None:
    record = extract_text(TEXT)
    assert validate_record(record, source_text=TEXT) == []
    officials = _officials(record)
    assert officials["Lê Văn Thành"]["posts"] == [
        ("Bí thư Đảng ủy", "Đảng ủy", "xã Tân Phúc"),
        ("Chủ tịch UBND xã Tân Phúc", "UBND xã Tân Phúc", "xã Tân Phúc"),
    ]
    # ``ông Thành`` joins him; the byline with the same name does not.
    assert officials["Lê Văn Thành"]["mentions"] == ["Lê Văn Thành", "Thành"]
    assert officials["Nguyễn Văn An"]["mentions"] == ["Nguyễn Văn An", "An"]
    assert "Trần Hùng" not in officials
    for post in record["officials"][0]["posts"]:
        assert TEXT[post["start"] : post["end"]] == post["text"]


def test_no_official_is_built_from_an_author_on_the_corpus() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        record = extract_path(path)
        authors = {m["id"] for m in record["mentions"] if m.get("role") == "author"}
        for official in record["officials"]:
            assert not authors & set(official["mentions"]), path.name


def test_two_posts_on_the_corpus() -> None:
    officials = _officials(extract_path(CORPUS / "c10_vuthu_huy_hieu_dang.txt"))
    posts = [text for text, _, _ in officials["Đặng Minh Khoa"]["posts"]]
    assert posts == ["Ủy viên Ban Thường vụ Tỉnh ủy", "Bí thư Huyện ủy Vũ Thư"]
