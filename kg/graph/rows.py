"""Documents as the parameter rows of the writer's statements: pure functions, no database.

Each statement of `kg.graph.statements` takes one list of rows (`UNWIND $rows AS row`).
`batch_rows` builds all of them for one batch of documents; rows that several documents of a
batch contribute to (one entity, one relationship, one co-occurring pair) are merged into one
row, because two rows for one relationship would each read its lists before either writes.
Property names come from the serialisers of `kg.serialize`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from kg.ids import sentence_id
from kg.records import Document, TimeValue
from kg.schema import ENTITY_LABELS, EntityLabel, EventRole, RelationType
from kg.serialize import (
    article_properties,
    entity_properties,
    mention_properties,
    sentence_properties,
    time_properties,
)

Row = dict[str, Any]


@dataclass(frozen=True)
class BatchRows:
    """Every statement's rows for one batch of documents."""

    articles: list[Row]
    sentences: list[Row]
    entities: dict[EntityLabel, list[Row]]
    mentions: list[Row]
    article_mentions: list[Row]
    entity_mentions: list[Row]
    relations: dict[RelationType, list[Row]]
    events: list[Row]
    event_roles: dict[EventRole, list[Row]]
    co_occurrences: list[Row]


def batch_rows(
    documents: Sequence[Document], loaded_at: str | Mapping[str, str], pipeline: str
) -> BatchRows:
    """The rows that write `documents`; `pipeline` is the fingerprint stored on each article
    (unless its document was extracted elsewhere, by another: `Document.pipeline`),
    `loaded_at` the load time (or each article's, by id)."""
    return BatchRows(
        articles=article_rows(documents, loaded_at, pipeline),
        sentences=sentence_rows(documents),
        entities=entity_rows_by_label(documents),
        mentions=mention_rows(documents),
        article_mentions=article_mention_rows(documents),
        entity_mentions=entity_mention_rows(documents),
        relations=relation_rows(documents),
        events=event_rows(documents),
        event_roles=event_role_rows(documents),
        co_occurrences=co_occurrence_rows(documents),
    )


def _without_nulls(props: Row) -> Row:
    return {key: value for key, value in props.items() if value is not None}


def article_rows(
    documents: Iterable[Document], loaded_at: str | Mapping[str, str], pipeline: str
) -> list[Row]:
    """One row per article: its id and every property of its node, its text and body spans
    included (so that it can be extracted again from the graph: `kg forget`)."""
    rows = []
    for document in documents:
        article = document.article
        props = {
            **article_properties(article),
            "lang": article.lang,
            "sha256": article.sha256,
            "text": article.text,
            "body": [offset for span in article.body for offset in (span.start, span.end)],
            "pipeline": document.pipeline or pipeline,
            "loadedAt": loaded_at if isinstance(loaded_at, str) else loaded_at[article.id],
        }
        rows.append({"id": article.id, "props": _without_nulls(props)})
    return rows


def sentence_rows(documents: Iterable[Document]) -> list[Row]:
    """One row per sentence, with its article and its id."""
    return [
        {
            "article": document.article.id,
            "id": sentence_id(document.article.id, sentence.idx),
            **sentence_properties(sentence),
        }
        for document in documents
        for sentence in document.sentences
    ]


def entity_rows_by_label(documents: Iterable[Document]) -> dict[EntityLabel, list[Row]]:
    """One row per entity of the batch, grouped by the label its statement sets."""
    rows: dict[EntityLabel, dict[str, Row]] = defaultdict(dict)
    for document in documents:
        for entity in document.entities:
            if entity.label not in ENTITY_LABELS:
                raise ValueError(f"entity {entity.id!r} has label {entity.label!r}")
            props = {**entity_properties(entity), "wikidata": entity.wikidata}
            rows[entity.label].setdefault(
                entity.id, {"id": entity.id, "props": _without_nulls(props)}
            )
    return {label: list(by_id.values()) for label, by_id in rows.items()}


def mention_rows(documents: Iterable[Document]) -> list[Row]:
    """One row per mention: the sentence that makes it, the entity, offsets and text."""
    return [
        {
            **mention_properties(mention),
            "sentence": sentence_id(document.article.id, mention.sentence),
            "entity": entity.id,
        }
        for document in documents
        for entity in document.entities
        for mention in entity.mentions
    ]


