"""Training the relation classifier (`kg.extraction.analyse.pairs`) from gold files: `kg learn`.

Every pair of entity ends within reach in a sentence of a gold article is an example. Its
classes are the gold relations the sentence states between the two entities the ends stand
for (`LEADS>`: from the first end to the second, `LEADS<`: the other way); a pair of entities
that the gold relates in another sentence of the article is left out rather than taught as
a non-relation, since annotators give a fact once, at its first sentence.

The model is one logistic regression per class over the pair's features, trained with
AdaGrad and L2 regularisation in numpy (a dot product at inference; no machine-learning
library to install). Each class gets the lowest threshold at which its out-of-fold precision
(k-fold over articles) is at least `min_precision`; a class that never reaches it stays off.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy

from kg.arabic import match_key
from kg.errors import KgError
from kg.evaluation.gold import GoldArticle, read_gold
from kg.evaluation.run import article_text, data_dir
from kg.evaluation.scoring import map_entities
from kg.extraction.analyse import Analyser
from kg.extraction.analyse.pairs import (
    PairModel,
    candidate_pairs,
    class_names,
    pair_features,
    rules_by_pair,
)
from kg.extraction.analyse.sentences import split_sentences
from kg.extraction.resolve import Resolver
from kg.ingest import article_from_text
from kg.kb import KbEntity, default_kb
from kg.records import ArticleAnalysis, SentenceAnalysis
from kg.schema import SYMMETRIC_RELATIONS

MIN_FEATURE_COUNT = 2


@dataclass
class Examples:
    """Pair examples: features, class sets, and the article each comes from."""

    features: list[list[str]] = field(default_factory=list)
    classes: list[set[str]] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ClassReport:
    """How one class did out of fold: gold pairs, threshold, precision and recall there."""

    name: str
    positives: int
    threshold: float
    precision: float
    recall: float


def _kb_gold_ids(gold: GoldArticle, kb_by_id: dict[str, KbEntity]) -> dict[str, str]:
    """Knowledge-base id -> gold entity id, by shared spellings (for country adjectives)."""
    keys = {gid: {match_key(n) for n in (e.name, *e.aliases)} for gid, e in gold.entities.items()}
    found = {}
    for entity in kb_by_id.values():
        names = {match_key(n) for n in (entity.name, *entity.aliases, *entity.demonyms)}
        for gid, own in keys.items():
            if names & own:
                found[entity.id] = gid
                break
    return found


def article_examples(
    gold: GoldArticle,
    text: str,
    analyser: Analyser,
    resolver: Resolver,
    examples: Examples,
    index: int,
) -> None:
    """Add the pair examples of one gold article."""
    article = article_from_text(text, id=f"train:{index}", path=gold.name)
    sentences = split_sentences(article)
    views = list(analyser.views(article, sentences))
    analysis = ArticleAnalysis(
        article, sentences, [SentenceAnalysis(v.sentence, v.spans, v.rule_hits, []) for v in views]
    )
    document = resolver.resolve(analysis)
    to_gold = map_entities(document, gold, resolver.kb_by_id)
    kb_gold = _kb_gold_ids(gold, resolver.kb_by_id)
    by_offset = {
        (m.sentence, m.end): entity.id for entity in document.entities for m in entity.mentions
    }
    stated: dict[tuple[str, str], list[tuple[str, tuple[int, int] | None]]] = defaultdict(list)
    for relation in gold.relations:
        stated[(relation.source, relation.target)].append((relation.type, relation.evidence))
    for view in views:
        units = view.skeleton.text.split()
        rule_pairs = rules_by_pair(view.rule_hits)
        span_ids = [
            by_offset.get((view.sentence.idx, span.start + len(span.text))) for span in view.spans
        ]

        def gold_id(ref: int | str, span_ids: list = span_ids) -> str | None:
            if isinstance(ref, int):
                entity_id = span_ids[ref]
                return to_gold.get(entity_id) if entity_id else None
            return kb_gold.get(ref)

        for a, b in candidate_pairs(view.ends):
            ga, gb = gold_id(a.ref), gold_id(b.ref)
            classes, elsewhere = set(), False
            for (source, target), facts in (((ga, gb), ">"), ((gb, ga), "<")):
                for relation_type, evidence in (
                    stated.get((source, target), ()) if ga and gb else ()
                ):
                    here = evidence is None or (
                        evidence[0] < view.sentence.end and view.sentence.start < evidence[1]
                    )
                    if here:
                        symmetric = relation_type in SYMMETRIC_RELATIONS
                        classes.add(f"{relation_type}{'>' if symmetric else facts}")
                    else:
                        elsewhere = True
            if elsewhere and not classes:
                continue
            examples.features.append(pair_features(units, a, b, rule_pairs.get((a.ref, b.ref), ())))
            examples.classes.append(classes)
            examples.articles.append(index)


def gold_examples(
    gold_paths: Sequence[Path],
    corpora: Path | None = None,
    kb: Iterable[KbEntity] | None = None,
    on_article: Callable[[GoldArticle], None] | None = None,
) -> Examples:
    """The pair examples of every article of the gold files."""
    kb = tuple(default_kb() if kb is None else kb)
    analyser = Analyser(kb=kb, pairs=False)
    resolver = Resolver(kb)
    examples = Examples()
    index = 0
    for path in gold_paths:
        for gold in read_gold(path):
            text = article_text(gold, path.parent, corpora or data_dir())
            article_examples(gold, text, analyser, resolver, examples, index)
            index += 1
            if on_article:
                on_article(gold)
    return examples


def _encode(
    examples: Examples, vocabulary: dict[str, int], classes: list[str]
) -> tuple[list[numpy.ndarray], numpy.ndarray]:
    rows = [
        numpy.array(sorted({vocabulary[f] for f in features if f in vocabulary}), dtype="int64")
        for features in examples.features
    ]
    column = {name: i for i, name in enumerate(classes)}
    targets = numpy.zeros((len(rows), len(classes)), dtype="float32")
    for i, names in enumerate(examples.classes):
        for name in names:
            targets[i, column[name]] = 1.0
    return rows, targets


def fit(
    rows: Sequence[numpy.ndarray],
    targets: numpy.ndarray,
    features: int,
    *,
    epochs: int = 12,
    rate: float = 0.3,
    l2: float = 1e-4,
    seed: int = 0,
) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Weights and biases of one logistic regression per class (AdaGrad, L2)."""
    classes = targets.shape[1]
    weights = numpy.zeros((features, classes), dtype="float32")
    squares = numpy.full((features, classes), 1e-6, dtype="float32")
    bias = numpy.full(classes, -4.0, dtype="float32")
    bias_squares = numpy.full(classes, 1e-6, dtype="float32")
    order = list(range(len(rows)))
    shuffle = random.Random(seed).shuffle
    for _ in range(epochs):
        shuffle(order)
        for i in order:
            index = rows[i]
            logits = bias + weights[index].sum(axis=0)
            gradient = 1.0 / (1.0 + numpy.exp(-numpy.clip(logits, -30, 30))) - targets[i]
            update = gradient[None, :] + l2 * weights[index]
            squares[index] += update * update
            weights[index] -= rate * update / numpy.sqrt(squares[index])
            bias_squares += gradient * gradient
            bias -= rate * gradient / numpy.sqrt(bias_squares)
    return weights, bias


