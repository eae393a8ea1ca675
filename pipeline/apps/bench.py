"""Speed and memory benchmark: ``python -m pipeline.apps.bench`` (``make bench``).

Like for like, in one run, on the same real articles (``../shared/bench`` and
``../shared/dev``, read in place, never copied):

- **vnie extract**: the batch per-article function (record serialisation included);
- **underthesea word_tokenize per line**: every non-blank line of the article, the way
  segmentation is called on running text;
- **underthesea ner per sentence**: every line split with ``sent_tokenize``, then ``ner``
  on each sentence, as its documentation shows;

each on a process pool of 1 and of 2 processes. Every process is warmed up once (models
loaded) before the clock starts, so throughput excludes startup; each method runs
``--rounds`` passes (default 3; ner, which takes minutes, 1) and the fastest counts, as
other load on a shared machine only ever slows a pass. The ratios compare
vnie with each underthesea method at the same process count. Startup is measured
separately as the **cold start** of ``vnie extract one.txt`` (wall time of the whole
command, a few repetitions, median).

Other modes:

- ``--lengths``: synthetic long articles (real bench articles concatenated, in a temp
  directory, never committed) of 100 KB to 8 MB, each extracted in a fresh process:
  seconds and peak RSS, to check that time and memory grow linearly with length.
- ``--10k``: ``vnie batch ../shared/news10k/articles.jsonl.gz`` with 2 workers into a
  temp directory: docs/s, chars/s, peak RSS summed over the batch and its workers
  (psutil, sampled every 0.2 s), failures by error code, and how many records are valid.

- ``--cpu``: vnie and ``word_tokenize`` (``--cpu-ner``: and ``ner``) in this one process,
  interleaved round by round, timed in CPU seconds (``time.process_time``), and the cold
  start's user + system CPU seconds: on a machine whose cores other jobs share, CPU-time
  ratios stay steady where wall-clock ones do not.

``--quick`` runs a short version. Timings vary with the machine (and with whatever else
runs on it); nothing here is asserted by tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEFAULT_DIRS = (SHARED / "bench", SHARED / "dev")
NEWS10K = SHARED / "news10k" / "articles.jsonl.gz"
LENGTHS = (100_000, 1_000_000, 4_000_000, 8_000_000)

VNIE = "vnie extract"
WORD_TOKENIZE = "underthesea word_tokenize/line"
NER = "underthesea ner/sentence"


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


def load_texts(dirs: Sequence[Path], limit: int | None = None) -> list[tuple[Path, str]]:
    """(path, text) of the ``*.txt`` articles in ``dirs``, sorted, at most ``limit``."""
    files = sorted(p for d in dirs for p in d.glob("*.txt"))
    if not files:
        raise SystemExit(f"no *.txt articles in {', '.join(map(str, dirs))}")
    files = files[:limit] if limit else files
    return [(p, p.read_text(encoding="utf-8")) for p in files]


# --- the three methods, one article per call ------------------------------------------------


def _lines(text: str) -> list[str]:
    return [line for line in (raw.strip() for raw in text.splitlines()) if line]


def _vnie(path: str) -> int:
    from pipeline.runs.inputs import Article, iter_articles
    from pipeline.runs.worker import process_article

    (article,) = iter_articles([path])
    assert isinstance(article, Article), article
    outcome = process_article(article)
    return 0 if outcome.failed else 1


def _word_tokenize(text: str) -> int:
    from underthesea import word_tokenize

    return sum(len(word_tokenize(line)) for line in _lines(text))


def _ner(text: str) -> int:
    from underthesea import ner, sent_tokenize

    return sum(len(ner(sent)) for line in _lines(text) for sent in sent_tokenize(line))


def _warm(name: str) -> int:
    sample = "Ông Nguyễn Văn A làm việc tại Hà Nội.\nNgày 2/9, ông về Huế."
    if name == VNIE:
        from pipeline.runs.worker import warm_up

        warm_up()
    elif name == WORD_TOKENIZE:
        _word_tokenize(sample)
    else:
        _ner(sample)
    time.sleep(0.5)  # keep this process busy so the next warm-up lands on another one
    return os.getpid()


METHODS: dict[str, Callable[[str], int]] = {VNIE: _vnie, WORD_TOKENIZE: _word_tokenize, NER: _ner}


def bench_method(
    name: str, items: Sequence[str], chars: int, processes: int, rounds: int = 1
) -> Speed:
    """``name`` over ``items`` (paths for vnie, texts otherwise) on warmed processes; the
    fastest of ``rounds`` passes (other load on a shared machine only ever slows a pass)."""
    from pipeline.runs.runners import process_context

    with ProcessPoolExecutor(max_workers=processes, mp_context=process_context()) as pool:
        pids = set(pool.map(_warm, [name] * processes))
        if len(pids) != processes:
            print(f"bench: warmed {len(pids)} of {processes} processes", file=sys.stderr)
        seconds = float("inf")
        for _ in range(max(1, rounds)):
            start = time.perf_counter()
            results = list(pool.map(METHODS[name], items))
            seconds = min(seconds, time.perf_counter() - start)
    if name == VNIE and sum(results) != len(results):
        print(f"bench: {len(results) - sum(results)} articles failed", file=sys.stderr)
    return Speed(name, processes, len(items), chars, seconds)


def cold_start(path: Path, repeats: int) -> list[float]:
    """Wall seconds of ``vnie extract PATH -o TMP`` in a fresh interpreter, ``repeats`` times."""
    return cold_start_times(path, repeats)[0]


def cold_start_times(path: Path, repeats: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of ``vnie extract PATH -o TMP`` in a fresh
    interpreter, ``repeats`` times. CPU time is what the command itself costs, whatever
    else runs on the machine; wall time is what a user waits."""
    walls, cpus = [], []
    with tempfile.TemporaryDirectory(prefix="vnie-cold-") as out:
        command = [sys.executable, "-m", "pipeline.apps.cli", "extract", str(path), "-o", out]
        for _ in range(repeats):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def bench_cpu(
    paths: Sequence[str], texts: Sequence[str], rounds: int, with_ner: bool = False
) -> dict[str, float]:
    """CPU seconds of each method over all articles in this one process, warmed, the
    methods interleaved round by round (the least of ``rounds`` counts; ner: 1 round).

    CPU time (``time.process_time``) is not stretched by other processes waiting for
    the cores, so on a shared machine its ratios are steadier than wall-clock ones."""
    for name in (VNIE, WORD_TOKENIZE, *((NER,) if with_ner else ())):
        _warm(name)
    plan: list[tuple[str, Callable[[str], int], Sequence[str]]] = [
        (VNIE, _vnie, paths),
        (WORD_TOKENIZE, _word_tokenize, texts),
    ]
    best: dict[str, float] = {}
    for round_ in range(max(1, rounds)):
        for name, method, items in [*plan, *([(NER, _ner, texts)] if with_ner else [])]:
            if name == NER and round_:
                continue
            start = time.process_time()
            for item in items:
                method(item)
            best[name] = min(best.get(name, float("inf")), time.process_time() - start)
    return best


