"""pipeline.extractors.figures: FIGURE patterns, negative cases, the seed gold and dev accuracy."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.api import extract_text
from pipeline.extractors import figures
from pipeline.text.ingest import normalise
from pipeline.text.tokenize import build_context
from pipeline.types import Mention

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_733452ca63a47b73.txt"
DEV = SHARED / "dev"


def _mentions(text: str) -> tuple[str, list[Mention]]:
    ctx = build_context(normalise(text))
    return ctx.text, figures.extract(ctx)


def _found(text: str) -> list[tuple]:
    """(span text, value, value_max or None, unit, quantity) of each FIGURE."""
    working, found = _mentions(text)
    return [
        (
            working[m.start : m.end],
            m.attrs["value"],
            m.attrs.get("value_max"),
            m.attrs["unit"],
            m.attrs["quantity"],
        )
        for m in found
    ]


POSITIVE = [
    ("có diện tích 495,29 ha", [("495,29 ha", 495.29, None, "ha", "area")]),
    (
        "với 1.200 hộ, 4.680 nhân khẩu",
        [
            ("1.200 hộ", 1200, None, "hộ", "households"),
            ("4.680 nhân khẩu", 4680, None, "nhân khẩu", "population"),
        ],
    ),
    ("tổng mức 2,5 tỷ đồng", [("2,5 tỷ đồng", 2_500_000_000, None, "tỷ đồng", "money")]),
    ("tỷ lệ đạt 15%", [("15%", 15, None, "%", "percent")]),
    (
        "vườn chuối 2,3ha và 600m2 đất",
        [
            ("2,3ha", 2.3, None, "ha", "area"),
            ("600m2", 600, None, "m2", "area"),
        ],
    ),
    (
        "thu nhập 72 triệu đồng/người/năm",
        [("72 triệu đồng", 72_000_000, None, "triệu đồng", "money")],
    ),
    ("gồm 24 xã, thị trấn", [("24 xã", 24, None, "xã", "count")]),
    ("nuôi 1.000 con vịt", [("1.000 con vịt", 1000, None, "con vịt", "count")]),
    ("có thêm 9 - 10 xã đạt chuẩn", [("9 - 10 xã", 9, 10, "xã", "count")]),
    (
        "lãi 40-60 triệu đồng",
        [("40-60 triệu đồng", 40_000_000, 60_000_000, "triệu đồng", "money")],
    ),
    (
        "giá từ 15.000 đồng đến 25.000 đồng/kg",
        [("15.000 đồng đến 25.000 đồng", 15000, 25000, "đồng", "money")],
    ),
    ("nước dâng từ 2 -2,5m", [("2 -2,5m", 2, 2.5, "m", "length")]),
    ("hai sinh viên lao xuống nước", [("hai sinh viên", 2, None, "sinh viên", "people")]),
    ("tỉnh có ba mươi lăm xã", [("ba mươi lăm xã", 35, None, "xã", "count")]),
    ("hơn 3,25 triệu tấn lúa", [("3,25 triệu tấn", 3_250_000, None, "triệu tấn", "mass")]),
    ("gần 2.000 người tham gia", [("2.000 người", 2000, None, "người", "people")]),
    ("xây mới 02 trạm y tế", [("02 trạm y tế", 2, None, "trạm y tế", "count")]),
    ("12 cựu cán bộ bị khởi tố", [("12 cựu cán bộ", 12, None, "cán bộ", "people")]),
    ("bắt 2 đồng phạm", [("2 đồng phạm", 2, None, "đồng phạm", "people")]),
    (
        "có 45 cơ quan thường trú ở nước ngoài",
        [("45 cơ quan thường trú", 45, None, "cơ quan thường trú", "count")],
    ),
    ("nâng cấp 12 công trình thủy lợi", [("12 công trình", 12, None, "công trình", "count")]),
    ("hỗ trợ 1,2 triệu/hộ", [("1,2 triệu", 1_200_000, None, "triệu", "money")]),
    ("đã GPMB 640ha", [("640ha", 640, None, "ha", "area")]),
    ("tăng bình quân hằng năm 7,2%", [("7,2%", 7.2, None, "%", "percent")]),
    ("năng suất 62,5 tạ/ha", [("62,5 tạ", 62.5, None, "tạ", "mass")]),
]

NEGATIVE = [
    "Ban chỉ đạo 138 huyện Hậu Lộc và BCĐ 138 huyện họp.",
    "Xe chạy trên Quốc lộ 1A qua thôn 11.",
    "Theo Nghị định 67 của Chính phủ, Đội 14 ra quân.",
    "Ông A, 22 tuổi, trú tại quận 4.",
    "Vào thứ 7, hội nghị lần thứ 3 khai mạc.",
    "Có 18/23 tàu đã ra khơi.",
    "Lúc 15h30 hoặc 12 giờ 30 phút.",
    "Hàng trăm người, hàng chục hộ và gần chục tiền sự.",
    "Hai bên thống nhất, hai nước hợp tác.",
    "Một người dân cho biết.",
    "Sau 5 năm, năm nay bà con được mùa.",
    "Có năm thương lái mua cao.",
    "Năm 2016 là năm bản lề; ngày 12/8/2022 và 1975 có nhiều sự kiện.",
    "Kỷ niệm 75 năm ngày thành lập trường.",
    "Chương trình 135 và đường 19 được đầu tư.",
    "Sư đoàn 312 phối hợp với Trung đoàn 48 cứu hộ.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_figures_found(text: str, expected: list[tuple]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_figures(text: str) -> None:
    assert _found(text) == []


def test_money_values_are_exact_ints() -> None:
    _, found = _mentions("hỗ trợ 8,93 tỷ đồng và 27,7 tỷ đồng")
    assert [m.attrs["value"] for m in found] == [8_930_000_000, 27_700_000_000]
    assert all(isinstance(m.attrs["value"], int) for m in found)


def test_rules_and_recipient_marks() -> None:
    working, found = _mentions("tặng 3 tập thể, 5 cá nhân; có 40 ha, 2 con bò và 9 - 10 xã")
    assert [(working[m.start : m.end], m.rule) for m in found] == [
        ("3 tập thể", "figure.count_noun"),
        ("5 cá nhân", "figure.count_noun"),
        ("40 ha", "figure.number_unit"),
        ("2 con bò", "figure.classifier_noun"),
        ("9 - 10 xã", "figure.range"),
    ]
    assert [figures.recipient_class(m) for m in found] == [
        "collective",
        "individual",
        None,
        None,
        None,
    ]
    assert found[0].attrs["_recipient"] == "collective"
    assert "_recipient" not in found[2].attrs


def test_component_appends() -> None:
    ctx = build_context(normalise("Năm 2022 xã có 1.200 hộ."))
    from pipeline.extractors import dates

    labels = [m.label for m in figures.component(ctx, dates.component(ctx, []))]
    assert labels == ["DATE", "FIGURE"]


# --- real articles ---------------------------------------------------------------------


@cache
def _article(path: Path) -> tuple[tuple[dict, ...], tuple[dict, ...]]:
    """(gold mentions, predicted FIGURE mentions with source offsets)."""
    source = path.read_text(encoding="utf-8")
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["mentions"]
    working = normalise(source)
    predicted = []
    for m in figures.extract(build_context(working)):
        start, end = working.to_source(m.start, m.end)
        assert source[start:end] == working.text[m.start : m.end]
        predicted.append({"start": start, "end": end, "rule": m.rule, **m.attrs})
    return tuple(gold), tuple(predicted)


def _not_awards(gold: tuple[dict, ...], predicted: tuple[dict, ...]) -> list[dict]:
    """Predicted FIGUREs outside gold AWARD spans: the AWARD extractor removes FIGUREs that
    overlap an AWARD, so this is what FIGURE contributes to the record."""
    awards = [(g["start"], g["end"]) for g in gold if g["label"] == "AWARD"]
    return [p for p in predicted if not any(p["start"] < e and s < p["end"] for s, e in awards)]


def _key(m: dict) -> tuple:
    return (m["start"], m["end"], m["value"], m.get("value_max"), m["unit"], m["quantity"])


def test_seed_figures_equal_gold() -> None:
    gold, predicted = _article(SEED)
    expected = [_key(g) for g in gold if g["label"] == "FIGURE"]
    assert [_key(p) for p in _not_awards(gold, predicted)] == expected
    # What overlaps an AWARD is a recipient count the AWARD extractor can recognise.
    inside = [p for p in predicted if p not in _not_awards(gold, predicted)]
    assert inside and all(p.get("_recipient") for p in inside)


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 1.0


def test_dev_figure_accuracy() -> None:
    texts = sorted(DEV.glob("*.txt"))
    assert texts, f"no dev articles in {DEV}"
    strict = value = n_pred = n_gold = 0
    for path in texts:
        gold, predicted = _article(path)
        kept = _not_awards(gold, predicted)
        gold_figures = [g for g in gold if g["label"] == "FIGURE"]
        n_gold += len(gold_figures)
        n_pred += len(kept)
        gold_spans = {(g["start"], g["end"]) for g in gold_figures}
        strict += sum((p["start"], p["end"]) in gold_spans for p in kept)
        used: set[int] = set()
        for g in gold_figures:
            for i, p in enumerate(kept):
                overlap = p["start"] < g["end"] and g["start"] < p["end"]
                if i not in used and overlap and p["value"] == g["value"]:
                    used.add(i)
                    value += 1
                    break
    assert _f1(strict, n_pred, n_gold) >= 0.85
    assert _f1(value, n_pred, n_gold) >= 0.95


@pytest.mark.parametrize(
    ("text", "value", "value_max"),
    [
        ("2,5 tỷ đồng", "2500000000", None),
        ("9 - 10 xã", "9", "10"),
        ("40-60 triệu đồng", "40000000", "60000000"),
        ("15.000 đồng đến 25.000 đồng", "15000", "25000"),
        ("hai sinh viên", "2", None),
        ("2 trđ", "2000000", None),
        ("15%", "15", None),
    ],
)
def test_parse_value(text: str, value: str, value_max: str | None) -> None:
    expected_max = Decimal(value_max) if value_max else None
    assert figures.parse_value(text) == (Decimal(value), expected_max)
    assert figures.parse_value("không có số") is None


def test_value_agrees_with_text() -> None:
    # Every FIGURE the extractor emits reads back to its own value (validate.py relies on it).
    working, found = _mentions(
        "Xã có 495,29 ha, 1.200 hộ, 40-60 triệu đồng, 9 - 10 xã và hai mươi mốt nghìn hộ dân."
    )
    for m in found:
        parsed = figures.parse_value(working[m.start : m.end])
        assert parsed is not None
        assert float(parsed[0]) == m.attrs["value"]
        assert (parsed[1] is None) == ("value_max" not in m.attrs)


_PIECES = [
    "ngày",
    "tháng",
    "năm",
    "sáng",
    "hơn",
    "khoảng",
    "thôn",
    "Quyết định",
    "số",
    "thứ",
    "hai",
    "ba",
    "mười",
    "mươi",
    "lăm",
    "một",
    "trăm",
    "nghìn",
    "triệu",
    "tỷ",
    "rưỡi",
    "12",
    "8",
    "2022",
    "1.200",
    "495,29",
    "2,5",
    "01",
    "16/19",
    "12/8",
    "5-7",
    "3.000",
    "ha",
    "m2",
    "%",
    "đồng",
    "hộ",
    "hộ dân",
    "xã",
    "con",
    "vịt",
    "cựu",
    "cán bộ",
    "người",
    "-",
    "–",
    "đến",
    "/",
    ",",
    ".",
    "(",
    ")",
    "\n",
    "Ban",
    "Đội",
    "tuổi",
    "giờ",
    "lần",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_invariants_on_generated_text(pieces: list[str]) -> None:
    """Nothing raises; spans are non-empty, trimmed, inside the text, never overlapping a
    DATE or each other; values agree with the span text."""
    from pipeline.extractors import dates

    text = " ".join(pieces)
    ctx = build_context(normalise(text))
    found = figures.extract(ctx)
    date_spans = [(m.start, m.end) for m in dates.extract(ctx)]
    previous_end = 0
    for m in found:
        span = ctx.text[m.start : m.end]
        assert span and span == span.strip() and "\n" not in span
        assert m.start >= previous_end
        previous_end = m.end
        assert not any(m.start < e and s < m.end for s, e in date_spans)
        parsed = figures.parse_value(span)
        assert parsed is not None and float(parsed[0]) == m.attrs["value"]
    for s, e in date_spans:
        assert ctx.text[s:e] == ctx.text[s:e].strip()


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Tỉnh ghi nhận thêm 4 trường hợp mắc bệnh.", "4 trường hợp"),
        ("Đội cứu hộ đã tìm thấy 6 thi thể dưới sông.", "6 thi thể"),
        ("Trong ngày, huyện ghi nhận 12 ca bệnh mới.", "12 ca bệnh"),
    ],
)
def test_cases_and_bodies_count_people(text: str, span: str) -> None:
    """Cases of illness, bodies and remains are persons: quantity ``people``."""
    hits = {f[0]: f[4] for f in _found(text)}
    assert hits.get(span) == "people"


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Anh điều khiển chiếc xe ba bánh chở 3 bao xi măng.", "ba bánh", "3 bao"),
        ("Xe 3 bánh chở hàng đã đâm vào 2 xe máy.", "3 bánh", "2 xe máy"),
        ("Công an thu giữ 5 bánh heroin trong xe tải.", None, "5 bánh"),
    ],
)
def test_wheel_count_names_a_vehicle_type(text: str, absent: str | None, present: str) -> None:
    spans = [f[0] for f in _found(text)]
    assert any(span.startswith(present) for span in spans)
    assert absent is None or not any(span.startswith(absent) for span in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A written number before a classifier's compound counts it.
        ("Hai xe tải đâm nhau trên cầu.", [("Hai xe tải", 2)]),
        # States and ranks are counted; a speed in miles per hour is measured.
        ("Texas và 25 bang khác nộp đơn, chỉ số tăng 10 bậc.", [("25 bang", 25), ("10 bậc", 10)]),
        ("Tốc độ tối đa của xe là 150mph.", [("150mph", 150)]),
    ],
)
def test_written_classifier_compounds_states_ranks_and_speeds(
    text: str, expected: list[tuple[str, int]]
) -> None:
    found = [m for m in extract_text(text)["mentions"] if m["label"] == "FIGURE"]
    assert [(m["text"], m["value"]) for m in found] == expected


def test_a_height_in_metres_and_centimetres() -> None:
    record = extract_text("Cô cao 1m72, nặng 50 kg.")
    assert record["validation"] == {"valid": True, "problems": []}  # the value reads back
    found = [m for m in record["mentions"] if m["label"] == "FIGURE"]
    assert [(m["text"], m["value"], m["unit"], m["quantity"]) for m in found[:1]] == [
        ("1m72", 1.72, "m", "length")
    ]


def test_honorary_titles_are_counted_and_a_sentence_opening_word_is_no_name() -> None:
    text = "Ảnh: Đ.H  Sau 3 cuộc kháng chiến, xã có 21 mẹ Việt Nam Anh hùng và 4 Anh hùng LLVTND."
    found = [m for m in extract_text(text)["mentions"] if m["label"] == "FIGURE"]
    assert [(m["text"], m["value"]) for m in found] == [
        ("3 cuộc kháng chiến", 3),
        ("21 mẹ Việt Nam Anh hùng", 21),
        ("4 Anh hùng LLVTND", 4),
    ]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        # A dollar keeps its country; temperatures, voltage and horsepower are units.
        ("Học phí năm đầu là 18.500 đô la Úc.", "18.500 đô la Úc", 18500, "đô la Úc"),
        ("Nhiệt độ ngoài trời lên tới 39°C vào buổi trưa.", "39°C", 39, "°C"),
        ("Trạm biến áp 35 kV được xây mới.", "35 kV", 35, "kV"),
        ("Tàu có công suất 450 CV.", "450 CV", 450, "CV"),
        # A percent sign glued to the next word still ends the figure.
        ("Sản lượng tăng 12%so với cùng kỳ.", "12%", 12, "%"),
    ],
)
def test_units_of_currencies_temperature_and_power(
    text: str, span: str, value: int, unit: str
) -> None:
    found = [m for m in extract_text(text)["mentions"] if m["label"] == "FIGURE"]
    assert [(m["text"], m["value"], m["unit"]) for m in found] == [(span, value, unit)]


def test_spelled_out_numbers_joined_by_a_comma_are_a_range() -> None:
    found = [
        m
        for m in extract_text("Mỗi tháng có hai, ba hộ dân đến hỏi.")["mentions"]
        if m["label"] == "FIGURE"
    ]
    assert [(m["text"], m["value"], m.get("value_max")) for m in found] == [
        ("hai, ba hộ dân", 2, 3)
    ]
    # A spelled-out number with its own hundreds is no range's second end.
    found = [
        m["text"]
        for m in extract_text("Mỗi bao tăng từ năm, sáu trăm ngàn đồng lên 900 ngàn đồng.")[
            "mentions"
        ]
        if m["label"] == "FIGURE"
    ]
    assert found == ["sáu trăm ngàn đồng", "900 ngàn đồng"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Device specifications: storage, frequency, battery, camera.
        (
            "Máy có RAM 4GB, bộ nhớ 64 GB, màn hình 120Hz, pin 3.000 mAh.",
            ["4GB", "64 GB", "120Hz", "3.000 mAh"],
        ),
        # A version named by its size is still a size; a version number alone is no figure.
        ("Giá 799USD cho phiên bản 12,9 inch; phiên bản 2 ra sau.", ["799USD", "12,9 inch"]),
    ],
)
def test_device_specifications_and_sized_versions(text: str, expected: list[str]) -> None:
    found = [m["text"] for m in extract_text(text)["mentions"] if m["label"] == "FIGURE"]
    assert found == expected
