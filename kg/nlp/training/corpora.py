"""ANERcorp and NewsFANE as one training set and one development set of pipeline Docs.

- Text: every sentence is ANERcorp's own text (clitics attached, hamza kept: what articles
  look like), re-tokenised by the pipeline's tokenizer (`projection`).
- Labels: ANERcorp's PERS/ORG/LOC give Person/Organization/Location (MISC dropped). NewsFANE
  re-annotates the same newswire with fine classes; its Facility and Group entities (which
  ANERcorp does not have) are carried onto the matching ANERcorp sentence (`align`) where they
  do not overlap an ANERcorp entity, so ANERcorp's conventions for the three shared types are
  never contradicted and the two annotations of one sentence are never trained as two
  sentences. Where NewsFANE has a person, organisation or location and ANERcorp has nothing,
  the two annotations disagree: those training tokens get a missing annotation (neither
  entity nor `O`) instead of a contradictory `O`.
- Augmentation: each fully annotated training sentence also appears once with its mentions
  swapped for other training mentions of the same type (`augment`).
- NewsFANE sentences with no counterpart in ANERcorp's train split are left out: they are
  most likely ANERcorp's held-out test text (counted in the report as `newsfane unmatched`).
- Development: blocks of consecutive ANERcorp sentences chosen with a seeded shuffle
  (`split`); ANERcorp sentences that overlap the development text are dropped from training.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from kg.arabic import match_key
from kg.nlp.training.align import CharSpan, join_tokens, token_to_char_spans, transfer_spans
from kg.nlp.training.augment import swap_mentions
from kg.nlp.training.conll import TaggedSentence, iob_spans, read_conll
from kg.nlp.training.labels import ANERCORP_LABELS, FACILITY, GROUP, NEWSFANE_LABELS
from kg.nlp.training.projection import project
from kg.nlp.training.split import carve_blocks, near_duplicates, sentence_key, shingles

DATA_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "ner"
ANERCORP_FILE = "anercorp_train.conll"
NEWSFANE_FILE = "newsfane_gold_140k.tsv"
TRANSFERRED = frozenset({FACILITY, GROUP})
MATCH_SHARE = 0.3


@dataclass
class Corpora:
    """Training and development Docs, ANERcorp's own development gold, and counts."""

    train: list[Doc]
    dev: list[Doc]
    dev_gold: list[TaggedSentence]
    report: Counter[str] = field(default_factory=Counter)


def _anercorp_spans(sentence: TaggedSentence, report: Counter[str]) -> list[tuple[int, int, str]]:
    spans = []
    for first, end, label in iob_spans(sentence.tags):
        coarse = ANERCORP_LABELS.get(label)
        if coarse is None:
            report[f"anercorp dropped:{label}"] += 1
        else:
            spans.append((first, end, coarse))
    return spans


def _newsfane_spans(sentence: TaggedSentence) -> list[tuple[int, int, str]]:
    spans = []
    for first, end, label in iob_spans(sentence.tags):
        coarse = NEWSFANE_LABELS.get(label)
        if coarse is not None:
            spans.append((first, end, coarse))
    return spans


class _NewsfaneIndex:
    """Find the NewsFANE sentences that are (parts of) a given ANERcorp sentence."""

    def __init__(self, sentences: Sequence[TaggedSentence]) -> None:
        self.sentences = sentences
        self.shingles = [shingles(sentence_key(s.tokens)) for s in sentences]
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index, own in enumerate(self.shingles):
            for shingle in own:
                self.postings[shingle].append(index)
        self.used: set[int] = set()

    def matches(self, tokens: Sequence[str]) -> list[int]:
        own = shingles(sentence_key(tokens))
        shared: Counter[int] = Counter()
        for shingle in own:
            shared.update(self.postings.get(shingle, ()))
        found = sorted(
            index
            for index, count in shared.items()
            if count >= MATCH_SHARE * min(len(own), len(self.shingles[index]))
        )
        self.used.update(found)
        return found


