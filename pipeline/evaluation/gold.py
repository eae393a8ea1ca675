"""Gold annotation files (the guide's format) loaded together with their article text.

A gold file ``NNN.json`` holds ``doc_id``, ``text_sha256`` and ``mentions``; its text is
``NNN.txt``. :func:`load_gold` checks the file against the text and the guide and
raises :class:`~pipeline.errors.GoldError` naming the file and the offending mentions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import GoldError
from pipeline.text.ingest import sha256_hex
from pipeline.types import LABELS

#: Keys every gold mention has; any other key is an attribute.
MENTION_KEYS: tuple[str, ...] = ("label", "start", "end", "text")

_MAX_LISTED = 10


@dataclass(frozen=True)
class GoldDoc:
    """One article's gold mentions and the text their offsets index (code points, end excluded).

    ``mentions`` are guide-format dicts (``label``, ``start``, ``end``, ``text`` and
    attributes), sorted by ``(start, end)``.
    """

    doc_id: str
    text: str
    text_sha256: str
    mentions: tuple[dict[str, Any], ...]
    path: Path | None = None
    text_path: Path | None = None

    def to_json(self) -> dict[str, Any]:
        """The gold file's JSON object."""
        return {
            "doc_id": self.doc_id,
            "text_sha256": self.text_sha256,
            "mentions": [dict(m) for m in self.mentions],
        }


def text_sha256(text: str) -> str:
    """SHA-256 of ``text`` encoded as UTF-8 (the bytes it was decoded from, for UTF-8 files)."""
    return sha256_hex(text.encode("utf-8"))


def _describe(index: int, mention: Mapping[str, Any]) -> str:
    text = str(mention.get("text", ""))
    if len(text) > 40:
        text = text[:39] + "…"
    return (
        f"mention {index} ({mention.get('label')} {mention.get('start')}:{mention.get('end')} "
        f"{text!r})"
    )


def gold_problems(data: Any, text: str, sha256: str | None = None) -> list[str]:
    """Everything in gold object ``data`` that breaks the guide or does not match ``text``.

    ``sha256`` is the digest of the text's bytes (default: of ``text`` as UTF-8). Mentions
    are numbered from 0 in file order. An empty list means the file is valid.
    """
    if not isinstance(data, Mapping):
        return ["not a JSON object"]
    problems: list[str] = []
    if not isinstance(data.get("doc_id"), str) or not data.get("doc_id"):
        problems.append("doc_id is missing or not a non-empty string")
    expected = sha256 if sha256 is not None else text_sha256(text)
    if data.get("text_sha256") != expected:
        problems.append(
            f"text_sha256 {data.get('text_sha256')!r} does not match the text ({expected})"
        )
    mentions = data.get("mentions")
    if not isinstance(mentions, list):
        return [*problems, "mentions is missing or not a list"]
    last_by_label: dict[str, tuple[int, Mapping[str, Any]]] = {}
    previous: tuple[int, int] | None = None
    for i, m in enumerate(mentions):
        if not isinstance(m, Mapping):
            problems.append(f"mention {i}: not a JSON object")
            continue
        where = _describe(i, m)
        start, end, label, mtext = m.get("start"), m.get("end"), m.get("label"), m.get("text")
        if label not in LABELS:
            problems.append(f"{where}: unknown label {label!r} (labels: {', '.join(LABELS)})")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
            problems.append(f"{where}: start and end must be integers")
            continue
        if not 0 <= start < end <= len(text):
            problems.append(f"{where}: offsets outside the text (length {len(text)}) or empty")
            continue
        if not isinstance(mtext, str):
            problems.append(f"{where}: text is missing or not a string")
        elif text[start:end] != mtext:
            problems.append(f"{where}: text is not at its offsets (source has {text[start:end]!r})")
        if text[start].isspace() or text[end - 1].isspace():
            problems.append(f"{where}: span starts or ends with whitespace")
        if previous is not None and (start, end) < previous:
            problems.append(f"{where}: mentions are not sorted by start, then end")
        previous = (start, end)
        if label in LABELS:
            before = last_by_label.get(label)
            if before is not None and start < before[1]["end"]:
                problems.append(f"{where}: overlaps {_describe(*before)} of the same label")
            if before is None or end > before[1]["end"]:
                last_by_label[label] = (i, m)
    return problems


