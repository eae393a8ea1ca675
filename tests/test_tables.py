"""Records → Parquet tables and the DuckDB database: columns, references and robustness."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from pipeline.runs.tables import SCHEMAS, build_tables, write_duckdb

TEXT = (
    "UBND xã Liên Lộc trao 3 bằng khen cho 3 tập thể. Chủ tịch UBND xã Lý Văn An "
    "cho biết xã có 1.200 hộ, 495,29 ha."
)


def _span(text: str, start_at: int = 0) -> tuple[int, int]:
    start = TEXT.index(text, start_at)
    return start, start + len(text)


def _mention(mid: str, label: str, text: str, rule: str, **attrs) -> dict:
    start, end = _span(text)
    return {
        "id": mid,
        "label": label,
        "start": start,
        "end": end,
        "text": text,
        "rule": rule,
        **attrs,
    }


RECORD = {
    "schema_version": "1.0",
    "doc_id": "d1",
    "source": {"path": "in/d1.txt", "sha256": "0" * 64, "encoding": "utf-8", "length": len(TEXT)},
    "metadata": {"url": "https://x.example/d1", "published": "2022-08-12", "source": "Báo A"},
    "title": {"start": 0, "end": 16, "text": TEXT[:16]},
    "dateline": "2022-08-12",
    "mentions": [
        _mention(
            "m1", "ORG", "UBND xã Liên Lộc", "org.body", expanded="Ủy ban nhân dân xã Liên Lộc"
        ),
        _mention("m2", "PLACE", "xã Liên Lộc", "place.unit_word", level="commune", name="Liên Lộc"),
        _mention(
            "m3",
            "AWARD",
            "3 tập thể",
            "award.count_recipient",
            count=3,
            recipient="collective",
            award=["bằng khen"],
            givers=["UBND xã Liên Lộc"],
        ),
        _mention("m4", "TITLE", "Chủ tịch UBND xã", "title.office"),
        _mention("m5", "PERSON", "Lý Văn An", "person.name", title="Chủ tịch UBND xã"),
        _mention(
            "m6",
            "FIGURE",
            "1.200 hộ",
            "figure.number_unit",
            value=1200,
            unit="hộ",
            quantity="households",
            subject="m2",
            measure="số hộ",
        ),
        _mention(
            "m7",
            "FIGURE",
            "495,29 ha",
            "figure.number_unit",
            value=495.29,
            unit="ha",
            quantity="area",
            subject=None,
        ),
    ],
    "officials": [{"person": "m5", "title": "m4", "org": None, "place": None, "mentions": ["m5"]}],
    "places": [
        {
            "mentions": ["m2"],
            "level": "commune",
            "name": "Liên Lộc",
            "status": "resolved",
            "code": "15934",
            "unit_type": "xã",
            "parents": [
                {"level": "district", "name": "Hậu Lộc", "code": "400"},
                {"level": "province", "name": "Thanh Hóa", "code": "38"},
            ],
            "successor": {
                "code": "16000",
                "name": "Hoa Lộc",
                "unit_type": "xã",
                "province": "Thanh Hóa",
            },
            "candidates": [],
        }
    ],
    "awards": [
        {
            "kinds": ["bằng khen"],
            "recipients": ["m3"],
            "givers": ["m1"],
            "amount": None,
            "date": None,
            "place": "m2",
        }
    ],
    "event": None,
    "warnings": [{"code": "W101", "message": "x"}],
    "validation": {"valid": True, "problems": []},
}


def _write_records(path: Path, records: list[dict], tail: str = "") -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.write(tail)
    return path


def test_every_table_has_its_documented_columns_even_when_empty(tmp_path):
    counts = build_tables(tmp_path, [], None)
    assert counts == dict.fromkeys(SCHEMAS, 0)
    for name, schema in SCHEMAS.items():
        table = pq.read_table(tmp_path / "tables" / f"{name}.parquet")
        assert table.schema.names == schema.names
    assert SCHEMAS["figures"].names[:11] == [
        "doc_id",
        "mention_id",
        "start",
        "end",
        "text",
        "value",
        "value_max",
        "unit",
        "quantity",
        "subject",
        "subject_text",
    ]


def test_rows_resolve_references_to_mention_texts(tmp_path):
    records = _write_records(tmp_path / "records.jsonl", [RECORD])
    counts = build_tables(tmp_path, [records], None)
    assert counts["articles"] == 1 and counts["mentions"] == 7 and counts["figures"] == 2
    [article] = pq.read_table(tmp_path / "tables" / "articles.parquet").to_pylist()
    assert article["n_mentions"] == 7 and article["n_figure"] == 2 and article["n_award"] == 1
    assert article["url"] == "https://x.example/d1" and article["source"] == "Báo A"
    assert str(article["dateline"]) == "2022-08-12" and article["warnings"] == ["W101"]
    assert (article["records_file"], article["records_line"]) == ("records.jsonl", 1)
    figures = pq.read_table(tmp_path / "tables" / "figures.parquet").to_pylist()
    assert [(f["value"], f["subject"], f["subject_text"]) for f in figures] == [
        (1200.0, "m2", "xã Liên Lộc"),
        (495.29, None, None),
    ]
    [official] = pq.read_table(tmp_path / "tables" / "officials.parquet").to_pylist()
    assert (official["person_text"], official["title_text"], official["name"]) == (
        "Lý Văn An",
        "Chủ tịch UBND xã",
        "Lý Văn An",
    )
    [place] = pq.read_table(tmp_path / "tables" / "places.parquet").to_pylist()
    assert (place["province"], place["district"], place["successor_name"]) == (
        "Thanh Hóa",
        "Hậu Lộc",
        "Hoa Lộc",
    )
    [award] = pq.read_table(tmp_path / "tables" / "awards.parquet").to_pylist()
    assert award["recipient_count"] == 3 and award["givers_text"] == ["UBND xã Liên Lộc"]
    assert award["place_text"] == "xã Liên Lộc"
    mentions = pq.read_table(tmp_path / "tables" / "mentions.parquet").to_pylist()
    assert json.loads(mentions[0]["attrs"]) == {"expanded": "Ủy ban nhân dân xã Liên Lộc"}


def test_partial_last_line_is_ignored_and_odd_values_do_not_break_a_table(tmp_path):
    odd = json.loads(json.dumps(RECORD))
    odd["doc_id"] = "d2"
    odd["mentions"][5]["value"] = "not a number"
    odd["dateline"] = "12/8/2022"
    records = _write_records(tmp_path / "records.jsonl", [RECORD, odd], tail='{"schema_ver')
    counts = build_tables(tmp_path, [records], None)
    assert counts["articles"] == 2
    values = [f["value"] for f in pq.read_table(tmp_path / "tables/figures.parquet").to_pylist()]
    assert values == [1200.0, 495.29, None, 495.29]


def test_duckdb_is_self_contained_and_queryable_from_elsewhere(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    records = _write_records(out / "records.jsonl", [RECORD])
    errors = out / "errors.jsonl"
    errors.write_text(
        json.dumps(
            {
                "input": "x.txt",
                "line": None,
                "row": None,
                "doc_id": "x",
                "key": "k",
                "stage": "ingest",
                "code": "E102",
                "reason": "empty",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    build_tables(out, [records], errors)
    write_duckdb(out)
    moved = tmp_path / "moved"
    out.rename(moved)
    monkeypatch.chdir(tmp_path)
    con = duckdb.connect(str(moved / "vnie.duckdb"), read_only=True)
    try:
        households = con.execute(
            "select sum(value) from figures where quantity = 'households'"
        ).fetchone()[0]
        assert households == 1200
        assert con.execute("select code, stage from errors").fetchall() == [("E102", "ingest")]
        names = {row[0] for row in con.execute("show tables").fetchall()}
        views = {"facts", "fact_parts", "award_facts", "entities_officials", "entities_places"}
        assert names == set(SCHEMAS) | views
    finally:
        con.close()
