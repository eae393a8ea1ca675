"""Messy real-world input: legacy encodings, HTML pages, web boilerplate, photo captions,
glued words, tables and very long articles; each gives the expected text or a clear error."""

from __future__ import annotations

import json
import math
import unicodedata
from pathlib import Path

import pytest

from pipeline.api import extract_bytes, extract_path, extract_text
from pipeline.errors import DecodeError, InputError, InputTooLargeError
from pipeline.record.validate import validate_record
from pipeline.runs.inputs import Article, InputFailure, iter_articles
from pipeline.text.html import read_html
from pipeline.text.ingest import DEFAULT_MAX_CHARS, decode, normalise

from fuzz import cp1258_bytes, legacy_bytes

ARTICLE = """Ngày hội đại đoàn kết toàn dân tộc ở xã Liên Lộc
Sáng 12/8/2022, UBND xã Liên Lộc, huyện Hậu Lộc, tỉnh Thanh Hóa tổ chức ngày hội đại đoàn kết \
với 1.200 hộ dân tham gia.
Chủ tịch UBND xã Liên Lộc Lý Bách Chiến phát biểu tại ngày hội. Ảnh: Nguyễn Văn Hùng
Dịp này, Chủ tịch UBND huyện Hậu Lộc đã tặng giấy khen cho 3 tập thể và 5 cá nhân.
Xã có 495,29 ha đất tự nhiên, tổng vốn đầu tư 2,5 tỷ đồng.
"""

#: (label, text, attributes it must carry) found in ARTICLE however it is written.
FACTS = [
    ("DATE", "12/8/2022", {"value": "2022-08-12"}),
    ("PLACE", "tỉnh Thanh Hóa", {"level": "province", "name": "Thanh Hóa"}),
    ("FIGURE", "1.200 hộ dân", {"value": 1200, "quantity": "households"}),
    ("PERSON", "Lý Bách Chiến", {"title": "Chủ tịch UBND xã Liên Lộc"}),
    ("PERSON", "Nguyễn Văn Hùng", {"role": "author"}),
    ("AWARD", "3 tập thể", {"count": 3, "recipient": "collective"}),
    ("FIGURE", "495,29 ha", {"value": 495.29, "unit": "ha"}),
    ("FIGURE", "2,5 tỷ đồng", {"value": 2_500_000_000, "quantity": "money"}),
]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def assert_facts(record: dict, facts: list[tuple[str, str, dict]]) -> None:
    """Each fact is a mention of ``record`` (text compared after NFC)."""
    for label, text, attrs in facts:
        found = [
            m
            for m in record["mentions"]
            if m["label"] == label
            and _nfc(m["text"]) == text
            and all(m.get(k) == v for k, v in attrs.items())
        ]
        assert found, f"no {label} {text!r} with {attrs}"


def assert_grounded(record: dict, source: str) -> None:
    assert record["validation"] == {"valid": True, "problems": []}
    assert validate_record(record, source_text=source) == []
    for m in record["mentions"]:
        assert source[m["start"] : m["end"]] == m["text"]


# --- legacy encodings ----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_legacy_encodings_decode_to_the_article_and_give_its_facts(encoding: str) -> None:
    text = ARTICLE
    if encoding == "tcvn3":
        # TCVN3 fonts have no capital letters with tone marks (a separate font had them).
        with pytest.raises(UnicodeEncodeError):
            legacy_bytes("tcvn3", "Ảnh", errors="strict")
        text = ARTICLE.replace("Ảnh:", "Anh:")
    if encoding == "cp1258":
        data = cp1258_bytes(text, errors="strict")
    else:
        data = legacy_bytes(encoding, text, errors="strict")
    source = decode(data, path="legacy.txt")
    assert source.encoding == encoding
    assert _nfc(source.text) == text
    record = extract_bytes(data, path="legacy.txt")
    assert record["source"]["encoding"] == encoding
    assert validate_record(record, source_bytes=data) == []
    assert_grounded(record, source.text)
    facts = [f for f in FACTS if f[2].get("role") != "author" or encoding != "tcvn3"]
    assert_facts(record, facts)


def test_cp1258_offsets_count_combining_marks() -> None:
    """cp1258 writes tone marks as combining characters: offsets index the decoded text."""
    data = cp1258_bytes(ARTICLE, errors="strict")
    record = extract_bytes(data)
    source = decode(data).text
    assert len(source) > len(ARTICLE)
    figure = next(m for m in record["mentions"] if m["text"] == "495,29 ha")
    assert source.index("495,29 ha") == figure["start"]
    money = next(m for m in record["mentions"] if _nfc(m["text"]) == "2,5 tỷ đồng")
    assert money["text"] != "2,5 tỷ đồng"  # decomposed in the source, read all the same
    assert money["value"] == 2_500_000_000


