"""Batch inputs: paths, directories and globs in; a stream of keyed articles out.

:func:`iter_articles` reads its inputs lazily, one article at a time, in a stable
order (inputs as given, directories walked in sorted order), and yields either an
:class:`Article` ready for :mod:`pipeline.api` or an :class:`InputFailure` for an
input that cannot become one (the batch run logs it and goes on).

Formats, by suffix (case-insensitive):

- ``.txt`` (and any explicitly named file of another suffix): one article, its raw
  bytes decoded by :func:`pipeline.text.ingest.decode`; doc id: the file's stem.
- ``.html``/``.htm``: one article, the page's visible text (:mod:`pipeline.text.html`);
  page metadata (url, published, source, author) becomes the record's ``metadata``.
- ``.jsonl``/``.ndjson``: one JSON object per line; the article text is field
  ``text_field``; the doc id is field ``id_field`` when given, else ``<stem>-L<line>``;
  every other field is kept as ``metadata``. Blank lines are ignored.
  ``.jsonl.gz``/``.ndjson.gz``: the same, gzip-compressed, read as a stream (the stem
  is the name without both suffixes); a corrupt or truncated stream ends in one failure.
- ``.csv``: a header row, then one article per row, with the same field rules; the
  doc id defaults to ``<stem>-R<row>`` (data rows numbered from 1).

Directories are walked recursively for files with these suffixes, skipping hidden
entries (names starting with ``.``) and anything under ``exclude`` (a batch run's
output directory).
"""

from __future__ import annotations

import csv
import glob
import gzip
import hashlib
import io
import json
import os
import re
import stat
import sys
import zlib
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from pipeline.errors import (
    DecodeError,
    InputError,
    InputInsideOutputError,
    InputTooLargeError,
    MalformedInputError,
    MissingFieldError,
    MissingInputError,
    NoArticlesError,
    UnreadableInputError,
)
from pipeline.text.ingest import (
    BYTES_PER_CHAR,
    DEFAULT_MAX_CHARS,
    check_article_text,
    read_regular_file,
)

#: Input kinds by file suffix; an explicitly named file of any other suffix is ``text``.
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}

#: Longest doc id taken from an id field, in characters.
MAX_ID_CHARS = 512

#: Compressed inputs: ``<name>.jsonl.gz`` (gzip) is read as a JSONL stream.
COMPRESSED_SUFFIXES: dict[str, str] = {".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl"}

#: Largest input file read whole, in bytes per allowed character (UTF-8 needs up to 4;
#: HTML adds markup around the text).
_TEXT_BYTES_PER_CHAR = BYTES_PER_CHAR
_HTML_BYTES_PER_CHAR = 16


