"""The NER's floret vectors, each word's computed once per process.

A floret table (`kg.nlp.training.vectors`) stores no vector per word: spaCy's `Vectors`
computes one from the word's hashed character n-grams each time it is asked, in Python, for
every token of every batch. News repeats its words, so `RememberedVectors` keeps each key's
vector after the first time (up to `MAX_REMEMBERED` keys, then starts afresh, so memory stays
bounded on any corpus) and hands the rest to the table. It is a custom vectors table in
spaCy's sense (`BaseVectors`: `StaticVectors` reads it through `get_batch`), installed on
a loaded model by `remember_vectors`; the values are the table's own, bit for bit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.vectors import BaseVectors, Mode, Vectors
from thinc.api import Ops

MAX_REMEMBERED = 200_000


class RememberedVectors(BaseVectors):
    """A floret `Vectors` table that remembers the vectors it has computed."""

    def __init__(self, table: Vectors) -> None:
        super().__init__(strings=table.strings)
        self.table = table
        self._rows: dict[int, numpy.ndarray] = {}

    def get_batch(self, keys: Any) -> numpy.ndarray:
        """The vectors of `keys` (hashes of the vectors' attribute), one row each."""
        keys = numpy.asarray(keys, dtype="uint64").tolist()
        missing = list(dict.fromkeys(key for key in keys if key not in self._rows))
        if missing:
            if len(self._rows) + len(missing) > MAX_REMEMBERED:
                self._rows.clear()
                missing = list(dict.fromkeys(keys))
            for key, row in zip(missing, self.table.get_batch(missing), strict=True):
                self._rows[key] = row
        rows = self._rows
        if not keys:
            return numpy.zeros((0, self.table.shape[1]), dtype="float32")
        return numpy.stack([rows[key] for key in keys])

    # What the rest of spaCy asks of a vectors table is the table's own answer.
    def __getitem__(self, key: Any) -> numpy.ndarray:
        return self.table[key]

    def __contains__(self, key: Any) -> bool:
        return key in self.table

    def __len__(self) -> int:
        return len(self.table)

    def __getattr__(self, name: str) -> Any:
        # Only reached for names this class lacks: `attr`, `mode`, `key2row`, `data`, ...
        if name == "table":  # not set yet (an object being copied or unpickled)
            raise AttributeError(name)
        return getattr(self.table, name)

    @property
    def shape(self) -> tuple[int, int]:
        return self.table.shape

    @property
    def vectors_length(self) -> int:
        return self.table.shape[1]

    @property
    def size(self) -> int:
        return self.table.size

    def is_full(self) -> bool:
        return self.table.is_full

    def add(self, key: Any, *, vector: Any = None) -> int:
        return self.table.add(key, vector=vector)

    def to_ops(self, ops: Ops) -> None:
        self.table.to_ops(ops)

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.table.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> RememberedVectors:
        self.table.from_bytes(data, **kwargs)
        self._rows.clear()
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.table.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> RememberedVectors:
        self.table.from_disk(path, **kwargs)
        self._rows.clear()
        return self


def remember_vectors(nlp: Language) -> Language:
    """`nlp` with its floret vectors table remembering what it computes (other tables,
    which hold one row per word already, are left as they are)."""
    table = nlp.vocab.vectors
    if isinstance(table, Vectors) and table.mode == Mode.floret:
        nlp.vocab.vectors = RememberedVectors(table)
    return nlp
