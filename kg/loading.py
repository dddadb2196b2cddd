"""`kg load`: read, skip what needs no writing, extract the rest, write, batch by batch.

The four steps are separate: reading (`kg.ingest`: files to articles or failures), skipping
(`Skipper`: what the graph and the run already hold), extracting (`kg.extraction`) and writing
(`kg.graph.writer`). Work streams in batches of articles, so memory stays flat however large
the corpus is (edited articles, few as a rule, are kept until the end and written in their
earlier versions' places), and each batch is one transaction: an interrupted load leaves whole
articles behind, and running it again finishes the job (unchanged articles are skipped by
content hash).
The whole load holds the graph's lease (`kg.graph.lease`), so loads started at once run one
after the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

from neo4j import Driver, ManagedTransaction

from kg.extraction.pipeline import Extractor
from kg.fingerprint import pipeline_fingerprint
from kg.graph.lease import GraphLease, LeaseHolder
from kg.graph.reader import GraphReader, StoredVersion
from kg.graph.rewrite import rewrite
from kg.graph.writer import GraphWriter, now_utc
from kg.ingest import iter_articles, unique_articles
from kg.ingest.extracted import check_documents, extracted_input, read_documents
from kg.records import Article, Document, ReadFailure

DEFAULT_BATCH_SIZE = 50

T = TypeVar("T")


@dataclass(frozen=True)
class Duplicate:
    """An article not stored because its text (SHA-256) is already stored or read in this run
    under another id: `of_id`, read from `of_path` in this run (None: found in the graph)."""

    path: str
    article_id: str
    of_id: str
    of_path: str | None = None

    @property
    def reason(self) -> str:
        """What the load says about it, in one line."""
        where = f" ({self.of_path})" if self.of_path else ""
        return f"same text as article {self.of_id}{where}; not stored again"


@dataclass
class LoadReport:
    """What one load did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """Stored articles taken out: earlier-scheme ids taken over, and stored versions of files
    that now hold another article's text."""
    entities_written: int = 0
    mentions_written: int = 0


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of up to `size` items."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass(frozen=True)
class _Write:
    """An article to extract and write, and the stored articles its batch removes; `edited`
    when it replaces a stored version with another text."""

    article: Article
    removes: tuple[str, ...]
    edited: bool = False


class Skipper:
    """The skipping step: decides for each article read whether it needs writing.

    - same id, same text, same pipeline as stored: unchanged, nothing to do;
    - the same text as an article already stored or read in this run, under another id: a
      `Duplicate`, not stored (a stored version under its own id, now outdated, goes);
    - otherwise written, taking over the article stored under one of its ids of the earlier
      scheme when that holds the same text or title; an article whose stored version has
      another text (`edited`) is written last, in that version's place (`_rewrite_edited`),
      one stored with an older pipeline is extracted again where it is.
    """

    def __init__(self, reader: GraphReader) -> None:
        self.reader = reader
        self.pipeline = pipeline_fingerprint()
        self.first_read: dict[str, tuple[str, str]] = {}  # text digest -> (id, path) this run
        self.going: set[str] = set()  # stored ids whose stored version this run replaces
        self.removals: list[str] = []  # stored articles to delete with the next batch

    def decide(
        self,
        batch: list[Article],
        report: LoadReport,
        pipelines: Mapping[str, str] | None = None,
    ) -> list[_Write | Article]:
        """For each article of `batch`, in order: a `_Write`, or the article itself when
        nothing is to be done (it was added to `report` as unchanged or duplicate).
        `pipelines` gives, by article id, the fingerprint of the pipeline that extracted it
        elsewhere (extraction output), when not this kg's."""
        stored = self.reader.stored_versions([i for a in batch for i in (a.id, *a.legacy_ids)])
        same_text = self.reader.articles_with_text([a.sha256 for a in batch])
        given = pipelines or {}
        decided: list[_Write | Article] = []
        for article in batch:
            pipeline = given.get(article.id, self.pipeline)
            decided.append(self._decide(article, stored, same_text, report, pipeline))
        return decided

    def _decide(
        self,
        article: Article,
        stored: dict[str, StoredVersion],
        same_text: dict[str, list[str]],
        report: LoadReport,
        pipeline: str,
    ) -> _Write | Article:
        own = stored.get(article.id)
        if own is not None and (own.sha256, own.pipeline) == (article.sha256, pipeline):
            report.unchanged.append(article.id)
            self.first_read.setdefault(article.sha256, (article.id, article.path))
            return article
        legacy = [
            old
            for old in article.legacy_ids
            if old in stored and old not in self.going and same_article(stored[old], article)
        ]
        self.going.update(legacy)
        if own is None or own.sha256 != article.sha256:
            duplicate = self._twin(article, same_text.get(article.sha256, []), legacy)
            if duplicate is not None:
                report.duplicates.append(duplicate)
                gone = [article.id] if own is not None else []
                self.going.update(gone)
                self.removals += [*gone, *legacy]
                return article
        if own is not None:
            self.going.add(article.id)
        self.first_read.setdefault(article.sha256, (article.id, article.path))
        edited = own is not None and own.sha256 != article.sha256
        return _Write(article, tuple(legacy), edited)

    def _twin(self, article: Article, stored_ids: list[str], legacy: list[str]) -> Duplicate | None:
        """The article this one duplicates: read earlier in this run, or stored (and not being
        replaced by this run)."""
        earlier = self.first_read.get(article.sha256)
        if earlier is not None and earlier[0] != article.id:
            return Duplicate(article.path, article.id, earlier[0], earlier[1])
        others = [
            i for i in stored_ids if i != article.id and i not in self.going and i not in legacy
        ]
        if others:
            return Duplicate(article.path, article.id, others[0])
        return None

    def take_removals(self) -> list[str]:
        """The stored articles to remove with the next batch written; the list starts afresh."""
        removals, self.removals = self.removals, []
        return removals


