"""Put character-offset entity spans onto the pipeline's own tokens.

Training text is tokenised by the pipeline's tokenizer, so the model sees at training time
exactly the tokens it sees on raw articles. A gold span becomes the pipeline tokens it covers,
without a leading proclitic piece (`و`, `ب`, `ل` ... split off the first word: `ولبنان` gives
the entity `لبنان`). A span whose ends fall inside a token is widened to whole tokens; spans
that would overlap an earlier one are dropped. Every such case is counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from kg.nlp.tokenizer import PROCLITICS
from kg.nlp.training.align import CharSpan


def _without_proclitics(span: Span) -> Span:
    doc = span.doc
    start = span.start
    while start < span.end - 1 and doc[start].text in PROCLITICS and not doc[start].whitespace_:
        start += 1
    return Span(doc, start, span.end, label=span.label_)


def project(
    tokenize: Callable[[str], Doc],
    text: str,
    spans: Sequence[CharSpan],
    counts: Counter[str],
    unknown: Sequence[CharSpan] = (),
) -> Doc:
    """A pipeline-tokenised Doc of `text` whose entities are `spans` (counted in `counts`).

    Tokens of the `unknown` spans that are not inside an entity get a missing annotation
    (neither entity nor `O`), so training neither rewards nor punishes a prediction there.
    """
    doc = tokenize(text)
    entities: list[Span] = []
    taken: set[int] = set()
    for start, end, label in sorted(spans):
        span = doc.char_span(start, end, label=label)
        if span is None:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            counts["widened"] += 1
        if span is None or len(span) == 0:
            counts["lost"] += 1
            continue
        span = _without_proclitics(span)
        if taken.intersection(range(span.start, span.end)):
            counts["overlapping"] += 1
            continue
        taken.update(range(span.start, span.end))
        entities.append(span)
        counts[f"entity:{label}"] += 1
    missing = []
    for start, end, _ in unknown:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and not taken.intersection(range(span.start, span.end)):
            missing.append(span)
            counts["unknown spans"] += 1
    doc.set_ents(entities, missing=missing, default="outside")
    return doc
