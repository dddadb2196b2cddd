"""Character-level alignment between two spellings of one sentence.

NewsFANE re-annotates largely the same newswire as ANERcorp, but clitic-segmented and
normalised (`و لبنان`, `اعلن` for `ولبنان`, `أعلن`). To carry an annotation from one copy to
the other, both texts are reduced to a skeleton (per-character matching keys, spaces and
removed marks dropped) that remembers where each skeleton character came from; the two
skeletons are aligned with `difflib`, and span ends are mapped through the alignment.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from kg.arabic import match_key

CharSpan = tuple[int, int, str]


def join_tokens(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens joined by single spaces, and each token's character offsets in the text."""
    offsets: list[tuple[int, int]] = []
    position = 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return " ".join(tokens), offsets


def token_to_char_spans(
    offsets: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int, str]]
) -> list[CharSpan]:
    """Token-index spans `(first, end, label)` as character spans over the joined text."""
    return [(offsets[first][0], offsets[end - 1][1], label) for first, end, label in spans]


def skeleton(text: str) -> tuple[str, list[int]]:
    """The text's per-character matching keys (spaces dropped), with each one's offset."""
    chars: list[str] = []
    origins: list[int] = []
    for offset, char in enumerate(text):
        key = match_key(char) if not char.isspace() else ""
        for piece in key:
            chars.append(piece)
            origins.append(offset)
    return "".join(chars), origins


def transfer_spans(source: str, spans: Sequence[CharSpan], target: str) -> list[CharSpan | None]:
    """Each span of `source` mapped onto `target` (None where its ends do not align)."""
    source_skeleton, source_origins = skeleton(source)
    target_skeleton, target_origins = skeleton(target)
    matcher = SequenceMatcher(None, source_skeleton, target_skeleton, autojunk=False)
    mapping: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for step in range(block.size):
            mapping[block.a + step] = block.b + step
    index_of = {offset: index for index, offset in reversed(list(enumerate(source_origins)))}
    last_index_of = {offset: index for index, offset in enumerate(source_origins)}
    mapped: list[CharSpan | None] = []
    for start, end, label in spans:
        first = index_of.get(start)
        last = last_index_of.get(end - 1)
        if first is None or last is None or first not in mapping or last not in mapping:
            mapped.append(None)
            continue
        mapped.append((target_origins[mapping[first]], target_origins[mapping[last]] + 1, label))
    return mapped
