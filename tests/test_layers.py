"""The one-way data flow, enforced: each layer imports only from the layers to its left.

    sources -> model -> normalise -> index -> match -> evaluate -> scan -> cli | api | batch

`tamis.model.entity`, `tamis.errors`, `tamis.settings` and `tamis.resources` are the shared
vocabulary every layer may use. Scanning an article is a use of the engine that the front
ends (cli, api, batch) offer; the front ends never import each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tamis"
ORDER = ["sources", "model", "normalise", "index", "match", "evaluate", "scan"]
CONSUMERS = ["cli", "api", "batch"]
SHARED = {"tamis.model.entity", "tamis.errors", "tamis.settings", "tamis.resources"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {n for n in names if n.startswith("tamis.")}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def _allowed(layer: str) -> set[str]:
    if layer in CONSUMERS:
        return set(ORDER) | {layer}
    return set(ORDER[: ORDER.index(layer) + 1])


@pytest.mark.parametrize("layer", ORDER + CONSUMERS)
def test_layer_imports_only_from_its_left(layer: str) -> None:
    folder = PACKAGE / layer
    if not folder.is_dir():
        pytest.skip(f"tamis.{layer} does not exist yet")
    bad = []
    for path in folder.rglob("*.py"):
        for module in _imports(path):
            if any(module == s or module.startswith(s + ".") for s in SHARED):
                continue
            target = _layer(module)
            if target and target not in _allowed(layer) and (PACKAGE / target).exists():
                bad.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    assert not bad, "\n".join(bad)
