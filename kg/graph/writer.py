"""Write extracted documents to Neo4j: batched, parameterised, idempotent.

Each batch of documents is written in one managed transaction (the driver retries it on
transient errors), so an article appears with all its sentences, mentions, facts and events,
or not at all. The statements are in `kg.graph.statements`, their rows come from
`kg.graph.rows`; this module only runs them.

An article already in the graph with the same content, extracted by the same pipeline, is
skipped by the loader; one whose content (or kg's pipeline) changed has what it contributed
withdrawn first (its sentences and mentions, its provenance on facts and events), leaving what
other articles support untouched. The same withdrawal takes articles out for `kg forget`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timezone
from importlib import resources

from neo4j import Driver, ManagedTransaction

from kg.fingerprint import pipeline_fingerprint
from kg.graph import statements as cypher
from kg.graph.lease import GraphLease
from kg.graph.rows import BatchRows, batch_rows
from kg.records import Document
from kg.schema import STATE_RELATIONS

_STATE_TYPES = sorted(STATE_RELATIONS)


def schema_statements() -> list[str]:
    """The statements of `cypher/schema.cypher`, comments stripped, in order."""
    text = (resources.files("kg.cypher") / "schema.cypher").read_text(encoding="utf-8")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [statement.strip() for statement in code.split(";") if statement.strip()]


def now_utc() -> str:
    """The time stored as `loadedAt`: UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class GraphWriter:
    """Writes `Document`s to one Neo4j database (under `lease`, when given, which every batch
    confirms before it commits)."""

    def __init__(
        self, driver: Driver, database: str | None = None, lease: GraphLease | None = None
    ) -> None:
        self.driver = driver
        self.database = database
        self.lease = lease

    def ensure_schema(self) -> None:
        """Create the constraints and indexes (idempotent); run before writing data."""
        for statement in schema_statements():
            self.driver.execute_query(statement, database_=self.database)

    def write(
        self,
        documents: Sequence[Document],
        loaded_at: str | None = None,
        replaces: Collection[str] = (),
    ) -> None:
        """Write one batch of documents in one transaction, replacing their earlier versions
        and the articles `replaces` names (stored under ids of the earlier scheme)."""
        if not documents and not replaces:
            return
        rows = batch_rows(documents, loaded_at or now_utc(), pipeline_fingerprint())
        ids = [document.article.id for document in documents]
        with self.driver.session(database=self.database) as session:
            session.execute_write(self._write_batch, ids, list(replaces), rows)

    def _write_batch(
        self, tx: ManagedTransaction, ids: list[str], replaced: list[str], rows: BatchRows
    ) -> None:
        touched = withdraw(tx, ids + replaced)
        delete_articles(tx, replaced)
        write_rows(tx, rows)
        refresh_entities(tx, touched)
        if self.lease is not None:
            self.lease.confirm(tx)


def withdraw(tx: ManagedTransaction, ids: list[str]) -> list[str]:
    """Withdraw what the articles `ids` contributed (sentences, mentions, their share of
    co-occurrence, facts and events), leaving the article nodes; returns the entities touched,
    for `refresh_entities` once the transaction's writes are done."""
    if not ids:
        return []
    record = tx.run(cypher.TOUCHED_ENTITIES, ids=ids).single()
    touched = sorted(record["entities"]) if record else []
    tx.run(cypher.DETACH_MENTIONS, ids=ids)
    if touched:
        tx.run(cypher.WITHDRAW_CO_OCCURRENCE, ids=ids)
        tx.run(cypher.WITHDRAW_FACTS, ids=ids, entityIds=touched, stateTypes=_STATE_TYPES)
    tx.run(cypher.WITHDRAW_REPORTS, ids=ids)
    tx.run(cypher.DELETE_SENTENCES, ids=ids)
    return touched


def delete_articles(tx: ManagedTransaction, ids: list[str]) -> None:
    """Delete the (withdrawn) article nodes `ids`."""
    if ids:
        tx.run(cypher.DELETE_ARTICLES, ids=ids)


def refresh_entities(tx: ManagedTransaction, ids: list[str]) -> None:
    """Recompute the aliases and name of entities a withdrawal touched; delete those nothing
    mentions or relates to any more."""
    if ids:
        tx.run(cypher.REFRESH_WITHDRAWN_ENTITIES, ids=ids)


def write_rows(tx: ManagedTransaction, rows: BatchRows) -> None:
    """Run every writing statement of one batch, in order."""
    tx.run(cypher.MERGE_ARTICLES, rows=rows.articles)
    tx.run(cypher.CREATE_SENTENCES, rows=rows.sentences)
    for label, entity_rows in rows.entities.items():
        tx.run(cypher.MERGE_ENTITIES[label], rows=entity_rows)
    tx.run(cypher.CREATE_MENTIONS, rows=rows.mentions)
    tx.run(cypher.MERGE_ARTICLE_MENTIONS, rows=rows.article_mentions)
    tx.run(cypher.ADD_ENTITY_MENTIONS, rows=rows.entity_mentions)
    for relation_type, relation_rows in rows.relations.items():
        tx.run(cypher.MERGE_RELATIONS[relation_type], rows=relation_rows, stateTypes=_STATE_TYPES)
    tx.run(cypher.MERGE_EVENTS, rows=rows.events)
    for role, role_rows in rows.event_roles.items():
        tx.run(cypher.MERGE_EVENT_ROLES[role], rows=role_rows)
    tx.run(cypher.ADD_CO_OCCURRENCE, rows=rows.co_occurrences)


def write_documents(
    tx: ManagedTransaction, documents: Sequence[Document], loaded_at: Mapping[str, str]
) -> None:
    """Write documents whose earlier versions are already withdrawn, inside a transaction
    the caller runs, each article keeping the `loadedAt` given by id (`kg forget`)."""
    if documents:
        write_rows(tx, batch_rows(documents, loaded_at, pipeline_fingerprint()))
