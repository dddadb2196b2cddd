"""The `kg` command line: one Typer app, one sub-app per command group."""

from __future__ import annotations

import sys

import typer

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
    """Attach the command modules to the app (imported here to keep start-up cheap)."""
    from kg.cli import corpus_cmd, neo4j_cmd

    app.add_typer(neo4j_cmd.app, name="neo4j")
    corpus_cmd.register(app)


def main() -> None:
    """Console-script entry point: run the app, turning user errors into one line and exit 1."""
    _register()
    try:
        exit_code = app(prog_name="kg", standalone_mode=False)
    except KgError as exc:
        err.print(f"[bold red]error:[/] {exc}")
        sys.exit(1)
    except (typer.Abort, KeyboardInterrupt):
        err.print("[bold red]aborted[/]")
        sys.exit(130)
    except Exception as exc:  # click usage errors arrive here in non-standalone mode
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise
    sys.exit(exit_code if isinstance(exit_code, int) else 0)
