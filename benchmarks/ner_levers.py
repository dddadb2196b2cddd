"""The NER's levers, each measured on the held-out development sets: the README's lever table.

    OMP_NUM_THREADS=1 python benchmarks/ner_levers.py --out DIR [--only NAME ...]

Each row is one `kg train` plan (`kg.nlp.training.trainer.TrainingPlan`), trained with the
same seed into `DIR/NAME` (vectors are built once and kept in `DIR/work`); the table gives
ANERcorp's development F1 over four and three types, PERS and ORG recall, recall on unseen
names, WikiFANE's and AQMAR's F1 (three types), the model's words per second on one core and
its size on disk. A full run trains every row (about 15 to 30 minutes each on one core).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kg.models import load_ner
from kg.nlp.training.trainer import TrainingPlan, train_ner

PLANS = {
    "baseline (ANERcorp + NewsFANE, MISC)": TrainingPlan(
        sources=(), vectors=False, gazetteer=False
    ),
    "+ floret vectors": TrainingPlan(sources=(), vectors=True, gazetteer=False),
    "+ WikiFANE + AQMAR": TrainingPlan(vectors=True, gazetteer=False),
    "+ gazetteer feature": TrainingPlan(vectors=True, gazetteer=True),
    "+ self-training, 6,000 silver sentences": TrainingPlan(silver_sentences=6000),
}


def words_per_second(model_dir: Path) -> float:
    """Words per CPU second of the model on ANERcorp's development text (one pass)."""
    from ner_speed import dev_texts

    nlp = load_ner(model_dir)
    texts = dev_texts()
    list(nlp.pipe(texts[:5]))
    start = time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return sum(len(t.split()) for t in texts) / (time.process_time() - start)


def size_mb(model_dir: Path) -> float:
    """The model directory's size in MB."""
    return sum(f.stat().st_size for f in model_dir.rglob("*") if f.is_file()) / 1e6


def row(name: str, model_dir: Path) -> str:
    """One Markdown table row from a trained model's meta.json."""
    dev = json.loads((model_dir / "meta.json").read_text("utf-8"))["kg_training"]["dev"]
    anercorp = dev["anercorp"]
    four, three = anercorp["4 types"], anercorp["3 types"]
    unseen = anercorp["recall seen/unseen"]["ALL"]["unseen"]
    wiki = [
        f"{dev[s]['3 types']['ALL']['f']:.3f}" if s in dev else "-" for s in ("wikifane", "aqmar")
    ]
    return (
        f"| {name} | {four['ALL']['f']:.3f} | {three['ALL']['f']:.3f} | "
        f"{four['Person']['r']:.3f} | {four['Organization']['r']:.3f} | {unseen:.3f} | "
        f"{wiki[0]} | {wiki[1]} | {words_per_second(model_dir):,.0f} | "
        f"{size_mb(model_dir):.0f} MB |"
    )


def main() -> None:
    """Train the chosen plans and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the models")
    parser.add_argument("--only", nargs="*", default=None, help="plan names to run")
    parser.add_argument("--table-only", action="store_true", help="only read trained models")
    args = parser.parse_args()
    names = [n for n in PLANS if args.only is None or n in args.only]
    for index, name in enumerate(names):
        model_dir = args.out / f"lever{index}"
        if not args.table_only:
            train_ner(model_dir, work_dir=args.out / "work", plan=PLANS[name])
    print(
        "| lever | ANERcorp F1, 4 types | 3 types | PERS R | ORG R | unseen R | WikiFANE F1 "
        "| AQMAR F1 | words/s | size |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for index, name in enumerate(names):
        model_dir = args.out / f"lever{index}"
        if (model_dir / "meta.json").is_file():
            print(row(name, model_dir))


if __name__ == "__main__":
    main()
