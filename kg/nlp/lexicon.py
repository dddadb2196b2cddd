"""The stem lexicon that tells the tokenizer when a leading letter is a clitic.

A proclitic (`و ف ب ل ك`, or `لل`) is split off only when what remains is a known stem and
the whole word is not itself one, so `بدمشق` splits while `بغداد` and `وزير` stay whole. The
stems come from NewsFANE, whose tokens are already clitic-segmented, plus the knowledge base.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from kg.arabic import is_arabic, match_key
from kg.kb import KbEntity

LEXICON_FILE = "lexicon.txt"
MIN_COUNT = 2


def stems_from_conll(lines: Iterable[str], min_count: int = MIN_COUNT) -> list[str]:
    """Matching keys of the Arabic tokens (first column) seen at least `min_count` times."""
    counts: Counter[str] = Counter()
    for line in lines:
        token = line.split("\t", 1)[0].split(" ", 1)[0].strip()
        key = match_key(token)
        if key and is_arabic(key):
            counts[key] += 1
    return sorted(key for key, n in counts.items() if n >= min_count)


def write_lexicon(segmented_corpus: Path, destination: Path, extra: Iterable[str] = ()) -> int:
    """Build the lexicon file from a clitic-segmented CoNLL/TSV corpus; return its size."""
    with segmented_corpus.open(encoding="utf-8-sig") as lines:
        stems = set(stems_from_conll(lines))
    stems.update(match_key(word) for phrase in extra for word in phrase.split())
    destination.write_text("\n".join(sorted(stems)) + "\n", encoding="utf-8")
    return len(stems)


def kb_words(kb: Iterable[KbEntity]) -> list[str]:
    """Every name, alias and demonym of the knowledge base: stems the tokenizer must know so
    that `بأربيل` or `للحشد الشعبي` split off their clitic."""
    return [phrase for entity in kb for phrase in (entity.name, *entity.aliases, *entity.demonyms)]


def write_packaged_lexicon(newsfane: Path, destination: Path) -> int:
    """Rebuild the shipped lexicon: NewsFANE's stems plus the knowledge base's words. Run it
    after editing `kg/data/kb.json` (tests/test_lexicon.py checks that it was)."""
    from kg.kb import default_kb

    return write_lexicon(newsfane, destination, extra=kb_words(default_kb()))


@cache
def packaged_words(file_name: str) -> frozenset[str]:
    """A word list shipped in `kg/data/` (one matching key a line), as a set."""
    text = (resources.files("kg") / "data" / file_name).read_text(encoding="utf-8")
    return frozenset(text.split())


def packaged_lexicon() -> frozenset[str]:
    """The lexicon shipped with the package, as a set of matching keys."""
    return packaged_words(LEXICON_FILE)
