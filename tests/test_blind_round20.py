"""Classes of the twentieth blind round. Every sentence here is synthetic."""

from __future__ import annotations

from conftest import texts_of, titles_of

# -- TITLE: a monarch's post --------------------------------------------------------------------


def test_a_king_named_after_vua_holds_the_post() -> None:
    text = "Năm 1836, vua Minh Mạng cho đúc chín chiếc đỉnh đồng."
    assert texts_of(text, "TITLE") == ["vua"]
    assert titles_of(text) == {"Minh Mạng": "vua"}


def test_a_king_with_his_country_and_the_respect_word_outside() -> None:
    text = "Chủ tịch nước gửi điện mừng tới Nhà vua Na Uy Harald V nhân dịp quốc khánh."
    assert "vua Na Uy" in texts_of(text, "TITLE")
    assert titles_of(text)["Harald V"] == "vua Na Uy"


def test_chess_and_the_kings_cup_hold_no_post() -> None:
    text = "Kỳ thủ cờ vua Trần Minh Đức vừa xem trận bán kết Cúp Nhà vua Tây Ban Nha."
    assert texts_of(text, "TITLE") == []


def test_a_champion_called_king_of_something_holds_no_post() -> None:
    text = "Tiền đạo Lucas Mendes, Vua phá lưới giải năm ngoái, vừa gia hạn hợp đồng."
    assert texts_of(text, "TITLE") == []


def test_a_king_alone_is_no_post_even_when_one_is_named_elsewhere() -> None:
    text = (
        "Dân làng rước kiệu vua Lê Thái Tổ quanh đình. Hằng năm, các cụ vào vai Vua, Chúa để tế lễ."
    )
    assert texts_of(text, "TITLE") == ["vua"]
