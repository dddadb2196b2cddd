"""Records as JSON-ready dicts: one serialiser per record, for the JSON Lines output and the graph.

`kg extract` writes `document_to_line` (one JSON object per article); the graph writer builds
its statement rows (`kg.graph.rows`) from the same serialisers, so each property name
(`nameEn`, `datePrecision`, ...) is spelled here once. `document_from_dict` reads such a line
back (`kg load` and `kg import` of extraction output), checking it as it goes.

A line holds everything the graph stores of its article (its text, body spans and language,
its ids of the earlier scheme) and the fingerprint of the pipeline that extracted it, so the
writer needs nothing else; readers of older lines only find more keys.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from kg.fingerprint import pipeline_fingerprint
from kg.records import (
    Article,
    Document,
    Entity,
    Event,
    Mention,
    Relation,
    Sentence,
    TextSpan,
    TimeValue,
    dated,
)
from kg.schema import (
    ENTITY_LABELS,
    EVENT_ROLES,
    EVENT_TYPES,
    LOCATION_KINDS,
    RELATION_TYPES,
)


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
        "wikidata": entity.wikidata,
        "aliases": entity.aliases,
        "mentions": [mention_properties(m) for m in entity.mentions],
    }


def document_to_dict(document: Document) -> dict[str, Any]:
    """The JSON-ready form of one document: article (with its text), entities with mentions,
    relations, events, and the pipeline's fingerprint."""
    article = document.article
    return {
        "article": {
            **article_properties(article),
            "path": article.path,
            "sha256": article.sha256,
            "lang": article.lang,
            "legacyIds": list(article.legacy_ids),
            "body": [[span.start, span.end] for span in article.body],
            "text": article.text,
        },
        "sentences": [sentence_properties(s) for s in document.sentences],
        "entities": [entity_to_dict(entity) for entity in document.entities],
        "relations": [relation_to_dict(r) for r in document.relations],
        "events": [event_to_dict(e) for e in document.events],
        "pipeline": document.pipeline or pipeline_fingerprint(),
    }


def document_to_line(document: Document) -> str:
    """One JSONL line (no trailing newline), Arabic kept readable."""
    return json.dumps(document_to_dict(document), ensure_ascii=False)


# --- reading a line back -------------------------------------------------------------------


class NotExtractionOutput(ValueError):
    """A JSON object that is not a document of `kg extract`'s output, and why (one line)."""


def _get(data: Any, key: str, kind: type | tuple[type, ...], where: str, optional: bool = False):
    if not isinstance(data, dict):
        raise NotExtractionOutput(f"{where} is not a JSON object")
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise NotExtractionOutput(f"{where}: field {key!r} is missing or not {names}")
    return value


def _int(data: Any, key: str, where: str) -> int:
    return _get(data, key, int, where)


def _str(data: Any, key: str, where: str) -> str:
    return _get(data, key, str, where)


def _opt(data: Any, key: str, where: str) -> str | None:
    return _get(data, key, str, where, optional=True)


def _choice(data: Any, key: str, allowed: tuple[str, ...], where: str, optional: bool = False):
    value = _get(data, key, str, where, optional)
    if value is not None and value not in allowed:
        raise NotExtractionOutput(
            f"{where}: {key} {value!r} is none of kg's ({', '.join(allowed)})"
        )
    return value


def _list(data: Any, key: str, where: str) -> list:
    return _get(data, key, list, where)


def _strings(data: Any, key: str, where: str) -> list[str]:
    values = _list(data, key, where)
    if not all(isinstance(v, str) for v in values):
        raise NotExtractionOutput(f"{where}: {key} is not a list of strings")
    return values


def _time(data: dict, where: str) -> dict[str, Any]:
    date = _opt(data, "date", where)
    if date is None:
        return dated(None)
    precision = _choice(data, "datePrecision", ("day", "month", "year"), where)
    qualifier = _opt(data, "dateQualifier", where)
    return dated(TimeValue(date, precision, qualifier))  # type: ignore[arg-type]


