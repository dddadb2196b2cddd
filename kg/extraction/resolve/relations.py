"""The relations that a sentence's resolved rule hits state."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.extraction.resolve.timing import nearest_time
from kg.records import Relation, RuleHit, TimeMention


def _kinds_fit(hit: RuleHit, is_country: Callable[[str], bool]) -> bool:
    """Whether the hit's groups name countries where its rule asks for them, and only there."""
    rule = hit.rule
    return all(is_country(i) for g in rule.countries for i in hit.groups.get(g, ())) and not any(
        is_country(i) for g in rule.not_countries for i in hit.groups.get(g, ())
    )


def relations_from_hits(
    hits: Iterable[RuleHit],
    sentence: int,
    evidence: str,
    times: list[TimeMention],
    is_country: Callable[[str], bool] = lambda _id: False,
) -> list[Relation]:
    """The relations the hits of one sentence state (one per pair, self-loops dropped).

    `is_country(id)` tells which entities are countries, for rules that constrain it.
    """
    relations: dict[tuple[str, str, str], Relation] = {}
    for hit in hits:
        if not _kinds_fit(hit, is_country):
            continue
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
