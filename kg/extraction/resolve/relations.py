"""The relations that a sentence's resolved rule hits state."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from kg.extraction.resolve.timing import nearest_time
from kg.records import Relation, RuleHit, TimeMention, dated
from kg.schema import SYMMETRIC_RELATIONS


class EntityKinds(Protocol):
    """What the resolve stage knows of an entity beyond its label."""

    def is_country(self, entity_id: str) -> bool:
        """Whether the entity is a country."""
        ...

    def is_armed(self, entity_id: str) -> bool:
        """Whether the entity is an army, a force or an armed group."""
        ...

    def is_facility(self, entity_id: str) -> bool:
        """Whether the entity is a facility (an airport, a port, a base)."""
        ...

    def is_mission(self, entity_id: str) -> bool:
        """Whether the entity is an embassy or a consulate."""
        ...


def _has_kind(kinds: EntityKinds, entity_id: str, kind: str) -> bool:
    if kind == "country":
        return kinds.is_country(entity_id)
    if kind == "not-country":
        return not kinds.is_country(entity_id)
    if kind == "armed":
        return kinds.is_armed(entity_id)
    if kind == "not-facility":
        return not kinds.is_facility(entity_id)
    if kind == "mission":
        return kinds.is_mission(entity_id)
    raise ValueError(f"unknown entity kind {kind!r}")


def kinds_fit(hit: RuleHit, kinds: EntityKinds) -> bool:
    """Whether every entity of the hit's groups is of the kind its rule asks for."""
    return all(
        _has_kind(kinds, entity_id, kind)
        for group, kind in hit.rule.kinds
        for entity_id in hit.groups.get(group, ())
        if isinstance(entity_id, str)
    )


def relations_from_hits(
    hits: Iterable[RuleHit],
    sentence: int,
    evidence: str,
    times: list[TimeMention],
) -> list[Relation]:
    """The relations the (resolved, kind-checked) hits of one sentence state: one per pair,
    self-loops dropped, a symmetric relation from the smaller id to the larger."""
    relations: dict[tuple[str, str, str], Relation] = {}
    for hit in hits:
        when = nearest_time(times, hit.start, hit.end) if hit.rule.timed else None
        for relation_type, source_group, target_group in hit.rule.relations:
            for source in hit.groups.get(source_group, ()):
                for target in hit.groups.get(target_group, ()):
                    ends = (source, target)
                    if relation_type in SYMMETRIC_RELATIONS:
                        ends = tuple(sorted(ends))
                    key = (relation_type, *ends)
                    if source != target and key not in relations:
                        relations[key] = Relation(
                            relation_type, *ends, sentence, evidence, hit.rule.name, **dated(when)
                        )
    return list(relations.values())
