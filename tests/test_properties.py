"""Property tests: invariants of ingest, every extractor and the record on hostile text.

Inputs are arbitrary Unicode, Vietnamese-syllable text and windows of real articles
(``../shared/dev`` and ``corpus/``) mutated by :mod:`fuzz`'s operators
(insertions, deletions, duplications, NFD ranges, zero-width and control characters,
odd spaces, glued words, cut UTF-8 bytes, legacy encodings). ``make fuzz`` runs the same
operators with a far larger budget.
"""

from __future__ import annotations

import importlib
import json
import os
import unicodedata

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.api import COMPONENTS, extract_bytes, extract_text
from pipeline.errors import InputError
from pipeline.record.validate import validate_record
from pipeline.text.ingest import decode, normalise
from pipeline.text.scan import phrase_regex
from pipeline.text.tokenize import build_context
from pipeline.types import LABELS

from conftest import CORPUS, DEV, HYPOTHESIS_PROFILE
from fuzz import (
    COMBINING,
    CONTROLS,
    MUTATORS,
    POOL,
    SPACES,
    ZERO_WIDTH,
    Mutation,
    cp1258_bytes,
    cut_bytes,
    facts,
    facts_difference,
    legacy_bytes,
    mutate,
    record_problems,
)

#: Budget and health checks of every property here; randomness and the example database
#: come from the session's profile (``tests/conftest.py``: ``ci`` unless
#: ``HYPOTHESIS_PROFILE`` says otherwise).
PROPERTY = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def test_ci_profile_is_deterministic_and_keeps_no_examples() -> None:
    ci = settings.get_profile("ci")
    assert ci.derandomize and ci.database is None
    assert (os.environ.get("HYPOTHESIS_PROFILE") or "ci") == HYPOTHESIS_PROFILE
    # The properties below take their randomness and database from the loaded profile.
    loaded = settings.get_profile(HYPOTHESIS_PROFILE)
    assert PROPERTY.derandomize == loaded.derandomize
    assert (PROPERTY.database is None) == (loaded.database is None)


def test_the_ci_profile_runs_the_same_examples_every_time() -> None:
    calls: list[int] = []

    @settings(settings.get_profile("ci"), max_examples=20)
    @given(st.integers())
    def property_(n: int) -> None:
        calls.append(n)

    property_()
    first, calls[:] = list(calls), []
    property_()
    assert calls == first


def _windows(max_chars: int = 800) -> list[str]:
    """Consecutive lines of the real articles, up to ``max_chars`` characters each."""
    out = []
    paths = sorted(CORPUS.glob("*.txt")) + sorted(DEV.glob("*.txt"))
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        chunk = ""
        for line in lines:
            if chunk and len(chunk) + len(line) > max_chars:
                out.append(chunk)
                chunk = ""
            chunk += line[:max_chars]
        if chunk.strip():
            out.append(chunk)
    return out


WINDOWS = _windows()

_TEXT_ARG = st.text(alphabet=POOL, min_size=1, max_size=4)
_MUTATION_ARGS = {
    "insert": _TEXT_ARG,
    "sprinkle": st.sampled_from([ZERO_WIDTH, CONTROLS, COMBINING, SPACES]),
    "spaces": st.sampled_from(list(SPACES + "\n")),
}
mutation = st.one_of(
    *(
        st.builds(
            Mutation,
            st.just(kind),
            st.floats(0, 1),
            _MUTATION_ARGS.get(kind, st.integers(1, 60)),
        )
        for kind in sorted(MUTATORS)
    )
)
mutated_articles = st.builds(
    mutate, st.sampled_from(WINDOWS), st.lists(mutation, min_size=1, max_size=5)
)

# Vietnamese syllables: onset + nucleus (tone mark on its first vowel) + coda.
# fmt: off
_ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
           "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
_NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ia", "iê", "ua", "uô",
           "ưa", "ươ", "oa", "oe", "uy"]
_CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y"]
_TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
_KEYWORDS = [
    "UBND", "xã", "huyện", "tỉnh", "thành phố", "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Giám đốc",
    "ông", "bà", "đồng chí", "bằng khen", "giấy khen", "Huân chương", "tặng", "trao", "ha",
    "triệu đồng", "tỷ đồng", "hộ", "người", "ngày", "tháng", "năm", "sáng", "chiều", "Ảnh:",
    "Nguyễn", "Văn", "Thị", "Lê", "Trần", "Hà Nội", "Thanh Hóa", "Sở", "Công an", "Hội nghị",
    "Lễ", "tại", "ở", "12/8/2022", "1.200", "495,29", "50 - 70", "hai", "mười lăm",
    "Thăm dò ý kiến", "noData",
]
# fmt: on