def format_cpu(best: dict[str, float], docs: int, cold_cpu: Sequence[float]) -> str:
    """The in-process CPU-time table and its ratios (docs per CPU second)."""
    lines = [f"{'method (1 process, CPU time)':<32}{'docs':>6}{'cpu s':>9}{'docs/cpu-s':>12}"]
    for name, seconds in best.items():
        lines.append(f"{name:<32}{docs:>6}{seconds:>9.2f}{docs / seconds:>12.2f}")
    for other, label in ((WORD_TOKENIZE, "word_tokenize"), (NER, "ner")):
        if VNIE in best and other in best:
            lines.append(f"CPU ratio vnie/{label}: {best[other] / best[VNIE]:.2f}x")
    if cold_cpu:
        lines.append(
            f"cold start, vnie extract one article: median {statistics.median(cold_cpu):.2f} s "
            "CPU (user + system)"
        )
    return "\n".join(lines)


# --- memory: peak RSS of a process tree -----------------------------------------------------


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


def run_sampled(command: Sequence[str]) -> tuple[float, int, str]:
    """Run ``command``: (wall seconds, peak RSS in bytes of it and its children, stdout)."""
    start = time.perf_counter()
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
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} exited with {proc.returncode}")
    return seconds, peak, stdout


# --- length curve ------------------------------------------------------------------------------


