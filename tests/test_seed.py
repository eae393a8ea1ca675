"""The seed article end to end: every label against its gold, and the relations built on them."""

from __future__ import annotations

import pytest

from pipeline.record.validate import validate_record

from conftest import SEED_TEXT

ATTRS = {
    "DATE": ("value",),
    "FIGURE": ("value", "unit", "quantity"),
    "PLACE": ("level", "name"),
    "ORG": ("expanded",),
    "PERSON": ("title", "role"),
    "TITLE": (),
    "AWARD": ("count", "recipient"),
}


def _view(mentions: list[dict], label: str) -> list[tuple]:
    return sorted(
        (m["start"], m["end"], m["text"], *(m.get(a) for a in ATTRS[label]))
        for m in mentions
        if m["label"] == label
    )


@pytest.mark.parametrize("label", sorted(ATTRS))
def test_seed_mentions_equal_gold(seed_record: dict, seed_gold: dict, label: str) -> None:
    assert _view(seed_record["mentions"], label) == _view(seed_gold["mentions"], label)


def test_seed_record_validates(seed_record: dict) -> None:
    assert validate_record(seed_record, source_bytes=SEED_TEXT.read_bytes()) == []
    assert seed_record["validation"]["valid"]


def _by_id(record: dict) -> dict[str, dict]:
    return {m["id"]: m for m in record["mentions"]}


def test_seed_awards_list(seed_record: dict) -> None:
    ids = _by_id(seed_record)
    rows = [
        (
            sorted((ids[r]["count"], ids[r]["recipient"]) for r in a["recipients"]),
            a["kinds"],
            [ids[g]["text"] for g in a["givers"]],
        )
        for a in seed_record["awards"]
    ]
    assert rows == [
        (
            [(3, "collective"), (5, "individual")],
            ["bằng khen", "giấy khen"],
            ["Chủ tịch UBND tỉnh", "Giám đốc Công an tỉnh", "Chủ tịch UBND huyện"],
        ),
        ([(15, "family")], ["quà"], []),
    ]


def test_seed_figures_belong_to_lien_loc(seed_record: dict) -> None:
    ids = _by_id(seed_record)
    figures = [m for m in seed_record["mentions"] if m["label"] == "FIGURE"]
    assert [ids[f["subject"]]["text"] for f in figures] == ["Xã Liên Lộc"] * 3
    assert figures[0]["measure"] == "diện tích tự nhiên"


def test_seed_event_summary(seed_record: dict) -> None:
    ids = _by_id(seed_record)
    event = seed_record["event"]
    assert event["name"]["text"] == "Ngày hội toàn dân bảo vệ An ninh Tổ quốc"
    assert ids[event["date"]]["value"] == "2022-08-12"
    assert ids[event["place"]]["text"] == "xã Liên Lộc"
    assert ids[event["organiser"]]["text"] == "Ban chỉ đạo 138 huyện Hậu Lộc"


def test_seed_lien_loc_resolved_with_its_2025_successor(seed_record: dict) -> None:
    entry = next(p for p in seed_record["places"] if p["name"] == "Liên Lộc")
    assert entry["status"] == "resolved"
    assert entry["code"]
    assert [p["name"] for p in entry["parents"]] == ["Hậu Lộc", "Thanh Hóa"]
    assert entry["successor"]["name"] == "Hoa Lộc"


def test_seed_official(seed_record: dict) -> None:
    ids = _by_id(seed_record)
    [official] = seed_record["officials"]
    assert ids[official["person"]]["text"] == "Lý Bách Chiến"
    assert ids[official["title"]]["text"] == "Chủ tịch UBND xã Liên Lộc"
    assert ids[official["org"]]["text"] == "UBND xã Liên Lộc"
    assert ids[official["place"]]["text"] == "xã Liên Lộc"
