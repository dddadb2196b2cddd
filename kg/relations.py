"""Apply the rules of `kg.rules` to sentence skeletons: relations and event mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.arabic import match_key
from kg.kb import KbEntity
from kg.model import Relation
from kg.rules import RULES, Rule
from kg.skeleton import Skeleton, compile_pattern
from kg.temporal import TimeMention, TimeValue

# What may stand between coordinated entities: `دمشق وحلب`, `بسوريا، أهمها في دمشق`.
_COORDINATION = r'(?: (?:[وفبلك]|،|,|"|اهمها|ابرزها|منها|في|ب|خاصه|لا سيما))+ ⟦{label}(\d+)⟧'


@dataclass(frozen=True)
class Hit:
    """One match of one rule in one sentence.

    Groups hold entity ids once resolved; straight from `RuleSet.hits` they hold slot
    indexes (ints) for entities found in the sentence, and ids (strs) for demonyms.
    """

    rule: Rule
    groups: dict[str, tuple[int | str, ...]]
    start: int  # character span of the match in the sentence
    end: int

    def resolved(self, slot_ids: list[str]) -> Hit:
        """The hit with slot indexes replaced by the entity ids the slots were linked to."""
        groups = {
            name: tuple(dict.fromkeys(slot_ids[r] if isinstance(r, int) else r for r in refs))
            for name, refs in self.groups.items()
        }
        return Hit(self.rule, groups, self.start, self.end)


class RuleSet:
    """Compiled rules, with the demonyms of the knowledge base's countries."""

    def __init__(self, kb: Iterable[KbEntity], rules: Iterable[Rule] = RULES) -> None:
        kb = tuple(kb)
        self.demonym_ids = {match_key(d): e.id for e in kb for d in e.demonyms}
        self.rules = tuple(rules)
        self._compiled = [
            (rule, compile_pattern(rule.pattern, self.demonym_ids)) for rule in self.rules
        ]

    def hits(self, skeleton: Skeleton) -> list[Hit]:
        """Every rule match in the sentence (groups as slot indexes, or ids for demonyms)."""
        found: list[Hit] = []
        for rule, regex in self._compiled:
            for match in regex.finditer(skeleton.text):
                groups = {
                    name: self._group_ids(skeleton, match, name, rule)
                    for name, value in match.groupdict().items()
                    if value is not None
                }
                start = skeleton.char_at(match.start())
                end = skeleton.char_at(max(match.start(), match.end() - 1)) + 1
                found.append(Hit(rule, groups, start, end))
        return found

    def _group_ids(
        self, skeleton: Skeleton, match: re.Match[str], name: str, rule: Rule
    ) -> tuple[int | str, ...]:
        value = match.group(name)
        if not value.isdigit():
            return (self.demonym_ids[value],)
        refs: list[int | str] = [int(value)]
        if name in rule.expand:
            label = skeleton.text[match.start(name) - 1]
            coordinated = re.compile(_COORDINATION.format(label=re.escape(label)))
            position = match.end(name) + 1
            while (more := coordinated.match(skeleton.text, position)) is not None:
                refs.append(int(more.group(1)))
                position = more.end()
        return tuple(refs)


def nearest_time(times: list[TimeMention], start: int, end: int) -> TimeValue | None:
    """The time expression of the sentence closest to the character span `[start, end)`."""

    def distance(mention: TimeMention) -> int:
        if mention.end <= start:
            return start - mention.end
        return max(0, mention.start - end)

    return min(times, key=distance).time if times else None


def relations_from_hits(
    hits: Iterable[Hit], sentence: int, evidence: str, times: list[TimeMention]
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
