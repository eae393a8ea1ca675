"""Bytes in; decoded source text, a normalised working text and the map between them.

The *source text* is the article as decoded from its bytes: every offset vnie reports
is an index into it. The *working text* is what extractors read: NFC, one tone-mark
placement (``hoà`` → ``hòa``), CRLF as LF, non-breaking spaces as spaces, zero-width
and soft-hyphen characters dropped, control characters as spaces, and web boilerplate
lines removed. :class:`WorkingText` maps any working span back to the source span it
came from.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import stat
import unicodedata
from dataclasses import dataclass
from functools import cache

import regex
from vi_textmatch.tone import normalize_tone

from pipeline.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MissingInputError,
    UnreadableInputError,
)
from pipeline.resources import load_tsv

#: Largest article accepted by default (characters of source text); ``max_chars`` raises it.
#: Extraction time and memory grow linearly with length (``make bench-lengths``): an
#: article of 8M characters takes about 2 minutes and 1.2 GB in one process.
DEFAULT_MAX_CHARS = 8_000_000

_LEGACY_CANDIDATES = ("tcvn3", "vni")


@dataclass(frozen=True, slots=True)
class SourceText:
    """An article's decoded text and where it came from."""

    text: str
    encoding: str
    sha256: str
    #: Decoding problems that did not stop the article (e.g. stray bytes replaced).
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Edit:
    """Working text ``replacement`` stands for source ``[start, end)``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class WorkingText:
    """The normalised text extractors read, with a map back to the source text.

    ``edits`` are the places where the working text differs in length or content from
    the source, sorted and non-overlapping; between them characters correspond one to
    one (tone-mark placement may differ there, never the length).
    """

    source: str
    text: str
    edits: tuple[Edit, ...]
    _work_starts: tuple[int, ...]
    _deltas: tuple[int, ...]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span that working span ``[start, end)`` came from (never empty)."""
        if not self.edits:
            return start, end
        return self._source_start(start), self._source_end(end)

    def _locate(self, pos: int) -> tuple[int, Edit | None, int]:
        """(index of the last edit starting at or before ``pos``, that edit, working start)."""
        i = bisect.bisect_right(self._work_starts, pos) - 1
        if i < 0:
            return i, None, 0
        return i, self.edits[i], self._work_starts[i]

    def _source_start(self, pos: int) -> int:
        i, edit, work_start = self._locate(pos)
        if edit is None:
            return pos
        if pos < work_start + len(edit.replacement):
            return edit.start
        return pos + self._deltas[i]

    def _source_end(self, pos: int) -> int:
        i, edit, work_start = self._locate(pos - 1)
        if edit is None:
            return pos
        if pos - 1 < work_start + len(edit.replacement):
            return edit.end
        return pos + self._deltas[i]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


#: Bytes read per allowed character when reading an article file (UTF-8 needs up to 4).
BYTES_PER_CHAR = 4

