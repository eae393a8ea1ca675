"""Issue 13, items 11–14: validation that validates, records that cannot crash the tools,
sources found for every input kind, and gold/converter errors that name their file.

Item → tests:

- 11 (every derived value re-derived): ``test_validate_names_each_tampered_field``,
  ``test_verify_against_source_accepts_the_untouched_record``,
  ``test_validate_record_does_not_re_extract``
- 12 (malformed records, max chars, missing sources, no leaks):
  ``test_validate_reports_malformed_records_without_a_traceback``,
  ``test_report_lists_a_malformed_record_as_invalid_and_builds_the_rest``,
  ``test_validate_accepts_a_source_longer_than_the_default_limit``,
  ``test_validate_goes_on_after_a_missing_source``,
  ``test_validate_does_not_print_a_mismatched_file``
- 13 (sources of every input kind): ``test_batch_records_say_their_kind_and_text_digest``,
  ``test_report_finds_the_text_of_every_batch_input_kind``,
  ``test_validate_checks_batch_records_of_every_input_kind``,
  ``test_an_edited_jsonl_line_is_reported_as_changed``
- 14 (gold and converters): tests named ``test_gold_*`` and ``test_convert_*`` below.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.apps.cli import app

from conftest import SEED_TEXT

runner = CliRunner()

# Synthetic articles (written for these tests, not taken from any source).
ARTICLE_A = (
    "Hội nghị tổng kết phong trào thi đua\n"
    "Sáng 12/8/2022, UBND xã Liên Lộc, huyện Hậu Lộc tổ chức hội nghị tổng kết. "
    "Xã có diện tích 495 ha với 1.200 hộ dân. Chủ tịch UBND huyện Nguyễn Văn An "
    "trao 3 giấy khen cho các tập thể có thành tích xuất sắc.\n"
)
ARTICLE_B = (
    "Khánh thành cầu mới ở huyện Hậu Lộc\n"
    "Chiều 5/9/2023, tại xã Liên Lộc, huyện Hậu Lộc, tỉnh Thanh Hóa đã khánh thành cây cầu "
    "dài 120 m, tổng vốn 15 tỷ đồng. Bà Trần Thị Bình, Phó Chủ tịch UBND tỉnh dự lễ.\n"
)


def run(*args: Any):
    return runner.invoke(app, [str(a) for a in args])


def no_traceback(result) -> bool:
    return result.exception is None or isinstance(result.exception, SystemExit)


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- item 11: every derived value is re-derived --------------------------------------------


def _first(record: dict, label: str, key: str) -> dict:
    return next(m for m in record["mentions"] if m["label"] == label and key in m)


def _set_mention(label: str, key: str, value: Callable[[Any], Any]) -> Callable[[dict], str]:
    def tamper(record: dict) -> str:
        mention = _first(record, label, key)
        mention[key] = value(mention[key])
        return f"{mention['id']}.{key}"

    return tamper


def _set_place(key: str, value: Callable[[Any], Any]) -> Callable[[dict], str]:
    def tamper(record: dict) -> str:
        place = next(p for p in record["places"] if p.get(key))
        i = record["places"].index(place)
        place[key] = value(place[key])
        return f"places[{i}]"

    return tamper


def _set_dateline(record: dict) -> str:
    record["dateline"] = "2001-02-03" if record["dateline"] != "2001-02-03" else "2002-02-03"
    return "dateline"


def _set_award_group(record: dict) -> str:
    record["awards"][0]["kinds"] = ["huân chương"]
    return "awards[0]"


TAMPERS: dict[str, Callable[[dict], str]] = {
    "date value": _set_mention("DATE", "value", lambda v: "1999-01-01"),
    "award count": _set_mention("AWARD", "count", lambda v: v + 1),
    "figure unit": _set_mention("FIGURE", "unit", lambda v: "km" if v != "km" else "m"),
    "figure quantity": _set_mention(
        "FIGURE", "quantity", lambda v: "money" if v != "money" else "area"
    ),
    "place level": _set_mention(
        "PLACE", "level", lambda v: "province" if v != "province" else "district"
    ),
    "place code": _set_place("code", lambda v: "99999"),
    "place status": _set_place("status", lambda v: "ambiguous" if v != "ambiguous" else "resolved"),
    "dateline": _set_dateline,
    "award kinds": _set_award_group,
}


@pytest.mark.parametrize("name", sorted(TAMPERS))
def test_validate_names_each_tampered_field(name: str, tmp_path: Path, seed_record: dict) -> None:
    record = copy.deepcopy(seed_record)
    where = TAMPERS[name](record)
    field = {"place code": "code", "place status": "status", "award kinds": "kinds"}.get(name)
    path = write_json(tmp_path / "r.json", record)
    result = run("validate", path, "--source", SEED_TEXT)
    assert result.exit_code == 1, result.output
    assert "INVALID" in result.stdout
    lines = [line for line in result.stdout.splitlines() if where in line]
    assert lines, result.stdout
    if field:
        assert any(field in line for line in lines), result.stdout


def test_verify_against_source_accepts_the_untouched_record(seed_record: dict) -> None:
    from pipeline.api import verify_against_source
    from pipeline.text.ingest import decode

    source = decode(SEED_TEXT.read_bytes(), path=str(SEED_TEXT))
    assert verify_against_source(seed_record, source) == []
    tampered = copy.deepcopy(seed_record)
    _set_mention("DATE", "value", lambda v: "1999-01-01")(tampered)
    problems = verify_against_source(tampered, source)
    assert len(problems) == 1 and "1999-01-01" in problems[0]


def test_validate_record_does_not_re_extract(
    seed_record: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-record self-check of extraction stays cheap: no second extraction."""
    import pipeline.api as api
    from pipeline.record.validate import validate_record

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("validate_record re-extracted")

    monkeypatch.setattr(api, "extract_source", boom)
    monkeypatch.setattr(api, "run_components", boom)
    assert validate_record(seed_record, source_bytes=SEED_TEXT.read_bytes()) == []


