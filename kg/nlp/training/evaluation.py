"""Score a pipeline on gold CoNLL sentences, mapping the gold labels to the pipeline's.

ANERcorp-labelled gold (PERS/ORG/LOC/MISC only) is scored on Person, Organization and
Location: MISC is not scored and predicted Facility and Group, which ANERcorp does not
annotate, count as `O`. Other gold (NewsFANE fine classes, our own labels) is mapped with
`coarse_label` and scored on every label.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language

from kg.nlp.training.conll import TaggedSentence, iob_spans
from kg.nlp.training.labels import TO_ANERCORP, coarse_label, is_anercorp_scheme, relabel
from kg.nlp.training.scoring import Score, score_tags
from kg.nlp.training.tagging import tag_sentences

ANERCORP_SCHEME = "ANERcorp (PERS/ORG/LOC scored; MISC, Facility, Group not scored)"
FULL_SCHEME = "mapped to Person/Organization/Location/Facility/Group"


def evaluate_sentences(
    nlp: Language, gold: Sequence[TaggedSentence]
) -> tuple[str, dict[str, Score]]:
    """The gold scheme's description and per-type scores of `nlp` on `gold`."""
    labels = {label for s in gold for *_, label in iob_spans(s.tags)}
    predicted = tag_sentences(nlp, [s.tokens for s in gold])
    gold_tags = [relabel(s.tags, coarse_label) for s in gold]
    if is_anercorp_scheme(labels):
        predicted = [
            relabel(tags, lambda label: label if label in TO_ANERCORP else None)
            for tags in predicted
        ]
        return ANERCORP_SCHEME, score_tags(gold_tags, predicted)
    return FULL_SCHEME, score_tags(gold_tags, predicted)