@dataclass(frozen=True, slots=True)
class Article:
    """One article to extract: exactly one of ``data`` (raw bytes) and ``text`` is set.

    ``sha256`` is of ``data``, or of ``text`` encoded as UTF-8: the same digest the
    record's ``source.sha256`` will carry, so (``doc_id``, ``sha256``) identifies the
    record on disk. ``line`` is the JSONL line and ``row`` the CSV data row, else None.
    """

    input: str
    line: int | None
    row: int | None
    doc_id: str
    path: str
    sha256: str
    data: bytes | None = None
    text: str | None = None
    metadata: Mapping[str, Any] | None = None
    max_chars: int = DEFAULT_MAX_CHARS

    @property
    def key(self) -> str:
        return article_key(self.doc_id, self.sha256)

    @property
    def chars(self) -> int:
        """Size of the article (characters of text, or bytes before decoding)."""
        return len(self.text) if self.text is not None else len(self.data or b"")


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input (file, line or row) that could not be read as an article."""

    input: str
    line: int | None
    row: int | None
    doc_id: str | None
    key: str
    code: str
    reason: str


def article_key(doc_id: str, sha256: str) -> str:
    """The exactly-once key of an article: its doc id and content digest."""
    return f"{doc_id}\t{sha256}"


def _failure(
    err: InputError,
    input_: str,
    *,
    line: int | None = None,
    row: int | None = None,
    doc_id: str | None = None,
    raw: bytes = b"",
) -> InputFailure:
    where = f"L{line}" if line is not None else f"R{row}" if row is not None else ""
    key = f"!read\t{input_}\t{where}\t{hashlib.sha256(raw).hexdigest()[:16]}"
    return InputFailure(input_, line, row, doc_id, key, err.code, str(err))


# --- paths -------------------------------------------------------------------------------


def _inside(path: Path, directory: Path | None) -> bool:
    if directory is None:
        return False
    try:
        path.resolve().relative_to(directory)
    except ValueError:
        return False
    return True


def _walk(directory: Path, exclude: Path | None) -> Iterator[Path]:
    """Files with a known suffix under ``directory``, sorted, hidden entries skipped."""
    for root, dirs, files in os.walk(directory):
        root_path = Path(root)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not _inside(root_path / d, exclude)
        )
        for name in sorted(files):
            if name.startswith(".") or not _known_suffix(name):
                continue
            yield root_path / name


def iter_paths(
    inputs: Sequence[str], *, exclude: Path | None = None
) -> Iterator[Path | InputFailure]:
    """Input files named by ``inputs`` (files, directories, globs), in a stable order.

    A glob yields the files it matches (of any suffix), not directories. Anything under
    ``exclude`` is skipped; naming it explicitly is an :class:`InputFailure`, as is a
    path that does not exist or a directory or glob with no article files.
    """
    excluded = exclude.resolve() if exclude is not None else None
    for spec in inputs:
        path = Path(spec)
        if path.exists():
            if _inside(path, excluded):
                err = InputInsideOutputError("input is inside the output directory", path=spec)
                yield _failure(err, spec)
            elif not path.is_dir():
                # Not only regular files: a FIFO or device becomes a clear read error.
                yield path
            else:
                found = False
                for file in _walk(path, excluded):
                    found = True
                    yield file
                if not found:
                    kinds = ", ".join(sorted(f"*{s}" for s in (*SUFFIXES, *COMPRESSED_SUFFIXES)))
                    yield _failure(NoArticlesError(f"no article files ({kinds})", path=spec), spec)
        elif glob.has_magic(spec):
            found = False
            for match in sorted(glob.iglob(spec, recursive=True)):
                matched = Path(match)
                if matched.exists() and not matched.is_dir() and not _inside(matched, excluded):
                    found = True
                    yield matched
            if not found:
                yield _failure(NoArticlesError("pattern matches no files", path=spec), spec)
        else:
            yield _failure(MissingInputError("no such file or directory", path=spec), spec)


def _compressed_suffix(name: str) -> str | None:
    lowered = name.casefold()
    return next((s for s in COMPRESSED_SUFFIXES if lowered.endswith(s)), None)


def _known_suffix(name: str) -> bool:
    return Path(name).suffix.casefold() in SUFFIXES or _compressed_suffix(name) is not None


def kind_of(path: Path) -> str:
    """The input kind of ``path`` by suffix (``text`` when unknown)."""
    compressed = _compressed_suffix(path.name)
    if compressed is not None:
        return COMPRESSED_SUFFIXES[compressed]
    return SUFFIXES.get(path.suffix.casefold(), "text")


def _stem(path: Path) -> str:
    """The file's name without its suffix (both suffixes of ``.jsonl.gz``)."""
    compressed = _compressed_suffix(path.name)
    return path.name[: -len(compressed)] if compressed else path.stem


class _GzipLines(gzip.GzipFile):
    """A gzip stream that also closes the file it reads (``GzipFile`` leaves it open)."""

    def close(self) -> None:
        raw = self.fileobj
        try:
            super().close()
        finally:
            if raw is not None:
                raw.close()


def _open_lines(path: Path) -> BinaryIO:
    """``path`` opened for binary line reading (a regular file only, see
    :func:`open_regular`), decompressed on the fly when gzipped."""
    raw = open_regular(path)
    if _compressed_suffix(path.name) is None:
        return raw
    return _GzipLines(fileobj=raw, mode="rb")


