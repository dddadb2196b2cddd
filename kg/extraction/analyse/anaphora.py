"""A body named again by its head noun alone: `التحالف` after `التحالف العربي`, `الحزب` after
`حزب الله`, `المرصد` after `المرصد السوري لحقوق الإنسان`.

News names a body once in full and then by its definite head noun. Over one article's
sentences, each head of `kg.vocabulary.ANAPHORIC_HEADS` that begins the names of exactly one
knowledge-base organisation of the article (`حزب` counts as `الحزب`) stands for that
organisation: every bare occurrence of the head outside an entity becomes a mention of it,
with its id, so the relation rules read it and linking keeps one node. A head that two of the
article's bodies share (two coalitions) is left alone.

Where no body of the article is named with a spelling, a knowledge-base entity may still own
it in context (`KbEntity.context_aliases`): in an article that names one of its context
entities (the Houthis, Yemen, Sanaa), `التحالف` is the Saudi-led coalition and `الجيش الوطني`
the Yemeni army. Two entities whose contexts are both in the article leave the spelling to
neither. A contextual spelling becomes a mention where it stands bare, or gives its id to an
entity span of that spelling that links to nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span

from kg.arabic import match_key
from kg.kb import KbEntity
from kg.vocabulary import ANAPHORIC_HEADS

ORGANIZATION = "Organization"


def _head(norm: str) -> str:
    return norm if norm.startswith("ال") else "ال" + norm


class ContextualNames:
    """The knowledge base's contextual spellings: key -> (entity id, its context ids)."""

    def __init__(self, kb: Iterable[KbEntity]) -> None:
        self.owners: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for entity in kb:
            for alias in entity.context_aliases:
                self.owners.setdefault(match_key(alias), []).append(
                    (entity.id, frozenset(entity.context))
                )

    def resolve(self, named: set[str]) -> dict[str, str]:
        """Key -> id for the spellings whose one owner has context among `named` ids."""
        resolved = {}
        for key, owners in self.owners.items():
            fitting = {entity_id for entity_id, context in owners if context & named}
            if len(fitting) == 1:
                resolved[key] = fitting.pop()
        return resolved


def article_heads(docs: Sequence[Doc], contextual: ContextualNames | None = None) -> dict[str, str]:
    """Key -> knowledge-base id: each head of the one organisation of `docs` named with it,
    then the contextual spellings (`contextual`) that no named body already claims."""
    bodies: dict[str, set[str]] = {}
    named: set[str] = set()
    for doc in docs:
        for ent in doc.ents:
            if ent.ent_id_:
                named.add(ent.ent_id_)
            if ent.label_ == ORGANIZATION and ent.ent_id_:
                head = _head(ent[0].norm_)
                if head in ANAPHORIC_HEADS:
                    bodies.setdefault(head, set()).add(ent.ent_id_)
    heads = {head: ids.pop() for head, ids in bodies.items() if len(ids) == 1}
    if contextual is not None:
        for key, entity_id in contextual.resolve(named).items():
            if key not in bodies:
                heads[key] = entity_id
    return heads


def _bare_mentions(doc: Doc, heads: dict[str, str]) -> list[Span]:
    """The keys of `heads` standing in `doc` outside every entity, longest first."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    lengths = sorted({len(key.split()) for key in heads}, reverse=True)
    norms = [token.norm_ for token in doc]
    found = []
    start = 0
    while start < len(doc):
        for length in lengths:
            end = start + length
            key = " ".join(norms[start:end])
            if end <= len(doc) and key in heads and not taken.intersection(range(start, end)):
                found.append(Span(doc, start, end, label=ORGANIZATION, span_id=heads[key]))
                start = end - 1
                break
        start += 1
    return found


def add_head_mentions(doc: Doc, heads: dict[str, str]) -> None:
    """Make each bare key of `heads` in `doc` (outside every entity) a mention of its body,
    and give an organisation span of a key that links to nothing that key's id."""
    if not heads:
        return
    ents = [
        Span(doc, ent.start, ent.end, label=ent.label, span_id=heads[key])
        if ent.label_ == ORGANIZATION
        and not ent.ent_id_
        and (key := " ".join(token.norm_ for token in ent)) in heads
        else ent
        for ent in doc.ents
    ]
    added = _bare_mentions(doc, heads)
    if added or ents != list(doc.ents):
        doc.ents = sorted([*ents, *added], key=lambda span: span.start)
