"""Running a Cypher template or statement, and turning Neo4j values into plain Python.

`run_template` and `run_cypher` return a `QueryResult` (column names and rows of driver values);
`plain` turns any value of a row (nodes, relationships, paths, temporal values, nested lists
and maps) into JSON-ready Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import NotificationMinimumSeverity
from neo4j.exceptions import Neo4jError
from neo4j.graph import Node, Path, Relationship

from kg.connection import neo4j_reason
from kg.errors import KgError
from kg.graph.templates import Template, get_template


@dataclass(frozen=True)
class QueryResult:
    """What a query returned: its column names and its rows (driver values, in column order)."""

    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        """The rows as plain, JSON-ready dicts keyed by column."""
        return [dict(zip(self.columns, map(plain, row), strict=True)) for row in self.rows]


def run_cypher(
    driver: neo4j.Driver,
    cypher: str,
    params: dict[str, Any] | None = None,
    database: str | None = None,
) -> QueryResult:
    """Run one read statement with `params`; a refusal by Neo4j becomes a one-line `KgError`."""
    try:
        with driver.session(
            database=database,
            default_access_mode=neo4j.READ_ACCESS,
            notifications_min_severity=NotificationMinimumSeverity.OFF,
        ) as session:
            result = session.run(cypher, params or {})
            columns = list(result.keys())
            rows = [list(record.values()) for record in result]
    except Neo4jError as exc:
        raise KgError(f"Neo4j refused the query: {neo4j_reason(exc)}") from exc
    return QueryResult(columns, rows)


def run_template(
    driver: neo4j.Driver,
    template: Template | str,
    values: dict[str, Any] | None = None,
    database: str | None = None,
) -> QueryResult:
    """Run a template (or the template of that name, see `kg query --list`) with its defaults
    overridden by `values` (typed, see `parse_params`)."""
    if isinstance(template, str):
        template = get_template(template)
    return run_cypher(driver, template.cypher, template.bind(values), database)


def node_key(node: Node) -> str:
    """A node's identity in kg: its `id` property (every kg node has one), else its element id."""
    value = node.get("id")
    return str(value) if value is not None else node.element_id


def plain(value: Any) -> Any:
    """`value` as JSON-ready Python: nodes, relationships and paths become dicts.

    A node is its properties plus `labels`; a relationship is `type`, `start`, `end` (node ids)
    plus its properties; a path is its `nodes` and `relationships`. Temporal values become ISO
    strings.
    """
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {
            "type": value.type,
            "start": node_key(value.start_node) if value.start_node else None,
            "end": node_key(value.end_node) if value.end_node else None,
            **{k: plain(v) for k, v in value.items()},
        }
    if isinstance(value, Path):
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
