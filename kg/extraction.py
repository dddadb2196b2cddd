"""From cleaned articles to `Document`s: sentences, entities, relations and events.

The analysis of each article (`kg.analysis`) is independent; resolving it into a document
(linking, event merging) happens here, in article order, with state shared across articles.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from kg.analysis import Analyser, Analysis, analyse_all
from kg.cleaning import clean
from kg.events import EventMention, EventResolver, article_events, mentions_from_hits
from kg.ids import text_article_id
from kg.kb import KbEntity, default_kb, place_chain
from kg.linking import EntityLinker
from kg.model import Article, Document, Entity, Event, Mention, Relation, Span
from kg.relations import relations_from_hits


@dataclass(frozen=True)
class _Found:
    """One entity span found in a sentence, before grouping per entity."""

    entity_id: str
    label: str
    mention: Mention
    kind: str | None = None


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


def _entity_from_kb(known: KbEntity) -> Entity:
    return Entity(
        id=known.id,
        label=known.label,
        name=known.name,
        name_en=known.name_en,
        kind=known.kind,
        wikidata=known.wikidata,
    )


def _group(found: list[_Found], kb_by_id: dict[str, KbEntity]) -> list[Entity]:
    """One `Entity` per id, in order of first mention, with its mentions and surface forms."""
    entities: dict[str, Entity] = {}
    surfaces: dict[str, Counter[str]] = {}
    for item in found:
        entity = entities.get(item.entity_id)
        if entity is None:
            known = kb_by_id.get(item.entity_id)
            if known is not None:
                entity = _entity_from_kb(known)
            else:
                entity = Entity(item.entity_id, item.label, item.mention.text, kind=item.kind)
            entities[item.entity_id] = entity
            surfaces[item.entity_id] = Counter()
        entity.mentions.append(item.mention)
        surfaces[item.entity_id][item.mention.text] += 1
    for entity_id, entity in entities.items():
        entity.aliases = sorted(surfaces[entity_id])
        if entity_id not in kb_by_id:
            entity.name = surfaces[entity_id].most_common(1)[0][0]
    return list(entities.values())


class Extractor:
    """Resolves analyses in article order: entity ids and events shared across articles."""

    def __init__(self, nlp: Language | None = None, kb: Iterable[KbEntity] | None = None):
        self.kb = tuple(default_kb() if kb is None else kb)
        self.kb_by_id = {entity.id: entity for entity in self.kb}
        self._nlp = nlp
        self._analyser: Analyser | None = None
        self.events = EventResolver(lambda place: place_chain(self.kb, place))
        self.linker = EntityLinker(self.kb)

    @property
    def analyser(self) -> Analyser:
        """The in-process analyser (built on first use: parallel runs do not need it)."""
        if self._analyser is None:
            self._analyser = Analyser(self._nlp, self.kb)
        return self._analyser

    def document(self, article: Article) -> Document:
        """Extract one article: sentences, entities, relations and events."""
        return self.resolve(self.analyser.analyse(article))

    def resolve(self, analysis: Analysis) -> Document:
        """Turn an article's analysis into its document, in reading order."""
        article = analysis.article
        self.linker.start_article()
        found: list[_Found] = []
        relations: list[Relation] = []
        event_mentions: list[EventMention] = []
        for part in analysis.analysed:
            sentence = part.sentence
            slot_ids = []
            for span in part.spans:
                linked = self.linker.link(span.label, span.text, span.start, span.kb_id)
                text = article.text[linked.start : linked.end]
                mention = Mention(linked.start, linked.end, text, sentence.idx, linked.link)
                found.append(_Found(linked.entity_id, span.label, mention, span.kind))
                slot_ids.append(linked.entity_id)
            hits = [hit.resolved(slot_ids) for hit in part.hits]
            relations += relations_from_hits(hits, sentence.idx, sentence.text, part.times)
            event_mentions += mentions_from_hits(
                hits, sentence.idx, sentence.text, part.times, article.published
            )
        events = article_events(event_mentions, self.events, article.id)
        entities = _group(found, self.kb_by_id)
        entities += self._implied_entities(entities, relations, events)
        return Document(article, analysis.sentences, entities, relations, events)

    def _implied_entities(
        self, mentioned: list[Entity], relations: list[Relation], events: list[Event]
    ) -> list[Entity]:
        """Knowledge-base entities that facts refer to without naming them (the country of
        `غارة إسرائيلية`): listed with no mentions, so every id a fact uses is defined."""
        known = {entity.id for entity in mentioned}
        referred = [r.target for r in relations] + [
            entity_id for event in events for ids in event.roles.values() for entity_id in ids
        ]
        implied = []
        for entity_id in dict.fromkeys(referred):
            kb_entity = self.kb_by_id.get(entity_id)
            if entity_id not in known and kb_entity is not None:
                implied.append(_entity_from_kb(kb_entity))
        return implied

    def documents(self, articles: Iterable[Article], workers: int = 1) -> Iterator[Document]:
        """Extract a stream of articles, one `Document` each, in order.

        With `workers` > 1 the analysis runs in that many processes; the result is the same.
        """
        analyser = self.analyser if workers <= 1 else None
        for analysis in analyse_all(articles, workers, analyser):
            yield self.resolve(analysis)


def extract_documents(
    articles: Iterable[Article],
    nlp: Language | None = None,
    kb: Iterable[KbEntity] | None = None,
) -> Iterator[Document]:
    """Extract each article, streaming one `Document` per article; ids are shared run-wide."""
    return Extractor(nlp, kb).documents(articles)


def extract(texts: Iterable[str | Article], nlp: Language | None = None) -> list[Document]:
    """Extract documents from article texts or `Article`s: the Python API of `kg extract`."""
    articles = (t if isinstance(t, Article) else article_from_text(t) for t in texts)
    return list(extract_documents(articles, nlp=nlp))
