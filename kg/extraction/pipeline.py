"""Extraction as one call: analyse each article, then resolve it in order.

`Extractor` puts the two stages together: the analyser (in this process, in worker
processes, or on Spark's executors) and the resolver, whose state is shared by every article
of the run. The functions below are kg's Python API for extraction without a database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal

from spacy.language import Language

from kg.extraction.analyse import Analyser
from kg.extraction.analyse.parallel import analyse_all
from kg.extraction.resolve import Resolver
from kg.ingest import article_from_text, iter_articles, unique_articles
from kg.kb import KbEntity, default_kb
from kg.records import Article, Document, ReadFailure


class Extractor:
    """Analyses and resolves articles: entity ids and events shared across the run."""

    def __init__(self, nlp: Language | None = None, kb: Iterable[KbEntity] | None = None):
        self.kb = tuple(default_kb() if kb is None else kb)
        self.resolver = Resolver(self.kb)
        self._nlp = nlp
        self._analyser: Analyser | None = None

    @property
    def analyser(self) -> Analyser:
        """The in-process analyser (built on first use: parallel runs do not need it)."""
        if self._analyser is None:
            self._analyser = Analyser(self._nlp, self.kb)
        return self._analyser

    def document(self, article: Article) -> Document:
        """Extract one article: sentences, entities, relations and events."""
        return self.resolver.resolve(self.analyser.analyse(article))

    def documents(self, articles: Iterable[Article], workers: int = 1) -> Iterator[Document]:
        """Extract a stream of articles, one `Document` each, in order.

        With `workers` > 1 the analysis runs in that many processes; the result is the same.
        """
        analyser = self.analyser if workers <= 1 else None
        for analysis in analyse_all(articles, workers, analyser):
            yield self.resolver.resolve(analysis)

    def documents_on_spark(
        self, articles: Iterable[Article], master: str | None = None
    ) -> Iterator[Document]:
        """The same documents as `documents`, the analysis run as a Spark job on `master`
        (a Spark master URL; `local[*]` unless given or set by `spark-submit`)."""
        from kg.extraction.analyse.spark import analyse_on_spark, spark_context

        with spark_context(master) as context:
            for analysis in analyse_on_spark(articles, context):
                yield self.resolver.resolve(analysis)


def extract_documents(
    articles: Iterable[Article],
    nlp: Language | None = None,
    kb: Iterable[KbEntity] | None = None,
) -> Iterator[Document]:
    """Extract each article, streaming one `Document` per article; ids are shared run-wide."""
    return Extractor(nlp, kb).documents(articles)


def extract(texts: Iterable[str | Article], nlp: Language | None = None) -> list[Document]:
    """Extract documents from article texts or `Article`s, without a database."""
    articles = (t if isinstance(t, Article) else article_from_text(t) for t in texts)
    return list(extract_documents(articles, nlp=nlp))


Engine = Literal["local", "spark"]


def extract_paths(
    paths: Iterable[str | Path],
    workers: int = 1,
    on_failure: Callable[[ReadFailure], None] | None = None,
    engine: Engine = "local",
    master: str | None = None,
) -> Iterator[Document]:
    """The documents of the articles under `paths` (files or folders), in order: the Python
    API of `kg extract`. Each file or record that cannot be read is passed to `on_failure`
    (and the rest goes on); `workers` > 1 analyses in that many processes, `engine="spark"`
    as a Spark job on `master` instead (the same documents either way)."""
    failed = on_failure or (lambda _failure: None)

    def articles() -> Iterator[Article]:
        for item in unique_articles(iter_articles(paths)):
            if isinstance(item, ReadFailure):
                failed(item)
            else:
                yield item

    if engine == "spark":
        return Extractor().documents_on_spark(articles(), master)
    return Extractor().documents(articles(), workers)
