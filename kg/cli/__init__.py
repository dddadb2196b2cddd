"""The `kg` command line: one Typer app, one sub-app per command group."""

from __future__ import annotations

import logging
import sys

import typer
from rich.markup import escape

from kg.cli.console import err
from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Arabic news articles to a Neo4j knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    """Attach each command module's Typer app (imported here to keep start-up cheap): the
    groups under their name (`kg neo4j ...`, `kg ner ...`), the others at the top level."""
    from kg.cli import (
        corpus_cmd,
        eval_cmd,
        export_cmd,
        import_cmd,
        learn_cmd,
        neo4j_cmd,
        ner_cmd,
        query_cmd,
        train_cmd,
    )

    for module in (corpus_cmd, import_cmd, query_cmd, export_cmd, eval_cmd, train_cmd, learn_cmd):
        app.add_typer(module.app)
    app.add_typer(neo4j_cmd.app, name="neo4j")
    app.add_typer(ner_cmd.app, name="ner")


def main() -> None:
    """Console-script entry point: run the app, turning user errors into one line and exit 1.

    Usage errors (bad options or values) are Typer's own: a short usage message and exit 2.
    """
    _register()
    # The driver logs each transaction it retries (a deadlock, a server restarting) as a
    # warning, which Python would print with Neo4j's error text although nothing failed:
    # what does fail reaches kg as an exception and is reported in one line.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    try:
        app(prog_name="kg")
    except KgError as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}")
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("[bold red]aborted[/]")
        sys.exit(130)