# --- articles ----------------------------------------------------------------------------


def iter_articles(
    inputs: Sequence[str],
    *,
    text_field: str = "text",
    id_field: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    exclude: Path | None = None,
) -> Iterator[Article | InputFailure]:
    """Every article of ``inputs`` (see the module docstring), read lazily."""
    for item in iter_paths(inputs, exclude=exclude):
        if isinstance(item, InputFailure):
            yield item
            continue
        kind = kind_of(item)
        if kind == "jsonl":
            yield from _jsonl_articles(item, text_field, id_field, max_chars)
        elif kind == "csv":
            yield from _csv_articles(item, text_field, id_field, max_chars)
        else:
            yield _file_article(item, kind, max_chars)


def _read_file(path: Path, limit: int) -> bytes:
    return read_regular_file(path, limit)


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for binary reading, if it is a regular file (never blocks on a FIFO).

    Raises :class:`MissingInputError` or :class:`UnreadableInputError`, naming ``path``.
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise MissingInputError("no such file", path=name) from None
    except OSError as err:
        raise UnreadableInputError(f"cannot read: {err.strerror or err}", path=name) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnreadableInputError(
                "not a regular file (a FIFO, device or directory): only regular files are read",
                path=name,
            )
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _not_json(constant: str) -> None:
    """``json.loads`` accepts NaN and Infinity; records must stay strict JSON."""
    raise ValueError(f"{constant} is not a JSON value")


def _file_article(path: Path, kind: str, max_chars: int) -> Article | InputFailure:
    name = str(path)
    try:
        if kind == "html":
            from pipeline.text.html import read_html

            data = _read_file(path, max_chars * _HTML_BYTES_PER_CHAR)
            document = read_html(data, path=name)
            return _text_article(
                name, None, None, path.stem, name, document.text, document.metadata, max_chars
            )
        data = _read_file(path, max_chars * _TEXT_BYTES_PER_CHAR)
    except InputError as err:
        return _failure(err, name, doc_id=path.stem)
    digest = hashlib.sha256(data).hexdigest()
    return Article(name, None, None, path.stem, name, digest, data=data, max_chars=max_chars)


def _text_article(
    input_: str,
    line: int | None,
    row: int | None,
    doc_id: str,
    path: str,
    text: str,
    metadata: Mapping[str, Any] | None,
    max_chars: int,
) -> Article:
    check_article_text(text, max_chars=max_chars, path=path)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(
        input_,
        line,
        row,
        doc_id,
        path,
        digest,
        text=text,
        metadata=dict(metadata) if metadata else None,
    )


def _fields(
    obj: Mapping[str, Any], text_field: str, id_field: str | None, default_id: str, where: str
) -> tuple[str, str, dict[str, Any]]:
    """(text, doc id, metadata) of one JSONL object or CSV row."""
    text = obj.get(text_field)
    if not isinstance(text, str):
        found = "no" if text is None else f"a non-text ({type(text).__name__})"
        raise MissingFieldError(f"{found} {text_field!r} field", path=where)
    doc_id = default_id
    if id_field is not None:
        value = obj.get(id_field)
        if value is None or isinstance(value, dict | list) or not str(value).strip():
            raise MissingFieldError(f"no usable {id_field!r} id field", path=where)
        doc_id = str(value).strip()
        if len(doc_id) > MAX_ID_CHARS:
            raise MissingFieldError(
                f"{id_field!r} id field has {len(doc_id):,} characters; at most "
                f"{MAX_ID_CHARS} make a doc id",
                path=where,
            )
    metadata = {k: v for k, v in obj.items() if k not in (text_field, id_field)}
    return text, doc_id, metadata


#: What :func:`_bounded_lines` yields for a line over its limit (compared by identity).
_TOO_LONG = b"\x00<line too long>\x00"


