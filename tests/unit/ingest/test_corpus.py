"""Corpora in the ANT layout: articles by position, identified by the hash of their text."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.evaluation.gold import read_gold
from kg.ingest.corpus import corpus_article, corpus_articles, iter_blocks, text_sha256
from tests.shared_data import shared_data_file

ROOT = Path(__file__).resolve().parents[3]


def test_blocks_are_separated_by_empty_lines_only(tmp_path: Path) -> None:
    corpus = tmp_path / "c.txt.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as stream:
        stream.write("\nعنوان أول\nملخص\n  \nمتن\n\n\n\nعنوان ثان\nمتن ثان\n\n \n")
    assert list(iter_blocks(corpus)) == ["عنوان أول\nملخص\n  \nمتن", "عنوان ثان\nمتن ثان"]


def test_an_article_is_found_by_position_and_checked_by_hash(tmp_path: Path) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_text("أ\n\nب\n", encoding="utf-8")
    assert corpus_article(corpus, 1, text_sha256("ب")) == "ب"
    with pytest.raises(KgError, match="SHA-256 differs"):
        corpus_article(corpus, 0, text_sha256("ب"))
    with pytest.raises(KgError, match="has no article 5"):
        corpus_article(corpus, 5)
    with pytest.raises(KgError, match="no such corpus file"):
        list(iter_blocks(tmp_path / "absent.txt.gz"))


@pytest.mark.parametrize("name", ["ant_dev.jsonl", "ant_test.jsonl"])
def test_every_gold_article_is_the_annotated_text(name: str) -> None:
    corpus = shared_data_file("text/ant_multisource_v2.1.txt.gz")
    articles = corpus_articles(corpus)
    for gold in read_gold(ROOT / "evaluation" / name):
        assert text_sha256(articles[gold.reference["position"]]) == gold.reference["sha256"]
