"""The `kg extract` output format: one JSON object per article (see DESIGN.md)."""

from __future__ import annotations

import json
from typing import Any

from kg.model import Document


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
                    {"start": m.start, "end": m.end, "text": m.text, "sentence": m.sentence}
                    for m in entity.mentions
                ],
            }
            for entity in document.entities
        ],
        "relations": [],
        "events": [],
    }


def document_to_line(document: Document) -> str:
    """One JSONL line (no trailing newline), Arabic kept readable."""
    return json.dumps(document_to_dict(document), ensure_ascii=False)