def article_from_dict(data: Any) -> Article:
    """The `Article` of a line's `article` object; its text must match its SHA-256."""
    where = "article"
    text = _str(data, "text", where)
    sha256 = _str(data, "sha256", where)
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256:
        raise NotExtractionOutput("article: its text does not match its sha256")
    body = []
    for span in _list(data, "body", where):
        if not (isinstance(span, list) and len(span) == 2 and all(type(x) is int for x in span)):
            raise NotExtractionOutput("article: body is not a list of [start, end] offsets")
        body.append(TextSpan(span[0], span[1]))
    return Article(
        id=_str(data, "id", where),
        text=text,
        body=body,
        path=_str(data, "path", where),
        title=_opt(data, "title", where),
        source=_opt(data, "source", where),
        url=_opt(data, "url", where),
        published=_opt(data, "published", where),
        author=_opt(data, "author", where),
        lang=_str(data, "lang", where),
        sha256=sha256,
        legacy_ids=tuple(_strings(data, "legacyIds", where)),
    )


def _mention(data: Any, text: str, where: str) -> Mention:
    mention = Mention(
        start=_int(data, "start", where),
        end=_int(data, "end", where),
        text=_str(data, "text", where),
        sentence=_int(data, "sentence", where),
        link=_get(data, "link", str, where, optional=True) or "",
    )
    if text[mention.start : mention.end] != mention.text:
        raise NotExtractionOutput(f"{where}: its offsets do not hold its text in the article")
    return mention


def _entity(data: Any, text: str, where: str) -> Entity:
    return Entity(
        id=_str(data, "id", where),
        label=_choice(data, "label", ENTITY_LABELS, where),
        name=_str(data, "name", where),
        name_en=_opt(data, "nameEn", where),
        kind=_choice(data, "kind", LOCATION_KINDS, where, optional=True),
        aliases=_strings(data, "aliases", where),
        wikidata=_opt(data, "wikidata", where),
        mentions=[
            _mention(m, text, f"{where}, mention {i + 1}")
            for i, m in enumerate(_list(data, "mentions", where))
        ],
    )


def _relation(data: Any, where: str) -> Relation:
    return Relation(
        type=_choice(data, "type", RELATION_TYPES, where),
        source=_str(data, "source", where),
        target=_str(data, "target", where),
        sentence=_int(data, "sentence", where),
        evidence=_str(data, "evidence", where),
        rule=_str(data, "rule", where),
        **_time(data, where),
    )


def _event(data: Any, where: str) -> Event:
    sentences = _list(data, "sentences", where)
    if not all(type(s) is int for s in sentences):
        raise NotExtractionOutput(f"{where}: sentences is not a list of numbers")
    return Event(
        id=_str(data, "id", where),
        type=_choice(data, "type", EVENT_TYPES, where),
        sentences=sentences,
        evidence=_str(data, "evidence", where),
        rule=_str(data, "rule", where),
        **{role.lower(): _strings(data, role.lower(), where) for role in EVENT_ROLES},
        **_time(data, where),
    )


def _sentence(data: Any, where: str) -> Sentence:
    return Sentence(
        idx=_int(data, "idx", where),
        start=_int(data, "start", where),
        end=_int(data, "end", where),
        text=_str(data, "text", where),
    )


def _each(data: Any, key: str, parse, what: str) -> list:
    return [parse(item, f"{what} {i + 1}") for i, item in enumerate(_list(data, key, "the line"))]


def document_from_dict(data: Any) -> Document:
    """The `Document` of one line of `kg extract`'s output, the inverse of `document_to_dict`.

    Raises `NotExtractionOutput` (saying which field is wrong) for anything else, including
    lines written by a kg that did not yet keep the article's text in them.
    """
    article = article_from_dict(_get(data, "article", dict, "the line"))
    return Document(
        article=article,
        sentences=_each(data, "sentences", _sentence, "sentence"),
        entities=_each(data, "entities", lambda e, w: _entity(e, article.text, w), "entity"),
        relations=_each(data, "relations", _relation, "relation"),
        events=_each(data, "events", _event, "event"),
        pipeline=_str(data, "pipeline", "the line"),
    )
