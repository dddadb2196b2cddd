"""Scoring documents against gold articles: entities, relations and events, per type.

Everything is scored per article, as an analyst reads a graph: a fact is found when the article's
document states it between the right entities, in whichever sentence; stating it twice counts
once. An extracted entity stands for a gold entity when one of its spellings in the article
(or, for an entity a fact implies without naming, one of its names) is one of the gold entity's
spellings, compared by matching key.

- Entities: the gold entities the document names, with the right label (entities a fact only
  implies are not counted as named).
- Relations: (type, source, target) over gold entities; `MET_WITH` in either direction. A
  relation with an end that is no gold entity is wrong.
- Events: a document event matches a gold event of the same type that shares a key participant
  (agent, target or participant); each gold event matches at most once. Roles are scored as
  (role, entity) pairs of matched events, dates by agreement at the gold date's precision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg.arabic import match_key
from kg.evaluation.gold import GoldArticle, GoldEntity, GoldEvent
from kg.kb import KbEntity
from kg.records import Document, Entity, Event
from kg.schema import SYMMETRIC_RELATIONS
from kg.vocabulary import key_set

# Kinds of place that gold names may carry before the name and kg's spans leave out.
PLACE_KINDS = key_set(("مدينة", "بلدة", "قرية", "محافظة", "مديرية", "منطقة", "ناحية", "قضاء"))
KEY_ROLES = ("AGENT", "TARGET", "PARTICIPANT")


@dataclass
class Tally:
    """Counts for one type: gold facts, facts found, found facts that are right."""

    gold: int = 0
    found: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        """Share of the found that are right (1.0 when nothing was found)."""
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Share of the gold that was found (1.0 when there is no gold)."""
        return self.right / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        self.gold += other.gold
        self.found += other.found
        self.right += other.right


@dataclass(frozen=True)
class Finding:
    """A fact missed or wrong in one article, described for a reader."""

    article: str
    kind: str  # entity, relation, event
    type: str
    description: str
    evidence: str = ""
    # Why a relation or event was missed: `entities found` (kg found every entity it
    # involves, so a rule or the classifier could state it), or `not found: X, Y`.
    cause: str = ""


@dataclass
class Scores:
    """Tallies per type for entities, relations and events, and the findings behind them."""

    articles: int = 0
    entities: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    relations: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    events: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    roles: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)
    missed: list[Finding] = field(default_factory=list)
    wrong: list[Finding] = field(default_factory=list)


ENTITIES_FOUND = "entities found"


def overall(tallies: Mapping[str, Tally]) -> Tally:
    """The sum of a table of tallies."""
    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    return total


def _key(text: str) -> str:
    """A spelling's matching key; a hashtag's underscores are spaces (`#الجيش_اليمني`)."""
    return match_key(text.replace("_", " ").lstrip("#"))


def _without_kinds(keys: set[str]) -> set[str]:
    """The keys, and those of a place named with its kind also without it (`مدينة البعث` and
    `البعث` name one place)."""
    return keys | {k.split(" ", 1)[1] for k in keys if k.split(" ")[0] in PLACE_KINDS and " " in k}


def _gold_keys(entity: GoldEntity) -> set[str]:
    return _without_kinds({_key(name) for name in (entity.name, *entity.aliases)} - {""})


def _mention_keys(text: str) -> set[str]:
    """A mention's key, and the key with the article an `ل` clitic elided (`لحوثيين`)."""
    key = _key(text)
    return {key, "ا" + key} if key.startswith("ل") and not key.startswith("ال") else {key}


def _document_keys(entity: Entity, kb_by_id: Mapping[str, KbEntity]) -> set[str]:
    """The spellings an entity goes by: its mentions and the name its node shows
    (`فصائل الحشد الشعبي` is the node `الحشد الشعبي`), else all its names."""
    if entity.mentions:
        keys = {k for m in entity.mentions for k in _mention_keys(m.text)} | {_key(entity.name)}
    else:
        known = kb_by_id.get(entity.id)
        names = [entity.name, *entity.aliases, *(known.aliases if known else ())]
        keys = {_key(name) for name in names} - {""}
    return _without_kinds(keys)


