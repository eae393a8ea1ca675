"""Administrative-unit resolution on real Vietnamese units (legacy codes, 2025 successors)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.resources import gazetteer
from pipeline.resources.gazetteer import Resolution, Unit, resolve

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "dev"
ROOT = Path(__file__).resolve().parents[1]


def _province(res: Resolution) -> str:
    return res.parents[-1].name if res.parents else res.unit.name


def test_commune_with_district_context_gives_chain_and_successor() -> None:
    res = resolve("Liên Lộc", "commune", context=[("district", "Hậu Lộc")])
    assert res.status == "resolved"
    assert res.unit == Unit("16066", "Liên Lộc", "xã", "commune")
    assert res.parents == (
        Unit("400", "Hậu Lộc", "huyện", "district"),
        Unit("38", "Thanh Hóa", "tỉnh", "province"),
    )
    assert res.successor == {
        "code": "16072",
        "name": "Hoa Lộc",
        "unit_type": "xã",
        "province": "Thanh Hóa",
    }


def test_to_dict_is_the_places_entry() -> None:
    out = resolve("Liên Lộc", "commune", context=[("district", "Hậu Lộc")]).to_dict()
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out
    assert out["status"] == "resolved" and out["code"] == "16066" and out["unit_type"] == "xã"
    assert out["parents"] == [
        {"level": "district", "name": "Hậu Lộc", "code": "400"},
        {"level": "province", "name": "Thanh Hóa", "code": "38"},
    ]
    assert out["candidates"] == []
    empty = resolve("Cao Nhân", "commune").to_dict()
    assert empty == {
        "status": "not_found",
        "code": None,
        "unit_type": None,
        "parents": [],
        "successor": None,
        "candidates": [],
    }


def test_district_resolves_to_its_province() -> None:
    res = resolve("Hậu Lộc", "district")
    assert res.status == "resolved" and res.unit.unit_type == "huyện"
    assert [(p.level, p.name, p.code) for p in res.parents] == [("province", "Thanh Hóa", "38")]
    # Districts were abolished in 2025: the successor is the province, with a note saying so.
    assert res.successor["code"] == "38" and "abolished" in res.successor["note"]


@pytest.mark.parametrize(
    ("name", "code", "unit_type"),
    [
        ("Thanh Hóa", "38", "tỉnh"),
        ("Thanh Hoá", "38", "tỉnh"),
        ("THANH HÓA", "38", "tỉnh"),
        ("Thanh Hoa", "38", "tỉnh"),
        ("tỉnh Thanh Hóa", "38", "tỉnh"),
        ("Hà Nội", "01", "thành phố"),
        ("TP Hà Nội", "01", "thành phố"),
        ("TP.HCM", "79", "thành phố"),
        ("TPHCM", "79", "thành phố"),
        ("Thành phố Hồ Chí Minh", "79", "thành phố"),
        ("Thừa Thiên - Huế", "46", "thành phố"),
        ("Thừa Thiên-Huế", "46", "thành phố"),
        ("Hoà Bình", "17", "tỉnh"),
        ("Đăk Lăk", "66", "tỉnh"),
        ("Dak Lak", "66", "tỉnh"),
    ],
)
def test_bare_province_names(name: str, code: str, unit_type: str) -> None:
    res = resolve(name, "province")
    assert res.status == "resolved"
    assert (res.unit.code, res.unit.unit_type, res.unit.level) == (code, unit_type, "province")
    assert res.parents == ()


@pytest.mark.parametrize(
    ("old", "old_code", "new", "new_code"),
    [
        ("Bình Định", "52", "Gia Lai", "52"),
        ("Kon Tum", "62", "Quảng Ngãi", "51"),
        ("Hà Giang", "02", "Tuyên Quang", "08"),
        ("Hải Dương", "30", "Hải Phòng", "31"),
        ("Bình Dương", "74", "Hồ Chí Minh", "79"),
        ("Thanh Hóa", "38", "Thanh Hóa", "38"),
    ],
)
def test_province_successors(old: str, old_code: str, new: str, new_code: str) -> None:
    res = resolve(old, "province")
    assert res.unit.code == old_code
    assert (res.successor["name"], res.successor["code"]) == (new, new_code)


def test_commune_of_merged_province_keeps_legacy_chain() -> None:
    res = resolve("Tân Thạch", "commune")
    assert [p.name for p in res.parents] == ["Châu Thành", "Bến Tre"]
    assert res.successor == {
        "code": "28810",
        "name": "Phú Túc",
        "unit_type": "xã",
        "province": "Vĩnh Long",
    }


def test_common_commune_name_without_context_is_ambiguous() -> None:
    res = resolve("Tân Thành", "commune")
    assert res.status == "ambiguous" and res.unit is None and res.successor is None
    assert len(res.candidates) > 20
    provinces = {c["parents"][-1] for c in res.candidates}
    assert {"Hà Giang", "Lạng Sơn", "Long An", "Cà Mau"} <= provinces
    first = res.to_dict()["candidates"][0]
    assert set(first) == {"code", "name", "unit_type", "level", "parents"}
    assert first["level"] == "commune" and len(first["parents"]) == 2


def test_context_disambiguates_and_split_successor_has_note() -> None:
    assert resolve("Đồng Tâm", "commune").status == "ambiguous"
    res = resolve("Đồng Tâm", "commune", context=[("district", "Mỹ Đức"), ("province", "Hà Nội")])
    assert res.status == "resolved" and res.unit.code == "10444"
    assert [p.name for p in res.parents] == ["Mỹ Đức", "Hà Nội"]
    # The converter splits this commune between two new ones: the first is given.
    assert res.successor["name"] == "Phúc Sơn"
    assert "Trần Phú" in res.successor["note"]


def test_province_context_picks_the_district() -> None:
    assert len(resolve("Châu Thành", "district").candidates) == 10
    res = resolve("Châu Thành", "district", context=[("province", "Tiền Giang")])
    assert res.status == "resolved" and _province(res) == "Tiền Giang"


def test_commune_named_nearby_picks_the_district() -> None:
    res = resolve("Châu Thành", "district", context=[("commune", "Tân Thạch")])
    assert res.status == "resolved" and _province(res) == "Bến Tre"


def test_nearest_context_wins() -> None:
    near_4 = resolve("Phường 9", "commune", context=[("district", "Quận 4"), ("district", "3")])
    near_3 = resolve("Phường 9", "commune", context=[("district", "Quận 3"), ("district", "4")])
    assert [p.code for p in near_4.parents] == ["773", "79"]
    assert [p.code for p in near_3.parents] == ["770", "79"]


def test_same_name_in_one_province_needs_the_unit_word() -> None:
    res = resolve("Kỳ Anh", "district", context=[("province", "Hà Tĩnh")])
    assert res.status == "ambiguous"
    assert {c["unit_type"] for c in res.candidates} == {"huyện", "thị xã"}
    assert resolve("Kì Anh", "district").candidates == res.candidates
    typed = resolve("thị xã Kỳ Anh", "district")
    assert typed.status == "resolved" and typed.unit.unit_type == "thị xã"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Đăk Hà", "615"),
        ("Đắk Hà", "615"),
        ("Đak Đoa", "626"),
        ("Đắk Đoa", "626"),
        ("Mĩ Đức", "282"),
    ],
)
def test_spelling_variants(name: str, code: str) -> None:
    assert resolve(name, "district").unit.code == code


def test_tone_marks_still_separate_distinct_names() -> None:
    sa_pa = resolve("Sa Pa", "commune", context=[("district", "Sa Pa")])
    sa_pa_hook = resolve("Sa Pả", "commune", context=[("district", "Sa Pa")])
    assert sa_pa.unit.name == "Sa Pa" and sa_pa_hook.unit.name == "Sa Pả"
    assert sa_pa.unit.code != sa_pa_hook.unit.code


def test_renamed_district_and_island_successor() -> None:
    assert resolve("Tĩnh Gia", "district").unit.name == "Nghi Sơn"
    co_to = resolve("huyện Cô Tô", "district")
    assert co_to.successor == {
        "code": "07192",
        "name": "Cô Tô",
        "unit_type": "đặc khu",
        "province": "Quảng Ninh",
    }


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("thôn 3", "village"),
        ("Việt Nam", "country"),
        ("Quốc lộ 1A", "other"),
        ("Luông Nậm Thà", "province"),
        ("Cao Nhân", "commune"),
        ("", "commune"),
    ],
)
def test_not_found(name: str, level: str) -> None:
    res = resolve(name, level)
    assert res.status == "not_found" and res.unit is None and res.candidates == ()


def test_unknown_level_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown place level"):
        resolve("Hà Nội", "city")


def test_every_legacy_unit_resolves_to_itself() -> None:
    for level in gazetteer.LEVELS:
        for unit in gazetteer.units(level):
            typed = f"{unit.unit_type} {unit.name}"
            res = resolve(typed, level)
            if res.status == "ambiguous":  # then its own parents, named nearby, decide
                mine = next(c for c in res.candidates if c["code"] == unit.code)["parents"]
                levels = ("district", "province")[-len(mine) :]
                res = resolve(typed, level, context=list(zip(levels, mine, strict=True)))
            assert res.status == "resolved" and res.unit == unit
            assert res.successor is not None, unit


def test_resolution_never_opens_a_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    gazetteer._data.cache_clear()
    gazetteer._lookup.cache_clear()
    res = resolve("Liên Lộc", "commune", context=[("district", "Hậu Lộc")])
    assert res.status == "resolved" and res.successor["name"] == "Hoa Lộc"
    assert resolve("Tân Thành", "commune").status == "ambiguous"


def test_geocoding_code_is_never_imported() -> None:
    code = (
        "import sys; from pipeline.resources.gazetteer import resolve;"
        "assert resolve('Hậu Lộc', 'district').status == 'resolved';"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('geopy', 'vietnamadminunits', 'shapely', 'requests', 'urllib3'));"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.sampled_from(["province", "district", "commune"]))
def test_arbitrary_text_never_raises(name: str, level: str) -> None:
    res = resolve(name, level, context=[("district", name), ("province", name[:5])])
    assert res.status in {"resolved", "ambiguous", "not_found"}


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev articles are not beside the checkout")
def test_dev_gold_places_resolve() -> None:
    resolved = total = 0
    for path in sorted(DEV.glob("*.json")):
        places = [
            m
            for m in json.loads(path.read_text(encoding="utf-8"))["mentions"]
            if m["label"] == "PLACE" and m.get("level") in gazetteer.LEVELS and m.get("name")
        ]
        for m in places:
            near = sorted(
                (p for p in places if p["name"] != m["name"]),
                key=lambda p, m=m: abs(p["start"] - m["start"]),
            )
            res = resolve(m["name"], m["level"], context=[(p["level"], p["name"]) for p in near])
            total += 1
            if res.status == "resolved":
                resolved += 1
                assert res.unit.level == m["level"]
    assert total > 100
    assert resolved / total >= 0.9


@pytest.mark.parametrize(
    ("name", "level", "code", "current"),
    [
        ("huyện Thông Nông", "district", "045", "Hà Quảng"),  # merged into Hà Quảng (2020)
        ("Xa Pa", "district", "088", "Sa Pa"),  # a spelling the package keeps
        ("xã Nhân Thành", "commune", "17572", "Đông Thành"),  # merged into Đông Thành
    ],
)
def test_old_names_and_aliases_the_package_keeps_resolve(name, level, code, current) -> None:
    result = resolve(name, level)
    assert (result.status, result.unit.code, result.unit.name) == ("resolved", code, current)


def test_an_alias_never_shadows_a_unit_of_that_name() -> None:
    # Hợp Thành is an old name of a Nghệ An commune, and the name of several communes today.
    assert resolve("xã Hợp Thành", "commune").status == "ambiguous"
    narrowed = resolve("xã Hợp Thành", "commune", context=[("province", "Nghệ An")])
    assert narrowed.status == "resolved"


def test_built_gazetteer_is_cached_and_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    from pipeline.resources import gazetteer as gz

    monkeypatch.setenv("VNIE_CACHE_DIR", str(tmp_path))
    gz._data.cache_clear()
    try:
        built = gz._data()
        (cached,) = tmp_path.glob("gazetteer-*.json")
        gz._data.cache_clear()
        assert gz._data() == built  # read back from the cache
        cached.write_bytes(b"{not json")
        gz._data.cache_clear()
        assert gz._data() == built  # rebuilt, and the cache rewritten
        assert cached.read_bytes() != b"{not json"
        monkeypatch.setenv("VNIE_CACHE_DIR", "off")
        assert gz._cache_path(gz.data_dir()) is None
    finally:
        gz._data.cache_clear()
