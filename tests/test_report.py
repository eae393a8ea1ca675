"""The review site (pipeline.apps.report) and notebooks/explore.ipynb, without a browser.

The records are made from the seed's gold file (``report.gold_record``) so that every
label, nested spans and the relation panels are exercised whatever the extractors find.
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from pipeline.apps import report
from pipeline.errors import RecordError
from pipeline.record.validate import validate_record
from pipeline.resources.gazetteer import resolve

ROOT = Path(__file__).resolve().parents[1]
SEED_ID = "000_733452ca63a47b73"
SEED_TEXT = ROOT / "corpus" / f"{SEED_ID}.txt"
SEED_GOLD = ROOT / "annotations" / f"{SEED_ID}.json"
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"

XSS_TEXT = (
    "Tin <script>alert(1)</script> &amp; \"trích dẫn\" 'đơn' <img src=x onerror=alert(2)>\n"
    "Sáng 12/8/2022 tại xã Liên Lộc có 3 tập thể được tặng giấy khen.\n"
)


def _find(record: dict[str, Any], label: str, text: str, nth: int = 0) -> dict[str, Any]:
    return [m for m in record["mentions"] if m["label"] == label and m["text"] == text][nth]


def seed_record(source_path: Path = SEED_TEXT) -> dict[str, Any]:
    """The seed's gold as a record, with relations filled in the way the linkers will:
    places resolved by the gazetteer, one official, the awards, the event, a subject."""
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = SEED_TEXT.read_text(encoding="utf-8")
    record = report.gold_record(gold, text, source_path=str(source_path))
    places: dict[tuple[str, str], dict[str, Any]] = {}
    for m in record["mentions"]:
        if m["label"] != "PLACE":
            continue
        key = (m["level"], m["name"])
        if key not in places:
            context = [("district", "Hậu Lộc")] if m["level"] == "commune" else []
            resolution = resolve(m["name"], m["level"], context=context)
            places[key] = {
                "mentions": [],
                "level": m["level"],
                "name": m["name"],
                **resolution.to_dict(),
            }
        places[key]["mentions"].append(m["id"])
    record["places"] = list(places.values())
    person = _find(record, "PERSON", "Lý Bách Chiến")
    record["officials"] = [
        {
            "person": person["id"],
            "mentions": [person["id"]],
            "title": _find(record, "TITLE", "Chủ tịch UBND xã Liên Lộc")["id"],
            "org": _find(record, "ORG", "UBND xã Liên Lộc")["id"],
            "place": _find(record, "PLACE", "xã Liên Lộc", 5)["id"],
        }
    ]
    awards = [m for m in record["mentions"] if m["label"] == "AWARD"]
    record["awards"] = [
        {
            "kinds": ["bằng khen", "giấy khen"],
            "recipients": [a["id"] for a in awards[:2]],
            "givers": [
                _find(record, "TITLE", t)["id"]
                for t in ("Chủ tịch UBND tỉnh", "Giám đốc Công an tỉnh", "Chủ tịch UBND huyện")
            ],
            "amount": None,
            "date": None,
            "place": None,
        }
    ]
    event_name = "Ngày hội toàn dân bảo vệ An ninh Tổ quốc"
    assert text.startswith(event_name)
    record["event"] = {
        "name": {"start": 0, "end": len(event_name), "text": event_name},
        "date": _find(record, "DATE", "12/8/2022")["id"],
        "place": _find(record, "PLACE", "xã Liên Lộc", 1)["id"],
        "organiser": _find(record, "ORG", "Ban chỉ đạo 138 huyện Hậu Lộc")["id"],
    }
    _find(record, "FIGURE", "495,29 ha")["subject"] = _find(record, "PLACE", "Xã Liên Lộc")["id"]
    headline = text.split("\n", 1)[0]
    record["title"] = {"start": 0, "end": len(headline), "text": headline}
    record["dateline"] = "2022-08-12"
    record["metadata"] = {"url": "https://example.org/ngay-hoi", "source": "seed"}
    problems = validate_record(record, source_text=text)
    record["validation"] = {"valid": not problems, "problems": problems}
    return record


def xss_record(source_path: Path) -> dict[str, Any]:
    """A record over XSS_TEXT whose mentions, attributes and metadata carry markup."""
    source_path.write_text(XSS_TEXT, encoding="utf-8")
    from pipeline.text.ingest import sha256_hex

    def span(needle: str) -> tuple[int, int]:
        start = XSS_TEXT.index(needle)
        return start, start + len(needle)

    mentions = []
    for label, needle, attrs in [
        ("ORG", "<script>alert(1)</script>", {"expanded": '<b>bold</b> & "q"'}),
        ("DATE", "12/8/2022", {"value": "2022-08-12"}),
        ("PLACE", "xã Liên Lộc", {"level": "commune", "name": "Liên Lộc"}),
    ]:
        start, end = span(needle)
        mentions.append(
            {
                "label": label,
                "start": start,
                "end": end,
                "text": needle,
                "rule": "test.xss",
                **attrs,
            }
        )
    for i, m in enumerate(mentions, start=1):
        m["id"] = f"m{i}"
    return {
        "schema_version": "1.0",
        "doc_id": "xss<article>",
        "source": {
            "path": str(source_path),
            "sha256": sha256_hex(XSS_TEXT.encode("utf-8")),
            "encoding": "utf-8",
            "length": len(XSS_TEXT),
        },
        "metadata": {"url": "javascript:alert(3)", "source": "<i>paper</i>"},
        "title": {"start": 0, "end": 29, "text": XSS_TEXT[:29]},
        "dateline": None,
        "mentions": [{"id": m.pop("id"), **m} for m in mentions],
        "officials": [],
        "places": [],
        "awards": [],
        "event": None,
        "warnings": [{"code": "W999", "message": "<script>alert(4)</script>"}],
        "validation": {"valid": True, "problems": []},
    }


def write_records(directory: Path, records: list[dict[str, Any]]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for record in records:
        name = re.sub(r"[^\w.-]", "_", record["doc_id"])
        (directory / f"{name}.json").write_text(
            json.dumps(record, ensure_ascii=False), encoding="utf-8"
        )
    return directory


class _Spans(HTMLParser):
    """Collects the mention text pieces (``.t`` elements) and the tags of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[tuple[list[str], str]] = []
        self.tags: dict[str, dict[str, str]] = {}
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "span" and "t" in classes:
            self._open = a["data-m"].split()
            self.pieces.append((self._open, ""))
        if tag == "span" and "tag" in classes:
            self.tags[a["data-mid"]] = a

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            ids, text = self.pieces[-1]
            self.pieces[-1] = (ids, text + data)

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def text_of(self, mention_id: str) -> str:
        return "".join(text for ids, text in self.pieces if mention_id in ids)