def jsonl_line_limit(max_chars: int) -> int:
    """Longest JSONL line read, in bytes: the text's bytes, escapes, and metadata."""
    return min(sys.maxsize - 1, max(64 << 20, 8 * max_chars * BYTES_PER_CHAR))


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes]:
    """The lines of ``handle``; a line longer than ``limit`` bytes is skipped unread and
    yields :data:`_TOO_LONG` instead, so memory stays bounded."""
    while line := handle.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield _TOO_LONG


def _jsonl_articles(
    path: Path, text_field: str, id_field: str | None, max_chars: int
) -> Iterator[Article | InputFailure]:
    name = str(path)
    try:
        handle = _open_lines(path)
    except InputError as err:
        yield _failure(err, name)
        return
    limit = jsonl_line_limit(max_chars)
    with handle:
        number = 0
        try:
            for number, raw in enumerate(_bounded_lines(handle, limit), start=1):
                if not raw.strip():
                    continue
                where = f"{name}#L{number}"
                try:
                    if raw is _TOO_LONG:
                        raise InputTooLargeError(
                            f"line is longer than {limit:,} bytes, the limit for "
                            f"{max_chars:,} characters of text plus metadata; raise it with "
                            "--max-chars (or max_chars=)",
                            path=where,
                        )
                    try:
                        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                    except UnicodeDecodeError as err:
                        raise DecodeError(
                            f"line is not UTF-8 (byte {err.start})", path=where
                        ) from err
                    try:
                        obj = json.loads(line, parse_constant=_not_json)
                    except (json.JSONDecodeError, ValueError) as err:
                        raise MalformedInputError(f"malformed JSON: {err}", path=where) from err
                    if not isinstance(obj, dict):
                        kind = type(obj).__name__
                        raise MalformedInputError(f"a JSON {kind}, not an object", path=where)
                    text, doc_id, metadata = _fields(
                        obj, text_field, id_field, f"{_stem(path)}-L{number}", where
                    )
                    yield _text_article(
                        name, number, None, doc_id, where, text, metadata, max_chars
                    )
                except InputError as err:
                    yield _failure(err, name, line=number, raw=raw)
        except (OSError, EOFError, zlib.error) as err:
            # Unreadable, or a corrupt or truncated gzip stream: one failure, then stop.
            failure = UnreadableInputError(
                f"cannot read past line {number}: {getattr(err, 'strerror', None) or err}",
                path=name,
            )
            yield _failure(failure, name, line=number + 1)


def _csv_records(handle: TextIO) -> Iterator[tuple[list[str] | None, str | None, int, str]]:
    """(cells, error, first line number, raw text) of each CSV record of ``handle``.

    Strict parsing: a quote left open (which would take in the rows after it) or stray
    text after a closing quote is an error record (``cells`` None) for the record's first
    line, and parsing goes on at the line after it, so the rows it would have swallowed
    are read as rows again.
    """
    pending: deque[str] = deque()
    taken: list[str] = []

    def feed() -> Iterator[str]:
        while True:
            line = pending.popleft() if pending else handle.readline()
            if not line:
                return
            taken.append(line)
            yield line

    first = 1
    while True:
        reader = csv.reader(feed(), strict=True)
        try:
            for cells in reader:
                yield cells, None, first, "".join(taken)
                first += len(taken)
                taken.clear()
            return
        except csv.Error as err:
            if not taken:
                return
            yield None, str(err), first, taken[0]
            pending.extendleft(reversed(taken[1:]))
            first += 1
            taken.clear()


