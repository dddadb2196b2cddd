"""Analysing a stream of articles in worker processes, in order, with flat memory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing import get_context

from kg.extraction.analyse import Analyser
from kg.records import Article, ArticleAnalysis

WORKER_CHUNK = 8
WORKER_WINDOW = 256

_worker: Analyser | None = None


def _start_worker() -> None:
    global _worker
    _worker = Analyser()


def _analyse_in_worker(article: Article) -> ArticleAnalysis:
    assert _worker is not None
    return _worker.analyse(article)


def analyse_all(
    articles: Iterable[Article], workers: int = 1, analyser: Analyser | None = None
) -> Iterator[ArticleAnalysis]:
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
