"""Gold files: loading with their text, and every way a gold file can be rejected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import GoldError
from pipeline.evaluation.gold import gold_problems, load_gold, load_gold_dir, text_sha256

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "annotations" / "000_733452ca63a47b73.json"
DEV = ROOT.parent / "shared" / "dev"


def test_seed_gold_finds_its_text_in_corpus() -> None:
    doc = load_gold(SEED)
    assert doc.text_path == ROOT / "corpus" / "000_733452ca63a47b73.txt"
    assert doc.doc_id == "000_733452ca63a47b73"
    assert all(doc.text[m["start"] : m["end"]] == m["text"] for m in doc.mentions)
    # PLACE nested in ORG is allowed: only spans of one label must not overlap.
    org = next(m for m in doc.mentions if m["text"] == "Ban chỉ đạo 138 huyện Hậu Lộc")
    assert any(
        m["label"] == "PLACE" and org["start"] <= m["start"] and m["end"] <= org["end"]
        for m in doc.mentions
    )
    assert doc.to_json() == json.loads(SEED.read_text(encoding="utf-8"))


def test_dev_gold_loads() -> None:
    docs = load_gold_dir(DEV)
    assert len(docs) == len(list(DEV.glob("*.json")))
    assert {d.doc_id for d in docs} == {p.stem for p in DEV.glob("*.json")}


def _write(tmp_path: Path, data: dict, text: str) -> Path:
    path = tmp_path / "001.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "001.txt").write_text(text, encoding="utf-8")
    return path


TEXT = "Ông Lý Bách Chiến, Chủ tịch UBND xã Liên Lộc, phát biểu ngày 12/8/2022."


def _m(label: str, sub: str, occurrence: int = 0, **attrs: object) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(sub, start + 1)
    return {"label": label, "start": start, "end": start + len(sub), "text": sub, **attrs}


def _good() -> dict:
    return {
        "doc_id": "001",
        "text_sha256": text_sha256(TEXT),
        "mentions": [
            _m("PERSON", "Lý Bách Chiến", title="Chủ tịch UBND xã Liên Lộc"),
            _m("TITLE", "Chủ tịch UBND xã Liên Lộc"),
            _m("ORG", "UBND xã Liên Lộc"),
            _m("PLACE", "xã Liên Lộc", level="commune", name="Liên Lộc"),
            _m("DATE", "12/8/2022", value="2022-08-12"),
        ],
    }


def test_valid_synthetic_gold_loads(tmp_path: Path) -> None:
    doc = load_gold(_write(tmp_path, _good(), TEXT))
    assert [m["label"] for m in doc.mentions] == ["PERSON", "TITLE", "ORG", "PLACE", "DATE"]
    assert gold_problems(_good(), TEXT) == []


def _shift(mention: dict) -> None:
    mention.update(start=mention["start"] + 1, end=mention["end"] + 1)


def _broken(change) -> dict:
    data = _good()
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(text_sha256="0" * 64), "text_sha256"),
        (lambda d: _shift(d["mentions"][4]), "mention 4 (DATE 62:71 '12/8/2022'): text is not"),
        (lambda d: d["mentions"][2].update(label="ORGANISATION"), "unknown label 'ORGANISATION'"),
        (lambda d: d["mentions"].insert(3, _m("ORG", "UBND xã")), "overlaps mention 2 (ORG"),
        (lambda d: d["mentions"].reverse(), "not sorted"),
        (lambda d: d["mentions"].__setitem__(4, _m("DATE", " 12/8/2022")), "whitespace"),
        (lambda d: d["mentions"][0].update(end=10_000), "outside the text"),
    ],
)
def test_rejections_name_file_and_mention(tmp_path: Path, change, expected: str) -> None:
    path = _write(tmp_path, _broken(change), TEXT)
    with pytest.raises(GoldError) as err:
        load_gold(path)
    assert str(path) in str(err.value)
    assert expected in str(err.value)


def test_text_not_at_offsets_shows_source(tmp_path: Path) -> None:
    data = _good()
    data["mentions"][4]["text"] = "13/8/2022"
    with pytest.raises(GoldError, match=r"mention 4 .*text is not at its offsets .*'12/8/2022'"):
        load_gold(_write(tmp_path, data, TEXT))


def test_missing_text_and_duplicate_doc_ids(tmp_path: Path) -> None:
    path = tmp_path / "gold" / "002.json"
    path.parent.mkdir()
    path.write_text(json.dumps(_good()), encoding="utf-8")
    with pytest.raises(GoldError, match="no text file"):
        load_gold(path)
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "002.txt").write_text(TEXT, encoding="utf-8")
    assert load_gold(path, texts_dir=texts).doc_id == "001"
    (path.parent / "003.json").write_text(json.dumps(_good()), encoding="utf-8")
    (texts / "003.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(GoldError, match="doc_id '001' also used"):
        load_gold_dir(path.parent, texts_dir=texts)
    with pytest.raises(GoldError, match="no gold files"):
        load_gold_dir(texts)
