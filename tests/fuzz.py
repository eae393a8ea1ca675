"""Fuzz the pipeline with mutated real articles and check the invariants that must hold.

``python -m fuzz --examples N --seconds S [--seed K]`` mutates windows of the articles in
``corpus/`` (and ``../shared/dev`` when present) with a seeded random mutator, runs
:func:`pipeline.api.extract_text`, :func:`pipeline.api.extract_bytes` (cut UTF-8, legacy
encodings) or :func:`pipeline.text.html.read_html` (markup scattered through the text) on each,
and reports every broken invariant (see :func:`record_problems`) with a shrunk reproducer.
Exit status: 0 nothing found, 1 findings, 2 no seed articles.

The mutation operators and invariant checks are public: the property tests in
``tests/test_properties.py`` drive the same operators from hypothesis.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import regex

from pipeline.errors import InputError

#: Characters the mutator inserts: Vietnamese letters and marks, zero-width and control
#: characters, odd spaces and line breaks, punctuation and digits that rules key on.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f\u2028\u2029\r"
SPACES = "\u00a0\u2007\u202f\u3000\t \u2003"
COMBINING = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
PUNCT = "0123456789.,;:/-–%()\"'“”…!?&+*#@[]{}<>|\\_=~$€₫°²³"
POOL = LETTERS + ZERO_WIDTH + CONTROLS + SPACES + COMBINING + PUNCT + "\n"

ROOT = Path(__file__).resolve().parents[1]
SEED_DIRS = (ROOT / "corpus", ROOT.parent / "shared" / "dev", ROOT.parent / "shared" / "seed")


@dataclass(frozen=True, slots=True)
class Mutation:
    """One edit of a text: ``kind`` at ``pos`` (fraction of the length), with ``arg``.

    Positions are fractions in ``[0, 1]`` so one mutation applies to any text; ``arg``
    is an inserted string, a length or a random seed, depending on ``kind``.
    """

    kind: str
    pos: float
    arg: str | int


def _at(text: str, pos: float) -> int:
    return min(len(text), max(0, int(pos * len(text))))


def _insert(text: str, m: Mutation) -> str:
    i = _at(text, m.pos)
    return text[:i] + str(m.arg) + text[i:]


def _delete(text: str, m: Mutation) -> str:
    i = _at(text, m.pos)
    return text[:i] + text[i + int(m.arg) :]


def _duplicate(text: str, m: Mutation) -> str:
    i = _at(text, m.pos)
    return text[: i + int(m.arg)] + text[i:]


def _nfd_range(text: str, m: Mutation) -> str:
    i = _at(text, m.pos)
    j = i + int(m.arg)
    return text[:i] + unicodedata.normalize("NFD", text[i:j]) + text[j:]


def _sprinkle(text: str, m: Mutation) -> str:
    """Insert characters of ``arg`` after every few characters from ``pos`` on."""
    rng = random.Random(f"{m.pos}{m.arg}")
    chars = str(m.arg) or ZERO_WIDTH
    out = list(text)
    i = _at(text, m.pos)
    while i < len(out):
        out.insert(i, rng.choice(chars))
        i += rng.randint(2, 40)
    return "".join(out)


def _replace_spaces(text: str, m: Mutation) -> str:
    """Every ``arg``-th space from ``pos`` on becomes the first character of ``arg``."""
    replacement = str(m.arg)[:1] or "\u00a0"
    i = _at(text, m.pos)
    return text[:i] + text[i:].replace(" ", replacement)


def _case(text: str, m: Mutation) -> str:
    i = _at(text, m.pos)
    j = i + int(m.arg)
    piece = text[i:j]
    return text[:i] + (piece.upper() if j % 2 else piece.lower()) + text[j:]


def _crlf(text: str, m: Mutation) -> str:
    return text.replace("\n", "\r\n" if int(m.arg) % 2 else "\r")


def _strip_marks(text: str, m: Mutation) -> str:
    """Drop the combining marks of a range (Vietnamese typed without diacritics)."""
    i = _at(text, m.pos)
    j = i + int(m.arg)
    bare = "".join(
        ch for ch in unicodedata.normalize("NFD", text[i:j]) if not unicodedata.combining(ch)
    )
    return text[:i] + unicodedata.normalize("NFC", bare) + text[j:]


def _glue(text: str, m: Mutation) -> str:
    """Remove the spaces of a range (glued words: ``Chủtịch``)."""
    i = _at(text, m.pos)
    j = i + int(m.arg)
    return text[:i] + text[i:j].replace(" ", "") + text[j:]


MUTATORS: dict[str, Callable[[str, Mutation], str]] = {
    "insert": _insert,
    "delete": _delete,
    "duplicate": _duplicate,
    "nfd": _nfd_range,
    "sprinkle": _sprinkle,
    "spaces": _replace_spaces,
    "case": _case,
    "crlf": _crlf,
    "strip_marks": _strip_marks,
    "glue": _glue,
}


def mutate(text: str, mutations: Sequence[Mutation]) -> str:
    """``text`` with ``mutations`` applied in order."""
    for m in mutations:
        text = MUTATORS[m.kind](text, m)
    return text


def cut_bytes(data: bytes, pos: float, length: int) -> bytes:
    """``data`` with ``length`` bytes removed at ``pos`` (a fraction): may split a character."""
    i = min(len(data), max(0, int(pos * len(data))))
    return data[:i] + data[i + length :]


def random_mutation(rng: random.Random, *, splice: Sequence[str] = ()) -> Mutation:
    """A random mutation; ``splice`` texts can be inserted whole (a window of one)."""
    kind = rng.choice([*MUTATORS, "splice"] if splice else list(MUTATORS))
    pos = rng.random()
    if kind == "splice":
        other = rng.choice(splice)
        start = rng.randrange(max(1, len(other)))
        return Mutation("insert", pos, other[start : start + rng.randint(1, 300)])
    if kind == "insert":
        return Mutation(kind, pos, "".join(rng.choice(POOL) for _ in range(rng.randint(1, 4))))
    if kind == "sprinkle":
        return Mutation(kind, pos, rng.choice([ZERO_WIDTH, CONTROLS, COMBINING, SPACES, POOL]))
    if kind == "spaces":
        return Mutation(kind, pos, rng.choice(SPACES + "\n"))
    return Mutation(kind, pos, rng.randint(1, 60))


# --- invariants ---------------------------------------------------------------------------


def record_problems(record: Mapping[str, Any], source: str) -> list[str]:
    """Every broken invariant of ``record`` extracted from ``source`` (empty: all hold).

    The record says it is valid and :func:`pipeline.record.validate.validate_record` agrees;
    every mention, the title and the event name are grounded (``source[start:end] ==
    text``); mentions within a label never overlap; the record is strict JSON (no NaN).
    """
    from pipeline.record.validate import validate_record

    problems = [f"invalid: {p}" for p in validate_record(record, source_text=source)]
    if not problems and (not record["validation"]["valid"] or record["validation"]["problems"]):
        problems.append(f"record says invalid: {record['validation']['problems'][:3]}")
    for m in record["mentions"]:
        if source[m["start"] : m["end"]] != m["text"]:
            problems.append(f"{m['id']}: not grounded: {m['text']!r}")
    last_end: dict[str, int] = {}
    for m in sorted(record["mentions"], key=lambda m: (m["start"], m["end"])):
        if m["start"] < last_end.get(m["label"], -1):
            problems.append(f"{m['id']}: overlaps another {m['label']}")
        last_end[m["label"]] = max(last_end.get(m["label"], -1), m["end"])
    try:
        json.dumps(record, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as err:
        problems.append(f"record is not strict JSON: {err}")
    return problems


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value


_SPAN_KEYS = frozenset({"id", "label", "start", "end", "text"})


def facts(record: Mapping[str, Any]) -> dict[str, Any]:
    """What a record says, without offsets: comparable across NFC/NFD versions of a text.

    Mentions become (label, NFC text, attributes) with mention-id references replaced
    by the referenced mention's NFC text; relations likewise.
    """
    texts = {m["id"]: unicodedata.normalize("NFC", m["text"]) for m in record["mentions"]}

    def resolve(value: Any) -> Any:
        if isinstance(value, str) and value in texts:
            return ["@", texts[value]]
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items() if k not in _SPAN_KEYS}
        return _nfc(value)

    def key(item: Any) -> str:
        return json.dumps(item, ensure_ascii=False, sort_keys=True)

    mentions = sorted(
        ([m["label"], texts[m["id"]], resolve(m)] for m in record["mentions"]), key=key
    )
    out: dict[str, Any] = {"mentions": mentions}
    for section in ("officials", "places", "awards"):
        out[section] = sorted((resolve(entry) for entry in record[section]), key=key)
    event = record["event"]
    out["event"] = (
        {**resolve(event), "name": unicodedata.normalize("NFC", event["name"]["text"])}
        if event
        else None
    )
    title = record["title"]
    out["title"] = unicodedata.normalize("NFC", title["text"]) if title else None
    out["dateline"] = record["dateline"]
    out["warnings"] = sorted(w["code"] for w in record["warnings"])
    return out


def facts_difference(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[str]:
    """Human-readable differences between two :func:`facts` results."""
    out = []
    for section in a:
        if a[section] == b[section]:
            continue
        if isinstance(a[section], list):
            only_a = [x for x in a[section] if x not in b[section]]
            only_b = [x for x in b[section] if x not in a[section]]
            out.append(f"{section}: only in first {only_a[:3]}, only in second {only_b[:3]}")
        else:
            out.append(f"{section}: {a[section]!r} != {b[section]!r}")
    return out


def text_problems(text: str, *, equivalence: bool = True) -> list[str]:
    """Broken invariants when extracting ``text`` (and, with ``equivalence``, its NFC/NFD).

    Only :class:`InputError` may escape :func:`extract_text`, and only for a text with
    nothing but whitespace.
    """
    from pipeline.api import extract_text

    try:
        record = extract_text(text)
    except InputError as err:
        return [] if not text.strip() else [f"InputError on a non-blank text: {err}"]
    except Exception as err:  # any other exception is a finding
        return [f"crash: {type(err).__name__}: {err}\n{_short_trace(err)}"]
    problems = record_problems(record, text)
    if equivalence and not problems:
        nfc = unicodedata.normalize("NFC", text)
        nfd = unicodedata.normalize("NFD", text)
        if nfc != nfd:
            try:
                a, b = extract_text(nfc), extract_text(nfd)
            except Exception as err:
                return [f"crash on NFC/NFD version: {type(err).__name__}: {err}"]
            problems += [f"NFC vs NFD: {d}" for d in facts_difference(facts(a), facts(b))]
    return problems


def bytes_problems(data: bytes) -> list[str]:
    """Broken invariants when extracting raw ``data``: it decodes and validates, or it
    raises an :class:`InputError` subclass (never a bare ``InputError`` or another error)."""
    from pipeline.api import extract_bytes
    from pipeline.record.validate import validate_record

    try:
        record = extract_bytes(data)
    except InputError as err:
        if type(err) is InputError:
            return [f"undocumented bare InputError: {err}"]
        return []
    except Exception as err:
        return [f"crash: {type(err).__name__}: {err}\n{_short_trace(err)}"]
    problems = [f"invalid (bytes): {p}" for p in validate_record(record, source_bytes=data)]
    from pipeline.text.ingest import decode

    return problems + record_problems(record, decode(data).text)


def _short_trace(err: BaseException, limit: int = 4) -> str:
    frames = traceback.extract_tb(err.__traceback__)[-limit:]
    return " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))


def problem_signature(problem: str) -> str:
    """A problem's kind: its message without quoted text, numbers and mention ids."""
    first = problem.split("\n")[0]
    first = regex.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "_", first)
    return regex.sub(r"\d+", "_", first)[:160]


