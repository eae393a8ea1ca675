"""Notebooks are executed top to bottom so they cannot rot."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def _execute(name: str) -> nbformat.NotebookNode:
    path = NOTEBOOKS / name
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=900, kernel_name="python3", resources={"metadata": {"path": NOTEBOOKS}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    return notebook


def _text(cell: nbformat.NotebookNode) -> str:
    parts = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        parts.append(
            output.get("text", "") + data.get("text/plain", "") + data.get("text/html", "")
        )
    return "".join(parts)


def test_evaluate_dev_notebook_runs_and_shows_tables() -> None:
    notebook = _execute("evaluate_dev.ipynb")
    code = [c for c in notebook.cells if c.cell_type == "code"]
    outputs = [_text(c) for c in code]
    assert "articles" in outputs[1] and "gold mentions" in outputs[1]
    table = next(
        o for o, c in zip(outputs, code, strict=True) if "table = scores.table()" in c.source
    )
    assert "strict_f1" in table and "micro" in table
    errors = next(o for o, c in zip(outputs, code, strict=True) if c.source.startswith("errors[["))
    assert "context" in errors and "kind" in errors
