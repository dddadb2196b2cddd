"""`kg import`: the bulk first load of a corpus (or of `kg extract`'s output) into an empty
database, with neo4j-admin; or, with `--csv-only`, only its files and the command to run."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from kg.cli.connection_options import DatabaseOpt
from kg.cli.console import err, out
from kg.cli.corpus_cmd import (
    EXIT_SOME_FILES_FAILED,
    ExtractedOpt,
    LoadPathsArg,
    WorkersOpt,
    _check_paths,
    _progress,
    _report_duplicates,
    _report_failures,
)

app = typer.Typer()

AFTER_IMPORT_FILE = "after-import.cypher"


@app.command(name="import")
def import_(
    paths: LoadPathsArg,
    csv_only: Annotated[
        Path | None,
        typer.Option(
            "--csv-only",
            metavar="DIR",
            help="Only write the CSV files into DIR and print the neo4j-admin command that "
            "imports them (for a server on another machine); no database is touched.",
        ),
    ] = None,
    database: DatabaseOpt = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per batch, as in kg load.")
    ] = 50,
    workers: WorkersOpt = 1,
    extracted: ExtractedOpt = False,
) -> None:
    """Bulk first load into an EMPTY database of the local server, with neo4j-admin.

    Makes the graph kg load makes of the same input (articles, or kg extract's output): writes
    it as neo4j-admin CSV files, stops the local server, imports them, starts it again and
    creates kg's constraints and full-text index. A database that holds anything is refused,
    unchanged. Later kg load runs add to the imported graph as usual.
    """
    _check_paths(paths)
    if csv_only is not None:
        _csv_only(paths, csv_only, database, batch_size, workers, extracted)
        return
    from kg.importing import import_paths

    with _progress() as progress:
        task = progress.add_task("reading and extracting", total=None)

        def step(message: str) -> None:
            progress.update(task, description=message)

        result = import_paths(
            paths,
            database=database,
            extracted=True if extracted else None,
            batch_size=batch_size,
            workers=workers,
            on_item=lambda _item: progress.advance(task),
            on_step=step,
        )
    report = result.load
    _report_duplicates(report.duplicates)
    _report_failures(report.failures)
    nodes = sum(result.files.counts[p.stem] for p in result.files.nodes)
    relationships = sum(result.files.counts[p.stem] for p in result.files.relationships)
    err.print(
        f"imported {len(report.written)} article(s), {len(report.duplicates)} duplicate(s), "
        f"{len(report.failures)} failed: {nodes} node(s), {relationships} relationship(s)"
    )
    if report.failures:
        raise typer.Exit(EXIT_SOME_FILES_FAILED)


def _csv_only(
    paths: list[Path],
    directory: Path,
    database: str | None,
    batch_size: int,
    workers: int,
    extracted: bool,
) -> None:
    from kg.graph.bulk import admin_arguments
    from kg.importing import DEFAULT_DATABASE, after_import_script, write_import_files

    directory = directory.absolute()
    with _progress() as progress:
        task = progress.add_task("reading and extracting", total=None)
        report, files = write_import_files(
            paths,
            directory,
            extracted=True if extracted else None,
            batch_size=batch_size,
            workers=workers,
            on_item=lambda _item: progress.advance(task),
        )
    (directory / AFTER_IMPORT_FILE).write_text(after_import_script(), encoding="utf-8")
    _report_duplicates(report.duplicates)
    _report_failures(report.failures)
    arguments = admin_arguments(files, database or DEFAULT_DATABASE, relative_to=directory)
    err.print(
        f"wrote the CSV files of {len(report.written)} article(s) to {escape(str(directory))}; "
        "with the Neo4j server stopped, run in that folder (copied to its machine):"
    )
    out.print(
        shlex.join(["neo4j-admin", *arguments]), markup=False, highlight=False, soft_wrap=True
    )
    err.print(f"then start the server and run: cypher-shell -f {AFTER_IMPORT_FILE}")
    if report.failures:
        raise typer.Exit(EXIT_SOME_FILES_FAILED)