# --- shrinking ----------------------------------------------------------------------------


def shrink(text: str, failing: Callable[[str], bool], *, budget: float = 60.0) -> str:
    """A shorter text on which ``failing`` still holds: whole lines removed, then ever
    smaller chunks down to single characters, until ``budget`` seconds pass."""
    deadline = time.monotonic() + budget
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines) and time.monotonic() < deadline:
        candidate = lines[:i] + lines[i + 1 :]
        if candidate and failing("".join(candidate)):
            lines = candidate
        else:
            i += 1
    return _remove_chunks("".join(lines), failing, deadline)


def shrink_bytes(data: bytes, failing: Callable[[bytes], bool], *, budget: float = 30.0) -> bytes:
    """A shorter ``data`` on which ``failing`` still holds (ever smaller chunks removed)."""
    return _remove_chunks(data, failing, time.monotonic() + budget)


def _remove_chunks(value: Any, failing: Callable[[Any], bool], deadline: float) -> Any:
    size = max(1, len(value) // 2)
    while True:
        i = 0
        while i < len(value) and time.monotonic() < deadline:
            candidate = value[:i] + value[i + size :]
            if candidate and failing(candidate):
                value = candidate
            else:
                i += size
        if size == 1 or time.monotonic() >= deadline:
            return value
        size //= 2


def _has(problems: Sequence[str], signature: str) -> bool:
    return any(problem_signature(p) == signature for p in problems)


# --- runner -------------------------------------------------------------------------------


def seed_texts(dirs: Sequence[Path] = SEED_DIRS) -> list[str]:
    """The articles the fuzzer mutates: every ``*.txt`` of ``dirs`` that exist."""
    texts = []
    for directory in dirs:
        for path in sorted(directory.glob("*.txt")) if directory.is_dir() else ():
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def window(rng: random.Random, text: str, size: int) -> str:
    """A random window of about ``size`` characters of ``text``, starting at a line."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    start = rng.choice(starts)
    return text[start : start + rng.randint(size // 4, size)]


@dataclass
class Finding:
    """One broken invariant: the example kind (text, bytes, html), problems, shrunk example."""

    kind: str
    problems: list[str]
    example: str


def _one_example(rng: random.Random, seeds: Sequence[str], max_size: int) -> tuple[str, Any]:
    base = window(rng, rng.choice(seeds), max_size)
    mutations = [random_mutation(rng, splice=seeds) for _ in range(rng.randint(1, 6))]
    text = mutate(base, mutations)
    roll = rng.random()
    if roll < 0.2:
        data = text.encode("utf-8")
        data = cut_bytes(data, rng.random(), rng.randint(1, 3))
        return "bytes", data
    if roll < 0.3:
        return "bytes", _legacy_bytes(rng, text)
    if roll < 0.4:
        # Mutate after the markup too, so tags and marked sections come out broken.
        markup = mutate(_markup(rng, text), [random_mutation(rng) for _ in range(2)])
        return "html", markup.encode("utf-8", errors="surrogatepass")
    return "text", text


#: Markup the HTML examples scatter between words: blocks, tables, skipped elements,
#: comments, marked sections, entities and broken tags.
MARKUP = (
    "<p>", "</p>", "<br>", "<div>", "</div>", "<h1>", "</h1>", "<table><tr><td>",
    "</td><td>", "</td></tr></table>", "<script>", "</script>", "<style>", "<pre>", "</pre>",
    "<!--", "-->", "<![CDATA[", "]]>", "<![if !vml]>", "<![endif]>", "&amp;", "&#7889;",
    "&#xZZ;", "&nbsp;", "<header>", "<article>", "<head>", "<body>", "<svg>", "<", ">", "</",
    "<meta charset='windows-1258'>", "<meta charset='bogus'>", "<?xml ?>", "<!DOCTYPE html>",
    "<meta property='article:published_time' content='2022-13-45'>",
)  # fmt: skip


def _markup(rng: random.Random, text: str) -> str:
    parts = []
    for word in text.split(" "):
        parts.append(word)
        if rng.random() < 0.2:
            parts.append(rng.choice(MARKUP))
    return " ".join(parts)


def html_problems(data: bytes) -> list[str]:
    """Broken invariants of an HTML page: :func:`pipeline.text.html.read_html` gives text (or
    raises an :class:`InputError` subclass) whose record holds (:func:`record_problems`)."""
    from pipeline.api import extract_text
    from pipeline.text.html import read_html

    try:
        document = read_html(data, path="page.html")
        record = extract_text(document.text, metadata=document.metadata)
    except InputError as err:
        return [f"undocumented bare InputError: {err}"] if type(err) is InputError else []
    except Exception as err:
        return [f"crash: {type(err).__name__}: {err}\n{_short_trace(err)}"]
    return record_problems(record, document.text)


def cp1258_bytes(text: str, errors: str = "replace") -> bytes:
    """``text`` in Windows-1258: â ê ô ơ ư ă đ precomposed, tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        base = parts[0] + "".join(m for m in parts[1:] if m in "\u0302\u0306\u031b")
        out.append(unicodedata.normalize("NFC", base))
        out.append("".join(m for m in parts[1:] if m not in "\u0302\u0306\u031b"))
    return "".join(out).encode("cp1258", errors=errors)


def legacy_bytes(name: str, text: str, errors: str = "replace") -> bytes:
    """``text`` in legacy font encoding ``name`` (``tcvn3``/``vni``, via viparse's charmaps);
    ``errors`` as for :meth:`str.encode` (TCVN3 has no capital letters with tone marks)."""
    from viparse.normalize.encodings import CHARMAPS

    inverse = {uni: legacy for legacy, uni in CHARMAPS[name].pairs}
    nfc = unicodedata.normalize("NFC", text)
    return "".join(inverse.get(ch, ch) for ch in nfc).encode("cp1252", errors=errors)


def _legacy_bytes(rng: random.Random, text: str) -> bytes:
    """``text`` written in a legacy Vietnamese encoding (lossy where it has no glyph)."""
    name = rng.choice(["tcvn3", "vni", "cp1258"])
    return cp1258_bytes(text) if name == "cp1258" else legacy_bytes(name, text)


def run(
    *,
    examples: int | None,
    seconds: float,
    seed: int,
    max_size: int,
    out: Path | None,
    stream: TextIO | None = None,
) -> list[Finding]:
    """Fuzz until ``examples`` examples or ``seconds`` pass; print (to ``stream``, default
    stdout) and return the findings, writing each as JSON under ``out`` when given."""
    stream = stream or sys.stdout
    seeds = seed_texts()
    if not seeds:
        print(f"fuzz: no seed articles in {', '.join(map(str, SEED_DIRS))}", file=stream)
        raise SystemExit(2)
    rng = random.Random(seed)
    findings: list[Finding] = []
    seen: set[str] = set()
    tried: Counter[str] = Counter()
    started = time.monotonic()
    while (examples is None or tried.total() < examples) and time.monotonic() - started < seconds:
        kind, example = _one_example(rng, seeds, max_size)
        tried[kind] += 1
        if kind == "text":
            problems = text_problems(example, equivalence=rng.random() < 0.3)
        elif kind == "html":
            problems = html_problems(example)
        else:
            problems = bytes_problems(example)
        if not problems:
            continue
        signature = problem_signature(problems[0])
        if signature in seen:
            continue
        seen.add(signature)
        if kind == "text":
            example = shrink(
                example,
                lambda t, sig=signature: _has(text_problems(t), sig),
                budget=30,
            )
            problems = text_problems(example) or problems
        else:
            check = html_problems if kind == "html" else bytes_problems
            example = shrink_bytes(
                example, lambda d, sig=signature, check=check: _has(check(d), sig), budget=30
            )
            problems = check(example) or problems
        if kind == "text":
            shown = example
        elif kind == "html":
            shown = example.decode("utf-8", "backslashreplace")
        else:
            shown = example.hex()
        finding = Finding(kind, problems, shown)
        findings.append(finding)
        print(f"FINDING {len(findings)} ({kind}): {problems[0][:300]}", file=stream, flush=True)
        print(f"  example: {finding.example[:400]!r}", file=stream)
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            target = out / f"finding-{len(findings):03d}.json"
            target.write_text(
                json.dumps(finding.__dict__, ensure_ascii=False, indent=1), encoding="utf-8"
            )
    elapsed = time.monotonic() - started
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(tried.items()))
    print(
        f"fuzz: {tried.total()} examples ({kinds}) in {elapsed:.0f} s from {len(seeds)} seed "
        f"articles (seed {seed}); "
        f"{len(findings)} distinct finding(s)",
        file=stream,
    )
    return findings


def fresh_seed() -> int:
    """A new random seed: ``make fuzz`` explores new examples on every run (the property
    tests in ``make test`` are the deterministic part)."""
    return random.SystemRandom().randrange(2**32)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz", description=__doc__)
    parser.add_argument("--examples", type=int, default=None, help="stop after N examples")
    parser.add_argument("--seconds", type=float, default=60.0, help="stop after S seconds")
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="random seed (default: a new one each run, printed; give it to repeat a run)",
    )
    parser.add_argument("--max-size", type=int, default=1500, help="largest article window")
    parser.add_argument("--out", type=Path, default=None, help="write findings as JSON here")
    args = parser.parse_args(argv)
    findings = run(
        examples=args.examples,
        seconds=args.seconds,
        seed=args.seed if args.seed is not None else fresh_seed(),
        max_size=args.max_size,
        out=args.out,
    )
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
