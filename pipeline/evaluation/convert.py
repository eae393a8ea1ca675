"""Gold files (the guide's JSON) to and from brat, doccano, Label Studio and CoNLL-2003 BIO.

brat, doccano and Label Studio hold everything the guide's format holds, so the round
trip through them is lossless. CoNLL-2003 BIO holds one label per word and no
attributes; :func:`losses` says what an export to it drops:

* nested and crossing mentions: the **outermost** (longest) mention is kept, ties
  going to the label listed first in :data:`pipeline.types.LABELS`; the others are dropped;
* attributes (``value``, ``level`` …).

Words come from :func:`pipeline.text.tokenize.token_spans` and are split where a kept mention
starts or ends inside one, so every kept span comes back exactly.

Offsets: brat counts code points, like the guide; doccano and Label Studio count
UTF-16 code units (JavaScript string indices), converted both ways here.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.errors import ConvertError, GoldError
from pipeline.evaluation.gold import (
    MENTION_KEYS,
    GoldDoc,
    gold_doc,
    load_gold,
    load_gold_dir,
    text_sha256,
)
from pipeline.record.validate import schema
from pipeline.types import LABELS

FORMATS: tuple[str, ...] = ("guide", "brat", "doccano", "labelstudio", "conll")


def _loads(text: str, origin: str) -> Any:
    """JSON of ``text``, or a :class:`ConvertError` naming ``origin``."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ConvertError(f"not JSON: {err}", path=origin) from None
    except RecursionError:
        raise ConvertError("JSON nested too deeply", path=origin) from None


def _read_text(path: Path) -> str:
    """A file's UTF-8 text, or a :class:`ConvertError` naming it."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise ConvertError(f"not UTF-8 (byte {err.start})", path=str(path)) from None
    except OSError as err:
        raise ConvertError(f"cannot read: {err.strerror or err}", path=str(path)) from None


@contextlib.contextmanager
def _reading(origin: str) -> Iterator[None]:
    """Any error while reading one document becomes a :class:`GoldError` naming ``origin``
    (errors that already name it pass through)."""
    try:
        yield
    except GoldError as err:
        if origin in str(err):
            raise
        raise ConvertError(str(err), path=origin) from None
    except RecursionError:
        raise ConvertError("nested too deeply", path=origin) from None
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as err:
        raise ConvertError(f"malformed input ({type(err).__name__}: {err})", path=origin) from None


def _offset(value: Any, where: str) -> int:
    """An offset as read from a file: a non-negative JSON integer."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConvertError(f"offset {value!r} is not a non-negative integer", path=where)
    return value


