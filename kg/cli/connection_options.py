"""The connection options every graph command takes, and how they become settings.

The password is never an option: it comes from ``NEO4J_PASSWORD`` or the local server's
password file, so that it does not show on a process listing or in shell history.
"""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.console import err
from kg.connection import ConnectionSettings, resolve_settings

UriOpt = Annotated[
    str | None,
    typer.Option("--uri", help="Neo4j URI (env NEO4J_URI); default: the local kg server."),
]
UserOpt = Annotated[str | None, typer.Option("--username", help="Neo4j user (env NEO4J_USERNAME).")]
DatabaseOpt = Annotated[
    str | None, typer.Option("--database", help="Neo4j database (env NEO4J_DATABASE).")
]


def connection_settings(
    uri: str | None, username: str | None, database: str | None
) -> ConnectionSettings:
    """Resolve where to connect, with a spinner while the local server starts if it must."""
    with err.status("connecting to Neo4j…") as spinner:
        return resolve_settings(
            uri=uri, username=username, database=database, on_step=spinner.update
        )
