"""Safety: extraction and batch runs never touch the network, and ``pipeline/`` never
evaluates, unpickles or shells out on data it reads."""

from __future__ import annotations

import ast
import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline.api import extract_path
from pipeline.runs.batch import run_batch
from pipeline.runs.ledger import existing_record_files

from conftest import CORPUS, ROOT

ARTICLES = sorted(CORPUS.glob("*.txt"))


class NetworkAttempt(AssertionError):
    """Raised (and recorded) when code under test opens a socket."""


#: What reaches another host: connecting, sending to an address, and name lookups. Making
#: a socket is allowed (urllib3 probes IPv6 support at import by binding one to ``::1``).
SOCKET_METHODS = ("connect", "connect_ex", "sendto", "sendmsg")
MODULE_FUNCTIONS = ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every connection and DNS lookup fail; the attempts made, for asserting (code
    under test might swallow the error)."""
    attempts: list[str] = []

    def refuse(what: str):
        def _refuse(*args: object, **kwargs: object) -> None:
            attempts.append(f"{what}{args[:3]!r}")
            raise NetworkAttempt(f"network access in a test: {what}")

        return _refuse

    for name in SOCKET_METHODS:
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in MODULE_FUNCTIONS:
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    return attempts


def test_the_guard_really_blocks_connections(no_network: list[str]) -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("example.org", 80))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkAttempt):
        sock.connect(("127.0.0.1", 9))
    with pytest.raises(NetworkAttempt):
        socket.getaddrinfo("example.org", 443)
    assert len(no_network) == 3


def test_extraction_of_every_corpus_article_needs_no_network(no_network: list[str]) -> None:
    assert len(ARTICLES) >= 10
    for path in ARTICLES:
        record = extract_path(path)
        assert record["validation"]["valid"], (path.name, record["validation"]["problems"])
        assert record["mentions"]
    assert no_network == []


def test_an_in_process_batch_run_needs_no_network(no_network: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch([str(CORPUS)], out, workers=0, progress=False)
    assert (summary.failed, summary.records) == (0, len(ARTICLES))
    records = [
        json.loads(line)
        for f in existing_record_files(out)
        for line in f.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(r["doc_id"] for r in records) == sorted(p.stem for p in ARTICLES)
    assert no_network == []


_SITECUSTOMIZE = f"""
import os, socket

def _refuse(*args, **kwargs):
    with open(os.environ["VNIE_NETWORK_LOG"], "a", encoding="utf-8") as log:
        log.write(repr(args[:3]) + "\\n")
    raise OSError("network access is disabled")

for _name in {SOCKET_METHODS}:
    setattr(socket.socket, _name, _refuse)
for _name in {MODULE_FUNCTIONS}:
    setattr(socket, _name, _refuse)
"""


def test_the_batch_command_needs_no_network_from_start_to_end(tmp_path: Path) -> None:
    """A fresh interpreter with sockets disabled before any import: nothing reaches out,
    not even at import time."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(textwrap.dedent(_SITECUSTOMIZE), encoding="utf-8")
    log = tmp_path / "network.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]),
        "VNIE_NETWORK_LOG": str(log),
    }
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline.runs.batch", str(CORPUS), "-o", str(out)]
    proc = subprocess.run(
        [*command, "--workers", "0", "--no-progress"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert not log.exists(), log.read_text(encoding="utf-8")
    lines = [line for f in existing_record_files(out) for line in f.read_text().splitlines()]
    assert len(lines) == len(ARTICLES)
    # The guard was live in that interpreter: prove it with the same sitecustomize.
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('example.org', 80))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode != 0 and "network access is disabled" in probe.stderr
    assert log.exists()


# --- no eval, exec, unpickling or shell on untrusted data -----------------------------------

#: Calls that run code or rebuild arbitrary objects from data, as "module.function" or a
#: builtin name.
DANGEROUS = frozenset(
    {
        "eval",
        "exec",
        "compile",
        "__import__",
        "pickle.load",
        "pickle.loads",
        "pickle.Unpickler",
        "cPickle.load",
        "cPickle.loads",
        "dill.load",
        "dill.loads",
        "marshal.load",
        "marshal.loads",
        "shelve.open",
        "yaml.load",
        "yaml.unsafe_load",
        "jsonpickle.decode",
        "os.system",
        "os.popen",
        "subprocess.getoutput",
        "subprocess.getstatusoutput",
    }
)


def dangerous_calls(source: str, filename: str = "<source>") -> list[str]:
    """``file:line call`` for each dangerous call in ``source`` (and any ``shell=True``)."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name):
            name = func.id
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            name = f"{func.value.id}.{func.attr}"
        else:
            name = ""
        shell = any(
            k.arg == "shell" and not (isinstance(k.value, ast.Constant) and not k.value.value)
            for k in node.keywords
        )
        if name in DANGEROUS or shell:
            found.append(
                f"{filename}:{node.lineno} {name or 'call'}{' shell=True' if shell else ''}"
            )
    return found


def test_the_checker_finds_each_kind_of_dangerous_call() -> None:
    snippet = textwrap.dedent(
        """
        import os, pickle, subprocess, yaml
        eval(data)
        exec(code)
        pickle.loads(blob)
        yaml.load(text)
        os.system(command)
        subprocess.run(command, shell=True)
        subprocess.run(["ls"], shell=False)
        regex.compile(pattern)
        """
    )
    assert [f.split(" ", 1)[1] for f in dangerous_calls(snippet)] == [
        "eval",
        "exec",
        "pickle.loads",
        "yaml.load",
        "os.system",
        "subprocess.run shell=True",
    ]


def test_the_package_never_evaluates_unpickles_or_shells_out() -> None:
    files = sorted((ROOT / "pipeline").rglob("*.py"))
    assert len(files) > 20
    found = [
        hit
        for path in files
        for hit in dangerous_calls(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert found == []
