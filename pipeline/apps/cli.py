"""The ``vnie`` command line: a thin typer layer over :mod:`pipeline.api` and friends.

Exit codes: 0 success (or valid), 1 invalid records or failed articles, 2 usage or
input errors. Errors are one line naming the file, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.errors import NoArticlesError, VnieError
from pipeline.text.ingest import DEFAULT_MAX_CHARS

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Vietnamese news information extraction with grounded offsets.",
    pretty_exceptions_enable=False,
)

ARTICLE_SUFFIXES = (".txt",)
FORMAT_HELP = "guide, brat, doccano, labelstudio or conll"


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``vnie: error: message`` on stderr and return the Exit to raise."""
    typer.echo(f"vnie: error: {message}", err=True)
    return typer.Exit(code)


def article_files(paths: list[Path]) -> list[Path]:
    """Article files named by ``paths`` (directories: their ``*.txt``, sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in ARTICLE_SUFFIXES)
            if not found:
                raise NoArticlesError("directory has no article files (*.txt)", path=str(path))
            files.extend(found)
        else:
            files.append(path)
    return files


def _dump(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or directories of *.txt.")],
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="Write DIR/<stem>.json per article.")
    ] = None,
    max_chars: Annotated[
        int, typer.Option("--max-chars", help="Largest article accepted, in characters.")
    ] = DEFAULT_MAX_CHARS,
) -> None:
    """Extract one record per article (stdout when one file and no -o)."""
    from pipeline.api import extract_path

    try:
        files = article_files(paths)
    except VnieError as err:
        raise fail(str(err)) from None
    if out is None and len(files) > 1:
        raise fail("several articles need -o DIR")
    failed = 0
    for file in files:
        try:
            record = extract_path(file, max_chars=max_chars)
        except VnieError as err:
            typer.echo(f"vnie: error: {err}", err=True)
            failed += 1
            continue
        if out is None:
            sys.stdout.write(_dump(record) + "\n")
        else:
            out.mkdir(parents=True, exist_ok=True)
            target = out / f"{file.stem}.json"
            tmp = target.with_suffix(".json.tmp")
            tmp.write_text(_dump(record) + "\n", encoding="utf-8")
            tmp.replace(target)
        if not record["validation"]["valid"]:
            typer.echo(f"vnie: warning: {file}: record does not validate", err=True)
    if failed:
        raise typer.Exit(2 if failed == len(files) else 1)


@app.command()
def validate(
    records: Annotated[list[Path], typer.Argument(help="Record JSON files.")],
    source: Annotated[
        Path | None,
        typer.Option("--source", help="The article file (default: the record's source.path)."),
    ] = None,
) -> None:
    """Check records: schema, sha256, grounding, order, overlaps, references, values."""
    from pipeline.record.validate import validate_record

    invalid = 0
    for path in records:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise fail(f"{path}: no such file") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise fail(f"{path}: not a JSON record: {err}") from None
        src = source
        if src is None and isinstance(record, dict):
            src = Path(str(record.get("source", {}).get("path", "")))
        if src is None or not src.is_file():
            raise fail(f"{path}: source article {src} not found; pass --source FILE")
        problems = validate_record(record, source_bytes=src.read_bytes())
        if problems:
            invalid += 1
            typer.echo(f"{path}: INVALID ({len(problems)} problems)")
            for problem in problems:
                typer.echo(f"  - {problem}")
        else:
            typer.echo(f"{path}: valid")
    if invalid:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Gold files in the annotation guide's format.")],
    pred_dir: Annotated[
        Path | None, typer.Argument(help="Records (or gold-format files) to score.")
    ] = None,
    run: Annotated[bool, typer.Option("--run", help="Run vnie on the gold's texts.")] = False,
    texts: Annotated[
        Path | None, typer.Option("--texts", help="Where the gold's .txt files are.")
    ] = None,
    baseline: Annotated[
        str | None, typer.Option("--baseline", help="Also score a baseline: underthesea.")
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write a report: out.html or out.md.")
    ] = None,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Write every error as CSV (or .md).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score predictions against gold: strict, partial and value P/R/F1, attribute accuracy."""
    from pipeline.evaluation.baseline import BASELINES
    from pipeline.evaluation.scores import evaluate_dirs, render_markdown, write_report

    if baseline is not None and baseline not in BASELINES:
        raise fail(f"unknown baseline {baseline!r}; known: {', '.join(BASELINES)}")
    if (pred_dir is None) == (not run):
        raise fail("give either PRED_DIR or --run")
    try:
        result = evaluate_dirs(gold_dir, pred_dir, run=run, texts_dir=texts, baseline=baseline)
    except (VnieError, ValueError, FileNotFoundError) as err:
        raise fail(str(err)) from None
    if report is not None:
        try:
            write_report(result, report)
        except ValueError as err:
            raise fail(str(err)) from None
    if errors is not None:
        table = result.scores.errors
        if errors.suffix.lower() == ".md":
            errors.write_text(table.to_markdown(index=False), encoding="utf-8")
        else:
            table.to_csv(errors, index=False)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(
            render_markdown(
                result.scores, baseline=result.baseline, baseline_name=result.baseline_name
            )
            + "\n"
        )


