"""`kg import` against a real Neo4j: a second kg-managed server (an import needs its server
stopped) gets the seeds by neo4j-admin, and holds exactly the graph of `kg load seeds/`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.connection import ConnectionSettings, open_driver
from kg.errors import KgError
from kg.importing import import_paths
from kg.loading import load_paths
from tests.conftest import TEST_HOME
from tests.integration.cli import SEEDS, run_kg
from tests.integration.graph import stable_fingerprint

BOLT, HTTP = 7742, 7743


@pytest.fixture(scope="module")
def import_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict]]:
    """A home for a second local server, and the environment that makes `kg` use it (the
    session server's jars, when it has them); its server is stopped afterwards."""
    home = tmp_path_factory.mktemp("import-neo4j")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(KG_NEO4J_HOME=str(home), KG_NEO4J_BOLT_PORT=str(BOLT), KG_NEO4J_HTTP_PORT=str(HTTP))
    if (TEST_HOME / "lib").is_dir():
        env["KG_NEO4J_LIB"] = str(TEST_HOME / "lib")
    yield home, env
    run_kg("neo4j", "stop", env=env)


def test_import_makes_the_graph_of_kg_load(
    import_home, seeds_load_fingerprint, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, env = import_home
    result = run_kg("import", str(SEEDS), env=env)
    assert result.returncode == 0, result.stderr
    assert "imported 2 article(s)" in result.stderr
    password = (home / "password").read_text().strip()
    settings = ConnectionSettings(f"bolt://127.0.0.1:{BOLT}", "neo4j", password)
    with open_driver(settings) as driver:
        assert stable_fingerprint(driver) == seeds_load_fingerprint
        records, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN collect(name) AS n")
        assert {"entity_names", "article_id", "entity_id"} <= set(records[0]["n"])
        # A database that holds anything is refused, and left as it is (in this process, to
        # spare the start-up of two more commands).
        for name, value in env.items():
            if name.startswith("KG_NEO4J_"):
                monkeypatch.setenv(name, value)
        with pytest.raises(KgError, match="is not empty: kg import writes into an empty"):
            import_paths([SEEDS])
        # kg load goes on from the imported graph: the same articles are unchanged.
        report = load_paths([SEEDS], driver)
        assert (len(report.written), len(report.unchanged)) == (0, 2)
        assert stable_fingerprint(driver) == seeds_load_fingerprint


def test_csv_only_writes_the_files_and_the_command(seeds_extracted: Path, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    result = run_kg("import", str(seeds_extracted), "--csv-only", str(folder))
    assert result.returncode == 0, result.stderr
    command = result.stdout.strip()
    assert command.startswith("neo4j-admin database import full neo4j --overwrite-destination")
    files = [part.split("=", 1)[1] for part in command.split() if part.startswith("--nodes=")]
    assert files[0] == "articles.csv" and all((folder / name).is_file() for name in files)
    header = (folder / "entities.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id:ID(Entity),:LABEL,aliases:string[]")
    assert "mentionCount:long" in header
    assert "CREATE FULLTEXT INDEX entity_names" in (folder / "after-import.cypher").read_text()
    assert "cypher-shell -f after-import.cypher" in result.stderr
