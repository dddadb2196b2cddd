"""A given name before `بن` joins the Person span that starts at `بن`."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.nlp.pipeline import default_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_pipeline()


def persons(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.ent_id_) for e in nlp(text).ents if e.label_ == "Person"]


def test_a_brother_is_not_the_crown_prince(nlp: Language) -> None:
    # the knowledge base spells Mohammed bin Salman `بن سلمان` too
    assert persons(nlp, "وقال الأمير خالد بن سلمان إن بلاده لن تتراجع.") == [("خالد بن سلمان", "")]


def test_the_same_given_name_keeps_the_known_person(nlp: Language) -> None:
    assert persons(nlp, "وأكد رئيس الوزراء أحمد بن دغر أن الحكومة عادت.") == [
        ("أحمد بن دغر", "ahmed-obeid-bin-daghr")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a verb before the name, even one that is also a given name (`كان`)
        "وكان بن دغر قد عاد إلى عدن.",
        "وقال بن دغر إن الحكومة عادت.",
        # a title before it
        "وقال الرئيس بن علي يلدريم إن الانتخابات قريبة.",
    ],
)
def test_other_words_before_the_patronym_stay_out(nlp: Language, text: str) -> None:
    assert [name for name, _ in persons(nlp, text)] == [
        name for name in ("بن دغر", "بن علي يلدريم") if name in text
    ]
