"""Speed and memory benchmark: ``python -m pipeline.apps.bench`` (``make bench``).

On the real articles of ``../shared/bench`` and ``../shared/dev`` (read in place, never
copied), in one run:

- vnie extraction (the batch per-article function, record serialisation included) on
  warmed worker processes, with 1 and with 2 workers: docs/s and chars/s;
- underthesea ``word_tokenize`` alone on the same texts, in 1 process;
- underthesea ``ner`` with 2 processes on a sample of the texts (``--ner-sample``,
  default 10: ner takes seconds per article);
- peak memory of whole batch runs (:func:`pipeline.runs.batch.run_batch`, 2 workers) over
  1,000 and 10,000 articles (the texts repeated under distinct ids, from a JSONL file):
  the batch process's own peak RSS (``ru_maxrss``) and the peak of the sum of RSS over
  it and its worker processes (sampled every 0.2 s with psutil).

Prints a table with the ratios vnie/ner, vnie/word_tokenize and 2 workers/1 worker.
``--quick`` runs a short version (fewer texts, 100- and 1,000-article batch runs).
Timings vary with the machine; nothing here is asserted by tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_DIRS = (SHARED / "bench", SHARED / "dev")


@dataclass(frozen=True)
class Speed:
    """Throughput of one method over ``docs`` texts of ``chars`` characters."""

    name: str
    processes: int
    docs: int
    chars: int
    seconds: float

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds > 0 else 0.0

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class Memory:
    """Peak memory of one batch run over ``docs`` articles."""

    docs: int
    workers: int
    seconds: float
    main_peak_mb: float
    total_peak_mb: float


def load_texts(dirs: Sequence[Path], limit: int | None = None) -> list[tuple[Path, str]]:
    """(path, text) of the ``*.txt`` articles in ``dirs``, sorted, at most ``limit``."""
    files = sorted(p for d in dirs for p in d.glob("*.txt"))
    if not files:
        raise SystemExit(f"no *.txt articles in {', '.join(map(str, dirs))}")
    files = files[:limit] if limit else files
    return [(p, p.read_text(encoding="utf-8")) for p in files]


# --- workers ------------------------------------------------------------------------------


def _warm_vnie(_: int) -> int:
    from pipeline.runs.worker import warm_up

    warm_up()
    time.sleep(0.5)  # keep this worker busy so the next warm-up lands on another one
    return os.getpid()


def _warm_ner(_: int) -> int:
    from underthesea import ner

    ner("Ông Nguyễn Văn A làm việc tại Hà Nội.")
    time.sleep(0.5)
    return os.getpid()


def _ner(text: str) -> int:
    from underthesea import ner

    return len(ner(text))


def _pool(processes: int, warm) -> ProcessPoolExecutor:
    from pipeline.runs.runners import process_context

    pool = ProcessPoolExecutor(max_workers=processes, mp_context=process_context())
    pids = set(pool.map(warm, range(processes)))
    if len(pids) != processes:
        print(f"bench: warmed {len(pids)} of {processes} processes", file=sys.stderr)
    return pool


def bench_vnie(paths: Sequence[Path], chars: int, processes: int) -> Speed:
    """The batch per-article function over ``paths`` (``chars`` characters in all)."""
    from pipeline.runs.inputs import Article, iter_articles
    from pipeline.runs.worker import process_article

    articles = [a for a in iter_articles([str(p) for p in paths]) if isinstance(a, Article)]
    with _pool(processes, _warm_vnie) as pool:
        start = time.perf_counter()
        outcomes = list(pool.map(process_article, articles))
        seconds = time.perf_counter() - start
    failed = [json.loads(o.line).get("reason") for o in outcomes if o.failed]
    if failed:
        print(f"bench: {len(failed)} articles failed, e.g. {failed[0]}", file=sys.stderr)
    return Speed("vnie extract", processes, len(outcomes), chars, seconds)


def bench_word_tokenize(texts: Sequence[str]) -> Speed:
    """underthesea ``word_tokenize`` over whole texts in this process."""
    from underthesea import word_tokenize

    word_tokenize("Khởi động mô hình tách từ.")
    start = time.perf_counter()
    for text in texts:
        word_tokenize(text)
    seconds = time.perf_counter() - start
    return Speed("underthesea word_tokenize", 1, len(texts), sum(map(len, texts)), seconds)


def bench_ner(texts: Sequence[str], processes: int) -> Speed:
    """underthesea ``ner`` over ``texts`` on ``processes`` warmed processes."""
    with _pool(processes, _warm_ner) as pool:
        start = time.perf_counter()
        list(pool.map(_ner, texts))
        seconds = time.perf_counter() - start
    return Speed("underthesea ner", processes, len(texts), sum(map(len, texts)), seconds)


# --- memory of whole batch runs --------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def bench_memory(texts: Sequence[str], docs: int, workers: int, scratch: Path) -> Memory:
    """Peak RSS of a batch run over ``docs`` articles (``texts`` repeated), in a child."""
    feed = scratch / f"feed-{docs}.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for i in range(docs):
            text = texts[i % len(texts)]
            handle.write(json.dumps({"id": f"r{i:06d}", "text": text}, ensure_ascii=False))
            handle.write("\n")
    out = scratch / f"out-{docs}"
    command = [
        sys.executable,
        "-m",
        "pipeline.apps.bench",
        "--rss-child",
        str(feed),
        str(out),
        str(workers),
    ]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"bench: batch run over {docs} articles failed ({proc.returncode})")
    child = json.loads(stdout.strip().splitlines()[-1])
    return Memory(docs, workers, child["seconds"], child["maxrss_kb"] / 1024, peak / 2**20)


def _rss_child(feed: str, out: str, workers: str) -> None:
    from pipeline.runs.batch import run_batch

    start = time.perf_counter()
    summary = run_batch([feed], Path(out), workers=int(workers), id_field="id", progress=False)
    seconds = time.perf_counter() - start
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "maxrss_kb": maxrss, "done": summary.done}))


# --- report -------------------------------------------------------------------------------


def format_report(speeds: Sequence[Speed], memory: Sequence[Memory], ner_sample: int) -> str:
    """The benchmark as a plain-text table and ratio lines."""
    lines = [
        f"{'method':<28}{'procs':>6}{'docs':>8}{'chars':>11}{'seconds':>10}"
        f"{'docs/s':>9}{'chars/s':>11}",
    ]
    for s in speeds:
        lines.append(
            f"{s.name:<28}{s.processes:>6}{s.docs:>8}{s.chars:>11}{s.seconds:>10.2f}"
            f"{s.docs_per_s:>9.2f}{s.chars_per_s:>11.0f}"
        )
    by = {(s.name, s.processes): s for s in speeds}
    one, two = by.get(("vnie extract", 1)), by.get(("vnie extract", 2))
    ner = next((s for s in speeds if s.name == "underthesea ner"), None)
    tok = by.get(("underthesea word_tokenize", 1))
    lines.append("")
    if one and two:
        speedup = two.docs_per_s / one.docs_per_s
        lines.append(f"vnie 2 workers / 1 worker:               {speedup:.2f}x")
    if two and ner:
        lines.append(
            f"vnie / underthesea ner ({ner.processes} procs each):  "
            f"{two.docs_per_s / ner.docs_per_s:.2f}x docs/s, "
            f"{two.chars_per_s / ner.chars_per_s:.2f}x chars/s "
            f"(ner on a sample of {ner_sample} articles)"
        )
    if two and tok:
        lines.append(
            f"vnie 2 workers / word_tokenize 1 process: {two.docs_per_s / tok.docs_per_s:.2f}x "
            "docs/s (the throughput goal: at least 0.8x)"
        )
    if one and tok:
        lines.append(
            f"vnie / word_tokenize (1 process each):   {one.chars_per_s / tok.chars_per_s:.2f}x "
            "chars/s (vnie includes its own word_tokenize pass)"
        )
    if memory:
        lines += [
            "",
            f"{'batch run':<28}{'workers':>8}{'seconds':>10}{'docs/s':>9}"
            f"{'main peak MB':>14}{'all procs peak MB':>19}",
        ]
        for m in memory:
            lines.append(
                f"{f'{m.docs:,} articles':<28}{m.workers:>8}{m.seconds:>10.1f}"
                f"{m.docs / m.seconds:>9.2f}{m.main_peak_mb:>14.0f}{m.total_peak_mb:>19.0f}"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline.apps.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="a short run")
    parser.add_argument(
        "--dirs",
        nargs="+",
        type=Path,
        default=list(DEFAULT_DIRS),
        help="directories of *.txt articles (default: ../shared/bench, dev)",
    )
    parser.add_argument("--ner-sample", type=int, default=10, help="articles for underthesea ner")
    parser.add_argument(
        "--rss-docs",
        default=None,
        help="comma-separated batch sizes for the memory runs "
        "(default 1000,10000; quick: 100,1000; 0: none)",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    parser.add_argument("--rss-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rss_child:
        _rss_child(*args.rss_child)
        return 0

    limit = 20 if args.quick else None
    ner_sample = min(args.ner_sample, 4) if args.quick else args.ner_sample
    rss_spec = args.rss_docs or ("100,1000" if args.quick else "1000,10000")
    rss_docs = [int(n) for n in rss_spec.split(",") if int(n) > 0]
    corpus = load_texts(args.dirs, limit)
    paths = [p for p, _ in corpus]
    texts = [t for _, t in corpus]
    print(
        f"bench: {len(texts)} articles, {sum(map(len, texts)):,} characters, from "
        f"{', '.join(str(d) for d in args.dirs)}",
        file=sys.stderr,
    )

    chars = sum(map(len, texts))
    speeds = [bench_vnie(paths, chars, 1), bench_vnie(paths, chars, 2), bench_word_tokenize(texts)]
    # ner is slow: an evenly spread sample of the texts.
    step = max(1, len(texts) // max(1, ner_sample))
    speeds.append(bench_ner(texts[::step][:ner_sample], 2))
    memory = []
    with tempfile.TemporaryDirectory(prefix="vnie-bench-") as scratch:
        for docs in rss_docs:
            print(f"bench: batch run over {docs:,} articles", file=sys.stderr)
            memory.append(bench_memory(texts, docs, 2, Path(scratch)))
    print(format_report(speeds, memory, ner_sample))
    if args.json:
        payload = {
            "speeds": [
                {**asdict(s), "docs_per_s": s.docs_per_s, "chars_per_s": s.chars_per_s}
                for s in speeds
            ],
            "memory": [asdict(m) for m in memory],
            "ner_sample": ner_sample,
        }
        args.json.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
