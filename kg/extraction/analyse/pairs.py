"""A learned relation classifier for the entity pairs of a sentence, beside the rules.

The rules state a fact only where their pattern matches word for word. The classifier reads
every pair of entities (and country adjectives, which stand for their country) within a few
words of each other in a sentence skeleton, and scores each relation type in each direction
from the words between and around them, the entities' types and kinds, and the rules that
matched them. A pair scoring above its type's threshold becomes a `RuleHit` of the rule
`learned-TYPE`, so the resolve stage treats it like any other hit.

The model is one logistic regression per (type, direction), trained by `kg learn` from
hand-annotated gold files (`kg.evaluation.learning`) and shipped as JSON in
`kg/models/relations.json`: a feature vocabulary, a weight matrix and a threshold per class.
Without that file the analyser runs with the rules alone.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

import numpy

from kg.extraction.rules.skeleton import Skeleton
from kg.kb import KbEntity
from kg.nlp.institutions import INSTITUTION_HEADS
from kg.nlp.places import FACILITY_CUES
from kg.records import EntitySpan, Rule, RuleHit
from kg.schema import RELATION_TYPES, STATE_RELATIONS, SYMMETRIC_RELATIONS
from kg.vocabulary import ARMED_HEADS

MODEL_FILE = "relations.json"
MAX_DISTANCE = 16  # units between the two ends of a pair
_SLOT_PREFIX = "⟦"


@dataclass(frozen=True)
class End:
    """One end of a candidate pair: a skeleton unit that is an entity slot or a demonym."""

    unit: int  # position among the skeleton's units
    label: str  # P, O, L, G
    ref: int | str  # slot index, or the country id of a demonym
    kinds: tuple[str, ...] = ()


def _distance_bucket(distance: int) -> str:
    for limit in (1, 2, 3, 5, 8, 12):
        if distance <= limit:
            return str(limit)
    return "far"


def _word(unit: str) -> str:
    return f"E{unit[1]}" if unit.startswith(_SLOT_PREFIX) else unit


def pair_features(units: Sequence[str], a: End, b: End, rules: Iterable[str]) -> list[str]:
    """The features of the pair (a, b), `a` before `b`, among a skeleton's `units`."""
    between = [_word(u) for u in units[a.unit + 1 : b.unit]]
    labels = a.label + b.label
    first = between[0] if between else "-"
    last = between[-1] if between else "-"
    features = [
        f"lab:{labels}",
        f"dist:{_distance_bucket(len(between))}",
        f"bf:{first}",
        f"bl:{last}",
        f"lab+bf:{labels}:{first}",
        f"lab+bl:{labels}:{last}",
        f"pa1:{_word(units[a.unit - 1]) if a.unit > 0 else '^'}",
        f"pa2:{_word(units[a.unit - 2]) if a.unit > 1 else '^'}",
        f"nb1:{_word(units[b.unit + 1]) if b.unit + 1 < len(units) else '$'}",
        f"nb2:{_word(units[b.unit + 2]) if b.unit + 2 < len(units) else '$'}",
        f"lab+pa1:{labels}:{_word(units[a.unit - 1]) if a.unit > 0 else '^'}",
    ]
    features += [f"b:{word}" for word in dict.fromkeys(between)]
    features += [f"bb:{x}_{y}" for x, y in pairwise(between)]
    features += [f"ka:{kind}" for kind in a.kinds] + [f"kb:{kind}" for kind in b.kinds]
    features += [f"rule:{name}" for name in rules]
    return features


def _kinds(span: EntitySpan, kb_by_id: Mapping[str, KbEntity]) -> tuple[str, ...]:
    known = kb_by_id.get(span.kb_id) if span.kb_id else None
    if known is not None:
        flags = {
            "country": known.kind == "country",
            "facility": known.kind == "facility",
            "armed": known.armed,
            "state": known.state_body,
        }
        return ("kb", *(name for name, on in flags.items() if on))
    head = span.key.split(" ")[0] if span.key else ""
    flags = {
        "armed": head in ARMED_HEADS,
        "state": (head,) in INSTITUTION_HEADS,
        "facility": head in FACILITY_CUES,
    }
    return tuple(name for name, on in flags.items() if on)


def pair_ends(
    skeleton: Skeleton,
    spans: Sequence[EntitySpan],
    demonym_ids: Mapping[str, str],
    kb_by_id: Mapping[str, KbEntity],
) -> list[End]:
    """The ends a sentence's pairs can have: its entity slots (with their kinds) and the
    country adjectives among its words, in skeleton order."""
    ends = []
    for position, unit in enumerate(skeleton.text.split()):
        if unit.startswith(_SLOT_PREFIX):
            index = int(unit[2:-1])
            ends.append(End(position, unit[1], index, _kinds(spans[index], kb_by_id)))
        elif unit in demonym_ids:
            ends.append(End(position, "L", demonym_ids[unit], ("dem", "country")))
    return ends


def rules_by_pair(hits: Iterable[RuleHit]) -> dict[tuple[int | str, int | str], list[str]]:
    """For each (a, b) pair of slot indexes or ids, the rules whose relations join them, with
    the direction (`title-before-name>`: from a to b)."""
    found: dict[tuple[int | str, int | str], list[str]] = defaultdict(list)
    for hit in hits:
        for _, source_group, target_group in hit.rule.relations:
            for source in hit.groups.get(source_group, ()):
                for target in hit.groups.get(target_group, ()):
                    found[(source, target)].append(f"{hit.rule.name}>")
                    found[(target, source)].append(f"{hit.rule.name}<")
    return found