def _object(value: Any, what: str, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConvertError(f"{what} is a JSON {_json_type(value)}, not an object", path=where)
    return value


def _list(value: Any, what: str, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ConvertError(f"{what} is a JSON {_json_type(value)}, not a list", path=where)
    return value


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


# Label of each closed-set attribute written as a brat attribute line; the values come
# from the record schema.
_BRAT_ATTRIBUTE_LABELS = {
    "level": "PLACE",
    "quantity": "FIGURE",
    "recipient": "AWARD",
    "role": "PERSON",
}


def _mention_schema() -> dict[str, Any]:
    return schema()["$defs"]["mention"]["properties"]


@cache
def brat_attributes() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Attributes brat holds as attribute lines: name → (label, allowed values)."""
    props = _mention_schema()
    return {
        name: (label, tuple(props[name].get("enum", [props[name].get("const")])))
        for name, label in _BRAT_ATTRIBUTE_LABELS.items()
    }


@cache
def _attribute_order() -> tuple[str, ...]:
    """Attribute order in written mentions: the schema's (others follow, sorted)."""
    return tuple(k for k in _mention_schema() if k not in ("id", "rule", *MENTION_KEYS))


@dataclass(frozen=True)
class Loss:
    """Something a format could not hold: ``kind`` is ``nested``, ``overlap`` (crossing),
    ``attributes`` or ``text`` (rebuilt from CoNLL words); ``detail`` says what happened."""

    doc_id: str
    kind: str
    label: str | None
    start: int | None
    end: int | None
    detail: str


@dataclass(frozen=True)
class ConversionReport:
    """What :func:`convert` wrote and what it had to drop."""

    documents: int
    mentions: int
    written: tuple[Path, ...]
    losses: tuple[Loss, ...] = ()

    def summary(self) -> str:
        """One line per kind of loss (or a statement that nothing was lost)."""
        head = f"{self.documents} document(s), {self.mentions} mention(s)"
        if not self.losses:
            return f"{head}: nothing lost"
        kinds: dict[str, int] = {}
        for loss in self.losses:
            kinds[loss.kind] = kinds.get(loss.kind, 0) + 1
        parts = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        return f"{head}; not representable: {parts}"


# --- shared helpers -------------------------------------------------------------------------


def _ordered(label: str, start: int, end: int, text: str, attrs: Mapping[str, Any]) -> dict:
    mention: dict[str, Any] = {"label": label, "start": start, "end": end, "text": text}
    order = _attribute_order()
    for key in order:
        if key in attrs:
            mention[key] = attrs[key]
    for key in sorted(set(attrs) - set(order)):
        mention[key] = attrs[key]
    return mention


def _attributes(mention: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mention.items() if k not in MENTION_KEYS}


def _make_doc(doc_id: str, text: str, mentions: Iterable[dict], origin: str) -> GoldDoc:
    rank = {label: n for n, label in enumerate(LABELS)}
    ordered = sorted(mentions, key=lambda m: (m["start"], m["end"], rank.get(m["label"], 99)))
    data = {"doc_id": doc_id, "text_sha256": text_sha256(text), "mentions": ordered}
    return gold_doc(data, text, path=Path(origin))


class _Utf16:
    """Code-point offsets ↔ UTF-16 code-unit offsets of one text."""

    def __init__(self, text: str) -> None:
        self.identity = all(ord(c) < 0x10000 for c in text)
        units = [0]
        if not self.identity:
            for c in text:
                units.append(units[-1] + (2 if ord(c) >= 0x10000 else 1))
        self.units = units

    def to_units(self, i: int) -> int:
        return i if self.identity else self.units[i]

    def to_points(self, u: int) -> int:
        if self.identity:
            return u
        i = bisect.bisect_left(self.units, u)
        if i >= len(self.units) or self.units[i] != u:
            raise GoldError(f"UTF-16 offset {u} falls inside a surrogate pair")
        return i


# --- brat -----------------------------------------------------------------------------------


def brat_annotation_conf() -> str:
    """An ``annotation.conf`` declaring the guide's labels and attributes, overlaps allowed."""
    lines = [
        "[entities]",
        *LABELS,
        "",
        "[relations]",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        "",
        "[events]",
        "",
        "[attributes]",
    ]
    for name, (label, values) in brat_attributes().items():
        lines.append(f"{name}\tArg:{label}, Value:{'|'.join(values)}")
    return "\n".join(lines) + "\n"


def to_brat(doc: GoldDoc) -> str:
    """The ``.ann`` standoff of ``doc`` (its ``.txt`` is ``doc.text``).

    Closed-set attributes become attribute lines (``A1\\tlevel T1 commune``); all the
    others one ``AnnotatorNotes`` line holding a JSON object.
    """
    lines: list[str] = []
    n_attr = 0
    for n, m in enumerate(doc.mentions, start=1):
        covered = " ".join(m["text"].splitlines())
        lines.append(f"T{n}\t{m['label']} {m['start']} {m['end']}\t{covered}")
        notes = {}
        for key, value in _attributes(m).items():
            declared = brat_attributes().get(key)
            if declared and declared[0] == m["label"] and value in declared[1]:
                n_attr += 1
                lines.append(f"A{n_attr}\t{key} T{n} {value}")
            else:
                notes[key] = value
        if notes:
            lines.append(f"#{n}\tAnnotatorNotes T{n}\t{json.dumps(notes, ensure_ascii=False)}")
    return "\n".join(lines) + ("\n" if lines else "")


_BRAT_SPAN = re.compile(r"^(\S+) (\d+) (\d+)$")


def from_brat(text: str, ann: str, doc_id: str, *, origin: str = "<brat>") -> GoldDoc:
    """A gold document from brat ``.txt`` text and ``.ann`` standoff (lossless inverse of
    :func:`to_brat`). Discontinuous spans and relations are rejected with :class:`GoldError`,
    as is a span whose offsets fall outside the text or whose own text column differs from
    the text at its offsets (brat writes newlines inside a span as spaces)."""
    entities: dict[str, dict[str, Any]] = {}
    attrs: dict[str, dict[str, Any]] = {}
    for lineno, line in enumerate(ann.splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        where = f"{origin}:{lineno}"
        if line.startswith("T"):
            span = _BRAT_SPAN.match(fields[1]) if len(fields) >= 2 else None
            if span is None:
                raise GoldError(f"{where}: not a continuous text-bound annotation: {line!r}")
            start, end = int(span.group(2)), int(span.group(3))
            if not 0 <= start < end <= len(text):
                raise GoldError(
                    f"{where}: {fields[0]} offsets {start} {end} are outside the text "
                    f"(length {len(text)}) or empty"
                )
            covered = " ".join(text[start:end].splitlines())
            if len(fields) >= 3 and fields[2] != covered:
                raise GoldError(
                    f"{where}: {fields[0]} says {fields[2][:60]!r} but its offsets cover "
                    f"{covered[:60]!r} in the text"
                )
            entities[fields[0]] = {"label": span.group(1), "start": start, "end": end}
        elif line.startswith("A") or line.startswith("M"):
            parts = fields[1].split(" ") if len(fields) > 1 else []
            if len(parts) not in (2, 3):
                raise GoldError(f"{where}: attribute line needs name, target, value: {line!r}")
            # A binary attribute has no value.
            attrs.setdefault(parts[1], {})[parts[0]] = parts[2] if len(parts) == 3 else True
        elif line.startswith("#"):
            head = fields[1].split(" ") if len(fields) > 1 else []
            if len(head) == 2 and head[0] == "AnnotatorNotes" and len(fields) > 2:
                try:
                    notes = json.loads(fields[2])
                except (json.JSONDecodeError, RecursionError) as err:
                    raise GoldError(f"{where}: AnnotatorNotes is not a JSON object") from err
                if not isinstance(notes, dict):
                    raise GoldError(f"{where}: AnnotatorNotes is not a JSON object")
                attrs.setdefault(head[1], {}).update(notes)
        else:
            raise GoldError(f"{where}: relations, events and equivalences are not in the guide")
    mentions = []
    for tid, e in entities.items():
        # The text column is brat's copy (newlines flattened): the .txt is the reference.
        covered = text[e["start"] : e["end"]]
        mentions.append(_ordered(e["label"], e["start"], e["end"], covered, attrs.get(tid, {})))
    unknown = set(attrs) - set(entities)
    if unknown:
        raise GoldError(f"{origin}: attributes for unknown annotations {sorted(unknown)}")
    return _make_doc(doc_id, text, mentions, origin)


# --- doccano --------------------------------------------------------------------------------


def _span_key(start: int, end: int, label: str) -> str:
    return f"{start}:{end}:{label}"


def to_doccano(doc: GoldDoc) -> dict[str, Any]:
    """One doccano JSONL line: ``text``, ``label`` as ``[start, end, LABEL]`` (UTF-16 units),
    ``doc_id``, ``text_sha256`` and ``attributes`` keyed by ``"start:end:LABEL"``."""
    u16 = _Utf16(doc.text)
    labels = []
    attributes = {}
    for m in doc.mentions:
        start, end = u16.to_units(m["start"]), u16.to_units(m["end"])
        labels.append([start, end, m["label"]])
        attrs = _attributes(m)
        if attrs:
            attributes[_span_key(start, end, m["label"])] = attrs
    return {
        "doc_id": doc.doc_id,
        "text_sha256": doc.text_sha256,
        "text": doc.text,
        "label": labels,
        "attributes": attributes,
    }


def _to_points(u16: _Utf16, unit: int, where: str) -> int:
    try:
        return u16.to_points(unit)
    except GoldError as err:
        raise ConvertError(str(err), path=where) from None


def from_doccano(line: Mapping[str, Any], *, origin: str = "<doccano>") -> GoldDoc:
    """A gold document from one doccano JSONL object (``label`` or ``entities`` layout).
    Malformed input raises :class:`GoldError` naming ``origin`` and the span."""
    line = _object(line, "the line", origin)
    text = line.get("text")
    if not isinstance(text, str):
        raise GoldError(f"{origin}: doccano line without 'text'")
    u16 = _Utf16(text)
    spans: list[tuple[int, int, str, str]] = []
    for i, item in enumerate(_list(line.get("label"), "label", origin)):
        where = f"{origin}: label[{i}]"
        if not isinstance(item, list) or len(item) != 3 or not isinstance(item[2], str):
            raise ConvertError(f"expected [start, end, LABEL], got {_show(item)}", path=where)
        spans.append((_offset(item[0], where), _offset(item[1], where), item[2], where))
    for i, item in enumerate(_list(line.get("entities"), "entities", origin)):
        where = f"{origin}: entities[{i}]"
        item = _object(item, "the entity", where)
        label = item.get("label")
        if not isinstance(label, str):
            raise ConvertError(f"label {_show(label)} is not a string", path=where)
        start = _offset(item.get("start_offset"), where)
        spans.append((start, _offset(item.get("end_offset"), where), label, where))
    attributes = _object(line.get("attributes") or {}, "attributes", origin)
    mentions = []
    for start, end, label, where in spans:
        a, b = _to_points(u16, start, where), _to_points(u16, end, where)
        attrs = _object(attributes.get(_span_key(start, end, label), {}), "attributes", where)
        mentions.append(_ordered(label, a, b, text[a:b], attrs))
    doc_id = str(line.get("doc_id") or line.get("id") or Path(origin).stem)
    return _make_doc(doc_id, text, mentions, origin)


def _show(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --- Label Studio ---------------------------------------------------------------------------


def label_studio_config() -> str:
    """A Label Studio labelling config matching :func:`to_label_studio` tasks."""
    labels = "\n".join(f'    <Label value="{label}"/>' for label in LABELS)
    return (
        "<View>\n"
        f'  <Labels name="label" toName="text">\n{labels}\n  </Labels>\n'
        '  <Text name="text" value="$text"/>\n'
        '  <TextArea name="attributes" toName="text" perRegion="true" editable="true"\n'
        '            placeholder="attributes as a JSON object"/>\n'
        "</View>\n"
    )


def to_label_studio(doc: GoldDoc) -> dict[str, Any]:
    """One Label Studio task: a ``labels`` region per mention (UTF-16 offsets) and, for a
    mention with attributes, a per-region ``textarea`` holding them as JSON."""
    u16 = _Utf16(doc.text)
    result = []
    for n, m in enumerate(doc.mentions, start=1):
        value = {
            "start": u16.to_units(m["start"]),
            "end": u16.to_units(m["end"]),
            "text": m["text"],
        }
        region = {"id": f"m{n}", "from_name": "label", "to_name": "text", "type": "labels"}
        result.append({**region, "value": {**value, "labels": [m["label"]]}})
        attrs = _attributes(m)
        if attrs:
            note = json.dumps(attrs, ensure_ascii=False)
            result.append(
                {
                    "id": f"m{n}",
                    "from_name": "attributes",
                    "to_name": "text",
                    "type": "textarea",
                    "value": {**value, "text": [note]},
                }
            )
    data = {"text": doc.text, "doc_id": doc.doc_id, "text_sha256": doc.text_sha256}
    return {"data": data, "annotations": [{"result": result}]}


def from_label_studio(task: Mapping[str, Any], *, origin: str = "<label-studio>") -> GoldDoc:
    """A gold document from one Label Studio task (first annotation, else first prediction).
    Malformed input raises :class:`GoldError` naming ``origin`` and the region."""
    task = _object(task, "the task", origin)
    data = _object(task.get("data") or {}, "data", origin)
    text = data.get("text")
    if not isinstance(text, str):
        raise GoldError(f"{origin}: Label Studio task without data.text")
    key = "annotations" if task.get("annotations") else "predictions"
    sets = _list(task.get(key), key, origin) or [{"result": []}]
    first = _object(sets[0], f"{key}[0]", origin)
    u16 = _Utf16(text)
    regions: dict[str, tuple[str, dict[str, Any]]] = {}
    notes: dict[str, dict[str, Any]] = {}
    for i, item in enumerate(_list(first.get("result"), "result", origin)):
        where = f"{origin}: result[{i}]"
        item = _object(item, "the region", where)
        if item.get("type") not in ("labels", "textarea"):
            continue
        rid = item.get("id")
        if not isinstance(rid, str | int) or isinstance(rid, bool):
            raise ConvertError("region without an id", path=where)
        rid = str(rid)
        where = f"{origin}: region {rid}"
        value = _object(item.get("value") or {}, "value", where)
        if item["type"] == "labels":
            regions[rid] = (where, dict(value))
        elif value.get("text"):
            texts = value["text"]
            if not isinstance(texts, list) or not texts or not isinstance(texts[0], str):
                raise ConvertError("attributes are not a list of JSON texts", path=where)
            try:
                note = json.loads(texts[0])
            except (json.JSONDecodeError, RecursionError) as err:
                raise GoldError(f"{origin}: region {rid} attributes are not JSON") from err
            notes[rid] = dict(_object(note, "attributes", where))
    mentions = []
    for rid, (where, value) in regions.items():
        a = _to_points(u16, _offset(value.get("start"), where), where)
        b = _to_points(u16, _offset(value.get("end"), where), where)
        labels = _list(value.get("labels"), "labels", where)
        for label in labels:
            if not isinstance(label, str):
                raise ConvertError(f"label {_show(label)} is not a string", path=where)
            mentions.append(_ordered(label, a, b, text[a:b], notes.get(rid, {})))
    doc_id = str(data.get("doc_id") or task.get("id") or Path(origin).stem)
    return _make_doc(doc_id, text, mentions, origin)


# --- CoNLL-2003 BIO -------------------------------------------------------------------------


def _words(text: str, kept: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """Word spans of ``text``, split where a kept mention starts or ends inside a word.

    underthesea sometimes joins a name with the next word (``Hải trốn``); splitting there
    keeps every BIO span equal to its mention.
    """
    from pipeline.text.tokenize import token_spans

    cuts = sorted({m["start"] for m in kept} | {m["end"] for m in kept})
    words: list[tuple[int, int]] = []
    for a, b in token_spans(text):
        edges = [a, *cuts[bisect.bisect_right(cuts, a) : bisect.bisect_left(cuts, b)], b]
        for x, y in itertools.pairwise(edges):
            piece = text[x:y]
            # Whitespace-only tokens (newline runs) and edge spaces carry no tag.
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                words.append((x + lead, x + len(piece.rstrip())))
    return words


def _outermost(doc: GoldDoc) -> tuple[list[Mapping[str, Any]], list[Loss]]:
    """Mentions kept in one BIO layer (longest first, then label order) and those dropped."""
    order = sorted(
        doc.mentions,
        key=lambda m: (m["start"] - m["end"], LABELS.index(m["label"]), m["start"]),
    )
    kept: list[Mapping[str, Any]] = []
    losses: list[Loss] = []
    for m in order:
        blocker = next((k for k in kept if k["start"] < m["end"] and m["start"] < k["end"]), None)
        if blocker is None:
            kept.append(m)
            continue
        inside = blocker["start"] <= m["start"] and m["end"] <= blocker["end"]
        kind, how = ("nested", "inside") if inside else ("overlap", "crosses")
        detail = f"{how} {blocker['label']} {blocker['start']}:{blocker['end']}"
        losses.append(Loss(doc.doc_id, kind, m["label"], m["start"], m["end"], detail))
    kept.sort(key=lambda m: (m["start"], m["end"]))
    losses.sort(key=lambda loss: (loss.start, loss.end))
    return kept, losses


def losses(doc: GoldDoc, fmt: str) -> list[Loss]:
    """What writing ``doc`` in format ``fmt`` cannot keep (empty for lossless formats)."""
    _check_format(fmt)
    if fmt != "conll":
        return []
    lost = _outermost(doc)[1]
    with_attrs = [m for m in doc.mentions if _attributes(m)]
    if with_attrs:
        names = ", ".join(sorted({k for m in with_attrs for k in _attributes(m)}))
        detail = f"{len(with_attrs)} mention(s) lose {names}"
        lost.append(Loss(doc.doc_id, "attributes", None, None, None, detail))
    return lost


def to_conll(doc: GoldDoc) -> tuple[str, list[Loss]]:
    """CoNLL-2003 lines (``word -X- _ TAG``, BIO) and what they cannot hold (:func:`losses`).

    Words come from :func:`pipeline.text.tokenize.token_spans`, split at mention edges; spaces
    inside a word are written ``_``; a blank line stands for each newline of the text.
    """
    kept = _outermost(doc)[0]
    words = _words(doc.text, kept)
    tags = ["O"] * len(words)
    starts = [a for a, _ in words]
    for m in kept:
        first = bisect.bisect_left(starts, m["start"])
        last = bisect.bisect_left(starts, m["end"])
        for i in range(first, last):
            tags[i] = ("B-" if i == first else "I-") + m["label"]
    lines = ["-DOCSTART- -X- -X- O", f"# doc_id = {doc.doc_id}", ""]
    previous_end = None
    for (a, b), tag in zip(words, tags, strict=True):
        if previous_end is not None and "\n" in doc.text[previous_end:a]:
            lines.append("")
        word = re.sub(r"\s+", "_", doc.text[a:b])
        lines.append(f"{word} -X- _ {tag}")
        previous_end = b
    return "\n".join(lines) + "\n\n", losses(doc, "conll")


_DOC_ID = re.compile(r"^# doc_id = (\S+)$")


def _locate(text: str, word: str, pos: int) -> tuple[int, int] | None:
    """Where ``word`` (``_`` standing for whitespace) starts at or after ``pos``."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    start, i = pos, 0
    while i < len(word):
        if pos < len(text) and word[i] == text[pos]:
            pos += 1
        elif word[i] == "_" and pos < len(text) and text[pos].isspace():
            while pos < len(text) and text[pos].isspace():
                pos += 1
        else:
            return None
        i += 1
    return start, pos


def from_conll(
    content: str, texts: Mapping[str, str] | None = None, *, origin: str = "<conll>"
) -> tuple[list[GoldDoc], list[Loss]]:
    """Gold documents from CoNLL BIO lines (IOB2; ``S-``/``E-`` read as ``B-``/``I-``).

    With ``texts[doc_id]`` the words are realigned to that text and offsets index it;
    without, the text is rebuilt from the words (one space between words, a newline
    between sentences), reported as a ``text`` loss.
    """
    docs: list[tuple[str, list[list[tuple[str, str]]]]] = []
    for line in content.splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append((f"doc{len(docs) + 1}", [[]]))
            continue
        found = _DOC_ID.match(line)
        if found and docs:
            docs[-1] = (found.group(1), docs[-1][1])
            continue
        if not docs:
            docs.append(("doc1", [[]]))
        if not line.strip():
            if docs[-1][1][-1]:
                docs[-1][1].append([])
            continue
        cols = line.split()
        docs[-1][1][-1].append((cols[0], cols[-1]))
    out: list[GoldDoc] = []
    lost: list[Loss] = []
    for doc_id, sentences in docs:
        words = [w for sent in sentences for w in sent]
        if texts is not None and doc_id in texts:
            text = texts[doc_id]
            spans, pos = [], 0
            for word, _ in words:
                span = _locate(text, word, pos)
                if span is None:
                    raise GoldError(f"{origin}: {doc_id}: word {word!r} not found after {pos}")
                spans.append(span)
                pos = span[1]
        else:
            text, spans = _rebuild(sentences)
            lost.append(Loss(doc_id, "text", None, None, None, "text rebuilt from the words"))
        out.append(_make_doc(doc_id, text, _decode_bio(text, words, spans), origin))
    return out, lost


def _rebuild(sentences: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int]]]:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for sent in (s for s in sentences if s):
        if parts:
            parts.append("\n")
            pos += 1
        for n, (word, _) in enumerate(sent):
            if n:
                parts.append(" ")
                pos += 1
            surface = word.replace("_", " ")
            parts.append(surface)
            spans.append((pos, pos + len(surface)))
            pos += len(surface)
    return "".join(parts), spans


def _decode_bio(
    text: str, words: Sequence[tuple[str, str]], spans: Sequence[tuple[int, int]]
) -> list[dict[str, Any]]:
    mentions: list[dict[str, Any]] = []
    current: list[Any] | None = None  # [label, start, end]
    for (_, tag), (a, b) in zip(words, spans, strict=True):
        prefix, _, label = tag.partition("-")
        prefix = {"S": "B", "U": "B", "E": "I", "L": "I"}.get(prefix, prefix)
        if current is not None and prefix == "I" and label == current[0]:
            current[2] = b
            continue
        if current is not None:
            mentions.append(
                _ordered(current[0], current[1], current[2], text[current[1] : current[2]], {})
            )
        current = [label, a, b] if prefix in ("B", "I") else None
    if current is not None:
        mentions.append(
            _ordered(current[0], current[1], current[2], text[current[1] : current[2]], {})
        )
    return mentions


# --- files ----------------------------------------------------------------------------------


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")


def _read_texts(texts_dir: Path | None) -> dict[str, str] | None:
    if texts_dir is None:
        return None
    return {p.stem: _read_text(p) for p in sorted(Path(texts_dir).glob("*.txt"))}


def read_docs(
    path: Path | str, fmt: str, *, texts_dir: Path | str | None = None
) -> tuple[list[GoldDoc], list[Loss]]:
    """Documents in format ``fmt`` from a file or directory, each checked against the guide.

    guide: a ``.json`` file or a directory of them (texts as in :func:`load_gold`);
    brat: an ``.ann`` file or a directory of ``.ann`` + ``.txt``; doccano: a ``.jsonl``
    file; labelstudio: a ``.json`` task list; conll: a file (texts from ``texts_dir``).
    """
    _check_format(fmt)
    path = Path(path)
    texts = Path(texts_dir) if texts_dir is not None else None
    if fmt == "guide":
        if path.is_dir():
            return load_gold_dir(path, texts_dir=texts), []
        return [load_gold(path, texts_dir=texts)], []
    if fmt == "brat":
        anns = sorted(path.glob("*.ann")) if path.is_dir() else [path]
        docs = []
        for ann in anns:
            txt = ann.with_suffix(".txt")
            if not txt.is_file():
                raise ConvertError(f"no text file {txt.name} beside it", path=str(ann))
            text, standoff = _read_text(txt), _read_text(ann)
            with _reading(str(ann)):
                docs.append(from_brat(text, standoff, ann.stem, origin=str(ann)))
        return docs, []
    if fmt == "doccano":
        lines = _read_text(path).splitlines()
        docs = []
        for n, line in enumerate(lines, start=1):
            if line.strip():
                origin = f"{path}:{n}"
                with _reading(origin):
                    docs.append(from_doccano(_loads(line, origin), origin=origin))
        return docs, []
    if fmt == "labelstudio":
        tasks = _loads(_read_text(path), str(path))
        tasks = tasks if isinstance(tasks, list) else [tasks]
        docs = []
        for n, task in enumerate(tasks):
            origin = f"{path}[{n}]"
            with _reading(origin):
                docs.append(from_label_studio(task, origin=origin))
        return docs, []
    content = _read_text(path)
    with _reading(str(path)):
        return from_conll(content, _read_texts(texts), origin=str(path))


def write_docs(docs: Sequence[GoldDoc], path: Path | str, fmt: str) -> ConversionReport:
    """Write ``docs`` in format ``fmt``: guide and brat to a directory (one ``.json``/``.ann``
    and one ``.txt`` per document, brat also ``annotation.conf``), doccano (``.jsonl``),
    labelstudio (``.json``) and conll to one file."""
    _check_format(fmt)
    path = Path(path)
    written: list[Path] = []
    lost: list[Loss] = []

    def put(target: Path, content: str | bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="\n")
        written.append(target)

    if fmt in ("guide", "brat"):
        for doc in docs:
            put(path / f"{doc.doc_id}.txt", doc.text.encode("utf-8"))
            if fmt == "guide":
                content = json.dumps(doc.to_json(), ensure_ascii=False, indent=1) + "\n"
                put(path / f"{doc.doc_id}.json", content)
            else:
                put(path / f"{doc.doc_id}.ann", to_brat(doc))
        if fmt == "brat":
            put(path / "annotation.conf", brat_annotation_conf())
    elif fmt == "doccano":
        put(path, "".join(json.dumps(to_doccano(d), ensure_ascii=False) + "\n" for d in docs))
    elif fmt == "labelstudio":
        put(path, json.dumps([to_label_studio(d) for d in docs], ensure_ascii=False, indent=1))
    else:
        parts = []
        for doc in docs:
            content, doc_lost = to_conll(doc)
            parts.append(content)
            lost += doc_lost
        put(path, "".join(parts))
    mentions = sum(len(d.mentions) for d in docs)
    return ConversionReport(len(docs), mentions, tuple(written), tuple(lost))


def convert(
    src: Path | str,
    dst: Path | str,
    from_fmt: str,
    to_fmt: str,
    *,
    texts_dir: Path | str | None = None,
) -> ConversionReport:
    """Read ``src`` in ``from_fmt``, write ``dst`` in ``to_fmt``; the report lists what was
    lost on the way (by reading a CoNLL file without texts, or by writing CoNLL)."""
    docs, read_lost = read_docs(src, from_fmt, texts_dir=texts_dir)
    report = write_docs(docs, dst, to_fmt)
    return ConversionReport(
        report.documents, report.mentions, report.written, tuple(read_lost) + report.losses
    )