def test_bytes_no_encoding_reads_are_a_decode_error_naming_the_file() -> None:
    data = bytes(range(0x80, 0xA0)) * 8
    with pytest.raises(DecodeError, match=r"^junk\.txt: .*not UTF-8"):
        extract_bytes(data, path="junk.txt")


def test_utf16_offsets_index_the_decoded_text_not_the_bytes() -> None:
    data = ARTICLE.encode("utf-16")
    record = extract_bytes(data)
    assert record["source"]["encoding"] == "utf-16"
    assert record["source"]["length"] == len(ARTICLE)
    assert_grounded(record, ARTICLE)
    assert_facts(record, FACTS)


# --- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="{charset}">
<title>Báo Mẫu | Tin địa phương</title>
<meta property="article:published_time" content="2022-08-12T07:30:00+07:00">
<meta property="og:site_name" content="Báo Mẫu">
<script>var x = "<p>Chủ tịch UBND tỉnh giả</p>";</script></head>
<body><nav>Trang chủ | Thời sự | Kinh tế</nav>
<article><h1>Ngày hội đại đoàn kết toàn dân tộc ở xã Liên Lộc</h1>
<p>Sáng 12/8/2022, UBND xã Liên Lộc, huyện Hậu Lộc, tỉnh Thanh Hóa tổ chức ngày hội
đại đoàn kết với 1.200 hộ dân tham gia.</p>
<figure><img src="a.jpg"><figcaption>Chủ tịch UBND xã Liên Lộc Lý Bách Chiến phát biểu
tại ngày hội. Ảnh: Nguyễn Văn Hùng</figcaption></figure>
<p>Dịp này, Chủ tịch UBND huyện Hậu Lộc đã tặng giấy khen cho 3 tập thể và 5 cá nhân.</p>
<table><tr><th>Thôn</th><th>Số hộ</th><th>Diện tích</th></tr>
<tr><td>Thôn Đông</td><td>300 hộ</td><td>25 ha</td></tr>
<tr><td>Thôn Tây</td><td>250 hộ</td><td>18,5 ha</td></tr></table>
<p>Xã có 495,29 ha đất tự nhiên, tổng vốn đầu tư 2,5 tỷ đồng.</p>
<div>Chia sẻ</div><div>Thăm dò ý kiến</div>
</article><footer>Bản quyền thuộc Báo Mẫu</footer></body></html>
"""


@pytest.mark.parametrize("charset", ["utf-8", "windows-1258"])
def test_html_pages_give_text_lines_metadata_and_facts(charset: str) -> None:
    markup = PAGE.replace("{charset}", charset)
    data = cp1258_bytes(markup, errors="strict") if charset != "utf-8" else markup.encode()
    document = read_html(data, path="page.html")
    text = document.text
    lines = _nfc(text).split("\n")
    assert lines[0] == "Ngày hội đại đoàn kết toàn dân tộc ở xã Liên Lộc"
    assert "Thôn Đông 300 hộ 25 ha" in lines  # a table row is one line, cells spaced
    assert not any(word in text for word in ("giả", "Kinh tế", "Bản quyền", "Báo Mẫu |"))
    assert document.metadata["published"].startswith("2022-08-12")
    record = extract_text(text, path="page.html", metadata=document.metadata)
    assert record["dateline"] == "2022-08-12"
    assert _nfc(record["title"]["text"]) == lines[0]
    assert_grounded(record, text)
    assert_facts(
        record,
        [*FACTS, ("FIGURE", "25 ha", {"value": 25}), ("FIGURE", "18,5 ha", {"value": 18.5})],
    )
    # "Chia sẻ" and "Thăm dò ý kiến" are their own lines: boilerplate, gone from the work.
    assert "Chia sẻ" in _nfc(text) and "Chia sẻ" not in normalise(text).text


def test_html_files_are_batch_articles_with_their_metadata(tmp_path: Path) -> None:
    page = tmp_path / "bai-1.html"
    page.write_text(PAGE.replace("{charset}", "utf-8"), encoding="utf-8")
    (article,) = iter_articles([str(tmp_path)])
    assert isinstance(article, Article)
    assert article.doc_id == "bai-1"
    assert article.text == read_html(page.read_bytes()).text
    assert article.metadata is not None and article.metadata["source"] == "Báo Mẫu"


@pytest.mark.parametrize(
    "markup", [b"<p>Xa Lien Loc</p><![foo]><p>co 300 ho dan.</p>", b"<p>co 300 ho dan</p><![\t"]
)
def test_html_with_a_broken_marked_section_is_text_or_a_clear_error(markup: bytes) -> None:
    try:
        document = read_html(markup, path="odd.html")
    except InputError as err:
        assert type(err) is not InputError and str(err).startswith("odd.html: ")
        return
    assert "300 ho" in document.text


# --- boilerplate, captions, glued words, tables ---------------------------------------------

NOISY = (
    "Trang chủ | Thời sự\n"
    "Chia sẻ\n"
    + ARTICLE.replace("\n", "\nThăm dò ý kiến\nnoData\n", 1)
    + "Ông Lý Bách Chiến chia sẻ kinh nghiệm làm đường giao thông nông thôn.\n"
    "Tin liên quan\nBình luận\nXem thêm\n"
)


def test_boilerplate_lines_leave_the_working_text_but_not_the_source_offsets() -> None:
    working = normalise(NOISY).text
    for line in ("Trang chủ | Thời sự", "Thăm dò ý kiến", "noData", "Tin liên quan", "Xem thêm"):
        assert line in NOISY and line not in working
    assert "\nChia sẻ\n" not in working
    assert "chia sẻ kinh nghiệm" in working  # a sentence that only holds the words stays
    record = extract_text(NOISY)
    assert record["source"]["length"] == len(NOISY)
    assert record["title"]["text"] == "Ngày hội đại đoàn kết toàn dân tộc ở xã Liên Lộc"
    assert record["title"]["start"] == NOISY.index("Ngày hội")
    assert_grounded(record, NOISY)
    assert_facts(record, FACTS)
    figure = next(m for m in record["mentions"] if m["text"] == "1.200 hộ dân")
    assert figure["start"] == NOISY.index("1.200 hộ dân")
    assert not any("noData" in m["text"] or "Thăm dò" in m["text"] for m in record["mentions"])


def test_an_article_of_nothing_but_boilerplate_warns() -> None:
    record = extract_text("Chia sẻ\nThăm dò ý kiến\nnoData\n")
    assert record["mentions"] == []
    assert [w["code"] for w in record["warnings"]] == ["W101"]
    assert record["validation"]["valid"]


def test_photo_captions_are_kept_and_credit_an_author() -> None:
    text = (
        "Lễ khánh thành cầu Liên Lộc.\n"
        "Đại biểu cắt băng khánh thành cầu. Ảnh: Trần Thị Mai\n"
        "Cây cầu dài 120 m, vốn đầu tư 15 tỷ đồng.\n"
    )
    assert "Ảnh: Trần Thị Mai" in normalise(text).text
    record = extract_text(text)
    assert_grounded(record, text)
    assert_facts(
        record,
        [
            ("PERSON", "Trần Thị Mai", {"role": "author"}),
            ("FIGURE", "15 tỷ đồng", {"value": 15_000_000_000}),
        ],
    )


def test_glued_words_do_not_crash_and_the_rest_is_still_read() -> None:
    text = (
        "Chủtịch UBND xã Liên Lộc Lý Bách Chiến trao quà.\n"
        "Xã có 2,5tỷ đồng vốn và 30ha lúa, huyệnHậu Lộc hỗ trợ thêm.\n"
    )
    record = extract_text(text)
    assert_grounded(record, text)
    assert_facts(
        record,
        [
            ("ORG", "UBND xã Liên Lộc", {}),
            ("FIGURE", "2,5tỷ đồng", {"value": 2_500_000_000}),
            ("FIGURE", "30ha", {"value": 30, "unit": "ha"}),
        ],
    )
    assert not any(m["text"].startswith("Chủtịch") for m in record["mentions"])


def test_plain_text_tables_are_read_line_by_line() -> None:
    text = (
        "Kết quả sản xuất vụ mùa\n"
        "STT\tThôn\tSố hộ\tDiện tích\n"
        "1\tThôn Đông\t300 hộ\t25 ha\n"
        "2\tThôn Tây\t250 hộ\t18,5 ha\n"
    )
    working = normalise(text).text
    assert working.split("\n")[2] == "1 Thôn Đông 300 hộ 25 ha"  # a row is a line, tabs spaces
    record = extract_text(text)
    assert_grounded(record, text)
    assert record["title"]["text"] == "Kết quả sản xuất vụ mùa"
    for figure, value in (("25 ha", 25), ("18,5 ha", 18.5)):
        (m,) = [m for m in record["mentions"] if m["text"] == figure]
        assert (m["start"], m["value"]) == (text.index(figure), value)


def test_nan_metadata_makes_the_record_invalid_not_unreadable() -> None:
    record = extract_text(ARTICLE, metadata={"score": math.nan, "views": [1, math.inf]})
    assert record["validation"]["valid"] is False
    assert record["validation"]["problems"] == [
        "metadata/score: nan is not strict JSON",
        "metadata/views/1: inf is not strict JSON",
    ]


# --- size limits -----------------------------------------------------------------------------

#: Over the default limit in characters (about 31M) and in file bytes (4 per character).
FORTY_MB = ("Xã Liên Lộc có 1.200 hộ dân. " * 1_600_000).encode("utf-8")[:40_000_000]


def test_the_default_limit_is_eight_million_characters_inclusive() -> None:
    assert DEFAULT_MAX_CHARS == 8_000_000
    at_limit = b"a" * (DEFAULT_MAX_CHARS - 2) + b"\nb"
    assert len(decode(at_limit).text) == DEFAULT_MAX_CHARS
    with pytest.raises(
        InputTooLargeError, match="8,000,001 characters, over the limit of 8,000,000"
    ):
        decode(at_limit + b"c")


def test_a_forty_megabyte_article_is_refused_naming_the_limit_and_how_to_raise_it(
    tmp_path: Path,
) -> None:
    with pytest.raises(InputTooLargeError) as info:
        extract_bytes(FORTY_MB, path="big.txt")
    message = str(info.value)
    assert message.startswith("big.txt: ")
    assert "over the limit of 8,000,000" in message and "max_chars=" in message
    assert info.value.code == "E105"
    big = tmp_path / "big.txt"
    big.write_bytes(FORTY_MB)
    with pytest.raises(InputTooLargeError, match="--max-chars"):
        extract_path(big)
    (failure,) = iter_articles([str(big)])
    assert isinstance(failure, InputFailure)
    assert failure.code == "E105" and "--max-chars" in failure.reason
    lines = tmp_path / "big.jsonl"
    lines.write_text(json.dumps({"text": FORTY_MB.decode()}) + "\n", encoding="utf-8")
    (failure,) = iter_articles([str(lines)])
    assert isinstance(failure, InputFailure) and failure.code == "E105"


def test_raising_the_limit_lets_a_long_article_through() -> None:
    text = ARTICLE * 150  # about 60,000 characters
    data = text.encode("utf-8")
    with pytest.raises(InputTooLargeError):
        extract_bytes(data, max_chars=50_000)
    record = extract_bytes(data, max_chars=len(text))
    assert record["source"]["length"] == len(text)
    assert validate_record(record, source_bytes=data) == []
    last = [m for m in record["mentions"] if m["text"] == "2,5 tỷ đồng"]
    assert len(last) == 150
    assert last[-1]["start"] == text.rindex("2,5 tỷ đồng")


def test_a_three_megabyte_article_is_processed_under_the_default_limit() -> None:
    """About 40 s since the linkers and scanners use sorted indexes (it took minutes)."""
    text = (ARTICLE * 8000)[:2_300_000]
    data = text.encode("utf-8")
    assert len(data) > 3_000_000
    with pytest.raises(InputTooLargeError):
        extract_bytes(data, max_chars=2_000_000)
    record = extract_bytes(data)
    assert record["source"]["length"] == len(text)
    assert record["validation"]["valid"]


def test_batch_runs_apply_their_character_limit_to_text_files(tmp_path: Path) -> None:
    from pipeline.runs.batch import run_batch

    inputs = tmp_path / "in"
    inputs.mkdir()
    # 162 characters in 162 bytes: under the reader's byte bound (4 per character), over 100.
    (inputs / "a.txt").write_text("Xa Lien Loc co 300 ho dan. " * 6, encoding="utf-8")
    summary = run_batch([str(inputs)], tmp_path / "out", workers=0, max_chars=100, progress=False)
    assert summary.failed == 1 and summary.records == 0


def test_batch_records_are_strict_json_even_with_nan_in_jsonl_metadata(tmp_path: Path) -> None:
    from pipeline.runs.batch import run_batch
    from pipeline.runs.ledger import existing_record_files

    inputs = tmp_path / "in.jsonl"
    inputs.write_text('{"text": "Xã Liên Lộc có 1.200 hộ dân.", "score": NaN}\n', encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(inputs)], out, workers=0, progress=False)

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    for path in [*existing_record_files(out), out / "errors.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
            json.loads(line, parse_constant=refuse)
