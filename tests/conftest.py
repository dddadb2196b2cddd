"""Every test session runs against test infrastructure only.

`tests/unit` needs no database and runs in seconds (`pytest tests/unit`); `tests/integration`
talks to a real Neo4j, runs the real command line and executes the notebooks (its fixtures are
in `tests/integration/conftest.py`).

Integration tests that use ``clean_graph`` delete every node of the session's database, so the
session never uses the graph a developer works with. It runs the project's own local server
(``kg.neo4j_server``) in a test home, ``.test-neo4j/`` beside this folder, on Bolt port 7688 and
HTTP port 7475 (``KG_TEST_BOLT_PORT`` and ``KG_TEST_HTTP_PORT`` move it): reused when it
already runs, otherwise started here and stopped at the end of the session. Run in parallel
(``pytest -n 2``, pytest-xdist), worker K > 0 has its own server in ``.test-neo4j-gwK/`` on
those ports plus 10 K. To run the suite against another server, set ``KG_TEST_NEO4J_URI``
(with ``KG_TEST_NEO4J_USERNAME``, ``KG_TEST_NEO4J_PASSWORD`` and optionally
``KG_TEST_NEO4J_DATABASE``), without ``-n``: that database is wiped.
The developer's own ``NEO4J_*`` and ``KG_NEO4J_*`` settings are ignored for the whole session.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Under `pytest -n N` (pytest-xdist, as `make test` runs it) each worker but the first has a
# server of its own, in `.test-neo4j-gwK/` on ports 10 K higher: the tests that empty the
# graph never empty another worker's.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_PORT_OFFSET = 10 * int(_WORKER[2:]) if _WORKER.startswith("gw") else 0
TEST_HOME = Path(__file__).resolve().parent.parent / (
    f".test-neo4j-{_WORKER}" if _PORT_OFFSET else ".test-neo4j"
)
TEST_SERVER = {
    "KG_NEO4J_HOME": str(TEST_HOME),
    "KG_NEO4J_BOLT_PORT": str(int(os.environ.get("KG_TEST_BOLT_PORT", "7688")) + _PORT_OFFSET),
    "KG_NEO4J_HTTP_PORT": str(int(os.environ.get("KG_TEST_HTTP_PORT", "7475")) + _PORT_OFFSET),
}
CONNECTION_VARIABLES = ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def pytest_configure(config: pytest.Config) -> None:
    """Point the session (and every `kg` it runs) at test infrastructure only."""
    # `-n N` (N > 1, or `auto`) as pytest-xdist's controller reads it, before any worker starts
    parallel = getattr(config.option, "numprocesses", None) not in (None, 0, 1)
    if parallel and os.environ.get("KG_TEST_NEO4J_URI"):
        raise pytest.UsageError(
            "KG_TEST_NEO4J_URI names one database, which parallel workers would empty under "
            "each other's tests: run the suite against it without -n"
        )
    for name in (*CONNECTION_VARIABLES, "KG_NEO4J_LIB"):
        os.environ.pop(name, None)
    os.environ.update(TEST_SERVER)
    for name in CONNECTION_VARIABLES:
        value = os.environ.get(f"KG_TEST_{name}")
        if value:
            os.environ[name] = value
