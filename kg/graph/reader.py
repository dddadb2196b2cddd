"""Reading the graph back: what the loader needs before it writes, and the counts of `kg stats`.

The loader asks which articles are already up to date (same content, same pipeline), and which
events and people earlier loads stored, so that it resolves new articles as if everything had
been loaded in one run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from neo4j import Driver

from kg.fingerprint import pipeline_fingerprint
from kg.graph import statements as cypher
from kg.graph.query import run_template
from kg.records import Article, KnownEvent, TimeValue


@dataclass(frozen=True)
class GraphStats:
    """Counts per label and relationship type, articles loaded, and the last load time."""

    labels: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    last_load: str | None = None


class GraphReader:
    """Reads what the loader needs from one Neo4j database."""

    def __init__(self, driver: Driver, database: str | None = None) -> None:
        self.driver = driver
        self.database = database

    def up_to_date(self, articles: Sequence[Article]) -> set[str]:
        """Ids of those articles the graph holds with the same content, extracted by this
        same pipeline (`kg.fingerprint`): nothing to do for them."""
        records, _, _ = self.driver.execute_query(
            cypher.EXISTING_VERSIONS, ids=[a.id for a in articles], database_=self.database
        )
        stored = {record["id"]: (record["sha256"], record["pipeline"]) for record in records}
        current = pipeline_fingerprint()
        return {a.id for a in articles if stored.get(a.id) == (a.sha256, current)}

    def known_events(self) -> Iterator[KnownEvent]:
        """The events already in the graph, for merging new reports into them."""
        records, _, _ = self.driver.execute_query(cypher.KNOWN_EVENTS, database_=self.database)
        for record in records:
            roles: dict[str, set[str]] = defaultdict(set)
            for role, entity_id in record["roles"]:
                roles[role].add(entity_id)
            when = None
            if record["date"]:
                when = TimeValue(record["date"], record["precision"], record["qualifier"])
            yield KnownEvent(record["id"], record["type"], dict(roles), when)

    def known_people(self) -> Iterator[tuple[str, list[str]]]:
        """The people already in the graph with their names, for linking family names."""
        records, _, _ = self.driver.execute_query(cypher.KNOWN_PEOPLE, database_=self.database)
        for record in records:
            yield record["id"], record["names"]


def stats(driver: Driver, database: str | None = None) -> GraphStats:
    """What the graph holds (the `stats` template): the Python API of `kg stats`."""
    result = run_template(driver, "stats", database=database)
    labels: dict[str, int] = {}
    relationships: dict[str, int] = {}
    articles, last_load = 0, None
    for kind, name, count in result.rows:
        if kind == "label":
            labels[name] = count
        elif kind == "relationship":
            relationships[name] = count
        else:
            articles, last_load = count, name
    return GraphStats(labels, relationships, articles, last_load)
