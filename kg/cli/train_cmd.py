"""`kg train`: build the corpora, train the NER with spaCy, score it, save it.

One command, fixed seed: the same data directory, seed and settings give the same model.
`--transformer PATH` fine-tunes a local Hugging Face model (an Arabic BERT) with
spacy-transformers instead of training the CNN (`kg/nlp/training/transformer.cfg`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import KgError

app = typer.Typer()


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


@app.command()
def train(
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Model directory (default: the packaged model)."),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option("--data", help="Folder with anercorp_train.conll and newsfane_gold_140k.tsv."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for the split and training.")] = 0,
    settings: Annotated[
        list[str] | None,
        typer.Option("--set", help="Override a config value: section.key=value (repeatable)."),
    ] = None,
    transformer: Annotated[
        Path | None,
        typer.Option(
            "--transformer",
            help="Fine-tune this local Hugging Face model directory (config.json, tokenizer, "
            "weights) with spacy-transformers instead of training the CNN; needs -o.",
        ),
    ] = None,
    gpu: Annotated[int, typer.Option("--gpu", help="GPU to train on (-1: the CPU).")] = -1,
) -> None:
    """Train the Arabic NER on ANERcorp + NewsFANE and print its development scores."""
    from kg.models import ner_model_path
    from kg.nlp.training.corpora import ANERCORP_FILE, DATA_DIR, NEWSFANE_FILE
    from kg.nlp.training.scoring import format_scores
    from kg.nlp.training.trainer import (
        CONFIG_PATH,
        TRANSFORMER_CONFIG_PATH,
        train_ner,
        transformer_settings,
    )

    overrides = _parse_settings(settings or [])
    config_path = CONFIG_PATH
    if transformer is not None:
        if output is None:
            raise KgError("--transformer needs -o/--output: the packaged model stays the CNN")
        # The model comes from PATH only: never let transformers reach for the hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        config_path = TRANSFORMER_CONFIG_PATH
        overrides = {**transformer_settings(transformer), **overrides}
    if gpu >= 0:
        from thinc.util import gpu_is_available

        if not gpu_is_available():
            raise KgError("--gpu: no GPU spaCy can use (it needs CUDA and CuPy, e.g. cupy-cuda12x)")
    data_dir = DATA_DIR if data is None else data
    for name in (ANERCORP_FILE, NEWSFANE_FILE):
        if not (data_dir / name).is_file():
            raise KgError(f"training data not found: {data_dir / name}")
    result = train_ner(
        ner_model_path() if output is None else output,
        data_dir=data_dir,
        seed=seed,
        config_path=config_path,
        overrides=overrides,
        use_gpu=gpu,
    )
    typer.echo("corpus:")
    for key, value in sorted(result.report.items()):
        typer.echo(f"  {key}: {value}")
    typer.echo(f"\ndevelopment, ANERcorp labels ({result.model_dir}):")
    typer.echo(format_scores(result.anercorp_scores))
    typer.echo("\ndevelopment, all labels (ANERcorp + NewsFANE Facility/Group):")
    typer.echo(format_scores(result.scores))
