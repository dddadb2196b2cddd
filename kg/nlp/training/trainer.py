"""Train the NER with spaCy's own training loop and evaluate it on the development split."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.cli.train import train as spacy_train
from spacy.language import Language
from spacy.tokens import DocBin

from kg.errors import KgError
from kg.nlp.tokenizer import blank_arabic
from kg.nlp.training.corpora import DATA_DIR, Corpora, load_corpora
from kg.nlp.training.evaluation import evaluate_sentences
from kg.nlp.training.scoring import Score, score_tags
from kg.nlp.training.tagging import entity_tags

CONFIG_PATH = Path(__file__).with_name("config.cfg")
# `kg train --transformer PATH`: a spacy-transformers NER fine-tuning the local model at PATH.
TRANSFORMER_CONFIG_PATH = Path(__file__).with_name("transformer.cfg")
TRANSFORMER_NAME = "components.transformer.model.name"
TOKENIZER_FILES = (
    "tokenizer.json",
    "vocab.txt",
    "vocab.json",
    "sentencepiece.bpe.model",
    "spiece.model",
    "tokenizer.model",
)
WEIGHT_FILES = (
    "model.safetensors",
    "model.safetensors.index.json",
    "pytorch_model.bin",
    "pytorch_model.bin.index.json",
)
MODEL_META = {
    "name": "kg_ner",
    "description": (
        "Arabic newswire NER for kg (Person, Organization, Location, Facility, Group), trained "
        "on ANERcorp (Benajiba, Rosso and Benedi 2007; CAMeL Lab train split, Obeid et al. "
        "2020; CC BY-SA 4.0) and NewsFANE Gold (Alotaibi and Lee 2014; CC BY-SA 3.0)."
    ),
    "license": "CC BY-SA 4.0",
}


@dataclass
class TrainingResult:
    """Where the model went, its development scores, and the corpus report."""

    model_dir: Path
    anercorp_scores: dict[str, Score]
    scores: dict[str, Score]
    report: Counter[str]


def transformer_settings(path: Path) -> dict[str, Any]:
    """Config overrides that fine-tune the local Hugging Face model at `path`.

    `path` must be a directory with the model's config.json, tokenizer and PyTorch weights (a
    hub name is refused: nothing is downloaded), and spacy-transformers must be installed.
    """
    if not path.is_dir():
        raise KgError(f"--transformer {path}: not a directory (a local Hugging Face model)")
    missing = []
    if not (path / "config.json").is_file():
        missing.append("config.json")
    if not any((path / name).is_file() for name in TOKENIZER_FILES):
        missing.append("tokenizer (" + " or ".join(TOKENIZER_FILES) + ")")
    if not any((path / name).is_file() for name in WEIGHT_FILES):
        missing.append("PyTorch weights (model.safetensors or pytorch_model.bin)")
    if missing:
        raise KgError(
            f"--transformer {path}: not a Hugging Face model, missing " + "; ".join(missing)
        )
    try:
        import spacy_transformers  # noqa: F401  (registers the transformer component)
    except ImportError as exc:
        raise KgError(
            f"--transformer needs spacy-transformers and torch ({exc}): "
            "pip install 'kg[transformers]'"
        ) from None
    return {TRANSFORMER_NAME: str(path.resolve())}


def write_corpora(corpora: Corpora, directory: Path) -> tuple[Path, Path]:
    """Save the training and development Docs as `.spacy` files; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = directory / "train.spacy", directory / "dev.spacy"
    for docs, path in zip((corpora.train, corpora.dev), paths, strict=True):
        DocBin(docs=docs, store_user_data=False).to_disk(path)
    return paths


def evaluate_docs(nlp: Language, corpora: Corpora) -> dict[str, Score]:
    """Scores on the development Docs' merged annotation (all five labels)."""
    gold, predicted = [], []
    for reference, doc in zip(corpora.dev, nlp.pipe(d.text for d in corpora.dev), strict=True):
        offsets = [(t.idx, t.idx + len(t)) for t in reference]
        gold.append(
            entity_tags(offsets, ((e.start_char, e.end_char, e.label_) for e in reference.ents))
        )
        predicted.append(
            entity_tags(offsets, ((e.start_char, e.end_char, e.label_) for e in doc.ents))
        )
    return score_tags(gold, predicted)


def train_ner(
    output_dir: Path,
    *,
    data_dir: Path = DATA_DIR,
    seed: int = 0,
    config_path: Path = CONFIG_PATH,
    overrides: dict[str, Any] | None = None,
    corpora: Corpora | None = None,
    use_gpu: int = -1,
) -> TrainingResult:
    """Build the corpora, train with spaCy, keep the best model in `output_dir`, score it.

    `use_gpu`: the GPU to train on (-1: the CPU).
    """
    if corpora is None:
        tokenizer = blank_arabic().tokenizer
        corpora = load_corpora(tokenizer, data_dir, seed=seed)
    if not corpora.train or not corpora.dev:
        raise KgError("too little training data to carve a development split from")
    with tempfile.TemporaryDirectory(prefix="kg-train-") as scratch:
        work = Path(scratch)
        train_path, dev_path = write_corpora(corpora, work / "corpus")
        settings = {
            "paths.train": str(train_path),
            "paths.dev": str(dev_path),
            "system.seed": seed,
            **(overrides or {}),
        }
        spacy_train(config_path, work / "run", use_gpu=use_gpu, overrides=settings)
        if output_dir.exists():
            shutil.rmtree(output_dir)
        shutil.copytree(work / "run" / "model-best", output_dir)
    nlp = spacy.load(output_dir)
    result = TrainingResult(
        output_dir,
        evaluate_sentences(nlp, corpora.dev_gold)[1],
        evaluate_docs(nlp, corpora),
        corpora.report,
    )
    _write_meta(output_dir, seed, result)
    return result


def _write_meta(model_dir: Path, seed: int, result: TrainingResult) -> None:
    """Name, licence, attribution and development scores in the model's meta.json."""
    path = model_dir / "meta.json"
    meta = json.loads(path.read_text("utf-8"))
    meta.update(MODEL_META)
    meta["kg_training"] = {
        "seed": seed,
        "dev_anercorp_labels": {
            label: {"p": s.precision, "r": s.recall, "f": s.f1}
            for label, s in result.anercorp_scores.items()
        },
        "corpus": dict(sorted(result.report.items())),
    }
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", "utf-8")
