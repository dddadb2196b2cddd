"""Every notebook of `notebooks/` runs headless against the seeds graph and draws pictures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kg.connection import ConnectionSettings, open_driver
from tests.integration.cli import run_kg, settings_env

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def seeds_env(neo4j_settings: ConnectionSettings) -> Iterator[dict[str, str]]:
    """The NEO4J_* environment of a database holding exactly the seeds."""
    with open_driver(neo4j_settings) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    env = settings_env(neo4j_settings)
    result = run_kg("load", str(ROOT / "seeds"), env=env)
    assert result.returncode == 0, result.stderr
    yield env


def test_there_is_a_notebook() -> None:
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_and_draws(
    seeds_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        if name in seeds_env:
            monkeypatch.setenv(name, seeds_env[name])
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), (
        "commit notebooks with their outputs cleared"
    )
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=600,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    images = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "image/png" in output.get("data", {})
    ]
    assert images, f"{path.name} drew no picture"
