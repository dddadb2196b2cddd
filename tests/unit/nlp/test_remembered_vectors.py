"""The remembered floret vectors are the table's own, however often and in whatever batches
they are asked for, and the table keeps answering everything else."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import NORM
from spacy.vectors import Vectors
from thinc.api import use_ops

from kg.models import load_ner, ner_model_path
from kg.nlp import remembered_vectors
from kg.nlp.remembered_vectors import RememberedVectors

WORDS = ["قاآني", "الحرس", "الثوري", "دمشق", "بيروت", "حزب", "الله"]


@pytest.fixture
def table() -> Vectors:
    rows = numpy.random.default_rng(7).random((40, 6), dtype="float32")
    return Vectors(data=rows, mode="floret", minn=2, maxn=3, hash_count=2, attr="NORM")


def keys_of(table: Vectors, words: list[str]) -> numpy.ndarray:
    return numpy.array([table.strings.add(word) for word in words], dtype="uint64")


def test_each_batch_is_what_the_table_computes(table: Vectors) -> None:
    remembered = RememberedVectors(table)
    for words in (WORDS[:3], WORDS, WORDS[::-1] + WORDS[:2], ["دمشق"] * 4):
        keys = keys_of(table, words)
        assert numpy.array_equal(remembered.get_batch(keys), table.get_batch(keys))
    assert remembered.get_batch(keys_of(table, [])).shape == (0, 6)


def test_memory_starts_afresh_past_its_bound(table: Vectors, monkeypatch) -> None:
    monkeypatch.setattr(remembered_vectors, "MAX_REMEMBERED", 4)
    remembered = RememberedVectors(table)
    for start in range(len(WORDS)):
        keys = keys_of(table, WORDS[start:] + WORDS[:start])
        assert numpy.array_equal(remembered.get_batch(keys), table.get_batch(keys))
        assert len(remembered._rows) <= max(4, len(WORDS))


def test_the_table_answers_everything_else(table: Vectors) -> None:
    remembered = RememberedVectors(table)
    key = int(keys_of(table, ["دمشق"])[0])
    assert remembered.shape == table.shape and remembered.vectors_length == 6
    assert remembered.attr == NORM and remembered.mode == "floret"
    assert numpy.array_equal(remembered[key], table[key])
    restored = Vectors().from_bytes(remembered.to_bytes())
    assert restored.mode == "floret" and numpy.array_equal(restored.data, table.data)


def test_the_packaged_model_reads_remembered_vectors_with_unchanged_entities() -> None:
    nlp = load_ner()
    assert isinstance(nlp.vocab.vectors, RememberedVectors)
    with use_ops("numpy", use_blis=False):
        plain = spacy.load(ner_model_path())
    assert isinstance(plain.vocab.vectors, Vectors)
    texts = ["التقى إسماعيل قاآني قائد فيلق القدس مسؤولين في حزب الله في بيروت"] * 2
    for remembered_doc, plain_doc in zip(nlp.pipe(texts), plain.pipe(texts), strict=True):
        expected = [(e.start, e.end, e.label_) for e in plain_doc.ents]
        assert [(e.start, e.end, e.label_) for e in remembered_doc.ents] == expected
