"""Fixtures of the integration tests: a real Neo4j for the whole session, a driver per test,
an emptied graph, the seeds graph (see `tests/conftest.py` for which server and how to choose
another)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from neo4j import Driver, NotificationMinimumSeverity

from kg import neo4j_server
from kg.connection import ConnectionSettings, open_driver, resolve_settings


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[ConnectionSettings]:
    """How to reach the session's Neo4j (started here only if nothing provides one)."""
    if os.environ.get("NEO4J_URI"):
        yield resolve_settings(start_local=False)
        return
    already_running = neo4j_server.running_pid() is not None
    settings = resolve_settings(start_local=True)
    yield settings
    if not already_running:
        neo4j_server.stop()


@pytest.fixture
def neo4j_driver(neo4j_settings: ConnectionSettings) -> Iterator[Driver]:
    """A verified driver for the session's Neo4j, closed after the test."""
    driver = open_driver(neo4j_settings)
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture
def clean_graph(neo4j_driver: Driver, neo4j_settings: ConnectionSettings) -> Iterator[Driver]:
    """The driver, after every node and relationship of the database has been deleted."""
    # The `WITH n` import works on every 5.x server; 5.26 flags it as deprecated, hence no
    # notifications for this one statement.
    with neo4j_driver.session(
        database=neo4j_settings.database,
        notifications_min_severity=NotificationMinimumSeverity.OFF,
    ) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS").consume()
    yield neo4j_driver


@pytest.fixture(scope="module")
def seeds_graph(neo4j_settings: ConnectionSettings) -> Iterator[Driver]:
    """A driver on the database holding exactly the seeds, loaded once per test module."""
    from tests.integration.cli import SEEDS, run_kg, settings_env

    driver = open_driver(neo4j_settings)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    result = run_kg("load", str(SEEDS), env=settings_env(neo4j_settings))
    assert result.returncode == 0, result.stderr
    yield driver
    driver.close()


@pytest.fixture(scope="session")
def seeds_extracted(tmp_path_factory: pytest.TempPathFactory):
    """The seeds' extraction output (`kg extract seeds/ -o FILE`), written once a session."""
    from tests.integration.cli import SEEDS, run_kg

    out = tmp_path_factory.mktemp("extracted") / "seeds.jsonl"
    result = run_kg("extract", str(SEEDS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def seeds_load_fingerprint(neo4j_settings: ConnectionSettings) -> tuple[list, list]:
    """The stable fingerprint of the graph `kg load seeds/` makes in an empty database
    (computed once a session; it leaves the session's database holding the seeds)."""
    from tests.integration.cli import SEEDS, run_kg, settings_env
    from tests.integration.graph import stable_fingerprint

    with open_driver(neo4j_settings) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
        result = run_kg("load", str(SEEDS), env=settings_env(neo4j_settings))
        assert result.returncode == 0, result.stderr
        return stable_fingerprint(driver)
