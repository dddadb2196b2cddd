"""A fingerprint of a whole graph, to compare two graphs property by property."""

from __future__ import annotations

from collections.abc import Iterable

from neo4j import Driver

ALL_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
ALL_RELATIONSHIPS = (
    "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b"
)


def graph_fingerprint(driver: Driver, without: Iterable[str] = ()) -> tuple[list, list]:
    """Every node and relationship with its labels or type and its properties (except those
    named in `without`, e.g. `loadedAt`), in a stable order."""
    skipped = frozenset(without)
    nodes, _, _ = driver.execute_query(ALL_NODES)
    rels, _, _ = driver.execute_query(ALL_RELATIONSHIPS)

    def props(record) -> list:
        return sorted((k, repr(v)) for k, v in record["props"].items() if k not in skipped)

    node_rows = sorted(repr((sorted(r["labels"]), props(r))) for r in nodes)
    rel_rows = sorted(repr((r["a"], r["type"], props(r), r["b"])) for r in rels)
    return node_rows, rel_rows


def stable_fingerprint(driver: Driver) -> tuple[list, list]:
    """The fingerprint without load timestamps: what two loads of the same articles share."""
    return graph_fingerprint(driver, without=("loadedAt",))
