"""Train the NER: corpora, vectors, spaCy's training loop, scores.

`train_ner` runs the steps of a `TrainingPlan` in order, each announced with its time:

1. corpora: the annotated corpora as training Docs and held-out development sets (`corpora`);
2. self-training data (`plan.silver_sentences`): sentences of the unlabelled news tagged by the
   packaged model, with the names it tags consistently propagated (`silver`);
3. vectors (`plan.vectors`): floret vectors of the matching keys from the unlabelled news and
   the training text (`vectors`), built once per settings and inputs under `work_dir` and read
   from there by later runs;
4. training: spaCy's own loop on `config.cfg`, the best model on ANERcorp's development set
   kept;
5. evaluation on every development set, ANERcorp-style over four and three types, with
   recall on names seen and unseen in training, written to the model's `meta.json` with the
   data's attribution and licences.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any

import spacy
from spacy.cli.train import train as spacy_train
from spacy.tokens import DocBin

from kg.errors import KgError
from kg.nlp.tokenizer import blank_arabic
from kg.nlp.training.corpora import (
    ANERCORP,
    DATA_DIR,
    WIKIPEDIA_SOURCES,
    Corpora,
    load_corpora,
)
from kg.nlp.training.evaluation import DevReport, dev_report
from kg.nlp.training.labels import FOUR_TYPES, THREE_TYPES
from kg.nlp.training.silver import SilverSettings, silver_docs
from kg.nlp.training.split import reference_shingles
from kg.nlp.training.unlabelled import (
    HELD_OUT_FILE,
    MULTISOURCE_FILE,
    TEXT_DIR,
    training_articles,
)
from kg.nlp.training.vectors import (
    VectorSettings,
    built_vectors,
    train_vectors,
    write_vector_text,
)

CONFIG_PATH = Path(__file__).with_name("config.cfg")
# `kg train --transformer PATH`: a spacy-transformers NER fine-tuning the local model at PATH.
TRANSFORMER_CONFIG_PATH = Path(__file__).with_name("transformer.cfg")
TRANSFORMER_NAME = "components.transformer.model.name"
EMBED = "components.ner.model.tok2vec.embed"
GAZETTEER_ROWS = 64
# Self-training reads every tenth unlabelled article, so every outlet and month takes part.
SILVER_STRIDE = 10
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
ATTRIBUTION = {
    "ANERcorp": "Benajiba, Rosso and Benedi 2007; CAMeL Lab train split, Obeid et al. 2020; "
    "CC BY-SA 4.0",
    "NewsFANE Gold": "Alotaibi and Lee 2014; CC BY-SA 3.0",
    "WikiFANE Gold": "Alotaibi and Lee 2014; CC BY-SA 3.0",
    "AQMAR": "Mohit, Schneider, Bhowmick, Oflazer and Smith 2012; CC BY-SA 3.0",
    "ANT corpus": "Chouigui, Ben Khiroun and Elayeb 2017, 2021; Apache-2.0 (vectors)",
    "Wikidata": "person names; CC0 (gazetteer)",
    "GeoNames": "place names, geonames.org; CC BY 4.0 (gazetteer)",
    "iso-codes": "Debian iso-codes country names; LGPL-2.1 (gazetteer)",
}
MODEL_META = {
    "name": "kg_ner",
    "description": (
        "Arabic news NER for kg (Person, Organization, Location, Facility, Group, Misc), "
        "trained on ANERcorp, NewsFANE Gold, WikiFANE Gold and AQMAR, with floret vectors "
        "from the ANT news corpus and gazetteer features from Wikidata, GeoNames and "
        "iso-codes; see kg_training.data for attribution and licences."
    ),
    "license": "CC BY-SA 4.0",
}
DEV_TYPES = {
    ANERCORP: {"4 types": FOUR_TYPES, "3 types": THREE_TYPES},
}
WIKIPEDIA_TYPES = {"3 types": THREE_TYPES}


@dataclass(frozen=True)
class TrainingPlan:
    """Which levers a training run pulls (each measured in the README's lever table)."""

    sources: tuple[str, ...] = WIKIPEDIA_SOURCES
    vectors: bool = True
    gazetteer: bool = True
    vector_settings: VectorSettings = field(default_factory=VectorSettings)
    vector_threads: int = 2
    # Silver sentences from the unlabelled news (0: no self-training).
    silver_sentences: int = 0


@dataclass
class TrainingResult:
    """Where the model went, its development reports by set, and the corpus report."""

    model_dir: Path
    reports: dict[str, DevReport]
    report: Counter[str]
    seconds: dict[str, float]


class StepLog:
    """Prints each step as it starts and ends, with its duration."""

    def __init__(self, echo: Callable[[str], None]) -> None:
        self.echo = echo
        self.seconds: dict[str, float] = {}

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Time the `with` block as step `name`."""
        self.echo(f"[{len(self.seconds) + 1}] {name} ...")
        start = time.perf_counter()
        yield
        elapsed = time.perf_counter() - start
        self.seconds[name] = elapsed
        self.echo(f"[{len(self.seconds)}] {name}: done in {elapsed:,.0f} s")


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


def _vector_inputs(corpora: Corpora, text_dir: Path, seed: int) -> str:
    digest = hashlib.sha256()
    for text in corpora.unlabelled:
        digest.update(text.encode("utf-8") + b"\n")
    digest.update(HELD_OUT_FILE.read_bytes())
    return f"{text_dir.resolve()}|{seed}|{digest.hexdigest()}"


def build_vectors(
    corpora: Corpora, work_dir: Path, text_dir: Path, plan: TrainingPlan, seed: int, log: StepLog
) -> Path:
    """The vectors pipeline for these corpora and settings: built before under `work_dir`, or
    built now (tokenising the text, then training floret)."""
    settings = plan.vector_settings
    directory = work_dir / "vectors" / settings.fingerprint(_vector_inputs(corpora, text_dir, seed))
    existing = built_vectors(directory)
    if existing is not None:
        log.echo(f"    vectors: reading the ones built before in {directory}")
        return existing
    if not (text_dir / MULTISOURCE_FILE).is_file():
        raise KgError(f"unlabelled text not found: {text_dir} (needed for --vectors)")
    tokenizer = blank_arabic().tokenizer
    articles = list(training_articles(text_dir))
    texts = [*articles, *corpora.unlabelled]
    log.echo(f"    {len(articles):,} news articles and {len(corpora.unlabelled):,} sentences")
    every = max(1, len(texts) // 10)

    def progress(done: int) -> None:
        if done % every == 0:
            log.echo(f"    tokenised {done:,} of {len(texts):,} ({100 * done // len(texts)}%)")

    text_path = directory / "text.txt"
    tokens = write_vector_text(texts, tokenizer, text_path, progress)
    log.echo(f"    {tokens:,} tokens; training floret ({asdict(settings)})")
    pipeline = train_vectors(text_path, directory, settings, threads=plan.vector_threads)
    text_path.unlink()
    return pipeline


def with_silver(
    corpora: Corpora, text_dir: Path, sentences: int, seed: int, log: StepLog
) -> Corpora:
    """`corpora` with `sentences` silver sentences added to training: unlabelled news tagged
    by the packaged model (the teacher), none sharing text with a development set."""
    from kg.models import load_ner

    if not (text_dir / MULTISOURCE_FILE).is_file():
        raise KgError(f"unlabelled text not found: {text_dir} (needed for --self-training)")
    settings = SilverSettings(sentences=sentences)
    articles = list(islice(training_articles(text_dir), 0, None, SILVER_STRIDE))
    reference = reference_shingles(s.tokens for gold in corpora.dev_gold.values() for s in gold)
    counts: Counter[str] = Counter()
    docs = silver_docs(
        load_ner(),
        blank_arabic().tokenizer,
        articles[: settings.articles],
        reference,
        settings,
        seed,
        counts,
    )
    log.echo(
        f"    {counts['silver sentences']:,} silver sentences, "
        f"{counts['silver trusted names']:,} trusted names, "
        f"{counts['silver names added where the teacher missed them']:,} names propagated"
    )
    report = corpora.report + Counter({k: v for k, v in counts.items() if k.startswith("silver")})
    return replace(corpora, train=[*corpora.train, *docs], report=report)


def plan_settings(plan: TrainingPlan) -> dict[str, Any]:
    """The config overrides a plan implies (vectors and gazetteer inputs of the embedding)."""
    rows = spacy.util.load_config(CONFIG_PATH)["components"]["ner"]["model"]["tok2vec"]["embed"][
        "rows"
    ]
    return {
        f"{EMBED}.include_static_vectors": plan.vectors,
        f"{EMBED}.gazetteer": plan.gazetteer,
        f"{EMBED}.rows": [*rows, GAZETTEER_ROWS] if plan.gazetteer else rows,
    }


def train_ner(
    output_dir: Path,
    *,
    data_dir: Path = DATA_DIR,
    text_dir: Path = TEXT_DIR,
    work_dir: Path | None = None,
    seed: int = 0,
    plan: TrainingPlan | None = None,
    config_path: Path = CONFIG_PATH,
    overrides: dict[str, Any] | None = None,
    corpora: Corpora | None = None,
    use_gpu: int = -1,
    echo: Callable[[str], None] = print,
) -> TrainingResult:
    """Run the plan's steps (see the module docstring) and save the best model in
    `output_dir`. `work_dir` keeps the vectors between runs (default: a temporary folder);
    `use_gpu`: the GPU to train on (-1: the CPU)."""
    plan = plan or TrainingPlan()
    log = StepLog(echo)
    if corpora is None:
        with log.step("corpora"):
            corpora = load_corpora(
                blank_arabic().tokenizer, data_dir, train_on=plan.sources, seed=seed
            )
    if not corpora.train or not corpora.dev:
        raise KgError("too little training data to carve a development split from")
    if plan.silver_sentences:
        with log.step("self-training data"):
            corpora = with_silver(corpora, text_dir, plan.silver_sentences, seed, log)
    settings: dict[str, Any] = {}
    if config_path == CONFIG_PATH:
        settings.update(plan_settings(plan))
    with tempfile.TemporaryDirectory(prefix="kg-train-") as scratch:
        work = Path(scratch)
        vectors = None
        if plan.vectors:
            with log.step("vectors"):
                vectors = build_vectors(corpora, work_dir or work, text_dir, plan, seed, log)
            settings["initialize.vectors"] = str(vectors)
        settings.update(overrides or {})
        with log.step("training"):
            train_path, dev_path = write_corpora(corpora, work / "corpus")
            spacy_train(
                config_path,
                work / "run",
                use_gpu=use_gpu,
                overrides={
                    "paths.train": str(train_path),
                    "paths.dev": str(dev_path),
                    "system.seed": seed,
                    **settings,
                },
            )
            if output_dir.exists():
                shutil.rmtree(output_dir)
            shutil.copytree(work / "run" / "model-best", output_dir)
    with log.step("evaluation"):
        nlp = spacy.load(output_dir)
        reports = {
            name: dev_report(nlp, gold, DEV_TYPES.get(name, WIKIPEDIA_TYPES), corpora.train_names)
            for name, gold in corpora.dev_gold.items()
            if gold
        }
    result = TrainingResult(output_dir, reports, corpora.report, log.seconds)
    _write_meta(output_dir, seed, plan, result)
    return result


def _score_dict(scores) -> dict[str, dict[str, float]]:
    return {
        label: {"p": s.precision, "r": s.recall, "f": s.f1, "gold": s.gold}
        for label, s in scores.items()
    }


def _write_meta(model_dir: Path, seed: int, plan: TrainingPlan, result: TrainingResult) -> None:
    """Name, licence, attribution and development scores in the model's meta.json."""
    path = model_dir / "meta.json"
    meta = json.loads(path.read_text("utf-8"))
    meta.update(MODEL_META)
    meta["kg_training"] = {
        "seed": seed,
        "plan": asdict(plan),
        "data": ATTRIBUTION,
        "dev": {
            name: {
                **{kind: _score_dict(scores) for kind, scores in report.scores.items()},
                "recall seen/unseen": {
                    label: {
                        "seen": r.seen.recall,
                        "seen gold": r.seen.gold,
                        "unseen": r.unseen.recall,
                        "unseen gold": r.unseen.gold,
                    }
                    for label, r in report.seen.items()
                },
            }
            for name, report in result.reports.items()
        },
        "seconds": {step: round(s) for step, s in result.seconds.items()},
        "corpus": dict(sorted(result.report.items())),
    }
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", "utf-8")
