"""Words that are almost never part of a name, counted in annotated newswire.

The cue rules (`kg.nlp.cues`) read the words after a title as a name. A word that ANERcorp's
training text uses often and nearly always outside any entity (`التدخل`, `اليوم`, `تشكيل`)
ends such a name instead of joining it. The list is built from ANERcorp's train split only,
each token keyed by the stem the kg tokenizer leaves after splitting its clitics, and shipped
as `kg/data/common_words.txt` (rebuild with `write_common_words`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from kg.arabic import is_arabic
from kg.nlp.lexicon import packaged_words
from kg.nlp.training.conll import TaggedSentence, read_conll

COMMON_WORDS_FILE = "common_words.txt"
MIN_COUNT = 3
MAX_ENTITY_SHARE = 0.05


def common_words(sentences: Iterable[TaggedSentence], stem_key: Callable[[str], str]) -> list[str]:
    """Stem keys seen at least `MIN_COUNT` times, at most `MAX_ENTITY_SHARE` of them inside
    an entity, sorted."""
    seen: Counter[str] = Counter()
    in_entity: Counter[str] = Counter()
    for sentence in sentences:
        for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
            key = stem_key(token)
            if not is_arabic(key):
                continue
            seen[key] += 1
            if tag != "O":
                in_entity[key] += 1
    return sorted(
        key
        for key, count in seen.items()
        if count >= MIN_COUNT and in_entity[key] <= MAX_ENTITY_SHARE * count
    )


def write_common_words(anercorp_train: Path, destination: Path) -> int:
    """Build the list from ANERcorp's train file with the kg tokenizer; return its size."""
    import spacy

    from kg.nlp.pipeline import TOKENIZER_CONFIG

    tokenizer = spacy.blank("ar", config=TOKENIZER_CONFIG).tokenizer
    words = common_words(
        read_conll(anercorp_train), lambda token: tokenizer.split_word(token)[-1][1]
    )
    destination.write_text("\n".join(words) + "\n", encoding="utf-8")
    return len(words)


def packaged_common_words() -> frozenset[str]:
    """The list shipped with the package, as a set of matching keys."""
    return packaged_words(COMMON_WORDS_FILE)
