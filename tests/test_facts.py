"""One fact, many mentions: restatements merged, breakdowns linked, DuckDB views that count
each fact once, and corpus-level entity tables (pipeline/linkers/facts.py, runs/tables.py)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.api import extract_path, extract_text
from pipeline.runs.batch import run_batch

from conftest import CORPUS, DEV, SEED_TEXT

C15 = CORPUS / "c15_nongcong_nuoc_sach.txt"


def _facts(record: dict) -> list[tuple]:
    text = {m["id"]: m["text"] for m in record["mentions"]}
    return [
        (
            f["kind"],
            f["value"],
            text.get(f["subject"]),
            [text[m] for m in f["mentions"]],
            f["part_of"],
        )
        for f in record["facts"]
    ]


def test_seed_gives_one_fact_per_figure_with_its_commune() -> None:
    record = extract_path(SEED_TEXT)
    figures = [m for m in record["mentions"] if m["label"] == "FIGURE"]
    facts = [f for f in record["facts"] if f["kind"] == "figure"]
    assert len(facts) == len(figures) == 3
    assert {f["mentions"][0] for f in facts} == {m["id"] for m in figures}
    assert {text for _, _, text, _, _ in _facts(record) if text} == {"Xã Liên Lộc"}
    assert all(f["part_of"] is None for f in facts)


def test_crafted_article_restated_households_and_breakdowns() -> None:
    facts = _facts(extract_path(C15))
    households = [f for f in facts if f[0] == "figure" and f[1] in (1240, 860)]
    # Headline, summary and the chairman's words: one fact of the commune, three mentions.
    assert households[0][1:4] == (1240, "Xã Tân Phúc", ["1.240 hộ dân"] * 3)
    # "trong đó 860 hộ …": a part of that fact.
    assert households[1][1] == 860 and households[1][4] is not None
    awards = [f for f in facts if f[0] == "award"]
    total = next(f for f in awards if f[1] == 12)
    assert total[4] is None
    assert sorted(f[1] for f in awards if f[4] is not None) == [5, 7]


@pytest.mark.parametrize(
    ("doc_id", "value", "n"),
    [("054", 450, 2), ("055", 700e9, 2), ("071", 1e9, 2), ("076", 2.3, 3)],
)
def test_restated_figures_in_dev_articles_are_one_fact(doc_id: str, value: float, n: int) -> None:
    facts = [
        f
        for f in extract_path(DEV / f"{doc_id}.txt")["facts"]
        if f["kind"] == "figure" and f["value"] == pytest.approx(value)
    ]
    assert len(facts) == 1 and len(facts[0]["mentions"]) == n


def test_breakdown_in_a_dev_article_links_its_parts() -> None:
    facts = extract_path(DEV / "060.txt")["facts"]
    total = next(f for f in facts if f["value"] == pytest.approx(112.5))
    parts = sorted(f["value"] for f in facts if f["part_of"] == total["id"])
    assert parts == [36, 76.5]


def test_figures_without_subject_stay_apart_outside_the_headline() -> None:
    record = extract_text(
        "Lễ hội mùa xuân\n\nNgày 3/2, hơn 500 người dự lễ khai mạc. Chiều cùng ngày, "
        "hơn 500 người dự hội thi nấu cơm."
    )
    facts = [f for f in record["facts"] if f["kind"] == "figure"]
    assert len(facts) == 2 and all(len(f["mentions"]) == 1 for f in facts)


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus-run")
    run_batch([str(CORPUS)], out, workers=0, progress=False)
    return out / "vnie.duckdb"


def _query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_facts_view_counts_a_restated_figure_once(corpus_run: Path) -> None:
    doc = "c15_nongcong_nuoc_sach"
    [(by_mention,)] = _query(
        corpus_run,
        f"select sum(value) from figures where quantity = 'households' and doc_id = '{doc}'",
    )
    assert by_mention == 1240 * 3 + 860  # what the old README query added up
    [(by_fact,)] = _query(
        corpus_run,
        f"select sum(value) from facts where quantity = 'households' and doc_id = '{doc}'",
    )
    assert by_fact == 1240
    [(subject, code, n)] = _query(
        corpus_run,
        "select subject, subject_place_code, n_mentions from facts "
        f"where quantity = 'households' and doc_id = '{doc}'",
    )
    assert (subject, code, n) == ("Xã Tân Phúc", "16282", 3)
    [(parts,)] = _query(corpus_run, f"select count(*) from fact_parts where doc_id = '{doc}'")
    assert parts == 1


def test_award_facts_count_a_breakdown_once(corpus_run: Path) -> None:
    rows = dict(
        _query(
            corpus_run,
            "select doc_id, sum(count) from award_facts where doc_id in "
            "('c06_camau_lat_do', 'c15_nongcong_nuoc_sach') group by 1",
        )
    )
    # c06: 2 collectives and 22 individuals (9 + 5 + 8 inside the 22); c15: 12 (7 + 5 inside).
    assert rows == {"c06_camau_lat_do": 24, "c15_nongcong_nuoc_sach": 12}
    [(recipients,)] = _query(
        corpus_run,
        "select sum(recipient_count) from awards where doc_id = 'c15_nongcong_nuoc_sach'",
    )
    assert recipients == 12


def test_entities_tables(corpus_run: Path) -> None:
    officials = _query(
        corpus_run,
        "select name, title, province_code, n_articles, first_dateline from entities_officials "
        "where name = 'Lê Văn Thành'",
    )
    assert officials == [("Lê Văn Thành", "Chủ tịch UBND xã Tân Phúc", "38", 1, None)]
    # Each (name, post, province) is one row; no two rows share all three.
    [(dupes,)] = _query(
        corpus_run,
        "select count(*) from (select lower(name), lower(title), province_code, count(*) n "
        "from entities_officials where province_code is not null group by 1, 2, 3) where n > 1",
    )
    assert dupes == 0
    [(n_articles, n_facts, households)] = _query(
        corpus_run,
        "select n_articles, n_facts, households from entities_places where code = '16282'",
    )
    assert (n_articles, n_facts, households) == (1, 3, 1240)
    # Thanh Hóa is named by several corpus articles; a province row is its own province.
    [(n, province)] = _query(
        corpus_run, "select n_articles, province from entities_places where code = '38'"
    )
    assert n >= 3 and province == "Thanh Hóa"


def test_places_table_province_and_country_columns(corpus_run: Path) -> None:
    [(unnamed,)] = _query(
        corpus_run,
        "select count(*) from places where level = 'province' and code is not null "
        "and (province is null or province_code <> code)",
    )
    assert unnamed == 0
    countries = _query(corpus_run, "select name, country from places where level = 'country'")
    assert countries and all(name == country for name, country in countries)
    [(in_vietnam,)] = _query(
        corpus_run, "select count(*) from places where code is not null and country <> 'Việt Nam'"
    )
    assert in_vietnam == 0


def test_article_page_shows_facts_with_subjects_and_parts() -> None:
    from pipeline.apps import report

    record = extract_path(C15)
    html_text = report.render_article(record, report.find_source(record)).html
    panel = html_text[html_text.index('id="facts"') : html_text.index('id="figures"')]
    households = next(f for f in record["facts"] if f["value"] == 1240)
    row = panel[panel.index(f"<td>{households['id']}</td>") :].split("</tr>")[0]
    assert ">Xã Tân Phúc</a>" in row and row.count(">1.240 hộ dân</a>") == 3
    part = next(f for f in record["facts"] if f["value"] == 860)
    part_row = panel[panel.index(f"<td>{part['id']}</td>") :].split("</tr>")[0]
    assert f"<td>{households['id']}</td>" in part_row


def test_explore_notebook_sums_the_facts_view(corpus_run: Path, monkeypatch) -> None:
    import nbformat
    from nbclient import NotebookClient

    notebook_path = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"
    monkeypatch.setenv("VNIE_OUT", str(corpus_run.parent))
    notebook = nbformat.read(notebook_path, as_version=4)
    NotebookClient(
        notebook, timeout=600, kernel_name="python3",
        resources={"metadata": {"path": str(notebook_path.parent)}},
    ).execute()  # fmt: skip
    cell = next(c for c in notebook.cells if "FROM facts" in c.source)
    out = "".join(
        o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in cell["outputs"]
    )
    [(n_facts,)] = _query(corpus_run, "select count(*) from facts")
    assert f"facts: {n_facts} facts" in out
    assert "Xã Tân Phúc" in out and "1240" in out


def test_entities_officials_match_conservatively(tmp_path: Path) -> None:
    import json

    from pipeline.runs.tables import build_tables, write_duckdb

    texts = {
        # The same chairman of a Thanh Hóa commune in two articles: one row.
        "a1": (
            "2023-03-01",
            "Ông Lê Văn Thành, Chủ tịch UBND xã Tân Phúc, huyện Nông Cống "
            "(Thanh Hóa), cho biết xã có 1.240 hộ.",
        ),
        "a2": (
            "2023-05-20",
            "Ông Lê Văn Thành, Chủ tịch UBND xã Tân Phúc, huyện Nông Cống "
            "(Thanh Hóa), dự lễ khánh thành.",
        ),
        # The same name and post text in another province: another row.
        "a3": (
            "2023-04-02",
            "Ông Lê Văn Thành, Chủ tịch UBND xã Tân Phúc, huyện Hàm Tân (Bình Thuận), dự họp.",
        ),
        # … and in another district of the same province: another row too.
        "a6": (
            "2023-04-03",
            "Ông Lê Văn Thành, Chủ tịch UBND xã Tân Phúc, huyện Lang Chánh (Thanh Hóa), dự họp.",
        ),
        # No place in the post: never matched across articles.
        "a4": ("2023-06-01", "Ông Trần Văn Bình, Chủ tịch UBND xã cho biết như vậy."),
        "a5": ("2023-06-02", "Ông Trần Văn Bình, Chủ tịch UBND xã cho biết như vậy."),
    }
    out = tmp_path / "out"
    out.mkdir()
    jsonl = out / "records.jsonl"
    with jsonl.open("w", encoding="utf-8") as handle:
        for doc_id, (published, text) in texts.items():
            record = extract_text(text, doc_id=doc_id, metadata={"published": published})
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    build_tables(out, [jsonl])
    write_duckdb(out)
    rows = _query(
        out / "vnie.duckdb",
        "select name, doc_ids, first_dateline, last_dateline from entities_officials "
        "order by name, doc_ids",
    )
    names = [(name, docs) for name, docs, _, _ in rows]
    assert names == [
        ("Lê Văn Thành", ["a1", "a2"]),
        ("Lê Văn Thành", ["a3"]),
        ("Lê Văn Thành", ["a6"]),
        ("Trần Văn Bình", ["a4"]),
        ("Trần Văn Bình", ["a5"]),
    ]
    first, last = rows[0][2], rows[0][3]
    assert (str(first), str(last)) == ("2023-03-01", "2023-05-20")


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Xã Tân Phú có 1.200 hộ, trong đó 300 hộ nghèo và 150 hộ cận nghèo.", [300, 150]),
        ("Trại nuôi 14.000 con, gồm 10.000 con gà và 4.000 con vịt.", [10000, 4000]),
        # Another counted noun is not a part; neither are amounts adding up to more.
        ("Huyện có 63 dự án, trong đó 24 công trình đã xong.", []),
        ("Quỹ có 50 triệu đồng, gồm 30 triệu đồng và 40 triệu đồng.", []),
    ],
)
def test_breakdown_parts(text: str, parts: list[float]) -> None:
    facts = extract_text(text)["facts"]
    assert sorted(f["value"] for f in facts if f["part_of"]) == sorted(parts)
