"""`kg query`: run a Cypher template of `cypher/` and print its result as a table, JSON or CSV."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from kg.cli.connection_options import DatabaseOpt, UriOpt, UserOpt, connection_settings
from kg.cli.console import out
from kg.cli.formats import BidiSafe, OutputFormat, result_table, write_csv, write_json
from kg.errors import KgError
from kg.graph.templates import Template

app = typer.Typer()

ParamOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--param",
        "-p",
        help="A template parameter as NAME=VALUE (repeatable); typed by the template's header.",
        show_default=False,
    ),
]


@app.command()
def query(
    name: Annotated[
        str | None, typer.Argument(help="Template name (see --list).", show_default=False)
    ] = None,
    param: ParamOpt = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", help="table for reading, json or csv (spreadsheets) for data."
        ),
    ] = OutputFormat.table,
    list_templates: Annotated[
        bool, typer.Option("--list", help="List the templates, their questions and parameters.")
    ] = False,
    uri: UriOpt = None,
    username: UserOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Run a Cypher template from cypher/ with typed --param values.

    Entities can be named by id (esmail-qaani), Arabic name or alias (قاآني) or English name.
    The table keeps Arabic in logical order; for spreadsheets use --format csv.
    """
    from kg.graph.templates import get_template, parse_params, templates

    if list_templates:
        _print_templates(templates().values())
        return
    if name is None:
        raise KgError("name a template (`kg query --list` shows them)")
    template = get_template(name)
    values = parse_params(template, param or [])

    from kg.connection import open_driver
    from kg.graph.query import run_template

    settings = connection_settings(uri, username, database)
    with open_driver(settings) as driver:
        result = run_template(driver, template, values, settings.database)
    if output_format is OutputFormat.json:
        write_json(result, sys.stdout)
    elif output_format is OutputFormat.csv:
        write_csv(result, sys.stdout)
    else:
        out.print(result_table(result))
        out.print(f"{len(result.rows)} row(s)", style="dim")


def _print_templates(found: Iterable[Template]) -> None:
    table = Table(show_lines=True)
    table.add_column("template", style="bold", no_wrap=True)
    table.add_column("answers")
    table.add_column("parameters (type = default)")
    for template in found:
        params = "\n".join(
            f"• {p.name} {p.type_name} = {_default(p.default)}: {p.help}".rstrip(": ")
            for p in template.params
        )
        table.add_row(
            Text(template.name),
            Text(f"{template.answers}\nBrowser: {template.browser_params()}"),
            Text(params),
        )
    out.print(BidiSafe(table))


def _default(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