def parse(page: str) -> _Spans:
    parser = _Spans()
    parser.feed(page)
    return parser


# --- article pages --------------------------------------------------------------------------


def test_gold_record_is_a_valid_record_with_every_gold_mention() -> None:
    record = seed_record()
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    assert record["validation"] == {"valid": True, "problems": []}
    assert [m["id"] for m in record["mentions"]] == [
        f"m{i}" for i in range(1, len(gold["mentions"]) + 1)
    ]
    assert [(m["label"], m["start"], m["end"]) for m in record["mentions"]] == [
        (m["label"], m["start"], m["end"]) for m in gold["mentions"]
    ]


def test_gold_record_turns_a_subject_text_into_the_nearest_mention_id() -> None:
    text = "Xã A có 12 ha. Xã A giáp xã B."
    gold = {
        "doc_id": "t",
        "text_sha256": "0" * 64,
        "mentions": [
            {"label": "PLACE", "start": 0, "end": 4, "text": "Xã A", "level": "commune",
             "name": "A"},
            {"label": "FIGURE", "start": 8, "end": 13, "text": "12 ha", "value": 12, "unit": "ha",
             "quantity": "area", "subject": "Xã A"},
            {"label": "PLACE", "start": 15, "end": 19, "text": "Xã A", "level": "commune",
             "name": "A"},
        ],
    }  # fmt: skip
    record = report.gold_record(gold, text, source_path="t.txt")
    assert record["mentions"][1]["subject"] == "m1"


