"""The default spaCy pipeline: clitic-aware tokenizer and knowledge-base entity ruler.

The ruler matches on `NORM`, which the tokenizer sets to each token's matching key, so one
pattern per knowledge-base spelling finds every hamza, ya, ta marbuta, tatweel, diacritic and
clitic variant of it. Matched spans carry the knowledge-base id in `ent.ent_id_`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language

import kg.nlp.tokenizer  # noqa: F401  (registers kg.arabic_tokenizer.v1)
from kg.kb import KbEntity, default_kb

TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "kg.arabic_tokenizer.v1"}}}


def kb_patterns(kb: Iterable[KbEntity]) -> list[dict[str, str]]:
    """Entity-ruler phrase patterns, one per knowledge-base spelling."""
    return [
        {"label": entity.label, "pattern": alias, "id": entity.id}
        for entity in kb
        for alias in entity.aliases
    ]


def build_pipeline(kb: Iterable[KbEntity] | None = None) -> Language:
    """A fresh pipeline with the given knowledge base (the packaged one by default)."""
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="kb_ruler",
        config={"phrase_matcher_attr": "NORM", "overwrite_ents": True},
    )
    ruler.add_patterns(kb_patterns(default_kb() if kb is None else kb))
    return nlp


@lru_cache(maxsize=1)
def default_pipeline() -> Language:
    """The default pipeline, built once per process."""
    return build_pipeline()
