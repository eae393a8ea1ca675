"""Batch inputs: expansion of paths, and articles from .txt, .html, .jsonl and .csv."""

from __future__ import annotations

import hashlib
import json
from itertools import islice
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.runs.inputs import (
    Article,
    InputFailure,
    count_articles,
    iter_articles,
    iter_paths,
    source_text,
)

SEED = Path(__file__).resolve().parents[1] / "corpus" / "000_733452ca63a47b73.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def _write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_directory_walk_is_sorted_recursive_and_skips_hidden_and_excluded(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "out").mkdir()
    for name in (
        "b/2.txt",
        "a.html",
        "c.jsonl",
        ".hidden.txt",
        ".git/x.txt",
        "out/records.jsonl",
        "notes.md",
        "b/1.TXT",
    ):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [
        p.relative_to(tmp_path).as_posix()
        for p in iter_paths([str(tmp_path)], exclude=tmp_path / "out")
    ]
    assert found == ["a.html", "c.jsonl", "b/1.TXT", "b/2.txt"]


def test_missing_input_and_empty_glob_are_failures(tmp_path):
    items = list(iter_paths([str(tmp_path / "nope.txt"), str(tmp_path / "*.txt")]))
    assert [type(i) for i in items] == [InputFailure, InputFailure]
    assert items[0].code == "E101" and "no such file" in items[0].reason
    assert items[1].code == "E106"


def test_explicit_input_inside_output_is_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "records.jsonl").write_text("{}\n", encoding="utf-8")
    [item] = list(iter_paths([str(out / "records.jsonl")], exclude=out))
    assert isinstance(item, InputFailure) and item.code == "E113"


def test_txt_article_keeps_raw_bytes_and_their_digest(tmp_path):
    path = tmp_path / "bài-1.txt"
    path.write_bytes(SEED.read_bytes())
    [article] = list(iter_articles([str(path)]))
    assert isinstance(article, Article)
    assert article.doc_id == "bài-1"
    assert article.data == SEED.read_bytes() and article.text is None
    assert article.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()


def test_jsonl_fields_ids_metadata_and_bad_lines(tmp_path):
    good = {
        "id": "a1",
        "text": SEED_TEXT,
        "url": "https://x.example/1",
        "published": "2022-08-12",
        "tags": ["an ninh"],
    }
    path = _write_jsonl(
        tmp_path / "feed.jsonl",
        [
            json.dumps(good, ensure_ascii=False),
            "",
            '{"id": "a2", "text": "cắt ngang',
            json.dumps({"id": "a3", "body": "không có trường text"}, ensure_ascii=False),
            json.dumps(["không", "phải", "object"]),
            json.dumps({"id": "a4", "text": "Bài ngắn về xã Liên Lộc."}, ensure_ascii=False),
        ],
    )
    items = list(iter_articles([str(path)], id_field="id"))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "InputFailure",
        "InputFailure",
        "InputFailure",
        "Article",
    ]
    first, malformed, no_text, not_object, last = items
    assert first.doc_id == "a1" and first.line == 1 and first.text == SEED_TEXT
    assert first.metadata == {
        "url": "https://x.example/1",
        "published": "2022-08-12",
        "tags": ["an ninh"],
    }
    assert first.path == f"{path}#L1"
    assert first.sha256 == hashlib.sha256(SEED_TEXT.encode("utf-8")).hexdigest()
    assert (malformed.line, malformed.code) == (3, "E110") and "malformed JSON" in malformed.reason
    assert (no_text.line, no_text.code) == (4, "E111") and "'text'" in no_text.reason
    assert (not_object.line, not_object.code) == (5, "E110")
    assert last.line == 6 and last.doc_id == "a4"


def test_jsonl_default_ids_and_other_text_field(tmp_path):
    path = _write_jsonl(
        tmp_path / "news.jsonl",
        [
            json.dumps({"body": "Xã Liên Lộc có 1.200 hộ.", "source": "Báo A"}, ensure_ascii=False),
            json.dumps({"body": "Huyện Hậu Lộc.", "source": "Báo B"}, ensure_ascii=False),
        ],
    )
    items = list(iter_articles([str(path)], text_field="body"))
    assert [i.doc_id for i in items] == ["news-L1", "news-L2"]
    assert items[1].metadata == {"source": "Báo B"}


def test_jsonl_undecodable_line_fails_alone(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "\xff\xfe bad"}\n' + '{"text": "Xã Liên Lộc."}\n'.encode())
    first, second = list(iter_articles([str(path)]))
    assert isinstance(first, InputFailure) and first.code == "E104" and first.line == 1
    assert isinstance(second, Article) and second.text == "Xã Liên Lộc."


