"""`kg load`, `kg extract` and `kg stats`: the commands that work on a corpus and its graph.

Exit codes: 0 when every input loaded, 2 when some files could not be read (each is named on
stderr with its reason, and everything else was still processed), 1 on an error that stopped
the command (one line on stderr).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

import typer
from neo4j.exceptions import DriverError, Neo4jError, TransientError
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
from kg.connection import neo4j_reason, open_driver
from kg.errors import KgError
from kg.records import ReadFailure

EXIT_SOME_FILES_FAILED = 2

app = typer.Typer()


PathsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Article files or folders (.txt, .html, .json, .jsonl).", show_default=False
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
        err.print(f"[yellow]skipped[/] {failure.path}: {failure.reason}")


def _first_line(exc: Exception) -> str:
    text = str(exc).strip() or exc.__class__.__name__
    return text.splitlines()[0]


def _load_error(exc: DriverError | Neo4jError, uri: str) -> KgError:
    """One message for a load that Neo4j stopped: a lost connection, a transient failure
    (both worth running again) or a refused statement (which running again will not fix)."""
    written = "every batch written before is complete"
    if isinstance(exc, Neo4jError) and not isinstance(exc, TransientError):
        reason = neo4j_reason(exc)
        return KgError(f"Neo4j at {uri} refused the load ({exc.code}: {reason}); {written}")
    what = "lost Neo4j" if isinstance(exc, DriverError) else "Neo4j failed"
    return KgError(
        f"{what} at {uri} during the load ({_first_line(exc)}); {written}: "
        "run the same command again to finish"
    )


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise KgError(f"no such file or folder: {', '.join(missing)}")


@app.command()
def load(
    paths: PathsArg,
    uri: UriOpt = None,
    username: UserOpt = None,
    database: DatabaseOpt = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per write transaction.")
    ] = 50,
    workers: WorkersOpt = 1,
) -> None:
    """Read articles, extract entities, and write them to Neo4j (idempotent, incremental).

    Unchanged articles are skipped by content hash; changed ones are replaced. The password
    comes from NEO4J_PASSWORD (or the local server's password file), never from the command
    line.
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
            )
        except (DriverError, Neo4jError) as exc:
            raise _load_error(exc, settings.uri) from None
    _report_failures(report.failures)
    err.print(
        f"loaded {len(report.written)} article(s), {len(report.unchanged)} unchanged, "
        f"{len(report.failures)} failed; {report.entities_written} entity record(s), "
        f"{report.mentions_written} mention(s) written to {settings.uri}"
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


@app.command()
def extract(
    paths: PathsArg,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write JSONL here instead of standard output."),
    ] = None,
    workers: WorkersOpt = 1,
) -> None:
    """Extract entities from articles without a database: one JSON object per article."""
    from kg.extraction.pipeline import extract_paths
    from kg.serialize import document_to_line

    _check_paths(paths)
    failures: list[ReadFailure] = []
    count = 0
    with _output(output) as stream, _progress() as progress:
        task = progress.add_task("extracting", total=None)
        for document in extract_paths(paths, workers, on_failure=failures.append):
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
