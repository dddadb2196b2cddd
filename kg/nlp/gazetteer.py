"""Name lists as a token feature of the NER: what kind of known name a token may be part of.

The packaged list (`kg/data/gazetteer.tsv`, built by `kg.nlp.training.gazetteer` from the
Wikidata person names, the GeoNames places and the ISO country names of
`../shared/data/gazetteers/`; notice in `kg/data/GAZETTEER_NOTICE.md`) maps matching keys,
single words and phrases of up to `MAX_PHRASE` words, to classes: `G` given name, `S`
surname, `P` a full person name, `L` a place, `C` a country. `token_classes` marks each token
of a text with the classes of every listed word or phrase that covers it. The NER learns how
much such a mark is worth in each context: many villages are named with ordinary words, so a
mark alone never makes a name.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

GAZETTEER_FILE = "gazetteer.tsv"
MAX_PHRASE = 4


@cache
def packaged_gazetteer() -> dict[str, str]:
    """The packaged list: matching key (words joined by one space) -> class letters."""
    text = (resources.files("kg") / "data" / GAZETTEER_FILE).read_text(encoding="utf-8")
    entries = {}
    for line in text.splitlines():
        key, _, classes = line.partition("\t")
        entries[key] = classes
    return entries


@cache
def given_names() -> frozenset[str]:
    """The single words the packaged list knows as given names (class `G`)."""
    return frozenset(
        key for key, classes in packaged_gazetteer().items() if "G" in classes and " " not in key
    )


def token_classes(keys: Sequence[str], gazetteer: dict[str, str]) -> list[str]:
    """For each token key, the sorted class letters of the listed words and phrases that
    cover it ('' for none)."""
    marks: list[set[str]] = [set() for _ in keys]
    for start in range(len(keys)):
        for length in range(1, min(MAX_PHRASE, len(keys) - start) + 1):
            classes = gazetteer.get(" ".join(keys[start : start + length]))
            if classes:
                for position in range(start, start + length):
                    marks[position].update(classes)
    return ["".join(sorted(mark)) for mark in marks]
