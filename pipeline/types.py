"""Frozen dataclasses passed between stages.

Offsets inside the pipeline are into the *working* text (normalised by ingest);
:mod:`pipeline.record.assemble` turns them into offsets into the decoded source text once,
at the end. Every offset is a code-point index, end excluded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LABELS: tuple[str, ...] = ("PERSON", "TITLE", "ORG", "PLACE", "DATE", "FIGURE", "AWARD")


@dataclass(frozen=True, slots=True)
class Mention:
    """One extracted span of the working text, with its attributes and the rule that fired."""

    label: str
    start: int
    end: int
    rule: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def with_attrs(self, **attrs: Any) -> Mention:
        """A copy with ``attrs`` merged over the current attributes."""
        return Mention(self.label, self.start, self.end, self.rule, {**self.attrs, **attrs})


@dataclass(frozen=True, slots=True)
class Warning_:
    """A non-fatal finding about one article (coded, human-readable)."""

    code: str
    message: str
