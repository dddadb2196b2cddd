"""A fingerprint of a whole graph, to compare two graphs property by property."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from neo4j import Driver

ALL_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
ALL_RELATIONSHIPS = (
    "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b"
)
# Each event named by the first sentence that reports it, whatever its id.
EVENT_NAMES = (
    "MATCH (a:Article)-[rep:REPORTS]->(e:Event) UNWIND rep.sentences AS sentence "
    "RETURN e.id AS id, min(sentence) AS first"
)


def graph_fingerprint(
    driver: Driver, without: Iterable[str] = (), rename: Mapping[str, str] | None = None
) -> tuple[list, list]:
    """Every node and relationship with its labels or type and its properties (except those
    named in `without`, e.g. `loadedAt`), in a stable order; node ids in `rename` replaced."""
    skipped = frozenset(without)
    names = dict(rename or {})
    nodes, _, _ = driver.execute_query(ALL_NODES)
    rels, _, _ = driver.execute_query(ALL_RELATIONSHIPS)

    def props(record) -> list:
        values = {k: v for k, v in record["props"].items() if k not in skipped}
        if "id" in values:
            values["id"] = names.get(values["id"], values["id"])
        return sorted((k, repr(v)) for k, v in values.items())

    node_rows = sorted(repr((sorted(r["labels"]), props(r))) for r in nodes)
    rel_rows = sorted(
        repr((names.get(r["a"], r["a"]), r["type"], props(r), names.get(r["b"], r["b"])))
        for r in rels
    )
    return node_rows, rel_rows


def stable_fingerprint(driver: Driver) -> tuple[list, list]:
    """The fingerprint without load timestamps: what two loads of the same articles share."""
    return graph_fingerprint(driver, without=("loadedAt",))


def fingerprint_whatever_the_event_ids(driver: Driver) -> tuple[list, list]:
    """The stable fingerprint with each event named by the first sentence reporting it: for
    graphs whose events were first stored under other article ids (a graph migrated from the
    earlier id scheme keeps its event ids, as after any re-extraction)."""
    records, _, _ = driver.execute_query(EVENT_NAMES)
    rename = {r["id"]: f"event reported first by {r['first']}" for r in records}
    return graph_fingerprint(driver, without=("loadedAt",), rename=rename)
