"""Write extracted documents to Neo4j: batched, parameterised, idempotent.

Each batch of documents is written in one managed transaction (the driver retries it on
transient errors), so an article appears with all its sentences, mentions, facts and events,
or not at all. The statements are in `kg.graph.statements`.

An article already in the graph with the same content, extracted by the same pipeline, is
skipped by the loader; one whose content (or kg's pipeline) changed has what it contributed
withdrawn first (its sentences and mentions,
its provenance on facts and events), leaving what other articles support untouched.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from importlib import resources
from itertools import combinations
from typing import Any

from neo4j import Driver, ManagedTransaction

from kg.events import KnownEvent
from kg.fingerprint import pipeline_fingerprint
from kg.graph import statements as cypher
from kg.ids import sentence_id
from kg.model import Article, Document
from kg.schema import ENTITY_LABELS, STATE_RELATIONS
from kg.temporal import TimeValue, time_properties


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

    def write(self, documents: Sequence[Document], loaded_at: str | None = None) -> None:
        """Write one batch of documents in one transaction, replacing earlier versions."""
        if not documents:
            return
        loaded_at = loaded_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.driver.session(database=self.database) as session:
            session.execute_write(_write_batch, list(documents), loaded_at)


def _write_batch(tx: ManagedTransaction, documents: list[Document], loaded_at: str) -> None:
    ids = [document.article.id for document in documents]
    before = tx.run(cypher.DETACH_MENTIONS, ids=ids).single()
    previously = sorted(before["entityIds"]) if before else []
    if previously:
        tx.run(cypher.WITHDRAW_CO_OCCURRENCE, ids=ids)
        tx.run(cypher.WITHDRAW_FACTS, ids=ids, entityIds=previously)
    tx.run(cypher.WITHDRAW_REPORTS, ids=ids)
    tx.run(cypher.DELETE_SENTENCES, ids=ids)

    tx.run(cypher.MERGE_ARTICLES, rows=list(_article_rows(documents, loaded_at)))
    tx.run(cypher.CREATE_SENTENCES, rows=list(_sentence_rows(documents)))
    for label, rows in _entity_rows_by_label(documents).items():
        tx.run(cypher.MERGE_ENTITIES[label], rows=rows)
    tx.run(cypher.CREATE_MENTIONS, rows=list(_mention_rows(documents)))
    tx.run(cypher.MERGE_ARTICLE_MENTIONS, rows=list(_article_mention_rows(documents)))
    tx.run(cypher.ADD_ENTITY_MENTIONS, rows=_entity_mention_rows(documents))
    for key, rows in _relation_rows(documents).items():
        tx.run(cypher.MERGE_RELATIONS[key], rows=rows)
    tx.run(cypher.MERGE_EVENTS, rows=list(_event_rows(documents)))
    for role, rows in _event_role_rows(documents).items():
        tx.run(cypher.MERGE_EVENT_ROLES[role], rows=rows)
    tx.run(cypher.ADD_CO_OCCURRENCE, rows=_co_occurrence_rows(documents))
    if previously:
        tx.run(cypher.REFRESH_WITHDRAWN_ENTITIES, ids=previously)


def _article_rows(documents: Iterable[Document], loaded_at: str) -> Iterator[dict[str, Any]]:
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
            "pipeline": pipeline_fingerprint(),
            "loadedAt": loaded_at,
        }
        yield {"id": article.id, "props": _without_nulls(props)}


def _sentence_rows(documents: Iterable[Document]) -> Iterator[dict[str, Any]]:
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


def _mention_rows(documents: Iterable[Document]) -> Iterator[dict[str, Any]]:
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


def _article_mention_rows(documents: Iterable[Document]) -> Iterator[dict[str, Any]]:
    for document in documents:
        counts = Counter({entity.id: len(entity.mentions) for entity in document.entities})
        for entity_id, count in counts.items():
            if count:
                yield {"article": document.article.id, "entity": entity_id, "count": count}


def _relation_rows(
    documents: Iterable[Document],
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """One row per relationship across the batch, keyed by the statement that writes it."""
    grouped: dict[tuple[str, str, str], dict[str, Any]] = {}
    for document in documents:
        article = document.article.id
        for relation in document.relations:
            row = grouped.setdefault(
                (relation.type, relation.source, relation.target),
                {
                    "source": relation.source,
                    "target": relation.target,
                    "articles": [],
                    "sentences": [],
                    "evidence": [],
                    "rules": [],
                    "time": None,
                    "precision": None,
                },
            )
            if article not in row["articles"]:
                row["articles"].append(article)
            sid = sentence_id(article, relation.sentence)
            if sid not in row["sentences"]:
                row["sentences"].append(sid)
                row["evidence"].append(relation.evidence)
            if relation.rule not in row["rules"]:
                row["rules"].append(relation.rule)
            when = relation.when
            if when is not None and (row["time"] is None or len(when.value) > len(row["time"])):
                row["time"], row["precision"] = when.value, when.precision
    by_statement: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for (relation_type, _, _), row in grouped.items():
        field = "since" if relation_type in STATE_RELATIONS else "date"
        by_statement[(relation_type, field)].append(row)
    return dict(by_statement)


def _event_rows(documents: Iterable[Document]) -> Iterator[dict[str, Any]]:
    for document in documents:
        article = document.article.id
        for event in document.events:
            yield {
                "id": event.id,
                "type": event.type,
                "time": time_properties(event.when),
                "article": article,
                "sentences": [sentence_id(article, idx) for idx in event.sentences],
                "evidence": event.evidence,
                "rule": event.rule,
            }


def _event_role_rows(documents: Iterable[Document]) -> dict[str, list[dict[str, str]]]:
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    for document in documents:
        for event in document.events:
            for role, entity_ids in event.roles.items():
                rows[role].extend({"event": event.id, "entity": e} for e in entity_ids)
    return dict(rows)


def _entity_mention_rows(documents: Iterable[Document]) -> list[dict[str, Any]]:
    """One row per entity across the batch: its new mentions and spellings."""
    rows: dict[str, dict[str, Any]] = {}
    for document in documents:
        for entity in document.entities:
            row = rows.setdefault(entity.id, {"id": entity.id, "count": 0, "aliases": set()})
            row["count"] += len(entity.mentions)
            row["aliases"].update(mention.text for mention in entity.mentions)
    return [{**row, "aliases": sorted(row["aliases"])} for row in rows.values()]


def _co_occurrence_rows(documents: Iterable[Document]) -> list[dict[str, Any]]:
    """One row per pair of entities (smaller id first) named in one sentence of the batch."""
    per_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for document in documents:
        for entity in document.entities:
            for mention in entity.mentions:
                per_sentence[(document.article.id, mention.sentence)].add(entity.id)
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for (article, _), entity_ids in per_sentence.items():
        for a, b in combinations(sorted(entity_ids), 2):
            row = pairs.setdefault((a, b), {"a": a, "b": b, "weight": 0, "articles": set()})
            row["weight"] += 1
            row["articles"].add(article)
    return [{**row, "articles": sorted(row["articles"])} for row in pairs.values()]