def test_article_page_draws_each_mention_exactly_over_its_text() -> None:
    record = seed_record()
    page = report.render_article(record, report.find_source(record))
    spans = parse(page.html)
    assert page.valid
    assert len(record["mentions"]) == 39
    for m in record["mentions"]:
        assert spans.text_of(m["id"]) == m["text"], m["id"]
        assert spans.tags[m["id"]]["id"] == f"mention-{m['id']}"
    # Outside the mentions the text is there too: all pieces plus the rest is the article.
    assert "Tác giả: Mai Hà" in re.sub(r"<[^>]+>", "", page.html)


DEV = ROOT.parent / "shared" / "dev"


@pytest.mark.skipif(
    not DEV.is_dir() and not os.environ.get("CI"), reason=f"{DEV} is not here (CI has it)"
)
def test_every_dev_gold_mention_is_drawn_over_its_exact_text() -> None:
    golds = sorted(DEV.glob("*.json"))
    assert golds
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = path.with_suffix(".txt")
        record = report.gold_record(gold, text_path.read_text(encoding="utf-8"),
                                    source_path=str(text_path))  # fmt: skip
        page = report.render_article(record, report.find_source(record))
        spans = parse(page.html)
        drawn = {m["id"]: spans.text_of(m["id"]) for m in record["mentions"]}
        assert drawn == {m["id"]: m["text"] for m in record["mentions"]}, path.name
        slots = report.assign_slots(page.items)
        for a in page.items:  # overlapping spans never share a bar row
            for b in page.items:
                if a.id < b.id and a.start < b.end and b.start < a.end:
                    assert slots[a.id] != slots[b.id], (path.name, a.id, b.id)


def test_nested_labels_get_stacked_slots_and_share_the_inner_segment() -> None:
    record = seed_record()
    page = report.render_article(record, report.find_source(record))
    title = _find(record, "TITLE", "Chủ tịch UBND xã Liên Lộc")
    org = _find(record, "ORG", "UBND xã Liên Lộc")
    place = _find(record, "PLACE", "xã Liên Lộc", 5)
    assert (title["start"], org["start"], place["start"]) == (1962, 1971, 1976)
    slots = report.assign_slots(page.items)
    assert [slots[m["id"]] for m in (title, org, place)] == [0, 1, 2]
    spans = parse(page.html)
    inner = [ids for ids, text in spans.pieces if text == "xã Liên Lộc" and place["id"] in ids]
    assert inner == [[title["id"], org["id"], place["id"]]]


def test_attribute_rows_show_values_gazetteer_and_subject() -> None:
    record = seed_record()
    rows = {it.id: dict(it.rows) for it in report.article_items(record)}
    figure = _find(record, "FIGURE", "495,29 ha")
    subject = _find(record, "PLACE", "Xã Liên Lộc")
    assert rows[figure["id"]]["value"] == "495.29"
    assert rows[figure["id"]]["unit"] == "ha"
    assert rows[figure["id"]]["quantity"] == "area"
    assert rows[figure["id"]]["subject"] == f"Xã Liên Lộc ({subject['id']})"
    assert rows[_find(record, "FIGURE", "1.200 hộ")["id"]]["value"] == "1200"
    assert rows[_find(record, "DATE", "12/8/2022")["id"]]["value"] == "2022-08-12"
    place = rows[subject["id"]]
    assert place["level"] == "commune"
    assert place["gazetteer"] == "resolved"
    expected = resolve("Liên Lộc", "commune", context=[("district", "Hậu Lộc")])
    assert expected.unit is not None and place["code"] == expected.unit.code
    assert "Thanh Hóa (province, 38)" in place["parents"]
    assert rows[_find(record, "ORG", "HĐND")["id"]]["expanded"] == "Hội đồng nhân dân"
    award = rows[_find(record, "AWARD", "3 tập thể")["id"]]
    assert (award["count"], award["recipient"]) == ("3", "collective")
    assert award["award"] == "bằng khen, giấy khen"
    assert rows[figure["id"]]["rule"] == report.GOLD_RULE


