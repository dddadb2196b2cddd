"""The unlabelled Arabic news of `../shared/data/text/` (the ANT corpus), deduplicated, with
the articles kept for evaluation left out.

Each corpus file is UTF-8 gzip text, one article per block of lines (title, abstract, body),
blocks separated by a blank line; a block's position is its 0-based index among the non-empty
blocks. The relation development and test sets are ANT articles too: their positions are
listed in `held_out_ant.txt` (beside this module), and no text that vectors, pretraining or
self-training learn from may contain them. An article is left out when it is at a held-out
position, or when its text or its title is that of a held-out article (the corpus repeats
articles), and every other article is kept once.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.arabic import match_key

TEXT_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "text"
MULTISOURCE_FILE = "ant_multisource_v2.1.txt.gz"
JAWHARAFM_FILE = "ant_jawharafm_v1.1.txt.gz"
HELD_OUT_FILE = Path(__file__).with_name("held_out_ant.txt")


def read_blocks(path: Path) -> list[str]:
    """The non-empty blank-line-separated blocks of a gzip text file, in order."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        text = handle.read()
    return [block.strip("\n") for block in text.split("\n\n") if block.strip()]


def held_out_positions(path: Path = HELD_OUT_FILE) -> frozenset[int]:
    """The positions of the multisource file's articles kept for evaluation."""
    lines = path.read_text("utf-8").splitlines()
    return frozenset(int(line) for line in lines if line.strip() and not line.startswith("#"))


def _title_key(block: str) -> str:
    return match_key(block.split("\n", 1)[0])


def unique_articles(
    blocks: Iterable[str], held_out: Iterable[str] = (), *, skip: frozenset[int] = frozenset()
) -> Iterator[tuple[int, str]]:
    """`(position, article)` for each block once, leaving out the positions in `skip` and
    every block whose text or title is that of one of the `held_out` articles."""
    held = list(held_out)
    seen = {match_key(block) for block in held}
    titles = {_title_key(block) for block in held}
    for position, block in enumerate(blocks):
        if position in skip:
            continue
        key = match_key(block)
        if key in seen or _title_key(block) in titles:
            continue
        seen.add(key)
        yield position, block


def training_articles(text_dir: Path = TEXT_DIR) -> Iterator[str]:
    """Every ANT article (both files) that unsupervised training may read, each once."""
    multisource = read_blocks(text_dir / MULTISOURCE_FILE)
    skip = held_out_positions()
    held = [multisource[position] for position in sorted(skip) if position < len(multisource)]
    for _, article in unique_articles(multisource, held, skip=skip):
        yield article
    for _, article in unique_articles(read_blocks(text_dir / JAWHARAFM_FILE), held):
        yield article
