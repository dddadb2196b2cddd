"""The common-word list the cue rules use to tell where a name ends."""

from __future__ import annotations

from pathlib import Path

from kg.nlp.training.conll import TaggedSentence
from kg.nlp.training.corpora import ANERCORP_FILE
from kg.nlp.training.wordlists import common_words, write_common_words
from kg.nlp.wordlists import packaged_common_words
from tests.shared_data import shared_data_file


def test_a_word_mostly_outside_entities_and_seen_often_is_common() -> None:
    sentences = [
        TaggedSentence(("قال", "عباس", "اليوم"), ("O", "B-PERS", "O")),
        TaggedSentence(("قال", "عباس", "اليوم"), ("O", "B-PERS", "O")),
        TaggedSentence(("قال", "عباس", "اليوم"), ("O", "O", "O")),
        TaggedSentence(("قال", "نادر", "2020"), ("O", "O", "O")),
    ]
    assert common_words(sentences, str) == ["اليوم", "قال"]


def test_names_are_not_common_and_common_nouns_are() -> None:
    words = packaged_common_words()
    assert {"عباس", "محمد", "الصدر"}.isdisjoint(words)
    assert {"اليوم", "التدخل", "تشكيل"} <= words


def test_packaged_list_is_rebuilt_exactly_from_anercorp(tmp_path: Path) -> None:
    rebuilt = tmp_path / "common_words.txt"
    write_common_words(shared_data_file(f"ner/{ANERCORP_FILE}"), rebuilt)
    assert set(rebuilt.read_text("utf-8").split()) == packaged_common_words()
