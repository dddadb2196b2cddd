"""A deterministic development split (whole contiguous stretches held out) with no
near-duplicates left in training.

Newswire repeats itself (agency boilerplate, the same story twice) and NewsFANE re-annotates
the ANERcorp text, so sentences are compared by their matching key with spaces removed, via
overlapping character shingles: a training sentence that shares enough shingles with the
development text is treated as a copy of it and kept out of training.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.arabic import match_key

SHINGLE = 25
OVERLAP_THRESHOLD = 0.3
# Keys shorter than this (a lone `.`, a dateline) are too generic to count as copies.
MIN_KEY_LENGTH = 12


def sentence_key(tokens: Iterable[str]) -> str:
    """The sentence's matching key with all spaces removed (segmentation-independent)."""
    return match_key("".join(tokens)).replace(" ", "")


def shingles(key: str, size: int = SHINGLE) -> set[str]:
    """The key's overlapping character windows (the key itself when shorter than `size`)."""
    if len(key) <= size:
        return {key}
    return {key[start : start + size] for start in range(len(key) - size + 1)}


def reference_shingles(sentences: Iterable[Sequence[str]]) -> set[str]:
    """The shingles of tokenised sentences (development text), to compare others against."""
    reference: set[str] = set()
    for tokens in sentences:
        reference |= shingles(sentence_key(tokens))
    return reference


def overlap(key: str, reference: set[str]) -> float:
    """Share of the key's shingles found in `reference`."""
    own = shingles(key)
    return len(own & reference) / len(own)


def tail_indices(count: int, fraction: float) -> list[int]:
    """Indices of the last `fraction` of `count` items: one contiguous stretch at the end, so
    held-out text shares no story with the text before it (except at the one boundary)."""
    return list(range(count - round(fraction * count), count))


def near_duplicates(keys: Sequence[str], reference: set[str]) -> set[int]:
    """Indices of the keys (of a useful length) that overlap `reference` by at least the
    threshold."""
    return {
        index
        for index, key in enumerate(keys)
        if len(key) >= MIN_KEY_LENGTH and overlap(key, reference) >= OVERLAP_THRESHOLD
    }
