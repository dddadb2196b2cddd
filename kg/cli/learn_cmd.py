"""`kg learn GOLD...`: train the relation classifier from hand-annotated gold files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.console import counting_status, err, out

app = typer.Typer()


@app.command()
def learn(
    gold: Annotated[
        list[Path],
        typer.Argument(help="Gold files to learn from (JSON Lines).", show_default=False),
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Model file (default: the packaged one)."),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data", help="Folder of the corpora the gold names (default ../shared/data)."
        ),
    ] = None,
    min_precision: Annotated[
        float,
        typer.Option(
            "--min-precision",
            min=0.0,
            max=1.0,
            help="Each class's threshold is the lowest with this out-of-fold precision.",
        ),
    ] = 0.9,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the training order.")] = 0,
) -> None:
    """Train the classifier that finds relations between the entities of a sentence, beside
    the rules, and print each class's out-of-fold threshold, precision and recall."""
    from kg.errors import KgError
    from kg.evaluation.learning import gold_examples, train
    from kg.extraction.analyse.pairs import MODEL_FILE, save_model
    from kg.models import models_path

    missing = [str(p) for p in gold if not p.is_file()]
    if missing:
        raise KgError(f"no such gold file: {', '.join(missing)}")
    with counting_status("reading the gold articles") as articles:
        examples = gold_examples(gold, data, on_article=articles)
    with err.status(f"training on {len(examples.features)} pairs…"):
        model, reports = train(examples, min_precision=min_precision, seed=seed)
    destination = output or models_path() / MODEL_FILE
    save_model(model, destination)
    positives = sum(1 for classes in examples.classes if classes)
    pairs = len(examples.features)
    out.print(f"{pairs} pairs, {positives} with a relation, from {articles.count} articles")
    for report in reports:
        if report.positives:
            state = (
                f"threshold {report.threshold:.3f}, P {report.precision:.2f} R {report.recall:.2f}"
                if report.threshold <= 1
                else f"off (never precision {min_precision:.2f})"
            )
            out.print(f"  {report.name:26s} {report.positives:5d} pairs  {state}")
    out.print(f"wrote {destination}")
