"""`kg train`: build the corpora, train the NER with spaCy, score it, save it.

One command, fixed seed: the same data directory, seed and settings give the same model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.errors import KgError


def _parse_settings(settings: list[str]) -> dict[str, object]:
    """`section.key=value` pairs as spaCy config overrides (values parsed as JSON if possible)."""
    import json

    overrides: dict[str, object] = {}
    for setting in settings:
        key, sep, value = setting.partition("=")
        if not sep or not key:
            raise KgError(f"--set expects section.key=value, got {setting!r}")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    return overrides


def train(
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Model directory [default: the packaged model]."),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option("--data", help="Folder with anercorp_train.conll and newsfane_gold_170k.tsv."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for the split and training.")] = 0,
    settings: Annotated[
        list[str] | None,
        typer.Option("--set", help="Override a config value: section.key=value (repeatable)."),
    ] = None,
) -> None:
    """Train the Arabic NER on ANERcorp + NewsFANE and print its development scores."""
    from kg.models import ner_model_path
    from kg.nlp.training.corpora import ANERCORP_FILE, DATA_DIR, NEWSFANE_FILE
    from kg.nlp.training.scoring import format_scores
    from kg.nlp.training.trainer import train_ner

    data_dir = DATA_DIR if data is None else data
    for name in (ANERCORP_FILE, NEWSFANE_FILE):
        if not (data_dir / name).is_file():
            raise KgError(f"training data not found: {data_dir / name}")
    result = train_ner(
        ner_model_path() if output is None else output,
        data_dir=data_dir,
        seed=seed,
        overrides=_parse_settings(settings or []),
    )
    typer.echo("corpus:")
    for key, value in sorted(result.report.items()):
        typer.echo(f"  {key}: {value}")
    typer.echo(f"\ndevelopment, ANERcorp labels ({result.model_dir}):")
    typer.echo(format_scores(result.anercorp_scores))
    typer.echo("\ndevelopment, all labels (ANERcorp + NewsFANE Facility/Group):")
    typer.echo(format_scores(result.scores))
