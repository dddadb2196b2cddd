"""Records as JSON-ready dicts: one serialiser per record, for the JSON Lines output and the graph.

`kg extract` writes `document_to_line` (one JSON object per article); the graph writer builds
its statement rows (`kg.graph.rows`) from the same serialisers, so each property name
(`nameEn`, `datePrecision`, ...) is spelled here once.
"""

from __future__ import annotations

import json
from typing import Any

from kg.records import Article, Document, Entity, Event, Mention, Relation, Sentence, TimeValue
from kg.schema import EVENT_ROLES


def time_properties(when: TimeValue | None) -> dict[str, str]:
    """A time as graph and JSON properties: `date`, `datePrecision`, and `dateQualifier`."""
    if when is None:
        return {}
    properties = {"date": when.value, "datePrecision": when.precision}
    if when.qualifier:
        properties["dateQualifier"] = when.qualifier
    return properties


def article_properties(article: Article) -> dict[str, Any]:
    """The article's identity and metadata (JSON adds its path, the graph its provenance)."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "author": article.author,
    }


def sentence_properties(sentence: Sentence) -> dict[str, Any]:
    """A sentence: its number in the article, its offsets and its text."""
    return {
        "idx": sentence.idx,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
    }


def entity_properties(entity: Entity) -> dict[str, Any]:
    """An entity's display properties (name, English name, kind of place)."""
    return {"name": entity.name, "nameEn": entity.name_en, "kind": entity.kind}


def mention_properties(mention: Mention) -> dict[str, Any]:
    """A mention: offsets, the text at them, and (in JSON) its sentence and link rule."""
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "sentence": mention.sentence,
        "link": mention.link,
    }


def relation_to_dict(relation: Relation) -> dict[str, Any]:
    """A relation with its evidence sentence, the rule that found it, and its time."""
    return {
        "type": relation.type,
        "source": relation.source,
        "target": relation.target,
        "sentence": relation.sentence,
        "evidence": relation.evidence,
        "rule": relation.rule,
        **time_properties(relation.time),
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    """An event: its id (shared by every article that reports it), roles and time."""
    return {
        "id": event.id,
        "type": event.type,
        **time_properties(event.time),
        **{role.lower(): event.ids(role) for role in EVENT_ROLES},
        "sentences": event.sentences,
        "evidence": event.evidence,
        "rule": event.rule,
    }


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    """An entity with its spellings and mentions."""
    return {
        "id": entity.id,
        "label": entity.label,
        **entity_properties(entity),
        "aliases": entity.aliases,
        "mentions": [mention_properties(m) for m in entity.mentions],
    }


def document_to_dict(document: Document) -> dict[str, Any]:
    """The JSON-ready form of one document: article, entities with mentions, relations, events."""
    article = document.article
    return {
        "article": {
            **article_properties(article),
            "path": article.path,
            "sha256": article.sha256,
        },
        "sentences": [sentence_properties(s) for s in document.sentences],
        "entities": [entity_to_dict(entity) for entity in document.entities],
        "relations": [relation_to_dict(r) for r in document.relations],
        "events": [event_to_dict(e) for e in document.events],
    }


def document_to_line(document: Document) -> str:
    """One JSONL line (no trailing newline), Arabic kept readable."""
    return json.dumps(document_to_dict(document), ensure_ascii=False)
