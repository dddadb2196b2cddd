"""Score a pipeline on gold CoNLL sentences, ANERcorp-style and by seen and unseen names.

ANERcorp-style (the score the literature reports): gold and predictions are compared entity
by entity over PERS/LOC/ORG/MISC (`FOUR_TYPES`; predicted Facility and Group, which ANERcorp
does not annotate, count as `O`), and over the three types kg's graph uses (`THREE_TYPES`).
Gold in any other scheme (FANE fine classes, AQMAR, our own labels) is mapped with
`coarse_label`. Seen and unseen: a gold name counts as seen when its matching key (spaces
ignored) is the text of an entity in the training data; recall is given for both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.language import Language

from kg.nlp.training.conll import TaggedSentence, iob_spans
from kg.nlp.training.corpora import entity_key
from kg.nlp.training.labels import (
    FOUR_TYPES,
    THREE_TYPES,
    coarse_label,
    is_anercorp_scheme,
    relabel,
)
from kg.nlp.training.scoring import OVERALL, Score, score_tags
from kg.nlp.training.tagging import tag_sentences

ANERCORP_SCHEME = "ANERcorp (PERS/ORG/LOC/MISC scored; Facility and Group count as O)"
FULL_SCHEME = "mapped to Person/Organization/Location/Facility/Group/Misc"


@dataclass(frozen=True)
class SeenRecall:
    """Recall on gold names seen in training and on the others, for one type (or all)."""

    seen: Score
    unseen: Score


@dataclass
class DevReport:
    """A development set's scores: per type over the given type sets, and seen/unseen."""

    scores: dict[str, dict[str, Score]]
    seen: dict[str, SeenRecall]


def _only(types: Collection[str]):
    return lambda label: label if label in types else None


def gold_tags(sentences: Sequence[TaggedSentence]) -> list[list[str]]:
    """The sentences' tags with every label mapped to ours."""
    return [relabel(s.tags, coarse_label) for s in sentences]


def seen_recall(
    sentences: Sequence[TaggedSentence],
    gold: Sequence[Sequence[str]],
    predicted: Sequence[Sequence[str]],
    train_names: Collection[str],
) -> dict[str, SeenRecall]:
    """Recall per type (and `OVERALL`) on gold names seen in training and on unseen ones."""
    found: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    total: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for sentence, gold_sentence, predicted_sentence in zip(sentences, gold, predicted, strict=True):
        hits = set(iob_spans(predicted_sentence))
        for span in iob_spans(gold_sentence):
            first, end, label = span
            seen = entity_key(" ".join(sentence.tokens[first:end])) in train_names
            for key in (label, OVERALL):
                total[seen][key] += 1
                found[seen][key] += span in hits
    labels = sorted(set(total[True]) | set(total[False]), key=lambda x: (x == OVERALL, x))
    return {
        label: SeenRecall(
            Score(found[True][label], 0, total[True][label]),
            Score(found[False][label], 0, total[False][label]),
        )
        for label in labels
    }


def dev_report(
    nlp: Language,
    sentences: Sequence[TaggedSentence],
    type_sets: dict[str, Sequence[str]],
    train_names: Collection[str],
) -> DevReport:
    """Scores of `nlp` on `sentences` over each named set of types, and seen/unseen recall
    over the first set."""
    predicted = tag_sentences(nlp, [s.tokens for s in sentences])
    gold = gold_tags(sentences)
    scores = {}
    for name, types in type_sets.items():
        keep = _only(types)
        scores[name] = score_tags(
            [relabel(tags, keep) for tags in gold], [relabel(tags, keep) for tags in predicted]
        )
    first = _only(next(iter(type_sets.values())))
    seen = seen_recall(
        sentences,
        [relabel(tags, first) for tags in gold],
        [relabel(tags, first) for tags in predicted],
        train_names,
    )
    return DevReport(scores, seen)


def evaluate_sentences(
    nlp: Language, gold: Sequence[TaggedSentence]
) -> tuple[str, dict[str, dict[str, Score]]]:
    """The gold scheme's description and the per-type scores of `nlp` on `gold`: for
    ANERcorp-labelled gold over the four and the three types, otherwise over all labels."""
    labels = {label for s in gold for *_, label in iob_spans(s.tags)}
    predicted = tag_sentences(nlp, [s.tokens for s in gold])
    mapped = gold_tags(gold)
    if not is_anercorp_scheme(labels):
        return FULL_SCHEME, {"all labels": score_tags(mapped, predicted)}
    scores = {}
    for name, types in (("4 types", FOUR_TYPES), ("3 types", THREE_TYPES)):
        keep = _only(types)
        scores[name] = score_tags(
            [relabel(t, keep) for t in mapped], [relabel(t, keep) for t in predicted]
        )
    return ANERCORP_SCHEME, scores


def format_seen(seen: dict[str, SeenRecall]) -> str:
    """A plain-text table: type, recall and count on seen and on unseen names."""
    lines = [f"{'type':<14}{'seen R':>8}{'seen':>7}{'unseen R':>10}{'unseen':>8}"]
    for label, recall in seen.items():
        lines.append(
            f"{label:<14}{recall.seen.recall:>8.4f}{recall.seen.gold:>7}"
            f"{recall.unseen.recall:>10.4f}{recall.unseen.gold:>8}"
        )
    return "\n".join(lines)
