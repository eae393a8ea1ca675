"""Hostile input, crashes and the CLI's manners (issue 13, items 1–10 and 15–17).

Each test names the item it covers; each failed on the code before its fix.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from pipeline.api import extract_bytes
from pipeline.errors import DecodeError
from pipeline.text.ingest import decode, normalise

#: A synthetic UTF-8 article (several hundred non-ASCII letters).
ARTICLE = (
    "Hà Nội, ngày 12/8/2022. Ủy ban nhân dân thành phố tổ chức hội nghị tổng kết "
    "công tác năm và trao bằng khen cho 15 tập thể, 30 cá nhân có thành tích xuất sắc.\n"
) * 30


# --- item 2: encoding detection ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["dù đã", "dù", "Đà Lạt đẹp", "ông bà", "Hà"])
def test_item2_short_utf8_text_is_utf8_not_a_legacy_font(text: str) -> None:
    source = decode(text.encode("utf-8"))
    assert (source.encoding, source.text) == ("utf-8", text)


def test_item2_utf8_with_stray_bytes_is_utf8_with_a_warning_at_the_real_offsets() -> None:
    data = bytearray(ARTICLE.encode("utf-8"))
    data[2920:2921] = b"\xff"
    data[4000:4001] = b"\xfe"
    source = decode(bytes(data), path="stray.txt")
    assert source.encoding == "utf-8-replace"
    assert source.text.count("\ufffd") >= 2
    assert "Hà Nội" in source.text and "Ă" not in source.text
    assert source.warnings and "2920" in source.warnings[0] and "4000" in source.warnings[0]
    record = extract_bytes(bytes(data), path="stray.txt")
    assert record["source"]["encoding"] == "utf-8-replace"
    assert record["validation"]["valid"]
    assert [w["code"] for w in record["warnings"]].count("W102") == 1
    assert "2920" in record["warnings"][0]["message"]


def test_item2_undecodable_bytes_name_the_first_invalid_utf8_byte() -> None:
    data = b"plain ascii text " * 200 + b"\x81\x8d\x8f\x90"
    with pytest.raises(DecodeError, match=r"at 3400\b"):
        decode(data, path="x.txt")


# --- item 5: marks on a non-letter base ---------------------------------------------------------


@pytest.mark.parametrize("base", ["\xa0", "\u200b", "\x01", "\r\n", "\u2028", " ", "x"])
def test_item5_marks_on_any_base_normalise_the_same_in_either_order(base: str) -> None:
    one = normalise(base + "\u0302\u031b")
    two = normalise(base + "\u031b\u0302")
    assert one.text == two.text
    for working in (one, two):
        assert "\xa0" not in working.text and "\u200b" not in working.text
        for start in range(len(working.text)):
            for end in range(start + 1, len(working.text) + 1):
                src_start, src_end = working.to_source(start, end)
                assert 0 <= src_start < src_end <= len(working.source)
    assert unicodedata.is_normalized("NFC", one.text)


# --- CLI helpers --------------------------------------------------------------------------------

SHORT = "Sáng 12/8/2022, UBND xã Liên Lộc, huyện Hậu Lộc tổ chức ngày hội cho 300 hộ dân.\n"


ROOT = Path(__file__).resolve().parents[1]


def cli(*args: object):
    """Run the CLI in this process (for commands that cannot block)."""
    from typer.testing import CliRunner

    from pipeline.apps.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def cli_process(*args: object, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child process, killed after ``timeout`` s (a hang fails the test)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "pipeline.apps.cli", *map(str, args)]
    return subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=timeout, check=False
    )


# --- item 1: extract -o never overwrites one record with another ---------------------------------


def test_item1_same_name_in_two_subfolders_gives_two_records(tmp_path: Path) -> None:
    src = tmp_path / "in"
    for sub, town in (("a", "Liên Lộc"), ("b", "Hoa Lộc")):
        (src / sub).mkdir(parents=True)
        (src / sub / "same.txt").write_text(SHORT.replace("Liên Lộc", town), encoding="utf-8")
    result = cli("extract", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    written = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json")
    )
    assert written == ["a/same.json", "b/same.json"]
    texts = {
        json.loads(p.read_text(encoding="utf-8"))["source"]["path"]
        for p in (tmp_path / "out").rglob("*.json")
    }
    assert texts == {str(src / "a" / "same.txt"), str(src / "b" / "same.txt")}
    assert "2 records written" in result.stderr


def test_item1_two_inputs_with_one_record_name_are_refused_naming_both(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(SHORT, encoding="utf-8")
    result = cli(
        "extract", tmp_path / "a" / "same.txt", tmp_path / "b" / "same.txt", "-o", tmp_path / "out"
    )
    assert result.exit_code == 2
    assert str(tmp_path / "a" / "same.txt") in result.stderr
    assert str(tmp_path / "b" / "same.txt") in result.stderr
    assert not list((tmp_path).glob("out/*.json"))


# --- item 6: FIFOs, devices, /proc files -------------------------------------------------------


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/proc/self/mem"])
def test_item6_extract_refuses_non_regular_and_unreadable_files(
    tmp_path: Path, special: str
) -> None:
    target = _fifo(tmp_path / "f.txt") if special == "fifo" else Path(special)
    result = cli_process("extract", target, timeout=120)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"vnie: error: {target}: ")


def test_item6_a_fifo_or_device_inside_a_folder_is_an_error_and_the_rest_is_extracted(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(SHORT, encoding="utf-8")
    _fifo(src / "pipe.txt")
    (src / "zero.txt").symlink_to("/dev/zero")
    (src / "mem.txt").symlink_to("/proc/self/mem")
    result = cli_process("extract", src, "-o", tmp_path / "out", timeout=180)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("vnie: error:")]
    assert len(errors) == 3 and "Traceback" not in result.stderr
    assert [p.name for p in (tmp_path / "out").rglob("*.json")] == ["good.json"]


def test_item6_batch_lists_fifos_devices_and_proc_files_as_errors_and_goes_on(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(SHORT, encoding="utf-8")
    _fifo(src / "pipe.txt")
    _fifo(src / "pipe.jsonl")
    _fifo(src / "pipe.csv")
    (src / "zero.txt").symlink_to("/dev/zero")
    (src / "mem.txt").symlink_to("/proc/self/mem")
    (src / "mem.jsonl").symlink_to("/proc/self/mem")
    alone = _fifo(tmp_path / "alone.txt")
    out = tmp_path / "out"
    result = cli_process("batch", src, alone, "-o", out, "-w", "0", "--no-progress")
    assert result.returncode == 1, result.stderr
    assert "1 done" in result.stderr and "7 failed" in result.stderr
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    errors = [json.loads(line) for line in lines]
    assert len(errors) == 7 and {e["code"] for e in errors} == {"E112"}
    assert all("Traceback" not in e["reason"] for e in errors)


def test_item6_a_jsonl_line_past_the_limit_is_an_error_read_in_bounded_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.runs import inputs

    monkeypatch.setattr(inputs, "jsonl_line_limit", lambda max_chars: 1000)
    lines = tmp_path / "l.jsonl"
    texts = [SHORT, "x" * 5000, SHORT]
    lines.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    items = list(inputs.iter_articles([str(lines)]))
    assert [type(i).__name__ for i in items] == ["Article", "InputFailure", "Article"]
    assert items[1].line == 2 and items[1].code == "E105" and "1,000 bytes" in items[1].reason
    assert [i.doc_id for i in items] == ["l-L1", None, "l-L3"]


# --- item 10: -o naming an existing file ---------------------------------------------------------


def test_item10_extract_and_batch_refuse_an_out_that_is_a_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SHORT, encoding="utf-8")
    taken = tmp_path / "taken"
    taken.write_text("not a folder", encoding="utf-8")
    for command in ("extract", "batch"):
        result = cli(command, article, "-o", taken)
        assert result.exit_code == 2, (command, result.output)
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith("vnie: error: ") and str(taken) in line, line
    assert taken.read_text(encoding="utf-8") == "not a folder"


def test_item10_report_refuses_an_html_target_that_is_a_file(tmp_path: Path) -> None:
    taken = tmp_path / "site"
    taken.write_text("not a folder", encoding="utf-8")
    (tmp_path / "records").mkdir()
    result = cli("report", tmp_path / "records", "--html", taken)
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("vnie: error: ") and str(taken) in line, line


# --- item 16: the CLI's manners ------------------------------------------------------------------


def test_item16_version_and_help_read_like_a_well_kept_cli() -> None:
    from pipeline import __version__

    version = cli("--version")
    assert version.exit_code == 0 and __version__ in version.stdout
    for command in ("", "extract", "validate", "evaluate", "convert", "batch", "report"):
        shown = cli(*([command] if command else []), "--help")
        assert shown.exit_code == 0, shown.output
        for noise in ("{", "<list", "<bool>", "<int>", "<path>", "<str>"):
            assert noise not in shown.stdout, (command, noise, shown.stdout)
    assert "PATH..." in cli("extract", "--help").stdout


def test_item16_workers_above_the_cpu_count_are_capped_with_a_warning() -> None:
    from pipeline.runs.batch import effective_workers

    count, warning = effective_workers(512)
    assert 1 <= count < 512 and warning and "512" in warning
    assert effective_workers(0) == (0, None) and effective_workers(1) == (1, None)


# --- item 3: an unterminated CSV quote ----------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # The quote is never closed: the rows after it would become its text.
        'id,text\n1,"Xã Liên Lộc có 300 hộ dân.\n2,Xã Hoa Lộc có 200 hộ.\n3,Xã Đa Lộc.\n',
        # Closed by the next row's opening quote: that row's text would follow it.
        'id,text\n1,"Xã Liên Lộc có 300 hộ dân.\n2,"Xã Hoa Lộc có 200 hộ dân."\n3,"Xã Đa Lộc."\n',
    ],
)
def test_item3_an_unterminated_csv_quote_is_an_error_row_and_the_next_rows_are_read(
    tmp_path: Path, body: str
) -> None:
    from pipeline.runs.inputs import Article, InputFailure, iter_articles

    table = tmp_path / "t.csv"
    table.write_text(body, encoding="utf-8")
    items = list(iter_articles([str(table)], id_field="id"))
    failures = [i for i in items if isinstance(i, InputFailure)]
    articles = [i for i in items if isinstance(i, Article)]
    assert len(failures) == 1 and failures[0].row == 1 and failures[0].code == "E110"
    assert "line 2" in failures[0].reason
    assert [a.doc_id for a in articles] == ["2", "3"]
    assert all("\n" not in (a.text or "") for a in articles)


def test_item3_a_quoted_multiline_field_is_still_one_row(tmp_path: Path) -> None:
    from pipeline.runs.inputs import Article, iter_articles

    table = tmp_path / "t.csv"
    table.write_text('id,text\n1,"Dòng một,\nDòng hai."\n2,Khác\n', encoding="utf-8")
    items = list(iter_articles([str(table)], id_field="id"))
    assert all(isinstance(i, Article) for i in items)
    assert [(a.doc_id, a.text) for a in items] == [("1", "Dòng một,\nDòng hai."), ("2", "Khác")]


# --- batch helpers ------------------------------------------------------------------------------


def _batch(inputs: list[Path], out: Path, **options):
    from pipeline.runs.batch import run_batch

    options.setdefault("workers", 0)
    options.setdefault("progress", False)
    return run_batch([str(p) for p in inputs], out, **options)


def _jsonl_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _duckdb(out: Path, query: str) -> list[tuple]:
    import duckdb

    con = duckdb.connect(str(out / "vnie.duckdb"), read_only=True)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


# --- item 4: an edited input replaces its record --------------------------------------------------


def test_item4_an_edited_article_replaces_its_record_and_its_error(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SHORT, encoding="utf-8")
    (src / "b.txt").write_text(SHORT.replace("300", "400"), encoding="utf-8")
    (src / "c.txt").write_bytes(b"")  # an error first, an article after the edit
    lines = src / "l.jsonl"
    lines.write_text(json.dumps({"text": SHORT}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    first = _batch([src], out)
    assert (first.done, first.failed) == (3, 1)
    (src / "a.txt").write_text(SHORT.replace("300", "350"), encoding="utf-8")
    (src / "c.txt").write_text(SHORT.replace("300", "50"), encoding="utf-8")
    lines.write_text(json.dumps({"text": SHORT.replace("300", "30")}) + "\n", encoding="utf-8")
    second = _batch([src], out)
    assert (second.done, second.skipped, second.failed, second.replaced) == (3, 1, 0, 3)
    records = _jsonl_lines(out / "records.jsonl")
    assert sorted(r["doc_id"] for r in records) == ["a", "b", "c", "l-L1"]
    by_id = {r["doc_id"]: r for r in records}
    assert "350" in by_id["a"]["title"]["text"] or any(
        m["text"].startswith("350") for m in by_id["a"]["mentions"]
    )
    assert _jsonl_lines(out / "errors.jsonl") == []
    assert _duckdb(out, "select count(*), count(distinct doc_id) from articles") == [(4, 4)]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["duplicate_doc_ids"] == 0
    third = _batch([src], out)
    assert (third.done, third.skipped, third.replaced) == (0, 4, 0)


# --- item 8: huge metadata fields ------------------------------------------------------------


def test_item8_a_ten_million_character_url_still_builds_the_tables(tmp_path: Path) -> None:
    from pipeline.runs.tables import FIELD_CAP

    lines = tmp_path / "big.jsonl"
    url = "https://example.vn/" + "a" * 10_000_000
    lines.write_text(json.dumps({"text": SHORT, "url": url}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = _batch([lines], out)
    assert summary.records == 1
    ((stored, metadata),) = _duckdb(out, "select url, metadata from articles")
    assert stored.startswith("https://example.vn/aaa") and len(stored) < FIELD_CAP + 100
    assert "truncated" in stored and len(metadata) < 100_000
    assert _jsonl_lines(out / "records.jsonl")[0]["metadata"]["url"] == url
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["state"] == "complete"


def test_item8_a_failed_table_build_leaves_no_temporary_database_and_says_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import duckdb

    from pipeline.runs import tables

    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    out = tmp_path / "out"
    real = duckdb.connect

    class Exploding:
        def __init__(self, *args, **kwargs):
            self.con = real(*args, **kwargs)

        def execute(self, query, *args):
            if query.startswith("CREATE TABLE") and "mentions" in query:
                raise duckdb.OutOfMemoryException("Out of Memory Error: simulated")
            return self.con.execute(query, *args)

        def close(self):
            self.con.close()

    monkeypatch.setattr(duckdb, "connect", Exploding)
    with pytest.raises(duckdb.OutOfMemoryException):
        _batch([tmp_path / "a.txt"], out)
    assert not list(out.glob(".vnie.duckdb.tmp*")) and not (out / "vnie.duckdb").exists()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["state"] == "failed" and "Out of Memory" in manifest["reason"]
    assert not (out / ".vnie-batch.lock").exists()
    monkeypatch.setattr(duckdb, "connect", real)
    assert tables.write_duckdb  # the module is the one patched above
    again = _batch([tmp_path / "a.txt"], out)
    assert (again.done, again.skipped, again.records) == (0, 1, 1)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["state"] == "complete" and "reason" not in manifest


# --- item 9: disk full ----------------------------------------------------------------------------


def test_item9_disk_full_is_one_clean_error_and_the_rerun_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from pipeline.runs import ledger

    src = tmp_path / "in"
    src.mkdir()
    for n in range(4):
        (src / f"a{n}.txt").write_text(SHORT.replace("300", str(300 + n)), encoding="utf-8")
    out = tmp_path / "out"
    real_write = os.write
    calls = {"n": 0}

    def full_disk(fd: int, data) -> int:
        # The third record: half of it goes to disk, then the disk is full.
        if os.readlink(f"/proc/self/fd/{fd}").endswith("records.jsonl"):
            calls["n"] += 1
            if calls["n"] == 3:
                real_write(fd, bytes(data[: len(data) // 2]))
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(ledger.os, "write", full_disk)
    result = cli("batch", src, "-o", out, "-w", "0", "--no-progress")
    assert result.exit_code == 2, result.output
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("vnie: error:")]
    assert "No space left on device" in line and "Traceback" not in result.output
    data = (out / "records.jsonl").read_bytes()
    assert data.endswith(b"\n") and data.count(b"\n") == 2
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["state"] == "failed" and "No space left" in manifest["reason"]
    monkeypatch.setattr(ledger.os, "write", real_write)
    again = _batch([src], out)
    assert (again.done, again.skipped, again.records) == (2, 2, 4)


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 256 KiB tmpfs (root only); skipped where it cannot be mounted."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode(errors='replace')}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_item9_a_really_full_disk_stops_cleanly_and_resumes_with_space(
    tmp_path: Path, small_disk: Path
) -> None:
    lines = tmp_path / "many.jsonl"
    texts = [SHORT.replace("300", str(n)) for n in range(150)]
    lines.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    out = small_disk / "out"
    result = cli("batch", lines, "-o", out, "-w", "0", "--no-progress")
    assert result.exit_code == 2, result.output
    errors = [x for x in result.stderr.splitlines() if x.startswith("vnie: error:")]
    assert len(errors) == 1 and "No space left on device" in errors[0]
    assert "Traceback" not in result.output
    data = (out / "records.jsonl").read_bytes()
    assert data and data.endswith(b"\n")
    done = data.count(b"\n")
    assert 0 < done < 150
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    again = _batch([lines], out)
    assert (again.done, again.skipped, again.records) == (150 - done, done, 150)
    assert not list(out.glob(".*.tmp"))


# --- item 15: the batch command's manners ---------------------------------------------------------


def test_item15_no_matching_input_exits_2_and_creates_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for inputs in ([tmp_path / "nothing" / "*.txt"], [tmp_path / "missing.txt"]):
        result = cli("batch", *inputs, "-o", out)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("vnie: error:")
        assert not out.exists()


def test_item15_reruns_keep_a_history_remove_the_lock_and_print_the_summary(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    out = tmp_path / "out"
    first = cli("batch", tmp_path / "a.txt", "-o", out, "-w", "0", "--no-progress")
    assert first.exit_code == 0 and "vnie batch: 1 done" in first.stderr
    assert not (out / ".vnie-batch.lock").exists()
    second = cli("batch", tmp_path / "a.txt", "-o", out, "-w", "0", "--no-progress")
    assert second.exit_code == 0 and "0 done, 1 skipped" in second.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [(r["done"], r["skipped"]) for r in manifest["runs"]] == [(1, 0), (0, 1)]
    assert manifest["counts"]["records"] == 1
    assert not (out / ".vnie-batch.lock").exists()


# --- item 7: no orphans after the main process dies ----------------------------------------------


def _start_batch(tmp_path: Path) -> tuple[subprocess.Popen, Path, list]:
    """A two-worker batch in a child process, once its workers are writing records."""
    import time

    import psutil

    lines = tmp_path / "many.jsonl"
    texts = [SHORT.replace("300", str(n)) for n in range(20000)]
    lines.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "pipeline.apps.cli", "batch", str(lines), "-o", str(out)]
    main = subprocess.Popen(
        [*command, "-w", "2", "--no-progress"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    records = out / "records.jsonl"
    for _ in range(600):  # wait (up to ~5 minutes) for the first records
        if records.exists() and records.stat().st_size > 0:
            break
        if main.poll() is not None:
            pytest.fail("the batch ended before it could be killed")
        time.sleep(0.5)
    else:
        main.kill()
        pytest.fail("the batch wrote no record")
    children = psutil.Process(main.pid).children(recursive=True)
    assert len(children) >= 3  # forkserver, resource tracker, two workers
    return main, out, children


def _living(procs: list) -> list:
    """The processes of ``procs`` still running (a zombie has exited)."""
    import psutil

    living = []
    for proc in procs:
        try:
            if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                living.append(proc)
        except psutil.NoSuchProcess:
            pass
    return living


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_item7_workers_and_helpers_exit_when_the_batch_main_process_dies(
    tmp_path: Path, how: str
) -> None:
    import signal
    import time

    main, out, children = _start_batch(tmp_path)
    main.send_signal(getattr(signal, how))
    main.wait(timeout=120)
    alive = _living(children)
    for _ in range(240):  # up to ~2 minutes
        if not alive:
            break
        time.sleep(0.5)
        alive = _living(alive)
    described = [(p.pid, p.name()) for p in alive]
    for proc in alive:
        proc.kill()
    assert not described
    if how == "SIGTERM":
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["state"] == "interrupted"


# --- item 17: the README's commands run as written ------------------------------------------------


def _readme_block(after: str, fence: str = "```sh") -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(fence, text.index(after)) + len(fence)
    block = text[start : text.index("```", start)]
    return [line.split("  #")[0].strip() for line in block.strip().splitlines()]


def _ignored(folder: str) -> bool:
    patterns = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    return f"{folder.strip('/')}/" in patterns


def test_item17_readme_commands_name_real_paths_and_ignored_outputs() -> None:
    import shlex

    from pipeline.apps.cli import app

    commands = _readme_block("## Using it")
    assert commands[0] == ". .venv/bin/activate"
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    outputs = []
    for line in commands[1:]:
        words = shlex.split(line)
        assert words[0] == "vnie", line
        if words[1].startswith("-"):
            continue
        assert words[1] in names, line
        args = words[2:]
        for i, word in enumerate(args):
            if word in ("-o", "--out", "--html"):
                outputs.append(args[i + 1])
            elif words[1] == "convert" and i == 1:
                outputs.append(word)
            elif not word.startswith("-") and not (i and args[i - 1].startswith("-")):
                if words[1] == "report" and word == "out/":
                    continue  # made by the extract line above it
                path = word if "*" not in word else word.split("*")[0]
                assert (ROOT / path).exists() or word.startswith("out/"), (line, word)
    assert outputs and all(_ignored(folder) for folder in outputs), outputs
    for folder in ("demo-out", "demo-site", "run", "site", "out", "brat-out"):
        assert _ignored(folder), folder
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "feeds/*.jsonl -o" not in text.split("Inputs may mix kinds")[0]
    assert "\n$ duckdb " not in text


def test_item17_readme_duckdb_queries_run_on_a_batch_output(tmp_path: Path) -> None:
    from pipeline.runs.batch import run_batch

    corpus = ROOT / "corpus"
    run_batch([str(corpus)], tmp_path / "run", workers=0, progress=False)
    block = [line for line in _readme_block("Query it with the") if line]
    queries = [line for line in block if line.startswith("q ")]
    assert block[0].startswith("q() { .venv/bin/python -c ") and len(queries) >= 5
    script = "set -e\n" + "\n".join(block).replace(".venv/bin/python", sys.executable)
    result = subprocess.run(
        ["bash", "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("┌") == len(queries)  # one table per query
