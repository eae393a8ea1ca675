"""A bounded load test of ``vnie serve``: ``python -m pipeline.apps.bench_server``
(``make bench-server``, also run by ``make bench``).

Builds a batch output of ``corpus/`` in a temporary directory, starts ``vnie serve`` on a
free loopback port with 1 and then 2 server workers, and sends a fixed number of
requests from a few client threads: ``GET /facts?limit=100`` and ``POST /extract`` (the
seed article). Prints requests/s, p50 and p95 latency and the number of errors per
endpoint and worker count, then stops the server. Loopback only; nothing runs forever.
Timings vary with the machine; nothing here is asserted by tests.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SEED = CORPUS / "000_733452ca63a47b73.txt"
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Result:
    endpoint: str
    workers: int
    requests: int
    clients: int
    seconds: float
    p50_ms: float
    p95_ms: float
    errors: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _wait_ready(port: int, proc: subprocess.Popen, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("vnie serve exited before it was ready")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("vnie serve was not ready in time")


def _load(
    port: int, method: str, path: str, body: bytes | None, headers: dict, total: int, clients: int
) -> tuple[float, list[float], int]:
    """Send ``total`` requests from ``clients`` threads; (seconds, latencies, errors)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(total))

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection(HOST, port, timeout=120)
        while True:
            with lock:
                if next(counter, None) is None:
                    break
            start = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=120)
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                errors += not ok
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, latencies, errors


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def bench(
    out: Path, workers: int, facts_requests: int, extract_requests: int, clients: int
) -> list[Result]:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, "-m", "pipeline.apps.cli", "serve", str(out)]
    command += ["--host", HOST, "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    try:
        _wait_ready(port, proc)
        seed = SEED.read_bytes()
        # Every worker warms up before it accepts; a few requests first, not measured.
        _load(port, "GET", "/facts?limit=100", None, {}, 4 * workers, workers)
        plans = [
            ("GET /facts", "GET", "/facts?limit=100", None, {}, facts_requests),
            (
                "POST /extract",
                "POST",
                f"/extract?path={SEED.relative_to(ROOT).as_posix()}",
                seed,
                {"Content-Type": "text/plain"},
                extract_requests,
            ),
        ]
        results = []
        for name, method, path, body, headers, total in plans:
            seconds, latencies, errors = _load(port, method, path, body, headers, total, clients)
            results.append(
                Result(
                    name,
                    workers,
                    total,
                    clients,
                    seconds,
                    _percentile(latencies, 0.5),
                    _percentile(latencies, 0.95),
                    errors,
                )
            )
        return results
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts-requests", type=int, default=400)
    parser.add_argument("--extract-requests", type=int, default=40)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args(argv)

    from pipeline.runs.batch import run_batch

    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="vnie-bench-server-") as tmp:
        out = Path(tmp) / "out"
        run_batch([str(CORPUS)], out, workers=0, progress=False)
        for workers in (1, 2):
            results += bench(out, workers, args.facts_requests, args.extract_requests, args.clients)
    if args.json:
        rows = [{**r.__dict__, "per_second": round(r.per_second, 1)} for r in results]
        print(json.dumps(rows, indent=1))
    else:
        print(
            f"vnie serve on {HOST}, corpus/ batch output, {args.clients} client threads, "
            f"{os.cpu_count()} cores"
        )
        print("| endpoint | workers | requests | req/s | p50 ms | p95 ms | errors |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for r in results:
            print(
                f"| {r.endpoint} | {r.workers} | {r.requests} | {r.per_second:.1f} | "
                f"{r.p50_ms:.1f} | {r.p95_ms:.1f} | {r.errors} |"
            )
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
