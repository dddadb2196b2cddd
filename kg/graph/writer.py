"""Write extracted documents to Neo4j: batched, parameterised, idempotent.

Each batch of documents is written in one managed transaction (the driver retries it on
transient errors), so an article appears with all its sentences, mentions, facts and events,
or not at all. The statements are in `kg.graph.statements`, their rows come from
`kg.graph.rows`; this module only runs them.

An article already in the graph with the same content, extracted by the same pipeline, is
skipped by the loader; one whose content (or kg's pipeline) changed has what it contributed
withdrawn first (its sentences and mentions, its provenance on facts and events), leaving what
other articles support untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from importlib import resources

from neo4j import Driver, ManagedTransaction

from kg.fingerprint import pipeline_fingerprint
from kg.graph import statements as cypher
from kg.graph.rows import BatchRows, batch_rows
from kg.records import Document


def schema_statements() -> list[str]:
    """The statements of `cypher/schema.cypher`, comments stripped, in order."""
    text = (resources.files("kg.cypher") / "schema.cypher").read_text(encoding="utf-8")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [statement.strip() for statement in code.split(";") if statement.strip()]


class GraphWriter:
    """Writes `Document`s to one Neo4j database."""

    def __init__(self, driver: Driver, database: str | None = None) -> None:
        self.driver = driver
        self.database = database

    def ensure_schema(self) -> None:
        """Create the constraints and indexes (idempotent); run before writing data."""
        for statement in schema_statements():
            self.driver.execute_query(statement, database_=self.database)

    def write(self, documents: Sequence[Document], loaded_at: str | None = None) -> None:
        """Write one batch of documents in one transaction, replacing earlier versions."""
        if not documents:
            return
        loaded_at = loaded_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
        rows = batch_rows(documents, loaded_at, pipeline_fingerprint())
        ids = [document.article.id for document in documents]
        with self.driver.session(database=self.database) as session:
            session.execute_write(_write_batch, ids, rows)


def _write_batch(tx: ManagedTransaction, ids: list[str], rows: BatchRows) -> None:
    before = tx.run(cypher.DETACH_MENTIONS, ids=ids).single()
    previously = sorted(before["entityIds"]) if before else []
    if previously:
        tx.run(cypher.WITHDRAW_CO_OCCURRENCE, ids=ids)
        tx.run(cypher.WITHDRAW_FACTS, ids=ids, entityIds=previously)
    tx.run(cypher.WITHDRAW_REPORTS, ids=ids)
    tx.run(cypher.DELETE_SENTENCES, ids=ids)

    tx.run(cypher.MERGE_ARTICLES, rows=rows.articles)
    tx.run(cypher.CREATE_SENTENCES, rows=rows.sentences)
    for label, entity_rows in rows.entities.items():
        tx.run(cypher.MERGE_ENTITIES[label], rows=entity_rows)
    tx.run(cypher.CREATE_MENTIONS, rows=rows.mentions)
    tx.run(cypher.MERGE_ARTICLE_MENTIONS, rows=rows.article_mentions)
    tx.run(cypher.ADD_ENTITY_MENTIONS, rows=rows.entity_mentions)
    for key, relation_rows in rows.relations.items():
        tx.run(cypher.MERGE_RELATIONS[key], rows=relation_rows)
    tx.run(cypher.MERGE_EVENTS, rows=rows.events)
    for role, role_rows in rows.event_roles.items():
        tx.run(cypher.MERGE_EVENT_ROLES[role], rows=role_rows)
    tx.run(cypher.ADD_CO_OCCURRENCE, rows=rows.co_occurrences)
    if previously:
        tx.run(cypher.REFRESH_WITHDRAWN_ENTITIES, ids=previously)
