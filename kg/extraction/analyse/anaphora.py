"""A body named again by its head noun alone: `التحالف` after `التحالف العربي`, `الحزب` after
`حزب الله`, `المرصد` after `المرصد السوري لحقوق الإنسان`.

News names a body once in full and then by its definite head noun. Over one article's
sentences, each head of `kg.vocabulary.ANAPHORIC_HEADS` that begins the names of exactly one
knowledge-base organisation of the article (`حزب` counts as `الحزب`) stands for that
organisation: every bare occurrence of the head outside an entity becomes a mention of it,
with its id, so the relation rules read it and linking keeps one node. A head that two of the
article's bodies share (two coalitions) is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from kg.vocabulary import ANAPHORIC_HEADS

ORGANIZATION = "Organization"


def _head(norm: str) -> str:
    return norm if norm.startswith("ال") else "ال" + norm


def article_heads(docs: Sequence[Doc]) -> dict[str, str]:
    """Head key -> the knowledge-base id of the one organisation of `docs` named with it."""
    bodies: dict[str, set[str]] = {}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ == ORGANIZATION and ent.ent_id_:
                head = _head(ent[0].norm_)
                if head in ANAPHORIC_HEADS:
                    bodies.setdefault(head, set()).add(ent.ent_id_)
    return {head: ids.pop() for head, ids in bodies.items() if len(ids) == 1}


def add_head_mentions(doc: Doc, heads: dict[str, str]) -> None:
    """Make each bare head of `heads` in `doc` (outside every entity) a mention of its body."""
    if not heads:
        return
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    added = [
        Span(doc, token.i, token.i + 1, label=ORGANIZATION, span_id=heads[token.norm_])
        for token in doc
        if token.norm_ in heads and token.i not in taken
    ]
    if added:
        doc.ents = sorted([*doc.ents, *added], key=lambda span: span.start)
