"""A corpus of real news for the benchmarks: ANT articles written as kg's JSON Lines input.

    python benchmarks/ant_corpus.py OUT.jsonl --count 2000

Takes `count` articles of `../shared/data/text/ant_multisource_v2.1.txt.gz` (Apache-2.0, the
ANT corpus of Chouigui et al.), each once (the corpus repeats articles), leaving out the
relation development and test articles (`kg/nlp/training/held_out_ant.txt`), spread evenly
over the file so that every outlet and month takes part. Each record is `{"id": "ant-<position>",
"text": ...}`. The text stays outside the repository: write the file to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.nlp.training.unlabelled import (
    MULTISOURCE_FILE,
    TEXT_DIR,
    held_out_positions,
    read_blocks,
    unique_articles,
)


def write_corpus(path: Path, count: int, text_dir: Path = TEXT_DIR) -> int:
    """Write `count` deduplicated ANT articles to `path` (JSON Lines); return their words."""
    corpus = text_dir / MULTISOURCE_FILE
    if not corpus.is_file():
        sys.exit(f"the benchmark needs {corpus} (the ANT corpus of ../shared/data/text), absent")
    blocks = read_blocks(corpus)
    skip = held_out_positions()
    held = [blocks[position] for position in sorted(skip) if position < len(blocks)]
    unique = list(unique_articles(blocks, held, skip=skip))
    if count > len(unique):
        sys.exit(f"the corpus has {len(unique)} distinct articles, fewer than {count}")
    step = len(unique) / count
    chosen = [unique[int(i * step)] for i in range(count)]
    with path.open("w", encoding="utf-8") as stream:
        for position, text in chosen:
            stream.write(json.dumps({"id": f"ant-{position}", "text": text}, ensure_ascii=False))
            stream.write("\n")
    return sum(len(text.split()) for _, text in chosen)


def main() -> None:
    """Command line: write the corpus and say how big it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    words = write_corpus(args.output, args.count)
    print(f"{args.count} articles, {words:,} words: {args.output}")


if __name__ == "__main__":
    main()
