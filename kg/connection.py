"""How every command gets its Neo4j connection: settings first, then a verified driver.

Settings follow Neo4j's conventions: explicit arguments win, then ``NEO4J_URI``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``; with no URI at all, the project's
own local server (:mod:`kg.neo4j_server`) is used, started when needed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

import neo4j
from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

from kg.errors import KgError


def neo4j_reason(exc: Neo4jError) -> str:
    """Neo4j's reason for refusing a statement, on one line."""
    return " ".join((exc.message or str(exc)).split())


@dataclass(frozen=True)
class ConnectionSettings:
    """Where and how to connect to Neo4j."""

    uri: str
    username: str
    password: str = field(repr=False)
    database: str | None = None
    local: bool = False
    """True when this is the project's own local server."""


def resolve_settings(
    uri: str | None = None,
    username: str | None = None,
    password: str | None = None,
    database: str | None = None,
    start_local: bool = True,
    on_step: Callable[[str], None] | None = None,
) -> ConnectionSettings:
    """The connection settings: arguments, then ``NEO4J_*`` variables, then the local server.

    Without any URI the local server is used: started (idempotently) when ``start_local``,
    otherwise it has to be running already; ``on_step`` hears about each long start-up step.
    Raises ``KgError`` when settings are missing.
    """
    uri = uri or os.environ.get("NEO4J_URI") or None
    database = database or os.environ.get("NEO4J_DATABASE") or None
    if uri:
        username = username or os.environ.get("NEO4J_USERNAME") or "neo4j"
        if password is None:
            password = os.environ.get("NEO4J_PASSWORD")
        if password is None:
            raise KgError(f"no password for Neo4j at {uri}: set NEO4J_PASSWORD")
        return ConnectionSettings(uri, username, password, database, local=False)

    from kg import neo4j_server

    if start_local:
        info = neo4j_server.start(on_step=on_step)
    else:
        info = neo4j_server.status()
        if info is None:
            raise KgError(
                "the local Neo4j server is not running and NEO4J_URI is not set: "
                "run `kg neo4j start`, or set NEO4J_URI to your own Neo4j"
            )
    return ConnectionSettings(
        info.bolt_uri,
        username or info.username,
        password if password is not None else info.password,
        database,
        local=True,
    )


def open_driver(settings: ConnectionSettings) -> neo4j.Driver:
    """A driver for ``settings`` whose connectivity is verified (``KgError`` with one line if not).

    The caller closes it (it is a context manager).
    """
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri,
            auth=(settings.username, settings.password),
            # Neo4j's hints ("property does not exist" on a new database) are for query
            # authors; the driver would log them as warnings on the user's terminal.
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        )
    except (ConfigurationError, ValueError) as exc:
        raise KgError(f"invalid Neo4j URI {settings.uri!r}: {_one_line(exc)}") from exc
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        driver.close()
        where = (
            f"check {_local_password_file()} (or restart with `kg neo4j start`)"
            if settings.local
            else "check NEO4J_USERNAME and NEO4J_PASSWORD"
        )
        raise KgError(
            f"Neo4j at {settings.uri} refused the credentials of user "
            f"{settings.username!r}: {where}"
        ) from exc
    except ServiceUnavailable as exc:
        driver.close()
        hint = (
            "start it with `kg neo4j start`"
            if settings.local
            else "check NEO4J_URI, or unset it to use the local server (`kg neo4j start`)"
        )
        raise KgError(f"cannot reach Neo4j at {settings.uri}: is it running? {hint}") from exc
    except BaseException:
        driver.close()
        raise
    return driver


def _local_password_file() -> str:
    from kg import neo4j_server

    return str(neo4j_server.password_file())


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
