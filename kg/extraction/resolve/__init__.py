"""Stage 2, resolve: an article's analysis to its `Document`, in article order.

Resolution carries the run's state from one article to the next: the people seen (so a lone
family name links to the one person of the run with that name) and the events reported (so
two outlets' reports of one happening give one event). Per article, in reading order:

1. `linking`: which entity each span names (knowledge-base id, title stripped, short form,
   family name across articles, or type plus normalised name);
2. `relations`: the facts the rule hits state, between the linked entities;
3. `events`: event mentions, merged into the run's known events;
4. `entities`: mentions grouped per entity, plus the entities facts imply without naming.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.extraction.resolve.entities import group_mentions, implied_entities
from kg.extraction.resolve.events import EventResolver, article_events, mentions_from_hits
from kg.extraction.resolve.linking import EntityLinker
from kg.extraction.resolve.relations import kinds_fit, relations_from_hits
from kg.kb import KbEntity, place_chain
from kg.nlp.places import FACILITY_CUES
from kg.records import (
    ArticleAnalysis,
    Document,
    EntityMention,
    EventMention,
    KnownEvent,
    Mention,
    Relation,
)
from kg.vocabulary import ARMED_HEADS, MISSION_HEADS


class Resolver:
    """Resolves analyses in article order; entity ids and events are shared run-wide."""

    def __init__(self, kb: Iterable[KbEntity]) -> None:
        self.kb = tuple(kb)
        self.kb_by_id = {entity.id: entity for entity in self.kb}
        self.events = EventResolver(lambda place: place_chain(self.kb_by_id, place))
        self.linker = EntityLinker(self.kb)

    def remember(
        self,
        events: Iterable[KnownEvent] = (),
        people: Iterable[tuple[str, list[str]]] = (),
    ) -> None:
        """Know events and people stored elsewhere (the graph) as if seen earlier in this run,
        so a resumed or incremental load resolves exactly as one load of everything would."""
        self.events.add_known(events)
        self.linker.add_known_people(people)

    def _agrees_with_kb(self, relation: Relation) -> bool:
        """False for a place put in a country the knowledge base says it is not in
        (`قاعدة حميميم الروسية` is Russia's base in Syria, not a place in Russia)."""
        if relation.type != "LOCATED_IN" or not self.is_country(relation.target):
            return True
        chain = place_chain(self.kb_by_id, relation.source)[1:]
        countries = [place for place in chain if self.is_country(place)]
        return not countries or relation.target in countries

    def is_country(self, entity_id: str) -> bool:
        """Whether the entity is a country of the knowledge base."""
        known = self.kb_by_id.get(entity_id)
        return known is not None and known.kind == "country"

    def is_facility(self, entity_id: str) -> bool:
        """Whether the entity is a facility: of that kind in the knowledge base, or a place
        outside it whose name starts with a facility's kind (`ميناء`, `مطار`, `قاعدة`)."""
        known = self.kb_by_id.get(entity_id)
        if known is not None:
            return known.kind == "facility"
        label, _, key = entity_id.partition(":")
        return label == "location" and key.split("_")[0] in FACILITY_CUES

    def is_mission(self, entity_id: str) -> bool:
        """Whether the entity is an embassy or a consulate: an organisation outside the
        knowledge base whose name starts with `السفارة` or `القنصلية`."""
        label, _, key = entity_id.partition(":")
        return label == "organization" and key.split("_")[0] in MISSION_HEADS

    def is_armed(self, entity_id: str) -> bool:
        """Whether the entity is an armed body: marked so in the knowledge base, or an
        organisation outside it whose name starts with an armed body's head noun."""
        known = self.kb_by_id.get(entity_id)
        if known is not None:
            return known.armed
        label, _, key = entity_id.partition(":")
        return label == "organization" and key.split("_")[0] in ARMED_HEADS

    def resolve(self, analysis: ArticleAnalysis) -> Document:
        """Turn an article's analysis into its document, in reading order."""
        article = analysis.article
        self.linker.start_article()
        found: list[EntityMention] = []
        relations: list[Relation] = []
        event_mentions: list[EventMention] = []
        for part in analysis.analysed:
            sentence = part.sentence
            slot_ids = []
            for span in part.spans:
                linked = self.linker.link(span.label, span.text, span.start, span.kb_id, span.key)
                text = article.text[linked.start : linked.end]
                mention = Mention(linked.start, linked.end, text, sentence.idx, linked.link)
                found.append(EntityMention(linked.entity_id, span.label, mention, span.kind))
                slot_ids.append(linked.entity_id)
            hits = [hit.resolved(slot_ids) for hit in part.hits]
            hits = [hit for hit in hits if kinds_fit(hit, self)]
            relations += [
                relation
                for relation in relations_from_hits(hits, sentence.idx, sentence.text, part.times)
                if self._agrees_with_kb(relation)
            ]
            event_mentions += mentions_from_hits(
                hits, sentence.idx, sentence.text, part.times, article.published
            )
        events = article_events(event_mentions, self.events, article.id)
        entities = group_mentions(found, self.kb_by_id)
        entities += implied_entities(entities, relations, events, self.kb_by_id)
        return Document(article, analysis.sentences, entities, relations, events)
