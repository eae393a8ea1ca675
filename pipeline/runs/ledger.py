"""The run's durable files: append-only record shards and errors, and the keys of work done."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

from pipeline.errors import BatchError
from pipeline.runs.durable import fsync_path
from pipeline.runs.inputs import article_key

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"
_SHARD = re.compile(r"^records-(\d{5,})\.jsonl$")


def repair_tail(path: Path) -> bool:
    """Truncate a final line cut short by a crash; True when something was cut."""
    if not path.exists():
        return False
    size = path.stat().st_size
    if size == 0:
        return False
    with path.open("rb+") as handle:
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return False
        # Scan back for the last complete line.
        block = 1 << 16
        end = size
        keep = 0
        while end > 0:
            start = max(0, end - block)
            handle.seek(start)
            chunk = handle.read(end - start)
            at = chunk.rfind(b"\n")
            if at >= 0:
                keep = start + at + 1
                break
            end = start
        handle.truncate(keep)
        handle.flush()
        os.fsync(handle.fileno())
    return True


class AppendFile:
    """One append-only JSONL file: each line written whole, then fsync'ed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        self.fd = os.open(path, flags, 0o644)

    def append(self, line: str) -> None:
        """Append ``line`` whole, or not at all: a failed write (disk full) is cut back."""
        data = (line + "\n").encode("utf-8")
        view = memoryview(data)
        size = os.lseek(self.fd, 0, os.SEEK_END)
        try:
            while view:
                written = os.write(self.fd, view)
                view = view[written:]
            os.fsync(self.fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(self.fd, size)
            raise

    def close(self) -> None:
        os.close(self.fd)


class RecordShards:
    """``records.jsonl``, or ``records-NNNNN.jsonl`` shards of ``shard_size`` lines."""

    def __init__(self, out: Path, shard_size: int) -> None:
        self.out = out
        self.shard_size = shard_size
        self.files = existing_record_files(out)
        if not self.files:
            self.files = [out / RECORDS]
        self.lines = _count_lines(self.files[-1]) if self.files[-1].exists() else 0
        self.current = AppendFile(self.files[-1])

    def append(self, line: str) -> None:
        if self.lines >= self.shard_size:
            self._rotate()
        self.current.append(line)
        self.lines += 1

    def _rotate(self) -> None:
        self.current.close()
        if self.files == [self.out / RECORDS]:
            first = self.out / _shard_name(0)
            os.replace(self.out / RECORDS, first)
            self.files = [first]
        last = _SHARD.match(self.files[-1].name)
        self.files.append(self.out / _shard_name(int(last.group(1)) + 1 if last else 0))
        self.current = AppendFile(self.files[-1])
        fsync_path(self.out)
        self.lines = 0

    def close(self) -> None:
        self.current.close()


def _shard_name(index: int) -> str:
    return f"records-{index:05d}.jsonl"


def existing_record_files(out: Path) -> list[Path]:
    """The record files in ``out`` in order: ``records.jsonl`` or the numbered shards."""
    shards = sorted(p for p in out.glob("records-*.jsonl") if _SHARD.match(p.name))
    single = out / RECORDS
    if single.exists() and shards:
        raise BatchError(f"both {RECORDS} and {shards[0].name} exist; use --force", path=str(out))
    return shards or ([single] if single.exists() else [])


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
    return count


# --- keys of work done ----------------------------------------------------------------------

_DOC_ID = re.compile(r'^\{"schema_version": "[^"]*", "doc_id": ("(?:[^"\\]|\\.)*")')
_SHA = re.compile(r'"sha256": "([0-9a-f]{64})"')


def key_digest(key: str) -> int:
    """A 64-bit digest of a key: what the done-set holds (collisions: ~n²/2⁶⁵)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def record_key(line: str) -> str:
    """The exactly-once key of one records-file line (doc id + ``source.sha256``)."""
    doc = _DOC_ID.match(line)
    sha = _SHA.search(line)
    if doc and sha:
        return article_key(json.loads(doc.group(1)), sha.group(1))
    record = json.loads(line)
    return article_key(record["doc_id"], record["source"]["sha256"])


def load_done(files: Sequence[Path], errors: Path) -> set[int]:
    """Digests of the keys in the record files and the errors file."""
    done: set[int] = set()
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    done.add(key_digest(record_key(line)))
                except (ValueError, KeyError, TypeError) as err:
                    raise BatchError(
                        f"line {number} is not a record ({err}); use --force to start over",
                        path=str(path),
                    ) from err
    if errors.exists():
        with errors.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    with contextlib.suppress(ValueError, KeyError):
                        done.add(key_digest(json.loads(line)["key"]))
    return done


# --- superseded lines (an input edited since its record or error was written) ----------------

_SOURCE_PATH = re.compile(r'"source": \{"path": ("(?:[^"\\]|\\.)*")')


def location_digest(location: str) -> int:
    """A 64-bit digest of an input location (a file, or ``FILE#L<n>``/``FILE#R<n>``)."""
    return key_digest("@" + location)


def error_location(input_: str, line: int | None, row: int | None) -> str:
    """The location of an errors-file entry, as a record's ``source.path`` writes it."""
    where = f"#L{line}" if line is not None else f"#R{row}" if row is not None else ""
    return f"{input_}{where}"


def _record_location_key(line: str) -> tuple[str, str]:
    found = _SOURCE_PATH.search(line)
    location = json.loads(found.group(1)) if found else json.loads(line)["source"]["path"]
    return location, record_key(line)


def _error_location_key(line: str) -> tuple[str, str]:
    entry = json.loads(line)
    return error_location(entry["input"], entry.get("line"), entry.get("row")), entry["key"]


def drop_superseded(files: Sequence[Path], errors: Path, current: dict[int, int]) -> int:
    """Remove the record and error lines of inputs whose content has changed since.

    ``current`` maps the location digest of every input item of this run to its key
    digest; a line from one of those locations with another key is superseded (the
    article was edited and extracted again). Files are rewritten whole (temporary file,
    then rename) only when they hold such lines. Returns how many lines were removed.
    """
    dropped = 0
    targets = [(path, _record_location_key) for path in files]
    if errors.exists():
        targets.append((errors, _error_location_key))
    for path, parse in targets:

        def stale(line: str, parse=parse) -> bool:
            if not line.strip():
                return False
            try:
                location, key = parse(line)
            except (ValueError, KeyError, TypeError):
                return False
            want = current.get(location_digest(location))
            return want is not None and want != key_digest(key)

        with path.open(encoding="utf-8") as handle:
            count = sum(1 for line in handle if stale(line))
        if not count:
            continue
        tmp = path.with_name(f".{path.name}.tmp")
        with path.open(encoding="utf-8") as src, tmp.open("w", encoding="utf-8") as dst:
            dst.writelines(line for line in src if not stale(line))
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, path)
        fsync_path(path.parent)
        dropped += count
    return dropped