def map_entities(
    document: Document, gold: GoldArticle, kb_by_id: Mapping[str, KbEntity]
) -> dict[str, str]:
    """Document entity id -> the gold entity id it stands for (entities that stand for none
    are left out). The gold entity sharing most spellings wins, then the one whose own name
    is among them (`واشنطن` the city, not the United States that it also names), then the one
    of the same label."""
    gold_keys = {gid: _gold_keys(entity) for gid, entity in gold.entities.items()}
    own_names = {gid: _key(entity.name) for gid, entity in gold.entities.items()}
    mapping = {}
    for entity in document.entities:
        keys = _document_keys(entity, kb_by_id)
        candidates = [
            (
                len(keys & own),
                own_names[gid] in keys,
                gold.entities[gid].label == entity.label,
                -index,
                gid,
            )
            for index, (gid, own) in enumerate(gold_keys.items())
            if keys & own
        ]
        if candidates:
            mapping[entity.id] = max(candidates)[-1]
    return mapping


def _fact_key(kind: str, source: str, target: str) -> tuple[str, str, str]:
    if kind in SYMMETRIC_RELATIONS and target < source:
        source, target = target, source
    return kind, source, target


def _sentence(text: str, span: tuple[int, int] | None) -> str:
    return " ".join(text[span[0] : span[1]].split()) if span else ""