@app.command()
def convert(
    source: Annotated[Path, typer.Argument(help="A file or directory in --from format.")],
    target: Annotated[Path, typer.Argument(help="Where to write the --to format.")],
    from_fmt: Annotated[str, typer.Option("--from", help=FORMAT_HELP)],
    to_fmt: Annotated[str, typer.Option("--to", help=FORMAT_HELP)],
    texts: Annotated[
        Path | None, typer.Option("--texts", help="Article texts, when the input lacks them.")
    ] = None,
) -> None:
    """Convert annotations between formats; says what a format could not hold."""
    from pipeline.evaluation.convert import FORMATS
    from pipeline.evaluation.convert import convert as run_convert

    for fmt in (from_fmt, to_fmt):
        if fmt not in FORMATS:
            raise fail(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    try:
        result = run_convert(source, target, from_fmt, to_fmt, texts_dir=texts)
    except (VnieError, ValueError, FileNotFoundError) as err:
        raise fail(str(err)) from None
    typer.echo(result.summary())


@app.command()
def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, directories, globs: .txt .html .jsonl .csv")
    ],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output directory.")],
    workers: Annotated[
        int | None, typer.Option("-w", "--workers", help="Processes (default: cores; 0: none).")
    ] = None,
    engine: Annotated[str, typer.Option("--engine", help="local or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler, e.g. tcp://host:8786.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Recompute everything.")] = False,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Retry the articles in errors.jsonl.")
    ] = False,
    text_field: Annotated[
        str, typer.Option("--text-field", help="JSONL/CSV field with the text.")
    ] = "text",
    id_field: Annotated[
        str | None, typer.Option("--id-field", help="JSONL/CSV field with the doc id.")
    ] = None,
    shard_size: Annotated[
        int, typer.Option("--shard-size", help="Records per records-NNNNN.jsonl shard.")
    ] = 10_000,
    max_chars: Annotated[
        int, typer.Option("--max-chars", help="Largest article accepted, in characters.")
    ] = DEFAULT_MAX_CHARS,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress display.")
    ] = None,
) -> None:
    """Extract many articles: streaming, parallel, resumable; JSONL, Parquet and DuckDB out."""
    from pipeline.runs.batch import run_batch

    if engine not in ("local", "dask"):
        raise fail(f"unknown engine {engine!r}; use local or dask")
    try:
        summary = run_batch(
            inputs,
            out,
            workers=workers,
            engine=engine,  # type: ignore[arg-type]
            scheduler=scheduler,
            force=force,
            retry_failed=retry_failed,
            text_field=text_field,
            id_field=id_field,
            shard_size=shard_size,
            max_chars=max_chars,
            progress=progress,
        )
    except VnieError as err:
        raise fail(str(err)) from None
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def report(
    out_dir: Annotated[Path, typer.Argument(help="Records (*.json) or a batch output folder.")],
    html: Annotated[Path, typer.Option("--html", help="Where to write the static site.")],
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Gold files: mark misses and spurious ones.")
    ] = None,
) -> None:
    """Build review pages: every mention highlighted in its sentence, and an index."""
    from pipeline.apps.report import build_site

    try:
        summary = build_site(out_dir, html, gold_dir=gold)
    except VnieError as err:
        raise fail(str(err)) from None
    typer.echo(summary.describe())


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover - python -m pipeline.apps.cli
    app()
