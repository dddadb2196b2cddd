"""Self-training data: which of a teacher's names are trusted, and how they are propagated."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from kg.nlp.tokenizer import blank_arabic
from kg.nlp.training.silver import SilverSettings, silver_docs, trusted_names

NLP = blank_arabic()
MIXED = "والتقى سامر بن خالد مع وفد من حزب الله في المدينة"
MISSED = "وانتقد مسؤول حزب الله بسبب موقفه من الاتفاق"
# The teacher's tags: Hezbollah four times of five, `على` ("on", whose key is that of the name
# `علي`) once of four, a person once.
TAGGED = {
    "وقال حزب الله في بيان اليوم إنه سيرد": [("حزب الله", "Organization")],
    "وأعلن حزب الله مساء أمس عن موقفه": [("حزب الله", "Organization")],
    "وشارك حزب الله في الاجتماع الطويل": [("حزب الله", "Organization")],
    MISSED: [],
    MIXED: [("سامر بن خالد", "Person"), ("حزب الله", "Organization")],
    "وجلس على الكرسي في القاعة الكبيرة": [("على", "Person")],
    "وسقط على الأرض في الشارع الرئيسي": [],
    "وتحدث على الهاتف مع مسؤول حكومي": [],
    "ووقع على الاتفاق في العاصمة": [],
}


class Teacher:
    """Stands in for the NER: returns the tags above."""

    def pipe(self, texts, batch_size: int = 128):
        for text in texts:
            doc = NLP.make_doc(text)
            spans = []
            for name, label in TAGGED[text]:
                start = text.index(name)
                spans.append(doc.char_span(start, start + len(name), label=label))
            doc.ents = spans
            yield doc


def test_a_name_tagged_often_and_alike_is_trusted_a_word_rarely_tagged_is_not() -> None:
    docs = list(Teacher().pipe(TAGGED))
    trusted = trusted_names(docs, min_count=3, min_agreement=0.9, min_tag_rate=0.6)
    assert trusted == {"حزبالله": "Organization"}


def silver(keep_unsure: bool) -> dict[str, Doc]:
    settings = SilverSettings(sentences=100, keep_unsure=keep_unsure)
    docs = silver_docs(Teacher(), NLP.make_doc, ["\n".join(TAGGED)], set(), settings, 0, Counter())
    return {doc.text: doc for doc in docs}


def test_a_trusted_name_is_taught_where_the_teacher_missed_it() -> None:
    doc = silver(keep_unsure=False)[MISSED]
    assert [(e.text, e.label_) for e in doc.ents] == [("حزب الله", "Organization")]


def test_a_sentence_without_a_trusted_name_teaches_nothing() -> None:
    assert "وجلس على الكرسي في القاعة الكبيرة" not in silver(keep_unsure=True)


def test_an_untrusted_tag_is_left_unannotated_or_kept_as_asked() -> None:
    person = [t for t in NLP.make_doc(MIXED) if t.text in ("سامر", "بن", "خالد")]
    unsure = silver(keep_unsure=False)[MIXED]
    kept = silver(keep_unsure=True)[MIXED]
    assert [(e.text, e.label_) for e in unsure.ents] == [("حزب الله", "Organization")]
    # neither entity nor `O`: training neither rewards nor punishes a prediction there
    assert all(unsure[t.i].ent_iob_ == "" for t in person)
    assert [(e.text, e.label_) for e in kept.ents] == [
        ("سامر بن خالد", "Person"),
        ("حزب الله", "Organization"),
    ]
