"""Entity-level precision, recall and F1 per type, as conlleval counts them: an entity is
correct when its first token, last token and type all match the gold entity exactly."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.nlp.training.conll import iob_spans

OVERALL = "ALL"


@dataclass(frozen=True)
class Score:
    """Counts and scores for one entity type (or all of them)."""

    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """Correct predictions over predictions."""
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Correct predictions over gold entities."""
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score_tags(
    gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]
) -> dict[str, Score]:
    """Per-type scores (and `OVERALL`) of predicted IOB2 sentences against gold ones."""
    true_positives: Counter[str] = Counter()
    predicted_counts: Counter[str] = Counter()
    gold_counts: Counter[str] = Counter()
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans = set(iob_spans(gold_tags))
        predicted_spans = set(iob_spans(predicted_tags))
        gold_counts.update(label for *_, label in gold_spans)
        predicted_counts.update(label for *_, label in predicted_spans)
        true_positives.update(label for *_, label in gold_spans & predicted_spans)
    labels = sorted(set(gold_counts) | set(predicted_counts))
    scores = {
        label: Score(true_positives[label], predicted_counts[label], gold_counts[label])
        for label in labels
    }
    scores[OVERALL] = Score(
        sum(true_positives.values()), sum(predicted_counts.values()), sum(gold_counts.values())
    )
    return scores


def format_scores(scores: dict[str, Score]) -> str:
    """A plain-text table: type, precision, recall, F1, gold and predicted counts."""
    lines = [f"{'type':<14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
    for label, score in scores.items():
        lines.append(
            f"{label:<14}{score.precision:>8.4f}{score.recall:>8.4f}{score.f1:>8.4f}"
            f"{score.gold:>8}{score.predicted:>8}"
        )
    return "\n".join(lines)
