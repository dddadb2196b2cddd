"""Floret vectors of the matching keys, trained on unlabelled Arabic news and the corpora.

The NER's embedding (`kg.ArabicHashEmbed.v1` with `include_static_vectors`) reads one vector
per token through spaCy's `StaticVectors`, keyed on the token's `NORM`, which kg's tokenizer
sets to the matching key: `أعلن`, `اعلن` and `إعلن` share one vector, and so do a word with
and without its split-off clitic. Floret (Explosion's fastText fork, on PyPI) stores a word
as the sum of hashed character n-grams in a fixed table of `bucket` rows, so a name never seen
in training still gets a vector from its pieces, and the table's size does not grow with the
vocabulary (50,000 x 100 floats: 20 MB).

The text: every ANT article that may be learned from (`unlabelled.training_articles`:
deduplicated, the relation development and test articles left out) plus the training text of
the annotated corpora, never their development text; one line of the article per line,
tokenised by the pipeline's tokenizer and written as matching keys.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from spacy.tokens import Doc

from kg.nlp.tokenizer import blank_arabic

VECTORS_ATTR = "NORM"
DONE_MARK = "vectors.done"


@dataclass(frozen=True)
class VectorSettings:
    """Floret's training settings (see floret's `train_unsupervised`)."""

    dim: int = 100
    bucket: int = 50000
    minn: int = 3
    maxn: int = 5
    hash_count: int = 2
    epoch: int = 5
    model: str = "cbow"
    min_count: int = 3

    def fingerprint(self, inputs: str) -> str:
        """A short id of these settings and the inputs they were trained on."""
        text = json.dumps({"settings": asdict(self), "inputs": inputs}, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def write_vector_text(
    texts: Iterable[str],
    tokenize: Callable[[str], Doc],
    path: Path,
    progress: Callable[[int], None] = lambda done: None,
) -> int:
    """Write each line of `texts` as its tokens' matching keys; return the token count."""
    tokens = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for done, text in enumerate(texts, 1):
            for line in text.split("\n"):
                keys = [token.norm_ for token in tokenize(line) if not token.is_space]
                if keys:
                    out.write(" ".join(keys) + "\n")
                    tokens += len(keys)
            progress(done)
    return tokens


def train_vectors(
    text_path: Path, output_dir: Path, settings: VectorSettings, *, threads: int
) -> Path:
    """Train floret on `text_path` and save the vectors as a spaCy pipeline in `output_dir`
    (the `[initialize] vectors` of the training config), keyed on `NORM`.

    Floret takes no seed: with one thread its result is the same on every run, with more the
    threads' interleaving makes it vary slightly."""
    import floret
    from spacy.training.initialize import convert_vectors

    output_dir.mkdir(parents=True, exist_ok=True)
    model = floret.train_unsupervised(
        str(text_path),
        model=settings.model,
        mode="floret",
        dim=settings.dim,
        bucket=settings.bucket,
        minn=settings.minn,
        maxn=settings.maxn,
        hashCount=settings.hash_count,
        epoch=settings.epoch,
        minCount=settings.min_count,
        thread=threads,
        verbose=2,
    )
    floret_path = output_dir / "vectors.floret"
    model.save_floret_vectors(str(floret_path))
    nlp = blank_arabic()
    convert_vectors(nlp, floret_path, truncate=0, prune=-1, mode="floret", attr=VECTORS_ATTR)
    nlp.vocab.vectors.name = "kg_floret_norm"
    nlp.to_disk(output_dir / "pipeline")
    floret_path.unlink()
    (output_dir / DONE_MARK).write_text(json.dumps(asdict(settings)) + "\n", "utf-8")
    return output_dir / "pipeline"


def built_vectors(output_dir: Path) -> Path | None:
    """The vectors pipeline an earlier run built in `output_dir`, if it finished."""
    return output_dir / "pipeline" if (output_dir / DONE_MARK).is_file() else None