def same_article(stored: StoredVersion, article: Article) -> bool:
    """Whether the article stored under an earlier-scheme id of `article` is this one: the
    same text, or (an edited version) the same title."""
    return stored.sha256 == article.sha256 or bool(stored.title and stored.title == article.title)


def load_paths(
    paths: Iterable[str | Path],
    driver: Driver,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    on_item: Callable[[Article | ReadFailure], None] | None = None,
    on_wait: Callable[[LeaseHolder], None] | None = None,
    extracted: bool | None = None,
) -> LoadReport:
    """Load the articles under `paths` into the graph; the Python API behind `kg load`.

    Articles stream through the steps: read (`kg.ingest`), skipped when the graph or the run
    already holds them (`Skipper`), analysed (by `workers` processes when more than one) and
    resolved in order (`kg.extraction`), and written a batch per transaction
    (`kg.graph.writer`). The load holds the graph's lease throughout: if another kg holds it,
    `on_wait` is told who, and the load waits. `on_item` is called once per article, failed
    or failed file, when done with it (the CLI advances its progress bar with it).

    `paths` may instead hold `kg extract`'s output (`extracted`: True; None: recognised by
    its format, `kg.ingest.extracted`): its documents are written as they are, with no NLP,
    after every line has been checked (`KgError` at the first invalid one, nothing written).
    """
    paths = list(paths)
    if extracted is None:
        extracted = extracted_input(paths)
    elif extracted:
        extracted_input(paths, forced=True)
    if extracted:
        check_documents(paths)
    writer = GraphWriter(driver, database)
    writer.ensure_schema()
    with GraphLease(driver, database, command="kg load", on_wait=on_wait) as lease:
        writer.lease = lease
        reader = GraphReader(driver, database)
        if extracted:
            return _load_documents(paths, writer, reader, batch_size, on_item)
        return _load(paths, writer, reader, batch_size, workers, on_item)


def decisions(
    items: Iterable[Article | Document | ReadFailure],
    skipper: Skipper,
    report: LoadReport,
    batch_size: int,
    done: Callable[[Article | ReadFailure], None],
) -> Iterator[tuple[_Write, Article | Document]]:
    """The skipping step over articles read (or documents extracted elsewhere), a batch at a
    time: each one to write with its decision; failures and what needs no writing go to
    `report` and `done`."""
    for batch in batched(items, batch_size):
        for failure in (item for item in batch if isinstance(item, ReadFailure)):
            report.failures.append(failure)
            done(failure)
        records = [item for item in batch if not isinstance(item, ReadFailure)]
        articles = [r.article if isinstance(r, Document) else r for r in records]
        pipelines = {
            r.article.id: r.pipeline for r in records if isinstance(r, Document) and r.pipeline
        }
        for record, decision in zip(
            records, skipper.decide(articles, report, pipelines), strict=True
        ):
            if isinstance(decision, _Write):
                yield decision, record
            else:
                done(decision)


