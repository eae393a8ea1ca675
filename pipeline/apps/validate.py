"""``vnie validate``: check record files against their sources, one verdict per record.

Each record is checked in full (:func:`pipeline.apps.report.sources.source_problems`): the
schema first, then its source found again for every input kind (a file, an HTML page, a
JSONL line, a CSV row), the digest, the grounding of every span, and every derived value
re-derived by extraction. A record file that is missing, not JSON or not a record, and a
record whose source is missing or changed, are each reported and the next one is checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.apps.report.sources import find_source, load_entries, source_problems
from pipeline.errors import VnieError


@dataclass(frozen=True)
class Verdict:
    """One record's verdict: where it is (file, or ``file`` line ``n`` of a JSONL) and its
    problems (empty: valid)."""

    where: str
    problems: tuple[str, ...]

    @property
    def valid(self) -> bool:
        return not self.problems


def check_files(paths: Sequence[Path], *, source: Path | None = None) -> Iterator[Verdict]:
    """A verdict for every record in ``paths`` (``.json``: one record or a list; ``.jsonl``:
    one per line). ``source`` names the article file for all of them (default: each
    record's ``source.path``, as given, then beside the record file)."""
    for path in paths:
        if not path.is_file():
            yield Verdict(str(path), ("no such record file",))
            continue
        try:
            entries = load_entries(path)
        except VnieError as err:
            yield Verdict(str(path), (str(err),))
            continue
        search = [path.resolve().parent, path.resolve().parent.parent]
        many = len(entries) > 1 or path.suffix == ".jsonl"
        for entry in entries:
            where = str(path)
            if many:
                where += f" ({entry.where})"
            if entry.problem is not None:
                yield Verdict(where, (entry.problem,))
                continue
            found = find_source(entry.record, search, override=source)
            problems = source_problems(entry.record, found)
            if found.text is None and problems and problems[0].startswith("source:"):
                problems[0] += "; pass --source FILE"
            yield Verdict(where, tuple(problems))
