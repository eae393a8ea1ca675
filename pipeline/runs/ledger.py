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
        data = (line + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]
        os.fsync(self.fd)

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