def test_side_panels_resolve_references_to_mention_texts() -> None:
    record = seed_record()
    html_text = report.render_article(record, report.find_source(record)).html
    panel = html_text[html_text.index('id="officials"') : html_text.index('id="figures"')]
    assert ">Lý Bách Chiến</a>" in panel and ">Chủ tịch UBND xã Liên Lộc</a>" in panel
    figures = html_text[html_text.index('id="figures"') : html_text.index('id="awards"')]
    assert ">495.29<" in figures and ">Xã Liên Lộc</a>" in figures
    awards = html_text[html_text.index('id="awards"') : html_text.index('id="places"')]
    assert ">Giám đốc Công an tỉnh</a>" in awards and ">5 cá nhân</a>" in awards
    event = html_text[html_text.index('id="event"') :]
    assert "2022-08-12" in event and ">Ban chỉ đạo 138 huyện Hậu Lộc</a>" in event
    assert '<span class="badge valid">' in html_text


def test_markup_in_an_article_is_escaped_everywhere(tmp_path: Path) -> None:
    record = xss_record(tmp_path / "xss.txt")
    page = report.render_article(record, report.find_source(record))
    html_text = page.html
    assert "<script>alert" not in html_text
    assert "<img src=x" not in html_text and "<b>bold" not in html_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert "&amp;amp;" in html_text  # the article's literal "&amp;"
    assert 'href="javascript' not in html_text and "javascript:alert(3)" in html_text
    data = re.search(r'<script type="application/json" id="vnie-data">(.*?)</script>', html_text)
    assert data is not None and "<" not in data.group(1)
    assert json.loads(data.group(1))["mentions"]["m1"]["text"] == "<script>alert(1)</script>"
    # Only our own two scripts: the data block and the page script.
    assert len(re.findall(r"<script\b", html_text)) == 2
    assert parse(html_text).text_of("m1") == "<script>alert(1)</script>"


def test_missing_source_lists_mentions_as_a_table(tmp_path: Path) -> None:
    record = seed_record(tmp_path / "gone.txt")
    source = report.find_source(record)
    assert source.text is None and "was not found" in (source.problem or "")
    page = report.render_article(record, source)
    assert 'class="article-text"' not in page.html
    assert "Source text not shown" in page.html
    assert "<details open>" in page.html
    for m in record["mentions"]:
        assert f'id="row-{m["id"]}"' in page.html
    assert page.valid  # as recorded: nothing to check against


def test_changed_source_is_not_used(tmp_path: Path) -> None:
    changed = tmp_path / f"{SEED_ID}.txt"
    changed.write_text(SEED_TEXT.read_text(encoding="utf-8") + "x", encoding="utf-8")
    source = report.find_source(seed_record(changed))
    assert source.text is None and "sha256 differs" in (source.problem or "")


def test_relative_source_is_found_beside_the_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_empty(tmp_path))
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / SEED_TEXT.name).write_bytes(SEED_TEXT.read_bytes())
    record = seed_record(Path("corpus") / SEED_TEXT.name)
    assert report.find_source(record).text is None
    found = report.find_source(record, [tmp_path])
    assert found.text == SEED_TEXT.read_text(encoding="utf-8")


