"""Building the pipeline's word lists (`kg.nlp.wordlists`) from the annotated corpora.

- The stem lexicon: the matching keys of NewsFANE's tokens, which are already clitic-segmented,
  plus every word of the knowledge base (`write_packaged_lexicon`; run it after editing
  `kg/data/kb.json`, a test checks that it was).
- The common words: a word that ANERcorp's training text uses often and nearly always outside
  any entity (`التدخل`, `اليوم`, `تشكيل`) ends a name the cue rules read after a title instead
  of joining it. Built from ANERcorp's train split only, each token keyed by the stem the kg
  tokenizer leaves after splitting its clitics (`write_common_words`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from kg.arabic import is_arabic, match_key
from kg.kb import KbEntity
from kg.nlp.tokenizer import PROCLITICS
from kg.nlp.training.conll import TaggedSentence, read_conll

MIN_STEM_COUNT = 2
MIN_COUNT = 3
MAX_ENTITY_SHARE = 0.05


def stems_from_conll(lines: Iterable[str], min_count: int = MIN_STEM_COUNT) -> list[str]:
    """Matching keys of the Arabic tokens (first column) seen at least `min_count` times."""
    counts: Counter[str] = Counter()
    for line in lines:
        token = line.split("\t", 1)[0].split(" ", 1)[0].strip()
        key = match_key(token)
        if key and is_arabic(key):
            counts[key] += 1
    return sorted(key for key, n in counts.items() if n >= min_count)


def _clitic_and_definite_stem(word: str, stems: set[str]) -> bool:
    """Whether `word` is a proclitic before a known definite stem (`باليمن`, `والبحوث`,
    `للشرعيه` for `ل` + `الشرعيه`): a word the tokenizer must go on splitting."""
    if word[:1] not in PROCLITICS:
        return False
    rest = word[1:]
    return (rest.startswith("ال") and rest in stems) or (
        word.startswith("لل") and "ا" + rest in stems
    )


def write_lexicon(segmented_corpus: Path, destination: Path, extra: Iterable[str] = ()) -> int:
    """Build the lexicon file from a clitic-segmented CoNLL/TSV corpus; return its size.

    Words of `extra` (the knowledge base's spellings) join it, but for those that are a
    proclitic before a known definite stem: as stems, they would stop the tokenizer from
    splitting that clitic off anywhere in the text."""
    with segmented_corpus.open(encoding="utf-8-sig") as lines:
        stems = set(stems_from_conll(lines))
    extra_words = {match_key(word) for phrase in extra for word in phrase.split()} - stems
    stems.update(extra_words)
    stems.difference_update(word for word in extra_words if _clitic_and_definite_stem(word, stems))
    destination.write_text("\n".join(sorted(stems)) + "\n", encoding="utf-8")
    return len(stems)


def kb_words(kb: Iterable[KbEntity]) -> list[str]:
    """Every name, alias and demonym of the knowledge base: stems the tokenizer must know so
    that `بأربيل` or `للحشد الشعبي` split off their clitic."""
    return [phrase for entity in kb for phrase in (entity.name, *entity.aliases, *entity.demonyms)]


def write_packaged_lexicon(newsfane: Path, destination: Path) -> int:
    """Rebuild the shipped lexicon: NewsFANE's stems plus the knowledge base's words."""
    from kg.kb import default_kb

    return write_lexicon(newsfane, destination, extra=kb_words(default_kb()))


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
    from kg.nlp.tokenizer import blank_arabic

    tokenizer = blank_arabic().tokenizer
    words = common_words(
        read_conll(anercorp_train), lambda token: tokenizer.split_word(token)[-1][1]
    )
    destination.write_text("\n".join(words) + "\n", encoding="utf-8")
    return len(words)