@st.composite
def syllables(draw: st.DrawFn) -> str:
    onset = draw(st.sampled_from(_ONSETS))
    nucleus = draw(st.sampled_from(_NUCLEI))
    tone = draw(st.sampled_from(_TONES))
    word = onset + nucleus[0] + tone + nucleus[1:] + draw(st.sampled_from(_CODAS))
    word = unicodedata.normalize("NFC", word)
    return word.capitalize() if draw(st.booleans()) else word


vietnamese_text = st.lists(
    st.tuples(
        st.one_of(syllables(), st.sampled_from(_KEYWORDS), st.integers(0, 99999).map(str)),
        st.sampled_from([" ", " ", " ", " ", ", ", ". ", "\n", " - ", ": "]),
    ),
    min_size=1,
    max_size=40,
).map(lambda parts: "".join(a + b for a, b in parts))

any_text = st.one_of(st.text(max_size=200), vietnamese_text, mutated_articles, mutated_articles)


# --- ingest ------------------------------------------------------------------------------


@PROPERTY
@given(st.one_of(st.text(max_size=300), mutated_articles))
def test_working_text_maps_every_span_into_the_source(text: str) -> None:
    working = normalise(text)
    assert not set(working.text) & set(ZERO_WIDTH + "\r\u2028\u2029\x85\u00a0")
    for start in range(0, len(working.text), 3):
        for end in (start + 1, min(len(working.text), start + 7)):
            s, e = working.to_source(start, end)
            assert 0 <= s < e <= len(text)
    if working.text:
        assert working.to_source(0, len(working.text))[1] <= len(text)


@PROPERTY
@given(mutated_articles, st.floats(0, 1), st.integers(1, 3))
def test_cut_utf8_decodes_or_raises_a_documented_error(text: str, pos: float, n: int) -> None:
    data = cut_bytes(text.encode("utf-8"), pos, n)
    try:
        source = decode(data, path="cut.txt")
    except InputError as err:
        assert type(err) is not InputError and err.code != InputError.code
        assert str(err).startswith("cut.txt: ")
        return
    assert source.text.strip()
    if source.encoding == "utf-8":
        assert source.text == data.decode("utf-8")


@PROPERTY
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_raise_a_documented_error(data: bytes) -> None:
    try:
        source = decode(data, path="x.bin")
    except InputError as err:
        assert type(err) is not InputError and str(err).startswith("x.bin: ")
        return
    assert source.text.strip() and source.encoding


# --- extractors ---------------------------------------------------------------------------


@PROPERTY
@given(any_text)
def test_every_extractor_keeps_its_spans_inside_the_text_and_apart(text: str) -> None:
    ctx = build_context(normalise(text))
    mentions: list = []
    for name in COMPONENTS:
        mentions = importlib.import_module(f"pipeline.extractors.{name}").component(ctx, mentions)
        last_end: dict[str, int] = {}
        for m in sorted(mentions, key=lambda m: (m.start, m.end)):
            assert m.label in LABELS, name
            assert 0 <= m.start < m.end <= len(ctx.text), name
            piece = ctx.text[m.start : m.end]
            assert piece == piece.strip(), (name, m)
            assert m.start >= last_end.get(m.label, 0), (name, m)
            last_end[m.label] = m.end


# --- the record ---------------------------------------------------------------------------


def _assert_record_holds(record: dict, source: str) -> None:
    assert record["validation"] == {"valid": True, "problems": []}
    assert validate_record(record, source_text=source) == []
    last_end: dict[str, int] = {}
    for m in record["mentions"]:
        assert source[m["start"] : m["end"]] == m["text"]
        assert m["start"] >= last_end.get(m["label"], 0)
        last_end[m["label"]] = m["end"]
    for span in (record["title"], (record["event"] or {}).get("name")):
        if span is not None:
            assert source[span["start"] : span["end"]] == span["text"] == span["text"].strip()
    json.dumps(record, ensure_ascii=False, allow_nan=False)


@PROPERTY
@given(any_text)
def test_records_are_grounded_valid_and_never_overlap_within_a_label(text: str) -> None:
    try:
        record = extract_text(text)
    except InputError:
        assert not text.strip()
        return
    _assert_record_holds(record, text)


@PROPERTY
@given(st.one_of(mutated_articles, vietnamese_text))
def test_nfc_and_nfd_versions_give_the_same_facts(text: str) -> None:
    if not text.strip():
        return
    nfc = extract_text(unicodedata.normalize("NFC", text))
    nfd_text = unicodedata.normalize("NFD", text)
    nfd = extract_text(nfd_text)
    _assert_record_holds(nfd, nfd_text)
    assert facts_difference(facts(nfc), facts(nfd)) == []


