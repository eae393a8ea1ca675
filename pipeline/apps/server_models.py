"""Pydantic models of the API's JSON, for its OpenAPI description.

The record models mirror ``pipeline/schema/article.schema.json`` (tests check their
fields and required fields against it); the row models are made from the table schemas
of :mod:`pipeline.runs.tables`, so the API's field names are the tables' column names.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, create_model

from pipeline.runs.tables import SCHEMAS

_CLOSED = ConfigDict(extra="forbid")
_OPEN = ConfigDict(extra="allow")


class Source(BaseModel):
    model_config = _CLOSED
    path: str
    sha256: str
    encoding: str
    length: int


class Span(BaseModel):
    model_config = _CLOSED
    start: int
    end: int
    text: str


class Mention(BaseModel):
    model_config = _OPEN
    id: str
    label: str
    start: int
    end: int
    text: str
    rule: str
    value: Any = None
    value_max: Any = None
    unit: Any = None
    quantity: Any = None
    subject: Any = None
    measure: Any = None
    part_of_day: Any = None
    level: Any = None
    name: Any = None
    expanded: Any = None
    title: Any = None
    role: Any = None
    count: Any = None
    recipient: Any = None
    award: Any = None
    givers: Any = None


class Official(BaseModel):
    model_config = _CLOSED
    person: str | None
    name: str | None = None
    mentions: list[str]
    title: str | None
    org: str | None
    place: str | None


class Place(BaseModel):
    model_config = _OPEN
    mentions: list[str]
    level: str
    name: str
    status: str
    code: str | None = None
    unit_type: str | None = None
    parents: list[dict[str, Any]] | None = None
    successor: dict[str, Any] | None = None
    candidates: list[dict[str, Any]] | None = None
    note: str | None = None


class Award(BaseModel):
    model_config = _CLOSED
    kinds: list[str]
    recipients: list[str]
    givers: list[str]
    amount: str | None
    date: str | None
    place: str | None


class Event(BaseModel):
    model_config = _CLOSED
    name: Any
    date: Any
    place: Any
    organiser: Any


class Warning(BaseModel):
    model_config = _CLOSED
    code: str
    message: str


class Validation(BaseModel):
    model_config = _CLOSED
    valid: bool
    problems: list[str]


class Record(BaseModel):
    """One article's record (``pipeline/schema/article.schema.json``)."""

    model_config = _OPEN
    schema_version: str
    doc_id: str
    source: Source
    metadata: dict[str, Any] | None = None
    title: Span | None
    dateline: str | None
    mentions: list[Mention]
    officials: list[Official]
    places: list[Place]
    awards: list[Award]
    event: Event | None
    warnings: list[Warning]
    validation: Validation


#: Record models and the schema part each mirrors (``""``: the top level; else a ``$defs``
#: name or ``properties.<name>``).
SCHEMA_PARTS: dict[str, type[BaseModel]] = {
    "": Record,
    "properties.source": Source,
    "$defs.span": Span,
    "$defs.mention": Mention,
    "$defs.official": Official,
    "$defs.place": Place,
    "$defs.award": Award,
    "$defs.event": Event,
    "properties.warnings.items": Warning,
    "properties.validation": Validation,
}


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
