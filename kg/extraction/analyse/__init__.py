"""Stage 1, analyse: what one article says, before anything is resolved.

Analysing an article depends on that article alone, so it can run in worker processes
(`parallel`). For each sentence (`sentences`) of its body the spaCy pipeline (`kg.nlp`) finds
the entity spans; a sentence that names entities becomes a skeleton the rule catalogue is
matched against (`kg.extraction.rules`), and a sentence with rule hits has its time
expressions found (`times`). The result is an `ArticleAnalysis`, a plain picklable record
that the resolve stage turns into a document.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language

from kg.extraction.analyse.sentences import split_sentences
from kg.extraction.analyse.times import find_times
from kg.extraction.rules.matcher import RuleSet
from kg.extraction.rules.names import NameFacts
from kg.extraction.rules.skeleton import Slot, build_skeleton
from kg.kb import KbEntity, default_kb
from kg.nlp.pipeline import default_pipeline
from kg.records import Article, ArticleAnalysis, EntitySpan, SentenceAnalysis
from kg.schema import ENTITY_LABELS, EntityLabel, LocationKind

PIPE_BATCH_SIZE = 256
# The pipeline's entity labels as graph labels: a facility is a place of kind `facility`.
GRAPH_LABELS: dict[str, EntityLabel] = {label: label for label in ENTITY_LABELS} | {
    "Facility": "Location"
}
KINDS: dict[str, LocationKind] = {"Facility": "facility"}


class Analyser:
    """Runs the pipeline and the rules over articles; holds no state between articles."""

    def __init__(self, nlp: Language | None = None, kb: Iterable[KbEntity] | None = None):
        self.nlp = nlp or default_pipeline()
        kb = tuple(default_kb() if kb is None else kb)
        self.rules = RuleSet(kb)
        self.names = NameFacts(kb)

    def analyse(self, article: Article) -> ArticleAnalysis:
        """Analyse one article."""
        sentences = split_sentences(article)
        analysed = []
        docs = self.nlp.pipe((s.text for s in sentences), batch_size=PIPE_BATCH_SIZE)
        for sentence, doc in zip(sentences, docs, strict=True):
            ents = [e for e in doc.ents if e.label_ in GRAPH_LABELS]
            if not ents:
                continue
            spans = [
                EntitySpan(
                    sentence.start + e.start_char,
                    e.text,
                    GRAPH_LABELS[e.label_],
                    KINDS.get(e.label_),
                    e.ent_id_ or None,
                    " ".join(token.norm_ for token in e),
                )
                for e in ents
            ]
            slots = [Slot(e.start, e.end, GRAPH_LABELS[e.label_]) for e in ents]
            hits = self.rules.hits(build_skeleton(doc, slots))
            hits += self.names.hits(doc, slots, [span.kb_id for span in spans])
            times = find_times(sentence.text, article.published) if hits else []
            analysed.append(SentenceAnalysis(sentence, spans, hits, times))
        return ArticleAnalysis(article, sentences, analysed)
