"""Tag pre-tokenised sentences with any spaCy pipeline, one tag per input token.

The pipeline sees each sentence as its tokens joined by single spaces and tokenises it its
own way (splitting clitics); its entities are mapped back to the input tokens by character
offsets: an input token is inside an entity when any of its characters is. The first input
token of an entity gets `B-`, the following ones `I-`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.language import Language

from kg.nlp.training.align import join_tokens

BATCH_SIZE = 256


def entity_tags(
    offsets: Sequence[tuple[int, int]], entities: Iterable[tuple[int, int, str]]
) -> list[str]:
    """IOB2 tags for tokens at `offsets` from character-offset entities."""
    tags = ["O"] * len(offsets)
    for start, end, label in sorted(entities):
        inside = [
            index
            for index, (token_start, token_end) in enumerate(offsets)
            if token_start < end and start < token_end and tags[index] == "O"
        ]
        for position, index in enumerate(inside):
            tags[index] = ("B-" if position == 0 else "I-") + label
    return tags


def tag_sentences(nlp: Language, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """One IOB2 tag per input token of every sentence, with the pipeline's own labels."""
    joined = [join_tokens(tokens) for tokens in sentences]
    docs = nlp.pipe((text for text, _ in joined), batch_size=BATCH_SIZE)
    return [
        entity_tags(offsets, ((e.start_char, e.end_char, e.label_) for e in doc.ents))
        for (_, offsets), doc in zip(joined, docs, strict=True)
    ]