def _transferred(
    target: str, candidates: Sequence[TaggedSentence], report: Counter[str]
) -> list[CharSpan]:
    """NewsFANE's entity spans from `candidates`, mapped onto `target`."""
    source_tokens = [token for sentence in candidates for token in sentence.tokens]
    token_spans: list[tuple[int, int, str]] = []
    shift = 0
    for sentence in candidates:
        token_spans += [(a + shift, b + shift, label) for a, b, label in _newsfane_spans(sentence)]
        shift += len(sentence.tokens)
    if not token_spans:
        return []
    source, offsets = join_tokens(source_tokens)
    spans = token_to_char_spans(offsets, token_spans)
    mapped = []
    for original, result in zip(spans, transfer_spans(source, spans, target), strict=True):
        same_text = result is not None and _key(target[result[0] : result[1]]) == _key(
            source[original[0] : original[1]]
        )
        if same_text:
            mapped.append(result)
        report["newsfane transferred" if same_text else "newsfane not aligned"] += 1
    return mapped


def _key(text: str) -> str:
    return match_key(text).replace(" ", "")


def _overlaps(span: CharSpan, others: Sequence[CharSpan]) -> bool:
    return any(span[0] < end and start < span[1] for start, end, _ in others)


def _merge(
    base: list[CharSpan], newsfane: list[CharSpan], report: Counter[str]
) -> tuple[list[CharSpan], list[CharSpan]]:
    """ANERcorp's spans plus NewsFANE's Facility/Group spans that do not overlap them, and
    NewsFANE's other entities where ANERcorp has none (the annotations disagree there)."""
    merged = list(base)
    disputed = []
    for span in newsfane:
        if _overlaps(span, merged):
            if span[2] in TRANSFERRED:
                report[f"newsfane {span[2]} overlaps anercorp entity"] += 1
        elif span[2] in TRANSFERRED:
            merged.append(span)
        else:
            disputed.append(span)
            report[f"newsfane {span[2]} where anercorp has none"] += 1
    return merged, disputed


def build_corpora(
    tokenize: Callable[[str], Doc],
    anercorp: Sequence[TaggedSentence],
    newsfane: Sequence[TaggedSentence],
    *,
    dev_fraction: float = 0.1,
    block_size: int = 20,
    seed: int = 0,
) -> Corpora:
    """Training and development Docs from the two corpora (see the module docstring)."""
    report: Counter[str] = Counter()
    dev_indices = carve_blocks(len(anercorp), dev_fraction, block_size, seed)
    dev_set = set(dev_indices)
    dev_reference: set[str] = set()
    for index in dev_indices:
        dev_reference |= shingles(sentence_key(anercorp[index].tokens))
    rest = [index for index in range(len(anercorp)) if index not in dev_set]
    copies = near_duplicates([sentence_key(anercorp[i].tokens) for i in rest], dev_reference)
    train_indices = [index for position, index in enumerate(rest) if position not in copies]
    report["anercorp train sentences"] = len(train_indices)
    report["anercorp dev sentences"] = len(dev_indices)
    report["anercorp train sentences dropped as copies of dev"] = len(copies)

    index = _NewsfaneIndex(newsfane)

    def docs(indices: Sequence[int], training: bool) -> list[Doc]:
        built = []
        for position in indices:
            sentence = anercorp[position]
            text, offsets = join_tokens(sentence.tokens)
            base = token_to_char_spans(offsets, _anercorp_spans(sentence, report))
            candidates = [newsfane[i] for i in index.matches(sentence.tokens)]
            spans, disputed = _merge(base, _transferred(text, candidates, report), report)
            unknown = disputed if training else []
            built.append(project(tokenize, text, spans, report, unknown))
        return built

    train, dev = docs(train_indices, training=True), docs(dev_indices, training=False)
    augmented = swap_mentions(train, tokenize, seed, Counter())
    report["training copies with swapped mentions"] = len(augmented)
    train += augmented
    unmatched = [s for i, s in enumerate(newsfane) if i not in index.used]
    report["newsfane sentences unmatched (left out)"] = len(unmatched)
    report["newsfane tokens unmatched (left out)"] = sum(len(s.tokens) for s in unmatched)
    return Corpora(train, dev, [anercorp[i] for i in dev_indices], report)


def load_corpora(
    tokenize: Callable[[str], Doc],
    data_dir: Path = DATA_DIR,
    *,
    dev_fraction: float = 0.1,
    seed: int = 0,
) -> Corpora:
    """`build_corpora` over the two files in `data_dir`."""
    return build_corpora(
        tokenize,
        read_conll(data_dir / ANERCORP_FILE),
        read_conll(data_dir / NEWSFANE_FILE),
        dev_fraction=dev_fraction,
        seed=seed,
    )