def _csv_articles(
    path: Path, text_field: str, id_field: str | None, max_chars: int
) -> Iterator[Article | InputFailure]:
    name = str(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    row_number = 0
    try:
        binary = open_regular(path)
    except InputError as err:
        yield _failure(err, name)
        return
    try:
        with io.TextIOWrapper(binary, encoding="utf-8-sig", newline="") as handle:
            header: list[str] | None = None
            for cells, error, line, raw in _csv_records(handle):
                if header is None:
                    if error is not None:
                        failure = MalformedInputError(
                            f"malformed CSV header (line {line}): {error}", path=name
                        )
                        yield _failure(failure, name)
                        return
                    header = cells or None
                    continue
                if cells == []:
                    continue
                row_number += 1
                where = f"{name}#R{row_number}"
                try:
                    if error is not None:
                        raise MalformedInputError(
                            f"malformed CSV row at line {line} ({error}): an unclosed or stray "
                            "quote; the row is skipped and the lines after it are read as rows",
                            path=where,
                        )
                    assert cells is not None
                    if len(cells) > len(header):
                        raise MalformedInputError(
                            f"row has more cells than the header's {len(header)}", path=where
                        )
                    row = dict(zip(header, cells, strict=False))
                    text, doc_id, metadata = _fields(
                        row, text_field, id_field, f"{path.stem}-R{row_number}", where
                    )
                    yield _text_article(
                        name, None, row_number, doc_id, where, text, metadata, max_chars
                    )
                except InputError as err:
                    yield _failure(err, name, row=row_number, raw=raw.encode("utf-8"))
    except UnicodeDecodeError as err:
        where = f"{name}#R{row_number + 1}"
        failure = DecodeError(
            f"not UTF-8 (byte {err.start} of a read block); the rest of the file is skipped",
            path=where,
        )
        yield _failure(failure, name, row=row_number + 1)
    except OSError as err:
        yield _failure(UnreadableInputError(f"cannot read: {err.strerror}", path=name), name)


# --- back from a record to its text ----------------------------------------------------------

_FRAGMENT = re.compile(r"^(?P<file>.+)#(?P<kind>[LR])(?P<number>[1-9][0-9]*)$")


def source_text(path: str, *, text_field: str = "text") -> str:
    """The text that a batch record's offsets index, found from its ``source.path``.

    ``FILE#L<n>``: the text field of line ``n`` of a JSONL file; ``FILE#R<n>``: of data
    row ``n`` of a CSV file; an ``.html`` file: its visible text; any other file: its
    decoded bytes. Raises :class:`InputError` when that text can no longer be read.
    """
    from pipeline.text.ingest import decode

    match = None if Path(path).exists() else _FRAGMENT.match(path)
    if match is None:
        file = Path(path)
        if not file.is_file():
            raise MissingInputError("no such file", path=path)
        if kind_of(file) == "html":
            from pipeline.text.html import read_html_file

            return read_html_file(file).text
        return decode(read_regular_file(file, sys.maxsize), path=path, max_chars=sys.maxsize).text
    file, number = Path(match["file"]), int(match["number"])
    if not file.is_file():
        raise MissingInputError("no such file", path=str(file))
    items = (
        _jsonl_articles(file, text_field, None, sys.maxsize)
        if match["kind"] == "L"
        else _csv_articles(file, text_field, None, sys.maxsize)
    )
    for item in items:
        if (item.line if match["kind"] == "L" else item.row) == number:
            if isinstance(item, InputFailure):
                raise MalformedInputError(item.reason, path=path)
            return item.text or ""
    raise MissingInputError("no such line or row", path=path)


# --- counting (for progress estimates) -----------------------------------------------------


def count_articles(inputs: Sequence[str], *, exclude: Path | None = None) -> int:
    """An estimate of how many items :func:`iter_articles` will yield, read cheaply.

    Files count one each; JSONL files their non-blank lines; CSV files their data rows.
    """
    total = 0
    for item in iter_paths(inputs, exclude=exclude):
        if isinstance(item, InputFailure):
            total += 1
            continue
        kind = kind_of(item)
        try:
            if kind == "jsonl":
                with _open_lines(item) as handle:
                    total += sum(1 for raw in handle if raw.strip())
            elif kind == "csv":
                binary = open_regular(item)
                with io.TextIOWrapper(
                    binary, encoding="utf-8-sig", errors="replace", newline=""
                ) as handle:
                    total += max(0, sum(1 for _ in csv.reader(handle)) - 1)
            else:
                total += 1
        except (OSError, EOFError, zlib.error, csv.Error, InputError):
            total += 1
    return total
