"""`kg import`: the bulk first load, through neo4j-admin's CSV import, into an empty database.

The same steps as `kg load` choose and extract what is written (`kg.loading.decisions`,
against a graph that holds nothing: duplicates in the run are still dropped), in the same
batches, and the same row builder (`kg.graph.rows`) makes each batch's rows; `kg.graph.bulk`
folds them into the graph those batches would make and writes it as CSV files. Then the local
server is stopped, `neo4j-admin database import full` writes the files into its database, the
server is started again, and the constraints and indexes of `kg load` (`cypher/schema.cypher`)
are created, with the two values CSV cannot hold put back (`statements.AFTER_IMPORT`). The
graph is the one `kg load` of the same input makes into an empty database (but `loadedAt`),
and later `kg load` runs add to it as usual.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from kg import neo4j_server
from kg.connection import ConnectionSettings, open_driver, resolve_settings
from kg.errors import KgError
from kg.extraction.pipeline import Extractor
from kg.fingerprint import pipeline_fingerprint
from kg.graph import statements as cypher
from kg.graph.bulk import BulkGraph, ImportFiles, admin_arguments
from kg.graph.reader import StoredVersion
from kg.graph.rows import batch_rows
from kg.graph.writer import GraphWriter, now_utc, schema_statements
from kg.ingest import iter_articles, unique_articles
from kg.ingest.extracted import check_documents, extracted_input, read_documents
from kg.loading import DEFAULT_BATCH_SIZE, LoadReport, Skipper, batched, decisions
from kg.records import Article, Document, ReadFailure

DEFAULT_DATABASE = "neo4j"


class _NothingStored:
    """The reader of an empty graph, for the `Skipper` of an import."""

    def stored_versions(self, ids: Iterable[str]) -> dict[str, StoredVersion]:
        return {}

    def articles_with_text(self, hashes: Iterable[str]) -> dict[str, list[str]]:
        return {}


@dataclass(frozen=True)
class ImportReport:
    """What one import did: the load's report, the files, and neo4j-admin's summary."""

    load: LoadReport
    files: ImportFiles
    summary: str = ""


def write_import_files(
    paths: Iterable[str | Path],
    directory: Path,
    extracted: bool | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    on_item: Callable[[Article | ReadFailure], None] | None = None,
) -> tuple[LoadReport, ImportFiles]:
    """Write the CSV files of the graph `kg load` makes of `paths` (articles, or `kg extract`'s
    output: `extracted`, None to recognise it) into an empty database, in `directory`."""
    paths = list(paths)
    if extracted is None:
        extracted = extracted_input(paths)
    elif extracted:
        extracted_input(paths, forced=True)
    if extracted:
        check_documents(paths)
    report = LoadReport()
    done = on_item or (lambda _item: None)
    skipper = Skipper(_NothingStored())  # type: ignore[arg-type]
    bulk = BulkGraph(directory)
    pipeline, loaded_at = pipeline_fingerprint(), now_utc()

    def documents() -> Iterator[Document]:
        if extracted:
            for _, document in decisions(read_documents(paths), skipper, report, batch_size, done):
                yield document  # type: ignore[misc]
            return
        read = unique_articles(iter_articles(paths))
        articles = (article for _, article in decisions(read, skipper, report, batch_size, done))
        yield from Extractor().documents(articles, workers)  # type: ignore[arg-type]

    try:
        for batch in batched(documents(), batch_size):
            bulk.add(batch_rows(batch, loaded_at, pipeline))
            for document in batch:
                report.written.append(document.article.id)
                report.entities_written += len(document.entities)
                report.mentions_written += sum(len(e.mentions) for e in document.entities)
                done(document.article)
        return report, bulk.finish()
    except ValueError as problem:
        raise KgError(f"cannot write the import files: {problem}") from None


def _refuse_non_empty(driver: Driver, settings: ConnectionSettings, database: str) -> None:
    records, _, _ = driver.execute_query(cypher.ANY_NODE, database_=database)
    if records[0]["found"]:
        raise KgError(
            f"the database {database!r} of {settings.uri} is not empty: kg import writes into "
            "an empty database only (use kg load to add to a graph); nothing was changed"
        )


def _check_empty(database: str) -> None:
    settings = resolve_settings(start_local=True)
    with open_driver(settings) as driver:
        _refuse_non_empty(driver, settings, database)


def import_paths(
    paths: Iterable[str | Path],
    database: str | None = None,
    extracted: bool | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    on_item: Callable[[Article | ReadFailure], None] | None = None,
    on_step: Callable[[str], None] | None = None,
) -> ImportReport:
    """Import `paths` into the empty database of the local kg server: the Python API of
    `kg import`. Raises `KgError`, with nothing changed, when NEO4J_URI names another server
    or the database holds anything; every driver is closed before the server stops."""
    step = on_step or (lambda _message: None)
    if os.environ.get("NEO4J_URI"):
        raise KgError(
            "kg import writes into the files of the local kg server, and NEO4J_URI names "
            "another: unset it, or write the files with --csv-only DIR and run the command "
            "it prints on that server's machine"
        )
    name = database or DEFAULT_DATABASE
    _check_empty(name)
    home = neo4j_server.server_home()
    (home / "import").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-import-", dir=home / "import") as folder:
        report, files = write_import_files(
            paths, Path(folder), extracted, batch_size, workers, on_item
        )
        step("Checking the database is still empty…")
        _check_empty(name)
        step("Stopping Neo4j…")
        neo4j_server.stop()
        try:
            step(f"Importing {sum(files.counts.values())} rows with neo4j-admin…")
            summary = neo4j_server.import_files(admin_arguments(files, name))
        finally:
            step("Starting Neo4j…")
            settings = resolve_settings(start_local=True, on_step=step)
    step("Creating the constraints and the full-text index…")
    with open_driver(settings) as driver:
        finish_import(driver, name)
    return ImportReport(report, files, summary)


def finish_import(driver: Driver, database: str | None = None) -> None:
    """After the files are in: the schema of `kg load`, and the values CSV cannot hold."""
    GraphWriter(driver, database).ensure_schema()
    for statement in cypher.AFTER_IMPORT:
        driver.execute_query(statement, database_=database)


def after_import_script() -> str:
    """The statements `finish_import` runs, as a cypher-shell script (for --csv-only)."""
    statements = [*schema_statements(), *cypher.AFTER_IMPORT]
    return "".join(f"{statement};\n" for statement in statements)
