"""The relations that a sentence's resolved rule hits state."""

from __future__ import annotations

from collections.abc import Iterable

from kg.extraction.resolve.timing import nearest_time
from kg.records import Relation, RuleHit, TimeMention


def relations_from_hits(
    hits: Iterable[RuleHit], sentence: int, evidence: str, times: list[TimeMention]
) -> list[Relation]:
    """The relations the hits of one sentence state (one per pair, self-loops dropped)."""
    relations: dict[tuple[str, str, str], Relation] = {}
    for hit in hits:
        when = nearest_time(times, hit.start, hit.end) if hit.rule.timed else None
        for relation_type, source_group, target_group in hit.rule.relations:
            for source in hit.groups.get(source_group, ()):
                for target in hit.groups.get(target_group, ()):
                    key = (relation_type, source, target)
                    if source != target and key not in relations:
                        relations[key] = Relation(
                            relation_type, source, target, sentence, evidence, hit.rule.name, when
                        )
    return list(relations.values())
