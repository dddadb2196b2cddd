"""People and organisations that `kg extract` finds in unseen news and the knowledge base does
not list: the statistical NER's gain as the product shows it.

    python benchmarks/unseen_entities.py [--model DIR] [--first 57] [--step 157] [--count 200]

Reads `--count` ANT articles (`../shared/data/text/ant_multisource_v2.1.txt.gz`): every
`--step`-th from position `--first` on (0-based among the non-empty blocks), so all five
outlets and the whole year take part, skipping the relation development and test articles
(`kg/nlp/training/held_out_ant.txt`); extracts them with the default pipeline on the
given NER model (default: the packaged one), and prints how many distinct Person and
Organization entities without a knowledge-base id it found, with their mentions, and a seeded
random sample of them to check by reading.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from kg.extraction.pipeline import Extractor
from kg.ingest import article_from_text
from kg.kb import default_kb
from kg.nlp.pipeline import build_pipeline
from kg.nlp.training.unlabelled import MULTISOURCE_FILE, TEXT_DIR, held_out_positions, read_blocks

LABELS = ("Person", "Organization")


def main() -> None:
    """Extract the articles and print the counts and the sample."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="NER model directory")
    parser.add_argument("--first", type=int, default=57, help="first article position")
    parser.add_argument("--step", type=int, default=157, help="take every N-th article")
    parser.add_argument("--count", type=int, default=200, help="number of articles")
    parser.add_argument("--sample", type=int, default=40, help="entities to print")
    args = parser.parse_args()
    skip = held_out_positions()
    blocks = read_blocks(TEXT_DIR / MULTISOURCE_FILE)
    stride = range(args.first, len(blocks), args.step)
    positions = [p for p in stride if p not in skip][: args.count]
    kb_ids = {entity.id for entity in default_kb()}
    extractor = Extractor(build_pipeline(ner_model=args.model))
    found: dict[str, Counter[str]] = {label: Counter() for label in LABELS}
    names: dict[str, str] = {}
    for position in positions:
        document = extractor.document(article_from_text(blocks[position]))
        for entity in document.entities:
            if entity.label in LABELS and entity.id not in kb_ids:
                found[entity.label][entity.id] += len(entity.mentions)
                names[entity.id] = entity.name
    words = sum(len(blocks[p].split()) for p in positions)
    print(f"{len(positions)} articles (positions {positions[0]}..{positions[-1]}), {words:,} words")
    for label in LABELS:
        print(
            f"{label}: {len(found[label])} entities not in the knowledge base, "
            f"{sum(found[label].values())} mentions"
        )
    rng = random.Random(0)
    for label in LABELS:
        ids = sorted(found[label])
        chosen = sorted(rng.sample(ids, min(args.sample // len(LABELS), len(ids))))
        print(f"\nsample, {label}:")
        for entity_id in chosen:
            print(f"  {names[entity_id]}\t({found[label][entity_id]} mentions)")


if __name__ == "__main__":
    main()
