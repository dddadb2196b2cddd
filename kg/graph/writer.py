"""Write extracted documents to Neo4j: batched, parameterised, idempotent.

Each batch of documents is written in one managed transaction (the driver retries it on
transient errors), so an article appears with all its sentences and mentions or not at all.
Every statement is a fixed string: values travel as parameters, and the one thing Cypher
cannot parameterise, a node label, is picked from `kg.schema.ENTITY_LABELS`.

An article already in the graph with the same content hash is skipped; one whose content
changed has its own sentences and mentions replaced, leaving other articles' facts alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from importlib import resources
from typing import Any

from neo4j import Driver, ManagedTransaction

from kg.ids import sentence_id
from kg.model import Document
from kg.schema import ENTITY_LABELS

EXISTING_HASHES = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.sha256 AS sha256
"""

# Detach the old version of re-written articles; report the entities they mentioned.
DETACH_OLD_CONTENT = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)
WITH a, collect(e.id) AS entityIds, collect(m) AS mentions
FOREACH (m IN mentions | DELETE m)
WITH a, entityIds
OPTIONAL MATCH (a)-[:HAS_SENTENCE]->(s:Sentence)
DETACH DELETE s
RETURN entityIds
"""

MERGE_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a = row.props
"""

CREATE_SENTENCES = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
CREATE (a)-[:HAS_SENTENCE]->(:Sentence {
  id: row.id, idx: row.idx, text: row.text, start: row.start, end: row.end
})
"""

MERGE_ENTITIES = {
    label: f"""
UNWIND $rows AS row
MERGE (e:Entity {{id: row.id}})
SET e:{label}, e += row.props
"""
    for label in ENTITY_LABELS
}

CREATE_MENTIONS = """
UNWIND $rows AS row
MATCH (s:Sentence {id: row.sentence})
MATCH (e:Entity {id: row.entity})
CREATE (s)-[:MENTIONS {start: row.start, end: row.end, text: row.text}]->(e)
"""

MERGE_ARTICLE_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:Entity {id: row.entity})
MERGE (a)-[m:MENTIONS]->(e)
SET m.count = row.count
"""

# Derived entity properties follow from the mentions: recompute them for every entity a
# batch touched, and drop entities that no article mentions any more.
REFRESH_ENTITIES = """
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH e, COUNT { (:Sentence)-[:MENTIONS]->(e) } AS mentionCount
SET e.mentionCount = mentionCount,
    e.aliases = COLLECT {
      MATCH (:Sentence)-[m:MENTIONS]->(e) WITH DISTINCT m.text AS alias
      RETURN alias ORDER BY alias
    }
WITH e WHERE e.mentionCount = 0
DETACH DELETE e
"""


def schema_statements() -> list[str]:
    """The statements of `cypher/schema.cypher`, comments stripped, in order."""
    text = (resources.files("kg.cypher") / "schema.cypher").read_text(encoding="utf-8")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [statement.strip() for statement in code.split(";") if statement.strip()]


def _without_nulls(props: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in props.items() if value is not None}


class GraphWriter:
    """Writes `Document`s to one Neo4j database."""

    def __init__(self, driver: Driver, database: str | None = None) -> None:
        self.driver = driver
        self.database = database

    def ensure_schema(self) -> None:
        """Create the constraints and indexes (idempotent); run before writing data."""
        for statement in schema_statements():
            self.driver.execute_query(statement, database_=self.database)

    def existing_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Content hashes of those articles already in the graph, by id."""
        records, _, _ = self.driver.execute_query(
            EXISTING_HASHES, ids=list(article_ids), database_=self.database
        )
        return {record["id"]: record["sha256"] for record in records}

    def write(self, documents: Sequence[Document], loaded_at: str | None = None) -> None:
        """Write one batch of documents in one transaction, replacing earlier versions."""
        if not documents:
            return
        loaded_at = loaded_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.driver.session(database=self.database) as session:
            session.execute_write(_write_batch, list(documents), loaded_at)


def _write_batch(tx: ManagedTransaction, documents: list[Document], loaded_at: str) -> None:
    ids = [document.article.id for document in documents]
    previously_mentioned: set[str] = set()
    for record in tx.run(DETACH_OLD_CONTENT, ids=ids):
        previously_mentioned.update(record["entityIds"])
    tx.run(MERGE_ARTICLES, rows=list(_article_rows(documents, loaded_at)))
    tx.run(CREATE_SENTENCES, rows=list(_sentence_rows(documents)))
    for label, rows in _entity_rows_by_label(documents).items():
        tx.run(MERGE_ENTITIES[label], rows=rows)
    tx.run(CREATE_MENTIONS, rows=list(_mention_rows(documents)))
    tx.run(MERGE_ARTICLE_MENTIONS, rows=list(_article_mention_rows(documents)))
    touched = previously_mentioned | {e.id for d in documents for e in d.entities}
    tx.run(REFRESH_ENTITIES, ids=sorted(touched))


def _article_rows(documents: Iterable[Document], loaded_at: str) -> Iterable[dict[str, Any]]:
    for document in documents:
        article = document.article
        props = {
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "published": article.published,
            "lang": article.lang,
            "sha256": article.sha256,
            "loadedAt": loaded_at,
        }
        yield {"id": article.id, "props": _without_nulls(props)}


def _sentence_rows(documents: Iterable[Document]) -> Iterable[dict[str, Any]]:
    for document in documents:
        for sentence in document.sentences:
            yield {
                "article": document.article.id,
                "id": sentence_id(document.article.id, sentence.idx),
                "idx": sentence.idx,
                "text": sentence.text,
                "start": sentence.start,
                "end": sentence.end,
            }


def _entity_rows_by_label(documents: Iterable[Document]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for document in documents:
        for entity in document.entities:
            if entity.label not in ENTITY_LABELS:
                raise ValueError(f"entity {entity.id!r} has label {entity.label!r}")
            props = {
                "name": entity.name,
                "nameEn": entity.name_en,
                "kind": entity.kind,
                "wikidata": entity.wikidata,
            }
            rows[entity.label].setdefault(
                entity.id, {"id": entity.id, "props": _without_nulls(props)}
            )
    return {label: list(by_id.values()) for label, by_id in rows.items()}


def _mention_rows(documents: Iterable[Document]) -> Iterable[dict[str, Any]]:
    for document in documents:
        for entity in document.entities:
            for mention in entity.mentions:
                yield {
                    "sentence": sentence_id(document.article.id, mention.sentence),
                    "entity": entity.id,
                    "start": mention.start,
                    "end": mention.end,
                    "text": mention.text,
                }


def _article_mention_rows(documents: Iterable[Document]) -> Iterable[dict[str, Any]]:
    for document in documents:
        counts = Counter({entity.id: len(entity.mentions) for entity in document.entities})
        for entity_id, count in counts.items():
            yield {"article": document.article.id, "entity": entity_id, "count": count}
