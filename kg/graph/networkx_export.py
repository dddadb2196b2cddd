"""The graph (or what a Cypher query or template returns) as a NetworkX `MultiDiGraph`, and files.

Nodes are keyed by their kg `id` and keep it as an attribute, with `labels` as one string
(`Entity:Person`, sorted), a display `label` (Arabic name, article title, `Visit 2023-09`) and
every property. Edges are keyed by their relationship type (`MENTIONS#2` for a second one
between the same two nodes) and keep `type` and every property, so provenance (`articles`,
`sentences`, `evidence`, `rules`, `count`) travels with them.

`write_graph` writes GraphML, GEXF 1.2, node-link JSON or an interactive HTML page
(`kg.graph.html_export`). GraphML and GEXF cannot hold lists: there, list properties
(`aliases`, `articles`, `sentences`, `evidence`, `times`, `rules`, ...) are JSON strings
(`json.loads` gives the list back) and empty values are left out; node-link JSON keeps them as
lists. GEXF reserves some attribute names for itself, so there an edge's relationship type is
its GEXF `label` (and attribute `relationship`), and the character offsets `start` and `end`
of sentences and mentions are called `textStart` and `textEnd`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import neo4j
import networkx as nx
from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath

from kg.connection import ConnectionSettings, open_driver, resolve_settings
from kg.errors import KgError
from kg.graph.query import node_key, plain, run_cypher
from kg.graph.statements import ALL_NODES, ALL_RELATIONSHIPS, NODES_BY_ELEMENT_ID
from kg.graph.templates import get_template, templates

FORMATS = ("graphml", "gexf", "json", "html")


def to_networkx(
    driver_or_settings: neo4j.Driver | ConnectionSettings | None = None,
    query: str | None = None,
    params: dict[str, Any] | None = None,
    database: str | None = None,
) -> nx.MultiDiGraph:
    """The kg graph, or the part of it a query returns, as a `networkx.MultiDiGraph`.

    `driver_or_settings` is an open driver, connection settings, or None for the `NEO4J_*`
    environment (else the local kg server). `query` is None for the whole graph, the name of a
    template of `cypher/` (its defaults overridden by `params`), or a Cypher statement (with
    `params`): every node, relationship and path it returns, nested in lists and maps or not,
    becomes part of the graph, and the end nodes of returned relationships come along.
    """
    if isinstance(driver_or_settings, neo4j.Driver):
        return _to_networkx(driver_or_settings, query, params, database)
    settings = driver_or_settings or resolve_settings()
    with open_driver(settings) as driver:
        return _to_networkx(driver, query, params, database or settings.database)


def _to_networkx(
    driver: neo4j.Driver, query: str | None, params: dict[str, Any] | None, database: str | None
) -> nx.MultiDiGraph:
    if query is None:
        nodes = _values(run_cypher(driver, ALL_NODES, database=database).rows)
        relationships = _values(run_cypher(driver, ALL_RELATIONSHIPS, database=database).rows)
    else:
        if query in templates():
            template = get_template(query)
            query, params = template.cypher, template.bind(params)
        values = list(_values(run_cypher(driver, query, params, database).rows))
        nodes, relationships = values, values
    return build_graph(driver, nodes, relationships, database)


def _values(rows: list[list[Any]]) -> Iterator[Any]:
    for row in rows:
        yield from row


def build_graph(
    driver: neo4j.Driver,
    nodes: Iterable[Any],
    relationships: Iterable[Any],
    database: str | None = None,
) -> nx.MultiDiGraph:
    """A graph of the nodes and relationships found in `nodes` and `relationships` (any values).

    End nodes that arrive without their properties (a query that returned only relationships)
    are fetched with one more query.
    """
    graph = nx.MultiDiGraph()
    found_nodes: dict[str, Node] = {}
    found_relationships: dict[str, Relationship] = {}
    for value in nodes:
        _collect(value, found_nodes, found_relationships)
    for value in relationships:
        _collect(value, found_nodes, found_relationships)
    for rel in found_relationships.values():
        for end in (rel.start_node, rel.end_node):
            if end is not None and end.element_id not in found_nodes:
                found_nodes[end.element_id] = end
    _complete(driver, found_nodes, database)
    keys = {element_id: node_key(node) for element_id, node in found_nodes.items()}
    for node in found_nodes.values():
        graph.add_node(keys[node.element_id], **node_attributes(node))
    for rel in found_relationships.values():
        source, target = keys[rel.start_node.element_id], keys[rel.end_node.element_id]
        key = _edge_key(graph, source, target, rel.type)
        graph.add_edge(source, target, key=key, **edge_attributes(rel))
    return graph


def _edge_key(graph: nx.MultiDiGraph, source: str, target: str, relationship: str) -> str:
    """The relationship type, numbered (`MENTIONS#2`) when the pair already has one of that type."""
    key, number = relationship, 1
    while graph.has_edge(source, target, key):
        number += 1
        key = f"{relationship}#{number}"
    return key


def _collect(value: Any, nodes: dict[str, Node], relationships: dict[str, Relationship]) -> None:
    if isinstance(value, Node):
        if value.element_id not in nodes or not nodes[value.element_id].labels:
            nodes[value.element_id] = value
    elif isinstance(value, Relationship):
        relationships[value.element_id] = value
    elif isinstance(value, GraphPath):
        for node in value.nodes:
            _collect(node, nodes, relationships)
        for rel in value.relationships:
            _collect(rel, nodes, relationships)
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, nodes, relationships)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _collect(item, nodes, relationships)


def _complete(driver: neo4j.Driver, nodes: dict[str, Node], database: str | None) -> None:
    """Replace nodes known only by element id (no labels) with the full nodes."""
    bare = [element_id for element_id, node in nodes.items() if not node.labels]
    if not bare:
        return
    rows = run_cypher(driver, NODES_BY_ELEMENT_ID, {"ids": bare}, database).rows
    for (node,) in rows:
        nodes[node.element_id] = node


def node_attributes(node: Node) -> dict[str, Any]:
    """A node's attributes: `id`, `labels` (`Entity:Person`), a display `label`, its properties."""
    props = {k: plain(v) for k, v in node.items()}
    return {
        **props,
        "id": node_key(node),
        "labels": ":".join(sorted(node.labels)),
        "label": _caption(node),
    }


