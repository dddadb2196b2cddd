"""Mention replacement: copies of training sentences with every entity swapped for another
entity of the same type from the training data.

Names in news are mostly ones the model has never seen; a copy of "وزير الخارجية الاميركي
كولن باول" with another person's name in it teaches the model the context, not the name
(Dai and Adel, COLING 2020). Sentences with a missing (disputed) annotation are not copied.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from kg.nlp.training.projection import project


def _complete(doc: Doc) -> bool:
    return all(token.ent_iob != 0 for token in doc)


def swap_mentions(
    docs: Sequence[Doc], tokenize: Callable[[str], Doc], seed: int, counts: Counter[str]
) -> list[Doc]:
    """One mention-replaced copy of every fully annotated doc that has an entity."""
    pool: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        for entity in doc.ents:
            pool[entity.label_].append(entity.text)
    rng = random.Random(seed)
    copies = []
    for doc in docs:
        if not doc.ents or not _complete(doc):
            continue
        pieces: list[str] = []
        spans = []
        position = length = 0
        for entity in doc.ents:
            before = doc.text[position : entity.start_char]
            replacement = rng.choice(pool[entity.label_])
            pieces += [before, replacement]
            length += len(before)
            spans.append((length, length + len(replacement), entity.label_))
            length += len(replacement)
            position = entity.end_char
        pieces.append(doc.text[position:])
        copies.append(project(tokenize, "".join(pieces), spans, counts))
    return copies
