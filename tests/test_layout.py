"""The package's layers: no module imports from a layer above its own.

Layers, lowest first: the base (``errors``, ``types``, ``resources``), ``text``,
``extractors``, ``linkers``, ``record``, ``api``, ``runs``, ``evaluation``, ``apps``, and the
public re-exports at the top (``pipeline.batch``, ``pipeline.evaluate``, ``pipeline.report``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("pipeline", "pipeline.errors", "pipeline.types", "pipeline.resources"),
    ("pipeline.text",),
    ("pipeline.extractors",),
    ("pipeline.linkers",),
    ("pipeline.record",),
    ("pipeline.api",),
    ("pipeline.runs",),
    ("pipeline.evaluation",),
    ("pipeline.apps",),
    ("pipeline.batch", "pipeline.evaluate", "pipeline.report"),
)


def layer_of(module: str) -> int:
    """The index of the layer holding ``module`` (longest matching prefix wins)."""
    best, best_len = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    return best


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> list[str]:
    """Every ``pipeline`` module that ``path`` imports, at top level or inside functions."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names if a.name.split(".")[0] == "pipeline"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "pipeline":
                continue
            # ``from pipeline.x import y`` may import the submodule pipeline.x.y
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                sub_path = PACKAGE.parent.joinpath(*sub.split("."))
                is_module = sub_path.with_suffix(".py").exists() or sub_path.is_dir()
                names.append(sub if is_module else node.module)
    return names


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    assert [m for m in map(module_name, MODULES) if layer_of(m) < 0] == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_module_imports_from_a_layer_above_it(path: Path) -> None:
    own = layer_of(module_name(path))
    upward = [name for name in imported(path) if layer_of(name) > own]
    assert upward == [], f"{module_name(path)} imports from a layer above it: {upward}"


def test_the_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    fake = tmp_path / "m.py"
    fake.write_text("def f():\n    from pipeline.runs.batch import run_batch\n")
    assert [layer_of(n) for n in imported(fake)] == [layer_of("pipeline.runs")]
    assert layer_of("pipeline.runs.batch") > layer_of("pipeline.extractors.places")
