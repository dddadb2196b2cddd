"""`kg load`: read, skip what is unchanged, extract the rest, write, batch by batch.

Work streams in batches of articles, so memory stays flat however large the corpus is, and
each batch is one transaction: an interrupted load leaves whole articles behind, and running
it again finishes the job (unchanged articles are skipped by content hash).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

from neo4j import Driver

from kg.extraction.pipeline import Extractor
from kg.graph.reader import GraphReader
from kg.graph.writer import GraphWriter
from kg.ingest import iter_articles, unique_articles
from kg.records import Article, ReadFailure

DEFAULT_BATCH_SIZE = 50

T = TypeVar("T")


@dataclass
class LoadReport:
    """What one load did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    entities_written: int = 0
    mentions_written: int = 0


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of up to `size` items."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def load_paths(
    paths: Iterable[str | Path],
    driver: Driver,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    on_item: Callable[[Article | ReadFailure], None] | None = None,
) -> LoadReport:
    """Load the articles under `paths` into the graph; the Python API behind `kg load`.

    Articles stream through the stages: read (`kg.ingest`), skipped when the graph holds them
    with the same content extracted by the same pipeline (`kg.graph.reader`), analysed (by
    `workers` processes when more than one) and resolved in order (`kg.extraction`), and
    written a batch per transaction (`kg.graph.writer`). `on_item` is called once per article
    or failed file, when done with it (the CLI advances its progress bar with it).
    """
    writer = GraphWriter(driver, database)
    reader = GraphReader(driver, database)
    writer.ensure_schema()
    extractor = Extractor()
    extractor.resolver.remember(reader.known_events(), reader.known_people())
    report = LoadReport()
    done = on_item or (lambda _item: None)

    def changed_articles() -> Iterator[Article]:
        for batch in batched(unique_articles(iter_articles(paths)), batch_size):
            current = reader.up_to_date([item for item in batch if isinstance(item, Article)])
            for item in batch:
                if isinstance(item, ReadFailure):
                    report.failures.append(item)
                    done(item)
                elif item.id in current:
                    report.unchanged.append(item.id)
                    done(item)
                else:
                    yield item

    for documents in batched(extractor.documents(changed_articles(), workers), batch_size):
        writer.write(documents)
        for document in documents:
            report.written.append(document.article.id)
            report.entities_written += len(document.entities)
            report.mentions_written += sum(len(e.mentions) for e in document.entities)
            done(document.article)
    return report