def variant_record() -> dict[str, Any]:
    """The seed record with the ORG inside the TITLE dropped and a PERSON inside a name added."""
    record = copy.deepcopy(seed_record())
    text = SEED_TEXT.read_text(encoding="utf-8")
    record["doc_id"] = "seed_variant"
    drop = _find(record, "ORG", "UBND xã Liên Lộc")
    record["mentions"].remove(drop)
    record["officials"][0]["org"] = None
    start = text.index("Mai Danh")
    record["mentions"].append(
        {"id": "m99", "label": "PERSON", "start": start, "end": start + 8, "text": "Mai Danh",
         "rule": "person.name"}
    )  # fmt: skip
    record["mentions"].sort(key=lambda m: (m["start"], m["end"], m["label"]))
    return record


def test_gold_comparison_marks_missed_and_spurious(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "seed_variant.json").write_bytes(SEED_GOLD.read_bytes())
    record = variant_record()
    source = report.find_source(record)
    gold = report.find_gold(record, gold_dir, source)
    assert gold.mentions is not None
    page = report.render_article(record, source, gold=gold)
    status = Counter(it.status for it in page.items)
    assert status == {"correct": 38, "missed": 1, "spurious": 1}
    missed = next(it for it in page.items if it.status == "missed")
    assert (missed.id, missed.label, missed.text) == ("g1", "ORG", "UBND xã Liên Lộc")
    spans = parse(page.html)
    assert "missed" in spans.tags["g1"]["class"] and "spurious" in spans.tags["m99"]["class"]
    assert spans.text_of("g1") == "UBND xã Liên Lộc"
    assert "correct" not in spans.tags["m1"]["class"]


def test_gold_attribute_differences_are_shown(tmp_path: Path) -> None:
    record = seed_record()
    figure = _find(record, "FIGURE", "1.200 hộ")
    figure["value"] = 12
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["mentions"]
    items = {it.id: dict(it.rows) for it in report.article_items(record, gold)}
    assert items[figure["id"]]["gold value"] == "1200"
    assert "gold value" not in items[_find(record, "FIGURE", "495,29 ha")["id"]]


