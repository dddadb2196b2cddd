"""The layout is the pipeline: data flows one way between the stages, and there are no circles.

Stages, in order: reading (`kg.ingest`), analysis and the rule language
(`kg.extraction.analyse`, `kg.extraction.rules`), resolution (`kg.extraction.resolve`), the two
put together (`kg.extraction.pipeline`), the graph side (`kg.graph`), loading (`kg.loading`),
forgetting (`kg.forgetting`, which reuses the loader's steps), the command line (`kg.cli`). A
module may import from its own stage or an earlier one, never from a later one. Imports inside
functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "kg"
STAGES = (
    ("kg.ingest",),
    ("kg.extraction.analyse", "kg.extraction.rules"),
    ("kg.extraction.resolve",),
    ("kg.extraction.pipeline", "kg.extraction"),
    ("kg.graph", "kg.evaluation"),
    ("kg.loading", "kg.importing"),
    ("kg.forgetting",),
    ("kg.cli",),
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "kg" or name.startswith("kg.")}


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: {i for i in _imports(path) if i in MODULES} for name, path in MODULES.items()}


def _stage(module: str) -> int | None:
    for index, prefixes in enumerate(STAGES):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            # kg.extraction's own __init__ is documentation only; its pipeline is stage 3.
            return index
    return None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_later_stage(module: str) -> None:
    own = _stage(module)
    later = [
        imported
        for imported in GRAPH[module]
        if (stage := _stage(imported)) is not None and (own is None or stage > own)
    ]
    assert not later, f"{module} (stage {own}) imports later stages: {later}"


def test_no_import_circles() -> None:
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        if module in done:
            return
        assert module not in visiting, " -> ".join([*visiting[visiting.index(module) :], module])
        visiting.append(module)
        for imported in GRAPH[module]:
            if imported != module and not module.startswith(imported + "."):
                visit(imported)
        visiting.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)


@pytest.mark.parametrize(
    "path", [*sorted((PACKAGE / "cli").glob("*.py")), PACKAGE / "graph" / "networkx_export.py"]
)
def test_no_cypher_outside_the_statements_module_and_the_templates(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    cypher = [s for s in strings if any(k in s for k in ("MATCH (", "MERGE (", "RETURN "))]
    assert not cypher, f"{path.name} holds Cypher: {cypher}"