# --- item 12: malformed records, limits, missing and mismatched sources ----------------------


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


MALFORMED: dict[str, Callable[[dict], Any]] = {
    "float start": lambda r: r["mentions"][0].__setitem__("start", 3.0),
    "source is a string": lambda r: r.__setitem__("source", "x"),
    "non-dict mentions": lambda r: r.__setitem__("mentions", [1, "m2", None]),
    "mentions missing": lambda r: r.pop("mentions"),
    "record is a list": lambda r: None,
    "places hold strings": lambda r: r.__setitem__("places", ["x"]),
    "float in a reference": lambda r: r["places"][0].__setitem__("mentions", [1.5]),
}


@pytest.mark.parametrize("name", sorted([*MALFORMED, "deeply nested", "deep value"]))
def test_validate_reports_malformed_records_without_a_traceback(
    name: str, tmp_path: Path, seed_record: dict
) -> None:
    path = tmp_path / "bad.json"
    if name == "deeply nested":
        path.write_text('{"mentions": ' + _deep(100_000) + "}", encoding="utf-8")
    elif name == "deep value":
        record = copy.deepcopy(seed_record)
        record["mentions"][0]["extra"] = json.loads(_deep(900))
        write_json(path, record)
    elif name == "record is a list":
        write_json(path, [[1, 2], {"a": 1}])
    else:
        record = copy.deepcopy(seed_record)
        MALFORMED[name](record)
        write_json(path, record)
    result = run("validate", path)
    assert no_traceback(result), repr(result.exception)
    assert result.exit_code == 1, result.output
    assert str(path) in result.stdout and "INVALID" in result.stdout
    assert ": valid" not in result.stdout


def test_report_lists_a_malformed_record_as_invalid_and_builds_the_rest(
    tmp_path: Path, seed_record: dict
) -> None:
    from pipeline.apps.report import build_site

    records = tmp_path / "records"
    records.mkdir()
    good = copy.deepcopy(seed_record)
    good["source"]["path"] = str(SEED_TEXT)
    write_json(records / "a.json", good)
    bad = copy.deepcopy(seed_record)
    bad["doc_id"] = "broken"
    bad["mentions"][0]["start"] = 3.0
    bad["source"] = "x"
    write_json(records / "b.json", bad)
    (records / "c.json").write_text('{"mentions": ' + _deep(50_000) + "}", encoding="utf-8")
    (records / "d.json").write_text("{not json", encoding="utf-8")
    write_json(records / "e.json", {**seed_record, "doc_id": "e", "mentions": [1, None]})
    deep = copy.deepcopy(good)
    deep["doc_id"] = "deep"
    deep["mentions"][0]["extra"] = json.loads(_deep(900))  # loads, but too deep to show
    write_json(records / "f.json", deep)
    summary = build_site(records, tmp_path / "site")
    assert summary.articles == 6
    assert len(summary.invalid) == 5 and good["doc_id"] not in summary.invalid
    index = summary.index.read_text(encoding="utf-8")
    assert "broken" in index
    page = (summary.site_dir / "articles" / "broken.html").read_text(encoding="utf-8")
    assert "invalid" in page and "schema: at source" in page


