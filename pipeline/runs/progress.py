"""Progress of a batch run: a bar on a terminal, a plain line every few seconds otherwise."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from pipeline.runs.inputs import count_articles


@dataclass
class Counts:
    done: int = 0
    skipped: int = 0
    failed: int = 0
    invalid: int = 0
    chars: int = 0

    @property
    def seen(self) -> int:
        return self.done + self.skipped + self.failed


class Progress:
    """A rich bar on a terminal, plain periodic lines otherwise, or nothing."""

    def __init__(self, mode: str, stream: TextIO, interval: float = 10.0) -> None:
        self.mode = mode
        self.stream = stream
        self.interval = interval
        self.total: int | None = None
        self.started = time.monotonic()
        self.last = self.started
        self.bar: Any = None
        self.stop_counting = threading.Event()

    def start(self, inputs: Sequence[str], out: Path) -> None:
        """Show the bar (on a terminal) and estimate the total in a background thread."""
        self.started = self.last = time.monotonic()
        if self.mode == "off":
            return
        if self.mode == "rich":
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("[bold]vnie batch"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} docs/s"),
                TextColumn("{task.fields[failed]} failed"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
            )
            self.task = self.bar.add_task("batch", total=None, rate="-", failed=0)
            self.bar.start()
        threading.Thread(
            target=self._count, args=(inputs, out), name="vnie-count", daemon=True
        ).start()

    def _count(self, inputs: Sequence[str], out: Path) -> None:
        with contextlib.suppress(Exception):
            total = count_articles(inputs, exclude=out)
            if not self.stop_counting.is_set():
                self.total = total
                if self.bar is not None:
                    self.bar.update(self.task, total=total)

    def rate(self, counts: Counts) -> float:
        elapsed = time.monotonic() - self.started
        return (counts.done + counts.failed) / elapsed if elapsed > 0 else 0.0

    def update(self, counts: Counts) -> None:
        if self.bar is not None:
            self.bar.update(
                self.task,
                completed=counts.seen,
                rate=f"{self.rate(counts):.1f}",
                failed=counts.failed,
            )
        elif self.mode == "plain":
            now = time.monotonic()
            if now - self.last >= self.interval:
                self.last = now
                self.stream.write(self.line(counts) + "\n")
                self.stream.flush()

    def line(self, counts: Counts) -> str:
        rate = self.rate(counts)
        total = f"/{self.total}" if self.total is not None else ""
        text = (
            f"vnie batch: {counts.seen}{total} articles ({counts.done} done, "
            f"{counts.skipped} skipped, {counts.failed} failed), {rate:.1f} docs/s"
        )
        if self.total is not None and rate > 0:
            remaining = max(0, self.total - counts.seen) / rate
            text += f", ETA {format_duration(remaining)}"
        return text

    def close(self) -> None:
        self.stop_counting.set()
        if self.bar is not None:
            self.bar.stop()


def format_duration(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m{secs:02d}s" if hours else f"{minutes}m{secs:02d}s"


def progress_mode(progress: bool | None, stream: TextIO) -> str:
    if progress is False:
        return "off"
    return "rich" if stream.isatty() else "plain"
