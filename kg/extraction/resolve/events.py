"""Events: from rule hits to one `Event` per real-world happening.

An article often mentions one happening several times (the headline facts, then the
details), and several outlets report the same one. Two event mentions are taken as the same
happening when they have the same type, share a key participant (agent, target or
participant), and nothing contradicts: their dates agree at the coarser precision (or one is
unknown) and their places agree (one lies in the other, per the knowledge base, or one is
unknown). With only one participant shared, two reports of a strike, killing or other
recurring happening must also both give a place or both a date: an undated report of "an
Israeli strike" is not every Israeli strike, even within one article, which often lists
several. When a new
mention fits several known events, the one agreeing best (same place, same date, most shared
participants) wins; a tie is left unmerged rather than guessed.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable

from kg.extraction.resolve.timing import nearest_time
from kg.records import Event, EventMention, KnownEvent, RuleHit, TimeMention, TimeValue, dated

KEY_ROLES = ("AGENT", "TARGET", "PARTICIPANT")
# Happenings that news reports as current: undated, they are dated by the article.
CURRENT_NEWS_TYPES = frozenset({"Visit", "Meeting", "Exercise"})


def _same_happening(a: tuple[EventMention, int, int], b: tuple[EventMention, int, int]) -> bool:
    """Whether two mentions of one type in one sentence are one happening: their matches
    overlap, or nothing tells them apart: not two different agents, nor one side's agent the
    other's target (a US strike in Baghdad and an attack on a US base in Jordan are two)."""
    (first, start_a, end_a), (second, start_b, end_b) = a, b
    if start_a < end_b and start_b < end_a:
        return True
    agents_a, agents_b = first.roles.get("AGENT", set()), second.roles.get("AGENT", set())
    if agents_a and agents_b and not agents_a & agents_b:
        return False
    targets_a, targets_b = first.roles.get("TARGET", set()), second.roles.get("TARGET", set())
    return not (agents_a & targets_b or agents_b & targets_a)


def _one_per_happening(mentions: list[tuple[EventMention, int, int]]) -> list[EventMention]:
    """Within one sentence: mentions of one happening folded together (see `_same_happening`),
    and a killing folded into the strike that caused it (same victim)."""
    groups: list[tuple[EventMention, int, int]] = []
    for candidate in mentions:
        for index, group in enumerate(groups):
            if group[0].type == candidate[0].type and _same_happening(group, candidate):
                group[0].absorb(candidate[0])
                groups[index] = (group[0], min(group[1], candidate[1]), max(group[2], candidate[2]))
                break
        else:
            groups.append(candidate)
    found = [mention for mention, _, _ in groups]
    strikes = [mention for mention in found if mention.type == "Strike"]
    for killing in [mention for mention in found if mention.type == "Killing"]:
        victims = killing.roles.get("TARGET", set())
        strike = next((s for s in strikes if s.roles.get("TARGET", set()) & victims), None)
        if strike is not None:
            strike.absorb(killing)
            found.remove(killing)
    return found


def mentions_from_hits(
    hits: Iterable[RuleHit],
    sentence: int,
    evidence: str,
    times: list[TimeMention],
    published: str | None,
) -> list[EventMention]:
    """The event mentions the hits of one sentence state."""
    mentions = []
    for hit in hits:
        if hit.rule.event is None:
            continue
        roles = {
            role: {entity for group in groups for entity in hit.groups.get(group, ())}
            for role, groups in hit.rule.roles.items()
        }
        roles = {role: ids for role, ids in roles.items() if ids}
        when = nearest_time(times, hit.start, hit.end)
        if when is None and hit.rule.event in CURRENT_NEWS_TYPES and published:
            when = TimeValue(published[:7], "month" if len(published) >= 7 else "year")
        mention = EventMention(
            hit.rule.event, sentence, evidence, hit.rule.name, roles, when, hit.rule.anaphoric
        )
        mentions.append((mention, hit.start, hit.end))
    # A mention naming only a place completes another one or is no event.
    return [
        mention
        for mention in _one_per_happening(mentions)
        if any(mention.roles.get(role) for role in KEY_ROLES)
    ]


def _actors(roles: dict[str, set[str]]) -> set[str]:
    """Who acts in an event, agent or participant alike: the side named first in one report of
    a meeting or an exercise may be the other side in the next."""
    return roles.get("AGENT", set()) | roles.get("PARTICIPANT", set())


def _dates_agree(a: TimeValue | None, b: TimeValue | None) -> bool:
    if a is None or b is None:
        return True
    shorter = min(len(a.value), len(b.value))
    return a.value[:shorter] == b.value[:shorter]


