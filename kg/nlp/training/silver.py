"""Self-training data: sentences of the unlabelled news tagged by a teacher NER, with the
names it tags consistently across the corpus propagated to where it missed them.

A teacher model tags the sentences of unlabelled articles. Over all its tags, a name (its
matching key, spaces ignored) is *trusted* when it was tagged at least `min_count` times and
with one label at least `min_agreement` of the time. A silver sentence keeps the teacher's
tags of trusted names, adds every other occurrence of a trusted name the teacher missed
there (the lever: a name learnt in one context is taught in the others), and leaves the
tokens of its untrusted tags unannotated, neither entity nor `O`. Sentences that share text
with a development set are left out, so the held-out scores stay honest.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.arabic import spell_out_hashtags
from kg.nlp.training.align import CharSpan
from kg.nlp.training.projection import project
from kg.nlp.training.split import near_duplicates, sentence_key

MIN_COUNT = 3
MIN_AGREEMENT = 0.9
MIN_TAG_RATE = 0.6
MIN_SENTENCE_WORDS = 6
MAX_NAME_TOKENS = 6
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n")


@dataclass(frozen=True)
class SilverSettings:
    """How much silver to make and how sure the teacher must be."""

    articles: int = 4000
    sentences: int = 6000
    min_count: int = MIN_COUNT
    min_agreement: float = MIN_AGREEMENT
    min_tag_rate: float = MIN_TAG_RATE
    # The teacher's tags of names it does not trust: kept as entities (True) or left
    # unannotated (False).
    keep_unsure: bool = True


def _sentences(articles: Iterable[str]) -> list[str]:
    """The article sentences of at least `MIN_SENTENCE_WORDS` words, each once (a line, cut
    after sentence-final punctuation: plenty for training text)."""
    seen: set[str] = set()
    texts: list[str] = []
    for text in articles:
        for sentence in _SENTENCE_END.split(text):
            words = sentence.split()
            key = " ".join(words)
            if len(words) >= MIN_SENTENCE_WORDS and key not in seen:
                seen.add(key)
                texts.append(spell_out_hashtags(key))
    return texts


def _key(span: Span) -> str:
    """A span's name key: its tokens' matching keys (`norm_`) run together."""
    return "".join(token.norm_ for token in span)


def _occurrences(docs: Iterable[Doc], keys: set[str]) -> Counter[str]:
    """How often each key occurs as a run of tokens in `docs`, tagged or not."""
    counts: Counter[str] = Counter()
    for doc in docs:
        for start in range(len(doc)):
            for end in range(start + 1, min(len(doc), start + MAX_NAME_TOKENS) + 1):
                key = _key(doc[start:end])
                if key in keys:
                    counts[key] += 1
    return counts


def trusted_names(
    tagged: Sequence[Doc], min_count: int, min_agreement: float, min_tag_rate: float
) -> dict[str, str]:
    """Name key -> label for the names the teacher tags often, consistently, and at most
    places they occur (`على`, "on", shares its key with the name `علي` and is rarely tagged)."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in tagged:
        for entity in doc.ents:
            labels[_key(entity)][entity.label_] += 1
    candidates = {}
    for key, counts in labels.items():
        label, count = counts.most_common(1)[0]
        total = sum(counts.values())
        if total >= min_count and count / total >= min_agreement and len(key) > 2:
            candidates[key] = (label, total)
    occurrences = _occurrences(tagged, set(candidates))
    return {
        key: label
        for key, (label, total) in candidates.items()
        if total >= min_tag_rate * occurrences[key]
    }


def _missed(doc: Doc, trusted: dict[str, str], taken: set[int]) -> list[CharSpan]:
    """Occurrences of trusted names among the tokens no tag covers, longest first."""
    found: list[CharSpan] = []
    start = 0
    while start < len(doc):
        for end in range(min(len(doc), start + MAX_NAME_TOKENS), start, -1):
            if taken.intersection(range(start, end)):
                continue
            span = doc[start:end]
            label = trusted.get(_key(span))
            if label is not None:
                found.append((span.start_char, span.end_char, label))
                taken.update(range(start, end))
                start = end - 1
                break
        start += 1
    return found


def silver_docs(
    teacher: Language,
    tokenize: Callable[[str], Doc],
    articles: Iterable[str],
    reference: set[str],
    settings: SilverSettings,
    seed: int,
    counts: Counter[str],
) -> list[Doc]:
    """Training Docs made from `articles` by `teacher` (see the module docstring); none shares
    text (`reference`: the development sets' shingles) with a development sentence."""
    texts = _sentences(articles)
    copies = near_duplicates([sentence_key([t]) for t in texts], reference)
    texts = [t for i, t in enumerate(texts) if i not in copies]
    counts["silver sentences dropped as copies of dev"] = len(copies)
    tagged = list(teacher.pipe(texts, batch_size=128))
    trusted = trusted_names(
        tagged, settings.min_count, settings.min_agreement, settings.min_tag_rate
    )
    counts["silver trusted names"] = len(trusted)
    with_added: list[tuple[str, list[CharSpan], list[CharSpan]]] = []
    others: list[tuple[str, list[CharSpan], list[CharSpan]]] = []
    for text, doc in zip(texts, tagged, strict=True):
        kept: list[CharSpan] = []
        unsure: list[CharSpan] = []
        taken: set[int] = set()
        for entity in doc.ents:
            taken.update(range(entity.start, entity.end))
            span = (entity.start_char, entity.end_char, entity.label_)
            if trusted.get(_key(entity)) == entity.label_:
                kept.append(span)
            else:
                unsure.append(span)
        added = _missed(doc, trusted, taken)
        if not kept and not added:
            continue
        if settings.keep_unsure:
            kept, unsure = [*kept, *unsure], []
        (with_added if added else others).append((text, [*kept, *added], unsure))
        counts["silver names added where the teacher missed them"] += len(added)
    # Half the sentences teach a name where the teacher missed it, half confirm its tags.
    shuffle = random.Random(seed).shuffle
    shuffle(with_added)
    shuffle(others)
    propagated = with_added[: settings.sentences // 2]
    chosen = [*propagated, *others[: settings.sentences - len(propagated)]]
    counts["silver sentences"] = len(chosen)
    return [project(tokenize, text, spans, counts, unsure) for text, spans, unsure in chosen]
