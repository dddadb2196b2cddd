"""The `kg extract` output format: one JSON object per article (see DESIGN.md)."""

from __future__ import annotations

import json
from typing import Any

from kg.model import Document, Event, Relation
from kg.schema import EVENT_ROLES
from kg.temporal import time_properties


def relation_to_dict(relation: Relation) -> dict[str, Any]:
    """A relation with its evidence sentence, the rule that found it, and its time."""
    return {
        "type": relation.type,
        "source": relation.source,
        "target": relation.target,
        "sentence": relation.sentence,
        "evidence": relation.evidence,
        "rule": relation.rule,
        **time_properties(relation.when),
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    """An event: its id (shared by every article that reports it), roles and time."""
    return {
        "id": event.id,
        "type": event.type,
        **time_properties(event.when),
        **{role.lower(): event.roles.get(role, []) for role in EVENT_ROLES},
        "sentences": event.sentences,
        "evidence": event.evidence,
        "rule": event.rule,
    }


def document_to_dict(document: Document) -> dict[str, Any]:
    """The JSON-ready form of one document: article, entities with mentions, relations, events."""
    article = document.article
    return {
        "article": {
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "published": article.published,
            "path": article.path,
            "sha256": article.sha256,
        },
        "sentences": [
            {"idx": s.idx, "start": s.start, "end": s.end, "text": s.text}
            for s in document.sentences
        ],
        "entities": [
            {
                "id": entity.id,
                "label": entity.label,
                "name": entity.name,
                "nameEn": entity.name_en,
                "kind": entity.kind,
                "aliases": entity.aliases,
                "mentions": [
                    {
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                        "sentence": m.sentence,
                        "link": m.link,
                    }
                    for m in entity.mentions
                ],
            }
            for entity in document.entities
        ],
        "relations": [relation_to_dict(r) for r in document.relations],
        "events": [event_to_dict(e) for e in document.events],
    }


def document_to_line(document: Document) -> str:
    """One JSONL line (no trailing newline), Arabic kept readable."""
    return json.dumps(document_to_dict(document), ensure_ascii=False)