_FILE_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused past ``limit`` bytes.

    Never blocks on a FIFO and never reads a device: anything but a regular file is an
    :class:`UnreadableInputError` (a directory an :class:`InputError`), as is an I/O
    error; a file over ``limit`` (by its size, or by what reading it gives, for files
    such as ``/proc`` entries whose size says 0) an :class:`InputTooLargeError`.
    """
    name = os.fspath(path)
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise MissingInputError("no such file", path=name) from None
    except OSError as err:
        raise UnreadableInputError(f"cannot read: {err.strerror or err}", path=name) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, not an article file", path=name)
        if not stat.S_ISREG(info.st_mode):
            kind = next((k for test, k in _FILE_KINDS if test(info.st_mode)), "not a file")
            raise UnreadableInputError(
                f"{kind}, not a regular file: only regular files are read", path=name
            )
        if info.st_size > limit:
            raise _too_large(info.st_size, limit, name)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise _too_large(size, limit, name, at_least=True)
        return b"".join(chunks)
    except OSError as err:
        raise UnreadableInputError(f"cannot read: {err.strerror or err}", path=name) from None
    finally:
        os.close(fd)


def _too_large(size: int, limit: int, name: str, *, at_least: bool = False) -> InputTooLargeError:
    more = "more than " if at_least else ""
    return InputTooLargeError(
        f"file has {more}{size - 1 if at_least else size:,} bytes, over the limit of {limit:,} "
        "for the character limit; raise it with --max-chars (or max_chars=)",
        path=name,
    )


def decode(
    data: bytes, *, path: str | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> SourceText:
    """Decode an article's bytes: UTF-8 (BOM or not), UTF-16 with BOM, TCVN3, VNI, cp1258.

    Valid UTF-8 is always UTF-8. UTF-8 with a few stray bytes decodes as encoding
    ``utf-8-replace``: U+FFFD for each stray byte and a warning naming their offsets.

    Raises :class:`EmptyInputError`, :class:`BinaryInputError`, :class:`DecodeError` or
    :class:`InputTooLargeError`, each naming ``path``.
    """
    digest = sha256_hex(data)
    if not data.strip():
        raise EmptyInputError("empty file: no article text", path=path)
    warnings: tuple[str, ...] = ()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode_strict(data, "utf-16", path), "utf-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        text, encoding = _decode_strict(data, "utf-8-sig", path), "utf-8-sig"
    else:
        if b"\x00" in data or _looks_binary(data):
            raise BinaryInputError("binary file: not a text article", path=path)
        try:
            # Valid UTF-8 is UTF-8: legacy fonts are single-byte and almost never valid UTF-8.
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as err:
            mostly = _mostly_utf8(data)
            if mostly is not None:
                # Not plain "utf-8": the text is not exactly the bytes' UTF-8 decoding.
                text, warnings = mostly
                encoding = "utf-8-replace"
            else:
                text, encoding = _decode_single_byte(data, path, err.start)
    check_article_text(text, max_chars=max_chars, path=path)
    return SourceText(text=text, encoding=encoding, sha256=digest, warnings=warnings)


def _mostly_utf8(data: bytes) -> tuple[str, tuple[str, ...]] | None:
    """UTF-8 with a few stray bytes: the text with U+FFFD for them and a warning, else None.

    The bytes are taken as UTF-8 when their valid multi-byte sequences outnumber the
    invalid bytes more than two to one (a legacy or Windows-1258 file has an invalid byte
    for almost every Vietnamese letter and hardly any valid sequence).
    """
    bad: list[int] = []
    good = 0
    pos = 0
    while True:
        try:
            chunk = data[pos:].decode("utf-8")
        except UnicodeDecodeError as err:
            chunk = data[pos : pos + err.start].decode("utf-8")
            bad.append(pos + err.start)
            pos += err.end
            good += sum(1 for ch in chunk if ord(ch) > 0x7F)
            continue
        good += sum(1 for ch in chunk if ord(ch) > 0x7F)
        break
    if good <= 2 * len(bad):
        return None
    text = data.decode("utf-8", errors="replace")
    shown = ", ".join(str(b) for b in bad[:5]) + (", …" if len(bad) > 5 else "")
    noun = "byte" if len(bad) == 1 else "bytes"
    message = f"{len(bad)} invalid UTF-8 {noun} replaced by U+FFFD (at byte {shown})"
    return text, (message,)


def check_article_text(text: str, *, max_chars: int, path: str | None) -> None:
    """Raise :class:`EmptyInputError` for blank text, :class:`InputTooLargeError` past the limit."""
    if not text.strip():
        raise EmptyInputError("empty article: no text", path=path)
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"article has {len(text):,} characters, over the limit of {max_chars:,}; "
            "raise it with --max-chars (or max_chars=) or split the input",
            path=path,
        )


def _decode_strict(data: bytes, encoding: str, path: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        message = f"undecodable bytes for {encoding} at byte {err.start}"
        raise DecodeError(message, path=path) from err


def _looks_binary(data: bytes) -> bool:
    """More than 10% C0 control bytes (other than tab/newline/CR/form feed) in the first 8 KiB."""
    head = data[:8192]
    controls = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D))
    return controls * 10 > len(head)


def _decode_single_byte(data: bytes, path: str | None, utf8_error: int) -> tuple[str, str]:
    """Non-UTF-8 bytes: legacy Vietnamese fonts (surfacing as cp1252 glyphs) or cp1258.

    ``utf8_error`` is the offset of the first byte that is not UTF-8 (for messages).
    """
    latin = data.decode("latin-1")
    legacy = _legacy_encoding(latin)
    if legacy is not None:
        return _convert_legacy(latin, legacy), legacy
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"undecodable bytes: not UTF-8 (invalid byte at {utf8_error}), nor cp1258 "
            f"(byte {err.start}), nor TCVN3 or VNI",
            path=path,
        ) from err
    nfc = unicodedata.normalize("NFC", text)
    if not _reads_as_vietnamese(nfc):
        raise DecodeError(
            f"not UTF-8 (invalid byte at {utf8_error}), nor UTF-16, TCVN3, VNI or cp1258 "
            "Vietnamese text (no encoding gives readable Vietnamese)",
            path=path,
        )
    return text, "cp1258"


_VI_LETTERS = regex.compile(
    r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", regex.I
)


def _reads_as_vietnamese(text: str) -> bool:
    letters = sum(1 for ch in text if ch.isalpha())
    return letters > 0 and len(_VI_LETTERS.findall(text)) * 20 >= letters


def _legacy_encoding(text: str) -> str | None:
    """``tcvn3``/``vni`` when ``text`` is legacy-font glyphs, else None (viparse's detector)."""
    if not regex.search(r"[\u00a1-\u00ff]", text) or _reads_as_vietnamese_unicode(text):
        return None
    from viparse.normalize.detector import detect_encoding_by_content
    from viparse.normalize.encodings import CHARMAPS

    candidates = {name: CHARMAPS[name] for name in _LEGACY_CANDIDATES}
    detection = detect_encoding_by_content(text, candidates)
    return detection.encoding


def _reads_as_vietnamese_unicode(text: str) -> bool:
    """Text that already contains Vietnamese-only letters (ơ, ư, ạ, ế …) is Unicode."""
    return bool(regex.search(r"[ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text, regex.I))


def _convert_legacy(text: str, encoding: str) -> str:
    from viparse.normalize.encodings import CHARMAPS
    from viparse.normalize.tables import convert

    return convert(text, CHARMAPS[encoding])


# --- normalisation ------------------------------------------------------------------------

_SPACE_LIKE = "\u00a0\u2007\u202f\u3000\t" + "".join(map(chr, range(0x2000, 0x200B)))
_DROPPED = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPECIAL = regex.compile(
    r"\r\n?|[\u2028\u2029\x85]|[" + _SPACE_LIKE + r"]|[" + _DROPPED + r"]"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]"
)
_CLUSTER = regex.compile(r"(?:\r\n|\P{M})\p{M}+|\p{M}+|[^\x00-\x7f]")
_MARKS = regex.compile(r"\p{M}+$")


def _special_replacement(match: str) -> str:
    if match[0] in "\r\u2028\u2029\x85":
        return "\n"
    if match in _SPACE_LIKE:
        return " "
    if match in _DROPPED:
        return ""
    return " "


@cache
def _boilerplate_rules() -> tuple[frozenset[str], tuple[str, ...]]:
    rows = load_tsv("boilerplate.tsv")
    exact = frozenset(r["text"].casefold() for r in rows if r["kind"] == "exact")
    prefix = tuple(r["text"].casefold() for r in rows if r["kind"] == "prefix")
    return exact, prefix


@cache
def _teaser_regex() -> regex.Pattern[str]:
    """The link that closes a teaser for another article (boilerplate.tsv kind teaser)."""
    links = [r["text"] for r in load_tsv("boilerplate.tsv") if r["kind"] == "teaser"]
    body = "|".join(regex.escape(t).replace("\\ ", "[ \t]*") for t in links)
    return regex.compile(rf"(?i:{body})[ \t]*")


#: The end of a sentence: a full stop, question or exclamation mark (a closing quote may
#: follow) before a space and a capital; not the dot of a number or an initial.
_SENTENCE_END = regex.compile(r"(?<=[\p{Ll}\p{M}\d)”\"'][.!?…][”\"']?)[ \t]+(?=\p{Lu})")


def _teaser_edits(source: str) -> list[Edit]:
    """A teaser run into the last paragraph (``<headline> <lead sentence>. Bấm xem >>``)
    becomes a line break: its headline carries no full stop, so it starts after the
    second sentence end before the link, or at the start of the line."""
    edits = []
    for link in _teaser_regex().finditer(source):
        line_start = source.rfind("\n", 0, link.start()) + 1
        ends = [m.end() for m in _SENTENCE_END.finditer(source, line_start, link.start() + 1)]
        start = ends[-2] if len(ends) >= 2 else line_start
        edits.append(Edit(start, link.end(), "\n"))
    return edits


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is web boilerplate (``resources/boilerplate.tsv``)."""
    key = " ".join(unicodedata.normalize("NFC", line).split()).casefold()
    if not key:
        return False
    exact, prefix = _boilerplate_rules()
    return key in exact or key.startswith(prefix)


def _boilerplate_edits(source: str) -> list[Edit]:
    edits = []
    pos = 0
    for line in source.splitlines(keepends=True):
        if is_boilerplate(line):
            edits.append(Edit(pos, pos + len(line), ""))
        pos += len(line)
    return edits


def normalise(source: str, *, strip_boilerplate: bool = True) -> WorkingText:
    """The working text of ``source`` and the map back to it (see module docstring)."""
    blocked = [*_boilerplate_edits(source), *_teaser_edits(source)] if strip_boilerplate else []
    edits: list[Edit] = list(blocked)
    for m in _SPECIAL.finditer(source):
        edits.append(Edit(m.start(), m.end(), _special_replacement(m.group())))
    if not source.isascii() and not unicodedata.is_normalized("NFC", source):
        for m in _CLUSTER.finditer(source):
            composed = _compose_cluster(m.group())
            if composed != m.group():
                edits.append(Edit(m.start(), m.end(), composed))
    edits = _drop_covered(edits)
    text, work_starts, deltas = _apply(source, edits)
    if not text.isascii():
        # Tone placement rewrites are length-preserving, so the map stays exact.
        text = normalize_tone(text)
    return WorkingText(source, text, tuple(edits), tuple(work_starts), tuple(deltas))


def _compose_cluster(cluster: str) -> str:
    """NFC of a base and its marks, the base first replaced as :data:`_SPECIAL` says.

    A cluster edit covers (and so drops) the edit of its base alone, so a special base
    (a no-break space, a control character) must be replaced here too: else the working
    text would depend on whether the marks happened to be in canonical order.
    """
    marks = _MARKS.search(cluster)
    split = marks.start() if marks else len(cluster)
    base = cluster[:split]
    if base and _SPECIAL.fullmatch(base):
        base = _special_replacement(base)
    return unicodedata.normalize("NFC", base + cluster[split:])


def _drop_covered(edits: list[Edit]) -> list[Edit]:
    """Sort edits and drop those inside an earlier, wider one (a removed boilerplate line)."""
    edits.sort(key=lambda e: (e.start, -e.end))
    out: list[Edit] = []
    for edit in edits:
        if out and edit.start < out[-1].end:
            continue
        out.append(edit)
    return out


def _apply(source: str, edits: list[Edit]) -> tuple[str, list[int], list[int]]:
    parts: list[str] = []
    work_starts: list[int] = []
    deltas: list[int] = []
    src = 0
    work = 0
    for edit in edits:
        parts.append(source[src : edit.start])
        work += edit.start - src
        work_starts.append(work)
        parts.append(edit.replacement)
        work += len(edit.replacement)
        src = edit.end
        deltas.append(src - work)
    parts.append(source[src:])
    return "".join(parts), work_starts, deltas
