"""`kg neo4j start/stop/status/env/shell`: the project's own local Neo4j Community server."""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import Annotated

import typer

from kg import neo4j_server
from kg.cli.console import err, out
from kg.errors import KgError

EXIT_NOT_RUNNING = 3

app = typer.Typer(
    help=(
        "Run a local Neo4j Community server (the real one, fetched from Maven Central) for "
        "people without their own. It listens on 127.0.0.1 only, with a generated password "
        "kept in a user-only file. Its home is $KG_NEO4J_HOME, default "
        "$XDG_DATA_HOME/kg/neo4j (~/.local/share/kg/neo4j)."
    ),
    no_args_is_help=True,
)


def _print_info(info: neo4j_server.ServerInfo) -> None:
    out.print(f"Bolt:     {info.bolt_uri}")
    out.print(f"Username: {info.username}")
    out.print(f'Password: in {neo4j_server.password_file()} (or: eval "$(kg neo4j env)")')
    if info.browser_url:
        out.print(f"Browser:  {info.browser_url}")
    else:
        out.print(
            f"Browser:  not served at {info.http_url}/browser/ (use a driver or cypher-shell "
            f"with {info.bolt_uri})"
        )
    out.print(f"pid:      {info.pid}")
    out.print(f"home:     {info.home}")


@app.command()
def start(
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for the server to answer on Bolt.")
    ] = 180.0,
) -> None:
    """Start the local server (does nothing if it already runs) and say how to reach it.

    The first start fetches the Neo4j jars with Maven (Java 17+ and Maven needed) and generates
    the password.
    """
    already = neo4j_server.running_pid()
    with err.status("Starting the local Neo4j server…") as spinner:
        info = neo4j_server.start(timeout, on_step=spinner.update)
    verb = "already running" if already == info.pid else "started"
    out.print(f"Neo4j {info.version} {verb}.")
    _print_info(info)


@app.command()
def stop(
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for a clean shutdown before killing it.")
    ] = 60.0,
) -> None:
    """Stop the local server cleanly."""
    pid = neo4j_server.running_pid()
    with err.status("Stopping the local Neo4j server…"):
        was_running = neo4j_server.stop(timeout)
    if was_running:
        out.print(f"Stopped the local Neo4j server (pid {pid}).")
    else:
        out.print("The local Neo4j server was not running.")


@app.command()
def status() -> None:
    """Say whether the local server runs. Exit code 0: running; 3: not running."""
    info = neo4j_server.status()
    if info is None:
        pid = neo4j_server.running_pid()
        if pid is not None:
            out.print(
                f"not running: process {pid} exists but does not answer on Bolt yet "
                f"(starting, or stuck: see {neo4j_server.server_home() / 'logs' / 'console.log'})"
            )
        else:
            out.print("not running")
        raise typer.Exit(EXIT_NOT_RUNNING)
    out.print(f"running: Neo4j {info.version}")
    _print_info(info)


@app.command()
def env() -> None:
    """Print shell `export` lines of NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD.

    For `eval "$(kg neo4j env)"`, which points other tools at the local server. This is the one
    command that shows the password.
    """
    username, password = neo4j_server.credentials()
    uri = neo4j_server.local_bolt_uri()
    for name, value in (
        ("NEO4J_URI", uri),
        ("NEO4J_USERNAME", username),
        ("NEO4J_PASSWORD", password),
    ):
        typer.echo(f"export {name}={shlex.quote(value)}")


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def shell(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            "-f",
            help="Run the Cypher statements of this file, then exit.",
            exists=True,
            dir_okay=False,
            readable=True,
            show_default=False,
        ),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-P",
            help="A query parameter for the session, as cypher-shell takes it: "
            "'{name: \"قاآني\"}' or 'name => \"قاآني\"' (repeatable).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Open cypher-shell (Neo4j's own, from Maven Central) on the local server, logged in.

    Without -f it is interactive; a Cypher statement as the last argument runs it and exits.
    Other cypher-shell options (--format plain, -d DATABASE, ...) pass through as they are.
    The first run fetches cypher-shell's jars with Maven; the server starts if it must.
    """
    args = [*(["--file", str(file)] if file else [])]
    for value in param or []:
        args += ["--param", value]
    args += ctx.args
    with err.status("Preparing cypher-shell…") as spinner:
        prepared = neo4j_server.shell(args, on_step=spinner.update)
    try:
        os.execve(prepared.command[0], prepared.command, prepared.env)
    except OSError as exc:
        raise KgError(f"cannot run {prepared.command[0]}: {exc.strerror}") from None