class EventResolver:
    """Assigns event ids, merging mentions of one happening (see the module docstring).

    `places_of(id)` gives a place and the places it lies in (`damascus`, `syria`).
    """

    def __init__(self, places_of: Callable[[str], list[str]]) -> None:
        self.places_of = places_of
        self.known: dict[str, KnownEvent] = {}
        # (type, key participant) -> ids of the known events with that participant: only
        # events sharing a key participant can merge, so only they are scored.
        self._by_participant: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add_known(self, events: Iterable[KnownEvent]) -> None:
        """Make events stored elsewhere (the graph) candidates for merging."""
        for event in events:
            if event.id not in self.known:
                self.known[event.id] = event
                self._index(event)

    def _index(self, event: KnownEvent) -> None:
        for role in KEY_ROLES:
            for entity_id in event.roles.get(role, ()):
                self._by_participant[(event.type, entity_id)].add(event.id)

    def _candidates(self, mention: EventMention) -> set[str]:
        return {
            event_id
            for role in KEY_ROLES
            for entity_id in mention.roles.get(role, ())
            for event_id in self._by_participant.get((mention.type, entity_id), ())
        }

    def _places_agree(self, a: set[str], b: set[str]) -> bool:
        if not a or not b:
            return True
        return any(x in self.places_of(y) or y in self.places_of(x) for x in a for y in b)

    def _score(self, event: KnownEvent, mention: EventMention) -> int | None:
        if event.type != mention.type or not _dates_agree(event.when, mention.when):
            return None
        places_e, places_m = event.roles.get("PLACE", set()), mention.roles.get("PLACE", set())
        if not self._places_agree(places_e, places_m):
            return None
        shared = len(_actors(event.roles) & _actors(mention.roles)) + len(
            event.roles.get("TARGET", set()) & mention.roles.get("TARGET", set())
        )
        if shared == 0:
            return None
        # For happenings that recur (strikes, killings, ...), not contradicting is not enough:
        # one shared participant needs a place or a date both sides give and agree on (an
        # undated, placeless report of an Israeli strike names no particular one). An undated
        # visit, meeting or exercise is news of the current one.
        place_known = bool(places_e and places_m)
        date_known = event.when is not None and mention.when is not None
        recurring = mention.type not in CURRENT_NEWS_TYPES
        if recurring and shared < 2 and not place_known and not date_known:
            return None
        same_place = bool(places_e & places_m)
        same_date = event.when is not None and event.when == mention.when
        return 2 * shared + int(same_place) + int(same_date)

    def resolve(self, mention: EventMention, article_id: str, antecedent: str | None = None) -> str:
        """The id of the event this mention reports, new or already known.

        `antecedent` is the article's latest event of the same type: an anaphoric mention
        ("the strike") is that event when nothing contradicts it.
        """
        if mention.anaphoric and antecedent is not None:
            event = self.known[antecedent]
            places = event.roles.get("PLACE", set())
            if _dates_agree(event.when, mention.when) and self._places_agree(
                places, mention.roles.get("PLACE", set())
            ):
                event.absorb(mention)
                self._index(event)
                return event.id
        candidates = (self.known[event_id] for event_id in sorted(self._candidates(mention)))
        scored = [(s, e) for e in candidates if (s := self._score(e, mention)) is not None]
        scored.sort(key=lambda pair: pair[0], reverse=True)
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            event = scored[0][1]
        else:
            event = KnownEvent(_new_event_id(mention, article_id), mention.type)
            self.known[event.id] = event
        event.absorb(mention)
        self._index(event)
        return event.id


def _new_event_id(mention: EventMention, article_id: str) -> str:
    """A stable id for a happening first seen in this article and sentence."""
    roles = sorted(f"{r}={i}" for r, ids in mention.roles.items() for i in ids)
    when = mention.when.value if mention.when else ""
    basis = "|".join([mention.type, article_id, str(mention.sentence), when, *roles])
    return "event:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def article_events(
    mentions: Iterable[EventMention], resolver: EventResolver, article_id: str
) -> list[Event]:
    """The events one article reports: its mentions resolved and grouped by event id."""
    events: dict[str, Event] = {}
    latest: dict[str, str] = {}
    # A sentence the article repeats word for word (a lead sentence printed twice) reports
    # its happening once: its mentions go to the event its first copy went to.
    repeated: dict[tuple[str, str, str], str] = {}
    for mention in mentions:
        copy = (mention.type, mention.evidence, mention.rule)
        event_id = repeated.get(copy) or resolver.resolve(
            mention, article_id, latest.get(mention.type)
        )
        repeated.setdefault(copy, event_id)
        latest[mention.type] = event_id
        event = events.get(event_id)
        if event is None:
            event = events[event_id] = Event(
                event_id, mention.type, [], mention.evidence, mention.rule
            )
        if mention.sentence not in event.sentences:
            event.sentences.append(mention.sentence)
        for role, ids in mention.roles.items():
            merged = event.ids(role)
            merged.extend(sorted(ids - set(merged)))
    for event_id, event in events.items():
        for name, value in dated(resolver.known[event_id].when).items():
            setattr(event, name, value)
    return list(events.values())