def test_validate_accepts_a_source_longer_than_the_default_limit(tmp_path: Path) -> None:
    from pipeline.record.validate import validate_record
    from pipeline.text.ingest import DEFAULT_MAX_CHARS, sha256_hex

    text = ("Xã có 12 hộ dân.\n" * (DEFAULT_MAX_CHARS // 16 + 10))[: DEFAULT_MAX_CHARS + 100]
    data = text.encode("utf-8")
    record = {
        "schema_version": "1.0",
        "doc_id": "big",
        "source": {"path": "big.txt", "sha256": sha256_hex(data), "encoding": "utf-8",
                   "length": len(text)},
        "title": None, "dateline": None, "mentions": [], "officials": [], "places": [],
        "awards": [], "event": None, "warnings": [],
        "validation": {"valid": True, "problems": []},
    }  # fmt: skip
    problems = validate_record(record, source_bytes=data)
    assert not [p for p in problems if "limit" in p or "too large" in p or "max" in p], problems


def test_validate_goes_on_after_a_missing_source(tmp_path: Path, seed_record: dict) -> None:
    missing = copy.deepcopy(seed_record)
    missing["source"]["path"] = str(tmp_path / "gone.txt")
    present = copy.deepcopy(seed_record)
    present["source"]["path"] = str(SEED_TEXT)
    first = write_json(tmp_path / "1.json", missing)
    second = write_json(tmp_path / "2.json", present)
    third = tmp_path / "3.json"  # no such record file
    result = run("validate", first, second, third)
    assert no_traceback(result)
    assert result.exit_code == 1
    assert f"{first}: INVALID" in result.stdout and "not found" in result.stdout
    assert f"{second}: valid" in result.stdout
    assert f"{third}: INVALID" in result.stdout


def test_validate_does_not_print_a_mismatched_file(tmp_path: Path, seed_record: dict) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("PRIVATE-KEY-0123456789 " * 200, encoding="utf-8")
    record = copy.deepcopy(seed_record)
    record["source"]["path"] = str(secret)
    path = write_json(tmp_path / "r.json", record)
    result = run("validate", path)
    assert result.exit_code == 1
    assert "does not match" in result.stdout
    assert "PRIVATE" not in result.output


# --- item 13: the source of every input kind ------------------------------------------------


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.runs.batch import run_batch

    root = tmp_path_factory.mktemp("kinds")
    inputs = root / "in"
    inputs.mkdir()
    (inputs / "plain.txt").write_text(ARTICLE_A, encoding="utf-8")
    (inputs / "page.html").write_text(
        "<html><head><title>x</title><meta property='og:url' content='https://a.example/1'>"
        f"</head><body><article><h1>{ARTICLE_B.splitlines()[0]}</h1>"
        f"<p>{ARTICLE_B.splitlines()[1]}</p></article></body></html>",
        encoding="utf-8",
    )
    (inputs / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "body": ARTICLE_A, "url": "https://a.example/2"}) + "\n"
        + json.dumps({"id": "j2", "body": ARTICLE_B}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    with (inputs / "table.csv").open("w", encoding="utf-8", newline="") as handle:
        import csv

        writer = csv.writer(handle)
        writer.writerow(["body", "source"])
        writer.writerow([ARTICLE_B, "x"])
        writer.writerow([ARTICLE_A, "y"])
    out = root / "out"
    summary = run_batch([str(inputs)], out, workers=0, text_field="body", progress=False)
    assert summary.failed == 0
    return out


def _batch_records(out: Path) -> list[dict]:
    from pipeline.apps.report import load_records

    return load_records(out)


def test_batch_records_say_their_kind_and_text_digest(batch_out: Path) -> None:
    from pipeline.text.ingest import sha256_hex

    records = _batch_records(batch_out)
    kinds = sorted(r["source"]["kind"] for r in records)
    assert kinds == ["csv", "csv", "file", "html", "jsonl", "jsonl"]
    for r in records:
        source = r["source"]
        assert len(source["text_sha256"]) == 64
        if source["kind"] in ("jsonl", "csv"):
            key = "line" if source["kind"] == "jsonl" else "row"
            assert source["locator"][key] in (1, 2)
            assert source["locator"]["file"].endswith(("feed.jsonl", "table.csv"))
        if source["kind"] == "file":
            assert source["sha256"] == sha256_hex(Path(source["path"]).read_bytes())


def test_report_finds_the_text_of_every_batch_input_kind(batch_out: Path, tmp_path: Path) -> None:
    from pipeline.apps.report import build_site

    summary = build_site(batch_out, tmp_path / "site")
    assert summary.articles == 6
    assert summary.missing_sources == ()
    assert summary.invalid == ()
    for page in summary.pages:
        html = page.read_text(encoding="utf-8")
        assert 'class="article-text"' in html
        assert "changed" not in html and "not found" not in html


def test_validate_checks_batch_records_of_every_input_kind(batch_out: Path) -> None:
    files = sorted(batch_out.glob("records*.jsonl"))
    result = run("validate", *files)
    assert no_traceback(result), repr(result.exception)
    assert result.exit_code == 0, result.output
    assert result.stdout.count(": valid") == 6


def test_an_edited_jsonl_line_is_reported_as_changed(batch_out: Path, tmp_path: Path) -> None:
    from pipeline.apps.report import find_source

    record = next(r for r in _batch_records(batch_out) if r["source"]["kind"] == "jsonl")
    feed = Path(record["source"]["locator"]["file"])
    edited = tmp_path / "feed.jsonl"
    lines = feed.read_text(encoding="utf-8").splitlines()
    number = record["source"]["locator"]["line"]
    obj = json.loads(lines[number - 1])
    obj["body"] = obj["body"].replace("Liên Lộc", "Liên Lạc")
    lines[number - 1] = json.dumps(obj, ensure_ascii=False)
    edited.write_text("\n".join(lines) + "\n", encoding="utf-8")
    moved = copy.deepcopy(record)
    moved["source"]["locator"]["file"] = str(edited)
    moved["source"]["path"] = f"{edited}#L{number}"
    source = find_source(moved)
    assert source.text is None and "changed" in (source.problem or "")
    assert "Liên Lạc" not in (source.problem or "")


# --- item 14: gold files and converters -----------------------------------------------------

GOLD_TEXT = "Sáng 12/8/2022, UBND xã Liên Lộc họp.\n"


def _gold_dir(tmp_path: Path, data: Any | str) -> Path:
    from pipeline.evaluation.gold import text_sha256

    gold = tmp_path / "gold"
    gold.mkdir(exist_ok=True)
    (gold / "a.txt").write_text(GOLD_TEXT, encoding="utf-8")
    if isinstance(data, str):
        (gold / "a.json").write_text(data, encoding="utf-8")
    else:
        write_json(gold / "a.json", {"doc_id": "a", "text_sha256": text_sha256(GOLD_TEXT), **data})
    return gold


@pytest.mark.parametrize(
    "data",
    [
        '{"doc_id": "a", "mentions": ' + _deep(100_000) + "}",
        {"mentions": [1, "x", None, [1, 2]]},
        {"mentions": [{"label": ["DATE"], "start": "5", "end": {"x": 1}, "text": 3}]},
        {"mentions": {"0": {"label": "DATE"}}},
    ],
    ids=["deeply nested", "non-dict mentions", "wrong types", "mentions an object"],
)
def test_gold_errors_name_the_file_without_a_traceback(tmp_path: Path, data: Any) -> None:
    from pipeline.errors import GoldError
    from pipeline.evaluation.gold import load_gold_dir

    gold = _gold_dir(tmp_path, data)
    with pytest.raises(GoldError) as caught:
        load_gold_dir(gold)
    assert str(gold / "a.json") in str(caught.value)
    result = run("convert", gold, tmp_path / "out.jsonl", "--from", "guide", "--to", "doccano")
    assert no_traceback(result) and result.exit_code == 2
    assert str(gold / "a.json") in result.output


def test_gold_non_dict_mentions_are_named_by_index(tmp_path: Path) -> None:
    from pipeline.errors import GoldError
    from pipeline.evaluation.gold import load_gold

    gold = _gold_dir(tmp_path, {"mentions": [1, "x"]})
    with pytest.raises(GoldError, match=r"mention 0: not a JSON object.*mention 1"):
        load_gold(gold / "a.json")


LABEL_STUDIO_BAD: dict[str, Any] = {
    "task not an object": [1],
    "data not an object": [{"data": "text"}],
    "annotations not a list": [{"data": {"text": GOLD_TEXT}, "annotations": 5}],
    "result item not an object": [{"data": {"text": GOLD_TEXT}, "annotations": [{"result": [7]}]}],
    "region without offsets": [
        {"data": {"text": GOLD_TEXT}, "annotations": [{"result": [
            {"id": "r1", "type": "labels", "value": {"labels": ["DATE"]}}]}]}
    ],
    "offsets not numbers": [
        {"data": {"text": GOLD_TEXT}, "annotations": [{"result": [
            {"id": "r1", "type": "labels", "value": {"start": "x", "end": 3,
                                                   "labels": ["DATE"]}}]}]}
    ],
    "labels not a list": [
        {"data": {"text": GOLD_TEXT}, "annotations": [{"result": [
            {"id": "r1", "type": "labels", "value": {"start": 5, "end": 14, "labels": 3}}]}]}
    ],
    "textarea not text": [
        {"data": {"text": GOLD_TEXT}, "annotations": [{"result": [
            {"id": "r1", "type": "textarea", "value": {"text": 5}}]}]}
    ],
    "region without id": [
        {"data": {"text": GOLD_TEXT}, "annotations": [{"result": [
            {"type": "labels", "value": {"start": 5, "end": 14, "labels": ["DATE"]}}]}]}
    ],
    "deeply nested": None,
    "not JSON": None,
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(LABEL_STUDIO_BAD))
def test_convert_names_the_file_of_malformed_label_studio_input(name: str, tmp_path: Path) -> None:
    from pipeline.errors import GoldError
    from pipeline.evaluation.convert import read_docs

    path = tmp_path / "tasks.json"
    if name == "deeply nested":
        path.write_text(_deep(100_000), encoding="utf-8")
    elif name == "not JSON":
        path.write_text("[{", encoding="utf-8")
    else:
        write_json(path, LABEL_STUDIO_BAD[name])
    with pytest.raises(GoldError) as caught:
        read_docs(path, "labelstudio")
    assert str(path) in str(caught.value)
    result = run("convert", path, tmp_path / "out", "--from", "labelstudio", "--to", "guide")
    assert no_traceback(result), repr(result.exception)
    assert result.exit_code == 2 and str(path) in result.output


DOCCANO_BAD: dict[str, str] = {
    "line not an object": "[1, 2]",
    "label not triples": json.dumps({"text": GOLD_TEXT, "label": [5]}),
    "label offsets not numbers": json.dumps({"text": GOLD_TEXT, "label": [["a", 3, "DATE"]]}),
    "entities not objects": json.dumps({"text": GOLD_TEXT, "entities": [[1, 2]]}),
    "attributes not an object": json.dumps(
        {"text": GOLD_TEXT, "label": [[5, 14, "DATE"]], "attributes": [1]}
    ),
    "offset inside a surrogate pair": json.dumps({"text": "😀 a", "label": [[1, 3, "ORG"]]}),
    "not JSON": "{",
    "not UTF-8": "",
}


@pytest.mark.parametrize("name", sorted(DOCCANO_BAD))
def test_convert_names_the_file_and_line_of_malformed_doccano_input(
    name: str, tmp_path: Path
) -> None:
    from pipeline.errors import GoldError
    from pipeline.evaluation.convert import read_docs

    path = tmp_path / "in.jsonl"
    if name == "not UTF-8":
        path.write_bytes(b'{"text": "\xff"}\n')
    else:
        path.write_text(DOCCANO_BAD[name] + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        read_docs(path, "doccano")
    assert str(path) in str(caught.value)
    result = run("convert", path, tmp_path / "out", "--from", "doccano", "--to", "guide")
    assert no_traceback(result) and result.exit_code == 2 and str(path) in result.output


def test_convert_checks_brat_offsets_against_their_own_text(tmp_path: Path) -> None:
    from pipeline.errors import GoldError
    from pipeline.evaluation.convert import read_docs

    brat = tmp_path / "brat"
    brat.mkdir()
    (brat / "a.txt").write_text(GOLD_TEXT, encoding="utf-8")
    start = GOLD_TEXT.index("12/8/2022")
    (brat / "a.ann").write_text(f"T1\tDATE {start} {start + 9}\t12/8/2022\n", encoding="utf-8")
    docs, _ = read_docs(brat, "brat")
    assert docs[0].mentions[0]["text"] == "12/8/2022"
    # The span's own text says "UBND" but the offsets cover the date: an error naming the line.
    (brat / "a.ann").write_text(f"T1\tDATE {start} {start + 9}\tUBND\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"a\.ann:1: T1 .*'UBND'"):
        read_docs(brat, "brat")
    (brat / "a.ann").write_text("T1\tDATE 30 900\tx\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"a\.ann:1: T1 .*outside"):
        read_docs(brat, "brat")


@pytest.mark.parametrize(
    "content", ["T1\tDATE 5 3\tx\n", "A1\tlevel\n", "#1\tAnnotatorNotes T1\t" + _deep(100_000)]
)
def test_convert_names_the_file_of_malformed_brat_input(content: str, tmp_path: Path) -> None:
    brat = tmp_path / "brat"
    brat.mkdir()
    (brat / "a.txt").write_text(GOLD_TEXT, encoding="utf-8")
    (brat / "a.ann").write_text(content, encoding="utf-8")
    result = run("convert", brat, tmp_path / "out", "--from", "brat", "--to", "guide")
    assert no_traceback(result), repr(result.exception)
    assert result.exit_code == 2 and str(brat / "a.ann") in result.output


def test_convert_names_a_brat_annotation_without_its_text(tmp_path: Path) -> None:
    brat = tmp_path / "brat"
    brat.mkdir()
    (brat / "a.ann").write_text("T1\tDATE 0 4\tSáng\n", encoding="utf-8")
    result = run("convert", brat, tmp_path / "out", "--from", "brat", "--to", "guide")
    assert no_traceback(result) and result.exit_code == 2
    assert str(brat / "a.ann") in result.output and "a.txt" in result.output


def test_convert_names_the_file_of_malformed_conll_input(tmp_path: Path) -> None:
    path = tmp_path / "in.conll"
    path.write_bytes(b"-DOCSTART-\nS\xe1ng O\n")
    result = run("convert", path, tmp_path / "out", "--from", "conll", "--to", "guide")
    assert no_traceback(result) and result.exit_code == 2 and str(path) in result.output


@pytest.mark.parametrize(
    "content",
    ['{"doc_id": "a", "mentions": [1, "x"]}', '{"mentions": ' + _deep(100_000) + "}"],
    ids=["non-dict mentions", "deeply nested"],
)
def test_evaluate_names_a_malformed_prediction_file(content: str, tmp_path: Path) -> None:
    gold = _gold_dir(tmp_path, {"mentions": []})
    pred = tmp_path / "pred"
    pred.mkdir()
    (pred / "a.json").write_text(content, encoding="utf-8")
    result = run("evaluate", gold, pred)
    assert no_traceback(result), repr(result.exception)
    assert result.exit_code == 2 and str(pred / "a.json") in result.output


def test_report_finds_the_text_of_records_made_before_source_kind(batch_out: Path) -> None:
    """Older records have no kind, text_sha256 or locator: the path says the kind."""
    from pipeline.apps.report import find_source, source_problems

    for record in _batch_records(batch_out):
        old = {**copy.deepcopy(record), "schema_version": "1.0"}
        for key in ("kind", "text_sha256", "locator"):
            old["source"].pop(key, None)
        source = find_source(old)
        assert source.text is not None, (old["source"]["path"], source.problem)
        assert source_problems(old, source) == []


def test_validate_does_not_read_a_named_file_too_big_to_be_the_source(
    tmp_path: Path, seed_record: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.bin"
    with big.open("wb") as handle:
        handle.truncate(4 * seed_record["source"]["length"] + 100)  # sparse: no disk used
    record = copy.deepcopy(seed_record)
    record["source"]["path"] = str(big)
    path = write_json(tmp_path / "r.json", record)
    read = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self != big, "the oversized file was read"
        return read(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    result = run("validate", path)
    assert no_traceback(result) and result.exit_code == 1
    assert "does not match" in result.stdout


def test_report_without_verify_checks_grounding_only(tmp_path: Path, seed_record: dict) -> None:
    from pipeline.apps.report import build_site

    records = tmp_path / "records"
    records.mkdir()
    record = copy.deepcopy(seed_record)
    record["source"]["path"] = str(SEED_TEXT)
    _set_mention("DATE", "value", lambda v: "1999-01-01")(record)
    write_json(records / "a.json", record)
    assert build_site(records, tmp_path / "site", verify=False).invalid == ()
    assert build_site(records, tmp_path / "site2").invalid == (record["doc_id"],)
