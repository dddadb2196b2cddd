"""Reading the graph back: what the loader needs before it writes, and the counts of `kg stats`.

The loader asks what the graph holds of the articles it reads (by id, by an id of the earlier
scheme, and by text), and which events and people earlier loads stored, so that it resolves new
articles as if everything had been loaded in one run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from neo4j import Driver, Record

from kg.graph import statements as cypher
from kg.graph.query import run_template
from kg.records import KnownEvent, TimeValue


@dataclass(frozen=True)
class GraphStats:
    """Counts per label and relationship type, articles loaded, and the last load time."""

    labels: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    last_load: str | None = None


@dataclass(frozen=True)
class StoredVersion:
    """What the graph holds of one article: enough to tell whether a read one is the same."""

    sha256: str | None
    pipeline: str | None
    title: str | None


class GraphReader:
    """Reads what the loader needs from one Neo4j database."""

    def __init__(self, driver: Driver, database: str | None = None) -> None:
        self.driver = driver
        self.database = database

    def _query(self, statement: str, **params: object) -> list[Record]:
        records, _, _ = self.driver.execute_query(statement, params, database_=self.database)
        return records

    def stored_versions(self, ids: Sequence[str]) -> dict[str, StoredVersion]:
        """The stored version of each of these article ids the graph holds."""
        return {
            r["id"]: StoredVersion(r["sha256"], r["pipeline"], r["title"])
            for r in self._query(cypher.STORED_VERSIONS, ids=list(ids))
        }

    def articles_with_text(self, hashes: Sequence[str]) -> dict[str, list[str]]:
        """The ids of the stored articles whose text has one of these SHA-256 digests."""
        found: dict[str, list[str]] = defaultdict(list)
        for record in self._query(cypher.SAME_TEXT, hashes=sorted(set(hashes))):
            found[record["sha256"]].append(record["id"])
        return {sha256: sorted(ids) for sha256, ids in found.items()}

    def articles_with_url(self, url: str) -> list[str]:
        """The ids of the stored articles whose `url` is exactly `url`."""
        return sorted(r["id"] for r in self._query(cypher.ARTICLES_BY_URL, urls=[url]))

    def known_events(self) -> Iterator[KnownEvent]:
        """The events already in the graph, for merging new reports into them."""
        return events_from(self._query(cypher.KNOWN_EVENTS))

    def known_people(self) -> Iterator[tuple[str, list[str]]]:
        """The people already in the graph with their names, for linking family names."""
        return people_from(self._query(cypher.KNOWN_PEOPLE))


def events_from(records: Iterable[Record]) -> Iterator[KnownEvent]:
    """Known events from the records of `KNOWN_EVENTS`."""
    for record in records:
        roles: dict[str, set[str]] = defaultdict(set)
        for role, entity_id in record["roles"]:
            roles[role].add(entity_id)
        when = None
        if record["date"]:
            when = TimeValue(record["date"], record["precision"], record["qualifier"])
        yield KnownEvent(record["id"], record["type"], dict(roles), when)


def people_from(records: Iterable[Record]) -> Iterator[tuple[str, list[str]]]:
    """(id, names) pairs from the records of `KNOWN_PEOPLE`."""
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
