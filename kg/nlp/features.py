"""Token features for Arabic NER, computed from the tokenizer's matching key (`norm_`).

spaCy's stock `MultiHashEmbed` takes PREFIX (first character) and SUFFIX (last three) from the
vocabulary; for Arabic the first character is mostly the article's alef. This embedding hashes
affixes of the normalised key instead: the key, the key without a proclitic letter or the article
`ال`, its first and last two and three letters, and the word shape. The features come from the Doc
alone, so the model behaves the same in any pipeline that uses the kg tokenizer.

Two optional inputs bring knowledge from outside the annotated text: `include_static_vectors`
adds spaCy's `StaticVectors` over the vocabulary's vectors (kg's floret vectors, keyed on
`NORM`, the same matching key: `kg.nlp.training.vectors`), and `gazetteer` adds one hashed
feature, the classes of the packaged name lists that cover the token (`kg.nlp.gazetteer`).

Registered as `kg.ArabicHashEmbed.v1`, also as an entry point of the `spacy_architectures` group,
so a saved model that uses it loads without importing this module first.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.ml.staticvectors import StaticVectors
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

from kg.nlp.gazetteer import packaged_gazetteer, token_classes
from kg.nlp.tokenizer import PROCLITICS

ARTICLE = "ال"
FEATURE_COUNT = 8
# The whole-word features (key, key without clitic, key without article): word dropout hides
# them, so the model learns to tag from affixes and context, as it must for unseen names.
WORD_FEATURES = 3
UNKNOWN_WORD = hash_string("<unknown word>")


def token_features(norm: str) -> tuple[str, ...]:
    """The hashed string features of one token's matching key (shape added separately):
    the key; the key without a leading proclitic letter (for words the tokenizer left whole,
    such as an unknown name after `و`); the key without the article; the first two and three
    letters after the article; the last two and three letters."""
    unclitic = norm[1:] if norm[:1] in PROCLITICS and len(norm) > 3 else norm
    stem = norm[len(ARTICLE) :] if norm.startswith(ARTICLE) and len(norm) > 3 else norm
    return (
        norm,
        "c:" + unclitic,
        "s:" + stem,
        "p:" + stem[:2],
        "p:" + stem[:3],
        "x:" + norm[-2:],
        "x:" + norm[-3:],
    )


# Feature hashes of matching keys seen so far, shared by every Doc (cleared when it grows
# past the limit, so memory stays bounded on any corpus).
_HASHES: dict[str, list[int]] = {}
_HASHES_LIMIT = 200_000


def _key_hashes(norm: str) -> list[int]:
    hashes = _HASHES.get(norm)
    if hashes is None:
        if len(_HASHES) >= _HASHES_LIMIT:
            _HASHES.clear()
        hashes = _HASHES[norm] = [hash_string(feature) for feature in token_features(norm)]
    return hashes


def doc_features(doc: Doc, gazetteer: dict[str, str] | None = None) -> numpy.ndarray:
    """A (tokens, FEATURE_COUNT) uint64 array of feature hashes for `doc`, with one more
    column, the gazetteer classes, when `gazetteer` is given."""
    norms = [token.norm_ for token in doc]
    table = [[*_key_hashes(norm), token.shape] for norm, token in zip(norms, doc, strict=True)]
    if gazetteer is not None:
        marks = token_classes(norms, gazetteer)
        for row, mark in zip(table, marks, strict=True):
            row.append(hash_string("z:" + mark))
    columns = FEATURE_COUNT + (gazetteer is not None)
    return numpy.array(table, dtype="uint64").reshape(len(norms), columns)


def _extract_forward(model: Model, docs: Sequence[Doc], is_train: bool):
    gazetteer = packaged_gazetteer() if model.attrs["gazetteer"] else None
    arrays = [doc_features(doc, gazetteer) for doc in docs]
    rate = model.attrs["word_dropout"]
    if is_train and rate > 0:
        for rows in arrays:
            dropped = numpy.random.random(len(rows)) < rate
            rows[dropped, :WORD_FEATURES] = UNKNOWN_WORD
    features: list[Ints2d] = [model.ops.asarray2i(rows, dtype="uint64") for rows in arrays]
    return features, lambda d_features: []


@registry.architectures("kg.ArabicHashEmbed.v1")
def arabic_hash_embed(
    width: int,
    rows: list[int],
    word_dropout: float = 0.0,
    include_static_vectors: bool = False,
    gazetteer: bool = False,
) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of the Arabic key features, mixed by a maxout layer into `width`.

    In training, each token's whole-word features are replaced by an unknown-word value with
    probability `word_dropout`. `rows` has one count per feature column (FEATURE_COUNT, one
    more with `gazetteer`); `include_static_vectors` adds the vocabulary's vectors, projected
    to `width`, before the mixing layer.
    """
    if len(rows) != FEATURE_COUNT + gazetteer:
        raise ValueError(
            f"kg.ArabicHashEmbed.v1 needs {FEATURE_COUNT + gazetteer} row counts"
            + (" (the last for the gazetteer feature)" if gazetteer else "")
        )
    extractor: Model = Model(
        "arabic_features",
        _extract_forward,
        attrs={"word_dropout": word_dropout, "gazetteer": gazetteer},
    )
    embeddings = [
        HashEmbed(width, count, column=column, seed=11 + column, dropout=0.0)
        for column, count in enumerate(rows)
    ]
    # Without vectors the layers are the ones models saved before the option existed.
    layers: list[Model] = [extractor, list2ragged(), with_array(concatenate(*embeddings))]
    inputs = len(rows)
    if include_static_vectors:
        layers = [concatenate(chain(*layers), StaticVectors(width, dropout=0.0))]
        inputs += 1
    return chain(
        *layers,
        with_array(Maxout(width, width * inputs, nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