def article_mention_rows(documents: Iterable[Document]) -> list[Row]:
    """One row per (article, entity it mentions), with the number of mentions."""
    rows = []
    for document in documents:
        counts = Counter({entity.id: len(entity.mentions) for entity in document.entities})
        for entity_id, count in counts.items():
            if count:
                rows.append({"article": document.article.id, "entity": entity_id, "count": count})
    return rows


def entity_mention_rows(documents: Iterable[Document]) -> list[Row]:
    """One row per entity across the batch: its new mentions and spellings."""
    rows: dict[str, Row] = {}
    for document in documents:
        for entity in document.entities:
            row = rows.setdefault(entity.id, {"id": entity.id, "count": 0, "aliases": set()})
            row["count"] += len(entity.mentions)
            row["aliases"].update(mention.text for mention in entity.mentions)
    return [{**row, "aliases": sorted(row["aliases"])} for row in rows.values()]


def _better_time(a: TimeValue | None, b: TimeValue | None) -> TimeValue | None:
    """The more precise of two times, the earlier of two equally precise (None: unknown)."""
    if a is None or b is None:
        return a or b
    return min(a, b, key=lambda when: (-len(when.value), when.value))


def relation_rows(documents: Iterable[Document]) -> dict[RelationType, list[Row]]:
    """One row per relationship across the batch, by type: its articles and, per sentence
    stating it, the sentence id, its text, the time it states ('' for none) and its rules
    (joined by `+`)."""
    grouped: dict[tuple[str, str, str], dict[str, Any]] = {}
    for document in documents:
        article = document.article.id
        for relation in document.relations:
            key = (relation.type, relation.source, relation.target)
            fact = grouped.setdefault(key, {"articles": [], "sentences": {}})
            if article not in fact["articles"]:
                fact["articles"].append(article)
            sid = sentence_id(article, relation.sentence)
            support = fact["sentences"].setdefault(
                sid, {"evidence": relation.evidence, "when": None, "rules": set()}
            )
            support["when"] = _better_time(support["when"], relation.time)
            support["rules"].add(relation.rule)
    by_type: dict[RelationType, list[Row]] = defaultdict(list)
    for (relation_type, source, target), fact in grouped.items():
        supports = fact["sentences"]
        by_type[relation_type].append(
            {
                "source": source,
                "target": target,
                "articles": fact["articles"],
                "sentences": list(supports),
                "evidence": [s["evidence"] for s in supports.values()],
                "times": [s["when"].value if s["when"] else "" for s in supports.values()],
                "sentenceRules": ["+".join(sorted(s["rules"])) for s in supports.values()],
            }
        )
    return dict(by_type)


def event_rows(documents: Iterable[Document]) -> list[Row]:
    """One row per (article, event it reports): the event's time and the report's provenance."""
    rows = []
    for document in documents:
        article = document.article.id
        for event in document.events:
            rows.append(
                {
                    "id": event.id,
                    "type": event.type,
                    "time": time_properties(event.time),
                    "article": article,
                    "sentences": [sentence_id(article, idx) for idx in event.sentences],
                    "evidence": event.evidence,
                    "rule": event.rule,
                }
            )
    return rows


def event_role_rows(documents: Iterable[Document]) -> dict[EventRole, list[Row]]:
    """One row per (event, role, entity), grouped by the role's relationship type."""
    rows: dict[EventRole, list[Row]] = defaultdict(list)
    for document in documents:
        for event in document.events:
            for role, entity_ids in event.by_role().items():
                rows[role].extend({"event": event.id, "entity": e} for e in entity_ids)
    return dict(rows)


def co_occurrence_rows(documents: Iterable[Document]) -> list[Row]:
    """One row per pair of entities (smaller id first) named in one sentence of the batch."""
    per_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for document in documents:
        for entity in document.entities:
            for mention in entity.mentions:
                per_sentence[(document.article.id, mention.sentence)].add(entity.id)
    pairs: dict[tuple[str, str], Row] = {}
    for (article, _), entity_ids in per_sentence.items():
        for a, b in combinations(sorted(entity_ids), 2):
            row = pairs.setdefault((a, b), {"a": a, "b": b, "weight": 0, "articles": set()})
            row["weight"] += 1
            row["articles"].add(article)
    return [{**row, "articles": sorted(row["articles"])} for row in pairs.values()]
