"""Pydantic models of the API's JSON, for its OpenAPI description.

The record models are generated from ``pipeline/schema/article.schema.json`` (tests
check their fields and required fields against it, and records against them); the row
models are made from the table schemas of :mod:`pipeline.runs.tables`, so the API's field
names are the tables' column names.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, create_model

from pipeline.runs.tables import SCHEMAS

_CLOSED = ConfigDict(extra="forbid")


SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema" / "article.schema.json"
_SCALARS: dict[str, Any] = {"string": str, "integer": int, "number": float, "boolean": bool}


class _Generator:
    """Pydantic models made from the record's JSON schema, one per object it describes
    (``additionalProperties: false`` → extra fields forbidden), so they never drift."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema.get("$defs", {})
        self.by_def: dict[str, Any] = {}
        #: Where each model comes from: ``""`` (the top level), ``$defs.<name>`` or a
        #: dotted path of ``properties``/``items``.
        self.parts: dict[str, type[BaseModel]] = {}
        self.record = self.model("Record", schema, "")

    def model(self, name: str, node: dict[str, Any], where: str) -> type[BaseModel]:
        required = set(node.get("required", []))
        fields: dict[str, Any] = {}
        for prop, sub in node.get("properties", {}).items():
            here = f"{where}.properties.{prop}".lstrip(".")
            kind = self.kind(sub, name + prop.title().replace("_", ""), here)
            fields[prop] = (kind, ...) if prop in required else (kind | None, None)
        closed = node.get("additionalProperties") is False
        config = ConfigDict(extra="forbid" if closed else "allow")
        model = create_model(name, __config__=config, **fields)
        self.parts[where] = model
        return model

    def kind(self, node: dict[str, Any], name: str, where: str) -> Any:
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            target = ref.removeprefix("#/$defs/")
            if target not in self.by_def:
                self.by_def[target] = Any  # recursion guard
                sub = self.defs[target]
                self.by_def[target] = (
                    self.model(target.title().replace("_", ""), sub, f"$defs.{target}")
                    if sub.get("type") == "object" and "properties" in sub
                    else self.kind(sub, name, f"$defs.{target}")
                )
            return self.by_def[target]
        if "oneOf" in node or "anyOf" in node:
            options = node.get("oneOf") or node.get("anyOf")
            kinds = [self.kind(o, name, where) for o in options if o.get("type") != "null"]
            nullable = len(kinds) < len(options)
            kind = kinds[0] if len(kinds) == 1 else Any
            return kind | None if nullable and kind is not Any else kind
        kind = node.get("type")
        if kind == "object" and "properties" in node:
            return self.model(name, node, where)
        if kind == "object":
            return dict[str, Any]
        if kind == "array":
            return list[self.kind(node.get("items", {}), name + "Item", where + ".items")]
        if isinstance(kind, str) and kind in _SCALARS:
            return _SCALARS[kind]
        return Any


_GENERATED = _Generator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
#: One article's record (``pipeline/schema/article.schema.json``).
Record = _GENERATED.record
#: Every generated model by the schema part it mirrors (see :class:`_Generator`).
SCHEMA_PARTS: dict[str, type[BaseModel]] = _GENERATED.parts


class ExtractRequest(BaseModel):
    """``POST /extract`` as JSON; ``path`` is a label for the record, never opened."""

    model_config = _CLOSED
    text: str
    metadata: dict[str, Any] | None = None
    path: str | None = None
    doc_id: str | None = None


class ErrorBody(BaseModel):
    code: str
    message: str


class Error(BaseModel):
    error: ErrorBody


def _python_type(arrow: pa.DataType) -> Any:
    if pa.types.is_list(arrow):
        return list[str | None] | None
    if pa.types.is_integer(arrow):
        return int | None
    if pa.types.is_floating(arrow):
        return float | None
    if pa.types.is_boolean(arrow):
        return bool | None
    return str | None


def _row_model(name: str, table: str, extra: dict[str, Any] | None = None) -> type[BaseModel]:
    fields: dict[str, Any] = {
        f.name: (_python_type(f.type), None)
        for f in SCHEMAS[table]
        if f.name != "metadata" or table != "articles"
    }
    if table == "articles":
        fields["metadata"] = (dict[str, Any] | None, None)
    fields.update(extra or {})
    return create_model(name, **fields)


ArticleRow = _row_model("ArticleRow", "articles")
OfficialRow = _row_model("OfficialRow", "officials")
AwardRow = _row_model("AwardRow", "awards")
FactRow = create_model(
    "FactRow",
    doc_id=(str | None, None),
    fact_id=(str | None, None),
    quantity=(str | None, None),
    value=(float | None, None),
    value_max=(float | None, None),
    unit=(str | None, None),
    subject=(str | None, None),
    subject_id=(str | None, None),
    subject_label=(str | None, None),
    subject_place_code=(str | None, None),
    subject_place_level=(str | None, None),
    subject_province_code=(str | None, None),
    mentions=(list[str] | None, None),
    n_mentions=(int | None, None),
    dateline=(str | None, None),
)
PlaceRow = create_model(
    "PlaceRow",
    key=(str, ...),
    code=(str | None, None),
    level=(str | None, None),
    name=(str | None, None),
    status=(str | None, None),
    unit_type=(str | None, None),
    province=(str | None, None),
    province_code=(str | None, None),
    district=(str | None, None),
    district_code=(str | None, None),
    n_articles=(int, ...),
    n_mentions=(int | None, None),
)


def page_model(row: type[BaseModel]) -> type[BaseModel]:
    """A page of ``row``: items, count, total, limit, offset and the ``next`` link."""
    return create_model(
        f"{row.__name__}Page",
        items=(list[row], ...),  # type: ignore[valid-type]
        count=(int, ...),
        total=(int, ...),
        limit=(int, ...),
        offset=(int, ...),
        next=(str | None, None),
    )
