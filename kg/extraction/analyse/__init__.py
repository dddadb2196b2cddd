"""Stage 1, analyse: what one article says, before anything is resolved.

Analysing an article depends on that article alone, so it can run in worker processes
(`parallel`). For each sentence (`sentences`) of its body the spaCy pipeline (`kg.nlp`) finds
the entity spans; a sentence that names entities becomes a skeleton the rule catalogue is
matched against (`kg.extraction.rules`), and a sentence with rule hits has its time
expressions found (`times`). The result is an `ArticleAnalysis`, a plain picklable record
that the resolve stage turns into a document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from kg.arabic import spell_out_hashtags
from kg.extraction.analyse.anaphora import ContextualNames, add_head_mentions, article_heads
from kg.extraction.analyse.pairs import End, PairModel, packaged_model, pair_ends
from kg.extraction.analyse.sentences import split_sentences
from kg.extraction.analyse.times import find_times
from kg.extraction.rules.matcher import RuleSet
from kg.extraction.rules.names import NameFacts
from kg.extraction.rules.skeleton import Skeleton, Slot, build_skeleton
from kg.kb import KbEntity, default_kb
from kg.nlp.pipeline import default_pipeline
from kg.records import Article, ArticleAnalysis, EntitySpan, RuleHit, Sentence, SentenceAnalysis
from kg.schema import ENTITY_LABELS, EntityLabel, LocationKind

PIPE_BATCH_SIZE = 256
# The pipeline's entity labels as graph labels: a facility is a place of kind `facility`.
GRAPH_LABELS: dict[str, EntityLabel] = {label: label for label in ENTITY_LABELS} | {
    "Facility": "Location"
}
KINDS: dict[str, LocationKind] = {"Facility": "facility"}


@dataclass(frozen=True)
class SentenceView:
    """One analysed sentence as the analyser sees it: what the pair classifier needs to be
    trained on (`kg.evaluation.learning`) as well as what it outputs."""

    sentence: Sentence
    spans: list[EntitySpan]
    skeleton: Skeleton
    ends: list[End]
    rule_hits: list[RuleHit]


class Analyser:
    """Runs the pipeline, the rules and the pair classifier over articles; holds no state
    between articles. `pairs=False` leaves the classifier out (the rules alone)."""

    def __init__(
        self,
        nlp: Language | None = None,
        kb: Iterable[KbEntity] | None = None,
        pairs: PairModel | bool | None = None,
    ):
        self.nlp = nlp or default_pipeline()
        kb = tuple(default_kb() if kb is None else kb)
        self.kb_by_id = {entity.id: entity for entity in kb}
        self.rules = RuleSet(kb)
        self.names = NameFacts(kb)
        self.contextual = ContextualNames(kb)
        if pairs is None or pairs is True:
            pairs = packaged_model()
        self.pairs = pairs or None

    def views(
        self, article: Article, sentences: list[Sentence] | None = None
    ) -> Iterator[SentenceView]:
        """The article's sentences that name entities, with their skeletons and rule hits."""
        sentences = split_sentences(article) if sentences is None else sentences
        # Hashtags are read as the words they join; the offsets stay those of the article.
        texts = (spell_out_hashtags(s.text) for s in sentences)
        docs = list(self.nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE))
        heads = article_heads(docs, self.contextual)
        for sentence, doc in zip(sentences, docs, strict=True):
            add_head_mentions(doc, heads)
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
            skeleton = build_skeleton(doc, slots)
            hits = self.rules.hits(skeleton)
            hits += self.names.hits(doc, slots, [span.kb_id for span in spans])
            ends = pair_ends(skeleton, spans, self.rules.demonym_ids, self.kb_by_id)
            yield SentenceView(sentence, spans, skeleton, ends, hits)

    def analyse(self, article: Article) -> ArticleAnalysis:
        """Analyse one article."""
        analysed = []
        sentences = split_sentences(article)
        for view in self.views(article, sentences):
            hits = list(view.rule_hits)
            if self.pairs is not None:
                hits += self.pairs.hits(
                    view.skeleton.text.split(),
                    view.ends,
                    view.rule_hits,
                    lambda unit, skeleton=view.skeleton: skeleton.unit_chars[unit],
                )
            times = find_times(view.sentence.text, article.published) if hits else []
            analysed.append(SentenceAnalysis(view.sentence, view.spans, hits, times))
        return ArticleAnalysis(article, sentences, analysed)
