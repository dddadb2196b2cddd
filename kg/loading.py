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

from kg.extraction import Extractor
from kg.graph.writer import GraphWriter
from kg.model import Article
from kg.reading import ReadFailure, iter_articles

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

    @property
    def articles_seen(self) -> int:
        """Articles read successfully, written or skipped."""
        return len(self.written) + len(self.unchanged)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of up to `size` items."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def unique_articles(
    items: Iterable[Article | ReadFailure],
) -> Iterator[Article | ReadFailure]:
    """Pass items through, turning a second article with an already-seen id into a failure."""
    first_path: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            if item.id in first_path:
                reason = f"same article id {item.id!r} as {first_path[item.id]}; not loaded"
                yield ReadFailure(item.path, reason)
                continue
            first_path[item.id] = item.path
        yield item


def load_paths(
    paths: Iterable[str | Path],
    driver: Driver,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    on_item: Callable[[Article | ReadFailure], None] | None = None,
) -> LoadReport:
    """Load the articles under `paths` into the graph; the Python API behind `kg load`.

    Articles stream through: read, skipped when the graph holds them with the same content
    extracted by the same pipeline,
    analysed (by `workers` processes when more than one), resolved in order, and written a
    batch per transaction. `on_item` is called once per article or failed file, when done
    with it (the CLI advances its progress bar with it).
    """
    writer = GraphWriter(driver, database)
    writer.ensure_schema()
    extractor = Extractor()
    # What earlier loads stored informs this one as if it had been seen in this run, so a
    # resumed or incremental load resolves exactly as one load of everything would.
    extractor.events.add_known(writer.known_events())
    extractor.linker.add_known_people(writer.known_people())
    report = LoadReport()
    done = on_item or (lambda _item: None)

    def changed_articles() -> Iterator[Article]:
        for batch in batched(unique_articles(iter_articles(paths)), batch_size):
            current = writer.up_to_date([item for item in batch if isinstance(item, Article)])
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
