"""The annotated corpora as training Docs and held-out development sets.

- ANERcorp (train split of the CAMeL Lab splits) is the core: its own text (clitics attached,
  hamza kept: what articles look like), re-tokenised by the pipeline's tokenizer
  (`projection`), with PERS/ORG/LOC/MISC as Person/Organization/Location/Misc.
- NewsFANE re-annotates ANERcorp's newswire with fine classes; its Facility and Group
  entities (which ANERcorp does not have) are carried onto the matching ANERcorp sentence
  (`align`) where they do not overlap an ANERcorp entity, so ANERcorp's conventions are never
  contradicted and the two annotations of one sentence are never trained as two sentences.
  Where NewsFANE has another entity and ANERcorp has nothing, the two annotations disagree:
  those training tokens get a missing annotation (neither entity nor `O`). NewsFANE sentences
  with no counterpart in ANERcorp's training text are left out.
- WikiFANE Gold and AQMAR (trained on when named in `train_on`): Wikipedia, whole sentences,
  WikiFANE's segmented clitics re-joined first (`segmented`); classes with no counterpart
  (AQMAR's article-specific MIS0..MIS3, FANE's Celestial ...) are left unannotated, not `O`.
  Their development sets are held out and reported whether or not they are trained on.
- Augmentation: each fully annotated ANERcorp training sentence also appears once with its
  mentions swapped for other training mentions of the same type (`augment`).
- Development, whole contiguous stretches: the last 15% of ANERcorp's sentences (the main
  figure, and what spaCy's training keeps the best model by), the last 10% of WikiFANE's
  segments, and five whole AQMAR articles (`AQMAR_DEV`). No training sentence of any source,
  and no NewsFANE segment whose entities are transferred, is a near copy of any development
  text (`split.near_duplicates`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from kg.arabic import match_key
from kg.nlp.training.align import CharSpan, join_tokens, token_to_char_spans, transfer_spans
from kg.nlp.training.augment import swap_mentions
from kg.nlp.training.conll import TaggedSentence, iob_spans, read_conll
from kg.nlp.training.labels import ANERCORP_LABELS, FACILITY, GROUP, coarse_label
from kg.nlp.training.projection import project
from kg.nlp.training.segmented import rejoin
from kg.nlp.training.split import (
    near_duplicates,
    reference_shingles,
    sentence_key,
    shingles,
    tail_indices,
)

DATA_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "ner"
ANERCORP_FILE = "anercorp_train.conll"
NEWSFANE_FILE = "newsfane_gold_140k.tsv"
WIKIFANE_FILE = "wikifane_gold_500k.tsv"
AQMAR_DIR = "aqmar"
ANERCORP = "anercorp"
WIKIFANE = "wikifane"
AQMAR = "aqmar"
WIKIPEDIA_SOURCES = (WIKIFANE, AQMAR)
ANERCORP_DEV_FRACTION = 0.15
WIKIFANE_DEV_FRACTION = 0.10
# Held-out AQMAR articles: history, a city, a scientist, a club, software.
AQMAR_DEV = ("Crusades", "Damascus", "Enrico_Fermi", "Real_Madrid", "Linux")
TRANSFERRED = frozenset({FACILITY, GROUP})
MATCH_SHARE = 0.3

LabelMap = Callable[[str], str | None]


@dataclass
class Corpora:
    """Training Docs, development sets (gold sentences by source, ANERcorp's also as Docs for
    spaCy's training loop), the matching keys of the names trained on, and counts."""

    train: list[Doc]
    dev: list[Doc]
    dev_gold: dict[str, list[TaggedSentence]]
    train_names: frozenset[str] = frozenset()
    # The training-split text of every corpus read, trained on or not: vectors learn from it.
    unlabelled: list[str] = field(default_factory=list)
    report: Counter[str] = field(default_factory=Counter)


def entity_key(text: str) -> str:
    """The key under which a name counts as seen in training (spaces ignored)."""
    return match_key(text).replace(" ", "")


def _spans(
    sentence: TaggedSentence, label_of: LabelMap, source: str, report: Counter[str]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Token spans with our labels, and the spans of classes we have no label for."""
    known, unknown = [], []
    for first, end, label in iob_spans(sentence.tags):
        coarse = label_of(label)
        if coarse is None:
            unknown.append((first, end, label))
            report[f"{source} unannotated:{label}"] += 1
        else:
            known.append((first, end, coarse))
    return known, unknown


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
        for first, end, label in iob_spans(sentence.tags):
            coarse = coarse_label(label)
            if coarse is not None:
                token_spans.append((first + shift, end + shift, coarse))
        shift += len(sentence.tokens)
    if not token_spans:
        return []
    source, offsets = join_tokens(source_tokens)
    spans = token_to_char_spans(offsets, token_spans)
    mapped = []
    for original, result in zip(spans, transfer_spans(source, spans, target), strict=True):
        same_text = result is not None and entity_key(target[result[0] : result[1]]) == entity_key(
            source[original[0] : original[1]]
        )
        if same_text:
            mapped.append(result)
        report["newsfane transferred" if same_text else "newsfane not aligned"] += 1
    return mapped


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


def sentence_doc(
    tokenize: Callable[[str], Doc],
    sentence: TaggedSentence,
    label_of: LabelMap,
    source: str,
    report: Counter[str],
    extra: Sequence[CharSpan] = (),
    disputed: Sequence[CharSpan] = (),
) -> Doc:
    """A pipeline-tokenised Doc of `sentence` with its mapped entities (plus `extra` ones);
    spans of unmapped classes and `disputed` ones are left unannotated."""
    text, offsets = join_tokens(sentence.tokens)
    known, unknown = _spans(sentence, label_of, source, report)
    spans = token_to_char_spans(offsets, known)
    if extra:
        spans, disputed_extra = _merge(spans, list(extra), report)
        disputed = [*disputed, *disputed_extra]
    missing = [*token_to_char_spans(offsets, unknown), *disputed]
    return project(tokenize, text, spans, report, missing)


def _anercorp_label(label: str) -> str | None:
    return ANERCORP_LABELS.get(label)


def _aqmar_tag(tag: str) -> str:
    """AQMAR's tag with its typos mended (`OO` -> `O`, `I--ORG` -> `I-ORG`)."""
    if set(tag) == {"O"}:
        return "O"
    return re.sub("-+", "-", tag)


def _aqmar_label(label: str) -> str | None:
    return None if label.startswith("MIS") else ANERCORP_LABELS.get(label)


def read_aqmar(directory: Path) -> dict[str, list[TaggedSentence]]:
    """AQMAR's articles (file stem -> sentences), tags mended."""
    articles = {}
    for path in sorted(directory.glob("*.txt")):
        if path.stem == "LICENSE_NOTE":
            continue
        sentences = read_conll(path)
        articles[path.stem] = [
            TaggedSentence(s.tokens, tuple(_aqmar_tag(t) for t in s.tags)) for s in sentences
        ]
    return articles


@dataclass
class Sources:
    """The corpora as read: ANERcorp and NewsFANE always, the Wikipedia corpora optionally."""

    anercorp: Sequence[TaggedSentence]
    newsfane: Sequence[TaggedSentence]
    wikifane: Sequence[TaggedSentence] = ()
    aqmar: dict[str, list[TaggedSentence]] = field(default_factory=dict)


def _not_copies(
    sentences: Sequence[TaggedSentence], reference: set[str], source: str, report: Counter[str]
) -> list[TaggedSentence]:
    copies = near_duplicates([sentence_key(s.tokens) for s in sentences], reference)
    report[f"{source} train sentences dropped as copies of dev"] = len(copies)
    return [s for i, s in enumerate(sentences) if i not in copies]


def build_corpora(
    tokenize: Callable[[str], Doc],
    sources: Sources,
    *,
    train_on: Collection[str] = WIKIPEDIA_SOURCES,
    seed: int = 0,
    anercorp_dev_fraction: float = ANERCORP_DEV_FRACTION,
) -> Corpora:
    """Training Docs and development sets from the corpora (see the module docstring)."""
    report: Counter[str] = Counter()
    anercorp = sources.anercorp
    dev_indices = tail_indices(len(anercorp), anercorp_dev_fraction)
    anercorp_dev = [anercorp[i] for i in dev_indices]
    anercorp_rest = list(anercorp[: len(anercorp) - len(dev_indices)])
    wikifane = [rejoin(s) for s in sources.wikifane]
    wikifane_cut = len(wikifane) - round(WIKIFANE_DEV_FRACTION * len(wikifane))
    dev_gold: dict[str, list[TaggedSentence]] = {ANERCORP: anercorp_dev}
    if wikifane:
        dev_gold[WIKIFANE] = wikifane[wikifane_cut:]
    aqmar_dev = [s for name in AQMAR_DEV for s in sources.aqmar.get(name, [])]
    if aqmar_dev:
        dev_gold[AQMAR] = aqmar_dev
    reference = reference_shingles(s.tokens for sentences in dev_gold.values() for s in sentences)

    train_anercorp = _not_copies(anercorp_rest, reference, ANERCORP, report)
    report["anercorp train sentences"] = len(train_anercorp)
    report["anercorp dev sentences"] = len(anercorp_dev)
    newsfane = _not_copies(list(sources.newsfane), reference, "newsfane", report)
    index = _NewsfaneIndex(newsfane)
    train: list[Doc] = []
    for sentence in train_anercorp:
        text, _ = join_tokens(sentence.tokens)
        candidates = [newsfane[i] for i in index.matches(sentence.tokens)]
        transferred = _transferred(text, candidates, report)
        train.append(
            sentence_doc(tokenize, sentence, _anercorp_label, ANERCORP, report, transferred)
        )
    unmatched = [s for i, s in enumerate(newsfane) if i not in index.used]
    report["newsfane sentences unmatched (left out)"] = len(unmatched)
    dev = [sentence_doc(tokenize, s, _anercorp_label, ANERCORP, Counter()) for s in anercorp_dev]
    augmented = swap_mentions(train, tokenize, seed, Counter())
    report["anercorp copies with swapped mentions"] = len(augmented)

    wiki: list[Doc] = []
    wiki_text: list[str] = []
    wikipedia = {
        WIKIFANE: (wikifane[:wikifane_cut], coarse_label),
        AQMAR: (
            [s for name, ss in sources.aqmar.items() if name not in AQMAR_DEV for s in ss],
            _aqmar_label,
        ),
    }
    for source, (sentences, label_of) in wikipedia.items():
        if not sentences:
            continue
        kept = _not_copies(sentences, reference, source, report)
        wiki_text += [join_tokens(s.tokens)[0] for s in kept]
        report[f"{source} dev sentences"] = len(dev_gold[source])
        if source in train_on:
            wiki += [sentence_doc(tokenize, s, label_of, source, report) for s in kept]
            report[f"{source} train sentences"] = len(kept)
    originals = [*train, *wiki]
    names = frozenset(entity_key(e.text) for doc in originals for e in doc.ents)
    return Corpora(
        [*train, *augmented, *wiki],
        dev,
        dev_gold,
        names,
        [*(doc.text for doc in train), *wiki_text],
        report,
    )


def read_sources(data_dir: Path = DATA_DIR) -> Sources:
    """ANERcorp and NewsFANE from `data_dir`, and WikiFANE and AQMAR where present."""
    wikifane, aqmar = data_dir / WIKIFANE_FILE, data_dir / AQMAR_DIR
    return Sources(
        read_conll(data_dir / ANERCORP_FILE),
        read_conll(data_dir / NEWSFANE_FILE),
        read_conll(wikifane) if wikifane.is_file() else (),
        read_aqmar(aqmar) if aqmar.is_dir() else {},
    )


def load_corpora(
    tokenize: Callable[[str], Doc],
    data_dir: Path = DATA_DIR,
    *,
    train_on: Collection[str] = WIKIPEDIA_SOURCES,
    seed: int = 0,
) -> Corpora:
    """`build_corpora` over the files in `data_dir` (`train_on`: the Wikipedia corpora to
    train on)."""
    return build_corpora(tokenize, read_sources(data_dir), train_on=train_on, seed=seed)
