"""`kg query`: run a Cypher template of `cypher/` and print its result as a table, JSON or CSV."""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from kg.cli.connection_options import DatabaseOpt, UriOpt, UserOpt, connection_settings
from kg.cli.console import err, out
from kg.cli.formats import BidiSafe, OutputFormat, result_table, write_csv, write_json
from kg.errors import KgError
from kg.graph.templates import Template

if TYPE_CHECKING:
    from neo4j import Driver

    from kg.connection import ConnectionSettings

app = typer.Typer()

PROFILE = "entity-profile"
"""The template that finds one entity the way every template with an entity parameter does."""

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
        unknown = [] if result.rows else _unknown_entities(driver, template, values, settings)
    if output_format is OutputFormat.json:
        write_json(result, sys.stdout)
    elif output_format is OutputFormat.csv:
        write_csv(result, sys.stdout)
    else:
        out.print(result_table(result))
        out.print(f"{len(result.rows)} row(s)", style="dim")
    for name in unknown:
        err.print(
            Text(
                f"no entity of the graph is called {name!r}; to find how it is written there: "
                f"kg query name-search -p {shlex.quote('query=' + name)}"
            )
        )


def _unknown_entities(
    driver: Driver, template: Template, values: dict[str, Any], settings: ConnectionSettings
) -> list[str]:
    """The values of the template's entity parameters that name no entity of the graph (the
    `entity-profile` template finds an entity exactly as every other template does)."""
    from kg.graph.query import run_template

    bound = template.bind(values)
    names = [bound[p.name] for p in template.entity_params()]
    return [
        name
        for name in names
        if isinstance(name, str)
        and name.strip()
        and not run_template(driver, PROFILE, {"entity": name}, settings.database).rows
    ]


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
