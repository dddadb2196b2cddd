"""Development scores: ANERcorp-style over four and three types, and recall on names seen
and unseen in training, on a rule-based pipeline whose predictions are known exactly."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from kg.nlp.tokenizer import TOKENIZER_CONFIG
from kg.nlp.training.conll import TaggedSentence
from kg.nlp.training.corpora import entity_key
from kg.nlp.training.evaluation import dev_report
from kg.nlp.training.labels import FOUR_TYPES, THREE_TYPES


@pytest.fixture(scope="module")
def rules() -> Language:
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "NORM"})
    ruler.add_patterns(
        [
            {"label": "Person", "pattern": "ميشال عون"},
            {"label": "Location", "pattern": "بيروت"},
            {"label": "Misc", "pattern": "كأس العالم"},
            {"label": "Group", "pattern": "العرب"},
        ]
    )
    return nlp


def _sentence(text: str) -> TaggedSentence:
    pairs = [item.rpartition("/") if "/" in item else (item, "", "O") for item in text.split()]
    return TaggedSentence(tuple(t for t, _, _ in pairs), tuple(tag for _, _, tag in pairs))


GOLD = [
    _sentence("زار/O ميشال/B-PERS عون/I-PERS بيروت/B-LOC مع/O سمير/B-PERS جعجع/I-PERS ./O"),
    _sentence("شاهد/O العرب/O كأس/B-MISC العالم/I-MISC في/O طرابلس/B-LOC ./O"),
]


def test_four_and_three_types_and_seen_recall(rules: Language) -> None:
    seen = {entity_key("ميشال عون"), entity_key("طرابلس")}
    report = dev_report(rules, GOLD, {"4 types": FOUR_TYPES, "3 types": THREE_TYPES}, seen)
    four, three = report.scores["4 types"], report.scores["3 types"]
    # Found: ميشال عون, بيروت, كأس العالم; missed: سمير جعجع, طرابلس; Group is not scored.
    assert (four["ALL"].true_positives, four["ALL"].predicted, four["ALL"].gold) == (3, 3, 5)
    assert (three["ALL"].true_positives, three["ALL"].gold) == (2, 4)
    assert "Misc" not in three and "Group" not in four
    overall = report.seen["ALL"]
    assert (overall.seen.true_positives, overall.seen.gold) == (1, 2)  # عون found, طرابلس not
    assert (overall.unseen.true_positives, overall.unseen.gold) == (2, 3)
    assert report.seen["Person"].unseen.recall == 0.0