def _caption(node: Node) -> str:
    if "Event" in node.labels:
        return " ".join(str(node[k]) for k in ("type", "date") if node.get(k))
    for key in ("name", "title", "text"):
        if node.get(key):
            return str(node[key])
    return node_key(node)


def edge_attributes(rel: Relationship) -> dict[str, Any]:
    """A relationship's attributes: its `type` and every property (provenance included)."""
    return {**{k: plain(v) for k, v in rel.items()}, "type": rel.type}


def flattened(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy for GraphML/GEXF: lists and maps as JSON strings, None values left out.

    Edges are re-keyed `e0`, `e1`, ... so that every edge id in the file is unique (Gephi
    merges edges that share one); the relationship type stays in the `type` attribute.
    """
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, _flat(data)) for n, data in graph.nodes(data=True))
    flat.add_edges_from(
        (u, v, f"e{index}", _flat(data))
        for index, (u, v, data) in enumerate(graph.edges(data=True))
    )
    return flat


def gexf_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A flattened copy whose attribute names do not collide with GEXF's own.

    GEXF gives `type` (edge direction), `start` and `end` (time) a meaning of their own.
    """
    flat = flattened(graph)
    for _, data in flat.nodes(data=True):
        _rename_offsets(data)
    for _, _, data in flat.edges(data=True):
        _rename_offsets(data)
        relationship = data.pop("type")
        data["label"] = data["relationship"] = relationship
    return flat


def _rename_offsets(data: dict[str, Any]) -> None:
    for key, renamed in (("start", "textStart"), ("end", "textEnd")):
        if key in data:
            data[renamed] = data.pop(key)


def _flat(data: dict[str, Any]) -> dict[str, Any]:
    return {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
        for key, value in data.items()
        if value is not None
    }


def write_graph(graph: nx.MultiDiGraph, path: Path, file_format: str) -> None:
    """Write `graph` to `path` as `graphml`, `gexf` (1.2), node-link `json` or an interactive
    `html` page (`kg.graph.html_export.write_html`)."""
    if file_format not in FORMATS:
        raise KgError(f"unknown export format {file_format!r}; choose {', '.join(FORMATS)}")
    if file_format == "html":
        from kg.graph.html_export import write_html

        write_html(graph, path, title=Path(path).stem)
        return
    try:
        if file_format == "graphml":
            nx.write_graphml(flattened(graph), path, encoding="utf-8")
        elif file_format == "gexf":
            nx.write_gexf(gexf_ready(graph), path, encoding="utf-8", version="1.2draft")
        else:
            data = nx.node_link_data(graph, edges="edges")
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as exc:
        raise KgError(f"cannot write {path}: {exc.strerror}") from None
