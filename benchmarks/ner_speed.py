"""Words per second per core of the packaged NER model on the development text.

Run with one thread (the figure is per core):

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python benchmarks/ner_speed.py [--model PATH]

The development sentences (the last 15% of ANERcorp, as `kg.nlp.training.corpora` holds them
out) are joined into
article-sized texts of about 400 words and tagged with `nlp.pipe`; the best of three runs is
reported, counting words as whitespace-separated input tokens and time as the process's CPU
time (so that other jobs on the machine do not slow the figure down). The time to load the
model and tag a first Doc (wall clock and CPU) is printed too.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.models import load_ner
from kg.nlp.tokenizer import blank_arabic
from kg.nlp.training.conll import read_conll
from kg.nlp.training.corpora import ANERCORP_DEV_FRACTION, ANERCORP_FILE, DATA_DIR
from kg.nlp.training.split import tail_indices

ARTICLE_WORDS = 400
RUNS = 3


def dev_texts() -> list[str]:
    """The development sentences as article-sized texts."""
    sentences = read_conll(DATA_DIR / ANERCORP_FILE)
    texts: list[str] = []
    current: list[str] = []
    for index in tail_indices(len(sentences), ANERCORP_DEV_FRACTION):
        current.extend(sentences[index].tokens)
        if len(current) >= ARTICLE_WORDS:
            texts.append(" ".join(current))
            current = []
    if current:
        texts.append(" ".join(current))
    return texts


def main() -> None:
    """Print load time and words per second of the model on the development text."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model directory")
    args = parser.parse_args()
    blank_arabic()  # import cost paid before timing the load
    start, cpu = time.perf_counter(), time.process_time()
    nlp = load_ner(args.model)
    nlp("قال")  # the first Doc also reads the gazetteer, if the model uses it
    print(
        f"model load and first Doc: {time.perf_counter() - start:.3f} s "
        f"({time.process_time() - cpu:.3f} s CPU)"
    )
    texts = dev_texts()
    words = sum(len(text.split()) for text in texts)
    list(nlp.pipe(texts[:5]))  # warm-up
    best = min(_timed(nlp, texts) for _ in range(RUNS))
    print(f"{words} words in {best:.2f} s: {words / best:,.0f} words/s (one core)")


def _timed(nlp, texts: list[str]) -> float:
    start = time.process_time()
    for _doc in nlp.pipe(texts, batch_size=64):
        pass
    return time.process_time() - start


if __name__ == "__main__":
    main()