def test_gold_for_another_text_is_not_compared(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    data = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    data["text_sha256"] = "f" * 64
    (gold_dir / f"{SEED_ID}.json").write_text(json.dumps(data), encoding="utf-8")
    record = seed_record()
    gold = report.find_gold(record, gold_dir, report.find_source(record))
    assert gold.mentions is None and "text_sha256" in (gold.problem or "")
    assert (
        "No gold comparison"
        in report.render_article(record, report.find_source(record), gold=gold).html
    )


# --- inputs ---------------------------------------------------------------------------------


def test_load_records_reads_extract_dirs_and_batch_dirs(tmp_path: Path) -> None:
    seed = seed_record()
    assert [r["doc_id"] for r in report.load_records(write_records(tmp_path / "x", [seed]))] == [
        SEED_ID
    ]
    batch = tmp_path / "batch"
    batch.mkdir()
    lines = [json.dumps({**seed, "doc_id": f"d{i}"}, ensure_ascii=False) for i in range(3)]
    (batch / "records-00000.jsonl").write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    (batch / "records-00001.jsonl").write_text(lines[2] + "\n", encoding="utf-8")
    (batch / "manifest.json").write_text('{"version": "x"}', encoding="utf-8")
    assert [r["doc_id"] for r in report.load_records(batch)] == ["d0", "d1", "d2"]
    with pytest.raises(RecordError, match="no records"):
        report.load_records(_empty(tmp_path))
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.json").write_text('{"not": "a record"}', encoding="utf-8")
    with pytest.raises(RecordError, match="not a record"):
        report.load_records(bad)


def _empty(tmp_path: Path) -> Path:
    empty = tmp_path / "empty"
    empty.mkdir()
    return empty


def test_page_names_are_safe_and_distinct() -> None:
    names = report.page_names(["../etc/passwd", "a/b", "a_b", "A_B", "", "ok"])
    assert names == [
        "etc_passwd.html", "a_b.html", "a_b-2.html", "A_B-3.html", "article.html", "ok.html",
    ]  # fmt: skip


# --- the site -------------------------------------------------------------------------------


def test_build_site_writes_pages_index_and_summary(tmp_path: Path) -> None:
    records = write_records(
        tmp_path / "records", [seed_record(), variant_record(), xss_record(tmp_path / "x.txt")]
    )
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / f"{SEED_ID}.json").write_bytes(SEED_GOLD.read_bytes())
    (gold_dir / "seed_variant.json").write_bytes(SEED_GOLD.read_bytes())
    summary = report.build_site(records, tmp_path / "site", gold_dir=gold_dir)
    assert summary.articles == 3 and summary.mentions == 39 + 39 + 3
    assert (summary.gold_compared, summary.missed, summary.spurious) == (2, 1, 1)
    # The XSS record is made by hand: re-extracting its source does not give its mentions.
    assert summary.invalid == ("xss<article>",) and summary.missing_sources == ()
    assert {p.name for p in summary.pages} == {
        f"{SEED_ID}.html",
        "seed_variant.html",
        "xss_article.html",
    }
    index = summary.index.read_text(encoding="utf-8")
    assert "gold compared on 2: 1 missed, 1 spurious" in summary.describe()
    data = _index_json(index)
    rows = [
        (r[0], " ".join(lb for lb, n in zip(data["labels"], r[4], strict=True) if n))
        for r in data["rows"]
    ]
    assert rows == [
        (SEED_ID, "PERSON TITLE ORG PLACE DATE FIGURE AWARD"),
        ("seed_variant", "PERSON TITLE ORG PLACE DATE FIGURE AWARD"),
        ("xss<article>", "ORG PLACE DATE"),
    ]
    assert [r[1] for r in data["rows"]][2] == "articles/xss_article.html"
    assert [r[5] for r in data["rows"]] == [1, 1, 0]  # valid
    assert data["rows"][0][9] == [39, 0, 0] and data["rows"][2][9] is None  # gold counts
    assert "strict P / R / F1" in index and "0.987 / 0.987 / 0.987" in index
    for key in report.CHARTS:
        assert f'id="chart-{key}"' in index
    # No network at view time: pages load only the site's one copy of the shared files.
    article = (summary.site_dir / "articles" / f"{SEED_ID}.html").read_text(encoding="utf-8")
    loaded = {
        "index": _loaded(index),
        "article": _loaded(article),
    }
    assert loaded == {
        "index": ["assets/report.css", "assets/plotly.min.js", "assets/report_index.js"],
        "article": ["../assets/report.css", "../assets/report_article.js"],
    }
    assets = summary.site_dir / "assets"
    assert sorted(p.name for p in assets.iterdir()) == [
        "plotly.min.js", "report.css", "report_article.js", "report_index.js",
    ]  # fmt: skip
    plotly = (assets / "plotly.min.js").read_text(encoding="utf-8")
    assert len(index) < len(plotly) // 20  # plotly.js itself is not inlined
    assert "Plotly" not in article
    assert 'href="seed_variant.html" rel="next"' in article
    # The summary states what the build wrote and how long it took.
    total = sum(p.stat().st_size for p in summary.site_dir.rglob("*") if p.is_file())
    assert summary.size == total and summary.sizes["assets"] > summary.sizes["index"]
    assert summary.verified and "re-extracted to verify" in summary.describe_build()


def _loaded(page: str) -> list[str]:
    """Every file a page loads (scripts, stylesheets, images, frames), in order."""
    return re.findall(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=\"([^\"]*)\"", page)


