"""`kg export`: the graph, or a template's or query's result, as GraphML, GEXF, node-link JSON or
an interactive HTML page."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.connection_options import DatabaseOpt, UriOpt, UserOpt, connection_settings
from kg.cli.console import err
from kg.cli.query_cmd import ParamOpt
from kg.errors import KgError

app = typer.Typer()


class ExportFormat(str, Enum):
    """The file formats of `kg export`."""

    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    html = "html"


@app.command()
def export(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="graphml, gexf (Gephi), json (NetworkX node-link) or html (a self-contained "
            "interactive page to open in a browser or send on).",
        ),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The file to write.", show_default=False)
    ],
    query: Annotated[
        str | None,
        typer.Option("--query", "-q", help="Export what this Cypher statement returns."),
    ] = None,
    template: Annotated[
        str | None,
        typer.Option("--template", "-t", help="Export what this template (kg query) returns."),
    ] = None,
    param: ParamOpt = None,
    uri: UriOpt = None,
    username: UserOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Write the whole graph, or the nodes, relationships and paths a query returns, to a file.

    The files load with networkx.read_graphml, read_gexf and node_link_graph, and in Gephi.
    In GraphML and GEXF, list properties (aliases, articles, evidence, ...) are JSON strings.
    The HTML page needs no network: nodes coloured by type, the sentences behind each
    relationship on hover.
    """
    from kg.connection import open_driver
    from kg.graph.networkx_export import to_networkx, write_graph
    from kg.graph.templates import get_template, parse_params

    if query and template:
        raise KgError("give --query or --template, not both")
    if param and not template:
        raise KgError("--param goes with --template (a --query takes no parameters here)")
    values = parse_params(get_template(template), param or []) if template else None
    settings = connection_settings(uri, username, database)
    with open_driver(settings) as driver:
        graph = to_networkx(driver, query or template, values, settings.database)
    write_graph(graph, output, output_format.value)
    err.print(
        f"wrote {graph.number_of_nodes()} node(s) and {graph.number_of_edges()} "
        f"relationship(s) to {output} ({output_format.value})"
    )
