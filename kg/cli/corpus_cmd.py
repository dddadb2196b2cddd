"""`kg load`, `kg forget`, `kg extract` and `kg stats`: the commands that work on a corpus and
its graph.

Exit codes: 0 when every input loaded, 2 when some files could not be read (each is named on
stderr with its reason, and everything else was still processed) or, for `kg forget`, some
arguments name no stored article, 1 on an error that stopped the command (one line on stderr).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from neo4j.exceptions import DatabaseError, DriverError, Neo4jError, TransientError
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from kg.cli.connection_options import DatabaseOpt, UriOpt, UserOpt, connection_settings
from kg.cli.console import err, out
from kg.connection import ConnectionSettings, neo4j_reason, open_driver
from kg.errors import KgError, first_line
from kg.records import ReadFailure

if TYPE_CHECKING:
    from kg.forgetting import ForgetReport
    from kg.graph.lease import LeaseHolder
    from kg.loading import Duplicate

EXIT_SOME_FILES_FAILED = 2

app = typer.Typer()


PathsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Article files or folders (.txt, .html, .json, .jsonl, .parquet).",
        show_default=False,
    ),
]
LoadPathsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Article files or folders (.txt, .html, .json, .jsonl, .parquet), or kg "
        "extract's output.",
        show_default=False,
    ),
]
WorkersOpt = Annotated[
    int,
    typer.Option(
        "--workers",
        min=1,
        help="Processes that analyse articles in parallel (same result as one; pays off "
        "from a few hundred articles).",
    ),
]

ExtractedOpt = Annotated[
    bool,
    typer.Option(
        "--extracted",
        help="The input is kg extract's output (JSON Lines); without this it is recognised "
        "by its format.",
    ),
]


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _report_failures(failures: list[ReadFailure]) -> None:
    for failure in failures:
        err.print(f"[yellow]skipped[/] {escape(failure.path)}: {escape(failure.reason)}")


def _report_duplicates(duplicates: list[Duplicate]) -> None:
    for duplicate in duplicates:
        err.print(f"[cyan]duplicate[/] {escape(duplicate.path)}: {escape(duplicate.reason)}")


def _say_waiting(holder: LeaseHolder) -> None:
    err.print(
        f"waiting: {escape(holder.describe())} is writing to this graph; "
        "this command goes on when it is done"
    )


def _graph_error(exc: DriverError | Neo4jError, uri: str, what: str = "load") -> KgError:
    """One message for a load (or forget) that Neo4j stopped: a lost connection or a
    transient failure (worth running again), a failure of the server itself (a full disk:
    worth running again once it is fixed) or a refused statement (which running again will
    not fix)."""
    written = "every batch written before is complete"
    again = "run the same command again to finish"
    if isinstance(exc, DatabaseError):
        return KgError(
            f"Neo4j at {uri} failed during the {what} ({exc.code}: {neo4j_reason(exc)}); "
            f"{written}: see the server's log, and once it is fixed {again}"
        )
    if isinstance(exc, Neo4jError) and not isinstance(exc, TransientError):
        reason = neo4j_reason(exc)
        return KgError(f"Neo4j at {uri} refused the {what} ({exc.code}: {reason}); {written}")
    lost = "lost Neo4j" if isinstance(exc, DriverError) else "Neo4j failed"
    return KgError(f"{lost} at {uri} during the {what} ({first_line(exc)}); {written}: {again}")


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise KgError(f"no such file or folder: {', '.join(missing)}")


@app.command()
def load(
    paths: LoadPathsArg,
    uri: UriOpt = None,
    username: UserOpt = None,
    database: DatabaseOpt = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per write transaction.")
    ] = 50,
    workers: WorkersOpt = 1,
    extracted: ExtractedOpt = False,
) -> None:
    """Read articles, extract entities, and write them to Neo4j (idempotent, incremental).

    Unchanged articles are skipped by content hash; changed ones are replaced; a copy of an
    article already stored (same text) is not stored again. Waits while another kg writes to
    the same graph. `kg extract`'s output (JSON Lines, recognised by its format) is written
    as it is, without the NLP. The password comes from NEO4J_PASSWORD (or the local server's
    password file), never from the command line.
    """
    from kg.loading import load_paths

    _check_paths(paths)
    settings = connection_settings(uri, username, database)
    with open_driver(settings) as driver, _progress() as progress:
        task = progress.add_task("loading articles", total=None)
        try:
            report = load_paths(
                paths,
                driver,
                database=settings.database,
                batch_size=batch_size,
                workers=workers,
                on_item=lambda _item: progress.advance(task),
                on_wait=_say_waiting,
                extracted=True if extracted else None,
            )
        except (DriverError, Neo4jError) as exc:
            raise _graph_error(exc, settings.uri) from None
    _report_duplicates(report.duplicates)
    _report_failures(report.failures)
    duplicates = f", {len(report.duplicates)} duplicate(s)" if report.duplicates else ""
    err.print(
        f"loaded {len(report.written)} article(s), {len(report.unchanged)} unchanged"
        f"{duplicates}, {len(report.failures)} failed; {report.entities_written} entity "
        f"record(s), {report.mentions_written} mention(s) written to {settings.uri}"
    )
    if report.removed:
        err.print(
            f"replaced {len(report.removed)} stored article(s) kept under an earlier id or "
            "now holding another article's text"
        )
    if settings.local:
        _print_browser_hint()
    if report.failures:
        raise typer.Exit(EXIT_SOME_FILES_FAILED)


def _print_browser_hint() -> None:
    from kg.neo4j_server import status

    info = status()
    if info is not None and info.browser_url:
        err.print(f"explore it in Neo4j Browser: {info.browser_url}")


@app.command()
def forget(
    targets: Annotated[
        list[str],
        typer.Argument(
            help="Article ids, files or folders (the articles read from them), or URLs.",
            metavar="ID|PATH|URL",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List what would go, and change nothing.")
    ] = False,
    uri: UriOpt = None,
    username: UserOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Take articles out of the graph, as if they had never been loaded.

    Their sentences, mentions and share of every fact and event go, and the entities and
    events nothing else mentions; articles that shared events with them are extracted again.
    """
    from kg.forgetting import forget as forget_articles

    settings = connection_settings(uri, username, database)
    with open_driver(settings) as driver:
        try:
            with err.status("forgetting…" if not dry_run else "working out what would go…"):
                report = forget_articles(
                    targets, driver, settings.database, dry_run=dry_run, on_wait=_say_waiting
                )
        except (DriverError, Neo4jError) as exc:
            raise _graph_error(exc, settings.uri, "forget") from None
    if dry_run:
        _print_would_go(report)
    else:
        _print_forgotten(report, settings)
    for target in report.unknown:
        err.print(f"[yellow]not in the graph[/] {escape(target)}: no stored article has it")
    if report.unknown:
        raise typer.Exit(EXIT_SOME_FILES_FAILED)


