"""From cleaned articles to `Document`s: sentences, entities and their mentions."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from kg.cleaning import clean
from kg.ids import derived_entity_id, text_article_id
from kg.kb import KbEntity, default_kb
from kg.model import Article, Document, Entity, Mention, Span
from kg.nlp.pipeline import default_pipeline
from kg.sentences import split_sentences

PIPE_BATCH_SIZE = 256


@dataclass(frozen=True)
class _Found:
    """One entity span found in a sentence, before grouping per entity."""

    entity_id: str
    label: str
    mention: Mention


def article_from_text(text: str, **metadata: str | None) -> Article:
    """An `Article` for text given directly (not read from a file), cleaned like a file."""
    article = Article(
        id=metadata.pop("id", None) or text_article_id(text),
        text=text,
        body=[Span(0, len(text))],
        path=metadata.pop("path", None) or "<text>",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        **metadata,
    )
    return clean(article)


def _group(found: list[_Found], kb_by_id: dict[str, KbEntity]) -> list[Entity]:
    """One `Entity` per id, in order of first mention, with its mentions and surface forms."""
    entities: dict[str, Entity] = {}
    surfaces: dict[str, Counter[str]] = {}
    for item in found:
        entity = entities.get(item.entity_id)
        if entity is None:
            known = kb_by_id.get(item.entity_id)
            entity = Entity(id=item.entity_id, label=item.label, name=item.mention.text)
            if known is not None:
                entity.name, entity.name_en = known.name, known.name_en
                entity.kind, entity.wikidata = known.kind, known.wikidata
            entities[item.entity_id] = entity
            surfaces[item.entity_id] = Counter()
        entity.mentions.append(item.mention)
        surfaces[item.entity_id][item.mention.text] += 1
    for entity_id, entity in entities.items():
        entity.aliases = sorted(surfaces[entity_id])
        if entity_id not in kb_by_id:
            entity.name = surfaces[entity_id].most_common(1)[0][0]
    return list(entities.values())


def extract_documents(
    articles: Iterable[Article],
    nlp: Language | None = None,
    kb: Iterable[KbEntity] | None = None,
) -> Iterator[Document]:
    """Extract each article's sentences and entities, streaming one `Document` per article."""
    nlp = nlp or default_pipeline()
    kb_by_id = {entity.id: entity for entity in (default_kb() if kb is None else kb)}
    for article in articles:
        sentences = split_sentences(article)
        found: list[_Found] = []
        docs = nlp.pipe((s.text for s in sentences), batch_size=PIPE_BATCH_SIZE)
        for sentence, doc in zip(sentences, docs, strict=True):
            for ent in doc.ents:
                start, end = sentence.start + ent.start_char, sentence.start + ent.end_char
                mention = Mention(start, end, article.text[start:end], sentence.idx)
                entity_id = ent.ent_id_ or derived_entity_id(ent.label_, ent.text)
                found.append(_Found(entity_id, ent.label_, mention))
        yield Document(article, sentences, _group(found, kb_by_id))


def extract(texts: Iterable[str | Article], nlp: Language | None = None) -> list[Document]:
    """Extract documents from article texts or `Article`s: the Python API of `kg extract`."""
    articles = (t if isinstance(t, Article) else article_from_text(t) for t in texts)
    return list(extract_documents(articles, nlp=nlp))
