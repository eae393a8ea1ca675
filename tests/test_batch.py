"""Batch runs: crash and resume exactly once, quarantine, tables, Dask, output confinement."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline.errors import BatchError
from pipeline.record.validate import validate_record
from pipeline.runs.batch import main, run_batch
from pipeline.runs.inputs import Article, iter_articles, source_text
from pipeline.runs.ledger import existing_record_files, repair_tail
from pipeline.runs.progress import Counts, Progress
from pipeline.runs.runners import LocalRunner
from pipeline.runs.worker import process_article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "dev"
CORPUS = ROOT / "corpus"
SEED = CORPUS / "000_733452ca63a47b73.txt"

needs_shared = pytest.mark.skipif(not DEV.is_dir(), reason="../shared/dev is not beside the repo")

SHORT_TEXTS = [
    "Sáng 12/8/2022, UBND xã Liên Lộc tổ chức ngày hội đại đoàn kết với 1.200 hộ dân.",
    "Huyện Hậu Lộc có 495,29 ha đất nông nghiệp và 4.680 nhân khẩu.",
    "Chủ tịch UBND tỉnh Thanh Hóa trao bằng khen cho 3 tập thể và 5 cá nhân.",
    "Xã Hoa Lộc hỗ trợ 15 gia đình bị thiệt hại do mưa bão năm 2022.",
    "Công an huyện Hậu Lộc tuyên truyền phòng chống tội phạm cho người dân.",
]


def _records(out: Path) -> list[dict]:
    return [
        json.loads(line)
        for f in existing_record_files(out)
        for line in f.read_text(encoding="utf-8").splitlines()
    ]


def _errors(out: Path) -> list[dict]:
    path = out / "errors.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _jsonl(path: Path, texts: list[str], **extra) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(texts, start=1):
            handle.write(
                json.dumps({"id": f"bai-{i}", "text": text, **extra}, ensure_ascii=False) + "\n"
            )
    return path


def _line_count(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


@needs_shared
def test_sigkill_midway_then_rerun_writes_each_article_exactly_once(tmp_path):
    inputs = [str(p) for p in sorted(DEV.glob("*.txt"))] + [str(CORPUS)]
    expected = {p.stem for p in DEV.glob("*.txt")} | {p.stem for p in CORPUS.glob("*.txt")}
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "pipeline.runs.batch",
        *inputs,
        "-o",
        str(out),
        "--no-progress",
    ]
    proc = subprocess.Popen(
        [*command, "-w", "1"],
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while _line_count(out / "records.jsonl") < 3 and proc.poll() is None:
        assert time.monotonic() < deadline, "the batch run wrote no records"
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()
    proc.stderr.close()
    written = _line_count(out / "records.jsonl")
    assert 3 <= written < len(expected)
    # A write cut short by the kill: the rerun must drop it, not keep or duplicate it.
    with (out / "records.jsonl").open("ab") as handle:
        handle.write(b'{"schema_version": "1.0", "doc_id": "cut sh')

    rerun = subprocess.run(
        [*command, "-w", "2"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert rerun.returncode == 0, rerun.stderr
    records = _records(out)
    assert sorted(r["doc_id"] for r in records) == sorted(expected)
    for record in records:
        source = Path(record["source"]["path"])
        assert validate_record(record, source_bytes=(ROOT / source).read_bytes()) == []
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["state"] == "complete"
    assert (
        manifest["run"]["skipped"] == written and manifest["run"]["done"] == len(expected) - written
    )
    assert manifest["counts"]["records"] == len(expected)
    assert not list(out.glob(".*.tmp")) and not list((out / "tables").glob(".*.tmp"))


def test_bad_inputs_are_listed_and_good_articles_reach_the_tables(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "empty.txt").write_bytes(b"")
    (data / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (data / "latin.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d caf\xe9 \x81")
    (data / "seed.txt").write_bytes(SEED.read_bytes())
    (data / "page.html").write_text(
        "<html><head><title>x</title></head><body><nav>Menu</nav><h1>Ngày hội ở xã Liên Lộc</h1>"
        f"<p>{SHORT_TEXTS[0]}</p></body></html>",
        encoding="utf-8",
    )
    feed = data / "feed.jsonl"
    feed.write_text(
        json.dumps(
            {"id": "j1", "text": SHORT_TEXTS[1], "url": "https://x.example/1"}, ensure_ascii=False
        )
        + "\n"
        + '{"id": "j2", "text": "thiếu ngoặc\n'
        + json.dumps(
            {"id": "j3", "text": SHORT_TEXTS[2], "published": "2022-08-12"}, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    status = main(
        [str(data), "-o", str(out), "--workers", "0", "--id-field", "id", "--no-progress"]
    )
    assert status == 1
    errors = {
        Path(e["input"]).name + (f":{e['line']}" if e["line"] else ""): e for e in _errors(out)
    }
    assert {k: (e["code"], e["stage"]) for k, e in errors.items()} == {
        "empty.txt": ("E102", "ingest"),
        "binary.txt": ("E103", "ingest"),
        "latin.txt": ("E104", "ingest"),
        "feed.jsonl:2": ("E110", "read"),
    }
    assert all(e["reason"] for e in errors.values())
    assert "malformed JSON" in errors["feed.jsonl:2"]["reason"]
    con = duckdb.connect(str(out / "vnie.duckdb"), read_only=True)
    try:
        ids = {row[0] for row in con.execute("select doc_id from articles").fetchall()}
        assert ids == {"seed", "page", "j1", "j3"}
        assert con.execute("select count(*) from errors").fetchone()[0] == 4
        url = con.execute("select url from articles where doc_id = 'j1'").fetchone()[0]
        assert url == "https://x.example/1"
    finally:
        con.close()
    for record in _records(out):  # offsets index the HTML page's text and the JSONL texts
        text = source_text(record["source"]["path"])
        assert validate_record(record, source_text=text) == []
    j3 = next(r for r in _records(out) if r["doc_id"] == "j3")
    assert j3["metadata"] == {"published": "2022-08-12"}


def test_households_of_the_seed_article_sum_to_1200_in_duckdb(tmp_path):
    out = tmp_path / "out"
    summary = run_batch([str(SEED)], out, workers=0, progress=False)
    assert (summary.done, summary.failed) == (1, 0)
    con = duckdb.connect(str(out / "vnie.duckdb"), read_only=True)
    try:
        total = con.execute(
            "select sum(value) from figures where quantity = 'households'"
        ).fetchone()[0]
    finally:
        con.close()
    assert total == 1200


def test_dask_engine_writes_the_same_records_as_local_processes(tmp_path):
    from distributed import LocalCluster

    local = run_batch([str(CORPUS)], tmp_path / "local", workers=2, progress=False)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        dask = run_batch(
            [str(CORPUS)],
            tmp_path / "dask",
            engine="dask",
            scheduler=cluster.scheduler_address,
            progress=False,
        )
    assert (local.done, dask.done) == (len(list(CORPUS.glob("*.txt"))),) * 2
    local_bytes = (tmp_path / "local" / "records.jsonl").read_bytes()
    assert local_bytes == (tmp_path / "dask" / "records.jsonl").read_bytes()
    assert local.tables == dask.tables


def test_inputs_never_make_the_run_write_outside_out(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _jsonl(data / "feed.jsonl", SHORT_TEXTS[:2])
    evil = data / "evil.jsonl"
    evil.write_text(
        json.dumps({"id": "../../escaped", "text": SHORT_TEXTS[2]}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": str(tmp_path / "abs"), "text": SHORT_TEXTS[3]}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    out = data / "out"  # the output directory sits inside an input directory

    def snapshot() -> set[Path]:
        return {p for p in tmp_path.rglob("*") if out not in p.parents and p != out}

    before = snapshot()
    first = run_batch([str(data / ".." / "data")], out, workers=0, id_field="id", progress=False)
    assert (first.done, first.failed) == (4, 0)
    second = run_batch(
        [str(data), str(out / "records.jsonl")], out, workers=0, id_field="id", progress=False
    )
    assert (second.done, second.skipped, second.failed) == (0, 4, 1)
    assert _errors(out)[0]["code"] == "E113"  # naming a file in OUT as input is refused
    assert snapshot() == before
    assert {r["doc_id"] for r in _records(out)} == {
        "bai-1",
        "bai-2",
        "../../escaped",
        str(tmp_path / "abs"),
    }


def test_rerun_skips_done_articles_shards_and_force_recomputes(tmp_path):
    feed = _jsonl(tmp_path / "feed.jsonl", SHORT_TEXTS)
    out = tmp_path / "out"
    stream = io.StringIO()
    first = run_batch([str(feed)], out, workers=0, id_field="id", shard_size=2, stream=stream)
    assert (first.done, first.skipped) == (5, 0)
    assert "5 done, 0 skipped, 0 failed" in stream.getvalue()  # summary, non-TTY stream
    assert [p.name for p in existing_record_files(out)] == [
        "records-00000.jsonl",
        "records-00001.jsonl",
        "records-00002.jsonl",
    ]
    assert [_line_count(p) for p in existing_record_files(out)] == [2, 2, 1]

    again = run_batch([str(feed)], out, workers=0, id_field="id", shard_size=2, progress=False)
    assert (again.done, again.skipped, again.records) == (0, 5, 5)

    with feed.open("a", encoding="utf-8") as handle:  # a new article, and an edited one
        handle.write(
            json.dumps({"id": "bai-6", "text": "Thôn 3 có 120 hộ."}, ensure_ascii=False) + "\n"
        )
    more = run_batch([str(feed)], out, workers=0, id_field="id", shard_size=2, progress=False)
    assert (more.done, more.skipped, more.records) == (1, 5, 6)
    assert sorted(r["doc_id"] for r in _records(out)) == [f"bai-{i}" for i in range(1, 7)]

    with pytest.raises(BatchError, match="text_field"):
        run_batch([str(feed)], out, workers=0, text_field="body", shard_size=2, progress=False)
    forced = run_batch(
        [str(feed)], out, workers=0, id_field="id", shard_size=3, force=True, progress=False
    )
    assert (forced.done, forced.skipped, forced.records) == (6, 0, 6)
    assert [p.name for p in existing_record_files(out)] == [
        "records-00000.jsonl",
        "records-00001.jsonl",
    ]


def test_repair_tail_cuts_only_an_unterminated_last_line(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_bytes(b'{"a": 1}\n{"b": 2}\n{"c": ')
    assert repair_tail(path) is True
    assert path.read_bytes() == b'{"a": 1}\n{"b": 2}\n'
    assert repair_tail(path) is False
    path.write_bytes(b'{"only": "partial"')
    assert repair_tail(path) is True and path.read_bytes() == b""


def test_a_bug_is_quarantined_with_a_traceback_and_retried_on_request(tmp_path, monkeypatch):
    import pipeline.api

    feed = _jsonl(tmp_path / "feed.jsonl", SHORT_TEXTS[:3])
    real = pipeline.api.extract_text

    def broken(text, **kwargs):
        if kwargs.get("doc_id") == "bai-2":
            raise ZeroDivisionError("boom")
        return real(text, **kwargs)

    monkeypatch.setattr(pipeline.api, "extract_text", broken)
    out = tmp_path / "out"
    summary = run_batch([str(feed)], out, workers=0, id_field="id", progress=False)
    assert (summary.done, summary.failed) == (2, 1)
    [error] = _errors(out)
    assert (error["doc_id"], error["stage"], error["code"], error["line"]) == (
        "bai-2",
        "extract",
        "E900",
        2,
    )
    assert error["reason"] == "ZeroDivisionError: boom"
    assert "in broken" in error["traceback"]

    monkeypatch.setattr(pipeline.api, "extract_text", real)
    same = run_batch([str(feed)], out, workers=0, id_field="id", progress=False)
    assert (same.done, same.skipped) == (0, 3)  # failures are final unless retried
    retried = run_batch(
        [str(feed)], out, workers=0, id_field="id", retry_failed=True, progress=False
    )
    assert (retried.done, retried.failed, retried.errors, retried.records) == (1, 0, 0, 3)


def crash_on_second(article: Article):
    """A per-article function whose worker process dies on doc ``bai-2`` (see below)."""
    if article.doc_id == "bai-2":
        os._exit(3)
    return process_article(article)


def test_a_worker_that_dies_quarantines_only_its_article(tmp_path):
    feed = _jsonl(tmp_path / "feed.jsonl", SHORT_TEXTS[:4])
    runner = LocalRunner(2, fn=crash_on_second)
    try:
        articles = list(iter_articles([str(feed)], id_field="id"))
        pending = [runner.submit(a) for a in articles]
        outcomes = [runner.outcome(a, p) for a, p in zip(articles, pending, strict=True)]
    finally:
        runner.close()
    assert [o.failed for o in outcomes] == [False, True, False, False]
    died = json.loads(outcomes[1].line)
    assert (died["doc_id"], died["stage"], died["code"]) == ("bai-2", "worker", "E901")
    assert json.loads(outcomes[0].line)["doc_id"] == "bai-1"


def test_plain_progress_lines_report_rate_and_eta():
    stream = io.StringIO()
    progress = Progress("plain", stream, interval=0)
    progress.total = 10
    progress.started -= 2.0  # two seconds into the run
    progress.update(Counts(done=3, skipped=1, failed=1))
    line = stream.getvalue().strip()
    assert line.startswith("vnie batch: 5/10 articles (3 done, 1 skipped, 1 failed), ")
    assert "docs/s, ETA 0m0" in line


def test_bad_options_are_refused_before_anything_is_written(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(BatchError, match="engine='dask'"):
        run_batch([str(SEED)], out, scheduler="tcp://127.0.0.1:1", progress=False)
    with pytest.raises(BatchError, match="unknown engine"):
        run_batch([str(SEED)], out, engine="spark", progress=False)  # type: ignore[arg-type]
    with pytest.raises(BatchError, match="shard_size"):
        run_batch([str(SEED)], out, shard_size=0, progress=False)
    assert not out.exists()
