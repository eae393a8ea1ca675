"""The ``vnie`` command line: a thin typer layer over :mod:`pipeline.api` and friends.

Exit codes: 0 success (or valid), 1 invalid records or failed articles, 2 usage or
input errors. Errors are one line naming the file, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from typer.core import TyperArgument, TyperCommand

from pipeline.errors import InputError, NoArticlesError, VnieError
from pipeline.text.ingest import DEFAULT_MAX_CHARS


class _Argument(TyperArgument):
    """A positional argument shown in help by its metavar alone (``PATH...``)."""

    def display_type_rich(self, ctx: click.Context) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"


class Command(TyperCommand):
    """A typer command whose arguments read like a well-kept CLI's in ``--help``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _Argument


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Vietnamese news information extraction with grounded offsets.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)

ARTICLE_SUFFIXES = (".txt",)
FORMAT_HELP = "guide, brat, doccano, labelstudio or conll"


def _show_version(value: bool) -> None:
    if value:
        from pipeline import SCHEMA_VERSION, __version__

        typer.echo(f"vnie {__version__} (record schema {SCHEMA_VERSION})")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_show_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Vietnamese news information extraction with grounded offsets."""


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``vnie: error: message`` on stderr and return the Exit to raise."""
    typer.echo(f"vnie: error: {message}", err=True)
    return typer.Exit(code)


def article_files(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(article file, record name relative to -o) for every file named by ``paths``.

    A directory gives its ``*.txt`` files (recursively, sorted; not directories named
    ``*.txt``), each named by its path inside the directory, so ``a/x.txt`` and
    ``b/x.txt`` become ``a/x.json`` and ``b/x.json``; a file is named by its stem.
    Raises :class:`NoArticlesError` for a directory without articles and
    :class:`InputError` when two files would get the same record name.
    """
    files: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix in ARTICLE_SUFFIXES and not p.is_dir()
            )
            if not found:
                raise NoArticlesError("directory has no article files (*.txt)", path=str(path))
            files.extend((p, p.relative_to(path).with_suffix(".json")) for p in found)
        else:
            files.append((path, Path(f"{path.stem}.json")))
    seen: dict[Path, Path] = {}
    for file, name in files:
        other = seen.setdefault(name, file)
        if other != file:
            raise InputError(
                f"{other} and {file} would both be written to {name}; "
                "extract them into different -o folders",
                path=str(file),
            )
    return files


def _dump(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1)


def _out_dir(out: Path) -> None:
    """Make ``out`` a directory, or fail (exit 2) when it cannot be one."""
    if out.exists() and not out.is_dir():
        raise fail(f"{out}: exists and is not a directory; -o needs a directory")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise fail(f"{out}: cannot create the output directory: {err.strerror or err}") from None


def _write_record(target: Path, record: dict) -> None:
    """Write ``target`` whole (temporary file, then rename) or fail with exit 2."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(_dump(record) + "\n", encoding="utf-8")
        tmp.replace(target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise fail(f"{target}: cannot write the record: {err.strerror or err}") from None


@app.command(cls=Command)
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files or directories of *.txt.", metavar="PATH...")
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--out",
            help="Write one DIR/<name>.json per article (subfolders kept).",
            metavar="DIR",
        ),
    ] = None,
    max_chars: Annotated[
        int,
        typer.Option("--max-chars", help="Largest article accepted, in characters.", metavar="N"),
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
    if out is not None:
        _out_dir(out)
    failed = invalid = 0
    for file, name in files:
        try:
            record = extract_path(file, max_chars=max_chars)
        except VnieError as err:
            typer.echo(f"vnie: error: {err}", err=True)
            failed += 1
            continue
        if out is None:
            sys.stdout.write(_dump(record) + "\n")
        else:
            _write_record(out / name, record)
        if not record["validation"]["valid"]:
            invalid += 1
            typer.echo(f"vnie: warning: {file}: record does not validate", err=True)
    if out is not None:
        written = len(files) - failed
        typer.echo(
            f"vnie extract: {written} record{'s' if written != 1 else ''} written to {out} "
            f"({invalid} invalid), {failed} failed.",
            err=True,
        )
    if failed:
        raise typer.Exit(2 if failed == len(files) else 1)


@app.command(cls=Command)
def validate(
    records: Annotated[list[Path], typer.Argument(help="Record JSON files.", metavar="RECORD...")],
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            help="The article file (default: the record's source.path).",
            metavar="FILE",
        ),
    ] = None,
) -> None:
    """Check records: schema, sha256, grounding, order, references, every derived value."""
    from pipeline.apps.validate import check_files

    invalid = 0
    for verdict in check_files(records, source=source):
        if verdict.problems:
            invalid += 1
            typer.echo(f"{verdict.where}: INVALID ({len(verdict.problems)} problems)")
            for problem in verdict.problems:
                typer.echo(f"  - {problem}")
        else:
            typer.echo(f"{verdict.where}: valid")
    if invalid:
        raise typer.Exit(1)