def _raise_problems(problems: Sequence[str], path: Path) -> None:
    if not problems:
        return
    listed = "; ".join(problems[:_MAX_LISTED])
    more = f"; and {len(problems) - _MAX_LISTED} more" if len(problems) > _MAX_LISTED else ""
    raise GoldError(f"{len(problems)} problem(s): {listed}{more}", path=str(path))


def text_candidates(json_path: Path, texts_dir: Path | None = None) -> list[Path]:
    """Where the text of gold file ``json_path`` is looked for, in order.

    With ``texts_dir``: ``texts_dir/<stem>.txt`` only. Otherwise ``<stem>.txt`` beside the
    JSON, then ``../corpus/<stem>.txt`` (the repository's ``annotations/`` + ``corpus/``).
    """
    name = json_path.stem + ".txt"
    if texts_dir is not None:
        return [texts_dir / name]
    return [json_path.with_suffix(".txt"), json_path.parent.parent / "corpus" / name]


def load_gold(
    json_path: Path | str, text_path: Path | str | None = None, *, texts_dir: Path | None = None
) -> GoldDoc:
    """Load and check one gold file; its text is ``text_path`` or found by :func:`text_candidates`.

    Raises :class:`GoldError` naming the file and each offending mention.
    """
    json_path = Path(json_path)
    if text_path is None:
        candidates = text_candidates(json_path, texts_dir)
        found = next((p for p in candidates if p.is_file()), None)
        if found is None:
            tried = ", ".join(str(p) for p in candidates)
            raise GoldError(f"no text file for this gold file (tried {tried})", path=str(json_path))
        text_path = found
    text_path = Path(text_path)
    try:
        data = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(f"cannot read gold JSON: {err}", path=str(json_path)) from err
    except RecursionError:
        raise GoldError("cannot read gold JSON: nested too deeply", path=str(json_path)) from None
    try:
        raw = text_path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"cannot read text {text_path}: {err}", path=str(json_path)) from err
    _raise_problems(gold_problems(data, text, sha256_hex(raw)), json_path)
    return GoldDoc(
        doc_id=data["doc_id"],
        text=text,
        text_sha256=data["text_sha256"],
        mentions=tuple(dict(m) for m in data["mentions"]),
        path=json_path,
        text_path=text_path,
    )


def load_gold_dir(directory: Path | str, *, texts_dir: Path | str | None = None) -> list[GoldDoc]:
    """Every ``*.json`` gold file of ``directory`` (by name), each checked by :func:`load_gold`.

    Raises :class:`GoldError` when the directory holds no gold file or two share a doc_id.
    """
    directory = Path(directory)
    texts = Path(texts_dir) if texts_dir is not None else None
    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise GoldError("no gold files (*.json) in this directory", path=str(directory))
    docs = [load_gold(p, texts_dir=texts) for p in paths]
    seen: dict[str, Path | None] = {}
    for doc in docs:
        if doc.doc_id in seen:
            raise GoldError(
                f"doc_id {doc.doc_id!r} also used by {seen[doc.doc_id]}", path=str(doc.path)
            )
        seen[doc.doc_id] = doc.path
    return docs


def gold_doc(data: Mapping[str, Any], text: str, *, path: Path | None = None) -> GoldDoc:
    """A checked :class:`GoldDoc` from a gold JSON object and its text (for converters)."""
    _raise_problems(gold_problems(data, text), path or Path(str(data.get("doc_id", "<gold>"))))
    return GoldDoc(
        doc_id=data["doc_id"],
        text=text,
        text_sha256=data["text_sha256"],
        mentions=tuple(dict(m) for m in data["mentions"]),
        path=path,
    )
