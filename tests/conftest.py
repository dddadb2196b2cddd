"""Shared fixtures: a real Neo4j for the whole session, a driver per test, an emptied graph.

Tests that use ``clean_graph`` delete every node of the session's database, so the session never
uses the graph a developer works with. It runs the project's own local server (``kg.neo4j_server``)
in a test home, ``.test-neo4j/`` beside this folder, on Bolt port 7688 and HTTP port 7475:
reused when it already runs, otherwise started here and stopped at the end of the session. To
run the suite against another server, set ``KG_TEST_NEO4J_URI`` (with ``KG_TEST_NEO4J_USERNAME``,
``KG_TEST_NEO4J_PASSWORD`` and optionally ``KG_TEST_NEO4J_DATABASE``): that database is wiped.
The developer's own ``NEO4J_*`` and ``KG_NEO4J_*`` settings are ignored for the whole session.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, NotificationMinimumSeverity

from kg import neo4j_server
from kg.connection import ConnectionSettings, open_driver, resolve_settings

TEST_HOME = Path(__file__).resolve().parent.parent / ".test-neo4j"
TEST_SERVER = {
    "KG_NEO4J_HOME": str(TEST_HOME),
    "KG_NEO4J_BOLT_PORT": "7688",
    "KG_NEO4J_HTTP_PORT": "7475",
}
CONNECTION_VARIABLES = ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def pytest_configure(config: pytest.Config) -> None:
    """Point the session (and every `kg` it runs) at test infrastructure only."""
    for name in (*CONNECTION_VARIABLES, "KG_NEO4J_LIB"):
        os.environ.pop(name, None)
    os.environ.update(TEST_SERVER)
    for name in CONNECTION_VARIABLES:
        value = os.environ.get(f"KG_TEST_{name}")
        if value:
            os.environ[name] = value


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
    from tests.cli import SEEDS, run_kg, settings_env

    driver = open_driver(neo4j_settings)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    result = run_kg("load", str(SEEDS), env=settings_env(neo4j_settings))
    assert result.returncode == 0, result.stderr
    yield driver
    driver.close()