def candidate_pairs(ends: Sequence[End]) -> Iterable[tuple[End, End]]:
    """Every pair of ends within `MAX_DISTANCE` units, the first before the second, that are
    not the same entity."""
    for index, a in enumerate(ends):
        for b in ends[index + 1 :]:
            if b.unit - a.unit - 1 > MAX_DISTANCE:
                break
            if a.ref != b.ref:
                yield a, b


# Relations an entity holds once per sentence: a second one the classifier finds for an entity
# the rules already gave one is a misreading, not a second fact.
ONE_PER_SOURCE: frozenset[str] = frozenset({"LEADS", "BORN_IN", "KILLED_IN", "HEADQUARTERED_IN"})


def class_names() -> list[str]:
    """The classes a model scores: each relation type in each direction (`LEADS>`, `LEADS<`);
    `MET_WITH` reads both ways, so it has one."""
    names = []
    for relation_type in RELATION_TYPES:
        names.append(f"{relation_type}>")
        if relation_type not in SYMMETRIC_RELATIONS:
            names.append(f"{relation_type}<")
    return names


@cache
def learned_rule(class_name: str) -> Rule:
    """The rule a classifier hit of this class is reported as."""
    relation_type = class_name[:-1]
    source, target = ("s", "t") if class_name.endswith(">") else ("t", "s")
    return Rule(
        f"learned-{relation_type.lower().replace('_', '-')}",
        "",
        relations=((relation_type, source, target),),  # type: ignore[arg-type]
        timed=relation_type not in STATE_RELATIONS,
    )


class PairModel:
    """The trained weights: a feature vocabulary and one logistic regression per class."""

    def __init__(
        self,
        vocabulary: dict[str, int],
        classes: list[str],
        weights: numpy.ndarray,
        bias: numpy.ndarray,
        thresholds: dict[str, float],
    ) -> None:
        self.vocabulary = vocabulary
        self.classes = classes
        self.weights = weights
        self.bias = bias
        self.thresholds = numpy.array([thresholds.get(c, 1.1) for c in classes])

    def scores(self, features: Iterable[str]) -> numpy.ndarray:
        """The probability of each class for one pair."""
        rows = [self.vocabulary[f] for f in features if f in self.vocabulary]
        logits = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        return 1.0 / (1.0 + numpy.exp(-numpy.clip(logits, -30, 30)))

    def hits(
        self, units: Sequence[str], ends: Sequence[End], rule_hits: Sequence[RuleHit], chars
    ) -> list[RuleHit]:
        """The classifier's hits among `ends`, beside the rules' `rule_hits` of the same
        sentence: `RuleHit`s with groups `s` and `t`. `chars(unit)` gives the character offset
        of a unit in the sentence.

        The rules win: where they give an entity a relation of a type that one entity holds
        once in a sentence (`ONE_PER_SOURCE`: an office names one body), the classifier adds
        no second one (`قائد فيلق القدس التابع للحرس الثوري` leads the Quds Force only).
        """
        rule_pairs = rules_by_pair(rule_hits)
        taken = {
            (relation_type, source)
            for hit in rule_hits
            for relation_type, source_group, _ in hit.rule.relations
            if relation_type in ONE_PER_SOURCE
            for source in hit.groups.get(source_group, ())
        }
        found = []
        for a, b in candidate_pairs(ends):
            features = pair_features(units, a, b, rule_pairs.get((a.ref, b.ref), ()))
            scores = self.scores(features)
            for index in numpy.flatnonzero(scores >= self.thresholds):
                rule = learned_rule(self.classes[index])
                relation_type, source_group, _ = rule.relations[0]
                source = a.ref if source_group == "s" else b.ref
                if (relation_type, source) in taken:
                    continue
                start, end = chars(a.unit), chars(b.unit) + 1
                found.append(RuleHit(rule, {"s": (a.ref,), "t": (b.ref,)}, start, end))
        return found

    def to_json(self, precision: int = 2) -> dict:
        """The model as JSON-ready data: per feature, its non-zero weights by class index."""
        features = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        weights = {}
        for feature in features:
            row = self.weights[self.vocabulary[feature]]
            kept = {
                str(i): round(float(w), precision) for i, w in enumerate(row) if round(w, precision)
            }
            if kept:
                weights[feature] = kept
        return {
            "classes": self.classes,
            "weights": weights,
            "bias": [round(float(b), precision) for b in self.bias],
            "thresholds": {
                c: round(float(t), 4) for c, t in zip(self.classes, self.thresholds, strict=True)
            },
        }

    @classmethod
    def from_json(cls, data: dict) -> PairModel:
        """A model from `to_json` data."""
        classes = data["classes"]
        vocabulary = {feature: index for index, feature in enumerate(data["weights"])}
        weights = numpy.zeros((len(vocabulary), len(classes)), dtype="float32")
        for feature, row in data["weights"].items():
            for column, value in row.items():
                weights[vocabulary[feature], int(column)] = value
        bias = numpy.array(data["bias"], dtype="float32")
        return cls(vocabulary, classes, weights, bias, data["thresholds"])


def save_model(model: PairModel, path: Path) -> None:
    """Write a model as compact JSON."""
    path.write_text(json.dumps(model.to_json(), ensure_ascii=False), encoding="utf-8")


@cache
def packaged_model() -> PairModel | None:
    """The model shipped in `kg/models/`, or None when there is none."""
    source = resources.files("kg") / "models" / MODEL_FILE
    if not source.is_file():
        return None
    return PairModel.from_json(json.loads(source.read_text(encoding="utf-8")))