def test_jsonl_is_read_lazily(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(5000):
            handle.write(json.dumps({"text": f"Bài số {i} về xã Liên Lộc."}, ensure_ascii=False))
            handle.write("\n")
    stream = iter_articles([str(path)])
    assert [a.doc_id for a in islice(stream, 2)] == ["big-L1", "big-L2"]
    assert count_articles([str(path)]) == 5000


def test_csv_rows_with_multiline_text_and_bad_rows(tmp_path):
    path = tmp_path / "bai.csv"
    path.write_text(
        "url,text,published\n"
        '"https://x.example/1","Dòng một.\nDòng hai có, dấu phẩy.",2022-08-12\n'
        "https://x.example/2,,2022-08-13\n"
        "https://x.example/3,Thừa ô,2022-08-14,extra\n"
        "https://x.example/4,Bài bốn.,2022-08-15\n",
        encoding="utf-8",
    )
    items = list(iter_articles([str(path)]))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "InputFailure",
        "InputFailure",
        "Article",
    ]
    first, empty, extra, fourth = items
    assert first.doc_id == "bai-R1" and first.row == 1
    assert first.text == "Dòng một.\nDòng hai có, dấu phẩy."
    assert first.metadata == {"url": "https://x.example/1", "published": "2022-08-12"}
    assert empty.code == "E102" and empty.row == 2
    assert extra.code == "E110" and extra.row == 3
    assert fourth.doc_id == "bai-R4"
    assert count_articles([str(path)]) == 4


def test_html_article_is_its_visible_text_with_page_metadata(tmp_path):
    path = tmp_path / "trang.html"
    path.write_text(
        '<html><head><meta property="og:url" content="https://x.example/t">'
        "<title>T</title></head><body><nav>Menu</nav><h1>Tít bài</h1>"
        "<p>Xã Liên Lộc có 1.200 hộ.</p></body></html>",
        encoding="utf-8",
    )
    [article] = list(iter_articles([str(path)]))
    assert article.text == "Tít bài\nXã Liên Lộc có 1.200 hộ."
    assert article.metadata == {"url": "https://x.example/t"}
    assert article.doc_id == "trang"


def test_too_long_text_is_refused_before_extraction(tmp_path):
    path = _write_jsonl(tmp_path / "long.jsonl", [json.dumps({"text": "a" * 50})])
    [item] = list(iter_articles([str(path)], max_chars=10))
    assert isinstance(item, InputFailure) and item.code == "E105"


def test_source_text_finds_the_text_each_kind_of_record_indexes(tmp_path):
    feed = _write_jsonl(
        tmp_path / "feed.jsonl",
        [
            json.dumps({"body": "Bài một."}, ensure_ascii=False),
            "{broken",
            json.dumps({"body": "Bài ba về xã Liên Lộc."}, ensure_ascii=False),
        ],
    )
    table = tmp_path / "rows.csv"
    table.write_text('body,url\n"Dòng một.\nDòng hai.",https://x.example/1\n', encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<nav>Menu</nav><h1>Tít</h1><p>Thân &amp; bài.</p>", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_bytes("Xã Liên Lộc có nhiều hộ dân.".encode())
    articles = [
        a
        for a in iter_articles([str(feed), str(table), str(page), str(plain)], text_field="body")
        if isinstance(a, Article)
    ]
    assert [a.path for a in articles] == [
        f"{feed}#L1",
        f"{feed}#L3",
        f"{table}#R1",
        str(page),
        str(plain),
    ]
    for article in articles:
        expected = article.text if article.text is not None else article.data.decode("utf-8")
        assert source_text(article.path, text_field="body") == expected
    with pytest.raises(InputError):
        source_text(f"{feed}#L2", text_field="body")
    with pytest.raises(InputError):
        source_text(f"{feed}#L9", text_field="body")
    with pytest.raises(InputError):
        source_text(str(tmp_path / "gone.txt"))


def _gzip_lines(path: Path, lines: list[str]) -> Path:
    import gzip

    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def test_gzipped_jsonl_is_read_as_jsonl_with_its_stem_in_default_ids(tmp_path):
    feed = _gzip_lines(
        tmp_path / "feed.jsonl.gz",
        [json.dumps({"text": "Ông Văn Ba đến Huế."}), "", "{not json", json.dumps({"x": 1})],
    )
    items = list(iter_articles([str(feed)]))
    assert isinstance(items[0], Article)
    assert items[0].doc_id == "feed-L1" and items[0].text == "Ông Văn Ba đến Huế."
    assert [(type(i), i.line) for i in items[1:]] == [(InputFailure, 3), (InputFailure, 4)]
    assert count_articles([str(feed)]) == 3
    found = [p.name for p in iter_paths([str(tmp_path)])]
    assert found == ["feed.jsonl.gz"]
    assert source_text(f"{feed}#L1") == "Ông Văn Ba đến Huế."


def test_truncated_gzip_stream_ends_in_one_failure_after_the_good_lines(tmp_path):
    whole = _gzip_lines(
        tmp_path / "whole.jsonl.gz",
        [json.dumps({"text": f"Bài số {i}. " + "chữ " * 200}) for i in range(40)],
    )
    cut = tmp_path / "cut.jsonl.gz"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    items = list(iter_articles([str(cut)]))
    assert items and all(isinstance(i, Article) for i in items[:-1])
    last = items[-1]
    assert isinstance(last, InputFailure) and last.code == "E112"
    assert "cannot read past line" in last.reason
    assert last.line == len(items)