@app.command(cls=Command)
def evaluate(
    gold_dir: Annotated[
        Path,
        typer.Argument(help="Gold files in the annotation guide's format.", metavar="GOLD_DIR"),
    ],
    pred_dir: Annotated[
        Path | None,
        typer.Argument(help="Records (or gold-format files) to score.", metavar="PRED_DIR"),
    ] = None,
    run: Annotated[bool, typer.Option("--run", help="Run vnie on the gold's texts.")] = False,
    texts: Annotated[
        Path | None, typer.Option("--texts", help="Where the gold's .txt files are.", metavar="DIR")
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option("--baseline", help="Also score a baseline: underthesea.", metavar="NAME"),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Write a report: out.html or out.md.", metavar="FILE"),
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option("--errors", help="Write every error as CSV (or .md).", metavar="FILE"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score predictions against gold.

    Strict, partial and value P/R/F1, and attribute accuracy.
    """
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


@app.command(cls=Command)
def convert(
    source: Annotated[
        Path, typer.Argument(help="A file or directory in --from format.", metavar="SOURCE")
    ],
    target: Annotated[
        Path, typer.Argument(help="Where to write the --to format.", metavar="TARGET")
    ],
    from_fmt: Annotated[str, typer.Option("--from", help=FORMAT_HELP, metavar="FORMAT")],
    to_fmt: Annotated[str, typer.Option("--to", help=FORMAT_HELP, metavar="FORMAT")],
    texts: Annotated[
        Path | None,
        typer.Option("--texts", help="Article texts, when the input lacks them.", metavar="DIR"),
    ] = None,
) -> None:
    """Convert annotations between formats.

    Says what the target format could not hold.
    """
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


@app.command(cls=Command)
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories, globs: .txt .html .jsonl .csv", metavar="INPUT..."
        ),
    ],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output directory.", metavar="DIR")],
    workers: Annotated[
        int | None,
        typer.Option(
            "-w",
            "--workers",
            help="Processes (default: cores, at most cores; 0: none).",
            metavar="N",
        ),
    ] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local or dask.", metavar="ENGINE")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="Dask scheduler, e.g. tcp://host:8786.", metavar="ADDRESS"
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Recompute everything.")] = False,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Retry the articles in errors.jsonl.")
    ] = False,
    text_field: Annotated[
        str, typer.Option("--text-field", help="JSONL/CSV field with the text.", metavar="FIELD")
    ] = "text",
    id_field: Annotated[
        str | None,
        typer.Option("--id-field", help="JSONL/CSV field with the doc id.", metavar="FIELD"),
    ] = None,
    shard_size: Annotated[
        int,
        typer.Option("--shard-size", help="Records per records-NNNNN.jsonl shard.", metavar="N"),
    ] = 10_000,
    max_chars: Annotated[
        int,
        typer.Option("--max-chars", help="Largest article accepted, in characters.", metavar="N"),
    ] = DEFAULT_MAX_CHARS,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress display.")
    ] = None,
) -> None:
    """Extract many articles: parallel and resumable.

    Streams the inputs; writes JSONL records, Parquet tables and a DuckDB database.
    """
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


@app.command(cls=Command)
def report(
    out_dir: Annotated[
        Path, typer.Argument(help="Records (*.json) or a batch output folder.", metavar="RECORDS")
    ],
    html: Annotated[
        Path, typer.Option("--html", help="Where to write the static site.", metavar="DIR")
    ],
    gold: Annotated[
        Path | None,
        typer.Option("--gold", help="Gold files: mark misses and spurious ones.", metavar="DIR"),
    ] = None,
    verify: Annotated[
        bool,
        typer.Option(
            "--verify/--no-verify",
            help="Re-extract each source to re-derive every value (slow); --no-verify checks "
            "digests and offsets only, and the pages say so.",
        ),
    ] = True,
    workers: Annotated[
        int, typer.Option("-w", "--workers", help="Processes building pages.", min=1)
    ] = 1,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress on stderr.")
    ] = None,
) -> None:
    """Build review pages for records.

    Every mention highlighted in its sentence, and an index. Prints the build time and
    the site's size.
    """
    from pipeline.apps.report import build_site

    if html.exists() and not html.is_dir():
        raise fail(f"{html}: exists and is not a directory; --html needs a directory")
    show = sys.stderr.isatty() if progress is None else progress
    step = {"next": 0.0}

    def report_progress(done: int, total: int) -> None:
        if done >= step["next"] or done == total:
            typer.echo(f"vnie report: {done}/{total} pages", err=True)
            step["next"] = done + max(1, total // 10)

    try:
        summary = build_site(
            out_dir,
            html,
            gold_dir=gold,
            verify=verify,
            workers=workers,
            progress=report_progress if show else None,
        )
    except VnieError as err:
        raise fail(str(err)) from None
    typer.echo(summary.describe())
    typer.echo(summary.describe_build())


@app.command()
def serve(
    out_dir: Annotated[Path, typer.Argument(help="A batch output directory (vnie batch -o).")],
    host: Annotated[str, typer.Option("--host", help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    token_file: Annotated[
        Path | None,
        typer.Option("--token-file", help="Require 'Authorization: Bearer' with this token."),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", help="Server processes.")] = 1,
    max_chars: Annotated[
        int, typer.Option("--max-chars", help="Largest article POST /extract accepts.")
    ] = 2_000_000,
) -> None:
    """Serve OUT_DIR read-only as a JSON API (docs at /docs); loopback unless --token-file."""
    from pipeline.apps.server_http import ServeOptions, is_loopback, read_token

    if not is_loopback(host) and token_file is None:
        raise fail(f"--host {host} is not a loopback address: it needs --token-file")
    if workers < 1:
        raise fail("--workers must be 1 or more")
    if not (out_dir / "vnie.duckdb").is_file():
        raise fail(f"{out_dir}: no vnie.duckdb here; run vnie batch -o {out_dir} first")
    try:
        if token_file is not None:
            read_token(token_file)
    except VnieError as err:
        raise fail(str(err)) from None
    from pipeline.apps.server import serve as run_server

    options = ServeOptions(out_dir=out_dir, token_file=token_file, max_chars=max_chars)
    typer.echo(f"vnie: serving {out_dir} on http://{host}:{port} (docs: /docs)", err=True)
    try:
        run_server(options, host=host, port=port, workers=workers)
    except VnieError as err:
        raise fail(str(err)) from None


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover - python -m pipeline.apps.cli
    app()
