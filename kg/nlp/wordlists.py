"""The word lists shipped in `kg/data/` that the pipeline reads (one matching key a line).

- `lexicon.txt`: the stems that tell the tokenizer when a leading letter is a clitic. A
  proclitic (`و ف ب ل ك`, or `لل`) is split off only when what remains is a known stem and
  the whole word is not itself one, so `بدمشق` splits while `بغداد` and `وزير` stay whole.
- `common_words.txt`: words that are almost never part of a name, which end a name the cue
  rules read after a title.

Both are built by `kg.nlp.training.wordlists` from the annotated corpora.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

LEXICON_FILE = "lexicon.txt"
COMMON_WORDS_FILE = "common_words.txt"


@cache
def packaged_words(file_name: str) -> frozenset[str]:
    """A word list shipped in `kg/data/` (one matching key a line), as a set."""
    text = (resources.files("kg") / "data" / file_name).read_text(encoding="utf-8")
    return frozenset(text.split())


def packaged_lexicon() -> frozenset[str]:
    """The stem lexicon shipped with the package, as a set of matching keys."""
    return packaged_words(LEXICON_FILE)


def packaged_common_words() -> frozenset[str]:
    """The common-word list shipped with the package, as a set of matching keys."""
    return packaged_words(COMMON_WORDS_FILE)
