"""Extract the articles of a gold file and score the documents: the Python API of `kg eval`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.errors import KgError
from kg.evaluation.gold import GoldArticle, read_gold
from kg.evaluation.scoring import Scorer, Scores
from kg.extraction.pipeline import Extractor
from kg.ingest import article_from_text
from kg.ingest.corpus import corpus_article, text_sha256
from kg.records import Article

# The data folder kg's corpora come from: `../shared/data` beside the checkout, or KG_DATA_DIR.
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def data_dir() -> Path:
    """Where corpora named by gold files are looked up (KG_DATA_DIR, else ../shared/data)."""
    return Path(os.environ.get("KG_DATA_DIR") or DEFAULT_DATA_DIR)


def article_text(gold: GoldArticle, gold_dir: Path, corpora: Path) -> str:
    """The text of a gold article, from its corpus or its file, checked against its hash."""
    reference = gold.reference
    expected = reference.get("sha256")
    if "path" in reference:
        path = gold_dir / reference["path"]
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise KgError(f"line {gold.line}: no such article file {path}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise KgError(f"line {gold.line}: cannot read {path}: {exc}") from None
        if expected and text_sha256(text) != expected:
            raise KgError(f"line {gold.line}: {path} is not the annotated text (SHA-256 differs)")
        return text
    corpus = corpora / reference["corpus"]
    if not corpus.is_file():
        raise KgError(
            f"line {gold.line}: the corpus {corpus} is absent "
            "(set --data or KG_DATA_DIR to the folder that holds it)"
        )
    return corpus_article(corpus, int(reference["position"]), expected)


def evaluate(
    gold_path: Path,
    corpora: Path | None = None,
    workers: int = 1,
    on_article: Callable[[GoldArticle], None] | None = None,
) -> Scores:
    """Score kg's extraction of every article of `gold_path` (one run, in file order)."""
    golds = read_gold(gold_path)
    folder = corpora or data_dir()
    articles: list[Article] = []
    for gold in golds:
        text = article_text(gold, gold_path.parent, folder)
        articles.append(article_from_text(text, id=gold.name.replace("#", ":"), path=gold.name))
    extractor = Extractor()
    scorer = Scorer(extractor.kb)
    documents: Iterator = extractor.documents(articles, workers)
    for gold, document in zip(golds, documents, strict=True):
        scorer.add(document, gold)
        if on_article:
            on_article(gold)
    return scorer.scores
