"""From linked mentions to one `Entity` per id, and the entities facts imply without naming."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from kg.arabic import match_key
from kg.kb import KbEntity
from kg.records import Entity, EntityMention, Event, Relation


def entity_from_kb(known: KbEntity) -> Entity:
    """A knowledge-base entity as a document entity (no mentions yet)."""
    return Entity(
        id=known.id,
        label=known.label,
        name=known.name,
        name_en=known.name_en,
        kind=known.kind,
        wikidata=known.wikidata,
    )


def group_mentions(
    found: Iterable[EntityMention], kb_by_id: Mapping[str, KbEntity]
) -> list[Entity]:
    """One `Entity` per id, in order of first mention, with its mentions and surface forms.

    A knowledge-base entity keeps its curated name; any other takes its most frequent spelling.
    """
    entities: dict[str, Entity] = {}
    surfaces: dict[str, Counter[str]] = {}
    for item in found:
        entity = entities.get(item.entity_id)
        if entity is None:
            known = kb_by_id.get(item.entity_id)
            if known is not None:
                entity = entity_from_kb(known)
            else:
                entity = Entity(item.entity_id, item.label, item.mention.text, kind=item.kind)
            entities[item.entity_id] = entity
            surfaces[item.entity_id] = Counter()
        entity.mentions.append(item.mention)
        surfaces[item.entity_id][item.mention.text] += 1
    for entity_id, entity in entities.items():
        entity.aliases = sorted(surfaces[entity_id])
        if entity_id not in kb_by_id:
            entity.name = _display_name(entity_id, surfaces[entity_id])
    return list(entities.values())


def _display_name(entity_id: str, surfaces: Counter[str]) -> str:
    """The most frequent spelling of an entity; one written with the article elided after a
    clitic `ل` (`لحوثيين` of `للحوثيين`) is shown with its article (`الحوثيين`), and one
    written as a hashtag (`ميليشيات_الحوثي`) with spaces."""
    key = entity_id.partition(":")[2].replace("_", " ")
    spelled: Counter[str] = Counter()
    for surface, count in surfaces.items():
        spelled[surface.replace("_", " ")] += count
    surfaces = spelled
    for surface, _ in surfaces.most_common():
        if match_key(surface) == key:
            return surface
    surface = surfaces.most_common(1)[0][0]
    restored = "ا" + surface
    return restored if surface.startswith("ل") and match_key(restored) == key else surface


def implied_entities(
    mentioned: Iterable[Entity],
    relations: Iterable[Relation],
    events: Iterable[Event],
    kb_by_id: Mapping[str, KbEntity],
) -> list[Entity]:
    """Knowledge-base entities that facts refer to without naming them (the country of
    `غارة إسرائيلية`): listed with no mentions, so every id a fact uses is defined."""
    known = {entity.id for entity in mentioned}
    referred = [r.target for r in relations] + [
        entity_id for event in events for ids in event.by_role().values() for entity_id in ids
    ]
    implied = []
    for entity_id in dict.fromkeys(referred):
        kb_entity = kb_by_id.get(entity_id)
        if entity_id not in known and kb_entity is not None:
            implied.append(entity_from_kb(kb_entity))
    return implied
