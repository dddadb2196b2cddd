"""A deterministic development split with no near-duplicates left in training.

Newswire repeats itself (agency boilerplate, the same story twice) and NewsFANE re-annotates
the ANERcorp text, so sentences are compared by their matching key with spaces removed, via
overlapping character shingles: a training sentence that shares enough shingles with the
development text is treated as a copy of it and kept out of training.
"""

from __future__ import annotations

import random
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


def overlap(key: str, reference: set[str]) -> float:
    """Share of the key's shingles found in `reference`."""
    own = shingles(key)
    return len(own & reference) / len(own)


def carve_blocks(count: int, fraction: float, block_size: int, seed: int) -> list[int]:
    """Indices of `fraction` of `count` sentences, taken as whole blocks of consecutive
    sentences (neighbouring sentences share a story), chosen with a seeded shuffle."""
    blocks = [
        list(range(start, min(start + block_size, count))) for start in range(0, count, block_size)
    ]
    random.Random(seed).shuffle(blocks)
    chosen: list[int] = []
    for block in blocks:
        if len(chosen) >= fraction * count:
            break
        chosen.extend(block)
    return sorted(chosen)


def near_duplicates(keys: Sequence[str], reference: set[str]) -> set[int]:
    """Indices of the keys (of a useful length) that overlap `reference` by at least the
    threshold."""
    return {
        index
        for index, key in enumerate(keys)
        if len(key) >= MIN_KEY_LENGTH and overlap(key, reference) >= OVERLAP_THRESHOLD
    }