def synthetic_article(texts: Sequence[str], chars: int) -> str:
    """Real articles concatenated (blank line between) up to about ``chars`` characters."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < chars:
        text = texts[i % len(texts)].strip()
        parts.append(text)
        total += len(text) + 2
        i += 1
    return "\n\n".join(parts)


def _length_child(path: str) -> None:
    from pipeline.api import extract_text
    from pipeline.runs.worker import warm_up

    warm_up()
    text = Path(path).read_text(encoding="utf-8")
    start = time.perf_counter()
    record = extract_text(text, path=path)
    seconds = time.perf_counter() - start
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "chars": len(text),
                "seconds": seconds,
                "maxrss_kb": maxrss,
                "mentions": len(record["mentions"]),
                "valid": record["validation"]["valid"],
            }
        )
    )


def bench_lengths(texts: Sequence[str], sizes: Sequence[int]) -> list[dict]:
    """Seconds and peak RSS of extracting one synthetic article of each size."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="vnie-lengths-") as scratch:
        for size in sizes:
            path = Path(scratch) / f"long-{size}.txt"
            path.write_text(synthetic_article(texts, size), encoding="utf-8")
            command = [sys.executable, "-m", "pipeline.apps.bench", "--length-child", str(path)]
            print(f"bench: extracting one article of {size:,} characters", file=sys.stderr)
            _, _, stdout = run_sampled(command)
            rows.append(json.loads(stdout.strip().splitlines()[-1]))
    return rows


def format_lengths(rows: Sequence[dict]) -> str:
    lines = [f"{'characters':>12}{'seconds':>10}{'chars/s':>10}{'peak MB':>9}{'mentions':>10}"]
    for r in rows:
        lines.append(
            f"{r['chars']:>12,}{r['seconds']:>10.2f}{r['chars'] / r['seconds']:>10.0f}"
            f"{r['maxrss_kb'] / 1024:>9.0f}{r['mentions']:>10,}"
        )
    return "\n".join(lines)


# --- 10,000 real articles ---------------------------------------------------------------------