@PROPERTY
@given(mutated_articles, st.floats(0, 1), st.integers(1, 3))
def test_cut_bytes_give_a_valid_record_or_a_documented_error(text: str, pos: float, n: int) -> None:
    data = cut_bytes(text.encode("utf-8"), pos, n)
    try:
        record = extract_bytes(data)
    except InputError as err:
        assert type(err) is not InputError
        return
    assert validate_record(record, source_bytes=data) == []
    _assert_record_holds(record, decode(data).text)


@PROPERTY
@given(st.sampled_from(["tcvn3", "vni", "cp1258"]), st.one_of(vietnamese_text, mutated_articles))
def test_legacy_encodings_give_a_valid_record_or_a_documented_error(
    encoding: str, text: str
) -> None:
    data = cp1258_bytes(text) if encoding == "cp1258" else legacy_bytes(encoding, text)
    try:
        record = extract_bytes(data)
    except InputError as err:
        assert type(err) is not InputError
        return
    assert validate_record(record, source_bytes=data) == []


# --- the checker itself can fail ----------------------------------------------------------


def test_the_fuzz_checker_catches_broken_records() -> None:
    text = "Chủ tịch UBND xã Liên Lộc Lý Bách Chiến trao 3 bằng khen cho 15 hộ dân."
    record = extract_text(text)
    assert record_problems(record, text) == []
    shifted = json.loads(json.dumps(record))
    shifted["mentions"][0]["start"] += 1
    assert any("not grounded" in p for p in record_problems(shifted, text))
    overlapping = json.loads(json.dumps(record))
    first = next(m for m in overlapping["mentions"] if m["label"] == "PLACE")
    overlapping["mentions"].append({**first, "id": "m99", "start": first["start"] + 1})
    assert any("overlaps" in p for p in record_problems(overlapping, text))
    nan = json.loads(json.dumps(record))
    nan["metadata"] = {"score": float("nan")}
    assert any("strict JSON" in p for p in record_problems(nan, text))


def test_windows_come_from_real_articles() -> None:
    assert len(WINDOWS) >= 30
    assert all(0 < len(w) <= 800 for w in WINDOWS)


def test_the_fuzz_runner_reports_what_it_tried(capsys) -> None:
    from fuzz import main

    assert main(["--examples", "12", "--seed", "3"]) == 0
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    assert summary.startswith("fuzz: 12 examples (")
    assert summary.endswith("0 distinct finding(s)")


def test_the_fuzz_runner_reports_and_shrinks_a_finding(capsys, monkeypatch, tmp_path) -> None:
    """A planted bug (grounding broken for texts holding a digit) is found and shrunk."""
    import fuzz as fuzz

    real = fuzz.record_problems

    def planted(record: dict, source: str) -> list[str]:
        return ["planted: a digit"] if any(c.isdigit() for c in source) else real(record, source)

    monkeypatch.setattr(fuzz, "record_problems", planted)
    findings = fuzz.run(examples=40, seconds=120, seed=1, max_size=300, out=tmp_path)
    assert findings and findings[0].problems[0] == "planted: a digit"
    text_findings = [f for f in findings if f.kind == "text"]
    assert text_findings and all(len(f.example) <= 2 for f in text_findings)
    assert (tmp_path / "finding-001.json").exists()
    assert "distinct finding(s)" in capsys.readouterr().out


_LEXICON_WORDS = st.sampled_from(["a", "A", "ăb", "Ăb", "đa", "Đa", "ư.b"])
_PHRASE = st.lists(_LEXICON_WORDS, min_size=1, max_size=3).map(" ".join)
_GAPS = st.sampled_from([" ", " ", "  ", "\t", ", ", "."])


@PROPERTY
@given(
    phrases=st.lists(_PHRASE, min_size=1, max_size=12), ignore_case=st.booleans(), data=st.data()
)
def test_phrase_regex_finds_what_a_flat_alternation_finds(
    phrases: list[str], ignore_case: bool, data: st.DataObject
) -> None:
    """Grouping a lexicon's alternatives by first letter never changes what matches."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    body = "|".join(regex.escape(p).replace("\\ ", "[ \\t]+") for p in unique)
    flags = regex.UNICODE | (regex.IGNORECASE if ignore_case else 0)
    flat = regex.compile(rf"(?<![\w&.])(?:{body})(?![\w&])", flags)
    grouped = phrase_regex(phrases, ignore_case=ignore_case)
    pieces = st.one_of(st.sampled_from(phrases), _LEXICON_WORDS, _GAPS)
    text = "".join(data.draw(st.lists(pieces, max_size=20)))
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]
