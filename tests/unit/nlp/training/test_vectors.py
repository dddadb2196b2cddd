"""Vectors from unlabelled news: the text they learn from (deduplicated, evaluation articles
left out), floret vectors keyed on the matching key, and a model that trains with them and
with the gazetteer feature, saves, and loads into the default pipeline."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from kg.models import load_ner
from kg.nlp.pipeline import build_pipeline
from kg.nlp.tokenizer import blank_arabic
from kg.nlp.training.conll import TaggedSentence
from kg.nlp.training.corpora import Sources, build_corpora
from kg.nlp.training.trainer import TrainingPlan, train_ner
from kg.nlp.training.unlabelled import (
    MULTISOURCE_FILE,
    held_out_positions,
    training_articles,
    unique_articles,
)
from kg.nlp.training.vectors import VectorSettings

TINY_VECTORS = VectorSettings(dim=8, bucket=2000, epoch=1, min_count=1)


def test_duplicates_and_copies_of_held_out_articles_are_left_out() -> None:
    blocks = [
        "عنوان أول\nنص المقال الأول",
        "عنوان ثان\nنص المقال الثاني",
        "عنوان أول\nنص المقال الأول",  # an exact repeat
        "عنوان ثالث\nنص محجوز للتقييم",  # held out by position
        "عنوان ثالث\nنص محجوز للتقييم بعد تعديل",  # same title as the held-out one
        "عنوان رابع\nنص آخر",
    ]
    kept = list(unique_articles(blocks, [blocks[3]], skip=frozenset({3})))
    assert [position for position, _ in kept] == [0, 1, 5]


def test_the_relation_evaluation_articles_are_held_out() -> None:
    positions = held_out_positions()
    assert len(positions) == 130 and 645 in positions and 24166 in positions


def _text_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "text"
    directory.mkdir()
    lines = [
        "أعلن الرئيس اللبناني ميشال عون في بيروت أن الحكومة ستجتمع",
        "وقال ظريف للصحفيين في مطار طهران إن المحادثات مستمرة",
        "زار رئيس الوزراء العراقي بغداد والتقى قادة الحشد الشعبي",
    ]
    articles = "\n\n".join(f"خبر {n}\n{lines[n % 3]} {n}" for n in range(40))
    for name in (MULTISOURCE_FILE, "ant_jawharafm_v1.1.txt.gz"):
        with gzip.open(directory / name, "wt", encoding="utf-8") as handle:
            handle.write(articles)
    return directory


def _sentence(text: str) -> TaggedSentence:
    pairs = [item.rpartition("/") if "/" in item else (item, "", "O") for item in text.split()]
    return TaggedSentence(tuple(t for t, _, _ in pairs), tuple(tag for _, _, tag in pairs))


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory):
    tmp_path = tmp_path_factory.mktemp("vectors")
    stories = [
        "زار/O ميشال/B-PERS عون/I-PERS مدينة/O بيروت/B-LOC أمس/O ./O",
        "وقال/O ظريف/B-PERS في/O طهران/B-LOC إن/O الحشد/B-ORG الشعبي/I-ORG مستمر/O ./O",
    ]
    held_out = "ثم/O عاد/O الوفد/O إلى/O القاهرة/B-LOC بعد/O المحادثات/O الطويلة/O ./O"
    anercorp = [_sentence(s) for s in [*stories * 6, held_out]]
    corpora = build_corpora(
        blank_arabic().tokenizer, Sources(anercorp, []), anercorp_dev_fraction=0.1
    )
    plan = TrainingPlan(sources=(), vector_settings=TINY_VECTORS, vector_threads=1)
    arguments = {
        "text_dir": _text_dir(tmp_path),
        "work_dir": tmp_path / "work",
        "plan": plan,
        "corpora": corpora,
        "overrides": {"training.max_steps": 4, "training.eval_frequency": 2},
    }
    lines: list[str] = []
    first = train_ner(tmp_path / "model", echo=lines.append, **arguments)
    again: list[str] = []
    train_ner(tmp_path / "model2", echo=again.append, **arguments)
    return first, lines, again


def test_vectors_are_built_once_and_read_again(trained) -> None:
    _, lines, again = trained
    assert any(line.startswith("    tokenised") for line in lines)
    assert not any("reading the ones built before" in line for line in lines)
    assert any("reading the ones built before" in line for line in again)


def test_saved_model_keys_its_floret_vectors_on_the_matching_key(trained) -> None:
    result, _, _ = trained
    nlp = load_ner(result.model_dir)
    vectors = nlp.vocab.vectors
    assert vectors.mode == "floret" and vectors.shape == (2000, 8)
    # Hamza and ta marbuta variants have one matching key, so one vector.
    doc = nlp.make_doc("أعلن اعلن إعلن الحكومة الحكومه")
    rows = vectors.get_batch([token.norm for token in doc])
    assert (rows[0] == rows[1]).all() and (rows[1] == rows[2]).all()
    assert (rows[3] == rows[4]).all() and not (rows[0] == rows[3]).all()
    config = nlp.config["components"]["ner"]["model"]["tok2vec"]["embed"]
    assert config["include_static_vectors"] and config["gazetteer"]


def test_model_with_vectors_runs_in_the_default_pipeline(trained) -> None:
    result, _, _ = trained
    nlp = build_pipeline(ner_model=result.model_dir)
    doc = nlp("وقال ظريف للصحفيين في مطار طهران إن الحرس الثوري مستعد")
    assert doc.text.startswith("وقال")
    assert nlp.vocab.vectors.shape == (2000, 8)


def test_training_reports_every_step(trained) -> None:
    result, lines, _ = trained
    assert list(result.seconds) == ["vectors", "training", "evaluation"]
    assert "[1] vectors ..." in lines and any("[3] evaluation: done in" in x for x in lines)


def test_every_article_is_read_once(tmp_path: Path) -> None:
    # 40 blocks, three texts: the repeated ones are read once per file.
    articles = list(training_articles(_text_dir(tmp_path)))
    assert len(articles) == 80


def test_self_training_adds_silver_sentences_and_reports_the_step(tmp_path: Path) -> None:
    """`--self-training N`: the packaged model tags the unlabelled news (every tenth article)
    and the sentences with names it tags consistently join the training Docs."""
    directory = tmp_path / "text"
    directory.mkdir()
    sentence = "وقال حزب الله في بيان نشره موقعه إن مقاتليه تصدوا للهجوم قرب بيروت"
    articles = "\n\n".join(f"عنوان الخبر رقم {n}\n{sentence} يوم {n}" for n in range(120))
    for name in (MULTISOURCE_FILE, "ant_jawharafm_v1.1.txt.gz"):
        with gzip.open(directory / name, "wt", encoding="utf-8") as handle:
            handle.write(articles)
    stories = [_sentence("زار/O ميشال/B-PERS عون/I-PERS مدينة/O بيروت/B-LOC أمس/O ./O")] * 9
    corpora = build_corpora(
        blank_arabic().tokenizer,
        Sources([*stories, _sentence("عاد/O الوفد/O إلى/O القاهرة/B-LOC ./O")], []),
        anercorp_dev_fraction=0.1,
    )
    lines: list[str] = []
    result = train_ner(
        tmp_path / "model",
        text_dir=directory,
        plan=TrainingPlan(sources=(), vectors=False, gazetteer=False, silver_sentences=10),
        corpora=corpora,
        overrides={"training.max_steps": 2, "training.eval_frequency": 1},
        echo=lines.append,
    )
    assert list(result.seconds) == ["self-training data", "training", "evaluation"]
    assert result.report["silver sentences"] == 10
    assert result.report["silver trusted names"] >= 1
    assert any("10 silver sentences" in line for line in lines)
