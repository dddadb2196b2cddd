"""Every notebook of `notebooks/` runs headless against the seeds graph, and what it draws is
looked at: each figure's Arabic is drawn as written (joined, right to left; see
`tests/arabic_figures.py`) and no two labels overlap (`tests/figure_checks.py`).

Set `KG_TEST_SCREENSHOTS` to a folder to keep the figures as PNG files.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import kg
from kg.connection import ConnectionSettings, open_driver
from tests.arabic_figures import arabic_words
from tests.figure_checks import RECORD, REPORT
from tests.integration.cli import run_kg, settings_env

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MARKER = "KG-FIGURES "


@pytest.fixture(scope="module")
def seeds_env(neo4j_settings: ConnectionSettings) -> Iterator[dict[str, str]]:
    """The NEO4J_* environment of a database holding exactly the seeds."""
    with open_driver(neo4j_settings) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    env = settings_env(neo4j_settings)
    result = run_kg("load", str(ROOT / "seeds"), env=env)
    assert result.returncode == 0, result.stderr
    yield env


@pytest.fixture(scope="module")
def known_words(seeds_env: dict[str, str], neo4j_settings: ConnectionSettings) -> list[str]:
    """The Arabic words of the graph's own text: what a label may be made of."""
    graph = kg.to_networkx(neo4j_settings)
    texts = [
        value
        for _, data in graph.nodes(data=True)
        for value in [*data.values(), *(data.get("aliases") or [])]
        if isinstance(value, str)
    ]
    return sorted(arabic_words(texts))


def test_there_is_a_notebook() -> None:
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_and_draws_right(
    seeds_env: dict[str, str],
    known_words: list[str],
    monkeypatch: pytest.MonkeyPatch,
    path: Path,
    tmp_path: Path,
) -> None:
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        if name in seeds_env:
            monkeypatch.setenv(name, seeds_env[name])
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), (
        "commit notebooks with their outputs cleared"
    )
    notebook.cells.insert(0, nbformat.v4.new_code_cell(RECORD))
    notebook.cells.append(
        nbformat.v4.new_code_cell(REPORT.format(root=str(ROOT), known=known_words))
    )
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=600,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    images = [o["data"]["image/png"] for o in outputs if "image/png" in o.get("data", {})]
    assert images, f"{path.name} drew no picture"
    folder = Path(os.environ.get("KG_TEST_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    for number, image in enumerate(images, 1):
        (folder / f"{path.stem}-figure{number}.png").write_bytes(base64.b64decode(image))

    [line] = [
        line
        for o in outputs
        if o.get("output_type") == "stream"
        for line in o["text"].splitlines()
        if line.startswith(MARKER)
    ]
    figures = json.loads(line.removeprefix(MARKER))
    assert len(figures) == len(images)
    for number, figure in enumerate(figures, 1):
        assert figure["arabic_lines"] > 0, f"figure {number} shows no Arabic name"
        assert figure["wrong"] == [], f"figure {number} draws Arabic wrong"
        assert figure["overlaps"] == [], f"figure {number} has overlapping labels"
