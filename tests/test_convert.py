"""Format conversion: lossless round trips through brat, doccano and Label Studio; CoNLL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import GoldError
from pipeline.evaluation.convert import (
    convert,
    from_brat,
    from_conll,
    from_doccano,
    from_label_studio,
    losses,
    to_brat,
    to_conll,
    to_doccano,
    to_label_studio,
)
from pipeline.evaluation.gold import GoldDoc, gold_doc, load_gold, load_gold_dir, text_sha256

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
ANNOTATIONS = sorted((ROOT / "annotations").glob("*.json"))
SEED = load_gold(ROOT / "annotations" / "000_733452ca63a47b73.json")


@pytest.mark.parametrize("path", ANNOTATIONS + sorted(DEV.glob("*.json")), ids=lambda p: p.stem)
def test_lossless_round_trips(path: Path) -> None:
    doc = load_gold(path)
    expected = json.loads(path.read_text(encoding="utf-8"))
    brat = from_brat(doc.text, to_brat(doc), doc.doc_id)
    doccano = from_doccano(json.loads(json.dumps(to_doccano(doc), ensure_ascii=False)))
    studio = from_label_studio(json.loads(json.dumps(to_label_studio(doc))))
    for back in (brat, doccano, studio):
        assert back.to_json() == expected
        assert back.text == doc.text
    for fmt in ("brat", "doccano", "labelstudio", "guide"):
        assert losses(doc, fmt) == []


def test_file_round_trips_keep_bytes(tmp_path: Path) -> None:
    src = ROOT / "annotations"
    texts = ROOT / "corpus"
    report = convert(src, tmp_path / "brat", "guide", "brat", texts_dir=texts)
    assert report.losses == () and report.summary().endswith("nothing lost")
    assert (tmp_path / "brat" / "annotation.conf").read_text().startswith("[entities]\nPERSON")
    convert(tmp_path / "brat", tmp_path / "back", "brat", "guide")
    for path in ANNOTATIONS:
        back = tmp_path / "back" / path.name
        assert json.loads(back.read_text(encoding="utf-8")) == json.loads(path.read_text("utf-8"))
        assert (tmp_path / "back" / f"{path.stem}.txt").read_bytes() == (
            texts / f"{path.stem}.txt"
        ).read_bytes()
    for fmt, name in (("doccano", "d.jsonl"), ("labelstudio", "ls.json")):
        convert(src, tmp_path / name, "guide", fmt, texts_dir=texts)
        convert(tmp_path / name, tmp_path / fmt, fmt, "guide")
        for path in ANNOTATIONS:
            back = tmp_path / fmt / path.name
            assert back.read_text(encoding="utf-8") == (tmp_path / "back" / path.name).read_text(
                encoding="utf-8"
            )


def test_brat_lines() -> None:
    ann = to_brat(SEED).splitlines()
    assert ann[0] == "T1\tPLACE 43 54\txã Liên Lộc"
    assert ann[1] == "A1\tlevel T1 commune"
    assert json.loads(ann[2].split("\t")[2]) == {"name": "Liên Lộc"}
    figure = next(line for line in ann if "\tFIGURE " in line)
    tid = figure.split("\t")[0]
    notes = next(line for line in ann if line.startswith("#") and f" {tid}\t" in line)
    assert json.loads(notes.split("\t")[2])["value"] == 495.29


def test_brat_rejects_what_the_guide_forbids() -> None:
    text = "Ông Lý Bách Chiến đến xã Liên Lộc."
    with pytest.raises(GoldError, match="whitespace"):
        from_brat(text, "T1\tPERSON 3 17\t Lý Bách Chiến\n", "x")
    with pytest.raises(GoldError, match="not a continuous"):
        from_brat(text, "T1\tPLACE 22 24;25 33\txã Liên Lộc\n", "x")
    with pytest.raises(GoldError, match="relations"):
        from_brat(text, "T1\tPERSON 4 17\tLý Bách Chiến\nR1\tAt Arg1:T1 Arg2:T1\n", "x")


def test_utf16_offsets_outside_the_bmp() -> None:
    text = "🎉🎉 Lễ trao quà tại xã Liên Lộc 😀 ngày 12/8/2022"
    start = text.index("xã Liên Lộc")
    date = text.index("12/8/2022")
    data = {
        "doc_id": "emoji",
        "text_sha256": text_sha256(text),
        "mentions": [
            {
                "label": "PLACE",
                "start": start,
                "end": start + 11,
                "text": "xã Liên Lộc",
                "level": "commune",
                "name": "Liên Lộc",
            },
            {
                "label": "DATE",
                "start": date,
                "end": date + 9,
                "text": "12/8/2022",
                "value": "2022-08-12",
            },
        ],
    }
    doc = gold_doc(data, text)
    line = to_doccano(doc)
    assert line["label"][0][:2] == [start + 2, start + 13]  # two astral characters before
    assert line["label"][1][:2] == [date + 3, date + 12]
    task = to_label_studio(doc)
    assert task["annotations"][0]["result"][0]["value"]["start"] == start + 2
    assert from_doccano(line).to_json() == data
    assert from_label_studio(task).to_json() == data
    with pytest.raises(GoldError, match="surrogate"):
        from_doccano({**line, "label": [[1, 5, "PLACE"]], "attributes": {}})


def _outermost(doc: GoldDoc) -> set[tuple[str, int, int]]:
    dropped = {(x.label, x.start, x.end) for x in losses(doc, "conll") if x.kind != "attributes"}
    return {(x["label"], x["start"], x["end"]) for x in doc.mentions} - dropped


@pytest.mark.parametrize(
    "doc", [*map(load_gold, ANNOTATIONS), *load_gold_dir(DEV)[:6]], ids=lambda d: d.doc_id
)
def test_conll_reimports_the_same_outermost_spans(doc: GoldDoc) -> None:
    content, lost = to_conll(doc)
    docs, read_lost = from_conll(content, {doc.doc_id: doc.text})
    assert read_lost == []
    back = docs[0]
    assert back.doc_id == doc.doc_id and back.text == doc.text
    assert {(x["label"], x["start"], x["end"]) for x in back.mentions} == _outermost(doc)
    # Every dropped mention lies inside or across a kept one.
    assert all(x.kind in ("nested", "overlap", "attributes") for x in lost)


def test_conll_says_what_it_drops() -> None:
    content, lost = to_conll(SEED)
    assert content.startswith("-DOCSTART- -X- -X- O\n# doc_id = 000_733452ca63a47b73\n")
    assert "Ban -X- _ B-ORG\nchỉ_đạo -X- _ I-ORG\n138 -X- _ I-ORG" in content
    nested = {(x.label, x.start, x.end): x.detail for x in lost if x.kind == "nested"}
    # PLACE "huyện Hậu Lộc" inside ORG "Ban chỉ đạo 138 huyện Hậu Lộc" (87:116) is dropped.
    assert nested[("PLACE", 103, 116)] == "inside ORG 87:116"
    attributes = [x for x in lost if x.kind == "attributes"]
    assert len(attributes) == 1 and "level" in attributes[0].detail


def test_conll_without_texts_rebuilds_the_text() -> None:
    content, _ = to_conll(SEED)
    docs, lost = from_conll(content)
    assert [x.kind for x in lost] == ["text"]
    rebuilt = docs[0]
    kept = sorted(_outermost(SEED), key=lambda k: (k[1], k[2]))
    by_span = {(x["start"], x["end"]): x["text"] for x in SEED.mentions}
    assert [x["text"] for x in rebuilt.mentions] == [by_span[k[1:]] for k in kept]
