"""The clitic-splitting tokenizer: splits where the rest is a known stem, keeps offsets."""

import random

import pytest
import spacy

from kg.nlp.tokenizer import ArabicTokenizer
from kg.nlp.wordlists import packaged_lexicon


@pytest.fixture(scope="module")
def tokenizer() -> ArabicTokenizer:
    return ArabicTokenizer(spacy.blank("ar").vocab, packaged_lexicon())


def words(tokenizer: ArabicTokenizer, text: str) -> list[str]:
    return [token.text for token in tokenizer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بدمشق", ["ب", "دمشق"]),
        ("وحزب", ["و", "حزب"]),
        ("ولبنان", ["و", "لبنان"]),
        ("لفيلق", ["ل", "فيلق"]),
        ("للحرس", ["ل", "لحرس"]),
        ("وللحرس", ["و", "ل", "لحرس"]),
        ("وبدمشق", ["و", "ب", "دمشق"]),
        # after the conjunction, a known word is not split again
        ("وكانت", ["و", "كانت"]),
        ("وبحث", ["و", "بحث"]),
        # a doubled و is the conjunction on a word that starts with و
        ("ووكالة", ["و", "وكالة"]),
        # two-letter stems: only function words
        ("وهو", ["و", "هو"]),
        ("ولم", ["و", "لم"]),
        ("بما", ["ب", "ما"]),
        ('و"الجهاد', ["و", '"', "الجهاد"]),
        ("لـ قاآني", ["لـ", "قاآني"]),
        ('بـ"العلاقات', ["بـ", '"', "العلاقات"]),
        ("2020-", ["2020", "-"]),
        ('الإسلامي".', ["الإسلامي", '"', "."]),
        # a comma typed without its space
        ("لافروف،الاثنين", ["لافروف", "،", "الاثنين"]),
    ],
)
def test_proclitics_split(tokenizer: ArabicTokenizer, text: str, expected: list[str]) -> None:
    assert words(tokenizer, text) == expected


@pytest.mark.parametrize(
    "word", ["بغداد", "لبنان", "فلسطين", "وزير", "كتاب", "بيروت", "وكالة", "بدر", "بحر", "ووهان"]
)
def test_words_that_start_with_clitic_letters_stay_whole(
    tokenizer: ArabicTokenizer, word: str
) -> None:
    assert words(tokenizer, word) == [word]


def test_norm_is_the_matching_key_with_the_article_restored(tokenizer: ArabicTokenizer) -> None:
    doc = tokenizer("للحرس الثوري وقاآني")
    assert [t.norm_ for t in doc] == ["ل", "الحرس", "الثوري", "و", "قاني"]


def test_text_and_offsets_are_preserved(tokenizer: ArabicTokenizer) -> None:
    rng = random.Random(7)
    pieces = ["بدمشق", "للحرس", "و", '"', "حزب", "الله", "،", " ", "  ", "\n", "قاآني", "ـ"]
    pieces.append("2020-")
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        doc = tokenizer(text)
        assert doc.text == text
        for token in doc:
            assert text[token.idx : token.idx + len(token.text)] == token.text


def test_serialisation_round_trip(tokenizer: ArabicTokenizer, tmp_path) -> None:
    tokenizer.to_disk(tmp_path)
    other = ArabicTokenizer(spacy.blank("ar").vocab, []).from_disk(tmp_path)
    assert other.lexicon == tokenizer.lexicon
    again = ArabicTokenizer(spacy.blank("ar").vocab, []).from_bytes(tokenizer.to_bytes())
    assert again.lexicon == tokenizer.lexicon