class _Written:
    """Writes batches of documents with the stored articles they replace, into `report`."""

    def __init__(self, writer: GraphWriter, report: LoadReport, done: Callable) -> None:
        self.writer = writer
        self.report = report
        self.done = done
        self.removes: dict[str, tuple[str, ...]] = {}

    def write(self, documents: list[Document], extra: list[str]) -> None:
        replaced = [old for d in documents for old in self.removes.pop(d.article.id, ())]
        replaced += extra
        self.writer.write(documents, replaces=replaced)
        self.report.removed += replaced
        self.count(documents)

    def count(self, documents: list[Document]) -> None:
        for document in documents:
            self.report.written.append(document.article.id)
            self.report.entities_written += len(document.entities)
            self.report.mentions_written += sum(len(e.mentions) for e in document.entities)
            self.done(document.article)


def _load(
    paths: Iterable[str | Path],
    writer: GraphWriter,
    reader: GraphReader,
    batch_size: int,
    workers: int,
    on_item: Callable[[Article | ReadFailure], None] | None,
) -> LoadReport:
    extractor = Extractor()
    extractor.resolver.remember(reader.known_events(), reader.known_people())
    skipper = Skipper(reader)
    report = LoadReport()
    done = on_item or (lambda _item: None)
    out = _Written(writer, report, done)
    edits: list[_Write] = []

    def to_extract() -> Iterator[Article]:
        read = unique_articles(iter_articles(paths))
        for decision, _ in decisions(read, skipper, report, batch_size, done):
            if decision.edited:
                edits.append(decision)
            else:
                out.removes[decision.article.id] = decision.removes
                yield decision.article

    for documents in batched(extractor.documents(to_extract(), workers), batch_size):
        out.write(documents, skipper.take_removals())
    if leftover := skipper.take_removals():
        out.write([], leftover)
    for batch in batched(edits, batch_size):
        new_versions = {edit.article.id: edit.article for edit in batch}
        out.count([d for d in _rewrite_edited(writer, batch) if d.article.id in new_versions])
        report.removed += [old for edit in batch for old in edit.removes]
    return report


def _load_documents(
    paths: Iterable[str | Path],
    writer: GraphWriter,
    reader: GraphReader,
    batch_size: int,
    on_item: Callable[[Article | ReadFailure], None] | None,
) -> LoadReport:
    """`_load` for documents extracted elsewhere: written as they are. An edited article's
    document replaces its earlier version in place, in its batch; articles that resolved
    through that version are not extracted again (that takes the NLP: `kg load` of the
    articles does it)."""
    skipper = Skipper(reader)
    report = LoadReport()
    done = on_item or (lambda _item: None)
    out = _Written(writer, report, done)

    def to_write() -> Iterator[Document]:
        for decision, document in decisions(
            read_documents(paths), skipper, report, batch_size, done
        ):
            out.removes[decision.article.id] = decision.removes
            yield document  # type: ignore[misc]

    for documents in batched(to_write(), batch_size):
        out.write(documents, skipper.take_removals())
    if leftover := skipper.take_removals():
        out.write([], leftover)
    return report


def _rewrite_edited(writer: GraphWriter, edits: list[_Write]) -> list[Document]:
    """Write edited articles in one transaction: each in the place of its earlier version,
    with the articles that resolved through that version extracted again (`kg.graph.rewrite`),
    so the graph is the one loading the edited text in the first place gives."""
    articles = [edit.article for edit in edits]
    withdrawn = [a.id for a in articles] + [old for edit in edits for old in edit.removes]

    def work(tx: ManagedTransaction) -> list[Document]:
        documents = rewrite(tx, withdrawn, articles, loaded_at=now_utc()).documents
        if writer.lease is not None:
            writer.lease.confirm(tx)
        return documents

    with writer.driver.session(database=writer.database) as session:
        return session.execute_write(work)
