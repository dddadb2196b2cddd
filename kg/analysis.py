"""The stateless half of extraction: what one article says, before anything is resolved.

Analysing an article (sentences, entity spans, rule hits, time expressions) depends on that
article alone, so it can run in parallel worker processes. Resolving the analysis (which
entity each span names, which known event a report belongs to) depends on every article
before it, and happens in order in one process (`kg.extraction.Extractor`). Analyses are
plain picklable records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing import get_context

from spacy.language import Language

from kg.kb import KbEntity, default_kb
from kg.model import Article, Sentence
from kg.nlp.pipeline import default_pipeline
from kg.relations import Hit, RuleSet
from kg.schema import ENTITY_LABELS
from kg.sentences import split_sentences
from kg.skeleton import Slot, build_skeleton
from kg.temporal import TimeMention, find_times

PIPE_BATCH_SIZE = 256
# The pipeline's entity labels as graph labels: a facility is a place of kind `facility`.
GRAPH_LABELS = {label: label for label in ENTITY_LABELS} | {"Facility": "Location"}
KINDS = {"Facility": "facility"}
WORKER_CHUNK = 8
WORKER_WINDOW = 256


@dataclass(frozen=True)
class Span:
    """An entity span as the pipeline found it: article offsets, label, knowledge-base id."""

    start: int
    text: str
    label: str
    kind: str | None
    kb_id: str | None


@dataclass
class SentenceAnalysis:
    """The entity spans, rule hits and times of one sentence that names entities."""

    sentence: Sentence
    spans: list[Span]
    hits: list[Hit]
    times: list[TimeMention]


@dataclass
class Analysis:
    """What one article says: all its sentences, and the analysed ones."""

    article: Article
    sentences: list[Sentence]
    analysed: list[SentenceAnalysis]


class Analyser:
    """Runs the pipeline and the rules over articles; holds no state between articles."""

    def __init__(self, nlp: Language | None = None, kb: Iterable[KbEntity] | None = None):
        self.nlp = nlp or default_pipeline()
        self.rules = RuleSet(default_kb() if kb is None else kb)

    def analyse(self, article: Article) -> Analysis:
        """Analyse one article."""
        sentences = split_sentences(article)
        analysed = []
        docs = self.nlp.pipe((s.text for s in sentences), batch_size=PIPE_BATCH_SIZE)
        for sentence, doc in zip(sentences, docs, strict=True):
            ents = [e for e in doc.ents if e.label_ in GRAPH_LABELS]
            if not ents:
                continue
            spans = [
                Span(
                    sentence.start + e.start_char,
                    e.text,
                    GRAPH_LABELS[e.label_],
                    KINDS.get(e.label_),
                    e.ent_id_ or None,
                )
                for e in ents
            ]
            slots = [Slot(e.start, e.end, GRAPH_LABELS[e.label_]) for e in ents]
            hits = self.rules.hits(build_skeleton(doc, slots))
            times = find_times(sentence.text, article.published) if hits else []
            analysed.append(SentenceAnalysis(sentence, spans, hits, times))
        return Analysis(article, sentences, analysed)


_worker: Analyser | None = None


def _start_worker() -> None:
    global _worker
    _worker = Analyser()


def _analyse_in_worker(article: Article) -> Analysis:
    assert _worker is not None
    return _worker.analyse(article)


def analyse_all(
    articles: Iterable[Article], workers: int = 1, analyser: Analyser | None = None
) -> Iterator[Analysis]:
    """Analyses of `articles`, in order; with `workers` > 1, computed by that many processes.

    The worker pool lives for the whole stream and takes it a window at a time, so memory
    stays flat however long the stream is.
    """
    if workers <= 1:
        analyser = analyser or Analyser()
        yield from (analyser.analyse(article) for article in articles)
        return
    with get_context("spawn").Pool(workers, initializer=_start_worker) as pool:
        iterator = iter(articles)
        while window := list(islice(iterator, WORKER_WINDOW)):
            yield from pool.imap(_analyse_in_worker, window, chunksize=WORKER_CHUNK)