def bench_10k(feed: Path, workers: int) -> dict:
    """``vnie batch FEED`` with ``workers`` into a temp dir: speed, memory, failures."""
    with tempfile.TemporaryDirectory(prefix="vnie-10k-") as scratch:
        out = Path(scratch) / "run"
        command = [
            sys.executable,
            "-m",
            "pipeline.apps.cli",
            "batch",
            str(feed),
            "-o",
            str(out),
            "--workers",
            str(workers),
            "--no-progress",
        ]
        print(f"bench: {' '.join(command[2:])}", file=sys.stderr)
        seconds, peak, _ = run_sampled(command)
        records = valid = chars = 0
        for shard in sorted(out.glob("records*.jsonl")):
            with shard.open(encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    records += 1
                    valid += bool(record.get("validation", {}).get("valid"))
                    chars += int(record.get("source", {}).get("length") or 0)
        failures: Counter[str] = Counter()
        errors = out / "errors.jsonl"
        if errors.exists():
            with errors.open(encoding="utf-8") as handle:
                for line in handle:
                    failures[json.loads(line).get("code", "?")] += 1
    return {
        "input": str(feed),
        "workers": workers,
        "seconds": seconds,
        "records": records,
        "valid": valid,
        "chars": chars,
        "failures": dict(sorted(failures.items())),
        "peak_mb": peak / 2**20,
    }


def format_10k(run: dict) -> str:
    docs = run["records"] + sum(run["failures"].values())
    failures = ", ".join(f"{k}: {v}" for k, v in run["failures"].items()) or "none"
    return "\n".join(
        [
            f"batch {run['input']} ({run['workers']} workers, wall time incl. startup)",
            f"  articles {docs:,} in {run['seconds']:.0f} s: {docs / run['seconds']:.2f} docs/s, "
            f"{run['chars'] / run['seconds']:,.0f} chars/s (chars of the records)",
            f"  records {run['records']:,}, valid {run['valid']:,}; failures: {failures}",
            f"  peak RSS, batch + workers: {run['peak_mb']:.0f} MB",
        ]
    )


# --- report -------------------------------------------------------------------------------------


def format_report(speeds: Sequence[Speed], cold: Sequence[float]) -> str:
    """The like-for-like table, the ratios at equal process counts and the cold start."""
    lines = [
        f"{'method':<32}{'procs':>6}{'docs':>6}{'chars':>10}{'seconds':>9}"
        f"{'docs/s':>9}{'chars/s':>10}",
    ]
    for s in speeds:
        lines.append(
            f"{s.name:<32}{s.processes:>6}{s.docs:>6}{s.chars:>10}{s.seconds:>9.2f}"
            f"{s.docs_per_s:>9.2f}{s.chars_per_s:>10.0f}"
        )
    by = {(s.name, s.processes): s for s in speeds}
    lines.append("")
    for procs in sorted({s.processes for s in speeds}):
        vnie = by.get((VNIE, procs))
        if vnie is None:
            continue
        parts = []
        for other, label, goal in ((WORD_TOKENIZE, "word_tokenize", 0.8), (NER, "ner", 10.0)):
            if (other, procs) in by:
                ratio = vnie.docs_per_s / by[(other, procs)].docs_per_s
                parts.append(f"vnie/{label} {ratio:.2f}x (goal >= {goal:g}x)")
        lines.append(f"{procs} process{'es' if procs > 1 else ''}: " + ", ".join(parts))
    one, two = by.get((VNIE, 1)), by.get((VNIE, 2))
    if one and two:
        lines.append(f"vnie 2 processes / 1 process: {two.docs_per_s / one.docs_per_s:.2f}x")
    if cold:
        lines.append(
            f"cold start, vnie extract one article: median {statistics.median(cold):.2f} s wall "
            f"({len(cold)} runs: {', '.join(f'{t:.2f}' for t in cold)})"
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
    parser.add_argument("--lengths", action="store_true", help="the article-length curve only")
    parser.add_argument(
        "--sizes", default=None, help="comma-separated lengths in characters for --lengths"
    )
    parser.add_argument("--10k", dest="ten_k", action="store_true", help="the 10k batch run only")
    parser.add_argument("--feed", type=Path, default=NEWS10K, help="input of the --10k run")
    parser.add_argument("--workers", type=int, default=2, help="workers of the --10k run")
    parser.add_argument("--cold-runs", type=int, default=5, help="repetitions of the cold start")
    parser.add_argument(
        "--rounds", type=int, default=3, help="passes per method (the fastest counts; ner: 1)"
    )
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="CPU time in one process, methods interleaved (steady on a shared machine)",
    )
    parser.add_argument("--cpu-ner", action="store_true", help="--cpu: include ner (minutes)")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    parser.add_argument("--length-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.length_child:
        _length_child(args.length_child)
        return 0

    payload: dict = {}
    if args.ten_k:
        run = bench_10k(args.feed, args.workers)
        print(format_10k(run))
        payload["batch"] = run
    else:
        corpus = load_texts(args.dirs, 20 if args.quick else None)
        paths = [str(p) for p, _ in corpus]
        texts = [t for _, t in corpus]
        chars = sum(map(len, texts))
        print(
            f"bench: {len(texts)} articles, {chars:,} characters, from "
            f"{', '.join(str(d) for d in args.dirs)}",
            file=sys.stderr,
        )
        if args.lengths:
            default = "100000,1000000" if args.quick else ",".join(map(str, LENGTHS))
            sizes = [int(n) for n in (args.sizes or default).split(",")]
            rows = bench_lengths(texts, sizes)
            print(format_lengths(rows))
            payload["lengths"] = rows
        elif args.cpu:
            best = bench_cpu(paths, texts, args.rounds, with_ner=args.cpu_ner)
            _, cold_cpu = cold_start_times(corpus[0][0], 3 if args.quick else args.cold_runs)
            print(format_cpu(best, len(texts), cold_cpu))
            payload["cpu_seconds"] = best
            payload["cold_start_cpu_s"] = cold_cpu
        else:
            speeds = []
            for procs in (1, 2):
                speeds.append(bench_method(VNIE, paths, chars, procs, args.rounds))
                speeds.append(bench_method(WORD_TOKENIZE, texts, chars, procs, args.rounds))
                speeds.append(bench_method(NER, texts, chars, procs))
            cold = cold_start(corpus[0][0], 3 if args.quick else args.cold_runs)
            print(format_report(speeds, cold))
            payload["speeds"] = [
                {**asdict(s), "docs_per_s": s.docs_per_s, "chars_per_s": s.chars_per_s}
                for s in speeds
            ]
            payload["cold_start_s"] = cold
    if args.json:
        args.json.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
