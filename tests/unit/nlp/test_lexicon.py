"""The tokenizer's stem lexicon: rebuilt from NewsFANE and the knowledge base, and current."""

from __future__ import annotations

from pathlib import Path

import spacy

from kg.nlp.tokenizer import TOKENIZER_CONFIG
from kg.nlp.training.corpora import NEWSFANE_FILE
from kg.nlp.training.wordlists import write_lexicon, write_packaged_lexicon
from kg.nlp.wordlists import packaged_lexicon
from tests.shared_data import shared_data_file


def test_packaged_lexicon_is_current_with_the_knowledge_base(tmp_path: Path) -> None:
    """Fails when kg/data/kb.json was edited without rebuilding the lexicon, which leaves
    the new names unsplittable from their clitics (`بأربيل`)."""
    rebuilt = tmp_path / "lexicon.txt"
    write_packaged_lexicon(shared_data_file(f"ner/{NEWSFANE_FILE}"), rebuilt)
    assert set(rebuilt.read_text("utf-8").split()) == packaged_lexicon()


def test_clitics_come_off_knowledge_base_names() -> None:
    nlp = spacy.blank("ar", config=TOKENIZER_CONFIG)
    assert [t.text for t in nlp("بأربيل وللحشد")] == ["ب", "أربيل", "و", "ل", "لحشد"]


def test_a_spelling_with_its_clitic_leaves_the_clitic_splittable(tmp_path: Path) -> None:
    """A knowledge-base spelling such as `تحالف دعم الشرعية باليمن` must not make `باليمن` a
    stem: the tokenizer would stop reading `اليمن` in it anywhere in the text."""
    corpus = tmp_path / "segmented.tsv"
    corpus.write_text("اليمن\tB-LOC\nاليمن\tB-LOC\nالشرعية\tO\nالشرعية\tO\n", "utf-8")
    lexicon = tmp_path / "lexicon.txt"
    write_lexicon(corpus, lexicon, extra=["تحالف دعم الشرعية باليمن", "القوات الموالية للشرعية"])
    assert set(lexicon.read_text("utf-8").split()) == {
        "اليمن",
        "الشرعيه",
        "تحالف",
        "دعم",
        "القوات",
        "المواليه",
    }
