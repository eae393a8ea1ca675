"""The command line: records out, validation verdicts, and one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.apps.cli import app

from conftest import SEED_TEXT

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_extract_one_file_to_stdout_and_validate(tmp_path: Path) -> None:
    result = run("extract", SEED_TEXT)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["doc_id"] == SEED_TEXT.stem
    assert record["validation"] == {"valid": True, "problems": []}
    out = tmp_path / "r.json"
    out.write_text(result.stdout, encoding="utf-8")
    checked = run("validate", out, "--source", SEED_TEXT)
    assert checked.exit_code == 0
    assert "valid" in checked.stdout


def test_validate_lists_each_problem_and_exits_1(tmp_path: Path, seed_record: dict) -> None:
    record = json.loads(json.dumps(seed_record))
    record["mentions"][0]["start"] += 1
    record["mentions"][1]["text"] = "bịa đặt"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    result = run("validate", bad, "--source", SEED_TEXT)
    assert result.exit_code == 1
    assert "INVALID" in result.stdout
    assert f"{record['mentions'][0]['id']}: source[" in result.stdout
    assert "bịa đặt" in result.stdout


def test_validate_catches_a_changed_source(tmp_path: Path, seed_record: dict) -> None:
    changed = tmp_path / "seed.txt"
    changed.write_bytes(SEED_TEXT.read_bytes().replace("Liên Lộc".encode(), "Liên Lạc".encode()))
    rec = tmp_path / "r.json"
    rec.write_text(json.dumps(seed_record, ensure_ascii=False), encoding="utf-8")
    result = run("validate", rec, "--source", changed)
    assert result.exit_code == 1
    assert "sha256" in result.stdout


def test_extract_directory_writes_one_record_per_article(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    for name in ("a", "b"):
        (articles / f"{name}.txt").write_text(
            "Tiêu đề\n\nSáng 12/8/2022, UBND xã Liên Lộc trao 15 suất quà.", encoding="utf-8"
        )
    result = run("extract", articles, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "b.json"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty file"),
        (b"\x00\x01\x02binary\x00\x00\xff\xfe\x00", "binary file"),
        (bytes(range(0x80, 0xA0)) * 3, "undecodable bytes"),
    ],
)
def test_bad_input_gives_one_line_error(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("extract", path)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"vnie: error: {path}: ")
    assert message in lines[0]
    assert "Traceback" not in result.output


def test_directory_without_articles_is_an_error(tmp_path: Path) -> None:
    result = run("extract", tmp_path)
    assert result.exit_code == 2
    assert "has no article files" in result.stderr


def test_one_bad_file_among_good_ones_loses_nothing(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Tiêu đề\n\nNăm 2022, xã có 1.200 hộ.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert (tmp_path / "out" / "good.json").is_file()


def test_batch_command_writes_records_and_tables(tmp_path: Path) -> None:
    from conftest import CORPUS

    out = tmp_path / "run"
    result = run("batch", CORPUS, "-o", out, "--workers", "0", "--no-progress")
    assert result.exit_code == 0, result.output
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list(CORPUS.glob("*.txt")))
    assert (out / "vnie.duckdb").is_file()
    again = run("batch", CORPUS, "-o", out, "--workers", "0", "--no-progress")
    assert again.exit_code == 0
    assert (out / "records.jsonl").read_text(encoding="utf-8").splitlines() == lines


def test_extract_loads_no_library_it_does_not_use(tmp_path: Path) -> None:
    """Cold start: ``vnie extract`` imports no table, plotting, cluster, notebook or spaCy
    library (spaCy's Doc is built only on demand; the schema validator only when asked)."""
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("Ông Lê Văn Tám về xã Hậu Lộc ngày 2/9/2023.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from pipeline.apps.cli import app\n"
        "try:\n"
        f"    app(['extract', {str(article)!r}, '-o', {str(tmp_path / 'out')!r}])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "heavy = ('pandas', 'pyarrow', 'duckdb', 'dask', 'plotly', 'jsonschema', 'spacy',\n"
        "         'nbformat', 'nbclient', 'IPython', 'distributed')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=root, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "a.json").exists()
