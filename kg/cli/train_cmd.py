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


def _default_work_dir() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "kg" / "train"


def _print_result(result) -> None:
    from kg.nlp.training.evaluation import format_seen
    from kg.nlp.training.scoring import format_scores

    typer.echo("corpus:")
    for key, value in sorted(result.report.items()):
        typer.echo(f"  {key}: {value}")
    for name, report in result.reports.items():
        for kind, scores in report.scores.items():
            typer.echo(f"\ndevelopment, {name}, {kind} ({result.model_dir}):")
            typer.echo(format_scores(scores))
        typer.echo(f"\ndevelopment, {name}, recall on names seen / unseen in training:")
        typer.echo(format_seen(report.seen))
    typer.echo("\nsteps: " + ", ".join(f"{k} {v:,.0f} s" for k, v in result.seconds.items()))


@app.command()
def train(
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Model directory (default: the packaged model)."),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Folder with the annotated corpora (default ../shared/data/ner): "
            "anercorp_train.conll, newsfane_gold_140k.tsv, wikifane_gold_500k.tsv, aqmar/.",
        ),
    ] = None,
    text: Annotated[
        Path | None,
        typer.Option(
            "--text",
            help="Folder with the unlabelled ANT news (default ../shared/data/text), for the "
            "vectors.",
        ),
    ] = None,
    work: Annotated[
        Path | None,
        typer.Option(
            "--work", help="Where built vectors are kept for reuse (default ~/.cache/kg/train)."
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for the split and training.")] = 0,
    vectors: Annotated[
        bool, typer.Option(help="Floret vectors from the unlabelled news, used by the tok2vec.")
    ] = True,
    gazetteer: Annotated[
        bool, typer.Option(help="The packaged gazetteer's classes as a token feature.")
    ] = True,
    wikipedia: Annotated[
        bool, typer.Option(help="WikiFANE Gold and AQMAR as extra training data.")
    ] = True,
    vector_threads: Annotated[
        int, typer.Option("--vector-threads", help="Threads floret trains with.")
    ] = 2,
    self_training: Annotated[
        int,
        typer.Option(
            "--self-training",
            min=0,
            help="Add this many silver sentences of the unlabelled news, tagged by the packaged "
            "model with its consistent names propagated (0: none).",
        ),
    ] = 0,
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
    """Train the Arabic NER (corpora, vectors, training, scores) and print its dev scores."""
    from kg.models import ner_model_path
    from kg.nlp.training.corpora import (
        ANERCORP_FILE,
        AQMAR_DIR,
        DATA_DIR,
        NEWSFANE_FILE,
        WIKIFANE_FILE,
        WIKIPEDIA_SOURCES,
    )
    from kg.nlp.training.trainer import (
        CONFIG_PATH,
        TRANSFORMER_CONFIG_PATH,
        TrainingPlan,
        train_ner,
        transformer_settings,
    )
    from kg.nlp.training.unlabelled import TEXT_DIR

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
        vectors = gazetteer = False
    if gpu >= 0:
        from thinc.util import gpu_is_available

        if not gpu_is_available():
            raise KgError("--gpu: no GPU spaCy can use (it needs CUDA and CuPy, e.g. cupy-cuda12x)")
    data_dir = DATA_DIR if data is None else data
    needed = [ANERCORP_FILE, NEWSFANE_FILE] + ([WIKIFANE_FILE, AQMAR_DIR] if wikipedia else [])
    for name in needed:
        if not (data_dir / name).exists():
            raise KgError(f"training data not found: {data_dir / name}")
    plan = TrainingPlan(
        sources=WIKIPEDIA_SOURCES if wikipedia else (),
        vectors=vectors,
        gazetteer=gazetteer,
        vector_threads=vector_threads,
        silver_sentences=self_training,
    )
    result = train_ner(
        ner_model_path() if output is None else output,
        data_dir=data_dir,
        text_dir=TEXT_DIR if text is None else text,
        work_dir=_default_work_dir() if work is None else work,
        seed=seed,
        plan=plan,
        config_path=config_path,
        overrides=overrides,
        use_gpu=gpu,
        echo=typer.echo,
    )
    _print_result(result)
