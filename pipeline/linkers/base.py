"""What linkers read and return: located mentions in, relations (by mention id) out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.text.tokenize import DocContext
from pipeline.types import Mention, Warning_


@dataclass(frozen=True)
class Located:
    """A final mention: its id, the extractor's mention, and its source span and text."""

    id: str
    mention: Mention
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return self.mention.label


@dataclass
class Links:
    """Relations found over the located mentions (every reference is a mention id)."""

    officials: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    awards: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    event: dict[str, Any] | None = None  # its "name" is a working-text (start, end)
    mention_attrs: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[Warning_] = field(default_factory=list)


Linker = Callable[[DocContext, Sequence[Located]], Links]
