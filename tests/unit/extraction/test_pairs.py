"""The learned pair classifier: its features, its training, and its hits beside the rules."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest

from kg.errors import KgError
from kg.evaluation.learning import Examples, train
from kg.extraction.analyse import Analyser
from kg.extraction.analyse.pairs import (
    MAX_DISTANCE,
    End,
    PairModel,
    candidate_pairs,
    class_names,
    learned_rule,
    pair_features,
    save_model,
)
from kg.ingest import article_from_text

UNITS = ["قال", "⟦P0⟧", "،", "قايد", "⟦O1⟧", "،", "ان"]


def test_features_read_the_words_between_and_around_a_pair() -> None:
    person, body = End(1, "P", 0), End(4, "O", 1, ("kb", "armed"))
    features = pair_features(UNITS, person, body, ["title-before-name<"])
    assert {"lab:PO", "dist:2", "bf:،", "bl:قايد", "pa1:قال", "nb1:،"} <= set(features)
    assert {"b:قايد", "bb:،_قايد", "kb:armed", "rule:title-before-name<"} <= set(features)


def test_pairs_are_near_and_of_two_entities() -> None:
    ends = [End(0, "P", 0), End(3, "O", 1), End(5, "L", "iran"), End(5 + MAX_DISTANCE + 2, "L", 2)]
    pairs = {(a.ref, b.ref) for a, b in candidate_pairs(ends)}
    assert pairs == {(0, 1), (0, "iran"), (1, "iran")}


def test_each_type_has_both_directions_but_met_with_one() -> None:
    names = class_names()
    assert "LEADS>" in names and "LEADS<" in names and names.count("MET_WITH>") == 1
    assert "MET_WITH<" not in names
    rule = learned_rule("LEADS<")
    assert rule.relations == (("LEADS", "t", "s"),) and not rule.timed


def _examples() -> Examples:
    examples = Examples()
    for article in range(10):
        for _ in range(6):
            examples.features.append(["lab:PO", "bl:قايد", "b:قايد"])
            examples.classes.append({"LEADS<"})
            examples.articles.append(article)
            examples.features.append(["lab:PO", "bl:قال", "b:قال"])
            examples.classes.append(set())
            examples.articles.append(article)
    return examples


def test_training_learns_a_pattern_and_gives_it_a_threshold(tmp_path: Path) -> None:
    model, reports = train(_examples(), folds=2)
    leads = {r.name: r for r in reports}["LEADS<"]
    assert leads.positives == 60 and leads.threshold <= 1 and leads.precision >= 0.9
    column = model.classes.index("LEADS<")
    assert model.scores(["lab:PO", "b:قايد", "bl:قايد"])[column] > leads.threshold
    assert model.scores(["lab:PO", "b:قال", "bl:قال"])[column] < leads.threshold
    save_model(model, tmp_path / "model.json")
    again = PairModel.from_json(__import__("json").loads((tmp_path / "model.json").read_text()))
    assert numpy.allclose(
        again.scores(["lab:PO", "b:قايد"]), model.scores(["lab:PO", "b:قايد"]), atol=0.02
    )


def test_a_trained_pair_becomes_a_relation_of_a_learned_rule() -> None:
    model, _ = train(_examples(), folds=2)
    text = "وقال علي خامنئي، قائد حزب الله، إن الرد قادم."

    def learned(analyser: Analyser) -> list[str]:
        [sentence] = analyser.analyse(article_from_text(text)).analysed
        return [hit.rule.name for hit in sentence.hits if hit.rule.name.startswith("learned")]

    assert learned(Analyser(pairs=model)) == ["learned-leads"]
    assert learned(Analyser(pairs=False)) == []


def test_too_few_articles_for_the_folds_is_one_clear_error() -> None:
    examples = _examples()
    examples.articles = [article % 2 for article in examples.articles]
    with pytest.raises(KgError, match=r"at least 5 annotated articles .* the gold has 2"):
        train(examples, folds=5)