def _index_json(index: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="vnie-index">(.*?)</script>', index)
    assert found is not None and "<" not in found.group(1)
    return json.loads(found.group(1))


def test_build_site_names_the_empty_input(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match="no records"):
        report.build_site(_empty(tmp_path), tmp_path / "site")


def test_chart_data_counts_labels_quantities_provinces_and_recipients() -> None:
    record = seed_record()
    frame = report.mentions_frame([record])
    assert list(frame.columns) == list(report.MENTION_COLUMNS)
    data = report.chart_data(frame)
    gold = Counter(m["label"] for m in json.loads(SEED_GOLD.read_text())["mentions"])
    assert dict(zip(data["labels"]["label"], data["labels"]["mentions"], strict=True)) == {
        label: gold.get(label, 0) for label in report.LABELS
    }
    assert sorted(data["quantities"]["quantity"]) == ["area", "households", "population"]
    assert data["provinces"].to_dict("records") == [{"province": "Thanh Hóa", "mentions": 10}]
    recipients = data["recipients"].set_index("recipient")
    assert recipients.loc["family", "recipients"] == 15
    assert recipients.loc["collective", "recipients"] == 3
    assert recipients.loc["individual", "mentions"] == 1
    figures = report.chart_figures(frame)
    assert list(figures["labels"].data[0].y) == list(data["labels"]["mentions"])


def test_chart_data_without_gazetteer_counts_provinces_by_name() -> None:
    record = seed_record()
    record["places"] = []
    data = report.chart_data(report.mentions_frame([record]))
    assert data["provinces"].to_dict("records") == [{"province": report.UNRESOLVED, "mentions": 10}]
    empty = report.chart_data(report.mentions_frame([]))
    assert empty["quantities"].empty and int(empty["labels"]["mentions"].sum()) == 0


# --- the notebook ---------------------------------------------------------------------------


def _run_notebook(out: Path, monkeypatch: pytest.MonkeyPatch) -> list[nbformat.NotebookNode]:
    monkeypatch.setenv("VNIE_OUT", str(out))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
    NotebookClient(
        notebook, timeout=600, kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()  # fmt: skip
    return [c for c in notebook.cells if c.cell_type == "code"]


def _plotly_outputs(cells: list[nbformat.NotebookNode]) -> list[dict[str, Any]]:
    return [
        output["data"]["application/vnd.plotly.v1+json"]
        for cell in cells
        for output in cell.get("outputs", [])
        if "application/vnd.plotly.v1+json" in output.get("data", {})
    ]


def _stdout(cells: list[nbformat.NotebookNode]) -> str:
    return "".join(o.get("text", "") for c in cells for o in c.get("outputs", []))


def test_explore_notebook_runs_on_extract_records_and_on_a_batch_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.runs.tables import build_tables, write_duckdb

    records = [seed_record(), variant_record()]
    from_records = _run_notebook(write_records(tmp_path / "records", records), monkeypatch)
    assert "records: 78 mentions in 2 articles" in _stdout(from_records)

    batch = tmp_path / "batch"
    batch.mkdir()
    jsonl = batch / "records.jsonl"
    jsonl.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    build_tables(batch, [jsonl])
    write_duckdb(batch)
    from_db = _run_notebook(batch, monkeypatch)
    assert "duckdb: 78 mentions in 2 articles" in _stdout(from_db)

    charts_records = _plotly_outputs(from_records)
    charts_db = _plotly_outputs(from_db)
    assert len(charts_records) == len(charts_db) == len(report.CHARTS)
    expected = report.chart_figures(report.mentions_frame(records))
    for key, left, right in zip(report.CHARTS, charts_records, charts_db, strict=True):
        want = expected[key].data[0]
        for got in (left, right):
            assert got["layout"]["title"]["text"] == report.CHARTS[key]
            assert list(got["data"][0]["x"]) == list(want.x), key
            assert list(got["data"][0]["y"]) == list(want.y), key


# --- at scale: gzipped sources, workers, no re-extraction, chart counts ---------------------

SYNTHETIC = [
    "Ngày 3/4/2024, UBND tỉnh Nghệ An tổ chức hội nghị tổng kết công tác năm.\n"
    "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh, phát biểu tại hội nghị.",
    "Huyện Quỳnh Lưu có 1.250 hộ nghèo, giảm 320 hộ so với năm 2023.",
]


def _gzipped_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A batch run over a gzipped JSONL file (synthetic articles), its path relative."""
    import gzip

    from pipeline.runs.batch import run_batch

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in SYNTHETIC]
    with gzip.open(tmp_path / "in" / "news.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    out = tmp_path / "run"
    run_batch(["in/news.jsonl.gz"], out, workers=0, progress=False)
    return out


def test_gzipped_jsonl_sources_are_read_as_the_batch_read_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _gzipped_batch(tmp_path, monkeypatch)
    monkeypatch.chdir(_empty(tmp_path))  # found beside the run, not from the working dir
    summary = report.build_site(out, tmp_path / "site")
    assert summary.articles == 2 and summary.missing_sources == () and summary.invalid == ()
    page = (tmp_path / "site" / "articles" / "news-L2.html").read_text(encoding="utf-8")
    assert 'class="article-text"' in page and "Huyện Quỳnh Lưu có" in page
    assert "every derived value re-derived" in page

    # A changed file is not used; a corrupt one is not either, and nothing crashes.
    import gzip

    source = tmp_path / "in" / "news.jsonl.gz"
    source.write_bytes(gzip.compress(b'{"text": "other"}\n{"text": "other"}\n'))
    changed = report.build_site(out, tmp_path / "site2")
    assert len(changed.missing_sources) == 2
    assert "does not match the record" in (tmp_path / "site2/articles/news-L1.html").read_text(
        encoding="utf-8"
    )
    source.write_bytes(b"\x1f\x8b not gzip at all")
    assert len(report.build_site(out, tmp_path / "site3").missing_sources) == 2


def test_without_verify_the_pages_and_index_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _gzipped_batch(tmp_path, monkeypatch)
    summary = report.build_site(out, tmp_path / "site", verify=False)
    assert summary.invalid == () and summary.missing_sources == ()
    page = (tmp_path / "site" / "articles" / "news-L1.html").read_text(encoding="utf-8")
    assert "derived values were not re-derived (site built with --no-verify)" in page
    assert "--no-verify" in summary.index.read_text(encoding="utf-8")
    assert "not re-extracted (--no-verify)" in summary.describe_build()


def test_worker_processes_build_the_same_site(tmp_path: Path) -> None:
    records = write_records(
        tmp_path / "records", [seed_record(), variant_record(), xss_record(tmp_path / "x.txt")]
    )
    (records / "broken.json").write_text("{not json", encoding="utf-8")
    one = report.build_site(records, tmp_path / "one", verify=False)
    two = report.build_site(records, tmp_path / "two", verify=False, workers=2)
    assert (one.articles, one.mentions, one.invalid) == (two.articles, two.mentions, two.invalid)
    assert two.workers == 2 and one.invalid == ("broken",)
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*.html"))
    assert len(files) == 5
    for name in files:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_chart_tally_gives_the_chart_tables_of_the_mentions_frame() -> None:
    import pandas as pd

    records = [seed_record(), variant_record()]
    records[1]["mentions"].append(
        {"id": "m100", "label": "AWARD", "start": 0, "end": 1, "text": "x", "rule": "r",
         "count": None, "recipient": None}
    )  # fmt: skip
    for batch in ([], records):
        tally = report.ChartTally()
        for record in batch:
            tally.add(record)
        expected = report.chart_data(report.mentions_frame(batch))
        got = tally.data()
        assert tally.mentions == len(report.mentions_frame(batch))
        for key in report.CHARTS:
            pd.testing.assert_frame_equal(
                got[key], expected[key], check_index_type=False, check_dtype=False
            )
    halves = report.ChartTally(), report.ChartTally()
    halves[0].add(records[0])
    halves[1].add(records[1])
    halves[0].merge(halves[1])
    pd.testing.assert_frame_equal(halves[0].data()["provinces"], tally.data()["provinces"])