class Scorer:
    """Accumulates the scores of documents against their gold articles."""

    def __init__(self, kb: Iterable[KbEntity]) -> None:
        self.kb_by_id = {entity.id: entity for entity in kb}
        self.scores = Scores()

    def add(self, document: Document, gold: GoldArticle) -> None:
        """Score one article's document against its gold annotation."""
        self.scores.articles += 1
        mapping = map_entities(document, gold, self.kb_by_id)
        self._entities(document, gold, mapping)
        self._relations(document, gold, mapping)
        self._events(document, gold, mapping)

    def _name(self, gold: GoldArticle, gold_id: str) -> str:
        return gold.entities[gold_id].name

    def _cause(self, gold: GoldArticle, gold_ids: Iterable[str], mapping: dict[str, str]) -> str:
        """Why a fact between these gold entities was missed, as far as entities tell."""
        found = set(mapping.values())
        missing = sorted({self._name(gold, i) for i in gold_ids if i not in found})
        return "not found: " + ", ".join(missing) if missing else ENTITIES_FOUND

    def _entities(self, document: Document, gold: GoldArticle, mapping: dict[str, str]) -> None:
        named = [e for e in document.entities if e.mentions]
        found: dict[str, str] = {}  # gold id -> label it was found with
        for entity in named:
            tally = self.scores.entities[entity.label]
            tally.found += 1
            gold_id = mapping.get(entity.id)
            if gold_id is None:
                self.scores.wrong.append(
                    Finding(gold.name, "entity", entity.label, f"{entity.name} (not in the gold)")
                )
            elif gold.entities[gold_id].label == entity.label and gold_id not in found:
                tally.right += 1
                found[gold_id] = entity.label
        for gold_id, entity in gold.entities.items():
            self.scores.entities[entity.label].gold += 1
            if gold_id not in found:
                self.scores.missed.append(Finding(gold.name, "entity", entity.label, entity.name))

    def _relations(self, document: Document, gold: GoldArticle, mapping: dict[str, str]) -> None:
        text = document.article.text
        expected = {_fact_key(r.type, r.source, r.target): r for r in gold.relations}
        names = {entity.id: entity.name for entity in document.entities}
        stated: dict[tuple[str, str, str], str] = {}
        for relation in document.relations:
            source, target = mapping.get(relation.source), mapping.get(relation.target)
            if source is None or target is None:
                key = (relation.type, f"?{relation.source}", f"?{relation.target}")
            else:
                key = _fact_key(relation.type, source, target)
            if key in stated:
                continue
            stated[key] = relation.evidence
            tally = self.scores.relations[relation.type]
            tally.found += 1
            if key in expected:
                tally.right += 1
            else:
                what = (
                    f"{names.get(relation.source, relation.source)} -> "
                    f"{names.get(relation.target, relation.target)} ({relation.rule})"
                )
                self.scores.wrong.append(
                    Finding(gold.name, "relation", relation.type, what, relation.evidence)
                )
        for key, relation in expected.items():
            self.scores.relations[relation.type].gold += 1
            if key not in stated:
                what = f"{self._name(gold, relation.source)} -> {self._name(gold, relation.target)}"
                evidence = _sentence(text, relation.evidence)
                cause = self._cause(gold, (relation.source, relation.target), mapping)
                self.scores.missed.append(
                    Finding(gold.name, "relation", relation.type, what, evidence, cause)
                )

    def _events(self, document: Document, gold: GoldArticle, mapping: dict[str, str]) -> None:
        text = document.article.text
        predicted = [(event, _mapped_roles(event, mapping)) for event in document.events]
        used: set[int] = set()
        for gold_event in gold.events:
            tally = self.scores.events[gold_event.type]
            tally.gold += 1
            best = _best_match(gold_event, predicted, used)
            gold_pairs = {(role, i) for role, ids in gold_event.roles.items() for i in ids}
            self.scores.roles.gold += len(gold_pairs)
            if best is None:
                roles = ", ".join(
                    f"{role.lower()} {self._name(gold, i)}" for role, i in sorted(gold_pairs)
                )
                evidence = _sentence(text, gold_event.evidence[0] if gold_event.evidence else None)
                cause = self._cause(gold, (i for _, i in gold_pairs), mapping)
                self.scores.missed.append(
                    Finding(gold.name, "event", gold_event.type, roles, evidence, cause)
                )
                continue
            used.add(best)
            event, roles = predicted[best]
            pairs = {(role, i) for role, ids in roles.items() for i in ids}
            self.scores.roles.found += len(pairs)
            self.scores.roles.right += len(pairs & gold_pairs)
            tally.right += 1
            if gold_event.date:
                self.scores.dates.gold += 1
                if event.date is not None:
                    self.scores.dates.found += 1
                    shorter = min(len(gold_event.date), len(event.date))
                    if event.date[:shorter] == gold_event.date[:shorter]:
                        self.scores.dates.right += 1
        names = {entity.id: entity.name for entity in document.entities}
        for index, (event, roles) in enumerate(predicted):
            self.scores.events[event.type].found += 1
            if index in used:
                continue
            self.scores.roles.found += sum(len(ids) for ids in roles.values())
            what = ", ".join(
                f"{role.lower()} {names.get(i, i)}"
                for role, ids in event.by_role().items()
                for i in ids
            )
            self.scores.wrong.append(
                Finding(gold.name, "event", event.type, f"{what} ({event.rule})", event.evidence)
            )


def _mapped_roles(event: Event, mapping: dict[str, str]) -> dict[str, set[str]]:
    return {
        role: {mapping[i] for i in ids if i in mapping}
        for role, ids in event.by_role().items()
        if any(i in mapping for i in ids)
    }


def _key_participants(roles: Mapping[str, Iterable[str]]) -> set[str]:
    return {i for role in KEY_ROLES for i in roles.get(role, ())}


def _best_match(
    gold_event: GoldEvent,
    predicted: list[tuple[Event, dict[str, set[str]]]],
    used: set[int],
) -> int | None:
    wanted = _key_participants(gold_event.roles)
    best: tuple[int, int] | None = None
    for index, (event, roles) in enumerate(predicted):
        if index in used or event.type != gold_event.type:
            continue
        shared = len(wanted & _key_participants(roles))
        if shared and (best is None or shared > best[0]):
            best = (shared, index)
    return best[1] if best else None
