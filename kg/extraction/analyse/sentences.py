"""Sentence splitting over an article's body spans.

Sentences end at `.`, `!`, `?`, `؟`, `！`, `…`, `۔` (a run of them counts once, together with
any closing quotes or brackets after it) and at line breaks. A full stop does not end a sentence
inside a number (`2023.09.22`, `3.5`), after a one-letter abbreviation (`د.`, `U.S.`), after a
common abbreviation (`Dr.`, `Inc.`), before a Latin letter or digit with no space (`aljazeera.net`),
or after a list number at the start of a line (`1.`). Whitespace and bullet characters are left
outside each sentence's span, so `article.text[s.start:s.end] == s.text` always holds.
"""

from __future__ import annotations

import re

from kg.records import Article, Sentence
from kg.vocabulary import word_set

_BOUNDARY = re.compile(r"\n|\r|\u2028|\u2029|[.!?؟！…۔]+[\"'”’»)\]]*")
_TRIM = frozenset(" \t\n\r\f\v\xa0\u2028\u2029\u200b\u200e\u200f\u061c\ufeff•·▪●◦‣∙○■□►▶-*–—")
_ABBREVIATIONS = word_set(
    "mr mrs ms dr prof st jr sr gen col lt sgt capt maj gov sen rep inc ltd co corp vs "
    "etc no jan feb mar apr jun jul aug sep sept oct nov dec"
)
_TATWEEL = "\u0640"


def _word_before(text: str, index: int) -> str:
    """The run of letters (and tatweel) ending at `index`."""
    start = index
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == _TATWEEL):
        start -= 1
    return text[start:index].replace(_TATWEEL, "")


def _ends_sentence(text: str, stop: re.Match[str], piece_start: int, limit: int) -> bool:
    """Whether a run of terminal punctuation really ends the sentence begun at `piece_start`."""
    if stop[0][0] in "\n\r\u2028\u2029" or stop[0].rstrip("\"'”’»)]") != ".":
        return True
    before = text[stop.start() - 1] if stop.start() > piece_start else ""
    after = text[stop.end()] if stop.end() < limit else ""
    if before.isdigit() and after.isdigit():
        return False
    if after.isascii() and after.isalnum():
        return False
    word = _word_before(text, stop.start())
    if len(word) == 1 or word.lower() in _ABBREVIATIONS:
        return False
    return not text[piece_start : stop.start()].strip(" \t•-*").isdigit()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """`[start, end)` narrowed past whitespace and bullet characters on both sides."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def split_sentences(article: Article) -> list[Sentence]:
    """Split the article's body spans into sentences, numbered from 0 over the whole article.

    Each sentence's `start`/`end` are offsets into `article.text` pointing at its first and past
    its last real character; pieces without a letter or digit are skipped.
    """
    text = article.text
    sentences: list[Sentence] = []

    def add(start: int, end: int) -> None:
        start, end = _trimmed(text, start, end)
        piece = text[start:end]
        if any(ch.isalnum() for ch in piece):
            sentences.append(Sentence(len(sentences), start, end, piece))

    for span in article.body:
        piece_start = span.start
        for stop in _BOUNDARY.finditer(text, span.start, span.end):
            if _ends_sentence(text, stop, piece_start, span.end):
                add(piece_start, stop.end())
                piece_start = stop.end()
        add(piece_start, span.end)
    return sentences