def _what_went(report: ForgetReport) -> str:
    return (
        f"{report.sentences} sentence(s), {report.mentions} mention(s), "
        f"{len(report.facts_removed)} fact(s), {len(report.events_removed)} event(s) and "
        f"{len(report.entities_removed)} entity(ies) nothing else supports"
    )


def _print_would_go(report: ForgetReport) -> None:
    out.print(f"would forget {len(report.forgotten)} article(s):")
    for article_id, title in report.forgotten:
        out.print(f"  article {escape(article_id)}  {escape(title or '')}".rstrip())
    out.print(f"and with them {_what_went(report)}:")
    for relation_type, source, target in report.facts_removed:
        out.print(f"  fact {relation_type} {escape(source)} -> {escape(target)}")
    for event_id, event_type, date in report.events_removed:
        out.print(f"  event {escape(event_id)}  {event_type} {date or ''}".rstrip())
    for entity_id, label, name in report.entities_removed:
        out.print(f"  entity {escape(entity_id)}  {label} {escape(name or '')}".rstrip())
    if report.reextracted:
        out.print(
            f"and would extract again {len(report.reextracted)} article(s) that shared "
            f"events or names with them: {escape(', '.join(report.reextracted))}"
        )


def _print_forgotten(report: ForgetReport, settings: ConnectionSettings) -> None:
    err.print(
        f"forgot {len(report.forgotten)} article(s) and {_what_went(report)} in {settings.uri}"
    )
    if report.reextracted:
        err.print(
            f"extracted again {len(report.reextracted)} article(s) that shared events or "
            "names with them"
        )


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        with path.open("w", encoding="utf-8") as stream:
            yield stream
    except OSError as exc:
        raise KgError(f"cannot write {path}: {exc.strerror}") from None


class Engine(str, Enum):
    """Where `kg extract` analyses articles."""

    local = "local"
    spark = "spark"


@app.command()
def extract(
    paths: PathsArg,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write JSONL here instead of standard output."),
    ] = None,
    workers: WorkersOpt = 1,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="local: this process (or --workers processes); spark: a Spark job (needs "
            "kg's spark extra). The output is the same.",
        ),
    ] = Engine.local,
    master: Annotated[
        str | None,
        typer.Option(
            "--master",
            help="Spark master URL for --engine spark (local[N], spark://HOST:7077, yarn, "
            "...); default local[*], or the one spark-submit was given.",
        ),
    ] = None,
) -> None:
    """Extract entities from articles without a database: one JSON object per article."""
    from kg.extraction.pipeline import extract_paths
    from kg.serialize import document_to_line

    if engine is Engine.spark and workers > 1:
        raise KgError("--workers is for --engine local; Spark's cores come from --master")
    if master is not None and engine is not Engine.spark:
        raise KgError("--master is for --engine spark")
    _check_paths(paths)
    failures: list[ReadFailure] = []
    count = 0
    with _output(output) as stream, _progress() as progress:
        task = progress.add_task("extracting", total=None)
        documents = extract_paths(
            paths, workers, on_failure=failures.append, engine=engine.value, master=master
        )
        for document in documents:
            stream.write(document_to_line(document) + "\n")
            count += 1
            progress.advance(task)
    _report_failures(failures)
    where = f" to {output}" if output else ""
    err.print(f"extracted {count} article(s){where}, {len(failures)} failed")
    if failures:
        raise typer.Exit(EXIT_SOME_FILES_FAILED)


@app.command()
def stats(uri: UriOpt = None, username: UserOpt = None, database: DatabaseOpt = None) -> None:
    """Counts per label and relationship type, articles loaded, and the last load time."""
    from kg.graph.reader import stats as graph_stats

    settings = connection_settings(uri, username, database)
    with open_driver(settings) as driver:
        counts = graph_stats(driver, settings.database)
    for title, numbers in (("label", counts.labels), ("relationship", counts.relationships)):
        table = Table(title=None)
        table.add_column(title)
        table.add_column("count", justify="right")
        for name, count in numbers.items():
            table.add_row(name, str(count))
        out.print(table)
    out.print(f"articles: {counts.articles}, last load: {counts.last_load or 'never'}")
    out.print(f"database: {settings.uri}")
