"""Read CoNLL-style token files: one token per line, tag in the last column, blank lines
between sentences.

Invisible marks (left-to-right / right-to-left marks, byte-order marks) that some corpora put
before every token are removed, except from a token that is nothing but such marks (kept as
it is, so every input line still gives one token).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

_INVISIBLE_RE = re.compile("[\u200e\u200f\ufeff\u200b]")


@dataclass(frozen=True)
class TaggedSentence:
    """A sentence as tokens with one tag per token (`O` where a file has no tag column)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def clean_token(token: str) -> str:
    """`token` without the invisible direction and byte-order marks."""
    return _INVISIBLE_RE.sub("", token)


def parse_lines(lines: Iterable[str]) -> Iterator[TaggedSentence]:
    """Sentences from CoNLL lines: first column the token, last column the tag (if any)."""
    tokens: list[str] = []
    tags: list[str] = []
    for raw in lines:
        columns = raw.split()
        if not columns:
            if tokens:
                yield TaggedSentence(tuple(tokens), tuple(tags))
                tokens, tags = [], []
            continue
        tokens.append(clean_token(columns[0]) or columns[0])
        tags.append(clean_token(columns[-1]) if len(columns) > 1 else "O")
    if tokens:
        yield TaggedSentence(tuple(tokens), tuple(tags))


def read_conll(path: Path) -> list[TaggedSentence]:
    """All sentences of a UTF-8 CoNLL file (with or without a byte-order mark)."""
    with path.open(encoding="utf-8-sig", newline=None) as lines:
        return list(parse_lines(lines))


def iob_spans(tags: Iterable[str]) -> list[tuple[int, int, str]]:
    """Entity spans `(first token, end token, type)` from IOB2 tags, conlleval-style.

    An `I-X` that does not continue an `X` entity starts a new one, as conlleval counts it.
    """
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    kind = ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and start is not None and label == kind
        if start is not None and not continues:
            spans.append((start, index, kind))
            start = None
        if prefix in ("B", "I") and label and not continues:
            start, kind = index, label
    return spans