def _scores(rows: Sequence[numpy.ndarray], weights: numpy.ndarray, bias: numpy.ndarray):
    logits = numpy.stack([bias + weights[index].sum(axis=0) for index in rows])
    return 1.0 / (1.0 + numpy.exp(-numpy.clip(logits, -30, 30)))


def _threshold(scores: numpy.ndarray, truth: numpy.ndarray, min_precision: float):
    """The lowest threshold with precision >= min_precision, its precision and recall."""
    positives = truth.sum()
    best = (1.1, 0.0, 0.0)
    if positives == 0:
        return best
    order = numpy.argsort(-scores)
    hits = numpy.cumsum(truth[order])
    for rank, i in enumerate(order, start=1):
        precision = hits[rank - 1] / rank
        if precision >= min_precision and rank >= 3:
            best = (float(scores[i]), float(precision), float(hits[rank - 1] / positives))
    return best


def train(
    examples: Examples,
    *,
    folds: int = 5,
    min_precision: float = 0.9,
    seed: int = 0,
) -> tuple[PairModel, list[ClassReport]]:
    """A pair model trained on all examples, thresholds chosen out of fold (over articles,
    so there must be at least `folds` of them)."""
    found = len(set(examples.articles))
    if found < folds:
        raise KgError(
            f"learning needs at least {folds} annotated articles with entity pairs "
            f"(the thresholds are chosen on {folds} folds of them); the gold has {found}"
        )
    counts = Counter(f for features in examples.features for f in set(features))
    vocabulary = {
        f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT))
    }
    classes = class_names()
    rows, targets = _encode(examples, vocabulary, classes)
    out_of_fold = numpy.zeros_like(targets)
    articles = numpy.array(examples.articles)
    for fold in range(folds):
        held = articles % folds == fold
        train_rows = [r for r, h in zip(rows, held, strict=True) if not h]
        weights, bias = fit(train_rows, targets[~held], len(vocabulary), seed=seed + fold)
        out_of_fold[held] = _scores(
            [r for r, h in zip(rows, held, strict=True) if h], weights, bias
        )
    thresholds, reports = {}, []
    for column, name in enumerate(classes):
        threshold, precision, recall = _threshold(
            out_of_fold[:, column], targets[:, column], min_precision
        )
        thresholds[name] = threshold
        reports.append(
            ClassReport(name, int(targets[:, column].sum()), threshold, precision, recall)
        )
    weights, bias = fit(rows, targets, len(vocabulary), seed=seed)
    # A class that stays off needs no weights: the shipped model holds only the others.
    off = [column for column, name in enumerate(classes) if thresholds[name] > 1]
    weights[:, off] = 0.0
    return PairModel(vocabulary, classes, weights, bias, thresholds), reports
